"""How many questions the wizard may still ask, so that its step count never jumps.

A question with a ``when`` condition is asked or not depending on earlier answers. While
an answer it depends on can still change (the current question or a later one), the
question may still come, so it is counted in the "up to" figure; once every answer it
depends on is behind the user, it is either asked (counted) or not (dropped).
"""

from __future__ import annotations

from dataclasses import dataclass

from fwtui.advisor.answers import Answers
from fwtui.advisor.scoring import asked_questions
from fwtui.catalog.models import When
from fwtui.catalog.store import Catalog


@dataclass(frozen=True)
class StepCount:
    number: int
    """The current step, from 1."""
    asked: int
    """Questions asked with the answers as they are now."""
    at_most: int
    """Questions that can still be asked if later answers change (at least ``asked``)."""

    def __str__(self) -> str:
        if self.at_most > self.asked:
            return f"Step {self.number} of up to {self.at_most}"
        return f"Step {self.number} of {self.asked}"


def depends_on(when: When | None) -> set[str]:
    """Ids of the questions a condition reads."""
    if when is None:
        return set()
    found = {when.question} if when.question is not None else set()
    for part in [*(when.all_ or ()), *(when.any_ or ())]:
        found |= depends_on(part)
    return found | depends_on(when.not_)


def step_count(catalog: Catalog, given: Answers, step: int) -> StepCount:
    """The count shown on step ``step`` (from 0) of the questions asked for ``given``."""
    asked = asked_questions(catalog, given)
    step = max(0, min(step, len(asked) - 1))
    order = list(catalog.questions)
    position = order.index(asked[step].id)
    behind = set(order[:position])
    asked_ids = {question.id for question in asked}
    later = [catalog.questions[qid] for qid in order[position + 1 :]]
    may_come = [
        question
        for question in later
        if question.id in asked_ids or not depends_on(question.when) <= behind
    ]
    return StepCount(step + 1, len(asked), step + 1 + len(may_come))
