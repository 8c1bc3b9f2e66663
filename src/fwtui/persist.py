"""What the TUI remembers between runs, in the user state dir: last answers and theme.

Files here are written atomically (a symlink in their place is replaced, never followed)
and read defensively: a corrupt file is ignored with a notice, never a crash. An app that
``fwtui serve`` runs for a browser remembers nothing: a visitor must not change what the
person at the terminal sees next time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from fwtui.errors import DataError, UsageError, Warnings
from fwtui.fsutil import atomic_write
from fwtui.paths import state_dir

if TYPE_CHECKING:  # the answers need pydantic: imported by the wizard, not at start-up
    from fwtui.advisor.answers import Answers
    from fwtui.catalog.store import Catalog

LAST_ANSWERS = "last-answers.yaml"
SETTINGS = "settings.yaml"
MAX_THEME_NAME = 100
"""A longer theme name in settings.yaml is no theme of Textual's: it is ignored."""


def _remembers() -> bool:
    from fwtui.served import is_served

    return not is_served()


def save_last_answers(catalog: Catalog, answers: Answers) -> Path | None:
    """Remember the answers; returns None (silently) when the state dir cannot be written."""
    from fwtui.advisor.answers import answers_document

    if not _remembers():
        return None
    directory = state_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        now = dt.datetime.now(tz=dt.timezone.utc)
        return atomic_write(directory / LAST_ANSWERS, answers_document(catalog, answers, now))
    except (OSError, UsageError):
        return None


def load_last_answers(catalog: Catalog, warn: Warnings) -> Answers | None:
    """The saved answers, or None. A missing file is no warning; a broken one is."""
    from fwtui.advisor.answers import load_answers_file

    path = state_dir() / LAST_ANSWERS
    if not path.exists() and not path.is_symlink():
        return None
    try:
        answers = load_answers_file(catalog, path, warn)
    except UsageError as error:
        warn.append(f"Ignored the saved answers: {error}")
        return None
    return answers or None


def load_theme(warn: Warnings) -> str | None:
    """The saved theme's name, or None. A missing file is no warning; a broken one is."""
    path = state_dir() / SETTINGS
    if not path.exists() and not path.is_symlink():  # anything else: the reader says why
        return None
    from fwtui.catalog.yamlsafe import (
        load_yaml,  # only when a theme was saved: yaml is slow to import
    )

    try:
        data = load_yaml(path, str(path)).data
    except DataError as error:
        warn.append(f"Ignored the saved settings: {error.problems[0]}")
        return None
    theme = data.get("theme")
    return theme if isinstance(theme, str) and len(theme) < MAX_THEME_NAME else None


def save_theme(theme: str) -> None:
    if not _remembers():
        return
    import yaml

    directory = state_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        atomic_write(directory / SETTINGS, yaml.safe_dump({"theme": theme}))
    except (OSError, UsageError):
        pass
