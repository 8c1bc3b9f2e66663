"""Closing the app while the command palette is still searching must not crash it.

Textual removes the palette's widgets, then waits for its providers to shut down, and
only then cancels the search; a search that ends in that gap hides its list, finds no
list to hide and fails the app (seen once in the monkey test, on CI).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.command import CommandInput, Hit, Hits, Provider

import fwtui.app
from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.palette import SafeCommandPalette


class SlowProvider(Provider):
    """Finds nothing, slowly; and shuts down more slowly still, which opens the gap."""

    async def search(self, query: str) -> Hits:
        await asyncio.sleep(0.05)
        found: list[Hit] = []
        for hit in found:
            yield hit

    async def shutdown(self) -> None:
        await asyncio.sleep(0.2)


class SlowSearchApp(FwtuiApp):
    CSS_PATH = str(Path(fwtui.app.__file__).with_name("app.tcss"))
    COMMANDS = FwtuiApp.COMMANDS | {SlowProvider}


async def test_closing_the_app_during_a_palette_search_does_not_fail_it() -> None:
    app = SlowSearchApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")  # the list shows the screens: a search hides it
        assert isinstance(app.screen, SafeCommandPalette)
        app.screen.query_one(CommandInput).value = "nothing matches this"
        await asyncio.sleep(0.01)  # the search is under way when the app closes
    assert app.return_code in (None, 0)
