"""The TUI drawn from the cached preview, the catalog built after the first frame: keys
pressed before it is there are held and then handled in order; a preview that differs
from the catalog is redrawn; an invalid catalog ends the app with status 1."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.widgets import OptionList, Static
from textual.worker import WorkerCancelled

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.store import Catalog
from fwtui.cli import _quick_start
from fwtui.errors import DataError, Problem
from fwtui.render.preview import Preview, QuickStart, preview_of
from fwtui.screens.matrix import MatrixScreen
from fwtui.screens.overview import OverviewScreen

CATALOG = bundled_catalog()


def preview() -> Preview:
    found = preview_of(CATALOG, "key")
    assert found is not None
    return found


def gated(load: Callable[[], Catalog]) -> tuple[threading.Event, Callable[[], Catalog]]:
    """A loader that waits until the test opens the gate (the catalog 'is slow')."""
    gate = threading.Event()

    def slow() -> Catalog:
        assert gate.wait(30)
        return load()

    return gate, slow


def profile_text(app: FwtuiApp) -> str:
    content = app.screen.query_one("#framework-profile", Static).content
    return content.plain if isinstance(content, Text) else str(content)


async def test_keys_pressed_before_the_catalog_is_built_are_handled_in_order() -> None:
    gate, load = gated(lambda: CATALOG)
    remembered: list[Catalog] = []
    app = FwtuiApp(None, start=QuickStart(preview(), load, remembered.append))
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.has_catalog
        assert profile_text(app).startswith("Django")
        await pilot.press("down", "down")  # held: the catalog is not there yet
        assert app.screen.query_one("#framework-list", OptionList).highlighted == 0
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.has_catalog
        third = list(CATALOG.frameworks.values())[2]
        assert app.screen.query_one("#framework-list", OptionList).highlighted == 2
        assert profile_text(app).startswith(third.name)
        assert app.screen.sub_title == third.name
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
    assert remembered == []  # the preview was right: nothing to write


async def test_a_mode_key_pressed_during_the_handover_opens_its_mode() -> None:
    gate, load = gated(lambda: CATALOG)
    app = FwtuiApp(None, start=QuickStart(preview(), load, lambda catalog: None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "2")  # both held: a vim key on the list, then the matrix
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.query_one("#framework-list", OptionList).highlighted == 1


async def test_the_same_first_frame_as_from_the_catalog() -> None:
    from_catalog = FwtuiApp(CATALOG)
    async with from_catalog.run_test(size=(80, 24)):
        expected = from_catalog.export_screenshot()
    gate, load = gated(lambda: CATALOG)
    app = FwtuiApp(None, start=QuickStart(preview(), load, lambda catalog: None))
    async with app.run_test(size=(80, 24)):
        assert app.export_screenshot() == expected
        gate.set()
        await app.workers.wait_for_complete()


async def test_a_preview_that_differs_from_the_catalog_is_redrawn_from_it() -> None:
    tampered = preview()
    names = (("django", "Not Django"), *tampered.frameworks[1:], ("ghost", "Ghost"))
    tampered = dataclasses.replace(tampered, frameworks=names)
    remembered: list[Catalog] = []
    app = FwtuiApp(None, start=QuickStart(tampered, lambda: CATALOG, remembered.append))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.screen.query_one("#framework-list", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert shown == [f.name for f in CATALOG.frameworks.values()]
        assert listing.highlighted == 0
        assert app.focused is listing
        await pilot.press("down")
        await pilot.pause()
        assert profile_text(app).startswith(list(CATALOG.frameworks.values())[1].name)
    assert remembered == [CATALOG]  # the right preview is kept for the next start


async def test_an_invalid_catalog_ends_the_app_with_its_problems() -> None:
    problem = Problem("frameworks/x.yaml", 3, "name", "must be text")

    def broken() -> Catalog:
        raise DataError([problem])

    app = FwtuiApp(None, start=QuickStart(preview(), broken, lambda catalog: None))
    async with app.run_test(size=(80, 24)) as pilot:
        with contextlib.suppress(WorkerCancelled):  # the app exits meanwhile
            await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1
    assert isinstance(app.load_error, DataError)
    assert app.load_error.problems == (problem,)


def test_the_tui_starts_from_the_preview_only_on_the_overview_with_a_valid_one(
    tmp_path: Path,
) -> None:
    overview = argparse.Namespace(data=[], screen="overview")
    start, catalog = _quick_start(overview)  # no preview yet: loaded first, then kept
    assert catalog is not None
    assert start.preview is None
    start, catalog = _quick_start(overview)
    assert catalog is None
    assert start.preview is not None
    _, catalog = _quick_start(argparse.Namespace(data=[], screen="matrix"))
    assert catalog is not None
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "mine.yaml").write_text("id: mine\nname: Mine\n", "utf-8")
    start, catalog = _quick_start(argparse.Namespace(data=[str(tmp_path)], screen="overview"))
    assert catalog is not None  # the data changed: the full load, the user's file in it
    assert "mine" in catalog.frameworks


# Modules the first frame does without: validation, YAML, and the widgets of other screens.
NOT_FOR_THE_FIRST_FRAME = (
    "pydantic",
    "yaml",
    "textual.widgets._data_table",
    "textual.widgets._selection_list",
    "textual.widgets._radio_set",
)


def test_the_first_frame_from_the_preview_imports_no_pydantic_nor_other_screens_widgets() -> None:
    _quick_start(argparse.Namespace(data=[], screen="overview"))  # keeps the preview
    code = (
        "import argparse, sys\n"
        "from fwtui.cli import _quick_start\n"
        "ns = argparse.Namespace(data=[], screen='overview')\n"
        "start, catalog = _quick_start(ns)\n"
        "assert catalog is None\n"
        "import fwtui.app, fwtui.screens.overview\n"
        f"print(sorted(m for m in sys.modules if m.startswith({NOT_FOR_THE_FIRST_FRAME!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
