"""The feature matrix: criteria as rows, frameworks as columns, in four formats."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from fwtui.catalog.models import CAPABILITY_SCALE, UNKNOWN_LEVEL, Criterion, Framework
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError
from fwtui.safetext import dumps, fit, markdown_inert, pad

TABLE_WIDTH = 80


@dataclass(frozen=True)
class Cell:
    level: str
    label: str
    symbol: str
    note: str


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


def build_matrix(catalog: Catalog, frameworks: list[Framework], diff_only: bool = False) -> Matrix:
    rows = []
    for criterion in catalog.criteria_by_group():
        cells = []
        for framework in frameworks:
            fact = framework.facts[criterion.id]
            level = catalog.level(criterion.id, fact.level)
            cells.append(Cell(level.id, level.label, level.symbol, fact.note or ""))
        row = Row(criterion, catalog.groups[criterion.group].label, tuple(cells))
        if not diff_only or row.differs:
            rows.append(row)
    capability = catalog.scales.get(CAPABILITY_SCALE)
    symbols = [level.display for level in capability.levels] if capability else []
    legend = "  ".join([*symbols, UNKNOWN_LEVEL.display])
    return Matrix(tuple(frameworks), tuple(rows), legend)


def render_table(matrix: Matrix, width: int | None = None) -> str:
    """Plain-text blocks no wider than ``width``; frameworks that do not fit go to a next block."""
    width = max(40, width or TABLE_WIDTH)
    label_width = 14
    cell_width = 13
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
                pad(fit(f"{row.cells[i].symbol} {row.cells[i].label}", cell_width - 1), cell_width)
                for i in block
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
        cells = " | ".join(f"{c.symbol} {markdown_inert(c.label)}" for c in row.cells)
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


def render_matrix(matrix: Matrix, fmt: str, width: int | None = None) -> str:
    if fmt == "table":
        return render_table(matrix, width)
    if fmt == "markdown":
        return render_markdown(matrix)
    if fmt == "csv":
        return render_csv(matrix)
    if fmt == "json":
        return render_json(matrix)
    raise UsageError(f"unknown format '{fmt}' (valid: table, markdown, csv, json)")
