"""A user's framework with only id and name, through the TUI's screens (Pilot)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import load_catalog
from fwtui.screens.overview import OverviewScreen


async def test_a_minimal_framework_shows_not_given_on_every_screen(tmp_path: Path) -> None:
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "mine.yaml").write_text("id: mine\nname: Mine\n", "utf-8")
    app = FwtuiApp(load_catalog([tmp_path]))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        screen.select_framework("mine")
        await pilot.pause()
        content = app.screen.query_one("#framework-profile", Static).content
        profile = content.plain if isinstance(content, Text) else str(content)
        assert profile.startswith("Mine")
        assert "License" in profile
        assert "not given" in profile
        for key in ("2", "3", "4", "5", "1"):  # matrix, pros/cons, guide, wizard, back
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("q")
    assert app.return_code == 0
