"""Overview: the frameworks in a list, the selected one's profile beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fwtui.catalog.models import Framework
from fwtui.render.framework import KIND_LABELS
from fwtui.safetext import clean_name
from fwtui.screens.common import (
    FwScreen,
    heading,
    literal,
    literal_line,
    literal_name,
)
from fwtui.widgets.lists import FwOptionList, FwScroll


def profile(framework: Framework) -> Text:
    """The framework's profile as literal text with bold headings."""
    text = Text()

    def section(title: str, items: list[str]) -> None:
        if items:
            text.append("\n")
            text.append(heading(title))
            for item in items:
                text.append("\n  • ")
                text.append(literal(item))
            text.append("\n")

    text.append(literal_name(framework.name, "bold"))
    text.append("\n")
    text.append(literal_line(framework.tagline, "italic"))
    text.append("\n\n")
    facts = [
        ("Kind", KIND_LABELS[framework.kind.value]),
        ("Interface", ", ".join(i.value for i in framework.interface)),
        ("License", framework.license),
        ("First release", str(framework.first_release)),
        ("Latest", f"{framework.latest.version} ({framework.latest.date.isoformat()})"),
        ("Python", framework.python),
    ]
    for label, value in facts:
        text.append(f"{label + ':':<15}", style="bold")
        text.append(literal(value))
        text.append("\n")
    text.append("\n")
    text.append(heading("Summary"))
    text.append("\n")
    text.append(literal(framework.summary))
    text.append("\n\n")
    text.append(heading("Philosophy"))
    text.append("\n")
    text.append(literal(framework.philosophy))
    text.append("\n")
    section("Built on", [f"{c.name}: {c.role}" for c in framework.toolkit])
    section("Key features", list(framework.key_features))
    section("Ecosystem", [f"{e.name}: {e.note}" for e in framework.ecosystem])
    section("Use cases", list(framework.use_cases))
    section("When to choose it", list(framework.when_to_choose))
    section("Example applications", list(framework.example_apps))
    links = [f"Homepage: {framework.links.homepage}", f"Docs: {framework.links.docs}"]
    links.append(f"Repository: {framework.links.repo}")
    if framework.links.changelog:
        links.append(f"Changelog: {framework.links.changelog}")
    section("Links", links)
    text.append(f"\nLast reviewed {framework.last_reviewed.isoformat()}", style="dim")
    return text


class OverviewScreen(FwScreen):
    """Every framework at a glance."""

    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="overview.next_pane"),
    ]
    PRIMARY_FOCUS = "#framework-list"

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
                yield Static(profile(first), id="framework-profile")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        frameworks = self.query_one("#framework-list", OptionList)
        with frameworks.prevent(OptionList.OptionHighlighted):
            frameworks.highlighted = 0
        frameworks.focus()

    def show_framework(self, framework_id: str) -> None:
        framework = self.catalog.frameworks[framework_id]
        self.query_one("#framework-profile", Static).update(profile(framework))
        self.query_one("#framework-details", VerticalScroll).scroll_home(animate=False)
        self.sub_title = clean_name(framework.name)

    def select_framework(self, framework_id: str) -> None:
        """Highlight a framework (used by the command palette)."""
        frameworks = self.query_one("#framework-list", OptionList)
        frameworks.highlighted = frameworks.get_option_index(framework_id)
        self.show_framework(framework_id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show_framework(event.option.id)
