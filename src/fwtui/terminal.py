"""Leaving the terminal cleanly: on SIGHUP, on SIGTERM, and when the terminal is gone.

Textual installs no handler for either signal, and a process outside the terminal's
session is never told that the terminal hung up. :func:`guard` covers both for an app;
:func:`end_now` quits with a signal's exit status and makes sure the process really ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
import time
from typing import Any

from textual.app import App

# After the terminal hangs up or SIGTERM arrives: how long the clean exit may take before
# the process is ended anyway. The exit status is the one a shell reports for the signal.
HANGUP_GRACE = 2.0
EXIT_HANGUP = 129  # 128 + SIGHUP, as a shell reports a process ended by a hang-up
EXIT_TERMINATED = 143  # 128 + SIGTERM
# How often the app asks a real terminal for its size, to notice that it is gone.
WATCH_INTERVAL = 2.0


def guard(app: App[Any]) -> None:
    """Call from the app's ``on_mount``: end on the signals and when the terminal is gone."""
    end_on_signals(app)
    watch_terminal(app)


def end_on_signals(app: App[Any]) -> None:
    """Quit like ``q`` on SIGHUP (the terminal hung up) and on SIGTERM.

    Textual installs no handler for either. Python's default action then kills the
    app without restoring the terminal (left in the alternate screen, mouse reporting
    on, cursor hidden), and where SIGHUP is ignored (nohup, a shell's ``trap '' HUP``)
    the app never ends: Textual's input thread keeps reading the hung-up terminal's
    end-of-file at full CPU. Handling both here covers all of that. Under ``fwtui
    serve`` Textual's web driver handles SIGTERM itself, so it keeps that one.
    """
    from fwtui.served import is_served

    wanted = [("SIGHUP", EXIT_HANGUP)]
    if not is_served():
        wanted.append(("SIGTERM", EXIT_TERMINATED))
    loop = asyncio.get_running_loop()
    for name, status in wanted:
        number = getattr(signal, name, None)  # SIGHUP is absent on Windows
        if number is None:
            continue
        # The loop refuses a handler outside the main thread: keep the default there.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, end_now, app, status)


def watch_terminal(app: App[Any]) -> None:
    """Quit when the terminal is gone even if no SIGHUP arrives.

    A process outside the terminal's session (started with setsid, or by a wrapper
    that keeps SIGHUP from it) is never told; Textual's input thread would then read
    end-of-file from the dead terminal forever. A hung-up terminal answers every
    ioctl with EIO, so asking for its size every WATCH_INTERVAL seconds notices it.
    """
    if app.is_headless or not sys.__stdout__ or not sys.__stdout__.isatty():
        return
    descriptor = sys.__stdout__.fileno()

    def check() -> None:
        try:
            os.get_terminal_size(descriptor)
        except OSError:
            end_now(app, EXIT_HANGUP)

    app.set_interval(WATCH_INTERVAL, check, name="terminal-watch")


def end_now(app: App[Any], status: int) -> None:
    """Quit cleanly with ``status`` (a signal's), and make sure the process really ends.

    Textual's clean exit writes to the terminal to restore it; with the terminal gone
    that write was seen to block forever (about one kill in six in the benchmark), so
    a watchdog ends the process if the clean exit has not within HANGUP_GRACE seconds.
    """

    def end_anyway() -> None:
        time.sleep(HANGUP_GRACE)
        os._exit(status)

    threading.Thread(target=end_anyway, name="fwtui-signal-exit", daemon=True).start()
    app.exit(return_code=status)
