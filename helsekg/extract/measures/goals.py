"""Strategy: goals, the purpose a measure serves.

A goal is the purpose phrase after a purpose cue, without the cue, running to the end of its clause:

* a purpose marker: "for å", "for at", "slik at", "med mål om", "med sikte på å/at" ("for at" only where it is
  no complement: not "sørge for at", "glad for at");
* a goal noun as subject of "er": "Målet er å", "Formålet med ordninga er å", "Det overordna målet
  er at", "Føremålet med tilskotet er"; "har som mål å", "har til formål å";
* "skal/vil bidra til (å|at)", nynorsk "skal medverke til";
* "skal" + any verb whose subject is a measure ("Ordninga skal støtte ...", "Tilskotet skal
  stimulere til ...", "ein reform som skal ..."): the goal keeps the verb;
* a goal heading ending in a colon ("Hovudmål:", "Målet for ordninga er:") followed by a line or by
  a bullet list: each line or bullet is a goal.

The cue words are lemmas and forms in ``helsekg/data/goal_target_cues.json``, shared by Bokmål and
Nynorsk. With a dependency parse (the shipped model), a "for å" is a purpose when it attaches to a verb
or a noun ("tiltak for å", "såkornmidlar til lokale initiativ for å"), not to a noun or an adjective that
takes "for å" as its complement ("behov for å", "Fristen for å søkje", "vanskeleg for å"). A "for at" is a
purpose after any word that does not take it as complement ("legge til rette for at ...", "jobbar for at
...", not "sørge for at", "glad for at", "til tross for at"). A goal ends before the word its cue depends on
("For å møte utfordringane har regjeringa ..." ends at "har"). Without a parse (``--model blank``) the
word lists stand in for the parse. A "for å" right at a funded phrase ("53 millioner kroner for å øke ...")
is the measure itself, and a cue inside a decided action is part of that action: neither is a goal here.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Ordninga skal sikre at fleire eldre kan bu heime, seier statsråden."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [g.goal.text for g in find_goals(context)]
['sikre at fleire eldre kan bu heime']
>>> text = "Det er behov for å styrke tilbodet. Målet er å redusere ventetida."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [g.goal.text for g in find_goals(context)]
['redusere ventetida']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from helsekg import resources
from helsekg.extract.measures.candidates import GoalCandidate, MentionSpan
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import WORD, Patterns, alternation, default_cues
from helsekg.extract.measures.phrases import (
    MODAL,
    VERB_PARTICLES,
    demonstrative_instrument,
    open_quote,
    tokens,
    without_trailing,
)
from helsekg.extract.recommendations import default_cues as recommendation_cues
from helsekg.extract.records import Goal
from helsekg.nlp.extensions import annotated
from helsekg.text.layout import BULLET_RE

__all__ = ["GOAL_CUES_FILE", "MAX_GOAL_WORDS", "GoalCues", "Parse", "find_goals", "goal_cues", "parse_of"]

GOAL_CUES_FILE = "goal_target_cues.json"
MAX_GOAL_WORDS = 30
#: A goal read from a goal heading or list item may be longer (it is the whole line).
MAX_LINE_GOAL_WORDS = 45


@dataclass(frozen=True)
class GoalCues:
    """The goal and target-group word lists (``helsekg/data/goal_target_cues.json``) and their patterns."""

    data: dict
    purpose: re.Pattern[str]
    copula: re.Pattern[str]
    noun_about: re.Pattern[str]
    have: re.Pattern[str]
    contribute: re.Pattern[str]
    goal_heading: re.Pattern[str]
    goal_heading_line: re.Pattern[str]  # the same without its colon, for a heading line of its own
    goal_list_intro: re.Pattern[str]  # "skal bidra til at", "jobbe for at" closing a list's introduction
    lead_strip: re.Pattern[str]
    skal: re.Pattern[str]
    governors: frozenset[str]
    purpose_adjectives: frozenset[str]
    measure_nouns: frozenset[str]
    non_goal_verbs: frozenset[str]
    contribute_verbs: frozenset[str]
    #: "(kunne) få rabatt", "søkje om midlane": a short purpose clause of receiving or applying is a condition
    condition: re.Pattern[str] = re.compile(r"(?!)")
    #: "sørge for at", "glad for at", "til tross for at": words whose "for at" is a complement, no purpose
    for_at_governors: frozenset[str] = frozenset()
    #: "opnar òg for at": adverbs between a governing word and its "for at"
    governor_adverbs: frozenset[str] = frozenset()
    #: a goal noun in any form ("måla", "målet", "hovudmålet"): what a goal of it alone points back to
    goal_noun: re.Pattern[str] = re.compile(r"(?!)")
    #: a goal's object words that only point back ("dette", "desse"), the preposition its verb may take first ("med"),
    #: and those before a closing year ("i 2024")
    pointer_words: frozenset[str] = frozenset()
    goal_verb_prepositions: frozenset[str] = frozenset()
    year_prepositions: frozenset[str] = frozenset()
    #: "For å gjere dette må de ...": a light verb with only a pointing object is a step, no purpose
    light_verbs: frozenset[str] = frozenset()
    light_verb_objects: frozenset[str] = frozenset()
    clause_verbs: frozenset[str] = frozenset()

    def words(self, key: str) -> tuple[str, ...]:
        return tuple(self.data[key])


@lru_cache(maxsize=1)
def goal_cues() -> GoalCues:
    """The shipped goal and target cues, compiled once."""
    data = resources.load_data(GOAL_CUES_FILE)
    i = re.IGNORECASE
    alt = alternation
    noun = (rf"(?:{alt(data['goal_noun_prefixes'])})?(?:{alt(data['goal_nouns'])})"
            rf"(?:{alt(data['goal_noun_endings'])})?")
    adverbs = alt(data["goal_copula_adverbs"])
    contribute = alt(data["contribute_verbs"])
    paperwork_verbs = alt(data.get("paperwork_verbs", ()) or ("(?!)",))
    paperwork_nouns = alt(data.get("paperwork_nouns", ()) or ("(?!)",))
    return GoalCues(
        data=data,
        purpose=re.compile(rf"(?<![\w-])(?:{alt(data['purpose_markers'])})(?![\w-])", i),
        # "Målet er å", "Formålet med tilskuddet er å", "Det overordna målet er at"
        # "Målet vårt er at"; inverted "Med denne reforma er målet å"; "Det er eit (politisk) mål at"
        # ("måla til Regjeringa som er utleia frå ...": "som" opens a relative clause, whose "er" states no goal)
        copula=re.compile(rf"(?<![\w-]){noun}(?:\s+(?:med|for|til|i)(?:\s+(?!(?:som|der)\b){WORD}){{1,5}}?)?"
                          rf"(?:\s+(?:vårt|vår|våre|deira|deres|sitt|si|sine))?\s+(?:er|var)"
                          rf"(?:\s+(?:{adverbs}))?(?:\s+(?:å|at))?(?![\w-])"
                          rf"|(?<![\w-])er\s+(?:det\s+)?(?:{WORD}\s+)?{noun}\s+(?:å|at)(?![\w-])"
                          rf"|(?<![\w-])(?:det|dette)\s+er\s+(?:eit|et|ein|en)\s+(?:{WORD}\s+){{0,4}}?{noun}"
                          rf"\s+(?:å|at)(?![\w-])", i),
        # "nå målet om at ...", "målsettingen om ..."
        noun_about=re.compile(rf"(?<![\w-]){noun}\s+om(?:\s+(?:å|at))?(?![\w-])", i),
        # "har som mål å", "har derfor som mål å", "har i hovedsak som formål å": one adverb may follow "har"
        have=re.compile(rf"(?<![\w-])(?:{alt(data['goal_have_phrases'])})\s+(?:å|at)(?![\w-])"
                        .replace(r"har\s+", rf"har\s+(?:(?:{adverbs}|derfor|difor|også|òg|no|nå|i\s+hovedsak|"
                                            rf"i\s+hovudsak|hovedsakelig|hovudsakleg)\s+)?"), i),
        contribute=re.compile(rf"(?<![\w-])(?:(skal|vil|kan|skulle|ville|å)\s+(?:{WORD}\s+){{0,2}}?)?"
                              rf"(?:{contribute})\s+til(?:\s+(?:å|at))?(?![\w-])", i),
        # "Hovudmål:", "Målet for tilskotsordninga er:", "Mål for ordningen:"
        goal_heading=re.compile(rf"\W*(?:{WORD}\s+){{0,2}}?{noun}(?:\s+(?:med|for|til)(?:\s+{WORD}){{1,5}}?)?"
                                rf"(?:\s+(?:er|var))?\s*:\s*$"
                                # "Tilskuddsordningen har følgende delmål:", "Folkehelsearbeidet har fire hovudmål:",
                                # "... innenfor følgende fire mål:": a sentence that announces the goals listed under it
                                rf"|.*(?<![\w-])(?:{alt(data['goal_list_announcers'])})\s+(?:{WORD}\s+){{0,2}}?{noun}"
                                rf"\s*:\s*$", i),
        # "Reforma skal bidra til at – Meld.St.15", "Barneombudet skal jobbe for at", "... bidra til å:" over bullets;
        # "... et av flere virkemidler i arbeidet med å:": the work the items name is what the measure serves
        goal_list_intro=re.compile(rf"(?<![\w-])(?:(?:{contribute})\s+til|(?:{alt(data['goal_list_verbs'])})\s+for"
                                   rf"|(?:{alt(data['goal_list_nouns'])})\s+(?:med|for)(?=\s+(?:å|at)\b))"
                                   rf"(?:\s+(?:at|å)(?:\s*[-–—]\s*[^!?\n]{{1,30}})?\s*:?|\s*:)\s*$", i),
        # "Formålet med dagtilbudet" as a heading of its own over its bullets
        goal_heading_line=re.compile(rf"\W*(?:{WORD}\s+){{0,2}}?{noun}(?:\s+(?:med|for|til)(?:\s+{WORD}){{1,5}}?)?\s*$", i),
        lead_strip=re.compile(rf"(?:(?:{alt(data['goal_lead_strip'])}|å)\s+)+", i),
        skal=re.compile(rf"(?<![\w-])skal\s+(?:(?:også|òg|og|ogso|i\s+hovudsak|i\s+hovedsak|blant\s+annet|mellom\s+anna)\s+)?"
                        rf"({WORD})(?![\w-])", i),
        governors=frozenset(data["for_aa_governors"]),
        purpose_adjectives=frozenset(data.get("purpose_adjectives", ())),
        measure_nouns=frozenset(data["measure_nouns"]),
        non_goal_verbs=frozenset(data["non_goal_verbs"]),
        contribute_verbs=frozenset(data["contribute_verbs"]),
        condition=re.compile(rf"(?:(?:kunne|kunna)\s+)?(?:{alt(data['condition_verbs'])})(?:\s+(?:om|på))?"
                             rf"(?!\s+(?:ned|opp|inn|ut|fram|frem|tilbake|til)\b)(?:(?:\s+{WORD}){{0,2}}\s*"
                             # "få midler til slike prosjekter", "få råd og veiledning om ...": receiving money or advice
                             rf"|(?:\s+{WORD})?\s+(?:{alt(data.get('condition_objects', ()) or ('(?!)',))})\b.*)"
                             # "for å skrive en god søknad eller rapport": the applicant's paperwork
                             rf"|(?:{paperwork_verbs})(?:\s+{WORD}){{0,2}}\s+(?:{paperwork_nouns})\b.*"
                             # "for at søknaden skal vurderes": what the application needs
                             rf"|(?:{paperwork_nouns})\s.*",
                             i | re.DOTALL),
        for_at_governors=frozenset(data.get("for_at_governors", ())),
        governor_adverbs=frozenset(data.get("governor_adverbs", ())),
        goal_noun=re.compile(rf"{noun}", i),
        pointer_words=frozenset(data.get("pointer_words", ())),
        goal_verb_prepositions=frozenset(data.get("goal_verb_prepositions", ())),
        year_prepositions=frozenset(data.get("year_prepositions", ())),
        light_verbs=frozenset(data.get("light_verbs", ())),
        light_verb_objects=frozenset(data.get("light_verb_objects", ())),
        clause_verbs=frozenset(data.get("clause_verbs", ())),
    )


class Parse:
    """The dependency parse of a context's Doc, looked up by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()  # one C call, not a Token object per word (issue 18)

    def at(self, pos: int) -> Token | None:
        """The token that starts at ``pos``."""
        i = bisect_left(self.starts, pos)
        return self.doc[i] if i < len(self.starts) and self.starts[i] == pos else None

    def covering(self, pos: int) -> Token | None:
        """The token that holds ``pos``."""
        i = bisect_left(self.starts, pos + 1) - 1
        if i < 0:
            return None
        token = self.doc[i]
        return token if token.idx <= pos < token.idx + len(token.text) else None

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens starting in ``[start, end)``."""
        return [self.doc[i] for i in range(bisect_left(self.starts, start), bisect_left(self.starts, end))]


def parse_of(context: MeasureContext) -> Parse | None:
    """The context's parse, or None without a Doc or without dependency annotation (a blank pipeline)."""
    doc = context.doc
    if doc is None or not len(doc) or not annotated(doc, "DEP"):
        return None
    return Parse(doc)


