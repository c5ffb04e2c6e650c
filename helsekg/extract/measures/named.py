"""Strategy: named instruments and programmes.

An instrument noun followed by a capitalised name gives the name ("rekrutteringsprosjektet Menn i
helse", nynorsk "ordninga Bu trygt heime"); a capitalised compound of an instrument noun with a year, or
of a programme noun in mid-sentence, is a name of its own ("Kompetanseløft 2025", "... i
Opptrappingsplanen for rusfeltet"). A name followed by "inneholder", "består av" ... is a programme.
Names after an origin cue ("videreføres fra Kompetanseløft 2020") are where items come from, not
mentions.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Kommunen held fram med ordninga Bu trygt heime. Kompetanseløft 2025 inneheld fleire tiltak."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [(text[c.start:c.end], c.is_programme) for c in find_named(context)]
[('Bu trygt heime', False), ('Kompetanseløft 2025', True)]
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from helsekg.extract.measures.candidates import Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import YEARS, MeasureCues, compiled
from helsekg.extract.measures.phrases import (
    NAME_AFTER,
    capitalised_programmes,
    cut_name,
    finite_verb,
    has_finite_verb,
    is_document,
    known_name_end,
    phrase_after,
)
from helsekg.extract.measures.targets import group_phrase
from helsekg.extract.measures.titles import before_finite_verb
from helsekg.nlp.extensions import annotated

__all__ = ["COORDINATED_NAME", "MAX_EXTENDED_WORDS", "extend_name", "find_funds", "find_named", "project_names"]

#: How long a one-word name may grow along its noun phrase ("Forsøk med statlig finansiering av ...").
MAX_EXTENDED_WORDS = 10

#: ", B" or "og B" after a name: the next of several names ("ordningane A, B og C").
#: A plural instrument noun: "refusjonsordningene", "ordningar", "prosjekter".
PLURAL = re.compile(r"(?:ene|ane|ar|er)$")
COORDINATED_NAME = re.compile(r"[»\"]?(?:\s*,\s*|\s+(?:og|eller)\s+)[«\"]?([A-ZÆØÅ])")


#: "prosjektet på Sunnmøre", "satsinga i Nordland": a place after one of these ends a one-word name.
PLACE_PREPOSITIONS = frozenset({"i", "på"})
#: NorNE labels of a place (a geo-political entity as a place, or a location).
PLACE_LABELS = frozenset({"GPE_LOC", "LOC", "GPE"})


def _genitive(doc: Doc, i: int) -> bool:
    """A lower-case word in "-s" before an adjective or a noun: a genitive, whatever the tagger calls it ("barn og
    unges psykiske helse", where "unges" may be tagged a verb)."""
    word = doc[i].text
    return (len(word) > 3 and word.endswith("s") and i + 1 < len(doc) and doc[i + 1].pos_ in ("ADJ", "NOUN")
            and doc[i + 1].text[:1].islower())


def extend_name(context: MeasureContext, start: int, end: int, limit: int) -> int:
    """The end of a one-word descriptive name along its noun phrase, by the part-of-speech tags.

    :func:`~.phrases.cut_name` stops a name at "med", "for", "og": right for "Menn i helse for ...",
    too early for a name that is a description ("tilskuddsordningen Forsøk med statlig finansiering av
    omsorgstjenestene", "Testing og behandling i karantenehotell for kommuner"). A one-word name that a
    preposition or "og/eller" follows grows over "preposition/conjunction [adjective|determiner]* noun"
    steps while the words are lower-case, and stops before a verb, a pronoun, a number, punctuation or a
    capitalised next name. Without tags the name is left as cut.
    """
    doc = context.doc
    if doc is None or not annotated(doc, "POS") or len(context.text[start:end].split()) != 1:
        return end
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return end
    i, best, words = first.end, end, 1
    while i < len(doc) and doc[i].idx < limit and words < MAX_EXTENDED_WORDS:
        link = doc[i]
        if link.pos_ not in ("ADP", "CCONJ") or link.text.lower() not in context.rx.name_stop | {"og", "eller", "ved", "av"}:
            break
        if context.rx.phrase_end.match(context.text, link.idx - 1):
            break  # "i år", "i dag", "i 2012": when, not part of the name
        j = i + 1
        while j < len(doc) and (doc[j].pos_ in ("ADJ", "DET") or _genitive(doc, j)) and doc[j].text[:1].islower():
            j += 1
        if (j < len(doc) and link.lower_ in PLACE_PREPOSITIONS and doc[j].ent_type_ in PLACE_LABELS
                and doc[j].ent_iob_ == "B"):
            # "Velferdsteknologiprosjektet på Sunnmøre": the place the name is for ends it
            k = j + 1
            while k < len(doc) and doc[k].ent_iob_ == "I":
                k += 1
            if doc[k - 1].idx + len(doc[k - 1]) <= limit:
                best = doc[k - 1].idx + len(doc[k - 1])
            break
        if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN") or not doc[j].text[:1].islower():
            break
        if doc[j].idx + len(doc[j]) > limit:
            break
        words += j - i + 1
        best = doc[j].idx + len(doc[j])
        i = j + 1
    return best


def find_named(context: MeasureContext) -> tuple[Candidate, ...]:
    """Named instruments and capitalised programme names, sentence by sentence."""
    text, rx = context.text, context.rx
    # a table's header and rows hold cells, not "<instrument noun> <Name>" ("Prosjekt Kommune Tilskudd 2023 ...",
    # "Ungdomsskapte folkehelsetiltak Ringsaker 650 000 0")
    cells = sorted(span for lst in context.lists if lst.table
                   for span in (*([lst.intro] if lst.intro else []), *lst.bullets))
    cell_starts = [start for start, _ in cells]
    found = []
    for i, s in enumerate(context.sentences):
        cell = bisect_right(cell_starts, s.start) - 1  # the spans are apart: the last one starting at or before
        in_table = cell >= 0 and s.start < cells[cell][1]
        for m in _CALLED.finditer(text, s.start, s.end):
            # "ordninga som heiter Tilskot til å inkludera barn og unge i 2023": the name an instrument is called by,
            # to the end of its clause (a year after "i" aside); "Navnet er Helsefellesskap ...": the name a sentence
            # gives, whatever the entity tagger calls it ("Det heiter i rapporten" names no instrument)
            noun = m.group(1) or m.group(2)
            if in_table or (noun is not None and not rx.instrument_word.match(noun)):
                continue
            name = _CALLED_NAME.match(text, m.end(), s.end)
            if name is not None and len(name.group(1).split()) <= MAX_CALLED_WORDS:
                found.append(Candidate(name.start(1), name.end(1), i, "named", named=True))
            elif name is None and m.group(2) is not None:
                # "navnet på ordningen er etablering og utvikling av ...": a description as the name, in lower case
                phrase = phrase_after(text, m.end(), s.end, rx)
                if phrase is not None:
                    found.append(Candidate(*phrase, i, "named"))
        for m in NAME_AFTER.finditer(text, s.start, s.end):
            if in_table or not rx.instrument_word.match(m.group(1)):
                continue
            if has_finite_verb(context.doc, m.start(1), m.end(1)):
                continue  # "..., underbygger Torset": a speech verb ending like an instrument noun, and a name
            end = cut_name(text, m.start(2), s.end, rx)
            if end > m.start(2) and not context.named_elsewhere(m.start(1), s.start):
                # "refusjonsordningene A og B": a plural instrument noun names several, funded together
                plural = bool(PLURAL.search(m.group(1).lower()))
                group = m.start(1) if plural else None
                known = known_name_end(text, m.start(2), s.end, context.cues.programme_names)
                end = known if known > m.start(2) else extend_name(context, m.start(2), end, s.end)
                start = m.start(2)
                titled = _TITLED_NAME.match(text, end, s.end)
                if (not plural and m.start(1) == s.start and m.group(1)[:1].isupper()
                        and not context.is_definite(m.group(1))
                        and (titled is not None or re.search(rf"\s{YEARS}$", text[m.start(2):end]))):
                    # "Samhandlingsstrategi Møre og Romsdal 2016-2018" opening a line: an indefinite instrument noun
                    # that opens a title is part of the name, and so are a coordinated place and the period
                    start, end = m.start(1), titled.end() if titled is not None else end
                found.append(Candidate(start, end, i, "named", named=True, group=group))
                while plural:
                    more = COORDINATED_NAME.match(text, end, s.end)
                    if more is None:
                        break
                    next_end = cut_name(text, more.start(1), s.end, rx)
                    if next_end <= more.start(1):
                        break
                    next_end = extend_name(context, more.start(1), next_end, s.end)
                    found.append(Candidate(more.start(1), next_end, i, "named", named=True, group=group))
                    end = next_end
        for start, end in project_names(text, context.cues, s.start, s.end, doc=context.doc):
            found.append(Candidate(start, end, i, "named", named=True))  # "Nye Førde sjukehus": a building project
        for start, end in _quoted_names(context, s.start, s.end):
            if not context.named_elsewhere(start, s.start):
                found.append(Candidate(start, end, i, "named", named=True))
        for start, end in capitalised_programmes(text, s.start, s.end, s.start, rx):
            if is_document(text[start:end].split()[0], context.cues.document_heads):
                continue  # "Kulturstrategi for Trøndelag": a document, not a measure
            if not context.starts_actor(start):
                end = extend_name(context, start, end, s.end)  # "Opptrappingsplanen for rusfeltet"
                if context.named_elsewhere(start, s.start, end):
                    continue
                counted = bool(rx.programme_count.match(text[end:s.end]))
                found.append(Candidate(start, end, i, "named", named=True, is_programme=counted))
    return tuple(found)


#: an instrument noun and the verb that gives its name ("ordninga som heiter X", "prosjektet kalla X", "Prosjektet
#: heiter X"; group 1), or a sentence that names one ("Navnet er X", "namnet på ordninga er X"; group 2 the noun)
_CALLED = re.compile(r"(?<![\w-])(?:([\w-]+)\s+(?:som\s+(?:heiter|heter|vert\s+kalla|blir\s+kalt|kallast|kalles)"
                     r"|kalla|kalt|med\s+(?:namnet|navnet)|heiter|heter)"
                     r"|(?:namnet|navnet)(?:\s+på\s+([\w-]+))?\s+(?:er|blir|blei|ble|vart))\s+(?=[«\"“]?[A-ZÆØÅ])",
                     re.IGNORECASE)
#: the name after it, to the end of its clause, without a closing " i <year>" and quotation marks
_CALLED_NAME = re.compile(rf"[«\"“]?([A-ZÆØÅ][^.,;:!?\n«»\"“”]*?)[»\"”]?(?:\s+i\s+{YEARS})?"
                          r"(?=[.,;:!?\n]|\s*\Z)")
#: the longest such name, in words
MAX_CALLED_WORDS = 12
#: What may close a titled name after its first name word: " og Romsdal", then a year or period ("2016-2018").
_TITLED_NAME = re.compile(rf"(?:\s+og\s+[A-ZÆØÅ][\w-]+)?\s+{YEARS}(?![\w-])")
#: The company forms that make a "Nye ..." name a company ("Nye Veier AS").
_COMPANY_FORM = re.compile(r"\s(?:AS|ASA|SA|KF|IKS)\b")
#: A new council or committee ("Nytt HelseOmsorg21-råd") is a body, not a building project.
_BODY_END = re.compile(r"(?i)(?:råd|rådet|utvalg|utvalget|utval|utvalet|kommisjon|kommisjonen|nemnd|nemnda)$")


def project_names(text: str, cues: MeasureCues, start: int, end: int, *, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Building projects named with a "new" opener in ``text[start:end]`` ("Nye Førde sjukehus", "Nye SUS", "Nytt
    Østfoldsykehus"; ``project_name_openers``): the opener and the capitalised name after it, up to a function word,
    a finite verb (with a tagger) or a number. A company form in it makes it a company ("Nye Veier AS"), and a council
    or committee word closing it a body ("Nytt HelseOmsorg21-råd").

    >>> from helsekg.extract.measures.cues import default_cues
    >>> text = "Helse Vest sa ja til Nye Førde sjukehus. Nye tiltak kjem. Nye Veier AS byggjer vegen."
    >>> [text[a:b] for a, b in project_names(text, default_cues(), 0, len(text))]
    ['Nye Førde sjukehus']
    """
    if not cues.project_name_openers:
        return []
    rx = compiled(cues)
    openers = "|".join(re.escape(w) for w in cues.project_name_openers)
    out = []
    for m in re.finditer(rf"(?<![\w-])(?:{openers})\s+(?=[A-ZÆØÅ])", text[start:end]):
        begin = start + m.start()
        stop = cut_name(text, start + m.end(), end, rx)
        if doc is not None and annotated(doc, "MORPH"):
            span = doc.char_span(start + m.end(), stop, alignment_mode="expand")
            verb = next((t for t in span if finite_verb(t) or t.like_num), None) if span is not None else None
            if verb is not None:
                stop = verb.idx
        verb = next((w for w in re.finditer(r"\S+", text[start + m.end():stop]) if w.group().islower() and (
            rx.funding_verb.match(w.group()) or w.group() in cues.change_verbs)), None)
        if verb is not None:
            stop = start + m.end() + verb.start()  # "Nye SUS koster ...": a verb the tagger read as a noun
        stop = begin + len(text[begin:stop].rstrip(" ,.;:"))
        if stop > start + m.end() and not _COMPANY_FORM.search(text[begin:stop]) and not _BODY_END.search(text[begin:stop]):
            out.append((begin, stop))
    return out


#: A quoted capitalised name: «Digitalt venterom for barn og unge», "Saman for betre trivsel".
_QUOTED = re.compile(r"[«\"“”]([A-ZÆØÅ][^«»\"“”\n]{1,150}?)[»\"”]")
#: How many words may stand between an instrument noun and the quoted name it introduces ("prosjekt som «X»",
#: "idéverføringa frå Vestre Viken: «X»", "Prosjektet har tittelen «X»", "ordningen med tilskudd til helse- og
#: rehabiliteringstjenester til sykmeldte, ”Raskere tilbake”").
_QUOTE_REACH = 7
#: A subtitle after a spaced dash is no part of the name ("«Fair Choices Haukeland – Et digitalt verktøy ...»").
_SUBTITLE = re.compile(r"\s+[–—-]\s+")
#: A whitespace-separated word, with its offset.
_TOKEN = re.compile(r"\S+")


def _subtitle_of_name(text: str, at: int, noun: str, quote: int, sentence_start: int) -> bool:
    """The introducing noun is itself a name, and the quote follows it at once: "Demensplan 2015 ”Den gode dagen”"
    (a capitalised compound with a year, or mid-sentence), not "prosjektet «Trygg heime»"."""
    between = _NAME_TAIL.fullmatch(text, at + len(noun), quote)
    if not noun[:1].isupper() or between is None:
        return False
    return bool(between.group(1)) or at > sentence_start + 2


#: what may stand between a name and its quoted subtitle: a year or period, a dash or colon
_NAME_TAIL = re.compile(rf"\s*({YEARS})?\s*[:,–-]?\s*")


def _quoted_names(context: MeasureContext, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted names an instrument noun shortly before introduces, and the quoted names listed after them: "prosjekt
    som «Digitalt venterom for barn og unge innan psykisk helsevern», idéverføringa frå Vestre Viken: «Bruk av
    kunstig intelligens ...», og «Fair Choices Haukeland – Et digitalt verktøy ...»". A quote with a finite verb is
    speech, not a name; a document noun ("rapporten «...»") introduces a document."""
    text, rx, doc = context.text, context.rx, context.doc
    found: list[tuple[int, int]] = []
    last_end = None
    for m in _QUOTED.finditer(text, start, end):
        inner_start, inner_end = m.span(1)
        cut = _SUBTITLE.search(text, inner_start, inner_end)
        if cut is not None:
            inner_end = cut.start()
        inner = text[inner_start:inner_end].rstrip()
        inner_end = inner_start + len(inner)
        if not inner or inner[-1] in ".!?" or len(inner.split()) > 15:
            last_end = None
            continue
        if has_finite_verb(doc, inner_start, inner_end):
            last_end = None
            continue
        # the next of a list: "«A», og «B»", "«A», idéverføringa frå Vestre Viken: «B»"
        listed = last_end is not None and len(text[last_end:m.start()].split()) <= _QUOTE_REACH + 1
        before = [(w.start(), w.group().strip(":,")) for w in _TOKEN.finditer(text, max(start, m.start() - 120),
                                                                              m.start())][-_QUOTE_REACH:]
        # the nearest instrument or document noun decides: "tilskotsordninga, knytt til stortingsmeldinga «Leve hele
        # livet»" quotes a document's title
        at, nearest = next(((pos, w) for pos, w in reversed(before) if w and (
            rx.instrument_word.match(w) or is_document(w, context.cues.document_heads))), (None, None))
        introduced = (nearest is not None and not rx.budget_noun.match(nearest)
                      and not is_document(nearest, context.cues.document_heads))
        if introduced and not listed and _subtitle_of_name(text, at, nearest, m.start(), start):
            last_end = None  # "Demensplan 2015 ”Den gode dagen”": the subtitle of the plan named right before
            continue
        if introduced and not listed and context.named_elsewhere(at, start):
            # "i tråd med eldrereformen «Leve hele livet»": the frame cue stands before the introducing noun
            last_end = None
            continue
        if listed or introduced:
            found.append((inner_start, inner_end))
            last_end = m.end()
        else:
            last_end = None
    return found


#: A compound of money ("innovasjonsmidler", "forskingsmidlar").
_FUND = re.compile(r"(?<![\w-])[\w-]{4,}?(?:midler|midlar)(?![\w-])", re.IGNORECASE)


def find_funds(context: MeasureContext) -> tuple[Candidate, ...]:
    """Funds named by a compound of money in the body of a page that has money in it ("utlysninger av
    innovasjonsmidler fra Helse Midt-Norge", "søkbare regionale forskingsmidlar"), with an adjective the tagger reads
    right before: the fund a research or innovation page is about. Not a compound that names no money
    (``compound_instrument_stops``: "legemidler"), nor the kinds of money every grant is paid in
    (``generic_measure_lemmas``: "tilskuddsmidler", "skjønnsmidlar"), nor a definite form ("midlene"), which takes
    up a fund named before. A "til" phrase after the compound names what the fund is for and belongs to its name
    ("prosjektmidler til internasjonalt helsesamarbeid i nordområdene"), unless it names whom the money goes to."""
    if not any(a.is_money for a in context.amounts):
        return ()
    text, rx, doc = context.text, context.rx, context.doc
    generic = {g.lower() for g in context.cues.generic_measure_lemmas}
    tagged = doc is not None and annotated(doc, "POS")
    headings = {(h.start, h.end) for h in context.headings}
    found = []
    for i, s in enumerate(context.sentences):
        if s.is_title:
            continue
        for m in _FUND.finditer(text, s.start, s.end):
            word = m.group().lower()
            singular = re.sub(r"(?:ler|lar)$", "del", word)
            if not rx.instrument_word.match(word) or word in generic or singular in generic:
                continue
            start = m.start()
            if tagged:
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                before = doc[span.start - 1] if span is not None and span.start > 0 else None
                if before is not None and before.pos_ == "ADJ" and before.idx >= s.start:
                    start = before.idx
            coordinated = _TRUNCATED_BEFORE.search(text, max(s.start, start - 60), start)
            if coordinated is not None:
                start = coordinated.start()  # "forsknings- og innovasjonsmidler": one fund of both kinds
            end = m.end()
            purpose = _FUND_PURPOSE.match(text, end, s.end)
            if purpose is not None:
                # "prosjektmidler til internasjonalt helsesamarbeid i nordområdene": the fund is named by its purpose
                phrase = phrase_after(text, purpose.end(), s.end, rx)
                # not whom it goes to ("frisklivsmidler til fylkene", "til kommunar med store utbrot"); the phrase ends
                # before a finite verb (the parse), or, without one, only a heading's line tells where it ends
                if (phrase is not None and phrase[0] == purpose.end() and (tagged or (s.start, s.end) in headings)
                        and group_phrase(context, *phrase, from_start=True) is None):
                    cut = before_finite_verb(context, start, phrase[1])
                    end = start + len(text[start:cut].rstrip())
            found.append(Candidate(start, end, i, "named"))
    return tuple(found)


#: the first parts of a coordinated compound right before its last part: "forsknings- og ", "lærings-, meistrings- og "
_TRUNCATED_BEFORE = re.compile(r"(?<![\w-])\w+-(?:,[^\S\n]*\w+-)*[^\S\n]+(?:og|eller)[^\S\n]+\Z")

#: "til" right after a fund's compound, before what it is for (not "til å", an infinitive)
_FUND_PURPOSE = re.compile(r"[^\S\n]+til[^\S\n]+(?!å\b)(?=[a-zæøå])")
