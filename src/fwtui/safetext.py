"""Make text from data safe to write to a terminal: control characters become visible.

Data files may contain escape sequences (hostile or by accident). Written raw they would
move the cursor, change colours or worse, so every output path shows them as ``\\x1b``.
"""

from __future__ import annotations

import json
import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible_controls(text: str) -> str:
    """``text`` with every control character except newline and tab written as ``\\xNN``."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def dumps(document: Any) -> str:
    """JSON text in which no control character appears raw (JSON escapes them all)."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_inert(text: str) -> str:
    """Text from data made inert in Markdown: no HTML, links, emphasis or table breaks."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")
