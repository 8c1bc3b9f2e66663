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

import gc
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from fwtui.models import (
    CAPABILITY_SCALE,
    UNKNOWN,
    CriteriaFile,
    Criterion,
    CriterionKind,
    FaqEntry,
    Framework,
    Group,
    GuideFile,
    Level,
    Meta,
    Question,
    QuestionsFile,
    Scale,
    Topic,
    When,
)
from fwtui.paths import user_data_dir
from fwtui.problems import DataError, Problem, UsageError, valid_list
from fwtui.safetext import clean_line, quoted

BUNDLED_DIR = Path(__file__).parent / "data"
ENV_VAR = "FWTUI_DATA"
TOP_LEVEL_FILES = ("meta.yaml", "criteria.yaml", "questions.yaml", "guide.yaml")
FRAMEWORKS_DIR = "frameworks"

if TYPE_CHECKING:  # yaml is imported only when files are read, not for a cached catalog
    from fwtui.yamlsafe import YamlDocument

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Origin:
    """Where an entry was defined: the file and the entry's path inside it."""

    document: YamlDocument
    loc: tuple[str | int, ...]

    @property
    def file(self) -> str:
        return self.document.file

    def problem(self, sub: tuple[str | int, ...], message: str) -> Problem:
        line, path = self.document.line_of(self.loc + sub)
        return Problem(self.file, line, path, message)


@dataclass(frozen=True)
class Replacement:
    """An entry of a later data directory that replaced one with the same id."""

    kind: str
    id: str
    old_file: str
    new_file: str

    def __str__(self) -> str:
        return f"{self.kind} '{self.id}': {self.new_file} replaces {self.old_file}"


@dataclass(frozen=True)
class Catalog:
    """Everything fwtui knows, validated. Dicts keep definition order."""

    meta: Meta
    groups: dict[str, Group]
    scales: dict[str, Scale]
    criteria: dict[str, Criterion]
    frameworks: dict[str, Framework]
    questions: dict[str, Question]
    topics: dict[str, Topic]
    faq: dict[str, FaqEntry]
    files: tuple[str, ...] = ()
    replacements: tuple[Replacement, ...] = ()
    content_hash: str = ""

    def levels(self, criterion_id: str) -> list[Level]:
        return self.scales[self.criteria[criterion_id].scale].levels

    def level(self, criterion_id: str, level_id: str) -> Level | None:
        """The level object, or None for ``unknown``."""
        for level in self.levels(criterion_id):
            if level.id == level_id:
                return level
        return None

    def criteria_by_group(self) -> list[Criterion]:
        """Criteria ordered by their group's position, then their own."""
        order = {group_id: index for index, group_id in enumerate(self.groups)}
        return sorted(self.criteria.values(), key=lambda c: order.get(c.group, len(order)))

    def summary(self) -> str:
        return (
            f"{len(self.frameworks)} frameworks, {len(self.criteria)} criteria, "
            f"{len(self.questions)} questions, {len(self.faq)} FAQ entries "
            f"from {len(self.files)} files (data {self.meta.data_version})"
        )


# ------------------------------------------------------------------ pydantic errors


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class that a value at ``annotation`` holds (through lists, dicts, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        if get_origin(annotation) is dict and arg is get_args(annotation)[0]:
            continue
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, str):
            fields = {info.alias or name: info for name, info in current.model_fields.items()}
            if part in fields:
                current = _inner_model(fields[part].annotation)
    return current


def _shown_input(value: object) -> str:
    """A value as quoted in a message; str() of a huge integer can itself fail."""
    try:
        return quoted(str(value))
    except ValueError:
        return f"a {type(value).__name__} too long to show"


