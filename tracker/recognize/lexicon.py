"""Cues in languages other than English, for sentences the English grammar cannot read.

For these the classifier uses co-occurrence: an act word in the sentence that names the
official, unless a negation or a future/plan marker is there too; absence words win.
All entries are folded (lower case, no diacritics), as the sentence is when matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CYRILLIC = re.compile(r"[а-яё]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_ENGLISH = {"the", "of", "and", "to", "in", "a", "is", "was", "on", "for", "with", "said", "at",
            "by", "his", "her", "has", "had", "that", "from"}  # fmt: skip
_STOPWORDS = {
    "fr": {"le", "la", "les", "des", "du", "et", "a", "est", "avec", "son", "sa", "ses", "un",
           "une", "au", "aux", "pour", "dans", "sur", "qui", "que", "l'", "d'", "s'est"},
    "de": {"der", "die", "das", "und", "hat", "am", "den", "dem", "ist", "mit", "ein", "eine",
           "im", "von", "zu", "auf", "fur", "sich", "nicht", "des"},
    "es": {"el", "la", "los", "las", "del", "de", "y", "con", "por", "una", "su", "al", "que",
           "en", "se", "es"},
    "tr": {"ve", "bir", "ile", "icin", "bu", "da", "de", "olarak", "sonra", "ardından",
           "ardindan", "tarafindan", "ise"},
}  # fmt: skip


def language_of(low: str) -> str:
    """A rough guess that is enough to pick cue words: en, ru, zh, ko, fr, de or tr."""
    if _HANGUL.search(low):
        return "ko"
    if _HAN.search(low):
        return "zh"
    if _CYRILLIC.search(low):
        return "ru"
    if low.isascii() and (" the " in low or " of " in low or " said" in low):
        return "en"  # the common case, without counting words
    if "ı" in low:  # dotless i: Turkish
        return "tr"
    words = re.findall(r"[\w']+", low)
    english = sum(1 for w in words if w in _ENGLISH)
    best, score = "en", max(english, 1)
    for lang, stops in _STOPWORDS.items():
        hits = sum(1 for w in words if w in stops)
        if hits > score:
            best, score = lang, hits
    return best


@dataclass(frozen=True)
class Cues:
    act: tuple[str, ...]
    absence: tuple[str, ...]
    negation: tuple[str, ...]
    future: tuple[str, ...]


CUES: dict[str, Cues] = {
    "ru": Cues(
        act=(
            "провел",
            "провела",
            "провели",
            "встретил",
            "встретилась",
            "заявил",
            "заявила",
            "сообщил",
            "сообщила",
            "выступил",
            "выступила",
            "выступивш",
            "посетил",
            "посетила",
            "прибыл",
            "прибыла",
            "принял участие",
            "приняла участие",
            "позвонил",
            "позвонила",
            "подписал",
            "возложил",
            "назвал",
            "назвала",
            "обсудил",
            "переговоры с",
            "отметил",
            "отметила",
            "подчеркнул",
            "подчеркнула",
            "поручил",
            "председательствовал",
            "по словам",
            "провел переговоры",
            "беседовал",
            "принял",
            "приняла",
        ),
        absence=(
            "не было",
            "отсутствовал",
            "отсутствие",
            "не присутствовал",
            "не появля",
            "не участвовал",
            "не пришел",
            "пропустил",
        ),
        negation=(" не ", " ни "),
        future=(
            "будет",
            "посетит",
            "проведет",
            "планирует",
            "намерен",
            "ожидается",
            "пройдет",
            "предстоит",
            "на следующей неделе",
            "собирается",
            "может",
        ),
    ),
    "zh": Cues(
        act=(
            "会见",
            "会谈",
            "会晤",
            "出席",
            "发表讲话",
            "发表重要讲话",
            "主持",
            "访问",
            "抵达",
            "视察",
            "考察",
            "通电话",
            "签署",
            "接见",
            "表示",
            "指出",
            "强调",
            "作政府工作报告",
            "作报告",
            "举行",
            "致辞",
            "检阅",
        ),
        absence=("缺席", "未出席", "没有出席", "未露面", "没有露面"),
        negation=("未", "没有", "不会"),
        future=("将", "拟", "计划", "即将", "预计"),
    ),
    "ko": Cues(
        act=(
            "참관",
            "참석",
            "회담",
            "회견",
            "만나",
            "만났",
            "방문",
            "연설",
            "통화",
            "서명",
            "시찰",
            "밝혔",
            "말했",
            "지시했",
            "주재",
            "현지지도",
            "접견",
        ),
        absence=("불참", "참석하지 않", "모습을 드러내지 않", "나타나지 않"),
        negation=("않", "못 ", "안 "),
        future=("예정", "계획", "할 것", "전망"),
    ),
    "fr": Cues(
        act=(
            "a rencontre",
            "a recu",
            "s'est entretenu",
            "s'est entretenue",
            "a visite",
            "est arrive",
            "est arrivee",
            "a declare",
            "a participe",
            "a signe",
            "a assiste",
            "a prononce",
            "s'est rendu",
            "s'est rendue",
            "a preside",
            "a inaugure",
            "a affirme",
            "a dit",
            "a annonce",
        ),
        absence=("absent", "absente", "n'a pas assiste", "n'a pas participe"),
        negation=("n'a pas", "ne s'est pas", "n'est pas"),
        future=("va ", "doit", "devrait", "prochain", "prochaine", "sera "),
    ),
    "de": Cues(
        act=(
            "entgegengenommen",
            "traf",
            "getroffen",
            "empfing",
            "empfangen",
            "besuchte",
            "besucht",
            "sagte",
            "erklarte",
            "nahm teil",
            "teilgenommen",
            "hielt eine rede",
            "sprach",
            "unterzeichnete",
            "unterzeichnet",
            "eroffnete",
            "reiste",
        ),
        absence=("fehlte", "nicht teilgenommen", "abwesend", "blieb fern"),
        negation=("nicht", "kein"),
        future=("wird", "soll", "nachste", "nachsten", "will"),
    ),
    "es": Cues(
        act=(
            "se reunio",
            "recibio",
            "visito",
            "llego",
            "asistio",
            "participo",
            "firmo",
            "firmaron",
            "inauguro",
            "inauguraron",
            "pronuncio",
            "declaro",
            "dijo",
            "afirmo",
            "presidio",
        ),
        absence=("no asistio", "no participo", "ausente", "se ausento", "estuvo representad"),
        negation=(" no ",),
        future=("visitara", "viajara", "se reunira", "va a ", "proxima", "proximo", "preve"),
    ),
    "tr": Cues(
        act=(
            "seslendi",
            "gorustu",
            "bir araya geldi",
            "ziyaret etti",
            "katildi",
            "konustu",
            "acikladi",
            "dedi",
            "imzaladi",
            "kabul etti",
            "karsiladi",
            "hitap etti",
        ),
        absence=("katilmadi", "yer almadi"),
        negation=("degil",),
        future=("yapacak", "gidecek", "edecek", "katilacak", "bekleniyor"),
    ),
}


# absence said with words apart: "hat ... nicht an dem Treffen teilgenommen",
# "ließ sich von einem Stellvertreter vertreten"
_ABSENCE_APART = {
    "de": re.compile(
        r"\bnicht\b[^.;]{0,80}\b(?:teilgenommen|erschienen|anwesend|gekommen)\b"
        r"|\blie(?:ss|ß) sich\b[^.;]{0,60}\bvertreten\b"
    ),
    "fr": re.compile(r"\bn'a pas\b[^.;]{0,40}\b(?:assiste|participe)\b|\bs'est fait representer\b"),
}


_THAT = re.compile(r"(?:\s|,)(?:что|чтобы|que|qu'|dass|ob)\s")


def foreign_cue(low: str, lang: str, name_end: int | None = None) -> tuple[str, str] | None:
    """('absence'|'appearance'|'mention', the word that decided), or None: not decided.

    `name_end` is where the official's name ends: a future marker right after it
    ("Kaja Kallas, doit se rendre à Kiev") makes the sentence a plan."""
    cues = CUES.get(lang)
    if cues is None:
        return None
    padded = f" {low} "
    for word in cues.absence:
        if word in padded:
            return "absence", word
    apart = _ABSENCE_APART.get(lang)
    m = apart.search(low) if apart is not None else None
    if m:
        return "absence", m.group(0)
    if name_end is not None:
        following = padded[name_end + 1 : name_end + 26]
        for word in cues.future:
            if word in following:
                return "mention", f"plan: {word.strip()}"
    act = next((w for w in cues.act if w in padded), None)
    if act is None:
        return None
    # only markers close to the act word count: "заявил, что ... не определена" is
    # a statement about something else
    at = padded.index(act)
    if name_end is not None and at < name_end and _THAT.search(padded[at : name_end + 1]):
        # "Песков заявил, что встреча Путина и Зеленского ...": the name is in what was
        # said, not the one who said it
        return "mention", f"reported speech: {act.strip()}"
    near = padded[max(0, at - 14) : at + len(act) + 10]
    for word in cues.future:
        if word in near:
            return "mention", f"plan: {word.strip()}"
    for word in cues.negation:
        if word in near:
            return "mention", f"negated: {word.strip()}"
    return "appearance", act
