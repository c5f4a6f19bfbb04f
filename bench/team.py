"""Team store benchmark: the same ingest and pair summaries on PostgreSQL and on SQLite.

Usage::

    python bench/team.py [-n 100000] [--corpora DIR] [--workdir DIR] [--seed S]
                         [--rounds R] [--pairs N] [--pairs-only]

Steps:

1. The N-article corpus of ``bench/corpus.py`` (shared with the other benchmarks).
2. A throwaway PostgreSQL server (`search.store.pg_server`, durable: fsync on, as SQLite's
   WAL is) on a free loopback port, in a temporary folder.
3. The product's ingest of the whole corpus, each in a fresh subprocess and a fresh home:
   into the store file (the baseline) and into a new database of the server.  Both build
   the same local Whoosh index; only the store differs.
4. ``pair_summary`` of the ``--pairs`` most frequent pairs (and NOR-KAZ, KAZ-USA) for
   ``--rounds`` rounds on each store, alternating engines pair by pair so a noisy
   machine treats both alike; both must find the same articles, and should give the
   same summaries (``team.pair_identical``: 1, else the pairs are named on stderr).
5. One line per figure on stdout: ``team.sqlite_ingest_s``, ``team.postgres_ingest_s``,
   ``team.ingest_ratio`` (target <= 1.5), ``team.sqlite_pair_p95_ms``,
   ``team.postgres_pair_p95_ms``, ``team.pair_ratio_p95`` (target <= 2).
6. An analyst's first sync of the whole team store into a fresh home (their Whoosh
   index and local copy, `search.index.team_sync`) against rebuilding the SQLite home's
   index from its store (what a local ingest spends indexing): ``team.first_sync_s``,
   ``team.sqlite_index_s``, ``team.first_sync_ratio`` (target <= 1.2); the sizes on disk
   of both stores (``team.sqlite_store_mb``, ``team.postgres_store_mb``) and of the
   analyst's index and copy (``team.index_mb``, ``team.local_copy_mb``).
7. 1,000 new articles (the next ones of the corpus) ingested into the team store, then
   that analyst's incremental sync: ``team.incremental_sync_s`` (target <= 5).
8. Four ingesters at once into a new database, each in its own process and home, of
   the two disjoint halves and two overlapping halves of the first ``--concurrent``
   articles, against one ingest of them: ``team.concurrent_s``, ``team.single_s``,
   ``team.concurrent_identical`` (1: the same ids and texts as the single ingest),
   ``team.concurrent_duplicates`` (texts stored twice: 0).

``--pairs-only`` times the pair summaries alone (step 4, then step 5's pair figures),
to iterate on them: the store file a full run left in the workdir (same ``-n`` and
``--seed``) is copied into a new database of the throwaway server (`briefroom store
copy`, about 80 s at 100,000 articles, and analyzed), instead of both ingests.  The
team store is then a copy, not an ingest's own tables: its figures are for comparing
code, the full run's are the ones to report.

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


def child_sync(home: Path, store: str) -> dict[str, Any]:
    """Sync an analyst's index of the team store (run in a subprocess)."""
    os.environ["BRIEFROOM_STORE"] = store
    from search.archive import Archive
    from search.index.team_sync import sync_team_index

    started = time.perf_counter()
    with Archive.open(home, readonly=True) as archive, archive.write_lock():
        report = sync_team_index(archive.store, archive.index)
    return {"seconds": time.perf_counter() - started, "written": report.written}


def child_rebuild(home: Path) -> dict[str, Any]:
    """Rebuild a store file's index from the store (run in a subprocess)."""
    os.environ.pop("BRIEFROOM_STORE", None)
    from search.archive import Archive
    from search.index import sync

    started = time.perf_counter()
    with Archive.open(home) as archive, archive.write_lock():
        written = sync(archive.store, archive.index, rebuild=True)
    return {"seconds": time.perf_counter() - started, "written": written}


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


def _child(*args: str) -> subprocess.Popen[str]:
    argv = [sys.executable, __file__, "--child", *args]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _result(proc: subprocess.Popen[str], what: str) -> dict[str, Any]:
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{err[-2000:]}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def _run_ingest(home: Path, store: str, corpus: Path, *, fresh: bool = True) -> dict[str, Any]:
    if fresh:
        shutil.rmtree(home, ignore_errors=True)
    proc = _child("ingest", str(home), store or "-", str(corpus))
    return _result(proc, f"ingest into {store or 'the store file'}")


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
) -> tuple[dict[str, list[float]], set[tuple[str, str]]]:
    """``pair_summary`` on both stores, alternating engines per pair; the times, and the
    pairs whose summaries differ between the engines."""
    from briefs.relations import pair_summary
    from search.archive import STORE_FILE
    from search.store import Store

    stores = {
        "sqlite": Store.open(lite_home / STORE_FILE, readonly=True),
        "postgres": Store.open(team_url, readonly=True),
    }
    times: dict[str, list[float]] = {name: [] for name in stores}
    differ: set[tuple[str, str]] = set()
    for a, b in pairs[:2]:  # warm up both: imports, caches, the server's buffers
        for store in stores.values():
            pair_summary(store, a, b)
    for round_ in range(rounds):
        for a, b in pairs:
            order = list(stores) if round_ % 2 == 0 else list(reversed(stores))
            found = {}
            for name in order:
                started = time.perf_counter()
                found[name] = pair_summary(stores[name], a, b)
                times[name].append((time.perf_counter() - started) * 1000)
            counts = {name: len(summary.articles) for name, summary in found.items()}
            if counts["sqlite"] != counts["postgres"]:
                raise RuntimeError(f"{a}-{b}: {counts} articles on the two engines")
            if found["sqlite"] != found["postgres"]:
                differ.add((a, b))
    for store in stores.values():
        store.close()
    return times, differ


