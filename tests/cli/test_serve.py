"""``fwtui serve`` without a browser: options, messages, and the server's HTTP side.

The browser session itself, and the leftover-process checks, are in test_real_browser.py.
"""

from __future__ import annotations

import asyncio
import http.client
import importlib.util
import io
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text

from conftest import run_cli
from fwtui import serve as serve_module
from fwtui.errors import UsageError
from fwtui.serve import (
    INSTALL_HINT,
    MAX_COLUMNS,
    MAX_ROWS,
    HostPolicy,
    InputBudget,
    export_name_problem,
    export_path,
    host_name,
    is_loopback,
    parse_message,
    served_command,
    server_url,
    terminal_size,
)
from served import (
    EXIT_TIMEOUT,
    START_TIMEOUT,
    children_of,
    free_port,
    processes_with,
    serve_fwtui,
    wait_until,
)

try:
    import aiohttp
except ImportError:  # without the web extra: only the tests that need no server run
    aiohttp = None  # type: ignore[assignment]

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
    monkeypatch.setattr(serve_module, "_make_server", lambda *args: FakeServer())
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
    ("origin", "allowed"),
    [
        (None, True),  # no web page: a script or curl
        ("http://127.0.0.1:8000", True),
        ("http://LOCALHOST:8000", True),
        ("https://localhost:8000", True),
        ("http://[::1]:8000", True),
        ("http://fwtui.test:8000", True),  # --allow-host
        ("http://127.0.0.1:8001", False),
        ("http://localhost", False),
        ("http://evil.example", False),
        ("http://evil.example:8000", False),  # a rebound name, with the right port
        ("http://localhost:8000@evil.example:8000", False),
        ("http://localhost:8000/path", False),
        ("null", False),
        ("", False),
        ("file://127.0.0.1:8000", False),
        ("ws://127.0.0.1:8000", False),
        ("http://[::1", False),
    ],
)
def test_origin_allowed(origin: str | None, allowed: bool) -> None:
    policy = HostPolicy.build("127.0.0.1", 8000, ["fwtui.test"])
    assert policy.origin_allowed(origin) is allowed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("localhost", "localhost"),
        ("FwTui.Example", "fwtui.example"),
        ("my_host-1.lan", "my_host-1.lan"),
        ("192.168.1.10", "192.168.1.10"),
        ("::1", "[::1]"),
        ("[0:0::1]", "[::1]"),
        ("fe80::1", "[fe80::1]"),
    ],
)
def test_host_name(text: str, name: str) -> None:
    assert host_name(text) == name
    assert host_name(name) == name


@pytest.mark.parametrize(
    "text",
    ["", "evil.example:80", "http://x", "a/b", "a b", "*", "0.0.0.0", "::", "[x]", "a..b", "x."],
)
def test_host_name_refuses_what_is_not_one_host(text: str) -> None:
    with pytest.raises(ValueError, match="host"):
        host_name(text)


def test_host_policy_allows_the_bound_address_and_loopback_with_the_port() -> None:
    policy = HostPolicy.build("192.168.1.10", 8000, ["fwtui.test"])
    for host in ("127.0.0.1:8000", "LOCALHOST:8000", "[::1]:8000", "192.168.1.10:8000"):
        assert policy.match(host) == host.lower()
    assert policy.match("fwtui.test:8000") == "fwtui.test:8000"
    # The page's URLs come from the entry: our own string, whatever case the request used.
    entry = policy.match("FWTUI.TEST:8000")
    assert entry is not None
    assert any(entry is own for own in policy.hosts)
    refused = [None, "", "evil.example:8000", "localhost:8001", "localhost", "127.0.0.1"]
    refused += ["localhost.:8000", "localhost:8000.evil.example", "127.0.0.2:8000", "[::1]"]
    refused += ["localhost:8000 ", "0.0.0.0:8000", "evil.example:8000, localhost:8000"]
    for host in refused:
        assert policy.match(host) is None, host


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", "[::]", ""])
def test_a_wildcard_bind_allows_only_loopback_and_allow_host(bind: str) -> None:
    assert HostPolicy.build(bind, 8000).hosts == ("localhost:8000", "127.0.0.1:8000", "[::1]:8000")
    assert HostPolicy.build(bind, 8000, ["lan.test"]).match("lan.test:8000") == "lan.test:8000"
    assert HostPolicy.build(bind, 8000).match("0.0.0.0:8000") is None


