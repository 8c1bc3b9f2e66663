"""A team's decision as text, Markdown, JSON or a MADR 4.0 decision record (no Textual).

Like a single recommendation, every output is deterministic: the same answers and catalog
give the same bytes, whatever the order of the files (people are ordered by name). The
ADR's date comes from ``SOURCE_DATE_EPOCH`` when it is set, else today (UTC).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from fwtui.advisor.answers import answers_document
from fwtui.advisor.team import (
    Agreement,
    Change,
    Choice,
    Disagreement,
    Member,
    TeamResult,
)
from fwtui.catalog.models import Question, QuestionType
from fwtui.catalog.store import Catalog
from fwtui.render import formats, markdown, text
from fwtui.render.framework import given
from fwtui.render.recommendation import (
    answer_lines,
    closing_line,
    good_and_bad,
    sentence,
    today,
)
from fwtui.render.sections import (
    Block,
    Bullets,
    Code,
    Document,
    Lines,
    Links,
    Paragraph,
    Section,
    Table,
    Terms,
    Verbatim,
)
from fwtui.safetext import clean_line, dumps, fit

NAME_COLUMN = 16
PERSON_COLUMN = 7
ADR_OPTIONS_DETAILED = 5
"""The ADR details this many of the best options (and every one ruled out)."""
METHOD = (
    "each person's scores are divided by their own best score (their fit, 100 % for their "
    "own top pick); the team score is the mean fit; a must-have of anyone eliminates for "
    "everyone; equal scores are ordered by framework id"
)
CONSENSUS_DEFINITION = (
    "Kendall's W of the people's rankings of the frameworks still standing: 100 % when "
    "everyone ranks them in the same order, near 0 % when the orders are unrelated"
)
CONSULTED = "consulted"
INFORMED = "informed"


# ---------------------------------------------------------------------------- words


def person_label(member: Member) -> str:
    role = member.person.role
    return f"{member.who} ({role})" if role else member.who


def framework_name(catalog: Catalog, framework_id: str | None) -> str:
    if framework_id is None:
        return "no framework (every one eliminated)"
    return catalog.frameworks[framework_id].name


def answer_label(question: Question, answer: Choice | None) -> str:
    if answer is None:
        return "not asked"
    labels = {choice.id: choice.label for choice in question.choices}
    return ", ".join(labels[c] for c in answer) if answer else "none"


def percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def change_text(catalog: Catalog, change: Change) -> str:
    question = catalog.questions[change.question]
    return (
        f"{change.who}: '{question.prompt}' {answer_label(question, change.new)} "
        f"instead of {answer_label(question, change.old)}"
    )


def agreement_blocks(catalog: Catalog, agreement: Agreement, people: int) -> tuple[Block, ...]:
    """What it would take to agree: one sentence, then the changes by person and question."""
    searched = f"{agreement.tried} answer sets tried"
    if not agreement.complete:
        searched += "; the search stopped at its limit, so a shorter way may exist"
    if agreement.framework is None:
        return (Paragraph(f"No common top pick within two changes per person ({searched})."),)
    name = agreement.framework.name
    if not agreement.changes:
        everyone = "Everyone" if people > 1 else "The only person"
        return (Paragraph(f"{everyone} already has {name} as their own top pick."),)
    count = len(agreement.changes)
    return (
        Paragraph(
            f"{count} change{'s' if count != 1 else ''} would give everyone {name} as their "
            f"own top pick ({searched}):"
        ),
        Bullets(tuple(change_text(catalog, change) for change in agreement.changes)),
    )


def disagreement_section(catalog: Catalog, disagreement: Disagreement) -> Section:
    """Who answered what (``- label: names``), then each answer that moves the pick."""
    question = disagreement.question
    groups = Bullets(
        tuple(
            f"{answer_label(question, group.answer)}: {', '.join(group.people)}"
            for group in disagreement.groups
        )
    )
    movers = tuple(
        f"Moves the pick: with {mover.who} answering {answer_label(question, mover.new)}, "
        f"it would be {framework_name(catalog, mover.pick)}"
        for mover in disagreement.movers
    )
    return Section(question.prompt, (groups, Lines(movers)) if movers else (groups,))


def veto_rows(result: TeamResult) -> tuple[tuple[str, str], ...]:
    """One row per distinct set of reasons, naming every framework it eliminates."""
    grouped: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for veto in result.vetoes:
        grouped.setdefault(veto.by, []).append(veto.framework.name)
    return tuple(
        (", ".join(names), "; ".join(f"{who}'s must-have ({why})" for who, why in by))
        for by, names in grouped.items()
    )


def top_three(member: Member) -> str:
    result = member.result
    if not result.ranking:
        return "every framework eliminated"
    return ", ".join(f"{r.framework.name} {result.percent(r):.1f} %" for r in result.ranking[:3])


def acceptable_line(catalog: Catalog, result: TeamResult) -> str:
    names = [catalog.frameworks[fid].name for fid in result.acceptable]
    within = f"within {100 * result.margin:.0f} % of each person's own best"
    return f"Acceptable to everyone ({within}): {', '.join(names) if names else 'none'}"


def headline(catalog: Catalog, result: TeamResult) -> tuple[str, ...]:
    pick = result.pick
    people = ", ".join(person_label(m) for m in result.members)
    count = len(result.members)
    lines = [f"Team of {count}: {people}"]
    if pick is None:
        lines.append("Consensus pick: none; every framework is eliminated by someone's must-have")
    else:
        lines.append(
            f"Consensus pick: {pick.framework.name} "
            f"(team score {percent(pick.score)}: the mean of everyone's fit)"
        )
    lines.append(f"Consensus: {result.consensus:.1f} % ({CONSENSUS_DEFINITION})")
    lines.append(acceptable_line(catalog, result))
    return tuple(lines)


# ---------------------------------------------------------------------------- JSON


def _answer_json(question: Question, answer: Choice | None) -> Any:
    if answer is None:
        return None
    return list(answer) if question.type is QuestionType.multi else answer[0]


def to_json(catalog: Catalog, result: TeamResult) -> dict[str, Any]:
    def answers(member: Member) -> dict[str, Any]:
        return {
            qid: _answer_json(catalog.questions[qid], chosen)
            for qid, chosen in member.result.answers.items()
        }

    return {
        "data_version": catalog.meta.data_version,
        "catalog_hash": catalog.content_hash,
        "method": METHOD,
        "people": [
            {
                "who": m.who,
                "role": m.person.role,
                "file": m.person.source,
                "answers": answers(m),
                "top": [
                    {
                        "id": r.framework.id,
                        "name": r.framework.name,
                        "score": round(r.score, 6),
                        "percent": round(m.result.percent(r), 2),
                    }
                    for r in m.result.ranking[:3]
                ],
                "eliminated": [e.framework.id for e in m.result.eliminated],
            }
            for m in result.members
        ],
        "pick": result.pick.framework.id if result.pick else None,
        "consensus": round(result.consensus, 2),
        "consensus_definition": CONSENSUS_DEFINITION,
        "margin": result.margin,
        "acceptable": list(result.acceptable),
        "ranking": [
            {
                "rank": index,
                "id": item.framework.id,
                "name": item.framework.name,
                "score": round(item.score, 6),
                "contributions": [
                    {"who": s.who, "fit": round(s.fit, 6), "share": round(s.share, 6)}
                    for s in item.shares
                ],
            }
            for index, item in enumerate(result.ranking, start=1)
        ],
        "eliminated": [
            {
                "id": v.framework.id,
                "name": v.framework.name,
                "by": [{"who": who, "reason": why} for who, why in v.by],
            }
            for v in result.vetoes
        ],
        "disagreements": [
            {
                "question": d.question.id,
                "prompt": d.question.prompt,
                "answers": [
                    {"answer": _answer_json(d.question, g.answer), "who": list(g.people)}
                    for g in d.groups
                ],
                "moves_the_pick": [
                    {
                        "who": mover.who,
                        "from": _answer_json(d.question, mover.old),
                        "to": _answer_json(d.question, mover.new),
                        "pick": mover.pick,
                    }
                    for mover in d.movers
                ],
            }
            for d in result.disagreements
        ],
        "to_agree": {
            "pick": result.agreement.framework.id if result.agreement.framework else None,
            "changes": [
                {
                    "who": c.who,
                    "question": c.question,
                    "from": _answer_json(catalog.questions[c.question], c.old),
                    "to": _answer_json(catalog.questions[c.question], c.new),
                }
                for c in result.agreement.changes
            ],
            "answer_sets_tried": result.agreement.tried,
            "complete": result.agreement.complete,
        },
        "warnings": list(result.warnings),
        "tie_rule": "equal scores are ordered by framework id, alphabetically",
    }


def render_json(catalog: Catalog, result: TeamResult) -> str:
    return dumps(to_json(catalog, result)) + "\n"


# ------------------------------------------------------------------------ sections


def ranking_table(result: TeamResult, width: int | None = None) -> Table:
    """The consensus ranking with everyone's fit side by side: a column each, unless
    ``width`` (text) is too narrow for them; then the lowest fit and whose it is."""
    members = result.members
    side_by_side = width is None or NAME_COLUMN + 18 + PERSON_COLUMN * len(members) <= width
    if side_by_side:
        header = ("Rank", "Framework", "Team", *(fit(m.who, PERSON_COLUMN - 1) for m in members))
    else:
        header = ("Rank", "Framework", "Team", "Lowest fit")
    rows = []
    for index, item in enumerate(result.ranking, start=1):
        cells = [str(index), fit(item.framework.name, NAME_COLUMN), percent(item.score)]
        if side_by_side:
            cells += [f"{100 * s.fit:.0f} %" for s in item.shares]
        else:
            low = min(item.shares, key=lambda s: (round(s.fit, 9), s.who.casefold()))
            cells.append(f"{100 * low.fit:.0f} % ({low.who})")
        rows.append(tuple(cells))
    right = (0, 2, *range(3, len(header))) if side_by_side else (0, 2)
    return Table(header, tuple(rows), right)


def team_sections(catalog: Catalog, result: TeamResult, width: int | None = None) -> Document:
    """The team's result as sections, ids ``summary``, ``people``, ``ranking``,
    ``eliminated``, ``disagreements``, ``agreement`` and ``warnings``. ``width`` is the
    text's (None: Markdown, where every person gets a column)."""
    count = len(result.members)
    ranking: tuple[Block, ...] = (Paragraph(sentence(METHOD) + "."),)
    if result.ranking:
        ranking += (
            ranking_table(result, width),
            Paragraph(
                f"Each person adds their fit divided by {count}; the shares add up to the "
                "team score."
            ),
        )
    else:
        ranking += (Paragraph("Every framework was eliminated by someone's must-have."),)
    people = Terms(tuple((person_label(m), top_three(m)) for m in result.members))
    sections = [
        Section("Summary", (Lines(headline(catalog, result)),), id="summary"),
        Section(
            "Each person's top three (fit as fwtui recommend shows it)", (people,), id="people"
        ),
        Section("Consensus ranking", ranking, id="ranking"),
    ]
    if result.vetoes:
        rows = veto_rows(result)
        sections.append(Section("Eliminated for everyone", (Terms(rows),), id="eliminated"))
    disagreements = tuple(disagreement_section(catalog, d) for d in result.disagreements)
    none = () if disagreements else (Paragraph("None: everyone gave the same answers."),)
    sections.append(Section("Disagreements", none, disagreements, id="disagreements"))
    agreement = agreement_blocks(catalog, result.agreement, count)
    sections.append(Section("What it would take to agree", agreement, id="agreement"))
    if result.warnings:
        warnings = Bullets(result.warnings)
        sections.append(Section("Warnings", (warnings,), id="warnings"))
    pick = result.pick
    title = f"Team decision: {pick.framework.name if pick else 'none'}"
    return Document(title, tuple(sections))


