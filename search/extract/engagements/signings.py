"""Signings: an agreement signed, by whom; a signing told as an event ("the official
signing in Peking on Thursday"); a transcript's "(The Memorandum of Understanding is
signed.)"."""

from __future__ import annotations

import re

from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.governments import names_officials
from search.extract.engagements.participants import _Participants
from search.extract.engagements.patterns import _FATE_OF, _STAGE_DIRECTION
from search.extract.sentences import sentence_at
from search.extract.when import date_phrases

# An agreement's noun after a signing word: "signed an agreement", "signing a memorandum".
_AGREEMENT = re.compile(
    r"\b(?:memorand\w+|mou|agreements?|accords?|treat(?:y|ies)|declarations?|protocols?|deals?|"
    r"charters?|conventions?|arrangements?|letters? of intent|frameworks?|contracts?|pacts?|"
    # "The Philippines and the World Bank have signed a 300 mln dlr loan"
    r"loans?|credits?)\b",
    re.I,
)
# Parties of an agreement that are businesses, after its noun: "contract between Libyan
# company Hatif and U.S. company Infinera", "deal with the firm".
_BETWEEN_BUSINESSES = re.compile(
    r"[^.;:]{0,40}?\b(?:between|with)\s+(?:[\w.’'-]+\s+){0,3}?"
    r"(?:compan(?:y|ies)|firms?|corporations?|enterprises?|businesses)\b",
    re.I,
)
# The nouns of an agreement a passive "signed" follows.
_SIGNED_NOUNS = (
    r"\b(?:memorand\w+|mou|agreements?|accords?|treat(?:y|ies)|protocols?|deals?|pacts?|"
    r"conventions?|charters?|declarations?)\b"
)
# An agreement named before the verb that signed it: "a pact on microchip trade signed last
# September", "the deal that was signed in 2015", "The five-year accord signed in July 1986".
_SIGNED_AGREEMENT = re.compile(
    _SIGNED_NOUNS + r"(?P<phrase>(?:\s+[\w’'.-]+){0,6}?)"
    r"\s+(?:(?:that|which)\s+)?(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?$"
    # or set off by a comma, the agreement alone: "The agreement, signed last September,
    # called for" (not "the Libyan Political Agreement, signed in 17 December 2015")
    r"|\b(?:the|this|that)\s+" + _SIGNED_NOUNS + r",\s+$",
    re.I,
)
# An agreement set off before its agents: "the Joint Declaration of December 22, 2020,
# signed by Morocco, United States, and Israel" (a date's commas inside).
_SIGNED_BY_AGREEMENT = re.compile(
    _SIGNED_NOUNS + r"(?P<phrase>(?:\s+[\w’'.-]+|,\s+(?:19|20)\d\d){0,8}?),\s+$", re.I
)
# Signers who are the article's two countries: "the presidents of both countries".
_BY_BOTH = re.compile(
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:of\s+)?(?:both|the\s+two)\s+"
    r"(?:countries|nations|governments|sides)\b",
    re.I,
)
# A date before an agreement's noun: "the November 27 maritime border", "the 1994".
_DATE_BEFORE_NOUN = re.compile(
    r"\b(?:the|an?)\s+(?P<date>(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?|(?:19|20)\d\d)"
    r"(?:\s+[\w-]+){0,3}\s+$"
)
# A date after the parties: "... done in 1984, 1994", "signed in 2019", "reached last year".
_DONE_IN = re.compile(
    r"[^.;:]{0,80}?\b(?:done|signed|concluded|reached)\s+(?P<date>in\s+"
    r"(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d)\b"
)
# "the official signing in Peking on Thursday": a signing told as an event, where or when.
_CEREMONY = re.compile(r"\b(?:the|a)\s+(?:official\s+|formal\s+)?$")
_HELD_AT = re.compile(r"\s+(?:in|at|on)\s+[A-Z]")


# "... in a ceremony in Washington, DC", "at a signing ceremony in Oslo".
_CEREMONY_IN = re.compile(
    r"\b(?:in|at)\s+an?\s+(?:[\w-]+\s+){0,2}ceremony\s+(?:in|at)\s+(?:the\s+)?"
)


