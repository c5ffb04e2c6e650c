"""The shipped Norwegian model: loads offline from the installed package and keeps its scores.

The score test evaluates on the NorNE UD test split (Bokmål and Nynorsk separately) when
``../shared/data/norne`` is present and fails when a score drops more than one point below the
figures recorded in ``helsekg/models/nor_helsekg/scores.json`` (the numbers MODEL.md reports).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helsekg import resources

NORNE = Path(os.environ.get("HELSEKG_NORNE", Path(__file__).resolve().parents[2] / "shared" / "data" / "norne"))
MODEL = resources.model_dir()
SCORES = MODEL / "scores.json"
METRICS = ("ents_f", "pos_acc", "lemma_acc", "dep_las", "dep_uas", "morph_acc")

pytestmark = pytest.mark.skipif(not MODEL.is_dir(), reason="no trained model shipped in helsekg/models/nor_helsekg")


def test_model_loads_offline_in_fresh_process():
    code = (
        "import helsekg; nlp = helsekg.load(); "
        "print(','.join(nlp.pipe_names)); "
        "doc = nlp('Helsedirektoratet lyser ut 40 millioner kroner til kommunene i Nordland.'); "
        "print(len(doc), doc[0].pos_ != '')"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "no_proxy": "*", "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout.split()
    assert out[0].split(",")[:7] == ["helsekg_sentence_periods", "tok2vec", "morphologizer", "trainable_lemmatizer",
                                     "helsekg_lemma_lookup", "parser", "ner"]
    assert out[0].split(",")[-1] == "helsekg_amounts"
    assert out[2] == "True"


def test_model_size_within_budget():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size <= 25 * 1024 * 1024


def test_model_meta_names_licence_and_source():
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "nor_helsekg"
    assert "NorNE" in json.dumps(meta["sources"])


@pytest.mark.norne
@pytest.mark.skipif(not NORNE.is_dir(), reason=f"NorNE not found at {NORNE}; set HELSEKG_NORNE to evaluate the model")
def test_model_scores_on_ud_test_not_below_recorded():
    from helsekg.training.evaluate import evaluate_model

    recorded = json.loads(SCORES.read_text(encoding="utf-8"))
    measured = evaluate_model(MODEL, NORNE)
    drops = [
        f"{variety} {metric}: {measured[variety][metric]:.4f} < recorded {recorded[variety][metric]:.4f} - 0.01"
        for variety in ("nob", "nno")
        for metric in METRICS
        if measured[variety][metric] < recorded[variety][metric] - 0.01
    ]
    assert not drops, "model scores dropped:\n" + "\n".join(drops)