def render_text(catalog: Catalog, result: TeamResult, width: int = text.WIDTH) -> str:
    width = max(text.MIN_WIDTH, width)
    document = team_sections(catalog, result, width)
    return text.sections_text(document.sections, width, closing_line(catalog))


def render_markdown(catalog: Catalog, result: TeamResult) -> str:
    colophon = f"Data version {catalog.meta.data_version}, generated by fwtui team."
    return markdown.render_with_colophon(team_sections(catalog, result), colophon)


# ----------------------------------------------------------------------------- ADR

_PLAIN_YAML = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,()'\-]*")


def _yaml_scalar(text: str) -> str:
    """A front-matter value: plain when it is safe, else a JSON (hence YAML) string."""
    if _PLAIN_YAML.fullmatch(text) and not text.endswith(" "):
        return text
    return dumps(text).strip()


def _role_kind(member: Member) -> str:
    role = (member.person.role or "").strip().casefold()
    if role in (CONSULTED, INFORMED):
        return role
    return "decision-makers"


def front_matter(result: TeamResult, date: dt.date) -> tuple[tuple[str, str], ...]:
    """MADR 4.0's front matter: everyone is a decision-maker unless their role says
    ``consulted`` or ``informed``."""
    groups: dict[str, list[str]] = {"decision-makers": [], CONSULTED: [], INFORMED: []}
    for member in result.members:
        kind = _role_kind(member)
        groups[kind].append(person_label(member) if kind == "decision-makers" else member.who)
    meta = [("status", "proposed"), ("date", date.isoformat())]
    meta += [
        (key, _yaml_scalar(clean_line(", ".join(names)))) for key, names in groups.items() if names
    ]
    return tuple(meta)


