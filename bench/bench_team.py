"""Print how long `fwtui team` takes over 50 people's answers files, beside `recommend` for one.

Two teams of 50 are written to a temporary folder: one like a real team (everyone starts
from one brief, a kind of project with the other questions at their defaults, and changes
one or two answers) and one of unrelated random answers to every question, the worst case
(someone's must-have eliminates every framework, and the agreement search stops at its
budget). Each is timed as the command
(`python -m fwtui ... --format json`, median of RUNS) and in process (the advisor alone).
Run: ``python bench/bench_team.py``. Figures are printed, never asserted.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fwtui.advisor.answers import answers_document, load_answers_file
from fwtui.advisor.scoring import recommend
from fwtui.advisor.team import SEARCH_BUDGET, decide_files
from fwtui.catalog.loader import bundled_catalog
from fwtui.catalog.models import QuestionType
from fwtui.catalog.store import Catalog

PEOPLE = 50
RUNS = 5
SEED = 15


def random_answer(catalog: Catalog, question_id: str, rng: random.Random) -> tuple[str, ...]:
    question = catalog.questions[question_id]
    ids = [choice.id for choice in question.choices]
    if question.type is QuestionType.single:
        return (rng.choice(ids),)
    picked = set(rng.sample(ids, rng.randint(0, min(3, len(ids)))))
    return tuple(c for c in ids if c in picked)


def write_team(catalog: Catalog, folder: Path, similar: bool, rng: random.Random) -> list[Path]:
    folder.mkdir()
    # A real team shares a brief: the kind of project, the rest left at the defaults.
    brief = {"project_kind": random_answer(catalog, "project_kind", rng)}
    paths = []
    for index in range(PEOPLE):
        if similar:
            given = dict(brief)
            for qid in rng.sample(sorted(catalog.questions), rng.randint(1, 2)):
                given[qid] = random_answer(catalog, qid, rng)
        else:
            given = {qid: random_answer(catalog, qid, rng) for qid in catalog.questions}
        asked = recommend(catalog, given, with_flips=False).answers
        path = folder / f"person-{index:02}.yaml"
        path.write_text(
            answers_document(catalog, asked, None, f"Person {index:02}"), encoding="utf-8"
        )
        paths.append(path)
    return paths


def median_seconds(measure: Callable[[], object], runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        measure()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def command(*args: str) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(
            [sys.executable, "-m", "fwtui", *args], check=True, capture_output=True
        )

    return run


def main() -> None:
    catalog = bundled_catalog()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        teams = {
            "similar": write_team(catalog, root / "similar", True, rng),
            "random": write_team(catalog, root / "random", False, rng),
        }
        one = teams["similar"][0]
        print(f"{PEOPLE} people per team; median of {RUNS} runs; search budget {SEARCH_BUDGET}")
        print()
        print(f"{'what':<44} {'command':>10} {'in process':>11}")
        record_one = command("recommend", "--answers", str(one), "--format", "json")
        answers = load_answers_file(catalog, one, [])
        in_one = median_seconds(lambda: recommend(catalog, answers))
        shell = median_seconds(record_one)
        print(f"{'recommend, one person':<44} {shell:>9.3f}s {in_one:>10.3f}s")
        for name, paths in teams.items():
            folder = str(paths[0].parent)
            whole = median_seconds(command("team", folder, "--format", "json"))
            result = decide_files(catalog, paths)
            inside = median_seconds(lambda paths=paths: decide_files(catalog, paths))
            label = f"team, {PEOPLE} people ({name} answers)"
            print(f"{label:<44} {whole:>9.3f}s {inside:>10.3f}s")
            agreement = result.agreement
            pick = agreement.framework.name if agreement.framework else "none found"
            chosen = result.pick.framework.name if result.pick else "none"
            status = "complete" if agreement.complete else "stopped at the budget"
            print(
                f"  consensus {result.consensus:.1f} %, pick {chosen}; to agree: {pick}, "
                f"{len(agreement.changes)} changes, {agreement.tried} answer sets tried, {status}"
            )


if __name__ == "__main__":
    main()
