"""Diplomatic themes of an article, from a user-editable YAML taxonomy.

The taxonomy (``data/topics.yaml``, or the user's own file) lists themes with their
keywords.  All keywords of a taxonomy go into one `KeywordMatcher`, built once and
cached.  `KeywordMatcher` is also what the other extractors use for their lexicons: it
looks phrases up by their first word in the set of words of the text, computed once
per document and shared (`text_index`), so five lexicons cost one scan of the text.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, pairwise
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from search.model import Mention, Span

DEFAULT_TAXONOMY = Path(__file__).parent / "data" / "topics.yaml"

# Weight of a keyword found in the title (sentence 0): headlines say what a story is about.
_TITLE_BOOST = 2.0
# One keyword repeated many times should not swamp the ranking.
_MAX_REPEATS = 3


# --------------------------------------------------------------------------- keyword matching


def lower_same_length(text: str) -> str:
    """``text.lower()``, but never changing the length, so offsets stay valid.

    A few characters lower-case to two (``"İ".lower()`` is ``"i̇"``); they keep their
    first character instead.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower()[:1] for ch in text)


# Words for the look-up index: ASCII letter/digit runs of the lower-cased text.  A
# simple class keeps the scan at ~20 ns a character (``\w`` costs twice that).
_TOKEN = re.compile(r"[a-z0-9]+")
# The same words without a regex (`_word_list`): every byte but ASCII letters and digits a
# space; a non-ASCII character is one byte ("?") after ``encode(..., "replace")``.
_TOKEN_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789"
_NOT_TOKEN = bytes(c if c in _TOKEN_BYTES else 32 for c in range(256))
_STEM = 4  # prefix phrases ("proliferat*") are looked up by their first 4 letters
_FIRST_LETTERS = operator.itemgetter(slice(0, _STEM))


class TextIndex:
    """The words of one text, computed once and shared by every `KeywordMatcher`.

    Each extractor runs over the same document text; the index of the last few texts
    is kept (`text_index`), so the document is scanned once, not once per lexicon.
    """

    __slots__ = ("text", "lowered", "tokens", "_words", "_pairs")

    def __init__(self, text: str):
        self.text = text
        self.lowered = lower_same_length(text)
        words = _word_list(self.lowered)
        self.tokens = set(words)
        # (its words in order, for `pairs`; not kept for a text too long to have them)
        self._words = words if len(text) <= _PAIRS_LIMIT else None
        self._pairs: set[tuple[str, str]] | None = None

    @property
    def pairs(self) -> set[tuple[str, str]] | None:
        """Each word with the next: a phrase of several words occurs only where its words
        follow one another, so a phrase whose words are all in the text but apart (most
        of those looked for) needs no search.  None for a text far longer than a story
        (`_PAIRS_LIMIT`), whose pairs would cost more memory than they spare.

        Built on the first question, not with the index: half the texts have no phrase
        of several words whose words they all hold, and ask none.
        """
        if self._pairs is None and self._words is not None:
            self._pairs = set(pairwise(self._words))
        return self._pairs

    def may_match(self, word: str) -> bool:
        """Can a case-insensitive pattern (`re.I`) match the lower-case ASCII ``word`` in the
        text?  Only where the lower-cased text has it, or the text has one of the two
        characters that `re.I` matches to an ASCII letter but that do not lower-case to it
        ("ı" to "i", "ſ" to "s"; "İ" and the Kelvin sign do): a substring test spares
        most texts a pattern's scan."""
        return word in self.lowered or "ı" in self.text or "ſ" in self.text


def _word_list(lowered: str) -> list[str]:
    """``_TOKEN.findall(lowered)``, in half the time."""
    ascii_only = lowered.encode("ascii", "replace").translate(_NOT_TOKEN)
    return ascii_only.decode("ascii").split()


# Texts up to this long (`search.extract.stage.MAX_ANALYSED`) keep their word pairs.
_PAIRS_LIMIT = 200_000


_RECENT: list[TextIndex] = []
_RECENT_SIZE = 4


def text_index(text: str) -> TextIndex:
    """The `TextIndex` of ``text`` (the same object is reused while ``text`` is recent)."""
    for index in _RECENT:
        if index.text is text:
            return index
    index = TextIndex(text)
    # Replace the list in one assignment: threads may read it meanwhile.
    _RECENT[:] = [index, *_RECENT[: _RECENT_SIZE - 1]]
    return index


