"""The schema of fwtui's data files, as strict pydantic models.

Every data file kind has one top-level model here; `fwtui schema` exports their JSON
Schemas. Unknown keys are errors everywhere (``extra="forbid"``). Cross-file checks
(references between files) live in :mod:`fwtui.catalog.loader`, not here.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from fwtui.safetext import clean, clean_line, clean_name

SCHEMA_VERSION = 1

ID_PATTERN = r"^[a-z][a-z0-9_]*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64),
    Field(description="Lower-case identifier: a letter, then letters, digits or '_'."),
]
# Every string is sanitised again here (the YAML loader already did): control characters
# become visible placeholders; one-line fields lose newlines and tabs as well, names also
# zero-width characters. A model built from any other source is then just as safe.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    AfterValidator(clean),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(clean_line),
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(clean_name),
]

# https, a DNS host name, an optional port, then only the characters RFC 3986 allows in a
# URL, less the quote: no spaces, quotes, angle brackets, backslashes or braces, so that a
# source can never break out of a Markdown link, an HTML attribute or a terminal line.
_HTTPS_URL = re.compile(
    r"^https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,}(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]*)?$"
)


def _https_url(url: str) -> str:
    # A plain string checked here instead of pydantic's HttpUrl: importing pydantic.networks
    # costs more start-up time than the whole check, and every source must be https anyway.
    if url.split(":", 1)[0].lower() != "https":
        raise ValueError("a source must be an https URL")
    if not _HTTPS_URL.match(url):
        raise ValueError(
            "not a valid URL: it needs a host name with a dot, and no spaces, quotes, "
            "angle brackets or other characters a URL cannot hold (percent-encode them)"
        )
    return url


SourceUrl = Annotated[
    str,
    StringConstraints(min_length=12, max_length=2000),
    AfterValidator(_https_url),
    Field(json_schema_extra={"format": "uri", "pattern": "^https://"}),
]

SPDX_PATTERN = r"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$"
VERSION_PATTERN = re.compile(r"^\d+(\.\d+)*([a-z]+\d*)?$")
# A PyPI project name as the packaging spec allows it (PEP 508), compared case-insensitively.
PYPI_PATTERN = r"^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$"


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


def not_in_future(day: dt.date) -> dt.date:
    if day > dt.date.today():
        raise ValueError(f"{day.isoformat()} is in the future")
    return day


PastDate = Annotated[dt.date, AfterValidator(not_in_future)]


# --------------------------------------------------------------------------- meta.yaml


class Meta(Strict):
    """`meta.yaml`: versions of the data set as a whole."""

    schema_version: Literal[1] = Field(description="Version of this file format.")
    data_version: ShortText = Field(description="Version of the content, e.g. 2026.11.25.")
    updated: PastDate = Field(description="Day the content was last changed.")
    featured: list[Id] = Field(
        default_factory=list,
        description="Framework ids listed first, in this order; the others follow by name.",
    )


# ----------------------------------------------------------------------- criteria.yaml

CAPABILITY_SCALE = "capability"
CAPABILITY_LEVELS = ("builtin", "partial", "extension", "none")
UNKNOWN = "unknown"


class Level(Strict):
    id: Id
    label: Name
    symbol: Annotated[
        str, StringConstraints(min_length=1, max_length=2), AfterValidator(clean_name)
    ]
    utility: float = Field(ge=0.0, le=1.0, description="How much this level is worth, 0..1.")
    description: Text

    @property
    def display(self) -> str:
        """Symbol and label, as every output shows a level: ``● built in``, ``? unknown``."""
        return f"{self.symbol} {self.label}"


# The level of a fact no source settles. Every scale accepts it; it is worth nothing and
# never satisfies a must-have. Built without validation: it is known good, and validating
# here would build the model's schema at import, on the way to the first frame.
UNKNOWN_LEVEL = Level.model_construct(
    id=UNKNOWN,
    label="unknown",
    symbol="?",
    utility=0.0,
    description="Not known: no source settles it either way.",
)


class Scale(Strict):
    """An ordered list of levels, best first, shared by one or more criteria."""

    id: Id
    label: Name
    levels: list[Level] = Field(min_length=2)

    @model_validator(mode="after")
    def _check_levels(self) -> Scale:
        ids = [level.id for level in self.levels]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"level ids repeat: {', '.join(duplicates)}")
        if UNKNOWN in ids:
            raise ValueError(f"'{UNKNOWN}' is reserved: every scale accepts it already")
        utilities = [level.utility for level in self.levels]
        if utilities != sorted(utilities, reverse=True):
            raise ValueError("levels must be ordered best first (utility not increasing)")
        if self.id == CAPABILITY_SCALE and tuple(ids) != CAPABILITY_LEVELS:
            raise ValueError(
                f"the capability scale has exactly the levels {', '.join(CAPABILITY_LEVELS)}"
            )
        return self


class Group(Strict):
    id: Id
    label: Name
    description: Text


class CriterionKind(str, Enum):
    capability = "capability"
    aspect = "aspect"


class Criterion(Strict):
    id: Id
    label: Name
    short: Annotated[
        str, StringConstraints(min_length=1, max_length=12), AfterValidator(clean_name)
    ] = Field(description="Abbreviation for narrow tables.")
    description: Text
    group: Id
    kind: CriterionKind
    scale: Id = Field(description="Id of the scale whose levels this criterion uses.")
    weight: float = Field(
        default=0.0, ge=0.0, le=10.0, description="Weight before any answer is given."
    )
    rubric: dict[Id, Text] = Field(
        default_factory=dict,
        description=(
            "What earns each level for this criterion, by level id of its scale; a capability "
            "criterion has one entry for every level."
        ),
    )


class CriteriaFile(Strict):
    """`criteria.yaml`: groups, scales and criteria."""

    groups: list[Group] = Field(default_factory=list)
    scales: list[Scale] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)


# ------------------------------------------------------------------ frameworks/<id>.yaml


class Kind(str, Enum):
    full_stack = "full_stack"
    micro = "micro"
    api_first = "api_first"
    toolkit = "toolkit"


class Interface(str, Enum):
    wsgi = "WSGI"
    asgi = "ASGI"
    own_server = "own server"


class Fact(Strict):
    """A framework's level for one criterion; only ``unknown`` may go without evidence."""

    level: Id = Field(description="A level id of the criterion's scale, or 'unknown'.")
    note: Text | None = None
    sources: list[SourceUrl] = Field(default_factory=list)
    last_reviewed: PastDate | None = None
    valid_until: dt.date | None = Field(
        default=None,
        description=(
            "The day the level stops being true by the rubric (a fifth or tenth anniversary, "
            "an announced change of default); from that day on the catalog reports the fact "
            "as expired until it is re-rated."
        ),
    )

    def expired(self, today: dt.date) -> bool:
        return self.valid_until is not None and today >= self.valid_until

    @model_validator(mode="after")
    def _evidence_unless_unknown(self) -> Fact:
        missing = [name for name in EVIDENCE if not getattr(self, name)]
        if self.level != UNKNOWN and missing:
            raise ValueError(
                f"a fact with level '{self.level}' needs {', '.join(missing)} "
                f"(only level '{UNKNOWN}' may go without)"
            )
        return self


