"""A monkey test: 2,400 random keys and 50 resizes over every screen, with a fixed seed.

The app must never raise and never freeze. Quitting keys are left out so the run goes on;
the export and save dialogs may fire, so the test works in its own directory.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog

pytestmark = pytest.mark.slow

SEED = 20261125
PRESSES_PER_START = 400  # 2,400 keys over the six start screens
KEYS = [
    *"123456",
    *"hjklgGbrswecdfaxno/?",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "space",
    "backspace",
    "f1",
    "ctrl+p",
    "question_mark",
    "slash",
]
SIZES = [(20, 6), (40, 10), (59, 14), (60, 15), (80, 24), (120, 40), (250, 70)]


@pytest.mark.parametrize("start", ["overview", "matrix", "proscons", "guide", "wizard", "team"])
async def test_random_keys_and_resizes_never_crash_or_freeze(
    start: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rng = random.Random(f"{SEED}-{start}")
    app = FwtuiApp(bundled_catalog(), screen=start)
    app.animation_level = "none"  # scrolling animations would only make the run slower
    screens_seen: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        for step in range(PRESSES_PER_START):
            if step % 40 == 0:
                width, height = rng.choice(SIZES)
                if rng.random() < 0.5:  # and sizes between the fixed ones
                    width, height = rng.randint(20, 250), rng.randint(6, 70)
                await asyncio.wait_for(pilot.resize_terminal(width, height), timeout=10)
            key = rng.choice(KEYS)
            await asyncio.wait_for(pilot.press(key), timeout=10)
            screens_seen.add(type(app.screen).__name__)
            assert app.is_running, f"the app stopped after {step} keys (last: {key})"
        await asyncio.wait_for(pilot.pause(), timeout=10)
    assert app.return_code in (None, 0)
    assert len(screens_seen) >= 3, screens_seen
