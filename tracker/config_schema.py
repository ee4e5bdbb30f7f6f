"""The config file's declared schema: every key, its type and its bounds, in one place.

Pure: the models validate a parsed TOML document (no files, no environment, no
clock) and `first_problem` turns pydantic's report into one `key path: problem`
line; tracker/config.py resolves paths, reads secrets and builds the dataclasses
the rest of the code consumes. Strict types: TOML already types its values, so
"5" is not a number and 1 is not `true`. Unknown keys are errors (`extra="forbid"`):
a misspelt `treshold` must not be silently ignored.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal, TypeVar, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    field_validator,
    model_validator,
)

from tracker.durations import parse_duration
from tracker.moments import check_day, check_moment

MAX_TEXT = 1000  # characters in a name, alias, title, path or URL
MAX_USER_AGENT = 256
MAX_SECONDS = 3600.0  # every timeout: one hour is already far past any sane wait
MAX_SIZE = 1024**3  # a feed or article body larger than 1 GB is never a feed
MAX_CONCURRENCY = 1000  # requests in flight; more would exhaust file descriptors
MAX_REDIRECTS = 50
MAX_COUNT = 1_000_000  # counts such as min_gaps
MAX_MULTIPLE = 1000.0


class KeyProblem(ValueError):
    """A problem found by a check across keys, naming the key it is about (relative
    to the table being checked), since pydantic only knows the table."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key


def toml_kind(value: object) -> str:
    """How a TOML value's type reads in a message ("got a date-time")."""
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (bool, "true/false"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        (datetime, "a date-time"),
        (date, "a date"),
        (time, "a time of day"),
        ((list, tuple), "an array"),
        (dict, "a table"),
    ]
    return next((name for kind, name in kinds if isinstance(value, kind)), type(value).__name__)


# --- value types --------------------------------------------------------------------


def _text(value: str) -> str:
    """Stripped, one line, no control characters (NUL breaks paths and PostgreSQL)."""
    value = value.strip()
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise ValueError(f"must not contain control characters, got {bad!r}")
    if len(value) > MAX_TEXT:
        raise ValueError(f"too long ({len(value)} characters, at most {MAX_TEXT})")
    return value


def _required(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


def _text_list(value: Any) -> Any:
    """One string stands for a list of one."""
    return [value] if isinstance(value, str) else value


def _drop_blank(values: list[str]) -> list[str]:
    return [v for v in values if v]


Text = Annotated[str, AfterValidator(_text)]
Name = Annotated[str, AfterValidator(_text), AfterValidator(_required)]
TextList = Annotated[list[Text], BeforeValidator(_text_list), AfterValidator(_drop_blank)]


def _duration(value: object) -> timedelta:
    if not isinstance(value, str):
        raise ValueError(f"must be a duration such as '90m', '72h', '10d', got {toml_kind(value)}")
    return parse_duration(value)  # bounded: 0 < d <= 100 years


def _threshold(value: object) -> timedelta | str:
    return "adaptive" if value == "adaptive" else _duration(value)


def _repeat(value: object) -> timedelta | None:
    return None if value in (0, "0") and not isinstance(value, bool) else _duration(value)


def _moment(value: object) -> datetime:
    """A TOML date-time (or date), or an ISO string; no zone means UTC."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"bad time {value!r} (use e.g. 2013-02-12T12:00Z)") from None
    elif isinstance(value, time):
        raise ValueError("a time of day without a date (use e.g. 2013-02-12T12:00Z)")
    else:
        raise ValueError(f"must be a date-time such as 2013-02-12T12:00Z, got {toml_kind(value)}")
    return check_moment(moment)


def _day(value: object) -> date:
    """A TOML date, the day of a TOML date-time, or an ISO string."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = datetime.fromisoformat(value.strip()).date()
        except ValueError:
            raise ValueError(f"bad date {value!r} (use YYYY-MM-DD)") from None
    elif isinstance(value, time):
        raise ValueError("a time of day, not a date (use YYYY-MM-DD)")
    else:
        raise ValueError(f"must be a date (YYYY-MM-DD), got {toml_kind(value)}")
    return check_day(day)


_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)i?b?\s*")
_UNIT = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def _size(value: object) -> int:
    """Bytes: an integer, or a string with a unit: "512KB", "5MB"."""
    if isinstance(value, str):
        match = _SIZE.fullmatch(value.lower())
        if not match:
            raise ValueError(f"bad size {value!r}: use bytes or a unit, e.g. '5MB'")
        value = int(match.group(1)) * _UNIT[match.group(2)]
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("must be a positive number of bytes or a size like '5MB'")
    if value > MAX_SIZE:
        raise ValueError(f"out of range: at most 1GB ({MAX_SIZE} bytes), got {value}")
    return value


