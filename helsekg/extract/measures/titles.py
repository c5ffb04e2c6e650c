"""Strategy: the document title and budget-post headings that name a measure.

A title is a measure when an instrument noun is among its first three words and no actor opens it:
"Tilskudd til kommunalt rusarbeid 2025", "Tilskotsordning for ferie for barn og unge". A heading
"Post 21 Tilskudd til ettervern" (the prefixes are ``heading_measure_prefixes``) names the measure its
section is about: a budget line further down ("Det foreslås en bevilgning på 12 mill. kroner") funds it.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Tilskudd til kommunalt rusarbeid 2025\\n\\nPost 21 Tiltak mot rus, kap. 765\\n\\nDet gis 5 mill. kroner."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [text[c.start:c.end] for c in find_titles(context)]
['Tilskudd til kommunalt rusarbeid 2025']
>>> [(text[p.candidate.start:p.candidate.end], p.section) for p in find_budget_posts(context)]
[('Tiltak mot rus', 1)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from helsekg.extract.measures.candidates import BudgetPost, Candidate
from helsekg.extract.measures.context import Heading, MeasureContext
from helsekg.extract.measures.cues import YEARS, alternation
from helsekg.extract.measures.phrases import (
    demonstrative_instrument,
    finite_verb,
    has_finite_verb,
    head_of,
    is_document,
    not_a_measure,
    scheme_for,
    stem,
    trim_phrase,
)
from helsekg.extract.measures.prose import default_prose_cues
from helsekg.extract.measures.targets import group_phrase
from helsekg.nlp.extensions import annotated
from helsekg.nlp.lemmas import load_table
from helsekg.text.layout import line_bounds, lines_above

__all__ = [
    "MAX_TITLE_WORDS", "before_finite_verb", "find_budget_posts", "find_numbered", "find_scheme_headings",
    "find_titles", "is_document",
    "kind_and_name",
]

MAX_TITLE_WORDS = 12


def find_titles(context: MeasureContext) -> tuple[Candidate, ...]:
    """The title sentences that are instrument phrases."""
    text, rx = context.text, context.rx
    found = []
    untitled = _untitled_first_line(context)
    for i, s in enumerate(context.sentences):
        if not s.is_title and not (i == 0 and untitled):
            continue
        begin = _PAGE_LEAD.match(text, s.start, s.end).end()  # every part is optional: it always matches
        opener = _APPLY.match(text, begin, s.end) or _process_of(context).match(text, begin, s.end)
        if opener:
            # "Søk tilskot til ...", "Søke tilskot til prosjekt ...": the grant is the measure; so is what a
            # "Tildeling av regionale forskningsmidler for 2024" hands out
            begin = opener.end()
            generic = _GENERIC_THEN_NAME.match(text, begin, s.end)
            if generic is not None and generic.group(1).lower() in context.cues.generic_measure_lemmas:
                begin = generic.end()  # "Endelig tildeling av tilskudd - tiltakspakke sårbare eldre": the name after
        elif (received := _RECEIVED.match(text, begin, s.end)) is not None:
            # "Disse har fått Helse Nords forskningsmidler for 2019": the page lists who got the scheme it names
            begin = received.end()
        if demonstrative_instrument(text[begin:s.end].split()[:2], rx):
            continue  # "Disse innovasjonsprosjektene er tildelt midler": the projects the page lists, no name of one
        about = _about(context, s.start, s.end)
        if about is not None:
            # "Om tannhelsetjenesten", "Meir om barn og unges helseteneste": the service the page is about
            found.append(Candidate(*about, i, "title"))
            continue
        if not opener and _headline_verb(context, begin, s.end):
            continue  # "Styrker ordningen med X med 15 millioner": a clause; the readers of prose find what it funds
        suffix = rx.title_call.search(text, begin, s.end)  # " - utlysing for 2022": the call, not the name
        end = before_finite_verb(context, begin, suffix.start() if suffix else s.end)
        deadline = rx.deadline.search(text, begin, end)  # "Søk om tilskudd til ... innen 1. mai": when, not what
        end = deadline.start() if deadline else end
        aside = _TRAILING_ASIDE.search(text, begin, end)  # "(oppdatert 28.8.2023)": about the page, not the name
        end = aside.start() if aside and aside.start() > begin else end
        end = context.source_start(begin, end) or end  # "... forskingsmiddel frå Helse Midt-Noreg": who gives it
        if opener and opener.re is not _APPLY:
            # "Tildeling av såkornmidlar 2017": the fund, not this year's round of it
            year = re.search(rf"(?:\s+(?:for|i))?\s+{YEARS}\s*$", text[begin:end])
            end = begin + year.start() if year else end
        phrase = trim_phrase(text, begin, end, rx, max_words=MAX_TITLE_WORDS)
        if phrase is None:
            continue
        label = text[phrase[0]:phrase[1]]
        head = head_of(re.sub(rf"\s+{YEARS}$", "", label), rx)
        # "Kommunalt kompetanse- og innovasjonstilskot": "kompetanse- og" is part of the compound
        words = [w.lower().strip(",.") for w in re.sub(r"-\s+(?:og|eller)\s+", "- ", label).split()]
        position = words.index(head) if head in words else 99
        if ((rx.instrument_word.match(head) or _FUND_COMPOUND.match(head)) and not rx.budget_noun.match(head)
                and not is_document(head, context.cues.document_heads)
                and position <= 2 and not _actor_not_owner(context, *phrase)):
            found.append(Candidate(phrase[0], phrase[1], i, "title"))
            continue
        if (opener and opener.re is not _APPLY and not context.starts_actor(phrase[0])
                and not_a_measure(text, *phrase, rx, doc=context.doc) is None):
            # "Oversikt tildeling - Eldre ut på middag": what a round hands out is a scheme, whatever its head
            found.append(Candidate(phrase[0], phrase[1], i, "title"))
            continue
        legislation = _legislation(context, begin, s.end)
        if legislation is not None:
            # "Høring - forslag til endringer i Lov om folkehelsearbeid (folkehelseloven)": the law the page is about
            found.append(Candidate(*legislation, i, "law"))
            continue
        building = _new_building(context).match(text, begin, s.end)
        if building is not None:
            # "Nytt sykehus i Drammen – byggestart behandles i mars": the building project the page is about
            found.append(Candidate(building.start(), building.end(), i, "title"))
            continue
        named = kind_and_name(context, s.start, s.end)
        if named is not None:
            found.append(Candidate(*named, i, "title", named=True))
        elif _grant_page(context) and _scheme_title(context, *phrase):
            found.append(Candidate(phrase[0], phrase[1], i, "title"))
    lead = _lead_end(text)
    for i, s in enumerate(context.sentences):
        if s.start >= lead:
            break
        legislation = None if s.is_title else _legislation(context, s.start, s.end)
        if legislation is not None:
            # "Til Helse- og omsorgsdepartementet / Høringssvar til forslag om endringer i folkehelseloven": a heading
            # line over the letter's body names the law as a title does
            found.append(Candidate(*legislation, i, "law"))
    return tuple(found)


def _lead_end(text: str, lines: int = 6) -> int:
    """Where a document's body starts: the first line of more than 20 words or a sentence ending in a full stop,
    within its first ``lines`` non-empty lines; what is above are its heading lines (addressee, title, date)."""
    pos = 0
    while lines and pos < len(text):
        start, end = line_bounds(text, pos)
        line = text[start:end].strip()
        if line:
            if len(line.split()) > 20 or (len(line.split()) > 6 and line[-1] in ".!?"):
                return start
            lines -= 1
        pos = end + 1
    return pos


@lru_cache(maxsize=4)
def _building_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:[Nn]y|[Nn]ytt|[Nn]ye)\s+[\w-]*(?:{alternation(heads)})(?![\w-])"
                      rf"(?:\s+(?:i|på|ved|for)\s+[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*)*)?") if heads else re.compile(r"(?!)")


def _new_building(context: MeasureContext) -> re.Pattern[str]:
    """A title that announces a new building ("Nytt sykehus i Drammen", "Ny legevakt på Voss"): "ny/nytt/nye", a noun
    ending in one of ``new_building_heads`` and where it is built."""
    return _building_pattern(context.cues.new_building_heads)


def _headline_verb(context: MeasureContext, start: int, end: int) -> bool:
    """The title opens with a finite verb whose subject is left out ("Styrker ordningen med ...", "Øker tilskuddet
    til ..."): a headline clause, not a name."""
    doc = context.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None and annotated(doc, "POS") else None
    # the tagger's reading, and the dictionary's: it also knows "Styrker" as a noun, and a headline's verb has no
    # subject to tell them apart ("Restmidlar", "Utviding" are tagged verbs and are none)
    return (span is not None and len(span) > 1 and span[0].pos_ == "VERB" and "Fin" in span[0].morph.get("VerbForm")
            and "Ind" in span[0].morph.get("Mood") and span[1].pos_ in ("NOUN", "DET", "ADJ")
            and load_table().lookup("VERB", span[0].lower_, seen=True) is not None)


def before_finite_verb(context: MeasureContext, start: int, end: int) -> int:
    """Where a noun phrase ends: before its first finite verb after its first word ("Nytt tilskudd skal gi mindre
    ensomhet blant eldre": the grant, not what it shall do), else at ``end``."""
    doc = context.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None and annotated(doc, "POS") else None
    if span is None:
        return end
    prose = default_prose_cues()
    auxiliaries = {*prose.passive_auxiliaries, *prose.modal_auxiliaries}
    for token in span[1:]:
        # "vert lyst ut": the dictionary also knows "vert" (host) as a noun, which finite_verb refuses
        if finite_verb(token) or "Fin" in token.morph.get("VerbForm") and token.lemma_.lower() in auxiliaries:
            return token.idx
    return end


def _legislation(context: MeasureContext, start: int, end: int) -> tuple[int, int] | None:
    """A law or regulation a title names ("Lov om Eldreombudet", "ny forskrift om råd for eldre", "endringer i
    folkehelseloven"; ``legislation_heads``), with the change word before it (``legislation_changes``), up to a dash,
    a colon or the hearing it is on ("... – høringssvar fra formannskapet", "Lov om Eldreombodet på høyring").

    Without a change word the title or the line above it says what is done with the law ("Lov om Eldreombudet –
    høringssvar", "Prop. 64 L (2019–2020)" over "Lov om Eldreombudet"; ``legislation_process_words``): a law named
    alone may be a page's legal basis ("Heimel: Lov om kommunale helse- og omsorgstenester")."""
    cues, text = context.cues, context.text
    m = _legislation_pattern(cues.legislation_heads, cues.legislation_compound_heads,
                             cues.legislation_changes).search(text, start, end)
    if m is None:
        return None
    if not any(m.groupdict().values()):
        above = next((a for a, b in lines_above(text, start) if text[a:b].strip()), line_bounds(text, start)[0])
        if not _words_pattern(cues.legislation_process_words).search(text, above, end):
            return None
    stop = _LEGISLATION_END.search(text, m.end(), end)
    phrase = trim_phrase(text, m.start(), stop.start() if stop else end, context.rx, max_words=MAX_TITLE_WORDS)
    if phrase is not None and text.startswith(")", phrase[1]) and "(" in text[phrase[0]:phrase[1]]:
        return phrase[0], phrase[1] + 1  # "(folkehelseloven)": the short name closes
    return phrase


@lru_cache(maxsize=4)
def _legislation_pattern(heads: tuple[str, ...], compounds: tuple[str, ...],
                         changes: tuple[str, ...]) -> re.Pattern[str]:
    if not heads:
        return re.compile(r"(?!)")
    change = rf"(?P<change>(?:{alternation(changes)})\s+(?:i\s+)?)" if changes else ""
    compound = rf"|(?P<changed>{alternation(changes)})\s+(?:i\s+)?[\w-]{{3,}}(?:{alternation(compounds)})(?![\w-])" \
        if changes and compounds else ""
    # "forskrift 18. november 2011 nr. 1115 om ...": a dated regulation
    law = rf"(?:{change + '?' if change else ''}(?:{alternation(heads)})(?:\s+[\w.]+){{0,5}}?\s+om\s+(?=\w){compound})"
    return re.compile(rf"(?i)(?<![\w-]){law}")


@lru_cache(maxsize=4)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w-])(?:{alternation(words)})" if words else r"(?!)")


