"""Cues in languages other than English, for sentences the English grammar cannot read.

For these the classifier reads co-occurrence near the name, in this order:
1. a new appearance said as news ("est apparu pour la première fois", "вперше з'явився",
   "reapareció") is an appearance;
2. a stated absence ("n'a pas assisté", "не присутствовал", "缺席") is an absence;
3. an act word near the name ("a rencontré", "провел переговоры", "會見", "görüştü") is an
   appearance, unless a plan or future marker, a negation or a habit stands next to it;
   reporting verbs ("said", "заявил") count only right next to the name (the speaker),
   and not for a written statement;
4. "his last public appearance" frames an absence: an appearance on the day it names (the
   framing date), else an absence;
5. illness and hospital words, with no act, are an absence.
Words are written as the languages write them and folded at import (lower case, no
diacritics), as the sentence is when matched. A word ending in "$" must end there; others
are stems ("встрет" matches "встретился"). Arabic and Persian words may carry a one-letter
prefix (و, ف, ب, ل).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.recognize.text import fold

_CYRILLIC = re.compile(r"[а-яё]")
_UKRAINIAN = re.compile(r"[іїєґ]")
_SERBIAN_CYRILLIC = re.compile(r"[ђјљњћџ]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_PERSIAN = re.compile(r"[پچژگکی]|\bاست\b|\bمی\b|\bرا\b|\bاین\b")
_ENGLISH = {"the", "of", "and", "to", "in", "a", "is", "was", "on", "for", "with", "said", "at",
            "by", "his", "her", "has", "had", "that", "from"}  # fmt: skip
_STOPWORDS = {
    "fr": {"le", "la", "les", "des", "du", "de", "et", "est", "avec", "son", "sa", "ses", "un",
           "une", "au", "aux", "pour", "dans", "sur", "qui", "que", "l'", "d'", "s'est", "a",
           "ont", "lors", "apres", "ne", "pas", "il", "elle", "ce", "cette", "en"},
    "de": {"der", "die", "das", "und", "hat", "am", "den", "dem", "ist", "mit", "ein", "eine",
           "im", "von", "zu", "auf", "fur", "sich", "nicht", "des", "sei", "wurde", "er", "sie"},
    "es": {"el", "la", "los", "las", "del", "de", "y", "con", "por", "una", "su", "al", "que",
           "en", "se", "es", "fue", "ha", "este", "esta", "tras", "durante", "lo", "sus", "para",
           "como", "pero", "sobre", "entre", "no"},
    "it": {"il", "lo", "gli", "della", "dei", "delle", "di", "e", "con", "per", "una", "si",
           "ha", "nel", "nella", "alla", "al", "che", "sono", "dopo", "la", "un", "non", "anche",
           "del", "ai"},
    "pt": {"o", "os", "as", "do", "da", "dos", "das", "e", "com", "por", "uma", "um", "no",
           "na", "em", "que", "foi", "ao", "nao", "seu", "sua", "de", "para", "mais"},
    "ro": {"si", "cu", "al", "ale", "lui", "din", "pe", "care", "fost", "este", "sa", "pentru",
           "dupa", "mai", "acest", "aceasta", "fi", "sunt", "nu", "iar"},
    "tr": {"ve", "bir", "ile", "icin", "bu", "da", "de", "olarak", "sonra", "ardindan",
           "tarafindan", "ise", "cumhurbaskani"},
    "pl": {"i", "w", "z", "na", "sie", "jest", "do", "od", "po", "ze", "nie", "jego", "podczas",
           "oraz", "ktory", "jak", "to"},
    "sr": {"je", "i", "u", "sa", "se", "od", "na", "da", "su", "za", "posle", "nakon", "koji",
           "sto", "bio", "sam"},
    "nl": {"de", "het", "een", "en", "van", "op", "met", "voor", "heeft", "zijn", "niet", "bij",
           "werd", "naar", "hij"},
    "hu": {"a", "az", "es", "hogy", "nem", "egy", "volt", "meg", "is", "ami"},
    "lt": {"ir", "su", "kad", "del", "yra", "buvo", "po", "jo", "prezidentas"},
    "id": {"yang", "dan", "di", "dari", "ini", "itu", "dengan", "untuk", "pada", "ke", "akan",
           "tidak", "juga", "dalam", "presiden", "sebagai"},
}  # fmt: skip


_LANGS_OF_WORD: dict[str, tuple[str, ...]] = {}
for _lang, _words in (("en", _ENGLISH), *_STOPWORDS.items()):
    for _word in _words:
        _LANGS_OF_WORD[_word] = (*_LANGS_OF_WORD.get(_word, ()), _lang)
_WORD = re.compile(r"[\w']+")


def language_of(low: str) -> str:
    """A rough guess that is enough to pick cue words (ISO 639-1 code; 'en' by default)."""
    if _HANGUL.search(low):
        return "ko"
    if _KANA.search(low):
        return "ja"
    if _HAN.search(low):
        return "zh"
    if _CYRILLIC.search(low):
        if _UKRAINIAN.search(low):
            return "uk"
        return "sr" if _SERBIAN_CYRILLIC.search(low) else "ru"
    if _GREEK.search(low):
        return "el"
    if _ARABIC_SCRIPT.search(low):
        return "fa" if _PERSIAN.search(low) else "ar"
    if "ı" in low:  # dotless i: Turkish
        return "tr"
    ranked = latin_candidates(low)
    return ranked[0] if ranked else "en"


def latin_candidates(low: str) -> tuple[str, ...]:
    """Latin-script languages whose common words outnumber English ones, most likely first:
    Spanish, Portuguese and Romanian share many short words, so the caller tries each."""
    scores: dict[str, int] = {}
    for word in _WORD.findall(low):
        for lang in _LANGS_OF_WORD.get(word, ()):
            scores[lang] = scores.get(lang, 0) + 1
    english = max(scores.pop("en", 0), 1)
    return tuple(
        sorted((lang for lang, n in scores.items() if n > english), key=lambda x: -scores[x])
    )


def likely_english(low: str, original: str) -> bool:
    """Read by the English grammar alone: two or more common English words, or one in a
    sentence of plain ASCII letters (an English headline is short on them; "empfängt",
    "sâmbătă" are not English)."""
    english = sum(1 for w in _WORD.findall(low) if w in _ENGLISH)
    plain = original.translate(_QUOTES).isascii()
    return english >= 2 or (english >= 1 and plain)


# typographic quotes and dashes are no sign of another language
_QUOTES = str.maketrans({c: " " for c in "‘’“”«»–—…\u00a0"})


# tried in turn on a Latin-script sentence that no language's common words claimed
LATIN_LANGUAGES = ("es", "fr", "it", "pt", "ro", "de", "nl", "pl", "sr", "tr", "id", "hu", "lt")


@dataclass(frozen=True)
class Lexicon:
    """One language's cue words, as written (folded when compiled)."""

    act: tuple[str, ...]  # public acts, in any tense or as event nouns
    say: tuple[str, ...] = ()  # reporting verbs: an act only for the speaker named beside it
    new: tuple[str, ...] = ()  # a new appearance said as news: "first appearance since"
    last: tuple[str, ...] = ()  # "last public appearance": frames an absence
    absence: tuple[str, ...] = ()  # not there, not seen, cancelled, represented
    unwell: tuple[str, ...] = ()  # illness, hospital: an absence when nothing was done
    future: tuple[str, ...] = ()  # plans, schedules, modals
    negation: tuple[str, ...] = ()
    habit: tuple[str, ...] = ()  # "traditionally", "usually": not one dated act
    written: tuple[str, ...] = ()  # statements, posts, letters: reporting verbs do not count
    proxy: tuple[str, ...] = ()  # "in his place", "instead of him": someone else went


