"""`fwtui team` and the team advisor: the consensus, its exports and bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from fwtui.advisor.scoring import recommend
from fwtui.advisor.team import Person, concordance, decide
from helpers import cli
from teams import ANA, BEN, CATALOG, CLEO, write_answers, write_team


@pytest.fixture
def team_dir(tmp_path: Path) -> Path:
    return write_team(tmp_path / "team")


def people() -> list[Person]:
    return [
        Person("Ana", "tech lead", "ana.yaml", ANA),
        Person("Ben", None, "ben.yaml", BEN),
        Person("Cleo", "consulted", "cleo.yaml", CLEO),
    ]


# ------------------------------------------------------------------------- the method


def test_consensus_is_the_mean_of_each_persons_fit() -> None:
    result = decide(CATALOG, people())
    for member in result.members:
        assert member.fits()[member.winner or ""] == 1.0
    for item in result.ranking:
        assert item.score == pytest.approx(sum(share.share for share in item.shares))
        fits = [m.fits()[item.framework.id] for m in result.members]
        assert item.score == pytest.approx(sum(fits) / len(fits))
    scores = [round(item.score, 9) for item in result.ranking]
    assert scores == sorted(scores, reverse=True)


def test_a_must_have_of_anyone_eliminates_for_everyone_and_says_whose() -> None:
    result = decide(CATALOG, people())
    ben = next(m for m in result.members if m.who == "Ben")
    vetoed = {v.framework.id for v in result.vetoes}
    assert vetoed == {e.framework.id for e in ben.result.eliminated}
    assert vetoed  # Ben's admin must-have rules some out
    assert vetoed.isdisjoint(item.framework.id for item in result.ranking)
    assert all(who == "Ben" for veto in result.vetoes for who, _ in veto.by)


def test_disagreements_name_who_answered_what_and_which_move_the_pick() -> None:
    result = decide(CATALOG, people())
    kinds = next(d for d in result.disagreements if d.question.id == "project_kind")
    assert {g.answer: g.people for g in kinds.groups} == {
        ("api",): ("Ana",),
        ("cms",): ("Ben",),
        ("prototype",): ("Cleo",),
    }
    assert result.pick is not None
    for mover in kinds.movers:
        assert mover.pick != result.pick.framework.id
        changed = [
            Person(p.who, p.role, p.source, {**p.given, "project_kind": mover.new})
            if p.who == mover.who
            else p
            for p in people()
        ]
        moved = decide(CATALOG, changed).pick
        assert moved is not None
        assert moved.framework.id == mover.pick
    assert not any(d.question.id == "scale" for d in result.disagreements)  # all at default


def test_the_changes_to_agree_give_everyone_the_same_top_pick() -> None:
    result = decide(CATALOG, people())
    agreement = result.agreement
    assert agreement.framework is not None
    assert agreement.complete
    assert agreement.changes
    for member in result.members:
        given = dict(member.result.answers)
        for change in agreement.changes:
            if change.who == member.who:
                given[change.question] = change.new
        winner = recommend(CATALOG, given, with_flips=False).winner
        assert winner is not None
        assert winner.framework.id == agreement.framework.id


def test_no_single_change_per_person_would_have_done() -> None:
    """The search is exhaustive for small teams: fewer changes cannot reach one pick."""
    result = decide(CATALOG, people())
    assert len(result.agreement.changes) >= 2  # three different winners need two people moved


def test_kendalls_w_bounds() -> None:
    assert concordance([[3, 2, 1], [3, 2, 1]]) == pytest.approx(100)
    assert concordance([[3, 2, 1], [1, 2, 3]]) == pytest.approx(0)
    assert concordance([[1, 1, 1], [1, 1, 1]]) == pytest.approx(100)  # all tied
    assert 0 < concordance([[3, 2, 1], [3, 1, 2]]) < 100


# ------------------------------------------------------------------------------ CLI


def test_recommend_saves_who_and_role_and_replays_them(tmp_path: Path) -> None:
    first = tmp_path / "ana.yaml"
    result = cli(
        "recommend",
        "--answer",
        "project_kind=api",
        "--who",
        "Ana",
        "--role",
        "tech lead",
        "--save-answers",
        str(first),
    )
    assert result.returncode == 0, result.stderr
    saved = yaml.safe_load(first.read_text(encoding="utf-8"))
    assert (saved["who"], saved["role"]) == ("Ana", "tech lead")
    again = tmp_path / "again.yaml"
    replay = cli("recommend", "--answers", str(first), "--save-answers", str(again))
    assert replay.returncode == 0, replay.stderr
    assert yaml.safe_load(again.read_text(encoding="utf-8"))["who"] == "Ana"


def test_who_needs_save_answers() -> None:
    result = cli("recommend", "--who", "Ana")
    assert result.returncode == 2
    assert "--save-answers" in result.stderr
    assert result.stdout == ""


def test_who_must_be_one_line(tmp_path: Path) -> None:
    result = cli("recommend", "--who", "A\nB", "--save-answers", str(tmp_path / "a.yaml"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "a.yaml").exists()


def test_team_text_shows_everyone_and_the_consensus(team_dir: Path) -> None:
    result = cli("team", str(team_dir))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in (
        "Each person's top three",
        "Consensus ranking",
        "Eliminated for everyone",
        "Disagreements",
        "What it would take to agree",
    ):
        assert heading in out
    assert "Ana (tech lead): FastAPI" in out
    assert re.search(r"Consensus: \d+\.\d %", out)
    assert "Ben's must-have" in out


def test_team_json_matches_the_method(team_dir: Path) -> None:
    result = cli("team", str(team_dir), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["who"] for p in data["people"]] == ["Ana", "Ben", "Cleo"]
    assert data["pick"] == data["ranking"][0]["id"]
    for item in data["ranking"]:
        total = sum(c["share"] for c in item["contributions"])
        assert total == pytest.approx(item["score"], abs=1e-5)
    assert 0 <= data["consensus"] <= 100
    assert data["to_agree"]["pick"] is not None
    assert {e["by"][0]["who"] for e in data["eliminated"]} == {"Ben"}


def test_adr_fills_madr_front_matter_and_replays_from_its_appendix(
    team_dir: Path, tmp_path: Path
) -> None:
    result = cli("team", str(team_dir), "--format", "adr", env={"SOURCE_DATE_EPOCH": "0"})
    assert result.returncode == 0, result.stderr
    adr = result.stdout
    front = yaml.safe_load(adr.split("---\n")[1])
    assert front["decision-makers"] == "Ana (tech lead), Ben"
    assert front["consulted"] == "Cleo"
    assert str(front["date"]) == "1970-01-01"
    for section in ("## Decision Drivers", "## Decision Outcome", "## More Information"):
        assert section in adr
    blocks = re.findall(r"```yaml\n(.*?)\n```", adr, flags=re.S)
    assert len(blocks) == 3
    replayed = tmp_path / "replayed"
    replayed.mkdir()
    for index, block in enumerate(blocks):
        (replayed / f"{index}.yaml").write_text(block + "\n", encoding="utf-8")
    original = json.loads(cli("team", str(team_dir), "--format", "json").stdout)
    again = json.loads(cli("team", str(replayed), "--format", "json").stdout)
    assert again["ranking"] == original["ranking"]
    assert [p["answers"] for p in again["people"]] == [p["answers"] for p in original["people"]]


def test_markdown_has_a_column_per_person(team_dir: Path) -> None:
    result = cli("team", str(team_dir), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "| Rank | Framework | Team | Ana | Ben | Cleo |" in result.stdout


def test_output_file_and_margin(team_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "team.json"
    result = cli(
        "team", str(team_dir), "--format", "json", "--margin", "100", "--output", str(target)
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["acceptable"] == [item["id"] for item in data["ranking"]]  # 100 %: every one
    assert cli("team", str(team_dir), "--margin", "101").returncode == 2


# ---------------------------------------------------------------------- bad input


def test_duplicate_who_is_an_error_naming_both_files(tmp_path: Path) -> None:
    first = write_answers(tmp_path / "a", "Ana", ANA)
    second = write_answers(tmp_path / "b", "ana", BEN)
    target = tmp_path / "out.md"
    result = cli("team", str(first), str(second), "--output", str(target))
    assert result.returncode == 2
    assert str(first) in result.stderr
    assert str(second) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


def test_a_broken_file_is_one_line_naming_it_and_nothing_is_written(
    team_dir: Path, tmp_path: Path
) -> None:
    broken = team_dir / "zed.yaml"
    broken.write_text("answers: [unclosed\n", encoding="utf-8")
    target = tmp_path / "out.md"
    result = cli("team", str(team_dir), "--output", str(target))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "zed.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("content", ["answers: {project_kind: nope}\n", "- a list\n"])
def test_wrong_content_names_the_file(tmp_path: Path, content: str) -> None:
    path = write_answers(tmp_path, "Ana", ANA)
    bad = tmp_path / "bad.yaml"
    base = yaml.safe_load(path.read_text(encoding="utf-8"))
    if content.startswith("answers"):
        base["answers"] = yaml.safe_load(content)["answers"]
        bad.write_text(yaml.safe_dump(base), encoding="utf-8")
    else:
        bad.write_text(content, encoding="utf-8")
    result = cli("team", str(path), str(bad))
    assert result.returncode == 2
    assert "bad.yaml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    missing = cli("team", str(tmp_path / "nobody.yaml"))
    assert missing.returncode == 2
    assert "nobody.yaml" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("team", str(empty))
    assert result.returncode == 2
    assert "no answers files" in result.stderr


def test_another_catalog_version_warns_naming_what_changed(team_dir: Path) -> None:
    path = team_dir / "ana.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["data_version"] = "2025.01.01"
    data["catalog_hash"] = "sha256:older"
    del data["answers"]["timeline"]  # as if the question did not exist then
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = cli("team", str(team_dir))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert any("2025.01.01" in line and CATALOG.meta.data_version in line for line in warnings)
    assert any("ana.yaml" in line and "timeline" in line for line in warnings)  # the loader's
    assert sum("timeline" in line for line in warnings) == 1  # said once
    assert "Warnings" in result.stdout


def test_a_file_without_who_is_named_after_the_file(tmp_path: Path) -> None:
    path = write_answers(tmp_path, None, ANA)
    result = cli("team", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["people"][0]["who"] == "anonymous"


def test_hostile_names_stay_inert_in_markdown_and_inside_the_appendix(tmp_path: Path) -> None:
    write_answers(tmp_path, "a```b", ANA)
    write_answers(tmp_path, "[x](http://e.test) | *c*", BEN)
    adr = cli("team", str(tmp_path), "--format", "adr")
    assert adr.returncode == 0, adr.stderr
    assert "````yaml" in adr.stdout  # a fence longer than the name's backticks
    body = adr.stdout.split("---\n", 2)[2].split("## Appendix")[0]  # the YAML front matter quotes
    assert "[x](http://e.test)" not in body
    front = yaml.safe_load(adr.stdout.split("---\n")[1])
    assert "a```b" in front["decision-makers"]
    markdown = cli("team", str(tmp_path), "--format", "markdown").stdout
    table_header = next(line for line in markdown.splitlines() if line.startswith("| Rank"))
    assert table_header.count("|") == 6  # the name's | is escaped, not a column


def test_one_persons_team_is_their_recommendation_through_the_cli(tmp_path: Path) -> None:
    path = write_answers(tmp_path, "Ana", ANA, "informed")
    own = json.loads(cli("recommend", "--answers", str(path), "--format", "json").stdout)
    team = json.loads(cli("team", str(path), "--format", "json").stdout)
    assert [r["id"] for r in team["ranking"]] == [r["id"] for r in own["ranking"]]
    assert team["people"][0]["top"] == [
        {k: r[k] for k in ("id", "name", "score", "percent")} for r in own["ranking"][:3]
    ]
    assert team["consensus"] == 100.0
    adr = cli("team", str(path), "--format", "adr").stdout
    front = yaml.safe_load(adr.split("---\n")[1])
    assert front["informed"] == "Ana"
    assert "decision-makers" not in front
