"""The Textual application: a thin shell over the catalog."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, Static

from fwtui.catalog import Catalog


class FwtuiApp(App[None]):
    """Browse the frameworks of a catalog."""

    TITLE = "fwtui"
    SUB_TITLE = "choose a Python web framework"

    def __init__(self, catalog: Catalog, screen: str = "overview") -> None:
        super().__init__()
        self.catalog = catalog
        self.start_screen = screen

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(f.name for f in self.catalog.frameworks.values()), id="frameworks")
        yield Static("", id="details", markup=False)
        yield Footer()
