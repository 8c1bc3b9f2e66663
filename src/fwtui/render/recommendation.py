"""A recommendation as text, Markdown, JSON or a MADR 4.0 architecture decision record.

What is said is built once, as sections (:func:`recommendation_sections`, and
:func:`decision_record_sections` for the ADR's MADR headings from the same parts); the
text and Markdown renderers only lay them out. JSON keeps its own shape: its keys are
the CLI contract.

Every output is deterministic: the same answers and catalog give the same bytes. The
only date (in the ADR) comes from ``SOURCE_DATE_EPOCH`` when it is set, else today (UTC).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

from fwtui.advisor.flips import flip_texts
from fwtui.advisor.scoring import Ranked, Recommendation
from fwtui.catalog.models import QuestionType
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError
from fwtui.render import formats, markdown, text
from fwtui.render.framework import given
from fwtui.render.sections import (
    Bullets,
    Code,
    Document,
    Lines,
    Links,
    Paragraph,
    Score,
    Scores,
    Section,
    Terms,
)
from fwtui.safetext import dumps, quoted

EXPLAINED_RANKS = 3
"""The first entries of the ranking whose reasons and gaps the text shows."""
REASONS_SHOWN = 3
GAPS_SHOWN = 1
FLIPS_SHOWN = 10
"""Changes listed in text and Markdown; JSON lists every one."""
NO_FLIP = "No single change of one answer changes the winner."
FIT_SCALE = (
    "Fit: 100% is the best of the ranked frameworks on every criterion these answers weigh, "
    "0% the worst of them on every one; points are the weighted sum the ranking uses."
)
ALL_ELIMINATED = "Every framework was eliminated by the must-haves below."


def today() -> dt.date:
    """The ADR's date: SOURCE_DATE_EPOCH (reproducible builds) when set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch[:20]), tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={quoted(epoch, 24)} is not a date fwtui can use "
                "(seconds since 1970, up to the year 9999)"
            ) from None
    return dt.datetime.now(tz=dt.timezone.utc).date()


def answer_lines(catalog: Catalog, result: Recommendation) -> tuple[str, ...]:
    """``Prompt: choice label`` for every question asked."""
    lines = []
    for question_id, chosen in result.answers.items():
        question = catalog.questions[question_id]
        labels = {choice.id: choice.label for choice in question.choices}
        shown = ", ".join(labels[c] for c in chosen) if chosen else "none"
        lines.append(f"{question.prompt} {shown}")
    return tuple(lines)


def sentence(text: str) -> str:
    """``text`` with its first letter upper-case; unlike str.capitalize, nothing else changes."""
    return text[:1].upper() + text[1:]


def flip_sentences(
    catalog: Catalog, result: Recommendation, limit: int | None = None
) -> tuple[str, ...]:
    """The changes that would change the winner, the ones a user can act on first."""
    merged = flip_texts(catalog, result.flips)
    shown = merged if limit is None else merged[:limit]
    lines = tuple(sentence(text) for text in shown)
    hidden = len(merged) - len(shown)
    return lines + ((f"... and {hidden} more (the JSON output lists every one)",) if hidden else ())


FRAGMENT_STARTS = frozenset(
    {"runs", "still", "no", "long", "few", "many", "more", "less", "much", "little", "only"}
    | {"very", "mature", "minimal", "strong", "limited", "native", "young", "small", "large"}
    | {"fast", "simple", "easy", "hard", "single", "smaller", "fewer", "larger", "slower"}
    | {"strict", "written", "well", "widely", "clear", "detailed", "thorough", "official"}
)
"""First words of a pro or con written as a fragment ("Maintained by ...", "Still 0.x")."""


def argument(catalog: Catalog, good: bool, text: str) -> str:
    """A pro or con as MADR's bullet, read as a person writes it.

    A sentence follows "Good, because" with its first letter lowered ("the core ..."),
    unless it starts with a name; a fragment ("Maintained under ...") follows "Good:".
    """
    label = "Good" if good else "Bad"
    first = text.split(" ", 1)[0].strip(",.:;()")
    lowered = first.lower()
    if lowered in FRAGMENT_STARTS or (lowered.endswith("ed") and first[:1].isupper()):
        return f"{label}: {text}"
    names = {f.name for f in catalog.frameworks.values()}
    for framework in catalog.frameworks.values():
        names |= {c.name for c in framework.toolkit} | {e.name for e in framework.ecosystem}
    keep = first in names or not first[:1].isupper() or (first[1:] and not first[1:].islower())
    return f"{label}, because {text if keep else text[:1].lower() + text[1:]}"


