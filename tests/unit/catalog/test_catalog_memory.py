"""What a loaded catalog keeps in memory: counted, never timed (bench/bench_large.py times it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from fwtui.catalog import yamlsafe
from fwtui.catalog.cache import load_catalog_cached
from fwtui.catalog.loader import BUNDLED_DIR, load_catalog
from fwtui.catalog.models import Framework
from fwtui.catalog.yamlsafe import load_yaml
from fwtui.errors import DataError


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


def test_each_file_is_read_once_and_again_only_for_a_problem_that_needs_its_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = yamlsafe.load_yaml

    def counted(path: Path, shown: str) -> yamlsafe.YamlDocument:
        reads.append(path.name)
        return real(path, shown)

    monkeypatch.setattr(yamlsafe, "load_yaml", counted)
    catalog = load_catalog(())
    assert len(reads) == len(catalog.files)
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "mine.yaml").write_text(
        "id: mine\nname: Mine\npros:\n  - text: Quick.\n    criterion: speeed\n", encoding="utf-8"
    )
    reads.clear()
    with pytest.raises(DataError) as caught:
        load_catalog((tmp_path,))
    assert [str(p).split(": ", 1)[0] for p in caught.value.problems] == [
        f"{tmp_path}/frameworks/mine.yaml:5"
    ]
    assert reads.count("mine.yaml") == 2  # read, and read again for the problem's line
    assert len(reads) == len(catalog.files) + 2
