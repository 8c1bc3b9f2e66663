"""A cache of the validated catalog, so that later runs skip YAML parsing and validation.

The cache is one file in the user cache directory: a key line, then the pickled Catalog.
The key hashes fwtui's, pydantic's and Python's versions and the name, size, inode and
modification times of every entry of every data directory read, so any change to the
data (or to fwtui) means a fresh, fully validated load. A cache that cannot be read is
ignored; one that cannot be written is skipped. Set FWTUI_NO_CACHE=1 to bypass it.

Only a catalog that validated is ever cached, and the file is only read from the user's
own cache directory, which fwtui creates readable by its owner alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from fwtui import __version__
from fwtui.catalog import BUNDLED_DIR, FRAMEWORKS_DIR, Catalog, load_catalog

NO_CACHE_ENV = "FWTUI_NO_CACHE"
CACHE_FILE = "catalog.pickle"


def cache_file() -> Path | None:
    """Where the cache lives, or None when caching is switched off."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    from platformdirs import user_cache_path

    return user_cache_path("fwtui", appauthor=False) / CACHE_FILE


def cache_key(dirs: Sequence[Path]) -> str:
    """A hash of the versions involved and of every data directory's entries."""
    import pydantic

    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{pydantic.VERSION}\0{sys.version}\0".encode())
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


def _read(path: Path, key: str) -> Catalog | None:
    try:
        with path.open("rb") as stream:
            if stream.readline() != f"{key}\n".encode():
                return None
            catalog = pickle.load(stream)
    except Exception:  # a cache that cannot be read is the same as no cache
        return None
    return catalog if isinstance(catalog, Catalog) else None


def _write(path: Path, key: str, catalog: Catalog) -> None:
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".catalog.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(f"{key}\n".encode())
            pickle.dump(catalog, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def load_catalog_cached(dirs: Sequence[Path] = ()) -> Catalog:
    """Like load_catalog, but reuse the last validated catalog when nothing changed."""
    path = cache_file()
    if path is None:
        return load_catalog(dirs)
    key = cache_key(dirs)
    cached = _read(path, key)
    if cached is not None:
        return cached
    catalog = load_catalog(dirs)
    _write(path, key, catalog)
    return catalog
