"""Problems found in data files, reported as ``FILE:LINE: field.path: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one data file, located as precisely as we can."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        return f"{where} {self.path}: {self.message}" if self.path else f"{where} {self.message}"


class DataError(Exception):
    """The data could not be loaded; ``problems`` lists every reason at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(dict.fromkeys(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """The user asked for something impossible (a missing directory, an unknown id)."""


def valid_list(values: Iterable[object]) -> str:
    """``(valid: a, b, c)`` with a cap, so a long list does not flood the terminal."""
    items = [str(v) for v in values]
    shown = ", ".join(items[:30])
    if len(items) > 30:
        shown += f", ... ({len(items) - 30} more)"
    return f"(valid: {shown})"