def counted_lines(
    catalog: Catalog, result: Recommendation, with_musts: bool = True
) -> tuple[str, ...]:
    """What the user said, what fwtui assumed for the project kind, what was not asked."""
    lines = []
    musts: list[str] = []
    for requirement in result.requirements:
        label = catalog.criteria[requirement.criterion].label
        if requirement.said and label not in musts:
            musts.append(label)
    if musts and with_musts:
        lines.append(f"You require: {', '.join(musts)}.")
    said = [label for label in result.said if label not in musts]
    if said:
        lines.append(f"You said these matter: {', '.join(said)}.")
    if result.assumed:
        kind = result.assumed_for[:1].lower() + result.assumed_for[1:]
        lines.append(f"Assumed for {kind or 'this kind of project'}: {', '.join(result.assumed)}.")
    if result.not_considered:
        lines.append(
            "Not considered (left at their defaults): " + ", ".join(result.not_considered) + "."
        )
    return tuple(lines)


def must_rows(result: Recommendation, shown: int | None = None) -> tuple[tuple[str, str], ...]:
    """How each ranked framework meets the user's own must-haves."""
    return tuple(
        (ranked.framework.name, "; ".join(ranked.musts))
        for ranked in result.ranking[:shown]
        if ranked.musts
    )


def bearing_points(result: Recommendation, points: list[Any]) -> list[Any]:
    """The pros or cons about a criterion these answers weigh (for this framework)."""
    return [p for p in points if p.criterion and result.weights.get(p.criterion, 0.0) > 0]


def choice_sentence(catalog: Catalog, result: Recommendation) -> str:
    """The ADR's "Chosen option" sentence: a tie or a close lead is said as such."""
    winner = result.winner
    assert winner is not None
    name = winner.framework.name
    fit = f"{result.percent(winner):.0f}%, a {result.fit(winner)}"
    comparison = result.comparison
    if comparison is not None and comparison.tied:
        others = [r.framework.name for r in result.tied[1:]]
        return (
            f'Chosen option: "{name}", tied with {", ".join(others)} at the same score '
            f"({fit}); it is listed first alphabetically, so weigh the differences below "
            "before deciding:"
        )
    if comparison is not None and comparison.close:
        second = catalog.frameworks[comparison.second].name
        return (
            f'Chosen option: "{name}", ahead of {second} by a close margin ({fit}); either is a '
            "sound choice, and these are its strengths for our answers:"
        )
    return f'Chosen option: "{name}", because it fits our answers best ({fit}):'


def _more(total: int, shown: int, hint: str = "") -> str:
    hidden = total - shown
    return f"... and {hidden} more{hint}" if hidden else ""


# ------------------------------------------------------------------------ sections


def ranking_block(result: Recommendation, shown: int | None = None) -> Scores:
    items = tuple(
        Score(
            rank=index,
            name=ranked.framework.name,
            percent=result.percent(ranked),
            points=ranked.score,
            reasons=ranked.reasons[:REASONS_SHOWN],
            gaps=ranked.gaps[:GAPS_SHOWN],
            explained=index <= EXPLAINED_RANKS,
        )
        for index, ranked in enumerate(result.ranking[:shown], start=1)
    )
    more = _more(len(result.ranking), len(items), "; export (e) for the full ranking")
    return Scores(items, empty=ALL_ELIMINATED, more=more)


def recommendation_sections(
    catalog: Catalog, result: Recommendation, shown: int | None = None
) -> Document:
    """The recommendation as sections, ids ``answers``, ``ranking``, ``versus``,
    ``eliminated`` and ``flips``. ``shown`` limits the ranking and the eliminated to their
    first entries (the TUI, for huge catalogs); the rest are then counted."""
    winner = result.winner
    sections = [
        Section("Answers", (Lines(answer_lines(catalog, result)),), id="answers"),
    ]
    counted = counted_lines(catalog, result)
    if counted:
        sections.append(Section("What counted", (Lines(counted),), id="counted"))
    sections.append(
        Section("Ranking", (ranking_block(result, shown), Paragraph(FIT_SCALE)), id="ranking")
    )
    musts = must_rows(result, shown)
    if musts:
        sections.append(Section("Your must-haves", (Terms(musts),), id="musts"))
    if result.versus:
        sections.append(Section("Why the winner", (Lines(result.versus),), id="versus"))
    if result.eliminated:
        eliminated = result.eliminated[:shown]
        rows = tuple((e.framework.name, e.reason) for e in eliminated)
        more = _more(len(result.eliminated), len(eliminated))
        sections.append(Section("Eliminated", (Terms(rows, more),), id="eliminated"))
    flips = Bullets(flip_sentences(catalog, result, FLIPS_SHOWN), empty=NO_FLIP)
    sections.append(Section("What would change the answer", (flips,), id="flips"))
    title = f"Recommendation: {winner.framework.name if winner else 'none'}"
    return Document(title, tuple(sections))


