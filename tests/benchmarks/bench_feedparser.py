"""feedparser's per-call costs on 3-entry feeds: ways parse.py could call it, side by side.

Each candidate parses the same 300 documents (made as the feed server of bench_polling
and bench_cores makes them) with a Content-Location naming its feed, as parse_feed
passes the feed's URL:

- "parse.py's call": io.BytesIO, the response headers, FEEDPARSER_OPTIONS, feedparser's
  base joins remembered (parse._join_once) and its content parameters copied by hand
  (parse._Copy): what the workers run;
- "feedparser's own join" and "feedparser's own deepcopy": the same call with
  feedparser.mixin's make_safe_absolute_uri, or its copy module, as feedparser ships
  them (what parse.py did before);
- "resolve_relative_uris=False": not taken, it changes stored text (docs/performance.md);
- "no Content-Location": not taken, relative links would stay relative; shows what
  the base costs;
- "bytes, not BytesIO": not taken (feedparser may read a string as a URL or path).
"""

from __future__ import annotations

import copy
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
def _shipped(join: bool, deepcopy: bool) -> Iterator[None]:
    """feedparser.mixin's join and copy as feedparser ships them, where asked."""
    mixin: Any = feedparser.mixin
    mine = mixin.make_safe_absolute_uri, mixin.copy
    if join:
        mixin.make_safe_absolute_uri = parse._safe_absolute_uri
    if deepcopy:
        mixin.copy = copy
    try:
        yield
    finally:
        mixin.make_safe_absolute_uri, mixin.copy = mine


def main() -> None:
    rng = random.Random(4)
    documents = [
        (feed_body(n, rng), f"http://127.0.0.{n % HOSTS + 1}:8080/feed{n}.xml")
        for n in range(DOCUMENTS)
    ]

    def call(
        wrap: Callable[[bytes], Any] = io.BytesIO,
        base: bool = True,
        own_join: bool = False,
        own_deepcopy: bool = False,
        **options: Any,
    ) -> Callable[[], None]:
        def run() -> None:
            with _shipped(own_join, own_deepcopy):
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
            "feedparser's own join": call(own_join=True),
            "feedparser's own deepcopy": call(own_deepcopy=True),
            "both as feedparser ships them": call(own_join=True, own_deepcopy=True),
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
