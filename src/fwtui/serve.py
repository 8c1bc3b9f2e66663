"""``fwtui serve``: the TUI in a web browser, through textual-serve.

textual-serve (the optional ``web`` extra) starts one ``python -m fwtui`` process per
browser connection and relays its screen over a websocket. This module is imported by the
CLI, so it imports neither textual-serve nor Textual at module level.

There is no login: whoever can open the page drives an app. What the server protects:

* **Other sites' pages.** Every request (the page, static files, downloads, the
  websocket) must name an allowed host in its ``Host`` header: the bound address, the
  loopback names ``localhost``, ``127.0.0.1`` and ``[::1]`` (always with the server's
  port) and each ``--allow-host NAME``; anything else gets 403, which defeats DNS
  rebinding. A wildcard bind (``0.0.0.0``, ``::``) allows only the loopback names and
  ``--allow-host``. A websocket's ``Origin``, when present, must be ``http(s)://`` an
  allowed host (websockets are not bound by the same-origin policy). The page's URLs are
  built from the allowlist entry that matched, never from what the request sent.
* **The file system.** A served app writes files only when the person who started the
  server chose a directory (``--export-dir DIR``), and then only plain file names inside
  it (:func:`export_path`); without it the export dialog says exports are disabled.
* **Memory and processes.** At most ``--max-sessions`` apps run at once (the next
  websocket gets 503 before any process starts); a websocket message may be at most
  :data:`MAX_MESSAGE` bytes (a larger one closes the socket); terminal sizes are clamped
  to :data:`MAX_COLUMNS` x :data:`MAX_ROWS`; malformed messages are ignored; input is
  rationed (:class:`InputBudget`: each queued key costs the app memory) and each app may
  use at most :data:`APP_MEMORY_LIMIT` (:func:`limit_memory`).

No app process may outlive its session:

* a closed tab: the app is told to quit, then sent SIGTERM after :data:`QUIT_GRACE`
  seconds and SIGKILL after :data:`TERM_GRACE` more (:meth:`_FwtuiServer.end_app`);
* the server stopped (Ctrl+C, SIGTERM) with tabs open: :class:`_FwtuiServer` ends those
  sessions at once, the same way, instead of aiohttp waiting up to a minute for the tabs
  to close, and kills whatever is left after :data:`SHUTDOWN_GRACE`;
* the server killed outright (SIGKILL, a crash): each app watches its parent and quits
  when the server is gone (:func:`exit_with_server`), since nobody could see it any more.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from urllib.parse import urlsplit

from fwtui.errors import EXIT_USAGE, UsageError
from fwtui.served import (  # noqa: F401 - part of this module's interface too
    EXPORT_DIR_ENV,
    WEB_DRIVER,
    export_name_problem,
    export_path,
    is_served,
    served_export_dir,
)

if TYPE_CHECKING:
    from textual_serve.server import Server

INSTALL_HINT = (
    "fwtui: error: `fwtui serve` needs textual-serve (the web extra): "
    "pipx inject fwtui textual-serve, or pip install textual-serve"
)
# Set by `fwtui serve` for the apps it starts: the pid of the server they belong to.
SERVER_PID_ENV = "FWTUI_SERVER_PID"
# How long a served app may take to quit cleanly once its server is gone.
ORPHAN_GRACE = 3.0
# The most memory (data segment, RLIMIT_DATA) a served app may use; it needs about 60 MiB.
APP_MEMORY_LIMIT = 512 * 1024 * 1024

# Host names every server answers to, with its port (plus the bound address, --allow-host).
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
# Apps running at once, by default (--max-sessions).
MAX_SESSIONS = 4
# Largest websocket message from a browser: keys, pastes and resizes are far smaller.
MAX_MESSAGE = 64 * 1024
# What a browser may send its app (bytes of keys and mouse reports; 16 for each resize,
# focus or blur): a burst of INPUT_BURST, then INPUT_RATE a second. A served app handles
# about a thousand keys a second and each queued key costs memory; a person, a paste of a
# name or a mouse wave stay far below. Messages over the budget are dropped.
INPUT_BURST = 16 * 1024
INPUT_RATE = 512.0
# An app that takes no input for this long is stuck: its session ends.
INPUT_TIMEOUT = 5.0
# Largest terminal an app is asked to draw, and the size when the browser gives none.
MAX_COLUMNS = 500
MAX_ROWS = 200
DEFAULT_SIZE = (80, 24)
# Once its socket is closed: how long an app has to quit when asked, then after SIGTERM,
# before SIGKILL.
QUIT_GRACE = 2.0
TERM_GRACE = 2.0
# How long closing a websocket waits for the browser's reply.
CLOSE_TIMEOUT = 2.0
# How long the server waits for its sessions to end when it stops (then kills what is left).
SHUTDOWN_GRACE = QUIT_GRACE + TERM_GRACE + CLOSE_TIMEOUT + 1.0

_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?")
_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")


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


def is_wildcard(host: str) -> bool:
    """True for a bind address meaning every interface (``0.0.0.0``, ``::``, empty)."""
    if not host.strip("[]"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def server_url(host: str, port: int) -> str:
    """``http://HOST:PORT``, an IPv6 address in brackets."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def host_name(text: str) -> str:
    """``text`` as a ``Host`` header names it, without the port: lower case, IPv6 in brackets.

    Raises ValueError for anything but one host name or address: a port, a scheme, a path,
    spaces, a wildcard address.
    """
    name = text.lower()
    bare = name[1:-1] if name.startswith("[") and name.endswith("]") else name
    try:
        address = ipaddress.ip_address(bare)
    except ValueError:
        address = None
    if address is not None:
        if address.is_unspecified:
            raise ValueError(f"{text!r} is a wildcard address, not a host")
        return f"[{address.compressed}]" if address.version == 6 else address.compressed
    labels = name.split(".")
    if name != bare or len(name) > 253 or not all(map(_HOST_LABEL.fullmatch, labels)):
        raise ValueError(f"{text!r} is not a host name or address (no port, no scheme)")
    return name


