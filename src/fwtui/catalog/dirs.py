"""Where the catalog's data and its cache live, whether the cache can be trusted, and the
cache key. Light on purpose: no pydantic, no YAML, no models, so the TUI can find out
whether its cached first frame is still valid before anything heavy is imported.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from importlib.util import find_spec
from pathlib import Path

from fwtui import __version__
from fwtui.errors import UsageError
from fwtui.fsutil import is_private
from fwtui.paths import cache_dir, user_data_dir

BUNDLED_DIR = Path(__file__).parent.parent / "data"
ENV_VAR = "FWTUI_DATA"
FRAMEWORKS_DIR = "frameworks"
NO_CACHE_ENV = "FWTUI_NO_CACHE"


def extra_dirs(cli_dirs: Iterable[str] = (), environ: dict[str, str] | None = None) -> list[Path]:
    """The user data directories in load order; missing explicit ones are a UsageError."""
    environ = dict(os.environ) if environ is None else environ
    dirs: list[Path] = []
    for raw in cli_dirs:
        dirs.append(_checked_dir(raw, "--data"))
    for raw in environ.get(ENV_VAR, "").split(os.pathsep):
        if raw.strip():
            dirs.append(_checked_dir(raw, ENV_VAR))
    user_dir = user_data_dir()
    if user_dir.is_dir():
        dirs.append(user_dir)
    return dirs


def _checked_dir(raw: str, source: str) -> Path:
    path = Path(raw).expanduser()
    if not path.exists():
        raise UsageError(f"{source} {raw}: no such directory")
    if not path.is_dir():
        raise UsageError(f"{source} {raw}: not a directory")
    if not os.access(path, os.R_OK | os.X_OK):
        raise UsageError(f"{source} {raw}: directory is not readable")
    return path


# ------------------------------------------------------------------ the cache


def cache_path(name: str) -> Path | None:
    """Where the cache file ``name`` lives, or None when caching is switched off."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    return cache_dir() / name


def trusted_dir(directory: Path, create: bool) -> bool:
    """The cache directory exists (or was just made), is a real directory and is private."""
    try:
        info = os.lstat(directory)
    except FileNotFoundError:
        if not create:
            return False
        try:
            directory.mkdir(mode=0o700, parents=True)
            info = os.lstat(directory)
        except OSError:
            return False
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and is_private(info)


def _pydantic_version_file() -> bytes:
    """The bytes of pydantic's ``version.py`` (it holds ``VERSION``), read without importing
    pydantic: importing it alone costs as much as a tenth of the TUI's first frame."""
    spec = find_spec("pydantic")
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        return b"no pydantic"
    try:
        return (Path(next(iter(locations))) / "version.py").read_bytes()
    except OSError as error:
        return f"unreadable {error.errno}".encode()


def cache_key(dirs: Sequence[Path]) -> str:
    """A hash of the versions involved and of every data directory's entries."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{sys.version}\0".encode())
    digest.update(_pydantic_version_file())
    for directory in (BUNDLED_DIR, *dirs):
        for folder in (directory, directory / FRAMEWORKS_DIR):
            digest.update(f"\0dir {folder.resolve()}\n".encode(errors="surrogateescape"))
            try:
                names = sorted(os.listdir(folder))
            except OSError as error:
                digest.update(f"unreadable {error.errno}\n".encode())
                continue
            for name in names:
                digest.update(_entry_line(folder / name).encode(errors="surrogateescape"))
    return digest.hexdigest()


def _entry_line(path: Path) -> str:
    """One directory entry as hashed: what it points to, or why it cannot be read."""
    try:
        info = path.stat()  # follows symlinks: the file that would be read counts
    except OSError as error:
        return f"{path.name}\0error {error.errno}\n"
    return (
        f"{path.name}\0{info.st_mode}\0{info.st_size}\0{info.st_ino}\0"
        f"{info.st_mtime_ns}\0{info.st_ctime_ns}\n"
    )
