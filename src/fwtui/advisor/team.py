"""Team decisions: several people's answers become one consensus ranking (no Textual).

The method (the README's "Deciding as a team" says the same for users):

1. Each person's answers go through the advisor unchanged (:func:`recommend`): their own
   ranking, their eliminations and their best score.
2. A framework's *fit* for a person is its score divided by that person's best score, so
   1.0 is their own top pick whatever their weights add up to (all scores 0: every fit 1).
3. A must-have of anyone eliminates for everyone; the result says whose and why.
4. The consensus score of a framework still standing is the mean of everyone's fit; each
   person's contribution is their fit divided by the number of people, so the contributions
   add up exactly to the score. Best first; scores equal to 9 decimal places are ordered by
   framework id, like the advisor's own ties.
5. The consensus figure is Kendall's coefficient of concordance W (corrected for ties) of
   the people's own rankings of the frameworks still standing, as a percentage: 100 % when
   everyone ranks them in the same order, near 0 % when the orders are unrelated or opposed.
   With one person or one framework standing it is 100 %; with none standing, 0 %.
6. Acceptable to everyone: standing frameworks whose fit is at least ``1 - margin`` for
   every person (within ``margin`` of each person's own best).
7. A disagreement is a question that people asked it answered differently. An answer
   *moves the pick* when that person switching to the answer most of the others who differ
   from them gave (ties: the first in the question's choice order) changes the consensus pick.
8. What it would take to agree: each person's own top pick depends only on their own
   answers, so the fewest changes giving everyone the same top pick are, for each framework,
   the sum of each person's fewest changes that make it their winner; the framework with
   the smallest sum wins (ties: the consensus order). A change replaces one person's answer
   to one question by one a teammate gave. The search tries one change per person, then
   two, in a fixed order, and stops after SEARCH_BUDGET advisor runs (the result says so).

People are ordered by name (case-insensitively), so the order of the files never matters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from fwtui.advisor.answers import Answers, load_answers_record
from fwtui.advisor.scoring import Recommendation, effective_answers, ranking_key, recommend
from fwtui.catalog.models import Framework, Question
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError, Warnings
from fwtui.safetext import quoted

DEFAULT_MARGIN = 0.10
"""Acceptable to everyone: within this fraction of each person's own best score."""
SEARCH_BUDGET = 600
"""Advisor runs the agreement search may make (each distinct answer set is run once)."""
MAX_CHANGES_PER_PERSON = 2
MAX_PEOPLE = 500
ANSWERS_SUFFIXES = (".yaml", ".yml")
TIE_DIGITS = 9

# An answer as the advisor keeps it: choice ids in the question's order (None: not asked).
Choice = tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """One answers file: who answered (the file's name when it does not say), and what."""

    who: str
    role: str | None
    source: str
    given: Answers


@dataclass(frozen=True)
class Member:
    person: Person
    result: Recommendation

    @property
    def who(self) -> str:
        return self.person.who

    @property
    def best(self) -> float:
        return self.result.ranking[0].score if self.result.ranking else 0.0

    @property
    def winner(self) -> str | None:
        return self.result.winner.framework.id if self.result.winner else None

    def fits(self) -> dict[str, float]:
        """Fit of every framework this person did not eliminate (see rule 2)."""
        best = self.best
        return {r.framework.id: (r.score / best if best > 0 else 1.0) for r in self.result.ranking}


@dataclass(frozen=True)
class Share:
    who: str
    fit: float
    share: float
    """``fit`` divided by the number of people: the shares add up to the consensus score."""


@dataclass(frozen=True)
class ConsensusItem:
    framework: Framework
    score: float
    """The mean fit, 0 to 1."""
    shares: tuple[Share, ...]


@dataclass(frozen=True)
class Veto:
    """A framework eliminated for everyone by someone's must-haves."""

    framework: Framework
    by: tuple[tuple[str, str], ...]
    """(who, why) for each person whose must-have eliminates it."""


@dataclass(frozen=True)
class AnswerGroup:
    answer: Choice | None
    """None: the question was not asked for these people."""
    people: tuple[str, ...]


@dataclass(frozen=True)
class Mover:
    who: str
    old: Choice
    new: Choice
    pick: str | None
    """The consensus pick had ``who`` answered ``new`` (None: every framework eliminated)."""


@dataclass(frozen=True)
class Disagreement:
    question: Question
    groups: tuple[AnswerGroup, ...]
    movers: tuple[Mover, ...]


@dataclass(frozen=True)
class Change:
    who: str
    question: str
    old: Choice | None
    new: Choice


