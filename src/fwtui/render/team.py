"""A team's decision as text, Markdown, JSON or a MADR 4.0 decision record (no Textual).

Like a single recommendation, every output is deterministic: the same answers and catalog
give the same bytes, whatever the order of the files (people are ordered by name). The
ADR's date comes from ``SOURCE_DATE_EPOCH`` when it is set, else today (UTC).
"""

from __future__ import annotations

import re
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
from fwtui.render import formats
from fwtui.render.framework import given
from fwtui.render.recommendation import answer_lines, sentence, today
from fwtui.render.text import WIDTH
from fwtui.safetext import cell_width, clean_line, dumps, fit, pad, url_inert, wrap
from fwtui.safetext import markdown_inert as _md

FORMATS = formats.TEAM
NAME_COLUMN = 16
PERSON_COLUMN = 7
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


def agreement_lines(catalog: Catalog, agreement: Agreement, people: int) -> list[str]:
    searched = f"{agreement.tried} answer sets tried"
    if not agreement.complete:
        searched += ", the search stopped at its limit: a shorter way may exist"
    if agreement.framework is None:
        return [
            f"No common top pick within two changes per person ({searched}).",
        ]
    name = agreement.framework.name
    if not agreement.changes:
        everyone = "Everyone" if people > 1 else "The only person"
        return [f"{everyone} already has {name} as their own top pick."]
    count = len(agreement.changes)
    lines = [
        f"{count} change{'s' if count != 1 else ''} would give everyone {name} as their own "
        f"top pick ({searched}):"
    ]
    lines += [f"- {change_text(catalog, change)}" for change in agreement.changes]
    return lines


def disagreement_lines(catalog: Catalog, disagreement: Disagreement) -> list[str]:
    """The groups (``label: names``) then one line per answer that moves the pick."""
    question = disagreement.question
    lines = [
        f"{answer_label(question, group.answer)}: {', '.join(group.people)}"
        for group in disagreement.groups
    ]
    for mover in disagreement.movers:
        lines.append(
            f"moves the pick: with {mover.who} answering "
            f"{answer_label(question, mover.new)}, it would be "
            f"{framework_name(catalog, mover.pick)}"
        )
    return lines


def veto_lines(result: TeamResult) -> list[str]:
    """One line per distinct set of reasons, naming every framework it eliminates."""
    grouped: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for veto in result.vetoes:
        grouped.setdefault(veto.by, []).append(veto.framework.name)
    return [
        f"{', '.join(names)}: " + "; ".join(f"{who}'s must-have ({why})" for who, why in by)
        for by, names in grouped.items()
    ]


def top_three(member: Member) -> str:
    result = member.result
    if not result.ranking:
        return "every framework eliminated"
    return ", ".join(f"{r.framework.name} {result.percent(r):.1f} %" for r in result.ranking[:3])


def acceptable_line(catalog: Catalog, result: TeamResult) -> str:
    names = [catalog.frameworks[fid].name for fid in result.acceptable]
    within = f"within {100 * result.margin:.0f} % of each person's own best"
    return f"Acceptable to everyone ({within}): {', '.join(names) if names else 'none'}"


def headline(catalog: Catalog, result: TeamResult) -> list[str]:
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
    return lines


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


# ---------------------------------------------------------------------------- text


def _columns_fit(result: TeamResult, width: int) -> bool:
    return NAME_COLUMN + 14 + PERSON_COLUMN * len(result.members) <= width


def ranking_table(result: TeamResult, width: int = WIDTH) -> list[str]:
    """The consensus ranking with each person's fit side by side (a column each when
    they fit in ``width``; otherwise the lowest fit and whose it is)."""
    members = result.members
    side_by_side = _columns_fit(result, width)
    if side_by_side:
        header = f"  {'':4}{pad('Framework', NAME_COLUMN)} {'Team':>7}"
        header += "".join(" " + _right(m.who, PERSON_COLUMN - 1) for m in members)
    else:
        header = f"  {'':4}{pad('Framework', NAME_COLUMN)} {'Team':>7}  lowest fit"
    lines = [header]
    for index, item in enumerate(result.ranking, start=1):
        row = f"  {index:>2}. {pad(item.framework.name, NAME_COLUMN)} {100 * item.score:6.1f}%"
        if side_by_side:
            row += "".join(f" {100 * s.fit:5.0f}%" for s in item.shares)
        else:
            low = min(item.shares, key=lambda s: (round(s.fit, 9), s.who.casefold()))
            row += f"  {100 * low.fit:.0f}% ({low.who})"
        lines.append(row)
    return lines


def _right(text: str, width: int) -> str:
    fitted = fit(text, width)
    return " " * max(0, width - cell_width(fitted)) + fitted


