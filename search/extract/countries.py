"""Countries an article mentions and concerns.

One pass of an Aho-Corasick automaton (`search.extract.gazetteer`) over the lower-cased
text finds every candidate name, demonym, alias and capital; candidates are kept when
they stand as whole words, are written as names (``Turkey``, not ``turkey``), are not
part of a longer phrase that means something else (``New Mexico``, ``Guinea pig``) and
pass the ambiguity rules of the override file (``Michael Jordan``, ``Atlanta,
Georgia``).  The dateline place adds a mention of its country.  Codes are those of the
article's time: a 1987 story from Moscow concerns the Soviet Union (SUN).

Salience (`_rank`) orders the countries: the dateline, the headline and the lead count
most, then how often and how early the country comes up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from search.extract import dateline_places, places
from search.extract.gazetteer import Entry, display_names, fold, gazetteer, resolve_code
from search.extract.sentences import sentence_at
from search.model import Mention, Span

# Words that may stand right before or after a name without making it part of a
# person's or company's name ("in Jordan", "Jordan and Syria").
_FUNCTION_WORDS = frozenset(
    """
    a an the in of and or nor to from for with by on at as but if when while after before
    since both between against into than that which where whether because under over
    across including like unlike about toward towards via through within without near
    also only even said says told visiting neighbouring neighboring northern southern
    eastern western central
    """.split()
)
_NAME_HOWS = ("name", "alias", "capital")


@dataclass(slots=True)
class _Found:
    """A candidate mention before document-level checks."""

    start: int
    end: int
    entry: Entry
    code: str
    weak: bool = False  # an ALL-CAPS headline word that the body must confirm


@dataclass(slots=True)
class _Stat:
    """What the document says about one country, for salience."""

    code: str
    first: int
    weight: float = 0.0  # mentions in the body, weighted by kind (see _WEIGHTS)
    title: bool = False
    lead: bool = False
    dateline: bool = False


def find_countries(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    title_end: int = 0,
    city: str | None = None,
    agency: str | None = None,
    date: str | None = None,
) -> tuple[list[Mention], tuple[str, ...]]:
    """Country mentions in a document and the countries it concerns.

    Args:
        text: The document text (title, blank line, body; see `search.model.document_text`).
        sentences: Sentence spans from `search.extract.sentences.document_sentences`.
        title_end: ``len(title)``; 0 when the document has no title.
        city: The dateline city as the reader found it; when ``None`` a dateline at the
            start of the body is looked for here.
        agency: The dateline agency (``KAZINFORM``), which tells what "our country" means.
        date: ISO publication date; codes follow the states of that time (SUN in 1987).

    Returns:
        All mentions (``kind="country"``, ``key`` = code, ``how`` one of ``name``,
        ``alias``, ``demonym``, ``capital``, ``dateline``, ``our-country``) in text
        order, and the codes of the countries the article concerns, most salient first.
    """
    if not text:
        return [], ()
    gz = gazetteer()
    date = date[:10] if date else None
    body_start = title_end + 2 if title_end else 0
    caps_end = _caps_end(text, title_end, body_start)
    found = _scan(text, date, caps_end)

    line = None
    if body_start < len(text):
        if city:
            line = dateline_places.locate(text, body_start, city)
        else:
            line = dateline_places.parse(text, body_start)
    dateline_code = None
    if line is not None:
        dateline_code = dateline_places.resolve(line.city, line.qualifiers, date)
        if agency is None:
            agency = line.agency
    elif city:
        dateline_code = dateline_places.resolve(city, (), date)

    found = _resolve_document(found, date)
    home = agency_country(agency, date)  # TASS in 1987 wrote for the Soviet Union
    mentions: list[Mention] = []
    for f in found:
        if f.entry.how == "our-country":
            if home is None:
                continue
            code, how = home, "our-country"
        else:
            code, how = f.code, f.entry.how
        span = Span(f.start, f.end, sentence_at(sentences, f.start))
        mentions.append(Mention("country", code, text[f.start : f.end], span, how))
    if line is not None and dateline_code:
        span = Span(line.start, line.end, sentence_at(sentences, line.start))
        dl = Mention("country", dateline_code, text[line.start : line.end], span, "dateline")
        mentions = [m for m in mentions if m.span.start >= line.end or m.span.end <= line.start]
        mentions.append(dl)
    mentions.extend(_combining_forms(text, mentions, sentences, date))
    mentions.sort(key=lambda m: m.span.start)
    weights = [_weight(m, text, gz.currency_words) for m in mentions]
    ranked = _rank(mentions, weights, sentences, title_end, body_start, dateline_code)
    return mentions, ranked


# A country's combining form before another's name or demonym: "a Franco-German meeting",
# "the Anglo-Saudi deal", "Sino-Soviet talks" (not alone: Franco is a name, and not before
# what is no country: "Indo-Pacific", "Anglo-Saxon").
_COMBINING = {
    "Franco": "FRA", "Anglo": "GBR", "Sino": "CHN", "Russo": "RUS", "Italo": "ITA",
    "Greco": "GRC", "Graeco": "GRC", "Turco": "TUR", "Nippo": "JPN", "Hispano": "ESP",
    "Luso": "PRT", "Germano": "DEU", "Austro": "AUT", "Indo": "IND",
}  # fmt: skip
_COMBINING_BEFORE = re.compile(r"\b(" + "|".join(_COMBINING) + r")-$")


def _combining_forms(
    text: str, mentions: list[Mention], sentences: Sequence[tuple[int, int]], date: str | None
) -> list[Mention]:
    found = []
    for mention in mentions:
        if mention.how not in ("name", "demonym", "alias"):
            continue
        start = mention.span.start
        form = _COMBINING_BEFORE.search(text, max(0, start - 10), start)
        if form is None:
            continue
        code = gazetteer().era(_COMBINING[form.group(1)], date)
        if code == mention.key:
            continue
        span = Span(form.start(), form.end() - 1, sentence_at(sentences, form.start()))
        found.append(Mention("country", code, form.group(1), span, "demonym"))
    return found


def _caps_end(text: str, title_end: int, body_start: int) -> int:
    """End of the leading stretch where letter case says nothing (ALL-CAPS or Title Case
    headline, or an all-caps body): there ``Turkey`` may be the bird."""
    end = 0
    if title_end:
        words = [w for w in text[:title_end].split() if w[:1].isalpha()]
        caps = sum(1 for w in words if w[0].isupper())
        if words and caps >= 0.6 * len(words):
            end = title_end
    sample = text[body_start : body_start + 300]
    if sample and not any(c.islower() for c in sample):
        end = len(text)
    return end


def _scan(text: str, date: str | None, caps_end: int) -> list[_Found]:
    """Whole-word automaton matches, longest first, that pass case and context rules."""
    gz = gazetteer()
    low = text.lower()
    if len(low) != len(text):  # only U+0130 lower-cases to two characters
        low = text.replace("\u0130", "I").lower()
    n = len(text)
    hits: list[tuple[int, int, int]] = []
    for last, (length, index) in gz.automaton.iter(low):
        start = last - length + 1
        end = last + 1
        if (start and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
            continue
        hits.append((start, -end, index))
    hits.sort()
    found: list[_Found] = []
    taken = -1
    for start, neg_end, index in hits:
        end = -neg_end
        if start < taken:
            continue  # inside a longer phrase already chosen
        entry = gz.entries[index]
        surface = text[start:end]
        if entry.how == "our-country":
            pass
        elif entry.exact:
            if surface != entry.form and surface != entry.form.upper():
                continue
        elif not surface[0].isupper():
            continue
        taken = end
        if entry.how == "blocked":
            continue
        f = _Found(start, end, entry, gz.era(entry.code, date))
        if _keep(f, text, date, start < caps_end):
            found.append(f)
    return found


def _keep(f: _Found, text: str, date: str | None, caps: bool) -> bool:
    """Apply the entry's ambiguity rule and the "Name, Region" test; may mark ``f`` weak."""
    entry = f.entry
    if entry.how in _NAME_HOWS and text.startswith(", ", f.end) and _names_other_region(f, text):
        return False
    if entry.how == "capital" and _part_of_name(text, f.end):
        if not caps:
            return False  # "Paris Club", "London Metal Exchange": an institution's name
        f.weak = True
    rule = entry.rule
    if rule is None:
        return True
    since = rule.get("since")
    if since and date and date < str(since):
        return False
    if rule.get("person") or rule.get("word"):
        if caps:
            f.weak = True
        elif rule.get("person") and _in_proper_name(text, f.start, f.end):
            return False
    after = rule.get("not_after")
    if after and _next_word(text, f.end).lower() in after:
        return False
    if rule.get("city_before") and _city_elsewhere(f, text):
        return False
    if rule.get("us_state") and _US_POLITICS.search(text, max(0, f.start - 80), f.start):
        return False  # "Republican committee member Doug Collins of Georgia": the state
    return True


