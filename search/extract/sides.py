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

import bisect
import functools
import re
from collections.abc import Sequence

from search.extract.affiliation import is_speaker
from search.extract.gazetteer import fold
from search.extract.orgs import forum_members, international
from search.model import EngagementRef, Mention, PersonRef

# Capitalised office words just before a name: "President " of "President Lopez Obrador".
_OFFICE_BEFORE = re.compile(r"(?:\b[A-Z][\w.-]*\s+){1,4}$")
_OWN = re.compile(
    r"\b(?:the\s+(?:(?:deputy|under|assistant|acting)\s+)*secretary(?!\s+general|-general)|"
    r"the\s+(?:special\s+)?envoy|the\s+ambassador|the\s+department|the\s+administration|"
    r"the\s+delegation|we|our|us)\b",
    re.I,
)
# A sentence opening on the publisher's official: "The Secretary underscored".
_OWN_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))The\s+(?:(?:Deputy|Under|Assistant|Acting)\s+)*Secretary"
    r"(?!\s+[Gg]eneral|-[Gg]eneral|\s+of\b|\s+[A-Z])",
    re.M,
)
_OUR_COUNTRY = re.compile(r"\bour\s+(?:country|nation|government|republic|state|side)\b", re.I)
_GROUP = re.compile(
    r"\s*(?:they|both|together|the\s+two|the\s+sides|the\s+participants|the\s+group|the\s+"
    r"leaders|the\s+ministers|the\s+delegations|the\s+parties|the\s+countries|the\s+"
    r"interlocutors|the\s+diplomats|the\s+vice\s+(?:foreign\s+)?ministers|all\s+sides|"
    r"the\s+(?:two\s+)?(?:secretaries|officials|counterparts))\b",
    re.I,
)
_NOT_SIDE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|for|to|on|against|toward|towards|into|with|about|of)\s+(?:the\s+)?$",
    re.I,
)
_OFFICIAL_NOUNS = frozenset(
    """officials official counterparts counterpart delegation delegations side government
    governments leaders leader authorities ministers minister president prime foreign
    diplomat diplomats team representatives representative envoy ambassador ambassadors
    mfa ministry military forces embassy people statement statements spokesman spokeswoman
    spokesperson presidency cabinet parliament""".split()
)
# Plural officials with no country of their own: "The Vice Ministers and the Deputy
# Secretary urged" speaks for the group.
_PLURAL_OFFICIALS = re.compile(
    # Not "business leaders", "civil society leaders", "religious leaders": not the sides.
    r"(?<!business )(?<!society )(?<!community )(?<!religious )(?<!opposition )(?<!youth )"
    r"(?<!industry )(?<!student )(?<!women )(?<!tribal )"
    r"\b(?:the\s+)?(?:(?:vice|deputy|foreign|defen[cs]e|finance)\s+)*(?:ministers|leaders|"
    r"participants|secretaries|counterparts|delegations|heads\s+of\s+state)\b",
    re.I,
)
# "The United States and the CMAR countries will": the parties of what is reported.
_THE_COUNTRIES = re.compile(
    r"\b[Tt]he\s+(?:two\s+|three\s+|four\s+|[A-Z][\w-]*\s+)?(?:countries|nations|governments)\b"
)
# "The Secretary and the Foreign Minister agreed", "The Secretary and President committed":
# two officials by title alone, the two sides of the meeting or call reported.
_TWO_TITLES = re.compile(
    r"\s*(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:Secretary|Minister|President|Premier|"
    r"Chancellor|Ambassador|Envoy|Counselor|Administrator|King|Emir|Sultan|Crown\s+Prince)\s+"
    r"and\s+(?:the\s+|[Hh]is\s+|[Hh]er\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:Secretary|Minister|"
    r"President|Premier|Chancellor|Ambassador|Envoy|Counselor|Administrator|King|Emir|Sultan|"
    r"Crown\s+Prince|counterparts?)\s*(?:also\s+|both\s+|jointly\s+)?"
)
# "That agreement, reached last year after heated negotiations, called on", "the 1976 Berne
# agreement between the two countries, which called for": an agreement as the subject; its
# parties are those it is between, else the two countries the article is about.
_AGREEMENT_SUBJECT = re.compile(
    r"\s*(?:that|the|this|a|an|their|its)\s+(?:[\w’'-]+\s+){0,3}?(?:agreement|pact|accord|"
    r"deal|treaty|arrangement)\b",
    re.I,
)
_AGREEMENT_BEFORE = re.compile(
    r"\b(?:agreement|pact|accord|deal|treaty|arrangement)(?:\s+between\s+[^,;.]{3,60})?,?\s*$",
    re.I,
)
_WHICH_END = re.compile(r"\b(?:which|that)\s*$")
_BETWEEN = re.compile(r"\bbetween\s+([^,;.]{3,60}?)(?=[,;.]|\s+(?:which|that|was|is)\b)", re.I)
# A subject that is a whole clause, its verb's object and "and" (the cue a second verb).
_AND_END = re.compile(r"\band\s*$")
_PAST_VERB = re.compile(
    r"(?<![-’'])\b[a-z]{3,}ed\b|\b(?:said|spoke|met|made|held|took|gave|told)\b"
)
_WE = re.compile(r"\b(?:we|our|us)\b", re.I)
_I = re.compile(r"\b(?:I|[Mm]y|me)\b")
_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# A capital as the subject of a clause: "Seoul would", "Moscow has warned".
_CAPITAL_SUBJECT = re.compile(
    r"\b([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)\s+(would|will|has|had|is|was|said|says|"
    r"wants|wanted|warned|agreed|plans|planned|intends|hopes|urged|called|asked|demanded|"
    r"pledged|promised|announced|expects|expected|pressed|offered|proposed|signed|insisted)\b"
)
# "Greece and Turkey's NATO allies", "the EU members": the organisation acts.
_ALLIES_OF = re.compile(r"\b([A-Z][\w-]*)\s+(?:allies|members|member\s+states|partners)\b")
# A person named this close to a sentence's start is its subject ("Under Secretary Zeya
# met ..."): who a later "she" most likely is.
_SUBJECT_REACH = 60
# "The President of Norway", "the Foreign Minister of Algeria": "of" after an office.
_NATIONALITY_OF = re.compile(
    r"\b(?:president|minister|ministry|government|king|queen|prime\s+minister|secretary|"
    r"ambassador|embassy|chancellor|emir|leader|leaders|officials|delegation|people)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
# A definite description naming one already named: "the Kingdom", "the Kazakh diplomat".
_DEFINITE = re.compile(
    r"\bthe\s+(?:(?P<state>kingdom|republic|federation|emirate|sultanate|principality)|"
    r"(?:[\w-]+\s+)?(?:diplomat|minister|official|envoy|visitor|guest|leader|president|"
    r"premier|senator|spokesman|spokeswoman))\b",
    re.I,
)
# Where the object of an event's verb ends: the clause turns to others or to a purpose.
_OBJECT_END = re.compile(
    r"\b(?:including|such\s+as|among\s+them|which|who|whose|affected|affecting|while|"
    r"whereas|because|as\s+well\s+as|to\s+discuss|about|regarding|amid|despite)\b|[;:]|\s[–—]\s",
    re.I,
)
_JOINT = re.compile(r"\bjoint\s+statement\b|\bwe,\s+the\b|\bstatement\s+of\s+the\s+G-?\d", re.I)
# At most this many words between two names of one list of signatories ("Japan, the
# United Kingdom, and the High Representative of the European Union").
_LIST_GAP_WORDS = 7
# The words a list of signatories is glued with, besides names and titles (capitalised):
# any other lower-case word is the sentence going on ("The United States, the ROK, and
# Japan strongly condemn recent DPRK launches": the DPRK is what they condemn).
_LIST_GLUE = frozenset(
    "and the of for on to as well its their minister ministers foreign affairs secretary "
    "secretaries state prime president vice high representative representatives government "
    "governments delegation delegations leaders leader heads head republic kingdom "
    "ministry ministries special envoy ambassador ambassadors council commission member "
    "states union de del".split()
)
_GAP_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# "the G7 Foreign Ministers of Canada": a grouping its members sign for; not "the European
# Union as members of the Friends of Sudan", a signatory itself.
_MEMBERS_OF = re.compile(r"(?!\s+as\b)(?:\s+[\w’'-]+){1,3}\s+of\s")
# "the seven agreed": the members of a forum of that size named before.
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_COUNTED_COUNTRIES = re.compile(
    rf"\s*(?:the|all|all\s+the)\s+({'|'.join(_NUMBERS[1:])})\s+(?:[A-Z][\w-]*\s+)?"
    r"(?:countries|nations|governments|states)\b"
)
_LIST_GLUE_ONLY = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)?\s+(?:the\s+)?|\s*,\s*")
_THE_NUMBER = re.compile(rf"\bthe\s+({'|'.join(_NUMBERS)})\s*$", re.I)
# "... and the European Union as members of the Friends of Sudan": the list ends there.
_AS_MEMBERS = re.compile(r"\bas\s+(?:members?|participants?|partners?)\b", re.I)
# "a joint statement on the UNITAMS-AU-IGAD Facilitated Political Process issued by Canada":
# the signatories come after who issued it, not in what it is about.
_ISSUED_BY = re.compile(r"\b(?:issued|released|signed|adopted|made)\s+by\s", re.I)
_EXPRESSED = re.compile(
    r"\b(?:expressed|expresses|reaffirmed|reaffirms|reiterated|reiterates|affirmed|"
    r"underscored|underlined|emphasi[sz]ed|signaled|signalled|stressed|highlighted|"
    r"confirmed)\s+(?:(?:a|an|the|their|firm|strong|shared|joint|mutual|common|"
    r"continued|steadfast|unwavering|enduring)\s+){0,3}$",
    re.I,
)
# How far before "commitment" its owner may be named ("the enduring U.S. commitment").
_NOUN_REACH = 40


