"""Radio buttons that show which one is chosen by a mark, and a set whose arrows choose."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import RadioButton, RadioSet

from fwtui.widgets.marks import ascii_only, radio_mark


class MarkedRadioButton(RadioButton):
    """A radio button drawn ``(•) label`` when chosen and ``( ) label`` otherwise."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        mark = radio_mark(self.value, ascii_only(self))
        return Content.assemble(mark[0], (mark[1], style), mark[2])


class FollowingRadioSet(RadioSet):
    """A radio set whose highlighted button is the chosen one: the arrows choose.

    Textual's RadioSet moves a highlight with the arrows and chooses only on Enter or
    Space, so what looks chosen and what is chosen could differ. Here moving is choosing,
    and Enter is left to the screen (the export dialog writes on Enter).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "next_button", "Down", show=False, id="move.down"),
        Binding("k", "previous_button", "Up", show=False, id="move.up"),
    ]

    _following = False

    def on_mount(self) -> None:
        # RadioSet's own mount handler (it may run after this one) highlights the first
        # button and notes the chosen one; then the highlight starts on the chosen one.
        self.call_next(self._follow)

    def _follow(self) -> None:
        self._selected = max(self.pressed_index, 0)
        self._following = True

    def watch__selected(self) -> None:
        super().watch__selected()
        if not self._following or self._selected is None:
            return
        button = self._nodes[self._selected]
        if isinstance(button, RadioButton) and not button.value:
            button.value = True  # RadioSet turns the others off and posts Changed