# Words of US party politics just before a name that is also a US state.
_US_POLITICS = re.compile(
    r"\b(?:Republican|Democrat|Democratic|GOP|Congressman|Congresswoman|Senator|Sen\.|Rep\.|"
    r"Governor|Gov\.|state\s+of)\b[^.;]*$"
)


def _prev_word(text: str, start: int) -> str:
    """The word right before ``start`` if only one space separates them, else ''."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
        return ""
    j = start - 2
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in ".'-"):
        j -= 1
    return text[j : start - 1]


def _next_word(text: str, end: int) -> str:
    """The word right after ``end`` if only one space separates them, else ''."""
    if end + 1 >= len(text) or text[end] != " " or not text[end + 1].isalpha():
        return ""
    j = end + 1
    while j < len(text) and (text[j].isalpha() or text[j] in "'-"):
        j += 1
    return text[end + 1 : j]


def _part_of_name(text: str, end: int) -> bool:
    """A capitalised non-function word follows: the place names an institution (not
    "Washington D.C.", the city)."""
    word = _next_word(text, end)
    return (
        bool(word)
        and word[0].isupper()
        and word.lower() not in _FUNCTION_WORDS
        and not text.startswith(_CITY_AFTER, end)
    )


# What makes a name before it the city: "Washington D.C.".
_CITY_AFTER = (" D.C.", " DC ")


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """A capitalised non-function word touches the name: "Michael Jordan", "Chad Smith"
    (not "Washington D.C.", the city)."""
    if text.startswith(_CITY_AFTER, end):
        return False
    for word in (_prev_word(text, start), _next_word(text, end)):
        if word and word[0].isupper() and word.lower().strip(".") not in _FUNCTION_WORDS:
            if fold(word) not in gazetteer().lookup:  # "Soviet Georgia" is still Georgia
                return True
    return False


def _names_other_region(f: _Found, text: str) -> bool:
    """'Paris, Texas', 'Lebanon, Pa.': the name is followed by another country's region."""
    j = f.end + 2
    k = j
    words = 0
    while k < len(text) and words < 2 and text[k : k + 1].isupper():
        m = k
        while m < len(text) and (text[m].isalpha() or text[m] == "."):
            m += 1
        words += 1
        if m < len(text) and text[m] == " " and text[m + 1 : m + 2].isupper() and words < 2:
            k = m + 1
        else:
            k = m
            break
    qualifier = text[j:k].strip()
    if len(qualifier) < 2 or fold(qualifier) in gazetteer().lookup:
        return False  # "Norway, Sweden": a list of countries
    # Abbreviations only with their dot ("Pa."): plain short words are too often other things.
    regions = places.region_countries(qualifier, abbreviations=qualifier.endswith("."))
    home = gazetteer().alpha3_to_2.get(f.entry.code)
    return bool(regions) and home not in regions


