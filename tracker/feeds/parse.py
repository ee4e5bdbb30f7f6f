"""Feed bytes -> entries. Knows nothing of URLs or HTTP; feedparser does the parsing.

feedparser is handed bytes (never a URL or path, which it would open itself) and
the response headers, so the fetcher alone decides what goes over the network.
"""

from __future__ import annotations

import calendar
import copy
import functools
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser
import feedparser.mixin
from dateutil import parser as date_parser

from tracker.domain import Entry
from tracker.feeds.identity import canonical_url, distinctive, fingerprint
from tracker.feeds.schedule import feed_hint
from tracker.feeds.sniff import describe
from tracker.moments import check_moment
from tracker.recognize.text import clean_whitespace, html_to_text

# feedparser asks xml.sax for libxml2's driver first, on every parse; it is not
# installed, and the failed import cost ~5% of a small feed's parse. Expat it is.
feedparser.api.PREFERRED_XML_PARSERS = []

# We keep text, not markup: feedparser's HTML sanitiser has nothing to protect.
# (resolve_relative_uris=False would save ~6-9% more, but it changes what we store: the
# resolver re-serialises HTML, and its whitespace and attribute order survive where
# markup is kept; 10 of the 2,149 files of ../shared's feed corpora differ.)
FEEDPARSER_OPTIONS: dict[str, Any] = {"sanitize_html": False}

_safe_absolute_uri = feedparser.mixin.make_safe_absolute_uri


@functools.lru_cache(maxsize=256)
def _remembered_join(base: str, rel: str | None) -> Any:
    return _safe_absolute_uri(base, rel)


def _join_once(base: Any, rel: Any = None) -> Any:
    """feedparser.mixin's make_safe_absolute_uri, remembered. On every start tag
    feedparser joins the document's base URI (the Content-Location we give it) with
    the element's base, which is the same URI unless xml:base says otherwise: ~20% of
    a small feed's parse went into urljoin'ing the base with itself. A pure function of
    two strings, so remembering it changes no result; long strings are not kept."""
    if (
        type(base) is str
        and (rel is None or type(rel) is str)
        and len(base) + len(rel or "") < 2048
    ):
        return _remembered_join(base, rel)
    return _safe_absolute_uri(base, rel)


feedparser.mixin.make_safe_absolute_uri = _join_once

_PLAIN = (str, bytes, int, float, bool, type(None))


class _Copy:
    """feedparser.mixin's `copy` module with a quicker deepcopy. For every title,
    summary and content feedparser deep-copies its small dict of content parameters
    (type, language, base); copy.deepcopy's generic machinery was ~10% of a small
    feed's parse. A FeedParserDict of plain immutable values is copied key by key
    through FeedParserDict's own __setitem__, which is what deepcopy does with it;
    anything else goes to copy.deepcopy."""

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(x: Any, memo: dict[int, Any] | None = None) -> Any:
        plain = type(x) is feedparser.FeedParserDict and not vars(x)
        if plain and all(type(v) in _PLAIN for v in x.values()):
            y = feedparser.FeedParserDict()
            for key, value in x.items():
                y[key] = value
            return y
        return copy.deepcopy(x, memo)


feedparser.mixin.copy = _Copy()


class FeedParseError(Exception):
    """The bytes are not a feed at all (nothing could be read)."""


# Bounds on what one entry may bring in. A real title is under 300 characters and a
# long article under 100,000; anything beyond is cut, with a note in the feed's health.
MAX_TITLE = 2_000
MAX_TEXT = 200_000
MAX_ENTRIES = 10_000  # per document; the rest is dropped, with a note


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


class _Notes:
    """What was cut, dropped or ignored while reading a document, for its health line."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def summary(self) -> str | None:
        if not self.counts:
            return None
        return "; ".join(f"{n} {what}" for what, n in self.counts.items())


def _in_range(value: datetime) -> datetime | None:
    try:
        return check_moment(value)
    except (ValueError, OverflowError):
        return None


def _struct_to_datetime(value: Any) -> datetime | None:
    try:
        return _in_range(datetime.fromtimestamp(calendar.timegm(value), tz=UTC))
    except (TypeError, ValueError, OverflowError):
        return None


def _header(headers: Mapping[str, str] | None, name: str) -> str:
    for key, value in (headers or {}).items():
        if key.lower() == name:
            return value
    return ""


def _get(raw: Mapping[str, Any], key: str) -> Any:
    """dict.get: feedparser's own get() maps updated to published, with a warning."""
    return dict.get(raw, key) if isinstance(raw, dict) else raw.get(key)


def _entry_datetime(raw: Mapping[str, Any], notes: _Notes) -> datetime | None:
    """The entry's date, or None (the caller falls back to the fetch time); a date
    outside the years 1900 to 2200 is no date, and is noted."""
    impossible = False
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = _get(raw, key)
        if value:
            parsed = _struct_to_datetime(value)
            if parsed is not None:
                return parsed
            impossible = True
    for key in ("published", "updated", "created"):
        text = _get(raw, key)
        if isinstance(text, str) and text.strip():
            try:
                moment = date_parser.parse(text[:200], fuzzy=False)
            except (ValueError, OverflowError):
                continue
            checked = _in_range(moment)
            if checked is not None:
                return checked
            impossible = True
    if impossible:
        notes.add("entry date(s) out of range (used the time fetched)")
    return None


