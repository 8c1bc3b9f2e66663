"""The overview's cached first frame (fwtui.render.preview): kept with the catalog cache,
valid only while that would be, and never trusted beyond its checks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fwtui.catalog.dirs import cache_key
from fwtui.catalog.loader import bundled_catalog, load_catalog
from fwtui.render.preview import (
    FORMAT,
    PREVIEW_FILE,
    preview_document,
    preview_from_document,
    preview_of,
    quick_start,
    read_preview,
)
from helpers import bundled_framework, write_framework


def preview_path() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "fwtui" / PREVIEW_FILE


def remembered() -> None:
    start = quick_start(())
    start.remember(start.load())


def test_the_first_start_has_no_preview_and_the_next_one_draws_the_catalog() -> None:
    first = quick_start(())
    assert first.preview is None
    first.remember(first.load())
    second = quick_start(())
    assert second.preview is not None
    catalog = bundled_catalog()
    assert second.preview == preview_of(catalog, cache_key(()))
    assert second.preview.matches(catalog)
    assert second.preview.frameworks[0] == ("django", "Django")


def test_a_user_framework_makes_the_preview_stale_and_the_next_one_shows_it(
    tmp_path: Path,
) -> None:
    remembered()
    data = bundled_framework("flask")
    data.update(id="aaa_first", name="Aaa First")
    write_framework(tmp_path, data)
    start = quick_start([tmp_path])
    assert start.preview is None  # the key changed: the full load path, as without a preview
    start.remember(start.load())
    again = quick_start([tmp_path])
    assert again.preview is not None
    assert ("aaa_first", "Aaa First") in again.preview.frameworks
    assert again.preview.matches(load_catalog([tmp_path]))


def rewrite(change: object) -> None:
    """Rewrite the preview's JSON body with ``change`` applied, keeping its header."""
    path = preview_path()
    header, _, body = path.read_bytes().partition(b"\n")
    document = json.loads(body)
    change(document)  # type: ignore[operator]
    path.write_bytes(header + b"\n" + json.dumps(document).encode())


def name_not_text(document: dict[str, object]) -> None:
    document["frameworks"][0][1] = 42  # type: ignore[index]


def duplicate_id(document: dict[str, object]) -> None:
    frameworks = document["frameworks"]
    frameworks.append(list(frameworks[0]))  # type: ignore[attr-defined]


def unknown_block(document: dict[str, object]) -> None:
    document["first"]["sections"][0]["blocks"][0]["type"] = "Popen"  # type: ignore[index]


def extra_field(document: dict[str, object]) -> None:
    document["first"]["hook"] = "x"  # type: ignore[index]


def no_frameworks(document: dict[str, object]) -> None:
    document["frameworks"] = []


@pytest.mark.parametrize(
    "change", [name_not_text, duplicate_id, unknown_block, extra_field, no_frameworks]
)
def test_a_tampered_preview_is_ignored(change: object) -> None:
    remembered()
    rewrite(change)
    assert quick_start(()).preview is None


def test_a_preview_of_other_data_or_another_format_is_ignored() -> None:
    remembered()
    key = cache_key(())
    path = preview_path()
    body = path.read_bytes().partition(b"\n")[2]
    path.write_bytes(f"{FORMAT} {'0' * 64}\n".encode() + body)
    assert read_preview(key) is None
    path.write_bytes(f"fwtui-preview 0 {key}\n".encode() + body)
    assert read_preview(key) is None
    path.write_bytes(f"{FORMAT} {key}\n".encode() + body)
    assert read_preview(key) is not None  # the same bytes with the right header: read


def test_a_preview_others_could_write_or_a_link_is_never_read(tmp_path: Path) -> None:
    remembered()
    path = preview_path()
    key = cache_key(())
    path.chmod(0o620)
    assert read_preview(key) is None
    path.chmod(0o600)
    planted = tmp_path / "planted.json"
    planted.write_bytes(path.read_bytes())
    planted.chmod(0o600)
    path.unlink()
    path.symlink_to(planted)
    assert read_preview(key) is None
    path.unlink()
    path.parent.chmod(0o770)
    try:
        planted.rename(path)
        assert read_preview(key) is None
    finally:
        path.parent.chmod(0o700)


def test_no_cache_means_no_preview(monkeypatch: pytest.MonkeyPatch) -> None:
    remembered()
    monkeypatch.setenv("FWTUI_NO_CACHE", "1")
    start = quick_start(())
    assert start.preview is None
    start.remember(start.load())
    assert quick_start(()).preview is None


def test_the_document_round_trips_through_json() -> None:
    catalog = bundled_catalog()
    preview = preview_of(catalog, "k")
    assert preview is not None
    document = json.loads(json.dumps(preview_document(preview)))
    assert preview_from_document("k", document) == preview
