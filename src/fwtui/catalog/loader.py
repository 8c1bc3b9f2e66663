"""The catalog: every data file loaded, validated, merged by id and cross-checked.

Layout of a data directory (the bundled one and any user one)::

    meta.yaml            only in the bundled data
    criteria.yaml        groups, scales, criteria
    questions.yaml       the wizard
    guide.yaml           topics and FAQ
    frameworks/*.yaml    one framework per file

Directories are read in order: the bundled data, each ``--data DIR``, each entry of
``FWTUI_DATA``, then the user data directory. An entry whose id was already defined by
an earlier directory replaces it (and the replacement is recorded); the same id twice
within one directory is an error. fwtui only ever reads these directories.
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from fwtui.catalog.crosscheck import cross_check, raw_levels
from fwtui.catalog.dirs import BUNDLED_DIR, FRAMEWORKS_DIR
from fwtui.catalog.models import (
    UNKNOWN_FACT,
    CriteriaFile,
    Framework,
    GuideFile,
    Meta,
    QuestionsFile,
)
from fwtui.catalog.store import Catalog, FactLines, Origin, Pending
from fwtui.catalog.validation import parse_model
from fwtui.errors import DataError, Problem, UsageError, valid_list
from fwtui.gcpause import cyclic_gc_paused
from fwtui.safetext import clean_line, quoted

TOP_LEVEL_FILES = ("meta.yaml", "criteria.yaml", "questions.yaml", "guide.yaml")

if TYPE_CHECKING:  # yaml is imported only when files are read, not for a cached catalog
    pass


# -------------------------------------------------------------------------- reading


def _shown_name(path: Path, base: Path, label: str) -> str:
    """How a data file is named in messages: printable, whatever bytes its name holds."""
    return clean_line(f"{label}/{path.relative_to(base).as_posix()}")


def _load_file(
    pending: Pending,
    path: Path,
    shown: str,
    seen: set[tuple[str, str]],
    bundled: bool,
    is_framework: bool,
) -> None:
    from fwtui.catalog.yamlsafe import LinesOnDemand, load_yaml

    pending.files.append(shown)
    try:
        document = load_yaml(path, shown)
        pending.digests.append(f"{path.parent.name}/{path.name}:{document.digest}")
        lines = document.without_data()  # what later messages need: no copy of the data
        if is_framework:
            try:
                framework = parse_model(document, Framework)
            except DataError:
                pending.unparsed.append((lines, raw_levels(document.data)))
                raise
            if framework.id != path.stem:
                # Otherwise notes.yaml with `id: django` would silently replace Django.
                message = (
                    f"id '{framework.id}' does not match the file name {quoted(path.name)}: "
                    f"a framework file is named after its id ({framework.id}.yaml)"
                )
                pending.problems.append(Origin(lines, ()).problem(("id",), message))
                return
            _share_fields_sets(framework, pending.fields_sets)  # now: before the next file
            pending.fact_lines[framework.id] = FactLines(shown, lines.key_lines("facts"))
            pending.add("framework", framework, Origin(LinesOnDemand(shown, path), ()), seen)
        elif path.name == "meta.yaml":
            if not bundled:
                pending.problems.append(
                    Problem(shown, 1, "", "meta.yaml belongs to the bundled data only; remove it")
                )
                return
            pending.meta = (parse_model(document, Meta), Origin(lines, ()))
        elif path.name == "criteria.yaml":
            criteria = parse_model(document, CriteriaFile)
            for kind, key, items in (
                ("group", "groups", criteria.groups),
                ("scale", "scales", criteria.scales),
                ("criterion", "criteria", criteria.criteria),
            ):
                for index, item in enumerate(items):
                    pending.add(kind, item, Origin(lines, (key, index)), seen)
        elif path.name == "questions.yaml":
            questions = parse_model(document, QuestionsFile)
            for index, question in enumerate(questions.questions):
                pending.add("question", question, Origin(lines, ("questions", index)), seen)
        elif path.name == "guide.yaml":
            guide = parse_model(document, GuideFile)
            for index, topic in enumerate(guide.topics):
                pending.add("topic", topic, Origin(lines, ("topics", index)), seen)
            for index, entry in enumerate(guide.faq):
                pending.add("faq", entry, Origin(lines, ("faq", index)), seen)
    except DataError as error:
        pending.problems.extend(error.problems)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def _data_files(directory: Path) -> tuple[list[tuple[Path, bool]], list[tuple[Path, str]]]:
    """(files to load in order, each with whether it is a framework file;
    entries fwtui cannot use, each with why). Hidden files (editor locks, macOS ``._``
    copies, CI configs) are skipped: no data file name starts with a dot."""
    files: list[tuple[Path, bool]] = []
    misplaced: list[tuple[Path, str]] = []
    valid = valid_list([*TOP_LEVEL_FILES, f"{FRAMEWORKS_DIR}/<id>.yaml"])
    for name in TOP_LEVEL_FILES:
        path = directory / name
        if path.is_file():
            files.append((path, False))
        elif path.exists() or path.is_symlink():
            misplaced.append((path, "not a regular file"))
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.name in TOP_LEVEL_FILES:
            continue
        if path.name == FRAMEWORKS_DIR:
            if not path.is_dir():
                misplaced.append((path, f"'{FRAMEWORKS_DIR}' must be a directory"))
        elif _is_yaml(path):
            misplaced.append((path, f"not a data file fwtui reads {valid}"))
    frameworks_dir = directory / FRAMEWORKS_DIR
    if frameworks_dir.is_dir():
        for path in sorted(frameworks_dir.iterdir()):
            if path.name.startswith("."):
                continue
            if path.is_dir():
                misplaced.append((path, "subdirectories of frameworks/ are not read"))
            elif not _is_yaml(path):
                continue  # a README or notes beside the data
            elif path.suffix not in (".yaml", ".yml"):
                misplaced.append((path, "use a lower-case .yaml extension"))
            elif not path.is_file():
                misplaced.append((path, "not a regular file"))
            else:
                files.append((path, True))
    return files, misplaced


def _read_directory(pending: Pending, directory: Path, label: str, bundled: bool) -> None:
    files, misplaced = _data_files(directory)
    for path, why in misplaced:
        pending.problems.append(Problem(_shown_name(path, directory, label), 1, "", why))
    seen: set[tuple[str, str]] = set()
    for path, is_framework in files:
        shown = _shown_name(path, directory, label)
        _load_file(pending, path, shown, seen, bundled, is_framework)


# -------------------------------------------------------------------------- loading


def load_catalog(dirs: Sequence[Path] = ()) -> Catalog:
    """Load the bundled data and then ``dirs``; raise DataError listing every problem."""
    with cyclic_gc_paused():  # see fwtui.gcpause
        return _load_catalog(dirs)


def _load_catalog(dirs: Sequence[Path]) -> Catalog:
    pending = Pending()
    _read_directory(pending, BUNDLED_DIR, str(BUNDLED_DIR), bundled=True)
    for directory in dirs:
        try:
            _read_directory(pending, directory, str(directory), bundled=False)
        except OSError as error:
            raise UsageError(f"{directory}: cannot read directory: {error.strerror}") from None
    if pending.meta is None and not pending.problems:
        pending.problems.append(Problem(str(BUNDLED_DIR), 1, "", "bundled meta.yaml is missing"))
    cross_check(pending)
    if pending.problems or pending.meta is None:
        raise DataError(sorted(pending.problems, key=lambda p: (p.file, p.line)))
    entries = pending.entries
    featured = [f for f in pending.meta[0].featured if f in entries["framework"]]
    rest = sorted(
        (f for f in entries["framework"] if f not in featured),
        key=lambda f: entries["framework"][f][0].name.casefold(),
    )
    entries["framework"] = {f: entries["framework"][f] for f in [*featured, *rest]}
    shared = pending.fields_sets
    return Catalog(
        meta=pending.meta[0],
        groups={k: v[0] for k, v in entries["group"].items()},
        scales={k: v[0] for k, v in entries["scale"].items()},
        criteria={k: v[0] for k, v in entries["criterion"].items()},
        frameworks={
            k: _with_every_fact(v[0], entries["criterion"], shared)
            for k, v in entries["framework"].items()
        },
        questions={k: v[0] for k, v in entries["question"].items()},
        topics={k: v[0] for k, v in entries["topic"].items()},
        faq={k: v[0] for k, v in entries["faq"].items()},
        files=tuple(pending.files),
        replacements=tuple(pending.replacements),
        content_hash="sha256:"
        + hashlib.sha256("\n".join(pending.digests).encode(errors="surrogateescape")).hexdigest(),
        fact_lines=pending.fact_lines,
    )


def _with_every_fact(
    framework: Framework, criteria: Mapping[str, object], shared: dict[frozenset[str], set[str]]
) -> Framework:
    """The framework with ``unknown`` for each criterion its file leaves out."""
    missing = [c for c in criteria if c not in framework.facts]
    if not missing:
        return framework
    facts = {c: framework.facts.get(c, UNKNOWN_FACT) for c in criteria}
    copied = framework.model_copy(update={"facts": facts})
    _share_fields_sets(copied, shared, deep=False)  # the facts' own are shared already
    return copied


@cache
def _fields_with_models(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose values can hold models (in a list or dict too)."""

    def holds_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_model(arg) for arg in typing.get_args(annotation))

    return tuple(n for n, info in model.model_fields.items() if holds_model(info.annotation))


def _share_fields_sets(
    model: BaseModel, shared: dict[frozenset[str], set[str]], deep: bool = True
) -> None:
    """Give ``model`` and the models inside it the one set of each combination of field
    names that pydantic records as given (its ``model_fields_set``).

    Each model otherwise has a set of its own, a quarter of a framework's memory (216 bytes
    for up to four names, 728 for up to eighteen); a 10,000 framework catalog has 800,000
    models and few combinations. The models are frozen, so pydantic never adds to the set,
    and ``model_copy`` copies it before it does.
    """
    names = model.__pydantic_fields_set__
    key = frozenset(names)
    common = shared.get(key)
    if common is None:
        common = shared[key] = set(key)
    object.__setattr__(model, "__pydantic_fields_set__", common)
    if not deep:
        return
    values = model.__dict__
    for name in _fields_with_models(type(model)):
        value = values[name]
        if isinstance(value, BaseModel):
            _share_fields_sets(value, shared)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _share_fields_sets(item, shared)
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, BaseModel):
                    _share_fields_sets(item, shared)


@cache
def bundled_catalog() -> Catalog:
    """The bundled catalog alone, loaded once per process."""
    return load_catalog(())
