"""Pros and cons of several frameworks aligned by topic, for a side-by-side comparison.

The data has no topic field: a point's topic is the criterion it is about (the
``criterion`` of a pro or con), labelled as the criterion is; points tied to no criterion
share one last row, "Other points". Rows follow the criteria's order (grouped), and a
framework that says nothing on a topic has an empty cell there.
"""

from __future__ import annotations

from dataclasses import dataclass

from fwtui.catalog.models import Framework, Point
from fwtui.catalog.store import Catalog

OTHER_TOPIC = "Other points"


@dataclass(frozen=True)
class Points:
    """One framework's pros and cons on one topic (either may be empty)."""

    pros: tuple[str, ...]
    cons: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.pros and not self.cons


@dataclass(frozen=True)
class TopicRow:
    topic: str
    criterion: str | None
    """The criterion id the topic is, or None for the points tied to none."""
    cells: tuple[Points, ...]
    """One per framework, in the order given."""


def _topic(point: Point, catalog: Catalog) -> str | None:
    return point.criterion if point.criterion in catalog.criteria else None


def topic_rows(catalog: Catalog, frameworks: list[Framework]) -> list[TopicRow]:
    """A row per topic that at least one of ``frameworks`` has a point on."""
    order: list[str | None] = [c.id for c in catalog.criteria_by_group()] + [None]
    rows = []
    for criterion in order:
        cells = tuple(
            Points(
                tuple(p.text for p in framework.pros if _topic(p, catalog) == criterion),
                tuple(p.text for p in framework.cons if _topic(p, catalog) == criterion),
            )
            for framework in frameworks
        )
        if all(cell.empty for cell in cells):
            continue
        topic = catalog.criteria[criterion].label if criterion is not None else OTHER_TOPIC
        rows.append(TopicRow(topic, criterion, cells))
    return rows