def _city_elsewhere(f: _Found, text: str) -> bool:
    """'Atlanta, Georgia': the place before the comma lies in another country."""
    if f.start < 3 or text[f.start - 2 : f.start] != ", ":
        return False
    j = f.start - 2
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] in " .'-") and j - i < 30:
        i -= 1
    words = text[i:j].split()
    while words and not words[0][:1].isupper():
        words.pop(0)
    for n in range(min(3, len(words)), 0, -1):
        found = places.cities(" ".join(words[-n:]))
        if found:
            return found[0].country != gazetteer().alpha3_to_2.get(f.entry.code)
    return False


def _resolve_document(found: list[_Found], date: str | None) -> list[_Found]:
    """Document-level decisions: families ("Korea") and weak headline words."""
    explicit: dict[str, int] = {}
    for f in found:
        if f.entry.family is None and not f.weak and f.code:
            explicit[f.code] = explicit.get(f.code, 0) + 1
    out: list[_Found] = []
    for f in found:
        family = f.entry.family
        if family is not None:
            f.code = _family_code(family, explicit, date)
        if f.weak and f.code not in explicit:
            continue
        out.append(f)
    return out


def _family_code(family: dict[str, Any], explicit: dict[str, int], date: str | None) -> str:
    """The code a bare "Korea" or "Congo" stands for in this document."""
    gz = gazetteer()
    until = family.get("until")
    if until and date and date < str(until["date"]):
        return gz.era(until["code"], date)
    codes = [gz.era(c, date) for c in family["codes"]]
    named = [c for c in codes if c in explicit]
    if named:
        return max(named, key=lambda c: explicit[c])
    return codes[0]


def _weight(m: Mention, text: str, currency_words: frozenset[str]) -> float:
    """How much one mention says the article concerns its country."""
    if m.how != "dateline" and _next_word(text, m.span.end).lower() in currency_words:
        return 0.0  # "U.S. dlrs", "Swiss francs": a currency, not the country
    return _WEIGHTS.get(m.how, 1.0)


