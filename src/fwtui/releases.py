"""`fwtui check-releases`: the catalog against each framework's release data on PyPI.

For maintainers, before a data release. Each framework's project (its ``pypi`` field) is
read from PyPI's JSON API (``GET {base}/pypi/{project}/json``) with the standard library's
HTTP client and a timeout, and compared with the catalog: the latest version and its
upload date, Requires-Python against ``python``, the licence, and the required
dependencies (``latest.dependencies``; extras and dependencies whose markers exclude the
reference platform of :mod:`fwtui.markers` left out). Every difference is one line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fwtui.catalog.models import SPDX_PATTERN, Framework
from fwtui.errors import UsageError
from fwtui.markers import required_here

DEFAULT_BASE_URL = "https://pypi.org"
BASE_URL_ENV = "FWTUI_PYPI_URL"
DEFAULT_TIMEOUT = 10.0
MAX_RESPONSE_BYTES = 16 * 1024 * 1024
"""Django's JSON, every release with every file, is about 1 MiB."""

# Trove licence classifiers and the SPDX ids they can stand for.
_CLASSIFIER_LICENSES = {
    "MIT License": ("MIT",),
    "BSD License": ("BSD-2-Clause", "BSD-3-Clause", "0BSD"),
    "Apache Software License": ("Apache-2.0",),
    "ISC License (ISCL)": ("ISC",),
    "Mozilla Public License 2.0 (MPL 2.0)": ("MPL-2.0",),
    "Python Software Foundation License": ("PSF-2.0",),
}


@dataclass(frozen=True)
class PypiRelease:
    """What PyPI says of a project's latest release."""

    project: str
    version: str
    uploaded: dt.date | None
    requires_python: str | None
    licenses: tuple[str, ...]
    """SPDX ids the metadata allows: its licence expression, or those of its classifiers."""
    dependencies: tuple[str, ...]


