"""Getting feed bytes: http(s) with httpx, file:// URLs and local paths from disk.

Only transport lives here: limits, timeouts and errors turned into one-line reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx

from tracker import __version__

USER_AGENT = f"tracker/{__version__} (last-seen tracker; +https://github.com/tracker)"
MAX_BYTES = 5 * 1024 * 1024


class FetchError(Exception):
    """The feed could not be fetched; str() is a one-line reason."""


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200


def local_path(url: str) -> Path | None:
    """The filesystem path for a file:// URL or a plain path, else None."""
    if url.startswith("file://"):
        return Path(unquote(urlparse(url).path))
    if "://" not in url:
        return Path(url)
    return None


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = 30.0,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    path = local_path(url)
    if path is not None:
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise FetchError(f"no such file: {path}") from None
        except OSError as exc:
            raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None
        if len(data) > max_bytes:
            raise FetchError(f"file larger than {max_bytes} bytes: {path}")
        return Fetched(url=url, data=data)
    own = client is None
    http = client or httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"response larger than {max_bytes} bytes")
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                data=b"".join(chunks),
                headers={k.lower(): v for k, v in response.headers.items()},
                status=response.status_code,
            )
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g}s") from None
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}".strip()) from None
    finally:
        if own:
            http.close()
