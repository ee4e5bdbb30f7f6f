"""Finding names: case, diacritics, apostrophes, possessives, word boundaries, scripts."""

from __future__ import annotations

import pytest

from tracker.domain import Official, Role
from tracker.recognize.names import NameMatcher, entry_hits

WATCHLIST = [
    Official(
        "Sergey Lavrov",
        ("Sergei Lavrov", "Сергей Лавров"),
        ("Lavrov",),
        (Role("Russian Foreign Minister"),),
    ),
    Official("Recep Tayyip Erdoğan", (), ("Erdoğan",)),
    Official("Kim Jong Un", ("Kim Jong-un",), ()),
    Official("Choe Son Hui", (), ("Choe",)),
]


def names_in(text: str) -> list[str]:
    matcher = NameMatcher(WATCHLIST)
    return [WATCHLIST[h.official].name for h in matcher.hits(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sergey Lavrov arrived.", ["Sergey Lavrov"]),
        ("SERGEI LAVROV ARRIVED", ["Sergey Lavrov"]),
        ("Sergei Lavrov's talks", ["Sergey Lavrov"]),
        ("Sergei Lavrov’s talks", ["Sergey Lavrov"]),
        ("Sergei Lavrov' talks", ["Sergey Lavrov"]),
        ("Recep Tayyip Erdogan spoke", ["Recep Tayyip Erdoğan"]),
        ("Recep Tayyip ERDOĞAN spoke", ["Recep Tayyip Erdoğan"]),
        ("Kim Jong-un met", ["Kim Jong Un"]),
        ("Kim Jong Un met", ["Kim Jong Un"]),
        ("Сергей Лавров заявил", ["Sergey Lavrov"]),
        ("the Russian foreign minister said", ["Sergey Lavrov"]),
        ("Sergey Lavrovich is someone else", []),
        ("xLavrov and Lavrovsky", []),
        ("", []),
    ],
)
def test_full_names_match_insensitively_on_word_boundaries(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


def test_surnames_count_only_once_the_entry_names_the_person_in_full() -> None:
    matcher = NameMatcher(WATCHLIST)
    title_only = entry_hits(matcher, ["Lavrov speaks", "A text about nothing."])
    assert title_only == [[], []]
    anchored = entry_hits(matcher, ["Lavrov speaks", "Sergey Lavrov said it."])
    assert [len(h) for h in anchored] == [1, 1]


@pytest.mark.parametrize("form", ["Лавров", "Лаврова", "Лаврову", "Лавровым", "Лаврове"])
def test_russian_surnames_match_in_every_case_once_anchored(form: str) -> None:
    matcher = NameMatcher(WATCHLIST)
    hits = entry_hits(matcher, ["Сергей Лавров прибыл.", f"Встреча с {form} прошла."])
    assert len(hits[1]) == 1 and WATCHLIST[hits[1][0].official].name == "Sergey Lavrov"


def test_offsets_point_at_the_name_in_the_original_text() -> None:
    text = "Erdoğan’s aide and Recep Tayyip Erdoğan met."
    hit = NameMatcher(WATCHLIST).hits(text)[-1]
    assert text[hit.start : hit.end] == "Recep Tayyip Erdoğan"


def test_role_variants_and_dates_of_office() -> None:
    from datetime import date

    lavrov = Official(
        "Sergey Lavrov", roles=(Role("Russian Foreign Minister", since=date(2004, 3, 9)),)
    )
    matcher = NameMatcher([lavrov])
    texts = [
        "Russia's foreign minister still hasn't called Kerry back",
        "The foreign minister of Russia spoke.",
        "In 1998, Russia's foreign minister visited Beijing.",
        "The foreign minister of Russia was then Yevgeny Primakov.",
    ]
    hits = entry_hits(matcher, texts, published=date(2013, 2, 15))
    # the last sentence speaks of the year named just before it
    assert [len(h) for h in hits] == [1, 1, 0, 0]
    assert entry_hits(matcher, texts[:1], published=date(1999, 1, 1)) == [[]]


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Sergey Lavrov", ("Lavrov",)),
        ("Xi Jinping", ("Xi",)),
        ("Kim Yo Jong", ("Kim",)),
        ("Choe Son Hui", ("Choe",)),
        ("Madonna", ()),
    ],
)
def test_default_short_name_is_the_family_name(name: str, short: tuple[str, ...]) -> None:
    from tracker.config import parse_config

    config = parse_config({"officials": [{"name": name}]}, path=None, env={})
    assert config.officials[0].short == short


@pytest.mark.parametrize(
    ("official", "text", "found"),
    [
        (
            Official("Sergey Lavrov", short=("Lavrov",)),
            "Le ministre Sergueï Lavrov a rencontré",
            True,
        ),
        (Official("Dmitry Peskov"), "Dmitriy Peskov told reporters", True),
        (Official("Volodymyr Zelensky"), "Wolodymyr Selenskyj erhält den Preis", True),
        (
            Official("Recep Tayyip Erdogan", aliases=("Erdogan",)),
            "Emine Erdogan opened an exhibition",
            False,
        ),
        (
            Official("Recep Tayyip Erdogan", aliases=("Erdogan",)),
            "President Erdogan opened an exhibition",
            True,
        ),
        (Official("Kim Jong Un", aliases=("김정은",)), "북한 김정은 국무위원장이 참관했다", True),
        (Official("Kim Jong Un", aliases=("김정은",)), "배우 김정은이 복귀한다", False),
        (Official("Xi Jinping", aliases=("习近平",)), "国家主席习近平会见了卢拉", True),
        (Official("Xi Jinping", aliases=("Xi",)), "Floods in Xi'an disrupt rail traffic", False),
        (Official("Xi Jinping", aliases=("Xi",)), "Xi's speech was long", True),
        (Official("Xi Jinping", aliases=("Xi",)), "On Saturday Xi spoke to students", True),
        (Official("Kim Jong Un"), "North Korean leader Kim Jong-eun visited", True),
        (Official("Choe Son Hui"), "Foreign Minister Ch'oe Sŏn-hŭi addressed", True),
        (Official("Choe Son Hui"), "Foreign Minister Choe Sun Hui arrived", True),
        (Official("Volodymyr Zelensky"), "President Volodymyr Zelenskyi met", True),
        (
            Official("Volodymyr Zelensky", aliases=("Владимир Зеленский",)),
            "встреча Владимира Зеленского",
            True,
        ),
        (
            Official("Dmitry Peskov", roles=(Role("Kremlin spokesman"),)),
            "The Kremlin's spokesman told reporters",
            True,
        ),
    ],
)
def test_spellings_scripts_and_namesakes(official: Official, text: str, found: bool) -> None:
    from tracker.recognize.text import repair_mojibake

    assert bool(NameMatcher([official]).hits(repair_mojibake(text))) is found


def test_a_surname_the_entry_gives_to_someone_else_is_not_the_official() -> None:
    rubio = Official("Marco Rubio", aliases=("Rubio",))
    texts = ["Rubio calls time on playing career", "Ricky Rubio said he was retiring."]
    assert entry_hits(NameMatcher([rubio]), texts) == [[], []]
    texts = ["Rubio meets Lavrov", "Marco Rubio met Ricky Rubio's coach."]
    assert entry_hits(NameMatcher([rubio]), texts)[0]


def test_mojibake_is_repaired_before_matching() -> None:
    from tracker.recognize.text import repair_mojibake

    assert (
        repair_mojibake("President Recep Tayyip ErdoÄŸan met")
        == "President Recep Tayyip Erdoğan met"
    )
    assert repair_mojibake("Plain text stays") == "Plain text stays"
