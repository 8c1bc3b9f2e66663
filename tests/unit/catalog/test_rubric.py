"""The rubric in the data and the rules of it that a program can check.

Each capability criterion says, per level, what earns it (``criteria.yaml``); the facts are
rated by it. The checks here are the mechanical part of that rating: an ``extension`` names
its package, a ``partial`` says what is missing, a level that depends on time says until
when, and support windows agree with the release they describe.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from fwtui.catalog.freshness import expired_facts
from fwtui.catalog.loader import BUNDLED_DIR, bundled_catalog
from fwtui.catalog.models import CAPABILITY_LEVELS, CriterionKind, Framework, SupportCycle
from helpers import bundled_framework, cli, line_of, write_framework

CATALOG = bundled_catalog()
CAPABILITIES = [c for c in CATALOG.criteria.values() if c.kind is CriterionKind.capability]
FRAMEWORKS = sorted(CATALOG.frameworks)
MISSING_WORDS = re.compile(
    r"\b(but|only|no|not|without|lacks|needs?|instead|rather|unless|none|nothing)\b",
    re.IGNORECASE,
)


def _facts_at(level: str) -> list[tuple[str, str, Any]]:
    return [
        (framework.id, criterion.id, framework.facts[criterion.id])
        for framework in CATALOG.frameworks.values()
        for criterion in CAPABILITIES
        if framework.facts[criterion.id].level == level
    ]


def _own_prefixes(framework: Framework) -> tuple[str, ...]:
    """URL prefixes that are the framework's own pages, not a separate package's."""
    links = framework.links
    own = [links.homepage, links.docs, links.repo, f"https://pypi.org/project/{framework.name}/"]
    return tuple(str(url).lower().rstrip("/") for url in own)


def _words(text: str) -> set[str]:
    """Runs of one to three words of ``text``, lower-cased, to look names up in."""
    tokens = re.findall(r"[a-z0-9][a-z0-9_.\-]*[a-z0-9]|[a-z0-9]", text.lower())
    return {" ".join(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens))}


def _names_of(entry: str, framework_id: str) -> set[str]:
    """The package names an ecosystem entry stands for: "SQLAlchemy with pyramid_tm and
    zope.sqlalchemy" is three, "Sanic Extensions (sanic-ext)" two, and "SQLAlchemy asyncio
    extension" is also known by its first word."""
    parts = [p.strip().lower() for p in re.split(r" \(|\)| with | and |, ", entry) if p.strip()]
    firsts = [p.split()[0] for p in parts if " " in p and p.split()[0] != framework_id]
    return set(parts) | set(firsts)


def _is_own(url: str, own: tuple[str, ...]) -> bool:
    url = url.lower()
    return any(url == prefix or url.startswith((f"{prefix}/", f"{prefix}#")) for prefix in own)


# --------------------------------------------------------------------- the rubric itself


@pytest.mark.parametrize("criterion_id", [c.id for c in CAPABILITIES])
def test_every_capability_criterion_has_a_rubric_entry_per_level(criterion_id: str) -> None:
    rubric = CATALOG.criteria[criterion_id].rubric
    assert tuple(rubric) == CAPABILITY_LEVELS
    assert all(len(text) >= 30 for text in rubric.values()), rubric


def test_no_rubric_text_is_shared_between_criteria() -> None:
    texts = [text for c in CAPABILITIES for text in c.rubric.values()]
    assert len(texts) == len(set(texts))


def test_the_loader_rejects_a_rubric_for_another_scale(tmp_path: Path) -> None:
    criteria = yaml.safe_load((BUNDLED_DIR / "criteria.yaml").read_text(encoding="utf-8"))
    forms = next(c for c in criteria["criteria"] if c["id"] == "forms")
    forms["rubric"] = {"builtin": "b", "sort_of": "s", "none": "n"}
    path = tmp_path / "criteria.yaml"
    path.write_text(yaml.safe_dump({"criteria": [forms]}, sort_keys=False), encoding="utf-8")
    result = cli("validate", str(tmp_path))
    assert result.returncode == 1
    line = line_of(path, "sort_of:")
    assert f"{path}:{line}: criteria[0].rubric.sort_of: unknown level 'sort_of'" in result.stderr
    assert "the rubric says nothing for partial, extension" in result.stderr


# ------------------------------------------------------------- rules checked on the facts


@pytest.mark.parametrize(("framework_id", "criterion_id", "fact"), _facts_at("extension"))
def test_an_extension_names_its_package_with_a_page(
    framework_id: str, criterion_id: str, fact: Any
) -> None:
    """The package is in the framework's ecosystem list, or its own page is a source."""
    framework = CATALOG.frameworks[framework_id]
    note = fact.note.lower()
    listed = [e.name for e in framework.ecosystem if _names_of(e.name, framework.id) & _words(note)]
    own = _own_prefixes(framework)
    elsewhere = [url for url in fact.sources if not _is_own(url, own)]
    assert listed or elsewhere, (framework_id, criterion_id, fact.note)