def measure_noun(word: str, rx: Patterns, cues: GoalCues, lemma: str | None = None) -> bool:
    """A noun naming a measure or an effort: an instrument noun, a reference, a budget noun, "grep"."""
    low = word.lower()
    return bool(rx.instrument_word.match(low) or rx.programme_word.match(low) or rx.anaphor.match(low)
                or rx.plural_anaphor.match(low) or rx.budget_noun.match(low)
                or low in cues.measure_nouns or (lemma or "").lower() in cues.measure_nouns)


#: "for at", also with more than one space between the words ("Vi er uroa for  at ...")
_FOR_AT = re.compile(r"(?i)for\s+at\b")
_TIL_RETTE = re.compile(r"(?<![\w-])til\s+rette\s+\Z", re.IGNORECASE)


def purpose_for(context: MeasureContext, parse: Parse | None, start: int, cues: GoalCues) -> bool:
    """Whether the "for å"/"for at" at ``start`` opens a purpose clause (not a noun's or adjective's complement)."""
    text, rx = context.text, context.rx
    before = [w.lower() for w in re.findall(WORD, text[max(0, start - 60):start])]
    while len(before) > 1 and before[-1] in cues.governor_adverbs:
        before.pop()  # "Lova opnar òg for at ...": the word before the adverb governs
    previous = before[-1] if before else ""
    token = parse.at(start) if parse is not None else None
    if _FOR_AT.match(text, start):
        if previous in cues.for_at_governors:
            return False  # "sørge for at", "glad for at", "til tross for at": a complement
        if token is not None and token.i > 0 and token.doc[token.i - 1].lemma_.lower() in cues.for_at_governors:
            return False
    if _TIL_RETTE.search(text, max(0, start - 12), start):
        return True  # "legge til rette for at/å ...": the phrase is a verb's, whatever the tagger calls "rette"
    if token is None:
        return previous not in cues.governors
    prev = token.doc[token.i - 1] if token.i > 0 else None
    if prev is not None and _governor(prev, cues):
        return False
    if prev is not None and prev.lower_ in cues.purpose_adjectives:
        # "Utbygginga er svært viktig for å skape ...", "vurderer en forlengelse som nødvendig for å sikre ...":
        # what the subject is for; "det er viktig for å ..." with no subject of its own is no measure's purpose
        return not _expletive_subject(prev)
    if prev is not None and prev.pos_ == "ADJ" and "Part" not in prev.morph.get("VerbForm"):
        return False  # "vanskeleg for å", "klar for å": the adjective's complement
    head = token.head
    if head is token or head.i > token.i:
        return True
    if head.pos_ == "ADJ":
        # "oppretta for å ...": a participle is a verb, and so is an adjective-tagged main predicate
        return "Part" in head.morph.get("VerbForm") or head.dep_ == "ROOT"
    if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        # "tiltak for å ...", "ei ny ordning for å ...": the purpose of a measure; "behov for å ...": not. The parse
        # hangs a purpose on the nearest noun ("jobbe i lag for å sikre ...", "midlar til lokale initiativ for å
        # stimulere ..."): any noun that takes no "for å" complement leaves the purpose to the clause (session 23)
        if head.pos_ != "PRON" and (measure_noun(head.text, rx, cues, head.lemma_) or not _governor(head, cues)):
            return True
        return _object_of_verb(head)
    return True


