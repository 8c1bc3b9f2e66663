"""A cache of the validated catalog, so that later runs skip YAML parsing and validation.

The cache is one file in the user cache directory: a line naming the format and the key,
then the catalog as plain JSON, one line per entry (read and built line by line, so a large
catalog's text and its whole document are never held at once, only the models). Loading it
can only ever build fwtui's own model classes
from strings, numbers, lists and mappings (with ``model_construct``, checked against the
models' field types as it goes): unlike a pickle, nothing in the file can run code.

The key hashes fwtui's, pydantic's and Python's versions and the name, size, inode and
modification times of every entry of every data directory read, so any change to the
data (or to fwtui) means a fresh, fully validated load. Set FWTUI_NO_CACHE=1 to bypass it.

A cache directory or file that is a symlink, is not owned by the current user, or can be
written by anyone else is never read (a shared or mis-set ``XDG_CACHE_HOME`` must not let
another user choose what fwtui shows), and nothing is written there either. A cache that
cannot be read or does not match the models is ignored; one that cannot be written is
skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from fwtui.catalog.dirs import cache_key, cache_path
from fwtui.catalog.dirs import trusted_dir as _trusted_dir
from fwtui.catalog.loader import load_catalog
from fwtui.catalog.models import Criterion as CriterionModel
from fwtui.catalog.models import FaqEntry, Framework, Group, Meta, Question, Scale, Topic
from fwtui.catalog.store import Catalog, FactLines, Replacement
from fwtui.fsutil import UnreadableFile, open_bounded
from fwtui.gcpause import cyclic_gc_paused

CACHE_FILE = "catalog.json"
FORMAT = "fwtui-catalog-cache 4"
MAX_CACHE_BYTES = 1 << 30
"""Largest cache file read (10,000 frameworks take about 300 MiB)."""

# Catalog field -> the model class of its values (dict fields) or of itself (meta).
_TABLES: dict[str, type[Any]] = {
    "groups": Group,
    "scales": Scale,
    "criteria": CriterionModel,
    "frameworks": Framework,
    "questions": Question,
    "topics": Topic,
    "faq": FaqEntry,
}


_WRITE_CHUNK = 1 << 20


class _Mismatch(Exception):
    """The cached JSON does not have the shape the models expect."""


def cache_file() -> Path | None:
    """Where the cache lives, or None when caching is switched off."""
    return cache_path(CACHE_FILE)


# ---------------------------------------------------------------- JSON <-> models


def _builder(annotation: Any) -> Callable[[Any], Any]:
    """A function that turns JSON data into a value of ``annotation``, or raises _Mismatch."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _builder(args[0])
    if origin in (typing.Union, types.UnionType):
        return _union_builder(args)
    if origin is list:
        item = _builder(args[0])

        def build_list(value: Any) -> list[Any]:
            if not isinstance(value, list):
                raise _Mismatch
            return [item(v) for v in value]

        return build_list
    if origin is dict:
        item = _builder(args[1])

        def build_dict(value: Any) -> dict[str, Any]:
            if not isinstance(value, dict):
                raise _Mismatch
            return {k: item(v) for k, v in value.items()}  # JSON keys are always text

        return build_dict
    if origin is typing.Literal:
        return lambda value: value if value in args else _fail()
    if isinstance(annotation, type):
        return _type_builder(annotation)
    raise TypeError(f"the cache cannot hold {annotation!r}")  # a model field type we forgot


def _type_builder(kind: type[Any]) -> Callable[[Any], Any]:
    from pydantic import BaseModel

    if issubclass(kind, BaseModel):
        return _model_builder(kind)
    if issubclass(kind, enum.Enum):
        return lambda value: kind(value)
    if kind is dt.date:
        return lambda value: dt.date.fromisoformat(_text(value))
    if kind is float:
        return _number
    if kind is str:
        return _text
    if kind is int:
        return lambda value: value if type(value) is int else _fail()
    if kind is bool:
        return lambda value: value if type(value) is bool else _fail()
    if kind is type(None):
        return lambda value: None if value is None else _fail()
    raise TypeError(f"the cache cannot hold {kind!r}")


def _union_builder(args: tuple[Any, ...]) -> Callable[[Any], Any]:
    if len(args) == 2 and type(None) in args:  # X | None: the usual case, made quick
        build = _builder(args[0] if args[1] is type(None) else args[1])
        return lambda value: None if value is None else build(value)
    builders = [_builder(arg) for arg in args]

    def build_union(value: Any) -> Any:
        for build in builders:
            try:
                return build(value)
            except (_Mismatch, ValueError, TypeError):
                continue
        raise _Mismatch

    return build_union


