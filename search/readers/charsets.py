"""Decoding text that is not UTF-8: detect the legacy encoding, or refuse.

charset-normalizer proposes encodings; short texts make it guess wildly (a French
sentence in Latin-1 comes back as Hungarian cp1250, ``à`` turned into ``ŕ``).  So the
candidates are limited to the legacy encodings a news archive plausibly holds, each
candidate decoding is checked for signs of mojibake (a Latin word with no ASCII
letter, a word mixing scripts, a symbol glued inside a word), and ties go to the more
common encoding.  Text that is partly UTF-8 and partly something else, or that reads
as garbage in every candidate, is rejected: garbled text must never be stored.

Text that is UTF-8 but for a few damaged bytes (a truncated sequence, a stray byte)
is not a legacy encoding: read with a legacy table, its few bad bytes became Cyrillic
or ``â€`` in the middle of English words.  `utf8_damage` tells the two apart from the
shape of the high bytes: damaged UTF-8 has valid multi-byte sequences and only a few
isolated bad bytes; a legacy text has runs of bytes that are not UTF-8 (its words).
The readers decode damaged UTF-8 with U+FFFD for the bad bytes and say so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from search.readers.limits import Rejected

# Most common first: ties between candidates that both look clean go to the earlier.
CANDIDATE_ENCODINGS = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1256",
    "koi8_u",
    "iso8859_5",
    "mac_cyrillic",
    "latin_1",
)
_RANK = {name: index for index, name in enumerate(CANDIDATE_ENCODINGS)}

# Above this, charset-normalizer considers every reading a mess.
_MAX_CHAOS = 0.2
# Share of non-ASCII characters allowed to look like mojibake in the chosen reading.
_MAX_SUSPICIOUS = 0.1
# How much better a language fit must be to override the commonness ranking.
_COHERENCE_MARGIN = 0.05
# Detection looks at this much of the data; decoding uses all of it.
_SAMPLE_BYTES = 256 * 1024

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# What is left of a multi-byte sequence that lost its last bytes (the complete ones
# removed first): a lead byte with some, not all, of its continuation bytes.
_UTF8_TRUNCATED = re.compile(
    rb"\xe0[\xa0-\xbf][\x80-\xbf]?|[\xe1-\xef][\x80-\xbf]{1,2}"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{0,2}|[\xf1-\xf4][\x80-\xbf]{1,3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
# Four bad bytes in a row are a word of a legacy encoding, not damage.
_STRAY_RUN = re.compile(rb"[\x80-\xff]{4}")
# Damaged UTF-8 may have this many bad sequences, or 1 % of its bytes if more.
_FEW_INVALID = 16
_WORD = re.compile(r"[^\W\d_]+")
# Non-letters that legitimately sit inside words: apostrophes, hyphens, middle dot.
_INWORD_OK = frozenset("'’‘-‐‑·ʼ")


def decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not valid UTF-8.

    Args:
        data: The raw bytes (not UTF-8, no byte-order mark).

    Returns:
        ``(text, encoding)``.

    Raises:
        Rejected: When the bytes mix UTF-8 with another encoding, or no candidate
            encoding reads them as clean text.
    """
    if is_mixed_utf8(data):
        raise Rejected("mixed text encodings (partly UTF-8): cannot decode without garbling")
    encoding = detect_encoding(data[:_SAMPLE_BYTES])
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:  # the sample decoded, a later part does not
        raise Rejected(f"not valid {encoding} at byte {error.start}") from None


