"""The feature matrix: criteria as rows, frameworks as columns, in four formats.

:func:`build_matrix` makes the one row/cell model that every format and the TUI's matrix
screen show; :func:`filter_rows` narrows it, :func:`cell_detail` says what the screen
shows under the table for the cell under the cursor.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from fwtui.catalog.models import (
    CAPABILITY_SCALE,
    UNKNOWN_LEVEL,
    Criterion,
    Fact,
    Framework,
    Group,
)
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError, valid_list
from fwtui.render import formats
from fwtui.render.sections import Rating
from fwtui.render.text import MIN_WIDTH, WIDTH
from fwtui.safetext import dumps, fit, markdown_inert, pad


@dataclass(frozen=True)
class Cell:
    """One framework's fact on one criterion, as every format and the TUI show it."""

    level: str
    label: str
    symbol: str
    note: str
    sources: tuple[str, ...] = ()
    reviewed: str = ""
    rubric: str = ""
    """What earns this level on the criterion (its rubric, else the scale's description)."""
    until: str = ""
    """For a time-limited level, the day it stops holding."""

    @property
    def display(self) -> str:
        """``● built in``: the level's symbol and label."""
        return f"{self.symbol} {self.label}"

    def rating(self, subject: str) -> Rating:
        """The fact as the section model's Rating of ``subject`` (a framework's name)."""
        return Rating(
            subject, self.display, self.note, self.sources, self.reviewed, self.rubric, self.until
        )


@dataclass(frozen=True)
class Row:
    criterion: Criterion
    group_label: str
    cells: tuple[Cell, ...]

    @property
    def differs(self) -> bool:
        return len({cell.level for cell in self.cells}) > 1


@dataclass(frozen=True)
class Matrix:
    frameworks: tuple[Framework, ...]
    rows: tuple[Row, ...]
    legend: str


# Columns of the text table: the criterion's short label, then each framework's cell
# (a level's symbol and label, one column of space included).
LABEL_COLUMN = 14
CELL_COLUMN = 13


def valid_until_text(fact: Fact) -> str:
    """'valid until DAY, then re-rated' for a time-limited level, '' for others."""
    if fact.valid_until is None:
        return ""
    return f"valid until {fact.valid_until.isoformat()}, then re-rated"


def fact_cell(catalog: Catalog, criterion_id: str, framework: Framework) -> Cell:
    """The cell of ``framework``'s fact on a criterion (``unknown`` included)."""
    fact = framework.facts[criterion_id]
    level = catalog.level(criterion_id, fact.level)
    sources = tuple(str(url) for url in fact.sources)
    reviewed = fact.last_reviewed.isoformat() if fact.last_reviewed else ""
    rubric = catalog.earns(criterion_id, fact.level)
    return Cell(
        level.id,
        level.label,
        level.symbol,
        fact.note or "",
        sources,
        reviewed,
        rubric,
        valid_until_text(fact),
    )


def build_matrix(catalog: Catalog, frameworks: list[Framework], diff_only: bool = False) -> Matrix:
    rows = []
    for criterion in catalog.criteria_by_group():
        cells = []
        for framework in frameworks:
            cells.append(fact_cell(catalog, criterion.id, framework))
        row = Row(criterion, catalog.groups[criterion.group].label, tuple(cells))
        if not diff_only or row.differs:
            rows.append(row)
    capability = catalog.scales.get(CAPABILITY_SCALE)
    symbols = [level.display for level in capability.levels] if capability else []
    legend = "  ".join([*symbols, UNKNOWN_LEVEL.display])
    return Matrix(tuple(frameworks), tuple(rows), legend)


def full_legend(catalog: Catalog) -> str:
    """Every mark the matrix can show, in words: the capability levels, the marks several
    ordered scales share (best first), a scale's own marks with its first and last label,
    and the unknown mark."""
    capability = catalog.scales.get(CAPABILITY_SCALE)
    parts = [level.display for level in capability.levels] if capability else []
    others = [scale for scale in catalog.scales.values() if scale.id != CAPABILITY_SCALE]
    users: dict[str, set[str]] = {}
    utilities: dict[str, list[float]] = {}
    for scale in others:
        for level in scale.levels:
            users.setdefault(level.symbol, set()).add(scale.id)
            utilities.setdefault(level.symbol, []).append(level.utility)
    shared = [symbol for symbol in users if len(users[symbol]) > 1]
    shared.sort(key=lambda symbol: -sum(utilities[symbol]) / len(utilities[symbol]))
    if shared:
        parts.append(f"{' '.join(shared)} better to worse")
    for scale in others:
        if any(len(users[level.symbol]) == 1 for level in scale.levels):
            first, last = scale.levels[0], scale.levels[-1]
            marks = " ".join(dict.fromkeys(level.symbol for level in scale.levels))
            parts.append(f"{marks} {first.label} to {last.label}")
    parts.append(UNKNOWN_LEVEL.display)
    return "  ".join(parts)


