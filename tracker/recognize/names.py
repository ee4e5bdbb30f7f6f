"""Finding watched people in text: one Aho-Corasick pass over the folded text.

Each official contributes patterns of three strengths:
- `full`: the name and its aliases; enough on their own;
- `role`: role phrases from the watchlist ("Russian Foreign Minister"); enough on their own;
- `short`: surnames; they count only when the same entry also has a full or role hit,
  as news style names a person in full first and by surname after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import ahocorasick

from tracker.domain import Official, Role
from tracker.recognize.text import fold

FULL, ROLE, SHORT = "full", "role", "short"

# Russian surnames decline; a watchlist gives the nominative, text may use any case.
_CYRILLIC = re.compile(r"[а-яё]")


@dataclass(frozen=True)
class Hit:
    """One occurrence of one official in a text; offsets index the original text too."""

    official: int
    start: int
    end: int
    strength: str
    surface: str
    role: Role | None = None


# Spellings that transliteration produces for the same name, word by word.
_EQUIVALENT = [
    {"sergey", "sergei", "serguei", "sergej", "sergiy"},
    {"dmitry", "dmitri", "dmitriy", "dmitrij"},
    {"yevgeny", "evgeny", "evgeni", "yevgeni", "evgenij", "jewgeni"},
    {"volodymyr", "wolodymyr", "volodimir"},
    {"vladimir", "wladimir"},
    {
        "zelensky",
        "zelenskyy",
        "zelenskiy",
        "zelenski",
        "selenskyj",
        "zelenskij",
        "zelenskyj",
        "zelenskyi",
    },
    {"alexander", "aleksandr", "alexandr", "aleksander"},
    {"yuri", "yury", "yuriy", "jurij"},
    {"mikhail", "michail"},
    {"maria", "mariya"},
    {"andrei", "andrey", "andrij"},
    {"nikolai", "nikolay"},
    {"lavrov", "lawrow"},
    {"shoigu", "shoygu", "schoigu"},
    {"peskov", "peskow"},
    {"choe", "choi", "ch'oe"},  # McCune-Reischauer keeps the apostrophe
    {"un", "eun"},  # Korean given names: Jong Un / Jong-eun
    {"son", "sun"},
    {"erdogan", "erdoan"},
]
_EQUIVALENT_OF = {word: group for group in _EQUIVALENT for word in group}
_MAX_FORMS = 64


def _spellings(folded: str) -> set[str]:
    """Every combination of equivalent spellings of the words of a folded phrase."""
    forms = {""}
    for word in folded.split(" "):
        options = _EQUIVALENT_OF.get(word, {word})
        if re.fullmatch(r"[a-z]{3,}[oe]v", word):  # Kadyrov: Kadyrow in Polish and German
            options = options | {word[:-1] + "w"}
        forms = {f"{f} {o}".strip() for f in forms for o in options}
        if len(forms) > _MAX_FORMS:
            break
    return forms if len(forms) <= _MAX_FORMS else {folded}


def _variants(phrase: str) -> set[str]:
    """Folded forms of a phrase: transliteration spellings, declined Russian surnames."""
    folded = " ".join(fold(phrase).split())
    if not folded:
        return set()
    forms = _spellings(folded) | {folded}
    if _CYRILLIC.search(folded):
        forms |= _russian_cases(folded)
    return forms


# Endings per grammatical case (genitive, dative, instrumental, prepositional, accusative),
# for folded Russian names: "й" has already become "и".
_RU_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("ова", ("овои", "ову")),  # Захарова -> Захаровой (all oblique cases folded), Захарову
    ("ева", ("евои", "еву")),
    ("ина", ("инои", "ину")),
    ("ия", ("ии", "ию", "иеи")),  # Мария -> Марии, Марию, Марией
    ("ая", ("ои", "ую")),
    ("еи", ("ея", "ею", "еем", "ее")),  # Сергей -> Сергея, Сергею, Сергеем, Сергее
    ("скии", ("ского", "скому", "ским", "ском")),  # Зеленский -> Зеленского (adjectival)
    ("ии", ("ия", "ию", "ием")),  # Дмитрий -> Дмитрия, Дмитрию, Дмитрием, Дмитрии
    ("аи", ("ая", "аю", "аем", "ае")),  # Николай
    ("ов", ("ова", "ову", "овым", "ове")),
    ("ев", ("ева", "еву", "евым", "еве")),
    ("ин", ("ина", "ину", "иным", "ине")),
    ("а", ("ы", "е", "у", "ои")),
]
_RU_CONSONANT_CASES = ("а", "у", "ом", "е")  # Владимир -> Владимира, Владимиру, ...


def _russian_word_cases(word: str) -> tuple[str, ...]:
    """The oblique case forms of one folded Russian name, in case order where known."""
    if not _CYRILLIC.search(word):
        return ()
    for ending, replacements in _RU_RULES:
        if word.endswith(ending):
            return tuple(word[: -len(ending)] + r for r in replacements)
    if word[-1] in "бвгджзклмнпрстфхцчшщ":
        return tuple(word + e for e in _RU_CONSONANT_CASES)
    return ()


def _russian_cases(folded: str) -> set[str]:
    """Every word of a name declined, in the same case and in mixed ones (news mixes
    little, but a short list is cheap): 'сергеи лавров' -> 'сергея лаврова', ..."""
    options = [(w, *_russian_word_cases(w)) for w in folded.split(" ")]
    forms = {""}
    for choices in options:
        forms = {f"{f} {c}".strip() for f in forms for c in choices}
        if len(forms) > _MAX_FORMS:
            return {folded}
    return forms


def _cyrillic_surnames(aliases: Iterable[str]) -> tuple[str, ...]:
    """'Сергей Лавров' also yields 'Лавров', matched in any case once anchored."""
    return tuple(
        a.split()[-1] for a in aliases if len(a.split()) >= 2 and _CYRILLIC.search(fold(a))
    )


class NameMatcher:
    """Finds every watched official in a text in a single pass."""

    def __init__(self, officials: Sequence[Official]) -> None:
        self.officials = tuple(officials)
        self._automaton = ahocorasick.Automaton()
        patterns: dict[str, list[tuple[int, str, Role | None]]] = {}
        for index, official in enumerate(self.officials):
            named: list[tuple[str, str, Role | None]] = [
                *((FULL, n, None) for n in (official.name, *official.aliases)),
                *((ROLE, r.title, r) for r in official.roles),
                *((SHORT, n, None) for n in official.short),
                *((SHORT, n, None) for n in _cyrillic_surnames(official.aliases)),
            ]
            for strength, phrase, role in named:
                for form in _role_variants(phrase) if role else _variants(phrase):
                    patterns.setdefault(form, []).append((index, strength, role))
        for form, owners in patterns.items():
            payload = (form, tuple(owners), bool(_CJK.search(form)), " " not in form)
            self._automaton.add_word(form, payload)
        self.empty = not patterns
        self.shared_short = _shared_short_names(self.officials)
        self._own_words = [
            {w for p in (o.name, *o.aliases) for f in _variants(p) for w in f.split(" ")}
            for o in self.officials
        ]
        # (capitalised word before a surname, the surname's pattern) -> whether that word
        # is no own first name of the surname's owners: news repeats both, and a surname
        # shared by many watched people makes each answer a walk over all their names
        self._strangers: dict[tuple[str, str], bool] = {}
        if not self.empty:
            self._automaton.make_automaton()

    def _other_given_name(
        self, text: str, start: int, form: str, owners: tuple[tuple[int, str, Role | None], ...]
    ) -> str | None:
        """'Emine Erdogan', 'Brigitte Macron': a capitalised first name that is not the
        official's own (in any spelling) means a different person with the surname.
        Returns that first name, or None."""
        m = _WORD_BEFORE.search(text[max(0, start - 40) : start])
        if not m:
            return None
        word = fold(m.group(1)).rstrip("'")
        if word in _NOT_GIVEN_NAMES or word.endswith(("'s", "s'")) or m.group(1).isupper():
            return None
        other = self._strangers.get((word, form))
        if other is None:
            # "Ramzanom Kadirovim", "Władimirem Putinem": the official's own given name,
            # declined
            other = all(
                word not in self._own_words[official]
                and not any(
                    len(w) >= 4 and (word.startswith(w) or _near_spelling(word, w))
                    for w in self._own_words[official]
                )
                for official, _s, _r in owners
            )
            if len(self._strangers) >= _STRANGERS_KEPT:  # a daemon reads news for months
                self._strangers.clear()
            self._strangers[(word, form)] = other
        return m.group(1) if other else None

    def any_hit(self, text: str) -> bool:
        """Whether any name, alias, role or surname occurs at all (boundaries unchecked):
        a cheap test that lets entries naming nobody skip all further work."""
        if self.empty:
            return False
        for _ in self._automaton.iter(fold(text)):
            return True
        return False

    def hits(
        self,
        text: str,
        folded: str | None = None,
        namesakes: list[tuple[Hit, str]] | None = None,
    ) -> list[Hit]:
        """Every word-bounded occurrence, shortest patterns shadowed by longer overlaps.

        `namesakes`, when given, collects the officials whose surname was found after
        someone else's first name ("Ricky Rubio")."""
        if self.empty:
            return []
        low = fold(text) if folded is None else folded
        found: list[Hit] = []
        for end_index, (form, owners, cjk, single) in self._automaton.iter(low):
            start = end_index - len(form) + 1
            end = end_index + 1
            if cjk:
                # no spaces between words in Chinese, particles glued on in Korean
                if (
                    len(form) <= 3
                    and not _titled(low, start, end)
                    and not _han_name(low, form, end)
                ):
                    continue
            else:
                if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
                    continue
                if end < len(low) and (low[end].isalnum() or low[end] == "_"):
                    ending = _INFLECTION.match(low, end)
                    if ending is None or len(form.rsplit(" ", 1)[-1]) < 4:
                        continue
                    end = ending.end()
                if (
                    single
                    and low.startswith("'", end)
                    and low[end + 1 : end + 2].isalpha()
                    and not re.match(r"s\b", low[end + 1 : end + 3])
                    and not (len(form) >= 4 and _APOSTROPHE_SUFFIX.match(low, end))
                ):
                    continue  # "Xi'an", "O'Neill": a longer word
                given = self._other_given_name(text, start, form, owners) if single else None
                if given is not None:
                    if namesakes is not None:
                        namesakes.extend(
                            (Hit(o, start, end, st, text[start:end], r), given)
                            for o, st, r in owners
                        )
                    continue
            for official, strength, role in owners:
                found.append(Hit(official, start, end, strength, text[start:end], role))
        return _drop_shadowed(found)


