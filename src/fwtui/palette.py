"""The command palette's entries: every screen, framework, criterion, topic and FAQ entry."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import on
from textual.command import CommandPalette, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.messages import Prune

from fwtui import modes
from fwtui.modes import FAQ, TOPIC
from fwtui.safetext import clean, clean_line, clean_name

if TYPE_CHECKING:
    from fwtui.app import FwtuiApp


def _highlighted(matcher: Matcher, name: str) -> Content:
    """``name`` as literal content with the matched letters highlighted.

    ``Matcher.highlight`` parses its argument as markup: a name holding ``[/users/{id}]``
    would crash the palette and ``[@click=...]`` would become an action.
    """
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _help(text: str) -> str:
    """Help text for a palette hit: one literal line (a description's lines are joined).

    Textual parses a ``str`` help as markup but takes a ``Content`` as it is, so a
    ``Content`` is passed where ``str`` is declared.
    """
    return cast(str, Content(" ".join(clean(text).split())))


class JumpProvider(Provider):
    """Command palette entries: every screen, framework, criterion, topic and FAQ entry.

    Names and help texts come from data: each is one sanitised line, shown as literal
    ``Content``, never as markup.
    """

    def _targets(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast("FwtuiApp", self.app)
        catalog = app.catalog
        targets: list[tuple[str, str, Callable[[], object]]] = []
        for mode in modes.MODES:
            targets.append(
                (f"Screen: {mode.title}", mode.tooltip, partial(app.switch_mode, mode.id))
            )
        for framework in catalog.frameworks.values():
            targets.append(
                (
                    f"Framework: {clean_name(framework.name)}",
                    framework.tagline or "",
                    partial(app.goto_framework, framework.id),
                )
            )
        for criterion in catalog.criteria.values():
            targets.append(
                (
                    f"Criterion: {clean_name(criterion.label)}",
                    criterion.description,
                    partial(app.goto_criterion, criterion.id),
                )
            )
        for topic in catalog.topics.values():
            targets.append(
                (
                    f"Guide: {clean_line(topic.title)}",
                    "Guide topic",
                    partial(app.goto_guide, TOPIC + topic.id),
                )
            )
        for entry in catalog.faq.values():
            targets.append(
                (
                    f"FAQ: {clean_line(entry.question)}",
                    "Question",
                    partial(app.goto_guide, FAQ + entry.id),
                )
            )
        return targets

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._targets():
            score = matcher.match(name)
            if score > 0:
                prompt = _highlighted(matcher, name)
                yield Hit(score, prompt, command, text=name, help=_help(help_text))

    async def discover(self) -> Hits:
        for name, help_text, command in self._targets()[: len(modes.MODES)]:
            yield Hit(1.0, Content(name), command, text=name, help=_help(help_text))


class SafeCommandPalette(CommandPalette):
    """Textual's command palette, safe to close while a search is still running.

    When the palette is removed (the app quits, or a hang-up ends it) Textual removes its
    widgets and then waits for the providers to shut down before it cancels the search; a
    search that resumes in that gap looks for its list, finds none and crashes the app.
    Cancelling the search as soon as the removal begins closes the gap.
    """

    @on(Prune)
    def _stop_searching(self) -> None:
        self.workers.cancel_node(self)
