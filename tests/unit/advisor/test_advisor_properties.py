"""Properties of the advisor over the bundled catalog and random answers (hypothesis)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import answer_sets
from fwtui.advisor.scoring import recommend
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.store import Catalog
from fwtui.render.recommendation import render_json

CATALOG = bundled_catalog()


def answers() -> st.SearchStrategy[dict[str, tuple[str, ...]]]:
    return answer_sets(CATALOG)


SETTINGS = settings(max_examples=60, deadline=None)


@SETTINGS
@given(answers())
def test_contributions_sum_to_the_score(given_answers: dict[str, tuple[str, ...]]) -> None:
    result = recommend(CATALOG, given_answers, with_flips=False)
    for ranked in result.ranking:
        assert abs(sum(c.value for c in ranked.contributions) - ranked.score) < 1e-9
        assert 0 <= result.percent(ranked) <= 100 + 1e-9


@SETTINGS
@given(answers())
def test_output_is_deterministic(given_answers: dict[str, tuple[str, ...]]) -> None:
    first = render_json(CATALOG, recommend(CATALOG, given_answers))
    second = render_json(CATALOG, recommend(CATALOG, dict(reversed(given_answers.items()))))
    assert first == second


def _without(catalog: Catalog, framework_id: str) -> Catalog:
    frameworks = {k: v for k, v in catalog.frameworks.items() if k != framework_id}
    return dataclasses.replace(catalog, frameworks=frameworks)


@SETTINGS
@given(answers(), st.sampled_from(sorted(CATALOG.frameworks)))
def test_eliminating_a_framework_never_reorders_the_others(
    given_answers: dict[str, tuple[str, ...]], removed: str
) -> None:
    before = [r.framework.id for r in recommend(CATALOG, given_answers, with_flips=False).ranking]
    after = [
        r.framework.id
        for r in recommend(_without(CATALOG, removed), given_answers, with_flips=False).ranking
    ]
    assert after == [framework_id for framework_id in before if framework_id != removed]


@SETTINGS
@given(answers(), st.sampled_from(sorted(CATALOG.criteria)), st.floats(0.1, 5))
def test_raising_a_weight_never_lowers_a_framework_best_on_it(
    given_answers: dict[str, tuple[str, ...]], criterion_id: str, extra: float
) -> None:
    base = recommend(CATALOG, given_answers, with_flips=False)
    criterion = CATALOG.criteria[criterion_id]
    raised = dataclasses.replace(
        CATALOG,
        criteria={
            **CATALOG.criteria,
            criterion_id: criterion.model_copy(update={"weight": criterion.weight + extra}),
        },
    )
    after = recommend(raised, given_answers, with_flips=False)

    def utility(framework_id: str) -> float:
        return CATALOG.level_of(CATALOG.frameworks[framework_id], criterion_id).utility

    order_before = [r.framework.id for r in base.ranking]
    order_after = [r.framework.id for r in after.ranking]
    if not order_before:
        return
    best = max(utility(f) for f in order_before)
    for framework_id in order_before:
        if utility(framework_id) == best:
            assert order_after.index(framework_id) <= order_before.index(framework_id)


@settings(max_examples=25, deadline=None)
@given(answers())
def test_every_flip_really_changes_the_winner(given_answers: dict[str, tuple[str, ...]]) -> None:
    result = recommend(CATALOG, given_answers)
    winner = result.winner.framework.id if result.winner else None
    for flip in result.flips:
        changed = {**given_answers, flip.question: flip.new}
        other = recommend(CATALOG, changed, with_flips=False)
        assert (other.winner.framework.id if other.winner else None) == flip.winner != winner
