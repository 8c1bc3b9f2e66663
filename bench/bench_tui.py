"""Print the TUI's time to first frame in a real terminal (tmux), next to a bare Textual
app measured in the same run; the time a mode switch takes to settle, on a first visit and
on a revisit; and, in the matrix, the key-to-first-repaint latency and the time until the
screen stops changing ("settled").

Run: ``python bench/bench_tui.py [--runs 5]``. Needs tmux. Figures are printed, never
asserted. A synthetic catalog of 500 frameworks and 200 criteria is generated for the
large-matrix figures.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("READY")
        yield Footer()

Bare().run()
"""
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
POLL = 0.005
QUIET = 0.15
"""A screen unchanged for this long after a key counts as settled."""
MODE_KEYS = ["2", "3", "4", "5", "1", "2", "3", "4", "5", "1"]
"""Every mode visited twice: the first pass is first visits, the second revisits."""


class Tmux:
    """A private tmux server with one COLSxROWS window."""

    def __init__(self, cols: int = 80, rows: int = 24) -> None:
        self.socket = f"fwtui-bench-{os.getpid()}-{time.monotonic_ns()}"
        self.cols, self.rows = cols, rows

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, command: list[str], env: dict[str, str]) -> float:
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        # As an installed app runs: with its bytecode cached. PYTHONDONTWRITEBYTECODE (set
        # on some machines) would compile fwtui's modules on every start, about 100 ms
        # that the bare app, whose Textual was compiled by pip, never pays.
        line = f"env -u PYTHONDONTWRITEBYTECODE {exports} TERM=xterm-256color {' '.join(command)}"
        self.run(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            str(self.cols),
            "-y",
            str(self.rows),
            "sh",
            "-c",
            f"read go; exec {line}",
        )
        self.run("set-option", "-g", "status", "off")
        started = time.perf_counter()
        self.run("send-keys", "Enter")
        return started

    def screen(self) -> str:
        return ANSI.sub("", self.run("capture-pane", "-p"))

    def wait_for(self, text: str, timeout: float = 30) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.screen():
                return time.perf_counter()
            time.sleep(POLL)
        raise TimeoutError(f"{text!r} never appeared")

    def key_latency(self, key: str, timeout: float = 5) -> float:
        before = self.run("capture-pane", "-p", "-e")
        started = time.perf_counter()
        self.run("send-keys", key)
        while time.perf_counter() - started < timeout:
            if self.run("capture-pane", "-p", "-e") != before:
                return time.perf_counter() - started
            time.sleep(POLL)
        return float("nan")

    def key_settled(self, key: str, timeout: float = 5) -> tuple[float, float]:
        """Seconds from the key to the first repaint and to the last change before a quiet
        period of ``QUIET`` seconds."""
        before = self.run("capture-pane", "-p", "-e")
        started = time.perf_counter()
        self.run("send-keys", key)
        first = last = float("nan")
        while time.perf_counter() - started < timeout:
            now_screen = self.run("capture-pane", "-p", "-e")
            now = time.perf_counter()
            if now_screen != before:
                before = now_screen
                last = now - started
                if first != first:  # still NaN
                    first = last
            elif last == last and now - started - last > QUIET:
                break
            time.sleep(POLL)
        return first, last

    def stop(self) -> None:
        self.run("kill-server")


def first_frame(command: list[str], expect: str, env: dict[str, str]) -> float:
    tmux = Tmux()
    try:
        started = tmux.start(command, env)
        return tmux.wait_for(expect) - started
    finally:
        tmux.stop()


def matrix_latency(command: list[str], env: dict[str, str], keys: list[str]) -> tuple[float, float]:
    tmux = Tmux()
    try:
        started = tmux.start([*command, "--screen", "matrix"], env)
        opened = tmux.wait_for("Criterion") - started
        time.sleep(0.5)
        latencies = [tmux.key_latency(key) for key in keys]
        return opened, statistics.median(latencies)
    finally:
        tmux.stop()


def key_settle(
    command: list[str], env: dict[str, str], screen: str, ready: str, keys: list[str]
) -> tuple[float, float]:
    """Median first repaint and median settle time of cursor keys on ``screen``."""
    tmux = Tmux()
    try:
        tmux.start([*command, "--screen", screen], env)
        tmux.wait_for(ready)
        time.sleep(0.5)
        pairs = [tmux.key_settled(key) for key in keys]
        return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
    finally:
        tmux.stop()


