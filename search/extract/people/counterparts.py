"""Sides shared between people listed together: counterparts, a plural role, a
parenthesis after a list, press contacts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from search.extract.affiliation import (
    STRENGTH,
    Affiliation,
    own_office,
)
from search.extract.notables import notable_side
from search.extract.people.mentions import _Candidate, _Countries, _sentence_span

# "Foreign Minister X and Minister of Environment Y (Colombia)": the parenthesis names the
# country of both; between the two, only "and" and the second one's role.
_LISTED_AND = re.compile(r"\s+and\s+[^,;()]{0,120}$")
_PARENTHESIS_AFTER = re.compile(r"\s*\(")
# Between two listed officials: "and", ", and", "as well as (the)", or a comma before the
# next one's role ("with Salvadoran President Nayib Bukele, Foreign Minister ...").
_AND_THEN = re.compile(r"\s*(?:,?\s*(?:and|as\s+well\s+as)\s+|,\s*)(?:the\s+)?[^,;()]{1,80}", re.I)
# "between X and Y": a list of the two sides of something, not of colleagues.
_BETWEEN = re.compile(r"\bbetween\s+[^,;]{0,80}$", re.I)
# "Deputy Foreign Minister Ryohei Murata and other senior Japanese officials": the people
# listed before are officials of that country too.
_AND_OTHER = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:several\s+|many\s+)?other\s+"
    r"(?:(?:senior|high-ranking|high-level|top|government|top-level)\s+){0,2}"
    r"([A-Z][\w'’-]+)\s+(?:officials|leaders|ministers|diplomats|representatives|"
    r"counterparts|authorities|government\s+officials|delegates)\b"
)
_LIST_COMMA = re.compile(r"\s*,\s*")
# "meet with ROK leaders, including Foreign Minister Park Jin, Unification Minister Kwon
# Young-se, and ...": the people listed after are that country's officials.
_INCLUDING = re.compile(
    r"\b([A-Z][\w'’-]+)\s+(?:(?:senior|government|high-level|top)\s+)?(?:officials|leaders|"
    r"ministers|counterparts|authorities|delegation|delegates|representatives)\s*,?\s+"
    r"(?:including|among\s+them|such\s+as|(?:that|which)\s+(?:included|includes|include|"
    r"comprised|comprises))\s+"
)


_PLURAL_ROLE = re.compile(
    # "EC Commissioners Willy de Clercq and Frans Andriessen": an organisation's acronym
    # before the office gives their side.
    r"(?:\b(?-i:[A-Z]{2,6})\s+)?"
    # "Vice-Premiers Li Peng and Tian Jiyun": a hyphen joins the modifier to the office.
    r"\b((?:(?:Foreign|Prime|Defen[cs]e|Finance|Trade|Economy|Economics|Energy|Oil|Health|Deputy|"
    r"Vice)(?:\s+|-))*"
    r"(?:Presidents|Ministers|Senators|Representatives|Ambassadors|Governors|Secretaries|"
    r"Chancellors|Premiers|Mayors|Commissioners|Envoys|Chairmen|"
    # Trades a story lists its people by: "celebrity guests like actors Dan Fogler, Ron
    # Perlman and Jaleel White", "astronauts Bob Behnken and Doug Hurley".
    r"Actors|Actresses|Astronauts|Economists|Analysts|Journalists|Diplomats|Activists|"
    r"Delegates|Negotiators|Academics|Scientists|Experts))\s+$",
    re.I,
)
# The capitalised words right before a plural role, which may be a people's: "Norwegian
# economists Arild Moe and Helge Ole Bergesen" (of Norway, whatever the dateline).
_NATION_BEFORE = re.compile(r"\b((?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*))?)\s+$")
# The plural trades of `_PLURAL_ROLE`, which name the employer before them as theirs.
_TRADES = frozenset(
    "actors actresses astronauts economists analysts journalists diplomats activists "
    "delegates negotiators academics scientists experts".split()
)
# An employer written just before a trade: capitalised words after a lower-case one.
_EMPLOYER_BEFORE = re.compile(
    r"(?:(?<=[a-z,] )|(?<=\n)|^)((?-i:[A-Z][\w&-]*)(?: (?-i:[A-Z][\w&-]*)){0,2}) $"
)
_SINGULAR = {
    "secretaries": "secretary",
    "presidents": "president",
    "chairmen": "chairman",
    "actresses": "actress",
}
# Between two names of one list: ", ", ", and ", " and ", after the first one's "of Nigeria".
_NAME_LIST_GAP = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?\s*(?:,\s*and|,|and)\s+"
)


_COUNTERPART_BEFORE = re.compile(r"(?<!, )(?<!and )\b([A-Z][\w'’-]+)\s+counterpart\s*,?\s*$")


def _counterparts(text: str, candidates: list[_Candidate], countries: _Countries) -> None:
    """ "met his Swiss counterpart Otto Stich": the demonym says whom he serves."""
    if "counterpart" not in text:
        return  # (the pattern's own word, as written: no window of the text can hold it)
    for candidate in candidates:
        if candidate.side is not None:
            continue
        found = _COUNTERPART_BEFORE.search(text, max(0, candidate.start - 60), candidate.start)
        if found is None:
            continue
        country = countries.overlapping(found.start(1), found.end(1))
        if country is not None:
            candidate.side = Affiliation(country, None, "role")


_COUNTERPART = re.compile(r"\bcounterparts?\b\s*,?\s*", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*and|,|and)\s+")


def _counterpart_roles(text: str, candidates: list[_Candidate]) -> None:
    """ "Brazilian Finance Minister Dilson Funaro met his Swiss counterpart Otto Stich";
    "foreign minister Sameh Shoukry and his Greek, Cypriot and French counterparts, Nikos
    Dendias, Nikos Christodoulides and Jean-Yves Le Drian": each holds the office of the
    one whose counterpart they are (the nearest person before, in the sentence, with a
    role)."""
    if "ounterpart" not in text:
        return
    starts = [c.start for c in candidates]  # sorted by start (`find_people`)
    for found in _COUNTERPART.finditer(text):
        first = bisect.bisect_left(starts, found.end())
        before = first - 1
        while before >= 0 and (
            candidates[before].end > found.start() or not candidates[before].role
        ):
            before -= 1
        if first == len(candidates) or before < 0:
            continue
        inside = candidates[first].sentence
        if not inside[0] <= found.start() < inside[1]:
            continue
        owner = candidates[before]
        if not owner.sentence[0] <= found.start() < owner.sentence[1]:
            continue
        position = found.end()
        for candidate in candidates[first:]:
            if candidate.sentence != inside:
                break
            gap = text[position : candidate.start]
            if gap and not _LIST_GAP.fullmatch(gap):
                break
            if candidate.role is None:
                candidate.role = owner.role
            position = candidate.end


def _share_plural_role(
    text: str, candidates: list[_Candidate], side_of: Callable[[int, int], Affiliation | None]
) -> None:
    """ "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin", "Foreign
    Ministers Lavrov and Tileuberdi": each person named in the list holds the role; "EC
    Commissioners Willy de Clercq and Frans Andriessen": with the side the words before
    it give (``side_of(start, end)``)."""
    ordered = sorted(candidates, key=lambda c: c.start)
    i = 0
    while i < len(ordered):
        head = ordered[i]
        # (Most candidates have a role: they need no search.)
        found = (
            _PLURAL_ROLE.search(text, max(0, head.start - 60), head.start)
            if head.role is None
            else None
        )
        if found is None:
            i += 1
            continue
        words = found.group(1).split()
        last = words[-1]
        words[-1] = _SINGULAR.get(last.lower(), last[:-1])
        if last[0].isupper():
            words[-1] = words[-1][:1].upper() + words[-1][1:]
        side = side_of(found.start(), found.end(1))
        nation = _NATION_BEFORE.search(text, max(0, found.start() - 30), found.start())
        if side is None and nation is not None:
            side = side_of(nation.start(1), found.end(1))  # "Norwegian economists X and Y"
        if (
            last.lower() in _TRADES
            and (side is None or side.country is None)
            and (
                employer := _EMPLOYER_BEFORE.search(
                    text, max(0, found.start(1) - 60), found.start(1)
                )
            )
        ):
            words.insert(0, employer.group(1))  # "Merrill Lynch economists", "NASA astronauts"
        role = " ".join(words)
        head.role = role
        head.side = head.side or side
        j = i + 1
        while (
            j < len(ordered)
            and ordered[j].role is None
            and _NAME_LIST_GAP.fullmatch(text, ordered[j - 1].end, ordered[j].start)
        ):
            ordered[j].role = role
            ordered[j].side = ordered[j].side or side
            j += 1
        i = j


_CONTACT_BEFORE = re.compile(r"\b[Cc]ontact\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$")
_EMAIL_AFTER = re.compile(r"\s*(?:,\s*)?(?:at|via|on|:)?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _press_contacts(text: str, candidates: list[_Candidate], publisher: str | None) -> None:
    """ "For any questions, please contact Vanessa Vidal at NEA-Press@state.gov": a
    government publisher's release names its own press officer."""
    if publisher is None:
        return
    for candidate in candidates:
        if candidate.side is None and (
            _EMAIL_AFTER.match(text, candidate.end)
            # "For further information, contact Mr. Thomas Shearer, Executive Secretary of
            # the Committee at (202) 261-8200": whom its readers are to call.
            or _CONTACT_BEFORE.search(text, max(0, candidate.start - 24), candidate.start)
        ):
            candidate.side = Affiliation(publisher, None, "office")


