"""Who acts: the side named as the subject of a clause, and the side acted upon.

Shared by commitments (who promises or asks) and events (actor and target).  A side is
read from the words of the clause that name it, in order of evidence:

1. people named there, with the side their role gives them (spokespeople, who only
   voice a readout, are left out);
2. countries named as subject: "The United States will", "Kazakhstan and Norway
   intend", "Saudi and Yemeni officials"; not possessives of a topic ("Russia's war"),
   not places ("in Oslo"), not portfolios ("support for Ukraine");
3. the publisher's own official, unnamed: "The Secretary", "the Deputy Secretary",
   "we", "our"; for a national agency, "our country";
4. "they", "both", "the two sides", "the participants", "the group": the sides of the
   engagement the article reports (the nearest one before), else its main pair.

A clause with none of these (an elided subject: "... and pledged to") borrows the subject
of the clause before it in the same sentence.
"""

from __future__ import annotations

import re

from search.extract.referents import ReferentIndex
from search.extract.side_index import _TWO, engagement_sides
from search.extract.side_patterns import (
    _ALLIES_OF,
    _AND_END,
    _BOTH_OF_TWO,
    _CAPITAL_SUBJECT,
    _DIPLOMATIC_VERB,
    _EXPRESSED,
    _FINITE,
    _FIRST_PERSON,
    _GROUP,
    _ITS_BEFORE,
    _LISTED_GAP,
    _NAME_BEFORE_APPOSITIVE,
    _NOT_SIDE_BEFORE,
    _NOUN_ENDS,
    _NOUN_REACH,
    _OBJECT_END,
    _OFFICE_BEFORE,
    _OFFICIAL_NOUNS,
    _OUR_SHARED,
    _OUR_TWO,
    _OWNED_AND_THEIR,
    _OWNED_BEFORE_COMMA,
    _OWNS,
    _PAIR_OWNS,
    _PAIR_THEN_OUR,
    _PAST_VERB,
    _PERFECT_AND,
    _PHRASE_END,
    _PLURAL_OFFICIALS,
    _RELATIVE,
    _SAID_THAT,
    _SHARE_BEFORE,
    _SIGNED_FOR,
    _STATEMENT,
    _THE_COUNTRIES,
    _THE_COUNTRYS,
    _THEY_SUBJECT,
    _THING_BEFORE_COMMA,
    _WE,
    _WHICH_VERB_BEFORE,
    _WITH_SEAT,
    _WORKING_GROUP,
    reported_group,
)


