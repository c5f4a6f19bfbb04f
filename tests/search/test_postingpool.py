"""`search.index.postingpool.CompactPool` yields what Whoosh's own ``PostingPool`` yields."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import PostingPool, SegmentWriter

from search.index.fastindex import FastCodec
from search.index.postingpool import CompactPool, CompactSegmentWriter
from search.index.schema import build_schema, text_analyzer

DATA = Path(__file__).resolve().parents[1] / "data"


class _Segment:
    def segment_id(self) -> str:
        return "test"


def _both(tmp_path: Path, items: list[Any], limit_bytes: int) -> tuple[list[Any], list[Any]]:
    storage = FileStorage(str(tmp_path)).create()
    theirs = PostingPool(storage, _Segment(), limitmb=1)
    ours = CompactPool(storage, _Segment(), limitmb=1)
    theirs.limit = ours.limit = limit_bytes
    for item in items:
        theirs.add(item)
        ours.add(item)
    try:
        return list(theirs.iter_postings()), list(ours.iter_postings())
    finally:
        ours.cleanup()


def _texts() -> list[str]:
    """Title and body of each sample article."""
    rows = [json.loads(line) for line in (DATA / "sample.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 54
    return [f"{r['title']}\n\n{r['body']}" for r in rows]


def _article_items() -> list[Any]:
    """Pool items of real article text, as `FastPositions` and a keyword field give them."""
    schema = build_schema()
    body = schema["body"]
    texts = _texts()[:30]
    items = []
    for docnum, text in enumerate(texts):
        for word, _freq, weight, value in body.format.word_values(text, text_analyzer()):
            items.append(("body", word.encode("utf-8"), docnum, weight, value))
        if docnum % 3 == 0:
            items.append(("countries", b"NOR", docnum, 1.0, None))
    return items


def test_same_postings_in_memory_and_spilled(tmp_path: Path) -> None:
    items = _article_items()
    theirs, ours = _both(tmp_path / "a", items, 128 * 1024 * 1024)
    assert ours == theirs and len(ours) == len(items)
    theirs, ours = _both(tmp_path / "b", items, 20_000)  # many runs on both sides
    assert ours == theirs


def test_out_of_order_documents_are_sorted(tmp_path: Path) -> None:
    """A merge policy adds an older segment's postings after new documents."""
    items = [("body", b"oslo", d, 1.0, b"\x00\x00\x00\x01") for d in (5, 6, 1, 2, 9)]
    items += [("body", b"astana", d, 2.0, b"\x00") for d in (3, 4)]
    for limit in (1 << 20, 40):
        theirs, ours = _both(tmp_path / str(limit), items, limit)
        assert ours == theirs


class _Lengths:
    """A segment's per-document field lengths, as ``add_postings`` asks them."""

    def __init__(self, docs: int) -> None:
        self.docs = docs

    def doc_count_all(self) -> int:
        return self.docs

    def doc_field_length(self, docnum: int, fieldname: str) -> int | None:
        return None if docnum % 4 == 0 else (docnum * 7 + len(fieldname)) % 300


def _written(folder: Path, items: list[Any], *, bulk: bool) -> dict[str, bytes]:
    """The term and postings files a segment's field writer writes for ``items`` (through
    `CompactPool.write_postings`, or Whoosh's ``add_postings`` over ``iter_postings``)."""
    storage = FileStorage(str(folder)).create()
    codec = FastCodec()
    segment = codec.new_segment(storage, "MAIN")
    pool = CompactPool(storage, segment, limitmb=1)
    pool.limit = 200  # spilled runs too
    for item in items:
        pool.add(item)
    schema = build_schema()
    fieldwriter = codec.field_writer(storage, segment)
    lengths = _Lengths(1 + max(item[2] for item in items))
    if bulk:
        pool.write_postings(fieldwriter, schema, lengths)
    else:
        fieldwriter.add_postings(schema, lengths, pool.iter_postings())
    fieldwriter.close()
    pool.cleanup()
    return {p.suffix: p.read_bytes() for p in folder.iterdir() if p.suffix in (".trm", ".pst")}


