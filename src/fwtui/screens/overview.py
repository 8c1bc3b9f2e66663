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
from fwtui.widgets.lists import FollowingOptionList, FwScroll
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
    _shown: str | None = None
    """The id of the framework whose profile is shown."""

    def compose(self) -> ComposeResult:
        first = next(iter(self.catalog.frameworks.values()))
        self.sub_title = clean_name(first.name)
        self._shown = first.id
        yield from self.compose_frame()
        with Horizontal(id="overview"):
            yield FollowingOptionList(
                *(Option(literal_name(f.name), id=f.id) for f in self.catalog.frameworks.values()),
                id="framework-list",
                follow=self._follow,
            )
            with FwScroll(id="framework-details", can_focus=True):
                # Filled here rather than on mount: the first frame is then drawn complete.
                profile = framework_sections(self.catalog, first)
                yield FrameworkProfile(profile, id="framework-profile")
        yield from self.compose_search()
        yield from self.compose_footer()

    def on_mount(self) -> None:
        frameworks = self.query_one("#framework-list", OptionList)
        frameworks.highlighted = 0  # its profile is shown already
        frameworks.focus()

    def _follow(self, option: Option) -> None:
        if option.id is not None and option.id != self._shown:
            self.show_framework(option.id)

    def show_framework(self, framework_id: str) -> None:
        self._shown = framework_id
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
