"""ProsConsTable on its own (a small app around it) and the topic rows behind it: points
aligned by topic across the columns, an empty cell where a framework says nothing."""

from __future__ import annotations

from textual.app import App, ComposeResult

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.store import Catalog
from fwtui.render.comparison import OTHER_TOPIC, topic_rows
from fwtui.screens.proscons import HINT, ProsConsScreen
from fwtui.widgets.proscons import CHOSEN_COLUMN, ProsConsTable


class TableApp(App[None]):
    def __init__(self, catalog: Catalog, frameworks: tuple[str, ...]) -> None:
        super().__init__()
        self.catalog = catalog
        self.frameworks = frameworks

    def compose(self) -> ComposeResult:
        yield ProsConsTable(self.catalog, id="table")

    def on_mount(self) -> None:
        table = self.query_one(ProsConsTable)
        table.frameworks = self.frameworks


def screen_lines(widget: ProsConsTable) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def test_points_are_aligned_by_the_criterion_they_are_about() -> None:
    catalog = bundled_catalog()
    django, fastapi = catalog.frameworks["django"], catalog.frameworks["fastapi"]
    rows = topic_rows(catalog, [django, fastapi])
    topics = [row.topic for row in rows]
    assert len(topics) == len(set(topics))  # one row per topic
    for framework, column in ((django, 0), (fastapi, 1)):
        for point in [*framework.pros, *framework.cons]:
            expected = (
                catalog.criteria[point.criterion].label
                if point.criterion in catalog.criteria
                else OTHER_TOPIC
            )
            row = next(r for r in rows if r.topic == expected)
            cell = row.cells[column]
            assert point.text in (*cell.pros, *cell.cons)
    assert any(row.cells[1].empty for row in rows), "a topic only Django has a point on"


async def test_the_table_shows_a_row_per_topic_and_blank_cells() -> None:
    catalog = bundled_catalog()
    app = TableApp(catalog, ("django", "fastapi"))
    async with app.run_test(size=(100, 200)) as pilot:
        await pilot.pause()
        widget = app.query_one(ProsConsTable)
        lines = screen_lines(widget)
        header = lines[0]
        assert f"{CHOSEN_COLUMN}Django" in header
        assert "FastAPI" in header
        middle = header.index("FastAPI") - 2
        rows = topic_rows(catalog, [catalog.frameworks[i] for i in ("django", "fastapi")])
        blank = next(row for row in rows if row.cells[1].empty)
        first_word = blank.topic.split()[0]
        line = next(line for line in lines if line.lstrip().startswith(first_word))
        assert line[:middle].strip().startswith(first_word)
        assert line[middle:].strip() == "", "FastAPI says nothing on this topic"
        widget.column = 1
        await pilot.pause()
        assert f"{CHOSEN_COLUMN}FastAPI" in screen_lines(widget)[0]


async def test_the_screen_changes_the_chosen_columns_framework() -> None:
    catalog = bundled_catalog()
    ids = list(catalog.frameworks)
    assert len(HINT) <= 78  # the hint line fits in 80 columns
    app = FwtuiApp(catalog, screen="proscons")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProsConsScreen)
        assert screen.shown == ids[:2]
        await pilot.press("n")
        assert screen.shown == [ids[2], ids[1]]  # skips Flask, already in the other column
        await pilot.press("tab", "n")
        assert screen.shown == [ids[2], ids[3]]
        table = screen.query_one(ProsConsTable)
        assert table.column == 1
        assert table.frameworks == (ids[2], ids[3])
