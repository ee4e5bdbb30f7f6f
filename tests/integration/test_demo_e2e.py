"""The whole tracker on the demo corpus: feeds over HTTP, a real SMTP server, the CLI."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import HttpServer, SmtpSink
from tests.helpers import DEMO_CONFIG, SEEDS, run_cli
from tests.webserver import replayed_demo

FRESH_APPEARANCE = """<item><title>Lavrov receives Hungarian minister in Moscow</title>
<link>https://northwire.example/world/2025/11/13/lavrov-test-appearance</link>
<guid>test-fresh-appearance</guid><pubDate>Thu, 13 Nov 2025 15:00:00 +0000</pubDate>
<description>Russian Foreign Minister Sergey Lavrov held talks in Moscow on Thursday with a visiting Hungarian minister, his ministry said.</description></item>
</channel>"""


def _served_config(tmp_path: Path, http: HttpServer, smtp: SmtpSink) -> Path:
    """The demo config with its feeds served over HTTP and alerts sent by SMTP."""
    for feed in SEEDS.iterdir():
        if feed.suffix in {".rss", ".atom"}:
            shutil.copy(feed, http.root / feed.name)
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    text = text.replace('url = "../seeds/', f'url = "{http.url("")}')
    text = text.replace("../demo-output/demo.db", str(tmp_path / "demo.db"))
    text = text.replace('"../demo-output/outbox"', f'"{tmp_path / "outbox"}"')
    text += f"""
