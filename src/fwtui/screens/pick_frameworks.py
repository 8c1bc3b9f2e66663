"""A dialog to pick which frameworks to compare."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList

from fwtui.catalog.store import Catalog
from fwtui.screens.common import literal_name
from fwtui.widgets.footer import KeyFooter
from fwtui.widgets.selection import FwSelectionList


class PickFrameworksScreen(ModalScreen[list[str] | None]):
    """Space toggles a framework, Enter confirms, Escape cancels."""

    BINDINGS = [
        Binding("enter", "confirm", "Confirm", id="pick.confirm", priority=True),
        Binding("escape", "cancel", "Cancel", id="pick.cancel"),
        Binding("a", "all", "All", id="pick.all"),
    ]

    def __init__(self, catalog: Catalog, selected: list[str], minimum: int = 2) -> None:
        super().__init__()
        self.catalog = catalog
        self.initial = selected
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Label(f"Compare which frameworks? (at least {self.minimum}; Space, Enter)")
            yield FwSelectionList[str](
                *(
                    (literal_name(f.name), f.id, f.id in self.initial)
                    for f in self.catalog.frameworks.values()
                ),
                id="pick-list",
            )
            yield Label("", id="pick-error")
        yield KeyFooter()

    def action_confirm(self) -> None:
        chosen = list(self.query_one("#pick-list", SelectionList).selected)
        if len(chosen) < self.minimum:
            self.query_one("#pick-error", Label).update(f"Pick at least {self.minimum}.")
            return
        order = list(self.catalog.frameworks)
        self.dismiss(sorted(chosen, key=order.index))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_all(self) -> None:
        self.query_one("#pick-list", SelectionList).select_all()
