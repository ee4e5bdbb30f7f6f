"""One story, one entry: canonical URLs, fingerprints and the dedup rules."""

from __future__ import annotations

import random
import string

import pytest

from tests.helpers import SHARED
from tracker.feeds.identity import (
    _NOT_WORD,
    Deduper,
    Known,
    Verdict,
    canonical_url,
    distinctive,
    fingerprint,
    normalized,
)

FEED_CORPORA = SHARED / "corpora"

BODY = (
    "Russian Foreign Minister Sergey Lavrov held talks in Moscow on Monday with his "
    "North Korean counterpart Choe Son Hui, the ministry said in a statement."
)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://news.example/a?utm_source=rss&utm_medium=feed", "https://news.example/a"),
        ("https://news.example/a?id=7&utm_campaign=x&fbclid=abc", "https://news.example/a?id=7"),
        ("HTTPS://News.Example:443/a#comments", "https://news.example/a"),
        ("http://news.example:8080/a", "http://news.example:8080/a"),
        ("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"),
        ("https://news.example", "https://news.example/"),
        ("https://news.example/A/Path", "https://news.example/A/Path"),  # paths keep case
        ("tag:news.example,2025:42", "tag:news.example,2025:42"),
        ("  ", ""),
    ],
)
def test_canonical_url_drops_what_does_not_change_the_document(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_fingerprints_ignore_case_spacing_and_punctuation() -> None:
    assert fingerprint("Lavrov meets Choe", BODY) == fingerprint(
        "LAVROV MEETS CHOE!", "  " + BODY.upper()
    )
    assert fingerprint("Lavrov meets Choe", BODY) != fingerprint(
        "Lavrov meets Choe", BODY + " More."
    )


def _by_regex(text: str) -> str:
    """The general path's folding, which the ASCII fast path must equal."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def test_ascii_folding_equals_the_regex_for_every_character_and_mixes_of_them() -> None:
    alphabet = "".join(map(chr, range(128)))
    cases = [alphabet, *alphabet, "", "  ", "_a_", "a__b", "x\x1c\x1fy", "Lavrov's talks!"]
    rng = random.Random(7)
    cases += ["".join(rng.choices(alphabet + string.ascii_letters * 3, k=80)) for _ in range(500)]
    for text in cases:
        assert normalized(text) == _by_regex(text), repr(text)


def test_ascii_folding_equals_the_regex_on_the_feed_corpora() -> None:
    files = sorted(FEED_CORPORA.glob("*feed*/**/*.xml")) if FEED_CORPORA.exists() else []
    if not files:
        pytest.skip("../shared/corpora not here")
    texts = [f.read_bytes().decode("utf-8", "replace") for f in files]
    ascii_texts = [t for t in texts if t.isascii()]
    assert ascii_texts
    for text in ascii_texts:
        assert normalized(text) == _by_regex(text)


def test_short_content_is_not_distinctive_enough_to_merge_stories() -> None:
    assert distinctive("Lavrov meets Choe", BODY)
    assert not distinctive("Briefing", "Photos of the day.")


STORED = Known(
    1,
    "key-1",
    "https://news.example/a",
    fingerprint("Lavrov meets Choe", BODY),
    "Lavrov meets Choe",
    BODY,
    10,
)


def _judge(**kwargs: object) -> Verdict:
    args: dict[str, object] = {
        "key": "key-2",
        "url": "",
        "title": "Lavrov meets Choe",
        "print_": fingerprint("Other", "other text"),
        "is_distinctive": True,
        "feed_id": 10,
    }
    args.update(kwargs)
    return Deduper([STORED]).judge(**args)[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "kwargs", "verdict"),
    [
        (
            "same key, same content",
            {"key": "key-1", "print_": STORED.fingerprint},
            Verdict.DUPLICATE,
        ),
        ("same key, same feed, new text: an update", {"key": "key-1"}, Verdict.UPDATED),
        (
            "same key, other feed, other text: not an update",
            {"key": "key-1", "feed_id": 11},
            Verdict.DUPLICATE,
        ),
        (
            "same canonical URL and title, other feed",
            {"url": STORED.canonical_url, "feed_id": 11},
            Verdict.DUPLICATE,
        ),
        (
            "same URL, other title: a live blog's next post",
            {"url": STORED.canonical_url, "title": "Update 2"},
            Verdict.NEW,
        ),
        ("same URL, empty title", {"url": STORED.canonical_url, "title": ""}, Verdict.NEW),
        (
            "same distinctive content under another URL",
            {"url": "https://mirror.example/x", "print_": STORED.fingerprint},
            Verdict.DUPLICATE,
        ),
        (
            "same content, but not distinctive",
            {"print_": STORED.fingerprint, "is_distinctive": False},
            Verdict.NEW,
        ),
        ("nothing in common", {"url": "https://news.example/b"}, Verdict.NEW),
    ],
)
def test_dedup_rules(case: str, kwargs: dict[str, object], verdict: Verdict) -> None:
    assert _judge(**kwargs) is verdict


def test_an_entry_remembered_in_a_batch_catches_its_repeat() -> None:
    dedupe = Deduper([])
    assert (
        dedupe.judge(
            key="k",
            url="https://a.example/1",
            title="T",
            print_="p",
            is_distinctive=False,
            feed_id=1,
        )[0]
        is Verdict.NEW
    )
    dedupe.remember(Known(5, "k", "https://a.example/1", "p", "T", "", 1))
    assert (
        dedupe.judge(
            key="k2",
            url="https://a.example/1",
            title="T",
            print_="q",
            is_distinctive=False,
            feed_id=2,
        )[0]
        is Verdict.DUPLICATE
    )