def _share_listed_country(
    text: str,
    candidates: list[_Candidate],
    publisher: str | None = None,
    countries: _Countries | None = None,
) -> None:
    """Give a person with no country the country a parenthesis gives the next one."""
    for i in range(len(candidates) - 2, -1, -1):
        here, after = candidates[i], candidates[i + 1]
        if here.side is not None or after.side is None or after.side.country is None:
            continue
        if after.side.how != "role" or not _PARENTHESIS_AFTER.match(text, after.end):
            continue
        if here.sentence != after.sentence or not _LISTED_AND.search(text, here.end, after.start):
            continue
        here.side = Affiliation(after.side.country, None, "listed")
    # "Panamanian President Laurentino Cortizo Cohen and Acting Foreign Minister Dayra
    # Carrizo", "Honduran Minister of Health X and Minister of Economic Development Y": the
    # colleague named right after, with a role of their own and no country, is a compatriot
    # (a well-known figure keeps their own side: "Russian President Putin and President
    # Zelenskyy").
    for here, after in zip(candidates, candidates[1:], strict=False):
        if after.side is not None or after.role is None or here.side is None:
            continue
        if (
            here.side.how not in ("role", "led-by")
            or here.side.country is None
            or here.sentence != after.sentence
        ):
            continue  # "headed by Finance Minister X and Central Bank Governor Y": both
        if not _AND_THEN.fullmatch(text[here.end : after.start]) or notable_side(after.name):
            continue
        if re.search(r"\bwith\b", text[here.end : after.start]):
            # "meet with Japanese Vice Foreign Minister Mori Takeo and have a trilateral
            # meeting with First Vice Foreign Minister Cho": the one met, not a colleague.
            continue
        if _BETWEEN.search(text, here.sentence[0], here.start):
            # "talks between U.S. Secretary of State George Shultz and Foreign Minister
            # Tadashi Kuranari": the two sides of an encounter, not colleagues.
            continue
        if publisher is not None and own_office(after.role):
            # "Thailand's Permanent Secretary of Energy ... and Bureau of Energy Resources
            # Senior Bureau Official Harry Kamian led the delegations": the publisher's own.
            continue
        named = countries.demonym_in(here.end, after.start) if countries is not None else None
        if named is not None and named != here.side.country:
            # "Japan's central bank governor Satoshi Sumita and British Chancellor of the
            # Exchequer and central bank governor Robin Leigh Pemberton": the nationality
            # written before the next one's offices.
            after.side = Affiliation(named, None, "role")
            continue
        after.side = Affiliation(here.side.country, None, "listed")


