"""Checks across files: every reference names an entry that exists (a group, a scale, a
criterion, a level, a question or choice, a framework)."""

from __future__ import annotations

from fwtui.catalog.models import (
    CAPABILITY_SCALE,
    UNKNOWN,
    Criterion,
    CriterionKind,
    When,
)
from fwtui.catalog.store import Origin, Pending
from fwtui.errors import valid_list


def _check_when(pending: Pending, when: When, origin: Origin, sub: tuple[str | int, ...]) -> None:
    questions = pending.entries["question"]
    if when.question is not None:
        target = questions.get(when.question)
        if target is None:
            message = f"unknown question '{when.question}' {valid_list(questions)}"
            pending.problems.append(origin.problem((*sub, "question"), message))
            return
        choice_ids = [c.id for c in target[0].choices]
        for choice in when.any_of or []:
            if choice not in choice_ids:
                message = f"unknown choice '{choice}' of '{when.question}' {valid_list(choice_ids)}"
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
            message = f"unknown level '{level_id}' {valid_list(level_ids)}"
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
            message = f"unknown group '{criterion.group}' {valid_list(groups)}"
            problems.append(origin.problem(("group",), message))
        if criterion.scale not in scales:
            message = f"unknown scale '{criterion.scale}' {valid_list(scales)}"
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

    for framework, origin in entries["framework"].values():
        for criterion_id, fact in framework.facts.items():
            if criterion_id not in criteria:
                message = f"unknown criterion {valid_list(criteria)}"
                problems.append(origin.problem(("facts", criterion_id), message))
                continue
            valid = level_ids(criterion_id)
            if valid and fact.level not in valid:
                message = f"unknown level '{fact.level}' {valid_list(valid)}"
                problems.append(origin.problem(("facts", criterion_id, "level"), message))
        missing = [c for c in criteria if c not in framework.facts]
        if missing:
            message = f"missing facts for {', '.join(missing)} (use level '{UNKNOWN}' if unsure)"
            problems.append(origin.problem(("facts",), message))
        for key, points in (("pros", framework.pros), ("cons", framework.cons)):
            for index, point in enumerate(points):
                if point.criterion is not None and point.criterion not in criteria:
                    message = f"unknown criterion '{point.criterion}' {valid_list(criteria)}"
                    problems.append(origin.problem((key, index, "criterion"), message))
        for index, extension in enumerate(framework.ecosystem):
            for position, fill in enumerate(extension.fills):
                if fill not in criteria:
                    message = f"unknown criterion '{fill}' {valid_list(criteria)}"
                    where = ("ecosystem", index, "fills", position)
                    problems.append(origin.problem(where, message))

    for question, origin in entries["question"].values():
        for c_index, choice in enumerate(question.choices):
            for e_index, effect in enumerate(choice.effects):
                sub: tuple[str | int, ...] = ("choices", c_index, "effects", e_index)
                if effect.criterion not in criteria:
                    message = f"unknown criterion '{effect.criterion}' {valid_list(criteria)}"
                    problems.append(origin.problem((*sub, "criterion"), message))
                    continue
                valid = level_ids(effect.criterion)
                for level in effect.require or []:
                    if level not in valid:
                        message = f"unknown level '{level}' {valid_list(valid)}"
                        problems.append(origin.problem((*sub, "require"), message))
        if question.when is not None:
            _check_when(pending, question.when, origin, ("when",))

    for kind in ("topic", "faq"):
        for entry, origin in entries[kind].values():
            for position, framework_id in enumerate(entry.frameworks):
                if framework_id not in entries["framework"]:
                    message = (
                        f"unknown framework '{framework_id}' {valid_list(entries['framework'])}"
                    )
                    problems.append(origin.problem(("frameworks", position), message))
