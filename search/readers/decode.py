"""Bytes in, text out: gzip, size caps, binary detection, encodings, bounded lines.

Every reader gets its bytes through here, so decompression is transparent (by magic
number, whatever the name), nothing is read whole without a cap, and text is decoded
strictly as UTF-8 first, with legacy-encoding detection only for what fails.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from search.model import ReadError
from search.readers.charsets import (
    decode_legacy,
    decode_replacing,
    detect_encoding,
    is_mixed_utf8,
    utf8_damage,
)
from search.readers.limits import (
    HEAD_BYTES,
    MAX_ARTICLE_BYTES,
    MAX_LINES_FILE_BYTES,
    Rejected,
    describe_size,
)
from search.readers.problems import ReadWarning

GZIP_MAGIC = b"\x1f\x8b"
# Errors a damaged gzip stream raises while being read.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed, ESC excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
_MAX_CONTROL_SHARE = 0.1
# Line formats are read in chunks of this size.
_CHUNK = 1024 * 1024
# Runs of blank lines, from the start of a line to the end of its last blank line:
# whitespace-only lines (skipped in JSON Lines), or empty lines (merged in CSV).
_BLANK_LINES = re.compile(rb"[ \t\r\n\x0b\x0c]*\n")
_BLANK_START = frozenset(b" \t\r\n\x0b\x0c")
_EMPTY_LINES = re.compile(rb"[\r\n]*\n")
_EMPTY_START = frozenset(b"\r\n")


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic number."""
    with open(path, "rb") as raw:
        return raw.read(2) == GZIP_MAGIC


# Files open for reading -> their raw (on-disk) file, whose position says how far the
# reading has got in bytes of the file as stored (compressed, for gzip): progress bars.
_OPEN: dict[str, BinaryIO] = {}


@contextlib.contextmanager
def open_binary(path: Path) -> Iterator[BinaryIO]:
    """Open a file for reading bytes, decompressing gzip transparently (streaming)."""
    with open(path, "rb") as raw:
        key = str(path)
        _OPEN[key] = raw
        try:
            if raw.read(2) == GZIP_MAGIC:
                raw.seek(0)
                with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                    yield stream  # type: ignore[misc]  # a binary stream, not a BinaryIO subclass
            else:
                raw.seek(0)
                yield raw
        finally:
            if _OPEN.get(key) is raw:
                del _OPEN[key]


def read_position(path: Path) -> int | None:
    """How many bytes of ``path`` as stored (compressed, for gzip) have been read so far,
    while a reader has it open; None otherwise."""
    raw = _OPEN.get(str(path))
    if raw is None:
        return None
    try:
        return raw.tell()
    except (OSError, ValueError):
        return None


def read_head(path: Path, size: int = HEAD_BYTES) -> tuple[bytes, bool]:
    """The first ``size`` (decompressed) bytes, and whether gzip data broke off there.

    A truncated or corrupt gzip file still gives the bytes that could be read.
    """
    chunks: list[bytes] = []
    got = 0
    with open_binary(path) as stream:
        try:
            while got < size:
                chunk = stream.read1(size - got) if hasattr(stream, "read1") else b""
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
        except GZIP_ERRORS:
            return b"".join(chunks), True
    return b"".join(chunks), False


def read_capped(path: Path, limit: int, what: str = "file") -> bytes:
    """Read a whole (decompressed) file, refusing anything bigger than ``limit``.

    Raises:
        Rejected: When the data is larger than ``limit`` or the gzip stream is damaged.
    """
    gzipped = is_gzip(path)
    if not gzipped:
        size = path.stat().st_size
        if size > limit:
            raise Rejected(f"{what} too large: {describe_size(size)}, limit {describe_size(limit)}")
    with open_binary(path) as stream:
        try:
            data = stream.read(limit + 1)
        except GZIP_ERRORS as error:
            raise Rejected(f"truncated or corrupt gzip data ({error})") from None
    if len(data) > limit:
        raise Rejected(
            f"{what} too large: more than {describe_size(limit)} after decompression"
            if gzipped
            else f"{what} too large: limit {describe_size(limit)}"
        )
    return data


