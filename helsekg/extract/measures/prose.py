"""Strategy: measures named in running prose, without an amount or a bullet.

Reports, white papers and news name measures in ways the other strategies do not read:

* **name compounds**: a name joined to an instrument noun by a hyphen ("Bu trygt heime-reforma",
  "revitalisering av Leve HELE LIVET-satsingen", "TISK-tiltakene"), or a quoted name right before one
  ("'Leve heile livet' prosjektet", "«Trygg heime»-prosjektet") or before "er ein/eit <instrument>";
* **programmes with a period**: a programme compound with a year or a span of years
  ("gjennom folkehelseprogrammet i Innlandet 2024–2026");
* **new instruments and buildings**: an indefinite or definite noun phrase opened by "ny/nytt/nye"
  whose head is an instrument or building noun ("eit nytt byggjetrinn", "det nye sjukehusbygget i
  Haugesund"), and a building noun after "i gang med" ("går i gang med ombygging");
* **example lists**: the names after "Eksempler på <...> er" or after "blant annet" that follows an
  instrument noun ("Eksempler på avviklede ordninger er A, B (...) og C"), each item a measure of one
  group (an amount that funds one item of the group funds every item);
* **report prose** (needs the parse): the object of a deciding verb in the past or perfect ("etablerte
  kommunen en interimvirksomhet – vaksinetjenesten", "Representantskapet vedtok i 2019 ny økonomisk
  fordelingsnøkkel"), the subject of such a verb in the passive ("TISK-tiltakene ble opprettholdt"),
  and the object of a strong verb ("etablere", "innføre", "utvide") in any tense or after "vil/skal"
  with a subject ("Regjeringa vil ... utvide vernet mot passiv røyking").

Cue words are lemmas and labels in ``helsekg/data/measure_prose_cues.json``. The first four readings
are text rules (a blank pipeline is enough); report prose is left out without a parse.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Innleiing\\n\\nUtgangspunktet for Bu trygt heime-reforma er at fleire blir eldre. Det er planlagt eit nytt byggjetrinn."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [text[c.start:c.end] for c in find_prose(context).names]
['Bu trygt heime-reforma', 'byggjetrinn']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from helsekg import resources
from helsekg.extract.measures.candidates import ActionCandidate, Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import WORD, YEARS, alternation
from helsekg.extract.measures.phrases import head_of, is_document, phrase_after, tokens, trim_phrase
from helsekg.nlp.extensions import annotated

__all__ = ["ProseCues", "ProseReading", "bare_head", "default_prose_cues", "find_prose", "is_building", "past_rules",
           "noun_phrase_end", "split_items"]

CUES_FILE = "measure_prose_cues.json"
#: Articles and demonstratives: a name before a hyphen starts after them ("det Leve heile livet-prosjektet").
#: Definite determiners before "nye": "det nye sjukehusbygget" is one building, "nye tiltak" many.
DEFINITE = ("det", "den", "dette", "denne")
ARTICLES = frozenset({"en", "ei", "et", "ein", "eit", "den", "det", "de", "dei", "denne", "dette", "disse", "desse"})
MAX_ITEMS = 12
#: conjunctions that open a clause: a name before a hyphen never runs back across one
_CLAUSE_WORDS = frozenset({"at", "om", "dersom", "viss", "hvis", "når", "fordi", "då", "da"})


@dataclass(frozen=True)
class ProseCues:
    """Word lists of ``helsekg/data/measure_prose_cues.json`` (see its ``_doc``)."""

    example_cues: tuple[str, ...]
    example_verbs: tuple[str, ...]
    among_cues: tuple[str, ...]
    building_heads: tuple[str, ...]
    start_phrases: tuple[str, ...]
    strong_verbs: tuple[str, ...]
    report_verbs: tuple[str, ...]
    perfect_auxiliaries: tuple[str, ...]
    passive_auxiliaries: tuple[str, ...]
    modal_auxiliaries: tuple[str, ...]
    subject_labels: tuple[str, ...]
    object_labels: tuple[str, ...]
    chain_labels: tuple[str, ...]
    apposition_labels: tuple[str, ...]
    generic_subjects: tuple[str, ...]
    title_separators: tuple[str, ...]
    proposal_intro_lemmas: tuple[str, ...]
    vague_objects: tuple[str, ...]
    manner_prepositions: tuple[str, ...]
    continue_verbs: tuple[str, ...] = ()
    #: "nytt sykehus i Buskerud": places of care an indefinite "ny/nytt" and a place make a building project
    care_place_heads: tuple[str, ...] = ()
    #: "X er eit (kommunalt) botilbod til ...": what a sentence defines X as (a municipality's service pages)
    service_heads: tuple[str, ...] = ()
    #: first words of a subject that defines nothing of its own: a pronoun ("Dette er ei ny ordning") or a kind ("Ein
    #: frisklivssentral er eit tilbod til ...", "Slike tilbod er ...")
    definition_stop_subjects: tuple[str, ...] = ()
    #: "X skal bidra til ...": verbs whose subject is a measure when it opens the sentence
    contribute_verbs: tuple[str, ...] = ()
    #: "Formålet med X er ...": nouns of a purpose whose "med"-phrase names what has it, a measure
    purpose_nouns: tuple[str, ...] = ()
    #: kinds of plan that are measures when a "for"-phrase says what they are for ("opptrappingsplanen for rusfeltet")
    plan_heads: tuple[str, ...] = ()
    #: first words after "for" that make it no such phrase ("for perioden 1999-2006", "for å styrke ...")
    plan_complement_stops: tuple[str, ...] = ()
    #: word forms of the verbs that present a plan, strategy, white paper, reform or law ("vil leggje fram ein ...")
    present_verbs: tuple[str, ...] = ()
    #: adverbials between such a verb and its object ("la i dag fram")
    present_fillers: tuple[str, ...] = ()
    #: what is presented: a word ending in one of these is a measure ("stortingsmelding", "fosterhjemslov")
    presented_heads: tuple[str, ...] = ()
    #: adjectives before the presented noun ("ein ny nasjonal strategi")
    present_adjectives: tuple[str, ...] = ()

    @classmethod
    def load(cls) -> ProseCues:
        """The shipped cue file."""
        return cls(**resources.cue_tuples(resources.load_data(CUES_FILE), cls.__dataclass_fields__,
                                          source=resources.data_path(CUES_FILE), what="measure prose cues"))


@lru_cache(maxsize=1)
def default_prose_cues() -> ProseCues:
    """The shipped prose cues, read once."""
    return ProseCues.load()


@dataclass(frozen=True)
class ProseReading:
    """What running prose names: ``names`` before the funding step, ``reports`` with the decided actions."""

    names: tuple[Candidate, ...]
    reports: tuple[ActionCandidate, ...]


@dataclass(frozen=True)
class _Rx:
    example: re.Pattern[str]
    among: re.Pattern[str]
    new_noun: re.Pattern[str]
    start: re.Pattern[str]
    hyphen_name: re.Pattern[str]
    quoted_name: re.Pattern[str]
    programme_period: re.Pattern[str]
    described_plan: re.Pattern[str]
    defined_service: re.Pattern[str]
    contributing: re.Pattern[str]
    purpose_of: re.Pattern[str]
    presented: re.Pattern[str]
    presented_next: re.Pattern[str]


@lru_cache(maxsize=2)
def _patterns(cues: ProseCues, new_words: tuple[str, ...]) -> _Rx:
    i = re.IGNORECASE
    return _Rx(
        example=re.compile(rf"(?<![\w-])(?:{alternation(cues.example_cues)})\s+(?:{WORD}\s+){{0,4}}?"
                           rf"(?:{alternation(cues.example_verbs)})\s+", i),
        among=re.compile(rf"(?<![\w-])({WORD}),?\s+(?:{alternation(cues.among_cues)})(?!\w)\s*", i),
        # "eit nytt byggjetrinn", "det nye sjukehusbygget": an article (or none) and "ny"
        new_noun=re.compile(rf"(?<![\w-])(?:(?:{alternation((*new_words, *DEFINITE))})\s+)?(?:ny|nytt|nye|nyt)\s+({WORD})", i),
        start=re.compile(rf"(?<![\w-])(?:{alternation(cues.start_phrases)})\s+({WORD})", i),
        # "Bu trygt heime-reforma": up to four words before a hyphen and a lower-case compound
        hyphen_name=re.compile(r"(?<![\w-])((?:[\wÆØÅæøå]+\s+){0,4}[\wÆØÅæøå]+)-([a-zæøå]{3,})(?![\w-])"),
        quoted_name=re.compile(r"['‘«\"]([A-ZÆØÅ][^'’«»\"\n]{1,60}?)['’»\"]\s*-?\s*"
                               rf"(?:(?:er|var)\s+(?:ein|eit|ei|en|et)\s+)?({WORD})(?:\s+({WORD}))?"),
        programme_period=re.compile(rf"(?<![\w-])({WORD})((?:\s+(?:i|for|på)\s+[A-ZÆØÅ][\w-]*)?)\s+"
                                    rf"({YEARS})(?![\w-])"),
        # "opptrappingsplanen for psykisk helse", "ein nasjonal handlingsplan for legevakt": lower-case, any inflection
        described_plan=re.compile(rf"(?<![\w-])((?:{alternation(cues.plan_heads)})(?:en|a|et|ar|er|ane|ene)?)\s+for\s+"
                                  rf"(?!(?:{alternation(cues.plan_complement_stops)})\b)(?=[a-zæøå])", i)
        if cues.plan_heads else re.compile(r"(?!)"),
        # "Bufellesskap er eit kommunalt botilbod til ...", "Kompasset er et prosjekt som ...": a capitalised subject
        # of at most six words on its line, defined as a service, project or scheme
        # (its name may hold a slash or a spaced dash: "Kvardagsmeistring/kvardagsrehabilitering", "Helsestasjon
        # 0 – 5 år")
        defined_service=re.compile(rf"([A-ZÆØÅ][\w/-]*(?:[^\S\n]+(?:og[^\S\n]+)?(?:[\w/-]+|[–—])){{0,5}}?)"
                                   rf"\s+(?:er|var)\s+"
                                   rf"(?:eit|ein|ei|et|en)\s+(?:{WORD}\s+){{0,2}}?[\w-]*?(?:{alternation(cues.service_heads)})"
                                   rf"\s+(?:til|for|som|retta|rettet|der|med|mellom)\b")
        if cues.service_heads else re.compile(r"(?!)"),
        # "Hverdagsrehabilitering skal bidra til at ...": a one-word subject that is to contribute to a goal
        contributing=re.compile(rf"([A-ZÆØÅ][\w-]*)\s+(?:skal|vil)\s+(?:også\s+|òg\s+)?"
                                rf"(?:{alternation(cues.contribute_verbs)})\s+til\b")
        if cues.contribute_verbs else re.compile(r"(?!)"),
        # "Formålet med dagtilbud og aktivitetssentrene er ...": what has the purpose, at the start of a sentence
        purpose_of=re.compile(rf"(?:{alternation(cues.purpose_nouns)})[^\S\n]+med[^\S\n]+"
                              rf"([\w-]+(?:[^\S\n]+[\w-]+){{0,5}}?)[^\S\n]+(?:er|var|har\s+vore|har\s+vært)\b",
                              re.IGNORECASE)
        if cues.purpose_nouns else re.compile(r"(?!)"),
        # "Regjeringa vil leggje fram ein ny nasjonal strategi for ...", "har varslet en ny fosterhjemslov"
        presented=re.compile(rf"(?<![\w-])(?:{alternation(cues.present_verbs)})"
                             rf"(?:\s+(?:{alternation(cues.present_fillers)})|\s+fram|\s+frem)*"
                             rf"\s+(?:en|ein|ei|et|eit)\s+{_presented_noun(cues)}", i)
        if cues.present_verbs else re.compile(r"(?!)"),
        # "..., en ny prioriteringsmelding, en melding om ...": the next presented item of a list
        presented_next=re.compile(rf"\s*(?:,|\s(?:og|samt))\s+(?:en|ein|ei|et|eit)\s+{_presented_noun(cues)}", i)
        if cues.present_verbs else re.compile(r"(?!)"),
    )


def _presented_noun(cues: ProseCues) -> str:
    """The noun phrase a presenting verb introduces, to its head: "ny nasjonal tobakksstrategi",
    "forebyggings- og behandlingsreform"."""
    adjective = rf"(?:{alternation(cues.present_adjectives)}|\w+(?:leg|lig|isk|ig|ell|al)[et]?)"  # "tverrfagleg"
    return (rf"((?:{adjective}\s+){{0,2}}(?:[\w]+-\s+(?:og|eller)\s+)?"
            rf"[\w-]*(?:{alternation(cues.presented_heads)}))(?![\w-])")


def is_building(word: str, cues: ProseCues) -> bool:
    """A building noun or a compound ending in one ("sjukehusbygget", "byggjetrinn", "ombygging").

    >>> cues = default_prose_cues()
    >>> is_building("sjukehusbygget", cues), is_building("byggjetrinnet", cues), is_building("bygda", cues)
    (True, True, False)
    """
    low = word.lower()
    for head in cues.building_heads:
        if low.endswith(tuple(head + ending for ending in ("", "et", "en", "a", "ene", "ane", "er", "ar"))):
            return True
    return False


def find_prose(context: MeasureContext, *, cues: ProseCues | None = None) -> ProseReading:
    """Name compounds, programme periods, new instruments, example lists and report prose."""
    cues = cues or default_prose_cues()
    rx = _patterns(cues, tuple(context.cues.new_measure_words))
    names: list[Candidate] = []
    for index, sentence in enumerate(context.sentences):
        names += _name_compounds(context, rx, index)
        names += _programme_periods(context, rx, index)
        names += _described_plans(context, rx, index)
        names += _presented_plans(context, rx, cues, index)
        names += _defined_services(context, rx, cues, index)
        if sentence.bullet is None:  # a list item's phrase is read whole by the list strategy
            names += _new_instruments(context, rx, cues, index)
        for begin, items in _example_lists(context, rx, index):
            names += [Candidate(a, b, index, "example", group=begin) for a, b in items]
    reports = _reports(context, cues) if _parsed(context) else ()
    return ProseReading(tuple(names), tuple(reports))


# -- text rules ------------------------------------------------------------------------------------


def _name_compounds(context: MeasureContext, rx: _Rx, index: int) -> list[Candidate]:
    text, mrx = context.text, context.rx
    s = context.sentences[index]
    found = []
    for m in rx.hyphen_name.finditer(text, s.start, s.end):
        if not mrx.instrument_word.match(m.group(2)) or mrx.budget_noun.match(m.group(2)):
            continue
        words = tokens(text, m.start(1), m.end(1))
        # the name starts at the earliest capitalised word of the run before the hyphen that no
        # function word interrupts ("for Bu trygt heime-reforma" -> "Bu trygt heime")
        start = None
        for ws, we in reversed(words):
            word = text[ws:we]
            if word.lower() in mrx.name_stop - {"i"} or word.lower() in ARTICLES or word.lower() in _CLAUSE_WORDS:
                break  # "Eldreombodet ventar at Trygg heime-reforma": the name starts after "at"
            if word[:1].isupper():
                start = ws
        if start is None or any(a.start <= start and m.end(1) <= a.end for a in context.actors):
            continue  # "NAV-kontoret": an actor's own office, not a named measure
        if context.framed(start, s.start):
            continue  # "måla i Trygg heime-reforma": a plan the text serves
        name_words = [text[a:b] for a, b in words if a >= start]
        if len(name_words) == 1 and not name_words[0].isupper():
            continue  # "Helse-prosjektet", "Oslo-satsinga": one capitalised word is a place or an actor
        found.append(Candidate(start, m.end(2), index, "named", named=True))
    for m in rx.quoted_name.finditer(text, s.start, s.end):
        copula = m.group(0)[m.end(1) - m.start():m.start(2) - m.start()].strip(" '’»\"-")
        # the noun right after the name, or after "er ein/eit" and one adjective ("er ein ny kvalitetsreform")
        nouns = [m.group(2)] + ([m.group(3)] if copula and m.group(3) else [])
        noun = next((n for n in nouns if mrx.instrument_word.match(n)), "")
        if (noun and not mrx.budget_noun.match(noun) and not context.starts_actor(m.start(1))
                and not context.framed(m.start(0), s.start)):
            found.append(Candidate(m.start(1), m.end(1), index, "named", named=True))
    return found


def _programme_periods(context: MeasureContext, rx: _Rx, index: int) -> list[Candidate]:
    """"folkehelseprogrammet i Innlandet 2024–2026": a programme compound (not a bare noun) with its period."""
    text, mrx = context.text, context.rx
    s = context.sentences[index]
    found = []
    for m in rx.programme_period.finditer(text, s.start, s.end):
        word = m.group(1)
        low = word.lower()
        if not mrx.programme_word.match(word) or mrx.anaphor.match(low):
            continue
        if any(low == h or low in tuple(h + e for e in mrx.bare_endings) for h in context.cues.instrument_heads):
            continue  # "planen 2024": a bare noun is a reference
        if is_document(low, context.cues.document_heads):
            continue  # "Kulturstrategi 2030": a document
        if context.named_elsewhere(m.start(1), s.start, m.end(3)):
            # "videreføres fra Kompetanseløft 2020": where items come from; "målene i ...": what it serves;
            # "... sjukehusplan 2020-2023 ligg til grunn for ...": the basis of the work
            continue
        found.append(Candidate(m.start(1), m.end(3), index, "named", named=True))
    return found


#: "med" after a plan's "for"-phrase says what it holds or costs, not what it is for.
_WITH = re.compile(r"\s+med\s", re.IGNORECASE)


def _described_plans(context: MeasureContext, rx: _Rx, index: int) -> list[Candidate]:
    """"Pengane inngår i opptrappingsplanen for psykisk helse", "ein handlingsplan for redusert bruk av rusmiddel":
    a plan of one of the kinds in ``plan_heads`` with what it is for, written in lower case, is the plan's name.
    Not a plan the text serves ("i tråd med opptrappingsplanen for ...") or takes items from."""
    text, mrx = context.text, context.rx
    s = context.sentences[index]
    found = []
    for m in rx.described_plan.finditer(text, s.start, s.end):
        if m.group(1)[:1].isupper() or context.named_elsewhere(m.start(1), s.start):
            continue  # a capitalised plan is read as a name already
        end = noun_phrase_end(context, m.end(), s.end)
        means = _WITH.search(text, m.end(), end)
        end = means.start() if means else end  # "handlingsplan for eldreomsorgen med om lag 30 milliardar"
        phrase = phrase_after(text, m.start(1), end, mrx)
        if phrase is not None and phrase[1] > m.end():
            found.append(Candidate(*phrase, index, "named"))  # a description: "planen"/"plan" share a key
    return found


def _presented_plans(context: MeasureContext, rx: _Rx, cues: ProseCues, index: int) -> list[Candidate]:
    """"Regjeringen vil legge fram en stortingsmelding om ruspolitikken", "har varslet en ny fosterhjemslov", "...
    legge fram en forebyggings- og behandlingsreform for rusfeltet, en ny prioriteringsmelding og ...": a plan,
    strategy, white paper, reform or law (``presented_heads``) that a verb of ``present_verbs`` introduces, and each
    one listed after it, is a measure; its phrase runs to the end of its noun phrase."""
    text, mrx = context.text, context.rx
    s = context.sentences[index]
    found = []
    for m in rx.presented.finditer(text, s.start, s.end):
        item = m
        while item is not None:
            limit = _list_end(context, item.end(1), s.end) if item.end(1) < s.end else s.end
            end = max(noun_phrase_end(context, item.start(1), limit), item.end(1))
            phrase = phrase_after(text, item.start(1), end, mrx)
            if phrase is None:
                break
            if text[phrase[0]:phrase[1]].lower() not in cues.presented_heads:
                found.append(Candidate(*phrase, index, "named"))  # not "strategi" alone ("en strategi for å ...")
            item = rx.presented_next.match(text, phrase[1], s.end)
    return found


def _defined_services(context: MeasureContext, rx: _Rx, cues: ProseCues, index: int) -> list[Candidate]:
    """"Heimehjelptenesta er eit tilbod til innbyggjarane som ...", "Helsestasjon for ungdom er eit lågterskeltilbod
    for ...": the subject a sentence opens with and defines as a service, project or scheme; or the subject that is
    to contribute to a goal ("Hverdagsrehabilitering skal bidra til at du ..."). Not a pronoun ("Dette er ei ny
    ordning"), an actor or a group."""
    text = context.text
    s = context.sentences[index]
    begin = s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip())
    purpose = rx.purpose_of.match(text, begin, s.end)
    if purpose is not None:
        # "Formålet med dagtilbud og aktivitetssentrene er å ...": what has a purpose is a measure; a bare reference
        # ("Formålet med ordninga er ...") or a document ("Formålet med denne rapporten") is none of its own
        words = purpose.group(1).split()
        if (words[0].lower() in cues.definition_stop_subjects or context.rx.anaphor.fullmatch(purpose.group(1))
                or len(words) == 1 and context.rx.definite_ending.search(words[0].lower()) is not None  # "planarbeidet"
                or is_document(head_of(purpose.group(1), context.rx), context.cues.document_heads)
                or context.starts_actor(purpose.start(1)) or context.is_group(purpose.group(1))):
            return []
        return [Candidate(purpose.start(1), purpose.end(1), index, "named", named=False)]
    m = rx.defined_service.match(text, begin, s.end)
    if m is None:
        m = rx.contributing.match(text, begin, s.end)
        if m is None or context.rx.definite_ending.search(m.group(1).lower()) or context.rx.budget_noun.match(m.group(1)):
            return []  # "Løyvinga skal bidra til ...", "Tilskotet skal ...": a reference to a measure named elsewhere
    first = m.group(1).split()[0].lower()
    head = re.split(r"\s(?:for|til|med|i|på|av)\s", m.group(1))[0]  # "Helsestasjon for ungdom": a service
    if first in cues.definition_stop_subjects or context.starts_actor(m.start(1)) or context.is_group(head):
        return []
    # one capitalised word is a name ("Kompasset"), kept as written like the other names of the text
    return [Candidate(m.start(1), m.end(1), index, "named", named=" " not in m.group(1))]


