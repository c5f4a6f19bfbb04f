"""Every use of Whoosh's private attributes, methods and file layouts, in one place.

briefroom's fast paths (`search.index.engine`, `search.index.fastindex`,
`search.index.writers`) go beneath Whoosh's public API: they read its columns and posting
lists in bulk, write posting blocks in a faster pickle protocol, and drive its
multi-process writer in ways it has no method for.  whoosh-reloaded is frozen, so
these stay valid; should a Whoosh upgrade ever change them, this module is what to
check, and the differential tests against Whoosh itself (`tests/search/
test_query_engine.py`, `test_postingpool.py`) say whether the answers still agree.

Each function names one private access, with why it is needed.  Besides these, the
subclasses override Whoosh's private methods, marked where they are defined:
``W3PostingsWriter._write_block`` (`search.index.fastindex.FastPostingsWriter`),
``SegmentWriter._flush_segment`` (`search.index.postingpool.CompactSegmentWriter`),
``MpWriter._commit`` and ``MpWriter._new_task`` (`search.index.writers`).
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, repeat
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import length_to_byte

# The tag that starts every on-disk posting list (Whoosh 3 codec).
POSTING_MAGIC = bytes(WHOOSH3_HEADER_MAGIC)
_INT = struct.Struct("!i")


class Unsupported(Exception):
    """The index is not laid out as this module expects (another codec or schema)."""


# --------------------------------------------------------------------------- columns


def per_document_columns(reader: Any) -> Any:
    """A segment reader's per-document value store (``reader._perdoc``).

    Why: Whoosh's public column API (``reader.column_reader``) returns values one
    document at a time; the engine needs whole columns (day, story, publisher) at once.
    """
    return reader._perdoc


def fixed_column_bytes(column: Any, itemsize: int) -> bytes | None:
    """The raw bytes of a fixed-width column (``_count``, ``_dbfile``, ``_basepos``), or
    None when the column is not laid out that way.

    Why: one ``dbfile.get`` for the whole column instead of a Python call per document
    (Whoosh writes numeric columns big-endian, lengths as one byte each).
    """
    rows = getattr(column, "_count", None)
    dbfile = getattr(column, "_dbfile", None)
    basepos = getattr(column, "_basepos", None)
    if rows is None or dbfile is None or basepos is None:
        return None
    return bytes(dbfile.get(basepos, rows * itemsize))


def var_bytes_column(column: Any) -> tuple[bytes, Sequence[int], Sequence[int]] | None:
    """A variable-width column's values as ``(blob, offsets, lengths)`` (``_lengths``,
    ``_offsets``, ``_dbfile``, ``_basepos``), or None when not laid out that way.

    Why: the values of a whole column in one read and one split (publisher, countries).
    """
    lengths = getattr(column, "_lengths", None)
    offsets = getattr(column, "_offsets", None)
    dbfile = getattr(column, "_dbfile", None)
    basepos = getattr(column, "_basepos", None)
    if lengths is None or offsets is None or dbfile is None or basepos is None:
        return None
    total = (offsets[-1] + lengths[-1]) if len(lengths) else 0
    return bytes(dbfile.get(basepos, total)), offsets, lengths


# --------------------------------------------------------------------------- terms


def terms_table(reader: Any) -> Any | None:
    """A segment reader's term table (``reader._terms``), or None.

    Why: its ``term_info`` gives a term's posting list extent without opening a matcher.
    """
    return getattr(reader, "_terms", None)


def segment_storage(reader: Any) -> Any:
    """The storage (folder) a segment reader reads from (``reader._storage``).

    Why: the facet data saved beside each segment (`search.index.facets`) is read from
    the same storage; the reader has no public accessor for it.
    """
    return reader._storage


def expanded_terms(query: Any, reader: Any) -> Iterator[bytes]:
    """The index terms a prefix, wildcard or fuzzy query expands to (``q._btexts``).

    Why: the engine scores at most the `MAX_EXPANSION` most frequent of them itself;
    Whoosh's public ``expanded_terms`` decodes every term to text first.
    """
    return iter(query._btexts(reader))


# --------------------------------------------------------------------------- postings


def read_postings(
    terms: Any, terminfo: Any, offset: int, want_values: bool, restrict: list[int] | None
) -> tuple[list[int], list[float] | None, list[bytes] | None]:
    """One segment's postings of one term: ids (plus ``offset``), weights (None: all 1.0)
    and values (when wanted), skipping blocks that cannot hold a ``restrict`` document.

    Why: reads the posting file (``terms._postfile``) a block at a time in Whoosh 3's
    layout (magic, then per block a length, negative for the last block, a pickled
    header ``(count, maxid, maxweight, compression, minlength, maxlength)`` and the
    pickled, maybe zlib-compressed ``(deltas, weights, values)``), instead of a matcher
    call per posting.
    """
    if terminfo.is_inlined():
        ids, weights, values = terminfo.inlined_postings()
        return (
            [offset + i for i in ids],
            list(weights),
            list(values) if want_values else None,
        )
    start, length = terminfo.extent()
    if isinstance(length, tuple):  # Whoosh's W3TermInfo.from_bytes leaves a 1-tuple
        length = length[0]
    raw = terms._postfile.get(start, length)
    if raw[:4] != POSTING_MAGIC:
        raise Unsupported("unexpected posting block header")
    stream = io.BytesIO(raw)
    pos = 4
    all_ids: list[int] = []
    all_weights: list[float] = []
    all_values: list[bytes] | None = [] if want_values else None
    uniform = True
    prev_max = offset - 1
    end_all = len(raw)
    while pos < end_all:
        (blen,) = _INT.unpack_from(raw, pos)
        pos += 4
        last = blen < 0
        blen = -blen if last else blen
        end = pos + blen
        stream.seek(pos)
        count, maxid, _maxweight, comp, _mnlen, _mxlen = pickle.load(stream)
        gmax = offset + maxid
        skip = False
        if restrict is not None:
            i = bisect_left(restrict, prev_max + 1)
            skip = i >= len(restrict) or restrict[i] > gmax
        prev_max = gmax
        if not skip:
            data = raw[stream.tell() : end]
            if comp:
                data = zlib.decompress(data)
            deltas, weights, values = _load_block(data, want_values)
            ids = list(accumulate(deltas, initial=offset))
            del ids[0]
            all_ids.extend(ids)
            if weights is None:
                if not uniform:
                    all_weights.extend(repeat(1.0, count))
            else:
                if uniform:
                    uniform = False
                    all_weights = [1.0] * (len(all_ids) - len(ids))
                if isinstance(weights, float):
                    all_weights.extend(repeat(weights, count))
                else:
                    all_weights.extend(weights)
            if all_values is not None:
                all_values.extend(values)
        pos = end
        if last:
            break
    return all_ids, (None if uniform else all_weights), all_values


def _load_block(data: bytes, want_values: bool) -> tuple[Any, Any, Any]:
    """A block's ``(deltas, weights, values)``; values are None unless wanted.

    Blocks are pickled in protocol 5 (`write_posting_block`), whose values load as
    plain bytes: unpickling the whole block is cheaper than cutting it.
    """
    deltas, weights, values = pickle.loads(data)
    return deltas, weights, (values if want_values else None)


_LIST_HEAD = b"\x80\x02]q\x00"


def position_deltas(values: Sequence[bytes]) -> list[list[int]]:
    """Position deltas of many Whoosh ``Positions`` postings with one unpickling.

    Why: Whoosh's ``Positions`` format stores a value as ``count + pickle(deltas)`` (a
    list: ``PROTO 2, EMPTY_LIST, BINPUT 0, items, STOP``); their middles are spliced
    into one outer list's pickle, each followed by ``APPEND``, instead of a decode call
    per posting.  (Title and body use `search.index.fastindex.FastPositions`; this is
    for the name fields.)
    """
    if not values:
        return []
    # Whoosh writes every value the same way: checking the ends is enough (a value
    # of another shape makes the joined pickle fail or come out the wrong length).
    if all(v[4:9] == _LIST_HEAD and v[-1:] == b"." for v in (values[0], values[-1])):
        try:
            lists = pickle.loads(b"\x80\x02]" + b"a".join([v[6:-1] for v in values]) + b"a.")
        except Exception:  # not the layout expected: one by one
            lists = None
        if lists is not None and len(lists) == len(values):
            return list(lists)
    return [pickle.loads(v[4:] if v.endswith(b".") else v[4:] + b".") for v in values]


def write_posting_block(writer: Any, last: bool, protocol: int, compress_min: int) -> None:
    """Write a postings writer's current block, pickled in ``protocol``, compressed only
    from ``compress_min`` bytes (Whoosh's ``W3PostingsWriter._write_block`` otherwise).

    Why: `search.index.fastindex.FastPostingsWriter` overrides that private method; the
    block state it writes (``_postfile``, ``_terminfo``, ``_ids``, ``_maxweight``,
    ``_minlength``, ``_maxlength``, ``_compression``, ``_blockcount``, ``_mini_*``,
    ``_new_block``) is all private.
    """
    if not writer._blockcount:
        writer._postfile.write(WHOOSH3_HEADER_MAGIC)
    writer._terminfo.add_block(writer)
    data = (writer._mini_ids(), writer._mini_weights(), writer._mini_values())
    databytes = pickle.dumps(data, protocol)
    # Whoosh means to leave small blocks uncompressed but compresses every block (it
    # overwrites its own ``comp = 0``): with most terms rare, starting zlib for
    # each tiny block cost 7 % of the time spent writing a segment (5,000 articles).
    comp = writer._compression if len(databytes) >= compress_min else 0
    if comp:
        databytes = zlib.compress(databytes, comp)
    ids = writer._ids
    infobytes = pickle.dumps(
        (
            len(ids),
            ids[-1],
            writer._maxweight,
            comp,
            length_to_byte(writer._minlength),
            length_to_byte(writer._maxlength),
        ),
        protocol,
    )
    blocklength = len(infobytes) + len(databytes)
    if last:
        blocklength *= -1  # Whoosh marks the last block with a negative length
    writer._postfile.write_int(blocklength)
    writer._postfile.write(infobytes)
    writer._postfile.write(databytes)
    writer._blockcount += 1
    writer._new_block()


def add_posting_run(
    writer: Any,
    ids: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes] | None,
    lengths: Sequence[int | None] | None,
) -> None:
    """``writer.add_posting`` for each posting of a term, a block's worth at a time: the
    same blocks, statistics and bytes as Whoosh's ``W3PostingsWriter.add_posting``
    (which writes the full block before it takes the next posting, keeps only
    non-empty values and counts only non-zero lengths).

    Why: a segment's postings are written at its end, one Python call per posting
    through Whoosh's field and postings writers (a third of an indexing sub-process's
    time, issue #12); the block buffers (``_ids``, ``_weights``, ``_values``,
    ``_blocklimit``) and statistics (``_maxweight``, ``_minlength``, ``_maxlength``) are
    private.
    """
    limit = writer._blocklimit
    count = len(ids)
    at = 0
    while at < count:
        if len(writer._ids) >= limit:
            writer._write_block()
        end = min(count, at + limit - len(writer._ids))
        writer._ids.extend(ids[at:end])
        chunk = weights[at:end]
        writer._weights.extend(chunk)
        heaviest = max(chunk)
        if heaviest > writer._maxweight:
            writer._maxweight = heaviest
        if values is not None:
            writer._values.extend([v for v in values[at:end] if v])
        if lengths is not None:
            counted = [n for n in lengths[at:end] if n]
            if counted:
                shortest, longest = min(counted), max(counted)
                if writer._minlength is None or shortest < writer._minlength:
                    writer._minlength = shortest
                if longest > writer._maxlength:
                    writer._maxlength = longest
        at = end


def field_postings_writer(fieldwriter: Any) -> Any:
    """The postings writer a field writer started for the current field (``_postwriter``).

    Why: `add_posting_run` fills it directly, not a posting at a time through
    ``W3FieldWriter.add``.
    """
    return fieldwriter._postwriter


def flush_segment(writer: Any, write_postings: Callable[[Any, Any, Any], None]) -> None:
    """Whoosh's ``SegmentWriter._flush_segment`` with the postings written by
    ``write_postings(fieldwriter, schema, lengths)`` instead of ``fieldwriter.add_postings``
    over the pool's postings one by one.

    Why: `search.index.postingpool.CompactSegmentWriter` overrides that private method; the
    segment's writers (``perdocwriter``, ``fieldwriter``) and ``codec`` are attributes
    Whoosh does not document.
    """
    writer.perdocwriter.close()
    lengths = writer.per_document_reader() if writer.codec.length_stats else None
    write_postings(writer.fieldwriter, writer.schema, lengths)
    writer.fieldwriter.close()
    if lengths is not None:
        lengths.close()


def codec_postings_options(codec: Any) -> dict[str, Any]:
    """The options a ``W3Codec`` gives its postings writer (``_blocklimit``,
    ``_compression``, ``_inlinelimit``).

    Why: `search.index.fastindex.FastCodec` makes its own postings writer with them.
    """
    return {
        "blocklimit": codec._blocklimit,
        "compression": codec._compression,
        "inlinelimit": codec._inlinelimit,
    }


# --------------------------------------------------------------------------- writers


def temp_storage(writer: Any) -> Any:
    """A segment writer's storage for temporary files (``_tempstorage``).

    Why: `search.index.postingpool.CompactPool` spills its runs there, as Whoosh's own
    posting pool does.
    """
    return writer._tempstorage


def finalize_segment(writer: Any) -> Any:
    """Finish a segment writer's segment and return it (``_finalize_segment``).

    Why: a sub-writer hands over its segment without committing (the parent commits).
    """
    return writer._finalize_segment()


def process_file(task: Any, job: Sequence[Any]) -> None:
    """Index one batch file of documents in a sub-writer (``SubWriterTask._process_file``).

    Why: `search.index.writers` rewrites the sub-writer's loop (``run``) around it.
    """
    task._process_file(*job)


def check_writer_state(writer: Any) -> None:
    """Raise if the writer was closed (``_check_state``).

    Why: `search.index.writers` adds a writer method (``flush``), which must check as
    Whoosh's own methods do.
    """
    writer._check_state()


def send_buffered(writer: Any) -> None:
    """Hand a multi-process writer's buffered documents to a sub-writer (``_enqueue``).

    Why: a flush and a commit must not leave documents in the parent's buffer.
    """
    writer._enqueue()


def sent_to_subwriters(writer: Any) -> bool:
    """Whether documents went to a sub-writer since the last commit (``_added_sub``)."""
    return bool(writer._added_sub)


def mark_sent_to_subwriters(writer: Any, value: bool) -> None:
    """Set ``_added_sub`` (why: a flush commits what the sub-writers had)."""
    writer._added_sub = value


def added_to_parent(writer: Any) -> bool:
    """Whether the parent writer's own segment has documents (``_added``).

    Why: the rewritten commit finalizes that segment only when it has documents.
    """
    return bool(writer._added)


def reset_document_offsets(writer: Any) -> None:
    """Recount where each segment's document numbers start (``_setup_doc_offsets``).

    Why: after a flush added segments, the writer's deletions must use the new numbering.
    """
    writer._setup_doc_offsets()


def drop_writer_searcher(writer: Any) -> None:
    """Close the searcher a writer keeps for deletions (``_searcher``, ``_orig_close``).

    Why: after a flush it reads the segments as they were; the next use opens a fresh one.
    """
    searcher = writer._searcher
    if searcher is not None:
        searcher._orig_close()
        writer._searcher = None


def merge_segments(writer: Any, mergetype: Any, optimize: Any, merge: Any) -> list[Any]:
    """Apply the merge policy to the index's segments (``_merge_segments``)."""
    return list(writer._merge_segments(mergetype, optimize, merge))


