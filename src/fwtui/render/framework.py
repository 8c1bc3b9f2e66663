"""Plain-text views for the terminal (``fwtui list`` and ``fwtui show``), 80 columns wide."""

from __future__ import annotations

from fwtui.catalog.models import Framework, Point
from fwtui.catalog.store import Catalog
from fwtui.safetext import cell_width, fit, pad, wrap

WIDTH = 80
KIND_LABELS = {
    "full_stack": "full-stack",
    "micro": "micro",
    "api_first": "API-first",
    "toolkit": "toolkit",
}


def framework_lines(catalog: Catalog) -> list[str]:
    """One line per framework: id, name, kind, interface, latest version, tagline."""
    lines = []
    for framework in catalog.frameworks.values():
        interface = "/".join(i.value for i in framework.interface)
        head = (
            f"{framework.id:<10} {pad(framework.name, 10)} "  # ids are ASCII, never cut
            f"{pad(KIND_LABELS[framework.kind.value], 10)} {pad(interface, 15)} "
            f"{pad(framework.latest.version, 8)} "
        )
        lines.append(head + fit(framework.tagline, max(10, WIDTH - cell_width(head))))
    return lines


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _bullets(items: list[str]) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines += wrap(item, WIDTH, initial_indent="  - ", subsequent_indent="    ")
    return lines


def _points(points: list[Point]) -> list[str]:
    return _bullets([p.text for p in points])


def framework_text(catalog: Catalog, framework: Framework) -> str:
    """A readable profile of one framework with every fact and its source."""
    interface = ", ".join(i.value for i in framework.interface)
    profile = [
        ("Kind", KIND_LABELS[framework.kind.value]),
        ("Interface", interface),
        ("License", framework.license),
        ("First release", str(framework.first_release)),
        ("Latest", f"{framework.latest.version} ({framework.latest.date.isoformat()})"),
        ("Python", framework.python),
        ("Docs", str(framework.links.docs)),
        ("Repository", str(framework.links.repo)),
    ]
    lines = [
        f"{framework.name} ({framework.id})",
        "=" * min(WIDTH, cell_width(framework.name) + len(framework.id) + 3),
        *wrap(framework.tagline, WIDTH),
        "",
    ]
    for label, value in profile:
        lines += wrap(
            value,
            WIDTH,
            initial_indent=f"  {label + ':':<16}",
            subsequent_indent=" " * 18,
            break_long_words=False,
        )
    lines += [
        "",
        "Summary",
        *_wrap(framework.summary),
        "",
        "Philosophy",
        *_wrap(framework.philosophy),
    ]
    if framework.toolkit:
        lines += ["", "Built on"]
        lines += _bullets([f"{c.name}: {c.role}" for c in framework.toolkit])
    lines += ["", "Key features", *_bullets(list(framework.key_features))]
    if framework.ecosystem:
        lines += ["", "Ecosystem"]
        lines += _bullets([f"{e.name}: {e.note}" for e in framework.ecosystem])
    lines += ["", "Use cases", *_bullets(list(framework.use_cases))]
    lines += ["", "When to choose it", *_bullets(list(framework.when_to_choose))]
    if framework.example_apps:
        lines += ["", "Example applications", *_bullets(list(framework.example_apps))]
    lines += ["", "Pros", *_points(list(framework.pros))]
    lines += ["", "Cons", *_points(list(framework.cons))]
    lines += ["", "Facts"]
    group = None
    for criterion in catalog.criteria_by_group():
        if criterion.group != group:
            group = criterion.group
            lines += ["", f"  {catalog.groups[group].label}"]
        fact = framework.facts[criterion.id]
        lines.append(f"  {criterion.label}: {catalog.level(criterion.id, fact.level).display}")
        lines += _wrap(fact.note, "      ")
        lines += [f"      source: {url}" for url in fact.sources]
    lines += ["", f"Last reviewed {framework.last_reviewed.isoformat()}."]
    return "\n".join(lines)