class KeywordMatcher:
    """Whole-word matching of many phrases at once.

    Phrases are matched case-insensitively (unless ``case_sensitive``) on word
    boundaries; a phrase ending in ``*`` matches any word it begins (``proliferat*``).
    Overlapping matches are resolved leftmost-longest.

    Rather than scanning the text per lexicon (a regex alternation of a few hundred
    phrases costs ~300 µs an article, an Aho-Corasick pass ~25 µs), phrases are indexed
    by their first word; the set of words of the text (`text_index`, shared by all
    matchers) says which phrases can occur, and only those are searched for with
    ``str.find``.
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, Any]],
        *,
        case_sensitive: bool = False,
        exact_case: Callable[[str], bool] | None = None,
    ):
        """Index the phrases.

        Args:
            entries: ``(phrase, payload)`` pairs; a phrase given twice keeps every payload.
            case_sensitive: Match every phrase as written (for names and acronyms).
            exact_case: Which phrases to match as written when the others are not
                (``WHO``, ``UN`` among lower-case keywords).
        """
        # phrase (as written when matched so) -> (exact case?, payloads when the word
        # ends there, payloads when it may go on)
        table: dict[str, tuple[bool, list[Any], list[Any]]] = {}
        for raw, payload in entries:
            phrase = " ".join(raw.split())
            prefix = phrase.endswith("*")
            phrase = phrase.rstrip("*").rstrip()
            if not phrase:
                continue
            as_written = case_sensitive or (exact_case is not None and exact_case(phrase))
            if not as_written:
                phrase = lower_same_length(phrase)
            _, exact, longer = table.setdefault(phrase, (as_written, [], []))
            exact.append(payload)
            if prefix:
                longer.append(payload)
        # Look-up keys: a phrase's longest complete word (rarer than its first: "intend"
        # in "intend to"), or for a one-word prefix its first letters; a phrase with no
        # ASCII word is always searched.
        self._by_word: dict[str, list[_Phrase]] = {}
        self._by_stem: dict[str, list[_Phrase]] = {}
        self._always: list[_Phrase] = []
        for phrase, (as_written, exact, longer) in table.items():
            lowered = lower_same_length(phrase)
            # Every word of a phrase is a word of the text where the phrase occurs on
            # word boundaries, tokenised alike ("nj" of "njølstad" in both).
            words = _TOKEN.findall(lowered)
            if longer and lowered[-1:].isalnum() and words and lowered.endswith(words[-1]):
                words.pop()  # the last word of a prefix phrase is incomplete
            entry = _Phrase(
                phrase, lowered, tuple(exact), tuple(longer), as_written, frozenset(words),
                tuple(pairwise(words)),
            )  # fmt: skip
            first = _TOKEN.match(entry.lowered)
            if words:
                # the longest word; of equals the last ("will *work*", not "will")
                self._by_word.setdefault(max(reversed(words), key=len), []).append(entry)
            elif first is not None and first.end() >= _STEM:
                self._by_stem.setdefault(first.group()[:_STEM], []).append(entry)
            else:
                self._always.append(entry)
        self._words = set(self._by_word)
        self._stems = set(self._by_stem)
        # The words each phrase of a key needs, side by side with the phrases: `find`
        # filters them with `itertools.compress`, in C.
        self._needs = {
            word: tuple(phrase.words for phrase in phrases)
            for word, phrases in self._by_word.items()
        }

    def find(self, text: str, lowered: str | None = None) -> list[tuple[int, int, tuple[Any, ...]]]:
        """Find the phrases in ``text``.

        Args:
            text: The text as written (boundaries are checked on it).
            lowered: Unused; kept for callers that pass it (the shared index has it).

        Returns:
            ``(start, end, payloads)`` in text order, non-overlapping, leftmost-longest;
            ``end`` covers the whole word for prefix phrases.
        """
        if not text:
            return []
        index = text_index(text)
        candidates: list[_Phrase] = list(self._always)
        tokens = index.tokens
        needed = tokens.issuperset
        for word in self._words.intersection(tokens):
            # A phrase whose other words the text lacks cannot occur: a set test each
            # spares most of the searches of the text ("will" of "will end", "will cut").
            candidates.extend(compress(self._by_word[word], map(needed, self._needs[word])))
        if self._stems:
            # (the words' first letters: one lexicon asks, once a text; not kept as a set)
            for stem in self._stems.intersection(map(_FIRST_LETTERS, index.tokens)):
                candidates.extend(self._by_stem[stem])
        if any(phrase.pairs for phrase in candidates) and (pairs := index.pairs) is not None:
            # (before the searches: a phrase's words apart in the text cannot match)
            candidates = [phrase for phrase in candidates if pairs.issuperset(phrase.pairs)]
        if not candidates:
            return []
        hits: list[tuple[int, int, tuple[Any, ...]]] = []
        for phrase in candidates:
            self._locate(text, index.lowered, phrase, hits)
        if len(hits) < 2:
            return hits
        hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        kept = [hits[0]]
        for hit in hits[1:]:
            if hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept

    def _locate(
        self, text: str, lowered: str, phrase: _Phrase, hits: list[tuple[int, int, tuple[Any, ...]]]
    ) -> None:
        size = len(text)
        needle = phrase.lowered
        length = len(needle)
        start = lowered.find(needle)
        while start != -1:
            end = start + length
            if (start == 0 or not _is_word(text[start - 1])) and (
                not phrase.as_written or text.startswith(phrase.text, start)
            ):
                payloads = phrase.exact
                if end < size and _is_word(text[end]):
                    payloads = phrase.longer
                    while payloads and end < size and _is_word(text[end]):
                        end += 1
                if payloads:
                    hits.append((start, end, payloads))
            start = lowered.find(needle, start + 1)


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    lowered: str
    exact: tuple[Any, ...]
    longer: tuple[Any, ...]
    as_written: bool
    words: frozenset[str]  # its complete words (`_TOKEN`), each a word of a text it is in
    # Its complete words, each with the next: where the phrase occurs on word boundaries
    # they are next to each other among the text's words too (no character that is not
    # a word character lower-cases to an ASCII letter or digit, so the phrase's first
    # word is where a word of the text begins).
    pairs: tuple[tuple[str, str], ...]


def _is_word(ch: str) -> bool:
    # "-" is a boundary on purpose: "anti-terrorism" should count as "terrorism".
    return ch.isalnum() or ch == "_"


# --------------------------------------------------------------------------- taxonomy


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Topic:
    """One theme of the taxonomy.

    Attributes:
        id: Stable identifier used in the store and in ``topic:`` queries.
        label: What the UI shows.
        keywords: ``(phrase, weight)`` pairs; ``*`` at the end of a phrase matches word starts.
        plover: The PLOVER context the theme corresponds to, when there is one.
    """

    id: str
    label: str
    keywords: tuple[tuple[str, float], ...]
    plover: str | None = None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A loaded taxonomy: its topics and the matcher compiled from them."""

    topics: tuple[Topic, ...]
    source: str
    matcher: KeywordMatcher

    def label(self, topic_id: str) -> str:
        """The label of ``topic_id`` (the id itself when unknown)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic.label
        return topic_id


class TopicHit(NamedTuple):
    """A theme found in an article: its id, a score for ranking and the evidence."""

    topic: str
    score: float
    spans: list[Span]


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load and compile a taxonomy (cached per path and modification time).

    Args:
        path: A YAML file; ``None`` loads the bundled ``data/topics.yaml``.

    Returns:
        The taxonomy with its keyword matcher.

    Raises:
        TaxonomyError: The file is missing, not YAML, or a field is wrong; the message
            names the file and the field (``topics.yaml: topics[3].keywords: ...``).
    """
    resolved = Path(path) if path is not None else DEFAULT_TAXONOMY
    try:
        mtime = resolved.stat().st_mtime_ns
    except OSError as exc:
        raise TaxonomyError(f"{resolved}: cannot read taxonomy: {exc.strerror or exc}") from exc
    return _load_cached(str(resolved), mtime)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: int) -> Taxonomy:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read taxonomy: {exc.strerror or exc}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: not valid YAML: {exc}") from exc
    return parse_taxonomy(data, source=path)


