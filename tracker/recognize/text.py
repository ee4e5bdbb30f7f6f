"""Text plumbing for recognition: folding for matching, and sentence splitting.

`fold` keeps the length of the text (one character in, one out), so an offset
found in folded text points at the same place in the original. That lets the
classifier look at capitalisation in the original while matching insensitively.
"""

from __future__ import annotations

import re

from tracker.folding import fold as fold  # re-exported: recognition imports it from here

_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|h[1-6]|tr|blockquote)\b[^>]{0,2000}>", re.I)


def clean_whitespace(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "jr", "sr", "vs", "etc", "inc", "corp", "co", "ltd", "approx", "dept", "fig",
    "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "d.c", "i.e", "e.g",
}  # fmt: skip
_CJK_STOP = re.compile(r"(?<=[。！？])(?=[^\s。！？」』”])")
_BOUNDARY = re.compile(r"(?<=[.!?…。！？])([\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[^\s])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; paragraphs (blank lines, block tags) always split."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\r\n\s*\r\n", text):
        paragraph = clean_whitespace(paragraph)
        if not paragraph:
            continue
        paragraph = _CJK_STOP.sub(" ", paragraph)  # Chinese full stops have no space after
        pieces: list[str] = []
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            pieces.append(paragraph[start : match.end(1)])
            start = match.end()
        pieces.append(paragraph[start:])
        current = ""
        for i, piece in enumerate(pieces):
            current = f"{current} {piece}" if current else piece
            following = pieces[i + 1] if i + 1 < len(pieces) else ""
            if _continues(current, piece) or _ordinal_date(current, following):
                continue
            sentences.append(current.strip())
            current = ""
        if current.strip():
            sentences.append(current.strip())
    return sentences


_ORDINAL = re.compile(r"(?<![\d.])[0-3]?\d\.$")
_MONTH_WORDS = {
    "januar", "jänner", "februar", "märz", "marz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember",
}  # fmt: skip


def _ordinal_date(current: str, following: str) -> bool:
    """German dates write the day as an ordinal: "am 12. März" is one sentence."""
    if not following or not _ORDINAL.search(current.rstrip()):
        return False
    first = following.split(maxsplit=1)[0].strip(",.").lower()
    return first in _MONTH_WORDS


def _continues(current: str, piece: str) -> bool:
    """True when the split after `current` fell on an abbreviation or an initial."""
    stripped = current.rstrip("\"'”’»)] ")
    if not stripped.endswith("."):
        return False
    match = _LAST_WORD.search(stripped)
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    if word in _ABBREVIATIONS:
        return True
    # single initials ("John F. Kennedy") but not a sentence ending in "I."
    return len(word) == 1 and word.isalpha() and word != "i"


_MOJIBAKE = re.compile(
    "[ÃÂÄÅÐÑâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 ("ErdoÄŸan") is undone when that is what it is."""
    if not _MOJIBAKE.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def html_to_text(html: str) -> str:
    """Feed summaries are HTML fragments; keep paragraph breaks, drop tags."""
    import html as html_lib

    with_breaks = _BLOCK_TAG.sub("\n\n", html)
    return html_lib.unescape(_TAG.sub(" ", with_breaks))