@dataclass(frozen=True)
class Agreement:
    framework: Framework | None
    """The common top pick reached with the fewest changes; None when none was found."""
    changes: tuple[Change, ...]
    tried: int
    """Distinct answer sets the search looked at."""
    complete: bool
    """False when the search stopped at SEARCH_BUDGET before trying everything."""


@dataclass(frozen=True)
class TeamResult:
    members: tuple[Member, ...]
    ranking: tuple[ConsensusItem, ...]
    vetoes: tuple[Veto, ...]
    consensus: float
    """Kendall's W as a percentage, 0 to 100 (rule 5)."""
    margin: float
    acceptable: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]
    agreement: Agreement
    warnings: tuple[str, ...] = field(default=())

    @property
    def pick(self) -> ConsensusItem | None:
        return self.ranking[0] if self.ranking else None


# ---------------------------------------------------------------------------- loading


def answers_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, a directory standing for its ``*.yaml``/``*.yml`` files (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p for p in path.iterdir() if p.suffix.lower() in ANSWERS_SUFFIXES and p.is_file()
            )
            if not inside:
                raise UsageError(f"{quoted(str(path), 200)}: no answers files (*.yaml, *.yml)")
            found += inside
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def load_people(catalog: Catalog, paths: Sequence[Path], warn: Warnings) -> list[Person]:
    """Everyone's answers; any file that fails is a UsageError naming it (one line)."""
    files = answers_files(paths)
    if not files:
        raise UsageError("give at least one answers file or folder of them")
    if len(files) > MAX_PEOPLE:
        raise UsageError(f"{len(files)} answers files; fwtui team takes at most {MAX_PEOPLE}")
    people: list[Person] = []
    by_name: dict[str, Path] = {}
    for path in files:
        try:
            record = load_answers_record(catalog, path, warn)
        except UsageError as error:
            raise UsageError(f"answers file {str(error).removeprefix('--answers ')}") from None
        who = record.who or path.stem
        key = who.casefold()
        if key in by_name:
            raise UsageError(
                f"two answers files are from {quoted(who)}: {by_name[key]} and {path}; "
                "give each person's file its own `who`"
            )
        by_name[key] = path
        people.append(Person(who, record.role, str(path), dict(record.answers)))
    return people


# -------------------------------------------------------------------------- consensus


def _person_key(person: Person) -> tuple[str, str]:
    return (person.who.casefold(), person.who)


@dataclass(frozen=True)
class _View:
    """What the consensus needs of one person: fits and the frameworks they eliminate."""

    fits: dict[str, float]
    eliminated: frozenset[str]


def _view(member: Member) -> _View:
    return _View(member.fits(), frozenset(e.framework.id for e in member.result.eliminated))


def _standing(catalog: Catalog, views: Sequence[_View]) -> list[str]:
    out: set[str] = set()
    for view in views:
        out |= view.eliminated
    return [fid for fid in catalog.frameworks if fid not in out]


def _consensus_scores(catalog: Catalog, views: Sequence[_View]) -> list[tuple[str, float]]:
    """(framework id, mean fit), best first (rule 4)."""
    count = len(views)
    scores = [
        (fid, sum(view.fits[fid] for view in views) / count) for fid in _standing(catalog, views)
    ]
    scores.sort(key=lambda item: ranking_key(item[1], item[0]))
    return scores


def _pick(catalog: Catalog, views: Sequence[_View]) -> str | None:
    scores = _consensus_scores(catalog, views)
    return scores[0][0] if scores else None


def _ranks(values: Sequence[float]) -> tuple[list[float], float]:
    """Ranks (1 = highest, ties get their mean rank) and the tie term sum(t^3 - t)."""
    rounded = [round(v, TIE_DIGITS) for v in values]
    order = sorted(range(len(values)), key=lambda i: -rounded[i])
    ranks = [0.0] * len(values)
    ties = 0.0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and rounded[order[end + 1]] == rounded[order[start]]:
            end += 1
        mean_rank = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = mean_rank
        size = end - start + 1
        ties += size**3 - size
        start = end + 1
    return ranks, ties


def concordance(table: Sequence[Sequence[float]]) -> float:
    """Kendall's W in percent for ``table[person][framework]`` scores (rule 5)."""
    people = len(table)
    items = len(table[0]) if table else 0
    if people == 0 or items == 0:
        return 0.0
    if items == 1:
        return 100.0
    totals = [0.0] * items
    tie_sum = 0.0
    for row in table:
        ranks, ties = _ranks(row)
        tie_sum += ties
        totals = [t + r for t, r in zip(totals, ranks, strict=True)]
    mean = people * (items + 1) / 2
    spread = sum((t - mean) ** 2 for t in totals)
    denominator = people**2 * (items**3 - items) - people * tie_sum
    if denominator <= 0:  # everyone finds every framework equally good
        return 100.0
    return max(0.0, min(100.0, 100.0 * 12 * spread / denominator))


