"""The matrix's detail pane: the group, criterion and fact under the cursor, literally."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual.css.styles import RulesMap
from textual.reactive import reactive
from textual.visual import visualize
from textual.widgets import Static

from fwtui.render.matrix import Detail
from fwtui.safetext import clean_name
from fwtui.widgets.sections import literal, rating_lines


def detail_text(detail: Detail) -> Text:
    """A group: its label over its description. A criterion: ``label — description``, then
    the cell's fact (framework and level, note, sources, review date) when there is one."""
    title = Text(clean_name(detail.title), "bold")
    if detail.is_group:
        return Text.assemble(title, "\n", literal(detail.description))
    lines = [Text.assemble(title, " — ", literal(detail.description))]
    if detail.rating is not None:
        lines += rating_lines(detail.rating)
    return Text("\n").join(lines)


class FactDetail(Static):
    """Set :attr:`detail` to what is under the matrix's cursor; None shows nothing."""

    @property
    def _rules(self) -> RulesMap:
        return cast("RulesMap", self.styles)  # as Widget.get_content_height passes them

    detail: reactive[Detail | None] = reactive(None)
    # Data text carries no links: Textual's hover-link check would unpickle every styled
    # segment's meta on each render (about two thirds of a long profile's first draw).
    auto_links = reactive(False)

    def watch_detail(self, detail: Detail | None) -> None:
        text = detail_text(detail) if detail is not None else Text()
        # The pane has a fixed height: a text as tall as the last one needs no new layout,
        # and is drawn with the cursor's move instead of a frame or two later.
        width, height = self.content_size
        same_height = width > 0 and visualize(self, text).get_height(self._rules, width) == height
        self.update(text, layout=not same_height)
