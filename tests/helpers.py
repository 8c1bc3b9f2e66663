"""Shared test helpers: the CLI in-process or in a subprocess, user data directories."""

from __future__ import annotations

import atexit
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from fwtui.catalog.loader import BUNDLED_DIR

TESTS = Path(__file__).resolve().parent
"""The tests folder: shared data (data/, golden/) lives here, beside this file."""


class _Captured(io.StringIO):
    """A standard stream that keeps what was written: UTF-8 like ``PYTHONIOENCODING=utf-8``
    (so ``cli._prepare_streams`` keeps it as is) and still readable after ``close()``."""

    encoding = "utf-8"
    errors = "strict"

    def close(self) -> None:  # main() closes stderr after a broken pipe
        pass


_warm_cache: Path | None = None

seedable_cache_dir: Path | None = None
"""The one cache directory :func:`cli` may seed: the test's own, set by conftest.py's
``isolated_user_data`` (None outside a test, e.g. in module-scoped fixtures)."""


def _warm_cache_file() -> Path:
    """A cache of the bundled catalog alone, built once per test session."""
    global _warm_cache
    if _warm_cache is None:
        from fwtui.catalog.cache import cache_file, load_catalog_cached

        folder = Path(tempfile.mkdtemp(prefix="fwtui-warm-cache-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        with mock.patch.dict(os.environ, {"XDG_CACHE_HOME": str(folder)}):
            os.environ.pop("FWTUI_NO_CACHE", None)
            load_catalog_cached(())
            path = cache_file()
        assert path is not None
        assert path.is_file()
        _warm_cache = path
    return _warm_cache


def _seed_cache() -> None:
    """Copy the session's warm cache into the test's own cache directory while it has none.

    The cache key still decides: with user data the copy simply misses and the command
    validates its YAML as usual. Another XDG_CACHE_HOME (as the tests of the cache itself
    pass), FWTUI_NO_CACHE or a directory that already exists is left alone.
    """
    from fwtui.catalog.cache import cache_file

    target = cache_file()
    if target is None or target.parent != seedable_cache_dir or os.path.lexists(target.parent):
        return
    source = _warm_cache_file()
    target.parent.mkdir(mode=0o700, parents=True)
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)


def cli(
    *args: str, env: dict[str, str] | None = None, seed_cache: bool = True, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``fwtui ARGS`` in this process, with the results of :func:`run_cli`.

    ``env`` is applied to ``os.environ`` for the call only. Standard input holds ``stdin``
    (not a terminal), and
    standard output and error are captured as UTF-8 text; argparse's SystemExit becomes
    the return code, as in the real process. Any other exception propagates: the
    subprocess would have printed a traceback, which the tests refuse anyway.
    Unless ``seed_cache`` is False, the test's own empty cache directory first gets the
    session's warm cache of the bundled catalog (see :func:`_seed_cache`), so that each
    call does not validate the bundled YAML again.
    """
    from fwtui.cli import main

    stdout, stderr = _Captured(), _Captured()
    saved = sys.stdin, sys.stdout, sys.stderr
    with mock.patch.dict(os.environ, env or {}):
        if seed_cache:
            _seed_cache()
        sys.stdin, sys.stdout, sys.stderr = _Captured(stdin), stdout, stderr
        try:
            code = main(list(args))
        except SystemExit as exit_:
            if exit_.code is None or isinstance(exit_.code, int):
                code = exit_.code or 0
            else:  # sys.exit("message"): printed to stderr, status 1
                print(exit_.code, file=sys.stderr)
                code = 1
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess(["fwtui", *args], code, stdout.getvalue(), stderr.getvalue())


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m fwtui ARGS`` in a subprocess and capture its output as text.

    For tests where the process itself is the subject (its exit status, a hang, its
    streams); everything else uses :func:`cli`.
    """
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
