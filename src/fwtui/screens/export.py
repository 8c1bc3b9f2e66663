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
from textual.widgets import Input, Label, RadioSet

from fwtui.advisor.answers import answers_document
from fwtui.advisor.scoring import Recommendation
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError
from fwtui.fsutil import atomic_write
from fwtui.render.recommendation import render
from fwtui.safetext import clean, clean_line
from fwtui.screens.confirm import ConfirmScreen
from fwtui.served import export_path, is_served, served_export_dir
from fwtui.widgets.footer import KeyFooter
from fwtui.widgets.marks import hint
from fwtui.widgets.radio import FollowingRadioSet, MarkedRadioButton

KINDS = {
    "markdown": ("Markdown report", "fwtui-recommendation.md"),
    "json": ("JSON", "fwtui-recommendation.json"),
    "adr": ("Decision record (MADR)", "0001-web-framework.md"),
    "answers": ("Answers file (replayable)", "fwtui-answers.yaml"),
}
# The file name endings each kind is written with; the first is the one a rename uses.
EXTENSIONS = {
    "markdown": (".md", ".markdown"),
    "json": (".json",),
    "adr": (".md", ".markdown"),
    "answers": (".yaml", ".yml"),
}


def follow_kind(path: str, old_kind: str, new_kind: str) -> str:
    """The path after the kind changed: the old default name becomes the new default,
    an ending of the old kind becomes the new kind's; anything else is left alone."""
    if not path.strip():
        return KINDS[new_kind][1]
    folder, slash, name = path.rpartition("/")
    prefix = folder + slash
    if name == KINDS[old_kind][1]:
        return prefix + KINDS[new_kind][1]
    stem, dot, ending = name.rpartition(".")
    if dot and stem and "." + ending.lower() in EXTENSIONS[old_kind]:
        if "." + ending.lower() in EXTENSIONS[new_kind]:
            return path
        return prefix + stem + EXTENSIONS[new_kind][0]
    return path


def ending_problem(path: str, kind: str) -> str | None:
    """A warning when the file name's ending does not fit the kind (None when it does)."""
    name = path.strip().rpartition("/")[2]
    stem, dot, ending = name.rpartition(".")
    if dot and stem and "." + ending.lower() in EXTENSIONS[kind]:
        return None
    wanted = " or ".join(EXTENSIONS[kind])
    found = f"ends in .{ending}" if dot and stem else "has no ending"
    return f"Warning: this name {found}; a {KINDS[kind][0]} file ends in {wanted}."


class ExportScreen(ModalScreen[Path | None]):
    """Pick a kind (the highlighted one is chosen), edit the path, Enter writes.

    Writing over an existing file asks first. Served, ``export_dir`` is where files go
    (None: exports are disabled); otherwise None.
    """

    KIND_IDS: tuple[str, ...] = tuple(KINDS)
    """The kinds offered (a subclass exporting something else offers fewer)."""
    SUBJECT = "the recommendation"
    who: str | None = None
    """The name the answers file records (the wizard asks for it)."""

    BINDINGS = [
        Binding("enter", "write", "Write", id="export.write", priority=True),
        Binding("tab", "app.focus_next", "Kind/path", id="export.next_field"),
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, catalog: Catalog, result: Recommendation | None, kind: str) -> None:
        """``result`` is None only for a subclass that overrides :meth:`content`."""
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
            else:
                yield from self.compose_form()
        yield KeyFooter()

    def compose_form(self) -> ComposeResult:
        if self.export_dir is not None:
            yield Label(Text(f"Export to {clean(str(self.export_dir))}, as a file name:"))
        else:
            yield Label(Text(f"Export {self.SUBJECT}"))
        keys = hint(self, "↑↓ choose the kind · Tab to the path · Enter writes")
        yield Label(Text(keys, style="dim"))
        with FollowingRadioSet(id="export-kind"):
            for kind in self.KIND_IDS:
                yield MarkedRadioButton(KINDS[kind][0], value=kind == self.kind, name=kind)
        yield Input(value=KINDS[self.kind][1], id="export-path")
        yield Label("", id="export-warning")
        yield Label("", id="export-error")

    def on_mount(self) -> None:
        for kinds in self.query("#export-kind").results(RadioSet):
            kinds.focus()

    def show_error(self, message: str) -> None:
        """``message`` under the path, as literal text: it may quote what the user typed."""
        label = self.query_one("#export-error", Label)
        label.update(Text(clean(message)))
        label.scroll_visible(animate=False)

    def show_warning(self) -> None:
        path = self.query_one("#export-path", Input).value
        problem = ending_problem(path, self.kind) if path.strip() else None
        self.query_one("#export-warning", Label).update(Text(problem or ""))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        old_kind = self.kind
        self.kind = event.pressed.name or self.kind
        path = self.query_one("#export-path", Input)
        path.value = follow_kind(path.value, old_kind, self.kind)
        self.show_warning()

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.show_warning()
        self.query_one("#export-error", Label).update("")

    def content(self) -> str:
        assert self.result is not None
        if self.kind == "answers":
            now = dt.datetime.now(tz=dt.timezone.utc)
            return answers_document(self.catalog, self.result.answers, now, self.who)
        return clean(render(self.catalog, self.result, self.kind))

    def action_write(self) -> None:
        if self.served and self.export_dir is None:
            return  # no path box is shown; nothing is written
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.show_error("Type a file name.")
            return
        try:
            target = Path(raw) if self.export_dir is None else export_path(self.export_dir, raw)
            exists = target.expanduser().is_file() or target.expanduser().is_symlink()
        except UsageError as error:
            self.show_error(str(error))
            return
        except (ValueError, OSError) as error:  # e.g. a NUL in the path
            self.show_error(f"cannot write {raw}: {error}")
            return
        if not exists:
            self.write(target, raw)
            return

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self.write(target, raw)

        question = f"{clean_line(str(target))} exists. Write over it? (y/n)"
        self.app.push_screen(ConfirmScreen(question), answered)

    def write(self, target: Path, raw: str) -> None:
        try:
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