#: where a law's name in a title ends: a dash, a colon, "på høring", "høringssvar"
_LEGISLATION_END = re.compile(r"(?i)\s+[-–—]\s|:|\s+(?:på|til)\s+h[øo]y?ring|\s+h[øo]y?ringss?var")


def _grant_page(context: MeasureContext) -> bool:
    """A line opens with a grant page's key ("Søknadsfrist:", "Kven kan søkje?"; ``grant_page_keys``) or a
    municipality's service page's ("Kva kostar det?", "Slik søker du"; ``service_page_keys``), or the first sentence
    after the title defines the page as a service ("Dette er ei teneste til ..."; ``service_definition_nouns``)."""
    keys = alternation((*context.cues.grant_page_keys, *context.cues.service_page_keys))
    if keys and re.search(rf"(?im)^[^\S\n]*(?:{keys})\b", context.text) is not None:
        return True
    first = next((s for s in context.sentences if not s.is_title), None)
    nouns = alternation(context.cues.service_definition_nouns)
    # "Dette er ei teneste til menneske som ...": the first sentence says what the title names
    definition = rf"(?i)(?:dette|det)\s+er\s+(?:ei|ein|eit|en|et)\s+(?:[\w-]+\s+)?(?:{nouns})\b"
    if first is None:
        return False
    sentence = context.text[first.start:first.end]
    if nouns and re.match(definition, sentence) is not None:
        return True
    # "Hverdagsrehabilitering" / "Tjenesten skal bidra til at ...": the first sentence speaks of the title's service as
    # "the service" or "the scheme" (``service_subjects``; "Tilbodet er ope ..." under a headline names no service)
    heads = alternation(context.cues.service_subjects)
    return bool(heads) and re.match(rf"(?i)(?:{heads})\s+(?:skal|er|kan|gir|gjev|blir|vert)\b", sentence) is not None