# ------------------------------------------------------------------------ disagreements


def _choice_order(question: Question, answer: Choice | None) -> tuple[int, ...]:
    if answer is None:
        return (len(question.choices) + 1,)
    ids = [choice.id for choice in question.choices]
    return tuple(ids.index(c) for c in answer) if answer else (-1,)


class _Runner:
    """The advisor's result per distinct answer set, run once each, counting the runs."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.cache: dict[tuple[tuple[str, Choice], ...], Recommendation] = {}
        self.runs = 0
        self.tried: set[tuple[tuple[str, Choice], ...]] = set()
        """Answer sets the agreement search looked at (run now or earlier)."""

    def run(self, given: Answers) -> Recommendation:
        answers = effective_answers(self.catalog, given)
        key = tuple(answers.items())
        found = self.cache.get(key)
        if found is None:
            self.runs += 1
            found = recommend(self.catalog, answers, with_flips=False)
            self.cache[key] = found
        return found

    def known(self, given: Answers) -> bool:
        return tuple(effective_answers(self.catalog, given).items()) in self.cache


def _disagreements(
    catalog: Catalog, members: Sequence[Member], runner: _Runner, pick: str | None
) -> tuple[Disagreement, ...]:
    views = [_view(m) for m in members]
    found = []
    for question in catalog.questions.values():
        answers = [m.result.answers.get(question.id) for m in members]
        if len({a for a in answers if a is not None}) < 2:
            continue
        grouped: dict[Choice | None, list[str]] = {}
        for member, answer in zip(members, answers, strict=True):
            grouped.setdefault(answer, []).append(member.who)
        groups = tuple(
            AnswerGroup(answer, tuple(names))
            for answer, names in sorted(
                grouped.items(), key=lambda item: _choice_order(question, item[0])
            )
        )
        movers = []
        for index, (member, answer) in enumerate(zip(members, answers, strict=True)):
            if answer is None:
                continue
            others = Counter(a for a in answers if a is not None and a != answer)
            new = min(others, key=lambda a: (-others[a], _choice_order(question, a)))
            changed = runner.run({**member.result.answers, question.id: new})
            trial = [*views[:index], _view(Member(member.person, changed)), *views[index + 1 :]]
            moved = _pick(catalog, trial)
            if moved != pick:
                movers.append(Mover(member.who, answer, new, moved))
        found.append(Disagreement(question, groups, tuple(movers)))
    return tuple(found)


# ----------------------------------------------------------------------- agreement search


def _alternatives(
    catalog: Catalog, member: Member, members: Sequence[Member]
) -> list[tuple[str, Choice]]:
    """Answers teammates gave that ``member`` did not, in question then choice order."""
    options: list[tuple[str, Choice]] = []
    for question in catalog.questions.values():
        mine = member.result.answers.get(question.id)
        theirs = {
            m.result.answers[question.id]
            for m in members
            if question.id in m.result.answers and m.result.answers[question.id] != mine
        }
        for answer in sorted(theirs, key=lambda a: _choice_order(question, a)):
            options.append((question.id, answer))
    return options


class _OutOfBudget(Exception):
    pass


def _changes_of(
    catalog: Catalog,
    member: Member,
    options: Sequence[tuple[str, Choice]],
    target: str,
    depth: int,
    runner: _Runner,
    last_run: int,
) -> tuple[Change, ...] | None:
    """The first ``depth`` changes (in option order) making ``target`` the person's winner;
    None when none does. Raises _OutOfBudget when the runner reaches ``last_run``."""
    base = member.result.answers
    for combo in combinations(options, depth):
        if len({qid for qid, _ in combo}) < depth:
            continue  # two answers to one question are one change, tried already
        given = {**base, **dict(combo)}
        if runner.runs >= last_run and not runner.known(given):
            raise _OutOfBudget
        runner.tried.add(tuple(effective_answers(catalog, given).items()))
        winner = runner.run(given).winner
        if winner is not None and winner.framework.id == target:
            return tuple(Change(member.who, qid, base.get(qid), new) for qid, new in combo)
    return None


_Best = tuple[tuple[int, int, str], tuple[Change, ...]] | None


def _beaten(best: _Best, cost: int, key: tuple[int, int, str]) -> bool:
    """Whether ``cost`` changes for the target of sort ``key`` lose to the best found."""
    return best is not None and (cost, *key[1:]) > best[0]


def _agreement(
    catalog: Catalog, members: Sequence[Member], runner: _Runner, order: Sequence[str]
) -> Agreement:
    """Rule 8, by branch and bound over the target framework.

    A target needs at least one change from each person whose own pick differs, so the
    targets are tried by that bound (then the consensus order), and the search ends when
    no target left can beat the best found. For one target, everyone who must move is
    tried with one change first; only then are two changes tried for those one did not
    move, and the target is dropped as soon as its count can no longer win.
    """
    last_run = runner.runs + SEARCH_BUDGET
    position = {fid: index for index, fid in enumerate(order)}
    winners = [m.winner for m in members]

    def bound(fid: str) -> tuple[int, int, str]:
        return (sum(w != fid for w in winners), position.get(fid, len(position)), fid)

    options = {m.who: _alternatives(catalog, m, members) for m in members}
    best: _Best = None
    complete = True
    for target in sorted(catalog.frameworks, key=bound):
        if best is not None and bound(target) > best[0]:
            break
        movers = [m for m in members if m.winner != target]
        found: dict[str, tuple[Change, ...]] = {}

        try:
            for depth in range(1, MAX_CHANGES_PER_PERSON + 1):
                waiting = [m for m in movers if m.who not in found]
                for index, member in enumerate(waiting):
                    # Everyone still waiting needs at least ``depth`` changes.
                    spent = sum(len(c) for c in found.values())
                    if _beaten(best, spent + depth * (len(waiting) - index), bound(target)):
                        break
                    changes = _changes_of(
                        catalog, member, options[member.who], target, depth, runner, last_run
                    )
                    if changes is not None:
                        found[member.who] = changes
                else:
                    continue
                break
        except _OutOfBudget:
            complete = False
            break
        ordered = tuple(c for m in members for c in found.get(m.who, ()))
        if len(found) == len(movers) and not _beaten(best, len(ordered), bound(target)):
            best = ((len(ordered), *bound(target)[1:]), ordered)
    tried = len(runner.tried)
    if best is None:
        return Agreement(None, (), tried, complete)
    return Agreement(catalog.frameworks[best[0][2]], best[1], tried, complete)


# ------------------------------------------------------------------------------ the team


def decide(
    catalog: Catalog,
    people: Sequence[Person],
    margin: float = DEFAULT_MARGIN,
    warnings: Sequence[str] = (),
) -> TeamResult:
    """The team's consensus for ``people`` (any order; names must differ)."""
    if not people:
        raise UsageError("a team needs at least one person's answers")
    ordered = sorted(people, key=_person_key)
    runner = _Runner(catalog)
    members = tuple(Member(p, runner.run(p.given)) for p in ordered)
    views = [_view(m) for m in members]
    count = len(members)
    scores = _consensus_scores(catalog, views)
    ranking = tuple(
        ConsensusItem(
            catalog.frameworks[fid],
            score,
            tuple(
                Share(m.who, view.fits[fid], view.fits[fid] / count)
                for m, view in zip(members, views, strict=True)
            ),
        )
        for fid, score in scores
    )
    vetoes = []
    for fid, framework in catalog.frameworks.items():
        by = tuple(
            (m.who, e.reason) for m in members for e in m.result.eliminated if e.framework.id == fid
        )
        if by:
            vetoes.append(Veto(framework, by))
    vetoes.sort(key=lambda v: v.framework.id)
    standing = [item.framework.id for item in ranking]
    table = [[view.fits[fid] for fid in standing] for view in views]
    acceptable = tuple(
        fid
        for fid in standing
        if all(round(view.fits[fid], TIE_DIGITS) >= 1 - margin for view in views)
    )
    pick = standing[0] if standing else None
    return TeamResult(
        members=members,
        ranking=ranking,
        vetoes=tuple(vetoes),
        consensus=concordance(table) if standing else 0.0,
        margin=margin,
        acceptable=acceptable,
        disagreements=_disagreements(catalog, members, runner, pick),
        agreement=_agreement(catalog, members, runner, standing),
        warnings=tuple(warnings),
    )


def decide_files(
    catalog: Catalog, paths: Sequence[Path], margin: float = DEFAULT_MARGIN
) -> TeamResult:
    """Load every answers file (or folder of them) and decide; the warnings are kept."""
    warnings: Warnings = []
    people = load_people(catalog, paths, warnings)
    return decide(catalog, people, margin, warnings)