EVIDENCE = ("note", "sources", "last_reviewed")
UNKNOWN_FACT = Fact.model_construct(level=UNKNOWN)
"""What a framework file that leaves a criterion out says about it."""


class Release(Strict):
    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN.pattern)]
    date: PastDate
    source: SourceUrl
    dependencies: list[Annotated[str, StringConstraints(pattern=PYPI_PATTERN)]] | None = Field(
        default=None,
        description="PyPI names of the release's required dependencies on CPython 3.13 and "
        "Linux, extras left out (`fwtui check-releases` compares them).",
    )


_MONTH_OR_DAY_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"
MonthOrDay = Annotated[
    str,
    StringConstraints(pattern=_MONTH_OR_DAY_PATTERN),
    Field(description="YYYY-MM-DD, or YYYY-MM when the project names only the month."),
]


class SupportCycle(Strict):
    """One release series and its support window, with endoflife.date's field names."""

    model_config = ConfigDict(populate_by_name=True)

    release_cycle: Annotated[str, StringConstraints(pattern=VERSION_PATTERN.pattern)] = Field(
        alias="releaseCycle", description="The series, e.g. 6.1 or 24.12."
    )
    release_date: PastDate = Field(alias="releaseDate", description="Day of its first release.")
    eoas: MonthOrDay | None = Field(
        default=None, description="End of active support (bug fixes); absent if not announced."
    )
    eol: MonthOrDay | None = Field(
        default=None, description="End of security fixes; absent if not announced."
    )
    lts: bool = Field(default=False, description="A long-term support series.")
    latest: Annotated[str, StringConstraints(pattern=VERSION_PATTERN.pattern)] | None = Field(
        default=None, description="Latest release of the series, when the catalog tracks it."
    )

    @model_validator(mode="after")
    def _support_ends_in_order(self) -> SupportCycle:
        if self.eoas is not None and self.eol is not None and self.eoas > self.eol:
            raise ValueError("eoas (end of bug fixes) is after eol (end of security fixes)")
        return self