def _scheme_title(context: MeasureContext, start: int, end: int) -> bool:
    """A grant or service page's title names its scheme when it is a noun phrase: no finite verb, no amount or
    count ("38 millioner til barn og unge" reports an allocation), no actor or document opening it, no section
    heading's head ("Mål for tjenesten"). One word is enough when the body names it again ("Heimehjelp" over
    "... gje tilbod om heimehjelp ...", twice at least), when it names a service (:func:`_service_word`), or when it
    is an acronym."""
    text, doc = context.text, context.doc
    words = text[start:end].split()
    if (len(words) < 2 and not words[0].isupper() and not _service_word(context, words[0])
            and not _named_again(context, words[0], end) or context.starts_actor(start)):
        return False
    head = head_of(text[start:end], context.rx)
    if is_document(head, context.cues.document_heads) or stem(head, context.rx) in context.cues.section_heading_heads:
        return False
    if re.search(r"\d", re.sub(YEARS, "", text[start:end])):
        return False
    if has_finite_verb(doc, start, end):
        return False
    # "Kommunalt rusarbeid for 2024" over "... tilskot til kommunalt rusarbeid ...": the body names the scheme
    core = re.sub(rf"(?:\s+(?:for|i))?\s+{YEARS}$", "", text[start:end])
    # ("Heimehjelp" over "Maksimal timepris for heimehjelp": a price of the service, no scheme named after it)
    prices = context.cues.price_words
    return not any(m.group().split()[0].lower() not in prices for m in scheme_for(core, context.cues).finditer(text, end))