def _share_including_country(
    text: str, candidates: list[_Candidate], countries: _Countries
) -> None:
    """ "Vietnamese officials, including Deputy Prime Minister Le Van Thanh, ..., and Vice
    Foreign Minister Ha Kim Ngoc": everyone in that list without a country of their own
    has that one."""
    if "includ" not in text and " such as " not in text and " among them " not in text:
        return
    for i, candidate in enumerate(candidates):
        floor = max(candidate.sentence[0], candidate.start - 160)
        found = _INCLUDING.search(text, floor, candidate.start)
        if found is None or found.end() < candidate.start - 80:
            continue
        if not re.fullmatch(r"[^,;()]*", text[found.end() : candidate.start]):
            continue  # the first of the list: only its role between
        country = countries.overlapping(found.start(1), found.end(1))
        if country is None:
            continue
        for listed, before in zip(candidates[i:], [candidate, *candidates[i:]], strict=False):
            if listed is not candidate and not (
                listed.sentence == before.sentence
                and _AND_THEN.fullmatch(text, before.end, listed.start)
            ):
                break
            # "a Zambian government delegation that included ..., Secretary of the
            # Treasury Felix Nkulukusa": the list's country beats an office's default.
            weaker = listed.side is None or listed.side.strength < STRENGTH["listed"]
            if weaker and not notable_side(listed.name):
                listed.side = Affiliation(country, None, "listed")


