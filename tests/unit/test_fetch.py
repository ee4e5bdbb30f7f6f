"""The fetcher's HTTP semantics, one function over httpx.MockTransport (no network)."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import Callable

import httpx
import pytest

from tracker.feeds.fetch import (
    Fetched,
    FetchError,
    FetchPolicy,
    Validators,
    fetch_http,
    public_only,
)


def _resp(status: int, body: bytes = b"", **headers: str) -> httpx.Response:
    """A response whose body stays raw (httpx would decode `content=` at once)."""
    names = {k.replace("_", "-"): v for k, v in headers.items()}
    return httpx.Response(status, stream=httpx.ByteStream(body), headers=names)


POLICY = FetchPolicy(
    max_bytes=1000, max_redirects=3, user_agent="tracker-test/1 (+mailto:desk@example.org)"
)
FEED = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


def _get(
    handler: Callable[[httpx.Request], httpx.Response],
    url: str = "https://feeds.example/a",
    validators: Validators | None = None,
) -> Fetched:
    async def go() -> Fetched:
        async with httpx.AsyncClient(
            transport=httpx.MockTransport(handler), headers={"User-Agent": POLICY.user_agent}
        ) as client:
            return await fetch_http(
                client, url, policy=POLICY, validators=validators or Validators()
            )

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("chain", "moved_to"),
    [
        ([301, 308], "https://feeds.example/final"),  # every hop permanent: the feed moved
        ([301, 302], None),  # one temporary hop: keep asking the old URL
        ([307], None),
    ],
)
def test_only_an_all_permanent_redirect_chain_moves_the_feed(
    chain: list[int], moved_to: str | None
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("step", "0"))
        if request.url.path != "/final":
            nxt = "/final" if step == len(chain) - 1 else f"/a?step={step + 1}"
            return httpx.Response(chain[step], headers={"Location": nxt})
        return _resp(200, FEED)

    fetched = _get(handler)
    assert fetched.url == "https://feeds.example/final" and fetched.data == FEED
    assert fetched.moved_to == moved_to


def test_too_many_redirects_is_an_error_naming_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params.get("n", "0"))
        return httpx.Response(302, headers={"Location": f"/a?n={n + 1}"})

    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        _get(handler)


def test_conditional_get_sends_validators_and_304_means_nothing_to_parse() -> None:
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(304)

    fetched = _get(handler, validators=Validators('"v1"', "Mon, 03 Nov 2025 10:00:00 GMT"))
    assert fetched.not_modified and fetched.data == b""
    assert seen[0]["if-none-match"] == '"v1"'
    assert seen[0]["if-modified-since"] == "Mon, 03 Nov 2025 10:00:00 GMT"
    assert seen[0]["user-agent"] == POLICY.user_agent


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(FEED, mtime=0)),
        ("deflate", zlib.compress(FEED)),
        ("deflate", zlib.compress(FEED)[2:-4]),  # raw deflate, as some servers send
        ("identity", FEED),
    ],
)
def test_compressed_bodies_are_decoded(encoding: str, body: bytes) -> None:
    fetched = _get(lambda _r: _resp(200, body, Content_Encoding=encoding))
    assert fetched.data == FEED
    assert fetched.bytes_received == len(body)


@pytest.mark.parametrize(
    ("status", "body", "headers", "reason"),
    [
        (
            200,
            gzip.compress(b"x" * 100_000, mtime=0),
            {"Content_Encoding": "gzip"},
            "over the 1000-byte limit",
        ),
        (200, b"x" * 2000, {}, "over the 1000-byte limit"),
        (200, b"x" * 2000, {"Content_Length": "2000"}, "2000 bytes declared, limit 1000"),
        (200, gzip.compress(FEED, mtime=0)[:20], {"Content_Encoding": "gzip"}, "cut short"),
        (
            200,
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage",
            {"Content_Encoding": "gzip"},
            "bad compressed body",
        ),
        (200, FEED, {"Content_Encoding": "br"}, "unsupported Content-Encoding 'br'"),
        (503, b"", {"Retry_After": "30"}, "HTTP 503 Service Unavailable"),
    ],
)
def test_bad_responses_give_one_line_reasons(
    status: int, body: bytes, headers: dict[str, str], reason: str
) -> None:
    with pytest.raises(FetchError) as info:
        _get(lambda _r: _resp(status, body, **headers))
    assert reason in str(info.value) and "\n" not in str(info.value)


def test_a_rate_limit_error_carries_the_status_and_retry_after() -> None:
    with pytest.raises(FetchError) as info:
        _get(lambda _r: httpx.Response(429, headers={"Retry-After": "120"}))
    assert (info.value.status, info.value.retry_after) == (429, "120")


def test_the_guard_sees_every_hop_and_can_refuse_a_redirect() -> None:
    asked: list[str] = []

    async def guard(url: str) -> None:
        asked.append(url)
        if "internal" in url:
            raise FetchError(f"refused: {url}")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://internal.example/admin"})

    async def go() -> Fetched:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await fetch_http(client, "https://feeds.example/a", policy=POLICY, guard=guard)

    with pytest.raises(FetchError, match=r"refused: http://internal\.example/admin"):
        asyncio.run(go())
    assert asked == ["https://feeds.example/a", "http://internal.example/admin"]


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://127.0.0.1:8080/x", True),
        ("http://localhost/x", True),
        ("http://10.1.2.3/x", True),
        ("http://192.168.0.1/x", True),
        ("http://169.254.169.254/latest/meta-data", True),
        ("http://[::1]/x", True),
        ("http://93.184.216.34/x", False),  # a public address, given as such: no lookup
    ],
)
def test_public_only_refuses_local_and_private_addresses(url: str, refused: bool) -> None:
    if refused:
        with pytest.raises(FetchError, match="private or local address"):
            asyncio.run(public_only(url))
    else:
        asyncio.run(public_only(url))