def _plain(annotation: Any) -> str | None:
    """How a field whose JSON value is already its value is checked: "str", "str?" (text or
    null) or "[str]" (a list of texts); None for a field that needs building."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _plain(args[0])
    if annotation is str:
        return "str"
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return "str?" if _plain(other) == "str" else None
    if origin is list and _plain(args[0]) == "str":
        return "[str]"
    return None


@cache
def _model_builder(model: Any) -> Callable[[Any], Any]:
    # Fields are compiled on first use: a model can contain itself (When holds Whens).
    names: list[str] = []
    texts: list[str] = []
    optional_texts: list[str] = []
    text_lists: list[str] = []
    built: list[tuple[str, Callable[[Any], Any]]] = []
    every_field: set[str] = set()
    constructed: list[Callable[[dict[str, Any]], Any]] = []
    kinds = {"str": texts, "str?": optional_texts, "[str]": text_lists}

    def compile_fields() -> None:
        for name, info in model.model_fields.items():
            kind = _plain(info.annotation)
            if kind is None:
                built.append((name, _builder(info.annotation)))
            else:
                kinds[kind].append(name)
        names.extend(model.model_fields)
        every_field.update(names)
        constructed.append(_constructor(model, every_field))

    def build_model(value: Any) -> Any:
        # The JSON mapping becomes the model's own __dict__: texts are checked where they
        # are, and only the other fields are built and put back (most fields are text).
        if not names:
            compile_fields()
        if type(value) is not dict or list(value) != names:
            raise _Mismatch
        for name in texts:
            if type(value[name]) is not str:
                raise _Mismatch
        for name in optional_texts:
            item = value[name]
            if item is not None and type(item) is not str:
                raise _Mismatch
        for name in text_lists:
            items = value[name]
            if type(items) is not list:
                raise _Mismatch
            for item in items:
                if type(item) is not str:
                    raise _Mismatch
        for name, build in built:
            value[name] = build(value[name])
        return constructed[0](value)

    return build_model


def _constructor(model: type[Any], fields_set: set[str]) -> Callable[[dict[str, Any]], Any]:
    """What ``model.model_construct(**values)`` does when every field is given, without its
    per-call bookkeeping (it was two thirds of a cached load). The model's slots are set
    through their descriptors, found once (``object.__setattr__`` looks each one up again
    for every instance, and a 10,000 framework catalog has 750,000 models).

    Every instance of a model shares one set of the names of its fields (a set of five
    names is 728 bytes): the models are frozen, so pydantic never adds to it, and
    ``model_copy`` copies it before it does."""

    def setter(name: str) -> Callable[[Any, Any], None]:
        for klass in model.__mro__:
            if name in vars(klass):
                return vars(klass)[name].__set__  # type: ignore[no-any-return]
        raise TypeError(f"{model.__name__} has no slot {name}")  # pydantic changed

    set_dict, set_fields, set_extra, set_private = (
        setter(name)
        for name in (
            "__dict__",
            "__pydantic_fields_set__",
            "__pydantic_extra__",
            "__pydantic_private__",
        )
    )
    new = object.__new__

    def construct(values: dict[str, Any]) -> Any:
        instance = new(model)
        set_dict(instance, values)
        set_fields(instance, fields_set)
        set_extra(instance, None)
        set_private(instance, None)
        return instance

    return construct


def _text(value: Any) -> str:
    return value if isinstance(value, str) else _fail()


def _number(value: Any) -> float:
    return float(value) if type(value) in (int, float) else _fail()


def _fail() -> Any:
    raise _Mismatch


def catalog_lines(catalog: Catalog) -> Iterator[str]:
    """The catalog as lines of compact JSON (field names, not aliases), one entry each:
    ``[section, id, value]``, then ``["end", "", number of lines before it]``. The whole
    catalog as one document, written or read, would be as large as the catalog again."""
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    count = 0

    def line(section: str, key: str, value: Any) -> str:
        nonlocal count
        count += 1
        return dumps([section, key, value]) + "\n"

    yield line("meta", "", catalog.meta.model_dump(mode="json"))
    for name in _TABLES:
        table: dict[str, Any] = getattr(catalog, name)
        for key, entry in table.items():
            yield line(name, key, entry.model_dump(mode="json"))
    yield line("files", "", list(catalog.files))
    yield line("replacements", "", [vars(r) for r in catalog.replacements])
    yield line("content_hash", "", catalog.content_hash)
    for key, place in catalog.fact_lines.items():
        yield line("fact_lines", key, vars(place))
    yield dumps(["end", "", count]) + "\n"


class _Reading:
    """The sections of a cache file as its lines come, each entry built as it is read."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Any]] = {name: {} for name in _TABLES}
        self.builders: dict[str, Callable[[Any], Any]] = {}
        for name in _TABLES:
            model: Any = _TABLES[name]
            self.builders[name] = _model_builder(model)
        self.fact_lines: dict[str, FactLines] = {}
        self.single: dict[str, Any] = {}
        self.count = 0
        self.ended = False

    def add(self, line: bytes) -> None:
        item = json.loads(line)
        if self.ended or type(item) is not list or len(item) != 3:
            raise _Mismatch
        section, key, value = item
        if section == "end":
            if value != self.count:
                raise _Mismatch  # lines are missing
            self.ended = True
            return
        self.count += 1
        key = _text(key)
        if section in self.tables:
            self.tables[section][key] = self.builders[section](value)
        elif section == "fact_lines":
            self.fact_lines[key] = _fact_place(value)
        elif section in _SINGLE and section not in self.single:
            self.single[section] = value
        else:
            raise _Mismatch

    def catalog(self) -> Catalog:
        if not self.ended or self.single.keys() != _SINGLE:
            raise _Mismatch
        files = self.single["files"]
        replacements = self.single["replacements"]
        if not isinstance(files, list) or not isinstance(replacements, list):
            raise _Mismatch
        return Catalog(
            meta=_model_builder(Meta)(self.single["meta"]),
            files=tuple(_text(name) for name in files),
            replacements=tuple(_replacement(item) for item in replacements),
            content_hash=_text(self.single["content_hash"]),
            fact_lines=self.fact_lines,
            **self.tables,
        )


