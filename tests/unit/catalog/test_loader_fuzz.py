"""Property tests: whatever text or bytes a data file holds, the loader either returns a
catalog or raises our own DataError; it never crashes, hangs or constructs objects."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fwtui.catalog.loader import load_catalog
from fwtui.catalog.store import Catalog
from fwtui.catalog.yamlsafe import YamlDocument, load_yaml
from fwtui.errors import DataError

YAML_PIECES = st.sampled_from(
    [
        "faq:",
        "topics:",
        "\n",
        "  ",
        "- ",
        "id: x",
        "question: q",
        "answer: a",
        "sources: [https://docs.djangoproject.com/]",
        "last_reviewed: 2026-01-01",
        "&a ",
        "*a",
        "!!python/object:os.system",
        "!!binary",
        "{",
        "}",
        "[",
        "]",
        ":",
        "'",
        '"',
        "#",
        "? ",
        "<<: *a",
        "---",
        "...",
        "%YAML 1.1",
        "\t",
        "\x00",
        "\ufeff",
        "é",
        "frameworks: [django]",
        "yes",
        "~",
        "1e3",
        "2026-13-40",
    ]
)
YAML_TEXT = st.one_of(st.text(max_size=300), st.lists(YAML_PIECES, max_size=40).map("".join))
FUZZ_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check_one(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "guide.yaml"
        path.write_bytes(content)
        try:
            document = load_yaml(path, str(path))
        except DataError as error:
            assert error.problems
            assert all(
                problem.file == str(path) and problem.line >= 1 for problem in error.problems
            )
        else:
            assert isinstance(document, YamlDocument)
            assert isinstance(document.data, dict)


@FUZZ_SETTINGS
@given(YAML_TEXT)
def test_any_text_gives_a_document_or_data_error(text: str) -> None:
    _check_one(text.encode("utf-8", "surrogatepass"))


@FUZZ_SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_data_error(content: bytes) -> None:
    _check_one(content)


@pytest.mark.slow  # seconds of search; CI runs it with the slow set
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_TEXT)
def test_any_user_guide_gives_a_catalog_or_data_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "guide.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            catalog = load_catalog([Path(folder)])
        except DataError as error:
            assert error.problems
        else:
            assert isinstance(catalog, Catalog)