def _clean_message(error: Any) -> str:
    if error["type"] in ("enum", "literal_error"):
        expected = str((error.get("ctx") or {}).get("expected", ""))
        values = [v.strip(" '") for v in re.split(r",| or ", expected) if v.strip(" '")]
        return f"{_shown_input(error.get('input'))} is not allowed {valid_list(values)}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def validation_problems(
    document: YamlDocument,
    model: type[BaseModel],
    error: ValidationError,
    prefix: tuple[str | int, ...] = (),
) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = prefix + tuple(item["loc"])
        if item["type"] == "extra_forbidden":
            line = document.key_line(loc)
            _, path = document.line_of(loc)
            parent = _model_at(model, item["loc"][:-1])
            valid = valid_list(_field_names(parent)) if parent else ""
            problems.append(Problem(document.file, line, path, f"unknown key {valid}".rstrip()))
            continue
        line, path = document.line_of(loc)
        message = _clean_message(item)
        if item["type"] == "missing":
            message = "required key is missing"
        problems.append(Problem(document.file, line, path, message))
    return problems


def parse_model(document: YamlDocument, model: type[M]) -> M:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise DataError(validation_problems(document, model, error)) from None


# -------------------------------------------------------------------------- reading


@dataclass
class _Pending:
    """Entries read so far, by kind and id, with where each came from."""

    meta: tuple[Meta, Origin] | None = None
    entries: dict[str, dict[str, tuple[Any, Origin]]] = field(
        default_factory=lambda: {
            kind: {}
            for kind in ("group", "scale", "criterion", "framework", "question", "topic", "faq")
        }
    )
    problems: list[Problem] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)

    def add(self, kind: str, entry: Any, origin: Origin, seen_here: set[tuple[str, str]]) -> None:
        table = self.entries[kind]
        entry_id = entry.id
        if (kind, entry_id) in seen_here:
            first = table[entry_id][1]
            line, _ = first.document.line_of(first.loc)
            message = f"duplicate {kind} id '{entry_id}' (also defined in {first.file}:{line})"
            self.problems.append(origin.problem(("id",), message))
            return
        seen_here.add((kind, entry_id))
        if entry_id in table:
            old_file = table[entry_id][1].file
            self.replacements.append(Replacement(kind, entry_id, old_file, origin.file))
        table[entry_id] = (entry, origin)


def _shown_name(path: Path, base: Path, label: str) -> str:
    """How a data file is named in messages: printable, whatever bytes its name holds."""
    return clean_line(f"{label}/{path.relative_to(base).as_posix()}")


def _load_file(
    pending: _Pending,
    path: Path,
    shown: str,
    seen: set[tuple[str, str]],
    bundled: bool,
    is_framework: bool,
) -> None:
    from fwtui.yamlsafe import load_yaml

    pending.files.append(shown)
    try:
        document = load_yaml(path, shown)
        pending.digests.append(f"{path.parent.name}/{path.name}:{document.digest}")
        if is_framework:
            framework = parse_model(document, Framework)
            if framework.id != path.stem:
                # Otherwise notes.yaml with `id: django` would silently replace Django.
                message = (
                    f"id '{framework.id}' does not match the file name {quoted(path.name)}: "
                    f"a framework file is named after its id ({framework.id}.yaml)"
                )
                pending.problems.append(Origin(document, ()).problem(("id",), message))
                return
            pending.add("framework", framework, Origin(document, ()), seen)
        elif path.name == "meta.yaml":
            if not bundled:
                pending.problems.append(
                    Problem(shown, 1, "", "meta.yaml belongs to the bundled data only; remove it")
                )
                return
            pending.meta = (parse_model(document, Meta), Origin(document, ()))
        elif path.name == "criteria.yaml":
            criteria = parse_model(document, CriteriaFile)
            for kind, key, items in (
                ("group", "groups", criteria.groups),
                ("scale", "scales", criteria.scales),
                ("criterion", "criteria", criteria.criteria),
            ):
                for index, item in enumerate(items):
                    pending.add(kind, item, Origin(document, (key, index)), seen)
        elif path.name == "questions.yaml":
            questions = parse_model(document, QuestionsFile)
            for index, question in enumerate(questions.questions):
                pending.add("question", question, Origin(document, ("questions", index)), seen)
        elif path.name == "guide.yaml":
            guide = parse_model(document, GuideFile)
            for index, topic in enumerate(guide.topics):
                pending.add("topic", topic, Origin(document, ("topics", index)), seen)
            for index, entry in enumerate(guide.faq):
                pending.add("faq", entry, Origin(document, ("faq", index)), seen)
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


