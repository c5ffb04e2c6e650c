"""Strategy: what each monetary amount funds, read from its own clause.

For every money amount the text offers alternatives, tried in this order by the resolve step:

* **forward** ("til"-purpose phrases): "30 millioner kroner [mer] [i 2025] til Menn i helse", "X til å
  etablere ordningen Pilot Helse" (the instrument object), "X for å styrke ...", and after "bruke",
  "investere", "satse" the phrase after "på"/"i" ("bruke 20 millionar på eit nytt fond");
* **backward**: "bevilgningen til Y [økes] med X", "Til Y bevilges X", "Y på X" ("et fond på 175
  millioner", "ei ny tilskotsordning på 25 millionar kroner"), "Y styrkes/videreføres/kostar X"; a
  budget noun alone ("Det foreslås en bevilgning på 212,6 mill. kroner") funds the measure already named
  in the sentence or the topic of its section;
* **continuation**: a total without a phrase of its own (", til en samlet bevilgning på 102 millioner
  kroner") funds what the amount before it in the sentence funds;
* **reference**: a sentence opened by a definite reference ("Fondet blir på til sammen 245 millioner",
  "Tiltaket kostar 16 millionar") funds the measure referred to;
* **the sentence's measure**: an amount no phrase claims ("Den andre utlysinga av innovasjonsmidlar er klar, og
  Helse Vest lyser ut 16 millionar kroner") funds the measure the sentence names (the nearest before it, else the
  first after it; before it only for an amount in parentheses).

>>> from helsekg.extract.records import Actor, Amount
>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Regjeringen foreslår 30 millioner kroner mer til Menn i helse."
>>> amount = Amount("d", 21, 40, "30 millioner kroner", value=30_000_000, is_money=True, qualifier="Exact",
...                 kind="Increase")
>>> context = build_context(document_from_text(text, source="x.txt"), amounts=[amount])
>>> [cue.attempts for cue in find_funding_cues(context)]
[(NewPhrase(start=49, end=61, how='forward'),)]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from helsekg.extract.measures.candidates import (
    Continuation,
    FundedBefore,
    FundingAttempt,
    FundingCue,
    ListedUnder,
    NewPhrase,
    Reference,
    SectionTopic,
    SentenceMeasure,
)
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import WORD, Patterns, alternation
from helsekg.extract.measures.prose import default_prose_cues
from helsekg.extract.measures.phrases import (
    DEFINITE_NEW,
    DEMONSTRATIVES,
    MODAL,
    VERB_PARTICLES,
    demonstrative_instrument,
    has_finite_verb,
    head_of,
    instrument_object,
    lemma_words,
    named_in,
    not_a_measure,
    phrase_after,
    tokens,
    trim_phrase,
)
from helsekg.extract.records import Actor, Amount
from helsekg.nlp.amount_context import default_lemmas
from helsekg.nlp.amounts import money_column, money_header
from helsekg.nlp.extensions import annotated
from helsekg.nlp.lemmas import load_table

__all__ = ["backward", "find_funding_cues", "forward", "funded_participle", "means_word", "reference"]

#: What follows an amount and introduces the phrase it funds.
FORWARD_INTRO = re.compile(r"\s*(til\s+å|til|for\s+å)\s+", re.IGNORECASE)
#: "<budget noun> til Y": the start of Y.
BUDGET_TO = re.compile(rf"(?<![\w-])({WORD})\s+til\s+|(?<![\w-])([\w-]{{3,}}ramm(?:e|en|a|ene|ane|er|ar))\s+for\s+"
                       # "Bevilgningen for tilskuddet til kommunalt rusarbeid er på ...": the definite instrument it is for
                       rf"|(?<![\w-])({WORD})\s+for\s+(?=[a-zæøå][\w-]*(?:et|en|a|ene|ane)\s+til\s)"
                       # "Husbankens budsjett for tilskudd til utleieboliger ... til N": an instrument it is for
                       rf"|(?<![\w-])({WORD})\s+for\s+(?=([a-zæøå][\w-]*)\s+til\s)")
#: "N som skal brukes til Y", "N som skal stimulere til Y": a relative clause saying what the money goes to ("til å"
#: is left to the purposes)
_RELATIVE_USE = re.compile(
    r"\s*som\s+skal\s+(?:brukes|brukast|nyttes|nyttast|gå|stimulere|stimulera)\s+(til)\s+(?!å\s)", re.IGNORECASE)
#: "Til Y bevilges X" at the start of the clause.
TO_FIRST = re.compile(r"\W*til\s+(.+?),?\s+(\S+)\s*$", re.IGNORECASE | re.DOTALL)
#: "Til Y vert det sett av X", "Til Y foreslås det bevilget X": the fronted purpose, an auxiliary, "det", a participle
TO_FIRST_PASSIVE = re.compile(
    r"\W*til\s+(.+?),?\s+(?:blir|vert|er|ble|vart|blei|skal|kan|vil|foreslås|føreslåast|foreslår|føreslår)\s+"
    r"(?:det\s+)?(?:(?:bli|verte|vere|være|foreslått|føreslått)\s+)?(\S+?)(?:\s+(?:av|ut))?\s*$",
    re.IGNORECASE | re.DOTALL)
#: participles of setting money aside, with "av" ("sett av", "satt av")
_SET_ASIDE = frozenset({"sett", "satt", "avsett", "avsatt"})
#: "til sammen", "til slutt": an adverbial, no purpose
_TIL_ADVERBIALS = frozenset({"sammen", "saman", "slutt", "dømes", "eksempel", "tross", "nå", "no", "alle"})
#: The verbs of receiving money, in the one-word forms that open a clause ("mottar", "får", "fekk").
RECEIVING_FORMS = frozenset({"mottar", "mottek", "mottok", "får", "fær", "fekk", "fikk", "tildeles", "tildelast"})
#: The first word of a sentence.
FIRST_WORD = re.compile(rf"\W*({WORD})")
BUDGET_FALLBACK: tuple[FundingAttempt, ...] = (SentenceMeasure(), SectionTopic())
#: "for å bidra til ...": verbs that only state a purpose
PURPOSE_VERBS = frozenset({"bidra", "medverke", "medverka", "medvirke", "fremme", "fremje", "fremja",
                           # "Vel 182 millionar kroner går til å finansiere nye prosjekt": paying for what the scheme
                           # funds, not a measure of its own
                           "finansiere", "finansiera", "delfinansiere", "delfinansiera", "dekke", "dekkje",
                           # "... ikke skal utgjøre mer enn 2 milliarder kroner for å unngå ytterligere belastning":
                           # what the money keeps from happening or reaches is its purpose, never a measure
                           "unngå", "hindre", "hindra", "forhindre", "forhindra", "motvirke", "motverke", "motverka",
                           "oppnå"})


def find_funding_cues(context: MeasureContext) -> tuple[FundingCue, ...]:
    """One :class:`FundingCue` per monetary amount inside a sentence, in text order."""
    cues = []
    for amount in context.amounts:
        if not amount.is_money:
            continue
        index = context.sentence_of(amount.start)
        if index is None:
            continue
        attempts = parenthesised(context, amount, index) or forward(context, amount, index)
        if not attempts:
            before = tuple(a for a in backward(context, amount, index)
                           # "Det største enkeltbeløpet går til Askøy kommune som får ...": a clause, not what is funded
                           if not (isinstance(a, NewPhrase) and has_finite_verb(context.doc, a.start, a.end)))
            attempts = (*before, *change_cell(context, amount), *listed_under(context, amount), Continuation(),
                        *reference(context, amount, index))
            if SentenceMeasure() not in attempts:
                # last, the measure the sentence names; an amount in parentheses belongs to the phrase before it
                paren = PAREN_OPEN.search(context.text, max(0, amount.start - 30), amount.start)
                attempts += (SentenceMeasure(before=paren is not None),)
        cues.append(FundingCue(amount, index, attempts, applied=_applied_for(context, amount, index)))
    return tuple(cues)


#: an application's sum right before the amount ("søknader om til saman N", "Totalt var det søkt om over N",
#: "søknader om prosjektmidlar på til saman N", "eit samla søknadsbeløp på N")
_APPLIED = re.compile(r"(?i)(?<![\w-])(?:(?:søknad(?:er|ar|ene|ane)?|søkt|søkte)\s+om(?:\s+[\w-]+){0,4}?"
                      r"|(?:samla|samlet|total|totalt)\s+(?:søknadsbeløp|søknadssum)\w*\s+(?:på|er|var))\s+\Z")
#: what makes the sum one of many applications: a total, or applications counted ("fordelt på 23 søknadar")
_APPLICATIONS = re.compile(r"(?i)(?<![\w-])(?:totalt|til\s+saman|til\s+sammen|i\s+alt|samla|samlet|søknader|søknadar"
                           r"|søknadsbeløp\w*|søknadssum\w*)(?![\w-])")


def _applied_for(context: MeasureContext, amount: Amount, index: int) -> bool:
    """The amount is what many applications asked for ("Det kom inn 68 søknader om totalt 34 millionar kroner", "Det
    blei søkt om 28,3 millionar fordelt på 23 søknadar"), no measure's money: the allocation is named apart."""
    s = context.sentences[index]
    before = context.text[context.clause_start(amount.start, index):amount.start]
    if _APPLIED.search(before) is None:
        return False
    return _APPLICATIONS.search(before) is not None or _APPLICATIONS.search(context.text, amount.end, s.end) is not None


#: what may stand beside amounts on a table's amount line: "fra kr 29 837 000 til kr 49 837 000»"
_AMOUNT_LINE_WORDS = re.compile(r"[\s«»\"“”]*(?:(?:fra|frå|til|kr|kroner)[\s«»\"“”.,]*)*", re.IGNORECASE)
#: what may stand between the recipients of one table cell: "Suldal, Vindafjord og Sauda", "Tysvær kommune"
_RECIPIENT_JOINS = re.compile(r"[\s,]*(?:og\s*|kommune\s*)?")


def change_cell(context: MeasureContext, amount: Amount) -> tuple[FundingAttempt, ...]:
    """ "Spesielle driftsutgifter, kan nyttes under post 70, forhøyes med" / "20 000 000" / "fra kr 29 837 000 til kr
    49 837 000": an amount on a line of amounts alone, under the purpose cell of a budget change read one cell per
    paragraph, funds the post the cell names (its words before the first comma; a post's purpose, however generic:
    "Frivillig arbeid mv."). Under a money header, a cell of recipients above the amount ("Tysvær" / "85 000") makes
    it a share of the measure funded before the table."""
    text, verbs = context.text, context.cues.change_cell_verbs
    if not verbs:
        return ()
    above = _line_above_amounts(context, amount, _AMOUNT_LINE_WORDS, 4)
    if above is None:
        return ()
    line_start, line_end = above
    cell = text[line_start:line_end]
    words = cell.rstrip().split()
    if len(words) < 3 or words[-1].lower() != "med" or words[-2].lower() not in verbs:
        if money_column(text, text.rfind("\n", 0, amount.start) + 1) and _recipient_cell(context, line_start, line_end):
            # "Kommune" / "Tildelt" / "Tysvær" / "85 000": a recipient's share of the measure funded before the table
            return (FundedBefore(),)
        return ()
    comma = cell.find(",")
    phrase = trim_phrase(text, line_start, line_start + (comma if comma > 0 else len(cell)), context.rx)
    return (NewPhrase(*phrase, "cell"),) if phrase is not None else ()


#: what may stand beside an amount on a line of a year's amount: "I 2023: 820 000", "2024 – kr 534 000"
_YEAR_LINE_WORDS = re.compile(r"[\s:.,–-]*(?:(?:i|for|år|kr|kroner|nok|(?:19|20)\d\d)(?![\w-])[\s:.,–-]*)*",
                              re.IGNORECASE)


def listed_under(context: MeasureContext, amount: Amount) -> tuple[FundingAttempt, ...]:
    """ "Vi har innvilget følgende beløp:" / "I 2023: 820 000" / "I 2024: 534 000": an amount on a line of its own
    (with a year, "kr") in a run of such lines under a line ending in a colon funds what that line introduces."""
    above = _line_above_amounts(context, amount, _YEAR_LINE_WORDS, 8)
    if above is None or not context.text[above[0]:above[1]].rstrip().endswith(":"):
        return ()
    return (ListedUnder(above[0]),)


def _line_above_amounts(context: MeasureContext, amount: Amount, words: re.Pattern[str],
                        reach: int) -> tuple[int, int] | None:
    """The line above the run of lines that hold ``amount`` and nothing but amounts and what ``words`` matches (past
    blank lines): the cell or introduction the amounts stand under, as (start, end). None when the amount's own line
    has words of its own, or the run reaches the text's start or is longer than ``reach`` lines."""
    text = context.text
    own = line_start = text.rfind("\n", 0, amount.start) + 1
    for _ in range(reach):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if not _only_between(text, line_start, line_end, context.amounts_in(line_start, line_end), words):
            break  # a line of text
        if line_start == 0:
            return None
        line_start = text[:line_start].rstrip().rfind("\n") + 1  # the line above, past blank lines
    else:
        return None
    return None if line_start == own else (line_start, line_end)


def _recipient_cell(context: MeasureContext, start: int, end: int) -> bool:
    """The cell names recipients only ("Tysvær", "Suldal, Vindafjord og Sauda": actors joined by commas and "og"), or
    is the table's money header ("Tildelt")."""
    actors = [a for a in context.actors_in(start, end) if a.end <= end]
    if not actors:
        return money_header(context.text[start:end])
    return _only_between(context.text, start, end, actors, _RECIPIENT_JOINS)


def _only_between(text: str, start: int, end: int, spans: Sequence[Amount | Actor], words: re.Pattern[str]) -> bool:
    """``text[start:end]`` holds nothing but ``spans`` (in order) and, around them, what ``words`` matches whole."""
    pos, rest = start, []
    for span in spans:
        rest.append(text[pos:span.start])
        pos = max(pos, span.end)
    rest.append(text[pos:end])
    return all(words.fullmatch(r) for r in rest)


#: "(25 mill. kroner)", "(om lag 4 millionar kroner i 2024)": the amount alone in a parenthesis
PAREN_OPEN = re.compile(r"\(\s*(?:[^\W\d]+\s+){0,2}\Z")
PAREN_CLOSE = re.compile(r"\s*(?:(?:i|for)\s+(?:19|20)\d\d\s*)?\)")
LIST_NUMBER_BEFORE = re.compile(r"(?:\b\d{1,2}\.|[:)])\s*\Z")
#: where the phrase before the parenthesis begins: a list number ("2. "), a colon, a closing parenthesis
PAREN_PHRASE_START = re.compile(r"(?:[:;)]|\b\d{1,2}\.)\s*")
#: the comma or "og/eller" that opens the next item of a run-in list after a closing parenthesis
_NEXT_ITEM = re.compile(r"[\s,]*(?:(?:og|eller)\s+)?", re.IGNORECASE)


def parenthesised(context: MeasureContext, amount: Amount, index: int) -> tuple[FundingAttempt, ...]:
    """An amount alone in a parenthesis funds the phrase right before it: "2. Aktivitetstiltak for å motvirke
    ensomhet (150 mill. kroner)", "tilskot til dagaktivitetstilbod (om lag 4 millionar kroner)"."""
    text, rx = context.text, context.rx
    opening = PAREN_OPEN.search(text, max(0, amount.start - 30), amount.start)
    if opening is None or not PAREN_CLOSE.match(text, amount.end):
        return ()
    paren = opening.start()
    cstart = context.clause_start(paren, index)
    boundaries = list(PAREN_PHRASE_START.finditer(text, cstart, paren))
    if boundaries:
        begin = boundaries[-1].end()
        item = _NEXT_ITEM.match(text, begin, paren)  # "A (2,3 millionar), B (1,2 millionar) og C (...)"
        begin = item.end() if item else begin
    elif LIST_NUMBER_BEFORE.search(text, max(0, cstart - 6), cstart):  # the sentence opens a numbered item
        begin = cstart
    else:  # a list item or a line of its own: the whole clause, when it has no finite verb
        begin = _verbless_clause(context, cstart, paren)
        if begin is None:
            return ()
    runner = rx.runner.search(text, begin, paren)  # "utprøving av ... i regi av Norsk helsenett (1,2 millionar)"
    phrase = trim_phrase(text, begin, runner.start() if runner else paren, rx)
    if phrase is None or not_a_measure(text, *phrase, rx, doc=context.doc) is not None:
        return ()
    if context.starts_actor(phrase[0]):
        return ()
    return (NewPhrase(*phrase, "backward"),)


def _verbless_clause(context: MeasureContext, begin: int, end: int) -> int | None:
    """``begin`` when ``[begin, end)`` is a short clause with no finite verb (a list item's name, "Besøkstjeneste
    i kommunene"), else None: in running prose the phrase before a parenthesis is not reliably bounded."""
    doc = context.doc
    if doc is None or not annotated(doc, "MORPH"):
        return None
    span = doc.char_span(begin, end, alignment_mode="contract")
    if span is None or not len(span) or len(span) > 10:
        return None
    if any("Fin" in t.morph.get("VerbForm") for t in span):
        return None
    return span[0].idx


#: "frå"/"fra" before the body the money comes from.
_SOURCE = re.compile(r"\s+(?:frå|fra)\s+", re.IGNORECASE)
#: "fra/frå" and a phrase without numbers before "til": what the money is moved from ("fra dekningsgrad på
#: heldøgns omsorg til å styrke ..."); a number in it makes it a range ("fra 20 til 30 millioner").
_MOVED_FROM = re.compile(r"\s+(?:frå|fra)\s+(?:[^\W\d][\w-]*\s+){1,6}?(?=til\s)", re.IGNORECASE)
#: A verb, maybe its particle, and one word: "realisera prosjektet", "starte opp prosjektet".
_VERB_AND_OBJECT = re.compile(rf"\S+\s+(?:(?:{'|'.join(sorted(VERB_PARTICLES))})\s+)?(\S+)")


def forward(context: MeasureContext, amount: Amount, index: int) -> tuple[FundingAttempt, ...]:
    """The phrase after the amount: "X [mer] til Y", "X til å etablere Y", "X for å Y", "bruke X på Y"."""
    text, rx = context.text, context.rx
    s = context.sentences[index]
    if _PART_OF.search(text, max(s.start, amount.start - 40), amount.start):
        return ()  # "25 prosent av de 800 000 kronene er øremerket ...": a part of the sum goes there, not the sum
    allocator = _QUOTED_ALLOCATOR.match(text[s.start:amount.start])
    if allocator is not None:
        # "«Bedre helse og livskvalitet» lyser ut 120 millioner til intervensjonsforskning": the named programme that
        # hands the money out is what it is the budget of, not the research it goes to
        return (NewPhrase(s.start + allocator.start(1), s.start + allocator.end(1), "named"),)
    pos = amount.end
    means = None
    named = _INSTRUMENT_IN.match(text, pos, s.end)
    if (named is not None and rx.instrument_word.match(named.group(1)) and not rx.budget_noun.match(named.group(1))
            and not means_word(context, named.group(1))):
        # "9,5 milliarder i tiltakspakke til pandemihåndtering", "20 millionar kroner i tilskot til omsorgsbustader":
        # the instrument with what it is for; "5,85 millioner kroner i folkehelseprogrammet Ung4Reg": with its name
        phrase = phrase_after(text, named.start(1), s.end, rx)
        following = text[named.end():s.end].split(None, 1)
        if (phrase is not None and phrase[1] > named.end() and following
                and following[0].lower() not in DEMONSTRATIVES and not rx.anaphor.match(following[0])):
            return (NewPhrase(*phrase, "forward"),)  # not "i tilskot til dette formålet": that one takes up a measure
    strengthening = _strengthening_in(context.cues.strengthening_nouns).match(text, pos, s.end)
    if strengthening is not None:
        # "fekk Helse Vest 220,5 millionar kroner i varig styrking av basisramma": the strengthening is what is funded
        phrase = phrase_after(text, strengthening.start(1), s.end, rx)
        if phrase is not None:
            return (NewPhrase(*phrase, "forward"),)
    while True:
        source = _SOURCE.match(text, pos, s.end)
        if source is not None:
            body = next((a for a in context.actors if a.start == source.end() and a.kind == "organisation"), None)
            if body is not None:
                pos = body.end  # "N kroner i tilskot frå Bufdir til ...": where the money comes from
                continue
            moved = _MOVED_FROM.match(text, pos, s.end)
            if moved is not None:
                pos = moved.end()  # "omprioritere 112 millioner kroner fra heldøgns omsorg til ...": what it leaves
                continue
        m = rx.forward_skip.match(text, pos, s.end) or means_skip(context).match(text, pos, s.end)
        if not m or m.end() == pos:
            break
        if m.re is not rx.forward_skip and m.lastindex == 1:  # "i <means>"; "av <pot>" (group 2) is only skipped
            if not means_word(context, m.group(1)):
                break
            kind = re.split(r"midl|middel", m.group(1).lower())[0].rstrip("s")
            if (kind and kind not in context.cues.instrument_heads and not rx.budget_noun.match(m.group(1))
                    and not_a_measure(text, m.start(1), m.end(1), rx, doc=context.doc) is None):
                means = (m.start(1), m.end(1))  # "3,45 millionar i skjønsmidlar": a named kind of grant
        pos = m.end()
    if means is not None:
        return (NewPhrase(*means, "forward"),)
    rest = text[pos:s.end]
    clause = text[context.clause_start(amount.start, index):amount.start].lower()
    verb_intro = next((prep for verb, prep in rx.intros_after_verb.items()
                       if re.search(rf"\b{re.escape(verb)}\b", clause)), None)
    intro = (FORWARD_INTRO.match(rest) or _RELATIVE_USE.match(rest) or funded_participle(context).match(rest)
             or _earmarked(context.cues.earmark_participles).match(rest))
    if intro is None:
        # "10 millioner kroner for tiltak mot ensomhet": "for" before an instrument (not "for kommunene", "for 2024")
        instrument = _FOR_INSTRUMENT.match(rest)
        if instrument is not None and rx.instrument_word.match(instrument.group(2)):
            intro = instrument
    if intro is None and verb_intro:
        intro = re.match(rf"\s*({verb_intro})\s+", rest, re.IGNORECASE)
    if intro is None:
        # "11,2 milliarder kroner over refusjonsordningene A og B": the channel names the instrument
        channel = _channel(context).match(rest)
        if channel and rx.instrument_word.match(channel.group(2)) and not rx.budget_noun.match(channel.group(2)):
            intro = channel
    if intro is None:
        return ()
    if intro.lastindex and intro.group(1).lower() == "i" and rx.phrase_end.match(text, pos + intro.start(1) - 1):
        return ()  # "investeres for 6,3 mrd. kroner i løpet av planperioden": when, not what
    after = pos + intro.end()
    after += len(text[after:s.end]) - len(text[after:s.end].lstrip())
    if re.match(r"(?:19|20)\d\d(?:\s*[,.;:)]|\s+(?:i|og|for|fra|frå|til|med|på)\b|\s*$)", text[after:s.end]) or any(
            a.is_money and a.start == after for a in context.amounts):
        return ()  # "redusert fra 2 831 mill. kr til 122 mill. kr", "til 2022 i ...": a range or a year, no purpose
    if re.match(r"(?i)(?:sammen|saman|samen)\b", text[after:s.end]):
        return ()  # "..., til sammen 850 mill kroner": in all, the sum of the parts before; no purpose
    begin = pos + intro.end()
    kind = intro.group(1).lower().split()[0] + ("_å" if "å" in intro.group(1) else "")
    phrase = phrase_after(text, begin, s.end, rx)
    if phrase is None:
        return ()
    start, end = _before_next_sum(context, *phrase)
    if kind == "for_å" and _budget_to_before(context, amount, index):
        # "Økte bevilgninger til den sentrale helseforvaltningen med 300 millioner kroner for å sikre ...": the
        # budget line names what is funded; the purpose after the amount is its goal
        return ()
    if kind in ("for_å", "til_å") and text[start:end].split()[0].lower() in PURPOSE_VERBS:
        # "250 millioner kroner for å bidra til at flere ...": a purpose, not a measure; the money goes to
        # the measure the sentence or section is about
        return BUDGET_FALLBACK
    if kind in ("til_å", "for_å"):
        modal = MODAL.match(text, start, end)
        verb = modal.end() if modal else start  # "for å kunne starte opp ..."
        words = text[verb:s.end].split(None, 2)
        if len(words) >= 2 and words[1].lower() == "at":
            # "1500 millioner kroner for å sikre at Norge ...": a purpose clause, no measure's name
            return BUDGET_FALLBACK
        # "til å etablere ordningen Pilot Helse", "for å kunne starte opp dette prøveprosjektet": the object of
        # the verb when it is an instrument (after "for å" only a verb that starts or runs one: a purpose else)
        obj = instrument_object(text, verb, end, rx) if kind == "til_å" or rx.action.match(text, verb) else None
        strengthened = rx.strengthen.match(text, verb, end) if kind == "til_å" else None
        # "til å styrke døgnbehandlingen innen psykisk helsevern": what is strengthened
        strengthened_object = phrase_after(text, strengthened.end(), end, rx) if strengthened is not None else None
        if obj is not None:
            start, end = obj
        elif strengthened_object is not None:
            start, end = strengthened_object
        else:
            tail = _VERB_AND_OBJECT.fullmatch(text, verb, end)
            if tail and rx.anaphor.match(tail.group(1)):
                # "450 millionar kroner for å realisera prosjektet": the project named before
                return (Reference(tail.start(1), tail.end(1), alias=False),)
    recipients_only = False
    if kind == "til":
        start, end = _purpose_after_recipients(context, start, end, s.end)
        start, end = _generic_with_relative(context, start, end, s.end)
        recipients_only = context.is_group(text[start:end])
        through = _counted_through(context, start, end, s.end)
        if through is not None:
            return (NewPhrase(*through, "forward"),)
    first = text[start:end].split()[0]
    if rx.budget_noun.match(first) and len(text[start:end].split()) == 1:
        return ()
    if any(a.start == start and end <= a.end and a.actor_type in context.cues.recipient_body_types
           for a in context.actors):
        # "fordelt med 7,5 millionar kroner til Helse Sør-Øst": who gets a share of the measure funded before
        return (FundedBefore(), *BUDGET_FALLBACK)
    if first.lower() in context.cues.process_nouns:
        # "til fordeling av tilskudd til eldreformål": what is handed out, "til disposisjon for tiltak mot ensomhet":
        # what it is for; "til fordeling etter søknad", "til rådighet": nothing
        of = re.match(r"\S+\s+(?:av|til)\s+", text[start:s.end], re.IGNORECASE)
        phrase = phrase_after(text, start + of.end(), s.end, rx) if of else None
        if phrase is None:
            return ()
        start, end = phrase
    if rx.anaphor.match(text[start:end]) or _demonstrative(text, start, end, rx):
        return Reference(start, end, alias=False), NewPhrase(start, end, "forward")
    first_word = re.match(r"[\w-]+", text[start:end])
    if first_word and first_word.group().lower() in {w.lower() for w in default_prose_cues().purpose_nouns}:
        # "satt av 70 millioner til dette formålet i statsbudsjettet": the purpose alone, a generic noun that takes
        # up the measure before it (or the title's), wherever it is funded
        return (NewPhrase(start, start + first_word.end(), "forward"),)
    if (first_word and rx.anaphor.match(first_word.group())
            and re.match(r"\s+(?:i|for|på|frå|fra|over)\s", text[start + first_word.end():end])):
        # "til gjennomføring av planen i budsjettforslaget for 2004": the plan named before, wherever it is carried out;
        # "til ordningen over Helse- og omsorgsdepartementets budsjett": the scheme named before, and its channel
        return Reference(start, start + first_word.end(), alias=False), NewPhrase(start, end, "forward")
    if recipients_only:
        # "deler ut 171 millioner kroner til kommuner, frivillige organisasjoner og andre aktører": who gets the money,
        # no measure; the money goes to the measure the sentence or section is about
        return (NewPhrase(start, end, "forward"), *BUDGET_FALLBACK)
    return (NewPhrase(start, end, "forward"),)


#: The relative clause that says what a generic instrument does: "som skal førebygge", "som kan bidra til".
_WHAT_IT_DOES = re.compile(r"\s+som\s+(?:skal|kan|vil|skal\s+kunne)\s+(?=[a-zæøå])", re.IGNORECASE)

#: The word at a position (the relative clause's verb).
_WORD_AT = re.compile(r"[\w-]+")
#: Relative clauses that say when or how much, not what: "som skal starte opp", "som skal videreføres", "som skal
#: bidra til ..." (a purpose follows).
_NOT_WHAT_IT_DOES = re.compile(r"(?i:bidra|bidreg|medverk|medvirk|start|\w+(?:es|ast)\b)")


def _generic_with_relative(context: MeasureContext, start: int, end: int, limit: int) -> tuple[int, int]:
    """ "delt ut 109 millioner kroner til tiltak som skal motvirke konsekvensene av fattigdom": a generic noun alone
    ("tiltak", "prosjekt") names no measure, its relative clause says which: the noun with the clause's verb and
    object. Else the phrase as it was."""
    text, rx = context.text, context.rx
    clause = _WHAT_IT_DOES.match(text, end, limit)
    if clause is None or not_a_measure(text, start, end, rx) != "generic":
        return start, end
    verb = _WORD_AT.match(text, clause.end(), limit)
    if verb is None or _NOT_WHAT_IT_DOES.match(text, verb.start(), limit):
        return start, end
    after = phrase_after(text, verb.end(), limit, rx)
    if after is None or after[0] - verb.end() > 1:
        return start, end
    return start, after[1]


def _counted_through(context: MeasureContext, start: int, end: int, limit: int) -> tuple[int, int] | None:
    """ "120 millioner kroner til syv ulike prosjekter gjennom Program for klinisk behandlingsforskning": a count of
    projects is no measure, and the programme the money goes through is the one funded; None when the phrase is no
    count of instruments or no channel follows it."""
    if not_a_measure(context.text, start, end, context.rx, doc=context.doc) != "fragment":
        return None
    channel = _channel(context).match(context.text, end, limit)
    if channel is None or not (context.rx.instrument_word.match(channel.group(2)) or channel.group(2)[:1].isupper()):
        return None
    phrase = phrase_after(context.text, channel.end(), limit, context.rx)
    if phrase is None or not_a_measure(context.text, *phrase, context.rx, doc=context.doc) is not None:
        return None
    return phrase


#: the conjunction before a coordinated sum: "til prosjektet | og en bevilgning på 35 millioner kroner"
_BEFORE_SUM = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:og|samt)[^\S\n]|,[^\S\n]|(?<![\w-])(?<!-[^\S\n])(?:og|samt)[^\S\n]|[•\n])",
                         re.IGNORECASE)


