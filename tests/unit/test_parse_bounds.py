"""Every field a feed gives is checked: wrong types, nesting, far dates and sizes are
read, cut or skipped per entry with a note, never an exception (issue 10, item 4)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from tracker.feeds.parse import MAX_TEXT, MAX_TITLE, FeedParseError, parse_feed

NOW = datetime(2025, 11, 20, 12, tzinfo=UTC)
V11 = "https://jsonfeed.org/version/1.1"


def _json(items: Any, **head: Any) -> bytes:
    return json.dumps({"version": V11, "title": "Wire", **head, "items": items}).encode()


GOOD = {"id": "https://w.invalid/1", "title": "Lavrov met envoys", "content_text": "He met them."}


@pytest.mark.parametrize(
    ("items", "kept", "note"),
    [
        ([GOOD, 5, "text", None, [GOOD]], 1, "item(s) not an object"),
        ({"title": "not a list"}, 0, "'items' not a list"),
        (7, 0, "'items' not a list"),
        ([{**GOOD, "title": 12345}], 1, None),  # a number is read as text
        ([{**GOOD, "title": True, "content_text": "He met them."}], 1, "'title' of the wrong type"),
        ([{**GOOD, "title": ["a", "b"], "content_text": ""}], 0, "'title' of the wrong type"),
        ([{**GOOD, "url": {"href": "x"}}], 1, "'url' of the wrong type"),
        ([{**GOOD, "date_published": 20251104}], 1, None),  # read as 2025-11-04
        (
            [{**GOOD, "date_published": "9999-12-31T23:59:59-05:00"}],
            1,
            "entry date(s) out of range",
        ),
        (
            [{**GOOD, "date_published": "0001-01-01T00:00:00+14:00"}],
            1,
            "entry date(s) out of range",
        ),
        ([{**GOOD, "date_published": [[["2025"]]]}], 1, "'date_published' of the wrong type"),
    ],
)
def test_json_feed_items_of_the_wrong_shape_are_skipped_or_read_with_a_note(
    items: Any, kept: int, note: str | None
) -> None:
    feed = parse_feed(_json(items), fallback_time=NOW)
    assert len(feed.entries) == kept
    if note is None:
        assert feed.problem is None
    else:
        assert feed.problem is not None and note in feed.problem
        assert "\n" not in feed.problem


def test_a_far_date_falls_back_to_the_time_fetched() -> None:
    feed = parse_feed(
        _json([{**GOOD, "date_published": "9999-12-31T23:59:59Z"}]), fallback_time=NOW
    )
    (parsed,) = feed.entries
    assert parsed.entry.published == NOW and not parsed.dated


@pytest.mark.parametrize("depth", [10, 5_000, 200_000])
def test_deeply_nested_json_is_read_or_refused_in_one_line(depth: int) -> None:
    nest = "[" * depth + "]" * depth
    body = (
        f'{{"version": "{V11}", "items": [{{"title": {nest}, "content_text": "Lavrov spoke."}}]}}'
    )
    try:
        feed = parse_feed(body.encode(), fallback_time=NOW)
    except FeedParseError as exc:
        assert "nested too deeply" in str(exc)
        return
    assert [p.entry.text for p in feed.entries] == ["Lavrov spoke."]


def test_titles_and_texts_beyond_their_bounds_are_cut_with_a_note() -> None:
    title = "Lavrov " * (MAX_TITLE // 2)
    text = "Lavrov met envoys. " * (MAX_TEXT // 10)
    feed = parse_feed(_json([{**GOOD, "title": title, "content_text": text}]), fallback_time=NOW)
    (parsed,) = feed.entries
    assert len(parsed.entry.title) == MAX_TITLE
    assert len(parsed.entry.text) == MAX_TEXT
    assert feed.problem is not None
    assert "title(s) cut at 2,000 characters" in feed.problem
    assert "text(s) cut at 200,000 characters" in feed.problem


def test_an_rss_date_out_of_range_is_no_date() -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        "<item><title>Lavrov met envoys</title><guid>https://w.invalid/1</guid>"
        "<pubDate>Fri, 31 Dec 9999 23:59:59 +1400</pubDate></item></channel></rss>"
    )
    (parsed,) = parse_feed(rss.encode(), fallback_time=NOW).entries
    assert parsed.entry.published == NOW and not parsed.dated
