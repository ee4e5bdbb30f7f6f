"""When two entries are the same story: canonical URLs, normalised titles, content fingerprints.

Pure functions over strings. The rules, in the order the ingest applies them:

1. The same entry key (the feed's guid, else its link) is the same entry. If its
   content fingerprint changed, the story was updated: the stored text is replaced
   and recognised again, and findings already stored are kept (never doubled).
2. The same canonical URL (tracking parameters, fragment, default port and case of
   scheme and host removed) with the same normalised, non-empty title is the same
   story, arriving from another feed or with other tracking parameters. A shared URL
   alone is not enough: live blogs publish many entries under one URL.
3. The same content fingerprint (normalised title and text, when there are at least
   120 characters of them, enough to be distinctive) is the same story syndicated
   under another URL.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only say where a click came from (Miniflux, ClearURLs and the
# like strip the same ones). A parameter is dropped when its name is one of these or
# starts with one of the prefixes.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_")
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "vero_id", "wickedid", "_ga", "_gl", "sr_share", "at_medium",
        "at_campaign", "ref_src",
    }
)  # fmt: skip
MIN_FINGERPRINT_CHARS = 120  # shorter content is not distinctive enough to merge on


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The URL with what does not change the document removed; '' for no URL.

    Lower-cases scheme and host, drops the default port, the fragment, tracking
    parameters and an empty query, and sorts the remaining parameters.
    """
    text = url.strip()
    if not text:
        return ""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        return text  # a guid such as "tag:example.org,2025:1" or a bare id
    host = (parts.hostname or "").lower()
    if port is not None and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = ""
    if parts.query:  # most links have none: parsing and encoding nothing costs a third
        params = parse_qsl(parts.query, keep_blank_values=True)
        query = urlencode(sorted((k, v) for k, v in params if not _is_tracking(k)))
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_COMBINING = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c)))
    + "]"
)


# For ASCII text, what _NOT_WORD does in one C pass: letters (lower case once folded) and
# digits stay, every other byte becomes a space, and split() then join() collapses the
# runs. The regex's substitutions were ~60 us of a typical 800-character entry, a sixth
# of parse_feed's own work on top of feedparser's (tests/unit/test_feed_identity.py
# checks both ways agree).
_ASCII_WORD = bytes(c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256))


def normalized(text: str) -> str:
    """Case, accents, punctuation and spacing folded away: 'Lavrov’s talks!' -> 'lavrov s talks'."""
    folded = text.casefold()
    if folded.isascii():
        return b" ".join(folded.encode("ascii").translate(_ASCII_WORD).split()).decode("ascii")
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    return _NOT_WORD.sub(" ", folded).strip()


def fingerprint(title: str, text: str) -> str:
    """A hash of the normalised title and text: equal for the same content."""
    body = normalized(f"{title} {text}")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def distinctive(title: str, text: str) -> bool:
    """Enough content that an equal fingerprint under another URL means the same story."""
    return len(title) + len(text) >= MIN_FINGERPRINT_CHARS


@dataclass(frozen=True)
class Known:
    """A stored entry, as much of it as telling stories apart needs."""

    id: int
    key: str
    canonical_url: str
    fingerprint: str
    title: str
    text: str
    feed_id: int | None


class Verdict(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"  # the same story, already stored: never counted twice
    UPDATED = "updated"  # the same entry of the same feed with changed content


class Deduper:
    """Applies the rules of this module to a batch, against stored entries and the
    batch's own earlier entries (`remember` each one stored)."""

    def __init__(self, known: Iterable[Known]) -> None:
        self._by_key: dict[str, Known] = {}
        self._by_url: dict[str, list[Known]] = {}
        self._by_fingerprint: dict[str, Known] = {}
        for item in known:
            self.remember(item)

    def remember(self, item: Known) -> None:
        self._by_key.setdefault(item.key, item)
        if item.canonical_url:
            self._by_url.setdefault(item.canonical_url, []).append(item)
        print_ = item.fingerprint or fingerprint(item.title, item.text)
        if distinctive(item.title, item.text):
            self._by_fingerprint.setdefault(print_, item)

    def judge(
        self,
        *,
        key: str,
        url: str,
        title: str,
        print_: str,
        is_distinctive: bool,
        feed_id: int | None,
    ) -> tuple[Verdict, Known | None]:
        same = self._by_key.get(key)
        if same is not None:
            stored = same.fingerprint or fingerprint(same.title, same.text)
            if stored != print_ and same.feed_id == feed_id:
                return Verdict.UPDATED, same
            return Verdict.DUPLICATE, same
        others = self._by_url.get(url, []) if url else []
        folded = normalized(title) if others else ""  # folded only when there is a match
        if folded:
            for other in others:
                if normalized(other.title) == folded:
                    return Verdict.DUPLICATE, other
        if is_distinctive and print_ in self._by_fingerprint:
            return Verdict.DUPLICATE, self._by_fingerprint[print_]
        return Verdict.NEW, None