def mode_switches(command: list[str], env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Settle times of switching to each mode: first visits, then revisits."""
    tmux = Tmux()
    try:
        tmux.start(command, env)
        tmux.wait_for("Summary")
        time.sleep(0.5)
        settled = [tmux.key_settled(key)[1] for key in MODE_KEYS]
        half = len(MODE_KEYS) // 2
        return settled[:half], settled[half:]
    finally:
        tmux.stop()


def synthetic_catalog(directory: Path, frameworks: int, criteria: int) -> None:
    """A data dir adding ``criteria`` criteria and ``frameworks`` frameworks (facts for all)."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "src"))
    import yaml

    from fwtui.catalog.loader import bundled_catalog

    bundled = bundled_catalog()
    extra = [
        {
            "id": f"synthetic_{i}",
            "label": f"Synthetic {i}",
            "short": f"Syn {i}",
            "description": "Generated for the benchmark.",
            "group": "tooling",
            "kind": "capability",
            "scale": "capability",
        }
        for i in range(criteria)
    ]
    (directory / "frameworks").mkdir(parents=True)
    (directory / "criteria.yaml").write_text(yaml.safe_dump({"criteria": extra}), encoding="utf-8")
    levels = ["builtin", "partial", "extension", "none"]
    flask = bundled.frameworks["flask"]

    def fact(level: str, note: str) -> dict[str, object]:
        return {
            "level": level,
            "note": note,
            "sources": ["https://example.org/"],
            "last_reviewed": "2026-01-01",
        }

    def synthetic_facts(seed: int) -> dict[str, object]:
        return {
            c["id"]: fact(levels[(seed + i) % 4], f"note {seed} {i}") for i, c in enumerate(extra)
        }

    for framework in bundled.frameworks.values():
        data = framework.model_dump(mode="json", exclude_none=True, by_alias=True)
        data["facts"].update(synthetic_facts(0))
        path = directory / "frameworks" / f"{framework.id}.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
    template = flask.model_dump(mode="json", exclude_none=True, by_alias=True)
    for n in range(frameworks - len(bundled.frameworks)):
        data = {**template, "id": f"synthetic_fw_{n}", "name": f"Synthetic {n}"}
        data["facts"] = {
            cid: fact(flask.facts[cid].level, f"note {n} {cid}") for cid in bundled.criteria
        }
        data["facts"].update(synthetic_facts(n))
        path = directory / "frameworks" / f"synthetic_fw_{n}.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed: TUI figures skipped")
        return
    python = sys.executable
    state = tempfile.mkdtemp(prefix="fwtui-bench-state-")
    env = {"FWTUI_STATE_DIR": state, "FWTUI_CONFIG_DIR": state}
    script = Path(state) / "bare_app.py"
    script.write_text(BARE_APP, encoding="utf-8")
    bare = [first_frame([python, str(script)], "READY", env) for _ in range(args.runs)]
    fwtui = [first_frame([python, "-m", "fwtui"], "Summary", env) for _ in range(args.runs)]
    bare_median, fw_median = statistics.median(bare), statistics.median(fwtui)
    print(f"{'first frame at 80x24 (tmux)':<44} {'median':>9} {'min':>9}")
    bare_label = "bare Textual app (Header, Static, Footer)"
    print(f"{bare_label:<44} {bare_median * 1000:>7.0f}ms {min(bare) * 1000:>7.0f}ms")
    print(f"{'fwtui overview':<44} {fw_median * 1000:>7.0f}ms {min(fwtui) * 1000:>7.0f}ms")
    print(f"{'ratio fwtui / bare (target <= 1.3)':<44} {fw_median / bare_median:>9.2f}")
    opened, latency = matrix_latency(
        [python, "-m", "fwtui"], env, ["j", "l", "j", "l", "k", "h"] * 3
    )
    print(f"{'matrix, bundled catalog: open':<44} {opened * 1000:>7.0f}ms")
    print(
        f"{'matrix, bundled catalog: key to repaint':<44} {latency * 1000:>7.0f}ms (target < 50 ms)"
    )
    for label, screen, ready, keys in (
        ("matrix, bundled catalog", "matrix", "Criterion", ["j", "l", "j", "l", "k", "h"] * 2),
        ("overview list", "overview", "Summary", ["j", "j", "j", "k", "k", "k"] * 2),
        ("guide list", "guide", "Choosing", ["j", "j", "j", "k", "k", "k"] * 2),
    ):
        settle_first, settled = key_settle([python, "-m", "fwtui"], env, screen, ready, keys)
        print(
            f"{label + ': key to settled':<44} {settled * 1000:>7.0f}ms "
            f"(first repaint {settle_first * 1000:.0f} ms; target settled <= 20 ms)"
        )
    first_visits: list[float] = []
    revisits: list[float] = []
    for _ in range(max(1, args.runs // 2)):
        first, again = mode_switches([python, "-m", "fwtui"], env)
        first_visits += first
        revisits += again
    for label, times, target in (
        ("mode switch, first visit: settled", first_visits, 150),
        ("mode switch, revisit: settled", revisits, 50),
    ):
        print(
            f"{label:<44} {statistics.median(times) * 1000:>7.0f}ms "
            f"(max {max(times) * 1000:.0f} ms; target <= {target} ms)"
        )
    big = Path(state) / "big"
    synthetic_catalog(big, frameworks=500, criteria=200)
    big_command = [python, "-m", "fwtui", "--data", str(big)]
    keys = ["j", "l", "j", "l", "pagedown", "k", "h"] * 2
    cold, _ = matrix_latency(big_command, {**env, "FWTUI_NO_CACHE": "1"}, keys[:1])
    cache_env = {**env, "XDG_CACHE_HOME": str(Path(state) / "cache")}
    subprocess.run([*big_command, "list"], env={**os.environ, **cache_env}, capture_output=True)
    opened, latency = matrix_latency(big_command, cache_env, keys)
    label = "matrix, 500 x 233: open"
    print(f"{label + ', first run':<44} {cold * 1000:>7.0f}ms (reads and validates 517 files)")
    print(f"{label + ', cached':<44} {opened * 1000:>7.0f}ms")
    print(f"{'matrix, 500 x 233: key to repaint':<44} {latency * 1000:>7.0f}ms")
    shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    main()