def _governor(token: Token, cues: GoalCues) -> bool:
    """A word that takes "for å" as its complement ("behov for å", "Fristen for å søkje"), by its form, its lemma or
    its form without a definite ending."""
    low = token.lower_
    forms = {low, token.lemma_.lower()}
    # a definite noun the tagger leaves unlemmatised ("Fristen" read as a name): ``definite_suffixes``
    forms.update(low[:-len(e)] for e in default_cues().definite_suffixes if low.endswith(e) and len(low) - len(e) >= 3)
    return not forms.isdisjoint(cues.governors)


def _expletive_subject(adjective: Token) -> bool:
    """The clause of a predicative adjective has "det" for subject ("Det er viktig for å ...")."""
    head = adjective.head if adjective.dep_ != "ROOT" else adjective
    return any(child.dep_ in ("SUBJ", "FSUBJ", "nsubj", "expl") and child.lower_ in ("det", "dette")
               for child in head.children)


def _object_of_verb(noun: Token) -> bool:
    """The noun (or the noun its prepositional phrase hangs on) is a verb's object: "tilsette to psykologar
    for å ...", "opprette eit råd etter modell frå Sverige for å ...": the parse's attachment to the
    nearest noun is ambiguous there, and the purpose is the verb's."""
    node = noun
    for _ in range(4):
        if node.dep_ == "DOBJ" and node.head.pos_ in ("VERB", "AUX"):
            return True
        if node.dep_ not in ("PUTFYLL", "ATR") or node.head is node:
            return False
        node = node.head
    return False


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int  # where the cue starts
    begin: int  # where the goal may start
    nested: bool = False  # a cue that never cuts an earlier goal and is dropped inside one ("målet om")