# fmt: off
# fmt: off
# fmt: off
# fmt: off
# fmt: off
# fmt: off
# fmt: off
# fmt: off
LEXICONS: dict[str, Lexicon] = {
    "ru": Lexicon(
        act=("провел", "провела", "провели", "провёл", "встретил", "встретилс", "встреча с",
            "встрече с", "на встрече", "в ходе встречи", "выступил", "выступила", "выступлени",
            "посетил", "посетила", "прибыл", "прибыла", "прилетел", "приехал", "принял участие",
            "приняла участие", "принял$", "приняла$", "принимает", "позвонил", "телефонн",
            "по телефону", "подписал", "возложил", "обсудил", "переговор", "беседовал",
            "председательствовал", "открыл", "осмотрел", "совещани", "заседани",
            "пресс-конференц", "журналистам", "на кадрах", "кадры с", "в эфире", "по видеосвязи",
            "видеосвяз", "поприветствовал", "пожал руку", "вручил", "наградил", "за рулем",
            "с инспекцией", "снял$", "сняли", "появился", "появилась", "показал", "показали",
            "показан", "встречался", "общался", "провел встречу"),
        say=("заявил", "сказал", "сообщил", "отметил", "подчеркнул", "назвал", "рассказал",
            "добавил", "пояснил"),
        new=("впервые появил", "впервые после", "появился на публике", "появилась на публике",
            "вновь появил", "снова появил", "первое публичное", "первое появление", "вернулся",
            "вернулась"),
        last=("последний раз", "в последний раз", "последнее публичное", "последнее появление"),
        absence=("не было", "отсутствовал", "отсутствие", "отсутствия", "не присутствовал",
                "не появля", "не участвовал", "не пришел", "пропустил", "не видели",
                "не показывался", "отменил"),
        unwell=("госпитализ", "болезн", "в больнице", "в коме"),
        future=("будет", "посетит", "проведет", "проведёт", "встретится", "примет участие",
               "планирует", "намерен", "ожидается", "пройдет", "предстоит", "на следующей неделе",
               "собирается", "может$", "могут$", "завтра", "планируется", "должен", "встретит"),
        negation=("не$", "ни$", "нет$"),
        habit=("традиционно", "обычно", "регулярно", "ежегодно"),
        written=("телеграм", "в заявлении", "в письме", "в сообщении", "указ", "соцсет"),
        proxy=("вместо него", "вместо себя"),
    ),
    "uk": Lexicon(
        act=("зустрівся", "зустрілася", "зустріч з", "провів", "провела", "відвідав", "відвідала",
            "прибув", "прибула", "взяв участь", "взяла участь", "виступив", "виступила",
            "підписав", "прийняв", "поговорив", "телефонн", "розмову з", "переговор", "з'явився",
            "з'явилася", "пресконференц", "журналістам", "обговорив"),
        say=("заявив", "заявила", "сказав", "сказала", "повідомив", "наголосив"),
        new=("вперше з'яв", "вперше після", "з'явився на публіці", "знову з'явився",
            "перша публічна поява", "першу публічну появу"),
        last=("остання публічна поява", "востаннє"),
        absence=("не був", "не з'являвся", "відсутн", "не взяв участі", "скасував"),
        unwell=("госпіталіз", "хвороб", "проблеми із серцем"),
        future=("буде", "відвідає", "проведе", "зустрінеться", "планує", "має намір", "очікується",
               "наступного тижня", "завтра"),
        negation=("не$",),
        written=("телеграм", "у заяві", "указ"),
        proxy=("замість нього",),
    ),
    "zh": Lexicon(
        act=("会见", "會見", "会谈", "會談", "会晤", "會晤", "会面", "會面", "见面", "見面",
            "出席", "参加", "參加", "发表讲话", "發表講話", "讲话", "講話", "主持", "访问",
            "訪問", "抵达", "抵達", "视察", "視察", "考察", "通电话", "通電話", "签署", "簽署",
            "接见", "接見", "举行", "舉行", "致辞", "致辭", "检阅", "檢閱", "握手", "亮相",
            "露面", "现身", "現身", "出访", "出訪", "招待会", "招待會", "记者会", "記者會",
            "陪同"),
        say=("表示", "指出", "强调", "強調", "说", "說"),
        new=("首次公开露面", "首次公開露面", "首度露面", "再次露面", "重新露面", "再度现身",
            "再度現身", "首次亮相"),
        last=("最后一次公开", "最後一次公開", "上一次公开", "上一次公開", "最后一次露面",
             "最後一次露面"),
        absence=("缺席", "未出席", "没有出席", "沒有出席", "未露面", "没有露面", "沒有露面",
                "未公开露面", "未公開露面", "取消"),
        unwell=("住院", "病情"),
        future=("将", "將", "拟", "擬", "计划", "計劃", "即将", "即將", "预计", "預計", "明天",
               "准备", "準備", "很快", "邀请", "邀請", "会到", "會到", "将在", "將在"),
        negation=("未", "没有", "沒有", "不会", "不會"),
        habit=("之后", "之後", "此前", "早前", "曾经", "曾經", "多次", "近年来", "近年來",
              "多年来", "多年來"),
        written=("贺电", "賀電", "致信", "贺信", "賀信", "声明", "聲明", "发文", "發文",
                "社交媒体", "社交媒體", "推文"),
    ),
    "ja": Lexicon(
        act=("会談", "会見", "訪問", "出席", "視察", "会った", "面会", "首脳会談", "演説", "参加",
            "到着", "表敬", "電話会談", "握手", "姿を見せ", "姿を現"),
        say=("述べた", "語った", "強調した"),
        new=("初めて公の場", "公の場に姿を見せ", "姿を見せた", "姿を現した"),
        last=("最後に公の場",),
        absence=("欠席", "姿を見せていない", "姿を見せず", "動静が途絶"),
        unwell=("入院",),
        future=("予定", "見通し", "方針", "見込み", "来年", "調整", "方向で", "来月", "来週",
               "ことになりました", "ことになった", "ことになり", "行う予定", "する方向"),
        negation=("ない", "なかった"),
    ),
    "ko": Lexicon(
        act=("참관", "참석", "회담", "회견", "만나", "만났", "방문", "연설", "통화", "서명",
            "시찰", "지시했", "주재", "현지지도", "접견", "회동", "면담", "모습을 드러냈", "등장",
            "동행", "수행", "공개 석상에"),
        say=("밝혔", "말했", "강조했"),
        new=("처음으로 모습", "다시 모습", "공개 활동을 재개", "첫 공개 활동", "첫 공개석상"),
        last=("마지막 공개", "마지막으로 모습"),
        absence=("불참", "참석하지 않", "모습을 드러내지 않", "나타나지 않", "잠적", "모습을 감췄"),
        unwell=("건강 이상", "입원"),
        future=("예정", "계획", "할 것", "전망", "방침"),
        negation=("않", "못 ", "안 "),
    ),
    "fr": Lexicon(
        act=("a rencontre", "rencontre$", "ont rencontre", "se sont rencontres", "s'est entretenu",
            "se sont entretenus", "entretien", "s'est rendu", "a recu", "recoit", "a ete recu",
            "a ete accueilli", "accueilli par", "a accueilli", "a visite", "en visite",
            "visite d'etat", "est arrive", "arrive a", "a atterri", "a decolle", "est rentre",
            "est revenu", "de retour", "a participe", "a assiste", "a signe", "la signature",
            "a prononce", "a preside", "a inaugure", "inauguration", "a conclu", "a tenu",
            "conference de presse", "point de presse", "devant la presse",
            "devant les journalistes", "aux journalistes", "lors d", "a l'issue d", "au cours d",
            "est apparu", "apparait", "apparaissait", "s'est montre", "a decore", "a remis",
            "a serre la main", "poignee de main", "a pris la parole", "discours", "a salue",
            "s'est exprime", "a dejeune", "diner", "tete-a-tete", "au telephone", "par telephone",
            "entretien telephonique", "a pris a plusieurs reprises", "a appele", "a echange",
            "se sont parle", "a ete filme", "a ete montre", "a ete photographie", "en image",
            "images", "a la television", "s'est adresse", "a debarque", "a rendu visite",
            "rendu visite", "a quitte", "est sorti", "devant le president",
            "prestation de serment", "ceremonie"),
        say=("a declare", "a affirme", "a dit", "a estime", "a souligne", "a indique", "a assure",
            "a explique", "a ajoute", "a repondu", "declare$", "affirme$", "a averti",
            "a martele", "a annonce"),
        new=("premiere apparition", "est reapparu", "reapparu", "reapparition",
            "est apparu pour la premiere fois", "premiere sortie", "premieres images",
            "premiere fois depuis", "pour la premiere fois", "reapparu a"),
        last=("derniere apparition", "n'a plus ete vu", "n'est plus apparu",
             "la derniere fois que", "derniere fois que"),
        absence=("absent", "absence", "n'a pas assiste", "n'a pas participe",
                "s'est fait representer", "a annule", "annule", "n'est pas apparu",
                "n'a pas ete vu", "sans nouvelles", "empeche", "n'a pas pu", "signe de vie"),
        unwell=("hospitalise", "hospitalisation", "avc", "convalescence", "soigne"),
        future=("va$", "vont$", "doit", "devrait", "devront", "prochain", "prochaine", "sera$",
               "aura$", "auront$", "seront$", "se rendra", "rencontrera", "recevra",
               "participera", "est attendu", "prevu", "prevoit", "compte$", "pourrait", "demain",
               "effectuera", "fera$", "feront$", "ira$", "viendra", "prononcera", "presidera",
               "accueillera", "visitera", "donnera"),
        negation=("n'a pas", "ne s'est pas", "n'est pas", "jamais", "n'ont pas"),
        habit=("habituellement", "regulierement", "chaque annee"),
        written=("communique", "dans une lettre", "message", "sur x", "sur twitter", "decret"),
        proxy=("a sa place",),
    ),
    "de": Lexicon(
        act=("traf", "trafen", "getroffen", "trifft", "empfing", "empfangen", "empfangt",
            "besuchte", "besucht", "besuch$", "vor journalisten", "pressekonferenz", "nahm teil",
            "nahm an", "teilgenommen", "hielt eine rede", "hielt$", "rede$", "sprach",
            "unterzeichnete", "unterzeichnet", "eroffnete", "eroffnet", "reiste", "eingetroffen",
            "traf ein", "landete", "kam zusammen", "zusammengekommen", "telefonierte",
            "telefonat", "gesprach mit", "gesprache mit", "gesprache", "fuhrte gesprache",
            "begrusste", "begrusst", "zu gast", "besichtigte", "auftritt", "trat auf",
            "zeigte sich", "erschien", "war zu sehen", "per video", "videoschalte", "im beisein",
            "entgegengenommen", "sprach mit", "legte", "blumen nieder", "kranz nieder",
            "kranzniederlegung", "zusammengetroffen", "trafen sich", "traf sich"),
        say=("sagte", "erklarte", "betonte", "bekraftigte", "kundigte an"),
        new=("erstmals wieder", "erster offentlicher auftritt", "ersten offentlichen auftritt",
            "wieder aufgetaucht", "zeigte sich erstmals", "erstmals seit"),
        last=("letzter offentlicher auftritt", "letzten offentlichen auftritt", "zuletzt gesehen",
             "zuletzt offentlich"),
        absence=("fehlte", "nicht teilgenommen", "abwesend", "blieb fern", "abgesagt", "sagte ab",
                "verschoben"),
        unwell=("krankenhaus", "erkrankt"),
        future=("wird$", "werden$", "soll$", "sollte", "sollen$", "nachste", "nachsten", "will$",
               "plant", "geplant", "morgen", "hatte", "wollte", "wollen$", "wollten$", "mochte",
               "mochten"),
        negation=("nicht", "kein"),
        written=("erklarung", "schreiben", "brief", "auf x", "mitteilung"),
        proxy=("an seiner stelle", "an ihrer stelle"),
    ),
    "nl": Lexicon(
        act=("ontmoette", "ontving", "bezocht", "bezoek", "sprak met", "arriveerde", "kwam aan",
            "nam deel", "woonde", "ondertekende", "opende", "persconferentie", "verscheen",
            "liet zich zien", "gesprek met", "telefoongesprek", "verwelkomde", "foto",
            "ontmoeting", "besproken", "bespraken"),
        say=("zei", "verklaarde"),
        new=("voor het eerst sinds", "eerste publieke optreden", "verscheen voor het eerst",
            "dook weer op", "weer in het openbaar"),
        last=("laatste publieke optreden", "laatst gezien"),
        absence=("afwezig", "ontbrak", "niet aanwezig", "afgezegd"),
        unwell=("ziekenhuis", "beroerte"),
        future=("zal$", "zullen$", "gaat$", "volgende", "morgen"),
        negation=("niet", "geen"),
        proxy=("in zijn plaats",),
    ),
    "es": Lexicon(
        act=("se reunio", "se reunieron", "se ha reunido", "reunio$", "ha recibido", "recibio",
            "recibe a", "fue recibid", "es recibid", "visito", "ha visitado", "visita de estado",
            "llego", "ha llegado", "arribo", "aterrizo", "asistio", "participo", "ha participado",
            "firmo", "firmaron", "inauguro", "pronuncio", "presidio", "encabezo",
            "mantuvo una conversacion", "conversacion telefonica", "hablo por telefono",
            "converso", "se entrevisto", "conferencia de prensa", "rueda de prensa",
            "a la prensa", "ante los periodistas", "a los periodistas", "comparecio", "aparecio",
            "lucio", "abordo", "durante un encuentro", "durante su visita", "durante la cumbre",
            "durante el encuentro", "en la cumbre", "saludo", "estrecho la mano", "poso", "viajo",
            "se desplazo", "fue visto", "ha sido visto", "intervino", "discurso", "almuerzo",
            "recorrio", "ha mantenido", "mantuvo un encuentro", "celebro", "sostuvo",
            "se ha reunido", "en la oficina oval", "declaraciones del", "inaugur",
            "videoconferencia", "encabez", "visitaron", "llegaron", "asistieron", "participaron"),
        say=("dijo", "afirmo", "declaro", "aseguro", "senalo", "expreso", "enfatizo", "subrayo",
            "califico", "desestimo", "respondio", "explico", "advirtio", "indico", "asegura",
            "dice$", "agrego"),
        new=("reaparecio", "primera aparicion", "aparecio en publico", "volvio a aparecer",
            "reaparicion", "primer evento publico", "primer acto publico", "por primera vez tras",
            "por primera vez desde", "primeras fotos", "primera foto", "primeras imagenes",
            "volvio a la luz publica", "reaparece"),
        last=("ultima aparicion", "ultimo acto", "no se le ve desde", "no se le ha visto",
             "la ultima vez que", "ultima vez que"),
        absence=("no asistio", "no participo", "ausente", "se ausento", "ausencia",
                "estuvo representad", "cancelo", "no ha aparecido", "no ha sido visto",
                "no se ha visto", "no pudo", "senal de vida"),
        unwell=("hospitalizado", "ingresado", "su salud"),
        future=("visitara", "viajara", "se reunira", "participara", "asistira", "recibira", "va a",
               "tiene previsto", "preve", "previsto", "proxima", "proximo", "planea", "podria",
               "se espera", "manana", "le va a ofrecer", "pretenden"),
        negation=("no$", "nunca", "ni siquiera"),
        habit=("habitualmente", "suele"),
        written=("comunicado", "en una publicacion", "en las redes sociales", "escribio",
                "truth social", "en x$", "carta"),
        proxy=("en su lugar", "en su representacion"),
    ),
    "it": Lexicon(
        act=("ha incontrato", "incontra$", "si e incontrato", "incontro con", "ha ricevuto",
            "riceve$", "e stato ricevuto", "ha visitato", "visita$", "e arrivato",
            "ha partecipato", "ha preso parte", "ha assistito", "ha firmato", "ha inaugurato",
            "ha presieduto", "ha tenuto", "conferenza stampa", "ai giornalisti", "ha parlato",
            "ha pronunciato", "discorso", "si e recato", "si e recata", "e apparso", "e comparso",
            "in videoconferenza", "in collegamento", "colloquio telefonico", "telefonata",
            "ha avuto un colloquio", "ha stretto la mano", "durante l'incontro", "al vertice",
            "ha accolto", "ha celebrato", "ha concelebrato", "celebra la messa"),
        say=("ha detto", "ha dichiarato", "ha affermato", "ha sottolineato", "ha spiegato",
            "ha aggiunto", "ha ribadito"),
        new=("prima apparizione", "e riapparso", "riapparso", "ricomparso", "prima uscita",
            "la prima da quando", "prima foto", "prime immagini"),
        last=("ultima apparizione", "l'ultima volta che", "ultima volta che"),
        absence=("assente", "assenza", "non ha partecipato", "ha annullato", "annullat",
                "non ha potuto", "segni di vita"),
        unwell=("ricoverato", "malore"),
        future=("incontrera", "visitera", "partecipera", "sara$", "dovrebbe", "prossima",
               "prossimo", "previsto", "domani", "potrebbe", "sarebbe", "presumibilmente"),
        negation=("non$",),
        written=("comunicato", "in una nota", "messaggio"),
        proxy=("al suo posto",),
    ),
    "pt": Lexicon(
        act=("se reuniu", "reuniu-se", "reuniu", "foi recebid", "visitou", "chegou", "desembarcou",
            "participou", "esteve presente", "compareceu", "assinou", "inaugurou", "discursou",
            "discurso", "presidiu", "conversou", "conversa telefonica", "telefonema",
            "coletiva de imprensa", "entrevista coletiva", "aos jornalistas", "estava acompanhad",
            "acompanhado d", "acompanhado por", "almoco", "almocou", "jantou", "encontrou-se",
            "se encontrou", "encontro com", "compromisso oficial", "cumprimentou", "apareceu",
            "durante a visita", "durante o encontro", "na cupula", "posou", "esteve em",
            "recebeu o", "recebeu a", "recebeu em", "recebeu nest", "recebeu hoje",
            "recebeu ontem", "recebeu neste"),
        say=("disse", "afirmou", "declarou", "destacou", "ressaltou", "defendeu"),
        new=("primeira aparicao", "reapareceu", "voltou a aparecer", "primeira foto",
            "primeiras fotos", "primeiras imagens", "primeira aparicao publica"),
        last=("ultima aparicao", "a ultima vez que", "ultima vez que"),
        absence=("nao compareceu", "nao participou", "ausente", "ausencia", "cancelou", "cancelad",
                "nao pode", "nao pôde", "sinal de vida"),
        unwell=("internado", "hospitalizado"),
        future=("vai$", "ira$", "deve$", "devera", "proxima", "proximo", "previsto", "visitara",
               "participara", "amanha", "pretende"),
        negation=("nao$", "nem sequer"),
        written=("nota$", "comunicado", "carta"),
        proxy=("em seu lugar", "no seu lugar"),
    ),
    "ro": Lexicon(
        act=("s-a intalnit", "a intalnit", "intalnire cu", "a primit", "a fost primit",
            "a vizitat", "a sosit", "a ajuns", "a participat", "a luat parte", "la care a luat",
            "a asistat", "a semnat", "a inaugurat", "a prezidat", "a tinut",
            "conferinta de presa", "a vorbit", "discurs", "a aparut", "apare alaturi", "apare$",
            "convorbire telefonica", "videoconferinta", "in imaginile", "s-a deplasat",
            "s-a aflat", "se poate vedea"),
        say=("a spus", "a declarat", "a afirmat", "a subliniat", "a precizat", "a transmis"),
        new=("a reaparut", "prima aparitie", "reaparitie"),
        last=("ultima aparitie", "nu a mai avut nicio aparitie", "nu a mai fost vazut"),
        absence=("absent", "absenta", "nu a participat", "a anulat", "nu a mai aparut"),
        unwell=("internat", "spital"),
        future=("va$", "vor$", "urmeaza", "ar urma", "viitoare", "viitor", "maine", "ar putea",
               "o sa"),
        negation=("nu$",),
    ),
    "pl": Lexicon(
        act=("spotkal sie", "spotkala sie", "spotkani", "przyjal", "przyjela", "odwiedzil",
            "odwiedzila", "wizyt", "przybyl", "przybyla", "przylecial", "wzial udzial",
            "wziela udzial", "uczestniczyl", "wystapil", "wystapieni", "podpisal", "rozmawial",
            "rozmowa telefoniczna", "rozmowe", "konferencji prasowej", "konferencja prasowa",
            "dziennikarzom", "pokazal", "pokazala", "w telewizji", "pojawil sie", "pojawila sie",
            "z przywodca", "powital"),
        say=("powiedzial", "powiedziala", "oswiadczyl", "stwierdzil", "podkreslil"),
        new=("po raz pierwszy od", "pierwsze publiczne", "ponownie pojawil",
            "pojawil sie po raz pierwszy"),
        last=("ostatnie publiczne", "ostatni raz", "ostatnio widziany"),
        absence=("nieobecn", "nie pojawil", "nie wzial udzialu", "odwolal", "zrezygnowal z"),
        unwell=("w szpitalu", "choroba", "chorob"),
        future=("bedzie", "odwiedzi$", "spotka sie", "wezmie udzial", "ma sie", "planuje",
               "zamierza", "jutro", "przyszlym"),
        negation=("nie$",),
    ),
    "sr": Lexicon(
        act=("sastao se", "sastala se", "sastan", "razgovarao", "razgovarala", "razgovor",
            "odrzao", "odrzala", "primio", "primila", "posetio", "posjetio", "posetila",
            "doputovao", "stigao", "stigla", "ucestvovao", "sudjelovao", "prisustvovao",
            "potpisao", "obratio se", "konferenciji za novinare", "konferencija za novinare",
            "novinarima", "pojavio se", "pojavila se", "telefonski", "telefonom", "susret",
            "sreo se", "docekao", "prethodne noci", "otputovao", "otputovala", "oprostio",
            "oprostila", "svecanog otvaranja"),
        say=("rekao", "rekla", "izjavio", "izjavila", "naglasio", "saopstio"),
        new=("prvi put od", "prvo javno pojavljivanje", "ponovo se pojavio", "ponovno se pojavio"),
        last=("poslednje javno pojavljivanje", "posljednje javno pojavljivanje", "poslednji put",
             "posljednji put"),
        absence=("nije bio", "nije prisustvovao", "odsutan", "otkazao"),
        unwell=("u bolnici", "bolest"),
        future=("ce$", "planira", "treba da", "sutra", "sledece", "sljedece", "ocekuje se"),
        negation=("nije", "ne$"),
    ),
    "el": Lexicon(
        act=("συναντηθηκε", "συναντηση", "συναντηθηκαν", "τηλεφωνικη συνομιλια", "συνομιλια",
            "επισκεφθηκε", "επισκεφτηκε", "επισκεψη", "εφτασε", "αφιχθη", "συμμετειχε", "παρεστη",
            "υπεγραψε", "μιλησε", "δηλωσεις", "συνεντευξη τυπου", "εμφανιστηκε", "πραγματοποιησε",
            "εγκαινια", "εγκαινιασε", "υποδεχθηκε", "δεχθηκε", "τελει λειτουργια", "λειτουργια"),
        say=("δηλωσε", "ειπε", "τονισε"),
        new=("πρωτη του δημοσια εμφανιση", "πρωτη δημοσια εμφανιση", "επανεμφανιστηκε",
            "για πρωτη φορα"),
        last=("τελευταια δημοσια εμφανιση",),
        absence=("ακυρωσε", "δεν εμφανιστηκε", "απουσιαζε"),
        unwell=("νοσηλευ", "αδιαθεσια"),
        future=("θα$", "προκειται", "αναμενεται", "αυριο", "επομενη"),
        negation=("δεν$", "μην$"),
    ),
    "tr": Lexicon(
        act=("gorustu", "gorusme", "bir araya geldi", "ziyaret etti", "ziyaret", "katıldı",
            "katildi", "konustu", "konuştu", "imzaladı", "imzaladi", "kabul etti", "kabul$",
            "kabulde", "karsıladı", "karsiladi", "hitap etti", "hazır bulundu", "hazir bulundu",
            "yer aldı", "yer aldi", "telefon", "basın toplantısı", "basin toplantisi",
            "gazetecilere", "acılıs", "acilis", "tören", "toren", "poz verdi", "zirve",
            "agırladı", "agirladi", "seslendi", "gezdirdi", "ugurladı", "ugurladi"),
        say=("dedi", "acıkladı", "acikladi", "soyledi", "belirtti", "ifade etti", "vurguladı",
            "vurguladi"),
        new=("ilk kez", "ilk defa", "kamuoyu onune", "yeniden goruldu"),
        last=("son kez", "en son"),
        absence=("katılmadı", "katilmadi", "yer almadı", "yer almadi", "iptal"),
        unwell=("rahatsızlan", "rahatsizlan", "hastane"),
        future=("~acak", "~ecek", "~acaktır", "~ecektir", "~acaklar", "~ecekler", "bekleniyor",
               "ongoruluyor", "yarın", "yarin", "gelecek hafta", "planlan"),
        negation=("degil", "~madı", "~medi", "~madi"),
        proxy=("yerine",),
    ),
    "ar": Lexicon(
        act=("التقى", "استقبل", "استقبال", "زار$", "زيارة", "وصل", "عاد$", "شارك", "حضر$", "ترأس",
            "وقع$", "ألقى", "كلمة", "مؤتمر صحفي", "مؤتمر صحافي", "اتصال هاتفي", "اتصالا هاتفيا",
            "محادثات", "مباحثات", "اجتمع", "اجتماع", "لقاء", "ظهر$", "ظهور", "اللقطة", "لقطة",
            "التلفزيون", "بث$", "يبدو", "غادر", "عودته", "تصريحات له من", "من مدينة"),
        say=("قال$", "أكد", "صرح", "أعلن"),
        new=("أول ظهور", "ظهر لأول مرة", "عاد للظهور", "ظهوره الأول", "لأول مرة منذ", "بعد عودته",
            "أول تصريح له بعد"),
        last=("آخر ظهور",),
        absence=("غياب", "غاب$", "لم يحضر", "لم يشارك", "ألغى"),
        unwell=("المستشفى", "مستشفى", "النقاهة", "العلاج"),
        future=("سوف", "سيزور", "سيلتقي", "سيشارك", "من المقرر", "المقبل", "المقبلة", "غدا",
               "يعتزم", "المقرر", "المقررة", "مقرر"),
        negation=("لم$", "لا$", "لن$"),
        written=("بيان", "رسالة", "برقية"),
        proxy=("نيابة عن", "بدلا من"),
    ),
    "fa": Lexicon(
        act=("دیدار", "ملاقات", "حضور یافت", "حضور داشت", "حضور", "سفر کرد", "وارد", "شرکت کرد",
            "سخنرانی", "گفتگو", "گفت‌وگو", "گفت و گو", "تلفنی", "امضا کرد", "استقبال", "مراسم",
            "نشست خبری", "کنفرانس خبری", "رایزنی", "مذاکره"),
        say=("گفت", "اظهار داشت", "تاکید کرد", "اعلام کرد"),
        new=("نخستین حضور", "اولین حضور", "برای اولین بار", "پس از غیبت"),
        last=("آخرین حضور",),
        absence=("غیبت", "غایب", "شرکت نکرد", "حضور نیافت", "لغو کرد"),
        unwell=("بیمارستان", "بیماری"),
        future=("خواهد", "قرار است", "آینده", "فردا"),
        negation=("نکرد", "نداشت", "نیست"),
        habit=("روزهای اخیر", "اخیرا", "مدعی", "ادعا"),
        written=("پیام", "بیانیه", "نامه"),
    ),
    "hu": Lexicon(
        act=("talalkozott", "fogadta", "latogatott", "latogatast tett", "erkezett", "reszt vett",
            "alairta", "beszelt", "targyalt", "sajtotajekoztato", "megjelent", "telefonon",
            "felszolalt"),
        say=("mondta", "jelentette ki", "hangsulyozta"),
        new=("eloszor jelent meg", "ujra megjelent", "elso nyilvanos"),
        last=("utoljara",),
        absence=("nem vett reszt", "tavol maradt", "lemondta"),
        unwell=("korhaz",),
        future=("fog$", "fogja", "tervez", "holnap", "varhatoan"),
        negation=("nem$",),
    ),
    "lt": Lexicon(
        act=("susitiko", "susitikim", "prieme", "lankesi", "apsilanke", "atvyko", "dalyvavo",
            "pasirase", "kalbejo", "kalbejosi", "spaudos konferencij", "pasirode", "rode$",
            "telefonu"),
        say=("sake", "pareiske", "teige"),
        new=("pirma karta pasirode", "vel pasirode", "pirmasis viesas pasirodymas"),
        last=("paskutini karta", "paskutinis viesas"),
        absence=("nedalyvavo", "nepasirode", "nebuvo matyti", "nebuvo matomas", "nematytas",
                "nebuvo"),
        unwell=("ligonin",),
        future=("bus$", "ketina", "planuoja", "rytoj", "susitiks", "apsilankys"),
        negation=("ne$",),
    ),
    "id": Lexicon(
        act=("menerima", "kunjungan", "mendatangi", "bertemu", "pertemuan", "menghadiri",
            "berkunjung", "tiba di", "melakukan pertemuan", "berbicara", "menyambut", "hadir",
            "meninjau", "konferensi pers"),
        say=("mengatakan", "menyebut", "menanyakan", "menyatakan", "menegaskan"),
        new=("pertama kali sejak", "kembali tampil"),
        last=("terakhir kali",),
        absence=("tidak hadir", "absen", "batal"),
        unwell=("dirawat", "rumah sakit"),
        future=("akan", "dijadwalkan", "rencana", "berencana", "besok"),
        negation=("tidak", "belum"),
    ),
}
# fmt: on
# fmt: on
# fmt: on
# fmt: on
# fmt: on
# fmt: on
# fmt: on
# fmt: on