def _service_word(context: MeasureContext, word: str) -> bool:
    """One word that names a municipal service ("Heimehjelp", "Svangerskapsomsorg", "Tryggleiksalarm": a word ending in
    one of ``service_heads``), not the kind of offer alone ("Bolig", ``service_kinds``)."""
    low = word.lower().strip(",.:")
    cues = context.cues
    if any(low.endswith(h) and len(low) > len(h) for h in cues.service_compound_heads):
        return True  # "Jordmortenesta": a compound of "teneste" names the service, "Tenesta" alone does not
    return low not in cues.service_kinds and low.endswith(tuple(h for h in cues.service_heads if " " not in h))


def _actor_not_owner(context: MeasureContext, start: int, end: int) -> bool:
    """An actor's mention covers the phrase's start and is no genitive owner before the rest of the phrase
    ("Helse Vest" is an actor; "Helse Vests forskingsmidlar" is the fund the trust owns)."""
    mention = next((a for a in context.actors if a.start <= start < a.end), None)
    if mention is None:
        return False
    owner = mention.end < end and re.fullmatch(r"[\w-]*[^\Ws]s|[\w-]*'", context.text[mention.start:mention.end].split()[-1])
    return not owner


def _named_again(context: MeasureContext, word: str, after: int) -> bool:
    """The body after a one-word title uses its word at least twice, as a word or a compound's head, in any
    inflection ("Tryggleiksalarm": "tryggleiksalarmen", "alarm" does not count)."""
    core = stem(word.strip(".:,;!?"), context.rx)
    if len(core) < 4 or not core.isalpha():
        return False
    return len(re.findall(rf"(?i)(?<![\w-]){re.escape(core)}\w{{0,4}}(?![\w-])", context.text[after:])) >= 2