# the capitalised word right before a hit ("Emine" in "Emine Erdogan")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+$")
_STRANGERS_KEPT = 100_000
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff]")
# Titles written next to a short Chinese or Korean name, which on its own is too common
# ("배우 김정은", an actress, is not Kim Jong Un; "김정은 국무위원장" is).
_CJK_TITLES = (
    "국무위원장", "위원장", "총비서", "외무상", "부부장", "대통령", "총리", "장관", "주석", "원수",
    "외교부장", "외무장관", "主席", "总理", "外交部长", "部长", "外长", "总书记", "国务委员",
    "委员", "总统", "首相", "外交部長", "部長", "外長", "總書記", "國務委員", "委員", "總統",
    "總理", "國家主席", "동지", "위원장님", "국방상",
)  # fmt: skip


def _named_alone(text: str, word: str, surname: str) -> bool:
    """Whether the entry uses `word` as a name of its own, not only before `surname`."""
    uses = len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))
    paired = len(re.findall(r"(?<!\w)" + re.escape(word) + r"\s+" + re.escape(surname), text))
    return uses > paired


def _near_spelling(a: str, b: str) -> bool:
    """One letter dropped, added or changed: 'Abelmadjid' is a misspelt 'Abdelmadjid'."""
    if abs(len(a) - len(b)) > 1 or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _han_name(low: str, form: str, end: int) -> bool:
    """A Chinese name of three characters is rare enough alone; of two, only before an act."""
    if _HANGUL_NAME.search(form):
        return False
    return len(form) >= 3 or _HAN_FOLLOW.match(low[end : end + 20]) is not None


