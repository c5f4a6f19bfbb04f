"""Brief benchmark: drafting a cited brief over a large archive, against its pair summary.

Usage::

    python bench/brief.py [-n 100000] [--corpora DIR] [--workdir DIR] [--seed S]
                          [--home DIR] [--pair A,B] [--repeat R]

Steps:

1. The archive: ``--home DIR`` (an existing briefroom home), else the shared archive of
   the other benchmarks (``bench/relations.py``'s ``shared_archive``: ``bench/search.py``'s
   archive of ``bench/corpus.py``'s corpus, ``WORKDIR/search-N-sS/home``, built there
   when missing: minutes for 100k, run it in the background).
2. The store: the archive's own, or, when it was ingested before ingest kept the pair
   rule's weights (``article_mentions``, `search.pairs`), a copy in the work folder with
   the weights filled in (once, cached, shared with ``bench/relations.py``; the archive
   itself is never modified).
3. The pairs: ``--pair`` (our side first), else the two countries with the most articles
   in common (the worst case for a brief: its figures are the main lines), then KAZ-USA
   and KAZ-NOR (lines ``brief.KAZ-USA.total_s`` ...).  The as-of date is the archive's latest
   article date, so every fact counts.
4. In one process: one cold run (``build_brief`` + YAML + Markdown, including the first
   load of the country gazetteer and the topic taxonomy), then R warm repeats of
   ``pair_summary`` (the baseline: what any view of the pair costs) and of the whole
   brief (``build_brief``, which computes its own pair summary, then YAML and Markdown).
5. One ``name value`` line per figure on stdout (medians); details on stderr.  The
   target is ``brief.total_s <= 1.0`` on 100,000 articles; ``brief.overhead_s`` (brief
   total minus its pair summary: what the brief itself costs) and
   ``brief.overhead_ratio`` (brief total / pair summary) are the figures to compare
   across machines.

Exit status: 0 on success (target met or not: the figures say), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA  # noqa: E402  (bench/ is not a package)
from relations import relations_store, shared_archive  # noqa: E402

DEFAULT_WORKDIR = REPO / "bench" / "out"
TARGET_S = 1.0
FIXED_PAIRS = (("KAZ", "USA"), ("KAZ", "NOR"))  # as in bench/relations.py


def top_pair(store: Any) -> tuple[str, str, int]:
    """The two countries with the most articles in common."""
    row = store.conn.execute(
        "SELECT x.code, y.code, count(*) AS n FROM article_countries x "
        "JOIN article_countries y ON y.article = x.article AND y.code > x.code "
        "GROUP BY x.code, y.code ORDER BY n DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise SystemExit("bench/brief.py: no pair of countries in the archive")
    return str(row[0]), str(row[1]), int(row[2])


def bench_store(home: Path, workdir: Path, name: str) -> Path:
    """The store to measure: the archive's own, or a copy with the pair-rule weights.

    An archive ingested before ingest wrote ``article_mentions`` (see `search.pairs`)
    makes every pair query weigh articles from their JSON; such a store is copied into
    the work folder (never modified in place) and the table is filled there, once: the
    relations benchmark's copy (``bench/relations.py``, same cache), so both benchmarks
    measure the same store.
    """
    from search import pairs
    from search.store import Store

    source = home / "archive.sqlite3"
    store = Store.open(source, readonly=True)
    ready = pairs.has_table(store.conn)
    store.close()
    if ready:
        return source
    return relations_store(home, workdir, name)


def measure(
    store_path: Path, pairs: list[tuple[str, str]] | None, repeat: int
) -> list[dict[str, Any]]:
    """Time one cold brief, then warm pair summaries and briefs of each pair, in this process.

    Without ``pairs``: the top pair (the worst case) and the fixed pairs found in the store.
    """
    from search.store import Store

    store = Store.open(store_path, readonly=True)
    articles = store.count()
    if pairs is None:
        a, b, _n = top_pair(store)
        pairs = [(a, b), *(p for p in FIXED_PAIRS if p not in ((a, b), (b, a)))]
    latest = store.conn.execute("SELECT max(date) FROM articles").fetchone()[0]
    as_of = date.fromisoformat(latest[:10]) if latest else date.today()

    start = time.perf_counter()
    from briefs.brief import build_brief
    from briefs.meeting_model import Meeting
    from briefs.relations import pair_summary
    from briefs.render import brief_to_yaml, render_markdown

    def draft(a: str, b: str) -> Any:
        meeting = Meeting(b, (as_of + timedelta(days=7)).isoformat(), "in a week")
        brief = build_brief(store, meeting, a, as_of)
        return brief, brief_to_yaml(brief), render_markdown(brief)

    draft(*pairs[0])
    cold = time.perf_counter() - start
    results = []
    for a, b in pairs:
        summaries, builds, renders = [], [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            summary = pair_summary(store, a, b)
            summaries.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            meeting = Meeting(b, (as_of + timedelta(days=7)).isoformat(), "in a week")
            brief = build_brief(store, meeting, a, as_of)
            t1 = time.perf_counter()
            brief_to_yaml(brief)
            render_markdown(brief)
            builds.append(t1 - t0)
            renders.append(time.perf_counter() - t1)
        total = [x + y for x, y in zip(builds, renders, strict=True)]
        results.append(
            {
                "pair": f"{a}-{b}",
                "as_of": as_of.isoformat(),
                "articles": articles,
                "pair_articles": len(summary.articles),
                "sources": len(brief.sources),
                "cold_s": cold,
                "pair_summary_s": statistics.median(summaries),
                "build_s": statistics.median(builds),
                "render_s": statistics.median(renders),
                "total_s": statistics.median(total),
                "total_max_s": max(total),
                "overhead_s": statistics.median(
                    t - p for t, p in zip(total, summaries, strict=True)
                ),
            }
        )
    store.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--home", type=Path, help="An existing briefroom home to measure.")
    parser.add_argument("--pair", help="A,B: our side, then the counterpart (alpha-3).")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    pair = None
    if args.pair:
        parts = [p.strip().upper() for p in args.pair.split(",")]
        if len(parts) != 2 or not all(len(p) == 3 for p in parts):
            parser.error("--pair takes two alpha-3 codes: KAZ,NOR")
        pair = (parts[0], parts[1])
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    home = args.home or shared_archive(args.n, args.corpora, workdir, args.seed)
    if args.home:
        digest = hashlib.sha1(str(args.home.resolve()).encode()).hexdigest()[:10]
        name = f"brief-store-{digest}"
    else:
        name = f"relations-{args.n}-s{args.seed}"  # the relations benchmark's copy
    store_path = bench_store(home, workdir, name)
    print(f"archive: {home}; store measured: {store_path}", file=sys.stderr)
    results = measure(store_path, [pair] if pair else None, args.repeat)
    print(json.dumps(results, indent=2), file=sys.stderr)
    figures = results[0]
    ratio = figures["total_s"] / figures["pair_summary_s"] if figures["pair_summary_s"] else 0.0
    print(f"brief.pair {figures['pair']}")
    for key in ("articles", "pair_articles", "sources"):
        print(f"brief.{key} {figures[key]}")
    for key in (
        "pair_summary_s",
        "build_s",
        "render_s",
        "total_s",
        "total_max_s",
        "overhead_s",
        "cold_s",
    ):
        print(f"brief.{key} {figures[key]:.4f}")
    print(f"brief.overhead_ratio {ratio:.2f}")
    print(f"brief.target_met {int(figures['total_s'] <= TARGET_S)}")
    for other in results[1:]:
        for key in ("pair_articles", "pair_summary_s", "total_s", "overhead_s"):
            value = other[key]
            text = f"{value:.4f}" if isinstance(value, float) else str(value)
            print(f"brief.{other['pair']}.{key} {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
