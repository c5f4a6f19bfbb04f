"""Search benchmark (skeleton: build step only; the measured part follows)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"


def build_archive(corpus: Path, home: Path) -> dict[str, Any]:
    """Ingest ``corpus`` into ``home`` once; a finished archive is reused."""
    import shutil

    from search.archive import Archive
    from search.ingest import ingest

    done = home / "bench-complete.json"
    if done.exists():
        return dict(json.loads(done.read_text()))
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    start = time.perf_counter()
    with Archive.open(home) as archive:
        report = ingest(archive, [corpus])
    info = {"corpus": str(corpus), "seconds": time.perf_counter() - start,
            "summary": report.summary()}  # fmt: skip
    done.write_text(json.dumps(info))
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(
        args.n, args.corpora, workdir / f"corpus-{args.n}-s{args.seed}.jsonl", seed=args.seed
    )
    base = workdir / f"search-{args.n}-s{args.seed}"
    print(build_archive(corpus, base / "home"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
