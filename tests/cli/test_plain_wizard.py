"""`fwtui wizard --plain`: the wizard line by line on standard input and output, in-process
with real input text, ending in the same result and exports as `fwtui recommend`."""

from __future__ import annotations

from pathlib import Path

from fwtui.catalog.loader import bundled_catalog
from helpers import cli

CATALOG = bundled_catalog()
QUESTIONS = list(CATALOG.questions.values())


def number(question_id: str, choice_id: str) -> str:
    choices = [choice.id for choice in CATALOG.questions[question_id].choices]
    return str(choices.index(choice_id) + 1)


def prompts(stdout: str) -> list[str]:
    """The prompts of the questions asked, in order."""
    return [line.split(": ", 1)[1] for line in stdout.splitlines() if line.startswith("Question ")]


def test_enter_takes_the_defaults_and_when_is_honoured(tmp_path: Path) -> None:
    out = tmp_path / "plain.json"
    website = number("project_kind", "website")
    result = cli("wizard", "--plain", "--format", "json", "--output", str(out),
                 stdin=website + "\n" + "\n" * 30)  # fmt: skip
    assert result.returncode == 0, result.stderr
    extends = CATALOG.questions["extends_framework"]
    assert extends.when is not None
    assert "greenfield" not in (extends.when.any_of or [])  # the default opens nothing
    asked = prompts(result.stdout)
    assert extends.prompt not in asked
    assert asked == [q.prompt for q in QUESTIONS if q.when is None][: len(asked)]
    same = cli("recommend", "--answer", "project_kind=website", "--format", "json")
    assert out.read_text(encoding="utf-8") == same.stdout


def test_a_choice_that_opens_a_question_asks_it(tmp_path: Path) -> None:
    extend = number("existing_code", "extend")
    result = cli("wizard", "--plain", stdin="\n\n" + extend + "\n" + "\n" * 30)
    assert result.returncode == 0, result.stderr
    assert CATALOG.questions["extends_framework"].prompt in prompts(result.stdout)
    text = cli("recommend", "--answer", "existing_code=extend").stdout
    assert result.stdout.endswith("\n\n" + text)


def test_help_bad_input_and_going_back(tmp_path: Path) -> None:
    first = QUESTIONS[0]
    lines = ["?", "nonsense", number(first.id, first.default[0]), "b", "", "q"]
    result = cli("wizard", "--plain", stdin="\n".join(lines) + "\n")
    assert result.returncode == 130
    assert first.help.split()[0] in result.stdout  # the question's own help
    assert f"  1) {first.choices[0].label}: " in result.stdout  # each choice with its help
    assert "'nonsense' is not a choice: type a number from 1 to " in result.stdout
    asked = prompts(result.stdout)
    assert len(asked) == 4  # first, second, b: first again, Enter keeps it: second again
    assert asked[0] == asked[2] == first.prompt
    assert asked[1] == asked[3] != first.prompt
    assert result.stderr == "fwtui: stopped before the last question; nothing was written\n"


def test_multi_choice_by_numbers_or_ids_and_saved_answers_replay(tmp_path: Path) -> None:
    answers = tmp_path / "a" / "answers.yaml"
    picks = {"project_kind": number("project_kind", "cms"), "builtins": "admin, 3"}
    lines = [picks.get(q.id, "") for q in QUESTIONS if q.when is None]
    result = cli("wizard", "--plain", "--save-answers", str(answers),
                 stdin="\n".join(lines) + "\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    saved = answers.read_text(encoding="utf-8")
    orm = CATALOG.questions["builtins"].choices[2].id
    assert f"  builtins:\n  - admin\n  - {orm}\n" in saved
    replay = cli("recommend", "--answers", str(answers))
    assert result.stdout.endswith("\n\n" + replay.stdout)


def test_input_that_ends_early_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "result.md"
    result = cli("wizard", "--plain", "--format", "markdown", "--output", str(out), stdin="1\n")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("fwtui: the input ended at question 2 (")
    assert line.endswith("); nothing was written")
    assert not out.exists()
    assert "Traceback" not in result.stderr


def test_result_options_without_plain_are_a_usage_error() -> None:
    result = cli("wizard", "--format", "json")
    assert result.returncode == 2
    assert (
        result.stderr
        == "fwtui: error: --format, --output, --save-answers, --who and --role need --plain\n"
    )


def test_the_wizard_without_a_terminal_points_to_plain() -> None:
    result = cli("wizard")
    assert result.returncode == 2
    assert "`fwtui wizard --plain`" in result.stderr
