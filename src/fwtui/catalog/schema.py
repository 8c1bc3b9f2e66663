"""JSON Schema for each data file kind, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fwtui.catalog.models import FILE_MODELS
from fwtui.errors import UsageError
from fwtui.fsutil import atomic_write

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_documents() -> dict[str, dict[str, Any]]:
    """``{kind: JSON Schema}`` for meta, criteria, framework, questions and guide."""
    documents = {}
    for kind, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        documents[kind] = {"$schema": SCHEMA_DIALECT, "$id": f"{kind}.schema.json", **schema}
    return documents


def write_schemas(output: Path) -> list[Path]:
    """Write ``<kind>.schema.json`` files into ``output`` (created if needed).

    Every target is checked before the first is written, so a bad one leaves no half set.
    """
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {output}: not a directory")
    documents = schema_documents()
    targets = {kind: output / f"{kind}.schema.json" for kind in documents}
    for path in targets.values():
        if path.is_dir():
            raise UsageError(f"--output {output}: {path} is a directory")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"--output {output}: {error.strerror}") from None
    return [
        atomic_write(targets[kind], json.dumps(schema, indent=2) + "\n")
        for kind, schema in documents.items()
    ]
