"""A terminal that disappears always ends fwtui, with or without a SIGHUP."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from realterm import Tmux, pids_with_arg

pytestmark = pytest.mark.real


def marked_run(tmp_path: Path, name: str) -> tuple[Path, dict[str, str]]:
    """A ``--data`` directory that names this test's fwtui processes, and their env."""
    marker = tmp_path / name
    marker.mkdir()
    env = {
        "FWTUI_STATE_DIR": str(tmp_path / "state"),
        "FWTUI_CONFIG_DIR": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    return marker, env


def survivors(marker: Path, seconds: float = 8) -> set[int]:
    """The processes still running with ``marker`` after ``seconds`` (then killed)."""
    deadline = time.monotonic() + seconds
    while pids_with_arg(str(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = pids_with_arg(str(marker))
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


def test_fwtui_exits_when_its_terminal_closes_without_sighup(tmp_path: Path) -> None:
    """Started with ``setsid``, fwtui is outside the terminal's session and gets no SIGHUP;
    before it watched its terminal, it stayed behind reading end-of-file at full CPU."""
    setsid = shutil.which("setsid")
    if setsid is None:
        pytest.skip("setsid (util-linux) is not installed")
    marker, env = marked_run(tmp_path, "terminal-gone-marker")
    tmux = Tmux(tmp_path)
    try:
        tmux.start([setsid, "-w", sys.executable, "-m", "fwtui", "--data", str(marker)], env)
        tmux.wait_for("Summary")
        assert pids_with_arg(str(marker)), "fwtui is not running"
    finally:
        tmux.kill()  # closes the pseudo-terminal: its processes are not signalled
    assert not survivors(marker), "fwtui kept running after its terminal closed"


def test_closing_the_terminal_right_after_the_first_frame_never_leaves_fwtui_behind(
    tmp_path: Path,
) -> None:
    """Seen in the benchmark: about one kill in six left Textual's clean exit blocked on a
    write to the dead terminal, forever. Ten quick kills in a row must all end."""
    marker, env = marked_run(tmp_path, "quick-kill-marker")
    for _ in range(10):
        tmux = Tmux(tmp_path)
        try:
            tmux.start([sys.executable, "-m", "fwtui", "--data", str(marker)], env)
            tmux.wait_for("Summary")
        finally:
            tmux.kill()
    left = survivors(marker)
    assert not left, f"{len(left)} of 10 fwtui processes outlived their terminal"
