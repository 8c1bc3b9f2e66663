"""Lists, tables and panes that move with vim keys as well as the arrows.

Each widget binds ``j k h l g G`` itself, to its own cursor or scroll actions, so a screen
needs no dispatch code. The binding ids (``move.down`` ...) are the same on every widget,
so one ``keys.yaml`` line remaps the key everywhere.

The data table is in :mod:`fwtui.widgets.table` and the selection lists are in
:mod:`fwtui.widgets.selection`, apart so that a screen without them does not import them.

The option lists also keep their page keys safe while they have no size: Textual's
OptionList builds its line index lazily for its current size, and with a zero-size region
(a tiny terminal, or just after a resize) PageUp and PageDown raised KeyError. Here they do
nothing until the list has lines (found by tests/tui/test_monkey.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.dom import DOMNode


MOVES = (
    ("j", "down", "Down"),
    ("k", "up", "Up"),
    ("h", "left", "Left"),
    ("l", "right", "Right"),
    ("g", "top", "Top"),
    ("G", "bottom", "Bottom"),
)


def vim_bindings(**actions: str) -> list[BindingType]:
    """Hidden vim-key bindings, one per direction, to the widget's action for it."""
    return [
        Binding(key, actions[direction], label, show=False, id=f"move.{direction}")
        for key, direction, label in MOVES
    ]


class SafePaging:
    """Mixed in before an OptionList class: page keys wait until the list has lines."""

    def _has_lines(self) -> bool:
        widget = cast(OptionList, self)
        if not widget.scrollable_content_region or not widget.option_count:
            return False
        return (widget.highlighted or 0) in widget._index_to_line

    def action_page_up(self) -> None:
        if self._has_lines():
            super().action_page_up()  # type: ignore[misc]

    def action_page_down(self) -> None:
        if self._has_lines():
            super().action_page_down()  # type: ignore[misc]


LIST_MOVES = {
    "down": "cursor_down",
    "up": "cursor_up",
    "left": "scroll_left",
    "right": "scroll_right",
    "top": "first",
    "bottom": "last",
}


class FwOptionList(SafePaging, OptionList):
    BINDINGS: ClassVar[list[BindingType]] = vim_bindings(**LIST_MOVES)


class Following:
    """Mixed in before an OptionList class: each newly highlighted option goes to
    ``follow`` at once.

    The pane beside the list (a profile, a guide entry, a choice's help) is then laid out
    and drawn in the same frame as the list; after the OptionHighlighted message it came a
    frame or two later (a cursor key settled at 45 to 75 ms instead of about 15).
    """

    def __init__(self, *options: Any, follow: Callable[[Option], None], **kwargs: Any) -> None:
        super().__init__(*options, **kwargs)
        self._follow = follow

    def watch_highlighted(self, highlighted: int | None) -> None:
        widget = cast(OptionList, self)
        super().watch_highlighted(highlighted)  # type: ignore[misc]
        if highlighted is not None and widget.is_mounted:
            option = widget.get_option_at_index(highlighted)
            if not option.disabled:
                self._follow(option)


class FollowingOptionList(Following, FwOptionList):
    """An option list whose screen follows its highlight in the same frame."""


class FwScroll(VerticalScroll):
    """A focusable pane of text that scrolls with the arrows and the vim keys."""

    BINDINGS: ClassVar[list[BindingType]] = vim_bindings(
        down="scroll_down",
        up="scroll_up",
        left="scroll_left",
        right="scroll_right",
        top="scroll_home",
        bottom="scroll_end",
    )


def vim_widgets() -> tuple[type[DOMNode], ...]:
    """Every widget class with vim bindings, for the keymap's list of binding ids. The
    table and the selection list are imported here, not at start: the first screen has
    neither, and their Textual modules take several milliseconds to import."""
    from fwtui.widgets.selection import FwSelectionList
    from fwtui.widgets.table import FwDataTable

    return (FwOptionList, FwSelectionList, FwDataTable, FwScroll)
