"""The output formats of each command, by name: the CLI's ``--format`` choices.

Each subject's renderer module has a ``RENDERERS`` registry with exactly these names, in
this order (tests/unit/render/test_render_sections.py checks every one). The names stand here alone,
without the renderers, so that building the command line (``fwtui --help``, the TUI's
start) imports neither the catalog's models nor pydantic.
"""

from __future__ import annotations

LIST = ("text", "json")
SHOW = ("text", "markdown", "json")
MATRIX = ("table", "markdown", "csv", "json")
QUESTIONS = ("text", "json")
RECOMMEND = ("text", "markdown", "json", "adr")
TEAM = ("text", "markdown", "json", "adr")
