"""The evaluation instrument: lenient matching rules, exact scores on a synthetic graph, the floors, the CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from helsekg.cli import main
from helsekg.evaluation.scoring import (
    FACT_TYPES,
    actor_score,
    GoldError,
    evaluate,
    label_score,
    load_annotation,
    load_floors,
    load_gold,
    match,
    units_match,
)
from helsekg.graph.build import new_graph
from helsekg.graph.namespace import DCTERMS, HKG, ID, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold"


# ------------------------------------------------------------------------------------ matching rules


@pytest.mark.parametrize("gold, predicted, matches", [
    ("Helse- og omsorgsdepartementet", "Helse- og omsorgsdepartementet", True),
    ("Regjeringen Solberg", "Regjeringen", True),                      # containment with a content word
    ("Bent Høie", "Høie", True),
    ("HelseOmsorg21-rådet", "HelseOmsorg21-rådets", False),            # no stemming
    ("Helse Vest", "Helse Bergen", False),                             # Jaccard 1/3
    ("Menn i helse", "rekrutteringsprosjektet Menn i helse", True),
    ("og", "Helse og omsorg", False),                                  # only function words contained
    ("desentraliserte studier for ansatte i omsorgstjenestene",
     "desentraliserte studier for ansatte i omsorgstjenesten", True),  # Jaccard 5/7
    ("Tilskot til aktivitetstilbod", "tilskot, til aktivitetstilbod!", True),  # case and punctuation
    ("sykehjemsplasser", "sykehjem", False),
])
def test_evaluation_label_matching(gold, predicted, matches):
    assert (label_score(gold, predicted) is not None) is matches


@pytest.mark.parametrize("gold, predicted, matches", [
    ("Bufdir", "Barne-, ungdoms- og familiedirektoratet", True),       # a gazetteer alias of the same actor
    ("Statsforvalteren", "Statsforvaltaren", True),                    # its Bokmål and Nynorsk labels
    ("IMDi", "Integrerings- og mangfoldsdirektoratet", True),
    ("Bufdir", "Integrerings- og mangfoldsdirektoratet", False),       # two actors of the gazetteer
    ("Helse Vest", "Helse Bergen", False),
    ("Regjeringen Solberg", "Regjeringen", True),                      # the label rule still holds
])
def test_evaluation_actor_names_of_one_gazetteer_actor_match(gold, predicted, matches):
    """Session 34: an actor (a proposer, a quote's speaker) matches under any of its names in the shipped gazetteer."""
    assert (actor_score(gold, predicted) is not None) is matches


@pytest.mark.parametrize("gold, predicted, matches", [
    ("stillinger", "stillinger", True),
    ("stillinger", "stillingene", True),
    ("plassar", "plasser", True),
    ("år", "år", True),
    ("år", "årsverk", False),
    ("prosent", "prosjekter", False),
])
def test_evaluation_unit_matching(gold, predicted, matches):
    assert units_match(gold, predicted) is matches


def test_evaluation_matching_is_one_to_one_by_best_overlap():
    gold = [("Helse Vest RHF",), ("Helse Vest",)]
    predicted = [("Helse Vest",)]
    assert match(gold, predicted, lambda g, p: label_score(g[0], p[0])) == [(1, 0)]
    assert match([("Menn i helse",)] * 2, [("Menn i helse",)], lambda g, p: label_score(g[0], p[0])) == [(0, 0)]


# ------------------------------------------------------------------------------------ synthetic graph


def _synthetic(tmp_path: Path) -> tuple[Path, object]:
    """Gold with 2 measures, 3 amounts and 1 quote; a graph that gets some of them right."""
    text = ("Regjeringen foreslår 20 millioner kroner mer til Menn i helse, til en samlet bevilgning på 26 millioner "
            "kroner. 5 millioner kroner går til Pilot Helse.\n– Dette er viktig, sier Kari Nordmann.\n")
    (tmp_path / "texts").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "texts" / "doc.txt").write_text(text, encoding="utf-8")
    gold = {
        "file": "../texts/doc.txt", "language": "nb",
        "actors": [{"label": "Regjeringen", "kind": "organisation"},
                   {"label": "Kari Nordmann", "kind": "person", "roles": ["statssekretær"]}],
        "amounts": [
            {"text": "20 millioner kroner mer", "value": "20000000", "qualifier": "Exact", "kind": "Increase"},
            {"text": "26 millioner kroner", "value": "26000000", "qualifier": "Exact", "kind": "Total"},
            {"text": "5 millioner kroner", "value": "5000000", "qualifier": "Exact", "kind": "Unspecified"}],
        "measures": [{"label": "Menn i helse", "amounts": ["20000000", "26000000"], "proposer": "Regjeringen"},
                     {"label": "Pilot Helse", "amounts": ["5000000"]}],
        "quotes": [{"speaker": "Kari Nordmann", "text": "Dette er viktig"}],
    }
    (tmp_path / "annotations" / "doc.json").write_text(json.dumps(gold), encoding="utf-8")

    g = new_graph()
    doc = ID["doc/doc-1"]
    g.add((doc, RDF.type, HKG.PolicyDocument))
    g.add((doc, DCTERMS.source, Literal("somewhere/doc.txt")))

    def node(iri: URIRef, cls: URIRef, label: str) -> URIRef:
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(label, lang="nb")))
        g.add((iri, HKG.mentionedIn, doc))
        mention = ID[f"mention/doc-1/{abs(hash(str(iri))) % 10**6}"]
        g.add((iri, HKG.hasMention, mention))
        g.add((mention, HKG.inDocument, doc))
        return iri

    for cls in (HKG.Actor, HKG.Organisation):
        g.add((ID["actor/regjeringen"], RDF.type, cls))
    regjeringen = node(ID["actor/regjeringen"], HKG.Organisation, "Regjeringen")
    node(ID["actor/helsedirektoratet"], HKG.Actor, "Helsedirektoratet")         # spurious actor
    menn = node(ID["measure/menn-i-helse"], HKG.Measure, "Menn i helse")
    g.add((menn, HKG.proposedBy, regjeringen))
    for i, (value, kind) in enumerate([(20000000, HKG.Increase), (26000000, HKG.Unspecified)]):  # 2nd kind wrong
        amount = node(ID[f"amount/doc-1/{i}"], HKG.MonetaryAmount, str(value))
        g.add((amount, SCHEMA.value, Literal(Decimal(value), datatype=XSD.decimal)))
        g.add((amount, HKG.qualifier, HKG.Exact))
        g.add((amount, HKG.amountKind, kind))
        g.add((menn, HKG.hasFunding, amount))
    quote = node(ID["quote/doc-1/1"], HKG.Quote, "Dette er viktig")
    g.add((quote, HKG.quoteText, Literal("Dette er viktig", lang="nb")))
    return tmp_path, g


