"""The real TUI in a real pseudo-terminal over a hostile data directory.

Every control-sequence class (C0 with BEL, ESC sequences CSI/OSC/DCS/APC, 8-bit C1, DEL,
bidi overrides and isolates) and every markup form goes into every free-text field of a
data directory that replaces Django, a criterion, a group, a scale, a question, a topic
and an FAQ entry. The app is driven through every screen, the wizard, the command palette
and help; every byte it writes to the terminal is checked for the planted sequences.
Also: SIGTERM restores the terminal, and a crash exits non-zero.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from fwtui.catalog.loader import BUNDLED_DIR
from fwtui.safetext import clean
from helpers import cli

COLUMNS, ROWS = 120, 40

# (planted text, byte sequences that must never reach the terminal). Each carries a
# marker, so a raw sequence can be told from one Textual writes itself.
SEQUENCES: list[tuple[str, list[bytes]]] = [
    ("\x1b]52;c;SEVJTA==\x07", [b"\x1b]52;"]),  # OSC 52: set the clipboard
    ("\x1b]0;PWN-TITLE\x07", [b"\x1b]0;PWN"]),  # OSC 0: window title
    ("\x1b]2;PWN-TITLE2\x1b\\", [b"\x1b]2;PWN"]),  # OSC 2, ST-terminated
    ("\x1b]8;;https://evil.example/\x1b\\PWN-OSC8\x1b]8;;\x1b\\", [b"\x1b]8;;https://evil"]),
    ("\x1b[31mPWN-CSI", [b"\x1b[31mPWN"]),  # CSI: colour
    ("\x1b[2J\x1b[HPWN-CLEAR", [b"\x1b[HPWN"]),  # CSI: clear and home
    ("\x1bP+qPWN-DCS\x1b\\", [b"\x1bP+qPWN"]),  # DCS
    ("\x1b_PWN-APC\x1b\\", [b"\x1b_PWN"]),  # APC
    ("\x1b^PWN-PM\x1b\\", [b"\x1b^PWN"]),  # PM
    ("\x1bcPWN-RIS", [b"\x1bcPWN"]),  # RIS: full reset
    ("PWN-BEL\x07", [b"PWN-BEL\x07"]),  # C0
    ("PWN-BS\x08\x08", [b"PWN-BS\x08"]),
    ("PWN-CR\rPWN-VT\x0bPWN-FF\x0c", [b"PWN-CR\r", b"PWN-VT\x0b", b"PWN-FF\x0c"]),
    ("PWN-SO\x0ePWN-SI\x0fPWN-NUL\x00", [b"PWN-SO\x0e", b"PWN-SI\x0f", b"PWN-NUL\x00"]),
    ("PWN-DEL\x7f", [b"PWN-DEL\x7f"]),  # DEL
    ("\x9b31mPWN-C1CSI \x9d0;PWN-C1OSC\x9c", []),  # 8-bit C1 (checked below, all of them)
    ("".join(chr(c) for c in range(0x80, 0xA0)), []),
    ("\u202aPWN\u202b\u202cPWN\u202d\u202ePWN-BIDI", []),  # bidi (checked below)
    ("\u2066PWN\u2067PWN\u2068PWN\u2069", []),
]
MARKUP = [
    "[/users/{id}]",
    "[link=https://evil.example]PWN-LINK[/link]",
    "[@click=app.quit]PWN-CLICK[/]",
    "[bold red]PWN-BOLD[/bold red]",
    "[b]$name[/b]",
    "[on red]",
]
PLANTED = [text for text, _ in SEQUENCES] + MARKUP
# Anywhere in the output: a C1 character, a bidi control, or a hyperlink to the attacker.
ANYWHERE = [
    re.compile(rb"\xc2[\x80-\x9f]"),
    re.compile(rb"\xe2\x80[\xaa-\xae]"),
    re.compile(rb"\xe2\x81[\xa6-\xa9]"),
    re.compile(rb"\x1b\]8;[^\x07\x1b]*evil"),
    re.compile(rb"\x1b\]52;"),
]

TEXT_FIELDS = {  # multi-line Text: up to 4000 characters once sanitised
    "summary",
    "philosophy",
    "note",
    "text",
    "key_features",
    "use_cases",
    "when_to_choose",
    "example_apps",
    "description",
    "help",
    "body",
    "answer",
}
LINE_FIELDS = {"name", "tagline", "python", "role", "label", "prompt", "title", "question"}
LINE_LIMIT = 200  # Name and ShortText, counted after the loader made controls visible


def chunks() -> list[str]:
    """The planted strings in groups that fit a one-line field once sanitised."""
    groups: list[str] = []
    current = ""
    for text in PLANTED:
        candidate = f"{current} {text}".strip()
        if len(clean(candidate)) + 12 > LINE_LIMIT and current:
            groups.append(current)
            candidate = text
        current = candidate
    groups.append(current)
    assert all(len(clean(group)) + 12 <= LINE_LIMIT for group in groups)
    return groups


LINE_CHUNKS = chunks()
FULL = " ".join(PLANTED)


class Poisoner:
    """Replaces free-text values: the whole payload in Text fields, chunks in one-liners."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(item, key) for item in value]
        if isinstance(value, str) and key in TEXT_FIELDS:
            return f"{value[:20]} {FULL}"
        if isinstance(value, str) and key in LINE_FIELDS:
            chunk = LINE_CHUNKS[self.count % len(LINE_CHUNKS)]
            self.count += 1
            return f"{value[:10]} {chunk}"
        return value


