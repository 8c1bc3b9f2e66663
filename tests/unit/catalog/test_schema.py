"""`fwtui schema` output validates the bundled files and rejects broken ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from fwtui.catalog.loader import BUNDLED_DIR
from helpers import cli

KIND_OF_FILE = {
    "meta.yaml": "meta",
    "criteria.yaml": "criteria",
    "questions.yaml": "questions",
    "guide.yaml": "guide",
}


def _as_json(path: Path) -> Any:
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def _bundled_files() -> list[tuple[str, Path]]:
    files = [(kind, BUNDLED_DIR / name) for name, kind in KIND_OF_FILE.items()]
    files = [(kind, path) for kind, path in files if path.exists()]
    files += [("framework", p) for p in sorted((BUNDLED_DIR / "frameworks").glob("*.yaml"))]
    return files


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Draft202012Validator]:
    output = tmp_path_factory.mktemp("schemas")
    result = cli("schema", "--output", str(output))
    assert result.returncode == 0, result.stderr
    validators = {}
    for path in output.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validators[path.name.removesuffix(".schema.json")] = Draft202012Validator(schema)
    assert set(validators) == {"meta", "criteria", "framework", "questions", "guide"}
    return validators


@pytest.mark.parametrize(("kind", "path"), _bundled_files(), ids=lambda v: getattr(v, "name", v))
def test_bundled_file_matches_its_schema(
    schemas: dict[str, Draft202012Validator], kind: str, path: Path
) -> None:
    errors = list(schemas[kind].iter_errors(_as_json(path)))
    assert not errors, [e.message for e in errors]


def test_schema_rejects_an_unknown_key(schemas: dict[str, Draft202012Validator]) -> None:
    data = _as_json(BUNDLED_DIR / "criteria.yaml")
    data["criteria"][0]["colour"] = "red"
    assert list(schemas["criteria"].iter_errors(data))


def test_schema_without_output_prints_every_kind() -> None:
    result = cli("schema")
    assert result.returncode == 0
    assert set(json.loads(result.stdout)) == {"meta", "criteria", "framework", "questions", "guide"}