[email]
host = "127.0.0.1"
port = {smtp.port}
security = "none"
from = "tracker@example.org"
to = ["desk@example.org"]
"""
    config = tmp_path / "demo.toml"
    config.write_text(text, encoding="utf-8")
    return config


def _alert_subjects(smtp: SmtpSink) -> list[str]:
    """One subject per alert: a grouped message ("[tracker] 3 alerts: a; b; c") counts each."""
    out: list[str] = []
    for subject in smtp.subjects():
        head, _, rest = subject.partition(" alerts: ")
        if rest and head.startswith("[tracker] ") and head.removeprefix("[tracker] ").isdigit():
            out += [f"[tracker] {part}" for part in rest.split("; ")]
        else:
            out.append(subject)
    return out


def _about(smtp: SmtpSink, name: str, kind: str) -> list[str]:
    return [s for s in _alert_subjects(smtp) if name in s and kind in s]


def test_poll_over_http_sends_one_alert_then_none_then_one_seen_again(
    tmp_path: Path, http_dir: HttpServer, smtp_server: SmtpSink
) -> None:
    config = _served_config(tmp_path, http_dir, smtp_server)

    first = run_cli("--config", str(config), "poll", "--as-of", "2025-11-12")
    assert first.returncode == 0, first.stderr
    assert "127.0.0.1" in first.stdout and "89 new" not in first.stdout  # per-feed lines
    assert _about(smtp_server, "Sergey Lavrov", "silent for") == [
        "[tracker] Sergey Lavrov silent for 15 days (threshold 10d)"
    ]
    lavrov = next(m for m in smtp_server.messages if "Sergey Lavrov silent" in str(m["Subject"]))
    assert "Last seen:  2025-10-28" in lavrov.get_body(("plain",)).get_content()
    sent_before = len(smtp_server.messages)

    second = run_cli("--config", str(config), "poll", "--as-of", "2025-11-12")
    assert second.returncode == 0, second.stderr
    assert len(smtp_server.messages) == sent_before  # nothing new, nothing repeated

    feed = http_dir.root / "northwire.rss"
    feed.write_text(
        feed.read_text(encoding="utf-8").replace("</channel>", FRESH_APPEARANCE), encoding="utf-8"
    )
    third = run_cli("--config", str(config), "poll", "--as-of", "2025-11-14")
    assert third.returncode == 0, third.stderr
    assert _about(smtp_server, "Sergey Lavrov", "seen again") == [
        "[tracker] Sergey Lavrov seen again on 2025-11-13 after 16 days"
    ]
    assert len(_about(smtp_server, "Sergey Lavrov", "silent for")) == 1


def test_smtp_outage_keeps_the_alert_and_delivers_it_later(
    tmp_path: Path, http_dir: HttpServer, smtp_server: SmtpSink
) -> None:
    config = _served_config(tmp_path, http_dir, smtp_server)
    text = config.read_text(encoding="utf-8")
    dead = config.with_name("dead.toml")
    dead.write_text(
        text.replace(f"port = {smtp_server.port}", "port = 9"), encoding="utf-8"
    )  # nothing listens

    down = run_cli("--config", str(dead), "poll", "--as-of", "2025-11-12")
    assert down.returncode == 3
    assert "NOT SENT (kept, will retry)" in down.stderr and "127.0.0.1:9" in down.stderr
    assert smtp_server.messages == []

    # the alert waits for its backoff; `tracker alerts retry` sends it now
    pending = run_cli("--config", str(config), "alerts", "--state", "pending")
    assert "Sergey Lavrov silent" in pending.stdout and "127.0.0.1:9" in pending.stdout
    up = run_cli("--config", str(config), "alerts", "retry")
    assert up.returncode == 0, up.stderr
    assert len(_about(smtp_server, "Sergey Lavrov", "silent for")) == 1
    again = run_cli("--config", str(config), "alerts", "retry")
    assert again.returncode == 0 and len(_about(smtp_server, "Sergey Lavrov", "silent for")) == 1


@pytest.fixture(scope="module")
def imported_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("demo")
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace('url = "../seeds/', f'url = "{SEEDS}/')
    text = text.replace("../demo-output", str(tmp))
    config = tmp / "demo.toml"
    config.write_text(text, encoding="utf-8")
    result = run_cli("--config", str(config), "import", str(SEEDS), "--no-alerts")
    assert result.returncode == 0, result.stderr
    return config


@pytest.mark.parametrize(
    ("as_of", "status", "last_seen"),
    [
        ("2025-10-30", "ok", "2025-10-28"),
        ("2025-11-12", "silent", "2025-10-28"),
        ("2025-11-26", "ok", "2025-11-25"),
    ],
)
def test_status_as_of_answers_as_the_tracker_would_have_then(
    imported_demo: Path, as_of: str, status: str, last_seen: str
) -> None:
    result = run_cli("--config", str(imported_demo), "status", "--as-of", as_of, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["as_of"].startswith(as_of)
    lavrov = next(o for o in data["officials"] if o["name"] == "Sergey Lavrov")
    assert (lavrov["status"], lavrov["last_seen"]) == (status, last_seen)
    assert lavrov["threshold_days"] == 10 and lavrov["evidence"]["url"].startswith("https://")
    assert set(lavrov) >= {
        "name",
        "status",
        "last_seen",
        "silent_for_days",
        "threshold_days",
        "evidence",
    }


def test_status_counts_absence_reports_since_last_seen(imported_demo: Path) -> None:
    data = json.loads(
        run_cli("--config", str(imported_demo), "status", "--as-of", "2025-11-12", "--json").stdout
    )
    lavrov = next(o for o in data["officials"] if o["name"] == "Sergey Lavrov")
    assert lavrov["absences_since_last_seen"] >= 2


def test_history_has_no_appearance_in_the_gap_though_many_entries_mention_him(
    imported_demo: Path,
) -> None:
    result = run_cli("--config", str(imported_demo), "history", "Sergey Lavrov", "--json")
    assert result.returncode == 0, result.stderr
    dates = [a["date"] for a in json.loads(result.stdout)["appearances"]]
    assert dates == sorted(dates)
    assert "2025-10-28" in dates and "2025-11-25" in dates
    assert not [d for d in dates if "2025-10-29" <= d <= "2025-11-24"]
    everything = json.loads(
        run_cli(
            "--config", str(imported_demo), "history", "Sergey Lavrov", "--json", "--mentions"
        ).stdout
    )
    in_gap = [
        f for f in everything["findings"] if "2025-10-29" <= f["published"][:10] <= "2025-11-24"
    ]
    assert len(in_gap) >= 10
    # gap articles are absence reports and mentions, or look back to his last appearance
    assert all(f["kind"] != "appearance" or f["date"] <= "2025-10-28" for f in in_gap)
    assert any(f["kind"] == "absence" for f in in_gap)


def test_importing_twice_duplicates_nothing(imported_demo: Path) -> None:
    before = run_cli("--config", str(imported_demo), "history", "--json", "--mentions").stdout
    again = run_cli("--config", str(imported_demo), "import", str(SEEDS), "--no-alerts")
    assert again.returncode == 0 and " 0 new" in again.stdout and " new" in again.stdout
    assert (
        run_cli("--config", str(imported_demo), "history", "--json", "--mentions").stdout == before
    )


def test_replay_tells_when_lavrov_went_silent_and_came_back(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    result = run_cli(
        "--config",
        str(DEMO_CONFIG),
        "replay",
        str(SEEDS),
        "--from",
        "2025-10-01",
        "--outbox",
        str(outbox),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("2025-11-08")
        and "Sergey Lavrov: ok -> silent (last seen 2025-10-28" in line
        for line in lines
    )
    assert any(
        line.startswith("2025-11-26")
        and "Sergey Lavrov: silent -> ok (last seen 2025-11-25" in line
        for line in lines
    )
    assert "OFFICIAL" in result.stdout and str(outbox) in result.stdout
    emails = sorted(p.name for p in outbox.glob("*.eml"))
    silent = [
        p for p in outbox.glob("*.eml") if "Sergey Lavrov silent" in p.read_text(encoding="utf-8")
    ]
    again = [
        p
        for p in outbox.glob("*.eml")
        if "Sergey Lavrov seen again on 2025-11-25" in p.read_text(encoding="utf-8")
    ]
    assert len(silent) == 1 and len(again) == 1, emails
    # a replay never touches the configured database
    assert not (tmp_path / "demo.db").exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://eastern-desk.example/news/2025/11/05/top-diplomat-absent-security-council",
        "https://meridian-review.example/analysis/2025-1106-rumours-lavrov-standing",
    ],
)
def test_explain_shows_a_where_is_lavrov_entry_as_mentions_and_absences(
    imported_demo: Path, url: str
) -> None:
    result = run_cli("--config", str(imported_demo), "explain", url, "--json")
    assert result.returncode == 0, result.stderr
    lavrov = [s for s in json.loads(result.stdout)["sentences"] if s["official"] == "Sergey Lavrov"]
    assert len(lavrov) >= 3
    assert {s["kind"] for s in lavrov} <= {"mention", "absence"}
    assert all(s["cue"] and s["sentence"] and 0 < s["confidence"] <= 1 for s in lavrov)
    text = run_cli("--config", str(imported_demo), "explain", url)
    assert (
        text.returncode == 0
        and "Sergey Lavrov: " in text.stdout
        and "APPEARANCE" not in text.stdout.split("Sergey Lavrov")[1][:20]
    )


def test_explain_of_an_unknown_link_is_a_usage_error(imported_demo: Path) -> None:
    result = run_cli("--config", str(imported_demo), "explain", "https://nowhere.example/x")
    assert result.returncode == 2 and "no stored entry" in result.stderr


def test_rescan_finds_an_official_added_after_the_entries_were_stored(tmp_path: Path) -> None:
    base = DEMO_CONFIG.read_text(encoding="utf-8").replace('url = "../seeds/', f'url = "{SEEDS}/')
    base = base.replace("../demo-output", str(tmp_path))
    without = base.replace('name = "Maxim Oreshkin"', 'name = "Someone Else"')
    config = tmp_path / "demo.toml"
    config.write_text(without, encoding="utf-8")
    assert run_cli("--config", str(config), "import", str(SEEDS), "--no-alerts").returncode == 0
    lavrov_before = run_cli("--config", str(config), "history", "Sergey Lavrov", "--json").stdout

    config.write_text(base, encoding="utf-8")  # Oreshkin joins the watchlist
    assert (
        json.loads(run_cli("--config", str(config), "history", "Maxim Oreshkin", "--json").stdout)[
            "appearances"
        ]
        == []
    )
    result = run_cli("--config", str(config), "rescan", "maxim oreshkin")
    assert result.returncode == 0 and "rescanned 89 entries" in result.stdout
    found = json.loads(
        run_cli("--config", str(config), "history", "Maxim Oreshkin", "--json").stdout
    )["appearances"]
    assert "2025-11-22" in {a["date"] for a in found}
    # everyone else's record is untouched, and a second rescan changes nothing
    assert (
        run_cli("--config", str(config), "history", "Sergey Lavrov", "--json").stdout
        == lavrov_before
    )
    again = run_cli("--config", str(config), "rescan")
    assert again.returncode == 0
    assert (
        run_cli("--config", str(config), "history", "Sergey Lavrov", "--json").stdout
        == lavrov_before
    )


def test_a_replay_keeps_the_names_the_config_gives_its_feeds(tmp_path: Path) -> None:
    replayed_demo(tmp_path)  # the demo config's feeds, replayed into tmp_path/demo.db
    with sqlite3.connect(tmp_path / "demo.db") as db:
        names = dict(db.execute("select url, name from feed").fetchall())
    assert names[str(SEEDS / "northwire.rss")] == "Northwire"  # not the file's name
    assert names[str(SEEDS / "eastern-desk.atom")] == "Eastern Desk"