class Sides(ReferentIndex):
    """The sides one article's clauses name (see the module docstring)."""

    def subject(self, sentence: tuple[int, int], start: int, end: int) -> tuple[str, ...]:
        """The sides the words ``text[start:end]`` (a clause's subject) name: a group the
        words stand for, else the sides they name, else the subject of the sentence's
        earlier clause."""
        appositive = _NAME_BEFORE_APPOSITIVE.match(self.text, start, end)
        listed = appositive and self.countries_ending_at(self.text.find(",", appositive.end() + 1))
        if appositive and not (listed and listed <= appositive.end() + 6):  # not "France, the UK,"
            # "Costa Rica, a strong democracy ... with deep ties to the United States, is
            # committed to": the name, not what the appositive names.
            end = appositive.end()
        verb = _DIPLOMATIC_VERB.search(self.text, start, end)
        if verb is not None and self._named(start, verb.start()):
            # "The United States, the ROK, and Japan strongly condemn recent DPRK ballistic
            # missile launches, commit to": the subject is before its first verb.
            end = verb.start()
        # "Officials said both sides had agreed": the group reported
        start = reported_group(self.text, start, end) or start
        for reading in (
            self._relative_subject,
            self._group_subject,
            self._named_subject,
            self._titled_subject,
            self._earlier_subject,
        ):
            found = reading(sentence, start, end)
            if found is not None:
                return found
        return ()

    def _relative_subject(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...] | None:
        """ "a delegation from the Soviet Union, which will help South Yemen": a relative
        pronoun's antecedent, the country or person named just before its comma."""
        if not _RELATIVE.fullmatch(self.text, start, end):
            return None
        comma = self.text.rfind(",", sentence[0], start)
        if comma < 0 or self.text[comma + 1 : start].strip():
            return None
        for named in (self.countries_ending_at(comma), self.people_ending_at(comma)):
            if named is not None and (antecedent := self._named(named, comma)):
                return antecedent
        # "welcomed France’s Villa Albertine initiative, which will establish": the owner's
        owner = _OWNED_BEFORE_COMMA.search(self.text, max(sentence[0], comma - 60), comma)
        if owner is not None and (
            owners := [c[2] for c in self._countries_in(owner.start(1), owner.end(1))]
        ):
            return tuple(dict.fromkeys(owners))
        # "deep regret over the U.S. Measures, which will impose 100 pct tariffs": the
        # country the antecedent's own words name.
        thing = _THING_BEFORE_COMMA.search(self.text, max(sentence[0], comma - 60), comma)
        if thing is not None and (
            owners := [c[2] for c in self._countries_in(thing.start(1), thing.end(1))]
        ):
            return tuple(dict.fromkeys(owners))
        return None

    def _group_subject(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...] | None:
        """A group the article defines, an agreement, "the three Scandinavian countries", a
        joint statement's "we", a capital, "NATO allies", "they", "the two sides", or None."""
        if defined := self._group_defined(start, end):
            # "The Troika urges" after "The Troika (United States, ...)", with others beside it
            return tuple(dict.fromkeys((*defined, *self._named(start, end))))
        statement = _STATEMENT.match(self.text, start, end)
        if (
            statement is not None
            and (statement.end() == end or _AND_END.search(self.text, start, end))
            and (issuer := self._issuer(start))
        ):
            # "The communique called for", "The statement said Indonesia must take further
            # steps ... and called for": whoever issued it.
            return issuer
        agreement = self._counted(start, end) or self._agreement_parties(sentence, start, end)
        if agreement:
            return agreement
        if self.joint and _WE.search(self.text, start, end):
            return self._joint_we(start)  # "We" of a joint statement: its signatories
        if (
            start > sentence[0]
            and _WE.search(self.text, start, end)
            and _GROUP.match(self.text, sentence[0], start)
        ):
            # "They noted that, together with other Allies, we will continue": their "we".
            group = self._group(start)
            if group:
                return group
        for capital in _CAPITAL_SUBJECT.finditer(self.text, start, end + 40):
            if capital.start(2) > end:
                break
            # "He said Seoul would try to limit its surplus": a capital for its government.
            code = self._capital_at(capital.start(1))
            if code is not None:
                return (code,)
        allies = _ALLIES_OF.search(self.text, start, end)
        if allies is not None:
            org = next(
                (f"org:{key}" for o_start, _e, key in self.orgs if o_start == allies.start(1)),
                None,
            )
            if org is not None:
                return (org,)  # "Greece and Turkey's NATO allies called on": NATO
        if start > sentence[0] and _THEY_SUBJECT.match(self.text[start:end]):
            # "Japan's delegate, Minoru Endo, and U.S. Ambassador Michael Samuels replied
            # that ..., but they were willing to": the sentence's own subject, two sides.
            first = self._before_first_verb(sentence, end)  # (or "said" of "said they")
            if len(first) >= 2:
                return first
        # (the subject's own: not the object of a verb before it, "Secretary Kerry will
        # also meet with government counterparts ... to urge")
        finite = _FINITE.search(self.text, start, end)
        plural = _PLURAL_OFFICIALS.search(self.text, start, finite.start() if finite else end)
        if plural is not None and (own := self._attributive(start, plural.start())):
            return own  # "EC foreign ministers agreed": the EC's, not all at the meeting
        if _OUR_TWO.match(self.text, start, end) and len(self.pair) == 2:
            return tuple(self.pair)
        if (
            _GROUP.match(self.text, start, end)
            or self._working_group(start, end)
            or self._two_titles(start, end)
            or plural is not None
            or _THE_COUNTRIES.search(self.text, start, end)
        ):
            group = self._group(start)
            verb = _PAST_VERB.search(self.text, start, end)
            named = self._named(start, verb.start() if verb is not None else end)
            if _BOTH_OF_TWO.match(self.text, start, end) and named:
                # "Both Babangida and Sassou Nguesso called for": those two; "Both Secretary
                # Blinken and Secretary Austin pledged": theirs, one side
                return named
            if group:
                # "They condemned the atrocities committed by Russia's forces and expressed
                # resolve": the group, not what its first verb acted on.
                return tuple(dict.fromkeys((*group, *named)))
        return None

    def _working_group(self, start: int, end: int) -> bool:
        """ "This working group will continue to meet", of the Working Group the article
        named (its sides), not of working groups it only mentions."""
        return (
            bool(_WORKING_GROUP.match(self.text, start, end))
            and "Working Group" in self.text[:start]
        )

    def _issuer(self, position: int) -> tuple[str, ...]:
        """Who issued "the statement": the organisations of the meeting reported (a
        NATO council's statement is NATO's), else its sides."""
        group = self._group(position)
        orgs = tuple(side for side in group if side.startswith("org:"))
        return orgs or group

    def _attributive(self, start: int, noun: int) -> tuple[str, ...]:
        """The one side that qualifies a plural noun as the subject's only words before
        it: "EC foreign ministers", "Arab League leaders"; not "Baker and other finance
        ministers", not "The Deputy Secretary and the two vice foreign ministers"."""
        head = self.text[start:noun].strip()
        if not head or " " in head.removeprefix("the ").removeprefix("The "):
            return ()
        sides = [code for s, e, code, how in self._countries_in(start, noun) if how != "capital"]
        sides += [f"org:{key}" for s, e, key in self._orgs_in(start, noun)]
        return tuple(dict.fromkeys(sides)) if len(set(sides)) == 1 else ()

    def _quoted(self, position: int) -> bool:
        """Is ``position`` inside a quotation (an odd number of double quotes since the
        paragraph began)?"""
        paragraph = self.text.rfind("\n", 0, position) + 1
        return sum(self.text.count(q, paragraph, position) for q in '"“”') % 2 == 1

    def _named_subject(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...] | None:
        """The sides the words name (people, countries, a forum), or refer back to."""
        pronoun = _FIRST_PERSON.match(self.text, start, end)
        if pronoun is None and self._turn(start) is None and not self._quoted(start):
            # "I called on the junta": the verb is the cue, past ``end`` (not in a transcript)
            pronoun = _FIRST_PERSON.match(self.text, start, sentence[1])
            pronoun = pronoun if pronoun and pronoun.end(1) <= end else None
        if pronoun:
            # "I congratulate ASEAN ... and look forward to": the speaker's; in a
            # government's statement with no one quoted, its own official's
            publisher = self.publisher
            own = (
                pronoun.group(1) == "I"
                and not self._quoted(start)
                and self._turn(start) is None  # (a transcript's "I" is its speaker's)
            )
            # ("In my meetings this week, I again called for ASEAN": the Secretary's own
            # op-ed, not the Bruneian envoy named in the next sentence)
            if own and publisher:
                speaker: tuple[str, ...] = (publisher,)
            else:
                speaker = self._named(pronoun.start(1), pronoun.end(1))
            if not speaker and pronoun.group(1) == "I" and self.publisher:
                speaker = (self.publisher,)
            if speaker:
                return speaker
        words = self.text[start:end]
        opening = self.text.rfind("(", sentence[0], start)
        if (
            words.count(")") > words.count("(")
            and opening >= 0
            and self._named(opening, start + words.index(")"))
        ):
            # "X (Colombia), Y (Panama) signed": the clause began inside a list of people;
            # not "Chairman Lloyd Bentsen (D-Tex.) called on".
            here = self._engagement_in(sentence)
            if here is not None:
                return here
        said = _SAID_THAT.search(self.text, start, end)
        if (
            said is not None
            and len(self.text[said.end() : end].split()) <= 8
            and (reported := self._forum(said.end(), end) or self._named(said.end(), end))
        ):
            return reported  # "Carney said Japan had also agreed": the reported clause's
        found = self._forum(start, end) or self._named(start, end)
        if len(found) > 1 and _AND_END.search(self.text, start, end):
            # "Deputy Secretary Sherman highlighted U.S. preparedness to meet the DPRK ...
            # and called for": the subject of the first verb, not what that verb acted on.
            verb = _PAST_VERB.search(self.text, start, end)
            if verb is not None and verb.group() in ("said", "told"):
                # "Petricioli nevertheless said Baker showed flexibility ... and promised":
                # the subject of the clause reported, not who reports it.
                told = _PAST_VERB.search(self.text, verb.end(), end)
                reported = self._named(verb.end(), told.start()) if told is not None else ()
                if reported:
                    return reported
            first = self._named(start, verb.start()) if verb is not None else ()
            if first:
                return first
        if found:
            return found
        referred = self._referred(start, end)
        if referred:
            return referred
        if (
            start == end
            and start > sentence[0]
            and (earlier := self._earlier_subject(sentence, start, end))
        ):
            return earlier  # "X, Y, and Z strongly condemn ..., commit to": theirs
        here = self._engagement_in(sentence)
        if here is not None and (start == end or len(self.text[start:end].split()) > 12):
            return here  # a long list of signatories: the engagement's sides
        return None

    def _earlier_subject(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...] | None:
        """An elided subject ("... and pledged to"): the sentence's earlier clause's."""
        semicolon = self.text.find(";", sentence[0], start)
        bare = re.fullmatch(r"[\s,]*(?:(?:and|also|then)[\s,]+)*", self.text[start:end], re.I)
        if start > sentence[0] and semicolon > sentence[0] and bare:
            # "The Deputy Secretary and the two vice foreign ministers reiterated ...;
            # opposed ...; and pledged to maintain": the subject of the sentence's first
            # clause, not every country its other clauses name ("the East China Sea").
            first = self.subject(sentence, sentence[0], semicolon)
            if first:
                return first
        if start <= sentence[0]:
            return None
        if bare and _STATEMENT.match(self.text, sentence[0], start):
            # "The statement said the tensions had reached a serious level and called on
            # both countries": whoever issued it, not what it spoke of.
            issuer = self._issuer(start)
            if issuer:
                return issuer
        perfect = _PERFECT_AND.search(self.text, sentence[0], start)
        if bare and perfect is not None and (named := self._named(perfect.start(), perfect.end(1))):
            return named  # "the controls the United States and EU have imposed and will": theirs
        # "They stressed that ... and urged": the sentence's subject, a group; "We
        # continue ... and call for" in a joint statement: its signatories.
        if self.joint and _WE.match(self.text, sentence[0], start):
            group = self._joint_we(start)
            if group:
                return group
        if _GROUP.match(self.text, sentence[0], start) or self._two_titles(sentence[0], start):
            group = self._group(start)
            if group:
                return group
        # "Secretary Blinken updated the Minister ... and pledged": the earlier subject;
        # "The United States, the ROK, and Japan strongly condemn recent DPRK ... launches,
        # commit to": the names before its first verb.
        verb = _DIPLOMATIC_VERB.search(self.text, sentence[0], start)
        head = self._named(sentence[0], verb.start()) if verb is not None else ()
        if head:
            return head
        earlier = self._named(sentence[0], start)
        if earlier:
            return (
                earlier[:1]
                if len(earlier) > 1 and self._one_subject(sentence[0], start)
                else earlier
            )
        return None

    def agents(self, start: int, end: int) -> tuple[str, ...]:
        """Who a passive verb names after "by" ("signed by Morocco, United States, and
        Israel", "agreed to by OPEC"): the sides named, else the organisation."""
        return self.objects(start, end) or tuple(
            f"org:{key}" for _s, _e, key in self._orgs_in(start, min(end, start + 60))[:1]
        )

    def objects(self, start: int, end: int) -> tuple[str, ...]:
        """The sides acted upon after a verb: "imposed sanctions on Russia", "criticized
        Iran's", "met with Foreign Minister Kuleba"; up to where the clause turns to
        others ("partners, including Kazakhstan, affected by ...")."""
        cut = _OBJECT_END.search(self.text, start, end)
        stop = cut.start() if cut else end
        found: list[str] = []
        for _s, _e, side in self._people_in(start, stop):
            found.append(side)
        for m_start, m_end, code, how in self._countries_in(start, stop):
            if self._names_target(start, m_start, m_end, how):
                found.append(code)
        return tuple(dict.fromkeys(found))

    def _names_target(self, floor: int, start: int, end: int, how: str) -> bool:
        text = self.text
        if how == "capital":
            # "signed a three-year accord with Taipei", "agreed with Tokyo and Bonn": the
            # government a wire calls by its seat; elsewhere a capital is a place.
            return _WITH_SEAT.search(text, max(0, start - 60), start) is not None
        if re.search(
            r"\b(?:at|near|across)\s+(?:the\s+)?$", text[max(floor, start - 12) : start], re.I
        ):
            return False  # a place
        if how == "demonym":
            word = re.match(r"(?:\s*(?:,|and)\s*[\w-]+)*\s+([\w’'-]+)", text[end : end + 60])
            if word and word.group(1).lower() in _OFFICIAL_NOUNS:
                return True
            # "agreed with the Iraqis that": a nation named for its government
            return bool(
                re.search(r"\bthe\s+$", text[max(floor, start - 5) : start], re.I)
                and _NOUN_ENDS.match(text, end)
            )
        return True

    def before_noun(self, sentence: tuple[int, int], noun: int) -> tuple[str, ...]:
        """Whose "commitment" it is: "the U.S. commitment", "our commitment", "their"."""
        floor = max(sentence[0], noun - _NOUN_REACH)
        words = self.text[floor:noun].lower().split()
        if _OUR_SHARED.search(self.text, floor, noun):
            # "our mutual commitment": the pair's; the subject when it names others ("Blinken
            # and Rau discussed ... our shared commitment"); "Confirming mutual ..." no one's.
            pair = self.subject(sentence, sentence[0], noun)
            group = self._group(noun)
            if len(pair) >= 2 and not (group and set(group) <= set(pair)):
                return pair
            if group:
                return group
        owners_two = _PAIR_OWNS.search(self.text, floor, noun)
        if owners_two is not None:
            two = tuple(dict.fromkeys(s for _, _, s in self._people_in(owners_two.start(), noun)))
            if len(two) >= 2:
                return two  # "President Biden and Prime Minister Trudeau’s commitment"
        counted = re.search(
            r"\b(?:our|their)\s+[a-z]+\s+(?:[\w’'-]+\s+){0,2}$", self.text[floor:noun]
        )
        if counted is not None and (many := self._counted(floor + counted.start(), noun)):
            return many  # "our three countries’ shared commitment": the last three named
        if "our" in words[-4:] and self.joint and (signed := self._joint_we(noun)):
            return signed  # a joint statement's "our commitment": all who sign
        ours = _PAIR_THEN_OUR.search(self.text, max(sentence[0], noun - 120), noun)
        two = self._named(*ours.span(1)) if ours else ()
        if len(two) > 1 and (self.publisher or self.home) in two:
            return two  # "the United States and Lithuania are united in our resolve"
        if "our" in words[-4:] and (turn := self._turn(noun)) is not None:
            # "FOREIGN MINISTER SHOUKRY: ... our commitment": the speaker's (not a journalist's)
            return (turn,) if turn else ()
        if "our" in words[-4:] and (self.publisher or self.home):
            return (self.publisher or self.home or "",)
        if "their" in words[-4:]:
            return self._their_owner(sentence, noun)
        if its := self._its_owner(floor, noun):
            return its
        if self.dateline and re.search(
            r"\bthe\s+government[’']s\s+(?:[\w-]+\s+){0,2}$", self.text[floor:noun], re.I
        ):
            return (self.dateline,)  # "the government's announced intention" (the dateline's)
        if _THE_COUNTRYS.search(self.text, floor, noun):
            # "Funaro said ... he stressed the country's commitment": the speaker's country
            speaker = self._before_first_verb(sentence, noun)
            if len(speaker) == 1:
                return speaker
        shared = _SHARE_BEFORE.search(self.text, floor, noun)
        if shared is not None and (whose := self.subject(sentence, sentence[0], shared.start())):
            # "The Holy See and the United States share a common commitment": the
            # subject's, all of it.
            return whose
        which = _WHICH_VERB_BEFORE.search(self.text, floor, noun)
        if which is not None:
            # "his recent engagement with Russian counterparts, which affirmed readiness": the
            # relative clause's, its antecedent's
            return self.subject(sentence, which.start(1), which.end(1))
        article = self.text.rfind(" the ", floor, noun)
        if article >= 0:
            floor = article  # "the U.S. and Belgian commitment": the owners after "the"
        conj = self.text.rfind(" and ", floor, noun)
        if (
            conj >= 0
            and re.search(r"\s[a-z]{3,}\s*$", self.text[floor:conj])
            and self._countries_in(conj, noun)
        ):
            floor = conj  # "the U.S. – Armenia bilateral partnership and U.S. commitment"
        owners = self._owners_before(floor, noun)
        if owners:
            return tuple(dict.fromkeys(owners))
        if organisation := self._organisation_owner(floor, noun):
            return organisation
        if re.search(
            r"\badministration(?:[’']s)?\s+(?:[\w-]+\s+){0,3}$", self.text[floor:noun], re.I
        ):
            return (self.publisher or self.home or "",) if (self.publisher or self.home) else ()
        return self.subject(sentence, sentence[0], noun)

    def _before_first_verb(self, sentence: tuple[int, int], end: int) -> tuple[str, ...]:
        """The sides named before the sentence's first past verb ahead of ``end``: its
        opening subject ("Funaro said", "Japan's delegate ... and U.S. Ambassador Michael
        Samuels replied")."""
        verb = _PAST_VERB.search(self.text, sentence[0], end)
        return self._named(sentence[0], verb.start()) if verb is not None else ()

    def _their_owner(self, sentence: tuple[int, int], noun: int) -> tuple[str, ...]:
        """Whose "their commitment" it is: an owner named before in the same phrase, else
        the sentence's short subject, else the group of the engagement reported."""
        owned = _OWNED_AND_THEIR.search(self.text, max(sentence[0], noun - 160), noun)
        if owned is not None and (own := self._named(owned.start(1), owned.end(1))):
            return own  # "for the Czech Republic’s military assistance and their commitment"
        if own := self._short_subject(sentence, noun):
            return own  # "The Taliban reiterated their pledge": the subject's own
        return self._group(noun, two=bool(_TWO.match(self.text, sentence[0])))

    def _its_owner(self, floor: int, noun: int) -> tuple[str, ...]:
        """ "The two sides engaged in ..., and Bahrain’s government shared its plan": the
        country named nearest before "its", not the sentence's first subject."""
        its = _ITS_BEFORE.search(self.text, floor, noun)
        if its is None:
            return ()
        nearest = [
            code
            for _s, _e, code, _how in self._countries_in(max(floor, its.start() - 60), its.start())
        ]
        return (nearest[-1],) if nearest else ()

    def _organisation_owner(self, floor: int, noun: int) -> tuple[str, ...]:
        """ "thanked President Michel for the EU’s commitment": the organisation's (a
        forum's members, as a forum subject is: "the G7’s pledge")."""
        for o_start, o_end, key in self._orgs_in(floor, noun):
            if _OWNS.fullmatch(self.text, o_end, noun):
                return self._forum(o_start, o_end) or (f"org:{key}",)
        return ()

    def _owners_before(self, floor: int, noun: int) -> list[str]:
        """The countries named in ``[floor, noun)`` that own the noun after them."""
        named = self._countries_in(floor, noun)
        owning = [i for i, m in enumerate(named) if _OWNS.fullmatch(self.text, m[1], noun)]
        if owning:
            # "The United States welcomed Croatia’s commitment": the possessive's, with the
            # countries listed with it ("Japan and Korea’s"), not the subject before.
            first = owning[0]
            while first and _LISTED_GAP.fullmatch(self.text, named[first - 1][1], named[first][0]):
                first -= 1
            named = named[first:]
        return [
            code
            for m_start, m_end, code, _how in named
            # (a possessive owns, whatever comes before it: "thanked Foreign Minister
            # Korcok for Slovakia’s unwavering commitment")
            if _OWNS.fullmatch(self.text, m_end, noun)
            or not _NOT_SIDE_BEFORE.search(self.text[max(floor, m_start - 14) : m_start])
        ]

    def owner(self, sentence: tuple[int, int], noun: int) -> tuple[str, ...]:
        """Like `before_noun`, but only when the words before the noun name an owner."""
        head = self.text[max(sentence[0], noun - _NOUN_REACH) : noun]
        named = re.search(
            r"(?:\b(?:our|their|its)|[’']s|s[’']|\b[A-Z][\w.]*)\s+(?:[\w-]+\s+){0,3}$", head
        )
        # "Both parties expressed firm dedication to", "signaled a shared commitment to":
        # the noun is what the clause's subject expresses.
        expressed = _EXPRESSED.search(head)
        return self.before_noun(sentence, noun) if named or expressed else ()

    def countries_ending_at(self, comma: int) -> int | None:
        """Where the country named just before ``text[comma]`` (a list's comma) starts."""
        for m_start, m_end, _code, how in self._countries_in(max(0, comma - 40), comma):
            if m_end == comma and how in ("name", "alias"):
                return m_start
        return None

    def people_ending_at(self, comma: int) -> int | None:
        """Where the person named just before ``text[comma]`` starts, with the Title Case
        office written before the name ("President Lopez Obrador,")."""
        for p_start, p_end, _side in self._people_in(max(0, comma - 60), comma):
            if p_end == comma:
                office = _OFFICE_BEFORE.search(self.text, max(0, p_start - 60), p_start)
                return office.start() if office else p_start
        return None

    def names_a_side(self, start: int, end: int) -> bool:
        """Do the words ``text[start:end]`` name a country or person as a side?"""
        return bool(self._named(start, end))

    def signed_for(self, start: int, end: int) -> str | None:
        """The country a signature is given for: "signed the joint statement in Stockholm
        for the United States", "signed on behalf of Ghana" (the country ending the
        phrase)."""
        found = _SIGNED_FOR.search(self.text, start, end)
        if found is None:
            return None
        for m_start, m_end, code, how in self._countries_in(found.end(), end):
            if m_start == found.end() and how in ("name", "alias"):
                return code if _PHRASE_END.match(self.text, m_end) else None
        return None

    def signing_in(self, sentence: tuple[int, int]) -> tuple[str, ...]:
        """The parties of the signing this sentence reports, as the engagements read them
        ("The Abraham Accords were signed in September 2020": the parties the article
        names), or none."""
        for engagement in self.engagements:
            if engagement.span.start == sentence[0] and engagement.type == "signing":
                return engagement_sides(engagement)
        return ()