def _read_directory(pending: _Pending, directory: Path, label: str, bundled: bool) -> None:
    files, misplaced = _data_files(directory)
    for path, why in misplaced:
        pending.problems.append(Problem(_shown_name(path, directory, label), 1, "", why))
    seen: set[tuple[str, str]] = set()
    for path, is_framework in files:
        shown = _shown_name(path, directory, label)
        _load_file(pending, path, shown, seen, bundled, is_framework)


# --------------------------------------------------------------------- cross-checks


def _check_when(pending: _Pending, when: When, origin: Origin, sub: tuple[str | int, ...]) -> None:
    questions = pending.entries["question"]
    if when.question is not None:
        target = questions.get(when.question)
        if target is None:
            message = f"unknown question '{when.question}' {valid_list(questions)}"
            pending.problems.append(origin.problem((*sub, "question"), message))
            return
        choice_ids = [c.id for c in target[0].choices]
        for choice in when.any_of or []:
            if choice not in choice_ids:
                message = f"unknown choice '{choice}' of '{when.question}' {valid_list(choice_ids)}"
                pending.problems.append(origin.problem((*sub, "any_of"), message))
    for key, parts in (("all", when.all_), ("any", when.any_)):
        for index, part in enumerate(parts or []):
            _check_when(pending, part, origin, (*sub, key, index))
    if when.not_ is not None:
        _check_when(pending, when.not_, origin, (*sub, "not"))


def _cross_check(pending: _Pending) -> None:
    entries = pending.entries
    groups, scales, criteria = entries["group"], entries["scale"], entries["criterion"]
    problems = pending.problems
    for criterion, origin in criteria.values():
        if criterion.group not in groups:
            message = f"unknown group '{criterion.group}' {valid_list(groups)}"
            problems.append(origin.problem(("group",), message))
        if criterion.scale not in scales:
            message = f"unknown scale '{criterion.scale}' {valid_list(scales)}"
            problems.append(origin.problem(("scale",), message))
        elif (criterion.kind is CriterionKind.capability) != (criterion.scale == CAPABILITY_SCALE):
            message = f"capability criteria use the '{CAPABILITY_SCALE}' scale and aspects do not"
            problems.append(origin.problem(("scale",), message))

    def level_ids(criterion_id: str) -> list[str]:
        scale = scales.get(criteria[criterion_id][0].scale)
        return [level.id for level in scale[0].levels] + [UNKNOWN] if scale else []

    for framework, origin in entries["framework"].values():
        for criterion_id, fact in framework.facts.items():
            if criterion_id not in criteria:
                message = f"unknown criterion {valid_list(criteria)}"
                problems.append(origin.problem(("facts", criterion_id), message))
                continue
            valid = level_ids(criterion_id)
            if valid and fact.level not in valid:
                message = f"unknown level '{fact.level}' {valid_list(valid)}"
                problems.append(origin.problem(("facts", criterion_id, "level"), message))
        missing = [c for c in criteria if c not in framework.facts]
        if missing:
            message = f"missing facts for {', '.join(missing)} (use level '{UNKNOWN}' if unsure)"
            problems.append(origin.problem(("facts",), message))
        for key, points in (("pros", framework.pros), ("cons", framework.cons)):
            for index, point in enumerate(points):
                if point.criterion is not None and point.criterion not in criteria:
                    message = f"unknown criterion '{point.criterion}' {valid_list(criteria)}"
                    problems.append(origin.problem((key, index, "criterion"), message))
        for index, extension in enumerate(framework.ecosystem):
            for position, fill in enumerate(extension.fills):
                if fill not in criteria:
                    message = f"unknown criterion '{fill}' {valid_list(criteria)}"
                    where = ("ecosystem", index, "fills", position)
                    problems.append(origin.problem(where, message))

    for question, origin in entries["question"].values():
        for c_index, choice in enumerate(question.choices):
            for e_index, effect in enumerate(choice.effects):
                sub: tuple[str | int, ...] = ("choices", c_index, "effects", e_index)
                if effect.criterion not in criteria:
                    message = f"unknown criterion '{effect.criterion}' {valid_list(criteria)}"
                    problems.append(origin.problem((*sub, "criterion"), message))
                    continue
                valid = level_ids(effect.criterion)
                for level in effect.require or []:
                    if level not in valid:
                        message = f"unknown level '{level}' {valid_list(valid)}"
                        problems.append(origin.problem((*sub, "require"), message))
        if question.when is not None:
            _check_when(pending, question.when, origin, ("when",))

    for kind in ("topic", "faq"):
        for entry, origin in entries[kind].values():
            for position, framework_id in enumerate(entry.frameworks):
                if framework_id not in entries["framework"]:
                    message = (
                        f"unknown framework '{framework_id}' {valid_list(entries['framework'])}"
                    )
                    problems.append(origin.problem(("frameworks", position), message))