def test_evaluation_synthetic_graph_exact_scores(tmp_path):
    gold_dir, graph = _synthetic(tmp_path)
    scores = evaluate(gold_dir, graph).totals()

    def prf(t):
        s = scores[t]
        return s.gold, s.predicted, s.correct, s.precision, s.recall, s.f1

    assert prf("actor") == (2, 2, 1, 0.5, 0.5, 0.5)
    assert prf("person_role") == (1, 0, 0, 0.0, 0.0, 0.0)
    assert prf("amount") == (3, 2, 2, 1.0, 2 / 3, 0.8)
    assert prf("amount_attributes") == (3, 2, 1, 0.5, 1 / 3, 0.4)
    assert prf("measure") == (2, 1, 1, 1.0, 0.5, 2 / 3)
    assert prf("funding") == (3, 2, 2, 1.0, 2 / 3, 0.8)
    assert prf("proposer") == (1, 1, 1, 1.0, 1.0, 1.0)
    assert prf("quote") == (1, 1, 0, 0.0, 0.0, 0.0)                 # no speaker in the graph
    assert scores["goal"].f1 is None and scores["addresses"].f1 is None  # nothing on either side: n/a


def test_evaluation_goal_of_a_measure_with_two_labels_is_one_prediction(tmp_path):
    """A measure node labelled two ways ("Menn i helse", "menn i helse") with one goal is one (measure, goal) fact,
    and so are the roles the document states: a role stated in another document is not this document's."""
    gold_dir, graph = _synthetic(tmp_path)
    data = json.loads((gold_dir / "annotations" / "doc.json").read_text(encoding="utf-8"))
    data["measures"][0]["goals"] = ["flere menn i helsefag"]
    (gold_dir / "annotations" / "doc.json").write_text(json.dumps(data), encoding="utf-8")
    doc, menn = ID["doc/doc-1"], ID["measure/menn-i-helse"]
    graph.add((menn, RDFS.label, Literal("menn i helse", lang="nb")))
    goal = ID["goal/doc-1/1"]
    graph.add((goal, RDF.type, HKG.Goal))
    graph.add((goal, RDFS.label, Literal("flere menn i helsefag", lang="nb")))
    graph.add((goal, HKG.mentionedIn, doc))
    graph.add((menn, HKG.hasGoal, goal))
    person = ID["actor/kari-nordmann"]
    graph.add((person, RDF.type, HKG.Person))
    graph.add((person, RDFS.label, Literal("Kari Nordmann", lang="nb")))
    graph.add((person, HKG.mentionedIn, doc))
    graph.add((person, HKG.role, Literal("statssekretær", lang="nb")))  # stated elsewhere: no hkg:statedRole here
    scores = evaluate(gold_dir, graph).totals()
    assert (scores["goal"].gold, scores["goal"].predicted, scores["goal"].correct) == (1, 1, 1)
    assert (scores["person_role"].predicted, scores["person_role"].correct) == (0, 0)