def test_on_port_80_the_host_may_leave_out_the_port() -> None:
    policy = HostPolicy.build("127.0.0.1", 80)
    assert policy.match("localhost") == "localhost"
    assert policy.match("localhost:80") == "localhost:80"
    assert policy.origin_allowed("http://localhost")


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("80", 80),
        ("+7", 7),
        (120, 120),
        ("0", 1),
        ("-5", 1),
        (-(10**30), 1),
        ("100000", MAX_COLUMNS),
        (10**30, MAX_COLUMNS),
        ("9" * 30, MAX_COLUMNS),
        ("80.5", None),
        (80.0, None),
        ("1e9", None),
        ("", None),
        (" 80", None),
        ("٨٠", None),  # Arabic-Indic digits: int() would take them
        ("1_000", None),
        (True, None),
        (None, None),
        ([80], None),
    ],
)
def test_terminal_size_clamps_integers_and_ignores_the_rest(
    value: object, size: int | None
) -> None:
    assert terminal_size(value, MAX_COLUMNS) == size


def test_parse_message_ignores_what_is_malformed() -> None:
    assert parse_message('["stdin", "a"]') == ("stdin", "a")
    assert parse_message('["blur"]') == ("blur", None)
    assert parse_message('["resize", {"width": 80, "height": 24}]') == (
        "resize",
        {"width": 80, "height": 24},
    )
    for text in ["", "nope", "{}", "[]", "[1, 2]", '"stdin"', "[" * 50_000, "[" + "9" * 5000 + "]"]:
        assert parse_message(text) is None, text[:20]


def test_input_budget_allows_a_burst_then_the_rate() -> None:
    now = [0.0]
    budget = InputBudget(100, 10.0, clock=lambda: now[0])
    assert budget.take(60)
    assert budget.take(40)
    assert not budget.take(1)  # spent
    now[0] = 1.0
    assert not budget.take(11)
    assert budget.take(10)
    now[0] = 1000.0  # refills only up to the burst
    assert not budget.take(101)
    assert budget.take(100)


@pytest.mark.parametrize(
    "name",
    ["", ".", "..", "../x.md", "a/b.md", "/etc/passwd", "a\\b.md", ".bashrc", "x\x00.md", "x\n.md"],
)
def test_an_export_name_must_be_a_plain_file_name(name: str, tmp_path: Path) -> None:
    assert export_name_problem(name) is not None
    with pytest.raises(UsageError):
        export_path(tmp_path, name)


