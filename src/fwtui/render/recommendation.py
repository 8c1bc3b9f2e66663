"""A recommendation as text, Markdown, JSON or a MADR 4.0 architecture decision record.

Every output is deterministic: the same answers and catalog give the same bytes. The
only date (in the ADR) comes from ``SOURCE_DATE_EPOCH`` when it is set, else today (UTC).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from fwtui.advisor.scoring import Ranked, Recommendation
from fwtui.catalog.models import QuestionType
from fwtui.catalog.store import Catalog
from fwtui.errors import UsageError
from fwtui.safetext import dumps, pad, quoted, url_inert, wrap
from fwtui.safetext import markdown_inert as _md

FORMATS = ("text", "markdown", "json", "adr")
BAR_WIDTH = 20
WIDTH = 80


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


def answer_lines(catalog: Catalog, result: Recommendation) -> list[str]:
    """``Prompt: choice label`` for every question asked."""
    lines = []
    for question_id, chosen in result.answers.items():
        question = catalog.questions[question_id]
        labels = {choice.id: choice.label for choice in question.choices}
        shown = ", ".join(labels[c] for c in chosen) if chosen else "none"
        lines.append(f"{question.prompt} {shown}")
    return lines


def score_bar(result: Recommendation, ranked: Ranked, width: int = BAR_WIDTH) -> str:
    filled = round(width * result.percent(ranked) / 100)
    return "█" * filled + "░" * (width - filled)


def sentence(text: str) -> str:
    """``text`` with its first letter upper-case; unlike str.capitalize, nothing else changes."""
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------- JSON


def to_json(catalog: Catalog, result: Recommendation) -> dict[str, Any]:
    def contributions(ranked: Ranked) -> dict[str, float]:
        return {c.criterion: round(c.value, 6) for c in ranked.contributions if c.weight > 0}

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
            {"criterion": r.criterion, "allowed": list(r.allowed), "reason": r.reason}
            for r in result.requirements
        ],
        "ranking": [
            {
                "rank": index,
                "id": ranked.framework.id,
                "name": ranked.framework.name,
                "score": round(ranked.score, 6),
                "percent": round(result.percent(ranked), 2),
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
                "text": flip.text,
            }
            for flip in result.flips
        ],
        "tie_rule": "equal scores are ordered by framework id, alphabetically",
    }


def render_json(catalog: Catalog, result: Recommendation) -> str:
    return dumps(to_json(catalog, result)) + "\n"


# ---------------------------------------------------------------------------- text


def render_text(
    catalog: Catalog, result: Recommendation, width: int = WIDTH, shown: int | None = None
) -> str:
    """The recommendation for a terminal, wrapped to ``width`` columns.

    ``shown`` limits the ranking to its first entries (the TUI, for huge catalogs); the
    eliminated frameworks are then counted rather than listed.
    """
    width = max(40, width)

    def _wrapped(text: str, indent: str) -> list[str]:
        return wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ")

    lines = ["Answers"]
    lines += [w for line in answer_lines(catalog, result) for w in _wrapped(line, "  ")]
    lines += ["", "Ranking"]
    if not result.ranking:
        lines.append("  Every framework was eliminated by the must-haves below.")
    for index, ranked in enumerate(result.ranking[:shown], start=1):
        name = pad(ranked.framework.name, 14)
        lines.append(
            f"  {index:>2}. {name} {score_bar(result, ranked)} "
            f"{result.percent(ranked):5.1f}%  ({ranked.score:.2f})"
        )
        if index <= 3:
            for reason in ranked.reasons[:3]:
                lines += _wrapped(f"+ {reason}", "        ")
            for gap in ranked.gaps[:1]:
                lines += _wrapped(f"- {gap}", "        ")
    hidden = len(result.ranking) - len(result.ranking[:shown])
    if hidden:
        lines.append(f"  ... and {hidden} more; export (e) for the full ranking")
    if result.versus:
        lines += ["", "Why the winner"]
        lines += [wrapped for item in result.versus for wrapped in _wrapped(item, "  ")]
    if result.eliminated:
        lines += ["", "Eliminated"]
        for elimination in result.eliminated[:shown]:
            lines += _wrapped(f"{elimination.framework.name}: {elimination.reason}", "  ")
        hidden = len(result.eliminated) - len(result.eliminated[:shown])
        if hidden:
            lines.append(f"  ... and {hidden} more")
    lines += ["", "What would change the answer"]
    if result.flips:
        lines += [w for flip in result.flips for w in _wrapped(f"- {sentence(flip.text)}", "  ")]
    else:
        lines.append("  No single change of one answer changes the winner.")
    lines += ["", f"Data {catalog.meta.data_version}. Ties are ordered by framework id."]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------ Markdown


def render_markdown(catalog: Catalog, result: Recommendation) -> str:
    winner = result.winner
    title = f"Recommendation: {_md(winner.framework.name)}" if winner else "Recommendation: none"
    lines = [f"# {title}", "", "## Answers", ""]
    lines += [f"- {_md(line)}" for line in answer_lines(catalog, result)]
    lines += ["", "## Ranking", "", "| # | Framework | Score | Top reasons |", "|---|---|---|---|"]
    for index, ranked in enumerate(result.ranking, start=1):
        reasons = "; ".join(_md(r) for r in ranked.reasons[:3])
        name = _md(ranked.framework.name)
        lines.append(f"| {index} | {name} | {result.percent(ranked):.1f}% | {reasons} |")
    if result.versus:
        lines += ["", "## Why the winner", ""]
        lines += [f"- {_md(item)}" for item in result.versus]
    if result.eliminated:
        lines += ["", "## Eliminated", ""]
        lines += [f"- **{_md(e.framework.name)}**: {_md(e.reason)}" for e in result.eliminated]
    lines += ["", "## What would change the answer", ""]
    if result.flips:
        lines += [f"- {_md(sentence(flip.text))}" for flip in result.flips]
    else:
        lines.append("- No single change of one answer changes the winner.")
    lines += ["", f"Data version {catalog.meta.data_version}, generated by fwtui."]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- ADR


def render_adr(catalog: Catalog, result: Recommendation) -> str:
    """A decision record with MADR 4.0's sections, filled from the recommendation."""
    winner = result.winner
    chosen = winner.framework.name if winner else "no framework yet"
    lines = [
        "---",
        "status: proposed",
        f"date: {today().isoformat()}",
        "decision-makers: (fill in)",
        "---",
        "",
        f"# Use {_md(chosen)} as the web framework",
        "",
        "## Context and Problem Statement",
        "",
        "We need a Python web framework for a new project. We described the project and the "
        "team in fwtui's wizard and compared the frameworks of its catalog "
        f"(data version {catalog.meta.data_version}).",
        "",
        "## Decision Drivers",
        "",
    ]
    lines += [f"* {_md(line)}" for line in answer_lines(catalog, result)]
    lines += [
        f"* Must-have: {_md(r.reason)} ({_md(catalog.criteria[r.criterion].label)})"
        for r in result.requirements
    ]
    lines += ["", "## Considered Options", ""]
    lines += [f"* {_md(r.framework.name)}" for r in result.ranking]
    lines += [f"* {_md(e.framework.name)} (ruled out)" for e in result.eliminated]
    lines += ["", "## Decision Outcome", ""]
    if winner is None:
        lines.append("No option meets every must-have; relax one of them (see More Information).")
    else:
        lines.append(
            f'Chosen option: "{_md(chosen)}", because it scores highest '
            f"({result.percent(winner):.1f}% of the weighted criteria):"
        )
        lines.append("")
        lines += [f"* {_md(reason)}" for reason in winner.reasons]
        lines += ["", "### Consequences", ""]
        lines += [f"* Good, because {_md(p.text)}" for p in winner.framework.pros]
        lines += [f"* Bad, because {_md(c.text)}" for c in winner.framework.cons]
        lines += ["", "### Confirmation", ""]
        lines.append(
            "Replay the answers file with `fwtui recommend --answers FILE` when the catalog "
            "or the project changes, and review this record if the winner changes."
        )
    lines += ["", "## Pros and Cons of the Options", ""]
    for ranked in result.ranking:
        framework = ranked.framework
        lines += [
            f"### {_md(framework.name)}",
            "",
            _md(framework.tagline),
            "",
        ]
        lines += [f"* Good, because {_md(p.text)}" for p in framework.pros]
        lines += [f"* Bad, because {_md(c.text)}" for c in framework.cons]
        lines.append("")
    for elimination in result.eliminated:
        lines += [f"### {_md(elimination.framework.name)}", ""]
        lines += [f"* Bad, because {_md(elimination.reason)}", ""]
    lines += ["## More Information", ""]
    if result.versus:
        lines += [f"* {_md(item)}" for item in result.versus]
    lines += [f"* {_md(sentence(flip.text))}" for flip in result.flips]
    if not result.flips:
        lines.append("* No single change of one answer changes the winner.")
    sources = sorted({str(url) for r in result.ranking[:2] for url in r.framework.sources})
    if sources:
        lines += ["", "Sources:", ""]
        lines += [f"* <{url_inert(url)}>" for url in sources]
    return "\n".join(lines) + "\n"


def render(catalog: Catalog, result: Recommendation, fmt: str) -> str:
    renderers = {
        "text": render_text,
        "markdown": render_markdown,
        "json": render_json,
        "adr": render_adr,
    }
    return renderers[fmt](catalog, result)
