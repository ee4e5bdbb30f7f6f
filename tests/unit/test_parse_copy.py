"""parse.py gives feedparser a quicker deepcopy for its content parameters (a small dict
of plain values per title, summary and content); feedparser's whole result must be what
it is with the copy module feedparser ships with."""

from __future__ import annotations

import copy
import io
from typing import Any

import feedparser
import feedparser.mixin
import pytest

from tracker.feeds import parse

ATOM = "http://www.w3.org/2005/Atom"
DOCUMENTS = [
    (  # RSS: plain-text title, HTML description, a language, a feed-level image
        '<rss version="2.0"><channel><title>W</title><language>fr</language>'
        "<image><title>logo</title><url>http://x.example/l.png</url></image>"
        "<item><title>Lavrov &amp; envoys</title><description>&lt;p&gt;He met"
        " them.&lt;/p&gt;</description></item></channel></rss>"
    ),
    (  # Atom: typed title, xhtml content, html summary, xml:base and xml:lang
        f'<feed xmlns="{ATOM}" xml:base="http://x.example/" xml:lang="de">'
        '<title type="html">&lt;b&gt;W&lt;/b&gt;</title><entry><title type="text">T</title>'
        '<summary type="html">&lt;a href="a"&gt;s&lt;/a&gt;</summary>'
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>c</p></div>'
        "</content></entry></feed>"
    ),
    (  # base64 content and a source element
        f'<feed xmlns="{ATOM}"><entry><title>T</title>'
        '<content type="text/plain" mode="base64">SGVsbG8=</content>'
        f"<source><title>S</title><id>urn:s</id></source></entry></feed>"
    ),
]


def _parsed(document: str) -> dict[str, Any]:
    result = feedparser.parse(io.BytesIO(document.encode()), **parse.FEEDPARSER_OPTIONS)
    result["bozo_exception"] = repr(result.get("bozo_exception"))  # compared by identity
    return dict(result)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_feedparser_reads_a_document_as_with_its_own_deepcopy(
    document: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = _parsed(document)
    monkeypatch.setattr(feedparser.mixin, "copy", copy)
    shipped = _parsed(document)

    assert quick == shipped
    assert quick["entries"]  # the documents were read


def test_the_quick_deepcopy_returns_a_new_dict_with_feedparsers_keys() -> None:
    params = feedparser.FeedParserDict(type="text/html", language=None, base="", base64=False)
    copied = parse._Copy.deepcopy(params)

    assert copied == params and copied is not params
    assert type(copied) is feedparser.FeedParserDict
    nested = feedparser.FeedParserDict(value=[1, [2]])
    assert parse._Copy.deepcopy(nested)["value"][1] is not nested["value"][1]  # deep, as copy