@pytest.mark.parametrize(("framework_id", "criterion_id", "fact"), _facts_at("partial"))
def test_a_partial_says_what_is_missing(framework_id: str, criterion_id: str, fact: Any) -> None:
    assert MISSING_WORDS.search(fact.note), (framework_id, criterion_id, fact.note)


@pytest.mark.parametrize(("framework_id", "criterion_id", "fact"), _facts_at("none"))
def test_a_none_that_names_a_package_says_why_it_does_not_count(
    framework_id: str, criterion_id: str, fact: Any
) -> None:
    """A package named under `none` must be disqualified in the note (unmaintained, ...)."""
    framework = CATALOG.frameworks[framework_id]
    named = [e.name for e in framework.ecosystem if criterion_id in e.fills]
    if any(name.lower() in fact.note.lower() for name in named):
        assert re.search(r"no release since|not (count|a maintained)|last release", fact.note)


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_csrf_above_none_checks_tokens_or_origins_not_only_samesite(framework_id: str) -> None:
    fact = CATALOG.frameworks[framework_id].facts["csrf"]
    if fact.level in ("builtin", "partial"):
        assert re.search(r"token|origin|sec-fetch", fact.note, re.IGNORECASE), fact.note


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_partial_request_validation_rests_on_typed_conversion(framework_id: str) -> None:
    """Regex-only path segments whose values stay strings do not earn `partial`."""
    fact = CATALOG.frameworks[framework_id].facts["request_validation"]
    if fact.level == "partial":
        assert re.search(
            r"\b(int|float|uuid|type=|converters?|convertors?|filters|schema|forms?)\b",
            fact.note,
        ), fact.note


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_a_builtin_cli_takes_project_commands(framework_id: str) -> None:
    fact = CATALOG.frameworks[framework_id].facts["cli"]
    if fact.level == "builtin":
        assert re.search(r"\b(add|custom|own|register|plugins?)\b", fact.note), fact.note


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_a_young_maturity_says_when_it_expires(framework_id: str) -> None:
    """Young means under five years: the level carries the day it stops being true."""
    fact = CATALOG.frameworks[framework_id].facts["maturity"]
    if fact.level == "young":
        assert fact.valid_until is not None
        assert fact.valid_until.isoformat() in fact.note


# ----------------------------------------------------------------------- facts with dates


def test_expired_facts_are_reported_from_their_day_on() -> None:
    litestar = CATALOG.frameworks["litestar"].facts["maturity"]
    assert litestar.valid_until == dt.date(2026, 12, 6)
    before = [str(e) for e in expired_facts(CATALOG, dt.date(2026, 12, 5))]
    after = [str(e) for e in expired_facts(CATALOG, dt.date(2026, 12, 6))]
    assert not any(e.startswith("litestar.maturity") for e in before)
    assert "litestar.maturity: level 'young' was valid until 2026-12-06" in "\n".join(after)


def test_validate_warns_about_an_expired_fact(tmp_path: Path) -> None:
    data = bundled_framework("litestar")
    data["id"] = "mine"
    data["facts"]["maturity"]["valid_until"] = dt.date(2020, 1, 1)
    write_framework(tmp_path, data)
    result = cli("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    warning = "fwtui: warning: mine.maturity: level 'young' was valid until 2020-01-01"
    assert warning in result.stderr


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_support_cycles_agree_with_the_release(framework_id: str) -> None:
    support = CATALOG.frameworks[framework_id].support
    if support is None or not support.cycles:
        return
    framework = CATALOG.frameworks[framework_id]
    newest = support.cycles[0]
    dates = [cycle.release_date for cycle in support.cycles]
    assert dates == sorted(dates, reverse=True), "cycles are listed newest first"
    assert newest.latest == framework.latest.version
    for cycle in support.cycles:
        if cycle.latest is not None:
            assert cycle.latest.startswith(cycle.release_cycle), cycle
        for end in (cycle.eoas, cycle.eol):
            if end is not None:
                assert end >= cycle.release_date.isoformat()[: len(end)], cycle


def test_django_publishes_its_lts_window() -> None:
    support = CATALOG.frameworks["django"].support
    assert support is not None
    lts = [cycle for cycle in support.cycles if cycle.lts]
    assert [cycle.release_cycle for cycle in lts] == ["5.2"]
    assert lts[0].eol == "2028-04"


def test_a_support_cycle_cannot_end_bug_fixes_after_security_fixes() -> None:
    with pytest.raises(ValidationError, match="eoas"):
        SupportCycle.model_validate(
            {
                "releaseCycle": "1.0",
                "releaseDate": "2020-01-01",
                "eoas": "2022-01",
                "eol": "2021-06",
            }
        )
    with pytest.raises(ValidationError):
        SupportCycle.model_validate(
            {"releaseCycle": "1.0", "releaseDate": "2020-01-01", "eol": "2021-13"}
        )
    cycle = SupportCycle.model_validate(
        {
            "releaseCycle": "1.0",
            "releaseDate": "2020-01-01",
            "eoas": "2021-06",
            "eol": "2022-01-31",
            "lts": True,
        }
    )
    assert cycle.lts
    assert cycle.eol == "2022-01-31"
