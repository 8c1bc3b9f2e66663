"""Regenerate tests/data/seed-8gram-hashes.txt from a copy of the seed article.

Usage: ``python bench/seed_hashes.py PATH/TO/ARTICLE.txt``. Only hashes are written, so the
article's text never enters the repository.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HEADER = """\
# SHA-256 (first 16 hex digits) of every run of 8 lower-cased words of the seed
# article 'Flask vs Django: Which One Should You Choose?'. Only hashes are kept, not
# the article's text. Regenerate with bench/seed_hashes.py.
"""


def main() -> None:
    words = re.findall(r"[a-z0-9]+", Path(sys.argv[1]).read_text(encoding="utf-8").lower())
    runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    hashes = sorted({hashlib.sha256(run.encode()).hexdigest()[:16] for run in runs})
    target = Path(__file__).parent.parent / "tests" / "data" / "seed-8gram-hashes.txt"
    target.write_text(HEADER + "\n".join(hashes) + "\n", encoding="utf-8")
    print(f"{len(hashes)} hashes written to {target}")


if __name__ == "__main__":
    main()
