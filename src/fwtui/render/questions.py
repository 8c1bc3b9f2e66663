"""The wizard's questions as text or JSON (``fwtui questions``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fwtui.catalog.models import When
from fwtui.catalog.store import Catalog
from fwtui.render import formats
from fwtui.render.text import WIDTH
from fwtui.safetext import dumps, wrap


def describe_when(when: When) -> str:
    """A condition in words, e.g. ``project_kind is api or social``."""
    if when.question is not None:
        return f"{when.question} is {' or '.join(when.any_of or [])}"
    if when.all_ is not None:
        return " and ".join(f"({describe_when(part)})" for part in when.all_)
    if when.any_ is not None:
        return " or ".join(f"({describe_when(part)})" for part in when.any_)
    assert when.not_ is not None
    return f"not ({describe_when(when.not_)})"


def questions_text(catalog: Catalog) -> str:
    lines: list[str] = []
    for number, question in enumerate(catalog.questions.values(), start=1):
        kind = "pick any" if question.type.value == "multi" else "pick one"
        lines.append(f"{number}. {question.id}: {question.prompt} ({kind})")
        if question.when is not None:
            lines.append(f"   asked only when {describe_when(question.when)}")
        lines += wrap(question.help, WIDTH, initial_indent="   ", subsequent_indent="   ")
        for choice in question.choices:
            default = " (default)" if choice.id in question.default else ""
            lines.append(f"   - {choice.id}: {choice.label}{default}")
        lines.append("")
    return "\n".join(lines)


def questions_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "data_version": catalog.meta.data_version,
        "questions": [
            {
                "id": q.id,
                "prompt": q.prompt,
                "help": q.help,
                "type": q.type.value,
                "default": list(q.default),
                "when": q.when.model_dump(by_alias=True, exclude_none=True) if q.when else None,
                "choices": [{"id": c.id, "label": c.label, "help": c.help} for c in q.choices],
            }
            for q in catalog.questions.values()
        ],
    }


def questions_json_text(catalog: Catalog) -> str:
    return dumps(questions_json(catalog)) + "\n"


RENDERERS: dict[str, Callable[[Catalog], str]] = {
    "text": questions_text,
    "json": questions_json_text,
}
"""Every format of ``fwtui questions``, by name."""
FORMATS = formats.QUESTIONS
