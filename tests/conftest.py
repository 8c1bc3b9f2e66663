"""Shared helpers: run the real CLI in a subprocess, build user data directories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from fwtui.catalog import BUNDLED_DIR


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
    return home / "fwtui"


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m fwtui ARGS`` and capture its output as text."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "fwtui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=timeout,
        check=False,
    )


def bundled_framework(framework_id: str = "flask") -> dict[str, Any]:
    """A bundled framework file as plain data, to derive valid or broken user files from."""
    text = (BUNDLED_DIR / "frameworks" / f"{framework_id}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def write_framework(directory: Path, data: dict[str, Any], name: str | None = None) -> Path:
    """Write ``data`` as ``frameworks/<name>.yaml`` under ``directory``."""
    folder = directory / "frameworks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of ``path`` that contains ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
