"""The CLI for script authors: JSON lists, whole lines in pipes, suggestions for typos."""

from __future__ import annotations

import json

from fwtui.catalog.loader import bundled_catalog
from helpers import cli


def test_list_as_json_has_one_object_per_framework_in_list_order() -> None:
    result = cli("list", "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    catalog = bundled_catalog()
    assert [item["id"] for item in listed] == list(catalog.frameworks)
    flask = next(item for item in listed if item["id"] == "flask")
    assert flask["name"] == "Flask"
    assert flask["tagline"] == catalog.frameworks["flask"].tagline
    assert set(flask) >= {"kind", "interface", "license", "latest_version", "python"}


def test_list_in_a_pipe_keeps_every_tagline_whole() -> None:
    lines = cli("list").stdout.splitlines()
    catalog = bundled_catalog()
    assert len(lines) == len(catalog.frameworks)
    for line, framework in zip(lines, catalog.frameworks.values(), strict=True):
        assert framework.tagline
        assert line.endswith(framework.tagline), line
    assert not any(line.endswith("…") for line in lines)
    assert max(len(line) for line in lines) > 80  # the bundled taglines do not fit 80 columns


def test_a_misspelt_framework_id_gets_a_suggestion() -> None:
    for args in (("show", "flaks"), ("matrix", "--frameworks", "django,fastpai")):
        result = cli(*args)
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert "(did you mean '" in line, line
        assert line.startswith("fwtui: error: unknown framework '"), line
    shown = cli("show", "FastAPI")
    assert shown.returncode == 0, shown.stderr
