"""The validated-catalog cache: reused when nothing changed, never when anything did."""

from __future__ import annotations

import json
import os
from pathlib import Path

from fwtui.catalog.cache import cache_file, load_catalog_cached
from fwtui.catalog.loader import load_catalog
from fwtui.catalog.models import Framework
from helpers import bundled_framework, cli, write_framework


def cache_env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "cache")}


def cached_file(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "fwtui" / "catalog.json"


def test_a_second_load_reuses_the_cache_and_equals_a_fresh_load(tmp_path: Path) -> None:
    first = load_catalog_cached(())
    path = cache_file()
    assert path is not None
    assert path.is_file()
    written = path.stat().st_mtime_ns
    second = load_catalog_cached(())
    assert path.stat().st_mtime_ns == written
    assert second == first == load_catalog(())
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


def test_a_changed_user_file_is_read_again(tmp_path: Path) -> None:
    env = cache_env(tmp_path)
    data = bundled_framework("flask")
    data.update(id="tinyweb", name="TinyWeb")
    path = write_framework(tmp_path / "data", data)
    shown = cli("--data", str(tmp_path / "data"), "show", "tinyweb", env=env)
    assert shown.stdout.startswith("TinyWeb")
    assert cached_file(tmp_path).is_file()
    data["name"] = "TinyWeb Two"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")  # JSON is YAML
    shown = cli("--data", str(tmp_path / "data"), "show", "tinyweb", env=env)
    assert shown.stdout.startswith("TinyWeb Two")


def test_a_file_broken_after_caching_is_reported_not_served_from_the_cache(
    tmp_path: Path,
) -> None:
    env = cache_env(tmp_path)
    path = write_framework(tmp_path / "data", {**bundled_framework("flask"), "id": "tinyweb"})
    assert cli("--data", str(tmp_path / "data"), "list", env=env).returncode == 0
    before = path.stat()
    path.write_text("id: tinyweb\nname: [unclosed\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if mtime were kept
    listed = cli("--data", str(tmp_path / "data"), "list", env=env)
    assert listed.returncode == 1
    assert "tinyweb.yaml:3: YAML syntax error" in listed.stderr


def test_a_corrupt_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    env = cache_env(tmp_path)
    expected = cli("recommend", "--format", "json", env=env).stdout
    cached_file(tmp_path).write_bytes(b"not a key\n\x80\x04garbage")
    again = cli("recommend", "--format", "json", env=env)
    assert again.returncode == 0
    assert again.stdout == expected
    assert cached_file(tmp_path).read_bytes()[:9] != b"not a key"


def test_fwtui_no_cache_writes_nothing(tmp_path: Path) -> None:
    env = {**cache_env(tmp_path), "FWTUI_NO_CACHE": "1"}
    assert cli("list", env=env).returncode == 0
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_dir_is_skipped_quietly(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    result = cli("list", env={"XDG_CACHE_HOME": str(blocker)})
    assert result.returncode == 0
    assert result.stderr == ""


def test_a_broken_symlink_does_not_hide_later_changes(tmp_path: Path) -> None:
    env = cache_env(tmp_path)
    data = bundled_framework("flask")
    data.update(id="zzz", name="Old Name")  # read after the broken aaa.yaml
    path = write_framework(tmp_path / "data", data)
    (tmp_path / "data" / "frameworks" / "aaa.yaml").symlink_to(tmp_path / "nowhere")
    (tmp_path / "data" / "README.md").symlink_to(tmp_path / "nowhere")
    first = cli("--data", str(tmp_path / "data"), "show", "zzz", env=env)
    assert first.returncode == 1  # the broken aaa.yaml link is reported...
    (tmp_path / "data" / "frameworks" / "aaa.yaml").unlink()
    assert cli("--data", str(tmp_path / "data"), "show", "zzz", env=env).returncode == 0
    path.write_text(path.read_text(encoding="utf-8").replace("Old Name", "New Name"), "utf-8")
    shown = cli("--data", str(tmp_path / "data"), "show", "zzz", env=env)
    assert shown.stdout.startswith("New Name")  # ...and the dangling README.md hides nothing


def _tampered(path: Path, change: str) -> None:
    """The cache file with one framework's JSON changed so that it no longer fits the models,
    or (``missing``) with one framework's line left out."""
    header, *lines = path.read_bytes().splitlines(keepends=True)
    index = next(
        n for n, line in enumerate(lines) if json.loads(line)[:2] == ["frameworks", "flask"]
    )
    section, key, flask = json.loads(lines[index])
    if change == "level":
        flask["facts"]["orm"]["level"] = 3
    elif change == "source":
        flask["facts"]["orm"]["sources"] = ["https://example.org", None]
    elif change == "order":
        flask = dict(reversed(list(flask.items())))
    elif change == "date":
        flask["facts"]["orm"]["last_reviewed"] = "yesterday"
    lines[index] = json.dumps([section, key, flask]).encode() + b"\n"
    if change == "missing":
        del lines[index]
    path.write_bytes(header + b"".join(lines))


def test_a_cache_that_does_not_fit_the_models_is_not_served(tmp_path: Path) -> None:
    fresh = load_catalog(())
    path = cache_file()
    assert path is not None
    load_catalog_cached(())
    for change in ("level", "source", "order", "date", "missing"):
        _tampered(path, change)
        tampered = path.read_bytes()
        assert load_catalog_cached(()) == fresh, change
        assert path.read_bytes() != tampered, change  # ... and it was written anew
    assert load_catalog_cached(()).frameworks["flask"].model_fields_set == set(
        Framework.model_fields
    )
