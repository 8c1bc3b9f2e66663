"""Reading one YAML data file safely and keeping line numbers for error messages.

Only plain data is ever constructed: a ``!!python/...`` tag is an error, never an object.
Before anything is built the file is checked for the ways a hostile or broken file can
hurt: its size, NUL bytes, bytes that are not UTF-8, nesting depth, aliases that expand
exponentially ("billion laughs"), recursive aliases and keys that repeat inside one
mapping (PyYAML would silently keep the last one).

Values are resolved with a deliberately small set of types, the ones fwtui's files use:
strings, integers (decimal, at most 19 digits), floats, ``true``/``false``, null and ISO
dates and times. YAML 1.1's base-60 numbers (``1:30:00``), which cost quadratic time to
build, are plain strings here, as are ``yes``/``no``/``on``/``off``; ``!!set``,
``!!binary``, ``!!omap`` and ``!!pairs`` are refused. A value that cannot be built (a
31st of February, ``!!int`` on text) is one problem with its line, never a traceback.
Every string is passed through :func:`fwtui.safetext.clean`, so no control character
reaches the rest of fwtui.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from fwtui.errors import DataError, Problem
from fwtui.fsutil import UnreadableFile, read_bounded
from fwtui.safetext import clean, quoted

try:  # libyaml is much faster; the pure-Python parser is the fallback.
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]

    _LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _LIBYAML = False

MAX_FILE_BYTES = 1024 * 1024
"""Largest data file accepted. The biggest bundled file is under 40 KiB."""

MAX_DEPTH = 32
"""Deepest nesting of mappings and sequences, aliases included."""

MAX_NODES = 100_000
"""Most values a file may expand to once aliases are followed."""

MAX_INT_DIGITS = 19
"""Longest integer accepted: years and versions need four digits, and int() of a long
digit string costs quadratic time (and fails past 4300 digits on newer Pythons)."""

MAX_NUMBER_CHARS = 64
"""Longest float accepted, as written: weights and utilities are a few digits."""


class _Resolver(BaseResolver):
    """The implicit types fwtui's files use, and no others (YAML 1.2's core schema, mostly)."""

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> Any:
        # BaseResolver.resolve without its path resolvers and wildcard resolvers, which
        # fwtui has none of: it runs once per value of every file read.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Path resolvers are never used: nothing to track on the way down (or up)."""

    def ascend_resolver(self) -> None:
        """See descend_resolver."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9_]*|0x[0-9a-fA-F_]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        "timestamp",
        r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
        r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
        "0123456789",
    ),
    ("merge", r"^(?:<<)$", "<"),
):
    _Resolver.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))

_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:timestamp": "a date (YYYY-MM-DD) or date and time",
    "tag:yaml.org,2002:null": "null",
}


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


class _Constructor(SafeConstructor):
    """SafeConstructor with bounded numbers, clean strings and no sets or binary data."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            expected = _TYPE_NAMES.get(node.tag, f"a value of type {node.tag}")
            value = node.value if isinstance(node, ScalarNode) else ""
            detail = str(error) if isinstance(error, ValueError) else ""
            message = f"{quoted(str(value))} is not {expected}" + (f" ({detail})" if detail else "")
            raise ConstructorError(None, None, message, node.start_mark) from None

    def construct_yaml_str(self, node: ScalarNode) -> str:
        return clean(str(self.construct_scalar(node)))

    def construct_yaml_int(self, node: ScalarNode) -> int:
        text = str(self.construct_scalar(node)).replace("_", "")
        digits = text.lstrip("+-")
        if len(digits) > MAX_INT_DIGITS + 2:  # "0x" counts
            raise ConstructorError(
                None,
                None,
                f"integer is too large (at most {MAX_INT_DIGITS} digits)",
                node.start_mark,
            )
        sign = -1 if text.startswith("-") else 1
        if digits.startswith(("0x", "0X")):
            return sign * int(digits[2:], 16)
        if not digits.isdigit():
            raise ValueError("use decimal digits")
        return sign * int(digits)

    def construct_yaml_float(self, node: ScalarNode) -> float:
        text = str(self.construct_scalar(node))
        if len(text) > MAX_NUMBER_CHARS:
            raise ValueError(f"longer than {MAX_NUMBER_CHARS} characters")
        return float(super().construct_yaml_float(node))

    def construct_unsupported(self, node: Node) -> Any:
        kind = node.tag.rsplit(":", 1)[-1]
        raise ConstructorError(None, None, f"!!{kind} values are not supported", node.start_mark)

    def construct_undefined(self, node: Node) -> Any:
        raise ConstructorError(
            None,
            None,
            f"the tag {quoted(_short_tag(node.tag))} is not allowed (plain data only)",
            node.start_mark,
        )


