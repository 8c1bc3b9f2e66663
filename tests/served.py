"""Helpers for the ``fwtui serve`` tests: a real server subprocess and its processes.

Used by ``test_serve.py`` and ``test_real_browser.py``; not a test module itself. Every
process a test server starts carries a unique ``--data`` directory (the marker) in its
command line, which is how the tests find, and prove the absence of, its app processes.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 20.0  # seconds for the server to listen, or an app to draw its screen
EXIT_TIMEOUT = 10.0  # seconds for a process to go once it has been told to


def processes_with(marker: str) -> dict[int, str]:
    """Live processes (pid: command line) with ``marker`` as one of their arguments.

    Zombies have an empty command line, so they are not counted: they run no code.
    """
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if marker.encode() in argv:
            found[int(entry.name)] = b" ".join(argv).decode(errors="replace").strip()
    return found


def children_of(parent: int) -> dict[int, str]:
    """Every child process of ``parent`` (pid: state letter), zombies included."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent:
            found[int(entry.name)] = state
    return found


def wait_until(
    condition: Callable[[], bool], timeout: float, pump: Callable[[], None] | None = None
) -> bool:
    """Poll ``condition`` until it holds (True) or ``timeout`` seconds pass (False).

    ``pump`` replaces the sleep between polls, e.g. to let playwright deliver events.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        if pump is None:
            time.sleep(0.05)
        else:
            pump()
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Served:
    """A running ``fwtui serve`` subprocess on 127.0.0.1."""

    process: subprocess.Popen[bytes]
    port: int
    marker: str
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def processes(self) -> dict[int, str]:
        """The server and its app processes, while they live: all with the marker."""
        return processes_with(self.marker)

    def apps(self) -> dict[int, str]:
        """This server's app processes: every marked process but the server."""
        return {pid: cmd for pid, cmd in self.processes().items() if pid != self.process.pid}

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serve_fwtui(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """``fwtui --data MARKER serve --port FREE ARGS`` with its own cache, state, config dirs.

    On the way out, kills the server if it still runs and every process with its marker.
    """
    marker = tmp_path / "data-marker"  # unique per test; an empty, valid data directory
    marker.mkdir()
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "FWTUI_STATE_DIR": str(tmp_path / "state"),
        "FWTUI_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "fwtui", "--data", str(marker)),
                *("serve", "--port", str(port), *args),
            ],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = Served(process, port, str(marker), log)

    def listening() -> bool:
        if process.poll() is not None:
            return True
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            return False
        return True

    try:
        assert wait_until(listening, START_TIMEOUT), server.output()
        assert process.poll() is None, f"fwtui serve exited:\n{server.output()}"
        yield server
    finally:
        # Whatever a failing test left: only this test's processes carry its marker.
        if process.poll() is None:
            process.kill()
            process.wait(EXIT_TIMEOUT)
        for pid in processes_with(server.marker):
            os.kill(pid, signal.SIGKILL)