# absence said with words apart: "hat ... nicht an dem Treffen teilgenommen",
# "ließ sich von einem Stellvertreter vertreten", "n'a pas ... assisté"
_ABSENCE_APART = {
    "de": re.compile(
        r"\bnicht\b[^.;]{0,80}\b(?:teilgenommen|erschienen|anwesend|gekommen|gesehen)\b"
        r"|\blie(?:ss|ß) sich\b[^.;]{0,60}\bvertreten\b"
    ),
    "fr": re.compile(r"\bn'a pas\b[^.;]{0,40}\b(?:assiste|participe)\b|\bs'est fait representer\b"),
    "es": re.compile(r"\bno\b[^.;]{0,30}\b(?:asistio|participo|acudio|viajo)\b"),
    "it": re.compile(r"\bnon\b[^.;]{0,30}\b(?:partecipato|presente|presentato)\b"),
}
# "recently", in the languages above: a time the passage does not state
RECENTLY = re.compile(
    fold(
        r"(?<!\w)(?:recently|lately|the other day|recemment|recientemente|recentemente|reciente"
        r"|recente|recent|recemment"
        r"|di recente|недавно|нещодавно|kurzlich|neulich|onlangs|niedawno|nedavno|προσφατα"
        r"|gectigimiz gunlerde|son gunlerde|gecenlerde|مؤخرا|اخیرا|روزهای اخیر|اخیر)(?!\w)"
        r"|最近|近日|近期|최근|先日"
    )
)
# "since", "after": a date right after one of these starts an absence, not an act
_SINCE = (
    r"(?:(?<!\w)(?:since|after|depuis|apres|desde|tras|despues de|dopo|dal|dalla|seit|nach"
    r"|после|с|со|після|з|od|po|από|μετα|sonra|beri|itibaren|منذ|بعد|از|پس از|sinds|nuo)(?!\w)"
    r"|以来|之后|之後|以後|이후)"
)
SINCE_BEFORE = re.compile(_SINCE + r"\s+(?:the\s+|le\s+|la\s+|el\s+|il\s+|de\s+|del\s+|l')?$")
SINCE_WORD = re.compile(_SINCE)


