"""Finding the feeds a web page advertises: <link rel="alternate" type="application/rss+xml">.

Pure: HTML bytes and the page's URL in, absolute feed URLs out (in page order, no repeats).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

FEED_TYPES = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/rdf+xml": "RDF",
    "application/feed+json": "JSON Feed",
    "application/json": "JSON Feed",
    "text/xml": "XML",
    "application/xml": "XML",
}


@dataclass(frozen=True)
class FoundFeed:
    url: str
    title: str
    kind: str


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base = ""
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "base" and values.get("href") and not self.base:
            self.base = values["href"]
        elif tag in {"link", "a"}:
            self.links.append(values)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _decode(html: bytes) -> str:
    """UTF-8 when it is; else Latin-1, which keeps every ASCII URL intact."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("latin-1")


def discover_feeds(html: bytes, page_url: str) -> list[FoundFeed]:
    """Feeds the page links with rel="alternate" (and a feed type), as absolute URLs."""
    collector = _LinkCollector()
    collector.feed(_decode(html))
    collector.close()
    base = urljoin(page_url, collector.base) if collector.base else page_url
    found: list[FoundFeed] = []
    seen: set[str] = set()
    for link in collector.links:
        rels = link.get("rel", "").lower().split()
        kind = FEED_TYPES.get(link.get("type", "").lower().split(";")[0].strip())
        href = link.get("href", "")
        if "alternate" not in rels or kind is None or not href:
            continue
        url = urljoin(base, href)
        if url.split("://", 1)[0].lower() not in {"http", "https"} or url in seen:
            continue
        seen.add(url)
        found.append(FoundFeed(url=url, title=link.get("title", ""), kind=kind))
    return found
