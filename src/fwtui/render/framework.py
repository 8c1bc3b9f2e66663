"""A framework's profile, built once as sections (:func:`framework_sections`), and the
one-line list of ``fwtui list``.

``fwtui show`` prints the profile as text or Markdown; the TUI's overview shows it in a
``FrameworkProfile`` widget. Section ids: ``about``, ``summary``, ``philosophy``,
``support`` (when the project publishes a release policy), ``toolkit``, ``features``,
``ecosystem``, ``use_cases``, ``when``, ``examples``, ``links``, ``pros``, ``cons`` and
``facts`` (one subsection per group of criteria; each fact with what earns its level).
"""

from __future__ import annotations

from collections.abc import Callable

from fwtui.catalog.models import Framework, SupportCycle
from fwtui.catalog.store import Catalog
from fwtui.render import formats, markdown, text
from fwtui.render.matrix import fact_cell
from fwtui.render.report import framework_json
from fwtui.render.sections import (
    Block,
    Bullets,
    Document,
    Fields,
    Lines,
    Links,
    Paragraph,
    Rating,
    Ratings,
    Section,
)
from fwtui.safetext import cell_width, dumps, fit, pad

KIND_LABELS = {
    "full_stack": "full-stack",
    "micro": "micro",
    "api_first": "API-first",
    "toolkit": "toolkit",
}
# Columns of `fwtui list`: id, name, kind, interface, latest version; the tagline fills
# the rest of the line, at least TAGLINE_MIN columns.
LIST_COLUMNS = (10, 10, 10, 15, 8)
TAGLINE_MIN = 10
NOT_GIVEN = "not given"
"""Shown for what a user's framework file leaves out (only id and name are required)."""


def given(value: str | None) -> str:
    return value or NOT_GIVEN


def framework_lines(catalog: Catalog, width: int | None = text.WIDTH) -> list[str]:
    """One line per framework: id, name, kind, interface, latest version, tagline; the
    tagline is cut to fit ``width`` columns, or whole when ``width`` is None (a pipe)."""
    id_width, name_width, kind_width, interface_width, version_width = LIST_COLUMNS
    lines = []
    for framework in catalog.frameworks.values():
        interface = "/".join(i.value for i in framework.interface) or "-"
        kind = KIND_LABELS[framework.kind.value] if framework.kind else "-"
        version = framework.latest.version if framework.latest else "-"
        head = (
            f"{framework.id:<{id_width}} {pad(framework.name, name_width)} "  # ids are ASCII
            f"{pad(kind, kind_width)} "
            f"{pad(interface, interface_width)} {pad(version, version_width)} "
        )
        tagline = given(framework.tagline)
        if width is not None:
            tagline = fit(tagline, max(TAGLINE_MIN, width - cell_width(head)))
        lines.append(head + tagline)
    return lines


def _list(title: str, section_id: str, items: list[str]) -> list[Section]:
    """A bulleted section; "not given" when the file leaves the list out."""
    return [Section(title, (Bullets(tuple(items or [NOT_GIVEN])),), id=section_id)]


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not strftime("%B"): that follows the locale


def support_end(value: str) -> str:
    """``2027-04`` as "April 2027"; a full date stays ISO."""
    if len(value) == len("2027-04"):
        year, month = value.split("-")
        return f"{_MONTHS[int(month) - 1]} {year}"
    return value


def cycle_line(cycle: SupportCycle) -> str:
    """One release series and its support window, e.g.
    "5.2 LTS (2025-04-02): bug fixes until December 2025, security fixes until April 2028"."""
    name = cycle.release_cycle + (" LTS" if cycle.lts else "")
    windows = []
    if cycle.eoas is not None:
        windows.append(f"bug fixes until {support_end(cycle.eoas)}")
    if cycle.eol is not None:
        windows.append(f"security fixes until {support_end(cycle.eol)}")
    said = ", ".join(windows) or "supported; no end announced"
    latest = f"; latest {cycle.latest}" if cycle.latest else ""
    return f"{name} (released {cycle.release_date.isoformat()}): {said}{latest}"


