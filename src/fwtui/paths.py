"""The user directories fwtui reads and writes, in one place.

Each has an environment override (used by tests, and by people who keep their setup in a
dotfiles repository); otherwise platformdirs names the platform's usual place, e.g.
``~/.local/share/fwtui``, ``~/.cache/fwtui``, ``~/.local/state/fwtui`` and
``~/.config/fwtui`` on Linux (where the XDG variables move them).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "fwtui"
CONFIG_ENV = "FWTUI_CONFIG_DIR"
STATE_ENV = "FWTUI_STATE_DIR"


def user_data_dir() -> Path:
    """Extra data read after the bundled data (only when it exists)."""
    from platformdirs import user_data_path  # imported when needed: start-up time

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The catalog cache."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    """What the TUI remembers: last answers and theme."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """``keys.yaml``."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)
