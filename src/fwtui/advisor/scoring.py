"""The advisor: from wizard answers to an explained ranking of frameworks.

Scoring, in order:

1. The questions asked are those whose ``when`` holds for the answers before them; a
   question not answered takes its default.
2. Every criterion starts at its own weight; each chosen choice's effects then ``set`` or
   ``add`` to weights (never below zero), in question order. An effect that names a
   ``framework`` changes the weight in that framework's score only (the code an app already
   runs on, the frameworks the team knows).
3. ``require`` effects are must-haves: a framework whose level is not allowed is
   eliminated, with the reason. ``unknown`` never satisfies a must-have.
4. Each remaining framework scores ``sum(weight * utility of its level)``; ``unknown`` is
   worth 0. A score is therefore exactly the sum of its per-criterion contributions.
5. Scores are compared rounded to 9 decimal places (so floating-point noise never
   reorders two equal scores); ties are broken by framework id in alphabetical order, so
   the order of files never matters. Equal scores are reported as a tie.

The fit percentage places a score between the worst and the best the ranked frameworks
could reach for these answers: per criterion, the lowest and the highest contribution
among them. 100 % means best of the field on every weighted criterion, 0 % worst on every
one. It splits additively too: criterion ``c`` adds ``(value - lowest) / (best - worst)``.
A lead under ``CLOSE_POINTS`` percentage points, or under ``CLOSE_SHARE`` of the winner's
points, is called close.

"What would change the answer" lives in :mod:`fwtui.advisor.flips`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property

from fwtui.advisor.answers import Answers
from fwtui.catalog.models import Framework, Question, When
from fwtui.catalog.store import Catalog

TIE_TOLERANCE = 1e-9
TIE_DIGITS = 9
"""Decimal places to which scores are compared when ranking (see rule 5 above)."""
# A level worth at least this much counts as a strength; below it, as a gap.
STRENGTH = 0.7
TOP_REASONS = 5
TOP_GAPS = 2
VERSUS_LINES = 4
CLOSE_POINTS = 3.0
"""A lead smaller than this many percentage points of the fit scale is 'close'."""
CLOSE_SHARE = 0.03
"""... and so is one under this share of the winner's points (the fit scale of a field of
two or three frameworks spreads even a tiny lead)."""
KIND_QUESTION = "project_kind"
"""The question whose effects are what fwtui assumes for a kind of project."""
# Fit percentages in words, best first: (lowest percentage, words).
FIT_WORDS = ((80.0, "strong fit"), (60.0, "good fit"), (40.0, "partial fit"), (0.0, "weak fit"))
NOTED_GROUPS = frozenset({"deployment"})
"""Criteria whose fact note an elimination quotes: it names the way out (an older release
for an older Python, the packages that are required, the support window)."""
SIMILAR_REASONS = 0.6
"""Two reasons of one criterion sharing this share of their words say the same thing."""


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
class Driver:
    """Why a criterion weighs: one effect of one answer."""

    reason: str
    question: str
    said: bool
    """The user chose this answer over the default (False: an assumption or a default)."""
    framework: str | None = None


@dataclass(frozen=True)
class Ranked:
    framework: Framework
    score: float
    contributions: tuple[Contribution, ...]
    reasons: tuple[str, ...]
    gaps: tuple[str, ...]
    musts: tuple[str, ...] = ()
    """How it meets each of the user's own must-haves, as 'Label: level'."""


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
    question: str = ""
    said: bool = True


@dataclass(frozen=True)
class Flip:
    question: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    winner: str | None
    text: str
    tie_with: str | None = None
    """Another framework the new winner would tie with (it is listed first by id)."""
    actionable: bool = True
    """A constraint, must-have or priority; False for 'if you were building something else'."""


@dataclass(frozen=True)
class Difference:
    criterion: str
    mine: str
    theirs: str
    gap: float


@dataclass(frozen=True)
class Comparison:
    """The winner against the runner-up; the gaps add up to the margin exactly."""

    first: str
    second: str
    margin: float
    tied: bool
    close: bool
    differences: tuple[Difference, ...]
    rest: float
    """The sum of the differences not listed."""


