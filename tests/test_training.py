"""Tests for helsekg.training (NorNE conversion, training smoke run) and helsekg.nlp.fastops.

The CoNLL fixtures are sentences written for these tests, not NorNE text.
"""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

from helsekg.nlp import fastops
from helsekg.training import convert as cv


def _rows(*lines: str) -> str:
    """Join space-separated columns with tabs (fixtures stay readable)."""
    return "\n".join("\t".join(line.split()) for line in lines) + "\n"


# NDT: ID FORM LEMMA CPOS POS FEATS HEAD DEPREL _ name=
NDT = "\n".join([
    _rows(
        "1 Nytt ny adj adj nøyt|ub|ent|pos 2 ATR _ name=O",
        "2 sykehus sykehus subst subst appell|nøyt|ub|ent 0 FRAG _ name=O",
        "3 i i prep prep _ 2 ATR _ name=O",
        "4 Bodø Bodø subst subst prop 3 PUTFYLL _ name=B-GPE_LOC",
        "5 | $| clb clb <overskrift> 2 IP _ name=O",
    ),
    _rows(
        "1 Helse helse subst subst prop 3 SUBJ _ name=B-ORG",
        "2 Nord nord subst subst prop 1 FLAT _ name=I-ORG",
        "3 har ha verb verb pres 0 FINV _ name=O",
        "4 bygd bygge verb verb perf-part 3 INFV _ name=O",
        "5 et en det det kvant|nøyt|ent 7 DET _ name=O",
        "6 nytt ny adj adj nøyt|ub|ent|pos 7 ATR _ name=O",
        "7 sykehus sykehus subst subst appell|nøyt|ub|ent 4 DOBJ _ name=O",
        "8 . $. clb clb <punkt> 3 IP _ name=O",
    ),
    _rows(
        "1 Statsråden statsråd subst subst appell|mask|be|ent 2 SUBJ _ name=O",
        "2 besøkte besøke verb verb pret 0 FINV _ name=O",
        "3 Bodø Bodø subst subst prop 2 DOBJ _ name=B-GPE_LOC",
        "4 i i prep prep _ 2 ADV _ name=O",
        "5 mai mai subst subst appell|mask|ub|ent 4 PUTFYLL _ name=O",
        "6 . $. clb clb <punkt> 2 IP _ name=O",
    ),
    _rows(
        "1 Kommunen kommune subst subst appell|mask|be|ent 2 SUBJ _ name=O",
        "2 har ha verb verb pres 0 FINV _ name=O",
        "3 penger penger subst subst appell|mask|ub|fl 2 DOBJ _ name=O",
        "4 for for prep prep _ 2 ADV _ name=O",
        "5 å å inf-merke inf-merke _ 4 PUTFYLL _ name=O",
        "6 ansette ansette verb verb inf 5 INFV _ name=O",
        "7 « $« <anf> <anf> _ 8 IK _ name=O",
        "8 Fastlegeløftet Fastlegeløftet subst subst prop 6 DOBJ _ name=B-PROD",
        "9 » $» <anf> <anf> _ 8 IK _ name=O",
        "10 . $. clb clb <punkt> 2 IP _ name=O",
    ),
])

