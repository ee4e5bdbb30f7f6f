from __future__ import annotations

from datetime import date

import pytest

from tracker.recognize.dates import find_date, historical_year
from tracker.recognize.text import fold

PUBLISHED = date(2025, 11, 10)  # a Monday


@pytest.mark.parametrize(
    ("sentence", "expected", "future"),
    [
        ("His last public appearance was on October 28.", date(2025, 10, 28), False),
        ("They met on Oct. 27 in Moscow.", date(2025, 10, 27), False),
        ("They met on 28 October.", date(2025, 10, 28), False),
        ("They met on 2025-10-28.", date(2025, 10, 28), False),
        ("They spoke on Sunday, Feb. 17, 2013.", date(2013, 2, 17), False),
        ("He was absent on Wednesday.", date(2025, 11, 5), False),
        ("He spoke on Monday.", date(2025, 11, 10), False),
        ("He spoke last Monday.", date(2025, 11, 3), False),
        ("He spoke yesterday.", date(2025, 11, 9), False),
        ("He spoke earlier today.", date(2025, 11, 10), False),
        ("He met them in December 3 talks.", date(2025, 12, 3), True),
        ("He will travel on November 30.", date(2025, 11, 30), True),
        ("He met them on January 20.", date(2025, 1, 20), False),
        ("They meet on December 28.", date(2025, 12, 28), True),
        ("He will meet them tomorrow.", date(2025, 11, 11), True),
        ("He spoke in Ankara a day earlier.", date(2025, 11, 9), False),
        ("A reception on Saturday, marking the anniversary.", date(2025, 11, 8), False),
        ("He hosted talks on the eve of Tuesday's parade.", date(2025, 11, 10), False),
        ("He prayed on the eve of Sunday's runoff.", date(2025, 11, 8), False),
    ],
)
def test_date_cues_resolve_against_publication(sentence: str, expected: date, future: bool) -> None:
    cue = find_date(fold(sentence), PUBLISHED)
    assert cue is not None
    assert (cue.day, cue.future) == (expected, future)


def test_a_sentence_without_date_cue_has_none() -> None:
    assert find_date(fold("Lavrov said the talks were useful."), PUBLISHED) is None


def test_last_week_is_dated_with_week_precision() -> None:
    cue = find_date(fold("They met last week."), PUBLISHED)
    assert cue is not None and cue.precision == "week" and cue.day == date(2025, 11, 3)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [("He was appointed foreign minister in 2004.", 2004), ("He met Kerry in 2025.", None)],
)
def test_bare_past_years_mark_history(sentence: str, year: int | None) -> None:
    assert historical_year(fold(sentence), PUBLISHED) == year
