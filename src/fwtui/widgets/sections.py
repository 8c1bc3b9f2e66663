"""The section model (fwtui.render.sections) as Rich ``Text`` for the TUI's widgets.

Every piece of text is literal: it goes through fwtui.safetext and never through Rich
markup, so ``[bold]`` or an escape sequence in the data shows as typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from rich.text import Text

from fwtui.render.sections import (
    Block,
    Bullets,
    Document,
    Fields,
    Lines,
    Links,
    Paragraph,
    Rating,
    Ratings,
    Scores,
    Section,
    Table,
    Terms,
    Verbatim,
    plain,
)
from fwtui.render.text import table_lines
from fwtui.safetext import clean, clean_line, clean_name

INDENT = "  "
BULLET = "  • "
FIELD_LABEL = 15
"""Columns of a field's label, colon included."""


def literal(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _term(term: str, rest: str) -> Text:
    return Text.assemble(Text(clean_name(term), "bold"), ": ", literal(rest))


def rating_lines(rating: Rating, subject: str = "") -> list[Text]:
    """A rated fact: ``subject: level`` in bold, the note, then its sources and review date."""
    head = f"{subject or rating.subject}: {rating.level}"
    lines = [Text(clean_line(head), "bold"), literal(rating.note)]
    if rating.rubric:
        lines.append(Text.assemble(Text("Rubric: ", "bold dim"), literal(rating.rubric, "dim")))
    if rating.until:
        lines.append(Text(clean_line(rating.until.capitalize()), "italic"))
    lines += [Text(clean_line(f"Source: {url}"), "dim") for url in rating.sources]
    if rating.reviewed:
        reviewed = Text(f"Reviewed {clean_line(rating.reviewed)}", "dim")
        if is_stale(rating.reviewed, dt.date.today()):
            reviewed.append(f" · {STALE_NOTE}", "bold")
        lines.append(reviewed)
    return lines


STALE_AFTER = dt.timedelta(days=365)
"""A fact last reviewed longer ago than this is marked as possibly out of date."""
STALE_NOTE = "over a year ago: may be out of date"


def is_stale(reviewed: str, today: dt.date) -> bool:
    """Whether an ISO review date is older than :data:`STALE_AFTER` (False if unreadable)."""
    try:
        day = dt.date.fromisoformat(reviewed)
    except ValueError:
        return False
    return today - day > STALE_AFTER


def block_lines(block: Block) -> list[Text]:
    if isinstance(block, Paragraph):
        return [literal(plain(block.text))]
    if isinstance(block, Lines):
        more = [literal(INDENT + block.more, "dim")] if block.more else []
        return [literal(INDENT + item) for item in block.items] + more
    if isinstance(block, Bullets):
        if not block.items and block.empty:
            return [literal(INDENT + block.empty)]
        return [Text.assemble(BULLET, literal(item)) for item in block.items]
    if isinstance(block, Terms):
        more = [literal(INDENT + block.more, "dim")] if block.more else []
        return [Text.assemble(INDENT, _term(term, text)) for term, text in block.rows] + more
    if isinstance(block, Fields):
        return [
            Text.assemble(Text(f"{clean_line(label) + ':':<{FIELD_LABEL}}", "bold"), literal(value))
            for label, value in block.rows
        ]
    if isinstance(block, Links):
        return [Text(INDENT + clean_line(url)) for url in block.urls]
    if isinstance(block, Ratings):
        return [line for rating in block.items for line in rating_lines(rating)]
    if isinstance(block, Table):
        return [literal(line) for line in table_lines(block)]
    if isinstance(block, Verbatim):
        return [literal(INDENT + line) for line in block.text.splitlines()]
    return _scores(block)


def _scores(block: Scores) -> list[Text]:
    if not block.items and block.empty:
        return [literal(INDENT + block.empty)]
    lines = [
        Text.assemble(f"{INDENT}{item.rank:>2}. ", literal(item.name), f"  {item.percent:.1f}%")
        for item in block.items
    ]
    return lines + ([literal(INDENT + block.more, "dim")] if block.more else [])


def section_lines(section: Section) -> list[Text]:
    """A section: its title in bold, its blocks, then its subsections after a blank line."""
    lines = [Text(clean_line(section.title), "bold")] if section.title else []
    for block in section.blocks:
        lines += block_lines(block)
    for subsection in section.subsections:
        lines += [Text(), *section_lines(subsection)]
    return lines


def document_text(document: Document, omit: Collection[str] = ()) -> Text:
    """The document: title in bold, subtitle in italics, the sections whose ids are not in
    ``omit`` one after another with a blank line between, the footer dimmed."""
    lines = [Text(clean_name(document.title), "bold")]
    if document.subtitle:
        lines.append(Text(clean_line(document.subtitle), "italic"))
    for section in document.sections:
        if section.id not in omit:
            lines += [Text(), *section_lines(section)]
    if document.footer:
        lines += [Text(), Text(clean(document.footer), "dim")]
    return Text("\n").join(lines)
