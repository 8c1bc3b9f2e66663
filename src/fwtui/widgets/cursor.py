"""Where the terminal cursor goes in the accessible mode: on the selected item.

Textual draws the whole screen and leaves the terminal's cursor where ``App.cursor_position``
says (only its text inputs move it), so a screen reader that follows the cursor (Speakup,
Orca's review, NVDA over SSH) reads the first line whatever is selected (textual#2425).
:func:`cursor_offset` finds the screen cell of the focused widget's selected item: the
highlighted line of a list, the cursor cell of a table, the chosen radio button.
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList


def cursor_offset(widget: Widget | None) -> Offset | None:
    """The screen offset of ``widget``'s selected item; None leaves the cursor alone."""
    # Imported here: the first screen has neither, and their modules are slow to import.
    from textual.widgets import DataTable, RadioSet

    if widget is None or isinstance(widget, Input):  # an input places the cursor itself
        return None
    content = widget.content_region
    if isinstance(widget, OptionList):
        index = widget.highlighted
        line = widget._index_to_line.get(index, 0) if index is not None else 0
        return Offset(content.x, content.y + line - int(widget.scroll_offset.y))
    if isinstance(widget, DataTable):
        cell = widget._get_cell_region(widget.cursor_coordinate)
        fixed = sum(
            column.get_render_width(widget)
            for column in widget.ordered_columns[: widget.fixed_columns]
        )
        x = cell.x if cell.x < fixed else cell.x - int(widget.scroll_offset.x)
        y = cell.y if cell.y < widget.header_height else cell.y - int(widget.scroll_offset.y)
        return Offset(content.x + x, content.y + y)
    if isinstance(widget, RadioSet):
        selected = widget._selected
        if selected is not None and selected < len(widget.children):
            region = widget.children[selected].region
            return Offset(region.x, region.y)
    return Offset(content.x, content.y)