def find_goals(context: MeasureContext, mentions: Sequence[MentionSpan] = ()) -> tuple[GoalCandidate, ...]:
    """Goals sentence by sentence; ``mentions`` (the merged measures) rule out cues that belong to them."""
    cues = goal_cues()
    parse = parse_of(context)
    found: list[tuple[int, int, int, int, bool]] = []  # (start, end, sentence, cue, nested)
    lines = _line_goals(context, cues)
    for i, s in enumerate(context.sentences):
        if context.sentences[i].is_title and context.text[s.start:s.end].count(" ") < 2:
            continue
        spans = _cues(context, parse, cues, i, mentions)
        spans.sort(key=lambda c: (c.start, c.begin))
        for n, cue in enumerate(spans):
            later = [c.start for c in spans[n + 1:] if not c.nested and c.start >= cue.begin]
            limit = later[0] if later else s.end
            span = _goal_span(context, parse, cues, cue, s.start, limit)
            if span is not None:
                found.append((span[0], span[1], i, cue.start, cue.nested))
    kept = []
    for start, end, i, cue, nested in found:
        if any(a <= start and end <= b for a, b, _ in lines):
            continue  # inside a goal line ("Hovudmål: Stimulere ... for å møte ...")
        if nested and any(a <= start and end <= b and (a, b) != (start, end) for a, b, *_ in found):
            continue
        kept.append((start, end, i, cue))
    kept += [(a, b, i, a) for a, b, i in lines]
    out = []
    seen: set[tuple[int, int]] = set()
    for start, end, i, cue in sorted(kept):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        label = re.sub(r"\s+", " ", context.text[start:end])
        if cues.condition.fullmatch(label):
            continue  # "for å få rabatt må du ...", "for å kunne søkje om midlane": a condition, not a goal
        out.append(GoalCandidate(Goal(context.doc_id, start, end, context.text[start:end], label=label), i, cue))
    return tuple(out)


