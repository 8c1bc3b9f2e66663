"""The validated catalog, where each entry came from, and the entries read so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fwtui.catalog.models import (
    UNKNOWN_LEVEL,
    Criterion,
    FaqEntry,
    Framework,
    Group,
    Level,
    Meta,
    Question,
    Scale,
    Topic,
)
from fwtui.errors import Problem

if TYPE_CHECKING:  # yaml is imported only when files are read, not for a cached catalog
    from fwtui.catalog.yamlsafe import FileLines, YamlDocument


@dataclass(frozen=True)
class Origin:
    """Where an entry was defined: the file and the entry's path inside it."""

    document: FileLines
    loc: tuple[str | int, ...]

    @property
    def file(self) -> str:
        return self.document.file

    def problem(self, sub: tuple[str | int, ...], message: str) -> Problem:
        line, path = self.document.line_of(self.loc + sub)
        return Problem(self.file, line, path, message)

    def key_problem(self, sub: tuple[str | int, ...], message: str) -> Problem:
        """A problem with the key that ends ``sub`` (not its value), on the key's line."""
        _, path = self.document.line_of(self.loc + sub)
        return Problem(self.file, self.document.key_line(self.loc + sub), path, message)


@dataclass(frozen=True)
class Replacement:
    """An entry of a later data directory that replaced one with the same id."""

    kind: str
    id: str
    old_file: str
    new_file: str

    def __str__(self) -> str:
        return f"{self.kind} '{self.id}': {self.new_file} replaces {self.old_file}"


@dataclass(frozen=True)
class FactLines:
    """Where one framework's facts are written: its file, and each fact's line in it."""

    file: str
    lines: dict[str, int]


@dataclass(frozen=True)
class Catalog:
    """Everything fwtui knows, validated. Dicts keep definition order."""

    meta: Meta
    groups: dict[str, Group]
    scales: dict[str, Scale]
    criteria: dict[str, Criterion]
    frameworks: dict[str, Framework]
    questions: dict[str, Question]
    topics: dict[str, Topic]
    faq: dict[str, FaqEntry]
    files: tuple[str, ...] = ()
    replacements: tuple[Replacement, ...] = ()
    content_hash: str = ""
    fact_lines: dict[str, FactLines] = field(default_factory=dict)
    """Framework id -> where its facts are; kept as numbers, not the YAML tree."""

    def levels(self, criterion_id: str) -> list[Level]:
        return self.scales[self.criteria[criterion_id].scale].levels

    def level(self, criterion_id: str, level_id: str) -> Level:
        """The level object; :data:`UNKNOWN_LEVEL` for ``unknown`` (symbol ``?``, worth 0)."""
        for level in self.levels(criterion_id):
            if level.id == level_id:
                return level
        return UNKNOWN_LEVEL

    def earns(self, criterion_id: str, level_id: str) -> str:
        """What earns ``level_id`` on this criterion: its rubric entry, else the scale's
        description of the level ('' for ``unknown``)."""
        rubric = self.criteria[criterion_id].rubric.get(level_id)
        if rubric is not None:
            return rubric
        level = self.level(criterion_id, level_id)
        return "" if level is UNKNOWN_LEVEL else level.description

    def level_of(self, framework: Framework, criterion_id: str) -> Level:
        """The level of ``framework``'s fact on a criterion, ``unknown`` included."""
        return self.level(criterion_id, framework.facts[criterion_id].level)

    def criteria_by_group(self) -> list[Criterion]:
        """Criteria ordered by their group's position, then their own."""
        order = {group_id: index for index, group_id in enumerate(self.groups)}
        return sorted(self.criteria.values(), key=lambda c: order.get(c.group, len(order)))

    def summary(self) -> str:
        return (
            f"{len(self.frameworks)} frameworks, {len(self.criteria)} criteria, "
            f"{len(self.questions)} questions, {len(self.faq)} FAQ entries "
            f"from {len(self.files)} files (data {self.meta.data_version})"
        )


@dataclass
class Pending:
    """Entries read so far, by kind and id, with where each came from."""

    meta: tuple[Meta, Origin] | None = None
    entries: dict[str, dict[str, tuple[Any, Origin]]] = field(
        default_factory=lambda: {
            kind: {}
            for kind in ("group", "scale", "criterion", "framework", "question", "topic", "faq")
        }
    )
    problems: list[Problem] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    fact_lines: dict[str, FactLines] = field(default_factory=dict)
    fields_sets: dict[frozenset[str], set[str]] = field(default_factory=dict)
    """The one set of each combination of given field names that the models share."""
    unparsed: list[tuple[YamlDocument, list[tuple[str, str]]]] = field(default_factory=list)
    """Framework files that failed validation (their lines) and the (criterion, level) pairs
    their facts name, for the checks that still apply: one run then lists every problem."""

    def add(self, kind: str, entry: Any, origin: Origin, seen_here: set[tuple[str, str]]) -> None:
        table = self.entries[kind]
        entry_id = entry.id
        if (kind, entry_id) in seen_here:
            first = table[entry_id][1]
            line, _ = first.document.line_of(first.loc)
            message = f"duplicate {kind} id '{entry_id}' (also defined in {first.file}:{line})"
            self.problems.append(origin.problem(("id",), message))
            return
        seen_here.add((kind, entry_id))
        if entry_id in table:
            old_file = table[entry_id][1].file
            self.replacements.append(Replacement(kind, entry_id, old_file, origin.file))
        table[entry_id] = (entry, origin)
