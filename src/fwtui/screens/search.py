"""Search in a screen's text (`/`): the overview's profiles, the guide's entries.

A screen that mixes in :class:`TextSearch` names its entries and their texts; `/` opens
a search box, Enter jumps to the next match (selecting the entry that holds it,
highlighting every match and scrolling the text to it), Escape closes the box. Matches
are found case-insensitively in the text as shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from fwtui.safetext import clean_line
from fwtui.widgets.marks import hint

MATCH_STYLE = "reverse"
"""Matches are shown reversed: visible without colour too."""


@dataclass(frozen=True)
class Match:
    key: str
    """The entry (framework id, guide entry key) that holds the match."""
    line: int
    """The line of the entry's text, wrapped to the pane's width, where it is."""


def wrapped_lines(text: Text, width: int) -> list[str]:
    """``text`` as shown in a pane ``width`` columns wide, one string per line."""
    from rich.console import Console

    console = Console(width=max(width, 10), no_color=True, highlight=False)
    return [line.plain for line in text.wrap(console, max(width, 10))]


def find_matches(texts: dict[str, Text], needle: str, width: int) -> list[Match]:
    """Every line, in entry order, that holds ``needle`` (case-folded)."""
    wanted = needle.casefold()
    return [
        Match(key, number)
        for key, text in texts.items()
        for number, line in enumerate(wrapped_lines(text, width))
        if wanted in line.casefold()
    ]


def highlighted(text: Text, needle: str) -> Text:
    shown = text.copy()
    shown.highlight_regex(re.compile(re.escape(needle), re.IGNORECASE), MATCH_STYLE)
    return shown


class TextSearch(Screen[None]):
    """Mixed into a screen: searching its entries' texts. Subclasses define the hooks."""

    SEARCH_BINDINGS = [
        Binding("slash", "search", "Search", id="search.open", tooltip="Search the text"),
        Binding("escape", "close_search", "Close search", show=False, id="search.close"),
    ]
    TEXT_PANE = ""
    """Selector of the scrolling pane that shows the entry's text."""
    TEXT_WIDGET = ""
    """Selector of the Static in it."""

    _matches: list[Match]
    _position = -1
    _needle = ""

    def search_texts(self) -> dict[str, Text]:
        """Each entry's key and text, in the order of the list."""
        raise NotImplementedError

    def select_for_search(self, key: str) -> None:
        """Show the entry ``key`` (its text in the pane)."""
        raise NotImplementedError

    def compose_search(self) -> ComposeResult:
        yield Static(id="search-status", classes="search")
        yield Input(
            placeholder="Search (Enter: next match, Escape: close)",
            id="search-box",
            classes="search",
        )

    def action_search(self) -> None:
        for widget in self.query(".search"):
            widget.add_class("-open")
        self.query_one("#search-box", Input).focus()

    def action_close_search(self) -> None:
        for widget in self.query(".search"):
            widget.remove_class("-open")
        self._needle, self._position, self._matches = "", -1, []
        self.query_one(self.TEXT_PANE).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search-box":
            return
        needle = clean_line(event.value).strip()
        status = self.query_one("#search-status", Static)
        if not needle:
            status.update(Text("Type a word to search for."))
            return
        width = self.query_one(self.TEXT_PANE).scrollable_content_region.width
        if needle != self._needle:
            self._needle = needle
            self._matches = find_matches(self.search_texts(), needle, width)
            self._position = -1
        if not self._matches:
            status.update(Text(hint(self, f"No match for “{needle}”.")))
            return
        self._position = (self._position + 1) % len(self._matches)
        self.jump(self._matches[self._position])
        status.update(
            Text(
                hint(
                    self,
                    f"“{needle}”: match {self._position + 1} of {len(self._matches)} (Enter: next)",
                )
            )
        )

    def jump(self, match: Match) -> None:
        self.select_for_search(match.key)
        widget = self.query_one(self.TEXT_WIDGET, Static)
        content = widget.content
        if isinstance(content, Text):
            widget.update(highlighted(content, self._needle))
        pane = self.query_one(self.TEXT_PANE, VerticalScroll)
        # After the new text is laid out: before, the pane cannot scroll that far yet.
        self.call_after_refresh(pane.scroll_to, y=max(0, match.line - 2), animate=False)
