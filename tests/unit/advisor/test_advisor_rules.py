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


# ------------------------------------------------------------------ issue 12 rules


def test_an_effect_for_one_framework_weighs_in_its_score_alone() -> None:
    catalog = _catalog(
        [{"criterion": "admin", "framework": "beta", "add": 2}], "builtin", "builtin"
    )
    result = recommend(catalog, {"q": ("on",)})
    scores = {r.framework.id: r.score for r in result.ranking}
    assert scores == {"alpha": 0.6, "beta": 3.0}
    assert result.weights["admin"] == 0.0  # the shared weight does not move
    beta = next(r for r in result.ranking if r.framework.id == "beta")
    assert abs(sum(c.value for c in beta.contributions) - beta.score) < 1e-9


def test_equal_scores_are_a_tie_and_never_a_lead() -> None:
    # alpha: orm partial 0.6 + admin builtin 0.4 * 1 = 1.0; beta: orm builtin 1.0.
    result = recommend(_catalog([{"criterion": "admin", "add": 0.4}]), {"q": ("on",)})
    assert result.comparison is not None
    assert result.comparison.tied
    assert [r.framework.id for r in result.tied] == ["alpha", "beta"]
    assert "tied with Beta" in result.versus[0]
    assert "leads" not in result.versus[0]


def test_the_why_lines_add_up_to_the_lead() -> None:
    result = recommend(_catalog([{"criterion": "admin", "add": 2}]), {"q": ("on",)})
    comparison = result.comparison
    assert comparison is not None
    assert not comparison.tied
    listed = sum(d.gap for d in comparison.differences) + comparison.rest
    assert abs(listed - comparison.margin) < 1e-9


def test_the_fit_scale_runs_from_the_worst_to_the_best_of_the_field() -> None:
    result = recommend(_catalog([{"criterion": "admin", "add": 2}]), {"q": ("on",)})
    first, last = result.ranking[0], result.ranking[-1]
    # alpha is best on admin and worst on orm; beta the reverse: neither is at 0 or 100.
    assert 0 < result.percent(last) < result.percent(first) < 100
    assert result.fit(first) in {"strong fit", "good fit", "partial fit", "weak fit"}


def test_a_close_lead_is_said_to_be_close() -> None:
    result = recommend(_catalog([{"criterion": "admin", "add": 0.41}]), {"q": ("on",)})
    assert result.comparison is not None
    assert result.comparison.close
    assert "close, either is a sound choice" in result.versus[0]


def test_repeated_reasons_merge() -> None:
    from fwtui.advisor.scoring import merged

    reasons = [
        "a long-lived project needs a stable base",
        "a long-lived product needs a stable base",
        "the team is new to web development",
    ]
    assert merged(reasons) == [reasons[0], reasons[2]]


def test_said_assumed_and_not_considered() -> None:
    criteria = [criterion("orm", weight=0.0), criterion("admin")]
    frameworks = [framework("alpha", {"orm": "builtin", "admin": "none"})]
    questions = [
        question(
            {
                "id": "project_kind",
                "default": ["web"],
                "choices": [
                    {"id": "web", "effects": [{"criterion": "orm", "add": 1}]},
                    {"id": "x"},
                ],
            }
        ),
        question(
            {
                "id": "musts",
                "default": ["none"],
                "topic": "must-haves",
                "choices": [
                    {"id": "none"},
                    {"id": "admin", "effects": [{"criterion": "admin", "add": 1}]},
                    {
                        "id": "strict",
                        "effects": [{"criterion": "admin", "require": ["none"], "reason": "r"}],
                    },
                ],
            }
        ),
    ]
    catalog = tiny_catalog(criteria, frameworks, questions)
    plain = recommend(catalog, {})
    assert plain.assumed == ("ORM",)
    assert plain.said == ()
    assert plain.not_considered == ("must-haves",)  # it could rule frameworks out
    said = recommend(catalog, {"musts": ("admin",)})
    assert said.said == ("ADMIN",)
    assert said.not_considered == ()
    # Answering the default says nothing new: the same as leaving it out.
    assert recommend(catalog, {"musts": ("none",)}).not_considered == ("must-haves",)


def test_flips_the_user_can_act_on_come_before_another_kind_of_project() -> None:
    criteria = [criterion("orm", weight=1.0), criterion("admin")]
    frameworks = [
        framework("alpha", {"orm": "partial", "admin": "builtin"}),
        framework("beta", {"orm": "builtin", "admin": "none"}),
    ]
    admin = {"criterion": "admin", "add": 2}
    questions = [
        question(
            {
                "id": "project_kind",
                "default": ["a"],
                "choices": [{"id": "a"}, {"id": "b", "effects": [admin]}],
            }
        ),
        question(
            {
                "id": "need",
                "default": ["no"],
                "choices": [{"id": "no"}, {"id": "yes", "effects": [admin]}],
            }
        ),
    ]
    result = recommend(tiny_catalog(criteria, frameworks, questions), {})
    assert [f.question for f in result.flips] == ["need", "project_kind"]
    assert [f.actionable for f in result.flips] == [True, False]
    assert result.flips[1].text.startswith("if you were building b instead")


def test_a_flip_to_frameworks_with_equal_scores_names_the_first_by_id() -> None:
    criteria = [criterion("orm", weight=1.0), criterion("admin")]
    frameworks = [
        framework("zeta", {"orm": "builtin", "admin": "none"}),
        framework("twin_b", {"orm": "partial", "admin": "builtin"}),
        framework("twin_a", {"orm": "partial", "admin": "builtin"}),
    ]
    admin = {"criterion": "admin", "add": 2}
    questions = [
        question(
            {
                "id": "need",
                "default": ["no"],
                "choices": [{"id": "no"}, {"id": "yes", "effects": [admin]}],
            }
        )
    ]
    catalog = tiny_catalog(criteria, frameworks, questions)
    (flip,) = recommend(catalog, {}).flips
    assert (flip.winner, flip.tie_with) == ("twin_a", "twin_b")
    assert "Twin_A would tie with Twin_B" in flip.text
    assert recommend(catalog, {"need": ("yes",)}).winner.framework.id == "twin_a"  # type: ignore[union-attr]