def normalise(name: str) -> str:
    """A project name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _required_dependencies(requires_dist: Any) -> tuple[str, ...]:
    names = set()
    for line in requires_dist or []:
        if not isinstance(line, str):
            continue
        requirement, _, marker = line.partition(";")
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        if match and required_here(marker):
            names.add(normalise(match.group(1)))
    return tuple(sorted(names))


def _licenses(info: dict[str, Any]) -> tuple[str, ...]:
    for text in (info.get("license_expression"), info.get("license")):
        if isinstance(text, str) and len(text) < 100 and re.match(SPDX_PATTERN, text.strip()):
            return (text.strip(),)
    found: list[str] = []
    for classifier in info.get("classifiers") or []:
        if isinstance(classifier, str) and classifier.startswith("License :: OSI Approved :: "):
            found += _CLASSIFIER_LICENSES.get(classifier.rsplit(" :: ", 1)[-1], ())
    return tuple(found)


def _upload_date(files: Any) -> dt.date | None:
    times = [
        str(file.get("upload_time_iso_8601") or file.get("upload_time") or "")[:10]
        for file in files or []
        if isinstance(file, dict)
    ]
    days = sorted(t for t in times if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t))
    return dt.date.fromisoformat(days[0]) if days else None


def _requires_python(info: dict[str, Any], files: Any) -> str | None:
    """What pip reads: the Requires-Python of the release's files when they agree (PyPI's
    ``info.requires_python`` can lag behind them: FastAPI 0.165.0 said >=3.10 there and
    >=3.11 in both files), else the project-level value."""
    found: set[str] = {
        str(file["requires_python"])
        for file in files or []
        if isinstance(file, dict) and isinstance(file.get("requires_python"), str)
    }
    if len(found) == 1:
        return found.pop()
    value = info.get("requires_python")
    return value if isinstance(value, str) else None


def parse_release(project: str, document: Any) -> PypiRelease:
    """The release data in a PyPI JSON response; ValueError if it is not one."""
    info = document.get("info") if isinstance(document, dict) else None
    if not isinstance(info, dict) or not isinstance(info.get("version"), str):
        raise ValueError("the response has no info.version")
    return PypiRelease(
        project=project,
        version=info["version"],
        uploaded=_upload_date(document.get("urls")),
        requires_python=_requires_python(info, document.get("urls")),
        licenses=_licenses(info),
        dependencies=_required_dependencies(info.get("requires_dist")),
    )


def base_url(option: str | None, environ: dict[str, str]) -> str:
    url = option or environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise UsageError(f"--base-url {url!r} is not an http(s) URL, e.g. {DEFAULT_BASE_URL}")
    return url.rstrip("/")


def fetch_release(base: str, project: str, timeout: float) -> PypiRelease | None:
    """The latest release of ``project``, None when PyPI has no such project, or a
    UsageError when the server cannot be reached or answers with something else."""
    url = f"{base}/pypi/{urllib.parse.quote(project)}/json"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise UsageError(f"{url}: the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise UsageError(
            f"cannot reach {base} ({reason}); check-releases needs the network"
        ) from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise UsageError(f"{url}: the response is larger than {MAX_RESPONSE_BYTES} bytes")
    try:
        return parse_release(project, json.loads(body))
    except (ValueError, UnicodeDecodeError) as error:
        raise UsageError(f"{url}: not PyPI's JSON ({error})") from None


def _python_floor(text: str | None) -> tuple[int, ...] | None:
    """The lowest Python a text allows: '>=3.9' and '3.9 or newer' both give (3, 9)."""
    if not text:
        return None
    lower = re.search(r">=\s*(\d+(?:\.\d+)+)", text) or re.search(r"(\d+\.\d+)", text)
    return tuple(int(p) for p in lower.group(1).split(".")[:2]) if lower else None


def differences(framework: Framework, release: PypiRelease) -> list[str]:
    """Each place the catalog says something else than PyPI, as ``field: ...`` text."""
    found = []
    latest = framework.latest
    if latest is None or latest.version != release.version:
        given = f"{latest.version} ({latest.date.isoformat()})" if latest else "not given"
        uploaded = release.uploaded.isoformat() if release.uploaded else "no upload date"
        found.append(f"latest: catalog {given}, PyPI {release.version} ({uploaded})")
    elif release.uploaded is not None and abs((latest.date - release.uploaded).days) > 1:
        # A day either way is the same release: changelogs give the local date, PyPI UTC.
        found.append(
            f"latest.date: catalog {latest.date.isoformat()}, PyPI uploaded "
            f"{release.version} on {release.uploaded.isoformat()}"
        )
    floor = _python_floor(release.requires_python)
    if floor is not None and _python_floor(framework.python) != floor:
        found.append(
            f"python: catalog {framework.python or 'not given'!r}, "
            f"PyPI Requires-Python {release.requires_python}"
        )
    if release.licenses and not _same_license(framework.license, release.licenses):
        found.append(
            f"license: catalog {framework.license or 'not given'}, "
            f"PyPI {' or '.join(release.licenses)}"
        )
    recorded = latest.dependencies if latest else None
    pypi = ", ".join(release.dependencies) or "none"
    if recorded is None:
        found.append(f"latest.dependencies: not in the catalog, PyPI {pypi}")
    elif sorted(normalise(name) for name in recorded) != list(release.dependencies):
        found.append(f"latest.dependencies: catalog {', '.join(recorded) or 'none'}, PyPI {pypi}")
    return found


def _same_license(catalog: str | None, pypi: tuple[str, ...]) -> bool:
    return catalog is not None and catalog.casefold() in {p.casefold() for p in pypi}


def check_releases(
    frameworks: list[Framework],
    fetch: Callable[[str], PypiRelease | None],
    report: Callable[[str], None],
) -> int:
    """Report every difference, one line each; return how many there were."""
    count = 0
    for framework in frameworks:
        if framework.pypi is None:
            lines = ["pypi: no PyPI project name in the catalog, so nothing was checked"]
        else:
            release = fetch(framework.pypi)
            lines = (
                [f"pypi: PyPI has no project {framework.pypi!r}"]
                if release is None
                else differences(framework, release)
            )
        for line in lines:
            report(f"{framework.id}: {line}")
        count += len(lines)
    return count
