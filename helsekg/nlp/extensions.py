"""Every custom ``Doc``/``Span`` attribute helsekg uses, declared once.

>>> register()
>>> from spacy.tokens import Span
>>> Span.has_extension("amount")
True
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: ``doc.spans`` key holding amounts and quantities found by the ``helsekg_amounts`` component.
AMOUNTS_KEY = "helsekg_amounts"
#: ``doc.spans`` key holding actor mentions found by the ``helsekg_actors`` component.
ACTORS_KEY = "helsekg_actors"
#: ``doc.user_data`` key of the cached text (see :func:`doc_text`).
TEXT_CACHE_KEY = _TEXT_KEY = ("helsekg", "text")


def register() -> None:
    """Declare helsekg's extensions; safe to call more than once."""
    if not Span.has_extension("amount"):
        # helsekg.nlp.amounts.Amount parsed from the span's text (offsets are document offsets).
        Span.set_extension("amount", default=None)
    if not Span.has_extension("actor"):
        # helsekg.nlp.actors.ActorRef: who the span names (key, label, kind, type, role, party).
        Span.set_extension("actor", default=None)
    if not Doc.has_extension("helsekg_doc_id"):
        Doc.set_extension("helsekg_doc_id", default=None)
    if not Doc.has_extension("helsekg_language"):
        # "nb" or "nn": the document's written standard, set by helsekg.api.process before the
        # components run (the lemma lookup applies its Bokmål-only rule by it).
        Doc.set_extension("helsekg_language", default=None)


#: ``doc.user_data`` key of the remembered :func:`annotated` answers.
_ANNOTATED_KEY = ("helsekg", "annotated")


def annotated(doc: Doc, attr: str) -> bool:
    """``doc.has_annotation(attr)``, asked once per Doc and attribute (issue 18).

    spaCy answers by looking at every token until one has the attribute, so on a Doc without it (the blank
    pipeline has no parse) each question walks the whole document: a rule that asks per sentence made the
    extraction of a long text quadratic. For the extraction, which reads a finished Doc; a pipeline component, which
    may run before the attribute is set, asks spaCy.

    >>> import spacy
    >>> doc = spacy.blank("nb")("Helse i hele landet.")
    >>> annotated(doc, "DEP"), annotated(doc, "DEP"), doc.has_annotation("DEP")
    (False, False, False)
    """
    answers = doc.user_data.get(_ANNOTATED_KEY)
    if answers is None or answers[0] != len(doc):
        answers = (len(doc), {})
        doc.user_data[_ANNOTATED_KEY] = answers
    known = answers[1].get(attr)
    if known is None:
        known = answers[1][attr] = doc.has_annotation(attr)
    return known


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each ``doc.text``; issue 18).

    A Doc's text never changes (retokenizing keeps it), so the first result is kept in ``doc.user_data``,
    with the token count and end offset it was made for, so a Doc built from another's user data is not fooled.

    >>> import spacy
    >>> doc = spacy.blank("nb")("Helse i hele landet.")
    >>> doc_text(doc) == doc.text, doc_text(doc) is doc_text(doc)
    (True, True)
    """
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is not None and cached[0] == len(doc) and cached[1] == end:
        return cached[2]
    text = doc.text
    doc.user_data[_TEXT_KEY] = (len(doc), end, text)
    return text
