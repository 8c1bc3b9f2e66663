"""pydantic's validation errors as problems that name the file, the line and the field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from fwtui.errors import DataError, Problem, valid_list
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
