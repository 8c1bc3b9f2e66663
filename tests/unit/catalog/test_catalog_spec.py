"""Spec suite over the bundled catalog, in the spirit of choosealicense.com's."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from fwtui.catalog.loader import BUNDLED_DIR, bundled_catalog
from fwtui.catalog.models import CAPABILITY_LEVELS, CriterionKind
from helpers import TESTS

CATALOG = bundled_catalog()
SEED_HASHES = TESTS / "data" / "seed-8gram-hashes.txt"
SEED_FRAMEWORKS = ("django", "flask", "fastapi")
REQUIRED_IDS = {
    "django",
    "flask",
    "fastapi",
    "starlette",
    "litestar",
    "pyramid",
    "tornado",
    "sanic",
    "quart",
    "bottle",
    "falcon",
    "aiohttp",
}
CAPABILITY_IDS = {
    "orm",
    "migrations",
    "admin",
    "auth",
    "sessions",
    "forms",
    "templates",
    "csrf",
    "xss",
    "clickjacking",
    "sql_injection",
    "async_views",
    "websockets",
    "openapi",
    "request_validation",
    "dependency_injection",
    "background_tasks",
    "dev_server",
    "debugger",
    "test_client",
    "cli",
    "production_server",
    "serverless",
    "graphql",
    "streaming",
    "other_protocols",
    "http_client",
    "i18n",
}
NOT_OFFICIAL = (
    "medium.com",
    "dev.to",
    "stackoverflow.com",
    "realpython.com",
    "geeksforgeeks",
    "wikipedia.org",
)
LIMIT_WORDS = re.compile(
    r"\b(but|only|no|not|without|limited|lacks|narrow|needs?|requires?|instead|rather|unless|while)\b",
    re.IGNORECASE,
)
PACKAGE_LIKE = re.compile(r"[A-Za-z0-9]+[-_.][A-Za-z0-9]+|\b[A-Z][a-z]+[A-Z]\w*|\b[A-Z]\w+")


def texts(value: Any) -> Iterator[str]:
    """Every string in a loaded YAML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def ngram_hashes(tokens: list[str], size: int = 8) -> dict[str, str]:
    """{hash: run of words} for every run of ``size`` words, hashed like the seed file."""
    runs = (" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))
    return {hashlib.sha256(run.encode()).hexdigest()[:16]: run for run in runs}


def seed_hashes() -> set[str]:
    lines = SEED_HASHES.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def test_the_required_frameworks_and_capabilities_exist() -> None:
    assert set(CATALOG.frameworks) >= REQUIRED_IDS
    assert list(CATALOG.frameworks)[:3] == list(SEED_FRAMEWORKS)
    capabilities = {c.id for c in CATALOG.criteria.values() if c.kind is CriterionKind.capability}
    assert capabilities == CAPABILITY_IDS
    assert CATALOG.scales["capability"].levels[0].id == CAPABILITY_LEVELS[0]


# A user's framework needs only id and name; a bundled one gives all of these, and every
# fact with its evidence, in the file itself (the loader would fill a missing fact in).
BUNDLED_REQUIRED = (
    *("id", "name", "pypi", "tagline", "summary", "kind", "philosophy", "interface", "license"),
    *("first_release", "latest", "python", "links", "key_features", "use_cases"),
    *("when_to_choose", "pros", "cons", "sources", "last_reviewed", "facts"),
)


@pytest.mark.parametrize("framework_id", sorted(REQUIRED_IDS))
def test_every_framework_has_every_section(framework_id: str) -> None:
    path = BUNDLED_DIR / "frameworks" / f"{framework_id}.yaml"
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [key for key in BUNDLED_REQUIRED if not written.get(key)] == []
    assert set(written["facts"]) == set(CATALOG.criteria)
    assert "dependencies" in written["latest"], "record them: fwtui check-releases lists them"
    for criterion_id, fact in written["facts"].items():
        assert {"note", "sources", "last_reviewed"} <= set(fact), criterion_id
    framework = CATALOG.frameworks[framework_id]
    assert (framework.summary or "").count(".") >= 2, "a summary has several sentences"


@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_seed_frameworks_have_every_field(framework_id: str) -> None:
    framework = CATALOG.frameworks[framework_id]
    for name in type(framework).model_fields:
        assert getattr(framework, name) not in (None, [], {}, ""), name
    assert len(framework.ecosystem) >= 5
    assert len(framework.toolkit) >= 1
    assert framework.links.changelog is not None


def _facts() -> Iterator[tuple[str, str, Any]]:
    for framework in CATALOG.frameworks.values():
        for criterion_id, fact in framework.facts.items():
            yield framework.id, criterion_id, fact


@pytest.mark.parametrize("framework_id", sorted(REQUIRED_IDS))
def test_facts_have_notes_and_official_https_sources(framework_id: str) -> None:
    for criterion_id, fact in CATALOG.frameworks[framework_id].facts.items():
        assert len(fact.note) >= 25, (criterion_id, fact.note)
        for url in fact.sources:
            assert url.startswith("https://"), (criterion_id, url)
            assert not any(host in str(url) for host in NOT_OFFICIAL), (criterion_id, url)


@pytest.mark.parametrize("framework_id", sorted(REQUIRED_IDS))
def test_partial_and_extension_notes_say_how_or_which_package(framework_id: str) -> None:
    framework = CATALOG.frameworks[framework_id]
    for criterion_id, fact in framework.facts.items():
        if fact.level == "extension":
            assert PACKAGE_LIKE.search(fact.note), (criterion_id, fact.note)
        if fact.level == "partial":
            assert LIMIT_WORDS.search(fact.note), (criterion_id, fact.note)


def test_no_bundled_fact_is_unknown() -> None:
    # "unknown" means no source settles the level. For a bundled framework every fact was
    # looked up; a settled answer that no level names needs a level (typing's "untyped").
    unknown = [(f, c) for f, c, fact in _facts() if fact.level == "unknown"]
    assert unknown == []


def test_no_note_is_copy_pasted_between_facts() -> None:
    counts = Counter(fact.note.strip().lower() for _, _, fact in _facts())
    repeated = [note for note, count in counts.items() if count > 1]
    assert not repeated


def test_no_eight_word_run_is_shared_with_the_seed_article() -> None:
    seed = seed_hashes()
    assert len(seed) > 1000, "the seed hash file is missing or empty"
    shared = []
    for path in sorted(BUNDLED_DIR.rglob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in texts(document):
            runs = ngram_hashes(words(text))
            shared += [(path.name, run) for digest, run in runs.items() if digest in seed]
    assert not shared


def test_the_overlap_check_would_catch_a_copied_run() -> None:
    copied = "Both are most in demand and are powerful frameworks, they say."
    assert set(ngram_hashes(words(copied))) & seed_hashes()


def test_dates_are_not_in_the_future() -> None:
    today = dt.date.today()
    assert CATALOG.meta.updated <= today
    for _, _, fact in _facts():
        assert fact.last_reviewed <= today
    for framework in CATALOG.frameworks.values():
        assert framework.latest.date <= today
        assert framework.last_reviewed <= today
        assert framework.first_release <= framework.latest.date.year
    for entry in CATALOG.faq.values():
        assert entry.last_reviewed <= today


def test_guide_answers_the_required_questions() -> None:
    required = {
        "is_flask_better_than_django",
        "flask_django_or_fastapi",
        "is_flask_frontend_or_backend",
        "flask_and_django_together",
        "async_support",
        "move_flask_to_django",
        "rest_api_with_django",
        "deployment_servers",
        "typing_editor_support",
        "which_to_learn_first",
    }
    assert required <= set(CATALOG.faq)
    for entry in CATALOG.faq.values():
        assert len(entry.answer) > 150, entry.id
        assert entry.sources


def test_ecosystem_entries_fill_real_gaps() -> None:
    """An extension that fills a criterion should match a fact that is not already built in."""
    for framework in CATALOG.frameworks.values():
        for extension in framework.ecosystem:
            for criterion_id in extension.fills:
                assert criterion_id in CATALOG.criteria
