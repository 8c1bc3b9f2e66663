"""`/` in the overview and the guide: the search jumps from match to match, selecting the
entry that holds it and scrolling its text there; Escape closes the search."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, Static

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.modes import FAQ
from fwtui.screens.guide import GuideScreen
from fwtui.screens.overview import OverviewScreen
from fwtui.screens.search import MATCH_STYLE, find_matches


async def test_search_in_the_overview_jumps_to_each_match() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("slash")
        box = screen.query_one("#search-box", Input)
        assert screen.focused is box
        await pilot.press(*"werkzeug", "enter")
        await pilot.pause()
        width = screen.query_one("#framework-details").scrollable_content_region.width
        matches = find_matches(screen.search_texts(), "werkzeug", width)
        assert matches, "some profile mentions Werkzeug"
        frameworks = screen.query_one("#framework-list", OptionList)
        ids = list(catalog.frameworks)
        assert ids[frameworks.highlighted or 0] == matches[0].key
        pane = screen.query_one("#framework-details", VerticalScroll)
        assert pane.scroll_y == min(max(0, matches[0].line - 2), pane.max_scroll_y)
        profile = screen.query_one("#framework-profile", Static).content
        assert any(MATCH_STYLE in str(span.style) for span in getattr(profile, "spans", [])), (
            "the match is highlighted"
        )
        status = str(screen.query_one("#search-status", Static).render())
        assert f"match 1 of {len(matches)}" in status
        await pilot.press("enter")
        assert f"match 2 of {len(matches)}" in str(screen.query_one("#search-status").render())
        deep = next(i for i in range(2, len(matches)) if matches[i].line > 20)
        await pilot.press(*["enter"] * (deep - 1))
        await pilot.pause()
        assert ids[frameworks.highlighted or 0] == matches[deep].key
        assert pane.scroll_y == min(matches[deep].line - 2, pane.max_scroll_y) > 0
        await pilot.press("escape")
        assert not box.display
        assert screen.focused is pane


async def test_search_in_the_guide_selects_the_entry_that_holds_the_text() -> None:
    catalog = bundled_catalog()
    entry = list(catalog.faq.values())[-1]
    word = max(entry.answer.split(), key=len).strip(".,;:()")
    app = FwtuiApp(catalog, screen="guide")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, GuideScreen)
        await pilot.press("slash", *word, "enter")
        width = screen.query_one("#guide-details").scrollable_content_region.width
        matches = find_matches(screen.search_texts(), word, width)
        entries = screen.query_one("#guide-list", OptionList)
        shown = entries.get_option_at_index(entries.highlighted or 0).id
        assert shown == matches[0].key
        keys = [match.key for match in matches]
        for _ in range(keys.index(FAQ + entry.id)):
            await pilot.press("enter")
        shown = entries.get_option_at_index(entries.highlighted or 0).id
        assert shown == FAQ + entry.id


async def test_a_search_without_a_match_says_so() -> None:
    app = FwtuiApp(bundled_catalog(), screen="guide")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"zzqx", "enter")
        assert "No match" in str(app.screen.query_one("#search-status").render())
