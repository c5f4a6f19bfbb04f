"""The role parser's second layer: a role's text, and the country or organisation a
role, a name or the words after it give a person."""

from __future__ import annotations

import re

from search.extract.affiliation import (
    Affiliation,
    office_affiliation,
    strip_country_complement,
)
from search.extract.people.lexicon import (
    _APPOSED_OF,
    _BODY_AFTER,
    _DESCRIBED_AS,
    _FOR_COUNTRY,
    _FROM_COUNTRY,
    _HEAD_OF_SIDE,
    _LEADS_SIDE,
    _LED_BY_RE,
    _OF_COUNTRY,
    _REGION_AFTER,
    _SIDE_REACH,
    _SIGNED_FOR,
    _TIME_MODIFIERS,
    _TOKEN,
    _Tok,
)
from search.extract.people.mentions import _portfolio
from search.extract.people.names import _Names
from search.extract.side_patterns import _PHRASE_END

# The departments named "Department of X" before an office of theirs: X is not the office.
_DEPARTMENTS = frozenset(
    "State Justice Defense Defence Commerce Treasury Energy Labor Agriculture Education "
    "Transportation Interior".split()
)
_GLOSS = re.compile(r"\s*\([^()]*\s[^()]*\)$")
_DEPARTMENT_OF = re.compile(r"\b(?:Department|Ministry)\s+of\s+(?:the\s+)?$")
# "Department of Justice " right before an office (its start, or the department's word).
_US_DEPARTMENT_OF = re.compile(r"\bDepartment\s+of\s+(?:the\s+)?$")
_DEPARTMENT_NAMED = re.compile(
    rf"\bDepartment\s+of\s+(?:the\s+)?(?:{'|'.join(sorted(_DEPARTMENTS))})\s+$"
)

# How the tagger read a word that names a side: a country's name or its demonym.
_NAMED_OR_DEMONYM = ("demonym", "name", "alias")
# The head of an international organisation, by the title alone.
_ORG_HEAD = re.compile(r"(?:Deputy\s+)?(?:Secretary[\s-]General|Director[\s-]General)", re.I)
_ORG_HEAD_REACH = 300
# An organisation's head named by its kind: "The Asian Development Bank (ADB) will not
# change its decision ..., bank president Masao Fujioka said."
_GENERIC_HEAD = re.compile(
    r"(bank|fund|organi[sz]ation|agency|commission)\s+(?:president|chairman|governor|"
    r"managing\s+director|director|head|chief)"
)
# A member of the European Commission, the EC named just before: "European Community farm
# commissioner Frans Andriessen and industry commissioner Karl-Heinz Narjes", "EC
# Executive Commission sources said Industry Commissioner Karl-Heinz Narjes".
_COMMISSIONER = re.compile(r"(?:[\w-]+\s+){0,3}[Cc]ommissioner")
_COMMISSIONS = frozenset({"EU", "European Commission"})
# "government" before an office, no country named before it.
_BARE_GOVERNMENT = re.compile(r"(?:^|[.,;:!?\"“]\s*|\b(?:[a-z]+|The|A)\s+)[Gg]overnment\s+$")
_SENTENCE_END = re.compile(r"[.;!?][\"”’]?\s")


