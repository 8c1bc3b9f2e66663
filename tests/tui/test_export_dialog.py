"""The export dialog through the Pilot: the highlighted kind is the one written, the file
name follows the kind, a mismatch is a warning, an existing file is written over only
after a yes, and the footer shows the dialog's own keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Label, RadioSet

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from fwtui.screens.confirm import ConfirmScreen
from fwtui.screens.export import ExportScreen, ending_problem, follow_kind
from fwtui.screens.wizard import WizardScreen
from fwtui.widgets.footer import footer_items


async def finish_wizard(pilot: object, app: FwtuiApp) -> WizardScreen:
    screen = app.screen
    assert isinstance(screen, WizardScreen)
    for _ in range(30):
        if screen.result is not None:
            break
        await pilot.press("enter")  # type: ignore[attr-defined]
    assert screen.result is not None
    return screen


def label_text(dialog: ExportScreen, selector: str) -> str:
    return str(dialog.query_one(selector, Label).render())


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        ("fwtui-recommendation.md", "markdown", "json", "fwtui-recommendation.json"),
        ("docs/0001-web-framework.md", "adr", "answers", "docs/fwtui-answers.yaml"),
        ("b2b.json", "json", "adr", "b2b.md"),
        ("b2b.md", "markdown", "adr", "b2b.md"),
        ("notes.txt", "markdown", "json", "notes.txt"),
        ("", "markdown", "json", "fwtui-recommendation.json"),
    ],
)
def test_the_file_name_follows_the_kind(path: str, old: str, new: str, expected: str) -> None:
    assert follow_kind(path, old, new) == expected


def test_a_name_that_does_not_fit_the_kind_is_a_warning() -> None:
    assert ending_problem("b2b.md", "markdown") is None
    assert ending_problem("answers.YML", "answers") is None
    warning = ending_problem("b2b.json", "adr")
    assert warning is not None
    assert ".json" in warning
    assert ".md" in warning
    assert "no ending" in (ending_problem("README", "json") or "")


async def test_following_the_hint_writes_the_highlighted_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_wizard(pilot, app)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert isinstance(dialog.focused, RadioSet)  # the kinds come first, as the hint says
        keys = {item.description for item in footer_items(dialog)[0]}
        assert {"Write", "Cancel"} <= keys
        assert "Export" not in keys  # not the result screen's keys
        path = dialog.query_one("#export-path", Input)
        await pilot.press("down")  # ↑↓ choose: JSON, nothing else pressed
        assert dialog.kind == "json"
        assert path.value == "fwtui-recommendation.json"
        await pilot.press("tab")
        assert dialog.focused is path
        path.value = "b2b.md"
        await pilot.pause()
        assert ".md" in label_text(dialog, "#export-warning")  # a name unlike the kind
        await pilot.press("shift+tab", "down")  # the decision record: the name fits again
        assert dialog.kind == "adr"
        assert path.value == "b2b.md"
        assert label_text(dialog, "#export-warning") == ""
        await pilot.press("enter")
        assert app.screen is not dialog
    written = (tmp_path / "b2b.md").read_text(encoding="utf-8")
    assert "## Decision Outcome" in written


async def test_writing_over_an_existing_file_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "fwtui-recommendation.json"
    target.write_text("keep me", encoding="utf-8")
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_wizard(pilot, app)
        await pilot.press("e", "down")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is dialog
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen | ConfirmScreen)
    assert "ranking" in json.loads(target.read_text(encoding="utf-8"))
