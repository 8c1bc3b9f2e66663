"""The commented starting file that ``fwtui new framework ID`` writes.

Every key of a framework file is in it, so nothing has to be looked up: the two required
ones set, the others commented out with an example of their form, and one ``unknown``
fact per criterion of the catalog with the criterion's valid levels beside it. As written
it is a valid file; each line uncommented and filled in keeps it one.
"""

from __future__ import annotations

import re

from fwtui.catalog.models import ID_PATTERN, UNKNOWN
from fwtui.catalog.store import Catalog

_PROFILE = """\
# pypi: {id}                  # its project name on PyPI (fwtui check-releases reads it)
# tagline: One line that says what it is and for whom.
# summary: >-
#   A few sentences in your own words: what it gives you, what it leaves to other
#   packages, who maintains it.
# kind: micro                 # full_stack, micro, api_first or toolkit
# philosophy: >-
#   The idea behind it: conventions or freedom, what it decides for you.
# interface: [ASGI]           # any of WSGI, ASGI, own server
# license: MIT                # an SPDX expression, e.g. BSD-3-Clause or MIT OR Apache-2.0
# first_release: 2020         # year of the first public release
# latest:
#   version: "1.0.0"
#   date: 2026-01-31
#   source: https://example.org/changelog/   # where the release is announced
#   dependencies: [anyio]     # PyPI names of its required dependencies
# support:                    # the release and support policy the project publishes
#   policy: Each feature release gets security fixes until the next one.
#   cycles:                   # supported series, newest first (endoflife.date's names)
#     - releaseCycle: "1.0"
#       releaseDate: 2026-01-31
#       eol: 2027-01           # end of security fixes, YYYY-MM or YYYY-MM-DD
#   sources: [https://example.org/docs/releases/]
#   last_reviewed: 2026-01-31
# python: "3.10 or newer"
# links:
#   homepage: https://example.org/
#   docs: https://example.org/docs/
#   repo: https://github.com/example/{id}
#   changelog: https://example.org/changelog/
# toolkit:                    # what it is built on
#   - name: Starlette
#     role: ASGI toolkit underneath
#     url: https://www.starlette.io/
# key_features:
#   - What it does well, one point per line.
# ecosystem:                  # packages that fill its gaps, with the criteria they fill
#   - name: SomeExtension
#     fills: [orm]
#     note: What the extension adds.
#     url: https://example.org/extension/
# use_cases:
#   - A kind of project it suits.
# when_to_choose:
#   - When you would pick it over the others.
# example_apps:
#   - A well-known application built with it.
# pros:
#   - text: A strength, in a sentence.
#     criterion: async_views  # optional: the criterion it is about
# cons:
#   - text: A weakness, in a sentence.
# sources:                    # where the profile above was checked (https URLs)
#   - https://example.org/docs/
# last_reviewed: 2026-01-31   # the day you checked it
"""

_FACTS_HEAD = """\
# One fact per criterion; a criterion left out counts as unknown too. Level 'unknown'
# needs nothing else. Any other level needs a note in your own words, https sources
# on the framework's own docs, changelog or repository, and the day you checked, e.g.:
#   orm:
#     level: extension
#     note: SQLAlchemy through the SomeORM package; nothing is built in.
#     sources: [https://example.org/docs/databases/]
#     last_reviewed: 2026-01-31
#     valid_until: 2027-01-31 # optional: the day the level stops being true
facts:
"""


def valid_framework_id(text: str) -> bool:
    return bool(re.match(ID_PATTERN, text)) and len(text) <= 64


def framework_template(catalog: Catalog, framework_id: str) -> str:
    """The text of ``frameworks/<framework_id>.yaml``; the id must be valid."""
    name = framework_id.replace("_", " ").title()
    lines = [
        f"# fwtui framework file: {name}. Only id and name are required; what you leave",
        '# out shows as "not given". Check the file with `fwtui validate DIR`.',
        f"id: {framework_id}",
        f"name: {name}",
        _PROFILE.format(id=framework_id).rstrip("\n"),
        _FACTS_HEAD.rstrip("\n"),
    ]
    for group in catalog.groups.values():
        criteria = [c for c in catalog.criteria_by_group() if c.group == group.id]
        if not criteria:
            continue
        lines.append(f"  # {group.label}")
        for criterion in criteria:
            levels = ", ".join(level.id for level in catalog.levels(criterion.id))
            lines.append(f"  {criterion.id}:  # {criterion.label}: {levels}")
            lines.append(f"    level: {UNKNOWN}")
    return "\n".join(lines) + "\n"
