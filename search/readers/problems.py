"""Warnings, and a bound on how many problems one file may report one by one.

A reader reports what it could not read as a `ReadError`, and what it read with a loss
(bytes replaced, a metadata field of the wrong type ignored) as a `ReadWarning`, a
`ReadError` subclass, so that a consumer unaware of warnings errs on the side of
showing them.  A hostile file can hold millions of bad lines (a 103 KB ``.jsonl.gz``
expands to 52 million): `limit_per_file` lets the first `MAX_LISTED_PER_FILE` of each
kind through and sums up the rest in one `Omitted` line, so neither memory nor the
user's terminal grows with the number of bad records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from search.model import RawArticle, ReadError

MAX_LISTED_PER_FILE = 20
"""Rejections (and, separately, warnings) of one file reported one by one; the rest are
counted and summed up in one `Omitted` line."""


@dataclass(frozen=True, slots=True)
class ReadWarning(ReadError):
    """An article that was read, but not exactly as written.

    Invalid UTF-8 bytes replaced by U+FFFD, a front-matter field of the wrong type
    ignored: the article is kept, and the user is told.
    """


@dataclass(frozen=True, slots=True)
class Omitted(ReadError):
    """Stands for the ``count`` further rejections (or warnings) of one file.

    Attributes:
        count: How many problems this line sums up (none of them listed).
        warnings: True when they are warnings, False when they are rejections.
    """

    count: int = 0
    warnings: bool = False


def problem_count(problem: ReadError) -> tuple[int, bool]:
    """How many problems one reported item stands for, and whether they are warnings."""
    if isinstance(problem, Omitted):
        return problem.count, problem.warnings
    return 1, isinstance(problem, ReadWarning)


def limit_per_file(
    items: Iterable[RawArticle | ReadError], origin: str, listed: int = MAX_LISTED_PER_FILE
) -> Iterator[RawArticle | ReadError]:
    """Pass one file's articles through, with at most ``listed`` rejections and
    ``listed`` warnings; the others are counted and summed up at the end.

    Args:
        items: What a reader yields for one file.
        origin: The file, as named in messages.
        listed: How many problems of each kind to report one by one.

    Yields:
        The articles and the first problems, as they come; then one `Omitted` line per
        kind with more (its reason names the first one left out).
    """
    errors = warnings = 0
    more_errors = more_warnings = 0
    first_error: ReadError | None = None
    first_warning: ReadError | None = None
    for item in items:
        if item.__class__ is RawArticle:
            yield item
            continue
        assert isinstance(item, ReadError)
        if isinstance(item, ReadWarning):
            if warnings < listed:
                warnings += 1
                yield item
            else:
                more_warnings += 1
                first_warning = first_warning or item
        elif errors < listed:
            errors += 1
            yield item
        else:
            more_errors += 1
            first_error = first_error or item
    if first_error is not None:
        yield _omitted(origin, more_errors, first_error, "rejected", warnings=False)
    if first_warning is not None:
        yield _omitted(origin, more_warnings, first_warning, "with warnings", warnings=True)


def _omitted(origin: str, count: int, first: ReadError, what: str, *, warnings: bool) -> Omitted:
    unit = ("line" if first.line is not None else "record") + ("" if count == 1 else "s")
    where = f"line {first.line}: " if first.line is not None else ""
    return Omitted(
        origin,
        f"... and {count:,} more {unit} {what}, not listed (the first: {where}{first.reason})",
        count=count,
        warnings=warnings,
    )
