"""Facts as labelled spans (helsekg.extract.spans): displaCy's span view, and Docs that cross processes."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from helsekg.api import annotate
from helsekg.extract.spans import LABELS, SPANS_KEY
from helsekg.nlp.pipeline import load

TEXTS = [
    "Regjeringen foreslår 53 millioner kroner til Kompetanseløft 2025 i 2021 for å styrke kompetansen.",
    "Helsedirektoratet får om lag 2,5 millioner kroner og 3-4 stillinger til tiltaket.",
]


@pytest.fixture(scope="module")
def blank():
    return load(None)


def test_spans_are_labelled_for_displacy(blank):
    doc = annotate(TEXTS[0], nlp=blank)
    labels = {span.label_ for span in doc.spans[SPANS_KEY]}
    assert {"ORG", "AMOUNT"} <= labels <= set(LABELS)
    html = spacy.displacy.render(doc, style="span", options={"spans_key": SPANS_KEY})
    assert all(f">{label}<" in html.replace(" ", "").replace("\n", "") for label in labels)


def test_spans_component_in_a_plain_spacy_pipeline(blank):
    nlp = load(None)
    nlp.add_pipe("helsekg_extract")
    doc = nlp(TEXTS[1])
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY] if s.label_ in ("AMOUNT", "QUANTITY")] == [
        ("om lag 2,5 millioner kroner", "AMOUNT"), ("3-4 stillinger", "QUANTITY")]
    assert "helsekg_extract" in nlp.analyze_pipes()["summary"]


def test_spans_survive_n_process_2():
    nlp = load(None)
    nlp.add_pipe("helsekg_extract")
    docs = list(nlp.pipe(TEXTS, n_process=2))  # crashed: "can not serialize 'ActorRef' object"
    single = [nlp(text) for text in TEXTS]
    for doc, expected in zip(docs, single):
        assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [
            (s.text, s.label_) for s in expected.spans[SPANS_KEY]]
        assert [s._.amount for s in doc.spans["helsekg_amounts"]] == [s._.amount for s in expected.spans["helsekg_amounts"]]
        assert [s._.actor for s in doc.spans["helsekg_actors"]] == [s._.actor for s in expected.spans["helsekg_actors"]]


def test_spans_docbin_round_trip_keeps_extension_values(blank):
    doc = blank(TEXTS[1])
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    back = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(blank.vocab))[0]
    assert back.spans["helsekg_amounts"][0]._.amount == doc.spans["helsekg_amounts"][0]._.amount
    again = Doc(blank.vocab).from_bytes(doc.to_bytes())
    assert again.spans["helsekg_actors"][0]._.actor == doc.spans["helsekg_actors"][0]._.actor
