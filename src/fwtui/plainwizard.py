"""`fwtui wizard --plain`: the wizard's questions asked line by line on plain text streams.

For screen readers, dumb terminals and scripts: no screen drawing, one question at a time
with numbered choices, ``?`` for help, Enter for the default (or the answer given before),
``b`` to go back and ``q`` to stop. Questions are asked in the catalog's order and only
when their ``when`` condition holds, exactly as the TUI's wizard asks them; the answers
then go through the same recommendation and exports as ``fwtui recommend``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from fwtui.advisor.answers import Answers
from fwtui.advisor.scoring import asked_questions
from fwtui.catalog.models import Question, QuestionType
from fwtui.catalog.store import Catalog
from fwtui.render.text import WIDTH
from fwtui.safetext import clean, clean_line, quoted, wrap

KEYS = "Enter keeps the answer in brackets, ? explains, b goes back, q stops."
MAX_INPUT = 1000
"""Longest answer line read; the rest of a longer line is ignored."""


class WizardStopped(Exception):
    """The wizard ended before its last question: ``q``, or the input ended."""

    def __init__(self, message: str, by_user: bool) -> None:
        super().__init__(message)
        self.by_user = by_user


@dataclass
class _Back:
    """The answer 'b': go to the previous question."""


Reply = tuple[str, ...] | _Back | None
"""Choice ids, a step back, or None when the line was not an answer (asked again)."""


class PlainWizard:
    """The wizard over ``read`` (one line, "" at end of input) and ``write`` (text)."""

    def __init__(
        self,
        catalog: Catalog,
        read: Callable[[], str],
        write: Callable[[str], None],
        echo: bool,
    ) -> None:
        self.catalog = catalog
        self.read = read
        self.write = write
        self.echo = echo  # input from a pipe: repeat each answer so the transcript reads well
        self.order = list(catalog.questions)

    def run(self) -> Answers:
        """Ask until the last question is answered; the answers of the questions asked."""
        given: dict[str, tuple[str, ...]] = {}
        step = 0
        self.write(f"fwtui wizard: a few questions about your project. {KEYS}\n")
        while True:
            asked = asked_questions(self.catalog, given)
            if step >= len(asked):
                break
            question = asked[step]
            reply = self._ask(question, step, given.get(question.id, tuple(question.default)))
            if isinstance(reply, _Back):
                if step == 0:
                    self.write("  This is the first question.\n")
                step = max(0, step - 1)
                continue
            given[question.id] = reply
            step += 1
        asked_ids = {question.id for question in asked_questions(self.catalog, given)}
        return {qid: choices for qid, choices in given.items() if qid in asked_ids}

    # ---------------------------------------------------------------- one question

    def _ask(
        self, question: Question, step: int, current: tuple[str, ...]
    ) -> tuple[str, ...] | _Back:
        at_most = step + len(self.order) - self.order.index(question.id)
        self.write(f"\nQuestion {step + 1} of at most {at_most}: {clean_line(question.prompt)}\n")
        for number, choice in enumerate(question.choices, start=1):
            self.write(f"  {number}) {clean_line(choice.label)}\n")
        while True:
            self.write(self._prompt(question, current))
            line = self.read()
            if not line:
                raise WizardStopped(
                    f"the input ended at question {step + 1} ({question.id}); nothing was written",
                    by_user=False,
                )
            text = line[:MAX_INPUT].strip()
            if self.echo:
                self.write(clean_line(text) + "\n")
            reply = self._reply(question, text, current)
            if reply is not None:
                return reply

    def _prompt(self, question: Question, current: tuple[str, ...]) -> str:
        numbers = [str(self._number(question, choice_id)) for choice_id in current]
        shown = ",".join(numbers) if numbers else "-"
        if question.type is QuestionType.single:
            return f"Choose 1-{len(question.choices)} [{shown}]: "
        return f"Choose any, e.g. 1,3, or - for none [{shown}]: "

    @staticmethod
    def _number(question: Question, choice_id: str) -> int:
        return [choice.id for choice in question.choices].index(choice_id) + 1

    def _reply(self, question: Question, text: str, current: tuple[str, ...]) -> Reply:
        lowered = text.casefold()
        if not text:
            return current
        if lowered in ("?", "help"):
            self._explain(question)
            return None
        if lowered in ("b", "back"):
            return _Back()
        if lowered in ("q", "quit"):
            raise WizardStopped("stopped before the last question; nothing was written", True)
        if question.type is QuestionType.multi and lowered in ("-", "none"):
            return ()
        parts = [part for part in re.split(r"[,\s]+", text) if part]
        picked = [self._choice_id(question, part) for part in parts]
        if None in picked:
            bad = parts[picked.index(None)]
            self.write(
                f"  {quoted(bad)} is not a choice: type a number from 1 to "
                f"{len(question.choices)}, or ? for help.\n"
            )
            return None
        ids = [choice_id for choice_id in picked if choice_id is not None]
        if question.type is QuestionType.single and len(ids) != 1:
            self.write("  Choose exactly one.\n")
            return None
        order = [choice.id for choice in question.choices]
        return tuple(sorted(dict.fromkeys(ids), key=order.index))

    @staticmethod
    def _choice_id(question: Question, text: str) -> str | None:
        if text.isdigit() and 1 <= int(text) <= len(question.choices):
            return question.choices[int(text) - 1].id
        for choice in question.choices:  # the choice ids of `fwtui questions` work too
            if choice.id == text.casefold():
                return choice.id
        return None

    def _explain(self, question: Question) -> None:
        lines = wrap(clean(question.help), WIDTH, initial_indent="  ", subsequent_indent="  ")
        for number, choice in enumerate(question.choices, start=1):
            text = f"{clean_line(choice.label)}: {clean(choice.help)}"
            lines += wrap(text, WIDTH, initial_indent=f"  {number}) ", subsequent_indent="     ")
        self.write("".join(line + "\n" for line in lines))
