"""Wizard answers: parsing ``--answer QID=CHOICE``, and replayable answers files.

An answers file is YAML, like copier's: the tool, schema and data versions, a hash of the
catalog it was made with and a short digest of each framework's levels (so that a later
catalog can name the frameworks added, removed or re-rated), when it was made, optionally
who answered and their role (for ``fwtui team``), and the answers of the questions asked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from fwtui import __version__
from fwtui.catalog.models import SCHEMA_VERSION, QuestionType, Strict
from fwtui.catalog.store import Catalog
from fwtui.errors import DataError, UsageError, Warnings, did_you_mean, valid_list
from fwtui.safetext import clean_line, quoted

Answers = Mapping[str, tuple[str, ...]]
"""The chosen choice ids by question id, each tuple in the question's own order: what the
wizard, an answers file and ``--answer`` give, and what the advisor scores."""
MAX_DROPPED_SHOWN = 10
HEADER = "# fwtui answers file: replay with `fwtui recommend --answers FILE`\n"
MAX_NAME = 80
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, strip_whitespace=True)]


DIGEST_CHARS = 12
"""Hex digits of each framework's digest of levels in an answers file."""
MAX_RECORDED_FRAMEWORKS = 20_000
MAX_NAMED_CHANGES = 8
"""Frameworks named per kind of change in the "catalog changed" warning; the rest counted."""


def level_digests(catalog: Catalog) -> dict[str, str]:
    """Per framework, a short digest of its level for every criterion: what an answers file
    records so that a later catalog can say which frameworks were added, removed or re-rated."""
    digests: dict[str, str] = {}
    for framework in catalog.frameworks.values():
        levels = "\n".join(f"{cid}={fact.level}" for cid, fact in sorted(framework.facts.items()))
        digests[framework.id] = hashlib.sha256(levels.encode()).hexdigest()[:DIGEST_CHARS]
    return digests


def _named(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_NAMED_CHANGES])
    more = len(ids) - MAX_NAMED_CHANGES
    return shown + (f" and {more} more" if more > 0 else "")


def catalog_changes(recorded: dict[str, str], catalog: Catalog) -> str:
    """What changed between the frameworks an answers file recorded and ``catalog``'s, as
    "frameworks added: ...; removed: ...; levels changed: ...", or "" when none did."""
    now = level_digests(catalog)
    parts = []
    for label, ids in (
        ("frameworks added", sorted(set(now) - set(recorded))),
        ("removed", sorted(set(recorded) - set(now))),
        ("levels changed", sorted(f for f in now if f in recorded and recorded[f] != now[f])),
    ):
        if ids:
            parts.append(f"{label}: {clean_line(_named(ids))}")
    return "; ".join(parts)


class AnswersFile(Strict):
    fwtui_version: Annotated[str, StringConstraints(max_length=40)]
    schema_version: int
    data_version: Annotated[str, StringConstraints(max_length=40)]
    catalog_hash: Annotated[str, StringConstraints(max_length=100)]
    created: dt.datetime | dt.date | None = None
    who: Name | None = None
    role: Name | None = None
    frameworks: (
        dict[
            Annotated[str, StringConstraints(max_length=64)],
            Annotated[str, StringConstraints(max_length=DIGEST_CHARS)],
        ]
        | None
    ) = Field(default=None, max_length=MAX_RECORDED_FRAMEWORKS)
    answers: dict[
        Annotated[str, StringConstraints(max_length=64)],
        Annotated[str, StringConstraints(max_length=64)]
        | list[Annotated[str, StringConstraints(max_length=64)]],
    ] = Field(default_factory=dict)


