"""The Norwegian spaCy pipeline: helsekg's trained model with its rule components on top.

``load()`` returns a ``Language``. When the trained model shipped in ``helsekg/models/`` is present
it supplies tokens, sentences, tags, lemmas, dependencies and named entities; otherwise a blank
Norwegian pipeline with a rule-based sentencizer is used, so the rule components always run.

>>> nlp = load(model=None)
>>> doc = nlp("Regjeringen foreslår 53 millioner kroner til tiltaket i 2021.")
>>> [(s.text, s._.amount.value) for s in doc.spans["helsekg_amounts"]]
[('53 millioner kroner', Decimal('53000000'))]
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import helsekg.nlp.actors  # noqa: F401  (registers the helsekg_actors factory)
import helsekg.nlp.lemmas  # noqa: F401  (registers the helsekg_lemma_lookup factory)
import helsekg.nlp.tokens  # noqa: F401  (registers the helsekg_sentence_periods factory)
from helsekg import resources
from helsekg.nlp import codec, extensions
from helsekg.nlp.amounts import find_amounts

extensions.register()
codec.register()  # span._.amount and span._.actor values serialise (nlp.pipe(n_process=2), Doc.to_bytes)


@Language.factory(
    "helsekg_amounts",
    assigns=["doc.spans", "span._.amount"],
    requires=[],
    default_config={"spans_key": extensions.AMOUNTS_KEY},
)
def make_amounts(nlp: Language, name: str, spans_key: str) -> "AmountRecognizer":
    """spaCy factory for :class:`AmountRecognizer`."""
    return AmountRecognizer(spans_key=spans_key)


class AmountRecognizer:
    """Find Norwegian monetary amounts and quantities; each span carries its parsed ``Amount``."""

    def __init__(self, *, spans_key: str = extensions.AMOUNTS_KEY) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for amount in find_amounts(extensions.doc_text(doc)):
            span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is None:  # pragma: no cover - expand always aligns on non-empty text
                continue
            span._.amount = amount
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def load(model: str | Path | None = "default", *, lang: str = "nb", blas_threads: int | None = 1) -> Language:
    """Load helsekg's Norwegian pipeline.

    Args:
        model: ``"default"`` for the model shipped with helsekg (falls back to a blank pipeline when
            it is absent), a path to another spaCy pipeline, or ``None`` for a blank pipeline.
        lang: language code of the blank pipeline (``"nb"`` or ``"nn"``).
        blas_threads: limit numpy's BLAS to this many threads in this process (one: a second thread
            only spins on the pipeline's small matrices, issue 18); None leaves it as it is.

    Returns:
        A spaCy ``Language`` ending with the ``helsekg_actors`` and ``helsekg_amounts`` components.
    """
    nlp: Language
    if model == "default":
        model = resources.model_dir() if resources.model_dir().is_dir() else None
    if model is None:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
    else:
        from helsekg.nlp.fastops import pin_blas_threads, use_numpy_gemm

        use_numpy_gemm()
        if blas_threads is not None:
            pin_blas_threads(blas_threads)
        nlp = spacy.load(model)
        if "trainable_lemmatizer" in nlp.pipe_names:
            # Norsk Ordbank lemmas where they beat the trained lemmatizer (measured: MODEL.md)
            nlp.add_pipe("helsekg_lemma_lookup", after="trainable_lemmatizer")
    # "... i 2022." / "... 50 mill. kr.": the sentence's period apart, as the treebank writes it
    nlp.add_pipe("helsekg_sentence_periods", first=True)
    nlp.add_pipe("helsekg_actors", last=True)
    nlp.add_pipe("helsekg_amounts", last=True)
    return nlp