@settings(max_examples=60, deadline=None)
@given(
    postings=st.lists(
        st.tuples(
            st.sampled_from(["body", "title", "countries"]),
            st.sampled_from([b"oslo", b"astana", b"nor", b"x"]),
            st.integers(min_value=0, max_value=400),
            st.sampled_from([1.0, 2.0, 3.5]),
        ),
        min_size=1,
        max_size=400,
        unique_by=lambda p: p[:3],
    )
)
def test_write_postings_writes_what_whoosh_writes(
    tmp_path_factory: Any, postings: list[tuple[str, bytes, int, float]]
) -> None:
    """Any postings, documents out of order too (a merged older segment), blocks of more
    than 128, value-less fields and lengths of 0: the same bytes a term at a time."""
    items = [(f, t, d, w, None if f == "countries" else d.to_bytes(4, "little"))
             for f, t, d, w in postings]  # fmt: skip
    folder = tmp_path_factory.mktemp("write")
    (folder / "bulk").mkdir()
    (folder / "whoosh").mkdir()
    ours = _written(folder / "bulk", items, bulk=True)
    assert ours == _written(folder / "whoosh", items, bulk=False)


_ITEMS = st.lists(
    st.tuples(
        st.sampled_from(["body", "title"]),
        st.binary(min_size=1, max_size=4),
        st.floats(min_value=0.5, max_value=16.0).map(lambda w: float(round(w * 2) / 2)),
        st.binary(max_size=6),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(docs=st.lists(_ITEMS, max_size=12), limit=st.sampled_from([60, 300, 1 << 20]))
def test_any_postings_round_trip(tmp_path_factory: Any, docs: list[Any], limit: int) -> None:
    items = []
    for docnum, postings in enumerate(docs):
        seen = set()
        for field, term, weight, value in postings:
            if (field, term) not in seen:  # one posting per term and document
                seen.add((field, term))
                items.append((field, term, docnum, weight, value))
    theirs, ours = _both(tmp_path_factory.mktemp("pool"), items, limit)
    assert ours == theirs


def test_index_written_with_the_compact_pool_and_codec_is_identical(tmp_path: Path) -> None:
    """Every posting of an index of real articles, written by Whoosh's own writer and
    codec or by briefroom's (frequent words span several 128-posting blocks)."""
    texts = _texts() * 6
    postings = []
    for name, writer_class, codec in (("whoosh", SegmentWriter, W3Codec()),
                                      ("compact", CompactSegmentWriter, FastCodec())):  # fmt: skip
        folder = tmp_path / name
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), build_schema())
        writer = writer_class(ix, codec=codec, limitmb=1)
        for n, text in enumerate(texts):
            writer.add_document(id=f"a{n}", title=text.split("\n", 1)[0], body=text,
                                countries="NOR,KAZ" if n % 2 else "USA")  # fmt: skip
        writer.commit()
        with ix.searcher() as searcher:
            postings.append(list(searcher.reader().iter_postings()))
        ix.close()
    assert postings[0] == postings[1] and len(postings[0]) > 1000
    per_term = Counter((field, term) for field, term, *_ in postings[0])
    assert max(per_term.values()) > 2 * 128