@dataclass(frozen=True)
class HostPolicy:
    """The ``Host`` headers (and websocket ``Origin`` hosts) the server answers.

    Each entry is ``NAME:PORT`` as a browser writes it in ``Host``; for port 80 also the bare
    ``NAME``, since browsers leave out the default port.
    """

    hosts: tuple[str, ...]

    @classmethod
    def build(cls, bind: str, port: int, extra: Sequence[str] = ()) -> HostPolicy:
        """Loopback names, the bound address unless it is a wildcard, and ``extra``."""
        names = list(LOOPBACK_NAMES)
        if not is_wildcard(bind):
            names.append(host_name(bind))
        names += [host_name(name) for name in extra]
        hosts: list[str] = []
        for name in dict.fromkeys(names):
            hosts.append(f"{name}:{port}")
            if port == 80:
                hosts.append(name)
        return cls(tuple(hosts))

    def match(self, host: str | None) -> str | None:
        """The entry that a ``Host`` header names, or None: the entry is our own string."""
        if host is None:
            return None
        wanted = host.lower()
        return next((entry for entry in self.hosts if entry == wanted), None)

    def origin_allowed(self, origin: str | None) -> bool:
        """True when a websocket's ``Origin`` is ``http(s)://`` an allowed host.

        A request without ``Origin`` comes from no web page (a script, ``curl``) and passes;
        ``null`` (a sandboxed page, a file) does not.
        """
        if origin is None:
            return True
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or parts.path or parts.query or parts.fragment:
            return False
        return "@" not in parts.netloc and self.match(parts.netloc) is not None


def terminal_size(value: object, limit: int) -> int | None:
    """``value`` (a query parameter or a JSON number) clamped to 1..``limit``.

    None when it is not an integer (``"80.5"``, ``true``, ``"1e9"``, a list).
    """
    if isinstance(value, str) and _INTEGER.fullmatch(value):
        number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        return None
    return min(max(number, 1), limit)


