"""What a document that is not a feed looks like, so the error can say so.

A web page configured as a feed, an OPML list given to `import`, a CSV export: each
gets a message naming what it is and what to do instead ("a web page, not a feed; it
links the feed https://...: use that URL"), not a parser's "syntax error at 2:0".
Pure: bytes, the Content-Type and the URL in, a phrase out (None: it may be a feed).
"""

from __future__ import annotations

import json

from tracker.feeds.discover import discover_feeds

_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF8", "an image (GIF)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
]


def describe(data: bytes, content_type: str = "", url: str = "") -> str | None:
    """What the bytes are when they are plainly not RSS, RDF, Atom or JSON Feed."""
    body = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body:
        return None
    for magic, what in _MAGIC:
        if body.startswith(magic):
            return what
    head = body[:4096].lower()
    if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")):
        return None  # a feed, however broken: the parser's complaint says more
    if b"<opml" in head:
        return (
            "an OPML subscription list, not a feed (to follow its feeds: tracker feeds import FILE)"
        )
    kind = content_type.split(";")[0].strip().lower()
    if b"<html" in head or b"<!doctype html" in head or kind == "text/html":
        return _page(body, url)
    if head[:1] in (b"{", b"["):
        try:
            json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        return "a JSON document, but not a JSON Feed (no jsonfeed.org version)"
    if head.startswith(b"<"):
        return "an XML document, but not RSS, RDF or Atom"
    first = head.split(b"\n", 1)[0]
    if first.count(b",") >= 2 or first.count(b";") >= 2 or first.count(b"\t") >= 2:
        return "a CSV or tab-separated file"
    return "plain text"


def _page(html: bytes, url: str) -> str:
    links = discover_feeds(html, url if "://" in url else "")
    if not links:
        return "a web page (HTML), not a feed, and it links no feed"
    more = f" (and {len(links) - 1} more)" if len(links) > 1 else ""
    return f"a web page (HTML), not a feed; it links the feed {links[0].url}{more}: use that URL"