# A role's last words, a place after "at"/"in" cut short of its noun: "... at the Tokyo".
_CUT_PLACE = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*$")
_LOWER_NOUN_AFTER = re.compile(r"\s+(?!and\b|or\b|who\b|which\b|said\b|says\b)[a-z]")
# A wire's stock ticker after a company's name: "Creditanstalt-Bankverein <CABV.VI>".
_TICKER = re.compile(r"\s*<[A-Z0-9][A-Z0-9.]*>")
# A role cut off at a possessive before a lower-case noun: "Deputy General Manager of
# Sumitomo Bank Ltd's economics department" read as far as "Ltd's": the office is what
# comes before its body ("of the USDA's Foreign Agricultural Service" is not cut).
_POSSESSOR_END = re.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?[A-Z][^,;]*?['’]s$")


# A government's seat its country's words name ("White House", "Kremlin"), which a role
# written after it keeps as its employer: "White House spokesman".
_SEAT = re.compile(r"(?:White House|Kremlin|Downing Street|[EÉ]lys[eé]e)\b")
# An adviser's or aide's office, to an official a country word names after it.
_ADVISER_TO = re.compile(r"\b(?:advis[eo]r|aide|assistant)\s+to\s+(?:the\s+)?", re.I)


# The acronym a role's body is known by, at its end, names the body, not the office:
# "Assistant Secretary of State for International Narcotics and Law Enforcement (INL)".
_ACRONYM_TAIL = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,9}\)$")
# A form of address after a whole office, before the name: "Secretary of Commerce
# Secretary Gina Raimondo", "Chief Diversity and Inclusion Officer Ambassador Gina
# Abercrombie-Winstanley" (not "UNICEF Goodwill Ambassador").
_ADDRESS_TAIL = re.compile(
    r"^(Secretary\s+of\s+.+?)\s+Secretary$"
    r"|\b(Officer|Representative|Coordinator|Envoy|Director|Adviser|Advisor|Counselor)"
    r"\s+Ambassador$"
)


