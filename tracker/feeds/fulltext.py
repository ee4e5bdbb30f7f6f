"""The main text of an article page, for feeds that give only a teaser.

Extraction is trafilatura's (the reference for main-text extraction), an optional
dependency: `pip install 'tracker[fulltext]'`. Pure apart from that library: HTML
bytes in, text out; fetching the page is the fetcher's job, under the same limits.
"""

from __future__ import annotations

import importlib.util

from tracker.recognize.text import clean_whitespace

MIN_CHARS = 200  # shorter extractions are navigation or paywall stubs, not the article


class FulltextUnavailable(Exception):
    """trafilatura is not installed."""


def available() -> bool:
    return importlib.util.find_spec("trafilatura") is not None


def extract_text(html: bytes, url: str) -> str | None:
    """The article's main text with paragraph breaks, or None when there is none."""
    try:
        import trafilatura
    except ImportError:
        raise FulltextUnavailable(
            "full text needs trafilatura: pip install 'tracker[fulltext]'"
        ) from None
    text = trafilatura.extract(
        html,
        url=url or None,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=True,
    )
    if not text:
        return None
    paragraphs = [clean_whitespace(p) for p in text.split("\n")]
    joined = "\n\n".join(p for p in paragraphs if p)
    return joined if len(joined) >= MIN_CHARS else None
