"""Strategy: decided actions, "foreslår å <verb phrase>" and action verbs with an instrument object.

After a decision cue ("foreslår å", "vedtok å", "har fått i oppdrag å", "bedt X om å") the verb phrase is
the measure: "Regjeringen foreslår å styrke helsestasjonstenesta" gives "styrke
helsestasjonstenesta"; when the verb takes an instrument object, the object is the label ("foreslår å
etablere ordningen Pilot Helse" gives "ordningen Pilot Helse"). An action verb ("etablere",
"prøve ut", "opprette", ...) counts only with an instrument object right after it: "Kommunen opprettar
eit nytt team for rask psykisk helsehjelp". "for å etablere ..." is a purpose, not an action, and a
phrase that holds an amount is left to the funding strategy.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Regjeringen foreslår å etablere ordningen Pilot Helse for eldre."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [(text[slice(*a.check)], text[a.candidate.start:a.candidate.end]) for a in find_actions(context)]
[('etablere ordningen Pilot Helse for eldre', 'ordningen Pilot Helse for eldre'), ('ordningen Pilot Helse for eldre', 'ordningen Pilot Helse for eldre')]

The second candidate (from the action verb "etablere") overlaps the first; the resolve step keeps
the first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helsekg.extract.measures.candidates import ActionCandidate, Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import MeasureCues, alternation
from helsekg.extract.measures.goals import goal_cues
from helsekg.extract.measures.phrases import (
    VERB_PARTICLES,
    demonstrative_instrument,
    instrument_object,
    is_document,
    phrase_after,
    tokens,
    trim_phrase,
)
from helsekg.extract.measures.prose import default_prose_cues, past_rules
from helsekg.extract.measures.titles import before_finite_verb
from helsekg.nlp.lemmas import load_table

__all__ = ["coordinated", "find_actions", "manner", "object_after_verb"]


def find_actions(context: MeasureContext) -> tuple[ActionCandidate, ...]:
    """Action candidates sentence by sentence: first the decision cues, then the action verbs."""
    text, rx = context.text, context.rx
    found: list[ActionCandidate] = []
    for i, s in enumerate(context.sentences):
        for m in _INITIATIVE.finditer(text, s.start, s.end):
            # "Satsinga på heimebasert omsorg", "satsingen på aldersvennlig samfunn": an initiative named by its aim
            phrase = phrase_after(text, m.end(), s.end, rx, extra_end=rx.action_end)
            if phrase is not None:
                # "... satsingen på Utviklingssenter for sykehjem er forankret i ...": the phrase ends at the verb
                phrase = trim_phrase(text, phrase[0], before_finite_verb(context, *phrase), rx) or phrase
                # the initiative is named by what it is on ("boligtiltak for rusavhengige")
                found.append(ActionCandidate((m.start(), phrase[1]), Candidate(*phrase, i, "action")))
        for m in rx.action_any.finditer(text, s.start, s.end):
            found += _action(context, m.end(), i, any_object=True)
        for m in rx.action.finditer(text, s.start, s.end):
            if (rx.action_purpose.search(text[max(s.start, m.start() - 18):m.start()]) or manner(context, m.start())
                    or _stated_goal(context, s.start, m.start())):
                continue  # "for å etablere ...", "Formålet er å prøve ut ...": a purpose; "ved å innføre ...": a manner
            found += _action(context, m.end(), i, any_object=False)
    return tuple(found)


#: A definite initiative noun with what it is on: "satsinga på", "satsingen på" (the initiative of the text; "ei
#: satsing på" is a wish or an area, no measure of its own).
_INITIATIVE = re.compile(r"(?<![\w-])(?i:satsing(?:a|en))\s+på\s+")


def _stated_goal(context: MeasureContext, start: int, pos: int) -> bool:
    """A goal's copula or "har som mål" closes ``text[start:pos]`` ("Formålet er å prøve ut forbetringstiltak"): the
    verb at ``pos`` states what a measure is for, it decides nothing."""
    cues = goal_cues()
    before = context.text[start:pos].rstrip()
    return any(m.end() == len(before) for rx in (cues.copula, cues.have) for m in rx.finditer(before))


def manner(context: MeasureContext, pos: int) -> bool:
    """"ved å / gjennom å / utan å" ends right before ``pos``: the verb says how, it decides nothing."""
    before = context.text[max(0, pos - 16):pos].lower().split()
    return len(before) >= 2 and before[-1] == "å" and before[-2] in default_prose_cues().manner_prepositions


def _action(context: MeasureContext, begin: int, index: int, *, any_object: bool) -> list[ActionCandidate]:
    text, rx = context.text, context.rx
    s = context.sentences[index]
    if any_object:
        begin = past_rules(context, begin, s.end)
    phrase = phrase_after(text, begin, s.end, rx, extra_end=rx.action_end)
    if phrase is None:
        return []
    start, end = phrase
    if any(a.is_money and start <= a.start < end + 3 for a in context.amounts):
        return []
    if any_object:
        words = tokens(text, start, end)
        if not words:
            return []
        verb = text[words[0][0]:words[0][1]]
        if len(words) < 2 and (rx.funding_verb.match(verb) or load_table().only_as("VERB", verb, not_as="NOUN")):
            return []  # "har vedtatt å prioritere.": a decision without its object names no measure
        forms = [text[a:b] for a, b in words]
        if any(demonstrative_instrument(forms[k:k + 2], rx) for k in range(1, len(forms) - 1)):
            return []  # "vedtok å søke om å delta videre i dette programmet": what was named before, no new measure
        label = instrument_object(text, start, end, rx) or (start, end)
        return _candidates(phrase, coordinated(context, *label) + _listed_objects(context, end, s.end), index)
    # an action verb: only an instrument object right after it counts
    obj = object_after_verb(context, begin, end)
    if obj is None:
        return []
    return _candidates(phrase, coordinated(context, *obj) + _listed_objects(context, end, s.end), index)


#: a comma before an indefinite article: the next object of a listed series ("legge fram en reform for rusfeltet, en
#: ny prioriteringsmelding, en melding om ..."); "og en ..." inside an object is left to :func:`coordinated`
_LISTED_OBJECT = re.compile(r",\s+(?=(?:en|ei|et|ein|eit)\s)", re.IGNORECASE)


def _listed_objects(context: MeasureContext, end: int, limit: int) -> list[tuple[int, int]]:
    """The further objects of one verb after the phrase that ends at ``end``, when each opens with an indefinite
    article after a comma and has an instrument or document noun of its own: "Regjeringa vil etablere eit nytt
    kompetansesenter, ei ny tilskotsordning og eit program for kvalitet" names three measures."""
    text, rx = context.text, context.rx
    found: list[tuple[int, int]] = []
    while (m := _LISTED_OBJECT.match(text, end, limit)) is not None:
        phrase = phrase_after(text, m.end(), limit, rx, extra_end=rx.action_end)
        if phrase is None:
            break
        parts = [trim_phrase(text, a, before_finite_verb(context, a, b), rx) or (a, b)
                 for a, b in coordinated(context, *phrase)]
        if not all(any(rx.instrument_word.match(text[a:b]) or is_document(text[a:b], rx.cues.document_heads)
                       for a, b in tokens(text, *part)) for part in parts):
            break
        found += parts
        end = phrase[1]
    return found


