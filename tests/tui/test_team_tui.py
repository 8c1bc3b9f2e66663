"""The Team screen and the wizard's named answers, through the Pilot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from textual.widgets import Input, Static

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.screens.export import ExportScreen
from fwtui.screens.help import HelpScreen
from fwtui.screens.name import NameScreen
from fwtui.screens.team import NOTHING_YET, TeamScreen, split_paths
from fwtui.screens.team_export import TeamExportScreen
from fwtui.screens.wizard import WizardScreen
from helpers import cli
from teams import write_team


def text_of(app: FwtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    return write_team(tmp_path / "team")


async def load(pilot: object, app: FwtuiApp, text: str) -> None:
    box = app.screen.query_one("#team-paths", Input)
    box.value = text
    box.focus()
    await pilot.press("enter")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def test_paths_are_split_like_a_shell() -> None:
    assert split_paths("a.yaml 'my team/b.yaml'") == [Path("a.yaml"), Path("my team/b.yaml")]
    assert split_paths("") == []


async def test_key_6_opens_the_team_and_help_lists_it() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        assert isinstance(app.screen, TeamScreen)
        await pilot.press("o")
        assert isinstance(app.screen.focused, Input)
        await pilot.press("escape", "2", "6")  # the mode keys work once out of the path box
        assert isinstance(app.screen, TeamScreen)
        await pilot.press("2", "f1")
        assert isinstance(app.screen, HelpScreen)
        rendered = " ".join(str(cell) for cell in app.screen.table.columns[1].cells)
        assert "Team" in rendered  # the mode key, from another screen
        await pilot.press("escape", "6", "f1")
        rendered = " ".join(str(cell) for cell in app.screen.table.columns[1].cells)
        assert "Markdown, JSON or ADR" in rendered  # the screen's own export key


async def test_the_palette_offers_the_team_screen() -> None:
    from fwtui.palette import JumpProvider

    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)):
        provider = JumpProvider(app.screen)
        names = [name for name, _, _ in provider._targets()]
        assert "Screen: Team" in names


async def test_a_folder_shows_everyone_side_by_side_and_exports_the_adr(
    team_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = FwtuiApp(bundled_catalog(), screen="team")
    async with app.run_test(size=(100, 40)) as pilot:
        await load(pilot, app, str(team_dir))
        shown = text_of(app, "#team-result-text")
        assert "Consensus pick:" in shown
        assert "Team    Ana    Ben   Cleo" in shown  # a column per person
        assert "Disagreements" in shown
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, TeamExportScreen)
        assert dialog.kind == "adr"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    record = (tmp_path / "0001-web-framework.md").read_text(encoding="utf-8")
    assert "decision-makers: Ana (tech lead), Ben" in record
    assert "consulted: Cleo" in record


async def test_a_broken_file_is_one_line_naming_it(team_dir: Path) -> None:
    (team_dir / "zed.yaml").write_text("answers: [", encoding="utf-8")
    app = FwtuiApp(bundled_catalog(), screen="team")
    async with app.run_test(size=(80, 24)) as pilot:
        await load(pilot, app, str(team_dir))
        error = text_of(app, "#team-error")
        assert "zed.yaml" in error
        assert "\n" not in error.strip()
        assert text_of(app, "#team-result-text") == NOTHING_YET
        await pilot.press("e")
        assert isinstance(app.screen, TeamScreen)  # nothing to export


async def test_the_wizard_asks_for_a_name_when_saving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        for _ in range(30):
            if screen.result is not None:
                break
            await pilot.press("enter")
        await pilot.press("w")
        assert isinstance(app.screen, NameScreen)
        await pilot.press(*"Dana", "enter")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert dialog.kind == "answers"
        await pilot.press("enter")
        await pilot.pause()
    saved = yaml.safe_load((tmp_path / "fwtui-answers.yaml").read_text(encoding="utf-8"))
    assert saved["who"] == "Dana"
    write_team(tmp_path / "team")  # the wizard's file joins three others
    (tmp_path / "fwtui-answers.yaml").rename(tmp_path / "team" / "dana.yaml")
    team = cli("team", str(tmp_path / "team"), "--format", "json")
    assert team.returncode == 0, team.stderr
    assert [p["who"] for p in json.loads(team.stdout)["people"]] == ["Ana", "Ben", "Cleo", "Dana"]
