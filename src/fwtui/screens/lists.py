"""Option lists whose page keys are safe while the list has no size.

Textual's OptionList builds its line index lazily for its current size; with a zero-size
region (a tiny terminal, or just after a resize) PageUp and PageDown raise KeyError. Here
they do nothing until the list has lines. Found by tests/test_monkey.py.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.widgets import OptionList, SelectionList

SelectionType = TypeVar("SelectionType")


def _has_lines(widget: OptionList) -> bool:
    if not widget.scrollable_content_region or not widget.option_count:
        return False
    return (widget.highlighted or 0) in widget._index_to_line


class SafeOptionList(OptionList):
    def action_page_up(self) -> None:
        if _has_lines(self):
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        if _has_lines(self):
            super().action_page_down()  # type: ignore[no-untyped-call]


class SafeSelectionList(SelectionList[SelectionType], Generic[SelectionType]):
    def action_page_up(self) -> None:
        if _has_lines(self):
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        if _has_lines(self):
            super().action_page_down()  # type: ignore[no-untyped-call]
