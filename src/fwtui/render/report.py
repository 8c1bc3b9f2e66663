"""Plain data views of the catalog for scripts: JSON shapes and id lookups."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fwtui.catalog.models import Framework
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError, unknown, valid_list


def require_framework(catalog: Catalog, framework_id: str) -> Framework:
    """The framework with this id, or a UsageError naming the valid ids."""
    framework = catalog.frameworks.get(framework_id.strip().lower())
    if framework is None:
        raise UsageError(unknown("framework", framework_id, catalog.frameworks))
    return framework


def pick_frameworks(catalog: Catalog, spec: str | None) -> list[Framework]:
    """Frameworks named in a comma-separated ``spec`` (all of them when None), in that order."""
    if spec is None:
        return list(catalog.frameworks.values())
    ids = [part.strip().lower() for part in spec.split(",") if part.strip()]
    if not ids:
        raise UsageError(f"--frameworks is empty {valid_list(catalog.frameworks)}")
    missing = [i for i in ids if i not in catalog.frameworks]
    if missing:
        raise UsageError(unknown("framework", missing[0], catalog.frameworks))
    return [catalog.frameworks[i] for i in dict.fromkeys(ids)]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def framework_list_json(catalog: Catalog) -> list[dict[str, Any]]:
    """The ``fwtui list --format json`` array: one object per framework, in list order."""
    return [
        {
            "id": framework.id,
            "name": framework.name,
            "kind": framework.kind.value if framework.kind else None,
            "interface": [interface.value for interface in framework.interface],
            "license": framework.license,
            "latest_version": framework.latest.version if framework.latest else None,
            "python": framework.python,
            "tagline": framework.tagline,
        }
        for framework in catalog.frameworks.values()
    ]


def framework_json(catalog: Catalog, framework: Framework) -> dict[str, Any]:
    """The ``fwtui show ID --format json`` object (keys are part of the CLI contract)."""
    facts = {}
    for criterion_id, criterion in catalog.criteria.items():
        fact = framework.facts[criterion_id]
        facts[criterion_id] = {
            "criterion": criterion.label,
            "level": fact.level,
            "level_label": catalog.level(criterion_id, fact.level).label,
            "note": fact.note,
            "sources": [str(url) for url in fact.sources],
            "last_reviewed": _iso(fact.last_reviewed),
            "rubric": catalog.earns(criterion_id, fact.level),
            "valid_until": _iso(fact.valid_until),
        }
    return {
        "id": framework.id,
        "name": framework.name,
        "tagline": framework.tagline,
        "summary": framework.summary,
        "kind": framework.kind.value if framework.kind else None,
        "philosophy": framework.philosophy,
        "license": framework.license,
        "first_release": framework.first_release,
        "interface": [interface.value for interface in framework.interface],
        "latest_version": framework.latest.version if framework.latest else None,
        "latest_release_date": _iso(framework.latest.date if framework.latest else None),
        "python": framework.python,
        "support": (
            framework.support.model_dump(mode="json", by_alias=True)
            if framework.support is not None
            else None
        ),
        "links": {key: str(url) for key, url in framework.links or () if url is not None},
        "toolkit": [{"name": c.name, "role": c.role, "url": str(c.url)} for c in framework.toolkit],
        "key_features": list(framework.key_features),
        "ecosystem": [
            {"name": e.name, "fills": list(e.fills), "note": e.note, "url": str(e.url)}
            for e in framework.ecosystem
        ],
        "use_cases": list(framework.use_cases),
        "when_to_choose": list(framework.when_to_choose),
        "example_apps": list(framework.example_apps),
        "pros": [point.text for point in framework.pros],
        "cons": [point.text for point in framework.cons],
        "sources": [str(url) for url in framework.sources],
        "last_reviewed": _iso(framework.last_reviewed),
        "facts": facts,
    }
