"""Print how fast the catalog loads and `fwtui validate` runs, next to a floor program.

`fwtui recommend --format json` is timed the same way, with and without the catalog
cache. The floor is the least any Python tool of this stack pays: start Python, import yaml
and pydantic, define one model and validate one object. Run: ``python bench/bench_startup.py``.
Figures are printed, never asserted: machines here are noisy.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

FLOOR = """
import yaml, pydantic
class Floor(pydantic.BaseModel):
    name: str
Floor.model_validate({"name": "x"})
"""
RUNS = 7


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})
    return time.perf_counter() - started


def median_of(measure: Callable[[], float], runs: int = RUNS) -> tuple[float, float]:
    samples = [measure() for _ in range(runs)]
    return statistics.median(samples), min(samples)


def in_process_load() -> tuple[float, float, float]:
    """(import seconds, first load seconds, median later load seconds), uncached."""
    started = time.perf_counter()
    from fwtui.catalog.loader import load_catalog

    imported = time.perf_counter() - started
    started = time.perf_counter()
    load_catalog(())
    first = time.perf_counter() - started
    later = []
    for _ in range(RUNS):
        started = time.perf_counter()
        load_catalog(())
        later.append(time.perf_counter() - started)
    return imported, first, statistics.median(later)


def in_process_cached_load() -> tuple[float, float]:
    """Median seconds to get the bundled catalog from a warm cache (its own cache dir), and
    for comparison to unpickle the same catalog: the cache format before the JSON one,
    dropped because loading a pickle can run code."""
    import pickle

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="fwtui-bench-")
    from fwtui.catalog.cache import load_catalog_cached

    catalog = load_catalog_cached(())
    pickled = pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL)
    samples, unpickled = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        load_catalog_cached(())
        samples.append(time.perf_counter() - started)
        started = time.perf_counter()
        pickle.loads(pickled)  # our own bytes, made just above
        unpickled.append(time.perf_counter() - started)
    return statistics.median(samples), statistics.median(unpickled)


def main() -> None:
    python = sys.executable
    floor_median, floor_min = median_of(lambda: wall([python, "-c", FLOOR]))
    validate_median, validate_min = median_of(lambda: wall([python, "-m", "fwtui", "validate"]))
    version_median, version_min = median_of(lambda: wall([python, "-m", "fwtui", "--version"]))
    recommend = [python, "-m", "fwtui", "recommend", "--format", "json"]
    # Its own cache dir, warmed by one run: later runs reuse the validated catalog.
    cache_env = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="fwtui-bench-")}
    wall(recommend, cache_env)
    recommend_median, recommend_min = median_of(lambda: wall(recommend, cache_env))
    cold_median, cold_min = median_of(lambda: wall(recommend, {"FWTUI_NO_CACHE": "1"}))
    imported, first, later = in_process_load()
    rows = [
        ("floor: python + yaml + pydantic + 1 model", floor_median, floor_min),
        ("fwtui --version", version_median, version_min),
        ("fwtui validate (bundled catalog)", validate_median, validate_min),
        ("fwtui recommend --format json (cached)", recommend_median, recommend_min),
        ("fwtui recommend --format json (no cache)", cold_median, cold_min),
    ]
    print(f"{'wall time of a whole process':<44} {'median':>9} {'min':>9}")
    for label, median, minimum in rows:
        print(f"{label:<44} {median * 1000:>7.0f}ms {minimum * 1000:>7.0f}ms")
    print(f"{'validate / floor':<44} {validate_median / floor_median:>8.2f}x")
    print(f"{'recommend (cached) / floor':<44} {recommend_median / floor_median:>8.2f}x")
    print(f"{'recommend (cached) / floor, by minimum':<44} {recommend_min / floor_min:>8.2f}x")
    print(f"{'recommend (no cache) / floor':<44} {cold_median / floor_median:>8.2f}x")
    print()
    print("in process")
    print(f"{'import fwtui.catalog.loader (models, pydantic)':<44} {imported * 1000:>7.1f}ms")
    print(f"{'load + validate bundled catalog, first':<44} {first * 1000:>7.1f}ms")
    print(f"{'load + validate bundled catalog, median':<44} {later * 1000:>7.1f}ms")
    cached, unpickled = in_process_cached_load()
    print(f"{'bundled catalog from the JSON cache, median':<44} {cached * 1000:>7.1f}ms")
    print(f"{'  the same catalog unpickled (old cache)':<44} {unpickled * 1000:>7.1f}ms")


if __name__ == "__main__":
    main()
