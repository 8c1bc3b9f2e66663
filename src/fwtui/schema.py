"""JSON Schema for each data file kind, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fwtui.models import FILE_MODELS
from fwtui.problems import UsageError

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_documents() -> dict[str, dict[str, Any]]:
    """``{kind: JSON Schema}`` for meta, criteria, framework, questions and guide."""
    documents = {}
    for kind, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        documents[kind] = {"$schema": SCHEMA_DIALECT, "$id": f"{kind}.schema.json", **schema}
    return documents


def write_schemas(output: Path) -> list[Path]:
    """Write ``<kind>.schema.json`` files into ``output`` (created if needed)."""
    try:
        output.mkdir(parents=True, exist_ok=True)
        written = []
        for kind, schema in schema_documents().items():
            path = output / f"{kind}.schema.json"
            path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
            written.append(path)
    except OSError as error:
        raise UsageError(f"--output {output}: {error.strerror}") from None
    return written