def bundled(name: str) -> Any:
    return yaml.safe_load((BUNDLED_DIR / name).read_text(encoding="utf-8"))


def dump(path: Path, data: Any) -> None:
    """YAML with every non-ASCII and control character as a double-quoted escape."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=False, width=10_000)
    assert "\x1b" not in text  # escaped, e.g. "\e]52;c;SEVJTA==\a"
    path.write_text(text, encoding="ascii")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("hostile-data")
    poison = Poisoner()
    dump(directory / "frameworks" / "django.yaml", poison(bundled("frameworks/django.yaml")))
    criteria = bundled("criteria.yaml")
    criterion = next(c for c in criteria["criteria"] if c["id"] == "batteries")
    criterion["short"] = "\x9b\u202e"  # at most 12 characters once visible
    dump(
        directory / "criteria.yaml",
        {
            "groups": [poison(g) for g in criteria["groups"] if g["id"] == "profile"],
            "scales": [poison(s) for s in criteria["scales"] if s["id"] == "batteries"],
            "criteria": [poison(criterion)],
        },
    )
    questions = bundled("questions.yaml")["questions"]
    dump(directory / "questions.yaml", {"questions": [poison(questions[0])]})
    guide = bundled("guide.yaml")
    dump(
        directory / "guide.yaml",
        {"topics": [poison(guide["topics"][0])], "faq": [poison(guide["faq"][0])]},
    )
    return directory


def test_the_hostile_data_dir_is_valid_data(hostile_dir: Path) -> None:
    result = cli("validate", str(hostile_dir), env={"FWTUI_NO_CACHE": "1"})
    assert result.returncode == 0, result.stderr
    shown = cli("--data", str(hostile_dir), "show", "django", env={"FWTUI_NO_CACHE": "1"})
    assert "[@click=app.quit]PWN-CLICK[/]" in shown.stdout


# ----------------------------------------------------------------- the pseudo-terminal


class Terminal:
    """``argv`` on a fresh pseudo-terminal of COLUMNS x ROWS; every byte it writes is kept."""

    def __init__(self, argv: list[str], tmp_path: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("FWTUI_", "XDG_", "TEXTUAL"))
        }
        env.update(
            TERM="xterm-256color",
            COLUMNS=str(COLUMNS),
            LINES=str(ROWS),
            FWTUI_NO_CACHE="1",
            FWTUI_CONFIG_DIR=str(tmp_path / "config"),
            FWTUI_STATE_DIR=str(tmp_path / "state"),
            XDG_CACHE_HOME=str(tmp_path / "cache"),
            XDG_DATA_HOME=str(tmp_path / "data-home"),
            XDG_CONFIG_HOME=str(tmp_path / "config-home"),
            XDG_STATE_HOME=str(tmp_path / "state-home"),
            PYTHONIOENCODING="utf-8",
        )
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.output = bytearray()

    def pump(self, seconds: float) -> bool:
        """Read for up to ``seconds``; False once the other side has closed."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return True
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: every slave descriptor is closed
                return False
            if not data:
                return False
            self.output += data

    def wait_for(self, text: bytes, since: int = 0, timeout: float = 10) -> int:
        """Read until ``text`` appears after offset ``since``; returns the offset after it."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.output.find(text, since)
            if found >= 0:
                return found + len(text)
            if time.monotonic() > deadline or not self.pump(0.05):
                tail = bytes(self.output[-3000:])
                raise AssertionError(f"{text!r} not written within {timeout} s; last: {tail!r}")

    def press(self, keys: bytes, expect: bytes | None = None, settle: float = 0.15) -> None:
        mark = len(self.output)
        os.write(self.master, keys)
        if expect is not None:
            self.wait_for(expect, since=mark)
        self.pump(settle)

    def finish(self, timeout: float = 10) -> int:
        """The exit status once the process ended by itself, with all it wrote read."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"still running after {timeout} s")
            self.pump(0.05)
        while self.pump(0.2):
            if not select.select([self.master], [], [], 0)[0]:
                break
        return self.process.returncode

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[list[Terminal]]:
    started: list[Terminal] = []
    yield started
    for term in started:
        term.close()