def since_cue(low: str, position: int) -> bool:
    """A date right after "since"/"depuis"/"после": when an absence began."""
    return SINCE_BEFORE.search(low[max(0, position - 25) : position]) is not None


_NO_SPACES = {"zh", "ja", "ko"}
_VERB_LAST = {"tr", "ko", "ja", "fa"}  # scripts written without word boundaries we can trust
_ARABIC_PREFIX = {"ar", "fa"}


class _Compiled:
    """One language's lexicon as one pattern per category, over folded text."""

    def __init__(self, lang: str, lexicon: Lexicon) -> None:
        self.lang = lang
        self.patterns: dict[str, re.Pattern[str] | None] = {}
        # matches per (category, sentence): a sentence naming the official a hundred
        # times is searched once per category, not once per mention
        self._found: dict[tuple[str, str], list[re.Match[str]]] = {}
        for field in Lexicon.__dataclass_fields__:
            words: tuple[str, ...] = getattr(lexicon, field)
            self.patterns[field] = self._compile(words) if words else None

    def _compile(self, words: tuple[str, ...]) -> re.Pattern[str]:
        parts = []
        for word in sorted(words, key=len, reverse=True):
            whole = word.endswith("$")
            body = re.escape(fold(word.rstrip("$").lstrip("~")))
            if word.startswith("~"):  # a word ending: Turkish "-acak" (will), "-madı" (not)
                parts.append(body + r"(?!\w)")
                continue
            if self.lang in _NO_SPACES:
                parts.append(body)
                continue
            lead = r"(?<!\w)" + (r"(?:[وفبل])?" if self.lang in _ARABIC_PREFIX else "")
            parts.append(lead + body + (r"(?!\w)" if whole else ""))
        return re.compile("|".join(parts))

    def find(self, field: str, low: str) -> list[re.Match[str]]:
        """Every match of the category in the sentence (callers must not change it)."""
        key = (field, low)
        found = self._found.get(key)
        if found is None:
            pattern = self.patterns[field]
            found = list(pattern.finditer(low)) if pattern is not None else []
            if len(self._found) >= 256:  # the sentences of one entry, about
                self._found.clear()
            self._found[key] = found
        return found


