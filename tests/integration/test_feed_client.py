"""The fetcher's own way of sending a GET (FeedClient.get_feed) sends what httpx's
AsyncClient.send would: the same headers, conditional validators, and cookies kept
from one response for the next request. Both against a real server on loopback."""

from __future__ import annotations

import asyncio

import httpx

from tests.feedserver import FeedServer, Request, Route
from tracker.feeds.fetch import FeedClient, FetchPolicy, Validators, fetch_http, make_client

BODY = b"<rss><channel><title>t</title><item><title>a</title></item></channel></rss>"
POLICY = FetchPolicy(connect_timeout=2, read_timeout=2, total_timeout=5)


def _feed(request: Request) -> Route:
    return Route(body=BODY, etag='"v1"', headers={"Content-Type": "application/rss+xml"})


def _serve(server: FeedServer) -> None:
    # a redirect that sets a cookie, as consent and session walls do
    server.routes["/moved"] = Route(
        302, headers={"Location": "/feed.xml", "Set-Cookie": "session=abc; Path=/"}
    )
    server.routes["/feed.xml"] = _feed


async def _three_fetches(client: httpx.AsyncClient, server: FeedServer) -> list[int]:
    """A redirected fetch, then the feed again with its ETag (304), then plainly."""
    async with client:
        first = await fetch_http(client, server.url("/moved"), policy=POLICY)
        again = await fetch_http(
            client,
            server.url("/feed.xml"),
            policy=POLICY,
            validators=Validators(etag=first.headers.get("etag")),
        )
        plain = await fetch_http(client, server.url("/feed.xml"), policy=POLICY)
    assert first.data == BODY and plain.data == BODY and again.not_modified
    return [first.status, again.status, plain.status]


def _as_httpx_sends(feed_client: FeedClient) -> httpx.AsyncClient:
    """A plain AsyncClient with the same configuration: fetch_http sends through
    AsyncClient.send with it."""
    return httpx.AsyncClient(
        headers=feed_client.headers, timeout=feed_client.timeout, follow_redirects=False
    )


def test_the_feed_client_sends_the_headers_and_cookies_httpx_send_would() -> None:
    seen: dict[str, list[dict[str, str]]] = {}
    with FeedServer() as server:
        _serve(server)
        for name in ("httpx send", "feed client"):
            server.reset_counts()
            client = make_client(POLICY, connections=1)
            assert isinstance(client, FeedClient)
            if name == "httpx send":
                client = _as_httpx_sends(client)
            assert asyncio.run(_three_fetches(client, server)) == [200, 304, 200]
            seen[name] = [dict(r.headers) for r in server.requests]
    assert seen["feed client"] == seen["httpx send"]
    moved, redirected, conditional, plain = seen["feed client"]
    assert "cookie" not in moved
    assert redirected["cookie"] == conditional["cookie"] == plain["cookie"] == "session=abc"
    assert conditional["if-none-match"] == '"v1"' and "if-none-match" not in plain
    assert moved["user-agent"].startswith("tracker/") and "gzip" in moved["accept-encoding"]


def test_a_closed_feed_client_refuses_to_send() -> None:
    async def fetch_after_close() -> str:
        client = make_client(POLICY)
        await client.aclose()
        try:
            await client.get_feed("http://127.0.0.1:9/feed.xml", {})
        except RuntimeError as exc:
            return str(exc)
        return "sent"

    assert "closed" in asyncio.run(fetch_after_close())
