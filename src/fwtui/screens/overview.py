"""Overview: the frameworks in a list, the selected one's profile beside it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from fwtui.render.sections import Document
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
        names, profile = self._first_view()
        self.sub_title = clean_name(names[0][1])
        self._shown = names[0][0]
        yield from self.compose_frame()
        with Horizontal(id="overview"):
            yield FollowingOptionList(
                *(Option(literal_name(name), id=framework_id) for framework_id, name in names),
                id="framework-list",
                follow=self._follow,
            )
            with FwScroll(id="framework-details", can_focus=True):
                # Filled here rather than on mount: the first frame is then drawn complete.
                yield FrameworkProfile(profile, id="framework-profile")
        yield from self.compose_search()
        yield from self.compose_footer()

    def _first_view(self) -> tuple[Sequence[tuple[str, str]], Document]:
        """Every framework's (id, name) and the first one's profile: from the catalog, or
        from the app's preview while the catalog is being built (fwtui.render.preview)."""
        app = self.fw_app()
        preview = app.preview
        if not app.has_catalog and preview is not None:
            return preview.frameworks, preview.first
        from fwtui.render.framework import framework_sections

        frameworks = self.catalog.frameworks.values()
        first = next(iter(frameworks))
        return [(f.id, f.name) for f in frameworks], framework_sections(self.catalog, first)

    def on_mount(self) -> None:
        self._select_first()

    def _select_first(self) -> None:
        frameworks = self.query_one("#framework-list", OptionList)
        frameworks.highlighted = 0  # its profile is shown already
        frameworks.focus()

    def _follow(self, option: Option) -> None:
        if option.id is not None and option.id != self._shown:
            self.show_framework(option.id)

    async def redraw_from_catalog(self) -> None:
        """The catalog differs from the preview this was drawn from: draw it anew."""
        await self.recompose()
        self._select_first()

    def show_framework(self, framework_id: str) -> None:
        from fwtui.render.framework import framework_sections  # the models: not at start

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
        from fwtui.render.framework import framework_sections  # the models: not at start

        profile = self.query_one("#framework-profile", FrameworkProfile)
        return {
            framework.id: profile.text_of(framework_sections(self.catalog, framework))
            for framework in self.catalog.frameworks.values()
        }

    def select_for_search(self, key: str) -> None:
        self.select_framework(key)