def _user_agent(value: str) -> str:
    """An HTTP header value: printable ASCII on one line."""
    value = value.strip()
    if "\r" in value or "\n" in value:
        raise ValueError("must be one line")
    bad = next((c for c in value if not " " <= c <= "~"), None)
    if bad is not None:
        raise ValueError(f"must be printable ASCII (an HTTP header), got {bad!r}")
    if len(value) > MAX_USER_AGENT:
        raise ValueError(f"too long ({len(value)} characters, at most {MAX_USER_AGENT})")
    return value


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def has_scheme(url: str) -> bool:
    """A URL (`https:`, `file:`, or a scheme refused); else a local path."""
    return _SCHEME.match(url) is not None


def _feed_url(url: str) -> str:
    """http(s)://host..., file:///path, or a local path (no scheme) as fetch.py reads them."""
    match = _SCHEME.match(url)
    if match is None:
        if "://" in url:
            raise ValueError(f"bad URL {url!r}: a scheme must come first, e.g. https://")
        return url
    scheme = match.group(1).lower()
    if scheme not in {"http", "https", "file"}:
        raise ValueError(f"unsupported scheme {scheme!r} (use http, https, file or a path)")
    if not url[match.end() :].startswith("//"):
        raise ValueError(f"bad URL {url!r}: use {scheme}://...")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises on a port that is not a number in range
    except ValueError as exc:
        raise ValueError(f"bad URL {url!r}: {exc}") from None
    if scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path:
            raise ValueError(f"bad URL {url!r}: use file:///absolute/path")
        return url
    if not parts.hostname:
        raise ValueError(f"bad URL {url!r}: no host name")
    if any(c.isspace() for c in url):
        raise ValueError(f"bad URL {url!r}: spaces must be escaped as %20")
    import httpx  # here, not at the top: read commands must not load the HTTP client

    try:
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise ValueError(f"bad URL {url!r}: {exc}") from None
    return url


def _address(value: str) -> str:
    if "@" not in value:
        raise ValueError(f"bad address {value!r}")
    return value


def _route_name(value: str) -> str:
    if not all(c.isalnum() or c in "-_" for c in value):
        raise ValueError(f"letters, digits, '-' and '_' only, got {value!r}")
    return value


def _share(value: float) -> float:
    if not 0 <= value < 1:
        raise ValueError("must be a share of the threshold between 0 and 1")
    return value


Duration = Annotated[timedelta, PlainValidator(_duration)]
OptionalDuration = Annotated[timedelta | None, PlainValidator(_duration)]
Threshold = Annotated[timedelta | str, PlainValidator(_threshold)]
OptionalThreshold = Annotated[timedelta | str | None, PlainValidator(_threshold)]
Seconds = Annotated[float, Field(gt=0, le=MAX_SECONDS, allow_inf_nan=False)]
Address = Annotated[str, AfterValidator(_text), AfterValidator(_address)]
Addresses = Annotated[list[Address], BeforeValidator(_text_list), Field(min_length=1)]


Bound = TypeVar("Bound", date, timedelta)


def _in_order(low: Bound, high: Bound, key: str, problem: str) -> None:
    """Two bounds of one range (dates of office, floor and ceiling) the right way round."""
    if low > high:
        raise KeyProblem(key, problem)


# --- tables -------------------------------------------------------------------------


