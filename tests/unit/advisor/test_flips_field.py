"""Flips ("what would change the answer") over a field of many frameworks with many ties: the flips
must be exactly those a full ranking of every answer one step away finds (the search stops
scanning early, so this checks that it never stops too early, and that ties resolve by id)."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import answer_sets
from fwtui.advisor.flips import alternatives
from fwtui.advisor.scoring import TIE_DIGITS, recommend
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.models import Framework
from fwtui.catalog.store import Catalog

BUNDLED = bundled_catalog()
COPIES = 6
"""Copies of each bundled framework: exact copies tie, changed ones spread the field."""


def field_catalog() -> Catalog:
    """The bundled frameworks, plus copies of each: half unchanged (ties), half with some
    levels changed at random (a seeded random, so every run tests the same field)."""
    rng = random.Random(11)
    frameworks: dict[str, Framework] = dict(BUNDLED.frameworks)
    for source in BUNDLED.frameworks.values():
        for n in range(COPIES):
            facts = dict(source.facts)
            if n % 2:
                for cid in rng.sample(sorted(facts), 8):
                    levels = [level.id for level in BUNDLED.levels(cid)] + ["unknown"]
                    facts[cid] = facts[cid].model_copy(update={"level": rng.choice(levels)})
            copy_id = f"{source.id}_copy{n}"
            frameworks[copy_id] = source.model_copy(
                update={"id": copy_id, "name": f"{source.name} {n}", "facts": facts}
            )
    return dataclasses.replace(BUNDLED, frameworks=frameworks)


CATALOG = field_catalog()


def answers() -> st.SearchStrategy[dict[str, tuple[str, ...]]]:
    return answer_sets(CATALOG)


def outcome(given_answers: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    """The winner of a full ranking, and who it ties with (None without a tie)."""
    ranking = recommend(CATALOG, given_answers, with_flips=False).ranking
    if not ranking:
        return None, None
    tied = len(ranking) > 1 and round(ranking[0].score, TIE_DIGITS) == round(
        ranking[1].score, TIE_DIGITS
    )
    return ranking[0].framework.id, ranking[1].framework.id if tied else None


@settings(max_examples=12, deadline=None)
@given(answers())
def test_the_flips_are_those_a_full_ranking_of_each_change_finds(
    given_answers: dict[str, tuple[str, ...]],
) -> None:
    result = recommend(CATALOG, given_answers)
    winner = result.winner.framework.id if result.winner else None
    expected = set()
    for question_id, current in result.answers.items():
        for new, _ in alternatives(CATALOG.questions[question_id], current):
            new_winner, tie_with = outcome({**given_answers, question_id: new})
            if new_winner != winner:
                expected.add((question_id, new, new_winner, tie_with))
    found = {(f.question, f.new, f.winner, f.tie_with) for f in result.flips}
    assert found == expected


def test_the_field_has_ties_and_spread() -> None:
    """The field this module tests on really has tied frameworks and varied ones."""
    ranking = recommend(CATALOG, {}, with_flips=False).ranking
    scores = [round(r.score, TIE_DIGITS) for r in ranking]
    assert len(set(scores)) > len(BUNDLED.frameworks)
    assert len(set(scores)) < len(scores)
