"""A dialog that writes the recommendation or the answers to a file, atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

from fwtui.advisor import Recommendation
from fwtui.answers import answers_document
from fwtui.catalog import Catalog
from fwtui.exports import render
from fwtui.fsutil import atomic_write
from fwtui.problems import UsageError
from fwtui.safetext import visible_controls

KINDS = {
    "markdown": ("Markdown report", "fwtui-recommendation.md"),
    "json": ("JSON", "fwtui-recommendation.json"),
    "adr": ("Decision record (MADR)", "0001-web-framework.md"),
    "answers": ("Answers file (replayable)", "fwtui-answers.yaml"),
}


class ExportScreen(ModalScreen[Path | None]):
    """Pick a kind, edit the path, Enter writes; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, catalog: Catalog, result: Recommendation, kind: str) -> None:
        super().__init__()
        self.catalog = catalog
        self.result = result
        self.kind = kind

    def compose(self) -> ComposeResult:
        # Scrolls when the terminal is short, so the error line below the path stays reachable.
        with VerticalScroll(id="export-dialog", classes="dialog"):
            yield Label("Save as (↑↓ kind, Tab to the path, Enter to write, Escape to cancel)")
            with RadioSet(id="export-kind"):
                for kind, (label, _) in KINDS.items():
                    yield RadioButton(label, value=kind == self.kind, name=kind)
            yield Input(value=KINDS[self.kind][1], id="export-path")
            yield Label("", id="export-error")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def show_error(self, message: str) -> None:
        label = self.query_one("#export-error", Label)
        label.update(message)
        label.scroll_visible(animate=False)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        old_default = KINDS[self.kind][1]
        self.kind = event.pressed.name or self.kind
        path = self.query_one("#export-path", Input)
        if path.value in (old_default, ""):
            path.value = KINDS[self.kind][1]

    def content(self) -> str:
        if self.kind == "answers":
            now = dt.datetime.now(tz=dt.timezone.utc)
            return answers_document(self.catalog, self.result.answers, now)
        return visible_controls(render(self.catalog, self.result, self.kind))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            self.show_error("Type a file name.")
            return
        try:
            path = atomic_write(Path(raw), self.content())
        except UsageError as error:
            self.show_error(visible_controls(str(error)))
            return
        self.app.notify(f"Saved {KINDS[self.kind][0]} to {path.resolve()}", timeout=6)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
