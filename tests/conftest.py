"""Fixtures shared by every test; the helpers themselves live in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

import helpers

# tests/cli/test_serve.py still imports run_cli from here.
from helpers import run_cli  # noqa: F401


@pytest.fixture(autouse=True)
def isolated_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep the developer's data, cache, state and config dirs and FWTUI_DATA out of tests."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("FWTUI_STATE_DIR", str(home / "state"))
    monkeypatch.setenv("FWTUI_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("FWTUI_DATA", raising=False)
    monkeypatch.setattr(helpers, "seedable_cache_dir", home / "cache" / "fwtui")
    return home / "fwtui"
