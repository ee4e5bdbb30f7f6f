"""Getting feed bytes: HTTP(S) with httpx.AsyncClient, and local files for backfill.

Only transport lives here (miniflux's fetcher): conditional GET, redirects, limits,
timeouts, and every failure turned into a `FetchError` with a one-line reason. What
the bytes mean is parse.py's business; when to ask again is schedule.py's.

- Concurrency: a global limit and a per-host limit (`Limiter`). A request waits for
  its host's slot before it takes a global one, so a busy host never holds global
  slots that other hosts could use.
- Time: connect and read timeouts (httpx), plus a total deadline per fetch, so a
  server that drips a byte a second cannot hold a slot for long.
- Size: the body is streamed and decompressed here (gzip, deflate) as it arrives, and
  reading stops past `max_bytes` of decompressed bytes, so a compression bomb stops
  too; a truncated or corrupt compressed stream is an error, not an empty feed. A
  declared Content-Length over the limit is refused before reading.
- Redirects are followed by hand up to `max_redirects`; a loop is named as such.
  When every hop was permanent (301/308), the result says where the feed moved.
"""

from __future__ import annotations

import asyncio
import errno as _errno
import ipaddress
import logging
import socket
import ssl
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse, urlsplit

import httpx

from tracker import __version__
from tracker.feeds.transport import Transport

USER_AGENT = f"tracker/{__version__} (last-seen tracker; +https://github.com/tracker)"
MAX_BYTES = 5 * 1024 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
PERMANENT = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """The feed could not be fetched; str() is a one-line reason.

    `status` is the HTTP status when there was one; `retry_after` the raw Retry-After
    header of a 429 or 503.
    """

    def __init__(
        self, reason: str, *, status: int | None = None, retry_after: str | None = None
    ) -> None:
        super().__init__(" ".join(reason.split()))
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners of fetching; built from the config's [polling] table."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    concurrency: int = 20
    per_host: int = 2


@dataclass(frozen=True)
class Validators:
    """What the server said last time, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200
    not_modified: bool = False  # 304: nothing to parse
    moved_to: str | None = None  # every redirect was permanent: the feed's new URL
    bytes_received: int = 0  # body bytes on the wire (before decompression)


def local_path(url: str) -> Path | None:
    """The filesystem path for a file:// URL or a plain path, else None."""
    if url.startswith("file://"):
        return Path(unquote(urlparse(url).path))
    if "://" not in url:
        return Path(url)
    return None


def read_local(path: Path, max_bytes: int = MAX_BYTES) -> Fetched:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise FetchError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise FetchError(f"a folder, not a feed file: {path}") from None
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise FetchError(f"file larger than {max_bytes} bytes: {path}")
    return Fetched(url=str(path), data=data, bytes_received=len(data))


class Limiter:
    """A global limit on requests in flight, and one per host."""

    def __init__(self, total: int, per_host: int) -> None:
        self._total = asyncio.Semaphore(max(total, 1))
        self._per_host = max(per_host, 1)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        gate = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with gate, self._total:
            yield


_HTTPX_LOG = logging.getLogger("httpx")


class FeedClient(httpx.AsyncClient):
    """An AsyncClient with a shorter way to send a GET (`get_feed`). AsyncClient.send
    walks machinery a feed fetch never uses: auth flows, event hooks, and a redirect
    request built for every response although `_get` follows redirects by hand; with
    build_request's merging that was ~15% of fetching's CPU on a first poll. The
    request goes to the same transport (public `handle_async_request`), with the same
    headers, timeouts and cookies (sent from the client's jar, and stored in it when
    a response sets one), and httpx's own log line."""

    def __init__(self, *, transport: httpx.AsyncBaseTransport, **kwargs: Any) -> None:
        super().__init__(transport=transport, **kwargs)
        self._direct = transport
        self._timeouts = self.timeout.as_dict()

    async def get_feed(self, url: str, headers: Mapping[str, str]) -> httpx.Response:
        """GET `url` (redirects not followed), streamed: close the response."""
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        merged = self.headers.copy()  # as build_request merges: case-insensitively
        merged.update(headers)
        # extensions of its own per request, as build_request gives each
        extensions = {"timeout": self._timeouts}
        request = httpx.Request("GET", url, headers=merged, extensions=extensions)
        if self.cookies:
            self.cookies.set_cookie_header(request)
        response = await self._direct.handle_async_request(request)
        response.request = request
        if "set-cookie" in response.headers:
            self.cookies.extract_cookies(response)
        if _HTTPX_LOG.isEnabledFor(logging.INFO):
            _HTTPX_LOG.info(
                'HTTP Request: %s %s "%s %d %s"',
                request.method,
                request.url,
                response.http_version,
                response.status_code,
                response.reason_phrase,
            )
        return response


