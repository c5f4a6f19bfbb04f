"""A person as the people registry knows them (`search.ingest.registry`), read from the store."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Person:
    """One person as the registry knows them.

    Attributes:
        id: Registry id (stable while the person exists).
        name: The most complete form of the name seen.
        country: ISO alpha-3 of the side they serve (None when nothing says).
        org: The international organisation they serve, for its officials.
        how: The strongest kind of evidence behind ``country``/``org`` (``role``,
            ``org``, ``led-by``, ``office``, ``context``, ``home``, ``analyst``).
        role: The latest role seen.
        role_seen: The publication date of the latest article giving that role.
        first_seen: Date of the first article naming them.
        last_seen: Date of the latest article naming them.
        articles: How many articles name them.
    """

    id: int
    name: str
    country: str | None
    org: str | None
    how: str | None
    role: str | None
    role_seen: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int

    @property
    def side(self) -> str | None:
        """The side as engagements write it: a country code or ``org:KEY``."""
        return self.country or (f"org:{self.org}" if self.org else None)


# The columns of ``people`` a `Person` is read from, in `person_from_row`'s order.
PERSON_COLUMNS = "id, name, country, org, how, role, role_seen, first_seen, last_seen, articles"


def person_from_row(row: tuple[object, ...]) -> Person:
    return Person(
        id=int(str(row[0])),
        name=str(row[1]),
        country=_text(row[2]),
        org=_text(row[3]),
        how=_text(row[4]),
        role=_text(row[5]),
        role_seen=_text(row[6]),
        first_seen=_text(row[7]),
        last_seen=_text(row[8]),
        articles=int(str(row[9])),
    )


def _text(value: object) -> str | None:
    """A TEXT column that may be NULL, as a string (``""`` stays ``""``)."""
    return None if value is None else str(value)
