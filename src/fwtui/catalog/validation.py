"""pydantic's validation errors as problems that name the file, the line and the field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from fwtui.catalog.models import ID_PATTERN, PYPI_PATTERN, SPDX_PATTERN, VERSION_PATTERN
from fwtui.errors import DataError, Problem, did_you_mean, valid_list
from fwtui.safetext import quoted

if TYPE_CHECKING:
    from fwtui.catalog.yamlsafe import YamlDocument

M = TypeVar("M", bound=BaseModel)


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


# What each pattern of the models means, in words (pydantic would print the regex).
_PATTERN_MEANINGS = {
    ID_PATTERN: "a lower-case id: a letter, then letters, digits or '_' (e.g. my_framework)",
    SPDX_PATTERN: "an SPDX license expression such as 'BSD-3-Clause' or 'MIT OR Apache-2.0'",
    VERSION_PATTERN.pattern: "a version number such as '3.1.2' or '2.0rc1'",
    PYPI_PATTERN: "a PyPI project name: letters, digits, '.', '_' or '-'",
}
_EXPECTED = {
    "list_type": "a list",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "dict_type": "a mapping of keys",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD) without a time",
    "datetime_type": "a date and time",
    "datetime_parsing": "a date and time",
}
_FOUND = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list"}
_BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
}


def _found(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    return _FOUND.get(type(value), "another kind of value")


def _plural(count: object, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _clean_message(error: Any) -> str:
    """pydantic's message as a sentence that names what is expected."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        values = [v.strip(" '") for v in re.split(r",| or ", expected) if v.strip(" '")]
        return f"{_shown_input(value)} is not allowed {valid_list(values)}"
    if kind == "string_pattern_mismatch":
        meaning = _PATTERN_MEANINGS.get(str(ctx.get("pattern")), "in the expected form")
        return f"{_shown_input(value)} is not {meaning}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {_found(value)}"
    if kind == "string_too_short":
        if ctx.get("min_length") == 1:
            return "must not be empty"
        return f"is too short (at least {_plural(ctx.get('min_length'), 'character')})"
    if kind == "string_too_long":
        return f"is too long (at most {_plural(ctx.get('max_length'), 'character')})"
    if kind == "too_short":
        return f"needs at least {_plural(ctx.get('min_length'), 'item')}"
    if kind == "too_long":
        return f"has too many items (at most {ctx.get('max_length')})"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"{_shown_input(value)} is out of range: it must be {words} {ctx.get(key)}"
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
            names = _field_names(parent) if parent else []
            hint = did_you_mean(str(loc[-1]), names)
            valid = valid_list(names) if names else ""
            message = f"unknown key{hint} {valid}".rstrip()
            problems.append(Problem(document.file, line, path, message))
            continue
        line, path = document.line_of(loc)
        if loc[-1:] == ("[key]",):  # a mapping key itself is wrong: point at the key
            line, path = document.key_line(loc[:-1]), document.line_of(loc[:-1])[1]
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