def looks_binary(head: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control bytes.

    UTF-16/32 text (with a byte-order mark) has NUL bytes and is not binary.
    """
    if not head or _bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > _MAX_CONTROL_SHARE


def decode_document(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode a whole document: byte-order mark, else strict UTF-8, else damaged UTF-8
    (a few bad bytes replaced), else detection of a legacy encoding.

    Args:
        data: The bytes.
        declared: An encoding the document declares (HTML ``<meta charset>``), tried
            before detection when the bytes are not UTF-8.

    Returns:
        ``(text, warning)``: ``warning`` is ``None``, or says where invalid UTF-8 bytes
        were replaced with U+FFFD (see `search.readers.charsets.utf8_damage`).

    Raises:
        Rejected: When the text cannot be decoded without garbling it.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom), None
        except UnicodeDecodeError as error:
            raise Rejected(f"invalid {bom} text at byte {error.start}") from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if utf8_damage(data).repairable(len(data)):
        return decode_replacing(data)
    if declared is not None and _known_codec(declared) not in (None, "utf-8"):
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            if not is_mixed_utf8(data):
                return data.decode(declared), None
    text, _ = decode_legacy(data)
    return text, None


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def head_text(head: bytes) -> str:
    """The head decoded loosely, for sniffing formats (never for content)."""
    bom = _bom_encoding(head)
    return head.decode(bom or "utf-8", errors="replace").lstrip("\ufeff")


class LineReader:
    """Iterate over the lines of a (possibly gzipped) text file in bounded memory.

    Yields ``(line_number, text)`` with the line terminator kept (1-based numbers),
    or a `ReadError` for a line that is too long or cannot be decoded; reading goes
    on after either.  A damaged gzip stream, or more than ``total_limit`` bytes of
    (decompressed) data, ends the iteration with a `ReadError` naming the last line
    read.  Lines are decoded as UTF-8.  In a file that is otherwise UTF-8, a line with
    a few bad bytes is decoded with U+FFFD for them and preceded by a `ReadWarning`;
    in a file that is not, a line that is not UTF-8 is decoded with the legacy
    encoding detected once per file (from the non-UTF-8 lines of the file's head and
    that line), or rejected.

    The file is read in chunks of 1 MiB, never line by line from the stream: a line
    longer than ``limit`` is skipped chunk by chunk without being held, and runs of
    blank lines are passed over with one regex match per run (a chunk of nothing but
    newlines with one ``bytes.count``), so gigabytes of newlines cost about what
    decompressing them costs: 2 s per GiB, measured.

    Args:
        path: The file.
        origin: The path string used in errors.
        head: The file's first bytes (see `read_head`), used for encoding detection.
        limit: Longest line accepted, in bytes.
        total_limit: Most (decompressed) bytes read from the file (default
            `MAX_LINES_FILE_BYTES`).
        blank: What to do with blank lines: ``"skip"`` lines of whitespace (they are
            never yielded: JSON Lines), or ``"merge"`` each run of empty lines (CR and
            LF only) into one item, whose number is that of its first line (CSV, where
            an empty line inside a quoted field is content).
    """

    def __init__(
        self,
        path: Path,
        origin: str,
        head: bytes,
        limit: int = MAX_ARTICLE_BYTES,
        *,
        total_limit: int | None = None,
        blank: Literal["skip", "merge"] = "skip",
    ) -> None:
        self.path = path
        self.origin = origin
        self.limit = limit
        self.total_limit = MAX_LINES_FILE_BYTES if total_limit is None else total_limit
        self.skip_blank = blank == "skip"
        self._head = head
        self._utf8: bool | None = None  # whether the file is UTF-8, decided on its first bad line
        self._fallback: str | None = None
        self._fallback_error: str | None = None

    def __iter__(self) -> Iterator[tuple[int, str] | ReadError]:
        with open_binary(self.path) as stream:
            yield from self._lines(self._chunks(stream, _bom_encoding(self._head)))

    def _chunks(self, stream: BinaryIO, bom: str | None) -> Iterator[bytes]:
        """The file's bytes in chunks, transcoded to UTF-8 from UTF-16/32, no BOM.

        Raises:
            _TooMuchData: After the chunk that reaches ``total_limit`` (cut there).
        """
        read = getattr(stream, "read1", stream.read)
        decoder = codecs.getincrementaldecoder(bom)() if bom in ("utf-16", "utf-32") else None
        total = 0
        first = True
        while True:
            data = read(_CHUNK)
            total += len(data)
            over = total > self.total_limit
            if over:
                data = data[: len(data) - (total - self.total_limit)]
            out = data
            if decoder is not None:
                out = decoder.decode(data, final=not (data or over)).encode("utf-8")
            elif first and bom is not None:
                out = data.removeprefix(codecs.BOM_UTF8)
            first = False
            if out:
                yield out
            if over:
                raise _TooMuchData
            if not data:
                return

    def _lines(self, chunks: Iterator[bytes]) -> Iterator[tuple[int, str] | ReadError]:
        origin = self.origin
        limit = self.limit
        skip_blank = self.skip_blank
        blank_run = (_BLANK_LINES if skip_blank else _EMPTY_LINES).match
        blank_start = _BLANK_START if skip_blank else _EMPTY_START
        number = 1  # of the line that starts at ``pos``
        base = 0  # offset in the file of the chunk's first byte
        carry: list[bytes] = []  # the start of a line begun in earlier chunks
        carried = 0
        carry_start = 0
        skipping = -1  # while skipping an oversize line: its size so far
        try:
            for chunk in chunks:
                pos = 0
                size = len(chunk)
                if not carried and skipping < 0 and chunk[0] == 10 and chunk.count(b"\n") == size:
                    # A whole chunk of empty lines (a decompression bomb's usual filler).
                    if not skip_blank:
                        yield number, chunk.decode("ascii")
                    number += size
                    base += size
                    continue
                if carried or skipping >= 0:
                    newline = chunk.find(b"\n")
                    if newline < 0:
                        if skipping >= 0:
                            skipping += size
                        elif carried + size > limit:
                            skipping, carry, carried = carried + size, [], 0
                        else:
                            carry.append(chunk)
                            carried += size
                        base += size
                        continue
                    pos = newline + 1
                    if skipping >= 0:
                        yield _too_large(origin, number, skipping + pos, limit)
                        skipping = -1
                    elif carried + newline > limit:
                        yield _too_large(origin, number, carried + pos, limit)
                    else:
                        carry.append(chunk[:pos])
                        yield from self._decoded(number, carry_start, b"".join(carry))
                    carry, carried = [], 0
                    number += 1
                while pos < size:
                    if chunk[pos] in blank_start and (run := blank_run(chunk, pos)) is not None:
                        end = run.end()
                        if not skip_blank:
                            yield number, chunk[pos:end].decode("ascii")
                        number += chunk.count(b"\n", pos, end)
                        pos = end
                        continue
                    newline = chunk.find(b"\n", pos)
                    if newline < 0:
                        if size - pos > limit:
                            skipping = size - pos
                        else:
                            carry, carried, carry_start = [chunk[pos:]], size - pos, base + pos
                        break
                    if newline - pos > limit:
                        yield _too_large(origin, number, newline + 1 - pos, limit)
                    else:
                        raw = chunk[pos : newline + 1]
                        try:
                            yield number, raw.decode("utf-8")
                        except UnicodeDecodeError:
                            yield from self._undecodable(number, base + pos, raw)
                    number += 1
                    pos = newline + 1
                base += size
        except (*GZIP_ERRORS, UnicodeDecodeError, _TooMuchData) as error:
            yield from self._stopped(error, number, skipping)
            return
        if skipping >= 0:
            yield _too_large(origin, number, skipping, limit)
        elif carried:
            yield from self._decoded(number, carry_start, b"".join(carry))

    def _stopped(self, error: Exception, number: int, skipping: int) -> Iterator[ReadError]:
        """What `_lines` reports when reading stops at line ``number`` on ``error``
        (``skipping``: the size so far of an oversize line being skipped, else -1)."""
        origin = self.origin
        if isinstance(error, GZIP_ERRORS):
            yield ReadError(origin, f"truncated or corrupt gzip data after line {number - 1}")
        elif isinstance(error, UnicodeDecodeError):  # UTF-16/32 text
            yield ReadError(origin, f"cannot decode after line {number - 1}: {error}")
        else:  # _TooMuchData
            if skipping >= 0:
                yield ReadError(
                    origin,
                    f"record too large: more than {describe_size(skipping)}, "
                    f"limit {describe_size(self.limit)}",
                    number,
                )
            yield ReadError(
                origin,
                f"file too large: more than {describe_size(self.total_limit)} after "
                f"decompression; stopped after line {number - 1}",
            )

    def _decoded(
        self, number: int, offset: int, raw: bytes
    ) -> Iterator[tuple[int, str] | ReadError]:
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield from self._undecodable(number, offset, raw)

    def _undecodable(
        self, number: int, offset: int, raw: bytes
    ) -> Iterator[tuple[int, str] | ReadError]:
        if self._utf8 is None:
            # Decided once, on the head and the first bad line: a file whose other
            # non-ASCII text is UTF-8 is UTF-8, and its bad bytes are damage.
            self._utf8 = utf8_damage(self._head + b"\n" + raw).mostly_utf8
        if not self._utf8:
            yield self._decode_legacy_line(number, raw)
        elif utf8_damage(raw).few_invalid(len(raw)):
            text, reason = decode_replacing(raw, offset)
            yield ReadWarning(self.origin, reason, number)
            yield number, text
        else:
            yield ReadError(self.origin, "mixed text encodings (partly UTF-8)", number)

    def _decode_legacy_line(self, number: int, raw: bytes) -> tuple[int, str] | ReadError:
        if self._fallback is None and self._fallback_error is None:
            failing = [line for line in self._head.split(b"\n")[:-1] if not _is_utf8(line)]
            sample = b"\n".join([*failing, raw])
            try:
                self._fallback = detect_encoding(sample)
            except Rejected as error:
                self._fallback_error = error.reason
        if self._fallback is None:
            return ReadError(self.origin, f"not UTF-8: {self._fallback_error}", number)
        if is_mixed_utf8(raw):
            return ReadError(self.origin, "mixed text encodings (partly UTF-8)", number)
        try:
            return number, raw.decode(self._fallback)
        except UnicodeDecodeError as error:
            return ReadError(
                self.origin, f"neither UTF-8 nor {self._fallback} (byte {error.start})", number
            )


class _TooMuchData(Exception):
    """Raised by `LineReader._chunks` past the file's byte limit."""


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _too_large(origin: str, number: int, size: int, limit: int) -> ReadError:
    return ReadError(
        origin, f"record too large: {describe_size(size)}, limit {describe_size(limit)}", number
    )
