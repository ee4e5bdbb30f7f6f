"""Hostile configs (issue 10): each is refused at load with exit 2 and one line
`<file>: <key path>: <problem>` naming the key, never a traceback; and the values a
config may legitimately hold (TOML date-times, file:// URLs, readable secrets) load."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import run_cli
from tracker.cli import app
from tracker.config import load_config

BASE = 'database = "sqlite:///t.db"\n'
FEED = '[[feeds]]\nurl = "feeds/a.xml"\n'
OFFICIAL = '[[officials]]\nname = "Sergey Lavrov"\ngroup = "russia"\n'
EMAIL = '[email]\nhost = "127.0.0.1"\nfrom = "t@localhost"\nto = ["desk@localhost"]\n'
AWAIT = '[[awaits]]\nofficial = "Sergey Lavrov"\nsince = 2025-10-01T00:00:00Z\nwithin = "72h"\n'
NOTIFY = '[[notify]]\nname = "chat"\nurl = "json://127.0.0.1:9/x"\n'


def _feed(url: str) -> str:
    return f"[[feeds]]\nurl = {url}\n" + OFFICIAL


def _official(line: str) -> str:
    return FEED + OFFICIAL + line + "\n"


def _role(table: str) -> str:
    return FEED + OFFICIAL + f"roles = [{table}]\n"


def _polling(line: str) -> str:
    return FEED + OFFICIAL + f"[polling]\n{line}\n"


def _alerts(line: str, table: str = "alerts") -> str:
    return FEED + OFFICIAL + f"[{table}]\n{line}\n"


def _await(lines: str) -> str:
    return FEED + OFFICIAL + '[[awaits]]\nofficial = "Sergey Lavrov"\n' + lines + "\n"


def _email(line: str) -> str:
    return FEED + OFFICIAL + EMAIL + line + "\n"


def _notify(lines: str) -> str:
    return FEED + OFFICIAL + "[[notify]]\n" + lines + "\n"


# (id, text after BASE, key named, a fragment of the problem)
HOSTILE = [
    # the failures listed in issue 10
    ("email_timeout_nan", _email("timeout = nan"), "email.timeout", "finite"),
    ("connect_timeout_nan", _polling("connect_timeout = nan"), "polling.connect_timeout", "finite"),
    ("user_agent_non_ascii", _polling('user_agent = "tracker ünï"'), "polling.user_agent", "ASCII"),
    ("user_agent_nul", _polling('user_agent = "a\\u0000b"'), "polling.user_agent", "ASCII"),
    ("max_size_huge", _polling("max_size = 99999999999999999999"), "polling.max_size", "range"),
    ("url_broken_ipv6", _feed('"http://[::1"'), "feeds[0].url", "bad URL"),
    (
        "password_file_missing",
        _email('password_file = "no-such-secret"'),
        "email.password_file",
        "cannot read",
    ),
    (
        "threshold_huge",
        _official('threshold = "99999999999999999999d"'),
        "officials[0].threshold",
        "longer than 100 years",
    ),
    (
        "within_huge",
        _await('since = 2025-10-01\nwithin = "99999999999d"'),
        "awaits[0].within",
        "longer than 100 years",
    ),
    ("email_timeout_nan_2", _email("timeout = -nan"), "email.timeout", "finite"),
    ("total_timeout_inf", _polling("total_timeout = inf"), "polling.total_timeout", "finite"),
    ("min_gaps_negative", _alerts("min_gaps = -3", "alerts.adaptive"), "alerts.adaptive.min_gaps", "negative"),
    (
        "await_year_9999",
        _await('since = 9999-01-01T00:00:00Z\nwithin = "72h"'),
        "awaits[0].since",
        "out of range",
    ),
    ("url_javascript", _feed('"javascript:alert(1)"'), "feeds[0].url", "unsupported scheme"),
    ("url_no_host", _feed('"http://"'), "feeds[0].url", "no host"),
    ("url_garbage", _feed('"ht tp://x y"'), "feeds[0].url", "bad URL"),
    # top level
    ("unknown_top_key", 'colour = "blue"\n' + FEED + OFFICIAL, "colour", "unknown key"),
    ("database_not_string", "database = 42\n" + FEED, "database", "must be a string"),
    ("outbox_nul", 'outbox = "out\\u0000box"\n' + FEED, "outbox", "control characters"),
    ("outbox_unknown_user", 'outbox = "~no-such-user-zz/out"\n' + FEED, "outbox", "cannot use path"),
    ("feeds_not_array", 'feeds = "a.xml"\n', "feeds", "must be an array"),
    ("email_not_table", 'email = "desk@localhost"\n', "email", "must be a table"),
    ("defaults_not_table", "defaults = 7\n", "defaults", "must be a table"),
    ("deep_arrays", "outbox = " + "[" * 5000 + "]" * 5000 + "\n", "invalid TOML", "nested too deeply"),
    ("deep_tables", "outbox = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "invalid TOML", "nested too deeply"),
    ("nested_but_sane", "outbox = " + "[" * 50 + "]" * 50 + "\n", "outbox", "must be a string, got an array"),
    # [defaults]
    ("default_threshold_date", "[defaults]\nthreshold = 2025-01-01\n", "defaults.threshold", "got a date"),
    ("default_interval_int", "[defaults]\ninterval = 15\n", "defaults.interval", "got an integer"),
    ("default_interval_zero", '[defaults]\ninterval = "0m"\n', "defaults.interval", "greater than zero"),
    ("default_every_negative", '[defaults]\nevaluate_every = "-5m"\n', "defaults.evaluate_every", "bad duration"),
    ("default_unknown", '[defaults]\ntimeout = "5m"\n', "defaults.timeout", "unknown key"),
    # [[feeds]]
    ("url_ftp", _feed('"ftp://x/y"'), "feeds[0].url", "unsupported scheme 'ftp'"),
    ("url_data", _feed('"data:text/xml,<rss/>"'), "feeds[0].url", "unsupported scheme 'data'"),
    ("url_missing_slashes", _feed('"https:example.org/rss"'), "feeds[0].url", "bad URL"),
    ("url_port_range", _feed('"http://a.example:99999/rss"'), "feeds[0].url", "bad URL"),
    ("url_port_text", _feed('"http://a.example:http/rss"'), "feeds[0].url", "bad URL"),
    ("url_space_in_host", _feed('"https://exa mple.org/rss"'), "feeds[0].url", "bad URL"),
    ("url_file_with_host", _feed('"file://server/share/a.xml"'), "feeds[0].url", "file:///"),
    ("url_nul", _feed('"feeds/a\\u0000.xml"'), "feeds[0].url", "control characters"),
    ("url_empty", _feed('"  "'), "feeds[0].url", "must not be empty"),
    ("url_int", _feed("42"), "feeds[0].url", "must be a string"),
    ("url_duplicate", FEED + FEED, "feeds[1].url", "duplicate feed"),
    ("feed_interval_bad", FEED + 'interval = "fast"\n', "feeds[0].interval", "bad duration"),
    ("feed_fulltext_text", FEED + 'fulltext = "yes"\n', "feeds[0].fulltext", "true or false"),
    ("feed_name_table", FEED + "name = {a = 1}\n", "feeds[0].name", "must be a string"),
    ("feed_unknown", FEED + 'ttl = "1h"\n', "feeds[0].ttl", "unknown key"),
    # [[officials]]
    ("name_missing", FEED + '[[officials]]\naliases = ["Lavrov"]\n', "officials[0].name", "missing"),
    ("name_blank", FEED + '[[officials]]\nname = " "\n', "officials[0].name", "must not be empty"),
    ("name_nul", FEED + '[[officials]]\nname = "Sergey\\u0000Lavrov"\n', "officials[0].name", "control"),
    ("name_duplicate", FEED + OFFICIAL + '[[officials]]\nname = "sergey lavrov"\n', "officials[1].name", "duplicate"),
    ("aliases_int", _official("aliases = 5"), "officials[0].aliases", "must be an array"),
    ("alias_int", _official("aliases = [1]"), "officials[0].aliases[0]", "must be a string"),
    ("alias_too_long", _official(f'aliases = ["{"a" * 1200}"]'), "officials[0].aliases[0]", "too long"),
    ("threshold_typo", _official('threshold = "adaptiv"'), "officials[0].threshold", "bad duration"),
    ("threshold_float", _official("threshold = 7.5"), "officials[0].threshold", "got a number"),
    ("official_unknown", _official('treshold = "10d"'), "officials[0].treshold", "unknown key"),
    ("role_int", _role("3"), "officials[0].roles[0]", "string or a {title"),
    ("role_no_title", _role('{since = "2004-03-09"}'), "officials[0].roles[0].title", "missing"),
    ("role_unknown", _role('{title = "m", from = "2004-03-09"}'), "officials[0].roles[0].from", "unknown key"),
    ("role_since_9999", _role('{title = "m", since = 9999-01-01}'), "officials[0].roles[0].since", "out of range"),
    ("role_since_bad", _role('{title = "m", since = "2004-13-01"}'), "officials[0].roles[0].since", "bad date"),
    ("role_since_time", _role('{title = "m", since = 12:00:00}'), "officials[0].roles[0].since", "time of day"),
    ("role_since_int", _role('{title = "m", since = 2004}'), "officials[0].roles[0].since", "got an integer"),
    (
        "role_until_before_since",
        _role('{title = "m", since = 2010-01-01, until = 2000-01-01}'),
        "officials[0].roles[0].until",
        "before since",
    ),
    # [polling]
    ("concurrency_zero", _polling("concurrency = 0"), "polling.concurrency", "at least 1"),
    ("concurrency_huge", _polling("concurrency = 100000"), "polling.concurrency", "at most 1000"),
    ("concurrency_bool", _polling("concurrency = true"), "polling.concurrency", "got true/false"),
    ("concurrency_float", _polling("concurrency = 1.5"), "polling.concurrency", "must be an integer"),
    ("per_host_negative", _polling("per_host = -1"), "polling.per_host", "at least 1"),
    ("read_timeout_zero", _polling("read_timeout = 0"), "polling.read_timeout", "greater than zero"),
    ("read_timeout_huge", _polling("read_timeout = 1e300"), "polling.read_timeout", "at most 3600"),
    ("read_timeout_text", _polling('read_timeout = "10"'), "polling.read_timeout", "got a string"),
    ("max_size_text", _polling('max_size = "lots"'), "polling.max_size", "bad size"),
    ("max_size_zero", _polling("max_size = 0"), "polling.max_size", "positive number of bytes"),
    ("max_size_2gb", _polling('max_size = "2GB"'), "polling.max_size", "at most 1GB"),
    ("max_size_bool", _polling("max_size = true"), "polling.max_size", "positive number of bytes"),
    ("max_redirects_huge", _polling("max_redirects = 1000"), "polling.max_redirects", "at most 50"),
    ("user_agent_two_lines", _polling('user_agent = "a\\nb"'), "polling.user_agent", "one line"),
    ("user_agent_long", _polling(f'user_agent = "{"x" * 300}"'), "polling.user_agent", "too long"),
    ("max_interval_huge", _polling('max_interval = "999999w"'), "polling.max_interval", "100 years"),
    ("fulltext_private_text", _polling('fulltext_private = "no"'), "polling.fulltext_private", "true or false"),
    # [alerts]
    ("early_warning_one", _alerts("early_warning = 1.5"), "alerts.early_warning", "between 0 and 1"),
    ("early_warning_nan", _alerts("early_warning = nan"), "alerts.early_warning", "finite"),
    ("repeat_never", _alerts('repeat_every = "never"'), "alerts.repeat_every", "bad duration"),
    ("repeat_false", _alerts("repeat_every = false"), "alerts.repeat_every", "got true/false"),
    ("retry_in_wrong_order", _alerts('retry_min = "2h"\nretry_max = "1h"'), "alerts.retry_min", "retry_max"),
    ("lease_zero", _alerts('lease = "0s"'), "alerts.lease", "greater than zero"),
    ("alerts_group_int", _alerts("group = 1"), "alerts.group", "true or false"),
    ("multiple_zero", _alerts("multiple = 0", "alerts.adaptive"), "alerts.adaptive.multiple", "greater than zero"),
    ("multiple_inf", _alerts("multiple = inf", "alerts.adaptive"), "alerts.adaptive.multiple", "finite"),
    ("floor_over_ceiling", _alerts('floor = "40d"', "alerts.adaptive"), "alerts.adaptive.floor", "ceiling"),
    ("min_gaps_float", _alerts("min_gaps = 1.5", "alerts.adaptive"), "alerts.adaptive.min_gaps", "integer"),
    # [[awaits]]
    ("await_stranger", _await('since = 2025-10-01\nwithin = "72h"').replace('"Sergey Lavrov"\nsince', '"Nobody"\nsince'), "awaits[0].official", "not on the watchlist"),
    ("await_no_since", _await('within = "72h"'), "awaits[0].since", "missing"),
    ("await_since_word", _await('since = "yesterday"\nwithin = "72h"'), "awaits[0].since", "bad time"),
    ("await_since_time", _await('since = 12:00:00\nwithin = "72h"'), "awaits[0].since", "time of day"),
    ("await_since_1800", _await('since = "1800-01-01T00:00Z"\nwithin = "72h"'), "awaits[0].since", "out of range"),
    ("await_no_within", _await("since = 2025-10-01"), "awaits[0].within", "missing"),
    ("await_about_int", _await('since = 2025-10-01\nwithin = "72h"\nabout = 3'), "awaits[0].about", "array"),
    # [email]
    ("email_security", _email('security = "tls"'), "email.security", "'starttls', 'ssl' or 'none'"),
    ("email_port_zero", _email("port = 0"), "email.port", "at least 1"),
    ("email_port_huge", _email("port = 70000"), "email.port", "at most 65535"),
    ("email_from_bad", _email("").replace('"t@localhost"', '"nobody"'), "email.from", "bad address"),
    ("email_to_empty", _email("").replace('["desk@localhost"]', "[]"), "email.to", "must not be empty"),
    ("email_to_missing", _email("").replace('to = ["desk@localhost"]', ""), "email.to", "missing"),
    ("email_host_missing", _email("").replace('host = "127.0.0.1"', ""), "email.host", "missing"),
    ("email_timeout_zero", _email("timeout = 0"), "email.timeout", "greater than zero"),
    ("email_timeout_huge", _email("timeout = 1e9"), "email.timeout", "at most 3600"),
    ("email_route_unknown_group", _email('[email.routes]\nchina = ["c@localhost"]'), "email.routes.china", "no official"),
    ("email_route_bad_address", _email('[email.routes]\nrussia = ["nobody"]'), "email.routes.russia[0]", "bad address"),
    ("password_file_is_dir", _email('password_file = "."'), "email.password_file", "cannot read"),
    # [[notify]]
    ("notify_name_bad", _notify('name = "bad name!"\nurl = "json://h"'), "notify[0].name", "letters, digits"),
    ("notify_kind", _notify('name = "c"\nkind = "pager"\nurl = "json://h"'), "notify[0].kind", "'apprise' or 'webhook'"),
    ("notify_two_urls", _notify('name = "c"\nurl = "json://h"\nurl_env = "X"'), "notify[0].url", "exactly one"),
    ("notify_no_url", _notify('name = "c"'), "notify[0].url", "exactly one"),
    ("notify_webhook_ftp", _notify('name = "c"\nkind = "webhook"\nurl = "ftp://h"'), "notify[0].url", "http"),
    ("notify_url_file_missing", _notify('name = "c"\nurl_file = "nope.url"'), "notify[0].url_file", "cannot read"),
    ("notify_timeout_negative", _notify('name = "c"\nurl = "json://h"\ntimeout = -1'), "notify[0].timeout", "greater than zero"),
    ("notify_duplicate", FEED + OFFICIAL + NOTIFY + NOTIFY, "notify[1].name", "used by another"),
]  # fmt: skip


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tracker.toml"
    body = text if text.startswith("database") else BASE + text
    path.write_text(body, encoding="utf-8")
    return path


def _one_line(stderr: str, path: Path, key: str, problem: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"tracker: {path}: {key}: "), lines[0]
    assert problem in lines[0], lines[0]
    assert "Traceback" not in stderr


def test_the_table_holds_sixty_hostile_configs_or_more() -> None:
    assert len(HOSTILE) >= 60
    assert len({case[0] for case in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize(("case", "text", "key", "problem"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_config_exits_2_with_one_line_naming_the_key(
    tmp_path: Path, case: str, text: str, key: str, problem: str
) -> None:
    path = _write(tmp_path, text)
    result = CliRunner().invoke(app, ["--config", str(path), "status"])
    assert result.exit_code == 2, (result.output, result.stderr)
    _one_line(result.stderr, path, key, problem)
    assert not (tmp_path / "t.db").exists()  # refused before anything was opened


THROUGH_A_PROCESS = [
    "connect_timeout_nan",
    "url_javascript",
    "threshold_huge",
    "password_file_missing",
]


@pytest.mark.parametrize("case", THROUGH_A_PROCESS)
def test_a_hostile_config_through_the_real_command_prints_one_line_and_exits_2(
    tmp_path: Path, case: str
) -> None:
    _, text, key, problem = next(c for c in HOSTILE if c[0] == case)
    path = _write(tmp_path, text)
    result = run_cli("--config", str(path), "status")
    assert result.returncode == 2, result.stderr
    _one_line(result.stderr, path, key, problem)


def test_toml_date_times_are_accepted_where_a_moment_or_a_day_is_asked(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        FEED
        + OFFICIAL
        + 'roles = [{title = "minister", since = 2004-03-09T10:00:00+03:00},'
        + ' {title = "envoy", since = "1994-04-01", until = "2004-03-09T00:00Z"}]\n'
        + '[[awaits]]\nofficial = "Sergey Lavrov"\nsince = 2025-10-01\nwithin = "72h"\n'
        + '[[awaits]]\nofficial = "Sergey Lavrov"\nsince = 2025-10-01T12:00:00+02:00\nwithin = "1d"\n',
    )
    config = load_config(path)
    minister, envoy = config.officials[0].roles
    assert (minister.since, envoy.since, envoy.until) == (
        date(2004, 3, 9),
        date(1994, 4, 1),
        date(2004, 3, 9),
    )
    assert minister.held_on(date(2025, 1, 1)) and not envoy.held_on(date(2025, 1, 1))
    assert [a.since for a in config.awaits] == [
        datetime(2025, 10, 1, tzinfo=UTC),
        datetime(2025, 10, 1, 10, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    ("url", "loaded"),
    [
        ("https://a.example/rss", "https://a.example/rss"),
        ("HTTP://a.example:8080/feed?x=1", "HTTP://a.example:8080/feed?x=1"),
        ("http://[::1]:8000/rss", "http://[::1]:8000/rss"),
        ("file:///srv/feeds/a.xml", "file:///srv/feeds/a.xml"),
        ("feeds/with space.xml", "{dir}/feeds/with space.xml"),
        ("./a:b.xml", "{dir}/a:b.xml"),
    ],
)
def test_http_file_urls_and_local_paths_are_accepted(tmp_path: Path, url: str, loaded: str) -> None:
    path = _write(tmp_path, _feed(f'"{url}"'))
    assert load_config(path).feeds[0].url == loaded.format(dir=tmp_path)


def test_readable_secret_files_load_and_stay_paths(tmp_path: Path) -> None:
    (tmp_path / "smtp.pw").write_text("hunter2\n", encoding="utf-8")
    (tmp_path / "chat.url").write_text("json://127.0.0.1:9/x\n", encoding="utf-8")
    path = _write(
        tmp_path,
        _email('username = "u"\npassword_file = "smtp.pw"')
        + '[[notify]]\nname = "chat"\nurl_file = "chat.url"\n',
    )
    config = load_config(path)
    assert config.email is not None and config.email.password_file == tmp_path / "smtp.pw"
    assert config.notify[0].resolve_url({}) == "json://127.0.0.1:9/x"


def test_a_secret_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "smtp.pw").write_bytes(b"\xff\xfe\x00")
    path = _write(tmp_path, _email('password_file = "smtp.pw"'))
    result = CliRunner().invoke(app, ["--config", str(path), "status"])
    assert result.exit_code == 2
    _one_line(result.stderr, path, "email.password_file", "not UTF-8")