@dataclass(frozen=True, slots=True)
class Utf8Damage:
    """How bytes that fail strict UTF-8 decoding break it.

    Attributes:
        valid: Complete multi-byte UTF-8 sequences.
        truncated: Sequences cut short (a lead byte with some continuation bytes).
        stray: Other bytes above 0x7F (lone lead or continuation bytes).
        legacy_run: Whether four stray bytes occur in a row: a word in another encoding.
    """

    valid: int
    truncated: int
    stray: int
    legacy_run: bool

    @property
    def mostly_utf8(self) -> bool:
        """UTF-8 sequences, whole or cut short, outnumber the stray bytes."""
        return self.valid > 0 and self.valid + self.truncated >= self.stray

    def few_invalid(self, size: int) -> bool:
        """Only a few isolated bad sequences: damage, not text in another encoding."""
        invalid = self.truncated + self.stray
        return not self.legacy_run and invalid <= max(_FEW_INVALID, size // 100)

    def repairable(self, size: int) -> bool:
        """UTF-8 text with a few damaged bytes (``size``: the length of the data)."""
        return self.mostly_utf8 and self.few_invalid(size)


def utf8_damage(data: bytes) -> Utf8Damage:
    """Count the valid, truncated and stray parts of bytes that are not strict UTF-8.

    Runs at C speed (regex substitutions and ``bytes.translate``), for whole documents.
    """
    # Each complete (then truncated) sequence becomes a NUL, so that removing it does
    # not join its neighbours into a new sequence.
    rest, valid = _UTF8_SEQUENCE.subn(b"\x00", data)
    rest, truncated = _UTF8_TRUNCATED.subn(b"\x00", rest)
    stray = len(rest) - len(rest.translate(None, _HIGH_BYTES))
    return Utf8Damage(valid, truncated, stray, _STRAY_RUN.search(rest) is not None)


def decode_replacing(data: bytes, offset: int = 0) -> tuple[str, str]:
    """Decode damaged UTF-8 with U+FFFD for each bad sequence.

    Args:
        data: The bytes (not strict UTF-8).
        offset: Where ``data`` starts in the file, for the message.

    Returns:
        ``(text, reason)``, the reason being ``not valid UTF-8 at byte N; K bytes
        replaced`` (N counted from the start of the decompressed file).
    """
    try:
        data.decode("utf-8")
        first = 0
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8", "replace")
    produced = text.count("\ufffd") - data.count("\ufffd".encode())
    kept = len(text.encode("utf-8")) - 3 * produced
    replaced = len(data) - kept
    return text, f"not valid UTF-8 at byte {offset + first:,}; {replaced:,} bytes replaced"


def is_mixed_utf8(data: bytes) -> bool:
    """True when a substantial part of the non-ASCII bytes form valid UTF-8 sequences.

    Legacy text only rarely pairs a lead-byte letter with a continuation-byte
    character (``С»`` in cp1251), so a high share of valid sequences means some of
    the text is UTF-8 and the rest is not.
    """
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    if valid < 6:
        return False
    high = len(_HIGH_BYTE.findall(data))
    return valid / high > 0.25


def detect_encoding(sample: bytes) -> str:
    """Pick the legacy encoding that reads ``sample`` as clean text.

    Raises:
        Rejected: When nothing reads cleanly.
    """
    from charset_normalizer import from_bytes  # import cost only for non-UTF-8 input

    matches = list(from_bytes(sample, cp_isolation=list(CANDIDATE_ENCODINGS)))
    if not matches:
        raise Rejected("unknown text encoding (not UTF-8, no legacy encoding fits)")
    least_chaos = min(m.chaos for m in matches)
    if least_chaos > _MAX_CHAOS:
        raise Rejected("text looks garbled in every plausible encoding")
    readings: list[tuple[float, int, float, str]] = []
    for match in matches:
        if match.chaos > least_chaos + 0.02:
            continue
        # Equivalent encodings decode the sample the same way: rank by the commonest.
        names = [match.encoding, *match.could_be_from_charset]
        name = min((n for n in names if n in _RANK), key=_RANK.__getitem__, default=None)
        if name is None:
            continue
        # The sample may end inside a character; judge the rest.
        text = sample.decode(name, errors="ignore")
        readings.append((suspicious_share(text), _RANK[name], match.coherence, name))
    if not readings:
        raise Rejected("unknown text encoding (not UTF-8, no legacy encoding fits)")
    cleanest = min(r[0] for r in readings)
    if cleanest > _MAX_SUSPICIOUS:
        raise Rejected("cannot determine the text encoding reliably")
    clean = sorted(r for r in readings if r[0] <= cleanest + 0.005)
    chosen = min(clean, key=lambda r: r[1])
    # A clearly better language fit beats commonness (Turkish in cp1254, not cp1252).
    fitting = max(clean, key=lambda r: r[2])
    if fitting[2] >= chosen[2] + _COHERENCE_MARGIN:
        chosen = fitting
    return chosen[3]


def suspicious_share(text: str) -> float:
    """Share of non-ASCII characters that look like mojibake (0.0 = clean)."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if non_ascii == 0:
        return 0.0
    bad = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1:
            bad += sum(1 for ch in word if ord(ch) > 127)
        elif "LATIN" in scripts and len(word) >= 3 and not any(ch.isascii() for ch in word):
            bad += len(word)  # Latin-script words are never all accented letters
        elif _odd_case(word):
            bad += sum(1 for ch in word if ord(ch) > 127)
    # A symbol between two letters ("spotka³") is a letter decoded with the wrong table.
    for index in range(1, len(text) - 1):
        ch = text[index]
        if ord(ch) > 127 and not ch.isalpha() and ch not in _INWORD_OK:
            if text[index - 1].isalpha() and text[index + 1].isalpha():
                if not unicodedata.category(ch).startswith("M"):
                    bad += 1
    return bad / non_ascii


def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _odd_case(word: str) -> bool:
    # Lower then upper inside a word ("пРИВЕТ", "ÐŸÑ€Ð¸") is how wrong Cyrillic
    # tables and UTF-8-read-as-Latin look; McDonald-style names are ASCII and skipped.
    lowered = False
    changes = 0
    for ch in word:
        if ch.islower():
            lowered = True
        elif ch.isupper() and lowered:
            changes += 1
    return changes >= 2