def check_answer(catalog: Catalog, question_id: str, choice_ids: list[str]) -> tuple[str, ...]:
    """The choices as a tuple, or a UsageError naming the bad value and the valid ones.

    Ids match case-insensitively (``project_kind=API``); a near miss gets a suggestion.
    """
    question = catalog.questions.get(question_id) or catalog.questions.get(question_id.lower())
    if question is None:
        hint = did_you_mean(question_id, catalog.questions)
        raise UsageError(
            f"unknown question {quoted(question_id)}{hint} {valid_list(catalog.questions)}"
        )
    question_id = question.id
    valid = [choice.id for choice in question.choices]
    choice_ids = [c.lower() if c.lower() in valid else c for c in choice_ids]
    for choice_id in choice_ids:
        if choice_id not in valid:
            shown = quoted(choice_id)
            hint = did_you_mean(choice_id, valid)
            raise UsageError(
                f"unknown choice {shown}{hint} for question '{question_id}' {valid_list(valid)}"
            )
    if question.type is QuestionType.single and len(choice_ids) != 1:
        got = ", ".join(choice_ids) if choice_ids else "nothing"
        raise UsageError(
            f"question '{question_id}' takes exactly one choice, got {got} {valid_list(valid)}"
        )
    if len(set(choice_ids)) != len(choice_ids):
        raise UsageError(f"question '{question_id}' lists a choice twice: {', '.join(choice_ids)}")
    # In the question's own order, so that the same answers always give the same output.
    return tuple(sorted(choice_ids, key=valid.index))


def parse_answer_option(catalog: Catalog, text: str) -> tuple[str, tuple[str, ...]]:
    """``QID=CHOICE[,CHOICE]`` (an empty right side clears a multi-choice question)."""
    question_id, sep, value = text.partition("=")
    if not sep or not question_id.strip():
        raise UsageError(f"--answer '{text}' is not QID=CHOICE[,CHOICE]")
    choices = [part.strip() for part in value.split(",") if part.strip()]
    question_id = question_id.strip()
    checked = check_answer(catalog, question_id, choices)
    question = catalog.questions.get(question_id) or catalog.questions[question_id.lower()]
    return question.id, checked


def parse_answer_options(catalog: Catalog, options: list[str], start: Answers) -> Answers:
    """Every ``--answer`` on top of ``start`` (an answers file); each replaces the file's.

    A question answered twice on the command line is an error, not silently the last one
    (a multi-choice question takes all its choices in one ``--answer``).
    """
    answers = dict(start)
    seen: dict[str, str] = {}
    for option in options:
        question_id, choices = parse_answer_option(catalog, option)
        if question_id in seen:
            how = (
                "one choice"
                if catalog.questions[question_id].type is QuestionType.single
                else "all choices in one --answer, comma-separated"
            )
            raise UsageError(
                f"--answer {quoted(option)}: '{question_id}' was already answered by "
                f"--answer {quoted(seen[question_id])}; give it once ({how})"
            )
        seen[question_id] = option
        answers[question_id] = choices
    return answers


def new_questions(catalog: Catalog, answers: Answers) -> str:
    """``id (default), ...`` for the questions these answers ask but do not answer."""
    from fwtui.advisor.scoring import effective_answers

    missing = []
    for question_id, chosen in effective_answers(catalog, answers).items():
        if question_id in answers:
            continue
        question = catalog.questions[question_id]
        labels = {choice.id: choice.label for choice in question.choices}
        shown = ", ".join(labels[c] for c in chosen) if chosen else "none"
        missing.append(f"{question_id} ({shown})")
    listed = missing[: 2 * MAX_DROPPED_SHOWN]
    more = f", ... ({len(missing) - len(listed)} more)" if len(missing) > len(listed) else ""
    return ", ".join(listed) + more


@dataclass(frozen=True)
class AnswersRecord:
    """What an answers file holds besides the answers: who answered and the catalog used."""

    answers: Answers
    who: str | None
    role: str | None
    data_version: str
    same_catalog: bool


def load_answers_file(catalog: Catalog, path: Path, warn: Warnings) -> Answers:
    """Answers from a file; problems are UsageErrors, changes in the catalog are warnings."""
    return load_answers_record(catalog, path, warn).answers


