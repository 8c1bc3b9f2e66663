"""Switching modes without Textual's fixed pause: each switch is drawn once, when ready.

Textual's ``switch_mode`` holds every repaint for 50 ms (``delay_update``) so that a screen
being built is not drawn half done. A screen shown before needs no such pause, and a new
one often takes longer than 50 ms to settle (its scroll bars appear and the text next to
them wraps again), so its first frames showed it unfinished. Here a revisited screen is
drawn at once, and a new one once: when it is shown (the screen calls
:meth:`ModeSwitchApp.screen_shown`) and two refreshes have gone by without a new layout.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen
from textual.widget import AwaitMount

ReturnType = TypeVar("ReturnType")

HOLD_LIMIT = 1.0
"""Seconds after which a new screen is drawn however far it has got."""
QUIET_REFRESHES = 2
"""Refreshes without a new layout after which a new screen counts as settled."""


class _Hold:
    """Repaints held while a new screen is built and laid out."""

    def __init__(self, app: ModeSwitchApp[Any]) -> None:
        self.app = app
        self.stack = ExitStack()
        self.stack.enter_context(app.batch_update())
        self.quiet = 0
        self.screen: Screen[object] | None = None

    def wait_until_settled(self, screen: Screen[object]) -> None:
        self.screen = screen
        screen.screen_layout_refresh_signal.subscribe(self.app, self._laid_out)
        screen.call_after_refresh(self._refreshed)

    def _laid_out(self, _screen: Screen[object]) -> None:
        self.quiet = 0

    def _refreshed(self) -> None:
        self.quiet += 1
        if self.quiet >= QUIET_REFRESHES:
            self.release()
        elif self.screen is not None:
            self.screen.call_after_refresh(self._refreshed)

    def release(self) -> None:
        if self.screen is not None:
            self.screen.screen_layout_refresh_signal.unsubscribe(self.app)
            self.screen = None
        if self.app._held is self:
            self.app._held = None
            self.stack.close()
            self.app.screen.refresh()


class ModeSwitchApp(App[ReturnType]):
    """An app whose mode switches are drawn once: at once, or when the new screen settles."""

    _in_switch = False
    _held: _Hold | None = None

    def switch_mode(self, mode: str) -> AwaitMount:
        try:
            built = bool(self.get_screen_stack(mode))
        except KeyError:  # not shown yet
            built = False
        if not built and mode != self.current_mode and self._held is None:
            held = self._held = _Hold(self)
            self.set_timer(HOLD_LIMIT, held.release, name="mode-switch-hold")
        self._in_switch = True
        try:
            return super().switch_mode(mode)
        except Exception:
            if self._held is not None:
                self._held.release()
            raise
        finally:
            self._in_switch = False

    _css_refreshed: int | None = None

    def refresh_css(self, animate: bool = True) -> None:
        super().refresh_css(animate)
        self._css_refreshed = self._css_update_count

    def adopt_current_css(self, screen: Screen[Any]) -> None:
        """Call as a screen is made: it is styled as it mounts, so it is up to date with the
        CSS as it is now, unless a theme or CSS change is still to be applied.

        Textual marks a screen as up to date only when it refreshes the CSS while the screen
        is mounted, so it would refresh the whole CSS twice on a first visit (restyling the
        screen being left) and once more on the first revisit: about 15 ms each.
        """
        if self._css_refreshed == self._css_update_count:
            screen._css_update_count = self._css_update_count

    def delay_update(self, delay: float = 0.05) -> None:
        if not self._in_switch:  # a switch holds repaints its own way
            super().delay_update(delay)

    def screen_shown(self) -> None:
        """A screen is shown (call from ``ScreenResume``): a new one is drawn once settled."""
        held = self._held
        if held is not None and held.screen is None:
            held.wait_until_settled(self.screen)
