"""Answers files of a small team who disagree, for the team tests of the core and the TUI."""

from __future__ import annotations

import re
from pathlib import Path

from fwtui.advisor.answers import answers_document
from fwtui.advisor.scoring import recommend
from fwtui.catalog.loader import bundled_catalog

CATALOG = bundled_catalog()
ANA = {"project_kind": ("api",), "performance": ("high",)}
BEN = {"project_kind": ("cms",), "builtins": ("admin", "auth")}
CLEO = {"project_kind": ("prototype",), "team_experience": ("beginner",)}


def write_answers(
    folder: Path, who: str | None, answers: dict[str, tuple[str, ...]], role: str | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^a-z0-9]+", "-", (who or "anonymous").lower()).strip("-")
    path = folder / f"{stem}.yaml"
    asked = recommend(CATALOG, answers, with_flips=False).answers  # as the wizard saves them
    path.write_text(answers_document(CATALOG, asked, None, who, role), encoding="utf-8")
    return path


def write_team(folder: Path) -> Path:
    """Three people who disagree: an API, a CMS with must-haves, a beginners' prototype."""
    write_answers(folder, "Ana", ANA, "tech lead")
    write_answers(folder, "Ben", BEN)
    write_answers(folder, "Cleo", CLEO, "consulted")
    return folder
