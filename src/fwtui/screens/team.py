"""Team: several people's answers files side by side, the consensus, the disagreements."""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from fwtui.advisor.team import TeamResult, decide_files
from fwtui.errors import UsageError
from fwtui.render.team import team_sections
from fwtui.screens.common import FwScreen, literal
from fwtui.screens.team_export import TeamExportScreen
from fwtui.widgets.lists import FwScroll
from fwtui.widgets.sections import document_text

HINT = (
    "Press o and type the answers files of the people deciding, or their folder, then Enter. "
    "Each person saves theirs from the wizard (w) or with "
    "`fwtui recommend --who NAME --save-answers FILE`."
)


NOTHING_YET = "No team loaded yet: press o, type the folder or files, then Enter."


def split_paths(text: str) -> list[Path]:
    """The paths typed, shell-style (quotes keep spaces), with ``~`` expanded."""
    try:
        parts = shlex.split(text)
    except ValueError as error:  # an unclosed quote
        raise UsageError(f"cannot read the paths: {error}") from None
    return [Path(part).expanduser() for part in parts]


class TeamScreen(FwScreen):
    """o to type a folder or files, Enter loads them, Escape leaves the path box; e exports."""

    DEFAULT_CSS = """
    #team { height: 1fr; padding: 0 1; }
    #team-hint { color: $text-muted; }
    #team-error { color: $text-error; }
    #team-result { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [
        Binding("o", "open", "Open", id="team.open", tooltip="Type the folder or files"),
        Binding("e", "export", "Export", id="team.export", tooltip="Markdown, JSON or ADR"),
        Binding("escape", "leave_paths", "Leave the paths", show=False, id="team.escape"),
    ]
    # The result pane has the focus first: in the path box the mode keys 1-6 would type.
    PRIMARY_FOCUS = "#team-result"

    def __init__(self) -> None:
        super().__init__()
        self.result: TeamResult | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        with Vertical(id="team"):
            yield Static(Text(HINT), id="team-hint")
            yield Input(placeholder="e.g. team/  or  ana.yaml ben.yaml", id="team-paths")
            yield Static("", id="team-error")
            with FwScroll(id="team-result", can_focus=True):
                yield Static(Text(NOTHING_YET), id="team-result-text")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.query_one("#team-result", VerticalScroll).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.load(event.value)

    def load(self, text: str) -> None:
        """Decide for the files typed, in a worker: fifty people take a second or two."""
        error = self.query_one("#team-error", Static)
        try:
            paths = split_paths(text)
        except UsageError as problem:
            error.update(literal(str(problem)))
            return
        if not paths:
            error.update(Text("Type a folder or the answers files to compare."))
            return
        error.update(Text("Loading ...", style="dim"))
        self.decide(paths)

    @work(thread=True, exclusive=True, group="team")
    def decide(self, paths: list[Path]) -> None:
        try:
            result = decide_files(self.catalog, paths)
        except UsageError as problem:
            self.app.call_from_thread(self.show_error, str(problem))
            return
        except OSError as problem:  # e.g. a folder that cannot be listed
            self.app.call_from_thread(self.show_error, f"cannot read the answers: {problem}")
            return
        self.app.call_from_thread(self.show_result, result)

    def show_error(self, message: str) -> None:
        """One line naming the file; the team shown before (if any) stays."""
        self.query_one("#team-error", Static).update(literal(message))

    def show_result(self, result: TeamResult) -> None:
        self.result = result
        count = len(result.warnings)
        notice = f"{count} warning{'s' if count != 1 else ''}: see the end" if count else ""
        self.query_one("#team-error", Static).update(literal(notice))
        width = max(50, self.query_one("#team-result", VerticalScroll).size.width - 4)
        text = document_text(team_sections(self.catalog, result, width))
        text.append("\n\nKeys: e export Markdown/JSON/ADR · o other files", style="dim")
        self.query_one("#team-result-text", Static).update(text)
        view = self.query_one("#team-result", VerticalScroll)
        view.scroll_home(animate=False)
        view.focus()
        self.refresh_bindings()

    def action_open(self) -> None:
        self.query_one("#team-paths", Input).focus()

    def action_leave_paths(self) -> None:
        self.query_one("#team-result", VerticalScroll).focus()

    def action_export(self) -> None:
        if self.result is None:
            self.notify("Load the team's answers files first (type them, then Enter).")
            return
        self.app.push_screen(TeamExportScreen(self.catalog, self.result))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return self.result is not None or None
        return True
