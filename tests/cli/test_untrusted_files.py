"""Hostile files and environments: every one ends in one clear line or correct output.

Data directories, answers files, keys.yaml, state files and the cache may all come from
someone else. The CLI runs in-process here; a subprocess only where the process itself is
the subject (closed standard streams, a full disk, the locale, a hang).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from fwtui.advisor.answers import load_answers_file
from fwtui.catalog.cache import cache_file, cache_key, load_catalog_cached
from fwtui.catalog.loader import BUNDLED_DIR, bundled_catalog, load_catalog
from fwtui.catalog.yamlsafe import load_yaml
from fwtui.cli import ASCII_STAND_INS, main
from fwtui.errors import DataError, UsageError
from fwtui.fsutil import STALE_AFTER, atomic_write
from fwtui.keymap import load_keymap
from fwtui.paths import state_dir
from fwtui.persist import SETTINGS, load_last_answers, load_theme, save_theme
from fwtui.render.framework import framework_lines
from fwtui.safetext import cell_width, clean, clean_name, url_inert
from helpers import bundled_framework, write_framework

# Values that PyYAML's safe loader cannot build: each used to escape as a traceback.
UNBUILDABLE = {
    "february_30": "2026-02-30",
    "year_zero": "0000-01-01",
    "long_integer": "9" * 5000,
    "int_tag_on_text": "!!int junk",
    "float_tag_on_text": "!!float junk",
    "bool_tag_on_text": "!!bool junk",
    "timestamp_tag_on_text": "!!timestamp junk",
    "huge_hex_integer": "0x" + "f" * 5000,
    "set": "!!set {a, b}",
    "binary": "!!binary aGVsbG8=",
    "python_object": "!!python/object/apply:os.system ['true']",
}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err.splitlines()


def run_shell(script: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``script`` in sh, for redirections: the process's own streams are the subject."""
    return subprocess.run(
        ["sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=30,
        check=False,
    )


# ---------------------------------------------------------------- YAML values


@pytest.mark.parametrize("value", UNBUILDABLE.values(), ids=UNBUILDABLE.keys())
def test_a_value_yaml_cannot_build_is_one_problem_with_its_line(tmp_path: Path, value: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(f"first: 1\nvalue: {value}\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_yaml(path, "file.yaml")
    (problem,) = raised.value.problems
    assert problem.line == 2
    assert len(str(problem)) < 300


@pytest.mark.parametrize("value", UNBUILDABLE.values(), ids=UNBUILDABLE.keys())
def test_validate_reports_unbuildable_values_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    (tmp_path / "guide.yaml").write_text(f"faq: []\ntopics: {value}\n", encoding="utf-8")
    code, _, lines = cli(capsys, "validate", str(tmp_path))
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'guide.yaml'}:2: ")
    assert lines[1:] == ["fwtui: 1 problem in the data"]


@pytest.mark.parametrize("value", UNBUILDABLE.values(), ids=UNBUILDABLE.keys())
def test_answers_keys_and_state_files_with_unbuildable_values_never_crash(
    tmp_path: Path, value: str
) -> None:
    text = f"theme: {value}\n"
    answers = tmp_path / "answers.yaml"
    answers.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=r"answers\.yaml:1: "):
        load_answers_file(bundled_catalog(), answers, [])
    state_dir().mkdir(parents=True)
    (state_dir() / SETTINGS).write_text(text, encoding="utf-8")
    warnings: list[str] = []
    assert load_theme(warnings) is None
    assert len(warnings) == 1
    (state_dir() / "last-answers.yaml").write_text(text, encoding="utf-8")
    notices: list[str] = []
    assert load_last_answers(bundled_catalog(), notices) is None
    assert len(notices) == 1
    keys = Path(os.environ["FWTUI_CONFIG_DIR"]) / "keys.yaml"
    keys.parent.mkdir(parents=True)
    keys.write_text(f"app.quit: {value}\n", encoding="utf-8")
    problems: list[str] = []
    assert load_keymap({"app.quit"}, problems) == {}
    assert len(problems) == 1


def test_base_60_numbers_stay_text_so_they_cost_no_quadratic_time(tmp_path: Path) -> None:
    # PyYAML builds `1:59:59:...` as a base-60 integer: 75 s of CPU for a file under 1 MiB.
    path = tmp_path / "sexagesimal.yaml"
    path.write_text("value: " + ":".join(["1"] + ["59"] * 300_000) + "\n", encoding="utf-8")
    assert isinstance(load_yaml(path, "x").data["value"], str)


def test_only_the_types_the_schema_needs_are_resolved(tmp_path: Path) -> None:
    path = tmp_path / "types.yaml"
    path.write_text(
        "a: yes\nb: true\nc: 1:30\nd: 2026-01-02\ne: 1.5\nf: 12\ng: ~\nh: 0o17\n",
        encoding="utf-8",
    )
    data = load_yaml(path, "x").data
    assert data == {
        "a": "yes",
        "b": True,
        "c": "1:30",
        "d": dt.date(2026, 1, 2),
        "e": 1.5,
        "f": 12,
        "g": None,
        "h": "0o17",
    }


# ------------------------------------------------------------- text that acts


HOSTILE_TEXT = "A\x1b]52;c;SEVJTA==\x07B\x9b2JC\u202eD\u2066E\x7fF"


def test_the_loader_makes_every_control_character_visible(tmp_path: Path) -> None:
    path = tmp_path / "text.yaml"
    path.write_text(yaml.safe_dump({"text": HOSTILE_TEXT, "key\x1b": 1}), encoding="utf-8")
    data = load_yaml(path, "x").data
    assert data == {
        "text": r"A\x1b]52;c;SEVJTA==\x07B\x9b2JC\u202eD\u2066E\x7fF",
        r"key\x1b": 1,
    }


def test_names_lose_zero_width_characters_and_newlines() -> None:
    assert clean_name("Dj\u200bango\nX") == r"Dj\u200bango\x0aX"
    assert clean("keeps\nnewlines\tand tabs") == "keeps\nnewlines\tand tabs"


def test_newlines_in_values_cannot_forge_error_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bundled_framework("flask")
    data["kind"] = "micro\nfwtui/data/frameworks/django.yaml:1: forged"
    data["k" * 100_000] = 1
    write_framework(tmp_path, data)
    code, _, lines = cli(capsys, "validate", str(tmp_path))
    assert code == 1
    assert len(lines) == 3
    assert all(line.startswith(str(tmp_path)) for line in lines[:2])
    assert all(len(line) < 700 for line in lines)


def test_a_name_with_a_newline_keeps_list_to_one_line_per_framework(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bundled_framework("flask")
    data.update(id="evil", name="Evil\nfake line", tagline="tag\nline")
    write_framework(tmp_path, data)
    code, out, _ = cli(capsys, "--data", str(tmp_path), "list")
    assert code == 0
    assert len(out.splitlines()) == len(load_catalog((tmp_path,)).frameworks)


def test_wide_names_keep_list_and_show_within_80_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bundled_framework("flask")
    data.update(id="wide", name="漢字漢字漢字漢字", tagline="🚀" * 60, summary="漢字 " * 200)
    write_framework(tmp_path, data)
    for command in (["show", "wide"], ["matrix", "--frameworks", "wide,flask"]):
        code, out, _ = cli(capsys, "--data", str(tmp_path), *command)
        assert code == 0
        widest = max(cell_width(line) for line in out.splitlines())
        assert widest <= 80, (command, widest)
    # `list` cuts taglines to the terminal (in a pipe they stay whole): 80 columns here.
    lines = framework_lines(load_catalog([tmp_path]), 80)
    assert max(cell_width(line) for line in lines) <= 80


def test_csv_cells_never_start_a_spreadsheet_formula(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    criteria = yaml.safe_load((BUNDLED_DIR / "criteria.yaml").read_text(encoding="utf-8"))
    orm = next(c for c in criteria["criteria"] if c["id"] == "orm")
    for start in ("=", "+", "-", "@"):
        orm["label"] = f'{start}HYPERLINK("https://evil.example","x")'
        (tmp_path / "criteria.yaml").write_text(yaml.safe_dump({"criteria": [orm]}), "utf-8")
        code, out, _ = cli(capsys, "--data", str(tmp_path), "matrix", "--format", "csv")
        assert code == 0
        (row,) = [line for line in out.splitlines() if line.startswith("orm,")]
        assert row.split(",", 2)[1].lstrip('"').startswith("'" + start)


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.example.org/<script>alert(1)</script>",
        'https://docs.example.org/"onmouseover="x',
        "https://docs.example.org/a b",
        "https://docs.example.org/`x`",
        "https://docs.example.org/'x'",
    ],
)
def test_sources_that_could_carry_html_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    data = bundled_framework("flask")
    data["sources"] = [url]
    write_framework(tmp_path, data)
    code, _, lines = cli(capsys, "validate", str(tmp_path))
    assert code == 1
    assert "sources[0]: not a valid URL" in lines[0]


def test_exports_percent_encode_anything_a_url_cannot_hold() -> None:
    assert url_inert("https://a.example/<x> \"y\" 'z'") == (
        "https://a.example/%3Cx%3E%20%22y%22%20%27z%27"
    )


def test_a_data_file_name_that_is_not_utf8_is_one_problem(tmp_path: Path) -> None:
    folder = tmp_path / "frameworks"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.yaml")
    (folder / name).write_text(yaml.safe_dump(bundled_framework("flask"), sort_keys=False), "utf-8")
    result = run_shell(f"{sys.executable} -m fwtui validate {tmp_path}")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert r"caf\xe9.yaml:1: id: id 'flask' does not match the file name" in result.stderr


# --------------------------------------------------------------------- cache


def _plant_pickle(path: Path, key_line: bytes, marker: Path) -> None:
    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_bytes(key_line + pickle.dumps(Payload()))


def test_a_planted_pickle_in_the_cache_never_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    path = cache_file()
    assert path is not None
    key = cache_key(())
    for name, line in (("catalog.pickle", f"{key}\n"), (path.name, f"{key}\n")):
        _plant_pickle(path.parent / name, line.encode(), marker)
    code, _, _ = cli(capsys, "list")
    assert code == 0
    assert not marker.exists()
    _, first, *_ = path.read_bytes().splitlines()  # replaced by a JSON cache
    assert json.loads(first)[:2] == ["meta", ""]
    assert json.loads(first)[2]["schema_version"] == 1


def _plant_in_cache(
    path: Path | None = None, field: str = "name", value: object = "Planted"
) -> Path:
    """Rewrite the cache (or write a copy at ``path``) with one field of Flask changed."""
    load_catalog_cached(())
    cached = cache_file()
    assert cached is not None
    lines = cached.read_bytes().splitlines(keepends=True)
    for index, line in enumerate(lines[1:], start=1):  # after the header, [section, id, value]
        section, key, entry = json.loads(line)
        if (section, key) == ("frameworks", "flask"):
            entry[field] = value
            lines[index] = json.dumps([section, key, entry]).encode() + b"\n"
    target = path or cached
    target.write_bytes(b"".join(lines))
    return target


def test_a_planted_cache_of_our_own_is_used() -> None:  # the control for the tests below
    _plant_in_cache()
    assert load_catalog_cached(()).frameworks["flask"].name == "Planted"


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_cache_file_of_another_user_is_never_read() -> None:
    os.chown(_plant_in_cache(), 65534, 65534)
    assert load_catalog_cached(()).frameworks["flask"].name == "Flask"


@pytest.mark.parametrize("mode", [0o620, 0o602], ids=["group-writable", "world-writable"])
def test_a_cache_file_others_can_write_is_never_read(mode: int) -> None:
    os.chmod(_plant_in_cache(), mode)
    assert load_catalog_cached(()).frameworks["flask"].name == "Flask"


def test_a_cache_dir_others_can_write_is_neither_read_nor_written() -> None:
    path = cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    os.chmod(path.parent, 0o777)
    load_catalog_cached(())
    assert not path.exists()


def test_a_symlinked_cache_file_is_never_read(tmp_path: Path) -> None:
    elsewhere = _plant_in_cache(tmp_path / "elsewhere.json")
    path = cache_file()
    assert path is not None
    path.unlink()
    path.symlink_to(elsewhere)
    assert load_catalog_cached(()).frameworks["flask"].name == "Flask"
    assert not path.is_symlink()  # the next write replaced the link


def test_a_cache_that_does_not_fit_the_models_is_ignored() -> None:
    _plant_in_cache(field="first_release", value="2010")  # a string where an int belongs
    assert load_catalog_cached(()).frameworks["flask"].first_release == 2010


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_fifo_or_device_at_the_cache_path_is_skipped(tmp_path: Path, kind: str) -> None:
    path = cache_file()
    assert path is not None
    path.parent.mkdir(parents=True, mode=0o700)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = run_shell(f"{sys.executable} -m fwtui list")  # used to hang or eat memory
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("django")


# ------------------------------------------------------------------- writing


def test_a_state_file_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    state_dir().mkdir(parents=True)
    (state_dir() / SETTINGS).symlink_to(victim)
    save_theme("nord")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (state_dir() / SETTINGS).is_symlink()
    warnings: list[str] = []
    assert load_theme(warnings) == "nord"
    assert warnings == []


def test_output_to_a_link_to_a_pipe_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "out.md").symlink_to(fifo)
    code, _, lines = cli(capsys, "recommend", "--output", str(tmp_path / "out.md"))
    assert code == 2
    assert lines == [
        f"fwtui: error: cannot write {tmp_path / 'out.md'}: it is a link to something that is "
        "not a regular file (leave out --output, or give -, to write to standard output)"
    ]


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_output_dash_and_dev_stdout_mean_standard_output(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, _ = cli(capsys, "recommend", "--format", "json", "--output", name)
    assert code == 0
    assert json.loads(out)["ranking"]


def test_a_file_name_of_255_bytes_can_be_saved(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 251 + ".md")
    atomic_write(target, "text\n")
    assert target.read_text(encoding="utf-8") == "text\n"
    assert sorted(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_stale_temporary_files_of_another_user_are_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "decision.md"
    theirs = tmp_path / ".decision.md.abcdef.tmp"
    mine = tmp_path / ".decision.md.ghijkl.tmp"
    old = time.time() - STALE_AFTER - 60
    for leftover in (theirs, mine):
        leftover.write_text("half", encoding="utf-8")
        os.utime(leftover, (old, old))
    os.chown(theirs, 65534, 65534)
    atomic_write(target, "whole\n")
    assert theirs.exists()
    assert not mine.exists()


# ------------------------------------------------------- the process itself


def test_closed_stdin_gives_one_line() -> None:
    result = run_shell(f"{sys.executable} -m fwtui <&-")
    assert result.returncode == 2
    assert result.stderr.startswith("fwtui: the TUI needs a terminal")
    assert "Traceback" not in result.stderr


def test_stdout_on_a_full_device_gives_one_line() -> None:
    result = run_shell(f"{sys.executable} -m fwtui show django > /dev/full")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "fwtui: error: cannot write the output: No space left on device"
    ]


def test_a_huge_source_date_epoch_is_one_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 40)
    code, _, lines = cli(capsys, "recommend", "--format", "adr")
    assert code == 2
    assert len(lines) == 1
    assert lines[0].startswith("fwtui: error: SOURCE_DATE_EPOCH=")


def test_a_latin1_terminal_process_gets_ascii_bars() -> None:
    result = run_shell(f"{sys.executable} -m fwtui recommend", env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "####" in result.stdout  # the score bars, drawn with #


def _output_for(encoding: str, command: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """``fwtui COMMAND`` in this process, on a standard output of ``encoding``."""
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding))
    try:
        code = main(command.split())
    except SystemExit as exit_:  # --help
        code = exit_.code
    assert code == 0
    sys.stdout.flush()
    return raw.getvalue().decode(encoding)


@pytest.mark.parametrize(
    "command", ["recommend", "matrix", "list", "show django", "questions", "--help"]
)
def test_a_latin1_terminal_gets_ascii_stand_ins(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    utf8 = _output_for("utf-8", command, monkeypatch)
    latin1 = _output_for("latin-1", command, monkeypatch)
    # Each glyph becomes its stand-in, and nothing else is lost to a '?'.
    assert latin1 == utf8.translate(str.maketrans(ASCII_STAND_INS))
    if command == "recommend":
        assert "####" in latin1  # the score bars, drawn with #
