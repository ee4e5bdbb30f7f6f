"""Who may see the dashboard, and proof that a form was posted from it.

- Host: bound to loopback, only requests naming a loopback host are served (a page on
  another site cannot reach the dashboard through DNS rebinding).
- Token: when one is configured, every request needs it, as `Authorization: Bearer
  TOKEN`, as the password of HTTP Basic auth (for feed readers), or as the cookie the
  login form sets after checking it.
- CSRF: each browser gets a signed session cookie; every form carries an HMAC of that
  session, checked on POST. Cookies are HttpOnly and SameSite=Strict.

The signing secret is random per process: a restart logs everybody out.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

SESSION_COOKIE = "tracker_session"
AUTH_COOKIE = "tracker_auth"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_FORM = 64 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: only this machine can connect."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_of(header: str) -> str:
    """The host part of a Host header ('[::1]:8080' -> '::1', 'a.b:80' -> 'a.b')."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@dataclass(frozen=True)
class Guard:
    token: str | None = None
    # None: any Host header (bound beyond loopback, behind a token)
    hosts: frozenset[str] | None = LOOPBACK_NAMES
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def _sign(self, purpose: str, value: str) -> str:
        return hmac.new(self.secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        sid = secrets.token_urlsafe(18)
        return f"{sid}.{self._sign('session', sid)}"

    def session_of(self, cookie: str | None) -> str | None:
        """The session named by the cookie, if this process signed it."""
        if not cookie or "." not in cookie:
            return None
        sid, _, mac = cookie.partition(".")
        return cookie if hmac.compare_digest(mac, self._sign("session", sid)) else None

    def csrf(self, session: str) -> str:
        return self._sign("csrf", session)

    def auth_cookie(self, session: str) -> str:
        return self._sign("auth", session)

    def token_matches(self, given: str) -> bool:
        return self.token is not None and hmac.compare_digest(
            given.encode("utf-8", "replace"), self.token.encode()
        )

    def authorized(self, request: Request, session: str) -> bool:
        if self.token is None:
            return True
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and self.token_matches(value.strip()):
            return True
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(value.strip(), validate=True).decode()
            except (binascii.Error, UnicodeDecodeError):
                decoded = ""
            if self.token_matches(decoded.partition(":")[2]):
                return True
        cookie = request.cookies.get(AUTH_COOKIE, "")
        return hmac.compare_digest(cookie, self.auth_cookie(session))

    async def middleware(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """Host check, session cookie, token check, security headers: around every request."""
        host = host_of(request.headers.get("host", ""))
        if self.hosts is not None and host not in self.hosts:
            return PlainTextResponse(
                f"refused: Host {host or '(none)'!r} is not this machine's loopback name\n", 421
            )
        session = self.session_of(request.cookies.get(SESSION_COOKIE))
        fresh = session is None
        if session is None:
            session = self.new_session()
        request.state.session = session
        request.state.csrf = self.csrf(session)
        allowed = self.authorized(request, session)
        request.state.logged_in = self.token is not None and allowed
        if request.url.path != "/login" and not allowed:
            response = refuse(request)
        else:
            response = await call_next(request)
        if fresh:
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def form(self, request: Request) -> dict[str, str]:
        """A posted form's fields, once its CSRF token is checked (403 if wrong)."""
        if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
            raise HTTPException(415, "forms are posted as application/x-www-form-urlencoded")
        body = await request.body()
        if len(body) > MAX_FORM:
            raise HTTPException(413, f"form larger than {MAX_FORM} bytes")
        parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        fields = {k: v[0] for k, v in parsed.items()}
        if not hmac.compare_digest(fields.get("csrf", ""), self.csrf(request.state.session)):
            raise HTTPException(
                403, "CSRF token missing or wrong: reload the page and send the form again"
            )
        return fields


def refuse(request: Request) -> Response:
    """No token: a browser is sent to the login form; programs get 401 with one line."""
    path = request.url.path
    if request.method == "GET" and not path.endswith((".json", ".atom")):
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", 303)
    realm = 'Basic realm="tracker"' if path.endswith(".atom") else 'Bearer realm="tracker"'
    return JSONResponse(
        {"error": "a token is required: Authorization: Bearer TOKEN (see docs/web.md)"},
        401,
        headers={"WWW-Authenticate": realm},
    )