#: A title's head that names a fund by its kind: "Skjønnsmidlar til ...", "Folkehelsemidler 2018" (not bare "Midlar").
_FUND_COMPOUND = re.compile(r"(?i)^[\w-]{3,}?s?(?:midler|midlar|midla)$")


def _untitled_first_line(context: MeasureContext) -> bool:
    """The first line reads as a title although it ends with a full stop ("Tilskudd til midlertidig
    styrking av ... rusarbeid." over "Søknadsfrist:"), when the document has no title: a line of its own, at most
    ``MAX_TITLE_WORDS`` + 2 words, with no finite verb (a sentence would have one). The reader leaves such a line in
    the body; as a measure title it is read like any other."""
    sentences, text, doc = context.sentences, context.text, context.doc
    if not sentences or any(s.is_title for s in sentences) or doc is None or not annotated(doc, "POS"):
        return False
    first = sentences[0]
    line = text[first.start:first.end]
    if (text[:first.start].strip() or not line.endswith(".") or "\n" in line
            or len(line.split()) > MAX_TITLE_WORDS + 2 or not text.startswith("\n", first.end)
            or len(sentences) > 1 and sentences[1].para == first.para):
        return False
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    return span is not None and not any(finite_verb(t) or t.like_num for t in span)


def _process_of(context: MeasureContext) -> re.Pattern[str]:
    """A title's opening process noun and "av" ("Tildeling av", "Fordeling av", "Utlysing av"; ``process_nouns``), or
    the process named before a dash or colon ("Oversikt tildeling - Eldre ut på middag")."""
    return _process_pattern(tuple(context.cues.process_nouns))


#: the words after a process noun that make no fund of what follows ("Tildeling til kommunane", "Fordeling for 2024")
_PREPOSITIONS = "til|for|av|i|på|fra|frå|med|etter|over|under|innan|innen|mellom|og"


@lru_cache(maxsize=4)
def _process_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    # "Tildeling av X"; "Oversikt tildeling - X", "Utlysing: X": the round named before a dash or colon
    # "Tildeling prosjektskjønn 2020": the fund right after the noun, lower case (no preposition)
    # "Ekstraordinær tilleggsutlysning: Tilskudd til ...": a round named by a compound of the noun, before a colon
    # "Endelig tildeling av ...", "Ny utlysing: ...", "Årets tildeling av ...": a round's modifier before the noun
    return re.compile(rf"(?i)(?:(?:oversikt|oversyn)\s+(?:over\s+)?)?"
                      rf"(?:(?:\w+(?:lig|leg|ig|ær)|ny|nye|ekstra|årets|andre|første|fyrste)\s+)?"
                      rf"(?:{alternation(nouns) or '(?!)'})"
                      rf"(?:\s+av\s+|\s+[-–—]\s+|:\s+|\s+(?=(?!(?:{_PREPOSITIONS})\b)(?-i:[a-zæøå])))(?=\w)"
                      rf"|(?:[\w-]+\s+){{0,2}}[\w-]*?(?:{alternation(nouns) or '(?!)'}):\s+(?=\w)")


#: What a title opens with before the name it is about: a section number ("4.18 Tekniske hjemmetjenester"), "Om" or
#: "Informasjon om" ("Om Folkehelseprisen", "Informasjon om «Tilskudd til inkludering av barn og unge»"), and the
#: quotation mark that opens the name.
_PAGE_LEAD = re.compile(r"(?:\d+(?:\.\d+)*\.?\s+(?=[A-ZÆØÅ]))?(?:(?:(?i:informasjon|info)\s+)?(?i:om)\s+(?=[«\"“A-ZÆØÅ]))?[«\"“]?")