def render_text(catalog: Catalog, result: TeamResult, width: int = WIDTH) -> str:
    width = max(50, width)

    def wrapped(text: str, indent: str = "  ") -> list[str]:
        return wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ")

    lines: list[str] = []
    for line in headline(catalog, result):
        lines += wrap(line, width, subsequent_indent="  ")
    lines += ["", "Each person's top three (fit as `fwtui recommend` shows it)"]
    for member in result.members:
        lines += wrapped(f"{person_label(member)}: {top_three(member)}")
    lines += ["", "Consensus ranking (fit: a person's score as a share of their own best)"]
    if result.ranking:
        lines += ranking_table(result, width)
        lines += wrapped(
            f"Each person adds their fit divided by {len(result.members)}; the shares add up "
            "to the team score."
        )
    else:
        lines.append("  Every framework was eliminated by someone's must-have below.")
    if result.vetoes:
        lines += ["", "Eliminated for everyone"]
        for line in veto_lines(result):
            lines += wrapped(line)
    lines += ["", "Disagreements"]
    if not result.disagreements:
        lines.append("  None: everyone gave the same answers.")
    for disagreement in result.disagreements:
        lines += wrapped(disagreement.question.prompt)
        for line in disagreement_lines(catalog, disagreement):
            lines += wrapped(line, "    ")
    lines += ["", "What it would take to agree"]
    for line in agreement_lines(catalog, result.agreement, len(result.members)):
        lines += wrapped(line)
    if result.warnings:
        lines += ["", "Warnings"]
        for warning in result.warnings:
            lines += wrapped(warning)
    lines += ["", f"Data {catalog.meta.data_version}. Ties are ordered by framework id."]
    return "\n".join(clean_line(line) for line in lines) + "\n"


# ------------------------------------------------------------------------ Markdown


def _table_markdown(catalog: Catalog, result: TeamResult) -> list[str]:
    names = [_md(m.who) for m in result.members]
    lines = [
        "| # | Framework | Team | " + " | ".join(names) + " |",
        "|---|---|---|" + "---|" * len(names),
    ]
    for index, item in enumerate(result.ranking, start=1):
        fits = " | ".join(f"{100 * s.fit:.0f} %" for s in item.shares)
        lines.append(f"| {index} | {_md(item.framework.name)} | {percent(item.score)} | {fits} |")
    return lines


def render_markdown(catalog: Catalog, result: TeamResult) -> str:
    pick = result.pick
    title = f"Team decision: {_md(pick.framework.name)}" if pick else "Team decision: none"
    lines = [f"# {title}", ""]
    lines += [f"- {_md(line)}" for line in headline(catalog, result)]
    lines += ["", "## Each person's top three", ""]
    lines += [f"- **{_md(person_label(m))}**: {_md(top_three(m))}" for m in result.members]
    lines += ["", "## Consensus ranking", "", _md(sentence(METHOD)) + ".", ""]
    if result.ranking:
        lines += _table_markdown(catalog, result)
    else:
        lines.append("Every framework was eliminated by someone's must-have.")
    if result.vetoes:
        lines += ["", "## Eliminated for everyone", ""]
        lines += [f"- {_md(line)}" for line in veto_lines(result)]
    lines += ["", "## Disagreements", ""]
    if not result.disagreements:
        lines.append("None: everyone gave the same answers.")
    for disagreement in result.disagreements:
        lines += [f"### {_md(disagreement.question.prompt)}", ""]
        lines += [f"- {_md(line)}" for line in disagreement_lines(catalog, disagreement)]
        lines.append("")
    lines += ["", "## What it would take to agree", ""]
    for index, line in enumerate(agreement_lines(catalog, result.agreement, len(result.members))):
        if line.startswith("- "):
            lines += [""] * (index == 1) + [f"- {_md(line[2:])}"]
        else:
            lines.append(_md(line))
    if result.warnings:
        lines += ["", "## Warnings", ""]
        lines += [f"- {_md(w)}" for w in result.warnings]
    lines += ["", f"Data version {_md(catalog.meta.data_version)}, generated by fwtui team."]
    return _tidy("\n".join(lines)) + "\n"


def _tidy(text: str) -> str:
    """No runs of blank lines (Markdown linters flag them)."""
    return re.sub(r"\n{3,}", "\n\n", text)


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


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _front_matter(result: TeamResult) -> list[str]:
    groups: dict[str, list[str]] = {"decision-makers": [], CONSULTED: [], INFORMED: []}
    for member in result.members:
        kind = _role_kind(member)
        groups[kind].append(person_label(member) if kind == "decision-makers" else member.who)
    lines = ["---", "status: proposed", f"date: {today().isoformat()}"]
    for key, names in groups.items():
        if names:
            lines.append(f"{key}: {_yaml_scalar(clean_line(', '.join(names)))}")
    lines.append("---")
    return lines


