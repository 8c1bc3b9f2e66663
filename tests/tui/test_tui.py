"""The TUI driven by key presses through Textual's Pilot, on the real bundled catalog."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import cast

import pytest
from rich.text import Text
from textual._compositor import CompositorUpdate
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, RadioSet, SelectionList, Static
from textual.widgets._toast import Toast

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog, load_catalog
from fwtui.catalog.models import Point
from fwtui.catalog.store import Catalog
from fwtui.screens.confirm import ConfirmScreen
from fwtui.screens.export import ExportScreen
from fwtui.screens.guide import GuideScreen
from fwtui.screens.help import HelpScreen
from fwtui.screens.matrix import MatrixScreen
from fwtui.screens.overview import OverviewScreen
from fwtui.screens.pick_frameworks import PickFrameworksScreen
from fwtui.screens.proscons import ProsConsScreen
from fwtui.screens.team import TeamScreen
from fwtui.screens.wizard import WizardScreen
from helpers import bundled_framework, cli, run_cli, write_framework


def static_text(app: FwtuiApp, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Text) else str(content)


def table(app: FwtuiApp) -> DataTable[Text]:
    return app.screen.query_one("#matrix-table", DataTable)


class Notices(list[Notification]):
    """Every notification the app receives, in order: ``run_test(message_hook=...)``."""

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification)

    def messages(self) -> list[str]:
        return [notice.message for notice in self]


@pytest.mark.parametrize(
    ("mode", "screen_class"),
    [
        ("overview", OverviewScreen),
        ("matrix", MatrixScreen),
        ("proscons", ProsConsScreen),
        ("guide", GuideScreen),
        ("wizard", WizardScreen),
        ("team", TeamScreen),
    ],
)
async def test_start_screen_option(mode: str, screen_class: type) -> None:
    app = FwtuiApp(bundled_catalog(), screen=mode)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, screen_class)


async def test_number_keys_switch_modes_and_q_quits() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        for key, screen_class in [
            ("2", MatrixScreen),
            ("3", ProsConsScreen),
            ("4", GuideScreen),
            ("5", WizardScreen),
            ("1", OverviewScreen),
        ]:
            await pilot.press(key)
            assert isinstance(app.screen, screen_class), key
        await pilot.press("q")
    assert app.return_code == 0


async def test_overview_follows_the_highlighted_framework() -> None:
    catalog = bundled_catalog()
    names = [f.name for f in catalog.frameworks.values()]
    app = FwtuiApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        assert static_text(app, "#framework-profile").startswith(names[0])
        await pilot.press("j")
        assert static_text(app, "#framework-profile").startswith(names[1])
        await pilot.press("down", "k")
        assert static_text(app, "#framework-profile").startswith(names[1])
        await pilot.press("G")
        assert static_text(app, "#framework-profile").startswith(names[-1])
        await pilot.press("g")
        assert static_text(app, "#framework-profile").startswith(names[0])
        profile = static_text(app, "#framework-profile")
        django = catalog.frameworks["django"]
        assert django.license in profile
        assert django.latest.version in profile


async def test_matrix_diff_filter_group_and_sort() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="matrix")
    async with app.run_test(size=(120, 40)) as pilot:
        full = table(app).row_count
        assert len(table(app).columns) == len(catalog.frameworks) + 1
        await pilot.press("c")
        assert isinstance(app.screen, PickFrameworksScreen)
        # keep only the first two frameworks: untick the others
        picker = app.screen.query_one(SelectionList)
        for value in list(catalog.frameworks)[2:]:
            picker.deselect(value)
        await pilot.press("enter")
        assert len(table(app).columns) == 3
        await pilot.press("d")
        assert table(app).row_count < full
        await pilot.press("escape")
        assert table(app).row_count == full
        await pilot.press("slash")
        await pilot.press(*"admin")
        await pilot.press("enter")
        assert 1 < table(app).row_count < full
        assert "admin" in static_text(app, "#matrix-status")
        await pilot.press("escape")
        await pilot.press("f")
        group_rows = table(app).row_count
        assert group_rows < full
        first_group = next(iter(catalog.groups.values())).label
        assert first_group in static_text(app, "#matrix-status")
        await pilot.press("escape")
        # the detail panel shows the fact under the cursor
        row_key, column_key = app.screen.current()
        assert row_key in catalog.criteria
        fact = catalog.frameworks[column_key].facts[row_key]
        assert fact.note[:30] in static_text(app, "#matrix-note").replace("\n", " ")
        await pilot.press("s")
        assert "sorted by" in static_text(app, "#matrix-status")


async def test_matrix_vim_keys_move_the_cursor() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        start = table(app).cursor_coordinate
        await pilot.press("j", "l")
        moved = table(app).cursor_coordinate
        assert (moved.row, moved.column) == (start.row + 1, start.column + 1)
        await pilot.press("k", "h")
        assert table(app).cursor_coordinate == start


async def test_pros_cons_columns() -> None:
    catalog = bundled_catalog()
    ids = list(catalog.frameworks)
    app = FwtuiApp(catalog, screen="proscons")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ProsConsScreen)
        assert screen.shown == ids[:2]
        await pilot.press("n")
        assert screen.shown == [ids[2], ids[1]]  # skips Flask, already in the other column
        await pilot.press("p")
        assert screen.shown == ids[:2]
        await pilot.press("a")
        assert len(screen.shown) == 3
        await pilot.press("a")
        assert len(screen.shown) == 3
        await pilot.press("x")
        assert len(screen.shown) == 2
        await pilot.press("x")
        assert len(screen.shown) == 2


async def test_guide_lists_topics_and_faq() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="guide")
    async with app.run_test(size=(80, 24)) as pilot:
        first_topic = next(iter(catalog.topics.values()))
        assert static_text(app, "#guide-text").startswith(first_topic.title)
        await pilot.press("j")
        second = list(catalog.topics.values())[1]
        assert static_text(app, "#guide-text").startswith(second.title)
        entries = app.screen.query_one("#guide-list", OptionList)
        assert entries.option_count >= len(catalog.topics) + len(catalog.faq)


async def test_the_guide_text_follows_the_cursor_before_the_next_frame() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="guide")
    async with app.run_test(size=(80, 24)):
        entries = app.screen.query_one("#guide-list", OptionList)
        entries.action_cursor_down()  # nothing awaited: no message goes round first
        second = list(catalog.topics.values())[1]
        assert static_text(app, "#guide-text").startswith(second.title)


async def test_the_profile_follows_the_cursor_before_the_next_frame() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="overview")
    async with app.run_test(size=(80, 24)):
        app.screen.query_one("#framework-list", OptionList).action_cursor_down()
        second = list(catalog.frameworks.values())[1]
        assert app.screen.sub_title == second.name  # nothing awaited: no message went round
        assert second.name in static_text(app, "#framework-profile")


async def test_a_choice_s_help_follows_the_cursor_before_the_next_frame() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        choices = screen.current_question().choices
        single = screen.query_one("#wizard-single", OptionList)
        before = single.highlighted
        assert before is not None
        single.action_cursor_down()
        assert single.highlighted == before + 1
        assert choices[before].help != choices[before + 1].help
        assert static_text(app, "#wizard-choice-help") == choices[before + 1].help  # no await


async def test_help_lists_the_bindings_of_the_screen_below() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rendered = " ".join(str(cell) for cell in app.screen.table.columns[1].cells)
        assert "Only rows that differ" in rendered
        assert "Matrix" in rendered
        await pilot.press("escape")
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_palette_jumps_to_a_criterion() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Criterion: Admin interface")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MatrixScreen)
        assert app.screen.current()[0] == "admin"


WIZARD_KEYS = {
    # question id -> keys pressed on that step
    "project_kind": ["home", "down", "enter"],  # microservice
    "realtime": ["down", "down", "down", "enter"],  # essential
    "scale": ["enter"],
    "team_experience": ["up", "enter"],  # beginners
    "builtins": ["down", "space", "down", "down", "space", "enter"],  # auth, migrations
}


def section(text: str, title: str) -> str:
    """The lines under the heading ``title`` up to the next blank line, unwrapped."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start)
    return " ".join(" ".join(lines[start:end]).split())


