"""Hostile user data through every CLI format: markup and escapes stay literal, no raw ESC
byte reaches the terminal, huge values and huge catalogs end with a clear outcome."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import bundled_framework, cli, run_cli, write_framework

ESCAPES = "\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \x9b2J"
MARKUP = "[bold red]Evil[/] [@click=app.quit]click[/] [link=https://x.example]l[/]"
HOSTILE = f"{MARKUP} {ESCAPES}"
FREE_TEXT_KEYS = {
    "name",
    "tagline",
    "summary",
    "philosophy",
    "python",
    "role",
    "note",
    "text",
    "key_features",
    "use_cases",
    "when_to_choose",
    "example_apps",
}


def poison(value: Any, key: str = "") -> Any:
    """Every free-text value replaced by markup and escape sequences (ids, URLs kept)."""
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(item, key) for item in value]
    if isinstance(value, str) and key in FREE_TEXT_KEYS:
        return f"{HOSTILE} {value[:20]}"
    return value


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("hostile")
    data = poison(bundled_framework("flask"))
    data["id"] = "evil"
    write_framework(directory, data)
    return directory


COMMANDS = [
    ["list"],
    ["show", "evil"],
    ["show", "evil", "--format", "json"],
    ["show", "evil", "--format", "markdown"],
    ["matrix"],
    ["matrix", "--frameworks", "evil,django", "--format", "markdown"],
    ["matrix", "--frameworks", "evil,django", "--format", "csv"],
    ["matrix", "--frameworks", "evil,django", "--format", "json"],
    ["recommend"],
    ["recommend", "--format", "markdown"],
    ["recommend", "--format", "json"],
    ["recommend", "--format", "adr"],
    ["validate"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_no_escape_byte_reaches_the_terminal(hostile_dir: Path, command: list[str]) -> None:
    result = cli("--data", str(hostile_dir), *command)
    assert result.returncode == 0, result.stderr
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream
        assert "\x9b" not in stream
        assert "\x07" not in stream
    if not {"json", "csv", "validate"} & set(command):
        assert "bold red" in result.stdout  # the markup is printed as text, not applied


def test_json_shows_control_characters_as_placeholders_and_markup_as_text(
    hostile_dir: Path,
) -> None:
    shown = json.loads(cli("--data", str(hostile_dir), "show", "evil", "--format", "json").stdout)
    # The loader made every control character a visible placeholder; markup stays text.
    assert shown["name"].startswith(
        r"[bold red]Evil[/] [@click=app.quit]click[/] [link=https://x.example]l[/] "
        r"\x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07 \x9b2J"
    )


def test_markdown_profile_escapes_every_piece_of_data(hostile_dir: Path) -> None:
    shown = cli("--data", str(hostile_dir), "show", "evil", "--format", "markdown").stdout
    assert "\\[@click=app.quit\\]click\\[/\\]" in shown
    # From the data, each of these is escaped; fwtui's own Markdown uses only <https://...>.
    for char in "[]<`|":
        assert not re.findall(rf"(?<!\\){re.escape(char)}", shown.replace("<https://", "")), char


def refused(tmp_path: Path, **changes: str) -> list[str]:
    """Validate a copy of Flask with ``changes``; it must fail with short lines only."""
    data = bundled_framework("flask")
    data.update(changes)
    write_framework(tmp_path, data)
    result = cli("--data", str(tmp_path), "validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert all(len(line) < 300 for line in lines)
    return lines


def test_a_megabyte_string_is_refused_with_one_short_line(tmp_path: Path) -> None:
    lines = refused(tmp_path, id="huge", summary="x" * 1_100_000)
    assert lines[0].endswith("file is larger than the 1024 KiB limit"), lines[0]


def test_a_long_string_under_the_size_limit_is_refused_by_length(tmp_path: Path) -> None:
    lines = refused(tmp_path, id="long", summary="y" * 500_000)
    assert lines[0].endswith("summary: is too long (at most 4000 characters)"), lines[0]


def test_a_huge_invalid_enum_value_is_quoted_short(tmp_path: Path) -> None:
    lines = refused(tmp_path, id="enum", kind="z" * 100_000)
    assert "...' (100000 characters) is not allowed (valid: full_stack, micro" in lines[0]


def small_framework(index: int, criteria: list[str]) -> dict[str, Any]:
    url = "https://example.org/docs"
    return {
        "id": f"fw_{index}",
        "name": f"Framework {index}",
        "tagline": "Generated.",
        "summary": "Generated. For scale tests.",
        "kind": "micro",
        "philosophy": "None.",
        "interface": ["WSGI"],
        "license": "MIT",
        "first_release": 2020,
        "latest": {"version": "1.0", "date": "2026-01-01", "source": url},
        "python": "3.10+",
        "links": {"homepage": url, "docs": url, "repo": url},
        "key_features": ["k"],
        "use_cases": ["u"],
        "when_to_choose": ["w"],
        "pros": [{"text": "p"}],
        "cons": [{"text": "c"}],
        "sources": [url],
        "last_reviewed": "2026-01-01",
        "facts": {
            cid: {
                "level": "unknown",
                "note": f"Generated note {index}.",
                "sources": [url],
                "last_reviewed": "2026-01-01",
            }
            for cid in criteria
        },
    }


@pytest.mark.slow
def test_ten_thousand_frameworks_load_list_and_rank(tmp_path: Path) -> None:
    catalog = json.loads(cli("matrix", "--format", "json").stdout)
    criteria = [row["criterion"] for row in catalog["rows"]]
    folder = tmp_path / "data" / "frameworks"
    folder.mkdir(parents=True)
    dumped = yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper
    for index in range(10_000):
        text = yaml.dump(small_framework(index, criteria), Dumper=dumped, sort_keys=False)
        (folder / f"fw_{index}.yaml").write_text(text, encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    started = time.perf_counter()
    # Subprocesses: the timings are a real command's, and 10,000 frameworks stay out of
    # the test process's memory.
    listed = run_cli("--data", str(tmp_path / "data"), "list", env=env, timeout=600)
    cold = time.perf_counter() - started
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 10_012
    started = time.perf_counter()
    ranked = run_cli(
        "--data", str(tmp_path / "data"), "recommend", "--format", "json", env=env, timeout=600
    )
    warm = time.perf_counter() - started
    assert ranked.returncode == 0, ranked.stderr
    assert len(json.loads(ranked.stdout)["ranking"]) == 10_012
    print(f"10,000 frameworks: list (validates) {cold:.1f} s, recommend (cached) {warm:.1f} s")