class Support(Strict):
    """The project's own release and support policy, and the series it supports now."""

    policy: Text = Field(description="The published policy, in our own words.")
    cycles: list[SupportCycle] = Field(
        default_factory=list, description="Supported series, newest first."
    )
    sources: list[SourceUrl] = Field(min_length=1)
    last_reviewed: PastDate


class Component(Strict):
    name: Name
    role: ShortText
    url: SourceUrl


class Extension(Strict):
    name: Name
    fills: list[Id] = Field(default_factory=list, description="Criterion ids it provides.")
    note: Text
    url: SourceUrl


class Point(Strict):
    """A pro or a con, tagged with the criterion it is about."""

    text: Text
    criterion: Id | None = None


class Links(Strict):
    homepage: SourceUrl
    docs: SourceUrl
    repo: SourceUrl
    changelog: SourceUrl | None = None


class Framework(Strict):
    """`frameworks/<id>.yaml`: everything fwtui knows about one framework.

    Only ``id`` and ``name`` are required, so that a user's own framework can start small:
    what is left out shows as "not given", and each criterion left out of ``facts`` is
    ``unknown``. The bundled frameworks give everything (the spec tests check it).
    """

    id: Id
    name: Name
    pypi: Annotated[str, StringConstraints(pattern=PYPI_PATTERN, max_length=100)] | None = Field(
        default=None, description="Project name on PyPI, for `fwtui check-releases`."
    )
    tagline: ShortText | None = None
    summary: Text | None = None
    kind: Kind | None = None
    philosophy: Text | None = None
    interface: list[Interface] = Field(default_factory=list)
    license: Annotated[str, StringConstraints(pattern=SPDX_PATTERN)] | None = Field(
        default=None, description="SPDX license expression, e.g. BSD-3-Clause."
    )
    first_release: int | None = Field(
        default=None, ge=1990, le=2100, description="Year of the first public release."
    )
    latest: Release | None = None
    support: Support | None = Field(
        default=None, description="Release cycles and support windows the project publishes."
    )
    python: ShortText | None = Field(
        default=None, description="Supported Python versions, e.g. '3.10 to 3.14'."
    )
    links: Links | None = None
    toolkit: list[Component] = Field(default_factory=list)
    key_features: list[Text] = Field(default_factory=list)
    ecosystem: list[Extension] = Field(default_factory=list)
    use_cases: list[Text] = Field(default_factory=list)
    when_to_choose: list[Text] = Field(default_factory=list)
    example_apps: list[Text] = Field(default_factory=list)
    pros: list[Point] = Field(default_factory=list)
    cons: list[Point] = Field(default_factory=list)
    sources: list[SourceUrl] = Field(
        default_factory=list,
        description="Where the profile above (license, dates, kind) was checked.",
    )
    last_reviewed: PastDate | None = None
    facts: dict[Id, Fact] = Field(
        default_factory=dict,
        description="One fact per criterion id; a criterion left out is 'unknown'.",
    )

    @model_validator(mode="after")
    def _release_not_before_first(self) -> Framework:
        if self.latest and self.first_release and self.latest.date.year < self.first_release:
            raise ValueError("latest.date is before first_release")
        return self


# ---------------------------------------------------------------------- questions.yaml


class QuestionType(str, Enum):
    single = "single"
    multi = "multi"


