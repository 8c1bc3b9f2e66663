"""Overview: the frameworks in a list, the selected one's profile beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fwtui.render.framework import framework_sections
from fwtui.safetext import clean_name
from fwtui.screens.common import FwScreen, literal_name
from fwtui.screens.search import TextSearch
from fwtui.widgets.lists import FwOptionList, FwScroll
from fwtui.widgets.profile import FrameworkProfile


class OverviewScreen(TextSearch, FwScreen):
    """Every framework at a glance; `/` searches every profile."""

    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="overview.next_pane"),
        *TextSearch.SEARCH_BINDINGS,
    ]
    PRIMARY_FOCUS = "#framework-list"
    TEXT_PANE = "#framework-details"
    TEXT_WIDGET = "#framework-profile"

    def compose(self) -> ComposeResult:
        first = next(iter(self.catalog.frameworks.values()))
        self.sub_title = clean_name(first.name)
        yield from self.compose_frame()
        with Horizontal(id="overview"):
            yield FwOptionList(
                *(Option(literal_name(f.name), id=f.id) for f in self.catalog.frameworks.values()),
                id="framework-list",
            )
            with FwScroll(id="framework-details", can_focus=True):
                # Filled here rather than on mount: the first frame is then drawn complete.
                profile = framework_sections(self.catalog, first)
                yield FrameworkProfile(profile, id="framework-profile")
        yield from self.compose_search()
        yield from self.compose_footer()

    def on_mount(self) -> None:
        frameworks = self.query_one("#framework-list", OptionList)
        with frameworks.prevent(OptionList.OptionHighlighted):
            frameworks.highlighted = 0
        frameworks.focus()

    def show_framework(self, framework_id: str) -> None:
        framework = self.catalog.frameworks[framework_id]
        profile = self.query_one("#framework-profile", FrameworkProfile)
        profile.document = framework_sections(self.catalog, framework)
        self.query_one("#framework-details", VerticalScroll).scroll_home(animate=False)
        self.sub_title = clean_name(framework.name)

    def select_framework(self, framework_id: str) -> None:
        """Highlight a framework (used by the command palette)."""
        frameworks = self.query_one("#framework-list", OptionList)
        frameworks.highlighted = frameworks.get_option_index(framework_id)
        self.show_framework(framework_id)

    def search_texts(self) -> dict[str, Text]:
        profile = self.query_one("#framework-profile", FrameworkProfile)
        return {
            framework.id: profile.text_of(framework_sections(self.catalog, framework))
            for framework in self.catalog.frameworks.values()
        }

    def select_for_search(self, key: str) -> None:
        self.select_framework(key)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show_framework(event.option.id)