def _cues(context: MeasureContext, parse: Parse | None, cues: GoalCues, i: int,
          mentions: Sequence[MentionSpan]) -> list[_Cue]:
    text = context.text
    s = context.sentences[i]
    spans: list[_Cue] = []

    def blocked(start: int, end: int) -> bool:
        if any(x.how == "forward" and x.sentence == i and start <= x.start <= end + 1 for x in mentions):
            return True  # "53 millioner kroner for å øke ...": the measure itself
        return any(x.how in ("action", "request") and x.sentence == i and x.start <= start < x.end for x in mentions)

    for m in cues.purpose.finditer(text, s.start, s.end):
        if blocked(m.start(), m.end()) or _starts_the_measure(context, m.end()):
            continue
        if m.group(0).lower().startswith("for") and not purpose_for(context, parse, m.start(), cues):
            continue
        if m.group(0).lower().startswith("for å") and _reader_instruction(context, parse, i):
            continue  # "Du kan kontakte kommunen for å få hjelp ...", "Logg inn ... for å se ...": the reader's
        # "legge til rette for at ...": the purpose of a goal that may itself be one ("Ordninga skal leggje til
        # rette for at ..."): it never cuts that goal
        nested = bool(_TIL_RETTE.search(text, max(0, m.start() - 12), m.start()))
        spans.append(_Cue(m.start(), m.end(), nested=nested))
    for m in cues.copula.finditer(text, s.start, s.end):
        if text[m.end():m.end() + 3].lstrip().startswith(":"):
            continue  # "Målet for ordninga er:": a goal heading
        spans.append(_Cue(m.start(), m.end()))
    for m in cues.have.finditer(text, s.start, s.end):
        spans.append(_Cue(m.start(), m.end()))
    for m in cues.noun_about.finditer(text, s.start, s.end):
        spans.append(_Cue(m.start(), m.end(), nested=True))
    for m in cues.contribute.finditer(text, s.start, s.end):
        if blocked(m.start(), m.end()) or any(c.start <= m.start() < c.begin for c in spans):
            continue
        aux = (m.group(1) or "").lower()
        if not aux and not re.search(r"\s(?:å|at)$", m.group(0)):
            continue  # "bidra til utvikling": a goal only after an auxiliary or before "å"/"at"
        spans.append(_Cue(m.start(), m.end(), nested=not aux))
    spans += _measure_shall(context, parse, cues, i, mentions, spans)
    return spans


#: the reader as the subject of a modal: "Du kan/må ...", "..., må du ..." (Bokmål and Nynorsk)
_READER_SUBJECT = re.compile(r"(?i)(?:^|[,:]\s*)du\s+(?:kan|må|bør|skal|treng|trenger)\b"
                             r"|\b(?:kan|må|bør|skal)\s+du\b")


def _reader_instruction(context: MeasureContext, parse: Parse | None, i: int) -> bool:
    """The sentence tells the reader what to do: it opens with an imperative ("Ta kontakt med ...", "Logg inn ...")
    or makes "du" the subject of a modal ("Du kan kontakte kommunen ...", "For å ..., må du ..."). A purpose in it is
    the reader's, no measure's goal."""
    s = context.sentences[i]
    sentence = context.text[s.start:s.end]
    marker = BULLET_RE.match(sentence)  # the shared list marker ("• ", "– ", "1. ")
    sentence = sentence[marker.end():] if marker else sentence.lstrip()
    if _READER_SUBJECT.search(sentence):
        return True
    first = sentence.split(None, 1)[0].lower() if sentence.strip() else ""
    if first in _imperatives():
        return True  # the tagger may read an imperative as a noun ("Logg inn ...")
    token = parse.at(s.start + len(context.text[s.start:s.end]) - len(sentence)) if parse is not None else None
    return token is not None and "Imp" in token.morph.get("Mood")


@lru_cache(maxsize=1)
def _imperatives() -> frozenset[str]:
    """The imperatives of the reader's instruction verbs ("kontakt", "logg", "ring", "ta"; not their infinitives,
    which open goal items: "Finne løysingar ...")."""
    return frozenset(w for w in recommendation_cues().instruction_verbs if not w.endswith(("e", "a")) or len(w) <= 3)


def _starts_the_measure(context: MeasureContext, pos: int) -> bool:
    """ "for å (kunne) starte opp dette prøveprosjektet": the purpose is to start or run the measure named before,
    which the money funds; no goal of it."""
    rx, text = context.rx, context.text
    pos += len(text[pos:pos + 4]) - len(text[pos:pos + 4].lstrip())
    modal = MODAL.match(text, pos)
    verb = rx.action.match(text, modal.end() if modal else pos)
    if verb is None:
        return False
    words = text[verb.end():verb.end() + 60].split()
    while words and words[0].lower() in VERB_PARTICLES:
        words = words[1:]
    return demonstrative_instrument(words[:2], rx)