def _candidates(phrase: tuple[int, int], parts: list[tuple[int, int]], index: int) -> list[ActionCandidate]:
    """One candidate per object; a second object is checked on its own span, since the first one's
    measure covers the verb phrase."""
    return [ActionCandidate(phrase if k == 0 else part, Candidate(*part, index, "action")) for k, part in enumerate(parts)]


#: "og"/"eller" before an indefinite article: the start of a second object ("en alkoholstrategi og en
#: ensomhetsstrategi"), not a coordination inside one name ("helse- og omsorgstjenester").
_NEXT_OBJECT = re.compile(r"\s+(?:og|eller|samt)\s+(?=(?:en|ei|et|ein|eit)\s)", re.IGNORECASE)


def coordinated(context: MeasureContext, start: int, end: int) -> list[tuple[int, int]]:
    """The objects of one verb: "legge fram en nasjonal alkoholstrategi og en ensomhetsstrategi" names two
    measures. The phrase is split only where each part has an instrument noun of its own."""
    text, rx = context.text, context.rx
    cuts = [m for m in _NEXT_OBJECT.finditer(text, start, end)]
    if not cuts:
        return [(start, end)]
    bounds = [start, *(x for m in cuts for x in (m.start(), m.end())), end]
    parts = [trim_phrase(text, a, b, rx) for a, b in zip(bounds[::2], bounds[1::2])]
    if any(p is None or not any(rx.instrument_word.match(text[s:e]) or is_document(text[s:e], rx.cues.document_heads)
                                for s, e in tokens(text, *p)) for p in parts):
        return [(start, end)]
    return [p for p in parts if p is not None]


