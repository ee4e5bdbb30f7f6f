"""Recognition: which watched officials an entry refers to, and what it says about each.

`Recognizer.explain` gives every sentence decision (for `tracker explain`);
`Recognizer.findings` condenses them into what is stored: each dated appearance,
plus the first absence report and the first mention, each with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from tracker.domain import Entry, Finding, Kind, Official
from tracker.recognize.classify import Decision, SentenceClassifier, seen_at, utc_day
from tracker.recognize.dates import ANAPHORIC, find_dates, report_cue
from tracker.recognize.lexicon import language_of, since_cue
from tracker.recognize.names import SHORT, Hit, NameMatcher, entry_hits
from tracker.recognize.text import fold, repair_mojibake, split_sentences

__all__ = ["Recognizer", "SentenceDecision"]

_OPENING_PRONOUN = re.compile(r"(?:he|she)\b")
# absence reports that say since when nobody has seen the person (not "in hospital since")
_NOT_SEEN = re.compile(
    r"seen|appear|spotted|sighted|missing|whereabouts|surfaced|in public|vu|visto|vista|видели"
    r"|появля|показыва|gesehen|widziany|vazut|gorul|εμφαν|露面|모습|公の場|signe de vie"
    r"|senal de vida|segni di vita|sinal de vida|znaku zycia|sign of life|nebuvo"
)
_PRONOUN = re.compile(
    r"^(?:he|she)\b|\b(?:his|her)\s+(?=last\b)"
    # the same in other languages, where the word cannot be an article ("il" is French
    # "he" only before a verb, Italian "the" otherwise)
    r"|^(?:il|elle)\s+(?=a\s|est\s|s'est\s|avait\s|etait\s|sera\s|n'a\s|n'est\s|se\s|s')"
    r"|^(?:er|он|она|він|вона|ele|ela|ella|hij)\b|^sie\s+(?=(?:ist|hat|war|wird|\w+te)\b)"
)


# "..., although he took part by video link": the subject named at the start goes on
_CLAUSE_PRONOUN = re.compile(
    r"\b(?:although|though|but|while|and|after|before|as|then)\s+(?:he|she)\b"
)


def _clause_pronouns(low: str, hits: list[Hit]) -> list[Hit]:
    """A later clause's 'he'/'she' in a sentence that names one official first."""
    if not hits or hits[0].start > 60:
        return []
    first = hits[0].official
    # up to the first other person named: after that, "he" may be them
    stop = min((h.start for h in hits if h.official != first), default=len(low))
    extra = []
    for m in _CLAUSE_PRONOUN.finditer(low, hits[0].end, stop):
        a = m.end() - len(m.group(0).split()[-1])
        extra.append(Hit(hits[0].official, a, m.end(), SHORT, m.group(0).split()[-1]))
    return extra


def _anchor(folded: list[str], index: int, first_body: int, pub_day: date) -> date | None:
    """The day the nearest earlier sentence with an event date spoke of."""
    for j in range(index - 1, first_body - 1, -1):
        cues = [
            c
            for p, c in find_dates(folded[j], pub_day)
            if not c.future and c.precision == "day" and report_cue(folded[j], p) is None
        ]
        if cues:
            return cues[-1].day
    return None


# blocks that put an act at some undated time in the past
_UNDATED_PAST = re.compile(
    r"'earlier', no day|history|past perfect|'recently'|relative clause about"
)
# "During his trip, ...", "On that visit, ...", "While there, ...": the visit just told of
_SAME_TRIP = re.compile(
    r"^(?:during|on|in the course of)\s+(?:his|her|that|the)\s+(?:\w+\s+)?(?:trip|visit|stay|tour"
    r"|talks)\b|^while there\b|^there,"
)
# a sentence that dates an event or its footage, not a rumour or a report
_EVENTFUL = re.compile(
    r"meeting|talks|visit|ceremony|summit|conference|filmed|recorded|footage|video|photo"
    r"|снят|запис|ролик|кадр|встреч|переговор|визит|rencontre|reunion|entretien|visite"
    r"|reunio|encuentro|visita|incontro|treffen|gesprach|besuch|会见|會見|会谈|會談|회담|会談"
)
_STORY_DAYS = 31  # an undated act continues a story dated up to this many days back
_ENTRY_DAYS = 7  # ... or the one recent day the whole entry speaks of


def _event_days(low: str, pub_day: date) -> list[tuple[date, bool]]:
    """The past event days a sentence's cues give (not report dates, not 'since'), each
    with whether it is written as a calendar date (not "Friday", "today")."""
    return [
        (c.day, any(ch.isdigit() for ch in c.text))
        for p, c in find_dates(low, pub_day)
        if not c.future
        and c.precision == "day"
        and report_cue(low, p) is None
        and not since_cue(low, p)
    ]


