"""A framework's profile: the section model of fwtui.render.framework, shown literally."""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from fwtui.render.sections import Document
from fwtui.widgets.sections import document_text

# Sections a mode of their own shows: pros and cons (3), the facts (the matrix, 2).
SHOWN_ELSEWHERE = frozenset({"pros", "cons", "facts"})


class FrameworkProfile(Static):
    """The profile of one framework; set :attr:`document` to show another."""

    document: reactive[Document | None] = reactive(None)
    # Data text carries no links: Textual's hover-link check would unpickle every styled
    # segment's meta on each render (about two thirds of a long profile's first draw).
    auto_links = reactive(False)

    def __init__(
        self,
        document: Document | None = None,
        *,
        omit: Collection[str] = SHOWN_ELSEWHERE,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.omit = frozenset(omit)
        # Drawn from the start: the first frame shows the profile complete.
        super().__init__(self._content(document), id=id, classes=classes)
        self.set_reactive(FrameworkProfile.document, document)

    def text_of(self, document: Document) -> Text:
        """The text this widget shows for ``document`` (what a search looks through)."""
        return self._content(document)

    def _content(self, document: Document | None) -> Text:
        return document_text(document, self.omit) if document is not None else Text()

    def watch_document(self, document: Document | None) -> None:
        self.update(self._content(document))
