"""Appearance, absence or mention: one decision per sentence and official, with its cue.

Rules, tried in this order for each sentence that refers to the official:
1. A question is talk, not a report: mention.
2. "last public appearance was on October 28" / "was last seen on ...": an appearance
   dated by that date (no date: an absence report when it says "since", else mention).
3. The official is the subject of a public-act verb ("Lavrov met", "Lavrov, who ..., told
   reporters", "said Lavrov"), or the other party of a meeting or call ("talks with
   Lavrov", "Kerry and Lavrov spoke"), or owns a past event ("Lavrov's remarks in
   Minsk"): an appearance, unless something blocks it (see `_blocker`): future or modal
   verbs, negation, conditionals, plans, history, a date after publication.
4. An absence cue tied to the official ("Lavrov has not been seen since", "was missing
   from", "instead of Lavrov", "has not returned the call"): absence.
5. Anything else: mention.
The subject matters: in "Rubio said Lavrov was tired" only Rubio acted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from tracker.domain import Kind
from tracker.recognize.dates import (
    DateCue,
    date_near,
    find_dates,
    historical_year,
    report_cue,
)
from tracker.recognize.lexicon import (
    LATIN_LANGUAGES,
    RECENTLY,
    SINCE_WORD,
    foreign_cue,
    language_of,
    latin_candidates,
    likely_english,
    since_cue,
)


@dataclass(frozen=True)
class Decision:
    """What one sentence says about one official, and why."""

    kind: Kind
    cue: str
    confidence: float
    day: date
    precision: str = "day"
    dated: bool = False  # a date cue in the sentence gave the day (not the publication)
    since: date | None = None  # absences: "not seen since October 28"
    since_exact: bool = False  # the date right after "since": the day last seen
    frames: bool = False  # "his last appearance was on D": also not seen since D


# --- vocabularies -------------------------------------------------------------------

_ACT_VERBS = "|".join(
    (
        "met|meets|meet|held talks|hold talks|holds talks|held",
        "agreed|agree|agrees|discussed|discusses|discuss|displayed|performed",
        "guided|personally guided|personally oversaw|led a|presented",
        "had (?:lunch|dinner|breakfast|talks|a meeting|a call|a phone call|a conversation"
        "|a video call|a telephone conversation)",
        "made (?:a |an |his |her )(?:\\w+ ){0,2}(?:trip|visit|speech|statement|appearance|tour"
        "|address|stop)",
        "paid (?:\\w+ ){0,2}(?:tribute|tributes|respects|visit|homage)",
        "took (?:[\\w']+ ){0,2}seat",
        "used (?:his|her) (?:\\w+ ){0,2}(?:news conference|press conference|speech|address"
        "|interview|visit|appearance|remarks)",
        "was among (?:the )?(?:\\w+ ){0,2}(?:mourners|guests|attendees|participants|officials"
        "|delegates|leaders|dignitaries|speakers)",
        "held a (?:phone |telephone )?(?:call|conversation|meeting|news conference"
        "|press conference|briefing)",
        "holds a (?:phone )?(?:call|news conference|press conference|meeting)",
        "hosted|hosts|received|receives|greeted|greets|welcomed|welcomes",
        "visited|visits|arrived|arrives|landed|lands|flew|travell?ed|toured|tours|inspected",
        "attended|attends|chaired|chairs|presided|presides|convened|signed|signs|laid|lays",
        "opened|opens|inaugurated|unveiled|launched|took part|takes part|participated",
        "participates|joined|joins|led|leads|headed|heads|addressed|addresses|delivered",
        "delivers|gave|gives|appeared|appears|shook hands|sat down|dined|negotiated|awarded",
        "presented|spoke|speaks|speak|talked|talk|phoned|posed|waved|honou?red",
        "paid (?:a |an )?(?:visit|tribute|respects)",
        "made (?:a |his |her )?(?:speech|statement|visit)",
        "was shown|was seen|was pictured|was filmed|was photographed|was greeted",
        "was received|was welcomed|was spotted|was met|was interviewed|was presented with",
        "was decorated|was sworn in|took the oath|was on hand|were on hand",
        # "fielded questions", "took the podium", "cut the ribbon", "hugged", "rang"
        "fielded|fields|took questions|takes questions|rang|rings|hugged|embraced",
        "took (?:the|to the) (?:stage|podium|rostrum|floor|microphone)",
        "cut (?:the|a) (?:\\w+ )?ribbon",
        "exchanged (?:\\w+ ){0,2}(?:greetings|pleasantries|handshakes)",
        "bade (?:\\w+ ){0,2}farewell|bid (?:\\w+ ){0,2}farewell",
        "was (?:also )?(?:seen|shown|pictured|spotted|filmed|photographed|present) at",
        "was (?:also )?part of (?:the|his|her) (?:\\w+ ){0,2}(?:delegation|entourage|party)",
        "stood (?:\\w+ ){0,3}(?:beside|next to|alongside|behind|to (?:his|her|the) (?:left|right))",
        "accompanied|accompanies|oversaw|oversees|observed|watched|reviewed|supervised",
        "passed|handed|hands|briefed|briefs|chatted|walked|marched|rode|sat",
        "saw off|sees off|concluded|concludes|closed|represented|drove|drives|boarded",
        # captions and live reports say it in the present: "X and Y attend the forum",
        # "X exits the White House", "Putin is addressing the troops"
        "attend|visit|arrive|walk|wave|pose|poses|posed|exit|exits|exited|load|loads|loaded",
        "board|boards|depart|departs|departed|inaugurates|inaugurate|unveils|gestures",
        "gestured|smiles|smiled|listens|listened|looks on|looked on|shake hands|shakes hands",
        "re ?emerged|resurfaced|reappeared|reappears|returned to|returns to|came back to",
        "took to the \\w+|made (?:the )?remarks|is on (?:a|an|his|her) (?:\\w+ ){0,2}visit",
        "(?:is|are) (?:addressing|meeting|visiting|speaking|holding|hosting|attending|touring"
        "|chairing|receiving|inspecting|presiding|greeting|welcoming)",
        "was joined by|were joined by|was accompanied by|was flanked by|called on",
        "head to|heads to|headed to|headed for|leaves for|left for|hold talks|give|returned home",
        "returned from|leaves the|left the|answered (?:\\w+ ){0,2}questions",
        "took (?:\\w+ ){0,2}questions",
        "made (?:\\w+ )?(?:press )?statements to|spoke to reporters",
        "were among (?:the )?(?:\\w+ ){0,2}(?:mourners|guests|attendees|participants|officials"
        "|delegates|leaders|dignitaries|speakers)",
    )
)
_SAY_VERBS = (
    "said|says|told|tells|stated|states|declared|declares|announced|announces|warned|warns"
    "|stressed|stresses|emphasi[sz]ed|insisted|insists|argued|argues|noted|notes|accused"
    "|accuses|dismissed|dismisses|denied|denies|rejected|rejects|called for|calls for"
    "|urged|urges|praised|praises|thanked|thanks|congratulated|briefed|condemned|condemns"
    "|critici[sz]ed|reiterated|reiterates|hailed|hails|vowed|vows|pledged|pledges"
    "|commented|responded|replied|answered|added|adds|explained|explains|reaffirmed"
    "|assured|acknowledged|confirmed|expressed|outlined|called|calls|described|suggested"
    "|proposed|asked|questioned|lashed out|hit back|blamed|claimed|predicted|promised"
)
_STRONG = re.compile(_ACT_VERBS)

_GAP_WORDS = (
    r"(?:has|have|also|again|then|later|earlier|since|briefly|personally|publicly|himself|herself"
    r"|today|yesterday|separately|jointly|first|once again|on \w+|this \w+|last \w+"
    r"|finally|eventually|quietly|formally|officially|reportedly|duly|swiftly|warmly"
    r"|in \w+|at \w+|for his part|for her part|in turn|on the sidelines|\w+ly)"
)
_AGENT = re.compile(
    r"^(?:,(?=\s))?(?P<gap>(?:\s*,(?:[^,;:\"]{1,140},){1,3}|\s+\([^()]{0,100}\)|\s+[-–—][^-–—]{1,100}[-–—])?"
    r"(?:(?:,\s+(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+)*,?\s+and\s+(?:[\w.'’]+\s+){0,6}?[\w.'’]+)?"
    r"(?:\s+was\s+among\s+[^,.;]{0,60}?\s+(?:who|that))?"
    r"(?:,?\s+" + _GAP_WORDS + r")*?"
    r"(?P<aux>\s+(?:had|has|have))?)"
    r"\s+(?P<verb>" + _ACT_VERBS + "|" + _SAY_VERBS + r")\b"
)
# "X <did something>, and spoke at ...": a second predicate of the same subject
_SECOND_PREDICATE = re.compile(
    r"^\s+[a-z][^.;:!?\"]{0,100}?,?\s+and\s+(?:then\s+|also\s+|later\s+)?(?P<verb>"
    + _ACT_VERBS
    + r")\b"
)
# a verb inside a long appositive: the appositive is a clause, not a title
_GAP_VERB = re.compile(r"\b(?:" + _ACT_VERBS + "|" + _SAY_VERBS + r")\b")
_RELATIVE = re.compile(
    r"^\s*,\s*who\s+(?:also\s+|last\s+|then\s+)?(?P<aux>had\s+|has\s+)?(?P<verb>"
    + _ACT_VERBS
    + "|"
    + _SAY_VERBS
    + r")\b"
)
_GERUND = re.compile(
    r"^(?P<gap>[^.;:!?\"]{1,90}?),\s+(?P<verb>holding|meeting|speaking|visiting|chairing"
    r"|addressing|greeting|attending|telling|signing|hosting|receiving|touring|inspecting"
    r"|presiding|leading|delivering|fielding|unveiling|inaugurating|cutting (?:the|a) ribbon"
    r"|bidding (?:\w+ ){0,2}farewell)\b"
)
_HISTORY_WORDS = re.compile(
    r"\b(?:previous|past|former|(?<!day )(?<!days )earlier|once|for years|for decades"
    r"|since (?:19|20)\d\d"
    r"|in (?:19|20)\d\d)\b"
)
_INVERSION = re.compile(
    r"(?:[,\"'”:]\s*|^)(?P<verb>said|says|told|added|noted|stressed|insisted|explained|continued"
    r"|declared|replied|warned|asked|wrote)\s+(?P<titles>[^;:!?\"]{0,80}?)\s*$"
)
_PARTICIPANT = re.compile(
    r"\b(?P<verb>met|meets|meeting|met with|talks|held talks|spoke|speaks|talked|conversation"
    r"|phone call|telephone call|phone conversation|telephone conversation|call|phoned|hosted"
    r"|hosts|received|receives|welcomed|welcomes|greeted|greets|shook hands|sat down|dined"
    r"|negotiated|embraced|hugged|spoken|talked|conferred|saw off|sees off|rang|summit(?= between))"
    r"\b(?P<between>[^;:!?]{0,90}?)\s*$"
)
_PASSIVE_BY = re.compile(
    r"\b(?P<verb>signed|chaired|hosted|led|opened|attended|delivered|given|made|presided over"
    r"|received|greeted|welcomed|accompanied|headed|addressed|flanked|joined|met|interviewed"
    r"|presented|awarded|decorated|seen off|inaugurated|unveiled|launched)"
    # the agent may close a list: "was attended by Foreign Minister Choe Son Hui, Kim Yo Jong"
    r"\b[^.;:]{0,90}?\bby\s+(?P<list>(?:(?:[\w.'’-]+\s+){1,6}?[\w.'’-]+,\s+(?:and\s+)?){0,3})"
    r"(?:[\w.'’]+\s+){0,4}$"
)
# the person spoken to or visited, right after the verb: "told Indian counterpart Narendra
# Modi", "Sellal and Gaid Salah visit Algerian President Abdelaziz Bouteflika"
_TO_WHOM = re.compile(
    r"\b(?P<verb>told|tells|thanked|updated|informed|assured|called on|visit"
    r"|visits|visited)\s+(?P<titles>(?:[\w.'’-]+\s+){0,5})$"
)
# "He will have a restricted meeting with Putin": a future a few words before the noun
_LEAD_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|is to|are to|due to|set to|expected to|plans? to|going to)"
    r"\s+(?:[\w-]+\s+){0,4}$"
)
_PARTICIPANT_LINK = re.compile(r"\b(?:with|and|between|to)(?:\s+[^\s]+){0,5}\s*$|^\s*$")
_POSSESSIVE_EVENT = re.compile(
    r"^'s?\s+(?P<adj>(?:(?!absence\b|absent\b|no-show\b|at\b|from\b)[\w-]+\s+){0,6}?)"
    r"(?P<noun>talks|meeting|meetings|speech|remarks|address"
    r"|visit|trip|news conference|press conference|interview|phone call|call|conversation"
    r"|comments|arrival|appearance|appearances|handshake)\b"
)
_LAST_SEEN = re.compile(
    r"\b(?:last\s+(?:known\s+|confirmed\s+|major\s+|public\s+|official\s+|televised\s+)*"
    r"(?:appearance|sighting|outing)|(?:was|were|been)\s+last\s+(?:seen|spotted|sighted)"
    r"|last\s+(?:seen|appeared|spotted)\s+in\s+public|last\s+appeared"
    r"|most\s+recent\s+(?:public\s+|known\s+)*(?:appearance|sighting))\b"
)
_ABSENCE_AFTER = re.compile(
    r"\b(?:absent|absence|missing|disappear\w*|vanish\w*|whereabouts|no[ -]show"
    r"|(?:has|have|had|is|was)\s*(?:not|n't)\s+(?:been\s+)?(?:seen|heard|spotted|sighted"
    r"|appeared|returned|called|responded|answered|surfaced|present|in attendance|there"
    r"|among|included|invited|in public)"
    r"|(?:has|have|had)(?:n't|\s+not)\s+(?:yet\s+)?(?:returned|called|responded|answered)"
    r"|(?:not|n't|never)\s+(?:been\s+)?(?:seen|spotted|sighted|heard from)"
    r"|did\s*(?:not|n't)\s+(?:attend|appear|show|turn up|take part|participate|join"
    r"|return|respond|answer|call|come|travel|go|speak|make|visit|show up)"
    r"|(?:was|were|is|are)\s*(?:not|n't)\s+(?:present|at|among|seen|there|in attendance|in|on)"
    r"|skipped|stayed away|yet to (?:return|respond|call|appear|be seen|surface|speak)"
    r"|out of (?:public )?(?:sight|view)|failed to (?:appear|attend|show|return|respond)"
    r"|no longer (?:appears|appeared|seen)|not (?:appeared|seen) in public|kept out of sight"
    r"|no public appearances?|cancel(?:l?ed|s)?\s+(?:his|her|all|a|the|their)\b"
    r"|self[ -]isolat\w*|(?:taken|admitted|rushed) to (?:a )?hospital|hospitali[sz]ed"
    r"|in hospital|(?:on|taking|took) (?:sick |medical |annual )?leave|(?:is|was|fell) ill"
    r"|unwell|no (?:public )?(?:engagements|appearances|events)|could not be reached"
    r"|(?:did not|didn't|has not|hasn't) (?:respond|reply)|declined requests"
    r"|(?:staying|stayed|stays) away|has gone into|summer (?:break|holiday)"
    r"|on (?:holiday|vacation)|pulled out|withdrew from|sent (?:\w+ ){0,3}in (?:his|her) place"
    # someone else went: "was represented by his deputy", "sent an aide", "stayed home"
    r"|(?:was|were|is|are|will be)\s+represented\s+by|stayed (?:at )?home|missed"
    r"|sent (?:his |her |an? |the )?(?:\w+ ){0,2}(?:deputy|deputies|aide|aides|envoy|representative"
    r"|vice|minister|secretary|adviser|ambassador|official|officials|delegation)"
    r"|(?:was|were) read (?:out )?(?:on (?:his|her) behalf )?by)\b"
)
_ABSENCE_BEFORE = re.compile(
    r"\b(?:instead of|in place of|standing in for|stood in for|stands in for|replacing"
    r"|replaced(?!\s+by\b)|substituting for|without|absence of|no sign of|whereabouts of"
    r"|disappearance of|silence of|no word from|not heard (?:back )?from|unable to reach"
    r"|could not reach|couldn't reach|failed to reach|yet to hear from|heard nothing from"
    r"|waiting (?:for|on) (?:a call|a reply|word) from|call back from|other than|rather than"
    r"|no (?:return )?(?:call|word|contact|reply|response)(?: yet)? from|but not|read out"
    r"|on behalf of|delivered for|speaking for|in the absence of|minus|except)"
    r"\s+(?:[\w.'’,]+\s+){0,5}$"
)
_UNRETURNED = re.compile(
    r"without (?:a |any )?(?:return(?:ed)? )?(?:phone )?(?:call|reply|response|word)\b"
    r"[^;:!?]{0,80}\bfrom\s+(?:[\w.'’]+\s+){0,4}$"
)
_CLAUSE_STOP = re.compile(
    r"\b(?:that|who|which|whom|said|says|told|tells|but|while|although)\b|[;:\"]"
)

_PREPOSITIONS = {
    "to", "of", "about", "with", "for", "from", "by", "against", "than", "on", "at", "like",
    "toward", "towards", "into", "over", "under", "behind", "near", "including", "besides",
    "except", "between", "among", "amid", "after", "before", "whom", "on behalf",
}  # fmt: skip
_TITLE_WORDS = {
    "the", "a", "an", "foreign", "minister", "president", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "top", "diplomat", "counterpart", "his", "her", "its",
    "leader", "chief", "envoy", "state", "prime", "deputy", "mr.", "mrs.", "ms.", "dr.", "mr",
    "mrs", "ms", "dr", "veteran", "russian", "russia's", "american", "u.s.", "us", "kremlin",
    "former", "senior", "general", "defence", "defense", "vice", "first", "chairman", "head",
}  # fmt: skip
_CONDITIONAL = re.compile(
    r"\b(?:if|whether|unless|should|lest)\s+(?:[\w.'’]+\s+){0,5}$"
    r"|^\s*(?:had|were|should)\s+(?:[\w.'’]+\s+){0,5}$"  # inverted: "Had Erdogan held out"
)
_TEMPORAL_LEAD = re.compile(r"\b(?:once|until|before|when|after)\s+(?:[\w.'’]+\s+){0,3}$")
_MODAL = re.compile(
    r"\b(?:will|would|could|may|might|shall|must|should|can|'ll|going to|expected to|due to"
    r"|set to|plans? to|planned to|planning to|intends? to|hopes? to|wants? to|scheduled to"
    r"|likely to|poised to|about to|is to|are to|was to|were to|ready to|prepared to|refused to"
    r"|declined to|preparing to|eager to|seeking to|sought to|trying to|tried to)"
    r"(?:\s+(?:hold|have|make|pay|give|take|sign|attend))?\s*$"
)
_NEGATION = re.compile(
    r"\b(?:not|n't|never|no longer|neither|nor|hardly|rarely|no|without|yet to|any)\b"
)
_PLAN_WORDS = re.compile(
    r"\b(?:planned|upcoming|proposed|scheduled|expected|possible|potential|future|next"
    r"|postponed|cancell?ed|called off|scrapped|rumou?red|alleged|would-be|prospective"
    r"|mooted|hoped-for|requested|sought|invitation|invited|plans? for|proposal|proposals)\b"
)
_AFTER_BLOCK = re.compile(
    r"^(?:(?!\b(?:what|which|who|that)\b)[^.;:!?]){0,40}?"
    r"\b(?:(?:is|are|was|were|has been|had been)\s+(?:planned|expected|scheduled"
    r"|due|set|cancell?ed|called off|postponed|scrapped|unlikely|off)"
    r"|(?:scheduled|planned|set|expected|due) (?:for|to)\b"
    r"|(?:had|has|have) to be|will|would|could|might|must|should|may)\b"
)
# "a telephone call between Rubio and Lavrov scheduled for Friday"
_SCHEDULED_AFTER = re.compile(r"^[^.;:!?]{0,80}?\b(?:scheduled|planned) (?:for|to)\b")
_RUMOUR = re.compile(r"\b(?:rumou?rs?|rumou?red|allegedly|speculat\w+|unconfirmed|hoax)\b")
_GENERALITY = re.compile(
    r"\b(?:(?:\d+|two|three|four|five|six|dozens? of|many|several|more than \w+) times"
    r"|often|repeatedly|frequently|always|previously|routinely|regularly|usually"
    r"|in the past|many times|several times|several occasions|many occasions|for years"
    r"|for decades|over the years|every year|each year|regular"
    r"|(?:the )?(?:last|past) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several"
    r"|many) \w+)\b"
)
_CALL = re.compile(
    r"\b(?:phone call|telephone call|phone conversation|telephone conversation|video call"
    r"|by phone|by telephone|video link|call on|in a call)\b"
)
_CALL_PARTY = re.compile(
    r"\b(?:told|asked|assured|informed|urged|thanked|congratulated|warned|phoned|rang"
    r"|briefed|invited|reassured)\s+(?:[\w.'’-]+\s+){0,5}$"
)
_FOOTAGE = re.compile(
    r"\b(?:footage|video|images|pictures|photos|photographs|television|broadcast)\b[^.;:]{0,50}"
    r"\b(?:showed|shows|show|showing|featured|features|featuring)\s+(?:[\w.'’-]+\s+){0,5}$"
)
_FRONTED = re.compile(
    r"^\s*(?:speaking|addressing|visiting|meeting|talking|opening|chairing|attending|arriving"
    r"|touring|appearing|standing|writing in|in an interview|at a news conference"
    r"|at a press conference)\b[^;:]{0,180},\s*$"
)
# "the presence of Kim Jong Un at Wednesday's ceremony", "a visit by Lavrov to Pyongyang"
_NOMINAL_OF = re.compile(
    r"\b(?:presence|participation|attendance|arrival|visit|speech|address|remarks|appearance"
    r"|talks|trip)\s+(?:of|by)\s+(?:[\w.'’-]+\s+){0,4}$"
)
# "remarks that Blinken made at the Munich conference": an event the official made
_OBJECT_RELATIVE = re.compile(
    r"\b(?:remarks|comments|speech|address|visit|trip|call|appearance)\s+(?:that|which)\s+"
    r"(?:[\w.'’-]+\s+){0,4}$"
)
_MADE = re.compile(r"^\s+(?:made|gave|delivered|paid|had made|had given)\b")
# "took a call on Saturday from Marco Rubio"
_CALL_FROM = re.compile(
    r"\b(?:took|received|got|had|answered)\s+(?:a|an|the)\s+(?:phone\s+|telephone\s+|video\s+)?"
    r"call\b[^.;:]{0,40}\bfrom\s+(?:[\w.'’-]+\s+){0,5}$"
)
# "..., alongside Vladimir Putin": a companion of the act of the clause
_ALONGSIDE = re.compile(
    r"\b(?:alongside|together with|flanked by|accompanied by)\s+(?:[\w.'’-]+\s+){0,4}$"
)
# the act of the person is owned by a clause after the name: "on his arrival in Madrid"
_OWN_EVENT_AFTER = re.compile(r"^\s+(?:on|during)\s+(?:his|her)\s+(?:arrival|visit|trip|tour)\b")
# background the sentence itself announces
_BACKGROUND = re.compile(
    r"\b(?:at the time|as recently as|back in|years? (?:ago|earlier)|in those days"
    r"|earlier it was reported|it was reported earlier|as previously reported"
    r"|(?:during|on|in) (?:a|an|his|her) (?:previous|earlier|prior) (?:visit|trip|meeting|stay)"
    r"|previously reported)\b"
)
# "..., the schedule read": an engagement announced, not one reported
_SCHEDULE = re.compile(
    r"\b(?:schedule|itinerary|agenda)\s+(?:\w+\s+){0,2}(?:read|reads|said|says|shows|showed|lists"
    r"|listed)\b|\baccording to (?:the|his|her|an?) (?:\w+ )?(?:schedule|itinerary|agenda)\b"
)
# a reporting verb is an appearance when the sentence says where or before whom it was said
_PUBLIC_SETTING = re.compile(
    # an audience, a medium, or an event the words were said at
    r"\b(?:reporters|journalists|the press|press|news conference|briefing|interview|speech"
    r"|rally|ceremony|parliament|lawmakers|legislators|audience|crowd|podium|television|tv"
    r"|televised|broadcast|live|in person|on camera|alongside|beside|standing|sitting"
    r"|next to|delegates|students|troops|soldiers|workers|supporters|guests|visitors"
    r"|sidelines|flanked|senators|senate|committee|congress|hearing|radio|station|channel"
    r"|broadcaster|assembly|council|cabinet|conference|session|forum|gathering)\b"
    r"|\b(?:at|during|after|before|in|on|while|ahead of|following)\s+(?:the\s+|a\s+|an\s+|his\s+"
    r"|her\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:talks|meeting|summit|visit|event|trip|tour|call"
    r"|phone call|lunch|dinner|address|remarks)\b"
)
# "said (that) he would not attend": the statement is about not doing it
_SAID_NOT = re.compile(
    r"\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:he|she|they)\s+(?:would|will|could|did|does|do|was|is"
    r"|had)\s*(?:not|n't)\b"
)
# "signed a lengthy essay": writing, not a signing ceremony
_WRITTEN_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?(?:essay|article|column|letter|decree|statement"
    r"|message|op-ed|editorial|reflection|note|order|orders|law|bill)\b"
)


def _in_quote(sentence: str, position: int) -> bool:
    """Whether a position of the sentence is inside a quotation ("...", “...”)."""
    before = sentence[:position]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    return straight or curly


# "X earlier visited the United States": some time before, no day said
# (a sentence that opens "Earlier, he had met ..." goes on with the same day's story)
_EARLIER = re.compile(
    r"(?<=\w\s)earlier\b(?!\s*,)(?!\s+(?:today|tonight|this|that|on|in|the|last))"
)
# verbs of saying alone: without a setting the words may come from a written statement
_BARE_SAY = re.compile(
    r"said|says|stated|states|declared|declares|announced|announces|noted|notes|stressed"
    r"|stresses|emphasi[sz]ed|explained|explains|added|adds|insisted|insists|argued|argues"
    r"|claimed|reiterated|reiterates|asserted|maintained|told|tells"
)
# "told Putin", "thanked his French counterpart": said to someone, so they spoke
_ADDRESSEE = re.compile(r"\s+(?:[A-Z]|(?:his|her|the)\s+(?:\w+\s+){0,2}counterpart)")
_SAID_AT_PLACE = re.compile(r"\b(?:said|says|added|told \w+)\s+(?:at|in|from)\s+(?:the\s+)?[A-Z]")
# a new appearance said as news: "re-emerged", "made his first public appearance since",
# "appeared for the first time since", "returned to the public eye"
_NEW_APPEARANCE = re.compile(
    r"\b(?:(?:made|makes|making|in|marked|marking|was|his|her)\s+(?:his\s+|her\s+)?first\s+"
    r"(?:[\w-]+\s+){0,2}(?:appearance|outing)|first\s+(?:[\w-]+\s+){0,2}appearance\s+(?:since|in"
    r"|after|for)|appeared\s+(?:in\s+public\s+)?for\s+the\s+first\s+time|returned\s+to\s+"
    r"(?:the\s+)?public\s+(?:eye|view|life)|re ?emerged|resurfaced|reappeared|re ?appeared"
    r"|broke\s+(?:his|her)\s+(?:public\s+)?silence|was\s+seen\s+in\s+public)\b"
)
_OTHER_SUBJECT = re.compile(
    r"\b(?:questions|rumou?rs|speculation|concerns|reports|doubts|fears|worries|tensions"
    r"|claims|allegations|calls|issue|photo|photos|video|videos|footage)\b(?:\s+\S+){0,6}\s*$"
)
_PRESENT = re.compile(
    r"^(?:\w+s|attend|visit|meet|arrive|walk|wave|pose|speak|talk|sit|greet"
    r"|shake hands|hold talks|exit|load|board|depart|inaugurate|head to)$"
)
_CAPTION = re.compile(
    r"\bin\s+this\s+(?:(?:file|handout)\s+)?(?:photo|picture|image|handout|file)\b"
    r"|\((?:l|r|c|left|right|center|centre)\)"
)
_NOT_HAPPENED = re.compile(
    r"\b(?:(?:had|has|did)\s+not|never)\s+(?:taken|take|took)\s+place\b"
    r"|\b(?:was|were|had been)\s+(?:called off|cancell?ed|postponed|scrapped)\b"
)
_MODAL_ANY = re.compile(r"\b(?:will|would|could|may|might|shall|expected|plans?|due to|set to)\b")
_OLD = 365  # days: an explicit date older than this is history, not news
_DENIAL = re.compile(r"\b(?:deny|denies|denied|denying|dismissed reports|rejected reports)\b")


def utc_day(published: datetime) -> date:
    """The publication's date in UTC (a story of 21:30 -04:00 belongs to the next day)."""
    return published.astimezone(UTC).date() if published.tzinfo else published.date()