_COMPILED = {lang: _Compiled(lang, lexicon) for lang, lexicon in LEXICONS.items()}


@dataclass(frozen=True)
class ForeignCue:
    """What the cue words say about one official in one sentence, and where."""

    kind: str  # "appearance", "absence" or "mention"
    word: str
    position: int  # where the deciding word starts (to date it)
    framing: bool = False  # "last appearance": the date given is the framing day
    new: bool = False  # "first appearance since": dates after "since" are not its day


_NEAR_BEFORE = 150  # characters before the name that an act word may stand at (titles
# of the one received are long: "ha ricevuto ... il Ministro degli Esteri ..., Wang Yi")
_NEAR_AFTER = 140  # ... and after it
_SPEAKER_GAP = 40  # a reporting verb this close to the name has the official as speaker
_CLAUSE_BREAK = re.compile(r"[;:\"「」『』“”]|\s[-–—]\s")
# "заявил о смерти Бердымухамедова": a name after a preposition is what was spoken of
_OF = re.compile(
    r"\s(?:о|об|про|на|в|с|de|du|des|del|sobre|di|da|of|about|uber|o|za|dari|tentang)\s"
)
_INVERTED = re.compile(r"[\"”»,:.!?]\s*(?:[-–—]\s*)?$")
# "that" of reported speech: a name after it is what was said, not who said it
_THAT = re.compile(
    r"[\s,](?:что|чтобы|що|que|qu'|dass|ob|che|ca|że|da|kako|ότι|πως|كه|أن|ان|dat|hogy|jog|kad)\s"
)


