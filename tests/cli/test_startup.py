"""Non-interactive commands never import Textual (start-up time over SSH matters)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from fwtui.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code
print("TEXTUAL-IMPORTED" if "textual" in sys.modules else "TEXTUAL-ABSENT", file=sys.stderr)
sys.exit(code)
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


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_command_does_not_import_textual(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    assert "TEXTUAL-ABSENT" in result.stderr, result.stderr


def test_probe_detects_textual() -> None:
    """The probe itself works: importing the app does import Textual."""
    code = PROBE.replace(
        "from fwtui.cli import main", "import fwtui.app\nfrom fwtui.cli import main"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--version"], capture_output=True, text=True, check=False
    )
    assert "TEXTUAL-IMPORTED" in result.stderr