def seen_at(day: date, published: datetime) -> datetime:
    """Noon UTC of the day, never later than publication."""
    return min(datetime.combine(day, time(12), tzinfo=UTC), published)


# a reporting verb right after a date in verb-final languages: "19일 보도했다"
_REPORT_AFTER = re.compile(
    r"^\s*[、,]?\s*(?:보도|밝혔|전했|발표|報じ|伝え|報道|发布|報導|报道|分かった|わかった)"
)
_REPORT_BEFORE = re.compile(
    r"(?:teilte|berichtete|meldete|сообщил\w*|сообщает|сообщили|a annonce|a indique|informo"
    r"|anuncio|ha informato|reported|said|publico|publicou|ha pubblicato|a publie|difundio"
    r"|divulgou|ha diffuso|a diffuse|mostro|mostrou|released|published)"
    r"\s+(?:\w+\s+){0,3}(?:am\s+|в\s+|во\s+|le\s+|el\s+)?$"
)


_PHOTOS = re.compile(r"foto|photo|imag|immagin|снимк|照片|写真|사진")


_SINCE_ACT = re.compile(
    # his own act: a gerund ("since taping an interview"), or his event ("since his
    # meeting with"); "since the summit began" says only when the silence began
    r"\b(?:since|depuis|desde|dal|seit|после|с)\s+(?:(?:taping|meeting|attending|visiting"
    r"|speaking|appearing|addressing|chairing|hosting|receiving)\b|(?:his|her)\s+(?:[\w-]+\s+)?"
    r"(?:interview|meeting|visit|speech|appearance|talks|address|trip|call)\b)[^,;.]{0,60}$"
)