_CONSTRUCTORS: dict[str | None, Any] = {
    "tag:yaml.org,2002:str": _Constructor.construct_yaml_str,
    "tag:yaml.org,2002:int": _Constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _Constructor.construct_yaml_float,
    **{
        f"tag:yaml.org,2002:{kind}": _Constructor.construct_unsupported
        for kind in ("set", "binary", "omap", "pairs")
    },
    None: _Constructor.construct_undefined,
}
for _tag_name, _construct in _CONSTRUCTORS.items():
    _Constructor.add_constructor(_tag_name, _construct)


if _LIBYAML:

    class _Loader(_Parser, _Constructor, _Resolver):
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, _Constructor, _Resolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass(frozen=True, slots=True)
class LineMap:
    """Where a mapping starts, and for each key: the key's line and its value's lines."""

    line: int
    keys: dict[str, tuple[int, Lines]]


@dataclass(frozen=True, slots=True)
class LineSeq:
    """Where a sequence starts, and its items' lines."""

    line: int
    items: tuple[Lines, ...]


Lines = LineMap | LineSeq | int
"""The line numbers of a parsed file, shaped like its data: all that error messages need.
A scalar is just its line. Kept instead of PyYAML's node tree, which holds every value and
two position objects per node (about ten times the memory, for every file of a catalog)."""


def _line_tree(node: Node) -> Lines:
    line = int(node.start_mark.line) + 1
    if isinstance(node, MappingNode):
        keys: dict[str, tuple[int, Lines]] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value not in keys:
                keys[key_node.value] = (int(key_node.start_mark.line) + 1, _line_tree(value_node))
        return LineMap(line, keys)
    if isinstance(node, SequenceNode):
        return LineSeq(line, tuple(_line_tree(item) for item in node.value))
    return line


def _start(lines: Lines) -> int:
    return lines if isinstance(lines, int) else lines.line


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: the plain data and the line numbers of every value in it."""

    file: str
    data: Any
    root: Lines
    digest: str = ""

    def without_data(self) -> YamlDocument:
        """The same file's line numbers alone, for error messages after validation."""
        return YamlDocument(self.file, None, self.root, self.digest)

    def line_of(self, loc: tuple[str | int, ...]) -> tuple[int, str]:
        """Line of the value at ``loc`` and the part of ``loc`` that exists in the file.

        Parts of ``loc`` that the file has no node for (pydantic adds names of union
        members, for instance) are skipped; a missing last key points at its mapping.
        """
        node = self.root
        shown: list[str] = []
        for position, part in enumerate(loc):
            last = position == len(loc) - 1
            if isinstance(node, LineMap) and isinstance(part, str):
                found = node.keys.get(part)
                if found is not None:
                    node = found[1]
                    shown.append(part)
                elif last:
                    shown.append(part)
            elif (
                isinstance(node, LineSeq) and isinstance(part, int) and 0 <= part < len(node.items)
            ):
                node = node.items[part]
                shown.append(f"[{part}]")
        return _start(node), ".".join(shown).replace(".[", "[")

    def key_line(self, loc: tuple[str | int, ...]) -> int:
        """Line of the key that ends ``loc`` (for unknown or duplicate keys)."""
        if not loc:
            return _start(self.root)
        parent_line, _ = self.line_of(loc[:-1])
        node = self.root
        for part in loc[:-1]:
            if isinstance(node, LineMap) and isinstance(part, str) and part in node.keys:
                node = node.keys[part][1]
            elif isinstance(node, LineSeq) and isinstance(part, int) and part < len(node.items):
                node = node.items[part]
        if isinstance(node, LineMap) and isinstance(loc[-1], str) and loc[-1] in node.keys:
            return node.keys[loc[-1]][0]
        return parent_line

    def key_lines(self, key: str) -> dict[str, int]:
        """The line of each key of the top-level mapping ``key`` (facts, for instance)."""
        found = self.root.keys.get(key) if isinstance(self.root, LineMap) else None
        if found is None or not isinstance(found[1], LineMap):
            return {}
        return {name: line for name, (line, _value) in found[1].keys.items()}


