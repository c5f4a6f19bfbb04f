"""The role parser: a role or form of address and the name next to it."""

from __future__ import annotations

import bisect
import re

from search.extract import dateline_places
from search.extract.affiliation import (
    Affiliation,
)
from search.extract.given import given_names
from search.extract.people.complements import (
    _RANKS,
    _Complements,
    _is_city,
    _without_portfolio_word,
)
from search.extract.people.lexicon import (
    _COMPLEMENT,
    _CONNECTORS,
    _NOT_DESCRIPTION,
    _POSSESSIVE_ENDINGS,
    _ROLE_TAILS,
    _is_core,
    _Tok,
)
from search.extract.people.mentions import _Candidate, _portfolio
from search.extract.people.names import _excellency
from search.extract.people.office_words import (
    ACRONYM_WORD,
    CURRENT,
    EMPLOYER_WORDS,
    FUNCTION_WORDS,
    INSTITUTION_WORDS,
    NOT_BRIDGE,
    NOT_EMPLOYERS,
    descriptor,
    in_party_name,
)
from search.extract.people.role_sides import _region_country

# Offices named "... General" whose first word is no role word of its own.
_GENERAL_OF = frozenset({"attorney", "surgeon", "inspector", "solicitor", "auditor"})
# A member of the U.S. Congress's party and state after the name: ", R-Mo.", ", D-N.Y.".
_PARTY_STATE = re.compile(r"\s*,\s*[RDI]-[A-Z][A-Za-z.]{1,5}(?![\w-])")


