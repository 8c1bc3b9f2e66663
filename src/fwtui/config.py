"""The user's key remapping: ``keys.yaml`` in the user config dir.

A mapping of binding id to keys, e.g. ``mode.matrix: m`` or ``app.quit: ctrl+q,q``.
Problems become one-line notices; the app never crashes because of this file.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from fwtui.problems import DataError

CONFIG_ENV = "FWTUI_CONFIG_DIR"
KEYS_FILE = "keys.yaml"


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
            continue
        if isinstance(keys, int) and not isinstance(keys, bool):
            keys = str(keys)  # `mode.matrix: 6` is read by YAML as a number
        parts = [part.strip() for part in keys.split(",")] if isinstance(keys, str) else []
        bad = [part for part in parts if not _is_key(part)]
        if not parts or bad:
            shown = f"'{bad[0]}' is not a key; " if bad else ""
            problems.append(
                f"{path}: {binding_id}: {shown}keys look like 'm', 'ctrl+q', 'f2' or 'm,f2'"
            )
        else:
            keymap[str(binding_id)] = ",".join(parts)
    return keymap, problems


MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def _is_key(key: str) -> bool:
    """A key as Textual names it: a character or key name, after optional modifiers."""
    *modifiers, name = key.split("+")
    if not name or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    from textual.keys import Keys

    if name in {key.value for key in Keys}:
        return True
    try:  # Textual names punctuation by its Unicode name: question_mark, full_stop, ...
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True
