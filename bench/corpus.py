"""Build a benchmark corpus of N distinct articles from the shared corpora.

The corpus is a JSON Lines file, one article per line with the fields ``id``, ``title``,
``date``, ``source``, ``url``, ``lang`` and ``body`` (the label fields of the source
corpora, ``countries`` and ``meta``, are never copied: a benchmark must not hand the
product its answers).

It starts with the real articles of every ``*/articles.jsonl`` and ``*/articles.jsonl.gz``
under the corpora directory (duplicate ids and duplicate bodies skipped), then, when
N is larger, adds articles assembled from real sentences:

- title: a real title with a deterministic variation (a word swapped for one from another
  title, or a wire-style prefix or suffix);
- body: 3 to 30 sentences, each from a different random real article, in paragraphs of
  1 to 4 sentences; about 40% open with the first sentence of a real article (often a
  dateline such as ``CLEVELAND, Feb 26 -``); numbers are sometimes re-drawn so that new
  terms keep appearing, as they do in real news;
- date: the date of the article the title came from, moved by up to 45 days and kept
  within the real date range (undated when that article is undated);
- source and lang: those of the same article; ``url`` is null.

Every body (real and assembled) is checked against a set of digests of its words
(case, whitespace and punctuation ignored, as the product's exact-duplicate check
does), so no two articles in the file are duplicates.  With a pool of ~300,000
sentences and independent random picks, near-duplicates (the product's ~80% shingle
overlap) do not occur among assembled articles either; the real corpora keep the few
wire re-publications they have.

Only the sentence pool of the real corpora is held in memory; articles are written as
they are made.  The output is deterministic for a given seed and corpora, and cached:
``OUT.meta.json`` records N, the seed, the corpora's newest mtime and the generator
version, and a matching file is reused.

Usage::

    python bench/corpus.py N OUT.jsonl [--corpora DIR] [--seed S] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

# Bump when the generated output changes for the same inputs: cached corpora are rebuilt.
GENERATOR_VERSION = 2

DEFAULT_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"

# Read in this order (the big wire corpus first); any other corpus folder follows, by path.
_CORPUS_ORDER = ("reuters21578", "statedept", "ungdc", "wikinews", "sample")

# The only fields written: the source corpora's `countries` and `meta` are labels.
FIELDS = ("id", "title", "date", "source", "url", "lang", "body")

_MIN_SENTENCES, _MAX_SENTENCES = 3, 30
_MAX_PARAGRAPH = 4
_LEAD_PROBABILITY = 0.4
_NUMBER_PROBABILITY = 0.3
_DATE_JITTER_DAYS = 45

# Sentence boundary: end punctuation (optionally closed by quotes/brackets), whitespace,
# then something that can start a sentence.
_BOUNDARY = re.compile(r"""[.!?]['"\u2019\u201d)\]]*\s+(?=['"\u2018\u201c(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt adm sgt rep sen gov pres amb rev hon st jr sr
    no nos vol art sec dept corp inc ltd co plc bros vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u d.c a.m p.m
    """.split()
)
_PARAGRAPHS = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w+")
# Numbers that are not four-digit years: re-drawn in some assembled sentences.
_NUMBER = re.compile(r"\b(?!(?:1[89]|20)\d\d\b)\d+(?:\.\d+)?\b")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_TITLE_PREFIXES = ("UPDATE 1-", "UPDATE 2-", "REFILE-", "ANALYSIS-", "WRAPUP 1-")
_TITLE_SUFFIXES = (
    " - sources",
    ", officials say",
    " - statement",
    ", minister says",
    " - report",
    ": talks continue",
)


# ----------------------------------------------------------------------------- reading


def corpus_files(corpora_dir: Path) -> list[Path]:
    """The article files under ``corpora_dir``, in reading order.

    Args:
        corpora_dir: A folder holding one sub-folder per corpus.

    Returns:
        Every ``*/articles.jsonl`` and ``*/articles.jsonl.gz``: the known corpora first,
        in the order ``reuters21578, statedept, ungdc, wikinews, sample``, then the others.
    """
    files = [*corpora_dir.glob("*/articles.jsonl"), *corpora_dir.glob("*/articles.jsonl.gz")]

    def order(path: Path) -> tuple[int, str]:
        name = path.parent.name
        rank = _CORPUS_ORDER.index(name) if name in _CORPUS_ORDER else len(_CORPUS_ORDER)
        return rank, str(path)

    return sorted(files, key=order)


def corpora_mtime(corpora_dir: Path) -> float:
    """The newest modification time of the article files (for the cache sidecar)."""
    return max((path.stat().st_mtime for path in corpus_files(corpora_dir)), default=0.0)


def _open_text(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_real_articles(corpora_dir: Path) -> Iterator[dict[str, Any]]:
    """Yield the real articles of every corpus file, label fields already removed.

    Articles without a body are skipped; duplicates are *not* removed here.
    """
    for path in corpus_files(corpora_dir):
        with _open_text(path) as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                body = record.get("body")
                if not isinstance(body, str) or not body.strip():
                    continue
                yield {key: record.get(key) for key in FIELDS}


def split_sentences(text: str) -> list[str]:
    """Split news text into sentences (paragraph breaks always end one).

    Good enough for assembling benchmark text; abbreviations such as ``Mr.``, ``U.S.``,
    ``Feb.`` and single initials do not end a sentence.
    """
    sentences: list[str] = []
    for paragraph in _PARAGRAPHS.split(text):
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            if paragraph[match.start()] == ".":
                word = _WORD_BEFORE.search(paragraph, max(0, match.start() - 12), match.start())
                if word is not None:
                    token = word.group(1).lower().strip(".")
                    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                        continue
            sentence = " ".join(paragraph[start : match.end()].split())
            if sentence:
                sentences.append(sentence)
            start = match.end()
        sentence = " ".join(paragraph[start:].split())
        if sentence:
            sentences.append(sentence)
    return sentences


def _usable(sentence: str) -> bool:
    """Whether a sentence is worth reusing: prose, not a header line or a table row."""
    return 20 <= len(sentence) <= 1000 and sentence.count(" ") >= 3


def _digest(text: str) -> bytes:
    """Digest of a body's words, ignoring case, whitespace and punctuation.

    Bodies with the same digest are what the product merges as exact duplicates
    (`search.ingest.dedup.content_hash` normalises the same way), so N articles stay N.
    """
    words = " ".join(_WORD.findall(text.lower()))
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).digest()


# ----------------------------------------------------------------------------- assembling


class _Pool:
    """The real articles' sentences, titles and metadata, held to assemble new articles."""

    def __init__(self) -> None:
        self.sentences: list[tuple[str, ...]] = []  # per article, usable sentences
        self.leads: list[str] = []  # first sentences (often datelines)
        self.titles: list[str] = []
        self.donors: list[tuple[str | None, str | None, str | None]] = []  # date, source, lang
        self.min_date: dt.date | None = None
        self.max_date: dt.date | None = None

    def add(self, article: dict[str, Any]) -> None:
        sentences = tuple(s for s in split_sentences(article["body"]) if _usable(s))
        if sentences:
            self.sentences.append(sentences)
            self.leads.append(sentences[0])
        title = article.get("title")
        if isinstance(title, str) and title.strip():
            self.titles.append(" ".join(title.split()))
            date = _parse_date(article.get("date"))
            self.donors.append(
                (date.isoformat() if date else None, article.get("source"), article.get("lang"))
            )
            if date is not None:
                self.min_date = date if self.min_date is None else min(self.min_date, date)
                self.max_date = date if self.max_date is None else max(self.max_date, date)

    def check(self) -> None:
        if len(self.sentences) < _MAX_SENTENCES or not self.titles:
            raise ValueError(
                f"the corpora are too small to assemble articles from: {len(self.sentences)} "
                f"articles with sentences, {len(self.titles)} titles"
            )


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _redraw_numbers(sentence: str, rng: random.Random) -> str:
    """Replace the numbers (not years) of a sentence by others with as many digits."""

    def redraw(match: re.Match[str]) -> str:
        digits = []
        for position, char in enumerate(match.group(0)):
            if not char.isdigit():
                digits.append(char)
            else:  # no leading zero: "7.5" stays a plausible number
                digits.append(str(rng.randrange(1 if position == 0 else 0, 10)))
        return "".join(digits)

    return _NUMBER.sub(redraw, sentence)


def _vary_title(title: str, pool: _Pool, rng: random.Random) -> str:
    """A deterministic variation of a real title, so titles do not simply repeat."""
    choice = rng.random()
    if choice < 0.5:
        words = list(_TITLE_WORD.finditer(title))
        other = _TITLE_WORD.findall(pool.titles[rng.randrange(len(pool.titles))])
        if words and other:
            target = words[rng.randrange(len(words))]
            word = other[rng.randrange(len(other))]
            if title.isupper():
                word = word.upper()
            elif target.group(0)[0].isupper():
                word = word[0].upper() + word[1:]
            return title[: target.start()] + word + title[target.end() :]
    if choice < 0.7:
        prefix = _TITLE_PREFIXES[rng.randrange(len(_TITLE_PREFIXES))]
        return prefix + title
    suffix = _TITLE_SUFFIXES[rng.randrange(len(_TITLE_SUFFIXES))]
    return title + (suffix.upper() if title.isupper() else suffix)


def _assemble(index: int, seed: int, pool: _Pool, rng: random.Random) -> dict[str, Any]:
    """One new article made of real sentences from different real articles."""
    donor = rng.randrange(len(pool.titles))
    date_text, source, lang = pool.donors[donor]
    date = _parse_date(date_text)
    if date is not None and pool.min_date is not None and pool.max_date is not None:
        date += dt.timedelta(days=rng.randint(-_DATE_JITTER_DAYS, _DATE_JITTER_DAYS))
        date = min(max(date, pool.min_date), pool.max_date)

    count = rng.randint(_MIN_SENTENCES, _MAX_SENTENCES)
    picked = rng.sample(range(len(pool.sentences)), count)
    sentences = []
    for position, article in enumerate(picked):
        if position == 0 and rng.random() < _LEAD_PROBABILITY:
            sentences.append(pool.leads[article])  # as written: its dateline stays plausible
            continue
        choices = pool.sentences[article]
        sentence = choices[rng.randrange(len(choices))]
        if rng.random() < _NUMBER_PROBABILITY:
            sentence = _redraw_numbers(sentence, rng)
        sentences.append(sentence)

    paragraphs = []
    start = 0
    while start < len(sentences):
        size = rng.randint(1, _MAX_PARAGRAPH)
        paragraphs.append(" ".join(sentences[start : start + size]))
        start += size

    return {
        "id": f"bench-s{seed}-{index:07d}",
        "title": _vary_title(pool.titles[donor], pool, rng),
        "date": date.isoformat() if date else None,
        "source": source,
        "url": None,
        "lang": lang or "en",
        "body": "\n\n".join(paragraphs),
    }


# ----------------------------------------------------------------------------- building


def _meta(n: int, seed: int, corpora_dir: Path) -> dict[str, Any]:
    return {
        "n": n,
        "seed": seed,
        "corpora": str(corpora_dir.resolve()),
        "corpora_mtime": corpora_mtime(corpora_dir),
        "version": GENERATOR_VERSION,
    }


def _meta_path(out: Path) -> Path:
    return out.with_name(out.name + ".meta.json")


def _cached(out: Path, meta: dict[str, Any]) -> bool:
    try:
        return out.is_file() and json.loads(_meta_path(out).read_text("utf-8")) == meta
    except (OSError, ValueError):
        return False


def _write(handle: TextIO, article: dict[str, Any]) -> None:
    handle.write(json.dumps({key: article[key] for key in FIELDS}, ensure_ascii=False))
    handle.write("\n")


def build_corpus(n: int, corpora_dir: Path, out: Path, seed: int = 0, force: bool = False) -> Path:
    """Write a JSON Lines file of ``n`` distinct articles made from the shared corpora.

    Real articles come first (duplicate ids and bodies skipped), then assembled ones
    (see the module docstring).  The file is written to a temporary name and renamed,
    then ``OUT.meta.json`` is written; a later call with the same ``n``, ``seed`` and
    unchanged corpora returns the existing file at once.

    Args:
        n: Number of articles.
        corpora_dir: Folder holding the corpora (``*/articles.jsonl[.gz]``).
        out: The JSON Lines file to write.
        seed: Seed of the random choices; the same seed gives the same file.
        force: Rebuild even when a matching cached file exists.

    Returns:
        ``out``.

    Raises:
        ValueError: ``n`` is negative, or the corpora hold no usable text.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    corpora_dir = Path(corpora_dir)
    out = Path(out)
    meta = _meta(n, seed, corpora_dir)
    if not force and _cached(out, meta):
        return out

    out.parent.mkdir(parents=True, exist_ok=True)
    _meta_path(out).unlink(missing_ok=True)
    # Unique per process: two benchmarks building the same corpus never mix their lines.
    partial = out.with_name(f"{out.name}.{os.getpid()}.partial")
    rng = random.Random(seed)
    seen_ids: set[str] = set()
    seen_bodies: set[bytes] = set()
    pool = _Pool()
    written = 0
    with partial.open("w", encoding="utf-8") as handle:
        for article in iter_real_articles(corpora_dir):
            ident = article.get("id")
            digest = _digest(article["body"])
            if ident is None or str(ident) in seen_ids or digest in seen_bodies:
                continue
            seen_ids.add(str(ident))
            seen_bodies.add(digest)
            if written < n:
                _write(handle, article)
                written += 1
            elif written == n:
                break  # no assembled article needed: the pool is not built
            pool.add(article)

        if written < n:
            pool.check()
        index = 0
        while written < n:
            article = _assemble(index, seed, pool, rng)
            index += 1
            digest = _digest(article["body"])
            if digest in seen_bodies:
                continue
            seen_bodies.add(digest)
            _write(handle, article)
            written += 1

    os.replace(partial, out)
    meta_partial = _meta_path(out).with_name(f"{_meta_path(out).name}.{os.getpid()}.partial")
    meta_partial.write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    os.replace(meta_partial, _meta_path(out))
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python bench/corpus.py N OUT.jsonl [--corpora DIR] [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="JSON Lines file to write")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora folder")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        parser.error(f"corpora folder not found: {args.corpora}")
    path = build_corpus(args.n, args.corpora, args.out, seed=args.seed, force=args.force)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
