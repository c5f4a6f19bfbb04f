"""Team store benchmark: the same ingest and pair summaries on PostgreSQL and on SQLite.

Usage::

    python bench/team.py [-n 100000] [--corpora DIR] [--workdir DIR] [--seed S]
                         [--rounds R] [--pairs N]

Steps:

1. The N-article corpus of ``bench/corpus.py`` (shared with the other benchmarks).
2. A throwaway PostgreSQL server (`search.store.pg_server`, durable: fsync on, as SQLite's
   WAL is) on a free loopback port, in a temporary folder.
3. The product's ingest of the whole corpus, each in a fresh subprocess and a fresh home:
   into the store file (the baseline) and into a new database of the server.  Both build
   the same local Whoosh index; only the store differs.
4. ``pair_summary`` of the ``--pairs`` most frequent pairs (and NOR-KAZ, KAZ-USA) for
   ``--rounds`` rounds on each store, alternating engines pair by pair so a noisy
   machine treats both alike; both must find the same articles.
5. One line per figure on stdout: ``team.sqlite_ingest_s``, ``team.postgres_ingest_s``,
   ``team.ingest_ratio`` (target <= 1.5), ``team.sqlite_pair_p95_ms``,
   ``team.postgres_pair_p95_ms``, ``team.pair_ratio_p95`` (target <= 2).

The issue's other figures (concurrent ingesters, an analyst's first and incremental
sync) need the team store's sync and many-writer ingest, which are not built yet.

Exit status: 0 when measured (targets are reported, not enforced), 1 when a step
failed, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"
FIXED_PAIRS = (("NOR", "KAZ"), ("KAZ", "USA"))
TARGET_INGEST_RATIO = 1.5
TARGET_PAIR_RATIO = 2.0


def _figure(name: str, value: float, digits: int = 3) -> None:
    print(f"team.{name} {value:.{digits}f}", flush=True)


def child_ingest(home: Path, store: str, corpus: Path) -> dict[str, Any]:
    """Ingest ``corpus`` into a fresh archive (run in a subprocess)."""
    if store:
        os.environ["BRIEFROOM_STORE"] = store
    from search.archive import Archive
    from search.ingest import ingest

    started = time.perf_counter()
    with Archive.open(home) as archive:
        report = ingest(archive, [corpus])
        count = archive.store.count()
    return {"seconds": time.perf_counter() - started, "added": report.added, "stored": count}


def _run_ingest(home: Path, store: str, corpus: Path) -> dict[str, Any]:
    shutil.rmtree(home, ignore_errors=True)
    argv = [sys.executable, __file__, "--child", str(home), store or "-", str(corpus)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"ingest into {store or 'the store file'} failed:\n{done.stderr[-2000:]}"
        )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _pairs(home: Path, count: int) -> list[tuple[str, str]]:
    from search.archive import Archive

    with Archive.open(home, readonly=True) as archive:
        rows = archive.store.conn.execute(
            "SELECT x.code, y.code, count(*) AS n FROM article_countries x "
            "JOIN article_countries y ON y.article = x.article AND y.code > x.code "
            "GROUP BY x.code, y.code ORDER BY n DESC LIMIT ?",
            (count,),
        ).fetchall()
    pairs = [(str(a), str(b)) for a, b, _n in rows]
    return pairs + [p for p in FIXED_PAIRS if p not in pairs]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * fraction
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def measure_pairs(
    lite_home: Path, team_url: str, pairs: list[tuple[str, str]], rounds: int
) -> dict[str, list[float]]:
    """``pair_summary`` on both stores, alternating engines per pair."""
    from briefs.relations import pair_summary
    from search.archive import STORE_FILE
    from search.store import Store

    stores = {
        "sqlite": Store.open(lite_home / STORE_FILE, readonly=True),
        "postgres": Store.open(team_url, readonly=True),
    }
    times: dict[str, list[float]] = {name: [] for name in stores}
    for a, b in pairs[:2]:  # warm up both: imports, caches, the server's buffers
        for store in stores.values():
            pair_summary(store, a, b)
    for round_ in range(rounds):
        for a, b in pairs:
            order = list(stores) if round_ % 2 == 0 else list(reversed(stores))
            found = {}
            for name in order:
                started = time.perf_counter()
                summary = pair_summary(stores[name], a, b)
                times[name].append((time.perf_counter() - started) * 1000)
                found[name] = len(summary.articles)
            if found["sqlite"] != found["postgres"]:
                raise RuntimeError(f"{a}-{b}: {found} articles on the two engines")
    for store in stores.values():
        store.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=8, help="most frequent pairs to time")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        home, store, corpus = args.child
        print(json.dumps(child_ingest(Path(home), "" if store == "-" else store, Path(corpus))))
        return 0

    from search.store import pg_server

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(args.n, args.corpora, workdir / f"corpus-{args.n}-s{args.seed}.jsonl",
                          seed=args.seed)  # fmt: skip
    base = workdir / f"team-{args.n}-s{args.seed}"
    try:
        server = pg_server.start(durable=True)
    except pg_server.PgServerUnavailable as exc:
        print(f"bench/team.py: {exc}", file=sys.stderr)
        return 1
    try:
        url = server.create_database()
        print(f"ingesting {args.n} articles into the store file ...", file=sys.stderr)
        lite = _run_ingest(base / "sqlite", "", corpus)
        print(f"ingesting {args.n} articles into PostgreSQL at {url} ...", file=sys.stderr)
        team = _run_ingest(base / "postgres", url, corpus)
        if lite["stored"] != team["stored"]:
            print(f"stored {lite['stored']} vs {team['stored']} articles", file=sys.stderr)
            return 1
        _figure("articles", lite["stored"], 0)
        _figure("sqlite_ingest_s", lite["seconds"], 1)
        _figure("postgres_ingest_s", team["seconds"], 1)
        ratio = team["seconds"] / lite["seconds"]
        _figure("ingest_ratio", ratio, 2)
        print(
            f"team.ingest_target <= {TARGET_INGEST_RATIO} {'met' if ratio <= TARGET_INGEST_RATIO else 'not met'}"
        )
        pairs = _pairs(base / "sqlite", args.pairs)
        times = measure_pairs(base / "sqlite", url, pairs, args.rounds)
        lite_p95 = _percentile(times["sqlite"], 0.95)
        team_p95 = _percentile(times["postgres"], 0.95)
        _figure("pairs", len(pairs), 0)
        _figure("sqlite_pair_p95_ms", lite_p95, 1)
        _figure("postgres_pair_p95_ms", team_p95, 1)
        _figure("pair_ratio_p95", team_p95 / lite_p95, 2)
        print(
            f"team.pair_target <= {TARGET_PAIR_RATIO} {'met' if team_p95 / lite_p95 <= TARGET_PAIR_RATIO else 'not met'}"
        )
    except RuntimeError as exc:
        print(f"bench/team.py: {exc}", file=sys.stderr)
        return 1
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
