"""A person being assembled, and the article's countries and organisations by
position, as the role parser asks for them."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from search.extract.affiliation import (
    PORTFOLIO_WORDS,
    Affiliation,
)
from search.extract.countries import dateline_country
from search.extract.dateline_places import WIRE_DATELINE
from search.extract.orgs import international, un_agency
from search.extract.sentences import sentence_at
from search.model import Mention

# What may come before a sentence's subject: a wire's dateline, "The".
_OPENS = re.compile(r"\s*(?:" + WIRE_DATELINE.pattern + r"\s*)?(?:The\s+)?")
# The subject's verb right after it ("Japan has"), or after a relative clause on it
# ("Yugoslavia, whose economic crisis is under close scrutiny by foreign creditors, will").
_SUBJECTS_VERB = re.compile(
    r"(?:,\s+(?:whose|which)\s[^,;.]{0,120},)?\s+(?:will|would|has|had|is|was|does|did|can|could|should|must|may|plans|intends|wants)\b"
)


@dataclass(slots=True)
class _Candidate:
    name: str
    start: int  # the reference as written ("Ms. Huitfeldt")
    end: int
    consumed: int  # where the role or name parsed ends, to skip role words inside it
    role: str | None
    side: Affiliation | None
    surface: str = ""
    sentence: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None = None
    side: Affiliation | None = None
    role_sentence: tuple[int, int] | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


class _ByPosition:
    """Mentions sorted by position: ``items`` are ``(start, end, key)``, ``starts`` their
    starts, for `bisect`."""

    items: list[tuple[int, int, str]]
    starts: list[int]

    def first_in(self, start: int, end: int) -> str | None:
        index = self._first_index(start, end)
        return self.items[index][2] if index is not None else None

    def _first_index(self, start: int, end: int) -> int | None:
        """The index of the first mention inside ``[start, end)``, if any."""
        index = bisect.bisect_left(self.starts, start)
        return index if index < len(self.items) and self.items[index][1] <= end else None

    def end_of_one_at(self, position: int) -> int | None:
        """Where the mention that begins at ``position`` ends, if one begins there."""
        index = bisect.bisect_left(self.starts, position)
        if index < len(self.items) and self.items[index][0] == position:
            return self.items[index][1]
        return None

    def last_before(self, position: int, reach: int) -> str | None:
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and self.items[index][0] >= position - reach:
            return self.items[index][2]
        return None

    def _a_city(self, index: int) -> bool:
        """Is mention ``index`` a city standing for its country ("Washington")?"""
        return False

    def _not_portfolio_in(self, text: str, start: int, end: int) -> str | None:
        """The first mention inside ``[start, end)`` that is not a portfolio."""
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.items) and self.items[index][0] < end:
            m_start, m_end, key = self.items[index]
            index += 1
            if m_end > end:
                break
            if _portfolio(text, start, m_start) and not _OWN_BODY.match(text, m_end):
                continue  # but "spokesman for the German government" serves it
            if (
                self._a_city(index - 1)
                and _WHERE_BEFORE.search(text, max(start, m_start - 8), m_start)
                and not _OWN_BODY.match(text, m_end)
            ):
                continue  # "Head of the EC Delegation in Washington": where, not whose
            return key
        return None


class _Countries(_ByPosition):
    """Country mentions by position, to ask which country a stretch of text names."""

    def __init__(self, mentions: Sequence[Mention], text: str = "", orgs: Sequence[Mention] = ()):
        self.text = text
        # (not a word of an organisation's name: the "American" of "Organization of
        # American States" gives its Secretary General no country)
        bodies = sorted(
            (m.span.start, m.span.end) for m in orgs if m.kind == "org" and international(m.key)
        )
        starts = [start for start, _end in bodies]
        reach = list(itertools.accumulate((end for _start, end in bodies), max))

        def named_in_a_body(start: int, end: int) -> bool:
            i = bisect.bisect_right(starts, start) - 1  # (bodies opening at or before it)
            return i >= 0 and reach[i] >= end

        ordered = sorted(
            (m.span.start, m.span.end, m.key, m.how)
            for m in mentions
            if m.kind == "country"
            and m.how != "dateline"
            and not named_in_a_body(m.span.start, m.span.end)
        )
        self.items = [item[:3] for item in ordered]
        self.hows = [item[3] for item in ordered]
        self.starts = [item[0] for item in ordered]
        # "BONN - ... government spokesman Friedhelm Ost": the government no word names.
        self.dateline = dateline_country(mentions)
        # Where the dateline starts: what a text names before it, its headline names.
        self.dateline_start = next((m.span.start for m in mentions if m.how == "dateline"), 0)

    def demonym_in(self, start: int, end: int) -> str | None:
        """The country of the first mention in ``[start, end)``, if it is a demonym."""
        index = self._first_index(start, end)
        if index is None or self.hows[index] != "demonym":
            return None
        return self.items[index][2]

    def _a_city(self, index: int) -> bool:
        return self.hows[index] == "capital"

    def subject_at(self, start: int, end: int) -> tuple[str, int] | None:
        """The country a sentence opens with, after a wire's dateline, as the subject of its
        verb ("BELGRADE, March 23 - Yugoslavia will not follow Brazil ..."): its key and
        where it ends."""
        index = bisect.bisect_left(self.starts, start)
        if index >= len(self.items) or self.items[index][0] >= end or self.hows[index] == "demonym":
            return None
        m_start, m_end, key = self.items[index]
        if _OPENS.fullmatch(self.text, start, m_start) and _SUBJECTS_VERB.match(self.text, m_end):
            return key, m_end
        return None

    def overlapping(self, start: int, end: int) -> str | None:
        index = bisect.bisect_right(self.starts, end - 1) - 1
        while index >= 0:
            m_start, m_end, key = self.items[index]
            if m_end > start:
                return key
            if m_end <= start and m_start < start - 200:
                break
            index -= 1
        return None

    def start_of(self, start: int, end: int) -> int | None:
        """Where the country mention overlapping ``[start, end)`` begins, if there is one."""
        index = bisect.bisect_right(self.starts, end - 1) - 1
        while index >= 0:
            m_start, m_end, _key = self.items[index]
            if m_end > start:
                return m_start
            if m_start < start - 200:
                break
            index -= 1
        return None

    def how_at(self, start: int, end: int) -> str | None:
        """How the country mention overlapping ``[start, end)`` is written, if any."""
        index = bisect.bisect_right(self.starts, end - 1) - 1
        if index >= 0 and self.items[index][1] > start:
            return self.hows[index]
        return None

    def keys_in(self, start: int, end: int, *, skip_capitals: bool = False) -> list[str]:
        """Codes of the mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.starts, start)
        keys = []
        while index < len(self.items) and self.items[index][0] < end:
            if not (skip_capitals and self.hows[index] == "capital"):
                keys.append(self.items[index][2])
            index += 1
        return keys

    def items_in(
        self, start: int, end: int, *, skip_capitals: bool = False
    ) -> list[tuple[int, int, str]]:
        """``(start, end, code)`` of the mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.starts, start)
        found = []
        while index < len(self.items) and self.items[index][0] < end:
            if not (skip_capitals and self.hows[index] == "capital"):
                found.append(self.items[index])
            index += 1
        return found

    def spans_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.starts, start)
        spans = []
        while index < len(self.items) and self.items[index][0] < end:
            if self.items[index][1] <= end:
                spans.append(self.items[index][:2])
            index += 1
        return spans

    def nationality_in(self, text: str, start: int, end: int) -> str | None:
        """The first country inside ``[start, end)`` that is not a portfolio.

        "U.S. Special Representative for the DPRK": USA, not PRK; "Ambassador to
        Kazakhstan": none.
        """
        return self._not_portfolio_in(text, start, end)

    def starting_at(self, position: int) -> tuple[str, int] | None:
        index = bisect.bisect_left(self.starts, position)
        if index < len(self.items) and self.items[index][0] == position:
            return self.items[index][2], self.items[index][1]
        return None


_PORTFOLIO_LIST = re.compile(
    # Not a day: "released on Thursday, Portuguese Ambassador ... said".
    r"\b(?:for|to|on|against)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b)(?:[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
    r"\s*,\s*(?:and\s+)?)+$"
)


# A place in an office's words: "Head of the EC Delegation in Washington".
_WHERE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
# A country's own body after its name or demonym: "for the German government".
_OWN_BODY = re.compile(
    r"\s+(?:government|ministry|foreign\s+ministry|embassy|delegation|mission|cabinet|"
    r"presidency|authorities|"
    # "Director of Policy and Plans for U.S. Southern Command": its armed forces' command.
    r"(?:[A-Z][\w-]+\s+){0,2}(?:Command|Forces|Army|Navy|Air\s+Force|Marine\s+Corps|"
    r"Coast\s+Guard))\b"
)


# Offices written in lower case before their portfolio ("the special envoy for Syria").
_OFFICE_NOUNS = frozenset(
    """envoy envoys ambassador ambassadors representative representatives minister ministers
    secretary coordinator commissioner commissioners adviser advisor rapporteur negotiator
    negotiators delegate delegates delegation observer spokesperson spokesman spokeswoman
    head chief director chair chairman chairwoman president""".split()
)


# An organisation's head after its name: "UN Secretary General", "WHO Director-General".
_ITS_HEAD = re.compile(r"(?:[A-Z][\w.]*\s+){1,4}?(?:Secretary|Director)[\s-]General\b")


def _portfolio(text: str, floor: int, position: int) -> bool:
    """Is the country or organisation written at ``position`` a portfolio ("Ambassador to
    (the) X", "Envoy for X")?  Only words after ``floor`` are read."""
    before = text[max(floor, position - 24) : position].split()
    if before and before[-1].lower() == "the":
        before.pop()
    if bool(before) and before[-1].lower() in PORTFOLIO_WORDS:
        # "Ambassador to the UN", "the envoy for Syria"; not "Thank you to World Health
        # Organization (WHO) Director-General Tedros".
        if _ITS_HEAD.match(text, position):
            return False  # "Special Adviser to the UN Secretary General": its own staff
        office = before[-2] if len(before) > 1 else ""
        return not office or office[:1].isupper() or office.lower() in _OFFICE_NOUNS
    # A later item of the portfolio's list: "for Afghanistan, Pakistan, and Central Asia".
    return _PORTFOLIO_LIST.search(text, max(floor, position - 120), position) is not None


class _Orgs(_ByPosition):
    """International organisations named in the text, by position."""

    def __init__(self, mentions: Sequence[Mention], text: str = ""):
        self.text = text
        ordered = sorted(
            (m.span.start, m.span.end, m.key)
            for m in mentions
            if m.kind == "org" and international(m.key)
        )
        self.items = ordered
        self.starts = [item[0] for item in ordered]
        # An organ's organisation ("the Security Council" is the UN's), by the organ's start.
        self.parents = {
            m.span.start: m.key for m in mentions if m.kind == "org" and m.how == "parent"
        }

    def whole_before(self, position: int, reach: int) -> tuple[int, str] | None:
        """Where the organisation named last before ``position`` (within ``reach``) ends,
        and its key: an organ as the organisation it belongs to."""
        index = bisect.bisect_left(self.starts, position) - 1
        if index < 0 or self.items[index][0] < position - reach:
            return None
        start, end, key = self.items[index]
        return end, self.parents.get(start, key)

    def affiliation_in(self, text: str, start: int, end: int) -> str | None:
        """The first organisation inside ``[start, end)`` that is not a portfolio
        ("Representative to the UN" serves a country, not the UN); of "UN World Food
        Program (WFP) Executive Director", the agency named after the UN."""
        found = self._not_portfolio_in(text, start, end)
        if found == "UN":
            index = bisect.bisect_right(self.starts, start)
            for m_start, m_end, key in self.items[index:]:
                if m_start >= end or m_end > end:
                    break
                if un_agency(key):
                    return key
        return found

    def covers(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` inside an international organisation's name?"""
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.items[index][1] >= end


def _sentence_span(
    text: str, sentences: Sequence[tuple[int, int]], position: int
) -> tuple[int, int]:
    if not sentences:
        return (0, len(text))
    start, end = sentences[sentence_at(sentences, position)]
    return (start, end)
