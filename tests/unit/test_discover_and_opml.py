"""Feed discovery from a page's <link rel="alternate">, and OPML in and out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracker.feeds.discover import discover_feeds
from tracker.feeds.opml import OpmlError, OpmlFeed, export_opml, parse_opml

PAGE = "https://news.example/world/index.html"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<link rel="alternate" type="application/rss+xml" href="/rss.xml" title="World">',
            ["https://news.example/rss.xml"],
        ),
        (
            '<LINK REL="Alternate" TYPE="application/atom+xml" HREF="atom.xml">',
            ["https://news.example/world/atom.xml"],
        ),
        (
            '<link rel="alternate" type="application/feed+json" href="https://cdn.example/f.json">',
            ["https://cdn.example/f.json"],
        ),
        (
            '<base href="https://other.example/x/"><link rel="alternate" type="application/rss+xml" href="feed">',
            ["https://other.example/x/feed"],
        ),
        ('<link rel="alternate" type="text/html" href="/fr/" hreflang="fr">', []),
        ('<link rel="stylesheet" type="application/rss+xml" href="/x.xml">', []),
        ('<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">', []),
        (
            '<link rel="alternate" type="application/rss+xml" href="/a.xml">'
            '<link rel="alternate" type="application/atom+xml" href="/b.xml">'
            '<link rel="alternate" type="application/rss+xml" href="/a.xml">',
            ["https://news.example/a.xml", "https://news.example/b.xml"],
        ),
        ("", []),
    ],
)
def test_discovery_finds_the_feeds_a_page_links(head: str, expected: list[str]) -> None:
    html = f"<!doctype html><html><head><title>t</title>{head}</head><body>x</body></html>"
    assert [f.url for f in discover_feeds(html.encode(), PAGE)] == expected


def test_discovery_reads_a_page_that_is_not_utf8() -> None:
    html = '<html><head><link rel="alternate" type="application/rss+xml" title="Actualit\xe9s" href="/rss"></head></html>'
    found = discover_feeds(html.encode("latin-1"), PAGE)
    assert [(f.url, f.title) for f in found] == [("https://news.example/rss", "Actualités")]


OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
<outline text="Top" type="rss" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
<outline text="Agencies">
  <outline title="Agency B" text="B" type="rss" xmlurl="https://b.example/feed"/>
  <outline text="Regional"><outline text="C" xmlUrl="https://c.example/atom"/></outline>
</outline>
<outline text="Repeat" xmlUrl="https://a.example/rss"/>
<outline text="Just a folder"/>
</body></opml>"""


def test_opml_import_reads_nested_outlines_with_folders_as_categories() -> None:
    assert parse_opml(OPML) == [
        OpmlFeed("https://a.example/rss", "Top", "https://a.example/", ""),
        OpmlFeed("https://b.example/feed", "Agency B", "", "Agencies"),
        OpmlFeed("https://c.example/atom", "C", "", "Regional"),
    ]


def test_opml_export_then_import_gives_the_same_feeds() -> None:
    feeds = parse_opml(OPML)
    data = export_opml(feeds, title="tracker", now=datetime(2025, 11, 3, tzinfo=UTC))
    assert data.startswith(b"<?xml") and b'version="2.0"' in data
    assert parse_opml(data) == feeds


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<opml><body><outline", "not valid OPML"),
        (b"<rss version='2.0'><channel/></rss>", "root element is <rss>"),
        (b"<opml version='2.0'><head/></opml>", "no <body>"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
            b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
            b'<opml><body><outline text="&h;" xmlUrl="https://x.example/"/></body></opml>',
            "not valid OPML",
        ),
    ],
)
def test_what_is_not_opml_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        parse_opml(data)