def _near(m: re.Match[str], start: int, end: int) -> bool:
    return start - _NEAR_BEFORE <= m.start() <= end + _NEAR_AFTER


def _distance(m: re.Match[str], start: int, end: int) -> int:
    """How far a cue word stands from the name at low[start:end]."""
    return abs(m.start() - start) if m.start() < start else m.start() - end


def _closest(found: list[re.Match[str]], start: int, end: int) -> re.Match[str] | None:
    near = [m for m in found if _near(m, start, end)]
    if not near:
        return None
    return min(near, key=lambda m: _distance(m, start, end))


def _between(low: str, a: int, b: int) -> str:
    return low[min(a, b) : max(a, b)]


def foreign_cue(
    low: str, lang: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()
) -> ForeignCue | None:
    """The decision the cue words allow for the official named at low[start:end], or None.

    `others` are where other watched officials are named: a reporting verb beside one of
    them is theirs."""
    compiled = _COMPILED.get(lang)
    if compiled is None:
        return None
    new = _closest(compiled.find("new", low), start - _NEAR_AFTER, end + _NEAR_AFTER)
    proxy = _closest(compiled.find("proxy", low), start, end)
    if proxy is not None:  # "in zijn plaats woonde ... bij": someone else went instead
        return ForeignCue("absence", proxy.group(0), proxy.start())
    undone = (
        [m for m in compiled.find("absence", low) if 0 <= m.start() - new.end() <= 40]
        if new is not None
        else []
    )
    if (
        new is not None
        and not undone  # "po raz pierwszy od 11 lat zrezygnował z": first time, but absent
        and not _blocked(compiled, low, new, start)
        and not compiled.find("written", low)
    ):
        return ForeignCue("appearance", new.group(0), new.start(), new=True)
    absence = _closest(compiled.find("absence", low), start, end)
    apart = _ABSENCE_APART.get(lang)
    if absence is None and apart is not None:
        absence = apart.search(low)
    act = _act(compiled, low, start, end, others)
    if absence is not None and (act is None or not _nearer(act, absence, start, end)):
        return ForeignCue("absence", absence.group(0), absence.start())
    if act is not None:
        block = _blocked(compiled, low, act, start, end)
        if block is not None:
            return ForeignCue("mention", f"{block}: {act.group(0).strip()}", act.start())
        return ForeignCue("appearance", act.group(0).strip(), act.start())
    last = _closest(compiled.find("last", low), start, end)
    if last is not None:
        return ForeignCue("mention", last.group(0), last.start(), framing=True)
    unwell = _closest(compiled.find("unwell", low), start, end)
    if unwell is not None:
        return ForeignCue("absence", unwell.group(0), unwell.start())
    return None