async def test_full_wizard_run_matches_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # one date for the ADR and the CLI
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="wizard")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        assert "Step 1 of" in static_text(app, "#wizard-step")
        while screen.result is None:
            question = screen.current_question()
            await pilot.press(*WIZARD_KEYS.get(question.id, ["enter"]))
        answers = screen.result.answers
        assert answers["project_kind"] == ("microservice",)
        assert answers["realtime"] == ("essential",)
        assert answers["team_experience"] == ("beginner",)
        assert answers["builtins"] == ("auth", "migrations")
        shown = static_text(app, "#wizard-result-text")
        args = [f"--answer={q}={','.join(c)}" for q, c in answers.items()]
        text = cli("recommend", *args)
        assert text.returncode == 0, text.stderr
        expected_order = [
            line.split()[1]
            for line in text.stdout.splitlines()
            if line[:4].strip().rstrip(".").isdigit()
        ]
        shown_order = [
            line.split()[1] for line in shown.splitlines() if line[:4].strip().rstrip(".").isdigit()
        ]
        assert shown_order == expected_order
        # The wizard shows the answers it ranked for: the CLI's, labels and all.
        labels = {c.id: c.label for c in catalog.questions["project_kind"].choices}
        assert labels["microservice"] in section(shown, "Answers")
        assert section(shown, "Answers") == section(text.stdout, "Answers")
        # back keeps answers, then export the ADR through the dialog
        await pilot.press("b")
        assert screen.result is None
        await pilot.press("enter")
        assert screen.result is not None
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert isinstance(dialog.focused, RadioSet)  # the kinds first: Markdown, JSON, ADR
        await pilot.press("down", "down", "tab")
        assert dialog.kind == "adr"
        path_box = dialog.query_one("#export-path", Input)
        assert path_box.value == "0001-web-framework.md"
        path_box.value = str(tmp_path / "0001-web-framework.md")
        await pilot.press("enter")
        assert app.screen is screen
    saved = (tmp_path / "0001-web-framework.md").read_text(encoding="utf-8")
    adr = cli("recommend", *args, "--format", "adr")
    assert adr.returncode == 0, adr.stderr
    headings = [line for line in adr.stdout.splitlines() if line.startswith("## ")]
    assert "## Decision Outcome" in headings
    assert [line for line in saved.splitlines() if line.startswith("## ")] == headings
    assert saved == adr.stdout


