"""The link gold (gold/links/) and evaluate_links: loading and validation, perfect and wrong predictions, the corpus."""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from helsekg.evaluation import GoldError, evaluate_links, load_link_gold
from helsekg.evaluation.links import COLUMNS, LinkScore, split_of
from helsekg.graph.namespace import HKG
from helsekg.link.linking import link_iri

LINK_GOLD = Path(__file__).resolve().parents[1] / "gold" / "links"


@pytest.fixture(scope="module")
def gold():
    return load_link_gold(LINK_GOLD)


def _graph(pairs, score="0.900") -> Graph:
    """A graph with just the given measure → recommendation links and their AddressLink nodes."""
    graph = Graph()
    for measure, recommendation in pairs:
        m, r, node = URIRef(measure), URIRef(recommendation), link_iri(measure, recommendation)
        graph.add((m, RDF.type, HKG.Measure))
        graph.add((r, RDF.type, HKG.Recommendation))
        graph.add((m, HKG.addresses, r))
        graph.add((node, RDF.type, HKG.AddressLink))
        graph.add((node, HKG.linkedMeasure, m))
        graph.add((node, HKG.linkedRecommendation, r))
        graph.add((node, HKG.linkScore, Literal(Decimal(score), datatype=XSD.decimal)))
    return graph


def test_link_gold_loads_with_both_splits_per_recommendation(gold):
    counts = gold.counts()
    assert counts["addresses"] >= 10 and counts["partly"] >= 10 and counts["not"] >= 100
    assert set(gold.counts("dev")) == set(gold.counts("test")) == {"addresses", "partly", "not"}
    for judgement in gold.judgements:
        assert judgement.split == split_of(judgement.recommendation_label)
        assert judgement.reason.strip()
    splits = {}
    for judgement in gold.judgements:
        assert splits.setdefault(judgement.recommendation_iri, judgement.split) == judgement.split
    assert {"dev", "test"} == set(splits.values())
    assert any(j.below_candidate_threshold for j in gold.judgements)


def test_link_gold_perfect_prediction_scores_one(gold):
    for split in ("dev", "test", None):
        result = evaluate_links(_graph(gold.positives(split)), gold, split=split)
        assert result.source == "graph"
        assert result.strict.precision == result.strict.recall == result.strict.f1 == 1.0
        assert all(rec.score.recall in (1.0, None) for rec in result.per_recommendation)
        # partly links are positives only in the lenient score
        lenient = gold.positives(split, lenient=True)
        assert result.lenient.recall == pytest.approx(len(gold.positives(split)) / len(lenient))


def test_link_gold_a_known_wrong_link_lowers_precision(gold):
    wrong = next(j for j in gold.judgements if j.judgement == "not" and j.split == "dev")
    result = evaluate_links(_graph(gold.positives("dev") | {wrong.pair}), gold, split="dev")
    assert result.strict.recall == 1.0
    assert result.strict.precision == pytest.approx(len(gold.positives("dev")) / (len(gold.positives("dev")) + 1))
    assert result.errors["false_positives"] == [wrong.pair]


def test_link_gold_threshold_and_unjudged_measures(gold):
    pairs = gold.positives("dev")
    low = evaluate_links(_graph(pairs, score="0.100"), gold, split="dev", threshold=0.25)
    assert low.strict == LinkScore(0, 0, len(pairs))
    assert [s.recall for t, s, _ in low.curve if t <= 0.10] and all(
        s.recall == 1.0 for t, s, _ in low.curve if t <= 0.10)
    recommendation = next(iter(pairs))[1]
    stranger = evaluate_links(_graph({("https://w3id.org/helsekg/id/measure/unknown", recommendation)}), gold,
                              split="dev")
    assert stranger.unjudged == 1 and stranger.strict.false_positives == 0


