"""The dashboard's guard, one function at a time: hosts, redirects, signed sessions."""

from __future__ import annotations

import pytest

from tracker.web.guard import Guard, host_of, is_loopback, safe_next


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("desk.example", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("header", "host"),
    [
        ("127.0.0.1:8080", "127.0.0.1"),
        ("localhost", "localhost"),
        ("[::1]:8080", "::1"),
        ("[::1]", "::1"),
        ("Desk.Example:443", "desk.example"),
        ("", ""),
    ],
)
def test_host_of_a_host_header(header: str, host: str) -> None:
    assert host_of(header) == host


@pytest.mark.parametrize(
    ("target", "goes"),
    [
        ("/officials/sergey-lavrov?as_of=2025-11-12", "/officials/sergey-lavrov?as_of=2025-11-12"),
        ("/", "/"),
        (None, "/"),
        ("", "/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("feeds", "/"),
    ],
)
def test_safe_next_stays_on_this_site(target: str | None, goes: str) -> None:
    assert safe_next(target) == goes


def test_sessions_are_signed_by_this_process_only() -> None:
    guard, other = Guard(), Guard()
    session = guard.new_session()
    assert guard.session_of(session) == session
    assert other.session_of(session) is None
    sid, _, mac = session.partition(".")
    assert guard.session_of(f"{sid}x.{mac}") is None
    assert guard.session_of(sid) is None and guard.session_of(None) is None


def test_csrf_and_login_cookies_are_bound_to_the_session() -> None:
    guard = Guard(token="t" * 20)
    one, two = guard.new_session(), guard.new_session()
    assert guard.csrf(one) != guard.csrf(two)
    assert guard.auth_cookie(one) != guard.auth_cookie(two) != guard.csrf(two)


@pytest.mark.parametrize(
    ("token", "given", "ok"),
    [
        ("t" * 20, "t" * 20, True),
        ("t" * 20, "t" * 19, False),
        (None, "", False),
        ("t" * 20, "é", False),
    ],
)
def test_token_matches(token: str | None, given: str, ok: bool) -> None:
    assert Guard(token=token).token_matches(given) is ok