#: at most this many words between that separator and the sum it coordinates ("og en bevilgning på")
_SUM_LEAD_WORDS = 4


def _before_next_sum(context: MeasureContext, start: int, end: int) -> tuple[int, int]:
    """The phrase ``[start, end)`` ended before the conjunction that coordinates another sum with it ("gi en samlet
    låneramme på 695 millioner kroner til prosjektet og en bevilgning på 35 millioner kroner": what the loan is for
    is "prosjektet"); unchanged when no sum of money starts inside it or no conjunction comes before that sum."""
    inner = next((a.start for a in context.amounts if a.is_money and start < a.start < end), None)
    if inner is None:
        return start, end
    # the last separator before that sum: a conjunction (not the "og" of "kunnskaps- og kompetansesentre"), a comma, a
    # bullet or a line break
    cut = None
    for cut in _BEFORE_SUM.finditer(context.text, start, inner):
        pass
    if cut is None or cut.start() <= start or len(context.text[cut.end():inner].split()) > _SUM_LEAD_WORDS:
        return start, end  # "sykehjem og hjemmetjenester Byrådet foreslår å bevilge 12 ...": no sum of its own
    return start, start + len(context.text[start:cut.start()].rstrip())


#: "... til kommunane | til ...": a second "til" after the recipients names what the money is for (not "til å")
_SECOND_TO = re.compile(r"(?:,[^\S\n]*(?:og[^\S\n]+)?|[^\S\n]+)til[^\S\n]+(?!å\s)")


