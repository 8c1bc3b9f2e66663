"""The section model every output of a subject is rendered from.

A builder decides once what is said about a subject (a recommendation, a framework's
profile): a :class:`Document` of titled :class:`Section` s holding blocks. The renderers
decide only how it looks: :mod:`fwtui.render.text` for a terminal, :mod:`fwtui.render.markdown`
for Markdown and the ADR, widgets in the TUI.

Every string here is plain text, from the data or from fwtui; nothing is markup. Each
renderer makes it inert for its format (Markdown escapes, literal Rich ``Text``), and the
outputs go through :mod:`fwtui.safetext` as before.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """A piece of text to show as code: a command to run, a file name."""

    text: str


# A run of text: plain, or pieces of which some are code.
Inline = str | tuple[str | Code, ...]


def plain(text: Inline) -> str:
    """The text of a run without any marking."""
    if isinstance(text, str):
        return text
    return "".join(part if isinstance(part, str) else part.text for part in text)


@dataclass(frozen=True)
class Paragraph:
    """Prose, wrapped to the width of the output."""

    text: Inline


@dataclass(frozen=True)
class Lines:
    """Short statements, one a line (the answers, the reasons the winner leads).

    Text shows them as indented lines, Markdown as a list. ``more`` says how many were
    left out, e.g. ``... and 4 more``.
    """

    items: tuple[str, ...]
    more: str = ""


@dataclass(frozen=True)
class Bullets:
    """A bulleted list; ``empty`` is said instead when it has no items."""

    items: tuple[str, ...]
    empty: str = ""


@dataclass(frozen=True)
class Terms:
    """Terms and what is said of each: an eliminated framework and why."""

    rows: tuple[tuple[str, str], ...]
    more: str = ""


@dataclass(frozen=True)
class Fields:
    """Key/value rows, e.g. a profile's license and latest release (values aligned in text)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Links:
    """URLs, shown as links where the format has them."""

    urls: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """One entry of a ranking. ``explained``: the reasons and gaps are shown in text too."""

    rank: int
    name: str
    percent: float
    points: float
    reasons: tuple[str, ...]
    gaps: tuple[str, ...]
    explained: bool


@dataclass(frozen=True)
class Scores:
    """A ranking: a bar per entry in text, a table in Markdown.

    ``empty`` is said when nothing is ranked; ``more`` says how many were left out.
    """

    items: tuple[Score, ...]
    empty: str = ""
    more: str = ""


@dataclass(frozen=True)
class Rating:
    """A framework's level on a criterion, with the note and sources that back it.

    ``rubric`` says what earns that level on the criterion; ``until`` names the day a
    time-limited level stops holding ("valid until 2026-12-06").
    """

    subject: str
    level: str
    note: str
    sources: tuple[str, ...]
    reviewed: str = ""
    rubric: str = ""
    until: str = ""


@dataclass(frozen=True)
class Ratings:
    """Rated facts, e.g. a profile's facts of one group of criteria."""

    items: tuple[Rating, ...]


@dataclass(frozen=True)
class Table:
    """Rows under a header: aligned columns in text, a table in Markdown.

    ``right`` lists the columns aligned to the right (numbers). The builder keeps text
    tables within the width it was given: columns are never wrapped.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[int, ...] = ()


@dataclass(frozen=True)
class Verbatim:
    """Text shown exactly as it is, e.g. a file to save: fenced in Markdown (``language``
    names it there), indented in text."""

    text: str
    language: str = ""


Block = Paragraph | Lines | Bullets | Terms | Fields | Links | Scores | Ratings | Table | Verbatim


@dataclass(frozen=True)
class Section:
    """A titled part of a document; an untitled one is shown as its blocks alone.

    ``id`` names the section for code that picks sections (stable, unlike the title).
    """

    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    id: str = ""


@dataclass(frozen=True)
class Document:
    """A subject's sections, under a title and an optional one-line ``subtitle``.

    ``footer`` closes it (a profile's review date); ``meta`` is front matter (the ADR's
    status and date).
    """

    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    footer: str = ""
    meta: tuple[tuple[str, str], ...] = ()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