def good_and_bad(
    pros: list[Any],
    cons: list[Any],
    catalog: Catalog | None = None,
    result: Recommendation | None = None,
) -> Lines:
    """MADR's Good/Bad bullets, read as sentences; with ``result``, only the points about
    criteria these answers weigh."""
    if result is not None:
        pros, cons = bearing_points(result, pros), bearing_points(result, cons)

    def bullet(good: bool, text: str) -> str:
        if catalog is None:
            return f"{'Good' if good else 'Bad'}, because {text}"
        return argument(catalog, good, text)

    lines = tuple(bullet(True, p.text) for p in pros) + tuple(bullet(False, c.text) for c in cons)
    if not lines and result is not None:
        return Lines(("Neither its pros nor its cons touch what these answers weigh.",))
    return Lines(lines)


def decision_record_sections(catalog: Catalog, result: Recommendation, date: dt.date) -> Document:
    """The recommendation under MADR 4.0's headings, as a decision record to fill in."""
    winner = result.winner
    chosen = winner.framework.name if winner else "no framework yet"
    version = catalog.meta.data_version
    situation = {
        "extend": "for an app we already run and extend",
        "migrate": "to migrate an existing app to",
    }.get((result.answers.get("existing_code") or ("",))[0], "for a new project")
    context = Paragraph(
        f"We need a Python web framework {situation}. We described the project and the "
        "team in fwtui's wizard and compared the frameworks of its catalog "
        f"(data version {version})."
    )
    must_haves = []
    for r in result.requirements:
        line = f"Must-have: {r.reason} ({catalog.criteria[r.criterion].label})"
        if line not in must_haves:
            must_haves.append(line)
    drivers = (
        answer_lines(catalog, result)
        + tuple(must_haves)
        + counted_lines(catalog, result, with_musts=False)
    )
    options = tuple(r.framework.name for r in result.ranking) + tuple(
        f"{e.framework.name} (ruled out)" for e in result.eliminated
    )
    if winner is None:
        outcome = Section(
            "Decision Outcome",
            (
                Paragraph(
                    "No option meets every must-have; relax one of them (see More Information)."
                ),
            ),
        )
    else:
        chosen_line = choice_sentence(catalog, result)
        confirmation = (
            "Replay the answers file with ",
            Code("fwtui recommend --answers FILE"),
            " when the catalog or the project changes, "
            "and review this record if the winner changes.",
        )
        pros, cons = winner.framework.pros, winner.framework.cons
        outcome = Section(
            "Decision Outcome",
            (Paragraph(chosen_line), Lines(winner.reasons)),
            (
                Section("Consequences", (good_and_bad(pros, cons, catalog, result),)),
                Section("Confirmation", (Paragraph(confirmation),)),
            ),
        )
    options_detail = tuple(
        Section(
            r.framework.name,
            (
                Paragraph(given(r.framework.tagline)),
                good_and_bad(r.framework.pros, r.framework.cons, catalog, result),
            ),
        )
        for r in result.ranking
    ) + tuple(
        Section(e.framework.name, (Lines((f"Ruled out: {e.reason}.",)),)) for e in result.eliminated
    )
    more: list[Any] = [
        Lines(result.versus + (flip_sentences(catalog, result, FLIPS_SHOWN) or (NO_FLIP,))),
        Paragraph(FIT_SCALE),
    ]
    sources = sorted({str(url) for r in result.ranking[:2] for url in r.framework.sources})
    if sources:
        more += [Paragraph("Sources:"), Links(tuple(sources))]
    return Document(
        f"Use {chosen} as the web framework",
        (
            Section("Context and Problem Statement", (context,)),
            Section("Decision Drivers", (Lines(drivers),)),
            Section("Considered Options", (Lines(options),)),
            outcome,
            Section("Pros and Cons of the Options", subsections=options_detail),
            Section("More Information", tuple(more)),
        ),
        meta=(
            ("status", "proposed"),
            ("date", date.isoformat()),
            ("decision-makers", "(fill in)"),
        ),
    )


