"""What would change the answer: single changes of one answer that change the winner.

Every answer one step away is tried: another choice of a single-choice question, one
choice more or less of a multi-choice one. A try does not re-rank the catalog: it weighs
the changed answers, and each framework's score moves only by the criteria whose weight
changed (``score + sum(delta weight * utility)``); the must-haves are sets of frameworks
that fail them, computed once per distinct must-have. Frameworks are visited best base
score first, and a try stops as soon as no framework left could reach the top two (its
base score plus the most the changed weights could add), so it costs the frameworks near
the top, not the whole catalog. The few that come out within a hair of the best are then
scored exactly as the ranking does, so a flip never disagrees with a full ``recommend`` of
the changed answers.

Flips a user can act on (a constraint, a must-have, a priority) come first; changes of
the situation itself (another kind of project, other existing code) come last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fwtui.advisor.answers import Answers
from fwtui.advisor.scoring import (
    TIE_DIGITS,
    Flip,
    Recommendation,
    Requirement,
    UtilityTable,
    Weighing,
    effective_answers,
    exact_score,
    ranking_key,
    weigh,
)
from fwtui.catalog.models import Question, QuestionType
from fwtui.catalog.store import Catalog

SITUATION = frozenset(
    {"project_kind", "also", "existing_code", "extends_framework", "migrates_from", "team_knows"}
)
"""Questions that describe the project as it is, not a choice the user can revisit."""
NEAR = 1e-6
"""Frameworks this close to the best incremental score are re-scored exactly."""


@dataclass
class _Field:
    """What stays the same across tries: utilities, base scores, must-have failures.

    Frameworks are numbered best base score first (then by id); per criterion, a column
    holds every framework's utility, or level, by that number.
    """

    catalog: Catalog
    table: UtilityTable
    base: Weighing
    scores: dict[str, float]
    ids: list[str] = field(default_factory=list)
    number: dict[str, int] = field(default_factory=dict)
    base_scores: list[float] = field(default_factory=list)
    cells: list[tuple[tuple[str, str, float], ...]] = field(default_factory=list)
    """Per criterion (in catalog order), every framework's (criterion, level, utility)."""
    index: dict[str, int] = field(default_factory=dict)
    """Per criterion, its place in a row of the utility table."""
    columns: dict[str, tuple[list[float], float, float]] = field(default_factory=dict)
    """Per criterion: the utilities, and the lowest and the highest of them."""
    failing: dict[tuple[str, tuple[str, ...]], frozenset[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = sorted(self.scores, key=lambda fid: (-self.scores[fid], fid))
        self.number = {fid: n for n, fid in enumerate(self.ids)}
        self.base_scores = [self.scores[fid] for fid in self.ids]
        self.cells = list(zip(*(self.table[fid] for fid in self.ids), strict=True))
        self.index = {cid: index for index, cid in enumerate(self.catalog.criteria)}

    def column(self, criterion_id: str) -> tuple[list[float], float, float]:
        """Every framework's utility on one criterion, with the lowest and the highest."""
        found = self.columns.get(criterion_id)
        if found is None:
            utilities = [cell[2] for cell in self.cells[self.index[criterion_id]]]
            found = self.columns[criterion_id] = (utilities, min(utilities), max(utilities))
        return found

    def fails(self, requirement: Requirement) -> frozenset[int]:
        """The frameworks (by number) whose level a must-have does not allow."""
        key = (requirement.criterion, requirement.allowed)
        found = self.failing.get(key)
        if found is None:
            allowed = frozenset(requirement.allowed)
            cells = self.cells[self.index[requirement.criterion]]
            found = frozenset(n for n, cell in enumerate(cells) if cell[1] not in allowed)
            self.failing[key] = found
        return found

    def top_two(self, weighing: Weighing) -> list[tuple[float, str]]:
        """The best two (ranking key, id) for these weights, exact.

        Each framework's estimate is its base score moved by the criteria whose weight
        changed. Frameworks are scanned best base score first, and the scan stops once no
        framework left could come within ``NEAR`` of the second best even if it had the
        best utility of the field on every criterion that gained weight (and the worst on
        every one that lost): a try costs the frameworks near the top, not the field.
        """
        out: set[int] = set()
        for requirement in weighing.requirements:
            out |= self.fails(requirement)
        changes: list[tuple[float, list[float]]] = []
        reach = 0.0
        for cid, weight in weighing.weights.items():
            delta = weight - self.base.weights[cid]
            if delta:
                utilities, low, high = self.column(cid)
                changes.append((delta, utilities))
                reach += max(delta * low, delta * high)
        own = {
            self.number[fid] for fid in (*weighing.extra, *self.base.extra) if fid in self.number
        }
        # (estimate, number) of the frameworks scanned.
        estimates = [
            (exact_score(weighing, self.ids[n], self.table), n) for n in own if n not in out
        ]
        best = second = float("-inf")
        for estimate, _ in estimates:
            if estimate > best:
                best, second = estimate, best
            elif estimate > second:
                second = estimate
        for n, base in enumerate(self.base_scores):
            # Twice NEAR: the bound is safe despite the rounding of the sums.
            if base + reach < second - 2 * NEAR:
                break
            if n in out or n in own:
                continue
            estimate = base
            for delta, utilities in changes:
                estimate += delta * utilities[n]
            estimates.append((estimate, n))
            if estimate > best:
                best, second = estimate, best
            elif estimate > second:
                second = estimate
        if not estimates:
            return []
        # Re-score exactly what floating-point noise could reorder: everything within a
        # hair of the second best (of the best, when it is alone). Frameworks at the same
        # levels score the same.
        cutoff = (second if len(estimates) > 1 else best) - NEAR
        exact: dict[tuple[tuple[str, str, float], ...], float] = {}
        keys: list[tuple[float, str]] = []
        for estimate, n in estimates:
            if estimate < cutoff:
                continue
            fid = self.ids[n]
            if fid in weighing.extra:
                score = exact_score(weighing, fid, self.table)
            else:
                row = self.table[fid]
                found = exact.get(row)
                score = exact_score(weighing, fid, self.table) if found is None else found
                exact[row] = score
            keys.append(ranking_key(score, fid))
        keys.sort()
        return [(key[0], key[1]) for key in keys[:2]]


def _label(question: Question, choice_ids: tuple[str, ...]) -> str:
    labels = {choice.id: choice.label for choice in question.choices}
    return ", ".join(labels[c] for c in choice_ids) if choice_ids else "none"


def alternatives(question: Question, current: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """Every answer one step away from ``current``, with how to say the change."""
    options: list[tuple[tuple[str, ...], str]] = []
    if question.type is QuestionType.single:
        for choice in question.choices:
            if (choice.id,) == current:
                continue
            if question.id == "project_kind":
                text = f"if you were building {choice.label[:1].lower()}{choice.label[1:]} instead"
            else:
                text = (
                    f"if '{question.prompt}' were answered '{choice.label}' "
                    f"instead of '{_label(question, current)}'"
                )
            options.append(((choice.id,), text))
        return options
    order = [c.id for c in question.choices]
    for choice in question.choices:
        known = question.id == "team_knows"
        if choice.id in current:
            new = tuple(c for c in current if c != choice.id)
            text = (
                f"if the team did not know {choice.label}"
                if known
                else f"if '{choice.label}' were not needed"
            )
        else:
            new = tuple(sorted((*current, choice.id), key=order.index))
            text = (
                f"if the team also knew {choice.label}"
                if known
                else f"if '{choice.label}' were also needed"
            )
        options.append((new, text))
    return options


def find_flips(
    catalog: Catalog, base: Recommendation, given: Answers, table: UtilityTable
) -> tuple[Flip, ...]:
    winner = base.winner.framework.id if base.winner else None
    weighing = base.weighing if base.weighing is not None else weigh(catalog, base.answers)
    scores = {r.framework.id: r.score for r in base.ranking}
    # Eliminated frameworks may come back when a must-have is dropped: score them too.
    for elimination in base.eliminated:
        fid = elimination.framework.id
        scores[fid] = exact_score(weighing, fid, table)
    state = _Field(catalog, table, weighing, scores)
    actionable: list[Flip] = []
    situation: list[Flip] = []
    for question_id, current in base.answers.items():
        question = catalog.questions[question_id]
        for new, text in alternatives(question, current):
            changed = effective_answers(catalog, {**given, question_id: new})
            top = state.top_two(weigh(catalog, changed))
            new_winner = top[0][1] if top else None
            if new_winner == winner:
                continue
            tie_with = None
            if new_winner is None:
                outcome = "every framework would be eliminated"
            else:
                outcome = f"{catalog.frameworks[new_winner].name} would win"
                if len(top) > 1 and round(top[0][0], TIE_DIGITS) == round(top[1][0], TIE_DIGITS):
                    tie_with = top[1][1]
                    other = catalog.frameworks[tie_with].name
                    outcome = (
                        f"{catalog.frameworks[new_winner].name} would tie with {other} "
                        "(and be listed first by id)"
                    )
            is_situation = question_id in SITUATION
            flip = Flip(
                question_id,
                current,
                new,
                new_winner,
                f"{text}, {outcome}",
                tie_with,
                not is_situation,
            )
            (situation if is_situation else actionable).append(flip)
    return tuple(actionable + situation)


def flip_texts(catalog: Catalog, flips: tuple[Flip, ...]) -> tuple[str, ...]:
    """The flips as sentences; other choices of one question with the same outcome merge.

    "if 'Oldest Python?' were answered 'Python 3.8', 'Python 3.9' or 'Python 3.10' ...".
    """
    texts: list[str] = []
    index = 0
    while index < len(flips):
        flip = flips[index]
        question = catalog.questions[flip.question]
        group = [flip]
        while (
            question.type is QuestionType.single
            and question.id != "project_kind"
            and index + len(group) < len(flips)
            and (nxt := flips[index + len(group)]).question == flip.question
            and (nxt.winner, nxt.tie_with) == (flip.winner, flip.tie_with)
        ):
            group.append(nxt)
        index += len(group)
        if len(group) == 1:
            texts.append(flip.text)
            continue
        labels = [f"'{_label(question, g.new)}'" for g in group]
        listed = ", ".join(labels[:-1]) + f" or {labels[-1]}"
        outcome = flip.text.split(", ")[-1]
        texts.append(
            f"if '{question.prompt}' were answered {listed} instead of "
            f"'{_label(question, flip.old)}', {outcome}"
        )
    return tuple(texts)
