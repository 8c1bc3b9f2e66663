"""The bundled data files are written by people for people: one house style in every file.

No YAML anchors or aliases (a reader should not have to chase ``*id001``), block lists
indented under their key as in every other file, and keys in the order of the schema, so
that the same field is found in the same place in each file.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fwtui.catalog.loader import BUNDLED_DIR
from fwtui.catalog.models import FILE_MODELS

FILES = sorted(BUNDLED_DIR.glob("*.yaml")) + sorted((BUNDLED_DIR / "frameworks").glob("*.yaml"))


def model_of(path: Path) -> type[BaseModel]:
    return FILE_MODELS["framework" if path.parent.name == "frameworks" else path.stem]


def ids(path: Path) -> str:
    return path.relative_to(BUNDLED_DIR).as_posix()


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_no_anchors_or_aliases(path: Path) -> None:
    events = yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    found = [
        f"line {event.start_mark.line + 1}"
        for event in events
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)
    ]
    assert not found, f"anchors or aliases at {', '.join(found[:5])}"


def _unindented_lists(node: Node) -> list[int]:
    lines: list[int] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if (
                isinstance(value, SequenceNode)
                and not value.flow_style
                and value.start_mark.column <= key.start_mark.column
            ):
                lines.append(value.start_mark.line + 1)
            lines += _unindented_lists(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            lines += _unindented_lists(item)
    return lines


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_block_lists_are_indented_under_their_key(path: Path) -> None:
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert root is not None
    lines = _unindented_lists(root)
    assert not lines, f"lists not indented under their key at lines {lines[:5]}"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model that values of ``annotation`` are (through lists, dicts and unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _misordered(node: Node, model: type[BaseModel], where: str) -> list[str]:
    """Paths of mappings whose keys are not in the order of ``model``'s fields."""
    if isinstance(node, SequenceNode):
        return [p for i, item in enumerate(node.value) for p in _misordered(item, model, where)]
    if not isinstance(node, MappingNode):
        return []
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    keys = [key.value for key, _ in node.value if isinstance(key, ScalarNode)]
    problems = []
    if keys != [name for name in fields if name in keys]:
        problems.append(f"{where or 'top'} (line {node.start_mark.line + 1}): {keys}")
    for key, value in node.value:
        info = fields.get(key.value)
        if info is None:
            continue
        inner = _model_in(info.annotation)
        if inner is None:
            continue
        if typing.get_origin(info.annotation) is dict and isinstance(value, MappingNode):
            for _, entry in value.value:
                problems += _misordered(entry, inner, f"{where}.{key.value}.*")
        else:
            problems += _misordered(value, inner, f"{where}.{key.value}")
    return problems


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_keys_follow_the_schema_order(path: Path) -> None:
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert root is not None
    problems = _misordered(root, model_of(path), "")
    assert not problems, "\n".join(problems[:5])


def test_the_style_checks_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "bad.yaml"
    broken.write_text(
        "id: x\nname: &n X\ntagline: *n\ninterface:\n- WSGI\nsummary: s\n", encoding="utf-8"
    )
    root = yaml.compose(broken.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert root is not None
    assert _unindented_lists(root) == [5]
    assert _misordered(root, FILE_MODELS["framework"], "")
    with pytest.raises(AssertionError):
        test_no_anchors_or_aliases(broken)
