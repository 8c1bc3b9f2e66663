"""The export dialog for a team's decision: Markdown, JSON or the decision record."""

from __future__ import annotations

from fwtui.advisor.team import TeamResult
from fwtui.catalog.store import Catalog
from fwtui.render.team import render
from fwtui.safetext import clean
from fwtui.screens.export import ExportScreen


class TeamExportScreen(ExportScreen):
    """The recommendation's dialog (paths, overwrite question, served export dir), writing
    the team's result instead."""

    KIND_IDS = ("markdown", "json", "adr")
    SUBJECT = "the team's decision"

    def __init__(self, catalog: Catalog, team: TeamResult, kind: str = "adr") -> None:
        super().__init__(catalog, None, kind)
        self.team = team

    def content(self) -> str:
        return clean(render(self.catalog, self.team, self.kind))