def _outcome(result: TeamResult) -> Section:
    pick = result.pick
    if pick is None:
        text_ = (
            "No option meets everyone's must-haves; someone must relax one (see More Information)."
        )
        return Section("Decision Outcome", (Paragraph(text_),))
    because = (
        f'Chosen option: "{pick.framework.name}", because it has the highest team score '
        f"({percent(pick.score)}, the mean of each person's fit):"
    )
    fits = []
    for share, member in zip(pick.shares, result.members, strict=True):
        own = member.result.winner
        fits.append(
            f"{member.who}: {100 * share.fit:.0f} % of their own best "
            f"(their own top pick: {own.framework.name if own else 'none'})"
        )
    confirmation = (
        "Replay everyone's answers (the appendix) with ",
        Code("fwtui team FILE..."),
        " when the catalog or the project changes, and review this record if the pick changes.",
    )
    framework = pick.framework
    return Section(
        "Decision Outcome",
        (Paragraph(because), Lines(tuple(fits))),
        (
            Section("Consequences", (good_and_bad(framework.pros, framework.cons),)),
            Section("Confirmation", (Paragraph(confirmation),)),
        ),
    )


def _appendix(catalog: Catalog, result: TeamResult) -> Section:
    people = tuple(
        Section(
            person_label(member),
            (
                Verbatim(
                    answers_document(
                        catalog, member.result.answers, None, member.who, member.person.role
                    ).rstrip("\n"),
                    "yaml",
                ),
                Lines(answer_lines(catalog, member.result)),
            ),
        )
        for member in result.members
    )
    intro = (
        "Each block is an answers file: save it and replay it with ",
        Code("fwtui recommend --answers FILE"),
        ", or all of them with ",
        Code("fwtui team"),
        ".",
    )
    return Section("Appendix: everyone's answers", (Paragraph(intro),), people)