#: a genitive right before a noun ("kommunens", "fylkets", "Helse Bergens"; not "gratis")
_GENITIVE = re.compile(r"[\w-]{2,}(?:ens|ets|enes|anes|ts)|[A-ZÆØÅ][\w-]+s")


@lru_cache(maxsize=4)
def _offer(heads: tuple[str, ...]) -> re.Pattern[str]:
    """An offer or measure in general, with its definite ending as a group ("helsetilbudet", ``offer_heads``)."""
    return re.compile(rf"(?i)[\w-]*(?:{alternation(heads)})(?P<definite>et|a|ene|ane|en)?" if heads else r"(?!)")


def _existing_offer(forms: list[str], cues: MeasureCues) -> bool:
    """The object ``forms[-1]`` of an action verb is an existing offer or measure in general, no new measure: definite
    ("bygge ut helsetilbudet til barn og unge", "utvikle det samlede tjenestetilbudet") or possessed ("styrke og
    utvikle kommunens tilbud"). "etablere et nytt tilbud" stays a measure; so, for want of evidence, does a bare
    object ("utvikle tiltak for ...": dropping those lost correct goals and groups on the real texts)."""
    head = _offer(cues.offer_heads).fullmatch(forms[-1])
    if head is None or len(forms) > 1 and forms[-2].lower() in cues.demonstrative_words:
        return False  # "bygger ut dette tilbudet": the measure named before, left to the reference readers
    if head.group("definite"):
        return True
    before = forms[:-1]
    return any(f.lower() in cues.possessive_words for f in before) or bool(before) and _GENITIVE.fullmatch(
        before[-1]) is not None


#: the prepositions by which money names what it is for ("midler til ...", "tilskot for ...")
_MONEY_FOR = frozenset({"til", "for"})


def object_after_verb(context: MeasureContext, begin: int, end: int) -> tuple[int, int] | None:
    """The instrument object within the first four words after an action verb."""
    text, rx = context.text, context.rx
    words = tokens(text, begin, end)
    while len(words) > 1 and text[words[0][0]:words[0][1]].lower() in VERB_PARTICLES:
        words = words[1:]  # "starte opp prosjektet": the particle belongs to the verb
    for i, (s, e) in enumerate(words[:4]):
        word = text[s:e]
        money_for = i == 1 and word.lower() in _MONEY_FOR and (
            text[words[0][0]:words[0][1]].lower() in rx.cues.money_list_nouns)
        if word.lower() in rx.verb_object_stops and not money_for:
            # (money for something: "lyser ut midler til innovasjonsprosjekter", "lyste ut tilskot til styrking av ...")
            return None
        # an instrument, or a body the verb sets up ("sett ned eit offentleg utval")
        if (rx.instrument_word.match(word) or rx.committee_word.match(word)) and not rx.budget_noun.match(word):
            before = {text[a:b].lower() for a, b in words[:i]}
            if before & set(rx.cues.many_words) and word.lower() in rx.cues.generic_measure_lemmas:
                return None  # "legger fram nye tiltak for næringslivet": many unnamed measures, none named
            if _existing_offer([text[a:b] for a, b in words[:i + 1]], rx.cues):
                return None  # "bygge ut helsetilbudet", "styrke kommunens tilbud": the services at large
            return trim_phrase(text, words[0][0], end, rx)
        if i and is_document(word, rx.cues.document_heads) and text[words[i - 1][0]:words[i - 1][1]].lower() in (
                rx.cues.new_measure_words):
            # a new white paper or strategy announced ("legge fram en stortingsmelding om ruspolitikken", "ein ny
            # nasjonal strategi"): a measure; a document named as done ("har lagt fram stortingsmeldinga") is not
            return trim_phrase(text, words[0][0], end, rx)
    return None
