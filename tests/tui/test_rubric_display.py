"""The rubric, time-limited levels and support windows, where people read them: `fwtui show`
in every format and the matrix's cell detail in the TUI."""

from __future__ import annotations

import json

from textual.widgets import DataTable, Static

from fwtui.app import FwtuiApp
from fwtui.catalog.loader import bundled_catalog
from helpers import cli

CATALOG = bundled_catalog()
FORMS_EXTENSION = CATALOG.criteria["forms"].rubric["extension"]


def test_show_text_gives_each_fact_what_earns_its_level() -> None:
    result = cli("show", "flask")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    forms = lines.index("  Forms: ○ extension")
    detail = " ".join(line.strip() for line in lines[forms + 1 : forms + 8])
    assert f"rubric: {FORMS_EXTENSION}" in detail


def test_show_names_the_day_a_time_limited_level_expires() -> None:
    text = cli("show", "litestar").stdout
    assert "valid until 2026-12-06, then re-rated" in text
    markdown = cli("show", "litestar", "--format", "markdown").stdout
    assert "*Valid until 2026-12-06, then re-rated*" in markdown
    assert "*Rubric:* Under five years old" in markdown


def test_show_lists_release_cycles_and_support_windows() -> None:
    text = " ".join(cli("show", "django").stdout.split())
    assert "Releases and support" in text
    assert (
        "6.1 (released 2026-08-05): bug fixes until April 2027, security fixes until "
        "December 2027; latest 6.1.3" in text
    )
    assert (
        "5.2 LTS (released 2025-04-02): bug fixes until December 2025, security fixes "
        "until April 2028" in text
    )
    assert "Releases and support" not in cli("show", "bottle").stdout


def test_show_json_carries_rubric_valid_until_and_support() -> None:
    data = json.loads(cli("show", "litestar", "--format", "json").stdout)
    maturity = data["facts"]["maturity"]
    assert maturity["valid_until"] == "2026-12-06"
    assert maturity["rubric"].startswith("Under five years old")
    assert data["facts"]["forms"]["valid_until"] is None
    cycle = data["support"]["cycles"][0]
    assert set(cycle) == {"releaseCycle", "releaseDate", "eoas", "eol", "lts", "latest"}
    assert cycle["releaseCycle"] == "2"
    assert json.loads(cli("show", "bottle", "--format", "json").stdout)["support"] is None


async def test_the_matrix_cell_detail_shows_the_rubric_for_the_level() -> None:
    app = FwtuiApp(CATALOG, screen="matrix")
    async with app.run_test(size=(120, 40)) as pilot:
        table: DataTable[object] = app.screen.query_one("#matrix-table", DataTable)
        table.move_cursor(row=table.get_row_index("forms"), column=table.get_column_index("flask"))
        await pilot.pause()
        detail = str(app.screen.query_one("#matrix-note", Static).render()).replace("\n", " ")
        assert "Flask: ○ extension" in detail
        assert "Rubric: " + FORMS_EXTENSION[:40] in detail