def _nearer(a: re.Match[str], b: re.Match[str], start: int, end: int) -> bool:
    def distance(m: re.Match[str]) -> int:
        return start - m.end() if m.start() < start else m.start() - end

    return distance(a) < distance(b)


def _act(
    compiled: _Compiled,
    low: str,
    start: int,
    end: int,
    others: tuple[tuple[int, int], ...],
) -> re.Match[str] | None:
    """The act word nearest the name; a reporting verb only when the name is its speaker."""
    acts = [m for m in compiled.find("act", low) if _near(m, start, end)]
    acts = [
        m
        for m in acts
        if not _CLAUSE_BREAK.search(_between(low, m.start(), start))
        and not (m.start() < start and _THAT.search(low[m.end() : start + 1]))
    ]
    says = []
    if not compiled.find("written", low):
        for m in compiled.find("say", low):
            before = m.start() < start
            gap = _between(low, m.end() if before else end, start if before else m.start())
            if len(gap) > _SPEAKER_GAP or _CLAUSE_BREAK.search(gap):
                continue
            if "," in gap or _THAT.search(f" {gap} ") or (before and _OF.search(f" {gap} ")):
                continue
            if (
                before
                and compiled.lang not in _NO_SPACES
                and not _INVERTED.search(low[: m.start()])
            ):
                # a reporting verb before the name is the speaker's only in an inverted
                # reporting clause ("«...», — заявил Песков", "..., a spus Erdogan");
                # elsewhere the name is its object ("menyebut Vladimir Putin")
                continue  # "Захарова заявила, что Лавров ...": the name is in what was said
            if any(min(m.start(), start) < o < max(m.start(), end) for o, _e in others):
                continue  # someone else named in between is the speaker
            says.append(m)
    found = acts + says
    if not found:
        return None
    return min(found, key=lambda m: _distance(m, start, end))


