"""Screen snapshots (pytest-textual-snapshot) of every screen at 80x24 and 120x40, and with
the ANSI theme that uses only the terminal's 16 colours. After a deliberate change of the
screens or the data, run ``pytest tests/tui/test_snapshots.py --snapshot-update`` and review the
report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog

SCREENS = {
    "overview": [],
    "matrix": ["j", "l"],
    "proscons": [],
    "guide": ["j"],
    "wizard": [],
    "team": [],
}
SIZES = [(80, 24), (120, 40)]


def app_for(mode: str) -> FwtuiApp:
    return FwtuiApp(bundled_catalog(), screen=mode)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", sorted(SCREENS))
def test_screen(snap_compare: Callable[..., bool], mode: str, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(mode), press=SCREENS[mode], terminal_size=size)


def _ansi_theme(pilot: Pilot[Any]) -> None:
    pilot.app.theme = "ansi-dark"


@pytest.mark.parametrize("mode", sorted(SCREENS))
def test_screen_in_16_colours(snap_compare: Callable[..., bool], mode: str) -> None:
    assert snap_compare(app_for(mode), press=SCREENS[mode], run_before=_ansi_theme)


def test_help_screen(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app_for("matrix"), press=["question_mark"])


def test_too_small(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app_for("overview"), terminal_size=(50, 12))


async def _finish_wizard(pilot: Pilot[Any]) -> None:
    screen = pilot.app.screen
    for _ in range(30):
        if getattr(screen, "result", None) is not None:
            break
        await pilot.press("enter")
    assert getattr(screen, "result", None) is not None, "the wizard did not finish"


async def _to_multi_select(pilot: Pilot[Any]) -> None:
    await pilot.press("enter", "enter", "enter")  # the fourth question ticks several


# Under NO_COLOR every state must still read: [x] / [ ] ticks, (•) / ( ) for the kind.
NO_COLOUR_VIEWS: dict[str, tuple[str, Any, list[str]]] = {
    "wizard-ticks": ("wizard", _to_multi_select, ["space", "down"]),
    "matrix-columns": ("matrix", None, ["c", "space", "down"]),
    "export-kinds": ("wizard", _finish_wizard, ["e", "down"]),
}


@pytest.mark.parametrize("view", sorted(NO_COLOUR_VIEWS))
def test_states_without_colour(
    snap_compare: Callable[..., bool], monkeypatch: pytest.MonkeyPatch, view: str
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    mode, before, keys = NO_COLOUR_VIEWS[view]
    assert snap_compare(app_for(mode), run_before=before, press=keys, terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_wizard_result_and_export_dialog(
    snap_compare: Callable[..., bool], size: tuple[int, int]
) -> None:
    """The result (ranking list above the explanation) and, over it, the export dialog."""
    assert snap_compare(
        app_for("wizard"), run_before=_finish_wizard, press=["e", "down"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_wizard_result_at(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    assert snap_compare(app_for("wizard"), run_before=_finish_wizard, terminal_size=size)
