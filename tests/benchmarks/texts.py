"""Invented news sentences for the benchmarks; {a} and {b} are where names go."""

from __future__ import annotations

SENTENCES = [
    "{a} held talks with {b} in the capital on Monday, officials said.",
    "{a} told reporters that the negotiations would continue next week.",
    "Analysts say {a} has little room to manoeuvre before the summit.",
    "{a} has not been seen in public since the start of the month.",
    "The ministry said the meeting between {a} and {b} had been postponed.",
    "Markets rose on Tuesday as investors weighed the latest trade figures.",
    "The storm cut power to thousands of homes along the coast overnight.",
    "{a} is expected to travel to the region later this week.",
    "In a statement, the government praised the agreement as a breakthrough.",
    "Officials declined to comment on the reports, citing security concerns.",
]
