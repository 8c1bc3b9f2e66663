"""A user's own framework: a short file is enough, and every mistake in it shows at once."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import bundled_framework, cli, write_framework

MINIMAL = "id: mine\nname: Mine\n"


def data_dir(tmp_path: Path, text: str, name: str = "mine") -> Path:
    folder = tmp_path / "frameworks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_id_and_name_are_enough(tmp_path: Path) -> None:
    data = data_dir(tmp_path, MINIMAL)
    assert cli("--data", str(data), "validate").returncode == 0
    shown = cli("--data", str(data), "show", "mine")
    assert shown.returncode == 0, shown.stderr
    assert "  License:        not given" in shown.stdout
    assert "Pros\n  - not given" in shown.stdout
    profile = json.loads(cli("--data", str(data), "show", "mine", "--format", "json").stdout)
    assert profile["license"] is None
    assert profile["latest_version"] is None
    assert {fact["level"] for fact in profile["facts"].values()} == {"unknown"}
    listed = cli("--data", str(data), "list").stdout.splitlines()
    assert any(line.startswith("mine ") and "not given" in line for line in listed)
    ranked = json.loads(cli("--data", str(data), "recommend", "--format", "json").stdout)
    assert "mine" in [item["id"] for item in ranked["ranking"]]


def test_an_unknown_level_needs_nothing_else(tmp_path: Path) -> None:
    data = data_dir(tmp_path, MINIMAL + "facts:\n  orm:\n    level: unknown\n")
    result = cli("--data", str(data), "validate")
    assert result.returncode == 0, result.stderr


def test_a_known_level_still_needs_its_evidence(tmp_path: Path) -> None:
    data = data_dir(tmp_path, MINIMAL + "facts:\n  orm:\n    level: builtin\n")
    result = cli("--data", str(data), "validate")
    assert result.returncode == 1
    assert "mine.yaml:5: facts.orm: a fact with level 'builtin' needs note, sources, " in (
        result.stderr
    )


BROKEN = """\
id: mine
name: Mine
licence: MIT
ecosytem: []
first_release: 1900
latest:
  version: v2
facts:
  orm:
    level: built_in
  websocket:
    level: unknown
  Cli:
    level: unknown
"""


def test_every_problem_in_one_pass_with_suggestions_and_plain_words(tmp_path: Path) -> None:
    data = data_dir(tmp_path, BROKEN)
    result = cli("--data", str(data), "validate")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    file = f"{data}/frameworks/mine.yaml"
    expected = [
        f"{file}:3: licence: unknown key (did you mean 'license'?) (valid: id, name,",
        f"{file}:4: ecosytem: unknown key (did you mean 'ecosystem'?)",
        f"{file}:5: first_release: '1900' is out of range: it must be at least 1990",
        f"{file}:7: latest.version: 'v2' is not a version number such as '3.1.2'",
        f"{file}:7: latest.date: required key is missing",
        f"{file}:7: latest.source: required key is missing",
        f"{file}:10: facts.orm.level: unknown level 'built_in' (did you mean 'builtin'?)",
        f"{file}:11: facts.websocket: unknown criterion 'websocket' (did you mean 'websockets'?)",
        f"{file}:13: facts.Cli: 'Cli' is not a lower-case id: a letter, then letters,",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert not any("should" in line or "pattern" in line for line in lines), lines
    assert lines[-1] == f"fwtui: {len(lines) - 1} problems in the data"


PYDANTIC_WORDS = ("should", "Field required", "Value error", "pattern", "instance of")
WRONG_VALUES: list[object] = ["", "x", 7, 2.5, True, ["a"], {"a": 1}, None]


def test_no_pydantic_wording_for_a_wrong_value_anywhere(tmp_path: Path) -> None:
    """Every field of a framework file, given each kind of wrong value: plain words only."""
    data = bundled_framework("flask")
    data["id"] = "mine"
    fields = [key for key in data if key not in ("id", "name")]
    fact = next(iter(data["facts"]))
    bad_lines: list[str] = []
    for value in WRONG_VALUES:
        broken = dict.fromkeys(fields, value)
        broken.update(id="mine", name="Mine")
        broken["facts"] = {fact: dict.fromkeys(data["facts"][fact], value)}
        write_framework(tmp_path, broken)
        result = cli("--data", str(tmp_path), "validate")
        assert result.returncode == 1, value
        lines = result.stderr.splitlines()[:-1]
        assert lines, value
        bad_lines += [line for line in lines if any(word in line for word in PYDANTIC_WORDS)]
    assert bad_lines == []


VALID_BUT_WRONG_REFERENCES = """\
id: mine
name: Mine
ecosystem:
  - name: Plug
    fills: [orm, ormm]
    note: An extension.
    url: https://example.org/plug
pros:
  - text: Quick.
    criterion: speeed
facts:
  orm:
    level: unknown
  websocket:
    level: unknown
"""


def test_references_of_a_valid_file_point_at_their_lines(tmp_path: Path) -> None:
    # A file that validates keeps no line tree; its lines are read again for the messages.
    data = data_dir(tmp_path, VALID_BUT_WRONG_REFERENCES)
    result = cli("--data", str(data), "validate")
    assert result.returncode == 1
    file = f"{data}/frameworks/mine.yaml"
    lines = result.stderr.splitlines()
    expected = [
        f"{file}:5: ecosystem[0].fills[1]: unknown criterion 'ormm' (did you mean 'orm'?)",
        f"{file}:10: pros[0].criterion: unknown criterion 'speeed'",
        f"{file}:14: facts.websocket: unknown criterion 'websocket' (did you mean 'websockets'?)",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert lines[-1] == "fwtui: 3 problems in the data"