# UD (CoNLL-U) versions of NDT sentences 2 (dev) and 3 (test), with UD trees that the converter ignores.
UD_DEV = "# sent_id = d1\n# text = Helse Nord har bygd et nytt sykehus.\n" + _rows(
    "1 Helse Helse PROPN _ _ 4 nsubj _ name=B-ORG",
    "2 Nord Nord PROPN _ _ 1 flat:name _ name=I-ORG",
    "3 har ha AUX _ Mood=Ind|Tense=Pres|VerbForm=Fin 4 aux _ name=O",
    "4 bygd bygge VERB _ VerbForm=Part 0 root _ name=O",
    "5 et en DET _ Gender=Neut|Number=Sing|PronType=Art 7 det _ name=O",
    "6 nytt ny ADJ _ Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing 7 amod _ name=O",
    "7 sykehus sykehus NOUN _ Definite=Ind|Gender=Neut|Number=Sing 4 obj _ SpaceAfter=No|name=O",
    "8 . $. PUNCT _ _ 4 punct _ name=O",
) + "\n" + "# sent_id = d2\n# text = Kommunen har penger.\n" + _rows(
    "1 Kommunen kommune NOUN _ Definite=Def|Gender=Masc|Number=Sing 2 nsubj _ name=O",
    "2 har ha VERB _ Mood=Ind|Tense=Pres|VerbForm=Fin 0 root _ name=O",
    "3 penger penge NOUN _ Definite=Ind|Gender=Masc|Number=Plur 2 obj _ SpaceAfter=No|name=O",
    "4 . $. PUNCT _ _ 2 punct _ name=O",
)
UD_TEST = "# sent_id = t1\n# text = Statsråden besøkte Bodø i mai.\n" + _rows(
    "1 Statsråden statsråd NOUN _ Definite=Def|Gender=Masc|Number=Sing 2 nsubj _ name=O",
    "2 besøkte besøke VERB _ Mood=Ind|Tense=Past|VerbForm=Fin 0 root _ name=O",
    "3 Bodø Bodø PROPN _ _ 2 obj _ name=B-GPE_LOC",
    "4 i i ADP _ _ 5 case _ name=O",
    "5 mai mai NOUN _ Definite=Ind|Gender=Masc|Number=Sing 2 obl _ SpaceAfter=No|name=O",
    "6 . $. PUNCT _ _ 2 punct _ name=O",
)


@pytest.fixture
def norne(tmp_path: Path) -> Path:
    """A miniature NorNE folder (Bokmål only is enough for the reader; Nynorsk gets the same files)."""
    for v, ud_name in (("nob", "no_bokmaal"), ("nno", "no_nynorsk")):
        (tmp_path / "ndt" / v).mkdir(parents=True)
        (tmp_path / "ud" / v).mkdir(parents=True)
        (tmp_path / "ndt" / v / "fixture_0000.conll").write_text(NDT, encoding="utf-8")
        (tmp_path / "ud" / v / f"{ud_name}-ud-dev.conllu").write_text(UD_DEV, encoding="utf-8")
        (tmp_path / "ud" / v / f"{ud_name}-ud-test.conllu").write_text(UD_TEST, encoding="utf-8")
    return tmp_path


@pytest.fixture
def ndt_sents(norne: Path) -> list[cv.Sentence]:
    return cv.read_ndt(norne / "ndt" / "nob" / "fixture_0000.conll", "nob")


def test_training_ndt_drops_headline_mark(ndt_sents):
    headline = ndt_sents[0]
    assert [t.form for t in headline.tokens] == ["Nytt", "sykehus", "i", "Bodø"]
    assert [t.head for t in headline.tokens] == [2, 0, 2, 3]


def test_training_ndt_reads_tags_heads_entities(ndt_sents):
    s = ndt_sents[1]
    assert [t.form for t in s.tokens] == ["Helse", "Nord", "har", "bygd", "et", "nytt", "sykehus", "."]
    assert [t.head for t in s.tokens] == [3, 1, 0, 3, 7, 7, 4, 3]
    assert [t.deprel for t in s.tokens][:4] == ["SUBJ", "FLAT", "FINV", "INFV"]
    assert [t.ner for t in s.tokens][:3] == ["B-ORG", "I-ORG", "O"]
    assert s.tokens[2].ndt_pos == "verb" and s.tokens[2].ndt_ctx == "IV"
    assert s.tokens[-1].lemma == "$."


@pytest.mark.parametrize(
    ("forms", "spaces"),
    [
        (["Hei", ",", "du", "."], [False, True, False, False]),
        (["(", "se", "side", "3", ")"], [False, True, True, False, False]),
        (["Han", "sa", '"', "nei", '"', "og", "gikk"], [True, True, False, False, True, True, False]),
        (["«", "Ja", "»", ",", "sa", "hun"], [False, False, False, True, True, False]),
    ],
)
def test_training_ndt_spaces(forms, spaces):
    assert cv.ndt_spaces(forms) == spaces


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]),
        (["I-ORG", "I-ORG"], ["B-ORG", "I-ORG"]),  # stray I- opens an entity
        (["B-MISC", "I-MISC", "B-LOC"], ["O", "O", "B-LOC"]),  # MISC dropped
        (["B-PER", "I-ORG"], ["B-PER", "B-ORG"]),  # type change starts a new entity
        (["B-GPE_LOC", "B-GPE_LOC"], ["B-GPE_LOC", "B-GPE_LOC"]),
    ],
)
def test_training_iob_normalisation(tags, expected):
    assert cv.iob_to_doc_iob(tags) == expected


