"""Pros and cons of two or three frameworks side by side."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from fwtui.catalog.models import Framework, Point
from fwtui.render.framework import given
from fwtui.screens.common import (
    FwScreen,
    literal,
    literal_line,
    literal_name,
)
from fwtui.widgets.lists import FwScroll

MAX_COLUMNS = 3
MIN_COLUMNS = 2


class ProsConsScreen(FwScreen):
    """Columns of pros and cons; n/p change the framework of the focused column."""

    BINDINGS = [
        Binding(
            "n", "cycle(1)", "Next", id="proscons.next", tooltip="Next framework in this column"
        ),
        Binding(
            "p", "cycle(-1)", "Prev", id="proscons.previous", tooltip="Previous framework here"
        ),
        Binding("a", "add_column", "Add", id="proscons.add", tooltip="Add a column"),
        Binding("x", "remove_column", "Remove", id="proscons.remove", tooltip="Remove this column"),
        Binding("tab", "app.focus_next", "Next column", show=False, id="proscons.next_column"),
    ]
    PRIMARY_FOCUS = ".proscons-column"

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        yield Static(
            "n/p: change the framework of the focused column · Tab: next column · a/x: add/remove",
            id="proscons-help",
        )
        self.shown = list(self.catalog.frameworks)[:MIN_COLUMNS]
        with Horizontal(id="proscons"):
            yield from self.columns()
        yield from self.compose_footer()

    _compared_serial = 0

    def on_mount(self) -> None:
        self.query(".proscons-column").first().focus()

    async def on_screen_resume(self) -> None:
        app = self.fw_app()
        if app.compared_serial != self._compared_serial:
            self._compared_serial = app.compared_serial
            self.shown = list(app.compared[:MAX_COLUMNS])
            await self.rebuild(focus=0)

    def columns(self) -> list[FwScroll]:
        return [
            FwScroll(
                Static(self.points_text(self.catalog.frameworks[framework_id])),
                id=f"column-{index}",
                classes="proscons-column",
                can_focus=True,
            )
            for index, framework_id in enumerate(self.shown)
        ]

    def points_text(self, framework: Framework) -> Text:
        text = Text.assemble(
            literal_name(framework.name, "bold"),
            "\n",
            literal_line(given(framework.tagline), "italic"),
        )

        def block(title: str, points: list[Point], mark: str, style: str) -> None:
            text.append(f"\n\n{title}", style="bold")
            for point in points:
                text.append(f"\n{mark} ", style=style)
                text.append(literal(point.text))
                if point.criterion and point.criterion in self.catalog.criteria:
                    label = self.catalog.criteria[point.criterion].label
                    text.append(literal_name(f"  [{label}]", "dim"))

        block("Pros", list(framework.pros), "+", "green")
        block("Cons", list(framework.cons), "-", "red")
        return text

    async def rebuild(self, focus: int | None = None) -> None:
        container = self.query_one("#proscons", Horizontal)
        await container.remove_children()
        columns = self.columns()
        await container.mount_all(columns)
        if focus is not None and columns:
            columns[min(focus, len(columns) - 1)].focus()

    def focused_column(self) -> int:
        widget = self.focused
        if widget is not None and widget.id and widget.id.startswith("column-"):
            return int(widget.id.removeprefix("column-"))
        return 0

    async def action_cycle(self, step: int) -> None:
        index = self.focused_column()
        ids = list(self.catalog.frameworks)
        position = ids.index(self.shown[index])
        others = set(self.shown) - {self.shown[index]}
        for offset in range(1, len(ids)):
            candidate = ids[(position + step * offset) % len(ids)]
            if candidate not in others:  # never show one framework in two columns
                self.shown[index] = candidate
                break
        await self.rebuild(focus=index)

    async def action_add_column(self) -> None:
        if len(self.shown) >= MAX_COLUMNS:
            self.notify(f"At most {MAX_COLUMNS} columns fit side by side.")
            return
        unused = [i for i in self.catalog.frameworks if i not in self.shown]
        if unused:
            self.shown.append(unused[0])
            await self.rebuild(focus=len(self.shown) - 1)

    async def action_remove_column(self) -> None:
        if len(self.shown) <= MIN_COLUMNS:
            self.notify(f"At least {MIN_COLUMNS} columns are compared.")
            return
        index = self.focused_column()
        del self.shown[index]
        await self.rebuild(focus=max(0, index - 1))
