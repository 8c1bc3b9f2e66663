"""Asks who is saving the answers, so that `fwtui team` can tell the people apart."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from fwtui.advisor.answers import check_name
from fwtui.errors import UsageError
from fwtui.screens.common import literal
from fwtui.widgets.footer import KeyFooter


class NameScreen(ModalScreen[str | None]):
    """Enter saves the name (empty: no name), Escape cancels the save."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="name.cancel")]

    def __init__(self, name: str | None) -> None:
        super().__init__()
        self.initial = name or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text("Your name, recorded in the answers file for `fwtui team`"))
            yield Label(Text("Enter goes on (empty: no name) · Escape cancels", style="dim"))
            yield Input(value=self.initial, placeholder="e.g. Ana", id="name-input")
            yield Label("", id="name-error")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#name-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.dismiss("")
            return
        try:
            self.dismiss(check_name("name", event.value))
        except UsageError as error:
            self.query_one("#name-error", Label).update(literal(str(error)))

    def action_cancel(self) -> None:
        self.dismiss(None)
