"""Writing files so that a crash never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from pathlib import Path

from fwtui.problems import UsageError


def atomic_write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    Either the old file stays intact or the new one is complete. A symlink is followed
    and its target replaced. A missing or unwritable directory, a directory or any other
    non-regular file as the target is a UsageError with a clear message; nothing is created.
    """
    try:
        return _atomic_write(path.expanduser(), text)
    except OSError as error:  # a name too long, a loop of links, ... before any write
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def _atomic_write(path: Path, text: str) -> Path:
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write the file the link names, as editors do
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        why = "is not a directory" if directory.exists() else "does not exist"
        raise UsageError(f"cannot write {path}: {directory} {why}")
    if path.is_dir():
        raise UsageError(f"cannot write {path}: it is a directory")
    if path.exists() and not path.is_file():
        # A device, FIFO or socket would be replaced by the rename, never written to.
        raise UsageError(f"cannot write {path}: not a regular file")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        _remove_stale_temporaries(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


STALE_AFTER = 600.0
"""Seconds after which a leftover temporary file of ours is taken to be from a killed save."""


def _remove_stale_temporaries(path: Path) -> None:
    """Delete what saves of ``path`` killed mid-write left (only our own ``.NAME.*.tmp``)."""
    cutoff = time.time() - STALE_AFTER
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
