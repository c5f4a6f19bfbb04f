"""The role parser's complements: where "of the Ministry of Foreign Affairs of Norway"
ends and the name begins, and the words that close an organisation or open another
person's entry of a list."""

from __future__ import annotations

import re

from search.extract import places
from search.extract.given import ascii_folded, given_names
from search.extract.people.apposition import _Apposition
from search.extract.people.lexicon import (
    _BODY_WORDS,
    _COMPASS,
    _CONNECTORS,
    _DATE_WORDS,
    _NOT_DESCRIPTION,
    _PARTICLES,
    _POSSESSIVE_ENDINGS,
    _is_core,
    _Tok,
)
from search.extract.people.names import _excellency
from search.extract.plain_names import NAMED_AFTER

# Lower-case nouns that end a complement naming a body ("of the EC delegation").
_BODY_NOUNS = frozenset(
    "delegation government ministry mission secretariat embassy cabinet team".split()
)
# How many words a complement may go on in lower case before the comma of a set-off name.
_COMPLEMENT_REACH = 8
# A label and its colon leading a line: "Austria: Vice-Chancellor Werner Kogler".
_LINE_LABEL = re.compile(r"[^\n:.,;]{1,40}:")
# Military ranks, written before a name as a form of address.
_RANKS = frozenset("General Admiral Colonel Lieutenant Major Marshal Brigadier".split())
# Fewer inhabitants than this and a word is more likely a name than a city's.
_CITY_POPULATION = 100_000
# How far back the name of a body a role belongs to may reach (`_body_before`).
_BODY_REACH = 9
# The nouns a government body's name opens with before "of" ("Bureau of Energy Resources").
_BODY_OPENERS = frozenset("Bureau Office Department Ministry Agency Embassy Mission".split())


# Vietnamese and Chinese family names of two letters, which the given-name list leaves out
# (too short to tell from other words alone), before a given name it holds.
_SHORT_SURNAMES = frozenset(
    {"Le", "Vu", "Vo", "Ho", "Do", "Ly", "Ha", "Lu", "Wu", "Xu", "Yu", "Hu"}
)


