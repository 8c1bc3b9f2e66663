"""``fwtui serve`` without a browser: options, messages, and the server's HTTP side.

The browser session itself, and the leftover-process checks, are in test_real_browser.py.
"""

from __future__ import annotations

import importlib.util
import io
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from fwtui import serve as serve_module
from fwtui.serve import INSTALL_HINT, is_loopback, same_origin, served_command, server_url
from served import EXIT_TIMEOUT, serve_fwtui, wait_until

needs_textual_serve = pytest.mark.skipif(
    importlib.util.find_spec("textual_serve") is None,
    reason="textual-serve is not installed (fwtui[web])",
)


def test_without_textual_serve_one_line_says_how_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['textual_serve'] = None  # as if it were not installed\n"
        "from fwtui.cli import main\n"
        "sys.exit(main(['serve']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [INSTALL_HINT]
    assert "pipx inject fwtui textual-serve" in INSTALL_HINT


@pytest.mark.parametrize("port", ["0", "-1", "65536", "http", ""])
def test_a_bad_port_is_a_usage_error(port: str) -> None:
    result = run_cli("serve", "--port", port)
    assert result.returncode == 2
    assert "invalid port" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_data_directory_is_reported_before_serving(tmp_path: Path) -> None:
    result = run_cli("--data", str(tmp_path / "missing"), "serve", "--port", "1")
    assert result.returncode == 2
    assert "no such directory" in result.stderr


@needs_textual_serve
def test_a_port_in_use_is_one_line_not_a_traceback() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()  # no "serving on" first, no traceback
    assert line.startswith(f"fwtui: error: cannot serve on 127.0.0.1:{port}: ")


@needs_textual_serve
@pytest.mark.parametrize(("host", "warned"), [("127.0.0.1", False), ("0.0.0.0", True)])
def test_a_non_loopback_host_is_served_with_a_warning(
    host: str, warned: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []

    class FakeServer:
        def serve(self) -> None:
            started.append("served")

    monkeypatch.setenv(serve_module.SERVER_PID_ENV, "")  # serve() sets it; restored after
    monkeypatch.setattr(serve_module, "bind_problem", lambda host, port: None)
    monkeypatch.setattr(serve_module, "_make_server", lambda command, host, port: FakeServer())
    err = io.StringIO()
    assert serve_module.serve([], host, 8000, err) == 0
    assert started == ["served"]
    lines = err.getvalue().splitlines()
    if warned:
        assert len(lines) == 1
        assert lines[0].startswith(f"fwtui: warning: serving on {host}: anyone who can reach")
    else:
        assert lines == []


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        ("192.168.1.10", False),
        ("example.com", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("origin", "host", "same"),
    [
        (None, "127.0.0.1:8000", True),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("http://LOCALHOST:8000", "localhost:8000", True),
        ("http://127.0.0.1:8001", "127.0.0.1:8000", False),
        ("http://evil.example", "127.0.0.1:8000", False),
        ("null", "127.0.0.1:8000", False),
        ("file://127.0.0.1:8000", "127.0.0.1:8000", False),
    ],
)
def test_same_origin(origin: str | None, host: str, same: bool) -> None:
    assert same_origin(origin, host) is same


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("localhost", "http://localhost:8000"),
        ("::1", "http://[::1]:8000"),
        ("[::1]", "http://[::1]:8000"),
    ],
)
def test_server_url(host: str, url: str) -> None:
    assert server_url(host, 8000) == url


def test_served_command_runs_this_python_with_the_same_data(tmp_path: Path) -> None:
    odd = tmp_path / "it's a dir; rm -rf x"
    command = served_command([str(odd), "relative"])
    assert command.startswith("exec ")
    argv = shlex.split(command)[1:]
    assert argv == [
        sys.executable,
        "-m",
        "fwtui",
        "--data",
        str(odd),
        "--data",
        str(Path("relative").resolve()),
    ]


@needs_textual_serve
async def test_the_page_and_a_cross_site_websocket(tmp_path: Path) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    with serve_fwtui(tmp_path) as server:
        async with aiohttp.ClientSession() as session:
            # The page points its websocket at the address the browser used.
            for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}"):
                async with session.get(server.url + "/", headers={"Host": host}) as page:
                    assert page.status == 200
                    assert f'data-session-websocket-url="ws://{host}/ws"' in await page.text()

            # Another site's page may not drive the app (the export screen writes files).
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(server.url + "/ws", origin="http://evil.example")
            assert refused.value.status == 403
            assert server.apps() == {}

            # The server's own page may.
            async with session.ws_connect(server.url + "/ws", origin=server.url) as websocket:
                message = await websocket.receive(timeout=EXIT_TIMEOUT * 2)
                assert message.type == aiohttp.WSMsgType.BINARY
                assert len(server.apps()) == 1
        assert wait_until(lambda: not server.apps(), EXIT_TIMEOUT), server.apps()
