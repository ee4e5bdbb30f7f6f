"""`tracker web` on the replayed demo database, served by uvicorn on 127.0.0.1 and
fetched over HTTP: every page and its JSON twin, the Atom feed, binding and tokens."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import httpx
import pytest

from tests.helpers import free_port, run_cli
from tests.webserver import AS_OF, Served, copy_of, replayed_demo, serve

SVG = "{http://www.w3.org/2000/svg}"
TOKEN = "a-desk-token-of-some-length"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return replayed_demo(tmp_path_factory.mktemp("web-demo"))


@pytest.fixture(scope="module")
def site(demo: Path) -> Iterator[Served]:
    with serve(demo, "--as-of", AS_OF) as served:
        yield served


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field in the form"
    return found.group(1)


def _timeline(html: str) -> ElementTree.Element:
    svg = re.search(r"<svg .*?</svg>", html, re.S)
    assert svg, "no timeline SVG in the page"
    return ElementTree.fromstring(svg.group(0))


def test_board_json_is_the_status_command_json(site: Served, demo: Path) -> None:
    cli = run_cli("--config", str(demo), "status", "--as-of", AS_OF, "--json")
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)
    got = site.get("/status.json").json()
    slugs = [o.pop("slug") for o in got["officials"]]
    assert got == expected
    assert (
        slugs[[o["name"] for o in expected["officials"]].index("Sergey Lavrov")] == "sergey-lavrov"
    )
    lavrov = next(o for o in expected["officials"] if o["name"] == "Sergey Lavrov")
    assert lavrov["last_seen"] == "2025-11-25" and lavrov["status"] == "silent"


def test_board_lists_officials_most_urgent_first_with_links(site: Served, demo: Path) -> None:
    page = site.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    names = re.findall(r'<tr class="official" data-name="([^"]+)" data-status="([^"]+)"', page.text)
    expected = json.loads(
        run_cli("--config", str(demo), "status", "--as-of", AS_OF, "--json").stdout
    )
    assert names == [(o["name"], o["status"]) for o in expected["officials"]]
    assert 'href="/officials/sergey-lavrov"' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_lavrov_timeline_shades_the_gap_from_oct_28_to_nov_25(site: Served) -> None:
    page = site.get("/officials/sergey-lavrov")
    assert page.status_code == 200
    svg = _timeline(page.text)
    silences = [
        (r.get("data-from"), r.get("data-to"))
        for r in svg.iter(f"{SVG}rect")
        if r.get("class") == "silence"
    ]
    assert ("2025-10-28", "2025-11-25") in silences
    thresholds = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "threshold"]
    assert thresholds[0].get("data-day") == "2025-11-07"
    bars = {
        r.get("data-day") for r in svg.iter(f"{SVG}rect") if "appearance" in (r.get("class") or "")
    }
    assert "2025-10-28" in bars and "2025-11-25" in bars
    assert not any("2025-10-28" < day < "2025-11-25" for day in bars if day)  # none in the gap
    absences = {
        r.get("data-day") for r in svg.iter(f"{SVG}rect") if "absence" in (r.get("class") or "")
    }
    assert any("2025-10-28" < day < "2025-11-25" for day in absences if day)  # the press asked


def test_official_json_twin_has_the_silences_and_the_evidence(site: Served) -> None:
    data = site.get("/officials/sergey-lavrov.json").json()
    assert data["official"]["name"] == "Sergey Lavrov"
    gap = data["timeline"]["silences"][0]
    assert gap == {
        "from": "2025-10-28",
        "to": "2025-11-25",
        "silent_from": "2025-11-07",
        "days": 28,
    }
    appearance = next(
        e for e in data["evidence"] if e["date"] == "2025-11-25" and e["kind"] == "appearance"
    )
    assert appearance["url"].startswith("https://") and "Lavrov" in appearance["text"]
    assert appearance["sources"] == 4
    page = site.get("/officials/sergey-lavrov").text
    assert f'href="{appearance["url"]}"' in page  # the evidence links to its source


def test_as_of_and_window_come_from_the_query(site: Served) -> None:
    then = site.get("/officials/sergey-lavrov.json", params={"as_of": "2025-11-12"}).json()
    assert then["official"]["status"] == "silent" and then["official"]["last_seen"] == "2025-10-28"
    assert then["timeline"]["silences"][-1]["to"] is None  # still open on Nov 12
    narrow = site.get(
        "/officials/sergey-lavrov.json", params={"from": "2025-11-01", "to": "2025-11-30"}
    ).json()
    assert (narrow["timeline"]["from"], narrow["timeline"]["to"]) == ("2025-11-01", "2025-11-30")


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/officials/nobody", 404, "no official 'nobody'"),
        ("/officials/nobody.json", 404, "no official 'nobody'"),
        ("/status.json?as_of=yesterday", 400, "as_of: bad date 'yesterday'"),
        ("/?as_of=3000-01-01", 400, "out of range"),
        ("/officials/sergey-lavrov.json?from=2025-13-01", 400, "from: bad date"),
    ],
)
def test_bad_requests_answer_one_line_naming_the_culprit(
    site: Served, path: str, status: int, says: str
) -> None:
    got = site.get(path)
    assert got.status_code == status
    assert says in unescape(got.text) and "Traceback" not in got.text


def test_feeds_page_and_twin_show_each_feeds_health(site: Served) -> None:
    feeds = site.get("/feeds.json").json()["feeds"]
    assert {f["name"] for f in feeds} >= {"Northwire", "Eastern Desk"}
    assert all(f["state"] in {"ok", "new", "warning", "failing", "disabled"} for f in feeds)
    page = site.get("/feeds").text
    assert all(f["name"] in page for f in feeds)


def test_alerts_page_atom_and_twin_agree_with_the_database(site: Served, demo: Path) -> None:
    db = sqlite3.connect(demo.parent / "demo.db")
    stored = db.execute("select subject, state from alert order by id desc").fetchall()
    db.close()
    assert stored, "the replay stored alerts"
    twin = site.get("/alerts.json").json()["alerts"]
    assert [(a["subject"], a["state"]) for a in twin] == stored
    page = site.get("/alerts").text
    assert all(subject in page for subject, _ in stored)
    atom = site.get("/alerts.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == [s for s, _ in stored]
    assert len({e.id for e in parsed.entries}) == len(stored)
    assert "Lavrov" in next(e for e in parsed.entries if "Lavrov" in e.title).content[0].value


def test_awaits_page_shows_each_watch_as_of_the_day_asked(site: Served, demo: Path) -> None:
    added = run_cli(
        "--config",
        str(demo),
        "await",
        "Sergey Lavrov",
        "--since",
        "2025-11-01T00:00Z",
        "--within",
        "72h",
        "--about",
        "Belarusian",
    )
    assert added.returncode == 0, added.stderr
    for as_of, phase, met_on in [
        ("2025-11-03", "open", None),
        ("2025-11-10", "overdue", None),
        ("2025-11-30", "met_late", "2025-11-25"),
    ]:
        awaits = site.get("/awaits.json", params={"as_of": as_of}).json()["awaits"]
        assert [(a["official"], a["phase"], a["met_on"]) for a in awaits] == [
            ("Sergey Lavrov", phase, met_on)
        ]
        page = site.get("/awaits", params={"as_of": as_of}).text
        assert f'data-phase="{phase}"' in page and "Belarusian" in page


def test_a_foreign_host_header_is_refused(site: Served) -> None:
    got = site.get("/", headers={"Host": "rebound.example:80"})
    assert got.status_code == 421 and "rebound.example" in got.text


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.actions: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "form":
            self.actions.append(dict(attrs).get("action") or "")


def test_with_a_token_every_request_needs_it(demo: Path) -> None:
    with serve(demo, "--as-of", AS_OF, env={"TRACKER_WEB_TOKEN": TOKEN}) as site:
        assert site.get("/status.json").status_code == 401
        assert site.get("/alerts.atom").headers["www-authenticate"].startswith("Basic")
        page = site.get("/officials/sergey-lavrov")
        assert (
            page.status_code == 303
            and page.headers["location"] == "/login?next=/officials/sergey-lavrov"
        )
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert site.get("/status.json", headers=bearer).status_code == 200
        assert (
            site.get("/status.json", headers={"Authorization": "Bearer wrong"}).status_code == 401
        )
        assert site.get("/alerts.atom", auth=("desk", TOKEN)).status_code == 200  # feed readers

        with httpx.Client(base_url=site.url, timeout=30) as browser:
            form = browser.get("/login?next=/feeds")
            parser = _Forms()
            parser.feed(form.text)
            assert parser.actions == ["/login"]
            csrf = _csrf(form.text)
            no_csrf = browser.post("/login", data={"token": TOKEN, "next": "/feeds"})
            assert no_csrf.status_code == 403 and "CSRF" in no_csrf.text
            wrong = browser.post("/login", data={"token": "nope", "csrf": csrf, "next": "/feeds"})
            assert wrong.status_code == 401 and "wrong token" in wrong.text
            right = browser.post("/login", data={"token": TOKEN, "csrf": csrf, "next": "/feeds"})
            assert right.status_code == 303 and right.headers["location"] == "/feeds"
            assert browser.get("/feeds").status_code == 200
            assert browser.get("/status.json").status_code == 200
            out = browser.post("/logout", data={"csrf": csrf})
            assert out.status_code == 303
            assert browser.get("/status.json").status_code == 401

        with httpx.Client(base_url=site.url, timeout=30) as other:
            # another browser's CSRF token does not fit this browser's session
            other.get("/login")
            stolen = other.post("/login", data={"token": TOKEN, "csrf": csrf})
            assert stolen.status_code == 403


def test_login_goes_nowhere_but_this_site(demo: Path) -> None:
    with (
        serve(demo, "--token", TOKEN) as site,
        httpx.Client(base_url=site.url, timeout=30) as browser,
    ):
        csrf = _csrf(browser.get("/login").text)
        for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
            done = browser.post("/login", data={"token": TOKEN, "csrf": csrf, "next": target})
            assert done.status_code == 303 and done.headers["location"] == "/"


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (
            ["--host", "0.0.0.0"],
            {},
            "--host 0.0.0.0 is reachable from other machines: give --token",
        ),
        (["--host", "192.0.2.1", "--token", ""], {}, "give --token"),
        (["--token", "short"], {}, "--token: too short (5 characters, at least 16)"),
        ([], {"TRACKER_WEB_TOKEN": "short"}, "--token: too short"),
        (["--as-of", "soon"], {}, "--as-of: bad date 'soon'"),
        (["--port", "0"], {}, "--port"),
    ],
)
def test_refuses_to_start_without_what_it_needs(
    demo: Path, args: list[str], env: dict[str, str], says: str
) -> None:
    done = run_cli("--config", str(demo), "web", *args, env=env, timeout=60)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert says in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 6  # typer's usage box at most, or one line


def test_a_port_in_use_is_named(demo: Path) -> None:
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        done = run_cli("--config", str(demo), "web", "--port", str(port), timeout=60)
    assert done.returncode == 2
    assert (
        done.stderr.strip() == f"tracker: cannot listen on 127.0.0.1:{port}: Address already in use"
    )


def test_pages_never_change_the_database(demo: Path, site: Served) -> None:
    db = demo.parent / "demo.db"

    def counts() -> list[str]:
        con = sqlite3.connect(db)
        out = list(con.iterdump())
        con.close()
        return out

    before = counts()
    for path in (
        "/",
        "/status.json",
        "/officials/sergey-lavrov",
        "/feeds",
        "/alerts",
        "/alerts.atom",
        "/awaits",
    ):
        assert site.get(path).status_code == 200
    assert counts() == before


def _correct(
    browser: httpx.Client,
    fields: dict[str, str],
    page: str = "/officials/marco-rubio?as_of=2025-11-30",
) -> httpx.Response:
    csrf = _csrf(browser.get(page).text)
    return browser.post(
        "/officials/marco-rubio/corrections", data={"csrf": csrf, "back": page, **fields}
    )


def test_a_correction_posted_from_the_page_changes_the_board_and_removing_it_restores(
    demo: Path, tmp_path: Path
) -> None:
    config = copy_of(demo, tmp_path)
    with (
        serve(config, "--as-of", "2025-11-30") as site,
        httpx.Client(base_url=site.url, timeout=30) as browser,
    ):
        data = browser.get("/officials/marco-rubio.json").json()
        assert (data["official"]["status"], data["official"]["last_seen"]) == ("ok", "2025-11-23")
        geneva = next(
            e for e in data["evidence"] if e["date"] == "2025-11-23" and e["kind"] == "appearance"
        )

        forged = browser.post(
            "/officials/marco-rubio/corrections",
            data={
                "action": "reject",
                "finding": str(geneva["finding_id"]),
                "reason": "x",
                "by": "eve",
            },
        )
        assert forged.status_code == 403 and "CSRF" in forged.text
        nameless = _correct(
            browser, {"action": "reject", "finding": str(geneva["finding_id"]), "reason": "x"}
        )
        assert nameless.status_code == 400 and "by: say who corrects" in nameless.text

        done = _correct(
            browser,
            {
                "action": "reject",
                "finding": str(geneva["finding_id"]),
                "reason": "file footage",
                "by": "ana",
            },
        )
        assert done.status_code == 303
        assert done.headers["location"] == "/officials/marco-rubio?as_of=2025-11-30#corrections"
        board = {o["name"]: o for o in browser.get("/status.json").json()["officials"]}
        assert (board["Marco Rubio"]["status"], board["Marco Rubio"]["last_seen"]) == (
            "silent",
            "2025-11-18",
        )
        page = browser.get("/officials/marco-rubio.json").json()
        (log,) = page["corrections"]
        assert (log["action"], log["by"], log["reason"], log["in_force"]) == (
            "reject",
            "ana",
            "file footage",
            True,
        )
        shown = next(e for e in page["evidence"] if e["finding_id"] == geneva["finding_id"])
        assert shown["correction"]["id"] == log["id"]
        assert page["timeline"]["silences"][-1] == {
            "from": "2025-11-18",
            "to": None,
            "silent_from": "2025-11-28",
            "days": None,
        }
        history = run_cli("--config", str(config), "history", "Marco Rubio").stdout
        assert "2025-11-23  Marco Rubio [REJECTED]" in history and "(by ana," in history

        assert (
            _correct(
                browser, {"action": "remove", "correction": str(log["id"]), "by": "ana"}
            ).status_code
            == 303
        )
        again = browser.get("/officials/marco-rubio.json").json()
        assert (again["official"]["status"], again["official"]["last_seen"]) == ("ok", "2025-11-23")
        assert (
            again["corrections"][0]["in_force"] is False
            and again["corrections"][0]["removed_by"] == "ana"
        )

        added = _correct(
            browser,
            {
                "action": "add",
                "day": "2025-11-29",
                "source": "C-SPAN",
                "note": "at a forum",
                "by": "ben",
            },
        )
        assert added.status_code == 303
        now = browser.get("/officials/marco-rubio.json").json()
        assert now["official"]["last_seen"] == "2025-11-29" and now["evidence"][0]["by_hand"]


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        (
            {"action": "reject", "finding": "abc", "reason": "x", "by": "a"},
            "finding: not an id: 'abc'",
        ),
        (
            {"action": "reject", "finding": "999999", "reason": "x", "by": "a"},
            "finding: no such finding of Marco Rubio",
        ),
        (
            {"action": "add", "day": "2025-13-40", "note": "x", "by": "a"},
            "day: bad date '2025-13-40'",
        ),
        ({"action": "add", "day": "2025-11-01", "by": "a"}, "say where or what"),
        ({"action": "remove", "correction": "5", "by": "a"}, "no correction #5 of Marco Rubio"),
        ({"action": "drop", "by": "a"}, "action: unknown 'drop'"),
    ],
)
def test_a_wrong_correction_from_the_page_is_a_400_naming_the_field(
    site: Served, fields: dict[str, str], says: str
) -> None:
    with httpx.Client(base_url=site.url, timeout=30) as browser:
        got = _correct(browser, fields, "/officials/marco-rubio")
    assert got.status_code == 400 and says in unescape(got.text)