class Table(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Defaults(Table):
    threshold: Threshold = timedelta(days=7)
    interval: Duration = timedelta(minutes=15)
    evaluate_every: Duration = timedelta(minutes=5)


class Feed(Table):
    url: Annotated[str, AfterValidator(_text), AfterValidator(_required), AfterValidator(_feed_url)]
    name: Text = ""
    interval: OptionalDuration = None
    fulltext: bool = False
    category: Text = ""


class RoleTable(Table):
    title: Name
    since: Annotated[date | None, PlainValidator(_day)] = None
    until: Annotated[date | None, PlainValidator(_day)] = None

    @model_validator(mode="before")
    @classmethod
    def _from_phrase(cls, data: Any) -> Any:
        """A plain string is a role phrase held at all times."""
        if isinstance(data, str):
            return {"title": data}
        if not isinstance(data, dict):
            raise ValueError("must be a string or a {title, since, until} table")
        return data

    @model_validator(mode="after")
    def _in_order(self) -> RoleTable:
        if self.since and self.until:
            _in_order(self.since, self.until, "until", "must not be before since")
        return self


class OfficialTable(Table):
    # default_factory, not `= []`: pydantic deep-copies a mutable default for every
    # official (~10 ms of parsing a watchlist of 1,000)
    name: Name
    aliases: TextList = Field(default_factory=list)
    short: TextList | None = None
    never_alone: TextList = Field(default_factory=list)
    roles: list[RoleTable] = Field(default_factory=list)
    threshold: OptionalThreshold = None
    group: Text = ""

    @field_validator("roles", mode="before")
    @classmethod
    def _skip_blank_phrases(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [r for r in value if not (isinstance(r, str) and not r.strip())]
        return value


class Polling(Table):
    concurrency: Annotated[int, Field(ge=1, le=MAX_CONCURRENCY)] = 20
    per_host: Annotated[int, Field(ge=1, le=MAX_CONCURRENCY)] = 2
    connect_timeout: Seconds = 10.0
    read_timeout: Seconds = 30.0
    total_timeout: Seconds = 60.0
    lease_margin: Seconds = 30.0  # a feed's lease: total_timeout + this (store/leases.py)
    max_size: Annotated[int, PlainValidator(_size)] = 5 * 1024 * 1024
    max_redirects: Annotated[int, Field(ge=0, le=MAX_REDIRECTS)] = 5
    user_agent: Annotated[str, AfterValidator(_user_agent)] = ""
    max_interval: Duration = timedelta(hours=6)
    max_backoff: Duration = timedelta(hours=24)
    fulltext_private: bool = False


class Adaptive(Table):
    multiple: Annotated[float, Field(gt=0, le=MAX_MULTIPLE, allow_inf_nan=False)] = 4.0
    window: Duration = timedelta(days=90)
    floor: Duration = timedelta(days=3)
    ceiling: Duration = timedelta(days=30)
    min_gaps: Annotated[int, Field(ge=0, le=MAX_COUNT)] = 4

    @model_validator(mode="after")
    def _floor_below_ceiling(self) -> Adaptive:
        _in_order(self.floor, self.ceiling, "floor", "must not exceed ceiling")
        return self


class Alerts(Table):
    repeat_every: Annotated[timedelta | None, PlainValidator(_repeat)] = timedelta(days=7)
    early_warning: Annotated[float, Field(allow_inf_nan=False), AfterValidator(_share)] = 0.0
    group: bool = True
    adaptive: Adaptive = Adaptive()
    retry_min: Duration = timedelta(minutes=1)
    retry_max: Duration = timedelta(hours=1)
    lease: Duration = timedelta(minutes=10)

    @model_validator(mode="after")
    def _retry_in_order(self) -> Alerts:
        _in_order(self.retry_min, self.retry_max, "retry_min", "must not exceed retry_max")
        return self


class AwaitTable(Table):
    official: Name
    since: Annotated[datetime, PlainValidator(_moment)]
    within: Duration
    about: TextList = []


class Email(Table):
    port: Annotated[int | None, Field(ge=1, le=65535)] = None  # None: follows security
    security: Literal["starttls", "ssl", "none"] = "starttls"
    username: Text = ""
    password_env: Text = ""
    password_file: Text = ""
    sender: Annotated[Address, Field(alias="from")]
    to: Addresses
    timeout: Seconds = 30.0
    routes: dict[Text, Addresses] = {}
    host: Name  # last: as before, a bad value above is reported before a missing host

    @field_validator("security", mode="before")
    @classmethod
    def _any_case(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


class Notify(Table):
    name: Annotated[Name, AfterValidator(_route_name)]
    kind: Literal["apprise", "webhook"] = "apprise"
    url: Text = ""
    url_env: Text = ""
    url_file: Text = ""
    groups: TextList = []
    timeout: Seconds = 30.0

    @model_validator(mode="after")
    def _one_url(self) -> Notify:
        if sum(bool(x) for x in (self.url, self.url_env, self.url_file)) != 1:
            raise KeyProblem("url", "give exactly one of url, url_env, url_file")
        if self.kind == "webhook" and self.url and not self.url.startswith(("http://", "https://")):
            raise KeyProblem("url", "a webhook URL must start with http:// or https://")
        return self


class Document(Table):
    """The whole file. Checks across tables (names that must exist or be unique) are
    here too; checks that need the file system are in tracker/config.py."""

    database: Text = "sqlite:///tracker.db"
    outbox: Text = "outbox"
    defaults: Defaults = Defaults()
    feeds: list[Feed] = []
    officials: list[OfficialTable] = []
    email: Email | None = None
    polling: Polling = Polling()
    alerts: Alerts = Alerts()
    awaits: list[AwaitTable] = []
    notify: list[Notify] = []

    @model_validator(mode="after")
    def _references(self) -> Document:
        seen: set[str] = set()
        for i, official in enumerate(self.officials):
            if official.name.casefold() in seen:
                raise KeyProblem(f"officials[{i}].name", f"duplicate official {official.name!r}")
            seen.add(official.name.casefold())
        names = {o.name for o in self.officials}
        for i, wait in enumerate(self.awaits):
            if wait.official not in names:
                raise KeyProblem(
                    f"awaits[{i}].official", f"{wait.official!r} is not on the watchlist"
                )
        groups = {o.group for o in self.officials if o.group}
        for group in self.email.routes if self.email else {}:
            if group not in groups:
                raise KeyProblem(f"email.routes.{group}", f"no official has group = {group!r}")
        routes: set[str] = set()
        for i, route in enumerate(self.notify):
            if route.name in routes:
                raise KeyProblem(
                    f"notify[{i}].name", f"{route.name!r} is used by another [[notify]] route"
                )
            routes.add(route.name)
        return self


# --- pydantic's report -> one line ----------------------------------------------------


def first_problem(error: ValidationError, root: type[BaseModel] = Document) -> str:
    """The first violation as `key path: problem` (pydantic's own text spans lines)."""
    detail = error.errors()[0]
    loc = list(detail["loc"])
    cause = detail.get("ctx", {}).get("error")
    if isinstance(cause, KeyProblem):
        loc.append(cause.key)
    return f"{_key_path(loc)}: {_problem(detail, root, loc)}"


def _key_path(loc: list[Any]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _problem(detail: Any, root: type[BaseModel], loc: list[Any]) -> str:
    kind, ctx, value = detail["type"], detail.get("ctx", {}), detail.get("input")
    got = toml_kind(value)
    if kind in {"value_error", "assertion_error"}:
        return str(ctx["error"])
    if kind == "missing":
        return "missing (required)"
    if kind == "extra_forbidden":
        known = ", ".join(_known_keys(root, loc[:-1]))
        return f"unknown key (known keys: {known})"
    simple = {
        "string_type": "must be a string",
        "int_type": "must be an integer",
        "float_type": "must be a number",
        "bool_type": "must be true or false",
        "list_type": "must be an array",
        "dict_type": "must be a table",
        "model_type": "must be a table",
        "model_attributes_type": "must be a table",
    }
    if kind in simple:
        return f"{simple[kind]}, got {got}"
    if kind == "finite_number":
        return f"must be a finite number, got {value}"
    if kind == "greater_than":
        return f"must be greater than {'zero' if ctx['gt'] == 0 else ctx['gt']}, got {value}"
    if kind == "greater_than_equal":
        floor = "must not be negative" if ctx["ge"] == 0 else f"must be at least {ctx['ge']}"
        return f"{floor}, got {value}"
    if kind == "less_than_equal":
        return f"out of range: at most {ctx['le']}, got {value}"
    if kind == "literal_error":
        return f"must be {ctx['expected']}, got {value!r}"
    if kind == "too_short":
        return "must not be empty"
    return str(detail["msg"]).splitlines()[0]


def _known_keys(root: type[BaseModel], loc: list[Any]) -> list[str]:
    """The keys of the table at `loc`, for the hint after an unknown key."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        model = _model_in(field.annotation) if field else None
    if model is None:
        return []
    return sorted(f.alias or n for n, f in model.model_fields.items())


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for a in get_args(annotation) if (m := _model_in(a))), None)