async def test_wizard_back_skip_and_conditional_question() -> None:
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        total_greenfield = len(screen.asked())
        while screen.current_question().id != "existing_code":
            await pilot.press("enter")
        await pilot.press("home", "down", "enter")  # extend: which framework it runs on
        assert len(screen.asked()) == total_greenfield + 1
        assert screen.current_question().id == "extends_framework"
        await pilot.press("b")
        assert screen.current_question().id == "existing_code"
        assert screen.query_one("#wizard-single", OptionList).highlighted == 1
        await pilot.press("s")  # skip: default (a new project) again, no framework question
        assert screen.current_question().id == "team_knows"
        assert len(screen.asked()) == total_greenfield


async def test_last_answers_are_offered_on_the_next_start() -> None:
    catalog = bundled_catalog()
    app = FwtuiApp(catalog, screen="wizard")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "enter")  # prototype
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        while screen.result is None:
            await pilot.press("enter")
    again = FwtuiApp(catalog, screen="wizard")
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        await pilot.press("y")
        wizard = again.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.given["project_kind"] == ("prototype",)


async def test_corrupt_state_file_is_ignored_with_a_notice() -> None:
    state = Path(os.environ["FWTUI_STATE_DIR"])
    state.mkdir(parents=True, exist_ok=True)
    (state / "last-answers.yaml").write_bytes(b"answers: [\x00")
    app = FwtuiApp(bundled_catalog(), screen="wizard")
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert any("Ignored the saved answers" in n.message for n in notices)