class _Days:
    """Event days per sentence of one entry, worked out once."""

    def __init__(self, folded: list[str], pub_day: date) -> None:
        self.folded = folded
        self.pub_day = pub_day
        self._days: dict[int, list[tuple[date, bool]]] = {}

    def _of(self, index: int) -> list[tuple[date, bool]]:
        if index not in self._days:
            self._days[index] = _event_days(self.folded[index], self.pub_day)
        return self._days[index]

    def __getitem__(self, index: int) -> list[date]:
        return [day for day, _calendar in self._of(index)]

    def calendar(self, index: int) -> list[date]:
        return [day for day, calendar in self._of(index) if calendar]


def _earlier_day(days_of: _Days, index: int, first_body: int) -> date | None:
    """The last event day of the nearest earlier sentence that gives one: "Monday, Aug. 25:
    The president signed three orders. He also met ..." (the 'also' act is that Monday's)."""
    for j in range(index - 1, first_body - 1, -1):
        days = days_of[j]
        if days:
            return days[-1] if 0 <= (days_of.pub_day - days[-1]).days <= _STORY_DAYS else None
    return None


def _entry_day(days_of: _Days, first_body: int) -> date | None:
    """The one recent calendar date the entry gives an event or its footage, when there is
    one: an undated sentence before "the video was filmed on January 13" is about that
    day (a rumour's date is not)."""
    days = {
        d
        for j in range(first_body, len(days_of.folded))
        if _EVENTFUL.search(days_of.folded[j])
        for d in days_of.calendar(j)
        if 0 <= (days_of.pub_day - d).days <= _ENTRY_DAYS
    }
    return days.pop() if len(days) == 1 else None


def _pronoun_hits(low: str, previous: int | None) -> list[Hit]:
    """'He' opening a sentence, or 'his last appearance', refers to the last person named."""
    if previous is None:
        return []
    m = _PRONOUN.search(low)
    if not m:
        return []
    return [Hit(previous, m.start(), m.start() + len(m.group(0).strip()), SHORT, m.group(0))]


@dataclass(frozen=True)
class SentenceDecision:
    official: str
    sentence: str
    headline: bool
    decision: Decision


