"""Small in-memory catalogs for unit tests of the advisor (no files involved)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from fwtui.catalog.loader import BUNDLED_DIR, parse_model
from fwtui.catalog.models import (
    CriteriaFile,
    Criterion,
    Framework,
    Meta,
    Question,
    QuestionType,
)
from fwtui.catalog.store import Catalog
from fwtui.catalog.yamlsafe import load_yaml

DAY = dt.date(2026, 1, 1)
URL = "https://example.org/docs"


def framework(framework_id: str, levels: dict[str, str]) -> Framework:
    """A framework with the given level per criterion id (criteria of the tiny catalog)."""
    data: dict[str, Any] = {
        "id": framework_id,
        "name": framework_id.title(),
        "tagline": "t",
        "summary": "s",
        "kind": "micro",
        "philosophy": "p",
        "interface": ["WSGI"],
        "license": "MIT",
        "first_release": 2020,
        "latest": {"version": "1.0", "date": DAY, "source": URL},
        "python": "3.10+",
        "links": {"homepage": URL, "docs": URL, "repo": URL},
        "key_features": ["k"],
        "use_cases": ["u"],
        "when_to_choose": ["w"],
        "pros": [{"text": "good"}],
        "cons": [{"text": "bad"}],
        "sources": [URL],
        "last_reviewed": DAY,
        "facts": {
            cid: {"level": level, "note": f"{cid} {level}", "sources": [URL], "last_reviewed": DAY}
            for cid, level in levels.items()
        },
    }
    return Framework.model_validate(data)


def criterion(criterion_id: str, weight: float = 0.0) -> Criterion:
    return Criterion.model_validate(
        {
            "id": criterion_id,
            "label": criterion_id.upper(),
            "short": criterion_id[:12],
            "description": "d",
            "group": "g",
            "kind": "capability",
            "scale": "capability",
            "weight": weight,
        }
    )


def question(data: dict[str, Any]) -> Question:
    choices = data.pop("choices")
    return Question.model_validate(
        {
            "prompt": "?",
            "help": "h",
            "type": "single",
            "choices": [{"label": c["id"], "help": "h", **c} for c in choices],
            **data,
        }
    )


def tiny_catalog(
    criteria: list[Criterion], frameworks: list[Framework], questions: list[Question]
) -> Catalog:
    """A catalog over the bundled scales and groups with the given entries."""

    def read(name: str) -> Any:
        return load_yaml(BUNDLED_DIR / name, name)

    meta = parse_model(read("meta.yaml"), Meta)
    bundled = parse_model(read("criteria.yaml"), CriteriaFile)
    return Catalog(
        meta=meta,
        groups={"g": bundled.groups[0].model_copy(update={"id": "g"})},
        scales={scale.id: scale for scale in bundled.scales},
        criteria={c.id: c for c in criteria},
        frameworks={f.id: f for f in frameworks},
        questions={q.id: q for q in questions},
        topics={},
        faq={},
    )


@st.composite
def answer_sets(draw: st.DrawFn, catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Answers to any of ``catalog``'s questions (the others left to their defaults): one
    choice of a single-choice question, up to four of a multi-choice one."""
    chosen: dict[str, tuple[str, ...]] = {}
    for question in catalog.questions.values():
        if not draw(st.booleans()):
            continue  # left to its default
        ids = [c.id for c in question.choices]
        if question.type is QuestionType.single:
            chosen[question.id] = (draw(st.sampled_from(ids)),)
        else:
            picked = draw(st.lists(st.sampled_from(ids), unique=True, max_size=4))
            chosen[question.id] = tuple(c for c in ids if c in picked)
    return chosen
