"""Guide: choosing advice and the FAQ, a list of entries and the selected one's text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fwtui.modes import FAQ, TOPIC
from fwtui.screens.common import (
    FwScreen,
    literal,
    literal_line,
)
from fwtui.screens.search import TextSearch
from fwtui.widgets.lists import FollowingOptionList, FwScroll


class GuideScreen(TextSearch, FwScreen):
    """Topics first, then the FAQ; `/` searches every entry."""

    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="guide.next_pane"),
        *TextSearch.SEARCH_BINDINGS,
    ]
    PRIMARY_FOCUS = "#guide-list"
    TEXT_PANE = "#guide-details"
    TEXT_WIDGET = "#guide-text"
    _shown: str | None = None
    """The key of the entry whose text is shown."""

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        options: list[Option | None] = [Option(Text("Choosing", style="bold"), disabled=True)]
        options += [
            Option(literal_line(t.title), id=TOPIC + t.id) for t in self.catalog.topics.values()
        ]
        options.append(None)
        options.append(Option(Text("Questions", style="bold"), disabled=True))
        options += [
            Option(literal_line(f.question), id=FAQ + f.id) for f in self.catalog.faq.values()
        ]
        first = next((o.id for o in options if o is not None and o.id is not None), None)
        with Horizontal(id="guide"):
            yield FollowingOptionList(*options, id="guide-list", follow=self._follow)
            with FwScroll(id="guide-details", can_focus=True):
                # Filled here rather than on mount: the first frame is then drawn complete.
                yield Static(self.entry_text(first) if first else "", id="guide-text")
        self._shown = first
        yield from self.compose_search()
        yield from self.compose_footer()

    def on_mount(self) -> None:
        entries = self.query_one("#guide-list", OptionList)
        entries.focus()
        first = next(
            (i for i in range(entries.option_count) if not entries.get_option_at_index(i).disabled),
            None,
        )
        if first is not None:
            entries.highlighted = first  # its text is shown already

    def _follow(self, option: Option) -> None:
        if option.id is not None and option.id != self._shown:
            self.show_entry(option.id)

    def show_entry(self, key: str) -> None:
        self._shown = key
        self.query_one("#guide-text", Static).update(self.entry_text(key))
        self.query_one("#guide-details", VerticalScroll).scroll_home(animate=False)

    def search_texts(self) -> dict[str, Text]:
        keys = [TOPIC + t for t in self.catalog.topics] + [FAQ + f for f in self.catalog.faq]
        return {key: self.entry_text(key) for key in keys}

    def select_for_search(self, key: str) -> None:
        self.select_entry(key)

    def entry_text(self, key: str) -> Text:
        text = Text()
        if key.startswith(TOPIC):
            topic = self.catalog.topics[key.removeprefix(TOPIC)]
            text.append(literal_line(topic.title, "bold"))
            text.append("\n\n")
            text.append(literal(topic.body))
            sources = [str(url) for url in topic.sources]
            names = [self.catalog.frameworks[f].name for f in topic.frameworks]
        else:
            entry = self.catalog.faq[key.removeprefix(FAQ)]
            text.append(literal_line(entry.question, "bold"))
            text.append("\n\n")
            text.append(literal(entry.answer))
            sources = [str(url) for url in entry.sources]
            names = [self.catalog.frameworks[f].name for f in entry.frameworks]
            text.append(f"\n\nReviewed {entry.last_reviewed.isoformat()}", style="dim")
        if names:
            text.append("\n\nFrameworks: ", style="bold")
            text.append(literal_line(", ".join(names)))
        for url in sources:
            text.append("\n")
            text.append(literal_line(f"Source: {url}", "dim"))
        return text

    def select_entry(self, key: str) -> None:
        """Highlight an entry (used by the command palette)."""
        entries = self.query_one("#guide-list", OptionList)
        entries.highlighted = entries.get_option_index(key)
        self.show_entry(key)  # again: a search may have scrolled the same entry away