def _not_list_glue(gap: str) -> bool:
    """Does the text between two names hold a word that no list is glued with?"""
    return any(
        word[0].islower() and word.lower() not in _LIST_GLUE for word in _GAP_WORD.findall(gap)
    )


@functools.lru_cache(maxsize=512)
def _official_name(code: str) -> str:
    """ "Kingdom of Norway": what "the Kingdom" may refer back to."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(getattr(found, "official_name", "") or getattr(found, "name", "")) if found else ""


# A transcript's speaker label opening a paragraph: "PRIME MINISTER GAVRILITA:",
# "SECRETARY BLINKEN:", "MS OBALDIA:", "QUESTION:".
_TURN = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+){0,4}([A-Z][A-Z'’-]+):\s", re.M)


def speaker_turns(text: str, people: Sequence[PersonRef]) -> list[tuple[int, str, str]]:
    """Where each speaker's turn starts, with the speaker's side and name ("" and "" when
    the label names no one with a side: "QUESTION:", "MODERATOR:")."""
    by_surname: dict[str, tuple[str, str]] = {}
    for first in (False, True):
        for person in people:
            side = person.country or (f"org:{person.org}" if person.org else None)
            words = person.name.split()
            if side is None or not words or first and len(words) < 2:
                continue
            # "FOREIGN MINISTER CHUNG:" for Chung Eui-yong: a family name written first
            # (after every surname written last).
            by_surname.setdefault(fold(words[0] if first else words[-1]), (side, person.name))
    return [(m.start(), *by_surname.get(fold(m.group(1)), ("", ""))) for m in _TURN.finditer(text)]


def speaker_at(turns: list[tuple[int, str, str]], position: int) -> tuple[str, str] | None:
    """The side and name of whoever speaks at ``position`` (from `speaker_turns`; "" for
    a speaker with none, as a journalist), or None before any turn (no transcript)."""
    index = bisect.bisect_right(turns, (position, "\uffff", "")) - 1
    return turns[index][1:] if index >= 0 else None


class Sides:
    """The sides one article's clauses name (see the module docstring)."""

    def __init__(
        self,
        text: str,
        country_mentions: Sequence[Mention],
        people: Sequence[PersonRef],
        top_countries: Sequence[str],
        home: str | None,
        publisher: str | None,
        engagements: Sequence[EngagementRef] = (),
        org_mentions: Sequence[Mention] = (),
        published: str | None = None,
    ) -> None:
        self.text = text
        self.published = published
        # International organisations can sign a joint statement with countries.
        self.orgs = sorted(
            (m.span.start, m.span.end, str(m.key))
            for m in org_mentions
            if m.kind == "org" and international(str(m.key))
        )
        self.org_starts = [item[0] for item in self.orgs]
        self.countries = sorted(
            (m.span.start, m.span.end, str(m.key), m.how)
            for m in country_mentions
            if m.kind == "country" and m.how != "dateline"
        )
        self.starts = [item[0] for item in self.countries]
        refs: list[tuple[int, int, str]] = []
        for person in people:
            side = person.country or (f"org:{person.org}" if person.org else None)
            if side is None or is_speaker(person.role):
                continue
            refs.extend((span.start, span.end, side) for span in person.spans)
        refs.sort()
        self.people = refs
        self.people_starts = [item[0] for item in refs]
        self.home = home
        self.publisher = publisher
        self.pair = tuple(dict.fromkeys(top_countries))[:2]
        self.engagements = sorted(engagements, key=lambda e: e.span.start)
        # A joint statement speaks as "we" for all who issue it.
        self.joint = bool(_JOINT.search(text[:600]))
        self.signatories = self._signatories() if self.joint else ()
        self._people_refs = people

    def subject(self, sentence: tuple[int, int], start: int, end: int) -> tuple[str, ...]:
        """The sides the words ``text[start:end]`` (a clause's subject) name."""
        agreement = self._agreement_parties(sentence, start, end) or self._counted(start, end)
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
        if (
            _GROUP.match(self.text, start, end)
            or self._two_titles(start, end)
            or _PLURAL_OFFICIALS.search(self.text, start, end)
            or _THE_COUNTRIES.search(self.text, start, end)
        ):
            group = self._group(start)
            if group:
                return tuple(dict.fromkeys((*group, *self._named(start, end))))
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
        found = self._forum(start, end) or self._named(start, end)
        if len(found) > 1 and _AND_END.search(self.text, start, end):
            # "Deputy Secretary Sherman highlighted U.S. preparedness to meet the DPRK ...
            # and called for": the subject of the first verb, not what that verb acted on.
            verb = _PAST_VERB.search(self.text, start, end)
            first = self._named(start, verb.start()) if verb is not None else ()
            if first:
                return first
        if found:
            return found
        referred = self._referred(start, end)
        if referred:
            return referred
        here = self._engagement_in(sentence)
        if here is not None and (start == end or len(self.text[start:end].split()) > 12):
            return here  # a long list of signatories: the engagement's sides
        semicolon = self.text.find(";", sentence[0], start)
        bare = re.fullmatch(r"[\s,]*(?:(?:and|also|then)[\s,]+)*", self.text[start:end], re.I)
        if start > sentence[0] and semicolon > sentence[0] and bare:
            # "The Deputy Secretary and the two vice foreign ministers reiterated ...;
            # opposed ...; and pledged to maintain": the subject of the sentence's first
            # clause, not every country its other clauses name ("the East China Sea").
            first = self.subject(sentence, sentence[0], semicolon)
            if first:
                return first
        if start > sentence[0]:
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
            # "Secretary Blinken updated the Minister ... and pledged": the earlier subject.
            earlier = self._named(sentence[0], start)
            if earlier:
                return (
                    earlier[:1]
                    if len(earlier) > 1 and self._one_subject(sentence[0], start)
                    else earlier
                )
        return ()

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
            return False
        if re.search(
            r"\b(?:at|near|across)\s+(?:the\s+)?$", text[max(floor, start - 12) : start], re.I
        ):
            return False  # a place
        if how == "demonym":
            word = re.match(r"(?:\s*(?:,|and)\s*[\w-]+)*\s+([\w’'-]+)", text[end : end + 60])
            return bool(word and word.group(1).lower() in _OFFICIAL_NOUNS)
        return True

    def before_noun(self, sentence: tuple[int, int], noun: int) -> tuple[str, ...]:
        """Whose "commitment" it is: "the U.S. commitment", "our commitment", "their"."""
        floor = max(sentence[0], noun - _NOUN_REACH)
        words = self.text[floor:noun].lower().split()
        if (
            words[-2:-1] in (["our"], ["their"])
            and words[-1] in ("mutual", "shared", "joint", "common")
            and self._group(noun)
        ):
            # "our mutual commitment": both of the pair's sides ("Confirming mutual
            # commitment to ..." alone names no one).
            return self._group(noun)
        if "our" in words[-4:] and self.joint and self._joint_we(noun):
            return self._joint_we(noun)  # a joint statement's "our commitment": all who sign
        if "our" in words[-4:] and (self.publisher or self.home):
            return (self.publisher or self.home or "",)
        if "their" in words[-4:]:
            return self._group(noun)
        article = self.text.rfind(" the ", floor, noun)
        if article >= 0:
            floor = article  # "the U.S. and Belgian commitment": the owners after "the"
        owners = [
            code
            for m_start, _m_end, code, _how in self._countries_in(floor, noun)
            if not _NOT_SIDE_BEFORE.search(self.text[max(floor, m_start - 14) : m_start])
        ]
        if owners:
            return tuple(dict.fromkeys(owners))
        if re.search(r"\badministration(?:[’']s)?\s+(?:[\w-]+\s+)?$", self.text[floor:noun], re.I):
            return (self.publisher or self.home or "",) if (self.publisher or self.home) else ()
        return self.subject(sentence, sentence[0], noun)

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

    def _counted(self, start: int, end: int) -> tuple[str, ...]:
        """ "the three Scandinavian countries have demanded": the last three countries
        named before (three or more; "the two countries" are the pair or the meeting's)."""
        counted = _COUNTED_COUNTRIES.match(self.text, start, end)
        if counted is None:
            return ()
        size = _NUMBERS.index(counted.group(1).lower()) + 2
        # The last list of that many ("the governments of Sweden, Denmark and Norway ...
        # negotiations with the United States, in which the three Scandinavian countries").
        runs: list[list[str]] = []
        last_end = -1
        for m_start, m_end, code, how in self._countries_in(max(0, start - 1500), start):
            if how not in ("name", "alias"):
                continue
            glued = last_end >= 0 and _LIST_GLUE_ONLY.fullmatch(self.text, last_end, m_start)
            if glued and runs:
                runs[-1].append(code)
            else:
                runs.append([code])
            last_end = m_end
        for run in reversed(runs):
            if len(set(run)) == size:
                return tuple(dict.fromkeys(run))
        return ()

    def _forum(self, start: int, end: int) -> tuple[str, ...]:
        """ "the Group of Seven leading industrial nations is fully committed", "all seven
        major industrial nations remain committed": a forum of fixed membership, named
        last in the subject with no one after it, is each of its members."""
        forums = [
            (o_end, key) for _s, o_end, key in self._orgs_in(start, end) if forum_members(key)
        ]
        counted = _THE_NUMBER.search(self.text, start, end)
        if not forums and counted is not None:
            # "in February the seven agreed": the forum of seven named before.
            size = _NUMBERS.index(counted.group(1).lower()) + 2
            forums = [
                (end, key)
                for _s, _e, key in self.orgs
                if _e <= start and len(forum_members(key)) == size
            ]
        if not forums:
            return ()
        o_end, key = forums[-1]
        if self._people_in(o_end, end) or self._countries_in(o_end, end):
            return ()
        from search.extract.gazetteer import gazetteer

        return tuple(gazetteer().era(code, self.published) for code in forum_members(key))

    def _named(self, start: int, end: int) -> tuple[str, ...]:
        found: list[str] = []
        for _s, _e, side in self._people_in(start, end):
            found.append(side)
        for m_start, m_end, code, how in self._countries_in(start, end):
            if self._names_side(start, m_start, m_end, how):
                found.append(code)
        for o_start, o_end, key in self._orgs_in(start, end):
            # "The United States and the EU agreed", "The EC is willing to negotiate".
            if o_end <= end and self._names_side(start, o_start, o_end, "name"):
                found.append(f"org:{key}")
        if not found and _WE.search(self.text, start, end):
            turn = self._turn(start)
            if turn is not None:
                # A transcript: "PRIME MINISTER GAVRILITA: ... we are firmly committed":
                # the speaker's side (none for a journalist's question).
                return (turn,) if turn else ()
        if not found:
            if _OUR_COUNTRY.search(self.text, start, end) and self.home:
                found.append(self.home)
            elif _OWN.search(self.text, start, end) and (self.publisher or self.home):
                found.append(self.publisher or self.home or "")
            elif _WE.search(self.text, start, end) or _I.search(self.text, start, end):
                found.extend(self._speaker(start))  # a news story's "we" and "I": who speaks
            elif _HE_SHE.search(self.text, start, end):
                found.extend(self._last_subject(start))
        return tuple(dict.fromkeys(s for s in found if s))

    def _referred(self, start: int, end: int) -> tuple[str, ...]:
        """ "the Kingdom" or "the diplomat": the country or official named last before."""
        matches = list(_DEFINITE.finditer(self.text, start, end))
        if not matches:
            return ()
        match = matches[-1]
        if match.group("state"):
            kind = match.group("state").lower()
            before = self._countries_in(0, start)
            names = [c[2] for c in before if c[3] in ("name", "alias")]
            fitting = [code for code in names if kind in _official_name(code).lower()]
            chosen = fitting or names
            return (chosen[-1],) if chosen else ()
        before_people = [p for p in self.people if p[1] <= start]
        return (before_people[-1][2],) if before_people else ()

    @functools.cached_property
    def turns(self) -> list[tuple[int, str, str]]:
        """A transcript's speaker turns (read when a "we" needs them: most texts have none)."""
        return speaker_turns(self.text, self._people_refs)

    def _turn(self, position: int) -> str | None:
        """The side of whoever speaks at ``position`` in a transcript ("" for a speaker
        with no side, such as a journalist), or None outside one."""
        speaker = speaker_at(self.turns, position)
        return speaker[0] if speaker is not None else None

    def _speaker(self, position: int) -> list[str]:
        """Whose "we" it is in a news story: the person quoted in or next to the sentence."""
        before = [p for p in self.people if p[0] < position]
        after = [p for p in self.people if p[0] >= position]
        nearest = min([*before[-1:], *after[:1]], key=lambda p: abs(p[0] - position), default=None)
        return [nearest[2]] if nearest is not None and abs(nearest[0] - position) < 400 else []

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

    def _capital_at(self, position: int) -> str | None:
        for m_start, _m_end, code, how in self._countries_in(position, position + 40):
            if m_start == position and how == "capital":
                return code
        return None

    def _last_subject(self, position: int) -> list[str]:
        """Whom "he" or "she" refers to: the last person named as a sentence's subject,
        or the publisher's official a sentence began with since ("The Secretary
        underscored ... He also called on ASEAN")."""
        own = self._own_subject_before(position)
        for p_start, _p_end, side in reversed(self.people):
            if p_start >= position:
                continue
            if position - p_start > 1500 or p_start < own:
                break
            head = max(self.text.rfind(". ", 0, p_start), self.text.rfind("\n", 0, p_start))
            first = not any(head < other < p_start for other, _e, _s in self.people)
            if first and p_start - (head + 1) <= _SUBJECT_REACH:
                return [side]  # the sentence's first person, near its start
        return [self.publisher] if own >= 0 and self.publisher else []

    def _own_subject_before(self, position: int) -> int:
        """Where the last sentence within reach that opens on the publisher's official
        ("The Secretary", "The Deputy Secretary") begins, or -1."""
        floor = max(0, position - 1500)
        found = -1
        for match in _OWN_OPENING.finditer(self.text, floor, position):
            found = match.start()
        return found

    def signing_in(self, sentence: tuple[int, int]) -> tuple[str, ...]:
        """The parties of the signing this sentence reports, as the engagements read them
        ("The Abraham Accords were signed in September 2020": the parties the article
        names), or none."""
        for engagement in self.engagements:
            if engagement.span.start == sentence[0] and engagement.type == "signing":
                return (*engagement.countries, *(f"org:{o}" for o in engagement.orgs))
        return ()

    def _engagement_in(self, sentence: tuple[int, int]) -> tuple[str, ...] | None:
        for engagement in self.engagements:
            if engagement.span.start == sentence[0]:
                return (*engagement.countries, *(f"org:{o}" for o in engagement.orgs))
        return None

    def _names_side(self, floor: int, start: int, end: int, how: str) -> bool:
        text = self.text
        if text.startswith(("’s", "'s"), end):
            following = re.match(r"(?:[’']s)\s+(?:[\w-]+\s+){0,2}?([\w-]+)", text[end : end + 40])
            return bool(following and following.group(1).lower() in _OFFICIAL_NOUNS)
        before = text[max(floor, start - 40) : start]
        if _NOT_SIDE_BEFORE.search(before[-14:]) and not _NATIONALITY_OF.search(before):
            return False
        if how == "capital":
            return False
        if how == "demonym":
            word = re.match(r"(?:\s*(?:,|and)\s*[\w-]+)*\s+([\w’'-]+)", text[end : end + 60])
            return bool(word and word.group(1).lower() in _OFFICIAL_NOUNS)
        return True

    def _one_subject(self, start: int, end: int) -> bool:
        """Is the earlier clause's subject one side acting on another ("X updated Y")?"""
        return " and " not in self.text[start : min(end, start + 80)].split(",")[0]

    def _signatories(self) -> tuple[str, ...]:
        """Who issues a joint statement: the list its opening gives ("We, the G7 Foreign
        Ministers of Canada, France ... and the High Representative of the European Union";
        "released by the Governments of the United States and the Republic of Austria").

        The list is the first run of countries and international organisations named
        close together; it ends where the sentence goes on to what they say ("... strongly
        condemn the executions by the junta in Myanmar").
        """
        opening = _JOINT.search(self.text[:600])
        start = opening.start() if opening else 0
        issued = _ISSUED_BY.search(self.text, start, start + 400)
        end = self.text.find(".", start + 200)
        end = end if end > 0 else start + 600
        named = sorted(
            [
                (m_start, m_end, code)
                for m_start, m_end, code, how in self._countries_in(0, end)
                if how in ("name", "alias", "demonym")
            ]
            + [
                (o_start, o_end, f"org:{key}")
                for o_start, o_end, key in self.orgs
                # "the G7 Foreign Ministers of Canada, ...": a grouping its members sign for
                if o_end <= end and not _MEMBERS_OF.match(self.text, o_end, o_end + 60)
            ]
        )
        best: list[str] = []
        run: list[str] = []
        last_end = -1
        for m_start, m_end, code in named:
            if issued is not None and m_start < issued.end() and m_end > start:
                continue  # what the statement is about, before "issued by"
            gap = self.text[last_end:m_start] if last_end >= 0 else ""
            if run and (
                len(gap.split()) > _LIST_GAP_WORDS
                or "." in gap
                or "\n" in gap  # a title's "Joint Statement on Syria" is what it is about
                or _AS_MEMBERS.search(gap)
                or _not_list_glue(gap)
            ):
                if len(set(run)) > len(set(best)):
                    best = run
                run = []
            run.append(code)
            last_end = m_end
        if len(set(run)) > len(set(best)):
            best = run
        found = tuple(dict.fromkeys(best))
        return found if len(found) >= 2 else ()

    def _agreement_parties(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...]:
        """The parties of an agreement that is the subject (see `_AGREEMENT_SUBJECT`)."""
        text = self.text
        noun = _AGREEMENT_SUBJECT.match(text, start, end)
        if noun is None and not text[start:end].strip() and start > sentence[0]:
            # "That agreement, reached last year after ..., called on": the sentence's
            # subject, before what was said of it.
            noun = _AGREEMENT_SUBJECT.match(text, sentence[0], start)
            if noun is not None:
                start = sentence[0]
        if noun is None:
            # "the 1976 Berne agreement between Greece and Turkey, which called for": the
            # relative pronoun's antecedent (the subject may have taken in "Turkey,").
            which = _WHICH_END.search(text, start, end)
            if which is None:
                return ()
            floor = max(sentence[0], which.start() - 90)
            noun = _AGREEMENT_BEFORE.search(text, floor, which.start())
            if noun is None:
                return ()
            start = noun.start()
        elif self._named(start, noun.end()):
            return ()  # "the U.S.-Japan agreement": named, read as any subject is
        between = _BETWEEN.search(text, start, min(sentence[1], start + 120))
        if between is not None and not _THE_COUNTRIES.search(between.group(1)):
            named = self._named(between.start(1), between.end(1))
            if len(named) >= 2:
                return named
        return self.pair if len(self.pair) == 2 else ()

    def _two_titles(self, start: int, end: int) -> bool:
        """Do the words begin with two officials by title ("The Secretary and President"),
        the subject of what follows?"""
        two = _TWO_TITLES.match(self.text, start, end)
        return two is not None and (two.end() == end or self.text[two.end()].islower())

    def _joint_we(self, position: int) -> tuple[str, ...]:
        """ "We" of a joint statement: those its opening lists, else the engagement's
        sides (a statement whose signatories are not listed speaks for those who met)."""
        return self.signatories or self._group(position)

    def _group(self, position: int) -> tuple[str, ...]:
        """ "They", "the participants": the sides of the engagement reported last."""
        if self.signatories and not self.engagements:
            return self.signatories
        before = [e for e in self.engagements if e.span.start <= position]
        chosen = before[-1] if before else (self.engagements[0] if self.engagements else None)
        if chosen is not None:
            return (*chosen.countries, *(f"org:{o}" for o in chosen.orgs))
        return self.pair if len(self.pair) == 2 else ()

    def _countries_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return [c for c in self.countries[i:j] if c[1] <= end]

    def _orgs_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The organisations named from ``start`` up to ``end`` (by where they begin)."""
        i = bisect.bisect_left(self.org_starts, start)
        j = bisect.bisect_left(self.org_starts, end, lo=i)
        return self.orgs[i:j]

    def _people_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.people_starts, start)
        j = bisect.bisect_left(self.people_starts, end, lo=i)
        return self.people[i:j]