def test_export_path_stays_inside_the_export_directory(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    assert export_path(exports, "report.md") == exports / "report.md"
    assert export_path(exports, "~x.md") == exports / "~x.md"
    (exports / "escape.md").symlink_to(tmp_path / "outside.md")  # planted, dangling
    with pytest.raises(UsageError, match="outside"):
        export_path(exports, "escape.md")
    (exports / "inside.md").symlink_to(exports / "report.md")
    assert export_path(exports, "inside.md") == exports / "inside.md"


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


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_the_page_and_a_cross_site_websocket(tmp_path: Path) -> None:
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


# ------------------------------------------------------------------ command line options


def test_a_missing_or_non_directory_export_dir_is_one_usage_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for target, why in ((tmp_path / "missing", "no such directory"), (tmp_path / "file", "not a")):
        result = run_cli("serve", "--port", "1", "--export-dir", str(target))
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith("fwtui: error: --export-dir ")
        assert why in line


@pytest.mark.parametrize(
    "option",
    [
        ["--allow-host", "evil.example:80"],
        ["--allow-host", "http://evil.example"],
        ["--allow-host", "0.0.0.0"],
        ["--max-sessions", "0"],
        ["--max-sessions", "many"],
    ],
)
def test_bad_serve_options_are_usage_errors(option: list[str]) -> None:
    result = run_cli("serve", "--port", "1", *option)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"argument {option[0]}" in result.stderr


# ------------------------------------------------------------------ the real server


def http_get(port: int, path: str, host: str | None, **headers: str) -> tuple[int, str]:
    """GET ``path`` from 127.0.0.1:PORT with exactly this ``Host`` header (or none)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        for name, value in headers.items():
            connection.putheader(name.replace("_", "-"), value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


WEBSOCKET_HANDSHAKE = {
    "Upgrade": "websocket",
    "Connection": "Upgrade",
    "Sec_WebSocket_Key": "dGhlIHNhbXBsZSBub25jZQ==",
    "Sec_WebSocket_Version": "13",
}


def environ_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    pairs = (item.split(b"=", 1) for item in raw.split(b"\0") if b"=" in item)
    return {key.decode(): value.decode(errors="replace") for key, value in pairs}


def rss_mib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    raise AssertionError(f"no VmRSS for {pid}")


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
def test_every_request_for_an_unknown_host_is_refused(tmp_path: Path) -> None:
    # DNS rebinding: evil.example resolves to 127.0.0.1, so its page is same-origin with a
    # server that answers any Host. Nothing may be served for it, not even static files.
    with serve_fwtui(tmp_path, "--allow-host", "fwtui.test") as server:
        port = server.port
        evil = f"evil.example:{port}"
        for path in ("/", "/?fontsize=9", "/static/js/textual.js", "/static/", "/download/k"):
            assert http_get(port, path, evil)[0] == 403, path
        assert http_get(port, "/", None)[0] == 400  # HTTP/1.1 without Host: aiohttp refuses
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(b"GET / HTTP/1.0\r\n\r\n")  # HTTP/1.0 needs none: we refuse it
            assert raw.recv(100).startswith(b"HTTP/1.0 403 ")
        assert http_get(port, "/", f"localhost:{port + 1}")[0] == 403
        status, _ = http_get(port, "/ws", evil, Origin=f"http://{evil}", **WEBSOCKET_HANDSHAKE)
        assert status == 403
        assert server.apps() == {}

        # Allowed hosts: the page's URLs are the allowlist entry's, not the request's text.
        for host, entry in (
            (f"LOCALHOST:{port}", f"localhost:{port}"),
            (f"fwtui.test:{port}",) * 2,
        ):
            status, page = http_get(port, "/", host)
            assert status == 200
            assert f'data-session-websocket-url="ws://{entry}/ws"' in page
            assert f'href="http://{entry}/static/css/xterm.css"' in page
            assert host not in page or host == entry
        assert http_get(port, "/static/js/textual.js", f"127.0.0.1:{port}")[0] == 200
        assert http_get(port, "/static/js/textual.js", f"[::1]:{port}")[0] == 200

        # An allowed Host with another site's Origin is still refused.
        for origin in (f"http://{evil}", "null", f"http://localhost:{port}.evil.example"):
            status, _ = http_get(
                port, "/ws", f"127.0.0.1:{port}", Origin=origin, **WEBSOCKET_HANDSHAKE
            )
            assert status == 403, origin
        assert server.apps() == {}
    assert "Traceback" not in server.output()


async def first_frame(websocket: Any) -> None:
    message = await websocket.receive(timeout=START_TIMEOUT)
    assert message.type == aiohttp.WSMsgType.BINARY, message


async def connect_when_free(session: Any, url: str) -> Any:
    """A websocket to ``url``, once a place is free: a session ends moments after its app."""
    deadline = time.monotonic() + EXIT_TIMEOUT
    while True:
        try:
            return await session.ws_connect(url + "/ws", origin=url)
        except aiohttp.WSServerHandshakeError as error:
            status = error.status
        assert status == 503
        assert time.monotonic() < deadline, "the ended session's place stays taken"
        await asyncio.sleep(0.05)


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_sessions_over_the_cap_are_refused_before_any_app_starts(tmp_path: Path) -> None:
    with serve_fwtui(tmp_path, "--max-sessions", "2") as server:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(server.url + "/ws", origin=server.url)
            second = await session.ws_connect(server.url + "/ws", origin=server.url)
            await first_frame(first)
            await first_frame(second)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(server.url + "/ws", origin=server.url)
            assert refused.value.status == 503
            assert len(server.apps()) == 2
            await first.close()
            assert wait_until(lambda: len(server.apps()) == 1, EXIT_TIMEOUT), server.apps()
            third = await connect_when_free(session, server.url)
            await first_frame(third)
            assert len(server.apps()) == 2
            await third.close()
            await second.close()
        assert wait_until(lambda: not server.apps(), EXIT_TIMEOUT), server.apps()


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_an_oversized_message_closes_the_socket_and_ends_its_app(tmp_path: Path) -> None:
    with serve_fwtui(tmp_path) as server:
        async with aiohttp.ClientSession() as session:
            websocket = await session.ws_connect(server.url + "/ws", origin=server.url)
            await first_frame(websocket)
            assert len(server.apps()) == 1
            await websocket.send_str(json.dumps(["stdin", "a" * 70_000]))
            while (message := await websocket.receive(timeout=EXIT_TIMEOUT)).type in (
                aiohttp.WSMsgType.BINARY,
                aiohttp.WSMsgType.TEXT,
            ):
                pass
            assert message.type == aiohttp.WSMsgType.CLOSE
            assert message.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
            assert wait_until(lambda: not server.apps(), EXIT_TIMEOUT), server.apps()
    assert "Traceback" not in server.output()


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_huge_sizes_are_clamped_and_malformed_messages_ignored(tmp_path: Path) -> None:
    with serve_fwtui(tmp_path) as server:
        async with aiohttp.ClientSession() as session:
            url = server.url + "/ws?width=100000&height=100000"
            async with session.ws_connect(url, origin=server.url) as websocket:
                await first_frame(websocket)
                (pid,) = server.apps()
                environment = environ_of(pid)
                assert (environment["COLUMNS"], environment["ROWS"]) == (
                    str(MAX_COLUMNS),
                    str(MAX_ROWS),
                )
                limits = Path(f"/proc/{pid}/limits").read_text()
                (data_limit,) = [line for line in limits.splitlines() if "Max data size" in line]
                assert data_limit.split()[3] == str(serve_module.APP_MEMORY_LIMIT)
                before = rss_mib(pid)
                malformed = [
                    "not json",
                    "[]",
                    "{}",
                    '["resize"]',
                    '["resize", "80x24"]',
                    '["resize", {"width": "a", "height": 24}]',
                    '["resize", {"width": 1.5, "height": true}]',
                    '["stdin", 42]',
                    '["stdin", "\\ud800"]',  # a lone surrogate: not UTF-8 encodable
                    '["nonsense", 1]',
                    "[" * 40_000,
                    json.dumps(["resize", {"width": 10**9, "height": 10**9}]),
                ]
                for text in malformed:
                    await websocket.send_str(text)
                await websocket.send_bytes(b"\x00binary")
                await websocket.send_str(json.dumps(["ping", "still there?"]))
                while (message := await websocket.receive(timeout=EXIT_TIMEOUT)).type in (
                    aiohttp.WSMsgType.BINARY,
                ):
                    pass
                assert message.type == aiohttp.WSMsgType.TEXT, message
                assert json.loads(message.data) == ["pong", "still there?"]
                time.sleep(1.0)  # let it draw the size it was given
                assert rss_mib(pid) < before + 60, (before, rss_mib(pid))
        assert wait_until(lambda: not server.apps(), EXIT_TIMEOUT), server.apps()
    assert "Traceback" not in server.output()


@pytest.mark.slow  # a flood, measured by memory: a stress test
@needs_textual_serve
async def test_a_flood_of_keys_is_rationed_and_the_app_ends_with_its_socket(
    tmp_path: Path,
) -> None:
    with serve_fwtui(tmp_path) as server:
        async with aiohttp.ClientSession() as session:
            websocket = await session.ws_connect(server.url + "/ws", origin=server.url)
            await first_frame(websocket)
            (pid,) = server.apps()
            before = rss_mib(pid)
            for _ in range(20):  # each just under the message limit: 1.2 MB of keys
                await websocket.send_str(json.dumps(["stdin", "j" * 60_000]))
            for _ in range(200):
                await websocket.send_str(json.dumps(["stdin", "j" * 100]))
            time.sleep(2.0)
            # Unrationed, these keys grew the app by GiBs; rationed, by tens of MiB
            # (more on a loaded machine, hence the margin).
            assert rss_mib(pid) < before + 90, (before, rss_mib(pid))
            await websocket.close()
            assert wait_until(lambda: not server.apps(), EXIT_TIMEOUT / 2), server.apps()
    assert "dropping input" in server.output()


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_a_session_ends_when_its_app_dies(tmp_path: Path) -> None:
    # Killed, or out of memory (APP_MEMORY_LIMIT): the tab is told, the place is freed.
    with serve_fwtui(tmp_path, "--max-sessions", "1") as server:
        async with aiohttp.ClientSession() as session:
            websocket = await session.ws_connect(server.url + "/ws", origin=server.url)
            await first_frame(websocket)
            (pid,) = server.apps()
            os.kill(pid, signal.SIGKILL)
            while (await websocket.receive(timeout=EXIT_TIMEOUT)).type == aiohttp.WSMsgType.BINARY:
                pass
            assert websocket.closed
            again = await connect_when_free(session, server.url)
            await first_frame(again)
            await again.close()
        assert wait_until(lambda: not children_of(server.process.pid), EXIT_TIMEOUT)


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_the_export_dir_reaches_only_the_served_apps(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    inherited = {"FWTUI_EXPORT_DIR": str(tmp_path)}  # from the user's shell: never passed on
    for args, expected in (((), None), (("--export-dir", str(exports)), str(exports.resolve()))):
        run = tmp_path / f"run{len(args)}"
        run.mkdir()
        with serve_fwtui(run, *args, env=inherited) as server:
            async with (
                aiohttp.ClientSession() as session,
                session.ws_connect(server.url + "/ws", origin=server.url) as websocket,
            ):
                await first_frame(websocket)
                (pid,) = server.apps()
                assert environ_of(pid).get("FWTUI_EXPORT_DIR") == expected


@pytest.mark.real  # a real fwtui serve with its apps, seconds each
@needs_textual_serve
async def test_stopping_the_server_closes_the_sockets_and_ends_the_apps(tmp_path: Path) -> None:
    with serve_fwtui(tmp_path) as server:
        async with aiohttp.ClientSession() as session:
            websocket = await session.ws_connect(server.url + "/ws", origin=server.url)
            await first_frame(websocket)
            started = time.monotonic()
            os.kill(server.process.pid, signal.SIGTERM)
            while (await websocket.receive(timeout=EXIT_TIMEOUT)).type not in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSED,
            ):
                pass
            await websocket.close()
            assert server.process.wait(EXIT_TIMEOUT) == 0, server.output()
            assert time.monotonic() - started < EXIT_TIMEOUT
            assert wait_until(lambda: not server.processes(), EXIT_TIMEOUT), server.processes()
    assert "Traceback" not in server.output()


# ------------------------------------------------------------------ an app that will not quit

STUBBORN_APP = """
import signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # and it never reads the quit message
print("__GANGLION__", flush=True)
time.sleep(60)
"""


@pytest.fixture
async def stubborn_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Any, str, str]]:
    """The real server class in this process, serving an app that ignores quit and SIGTERM."""
    from aiohttp import web

    monkeypatch.setattr(serve_module, "QUIT_GRACE", 0.3)
    monkeypatch.setattr(serve_module, "TERM_GRACE", 0.3)
    marker = str(tmp_path / "stubborn-marker")
    command = f"exec {shlex.join([sys.executable, '-c', STUBBORN_APP, marker])}"
    port = free_port()
    server = serve_module._make_server(
        command, "127.0.0.1", port, HostPolicy.build("127.0.0.1", port)
    )
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield runner, f"http://127.0.0.1:{port}", marker
    finally:
        await runner.cleanup()
        for pid in processes_with(marker):
            os.kill(pid, signal.SIGKILL)


async def wait_gone(marker: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while processes_with(marker):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


@needs_textual_serve
async def test_an_app_that_ignores_quit_and_sigterm_is_killed_when_its_socket_closes(
    stubborn_server: tuple[Any, str, str],
) -> None:
    _, url, marker = stubborn_server
    async with aiohttp.ClientSession() as session:
        websocket = await session.ws_connect(url + "/ws", origin=url)
        await asyncio.sleep(0.5)
        assert len(processes_with(marker)) == 1
        await websocket.close()
        assert await wait_gone(marker, 3.0), processes_with(marker)


@needs_textual_serve
async def test_an_app_that_ignores_sigterm_is_killed_when_the_server_stops(
    stubborn_server: tuple[Any, str, str],
) -> None:
    runner, url, marker = stubborn_server
    async with aiohttp.ClientSession() as session:
        websocket = await session.ws_connect(url + "/ws", origin=url)
        await asyncio.sleep(0.5)
        assert len(processes_with(marker)) == 1
        await runner.cleanup()
        assert await wait_gone(marker, 3.0), processes_with(marker)
        await websocket.close()


# ------------------------------------------------------------------ the export dialog, served


async def open_export(app: Any) -> Any:
    from fwtui.advisor.scoring import recommend
    from fwtui.screens.export import ExportScreen

    await app.push_screen(ExportScreen(app.catalog, recommend(app.catalog, {}), "markdown"))
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    return screen


def error_text(screen: Any) -> Text:
    content = screen.query_one("#export-error").content
    assert isinstance(content, Text), f"shown as markup: {content!r}"
    return content


async def submit(pilot: Any, screen: Any, value: str) -> None:
    screen.query_one("#export-path").value = value
    screen.query_one("#export-path").focus()
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def served_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """A TUI as `fwtui serve` starts it (the web driver's environment), in ``tmp_path``."""
    from fwtui.app import FwtuiApp
    from fwtui.catalog.loader import bundled_catalog

    monkeypatch.setenv("TEXTUAL_DRIVER", serve_module.WEB_DRIVER)
    monkeypatch.delenv(serve_module.EXPORT_DIR_ENV, raising=False)
    monkeypatch.chdir(tmp_path)  # where a relative path would land
    return FwtuiApp(bundled_catalog())


async def test_served_without_an_export_dir_the_dialog_writes_nothing(
    served_app: Any, tmp_path: Path
) -> None:
    before = sorted(tmp_path.iterdir())
    async with served_app.run_test(size=(100, 30)) as pilot:
        screen = await open_export(served_app)
        assert not screen.query("#export-path")  # nothing to type a path into
        shown = screen.query_one("#export-disabled").content
        assert isinstance(shown, Text)
        assert "disabled" in shown.plain
        assert "fwtui serve --export-dir DIR" in shown.plain
        await pilot.press("f", "enter", "tab", "enter", "space", "enter")
        await pilot.pause()
        assert sorted(tmp_path.iterdir()) == before
        await pilot.press("escape")
        assert served_app.screen is not screen


async def test_served_with_an_export_dir_only_plain_names_are_written_inside_it(
    served_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "escape.md").symlink_to(tmp_path / "outside.md")
    monkeypatch.setenv(serve_module.EXPORT_DIR_ENV, str(exports))
    before = sorted(tmp_path.rglob("*"))
    async with served_app.run_test(size=(100, 30)) as pilot:
        screen = await open_export(served_app)
        assert screen.query_one("#export-path").value == "fwtui-recommendation.md"
        for name in [
            "../escape.md",
            str(tmp_path / "absolute.md"),
            "sub/x.md",
            "..",
            ".hidden.md",
            "x\\y.md",
            "[/x]",
            "\x1b]52;c;aGk=\x07.md",
            "escape.md",  # a planted link out of the directory
        ]:
            await submit(pilot, screen, name)
            assert served_app.screen is screen, name
            shown = error_text(screen).plain
            assert shown, name
            assert "\x1b" not in shown
        assert "outside" in error_text(screen).plain
        assert sorted(tmp_path.rglob("*")) == before
        await submit(pilot, screen, "report.md")
        assert served_app.screen is not screen
    assert (exports / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert not (tmp_path / "outside.md").exists()


async def test_in_the_terminal_a_path_with_markup_is_shown_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fwtui.app import FwtuiApp
    from fwtui.catalog.loader import bundled_catalog

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    app = FwtuiApp(bundled_catalog())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_export(app)
        missing = tmp_path / "no[/x]such\x1b[2J" / "report.md"
        await submit(pilot, screen, str(missing))
        shown = error_text(screen).plain
        assert "no[/x]such\\x1b[2J" in shown
        assert "does not exist" in shown
        await submit(pilot, screen, str(tmp_path / "any[b]where.md"))  # outside serve: as today
        assert app.screen is not screen
    assert (tmp_path / "any[b]where.md").exists()