def _since_act(low: str, position: int) -> bool:
    """ "since taping an interview with state TV on June 5": since an act on that day, so
    that day he was seen."""
    return _SINCE_ACT.search(low[max(0, position - 90) : position]) is not None


def _since_scoped(low: str, position: int) -> bool:
    """A date inside a "since"/"after" phrase ("since early January", "dopo il malore di
    martedì scorso, 25 aprile"): it says when an absence began."""
    window = low[max(0, position - 60) : position]
    found = list(SINCE_WORD.finditer(window))
    if not found:
        return False
    scope = window[found[-1].end() :]
    if not re.search(r"[,;.:]", scope):
        return True
    # a date in apposition to the scope: "martedì scorso, 25 aprile", "depuis son
    # hospitalisation en France, le 27 avril"
    head, _sep, tail = scope.rpartition(",")
    return not re.search(r"[,;.:]", head) and len(tail.strip()) <= 3


def _beside(low: str, cue: DateCue, position: int, length: int) -> bool:
    """'said on Tuesday', 'on Tuesday said': the cue dates the verb itself, not a clause
    further on ("looking forward to the dialogue on Tuesday")."""
    at = low.find(cue.text)
    if at < 0:
        return False
    if at > position:  # "said the truce would take effect on Monday": the truce's day
        gap = low[position + length : at]
        return len(gap) <= 45 and not re.search(r"\b(?:would|will|could|to be|to take|due)\b", gap)
    return position - at <= 40


