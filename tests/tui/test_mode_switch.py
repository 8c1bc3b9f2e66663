"""Switching modes: a screen shown again keeps its state and takes what changed meanwhile
(the theme, its own key dimmed in the footer), and a new screen is drawn once it is built."""

from __future__ import annotations

from textual.widgets import DataTable

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.screens.guide import GuideScreen
from fwtui.screens.matrix import MatrixScreen
from fwtui.widgets.footer import KeyFooter


def dimmed_keys(app: FwtuiApp) -> set[str]:
    footer = app.screen.query_one(KeyFooter)
    return {cell.item.key for cell in footer.cells() if cell.item and not cell.item.enabled}


async def test_a_revisited_screen_is_the_same_one_with_its_own_key_dimmed() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        await pilot.press("j", "l")
        cursor = matrix.query_one("#matrix-table", DataTable).cursor_coordinate
        await pilot.press("1")
        assert dimmed_keys(app) == {"1"}
        await pilot.press("2")
        assert app.screen is matrix
        assert matrix.query_one("#matrix-table", DataTable).cursor_coordinate == cursor
        assert dimmed_keys(app) == {"2"}


async def test_a_theme_chosen_elsewhere_reaches_a_revisited_screen() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "1")
        before = app.screen_stack[0]
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#matrix-table")
        assert app.screen is not before
        assert table.styles.background == app.current_theme.to_color_system().surface


async def test_a_new_screen_is_drawn_when_built_and_is_complete() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        first_topic = next(iter(app.catalog.topics.values()))
        text = str(app.screen.query_one("#guide-text").render())
        assert text.startswith(first_topic.title)
