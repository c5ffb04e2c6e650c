"""Strategy: what a body asks another to do, in running text.

"Stortinget ber regjeringen avvikle forsøksordningen med ..." and "Forslag 2: Stortinget ber regjeringa
vurdere å auke utdanningskapasiteten for jordmødre ..." request a measure: the phrase after the addressee,
without adverbs and a verb that only sets it going ("snarest mulig iverksette en gjennomgang av ..." gives
"en gjennomgang av ..."). The sentence must open with the requesting body (after a proposal number or a
quotation mark), the verb be one of ``request_verbs`` and the addressee a body the text names. A list
item's request is read with its list (:func:`helsekg.extract.measures.bullets.strip_subject` does the same
there). A numbered proposal of a text that names a representative proposal with its authors is proposed by
its first author, not by the body whose words it drafts; a numbered or quoted proposal of minutes that say on whose
behalf the proposals were moved ("... forslag, fra Kari Holm på vegne av Senterpartiet") by that party.

>>> from helsekg.extract.records import Actor
>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Forslag 1: Stortinget ber regjeringen avvikle forsøksordningen med statlig finansiering."
>>> actors = [Actor("d", 11, 21, "Stortinget", "Stortinget", "organisation", "stortinget"),
...           Actor("d", 26, 37, "regjeringen", "Regjeringen", "organisation", "regjeringen")]
>>> context = build_context(document_from_text(text, source="x.txt"), actors=actors)
>>> [text[a.candidate.start:a.candidate.end] for a in find_requests(context)]
['avvikle forsøksordningen med statlig finansiering']
"""

from __future__ import annotations

import re
from functools import lru_cache

from helsekg.extract.measures.bullets import strip_subject
from helsekg.extract.measures.candidates import ActionCandidate, Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import MeasureCues, alternation
from helsekg.extract.measures.phrases import phrase_after, tokens
from helsekg.extract.measures.proposals import first_author
from helsekg.extract.records import Actor

__all__ = ["find_requests", "requester"]

#: A proposal's number ("Forslag 2:", "Framlegg nr. 3:").
_NUMBERED = r"(?:Forslag|Framlegg)(?:\s+nr\.?)?\s+\d+\s*:\s*"
#: What may stand before the requesting body: a proposal's number, a roman numeral, a quotation mark.
_LEAD = re.compile(rf"[\s«»\"“”'-]*(?:{_NUMBERED}|[IVX]{{1,4}}\s+|\d{{1,2}}\.\s+)?[«»\"“”']?")
#: A sentence that opens with a proposal's number ("Forslag 2:", "«1." in a representative proposal's list).
_NUMBERED_LEAD = re.compile(rf"[\s«»\"“”'-]*(?:{_NUMBERED}|\d{{1,2}}\.\s+)")


@lru_cache(maxsize=4)
def _adverbs(cues: MeasureCues) -> re.Pattern[str]:
    """A request's adverbs alone ("raskest mulig")."""
    return re.compile(rf"(?:{alternation(cues.request_adverbs)})" if cues.request_adverbs else "(?!)", re.IGNORECASE)


def _request(context: MeasureContext, index: int) -> tuple[Actor, tuple[int, int]] | None:
    """The requesting body and the requested phrase of sentence ``index``, if it opens with a request."""
    requests = context.once("requests", lambda: {})
    if index not in requests:
        requests[index] = _read(context, index)
    return requests[index]


def _read(context: MeasureContext, index: int) -> tuple[Actor, tuple[int, int]] | None:
    text = context.text
    s = context.sentences[index]
    verbs = context.cues.request_verbs
    if not verbs:
        return None
    begin = _LEAD.match(text, s.start, s.end).end()
    requester = next((a for a in context.actors_in(begin, begin + 1) if a.start == begin), None)
    if requester is None:
        return None
    words = tokens(text, requester.end, s.end)
    if len(words) < 3 or text[words[0][0]:words[0][1]].lower() not in verbs:
        return None
    if not any(a.start == words[1][0] for a in context.actors_in(words[1][0], words[1][1])):
        return None  # "Vi ber om at ...", "ber alle kommunar ...": no named addressee
    phrase = phrase_after(text, begin, s.end, context.rx)
    requested = strip_subject(context, phrase) if phrase is not None else None
    if requested is not None and context.starts_actor(requested[0]):
        # the phrase broke off at the requested verb's particle ("ber regjeringen gå gjennom ..."): read to the
        # sentence's end
        requested = strip_subject(context, (phrase[0], s.end))
    if requested is not None:  # the phrase again from the requested verb: the request's own words made it longer
        requested = phrase_after(text, requested[0], s.end, context.rx)
    if requested is None or requested[0] <= requester.end or _adverbs(context.cues).fullmatch(text, *requested):
        return None  # "ber regjeringen raskest mulig, og senest i ..., legge fram ...": the phrase broke off
    return requester, requested


def find_requests(context: MeasureContext) -> tuple[ActionCandidate, ...]:
    """The requested measure of every sentence outside a list that opens with a request to a named body."""
    found = []
    for index in range(len(context.sentences)):
        request = _request(context, index)
        if request is not None:
            found.append(ActionCandidate(request[1], Candidate(*request[1], index, "request")))
    return tuple(found)


def requester(context: MeasureContext, start: int, sentence: int) -> Actor | None:
    """The body that requests the measure starting at ``start`` in sentence ``sentence``, if it is requested (the
    requested phrase holds it)."""
    request = _request(context, sentence)
    if request is None or not request[1][0] <= start < request[1][1]:
        return None  # a measure inside the requested phrase ("ber regjeringen utarbeide en strategi ...") is requested
    s = context.sentences[sentence]
    # a numbered list item's number stands before its sentence, on its line ("«2. Stortinget ber regjeringen ...")
    lead = context.text.rfind("\n", 0, s.start) + 1 if s.list_id is not None else s.start
    if _NUMBERED_LEAD.match(context.text, lead, start):
        # "Forslag 3: Stortinget ber regjeringen ..." in a text on "Representantforslag fra stortingsrepresentantene
        # A og B ...": A proposes it
        return mover(context) or first_author(context) or request[0]
    if _QUOTED_LEAD.match(context.text, context.sentences[sentence].start, start):
        # "Forslag nr. 1 lyder: «Stortinget ber regjeringen ...»" after "... forslag, fra X på vegne av Partiet": the
        # party moved it
        return mover(context) or request[0]
    return request[0]


#: A sentence that opens with a quotation mark: a proposal's wording quoted in the minutes.
_QUOTED_LEAD = re.compile(r"[\s-]*[«\"“]")
#: "forslag ... fra Kari Nordmann på vegne av Partiet": the party that moves the proposals of a debate.
_ON_BEHALF = re.compile(r"(?i)(?<![\w-])(?:forslag|framlegg)\w*\b(?:[^.\n]|\.(?!\s+[A-ZÆØÅ])){0,200}?"
                        r"\bpå\s+vegne\s+av\s+")


def mover(context: MeasureContext) -> Actor | None:
    """The organisation on whose behalf the text's proposals are moved ("Under debatten er det satt fram tre forslag,
    forslagene nr. 1–3, fra Åse Nordmann på vegne av Partiet."), the first the text names; None when it names none."""
    def read() -> Actor | None:
        for m in _ON_BEHALF.finditer(context.text):
            actor = next((a for a in context.actors if a.start == m.end()), None)
            if actor is not None and actor.kind == "organisation":
                return actor
        return None

    return context.once("proposal_mover", read)
