"""Option lists whose page keys are safe while the list has no size.

Textual's OptionList builds its line index lazily for its current size; with a zero-size
region (a tiny terminal, or just after a resize) PageUp and PageDown raise KeyError. Here
they do nothing until the list has lines. Found by tests/test_monkey.py.
"""

from __future__ import annotations

from typing import Generic, TypeVar, cast

from textual.widgets import OptionList, SelectionList

SelectionType = TypeVar("SelectionType")


class _SafePaging:
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


class SafeOptionList(_SafePaging, OptionList):
    pass


class SafeSelectionList(_SafePaging, SelectionList[SelectionType], Generic[SelectionType]):
    pass