_SINGLE = frozenset({"meta", "files", "replacements", "content_hash"})
"""The sections a cache file has once each."""


def _fact_place(item: Any) -> FactLines:
    if not isinstance(item, dict) or item.keys() != {"file", "lines"}:
        raise _Mismatch
    return FactLines(_text(item["file"]), _line_numbers()(item["lines"]))


@cache
def _line_numbers() -> Callable[[Any], dict[str, int]]:
    return _builder(dict[str, int])


def _replacement(item: Any) -> Replacement:
    if not isinstance(item, dict) or set(item) != {"kind", "id", "old_file", "new_file"}:
        raise _Mismatch
    return Replacement(**{key: _text(value) for key, value in item.items()})


# ------------------------------------------------------------------ read / write


def _read(path: Path, key: str) -> Catalog | None:
    if not _trusted_dir(path.parent, create=False):
        return None
    try:
        stream = open_bounded(path, MAX_CACHE_BYTES, follow_links=False, private=True)
    except UnreadableFile:
        return None
    header = f"{FORMAT} {key}\n".encode()
    try:
        with cyclic_gc_paused(), stream:  # see fwtui.gcpause
            if stream.readline(len(header)) != header:
                return None
            # Line by line: the file's text and its whole document are never held at once.
            reading = _Reading()
            size = len(header)
            for line in stream:
                size += len(line)
                if size > MAX_CACHE_BYTES:  # it grew since it was opened
                    return None
                reading.add(line)
            return reading.catalog()
    except (_Mismatch, ValueError, TypeError, RecursionError, OSError):
        return None


def _write(path: Path, key: str, catalog: Catalog) -> None:
    if not _trusted_dir(path.parent, create=True):
        return
    temporary = None
    try:
        # ASCII (\u escapes for the rest): one character outside Latin-1 would make the
        # decoded text of the whole file take two or four bytes per character.
        handle, temporary = tempfile.mkstemp(prefix=".catalog.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(f"{FORMAT} {key}\n".encode())
            pending: list[str] = []
            size = 0
            for piece in catalog_lines(catalog):
                pending.append(piece)
                size += len(piece)
                if size >= _WRITE_CHUNK:
                    stream.write("".join(pending).encode("ascii"))
                    pending, size = [], 0
            stream.write("".join(pending).encode("ascii"))
        os.replace(temporary, path)  # replaces a planted link, never writes through it
    except (OSError, ValueError):
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