#: A title that says what the page is about: "Om ...", "Mer om ...", "Meir om ...", "Litt om ..."
_ABOUT = re.compile(r"(?:(?i:mer|meir|litt)\s+)?(?i:om)\s+(?=\w)")

def _about(context: MeasureContext, start: int, end: int) -> tuple[int, int] | None:
    """The service or scheme a title "Om X" names when X ends in one of ``about_title_heads`` ("Om
    tannhelsetjenesten", "Meir om barn og unges helseteneste", "Om pårørendeskolen"), else None."""
    m = _ABOUT.match(context.text, start, end)
    if m is None:
        return None
    phrase = trim_phrase(context.text, m.end(), end, context.rx, max_words=MAX_TITLE_WORDS)
    if phrase is None or not context.text[phrase[0]:phrase[1]].lower().endswith(tuple(context.cues.about_title_heads)):
        return None
    return phrase


#: A bracketed aside closing a title: "(oppdatert 28.8.2023)", "(revidert)", "(PDF)".
_TRAILING_ASIDE = re.compile(r"\s*\([^()\n]{0,60}\)\s*$")


#: A results page's title up to what was received: "Disse har fått ...", "Desse får ...", "Følgende prosjekter fikk ...".
_RECEIVED = re.compile(r"(?i)(?:disse|desse|dei|de|følgende|følgjande)(?:\s+[\w-]+)?\s+"
                       r"(?:har\s+fått|fikk|fekk|får|fær)(?:\s+(?:tildelt|tildelte|innvilget|innvilga))?\s+(?=\w)")
#: A generic noun after a title's process noun, then a dash or colon before the name ("tilskudd - <name>")
_GENERIC_THEN_NAME = re.compile(r"([\w-]+)(?:\s+[-–—]\s+|:\s+)(?=\w)")
#: A grant page's title that opens with the call to apply ("Søk tilskot til ...", "Søke om tilskudd til ...").
_APPLY = re.compile(r"(?i)s(?:øk|øke|økje|øknad)(?:\s+om)?\s+(?=\w)")


def kind_and_name(context: MeasureContext, start: int, end: int) -> tuple[int, int] | None:
    """A title "<instrument noun> - <name>" or "<name> - <instrument noun>": the name is the scheme.

    "Tilskudd - Midlertidig styrking av behandlingstilbud", "Frisklivsløftet: tilskot"; the separators are
    ``title_separators`` (a dash with spaces, a colon). The name needs two words and no actor opening it.

    >>> from helsekg.text import document_from_text
    >>> from helsekg.extract.measures.context import build_context
    >>> text = "Tilskudd - Styrking av lavterskeltilbud i kommunene\\n\\nKommuner kan søke."
    >>> context = build_context(document_from_text(text, source="x.txt"))
    >>> [text[c.start:c.end] for c in find_titles(context)]
    ['Styrking av lavterskeltilbud i kommunene']
    """
    text, rx = context.text, context.rx
    line = text[start:end]
    for separator in default_prose_cues().title_separators:
        cut = line.find(separator)
        if cut <= 0:
            continue
        left = (start, start + cut)
        right = (start + cut + len(separator), end)
        for kind, name in ((left, right), (right, left)):
            words = text[kind[0]:kind[1]].split()
            if not 1 <= len(words) <= 2 or not rx.instrument_word.match(words[-1].strip(".:,")):
                continue
            if rx.budget_noun.match(words[-1]) or is_document(words[-1], context.cues.document_heads):
                continue
            noun = words[0].strip(".:,")
            if len(words) == 1 and words[0][:1].islower() and stem(noun, rx) != noun.lower():
                continue  # "Psykisk helse - opptrappingsplanen": a definite noun is the measure, the rest its topic
            phrase = trim_phrase(text, *name, rx, max_words=MAX_TITLE_WORDS)
            if phrase is None or len(text[phrase[0]:phrase[1]].split()) < 2 or context.starts_actor(phrase[0]):
                continue
            return phrase
    return None


