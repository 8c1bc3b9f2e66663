"""ProsConsTable: the pros and cons of a few frameworks as one table, a row per topic.

Each column is a framework; each row a topic (see fwtui.render.comparison), with that
framework's pros (``+``) and cons (``-``) on it, or nothing. One column is the chosen
one (``▸`` before its name, ``>`` in the accessible mode): the screen's keys change its
framework. Every text from the data is literal.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from fwtui.catalog.store import Catalog
from fwtui.render.comparison import Points, topic_rows
from fwtui.safetext import clean, clean_name
from fwtui.widgets.marks import ascii_only

CHOSEN_COLUMN = "▸ "
CHOSEN_COLUMN_ASCII = "> "
PRO, CON = "+ ", "- "
TOPIC_WIDTH = 14


class ProsConsTable(Static):
    """Set :attr:`frameworks` (ids) and :attr:`column` (the chosen one's index)."""

    frameworks: reactive[tuple[str, ...]] = reactive(())
    column: reactive[int] = reactive(0)
    # Data text carries no links: Textual's hover-link check would unpickle every styled
    # segment's meta on each render (about two thirds of a long profile's first draw).
    auto_links = reactive(False)

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog

    def watch_frameworks(self) -> None:
        self.update(self.table())

    def watch_column(self) -> None:
        self.update(self.table())

    def table(self) -> Table:
        frameworks = [self.catalog.frameworks[i] for i in self.frameworks]
        chosen_mark = CHOSEN_COLUMN_ASCII if ascii_only(self) else CHOSEN_COLUMN
        table = Table(show_lines=True, expand=True, box=box.SIMPLE, padding=(0, 1), show_edge=False)
        table.add_column(Text("Topic", style="bold"), width=TOPIC_WIDTH, no_wrap=False)
        for index, framework in enumerate(frameworks):
            chosen = index == self.column
            name = Text(chosen_mark if chosen else "  ", style="bold")
            name.append(clean_name(framework.name), style="bold reverse" if chosen else "bold")
            table.add_column(name, ratio=1)
        for row in topic_rows(self.catalog, frameworks):
            table.add_row(Text(clean_name(row.topic), style="bold"), *map(cell_text, row.cells))
        return table


def cell_text(points: Points) -> Text:
    """A framework's points on one topic: pros first, each on its own line."""
    lines = [Text(PRO) + Text(clean(point)) for point in points.pros]
    lines += [Text(CON) + Text(clean(point)) for point in points.cons]
    return Text("\n").join(lines)
