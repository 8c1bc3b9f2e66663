"""The user's key remapping: ``keys.yaml`` in the user config dir.

A mapping of binding id to keys, e.g. ``mode.matrix: m`` or ``app.quit: ctrl+q,q``.
Problems become one-line notices; the app never crashes because of this file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from fwtui.problems import DataError

CONFIG_ENV = "FWTUI_CONFIG_DIR"
KEYS_FILE = "keys.yaml"
_KEYS = re.compile(r"^[A-Za-z0-9_+\-]+(,[A-Za-z0-9_+\-]+)*$")


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("fwtui", appauthor=False)


def keys_file() -> Path:
    return config_dir() / KEYS_FILE


def load_keymap(known_ids: set[str]) -> tuple[dict[str, str], list[str]]:
    """(binding id -> keys, problems). Valid entries apply even when others are wrong."""
    path = keys_file()
    if not path.is_file():
        return {}, []
    from fwtui.yamlsafe import load_yaml

    try:
        data = load_yaml(path, str(path)).data
    except DataError as error:
        return {}, [str(problem) for problem in error.problems]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if binding_id not in known_ids:
            valid = ", ".join(sorted(known_ids))
            problems.append(f"{path}: unknown binding id '{binding_id}' (valid: {valid})")
        elif not isinstance(keys, str) or not _KEYS.match(keys.replace(" ", "")):
            problems.append(f"{path}: {binding_id}: keys must look like 'ctrl+q' or 'm,f2'")
        else:
            keymap[str(binding_id)] = keys.replace(" ", "")
    return keymap, problems
