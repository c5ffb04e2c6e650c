"""Strategy: the services a page presents under headings of their own.

A municipality's pages on housing, short stays or day care present each offer under a heading of its own and describe
it in the paragraph below: "Omsorgsbolig" / "Ein omsorgsbustad er ein bustad som er tilpassa ...", "Avlastningsopphald"
/ "Målet med opphaldet er å avlaste pårørande". Such a heading names a measure of the page when its head noun is a
kind of offer (``service_heads`` in ``measure_cues.json``: a dwelling, a stay, a day centre, an offer; a compound's
last part counts, "Trygde- og servicebolig"; the kind alone, "Bolig", names none) and a paragraph follows it. The real
texts' annotators count these offers as measures (issue 13, twenty-first session).

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = ("Butilbod i kommunen\\n\\nOmsorgsbolig\\n\\nEin omsorgsbustad er tilpassa personar med behov for "
...         "hjelp.\\n\\nKontakt\\n\\nRing servicetorget.\\n")
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [text[c.start:c.end] for c in find_services(context)]
['Omsorgsbolig']
"""

from __future__ import annotations

import re
from functools import lru_cache

from helsekg.extract.measures.candidates import Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.recommendations import default_cues as recommendation_cues
from helsekg.nlp.extensions import annotated
from helsekg.nlp.lemmas import load_table

__all__ = ["find_services"]

#: the longest service heading, in words
MAX_HEADING_WORDS = 6


@lru_cache(maxsize=4)
def _service_heading(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    """A heading whose last word is, or ends in, a service noun ("Trygde- og servicebolig", "Mellombels butilbod")."""
    if not heads:
        return None
    alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?i)^[^\W\d][\w\s,.-]*?(?:{alternatives})\Z|^(?:{alternatives})\Z")


def find_services(context: MeasureContext) -> tuple[Candidate, ...]:
    """A heading that names an offer, with a paragraph after it (see the module docstring)."""
    generic = frozenset(h.lower() for h in context.cues.service_kinds)
    pattern = _service_heading(tuple(context.cues.service_heads))
    if pattern is None:
        return ()
    text = context.text
    out = []
    for heading in context.headings:
        line = text[heading.start:heading.end].strip()
        if not line or len(line.split()) > MAX_HEADING_WORDS or not pattern.match(line):
            continue
        if line.lower() in generic:
            continue  # "Bolig", "Opphold", "Avlastning": the kind of offer alone names none in particular
        if _opens_with_verb(context, heading.start, heading.end):
            continue  # "Søkje omsorgsstønad": what to do, not the offer
        if not context.paragraph_under(heading):
            continue  # a heading with no paragraph under it: a menu or a list of links, not an offer presented
        index = context.sentence_of(heading.start)
        # the heading is the offer's name, whatever the entity tagger makes of it ("Avlastningsopphald")
        out.append(Candidate(heading.start, heading.start + len(text[heading.start:heading.end].rstrip()), index,
                             "service", named=True))
    return tuple(out) + _described_under_section(context, pattern, generic)


#: the section headings under which a service page describes its service ("Tenesta", "Om tjenesten", "Beskrivelse")
_SERVICE_SECTION = re.compile(r"(?i)(?:om\s+)?(?:tenesta|tjenesten|tjenesta|tilbodet|tilbudet|beskrivelse|beskriving)")
#: a sentence's first words up to its verb ("Praktisk bistand vert gitt til ...")
_SUBJECT_AND_VERB = re.compile(r"((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:vert|blir|er|kan|skal|gjev|gir|gis)\b")


def _described_under_section(context: MeasureContext, pattern: re.Pattern[str],
                             generic: frozenset[str]) -> tuple[Candidate, ...]:
    """A service named as the subject of the first sentence under a heading "Tenesta", "Om tjenesten" or "Beskrivelse"
    ("Tenesta" / "Praktisk bistand vert gitt til den som ikkje kan dra omsorg for seg sjølv ..."): the service the
    page is about; the first such sentence only."""
    text, sentences = context.text, context.sentences
    for index, line in enumerate(sentences[1:], start=1):
        if not _SERVICE_SECTION.fullmatch(text[line.start:line.end].strip()) or index + 1 >= len(sentences):
            continue  # a heading line of its own (the layout may not call it a heading when no blank line follows)
        after = sentences[index + 1]
        subject = _SUBJECT_AND_VERB.match(text, after.start, after.end)
        if subject is None:
            continue
        name = subject.group(1)
        if pattern.match(name) and name.lower() not in generic and name[:1].isupper():
            return (Candidate(after.start, after.start + len(name), index + 1, "service", named=True),)
    return ()


def _opens_with_verb(context: MeasureContext, start: int, end: int) -> bool:
    """The heading opens with an instruction to the reader ("Søkje omsorgsstønad"), a word the dictionary knows as a
    verb and not as a noun, or one the tagger reads as a verb or an adverb ("Slik søker du ...")."""
    first = context.text[start:end].split()[0].lower()
    if first in recommendation_cues().instruction_verbs:
        return True  # "Søk", "Søkje", "Les meir": what the reader is to do
    if load_table().only_as("VERB", first, not_as="NOUN"):
        return True
    doc = context.doc
    if doc is None or not annotated(doc, "POS"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ in ("VERB", "AUX", "ADV")