class _Parser(_Complements):
    """Reads a role and the name next to it, token by token, within one sentence."""

    # ---- honorifics: "Ms. Huitfeldt", "Mr.Vassilenko", "Dr. C.S. Eliot Kang"

    def honorific(self, start: int, end: int) -> _Candidate | None:
        if not self.text[start].isupper():
            return None  # "ms" in running text
        _, tokens, starts = self._sentence(start)
        i = bisect.bisect_left(starts, start)
        if i >= len(tokens) or tokens[i].start() != start:
            return None
        # After the whole form of address ("H.E." is four tokens; "E." no initial).
        j = max(i + 1, bisect.bisect_left(starts, end))
        if j < len(tokens) and tokens[j][0] == "." and tokens[j].start() == tokens[j - 1].end():
            j += 1
        found = self._name_forward(tokens, j) if j < len(tokens) else None
        if found is None:
            return None
        name, name_start, name_end = self._name_text(tokens, *found)
        country = self.country_after(name_end)
        side = Affiliation(country, None, "role") if country else None
        return _Candidate(name, start, name_end, name_end, None, side)

    def short_title(self, start: int, end: int) -> _Candidate | None:
        """ "Sen. Thad Cochran, R-Miss.": the office a short title stands for, with its
        full stop only ("Hun Sen" is a name)."""
        word = self.text[start:end]
        if self.text[end : end + 1] != "." or word not in self.lex.short_titles:
            return None
        found = self.honorific(start, end)
        if found is not None:
            found.role = self.lex.short_titles[word]
            if found.side is None and _PARTY_STATE.match(self.text, found.end):
                found.side = Affiliation("USA", None, "role")  # "Rep. Bill Emerson, R-Mo."
        return found

    # ---- roles

    def role(self, start: int, end: int) -> _Candidate | None:
        _, tokens, starts = self._sentence(start)
        n = len(tokens)
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        if first < 0 or last < first:
            return None
        # Backwards over modifiers and a country or demonym: "Kazakhstani Deputy Foreign Minister".
        role_first, role_country = self._role_before(tokens, first, starts)
        last, k = self._role_after(tokens, role_first, last)
        name_range: tuple[int, int] | None = None
        role_last = last
        set_off = self._after_a_name(tokens, role_first)
        if k < n and tokens[k][0] in _COMPLEMENT:
            comp_end = self._complement_end(tokens, k + 1, set_off=set_off)
            comp_end = self._before_parenthesis(tokens, comp_end, k + 1)
            name_range = self._name_backward(tokens, comp_end, k + 1)
            addressed = self._addressed_after(tokens, comp_end)
            if addressed is not None:
                # "Special Representative for Afghanistan Reconciliation Ambassador Zalmay
                # Khalilzad": the office, then the form of address and the name.
                name_range = None
            elif name_range is not None and not self._closes_organisation(tokens, name_range[0]):
                # "president of Higashi Nippon": a company, not a person; but "Ambassador
                # to Athens Nazmi Akiman": the name after the city.
                name_range = self._after_city(tokens, name_range) or self._from_given(
                    tokens, name_range
                )
            elif name_range is not None and name_range[1] - name_range[0] >= 3:
                name_range = _without_portfolio_word(tokens, name_range)
            if name_range is None and addressed is None:
                chained = self._chained(tokens, role_first, comp_end, role_country)
                if chained is not None:
                    return chained
            role_last = self._office_end(
                tokens, (name_range[0] if name_range else comp_end) - 1, last
            )
            k = comp_end
            if addressed is not None:
                name_range = addressed
                role_last = comp_end - 1
        elif k < n:
            name_range, role_last = self._name_after(tokens, k, role_first, last)
        if (
            name_range is None
            and k < n
            and tokens[k][0] != ","
            and last + 1 < n
            and tokens[last + 1][0] in _COMPLEMENT
        ):
            # "the head of the central bank of Mexico, Miguel Mancera Aguayo,": a definite
            # office whose complement goes on in lower case up to the name set off.
            comma = self._complement_comma(tokens, k)
            if comma is not None and self._set_off_name(tokens, role_first, comma + 1):
                k, role_last = comma, comma - 1
        if name_range is None and k < n and tokens[k][0] == "," and not set_off:
            name_range = self._described_name(tokens, k + 1) or self._set_off_name(
                tokens, role_first, k + 1
            )
        role_start, role_end = tokens[role_first].start(), tokens[role_last].end()
        role_text = self._role_text(tokens, role_first, role_last)
        if name_range is None:
            # "Antony J. Blinken, Secretary of State": the name comes first.
            return self._apposition(
                tokens, role_first, role_text, role_start, role_end, role_country
            )
        name, name_start, name_end = self._name_text(tokens, *name_range)
        side = self._side(role_text, role_start, role_end, role_country, name_end)
        role_text = self._clean_role(
            role_text, role_start, role_end, side.country if side else None
        )
        return _Candidate(name, name_start, name_end, max(name_end, role_end), role_text, side)

    def _name_after(
        self, tokens: list[_Tok], k: int, role_first: int, role_last: int
    ) -> tuple[tuple[int, int] | None, int]:
        """The name right after an office, and the office's last token: before a rank
        between the two ("Commander Admiral John Aquilino"; not "Navy Admiral", not
        "Secretary General")."""
        name_range = self._name_forward(tokens, k)
        while (
            name_range is not None
            and role_last > role_first
            and tokens[role_last][0] in _RANKS
            and _is_core(self.lex, tokens[role_last - 1][0])
            and not self._office_general(tokens, role_last)
        ):
            role_last -= 1
        return name_range, role_last

    def _chained(
        self, tokens: list[_Tok], role_first: int, comp_end: int, role_country: str | None
    ) -> _Candidate | None:
        """ "Bulgarian Deputy Prime Minister for EU Funds and Minister of Finance Assen
        Vassilev": an office with a complement, chained to another before the name; the
        holder of both, whose country the first gives."""
        if (
            comp_end + 1 >= len(tokens)
            or tokens[comp_end][0] != "and"
            or any(t[0] == "," for t in tokens[role_first:comp_end])
            or (role_first > 0 and tokens[role_first - 1][0].lower() == "the")
            or self._after_a_name(tokens, role_first)
        ):
            return None  # (not "Bucci, the delegate of Italy, and Secretary General ...")
        core = next(
            (
                j
                for j in range(comp_end + 1, min(len(tokens), comp_end + 5))
                if _is_core(self.lex, tokens[j][0])
            ),
            None,
        )
        if core is None or not all(t[0][:1].isupper() for t in tokens[comp_end + 1 : core]):
            return None
        second = self.role(tokens[core].start(), tokens[core].end())
        if second is None or second.role is None or second.start < tokens[core].end():
            return None
        first_text = self._role_text(tokens, role_first, comp_end - 1)
        start, end = tokens[role_first].start(), tokens[comp_end - 1].end()
        side = second.side or self._side(first_text, start, end, role_country, second.start)
        first_role = self._clean_role(first_text, start, end)
        if not second.role.startswith(first_role):  # (the second may read back over both)
            second.role = _joined(first_role, second.role)
        second.side = side
        return second

    def _office_end(self, tokens: list[_Tok], role_last: int, last: int) -> int:
        """The office's last token, back from ``role_last`` over what ends the complement
        but is not the office: "... Cooperation Sheikh Abdullah", "... Defense General"."""
        while role_last > last and (
            tokens[role_last][0] in _CONNECTORS
            or tokens[role_last][0] in "(,."
            or tokens[role_last][0] in self.lex.honorifics
            or (tokens[role_last][0] in _RANKS and not self._office_general(tokens, role_last))
            or _excellency(tokens, role_last)
        ):
            role_last -= 1
        return role_last

    def _office_general(self, tokens: list[_Tok], i: int) -> bool:
        """Is "General" at ``i`` a word of the office ("the UN Secretary General", "Attorney
        General"), not a rank before the name ("Chief of Defense General Zaluzhny")?"""
        before = tokens[i - 1][0].lower() if i > 0 else ""
        return tokens[i][0] == "General" and (before in self.lex.cores or before in _GENERAL_OF)

    def _from_organisation(self, tokens: list[_Tok], starts: list[int], first: int) -> int:
        """Where a role that begins inside an organisation's name begins: at the name
        ("Economic Commission for Latin America and the Caribbean Acting Executive
        Secretary", not "America and the Caribbean Acting ...")."""
        at = tokens[first].start()
        index = bisect.bisect_right(self.orgs.starts, at) - 1
        if index >= 0 and self.orgs.items[index][0] < at < self.orgs.items[index][1]:
            return max(0, bisect.bisect_left(starts, self.orgs.items[index][0]))
        return first

    def _role_before(
        self, tokens: list[_Tok], first: int, starts: list[int]
    ) -> tuple[int, str | None]:
        """`_role_words_before`, then back to the start of an organisation's name the role
        begins inside (``starts``: where the tokens start)."""
        role_first, role_country = self._role_words_before(tokens, first)
        return self._from_organisation(tokens, starts, role_first), role_country

    def _role_words_before(self, tokens: list[_Tok], first: int) -> tuple[int, str | None]:
        """Where a role begins, backwards from its first role word over modifiers, a country
        or demonym, an organisation or a region; and the country read there."""
        lex = self.lex
        role_first = first
        role_country = None
        i = first - 1
        while i >= 0:
            tok = tokens[i]
            lowered = tok[0].lower()
            country = self.countries.overlapping(tok.start(), tok.end())
            if country is not None:
                begins = self.countries.start_of(tok.start(), tok.end())
                if begins is not None and _portfolio(self.text, 0, begins):
                    # "Special Representative for the Democratic People's Republic of Korea
                    # (DPRK) Ambassador Sung Kim": another office's portfolio, not his side.
                    break
                if begins is not None and _POSTED_AT.search(self.text, max(0, begins - 20), begins):
                    # "Embassy Panama City’s Chargé d’Affaires": where the embassy is, the
                    # host; its staff are the sending government's.
                    break
                role_country = role_country or country
                role_first = i
            elif self.orgs.covers(tok.start(), tok.end()):
                if _portfolio(self.text, 0, tok.start()):
                    break  # the UN of "U.S. Representative to the UN Ambassador X"
                role_first = i  # "NATO Secretary General", "African Union Commission Chair"
            elif lowered == "under" and not tokens[i + 1][0].lower().startswith("secretar"):
                break  # "served under former US President Barack Obama": not "Under Secretary"
            elif lowered in lex.modifiers or lowered in lex.cores or in_party_name(tokens, i):
                role_first = i  # a role word; a party's name ("Communist Party chief")
            elif self._passed_over(tokens, i, role_first, first):
                pass  # a word inside the role ("Energy and Mines", "U.S.-Japan")
            elif (
                tok[0] == ")" and i >= 2 and tokens[i - 2][0] == "(" and tokens[i - 1][0].isupper()
            ):
                i -= 2  # "Republic of Korea (ROK) First Vice Foreign Minister"
            elif (region := _region_country(tokens, i)) is not None:
                # "Florida Governor Ron DeSantis", "South Carolina Governor": that country.
                role_country = role_country or region[0]
                role_first = i = region[1]
            elif (
                tok[0][:1].isupper()
                and i > 0
                and (
                    bridged := self.countries.overlapping(
                        tokens[i - 1].start(), tokens[i - 1].end()
                    )
                )
                and not _portfolio(self.text, 0, tokens[i - 1].start())
            ):
                # "the Panama Canal Administrator Ricaurte Vásquez": the country's institution.
                role_country = role_country or bridged
                role_first = i = i - 1
            elif (demonym := self._demonym_bridge(tokens, i)) is not None:
                # "British corporate affairs minister", "Spanish junior finance minister":
                # lower-case words between the nationality and the office.
                role_country = role_country or demonym[0]
                role_first = i = demonym[1]
            elif (
                i == role_first - 1
                and _ACRONYM.fullmatch(tok[0])
                and tok[0] not in lex.not_names
                and not (i > 0 and tokens[i - 1][0][:1].isupper())  # "BRIAN P. MCKEON"
                and not (i > 0 and tokens[i - 1][0] in (".", ",", ";"))
            ):
                # "USAID Administrator Samantha Power", "SAS President Jan Carlzon": the
                # body's acronym is the office's first word
                role_first = i
                break
            else:
                # "White House Office of National Drug Control Policy Assistant Director":
                # the office's body goes on before its "of".
                of_body = tok[0] == "of" and i > 0 and tokens[i - 1][0] in _OFFICE_NOUNS
                body = self._body_or_employer(tokens, i, role_first, first, of_body)
                if body is None:
                    break
                role_first = i = body  # "House Judiciary Committee chairman"
            i -= 1
        return role_first, role_country

    def _body_or_employer(
        self, tokens: list[_Tok], i: int, role_first: int, first: int, of_body: bool
    ) -> int | None:
        """`_body_before` token ``i`` (the one before when it is an "of"); else token
        ``i`` itself when it is one word naming the office's employer, right before it."""
        body = self._body_before(tokens, i - 1 if of_body else i)
        if body is None and i == role_first - 1:
            body = self._employer_start(tokens, i, first)  # "Bundesbank president"
        if body is None and i == role_first - 1 == first - 1 and descriptor(tokens, i, first):
            return i  # "voice actor", "democracy activist", "government spokesman"
        return body

    def _employer_start(self, tokens: list[_Tok], i: int, first: int) -> int | None:
        """Where the name of the body an office is of begins, when the one to three
        capitalised words ending at token ``i`` (right before the office) are one:
        "Bundesbank president", "Sky News Arabia producer", "PDVSA president", "Renault
        President" (a sentence's first word when the text names it elsewhere too); not
        a name, a country, a city or a word the lexicons know."""
        j = i
        while j >= 0 and i - j < EMPLOYER_WORDS and self._employer_word(tokens[j][0]):
            if self.countries.overlapping(tokens[j].start(), tokens[j].end()) is not None:
                return None
            j -= 1
        if j == i:
            return None
        start = j + 1
        before = tokens[j][0] if j >= 0 else ""
        named_next = first + 1 < len(tokens) and tokens[first + 1][0][:1].isupper()
        if before == "," and ACRONYM_WORD.fullmatch(tokens[start][0]) and not named_next:
            # "senior U.S. Officials, MITI vice minister for ... Makoto Kuroda": an
            # apposition to the name before, unless the name follows the office at once
            return None
        if before.lower() in FUNCTION_WORDS and tokens[start].start() < self.title_end:
            # A headline's title case: "Welcomes the Appointment of Hans Grundberg as the
            # New UN Special Envoy for Yemen" (no body's name before the office)
            return None
        if before[:1].islower() or before in (",", "(", ":", '"', "“"):
            return start
        if (
            before
            and before not in (".", "!", "?", "-", "–", "—")  # a dateline's dash too
            and "\n" not in self.text[tokens[j].end() : tokens[start].start()]
        ):
            return None  # part of a longer name ("Abu Dhabi TV")
        lead = tokens[start][0]
        # A sentence's first word: a body only when the text names it mid-sentence too, or
        # after a sentence's "The" ("The Bundesbank was not obliged").
        elsewhere = re.search(rf"(?:\b[a-z][\w’'-]*|,|\bThe) {re.escape(lead)}\b", self.text)
        return start if elsewhere is not None and lead not in given_names() else None

    def _employer_word(self, word: str) -> bool:
        lex = self.lex
        if ACRONYM_WORD.fullmatch(word):
            return word not in lex.not_names
        return (
            word[:1].isupper()
            and word[1:].islower()
            and word.replace("-", "").isalpha()
            and (word not in lex.not_names or word in INSTITUTION_WORDS)
            and word not in NOT_EMPLOYERS
            # "on Consultations Between Deputy Secretary": a title-case heading's words
            and word.lower() not in FUNCTION_WORDS
            and word.lower() not in lex.modifiers
            and word.lower() not in lex.cores
            and dateline_places.resolve(word, (), None) is None  # "Bonn Finance Minister"
        )

    def _passed_over(self, tokens: list[_Tok], i: int, role_first: int, first: int) -> bool:
        """Is token ``i`` a word the role's backward reading goes on over, though it is
        neither a role word nor a country?"""
        lex = self.lex
        tok = tokens[i]
        lowered = tok[0].lower()
        before = tokens[i - 1][0] if i > 0 else ""
        if (
            tok[0][:1].isupper()
            and lowered in lex.stops
            and i > 0
            and self.orgs.covers(tokens[i - 1].start(), tokens[i - 1].end())
        ):
            return True  # "Commission" after "African Union": the org's body
        if (tok[0] in "-–" and not self.text[tok.start() - 1 : tok.start()].isspace()) or (
            lowered in ("u.s", "u.n")
        ):
            return True  # "U.S.-Japan", not "US – Secretary of Defense" (a separator)
        if lowered == "and" and before.lower() in lex.cores and self._office_then_org(tokens, i):
            return True  # "Senegalese President and African Union Assembly Chairperson"
        if lowered == "and" and before.lower() in lex.modifiers:
            # "Energy and Mines Minister"; not "represented the United States and"
            return self.countries.overlapping(tokens[i - 1].start(), tokens[i - 1].end()) is None
        if lowered == "of" and role_first < first and before[:1].isupper():
            # "Minister of Foreign Affairs and Deputy Prime Minister": a chain of offices
            return before.lower() in lex.cores and all(
                t[0].lower() in lex.modifiers or t[0].lower() in lex.cores or t[0] == "and"
                for t in tokens[i + 1 : first]
            )
        return False

    def _office_then_org(self, tokens: list[_Tok], i: int) -> bool:
        """Does the "and" at ``i`` join a country's office before it to an organisation's
        after it, one holder of both ("Senegalese President and African Union Assembly
        Chairperson Macky Sall": Senegal's)?"""
        if i + 1 >= len(tokens) or not self.orgs.covers(tokens[i + 1].start(), tokens[i + 1].end()):
            return False
        j = i - 1
        while j > 0 and (
            tokens[j - 1][0].lower() in self.lex.cores
            or tokens[j - 1][0].lower() in self.lex.modifiers
        ):
            j -= 1
        return (
            j > 0
            and self.countries.overlapping(tokens[j - 1].start(), tokens[j - 1].end()) is not None
        )

    def _demonym_bridge(self, tokens: list[_Tok], i: int) -> tuple[str, int] | None:
        """A demonym one or two lower-case words before token ``i`` (which is one of
        them): its country and its token."""
        j = i
        while (
            j >= 0
            and i - j < 2
            and tokens[j][0].isalpha()
            and tokens[j][0].islower()
            # "Soviet government spokesman": the government's office, right before it.
            and (tokens[j][0] not in NOT_BRIDGE or (j == i and tokens[j][0] == "government"))
        ):
            j -= 1
        if j == i or j < 0:
            return None
        tok = tokens[j]
        how = self.countries.how_at(tok.start(), tok.end())
        if how != "demonym" and not (
            # "Brazil's coffee chief Jorio Dauster": a country's, in the possessive.
            how in ("name", "alias") and tok[0].endswith(_POSSESSIVE_ENDINGS)
        ):
            return None
        country = self.countries.overlapping(tok.start(), tok.end())
        return (country, j) if country is not None else None

    def _role_after(self, tokens: list[_Tok], role_first: int, last: int) -> tuple[int, int]:
        """The last role word, forwards over chained roles and tails ("-elect"), and the
        token after it."""
        n = len(tokens)
        lex = self.lex
        # Forwards over chained roles: "Deputy Prime Minister and Minister of Foreign Affairs";
        # not after "The Secretary", the publisher's own official, named apart ("The
        # Secretary and Foreign Minister Park" are two people).
        k = last + 1
        lone_definite = (
            role_first == last and role_first > 0 and tokens[role_first - 1][0] in ("the", "The")
        )
        while k < n and not lone_definite:
            m = k + 1 if tokens[k][0].lower() == "and" else k
            while (
                m < n
                and tokens[m][0].lower() in lex.modifiers
                and tokens[m][0].lower() not in lex.cores
            ):
                m += 1
            if m < n and _is_core(lex, tokens[m][0]) and (m > k or _is_core(lex, tokens[k][0])):
                if m == k and self._given_title(tokens, m):
                    break  # "Foreign Minister Amir Hossein Abdollahian": a name, not "Amir"
                last = m
                k = m + 1
            else:
                break
        while k < n and tokens[k][0].lower() in _ROLE_TAILS:
            last = k
            k += 1
        return last, k

    def _addressed_after(self, tokens: list[_Tok], i: int) -> tuple[int, int] | None:
        """The name after "Ambassador" at token ``i``, when that word only addresses the
        person an office's complement ends with (two name words or more)."""
        if i >= len(tokens) or tokens[i][0] != "Ambassador":
            return None
        found = self._name_forward(tokens, i + 1)
        return found if found is not None and found[1] - found[0] >= 2 else None

    def _after_city(self, tokens: list[_Tok], found: tuple[int, int]) -> tuple[int, int] | None:
        """The name of ``found`` after a city word that ends a complement, if two words
        or more are left."""
        for first in range(found[0] + 1, found[1] - 1):
            word = tokens[first - 1][0]
            if word[:1].isupper() and _is_city(word):
                return first, found[1]
        return None

    def _set_off_name(self, tokens: list[_Tok], role_first: int, i: int) -> tuple[int, int] | None:
        """ "The Italian foreign minister, Luigi Di Maio, joined": a definite role, then the
        name between commas (or ending the sentence); a country's or a person's role is
        definite too ("Japan's trade minister, Hajime Tamura,", "Merkel's spokesperson,
        Steffen Seibert,"), and so is one opening a sentence ("Labour minister, Alfredo
        Franco, met")."""
        first = tokens[role_first][0]
        before = tokens[role_first - 1][0] if role_first > 0 else ""
        if before.lower() in CURRENT and role_first > 1:
            # "the current president, Alexander Lukashenko,": definite all the same
            before = tokens[role_first - 2][0]
        # (a possessive determiner too: "including our Special Envoy, Tim Lenderking")
        definite = before.lower() in ("the", "our", "their", "his", "her", "its", "my", "your")
        owned = first.endswith(_POSSESSIVE_ENDINGS) and first[:1].isupper()
        # ("the president's chief of staff, Howard Baker,": a definite owner)
        owner = before.endswith(_POSSESSIVE_ENDINGS) and (
            before[:1].isupper() or (role_first > 1 and tokens[role_first - 2][0] in ("the", "The"))
        )
        # "LA PAZ, March 23 - Labour minister, Alfredo Franco, met": a wire story's opening.
        opening = role_first == 0 or before in ("-", "–", "—")
        # "..., Dr. Karen Donfried,", "..., M. Nasser Bourita,": an address, then the name
        addressed = self._addressed(tokens, i) and tokens[i][0] not in ("the", "The")
        if not (definite or owned or owner or opening or addressed):
            return None
        i += (2 if i + 1 < len(tokens) and tokens[i + 1][0] == "." else 1) if addressed else 0
        found = self._name_forward(tokens, i)
        if found is None or found[1] - found[0] < 2:
            return None
        end = found[1]
        if end < len(tokens) and tokens[end][0] not in _AFTER_SET_OFF_NAME:
            return None  # (but "Reagan's National Security Adviser, Frank Carlucci added")
        return found

    def _described_name(self, tokens: list[_Tok], i: int) -> tuple[int, int] | None:
        """ ", famous scientist and writer Olav Njølstad": lower-case words, then a name."""
        j = i
        while (
            j < len(tokens)
            and j - i < 6
            and tokens[j][0].islower()
            and tokens[j][0] not in _NOT_DESCRIPTION
        ):
            j += 1
        if j == i or j >= len(tokens):
            return None
        found = self._name_forward(tokens, j)
        if found is None or found[1] - found[0] < 2:
            return None
        return found


# Nouns of a government's bodies that an "of" and their remit follow.
_OFFICE_NOUNS = frozenset("Office Bureau Agency Commission Bank".split())
# An organisation's acronym: "USAID", "NASA", "SAS" (not "U.S.": a country).
_ACRONYM = re.compile(r"[A-Z]{3,6}")
# A mission named by where it is, as a government calls its own ("Embassy Panama City").
_POSTED_AT = re.compile(r"\b(?:Embassy|Consulate(?:\s+General)?|Mission)\s+$")


# What may follow a name set off after its office: the closing comma, the sentence's end, or
# the sentence's verb of saying.
_AFTER_SET_OFF_NAME = frozenset({",", ".", ";", "said", "says", "told", "added", "noted", "stated"})


def _joined(first: str, second: str) -> str:
    """Two chained offices as one role; the second may have read back into the first
    ("Minister for Foreign Affairs" and "Foreign Affairs and Defense Minister": "Minister
    for Foreign Affairs and Defense Minister")."""
    a, b = first.split(), second.split()
    overlap = next((k for k in range(min(len(a), len(b)), 0, -1) if a[-k:] == b[:k]), 0)
    return " ".join([*a, *b[overlap:]]) if overlap else f"{first} and {second}"
