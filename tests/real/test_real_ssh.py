"""The TUI over a real SSH login: OpenSSH's sshd on 127.0.0.1, the ssh client in tmux at 80x24.

A module-scoped fixture starts ``sshd -D -e`` on a free port with a throwaway host key and
client key and its own config, and stops it by its pid at the end. Each test logs in with
``ssh -tt`` inside a private tmux server and runs this checkout's fwtui (``sys.executable -m
fwtui``); sshd forwards no environment, so fwtui's directories go on the remote command line.
Needs openssh-server, openssh-client and tmux; each test skips only when one is missing.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import fwtui
from helpers import cli
from realterm import Timings, Tmux, descendants, is_running, pids_with_env, proc_name, require_tool

pytestmark = pytest.mark.real

SRC = Path(fwtui.__file__).resolve().parents[1]
MARKER = "FWTUI_REAL_SSH_MARKER"
SSHD_HINT = "apt-get install openssh-server"
SSH_HINT = "apt-get install openssh-client"
# Mode keys and a text that only that screen shows at 80x24.
SCREENS = [
    ("2", "Criterion"),
    ("3", "n/p: its framework"),
    ("4", "Choosing"),
    ("1", "Summary"),
    ("5", "Step 1 of"),
]
STEP = re.compile(r"Step (\d+) of (?:up to )?(\d+)")
SGR = re.compile(r"\x1b\[([0-9;]*)m")
GONE_WITHIN = 5.0


@dataclass(frozen=True)
class Sshd:
    pid: int
    port: int
    user: str
    ssh: str
    client_key: Path
    workdir: Path

    def login(self, remote: str | None = None) -> list[str]:
        """The ssh client's argv: a terminal forced, no user config, agent or known hosts."""
        argv = [
            self.ssh,
            "-tt",
            "-F",
            "/dev/null",
            "-i",
            str(self.client_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-p",
            str(self.port),
            f"{self.user}@127.0.0.1",
        ]
        return [*argv, remote] if remote is not None else argv


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def sshd_config(workdir: Path, port: int, user: str) -> str:
    return "\n".join(
        [
            "ListenAddress 127.0.0.1",
            f"Port {port}",
            f"HostKey {workdir / 'host_ed25519'}",
            f"AuthorizedKeysFile {workdir / 'authorized_keys'}",
            f"PidFile {workdir / 'sshd.pid'}",
            f"AllowUsers {user}",
            "StrictModes no",
            "UsePAM no",
            "PermitRootLogin yes",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitUserEnvironment no",
            "AllowAgentForwarding no",
            "AllowTcpForwarding no",
            "X11Forwarding no",
            "PrintMotd no",
            "PrintLastLog no",
            "UseDNS no",
            "LogLevel INFO",
            "",
        ]
    )


def stop(pid: int) -> None:
    """SIGTERM ``pid``, then SIGKILL it if it is still running a second later."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline and is_running(pid):
            time.sleep(0.02)
        if not is_running(pid):
            return


@pytest.fixture(scope="module")
def timings(request: pytest.FixtureRequest) -> Iterator[Timings]:
    recorded = Timings("test_real_ssh timings")
    yield recorded
    recorded.report(request.config)


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory, timings: Timings) -> Iterator[Sshd]:
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc to find the remote processes")
    daemon = require_tool("sshd", SSHD_HINT, "/usr/sbin", "/usr/local/sbin")
    ssh = require_tool("ssh", SSH_HINT)
    keygen = require_tool("ssh-keygen", SSH_HINT)
    require_tool("tmux", "apt-get install tmux")
    user = getpass.getuser()
    workdir = tmp_path_factory.mktemp("sshd")
    for name in ("host_ed25519", "client_ed25519"):
        subprocess.run(
            [keygen, "-q", "-t", "ed25519", "-N", "", "-C", "fwtui-test", "-f", workdir / name],
            check=True,
            capture_output=True,
        )
    (workdir / "authorized_keys").write_bytes((workdir / "client_ed25519.pub").read_bytes())
    if os.geteuid() == 0:
        # sshd started as root needs its privilege separation directory; Debian's service
        # unit creates it at boot, but a bare `sshd -D` on a fresh machine finds none.
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    log_path = workdir / "sshd.log"
    started = time.perf_counter()
    for _attempt in range(3):
        port = free_port()
        config = workdir / "sshd_config"
        config.write_text(sshd_config(workdir, port, user), encoding="utf-8")
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [daemon, "-D", "-e", "-f", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        listening = f"Server listening on 127.0.0.1 port {port}"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            if listening in log_path.read_text(errors="replace"):
                break
            time.sleep(0.02)
        if process.poll() is None and listening in log_path.read_text(errors="replace"):
            break
        stop(process.pid)
        process.wait()
        if "Address already in use" not in log_path.read_text(errors="replace"):
            pytest.fail(f"sshd did not start:\n{log_path.read_text(errors='replace')}")
    else:
        pytest.fail(f"sshd found no free port:\n{log_path.read_text(errors='replace')}")
    timings.add("sshd start (keys, config, listening)", time.perf_counter() - started)
    try:
        yield Sshd(process.pid, port, user, ssh, workdir / "client_ed25519", workdir)
    finally:
        # Sessions a failed test left open first, then the listener itself.
        sessions = descendants(process.pid)
        stop(process.pid)
        process.wait(timeout=10)
        for pid in sessions:
            stop(pid)


def fwtui_command(workdir: Path, marker: str, **extra: str) -> str:
    """A remote shell command running this checkout's fwtui with its own fresh directories."""
    env = {
        MARKER: marker,
        "PYTHONPATH": str(SRC),
        "XDG_CACHE_HOME": str(workdir / "cache"),
        "XDG_DATA_HOME": str(workdir / "data"),
        "XDG_CONFIG_HOME": str(workdir / "config"),
        "FWTUI_STATE_DIR": str(workdir / "state"),
        "FWTUI_CONFIG_DIR": str(workdir / "fwtui-config"),
        **extra,
    }
    return shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), sys.executable, "-m", "fwtui"])


