"""Print how long the wizard's last Enter holds up the interface on a large catalog: the
longest pause of the app's event loop between that Enter and the result on screen, next to
the time the result took. The target (issue 11) is a pause of at most 100 ms at 10,000
frameworks; the ranking itself runs in a thread worker while the screen says so.

Run: ``python bench/bench_wizard.py [--frameworks 10000]``. The catalog is the one
``bench_large.py`` makes (the bundled one plus copies); the app runs headless
(``App.run_test``), with a timer ticking every 5 ms on its event loop: a tick that comes
late is a pause a person would feel as keys not answering. Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_large import make_catalog

TICK = 0.005


async def last_enter(data: Path) -> tuple[float, float, int]:
    """(longest event-loop pause, seconds to the result, frameworks) of one last Enter."""
    from fwtui.app import FwtuiApp
    from fwtui.catalog.cache import load_catalog_cached
    from fwtui.catalog.dirs import extra_dirs
    from fwtui.screens.wizard import WizardScreen

    catalog = load_catalog_cached(extra_dirs([str(data)]))
    app = FwtuiApp(catalog, screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        while screen.step + 1 < len(screen.asked()):
            await pilot.press("enter")
        await pilot.pause()
        pauses: list[float] = []
        last = time.perf_counter()

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            pauses.append(now - last)
            last = now

        timer = app.set_interval(TICK, tick)
        started = time.perf_counter()
        await pilot.press("enter")
        while screen.result is None:
            await asyncio.sleep(TICK)
        shown = time.perf_counter() - started
        await pilot.pause()
        timer.stop()
        return max(pauses, default=0.0), shown, len(catalog.frameworks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frameworks", type=int, default=10_000)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fwtui-bench-wizard-"))
    try:
        data = work / "data"
        make_catalog(data, options.frameworks)
        os.environ["XDG_CACHE_HOME"] = str(work / "cache")
        os.environ["FWTUI_STATE_DIR"] = str(work / "state")
        from fwtui.catalog.cache import load_catalog_cached
        from fwtui.catalog.dirs import extra_dirs

        load_catalog_cached(extra_dirs([str(data)]))  # builds the cache: not what is timed
        pause, shown, count = asyncio.run(last_enter(data))
        print(f"{count} frameworks: the wizard's last Enter")
        print(f"  longest pause of the interface  {pause * 1000:8.0f} ms   (target 100 ms)")
        print(f"  result on screen after          {shown * 1000:8.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