def _event_cue(
    low: str, cues: list[tuple[int, DateCue]], position: int, name: tuple[int, int] = (-1, -1)
) -> DateCue | None:
    """The date cue of an act word in another language: the one closest to it or to the
    name (the date stands before or after either: "lors de sa rencontre avec X, jeudi"),
    leaving out dates that say since when someone was absent and dates of the report; a
    calendar date wins a tie."""
    pool = [
        (p, c)
        for p, c in cues
        if not _since_scoped(low, p)
        and not _REPORT_BEFORE.search(low[max(0, p - 40) : p])
        and not _REPORT_AFTER.match(low[p + len(c.text) : p + len(c.text) + 8])
    ]
    if not pool:
        return None

    def distance(p: int, c: DateCue) -> int:
        near_name = min(abs(p - name[0]), abs(p - name[1])) if name[0] >= 0 else abs(p - position)
        return min(abs(p - position), near_name)

    return min(pool, key=lambda pc: (distance(*pc), not pc[1].text[:1].isdigit()))[1]


def _words_before(low: str, start: int) -> list[str]:
    return low[:start].split()


def _subject_position(original: str, low: str, start: int) -> bool:
    """True when the name at `start` can be the subject of what follows it.

    Titles in front of the name ("Russian Foreign Minister", "Mr.") are skipped;
    a preposition before that makes the name an object ("a source close to Lavrov").
    """
    words = _words_before(low, start)
    originals = original[:start].split()
    while words:
        word, orig = words[-1], originals[-1] if originals else ""
        title_of = word == "of" and len(words) >= 2 and words[-2] in _TITLE_WORDS
        if (
            word.strip(",") in _TITLE_WORDS
            or title_of
            or (orig[:1].isupper() and not orig.endswith(","))
        ):
            words.pop()
            if originals:
                originals.pop()
            continue
        break
    if not words:
        return True
    last = words[-1].strip(",")
    if last in _PREPOSITIONS:
        return False
    return not last.endswith("'s")


