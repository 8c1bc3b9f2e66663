"""Non-interactive commands never import Textual (start-up time over SSH matters).

One fresh interpreter runs every command in turn and reports the first one after which
Textual is loaded: a process of its own per command would prove nothing more.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import io, json, sys
from fwtui.cli import main
report = []
for args in json.loads(sys.argv[1]):
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(), io.StringIO(), io.StringIO()
    try:
        main(args)
    except SystemExit:
        pass
    report.append([args, "textual" in sys.modules])
sys.__stdout__.write(json.dumps(report))
"""

COMMANDS = [
    ["--help"],
    ["--version"],
    ["validate"],
    ["schema"],
    ["list"],
    ["show", "django"],
    ["show", "django", "--format", "json"],
    ["matrix"],
    ["matrix", "--format", "json"],
    ["show", "no_such_framework"],
    ["serve", "--help"],
    ["wizard", "--plain"],
    ["check-releases", "--help"],
    ["new", "--help"],
]


def probe(commands: list[list[str]], setup: str = "") -> list[tuple[list[str], bool]]:
    """``[(command, whether Textual was loaded after it), ...]`` from a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", setup + PROBE, json.dumps(commands)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [(args, loaded) for args, loaded in json.loads(result.stdout)]


def test_no_command_imports_textual() -> None:
    report = probe(COMMANDS)
    assert [args for args, _ in report] == COMMANDS  # every command ran
    culprits = [" ".join(args) for args, loaded in report if loaded]
    assert not culprits, f"Textual was imported by: fwtui {culprits[0]}"


def test_probe_detects_textual() -> None:
    """The probe itself works: after something imports the app, it says so."""
    report = probe([["--version"]], setup="import fwtui.app\n")
    assert report == [(["--version"], True)]