def _purpose_after_recipients(context: MeasureContext, start: int, end: int, limit: int) -> tuple[int, int]:
    """The phrase after a second "til" when the "til" phrase at ``[start, end)`` opens with the recipients: "5 millionar
    kroner til kommunane til nye møteplassar for eldre", "25 millionar kroner til frivillige organisasjonar, til
    digitale produksjonar ...": who gets the money, then what it is for. ``(start, end)`` itself otherwise."""
    text = context.text
    inner = _SECOND_TO.search(text, start, end)
    if inner is None or len(text[start:inner.start()].split()) > 4 or not context.is_group(text[start:inner.start()]):
        inner = _SECOND_TO.match(text, end, limit) if context.is_group(text[start:end]) else None
    second = phrase_after(text, inner.end(), limit, context.rx) if inner is not None else None
    return second if second is not None else (start, end)

#: "N [kroner] i <instrument> til/for ...": the instrument the amount is given as, and what it is for;
#: "N [kroner] som <instrument> til/for ...", "N i årleg tilskot til ...": an adjective may stand before the instrument
_INSTRUMENT_IN = re.compile(r"\s+(?:mer\s+|meir\s+|ekstra\s+)?(?:i|som)\s+(?:[a-zæøå]+\s+)?([\w-]+)\s+"
                            r"(?:(?i:til|for)\s+(?!å\s)|(?=[«\"“]?[A-ZÆØÅ]))")