def parse_message(text: str) -> tuple[str, object] | None:
    """A browser's ``[TYPE, DATA]`` websocket message as (TYPE, DATA); None if malformed."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a huge number, nested too deep
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    return envelope[0], envelope[1] if len(envelope) > 1 else None


class InputBudget:
    """A token bucket: at most ``burst`` bytes at once, refilled at ``rate`` bytes a second."""

    def __init__(
        self, burst: int, rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.rate = rate
        self.clock = clock
        self.tokens = float(burst)
        self.stamp = clock()

    def take(self, size: int) -> bool:
        """True, and ``size`` bytes spent, when the budget allows them now."""
        now = self.clock()
        self.tokens = min(float(self.burst), self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if size > self.tokens:
            return False
        self.tokens -= size
        return True


# ------------------------------------------------------------------------ exports


def export_directory(text: str) -> Path:
    """The ``--export-dir`` directory, resolved; a UsageError when it is not a directory."""
    path = Path(text).expanduser()
    if not path.exists():
        raise UsageError(f"--export-dir {text!r}: no such directory")
    if not path.is_dir():
        raise UsageError(f"--export-dir {text!r}: not a directory")
    return Path(os.path.realpath(path))


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


def limit_memory(limit: int = APP_MEMORY_LIMIT) -> None:
    """In a served app: fail allocations beyond ``limit`` bytes rather than take the host's.

    Whatever input gets past the server's limits, an app then ends with a MemoryError
    (and its session with it) instead of growing without bound.
    """
    try:
        import resource
    except ImportError:  # not POSIX
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def _make_server(
    command: str,
    host: str,
    port: int,
    hosts: HostPolicy,
    max_sessions: int = MAX_SESSIONS,
    export_dir: Path | None = None,
) -> Server:
    # textual-serve (and aiohttp) load only here, when the server really starts.
    import asyncio
    import contextlib
    import logging
    from collections.abc import Awaitable
    from functools import partial
    from typing import Any

    import aiohttp_jinja2
    from aiohttp import WSMsgType, web
    from aiohttp.http_exceptions import HttpProcessingError
    from rich.logging import RichHandler
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    log = logging.getLogger("textual-serve")
    public_url_key = web.RequestKey("fwtui_public_url", str)

    class _FwtuiAppService(AppService):
        """An app process whose environment says where (if anywhere) it may export."""

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment = super()._build_environment(width=width, height=height)
            environment.pop(EXPORT_DIR_ENV, None)  # never inherited from the server's shell
            if export_dir is not None:
                environment[EXPORT_DIR_ENV] = str(export_dir)
            return environment

    @web.middleware
    async def allowed_hosts_only(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        # Every request, so a rebound name (evil.example -> 127.0.0.1) gets nothing at all.
        given = request.headers.getall("Host", [])
        entry = hosts.match(given[0]) if len(given) == 1 else None
        if entry is None:
            log.warning("refused a request for an unknown host: Host %r", given)
            raise web.HTTPForbidden(text="fwtui: unknown host (see fwtui serve --allow-host)\n")
        request[public_url_key] = f"http://{entry}"  # built from our entry, not the request
        return await handler(request)

    def _one_line_bad_requests(record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError):
            record.msg, record.args = f"{record.getMessage()}: {error.message}", ()
            record.exc_info = None
        return True

    async def _exited(process: asyncio.subprocess.Process, timeout: float) -> bool:
        # Polls the return code (the child watcher reaps it) rather than Process.wait(),
        # which also waits for pipes that a stuck reader may never drain.
        deadline = time.monotonic() + timeout
        while process.returncode is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        return process.returncode is not None

    closing: set[asyncio.Task[bool]] = set()

    def websocket_closer(websocket: web.WebSocketResponse) -> None:
        if not websocket.closed:
            task = asyncio.ensure_future(websocket.close())
            closing.add(task)
            task.add_done_callback(closing.discard)

    class _FwtuiServer(Server):
        """textual-serve's server with fwtui's limits; ends its sessions when it stops."""

        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="fwtui")
            self._sessions: set[asyncio.Task[object]] = set()
            self._apps: set[AppService] = set()

        def initialize_logging(self) -> None:
            super().initialize_logging()
            # A malformed request from the network is one line, not a traceback, and no
            # traceback shows local variables (request data) on the console.
            logging.getLogger("aiohttp.server").addFilter(_one_line_bad_requests)
            for handler in logging.getLogger().handlers:
                if isinstance(handler, RichHandler):
                    handler.tracebacks_show_locals = False

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(allowed_hosts_only)
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # textual-serve's page, its URLs from the allowlist entry the request matched.
            public_url = request[public_url_key]
            router = request.app.router
            static = f"{public_url}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
            context: dict[str, Any] = {
                "font_size": terminal_size(request.query.get("fontsize"), 64) or 16,
                "app_websocket_url": f"ws{public_url[4:]}{router['websocket'].url_for()}",
                "config": {"static": {"url": static}},
                "application": {"name": self.title},
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            origin = request.headers.get("Origin")
            if not hosts.origin_allowed(origin):
                log.warning("refused a websocket from another site: Origin %r", origin)
                raise web.HTTPForbidden(text="fwtui: cross-origin websocket refused\n")
            if len(self._sessions) >= max_sessions:  # no await since: no race
                log.warning("refused a websocket: %d sessions run (--max-sessions)", max_sessions)
                raise web.HTTPServiceUnavailable(
                    text="fwtui: too many sessions open; close a tab (fwtui serve --max-sessions)\n"
                )
            task = asyncio.current_task()
            assert task is not None  # aiohttp runs each request in a task
            self._sessions.add(task)
            try:
                return await self._session(request)
            finally:
                self._sessions.discard(task)

        async def _session(self, request: web.Request) -> web.WebSocketResponse:
            websocket = web.WebSocketResponse(
                heartbeat=15, max_msg_size=MAX_MESSAGE, timeout=CLOSE_TIMEOUT
            )
            width = terminal_size(request.query.get("width"), MAX_COLUMNS) or DEFAULT_SIZE[0]
            height = terminal_size(request.query.get("height"), MAX_ROWS) or DEFAULT_SIZE[1]
            await websocket.prepare(request)

            async def close() -> None:
                await websocket.close()

            app_service = _FwtuiAppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self._apps.add(app_service)
            try:
                await app_service.start(width, height)
                # An app that ends without saying so (killed, out of memory) ends the session.
                assert app_service._task is not None
                app_service._task.add_done_callback(lambda _: websocket_closer(websocket))
                await self._process_messages(websocket, app_service)
            except asyncio.CancelledError:
                pass  # the server is stopping: the app ends below, as for a closed tab
            except ConnectionError as error:
                log.info("session ended: %s", error)
            except Exception as error:
                log.exception(error)
            finally:
                await self.end_app(app_service)
                self._apps.discard(app_service)
                await websocket.close()
            return websocket

        async def _process_messages(
            self, websocket: web.WebSocketResponse, app_service: AppService
        ) -> None:
            # As textual-serve's, but a malformed message is ignored instead of ending the
            # session with a traceback, sizes are clamped, input is rationed (InputBudget)
            # and a write to an app that reads no input gives up (INPUT_TIMEOUT), so that
            # a closed socket is always noticed. A message over MAX_MESSAGE makes aiohttp
            # close the socket (1009), which ends this loop.
            budget = InputBudget(INPUT_BURST, INPUT_RATE)
            dropped = 0
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                parsed = parse_message(message.data)
                if parsed is None:
                    continue
                kind, data = parsed
                if kind == "ping":
                    await websocket.send_json(["pong", data])
                    continue
                send: Callable[[], Awaitable[object]] | None = None
                cost = 16  # what a resize, blur or focus costs the budget
                if kind == "stdin" and isinstance(data, str):
                    payload = data.encode("utf-8", "replace")
                    send, cost = partial(app_service.send_bytes, payload), max(len(payload), 1)
                elif kind == "resize" and isinstance(data, dict):
                    width = terminal_size(data.get("width"), MAX_COLUMNS)
                    height = terminal_size(data.get("height"), MAX_ROWS)
                    if width is not None and height is not None:
                        send = partial(app_service.set_terminal_size, width, height)
                elif kind == "blur":
                    send = app_service.blur
                elif kind == "focus":
                    send = app_service.focus
                if send is None:
                    continue
                if not budget.take(cost):
                    dropped += 1
                    if dropped == 1:
                        log.warning("dropping input over %d bytes a second", INPUT_RATE)
                    continue
                try:
                    await asyncio.wait_for(send(), INPUT_TIMEOUT)
                except asyncio.TimeoutError:
                    log.warning("app takes no input: ending its session")
                    return

        async def end_app(self, app_service: AppService) -> None:
            """Ask the app to quit; SIGTERM after QUIT_GRACE, SIGKILL after TERM_GRACE more."""
            process, task = app_service._process, app_service._task
            app_service._task = None  # textual-serve's stop() would wait for it unbounded
            with contextlib.suppress(Exception):
                await self.download_manager.cancel_app_downloads(
                    app_service_id=app_service.app_service_id
                )
            if process is not None and process.returncode is None:
                with contextlib.suppress(Exception):  # a full pipe: the app reads no more
                    await asyncio.wait_for(app_service.send_meta({"type": "quit"}), QUIT_GRACE)
                if not await _exited(process, QUIT_GRACE):
                    log.warning("app %d did not quit: terminating it", process.pid)
                    with contextlib.suppress(ProcessLookupError):
                        process.terminate()
                    if not await _exited(process, TERM_GRACE):
                        log.warning("app %d ignored SIGTERM: killing it", process.pid)
                        with contextlib.suppress(ProcessLookupError):
                            process.kill()
                        await _exited(process, TERM_GRACE)
            if task is not None and not task.done():
                # It relays the app's last output, then ends at the end of the app's stdout.
                done, _ = await asyncio.wait({task}, timeout=TERM_GRACE)
                if not done:
                    task.cancel()

        async def on_startup(self, app: web.Application) -> None:
            shown = "127.0.0.1" if is_wildcard(host) else host
            print(
                f"fwtui: serving on {server_url(shown, port)} (Ctrl+C to stop)",
                file=sys.stderr,
                flush=True,
            )

        async def on_shutdown(self, app: web.Application) -> None:
            # Cancelling a session ends its app as a closed tab would (end_app).
            sessions = set(self._sessions)
            for task in sessions:
                task.cancel()
            if sessions:
                await asyncio.wait(sessions, timeout=SHUTDOWN_GRACE)
            for app_service in self._apps:  # whatever did not end in time
                process = app_service._process
                if process is not None and process.returncode is None:
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()

    return _FwtuiServer()


def serve(
    data_dirs: Sequence[str],
    host: str,
    port: int,
    err: TextIO,
    *,
    allow_hosts: Sequence[str] = (),
    max_sessions: int = MAX_SESSIONS,
    export_dir: Path | None = None,
) -> int:
    """Serve the TUI on ``http://HOST:PORT`` until interrupted; the exit status.

    ``allow_hosts`` are further names the server answers to, ``max_sessions`` caps the
    apps running at once, ``export_dir`` is the one directory the apps may write in (None:
    exports are disabled). Returns 2 (usage), with one line and no traceback, when
    textual-serve is missing or the address cannot be used.
    """
    try:
        import textual_serve.server  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=err)
        return EXIT_USAGE
    try:
        hosts = HostPolicy.build(host, port, allow_hosts)
    except ValueError as error:
        print(f"fwtui: error: cannot serve on {host}:{port}: {error}", file=err)
        return EXIT_USAGE
    if not is_loopback(host):
        names = (
            " (browsers must use localhost or an --allow-host name)" if is_wildcard(host) else ""
        )
        print(
            f"fwtui: warning: serving on {host}: anyone who can reach port {port} there "
            f"gets the app (there is no login){names}",
            file=err,
        )
    problem = bind_problem(host, port)
    if problem is not None:
        print(f"fwtui: error: cannot serve on {host}:{port}: {problem}", file=err)
        return EXIT_USAGE
    os.environ[SERVER_PID_ENV] = str(os.getpid())  # the apps inherit it
    server = _make_server(served_command(data_dirs), host, port, hosts, max_sessions, export_dir)
    try:
        server.serve()
    except OSError as error:
        print(f"fwtui: error: cannot serve on {host}:{port}: {error.strerror or error}", file=err)
        return EXIT_USAGE
    return 0
