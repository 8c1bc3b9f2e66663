"""`fwtui check-releases` against a local server on 127.0.0.1 that answers with responses
recorded from PyPI's JSON API (tests/data/pypi/); no test touches the network."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from fwtui.markers import required_here
from fwtui.releases import parse_release
from helpers import TESTS, cli

RECORDED = TESTS / "data" / "pypi"

FLASK_AS_RECORDED = """\
id: mine
name: Mine
pypi: Flask
license: BSD-3-Clause
python: "3.9 or newer"
latest:
  version: "3.1.3"
  date: 2026-02-18
  source: https://flask.palletsprojects.com/en/stable/changes/
  dependencies: [blinker, click, itsdangerous, Jinja2, MarkupSafe, werkzeug]
"""


class _Recorded(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        name = parts[1].lower() if len(parts) == 3 and parts[0] == "pypi" else ""
        path = RECORDED / f"{name}.json"
        if name == "garbage":
            self._answer(200, b"<html>not json</html>")
        elif name.isalnum() and path.is_file():
            self._answer(200, path.read_bytes())
        else:
            self._answer(404, b'{"message": "Not Found"}')

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def pypi() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorded)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def user_data(tmp_path: Path, text: str) -> Path:
    (tmp_path / "frameworks").mkdir(parents=True)
    (tmp_path / "frameworks" / "mine.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def check(pypi: str, data: Path, *more: str) -> tuple[int, list[str], str]:
    result = cli(
        "--data",
        str(data),
        "check-releases",
        "--frameworks",
        "mine",
        *more,
        env={"FWTUI_PYPI_URL": pypi},
    )
    return result.returncode, result.stdout.splitlines(), result.stderr


def test_a_catalog_that_matches_the_release_passes(pypi: str, tmp_path: Path) -> None:
    code, lines, _ = check(pypi, user_data(tmp_path, FLASK_AS_RECORDED))
    # The upload was 2026-02-19 05:00 UTC, a day after the changelog's date: the same release.
    assert (code, lines) == (0, ["the catalog matches PyPI for 1 framework"])


def test_every_difference_is_one_line_and_exit_1(pypi: str, tmp_path: Path) -> None:
    stale = (
        FLASK_AS_RECORDED.replace('"3.1.3"', '"3.1.2"')
        .replace("date: 2026-02-18", "date: 2025-08-19")
        .replace("BSD-3-Clause", "MIT")
        .replace("3.9 or newer", "3.8 or newer")
        .replace("click, ", "")
    )
    code, lines, _ = check(pypi, user_data(tmp_path, stale), "--base-url", pypi)
    assert code == 1
    assert lines == [
        "mine: latest: catalog 3.1.2 (2025-08-19), PyPI 3.1.3 (2026-02-19)",
        "mine: python: catalog '3.8 or newer', PyPI Requires-Python >=3.9",
        "mine: license: catalog MIT, PyPI BSD-3-Clause",
        "mine: latest.dependencies: catalog blinker, itsdangerous, Jinja2, MarkupSafe, werkzeug, "
        "PyPI blinker, click, itsdangerous, jinja2, markupsafe, werkzeug",
        "4 differences from PyPI in 1 framework",
    ]


def test_licence_from_classifiers_and_no_dependencies(pypi: str, tmp_path: Path) -> None:
    bottle = """\
id: mine
name: Mine
pypi: bottle
license: MIT
latest:
  version: "0.13.4"
  date: 2025-06-15
  source: https://bottlepy.org/docs/dev/changelog.html
"""
    code, lines, _ = check(pypi, user_data(tmp_path, bottle))
    assert (code, lines[0]) == (1, "mine: latest.dependencies: not in the catalog, PyPI none")
    assert len(lines) == 2, lines  # no Requires-Python on PyPI: nothing to compare


def test_a_project_pypi_does_not_know(pypi: str, tmp_path: Path) -> None:
    code, lines, _ = check(pypi, user_data(tmp_path, "id: mine\nname: Mine\npypi: nosuch\n"))
    assert (code, lines[0]) == (1, "mine: pypi: PyPI has no project 'nosuch'")
    code, lines, _ = check(pypi, user_data(tmp_path / "b", "id: mine\nname: Mine\n"))
    assert lines[0] == "mine: pypi: no PyPI project name in the catalog, so nothing was checked"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_offline_or_a_wrong_server_is_one_line_and_status_2(pypi: str, tmp_path: Path) -> None:
    data = user_data(tmp_path, "id: mine\nname: Mine\npypi: garbage\n")
    code, _, error = check(pypi, data)
    assert code == 2
    assert error.splitlines() == [
        f"fwtui: error: {pypi}/pypi/garbage/json: not PyPI's JSON "
        "(Expecting value: line 1 column 1 (char 0))"
    ]
    code, _, error = check(f"http://127.0.0.1:{_closed_port()}", data, "--timeout", "2")
    assert code == 2
    assert len(error.splitlines()) == 1
    assert error.startswith("fwtui: error: cannot reach http://127.0.0.1:"), error
    assert error.rstrip().endswith("check-releases needs the network")


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    for args in (("--base-url", "ftp://example.org"), ("--timeout", "0"), ("--timeout", "x")):
        result = cli("check-releases", *args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("marker", "needed"),
    [
        ("", True),
        (' python_version < "3.10"', False),
        (' python_version >= "3.10"', True),
        (' extra == "async"', False),
        (' sys_platform == "win32"', False),
        (' platform_python_implementation == "PyPy" or python_version < "3.11"', False),
        (' (os_name == "posix" and implementation_name == "cpython")', True),
        (' platform_release >= "5"', True),
        (' extra == "test" or python_version >= "3.10"', True),
        (' python_version >= "3.10" and extra == "test"', False),
        (" python_version <<< 3 ((", True),  # not readable: kept, never dropped by mistake
    ],
)
def test_markers_that_exclude_a_dependency(marker: str, needed: bool) -> None:
    assert required_here(marker) is needed


def test_the_files_requires_python_wins_over_a_lagging_project_value() -> None:
    document = {
        "info": {"version": "0.165.0", "requires_python": ">=3.10"},
        "urls": [
            {"filename": "fastapi-0.165.0-py3-none-any.whl", "requires_python": ">=3.11"},
            {"filename": "fastapi-0.165.0.tar.gz", "requires_python": ">=3.11"},
        ],
    }
    assert parse_release("fastapi", document).requires_python == ">=3.11"
    document["urls"][1]["requires_python"] = ">=3.9"  # files that disagree: the project's
    assert parse_release("fastapi", document).requires_python == ">=3.10"
