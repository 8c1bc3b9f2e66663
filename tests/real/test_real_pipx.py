"""The real install path: build the sdist and wheel, ``pipx install`` the wheel, run it.

One module-scoped fixture builds (sdist, then the wheel from the sdist, as ``python -m build``
does) and another installs with pipx into a temporary PIPX_HOME once; the tests then run the
installed ``fwtui`` with fresh data, cache, state and config directories. Needs the ``build``
and ``pipx`` packages in this venv, and tmux for the TUI test; each test skips only when its
tool is missing. The time of each step is printed at the end of the module.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import fwtui
from helpers import TESTS, cli
from realterm import Timings, Tmux

pytestmark = pytest.mark.real

ROOT = TESTS.parent
PACKAGE = ROOT / "src" / "fwtui"
STEP_TIMEOUT = 300


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    fwtui: Path
    pipx_home: Path
    env: dict[str, str]
    workdir: Path


def packaged_files() -> list[Path]:
    """Every data and style file of the package, relative to ``src/``."""
    files = [
        path.relative_to(PACKAGE.parent)
        for pattern in ("*.yaml", "*.tcss")
        for path in PACKAGE.rglob(pattern)
    ]
    return sorted(files)


def run(
    argv: list[str | Path], env: dict[str, str], cwd: Path, timeout: float = STEP_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def explain(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.fixture(scope="module")
def timings(request: pytest.FixtureRequest) -> Iterator[Timings]:
    recorded = Timings("test_real_pipx timings")
    yield recorded
    recorded.report(request.config)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, timings: Timings) -> Built:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the build package is not installed in this venv (pip install build)")
    dist = tmp_path_factory.mktemp("dist")
    with timings.step("python -m build (sdist, wheel from sdist)"):
        result = run([sys.executable, "-m", "build", "--outdir", dist, ROOT], {**os.environ}, dist)
    assert result.returncode == 0, explain(result)
    wheels = list(dist.glob("fwtui-*.whl"))
    sdists = list(dist.glob("fwtui-*.tar.gz"))
    assert len(wheels) == 1, wheels
    assert len(sdists) == 1, sdists
    return Built(wheel=wheels[0], sdist=sdists[0])


@pytest.fixture(scope="module")
def installed(
    built: Built, tmp_path_factory: pytest.TempPathFactory, timings: Timings
) -> Installed:
    if importlib.util.find_spec("pipx") is None:
        pytest.skip("pipx is not installed in this venv (pip install pipx)")
    base = tmp_path_factory.mktemp("pipx")
    pipx_home, bin_dir = base / "pipx-home", base / "pipx-bin"
    # Only pipx's own places are redirected here: pip keeps its usual cache, so repeated
    # runs do not download the dependencies again.
    pipx_env = {
        **os.environ,
        "PIPX_HOME": str(pipx_home),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(base / "pipx-man"),
        "USE_EMOJI": "0",
    }
    for name in ("PIPX_DEFAULT_PYTHON", "PIPX_SHARED_LIBS", "PYTHONPATH", "VIRTUAL_ENV"):
        pipx_env.pop(name, None)
    with timings.step("pipx install <wheel>"):
        result = run([sys.executable, "-m", "pipx", "install", built.wheel], pipx_env, base)
    assert result.returncode == 0, explain(result)
    executable = bin_dir / "fwtui"
    assert executable.exists(), explain(result)

    # A fresh user: no data, cache, state or config from the developer or other tests.
    fresh = base / "user"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FWTUI_", "XDG_"))},
        "XDG_CACHE_HOME": str(fresh / "cache"),
        "XDG_DATA_HOME": str(fresh / "data"),
        "XDG_CONFIG_HOME": str(fresh / "config"),
        "XDG_STATE_HOME": str(fresh / "xdg-state"),
        "FWTUI_STATE_DIR": str(fresh / "state"),
        "FWTUI_CONFIG_DIR": str(fresh / "fwtui-config"),
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    return Installed(fwtui=executable, pipx_home=pipx_home, env=env, workdir=base)


def test_wheel_and_sdist_carry_every_data_and_style_file(built: Built) -> None:
    expected = packaged_files()
    assert PACKAGE.relative_to(PACKAGE.parent) / "app.tcss" in expected
    assert any(path.parts[:2] == ("fwtui", "data") for path in expected), expected
    with zipfile.ZipFile(built.wheel) as wheel:
        in_wheel = set(wheel.namelist())
        missing = [p.as_posix() for p in expected if p.as_posix() not in in_wheel]
        assert not missing, f"not in {built.wheel.name}: {missing}"
        changed = [
            p.as_posix()
            for p in expected
            if wheel.read(p.as_posix()) != (PACKAGE.parent / p).read_bytes()
        ]
        assert not changed, f"differ from the source in the wheel: {changed}"
    prefix = built.sdist.name.removesuffix(".tar.gz")
    with tarfile.open(built.sdist) as sdist:
        in_sdist = set(sdist.getnames())
    missing = [p.as_posix() for p in expected if f"{prefix}/src/{p.as_posix()}" not in in_sdist]
    assert not missing, f"not in {built.sdist.name}: {missing}"


def test_installed_version(installed: Installed, built: Built, timings: Timings) -> None:
    with timings.step("fwtui --version"):
        result = run([installed.fwtui, "--version"], installed.env, installed.workdir)
    assert result.returncode == 0, explain(result)
    assert result.stdout.strip() == f"fwtui {fwtui.__version__}"
    assert built.wheel.name.startswith(f"fwtui-{fwtui.__version__}-")
    # The command runs the installed copy, not this checkout.
    venv_python = installed.pipx_home / "venvs" / "fwtui" / "bin" / "python"
    where = run(
        [venv_python, "-c", "import fwtui; print(fwtui.__file__)"],
        installed.env,
        installed.workdir,
    )
    assert where.returncode == 0, explain(where)
    location = Path(where.stdout.strip()).resolve()
    assert location.is_relative_to(installed.pipx_home.resolve()), where.stdout


def test_installed_validate(installed: Installed, timings: Timings) -> None:
    with timings.step("fwtui validate"):
        result = run([installed.fwtui, "validate"], installed.env, installed.workdir)
    assert result.returncode == 0, explain(result)
    assert result.stdout.startswith("OK: "), result.stdout
    assert result.stdout == cli("validate").stdout


def test_installed_recommend_json(installed: Installed, timings: Timings) -> None:
    with timings.step("fwtui recommend --format json"):
        result = run(
            [installed.fwtui, "recommend", "--format", "json"], installed.env, installed.workdir
        )
    assert result.returncode == 0, explain(result)
    document = json.loads(result.stdout)
    ranking = document["ranking"]
    assert ranking, document
    assert [entry["rank"] for entry in ranking] == list(range(1, len(ranking) + 1))
    assert all(entry["id"] and entry["name"] for entry in ranking)
    # The installed data and code decide exactly as this checkout does.
    assert document == json.loads(cli("recommend", "--format", "json").stdout)


def test_installed_tui_opens_and_quits(
    installed: Installed, tmp_path: Path, timings: Timings
) -> None:
    tmux = Tmux(tmp_path)
    try:
        tmux.start([str(installed.fwtui)], {**installed.env, "TERM": "xterm-256color"}, only=True)
        timings.add("TUI: start to 'Summary' (80x24)", tmux.wait_for("Summary"))
        with timings.step("TUI: q to exit"):
            tmux.send("q")
            status = tmux.wait_dead()
        assert status == 0, tmux.screen()
        assert "Summary" not in tmux.screen(), "the alternate screen was not left"
    finally:
        tmux.kill()