def decision_record_sections(catalog: Catalog, result: TeamResult, date: dt.date) -> Document:
    """The team's result under MADR 4.0's headings, with everyone's answers appended."""
    pick = result.pick
    chosen = pick.framework.name if pick else "no framework yet"
    context = Paragraph(
        f"We need a Python web framework for a new project. {len(result.members)} of us "
        "described the project and the team in fwtui's wizard, each on their own, and fwtui "
        f"combined the answers into one ranking (data version {catalog.meta.data_version})."
    )
    drivers = list(headline(catalog, result)[1:])
    for member in result.members:
        musts = [r.reason for r in member.result.requirements]
        if musts:
            drivers.append(f"Must-haves of {member.who}: {'; '.join(musts)}")
    for disagreement in result.disagreements:
        groups = "; ".join(
            f"{answer_label(disagreement.question, g.answer)}: {', '.join(g.people)}"
            for g in disagreement.groups
        )
        drivers.append(f"We differ on '{disagreement.question.prompt}' ({groups})")
    options = tuple(item.framework.name for item in result.ranking) + tuple(
        f"{v.framework.name} (ruled out)" for v in result.vetoes
    )
    details = tuple(
        Section(
            item.framework.name,
            (
                Paragraph(given(item.framework.tagline)),
                Lines(
                    (
                        f"Neutral, because its team score is {percent(item.score)} "
                        f"(lowest fit {100 * min(s.fit for s in item.shares):.0f} %)",
                    )
                ),
                good_and_bad(item.framework.pros, item.framework.cons),
            ),
        )
        for item in result.ranking[:ADR_OPTIONS_DETAILED]
    ) + tuple(
        Section(
            veto.framework.name,
            (
                Lines(
                    tuple(
                        f"Bad, because {who}'s must-have rules it out: {why}"
                        for who, why in veto.by
                    )
                ),
            ),
        )
        for veto in result.vetoes
    )
    more = [f"Consensus {result.consensus:.1f} %: {CONSENSUS_DEFINITION}.", f"Method: {METHOD}."]
    for disagreement in result.disagreements:
        for mover in disagreement.movers:
            more.append(
                f"If {mover.who} answered '{disagreement.question.prompt}' with "
                f"{answer_label(disagreement.question, mover.new)}, the pick would be "
                f"{framework_name(catalog, mover.pick)}."
            )
    information: list[Block] = [Lines(tuple(more))]
    information += agreement_blocks(catalog, result.agreement, len(result.members))
    sources = sorted({str(url) for item in result.ranking[:2] for url in item.framework.sources})
    if sources:
        information += [Paragraph("Sources:"), Links(tuple(sources))]
    return Document(
        f"Use {chosen} as the web framework",
        (
            Section("Context and Problem Statement", (context,)),
            Section("Decision Drivers", (Lines(tuple(drivers)),)),
            Section("Considered Options", (Lines(options),)),
            _outcome(result),
            Section("Pros and Cons of the Options", subsections=details),
            Section("More Information", tuple(information)),
            _appendix(catalog, result),
        ),
        meta=front_matter(result, date),
    )


def render_adr(catalog: Catalog, result: TeamResult) -> str:
    """MADR 4.0 sections filled from the team's result, with everyone's answers appended."""
    return markdown.render_document(decision_record_sections(catalog, result, today()), bullet="*")


Renderer = Callable[[Catalog, TeamResult], str]
RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "adr": render_adr,
}
"""Every format of ``fwtui team``, by name (the names are render/formats.py's TEAM)."""
FORMATS = formats.TEAM


def render(catalog: Catalog, result: TeamResult, fmt: str) -> str:
    return RENDERERS[fmt](catalog, result)
