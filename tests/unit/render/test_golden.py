"""Golden files for every recommend format. After a deliberate change of the data or the
wording, regenerate them with ``FWTUI_UPDATE_GOLDEN=1 pytest tests/unit/render/test_golden.py`` and
review the diff like any other change."""

from __future__ import annotations

import os

import pytest

from fwtui.advisor.scoring import recommend
from fwtui.catalog.loader import bundled_catalog
from fwtui.render.recommendation import render_text
from helpers import TESTS, cli

GOLDEN = TESTS / "golden"
EPOCH = {"SOURCE_DATE_EPOCH": "1764028800"}  # 2025-11-25, so the ADR's date is fixed
CASES = {
    "cms": ["--answer", "project_kind=cms", "--answer", "builtins=admin,auth"],
    "api": ["--answer", "project_kind=api", "--answer", "performance=high"],
}
FORMATS = {"text": "txt", "markdown": "md", "json": "json", "adr": "adr.md"}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_matches_golden_file(case: str, fmt: str) -> None:
    result = cli("recommend", *CASES[case], "--format", fmt, env=EPOCH)
    assert result.returncode == 0, result.stderr
    path = GOLDEN / f"recommend-{case}.{FORMATS[fmt]}"
    if os.environ.get("FWTUI_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


def test_the_tui_text_can_show_only_the_top_of_the_ranking() -> None:
    catalog = bundled_catalog()
    result = recommend(catalog, {"builtins": ("admin",)})
    full = render_text(catalog, result)
    short = render_text(catalog, result, shown=2)
    hidden_ranked = len(result.ranking) - 2
    hidden_eliminated = len(result.eliminated) - 2
    assert f"  ... and {hidden_ranked} more; export (e) for the full ranking" in short
    assert f"  ... and {hidden_eliminated} more" in short
    assert "   3. " in full
    assert "   3. " not in short