class _Signings(_Participants):
    """The tests and parties of one sentence's signing triggers."""

    def _accept_signing(self, word: str, match: re.Match[str], before: str, after: str) -> bool:
        """A signing trigger: "signed an agreement", not "a sign of" or "signed for Ghana"."""
        text = self.c.text
        if word.startswith("agreement"):
            return self._dated_agreement(match)
        if word == "sign" and (
            before.rstrip().lower().endswith((" a", " the", " no", " any"))
            or after.startswith((" of", " that"))
        ):
            return False  # "a sign of"
        if after.startswith((" for ", " on behalf of ")):
            return False  # "signed for Ghana": who signed, not a second signing
        if self._signed_before(match) is not None:
            return True  # "a pact on microchip trade signed last September"
        if self._ceremony(match):
            return True  # "will be released after the official signing in Peking on Thursday"
        clause = text[match.start() : min(self.end, match.end() + 160)]
        agreement = _AGREEMENT.search(clause)
        if agreement is None:
            return False
        if agreement.group().lower().startswith(("loan", "credit")) and not self.c.orgs_in(
            self.start, min(self.end, match.start() + agreement.end() + 40)
        ):
            # a loan a bank or a company signs is business ("Daewoo will sign a 45 mln U.S.
            # Dlr loan"); one with the World Bank or the EC is a government's
            return False
        # "a signing ceremony for a new 5G telecommunications contract between Libyan
        # company Hatif and U.S. company Infinera": a deal between businesses.
        return _BETWEEN_BUSINESSES.match(clause, agreement.end()) is None

    def _dated_agreement(self, match: re.Match[str]) -> bool:
        """ "the November 27 maritime border agreement between Turkey and Libya",
        "bilateral agreements between the United States and Cuba done in 1984": an
        agreement between two parties the text dates is their signing; undated ("the
        agreement between the two countries") it is no event."""
        return self._agreement_date_span(match) is not None

    def _agreement_date_span(self, match: re.Match[str]) -> tuple[int, int] | None:
        """Where the date of a dated agreement (`_dated_agreement`) is written."""
        text = self.c.text
        floor = max(self.start, match.start() - 50)
        before = _DATE_BEFORE_NOUN.search(text, floor, match.start())
        if before is not None:
            return before.span("date")
        after = _DONE_IN.match(text, match.end(), min(self.end, match.end() + 120))
        return after.span("date") if after is not None else None

    def _agreement_when(self, match: re.Match[str]) -> tuple[str, str | None]:
        """The status and date of a dated agreement's signing: history, unless its date
        is still ahead."""
        span = self._agreement_date_span(match)
        published = self.c.published
        phrases = date_phrases(self.c.text, *span, published) if span else []
        written = self.c.text[span[0] : span[1]] if span else ""
        date = phrases[0].date if phrases else (written if written.isdigit() else None)
        if date and published and date > published.isoformat()[: len(date)]:
            return "planned", date
        return "background", date

    def _ceremony(self, match: re.Match[str]) -> bool:
        """Is the trigger "signing" told as an event of its own, where or when ("the
        official signing in Peking on Thursday")?"""
        text = self.c.text
        return (
            match.group().lower() == "signing"
            and _CEREMONY.search(text, max(self.start, match.start() - 20), match.start())
            is not None
            and _HELD_AT.match(text, match.end(), self.end) is not None
        )

    def _ceremony_host(self, match: re.Match[str]) -> str | None:
        """The country of the place a signing's ceremony is held in, told after it."""
        held = _CEREMONY_IN.search(self.c.text, match.end(), self.end)
        return self.c.country_named_at(held.end()) if held is not None else None

    def _signed_before(self, match: re.Match[str]) -> re.Match[str] | None:
        """The agreement a passive "signed" follows ("the accord signed in July 1986")."""
        if match.group().lower() != "signed":
            return None
        before = self.c.text[max(self.start, match.start() - 80) : match.start()]
        found = _SIGNED_AGREEMENT.search(before)
        if found is None and self.c.text.startswith(" by ", match.end()):
            # "the Joint Declaration of December 22, 2020, signed by Morocco, ..."
            found = _SIGNED_BY_AGREEMENT.search(before)
            if found is not None and not re.search(r"\b(?:and|but)\b", found.group("phrase")):
                return found
            return None
        if found is None or re.search(r"[,;:]|\b(?:and|but)\b", found.group("phrase") or ""):
            return None  # "an agreement, Reagan and Chirac signed": a clause of its own
        return found

    def _signed_parties(
        self, match: re.Match[str], cut: int, sides: list[str], people: dict[str, str]
    ) -> list[str]:
        """Who signed an agreement named before a passive "signed": the countries its own
        words name ("the Anglo-Saudi deal signed last year", "signed in 2019 between
        Turkey and Libya"); else the article's pair, when the sentence names both of them
        ("in retaliation for Tokyo's alleged failure to live up to a pact on microchip
        trade signed last September" in a story on the United States and Japan), or one of
        them and no other country while the agreement's words name none ("Under the five
        billion stg deal signed last year, Saudi Arabia has agreed to buy 132 warplanes" in
        a story on Britain and Saudi Arabia).  Of the people, only those it was signed by
        ("signed by Reagan and Nakasone") take part."""
        if len(sides) == 1 and (host := self._ceremony_host(match)) not in (None, sides[0]):
            # "Gan Kim Yong signed the Artemis Accords on behalf of the Republic of
            # Singapore in a ceremony in Washington, DC": the host's part
            return [*sides, str(host)]
        agreement = self._signed_before(match)
        if agreement is None and self._ceremony(match):
            # "today's agreement to hand over Portuguese-ruled Macao to China will be
            # released after the official signing in Peking, Portuguese Ambassador ...
            # said": the two countries the sentence names (not the territory handed over).
            text = self.c.text
            codes = [
                code
                for start, _e, code, _how in self.c.countries_in(self.start, self.end)
                if not _FATE_OF.search(text, max(self.start, start - 40), start)
            ]
            both = list(dict.fromkeys([*sides, *codes]))
            return both if len(both) == 2 else sides
        if agreement is None or _STAGE_DIRECTION.fullmatch(self.c.text, self.start, self.end):
            return sides  # "(The Memorandum of Understanding is signed.)": those who met
        text = self.c.text
        by = re.match(r"(?:\s+[\w,]+){0,4}?\s+by\s+", text[match.end() : cut])
        signers = self.c.people_in(match.end() + by.end(), cut) if by else []
        kept = {person.name for _s, _e, person, _side in signers}
        for name in [name for name in people if name not in kept]:
            del people[name]
        # The agreement's own words, from its determiner ("the U.S.-Japan pact"; not the
        # clause before it: "Tokyo failed to live up to a pact"), and the parties after
        # the verb ("signed in 2019 between Turkey and Libya").
        noun = match.start() - len(agreement.group()) + agreement.start()
        floor = max(self.start, noun - 40)
        determiners = list(
            re.finditer(r"\b(?:the|a|an|its|their|this|that)\s", text[floor:noun], re.I)
        )
        words = floor + determiners[-1].end() if determiners else noun
        spans = [(words, match.start())]
        parties = re.match(r"(?:\s+[\w,]+){0,4}?\s+(?:between|with|by)\s+", text[match.end() : cut])
        if parties is not None:
            spans.append((match.end() + parties.end(), cut))
        own = list(
            dict.fromkeys(
                code
                for a, b in spans
                for s, end, code, how in self.c.countries_in(a, b)
                # "between the British and Philippine governments"; but "ventures with
                # Finnish firms" names no party
                if how != "demonym" or a == words or names_officials(self.c, self.start, s, end)
            )
        )
        if len(own) >= 2:
            return own
        named = {code for _s, _e, code, _how in self.c.countries_in(self.start, self.end)}
        pair = self.c.pair
        if by and len(pair) == 2 and _BY_BOTH.match(text, match.end() + by.end(), cut):
            return list(pair)  # "signed by the presidents of both countries last July"
        if len(pair) == 2 and (
            named.issuperset(pair) or (named and not own and named <= set(pair))
        ):
            return list(pair)
        return []


# "It said the agreement, which has yet to be ratified by the 12 EC countries, was signed
# last night in Brussels": the day of the signing the story's lead reported undated.
_WAS_SIGNED = re.compile(
    r"\b(?:the|this)\s+(?:agreement|accord|deal|loan|memorandum|pact|treaty|contract)\b"
    r"[^.;]{0,160}?\bwas\s+signed\b",
    re.I,
)


def signed_told_later(context: _Context, found: list[_Found]) -> None:
    """An undated signing takes the day a later sentence says the agreement was signed."""
    undated = [i for i in found if i.type == "signing" and i.status == "main" and not i.date]
    if not undated or context.published is None:
        return
    text = context.text
    for told in _WAS_SIGNED.finditer(text):
        _start, end = context.sentences[sentence_at(context.sentences, told.start())]
        phrases = date_phrases(text, told.end(), end, context.published)
        day = phrases[0].date if phrases and phrases[0].start - told.end() <= 2 else None
        item = next((i for i in undated if i.at < told.start()), None)
        if day and item is not None:
            item.date = day
            return
