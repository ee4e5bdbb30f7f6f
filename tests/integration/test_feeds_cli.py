"""`tracker feeds` as a user runs it: health of good and failing feeds, adding by page
discovery, removing, enabling, and OPML round trips."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, Route
from tests.feedtools import GOOD, item, rss
from tests.helpers import run_cli
from tracker.feeds.opml import parse_opml


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.routes["/good.xml"] = Route(body=GOOD)
        srv.routes["/other.xml"] = Route(body=rss([item(2)], title="Other Wire"))
        srv.routes["/missing.xml"] = Route(404, b"")
        srv.routes["/gone.xml"] = Route(410, b"")
        # a story of its own: with good.xml's, whichever feed came first stored it
        broken = rss([item(3)], title="Broken Wire").replace(b"</channel></rss>", b"<item><title>x")
        srv.routes["/broken.xml"] = Route(body=broken)
        yield srv


def _config(tmp_path: Path, feeds: list[str]) -> Path:
    lines = ['database = "sqlite:///t.db"', 'outbox = "outbox"', "[polling]", "total_timeout = 5"]
    for url in feeds:
        lines += ["[[feeds]]", f'url = "{url}"']
    lines += ["[[officials]]", 'name = "Sergey Lavrov"']
    path = tmp_path / "tracker.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_feeds_lists_health_worst_first_and_status_warns(
    tmp_path: Path, server: FeedServer
) -> None:
    urls = [server.url(p) for p in ("/good.xml", "/missing.xml", "/gone.xml", "/broken.xml")]
    config = _config(tmp_path, urls)
    assert run_cli("--config", str(config), "poll", "--as-of", "2025-10-30").returncode == 3
    assert run_cli("--config", str(config), "poll", "--as-of", "2025-10-30").returncode == 3

    table = run_cli("--config", str(config), "feeds")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["STATE", "FEED", "FAILS"]
    states = [line.split()[0] for line in lines[1:5]]
    assert states == ["disabled", "failing", "warning", "ok"]
    assert "HTTP 410 Gone" in lines[1] and "HTTP 404 Not Found" in lines[2] and " 2 " in lines[2]
    assert "malformed feed" in lines[3]
    assert "4 feeds, 2 failing or disabled" in table.stdout

    data = json.loads(run_cli("--config", str(config), "feeds", "--json").stdout)["feeds"]
    by_url = {f["url"]: f for f in data}
    assert by_url[urls[1]]["consecutive_failures"] == 2 and by_url[urls[1]]["last_status"] == 404
    assert by_url[urls[0]]["state"] == "ok" and by_url[urls[0]]["entries_seen"] == 1
    assert by_url[urls[2]]["disabled_at"] is not None

    status = run_cli("--config", str(config), "status", "--as-of", "2025-10-30")
    assert "2 feeds failing or disabled" in status.stdout


def test_feeds_add_discovers_the_feed_a_page_links(tmp_path: Path, server: FeedServer) -> None:
    link = '<link rel="alternate" type="application/rss+xml" title="{t}" href="{h}">'
    server.routes["/one"] = Route(
        body=f"<html><head>{link.format(t='Wire', h='/good.xml')}</head></html>".encode()
    )
    server.routes["/two"] = Route(
        body=f"<html><head>{link.format(t='A', h='/good.xml')}{link.format(t='B', h='/other.xml')}</head></html>".encode()
    )
    server.routes["/none"] = Route(body=b"<html><head><title>no feeds</title></head></html>")
    config = _config(tmp_path, [])

    added = run_cli(
        "--config", str(config), "feeds", "add", server.url("/one"), "--category", "Agencies"
    )
    assert added.returncode == 0, added.stderr
    assert f"added Wire <{server.url('/good.xml')}>" in added.stdout
    several = run_cli("--config", str(config), "feeds", "add", server.url("/two"))
    assert several.returncode == 2 and server.url("/other.xml") in several.stderr
    nothing = run_cli("--config", str(config), "feeds", "add", server.url("/none"))
    assert nothing.returncode == 2 and "links no feed" in nothing.stderr
    assert nothing.stderr.count("\n") == 1 and "Traceback" not in nothing.stderr
    missing = run_cli("--config", str(config), "feeds", "add", server.url("/gone-missing"))
    assert missing.returncode == 2 and "404" in missing.stderr
    assert missing.stderr.startswith(f"tracker: {server.url('/gone-missing')}: ")
    assert missing.stderr.count("\n") == 1
    direct = run_cli(
        "--config", str(config), "feeds", "add", server.url("/other.xml"), "--name", "Other"
    )
    assert direct.returncode == 0 and "added Other" in direct.stdout

    polled = run_cli("--config", str(config), "poll", "--as-of", "2025-10-30")
    assert polled.returncode == 0 and "polling 2 feeds" in polled.stdout
    removed = run_cli("--config", str(config), "feeds", "remove", server.url("/other.xml"))
    assert removed.returncode == 0
    listed = json.loads(run_cli("--config", str(config), "feeds", "--json").stdout)["feeds"]
    assert [(f["name"], f["category"]) for f in listed] == [("Wire", "Agencies")]


def test_a_gone_feed_is_polled_again_once_enabled(tmp_path: Path, server: FeedServer) -> None:
    url = server.url("/gone.xml")
    config = _config(tmp_path, [url])
    run_cli("--config", str(config), "poll")
    assert "skipped" in run_cli("--config", str(config), "poll").stdout
    assert server.hits["/gone.xml"] == 1
    assert run_cli("--config", str(config), "feeds", "enable", url).returncode == 0
    server.routes["/gone.xml"] = Route(body=GOOD)
    assert run_cli("--config", str(config), "poll", "--as-of", "2025-10-30").returncode == 0
    assert server.hits["/gone.xml"] == 2


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>exported elsewhere</title></head><body>
<outline text="Wire" title="Wire" type="rss" xmlUrl="https://wire.example/rss.xml" htmlUrl="https://wire.example/"/>
<outline text="Ministries" title="Ministries">
  <outline text="MFA" title="MFA" type="rss" xmlUrl="https://mfa.example/en/rss"/>
  <outline text="MoD" title="MoD" type="rss" xmlUrl="https://mod.example/feed.atom"/>
</outline>
<outline text="gopher" xmlUrl="gopher://old.example/feed"/>
</body></opml>
"""


def test_opml_import_then_export_gives_the_same_feeds(tmp_path: Path) -> None:
    config = _config(tmp_path, [])
    source = tmp_path / "in.opml"
    source.write_text(OPML, encoding="utf-8")
    imported = run_cli("--config", str(config), "feeds", "import", str(source))
    assert imported.returncode == 0, imported.stderr
    assert "3 feeds added, 0 already present, 1 skipped" in imported.stdout
    again = run_cli("--config", str(config), "feeds", "import", str(source))
    assert "0 feeds added, 3 already present" in again.stdout

    exported = run_cli("--config", str(config), "feeds", "export")
    assert exported.returncode == 0, exported.stderr
    expected = [f for f in parse_opml(OPML.encode()) if f.url.startswith("https")]
    assert parse_opml(exported.stdout.encode()) == expected

    out = tmp_path / "out.opml"
    assert run_cli("--config", str(config), "feeds", "export", "-o", str(out)).returncode == 0
    assert parse_opml(out.read_bytes()) == expected


def test_opml_that_is_not_opml_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("<html>not opml</html>", encoding="utf-8")
    result = run_cli("--config", str(_config(tmp_path, [])), "feeds", "import", str(bad))
    assert result.returncode == 2 and "root element is <html>" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