@dataclass(frozen=True)
class Weighing:
    weights: dict[str, float]
    extra: dict[str, dict[str, float]]
    """Per framework, per criterion: the weight change that applies to it alone."""
    drivers: dict[str, tuple[Driver, ...]]
    requirements: tuple[Requirement, ...]

    def weight(self, framework_id: str, criterion_id: str) -> float:
        extra = self.extra.get(framework_id)
        base = self.weights[criterion_id]
        if not extra or criterion_id not in extra:
            return base
        return max(0.0, base + extra[criterion_id])


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
    said: tuple[str, ...] = ()
    """Criteria (labels) that weigh because of the user's own answers."""
    assumed: tuple[str, ...] = ()
    """Criteria (labels) that weigh only because of what fwtui assumes for the project kind."""
    assumed_for: str = ""
    """The project kind the assumptions are made for, in words."""
    not_considered: tuple[str, ...] = ()
    """Topics of the questions left at their defaults that could rule frameworks out."""
    comparison: Comparison | None = None
    floor: float = 0.0
    ceiling: float = 0.0
    weighing: Weighing | None = None

    @property
    def winner(self) -> Ranked | None:
        return self.ranking[0] if self.ranking else None

    def percent(self, ranked: Ranked) -> float:
        """Fit between the worst and the best reachable for these answers (module docstring)."""
        span = self.ceiling - self.floor
        if span <= TIE_TOLERANCE:
            return 100.0
        return max(0.0, min(100.0, 100.0 * (ranked.score - self.floor) / span))

    def fit(self, ranked: Ranked) -> str:
        """The fit percentage in words."""
        percent = self.percent(ranked)
        return next(words for lowest, words in FIT_WORDS if percent >= lowest)

    @cached_property
    def tied(self) -> tuple[Ranked, ...]:
        """The frameworks whose score equals the winner's, the winner first (worked out once:
        renderers ask for each framework of the ranking)."""
        if not self.ranking:
            return ()
        best = round(self.ranking[0].score, TIE_DIGITS)
        return tuple(r for r in self.ranking if round(r.score, TIE_DIGITS) == best)


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


# ---------------------------------------------------------------------------- weighing


def weigh(catalog: Catalog, answers: Answers, said: frozenset[str] | None = None) -> Weighing:
    """Weights, per-framework weight changes, drivers and must-haves of these answers.

    ``said`` names the questions the user answered; None means all of them.
    """
    weights = {cid: criterion.weight for cid, criterion in catalog.criteria.items()}
    extra: dict[str, dict[str, float]] = {}
    drivers: dict[str, list[Driver]] = {cid: [] for cid in catalog.criteria}
    requirements: list[Requirement] = []
    for question_id, chosen in answers.items():
        question = catalog.questions[question_id]
        choices = {choice.id: choice for choice in question.choices}
        user_said = said is None or question_id in said
        for choice_id in chosen:
            for effect in choices[choice_id].effects:
                reason = effect.reason or choices[choice_id].label
                if effect.require is not None:
                    requirements.append(
                        Requirement(
                            effect.criterion, tuple(effect.require), reason, question_id, user_said
                        )
                    )
                    continue
                criterion = effect.criterion
                if effect.framework is not None:
                    own = extra.setdefault(effect.framework, {})
                    current = max(0.0, weights[criterion] + own.get(criterion, 0.0))
                    new = effect.set if effect.set is not None else current + (effect.add or 0.0)
                    own[criterion] = max(0.0, new) - weights[criterion]
                elif effect.set is not None:
                    weights[criterion] = effect.set
                elif effect.add is not None:
                    weights[criterion] = max(0.0, weights[criterion] + effect.add)
                driver = Driver(reason, question_id, user_said, effect.framework)
                if driver not in drivers[criterion]:
                    drivers[criterion].append(driver)
    return Weighing(weights, extra, {k: tuple(v) for k, v in drivers.items()}, tuple(requirements))


# ---------------------------------------------------------------------------- explaining


def level_label(catalog: Catalog, criterion_id: str, level_id: str) -> str:
    return catalog.level(criterion_id, level_id).label


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def merged(reasons: list[str]) -> list[str]:
    """The reasons without repeats: one sharing most of its words with an earlier one goes."""
    kept: list[str] = []
    for reason in reasons:
        words = _words(reason)
        if not any(
            len(words & _words(k)) >= SIMILAR_REASONS * max(len(words), len(_words(k)), 1)
            for k in kept
        ):
            kept.append(reason)
    return kept


