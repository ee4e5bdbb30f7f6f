"""Folding for insensitive matching: case, diacritics, apostrophes and hyphens.

Its own module (not inside tracker.recognize) so that code which only compares names,
such as awaited replies, does not load the recogniser. `fold` keeps the length of the
text (one character in, one out), so an offset found in folded text points at the same
place in the original.
"""

from __future__ import annotations

import unicodedata

_SPECIAL = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "-": " ",
    "‐": " ",
    "‑": " ",
    "‒": " ",
    "ł": "l",  # no decomposition in Unicode: Władimir = Wladimir
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ø": "o",
    "Ø": "o",
    "\u00a0": " ",
    "\u202f": " ",
    "\t": " ",
    "\n": " ",
    "\r": " ",
}


class _FoldTable(dict[int, str]):
    """A lazily filled str.translate table: lower-case, strip diacritics, one char each."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        mapped = _SPECIAL.get(char)
        if mapped is None:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            if len(base) != 1:  # Hangul syllables, ligatures: keep the character whole
                base = char
            lowered = base.lower()
            mapped = lowered[0] if lowered else char
        self[code] = mapped
        return mapped


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case-, diacritic-, apostrophe- and hyphen-insensitive form of the same length."""
    return text.translate(_TABLE)
