"""Properties of `fwtui team` over random teams (hypothesis): determinism, file order,
one person equals their own recommendation, identical answers agree completely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_advisor_properties import answers  # random answer sets of the bundled questions

from fwtui.advisor.answers import answers_document
from fwtui.advisor.scoring import recommend
from fwtui.advisor.team import Person, decide, decide_files
from fwtui.catalog.loader import bundled_catalog
from fwtui.render.team import FORMATS, render

CATALOG = bundled_catalog()
SETTINGS = settings(max_examples=25, deadline=None)
NAMES = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay"]


@st.composite
def teams(draw: st.DrawFn, min_size: int = 1, max_size: int = 4) -> list[Person]:
    size = draw(st.integers(min_size, max_size))
    return [Person(NAMES[i], None, f"{NAMES[i]}.yaml", draw(answers())) for i in range(size)]


def outputs(people: list[Person]) -> dict[str, str]:
    result = decide(CATALOG, people)
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": "0"}):
        return {fmt: render(CATALOG, result, fmt) for fmt in FORMATS}


@pytest.mark.slow  # seconds of search; CI runs it with the slow set
@SETTINGS
@given(teams())
def test_the_same_answers_give_the_same_bytes(people: list[Person]) -> None:
    assert outputs(people) == outputs(list(people))


@pytest.mark.slow  # seconds of search; CI runs it with the slow set
@SETTINGS
@given(teams(min_size=2), st.randoms(use_true_random=False))
def test_the_order_of_the_files_does_not_matter(people: list[Person], rng: object) -> None:
    shuffled = list(people)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for person in people:
            path = Path(folder) / f"{person.who}.yaml"
            document = answers_document(CATALOG, dict(person.given), None, person.who)
            path.write_text(document, encoding="utf-8")
            paths.append(path)
        forward = decide_files(CATALOG, paths)
        backward = decide_files(CATALOG, [paths[people.index(p)] for p in shuffled])
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": "0"}):
        for fmt in FORMATS:
            assert render(CATALOG, forward, fmt) == render(CATALOG, backward, fmt)


@SETTINGS
@given(answers())
def test_one_persons_team_result_is_their_own_recommendation(
    given_answers: dict[str, tuple[str, ...]],
) -> None:
    own = recommend(CATALOG, given_answers, with_flips=False)
    team = decide(CATALOG, [Person("Ana", None, "ana.yaml", given_answers)])
    assert [i.framework.id for i in team.ranking] == [r.framework.id for r in own.ranking]
    assert [v.framework.id for v in team.vetoes] == [e.framework.id for e in own.eliminated]
    member = team.members[0]
    assert member.result.ranking[:3] == own.ranking[:3]
    if own.winner is not None:
        assert team.pick is not None
        assert team.pick.framework.id == own.winner.framework.id
        assert team.consensus == 100.0
    assert team.disagreements == ()
    assert team.agreement.changes == ()


@SETTINGS
@given(answers(), st.integers(2, 5))
def test_identical_answers_give_full_consensus(
    given_answers: dict[str, tuple[str, ...]], size: int
) -> None:
    people = [Person(NAMES[i], None, f"{i}.yaml", given_answers) for i in range(size)]
    team = decide(CATALOG, people)
    if team.ranking:
        assert team.consensus == 100.0
        assert team.pick is not None
        assert team.pick.framework.id in team.acceptable
    assert team.disagreements == ()
    assert team.agreement.changes == ()


@settings(max_examples=10, deadline=None)
@given(teams(min_size=2, max_size=3))
def test_the_changes_to_agree_do_give_everyone_the_same_pick(people: list[Person]) -> None:
    team = decide(CATALOG, people)
    agreement = team.agreement
    if agreement.framework is None:
        return  # none within two changes per person, or the search stopped: said so
    for member in team.members:
        changed = dict(member.result.answers)
        for change in agreement.changes:
            if change.who == member.who:
                changed[change.question] = change.new
        winner = recommend(CATALOG, changed, with_flips=False).winner
        assert winner is not None
        assert winner.framework.id == agreement.framework.id
    assert all(len([c for c in agreement.changes if c.who == m.who]) <= 2 for m in team.members)