def render_adr(catalog: Catalog, result: TeamResult) -> str:
    """MADR 4.0 sections filled from the team's result, with everyone's answers appended."""
    pick = result.pick
    chosen = pick.framework.name if pick else "no framework yet"
    count = len(result.members)
    lines = [*_front_matter(result), ""]
    lines += [
        f"# Use {_md(chosen)} as the web framework",
        "",
        "## Context and Problem Statement",
        "",
        f"We need a Python web framework for a new project. {count} of us described the "
        "project and the team in fwtui's wizard, each on their own, and fwtui combined the "
        f"answers into one ranking (data version {_md(catalog.meta.data_version)}).",
        "",
        "## Decision Drivers",
        "",
    ]
    lines += [f"* {_md(line)}" for line in headline(catalog, result)[1:]]
    for member in result.members:
        musts = [r.reason for r in member.result.requirements]
        if musts:
            lines.append(f"* Must-haves of {_md(member.who)}: {_md('; '.join(musts))}")
    for disagreement in result.disagreements:
        groups = "; ".join(
            f"{answer_label(disagreement.question, g.answer)}: {', '.join(g.people)}"
            for g in disagreement.groups
        )
        lines.append(f"* We differ on '{_md(disagreement.question.prompt)}' ({_md(groups)})")
    lines += ["", "## Considered Options", ""]
    lines += [f"* {_md(item.framework.name)}" for item in result.ranking]
    lines += [f"* {_md(v.framework.name)} (ruled out)" for v in result.vetoes]
    lines += ["", "## Decision Outcome", ""]
    if pick is None:
        lines.append(
            "No option meets everyone's must-haves; someone must relax one (see More Information)."
        )
    else:
        lines.append(
            f'Chosen option: "{_md(chosen)}", because it has the highest team score '
            f"({percent(pick.score)}, the mean of each person's fit):"
        )
        lines.append("")
        for share, member in zip(pick.shares, result.members, strict=True):
            own = member.result.winner
            own_name = own.framework.name if own else "none"
            lines.append(
                f"* {_md(member.who)}: {100 * share.fit:.0f} % of their own best "
                f"(their own top pick: {_md(own_name)})"
            )
        lines += ["", "### Consequences", ""]
        lines += [f"* Good, because {_md(p.text)}" for p in pick.framework.pros]
        lines += [f"* Bad, because {_md(c.text)}" for c in pick.framework.cons]
        lines += ["", "### Confirmation", ""]
        lines.append(
            "Replay everyone's answers (the appendix) with `fwtui team FILE...` when the "
            "catalog or the project changes, and review this record if the pick changes."
        )
    lines += ["", "## Pros and Cons of the Options", ""]
    for item in result.ranking[:5]:
        framework = item.framework
        lines += [f"### {_md(framework.name)}", "", _md(given(framework.tagline)), ""]
        lines.append(
            f"* Neutral, because its team score is {percent(item.score)} "
            f"(lowest fit {100 * min(s.fit for s in item.shares):.0f} %)"
        )
        lines += [f"* Good, because {_md(p.text)}" for p in framework.pros]
        lines += [f"* Bad, because {_md(c.text)}" for c in framework.cons]
        lines.append("")
    for veto in result.vetoes:
        lines += [f"### {_md(veto.framework.name)}", ""]
        lines += [
            f"* Bad, because {_md(who)}'s must-have rules it out: {_md(why)}"
            for who, why in veto.by
        ]
        lines.append("")
    lines += ["## More Information", ""]
    lines.append(f"* Consensus {result.consensus:.1f} %: {_md(CONSENSUS_DEFINITION)}.")
    lines.append(f"* Method: {_md(METHOD)}.")
    for disagreement in result.disagreements:
        for mover in disagreement.movers:
            lines.append(
                f"* If {_md(mover.who)} answered '{_md(disagreement.question.prompt)}' with "
                f"{_md(answer_label(disagreement.question, mover.new))}, the pick would be "
                f"{_md(framework_name(catalog, mover.pick))}."
            )
    for line in agreement_lines(catalog, result.agreement, count):
        if line.startswith("- "):
            lines.append(f"  * {_md(line[2:])}")
        else:
            lines.append(f"* {_md(line)}")
    lines += ["", "## Appendix: everyone's answers", ""]
    lines.append(
        "Each block is an answers file: save it and replay it with "
        "`fwtui recommend --answers FILE`, or all of them with `fwtui team`."
    )
    for member in result.members:
        document = answers_document(
            catalog, member.result.answers, None, member.who, member.person.role
        )
        fence = _fence(document)
        lines += [
            "",
            f"### {_md(person_label(member))}",
            "",
            f"{fence}yaml",
            document.rstrip("\n"),
            fence,
        ]
        lines += ["", *(f"* {_md(line)}" for line in answer_lines(catalog, member.result))]
    sources = sorted({str(url) for item in result.ranking[:2] for url in item.framework.sources})
    if sources:
        lines += ["", "Sources:", ""]
        lines += [f"* <{url_inert(url)}>" for url in sources]
    return _tidy("\n".join(lines)) + "\n"


def render(catalog: Catalog, result: TeamResult, fmt: str) -> str:
    renderers = {
        "text": render_text,
        "markdown": render_markdown,
        "json": render_json,
        "adr": render_adr,
    }
    return renderers[fmt](catalog, result)
