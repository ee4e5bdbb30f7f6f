"""The dashboard's ASGI app: routes, each HTML page beside its JSON twin, the Atom feed of
alerts, and the login form. Pages are read-only; the data of each comes from pages.Desk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from tracker import __version__
from tracker.moments import check_moment
from tracker.store.corrections import CorrectionError
from tracker.web.guard import AUTH_COOKIE, Guard, safe_next
from tracker.web.pages import Desk

TEMPLATES = Path(__file__).parent / "templates"


def parse_moment(value: str | None, name: str, *, end_of_day: bool = True) -> datetime | None:
    """A query parameter's moment, as the CLI reads --as-of: a bare date is the end of
    that day (UTC); a bad one is a 400 naming the parameter."""
    if not value:
        return None
    try:
        if len(value.strip()) == 10:
            day = date.fromisoformat(value.strip())
            return check_moment(
                datetime.combine(day, time(23, 59, 59) if end_of_day else time(0), tzinfo=UTC)
            )
        return check_moment(datetime.fromisoformat(value.strip()))
    except ValueError as exc:
        raise HTTPException(400, f"{name}: bad date {value!r} ({exc})") from None


@dataclass
class Site:
    desk: Desk
    guard: Guard
    clock: Callable[[], datetime]
    as_of: datetime | None = None  # answer as of this moment instead of now (a demo, a past day)

    def when(self, request: Request) -> datetime:
        return (
            parse_moment(request.query_params.get("as_of"), "as_of") or self.as_of or self.clock()
        )


def create_app(site: Site) -> Starlette:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(("html",)))
    env.globals["version"] = __version__

    def page(request: Request, name: str, data: dict[str, Any], status: int = 200) -> Response:
        query = request.url.query
        html = env.get_template(name).render(
            request=request,
            data=data,
            csrf=request.state.csrf,
            logged_in=request.state.logged_in,
            path=request.url.path,
            query=f"?{query}" if query else "",
        )
        return HTMLResponse(html, status)

    def board(request: Request) -> Response:
        return page(request, "board.html", site.desk.board(site.when(request)))

    def board_json(request: Request) -> Response:
        return JSONResponse(site.desk.board(site.when(request)))

    def _official(request: Request) -> dict[str, Any]:
        q = request.query_params
        start = parse_moment(q.get("from"), "from", end_of_day=False)
        end = parse_moment(q.get("to"), "to")
        data = site.desk.official(
            request.path_params["key"],
            site.when(request),
            start.date() if start else None,
            end.date() if end else None,
        )
        if data is None:
            raise HTTPException(404, f"no official {request.path_params['key']!r} on the watchlist")
        return data

    def official(request: Request) -> Response:
        return page(request, "official.html", _official(request))

    def official_json(request: Request) -> Response:
        data = _official(request)
        data.pop("svg")
        return JSONResponse(data)

    def feeds(request: Request) -> Response:
        return page(request, "feeds.html", site.desk.feeds())

    def feeds_json(request: Request) -> Response:
        return JSONResponse(site.desk.feeds())

    def alerts(request: Request) -> Response:
        return page(request, "alerts.html", site.desk.alerts())

    def alerts_json(request: Request) -> Response:
        return JSONResponse(site.desk.alerts())

    def alerts_atom(request: Request) -> Response:
        return Response(atom(site.desk, str(request.base_url)), media_type="application/atom+xml")

    def awaits(request: Request) -> Response:
        return page(request, "awaits.html", site.desk.awaits(site.when(request)))

    def awaits_json(request: Request) -> Response:
        return JSONResponse(site.desk.awaits(site.when(request)))

    async def login(request: Request) -> Response:
        target = safe_next(request.query_params.get("next"))
        if site.guard.token is None:
            return RedirectResponse(target, 303)
        if request.method == "GET":
            return page(request, "login.html", {"next": target, "error": None})
        fields = await site.guard.form(request)
        target = safe_next(fields.get("next"))
        if not site.guard.token_matches(fields.get("token", "")):
            return page(request, "login.html", {"next": target, "error": "wrong token"}, 401)
        response = RedirectResponse(target, 303)
        response.set_cookie(
            AUTH_COOKIE,
            site.guard.auth_cookie(request.state.session),
            httponly=True,
            samesite="strict",
        )
        return response

    async def logout(request: Request) -> Response:
        await site.guard.form(request)
        response = RedirectResponse("/login", 303)
        response.delete_cookie(AUTH_COOKIE)
        return response

    async def correct(request: Request) -> Response:
        fields = await site.guard.form(request)
        key = request.path_params["key"]
        try:
            await run_in_threadpool(site.desk.correct, key, fields, site.clock())
        except CorrectionError as exc:
            raise HTTPException(400, str(exc)) from None
        back = safe_next(fields.get("back"))
        if not back.startswith(f"/officials/{key}"):
            back = f"/officials/{key}"
        return RedirectResponse(back + "#corrections", 303)

    async def error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.endswith((".json", ".atom")):
            return JSONResponse({"error": exc.detail}, exc.status_code)
        if not hasattr(request.state, "csrf"):  # refused before the guard ran
            return JSONResponse({"error": exc.detail}, exc.status_code)
        return page(
            request, "error.html", {"status": exc.status_code, "error": exc.detail}, exc.status_code
        )

    routes = [
        Route("/", board),
        Route("/status.json", board_json),
        Route("/officials/{key}.json", official_json),
        Route("/officials/{key}", official),
        Route("/officials/{key}/corrections", correct, methods=["POST"]),
        Route("/feeds", feeds),
        Route("/feeds.json", feeds_json),
        Route("/alerts", alerts),
        Route("/alerts.json", alerts_json),
        Route("/alerts.atom", alerts_atom),
        Route("/awaits", awaits),
        Route("/awaits.json", awaits_json),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(BaseHTTPMiddleware, dispatch=site.guard.middleware)],
        exception_handlers={HTTPException: error},
    )


def atom(desk: Desk, base: str) -> str:
    """The alerts as an Atom 1.0 feed, newest first: one entry per stored alert, its
    body as text, its delivery state in the summary."""
    rows = desk.alert_rows()
    updated = max((a.created_at for a, _ in rows), default=datetime(2000, 1, 1, tzinfo=UTC))
    base = base.rstrip("/")
    entries = []
    for a, name in rows:
        state = a.state + (f" ({a.last_error})" if a.last_error and a.state != "delivered" else "")
        entries.append(
            "<entry>"
            f"<id>urn:tracker:alert:{xml_escape(a.message_id.strip('<>'))}</id>"
            f"<title>{xml_escape(a.subject)}</title>"
            f"<updated>{a.created_at.isoformat()}</updated>"
            f"<published>{a.created_at.isoformat()}</published>"
            f"<author><name>{xml_escape(name)}</name></author>"
            f'<link rel="alternate" href="{xml_escape(base)}/alerts#alert-{a.id}"/>'
            f'<category term="{xml_escape(a.kind)}"/>'
            f"<summary>{xml_escape(f'{a.kind}, as of {a.as_of:%Y-%m-%d %H:%M} UTC: {state}')}"
            "</summary>"
            f'<content type="text">{xml_escape(a.body)}</content>'
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:tracker:alerts:{xml_escape(base)}</id>"
        "<title>tracker alerts</title>"
        f"<updated>{updated.isoformat()}</updated>"
        f'<link rel="self" href="{xml_escape(base)}/alerts.atom"/>'
        f'<link rel="alternate" href="{xml_escape(base)}/alerts"/>'
        f'<generator version="{__version__}">tracker</generator>' + "".join(entries) + "</feed>\n"
    )