def report_pairs(lite_home: Path, url: str, args: argparse.Namespace) -> None:
    """Step 4 and its figures of step 5."""
    pairs = _pairs(lite_home, args.pairs)
    times, differ = measure_pairs(lite_home, url, pairs, args.rounds)
    lite_p95 = _percentile(times["sqlite"], 0.95)
    team_p95 = _percentile(times["postgres"], 0.95)
    _figure("pairs", len(pairs), 0)
    _figure("pair_identical", float(not differ), 0)
    if differ:
        named = ", ".join(f"{a}-{b}" for a, b in sorted(differ))
        print(f"the engines' summaries differ for {named}", file=sys.stderr)
    _figure("sqlite_pair_p95_ms", lite_p95, 1)
    _figure("postgres_pair_p95_ms", team_p95, 1)
    _figure("pair_ratio_p95", team_p95 / lite_p95, 2)
    met = "met" if team_p95 / lite_p95 <= TARGET_PAIR_RATIO else "not met"
    print(f"team.pair_target <= {TARGET_PAIR_RATIO} {met}")


def copy_to_team(lite_home: Path, url: str) -> None:
    """The store file of ``lite_home`` into the (empty) team store at ``url``, analyzed
    (``--pairs-only``)."""
    from briefs.api import copy_archive
    from search.store import Store, StoreError

    started = time.perf_counter()
    try:
        copy_archive(lite_home, url)
    except StoreError as exc:
        raise RuntimeError(f"--pairs-only: {exc}") from None
    store = Store.open(url)
    try:
        store.conn.native("ANALYZE")
    finally:
        store.close()
    print(f"copied in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def _run_child(args: list[str]) -> dict[str, Any]:
    kind, home, *rest = args
    if kind == "ingest":
        store, corpus = rest
        return child_ingest(Path(home), "" if store == "-" else store, Path(corpus))
    if kind == "sync":
        return child_sync(Path(home), rest[0])
    return child_rebuild(Path(home))


def measure_sync(base: Path, url: str, corpus: Path, args: argparse.Namespace) -> None:
    """An analyst's first sync against the SQLite home's index rebuild, then 1,000 new
    articles and the incremental sync (steps 6 and 7)."""
    analyst = base / "analyst"
    shutil.rmtree(analyst, ignore_errors=True)
    first = _result(_child("sync", str(analyst), url), "the first sync")
    local = _result(_child("rebuild", str(base / "sqlite")), "the index rebuild")
    if first["written"] != local["written"]:
        raise RuntimeError(f"first sync wrote {first['written']}, the rebuild {local['written']}")
    _figure("sqlite_store_mb", _megabytes(base / "sqlite" / "archive.sqlite3"), 1)
    _figure("postgres_store_mb", _database_mb(url), 1)
    _figure("index_mb", _megabytes(analyst / "index", exclude="team-copy"), 1)
    _figure("local_copy_mb", _megabytes(analyst / "index", only="team-copy"), 1)
    _figure("first_sync_s", first["seconds"], 1)
    _figure("sqlite_index_s", local["seconds"], 1)
    ratio = first["seconds"] / local["seconds"]
    _figure("first_sync_ratio", ratio, 2)
    print(f"team.first_sync_target <= 1.2 {'met' if ratio <= 1.2 else 'not met'}")
    more = _next_articles(corpus, args, 1000, base / "next-1000.jsonl")
    _run_ingest(base / "postgres", url, more, fresh=False)
    again = _result(_child("sync", str(analyst), url), "the incremental sync")
    if again["written"] != 1000:
        raise RuntimeError(f"the incremental sync wrote {again['written']} articles, not 1000")
    _figure("incremental_sync_s", again["seconds"], 2)
    print(f"team.incremental_sync_target <= 5 {'met' if again['seconds'] <= 5 else 'not met'}")


def _megabytes(path: Path, *, exclude: str = "", only: str = "") -> float:
    """Bytes of a file, or of the files of a folder (names with ``only`` / without
    ``exclude``), in MB."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    chosen = [
        p for p in files if (not only or only in p.name) and not (exclude and exclude in p.name)
    ]
    return sum(p.stat().st_size for p in chosen) / 1e6


def _database_mb(url: str) -> float:
    from search.store import Store

    store = Store.open(url, readonly=True)
    try:
        row = store.conn.execute("SELECT pg_database_size(current_database())").fetchone()
    finally:
        store.close()
    return float(row[0]) / 1e6


def _next_articles(corpus: Path, args: argparse.Namespace, count: int, out: Path) -> Path:
    """``count`` articles of a bigger corpus of the same seed that ``corpus`` lacks."""
    have = {json.loads(line)["id"] for line in corpus.open(encoding="utf-8")}
    bigger = build_corpus(args.n + count, args.corpora,
                          args.workdir.resolve() / f"corpus-{args.n + count}-s{args.seed}.jsonl",
                          seed=args.seed)  # fmt: skip
    with bigger.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        added = 0
        for line in src:
            if json.loads(line)["id"] not in have and added < count:
                dst.write(line)
                added += 1
    return out


def measure_concurrency(base: Path, server: Any, corpus: Path, count: int) -> None:
    """Four ingesters at once (step 8), against one ingest of the same articles."""
    lines = []
    with corpus.open(encoding="utf-8") as src:
        for line in src:
            if len(lines) == count:
                break
            lines.append(line)
    half = len(lines) // 2
    parts = {"first": lines[:half], "second": lines[half:],
             "middle": lines[half // 2 : half // 2 + half]}  # fmt: skip
    files = {}
    for name, part in parts.items():
        files[name] = base / f"concurrent-{name}.jsonl"
        files[name].write_text("".join(part), encoding="utf-8")
    whole = base / "concurrent-all.jsonl"
    whole.write_text("".join(lines), encoding="utf-8")
    single_url = server.create_database()
    single = _run_ingest(base / "single", single_url, whole)
    url = server.create_database()
    for i in range(4):
        shutil.rmtree(base / f"writer{i}", ignore_errors=True)
    started = time.perf_counter()
    procs = [_child("ingest", str(base / f"writer{i}"), url, str(files[name]))
             for i, name in enumerate(("first", "second", "middle", "first"))]  # fmt: skip
    results = [_result(proc, f"concurrent ingester {i}") for i, proc in enumerate(procs)]
    seconds = time.perf_counter() - started
    expected, _dups = _stored(single_url)
    got, duplicates = _stored(url)
    _figure("concurrent_articles", len(lines), 0)
    _figure("concurrent_s", seconds, 1)
    _figure("single_s", single["seconds"], 1)
    _figure("concurrent_added", sum(r["added"] for r in results), 0)
    _figure("concurrent_identical", float(got == expected), 0)
    _figure("concurrent_duplicates", duplicates, 0)


def _stored(url: str) -> tuple[list[tuple[str, str]], int]:
    from search.store import Store

    store = Store.open(url, readonly=True)
    try:
        rows = store.conn.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
        dups = store.conn.execute(
            "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
            "HAVING count(*) > 1) d"
        ).fetchone()[0]
    finally:
        store.close()
    return [(str(a), str(b)) for a, b in rows], int(dups)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=8, help="most frequent pairs to time")
    parser.add_argument(
        "--concurrent", type=int, default=4000, help="articles the four ingesters share"
    )
    parser.add_argument(
        "--pairs-only",
        action="store_true",
        help="time only the pair summaries, on the workdir's store file of an earlier run",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_run_child(args.child)))
        return 0

    from search.store import pg_server

    workdir = args.workdir.resolve()
    base = workdir / f"team-{args.n}-s{args.seed}"
    if args.pairs_only and not (base / "sqlite" / "archive.sqlite3").exists():
        print(f"bench/team.py: --pairs-only: no store file in {base / 'sqlite'} (run the "
              "whole benchmark once with the same -n, --seed and --workdir)", file=sys.stderr)  # fmt: skip
        return 2
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        server = pg_server.start(durable=True)
    except pg_server.PgServerUnavailable as exc:
        print(f"bench/team.py: {exc}", file=sys.stderr)
        return 1
    try:
        url = server.create_database()
        if args.pairs_only:
            copy_to_team(base / "sqlite", url)
            report_pairs(base / "sqlite", url, args)
            return 0
        corpus = build_corpus(args.n, args.corpora,
                              workdir / f"corpus-{args.n}-s{args.seed}.jsonl",
                              seed=args.seed)  # fmt: skip
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
        report_pairs(base / "sqlite", url, args)
        measure_sync(base, url, corpus, args)
        measure_concurrency(base, server, corpus, args.concurrent)
    except RuntimeError as exc:
        print(f"bench/team.py: {exc}", file=sys.stderr)
        return 1
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
