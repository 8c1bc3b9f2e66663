"""The advisor: from wizard answers to an explained ranking of frameworks.

Scoring, in order:

1. The questions asked are those whose ``when`` holds for the answers before them; a
   question not answered takes its default.
2. Every criterion starts at its own weight; each chosen choice's effects then ``set`` or
   ``add`` to weights (never below zero), in question order.
3. ``require`` effects are must-haves: a framework whose level is not allowed is
   eliminated, with the reason. ``unknown`` never satisfies a must-have.
4. Each remaining framework scores ``sum(weight * utility of its level)``; ``unknown`` is
   worth 0. A score is therefore exactly the sum of its per-criterion contributions.
5. Scores are compared rounded to 9 decimal places (so floating-point noise never
   reorders two equal scores); ties are broken by framework id in alphabetical order, so
   the order of files never matters.

The result also says, for the winner, which single change of one answer would make
another framework win ("flips").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from fwtui.advisor.answers import Answers
from fwtui.catalog.models import Framework, Question, QuestionType, When
from fwtui.catalog.store import Catalog

TIE_TOLERANCE = 1e-9
TIE_DIGITS = 9
"""Decimal places to which scores are compared when ranking (see rule 5 above)."""
# A level worth at least this much counts as a strength; below it, as a gap.
STRENGTH = 0.7
TOP_REASONS = 5


@dataclass(frozen=True)
class Contribution:
    criterion: str
    weight: float
    level: str
    utility: float

    @property
    def value(self) -> float:
        return self.weight * self.utility


@dataclass(frozen=True)
class Ranked:
    framework: Framework
    score: float
    contributions: tuple[Contribution, ...]
    reasons: tuple[str, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Elimination:
    framework: Framework
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class Requirement:
    criterion: str
    allowed: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Flip:
    question: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    winner: str | None
    text: str


@dataclass(frozen=True)
class Recommendation:
    answers: dict[str, tuple[str, ...]]
    weights: dict[str, float]
    drivers: dict[str, tuple[str, ...]]
    requirements: tuple[Requirement, ...]
    ranking: tuple[Ranked, ...]
    eliminated: tuple[Elimination, ...]
    flips: tuple[Flip, ...]
    versus: tuple[str, ...]
    total_weight: float
    ignored: tuple[str, ...] = ()

    @property
    def winner(self) -> Ranked | None:
        return self.ranking[0] if self.ranking else None

    def percent(self, ranked: Ranked) -> float:
        return 100.0 * ranked.score / self.total_weight if self.total_weight else 0.0


# ---------------------------------------------------------------------------- answers


def holds(when: When | None, answers: Answers) -> bool:
    """Whether a condition holds for the answers given so far."""
    if when is None:
        return True
    if when.question is not None:
        return bool(set(answers.get(when.question, ())) & set(when.any_of or ()))
    if when.all_ is not None:
        return all(holds(part, answers) for part in when.all_)
    if when.any_ is not None:
        return any(holds(part, answers) for part in when.any_)
    return when.not_ is not None and not holds(when.not_, answers)


def effective_answers(catalog: Catalog, given: Answers) -> dict[str, tuple[str, ...]]:
    """Answers of the questions that are asked, defaults filling the gaps, in order."""
    answers: dict[str, tuple[str, ...]] = {}
    for question in catalog.questions.values():
        if holds(question.when, answers):
            answers[question.id] = tuple(given.get(question.id, tuple(question.default)))
    return answers


def asked_questions(catalog: Catalog, given: Answers) -> list[Question]:
    return [catalog.questions[qid] for qid in effective_answers(catalog, given)]


# ---------------------------------------------------------------------------- scoring


def _weights(
    catalog: Catalog, answers: Answers
) -> tuple[dict[str, float], dict[str, tuple[str, ...]], tuple[Requirement, ...]]:
    weights = {cid: criterion.weight for cid, criterion in catalog.criteria.items()}
    drivers: dict[str, list[str]] = {cid: [] for cid in catalog.criteria}
    requirements: list[Requirement] = []
    for question_id, chosen in answers.items():
        question = catalog.questions[question_id]
        choices = {choice.id: choice for choice in question.choices}
        for choice_id in chosen:
            for effect in choices[choice_id].effects:
                if effect.require is not None:
                    reason = effect.reason or choices[choice_id].label
                    requirements.append(
                        Requirement(effect.criterion, tuple(effect.require), reason)
                    )
                    continue
                if effect.set is not None:
                    weights[effect.criterion] = effect.set
                elif effect.add is not None:
                    weights[effect.criterion] = max(0.0, weights[effect.criterion] + effect.add)
                reason = effect.reason or choices[choice_id].label
                if reason not in drivers[effect.criterion]:
                    drivers[effect.criterion].append(reason)
    return weights, {k: tuple(v) for k, v in drivers.items()}, tuple(requirements)


def _level_label(catalog: Catalog, criterion_id: str, level_id: str) -> str:
    return catalog.level(criterion_id, level_id).label


def _eliminations(
    catalog: Catalog, framework: Framework, requirements: tuple[Requirement, ...]
) -> list[str]:
    reasons = []
    for requirement in requirements:
        level = framework.facts[requirement.criterion].level
        if level not in requirement.allowed:
            label = catalog.criteria[requirement.criterion].label
            reason = (
                f"{label}: {_level_label(catalog, requirement.criterion, level)}, "
                f"but {requirement.reason}"
            )
            if reason not in reasons:
                reasons.append(reason)
    return reasons


def _explain(
    catalog: Catalog, contributions: tuple[Contribution, ...], drivers: dict[str, tuple[str, ...]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    def why(criterion_id: str) -> str:
        found = drivers.get(criterion_id, ())
        return "; ".join(found[:2]) if found else "a general consideration"

    order = {cid: index for index, cid in enumerate(catalog.criteria)}
    strong = sorted(
        (c for c in contributions if c.value > 0 and c.utility >= STRENGTH),
        key=lambda c: (-c.value, order[c.criterion]),
    )[:TOP_REASONS]
    reasons = tuple(
        f"{catalog.criteria[c.criterion].label}: "
        f"{_level_label(catalog, c.criterion, c.level)} ({why(c.criterion)})"
        for c in strong
    )
    weak = sorted(
        (c for c in contributions if c.weight > 0 and c.utility < STRENGTH),
        key=lambda c: (-(c.weight - c.value), order[c.criterion]),
    )[:2]
    gaps = tuple(
        f"{catalog.criteria[c.criterion].label}: "
        f"{_level_label(catalog, c.criterion, c.level)} ({why(c.criterion)})"
        for c in weak
    )
    return reasons, gaps


def _versus(catalog: Catalog, first: Ranked, second: Ranked) -> tuple[str, ...]:
    """Why the winner beat the runner-up: the criteria with the largest differences."""
    differences = []
    for mine, theirs in zip(first.contributions, second.contributions, strict=True):
        gap = mine.value - theirs.value
        if abs(gap) > TIE_TOLERANCE:
            differences.append((gap, mine, theirs))
    ahead = sorted((d for d in differences if d[0] > 0), key=lambda d: -d[0])[:3]
    behind = sorted((d for d in differences if d[0] < 0), key=lambda d: d[0])[:2]
    lines = []
    for gap, mine, theirs in ahead + behind:
        label = catalog.criteria[mine.criterion].label
        lines.append(
            f"{label}: {_level_label(catalog, mine.criterion, mine.level)} vs "
            f"{_level_label(catalog, theirs.criterion, theirs.level)} ({gap:+.2f})"
        )
    margin = first.score - second.score
    lead = f"{first.framework.name} leads {second.framework.name} by {margin:.2f} points"
    return (lead, *lines)


# Per framework, per criterion in catalog order: (criterion id, level id, utility).
UtilityTable = dict[str, tuple[tuple[str, str, float], ...]]


def _utility_table(catalog: Catalog) -> UtilityTable:
    table: UtilityTable = {}
    for framework in catalog.frameworks.values():
        row = []
        for criterion_id in catalog.criteria:
            level_id = framework.facts[criterion_id].level
            row.append((criterion_id, level_id, catalog.level(criterion_id, level_id).utility))
        table[framework.id] = tuple(row)
    return table


def ranking_key(score: float, framework_id: str) -> tuple[float, str]:
    """Sort key of the ranking: best score first, then framework id."""
    return (-round(score, TIE_DIGITS), framework_id)


def _is_eliminated(framework: Framework, requirements: tuple[Requirement, ...]) -> bool:
    return any(framework.facts[r.criterion].level not in r.allowed for r in requirements)


def _winner_id(catalog: Catalog, answers: Answers, table: UtilityTable) -> str | None:
    """The id _rank would put first, without building the explanations."""
    weights, _, requirements = _weights(catalog, answers)
    best: tuple[float, str] | None = None
    for framework in catalog.frameworks.values():
        if _is_eliminated(framework, requirements):
            continue
        score = sum(weights[cid] * utility for cid, _, utility in table[framework.id])
        key = ranking_key(score, framework.id)
        if best is None or key < best:
            best = key
    return best[1] if best else None


def _rank(
    catalog: Catalog,
    answers: dict[str, tuple[str, ...]],
    ignored: tuple[str, ...] = (),
    table: UtilityTable | None = None,
) -> Recommendation:
    table = table if table is not None else _utility_table(catalog)
    weights, drivers, requirements = _weights(catalog, answers)
    ranking: list[Ranked] = []
    eliminated: list[Elimination] = []
    for framework in catalog.frameworks.values():
        reasons = _eliminations(catalog, framework, requirements)
        if reasons:
            eliminated.append(Elimination(framework, tuple(reasons)))
            continue
        frozen = tuple(
            Contribution(criterion_id, weights[criterion_id], level_id, utility)
            for criterion_id, level_id, utility in table[framework.id]
        )
        score = sum(c.value for c in frozen)
        top, gaps = _explain(catalog, frozen, drivers)
        ranking.append(Ranked(framework, score, frozen, top, gaps))
    ranking.sort(key=lambda r: ranking_key(r.score, r.framework.id))
    eliminated.sort(key=lambda e: e.framework.id)
    versus = _versus(catalog, ranking[0], ranking[1]) if len(ranking) > 1 else ()
    return Recommendation(
        answers=answers,
        weights=weights,
        drivers=drivers,
        requirements=requirements,
        ranking=tuple(ranking),
        eliminated=tuple(eliminated),
        flips=(),
        versus=versus,
        total_weight=sum(weights.values()),
        ignored=ignored,
    )


def _choice_label(question: Question, choice_ids: tuple[str, ...]) -> str:
    labels = {choice.id: choice.label for choice in question.choices}
    return ", ".join(labels[c] for c in choice_ids) if choice_ids else "none"


def _alternatives(
    question: Question, current: tuple[str, ...]
) -> list[tuple[tuple[str, ...], str]]:
    """Every answer one step away from ``current``, with how to say the change."""
    options: list[tuple[tuple[str, ...], str]] = []
    if question.type is QuestionType.single:
        for choice in question.choices:
            if (choice.id,) != current:
                text = (
                    f"if '{question.prompt}' were answered '{choice.label}' "
                    f"instead of '{_choice_label(question, current)}'"
                )
                options.append(((choice.id,), text))
        return options
    for choice in question.choices:
        if choice.id in current:
            new = tuple(c for c in current if c != choice.id)
            text = f"if '{choice.label}' were not a must-have"
        else:
            order = [c.id for c in question.choices]
            new = tuple(sorted((*current, choice.id), key=order.index))
            text = f"if '{choice.label}' were also a must-have"
        options.append((new, text))
    return options


def _flips(
    catalog: Catalog, base: Recommendation, given: Answers, table: UtilityTable
) -> tuple[Flip, ...]:
    winner = base.winner.framework.id if base.winner else None
    flips = []
    for question_id, current in base.answers.items():
        question = catalog.questions[question_id]
        for new, text in _alternatives(question, current):
            changed = {**given, question_id: new}
            new_winner = _winner_id(catalog, effective_answers(catalog, changed), table)
            if new_winner == winner:
                continue
            if new_winner is None:
                outcome = "every framework would be eliminated"
            else:
                outcome = f"{catalog.frameworks[new_winner].name} would win"
            flips.append(Flip(question_id, current, new, new_winner, f"{text}, {outcome}"))
    return tuple(flips)


def recommend(catalog: Catalog, given: Answers, with_flips: bool = True) -> Recommendation:
    """Rank the catalog's frameworks for ``given`` answers (validated ids)."""
    answers = effective_answers(catalog, given)
    ignored = tuple(qid for qid in given if qid not in answers)
    table = _utility_table(catalog)
    base = _rank(catalog, answers, ignored, table)
    if not with_flips:
        return base
    # Flips start from every given answer: one not asked now may be asked after the change.
    flips = _flips(catalog, base, dict(given), table)
    return dataclasses.replace(base, flips=flips)