# -------------------------------------------------------------------------- loading


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


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    # Loading creates millions of acyclic YAML nodes that stay alive until the end; the cyclic
    # collector rescans them again and again (three times slower on 500 frameworks).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalog(dirs: Sequence[Path] = ()) -> Catalog:
    """Load the bundled data and then ``dirs``; raise DataError listing every problem."""
    with _cyclic_gc_paused():
        return _load_catalog(dirs)


def _load_catalog(dirs: Sequence[Path]) -> Catalog:
    pending = _Pending()
    _read_directory(pending, BUNDLED_DIR, str(BUNDLED_DIR), bundled=True)
    for directory in dirs:
        try:
            _read_directory(pending, directory, str(directory), bundled=False)
        except OSError as error:
            raise UsageError(f"{directory}: cannot read directory: {error.strerror}") from None
    if pending.meta is None and not pending.problems:
        pending.problems.append(Problem(str(BUNDLED_DIR), 1, "", "bundled meta.yaml is missing"))
    _cross_check(pending)
    if pending.problems or pending.meta is None:
        raise DataError(sorted(pending.problems, key=lambda p: (p.file, p.line)))
    entries = pending.entries
    featured = [f for f in pending.meta[0].featured if f in entries["framework"]]
    rest = sorted(
        (f for f in entries["framework"] if f not in featured),
        key=lambda f: entries["framework"][f][0].name.casefold(),
    )
    entries["framework"] = {f: entries["framework"][f] for f in [*featured, *rest]}
    return Catalog(
        meta=pending.meta[0],
        groups={k: v[0] for k, v in entries["group"].items()},
        scales={k: v[0] for k, v in entries["scale"].items()},
        criteria={k: v[0] for k, v in entries["criterion"].items()},
        frameworks={k: v[0] for k, v in entries["framework"].items()},
        questions={k: v[0] for k, v in entries["question"].items()},
        topics={k: v[0] for k, v in entries["topic"].items()},
        faq={k: v[0] for k, v in entries["faq"].items()},
        files=tuple(pending.files),
        replacements=tuple(pending.replacements),
        content_hash="sha256:"
        + hashlib.sha256("\n".join(pending.digests).encode(errors="surrogateescape")).hexdigest(),
    )


@cache
def bundled_catalog() -> Catalog:
    """The bundled catalog alone, loaded once per process."""
    return load_catalog(())
