"""The wizard's last Enter on a large catalog: the ranking runs in a thread worker while
the screen says so, and going back meanwhile drops it. The bundled catalog stands in for a
large one by lowering the threshold, so the worker path runs in milliseconds."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from textual.widgets import ContentSwitcher, Static

from fwtui.advisor.scoring import Recommendation, recommend
from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.persist import load_last_answers
from fwtui.screens import wizard
from fwtui.screens.wizard import WizardScreen


def step_text(screen: WizardScreen) -> str:
    return str(screen.query_one("#wizard-step", Static).content)


async def last_question(pilot: object, screen: WizardScreen) -> None:
    while screen.step + 1 < len(screen.asked()):
        await pilot.press("enter")  # type: ignore[attr-defined]


@pytest.fixture
def background_ranking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WizardScreen, "RANK_IN_BACKGROUND_FROM", 1)


@pytest.mark.usefixtures("background_ranking")
async def test_a_large_catalog_is_ranked_in_a_worker_then_shown() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await last_question(pilot, screen)
        await pilot.press("enter")
        assert screen.ranking is not None
        assert f"Ranking {len(catalog.frameworks)} frameworks" in step_text(screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.result is not None
        assert screen.result == recommend(catalog, screen.result.answers)
        # Remembered by the worker too (its digests of every framework are slow to make).
        assert load_last_answers(catalog, []) == screen.result.answers


@pytest.mark.usefixtures("background_ranking")
async def test_the_worker_ranks_with_the_cyclic_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collector_on: list[bool] = []
    real_recommend = wizard.recommend

    def recommend_noting_the_collector(*args: Any) -> Recommendation:
        collector_on.append(gc.isenabled())
        return real_recommend(*args)

    monkeypatch.setattr(wizard, "recommend", recommend_noting_the_collector)
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await last_question(pilot, screen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.result is not None
    assert collector_on == [False]  # its full collections would stop the interface too
    assert gc.isenabled()


@pytest.mark.usefixtures("background_ranking")
async def test_going_back_while_ranking_drops_the_result() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await last_question(pilot, screen)
        await pilot.press("enter", "b")  # back, whether or not the ranking is done yet
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.result is None
        assert screen.ranking is None
        assert screen.query_one("#wizard", ContentSwitcher).current == "wizard-question"


async def test_the_bundled_catalog_is_ranked_at_once() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await last_question(pilot, screen)
        await pilot.press("enter")
        assert screen.result is not None
        assert screen.ranking is None
