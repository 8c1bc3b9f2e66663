"""One section model per subject: every format says what the builder built, and the
unknown level is a real level everywhere."""

from __future__ import annotations

import importlib
import re

import pytest

from factories import criterion, framework, question, tiny_catalog
from fwtui.advisor.scoring import recommend
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.models import UNKNOWN, UNKNOWN_LEVEL
from fwtui.catalog.store import Catalog
from fwtui.render import markdown, text
from fwtui.render.recommendation import (
    ALL_ELIMINATED,
    FORMATS,
    NO_FLIP,
    RENDERERS,
    recommendation_sections,
    render_adr,
    render_markdown,
    render_text,
)
from fwtui.render.sections import Bullets, Code, Document, Lines, Paragraph, Section, Terms
from helpers import cli


def _catalog(effects: list[dict[str, object]], admin_b: str = "none") -> Catalog:
    criteria = [criterion("orm", weight=1.0), criterion("admin", weight=1.0)]
    frameworks = [
        framework("alpha", {"orm": "partial", "admin": "builtin"}),
        framework("beta", {"orm": "builtin", "admin": admin_b}),
    ]
    choices = [{"id": "off"}, {"id": "on", "effects": effects}]
    questions = [question({"id": "q", "default": ["off"], "choices": choices})]
    return tiny_catalog(criteria, frameworks, questions)


def test_every_format_shows_every_section_the_builder_made() -> None:
    catalog = bundled_catalog()
    result = recommend(catalog, {"project_kind": ("cms",), "builtins": ("admin", "auth")})
    document = recommendation_sections(catalog, result)
    assert [s.id for s in document.sections] == [
        "answers",
        "counted",
        "ranking",
        "musts",
        "versus",
        "eliminated",
        "flips",
    ]
    shown_text, shown_markdown = render_text(catalog, result), render_markdown(catalog, result)
    for section in document.sections:
        assert f"\n{section.title}\n" in "\n" + shown_text
        assert f"\n## {section.title}\n" in shown_markdown
    eliminated = document.section("eliminated")
    assert eliminated is not None
    first_name = result.eliminated[0].framework.name
    assert isinstance(eliminated.blocks[0], Terms)
    assert eliminated.blocks[0].rows[0][0] == first_name
    assert f"**{first_name}**: " in shown_markdown


def test_the_registry_is_the_list_of_formats() -> None:
    assert FORMATS == tuple(RENDERERS) == ("text", "markdown", "json", "adr")


def test_when_everything_is_eliminated_every_format_says_so() -> None:
    catalog = _catalog([{"criterion": "admin", "require": ["extension"], "reason": "r"}])
    result = recommend(catalog, {"q": ("on",)})
    assert result.winner is None
    assert f"  {ALL_ELIMINATED}\n" in render_text(catalog, result)
    markdown_text = render_markdown(catalog, result)
    assert "# Recommendation: none\n" in markdown_text
    assert f"\n{ALL_ELIMINATED}\n" in markdown_text
    assert "| # |" not in markdown_text  # no empty table
    assert "No option meets every must-have" in render_adr(catalog, result)


def test_no_flip_is_said_in_every_format() -> None:
    catalog = _catalog([])
    result = recommend(catalog, {"q": ("on",)}, with_flips=False)
    assert f"  {NO_FLIP}\n" in render_text(catalog, result)
    assert f"- {NO_FLIP}\n" in render_markdown(catalog, result)
    assert f"* {NO_FLIP}\n" in render_adr(catalog, result)


def test_the_text_shows_only_the_first_entries_when_asked() -> None:
    catalog = _catalog([])
    result = recommend(catalog, {})
    short = render_text(catalog, result, shown=1)
    assert "  ... and 1 more; export (e) for the full ranking\n" in short
    assert "   2. " not in short


def test_markdown_keeps_data_inert_and_code_as_code() -> None:
    document = Document(
        "A *title*",
        (
            Section("Run", (Paragraph(("Type ", Code("fwtui list"), " [then](x)")),)),
            Section("Why", (Lines(("<b>bold</b>",)), Bullets((), empty="none | here"))),
        ),
        meta=(("status", "proposed"),),
    )
    assert markdown.render_document(document) == (
        "---\nstatus: proposed\n---\n\n# A \\*title\\*\n\n## Run\n\n"
        "Type `fwtui list` \\[then\\](x)\n\n## Why\n\n- \\<b\\>bold\\</b\\>\n\n- none \\| here\n"
    )


def test_text_wraps_each_block_to_the_width() -> None:
    section = Section("Why", (Lines(("word " * 30,)), Bullets(("item " * 30,))))
    lines = text.section_lines(section, width=40)
    assert lines[0] == "Why"
    assert all(len(line) <= 40 for line in lines)
    assert lines[1].startswith("  word")
    assert lines[2].startswith("    word")
    bullet = next(i for i, line in enumerate(lines) if line.startswith("  - "))
    assert lines[bullet + 1].startswith("    item")


# --------------------------------------------------------------------- unknown level


def test_unknown_is_a_level_of_every_scale() -> None:
    catalog = bundled_catalog()
    for criterion_id in catalog.criteria:
        level = catalog.level(criterion_id, UNKNOWN)
        assert level is UNKNOWN_LEVEL
        assert (level.symbol, level.label, level.utility) == ("?", "unknown", 0.0)
    assert UNKNOWN_LEVEL.display == "? unknown"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unknown_fact_reads_unknown_in_every_format(fmt: str) -> None:
    catalog = _catalog([{"criterion": "admin", "add": 1}], admin_b=UNKNOWN)
    result = recommend(catalog, {"q": ("on",)})
    assert catalog.level_of(catalog.frameworks["beta"], "admin") is UNKNOWN_LEVEL
    shown = RENDERERS[fmt](catalog, result)
    assert " vs unknown (+" in shown  # why alpha leads beta


@pytest.mark.parametrize(
    ("command", "subject"),
    [
        (["show", "flask"], "framework"),
        (["matrix"], "matrix"),
        (["questions"], "questions"),
        (["recommend"], "recommendation"),
    ],
)
def test_the_cli_offers_exactly_the_formats_of_each_registry(
    command: list[str], subject: str
) -> None:
    registry = importlib.import_module(f"fwtui.render.{subject}").RENDERERS
    refused = cli(*command, "--format", "nope")
    assert refused.returncode == 2
    offered = refused.stderr.split("choose from", 1)[1].split(")", 1)[0]
    assert re.findall(r"[a-z]+", offered) == list(registry)
    for name in registry:
        assert cli(*command, "--format", name).returncode == 0, name
