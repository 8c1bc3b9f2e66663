"""Checks across files: every reference names an entry that exists (a group, a scale, a
criterion, a level, a question or choice, a framework)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fwtui.catalog.models import (
    CAPABILITY_SCALE,
    ID_PATTERN,
    UNKNOWN,
    Criterion,
    CriterionKind,
    When,
)
from fwtui.catalog.store import Origin, Pending
from fwtui.errors import unknown

_ID = re.compile(ID_PATTERN)


def raw_levels(data: Any) -> list[tuple[str, str]]:
    """(criterion id, level id) of each fact in a framework file's plain data, where both
    are well-formed ids (a malformed one already has its own problem)."""
    facts = data.get("facts") if isinstance(data, dict) else None
    if not isinstance(facts, dict):
        return []
    found = []
    for criterion_id, fact in facts.items():
        level = fact.get("level") if isinstance(fact, dict) else None
        if isinstance(criterion_id, str) and _ID.match(criterion_id):
            found.append(
                (criterion_id, level if isinstance(level, str) and _ID.match(level) else UNKNOWN)
            )
    return found


def _check_when(pending: Pending, when: When, origin: Origin, sub: tuple[str | int, ...]) -> None:
    questions = pending.entries["question"]
    if when.question is not None:
        target = questions.get(when.question)
        if target is None:
            message = unknown("question", when.question, questions)
            pending.problems.append(origin.problem((*sub, "question"), message))
            return
        choice_ids = [c.id for c in target[0].choices]
        for choice in when.any_of or []:
            if choice not in choice_ids:
                message = unknown(f"choice of '{when.question}'", choice, choice_ids)
                pending.problems.append(origin.problem((*sub, "any_of"), message))
    for key, parts in (("all", when.all_), ("any", when.any_)):
        for index, part in enumerate(parts or []):
            _check_when(pending, part, origin, (*sub, key, index))
    if when.not_ is not None:
        _check_when(pending, when.not_, origin, (*sub, "not"))


def _check_rubric(
    pending: Pending, criterion: Criterion, origin: Origin, level_ids: list[str]
) -> None:
    """A rubric rates on the criterion's own scale: one entry per level, no other keys."""
    for level_id in criterion.rubric:
        if level_id not in level_ids:
            message = unknown("level", level_id, level_ids)
            pending.problems.append(origin.problem(("rubric", level_id), message))
    missing = [level_id for level_id in level_ids if level_id not in criterion.rubric]
    if missing:
        message = f"the rubric says nothing for {', '.join(missing)}: give every level an entry"
        pending.problems.append(origin.problem(("rubric",), message))


def cross_check(pending: Pending) -> None:
    entries = pending.entries
    groups, scales, criteria = entries["group"], entries["scale"], entries["criterion"]
    problems = pending.problems
    for criterion, origin in criteria.values():
        if criterion.group not in groups:
            message = unknown("group", criterion.group, groups)
            problems.append(origin.problem(("group",), message))
        if criterion.scale not in scales:
            message = unknown("scale", criterion.scale, scales)
            problems.append(origin.problem(("scale",), message))
        elif (criterion.kind is CriterionKind.capability) != (criterion.scale == CAPABILITY_SCALE):
            message = f"capability criteria use the '{CAPABILITY_SCALE}' scale and aspects do not"
            problems.append(origin.problem(("scale",), message))
        elif criterion.rubric:
            _check_rubric(
                pending, criterion, origin, [lv.id for lv in scales[criterion.scale][0].levels]
            )

    def level_ids(criterion_id: str) -> list[str]:
        scale = scales.get(criteria[criterion_id][0].scale)
        return [level.id for level in scale[0].levels] + [UNKNOWN] if scale else []

    def check_fact(origin: Origin, criterion_id: str, level: str) -> None:
        if criterion_id not in criteria:
            message = unknown("criterion", criterion_id, criteria)
            problems.append(origin.key_problem(("facts", criterion_id), message))
            return
        valid = level_ids(criterion_id)
        if valid and level not in valid:
            message = unknown("level", level, valid)
            problems.append(origin.problem(("facts", criterion_id, "level"), message))

    # Files that failed validation still get these checks, so that one run lists everything.
    for lines, levels in pending.unparsed:
        for criterion_id, level in levels:
            check_fact(Origin(lines, ()), criterion_id, level)
    for framework, origin in entries["framework"].values():
        for criterion_id, fact in framework.facts.items():
            check_fact(origin, criterion_id, fact.level)
        for key, points in (("pros", framework.pros), ("cons", framework.cons)):
            for index, point in enumerate(points):
                if point.criterion is not None and point.criterion not in criteria:
                    message = unknown("criterion", point.criterion, criteria)
                    problems.append(origin.problem((key, index, "criterion"), message))
        for index, extension in enumerate(framework.ecosystem):
            for position, fill in enumerate(extension.fills):
                if fill not in criteria:
                    message = unknown("criterion", fill, criteria)
                    where = ("ecosystem", index, "fills", position)
                    problems.append(origin.problem(where, message))

    check_references(pending, level_ids)


def check_references(pending: Pending, level_ids: Callable[[str], list[str]]) -> None:
    entries = pending.entries
    criteria, problems = entries["criterion"], pending.problems
    for question, origin in entries["question"].values():
        for c_index, choice in enumerate(question.choices):
            for e_index, effect in enumerate(choice.effects):
                sub: tuple[str | int, ...] = ("choices", c_index, "effects", e_index)
                if effect.criterion not in criteria:
                    message = unknown("criterion", effect.criterion, criteria)
                    problems.append(origin.problem((*sub, "criterion"), message))
                    continue
                if effect.framework is not None and effect.framework not in entries["framework"]:
                    message = unknown("framework", effect.framework, entries["framework"])
                    problems.append(origin.problem((*sub, "framework"), message))
                valid = level_ids(effect.criterion)
                for level in effect.require or []:
                    if level not in valid:
                        message = unknown("level", level, valid)
                        problems.append(origin.problem((*sub, "require"), message))
        if question.when is not None:
            _check_when(pending, question.when, origin, ("when",))

    for kind in ("topic", "faq"):
        for entry, origin in entries[kind].values():
            for position, framework_id in enumerate(entry.frameworks):
                if framework_id not in entries["framework"]:
                    message = unknown("framework", framework_id, entries["framework"])
                    problems.append(origin.problem(("frameworks", position), message))