@functools.lru_cache(maxsize=1)
def _bundled() -> Taxonomy:
    # The bundled file does not change while running: no stat() per article.
    return load_taxonomy()


def parse_taxonomy(data: Any, *, source: str = "<taxonomy>") -> Taxonomy:
    """Validate a taxonomy already read from YAML (see `load_taxonomy`).

    Raises:
        TaxonomyError: A field is missing or has the wrong type.
    """
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise TaxonomyError(f"{source}: topics: expected a list of topics under 'topics:'")
    topics: list[Topic] = []
    seen: set[str] = set()
    for index, item in enumerate(data["topics"]):
        where = f"{source}: topics[{index}]"
        if not isinstance(item, dict):
            raise TaxonomyError(f"{where}: expected a mapping with id, label and keywords")
        topic_id = item.get("id")
        if not isinstance(topic_id, str) or not topic_id.strip():
            raise TaxonomyError(f"{where}.id: expected a non-empty string")
        if topic_id in seen:
            raise TaxonomyError(f"{where}.id: duplicate id {topic_id!r}")
        seen.add(topic_id)
        label = item.get("label", topic_id)
        if not isinstance(label, str):
            raise TaxonomyError(f"{where}.label: expected a string")
        plover = item.get("plover")
        if plover is not None and not isinstance(plover, str):
            raise TaxonomyError(f"{where}.plover: expected a string")
        topics.append(
            Topic(topic_id, label, _keywords(item.get("keywords"), f"{where}.keywords"), plover)
        )
    entries = [
        (phrase, (topic.id, weight)) for topic in topics for phrase, weight in topic.keywords
    ]
    # Short all-capital keywords (UN, NPT, IMF) are matched as written: "un" or "imf" in
    # running text are something else.
    return Taxonomy(tuple(topics), source, KeywordMatcher(entries, exact_case=_is_acronym))


