"""Pros and cons of two or three frameworks compared, a row per topic."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from fwtui.screens.common import FwScreen
from fwtui.widgets.lists import FwScroll
from fwtui.widgets.marks import hint
from fwtui.widgets.proscons import ProsConsTable

MAX_COLUMNS = 3
MIN_COLUMNS = 2
HINT = "Tab: next column · n/p: its framework · a/x: add/remove a column"


class ProsConsScreen(FwScreen):
    """A table of pros and cons; Tab picks a column, n/p change its framework."""

    BINDINGS = [
        Binding(
            "n", "cycle(1)", "Next", id="proscons.next", tooltip="Next framework in this column"
        ),
        Binding(
            "p", "cycle(-1)", "Prev", id="proscons.previous", tooltip="Previous framework here"
        ),
        Binding("a", "add_column", "Add", id="proscons.add", tooltip="Add a column"),
        Binding("x", "remove_column", "Remove", id="proscons.remove", tooltip="Remove this column"),
        Binding("tab", "move_column(1)", "Next column", show=False, id="proscons.next_column"),
        Binding(
            "shift+tab",
            "move_column(-1)",
            "Previous column",
            show=False,
            id="proscons.previous_column",
        ),
    ]
    PRIMARY_FOCUS = "#proscons"

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self.column = 0

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Static(hint(self, HINT), id="proscons-help")
        self.shown = list(self.catalog.frameworks)[:MIN_COLUMNS]
        with FwScroll(id="proscons", can_focus=True):
            yield ProsConsTable(self.catalog, id="proscons-table")
        yield from self.compose_footer()

    _compared_serial = 0

    def on_mount(self) -> None:
        self.show()
        self.query_one("#proscons").focus()

    def on_screen_resume(self) -> None:
        app = self.fw_app()
        if app.compared_serial != self._compared_serial:
            self._compared_serial = app.compared_serial
            self.shown = list(app.compared[:MAX_COLUMNS])
            self.column = 0
            self.show()

    def show(self) -> None:
        table = self.query_one("#proscons-table", ProsConsTable)
        self.column = max(0, min(self.column, len(self.shown) - 1))
        table.frameworks = tuple(self.shown)
        table.column = self.column

    def action_move_column(self, step: int) -> None:
        self.column = (self.column + step) % len(self.shown)
        self.show()

    def action_cycle(self, step: int) -> None:
        index = self.column
        ids = list(self.catalog.frameworks)
        position = ids.index(self.shown[index])
        others = set(self.shown) - {self.shown[index]}
        for offset in range(1, len(ids)):
            candidate = ids[(position + step * offset) % len(ids)]
            if candidate not in others:  # never show one framework in two columns
                self.shown[index] = candidate
                break
        self.show()

    def action_add_column(self) -> None:
        if len(self.shown) >= MAX_COLUMNS:
            self.notify(f"At most {MAX_COLUMNS} columns fit side by side.")
            return
        unused = [i for i in self.catalog.frameworks if i not in self.shown]
        if unused:
            self.shown.append(unused[0])
            self.column = len(self.shown) - 1
            self.show()

    def action_remove_column(self) -> None:
        if len(self.shown) <= MIN_COLUMNS:
            self.notify(f"At least {MIN_COLUMNS} columns are compared.")
            return
        del self.shown[self.column]
        self.column = max(0, self.column - 1)
        self.show()
