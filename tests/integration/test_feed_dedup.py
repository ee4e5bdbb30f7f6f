"""The same story from several feeds, with tracking parameters, or updated: one entry,
never counted twice as evidence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, Route
from tests.feedtools import NOW, entry_count, item, make_tracker, rss
from tracker.domain import Kind
from tracker.store import repo
from tracker.store.engine import session as session_for

STORY = (
    "Russian Foreign Minister Sergey Lavrov held talks in Moscow on Monday with his North "
    "Korean counterpart Choe Son Hui, the ministry said."
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer(hosts=("127.0.0.1", "127.0.0.2")) as srv:
        yield srv


def _findings(tracker: object) -> list[repo.HistoryItem]:
    with session_for(tracker.engine) as session:  # type: ignore[attr-defined]
        return repo.history(session, "Sergey Lavrov", (Kind.APPEARANCE, Kind.ABSENCE, Kind.MENTION))


@pytest.mark.parametrize(
    ("case", "a", "b"),
    [
        (
            "same link, other guids and tracking parameters",
            item(
                1, STORY, guid="agency-1", link="https://agency.example/lavrov-choe?utm_source=rss"
            ),
            item(
                1,
                STORY,
                guid="portal-9",
                link="https://AGENCY.example/lavrov-choe?utm_source=portal&fbclid=x",
            ),
        ),
        (
            "same text syndicated under another URL",
            item(1, STORY, guid="agency-1", link="https://agency.example/lavrov-choe"),
            item(
                1,
                STORY,
                guid="paper-5",
                link="https://paper.example/world/12345",
                title="Story 1: SERGEY LAVROV MEETS A DELEGATION",
            ),
        ),
        (
            "same guid in two feeds of one publisher",
            item(1, STORY, guid="https://agency.example/p/1", title="Lavrov meets Choe"),
            item(
                1,
                STORY,
                guid="https://agency.example/p/1",
                title="Talks",
                link="https://agency.example/s/1",
            ),
        ),
    ],
)
def test_one_story_from_two_feeds_is_stored_and_counted_once(
    tmp_path: Path, server: FeedServer, case: str, a: dict[str, str], b: dict[str, str]
) -> None:
    server.routes["/a.xml"] = Route(body=rss([a]))
    server.routes["/b.xml"] = Route(body=rss([b]))
    tracker = make_tracker(tmp_path, [server.url("/a.xml"), server.url("/b.xml")])
    try:
        results = tracker.poll(NOW)
        assert sorted((r.new_entries, r.duplicates) for r in results) == [(0, 1), (1, 0)]
        assert entry_count(tracker) == 1
        assert [f.kind for f in _findings(tracker)] == ["appearance"]
    finally:
        tracker.close()


def test_a_guid_unique_only_within_its_feed_does_not_merge_two_publishers(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/a.xml"] = Route(body=rss([item(1, guid="12345")]))
    server.routes["/b.xml"] = Route(
        body=rss([item(2, guid="12345", title="Another story entirely")])
    )
    # two publishers: feedparser reads an RSS guid as a permalink relative to the feed
    tracker = make_tracker(tmp_path, [server.url("/a.xml"), server.url("/b.xml", "127.0.0.2")])
    try:
        assert [r.new_entries for r in tracker.poll(NOW)] == [1, 1]
    finally:
        tracker.close()


def test_different_stories_at_one_url_are_kept_apart(tmp_path: Path, server: FeedServer) -> None:
    """A live blog posts many entries under one URL: the titles tell them apart."""
    live = "https://news.example/live/summit"
    server.routes["/live.xml"] = Route(
        body=rss(
            [
                item(1, guid="p1", link=live, title="Lavrov arrives"),
                item(2, guid="p2", link=live, title="Lavrov speaks"),
            ]
        )
    )
    tracker = make_tracker(tmp_path, [server.url("/live.xml")])
    try:
        assert tracker.poll(NOW)[0].new_entries == 2
    finally:
        tracker.close()


def test_an_updated_story_replaces_its_text_and_adds_only_new_evidence(
    tmp_path: Path, server: FeedServer
) -> None:
    first = STORY
    updated = STORY + " On Tuesday, Sergey Lavrov addressed the State Duma in Moscow."
    server.routes["/a.xml"] = Route(body=rss([item(1, first)]))
    tracker = make_tracker(tmp_path, [server.url("/a.xml")])
    try:
        tracker.poll(NOW)
        before = [(f.kind, f.day) for f in _findings(tracker)]
        server.routes["/a.xml"] = Route(
            body=rss([item(1, updated, pubDate="Tue, 28 Oct 2025 18:00:00 +0000")])
        )
        result = tracker.poll(NOW + timedelta(hours=1))
        again = tracker.poll(NOW + timedelta(hours=2))
        after = [(f.kind, f.day) for f in _findings(tracker)]
        with session_for(tracker.engine) as session:
            stored = repo.entries_by_url(session, "https://wire.example/story/1")
    finally:
        tracker.close()
    assert (result[0].new_entries, result[0].updated) == (0, 1)
    assert (again[0].new_entries, again[0].updated, again[0].duplicates) == (0, 0, 1)
    assert len(stored) == 1 and "State Duma" in stored[0].text
    assert set(before) < set(after) and len(after) == len(set(after))