class _RoleSides(_Names):
    """A role's words as text, and the side (country or organisation) it gives a person."""

    def _side(
        self,
        role: str,
        role_start: int,
        role_end: int,
        role_country: str | None,
        after: int,
    ) -> Affiliation | None:
        """The person's side from the role and the words around it (strongest first)."""
        if role_country is not None:
            return Affiliation(role_country, None, "role")
        named = self.side_in(role_start, role_end)
        if named is not None and named.country is not None:
            return named
        head_of = self._org_head(role, role_start)
        if head_of is not None:
            return head_of
        leads = self.leads_after(after)
        if leads is not None:
            return leads
        country = self.country_after(after)
        if country is not None:
            return Affiliation(country, None, "role")
        if named is not None:
            return named  # the organisation in the role
        led = self._led_by(role_start)
        if led is not None:
            return led
        # (The word may open the role itself: "government spokesman".)
        probe = role_start + (len("government ") if role.lower().startswith("government ") else 0)
        if self.countries.dateline and _BARE_GOVERNMENT.search(
            self.text, max(0, role_start - 24), probe
        ):
            # "BONN - ... government spokesman Friedhelm Ost": the dateline's government.
            return Affiliation(self.countries.dateline, None, "context")
        if self.publisher is not None and (
            _DEPARTMENT_NAMED.search(self.text, max(0, role_start - 40), role_start)
            or (
                _US_DEPARTMENT_OF.search(self.text, max(0, role_start - 40), role_start)
                and self.text[role_start : role_start + 20].split()[0] in _DEPARTMENTS
            )
        ):
            # "Department of Justice Deputy Assistant Attorney General" in a government's
            # own text: a department of that government
            return Affiliation(self.publisher, None, "office")
        adviser = _ADVISER_TO.search(self.text, role_start, role_end)
        if adviser is not None and (serves := self.countries.first_in(adviser.end(), role_end)):
            # "agricultural adviser to West German Chancellor Helmut Kohl": whose government
            return Affiliation(serves, None, "role")
        return office_affiliation(role, self.publisher)

    def leads_after(self, position: int) -> Affiliation | None:
        """The delegation a person leads, said after their name or office ("Cabinet chief
        Bernard Prauge will lead the French delegation", "..., head of the Mexican
        Delegation"): its country, as one who leads it (`_delegation_heads` counts them
        in the engagement reported)."""
        leads = _LEADS_SIDE.match(self.text, position) or _HEAD_OF_SIDE.match(self.text, position)
        country = self._country_word(leads, "side", _NAMED_OR_DEMONYM)
        return Affiliation(country, None, "led-by") if country is not None else None

    def _org_head(self, role: str, role_start: int) -> Affiliation | None:
        """ "OECD members bid farewell to Secretary General Angel Gurria of Mexico": the
        head of an organisation named just before acts for it, whatever their nationality."""
        generic = _GENERIC_HEAD.fullmatch(role)
        commissioner = _COMMISSIONER.fullmatch(role)
        if not _ORG_HEAD.fullmatch(role) and generic is None and commissioner is None:
            return None
        found = self.orgs.whole_before(role_start, _ORG_HEAD_REACH)
        if commissioner is not None and (found is None or found[1] not in _COMMISSIONS):
            return None  # "Police Commissioner": a country's, unless the EC is named before
        if generic is not None and (found is None or generic.group(1) not in found[1].lower()):
            return None  # "bank president": of the bank named before, not of another body
        # In the sentence before at most: "After an emergency meeting of NATO ambassadors,
        # a statement was issued ... Secretary-General Lord Carrington also offered".
        if found is None or len(_SENTENCE_END.findall(self.text, found[0], role_start)) > 1:
            return None
        return Affiliation(None, found[1], "org")

    def side_in(self, start: int, end: int) -> Affiliation | None:
        """The side the words of ``[start, end)`` give: a country or demonym, else an
        organisation ("EC Commissioners")."""
        country = self.countries.nationality_in(self.text, start, end)
        if country is not None:
            return Affiliation(country, None, "role")
        org = self.orgs.affiliation_in(self.text, start, end)
        return Affiliation(None, org, "org") if org is not None else None

    def _clean_role(self, role: str, role_start: int, role_end: int, own: str | None = None) -> str:
        """ "President of the Islamic Republic of Afghanistan" -> "President"; "Secretary
        General of the Organization of Islamic Cooperation (OIC)" -> "Secretary General"
        (the organisation is the side, as the country is); with ``own``, the person's
        country, its words inside the office go too ("Deputy U.S. Trade Representative")."""
        role = self._clean_complements(role, role_start, role_end)
        role = _ADDRESS_TAIL.sub(lambda tail: tail.group(1) or tail.group(2), role)
        role = _ACRONYM_TAIL.sub("", role)
        return self._without_own_country(role, role_start, role_end, own) if own else role

    def _without_own_country(self, role: str, role_start: int, role_end: int, own: str) -> str:
        """ "Deputy U.S. Trade Representative" -> "Deputy Trade Representative", "Chief
        Soviet arms negotiator" -> "Chief arms negotiator", "deputy trade representative of
        the Soviet Union to the United States" -> "deputy trade representative to the United
        States": the side is the person's country, not a word of the office. Only its
        adjectives and abbreviations, and "of X" before "to": "Bank of Japan Governor" stays."""
        offset = self.text.find(role, role_start, role_end + 1)
        if offset < 0:
            return role
        for start, end, code in reversed(self.countries.items_in(offset, offset + len(role))):
            if code != own or end > offset + len(role) or _portfolio(self.text, offset, start):
                continue  # (not "spokesman for the German government")
            start, end = start - offset, end - offset
            of = re.search(r"\s+of\s+(?:the\s+)?$", role[:start])
            if of is not None:
                if re.match(r"\s+to\b", role[end:]):
                    role = role[: of.start()] + role[end:]
            elif (
                self.countries.how_at(start + offset, end + offset) in ("demonym", "alias")
                and not _SEAT.match(role, start)  # "White House spokesman" stays
                and self._office_follows(role[end:])
            ):
                role = role[:start] + role[end:]
        return " ".join(role.split()).strip(" ,")

    def _office_follows(self, rest: str) -> bool:
        """Is a country's adjective before words of the office ("U.S. Trade
        Representative", "Soviet embassy"), not of a name ("Korean Peninsula Peace and
        Security Affairs", "Moroccan Expatriates", "U.S. Southern Command")?"""
        words = rest.split()[:3]
        if not words or words[0][:1].islower():
            return True
        return any(word.lower().strip(",.") in self.lex.cores for word in words)

    def _clean_complements(self, role: str, role_start: int, role_end: int) -> str:
        # "Chancellor of the Exchequer (Finance Minister)", "... of the Storting (the
        # Norwegian Parliament)": a gloss in parentheses is not the office's name.
        role = _GLOSS.sub("", _TICKER.sub("", role))
        possessor = _POSSESSOR_END.search(role)
        if possessor is not None and _LOWER_NOUN_AFTER.match(self.text, role_end):
            role = role[: possessor.start()]
        cut = _CUT_PLACE.search(role)
        if cut is not None and _LOWER_NOUN_AFTER.match(self.text, role_end):
            # "a stock analyst at the Tokyo office of broker James Capel": the place is a
            # word of a noun phrase the role does not hold; the office is what comes before.
            role = role[: cut.start()]
        offset = self.text.find(role, role_start, role_end + 1)
        if offset < 0:
            return role
        spans = [
            (start - offset, end - offset)
            for start, end in self.countries.spans_in(offset, offset + len(role))
        ]
        spans += [
            (start - offset, _gloss_end(role, end - offset))
            for start, end, _key in self.orgs.items
            if offset <= start and end <= offset + len(role)
        ]
        return strip_country_complement(role, spans) if spans else role

    def _role_text(self, tokens: list[_Tok], first: int, last: int) -> str:
        # The role as written, without the country in front ("Kazakhstani Foreign
        # Minister", "former Philippine President"); an organisation stays ("NATO
        # Secretary General", "African Union Commission (AUC) Chairperson").
        while first < last:
            tok = tokens[first]
            if _SEAT.match(self.text, tok.start()):
                break  # "White House spokesman", "Kremlin leader": the office's seat stays
            if self.countries.overlapping(tok.start(), tok.end()):
                first += 1
                if first < last and tokens[first][0] == "Authority":
                    first += 1  # "Palestinian Authority President": the state's organ
            elif tok[0] == "(" and first + 2 < last and tokens[first + 2][0] == ")":
                first += 3  # "(ROK) First Vice Foreign Minister"
            elif tok[0] in _DEPARTMENTS and _DEPARTMENT_OF.search(
                self.text, max(0, tok.start() - 20), tok.start()
            ):
                first += 1  # "Department of State Deputy Assistant Secretary": whose office
            else:
                break
        text = self.text
        pieces = []
        cursor = tokens[first].start()
        i = first
        while i < last and tokens[i][0].lower() in _TIME_MODIFIERS:
            # "former Philippine President": the country word after "former" goes too.
            j = i + 1
            while j < last and self.countries.overlapping(tokens[j].start(), tokens[j].end()):
                j += 1
            if j > i + 1:
                pieces.append(text[cursor : tokens[i + 1].start()])
                cursor = tokens[j].start()
            i = j
        pieces.append(text[cursor : tokens[last].end()])
        # Not "-Japan Alliance ...", nor the comma a transcript's speaker line leaves
        # ("U.S. Deputy Secretary of State , Ambassador Wendy Sherman:").
        return " ".join("".join(pieces).split()).lstrip("-–— ").rstrip(",;: ")

    def country_after(self, position: int) -> str | None:
        # "Foreign Minister Bourita of Morocco"
        match = _OF_COUNTRY.match(self.text, position)
        if match:
            hit = self.countries.starting_at(match.end())
            if hit:
                return hit[0]
            # "Doug Collins of Georgia", "Jerrold Nadler of New York": a state's country.
            region = _REGION_AFTER.match(self.text, match.end())
            if region is not None and self.countries.overlapping(*region.span(1)) is None:
                tokens = list(_TOKEN.finditer(region.group(1)))
                found = _region_country(tokens, len(tokens) - 1)
                if found is not None and found[1] == 0:
                    return found[0]
        signed = _SIGNED_FOR.match(self.text, position)
        if signed:
            hit = self.countries.starting_at(signed.end())
            if hit:
                return hit[0]
        speaks_for = _FOR_COUNTRY.match(self.text, position)
        if speaks_for:
            hit = self.countries.starting_at(speaks_for.end())
            if (
                hit
                and self.countries.how_at(speaks_for.end(), hit[1]) in ("name", "alias")
                and _PHRASE_END.match(self.text, hit[1])
            ):
                return hit[0]
        # "Jong Woo Son from South Korea": a country's name (not a capital: "Lavrov, back
        # from Moscow" says where, not whose); "Maurizio Bucci, the delegate of Italy".
        for pattern in (_FROM_COUNTRY, _APPOSED_OF):
            named = self._country_named_after(pattern, position)
            if named is not None:
                return named
        # "Jernej Müller, Slovenian Ministry of Foreign Affairs": its country's body.
        body = self._country_word(_BODY_AFTER.match(self.text, position), "side", _NAMED_OR_DEMONYM)
        if body is not None:
            return body
        # "Alan Kurdi, a three-year-old Syrian child": the nationality the description gives.
        return self._country_word(_DESCRIBED_AS.match(self.text, position), "demonym", ("demonym",))

    def _country_named_after(self, pattern: re.Pattern[str], position: int) -> str | None:
        """The country whose name (not a capital, not a demonym) begins where ``pattern``,
        matched at ``position``, ends."""
        found = pattern.match(self.text, position)
        if found is None:
            return None
        hit = self.countries.starting_at(found.end())
        if hit and self.countries.how_at(found.end(), hit[1]) in ("name", "alias"):
            return hit[0]
        return None

    def _country_word(
        self, found: re.Match[str] | None, group: str, hows: tuple[str, ...]
    ) -> str | None:
        """The country of the word the match's ``group`` holds, when the tagger read that
        word as one of ``hows``."""
        if found is None:
            return None
        start, end = found.span(group)
        if self.countries.how_at(start, end) not in hows:
            return None
        return self.countries.overlapping(start, end)

    def _led_by(self, role_start: int) -> Affiliation | None:
        # "The Kazakhstan delegation was led by ...", "the OIC delegation, headed by ..."
        window_start = max(0, role_start - 80)
        match = _LED_BY_RE.search(self.text, window_start, role_start)
        if match is None:
            return None
        # The side is named just before its noun: "the Norwegian side", "The OIC delegation".
        country = self.countries.last_before(match.start(), _SIDE_REACH)
        if country is not None:
            return Affiliation(country, None, "led-by")
        org = self.orgs.last_before(match.start(), _SIDE_REACH)
        return Affiliation(None, org, "led-by") if org is not None else None


def _region_country(tokens: list[_Tok], i: int) -> tuple[str, int] | None:
    """The country whose first-level region the capitalised words ending at token ``i``
    name ("Florida", "South Carolina"), with the first token's index; None if none or
    several (a US state wins: English-language news names them most)."""
    from search.extract import places
    from search.extract.gazetteer import gazetteer

    for first in (i - 1, i):
        if first < 0 or not all(tokens[k][0][:1].isupper() for k in range(first, i + 1)):
            continue
        words = " ".join(tokens[k][0] for k in range(first, i + 1))
        regions = places.region_countries(words, abbreviations=False)
        if len(regions) > 1:
            regions = regions & {"US"}
        if len(regions) == 1:
            code = gazetteer().alpha2.get(next(iter(regions)))
            if code is not None:
                return code, first
    return None


def _gloss_end(role: str, end: int) -> int:
    """The end of an organisation's name with the acronym glossing it: "(OIC)"."""
    gloss = re.match(r"\s*\([A-Z][\w.-]{1,9}\)", role[end:])
    return end + gloss.end() if gloss else end