def _raised(context: MeasureContext, start: int, end: int) -> bool:
    """A word of ``text[start:end]`` raises or cuts a sum to the level after "til" ("har økt ... til", "vert auka ...
    til", "er redusert ... til"): its lemma is one of the amount lexicon's ``increase`` or ``reduction`` lemmas."""
    lemmas = default_lemmas()
    changes = lemmas.increase | lemmas.reduction
    return any(lemma in changes for lemma in lemma_words(context.text, start, end, context.doc))


def _budget_to_before(context: MeasureContext, amount: Amount, index: int) -> bool:
    """A budget noun with "til" ("bevilgningen til Y", "løyvingane til Y") opens the amount's clause, with "med" or
    "på" right before the amount, or "til" when the clause raises or cuts it to a level ("har økt Husbankens
    budsjett for tilskudd til utleieboliger i 2016 til 1 044,6 millioner kroner")."""
    text, rx = context.text, context.rx
    before = text[context.clause_start(amount.start, index):amount.start]
    if not re.search(r"\s(?:med|på)\s+(?:\w+\s+)?$", before) and not (
            re.search(r"\stil\s+(?:\w+\s+)?$", before)
            and _raised(context, amount.start - len(before), amount.start)):
        return False
    return next(_budget_lines(before, rx), None) is not None