def _measure_shall(context: MeasureContext, parse: Parse | None, cues: GoalCues, i: int,
                   mentions: Sequence[MentionSpan], spans: list[_Cue]) -> list[_Cue]:
    """ "<measure> skal <verb> ...": "Ordninga skal støtte ...", "ein reform som skal arbeide for ..."."""
    text = context.text
    s = context.sentences[i]
    out = []
    for m in cues.skal.finditer(text, s.start, s.end):
        if any(c.start <= m.start() < c.begin + 1 or m.start() <= c.start < m.end() for c in spans):
            continue
        if any(x.start <= m.start() < x.end for x in mentions):
            continue  # "Kommunedirektøren skal leggje fram ...": a decided action, not a goal
        verb_start, verb = m.start(1), m.group(1)
        token = parse.at(m.start()) if parse is not None else None
        if token is not None:
            infinitive = next((c for c in token.children if c.dep_ == "INFV" and c.i > token.i), None)
            if infinitive is None:
                continue
            verb_start, verb, lemma = infinitive.idx, infinitive.text, infinitive.lemma_.lower()
            subject = next((c for c in token.children if c.dep_ == "SUBJ"), None)
            if subject is None and token.head is not token and token.head.i < token.i and token.head.pos_ in ("NOUN", "PROPN"):
                subject = token.head  # "ein reform som skal ..."
            if subject is None:
                continue
            subject_end = subject.idx + len(subject.text)
            ok = (_measure_subject(context, cues, subject.idx, subject_end, subject.lemma_, mentions)
                  or _measure_pronoun(context, cues, i, subject, mentions))
        else:
            lemma = verb.lower()
            ok = _measure_subject_text(context, cues, s.start, m.start(), mentions)
        if not ok or not _goal_verb(verb, lemma, cues):
            continue
        out.append(_Cue(m.start(), verb_start))
    return out


#: personal pronouns that take up a singular noun of the sentence before ("Ordninga er ny. Ho skal ...")
_TAKING_UP = frozenset({"den", "ho", "han"})


def _measure_pronoun(context: MeasureContext, cues: GoalCues, i: int, subject: Token,
                     mentions: Sequence[MentionSpan]) -> bool:
    """A pronoun opening its sentence takes up the measure that opens the sentence before: "Helseteknologiordningen er
    en sentral satsing. Den skal støtte innføring av ny teknologi", "Tilskotsordninga er ny. Ho skal stimulere til
    ..." (session 23)."""
    if subject.lower_ not in _TAKING_UP or i == 0 or subject.idx != context.sentences[i].start:
        return False
    before = context.sentences[i - 1]
    first = re.match(rf"\W*({WORD})", context.text[before.start:before.end])
    if first is None:
        return False
    start = before.start + first.start(1)
    return _measure_subject(context, cues, start, before.start + first.end(1), first.group(1), mentions)


def _goal_verb(verb: str, lemma: str, cues: GoalCues) -> bool:
    low = verb.lower()
    if low.endswith("s") and len(low) > 2 or low.endswith("ast"):
        return False  # a passive infinitive ("fordelast", "brukes"): no purpose
    forms = {low, lemma, low[:-1] + "e" if low.endswith("a") else low}
    return not forms & cues.non_goal_verbs and not forms & cues.contribute_verbs


def _measure_subject(context: MeasureContext, cues: GoalCues, start: int, end: int, lemma: str,
                     mentions: Sequence[MentionSpan]) -> bool:
    word = context.text[start:end]
    if any(x.start <= start < x.end for x in mentions):
        return True
    return measure_noun(word, context.rx, cues, lemma) and not context.rx.budget_noun.match(word.lower()) or (
        context.rx.anaphor.match(word.lower()) is not None)


def _measure_subject_text(context: MeasureContext, cues: GoalCues, sentence_start: int, pos: int,
                          mentions: Sequence[MentionSpan]) -> bool:
    """Without a parse: the words before "skal" are a short reference ("Ordninga", "Dette prosjektet") or
    a measure noun before "som" ("ein reform som skal")."""
    text, rx = context.text, context.rx
    before = text[sentence_start:pos]
    words = re.findall(WORD, before)
    if not words:
        return False
    relative = re.search(rf"({WORD})\s*,?\s+som\s+$", before)
    if relative:
        start = sentence_start + relative.start(1)
        return _measure_subject(context, cues, start, start + len(relative.group(1)), "", mentions)
    if len(words) > 4:
        return False
    if any(x.start < pos and x.end > sentence_start and x.end <= pos for x in mentions) and len(words) <= 4:
        return True
    return any(context.is_definite(w) or rx.plural_anaphor.match(w) or rx.instrument_word.match(w) for w in words)


