"""Extracted facts as labelled spans in a ``doc.spans`` group, for displaCy's span view and spaCy users.

:func:`add_spans` puts every mention of an :class:`~helsekg.extract.records.Extraction` into
``doc.spans["helsekg"]`` with a label per fact type (:data:`LABELS`); the span's ``kb_id_`` is the fact's
cross-document key where it has one (measures, actors, target groups). The ``helsekg_extract`` component does
the same inside a pipeline, so plain spaCy code gets the facts (it reads the Document metadata from the
Doc's text with :func:`helsekg.text.document_from_text`)::

    nlp = helsekg.load()
    nlp.add_pipe("helsekg_extract")
    spacy.displacy.render(nlp(text), style="span", options={"spans_key": "helsekg"})

>>> from helsekg.nlp.pipeline import load
>>> nlp = load(None)
>>> _ = nlp.add_pipe("helsekg_extract")
>>> doc = nlp("Regjeringen foreslår 53 millioner kroner til ordningen Pilot Helse.")
>>> [(s.text, s.label_) for s in doc.spans[SPANS_KEY]]
[('Regjeringen', 'ORG'), ('53 millioner kroner', 'AMOUNT'), ('Pilot Helse', 'MEASURE')]
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from helsekg.extract.extractor import extract
from helsekg.extract.records import Actor, Extraction, Span
from helsekg.nlp.actors import ActorKind
from helsekg.text.reading import document_from_text

#: ``doc.spans`` key of the extracted facts
SPANS_KEY = "helsekg"
#: span labels, one per fact type (the order of the review page's legend)
LABELS = ("MEASURE", "PROGRAMME", "AMOUNT", "QUANTITY", "GOAL", "TARGET_GROUP", "ORG", "PERSON",
          "RECOMMENDATION", "QUOTE")


def _actor_label(actor: Actor) -> str:
    return "PERSON" if actor.kind == ActorKind.PERSON else "ORG"


def labelled_records(extraction: Extraction) -> Iterator[tuple[str, Span]]:
    """(label, record) for every mention of ``extraction``, each once, in text order."""
    found: list[tuple[str, Span]] = []
    for measure in extraction.measures:
        found.append(("PROGRAMME" if measure.is_programme else "MEASURE", measure))
        found += [("AMOUNT", a) for a in measure.funding] + [("QUANTITY", q) for q in measure.quantities]
        found += [("GOAL", g) for g in measure.goals] + [("TARGET_GROUP", t) for t in measure.targets]
        if measure.proposer is not None:
            found.append((_actor_label(measure.proposer), measure.proposer))
    found += [("AMOUNT" if a.is_money else "QUANTITY", a) for a in extraction.amounts]
    found += [("GOAL", g) for g in extraction.goals]
    found += [("TARGET_GROUP", t) for t in extraction.target_groups]
    found += [(_actor_label(a), a) for a in extraction.actors]
    found += [("RECOMMENDATION", r) for r in extraction.recommendations]
    found += [("QUOTE", q) for q in extraction.quotes]
    seen: set[tuple[str, int, int]] = set()
    for label, record in sorted(found, key=lambda item: (item[1].start, -item[1].end, LABELS.index(item[0]))):
        if record.end > record.start and (label, record.start, record.end) not in seen:
            seen.add((label, record.start, record.end))
            yield label, record


def add_spans(doc: Doc, extraction: Extraction, *, spans_key: str = SPANS_KEY) -> Doc:
    """Put every fact of ``extraction`` (made from ``doc``) into ``doc.spans[spans_key]`` as a labelled span.

    Returns the same Doc. Offsets are character offsets of ``doc.text``; a span that does not fall on
    token boundaries is widened to the tokens it touches.
    """
    spans = []
    for label, record in labelled_records(extraction):
        span = doc.char_span(record.start, record.end, label=label, alignment_mode="expand",
                             kb_id=getattr(record, "key", None) or "")
        if span is not None:
            spans.append(span)
    doc.spans[spans_key] = spans
    return doc


@Language.factory(
    "helsekg_extract",
    assigns=["doc.spans"],
    requires=["doc.spans", "span._.amount", "span._.actor"],  # the helsekg_amounts and helsekg_actors spans
    default_config={"spans_key": SPANS_KEY},
)
def make_extract(nlp: Language, name: str, spans_key: str) -> FactSpans:
    """spaCy factory for :class:`FactSpans`."""
    return FactSpans(spans_key=spans_key)


class FactSpans:
    """Run helsekg's extraction on the Doc and add its facts as labelled spans (after ``helsekg_amounts``)."""

    def __init__(self, *, spans_key: str = SPANS_KEY) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        document = document_from_text(doc.text, source="spacy-doc.txt", language=doc._.helsekg_language)
        if document.text != doc.text:
            warnings.warn("helsekg_extract: the text has \\r line endings or a BOM; no facts added "
                          "(use helsekg.api.annotate)", stacklevel=2)
            doc.spans[self.spans_key] = []
            return doc
        return add_spans(doc, extract(doc, document), spans_key=self.spans_key)