def write_keys(text: str) -> None:
    """Write the user's keys.yaml in the test's own config dir."""
    config = Path(os.environ["FWTUI_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "keys.yaml").write_text(text, encoding="utf-8")


async def test_user_keymap_remaps_a_binding() -> None:
    write_keys("mode.matrix: m\nno.such.binding: x\n")
    app = FwtuiApp(bundled_catalog())
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, MatrixScreen)
        assert any("no.such.binding" in n.message for n in notices)


async def test_user_keymap_takes_digits_and_reports_keys_that_do_not_exist() -> None:
    write_keys("mode.matrix: 6\napp.quit: 'a b'\n")
    app = FwtuiApp(bundled_catalog())
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("6")
        assert isinstance(app.screen, MatrixScreen)
        messages = notices.messages()
        assert any("app.quit: 'a b' is not a key" in message for message in messages)
        await pilot.press("q")  # the default stays when the remap is refused
    assert app.return_code == 0


async def test_keys_reach_the_table_after_the_terminal_was_too_small() -> None:
    app = FwtuiApp(bundled_catalog(), screen="matrix")
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.focused is table(app)
        await pilot.press("j", "d")
        assert app.screen.query_one("#matrix-filter").value == ""
        assert table(app).row_count > 0


async def test_too_small_terminal_says_how_big_it_must_be() -> None:
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        assert "needs at least 60x15" in static_text(app, "#too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")


MARKUP = "[bold red]Evil[/] [@click=app.quit]click[/] \x1b[31mred"


async def test_markup_and_escapes_from_data_are_shown_literally(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data.update(id="evil", name=MARKUP, tagline=MARKUP, summary=MARKUP)
    data["pros"][0]["text"] = MARKUP
    data["facts"]["orm"]["note"] = MARKUP
    write_framework(tmp_path, data)
    catalog = load_catalog([tmp_path])
    app = FwtuiApp(catalog)
    position = list(catalog.frameworks).index("evil")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", *["j"] * position)
        profile = static_text(app, "#framework-profile")
        assert "[bold red]Evil[/] [@click=app.quit]click[/] \\x1b[31mred" in profile
        assert "\x1b" not in profile
        await pilot.click("#framework-profile")
        await pilot.press("2")
        assert isinstance(app.screen, MatrixScreen)
    assert app.return_code is None or app.return_code == 0


def test_tui_without_a_terminal_exits_2() -> None:
    result = run_cli()  # a subprocess: its own standard streams are not terminals
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


async def test_a_global_key_remapped_onto_a_screen_key_is_reported() -> None:
    write_keys("app.help: h\n")
    app = FwtuiApp(bundled_catalog())
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.pause()
        messages = notices.messages()
        assert any("app.help: 'h' is also move.left in FwOptionList" in m for m in messages)


# ------------------------------------------------- hostile text never acts in the TUI

PAYLOADS = (
    "\x1b]52;c;SEVJTA==\x07",  # OSC 52: set the clipboard
    "\x1b]0;PWNED\x07",  # OSC 0: set the window title
    "\x9b31m",  # 8-bit CSI
    "\u202e",  # right-to-left override
    "[/users/{id}]",  # markup that does not parse: crashed the palette
    "[link=https://evil.example]click[/link]",  # a link with deceptive text
    "[@click=app.quit]x[/]",  # an action run when clicked
)
HOSTILE = "Evil " + " ".join(PAYLOADS)
# What must never reach the terminal: the raw sequences, and any hyperlink (OSC 8).
RAW = ("\x1b]52", "\x1b]0;", "\x9b", "\u202e", "\x1b]8;", "\x07")


def hostile_catalog() -> Catalog:
    """The bundled catalog with hostile text in every free-text field the TUI shows.

    Built with ``model_copy``, which does not validate: the TUI must be safe on its own,
    whatever the loader does to such strings.
    """
    catalog = bundled_catalog()

    def points(items: tuple[Point, ...] | list[Point]) -> list[Point]:
        return [p.model_copy(update={"text": HOSTILE}) for p in items]

    first_id, first = next(iter(catalog.frameworks.items()))
    evil = first.model_copy(
        update={
            "name": HOSTILE,
            "tagline": HOSTILE,
            "summary": HOSTILE,
            "philosophy": HOSTILE,
            "python": HOSTILE,
            "key_features": [HOSTILE],
            "use_cases": [HOSTILE],
            "when_to_choose": [HOSTILE],
            "example_apps": [HOSTILE],
            "pros": points(first.pros),
            "cons": points(first.cons),
            "toolkit": [
                c.model_copy(update={"name": HOSTILE, "role": HOSTILE}) for c in first.toolkit
            ],
            "ecosystem": [
                e.model_copy(update={"name": HOSTILE, "note": HOSTILE}) for e in first.ecosystem
            ],
            "facts": {k: f.model_copy(update={"note": HOSTILE}) for k, f in first.facts.items()},
        }
    )
    frameworks = {**catalog.frameworks, first_id: evil}
    criteria = {
        cid: c.model_copy(update={"label": HOSTILE, "description": HOSTILE})
        for cid, c in catalog.criteria.items()
    }
    groups = {
        gid: g.model_copy(update={"label": HOSTILE, "description": HOSTILE})
        for gid, g in catalog.groups.items()
    }
    questions = {
        qid: q.model_copy(
            update={
                "prompt": HOSTILE,
                "help": HOSTILE,
                "choices": [
                    c.model_copy(update={"label": f"{c.id} {HOSTILE}", "help": HOSTILE})
                    for c in q.choices
                ],
            }
        )
        for qid, q in catalog.questions.items()
    }
    topics = {
        tid: t.model_copy(update={"title": HOSTILE, "body": HOSTILE})
        for tid, t in catalog.topics.items()
    }
    faq = {
        fid: f.model_copy(update={"question": HOSTILE, "answer": HOSTILE})
        for fid, f in catalog.faq.items()
    }
    return dataclasses.replace(
        catalog,
        frameworks=frameworks,
        criteria=criteria,
        groups=groups,
        questions=questions,
        topics=topics,
        faq=faq,
    )


def record_output(app: FwtuiApp) -> list[str]:
    """Every screen update the app sends its terminal, as the text the driver would write."""
    written: list[str] = []
    display = app._display

    def recording(screen: Screen[object], renderable: object) -> None:
        if isinstance(renderable, CompositorUpdate):
            written.append(renderable.render_segments(app.console))
        display(screen, renderable)  # type: ignore[arg-type]

    app._display = recording  # type: ignore[method-assign]
    return written


def full_frame(app: FwtuiApp) -> str:
    """What a full redraw of the current screen (and the screens below it) writes."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    return cast(CompositorUpdate, update).render_segments(app.console)


def assert_inert(frames: list[str]) -> None:
    for frame in frames:
        for raw in RAW:
            assert raw not in frame, f"{raw!r} reached the terminal"


async def test_hostile_text_is_inert_on_every_screen_the_palette_and_help() -> None:
    app = FwtuiApp(hostile_catalog())
    written = record_output(app)
    frames: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # The header: the overview's sub-title is the first framework's name.
        assert "\x1b" not in app.format_title(app.title, app.screen.sub_title or "").plain
        frames.append(full_frame(app))
        assert "[@click=app.quit]x[/]" in static_text(app, "#framework-profile")
        await pilot.press("2")
        assert isinstance(app.screen, MatrixScreen)
        await pilot.press("f")  # the status line names the group
        assert "[/users/{id}]" in static_text(app, "#matrix-status")
        await pilot.press("s")  # ... and the criterion sorted by
        frames.append(full_frame(app))
        await pilot.press("escape", "slash")
        box = app.screen.query_one("#matrix-filter", Input)
        box.value = "\x1b]0;PWNED\x07 \u202e"  # as if pasted
        await pilot.pause()
        assert box.value == "\\x1b]0;PWNED\\x07 \\u202e"
        box.value = "[/users/{id}] [link=https://evil.example]click[/link]"
        await pilot.pause()
        status = static_text(app, "#matrix-status")
        assert "filter: [/users/{id}] [link=https://evil.example]click[/link]" in status
        frames.append(full_frame(app))
        await pilot.press("escape")
        for key in ("3", "4"):
            await pilot.press(key)
            await pilot.press("j", "j")
            frames.append(full_frame(app))
        await pilot.press("5")
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        frames.append(full_frame(app))
        while wizard.result is None:
            await pilot.press("enter")
        frames.append(full_frame(app))
        await pilot.press("ctrl+p")
        await pilot.press(*"Evil")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        palette = full_frame(app)
        assert "[/users/{id}]" in palette  # help texts shown, literally
        frames.append(palette)
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        frames.append(full_frame(app))
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_code == 0
    assert written, "no screen update was recorded"
    assert_inert(written + frames)
    assert not any("\x1b]8;" in frame for frame in written)


async def test_palette_search_over_hostile_names_jumps_and_does_not_crash() -> None:
    catalog = hostile_catalog()
    app = FwtuiApp(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Criterion: Evil")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MatrixScreen)
        assert app.screen.current()[0] in catalog.criteria
    assert app.return_code in (None, 0)


async def test_a_notice_quoting_keys_yaml_is_literal_and_clicking_it_runs_nothing() -> None:
    write_keys('"[@click=app.quit]x[/]": m\n"mode.matrix": "\\e]0;PWNED\\a"\n')
    app = FwtuiApp(bundled_catalog())
    notices = Notices()
    async with app.run_test(size=(100, 30), notifications=True, message_hook=notices) as pilot:
        await pilot.pause()
        assert notices
        assert all(not n.markup for n in notices)
        assert any("'[@click=app.quit]x[/]'" in n.message for n in notices)
        assert not any("\x1b" in n.message or "\x07" in n.message for n in notices)
        toasts = list(app.screen.query(Toast))
        shown = " ".join(toast.render().plain for toast in toasts)
        assert "[@click=app.quit]x[/]" in shown
        for toast in toasts:
            await pilot.click(toast, offset=(4, 1))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert_inert([full_frame(app)])


async def test_notify_is_sanitised_and_never_markup() -> None:
    app = FwtuiApp(bundled_catalog())
    notices = Notices()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=notices) as pilot:
        app.notify("[/users/{id}] \x1b]0;PWNED\x07", title="[b]t\x9b")
        app.screen.notify("[@click=app.quit]x[/]")
        await pilot.pause()
        messages = [(n.title, n.message, n.markup) for n in notices]
        assert ("[b]t\\x9b", "[/users/{id}] \\x1b]0;PWNED\\x07", False) in messages
        assert ("", "[@click=app.quit]x[/]", False) in messages
        assert_inert([full_frame(app)])


# Every value each loader cannot build is tested on the loaders themselves
# (test_untrusted_files.py); here each file meets one of them, in the running app.
@pytest.mark.parametrize(
    ("where", "name", "body", "screen", "notice", "value"),
    [
        (
            "state",
            "settings.yaml",
            "theme: {}\n",
            "overview",
            "Ignored the saved settings",
            "2026-02-30",
        ),
        ("config", "keys.yaml", "mode.matrix: {}\n", "overview", "keys.yaml", "!!int junk"),
        (
            "state",
            "last-answers.yaml",
            "fwtui_version: '1'\nschema_version: {}\ndata_version: x\ncatalog_hash: x\n",
            "wizard",
            "Ignored the saved answers",
            "9" * 5000,
        ),
    ],
    ids=["settings-an impossible date", "keys-!!int on text", "last-answers-a 5000-digit integer"],
)
async def test_a_bad_config_or_state_file_is_one_notice_not_a_crash(
    where: str, name: str, body: str, screen: str, notice: str, value: str
) -> None:
    env = {"state": "FWTUI_STATE_DIR", "config": "FWTUI_CONFIG_DIR"}[where]
    folder = Path(os.environ[env])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(body.format(value), encoding="utf-8")
    app = FwtuiApp(bundled_catalog(), screen=screen)
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.pause()
        about_it = [n.message for n in notices if notice in n.message]
        assert len(about_it) == 1, notices.messages()
        assert len(about_it[0]) < 600
        assert "Traceback" not in about_it[0]
        await pilot.press("2", "1")
        assert isinstance(app.screen, OverviewScreen)
    assert app.return_code in (None, 0)