def load_answers_record(catalog: Catalog, path: Path, warn: Warnings) -> AnswersRecord:
    """The whole answers file, checked as :func:`load_answers_file` does."""
    if not path.exists() and not path.is_symlink():
        raise UsageError(f"--answers {path}: no such file")
    # Anything else (a FIFO, a device, a directory, a huge file) is refused by the reader.
    try:
        from fwtui.catalog.yamlsafe import load_yaml

        document = load_yaml(path, str(path))
        parsed = AnswersFile.model_validate(document.data)
    except DataError as error:
        raise UsageError(f"--answers {error.problems[0]}") from None
    except ValidationError as error:
        # Worded as the catalog's problems are (file:line, what is expected), not pydantic's.
        from fwtui.catalog.validation import validation_problems

        problem = validation_problems(document, AnswersFile, error)[0]
        raise UsageError(f"--answers {problem}") from None
    if parsed.schema_version != SCHEMA_VERSION:
        raise UsageError(
            f"--answers {path}: schema_version {parsed.schema_version} is not supported "
            f"(valid: {SCHEMA_VERSION}); it was written by fwtui {parsed.fwtui_version}"
        )
    for field in ("who", "role"):
        value = getattr(parsed, field)
        if value is not None and not value.isprintable():
            raise UsageError(f"--answers {path}: {field}: {quoted(value)} is not one line")
    same_catalog = parsed.catalog_hash == catalog.content_hash
    if not same_catalog:
        if parsed.frameworks is None:  # written before answers files recorded frameworks
            what = (
                f"catalog {clean_line(parsed.catalog_hash[:19])}, now {catalog.content_hash[:19]}"
            )
        else:
            what = catalog_changes(parsed.frameworks, catalog) or (
                "no framework changed (the questions, criteria or guide did)"
            )
        warn.append(
            f"{path}: the catalog changed since these answers were saved (data "
            f"{clean_line(parsed.data_version)}, now {catalog.meta.data_version}): {what}"
        )
    answers: dict[str, tuple[str, ...]] = {}
    dropped = 0
    for question_id, raw in parsed.answers.items():
        choices = [raw] if isinstance(raw, str) else list(raw)
        try:
            answers[question_id] = check_answer(catalog, question_id, choices)
        except UsageError as error:
            if same_catalog:
                raise UsageError(f"--answers {path}: {error}") from None
            dropped += 1
            if dropped <= MAX_DROPPED_SHOWN:
                warn.append(f"{path}: dropped the answer to {quoted(question_id)}: {error}")
    if dropped > MAX_DROPPED_SHOWN:
        warn.append(f"{path}: dropped {dropped - MAX_DROPPED_SHOWN} more answers")
    new = "" if same_catalog else new_questions(catalog, answers)
    if new:
        warn.append(f"{path}: questions it does not answer take their defaults: {new}")
    return AnswersRecord(answers, parsed.who, parsed.role, parsed.data_version, same_catalog)


def check_name(option: str, text: str) -> str:
    """A ``who`` or ``role``: one line of at most MAX_NAME characters, or a UsageError."""
    name = text.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise UsageError(
            f"{option} {quoted(text)}: give one printable line of 1 to {MAX_NAME} characters"
        )
    return name


def answers_document(
    catalog: Catalog,
    answers: Answers,
    created: dt.datetime | None,
    who: str | None = None,
    role: str | None = None,
) -> str:
    """The YAML text of an answers file (multi-choice answers as lists).

    Without ``created`` the text depends on the answers alone (a decision record's appendix).
    """
    body: dict[str, object] = {
        "fwtui_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "data_version": catalog.meta.data_version,
        "catalog_hash": catalog.content_hash,
    }
    if created is not None:
        body["created"] = created.replace(microsecond=0).isoformat()
        body["frameworks"] = level_digests(catalog)  # names what changed in a later catalog
    if who:
        body["who"] = who
    if role:
        body["role"] = role
    if "frameworks" in body:
        body["frameworks"] = body.pop("frameworks")  # after who and role, before the answers
    body["answers"] = {
        qid: list(choices) if catalog.questions[qid].type is QuestionType.multi else choices[0]
        for qid, choices in answers.items()
    }
    import yaml

    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)