def support_section(framework: Framework) -> list[Section]:
    """The project's release policy and supported series, or no section if it has none."""
    support = framework.support
    if support is None:
        return []
    blocks: list[Block] = [Paragraph(support.policy)]
    if support.cycles:
        blocks.append(Lines(tuple(cycle_line(cycle) for cycle in support.cycles)))
    blocks.append(Links(tuple(str(url) for url in support.sources)))
    return [Section("Releases and support", tuple(blocks), id="support")]


def facts_section(catalog: Catalog, framework: Framework) -> Section:
    """Every fact with its level, note and sources, grouped as the criteria are."""
    groups: dict[str, list[Rating]] = {}
    for criterion in catalog.criteria_by_group():
        rating = fact_cell(catalog, criterion.id, framework).rating(criterion.label)
        groups.setdefault(criterion.group, []).append(rating)
    subsections = tuple(
        Section(catalog.groups[group_id].label, (Ratings(tuple(ratings)),), id=group_id)
        for group_id, ratings in groups.items()
    )
    return Section("Facts", subsections=subsections, id="facts")


def framework_sections(catalog: Catalog, framework: Framework) -> Document:
    """The profile of one framework: everything fwtui knows about it, with sources."""
    latest, first, kind = framework.latest, framework.first_release, framework.kind
    reviewed = framework.last_reviewed
    about = Fields(
        (
            ("Kind", given(KIND_LABELS[kind.value] if kind else None)),
            ("Interface", given(", ".join(i.value for i in framework.interface))),
            ("License", given(framework.license)),
            ("First release", given(str(first) if first else None)),
            ("Latest", given(f"{latest.version} ({latest.date.isoformat()})" if latest else None)),
            ("Python", given(framework.python)),
        )
    )
    links = framework.links
    shown_links = [("Links", NOT_GIVEN)]
    if links:
        shown_links = [
            ("Homepage", str(links.homepage)),
            ("Docs", str(links.docs)),
            ("Repository", str(links.repo)),
        ]
        if links.changelog:
            shown_links.append(("Changelog", str(links.changelog)))
    sections = [
        Section("", (about,), id="about"),
        Section("Summary", (Paragraph(given(framework.summary)),), id="summary"),
        Section("Philosophy", (Paragraph(given(framework.philosophy)),), id="philosophy"),
        *support_section(framework),
    ]
    if framework.toolkit:
        sections += _list("Built on", "toolkit", [f"{c.name}: {c.role}" for c in framework.toolkit])
    sections += _list("Key features", "features", list(framework.key_features))
    if framework.ecosystem:
        ecosystem = [f"{e.name}: {e.note}" for e in framework.ecosystem]
        sections += _list("Ecosystem", "ecosystem", ecosystem)
    sections += _list("Use cases", "use_cases", list(framework.use_cases))
    sections += _list("When to choose it", "when", list(framework.when_to_choose))
    if framework.example_apps:
        sections += _list("Example applications", "examples", list(framework.example_apps))
    sections.append(Section("Links", (Fields(tuple(shown_links)),), id="links"))
    sections += _list("Pros", "pros", [p.text for p in framework.pros])
    sections += _list("Cons", "cons", [c.text for c in framework.cons])
    sections.append(facts_section(catalog, framework))
    return Document(
        f"{framework.name} ({framework.id})",
        tuple(sections),
        subtitle=given(framework.tagline),
        footer=f"Last reviewed {given(reviewed.isoformat() if reviewed else None)}.",
    )


def framework_text(catalog: Catalog, framework: Framework) -> str:
    """A readable profile of one framework with every fact and its source."""
    return text.render_document(framework_sections(catalog, framework)) + "\n"


def framework_markdown(catalog: Catalog, framework: Framework) -> str:
    return markdown.render_document(framework_sections(catalog, framework))


def framework_json_text(catalog: Catalog, framework: Framework) -> str:
    return dumps(framework_json(catalog, framework)) + "\n"


Renderer = Callable[[Catalog, Framework], str]
RENDERERS: dict[str, Renderer] = {
    "text": framework_text,
    "markdown": framework_markdown,
    "json": framework_json_text,
}
"""Every format of ``fwtui show``, by name; each output ends with a newline."""
FORMATS = formats.SHOW
