"""Helpers for the real-path tests: a private tmux server, step timings, process lookups.

Used by ``test_real_pipx.py`` and ``test_real_ssh.py``; not a test module itself.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from signal import SIGCHLD

import pytest

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
POLL = 0.02
TMUX_CONF = "set -g status off\nset -g remain-on-exit on\n"


def require_tool(name: str, hint: str, *extra_dirs: str) -> str:
    """The path of ``name`` (also looked up in ``extra_dirs``), or skip the test with ``hint``."""
    path = shutil.which(name) or shutil.which(name, path=os.pathsep.join(extra_dirs))
    if path is None:
        pytest.skip(f"{name} not found ({hint})")
    return path


class Timings:
    """Wall-clock time of named steps, reported once at the end of a module."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.steps: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def add(self, name: str, seconds: float) -> None:
        self.steps.append((name, seconds))

    def lines(self) -> list[str]:
        width = max((len(name) for name, _ in self.steps), default=0)
        return [f"{self.title}:"] + [
            f"  {name:<{width}}  {seconds:7.2f} s" for name, seconds in self.steps
        ]

    def report(self, config: pytest.Config) -> None:
        """Print the timings; through the terminal reporter too, so they show without ``-s``."""
        if not self.steps:
            return
        lines = self.lines()
        print("\n".join(lines))
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        capture = config.pluginmanager.get_plugin("capturemanager")
        if reporter is None or capture is None:
            return
        # Output capture is on during fixture teardown: step around it, as live logging does.
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            for line in lines:
                reporter.write_line(line)


class Tmux:
    """A private tmux server with one ``cols`` x ``rows`` pane that stays after its command ends."""

    def __init__(self, workdir: Path, cols: int = 80, rows: int = 24) -> None:
        self.tmux = require_tool("tmux", "apt-get install tmux")
        self.socket = f"fwtui-test-{os.getpid()}-{time.monotonic_ns()}"
        self.conf = workdir / "tmux.conf"
        self.conf.write_text(TMUX_CONF, encoding="utf-8")
        self.cols, self.rows = cols, rows

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            check=False,
            timeout=30,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {args[0]} failed: {result.stderr.decode(errors='replace')}")
        return result.stdout.decode("utf-8", errors="replace")

    def start(
        self, argv: Sequence[str], env: Mapping[str, str] | None = None, *, only: bool = False
    ) -> None:
        """Run ``argv`` in the pane with ``env`` added to the tmux server's environment
        (with ``only``: with ``env`` alone)."""
        exports = [f"{key}={value}" for key, value in (env or {}).items()]
        command = shlex.join(["env", *(["-i"] if only else []), *exports, *argv])
        self.run("new-session", "-d", "-x", str(self.cols), "-y", str(self.rows), f"exec {command}")
        size = self.display("#{pane_width}x#{pane_height}")
        assert size == f"{self.cols}x{self.rows}", size

    def display(self, fmt: str) -> str:
        return self.run("display-message", "-p", fmt).strip()

    def pane_pid(self) -> int:
        return int(self.display("#{pane_pid}"))

    def send(self, *keys: str) -> None:
        self.run("send-keys", *keys)

    def screen(self, history: bool = False) -> str:
        """The visible text (with the lines scrolled off the top too), without escapes."""
        return ANSI.sub("", self.run("capture-pane", "-p", *(["-S", "-"] if history else [])))

    def screen_with_escapes(self) -> str:
        return self.run("capture-pane", "-p", "-e")

    def wait_until(self, done: Callable[[str], bool], what: str, timeout: float = 20) -> str:
        """The first screen for which ``done`` holds; fails with the last screen if none does."""
        started = time.perf_counter()
        while True:
            screen = self.screen()
            if done(screen):
                return screen
            if time.perf_counter() - started > timeout:
                raise AssertionError(f"no {what} after {timeout} s; the screen:\n{screen}")
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = 20) -> float:
        """Seconds until ``text`` is on the screen."""
        started = time.perf_counter()
        self.wait_until(lambda screen: text in screen, repr(text), timeout)
        return time.perf_counter() - started

    def wait_dead(self, timeout: float = 10) -> int:
        """The pane command's exit status once it has ended (minus the signal if killed)."""
        started = time.perf_counter()
        server = int(self.display("#{pid}"))
        while time.perf_counter() - started < timeout:
            # tmux marks the pane dead at end of output and learns the status a moment later.
            dead, status, signal = self.display(
                "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}"
            ).split("|")
            if dead == "1" and status:
                return int(status)
            if dead == "1" and signal:
                return -int(signal)
            if dead == "1":
                # Debian's tmux uses libutempter, which swaps in its own SIGCHLD handler while
                # it removes the utmp record of a closed pane; a child that exits just then is
                # never reaped (tmux issue #311). Another SIGCHLD makes tmux collect it.
                os.kill(server, SIGCHLD)
            time.sleep(POLL)
        raise AssertionError(f"pane command still running after {timeout} s:\n{self.screen()}")

    def kill(self) -> None:
        self.run("kill-server", check=False)


def _read_proc(pid: str, name: str) -> bytes:
    try:
        return Path("/proc", pid, name).read_bytes()
    except OSError:
        return b""


def pids_with_env(marker: str) -> set[int]:
    """Live processes whose environment holds the exact ``marker`` (``NAME=value``)."""
    wanted = marker.encode()
    found: set[int] = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and wanted in _read_proc(entry.name, "environ").split(b"\0"):
            found.add(int(entry.name))
    return found


def pids_with_arg(text: str) -> set[int]:
    """Live processes whose command line contains ``text``."""
    wanted = text.encode()
    return {
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and wanted in _read_proc(entry.name, "cmdline")
    }


def _state_and_parent(pid: str) -> tuple[str, int] | None:
    stat = _read_proc(pid, "stat")
    # After the parenthesised command name: state, ppid, ...
    fields = stat[stat.rfind(b")") + 2 :].split()
    if len(fields) < 2:
        return None
    return fields[0].decode(), int(fields[1])


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, their children, ...), zombies included."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (info := _state_and_parent(entry.name)) is not None:
            parents[int(entry.name)] = info[1]
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def is_running(pid: int) -> bool:
    """True while ``pid`` exists and has not exited (a zombie has exited)."""
    info = _state_and_parent(str(pid))
    return info is not None and info[0] != "Z"


def proc_name(pid: int) -> str:
    return _read_proc(str(pid), "comm").decode(errors="replace").strip()
