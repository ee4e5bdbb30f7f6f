from datetime import timedelta

import pytest

from tracker.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90m", timedelta(minutes=90)),
        ("72h", timedelta(hours=72)),
        ("10d", timedelta(days=10)),
        ("2w", timedelta(weeks=2)),
        ("1d12h", timedelta(days=1, hours=12)),
        (" 30s ", timedelta(seconds=30)),
        ("1.5d", timedelta(hours=36)),
    ],
)
def test_durations_parse_in_every_unit(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "10", "ten days", "10x", "-3d", "0d", "d"])
def test_bad_durations_are_rejected_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "shown"), [("10d", "10d"), ("2w", "14d"), ("90m", "90m"), ("72h", "3d")]
)
def test_durations_read_back_in_their_shortest_exact_form(text: str, shown: str) -> None:
    assert format_duration(parse_duration(text)) == shown