def _blocked(
    compiled: _Compiled, low: str, act: re.Match[str], start: int = -1, end: int = -1
) -> str | None:
    """Why an act word does not report a done act: a plan, a negation or a habit next to it."""
    lo, hi = act.start(), act.end()
    tight = compiled.lang in _NO_SPACES
    future = compiled.patterns["future"]
    if end > lo and future is not None and future.search(low, end, end + 25):
        # "بزيارة ... محمد بن سلمان المقررة اليوم": a plan word right after the name
        # whose visit it is
        return "plan"
    window = low[max(0, lo - (12 if tight else 30)) : hi + (6 if tight else 12)]
    for field, why in (("future", "plan"), ("negation", "negated"), ("habit", "habit")):
        pattern = compiled.patterns[field]
        if pattern is not None and pattern.search(window):
            return why
    if compiled.lang in _VERB_LAST:
        # the verb that ends the clause carries the tense: "... ilk kez ... ağırlayacak"
        tail = re.split(r"[.;!?]", low[hi:], maxsplit=1)[0][-30:]
        future = compiled.patterns["future"]
        if future is not None and future.search(tail):
            return "plan"
    if start >= 0 and not tight:
        # a plan said between the name and its act: "Путин ... может провести встречу"
        span = low[min(start, lo) : max(start, lo)]
        future = compiled.patterns["future"]
        if future is not None and len(span) < 140 and future.search(span):
            return "plan"
    return None
