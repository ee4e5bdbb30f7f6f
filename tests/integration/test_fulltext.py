"""Feeds that give only a teaser: with fulltext, the linked article's main text is read
(trafilatura), under the same limits, and evidence past the first paragraph counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, Route
from tests.feedtools import NOW, item, make_tracker, rss
from tracker.domain import Kind
from tracker.store import repo
from tracker.store.engine import session as session_for

pytest.importorskip("trafilatura", reason="full text needs the [fulltext] extra")

FILLER = (
    "Diplomats in the capital spent the week preparing for a series of regional talks, "
    "and officials said the agenda would cover trade, energy and security questions. "
)
ARTICLE = f"""<!doctype html><html><head><title>The ministry's week</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Log in</a></nav></header>
<main><article><h1>The ministry's week</h1>
<p>{FILLER * 2}</p>
<p>{FILLER * 2}</p>
<p>Sergey Lavrov held talks in Moscow on Monday with his North Korean counterpart, the ministry said.</p>
<p>{FILLER}</p>
</article></main>
<footer>Copyright Example News. <a href="/privacy">Privacy</a></footer></body></html>""".encode()

TEASER = "The ministry's week in review: read the full story."


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.routes["/article/1"] = Route(
            body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        yield srv


def _appearances(tracker: object) -> list[repo.HistoryItem]:
    with session_for(tracker.engine) as session:  # type: ignore[attr-defined]
        return repo.history(session, "Sergey Lavrov", (Kind.APPEARANCE,))


@pytest.mark.parametrize(("fulltext", "found"), [(True, 1), (False, 0)])
def test_evidence_past_the_teaser_counts_only_with_fulltext(
    tmp_path: Path, server: FeedServer, fulltext: bool, found: int
) -> None:
    feed = rss([item(1, TEASER, title="The ministry's week", link=server.url("/article/1"))])
    server.routes["/teasers.xml"] = Route(body=feed)
    tracker = make_tracker(
        tmp_path,
        [{"url": server.url("/teasers.xml"), "fulltext": fulltext}],
        polling={"fulltext_private": True},  # the article server is on 127.0.0.1
    )
    try:
        result = tracker.poll(NOW)[0]
        second = tracker.poll(NOW)[0]
        appearances = _appearances(tracker)
    finally:
        tracker.close()
    assert result.error is None and result.problem is None
    assert len(appearances) == found
    if fulltext:
        assert "North Korean counterpart" in appearances[0].text
    assert server.hits["/article/1"] == found  # fetched once, for the new entry only
    assert second.duplicates == 1


def test_an_article_that_cannot_be_fetched_keeps_the_teaser_and_says_why(
    tmp_path: Path, server: FeedServer
) -> None:
    feed = rss([item(1, TEASER, link=server.url("/article/missing"))])
    server.routes["/teasers.xml"] = Route(body=feed)
    tracker = make_tracker(
        tmp_path,
        [{"url": server.url("/teasers.xml"), "fulltext": True}],
        polling={"fulltext_private": True},
    )
    try:
        result = tracker.poll(NOW)[0]
    finally:
        tracker.close()
    assert result.error is None and result.new_entries == 1
    assert "full text failed for 1 article(s)" in (result.problem or "") and "HTTP 404" in (
        result.problem or ""
    )


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_links_in_a_feed_cannot_reach_local_addresses_by_default(
    tmp_path: Path, server: FeedServer, host: str
) -> None:
    """The feed is configured by you; its links are not. By default an article on a
    loopback or private address is not fetched (redirects: see test_fetch.py)."""
    link = server.url("/article/1").replace("127.0.0.1", host)
    teaser = item(1, TEASER, title="The ministry's week", link=link)
    server.routes["/teasers.xml"] = Route(body=rss([teaser]))
    tracker = make_tracker(tmp_path, [{"url": server.url("/teasers.xml"), "fulltext": True}])
    try:
        result = tracker.poll(NOW)[0]
        appearances = _appearances(tracker)
    finally:
        tracker.close()
    assert result.new_entries == 1 and appearances == []
    assert "private or local address" in (result.problem or "")
    assert server.hits["/article/1"] == 0
