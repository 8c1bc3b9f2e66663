"""The Textual application: modes, global keys, the command palette. A thin shell."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.dom import DOMNode
from textual.geometry import Region
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from fwtui import modes, terminal
from fwtui.errors import EXIT_INVALID_DATA, EXIT_USAGE, DataError, UsageError, Warnings
from fwtui.keymap import keys_file, load_keymap, read_failure
from fwtui.modes import BY_ID, FIRST_MODE, MODE_IDS
from fwtui.palette import JumpProvider, SafeCommandPalette
from fwtui.paths import state_dir
from fwtui.persist import SETTINGS, load_theme, save_theme
from fwtui.safetext import clean, clean_line
from fwtui.switching import ModeSwitchApp
from fwtui.widgets.cursor import cursor_offset
from fwtui.widgets.lists import vim_widgets

if TYPE_CHECKING:  # the models need pydantic, which the first frame can do without
    from fwtui.catalog.store import Catalog
    from fwtui.render.preview import Preview, QuickStart


# Screens are imported when first shown (the first one at start), which keeps the other
# screens' widgets off the path to the first frame; nothing here imports a screen module.
def screen_class(mode: str) -> type[Screen[Any]]:
    found = BY_ID[mode]
    module = import_module(f"fwtui.screens.{found.module}")
    screen: type[Screen[Any]] = getattr(module, found.screen)
    return screen


def _lazy_screen(mode: str) -> Callable[[], Screen[Any]]:
    return lambda: screen_class(mode)()


# The accessible mode (--accessible, ACCESSIBLE=1).
HIGH_CONTRAST = Theme(
    name="fwtui-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF5555",
    dark=True,
)
SHOW_CURSOR = "\x1b[?25h"
CURSOR_CHECK = 0.2
"""Seconds between checks that the cursor is still on the selection (after a scroll, a
focus change or a new screen, which send no message the app hears)."""


def accessible_from_env() -> bool:
    return os.environ.get("ACCESSIBLE", "").strip().lower() not in ("", "0", "false", "no")


def _is_input(event: events.Event) -> bool:
    """A key, mouse or paste event from the terminal (not one Textual forwarded)."""
    return isinstance(event, (events.InputEvent, events.Paste)) and not event.is_forwarded


SCREENS_GROUP = Binding.Group("Screens", compact=True)


class FwtuiApp(ModeSwitchApp[None]):
    """fwtui: overview, matrix, pros and cons, guide and wizard over one catalog."""

    TITLE = "fwtui"
    SUB_TITLE = "choose a Python web framework"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = ModeSwitchApp.COMMANDS | {JumpProvider}
    MODES = {mode: _lazy_screen(mode) for mode in MODE_IDS}
    BINDINGS: ClassVar[list[BindingType]] = [
        # One compact footer group ("1 2 3 4 5 6 Screens"): with the screen's own keys, six
        # labelled mode keys would not fit in 80 columns. Help (?) lists each one.
        *(
            Binding(
                mode.key,
                f"switch_mode('{mode.id}')",
                mode.title,
                id=f"mode.{mode.id}",
                tooltip=mode.tooltip,
                group=SCREENS_GROUP,
            )
            for mode in modes.MODES  # not MODES: in this class body that is Textual's
        ),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="All keys"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        catalog: Catalog | None,
        screen: str = "overview",
        accessible: bool | None = None,
        start: QuickStart | None = None,
    ) -> None:
        """``catalog`` None: the overview is drawn from ``start.preview`` and the catalog
        is built by ``start.load`` in a thread after the first frame; keys and clicks
        that come before it are held, then handled in order. ``start.remember`` keeps a
        new preview for the next start."""
        if catalog is None and (start is None or start.preview is None):
            raise ValueError("an app without a catalog needs a preview to start from")
        self._catalog = catalog
        self.start = start
        self.load_error: DataError | UsageError | None = None
        """Why the catalog could not be built (the app then exits with status 1)."""
        self._held_input: list[events.Event] | None = [] if catalog is None else None
        # --accessible, or ACCESSIBLE=1 as other terminal toolkits honour (None: ask it).
        self.accessible = accessible if accessible is not None else accessible_from_env()
        # Frameworks the wizard sent to the matrix and pros & cons (`c` on its result).
        self.compared: tuple[str, ...] = ()
        self.compared_serial = 0
        self.start_mode = screen if screen in BY_ID else FIRST_MODE
        if catalog is None:
            self.start_mode = "overview"  # the only screen a preview can draw
        # Start straight in the chosen mode: no default screen drawn first and then replaced.
        self.DEFAULT_MODE = self.start_mode  # type: ignore[misc]
        super().__init__()

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:  # input is held until it is there: nothing asks before
            raise RuntimeError("the catalog is not built yet")
        return self._catalog

    @property
    def has_catalog(self) -> bool:
        return self._catalog is not None

    @property
    def preview(self) -> Preview | None:
        return self.start.preview if self.start is not None else None

    async def on_event(self, event: events.Event) -> None:
        held = self._held_input
        if held is not None and _is_input(event):
            held.append(event)  # handled once the catalog is there (_take_catalog)
            return
        await super().on_event(event)

    def on_ready(self) -> None:
        """The first frame is on the screen: now build the catalog in a thread (the
        interface stays live)."""
        if self._catalog is None:
            self.run_worker(self._build_catalog, name="catalog", thread=True, exit_on_error=False)

    def _build_catalog(self) -> None:
        start = self.start
        assert start is not None
        assert start.preview is not None
        try:
            catalog = start.load()
        except (DataError, UsageError) as error:
            self._call_in_app(self._load_failed, error)
            return
        fresh = start.preview.matches(catalog)
        if self._call_in_app(self._take_catalog, catalog, fresh) and not fresh:
            start.remember(catalog)

    def _call_in_app(self, callback: Callable[..., Any], *args: Any) -> bool:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:  # the app closed meanwhile (a hang-up)
            return False
        return True

    async def _take_catalog(self, catalog: Catalog, fresh: bool) -> None:
        """Hand the screens the catalog; redraw what the preview drew if it differs."""
        self._catalog = catalog
        if not fresh:
            redraw = getattr(self.screen, "redraw_from_catalog", None)
            if redraw is not None:
                await redraw()
        held, self._held_input = self._held_input or [], None
        for event in held:
            self.post_message(event)

    def _load_failed(self, error: DataError | UsageError) -> None:
        self.load_error = error
        self._held_input = None
        self.exit(return_code=EXIT_INVALID_DATA if isinstance(error, DataError) else EXIT_USAGE)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, the screens' and widgets' too, is sanitised literal text.

        Notices quote file names, ``keys.yaml`` entries and error messages: as markup,
        ``[@click=app.quit]`` in one would run an action and ``[/x]`` would crash the app.
        ``markup`` is accepted for Textual's signature and ignored.
        """
        super().notify(
            clean(str(message)),
            title=clean_line(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's text: one clean line each, whatever a screen set."""
        if self.accessible:  # ASCII: no middle dot, no em dash for a reader to spell out
            title = clean_line(title).replace(" · ", " - ")
            return Content(title + (f" - {clean_line(sub_title)}" if sub_title else ""))
        return super().format_title(clean_line(title), clean_line(sub_title))

    def on_mount(self) -> None:
        self.restore_theme()
        if self.accessible:  # before the theme is remembered: the user's saved one stays
            self.start_accessible()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.apply_user_keymap()
        terminal.guard(self)

    def start_accessible(self) -> None:
        """The accessible mode: a high-contrast theme, no animation, a visible cursor that
        follows the selection (ASCII marks are the widgets' part: fwtui.widgets.marks)."""
        self.register_theme(HIGH_CONTRAST)
        self.theme = HIGH_CONTRAST.name
        self.animation_level = "none"
        if self._driver is not None and not self.is_headless:
            self._driver.write(SHOW_CURSOR)  # Textual hides it; a screen reader follows it
        self.set_interval(CURSOR_CHECK, self.place_cursor, name="accessible-cursor")

    def place_cursor(self) -> None:
        """Put the terminal's cursor on the focused widget's selected item."""
        offset = cursor_offset(self.screen.focused)
        if offset is not None and offset != self.cursor_position:
            self.cursor_position = offset
            # The cursor moves with the next update written: repaint one cell for it.
            self.screen.refresh(Region(offset.x, offset.y, 1, 1))

    # The selection moved: place the cursor before the repaint that shows it.
    def on_option_list_option_highlighted(self) -> None:
        if self.accessible:
            self.call_after_refresh(self.place_cursor)

    def on_data_table_cell_highlighted(self) -> None:
        if self.accessible:
            self.call_after_refresh(self.place_cursor)

    def on_radio_set_changed(self) -> None:
        if self.accessible:
            self.call_after_refresh(self.place_cursor)

    def restore_theme(self) -> None:
        """Use the theme saved in ``settings.yaml``; a broken file is one notice, no crash."""
        notices: Warnings = []
        try:
            theme = load_theme(notices)
        except Exception as error:  # never crash over a settings file
            theme = None
            notices.append(
                f"Ignored the saved settings: {read_failure(state_dir() / SETTINGS, error)}"
            )
        for notice in notices:
            self.notify(notice, severity="warning")
        if theme in self.available_themes:
            self.theme = theme

    def _remember_theme(self, theme: Theme) -> None:
        save_theme(theme.name)

    @staticmethod
    def _declared_bindings() -> list[tuple[str, Binding]]:
        """(owner name, binding) for every binding with an id, the app's first, then the
        screens', then the widgets' that bind keys of their own (the vim keys)."""
        owners: list[type[DOMNode]] = [FwtuiApp]
        owners += [screen_class(mode) for mode in MODE_IDS]
        owners += vim_widgets()
        return [
            (owner.__name__, binding)
            for owner in owners
            for binding in owner.BINDINGS
            if isinstance(binding, Binding) and binding.id
        ]

    def binding_ids(self) -> set[str]:
        return {binding.id for _, binding in self._declared_bindings() if binding.id}

    def apply_user_keymap(self) -> None:
        """Apply ``keys.yaml``; its problems are notices (at most five), never a crash."""
        try:
            present = keys_file().exists() or keys_file().is_symlink()
        except OSError:  # an unreadable config dir: load_keymap says so
            present = True
        if not present:  # no file: the screens' modules need not be imported for their ids
            return
        problems: Warnings = []
        keymap = load_keymap(self.binding_ids(), problems)
        if keymap:
            self.set_keymap(keymap)
        problems += self._keymap_clashes(keymap)
        for problem in problems[:5]:
            self.notify(problem, title="Key configuration", severity="error", timeout=10)

    def _keymap_clashes(self, keymap: dict[str, str]) -> list[str]:
        """A global key remapped onto a key a screen or a list uses: theirs wins there."""
        local_keys: dict[str, str] = {}
        for owner, binding in self._declared_bindings():
            if owner == FwtuiApp.__name__:
                continue
            assert binding.id is not None
            where = "on" if owner.endswith("Screen") else "in"
            for key in keymap.get(binding.id, binding.key).split(","):
                local_keys.setdefault(key, f"{binding.id} {where} {owner}")
        app_ids = {b.id for owner, b in self._declared_bindings() if owner == FwtuiApp.__name__}
        return [
            f"{binding_id}: '{key}' is also {local_keys[key]}, which wins there"
            for binding_id, keys in keymap.items()
            if binding_id in app_ids
            for key in keys.split(",")
            if key in local_keys
        ]

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, SafeCommandPalette):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        from fwtui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return None  # shown dimmed: already there
        return True

    async def goto_framework(self, framework_id: str) -> None:
        await self.switch_mode("overview")
        from fwtui.screens.overview import OverviewScreen

        screen = self.screen
        if isinstance(screen, OverviewScreen):
            screen.select_framework(framework_id)

    async def compare(self, framework_ids: list[str]) -> None:
        """Show these frameworks in the matrix and in pros & cons, and open the matrix.

        Each of the two screens takes the new choice when it is next shown (it may not
        exist yet: screens are made on first use).
        """
        self.compared = tuple(framework_ids)
        self.compared_serial += 1
        names = ", ".join(self.catalog.frameworks[i].name for i in framework_ids)
        self.notify(f"Comparing {names} in the matrix (2) and in pros & cons (3).")
        await self.switch_mode("matrix")

    async def goto_criterion(self, criterion_id: str) -> None:
        await self.switch_mode("matrix")
        from fwtui.screens.matrix import MatrixScreen

        screen = self.screen
        if isinstance(screen, MatrixScreen):
            screen.focus_criterion(criterion_id)

    async def goto_guide(self, key: str) -> None:
        await self.switch_mode("guide")
        from fwtui.screens.guide import GuideScreen

        screen = self.screen
        if isinstance(screen, GuideScreen):
            screen.select_entry(key)
