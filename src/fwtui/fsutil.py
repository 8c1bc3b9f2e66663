"""Reading and writing files that may be hostile: bounded reads, atomic writes, no links followed.

Every file fwtui reads is opened without blocking (a FIFO would otherwise hang it), checked
to be a regular file (not a device such as ``/dev/zero``, a directory or a socket) and read
up to a size limit. Every file it writes is written to a temporary file beside it and
renamed over it, so a crash never leaves half a file, and a symlink at the target is
replaced rather than followed (a planted link cannot make fwtui overwrite its target).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from fwtui.errors import UsageError

STALE_AFTER = 600.0
"""Seconds after which a leftover temporary file of ours is taken to be from a killed save."""

MAX_PLAIN_PREFIX = 200
"""Longest file name (bytes) used as is in its temporary file's name; longer ones are hashed,
so that a name of up to 255 bytes still leaves room for the temporary file's own."""


class UnreadableFile(Exception):
    """A file that fwtui will not read: missing, not a regular file, too large, no access."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_bounded(
    path: Path, limit: int, *, follow_links: bool = True, private: bool = False
) -> BinaryIO:
    """The regular file at ``path``, open for reading, checked as :func:`read_bounded` checks
    it (its size no more than ``limit`` when opened); the caller bounds what it reads."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if not follow_links and error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise UnreadableFile("it is a symlink") from None
        raise UnreadableFile(f"cannot read file: {error.strerror}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file")
        if private and not is_private(info):
            raise UnreadableFile("owned or writable by another user")
        if info.st_size > limit:
            raise UnreadableFile(f"file is larger than the {_size(limit)} limit")
        return os.fdopen(descriptor, "rb")
    except (OSError, UnreadableFile) as error:
        os.close(descriptor)
        if isinstance(error, UnreadableFile):
            raise
        raise UnreadableFile(f"cannot read file: {error.strerror}") from None


def read_bounded(
    path: Path, limit: int, *, follow_links: bool = True, private: bool = False
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises UnreadableFile for anything else: a FIFO, device, directory or socket, a file
    larger than ``limit``, with ``follow_links=False`` a symlink, and with ``private`` a
    file that another user owns or could have written.
    """
    with open_bounded(path, limit, follow_links=follow_links, private=private) as stream:
        chunks: list[bytes] = []
        remaining = limit + 1
        try:
            while remaining > 0:
                chunk = stream.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
        except OSError as error:
            raise UnreadableFile(f"cannot read file: {error.strerror}") from None
        data = b"".join(chunks)
    if len(data) > limit:  # it grew while being read
        raise UnreadableFile(f"file is larger than the {_size(limit)} limit")
    return data


def is_private(info: os.stat_result) -> bool:
    """Owned by the current user and writable by nobody else (always True off POSIX)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _size(limit: int) -> str:
    return f"{limit // 1024} KiB" if limit >= 1024 else f"{limit} bytes"


def atomic_write(path: Path, text: str, make_parents: bool = False) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    Either the old file stays intact or the new one is complete. A symlink at ``path`` is
    replaced by the new file, never followed; a link to something that is not a regular
    file (``/dev/stdout``, a device, a FIFO) is refused, as is a directory or any other
    non-regular file as the target. A missing directory is created with ``make_parents``
    (the command line's ``--output docs/decisions/0001.md``); otherwise it, like an
    unwritable one, is a UsageError with a clear message and nothing is created.
    """
    try:
        if make_parents:
            _make_parents(path.expanduser())
        return _atomic_write(path.expanduser(), text)
    except OSError as error:  # a name too long, a loop of links, ... before any write
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def _make_parents(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(
            f"cannot write {path}: a part of {path.parent} is not a directory"
        ) from None


def _atomic_write(path: Path, text: str) -> Path:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        why = "is not a directory" if directory.exists() else "does not exist"
        raise UsageError(f"cannot write {path}: {directory} {why}")
    existing = _lstat(path)
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise UsageError(f"cannot write {path}: it is a directory")
        if stat.S_ISLNK(existing.st_mode):
            target = _stat(path)
            if target is not None and not stat.S_ISREG(target.st_mode):
                raise UsageError(
                    f"cannot write {path}: it is a link to something that is not a regular "
                    "file (leave out --output, or give -, to write to standard output)"
                )
        elif not stat.S_ISREG(existing.st_mode):
            # A device, FIFO or socket would be replaced by the rename, never written to.
            raise UsageError(f"cannot write {path}: not a regular file")
    prefix = _temporary_prefix(path.name)
    try:
        handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=directory)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if existing is not None and stat.S_ISREG(existing.st_mode):
            with contextlib.suppress(OSError):
                os.chmod(temporary, existing.st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)  # replaces a symlink itself, never its target
        _remove_stale_temporaries(directory, prefix)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:  # a dangling link: replacing it is fine
        return None


def _temporary_prefix(name: str) -> str:
    """``.NAME.`` for the temporary file of NAME, or a hash of it when NAME is long."""
    if len(os.fsencode(name)) <= MAX_PLAIN_PREFIX:
        return f".{name}."
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:16]
    return f".fwtui-{digest}."


def _remove_stale_temporaries(directory: Path, prefix: str) -> None:
    """Delete what killed saves of one file left: only our own user's ``PREFIX*.tmp`` files."""
    cutoff = time.time() - STALE_AFTER
    uid = os.getuid() if hasattr(os, "getuid") else None
    for leftover in directory.glob(f"{glob.escape(prefix)}*.tmp"):
        with contextlib.suppress(OSError):
            info = os.lstat(leftover)
            mine = uid is None or info.st_uid == uid
            if stat.S_ISREG(info.st_mode) and mine and info.st_mtime < cutoff:
                leftover.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
