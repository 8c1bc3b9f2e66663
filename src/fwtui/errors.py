"""Problems found in data files, reported as ``FILE:LINE: field.path: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fwtui.safetext import clean_line, cut

Warnings = list[str]
"""The one way core code hands warnings to the CLI or the TUI.

A function that can warn takes ``warn: Warnings`` and appends one line per warning (plain
words, no ``warning:`` prefix; the shell sanitises it); what it returns stays its plain
result. The caller owns the list and may pass it on, so warnings gathered in several
steps arrive together. The CLI prints each as ``fwtui: warning: LINE`` on stderr
(``cli.print_warnings``); the TUI shows each as a notice.
"""

# Exit statuses of every fwtui command.
EXIT_OK = 0
EXIT_INVALID_DATA = 1
EXIT_USAGE = 2

# Bounds on each part of a problem line, so that a hostile file's long keys or values
# cannot produce lines of hundreds of kilobytes.
MAX_FILE_SHOWN = 300
MAX_PATH_SHOWN = 120
MAX_SUGGESTION_CANDIDATES = 2000
"""Past this many valid names a misspelling gets no suggestion (difflib compares each)."""
MAX_MESSAGE_SHOWN = 800  # room for a did-you-mean and the valid values


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one data file, located as precisely as we can."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        """Always one line: newlines and control characters in any part are made visible,
        so a value cannot forge further ``FILE:LINE:`` lines."""
        where = f"{cut(clean_line(self.file), MAX_FILE_SHOWN)}:{self.line}:"
        message = cut(clean_line(self.message), MAX_MESSAGE_SHOWN)
        if not self.path:
            return f"{where} {message}"
        return f"{where} {cut(clean_line(self.path), MAX_PATH_SHOWN)}: {message}"


class DataError(Exception):
    """The data could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(dict.fromkeys(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """The user asked for something impossible (a missing directory, an unknown id)."""


def did_you_mean(word: str, candidates: Iterable[object]) -> str:
    """`` (did you mean 'x'?)`` for the candidate closest to a misspelt ``word``, or ""."""
    import difflib

    names = [str(c) for c in candidates]
    if len(names) > MAX_SUGGESTION_CANDIDATES or len(word) > 64:
        return ""  # a hostile file's thousands of misses must not each scan thousands of ids
    by_case = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(word.casefold(), list(by_case), n=1, cutoff=0.6)
    if not close or by_case[close[0]] == word:
        return ""
    return f" (did you mean '{cut(clean_line(by_case[close[0]]), 64)}'?)"


def unknown(kind: str, value: str, valid: Iterable[object]) -> str:
    """``unknown KIND 'VALUE' (did you mean 'X'?) (valid: ...)``."""
    names = list(valid)
    shown = cut(clean_line(value), 64)
    return f"unknown {kind} '{shown}'{did_you_mean(value, names)} {valid_list(names)}"


def valid_list(values: Iterable[object]) -> str:
    """``(valid: a, b, c)`` with a cap, so a long list does not flood the terminal."""
    items = [cut(clean_line(str(v)), 64) for v in values]
    shown = ", ".join(items[:30])
    if len(items) > 30:
        shown += f", ... ({len(items) - 30} more)"
    return f"(valid: {shown})"
