"""The fetcher's connections on plain asyncio streams (tracker/feeds/transport.py),
against a real server on loopback: kept alive while the server keeps them, never
reused once the server has closed them."""

from __future__ import annotations

import asyncio

from tests.helpers import free_port
from tracker.feeds.fetch import FetchPolicy, fetch_http, make_client

BODY = b"<rss><channel><title>t</title></channel></rss>"


class _Server:
    """Answers each request on a connection with keep-alive headers; after
    `answers_per_connection` answers it closes the connection without a word."""

    def __init__(self, answers_per_connection: int) -> None:
        self.per_connection = answers_per_connection
        self.connections = 0
        self.port = free_port()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            for _ in range(self.per_connection):
                await reader.readuntil(b"\r\n\r\n")
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                    b"Connection: keep-alive\r\nContent-Length: %d\r\n\r\n%s" % (len(BODY), BODY)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def _fetch_three(server: _Server) -> list[bytes]:
    listening = await asyncio.start_server(server.serve, "127.0.0.1", server.port)
    url = f"http://127.0.0.1:{server.port}/feed.xml"
    policy = FetchPolicy(connect_timeout=2, read_timeout=2, total_timeout=5)
    try:
        async with make_client(policy, connections=1) as client:
            bodies = []
            for _ in range(3):
                bodies.append((await fetch_http(client, url, policy=policy)).data)
                await asyncio.sleep(0.05)  # the server's close reaches the client
            return bodies
    finally:
        listening.close()
        await listening.wait_closed()


def test_a_kept_alive_connection_is_reused_for_the_next_request() -> None:
    server = _Server(answers_per_connection=10)
    assert asyncio.run(_fetch_three(server)) == [BODY] * 3
    assert server.connections == 1


def test_a_connection_the_server_closed_while_idle_is_not_reused() -> None:
    server = _Server(answers_per_connection=1)
    assert asyncio.run(_fetch_three(server)) == [BODY] * 3  # no "server disconnected"
    assert server.connections == 3
