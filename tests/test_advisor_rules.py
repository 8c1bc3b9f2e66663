"""Unit tests of every effect and `when` rule of the advisor, on tiny in-memory catalogs."""

from __future__ import annotations

import pytest

from factories import criterion, framework, question, tiny_catalog
from fwtui.advisor.scoring import effective_answers, holds, recommend
from fwtui.catalog.models import When


def when(data: object) -> When:
    return When.model_validate(data)


ANSWERS = {"kind": ("api",), "extras": ("a", "b")}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"question": "kind", "any_of": ["api", "cms"]}, True),
        ({"question": "kind", "any_of": ["cms"]}, False),
        ({"question": "extras", "any_of": ["b"]}, True),
        ({"question": "missing", "any_of": ["x"]}, False),
        (
            {
                "all": [
                    {"question": "kind", "any_of": ["api"]},
                    {"question": "extras", "any_of": ["a"]},
                ]
            },
            True,
        ),
        (
            {
                "all": [
                    {"question": "kind", "any_of": ["api"]},
                    {"question": "extras", "any_of": ["z"]},
                ]
            },
            False,
        ),
        (
            {
                "any": [
                    {"question": "kind", "any_of": ["cms"]},
                    {"question": "extras", "any_of": ["a"]},
                ]
            },
            True,
        ),
        (
            {
                "any": [
                    {"question": "kind", "any_of": ["cms"]},
                    {"question": "extras", "any_of": ["z"]},
                ]
            },
            False,
        ),
        ({"not": {"question": "kind", "any_of": ["cms"]}}, True),
        ({"not": {"question": "kind", "any_of": ["api"]}}, False),
    ],
)
def test_when_rules(condition: object, expected: bool) -> None:
    assert holds(when(condition), ANSWERS) is expected


def test_no_condition_always_holds() -> None:
    assert holds(None, {})


def _catalog(effects: list[dict[str, object]], levels_a: str = "builtin", levels_b: str = "none"):  # type: ignore[no-untyped-def]
    criteria = [criterion("orm", weight=1.0), criterion("admin")]
    frameworks = [
        framework("alpha", {"orm": "partial", "admin": levels_a}),
        framework("beta", {"orm": "builtin", "admin": levels_b}),
    ]
    questions = [
        question(
            {
                "id": "q",
                "default": ["off"],
                "choices": [{"id": "off"}, {"id": "on", "effects": effects}],
            }
        )
    ]
    return tiny_catalog(criteria, frameworks, questions)


def test_default_weights_rank_by_utility() -> None:
    result = recommend(_catalog([]), {})
    assert [r.framework.id for r in result.ranking] == ["beta", "alpha"]
    assert result.weights == {"orm": 1.0, "admin": 0.0}


def test_add_effect_raises_weight_and_changes_winner() -> None:
    catalog = _catalog([{"criterion": "admin", "add": 2}])
    result = recommend(catalog, {"q": ("on",)})
    assert result.weights["admin"] == 2.0
    assert result.winner is not None
    assert result.winner.framework.id == "alpha"
    assert any("ADMIN" in reason for reason in result.winner.reasons)


def test_set_effect_replaces_weight() -> None:
    result = recommend(_catalog([{"criterion": "orm", "set": 0}]), {"q": ("on",)})
    assert result.weights["orm"] == 0.0


def test_add_never_goes_below_zero() -> None:
    result = recommend(_catalog([{"criterion": "orm", "add": -5}]), {"q": ("on",)})
    assert result.weights["orm"] == 0.0


def test_require_eliminates_with_reason() -> None:
    effect = {"criterion": "admin", "require": ["builtin"], "reason": "staff edit data"}
    result = recommend(_catalog([effect]), {"q": ("on",)})
    assert [r.framework.id for r in result.ranking] == ["alpha"]
    assert [e.framework.id for e in result.eliminated] == ["beta"]
    assert "staff edit data" in result.eliminated[0].reason
    assert "ADMIN: none" in result.eliminated[0].reason


def test_unknown_never_satisfies_a_requirement() -> None:
    effect = {
        "criterion": "admin",
        "require": ["builtin", "partial", "extension", "none"],
        "reason": "r",
    }
    result = recommend(_catalog([effect], levels_b="unknown"), {"q": ("on",)})
    assert [e.framework.id for e in result.eliminated] == ["beta"]


def test_unknown_is_worth_nothing() -> None:
    catalog = _catalog([{"criterion": "admin", "add": 1}], levels_a="unknown", levels_b="unknown")
    result = recommend(catalog, {"q": ("on",)})
    assert all(
        c.value == 0 for r in result.ranking for c in r.contributions if c.criterion == "admin"
    )


def test_ties_are_broken_by_id() -> None:
    criteria = [criterion("orm", weight=1.0)]
    frameworks = [framework("zeta", {"orm": "builtin"}), framework("alpha", {"orm": "builtin"})]
    questions = [question({"id": "q", "default": ["x"], "choices": [{"id": "x"}, {"id": "y"}]})]
    result = recommend(tiny_catalog(criteria, frameworks, questions), {})
    assert [r.framework.id for r in result.ranking] == ["alpha", "zeta"]


def test_everything_eliminated_gives_empty_ranking() -> None:
    effect = {"criterion": "admin", "require": ["extension"], "reason": "r"}
    result = recommend(_catalog([effect]), {"q": ("on",)})
    assert result.winner is None
    assert len(result.eliminated) == 2


def test_conditional_question_asked_only_when_its_condition_holds() -> None:
    criteria = [criterion("orm", weight=1.0)]
    frameworks = [framework("alpha", {"orm": "builtin"})]
    questions = [
        question({"id": "kind", "default": ["web"], "choices": [{"id": "web"}, {"id": "api"}]}),
        question(
            {
                "id": "live",
                "default": ["no"],
                "when": {"question": "kind", "any_of": ["api"]},
                "choices": [{"id": "no"}, {"id": "yes"}],
            }
        ),
    ]
    catalog = tiny_catalog(criteria, frameworks, questions)
    assert list(effective_answers(catalog, {})) == ["kind"]
    assert effective_answers(catalog, {"kind": ("api",)}) == {"kind": ("api",), "live": ("no",)}
    result = recommend(catalog, {"live": ("yes",)})
    assert result.ignored == ("live",)


def test_flip_names_the_change_and_the_new_winner() -> None:
    result = recommend(_catalog([{"criterion": "admin", "add": 2}]), {})
    assert result.winner is not None
    assert result.winner.framework.id == "beta"
    assert len(result.flips) == 1
    flip = result.flips[0]
    assert (flip.question, flip.old, flip.new, flip.winner) == ("q", ("off",), ("on",), "alpha")
    assert "Alpha would win" in flip.text


def test_versus_explains_the_lead() -> None:
    result = recommend(_catalog([]), {})
    assert result.versus[0].startswith("Beta leads Alpha by 0.40 points")
