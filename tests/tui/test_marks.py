"""Ticked and unticked, chosen and not chosen: each state has a glyph of its own, so that
it reads the same without colour (the NO_COLOR snapshots in test_snapshots.py show it)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import RadioSet, SelectionList

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.screens.export import ExportScreen
from fwtui.screens.pick_frameworks import PickFrameworksScreen
from fwtui.screens.wizard import WizardScreen


def lines(widget: Widget, count: int) -> list[str]:
    return [widget.render_line(y).text for y in range(count)]


async def test_the_wizard_multi_select_shows_ticks_as_glyphs() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        while screen.current_question().type.value != "multi":
            await pilot.press("enter")
        await pilot.press("space")
        multi = screen.query_one("#wizard-multi", SelectionList)
        first, second = lines(multi, 2)
        assert first.startswith("[x] "), first
        assert second.startswith("[ ] "), second


async def test_the_matrix_column_picker_shows_ticks_as_glyphs() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, PickFrameworksScreen)
        picker = app.screen.query_one("#pick-list", SelectionList)
        assert all(line.startswith("[x] ") for line in lines(picker, 3))
        await pilot.press("space")
        assert lines(picker, 2)[0].startswith("[ ] ")
        assert lines(picker, 2)[1].startswith("[x] ")


async def test_the_export_kinds_show_the_chosen_one_as_a_glyph() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        while screen.result is None:
            await pilot.press("enter")
        await pilot.press("e", "down")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        buttons = list(dialog.query_one(RadioSet).children)
        marks = [str(button.render())[:3] for button in buttons]
        assert marks == ["( )", "(•)", "( )", "( )"]