@dataclass
class LinesOnDemand:
    """A file's line numbers, read again from the file only if a message needs them.

    What a validated framework file leaves behind until the cross-file checks have run:
    keeping every file's line tree would take more memory than the catalog itself (a 10,000
    framework catalog, close to a gigabyte). Problems are rare, and one re-read per file with
    a problem costs nothing. A file that no longer parses (changed since) points at line 1.
    """

    file: str
    path: Path
    _document: YamlDocument | None = None

    def _lines(self) -> YamlDocument:
        if self._document is None:
            try:
                self._document = load_yaml(self.path, self.file).without_data()
            except DataError:
                self._document = YamlDocument(self.file, None, LineMap(1, {}))
        return self._document

    def line_of(self, loc: tuple[str | int, ...]) -> tuple[int, str]:
        return self._lines().line_of(loc)

    def key_line(self, loc: tuple[str | int, ...]) -> int:
        return self._lines().key_line(loc)


FileLines = YamlDocument | LinesOnDemand
"""Where an entry's lines come from: kept with the entry, or read again when needed."""


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def read_text(path: Path, shown: str) -> str:
    """The file's text, or a DataError: not a regular file, too large, NUL bytes, not UTF-8."""
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except UnreadableFile as error:
        raise DataError([Problem(shown, 1, "", error.reason)]) from None
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
    if isinstance(error, ConstructorError):  # the syntax was fine; a value was not
        return Problem(shown, line, "", message)
    return Problem(shown, line, "", f"YAML syntax error: {message}")


def _check_nesting(text: str, shown: str) -> None:
    """Reject deep nesting before the recursive pure-Python composer can exhaust the stack.

    Only needed without libyaml: libyaml itself refuses nesting deeper than 1000 levels.
    """
    depth = 0
    parsed = yaml.parse(text, Loader=_Loader)  # type: ignore[arg-type]
    for events, event in enumerate(parsed, start=1):
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


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _is_plain_date(value: str) -> bool:
    """YYYY-MM-DD, which PyYAML's timestamp constructor makes a date of."""
    return (
        len(value) == 10
        and value[4] == "-"
        and value[7] == "-"
        and (value[:4] + value[5:7] + value[8:]).isdigit()
        and value.isascii()
    )


_SCALAR_BUILDERS: dict[str, Any] = {
    "tag:yaml.org,2002:int": _Constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _Constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": SafeConstructor.construct_yaml_timestamp,
}


class _NeedsCareful(Exception):
    """The fast path met something only the careful path explains (see _fast_build)."""