def start(terminal: list[Terminal], tmp_path: Path, *argv: str) -> Terminal:
    term = Terminal([sys.executable, *argv], tmp_path)
    terminal.append(term)
    return term


ESC = b"\x1b"
ENTER = b"\r"


@pytest.mark.real
def test_no_planted_sequence_reaches_the_terminal(
    hostile_dir: Path, tmp_path: Path, terminal: list[Terminal]
) -> None:
    term = start(terminal, tmp_path, "-m", "fwtui", "--data", str(hostile_dir))
    term.wait_for(b"Summary", timeout=15)
    term.pump(0.3)
    term.press(b"2", expect=b"Criterion")
    term.press(b"f")  # the status line names the hostile group
    term.press(b"s")  # ... and the hostile criterion it sorts by
    term.press(b"/")
    term.press(b"PWN")
    term.press(ENTER)
    term.press(ESC, settle=0.3)
    term.press(b"3", expect=b"Pros")
    term.press(b"4", expect=b"Choosing")
    term.press(b"j")
    term.press(b"5", expect=b"Step 1 of")
    # One Enter per drawn step: an Enter typed ahead onto the result would open the
    # overview of the top framework (Enter on the ranking) before the result is drawn.
    for _ in range(30):
        mark = len(term.output)
        os.write(term.master, ENTER)
        deadline = time.monotonic() + 10
        seen = -1
        while seen != len(term.output) or len(term.output) == mark:  # until drawn and quiet
            seen = len(term.output)
            if time.monotonic() > deadline or not term.pump(0.4):
                raise AssertionError("the wizard did not draw its next step")
        if b"Recommendation" in term.output[mark:]:
            break
    else:
        raise AssertionError("the wizard never showed its result")
    term.press(b"\x10", expect=b"Search")  # ctrl+p: the command palette
    term.press(b"PWN", expect=b"Framework:", settle=0.5)  # hits with the hostile help texts
    term.press(ESC, settle=0.3)
    term.press(b"?", expect=b"Keys on this screen")
    term.press(ESC, settle=0.3)
    term.press(b"q")
    status = term.finish()
    output = bytes(term.output)

    assert b"Traceback" not in output, output[-3000:]
    assert status == 0, output[-3000:]
    for _text, forbidden in SEQUENCES:
        for sequence in forbidden:
            assert sequence not in output, f"{sequence!r} reached the terminal"
    for pattern in ANYWHERE:
        found = pattern.search(output)
        assert found is None, f"{found.group()!r} reached the terminal" if found else ""
    # The payload was shown, as text: markup and escapes visible, not applied.
    assert b"[@click=app.quit]PWN-CLICK[/]" in output
    assert b"\\x1b]52;c;SEVJTA==\\x07" in output


@pytest.mark.real
def test_sigterm_restores_the_terminal(tmp_path: Path, terminal: list[Terminal]) -> None:
    """Killed by SIGTERM, fwtui used to leave the alternate screen, mouse reporting and a
    hidden cursor behind; now it exits cleanly with the status a shell expects."""
    term = start(terminal, tmp_path, "-m", "fwtui")
    term.wait_for(b"Summary", timeout=15)
    term.pump(0.3)
    mark = len(term.output)
    term.process.send_signal(signal.SIGTERM)
    status = term.finish()
    after = bytes(term.output[mark:])
    assert status == 128 + signal.SIGTERM, after
    assert b"\x1b[?1049l" in after  # left the alternate screen
    assert b"\x1b[?25h" in after  # cursor shown
    assert b"\x1b[?1000l" in after  # mouse reporting off
    assert b"Traceback" not in after


CRASH = """
import fwtui.app
def on_mount(self):
    raise ZeroDivisionError("planted crash")
fwtui.app.FwtuiApp.on_mount = on_mount
from fwtui.cli import main
raise SystemExit(main([]))
"""


@pytest.mark.real
def test_a_crash_exits_non_zero(tmp_path: Path, terminal: list[Terminal]) -> None:
    term = start(terminal, tmp_path, "-c", CRASH)
    status = term.finish(timeout=20)
    output = bytes(term.output)
    assert b"planted crash" in output
    assert status == 1, output[-2000:]
