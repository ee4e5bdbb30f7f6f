"""OPML, the feed readers' exchange format: bytes -> feed list, feed list -> bytes.

Import reads every <outline> with an xmlUrl, at any depth; the text of an enclosing
outline without xmlUrl is the feed's category. Export writes OPML 2.0 with one
folder outline per category. Pure: no files, no network.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime


class OpmlError(Exception):
    """Not an OPML document; str() is a one-line reason."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str = ""
    site_url: str = ""
    category: str = ""


def _attr(node: ET.Element, name: str) -> str:
    for key, value in node.attrib.items():
        if key.lower() == name.lower():
            return value.strip()
    return ""


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds in an OPML document, in document order, without repeats."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not valid OPML: {exc}") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not OPML: the root element is <{root.tag}>")
    body = next((c for c in root if c.tag.lower() == "body"), None)
    if body is None:
        raise OpmlError("not OPML: no <body>")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()

    def walk(node: ET.Element, category: str) -> None:
        for child in node:
            if child.tag.lower() != "outline":
                continue
            url = _attr(child, "xmlUrl")
            label = _attr(child, "title") or _attr(child, "text")
            if url:
                if url not in seen:
                    seen.add(url)
                    feeds.append(OpmlFeed(url, label, _attr(child, "htmlUrl"), category))
                walk(child, category)
            else:
                walk(child, label or category)

    walk(body, "")
    return feeds


def export_opml(feeds: list[OpmlFeed], *, title: str, now: datetime) -> bytes:
    """OPML 2.0: uncategorised feeds first, then one folder outline per category."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in sorted(feeds, key=lambda f: bool(f.category)):  # stable: order kept
        parent = body
        if feed.category:
            if feed.category not in folders:
                folders[feed.category] = ET.SubElement(
                    body, "outline", text=feed.category, title=feed.category
                )
            parent = folders[feed.category]
        attrs = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url}
        attrs["xmlUrl"] = feed.url
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
