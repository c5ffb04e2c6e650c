"""Strategy: what a consultation response (høringssvar) is about.

A hearing response names the proposal it answers, in a line over its body ("Høring - rett til opphald i sjukeheim
...", "Svar på høring om forslag til endring i forskrift om kommunal betaling for utskrivningsklare pasienter",
"Bø Eldreråd sitt høyringssvar vedk. etablering av nasjonalt eldre-, pasient- og brukarombod") or in its first
sentences ("Gjesdal kommune er positive til forslaget om lovfestet rett til langtidsopphold i sykehjem ...",
"... viser til forslag til endringer i pasientjournalloven og IKT-standardforskriften, publisert ..."). The real
texts' annotators count that proposal as the measure of the page (issue 13, thirty-ninth session). The lead line
counts when a hearing word ("høring", "høyringssvar", "høringsuttalelse") introduces it; the body's first
"forslag(et) om/til X" counts only on a page whose first lines name a hearing. Who answers ("Høringssvar fra Gjesdal
kommune", "Høringssvar - Sauherad kommune") and when ("Høringsfrist: ...") name no proposal.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = ("Høringssvar fra Gjesdal kommune\\n\\nDato: 23.11.2015\\n\\nGjesdal kommune er positive til forslaget om "
...         "lovfestet rett til langtidsopphold i sykehjem når de medisinske behovene tilsier det.\\n")
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [text[c.start:c.end] for c in find_hearing_topics(context)]
['lovfestet rett til langtidsopphold i sykehjem']
"""

from __future__ import annotations

import re

from helsekg.extract.measures.candidates import Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.phrases import is_document, phrase_after
from helsekg.extract.measures.titles import before_finite_verb
from helsekg.extract.records import Actor

__all__ = ["find_hearing_topics", "proposal_author"]

#: how far into the text the hearing must be named, in characters
LEAD_CHARS = 400
#: how many sentences of the body may hold the proposal
BODY_SENTENCES = 8
#: a hearing word anywhere in the page's first lines
_HEARING = re.compile(r"(?i)(?<![\w-])h[øo]y?ring(?:ssvar|suttalelse|suttale|snotat)?(?![\w-])")
#: a hearing word and what introduces the proposal after it: a dash or colon, a preposition, or (at a line's start) the
#: proposal's capitalised first word ("Høring Overføring av ansvaret for tannhelsetjenester ...")
_LEAD_TOPIC = re.compile(
    r"(?i)(?<![\w-])h[øo]y?ring(?:ssvar|suttalelse|suttale)?"
    r"(?:[^\S\n]+[-–—:][^\S\n]*|:[^\S\n]*"
    r"|[^\S\n]+(?:om|til|på|vedrørende|vedr\.|vedk\.|ang\.|angåande|angående)[^\S\n]+"
    r"|[^\S\n]+(?=(?-i:[A-ZÆØÅ]))|[^\S\n]+(?=(?:lov)?forslag))"
    r"(?:(?:(?:lov)?forslag(?:et)?|høyringsnotat|høringsnotat)[^\S\n]+(?:til|om|med)[^\S\n]+(?:å[^\S\n]+)?)?")