def why(weighing: Weighing, criterion_id: str, framework_id: str, limit: int = 2) -> str:
    """The reasons a criterion weighs for one framework, merged, in answer order."""
    found = [
        d.reason
        for d in weighing.drivers.get(criterion_id, ())
        if d.framework in (None, framework_id)
    ]
    reasons = merged(found)[:limit]
    return "; ".join(reasons) if reasons else "a general consideration"


def _eliminations(
    catalog: Catalog, framework: Framework, requirements: tuple[Requirement, ...]
) -> list[str]:
    reasons = []
    for requirement in requirements:
        fact = framework.facts[requirement.criterion]
        if fact.level in requirement.allowed:
            continue
        criterion = catalog.criteria[requirement.criterion]
        reason = (
            f"{criterion.label}: {level_label(catalog, requirement.criterion, fact.level)}, "
            f"but {requirement.reason}"
        )
        if criterion.group in NOTED_GROUPS and fact.note:  # the note says what to do instead
            reason += f" ({fact.note.rstrip('.')})"
        if reason not in reasons:
            reasons.append(reason)
    return reasons


@dataclass(frozen=True)
class _Cell:
    """One contribution with what the explanation sorts it by: shared by every framework
    with the same level and weight on a criterion (a catalog has few such pairs)."""

    contribution: Contribution
    value: float
    strong: tuple[float, int] | None
    """Sort key among the strengths (best first), None when it is not one."""
    weak: tuple[float, int] | None
    """Sort key among the gaps (worst first), None when it is not one."""


def _cell(contribution: Contribution, order: int) -> _Cell:
    c = contribution
    value = c.value
    strong = (-value, order) if value > 0 and c.utility >= STRENGTH else None
    weak = (-(c.weight - value), order) if c.weight > 0 and c.utility < STRENGTH else None
    return _Cell(c, value, strong, weak)


def _strong_key(cell: _Cell) -> tuple[float, int]:
    assert cell.strong is not None
    return cell.strong


def _weak_key(cell: _Cell) -> tuple[float, int]:
    assert cell.weak is not None
    return cell.weak