def filter_rows(matrix: Matrix, group: str | None = None, text: str = "") -> Matrix:
    """The rows of one group (all when None) that mention ``text`` (case-folded) in the
    criterion's label or id, the group's label or a cell's note."""
    needle = text.casefold()
    rows = tuple(
        row
        for row in matrix.rows
        if (group is None or row.criterion.group == group)
        and (
            not needle
            or needle in row.criterion.label.casefold()
            or needle in row.criterion.id
            or needle in row.group_label.casefold()
            or any(needle in cell.note.casefold() for cell in row.cells)
        )
    )
    return Matrix(matrix.frameworks, rows, matrix.legend)


@dataclass(frozen=True)
class Detail:
    """What the matrix says of the row (and cell) under the cursor.

    ``rating`` is the fact of the cell's framework; None on a group row or the label column.
    """

    title: str
    description: str
    rating: Rating | None = None
    is_group: bool = False


def group_detail(group: Group) -> Detail:
    return Detail(group.label, group.description, is_group=True)


def cell_detail(catalog: Catalog, criterion_id: str, framework: Framework | None) -> Detail:
    """A criterion, and ``framework``'s fact on it unless None (the label column)."""
    criterion = catalog.criteria[criterion_id]
    rating = None
    if framework is not None:
        rating = fact_cell(catalog, criterion_id, framework).rating(framework.name)
    return Detail(criterion.label, criterion.description, rating)


def render_table(matrix: Matrix, width: int | None = None) -> str:
    """Plain-text blocks no wider than ``width``; frameworks that do not fit go to a next block."""
    width = max(MIN_WIDTH, width or WIDTH)
    label_width, cell_width = LABEL_COLUMN, CELL_COLUMN
    per_block = max(1, (width - label_width) // cell_width)
    lines: list[str] = []
    frameworks = matrix.frameworks
    for start in range(0, len(frameworks), per_block):
        block = range(start, min(start + per_block, len(frameworks)))
        if lines:
            lines.append("")
        header = "".ljust(label_width) + "".join(
            pad(fit(frameworks[i].name, cell_width - 1), cell_width) for i in block
        )
        lines.append(header.rstrip())
        lines.append("-" * (label_width + cell_width * len(block) - 1))
        group = None
        for row in matrix.rows:
            if row.group_label != group:
                group = row.group_label
                lines.append(fit(group, width))
            cells = "".join(
                pad(fit(row.cells[i].display, cell_width - 1), cell_width) for i in block
            )
            lines.append(pad(" " + fit(row.criterion.short, label_width - 2), label_width) + cells)
            lines[-1] = lines[-1].rstrip()
    if not matrix.rows:
        lines.append("(no rows: the frameworks agree on every criterion)")
    lines.append("")
    lines.append(fit(matrix.legend, width))
    return "\n".join(lines) + "\n"


def render_markdown(matrix: Matrix) -> str:
    names = [markdown_inert(f.name) for f in matrix.frameworks]
    lines = [
        "| Criterion | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for row in matrix.rows:
        cells = " | ".join(markdown_inert(c.display) for c in row.cells)
        lines.append(f"| {markdown_inert(row.criterion.label)} | {cells} |")
    return "\n".join(lines) + "\n"


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_inert(cell: str) -> str:
    """A cell that a spreadsheet shows as text: a leading formula character gets a quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def render_csv(matrix: Matrix) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["criterion", "label", "group", *(f.id for f in matrix.frameworks)])
    for row in matrix.rows:
        cells = [row.criterion.id, row.criterion.label, row.criterion.group]
        writer.writerow([csv_inert(cell) for cell in cells + [c.level for c in row.cells]])
    return buffer.getvalue()


def render_json(matrix: Matrix) -> str:
    document = {
        "frameworks": [{"id": f.id, "name": f.name} for f in matrix.frameworks],
        "rows": [
            {
                "criterion": row.criterion.id,
                "label": row.criterion.label,
                "group": row.criterion.group,
                "kind": row.criterion.kind.value,
                "cells": {
                    framework.id: {"level": cell.level, "label": cell.label, "note": cell.note}
                    for framework, cell in zip(matrix.frameworks, row.cells, strict=True)
                },
            }
            for row in matrix.rows
        ],
    }
    return dumps(document) + "\n"


Renderer = Callable[[Matrix, int | None], str]
RENDERERS: dict[str, Renderer] = {
    "table": render_table,
    "markdown": lambda matrix, _width: render_markdown(matrix),
    "csv": lambda matrix, _width: render_csv(matrix),
    "json": lambda matrix, _width: render_json(matrix),
}
"""Every format of ``fwtui matrix``, by name (``width`` is the table's only)."""
FORMATS = formats.MATRIX


def render_matrix(matrix: Matrix, fmt: str, width: int | None = None) -> str:
    if fmt not in RENDERERS:
        raise UsageError(f"unknown format '{fmt}' {valid_list(RENDERERS)}")
    return RENDERERS[fmt](matrix, width)
