"""What an app that ``fwtui serve`` started for a browser may do, decided from its
environment: whether it is served at all, and where (if anywhere) it may save exports.

Kept apart from :mod:`fwtui.serve`, the server, so that the TUI can ask without importing
the server's code.
"""

from __future__ import annotations

import os
from pathlib import Path

from fwtui.errors import UsageError

# textual-serve runs each app with this driver, over pipes rather than a terminal.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
# Set by `fwtui serve --export-dir DIR` for the apps it starts (and only for them): DIR.
EXPORT_DIR_ENV = "FWTUI_EXPORT_DIR"


def is_served() -> bool:
    """True inside an app process that textual-serve started for a browser."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def served_export_dir() -> Path | None:
    """In a served app: the directory ``fwtui serve --export-dir`` chose, or None (no exports)."""
    value = os.environ.get(EXPORT_DIR_ENV, "")
    return Path(value) if value and os.path.isabs(value) else None


def export_name_problem(name: str) -> str | None:
    """Why ``name`` is not a plain file name for the export directory, or None."""
    separators = {"/", "\\", os.sep, os.altsep or "/"}
    if not name:
        return "Type a file name."
    if any(separator in name for separator in separators) or name in (".", ".."):
        return "Type a file name only, without a directory: it is saved in the export directory."
    if name.startswith("."):
        return "The file name may not start with a dot."
    if not name.isprintable():
        return "The file name may not hold control or invisible characters."
    return None


def export_path(directory: Path, name: str) -> Path:
    """Where a served app writes the export ``name``: inside ``directory``, or UsageError.

    ``name`` must be a plain file name; an existing entry that resolves elsewhere (a
    symlink out of the directory) is refused too.
    """
    problem = export_name_problem(name)
    if problem is not None:
        raise UsageError(problem)
    base = Path(os.path.realpath(directory))
    target = base / name
    if Path(os.path.realpath(target)).parent != base:
        raise UsageError(f"{name} would be written outside {base}; choose another name.")
    return target
