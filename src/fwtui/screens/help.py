"""Help: every key in force on the screen below, built from its bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from fwtui.safetext import clean_line


def bindings_table(screen: Screen[object]) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, expand=True)
    table.add_column("Key", no_wrap=True)
    table.add_column("Action")
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        description = binding.description or binding.action
        if (description, binding.action) in seen and not binding.description:
            continue
        seen.add((description, binding.action))
        shown = screen.app.get_key_display(binding)
        tooltip = f" — {binding.tooltip}" if binding.tooltip else ""
        # Keys can come from the user's keys.yaml: shown as one literal line each.
        table.add_row(Text(clean_line(shown or key)), Text(clean_line(description + tooltip)))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help.close")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below_name = below.__class__.__name__.removesuffix("Screen")
        self.table = bindings_table(below)

    def compose(self) -> ComposeResult:
        title = Text(f"Keys on this screen ({self.below_name})", style="bold")
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(title)
            yield Static(self.table)
            yield Static(
                Text(
                    "Arrows or h j k l move, g/G jump to the top/bottom, Tab moves between panes, "
                    "ctrl+p opens the command palette (frameworks, criteria, FAQ, screens, "
                    "themes). "
                    "Escape or q closes this help.",
                    style="dim",
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)
