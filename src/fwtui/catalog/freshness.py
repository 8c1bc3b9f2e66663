"""Facts whose level holds only until a known day (``valid_until``), and which have expired.

A level that depends on time, such as a maturity of "young (under five years)", carries the
day it stops being true instead of being recomputed: most levels need judgement as well as
dates (a release policy, regular releases), so the catalog flags the fact for re-rating.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fwtui.catalog.models import Fact
from fwtui.catalog.store import Catalog


@dataclass(frozen=True)
class ExpiredFact:
    framework_id: str
    criterion_id: str
    fact: Fact

    def __str__(self) -> str:
        until = self.fact.valid_until.isoformat() if self.fact.valid_until else "?"
        return (
            f"{self.framework_id}.{self.criterion_id}: level '{self.fact.level}' was valid "
            f"until {until}; re-rate it by the rubric"
        )


def expired_facts(catalog: Catalog, today: dt.date) -> list[ExpiredFact]:
    """Every fact whose ``valid_until`` day has come, in catalog order."""
    return [
        ExpiredFact(framework.id, criterion_id, fact)
        for framework in catalog.frameworks.values()
        for criterion_id, fact in framework.facts.items()
        if fact.expired(today)
    ]
