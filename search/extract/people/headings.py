"""A signatory list under country headings: each official is the heading's.

    Australia

    Senator the Hon Richard Colbeck, Minister for Sport

    Austria

    Vice-Chancellor Werner Kogler, Minister of Arts and Culture, Civil Service and Sport

or each line led by its country ("Australia: The Hon Anika Wells MP, Minister for Sport").
Joint statements list their signers this way; the heading is the only place the text
says whose minister each one is.
"""

from __future__ import annotations

import re

from search.extract.affiliation import STRENGTH, Affiliation
from search.extract.people.mentions import _Candidate, _Countries

# Before the name on its line: a form of address at most ("Senator the Hon", "Dr").
_LINE_LEAD = re.compile(r"[^\n,.;:]{0,40}")
# After a country's name leading the line: "Australia: The Hon Anika Wells".
_COLON = re.compile(r"[ \t]*:[ \t]*")
# A signer's line is a name and an office, not a sentence: short, no full stop at its end.
_MAX_LINE = 200
# A heading alone is no list: a topic line ("Ukraine") above a paragraph is one.
_MIN_HEADINGS = 2


def _share_heading_country(text: str, candidates: list[_Candidate], countries: _Countries) -> None:
    """Give each person on a line of their own under a line that is only a country's name
    (or after that name and a colon on their line) that country, when the article lists
    at least two such countries."""
    if "\n" not in text:
        return
    found: list[tuple[_Candidate, str]] = []
    for candidate in candidates:
        line_start = text.rfind("\n", 0, candidate.start) + 1
        if line_start == 0:
            continue
        line_end = text.find("\n", candidate.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
        if len(line) > _MAX_LINE or line.endswith((".", "?", "!", ":")):
            continue
        if _LINE_LEAD.fullmatch(text, line_start, candidate.start):
            heading = _heading_country(text, line_start, countries)
        else:
            heading = _leading_country(text, line_start, candidate.start, countries)
        if heading is not None:
            found.append((candidate, heading))
    if len({heading for _, heading in found}) < _MIN_HEADINGS:
        return
    for candidate, country in found:
        if candidate.side is None or candidate.side.strength < STRENGTH["listed"]:
            candidate.side = Affiliation(country, None, "listed")


def _heading_country(text: str, line_start: int, countries: _Countries) -> str | None:
    """The country the nearest non-blank line above ``line_start`` is the name of alone."""
    end = line_start - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    found = countries.items_in(start, end)
    if len(found) != 1 or found[0][:2] != (start, end):
        return None
    return found[0][2]


def _leading_country(
    text: str, line_start: int, name_start: int, countries: _Countries
) -> str | None:
    """The country whose name and a colon lead the line up to the form of address before
    the name ("Australia: The Hon Anika Wells")."""
    found = countries.items_in(line_start, name_start)
    if not found or found[0][0] != line_start:
        return None
    colon = _COLON.match(text, found[0][1])
    if colon is None or not _LINE_LEAD.fullmatch(text, colon.end(), name_start):
        return None
    return found[0][2]
