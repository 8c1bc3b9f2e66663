"""`fwtui questions` and `fwtui recommend` through the CLI: formats, files, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from fwtui.catalog.loader import bundled_catalog
from helpers import cli, run_cli


def test_questions_json_has_the_stable_ids() -> None:
    result = cli("questions", "--format", "json")
    assert result.returncode == 0
    questions = {q["id"]: q for q in json.loads(result.stdout)["questions"]}
    expected = {
        "project_kind": {
            "api",
            "microservice",
            "website",
            "cms",
            "ecommerce",
            "social",
            "dashboard",
            "ml_service",
            "prototype",
        },
        "scale": {"small", "medium", "large"},
        "team_experience": {"beginner", "intermediate", "experienced"},
        "builtins": {
            "admin",
            "auth",
            "orm",
            "migrations",
            "forms",
            "templates",
            "api_docs",
            "websockets",
        },
        "performance": {"low", "medium", "high"},
        "flexibility": {"conventions", "no_preference", "freedom"},
        "timeline": {"asap", "normal", "long_term"},
    }
    for question_id, choices in expected.items():
        assert choices <= {c["id"] for c in questions[question_id]["choices"]}
    assert questions["builtins"]["type"] == "multi"


def test_questions_text_lists_defaults_and_conditions() -> None:
    result = cli("questions")
    assert result.returncode == 0
    assert "(default)" in result.stdout
    assert "asked only when existing_code is extend" in result.stdout


def test_recommend_json_has_the_contract_keys() -> None:
    result = cli(
        "recommend",
        "--answer",
        "project_kind=cms",
        "--answer",
        "builtins=admin,orm",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert {"ranking", "eliminated", "flips", "data_version"} <= set(document)
    first = document["ranking"][0]
    assert {"id", "name", "score", "contributions", "reasons"} <= set(first)
    assert abs(sum(first["contributions"].values()) - first["score"]) < 1e-4
    assert all({"id", "reason"} <= set(e) for e in document["eliminated"])


def test_recommend_is_byte_for_byte_deterministic() -> None:
    # Two processes: each hashes strings with its own seed, so set or dict order that
    # leaked into the output would differ here (in one process it never would).
    args = ("recommend", "--answer", "project_kind=api", "--format", "json")
    first, second = run_cli(*args), run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--answer", "colour=blue"], "unknown question 'colour' (valid: project_kind"),
        (
            ["--answer", "scale=huge"],
            "unknown choice 'huge' for question 'scale' (valid: small, medium, large)",
        ),
        (["--answer", "scale=small,large"], "question 'scale' takes exactly one choice"),
        (["--answer", "scale"], "--answer 'scale' is not QID=CHOICE"),
        (["--answer", "builtins=orm,orm"], "lists a choice twice"),
        (["--answers", "/no/such/answers.yaml"], "no such file"),
        (["--output", "/etc/hostname/out.md"], "/etc/hostname is not a directory"),
        (["--output", "x" * 300 + ".md"], "File name too long"),
        (["--output", "/dev/null"], "/dev/null: not a regular file"),
    ],
)
def test_bad_recommend_input_is_one_line_and_exit_2(args: list[str], fragment: str) -> None:
    result = cli("recommend", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("answers: [unclosed\n", "YAML syntax error"),
        ("- a\n- b\n", "expected a mapping"),
        (b"\xff\xfe".decode("latin-1"), "not valid UTF-8"),
        ("fwtui_version: x\n", "schema_version"),
    ],
)
def test_broken_answers_file_is_exit_2(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode())
    result = cli("recommend", "--answers", str(path))
    assert result.returncode == 2
    assert fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


HEAD_OF_AN_ANSWERS_FILE = (
    "fwtui_version: 0.1.0\nschema_version: 1\ndata_version: x\ncatalog_hash: sha256:x\n"
)


@pytest.mark.parametrize(
    ("rest", "fragment"),
    [
        (
            "frameworks:\n  django: 0123456789abcdef\nanswers: {}\n",
            "answers.yaml:6: frameworks.django: is too long (at most 12 characters)",
        ),
        ("anwsers: {}\n", "answers.yaml:5: anwsers: unknown key (did you mean 'answers'?)"),
        ("answers: [api]\n", "answers.yaml:5: answers: expected a mapping"),
    ],
)
def test_an_answers_file_with_a_wrong_value_says_where_in_fwtuis_words(
    tmp_path: Path, rest: str, fragment: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(HEAD_OF_AN_ANSWERS_FILE + rest, encoding="utf-8")
    result = cli("recommend", "--answers", str(path))
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "should" not in result.stderr  # pydantic's "String should have at most ..."
    assert len(result.stderr.strip().splitlines()) == 1


def test_answers_file_round_trip_and_override(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    first = cli(
        "recommend",
        "--answer",
        "project_kind=api",
        "--answer",
        "builtins=orm",
        "--save-answers",
        str(saved),
        "--format",
        "json",
    )
    assert first.returncode == 0, first.stderr
    replay = cli("recommend", "--answers", str(saved), "--format", "json")
    assert replay.returncode == 0, replay.stderr
    assert json.loads(replay.stdout)["answers"] == json.loads(first.stdout)["answers"]
    assert replay.stderr == ""
    override = cli(
        "recommend", "--answers", str(saved), "--answer", "project_kind=cms", "--format", "json"
    )
    assert json.loads(override.stdout)["answers"]["project_kind"] == "cms"


def test_answers_file_from_an_older_catalog_loads_with_a_warning(tmp_path: Path) -> None:
    catalog = bundled_catalog()
    path = tmp_path / "old.yaml"
    path.write_text(
        "fwtui_version: 0.0.1\nschema_version: 1\ndata_version: '2020.01.01'\n"
        "catalog_hash: sha256:old\nanswers:\n  project_kind: api\n  retired_question: x\n",
        encoding="utf-8",
    )
    result = cli("recommend", "--answers", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert f"(data 2020.01.01, now {catalog.meta.data_version})" in result.stderr
    assert "catalog sha256:old, now sha256:" in result.stderr  # no frameworks recorded then
    assert "dropped the answer to 'retired_question'" in result.stderr
    assert json.loads(result.stdout)["answers"]["project_kind"] == "api"


def test_the_catalog_changed_warning_names_the_frameworks_added_removed_and_re_rated(
    tmp_path: Path,
) -> None:
    saved = tmp_path / "answers.yaml"
    first = cli("recommend", "--answer", "project_kind=api", "--save-answers", str(saved))
    assert first.returncode == 0, first.stderr
    data = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert set(data["frameworks"]) == set(bundled_catalog().frameworks)
    data["catalog_hash"] = "sha256:before"
    del data["frameworks"]["bottle"]  # as if Bottle came later
    data["frameworks"]["oldfw"] = "0123456789ab"  # and another framework left
    data["frameworks"]["django"] = "000000000000"  # and Django was re-rated
    saved.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = cli("recommend", "--answers", str(saved), "--format", "json")
    assert result.returncode == 0, result.stderr
    (line,) = [ln for ln in result.stderr.splitlines() if "catalog changed" in ln]
    assert line.endswith("frameworks added: bottle; removed: oldfw; levels changed: django"), line


def test_an_answers_file_of_the_first_wizard_names_the_questions_added_since(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v1.yaml"
    path.write_text(
        "fwtui_version: 0.1.0\nschema_version: 1\ndata_version: '2026.11.25'\n"
        "catalog_hash: sha256:first\nanswers:\n  project_kind: api\n  realtime: not_needed\n"
        "  scale: medium\n  team_experience: intermediate\n  builtins: []\n"
        "  performance: high\n  flexibility: no_preference\n  timeline: normal\n",
        encoding="utf-8",
    )
    result = cli("recommend", "--answers", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    (line,) = [ln for ln in result.stderr.splitlines() if "take their defaults" in ln]
    assert "also (none)" in line
    assert "deployment (A server or container behind a proxy)" in line
    assert "scale" not in line  # answered in the file
    assert json.loads(result.stdout)["answers"]["performance"] == "high"


def test_choice_and_question_ids_match_whatever_their_case() -> None:
    upper = cli("recommend", "--answer", "Project_Kind=API", "--answer", "builtins=ORM,Admin",
                "--format", "json")  # fmt: skip
    lower = cli("recommend", "--answer", "project_kind=api", "--answer", "builtins=orm,admin",
                "--format", "json")  # fmt: skip
    assert upper.returncode == 0, upper.stderr
    assert upper.stdout == lower.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--answer", "project_knd=api"], "'project_knd' (did you mean 'project_kind'?)"),
        (["--answer", "project_kind=webiste"], "'webiste' (did you mean 'website'?)"),
        (["--answer", "scale=small", "--answer", "scale=large"],
         "'scale' was already answered by --answer 'scale=small'; give it once (one choice)"),
        (["--answer", "builtins=orm", "--answer", "builtins=admin"],
         "give it once (all choices in one --answer, comma-separated)"),
    ],
)  # fmt: skip
def test_near_misses_are_named_and_a_repeated_answer_is_an_error(
    args: list[str], fragment: str
) -> None:
    result = cli("recommend", *args)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_is_written_atomically_and_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "adr.md"
    target.write_text("old decision\n", encoding="utf-8")
    result = cli("recommend", "--format", "adr", "--output", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    for section in [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "## Pros and Cons of the Options",
        "## More Information",
    ]:
        assert section in text
    assert [p.name for p in tmp_path.iterdir()] == ["adr.md"]


def test_bad_output_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = cli("recommend", "--output", str(tmp_path / "a-file" / "sub" / "x.md"))
    assert result.returncode == 2
    assert "is not a directory" in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["a-file"]


def test_choice_order_does_not_change_the_output() -> None:
    first = cli("recommend", "--answer", "builtins=auth,api_docs", "--format", "json")
    second = cli("recommend", "--answer", "builtins=api_docs,auth", "--format", "json")
    assert first.stdout == second.stdout


def test_an_answers_file_of_another_format_version_is_refused(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    assert cli("recommend", "--save-answers", str(saved)).returncode == 0
    text = saved.read_text(encoding="utf-8")
    (tmp_path / "future.yaml").write_text(
        text.replace("schema_version: 1", "schema_version: 99"), encoding="utf-8"
    )
    (tmp_path / "extra.yaml").write_text(text + "colour: blue\n", encoding="utf-8")
    future = cli("recommend", "--answers", str(tmp_path / "future.yaml"))
    assert future.returncode == 2
    assert "schema_version 99 is not supported (valid: 1)" in future.stderr
    extra = cli("recommend", "--answers", str(tmp_path / "extra.yaml"))
    assert extra.returncode == 2
    assert "colour: unknown key (valid: fwtui_version, schema_version" in extra.stderr


def test_output_replaces_a_symlink_and_leaves_its_target_alone(tmp_path: Path) -> None:
    # A link planted where a file is written must not make fwtui overwrite what it names.
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(target)
    result = cli("recommend", "--format", "markdown", "--output", str(tmp_path / "link.md"))
    assert result.returncode == 0
    assert not (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "link.md").read_text(encoding="utf-8").startswith("# ")
    assert target.read_text(encoding="utf-8") == "old\n"


def test_a_bad_output_writes_no_answers_file(tmp_path: Path) -> None:
    saved = tmp_path / "answers.yaml"
    result = cli(
        "recommend", "--save-answers", str(saved), "--output", str(tmp_path / ("x" * 300 + ".md"))
    )
    assert result.returncode == 2
    assert not saved.exists()


def test_output_and_answers_files_get_their_missing_directories(tmp_path: Path) -> None:
    adr = tmp_path / "docs" / "decisions" / "0001-web-framework.md"
    answers = tmp_path / "config" / "fwtui" / "answers.yaml"
    result = cli(
        "recommend", "--answer", "project_kind=api", "--format", "adr",
        "--output", str(adr), "--save-answers", str(answers),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert adr.read_text(encoding="utf-8").startswith("---\n")
    replay = cli("recommend", "--answers", str(answers), "--format", "json")
    assert replay.returncode == 0, replay.stderr
    assert "  project_kind: api\n" in answers.read_text(encoding="utf-8")