def close_segment(writer: Any) -> None:
    """Drop the parent writer's unused segment (``_close_segment``)."""
    writer._close_segment()


def commit_toc(writer: Any, segments: list[Any]) -> None:
    """Write the index's table of contents listing ``segments`` (``_commit_toc``)."""
    writer._commit_toc(segments)


def finish_writer(writer: Any) -> None:
    """Release the writer's lock and temporary files (``_finish``)."""
    writer._finish()


def write_toc(writer: Any, segments: list[Any]) -> None:
    """Write a new generation of the index's table of contents listing ``segments``,
    keeping the writer open (``whoosh.index.TOC``, not part of Whoosh's API).

    Why: a flush makes the segments written so far searchable without ending the writer.
    """
    from whoosh.index import TOC

    TOC(writer.schema, segments, writer.generation).write(writer.storage, writer.indexname)


def field_length_totals(writer: Any) -> dict[str, int] | None:
    """The per-document writer's running field-length totals (``_fieldlengths``), or None.

    Why: Whoosh re-adds a merged segment's lengths from their one-byte approximations;
    `search.index.writers.merge_small_segments` puts the exact totals back.
    """
    totals: dict[str, int] | None = getattr(writer.perdocwriter, "_fieldlengths", None)
    return totals


def index_segments(ix: Any) -> list[Any]:
    """The segments of an open index (``FileIndex._segments``).

    Why: the health check counts them; the index has no public accessor.
    """
    return list(ix._segments())
