"""Wizard answers: parsing ``--answer QID=CHOICE``, and replayable answers files.

An answers file is YAML, like copier's: the tool, schema and data versions, a hash of the
catalog it was made with, when it was made, optionally who answered and their role (for
``fwtui team``), and the answers of the questions asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from fwtui import __version__
from fwtui.catalog.models import SCHEMA_VERSION, QuestionType, Strict
from fwtui.catalog.store import Catalog
from fwtui.errors import DataError, UsageError, Warnings, valid_list
from fwtui.safetext import clean_line, cut, quoted

Answers = Mapping[str, tuple[str, ...]]
"""The chosen choice ids by question id, each tuple in the question's own order: what the
wizard, an answers file and ``--answer`` give, and what the advisor scores."""
MAX_DROPPED_SHOWN = 10
HEADER = "# fwtui answers file: replay with `fwtui recommend --answers FILE`\n"
MAX_NAME = 80
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, strip_whitespace=True)]


class AnswersFile(Strict):
    fwtui_version: Annotated[str, StringConstraints(max_length=40)]
    schema_version: int
    data_version: Annotated[str, StringConstraints(max_length=40)]
    catalog_hash: Annotated[str, StringConstraints(max_length=100)]
    created: dt.datetime | dt.date | None = None
    who: Name | None = None
    role: Name | None = None
    answers: dict[
        Annotated[str, StringConstraints(max_length=64)],
        Annotated[str, StringConstraints(max_length=64)]
        | list[Annotated[str, StringConstraints(max_length=64)]],
    ] = Field(default_factory=dict)


def check_answer(catalog: Catalog, question_id: str, choice_ids: list[str]) -> tuple[str, ...]:
    """The choices as a tuple, or a UsageError naming the bad value and the valid ones."""
    question = catalog.questions.get(question_id)
    if question is None:
        raise UsageError(f"unknown question {quoted(question_id)} {valid_list(catalog.questions)}")
    valid = [choice.id for choice in question.choices]
    for choice_id in choice_ids:
        if choice_id not in valid:
            shown = quoted(choice_id)
            raise UsageError(
                f"unknown choice {shown} for question '{question_id}' {valid_list(valid)}"
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
    return question_id, check_answer(catalog, question_id, choices)


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
        first = error.errors()[0]
        where = cut(clean_line(".".join(str(part) for part in first["loc"][:2])), 120)
        message = str(first["msg"])
        if first["type"] == "extra_forbidden":
            message = f"unknown key {valid_list(AnswersFile.model_fields)}"
        raise UsageError(f"--answers {path}: {where}: {message}") from None
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
        warn.append(
            f"{path}: made with data {parsed.data_version} (catalog {parsed.catalog_hash[:19]}), "
            f"now data {catalog.meta.data_version} (catalog {catalog.content_hash[:19]})"
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
    if who:
        body["who"] = who
    if role:
        body["role"] = role
    body["answers"] = {
        qid: list(choices) if catalog.questions[qid].type is QuestionType.multi else choices[0]
        for qid, choices in answers.items()
    }
    import yaml

    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)