_HANGUL_NAME = re.compile(r"[\uac00-\ud7af]")


def _titled(low: str, start: int, end: int) -> bool:
    window = low[max(0, start - 12) : start] + "|" + low[end : end + 12]
    return any(t in window for t in _CJK_TITLES)


# Capitalised words that may stand right before a surname without being a first name.
_NOT_GIVEN_NAMES = {
    "mr", "mrs", "ms", "dr", "president", "premier", "chancellor", "minister", "secretary",
    "general", "leader", "chairman", "spokesman", "spokeswoman", "prime", "foreign",
    "defence", "defense", "deputy", "ambassador", "envoy", "senator", "governor", "king",
    "queen", "prince", "comrade", "marshal", "mayor", "speaker", "sen", "gov", "rep",
    "meanwhile", "later", "then", "but", "and", "when", "while", "after", "before", "as",
    "so", "yet", "still", "also", "now", "today", "yesterday", "earlier", "there", "here",
    "if", "though", "although", "because", "since", "once", "asked", "for", "with", "by",
    "the", "a", "an", "in", "at", "on", "from", "to", "of", "said", "says", "told", "both",
    "only", "even", "neither", "nor", "or", "like", "unlike", "under", "how", "why", "what",
    "where", "who", "whether", "instead", "tsar", "kremlin", "ukraine's", "russia's",
    # "On Saturday Xi spoke": a weekday or month is no first name
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
    # titles in other languages: "Cumhurbaşkanı Erdoğan", "Präsident Putin", "Presidente Lula"
    "cumhurbaskanı", "cumhurbaskani", "baskanı", "baskani", "bakanı", "bakani", "basbakan",
    "presidente", "prasident", "präsident", "prasidenten", "bundeskanzler",
    "kanzler", "ministro", "ministre", "premierminister", "aussenminister",
    "außenminister", "staatschef", "chef", "predsednik", "predsjednik", "premijer",
    "prezydent", "premierul", "presedintele", "presedinte", "mandatario", "elnok",
    "miniszterelnok", "prezidentas", "sir", "lord", "madame", "monsieur", "herr", "frau",
    "mister", "shri", "sheikh", "emir", "pope", "cardinal", "ayatollah", "señor", "senor",
    "signor", "re", "roi", "rey", "konig", "am", "im", "el", "la", "le", "der", "die", "das",
    "den", "dem", "des", "und", "et", "y", "e", "i", "u", "w", "z", "con", "avec", "mit",
    "ile", "da", "de", "di", "du", "del", "von", "van",
}  # fmt: skip
# Endings that other languages add to a name ("Putinem", "Erdoganom", "Selenskyjs",
# "Путіна"); a name of four letters or more may carry one and still be the name.
_INFLECTION = re.compile(
    r"(?:ovima|ovim|ovom|ovog|ovoj|ovoi|ului|owi|ovi|evi|iem|ego|emu|ową|owa|ova|ovu|ove"
    r"|om|em|im|ym|ie|oj|es|as|ui|ul|iu|us|ai|ын|ым|ом|ем|им|ою|ой|ого|ому|ові|ев|ов"
    r"|a|u|e|i|y|o|s|а|у|е|і|и|ы)(?![^\W\d_])"
)
# after an apostrophe: Turkish case endings ("Erdoğan'ı", "Putin'le", "Trump'ın")
_APOSTROPHE_SUFFIX = re.compile(r"'[^\W\d_]{1,5}(?![^\W\d_])")
# a two-character Chinese name is common; followed closely by an act it is the official
_HAN_FOLLOW = re.compile(
    r"^[^。，,;；]{0,8}?(?:会见|會見|会谈|會談|会晤|會晤|表示|指出|强调|強調|出席|主持|致辞|致辭|说|說|欢迎|歡迎)"
)


