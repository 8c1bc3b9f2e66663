"""The TUI's modes, defined once: the CLI's ``--screen`` choices, the mode keys, the
palette's screen entries and the lazily imported screen classes all come from here.

Plain data (no Textual), so that the CLI can offer the choices without importing the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    id: str
    title: str
    key: str
    tooltip: str
    module: str
    """Module under ``fwtui.screens`` that defines the screen."""
    screen: str
    """Name of the screen class in that module."""


MODES = (
    Mode("overview", "Overview", "1", "Every framework", "overview", "OverviewScreen"),
    Mode("matrix", "Matrix", "2", "Feature matrix", "matrix", "MatrixScreen"),
    Mode("proscons", "Pros & cons", "3", "Side by side", "proscons", "ProsConsScreen"),
    Mode("guide", "Guide", "4", "Advice and FAQ", "guide", "GuideScreen"),
    Mode("wizard", "Wizard", "5", "Get a recommendation", "wizard", "WizardScreen"),
    Mode("team", "Team", "6", "Decide as a team", "team", "TeamScreen"),
)
MODE_IDS = tuple(mode.id for mode in MODES)
BY_ID = {mode.id: mode for mode in MODES}
FIRST_MODE = MODES[0].id

# Option ids of the guide's list, also used by the command palette to jump to an entry.
TOPIC = "topic:"
FAQ = "faq:"