_INTENT = {
    "asked", "agreed", "offered", "promised", "pledged", "vowed", "proposed", "decided",
    "agree", "agrees", "sought", "tried", "refused", "declined", "wants", "hopes",
}  # fmt: skip
_SAY_RE = re.compile(_SAY_VERBS)


class _SayVerbs:
    """Membership in the reporting verbs, whose list holds patterns ("emphasi[sz]ed")."""

    def __contains__(self, verb: object) -> bool:
        return isinstance(verb, str) and _SAY_RE.fullmatch(verb) is not None


_SAY = _SayVerbs()
_WRITTEN = re.compile(
    r"\b(?:in a (?:written )?statement|statement (?:carried|published|issued|released)"
    r"|in a (?:post|letter|message|tweet|telegram|decree)|(?:wrote|posted) on|on social media"
    r"|on (?:x|telegram|twitter|facebook)\b|in an article|in a column|in an op-ed"
    r"|condolences|a message of|message to)"
)
_SEEN_TOO = re.compile(
    r"\b(?:photo|picture|image|video|footage|in person|balcony|appeared|appearance)\b"
)
# the official's own side reporting an act: state media, the press service, the presidency
_OWN_SIDE = re.compile(
    r"\b(?:state media|state-run|state run|state news agency|kcna|korean central news agency"
    r"|press service|presidency|presidential office|his office|her office)\b"
    r"[^.;]{0,60}\b(?:said|says|reported|reports|announced|stated)\b"
    r"|пресс-служб\w* [^.;]{0,40}(?:сообщ|заяв)|الرئاسة[^.;]{0,30}(?:قالت|أعلنت)"
)
# hearsay about an act: "reportedly", "allegedly" and their like in the languages read here
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|presumably|presumibilmente|sarebbe stato"
    r"|presuntamente|supuestamente|supostamente|pretendument|angeblich|mutmasslich|якобы"
    r"|предположительно|по неподтвержденным данным|iddiaya gore)\b"
)
# the official's death, funeral or grave, in the languages read here (folded)
_DEATH_BEFORE = re.compile(
    r"(?:\b(?:death|funeral|grave|tomb|burial|passing|body|coffin|mausoleum) of"
    r"|могил\w*|похорон\w*|смерт\w*|кончин\w*|\b(?:mort|obseques|tombe|deces|muerte|tumba"
    r"|fallecimiento|morte|funerali|tomba|tod|grab|beerdigung|funeral|sepelio) (?:de|di|do|da"
    r"|del|von|des)|وفاة|جنازة|قبر|ضريح)\s+(?:[\w.'’-]+\s+){0,4}$"
)
_DEATH_AFTER = re.compile(
    r"^(?:'s?\s+(?:death|funeral|grave|tomb|burial|passing|body|coffin)\b"
    r"|\s*(?:,[^,]{0,80},)?\s*(?:has\s+|had\s+)?(?:died|passed away|is dead|was buried"
    r"|was laid to rest)"
    r"|\s*(?:скончался|умер|помер|похоронен)|\s*(?:est mort|est decede)|\s*(?:murio|fallecio)"
    r"|\s*(?:morreu|faleceu)|\s*e morto|\s*(?:ist gestorben|starb)|\s*(?:oldu|vefat etti))"
)


def _dead(low: str, start: int, end: int) -> bool:
    return bool(
        _DEATH_BEFORE.search(low[max(0, start - 60) : start]) or _DEATH_AFTER.match(low[end:])
    )


# heard, not seen: a recorded voice is no sighting, in any of the languages read here
RECORDED_VOICE = re.compile(
    r"\b(?:audio|voice|recorded|sound) (?:message|recording|address)|\baudio(?:message)?\b"
    r"|messaggio audio|mensaje de audio|message audio|mensagem de audio|audiobotschaft"
    r"|аудиообращени|аудиосообщени|голосовое сообщение|رسالة صوتية|音声メッセージ|音频"
)
# "who accompanied Lavrov on most of his trips": a habit, not one act
_HABITUAL = re.compile(
    r"\b(?:most of (?:his|her|their)|many of (?:his|her|their)|usually|often|regularly"
    r"|typically|routinely|always)\b"
)
# "has told his team he will leave": said in private, not in public
_PRIVATE_AUDIENCE = re.compile(
    r"\s*(?:his|her|their)\s+(?:own\s+)?(?:team|staff|aides|associates|allies|friends|advisers"
    r"|advisors|confidants|family|colleagues|inner circle|entourage)\b"
)
_SINCE_WHEN = re.compile(
    r"\bsince\s+[^,;:]{3,30}?,?\s+when\s+(?:he|she|they|(?:[\w.'’-]+\s+){1,3}?)\s*(?:last\s+)?(?P<verb>"
    + _ACT_VERBS
    + "|"
    + _SAY_VERBS
    + r")\b"
)
_CONJUNCTION_BEFORE = re.compile(r"\b(?:after|before)\s+(?:[A-Z]?[\w.'’-]+\s+){0,4}$")
# "Kallas ... on Tuesday after her talks with the Lithuanian president ran over"
_OWN_EVENT_PRONOUN = re.compile(
    r"\b(?:after|following|during)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting"
    r"|phone call|call|speech|visit|news conference|press conference|interview)\s+(?:with|to|in"
    r"|at)\b"
)
_DIRECT = {"met", "meets", "received", "receives", "hosted", "hosts", "welcomed", "welcomes",
           "greeted", "greets", "phoned", "embraced", "hugged", "saw off", "sees off"}  # fmt: skip
# said to someone: not an act when it was written
_TOLD = {"told", "tells", "thanked", "updated", "informed", "assured", "congratulated"}


def _is_title(word: str) -> bool:
    bare = word.strip(",.'’\"")
    return bool(bare) and (
        bare[0].isupper() or bare.lower() in _TITLE_WORDS or bare.lower() in {"of", "his", "her"}
    )


