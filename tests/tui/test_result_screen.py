"""The wizard's result and steps through the Pilot: Enter on the ranking opens the
framework's overview, `c` sends the top three to the matrix and pros & cons, `r` asks
before discarding the answers, and the step count never grows as the user goes on."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from fwtui.advisor.steps import step_count
from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.modes import MODES
from fwtui.screens.confirm import ConfirmScreen
from fwtui.screens.matrix import MatrixScreen
from fwtui.screens.overview import OverviewScreen
from fwtui.screens.proscons import ProsConsScreen
from fwtui.screens.wizard import WizardScreen


async def finish(pilot: Any, screen: WizardScreen) -> None:
    while screen.result is None:
        await pilot.press("enter")


async def test_the_header_names_the_screen() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        for mode in MODES:
            await pilot.press(mode.key)
            assert app.screen.title == f"fwtui · {mode.title}"
            assert mode.title in str(app.format_title(app.screen.title, ""))


async def test_enter_on_the_ranking_opens_that_frameworks_overview() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await finish(pilot, screen)
        assert screen.result is not None
        second = screen.result.ranking[1].framework
        ranking = screen.query_one("#wizard-ranking", OptionList)
        assert screen.focused is ranking
        await pilot.press("down", "enter")
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        assert overview.sub_title == second.name
        highlighted = overview.query_one("#framework-list", OptionList).highlighted
        assert highlighted == list(app.catalog.frameworks).index(second.id)


async def test_c_sends_the_top_three_to_the_matrix_and_pros_and_cons() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await finish(pilot, screen)
        assert screen.result is not None
        top = [ranked.framework.id for ranked in screen.result.ranking[:3]]
        assert top != list(app.catalog.frameworks)[:3]  # a test that can fail
        await pilot.press("c")
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        await pilot.pause()
        assert list(matrix.selected) == top
        await pilot.press("3")
        proscons = app.screen
        assert isinstance(proscons, ProsConsScreen)
        await pilot.pause()
        assert proscons.shown == top


async def test_restart_asks_before_discarding_the_answers() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await pilot.press("end", "enter")  # the first answer: the last choice
        assert screen.step == 1
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen
        assert screen.step == 1
        assert screen.given
        await pilot.press("r")
        await pilot.press("y")
        assert screen.step == 0
        assert screen.given == {}


async def test_the_step_count_never_grows() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        await pilot.press("home")  # an API: the conditional real-time question is asked
        totals = []
        while screen.result is None:
            count = step_count(app.catalog, screen.given, screen.step)
            assert str(count) in str(screen.query_one("#wizard-step").render())
            totals.append(count.at_most)
            await pilot.press("enter")
        assert totals == sorted(totals, reverse=True)
        assert len(totals) == totals[-1]  # the last step says how many there were


def test_a_question_that_may_still_come_is_counted_as_up_to() -> None:
    catalog = bundled_catalog()
    conditional = [q for q in catalog.questions.values() if q.when is not None]
    assert conditional, "the bundled wizard has a conditional question"
    first = step_count(catalog, {}, 0)
    assert first.at_most > first.asked
    assert str(first) == f"Step 1 of up to {first.at_most}"
    # Past the question that opens the conditional ones, the count is exact.
    past = list(catalog.questions).index("existing_code") + 1
    website = step_count(catalog, {"project_kind": ("website",)}, past)
    assert website.at_most == website.asked
    assert str(website) == f"Step {past + 1} of {website.asked}"
