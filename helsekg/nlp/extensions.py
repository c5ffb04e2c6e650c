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
