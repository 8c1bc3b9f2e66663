"""The overview's first frame as plain data, kept next to the catalog cache.

Building the catalog means importing pydantic and the models, which is most of the TUI's
time to its first frame. The overview's first frame needs only the frameworks' ids and
names and the first one's profile: a :class:`Preview`. The TUI draws it straight away and
builds the catalog in a thread worker after the first frame (:mod:`fwtui.app`).

The preview is trusted exactly as far as the catalog cache is (:mod:`fwtui.catalog.cache`):
the same private directory (never a symlink, never another user's or group-writable), a
private regular file, and a header with the same key, so it is valid only while no data
directory, fwtui, pydantic or Python changed since a validated catalog wrote it. Its
contents are checked against the section model's field types as they are read (strings,
numbers, lists: nothing in the file can choose a class or run code), and the screens show
it through :mod:`fwtui.safetext` like any other data. Once the catalog is built, the TUI
compares it with the preview and redraws from the catalog if they differ.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fwtui.catalog.dirs import cache_key, cache_path, trusted_dir
from fwtui.fsutil import UnreadableFile, read_bounded
from fwtui.render import sections
from fwtui.render.sections import Document

if TYPE_CHECKING:
    from fwtui.catalog.store import Catalog

PREVIEW_FILE = "preview.json"
FORMAT = "fwtui-preview 1"
MAX_PREVIEW_BYTES = 64 << 20
"""Largest preview read (10,000 frameworks' names take well under 1 MiB)."""


@dataclass(frozen=True)
class Preview:
    """What the overview shows first: every framework's id and name, in catalog order,
    and the first one's profile."""

    key: str
    frameworks: tuple[tuple[str, str], ...]
    first: Document

    def matches(self, catalog: Catalog) -> bool:
        """Whether ``catalog`` would draw exactly this."""
        current = preview_of(catalog, self.key)
        return current is not None and current == self


def preview_of(catalog: Catalog, key: str) -> Preview | None:
    """The preview of ``catalog`` (None for a catalog without frameworks)."""
    from fwtui.render.framework import framework_sections

    if not catalog.frameworks:
        return None
    first = next(iter(catalog.frameworks.values()))
    names = tuple((framework.id, framework.name) for framework in catalog.frameworks.values())
    return Preview(key, names, framework_sections(catalog, first))


@dataclass(frozen=True)
class QuickStart:
    """How the TUI starts: the preview to draw first (None: the catalog was loaded before
    the app started), how to build the catalog, and how to remember a new preview."""

    preview: Preview | None
    load: Callable[[], Catalog]
    remember: Callable[[Catalog], None]


def quick_start(dirs: Sequence[Path]) -> QuickStart:
    """The start of a TUI over ``dirs``: the cached preview if it is still valid."""
    key = cache_key(dirs)  # before any load: data changed meanwhile makes a stale preview
    preview = read_preview(key)

    def load() -> Catalog:
        from fwtui.catalog.cache import load_catalog_cached

        return load_catalog_cached(dirs)

    def remember(catalog: Catalog) -> None:
        current = preview_of(catalog, key)
        if current is not None and current != preview:
            write_preview(current)

    return QuickStart(preview, load, remember)


# ------------------------------------------------------------------ JSON <-> preview


class _Mismatch(Exception):
    """The JSON does not have the shape of a preview."""


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        encoded = {"type": type(value).__name__}
        encoded.update({f.name: _encode(getattr(value, f.name)) for f in fields(value)})
        return encoded
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def preview_document(preview: Preview) -> dict[str, Any]:
    return {
        "frameworks": [list(pair) for pair in preview.frameworks],
        "first": _encode(preview.first),
    }


def _decode(annotation: Any, value: Any) -> Any:
    """``value`` (JSON) as a value of ``annotation``, or _Mismatch."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        for arm in args:
            with contextlib.suppress(_Mismatch):
                return _decode(arm, value)
        raise _Mismatch
    if origin is tuple:
        if not isinstance(value, list):
            raise _Mismatch
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in value)
        if len(args) != len(value):
            raise _Mismatch
        return tuple(_decode(arm, item) for arm, item in zip(args, value, strict=True))
    if annotation is str or annotation is int or annotation is bool:
        if type(value) is not annotation:
            raise _Mismatch
        return value
    if annotation is float:
        if type(value) not in (int, float):
            raise _Mismatch
        return float(value)
    if isinstance(annotation, type) and is_dataclass(annotation):
        return _decode_dataclass(annotation, value)
    raise _Mismatch


_FIELD_TYPES: dict[str, dict[str, Any]] = {}


def _field_types(kind: type[Any]) -> dict[str, Any]:
    found = _FIELD_TYPES.get(kind.__qualname__)
    if found is None:
        hints = typing.get_type_hints(kind, vars(sections))
        found = _FIELD_TYPES[kind.__qualname__] = {f.name: hints[f.name] for f in fields(kind)}
    return found


def _decode_dataclass(kind: type[Any], value: Any) -> Any:
    types_of = _field_types(kind)
    if (
        not isinstance(value, dict)
        or value.get("type") != kind.__name__
        or value.keys() != {"type", *types_of}
    ):
        raise _Mismatch
    return kind(**{name: _decode(hint, value[name]) for name, hint in types_of.items()})


def preview_from_document(key: str, document: Any) -> Preview:
    """The preview :func:`preview_document` wrote; _Mismatch if it is not one."""
    if not isinstance(document, dict) or document.keys() != {"frameworks", "first"}:
        raise _Mismatch
    names = _decode(tuple[tuple[str, str], ...], document["frameworks"])
    ids = [framework_id for framework_id, _ in names]
    if not names or len(set(ids)) != len(ids):  # widget ids must be unique
        raise _Mismatch
    return Preview(key, names, _decode(Document, document["first"]))


# ------------------------------------------------------------------ read / write


def read_preview(key: str) -> Preview | None:
    """The cached preview, if it can be trusted and its key is ``key``."""
    path = cache_path(PREVIEW_FILE)
    if path is None or not trusted_dir(path.parent, create=False):
        return None
    try:
        raw = read_bounded(path, MAX_PREVIEW_BYTES, follow_links=False, private=True)
    except UnreadableFile:
        return None
    header, _, body = raw.partition(b"\n")
    if header != f"{FORMAT} {key}".encode():
        return None
    try:
        return preview_from_document(key, json.loads(body))
    except (_Mismatch, ValueError, TypeError, RecursionError):
        return None


def write_preview(preview: Preview) -> None:
    """Keep ``preview`` for the next start; silently skipped where the cache cannot be."""
    path = cache_path(PREVIEW_FILE)
    if path is None or not trusted_dir(path.parent, create=True):
        return
    temporary = None
    try:
        body = json.dumps(preview_document(preview), ensure_ascii=False, separators=(",", ":"))
        handle, temporary = tempfile.mkstemp(prefix=".preview.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(f"{FORMAT} {preview.key}\n".encode())
            stream.write(body.encode("utf-8", errors="surrogateescape"))
        os.replace(temporary, path)  # replaces a planted link, never writes through it
    except (OSError, ValueError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
