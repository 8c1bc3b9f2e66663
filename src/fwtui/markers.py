"""Which ``Requires-Dist`` lines a release needs on one reference platform
(``importlib-metadata; python_version < "3.10"`` is not needed on 3.13;
``pytest; extra == "test"`` is never required). The markers are evaluated by
``packaging``, the reference implementation of the specification.

A marker that cannot be read counts as true, so a dependency is never dropped by mistake;
the maintainer then sees it listed and can judge.
"""

from __future__ import annotations

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName

REFERENCE = {
    "python_version": "3.13",
    "python_full_version": "3.13.0",
    "implementation_name": "cpython",
    "implementation_version": "3.13.0",
    "platform_python_implementation": "CPython",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_release": "6.8.0",
    "platform_version": "#1 SMP",
    "os_name": "posix",
    "platform_machine": "x86_64",
    "extra": "",
}
"""The platform the catalog's dependency lists are for: CPython 3.13 on 64-bit Linux.
Every marker variable is fixed here, so the answer never depends on the machine."""


def required_here(marker: str, environment: dict[str, str] = REFERENCE) -> bool:
    """Whether a dependency with this marker is needed in ``environment``; an optional
    extra (``extra == "..."``) never is, since ``extra`` is empty here."""
    text = marker.strip()
    if not text:
        return True
    try:
        return Marker(text).evaluate(dict(environment))
    except (InvalidMarker, UndefinedComparison, UndefinedEnvironmentName):
        return True
