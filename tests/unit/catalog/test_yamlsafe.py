"""Unit tests of the safe YAML reader (fast, in-process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fwtui.catalog.yamlsafe import MAX_DEPTH, load_yaml
from fwtui.errors import DataError


def load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "f.yaml").data


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def test_plain_mapping_loads_with_dates(tmp_path: Path) -> None:
    data = load(tmp_path, "a: 1\nb: [x, y]\nday: 2026-01-02\n")
    assert data == {"a": 1, "b": ["x", "y"], "day": __import__("datetime").date(2026, 1, 2)}


def test_small_aliases_are_fine(tmp_path: Path) -> None:
    assert load(tmp_path, "a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load(tmp_path, "\ufeffa: 1\n") == {"a": 1}


def test_recursive_alias_is_rejected(tmp_path: Path) -> None:
    assert any("refers to itself" in p for p in problems(tmp_path, "a: &x [1, *x]\n"))


def test_nesting_at_the_limit_loads(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 1
    assert load(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")


def test_alias_nesting_beyond_the_limit_is_rejected(tmp_path: Path) -> None:
    rows = ["a0: &a0 [[[[[[[[1]]]]]]]]"]
    rows += [f"a{i}: &a{i} [[[[[[[[*a{i - 1}]]]]]]]]" for i in range(1, 6)]
    assert any("nest deeper" in p for p in problems(tmp_path, "\n".join(rows) + "\n"))


def test_merge_keys_are_rejected(tmp_path: Path) -> None:
    found = problems(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert any("f.yaml:3: other: merge keys" in p for p in found)


def test_several_duplicate_keys_all_reported(tmp_path: Path) -> None:
    found = problems(tmp_path, "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
    assert found == [
        "f.yaml:2: a: duplicate key 'a' (first defined on line 1)",
        "f.yaml:5: b.c: duplicate key 'c' (first defined on line 4)",
    ]


def test_two_documents_are_rejected(tmp_path: Path) -> None:
    assert any("YAML syntax error" in p for p in problems(tmp_path, "a: 1\n---\nb: 2\n"))


def test_unknown_local_tag_is_rejected(tmp_path: Path) -> None:
    assert any("!custom" in p for p in problems(tmp_path, "a: !custom 1\n"))


def test_scalar_document_is_rejected(tmp_path: Path) -> None:
    assert problems(tmp_path, "just text\n") == [
        "f.yaml:1: expected a mapping of keys, found a single value"
    ]


# The fast path (one walk building data and lines) must give what the careful path gives,
# and hand every file it cannot explain to the careful path.
BUNDLED = Path(__file__).resolve().parents[3] / "src" / "fwtui" / "data"
TRICKY = [
    "a: 1\nb: [x, y]\nday: 2026-01-02\nt: true\nn: ~\nf: 1.5\nh: 0x1f\n",
    "a: &x [1, 2]\nb: *x\n",
    "a: &x {k: v}\nb: *x\n",
    "a: 1\na: 2\n",
    "1: one\n0x1: also one\n",
    "base: &b {k: v}\nmerged:\n  <<: *b\n  j: w\n",
    "a: !!str 12\nb: !!int '7'\n",
    "a: !custom x\n",
    "day: 2026-02-31\n",
    "? [a, b]\n: c\n",
    "- a\n- b\n",
    "text: >-\n  folded\n  lines\nliteral: |\n  kept\n",
    "bad: \x07bell\n",
    'bidi: \u202eevil\ntab: "a\\tb"\nnl: "a\\nb"\nc1: "\\x85"\n',
    "days: [2026-01-02, 2026-1-2, 2026-02-29, 2024-02-29, 2026-01-02 10:00:00]\n",
    "when: 2026-01-02T10:00:00Z\n",
    "many: [" + "1, " * 100_000 + "1]\n",  # more than MAX_NODES values, and no alias
    "many: [" + "1, " * 99_996 + "1]\n",  # exactly MAX_NODES: root, key, list and items
]


def _careful(monkeypatch: pytest.MonkeyPatch, path: Path) -> object:
    from fwtui.catalog import yamlsafe

    with monkeypatch.context() as patched:
        patched.setattr(yamlsafe, "_fast_build", lambda root: None)
        try:
            return load_yaml(path, "f.yaml")
        except DataError as error:
            return [str(p) for p in error.problems]


def _fast(path: Path) -> object:
    try:
        return load_yaml(path, "f.yaml")
    except DataError as error:
        return [str(p) for p in error.problems]


def test_fast_path_gives_what_the_careful_path_gives_on_the_bundled_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fwtui.catalog import yamlsafe

    built = []
    real = yamlsafe._fast_build
    monkeypatch.setattr(yamlsafe, "_fast_build", lambda root: built.append(1) or real(root))
    paths = sorted(BUNDLED.rglob("*.yaml"))
    fast = [load_yaml(path, "f.yaml") for path in paths]
    assert all(document.data for document in fast)
    assert [_careful(monkeypatch, path) for path in paths] == fast
    assert len(built) == len(paths)  # ... and it really was the fast path that built them


@pytest.mark.parametrize("text", TRICKY)
def test_fast_path_matches_the_careful_path_on_tricky_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert _fast(path) == _careful(monkeypatch, path)


def test_fast_resolver_resolves_like_pyyaml_s() -> None:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from yaml.resolver import BaseResolver

    from fwtui.catalog.yamlsafe import _Resolver

    ours = _Resolver()
    values = [
        "",
        "~",
        "null",
        "true",
        "False",
        "yes",
        "12",
        "-3",
        "0x1F",
        "1_000",
        "1.5",
        ".inf",
        "1e3",
        "2026-01-02",
        "2026-1-2 10:00:00",
        "<<",
        "text",
        "3.1.2",
        "12a",
    ]
    for value in values:
        for implicit in ((True, False), (False, True), (False, False)):
            expected = BaseResolver.resolve(ours, ScalarNode, value, implicit)
            assert ours.resolve(ScalarNode, value, implicit) == expected, (value, implicit)
    assert ours.resolve(MappingNode, None, (True, False)) == BaseResolver.DEFAULT_MAPPING_TAG
    assert ours.resolve(SequenceNode, None, (True, False)) == BaseResolver.DEFAULT_SEQUENCE_TAG
