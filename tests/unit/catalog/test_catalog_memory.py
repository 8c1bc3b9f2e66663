"""What a loaded catalog keeps in memory: counted, never timed (bench/bench_large.py times it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from fwtui.catalog.cache import load_catalog_cached
from fwtui.catalog.loader import BUNDLED_DIR, load_catalog
from fwtui.catalog.models import Framework
from fwtui.catalog.yamlsafe import load_yaml


def models_in(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for item in value.__dict__.values():
            yield from models_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from models_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from models_in(item)


def test_models_share_their_fields_sets_and_keep_what_pydantic_recorded() -> None:
    for catalog in (load_catalog(()), load_catalog_cached(()), load_catalog_cached(())):
        models = [m for f in catalog.frameworks.values() for m in models_in(f)]
        assert len(models) > 500
        distinct = {id(m.__pydantic_fields_set__) for m in models}
        assert len(distinct) < len(models) / 20
    cold = load_catalog(()).frameworks["flask"]
    path = BUNDLED_DIR / "frameworks" / "flask.yaml"
    validated = Framework.model_validate(load_yaml(path, "flask.yaml").data)
    assert cold.model_fields_set == validated.model_fields_set
    assert cold.facts["orm"].model_fields_set == validated.facts["orm"].model_fields_set
    assert cold.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
