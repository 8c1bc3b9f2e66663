"""Sections as plain text for a terminal: titles flush left, content indented, wrapped.

The layout of every block, for every text output (``fwtui show``, ``fwtui recommend``,
the wizard's result): one place to change how text looks.
"""

from __future__ import annotations

from fwtui.render.sections import (
    Block,
    Bullets,
    Document,
    Fields,
    Lines,
    Links,
    Paragraph,
    Ratings,
    Score,
    Section,
    Table,
    Terms,
    Verbatim,
    plain,
)
from fwtui.safetext import cell_width, pad, wrap

WIDTH = 80
"""Columns of every text output unless a caller (the TUI, --width) says otherwise."""
MIN_WIDTH = 40
"""The narrowest text fwtui wraps to; narrower requests get this."""
INDENT = "  "
HANGING = INDENT * 2
"""Where a wrapped line of an indented item continues."""
FIELD_LABEL = 16
"""Columns of a field's label, colon included."""
NAME_COLUMN = 14
"""Columns of a framework's name in a ranking."""
BAR_WIDTH = 20
"""Cells of a ranking's score bar."""


def bar(percent: float, width: int = BAR_WIDTH) -> str:
    filled = round(width * percent / 100)
    return "█" * filled + "░" * (width - filled)


def _hanging(text: str, width: int, indent: str = INDENT) -> list[str]:
    return wrap(text, width, initial_indent=indent, subsequent_indent=indent + INDENT)


def _score_lines(item: Score, width: int) -> list[str]:
    lines = [
        f"{INDENT}{item.rank:>2}. {pad(item.name, NAME_COLUMN)} {bar(item.percent)} "
        f"{item.percent:5.1f}%  ({item.points:.2f})"
    ]
    if item.explained:
        detail = INDENT * 4
        for reason in item.reasons:
            lines += _hanging(f"+ {reason}", width, detail)
        for gap in item.gaps:
            lines += _hanging(f"- {gap}", width, detail)
    return lines


def table_lines(block: Table) -> list[str]:
    """The table's rows as aligned columns, two spaces apart, indented."""
    rows = (block.header, *block.rows)
    widths = [max(cell_width(row[i]) for row in rows) for i in range(len(block.header))]

    def cell(index: int, text: str) -> str:
        fill = " " * (widths[index] - cell_width(text))
        return fill + text if index in block.right else text + fill

    return [
        (INDENT + "  ".join(cell(i, text) for i, text in enumerate(row))).rstrip() for row in rows
    ]


def block_lines(block: Block, width: int = WIDTH) -> list[str]:
    """One block as lines of at most ``width`` columns (notes of fwtui's own are not cut)."""
    lines: list[str] = []
    if isinstance(block, Paragraph):
        text = plain(block.text)
        return wrap(text, width, initial_indent=INDENT, subsequent_indent=INDENT) or [INDENT]
    if isinstance(block, Lines):
        lines = [wrapped for item in block.items for wrapped in _hanging(item, width)]
        return lines + ([INDENT + block.more] if block.more else [])
    if isinstance(block, Bullets):
        for item in block.items:
            lines += wrap(item, width, initial_indent=INDENT + "- ", subsequent_indent=HANGING)
        return lines if block.items or not block.empty else [INDENT + block.empty]
    if isinstance(block, Terms):
        lines = [w for term, text in block.rows for w in _hanging(f"{term}: {text}", width)]
        return lines + ([INDENT + block.more] if block.more else [])
    if isinstance(block, Fields):
        for label, value in block.rows:
            lines += wrap(
                value,
                width,
                initial_indent=f"{INDENT}{label + ':':<{FIELD_LABEL}}",
                subsequent_indent=" " * (len(INDENT) + FIELD_LABEL),
                break_long_words=False,
            )
        return lines
    if isinstance(block, Links):
        return [INDENT + url for url in block.urls]
    if isinstance(block, Ratings):
        detail = INDENT * 3
        for rating in block.items:
            lines.append(f"{INDENT}{rating.subject}: {rating.level}")
            note = wrap(rating.note, width, initial_indent=detail, subsequent_indent=detail)
            lines += note  # an unknown fact may have no note
            if rating.rubric:
                lines += wrap(
                    f"rubric: {rating.rubric}",
                    width,
                    initial_indent=detail,
                    subsequent_indent=detail + INDENT,
                )
            if rating.until:
                lines.append(f"{detail}{rating.until}")
            lines += [f"{detail}source: {url}" for url in rating.sources]
        return lines
    if isinstance(block, Table):
        return table_lines(block)
    if isinstance(block, Verbatim):
        return [(INDENT + line).rstrip() for line in block.text.splitlines()]
    if not block.items and block.empty:
        return [INDENT + block.empty]
    lines = [line for item in block.items for line in _score_lines(item, width)]
    return lines + ([INDENT + block.more] if block.more else [])


def section_lines(section: Section, width: int = WIDTH, depth: int = 0) -> list[str]:
    """A section: its title, then its blocks; subsections follow, each after a blank line,
    their titles indented."""
    lines = [INDENT * depth + section.title] if section.title else []
    for block in section.blocks:
        lines += block_lines(block, width)
    for subsection in section.subsections:
        lines += ["", *section_lines(subsection, width, depth + 1)]
    return lines


def sections_lines(sections: tuple[Section, ...], width: int = WIDTH) -> list[str]:
    """Sections one after another, a blank line between two."""
    lines: list[str] = []
    for section in sections:
        if lines:
            lines.append("")
        lines += section_lines(section, width)
    return lines


def sections_text(sections: tuple[Section, ...], width: int, closing: str) -> str:
    """Sections for a terminal (at least MIN_WIDTH wide), then a blank line and the
    ``closing`` line; ends in a newline, as a command prints it."""
    lines = sections_lines(sections, max(MIN_WIDTH, width))
    lines += ["", closing]
    return "\n".join(lines) + "\n"


def render_document(document: Document, width: int = WIDTH) -> str:
    """A document: its title underlined, the subtitle, the sections, then the footer.

    No newline at the end: the caller prints it.
    """
    lines = [document.title, "=" * min(width, cell_width(document.title))]
    lines += wrap(document.subtitle, width)
    lines += ["", *sections_lines(document.sections, width)]
    if document.footer:
        lines += ["", document.footer]
    return "\n".join(lines)
