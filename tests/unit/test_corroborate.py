"""Corroboration and contradiction across entries are plain functions of stored facts
and `as_of` (tracker/corroborate.py; the rules are in docs/alerts.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.corroborate import (
    AbsenceReport,
    Account,
    disputes,
    registered_domain,
    source_of,
    support,
)

NAME = "Sergey Lavrov"
AS_OF = datetime(2025, 11, 30, tzinfo=UTC)


def seen(day: str, source: str = "wire.example", confidence: float = 0.8) -> Account:
    d = date.fromisoformat(day)
    published = datetime(d.year, d.month, d.day, 15, tzinfo=UTC)
    return Account(NAME, d, source, published, confidence, f"https://{source}/{day}")


def absent(
    since: str | None,
    published: str,
    source: str = "paper.example",
    confidence: float = 0.85,
) -> AbsenceReport:
    return AbsenceReport(
        NAME,
        date.fromisoformat(since) if since else None,
        datetime.fromisoformat(published).replace(tzinfo=UTC),
        source,
        confidence,
        f"https://{source}/where-is-lavrov",
        f"Lavrov has not been seen in public since {since}.",
    )


NOV10 = absent("2025-10-28", "2025-11-10T09:30")


@pytest.mark.parametrize(
    ("case", "accounts", "reports", "as_of", "disputed"),
    [
        (
            "single-source sighting between D and the report is disputed",
            [seen("2025-11-07")],
            [NOV10],
            AS_OF,
            ["2025-11-07"],
        ),
        (
            "a sighting corroborated by two sources is not contradicted by one report",
            [seen("2025-11-07"), seen("2025-11-07", "agency.example")],
            [NOV10],
            AS_OF,
            [],
        ),
        (
            "... nor by reports of two sources",
            [seen("2025-11-07"), seen("2025-11-07", "agency.example")],
            [NOV10, absent("2025-10-28", "2025-11-12T10:00", "other.example")],
            AS_OF,
            [],
        ),
        (
            "two accounts of one source are still one source",
            [seen("2025-11-07"), seen("2025-11-07", confidence=0.7)],
            [NOV10],
            AS_OF,
            ["2025-11-07"],
        ),
        ("the day D itself is untouched", [seen("2025-10-28")], [NOV10], AS_OF, []),
        ("a sighting before D is untouched", [seen("2025-10-20")], [NOV10], AS_OF, []),
        (
            "a sighting on the report's publication day is untouched",
            [seen("2025-11-10")],
            [NOV10],
            AS_OF,
            [],
        ),
        ("a sighting after the report is untouched", [seen("2025-11-25")], [NOV10], AS_OF, []),
        (
            "a report not yet published as of as_of is ignored",
            [seen("2025-11-07")],
            [NOV10],
            datetime(2025, 11, 10, 9, tzinfo=UTC),
            [],
        ),
        (
            "a report published exactly at as_of counts",
            [seen("2025-11-07")],
            [NOV10],
            datetime(2025, 11, 10, 9, 30, tzinfo=UTC),
            ["2025-11-07"],
        ),
        (
            "a report that says no day (since=None) is ignored",
            [seen("2025-11-07")],
            [absent(None, "2025-11-10T09:30")],
            AS_OF,
            [],
        ),
        (
            "a surer sighting than the one report stands",
            [seen("2025-11-07", confidence=0.9)],
            [NOV10],
            AS_OF,
            [],
        ),
        (
            "... unless the absence is reported by two sources",
            [seen("2025-11-07", confidence=0.9)],
            [NOV10, absent("2025-11-01", "2025-11-12T10:00", "other.example", 0.6)],
            AS_OF,
            ["2025-11-07"],
        ),
        (
            "two reports of one source are one source",
            [seen("2025-11-07", confidence=0.9)],
            [NOV10, absent("2025-11-01", "2025-11-12T10:00", confidence=0.6)],
            AS_OF,
            [],
        ),
        (
            "a report about someone else is ignored",
            [seen("2025-11-07")],
            [AbsenceReport("Maria Zakharova", date(2025, 10, 28), NOV10.published, "x", 0.9)],
            AS_OF,
            [],
        ),
        (
            "only the days inside the window, of several",
            [seen("2025-10-27"), seen("2025-11-03"), seen("2025-11-07"), seen("2025-11-25")],
            [NOV10],
            AS_OF,
            ["2025-11-03", "2025-11-07"],
        ),
        (
            "an appearance published after as_of is not yet a sighting",
            [seen("2025-11-07")],
            [NOV10],
            datetime(2025, 11, 7, 14, tzinfo=UTC),
            [],
        ),
    ],
)
def test_which_sightings_are_disputed(
    case: str,
    accounts: list[Account],
    reports: list[AbsenceReport],
    as_of: datetime,
    disputed: list[str],
) -> None:
    found = disputes(accounts, reports, as_of)
    assert sorted(d.isoformat() for _, d in found) == disputed, case


def test_the_reason_names_the_report_its_source_publication_and_since() -> None:
    later = absent("2025-10-28", "2025-11-12T10:00", "other.example")
    dispute = disputes([seen("2025-11-07")], [later, NOV10], AS_OF)[(NAME, date(2025, 11, 7))]
    assert dispute.report == NOV10  # the first report to contradict it
    assert len(dispute.reports) == 2
    reason = dispute.reason
    assert "paper.example" in reason and "2025-11-10 09:30 UTC" in reason
    assert "since 2025-10-28" in reason and NOV10.url in reason
    assert "reported by 2 sources" in reason and "(and 1 more)" in reason
    one = disputes([seen("2025-11-07")], [NOV10], AS_OF)[(NAME, date(2025, 11, 7))]
    assert "as sure or surer (0.85 >= 0.80)" in one.reason


def test_support_counts_distinct_sources_known_by_as_of() -> None:
    accounts = [
        seen("2025-10-28", "wire.example"),
        seen("2025-10-28", "wire.example"),
        seen("2025-10-28", "agency.example", 0.9),
        Account(NAME, date(2025, 10, 28), "late.example", AS_OF, 0.9, "u"),
    ]
    early = support(accounts, datetime(2025, 11, 1, tzinfo=UTC))[(NAME, date(2025, 10, 28))]
    assert early.sources == ("agency.example", "wire.example") and early.corroborated
    assert early.confidence == 0.9 and len(early.accounts) == 3
    assert len(support(accounts, AS_OF)[(NAME, date(2025, 10, 28))].sources) == 3


@pytest.mark.parametrize(
    ("url", "feed", "source"),
    [
        ("https://www.example.org/news/1", "", "example.org"),
        ("https://EXAMPLE.org:8443/x", "", "example.org"),
        ("https://news.bbc.co.uk/2/hi/europe/1.stm", "", "bbc.co.uk"),
        ("https://www.bbc.co.uk/news/world-1", "", "bbc.co.uk"),
        ("https://edition.cnn.com/2025/11/07/europe/x", "", "cnn.com"),
        ("https://english.news.cn/20251107/x.html", "", "news.cn"),
        ("https://www.abc.net.au/news/1", "", "abc.net.au"),
        ("http://127.0.0.1:8080/a", "", "127.0.0.1"),
        ("", "https://feeds.reuters.com/world", "reuters.com"),
        ("tag:wire.example,2025:1", "https://wire.example/rss", "wire.example"),
        ("", "/data/backfill/agency.xml", "feed:/data/backfill/agency.xml"),
        ("", "", ""),
    ],
)
def test_the_source_is_the_registered_domain_of_the_link_else_the_feed(
    url: str, feed: str, source: str
) -> None:
    assert source_of(url, feed) == source


def test_registered_domain_keeps_short_hosts() -> None:
    assert registered_domain("localhost") == "localhost"
    assert registered_domain("example.org.") == "example.org"


def test_a_report_cannot_deny_a_sighting_first_told_after_it() -> None:
    """'His last appearance was October 28', written on November 10, says nothing about
    photos of November 7 that came out only on November 12."""
    d = date(2025, 11, 7)
    late = Account(NAME, d, "wire.example", datetime(2025, 11, 12, 9, tzinfo=UTC), 0.8, "u")
    assert disputes([late], [NOV10], AS_OF) == {}
    early = Account(NAME, d, "wire.example", datetime(2025, 11, 8, 9, tzinfo=UTC), 0.8, "u")
    assert (NAME, d) in disputes([early], [NOV10], AS_OF)