# ------------------------------------------------------------------------ renderers


def render_text(
    catalog: Catalog, result: Recommendation, width: int = text.WIDTH, shown: int | None = None
) -> str:
    """The recommendation for a terminal, wrapped to ``width`` columns (at least 40).

    ``shown`` limits the ranking to its first entries (the TUI, for huge catalogs); the
    eliminated frameworks are then counted rather than listed.
    """
    document = recommendation_sections(catalog, result, shown)
    return text.sections_text(document.sections, width, closing_line(catalog))


def closing_line(catalog: Catalog) -> str:
    """The last line of the text formats: the data version and the tie rule."""
    return f"Data {catalog.meta.data_version}. Ties are ordered by framework id."


def render_markdown(catalog: Catalog, result: Recommendation) -> str:
    colophon = f"Data version {catalog.meta.data_version}, generated by fwtui."
    return markdown.render_with_colophon(recommendation_sections(catalog, result), colophon)


def render_adr(catalog: Catalog, result: Recommendation) -> str:
    """A decision record with MADR 4.0's sections, filled from the recommendation."""
    return markdown.render_document(decision_record_sections(catalog, result, today()), bullet="*")


# ---------------------------------------------------------------------------- JSON


def to_json(catalog: Catalog, result: Recommendation) -> dict[str, Any]:
    def contributions(ranked: Ranked) -> dict[str, float]:
        return {c.criterion: round(c.value, 6) for c in ranked.contributions if c.weight > 0}

    tied_with_winner = {id(ranked) for ranked in result.tied[1:]}  # a set: ties can be many
    return {
        "data_version": catalog.meta.data_version,
        "catalog_hash": catalog.content_hash,
        "answers": {
            qid: list(chosen) if catalog.questions[qid].type is QuestionType.multi else chosen[0]
            for qid, chosen in result.answers.items()
        },
        "ignored_answers": list(result.ignored),
        "weights": {cid: round(w, 6) for cid, w in result.weights.items() if w > 0},
        "requirements": [
            {
                "criterion": r.criterion,
                "allowed": list(r.allowed),
                "reason": r.reason,
                "question": r.question,
                "said": r.said,
            }
            for r in result.requirements
        ],
        "said": list(result.said),
        "assumed": list(result.assumed),
        "assumed_for": result.assumed_for,
        "not_considered": list(result.not_considered),
        "percent_scale": FIT_SCALE,
        "ranking": [
            {
                "rank": index,
                "id": ranked.framework.id,
                "name": ranked.framework.name,
                "score": round(ranked.score, 6),
                "percent": round(result.percent(ranked), 2),
                "fit": result.fit(ranked),
                "tied_with_winner": id(ranked) in tied_with_winner,
                "musts": list(ranked.musts),
                "contributions": contributions(ranked),
                "reasons": list(ranked.reasons),
                "gaps": list(ranked.gaps),
            }
            for index, ranked in enumerate(result.ranking, start=1)
        ],
        "eliminated": [
            {"id": e.framework.id, "name": e.framework.name, "reason": e.reason}
            for e in result.eliminated
        ],
        "versus": list(result.versus),
        "flips": [
            {
                "question": flip.question,
                "from": list(flip.old),
                "to": list(flip.new),
                "winner": flip.winner,
                "tie_with": flip.tie_with,
                "actionable": flip.actionable,
                "text": flip.text,
            }
            for flip in result.flips
        ],
        "tie_rule": "equal scores are ordered by framework id, alphabetically",
    }


def render_json(catalog: Catalog, result: Recommendation) -> str:
    return dumps(to_json(catalog, result)) + "\n"


Renderer = Callable[[Catalog, Recommendation], str]
RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "adr": render_adr,
}
"""Every format of ``fwtui recommend``, by name."""
FORMATS = formats.RECOMMEND


def render(catalog: Catalog, result: Recommendation, fmt: str) -> str:
    return RENDERERS[fmt](catalog, result)
