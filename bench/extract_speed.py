"""The whole extract stage's speed on one core: articles per CPU second of
`search.extract.extract` over the bench corpus, for this checkout and, in the same run,
for others (an earlier commit's worktree), so that a change is judged against its
baseline on the same machine in the same minutes.

Usage::

    python bench/extract_speed.py [-n 3000] [--corpora DIR] [--workdir DIR]
                                  [--repeat 3] [--tree DIR ...]

Each tree is measured in its own subprocess (``PYTHONPATH=tree``), rounds alternating
between trees; a round extracts the first N articles of the bench corpus
(``corpus-10000-s0.jsonl`` from ``bench/corpus.py``, larger for a larger N) after 50
warm-up articles.  CPU seconds (process time)
are less sensitive to a shared machine than elapsed ones; the best round of each tree
is reported.  One line per figure on stdout: ``extract.articles_per_cpu_s <rate>`` for
this checkout, ``extract.tree<i>_articles_per_cpu_s`` for the others and their ratio
to this checkout.  Target: >= 2,000 articles per CPU second.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

TARGET = 2000.0
_ROUND = """
import json, sys, time
from search.extract import extract
path, n = sys.argv[1], int(sys.argv[2])
records = []
with open(path, encoding="utf-8") as handle:
    for line in handle:
        records.append(json.loads(line))
        if len(records) >= n + 50:
            break
for r in records[:50]:
    extract(r.get("title"), r["body"], source=r.get("source"), date=r.get("date"))
start = time.process_time()
for r in records[50:]:
    extract(r.get("title"), r["body"], source=r.get("source"), date=r.get("date"))
print(len(records) - 50, time.process_time() - start)
"""


def _round(tree: Path, corpus: Path, n: int) -> float:
    """Articles per CPU second of one round in a fresh interpreter importing ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _ROUND, str(corpus), str(n)],
        capture_output=True, text=True, cwd=tree, env=env, check=True,
    )  # fmt: skip
    count, seconds = done.stdout.split()
    return int(count) / float(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=3000, help="articles per round")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per tree")
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="another checkout to measure in the same run (repeatable)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("-n and --repeat must be at least 1")
    args.workdir.mkdir(parents=True, exist_ok=True)
    size = max(args.n + 50, 10000)
    corpus = build_corpus(size, args.corpora, args.workdir / f"corpus-{size}-s0.jsonl")
    trees = [REPO, *(tree.resolve() for tree in args.tree)]
    best = [0.0] * len(trees)
    for _ in range(args.repeat):
        for i, tree in enumerate(trees):
            best[i] = max(best[i], _round(tree, corpus, args.n))
    print(f"extract.articles_per_cpu_s {best[0]:.0f}")
    for i in range(1, len(trees)):
        print(f"extract.tree{i}_articles_per_cpu_s {best[i]:.0f}")
        print(f"extract.ratio_this_over_tree{i} {best[0] / best[i]:.3f}")
    verdict = "met" if best[0] >= TARGET else "NOT MET"
    print(f"this checkout: {best[0]:.0f} articles per CPU second (target >= {TARGET:.0f}: "
          f"{verdict}); trees: {', '.join(str(t) for t in trees[1:]) or 'none'}",
          file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
