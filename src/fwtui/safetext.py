"""The one sanitiser for text that came from a file, the user or the environment.

Data files, answers files, ``keys.yaml``, state files, paths and error messages may hold
escape sequences, hostile or by accident. Written raw they would move the cursor, set the
clipboard (OSC 52), retitle the window or reorder what the reader sees (bidi overrides).
Every such string passes through :func:`clean` (or :func:`clean_line` for one-line fields,
:func:`clean_name` for names and ids) before any widget or any output shows it: each
dangerous character is replaced by a visible placeholder such as ``\\x1b`` or ``\\u202e``.

The YAML loader applies it to every string it reads, so the catalog itself never holds a
control character; the CLI and the TUI apply it again to whatever they print, which also
covers paths, error messages and text typed by the user.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# C0 controls but newline and tab, DEL, C1 (ESC is C0); bidi embeddings, overrides and
# isolates; lone surrogates (a file name that is not UTF-8 decodes to them, and no stream
# can encode them).
_CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_MULTILINE = re.compile(f"[{_CONTROLS}]")
# One-line fields also lose newline, tab and the Unicode line and paragraph separators.
_ONE_LINE = re.compile(f"[{_CONTROLS}\\n\\t\u2028\u2029]")
# Names and ids also lose zero-width and invisible formatting characters, so that two names
# that look the same are the same (U+200B..U+200F, U+2060..U+2064, U+FEFF, U+180E, U+061C).
_NAME = re.compile(f"[{_CONTROLS}\\n\\t\u2028\u2029\u200b-\u200f\u2060-\u2064\ufeff\u180e\u061c]")


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control character except newline and tab made visible."""
    return _MULTILINE.sub(_placeholder, text)


def clean_line(text: str) -> str:
    """``text`` for a one-line field: newlines and tabs are made visible too."""
    return _ONE_LINE.sub(_placeholder, text)


def clean_name(text: str) -> str:
    """A name or id: one line, and zero-width characters made visible as well."""
    return _NAME.sub(_placeholder, text)


def dumps(document: Any) -> str:
    """JSON text in which no control character appears raw (JSON escapes them all)."""
    import json  # only for the JSON outputs: off the start-up path of the rest

    text = json.dumps(document, indent=2, ensure_ascii=False)
    return re.sub(
        r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )


def markdown_inert(text: str) -> str:
    """Text from data made inert in Markdown: no HTML, links, emphasis or table breaks."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


_URL_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]")


def url_inert(url: str) -> str:
    """A URL safe inside Markdown's ``<...>``, an HTML attribute or a terminal line: every
    character a URL may not hold unencoded (spaces, quotes, angle brackets, controls) is
    percent-encoded. Sources are checked on load; this holds for any other URL too."""
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def quoted(text: str, limit: int = 60) -> str:
    """A value quoted in a one-line message: escaped, and cut when long."""
    shown = clean_line(text)
    if len(shown) <= limit:
        return f"'{shown}'"
    return f"'{shown[:limit]}...' ({len(text)} characters)"


def cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, saying how long it was."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


# ------------------------------------------------------------------ terminal cell width


def char_width(char: str) -> int:
    """Columns a character takes in a terminal: 0 for combining marks, 2 for wide ones."""
    if char < "\u0300":  # ASCII and Latin: the common case, fast
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def cell_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (``len`` counts a CJK character as one)."""
    if text.isascii():
        return len(text)
    return sum(char_width(char) for char in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in an ellipsis when cut."""
    if cell_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = char_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + "…"


def pad(text: str, width: int) -> str:
    """``text`` fitted to ``width`` columns and padded with spaces to exactly that."""
    fitted = fit(text, width)
    return fitted + " " * max(0, width - cell_width(fitted))


def _prefix(text: str, width: int) -> str:
    """The longest start of ``text`` that fits ``width`` columns (at least one character)."""
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > width:
            return text[: max(1, index)]
    return text


def wrap(
    text: str,
    width: int,
    initial_indent: str = "",
    subsequent_indent: str = "",
    break_long_words: bool = True,
) -> list[str]:
    """Word wrap measured in terminal columns, so wide (CJK, emoji) text fits too.

    Text whose every character takes one column is wrapped by :mod:`textwrap` exactly as
    before; other text greedily, a word longer than a line split across lines.
    """
    if cell_width(text) == len(text) and cell_width(initial_indent + subsequent_indent) == len(
        initial_indent + subsequent_indent
    ):
        import textwrap

        return textwrap.wrap(
            text,
            width,
            initial_indent=initial_indent,
            subsequent_indent=subsequent_indent,
            break_long_words=break_long_words,
        )
    lines: list[str] = []
    indent, line = initial_indent, ""
    for word in text.split():
        while word:
            room = width - cell_width(indent)
            candidate = f"{line} {word}" if line else word
            if cell_width(candidate) <= room:
                line, word = candidate, ""
            elif line:
                lines.append(indent + line)
                indent, line = subsequent_indent, ""
            else:
                head = _prefix(word, max(1, room))
                lines.append(indent + head)
                indent, word = subsequent_indent, word[len(head) :]
    if line:
        lines.append(indent + line)
    return lines
