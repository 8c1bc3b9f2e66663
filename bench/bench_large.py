"""Print how fwtui copes with a large catalog: time and peak memory of `list` and
`recommend`, cold (every file read and validated) and from the catalog cache.

Run: ``python bench/bench_large.py [--frameworks 10000]``. The catalog is the bundled one
plus copies of its framework files under new ids, so every file is as long and as varied as
a real one. Figures are printed, never asserted: machines here are noisy. Targets (issue 11)
at 10,000 frameworks: cold `list` under 10 s and 500 MB, cached `recommend` under 2 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
FRAMEWORKS = SRC / "fwtui" / "data" / "frameworks"

# Runs the CLI in a child and reports the child's own peak resident memory on stderr.
MEASURED = """
import resource, sys
from fwtui.cli import main
status = main(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"PEAK_KIB {peak}", file=sys.stderr)
raise SystemExit(status)
"""


def make_catalog(directory: Path, count: int) -> None:
    """A data dir of ``count`` frameworks beyond the bundled ones, copied from them."""
    target = directory / "frameworks"
    target.mkdir(parents=True)
    sources = sorted(FRAMEWORKS.glob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in sources]
    for n in range(count - len(sources)):
        text = texts[n % len(texts)]
        new_id = f"copy{n:05d}"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^name: .*$", f"name: Copy {n:05d}", text, count=1, flags=re.MULTILINE)
        (target / f"{new_id}.yaml").write_text(text, encoding="utf-8")


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak MiB, exit status) of one CLI run in a fresh process."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC), **env},
        check=False,
    )
    elapsed = time.perf_counter() - started
    peak = re.search(r"PEAK_KIB (\d+)", result.stderr)
    return elapsed, int(peak.group(1)) / 1024 if peak else float("nan"), result.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frameworks", type=int, default=10_000)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fwtui-bench-large-"))
    try:
        data = work / "data"
        make_catalog(data, options.frameworks)
        base = {"XDG_CACHE_HOME": str(work / "cache"), "FWTUI_STATE_DIR": str(work)}
        rows = [
            ("list, cold (no cache)", ["--data", str(data), "list"], {"FWTUI_NO_CACHE": "1"}),
            ("list, first run (builds the cache)", ["--data", str(data), "list"], {}),
            ("list, cached", ["--data", str(data), "list"], {}),
            ("recommend, cached", ["--data", str(data), "recommend", "--format", "json"], {}),
            (
                "recommend api, cached",
                ["--data", str(data), "recommend", "--answer", "project_kind=api"],
                {},
            ),
        ]
        print(f"{options.frameworks} frameworks")
        print(f"{'command':<40} {'wall':>9} {'peak RSS':>10} {'exit':>5}")
        for label, args, env in rows:
            seconds, peak, status = measure(args, {**base, **env})
            print(f"{label:<40} {seconds:>8.2f}s {peak:>7.0f}MiB {status:>5}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