def past_step(step: int) -> Callable[[str], bool]:
    """Whether a screen shows a later wizard step than ``step``, or the result."""

    def done(screen: str) -> bool:
        shown = STEP.search(screen)
        return "Ranking" in screen or (shown is not None and int(shown.group(1)) > step)

    return done


def colours(escaped: str) -> list[tuple[str, bool]]:
    """Each colour set in SGR sequences: its kind (basic, 256, rgb) and whether it is a grey."""
    found: list[tuple[str, bool]] = []
    for match in SGR.finditer(escaped):
        params = [int(p) if p else 0 for p in match.group(1).split(";")]
        i = 0
        while i < len(params):
            code = params[i]
            if code in (38, 48) and i + 2 < len(params) and params[i + 1] == 5:
                n = params[i + 2]
                cube = n - 16
                grey = (
                    n in (0, 7, 8, 15)
                    or n >= 232
                    or (16 <= n <= 231 and cube // 36 == cube // 6 % 6 == cube % 6)
                )
                found.append(("256", grey))
                i += 3
            elif code in (38, 48) and i + 4 < len(params) and params[i + 1] == 2:
                found.append(("rgb", params[i + 2] == params[i + 3] == params[i + 4]))
                i += 5
            else:
                if 30 <= code <= 37 or 40 <= code <= 47 or 90 <= code <= 97 or 100 <= code <= 107:
                    found.append(("basic", code % 10 in (0, 7)))
                i += 1
    return found


def check_palette(escaped: str, palette: str) -> None:
    used = colours(escaped)
    kinds = {kind for kind, _ in used}
    coloured = {kind for kind, grey in used if not grey}
    if palette == "256":
        assert "256" in coloured, used
        assert "rgb" not in kinds, "true colour sent to a 256-colour terminal"
    elif palette == "16":
        assert kinds == {"basic"}, f"{kinds}: more than 16 colours sent to TERM=xterm"
        assert coloured, used
    else:
        assert not coloured, f"colours despite NO_COLOR: {coloured}"


@pytest.mark.parametrize(
    ("term", "extra_env", "palette"),
    [
        pytest.param("xterm-256color", {}, "256", id="xterm-256color"),
        pytest.param("xterm", {}, "16", id="xterm-16-colours"),
        pytest.param("xterm-256color", {"NO_COLOR": "1"}, "none", id="NO_COLOR"),
    ],
)
def test_every_screen_and_the_wizard_over_ssh(
    sshd: Sshd,
    tmp_path: Path,
    timings: Timings,
    term: str,
    extra_env: dict[str, str],
    palette: str,
) -> None:
    label = f"[{term}{' NO_COLOR' if extra_env else ''}]"
    token = uuid.uuid4().hex
    marker = f"{MARKER}={token}"
    fwtui_line = fwtui_command(tmp_path, token, **extra_env)
    # The login shell runs fwtui, then reports whether the terminal settings came back.
    before, after = tmp_path / "stty-before", tmp_path / "stty-after"
    remote = (
        f"stty -a > {before}; {fwtui_line}; status=$?; stty -a > {after}; "
        f'cmp -s {before} {after} && echo TTY-RESTORED; echo "FWTUI-EXIT=$status"'
    )
    tmux = Tmux(tmp_path)
    try:
        tmux.start(sshd.login(remote), {"TERM": term})
        timings.add(f"{label} login to overview", tmux.wait_for("Summary", timeout=30))
        check_palette(tmux.screen_with_escapes(), palette)
        for key, text in SCREENS:
            assert text not in tmux.screen(), f"{text!r} already on screen before key {key}"
            tmux.send(key)
            timings.add(f"{label} key {key} to {text!r}", tmux.wait_for(text))

        started = time.perf_counter()
        for _press in range(20):
            screen = tmux.screen()
            if "Ranking" in screen:
                break
            step = STEP.search(screen)
            assert step is not None, screen
            tmux.send("Enter")
            tmux.wait_until(past_step(int(step.group(1))), f"wizard step after {step.group(0)}")
        screen = tmux.wait_until(lambda s: "Ranking" in s, "'Ranking'")
        timings.add(f"{label} wizard: Enter until 'Ranking'", time.perf_counter() - started)
        best = json.loads(cli("recommend", "--format", "json").stdout)["ranking"][0]["name"]
        assert re.search(rf"\b1\.\s+{re.escape(best)}\b", screen), screen

        with timings.step(f"{label} q to shell to session end"):
            tmux.send("q")
            status = tmux.wait_dead()
        final = tmux.screen(history=True)
        assert status == 0, final
        assert "FWTUI-EXIT=0" in final, final
        assert "TTY-RESTORED" in final, (
            f"terminal settings differ after fwtui:\n{before.read_text()}\n{after.read_text()}"
        )
        assert "Ranking" not in final, "the alternate screen was not left"
        assert not pids_with_env(marker)
    finally:
        tmux.kill()


@pytest.mark.parametrize(
    "how",
    [
        pytest.param("command", id="ssh-host-fwtui"),
        pytest.param("login-shell", id="typed-at-login-shell"),
        pytest.param("sighup-ignored", id="parent-ignores-SIGHUP"),
    ],
)
def test_fwtui_exits_when_the_terminal_goes(
    sshd: Sshd, tmp_path: Path, timings: Timings, how: str
) -> None:
    """SIGKILL the ssh client: the remote fwtui must end, leaving no process behind."""
    token = uuid.uuid4().hex
    marker = f"{MARKER}={token}"
    fwtui_line = fwtui_command(tmp_path, token)
    tmux = Tmux(tmp_path)
    remote_tree: set[int] = set()
    try:
        if how == "login-shell":
            tmux.start(sshd.login(), {"TERM": "xterm-256color"})
            tmux.send("-l", fwtui_line)
            tmux.send("Enter")
        elif how == "sighup-ignored":
            # As under nohup or a wrapper with `trap '' HUP`: fwtui inherits SIGHUP ignored,
            # so only its own handler can notice the hangup.
            remote = f"trap '' HUP; exec {fwtui_line}"
            tmux.start(sshd.login(remote), {"TERM": "xterm-256color"})
        else:
            tmux.start(sshd.login(fwtui_line), {"TERM": "xterm-256color"})
        tmux.wait_for("Summary", timeout=30)
        apps = pids_with_env(marker)
        assert len(apps) == 1, apps
        remote_tree = descendants(sshd.pid)
        assert apps <= remote_tree
        client = tmux.pane_pid()
        assert proc_name(client) == "ssh"

        os.kill(client, signal.SIGKILL)
        killed = time.perf_counter()
        while time.perf_counter() - killed < GONE_WITHIN:
            if not any(is_running(pid) for pid in remote_tree):
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - killed
        timings.add(f"terminal gone [{how}]: remote processes ended", elapsed)
        left = {pid: proc_name(pid) for pid in remote_tree if is_running(pid)}
        assert not left, f"still running {GONE_WITHIN} s after the ssh client died: {left}"
        assert not pids_with_env(marker)
    finally:
        tmux.kill()
        for pid in remote_tree:
            if is_running(pid):
                stop(pid)