def test_segments_written_a_term_at_a_time_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`CompactPool.write_postings` (a term's postings at once into the postings writer)
    writes every file of a segment byte for byte as Whoosh's ``add_postings`` over
    ``iter_postings`` does: blocks, their statistics, term infos, with runs spilled and
    merged, and with an older segment merged in (its postings out of document order)."""
    texts = _texts() * 6

    def segment_files(name: str) -> dict[str, bytes]:
        folder = tmp_path / name
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), build_schema())
        for part in (texts[:40], texts):
            writer = CompactSegmentWriter(ix, codec=FastCodec(), limitmb=1, compound=False)
            for n, text in enumerate(part):
                writer.add_document(id=f"a{n}", title=text.split("\n", 1)[0], body=text,
                                    people="Jonas Gahr Støre" if n % 3 else "",
                                    countries="NOR,KAZ" if n % 2 else "USA")  # fmt: skip
            writer.commit(optimize=part is texts)  # the second merges the first segment in
        ix.close()
        # MAIN_<segment id>.pst, MAIN_<segment id>._body_len.col, ...: by what follows the id
        files = {p.name.split(".", 1)[1]: p.read_bytes() for p in folder.glob("MAIN_*.*")}
        assert {"pst", "trm", "_body_len.col"} <= set(files)
        return files

    ours = segment_files("term-at-a-time")
    with monkeypatch.context() as patch:  # Whoosh's own way: a call per posting
        patch.setattr(CompactSegmentWriter, "_flush_segment", SegmentWriter._flush_segment)
        theirs = segment_files("posting-at-a-time")
    assert ours == theirs


@settings(max_examples=80, deadline=None)
@given(text=st.lists(st.sampled_from([*"ab cdé.,-*'\n1", "the ", "US ", "not "])).map("".join))
def test_fast_positions_index_what_whoosh_would(text: str) -> None:
    """`FastPositions` gives Whoosh's terms, frequencies, weights and positions."""
    from whoosh.formats import Positions

    from search.index.fastindex import FastPositions

    ours = FastPositions(field_boost=2.0)
    theirs = Positions(field_boost=2.0)
    analyzer = text_analyzer()
    for sample in (text, *_texts()[:3]):
        got = {w: (f, wt, ours.decode_positions(v), ours.decode_frequency(v))
               for w, f, wt, v in ours.word_values(sample, analyzer)}  # fmt: skip
        want = {w: (f, wt, theirs.decode_positions(v), f)
                for w, f, wt, v in theirs.word_values(sample, analyzer)}  # fmt: skip
        assert got == want


def test_fast_positions_of_a_long_text_are_found_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `_FINDALL_MAX_CHARS` the tokens are not listed (a 9 MB text's list took
    90 MB: bench/hostile_inputs.py), and the postings are the same."""
    from search.index import fastindex

    ours = fastindex.FastPositions(field_boost=1.0)
    analyzer = text_analyzer()
    samples = [*_texts()[:5], "Talks. " * 3 + "U.S. not*a*word déjà-vu 1.5 " * 50]
    listed = [list(ours.word_values(sample, analyzer)) for sample in samples]
    pattern = fastindex._TOKEN

    class NoFindall:
        def finditer(self, text: str) -> Any:
            return pattern.finditer(text)

        def findall(self, text: str) -> Any:
            raise AssertionError("findall on a long text")

    monkeypatch.setattr(fastindex, "_FINDALL_MAX_CHARS", 10)
    monkeypatch.setattr(fastindex, "_TOKEN", NoFindall())
    assert [list(ours.word_values(sample, analyzer)) for sample in samples] == listed


def test_fast_positions_stem_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stems are cached in two generations of at most `_STEM_CACHE_WORDS` words (one
    cache grew to ~47 MB per sub-writer on a big vocabulary), and the postings are the
    same whether a word's stem is cached, in the older generation, or dropped."""
    from search.index import fastindex

    ours = fastindex.FastPositions(field_boost=1.0)
    analyzer = text_analyzer()
    samples = _texts()[:8]
    monkeypatch.setattr(fastindex.FastPositions, "_stems", {})
    monkeypatch.setattr(fastindex.FastPositions, "_older_stems", {})
    listed = [list(ours.word_values(sample, analyzer)) for sample in samples]
    monkeypatch.setattr(fastindex.FastPositions, "_stems", {})
    monkeypatch.setattr(fastindex, "_STEM_CACHE_WORDS", 20)
    bounded = []
    for at, sample in enumerate(samples):
        bounded.append(list(ours.word_values(sample, analyzer)))
        newer, older = fastindex.FastPositions._stems, fastindex.FastPositions._older_stems
        # The bound is checked as a text starts: one text may add all its words past it.
        assert len(newer) <= 20 + len(sample.split())
        assert (older or at == 0) and len(older) <= 20 + len(samples[at - 1].split())
        assert all(newer.get(word, stem) == stem for word, stem in older.items())
    assert bounded == listed