def _entry_text(raw: Mapping[str, Any], notes: _Notes) -> str:
    """The longest of content and summary, as plain text with paragraph breaks."""
    candidates: list[str] = []
    contents = raw.get("content")
    for content in contents if isinstance(contents, list) else []:
        value = content.get("value") if isinstance(content, Mapping) else None
        if isinstance(value, str):
            candidates.append(value)
    summary = raw.get("summary")
    if isinstance(summary, str):
        candidates.append(summary)
    if not candidates:
        return ""
    best = max(candidates, key=len)
    if len(best) > 4 * MAX_TEXT:  # markup beyond this cannot shrink to MAX_TEXT of text
        best = best[: 4 * MAX_TEXT]
    return _cut(html_to_text(best).strip(), MAX_TEXT, "entry text(s) cut", notes)


def _cut(text: str, limit: int, note: str, notes: _Notes) -> str:
    if len(text) <= limit:
        return text
    notes.add(f"{note} at {limit:,} characters")
    return text[:limit]


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


def _field(value: Any) -> str:
    """A scalar field as text; anything else (a list, an object) is no value at all.
    Never str() of a container: a deeply nested one would overflow the stack."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _title(value: Any, notes: _Notes) -> str:
    text = _field(value)
    if len(text) > 4 * MAX_TITLE:
        text = text[: 4 * MAX_TITLE]
    return _cut(clean_whitespace(html_to_text(text)), MAX_TITLE, "entry title(s) cut", notes)


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
    notes = _Notes()
    document = _json_feed(data, notes) or _xml_feed(data, headers, base_url)
    head, problem, version = document.feed, document.problem, document.version
    if not document.entries and not version:
        if not data.strip():
            raise FeedParseError("empty response: no feed")
        kind = describe(data, _header(headers, "content-type"), base_url)
        if kind is not None:
            raise FeedParseError(f"not a feed: {kind}")
        if problem or not head:
            raise FeedParseError(problem or "not a feed: no RSS, RDF, Atom or JSON Feed found")
    entries: list[ParsedEntry] = []
    skipped: list[str] = []
    if len(document.entries) > MAX_ENTRIES:
        notes.add(f"entries dropped beyond the first {MAX_ENTRIES:,}")
    for raw in document.entries[:MAX_ENTRIES]:
        title = _title(raw.get("title"), notes)
        text = _entry_text(raw, notes)
        link = _field(raw.get("link"))[:2000]
        guid = _field(raw.get("id") or raw.get("guid"))[:2000]
        if not (title or text):
            skipped.append(guid or link or "entry without title or text")
            continue
        published = _entry_datetime(raw, notes)
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
    noted = notes.summary()
    return ParsedFeed(
        title=clean_whitespace(_field(head.get("title"))[:MAX_TITLE]),
        entries=entries,
        problem="; ".join(p for p in (problem, noted) if p) or None,
        skipped=skipped,
        hint=feed_hint(head),
        site_url=_field(head.get("link"))[:2000],
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
            io.BytesIO(data), response_headers=response_headers, **FEEDPARSER_OPTIONS
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


def _json_feed(data: bytes, notes: _Notes) -> _Document | None:
    """A JSON Feed (jsonfeed.org, 1.0 and 1.1) in feedparser's vocabulary, else None.

    Every field is checked for its type: an item that is not an object is skipped, a
    field of the wrong type counts as absent; both are noted.
    """
    if data.lstrip()[:1] != b"{":
        return None
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    except RecursionError:
        raise FeedParseError("not a feed: JSON nested too deeply to read") from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in _field(doc.get("version")):
        return None
    items = doc.get("items")
    if items is not None and not isinstance(items, list):
        notes.add("JSON Feed 'items' not a list (no entries read)")
        items = []
    entries = []
    for item in items or []:
        if not isinstance(item, dict):
            notes.add("JSON Feed item(s) not an object (skipped)")
            continue
        fields = {
            key: item.get(key)
            for key in (
                "id",
                "url",
                "external_url",
                "title",
                "content_html",
                "content_text",
                "summary",
                "date_published",
                "date_modified",
            )
        }
        for key, value in fields.items():
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, str | int | float)
            ):
                notes.add(f"JSON Feed item field(s) '{key}' of the wrong type (ignored)")
        text = {k: _field(v) for k, v in fields.items()}
        entries.append(
            {
                "id": text["id"],
                "link": text["url"] or text["external_url"],
                "title": text["title"],
                "summary": text["content_html"] or text["content_text"] or text["summary"],
                "published": text["date_published"],
                "updated": text["date_modified"],
            }
        )
    feed = {"title": _field(doc.get("title")), "link": _field(doc.get("home_page_url"))}
    return _Document(feed, entries, "json1", None)
