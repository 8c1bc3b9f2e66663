"""The accessible mode (--accessible, ACCESSIBLE=1) through the Pilot: the terminal
cursor sits on the selected item, no animation, ASCII marks, a high-contrast theme."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, OptionList, RadioSet

from fwtui.app import HIGH_CONTRAST, FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.cli import build_parser
from fwtui.screens.export import ExportScreen
from fwtui.screens.matrix import MatrixScreen
from fwtui.screens.wizard import WizardScreen


def test_the_option_and_the_variable_turn_it_on(monkeypatch: pytest.MonkeyPatch) -> None:
    assert build_parser().parse_args(["--accessible"]).accessible
    monkeypatch.delenv("ACCESSIBLE", raising=False)
    assert not FwtuiApp(bundled_catalog()).accessible
    monkeypatch.setenv("ACCESSIBLE", "1")
    assert FwtuiApp(bundled_catalog()).accessible
    monkeypatch.setenv("ACCESSIBLE", "0")
    assert not FwtuiApp(bundled_catalog()).accessible


async def test_the_cursor_follows_the_selected_framework() -> None:
    app = FwtuiApp(bundled_catalog(), accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == HIGH_CONTRAST.name
        assert app.animation_level == "none"
        header = str(app.format_title(app.screen.title or "", app.screen.sub_title or ""))
        assert header.startswith("fwtui - Overview - ")
        assert header.isascii()
        frameworks = app.screen.query_one("#framework-list", OptionList)
        await pilot.press("j", "j")
        await pilot.pause()  # the highlight's message places the cursor: no call here
        top = frameworks.content_region.y
        assert frameworks.highlighted == 2
        assert app.cursor_position.y == top + 2
        assert app.cursor_position.x == frameworks.content_region.x


async def test_the_cursor_follows_the_matrix_cell_and_the_matrix_shows_words() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix", accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        assert not screen.compact  # labels to be read, not symbols
        table = screen.query_one("#matrix-table", DataTable)
        await pilot.pause()
        app.place_cursor()
        before = app.cursor_position
        await pilot.press("j")
        await pilot.pause()
        app.place_cursor()
        assert app.cursor_position.y == before.y + 1
        assert app.cursor_position.x == before.x
        await pilot.press("l")
        await pilot.pause()
        app.place_cursor()
        assert app.cursor_position.x > before.x
        assert table.cursor_coordinate.column == 2


async def test_the_export_kinds_use_ascii_marks() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard", accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        while screen.result is None:
            await pilot.press("enter")
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        marks = [str(button.render())[:3] for button in dialog.query_one(RadioSet).children]
        assert marks == ["(*)", "( )", "( )", "( )"]
        assert all(character.isascii() for character in "".join(marks))


async def test_the_hints_are_ascii() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard", accessible=True)
    async with app.run_test(size=(80, 24)):
        keys = str(app.screen.query_one("#wizard-keys").render())
        assert "Up/Down" in keys
        assert keys.isascii()
