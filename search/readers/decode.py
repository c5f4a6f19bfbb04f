"""Bytes in, text out: gzip, size caps, binary detection, encodings, bounded lines.

Every reader gets its bytes through here, so decompression is transparent (by magic
number, whatever the name), nothing is read whole without a cap, and text is decoded
strictly as UTF-8 first, with legacy-encoding detection only for what fails.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from search.model import ReadError
from search.readers.charsets import decode_legacy, detect_encoding, is_mixed_utf8
from search.readers.limits import HEAD_BYTES, MAX_ARTICLE_BYTES, Rejected, describe_size

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
_SKIP_CHUNK = 1024 * 1024


def is_gzip(path: Path) -> bool:
    """True when the file starts with the gzip magic number."""
    with open(path, "rb") as raw:
        return raw.read(2) == GZIP_MAGIC


@contextlib.contextmanager
def open_binary(path: Path) -> Iterator[BinaryIO]:
    """Open a file for reading bytes, decompressing gzip transparently (streaming)."""
    if is_gzip(path):
        with gzip.open(path, "rb") as stream:
            yield stream  # type: ignore[misc]
    else:
        with open(path, "rb") as stream:
            yield stream


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


def decode_document(data: bytes, declared: str | None = None) -> str:
    """Decode a whole document: byte-order mark, else strict UTF-8, else detection.

    Args:
        data: The bytes.
        declared: An encoding the document declares (HTML ``<meta charset>``), tried
            before detection when the bytes are not UTF-8.

    Raises:
        Rejected: When the text cannot be decoded without garbling it.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as error:
            raise Rejected(f"invalid {bom} text at byte {error.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None and _known_codec(declared) not in (None, "utf-8"):
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            if not is_mixed_utf8(data):
                return data.decode(declared)
    text, _ = decode_legacy(data)
    return text


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
    on after either.  A damaged gzip stream ends the iteration with a `ReadError`
    naming the last good line.  Lines are decoded as UTF-8; a line that is not UTF-8
    is decoded with the legacy encoding detected once per file (from the non-UTF-8
    lines of the file's head and that line), or rejected.

    Args:
        path: The file.
        origin: The path string used in errors.
        head: The file's first bytes (see `read_head`), used for encoding detection.
        limit: Longest line accepted, in bytes.
    """

    def __init__(self, path: Path, origin: str, head: bytes, limit: int = MAX_ARTICLE_BYTES):
        self.path = path
        self.origin = origin
        self.limit = limit
        self._head = head
        self._fallback: str | None = None
        self._fallback_error: str | None = None

    def __iter__(self) -> Iterator[tuple[int, str] | ReadError]:
        bom = _bom_encoding(self._head)
        with open_binary(self.path) as stream:
            if bom in ("utf-16", "utf-32"):
                yield from self._text_lines(io.TextIOWrapper(stream, encoding=bom, newline=""))
            else:
                yield from self._byte_lines(stream, skip_bom=bom is not None)

    def _byte_lines(
        self, stream: BinaryIO, skip_bom: bool
    ) -> Iterator[tuple[int, str] | ReadError]:
        number = 0
        readline = stream.readline
        limit = self.limit
        while True:
            try:
                raw = readline(limit + 1)
            except GZIP_ERRORS:
                yield ReadError(self.origin, f"truncated or corrupt gzip data after line {number}")
                return
            if not raw:
                return
            number += 1
            if number == 1 and skip_bom:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if len(raw) > limit and not raw.endswith(b"\n"):
                try:
                    size = len(raw) + self._skip_rest(stream)
                except GZIP_ERRORS:
                    yield ReadError(self.origin, f"truncated or corrupt gzip data in line {number}")
                    return
                yield _too_large(self.origin, number, size, limit)
                continue
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield self._decode_legacy_line(number, raw)

    def _skip_rest(self, stream: BinaryIO) -> int:
        # Drop the rest of an oversize line in bounded chunks: memory stays at one chunk.
        skipped = 0
        while True:
            chunk = stream.readline(_SKIP_CHUNK)
            skipped += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                return skipped

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

    def _text_lines(self, stream: io.TextIOWrapper) -> Iterator[tuple[int, str] | ReadError]:
        # UTF-16/32 files: the text layer splits lines; limits count characters.
        number = 0
        limit = self.limit // 2
        while True:
            try:
                line = stream.readline(limit + 1)
            except (UnicodeDecodeError, *GZIP_ERRORS) as error:
                yield ReadError(self.origin, f"cannot decode after line {number}: {error}")
                return
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                size = len(line)
                with contextlib.suppress(UnicodeDecodeError, *GZIP_ERRORS):
                    while chunk := stream.readline(_SKIP_CHUNK):
                        size += len(chunk)
                        if chunk.endswith("\n"):
                            break
                yield _too_large(self.origin, number, size * 2, self.limit)
                continue
            yield number, line.lstrip("\ufeff") if number == 1 else line


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