def _budget_lines(before: str, rx: Patterns) -> Iterator[re.Match[str]]:
    """The "<budget noun> til Y" / "<...ramme> for Y" openings in ``before`` whose noun is a budget noun."""
    return (m for m in BUDGET_TO.finditer(before)
            if rx.budget_noun.match(m.group(1) or m.group(2) or m.group(3) or m.group(4))
            and (m.group(4) is None or rx.instrument_word.fullmatch(m.group(5))))


def _demonstrative(text: str, start: int, end: int, rx: Patterns) -> bool:
    """One instrument noun after a demonstrative: "dette prøveprosjektet" is the project named before."""
    before = text[max(0, start - 12):start].split()
    phrase = text[start:end]
    return bool(before) and " " not in phrase and demonstrative_instrument([before[-1], phrase], rx)


@lru_cache(maxsize=4)
def _channel_intro(prepositions: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s*({alternation(prepositions)})\s+(?=(?:{WORD}\s+)??({WORD}))", re.IGNORECASE)


def _channel(context: MeasureContext) -> re.Pattern[str]:
    """"over/gjennom/via" + an instrument noun within two words: the channel the amount goes through."""
    return _channel_intro(context.cues.channel_prepositions or ("over", "gjennom", "via"))


#: "i tilskuddsmidler", "(+8,7 prosent)": what the amount is in, or an aside, between it and its purpose.
MEANS_SKIP = re.compile(rf"\s*(?:\([^()]{{0,40}}\)|i\s+(?:(?:ekstra|nye|øremerkede|øyremerka|statlige|statlege)\s+)?"
                        # "i regionale forskningsmidler": adjectives of the means are part of its name
                        rf"((?:[a-zæøå]{{3,}}e\s+){{0,2}}{WORD})"
                        # "3,4 mill. kroner av skjønnsmidlane for 2017 til ...": the pot the money is taken from
                        rf"|av\s+({WORD}(?:midlane|midlene|midla|potten|rammen|ramma|løyvinga|bevilgningen))"
                        rf"(?:\s+(?:for|i)\s+(?:19|20)\d\d)?"
                        # "110 millioner av økte midler til sykehusene skal settes av til ...": new money for a sector
                        rf"|av\s+(?:økte|økt|auka|nye)\s+(?:midler|midlar)(?:\s+til\s+{WORD})?"
                        rf"(?=\s+(?:skal|vil|blir|vert|går|gjekk|gikk|settes|setjast|brukes|brukast)\s))",
                        re.IGNORECASE)


def means_skip(context: MeasureContext) -> re.Pattern[str]:
    """An aside in brackets or "i <means noun>" right after an amount (skipped before the purpose)."""
    return MEANS_SKIP


def means_word(context: MeasureContext, word: str) -> bool:
    """A noun naming money as such ("tilskuddsmidler", "skjønsmidlar", "løyving"), or a kind of grant
    ("skjønstilskot", "stimuleringstilskudd"), not what it funds."""
    low = word.lower()
    goods = context.cues.goods_means_prefixes
    if any(low.startswith(p) and low[len(p):].startswith(("middel", "midl")) for p in goods):
        return False  # "hjelpemiddel", "legemidlar", "rusmidler": goods, no money ("legevaktmidlar" are money)
    return bool(context.rx.budget_noun.match(low)) or low.endswith(("midler", "midlar", "middel", "midla", "midlene",
                                                                    "midlane")) or _GRANT_KIND.search(low) is not None


#: A compound of a grant noun with its kind: "skjønstilskot", "stimuleringstilskudd" (the bare noun is no kind).
_GRANT_KIND = re.compile(r"^[\w-]{3,}?s?(?:tilskott|tilskot|tilskudd)(?:et|a)?$")


@lru_cache(maxsize=4)
def _participle_intro(participles: tuple[str, ...]) -> re.Pattern[str]:
    # "vert difor føreslått løyvd til": an adverb, and a participle of proposing before the one of granting
    return re.compile(rf"\s*(?:(?:er|blir|vert|ble|vart|var|skal\s+bli|skal\s+verte)\s+)?"
                      rf"(?:(?:difor|derfor|også|òg|no|nå)\s+)?(?:(?:{alternation(participles)})\s+)?"
                      rf"(?:{alternation(participles)})\s+(til\s+å|til|for\s+å)\s+", re.IGNORECASE)


#: "for [adjective] <noun>": the noun checked as an instrument
_FOR_INSTRUMENT = re.compile(r"\s*(for)\s+(?=(?:[a-zæøå]+[ea]\s+)?([\w-]+))", re.IGNORECASE)
#: "25 prosent av de", "halvparten av": a part of the amount that follows
_PART_OF = re.compile(r"(?i)(?:prosent|%|halvparten|halvdelen|delen|parten|andelen)\s+av\s+"
                      r"(?:(?:de|dei|disse|desse)\s+)?$")


@lru_cache(maxsize=4)
def _earmarked(participles: tuple[str, ...]) -> re.Pattern[str]:
    """ "N er øremerket kommunalt rusarbeid": earmarking takes what the money is for as its object, "til" or not
    (``earmark_participles``; with "til" the participle reads as :func:`funded_participle`)."""
    return re.compile(rf"\s*(?:(?:er|blir|vert|ble|vart|var)\s+)?({alternation(participles) or '(?!)'})\s+"
                      r"(?![Tt]il\s|[Ff]or\s)", re.IGNORECASE)


def funded_participle(context: MeasureContext) -> re.Pattern[str]:
    """"X er knyttet til Y", "X vert øyremerka til Y": a participle between the amount and its purpose."""
    return _participle_intro(context.cues.funded_participles)


def backward(context: MeasureContext, amount: Amount, index: int) -> tuple[FundingAttempt, ...]:
    """The phrase before the amount in its clause (see the module docstring)."""
    text, rx = context.text, context.rx
    cstart = context.clause_start(amount.start, index)
    before = text[cstart:amount.start]
    # "bevilgningen til Y [økes] med X", "løyvinga til Y vert redusert med X", "ramma til Y på X"; "Tildelinga til
    # prosjektskjønn er førebels på kroner X": what an allocation goes to
    allocations = (m for m in BUDGET_TO.finditer(before) if m.group(1) and m.group(1).lower() in _ALLOCATIONS
                   and not _UNTIL_NOW.match(before, m.end()))  # "tildelinga til no": so far, not to what
    for m in itertools.chain(_budget_lines(before, rx), allocations):
        begin = cstart + m.end()
        stop = rx.budget_clause_verb.search(text[begin:amount.start])
        end = begin + stop.start() if stop else amount.start
        phrase = phrase_after(text, begin, end, rx)
        if phrase and text[phrase[0]:phrase[1]].lower() in context.cues.process_nouns:
            return BUDGET_FALLBACK  # "Budsjett til fordeling er 250 000 kroner": the budget of the page's measure
        if phrase:
            if rx.anaphor.match(text[phrase[0]:phrase[1]]):
                return Reference(*phrase, alias=False), NewPhrase(*phrase, "backward")
            return (NewPhrase(*phrase, "backward"),)
    # "Til Y bevilges X" at the start of the sentence; "Til Y vert det sett av X", "Til Y foreslås det bevilget X"
    m = TO_FIRST_PASSIVE.match(before)
    if not (m and (rx.funding_verb.match(m.group(2)) or m.group(2).lower() in _SET_ASIDE)):
        m = TO_FIRST.match(before)
        m = m if m and rx.funding_verb.match(m.group(2)) else None
    if m and m.group(1).split()[0].lower() not in _TIL_ADVERBIALS:
        phrase = trim_phrase(text, cstart + m.start(1), cstart + m.end(1), rx)
        if phrase:
            return (NewPhrase(*phrase, "backward"),)
    # "Til prosjektet «X», mottar Gjesdal kommune 4,4 millioner kroner": the fronted purpose, the verb, its recipient
    recipient = next((a for a in context.actors_in(cstart, amount.start)
                      if a.end == cstart + len(before.rstrip())), None)
    m = TO_FIRST.match(text, cstart, recipient.start) if recipient is not None else None
    if m and (rx.funding_verb.match(m.group(2)) or m.group(2).lower() in RECEIVING_FORMS):
        phrase = trim_phrase(text, m.start(1), m.end(1), rx)
        if phrase:
            return (NewPhrase(*phrase, "backward"),)
    # "bygge ut det somatiske tilbudet i Skien for inntil 900 millioner kroner": what is built
    built = rx.built_for.search(before)
    if built:
        phrase = trim_phrase(text, cstart + built.start(1), cstart + built.end(1), rx)
        if phrase:
            return (NewPhrase(*phrase, "backward"),)
    # "en styrking av kommunenes frie inntekter på 100 millioner kroner": the strengthening by the amount
    strengthening = _strengthening_on(context.cues.strengthening_nouns).search(before)
    if strengthening:
        phrase = trim_phrase(text, cstart + strengthening.start(1), cstart + strengthening.end(1), rx)
        if phrase and not has_finite_verb(context.doc, *phrase):
            return (NewPhrase(*phrase, "backward"),)
    # "Y på X": "et fond på 175 millioner", "ei ny tilskotsordning på 25 millionar kroner"
    m = rx.on_amount.search(before)
    if m:
        head = m.group(2)
        if head.lower() in context.cues.prize_nouns:
            return (SectionTopic(),)  # "Vinneren vil motta en premie på 100.000 kroner": the prize the text is about
        if rx.instrument_word.match(head) and not rx.budget_noun.match(head):
            phrase = (cstart + m.start(), cstart + m.end(2))
            if context.is_definite(head):
                return Reference(*phrase, alias=True), NewPhrase(*phrase, "backward")
            return (NewPhrase(*phrase, "backward"),)
        if rx.budget_noun.match(head):
            owner = _FRAME_OWNER.match(before, 0, m.start(2))
            if owner is not None:
                # "Byggetrinn 2 i Bodø har en kostnadsramme på N", "Prosjektet har ei ramme på N": the subject that
                # has the frame is what the money is for
                phrase = trim_phrase(text, cstart + owner.start(1), cstart + owner.end(1), rx)
                words = text[phrase[0]:phrase[1]] if phrase is not None else ""
                if (phrase is not None and not context.starts_actor(phrase[0]) and not _clause(text, phrase)
                        and not context.is_group(words)
                        and words.split()[0].lower() not in context.cues.frame_non_owners):
                    if _short_definite(context, phrase) or rx.anaphor.match(words):
                        return Reference(*phrase, alias=True), *BUDGET_FALLBACK
                    return NewPhrase(*phrase, "backward"), *BUDGET_FALLBACK
            framed = _framed_object(context, cstart, cstart + m.start(2))
            if framed is not None:
                # "foreslår å bevilge lån til Oslo universitetssykehus til vedlikeholdsinvesteringer med en låneramme
                # på 1,3 milliarder kroner": what has the frame is what the money is for
                return NewPhrase(*framed, "backward"), *BUDGET_FALLBACK
            return BUDGET_FALLBACK
        described = _instrument_phrase_before(context, cstart, cstart + m.start(2), cstart + m.end(2))
        if described is not None:
            # "det må etableres stimuleringstilskudd for etablering av dagtilbud for demente på 20 mill. kroner": the
            # instrument noun and its complement before "på"
            return (NewPhrase(*described, "backward"),)
    # "styrkar arbeid med psykisk helse med X", "Dette gjelder A med X, B med Y og C med Z"
    funded = with_amount(context, amount, index)
    if funded:
        return funded
    # "Y styrkes/videreføres/reduseres med X": the subject of the clause
    attempts: tuple[FundingAttempt, ...] = ()
    m = rx.change_subject.match(before)
    if m:
        subject_end = m.end(1)
        if m.group(2) and _noun_at(context, cstart + m.start(2), cstart + m.end(2)):
            # "Nytt helsehus i Knarvik er berekna å koste ...": the word before the verb is the subject's last noun
            subject_end = m.end(2)
        phrase = trim_phrase(text, cstart + m.start(1), cstart + subject_end, rx)
        if phrase is None and m.group(2):  # "Det nye helsehuset kostar": the subject ends in the word before the verb
            phrase = trim_phrase(text, cstart + m.start(1), cstart + m.end(2), rx)
        if phrase and _fronted_adverbial(context, *phrase):
            phrase = None  # "I revidert statsbudsjett fekk Helse Vest ...": the subject follows the verb
        if phrase:
            phrase, budget = _noun_phrase_of(context, phrase)
            if budget:
                return BUDGET_FALLBACK
        if phrase:
            # "Prosjektet Trygg heime får ...": the name after the instrument noun is the measure
            phrase = named_in(text, phrase[0], amount.start, rx) or phrase
            words = text[phrase[0]:phrase[1]]
            if rx.budget_noun.match(words.split()[0]):
                return BUDGET_FALLBACK
            if words.lower() in context.cues.recipient_nouns:
                return (SectionTopic(),)  # "Vinnaren får 100 000 kroner": the prize the text is about
            if _short_definite(context, phrase):
                attempts = (Reference(*phrase, alias=True),)
            new = _NEW_DEFINITE.match(text, cstart + m.start(1), phrase[1])
            if new is not None and rx.definite_ending.search(new.group(1).lower()):
                # "Det nye sykehuset i Østfold koster ...": the new hospital named before ("nytt sykehus på Kalnes")
                attempts = (Reference(new.start(1), new.end(1), alias=True),)
            if not context.starts_actor(phrase[0]) and not context.is_group(words):
                return (*attempts, NewPhrase(*phrase, "backward"))
    # a budget noun in the clause: "Det foreslås en bevilgning på X", "Kostnadene er om lag X"
    if any(rx.budget_noun.match(w) for w in re.findall(r"[\w-]+", before)):
        return (*attempts, *BUDGET_FALLBACK)
    return attempts


#: "å" right after a subject that follows its verb ("foreslår rådmannen å styrke ...")
_INFINITIVE_AFTER = re.compile(r"\s+(?:(?:også|òg|derfor|difor)\s+)?å\s+")
#: the definite allocation nouns whose "til Y" names what the money goes to ("Tildelinga til prosjektskjønn er ...")
_ALLOCATIONS = frozenset({"tildelinga", "tildelingen", "fordelinga", "fordelingen", "utdelinga", "utdelingen"})
#: a quoted name opening the sentence as the subject of a verb that hands money out ("«Bedre helse og livskvalitet»
#: lyser ut ..."; a body would be no quoted name)
_QUOTED_ALLOCATOR = re.compile(r"\s*[«\"“]([A-ZÆØÅ][^«»\"“”\n]{2,100})[»\"”]\s+"
                               r"(?:lyser|lyste|deler|delte|tildeler|tildelte|fordeler|fordelte)(?:\s+ut)?"
                               r"(?:\s+(?:i\s+år|nå|no|totalt|i\s+alt))?\s+\Z")
#: "til no", "til nå", "til dags dato": until now
_UNTIL_NOW = re.compile(r"(?i)(?:no|nå|nu|dags\s+dato)\b")
#: the words that open a clause ("at ..."), or an infinitive ("å ..."), never a subject's noun phrase
_CLAUSE_MARKERS = frozenset({"at", "å"})
#: the words that name a budget chapter or post ("kap. 856 post 1")
_POST_WORDS = frozenset({"kap", "kapittel", "post", "posten"})

#: "Det nye sykehuset", "Den nye ordninga": a definite article, "nye" and the noun it takes up
_NEW_DEFINITE = re.compile(rf"\W*{DEFINITE_NEW}([\w-]+)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _strengthening_in(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "i [adjective] <strengthening noun> av/til" right after an amount."""
    return re.compile(rf"(?i)\s+i\s+(?:[a-zæøå]+\s+)?((?:{alternation(nouns) or '(?!)'})\s+(?:av|til)\s+)")


@lru_cache(maxsize=4)
def _strengthening_on(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "<strengthening noun> av <phrase> på" closing the words before an amount."""
    return re.compile(rf"(?i)(?<![\w-])((?:{alternation(nouns) or '(?!)'})\s+av\s+(?:(?!\s(?:på|med)\s)[^.;:!?\n]){{1,80}}?)"
                      rf"\s+på\s+"
                      rf"(?:(?:totalt|til\s+sammen|til\s+saman|om\s+lag|omkring|rundt|nesten|vel|over)\s+)?$")


#: How many words an instrument noun may stand before "på <amount>" with its complement in between.
_DESCRIBED_REACH = 8
#: The complement of an instrument noun opens with a preposition ("stimuleringstilskudd for etablering av ...").
_COMPLEMENT = re.compile(r"\s+(?:for|til|av|med|mot|innan|innen|i)\s", re.IGNORECASE)


def _instrument_phrase_before(context: MeasureContext, cstart: int, head_start: int, end: int) -> tuple[int, int] | None:
    """The phrase from the first instrument noun of the last :data:`_DESCRIBED_REACH` words before ``head_start`` (after
    any comma) to ``end`` (the word before "på"), when no finite verb lies in it: "stimuleringstilskudd for etablering
    av dagtilbud for demente"; None otherwise."""
    text, rx = context.text, context.rx
    comma = text.rfind(",", cstart, head_start)
    words = tokens(text, max(cstart, comma + 1), head_start)[-_DESCRIBED_REACH:]
    for start, stop in words:
        low = text[start:stop].lower()
        if rx.instrument_word.match(low) and not rx.budget_noun.match(low):
            complement = _COMPLEMENT.match(text, stop, end)
            if not complement:
                return None  # "Fondet blir på ...": no complement follows the noun (a copula does)
            if low in context.cues.instrument_heads and (
                    complement.group().strip().lower() not in ("til", "for")
                    or context.is_group(text[complement.end():end]) or context.starts_actor(complement.end())):
                return None  # a bare "tilskudd" only with what it is for: "tilskudd til skolehelsetjenesten på N"
            phrase = trim_phrase(text, start, end, rx)
            if (phrase is None or has_finite_verb(context.doc, *phrase)
                    or not_a_measure(text, *phrase, rx, doc=context.doc)):
                return None
            return phrase
    return None


def _noun_at(context: MeasureContext, start: int, end: int) -> bool:
    """The word at ``text[start:end]`` is a noun or a name: the tagger says so, or the parse makes it the object of a
    preposition ("for hjemmeboende eldre", an adjective used as a noun); without a tagger, it is capitalised."""
    doc = context.doc
    if doc is None or not annotated(doc, "POS"):
        return context.text[start:start + 1].isupper()
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and (span[0].pos_ in ("NOUN", "PROPN") or span[0].dep_ == "PUTFYLL")


def _fronted_adverbial(context: MeasureContext, start: int, end: int) -> bool:
    """The words before the verb are an adverbial, not its subject ("I revidert statsbudsjett fekk ...", "Kvart år
    over seks år får ..."): with a parse, no word of theirs is a subject; without, they open with a preposition
    or "kvart/hvert"."""
    doc = context.doc
    if doc is not None and annotated(doc, "DEP"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return not any(t.dep_ in SUBJECT_LABELS for t in span)
    first = context.text[start:end].split()[0].lower()
    return first in context.cues.object_prepositions or first in FRONTED_QUANTIFIERS


SUBJECT_LABELS = frozenset({"SUBJ", "nsubj", "nsubj:pass", "FSUBJ"})
FRONTED_QUANTIFIERS = frozenset({"kvart", "hvert", "kvar", "hver"})


MED_BEFORE = re.compile(r"(?<![\w-])med\s+\Z", re.IGNORECASE)
ITEM_LEAD = re.compile(r"[\s,]*(?:(?:og|eller)\s+)?")


def with_amount(context: MeasureContext, amount: Amount, index: int) -> tuple[FundingAttempt, ...]:
    """ "<verb> Y med X" and items "A med X, B med Y og C med Z": the phrase before "med" that follows the
    clause's last finite verb (or the amount of the item before) is funded: "Regjeringa styrkar arbeid med
    psykisk helse med 300 millionar kroner", "Dette gjelder nytt sykehus på Kalnes med 235 millioner kroner".

    Needs the morphology (finite verbs); "Y økes med X" leaves no phrase after the verb and is read as the
    subject of the change instead.
    """
    text, rx, doc = context.text, context.rx, context.doc
    med = MED_BEFORE.search(text, max(0, amount.start - 8), amount.start)
    if med is None or doc is None or not annotated(doc, "MORPH"):
        return ()
    cstart = context.clause_start(amount.start, index)
    before = [a for a in context.amounts if a.is_money and cstart <= a.start and a.end <= med.start()]
    begin = before[-1].end if before else cstart
    if begin > med.start():
        return ()  # "forhøyes med" closing the cell above a table's amount: no phrase of this clause
    begin += ITEM_LEAD.match(text, begin, med.start()).end() - begin
    span = doc.char_span(begin, med.start(), alignment_mode="contract")
    if span is None or not len(span):
        return ()
    # (a participle the dictionary knows only as a noun is one: "vil styrke familievernet med N")
    table = load_table()
    finite = [t for t in span if "Fin" in t.morph.get("VerbForm")
              or "Part" in t.morph.get("VerbForm") and not table.only_as("NOUN", t.text, not_as="VERB")
              # (not a participle that qualifies the noun before it: "inntektskravet knyttet til driftskreditter")
              and not (t.pos_ == "ADJ" and t.i > span.start and t.doc[t.i - 1].pos_ == "NOUN")]
    relative = [t for t in finite if _in_relative_clause(t, span)]
    if relative:
        # "auke tilskotet til lag som driv aktivitetar ... med N": the verb of a relative clause is part of the
        # funded phrase, not the clause's verb; the funded phrase starts before its noun
        finite = [t for t in finite if t.i < relative[0].i]
    passive = _passive_subject(span, finite)
    if passive is not None:
        # "Opptrapping psykisk helse er lagt inn med 1 mill. kroner": only a particle follows the participle, so the
        # subject is what the money is put in for
        phrase = trim_phrase(text, begin, passive, rx)
        funded = () if phrase is None else _funded_with(context, phrase)
        if funded and _short_definite(context, phrase):
            return (Reference(*phrase, alias=True), *funded)  # "Tilskotet vert auka med N": the grant named before
        return funded
    end = med.start()
    while len(span) > 1 and span[-1].lower_ in _SUM_PARTICLES and span[-1].pos_ in _PARTICLE_POS:
        # "settes inntektskravet ... ned med N", "Tilskuddet ... settes ned med N": the verb's particle, no phrase's
        end = span[-1].idx
        span = span[:-1]
    last = finite[-1] if finite else None
    if last is not None and last.i == span.end - 1 and "Pass" in last.morph.get("Voice") and last.i > span.start:
        # "Tilskuddet til frivillige settes ned med 5 mill.": an s-passive's subject is what the money changes
        phrase = trim_phrase(text, begin, last.idx, rx)
        return () if phrase is None else _funded_with(context, phrase)
    if finite:
        begin = finite[-1].idx + len(finite[-1].text)
    elif not before and not relative and not (context.sentences[index].bullet is not None
                                              and begin == context.sentences[index].start):
        # no verb and no item before: "kommunen med 2 millioner" is no funded phrase; a list item that opens with what
        # it funds is one ("• Styrking av fastlegeordningen med 100 millioner kroner")
        return ()
    begin += len(text[begin:med.start()]) - len(text[begin:med.start()].lstrip())
    inverted = next((a for a in context.actors_in(begin, med.start()) if a.start == begin), None)
    if inverted is not None:
        # "foreslår rådmannen å styrke budsjettrammene med N": the subject after the verb, then what is done
        infinitive = _INFINITIVE_AFTER.match(text, inverted.end, med.start())
        if infinitive is not None:
            begin = infinitive.end()
    change = rx.strengthen.match(text, _past_infinitive_lead(doc, begin, end), end)
    if change is not None:
        begin = change.end()  # "(vil) auke tilskotet til frivillige lag med N", "• Øke tilskuddet til ...": what grows
    phrase = trim_phrase(text, begin, end, rx)
    return () if phrase is None else _funded_with(context, phrase)


def _funded_with(context: MeasureContext, phrase: tuple[int, int]) -> tuple[FundingAttempt, ...]:
    """The funded phrase of :func:`with_amount`, or nothing when it names no measure."""
    text, rx, doc = context.text, context.rx, context.doc
    phrase, budget = _noun_phrase_of(context, phrase)
    if budget:
        return BUDGET_FALLBACK
    if phrase is None or not_a_measure(text, *phrase, rx, doc=doc) is not None:
        return ()
    span = doc.char_span(*phrase, alignment_mode="expand")
    if span is not None and len(span) and "Inf" in span[-1].morph.get("VerbForm"):
        return ()  # "(velger) isteden å redusere med N": an act without its object names nothing funded
    scheme = _SCHEME_WITH.match(text, phrase[0], phrase[1])
    if scheme is not None and scheme.end() < phrase[1]:
        phrase = (scheme.end(), phrase[1])  # "ordningen med aktivitetshjelpemidler": the scheme is named by what it has
    words = text[phrase[0]:phrase[1]]
    if context.starts_actor(phrase[0]) or rx.budget_noun.match(words.split()[0]):
        return ()  # (a group is caught by not_a_measure from its head: "satsingen ... for ungdom" is a measure)
    head = head_of(words, rx)
    if head.endswith(tuple(context.cues.area_heads)):
        return ()  # "psykisk helse- og rusfeltet", "den største mottakergruppen": a field or a group, no measure
    return (NewPhrase(*phrase, "backward"),)


def _noun_phrase_of(context: MeasureContext, phrase: tuple[int, int]) -> tuple[tuple[int, int] | None, bool]:
    """A subject or object phrase as a noun phrase: unchanged when it is one; without its "at"/"å" and change verb when
    it is a clause (:func:`_without_marker`), or with True when that clause changes a budget line
    (:func:`_budget_clause`: the money is the post's, or the measure's the section is about)."""
    if not _clause(context.text, phrase):
        return phrase, False
    if _budget_clause(context, phrase):
        return None, True
    return _without_marker(context, phrase), False


#: a clause's subject, then "har/hadde" and an article or a size word before the frame noun that ``on_amount`` found:
#: "Byggetrinn 2 i Bodø har en kostnadsramme på", "Prosjektet har ei samla ramme på"
_FRAME_OWNER = re.compile(r"\s*((?:[\w.-]+\s+){0,6}?[\w.-]+)\s+(?:har|hadde|fikk|fekk|får)\s+"
                          r"(?:(?:en|ei|ein|et|eit|samlet|samla|total|brutto|netto)\s+)*\Z", re.IGNORECASE)


#: "med" and an article (and a size word) before the frame noun that ``on_amount`` found: "... med en låneramme på"
_WITH_FRAME = re.compile(r"\s+med\s+(?:en|ei|ein|et|eit)\s+(?:(?:samlet|samla|total)\s+)?\Z", re.IGNORECASE)


def _framed_object(context: MeasureContext, start: int, frame: int) -> tuple[int, int] | None:
    """The noun phrase before "med en <frame noun> på N" (``frame`` is where the noun starts), back to the verb
    or infinitive mark before it: "bevilge lån til Oslo universitetssykehus til vedlikeholdsinvesteringer med en
    låneramme på" gives "lån til Oslo universitetssykehus til vedlikeholdsinvesteringer"; None without a parse, or
    when the phrase is one word, an actor, a group or no measure (:func:`not_a_measure`)."""
    text, rx, doc = context.text, context.rx, context.doc
    m = _WITH_FRAME.search(text, start, frame)
    if m is None or doc is None or not annotated(doc, "POS"):
        return None
    span = doc.char_span(start, m.start(), alignment_mode="contract")
    if span is None or not len(span):
        return None
    begin = start
    for token in reversed(span):
        if token.pos_ in ("VERB", "AUX") or token.lower_ in _CLAUSE_MARKERS:
            begin = token.idx + len(token.text)
            break
    phrase = trim_phrase(text, begin, m.start(), rx)
    if (phrase is None or len(re.findall(r"[^\W\d_]{2,}", text[phrase[0]:phrase[1]])) < 2
            or not text[phrase[0]].isalpha() or context.starts_actor(phrase[0])
            or context.is_group(text[phrase[0]:phrase[1]]) or not_a_measure(text, *phrase, rx, doc=doc) is not None):
        return None
    return phrase


def _short_definite(context: MeasureContext, phrase: tuple[int, int]) -> bool:
    """A subject of three words at most ending in a definite instrument noun ("Tilskotet", "Den nye ordninga"): it
    may take up a measure named before."""
    words = context.text[phrase[0]:phrase[1]].split()
    return 0 < len(words) <= 3 and context.is_definite(words[-1])


def _clause(text: str, phrase: tuple[int, int]) -> bool:
    """The phrase opens with "at" or "å": a clause or an infinitive ("at kap. 856 post 1 økes", "å redusere
    bevilgningen"), no noun phrase."""
    return text[phrase[0]:phrase[1]].split()[0].lower() in _CLAUSE_MARKERS


def _budget_clause(context: MeasureContext, phrase: tuple[int, int]) -> bool:
    """A clause of :func:`_clause` that changes a budget line ("Det foreslås at kap. 856 post 1 økes med ...",
    "foreslår å redusere bevilgningen med ..."): the money is the post's, or the measure's the section is about."""
    words = re.findall(r"[\w-]+", context.text[phrase[0]:phrase[1]])[1:]
    return any(context.rx.budget_noun.match(w) or w.lower() in _POST_WORDS for w in words)


def _without_marker(context: MeasureContext, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The phrase without its opening "at" or "å" and a change verb after it ("å styrke familievernet med ..." ->
    "familievernet")."""
    text = context.text
    begin = phrase[0] + len(text[phrase[0]:phrase[1]].split()[0])
    begin += len(text[begin:phrase[1]]) - len(text[begin:phrase[1]].lstrip())
    change = context.rx.strengthen.match(text, begin, phrase[1])
    return trim_phrase(text, change.end() if change is not None else begin, phrase[1], context.rx)


#: "ordningen med X", "ordninga med X": a scheme named by what it gives
_SCHEME_WITH = re.compile(r"(?i:ordningen|ordninga)\s+med\s+")


def _past_infinitive_lead(doc: Doc, begin: int, end: int) -> int:
    """Where the verb of "(foreslår) (vi) å øke X" starts: past a subject pronoun (inverted after the finite verb)
    and the infinitive mark "å", read from the parse; ``begin`` when neither stands there."""
    for token in doc.char_span(begin, end, alignment_mode="expand") or ():
        if not (token.pos_ == "PRON" and token.dep_ in SUBJECT_LABELS or token.lower_ == "å" and token.pos_ == "PART"):
            return max(begin, token.idx)
    return begin


#: the auxiliaries of a periphrastic passive ("er lagt inn", "blir kuttet", "vert auka")
_PASSIVE_AUXILIARIES = frozenset({"være", "vere", "bli", "verte"})
#: what may follow a participle before "med N" in a passive: a particle or an adverb ("lagt inn", "satt ned")
_PARTICLE_POS = frozenset({"ADP", "ADV", "PART"})
#: the particles of particle verbs that change a sum ("sette ned", "skrive opp", "trappe opp", "legge inn"): the shared
#: particles and the two that only lower or remove a sum
_SUM_PARTICLES = VERB_PARTICLES | {"ned", "bort"}


def _passive_subject(span: Span, verbs: Sequence[Token]) -> int | None:
    """Where the subject of a periphrastic passive ends when particles, and nothing else, follow its participle before
    "med N" ("Voksenvaksinasjon er lagt inn med 488 tusen kroner", "Utgifter Kystlab blir kuttet med ..."): the
    start of the auxiliary, after at least one word. None for any other clause."""
    if not verbs or "Part" not in verbs[-1].morph.get("VerbForm"):
        return None
    after = [t for t in span if t.i > verbs[-1].i]
    if not after or any(t.pos_ not in _PARTICLE_POS for t in after):
        return None  # (with nothing after the participle, "Tilskotet er auka med N" is read as before)
    auxiliary = next((t for t in span if t.i < verbs[-1].i and t.lemma_.lower() in _PASSIVE_AUXILIARIES
                      and "Fin" in t.morph.get("VerbForm")), None)
    if auxiliary is None or auxiliary.i == span.start or any(
            t.pos_ not in _PARTICLE_POS for t in span if auxiliary.i < t.i < verbs[-1].i):
        return None
    return auxiliary.idx


def _in_relative_clause(verb: Token, span: Span) -> bool:
    """The finite ``verb`` opens a relative clause inside ``span``: "som" (optionally with an adverb) stands right
    before it, after at least one word of the span ("lag som driv ...", "organisasjoner som også legger ...")."""
    k = verb.i - 1
    if k > span.start and verb.doc[k].lower_ != "som" and verb.doc[k].pos_ == "ADV":
        k -= 1
    return k > span.start and verb.doc[k].lower_ == "som"


def reference(context: MeasureContext, amount: Amount, index: int) -> tuple[FundingAttempt, ...]:
    """A sentence opened by a reference: "Fondet ... blir på til sammen X", "Tiltaket kostar X"."""
    s = context.sentences[index]
    m = FIRST_WORD.match(context.text[s.start:amount.start])
    if not m:
        return ()
    word = m.group(1)
    if not context.is_definite(word):
        return ()
    start = s.start + m.start(1)
    end = start + len(word)
    if context.rx.budget_noun.match(word):
        return Reference(start, end, alias=True), SectionTopic()
    return Reference(start, end, alias=True), NewPhrase(start, end, "reference")