def find_budget_posts(context: MeasureContext) -> tuple[BudgetPost, ...]:
    """Headings "<prefix> <number> <name>[, ...]": the name is a measure and the topic of its section.

    A numbered one ("11.14.1 Post 21 Spesielle driftsutgifter, kan nyttes under post 71" in a committee's
    recommendation or a budget proposition) counts as the title or as a long line too, and its topic runs on
    through the sections of its numbered sub-headings ("11.14.1.1 Sammendrag", "11.14.1.2 Komiteens merknader")
    up to the next heading outside it.
    """
    text = context.text
    found = []
    lines = [(h.start, h.end, h.section) for h in context.headings]
    # the title too ("Post 21 Spesielle driftsutgifter" over a committee's summary of the post)
    title_lines = [(s.start, s.end, s.section) for s in context.sentences if s.is_title]
    lines += title_lines
    known = {start for start, _, _ in lines}
    for m in _NUMBERED_LINE.finditer(text):
        index = context.sentence_of(m.start())
        if m.start() not in known and index is not None:
            lines.append((m.start(), m.end(), context.sentences[index].section))
    titles = {start for start, _, _ in title_lines}
    for start, end, section in sorted(lines):
        line = text[start:end]
        for prefix in context.cues.heading_measure_prefixes:
            m = re.match(rf"(?:(\d+(?:\.\d+)*)\.?\s+)?{re.escape(prefix)}\s+\d+\s+(.+?)(?:,.*)?$", line)
            if m:
                candidate = Candidate(start + m.start(2), start + m.end(2), context.sentence_of(start), "heading",
                                      named=True)
                found.append(BudgetPost(candidate, section, _subsections(context, start, m.group(1))
                                        or _standard_sections(context, end), start in titles))
    # a title post is the topic of the sections under it, up to the next post's heading
    return tuple(BudgetPost(p.candidate, p.section, tuple(range(p.section + 1, _next_post_section(found, context))),
                            title=True) if p.title and not p.subsections else p for p in found)


def _next_post_section(posts: list[BudgetPost], context: MeasureContext) -> int:
    """The section of the first post heading below the title, or one past the last section."""
    later = [p.section for p in posts if not p.title]
    return min(later) if later else max((s.section for s in context.sentences), default=0) + 1


#: a line opening with a section number of two levels or more ("11.14.1 ...")
_NUMBERED_LINE = re.compile(r"(?m)^\d+(?:\.\d+)+\.?[^\S\n]+\S[^\n]*$")


def _subsections(context: MeasureContext, start: int, number: str | None) -> tuple[int, ...]:
    """The sections of the headings after ``start`` numbered under ``number`` ("11.14.1.1" under "11.14.1"), up to
    the first heading that is not."""
    if not number or "." not in number:
        return ()
    return _sections_while(context, start, lambda heading: context.text.startswith(number + ".", heading.start))


def _standard_sections(context: MeasureContext, end: int) -> tuple[int, ...]:
    """The sections of the headings right after ``end`` that every post of a committee's recommendation or a budget
    proposition has ("Sammendrag", "Komiteens merknader"; ``post_section_headings``): they are about the post above
    them, up to the first other heading."""
    names = context.cues.post_section_headings
    text = context.text
    return _sections_while(context, end, lambda heading: text[heading.start:heading.end].strip().lower() in names)


def _sections_while(context: MeasureContext, after: int, belongs: Callable[[Heading], bool]) -> tuple[int, ...]:
    """The sections of the headings after ``after`` for which ``belongs`` holds, up to the first that does not."""
    out = []
    for heading in context.headings:
        if heading.start <= after:
            continue
        if not belongs(heading):
            break
        out.append(heading.section)
    return tuple(out)


#: A numbered measure of a plan ("Tiltak 35: Prioritere forskning på psykiske lidelser", "• Tiltak 4 – Styrke
#: skolehelsetjenesten"): the text after the number names the measure.
_NUMBERED = re.compile(
    r"^[^\S\n]*(?:[•\-–*·][^\S\n]*)?(?i:tiltak)[^\S\n]+\d{1,3}[a-z]?[^\S\n]*[:.–—-][^\S\n]*(?=\S)", re.MULTILINE)


