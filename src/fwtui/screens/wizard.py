"""Wizard: one question per step, then the explained recommendation with exports."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from fwtui.advisor.answers import Answers
from fwtui.advisor.scoring import Ranked, Recommendation, asked_questions, recommend
from fwtui.advisor.steps import step_count
from fwtui.catalog.models import Question, QuestionType
from fwtui.errors import DataError, UsageError, Warnings
from fwtui.gcpause import cyclic_gc_paused
from fwtui.keymap import read_failure
from fwtui.paths import state_dir
from fwtui.persist import LAST_ANSWERS, load_last_answers, save_last_answers
from fwtui.render.recommendation import render_text
from fwtui.screens.common import (
    FwScreen,
    literal,
    literal_line,
    literal_name,
)
from fwtui.screens.confirm import ConfirmScreen
from fwtui.screens.export import ExportScreen
from fwtui.screens.name import NameScreen
from fwtui.widgets.lists import FollowingOptionList, FwOptionList, FwScroll
from fwtui.widgets.marks import hint
from fwtui.widgets.selection import FollowingSelectionList

RANKING = "wizard.ranking"
"""The worker group of a ranking in progress (at most one: a newer one cancels it)."""

# The result lists this many ranked (and eliminated) frameworks; exports carry them all.
RESULT_ROWS = 30
# `c` on the result sends this many of the top frameworks to the matrix and pros & cons.
COMPARED = 3
MIN_COMPARED = 2


class WizardScreen(FwScreen):
    """Enter picks and goes on, Space ticks (multi), b goes back, s skips."""

    ranking: Worker[Recommendation] | None = None
    """The ranking being worked out in a thread, if any."""

    RANK_IN_BACKGROUND_FROM = 200
    """Catalogs of this many frameworks are ranked in a thread worker. The bundled twelve
    take a few milliseconds; 10,000 take seconds."""

    BINDINGS = [
        Binding("enter", "next", "Next", id="wizard.next", priority=True),
        Binding("b", "back", "Back", id="wizard.back"),
        Binding("escape", "back", "Back", show=False, id="wizard.escape"),
        Binding("s", "skip", "Skip", id="wizard.skip", tooltip="Use the default answer"),
        Binding("r", "restart", "Restart", id="wizard.restart", tooltip="Asks first"),
        Binding(
            "c",
            "compare",
            "Compare top 3",
            id="wizard.compare",
            tooltip="The top three in the matrix and in pros & cons",
        ),
        Binding(
            "w", "save_answers", "Save", id="wizard.save_answers", tooltip="Save the answers file"
        ),
        Binding("e", "export", "Export", id="wizard.export", tooltip="Markdown, JSON or ADR"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.given: dict[str, tuple[str, ...]] = {}
        self.step = 0
        self.result: Recommendation | None = None
        self.who: str | None = None
        """The name given when the answers were last saved (asked again, prefilled)."""

    def compose(self) -> ComposeResult:
        yield from self.compose_frame()
        with ContentSwitcher(initial="wizard-question", id="wizard"):
            with Vertical(id="wizard-question"):
                yield Static(id="wizard-step")
                yield Static(id="wizard-prompt")
                yield Static(id="wizard-help")
                yield FollowingOptionList(id="wizard-single", follow=self._choice_highlighted)
                yield FollowingSelectionList[str](
                    id="wizard-multi", follow=self._choice_highlighted
                )
                yield Static(id="wizard-choice-help")
                yield Static(id="wizard-keys")
            with Vertical(id="wizard-result"):
                yield Static(
                    Text("Ranking: Enter opens a framework's overview", style="bold"),
                    id="wizard-ranking-title",
                )
                yield FwOptionList(id="wizard-ranking")
                with FwScroll(id="wizard-explained", can_focus=True):
                    yield Static(id="wizard-result-text")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.show_question()
        answers, notices = self._last_answers()
        for notice in notices[:3]:
            self.notify(notice, severity="warning", timeout=8)
        if answers:

            def resume(yes: bool | None) -> None:
                if yes:
                    self.load_answers(answers)

            self.app.push_screen(
                ConfirmScreen("Resume with the answers from last time? (y/n)"), resume
            )

    def _last_answers(self) -> tuple[Answers | None, Warnings]:
        """The saved answers and notices about them; a broken state file is one notice."""
        notices: Warnings = []
        try:
            return load_last_answers(self.catalog, notices), notices
        except (DataError, UsageError) as error:
            reason = error.problems[0] if isinstance(error, DataError) else error
            return None, [*notices, f"Ignored the saved answers: {reason}"]
        except Exception as error:  # never crash over a state file
            path = state_dir() / LAST_ANSWERS
            return None, [*notices, f"Ignored the saved answers: {read_failure(path, error)}"]

    # ---------------------------------------------------------------- questions

    def asked(self) -> list[Question]:
        return asked_questions(self.catalog, self.given)

    def current_question(self) -> Question:
        asked = self.asked()
        self.step = max(0, min(self.step, len(asked) - 1))
        return asked[self.step]

    def current_answer(self, question: Question) -> tuple[str, ...]:
        return self.given.get(question.id, tuple(question.default))

    def show_question(self) -> None:
        if self.ranking is not None:
            self.ranking.cancel()
            self.ranking = None
        self.query_one("#wizard", ContentSwitcher).current = "wizard-question"
        self.result = None
        question = self.current_question()
        count = step_count(self.catalog, self.given, self.step)
        self.query_one("#wizard-step", Static).update(Text(str(count), style="bold"))
        self.sub_title = "Questions"
        self.query_one("#wizard-prompt", Static).update(literal_line(question.prompt, "bold"))
        self.query_one("#wizard-help", Static).update(literal(question.help))
        single = self.query_one("#wizard-single", OptionList)
        multi: SelectionList[str] = self.query_one("#wizard-multi", SelectionList)
        answer = self.current_answer(question)
        if question.type is QuestionType.single:
            single.clear_options()
            single.add_options([Option(literal_name(c.label), id=c.id) for c in question.choices])
            ids = [c.id for c in question.choices]
            single.highlighted = ids.index(answer[0]) if answer and answer[0] in ids else 0
            single.display, multi.display = True, False
            single.focus()
            keys = "↑↓ choose · Enter next · b back · s skip (use the default)"
        else:
            multi.clear_options()
            multi.add_options(
                [(literal_name(c.label), c.id, c.id in answer) for c in question.choices]
            )
            multi.highlighted = 0
            single.display, multi.display = False, True
            multi.focus()
            keys = "↑↓ move · Space tick · Enter next · b back · s skip"
        self.query_one("#wizard-keys", Static).update(Text(hint(self, keys), style="dim"))
        self.show_choice_help()

    def show_choice_help(self) -> None:
        question = self.current_question()
        widget = (
            self.query_one("#wizard-single", OptionList)
            if question.type is QuestionType.single
            else self.query_one("#wizard-multi", SelectionList)
        )
        index = widget.highlighted
        help_text = question.choices[index].help if index is not None else ""
        self.query_one("#wizard-choice-help", Static).update(literal(help_text, "italic"))

    def _choice_highlighted(self, _option: Option) -> None:
        if self.result is None:  # the choice's help, in the same frame as the list
            self.show_choice_help()

    def record(self) -> None:
        question = self.current_question()
        if question.type is QuestionType.single:
            index = self.query_one("#wizard-single", OptionList).highlighted
            if index is not None:
                self.given[question.id] = (question.choices[index].id,)
        else:
            selected = set(self.query_one("#wizard-multi", SelectionList).selected)
            self.given[question.id] = tuple(c.id for c in question.choices if c.id in selected)

    def advance(self) -> None:
        asked = self.asked()
        if self.step + 1 < len(asked):
            self.step += 1
            self.show_question()
        else:
            self.show_result()

    # ------------------------------------------------------------------ actions

    def action_next(self) -> None:
        if self.result is not None:
            return
        self.record()
        self.advance()

    def action_skip(self) -> None:
        if self.result is not None:
            return
        self.given.pop(self.current_question().id, None)
        self.advance()

    def action_back(self) -> None:
        if self.result is not None:
            self.step = len(self.asked()) - 1
            self.show_question()
        elif self.step > 0:
            self.record()
            self.step -= 1
            self.show_question()

    def action_restart(self) -> None:
        if not self.given and self.result is None:
            self.start_again()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.start_again()

        self.app.push_screen(ConfirmScreen("Discard your answers and start again? (y/n)"), answered)

    def start_again(self) -> None:
        self.given = {}
        self.step = 0
        self.show_question()

    def action_compare(self) -> None:
        if self.result is None:
            return
        top = [ranked.framework.id for ranked in self.result.ranking[:COMPARED]]
        if len(top) < MIN_COMPARED:
            self.notify("Fewer than two frameworks are left to compare.")
            return
        self.app.call_later(self.fw_app().compare, top)

    # ------------------------------------------------------------------- result

    def show_result(self) -> None:
        """Rank the frameworks for the answers given. A large catalog is ranked in a thread
        while the screen says so, so the last Enter never holds up the keyboard."""
        # Answers kept for questions no longer asked (after going back) stay out of the
        # result, so that it is the one the saved answers file replays.
        asked = {question.id for question in self.asked()}
        kept = {qid: choices for qid, choices in self.given.items() if qid in asked}
        count = len(self.catalog.frameworks)
        if count < self.RANK_IN_BACKGROUND_FROM:
            self.present(recommend(self.catalog, kept))
            return
        self.query_one("#wizard-step", Static).update(
            literal_line(f"Ranking {count:,} frameworks for your answers…")
        )
        catalog = self.catalog

        def rank_and_remember() -> Recommendation:
            with cyclic_gc_paused():  # its full collections would stop the interface too
                result = recommend(catalog, kept)
                # Here, not in present(): the answers file records a digest of every
                # framework's levels, about 0.8 s of work at 10,000 frameworks.
                save_last_answers(catalog, result.answers)
            return result

        self.ranking = self.run_worker(
            rank_and_remember, thread=True, exclusive=True, group=RANKING
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self.ranking:  # cancelled by going back, or superseded
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, Recommendation):
            self.present(event.worker.result, remembered=True)
        elif event.state is WorkerState.ERROR:
            self.notify(f"The ranking failed: {event.worker.error}", severity="error")

    def present(self, result: Recommendation, remembered: bool = False) -> None:
        """Show ``result`` and remember its answers for next time (unless the ranking
        worker has already)."""
        self.result = result
        if not remembered:
            save_last_answers(self.catalog, self.answers())
        self.sub_title = "Result"
        ranking = self.query_one("#wizard-ranking", OptionList)
        ranking.clear_options()
        ranking.add_options(
            [
                Option(self.ranking_line(number, ranked), id=ranked.framework.id)
                for number, ranked in enumerate(self.result.ranking[:RESULT_ROWS], start=1)
            ]
        )
        if ranking.option_count:
            ranking.highlighted = 0
        width = self.query_one("#wizard", ContentSwitcher).size.width - 6
        shown = render_text(self.catalog, self.result, width, shown=RESULT_ROWS)
        text = Text()
        text.append("Recommendation\n", style="bold")
        text.append(literal(shown))
        self.query_one("#wizard-result-text", Static).update(text)
        self.query_one("#wizard", ContentSwitcher).current = "wizard-result"
        self.query_one("#wizard-explained", VerticalScroll).scroll_home(animate=False)
        (ranking if ranking.option_count else self.query_one("#wizard-explained")).focus()

    def ranking_line(self, number: int, ranked: Ranked) -> Text:
        assert self.result is not None
        line = Text(f"{number:>2}. ")
        line.append(literal_name(ranked.framework.name))
        line.append(f"  {self.result.percent(ranked):.0f}%", style="dim")
        return line

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "wizard-ranking" and event.option.id is not None:
            # Switched by the app, not inside this screen's own handler.
            self.app.call_later(self.fw_app().goto_framework, event.option.id)

    def answers(self) -> Answers:
        return self.result.answers if self.result is not None else dict(self.given)

    def action_save_answers(self) -> None:
        if self.result is None:
            self.notify("Finish the wizard first (Enter on the last question).")
            return
        result = self.result

        def named(who: str | None) -> None:
            if who is None:
                return  # Escape: no save
            self.who = who or None
            dialog = ExportScreen(self.catalog, result, "answers")
            dialog.who = self.who
            self.app.push_screen(dialog)

        self.app.push_screen(NameScreen(self.who), named)

    def action_export(self) -> None:
        if self.result is None:
            self.notify("Finish the wizard first (Enter on the last question).")
            return
        dialog = ExportScreen(self.catalog, self.result, "markdown")
        dialog.who = self.who  # an answers file chosen here keeps the name given with w
        self.app.push_screen(dialog)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_result = self.result is not None
        if action in ("save_answers", "export", "compare"):
            return in_result
        if action in ("next", "skip"):
            return not in_result
        return True

    def load_answers(self, answers: Answers) -> None:
        """Start the wizard again from ``answers`` (resuming last time's)."""
        self.given = dict(answers)
        self.step = 0
        self.show_question()
