"""feedparser's per-call costs on 3-entry feeds: ways parse.py could call it, side by side.

Each candidate parses the same 300 documents (made as the feed server of bench_polling
and bench_cores makes them) with a Content-Location naming its feed, as parse_feed
passes the feed's URL:

- "parse.py's call": io.BytesIO, the response headers, FEEDPARSER_OPTIONS, and
  feedparser's base joins remembered (parse._join_once): what the workers run;
- "feedparser's own join": the same call with feedparser.mixin's make_safe_absolute_uri
  as feedparser ships it (what parse.py did before);
- "resolve_relative_uris=False": not taken, it changes stored text (docs/performance.md);
- "no Content-Location": not taken, relative links would stay relative; shows what
  the base costs;
- "bytes, not BytesIO": not taken (feedparser may read a string as a URL or path).
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import feedparser
import feedparser.mixin

from tests.benchmarks.bench_polling import HOSTS, feed_body
from tests.benchmarks.timing import compare, report
from tracker.feeds import parse

DOCUMENTS = 300
HEADERS = {"content-type": "application/rss+xml; charset=utf-8", "etag": '"v1"'}


@contextmanager
def _join(fn: Callable[..., Any]) -> Iterator[None]:
    feedparser.mixin.make_safe_absolute_uri = fn
    try:
        yield
    finally:
        feedparser.mixin.make_safe_absolute_uri = parse._join_once


def main() -> None:
    rng = random.Random(4)
    documents = [
        (feed_body(n, rng), f"http://127.0.0.{n % HOSTS + 1}:8080/feed{n}.xml")
        for n in range(DOCUMENTS)
    ]

    def call(
        wrap: Callable[[bytes], Any] = io.BytesIO,
        base: bool = True,
        join: Callable[..., Any] = parse._join_once,
        **options: Any,
    ) -> Callable[[], None]:
        def run() -> None:
            with _join(join):
                for data, url in documents:
                    headers = {**HEADERS, "content-location": url} if base else HEADERS
                    feedparser.parse(
                        wrap(data),
                        response_headers=headers,
                        **{**parse.FEEDPARSER_OPTIONS, **options},
                    )

        return run

    medians = compare(
        {
            "parse.py's call": call(),
            "feedparser's own join": call(join=parse._safe_absolute_uri),
            "resolve_relative_uris=False": call(resolve_relative_uris=False),
            "no Content-Location": call(base=False),
            "bytes, not BytesIO": call(wrap=bytes),
        },
        rounds=11,
        warmup=1,
    )
    print(f"  {DOCUMENTS} documents of 3 entries (3.8 KiB), per candidate and round")
    report(medians, "parse.py's call")
    for name, seconds in medians.items():
        print(f"  {name}: {1000 * seconds / DOCUMENTS:.2f} ms per feed")


if __name__ == "__main__":
    main()