def test_training_split_holds_out_dev_and_test(ndt_sents, norne):
    ud_dev = cv.read_ud(norne / "ud" / "nob" / "no_bokmaal-ud-dev.conllu", "nob")
    ud_test = cv.read_ud(norne / "ud" / "nob" / "no_bokmaal-ud-test.conllu", "nob")
    split = cv.split_variety(ndt_sents, ud_dev, ud_test)
    assert [s.tokens[0].form for s in split.train] == ["Nytt", "Kommunen"]
    assert split.stats == {"dev_ud_sentences": 2, "dev_matched": 1, "test_ud_sentences": 1, "test_matched": 1,
                           "ndt_sentences": 4, "ndt_excluded": 2, "train_sentences": 2}
    dev = split.dev[0]
    # UD words, tags and spaces; NDT tree
    assert [t.upos for t in dev.tokens][:4] == ["PROPN", "PROPN", "AUX", "VERB"]
    assert [t.deprel for t in dev.tokens][:4] == ["SUBJ", "FLAT", "FINV", "INFV"]
    assert [t.space_after for t in dev.tokens][-2:] == [False, True]
    # the unmatched UD sentence keeps its words but has no tree
    assert all(t.head is None and t.deprel is None for t in split.dev[1].tokens)


def test_training_tag_table_uses_tree_context(ndt_sents, norne):
    ud_dev = cv.read_ud(norne / "ud" / "nob" / "no_bokmaal-ud-dev.conllu", "nob")
    split = cv.split_variety(ndt_sents, ud_dev, [])
    table = cv.build_tag_table(split.pairs_dev, min_count=1)
    har_aux, har_main = ndt_sents[1].tokens[2], ndt_sents[3].tokens[1]
    assert cv.lookup_tag(table, har_aux) == ("AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin")
    assert cv.lookup_tag(table, ndt_sents[3].tokens[2]) == ("NOUN", "")  # unseen FEATS: CPOS fallback
    assert cv.lookup_tag(table, ndt_sents[3].tokens[4]) == ("X", "")  # unseen CPOS (inf-merke)
    assert cv.tag_accuracy(table, split.pairs_dev)["upos"] == 1.0
    assert har_main.ndt_ctx == "" and ndt_sents[3].tokens[3].ndt_ctx == "V"  # "for" heads "å ansette"


def test_training_doc_has_spans_sentences_and_heads(ndt_sents):
    import spacy

    nlp = spacy.blank("nb")
    cv.apply_tag_table(ndt_sents, {"base": {}, "pos": {"subst|prop": "PROPN\t", "verb": "VERB\t"}})
    doc = cv.sentences_to_doc(nlp.vocab, ndt_sents)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Bodø", "GPE_LOC"), ("Helse Nord", "ORG"), ("Bodø", "GPE_LOC"), ("Fastlegeløftet", "PROD")]
    assert [s.text for s in doc.sents][:2] == ["Nytt sykehus i Bodø", "Helse Nord har bygd et nytt sykehus."]
    assert "for å ansette «Fastlegeløftet»." in doc.text
    helse = doc[4]
    assert (helse.head.text, helse.dep_, helse.pos_) == ("har", "SUBJ", "PROPN")
    assert doc[6].dep_ == "FINV" and doc[6].head.i == 6


def test_training_convert_writes_corpora(norne, tmp_path):
    stats = cv.convert(norne, tmp_path / "corpus", table_path=tmp_path / "table.json", rebuild_table=True)
    names = {p.name for p in (tmp_path / "corpus").glob("*.spacy")}
    assert names == {f"{s}-{v}.spacy" for s in ("train", "dev", "test") for v in ("nob", "nno")} | {
        "train.spacy", "dev.spacy"}
    assert stats["counts"]["train-nob"]["sentences"] == 2
    assert stats["counts"]["test-nno"]["by_type"] == {"GPE_LOC": 1}


# --------------------------------------------------------------------------- fastops


