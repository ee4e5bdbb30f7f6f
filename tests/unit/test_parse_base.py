"""Relative links are resolved as feedparser resolves them: against the document's URL
(the Content-Location parse_feed gives feedparser) and any xml:base. parse.py remembers
feedparser's base joins (it joins the base with itself on every start tag); the stored
url and guid must be exactly what feedparser's own join gives."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser.mixin
import pytest

from tracker.feeds import parse
from tracker.feeds.parse import parse_feed

NOW = datetime(2025, 11, 20, 12, tzinfo=UTC)
BASE = "http://news.example/feeds/world.xml"


def _rss(item: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        f"<link>/</link><item><title>Lavrov met envoys</title>{item}</item></channel></rss>"
    ).encode()


def _atom(entry: str, base: str = "") -> bytes:
    where = f' xml:base="{base}"' if base else ""
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"{where}>'
        f"<title>W</title><entry><title>Lavrov met envoys</title>{entry}</entry></feed>"
    ).encode()


CASES = [
    (  # a relative link and a permalink guid: both against the document's URL
        _rss("<link>story/1.html</link><guid>story/1.html</guid>"),
        "http://news.example/feeds/story/1.html",
        "http://news.example/feeds/story/1.html",
    ),
    (  # a guid that is no permalink is left as it is
        _rss('<link>../2.html</link><guid isPermaLink="false">12345</guid>'),
        "http://news.example/2.html",
        "12345",
    ),
    (  # the feed's xml:base, absolute
        _atom('<link href="a/3.html"/><id>tag:news.example,2025:3</id>', "http://cdn.example/b/"),
        "http://cdn.example/b/a/3.html",
        "tag:news.example,2025:3",
    ),
    (  # an entry's relative xml:base inside the feed's
        _atom('<link xml:base="sub/" href="p.html"/><id>urn:uuid:4</id>', "http://cdn.example/b/"),
        "http://cdn.example/b/sub/p.html",
        "urn:uuid:4",
    ),
    (  # a relative xml:base against the document's URL
        _atom('<link href="5.html"/><id>5.html</id>', "../archive/"),
        "http://news.example/archive/5.html",
        "http://news.example/archive/5.html",
    ),
    (  # an xml:base of a scheme feedparser refuses is ignored
        _atom('<link href="6.html"/><id>urn:6</id>', "javascript:alert(1)"),
        "http://news.example/feeds/6.html",
        "urn:6",
    ),
]


@pytest.mark.parametrize(("document", "url", "guid"), CASES)
def test_relative_links_resolve_as_feedparser_resolves_them(
    document: bytes, url: str, guid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered = parse_feed(document, fallback_time=NOW, base_url=BASE, scope="s")
    monkeypatch.setattr(feedparser.mixin, "make_safe_absolute_uri", parse._safe_absolute_uri)
    own = parse_feed(document, fallback_time=NOW, base_url=BASE, scope="s")

    [entry] = remembered.entries
    assert (entry.entry.url, entry.entry.guid) == (url, guid)
    assert remembered == own


def test_a_long_base_is_joined_but_not_remembered() -> None:
    long_base = "http://news.example/" + "d/" * 700 + "feed.xml"
    parse._remembered_join.cache_clear()
    feed = parse_feed(_rss("<link>x.html</link>"), fallback_time=NOW, base_url=long_base)

    assert feed.entries[0].entry.url == long_base.removesuffix("feed.xml") + "x.html"
    assert parse._remembered_join.cache_info().currsize == 0
