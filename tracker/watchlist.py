"""Which official a user means: names typed at a prompt forgive case, accents and
hyphens, accept an alias or the surname alone, and a miss suggests the closest name.

Pure: the watchlist is a parameter; the CLI turns a `NameNotFound` into exit 2.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

from tracker.domain import Official


class NameNotFound(LookupError):
    """No official, or more than one, answers to the name; the message says which."""


def name_key(text: str) -> str:
    """The form names are compared in: NFKD without combining marks, casefolded, with
    hyphens and runs of spaces as one space ("Jean-Noël  Barrot" = "jean noel barrot")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    for dash in "-‐‑‒–—":
        bare = bare.replace(dash, " ")
    return " ".join(bare.split())


def _surnames(official: Official) -> set[str]:
    """The short forms one word long: the configured `short` names and the last word of
    the name and of each alias."""
    full = [official.name, *official.aliases]
    keys = {name_key(n) for n in official.short} | {name_key(n).rsplit(" ", 1)[-1] for n in full}
    return {k for k in keys if k}


def resolve(query: str, officials: Sequence[Official]) -> str:
    """The watchlist name of the official `query` designates: by name or alias, else by
    surname when only one official has it. Raises NameNotFound, with a suggestion."""
    key = name_key(query)
    by_full = [o for o in officials if key in {name_key(n) for n in (o.name, *o.aliases)}]
    if len(by_full) == 1:
        return by_full[0].name
    by_surname = by_full or [o for o in officials if key and key in _surnames(o)]
    if len(by_surname) == 1:
        return by_surname[0].name
    if by_surname:
        names = " or ".join(f'"{o.name}"' for o in by_surname)
        raise NameNotFound(f'"{query}" could be {names}: give the full name')
    raise NameNotFound(f'no official "{query}" on the watchlist' + _suggestion(key, officials))


def _suggestion(key: str, officials: Sequence[Official]) -> str:
    """'; did you mean "X"?' for the closest name, alias or surname (as its official's
    name)."""
    owner: dict[str, str] = {}
    for o in officials:
        for n in (o.name, *o.aliases):
            owner.setdefault(name_key(n), o.name)
    for o in officials:
        for n in _surnames(o):
            owner.setdefault(n, o.name)
    close = difflib.get_close_matches(key, list(owner), n=3, cutoff=0.6)
    names = list(dict.fromkeys(owner[c] for c in close))
    if not names:
        return ""
    return "; did you mean " + " or ".join(f'"{n}"' for n in names) + "?"