def _goal_span(context: MeasureContext, parse: Parse | None, cues: GoalCues, cue: _Cue, sentence_start: int,
               limit: int) -> tuple[int, int] | None:
    text, rx = context.text, context.rx
    begin = cue.begin
    opening = not text[sentence_start:cue.start].strip(" –-\"«")
    stop = (rx.goal_end_opening if opening else rx.goal_end).search(text[begin:limit])
    end = begin + stop.start() if stop else limit
    mark = open_quote(text, sentence_start, begin)
    closing = text.find(mark, begin, end) if mark is not None else -1
    if closing >= 0:
        end = closing  # a purpose inside a quoted name ("«Tiltak for å bedre levekårene ...»") ends with the name
    strip = rx.goal_strip.match(text, begin, end)
    if strip:
        begin = strip.end()
    strip = cues.lead_strip.match(text, begin, end)
    if strip:
        begin = strip.end()
    if parse is not None:
        end = _clause_end(parse, cue.start, begin, end)
        end = _next_clause(parse, begin, end)
    words = without_trailing(text, tokens(text, begin, end)[:MAX_GOAL_WORDS], rx.goal_trailing)
    if len(words) < 2:  # "for å hjelpe.": a verb alone says nothing of what the measure is for
        return None
    if parse is not None and _presentational(parse.at(words[0][0])):
        return None  # "slik at det blir avsatt midler", "slik at det finnes gode møteplasser": what happens, no aim
    lead = [text[s:e].lower() for s, e in words[:4]]
    if lead[0] in cues.light_verbs and lead[1] == "til":
        del lead[1]  # "for å få til dette": the particle
    lead = lead[:3]
    if (len(lead) >= 2 and lead[0] in cues.light_verbs and lead[1] in cues.light_verb_objects
            and (len(lead) == 2 or lead[2] in cues.clause_verbs)):
        return None  # "For å gjere dette må de opprette ein brukar": a step, not a purpose ("gjere det lettare" is one)
    if _points_back(context, cues, [text[s:e].lower() for s, e in words]):
        return None  # "for å nå desse måla", "for å lykkes med dette", "for å gjennomføre prosjektet"
    return words[0][0], words[-1][1]


def _points_back(context: MeasureContext, cues: GoalCues, words: list[str]) -> bool:
    """A goal whose object only points back says nothing of its own: a pronoun ("forsterke dette", "lykkes med
    dette") or a definite goal or measure noun with at most a pointer before it ("nå måla", "nå desse måla",
    "gjennomføre prosjektet"). The annotators never count one; "nå dei bustadpolitiske måla" says which goals."""
    rest = words[1:]
    if rest and rest[0] in cues.goal_verb_prepositions:
        rest = rest[1:]
    if len(rest) >= 2 and re.fullmatch(r"(?:19|20)\d\d", rest[-1]) and rest[-2] in cues.year_prepositions:
        rest = rest[:-2]  # "gjennomføre prosjektet i 2024": when, not what
    if not rest or len(rest) > 2:
        return False
    content = [w for w in rest if w not in cues.pointer_words]
    if not content:
        return True
    if len(content) != 1:
        return False
    word = content[0]
    return bool(cues.goal_noun.fullmatch(word) or context.rx.anaphor.fullmatch(word))


def _presentational(token: Token | None) -> bool:
    """``token`` is a formal subject ("det") whose clause only presents something happening or existing ("det blir
    avsatt midler", "det kan utviklast gode prosjekt", "det finnes møteplassar"), not a state aimed at ("det blir
    lettere for eldre å bo hjemme", with a predicative)."""
    if token is None or token.dep_ != "FSUBJ" or token.lower_ != "det":
        return False
    verb = token.head
    return not any(child.dep_ == "SPRED" for node in (verb, *verb.children) for child in node.children)


def _clause_end(parse: Parse, cue_start: int, begin: int, end: int) -> int:
    """End the goal before the first word its cue depends on ("For å møte X har regjeringa ..." -> "møte X")."""
    token = parse.at(cue_start) or parse.covering(cue_start)
    if token is None:
        return end
    ancestors = {t.i for t in token.ancestors}
    inside = parse.between(begin, end)
    # "slik at flere eldre kan bo hjemme": the subjunction hangs on its own clause's verb, which is the goal's
    ancestors -= {t.head.i for t in (token, *token.ancestors)
                  if t.dep_ in ("SBU", "mark") and begin <= t.head.idx < end}
    for n, t in enumerate(inside):
        if t.i in ancestors:
            if n >= 2:
                return inside[n - 1].idx + len(inside[n - 1].text)
            break
    return end


def _next_clause(parse: Parse, begin: int, end: int) -> int:
    """End the goal before ", og/men <finite verb>": a new main clause ("... sikre at måla nås, og foreslår derfor
    at ...")."""
    inside = parse.between(begin, end)
    for n in range(1, len(inside) - 2):
        comma, conj, verb = inside[n], inside[n + 1], inside[n + 2]
        if (comma.text == "," and conj.lower_ in ("og", "men") and verb.pos_ in ("VERB", "AUX")
                and "Fin" in verb.morph.get("VerbForm")):
            return comma.idx
    return end


