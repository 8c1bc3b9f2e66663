"""``fwtui serve``: the TUI in a web browser, through textual-serve.

textual-serve (the optional ``web`` extra) starts one ``python -m fwtui`` process per
browser connection and relays its screen over a websocket. This module is imported by the
CLI, so it imports neither textual-serve nor Textual at module level.

No app process may outlive its session:

* a closed tab: textual-serve tells the app to quit (nothing to add);
* the server stopped (Ctrl+C, SIGTERM) with tabs open: :class:`_FwtuiServer` ends those
  sessions at once, instead of aiohttp waiting up to a minute for the tabs to close;
* the server killed outright (SIGKILL, a crash): each app watches its parent and quits
  when the server is gone (:func:`exit_with_server`), since nobody could see it any more.

Websockets are not bound by the same-origin policy, so any page the user visits could
otherwise open one to the server and type into the app (the export screen writes files):
a websocket whose ``Origin`` is not the server's own address is refused.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from textual_serve.server import Server

EXIT_USAGE = 2
INSTALL_HINT = (
    "fwtui: error: `fwtui serve` needs textual-serve (the web extra): "
    "pipx inject fwtui textual-serve, or pip install textual-serve"
)
# textual-serve runs each app with this driver, over pipes rather than a terminal.
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
# Set by `fwtui serve` for the apps it starts: the pid of the server they belong to.
SERVER_PID_ENV = "FWTUI_SERVER_PID"
# How long a served app may take to quit cleanly once its server is gone.
ORPHAN_GRACE = 3.0
# How long the server waits for the apps of open tabs to quit when it stops.
SHUTDOWN_GRACE = 5.0


def is_served() -> bool:
    """True inside an app process that textual-serve started for a browser."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def served_command(data_dirs: Sequence[str]) -> str:
    """The shell command textual-serve runs per connection: this Python, ``-m fwtui``.

    On POSIX, ``exec`` makes the shell replace itself with Python, so the process that
    textual-serve signals and waits for is the app itself and its parent is the server.
    """
    argv = [sys.executable, "-m", "fwtui"]
    for directory in data_dirs:
        argv += ["--data", os.path.abspath(directory)]
    if os.name == "posix":
        return "exec " + shlex.join(argv)
    return subprocess.list2cmdline(argv)


def is_loopback(host: str) -> bool:
    """True when only this machine can reach ``host`` (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def server_url(host: str, port: int) -> str:
    """``http://HOST:PORT``, an IPv6 address in brackets."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def same_origin(origin: str | None, host: str) -> bool:
    """True when a websocket's ``Origin`` header names ``host`` (the ``Host`` it was sent to).

    A request without ``Origin`` comes from no web page (a script, ``curl``) and passes.
    """
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


def bind_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host:port``, or None: found by binding once."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            if os.name == "posix":  # as aiohttp: a port in TIME_WAIT is free
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        return error.strerror or str(error)
    return None


def exit_with_server(poll: float = 0.5) -> None:
    """In an app that ``fwtui serve`` started: quit when that server is gone.

    A server that is killed outright cannot tell its apps to quit, and they would run on
    with no one to see them. A daemon thread notices the new parent, sends the app the
    SIGTERM that Textual's web driver turns into a clean exit, and ends the process
    after :data:`ORPHAN_GRACE` seconds if that did not.
    """
    server = os.environ.get(SERVER_PID_ENV, "")
    if os.name != "posix" or not server.isdigit():
        return
    server_pid = int(server)

    def watch() -> None:
        while os.getppid() == server_pid:
            time.sleep(poll)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(ORPHAN_GRACE)
        os._exit(0)

    threading.Thread(target=watch, name="fwtui-server-watch", daemon=True).start()


def _make_server(command: str, host: str, port: int) -> Server:
    # textual-serve (and aiohttp) load only here, when the server really starts.
    import asyncio
    import logging

    from aiohttp import web
    from textual_serve.server import Server

    log = logging.getLogger("textual-serve")

    class _FwtuiServer(Server):
        """textual-serve's server, ending the open sessions when it stops."""

        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="fwtui")
            self._sessions: set[asyncio.Task[object]] = set()

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # The page's websocket and static URLs use the address the browser asked for,
            # so a server on 0.0.0.0 works from other machines and localhost works too.
            # (textual-serve reads public_url with no await in between: no race.)
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            origin = request.headers.get("Origin")
            if not same_origin(origin, request.host):
                log.warning("refused a websocket from another site: Origin %s", origin)
                raise web.HTTPForbidden(text="fwtui: cross-origin websocket refused")
            task = asyncio.current_task()
            assert task is not None  # aiohttp runs each request in a task
            self._sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self._sessions.discard(task)

        async def on_startup(self, app: web.Application) -> None:
            print(
                f"fwtui: serving on {server_url(host, port)} (Ctrl+C to stop)",
                file=sys.stderr,
                flush=True,
            )

        async def on_shutdown(self, app: web.Application) -> None:
            # Cancelling a session makes textual-serve tell its app to quit and wait for it.
            sessions = set(self._sessions)
            for task in sessions:
                task.cancel()
            if sessions:
                await asyncio.wait(sessions, timeout=SHUTDOWN_GRACE)

    return _FwtuiServer()


def serve(data_dirs: Sequence[str], host: str, port: int, err: TextIO) -> int:
    """Serve the TUI on ``http://HOST:PORT`` until interrupted; the exit status.

    Returns 2 (usage), with one line and no traceback, when textual-serve is missing or
    the address cannot be used.
    """
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=err)
        return EXIT_USAGE
    if not is_loopback(host):
        print(
            f"fwtui: warning: serving on {host}: anyone who can reach port {port} there "
            "gets the app (there is no login)",
            file=err,
        )
    problem = bind_problem(host, port)
    if problem is not None:
        print(f"fwtui: error: cannot serve on {host}:{port}: {problem}", file=err)
        return EXIT_USAGE
    os.environ[SERVER_PID_ENV] = str(os.getpid())  # the apps inherit it
    server = _make_server(served_command(data_dirs), host, port)
    try:
        server.serve()
    except OSError as error:
        print(f"fwtui: error: cannot serve on {host}:{port}: {error.strerror or error}", file=err)
        return EXIT_USAGE
    return 0