def _explain(
    catalog: Catalog,
    framework_id: str,
    cells: list[_Cell],
    weighing: Weighing,
    own: frozenset[str],
    lines: dict[tuple[str, str, str | None], str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The strongest reasons and the worst gaps; ``lines`` caches the sentences, which are
    the same for every framework unless a driver names one (the criteria in ``own``)."""

    def line(c: Contribution) -> str:
        key = (c.criterion, c.level, framework_id if c.criterion in own else None)
        found = lines.get(key)
        if found is None:
            label = catalog.criteria[c.criterion].label
            level = level_label(catalog, c.criterion, c.level)
            found = f"{label}: {level} ({why(weighing, c.criterion, framework_id)})"
            lines[key] = found
        return found

    strong = sorted((c for c in cells if c.strong is not None), key=_strong_key)[:TOP_REASONS]
    weak = sorted((c for c in cells if c.weak is not None), key=_weak_key)[:TOP_GAPS]
    return (
        tuple(line(c.contribution) for c in strong),
        tuple(line(c.contribution) for c in weak),
    )


def _musts(
    catalog: Catalog, framework: Framework, requirements: tuple[Requirement, ...]
) -> tuple[str, ...]:
    seen: list[str] = []
    for requirement in requirements:
        if requirement.said and requirement.criterion not in seen:
            seen.append(requirement.criterion)
    return tuple(
        f"{catalog.criteria[cid].label}: {level_label(catalog, cid, framework.facts[cid].level)}"
        for cid in seen
    )


def compare(catalog: Catalog, result: Recommendation) -> Comparison | None:
    """The winner against the runner-up, with every difference accounted for."""
    if len(result.ranking) < 2:
        return None
    first, second = result.ranking[0], result.ranking[1]
    differences = []
    for mine, theirs in zip(first.contributions, second.contributions, strict=True):
        gap = mine.value - theirs.value
        if abs(gap) > TIE_TOLERANCE:
            differences.append(Difference(mine.criterion, mine.level, theirs.level, gap))
    differences.sort(key=lambda d: (-abs(d.gap), d.criterion))
    shown = tuple(differences[:VERSUS_LINES])
    rest = sum(d.gap for d in differences[VERSUS_LINES:])
    margin = first.score - second.score
    tied = round(first.score, TIE_DIGITS) == round(second.score, TIE_DIGITS)
    close = not tied and (
        result.percent(first) - result.percent(second) < CLOSE_POINTS
        or margin < CLOSE_SHARE * abs(first.score)
    )
    return Comparison(first.framework.id, second.framework.id, margin, tied, close, shown, rest)


def versus_lines(catalog: Catalog, comparison: Comparison | None) -> tuple[str, ...]:
    """The comparison in sentences; the listed gaps and the rest add up to the lead."""
    if comparison is None:
        return ()
    first = catalog.frameworks[comparison.first].name
    second = catalog.frameworks[comparison.second].name
    if comparison.tied:
        lead = (
            f"{first} is tied with {second} at the same score; listed alphabetically "
            "(by id). Either is a sound choice"
        )
    elif comparison.close:
        lead = (
            f"{first} leads {second} by {comparison.margin:.2f} points: close, either is a "
            "sound choice"
        )
    else:
        lead = f"{first} leads {second} by {comparison.margin:.2f} points"
    if comparison.differences:
        lead += "; what separates them:" if comparison.tied or comparison.close else ", made of:"
    lines = [lead]
    for d in comparison.differences:
        label = catalog.criteria[d.criterion].label
        lines.append(
            f"{label}: {level_label(catalog, d.criterion, d.mine)} vs "
            f"{level_label(catalog, d.criterion, d.theirs)} ({d.gap:+.2f})"
        )
    if abs(comparison.rest) > TIE_TOLERANCE:
        lines.append(f"Other criteria together: {comparison.rest:+.2f}")
    return tuple(lines)


def _said_and_assumed(
    catalog: Catalog, weighing: Weighing
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    said, assumed = [], []
    for cid, drivers in weighing.drivers.items():
        if weighing.weights[cid] <= 0 and not any(d.framework for d in drivers):
            continue
        label = catalog.criteria[cid].label
        if any(d.said and d.question != KIND_QUESTION for d in drivers):
            said.append(label)
        elif any(d.question == KIND_QUESTION for d in drivers):
            assumed.append(label)
    return tuple(said), tuple(assumed)


def _constrains(question: Question) -> bool:
    """Whether some choice rules frameworks out or favours one: worth saying it was skipped."""
    return any(
        effect.require is not None or effect.framework is not None
        for choice in question.choices
        for effect in choice.effects
    )


# ---------------------------------------------------------------------------- ranking

# Per framework, per criterion in catalog order: (criterion id, level id, utility).
UtilityTable = dict[str, tuple[tuple[str, str, float], ...]]


def utility_table(catalog: Catalog) -> UtilityTable:
    table: UtilityTable = {}
    # Per criterion, one cell per level, made once, not once per framework: a catalog has
    # few; a level the scale does not have is made when first met (it is worth nothing).
    cells = {
        cid: {level.id: (cid, level.id, level.utility) for level in catalog.levels(cid)}
        for cid in catalog.criteria
    }
    columns = list(cells.items())
    for framework in catalog.frameworks.values():
        facts = framework.facts
        row = []
        for criterion_id, levels in columns:
            level_id = facts[criterion_id].level
            cell = levels.get(level_id)
            if cell is None:
                utility = catalog.level(criterion_id, level_id).utility
                cell = levels[level_id] = (criterion_id, level_id, utility)
            row.append(cell)
        table[framework.id] = tuple(row)
    return table


def ranking_key(score: float, framework_id: str) -> tuple[float, str]:
    """Sort key of the ranking: best score first, then framework id."""
    return (-round(score, TIE_DIGITS), framework_id)


def exact_score(weighing: Weighing, framework_id: str, table: UtilityTable) -> float:
    """The score as the ranking computes it, summed in catalog order."""
    return sum(
        weighing.weight(framework_id, cid) * utility for cid, _, utility in table[framework_id]
    )


def _rank(
    catalog: Catalog,
    answers: dict[str, tuple[str, ...]],
    said: frozenset[str],
    ignored: tuple[str, ...],
    table: UtilityTable,
) -> Recommendation:
    weighing = weigh(catalog, answers, said)
    ranking: list[Ranked] = []
    eliminated: list[Elimination] = []
    lines: dict[tuple[str, str, str | None], str] = {}
    order = {cid: index for index, cid in enumerate(catalog.criteria)}
    own = frozenset(
        cid for cid, drivers in weighing.drivers.items() if any(d.framework for d in drivers)
    )
    # Frameworks without a weight of their own share one cell per (criterion, level).
    shared: dict[tuple[str, str, float], _Cell] = {}
    values: list[tuple[float, ...]] = []
    for framework in catalog.frameworks.values():
        reasons = _eliminations(catalog, framework, weighing.requirements)
        if reasons:
            eliminated.append(Elimination(framework, tuple(reasons)))
            continue
        if framework.id in weighing.extra:
            cells = [
                _cell(
                    Contribution(cid, weighing.weight(framework.id, cid), level_id, utility),
                    order[cid],
                )
                for cid, level_id, utility in table[framework.id]
            ]
        else:
            cells = []
            for entry in table[framework.id]:
                found = shared.get(entry)
                if found is None:
                    cid, level_id, utility = entry
                    contribution = Contribution(cid, weighing.weights[cid], level_id, utility)
                    found = shared[entry] = _cell(contribution, order[cid])
                cells.append(found)
        frozen = tuple(c.contribution for c in cells)
        row = tuple(c.value for c in cells)
        score = sum(row)
        top, gaps = _explain(catalog, framework.id, cells, weighing, own, lines)
        musts = _musts(catalog, framework, weighing.requirements)
        ranking.append(Ranked(framework, score, frozen, top, gaps, musts))
        values.append(row)
    ranking.sort(key=lambda r: ranking_key(r.score, r.framework.id))
    eliminated.sort(key=lambda e: e.framework.id)
    floor = ceiling = 0.0
    for column in zip(*values, strict=True):  # the lowest and highest in the field
        floor += min(column)
        ceiling += max(column)
    said_labels, assumed_labels = _said_and_assumed(catalog, weighing)
    kind = catalog.questions.get(KIND_QUESTION)
    assumed_for = ""
    if kind is not None and answers.get(KIND_QUESTION):
        labels = {c.id: c.label for c in kind.choices}
        assumed_for = labels.get(answers[KIND_QUESTION][0], "")
    not_considered = tuple(
        catalog.questions[qid].topic or qid
        for qid in answers
        if qid not in said and _constrains(catalog.questions[qid])
    )
    result = Recommendation(
        answers=answers,
        weights=weighing.weights,
        drivers={
            cid: tuple(merged([d.reason for d in found if d.framework is None]))
            for cid, found in weighing.drivers.items()
        },
        requirements=weighing.requirements,
        ranking=tuple(ranking),
        eliminated=tuple(eliminated),
        flips=(),
        versus=(),
        total_weight=sum(weighing.weights.values()),
        ignored=ignored,
        said=said_labels,
        assumed=assumed_labels,
        assumed_for=assumed_for,
        not_considered=not_considered,
        floor=floor,
        ceiling=ceiling,
        weighing=weighing,
    )
    comparison = compare(catalog, result)
    return dataclasses.replace(
        result, comparison=comparison, versus=versus_lines(catalog, comparison)
    )


def recommend(catalog: Catalog, given: Answers, with_flips: bool = True) -> Recommendation:
    """Rank the catalog's frameworks for ``given`` answers (validated ids)."""
    answers = effective_answers(catalog, given)
    # In question order, so that the order answers were given in never shows.
    ignored = tuple(qid for qid in catalog.questions if qid in given and qid not in answers)
    # An answer equal to the question's default says nothing new (a wizard user pressing
    # Enter and a script that leaves the question out get the same explanation).
    said = frozenset(
        qid
        for qid in given
        if qid in answers and tuple(given[qid]) != tuple(catalog.questions[qid].default)
    )
    table = utility_table(catalog)
    base = _rank(catalog, answers, said, ignored, table)
    if not with_flips:
        return base
    from fwtui.advisor.flips import find_flips

    # Flips start from every given answer: one not asked now may be asked after the change.
    return dataclasses.replace(base, flips=find_flips(catalog, base, dict(given), table))