@pytest.fixture
def blis_gemm():
    """The original BLIS gemm, whatever state the process is in; restores the state afterwards."""
    import blis.py

    was_active = fastops.numpy_gemm_active()
    fastops.restore_blis_gemm()
    original = blis.py.gemm
    yield original
    if was_active:
        fastops.use_numpy_gemm()


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
@pytest.mark.parametrize("with_out", [False, True])
def test_training_numpy_gemm_matches_blis(blis_gemm, trans1, trans2, with_out):
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(7)
    m, k, n = 37, 96, 53
    a = rng.standard_normal((k, m) if trans1 else (m, k)).astype("f")
    b = rng.standard_normal((n, k) if trans2 else (k, n)).astype("f")
    ops = NumpyOps()
    expected = ops.gemm(a, b, trans1=trans1, trans2=trans2)
    fastops.use_numpy_gemm()
    out = numpy.full((m, n), 99.0, dtype="f") if with_out else None
    got = ops.gemm(a, b, trans1=trans1, trans2=trans2, out=out)
    assert got.shape == (m, n) and got.dtype == numpy.float32
    if with_out:
        assert got is out
    numpy.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize(("alpha", "beta"), [(1.0, 0.0), (2.0, 0.0), (1.0, 1.0), (0.5, 3.0)])
def test_training_numpy_gemm_alpha_beta_like_blis(blis_gemm, alpha, beta):
    rng = numpy.random.default_rng(3)
    a, b = rng.standard_normal((5, 4)).astype("f"), rng.standard_normal((4, 6)).astype("f")
    c = rng.standard_normal((5, 6)).astype("f")
    expected = blis_gemm(a, b, out=c.copy(), alpha=alpha, beta=beta)
    got = fastops.numpy_gemm(a, b, out=c.copy(), alpha=alpha, beta=beta)
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_training_use_numpy_gemm_is_idempotent(blis_gemm):
    assert fastops.use_numpy_gemm() and fastops.use_numpy_gemm()
    assert fastops.numpy_gemm_active()
    assert fastops.restore_blis_gemm() is False
    import blis.py

    assert blis.py.gemm is blis_gemm


# --------------------------------------------------------------------------- training smoke run


@pytest.mark.slow
def test_training_two_steps_then_resume(norne, tmp_path):
    import spacy

    from helsekg.training.train import train

    corpus = tmp_path / "corpus"
    cv.convert(norne, corpus, table_path=tmp_path / "table.json", rebuild_table=True)
    # tiny data: reuse all eight fixture sentences as both train and dev so every label exists
    (corpus / "dev.spacy").write_bytes((corpus / "train.spacy").read_bytes())
    out = tmp_path / "output"
    tiny = {"components.parser.min_action_freq": 1, "components.trainable_lemmatizer.min_tree_freq": 1}
    train(corpus, out, max_steps=2, eval_frequency=1, overrides=tiny)
    assert (out / "model-last" / "meta.json").exists()
    train(corpus, out, resume=True, max_steps=1, eval_frequency=1)
    assert (out / "model-last" / "meta.json").exists()
    assert list((out / "history").glob("*/model-last/meta.json"))
    nlp = spacy.load(out / "model-last")
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"]
    assert len(nlp("Helse Nord bygger sykehus i Bodø.")) == 7


def test_training_resume_restores_lemmatizer_labels(tmp_path):
    """A lemmatizer loaded from disk gets its tree -> label map back (spaCy 3.8 leaves it empty)."""
    import spacy
    from spacy.training import Example

    from helsekg.training.train import restore_lemmatizer_labels

    nlp = spacy.blank("nb")
    nlp.add_pipe("trainable_lemmatizer", config={"min_tree_freq": 1})
    words = ["Kommunene", "fikk", "flere", "stillinger"]
    lemmas = ["kommune", "få", "mange", "stilling"]
    example = Example.from_dict(nlp.make_doc(" ".join(words)), {"words": words, "lemmas": lemmas})
    nlp.initialize(lambda: [example])
    trained = dict(nlp.get_pipe("trainable_lemmatizer").tree2label)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    lemmatizer = loaded.get_pipe("trainable_lemmatizer")
    restore_lemmatizer_labels(loaded)
    assert trained and lemmatizer.tree2label == trained
