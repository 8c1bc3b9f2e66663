"""The user's key remapping: ``keys.yaml`` in the user config dir.

A mapping of binding id to keys, e.g. ``mode.matrix: m`` or ``app.quit: ctrl+q,q``.
Problems become one-line notices; the app never crashes because of this file. The file
may come from anyone's dotfiles: every value quoted in a notice is sanitised and cut
(the app shows notices as literal text, never markup).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fwtui.errors import DataError, Warnings
from fwtui.paths import config_dir
from fwtui.safetext import clean_line, cut, quoted

KEYS_FILE = "keys.yaml"


def keys_file() -> Path:
    return config_dir() / KEYS_FILE


def read_failure(path: Path, error: BaseException) -> str:
    """One line saying why ``path`` could not be read, for an error no loader foresaw."""
    reason = cut(clean_line(str(error)), 200) or type(error).__name__
    return f"{cut(clean_line(str(path)), 300)}: could not be read ({reason})"


def load_keymap(known_ids: set[str], warn: Warnings) -> dict[str, str]:
    """Binding id -> keys. Valid entries apply even when others are wrong; each wrong one
    is a warning.

    Never raises: a file that cannot be read or parsed is one warning.
    """
    path = keys_file()
    try:
        if not path.exists() and not path.is_symlink():  # a FIFO or a directory: the reader says
            return {}
        from fwtui.catalog.yamlsafe import load_yaml

        data = load_yaml(path, str(path)).data
    except DataError as error:
        warn.append(str(error.problems[0]) if error.problems else read_failure(path, error))
        return {}
    except Exception as error:  # a bad keys.yaml must never stop the app
        warn.append(read_failure(path, error))
        return {}
    keymap: dict[str, str] = {}
    shown_path = cut(clean_line(str(path)), 300)
    for binding_id, keys in data.items():
        if not isinstance(binding_id, str) or binding_id not in known_ids:
            valid = ", ".join(sorted(known_ids))
            warn.append(
                f"{shown_path}: unknown binding id {quoted(str(binding_id))} (valid: {valid})"
            )
            continue
        if isinstance(keys, int) and not isinstance(keys, bool):
            keys = str(keys)  # `mode.matrix: 6` is read by YAML as a number
        parts = [part.strip() for part in keys.split(",")] if isinstance(keys, str) else []
        bad = [part for part in parts if not _is_key(part)]
        if not parts or bad:
            shown = f"{quoted(bad[0])} is not a key; " if bad else ""
            warn.append(
                f"{shown_path}: {binding_id}: {shown}keys look like 'm', 'ctrl+q', 'f2' or 'm,f2'"
            )
        else:
            keymap[binding_id] = ",".join(parts)
    return keymap


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
        character = unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    # Not a control or formatting character (right-to-left_override names one).
    return character.isprintable() and not character.isspace()
