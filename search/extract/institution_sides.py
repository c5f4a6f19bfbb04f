"""A commitment's subject that names no side but an institution of one country: "The
Commerce Department said it intends", a government text's "The Embassy will", "Congressional
Democrats have pledged"."""

from __future__ import annotations

import re

from search.extract.affiliation import institution_of


def institution_side(
    text: str, sentence_start: int, start: int, cue_start: int, publisher: str | None
) -> tuple[str, ...]:
    """A subject naming no side but one country's institution: "The State Department funds
    ... and plans to provide", "Congressional Democrats have pledged", "The Embassy will
    remain engaged" (in a government's own text, its embassy)."""
    subject = text[start:cue_start].strip()
    if not subject:
        # "The State Department funds ... and plans to provide": the sentence's subject,
        # its first words
        subject = " ".join(text[sentence_start:cue_start].split()[:_OPENING_WORDS])
    if len(subject.split()) > _INSTITUTION_WORDS:
        return ()
    code = institution_of(subject, opening=True)
    if code is None and publisher and _OWN_BODY.match(subject):
        code = publisher
    if code is None and (_CONGRESS.match(subject) or _ADMINISTRATION.match(subject)):
        # A subject that names no country, of the Congress that texts naming no other
        # country's mean (a Honduran congressman's country is named: "Honduran"); a U.S.
        # president's administration ("The Biden-Harris Administration remains committed").
        code = "USA"
    return (code,) if code else ()


_INSTITUTION_WORDS = 12
_OPENING_WORDS = 3
_CONGRESS = re.compile(
    r"(?:(?:[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Ss]ome)\s+)?[Cc]ongress(?:ional|m[ae]n)\b"
)
_ADMINISTRATION = re.compile(
    r"[Tt]he\s+(?:Biden(?:-Harris)?|Trump|Obama|Bush|Clinton|Reagan|Carter)\s+[Aa]dministration\b"
)
_OWN_BODY = re.compile(r"(?:[Tt]he|[Oo]ur)\s+(?:U\.S\.\s+)?(?:Embassy|Mission|Consulate)\b")