def _line_goals(context: MeasureContext, cues: GoalCues) -> list[tuple[int, int, int]]:
    """Goals read from the lines after a goal heading ("Delmål:" and its bullets, "Hovudmål:" and its line)."""
    text, sentences = context.text, context.sentences
    out = []
    headings = {(h.start, h.end) for h in context.headings}
    for i, s in enumerate(sentences):
        if not cues.goal_heading.match(text, s.start, s.end) and not (
                (s.start, s.end) in headings and cues.goal_heading_line.match(text, s.start, s.end)
                and not _names_target(cues, text[s.start:s.end])) and not goal_list(context, s.start, s.end):
            continue
        # the list the heading introduces, or stands over as a subheading below an introduction further up
        items = [k for k, bl in enumerate(context.lists)
                 if any(line is not None and line[0] <= s.start < line[1] for line in (bl.intro, bl.group))]
        if items:
            seen_bullets: set[int] = set()
            for j, t in enumerate(sentences):
                if t.list_id == items[0] and t.bullet is not None and t.bullet not in seen_bullets:
                    seen_bullets.add(t.bullet)
                    if _names_target(cues, " ".join(text[t.start:t.end].split()[:1])):
                        continue  # "• Målgruppa er eldre over 65 år": the list goes on to whom it is for
                    span = _line_span(context, cues, t.start, t.end)
                    if span:
                        out.append((*span, j))
            continue
        if i + 1 < len(sentences):
            t = sentences[i + 1]
            line = text[t.start:t.end]
            if (cues.copula.search(line) or cues.have.search(line) or cues.goal_heading.match(line)
                    or line.rstrip().endswith(":") or "\n" not in text[s.end:t.start]):
                continue
            span = _line_span(context, cues, t.start, t.end)
            if span:
                out.append((*span, i + 1))
    return out


def _names_target(cues: GoalCues, line: str) -> bool:
    """The heading names the target group too ("Mål og målgruppe"): what follows it is not only goals."""
    words = {w.lower() for w in re.findall(r"[\w-]+", line)}
    return bool(words & set(cues.words("target_heading_words")))


def goal_list(context: MeasureContext, start: int, end: int) -> bool:
    """``text[start:end]`` (a sentence or a list's introduction) introduces a list of goals: it closes with a
    contribute verb or "jobbe/arbeide/sørge for" and its complement ("Reforma Leve hele livet skal bidra til at –
    Meld.St.15", "Barneombudet skal jobbe for at", "skal mellom anna bidra til å"), and a list follows."""
    cues = goal_cues()
    text = context.text[start:end]
    # "Målet med tilskuddsordningen er å utvikle kommunale modeller som:": the items finish the goal
    completes = bool(_RELATIVE_COLON.search(text)) and bool(cues.copula.search(text))
    return (completes or bool(cues.goal_list_intro.search(context.text, start, end))) and any(
        bl.intro is not None and (bl.intro[0] <= start < bl.intro[1] or start <= bl.intro[0] < end) for bl in context.lists)


#: a list's introduction closing with "som:" ("... kommunale modeller som:"): the items are relative clauses
_RELATIVE_COLON = re.compile(r"(?<![\w-])som\s*:\s*$", re.IGNORECASE)


#: a negative subject opening a goal line ("Ingen skal dø av ...", "Ingen barn skal ..."): it is kept with its modal
_NEGATIVE_SUBJECT = re.compile(r"\W*(?:ingen|inga|ingenting|ikkje\s+nokon|ikke\s+noen)\b", re.IGNORECASE)
#: "Tilskotsordninga skal " opening the line under a goal heading: the subject and its modal, not part of the goal
_MODAL_LEAD = re.compile(r"\W*(?:[\w-]+\s+){1,4}?(?:skal|vil|bør)\s+(?:(?:også|òg)\s+)?(?=[a-zæøå])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _contribute_lead(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A contribute verb opening a list item ("bidrar til å", "medverkar til"; the ``goal_strip_prefixes`` of more
    than one word: an item's own "At eldre får ..." keeps its "At")."""
    phrases = [p for p in prefixes if " " in p]
    return re.compile(rf"(?:{alternation(phrases) or '(?!)'})\s+", re.IGNORECASE)


def _line_span(context: MeasureContext, cues: GoalCues, start: int, end: int) -> tuple[int, int] | None:
    text = context.text
    modal = _MODAL_LEAD.match(text, start, end)
    if modal and not re.search(r"[,.:;]", text[start:modal.end()]) and not _NEGATIVE_SUBJECT.match(text, start, end):
        # (not "Ingen skal dø av hepatitt C": a negative subject is the goal's sense)
        start = modal.end()  # "Tilskotsordninga skal stimulere kommunane til ...": the goal is what it shall do
    contribute = _contribute_lead(context.cues.goal_strip_prefixes).match(text, start, end)
    if contribute:
        start = contribute.end()  # "• bidrar til å opprettholde pårørendeinnsatsen ...": what it contributes to
    strip = cues.lead_strip.match(text, start, end)
    if strip:
        start = strip.end()
    words = tokens(text, start, end)
    if len(words) < 2 or len(words) > MAX_LINE_GOAL_WORDS:
        return None
    return words[0][0], words[-1][1]