def _strip_titles(original: str, low: str) -> str:
    """`low` without the title words that end it ("..., Prime Minister")."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", low)]
    while spans:
        a, b = spans[-1]
        word, orig = low[a:b], original[a:b]
        if word in _TITLE_WORDS or (orig[:1].isupper() and not orig.endswith(",")):
            spans.pop()
            continue
        break
    return low[: spans[-1][1]] + " " if spans else ""


def _blocker(
    before: str, between: str, after: str, cue: DateCue | None, *, noun: bool = False
) -> str | None:
    """Why an apparent act did not (yet) happen, or None when nothing blocks it."""
    if _MODAL.search(before) or _MODAL.search(between):
        return "modal or future: " + (
            (_MODAL.search(before) or _MODAL.search(between)).group(0).strip()  # type: ignore[union-attr]
        )
    if _NEGATION.search(between):
        return "negated"
    if _CONDITIONAL.search(before):
        return "conditional"
    if _PLAN_WORDS.search(between) or (
        noun and (_AFTER_BLOCK.search(after) or _SCHEDULED_AFTER.search(after))
    ):
        return "plan or cancelled"
    if cue is not None and cue.future:
        return f"date after publication ({cue.text})"
    return None


def _possessive_cue(low: str, cues: list[tuple[int, DateCue]], position: int) -> DateCue | None:
    """ "Tuesday's meeting between Shoigu and Larijani": the cue that owns the event noun."""
    for pos, cue in cues:
        tail = pos + len(cue.text)
        if tail <= position and re.match(r"'s?\s+(?:[\w-]+\s+){0,3}$", low[tail:position]):
            return cue
    return None


class SentenceClassifier:
    """Decides what one sentence says about one official; pure and deterministic."""

    def decide(
        self,
        sentence: str,
        low: str,
        spans: Sequence[tuple[int, int]],
        published: datetime,
        *,
        headline: bool = False,
        others: Sequence[tuple[int, int]] = (),
        anchor: date | None = None,
        cues: Sequence[tuple[int, DateCue]] | None = None,
        lang: str | None = None,
    ) -> Decision:
        """`anchor` is the day the previous sentences spoke of ("later that day"); `cues`
        and `lang`, when given, are the sentence's dates and language worked out once for
        all the officials it names."""
        pub_day = utc_day(published)
        found = list(cues) if cues is not None else find_dates(low, pub_day, anchor)
        decision = self._decide(
            sentence, low, spans, found, pub_day, headline, others, lang or language_of(low)
        )
        if decision.kind is Kind.APPEARANCE and not decision.dated and _OWN_SIDE.search(low):
            # "KCNA reported Saturday that Kim watched a football game": only his own side
            # says so, and says no day
            return Decision(
                Kind.MENTION, f"only his side's report, no day ({decision.cue})", 0.6, pub_day
            )
        if decision.kind is Kind.APPEARANCE and not decision.dated and _HEDGE.search(low):
            # "a video of Shoigu meeting commanders, purportedly filmed ...": hedged, no day
            return Decision(Kind.MENTION, f"hedged, no day stated ({decision.cue})", 0.6, pub_day)
        if decision.kind is Kind.APPEARANCE and any(_dead(low, a, e) for a, e in spans):
            # "laid roses at the grave of Islam Karimov": the dead are not seen
            return Decision(Kind.MENTION, f"death or funeral ({decision.cue})", 0.7, pub_day)
        if (
            decision.kind is Kind.APPEARANCE
            and RECORDED_VOICE.search(low)
            and not _SEEN_TOO.search(low)
        ):
            return Decision(
                Kind.MENTION, f"a recorded voice, not a sighting ({decision.cue})", 0.6, pub_day
            )
        if decision.kind is Kind.ABSENCE:
            since = [(p, c) for p, c in found if _since_scoped(low, p) and not c.future]
            if since and since[0][1].precision == "day":
                # "since October 28" says the day; "since the mutiny began on Friday" says
                # only when the silence began
                exact = since_cue(low, since[0][0]) or _since_act(low, since[0][0])
                return replace(decision, since=since[0][1].day, since_exact=exact)
        return decision

    def _decide(
        self,
        sentence: str,
        low: str,
        spans: Sequence[tuple[int, int]],
        cues: list[tuple[int, DateCue]],
        pub_day: date,
        headline: bool,
        others: Sequence[tuple[int, int]],
        lang: str,
    ) -> Decision:
        cue = cues[0][1] if cues else None
        old_year = historical_year(low, pub_day)
        fallback = Decision(Kind.MENTION, "named, no public act reported", 0.6, pub_day)

        stripped = sentence.rstrip(" \"'”’)")
        if stripped.endswith("?"):
            return Decision(Kind.MENTION, "question", 0.7, pub_day)

        if lang != "en" and spans:
            tried = [lang, *(c for c in latin_candidates(low) if c != lang)][:3]
            if lang in LATIN_LANGUAGES:
                # the common words may point at a neighbour ("a", "la", "de"): then any
                # Latin-script lexicon that reads the sentence
                tried += [c for c in LATIN_LANGUAGES if c not in tried]
            for candidate in tried:
                foreign = self._foreign(low, candidate, spans, others, cues, pub_day)
                if foreign is not None:
                    return foreign

        renewed = self._new_appearance(low, spans, cues, pub_day)
        if renewed is not None:
            return renewed

        last_seen = _LAST_SEEN.search(low)
        if last_seen:
            if cue is not None and not cue.future:
                return Decision(
                    Kind.APPEARANCE,
                    f"last appearance dated '{cue.text}'",
                    0.85,
                    cue.day,
                    cue.precision,
                    dated=True,
                    frames=True,
                )
            if re.search(r"\bsince\b", low):
                return Decision(
                    Kind.ABSENCE, f"'{last_seen.group(0)}' without a date", 0.7, pub_day
                )

        # "has not appeared in public since December 23, when he chaired a commission":
        # the act that closes the silence is the last appearance, dated by that day
        since = _SINCE_WHEN.search(low)
        if since:
            when = [c for p, c in cues if since.start() <= p < since.end() and not c.future]
            if when and when[0].precision == "day":
                return Decision(
                    Kind.APPEARANCE,
                    f"last appearance: 'since {when[0].text}, when ... {since.group('verb')}'",
                    0.8,
                    when[0].day,
                    dated=True,
                )

        absence: Decision | None = None
        blocked: str | None = None
        for start, end in spans:
            # "instead of Lavrov", "but not Kallas": said before the name, it outranks
            # any act the sentence reports (someone else's)
            early = _ABSENCE_BEFORE.search(low[max(0, start - 60) : start])
            if early:
                return Decision(Kind.ABSENCE, f"'{early.group(0).strip()}'", 0.8, pub_day)
            found = self._appearance(sentence, low, start, end, cues, old_year, pub_day)
            if isinstance(found, Decision):
                if found.cue.startswith("'who ") and not found.dated:
                    # "Lavrov, who spoke in Minsk, was not in Johannesburg": the main
                    # clause's absence outweighs the relative clause
                    main = self._absence(low, start, end, others, pub_day)
                    if main is not None:
                        return main
                return found
            if found is not None and blocked is None:
                blocked = found
            if absence is None:
                absence = self._absence(low, start, end, others, pub_day)
        if absence is not None:
            return absence
        if blocked is not None:
            return Decision(Kind.MENTION, blocked, 0.7, pub_day)
        if _RUMOUR.search(low):
            return Decision(Kind.MENTION, "rumour or speculation", 0.7, pub_day)
        if lang == "en" and spans and not likely_english(low, sentence):
            # a Latin-script sentence whose language the common words did not give away
            # ("Serghei Lavrov a participat sâmbătă ..."): any lexicon that reads it
            for candidate in LATIN_LANGUAGES:
                foreign = self._foreign(low, candidate, spans, others, cues, pub_day)
                if foreign is not None:
                    return foreign
        return fallback

    def _foreign(
        self,
        low: str,
        lang: str,
        spans: Sequence[tuple[int, int]],
        others: Sequence[tuple[int, int]],
        cues: list[tuple[int, DateCue]],
        pub_day: date,
    ) -> Decision | None:
        """A sentence in another language, read by its cue words (lexicon.py)."""
        found = None
        name = (-1, -1)
        for start, end in spans:
            found = foreign_cue(low, lang, start, end, tuple(others))
            if found is not None:
                name = (start, end)
                break
        if found is None:
            return None
        label = f"'{found.word.strip()}' ({lang})"
        # "prima apparizione ..., dopo il malore di martedì 25 aprile": a date after the
        # "since"/"after" that follows a new appearance is when the absence began
        cue = _event_cue(low, cues, found.position, name)
        if found.framing:
            if cue is not None and not cue.future and cue.precision == "day":
                return Decision(
                    Kind.APPEARANCE, f"last appearance dated '{cue.text}' ({lang})", 0.8,
                    cue.day, dated=True, frames=True,
                )  # fmt: skip
            return Decision(Kind.ABSENCE, label + " without a date", 0.65, pub_day)
        if found.kind != "appearance":
            return Decision(Kind(found.kind), label, 0.65, pub_day)
        if found.new and cue is None and _PHOTOS.search(found.word):
            # "las primeras fotos de Chávez": released now, taken on a day not stated
            return Decision(Kind.MENTION, f"{label}: photos of a day not stated", 0.6, pub_day)
        if cue is None and RECENTLY.search(low):
            return Decision(Kind.MENTION, f"{label}: 'recently', no day stated", 0.6, pub_day)
        if cue is not None and cue.future:
            return Decision(Kind.MENTION, f"date after publication ({cue.text})", 0.6, pub_day)
        day = cue.day if cue is not None else pub_day
        precision = cue.precision if cue is not None else "day"
        return Decision(
            Kind.APPEARANCE, label, 0.7 if precision == "day" else 0.55, day, precision,
            dated=cue is not None,
        )  # fmt: skip

    def _new_appearance(
        self,
        low: str,
        spans: Sequence[tuple[int, int]],
        cues: list[tuple[int, DateCue]],
        pub_day: date,
    ) -> Decision | None:
        """'Nazarbayev broke his silence Tuesday in his first appearance since early
        January': a new appearance reported as news, dated by its own day."""
        m = _NEW_APPEARANCE.search(low)
        if (
            m is None
            or _WRITTEN.search(low)
            or re.search(r"\bposts?\b", low[m.end() : m.end() + 40])
            or _OTHER_SUBJECT.search(low[max(0, m.start() - 60) : m.start()])
        ):
            return None  # "questions about Buhari's health resurfaced": not he
        if not any(0 <= m.start() - e <= 150 or 0 <= a - m.end() <= 60 for a, e in spans):
            return None
        lead = low[max(0, m.start() - 40) : m.start()]
        if _MODAL.search(lead) or re.search(r"\b(?:not|n't|never|yet to|without)\b", lead):
            return None
        pool = [(p, c) for p, c in cues if not _since_scoped(low, p) and report_cue(low, p) is None]
        cue = min(pool, key=lambda pc: abs(pc[0] - m.start()))[1] if pool else None
        if cue is not None and cue.future:
            return Decision(Kind.MENTION, f"date after publication ({cue.text})", 0.6, pub_day)
        day = cue.day if cue is not None else pub_day
        precision = cue.precision if cue is not None else "day"
        how = f"new appearance '{m.group(0)}'" + (f", dated '{cue.text}'" if cue else "")
        return Decision(Kind.APPEARANCE, how, 0.85, day, precision, dated=cue is not None)

    # -- appearance --------------------------------------------------------------

    def _appearance(
        self,
        sentence: str,
        low: str,
        start: int,
        end: int,
        cues: list[tuple[int, DateCue]],
        old_year: int | None,
        pub_day: date,
    ) -> Decision | str | None:
        """A Decision for an appearance, a reason string when one was blocked, else None."""
        before = low[:start]
        if low.startswith("'", end) and not _POSSESSIVE_EVENT.match(low[end:]):
            # "Lavrov's deputy met", "talks ..., Erdogan's communications director said":
            # the name only qualifies someone or something else
            return None
        # the patterns below look back a few dozen characters at most; searching only the
        # tail keeps long sentences cheap (offsets are shifted back with `base`)
        base = max(0, start - 160)
        near = low[base:start]
        after = low[end:]
        # (verb, words between, text after, confidence, noun-like event, verb position,
        #  where the date cue is looked for from)
        candidates: list[tuple[str, str, str, float, bool, int, int]] = []
        first = cues[0][1] if cues else None

        # "after Rubio and Lavrov spoke by phone": a conjunction, not a preposition
        subject = _subject_position(sentence, low, start) or bool(
            _CONJUNCTION_BEFORE.search(before)
        )
        if subject and not after.startswith("'"):
            m = _AGENT.match(after)
            if m:
                verb = m.group("verb")
                conf = 0.9 if _STRONG.fullmatch(verb) else 0.8
                between = m.group("gap")
                if between.count(",") > 2 and (
                    _ABSENCE_AFTER.search(between) or _GAP_VERB.search(between)
                ):
                    # "Medvedev, deputy chairman ..., missed Friday's meeting, chaired by
                    # Putin": a long appositive holds a clause of its own, not a title
                    m = None
            if m:
                pluperfect = m.group("aux") and m.group("aux").strip() == "had"
                if pluperfect and not any(pos >= start for pos, _ in cues):
                    return "past perfect without a date of its own"
                perfect = m.group("aux") and m.group("aux").strip() in {"has", "have"}
                if perfect and (
                    verb in {"said", "stated", "argued", "insisted", "warned", "called"}
                    or _GENERALITY.search(low)
                ):
                    return "present perfect: a general statement"
                if re.search(r"\b(?:to|will|would|shall)\s*$", between):
                    return "infinitive or future: not yet happened"
                rest = after[m.end() :]
                if re.match(r"\s*(?:no|none|nothing|neither)\b", rest):
                    return "negated object"
                if verb in _INTENT and re.match(r"\s*to\s+\w+", rest):
                    return f"'{verb} to': an intention, not an act"
                if verb in _SAY and _WRITTEN.search(low):
                    return "a written statement, not an appearance"
                if verb in {"told", "tells"} and _PRIVATE_AUDIENCE.match(rest):
                    return "told in private, not in public"
                pos = end + m.start("verb")
                # "Lavrov, who held talks on April 9, met ... on May 21": a clause between
                # the name and the verb has its own dates; the verb's come after it
                # ("Lavrov, speaking in Minsk on Oct. 28, said" is one act: dated from the name)
                date_from = pos if re.search(r",\s*(?:who|which)\b", between) else min(pos, start)
                candidates.append((verb, between, after[m.end() :], conf, False, pos, date_from))

        if subject and not candidates:
            # "Mugabe celebrated his 93rd birthday last week, and spoke at his party on
            # Saturday": a second predicate of the same subject
            co = _SECOND_PREDICATE.match(after)
            if co and not re.search(r"[A-Z]", sentence[end : end + co.start("verb")][1:]):
                pos = end + co.start("verb")
                candidates.append((co.group("verb"), "", after[co.end() :], 0.75, False, pos, pos))

        ger = _GERUND.match(after)
        in_clause = re.search(r"\b(?:that|said|says|told|whether|if)\b", before)
        if ger and not in_clause and _subject_position(sentence, low, start):
            pos = end + ger.start("verb")
            candidates.append(
                (
                    ger.group("verb"),
                    ger.group("gap"),
                    after[ger.end() :],
                    0.7,
                    False,
                    pos,
                    min(pos, start),
                )
            )

        rel = _RELATIVE.match(after)
        if rel and not (rel.group("aux") and not cues):
            clause = after[rel.end() :].split(",", 1)[0]
            if _HISTORY_WORDS.search(clause) or _HABITUAL.search(clause):
                return "relative clause about the past"
            if rel.group("aux") and not any(p >= start for p, _ in cues):
                return "past perfect without a date of its own"
            verb = rel.group("verb")
            if verb in _SAY and _WRITTEN.search(clause):
                return "a written statement, not an appearance"
            conf = 0.85 if _STRONG.fullmatch(verb) else 0.75
            pos = end + rel.start("verb")
            candidates.append((f"who {verb}", "", after[rel.end() :], conf, False, pos, pos))

        inv = _INVERSION.search(near)
        if inv and not re.search(r"\b(?:who|which|that|whom|whose)\b", inv.group("titles")):
            pos = base + inv.start("verb")
            candidates.append((inv.group("verb"), "", after, 0.8, False, pos, min(pos, start)))

        part = _PARTICIPANT.search(near)
        if part and _PARTICIPANT_LINK.search(part.group("between")):
            between = part.group("between")
            skip = r"\b(?:called|reached|tried|attempt\w*|request\w*|that|which|who|but|while)\b"
            if not re.search(skip, between):
                lead = near[: part.start()][-40:]
                if (
                    re.search(r"\b(?:has|have|had)\s+(?!a\b|an\b)(?:\w+\s+){0,2}$", lead)
                    and not cues
                ):
                    return "an earlier act without a date"
                if part.group("verb") == "summit" and not cues:
                    return "a summit without a date"  # "the plan for a summit between"
                if _MODAL.search(lead) or _LEAD_FUTURE.search(lead):  # "is due to hold talks"
                    return "modal or future: " + lead.strip()
                pos = base + part.start("verb")
                candidates.append(
                    (part.group("verb"), lead + between, after, 0.75, True, pos, min(pos, start))
                )

        if part and not _PARTICIPANT_LINK.search(part.group("between")):
            # a direct object with its titles: "met Chinese Foreign Minister Wang Yi"
            verb = part.group("verb")
            words = sentence[base + part.end("verb") : start].split()
            if verb in _DIRECT and 0 < len(words) <= 5 and all(_is_title(w) for w in words):
                pos = base + part.start("verb")
                lead = near[: part.start()][-25:]
                candidates.append((verb, lead, after, 0.75, True, pos, min(pos, start)))

        to_whom = _TO_WHOM.search(near)
        if to_whom and not (to_whom.group("verb") in _TOLD and _WRITTEN.search(low)):
            words = sentence[base + to_whom.start("titles") : start].split()
            if all(_is_title(w) for w in words):
                pos = base + to_whom.start("verb")
                lead = near[: to_whom.start()][-25:]
                candidates.append(
                    (to_whom.group("verb"), lead, after, 0.7, True, pos, min(pos, start))
                )

        if _CALL.search(low):
            call = _CALL_PARTY.search(near)
            if call:
                pos = base + call.start()
                candidates.append(("call with", "", after, 0.75, False, pos, min(pos, start)))
        call_from = _CALL_FROM.search(near)
        if call_from:
            pos = base + call_from.start()
            candidates.append(("call from", "", after, 0.75, True, pos, pos))

        shown = _FOOTAGE.search(near)
        if shown:
            pos = base + shown.start()
            candidates.append(("shown on video", "", after, 0.75, False, pos, min(pos, start)))

        if _FRONTED.match(_strip_titles(sentence, before)):
            candidates.append(("fronted participle", "", after, 0.75, False, 0, 0))

        if first is not None and first.precision == "day":
            nominal = _NOMINAL_OF.search(near)
            if nominal:
                pos = base + nominal.start()
                lead = near[: nominal.start()][-40:]
                candidates.append(("presence of", lead, after, 0.7, True, pos, pos))
            objrel = _OBJECT_RELATIVE.search(near)
            made = _MADE.match(after)
            if objrel and made:
                pos = end + made.start()
                lead = near[: objrel.start()][-40:]
                candidates.append(("remarks made", lead, after[made.end() :], 0.7, True, pos, pos))

        own_event = _OWN_EVENT_PRONOUN.search(after)
        if (
            own_event
            and _subject_position(sentence, low, start)
            and not _MODAL_ANY.search(low)
            and not _NEGATION.search(after[: own_event.start()])
        ):
            pos = end + own_event.start()
            candidates.append(("after his talks", "", after, 0.7, True, pos, min(pos, start)))

        if _OWN_EVENT_AFTER.match(after) and not _MODAL_ANY.search(near):
            candidates.append(("on his arrival", near[-60:], after, 0.7, True, end, end))

        along = _ALONGSIDE.search(near)
        if along:
            clause = re.split(r"[;:]|\b(?:said|says|but|while|who|which)\b", near[: along.start()])[
                -1
            ]
            acts = list(_STRONG.finditer(clause))
            if acts and not _MODAL_ANY.search(clause):
                pos = base + along.start()
                candidates.append(
                    ("alongside " + acts[-1].group(0), clause[-60:], after, 0.7, False, pos, pos)
                )

        passive = _PASSIVE_BY.search(near)
        if passive and passive.group("list"):
            # a list of names and titles: each item starts with a capital ("by Foreign
            # Minister Choe Son Hui, Kim Yo Jong"), not "by the king, officials said, though"
            items = sentence[base + passive.start("list") : base + passive.end("list")]
            if not all(i.strip()[:1].isupper() for i in items.split(",") if i.strip()):
                passive = None
        if (
            passive
            and not re.search(r"\b(?:other than|rather than|instead of|not)\b", passive.group(0))
            and not re.search(
                r"\b(?:no|not|never|without|traditionally|usually|customarily|normally)\b",
                near[max(0, passive.start() - 40) : passive.start()],
            )
        ):
            pos = base + passive.start()
            candidates.append((passive.group("verb"), "", after, 0.8, False, pos, min(pos, start)))

        poss = _POSSESSIVE_EVENT.match(after)
        if poss and first is not None and first.precision == "day":
            lead = before[-20:]
            if not re.search(
                r"\b(?:return\w*|answer\w*|miss\w*|ignor\w*|tak\w*|await\w*)\s+$", lead
            ) and not re.search(r"\b(?:will|would|could|might|may)\s+be\s+$", before[-30:]):
                noun = poss.group("noun")
                candidates.append(
                    (noun, poss.group("adj"), after[poss.end() :], 0.7, True, end, min(end, start))
                )

        reason: str | None = None
        for verb, between, rest, conf, noun, position, date_from in candidates:
            # the date of the act: from the name on when the name leads, else from the verb;
            # "KCNA said on Thursday" dates the report, not the act, unless it is the act
            own = [
                (p, c)
                for p, c in cues
                if ((r := report_cue(low, p)) is None or abs(r - position) <= 2)
                and not since_cue(low, p)
            ]
            cue = _possessive_cue(low, own, position) or date_near(own, date_from)
            if cue is not None and cue.future:
                # "met Modi on Tuesday and conveyed ... his visit scheduled from June 21":
                # a later date belongs to something else when the act has a past one
                past = [c for p, c in own if p < position and not c.future]
                cue = past[-1] if past else cue
            why = _blocker(near, between, rest, cue, noun=noun)
            if why is None and noun and _NOT_HAPPENED.search(low):
                why = "did not take place"
            if why is None and _BACKGROUND.search(low):
                why = "background"
            if why is None and cue is None and RECENTLY.search(low):
                why = "'recently': no day stated"
            caption = (
                cue is not None
                and re.search(r"(?:19|20)\d\d", cue.text)
                and (_PRESENT.match(verb) or _CAPTION.search(low))
            )
            if why is None and cue is not None and (pub_day - cue.day).days > _OLD and not caption:
                why = f"history ({cue.text})"
            if (
                why is None
                and cue is not None
                and cue.precision == "month"
                and (pub_day.year * 12 + pub_day.month) - (cue.day.year * 12 + cue.day.month) > 1
            ):
                why = f"vague and not recent ({cue.text})"
            if why is None and _SCHEDULE.search(low):
                why = "an engagement on a schedule"
            if (
                why is None
                and verb in {"appears", "appeared", "appear"}
                and re.match(r"\s+to\s+(?:have|be|suffer)\b", rest)
            ):
                why = "'appears to have': a guess at his state, not where he was"
            if why is None and verb in {"signed", "signs"} and _WRITTEN_OBJECT.match(rest):
                why = "signed a text, not at a ceremony"
            if why is None and _in_quote(sentence, start) and not _in_quote(sentence, position):
                why = "named inside a quotation, the act outside it is the speaker's"
            if why is None and cue is None and _EARLIER.search(low):
                why = "'earlier', no day stated"
            if why is None and verb in _SAY and _SAID_NOT.match(rest):
                why = "said what will not happen"
            if (
                why is None
                and _BARE_SAY.fullmatch(verb)
                and not _PUBLIC_SETTING.search(low)
                and not _SAID_AT_PLACE.search(sentence)
                and not (verb in _TOLD and _ADDRESSEE.match(sentence[position + len(verb) :]))
                and (
                    cue is None
                    or "today" in cue.text
                    or "tonight" in cue.text
                    or not _beside(low, cue, position, len(verb))
                )
            ):
                why = "a statement with no public setting"
            if why is None and _DENIAL.search(before[-80:]):
                why = "denied"
            if why is None and _TEMPORAL_LEAD.search(near) and re.search(r"s$", verb):
                why = "subordinate present tense: not yet happened"
            if why is None and old_year is not None and (cue is None or cue.precision != "day"):
                why = f"history ({old_year})"
            if why is None and verb in {"said", "says"} and _GENERALITY.search(between):
                why = "general statement"
            if why is not None:
                reason = reason or f"{verb}: {why}"
                continue
            day = cue.day if cue is not None else pub_day
            precision = cue.precision if cue is not None else "day"
            if precision != "day":
                conf -= 0.15
            how = f"'{verb}'" + (
                f", dated '{cue.text}'" if cue is not None else ", publication date"
            )
            reported = [c for p, c in cues if report_cue(low, p) is not None and not c.future]
            if cue is None and reported and reported[0].day < pub_day:
                # "KCNA reported on Saturday that Kim watched a game": no later than the report
                day = reported[0].day
                how = f"'{verb}', no later than the report of '{reported[0].text}'"
            return Decision(Kind.APPEARANCE, how, conf, day, precision, dated=cue is not None)
        return reason

    # -- absence -----------------------------------------------------------------

    def _absence(
        self,
        low: str,
        start: int,
        end: int,
        others: Sequence[tuple[int, int]],
        pub_day: date,
    ) -> Decision | None:
        window_end = min(len(low), end + 120)
        for o_start, _o_end in sorted(others):
            if end <= o_start < window_end:
                # "Blinken and Chinese Foreign Minister Wang Yi ... were represented by":
                # a coordinated subject shares the predicate
                if re.fullmatch(r"\s*,?\s*(?:and|or)\s+(?:[\w.'’-]+\s+){0,5}", low[end:o_start]):
                    continue
                window_end = o_start
        after = low[end:window_end]
        appositive = re.match(r"\s*,[^,;]{1,140},", after)
        if appositive:
            after = after[appositive.end() :]
        stop = _CLAUSE_STOP.search(after)
        if stop:
            after = after[: stop.start()]
        m = _ABSENCE_AFTER.search(after)
        if m:
            return Decision(Kind.ABSENCE, f"'{m.group(0).strip()}'", 0.85, pub_day)
        b = _ABSENCE_BEFORE.search(low[max(0, start - 60) : start])
        if b:
            return Decision(Kind.ABSENCE, f"'{b.group(0).strip()}'", 0.8, pub_day)
        u = _UNRETURNED.search(low[max(0, start - 200) : start])
        if u:
            return Decision(Kind.ABSENCE, "call not returned", 0.8, pub_day)
        return None
