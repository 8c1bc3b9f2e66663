"""Helpers shared by the screens: literal text from data, vim-style movement, size guard."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.events import Resize, ScreenResume
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static

from fwtui.modes import MODES
from fwtui.safetext import clean, clean_line, clean_name
from fwtui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from fwtui.app import FwtuiApp
    from fwtui.catalog.store import Catalog

ASCII_ICON = "*"
"""The header's icon in the accessible mode (Textual's is a circle)."""
MIN_WIDTH = 60
MIN_HEIGHT = 15


def literal(text: str, style: str = "") -> Text:
    """Text from data, shown exactly as typed: no markup, control characters made visible."""
    return Text(clean(text), style=style)


def literal_line(text: str, style: str = "") -> Text:
    """A one-line field from data or the user: also newlines and tabs made visible."""
    return Text(clean_line(text), style=style)


def literal_name(text: str, style: str = "") -> Text:
    """A name or id from data: one line, zero-width characters made visible too."""
    return Text(clean_name(text), style=style)


def heading(text: str) -> Text:
    return Text(clean(text), style="bold")


class FwScreen(Screen[None]):
    """Base of the mode screens: header, footer and a notice when the terminal is too small."""

    PRIMARY_FOCUS: str | None = None
    """Selector of the widget that takes the focus when nothing else had it."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Textual focuses AUTO_FOCUS as the screen is composed, before the first layout;
        # by default the first focusable widget, which can be a hidden filter box. Moving
        # the focus later restyles both widgets and redraws them (the matrix table: every
        # cell, about 20 ms).
        if cls.PRIMARY_FOCUS is not None:
            cls.AUTO_FOCUS = cls.PRIMARY_FOCUS

    _focus_before_too_small: Widget | None = None

    def __init__(self) -> None:
        super().__init__()
        self.fw_app().adopt_current_css(self)

    # The header shows these: whatever a screen sets (a framework's name) is one clean line.
    def validate_title(self, title: object) -> str | None:
        return None if title is None else clean_line(str(title))

    def validate_sub_title(self, sub_title: object) -> str | None:
        return None if sub_title is None else clean_line(str(sub_title))

    def fw_app(self) -> FwtuiApp:
        return cast("FwtuiApp", self.app)

    @property
    def catalog(self) -> Catalog:
        return self.fw_app().catalog

    def compose_frame(self) -> ComposeResult:
        # The header names the screen: "fwtui · Matrix — Feature matrix" (a screen may set
        # its own sub-title, as the overview does with the framework shown).
        mode = next((m for m in MODES if m.screen == type(self).__name__), None)
        if mode is not None:
            self.title = f"fwtui · {mode.title}"
            if not self.sub_title:
                self.sub_title = mode.tooltip
        yield Header(icon=ASCII_ICON) if self.fw_app().accessible else Header()
        yield Static("", id="too-small")

    def compose_footer(self) -> ComposeResult:
        yield KeyFooter()

    @on(ScreenResume)
    def _resumed(self, event: ScreenResume) -> None:
        """Shown: its widgets keep their styles, as when a dialog over it closes.

        Textual restyles every widget of a screen it switches to, though they were styled
        as they were mounted and their classes are kept up to date; that also empties the
        matrix table's render caches, so it redraws every cell. A theme or CSS change made
        meanwhile is still applied: Textual refreshes the CSS of a screen that missed one
        before it is shown.
        """
        event.refresh_styles = False
        self.fw_app().screen_shown()

    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def on_mount(self) -> None:
        self._check_size(self.app.size.width, self.app.size.height)

    def _check_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        was_too_small = self.has_class("-too-small")
        self.set_class(too_small, "-too-small")
        # Hidden widgets must not keep the focus: their keys would act on a zero-size layout.
        if too_small and self.focused is not None:
            self._focus_before_too_small = self.focused
            self.set_focus(None)
        elif was_too_small and not too_small:
            self.call_after_refresh(self._restore_focus)
        if too_small:
            notice = self.query_one("#too-small", Static)
            notice.update(
                Text(
                    f"The terminal is {width}x{height}; fwtui needs at least "
                    f"{MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press q to quit."
                )
            )

    def on_descendant_focus(self) -> None:
        if self.has_class("-too-small"):  # focused while hidden, e.g. by on_mount
            self._focus_before_too_small = self.focused
            self.set_focus(None)

    def _restore_focus(self) -> None:
        target = self._focus_before_too_small
        self._focus_before_too_small = None
        if target is None or not target.is_attached or not target.display:
            target = self.query_one(self.PRIMARY_FOCUS) if self.PRIMARY_FOCUS else None
        if target is not None:
            self.set_focus(target)
        else:
            self.focus_next()
