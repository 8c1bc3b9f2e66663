"""FactDetail on its own, and the matrix model it shows (render/matrix.py)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from factories import criterion, framework, question, tiny_catalog
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.models import UNKNOWN
from fwtui.render.matrix import (
    FORMATS,
    RENDERERS,
    Detail,
    build_matrix,
    cell_detail,
    filter_rows,
    group_detail,
)
from fwtui.render.sections import Rating
from fwtui.widgets.fact import FactDetail

HOSTILE = "[bold red]Evil[/] [@click=app.quit]x[/] \x1b[31mred"


class DetailApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FactDetail(id="detail")


def shown(app: App[None]) -> str:
    content = app.query_one(FactDetail).content
    assert isinstance(content, Text)
    return content.plain


async def test_it_shows_a_group_a_criterion_and_a_fact() -> None:
    catalog = bundled_catalog()
    django = catalog.frameworks["django"]
    criterion_id = next(iter(catalog.criteria))
    fact = django.facts[criterion_id]
    app = DetailApp()
    async with app.run_test(size=(80, 24)):
        detail = app.query_one(FactDetail)
        assert shown(app) == ""
        group = next(iter(catalog.groups.values()))
        detail.detail = group_detail(group)
        assert shown(app) == f"{group.label}\n{group.description}"
        detail.detail = cell_detail(catalog, criterion_id, None)
        criterion_label = catalog.criteria[criterion_id].label
        assert shown(app).startswith(f"{criterion_label} — ")
        assert "\n" not in shown(app)
        detail.detail = cell_detail(catalog, criterion_id, django)
        lines = shown(app).split("\n")
        level = catalog.level_of(django, criterion_id)
        assert lines[1] == f"Django: {level.display}"
        assert lines[2] == fact.note
        assert lines[3] == f"Rubric: {catalog.earns(criterion_id, fact.level)}"
        assert lines[4] == f"Source: {fact.sources[0]}"
        assert lines[-1] == f"Reviewed {fact.last_reviewed.isoformat()}"
        detail.detail = None
        assert shown(app) == ""


async def test_data_text_is_literal_never_markup() -> None:
    rating = Rating(HOSTILE, HOSTILE, HOSTILE, ("https://x.example/[b]",), "2026-01-01")
    app = DetailApp()
    async with app.run_test(size=(80, 24)):
        app.query_one(FactDetail).detail = Detail(HOSTILE, HOSTILE, rating)
        text = shown(app)
        assert text.count("[@click=app.quit]x[/]") == 5
        assert "\x1b" not in text
        assert "Source: https://x.example/[b]" in text


def test_the_matrix_cells_say_unknown_and_filter_by_text_and_group() -> None:
    criteria = [criterion("orm", weight=1.0), criterion("admin")]
    frameworks = [
        framework("alpha", {"orm": "builtin", "admin": UNKNOWN}),
        framework("beta", {"orm": "builtin", "admin": "none"}),
    ]
    questions = [question({"id": "q", "default": ["x"], "choices": [{"id": "x"}, {"id": "y"}]})]
    catalog = tiny_catalog(criteria, frameworks, questions)
    matrix = build_matrix(catalog, list(catalog.frameworks.values()))
    admin = next(row for row in matrix.rows if row.criterion.id == "admin")
    assert admin.cells[0].display == "? unknown"
    assert matrix.legend.endswith("? unknown")
    assert [r.criterion.id for r in build_matrix(catalog, frameworks, diff_only=True).rows] == [
        "admin"
    ]
    assert [r.criterion.id for r in filter_rows(matrix, text="nothing").rows] == []
    assert [r.criterion.id for r in filter_rows(matrix, text="Admin NONE").rows] == ["admin"]
    assert [r.criterion.id for r in filter_rows(matrix, text="orm").rows] == ["orm"]
    assert filter_rows(matrix, group="other").rows == ()
    rating = cell_detail(catalog, "admin", catalog.frameworks["alpha"]).rating
    assert rating is not None
    assert rating.level == "? unknown"
    assert FORMATS == tuple(RENDERERS) == ("table", "markdown", "csv", "json")
    for fmt in FORMATS:
        assert "unknown" in RENDERERS[fmt](matrix, None)
