"""Just enough of the packaging spec's environment markers to tell which ``Requires-Dist``
lines a release needs on one reference platform (``importlib-metadata; python_version <
"3.10"`` is not needed on 3.13; ``pytest; extra == "test"`` is never required).

Markers fwtui does not understand count as true, so a dependency is never dropped by
mistake; the maintainer then sees it listed and can judge.
"""

from __future__ import annotations

import re

REFERENCE = {
    "python_version": "3.13",
    "python_full_version": "3.13.0",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "extra": "",
}
"""The platform the catalog's dependency lists are for: CPython 3.13 on 64-bit Linux."""

_TOKEN = re.compile(
    r"\s*(?:(?P<paren>[()])|(?P<op>===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)"
    r"|(?P<logic>and\b|or\b)|(?P<quoted>'[^']*'|\"[^\"]*\")|(?P<name>[A-Za-z_.]+))"
)


class _Unknown(Exception):
    """A marker this module cannot evaluate."""


def _tokens(marker: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    while position < len(marker.rstrip()):
        match = _TOKEN.match(marker, position)
        if match is None or match.end() == position:
            raise _Unknown
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


def _version(text: str) -> tuple[int, ...]:
    parts = re.findall(r"\d+", text)
    if not parts:
        raise _Unknown
    return tuple(int(p) for p in parts[:3])


def _compare(left: str, op: str, right: str, versions: bool) -> bool:
    op = " ".join(op.split())
    if op == "in":
        return left in right
    if op == "not in":
        return left not in right
    if versions:
        a, b = _version(left), _version(right)
        width = max(len(a), len(b))
        a, b = a + (0,) * (width - len(a)), b + (0,) * (width - len(b))
    else:
        a, b = (left,), (right,)  # type: ignore[assignment]
    results = {"==": a == b, "===": a == b, "!=": a != b, "<": a < b, "<=": a <= b}
    results.update({">": a > b, ">=": a >= b, "~=": a >= b})
    return results[op]


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], environment: dict[str, str]) -> None:
        self.tokens = tokens
        self.position = 0
        self.environment = environment

    def take(self, kind: str | None = None) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise _Unknown
        token = self.tokens[self.position]
        if kind is not None and token[0] != kind:
            raise _Unknown
        self.position += 1
        return token

    def peek(self, value: str) -> bool:
        return self.position < len(self.tokens) and self.tokens[self.position][1] == value

    def expression(self) -> bool:
        result = self.conjunction()
        while self.peek("or"):
            self.take()
            result = self.conjunction() or result
        return result

    def conjunction(self) -> bool:
        result = self.atom()
        while self.peek("and"):
            self.take()
            result = self.atom() and result
        return result

    def atom(self) -> bool:
        if self.peek("("):
            self.take()
            result = self.expression()
            self.take("paren")
            return result
        left, op, right = self.value(), self.take("op")[1], self.value()
        names = {name for name, _ in (left, right) if name}
        versions = bool(names & {"python_version", "python_full_version"})
        return _compare(left[1], op, right[1], versions)

    def value(self) -> tuple[str, str]:
        kind, text = self.take()
        if kind == "quoted":
            return "", text[1:-1]
        if kind == "name" and text in self.environment:
            return text, self.environment[text]
        raise _Unknown


def required_here(marker: str, environment: dict[str, str] = REFERENCE) -> bool:
    """Whether a dependency with this marker is needed in ``environment``."""
    if re.search(r"\bextra\s*==", marker):
        return False  # an optional extra: never a required dependency
    try:
        parser = _Parser(_tokens(marker), environment)
        result = parser.expression()
    except (_Unknown, KeyError):
        return True
    return result if parser.position == len(parser.tokens) else True
