"""Reading one YAML data file safely and keeping line numbers for error messages.

Only the YAML safe schema is ever constructed: a ``!!python/...`` tag is an error,
never an object. Before anything is built the file is checked for the ways a hostile
or broken file can hurt: its size, NUL bytes, bytes that are not UTF-8, nesting depth,
aliases that expand exponentially ("billion laughs"), recursive aliases and keys that
repeat inside one mapping (PyYAML would silently keep the last one).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fwtui.problems import DataError, Problem

try:  # libyaml is much faster; the pure-Python loader is the fallback.
    from yaml import CSafeLoader as SafeLoader

    _LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

    _LIBYAML = False

MAX_FILE_BYTES = 1024 * 1024
"""Largest data file accepted. The biggest bundled file is under 40 KiB."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and sequences, aliases included."""

MAX_NODES = 100_000
"""Most values a file may expand to once aliases are followed."""

_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: the plain data and the node tree that knows line numbers."""

    file: str
    data: Any
    root: Node
    digest: str = ""

    def line_of(self, loc: tuple[str | int, ...]) -> tuple[int, str]:
        """Line of the value at ``loc`` and the part of ``loc`` that exists in the file.

        Parts of ``loc`` that the file has no node for (pydantic adds names of union
        members, for instance) are skipped; a missing last key points at its mapping.
        """
        node = self.root
        shown: list[str] = []
        for position, part in enumerate(loc):
            last = position == len(loc) - 1
            if isinstance(node, MappingNode) and isinstance(part, str):
                found = _mapping_value(node, part)
                if found is not None:
                    node = found
                    shown.append(part)
                elif last:
                    shown.append(part)
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                node = node.value[part]
                shown.append(f"[{part}]")
        return node.start_mark.line + 1, ".".join(shown).replace(".[", "[")

    def key_line(self, loc: tuple[str | int, ...]) -> int:
        """Line of the key that ends ``loc`` (for unknown or duplicate keys)."""
        if not loc:
            return self.root.start_mark.line + 1
        parent_line, _ = self.line_of(loc[:-1])
        node = self.root
        for part in loc[:-1]:
            if isinstance(node, MappingNode) and isinstance(part, str):
                node = _mapping_value(node, part) or node
            elif (
                isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value)
            ):
                node = node.value[part]
        if isinstance(node, MappingNode):
            for key, _value in node.value:
                if isinstance(key, ScalarNode) and key.value == loc[-1]:
                    return int(key.start_mark.line) + 1
        return parent_line


def _mapping_value(node: MappingNode, key: str) -> Node | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            found: Node = value_node
            return found
    return None


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def read_text(path: Path, shown: str) -> str:
    """The file's text, or a DataError about its size, NUL bytes or encoding."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DataError([Problem(shown, 1, "", f"cannot read file: {error.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        raise DataError([Problem(shown, 1, "", f"file is larger than the {limit} KiB limit")])
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise DataError([Problem(shown, _line_at(raw, nul), "", "file contains a NUL byte")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_at(raw, error.start)
        byte = raw[error.start]
        message = f"byte 0x{byte:02x} is not valid UTF-8 (save the file as UTF-8)"
        raise DataError([Problem(shown, line, "", message)]) from None
    return text.removeprefix("\ufeff")


def _yaml_problem(shown: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"{context}, {problem}" if context else str(problem)
    return Problem(shown, line, "", f"YAML syntax error: {message}")


def _check_nesting(text: str, shown: str) -> None:
    """Reject deep nesting before the recursive pure-Python composer can exhaust the stack.

    Only needed without libyaml: libyaml itself refuses nesting deeper than 1000 levels.
    """
    depth = 0
    for events, event in enumerate(yaml.parse(text, Loader=SafeLoader), start=1):
        if isinstance(event, _COLLECTION_START):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 1
                message = f"nesting is deeper than {MAX_DEPTH} levels"
                raise DataError([Problem(shown, line, "", message)])
        elif isinstance(event, _COLLECTION_END):
            depth -= 1
        if events > MAX_NODES:
            raise DataError([Problem(shown, 1, "", f"file has more than {MAX_NODES} values")])


class _Walker:
    """Measures the tree as aliases expand it, and finds repeated keys.

    Depth is checked on the way down, so recursion never goes past MAX_DEPTH levels.
    Sizes are memoised per node, so an alias bomb costs one visit per distinct node.
    """

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.sizes: dict[int, tuple[int, int]] = {}
        self.active: set[int] = set()
        self.bad_keys: list[tuple[MappingNode, Node, str]] = []

    def measure(self, node: Node, depth: int = 0) -> tuple[int, int]:
        """(number of values, height) of ``node`` with aliases expanded; ``depth`` is its level."""
        if isinstance(node, ScalarNode):
            return 1, 0
        if depth >= MAX_DEPTH:
            raise self._fail(node, f"nesting is deeper than {MAX_DEPTH} levels")
        key = id(node)
        known = self.sizes.get(key)
        if known is not None:
            if depth + known[1] > MAX_DEPTH:  # an alias that puts a deep tree deeper still
                raise self._fail(node, f"aliases nest deeper than {MAX_DEPTH} levels")
            return known
        if key in self.active:
            raise self._fail(node, "an alias refers to itself (recursive data is not allowed)")
        self.active.add(key)
        size, height = 1, 0
        children = (
            [part for pair in node.value for part in pair]
            if isinstance(node, MappingNode)
            else node.value
        )
        if isinstance(node, MappingNode):
            self._check_keys(node)
        for child in children:
            child_size, child_height = self.measure(child, depth + 1)
            size += child_size
            height = max(height, child_height + 1)
            if size > MAX_NODES:
                message = f"aliases expand to more than {MAX_NODES} values (an alias bomb?)"
                raise self._fail(node, message)
        self.active.discard(key)
        self.sizes[key] = (size, height)
        return size, height

    def _check_keys(self, node: MappingNode) -> None:
        seen: set[str] = set()
        for key_node, _value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.bad_keys.append((node, key_node, "a key must be a plain value"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.bad_keys.append((node, key_node, "merge keys (<<) are not supported"))
            name = str(key_node.value)
            if name in seen:
                self.bad_keys.append((node, key_node, "duplicate"))
            seen.add(name)

    def problems(self, root: Node) -> list[Problem]:
        """The key problems found, with paths worked out now that there are some."""
        paths = _mapping_paths(root, {id(mapping) for mapping, _, _ in self.bad_keys})
        found = []
        for mapping, key_node, message in self.bad_keys:
            path = paths.get(id(mapping), "")
            line = key_node.start_mark.line + 1
            if message == "duplicate":
                name = str(key_node.value)
                first = next(
                    k for k, _ in mapping.value if isinstance(k, ScalarNode) and k.value == name
                )
                message = (
                    f"duplicate key '{name}' (first defined on line {first.start_mark.line + 1})"
                )
                path = f"{path}.{name}".lstrip(".")
            found.append(Problem(self.shown, line, path, message))
        return found

    def _fail(self, node: Node, message: str) -> DataError:
        return DataError([Problem(self.shown, node.start_mark.line + 1, "", message)])


def _mapping_paths(root: Node, wanted: set[int]) -> dict[int, str]:
    """Dotted paths of the mappings whose ids are ``wanted`` (first path found)."""
    paths: dict[int, str] = {}
    stack: list[tuple[Node, str, int]] = [(root, "", 0)]
    visited: set[int] = set()
    while stack and len(paths) < len(wanted):
        node, path, depth = stack.pop()
        if id(node) in visited or depth > MAX_DEPTH:
            continue
        visited.add(id(node))
        if isinstance(node, MappingNode):
            if id(node) in wanted:
                paths.setdefault(id(node), path)
            for key_node, value_node in node.value:
                name = key_node.value if isinstance(key_node, ScalarNode) else "?"
                stack.append((value_node, f"{path}.{name}".lstrip("."), depth + 1))
        elif isinstance(node, SequenceNode):
            for index, child in enumerate(node.value):
                stack.append((child, f"{path}[{index}]", depth + 1))
    return paths


def load_yaml(path: Path, shown: str) -> YamlDocument:
    """Parse ``path`` safely; ``shown`` is how the file is named in messages."""
    text = read_text(path, shown)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataError([Problem(shown, 1, "", "file is empty (expected a mapping of keys)")])
    try:
        if not _LIBYAML:
            _check_nesting(text, shown)
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        raise DataError([_yaml_problem(shown, error)]) from None
    if root is None:
        raise DataError([Problem(shown, 1, "", "file is empty (expected a mapping of keys)")])
    walker = _Walker(shown)
    walker.measure(root)
    if walker.bad_keys:
        raise DataError(walker.problems(root))
    if not isinstance(root, MappingNode):
        found = "a list" if isinstance(root, SequenceNode) else "a single value"
        line = root.start_mark.line + 1
        raise DataError([Problem(shown, line, "", f"expected a mapping of keys, found {found}")])
    try:
        data = SafeLoader("").construct_document(root)
    except yaml.YAMLError as error:
        raise DataError([_yaml_problem(shown, error)]) from None
    return YamlDocument(shown, data, root, hashlib.sha256(text.encode("utf-8")).hexdigest())