class Recognizer:
    """Built once per watchlist; `findings` is then a pure function of an entry."""

    def __init__(self, officials: Sequence[Official]) -> None:
        self.officials = tuple(officials)
        self.matcher = NameMatcher(self.officials)
        self.classifier = SentenceClassifier()

    def explain(self, entry: Entry) -> list[SentenceDecision]:
        # Most entries of most feeds name nobody on the watchlist: one automaton pass
        # over the whole entry settles those before any sentence work.
        if not self.matcher.any_hit(entry.title + "\n" + entry.text):
            return []
        title = repair_mojibake(entry.title.strip())
        sentences = [title] if title else []
        headline_count = len(sentences)
        sentences += split_sentences(repair_mojibake(entry.text))
        folded = [fold(s) for s in sentences]
        hits_per_sentence = entry_hits(
            self.matcher, sentences, folded, published=utc_day(entry.published)
        )
        out: list[SentenceDecision] = []
        previous: int | None = None  # the first official named in the last sentence with names
        pub_day = utc_day(entry.published)
        story_day: date | None = None  # the day of the latest dated act the entry reported
        days_of = _Days(folded, pub_day)
        undated_past: set[int] = set()  # officials whose last act was some undated time ago
        for index, (sentence, low, found) in enumerate(
            zip(sentences, folded, hits_per_sentence, strict=True)
        ):
            hits = found or _pronoun_hits(low, previous)
            if not hits:
                continue
            if found:
                opening = _OPENING_PRONOUN.match(low)
                if opening and previous is not None and found[0].start > 0:
                    # "He ... reported to Vladimir Putin": the pronoun is still the last
                    # person named, whoever else the sentence names
                    found = [Hit(previous, 0, opening.end(), SHORT, opening.group(0)), *found]
                previous = found[0].official
                hits = found + _clause_pronouns(low, found)
            anchor = None
            if ANAPHORIC.search(low):
                anchor = _anchor(folded, index, headline_count, utc_day(entry.published))
            cues = find_dates(low, pub_day, anchor)
            lang = language_of(low)
            for official in sorted({h.official for h in hits}):
                spans = [(h.start, h.end) for h in hits if h.official == official]
                others = [(h.start, h.end) for h in hits if h.official != official]
                decision = self.classifier.decide(
                    sentence,
                    low,
                    spans,
                    entry.published,
                    headline=index < headline_count,
                    others=others,
                    anchor=anchor,
                    cues=cues,
                    lang=lang,
                )
                if decision.kind is Kind.MENTION and _UNDATED_PAST.search(decision.cue):
                    undated_past.add(official)
                elif (
                    decision.kind is Kind.APPEARANCE
                    and not decision.dated
                    and official in undated_past
                    and _SAME_TRIP.match(low)
                ):
                    # "Jaishankar earlier visited the US ... During his trip, he held talks":
                    # the trip is the earlier one, and it has no day
                    decision = replace(
                        decision,
                        kind=Kind.MENTION,
                        cue=f"{decision.cue}: continues an earlier undated visit",
                    )
                elif decision.kind is Kind.APPEARANCE and decision.dated:
                    if decision.precision == "day" and 0 <= (pub_day - decision.day).days <= 31:
                        story_day = decision.day
                elif decision.kind is Kind.APPEARANCE and index >= headline_count:
                    # "Xi toured a battery maker on Wednesday. He walked along the line":
                    # an undated act continues the story the entry last dated
                    day = (
                        story_day
                        or _earlier_day(days_of, index, headline_count)
                        or _entry_day(days_of, headline_count)
                    )
                    if day is not None and day != pub_day:
                        decision = replace(
                            decision, day=day, cue=decision.cue + ", the day the story is about"
                        )
                out.append(
                    SentenceDecision(
                        self.officials[official].name, sentence, index < headline_count, decision
                    )
                )
        return out

    def findings(self, entry: Entry) -> list[Finding]:
        chosen: dict[tuple[str, Kind, object], Finding] = {}
        ranks: dict[tuple[str, Kind, object], tuple[float, bool]] = {}
        decisions = self.explain(entry)
        # News gives the date once: "Kallas meets Sandu" (headline) and "Kallas met
        # Sandu on Monday" (lede) are one event. An undated appearance of someone whose
        # dated appearance the entry also reports is taken to be that event.
        dated = {
            i.official for i in decisions if i.decision.kind is Kind.APPEARANCE and i.decision.dated
        }
        # A headline is a summary in the present tense ("Rubio meets Lavrov", "Zelensky
        # addresses parliament") written over plans, statements and other people's news
        # as often as over an act: it counts only when the body reports an act too.
        body_acts = {
            i.official for i in decisions if i.decision.kind is Kind.APPEARANCE and not i.headline
        }
        pub_day = utc_day(entry.published)
        for item in list(decisions):
            d = item.decision
            if d.kind is Kind.ABSENCE and d.since_exact and d.since and _NOT_SEEN.search(d.cue):
                # "not seen since Saturday, when he appeared in a video": the report gives
                # the day he was last seen; that day is the last sighting it knows of
                framing = Decision(
                    Kind.APPEARANCE, f"last seen on the day an absence report gives ({d.cue})",
                    0.6, d.since, dated=True,
                )  # fmt: skip
                decisions.append(replace(item, decision=framing))
            if d.kind is Kind.APPEARANCE and d.frames:
                # "his last public appearance was on October 28", published later: not
                # seen since then either, a report that can dispute a weaker sighting
                report = Decision(
                    Kind.ABSENCE, f"not seen since the last appearance it gives ({d.cue})",
                    0.9, pub_day, since=d.day, since_exact=True,
                )  # fmt: skip
                decisions.append(replace(item, decision=report))
        for item in decisions:
            d = item.decision
            if d.kind is Kind.APPEARANCE and not d.dated and item.official in dated:
                continue
            if d.kind is Kind.APPEARANCE and item.headline and item.official not in body_acts:
                d = Decision(Kind.MENTION, f"headline only ({d.cue})", 0.6, pub_day)
            if d.day > pub_day:
                continue  # never after publication
            key: tuple[str, Kind, object] = (
                item.official,
                d.kind,
                d.day if d.kind is Kind.APPEARANCE else None,
            )
            current = chosen.get(key)
            rank = (d.confidence, not item.headline)  # body sentences are better evidence
            if current is not None and ranks[key] >= rank:
                continue
            ranks[key] = rank
            chosen[key] = Finding(
                official=item.official,
                kind=d.kind,
                date=d.day,
                seen_at=seen_at(d.day, entry.published),
                sentence=item.sentence,
                cue=d.cue,
                confidence=d.confidence,
                since=d.since if d.kind is Kind.ABSENCE else None,
            )
        return list(chosen.values())