class _Complements(_Apposition):
    """Reads an office's complement up to the name it belongs to."""

    def _after_a_name(self, tokens: list[_Tok], role_first: int) -> bool:
        """Is the office set off after a name ("Lt. Gen. Stephen Sklenka, Deputy Commander
        of U.S. Indo-Pacific Command, and ...")?"""
        return (
            role_first >= 2
            and tokens[role_first - 1][0] == ","
            and self.is_name_word(tokens[role_first - 2])
            and not self._closes_organisation(tokens, role_first - 1)
        )

    def _next_entry(self, tokens: list[_Tok], i: int) -> bool:
        """Does another person's entry of a list start at token ``i``: a form of address
        within its first words ("and Marine Corps Lt. Gen. Steven Rudder")?"""
        if i < len(tokens) and tokens[i][0] == "and":
            i += 1
        return any(
            tok[0].rstrip(".") in self.lex.honorifics or tok[0] in _RANKS
            for tok in tokens[i : i + 4]
        )

    def _body_before(self, tokens: list[_Tok], i: int) -> int | None:
        """Start of the body a role belongs to, written before it and ending at token ``i``:
        capitalised words holding one that names a body ("House Judiciary Committee",
        "Police and Crime" of "Police and Crime Commissioner"), or None."""
        lex = self.lex
        j = i
        named_body = False
        while j >= 0 and i - j < _BODY_REACH:
            word = tokens[j][0]
            # "Bureau of Oceans and International ... Affairs", "Agency for International
            # Development": the body's own connectors
            if word in ("and", "of", "&", "for") and j < i:
                if (
                    word == "and"
                    and j > 0
                    and self.countries.overlapping(tokens[j - 1].start(), tokens[j - 1].end())
                ):
                    break  # "represented the United States and European External Action
                    # Service Deputy Secretary General ...": another clause's country
                nxt = tokens[j + 1]
                if word == "and" and (
                    self.orgs.covers(nxt.start(), nxt.end())
                    or self.countries.overlapping(nxt.start(), nxt.end())
                    # "... Energy Kulit Sombatsiri and Bureau of Energy Resources Senior
                    # Bureau Official": a body's name opens after "and", not within one
                    or (nxt[0] in _BODY_OPENERS and j + 2 <= i and tokens[j + 2][0] == "of")
                ):
                    break  # "Trade Representative Clayton Yeutter and EC External
                    # Relations Commissioner": another person's side begins
                j -= 1
                continue
            if not word[:1].isupper() or word in lex.not_names and word.lower() not in lex.stops:
                break
            lowered = word.lower()
            if (lowered in lex.stops or lowered in _BODY_WORDS) and lowered not in _COMPASS:
                named_body = True  # not "West" of "West German Chancellor"
            j -= 1
        start = j + 1
        while start <= i and tokens[start][0] in ("and", "of", "&"):
            start += 1
        return start if named_body and start <= i else None

    def _next_person(self, tokens: list[_Tok], i: int, *, set_off: bool) -> bool:
        """After a comma, does the next person of a list start at token ``i``: an entry with
        a form of address after an office set off, or "and" and a given name ("John Kerry,
        U.S. Special Presidential Envoy for Climate, and Ruslan Edelgeriyev, Russian ...")?"""
        if set_off and (self._next_entry(tokens, i) or self._named_then_office(tokens, i)):
            return True
        return (
            i + 2 < len(tokens)
            and tokens[i][0] == "and"
            and tokens[i + 1][0] in given_names()
            and tokens[i + 2][0][:1].isupper()
        )

    def _named_then_office(self, tokens: list[_Tok], i: int) -> bool:
        """ "..., Bill Nelson, Administrator of the National Aeronautics and Space
        Administration": two to four name words (or initials), a comma and an office."""
        for j in range(i, min(len(tokens) - 1, i + 4)):
            if tokens[j][0] == ",":
                return j >= i + 2 and _is_core(self.lex, tokens[j + 1][0])
            if not (self.is_name_word(tokens[j]) or self._is_initial(tokens, j)):
                return False
        return False

    def _line_label(self, tokens: list[_Tok], i: int) -> bool:
        """Does token ``i`` start a line with a label and a colon ("Austria: ...")?"""
        return "\n" in self.text[tokens[i - 1].end() : tokens[i].start()] and bool(
            _LINE_LABEL.match(self.text, tokens[i].start())
        )

    def _complement_end(self, tokens: list[_Tok], i: int, *, set_off: bool = False) -> int:
        """End (exclusive) of "of the Ministry of Foreign Affairs of Norway Audun Halvorsen";
        of an office ``set_off`` after a name, at its first comma."""
        n = len(tokens)
        start = i
        depth, limit = 0, i + 25
        while i < n and i < limit:
            text = tokens[i][0]
            if i > start and self._line_label(tokens, i):
                break  # "Minister for Sport\nAustria: Vice-Chancellor ...": the next entry
            if text == "(" and i + 1 < n and tokens[i + 1][0][:1].isdigit():
                break  # "... of the Department of State at (202) 261-8200": a telephone
            if text == "(":
                depth += 1
            elif text == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth:
                pass
            elif text[0].isupper():
                if self._next_role(tokens, i, start, set_off=set_off):
                    break
                if text.endswith(_POSSESSIVE_ENDINGS) or (
                    text.endswith(("'", "’"))
                    and not (i + 1 < n and tokens[i + 1][0] in NAMED_AFTER)
                ):
                    return i + 1  # "of State George Shultz' Moscow talks"
            elif (
                text == "."
                and i > 0
                and (
                    self._is_initial(tokens, i - 1)
                    or tokens[i - 1][0] in self.lex.honorifics
                    or _excellency(tokens, i - 1)
                )
            ):
                pass  # "Dr. S. Jaishankar", "of Japan H.E. Hayashi Yoshimasa"
            elif text in _PARTICLES and i + 1 < n and tokens[i + 1][0][:1].isupper():
                pass  # "Abdullah bin Zayed"
            elif text.partition("-")[0] in _PARTICLES and text.partition("-")[2][:1].isupper():
                pass  # "Minister of Information Moammar al-Eryani"
            elif text == "," and self._next_person(tokens, i + 1, set_off=set_off):
                # "Lt. Gen. Stephen Sklenka, Deputy Commander of U.S. Indo-Pacific Command,
                # and Marine Corps Lt. Gen. Steven Rudder": the next person's entry
                break
            elif (
                text == ","
                and i + 1 < n
                and (tokens[i + 1][0][:1].isupper() or tokens[i + 1][0] in ("and", "&"))
            ):
                # "for Civilian Security, Democracy, and Human Rights Uzra Zeya"; but in
                # "for Energy, and the Environment Jose Fernandez, Civilian Deputy ..." the
                # complement ends with the name before the comma.
                if self._comma_ends(tokens, i, start):
                    break
            elif text in _BODY_NOUNS and tokens[i - 1][0][:1].isupper():
                pass  # "head of the EC delegation", "spokesman for the German government"
            elif text not in _CONNECTORS:
                break
            elif text not in ("of", "the", "for", "&") and self._ends_name(tokens, i, start):
                break  # "of Japan H.E. Hayashi Yoshimasa in Tokyo": the name ends at "in"
            elif text in ("and", "&") and (
                self._ends_name(tokens, i, start)
                or self._role_follows(tokens, i + 1)
                or self._addressed(tokens, i + 1)
            ):
                # "Secretary of State Antony J. Blinken and African Union ... Chair";
                # "Speaker of the Mongolian Parliament Zandanshatar and Foreign Minister X"
                break
            i += 1
        # "... Affairs Mukhtar Tileuberdi on August 13": trailing connectors, dates and
        # other words no name contains are not part of it.
        while i > start and (tokens[i - 1][0] in _CONNECTORS or tokens[i - 1][0] in _DATE_WORDS):
            i -= 1
        return i

    def _before_parenthesis(self, tokens: list[_Tok], end: int, floor: int) -> int:
        """ "Minister of Environment Carlos Correa (Colombia)": the complement ends before a
        closing parenthesis that says whom the person serves (a country), when a name
        ends just before it; "of the Republic of Korea (ROK) Park Jin" is left alone."""
        if end - 1 <= floor or tokens[end - 1][0] != ")":
            return end
        opening = end - 2
        while opening > floor and tokens[opening][0] != "(":
            opening -= 1
        if opening <= floor or tokens[opening][0] != "(":
            return end
        inside = tokens[opening + 1 : end - 1]
        if not inside or self.countries.first_in(inside[0].start(), inside[-1].end()) is None:
            return end
        named = self._name_backward(tokens, opening, floor)
        return opening if named is not None and self._closes_organisation(tokens, named[0]) else end

    def _comma_ends(self, tokens: list[_Tok], i: int, start: int) -> bool:
        """Does the comma at ``i`` end the complement begun at ``start``: after a name, or
        before "(Colombia)" ("Carlos Correa (Colombia), Foreign Minister ..."), a form of
        address, or the next party of a list ("Iraq’s Minister of Foreign Affairs, and
        the United States of America, led by")?"""
        return (
            self._ends_name(tokens, i, start)
            or self._before_parenthesis(tokens, i, start) < i
            or self._addressed(tokens, i + 1)
            or self._and_a_country(tokens, i + 1)
        )

    def _and_a_country(self, tokens: list[_Tok], i: int) -> bool:
        """Do the tokens from ``i`` read "and [the] <country>", the country a party of its
        own (before a comma or a verb), not a portfolio's word ("and Moroccan
        Expatriates")?"""
        if i >= len(tokens) or tokens[i][0] not in ("and", "&"):
            return False
        i += 1
        if i < len(tokens) and tokens[i][0] == "the":
            i += 1
        if i >= len(tokens) or (end := self.countries.end_of_one_at(tokens[i].start())) is None:
            return False
        after = self.text[end : end + 2].lstrip()
        return not after[:1].isupper()

    def _complement_comma(self, tokens: list[_Tok], i: int) -> int | None:
        """The comma that ends a complement going on from token ``i`` ("central bank of
        Mexico,"), within a few words and no verb, or None."""
        for j in range(i, min(len(tokens), i + _COMPLEMENT_REACH)):
            word = tokens[j][0]
            if word == ",":
                return j
            if not word[:1].isalnum() or word.lower() in _NOT_DESCRIPTION:
                return None
        return None

    def _next_role(self, tokens: list[_Tok], i: int, floor: int, *, set_off: bool) -> bool:
        """Does the capitalised role word at ``i`` begin the next person's role ("adviser
        to West German Chancellor Helmut Kohl")?  Not in "Envoy of the Secretary-General
        for Western Sahara" (one role), nor as a surname ("on Migration Amy Pope").  Nor
        in an office named by another's with "the", before its holder: "Special Adviser to
        the UN Secretary General Stephanie Williams" (but set off after a name, "Bjoern
        Seibert, Head of Cabinet of the European Commission President Ursula von der
        Leyen", the name is the inner office's)."""
        if tokens[i][0].lower() not in self.lex.cores or self._title_surname(tokens, i, 1):
            return False
        if tokens[i][0] == "Ambassador":
            return True  # "Representative to the UN Ambassador Linda Thomas-Greenfield"
        j = i - 1
        while j > floor and tokens[j][0][:1].isupper() and not set_off:
            j -= 1  # "the UN Secretary General", "the European Commission President"
        return tokens[j][0].lower() != "the" or (set_off and j < i - 1)

    def _addressed(self, tokens: list[_Tok], i: int) -> bool:
        """Does a form of address start at token ``i`` ("the Honorable Antony Blinken")?"""
        if i < len(tokens) and tokens[i][0] in ("the", "The"):
            i += 1
        if i + 2 < len(tokens) and tokens[i][0] == "M" and tokens[i + 1][0] == ".":
            # "..., and Moroccan Expatriates, M. Nasser Bourita": French "Monsieur"
            return tokens[i + 2][0][:1].isupper()
        return i < len(tokens) and tokens[i][0].rstrip(".") in self.lex.honorifics

    def _role_follows(self, tokens: list[_Tok], i: int) -> bool:
        """Does another person's role start at token ``i`` ("Foreign Minister Battsetseg")?"""
        j = i
        while j < len(tokens) and j < i + 4:
            word = tokens[j][0]
            if not word[:1].isupper():
                return False
            lowered = word.lower()
            if lowered in self.lex.cores:
                return j > i or j + 1 < len(tokens) and tokens[j + 1][0][:1].isupper()
            if lowered not in self.lex.modifiers:
                return False
            j += 1
        return False

    def _ends_name(self, tokens: list[_Tok], i: int, floor: int) -> bool:
        """Does a full name (two words or more, after the organisation) end at token ``i``?"""
        named = self._name_backward(tokens, i, floor)
        return bool(
            named
            and named[1] - named[0] >= 2
            and (self._closes_organisation(tokens, named[0]) or self._from_given(tokens, named))
        )

    def _closes_organisation(self, tokens: list[_Tok], i: int) -> bool:
        """Does the token before a complement's last capitalised words end an organisation?

        A person's name follows a word that closes the organisation ("Affairs",
        "Norway", ")"); capitalised words straight after "of"/"for" are the
        organisation itself.
        """
        if i == 0:
            return False
        token = tokens[i - 1]
        text, start, end = token[0], token.start(), token.end()
        if text == "." and i >= 2:
            if _excellency(tokens, i - 2):
                return True  # "of Japan H.E. Hayashi Yoshimasa"
            text = tokens[i - 2][0]  # "Dr."
        if text == "International" and i >= 2 and tokens[i - 2][0] == "for":
            return False  # "for International Religious Freedom Rashad Hussain": a portfolio
        if text == ")" or text.lower() in self.lex.stops or text in self.lex.honorifics:
            return True
        if text in _RANKS:
            return True  # "Chief of Defense General Valeriy Zaluzhny": his rank, then him
        country = self.countries.how_at(start, end)
        if country is not None:
            return country != "demonym"
        # "Turkish Ambassador to Athens Nazmi Akiman": a capital or a city the gazetteer
        # knows (the country tagger reads no country in a portfolio).
        return text[:1].isupper() and _is_city(text)

    def _from_given(self, tokens: list[_Tok], found: tuple[int, int]) -> tuple[int, int] | None:
        """The name of ``found`` from a known given name after the organisation's words
        ("Minister of Health and Prevention Abdul Rahman Al Owais"), if two words or more
        are left."""
        if any(tokens[j][0] in NAMED_AFTER for j in range(*found)):
            return None  # "the leader of Roman Catholic Christianity": no one
        for first in range(found[0], found[1] - 1):
            if tokens[first][0] in given_names():
                if first > found[0] and tokens[first - 1][0] in _SHORT_SURNAMES:
                    first -= 1  # "for Agriculture and Rural Development Le Minh Hoan"
                return first, found[1]
        return None


def _is_city(word: str) -> bool:
    """Is ``word`` the name of a city of some size ("Athens", "Peking"; not "Bank")?"""
    return any(city.population >= _CITY_POPULATION for city in places.cities(word))


def _without_portfolio_word(tokens: list[_Tok], name_range: tuple[int, int]) -> tuple[int, int]:
    """ "for Afghanistan Reconciliation Zalmay Khalilzad": the portfolio's last word is not
    the name's first, when a known given name follows it; but "Ángeles Moreno Bau" and
    "Gan Kim Yong" (a short surname, first) are whole names."""
    first = name_range[0]
    word = tokens[first][0]
    if (
        word not in given_names()
        and ascii_folded(word) not in given_names()
        and word not in _SHORT_SURNAMES
        and len(word) > 3
        and tokens[first + 1][0] in given_names()
    ):
        return first + 1, name_range[1]
    return name_range