#: A place after a noun: "i Buskerud", "på Stord", "ved Lærdal" (capitalised words only: "ved Ålesund sykehus" ends
#: before "sykehus").
_PLACE_AFTER = re.compile(r"\s+(?:i|på|ved)\s+[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*){0,2}")


def _new_instruments(context: MeasureContext, rx: _Rx, cues: ProseCues, index: int) -> list[Candidate]:
    """"eit nytt byggjetrinn", "det nye sjukehusbygget i Haugesund", "i gang med ombygging".

    The noun must be a compound or a building: a bare instrument noun ("eit nytt tilskot", "den nye
    eininga") is a reference or left to the funding strategy, and the phrase ends before a verb.
    """
    text, mrx = context.text, context.rx
    s = context.sentences[index]
    found = []
    for pattern in (rx.new_noun, rx.start):
        for m in pattern.finditer(text, s.start, s.end):
            noun = m.group(1)
            place = (_PLACE_AFTER.match(text, m.end(), s.end)
                     if pattern is rx.new_noun and noun.lower().endswith(cues.care_place_heads)
                     and m.group(0).lower().split()[0] in ("ny", "nytt", "nyt") else None)
            built = is_building(noun, cues)
            building = built or place is not None
            if not building and pattern is rx.start:
                continue
            if not building and (not mrx.instrument_word.match(noun) or mrx.budget_noun.match(noun)):
                continue
            opener = m.group(0).lower().split()
            if pattern is rx.new_noun and opener[-2] == "nye" and opener[0] not in DEFINITE:
                continue  # "nye tiltak for ...": plural, the policy as a whole
            if mrx.plural_anaphor.match(noun):
                continue
            if any(a.is_money and m.start() <= a.start < s.end and a.start - m.end(1) < 40 for a in context.amounts):
                continue  # "eit nytt fond på 175 millionar": the funding strategy reads it
            # a phrase end the tagger splits ("ordning med sikte på at ...": "på" read as a conjunction) still ends it
            stop = mrx.phrase_end.search(text, m.start(1), s.end)
            limit = min(noun_phrase_end(context, m.start(1), s.end), stop.start() if stop else s.end)
            phrase = phrase_after(text, m.start(1), limit, mrx)
            if place is not None and not built:
                phrase = (m.start(1), place.end())  # "nytt sykehus i Molde og barneavdeling ...": the place ends it
            if phrase is None or (bare_head(noun, context) and len(tokens(text, *phrase)) == 1):
                continue  # "Et nytt tilskudd skal ...", "den nye eininga": a reference or a generic noun
            found.append(Candidate(*phrase, index, "introduced"))
    return found