def find_numbered(context: MeasureContext) -> tuple[Candidate, ...]:
    """Numbered measures of a plan: a line opening "Tiltak <number>:" names the measure up to the first comma or
    finite verb ("Tiltak 35: Prioritere forskning på psykiske lidelser, bør utvides ..." gives "Prioritere forskning
    på psykiske lidelser"; a comment on the measure follows)."""
    text, rx = context.text, context.rx
    found = []
    for m in _NUMBERED.finditer(text):
        index = context.sentence_of(m.end())
        if index is None:
            continue
        s = context.sentences[index]
        end = min(s.end, line_bounds(text, m.end())[1])
        comma = text.find(",", m.end(), end)
        end = before_finite_verb(context, m.end(), comma if comma >= 0 else end)
        phrase = trim_phrase(text, m.end(), end, rx, max_words=MAX_TITLE_WORDS)
        if phrase is not None and len(text[phrase[0]:phrase[1]].split()) >= 2:
            found.append(Candidate(phrase[0], phrase[1], index, "heading"))
    return tuple(found)



#: a heading that names a scheme by what it is for: an instrument noun, "til/for/mot" and the rest of the line
_SCHEME_HEADING = re.compile(r"([^\W\d][\w-]*)[^\S\n]+(?:til|for|mot)[^\S\n]+(?!å\b)(?=\w)", re.IGNORECASE)


def find_scheme_headings(context: MeasureContext) -> tuple[Candidate, ...]:
    """Sub-headings that name a scheme, each with a paragraph under it ("Tilskot til kommunar og Nav-kontor" over
    "Tilskot til utvikling av sosiale tenester i Nav-kontoret" / "Føremålet er å ...", "Tilskot til bustadsosialt
    arbeid" / "Nye kommunar kan ikkje søkje."): a page that presents several grants names each in a heading of its
    own. The line opens with an instrument noun (not a budget noun) and "til", "for" or "mot" what it is for; not whom
    it goes to ("Tilskudd til kommunene"), nor a budget line ("..., kan nyttes under post 1").

    >>> from helsekg.text import document_from_text
    >>> from helsekg.extract.measures.context import build_context
    >>> text = ("Tilskot til kommunar\\n\\nDirektoratet har lyst ut to tilskot.\\n\\n"
    ...         "Tilskot til bustadsosialt arbeid\\n\\nKommunar som fekk tilskot i fjor kan søkje.\\n")
    >>> context = build_context(document_from_text(text, source="x.txt"))
    >>> [text[c.start:c.end] for c in find_scheme_headings(context)]
    ['Tilskot til bustadsosialt arbeid']
    """
    text, rx = context.text, context.rx
    found = []
    for heading in context.headings:
        index = context.sentence_of(heading.start)
        if index is None or context.sentences[index].is_title or context.sentences[index].bullet is not None:
            continue  # (an item of a list is read with its list)
        line = text[heading.start:heading.end].rstrip()
        m = _SCHEME_HEADING.match(line)
        if (m is None or len(line.split()) > MAX_TITLE_WORDS or "," in line or line.endswith((".", ":", "?"))
                or not rx.instrument_word.match(m.group(1)) or rx.budget_noun.match(m.group(1))
                or _not_a_scheme(context, m.group(1))):
            continue
        end = heading.start + len(line)
        if (group_phrase(context, heading.start + m.end(), end, from_start=True) is not None
                or context.starts_actor(heading.start + m.end())):
            continue  # "Tilskudd til kommunene", "Satsing til regjeringa": whom it goes to, no scheme's name
        if not context.paragraph_under(heading):
            continue  # no paragraph under it: a menu or a list of links
        phrase = trim_phrase(text, heading.start, end, rx, max_words=MAX_TITLE_WORDS)
        if phrase is not None and phrase[1] > heading.start + m.end():
            found.append(Candidate(*phrase, index, "heading", named=True))
    return tuple(found)


def _not_a_scheme(context: MeasureContext, noun: str) -> bool:
    """The heading's noun names no scheme of the page: a definite one takes up a measure ("Tilskotet til ...",
    "Planane for utbygging ..."), a document is what the page follows, a price is what a service costs ("Prisar for
    praktisk bistand")."""
    low, cues = noun.lower(), context.cues
    # (the noun is an instrument word here, so is_definite reads its definite ending; not the plural's "-ane/-ene")
    return (context.is_definite(low) or low.endswith(("ane", "ene")) or is_document(low, cues.document_heads)
            or cues.is_price(low) or re.sub(r"(?:ar|er)$", "", low) in cues.price_words)