def test_evaluation_funding_counts_each_value_of_a_measure_once(tmp_path):
    """The gold lists the values that fund a measure, each once: a measure funded by two amounts of the same value
    (a table row repeating its sum in each year's column) is one (measure, value) prediction, not two; a second
    value is a second prediction."""
    gold_dir, graph = _synthetic(tmp_path)
    menn = ID["measure/menn-i-helse"]
    for i, value in ((7, 20000000), (8, 21000000)):  # a repeat of 20 millions, and a value the gold does not list
        amount = ID[f"amount/doc-1/{i}"]
        graph.add((amount, RDF.type, HKG.MonetaryAmount))
        graph.add((amount, RDFS.label, Literal(str(value), lang="nb")))
        graph.add((amount, HKG.mentionedIn, ID["doc/doc-1"]))
        graph.add((amount, HKG.hasMention, ID[f"mention/doc-1/a{i}"]))
        graph.add((ID[f"mention/doc-1/a{i}"], HKG.inDocument, ID["doc/doc-1"]))
        graph.add((amount, SCHEMA.value, Literal(Decimal(value), datatype=XSD.decimal)))
        graph.add((menn, HKG.hasFunding, amount))
    scores = evaluate(gold_dir, graph).totals()
    assert (scores["funding"].gold, scores["funding"].predicted, scores["funding"].correct) == (3, 3, 2)


def test_evaluation_actor_is_known_by_the_names_its_document_writes(tmp_path):
    """The gold names an actor as the text does ("Bufdir"); the graph labels the node with its full name and keeps
    "Bufdir" as the anchor text of its mention in this document: one actor, and the proposer of the measure. A name
    written only in another document does not count here."""
    gold_dir, graph = _synthetic(tmp_path)
    data = json.loads((gold_dir / "annotations" / "doc.json").read_text(encoding="utf-8"))
    data["actors"][0]["label"] = "Bufdir"
    data["measures"][0]["proposer"] = "Bufdir"
    (gold_dir / "annotations" / "doc.json").write_text(json.dumps(data), encoding="utf-8")
    doc, other = ID["doc/doc-1"], ID["doc/doc-2"]
    regjeringen = ID["actor/regjeringen"]
    before = evaluate(gold_dir, graph).totals()
    assert (before["actor"].correct, before["proposer"].correct) == (0, 0)
    elsewhere = ID["mention/doc-2/1"]
    graph.add((regjeringen, HKG.hasMention, elsewhere))
    graph.add((elsewhere, HKG.inDocument, other))
    graph.add((elsewhere, HKG.anchorText, Literal("Bufdir")))
    assert evaluate(gold_dir, graph).totals()["actor"].correct == 0
    [here] = [m for m in graph.objects(regjeringen, HKG.hasMention) if (m, HKG.inDocument, doc) in graph]
    graph.add((here, HKG.anchorText, Literal("Bufdir")))
    after = evaluate(gold_dir, graph).totals()
    assert (after["actor"].correct, after["proposer"].correct) == (1, 1)


def test_evaluation_missing_document_is_a_problem(tmp_path):
    gold_dir, _ = _synthetic(tmp_path)
    report = evaluate(gold_dir, new_graph())
    assert report.problems and "doc.txt" in report.problems[0]
    assert report.totals()["amount"].recall == 0.0


@pytest.mark.parametrize("change, message", [
    ({"language": "se"}, "'language'"),
    ({"file": "../texts/missing.txt"}, "does not exist"),
    ({"amounts": [{"text": "99 kroner", "value": "99"}]}, "does not occur"),
    ({"amounts": [{"text": "5 millioner kroner", "value": 5000000}]}, "must be a string"),
    ({"measures": [{"label": "X", "amounts": ["7"]}]}, "not the value of any entry"),
    ({"actor": []}, "unknown keys"),
])
def test_evaluation_invalid_annotation_names_the_file(tmp_path, change, message):
    gold_dir, _ = _synthetic(tmp_path)
    path = gold_dir / "annotations" / "doc.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError, match=message) as err:
        load_annotation(path)
    assert str(path) in str(err.value)


# ------------------------------------------------------------------------------------ the gold and floors


