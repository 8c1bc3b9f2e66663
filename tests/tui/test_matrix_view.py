"""The matrix at 80x24 through the Pilot: a compact view with at least 8 frameworks, a
first column that stays while scrolling sideways, a legend for every mark, the label in
the detail pane, a filter that says why a row matched, and a usable 60x15."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rich.text import Text
from textual.widgets import DataTable, Static

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.render.matrix import full_legend
from fwtui.safetext import fit
from fwtui.screens.matrix import COMPACT_CELL, MatrixScreen
from fwtui.widgets.fact import FactDetail
from fwtui.widgets.sections import STALE_AFTER, STALE_NOTE, is_stale


def visible_names(app: FwtuiApp) -> list[str]:
    """The framework names fully inside the table's visible header line."""
    table = app.screen.query_one("#matrix-table", DataTable)
    header = table.render_line(0).text
    frameworks = app.catalog.frameworks.values()
    return [f.name for f in frameworks if fit(f.name, COMPACT_CELL) in header]


def plain(widget: Static) -> str:
    content = widget.render()
    return content.plain if isinstance(content, Text) else str(content)


async def test_the_compact_view_shows_eight_frameworks_in_80_columns() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        assert len(visible_names(app)) >= 8
        await pilot.press("v")  # labels: far fewer fit
        await pilot.pause()
        assert len(visible_names(app)) < 8
        await pilot.press("v")
        await pilot.pause()
        assert len(visible_names(app)) >= 8


async def test_the_first_column_stays_while_scrolling_sideways() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("#matrix-table", DataTable)
        first_short = next(iter(app.catalog.criteria_by_group())).short
        await pilot.press(*["l"] * 11)  # to the last framework
        await pilot.pause()
        assert table.scroll_x > 0
        assert "Tornado" in visible_names(app)
        assert table.render_line(0).text.lstrip().startswith("Criterion")
        assert first_short in table.render_line(2).text


async def test_the_legend_explains_every_mark_and_the_detail_names_the_level() -> None:
    catalog = bundled_catalog()
    legend = full_legend(catalog)
    for scale in catalog.scales.values():
        for level in scale.levels:
            assert level.symbol in legend, level.symbol
    assert "? unknown" in legend
    app = FwtuiApp(catalog, screen="matrix")
    async with app.run_test(size=(80, 24)):
        assert plain(app.screen.query_one("#matrix-legend", Static)) == legend
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        criterion, framework = screen.current()
        assert criterion is not None
        assert framework is not None
        fact = catalog.frameworks[framework].facts[criterion]
        label = catalog.level(criterion, fact.level)
        assert label is not None
        assert label.label in plain(screen.query_one("#matrix-note", FactDetail))


async def test_the_filter_says_where_a_row_matched() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"werkzeug", "enter")  # only in some notes
        await pilot.pause()
        why = app.screen.query_one("#matrix-why", Static)
        assert why.display
        assert "'s note" in plain(why)  # the criterion's name does not say werkzeug
        await pilot.press("escape")
        await pilot.pause()
        assert not why.display


async def test_the_matrix_is_usable_at_60x15() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#matrix-table", DataTable)
        assert len(visible_names(app)) >= 5
        assert table.scrollable_content_region.height >= 6  # a header and five rows at least
        await pilot.press("j")
        assert table.cursor_coordinate.row == 2


async def test_the_detail_shows_the_review_date_and_marks_an_old_one() -> None:
    catalog = bundled_catalog()
    first = next(iter(catalog.criteria_by_group())).id
    first_framework = next(iter(catalog.frameworks.values()))
    old_fact = first_framework.facts[first].model_copy(
        update={"last_reviewed": dt.date.today() - STALE_AFTER - dt.timedelta(days=1)}
    )
    old = first_framework.model_copy(update={"facts": {**first_framework.facts, first: old_fact}})
    aged = dataclasses.replace(catalog, frameworks={**catalog.frameworks, old.id: old})
    app = FwtuiApp(aged, screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        assert screen.current() == (first, old.id)
        note = screen.query_one("#matrix-note", FactDetail)
        assert f"Reviewed {old_fact.last_reviewed.isoformat()} · {STALE_NOTE}" in plain(note)
        await pilot.press("l")  # the next framework's fact is recent
        fresh = plain(note)
        assert "Reviewed " in fresh
        assert STALE_NOTE not in fresh


def test_a_review_date_is_old_after_a_year() -> None:
    today = dt.date(2026, 12, 2)
    assert not is_stale("2025-12-02", today)
    assert is_stale("2025-12-01", today)
    assert not is_stale("not a date", today)
