"""SIGKILL in the middle of saving, a hundred times: the previous file always survives whole.

A child process saves two different documents in turn with fwtui's own atomic write (the
one behind the answers file, the state file and every export) as fast as it can; the test
kills it at a random moment and checks that the file is one of the two, complete and
loadable, and the next save clears the temporary files the killed ones left. Read-only and
full target directories give one clear line, exit 2.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fwtui.advisor.answers import answers_document, load_answers_file
from fwtui.advisor.scoring import recommend
from fwtui.catalog.loader import bundled_catalog
from fwtui.fsutil import STALE_AFTER, atomic_write
from fwtui.render.recommendation import render
from helpers import cli

KILLS = 100
WRITER = """
import sys
from pathlib import Path
from fwtui.fsutil import atomic_write
target, first, second = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
texts = [first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")]
atomic_write(target, texts[0])
print("ready", flush=True)
n = 1
while True:
    atomic_write(target, texts[n % 2])
    n += 1
"""


def documents(kind: str) -> tuple[str, str]:
    catalog = bundled_catalog()
    api = {"project_kind": ("api",)}
    cms = {"project_kind": ("cms",), "builtins": ("admin", "auth")}
    if kind == "answers":
        created = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
        return answers_document(catalog, api, created), answers_document(catalog, cms, created)
    first = render(catalog, recommend(catalog, api), "adr")
    second = render(catalog, recommend(catalog, cms), "markdown") * 20  # a larger file
    return first, second


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["answers", "export"])
def test_sigkill_while_saving_never_leaves_a_broken_file(tmp_path: Path, kind: str) -> None:
    first, second = documents(kind)
    (tmp_path / "a").write_text(first, encoding="utf-8")
    (tmp_path / "b").write_text(second, encoding="utf-8")
    target = tmp_path / "out" / "saved.yaml"
    target.parent.mkdir()
    rng = random.Random(kind)
    outcomes = {first: 0, second: 0}
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(tmp_path / "a"), str(tmp_path / "b")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.02))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        content = target.read_text(encoding="utf-8")
        assert content in outcomes, "a killed save left a file that is neither version"
        outcomes[content] += 1
        if kind == "answers":
            warnings: list[str] = []
            assert load_answers_file(bundled_catalog(), target, warnings)
    assert all(outcomes.values()), f"both versions should have been seen: {outcomes.values()}"
    leftovers = list(target.parent.glob(".saved.yaml.*.tmp"))
    assert leftovers, "some kills should have caught a save between its write and its rename"
    old = time.time() - STALE_AFTER - 1
    for leftover in leftovers:
        os.utime(leftover, (old, old))
    atomic_write(target, first)  # the next save clears what killed saves left
    assert sorted(target.parent.iterdir()) == [target]
    print(f"{kind}: {KILLS} kills, versions seen {list(outcomes.values())}")


def _mount_tmpfs(path: Path, options: str) -> bool:
    path.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


@pytest.mark.parametrize(
    ("options", "message"),
    [("ro,size=64k", "Read-only file system"), ("size=16k", "No space left on device")],
    ids=["read-only", "full"],
)
def test_read_only_or_full_target_dirs_give_one_clear_line(
    tmp_path: Path, options: str, message: str
) -> None:
    mount_point = tmp_path / "mnt"
    if not _mount_tmpfs(mount_point, options):
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        if "ro" not in options.split(","):
            filler = mount_point / "filler"
            with filler.open("wb") as stream, contextlib.suppress(OSError):
                stream.write(b"x" * 64 * 1024)  # fills the 16 KiB file system
        before = sorted(mount_point.iterdir())
        target = mount_point / "decision.md"
        result = cli("recommend", "--format", "markdown", "--output", str(target))
        assert result.returncode == 2
        assert result.stderr.strip() == f"fwtui: error: cannot write {target}: {message}"
        assert not target.exists()
        assert sorted(mount_point.iterdir()) == before  # no temporary file left behind
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
