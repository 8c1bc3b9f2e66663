"""The key footer: the screen's keys drawn as one line by one widget.

Textual's ``Footer`` builds a widget per key; every screen switch restyles each of them,
which measured about 100 ms of a 150 ms mode switch here. This footer renders the same
bindings (deduplicated by action, as ``Footer`` does) as one line of text, and redraws
only when the keys or the width change.

Where the width allows, each key of a binding group is shown with its own description
("1 Overview 2 Matrix ..."); where it does not, the group collapses to its keys and the
group's name ("1 2 3 4 5 Screens"), then to its keys alone; what still does not fit is
cut at the right, the command palette key staying at the far right. A click on a key
presses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

from fwtui.safetext import cell_width

GAP = " "
"""Between two keys."""


@dataclass(frozen=True)
class FooterItem:
    """One key as shown: what to press, what it does, and whether it can be used now."""

    key: str
    display: str
    description: str
    group: str | None
    enabled: bool
    tooltip: str


def footer_items(screen: Screen[object]) -> tuple[tuple[FooterItem, ...], FooterItem | None]:
    """The keys a footer shows for ``screen`` and, apart, the command palette's key."""
    app = screen.app
    seen: set[str] = set()
    items: list[FooterItem] = []
    palette: FooterItem | None = None
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        item = _item(binding, app.get_key_display(binding), enabled, tooltip)
        if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
            palette = item
        elif binding.show and binding.action not in seen:
            seen.add(binding.action)
            items.append(item)
    return tuple(items), palette


def _item(binding: Binding, display: str, enabled: bool, tooltip: str) -> FooterItem:
    return FooterItem(
        key=binding.key,
        display=display,
        description=binding.description,
        group=binding.group.description if binding.group is not None else None,
        enabled=enabled,
        tooltip=tooltip or binding.tooltip or binding.description,
    )


@dataclass(frozen=True)
class Cell:
    """A run of footer text, and the key it presses (None for a group's name)."""

    text: str
    item: FooterItem | None
    is_key: bool


GroupStyle = Literal["expanded", "collapsed", "keys"]
"""How a binding group is shown: each key with its description ("1 Overview 2 Matrix"),
its keys then the group's name ("1 2 Screens"), or its keys alone ("1 2")."""

GROUP_STYLES: tuple[GroupStyle, ...] = ("expanded", "collapsed", "keys")
"""From the most to the least informative: the footer takes the first that fits."""


def layout(items: tuple[FooterItem, ...], groups: GroupStyle) -> list[Cell]:
    """The footer's runs of text for ``items``, binding groups shown as ``groups`` says."""
    cells: list[Cell] = []
    index = 0
    while index < len(items):
        item = items[index]
        group = [item]
        while (
            item.group is not None
            and index + len(group) < len(items)
            and items[index + len(group)].group == item.group
        ):
            group.append(items[index + len(group)])
        index += len(group)
        if cells:
            cells.append(Cell(GAP, None, is_key=False))
        if len(group) > 1 and groups != "expanded":
            for number, member in enumerate(group):
                if number:
                    cells.append(Cell(GAP, None, is_key=False))
                cells.append(Cell(member.display, member, is_key=True))
            if groups == "collapsed" and group[0].group:
                cells.append(Cell(GAP + group[0].group, None, is_key=False))
            continue
        for number, member in enumerate(group):
            if number:
                cells.append(Cell(GAP, None, is_key=False))
            cells.append(Cell(member.display, member, is_key=True))
            if member.description:
                cells.append(Cell(GAP + member.description, member, is_key=False))
    return cells


def _palette_cells(palette: FooterItem | None) -> list[Cell]:
    if palette is None:
        return []
    return [
        Cell(palette.display, palette, is_key=True),
        Cell(GAP + palette.description, palette, is_key=False),
    ]


def width_of(cells: list[Cell]) -> int:
    return sum(cell_width(cell.text) for cell in cells)


class KeyFooter(Widget, can_focus=False):
    """The bottom line of every screen: its keys, then the command palette's key."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--disabled",
    }

    _items: tuple[FooterItem, ...] = ()
    _palette: FooterItem | None = None
    _cells: list[Cell] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen or not screen.is_current:
            # A screen left behind keeps its keys as they were, which is how they are
            # when it is shown again (its own mode key dimmed): it is redrawn at once,
            # not first with the keys as seen from another screen. ScreenResume
            # refreshes the bindings, so any other change is picked up then.
            return
        items, palette = footer_items(screen)
        if (items, palette) != (self._items, self._palette):
            self._items, self._palette = items, palette
            self._cells = None
            self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._cells = None

    def cells(self) -> list[Cell]:
        """The runs of text drawn now, from the left edge; the palette key comes last."""
        if self._cells is None:
            self._cells = self._fit(self.size.width)
        return self._cells

    def _fit(self, width: int) -> list[Cell]:
        """The most informative layout that fits: groups as in GROUP_STYLES, each first
        with the palette key's description, then without; what still does not fit is cut
        when drawn."""
        for groups in GROUP_STYLES:
            for tail in (_palette_cells(self._palette), _palette_cells(self._palette)[:1]):
                cells = layout(self._items, groups)
                room = width - width_of(tail)
                if width_of(cells) + (1 if tail else 0) <= room:
                    padding = Cell(" " * (room - width_of(cells)), None, is_key=False)
                    return [*cells, padding, *tail]
        return layout(self._items, GROUP_STYLES[-1])

    def render(self) -> Content:
        key = self.get_visual_style("key-footer--key")
        description = self.get_visual_style("key-footer--description")
        disabled = self.get_visual_style("key-footer--disabled")
        parts: list[tuple[str, Style]] = []
        for cell in self.cells():
            style = key if cell.is_key else description
            if cell.item is not None and not cell.item.enabled:
                style = disabled
            parts.append((cell.text, style))
        return Content.assemble(*parts).truncate(self.size.width)

    def item_at(self, x: int) -> FooterItem | None:
        offset = 0
        for cell in self.cells():
            offset += cell_width(cell.text)
            if x < offset:
                return cell.item
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self.item_at(event.x)
        self.tooltip = item.tooltip if item is not None else None

    def on_click(self, event: events.Click) -> None:
        item = self.item_at(event.x)
        if item is None:
            return
        event.stop()
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