def make_client(
    policy: FetchPolicy, *, connections: int | None = None, tls: ssl.SSLContext | None = None
) -> FeedClient:
    """A client whose keep-alive connections are reused across requests (at most
    `connections` of them, default the global concurrency)."""
    connections = connections or policy.concurrency
    limits = httpx.Limits(
        max_connections=max(connections, 1),
        max_keepalive_connections=max(connections, 1),
        keepalive_expiry=5.0,  # reuse within a burst; idle sockets do not pile up
    )
    tls = tls if tls is not None else httpx.create_ssl_context()
    return FeedClient(
        timeout=httpx.Timeout(
            connect=policy.connect_timeout,
            read=policy.read_timeout,
            write=policy.read_timeout,
            pool=policy.total_timeout,
        ),
        limits=limits,
        transport=Transport(tls=tls, limits=limits),
        headers={
            "User-Agent": policy.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",  # what _Body decodes
        },
        follow_redirects=False,
        verify=tls,
    )


class HostClients:
    """One AsyncClient per host, made on first use. httpx's pool looks at every one of
    its connections for every request, so one big pool for hundreds of hosts spends
    more time there than on the network; small pools per host keep it cheap and still
    keep each host's connections alive."""

    def __init__(self, policy: FetchPolicy) -> None:
        self._policy = policy
        self._clients: dict[str, FeedClient] = {}
        self._tls: ssl.SSLContext | None = None  # one for all: loading CAs takes ~30 ms

    def for_url(self, url: str) -> FeedClient:
        parts = urlsplit(url)
        key = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if key not in self._clients:
            self._tls = self._tls or httpx.create_ssl_context()
            self._clients[key] = make_client(
                self._policy, connections=self._policy.per_host, tls=self._tls
            )
        return self._clients[key]

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    async def __aenter__(self) -> HostClients:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()


Guard = Callable[[str], Awaitable[None]]


async def public_only(url: str) -> None:
    """Refuse a URL whose host is, or resolves to, a loopback, private, link-local or
    otherwise non-public address: links inside a feed must not make the tracker read
    pages on its own network. (Checked before each request, redirects included; a
    DNS answer that changes between the check and the connection is not caught.)"""
    host = urlsplit(url).hostname or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise FetchError(f"cannot resolve {host!r}: {exc.strerror or exc}") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            raise FetchError(f"refused: {host} is a private or local address ({address})")


async def fetch_http(
    client: httpx.AsyncClient | HostClients,
    url: str,
    *,
    policy: FetchPolicy,
    validators: Validators = Validators(),
    limiter: Limiter | None = None,
    guard: Guard | None = None,
) -> Fetched:
    """GET one URL within the policy's limits; raise FetchError with a one-line reason.

    `guard` is awaited with each URL before it is requested (the first and every
    redirect) and may refuse it by raising FetchError."""
    limiter = limiter or Limiter(policy.concurrency, policy.per_host)
    if isinstance(client, HostClients):
        client = client.for_url(url)
    async with limiter.slot(url):
        try:
            async with asyncio.timeout(policy.total_timeout):
                return await _get(client, url, policy, validators, guard)
        except TimeoutError:
            raise FetchError(
                f"gave up after {policy.total_timeout:g}s (total time limit)"
            ) from None
        except httpx.ConnectTimeout:
            raise FetchError(f"connect timed out after {policy.connect_timeout:g}s") from None
        except httpx.ReadTimeout:
            raise FetchError(f"no data for {policy.read_timeout:g}s (read timeout)") from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out: {type(exc).__name__}") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"bad compressed body: {exc}") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            detail = str(exc) or "reset by the server"
            raise FetchError(f"connection broken mid-response: {detail}") from None
        except httpx.ConnectError as exc:
            cause = _innermost(exc)
            raise FetchError(
                connect_reason(url, str(cause), getattr(cause, "errno", None))
            ) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from None


def _innermost(exc: BaseException) -> BaseException:
    """The error at the bottom of httpx's chain (the socket's own, with its errno)."""
    seen = {id(exc)}
    while (nxt := exc.__cause__ or exc.__context__) is not None and id(nxt) not in seen:
        seen.add(id(nxt))
        exc = nxt
    return exc


def connect_reason(url: str, detail: str, errno: int | None = None) -> str:
    """A failed connection in words that name the host ("cannot resolve host
    news.example"), not httpx's "All connection attempts failed"."""
    parts = urlsplit(url)
    host = parts.hostname or url
    try:
        where = f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        where = host
    low = detail.lower()
    if errno is not None:
        low += {
            socket.EAI_NONAME: " name or service not known",
            socket.EAI_AGAIN: " temporary failure in name resolution",
            _errno.ECONNREFUSED: " refused",
            _errno.ENETUNREACH: " network is unreachable",
            _errno.EHOSTUNREACH: " no route to host",
        }.get(errno, "")
    if "name or service not known" in low or "nodename nor servname" in low or "errno -2" in low:
        return f"cannot resolve host {host} (no such name)"
    if "temporary failure in name resolution" in low or "errno -3" in low:
        return f"cannot resolve host {host} (no DNS answer: is the network up?)"
    if "refused" in low:
        return f"cannot connect to {where}: connection refused"
    if "network is unreachable" in low or "no route to host" in low:
        return f"cannot connect to {where}: network unreachable"
    return f"cannot connect to {where}: {detail or 'connection failed'}"


