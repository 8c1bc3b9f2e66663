"""Sections as Markdown (CommonMark with GitHub's tables), every piece of text made inert.

Headings nest by depth: the document's title is ``#``, its sections ``##``, theirs ``###``.
Blocks and headings are separated by one blank line.
"""

from __future__ import annotations

import re

from fwtui.render.sections import (
    Block,
    Bullets,
    Code,
    Document,
    Fields,
    Inline,
    Lines,
    Links,
    Paragraph,
    Ratings,
    Scores,
    Section,
    Table,
    Terms,
    Verbatim,
)
from fwtui.safetext import markdown_inert, url_inert


def inline(text: Inline) -> str:
    """A run of text, inert: data can never become emphasis, links, HTML or a table cell."""
    if isinstance(text, str):
        return markdown_inert(text)
    return "".join(
        f"`{part.text}`" if isinstance(part, Code) else markdown_inert(part) for part in text
    )


def block_lines(block: Block, bullet: str = "-") -> list[str]:
    """One block as Markdown lines; an empty list is no lines at all."""
    if isinstance(block, Paragraph):
        return [inline(block.text)]
    if isinstance(block, Lines):
        lines = [f"{bullet} {inline(item)}" for item in block.items]
        return lines + ([inline(block.more)] if block.more else [])
    if isinstance(block, Bullets):
        items = block.items or ((block.empty,) if block.empty else ())
        return [f"{bullet} {inline(item)}" for item in items]
    if isinstance(block, Terms):
        lines = [f"{bullet} **{inline(term)}**: {inline(text)}" for term, text in block.rows]
        return lines + ([inline(block.more)] if block.more else [])
    if isinstance(block, Fields):
        return [f"{bullet} **{inline(label)}**: {inline(value)}" for label, value in block.rows]
    if isinstance(block, Links):
        return [f"{bullet} <{url_inert(url)}>" for url in block.urls]
    if isinstance(block, Ratings):
        return _ratings(block, bullet)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Verbatim):
        fence = _fence(block.text)
        return [fence + block.language, *block.text.splitlines(), fence]
    return _scores(block)


def _table(block: Table) -> list[str]:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(inline(cell) for cell in cells) + " |"

    rule = "|" + "".join("---:|" if i in block.right else "---|" for i in range(len(block.header)))
    return [row(block.header), rule, *(row(cells) for cells in block.rows)]


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text``, so it cannot be closed
    from inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _ratings(block: Ratings, bullet: str) -> list[str]:
    lines = []
    for rating in block.items:
        note = f": {inline(rating.note)}" if rating.note else ""
        lines.append(f"{bullet} **{inline(rating.subject)}**: {inline(rating.level)}{note}")
        if rating.rubric:
            lines.append(f"  {bullet} *Rubric:* {inline(rating.rubric)}")
        if rating.until:
            lines.append(f"  {bullet} *{inline(rating.until).capitalize()}*")
        lines += [f"  {bullet} <{url_inert(url)}>" for url in rating.sources]
    return lines


def _scores(block: Scores) -> list[str]:
    if not block.items and block.empty:
        return [inline(block.empty)]
    lines = ["| # | Framework | Score | Top reasons |", "|---|---|---|---|"]
    for item in block.items:
        reasons = "; ".join(inline(reason) for reason in item.reasons)
        lines.append(f"| {item.rank} | {inline(item.name)} | {item.percent:.1f}% | {reasons} |")
    return lines + ([inline(block.more)] if block.more else [])


def _chunks(section: Section, depth: int, bullet: str) -> list[list[str]]:
    chunks = [[f"{'#' * depth} {inline(section.title)}"]] if section.title else []
    chunks += [block_lines(block, bullet) for block in section.blocks]
    for subsection in section.subsections:
        chunks += _chunks(subsection, depth + 1, bullet)
    return chunks


def render_document(document: Document, bullet: str = "-") -> str:
    """The document as Markdown, with YAML front matter when it has ``meta``.

    ``bullet`` is the list marker (``-``, or ``*`` as MADR writes its records).
    """
    chunks: list[list[str]] = []
    if document.meta:
        chunks.append(["---", *(f"{key}: {value}" for key, value in document.meta), "---"])
    if document.title:
        chunks.append([f"# {inline(document.title)}"])
    if document.subtitle:
        chunks.append([inline(document.subtitle)])
    for section in document.sections:
        chunks += _chunks(section, 2, bullet)
    if document.footer:
        chunks.append([inline(document.footer)])
    lines: list[str] = []
    for index, chunk in enumerate(chunks):
        if index:
            lines.append("")
        lines += chunk
    return "\n".join(lines) + "\n"


def render_with_colophon(document: Document, colophon: str) -> str:
    """The document's title and sections as Markdown, then ``colophon`` as a last paragraph."""
    closing = Section("", (Paragraph(colophon),))
    return render_document(Document(document.title, (*document.sections, closing)))
