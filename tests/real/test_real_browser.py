"""``fwtui serve`` in a real browser: headless Chromium driven by playwright.

The server runs as a subprocess on 127.0.0.1 (see ``served.py``). textual-serve draws the
app on a canvas (xterm.js), so the DOM holds no text: the tests read what the app sends
over the page's websocket instead, and keep screenshots under pytest's ``tmp_path``.

Skipped unless textual-serve, playwright and Debian's /usr/bin/chromium are installed
(``apt-get install -y chromium``; ``pip install textual-serve playwright``). The browser
fetches nothing from outside this machine: requests to any other origin are aborted and no
host name resolves.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from served import EXIT_TIMEOUT, START_TIMEOUT, Served, children_of, serve_fwtui, wait_until

pytestmark = pytest.mark.real
pytest.importorskip("textual_serve", reason="textual-serve is not installed (fwtui[web])")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    # Nothing but the local server: no host name resolves (the page's web font, ...).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# Escape sequences (CSI, OSC, two-byte): what is left is the text drawn on the screen.
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serve_fwtui(tmp_path) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Terminal:
    """What the app sent the page over its websocket, as the text on screen."""

    received: list[bytes] = field(default_factory=list)
    sockets: int = 0

    def attach(self, websocket: Any) -> None:
        self.sockets += 1
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        self.received.append(payload.encode() if isinstance(payload, str) else payload)

    def text(self) -> str:
        # Joined before decoding: a frame may end inside a UTF-8 character or a word.
        return ESCAPES.sub("", b"".join(self.received).decode("utf-8", errors="replace"))


def pump(page: Any) -> Any:
    """Wait a moment the playwright way, so that the page's events are delivered."""
    return lambda: page.wait_for_timeout(50)


def open_app(browser: Any, server: Served) -> tuple[Any, Terminal]:
    """A new page on the server, past any start page, with the overview drawn."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.set_default_timeout(START_TIMEOUT * 1000)

    def only_the_server(route: Any) -> None:
        if route.request.url.startswith(server.url + "/"):
            route.continue_()
        else:  # e.g. the page's Google web font: nothing leaves this machine
            route.abort()

    page.route("**/*", only_the_server)
    terminal = Terminal()
    page.on("websocket", terminal.attach)
    page.goto(server.url + "/")
    start = page.locator("#start")
    assert wait_until(lambda: terminal.sockets > 0 or start.is_visible(), START_TIMEOUT, pump(page))
    if not terminal.sockets:  # textual-serve's start page: the app starts on a click
        start.click()
    assert wait_until(lambda: "Summary" in terminal.text(), START_TIMEOUT, pump(page)), (
        f"no overview in the page; it got:\n{terminal.text()[-2000:]}\n{server.output()}"
    )
    page.wait_for_selector("body.-first-byte")  # the terminal shows, the intro is gone
    return page, terminal


def press(page: Any, terminal: Terminal, key: str, expect: str) -> None:
    terminal.received.clear()
    page.locator("textarea.xterm-helper-textarea").focus()  # where xterm.js takes keys
    page.keyboard.press(key)
    assert wait_until(lambda: expect in terminal.text(), START_TIMEOUT, pump(page)), (
        f"{expect!r} never arrived after {key!r}; got:\n{terminal.text()[-2000:]}"
    )


def test_browser_shows_the_tui_then_no_process_is_left(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    page, terminal = open_app(browser, served)
    apps = served.apps()
    assert len(apps) == 1, apps
    assert f"-m fwtui --data {served.marker}" in next(iter(apps.values()))
    page.screenshot(path=str(tmp_path / "overview.png"))

    press(page, terminal, "2", "Criterion")  # the feature matrix
    page.screenshot(path=str(tmp_path / "matrix.png"))
    assert (tmp_path / "matrix.png").stat().st_size > 10_000  # a drawn screen, not a blank

    page.close()
    assert wait_until(lambda: not served.apps(), EXIT_TIMEOUT), served.apps()
    # Reaped too: the server holds no child process, not even a zombie.
    assert wait_until(lambda: not children_of(served.process.pid), EXIT_TIMEOUT), children_of(
        served.process.pid
    )
    assert served.process.poll() is None, "the server must outlive a closed tab"

    os.kill(served.process.pid, signal.SIGTERM)
    assert served.process.wait(EXIT_TIMEOUT) == 0, served.output()
    assert served.processes() == {}
    assert "Traceback" not in served.output()


def test_stopping_the_server_ends_the_open_sessions(browser: Any, served: Served) -> None:
    page, _ = open_app(browser, served)
    assert len(served.apps()) == 1
    started = time.monotonic()
    os.kill(served.process.pid, signal.SIGTERM)  # with the tab still open
    # aiohttp alone would wait up to a minute for the tab to close.
    assert served.process.wait(EXIT_TIMEOUT) == 0, served.output()
    assert time.monotonic() - started < EXIT_TIMEOUT
    assert wait_until(lambda: not served.processes(), EXIT_TIMEOUT), served.processes()
    page.wait_for_selector("body.-closed")  # the page says "Session ended."
    page.close()
    assert "Traceback" not in served.output()


def test_a_killed_server_leaves_no_app_behind(browser: Any, served: Served) -> None:
    page, _ = open_app(browser, served)
    assert len(served.apps()) == 1
    os.kill(served.process.pid, signal.SIGKILL)  # no chance to tell its apps: each notices
    served.process.wait(EXIT_TIMEOUT)
    assert wait_until(lambda: not served.processes(), EXIT_TIMEOUT), served.processes()
    page.close()
