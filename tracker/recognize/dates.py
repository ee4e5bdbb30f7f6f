"""When did it happen: date cues in a sentence, resolved against the publication time.

Rules, in order:
1. An explicit calendar date ("October 28", "Oct. 28", "28 October", "2025-10-28",
   "Feb. 6, 2013"); a missing year is the latest year that does not put the date
   after publication.
2. A weekday ("on Wednesday"): the latest such day on or before publication.
3. A relative day: "today"/"earlier today"/"this morning" (publication day),
   "yesterday"/"last night" (the day before), "last week" (seven days before, low precision).
A date after publication means the sentence is about the future.
A bare year ("in 2004") before the publication year marks the sentence as history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from tracker.recognize.text import fold

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PATTERNS = [
    # folding turns "-" into " ", so ISO dates arrive as "2025 10 28"
    (
        "iso",
        re.compile(r"\b(?P<year>(?:19|20)\d\d)[-\s/](?P<month>[01]\d)[-\s/](?P<day>[0-3]\d)\b"),
    ),
    # "Jan. 9 and 10": the later day is the one to count from
    (
        "mdy",
        re.compile(r"\b" + _MONTH + r"\s+(?:[0-3]?\d\s*(?:and|-|–)\s*)?" + _DAY + r"\b" + _YEAR),
    ),
    ("dmy", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b" + _YEAR)),
]
_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b(?!\s*,?\s*" + _MONTH + r"\b)"
)
# "in May", "in late October", "in early June this year": a month, said vaguely
_MONTH_ONLY = re.compile(
    r"\b(?:in|during|since|by)\s+(?P<at>(?:(?P<part>early|mid|late)[\s-]*)?(?P<month>"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\b(?!\s+[0-3]?\d\b)(?:\s+(?:this\s+year|(?P<last>last\s+year)|(?P<year>(?:19|20)\d\d)))?)"
)
_AND_WEEKDAY = re.compile(
    r"\s*(?:,|and|&|to|through|-|–)\s*(?:and\s+)?(?:" + "|".join(WEEKDAYS) + r")\b"
)
# the first day the words allow: a vague date never puts a sighting later than stated
_PART_DAY = {"early": 1, "mid": 11, "late": 21, None: 1}
_RELATIVE = [
    (
        re.compile(
            r"\b(?:earlier\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b"
        ),
        0,
    ),
    (re.compile(r"\bthe\s+day\s+before\s+yesterday\b|\btwo\s+days\s+ago\b"), 2),
    (
        re.compile(
            r"\byesterday\b(?<!before yesterday)|\blast\s+night\b|\ba\s+day\s+earlier\b"
            r"|\bthe\s+day\s+before\b(?!\s+yesterday)|\bthe\s+previous\s+(?:day|evening|night)\b|\bthe\s+night\s+before\b"
        ),
        1,
    ),
    (re.compile(r"\bthree\s+days\s+ago\b"), 3),
    (re.compile(r"\bearlier\s+this\s+week\b"), 2),
    (re.compile(r"\blast\s+week\b|\ba\s+week\s+ago\b"), 7),
    (re.compile(r"\bearlier\s+this\s+month\b"), 10),
    (re.compile(r"\blast\s+month\b|\ba\s+month\s+ago\b"), 30),
]
# Other languages. Written as the languages write them and folded at import (lower case,
# no diacritics), as the sentence is when matched. Each tuple runs Monday..Sunday or
# January..December; a language may give several forms (cases, spellings) of one word.
_WEEKDAY_WORDS: dict[str, tuple[str, ...]] = {
    "ru": ("понедельник", "вторник", "среду|среда", "четверг", "пятницу|пятница",
           "субботу|суббота", "воскресенье"),
    "uk": ("понеділок|понеділка", "вівторок|вівторка", "середу|середа", "четвер|четверга",
           "п'ятницю|п'ятниця", "суботу|субота", "неділю|неділя"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend",
           "sonntag"),
    "tr": ("pazartesi", "salı|sali", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": ("segunda-feira|segunda feira", "terça-feira|terça feira", "quarta-feira|quarta feira",
           "quinta-feira|quinta feira", "sexta-feira|sexta feira", "sábado", "domingo"),
    "ro": ("luni", "marți|marti", "miercuri", "joi", "vineri", "sâmbătă|sambata", "duminică"),
    "pl": ("poniedziałek", "wtorek", "środę|środa", "czwartek", "piątek", "sobotę|sobota",
           "niedzielę|niedziela"),
    "sr": ("ponedeljak|ponedjeljak", "utorak", "sredu|sreda|srijedu|srijeda", "četvrtak",
           "petak", "subotu|subota", "nedelju|nedelja|nedjelju|nedjelja"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "el": ("δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "σάββατο", "κυριακή"),
    "ar": ("الاثنين|الإثنين", "الثلاثاء", "الأربعاء|الاربعاء", "الخميس", "الجمعة", "السبت",
           "الأحد|الاحد"),
    "fa": ("دوشنبه", "سه‌شنبه|سه شنبه|سهشنبه", "چهارشنبه", "پنجشنبه|پنج‌شنبه|پنج شنبه",
           "جمعه", "شنبه", "یکشنبه|یک‌شنبه|یک شنبه"),
    "hu": ("hétfő", "kedd", "szerda", "csütörtök", "péntek", "szombat", "vasárnap"),
    "id": ("senin", "selasa", "rabu", "kamis", "jumat|jum'at", "sabtu", "minggu"),
    "lt": ("pirmadienį|pirmadienis", "antradienį|antradienis", "trečiadienį|trečiadienis",
           "ketvirtadienį|ketvirtadienis", "penktadienį|penktadienis", "šeštadienį|šeštadienis",
           "sekmadienį|sekmadienis"),
}  # fmt: skip
_MONTH_WORDS: dict[str, tuple[str, ...]] = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
           "вересня", "жовтня", "листопада", "грудня"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "de": ("januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "tr": ("ocak", "şubat", "mart", "nisan", "mayıs|mayis", "haziran", "temmuz", "ağustos",
           "eylül", "ekim", "kasım|kasim", "aralık|aralik"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre|setiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "ro": ("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
           "septembrie", "octombrie", "noiembrie", "decembrie"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"),
    "sr": ("januara|januar", "februara|februar", "marta|mart", "aprila|april", "maja|maj",
           "juna|jun|lipnja", "jula|jul|srpnja", "avgusta|avgust|augusta|kolovoza",
           "septembra|septembar|rujna", "oktobra|oktobar", "novembra|novembar|studenoga",
           "decembra|decembar|prosinca"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "el": ("ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου|μαίου", "ιουνίου",
           "ιουλίου", "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"),
    "ar": ("يناير|جانفي|كانون الثاني", "فبراير|فيفري|شباط", "مارس|آذار",
           "أبريل|ابريل|أفريل|نيسان", "مايو|ماي|أيار", "يونيو|جوان|حزيران",
           "يوليو|جويلية|تموز", "أغسطس|اغسطس|أوت|آب",
           "سبتمبر|أيلول", "أكتوبر|اكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني",
           "ديسمبر|كانون الأول"),
    "fa": ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه|جولای", "اوت|آگوست",
           "سپتامبر", "اکتبر", "نوامبر", "دسامبر"),
    "hu": ("január", "február", "március", "április", "május", "június", "július",
           "augusztus", "szeptember", "október", "november", "december"),
    "id": ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"),
    "lt": ("sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos",
           "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"),
}  # fmt: skip


def _folded_table(words: dict[str, tuple[str, ...]], base: int) -> dict[str, int]:
    table: dict[str, int] = {}
    for forms in words.values():
        for number, alternatives in enumerate(forms, start=base):
            for form in alternatives.split("|"):
                table.setdefault(fold(form), number)
    return table


FOREIGN_WEEKDAYS = _folded_table(_WEEKDAY_WORDS, 0)
# German runs the part of the day into the weekday: "Dienstagabend", "Montagmorgen"
FOREIGN_WEEKDAYS |= {
    day + part: n
    for day, n in _folded_table({"de": _WEEKDAY_WORDS["de"]}, 0).items()
    for part in ("abend", "morgen", "mittag", "nachmittag", "vormittag", "nacht")
}
FOREIGN_MONTHS = _folded_table(_MONTH_WORDS, 1)
_MONTH_FIRST = {
    fold(f) for lang in ("hu", "lt") for fs in _MONTH_WORDS[lang] for f in fs.split("|")
}
_CJK_WEEKDAYS = {
    "星期一": 0, "星期二": 1, "星期三": 2, "星期四": 3, "星期五": 4, "星期六": 5, "星期日": 6,
    "星期天": 6, "周一": 0, "周二": 1, "周三": 2, "周四": 3, "周五": 4, "周六": 5, "周日": 6,
    "週一": 0, "週二": 1, "週三": 2, "週四": 3, "週五": 4, "週六": 5, "週日": 6,
    "月曜日": 0, "火曜日": 1, "水曜日": 2, "木曜日": 3, "金曜日": 4, "土曜日": 5, "日曜日": 6,
    "월요일": 0, "화요일": 1, "수요일": 2, "목요일": 3, "금요일": 4, "토요일": 5, "일요일": 6,
}  # fmt: skip


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FOREIGN_WEEKDAY = re.compile(
    r"(?<!\w)(?P<weekday>"
    + _alternation(FOREIGN_WEEKDAYS)
    + r")(?!\w)"
    + "|(?P<cjk>"
    + "|".join(_CJK_WEEKDAYS)
    + ")"
)
_FOREIGN_DMY = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)(?:er|º|o)?\.?\s+(?:de\s+|di\s+)?(?P<month>"
    + _alternation(FOREIGN_MONTHS)
    + r")(?!\w)"
    r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>(?:19|20)\d\d))?"
)
# Hungarian and Lithuanian put the month first: "április 27.", "liepos 24 d."
_FOREIGN_MD = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)\.?\s+)?(?<!\w)(?P<month>"
    + _alternation({w: n for w, n in FOREIGN_MONTHS.items() if w in _MONTH_FIRST})
    + r")\s+(?P<day>[0-3]?\d)\b"
)
_CJK_MONTH = re.compile(
    r"(?<![\d年])(?P<month>[01]?\d)月(?![\d份])|(?<!\d)(?P<kmonth>[01]?\d)월(?!\s*\d)"
)
# numeric dates outside English: year first with dots ("2024.5.27"), or day first with
# dots or slashes ("27.5.2024", "25/2/2025"); English writes month first, so not there
_NUMERIC = re.compile(
    r"(?<![\d.])(?:(?P<y>(?:19|20)\d\d)\.\s?(?P<ymo>[01]?\d)\.\s?(?P<yd>[0-3]?\d)"
    r"|(?P<dd>[0-3]?\d)[./](?P<dmo>[01]?\d)[./](?P<dy>(?:19|20)\d\d))(?![\d])"
)
# "1박 2일", "3日間": durations, not dates
_DURATION = re.compile(r"박\s*$|\d\s*$")
_CJK_DAY = re.compile(r"(?<![\d月至到~\-、和及与與])(?P<day>[0-3]?\d)日(?!本)")
_CJK_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d\d)年)?(?P<month>[01]?\d)月(?P<day>[0-3]?\d)日"
    r"|(?:(?P<kmonth>[01]?\d)월\s*)?(?P<kday>[0-3]?\d)일"
)
_FOREIGN_RELATIVE = [
    (
        re.compile(
            r"сегодня|сьогодні|今天|今日|本日|오늘|σημερα|اليوم|امروز"
            r"|(?<!\w)(?:aujourd'hui|heute|bugun|hoy|oggi|hoje|azi|dzis|dzisiaj|danas|vandaag"
            r"|siandien)(?!\w)"
        ),
        0,
    ),
    (
        re.compile(
            r"вчера|вчора|昨天|昨日|어제|χθες|امس|دیروز"
            r"|(?<!\w)(?:gestern|dun|ayer|ieri|ontem|wczoraj|juce|jucer|gisteren|tegnap|vakar)"
            r"(?!\w)|(?<!\w)hier(?= soir| matin| apres| a | au | lors |,)"
            r"|накануне|напередодні|(?<!\w)(?:dan ranije|dan ranije|prethodne noci|la veille"
            r"|el dia anterior|il giorno prima|am vortag|前一天|전날)"
        ),
        1,
    ),
]
_DIGIT = re.compile(r"\d")
_DAY_NUMBER_NEXT = re.compile(r"[\s,]{1,3}(?:el\s+|le\s+)?[0-3]?\d(?!\d)")
# day and month words of the Latin-script languages, which fold to plain ASCII
# day and month words of the Latin-script languages, which fold to plain ASCII: a set
# of words looked up one by one (a regular expression of hundreds of alternatives is
# slower on every English sentence)
_FOREIGN_LATIN_WORDS = frozenset(
    word
    for phrase in (*FOREIGN_WEEKDAYS, *FOREIGN_MONTHS)
    if phrase.isascii()
    for word in phrase.split()
) | frozenset(
    ("gestern", "heute", "aujourd'hui", "dun", "bugun", "hoy", "ayer", "oggi", "ieri", "hoje",
     "ontem", "azi", "dzis", "dzisiaj", "wczoraj", "danas", "juce", "jucer", "vandaag",
     "gisteren", "tegnap", "vakar", "siandien", "ranije", "prethodne", "veille", "anterior",
     "vortag", "giorno")
)  # fmt: skip
_LATIN_WORD = re.compile(r"[a-z']+")


def _foreign_latin(folded: str) -> bool:
    return not _FOREIGN_LATIN_WORDS.isdisjoint(_LATIN_WORD.findall(folded))


_RELATIVE_GATE = re.compile(
    r"today|tonight|yesterday|night|week|month|ago|previous|before|morning|afternoon"
    r"|evening|tomorrow|next|later|coming|earlier"
)
_NEAR_FUTURE = timedelta(days=62)  # "on December 3" in a November article is ahead, not last year
_FUTURE = re.compile(
    r"\b(?:tomorrow|next\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|later\s+this\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks))\b"
)
_BARE_YEAR = re.compile(
    r"\b(?:in|since|of|from|until|by|his|her|their|its)\s+(?:early\s+|late\s+|mid-?\s*)?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\s+)?(?P<year>(?:19|20)\d\d)\b"
)
# "on the eve of Friday's parade", "on the eve of the summit, which opens on Saturday":
# the day before the cue that follows
_EVE = re.compile(r"\bon\s+the\s+eve\s+of\b")
# "later that day", "earlier in the day": the day of the event the previous sentence dated
ANAPHORIC = re.compile(
    r"\b(?:(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+day|the\s+same\s+day"
    r"|later\s+that\s+(?:evening|night|afternoon))\b"
)
# "KCNA said on Thursday", "the ministry reported on Sunday": the date of the report
_REPORTED = re.compile(
    r"\b(?:said|says|reported|reports|announced|added|stated|confirmed|wrote|posted|revealed"
    r"|disclosed|quoted|released|(?<!re )emerged|shared|(?<!re)surfaced)"
    r"\s+(?:late\s+|early\s+)?(?:on\s+)?$"
)


@dataclass(frozen=True)
class DateCue:
    """A resolved date with the words that gave it and how precise it is."""

    day: date
    text: str
    precision: str  # "day", "week" or "month"
    future: bool = False


def _resolve_year(month: int, day: int, year: int | None, published: date) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(published.year, month, day)
        if candidate - published > _NEAR_FUTURE:
            candidate = date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


_ANY_CUE = re.compile(
    r"\d|day\b|tonight|week|month|night|morning|afternoon|evening|tomorrow|coming|january"
    r"|february|march|april|may|june|july|august|september|october|november|december"
)


def report_cue(folded: str, position: int) -> int | None:
    """Where the reporting verb that a cue at `position` dates starts ("KCNA said on
    Thursday" dates the report), or None when the cue is not a report's date."""
    m = _REPORTED.search(folded[max(0, position - 30) : position])
    return None if m is None else max(0, position - 30) + m.start()


def find_dates(
    folded: str, published: date, anchor: date | None = None
) -> list[tuple[int, DateCue]]:
    """Every date cue in a folded sentence with its position, in order of position.

    `anchor` is the day the previous sentences spoke of, for "later that day"."""
    foreign = not folded.isascii() or _foreign_latin(folded) or _NUMERIC.search(folded) is not None
    if not foreign and not _ANY_CUE.search(folded):  # most sentences: no cue at all
        return []
    found = _find_dates(folded, published, foreign)
    if anchor is not None:
        for m in ANAPHORIC.finditer(folded):
            found.append((m.start(), DateCue(anchor, m.group(0), "day", future=anchor > published)))
        found.sort(key=lambda item: item[0])
    if "eve" in folded:
        found = _eve_of(folded, published, foreign, found)
    if "(" in folded and len(found) > 1:
        found = _parenthetical(folded, found)
    if len(found) > 1:
        found = _same_day_number(found)
    return found


_DAY_ONLY = re.compile(r"^([0-3]?\d)(?:일|日)$")


def _same_day_number(found: list[tuple[int, DateCue]]) -> list[tuple[int, DateCue]]:
    """'27일 ... (2024.5.27)': a bare day number is the day of the full date that has it."""
    full = [c for _p, c in found if not _DAY_ONLY.match(c.text)]
    out = []
    for p, c in found:
        m = _DAY_ONLY.match(c.text)
        match = [f for f in full if m and f.day.day == int(m.group(1))]
        out.append((p, DateCue(match[0].day, c.text, "day", match[0].future) if match else c))
    return out


_PAREN_GAP = re.compile(r"[\s,]*\((?:[^()\d]{0,12})?$")


def _parenthetical(folded: str, found: list[tuple[int, DateCue]]) -> list[tuple[int, DateCue]]:
    """'today (March 10)': the calendar date in brackets says which day 'today' was;
    '16日(日本時間17日)': the bracketed day is the same moment in another time zone."""
    drop: set[int] = set()
    for (p, a), (q, b) in pairwise(found):
        if not _PAREN_GAP.search(folded[p + len(a.text) : q]):
            continue
        calendar = [any(ch.isdigit() for ch in c.text) for c in (a, b)]
        drop.add(p if calendar == [False, True] else q)
    return [(p, c) for p, c in found if p not in drop]


def _eve_of(
    folded: str, published: date, foreign: bool, found: list[tuple[int, DateCue]]
) -> list[tuple[int, DateCue]]:
    for m in _EVE.finditer(folded):
        following = [(p, c) for p, c in found if m.end() <= p <= m.end() + 60]
        if not following:
            continue
        pos, cue = following[0]
        day = cue.day
        if _WEEKDAY.match(folded, pos):
            # the eve is on or before publication, so the day itself may be tomorrow
            ahead = _find_dates(folded[pos:], published + timedelta(days=1), foreign)
            day = ahead[0][1].day if ahead else day
        eve = DateCue(day - timedelta(days=1), m.group(0) + " " + cue.text, "day")
        eve = DateCue(eve.day, eve.text, "day", future=eve.day > published)
        found = [(p, c) for p, c in found if p != pos] + [(m.start(), eve)]
    found.sort(key=lambda item: item[0])
    return found


def _find_dates(folded: str, published: date, foreign: bool) -> list[tuple[int, DateCue]]:
    found: list[tuple[int, DateCue]] = []
    # cheap gates first: each family of patterns runs only where its words can be
    has_digit = _DIGIT.search(folded) is not None
    for kind, pattern in _PATTERNS:
        if not has_digit:
            break
        for m in pattern.finditer(folded):
            month_text = m.group("month")
            month = int(month_text) if kind == "iso" else MONTHS[month_text]
            year = int(m.group("year")) if m.group("year") else None
            day = _resolve_year(month, int(m.group("day")), year, published)
            if day is not None:
                found.append((m.start(), DateCue(day, m.group(0), "day", future=day > published)))
    for m in _MONTH_ONLY.finditer(folded):
        year = int(m.group("year")) if m.group("year") else published.year
        explicit = year - 1 if m.group("last") else (year if m.group("year") else None)
        month, part = MONTHS[m.group("month")], _PART_DAY[m.group("part")]
        day = _resolve_year(month, part, explicit, published)
        if day is not None:
            cue = DateCue(day, m.group("at"), "month", future=day > published)
            found.append((m.start("at"), cue))
    for m in _WEEKDAY.finditer(folded) if "day" in folded else ():
        if _AND_WEEKDAY.match(folded, m.end()):
            continue  # "on Monday and Tuesday": the later day is the one to count from
        wanted = WEEKDAYS[m.group("weekday")]
        back = (published.weekday() - wanted) % 7
        if m.group("last") and back == 0:
            back = 7
        found.append((m.start(), DateCue(published - timedelta(days=back), m.group(0), "day")))
    if foreign:
        found += _foreign_dates(folded, published)
    relative = _RELATIVE_GATE.search(folded) is not None
    for pattern, days_back in _RELATIVE if relative else ():
        for m in pattern.finditer(folded):
            precision = "day" if days_back <= 1 else ("week" if days_back <= 7 else "month")
            cue = DateCue(published - timedelta(days=days_back), m.group(0), precision)
            found.append((m.start(), cue))
    for m in _FUTURE.finditer(folded) if relative else ():
        cue = DateCue(published + timedelta(days=1), m.group(0), "day", future=True)
        found.append((m.start(), cue))
    found.sort(key=lambda item: item[0])
    return found


def _foreign_dates(folded: str, published: date) -> list[tuple[int, DateCue]]:
    found: list[tuple[int, DateCue]] = []
    for m in _FOREIGN_WEEKDAY.finditer(folded):
        if _DAY_NUMBER_NEXT.match(folded, m.end()):
            continue  # "jeudi 27 avril": the calendar date that follows says which Thursday
        wanted = FOREIGN_WEEKDAYS.get(
            m.group("weekday") or "", _CJK_WEEKDAYS.get(m.group("cjk") or "", 0)
        )
        back = (published.weekday() - wanted) % 7
        found.append((m.start(), DateCue(published - timedelta(days=back), m.group(0), "day")))
    for m in (*_FOREIGN_DMY.finditer(folded), *_FOREIGN_MD.finditer(folded)):
        year = int(m.group("year")) if m.group("year") else None
        day = _resolve_year(FOREIGN_MONTHS[m.group("month")], int(m.group("day")), year, published)
        if day is not None:
            found.append((m.start(), DateCue(day, m.group(0), "day", future=day > published)))
    for m in _CJK_MONTH.finditer(folded):  # "3月": a month, said vaguely
        day = _resolve_year(int(m.group("month")), 1, None, published)
        if day is not None:
            found.append((m.start(), DateCue(day, m.group(0), "month", future=day > published)))
    for m in _NUMERIC.finditer(folded):  # "2024.5.27", "27.5.2024", "(25/2/2025)"
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("ymo")), int(m.group("yd"))
        else:
            y, mo, d = int(m.group("dy")), int(m.group("dmo")), int(m.group("dd"))
        day = _resolve_year(mo, d, y, published) if 1 <= mo <= 12 else None
        if day is not None:
            found.append((m.start(), DateCue(day, m.group(0), "day", future=day > published)))
    for m in _CJK_DAY.finditer(folded):  # "30日に": a day of this month or the last
        day = _day_of_recent_month(int(m.group("day")), published)
        if day is not None:
            found.append((m.start(), DateCue(day, m.group(0), "day", future=day > published)))
    for m in _CJK_DATE.finditer(folded):
        if m.group("day"):
            year = int(m.group("year")) if m.group("year") else None
            day = _resolve_year(int(m.group("month")), int(m.group("day")), year, published)
        elif m.group("kmonth"):
            day = _resolve_year(int(m.group("kmonth")), int(m.group("kday")), None, published)
        else:  # "18일": a day of this month, or of the last one
            if _DURATION.search(folded[max(0, m.start() - 3) : m.start()]) or folded.startswith(
                "간", m.end()
            ):
                continue  # "1박 2일", "3일간": how long, not which day
            day = _day_of_recent_month(int(m.group("kday")), published)
        if day is not None:
            found.append((m.start(), DateCue(day, m.group(0), "day", future=day > published)))
    for pattern, days_back in _FOREIGN_RELATIVE:
        for m in pattern.finditer(folded):
            cue = DateCue(published - timedelta(days=days_back), m.group(0), "day")
            found.append((m.start(), cue))
    return found


def _day_of_recent_month(day: int, published: date) -> date | None:
    try:
        if day <= published.day:
            return published.replace(day=day)
        previous = published.replace(day=1) - timedelta(days=1)
        return previous.replace(day=day)
    except ValueError:
        return None


def find_date(folded: str, published: date) -> DateCue | None:
    """The first date cue in a folded sentence, resolved; None when there is none."""
    found = find_dates(folded, published)
    return found[0][1] if found else None


def date_near(found: list[tuple[int, DateCue]], position: int) -> DateCue | None:
    """The cue that dates a verb at `position`: the first one after it, else the last before."""
    after = [cue for pos, cue in found if pos >= position]
    if after:
        return after[0]
    return found[-1][1] if found else None


def historical_year(folded: str, published: date) -> int | None:
    """A bare year before the publication year ("appointed in 2004"): history, not news."""
    for m in _BARE_YEAR.finditer(folded):
        year = int(m.group("year"))
        if year < published.year:
            return year
    return None
