"""Every kind of bad data gives `FILE:LINE: field.path: message`, exit 1, no traceback.

Each test writes a user data directory and runs the CLI on it, in-process; data that used
to hang or explode the loader is validated in a subprocess with a timeout instead.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from fwtui.catalog.yamlsafe import MAX_DEPTH, MAX_FILE_BYTES
from helpers import bundled_framework, cli, line_of, run_cli, write_framework

GUIDE_ENTRY = """\
faq:
  - id: my_question
    question: Which one do we use?
    answer: The one in our ADR.
    sources: [https://docs.djangoproject.com/]
    last_reviewed: 2026-01-05
"""


def validate(directory: Path, *, could_hang: bool = False) -> tuple[int, list[str]]:
    """``fwtui validate DIRECTORY``; ``could_hang`` runs it in a subprocess that is given
    30 s (it takes well under one), so that a loader that hangs fails the test."""
    if could_hang:
        result = run_cli("validate", str(directory), timeout=30)
    else:
        result = cli("validate", str(directory))
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stderr.splitlines()


def assert_problem(lines: list[str], file: Path, line: int, path: str, *fragments: str) -> None:
    prefix = f"{file}:{line}: {path}: " if path else f"{file}:{line}: "
    matching = [entry for entry in lines if entry.startswith(prefix)]
    assert matching, f"no problem starting with {prefix!r} in:\n" + "\n".join(lines)
    for fragment in fragments:
        assert any(fragment in entry for entry in matching), (fragment, matching)


def test_yaml_syntax_error(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text("faq:\n  - id: a\n    question: [unclosed\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert any(re.match(rf"{re.escape(str(guide))}:\d+: YAML syntax error: ", x) for x in lines)


def test_wrong_type(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text(GUIDE_ENTRY.replace("2026-01-05", "last tuesday"), encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 6, "faq[0].last_reviewed", "date")


def test_unknown_key_lists_valid_keys(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text(GUIDE_ENTRY + "    colour: red\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 7, "faq[0].colour", "unknown key", "(valid: id, question")


def test_duplicate_key(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text(GUIDE_ENTRY + "    answer: A second answer.\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(
        lines, guide, 7, "faq[0].answer", "duplicate key 'answer'", "first defined on line 4"
    )


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data["id"] = "mine"
    first = write_framework(tmp_path, data, "mine")
    second = first.with_suffix(".yml")
    second.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, second, 1, "id", "duplicate framework id 'mine'", "mine.yaml:1")


def test_a_framework_file_must_be_named_after_its_id(tmp_path: Path) -> None:
    # Otherwise frameworks/mynotes.yaml with `id: django` silently replaced Django.
    path = write_framework(tmp_path, bundled_framework("django"), "mynotes")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, path, 1, "id", "id 'django'", "'mynotes.yaml'", "django.yaml")
    assert len(lines) == 2  # that problem and the count


def test_dangling_reference(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text(GUIDE_ENTRY + "    frameworks: [django, nosuch]\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 7, "faq[0].frameworks[1]", "unknown framework 'nosuch'", "django")


def test_unknown_level_id(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data["id"] = "mine"
    data["facts"]["orm"]["level"] = "sort_of"
    path = write_framework(tmp_path, data)
    code, lines = validate(tmp_path)
    assert code == 1
    line = line_of(path, "level: sort_of")
    assert_problem(
        lines, path, line, "facts.orm.level", "unknown level 'sort_of'", "builtin, partial"
    )


def test_a_fact_left_out_of_a_user_file_is_unknown(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data["id"] = "mine"
    del data["facts"]["websockets"]
    write_framework(tmp_path, data)
    assert validate(tmp_path)[0] == 0
    shown = json.loads(cli("--data", str(tmp_path), "show", "mine", "--format", "json").stdout)
    assert shown["facts"]["websockets"]["level"] == "unknown"
    assert shown["facts"]["orm"]["level"] == data["facts"]["orm"]["level"]


def test_empty_file(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text("# nothing here yet\n\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 1, "", "file is empty")


def test_list_instead_of_mapping(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text("- id: a\n- id: b\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 1, "", "expected a mapping of keys, found a list")


def test_non_utf8_bytes(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_bytes(GUIDE_ENTRY.replace("our ADR", "caf\xe9").encode("latin-1"))
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 4, "", "byte 0xe9 is not valid UTF-8")


def test_nul_byte(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_bytes(GUIDE_ENTRY.encode() + b"    frameworks: [dja\x00ngo]\n")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 7, "", "NUL byte")


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    guide = tmp_path / "guide.yaml"
    payload = f"!!python/object/apply:os.system ['touch {marker}']"
    guide.write_text(GUIDE_ENTRY.replace("The one in our ADR.", payload), encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert not marker.exists()
    assert_problem(lines, guide, 4, "", "python/object/apply")


def test_alias_bomb_fails_fast(tmp_path: Path) -> None:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for number in range(1, 10):
        previous = chr(ord("a") + number - 1)
        name = chr(ord("a") + number)
        rows.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    guide = tmp_path / "guide.yaml"
    guide.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, lines = validate(tmp_path, could_hang=True)
    assert code == 1
    assert any(str(guide) in x and "alias bomb" in x for x in lines), lines


def test_deep_nesting(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text("faq:\n  - " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 2, "", f"deeper than {MAX_DEPTH} levels")


def test_extremely_deep_nesting_fails_fast(tmp_path: Path) -> None:
    depth = 100_000
    guide = tmp_path / "guide.yaml"
    guide.write_text("faq: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    code, lines = validate(tmp_path, could_hang=True)
    assert code == 1
    assert any(line.startswith(f"{guide}:1: ") and "nesting" in line for line in lines), lines


def test_file_over_size_limit(tmp_path: Path) -> None:
    guide = tmp_path / "guide.yaml"
    guide.write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1), encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, guide, 1, "", "larger than the 1024 KiB limit")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "guide.yaml").write_text(GUIDE_ENTRY + "    colour: red\n", encoding="utf-8")
    data = bundled_framework("flask")
    data["id"] = "mine"
    data["facts"]["orm"]["level"] = "sort_of"
    write_framework(tmp_path, data)
    code, lines = validate(tmp_path)
    assert code == 1
    assert any("colour" in x for x in lines)
    assert any("sort_of" in x for x in lines)
    assert lines[-1] == "fwtui: 2 problems in the data"


def test_unknown_file_name(tmp_path: Path) -> None:
    (tmp_path / "guides.yaml").write_text(GUIDE_ENTRY, encoding="utf-8")
    code, lines = validate(tmp_path)
    assert code == 1
    assert_problem(lines, tmp_path / "guides.yaml", 1, "", "guide.yaml")


def test_missing_data_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("--data", str(tmp_path / "nope"), "validate")
    assert result.returncode == 2
    assert result.stderr.strip() == f"fwtui: error: --data {tmp_path / 'nope'}: no such directory"


def test_data_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    file = tmp_path / "guide.yaml"
    file.write_text(GUIDE_ENTRY, encoding="utf-8")
    result = cli("validate", "--data", str(file))
    assert result.returncode == 2
    assert "not a directory" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any directory")
def test_unreadable_data_directory_is_a_usage_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = cli("validate", str(locked))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert "not readable" in result.stderr


def test_missing_fwtui_data_entry_is_a_usage_error(tmp_path: Path) -> None:
    result = cli("validate", env={"FWTUI_DATA": str(tmp_path / "gone")})
    assert result.returncode == 2
    assert "FWTUI_DATA" in result.stderr


def test_user_files_are_never_changed(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data["id"] = "mine"
    path = write_framework(tmp_path, data)
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(tmp_path.rglob("*")))
    result = cli("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(tmp_path.rglob("*"))) == before


def test_layout_mistakes_in_a_data_dir_are_reported(tmp_path: Path) -> None:
    (tmp_path / "frameworks").write_text("", encoding="utf-8")
    (tmp_path / "criteria.yaml").mkdir()
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    result = cli("--data", str(tmp_path), "validate")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        f"{tmp_path}/criteria.yaml:1: not a regular file",
        f"{tmp_path}/frameworks:1: 'frameworks' must be a directory",
    ]


def test_odd_entries_in_frameworks_are_reported_and_a_fifo_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "frameworks"
    (folder / "sub").mkdir(parents=True)
    (folder / "Flask.YAML").write_text("id: x\n", encoding="utf-8")
    (folder / ".#flask.yaml").symlink_to(tmp_path / "nowhere")  # an editor's lock file
    (folder / "notes.md").write_text("not data\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.yaml")
    result = run_cli("--data", str(tmp_path), "validate", timeout=10)  # a subprocess: a hang
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == [
        f"{folder}/Flask.YAML:1: use a lower-case .yaml extension",
        f"{folder}/pipe.yaml:1: not a regular file",
        f"{folder}/sub:1: subdirectories of frameworks/ are not read",
    ]


def test_a_user_dir_named_frameworks_holds_top_level_files(tmp_path: Path) -> None:
    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "guide.yaml").write_text(
        "topics:\n  - id: extra_topic\n    title: T\n    body: B\n", encoding="utf-8"
    )
    assert cli("validate", str(folder)).returncode == 0
