"""Selection lists that move with vim keys and show each item's state as a mark."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import BindingType
from textual.strip import Strip
from textual.widgets import SelectionList

from fwtui.widgets.lists import LIST_MOVES, Following, SafePaging, vim_bindings
from fwtui.widgets.marks import marked_line, tick_mark

SelectionType = TypeVar("SelectionType")


class FwSelectionList(SafePaging, SelectionList[SelectionType], Generic[SelectionType]):
    """A selection list whose ticked items show ``[x]`` and unticked ones ``[ ]``."""

    BINDINGS: ClassVar[list[BindingType]] = vim_bindings(**LIST_MOVES)

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if not 0 <= index < self.option_count:
            return line
        value = self.get_option_at_index(index).value
        return marked_line(line, tick_mark(value in self._selected))


class FollowingSelectionList(Following, FwSelectionList[SelectionType]):
    """A selection list whose screen follows its highlight in the same frame."""
