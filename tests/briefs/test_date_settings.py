"""One date service: a search filter and a meeting date read ``03/12/2023`` alike.

The query parser (``since:``) and `briefs.meeting_dates.resolve_date` both read numeric dates
with the configured day order through `search.dates`, so a user never sees the same
digits mean two days.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefs.meeting_dates import resolve_date
from search.dates import DateSettings
from search.query import DaySpan, default_parser

AS_OF = date(2023, 1, 10)  # before both readings, so neither is "in the past"


@pytest.mark.parametrize(
    ("order", "day"),
    [("DMY", date(2023, 12, 3)), ("MDY", date(2023, 3, 12))],
)
def test_a_query_filter_and_a_meeting_date_read_numbers_alike(order: str, day: date) -> None:
    parsed = default_parser(("en",), order).parse("since:03/12/2023", as_of=AS_OF)
    assert parsed.days == (DaySpan(int(day.strftime("%Y%m%d")), 99_999_999),)
    assert not parsed.notices

    by_keywords = resolve_date("03/12/2023", as_of=AS_OF, languages=("en",), day_order=order)
    by_settings = resolve_date("03/12/2023", DateSettings(AS_OF, ("en",), order))
    assert by_keywords.day == by_settings.day == day
    assert by_keywords == by_settings


def test_resolve_date_needs_a_day_to_count_from() -> None:
    with pytest.raises(TypeError):
        resolve_date("next Tuesday")
