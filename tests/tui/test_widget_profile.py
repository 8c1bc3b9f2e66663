"""FrameworkProfile on its own: it shows the profile's section model, literally."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from fwtui.catalog.loader import bundled_catalog
from fwtui.render.framework import framework_sections
from fwtui.render.sections import Bullets, Document, Fields, Paragraph, Section
from fwtui.widgets.profile import SHOWN_ELSEWHERE, FrameworkProfile
from helpers import cli

HOSTILE = "[bold red]Evil[/] [@click=app.quit]x[/] \x1b[31mred"


class ProfileApp(App[None]):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield FrameworkProfile(self.document, id="profile")


def shown(app: App[None]) -> str:
    content = app.query_one(FrameworkProfile).content
    assert isinstance(content, Text)
    return content.plain


async def test_it_shows_the_document_and_follows_a_new_one() -> None:
    catalog = bundled_catalog()
    django, flask = catalog.frameworks["django"], catalog.frameworks["flask"]
    app = ProfileApp(framework_sections(catalog, django))
    async with app.run_test(size=(80, 40)):
        text = shown(app)
        assert text.startswith("Django (django)\n")
        assert f"License:       {django.license}\n" in text
        assert "\nSummary\n" in text
        assert f"  • {django.key_features[0]}" in text
        assert "\nLast reviewed " in text
        for hidden in ("Pros", "Cons", "Facts"):  # their own modes show them
            assert f"\n{hidden}\n" not in text
        app.query_one(FrameworkProfile).document = framework_sections(catalog, flask)
        assert shown(app).startswith("Flask (flask)\n")


async def test_data_text_is_literal_never_markup() -> None:
    document = Document(
        HOSTILE,
        (
            Section("", (Fields((("Kind", HOSTILE),)),), id="about"),
            Section(HOSTILE, (Paragraph(HOSTILE), Bullets((HOSTILE,))), id="summary"),
        ),
        subtitle=HOSTILE,
    )
    app = ProfileApp(document)
    async with app.run_test(size=(80, 24)):
        text = shown(app)
        assert text.count("[@click=app.quit]x[/]") == 6
        assert "\x1b" not in text
        assert "\\x1b[31mred" in text


async def test_sections_can_be_left_out_by_id() -> None:
    catalog = bundled_catalog()
    document = framework_sections(catalog, catalog.frameworks["django"])
    assert {"pros", "cons", "facts"} <= {s.id for s in document.sections}
    assert frozenset({"pros", "cons", "facts"}) == SHOWN_ELSEWHERE

    class Everything(App[None]):
        def compose(self) -> ComposeResult:
            yield FrameworkProfile(document, omit=())

    app = Everything()
    async with app.run_test(size=(80, 24)):
        text = shown(app)
        assert "\nPros\n" in text
        assert "\nFacts\n" in text


def test_show_prints_the_same_sections_as_text_and_markdown() -> None:
    catalog = bundled_catalog()
    document = framework_sections(catalog, catalog.frameworks["flask"])
    as_text = cli("show", "flask").stdout
    as_markdown = cli("show", "flask", "--format", "markdown").stdout
    assert as_markdown.startswith("# Flask (flask)\n")
    for section in document.sections:
        if section.title:
            assert f"\n{section.title}\n" in as_text
            assert f"\n## {section.title}\n" in as_markdown
        for subsection in section.subsections:
            assert f"\n  {subsection.title}\n" in as_text
            assert f"\n### {subsection.title}\n" in as_markdown
