"""What a document that is not a feed is said to be (issue 12, item 6)."""

from __future__ import annotations

import pytest

from tracker.feeds.fetch import connect_reason
from tracker.feeds.sniff import describe

PAGE = b"""<!doctype html><html><head><title>Wire</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml" title="All stories">
<link rel="alternate" type="application/atom+xml" href="https://wire.example/atom">
</head><body>News</body></html>"""


@pytest.mark.parametrize(
    ("data", "content_type", "url", "expected"),
    [
        (
            PAGE,
            "text/html",
            "https://wire.example/news",
            "it links the feed https://wire.example/rss.xml (and 1 more): use that URL",
        ),
        (
            b"<html><body>no feeds here</body></html>",
            "",
            "",
            "a web page (HTML), not a feed, and it links no feed",
        ),
        (
            b'<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://a.example/rss"/></body></opml>',
            "",
            "",
            "tracker feeds import FILE",
        ),
        (
            b"name,url,category\nWire,https://w.example/rss,news\n",
            "text/csv",
            "",
            "a CSV or tab-separated file",
        ),
        (b"%PDF-1.7 ...", "application/pdf", "", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n....", "", "", "an image (PNG)"),
        (
            b'{"title": "not a feed", "items": []}',
            "application/json",
            "",
            "a JSON document, but not a JSON Feed",
        ),
        (
            b'<?xml version="1.0"?><sitemap><url>x</url></sitemap>',
            "",
            "",
            "an XML document, but not RSS, RDF or Atom",
        ),
        (b"just some words", "", "", "plain text"),
    ],
)
def test_a_document_that_is_not_a_feed_is_named(
    data: bytes, content_type: str, url: str, expected: str
) -> None:
    found = describe(data, content_type, url)
    assert found is not None and expected in found


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x',
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
        b"   ",
    ],
)
def test_a_broken_feed_is_left_to_the_parser_to_describe(data: bytes) -> None:
    assert describe(data) is None


@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ("[Errno -2] Name or service not known", "cannot resolve host news.example (no such name)"),
        (
            "[Errno -3] Temporary failure in name resolution",
            "cannot resolve host news.example (no DNS answer: is the network up?)",
        ),
        (
            "[Errno 111] Connection refused",
            "cannot connect to news.example:8080: connection refused",
        ),
        (
            "[Errno 101] Network is unreachable",
            "cannot connect to news.example:8080: network unreachable",
        ),
        ("", "cannot connect to news.example:8080: connection failed"),
    ],
)
def test_a_failed_connection_names_the_host(detail: str, expected: str) -> None:
    assert connect_reason("http://news.example:8080/rss", detail) == expected.replace(
        ":8080", ":8080" if "connect to" in expected else ""
    )
