"""Matrix: criteria as rows (grouped), frameworks as columns, the cell's fact below."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static

from fwtui.catalog.models import UNKNOWN_LEVEL, Framework
from fwtui.render.matrix import (
    Matrix,
    Row,
    build_matrix,
    cell_detail,
    filter_rows,
    full_legend,
    group_detail,
)
from fwtui.safetext import clean_line, fit
from fwtui.screens.common import (
    FwScreen,
    literal,
    literal_line,
    literal_name,
)
from fwtui.screens.pick_frameworks import PickFrameworksScreen
from fwtui.widgets.fact import FactDetail
from fwtui.widgets.marks import hint
from fwtui.widgets.table import FwDataTable

GROUP_PREFIX = "group:"
# Width of a framework's column in the compact view: 8 columns (with padding) in 80.
COMPACT_CELL = 6
# Below this height the detail pane shrinks, so that the table keeps a few rows.
SHORT_TERMINAL = 20


def centred(text: Text) -> Text:
    text.justify = "center"
    return text


def match_reasons(row: Row, frameworks: tuple[Framework, ...], text: str) -> list[str]:
    """Where ``text`` occurs in a row, in words: the filter may match a hidden note."""
    needle = text.casefold()
    if not needle:
        return []
    reasons = []
    if needle in row.criterion.label.casefold() or needle in row.criterion.id:
        reasons.append("the criterion's name")
    if needle in row.group_label.casefold():
        reasons.append("the group's name")
    reasons += [
        f"{framework.name}'s note"
        for framework, cell in zip(frameworks, row.cells, strict=True)
        if needle in cell.note.casefold()
    ]
    return reasons


# With a very large catalog the matrix opens on the first frameworks (featured first) and
# `c` picks others: DataTable draws every column of a line, so 500 columns would crawl.
DEFAULT_COLUMNS = 16


class MatrixTable(FwDataTable):
    """The matrix's table: the detail pane follows the cursor in the same frame, not in a
    later one after the CellHighlighted message has gone round."""

    def watch_cursor_coordinate(
        self, old_coordinate: Coordinate, new_coordinate: Coordinate
    ) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        screen = self.screen
        if old_coordinate != new_coordinate and isinstance(screen, MatrixScreen):
            screen.show_cell()


class MatrixScreen(FwScreen):
    """The feature matrix with filters, a diff toggle and per-criterion column sorting."""

    BINDINGS = [
        Binding("d", "toggle_diff", "Diff", id="matrix.diff", tooltip="Only rows that differ"),
        Binding("slash", "filter", "Filter", id="matrix.filter", tooltip="Filter rows by text"),
        Binding("f", "cycle_group", "Group", id="matrix.group", tooltip="Show one group at a time"),
        Binding("s", "sort", "Sort", id="matrix.sort", tooltip="Order columns by this criterion"),
        Binding("c", "choose", "Columns", id="matrix.choose", tooltip="Pick the frameworks"),
        Binding(
            "v", "toggle_view", "Labels", id="matrix.view", tooltip="Symbols only, or with labels"
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="matrix.clear"),
    ]
    PRIMARY_FOCUS = "#matrix-table"

    # What the matrix shows. Changing any of them rebuilds the table once, after the
    # handler that changed them (so clearing three filters at once rebuilds once).
    selected: reactive[tuple[str, ...]] = reactive((), init=False)
    diff_only: reactive[bool] = reactive(False, init=False)
    group: reactive[str | None] = reactive(None, init=False)
    text_filter: reactive[str] = reactive("", init=False)
    sort_by: reactive[str | None] = reactive(None, init=False)
    compact: reactive[bool] = reactive(True, init=False)
    """Symbols only (the label is in the detail pane): 8 frameworks fit in 80 columns."""

    _rebuild_pending = False
    _in_table: Matrix | None = None
    """The matrix in the table, as last built."""

    def watch_selected(self) -> None:
        self._state_changed()

    def watch_diff_only(self) -> None:
        self._state_changed()

    def watch_group(self) -> None:
        self._state_changed()

    def watch_text_filter(self) -> None:
        self._state_changed()

    def watch_sort_by(self) -> None:
        self._state_changed()

    def watch_compact(self) -> None:
        self._state_changed()

    def _state_changed(self) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_next(self._rebuild_if_pending)

    def _rebuild_if_pending(self) -> None:
        if self._rebuild_pending:  # not already rebuilt by a handler that needed it at once
            self.rebuild()

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Input(
            placeholder="Filter criteria (Enter to apply, Escape to clear)", id="matrix-filter"
        )
        yield Static(id="matrix-status")
        yield Static(literal(full_legend(self.catalog)), id="matrix-legend")
        table: DataTable[Text] = MatrixTable(id="matrix-table", fixed_columns=1, zebra_stripes=True)
        yield table
        with VerticalScroll(id="matrix-detail"):
            yield Static(id="matrix-why")
            yield FactDetail(id="matrix-note")
        yield from self.compose_footer()

    _compared_serial = 0

    def on_mount(self) -> None:
        self.selected = tuple(self.catalog.frameworks)[:DEFAULT_COLUMNS]
        self.compact = not self.fw_app().accessible  # words, not symbols, to be read aloud
        self.take_compared()
        self.rebuild()  # now, so that the first frame shows the table
        self.query_one("#matrix-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.take_compared()

    def take_compared(self) -> None:
        """Show the frameworks the wizard sent (`c` on its result), once per sending."""
        app = self.fw_app()
        if app.compared_serial != self._compared_serial:
            self._compared_serial = app.compared_serial
            self.selected = app.compared

    # ----------------------------------------------------------------- building

    def columns(self) -> list[Framework]:
        frameworks = [self.catalog.frameworks[i] for i in self.selected]
        if self.sort_by is not None:
            criterion = self.sort_by

            def utility(framework: Framework) -> float:
                level = self.catalog.level_of(framework, criterion)
                return -1.0 if level is UNKNOWN_LEVEL else level.utility  # unknown sorts last

            frameworks.sort(key=utility, reverse=True)
        return frameworks

    def matrix(self) -> Matrix:
        matrix = build_matrix(self.catalog, self.columns(), diff_only=self.diff_only)
        return filter_rows(matrix, self.group, self.text_filter)

    def rebuild(self) -> None:
        self._rebuild_pending = False
        table: DataTable[Text] = self.query_one("#matrix-table", DataTable)
        matrix = self._in_table = self.matrix()
        table.clear(columns=True)
        label_width = self.add_columns(table, matrix)
        group = None
        for row in matrix.rows:
            if row.criterion.group != group:
                group = row.criterion.group
                blank = [Text("") for _ in matrix.frameworks]
                shown = fit(row.group_label, label_width) if self.compact else row.group_label
                table.add_row(literal_name(shown, "bold"), *blank, key=GROUP_PREFIX + group)
            if self.compact:
                label = literal_name(row.criterion.short)
                cells = [centred(literal_name(cell.symbol)) for cell in row.cells]
            else:
                label = literal_name(row.criterion.label)
                cells = [literal_name(cell.display) for cell in row.cells]
            table.add_row(label, *cells, key=row.criterion.id)
        self.describe_state(matrix)
        if matrix.rows:
            table.move_cursor(row=1, column=1)
        self.show_cell()

    def add_columns(self, table: DataTable[Text], matrix: Matrix) -> int:
        """The columns of the view; returns the width of the first (the criteria)."""
        # Fixed widths: DataTable would otherwise measure every cell (seconds for 500 columns).
        if self.compact:
            label_width = max(max((len(r.criterion.short) for r in matrix.rows), default=9), 9)
            table.add_column(Text("Criterion"), key="criterion", width=label_width)
            for framework in matrix.frameworks:
                name = literal_name(fit(framework.name, COMPACT_CELL))
                table.add_column(name, key=framework.id, width=COMPACT_CELL)
            return label_width
        label_width = max((len(row.criterion.label) for row in matrix.rows), default=9)
        label_width = min(max(label_width, 9), 32)
        table.add_column(Text("Criterion"), key="criterion", width=label_width)
        cell_width = max((len(c.display) for r in matrix.rows for c in r.cells), default=8)
        for framework in matrix.frameworks:
            width = min(max(cell_width, len(framework.name)), 24)
            table.add_column(literal_name(framework.name), key=framework.id, width=width)
        return label_width

    def describe_state(self, matrix: Matrix) -> None:
        shown, total = len(matrix.frameworks), len(self.catalog.frameworks)
        frameworks = (
            f"{shown} frameworks" if shown == total else f"{shown} of {total} frameworks (c)"
        )
        parts = [frameworks, f"{len(matrix.rows)} criteria"]
        if self.diff_only:
            parts.append("differences only")
        if self.group is not None:
            parts.append(f"group: {self.catalog.groups[self.group].label}")
        if self.text_filter:
            parts.append(f"filter: {self.text_filter}")
        if self.sort_by is not None:
            parts.append(f"sorted by {self.catalog.criteria[self.sort_by].label}")
        # Group and criterion labels come from data, the filter from the user: all literal.
        parts.append("symbols (v: labels)" if self.compact else "labels (v: symbols)")
        status = literal_line(hint(self, " · ".join(parts)))
        if not matrix.rows:
            status = Text("No criteria match. Press Escape to clear the filter, d for all rows.")
        self.query_one("#matrix-status", Static).update(status)

    # ------------------------------------------------------------------ details

    def current(self) -> tuple[str | None, str | None]:
        """(criterion id or group key, framework id) under the cursor."""
        table: DataTable[Text] = self.query_one("#matrix-table", DataTable)
        if table.row_count == 0:
            return None, None
        cell = table.coordinate_to_cell_key(table.cursor_coordinate)
        return cell.row_key.value, cell.column_key.value

    def show_cell(self) -> None:
        row_key, column_key = self.current()
        detail = self.query_one("#matrix-note", FactDetail)
        if row_key is None:
            detail.detail = None
        elif row_key.startswith(GROUP_PREFIX):
            detail.detail = group_detail(self.catalog.groups[row_key.removeprefix(GROUP_PREFIX)])
        else:
            framework = self.catalog.frameworks.get(column_key or "")
            detail.detail = cell_detail(self.catalog, row_key, framework)

        self.show_why(row_key)

    def show_why(self, row_key: str | None) -> None:
        """While filtering: where the filter's text was found in the row under the cursor."""
        why = self.query_one("#matrix-why", Static)
        reasons: list[str] = []
        if self._in_table is not None:  # the rows in the table, not built again on every key
            row = next((r for r in self._in_table.rows if r.criterion.id == row_key), None)
            if row is not None:
                reasons = match_reasons(row, self._in_table.frameworks, self.text_filter)
        why.set_class(bool(reasons), "-shown")
        if reasons:
            found = hint(self, f"“{self.text_filter}” found in: ")
            shown = literal_line(found + ", ".join(reasons))
            shown.stylize("italic")
            why.update(shown)

    def on_data_table_cell_highlighted(self, _event: DataTable.CellHighlighted) -> None:
        self.show_cell()

    # ------------------------------------------------------------------ actions

    def action_toggle_view(self) -> None:
        self.compact = not self.compact

    def on_resize(self, event: Resize) -> None:
        super().on_resize(event)
        self.set_class(event.size.height < SHORT_TERMINAL, "-short")

    def action_toggle_diff(self) -> None:
        self.diff_only = not self.diff_only

    def action_cycle_group(self) -> None:
        groups = [
            g
            for g in self.catalog.groups
            if any(c.group == g for c in self.catalog.criteria.values())
        ]
        if self.group is None:
            self.group = groups[0] if groups else None
        else:
            position = groups.index(self.group) + 1
            self.group = groups[position] if position < len(groups) else None

    def action_sort(self) -> None:
        row_key, _ = self.current()
        if row_key is None or row_key.startswith(GROUP_PREFIX) or row_key == self.sort_by:
            self.sort_by = None
        else:
            self.sort_by = row_key
        if self.sort_by is not None:
            self.rebuild()  # now: the cursor follows the row
            table: DataTable[Text] = self.query_one("#matrix-table", DataTable)
            table.move_cursor(row=table.get_row_index(self.sort_by), column=1)

    def action_filter(self) -> None:
        box = self.query_one("#matrix-filter", Input)
        box.add_class("-open")
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#matrix-filter", Input)
        box.value = ""
        box.remove_class("-open")
        self.text_filter = ""
        self.group = None
        self.diff_only = False
        self.query_one("#matrix-table", DataTable).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        shown = clean_line(event.value)
        if shown != event.value:  # pasted control characters: show them as the placeholders
            event.input.value = shown
            return  # the value set here posts its own Changed
        self.text_filter = event.value.strip()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.query_one("#matrix-table", DataTable).focus()

    def action_choose(self) -> None:
        def chosen(ids: list[str] | None) -> None:
            if ids:
                self.selected = tuple(ids)

        self.app.push_screen(
            PickFrameworksScreen(self.catalog, list(self.selected), minimum=2), chosen
        )

    def focus_criterion(self, criterion_id: str) -> None:
        """Put the cursor on a criterion's row (used by the command palette)."""
        box = self.query_one("#matrix-filter", Input)
        box.value = ""
        box.remove_class("-open")
        self.group = None
        self.text_filter = ""
        self.diff_only = False
        self.rebuild()  # now: the cursor goes to the criterion's row
        table: DataTable[Text] = self.query_one("#matrix-table", DataTable)
        table.move_cursor(row=table.get_row_index(criterion_id), column=1)
        table.focus()
