"""Ticks and radio marks that say their state in a glyph, not only in a colour.

Textual draws a ticked and an unticked box as the same ``▐X▌`` (and every radio button as
``▐●▌``) in different colours: under ``NO_COLOR``, on a monochrome terminal or read aloud
they cannot be told apart. Here a ticked item shows ``[x]`` and an unticked one ``[ ]``,
the chosen radio button ``(•)`` and the others ``( )`` (``(*)`` in the accessible mode,
which uses ASCII only). The marks keep Textual's width of three cells. The radio widgets
that draw them are in :mod:`fwtui.widgets.radio`.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets._toggle_button import ToggleButton

TICKED = "[x]"
UNTICKED = "[ ]"
CHOSEN = "(•)"
CHOSEN_ASCII = "(*)"
NOT_CHOSEN = "( )"


def ascii_only(widget: Widget) -> bool:
    """True when the app runs in the accessible mode (``--accessible``): ASCII glyphs only."""
    return bool(getattr(widget.app, "accessible", False))


# The accessible mode's stand-ins for the punctuation of the TUI's own hints and notes.
ASCII_STAND_INS = {"↑↓": "Up/Down", " · ": " | ", "“": '"', "”": '"', "…": "...", "—": "-"}


def hint(widget: Widget, text: str) -> str:
    """A hint or note of the TUI's own, in ASCII in the accessible mode."""
    if ascii_only(widget):
        for glyph, stand_in in ASCII_STAND_INS.items():
            text = text.replace(glyph, stand_in)
    return text


def tick_mark(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


def radio_mark(chosen: bool, ascii_glyphs: bool = False) -> str:
    if not chosen:
        return NOT_CHOSEN
    return CHOSEN_ASCII if ascii_glyphs else CHOSEN


def marked_line(line: Strip, mark: str) -> Strip:
    """A SelectionList line whose first three cells (Textual's button) become ``mark``.

    The button's style is kept for the middle cell; the brackets take the text's style,
    so that they stay visible on every theme.
    """
    segments = list(line)
    button = ToggleButton.BUTTON_LEFT, ToggleButton.BUTTON_INNER, ToggleButton.BUTTON_RIGHT
    if len(segments) < 4 or tuple(segment.text for segment in segments[:3]) != button:
        return line
    text_style = segments[3].style
    return Strip(
        [
            Segment(mark[0], text_style),
            Segment(mark[1], segments[1].style),
            Segment(mark[2], text_style),
            *segments[3:],
        ]
    )
