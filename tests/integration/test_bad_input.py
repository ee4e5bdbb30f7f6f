"""A broken feed, an unreachable server or a malformed file: a one-line reason, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import HttpServer
from tests.helpers import free_port, run_cli

GOOD_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Good</title><link>https://good.example/</link><description>d</description>
<item><title>Sergey Lavrov meets Choe Son Hui</title><link>https://good.example/1</link><guid>g1</guid>
<pubDate>Mon, 27 Oct 2025 15:00:00 +0000</pubDate>
<description>Sergey Lavrov held talks with Choe Son Hui in Moscow on Monday.</description></item>
</channel></rss>"""


def _config(tmp_path: Path, feeds: list[str]) -> Path:
    lines = ['database = "sqlite:///t.db"', 'outbox = "outbox"']
    for url in feeds:
        lines += ["[[feeds]]", f'url = "{url}"']
    lines += ["[[officials]]", 'name = "Sergey Lavrov"', 'threshold = "10d"']
    path = tmp_path / "tracker.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _entries(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "t.db") as db:
        return int(db.execute("select count(*) from entry").fetchone()[0])


def test_failing_feeds_are_named_and_healthy_ones_still_ingested(
    tmp_path: Path, http_dir: HttpServer
) -> None:
    (http_dir.root / "good.xml").write_text(GOOD_FEED, encoding="utf-8")
    (http_dir.root / "garbage.xml").write_bytes(b"\x00\x01 this is not a feed <<<")
    refused = f"http://127.0.0.1:{free_port()}/feed.xml"
    config = _config(
        tmp_path,
        [
            http_dir.url("missing.xml"),
            refused,
            http_dir.url("garbage.xml"),
            str(tmp_path / "nope.xml"),
            http_dir.url("good.xml"),
        ],
    )
    result = run_cli("--config", str(config), "poll", "--as-of", "2025-10-30")
    assert result.returncode == 3, result.stderr
    failures = [line for line in result.stderr.splitlines() if "FAILED" in line]
    assert len(failures) == 4, result.stderr
    assert any("HTTP 404" in line and "missing.xml" in line for line in failures)
    assert any("connection refused" in line and refused in line for line in failures)
    assert any("nope.xml" in line and "no such file" in line for line in failures)
    assert "Traceback" not in result.stderr
    assert _entries(tmp_path) == 1
    status = run_cli("--config", str(config), "status", "--as-of", "2025-10-30")
    assert status.returncode == 0 and "feeds failing or disabled" in status.stdout


def test_malformed_xml_yields_what_can_be_read(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(GOOD_FEED.replace("</channel></rss>", "<item><title>half"), encoding="utf-8")
    result = run_cli("--config", str(_config(tmp_path, [])), "import", str(broken), "--no-alerts")
    assert result.returncode == 0, result.stderr
    assert "warning: malformed feed" in result.stdout
    assert _entries(tmp_path) >= 1


def test_bad_as_of_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("--config", str(_config(tmp_path, [])), "status", "--as-of", "November 12")
    assert (
        result.returncode == 2
        and "--as-of" in result.stderr
        and len(result.stderr.splitlines()) == 1
    )


def test_unusable_database_exits_4_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    config = tmp_path / "tracker.toml"
    config.write_text(f'database = "sqlite:///{blocker}/x/t.db"\n', encoding="utf-8")
    result = run_cli("--config", str(config), "status")
    assert result.returncode == 4, result.stderr
    assert str(blocker) in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_import_of_nothing_is_a_usage_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("--config", str(_config(tmp_path, [])), "import", str(empty))
    assert result.returncode == 2 and "no feed files" in result.stderr
