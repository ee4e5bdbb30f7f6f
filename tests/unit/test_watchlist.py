"""Names typed by a user resolve to the watchlist's official, or fail with a suggestion."""

from __future__ import annotations

import pytest

from tracker.domain import Official
from tracker.watchlist import NameNotFound, name_key, resolve

WATCHLIST = (
    Official("Jean-Noël Barrot", aliases=("Jean-Noel Barrot",)),
    Official("Sergey Lavrov", aliases=("Sergei Lavrov", "Сергей Лавров")),
    Official("Maria Zakharova"),
    Official("Xi Jinping", short=("Xi",)),
    Official("Kim Jong Un", aliases=("Kim Jong-un",), short=("Kim",)),
    Official("Kim Yo Jong", short=("Kim",)),
    Official("Recep Tayyip Erdoğan"),
)


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Jean-Noël Barrot", "Jean-Noël Barrot"),  # as on the watchlist
        ("jean-noel barrot", "Jean-Noël Barrot"),  # no accent, lower case
        ("JEAN NOEL BARROT", "Jean-Noël Barrot"),  # a space for the hyphen
        ("  Jean-Noël   Barrot ", "Jean-Noël Barrot"),  # stray spaces
        ("Barrot", "Jean-Noël Barrot"),  # the surname alone
        ("barrot", "Jean-Noël Barrot"),
        ("Sergei Lavrov", "Sergey Lavrov"),  # an alias
        ("сергей лавров", "Sergey Lavrov"),  # an alias in Cyrillic, lower case
        ("Lavrov", "Sergey Lavrov"),
        ("Xi", "Xi Jinping"),  # a configured short name
        ("kim jong-un", "Kim Jong Un"),  # the alias, lower case
        ("erdogan", "Recep Tayyip Erdoğan"),  # the accent dropped from the surname
        ("Ｍａｒｉａ Ｚａｋｈａｒｏｖａ", "Maria Zakharova"),  # full-width letters (NFKD)
    ],
)
def test_a_name_alias_or_unique_surname_resolves(typed: str, official: str) -> None:
    assert resolve(typed, WATCHLIST) == official


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "Jean-Noel Barot",
            'no official "Jean-Noel Barot" on the watchlist; did you mean "Jean-Noël Barrot"?',
        ),
        (
            "Sergey Lavrof",
            'no official "Sergey Lavrof" on the watchlist; did you mean "Sergey Lavrov"?',
        ),
        ("Nobody At All", 'no official "Nobody At All" on the watchlist'),
        ("", 'no official "" on the watchlist'),
        ("Kim", '"Kim" could be "Kim Jong Un" or "Kim Yo Jong": give the full name'),
    ],
)
def test_a_miss_or_an_ambiguous_surname_says_so(typed: str, message: str) -> None:
    with pytest.raises(NameNotFound) as caught:
        resolve(typed, WATCHLIST)
    assert str(caught.value) == message


def test_a_misspelt_surname_suggests_its_official() -> None:
    with pytest.raises(NameNotFound, match='did you mean "Sergey Lavrov"'):
        resolve("Lavrof", WATCHLIST)


def test_the_suggestion_names_the_official_even_when_an_alias_is_closest() -> None:
    with pytest.raises(NameNotFound, match='did you mean "Sergey Lavrov"'):
        resolve("Sergei Lavrof", WATCHLIST)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Jean-Noël Barrot", "jean noel barrot"),
        ("ERDOĞAN", "erdogan"),
        ("Straße", "strasse"),  # casefold, not lower
        ("a\u2013b  c", "a b c"),
    ],
)
def test_name_key_folds_case_accents_and_dashes(text: str, key: str) -> None:
    assert name_key(text) == key