def _drop_shadowed(hits: Iterable[Hit]) -> list[Hit]:
    """'Sergey Lavrov' also contains the short hit 'Lavrov': keep only the longest span."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    owners: dict[tuple[int, int], set[int]] = {}
    reach = -1  # the furthest end of a kept span; every kept span starts at or before `hit`
    for hit in ordered:
        span = (hit.start, hit.end)
        if hit.official in owners.get(span, ()):
            continue  # the same phrase found twice for one official
        shared = span in owners  # one phrase, two officials: keep both
        if hit.end <= reach and not shared:
            continue
        kept.append(hit)
        owners.setdefault(span, set()).add(hit.official)
        reach = max(reach, hit.end)
    return kept


def entry_hits(
    matcher: NameMatcher,
    texts: Sequence[str],
    folded: Sequence[str] | None = None,
    published: date | None = None,
) -> list[list[Hit]]:
    """Hits per text of one entry, with weak hits kept only where they are safe.

    - A surname alone is too weak: 'Kim' or 'Wang' names many people. It counts only
      when the same entry names that official by full name, alias or role.
    - A role refers to the official only while they hold it: at the publication date,
      and at the years the sentence (or the one before) speaks of, if it names any.
    """
    lows = folded if folded is not None else [fold(t) for t in texts]
    found: list[list[tuple[Hit, str]]] = []
    per_text = []
    for t, f in zip(texts, lows, strict=True):
        found.append([])
        per_text.append(matcher.hits(t, f, found[-1]))
    whole = "\n".join(texts)
    for i, spots in enumerate(found):
        for hit, given in spots:
            # "Am Mittwoch empfing Merz Selenskyj": the capitalised word names someone the
            # entry speaks of on their own ("Merz empfängt ..."), not a namesake's first name
            if _named_alone(whole, given, hit.surface):
                per_text[i] = _drop_shadowed([*per_text[i], hit])
    found = [[(h, g) for h, g in spots if not _named_alone(whole, g, h.surface)] for spots in found]
    # one namesake per place, however many spellings matched there
    namesakes = [o for spots in found for o, _start in {(h.official, h.start) for h, _g in spots}]
    if namesakes:
        # "Rubio calls time on playing career" over a story about Ricky Rubio: a bare
        # surname the entry gives to someone else, and never to the official in full
        own = {h.official for hits in per_text for h in hits if " " in h.surface.strip()}
        count = {h.official: 0 for hits in per_text for h in hits}
        for hits in per_text:
            for h in hits:
                count[h.official] += 1
        taken = {
            o for o in set(namesakes) if o not in own and count.get(o, 0) <= namesakes.count(o)
        }
        per_text = [[h for h in hits if h.official not in taken] for hits in per_text]
    per_text = [
        [h for h in hits if h.role is None or _role_applies(h.role, lows, i, published)]
        for i, hits in enumerate(per_text)
    ]
    anchored = {h.official for hits in per_text for h in hits if h.strength != SHORT}
    ambiguous = matcher.shared_short
    return [
        [
            h
            for h in hits
            if h.strength != SHORT
            or (h.official in anchored and not _claimed_by_other(h, anchored, ambiguous))
        ]
        for hits in per_text
    ]


_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-9]{2})\b")


def _role_applies(role: Role, lows: Sequence[str], index: int, published: date | None) -> bool:
    if published is not None and not role.held_on(published):
        return False
    for text in (lows[index], lows[index - 1] if index > 0 else ""):
        years = [int(y) for y in _YEAR.findall(text)]
        if years:
            return any(_held_in_year(role, y) for y in years)
    return True


def _held_in_year(role: Role, year: int) -> bool:
    return (role.since is None or role.since.year <= year) and (
        role.until is None or year <= role.until.year
    )


def _role_variants(title: str) -> set[str]:
    """'Russian Foreign Minister' is also "Russia's foreign minister" and 'the foreign
    minister of Russia'; the watchlist gives one form, news uses all three."""
    forms = _variants(title)
    words = title.split()
    for size in (2, 1):  # "North Korean leader" before "Russian Foreign Minister"
        if len(words) > size:
            adjective, rest = " ".join(words[:size]), " ".join(words[size:])
            country = _COUNTRY_OF.get(adjective.lower())
            if country:
                forms |= _variants(f"{country}'s {rest}")
                forms |= _variants(f"{rest} of {country}")
                break
    return forms


_COUNTRY_OF = {
    "russian": "Russia", "american": "America", "chinese": "China", "ukrainian": "Ukraine",
    "north korean": "North Korea", "south korean": "South Korea", "turkish": "Turkey",
    "kremlin": "Kremlin", "indian": "India", "french": "France", "german": "Germany",
    "british": "Britain",
    "iranian": "Iran", "israeli": "Israel", "japanese": "Japan", "us": "US", "u.s.": "US",
}  # fmt: skip


def _shared_short_names(officials: Sequence[Official]) -> dict[str, set[int]]:
    owners: dict[str, set[int]] = {}
    for index, official in enumerate(officials):
        for short in official.short:
            for form in _variants(short):
                owners.setdefault(form, set()).add(index)
    return {form: who for form, who in owners.items() if len(who) > 1}


def _claimed_by_other(hit: Hit, anchored: set[int], ambiguous: dict[str, set[int]]) -> bool:
    """A surname shared by two watched people named in the same entry belongs to neither."""
    owners = ambiguous.get(fold(hit.surface))
    return bool(owners and len(owners & anchored) > 1)
