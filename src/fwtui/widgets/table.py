"""The data table that moves with vim keys as well as the arrows."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import DataTable

from fwtui.widgets.lists import vim_bindings


class FwDataTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = vim_bindings(
        down="cursor_down",
        up="cursor_up",
        left="cursor_left",
        right="cursor_right",
        top="scroll_top",
        bottom="scroll_bottom",
    )
