"""helsekg_lemma_lookup: Norsk Ordbank lemmas on top of the trained lemmatizer (no model needed)."""

from __future__ import annotations

import gzip
import json

import pytest
import spacy
from spacy.tokens import Doc

from helsekg.nlp.lemmas import TABLE_PATH, LemmaLookup, load_table
from helsekg.training.lemma_table import build_table


def _nlp(**config):
    nlp = spacy.blank("nb")
    nlp.add_pipe("helsekg_lemma_lookup", config=config)
    return nlp


def _run(nlp, words, pos, lemmas=None):
    """Doc with hand-set POS and 'trained' lemmas, through the pipeline's lookup component."""
    doc = Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas or words)
    return nlp.get_pipe("helsekg_lemma_lookup")(doc)


def test_lemmas_unseen_forms_overridden_in_any_language():
    nlp = _nlp()  # language unknown: only the unseen-form rule
    doc = _run(nlp, ["legevaktene", "digitaliserte", "sykehusavdelingene"], ["NOUN", "VERB", "NOUN"],
               ["legevakten", "digitalisert", "sykehusavdelingen"])
    assert [t.lemma_ for t in doc] == ["legevakt", "digitalisere", "sykehusavdeling"]


def test_lemmas_bokmal_rule_fixes_wrong_trained_lemmas_of_seen_forms():
    nlp = _nlp(language="nb")
    doc = _run(nlp, ["sykehusene", "styrket", "kommunene", "er"], ["NOUN", "VERB", "NOUN", "AUX"],
               ["sykehusen", "styrk", "kommunen", "vere"])
    assert [t.lemma_ for t in doc] == ["sykehus", "styrke", "kommune", "være"]


def test_lemmas_bokmal_rule_off_for_nynorsk_and_unknown_language():
    for nlp in (_nlp(language="nn"), _nlp()):
        doc = _run(nlp, ["sykehusene", "er"], ["NOUN", "AUX"], ["sykehusen", "vere"])
        assert [t.lemma_ for t in doc] == ["sykehusen", "vere"]


def test_lemmas_doc_extension_language_wins_over_config():
    from helsekg.nlp import extensions

    extensions.register()  # declares doc._.helsekg_language (set by helsekg.api.process)
    nlp = _nlp(language="nb")
    doc = Doc(nlp.vocab, words=["er"], pos=["AUX"], lemmas=["vere"])
    doc._.helsekg_language = "nn"
    assert nlp.get_pipe("helsekg_lemma_lookup")(doc)[0].lemma_ == "vere"
    doc._.helsekg_language = "nb"
    assert nlp.get_pipe("helsekg_lemma_lookup")(doc)[0].lemma_ == "være"


def test_lemmas_known_good_lemmas_left_alone():
    nlp = _nlp(language="nb")
    # table says bøker -> bøk (beech); the trained "bok" is a valid Ordbank lemma, so it stays
    doc = _run(nlp, ["bøker", "sykehusene", "kommunene"], ["NOUN", "NOUN", "NOUN"], ["bok", "sykehus", "kommune"])
    assert [t.lemma_ for t in doc] == ["bok", "sykehus", "kommune"]


def test_lemmas_ambiguous_and_untabled_forms_left_alone():
    nlp = _nlp(language="nb")
    # a-egget: A-egg / a-egg after lowercasing -> dropped; fastlegene: not in Ordbank; PROPN/ADP: no table
    doc = _run(nlp, ["a-egget", "fastlegene", "Oslo", "i"], ["NOUN", "NOUN", "PROPN", "ADP"],
               ["x", "fastlege", "Oslo", "i"])
    assert [t.lemma_ for t in doc] == ["x", "fastlege", "Oslo", "i"]


def test_lemmas_wrong_pos_not_overridden():
    nlp = _nlp(language="nb")
    doc = _run(nlp, ["sykehusene"], ["VERB"], ["sykehusen"])
    assert doc[0].lemma_ == "sykehusen"


def test_lemmas_no_crash_on_empty_doc_and_missing_pos():
    nlp = _nlp(language="nb")
    assert len(nlp("")) == 0
    doc = nlp("Sykehusene er styrket .")  # blank pipeline: no POS, no lemmas
    assert [t.lemma_ for t in doc] == ["", "", "", ""]


def test_lemmas_unseen_rule_can_be_switched_off():
    nlp = _nlp(unseen_rule=False, bokmal_rule_languages=[])
    doc = _run(nlp, ["legevaktene"], ["NOUN"], ["legevakten"])
    assert doc[0].lemma_ == "legevakten"


def test_lemmas_table_loads_and_carries_licence():
    table = load_table()
    assert "Norsk Ordbank" in table.source and "CC-BY 4.0" in table.licence
    assert table.lookup("NOUN", "Kommunene", seen=True) == "kommune"
    assert TABLE_PATH.stat().st_size < 5_000_000
    with gzip.open(TABLE_PATH, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    assert set(data["unseen"]) == set(data["seen"]) == {"NOUN", "VERB", "ADJ"}
    assert (TABLE_PATH.parent / "ordbank_LICENSE.txt").read_text(encoding="utf-8").count("CC BY 4.0") >= 1


def test_lemmas_build_table_splits_seen_and_drops_ambiguous():
    exc = {"noun": {"Bil": ["Bil"], "bil": ["bil"], "biler": ["bil"], "hus": ["hus"], "husa": ["hus"]},
           "verb": {"kaster": ["kaste"], "ligger": ["ligge", "ligger"]}, "adj": {}}
    data = build_table(exc, ["Hus", "kaster"])
    assert data["unseen"]["NOUN"] == {"biler": "bil", "husa": "hus"}  # "bil" ambiguous (Bil/bil)
    assert data["seen"]["NOUN"] == {"hus": ""}
    assert data["seen"]["VERB"] == {"kaster": "kaste"}
    assert "VERB" not in data["unseen"]  # "ligger" has two lemmas
    assert data["_licence"].startswith("CC-BY 4.0")


def test_lemmas_component_serialises_without_table(tmp_path):
    nlp = _nlp(language="nb")
    nlp.to_disk(tmp_path / "m")
    assert not any(p.name.endswith(".gz") for p in (tmp_path / "m").rglob("*"))
    nlp2 = spacy.load(tmp_path / "m")
    assert isinstance(nlp2.get_pipe("helsekg_lemma_lookup"), LemmaLookup)


@pytest.mark.parametrize("pos", ["NOUN", "VERB", "ADJ", "AUX", "X", ""])
def test_lemmas_any_pos_is_safe(pos):
    nlp = _nlp(language="nb")
    doc = _run(nlp, ["styrket"], [pos] if pos else None, ["styrket"])
    assert doc[0].lemma_ in ("styrket", "styrke")
