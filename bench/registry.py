"""What the people registry and re-extraction cost: an N-article ingest, an incremental
ingest after it, and ``reextract`` of the whole archive.

Usage::

    python bench/registry.py [-n 100000] [--add 2000] [--corpora DIR] [--workdir DIR]
                             [--seed S] [--processes P]

Steps (one process; ``WORKDIR/registry-N-sS/`` holds the corpus split and the archive):

1. The first N articles of the ``N + ADD`` corpus (`bench/corpus.py`) are ingested into a
   fresh archive with the product's ingest (`search.ingest.ingest`), the people registry
   on, as ``briefroom ingest`` runs it.  The registry's own work is timed inside that
   ingest: every `PeopleRegistry.identify` (an article's people to registry entries,
   before it is stored; `assign` for the articles ``revisit`` rewrites), every
   batch `refresh` (the entries a batch touched, recomputed) and the end-of-run
   ``revisit`` (articles re-extracted once a later one showed who someone is).
2. The ADD remaining articles are ingested into the same archive: the incremental case.
   Its registry seconds must scale with ADD, not with the archive.
3. ``reextract --all`` (`search.ingest.reextract.reextract`, ``everything=True``) rewrites every
   article's extraction from the stored text, with P processes (default: the product's
   default), index update included.

Figures (stdout, one ``name value`` per line):

| name | meaning |
|---|---|
| ``registry.n_articles`` | N |
| ``registry.ingest_seconds`` | wall seconds of the N-article ingest |
| ``registry.seconds`` | of which in the registry (identify + refresh + revisit); **target <= 60 at 100k** |
| ``registry.identify_seconds``, ``.refresh_seconds``, ``.revisit_seconds`` | the parts (``revisit`` includes its own ``assign``) |
| ``registry.share`` | ``registry.seconds / ingest_seconds`` |
| ``registry.incremental_articles``, ``.incremental_seconds`` | the ADD-article ingest, its registry seconds |
| ``registry.incremental_per_article_ms`` | registry ms per added article (vs ``registry.per_article_ms`` of step 1) |
| ``registry.people`` | registry entries after step 2 |
| ``reextract.seconds``, ``reextract.articles_per_s`` | step 3 |
| ``reextract.ratio_speed_over_ingest`` | reextract articles/s over ingest articles/s; **target >= 1** |

Both speeds are measured in the same run on the same archive, so the ratio holds on a
shared, noisy machine where absolute rates do not.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"
TARGET_SECONDS = 60.0


class Timers:
    """Seconds spent in wrapped methods, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started

        setattr(owner, name, timed)

    def reset(self) -> dict[str, float]:
        taken = dict(self.seconds)
        self.seconds.clear()
        return taken


def split_corpus(corpus: Path, n: int, folder: Path) -> tuple[Path, Path]:
    """The first ``n`` lines and the rest of ``corpus``, as two files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    first, rest = folder / "first.jsonl", folder / "rest.jsonl"
    with corpus.open("rb") as source, first.open("wb") as head, rest.open("wb") as tail:
        head.writelines(itertools.islice(source, n))
        tail.writelines(source)
    return first, rest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=2_000)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--processes", type=int, default=None)
    args = parser.parse_args(argv)

    from search import ingest as ingest_module
    from search.archive import Archive
    from search.ingest.extraction import RegistryExtractor
    from search.ingest.reextract import reextract
    from search.ingest.registry import PeopleRegistry

    workdir = args.workdir.resolve()
    total = args.n + args.add
    corpus = build_corpus(total, args.corpora, workdir / f"corpus-{total}-s{args.seed}.jsonl",
                          seed=args.seed)  # fmt: skip
    folder = workdir / f"registry-{args.n}-s{args.seed}"
    first, rest = split_corpus(corpus, args.n, folder)
    home = folder / "home"
    shutil.rmtree(home, ignore_errors=True)

    timers = Timers()
    timers.wrap(PeopleRegistry, "identify", "identify")
    timers.wrap(RegistryExtractor, "refresh", "refresh")
    timers.wrap(RegistryExtractor, "revisit", "revisit")

    def run_ingest(path: Path) -> tuple[float, dict[str, float], int]:
        with Archive.open(home) as archive:
            started = time.perf_counter()
            report = ingest_module.ingest(archive, [path])
            seconds = time.perf_counter() - started
        return (
            seconds,
            timers.reset(),
            report.added + report.updated,
        )

    print(f"ingesting {args.n} articles into {home} ...", file=sys.stderr)
    seconds, parts, stored = run_ingest(first)
    registry_seconds = sum(parts.values())
    print(f"registry.n_articles {args.n}")
    print(f"registry.stored {stored}")
    print(f"registry.ingest_seconds {seconds:.1f}")
    print(f"registry.seconds {registry_seconds:.1f}")
    for name in ("identify", "refresh", "revisit"):
        print(f"registry.{name}_seconds {parts.get(name, 0.0):.1f}")
    print(f"registry.share {registry_seconds / seconds:.3f}")
    print(f"registry.per_article_ms {1000 * registry_seconds / max(1, stored):.3f}")

    print(f"ingesting {args.add} more ...", file=sys.stderr)
    add_seconds, add_parts, add_stored = run_ingest(rest)
    add_registry = sum(add_parts.values())
    print(f"registry.incremental_articles {add_stored}")
    print(f"registry.incremental_ingest_seconds {add_seconds:.1f}")
    print(f"registry.incremental_seconds {add_registry:.2f}")
    print(f"registry.incremental_per_article_ms {1000 * add_registry / max(1, add_stored):.3f}")

    with Archive.open(home) as archive:
        people = archive.store.conn.execute("SELECT count(*) FROM people").fetchone()[0]
        articles = archive.store.count()
        print(f"registry.people {people}")
        print(f"re-extracting {articles} articles ...", file=sys.stderr)
        started = time.perf_counter()
        report = reextract(archive, everything=True, processes=args.processes)
        re_seconds = time.perf_counter() - started
    ingest_rate = stored / seconds
    re_rate = report.articles / re_seconds if re_seconds else 0.0
    print(f"reextract.articles {report.articles}")
    print(f"reextract.seconds {re_seconds:.1f}")
    print(f"reextract.articles_per_s {re_rate:.0f}")
    print(f"ingest.articles_per_s {ingest_rate:.0f}")
    print(f"reextract.ratio_speed_over_ingest {re_rate / ingest_rate:.2f}")
    verdict = "ok" if registry_seconds <= TARGET_SECONDS * args.n / 100_000 else "over target"
    print(f"registry cost {registry_seconds:.1f} s for {args.n} articles: {verdict}",
          file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
