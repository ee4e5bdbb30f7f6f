"""Feed bytes -> entries. Knows nothing of URLs or HTTP; feedparser does the parsing.

feedparser is handed bytes (never a URL or path, which it would open itself) and
the response headers, so the fetcher alone decides what goes over the network.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
from dateutil import parser as date_parser

from tracker.domain import Entry
from tracker.feeds.identity import canonical_url, distinctive, fingerprint
from tracker.feeds.schedule import feed_hint
from tracker.recognize.text import clean_whitespace, html_to_text


class FeedParseError(Exception):
    """The bytes are not a feed at all (nothing could be read)."""


@dataclass(frozen=True)
class ParsedEntry:
    entry: Entry
    key: str  # stable identity: guid, else link, else a hash of title and date
    dated: bool  # False when the feed gave no usable date and we fell back
    canonical_url: str = ""  # the link without tracking parameters (see identity.py)
    fingerprint: str = ""  # hash of the normalised title and text as the feed gave them
    distinctive: bool = False  # enough text for the fingerprint to identify the story


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[ParsedEntry]
    problem: str | None = None  # feedparser's complaint for a malformed ("bozo") feed
    skipped: list[str] = field(default_factory=list)
    hint: timedelta | None = None  # the feed's own poll interval (<ttl>, sy:updatePeriod)
    site_url: str = ""
    version: str = ""  # feedparser's name for the format ("rss20", "atom10"); "" = not a feed


def _struct_to_datetime(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_datetime(raw: Mapping[str, Any]) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if raw.get(key):
            parsed = _struct_to_datetime(raw[key])
            if parsed is not None:
                return parsed
    for key in ("published", "updated", "created"):
        text = raw.get(key)
        if isinstance(text, str) and text.strip():
            try:
                parsed = date_parser.parse(text, fuzzy=False)
            except (ValueError, OverflowError):
                continue
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return None


def _entry_text(raw: Mapping[str, Any]) -> str:
    """The longest of content and summary, as plain text with paragraph breaks."""
    candidates: list[str] = []
    for content in raw.get("content") or []:
        value = content.get("value") if isinstance(content, Mapping) else None
        if isinstance(value, str):
            candidates.append(value)
    summary = raw.get("summary")
    if isinstance(summary, str):
        candidates.append(summary)
    if not candidates:
        return ""
    best = max(candidates, key=len)
    return html_to_text(best).strip()


def unique_guid(guid: str) -> bool:
    """A guid that names the entry worldwide (a URL, tag:, urn:, a UUID), not just
    within its feed like "12345", which another publisher may use too."""
    return ":" in guid or len(guid) >= 32


def entry_key(
    guid: str,
    link: str,
    title: str,
    published: datetime | None,
    text: str = "",
    scope: str = "",
) -> str:
    """guid, else link, else title and date; for an entry with none of these, its text.
    A guid that is unique only within its feed is qualified by `scope` (the feed)."""
    if guid and not unique_guid(guid):
        guid = f"{scope}|{guid}"
    basis = guid or link or f"{title}|{published.isoformat() if published else ''}"
    if not (guid or link or title or published):
        basis = "text|" + text
    return hashlib.sha256(basis.strip().encode("utf-8")).hexdigest()[:32]


def parse_feed(
    data: bytes,
    *,
    fallback_time: datetime,
    headers: Mapping[str, str] | None = None,
    base_url: str = "",
    scope: str = "",
) -> ParsedFeed:
    """Parse feed bytes; a malformed feed still yields whatever entries can be read.

    Entries without a usable date get `fallback_time` (the time we first saw them).
    `scope` names the feed, for entry keys from guids that are unique only within it.
    """
    document = _json_feed(data) or _xml_feed(data, headers, base_url)
    head, problem, version = document.feed, document.problem, document.version
    if not document.entries and not version and (problem or not head):
        if not data.strip():
            raise FeedParseError("empty response: no feed")
        raise FeedParseError(problem or "not a feed: no RSS, RDF, Atom or JSON Feed found")
    entries: list[ParsedEntry] = []
    skipped: list[str] = []
    for raw in document.entries:
        title = clean_whitespace(html_to_text(str(raw.get("title") or "")))
        text = _entry_text(raw)
        link = str(raw.get("link") or "").strip()
        guid = str(raw.get("id") or raw.get("guid") or "").strip()
        if not (title or text):
            skipped.append(guid or link or "entry without title or text")
            continue
        published = _entry_datetime(raw)
        canonical = canonical_url(link) or canonical_url(guid if "://" in guid else "")
        entries.append(
            ParsedEntry(
                entry=Entry(
                    title=title,
                    text=text,
                    published=published or fallback_time,
                    url=link,
                    guid=guid,
                ),
                key=entry_key(guid, link, title, published, text, scope),
                dated=published is not None,
                canonical_url=canonical[:2000],
                fingerprint=fingerprint(title, text),
                distinctive=distinctive(title, text),
            )
        )
    return ParsedFeed(
        title=clean_whitespace(str(head.get("title") or "")),
        entries=entries,
        problem=problem,
        skipped=skipped,
        hint=feed_hint(head),
        site_url=str(head.get("link") or "").strip()[:2000],
        version=version,
    )


@dataclass(frozen=True)
class _Document:
    """What a parser found, in feedparser's vocabulary."""

    feed: Mapping[str, Any]
    entries: Sequence[Mapping[str, Any]]
    version: str
    problem: str | None


def _xml_feed(data: bytes, headers: Mapping[str, str] | None, base_url: str) -> _Document:
    response_headers = dict(headers or {})
    if base_url:
        response_headers.setdefault("content-location", base_url)
    try:
        parsed = feedparser.parse(
            io.BytesIO(data), response_headers=response_headers, sanitize_html=False
        )
    except Exception as exc:  # feedparser is defensive, but do not let a feed crash us
        raise FeedParseError(f"unparseable: {type(exc).__name__}: {exc}") from None
    problem: str | None = None
    reason = parsed.get("bozo_exception")
    # A missing or non-XML Content-Type is the server's sloppiness, not the feed's:
    # feedparser reads the document all the same, so it is not reported.
    if parsed.get("bozo") and not isinstance(reason, feedparser.NonXMLContentType):
        problem = f"malformed feed: {clean_whitespace(str(reason))[:200]}" if reason else None
        problem = problem or "malformed feed"
    return _Document(
        parsed.feed or {}, list(parsed.entries), str(parsed.get("version") or ""), problem
    )


def _json_feed(data: bytes) -> _Document | None:
    """A JSON Feed (jsonfeed.org, 1.0 and 1.1) in feedparser's vocabulary, else None."""
    if data.lstrip()[:1] != b"{":
        return None
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        return None
    entries = []
    for item in doc.get("items") or []:
        if not isinstance(item, dict):
            continue
        body = item.get("content_html") or item.get("content_text") or item.get("summary")
        entries.append(
            {
                "id": str(item.get("id") or ""),
                "link": str(item.get("url") or item.get("external_url") or ""),
                "title": str(item.get("title") or ""),
                "summary": str(body or ""),
                "published": str(item.get("date_published") or ""),
                "updated": str(item.get("date_modified") or ""),
            }
        )
    feed = {"title": str(doc.get("title") or ""), "link": str(doc.get("home_page_url") or "")}
    return _Document(feed, entries, "json1", None)