async def _get(
    client: httpx.AsyncClient,
    url: str,
    policy: FetchPolicy,
    validators: Validators,
    guard: Guard | None,
) -> Fetched:
    headers: dict[str, str] = {}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    current, seen, permanent = url, {url}, True
    for _hop in range(policy.max_redirects + 1):
        if guard is not None:
            await guard(current)
        if isinstance(client, FeedClient):
            response = await client.get_feed(current, headers)
        else:  # a client of the caller's own
            request = client.build_request("GET", current, headers=headers)
            response = await client.send(request, stream=True)
        try:
            location = response.headers.get("location")
            if response.status_code in REDIRECTS and location:
                target = urljoin(current, location.strip())
                if target.split("://", 1)[0].lower() not in {"http", "https"}:
                    raise FetchError(f"redirect to an unsupported URL: {target[:200]}")
                if target in seen:
                    raise FetchError(f"redirect loop: {current} -> {target}")
                seen.add(target)
                permanent = permanent and response.status_code in PERMANENT
                current = target
                continue
            return await _read(response, current, url, permanent, policy)
        finally:
            await response.aclose()
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")


async def _read(
    response: httpx.Response, final: str, asked: str, permanent: bool, policy: FetchPolicy
) -> Fetched:
    headers = {k.lower(): v for k, v in response.headers.items()}
    moved = final if permanent and final != asked else None
    if response.status_code == 304:
        return Fetched(
            url=final, data=b"", headers=headers, status=304, not_modified=True, moved_to=moved
        )
    if response.status_code >= 400:
        raise FetchError(
            f"HTTP {response.status_code} {response.reason_phrase}".strip(),
            status=response.status_code,
            retry_after=headers.get("retry-after"),
        )
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(
            f"response too large: {int(declared)} bytes declared, limit {policy.max_bytes}"
        )
    body = _Body(headers.get("content-encoding", ""), policy.max_bytes)
    async for chunk in response.aiter_raw():
        body.feed(chunk)
    return Fetched(
        url=final,
        data=body.finish(),
        headers=headers,
        status=response.status_code,
        moved_to=moved,
        bytes_received=response.num_bytes_downloaded,
    )


class _Body:
    """Decompresses (gzip, deflate) as bytes arrive and stops past the size limit, so
    neither a huge body nor a compression bomb is ever held whole. httpx would decode
    too, but it lets a truncated gzip stream pass as an empty body."""

    def __init__(self, encoding: str, limit: int) -> None:
        name = encoding.strip().lower()
        if name in {"gzip", "x-gzip"}:
            self._inflate: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif name == "deflate":
            self._inflate = zlib.decompressobj()
        elif name in {"", "identity"}:
            self._inflate = None
        else:
            raise FetchError(f"unsupported Content-Encoding {name!r}")
        self._name, self._limit = name, limit
        self._parts: list[bytes] = []
        self._size = 0
        self._raw_start = b""

    def _keep(self, piece: bytes) -> None:
        self._size += len(piece)
        if self._size > self._limit:
            raise FetchError(f"response too large: over the {self._limit}-byte limit")
        self._parts.append(piece)

    def feed(self, chunk: bytes) -> None:
        if self._inflate is None:
            self._keep(chunk)
            return
        if self._name == "deflate" and not self._size and len(self._raw_start) < 2:
            self._raw_start += chunk[:2]
            if len(self._raw_start) >= 2 and (self._raw_start[0] & 0x0F) != 8:
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no header
        data = chunk
        try:
            while data:
                self._keep(self._inflate.decompress(data, self._limit + 1 - self._size))
                data = self._inflate.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"bad compressed body ({self._name}): {exc}") from None

    def finish(self) -> bytes:
        if self._inflate is not None:
            try:
                self._keep(self._inflate.flush())
            except zlib.error as exc:
                raise FetchError(f"bad compressed body ({self._name}): {exc}") from None
            if not self._inflate.eof:
                raise FetchError(f"bad compressed body ({self._name}): the stream is cut short")
        return b"".join(self._parts)


def fetch(url: str, *, policy: FetchPolicy = FetchPolicy()) -> Fetched:
    """Blocking fetch of one URL or local path (for replay and one-off commands)."""
    path = local_path(url)
    if path is not None:
        return read_local(path, policy.max_bytes)

    async def one() -> Fetched:
        async with make_client(policy) as client:
            return await fetch_http(client, url, policy=policy)

    return asyncio.run(one())