def _share_others_country(text: str, candidates: list[_Candidate], countries: _Countries) -> None:
    """ "Deputy Foreign Minister Ryohei Murata and other senior Japanese officials",
    "President Nayib Bukele, Foreign Minister Alexandra Hill Tinoco, and other Salvadoran
    leaders": everyone in that list without a country of their own has that one."""
    if "other" not in text:
        return
    for i, candidate in enumerate(candidates):
        found = _AND_OTHER.match(text, candidate.end)
        if found is None:
            continue
        country = countries.overlapping(found.start(1), found.end(1))
        if country is None:
            continue
        j = i
        while j >= 0:
            listed = candidates[j]
            if listed.side is None and not notable_side(listed.name):
                listed.side = Affiliation(country, None, "listed")
            if j == 0 or not (
                _LIST_COMMA.fullmatch(text, candidates[j - 1].end, listed.start)
                or _AND_THEN.fullmatch(text, candidates[j - 1].end, listed.start)
                and "," in text[candidates[j - 1].end : listed.start]
            ):
                break
            j -= 1


# A wire story's lead on an official it names only in the next sentence: "WASHINGTON, March
# 4 - A senior British official said ...", then "Paul Channon, secretary for trade and
# industry, said".
_LEAD_OFFICIAL = re.compile(
    r"\s-{1,2}\s+(?:A|An|The)\s+(?:(?:senior|top|high-ranking|leading|visiting)\s+)?"
    r"([A-Z][\w.’'-]+)\s+(?:government\s+)?(?:official|minister|diplomat|negotiator|envoy|"
    r"spokesman|delegate)\s+(?:today\s+|yesterday\s+)?said\b"
)
# How far into the body the lead may be, and the next sentence's name after it.
_LEAD_REACH, _NEXT_REACH = 60, 300


def _share_lead_official(
    text: str,
    sentences: Sequence[tuple[int, int]],
    candidates: list[_Candidate],
    countries: _Countries,
    title_end: int,
) -> None:
    """Give the first person the sentence after such a lead names, with no stronger clue
    of their own, the lead's country."""
    lead = _LEAD_OFFICIAL.search(text, title_end, title_end + _LEAD_REACH + 120)
    if lead is None or lead.start() > title_end + _LEAD_REACH:
        return
    country = countries.overlapping(lead.start(1), lead.end(1))
    if country is None:
        return
    end = _sentence_span(text, sentences, lead.start())[1]
    named = [c for c in candidates if lead.end() <= c.start < end + _NEXT_REACH]
    if not named or named[0].start < end:
        return  # the lead names its official itself, or names someone else first
    first = named[0]
    if first.side is None or first.side.strength < STRENGTH["listed"]:
        first.side = Affiliation(country, None, "listed")
