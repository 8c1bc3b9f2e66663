"""A dialog that writes the recommendation or the answers to a file, atomically.

In the terminal the path is anything the user types. In an app served to a browser
(``fwtui serve``), whoever has the page types it, so the dialog writes only where the
person who started the server chose: with ``--export-dir DIR`` a plain file name inside
DIR, without it nothing at all (the dialog says how to enable exports).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

from fwtui.advisor.answers import answers_document
from fwtui.advisor.scoring import Recommendation
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError
from fwtui.fsutil import atomic_write
from fwtui.render.recommendation import render
from fwtui.safetext import clean
from fwtui.served import export_path, is_served, served_export_dir

KINDS = {
    "markdown": ("Markdown report", "fwtui-recommendation.md"),
    "json": ("JSON", "fwtui-recommendation.json"),
    "adr": ("Decision record (MADR)", "0001-web-framework.md"),
    "answers": ("Answers file (replayable)", "fwtui-answers.yaml"),
}


class ExportScreen(ModalScreen[Path | None]):
    """Pick a kind, edit the path, Enter writes; Escape cancels.

    Served, ``export_dir`` is where files go (None: exports are disabled); otherwise None.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, catalog: Catalog, result: Recommendation, kind: str) -> None:
        super().__init__()
        self.catalog = catalog
        self.result = result
        self.kind = kind
        self.served = is_served()
        self.export_dir = served_export_dir() if self.served else None

    def compose(self) -> ComposeResult:
        # Scrolls when the terminal is short, so the error line below the path stays reachable.
        with VerticalScroll(id="export-dialog", classes="dialog"):
            if self.served and self.export_dir is None:
                yield Label(
                    Text(
                        "Exports are disabled in this browser session: the server was started "
                        "without an export directory. To enable them, restart it with "
                        "`fwtui serve --export-dir DIR`; files are then saved in DIR. "
                        "Escape closes."
                    ),
                    id="export-disabled",
                )
                return
            if self.export_dir is not None:
                where = f"Save in {clean(str(self.export_dir))} as a file name (↑↓ kind, "
                yield Label(Text(where + "Tab to the name, Enter to write, Escape to cancel)"))
            else:
                yield Label(
                    Text("Save as (↑↓ kind, Tab to the path, Enter to write, Escape to cancel)")
                )
            with RadioSet(id="export-kind"):
                for kind, (label, _) in KINDS.items():
                    yield RadioButton(label, value=kind == self.kind, name=kind)
            yield Input(value=KINDS[self.kind][1], id="export-path")
            yield Label("", id="export-error")

    def on_mount(self) -> None:
        for box in self.query("#export-path").results(Input):
            box.focus()

    def show_error(self, message: str) -> None:
        """``message`` under the path, as literal text: it may quote what the user typed."""
        label = self.query_one("#export-error", Label)
        label.update(Text(clean(message)))
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
        return clean(render(self.catalog, self.result, self.kind))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            self.show_error("Type a file name.")
            return
        if self.served and self.export_dir is None:
            return  # no path box is shown; nothing is written
        try:
            target = Path(raw) if self.export_dir is None else export_path(self.export_dir, raw)
            path = atomic_write(target, self.content())
        except UsageError as error:
            self.show_error(str(error))
            return
        except ValueError as error:  # e.g. a NUL in the path
            self.show_error(f"cannot write {raw}: {error}")
            return
        message = clean(f"Saved {KINDS[self.kind][0]} to {path.resolve()}")
        self.app.notify(message, timeout=6, markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