#: a proposal noun and the preposition that opens what it proposes: "forslaget om", "forslag til", "lovforslag om å"
_PROPOSAL_OPENING = r"(?:lov)?forslag(?:et|ene)?[^\S\n]+(?:om|til)[^\S\n]+(?:å[^\S\n]+)?"
#: a proposal in the body: "forslaget om X", "forslag til X", "lovforslag om å X"
_PROPOSAL = re.compile(rf"(?i)(?<![\w-]){_PROPOSAL_OPENING}(?=\w)")
#: a subordinate clause that ends the proposal's phrase ("... i sykehjem når de medisinske behovene tilsier det")
_CLAUSE = re.compile(r"(?i)[^\S\n]+(?:når|fordi|dersom|viss|hvis|som|slik[^\S\n]+at|så[^\S\n]+lenge)(?![\w-])")
#: the author's genitive right before the proposal noun: "regjeringens forslag om", "departementets forslag til å"
_AUTHOR = re.compile(rf"(?i)([\w-]+s)[^\S\n]+{_PROPOSAL_OPENING}$")
#: a statute section's number and paragraph after "§"
_SECTION = re.compile(r"[^\S\n]*\d+(?:-\d+)?[a-z]?(?:[^\S\n]+(?:første|andre|annet|tredje|fjerde|femte)[^\S\n]+ledd)?")
#: a report or white paper the hearing is on ("Høringssvar - Kvinnehelseutvalgets NOU 2023:5"): a document
_REPORT = re.compile(r"(?i)(?<![\w-])(?:nou|meld\.|st\.meld|stortingsmelding|rapport(?:en)?|utredning(?:en)?)(?![\w-])")
#: words that open who answers or when, not a proposal
_NOT_TOPIC = re.compile(r"(?i)(?:fra|frå|dato|frist|status|svartype)\b")


def find_hearing_topics(context: MeasureContext) -> tuple[Candidate, ...]:
    """The proposal a hearing response answers (see the module docstring)."""
    text = context.text
    if _HEARING.search(text, 0, min(len(text), LEAD_CHARS)) is None:
        return ()
    found: list[Candidate] = []
    for i, s in enumerate(context.sentences):
        if s.start >= LEAD_CHARS:
            break
        m = _LEAD_TOPIC.search(text, s.start, s.end)
        if m is not None and (m.start() == s.start or not m.group().rstrip().endswith(tuple("-–—:"))):
            topic = _topic(context, m.end(), s.end)
            if topic is not None:
                found.append(Candidate(*topic, i, "hearing"))
                break
    for i, s in enumerate(context.sentences[:BODY_SENTENCES]):
        m = _PROPOSAL.search(text, s.start, s.end)
        if m is not None:
            topic = _topic(context, m.end(), s.end)
            if topic is not None:
                found.append(Candidate(*topic, i, "hearing"))
                break
    return tuple(found)


def _topic(context: MeasureContext, start: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase at ``start`` that names a proposal, or None (an actor, a date, who answers)."""
    text = context.text
    if _NOT_TOPIC.match(text, start, limit):
        return None
    phrase = phrase_after(text, start, limit, context.rx)
    if phrase is None:
        return None
    end = before_finite_verb(context, *phrase)
    sign = text.find("§", phrase[0], end)
    if sign >= 0 and (section := _SECTION.match(text, sign + 1, limit)) is not None:
        end = max(end, section.end())  # "helse- og omsorgstjenesteloven § 6-2 første ledd": the section is named
    clause = _CLAUSE.search(text, phrase[0], end)
    end = len(text[:clause.start() if clause else end].rstrip(" ,"))
    if any(a.start <= phrase[0] and a.end >= end for a in context.actors):
        return None  # "Høringssvar - Sauherad kommune": who answers
    words = text[phrase[0]:end].split()
    if _REPORT.search(text, phrase[0], end) or is_document(words[-1], context.cues.document_heads):
        return None  # "Kvinnehelseutvalgets NOU 2023:5", "helsepersonellkommisjonens rapport": a document
    if len(words) < 2:
        return None  # "forslag til endringer": a generic word alone names none
    return phrase[0], end


def proposal_author(context: MeasureContext, start: int, sentence_start: int) -> Actor | None:
    """Who makes the proposal that starts at ``start``: the actor whose genitive stands before the proposal noun
    ("Helse- og omsorgsdepartementets forslag om å ...", "regjeringens forslag om ..."), else None. Who answers the
    hearing does not propose what it answers."""
    m = _AUTHOR.search(context.text, sentence_start, start)
    if m is None:
        return None
    return next((a for a in context.actors if a.start < m.end(1) and a.end >= m.end(1) - 1), None)