def _is_acronym(phrase: str) -> bool:
    word = phrase.rstrip("*")
    return len(word) <= 5 and word.isalnum() and word.isupper()


def _keywords(raw: Any, where: str) -> tuple[tuple[str, float], ...]:
    if not isinstance(raw, list) or not raw:
        raise TaxonomyError(f"{where}: expected a non-empty list of phrases")
    keywords: list[tuple[str, float]] = []
    for index, entry in enumerate(raw):
        weight: Any = 1.0
        if isinstance(entry, dict):
            phrase, weight = entry.get("text"), entry.get("weight", 1.0)
        else:
            phrase = entry
        if not isinstance(phrase, str) or not phrase.strip(" *"):
            raise TaxonomyError(f"{where}[{index}]: expected a phrase (string or {{text, weight}})")
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise TaxonomyError(f"{where}[{index}].weight: expected a positive number")
        keywords.append((phrase, float(weight)))
    return tuple(keywords)


# --------------------------------------------------------------------------- tagging


def find_topics(
    text: str,
    sentences: Sequence[tuple[int, int]],
    taxonomy: Taxonomy | None = None,
    *,
    min_score: float = 1.0,
    title_end: int = 0,
) -> list[TopicHit]:
    """Rank the taxonomy's themes in a document.

    Args:
        text: The document text (title, blank line, body).
        sentences: Its sentence spans (`search.extract.sentences.document_sentences`).
        taxonomy: From `load_taxonomy`; ``None`` uses the bundled one (loaded once).
        min_score: Themes scoring lower are left out.
        title_end: ``len(title)`` (0 without a title); keyword hits in the title
            count double.

    Returns:
        `TopicHit` s, best first (score, then first occurrence); each span is one
        keyword occurrence.
    """
    if not text:
        return []
    taxonomy = taxonomy or _bundled()
    scores: dict[str, float] = {}
    spans: dict[str, list[Span]] = {}
    repeats: dict[tuple[str, str], int] = {}
    hits = taxonomy.matcher.find(text)
    index = 0
    last = len(sentences) - 1
    for start, end, payloads in hits:
        while index < last and sentences[index + 1][0] <= start:
            index += 1  # hits come in text order: walk the sentences along
        word = text[start:end].lower()
        for topic_id, weight in payloads:
            count = repeats.get((topic_id, word), 0)
            repeats[(topic_id, word)] = count + 1
            spans.setdefault(topic_id, []).append(Span(start, end, index))
            if count < _MAX_REPEATS:
                boost = _TITLE_BOOST if start < title_end else 1.0
                scores[topic_id] = scores.get(topic_id, 0.0) + weight * boost
    ranked = sorted(scores, key=lambda tid: (-scores[tid], spans[tid][0].start))
    return [TopicHit(tid, scores[tid], spans[tid]) for tid in ranked if scores[tid] >= min_score]


def topic_mentions(text: str, hits: Iterable[TopicHit]) -> list[Mention]:
    """The evidence of `find_topics` as ``kind="topic"`` mentions, in text order."""
    mentions = [
        Mention("topic", hit.topic, text[span.start : span.end], span, "keyword")
        for hit in hits
        for span in hit.spans
    ]
    mentions.sort(key=lambda mention: mention.span.start)
    return mentions