def test_link_gold_pairs_outside_the_split_are_ignored(gold):
    result = evaluate_links(_graph(gold.positives("test")), gold, split="dev")
    assert result.strict.true_positives == result.strict.false_positives == 0


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "links"
    shutil.copytree(LINK_GOLD, folder)
    return folder


def _rewrite(folder: Path, change) -> None:
    path = folder / "judgements.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda rows: rows[0].update(judgement="maybe"), r"judgements\.csv, row 2: judgement 'maybe'"),
        (lambda rows: rows[2].update(split="dev" if rows[2]["split"] == "test" else "test"), r"row 4: split"),
        (lambda rows: rows.append(dict(rows[0])), r"row \d+: the pair is judged already in row 2"),
        (lambda rows: rows[1].update(measure_iri="measure/x"), r"row 3: measure_iri 'measure/x' is not"),
        (lambda rows: rows[0].update(reason=""), r"row 2: empty reason"),
        (lambda rows: rows[0].update(below_candidate_threshold="maybe"), r"row 2: below_candidate_threshold"),
    ],
)
def test_link_gold_errors_name_the_file_and_row(tmp_path, change, message):
    folder = _copy(tmp_path)
    _rewrite(folder, change)
    with pytest.raises(GoldError, match=message):
        load_link_gold(folder)


def test_link_gold_missing_folder_and_columns(tmp_path):
    with pytest.raises(GoldError, match="no link judgements"):
        load_link_gold(tmp_path)
    (tmp_path / "judgements.csv").write_text("measure_iri,judgement\n", encoding="utf-8")
    with pytest.raises(GoldError, match="missing measure_label"):
        load_link_gold(tmp_path)


@pytest.fixture(scope="module")
def judged_graph(nlp):
    """What the link gold was judged on: corpus/ and gold/links/texts/ extracted together, as evaluate-links does."""
    from helsekg.api import extract_paths

    root = Path(__file__).resolve().parent.parent
    result = extract_paths([root / "corpus", LINK_GOLD / "texts"], nlp=nlp)
    assert not result.failures
    return result.graph


def test_link_gold_scores_the_real_corpus_links(judged_graph, gold):
    """The gold's IRIs are those helsekg mints for corpus/ and gold/links/texts/, and the current linker can be
    scored on it."""
    from helsekg.query.sparql import query

    rows = query(judged_graph, "SELECT ?s WHERE { { ?n a hkg:Measure } UNION { ?n a hkg:Recommendation } "
                               "BIND(STR(?n) AS ?s) }").rows
    nodes = {row[0] for row in rows}
    judged = {iri for j in gold.judgements for iri in j.pair}
    assert judged <= nodes, f"gold IRIs missing from the extracted graph: {sorted(judged - nodes)[:3]}"
    assert len({j.recommendation_by for j in gold.judgements}) >= 3  # HelseOmsorg21-rådet and two other bodies
    for split in ("dev", "test"):
        result = evaluate_links(judged_graph, gold, split=split, threshold=0.25, rescore=True)
        assert result.source == "rescored"
        assert result.strict.true_positives + result.strict.false_negatives == len(gold.positives(split))
        assert result.strict.precision is not None and 0 <= result.strict.precision <= 1
        assert len(result.curve) >= 5 and result.table().startswith("| recommendation")


def test_link_gold_second_annotator_sample_agrees_with_the_gold(gold):
    """gold/links/agreement (issue 16): every pair the second annotator judged is a pair of judgements.csv, and the
    agreement script's kappa is computed on them: perfect on a copy of the gold's own labels, lower on the second
    annotator's (who disagrees somewhere)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "gold" / "links" / "agreement.py"
    spec = importlib.util.spec_from_file_location("link_agreement", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.compare(path.parent)
    assert result["pairs"] >= 60 and set(result["second"]) <= {"addresses", "partly", "not"}
    assert result["three labels"]["kappa"] < 1.0
    labels = [j.judgement for j in gold.judgements]
    assert module.kappa(labels, labels) == 1.0
