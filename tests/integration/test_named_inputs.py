"""Wrong inputs are named for what they are, through the real CLI (issue 12, item 6)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import HttpServer
from tests.helpers import free_port, run_cli
from tests.unit.test_sniff import PAGE


def _config(tmp_path: Path, feeds: list[str]) -> Path:
    path = tmp_path / "tracker.toml"
    lines = ['database = "sqlite:///t.db"', 'outbox = "outbox"']
    for url in feeds:
        lines += ["[[feeds]]", f'url = "{url}"']
    lines += ["[[officials]]", 'name = "Sergey Lavrov"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_web_page_configured_as_a_feed_names_the_feed_it_links(
    tmp_path: Path, http_dir: HttpServer
) -> None:
    (http_dir.root / "news.html").write_bytes(PAGE)
    result = run_cli("--config", str(_config(tmp_path, [http_dir.url("news.html")])), "poll")
    assert result.returncode == 3
    (line,) = [x for x in result.stderr.splitlines() if "FAILED" in x]
    assert (
        f"it links the feed http://127.0.0.1:{http_dir.port}/rss.xml (and 1 more): use that URL"
        in line
    )
    assert "syntax error" not in line


def test_opml_given_to_import_points_to_feeds_import(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>s</title></head><body>'
        '<outline text="Wire" xmlUrl="https://wire.example/rss"/></body></opml>',
        encoding="utf-8",
    )
    result = run_cli("--config", str(_config(tmp_path, [])), "import", str(opml))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "OPML subscription list" in result.stderr and "tracker feeds import" in result.stderr


def test_when_no_feed_can_be_reached_one_line_says_so(tmp_path: Path) -> None:
    feeds = [f"http://127.0.0.1:{free_port()}/rss{i}.xml" for i in range(3)]
    result = run_cli("--config", str(_config(tmp_path, feeds)), "poll")
    assert result.returncode == 3
    failures = [x for x in result.stderr.splitlines() if "FAILED" in x]
    assert len(failures) == 3 and all(
        "connection refused" in x and "127.0.0.1:" in x for x in failures
    )
    assert (
        "no feed could be reached (3 of 3 failed to connect): is the network up?" in result.stderr
    )
