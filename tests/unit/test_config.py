"""A bad config exits 2 with one line naming the file, the key and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli
from tracker.config import ConfigError, load_config

GOOD = """
database = "sqlite:///t.db"
[defaults]
threshold = "7d"
[[feeds]]
url = "feeds/a.xml"
[[officials]]
name = "Sergey Lavrov"
threshold = "10d"
"""

BAD_CASES = [
    ("unknown_key", GOOD + 'colour = "blue"\n', "colour: unknown key"),
    (
        "unknown_key_in_official",
        GOOD.replace('threshold = "10d"', 'treshold = "10d"'),
        "officials[0].treshold: unknown key",
    ),
    ("bad_duration", GOOD.replace('"10d"', '"10 days"'), "officials[0].threshold: bad duration"),
    ("bad_default_duration", GOOD.replace('"7d"', '"week"'), "defaults.threshold: bad duration"),
    (
        "missing_name",
        GOOD.replace('name = "Sergey Lavrov"', 'aliases = ["Lavrov"]'),
        "officials[0].name: missing",
    ),
    (
        "empty_name",
        GOOD.replace('name = "Sergey Lavrov"', 'name = "  "'),
        "officials[0].name: must not be empty",
    ),
    ("missing_url", GOOD.replace('url = "feeds/a.xml"', 'name = "A"'), "feeds[0].url: missing"),
    (
        "bad_scheme",
        GOOD.replace('"feeds/a.xml"', '"ftp://x/y"'),
        "feeds[0].url: unsupported scheme",
    ),
    ("invalid_toml", GOOD + "[[officials]\n", "invalid TOML"),
    ("wrong_type", GOOD.replace('"sqlite:///t.db"', "42"), "database: must be a string"),
    (
        "bad_security",
        GOOD + '[email]\nhost="h"\nsecurity="tls"\nfrom="a@b"\nto=["c@d"]\n',
        "email.security: must be",
    ),
    ("missing_recipients", GOOD + '[email]\nhost="h"\nfrom="a@b"\n', "email.to: missing"),
    (
        "notify_without_url",
        GOOD + '[[notify]]\nname = "chat"\n',
        "notify[0].url: give exactly one of url, url_env, url_file",
    ),
    (
        "notify_bad_kind",
        GOOD + '[[notify]]\nname = "chat"\nkind = "pager"\nurl = "json://h"\n',
        "notify[0].kind: must be 'apprise' or 'webhook'",
    ),
    (
        "notify_webhook_not_http",
        GOOD + '[[notify]]\nname = "hook"\nkind = "webhook"\nurl = "ftp://h"\n',
        "notify[0].url: a webhook URL must start with http",
    ),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_each_kind_of_config_mistake_names_file_and_key(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    line = str(info.value)
    assert str(path) in line and message in line and "\n" not in line


@pytest.mark.parametrize(
    ("case", "text", "message"), BAD_CASES[:6], ids=[c[0] for c in BAD_CASES[:6]]
)
def test_cli_exits_2_with_one_line_and_no_traceback(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("--config", str(path), "status")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.stderr


def test_unreadable_path_exits_2_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "tracker.toml"
    result = run_cli("--config", str(missing), "status")
    assert result.returncode == 2
    assert str(missing) in result.stderr and "not found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_directory_as_config_exits_2(tmp_path: Path) -> None:
    result = run_cli("--config", str(tmp_path), "poll")
    assert result.returncode == 2 and str(tmp_path) in result.stderr


def test_config_is_found_through_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.toml"
    path.write_text(GOOD.replace("10d", "bogus"), encoding="utf-8")
    result = run_cli("status", env={"TRACKER_CONFIG": str(path)})
    assert result.returncode == 2 and str(path) in result.stderr


def test_relative_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "tracker.toml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    config = load_config(path)
    assert config.feeds[0].url == str(tmp_path / "sub" / "feeds" / "a.xml")
    assert config.database == f"sqlite:///{tmp_path / 'sub' / 't.db'}"
    assert config.outbox == tmp_path / "sub" / "outbox"
    assert config.officials[0].threshold.days == 10


def test_database_url_env_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("TRACKER_DATABASE_URL", "sqlite:////elsewhere.db")
    assert load_config(path).database == "sqlite:////elsewhere.db"


def test_init_writes_a_starter_that_loads(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    assert run_cli("init", str(target)).returncode == 0
    config = load_config(target)
    assert config.officials and config.feeds
    again = run_cli("init", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_notify_routes_read_their_secret_url_from_env_or_file_when_needed(tmp_path: Path) -> None:
    (tmp_path / "chat.url").write_text("tgram://token/chat\n", encoding="utf-8")
    path = tmp_path / "tracker.toml"
    path.write_text(
        GOOD
        + '[[notify]]\nname = "chat"\nurl_file = "chat.url"\ngroups = ["russia"]\n'
        + '[[notify]]\nname = "hook"\nkind = "webhook"\nurl_env = "HOOK_URL"\n',
        encoding="utf-8",
    )
    chat, hook = load_config(path).notify
    assert chat.resolve_url({}) == "tgram://token/chat"
    assert chat.wants("russia") and not chat.wants("china")
    assert hook.resolve_url({"HOOK_URL": "https://h.example/x"}) == "https://h.example/x"
    assert hook.wants("") and "HOOK_URL" not in repr(hook.url)
