"""`fwtui validate --stale DAYS`: facts not reviewed for a while, with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fwtui.catalog.loader import bundled_catalog
from helpers import cli, line_of

TODAY = dt.date.today()
OLD = TODAY - dt.timedelta(days=400)
RECENT = TODAY - dt.timedelta(days=10)


def user_data(tmp_path: Path) -> Path:
    folder = tmp_path / "frameworks"
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        f"""\
id: mine
name: Mine
facts:
  orm:
    level: builtin
    note: Ships its own object-relational mapper.
    sources: [https://mine.example.org/docs/orm]
    last_reviewed: {OLD.isoformat()}
  admin:
    level: none
    note: Has no admin screens of its own.
    sources: [https://mine.example.org/docs/admin]
    last_reviewed: {RECENT.isoformat()}
  forms:
    level: unknown
""",
        encoding="utf-8",
    )
    return folder / "mine.yaml"


def newest_bundled_age() -> int:
    """Days since the oldest review in the bundled data: a threshold none of it passes."""
    dates = [
        fact.last_reviewed
        for framework in bundled_catalog().frameworks.values()
        for fact in framework.facts.values()
        if fact.last_reviewed
    ]
    return (TODAY - min(dates)).days


def test_lists_only_the_facts_older_than_the_threshold(tmp_path: Path) -> None:
    path = user_data(tmp_path)
    days = max(newest_bundled_age(), 365)
    result = cli("validate", str(tmp_path), "--stale", str(days))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("OK: ")
    where = f"{path}:{line_of(path, 'orm:')}"
    assert lines[1:] == [
        f"{where}: facts.orm: last reviewed {OLD.isoformat()} (400 days ago)",
        f"1 fact not reviewed for more than {days} days",
    ]


def test_strict_makes_a_stale_fact_an_error(tmp_path: Path) -> None:
    user_data(tmp_path)
    days = max(newest_bundled_age(), 365)
    assert cli("validate", str(tmp_path), "--stale", str(days), "--strict").returncode == 1
    fresh = cli("validate", str(tmp_path), "--stale", "400", "--strict")
    assert fresh.returncode == 0, fresh.stdout
    assert fresh.stdout.splitlines()[-1] == "every dated fact was reviewed in the last 400 days"


def test_bad_usage_is_one_line_and_status_2() -> None:
    for args in (("--stale", "soon"), ("--stale", "-3"), ("--strict",)):
        result = cli("validate", *args)
        assert result.returncode == 2, args
        assert result.stderr.splitlines()[-1].startswith("fwtui"), result.stderr
        assert "Traceback" not in result.stderr
