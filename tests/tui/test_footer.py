"""The key footer on its own and in the app: what it shows at each width, and clicks."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.screens.matrix import MatrixScreen
from fwtui.widgets.footer import KeyFooter

GROUP = Binding.Group("Screens", compact=True)


class FooterApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "pick('one')", "First", group=GROUP),
        Binding("2", "pick('two')", "Second", group=GROUP),
        Binding("x", "pick('x')", "Remove"),
        Binding("z", "pick('hidden')", "Hidden", show=False),
    ]
    picked: list[str]

    def compose(self) -> ComposeResult:
        self.picked = []
        yield KeyFooter()

    def action_pick(self, what: str) -> None:
        self.picked.append(what)


def footer_line(app: App[None]) -> str:
    footer = app.screen.query_one(KeyFooter)
    return "".join(cell.text for cell in footer.cells())


async def test_wide_footer_names_every_grouped_key_and_hides_hidden_ones() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 5)):
        line = footer_line(app)
    assert line.startswith("1 First 2 Second x Remove")
    assert "Hidden" not in line
    assert line.rstrip().endswith("^p palette")
    assert len(line) == 80


async def test_narrow_footer_collapses_a_group_to_its_keys_and_name() -> None:
    app = FooterApp()
    async with app.run_test(size=(24, 5)):
        line = footer_line(app)
    assert line.startswith("1 2 Screens x Remove")
    assert len(line) <= 24


async def test_narrowest_footer_keeps_a_groups_keys_without_its_name() -> None:
    app = FooterApp()
    async with app.run_test(size=(19, 5)):
        line = footer_line(app)
    assert line.startswith("1 2 x Remove")
    assert "Screens" not in line
    assert len(line) <= 19


async def test_a_click_on_a_key_presses_it() -> None:
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        x = footer_line(app).index("Remove")
        await pilot.click(KeyFooter, offset=(x, 0))
        await pilot.click(KeyFooter, offset=(0, 0))
        await pilot.pause()
        assert footer.item_at(x) is not None
    assert app.picked == ["x", "one"]


async def test_app_footer_names_the_modes_when_wide_and_keeps_every_key_at_80() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        wide = footer_line(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = footer_line(app)
    assert "1 Overview 2 Matrix" in wide
    assert "Filter" in wide
    assert "1 2 3 4 5 6" in narrow
    assert "v Labels" in narrow
    assert "q Quit" in narrow
    assert len(narrow) <= 80
