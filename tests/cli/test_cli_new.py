"""`fwtui new framework ID`: a complete, commented file that the real loader accepts."""

from __future__ import annotations

import json
from pathlib import Path

from fwtui.catalog.loader import bundled_catalog, load_catalog
from fwtui.catalog.models import Fact, Framework
from helpers import cli


def test_the_template_is_valid_and_names_every_criterion(tmp_path: Path) -> None:
    result = cli("new", "framework", "my_fw", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "frameworks" / "my_fw.yaml"
    assert result.stdout.splitlines() == [
        f"wrote {path}",
        f"check it with: fwtui validate {tmp_path}",
    ]
    text = path.read_text(encoding="utf-8")
    for criterion_id in bundled_catalog().criteria:
        assert f"\n  {criterion_id}:  # " in text, criterion_id
    catalog = load_catalog([tmp_path])  # the real loader, no cache
    framework = catalog.frameworks["my_fw"]
    assert framework.name == "My Fw"
    assert {fact.level for fact in framework.facts.values()} == {"unknown"}
    assert cli("validate", str(tmp_path)).returncode == 0


def test_the_commented_examples_are_valid_once_uncommented(tmp_path: Path) -> None:
    cli("new", "framework", "my_fw", "--output", str(tmp_path))
    path = tmp_path / "frameworks" / "my_fw.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("name: My Fw") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("# One fact per criterion"))
    uncommented = [line.removeprefix("# ") for line in lines[start:end]]
    path.write_text("\n".join([*lines[:start], *uncommented, *lines[end:]]) + "\n", "utf-8")
    result = cli("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    shown = json.loads(cli("--data", str(tmp_path), "show", "my_fw", "--format", "json").stdout)
    assert shown["license"] == "MIT"
    assert shown["latest_version"] == "1.0.0"


def test_it_goes_to_the_user_data_directory_by_default(tmp_path: Path) -> None:
    data_home = tmp_path / "data-home"
    result = cli("new", "framework", "mine", env={"XDG_DATA_HOME": str(data_home)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "check it with: fwtui validate"
    listed = cli("list", env={"XDG_DATA_HOME": str(data_home)}).stdout
    assert any(line.startswith("mine ") for line in listed.splitlines())


def test_bad_ids_and_existing_files_are_refused(tmp_path: Path) -> None:
    assert cli("new", "framework", "mine", "--output", str(tmp_path)).returncode == 0
    again = cli("new", "framework", "mine", "--output", str(tmp_path))
    assert again.returncode == 2
    assert again.stderr.endswith("already exists; edit it, or choose another ID or --output\n")
    for bad in ("My-Fw", "9lives", "x" * 65):
        result = cli("new", "framework", bad, "--output", str(tmp_path))
        assert result.returncode == 2, bad
        assert "is not a framework id" in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_the_template_names_every_key_of_a_framework_file(tmp_path: Path) -> None:
    cli("new", "framework", "my_fw", "--output", str(tmp_path))
    text = (tmp_path / "frameworks" / "my_fw.yaml").read_text(encoding="utf-8")
    keys = [*Framework.model_fields, *(f"    {name}" for name in Fact.model_fields)]
    assert [key for key in keys if f"{key.strip()}:" not in text] == []
