"""Facts that need looking at again: levels past their ``valid_until`` day, and facts
not reviewed for a while (``fwtui validate --stale DAYS``).

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


@dataclass(frozen=True, order=True)
class StaleFact:
    file: str
    line: int
    framework: str
    criterion: str
    reviewed: dt.date

    def describe(self, today: dt.date) -> str:
        age = (today - self.reviewed).days
        return (
            f"{self.file}:{self.line}: facts.{self.criterion}: "
            f"last reviewed {self.reviewed.isoformat()} ({age} days ago)"
        )


def stale_facts(catalog: Catalog, days: int, today: dt.date) -> list[StaleFact]:
    """Facts last reviewed more than ``days`` days before ``today``, by file and line.

    A fact with no review date (``unknown`` needs none) is not listed: there is nothing
    to review again, only something to find out.
    """
    oldest_fresh = today - dt.timedelta(days=days)
    found = []
    for framework in catalog.frameworks.values():
        where = catalog.fact_lines.get(framework.id)
        for criterion_id, fact in framework.facts.items():
            if fact.last_reviewed is None or fact.last_reviewed >= oldest_fresh:
                continue
            file = where.file if where else framework.id
            line = where.lines.get(criterion_id, 1) if where else 1
            found.append(StaleFact(file, line, framework.id, criterion_id, fact.last_reviewed))
    return sorted(found)