def _rank(
    mentions: list[Mention],
    weights: list[float],
    sentences: Sequence[tuple[int, int]],
    title_end: int,
    body_start: int,
    dateline_code: str | None,
) -> tuple[str, ...]:
    """Countries the article concerns, most salient first."""
    if not mentions and not dateline_code:
        return ()
    lead_end = _lead_end(sentences, body_start)
    stats: dict[str, _Stat] = {}
    for m, w in zip(mentions, weights, strict=True):
        s = stats.get(m.key)
        if s is None:
            s = stats[m.key] = _Stat(m.key, m.span.start)
        if m.how == "dateline":
            s.dateline = True
        elif title_end and m.span.start < title_end:
            s.title = s.title or w > 0
        else:
            s.weight += w
            s.lead = s.lead or (m.span.start < lead_end and w > 0)
    if dateline_code and dateline_code not in stats:
        stats[dateline_code] = _Stat(dateline_code, body_start, dateline=True)
    kept = [s for s in stats.values() if _concerns(s)]
    if not kept:
        # No dateline and nothing prominent enough: a short text still concerns the
        # countries its headline or lead names, the best-scored ones.
        top = max(_score(s) for s in stats.values())
        if top >= _TITLE_BONUS:
            kept = [s for s in stats.values() if _score(s) == top]
    kept.sort(key=lambda s: (-(_score(s) + _DATELINE_BONUS * s.dateline), s.first))
    return tuple(s.code for s in kept)


# A demonym ("the Norwegian side") or a capital ("talks in Oslo") points at a country
# less directly than its name: on Reuters a lone one is labelled a tenth as often.
_WEIGHTS = {"name": 1.0, "alias": 1.0, "our-country": 1.0, "demonym": 0.5, "capital": 0.5}
# Attention a country gets from being in the headline or the lead, in mentions.
_TITLE_BONUS = 2.0
_DATELINE_BONUS = 3.0
_LEAD_BONUS = 1.0
# An article concerns a country it gives three mentions' worth of attention: named in the
# headline and again in the story, or in the lead and once more, or three times anywhere.
_CONCERNS = 3.0


def _lead_end(sentences: Sequence[tuple[int, int]], body_start: int) -> int:
    """End of the lead: the body's first sentence (the one the dateline opens)."""
    for start, end in sentences:
        if start >= body_start:
            return end
    return body_start


def _score(s: _Stat) -> float:
    return _TITLE_BONUS * s.title + _LEAD_BONUS * s.lead + s.weight


def _concerns(s: _Stat) -> bool:
    """Whether the article concerns the country, not just mentions it in passing.

    The dateline country always counts: the story was filed there and is, in wire
    practice, about that country unless it says otherwise.
    """
    return s.dateline or _score(s) >= _CONCERNS


# --------------------------------------------------------------------------- lookups


def dateline_country(mentions: Sequence[Mention]) -> str | None:
    """The country of the article's dateline (`find_countries` tags it ``how="dateline"``)."""
    return next((str(m.key) for m in mentions if m.kind == "country" and m.how == "dateline"), None)


def resolve_country(name: str) -> str | None:
    """A country name, demonym, alias or ISO code -> alpha-3; ``None`` when unknown.

    ``"Norway"``, ``"norwegian"``, ``"NOR"``, ``"NO"``, ``"Kazakh"``, ``"U.S."`` and
    ``"Soviet Union"`` all resolve; historical states give their own codes (SUN, BRD).
    """
    if not name or not name.strip():
        return None
    gz = gazetteer()
    code = gz.lookup.get(fold(name))
    if code:
        return code
    return resolve_code(name)


def agency_country(agency: str | None, date: str | None = None) -> str | None:
    """The home country of a news agency (``Kazinform`` -> KAZ), as of ``date``; else None.

    This is whom "our country" means in the agency's copy (see the override file).
    """
    if not agency:
        return None
    gz = gazetteer()
    # "U.S. Department of State (press releases)": the publisher, then a qualifier.
    home = gz.agencies.get(fold(agency)) or gz.agencies.get(fold(agency.split("(")[0]))
    return gz.era(home, date[:10] if date else None) if home else None


# Publishers that speak for their government (their own country is a party to every
# release); news agencies are not, even when the override file knows their country.
_GOVERNMENT = re.compile(
    r"\b(?:department|ministry|government|office|president|embassy|mission|white house)\b",
    re.I,
)
_PARENS = re.compile(r"\s*\([^)]*\)")


def publisher_home(source: str | None) -> str | None:
    """The country a government publisher speaks for ("U.S. Department of State" -> USA).

    Only publishers whose name says they are part of a government, and that the
    override file's ``agencies`` list knows, have one.
    """
    if not source:
        return None
    name = _PARENS.sub("", source).strip()
    if not _GOVERNMENT.search(name):
        return None
    return agency_country(name)


def country_name(code: str) -> str:
    """Common English short name for a code ("Russia", "Soviet Union"); the code if unknown."""
    return display_names().get(code.upper(), code) if code else code


def all_countries() -> list[tuple[str, str]]:
    """(code, name) of every country and historical state, sorted by name."""
    return sorted(display_names().items(), key=lambda item: fold(item[1]))