def bare_head(word: str, context: MeasureContext) -> bool:
    """The word is an instrument head alone, maybe inflected ("tilskudd", "eininga", "bygget")."""
    low = word.lower()
    return any(low == h or low in tuple(h + e for e in context.cues.instrument_endings)
               for h in context.cues.instrument_heads)


def noun_phrase_end(context: MeasureContext, start: int, limit: int) -> int:
    """Where the noun phrase starting at ``start`` ends: before a verb, pronoun, number or new article.

    By the part-of-speech tags when the Doc has them, else before the first verb-like stop word
    ("er", "skal", "får" in ``name_stop_words``).
    """
    doc = context.doc
    if doc is not None and annotated(doc, "POS"):
        span = doc.char_span(start, limit, alignment_mode="expand")
        if span is not None:
            for n, t in enumerate(span):
                if t.pos_ == "VERB" and t.lower_.endswith("s") and context.rx.group_noun.match(t.lower_[:-1]):
                    continue  # "barn og unges psykiske helse", "eldres helse": a group's genitive the tagger reads as
                    # a passive verb
                if n and (t.pos_ in ("VERB", "AUX", "PRON", "NUM", "SCONJ", "DET") or t.is_punct):
                    return min(t.idx, limit)
            return limit
    verbs = context.rx.name_stop - {"for", "til", "med", "mot", "innen", "innenfor", "og", "på", "i"}
    for s, e in tokens(context.text, start, limit)[1:]:
        if context.text[s:e].lower() in verbs:
            return s
    return limit


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a run-in list: split at commas and at "og/eller" before a capital, brackets skipped.

    Lower-case items split at the last "og/eller" only when commas separate the others.

    >>> t = "Eldre ut på middag, Aktivitetstilbud og besøksverter (tiltakspakke for eldre) og Spisevenner"
    >>> [t[a:b] for a, b in split_items(t, 0, len(t))]
    ['Eldre ut på middag', 'Aktivitetstilbud og besøksverter', 'Spisevenner']
    >>> t = "kurs for frivillige, drift av møteplasser og leigebil"
    >>> [t[a:b] for a, b in split_items(t, 0, len(t))]
    ['kurs for frivillige', 'drift av møteplasser', 'leigebil']
    """
    # blank out bracketed asides, keeping offsets
    masked = list(text[start:end])
    depth = 0
    for n, ch in enumerate(masked):
        if ch == "(":
            depth += 1
        if depth:
            masked[n] = " "
        if ch == ")" and depth:
            depth -= 1
    body = "".join(masked)
    capital = body.lstrip()[:1].isupper()
    cuts = [m for m in re.finditer(r"\s*,\s+|\s+(?:og|eller)\s+", body)]
    items, begin = [], 0
    commas = any("," in m.group(0) for m in cuts)
    last_and = max((m.start() for m in cuts if "," not in m.group(0)), default=None)
    for m in cuts:
        if "," not in m.group(0):
            if body[m.start() - 1:m.start()] == "-":
                continue  # "helse- og omsorgstenester"
            following = body[m.end():m.end() + 1]
            if capital and not following.isupper():
                continue
            if not capital and not (commas and m.start() == last_and):
                continue
        items.append((begin, m.start()))
        begin = m.end()
    items.append((begin, len(body)))
    out = []
    for a, b in items:
        piece = body[a:b]
        a2 = a + len(piece) - len(piece.lstrip())
        b2 = a + len(piece.rstrip())
        if b2 > a2:
            out.append((start + a2, start + b2))
    return out


def _example_lists(context: MeasureContext, rx: _Rx, index: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """Run-in lists of measures: "Eksempler på avviklede ordninger er A, B og C", "tiltak, blant anna A og B"."""
    text, mrx = context.text, context.rx
    s = context.sentences[index]
    lists = []
    begins = [m.end() for m in rx.example.finditer(text, s.start, s.end)
              if any(mrx.instrument_word.match(w) for w in re.findall(WORD, m.group(0)))]
    for m in rx.among.finditer(text, s.start, s.end):
        if mrx.instrument_word.match(m.group(1)) and not mrx.budget_noun.match(m.group(1)):
            begins.append(m.end())
    for begin in begins:
        end = _list_end(context, begin, s.end)
        items = []
        for a, b in split_items(text, begin, end)[:MAX_ITEMS]:
            phrase = trim_phrase(text, a, b, mrx)
            if phrase is not None and len(tokens(text, *phrase)) <= 12:
                items.append(phrase)
        if len(items) >= 2 or (items and text[items[0][0]].isupper()):
            lists.append((begin, items))  # the offset where the list begins numbers its group
    return lists


def _list_end(context: MeasureContext, begin: int, limit: int) -> int:
    """Where a run-in list ends: the sentence end, a dash, a colon, an amount or a phrase-end word after the last item."""
    text, mrx = context.text, context.rx
    end = limit
    stop = re.compile(r"[.;:!?]|\s[–—]\s").search(text, begin, limit)
    if stop:
        end = stop.start()
    amount = next((a.start for a in context.amounts if begin <= a.start < end), None)
    if amount is not None:
        end = amount
    # the last item ends before a phrase-end word ("som", "for å") or "med/på/til" + a budget noun
    # ("... og Spisevenner med budsjett på til sammen ..."); "for personer med demens" stays
    last = max(text.rfind(",", begin, end), text.rfind(" og ", begin, end), begin)
    ends = re.compile(rf"\s(?:{alternation(context.cues.phrase_end_words)})\b", re.IGNORECASE)
    budget = re.compile(rf"\s(?:med|på|til)\s+({WORD})(?:\s+({WORD}))?", re.IGNORECASE)
    cuts = [m.start() for m in ends.finditer(text, last + 1, end)]
    cuts += [m.start() for m in budget.finditer(text, last + 1, end)
             if any(w and mrx.budget_noun.match(w) for w in m.groups())]
    return min(cuts, default=end)


# -- report prose (parse) --------------------------------------------------------------------------


def _parsed(context: MeasureContext) -> bool:
    return context.doc is not None and annotated(context.doc, "DEP") and annotated(context.doc, "LEMMA")


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _reports(context: MeasureContext, cues: ProseCues) -> list[ActionCandidate]:
    doc = context.doc
    assert doc is not None
    found: list[ActionCandidate] = []
    report = set(cues.report_verbs)
    strong = set(cues.strong_verbs)
    subjects = set(cues.subject_labels)
    objects = set(cues.object_labels)
    continuing = {verb.split()[0]: verb.split()[1:] for verb in cues.continue_verbs}
    pos = doc.to_array("POS")
    for i in numpy.flatnonzero((pos == VERB) | (pos == AUX)).tolist():  # the verbs only, without a Token per word
        token = doc[i]
        if token.dep_ in ("ATR", "acl", "acl:relcl", "amod"):
            continue
        lemma = _lemma(token)
        if lemma in continuing and _continues(token, continuing[lemma]):
            # "Utbygginga av Haugesund sjukehus held fram": a building or an instrument that goes on
            index = context.sentence_of(token.idx)
            subject = max((c for c in token.children if c.dep_ in subjects and c.i < token.i),
                          key=lambda c: c.i, default=None)  # the nearest: a title may hang on the same verb
            if (index is not None and subject is not None and subject.pos_ == "NOUN"
                    and (is_building(subject.text, cues) or context.rx.instrument_word.match(subject.text))):
                found += _candidates(context, subject, index, passive=True)
            continue
        if lemma not in report and lemma not in strong:
            continue
        index = context.sentence_of(token.idx)
        if index is None:
            continue
        tense = _tense(token, cues)
        if tense is None:
            continue
        if tense == "passive":
            if lemma not in report:
                continue
            aux = token.head
            subject = next((c for c in aux.children if c.dep_ in subjects), None)
            if subject is not None and subject.i < token.i and subject.pos_ in ("NOUN", "PROPN"):
                found += _candidates(context, subject, index, passive=True)
            continue
        if tense == "present" and lemma not in strong:
            continue
        if tense in ("past", "perfect") and lemma not in report:
            continue
        if tense == "modal" and lemma not in strong:
            continue
        if not _has_subject(token, subjects, cues):
            continue
        obj = next((c for c in token.children if c.dep_ in objects and c.i > token.i), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        found += _candidates(context, obj, index, passive=False)
    return found


def _continues(token: Token, particles: list[str]) -> bool:
    """The verb has the particle its continuing sense needs ("held *fram*"; "fortset" needs none)."""
    return not particles or any(c.lower_ in particles for c in token.children if c.i > token.i)


def _tense(token: Token, cues: ProseCues) -> str | None:
    """"past", "perfect", "passive", "present", "modal" (after vil/skal with a subject), or None."""
    morph = token.morph
    head = token.head
    chain = set(cues.chain_labels)
    if token.dep_ in chain and head is not token:
        # climb a coordination to the first verb of the chain ("vil legge ..., utvide ...")
        while head.dep_ in chain and head.head is not head and head.pos_ == "VERB":
            head = head.head
        hl = _lemma(head)
        if hl in cues.passive_auxiliaries and "Part" in morph.get("VerbForm") and "Past" in head.morph.get("Tense"):
            return "passive"
        if hl in cues.perfect_auxiliaries or head.text.lower() in cues.perfect_auxiliaries:
            return "perfect"
        if hl in cues.modal_auxiliaries or head.text.lower() in cues.modal_auxiliaries:
            return "modal"
        if token.dep_ == "KOORD" or token.dep_ == "conj":
            return _tense(head, cues) if head.pos_ == "VERB" and head is not token else None
    if "Fin" in morph.get("VerbForm"):
        if "Past" in morph.get("Tense"):
            return "past"
        if "Pres" in morph.get("Tense"):
            return "present"
    return None


def _has_subject(token: Token, subjects: set[str], cues: ProseCues) -> bool:
    """A subject on the verb or up its chain (auxiliary, coordination) that is no relative or dummy pronoun."""
    seen = 0
    node = token
    while seen < 6:
        subject = next((c for c in node.children if c.dep_ in subjects), None)
        if subject is not None:
            return subject.lower_ not in cues.generic_subjects
        if node.head is node or node.dep_ not in cues.chain_labels:
            return False
        node = node.head
        seen += 1
    return False


def _candidates(context: MeasureContext, noun: Token, index: int, *, passive: bool) -> list[ActionCandidate]:
    """The noun phrase of ``noun`` up to the next verb, clause or punctuation; a dashed apposition is the name."""
    text, rx = context.text, context.rx
    doc = noun.doc
    left = min((t.i for t in noun.subtree if t.i <= noun.i and not t.is_punct and not t.is_space), default=noun.i)
    end_i = noun.i + 1
    while end_i < len(doc):
        t = doc[end_i]
        if (t.text == "," and doc[end_i - 1].pos_ == "ADJ" and end_i + 2 < len(doc) and doc[end_i + 1].pos_ == "ADJ"
                and doc[end_i + 2].pos_ in ("ADJ", "NOUN")):
            end_i += 1  # "regionale, konkurranseutsatte forskningsmidler": a comma between adjectives
            continue
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or t.dep_ in ("SBU",):
            break
        if t.pos_ == "CCONJ" and end_i + 1 < len(doc) and doc[end_i + 1].pos_ in ("VERB", "AUX"):
            break
        end_i += 1
    s = context.sentences[index]
    lemma = _lemma(noun)
    if (rx.budget_noun.match(noun.text) or lemma in default_prose_cues().vague_objects
            or any(lemma.endswith(h) for h in context.cues.document_heads)):
        return []  # "vedtok budsjett for ...", "innført et nytt virkemiddel", "la fram ein strategi"
    start, end = doc[left].idx, min(doc[end_i - 1].idx + len(doc[end_i - 1]), s.end)
    if (start < s.start or end <= start or context.starts_actor(noun.idx) or context.starts_actor(start)
            or any(a.start < start <= a.end + 1 for a in context.actors)
            or context.text[start:end].split()[0] in context.cues.company_forms):
        return []  # "... ble Innherred Interkommunale Legevakt IKS vedtatt etablert": an actor
    if any(a.is_money and start <= a.start < end for a in context.amounts):
        return []
    found = []
    # "en interimvirksomhet – vaksinetjenesten": the apposition after a dash names it
    app = next((c for c in noun.children if c.dep_ in default_prose_cues().apposition_labels and c.i > noun.i
                and doc[c.i - 1].text in "–—-"), None)
    if app is not None and not passive:
        span: Span = doc[app.i:app.right_edge.i + 1]
        phrase = trim_phrase(text, span.start_char, min(span.end_char, s.end), rx)
        if phrase is not None:
            return [ActionCandidate(phrase, Candidate(*phrase, index, "report"))]
    # "en ny modell for X med et nytt råd": the new part after "med" is a measure of its own
    inner = re.search(r"\s+med\s+(?:en|ei|et|ein|eit)\s+(?:ny|nytt|nye)\s+", text[start:end])
    if inner is not None:
        second = trim_phrase(text, start + inner.end(), end, rx)
        if second is not None:
            found.append(ActionCandidate(second, Candidate(*second, index, "report")))
        end = start + inner.start()
    if noun.idx == start:  # "vedtok retningslinjer for fordeling av tilskudd til ...": the grant the rules are for
        start = past_rules(context, start, end)
    of = re.match(r"\S+\s+av\s+", text[start:end], re.IGNORECASE)
    if of is not None and noun.idx == start and noun.lower_ in context.cues.process_nouns:
        start += of.end()  # "vedtatt tildeling av regionale forskningsmidler": what is handed out, not the handing out
        end = context.source_start(start, end) or end  # "... forskingsmiddel frå Helse Midt-Noreg til ..."
    phrase = trim_phrase(text, start, end, rx)
    if phrase is not None:
        found.insert(0, ActionCandidate(phrase, Candidate(*phrase, index, "report")))
    return found


def past_rules(context: MeasureContext, begin: int, end: int) -> int:
    """Past "retningslinjer for tildeling av" (``rule_nouns``, "for", a ``process_nouns`` word and "av"/"til") to the
    grant the rules are adopted for: "vedtar retningslinjer for tildeling av tilskudd til livsmestringstiltak" decides
    the grant. ``begin`` itself when the object is no such rules phrase, or no instrument noun follows them."""
    cues = context.cues
    m = _rules(cues.rule_nouns, cues.process_nouns).match(context.text, begin, end)
    if m is None or not context.rx.instrument_word.match(m.group(1)):
        return begin
    return m.start(1)


@lru_cache(maxsize=4)
def _rules(rule_nouns: tuple[str, ...], process_nouns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(rule_nouns) or '(?!)'})\s+for\s+"
                      rf"(?:(?:{alternation(process_nouns) or '(?!)'})\s+(?:av|til)\s+)?([\w-]+)", re.IGNORECASE)
