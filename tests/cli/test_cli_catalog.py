"""`fwtui list`, `show`, `matrix` and `validate` through the CLI, and its real entry point."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from fwtui.catalog.loader import bundled_catalog
from fwtui.render.framework import framework_lines
from helpers import bundled_framework, cli, run_cli, write_framework

CATALOG = bundled_catalog()


def test_version_and_help() -> None:
    from fwtui import __version__

    assert cli("--version").stdout.strip() == f"fwtui {__version__}"
    result = cli("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "list", "show", "matrix", "questions", "recommend"):
        assert command in result.stdout


def test_python_m_fwtui_exits_with_the_status_main_returns(tmp_path: Path) -> None:
    # The other tests call main() in-process; here the real process's exit status.
    (tmp_path / "guide.yaml").write_text("faq: [unclosed\n", encoding="utf-8")
    assert run_cli("--version").returncode == 0
    assert run_cli("validate", str(tmp_path)).returncode == 1
    assert run_cli("--colour").returncode == 2


def test_unknown_option_is_a_usage_error() -> None:
    result = cli("--colour")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_validate_bundled_data() -> None:
    result = cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"OK: {len(CATALOG.frameworks)} frameworks")


def test_validate_reports_which_entry_replaced_which(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data["tagline"] = "Our team's own notes on Flask."
    path = write_framework(tmp_path, data)
    result = cli("--data", str(tmp_path), "validate")
    assert result.returncode == 0, result.stderr
    assert f"framework 'flask': {path} replaces " in result.stdout
    shown = cli("--data", str(tmp_path), "show", "flask", "--format", "json")
    assert json.loads(shown.stdout)["tagline"] == "Our team's own notes on Flask."


def test_fwtui_data_and_user_dir_are_read_in_order(
    tmp_path: Path, isolated_user_data: Path
) -> None:
    env_dir = tmp_path / "env"
    data = bundled_framework("flask")
    data["tagline"] = "from FWTUI_DATA"
    write_framework(env_dir, data)
    data["tagline"] = "from the user data dir"
    write_framework(isolated_user_data, data)
    result = cli("show", "flask", "--format", "json", env={"FWTUI_DATA": str(env_dir)})
    assert json.loads(result.stdout)["tagline"] == "from the user data dir"
    validate = cli("validate", env={"FWTUI_DATA": str(env_dir)})
    assert validate.stdout.count("framework 'flask'") == 2


def test_a_new_framework_from_user_data_is_listed_and_scored(tmp_path: Path) -> None:
    data = bundled_framework("bottle")
    data.update(id="tinyweb", name="TinyWeb")
    write_framework(tmp_path, data)
    listed = cli("--data", str(tmp_path), "list")
    assert any(line.startswith("tinyweb ") for line in listed.stdout.splitlines())
    ranked = cli("--data", str(tmp_path), "recommend", "--format", "json")
    ids = [r["id"] for r in json.loads(ranked.stdout)["ranking"]]
    ids += [e["id"] for e in json.loads(ranked.stdout)["eliminated"]]
    assert "tinyweb" in ids


def test_list_has_one_line_per_framework_within_80_columns_on_a_terminal() -> None:
    lines = cli("list").stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(CATALOG.frameworks)
    cut = framework_lines(CATALOG, 80)  # what an 80-column terminal gets
    assert [line.split()[0] for line in cut] == list(CATALOG.frameworks)
    assert all(len(line) <= 80 for line in cut)
    assert any(line.endswith("…") for line in cut)


@pytest.mark.parametrize("framework_id", ["django", "flask", "fastapi"])
def test_show_text_has_every_section(framework_id: str) -> None:
    result = cli("show", framework_id)
    assert result.returncode == 0
    for heading in ("Summary", "Philosophy", "Key features", "Ecosystem", "Pros", "Cons", "Facts"):
        assert f"\n{heading}\n" in result.stdout
    long_lines = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert all("https://" in line for line in long_lines), long_lines


def test_show_json_has_the_contract_keys() -> None:
    document = json.loads(cli("show", "fastapi", "--format", "json").stdout)
    for key in (
        "id",
        "name",
        "license",
        "first_release",
        "interface",
        "latest_version",
        "pros",
        "cons",
        "facts",
    ):
        assert key in document
    assert isinstance(document["first_release"], int)
    assert set(document["interface"]) <= {"WSGI", "ASGI", "own server"}
    fact = document["facts"]["openapi"]
    assert set(fact) >= {"level", "note", "sources", "last_reviewed"}
    assert set(document["facts"]) == set(CATALOG.criteria)


def test_show_unknown_id_lists_valid_ids() -> None:
    result = cli("show", "rails")
    assert result.returncode == 2
    assert result.stderr.strip().startswith(
        "fwtui: error: unknown framework 'rails' (valid: django, flask, fastapi"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_matrix_table_fits_80_columns_with_every_framework() -> None:
    result = cli("matrix")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for framework in CATALOG.frameworks.values():
        assert framework.name[:11] in result.stdout


def test_matrix_frameworks_and_diff() -> None:
    everything = cli("matrix", "--frameworks", "django,flask", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(everything)))
    assert rows[0] == ["criterion", "label", "group", "django", "flask"]
    assert len(rows) == len(CATALOG.criteria) + 1
    differing = list(
        csv.reader(
            io.StringIO(
                cli("matrix", "--frameworks", "django,flask", "--diff", "--format", "csv").stdout
            )
        )
    )
    assert 1 < len(differing) < len(rows)
    assert all(row[3] != row[4] for row in differing[1:])


def test_matrix_markdown_and_json() -> None:
    markdown = cli("matrix", "--frameworks", "flask,fastapi", "--format", "markdown").stdout
    assert markdown.startswith("| Criterion | Flask | FastAPI |")
    document = json.loads(cli("matrix", "--format", "json").stdout)
    assert [f["id"] for f in document["frameworks"]] == list(CATALOG.frameworks)
    assert {row["criterion"] for row in document["rows"]} == set(CATALOG.criteria)


def test_matrix_unknown_framework_is_exit_2() -> None:
    result = cli("matrix", "--frameworks", "django,rails")
    assert result.returncode == 2
    assert "unknown framework 'rails'" in result.stderr


def test_markup_and_escapes_are_inert_in_every_cli_format(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    evil = "[bold]x[/bold] \x1b]52;c;aGk=\x07 \x9b31m"
    data.update(id="evil", name="Evil", tagline=evil)
    data["facts"]["orm"]["note"] = evil
    data["pros"][0]["text"] = evil
    write_framework(tmp_path, data)
    outputs = [
        cli("--data", str(tmp_path), *args)
        for args in (
            ["list"],
            ["show", "evil"],
            ["show", "evil", "--format", "json"],
            ["matrix", "--format", "json"],
            ["matrix", "--format", "markdown"],
            ["recommend", "--format", "adr"],
            ["recommend", "--format", "json"],
        )
    ]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout
        assert "\x9b" not in result.stdout
        assert "\x07" not in result.stdout
    assert "[bold]x[/bold] \\x1b]52;c;aGk=\\x07" in outputs[1].stdout


def test_matrix_markdown_makes_html_and_links_from_data_inert(tmp_path: Path) -> None:
    data = bundled_framework("flask")
    data.update(id="htmlish", name="<img src=x onerror=alert(1)>[click](https://evil.example)")
    write_framework(tmp_path, data)
    header = cli(
        "--data", str(tmp_path), "matrix", "--frameworks", "htmlish", "--format", "markdown"
    ).stdout.splitlines()[0]
    assert "<img" not in header.replace("\\<", "")
    assert "\\<img src=x onerror=alert(1)\\>\\[click\\](https://evil.example)" in header


def test_schema_output_errors_name_the_path_and_write_nothing(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("", encoding="utf-8")
    result = cli("schema", "--output", str(afile))
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"fwtui: error: --output {afile}: not a directory",
    )
    blocked = tmp_path / "out"
    (blocked / "framework.schema.json").mkdir(parents=True)
    result = cli("schema", "--output", str(blocked))
    assert result.returncode == 2
    assert f"{blocked}/framework.schema.json is a directory" in result.stderr
    assert sorted(p.name for p in blocked.iterdir()) == ["framework.schema.json"]