def test_evaluation_gold_is_valid_and_large_enough():
    docs = load_gold(GOLD)
    texts = [d for d in docs if d.path.parent.name == "texts"]
    assert len(texts) >= 15 and sum(d.language == "nn" for d in texts) >= 5
    assert {d.name for d in docs} >= {p.name for p in (ROOT / "corpus").glob("*.txt")}
    assert set(load_floors(GOLD / "floors.json")) == set(FACT_TYPES)


@pytest.fixture(scope="module")
def gold_report(nlp):
    return evaluate(GOLD, nlp=nlp)


def test_evaluation_scores_at_or_above_floors(gold_report):
    below = gold_report.below(load_floors(GOLD / "floors.json"))
    assert not below, (
        "F1 fell below the committed floors:\n  " + "\n  ".join(below)
        + "\nSee what is missed with `helsekg evaluate gold --errors`. When the pipeline improves, raise the "
        "floors in gold/floors.json to the new scores rounded down to 0.05; never lower them to pass.")
    assert not gold_report.problems


def test_evaluation_is_deterministic(gold_report, nlp):
    assert evaluate(GOLD, nlp=nlp).to_dict() == gold_report.to_dict()


REAL = GOLD / "real"


def test_evaluation_real_gold_is_large_split_and_documented():
    """Issue 13: at least 60 real texts (20 Nynorsk), a dev and a frozen test split, each with its manifest row."""
    import csv

    with (REAL / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    splits = {split: load_gold(REAL / split) for split in ("dev", "test")}
    documents = [d for docs in splits.values() for d in docs]
    assert len(documents) >= 60 and sum(d.language == "nn" for d in documents) >= 20
    for split, docs in splits.items():
        assert sum(d.language == "nn" for d in docs) >= 10, split
        for doc in docs:
            row = rows[Path(doc.name).stem]
            assert row["split"] == split and row["language"] == doc.language, doc.name
            assert row["url"].startswith("https://") or row["url"].startswith("http://"), doc.name
    assert {Path(d.name).stem for d in documents} == set(rows)
    assert len({row["publisher"] for row in rows.values()}) >= 20


@pytest.mark.parametrize("split", ["dev", "test"])
def test_evaluation_real_scores_at_or_above_floors(split, nlp):
    """The real-text splits keep their committed floors (current scores rounded down to 0.05)."""
    report = evaluate(REAL / split, nlp=nlp)
    below = report.below(load_floors(REAL / split / "floors.json"))
    assert not below, f"gold/real/{split}: F1 fell below the floors:\n  " + "\n  ".join(below)
    assert not report.problems


# ------------------------------------------------------------------------------------ CLI


def test_cli_evaluate_json_and_exit_codes(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", str(GOLD), "--json", "--model", "blank"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] >= 20 and set(data["scores"]) == set(FACT_TYPES)
    assert data["below_floors"] == []

    table = runner.invoke(main, ["evaluate", str(GOLD), str(ROOT / "corpus"), "--model", "blank"])
    assert table.exit_code == 0 and "5 gold documents" in table.output and "amount" in table.output

    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"f1": {"goal": 0.99}}), encoding="utf-8")
    high = runner.invoke(main, ["evaluate", str(GOLD), "--floors", str(floors), "--model", "blank"])
    assert high.exit_code == 1 and "goal" in high.output

    assert runner.invoke(main, ["evaluate", str(tmp_path)]).exit_code == 2          # no annotations
    assert runner.invoke(main, ["evaluate"]).exit_code == 2


@pytest.mark.parametrize(("folder", "texts"), [("annotator2", 16), ("annotator2b", 14), ("annotator2c", 14)])
def test_second_annotations_are_dev_texts_and_score_like_the_gold(folder, texts):
    """gold/real/agreement/annotator2, 2b and 2c (issue 13): each file annotates a dev text (never a test text) that
    has a first annotation, and the annotator-vs-annotator scoring of gold/real/agreement.py works on it (an annotation
    agrees with itself completely; the two annotators differ somewhere)."""
    from pathlib import Path

    from helsekg.evaluation.scoring import FACT_TYPES, annotation_facts, load_annotation, score_document

    root = Path(__file__).resolve().parent.parent / "gold" / "real"
    second = sorted((root / "agreement" / folder).glob("*.json"))
    assert len(second) >= texts
    differ = False
    for path in second:
        b = load_annotation(path)
        assert b.path.parent == (root / "dev" / "texts").resolve()
        a = load_annotation(root / "dev" / "annotations" / path.name)
        assert a.path == b.path
        same, _, _ = score_document(annotation_facts(b), annotation_facts(b))
        assert all(s.correct == s.gold == s.predicted for s in same.values())
        scores, missed, spurious = score_document(annotation_facts(a), annotation_facts(b))
        differ |= any(missed[t] or spurious[t] for t in FACT_TYPES)
    assert differ
