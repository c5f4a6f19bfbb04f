"""Relationship-summary benchmark: ``pair_summary`` against a bare count of the pair.

Usage::

    python bench/relations.py [-n 100000] [--corpora DIR] [--workdir DIR] [--seed S]
                              [--rounds R] [--pairs N] [--computed] [--profile]

Steps:

1. The N-article corpus (``bench/corpus.py``) and its archive built with the product's
   ingest are shared with the search benchmark: both are built by ``bench/search.py``'s
   archive step (cached in ``WORKDIR/search-N-sS/home``) and reused here.
2. The store is copied (SQLite backup) to ``WORKDIR/relations-N-sS/archive.sqlite3`` and
   the pair rule's ``article_mentions`` table is filled there from the stored
   extractions (`search.pairs.backfill`), as ingest will keep it; the copy is reused
   while the archive and ``search/pairs.py`` are unchanged.  The search benchmark's
   archive is never written to.
3. Pairs measured: the ``--pairs`` most frequent pairs of concerned countries, pairs
   from the middle and the tail of that ranking, and NOR-KAZ / KAZ-USA.  For ``--rounds``
   rounds, each pair's ``pair_summary(store, a, b)`` is timed and, right after it, the
   baseline ``count_pair_articles(store, a, b)`` (one SQL query counting the same
   articles), so a shared, noisy machine treats both alike.
4. One line per figure on stdout (``relations.pair_p95_ms 120.3``,
   ``relations.count_p95_ms 3.1``, ``relations.ratio_p95 38.8``, and the same in CPU
   time of the process, ``relations.pair_cpu_p95_ms``, which a busy shared machine
   inflates less) and a per-pair table on stderr.  Target: pair p95 <= 200 ms.

``--computed`` also times the pair rule without the table (weights computed from the
stored extractions, what a store without ``article_mentions`` does) on a few pairs.
``--profile`` prints the top functions of one round of pair summaries.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"
DEFAULT_ROUNDS = 5
TARGET_P95_MS = 200.0
FIXED_PAIRS = (("NOR", "KAZ"), ("KAZ", "USA"))


def _search_bench() -> Any:
    """bench/search.py, loaded under another name (``search`` is the product package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_search", Path(__file__).with_name("search.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_archive(n: int, corpora: Path, workdir: Path, seed: int) -> Path:
    """The search benchmark's archive of the N-article corpus (built there once)."""
    corpus = build_corpus(n, corpora, workdir / f"corpus-{n}-s{seed}.jsonl", seed=seed)
    home = workdir / f"search-{n}-s{seed}" / "home"
    # bench-complete.json: the marker of earlier versions of bench/search.py.
    if not any((home / m).exists() for m in ("bench-ingested.json", "bench-complete.json")):
        print(f"building {home} with bench/search.py's archive step ...", file=sys.stderr)
        _search_bench()._child_build_archive(corpus, home)
    return home


def relations_store(home: Path, workdir: Path, name: str) -> Path:
    """A copy of the archive's store with ``article_mentions`` filled (cached)."""
    from search.pairs import backfill

    source = home / "archive.sqlite3"
    target_dir = workdir / name
    target = target_dir / "archive.sqlite3"
    marker = target_dir / "built.json"
    rule = hashlib.sha256((REPO / "search" / "pairs.py").read_bytes()).hexdigest()[:16]
    stat = source.stat()
    key = {"source": str(source), "size": stat.st_size, "mtime": stat.st_mtime_ns, "rule": rule}
    if marker.exists() and target.exists() and json.loads(marker.read_text("utf-8")) == key:
        return target
    target_dir.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    copied = time.perf_counter() - started
    conn = sqlite3.connect(target)
    started = time.perf_counter()
    weighed = backfill(conn)
    conn.execute("ANALYZE")
    conn.close()
    print(f"store copied in {copied:.0f} s; {weighed} articles weighed in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)  # fmt: skip
    marker.write_text(json.dumps(key))
    return target


def choose_pairs(conn: sqlite3.Connection, top: int) -> list[tuple[str, str]]:
    """The most frequent pairs, some from the middle and the tail, and the fixed ones."""
    rows = conn.execute(
        "SELECT x.code, y.code, count(*) AS n FROM article_countries x "
        "JOIN article_countries y ON y.article = x.article AND y.code > x.code "
        "GROUP BY x.code, y.code ORDER BY n DESC"
    ).fetchall()
    picked = [(a, b) for a, b, _ in rows[:top]]
    for index in (len(rows) // 20, len(rows) // 5, len(rows) // 2):
        if rows and rows[index][:2] not in picked:
            picked.append(rows[index][:2])
    for pair in FIXED_PAIRS:
        if pair not in picked and tuple(reversed(pair)) not in picked:
            picked.append(pair)
    return picked


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * fraction
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def measure(store_path: Path, pairs: list[tuple[str, str]], rounds: int) -> dict[str, Any]:
    """Time pair_summary and the baseline count, alternating, per pair."""
    from briefs.relations import count_pair_articles, pair_summary
    from search.store import Store

    store = Store.open(store_path, readonly=True)
    for a, b in pairs[:2]:  # warm up: imports, the gazetteer, the page cache
        pair_summary(store, a, b)
        count_pair_articles(store, a, b)
    per_pair: dict[str, dict[str, Any]] = {}
    full: list[float] = []
    count: list[float] = []
    full_cpu: list[float] = []
    count_cpu: list[float] = []
    for _ in range(rounds):
        for a, b in pairs:
            started, cpu = time.perf_counter(), time.process_time()
            summary = pair_summary(store, a, b)
            t_full = (time.perf_counter() - started) * 1000
            full_cpu.append((time.process_time() - cpu) * 1000)
            started, cpu = time.perf_counter(), time.process_time()
            n = count_pair_articles(store, a, b)
            t_count = (time.perf_counter() - started) * 1000
            count_cpu.append((time.process_time() - cpu) * 1000)
            full.append(t_full)
            count.append(t_count)
            entry = per_pair.setdefault(f"{a}-{b}", {"full": [], "count": [], "articles": n})
            entry["full"].append(t_full)
            entry["count"].append(t_count)
            entry["engagements"] = len(summary.engagements)
            assert len(summary.articles) == n, (a, b, len(summary.articles), n)
    store.close()
    return {"full": full, "count": count, "full_cpu": full_cpu, "count_cpu": count_cpu,
            "per_pair": per_pair}  # fmt: skip


def measure_computed(
    store_path: Path, pairs: list[tuple[str, str]]
) -> list[tuple[str, float, int]]:
    """The pair rule without the stored table (weights from the extractions)."""
    from search.pairs import _computed_pair

    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    out = []
    for a, b in pairs:
        started = time.perf_counter()
        found = set(_computed_pair(conn, a, b))
        out.append((f"{a}-{b}", (time.perf_counter() - started) * 1000, len(found)))
    conn.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--pairs", type=int, default=8, help="most frequent pairs to time")
    parser.add_argument(
        "--computed", action="store_true", help="also time the rule without the table"
    )
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    if args.n <= 0 or args.rounds <= 0:
        parser.error("-n and --rounds must be positive")
    workdir = args.workdir.resolve()
    home = shared_archive(args.n, args.corpora, workdir, args.seed)
    store_path = relations_store(home, workdir, f"relations-{args.n}-s{args.seed}")
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    pairs = choose_pairs(conn, args.pairs)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    print(f"{articles} articles; {len(pairs)} pairs x {args.rounds} rounds", file=sys.stderr)

    result = measure(store_path, pairs, args.rounds)
    width = max(len(p) for p in result["per_pair"])
    print(f"{'pair':{width}}  articles  engagements  p50 ms  max ms  count ms", file=sys.stderr)
    for pair, entry in result["per_pair"].items():
        print(f"{pair:{width}}  {entry['articles']:8d}  {entry['engagements']:11d}  "
              f"{_percentile(entry['full'], 0.5):6.1f}  {max(entry['full']):6.1f}  "
              f"{_percentile(entry['count'], 0.5):8.2f}", file=sys.stderr)  # fmt: skip
    p95 = _percentile(result["full"], 0.95)
    c95 = _percentile(result["count"], 0.95)
    print(f"relations.articles {articles}")
    print(f"relations.pairs {len(pairs)}")
    print(f"relations.pair_p50_ms {_percentile(result['full'], 0.5):.1f}")
    print(f"relations.pair_p95_ms {p95:.1f}")
    print(f"relations.count_p50_ms {_percentile(result['count'], 0.5):.2f}")
    print(f"relations.count_p95_ms {c95:.2f}")
    print(f"relations.ratio_p95 {p95 / c95:.1f}")
    # CPU time of this process (user + system): what the work costs when the shared
    # machine's other load is taken out of the wall-clock figures.
    cpu95 = _percentile(result["full_cpu"], 0.95)
    ccpu95 = _percentile(result["count_cpu"], 0.95)
    print(f"relations.pair_cpu_p95_ms {cpu95:.1f}")
    print(f"relations.count_cpu_p95_ms {ccpu95:.2f}")
    print(f"relations.cpu_ratio_p95 {cpu95 / ccpu95:.1f}")
    print(
        f"relations.target_p95_ms {TARGET_P95_MS:.0f} {'met' if p95 <= TARGET_P95_MS else 'MISSED'}"
    )
    if args.computed:
        for pair, ms, n in measure_computed(store_path, pairs[:3] + pairs[-2:]):
            print(f"relations.computed_rule_ms.{pair} {ms:.0f} ({n} articles)")
    if args.profile:
        import cProfile
        import pstats

        from briefs.relations import pair_summary
        from search.store import Store

        store = Store.open(store_path, readonly=True)
        profiler = cProfile.Profile()
        profiler.enable()
        for a, b in pairs:
            pair_summary(store, a, b)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
