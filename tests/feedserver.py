"""A scripted HTTP/1.1 server on loopback addresses, for feed tests and benchmarks.

Each path answers as its `Route` says: a status, headers and body, optionally after a
delay, compressed, dripped byte by byte, cut off by a connection reset, or honouring
ETag / If-None-Match. It keeps connections alive, counts requests and body bytes sent,
and records the most requests it served at once per host. It listens on 127.0.0.1
only unless given other loopback addresses (127.0.0.0/8), all on one port.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
import struct
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus

from tests.helpers import free_port


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drip: float | None = None  # seconds between body bytes
    reset_after: int | None = None  # send this many body bytes, then reset the connection
    etag: str | None = None  # answer 304 when If-None-Match matches
    gzip: bool = False  # compress the body when the client accepts gzip
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


@dataclass
class Request:
    host: str
    path: str
    headers: dict[str, str]


Handler = Route | Callable[[Request], Route]


class FeedServer:
    def __init__(self, hosts: tuple[str, ...] = ("127.0.0.1",)) -> None:
        assert all(h.startswith("127.") for h in hosts), "loopback addresses only"
        self.hosts = hosts
        self.port = free_port()
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self.bytes_sent = 0
        self.connections = 0
        self.max_in_flight: Counter[str] = Counter()
        self._in_flight: Counter[str] = Counter()
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    # -- life ----------------------------------------------------------------------

    def __enter__(self) -> FeedServer:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        future.result(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _start(self) -> None:
        self._server = await asyncio.start_server(
            self._serve, host=list(self.hosts), port=self.port, backlog=1024
        )

    async def _stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.hosts[0]}:{self.port}{path}"

    def reset_counts(self) -> None:
        self.hits.clear()
        self.requests.clear()
        self.bytes_sent = 0
        self.connections = 0
        self.max_in_flight.clear()

    # -- serving -------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                _method, path, _version = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                request = Request(host, path, headers)
                self.hits[path] += 1
                self.requests.append(request)
                self._in_flight[host] += 1
                self.max_in_flight[host] = max(self.max_in_flight[host], self._in_flight[host])
                try:
                    keep = await self._answer(request, writer)
                finally:
                    self._in_flight[host] -= 1
                if not keep or headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            with contextlib.suppress(RuntimeError):
                writer.close()

    async def _answer(self, request: Request, writer: asyncio.StreamWriter) -> bool:
        handler = self.routes.get(request.path, Route(404, b"not here"))
        route = handler(request) if callable(handler) else handler
        if route.delay:
            await asyncio.sleep(route.delay)
        status, body = route.status, route.body
        headers = dict(route.headers)
        if route.etag is not None:
            headers["ETag"] = route.etag
            if request.headers.get("if-none-match") == route.etag:
                status, body = 304, b""
        if route.gzip and "gzip" in request.headers.get("accept-encoding", "") and body:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if route.length and status != 304:
            headers.setdefault("Content-Length", str(len(body)))
        if not route.length:
            headers["Connection"] = "close"
        reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "X"
        head = f"HTTP/1.1 {status} {reason}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        writer.write(head.encode("latin-1"))
        self.bytes_sent += len(head)
        if route.reset_after is not None:
            writer.write(body[: route.reset_after])
            self.bytes_sent += route.reset_after
            await writer.drain()
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return False
        if route.drip is not None:
            for i in range(len(body)):
                writer.write(body[i : i + 1])
                self.bytes_sent += 1
                await writer.drain()
                await asyncio.sleep(route.drip)
            return route.length
        for i in range(0, len(body), 65536):
            writer.write(body[i : i + 65536])
            self.bytes_sent += len(body[i : i + 65536])
            await writer.drain()
        return route.length