class _FastBuilder:
    """Data and line tree of a plain file in one walk over its nodes.

    Only for the common case: every collection appears once (no aliases), keys are plain,
    distinct and no merge keys, tags are the default ones, nesting and size are within the
    limits and every value builds. Anything else raises _NeedsCareful, and the careful path
    (measure, check keys, construct, then the line tree) runs instead, with its messages:
    on the files it accepts this gives exactly what the careful path would.
    """

    def __init__(self) -> None:
        self.count = 0
        self.seen: set[int] = set()
        self.constructor = _Loader("")

    def scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR_TAG:
            value = node.value
            # No character clean() replaces is printable: most strings need no scan.
            return value if value.isprintable() else clean(value)
        if tag == _TIMESTAMP_TAG and _is_plain_date(node.value):
            try:
                return dt.date(int(node.value[:4]), int(node.value[5:7]), int(node.value[8:]))
            except ValueError:  # a 31st of February: the careful path words it
                raise _NeedsCareful from None
        build = _SCALAR_BUILDERS.get(tag)
        if build is None:
            raise _NeedsCareful
        try:
            return build(self.constructor, node)
        except Exception:  # the careful path words the problem
            raise _NeedsCareful from None

    def build(self, node: Node, depth: int) -> tuple[Any, Lines]:
        """(data, lines) of a collection node; scalars are handled inline, being most."""
        self.count += 1
        line = node.start_mark.line + 1
        if depth >= MAX_DEPTH or id(node) in self.seen:
            raise _NeedsCareful
        self.seen.add(id(node))
        scalar = self.scalar
        if isinstance(node, MappingNode):
            if node.tag != _MAP_TAG:
                raise _NeedsCareful
            data: dict[Any, Any] = {}
            keys: dict[str, tuple[int, Lines]] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.value in keys:
                    raise _NeedsCareful
                name = key_node.value
                # A merge key (<<) has no builder: careful path.
                key = name if key_node.tag == _STR_TAG and name.isprintable() else scalar(key_node)
                lines: Lines
                if isinstance(value_node, ScalarNode):
                    self.count += 2
                    value, lines = scalar(value_node), value_node.start_mark.line + 1
                else:
                    self.count += 1
                    value, lines = self.build(value_node, depth + 1)
                data[key] = value
                keys[name] = (key_node.start_mark.line + 1, lines)
            return data, LineMap(line, keys)
        if not isinstance(node, SequenceNode) or node.tag != _SEQ_TAG:
            raise _NeedsCareful
        values: list[Any] = []
        items: list[Lines] = []
        for item in node.value:
            if isinstance(item, ScalarNode):
                self.count += 1
                values.append(scalar(item))
                items.append(item.start_mark.line + 1)
            else:
                value, lines = self.build(item, depth + 1)
                values.append(value)
                items.append(lines)
        return values, LineSeq(line, tuple(items))


def _fast_build(root: Node) -> tuple[Any, Lines] | None:
    """(data, line tree) of a plain mapping file, or None when it needs the careful path."""
    if not isinstance(root, MappingNode):
        return None
    builder = _FastBuilder()
    try:
        built = builder.build(root, 0)
    except (_NeedsCareful, RecursionError):
        return None
    # Counted as the careful path counts (keys too). Checked once at the end: without
    # aliases of collections (refused above) a file of at most MAX_FILE_BYTES stays small.
    return built if builder.count <= MAX_NODES else None


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
        root = _Loader(text).get_single_node()
    except yaml.YAMLError as error:
        raise DataError([_yaml_problem(shown, error)]) from None
    if root is None:
        raise DataError([Problem(shown, 1, "", "file is empty (expected a mapping of keys)")])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fast = _fast_build(root)
    if fast is not None:
        return YamlDocument(shown, fast[0], fast[1], digest)
    walker = _Walker(shown)
    walker.measure(root)
    if walker.bad_keys:
        raise DataError(walker.problems(root))
    if not isinstance(root, MappingNode):
        found = "a list" if isinstance(root, SequenceNode) else "a single value"
        line = root.start_mark.line + 1
        raise DataError([Problem(shown, line, "", f"expected a mapping of keys, found {found}")])
    try:
        data = _Loader("").construct_document(root)
    except yaml.YAMLError as error:
        raise DataError([_yaml_problem(shown, error)]) from None
    return YamlDocument(shown, data, _line_tree(root), digest)
