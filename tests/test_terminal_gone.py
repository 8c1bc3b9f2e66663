"""A terminal that disappears without sending SIGHUP still ends fwtui.

A process started with ``setsid`` is outside the terminal's session, so closing the
terminal sends it no SIGHUP. Before fwtui watched its terminal, such a process stayed
behind reading end-of-file at full CPU (seen with Textual 8).
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from realterm import Tmux, pids_with_arg


def test_fwtui_exits_when_its_terminal_closes_without_sighup(tmp_path: Path) -> None:
    setsid = shutil.which("setsid")
    if setsid is None:
        pytest.skip("setsid (util-linux) is not installed")
    marker = tmp_path / "terminal-gone-marker"
    marker.mkdir()
    env = {
        "FWTUI_STATE_DIR": str(tmp_path / "state"),
        "FWTUI_CONFIG_DIR": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    tmux = Tmux(tmp_path)
    try:
        tmux.start([setsid, "-w", sys.executable, "-m", "fwtui", "--data", str(marker)], env)
        tmux.wait_for("Summary")
        running = pids_with_arg(str(marker))
        assert running, "fwtui is not running"
    finally:
        tmux.kill()  # closes the pseudo-terminal: its processes are not signalled
    deadline = time.monotonic() + 8
    while pids_with_arg(str(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = pids_with_arg(str(marker))
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "fwtui kept running after its terminal closed"


def test_closing_the_terminal_right_after_the_first_frame_never_leaves_fwtui_behind(
    tmp_path: Path,
) -> None:
    """Seen in the benchmark: about one kill in six left Textual's clean exit blocked on a
    write to the dead terminal, forever. Ten quick kills in a row must all end."""
    marker = tmp_path / "quick-kill-marker"
    marker.mkdir()
    env = {
        "FWTUI_STATE_DIR": str(tmp_path / "state"),
        "FWTUI_CONFIG_DIR": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    for _ in range(10):
        tmux = Tmux(tmp_path)
        try:
            tmux.start([sys.executable, "-m", "fwtui", "--data", str(marker)], env)
            tmux.wait_for("Summary")
        finally:
            tmux.kill()
    deadline = time.monotonic() + 8
    while pids_with_arg(str(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = pids_with_arg(str(marker))
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} of 10 fwtui processes outlived their terminal"