class Effect(Strict):
    """What picking a choice does to one criterion: exactly one of set, add, require."""

    criterion: Id
    framework: Id | None = Field(
        default=None,
        description=(
            "Only for this framework: the set or add changes the criterion's weight in its "
            "score alone (what the project already runs on, what the team knows)."
        ),
    )
    set: float | None = Field(default=None, ge=0.0, le=10.0, description="Set its weight.")
    add: float | None = Field(default=None, ge=-10.0, le=10.0, description="Add to its weight.")
    require: list[Id] | None = Field(
        default=None,
        min_length=1,
        description="Must-have: frameworks whose level is not one of these are eliminated.",
    )
    reason: ShortText | None = Field(
        default=None, description="Why, in words; shown with eliminations and reasons."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        given = [name for name in ("set", "add", "require") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                "an effect has exactly one of set, add, require"
                + (f" (got {', '.join(given)})" if given else "")
            )
        if self.require is not None and self.reason is None:
            raise ValueError("a require effect needs a reason")
        if self.require is not None and self.framework is not None:
            raise ValueError("a require effect applies to every framework; drop 'framework'")
        return self


class When(Strict):
    """A condition on earlier answers; exactly one form is used.

    ``question`` + ``any_of``: that question's answer includes one of these choices.
    ``all`` / ``any``: every / some sub-condition holds. ``not``: the sub-condition fails.
    """

    model_config = ConfigDict(populate_by_name=True)

    question: Id | None = None
    any_of: list[Id] | None = Field(default=None, min_length=1)
    all_: list[When] | None = Field(default=None, alias="all", min_length=1)
    any_: list[When] | None = Field(default=None, alias="any", min_length=1)
    not_: When | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> When:
        forms = [
            self.question is not None or self.any_of is not None,
            self.all_ is not None,
            self.any_ is not None,
            self.not_ is not None,
        ]
        if sum(forms) != 1:
            raise ValueError("a condition has exactly one of: question+any_of, all, any, not")
        if (self.question is None) != (self.any_of is None):
            raise ValueError("question and any_of go together")
        return self


class Choice(Strict):
    id: Id
    label: Name
    help: Text
    effects: list[Effect] = Field(default_factory=list)


class Question(Strict):
    id: Id
    prompt: ShortText
    topic: ShortText | None = Field(
        default=None,
        description="A few words naming what it asks about, for summaries ('deployment').",
    )
    help: Text
    type: QuestionType
    default: list[Id] = Field(
        default_factory=list,
        description="Choice ids assumed when the question is skipped (one for single).",
    )
    when: When | None = None
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _check(self) -> Question:
        ids = [choice.id for choice in self.choices]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"choice ids repeat: {', '.join(duplicates)}")
        unknown = [d for d in self.default if d not in ids]
        if unknown:
            raise ValueError(
                f"default names unknown choices {', '.join(unknown)} (valid: {', '.join(ids)})"
            )
        if self.type is QuestionType.single and len(self.default) != 1:
            raise ValueError("a single-choice question has exactly one default")
        return self


class QuestionsFile(Strict):
    """`questions.yaml`: the wizard, in the order it asks."""

    questions: list[Question] = Field(min_length=1)


# -------------------------------------------------------------------------- guide.yaml


class FaqEntry(Strict):
    id: Id
    question: ShortText
    answer: Text
    frameworks: list[Id] = Field(default_factory=list)
    sources: list[SourceUrl] = Field(min_length=1)
    last_reviewed: PastDate


class Topic(Strict):
    """A piece of "which one when" guidance."""

    id: Id
    title: ShortText
    frameworks: list[Id] = Field(default_factory=list)
    body: Text
    sources: list[SourceUrl] = Field(default_factory=list)


class GuideFile(Strict):
    """`guide.yaml`: guidance on choosing, and the FAQ."""

    topics: list[Topic] = Field(default_factory=list)
    faq: list[FaqEntry] = Field(default_factory=list)


FILE_MODELS: dict[str, type[BaseModel]] = {
    "meta": Meta,
    "criteria": CriteriaFile,
    "framework": Framework,
    "questions": QuestionsFile,
    "guide": GuideFile,
}
