"""Articles per second of the entity and event extractors (people, orgs, topics, events, commitments).

Not a test: prints numbers.  Run from the repository root:

    .venv/bin/python bench/extract_speed_entities.py [--limit N]

Corpora come from ``../shared/corpora`` (sample, statedept, reuters21578).  Country
mentions come from ``search.extract.countries`` when it exists, else from a crude
stand-in (country names only) so the timing of these extractors can still be shown;
the country tagger's own cost is excluded either way.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search.extract.commitments import find_commitments  # noqa: E402
from search.extract.events import find_events  # noqa: E402
from search.extract.orgs import find_orgs  # noqa: E402
from search.extract.people import find_people  # noqa: E402
from search.extract.sentences import document_sentences  # noqa: E402
from search.extract.topics import find_topics, load_taxonomy  # noqa: E402
from search.model import Mention, Span, document_text  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CORPORA = {
    "sample": SHARED / "sample" / "articles.jsonl",
    "statedept": SHARED / "statedept" / "articles.jsonl.gz",
    "reuters21578": SHARED / "reuters21578" / "articles.jsonl.gz",
}


def _read(path: Path, limit: int) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def _country_tagger():
    try:
        from search.extract.countries import find_countries
    except ImportError:
        import pycountry

        names = {}
        for country in pycountry.countries:
            for name in (country.name, getattr(country, "common_name", None)):
                if name and "," not in name:
                    names[name] = country.alpha_3
        pattern = re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
        )

        def stand_in(text, sentences, **_):
            mentions = [
                Mention("country", names[m.group()], m.group(), Span(m.start(), m.end(), 0))
                for m in pattern.finditer(text)
            ]
            return mentions, tuple(dict.fromkeys(m.key for m in mentions))

        return stand_in, "stand-in (country names only)"
    return find_countries, "search.extract.countries"


def _run(prepared: list[tuple], taxonomy) -> tuple[dict[str, float], dict[str, int]]:
    clock = time.process_time
    timings = dict.fromkeys(["people", "orgs", "topics", "events", "commitments"], 0.0)
    counts = dict.fromkeys(timings, 0)
    for text, sentences, mentions, top, date, title_end in prepared:
        t0 = clock()
        people = find_people(text, sentences, mentions, title_end=title_end)
        t1 = clock()
        orgs = find_orgs(text, sentences, mentions)
        t2 = clock()
        topics = find_topics(text, sentences, taxonomy, title_end=title_end)
        t3 = clock()
        events = find_events(
            text,
            sentences,
            mentions,
            date=date,
            top_countries=top,
            people=people,
            title_end=title_end,
        )
        t4 = clock()
        commitments = find_commitments(text, sentences, mentions, top_countries=top, people=people)
        t5 = clock()
        for key, spent, found in zip(
            timings,
            (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4),
            (people, orgs, topics, events, commitments),
            strict=True,
        ):
            timings[key] += spent
            counts[key] += len(found)
    return timings, counts


def _time_tagger(tagger, prepared: list[tuple], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text, sentences, *_ in prepared:
            tagger(text, sentences)
        best = min(best, time.process_time() - start)
    return best / max(1, len(prepared))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000, help="articles per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the best is shown)")
    args = parser.parse_args()
    tagger, tagger_name = _country_tagger()
    taxonomy = load_taxonomy()
    print(f"country mentions from: {tagger_name} (not timed)")
    for corpus, path in CORPORA.items():
        if not path.exists():
            print(f"{corpus}: missing ({path})")
            continue
        rows = _read(path, args.limit)
        prepared = []
        for row in rows:
            text = document_text(row.get("title"), row.get("body") or "")
            sentences = document_sentences(row.get("title"), row.get("body") or "")
            mentions, top = tagger(text, sentences)
            prepared.append(
                (text, sentences, mentions, top, row.get("date"), len(row.get("title") or ""))
            )
        size = sum(len(item[0]) for item in prepared) / max(1, len(prepared))
        tagger_time = _time_tagger(tagger, prepared, args.repeat)
        _run(prepared, taxonomy)  # warm up: lexicons, caches, the lazy dateparser import
        # Best of N; CPU time, so other processes on the machine matter less.
        timings, counts = min(
            (_run(prepared, taxonomy) for _ in range(args.repeat)),
            key=lambda result: sum(result[0].values()),
        )
        total = sum(timings.values())
        n = len(prepared)
        print(
            f"{corpus}: {n} articles, mean {size:.0f} chars: {n / total:,.0f} articles/s "
            f"({total / n * 1e6:.0f} µs/article)"
        )
        print(f"  (country tagger alone: {tagger_time * 1e6:7.1f} µs/article, for comparison)")
        for key, spent in timings.items():
            print(f"  {key:12s} {spent / n * 1e6:7.1f} µs/article   {counts[key]:6d} found")


if __name__ == "__main__":
    main()
