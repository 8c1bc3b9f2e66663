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
