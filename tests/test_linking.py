"""Linking measures to recommendations (helsekg.link.linking) on a small graph built from records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from helsekg.extract.recommendations import find_recommendations
from helsekg.extract.records import DocumentInfo, Extraction, Measure
from helsekg.extract.themes import measure_themes
from helsekg.graph.build import add_extraction, document_iri, measure_iri, new_graph
from helsekg.graph.namespace import HKG
from helsekg.link.linking import Link, add_links, link_iri, link_measures, read_nodes
from helsekg.query.sparql import query
from helsekg.text import document_from_text

MEASURES = """\
Regjeringen styrker helsetjenesten

Regjeringen gir 20 millioner kroner til rekrutteringsprosjektet Menn i helse.

Regjeringen gir 30 millioner kroner til digitale løsninger og velferdsteknologi i hjemmetjenestene.
"""

ADVICE = """\
Helserådet gir innspill

Rekruttering og kompetanse

Rådets forslag til tiltak:

 • Vi må sikre attraktivitet gjennom målrettet rekruttering av helsepersonell

Teknologi og digitalisering

Rådets forslag til tiltak:

 • Vi trenger en forsterket satsing på velferdsteknologi og digitale løsninger
"""


def _info(document) -> DocumentInfo:
    meta = document.metadata
    return DocumentInfo(document.id, meta.source, meta.language, meta.content_hash, title=meta.title)


def _measure(document, phrase: str, label: str, key: str) -> Measure:
    start = document.text.index(phrase)
    line = document.text[document.text.rfind("\n", 0, start) + 1:document.text.find("\n", start)]
    return Measure(document.id, start, start + len(phrase), phrase, label=label, key=key,
                   themes=measure_themes(label, line))


@pytest.fixture(scope="module")
def built() -> tuple[Graph, dict[str, str], dict[str, str]]:
    m_doc = document_from_text(MEASURES, source="tiltak.txt")
    a_doc = document_from_text(ADVICE, source="innspill.txt")
    measures = (
        _measure(m_doc, "rekrutteringsprosjektet Menn i helse", "Menn i helse", "menn-i-helse"),
        _measure(m_doc, "digitale løsninger og velferdsteknologi i hjemmetjenestene",
                 "digitale løsninger og velferdsteknologi i hjemmetjenestene", "digitale-losninger"),
    )
    recs = find_recommendations(None, a_doc)
    assert len(recs) == 2
    graph = new_graph()
    add_extraction(graph, Extraction(_info(m_doc), m_doc.text, measures=measures))
    add_extraction(graph, Extraction(_info(a_doc), a_doc.text, actors=(recs[0].by,), recommendations=recs))
    iris = {
        "recruit": str(measure_iri(measures[0])),
        "digital": str(measure_iri(measures[1])),
        "rec-recruit": f"https://w3id.org/helsekg/id/recommendation/{a_doc.id}/{recs[0].start}-{recs[0].end}",
        "rec-digital": f"https://w3id.org/helsekg/id/recommendation/{a_doc.id}/{recs[1].start}-{recs[1].end}",
    }
    texts = {str(document_iri(m_doc.id)): m_doc.text, str(document_iri(a_doc.id)): a_doc.text}
    return graph, iris, texts


def _pairs(links) -> set[tuple[str, str]]:
    return {(link.measure, link.recommendation) for link in links}


def test_linking_reads_measures_and_recommendations(built) -> None:
    graph, iris, _ = built
    nodes = {n.iri: n for n in read_nodes(graph)}
    assert {n.kind for n in nodes.values()} == {"measure", "recommendation"}
    assert "rekruttering" in nodes[iris["recruit"]].themes
    assert "rekruttering" in nodes[iris["recruit"]].text_themes  # from the anchor "rekrutteringsprosjektet ..."
    assert {"kompetanse", "rekruttering"} <= nodes[iris["rec-recruit"]].themes  # heading themes, asserted


def test_linking_recruitment_measure_to_recruitment_recommendation(built) -> None:
    graph, iris, _ = built
    links = link_measures(graph)
    pairs = _pairs(links)
    assert (iris["recruit"], iris["rec-recruit"]) in pairs
    assert (iris["recruit"], iris["rec-digital"]) not in pairs
    assert (iris["digital"], iris["rec-digital"]) in pairs
    assert (iris["digital"], iris["rec-recruit"]) not in pairs


def test_linking_evidence(built) -> None:
    graph, iris, _ = built
    link = next(l for l in link_measures(graph) if l.measure == iris["recruit"])
    assert "rekruttering" in link.shared_themes
    assert [t for t, _ in link.shared_terms] == ["rekruttering"]
    assert link.explain().startswith("shared themes: ")
    assert "rekruttering (idf " in link.explain()
    assert link.describe().startswith(f"{link.score} = σ(")
    assert [name for name, _, _ in link.contributions] == ["theme_coverage", "ask_coverage", "theme_focus",
                                                           "term_coverage", "specific"]
    assert link.score == link.score.quantize(Decimal("0.001")) and Decimal(0) < link.score <= Decimal(1)


@pytest.mark.parametrize("threshold", [0.0, 0.1, 0.25, 0.4, 0.6, 1.0])
def test_linking_threshold_respected(built, threshold: float) -> None:
    graph, _, _ = built
    links = link_measures(graph, threshold=threshold)
    assert all(link.score >= Decimal(str(threshold)) for link in links)
    lower = _pairs(link_measures(graph, threshold=max(0.0, threshold - 0.1)))
    assert _pairs(links) <= lower


@pytest.mark.parametrize("threshold", [-0.1, 1.5])
def test_linking_threshold_checked(built, threshold: float) -> None:
    with pytest.raises(ValueError):
        link_measures(built[0], threshold=threshold)


def test_linking_max_per_measure(built) -> None:
    links = link_measures(built[0], threshold=0.0, max_per_measure=1)
    assert len(links) == len({link.measure for link in links}) == 2


def test_linking_sorted_and_deterministic(built) -> None:
    graph, _, _ = built
    first, second = link_measures(graph, threshold=0.0), link_measures(graph, threshold=0.0)
    assert first == second
    assert first == sorted(first, key=lambda l: (-l.score, l.measure, l.recommendation))
    out1 = add_links(Graph() + graph, first).serialize(format="nt")
    out2 = add_links(Graph() + graph, second).serialize(format="nt")
    assert sorted(out1.splitlines()) == sorted(out2.splitlines())


def test_linking_add_links_writes_qualified_links(built) -> None:
    graph, iris, _ = built
    linked = add_links(Graph() + graph, link_measures(graph))
    node = link_iri(iris["recruit"], iris["rec-recruit"])
    assert (URIRef(iris["recruit"]), HKG.addresses, URIRef(iris["rec-recruit"])) in linked
    assert (node, RDF.type, HKG.AddressLink) in linked
    rows = query(linked, f"""
        SELECT ?score ?theme ?term WHERE {{
          <{node}> hkg:linkedMeasure <{iris["recruit"]}> ; hkg:linkedRecommendation <{iris["rec-recruit"]}> ;
                   hkg:linkScore ?score ; hkg:sharedTheme ?theme ; hkg:evidenceTerm ?term .
          ?theme a hkg:Theme ; skos:prefLabel ?label .
        }}""").rows
    assert {(theme, term) for _, theme, term in rows} >= {("id:theme/rekruttering", "rekruttering")}
    assert len({score for score, _, _ in rows}) == 1


def test_linking_output_conforms(built) -> None:
    from helsekg.validate.core import validate

    graph, _, texts = built
    linked = add_links(Graph() + graph, link_measures(graph, threshold=0.0))
    report = validate(linked, texts=texts)
    assert report.conforms, report.text()


def test_linking_no_recommendations_no_links() -> None:
    assert link_measures(new_graph()) == []


SEVEN_RECOMMENDATIONS = """\
Rekrutteringsrådet gir råd

Rekruttering og kompetanse

Rådets forslag til tiltak:

 • Vi må styrke rekrutteringen av helsepersonell til kommunene
 • Vi må styrke rekrutteringen av sykepleiere til sykehjemmene
 • Vi må styrke rekrutteringen av menn til helsefagene
 • Vi må styrke rekrutteringen av leger til distriktene
 • Vi må styrke rekrutteringen av helsefagarbeidere til hjemmetjenestene
 • Vi må styrke rekrutteringen av jordmødre til fødeavdelingene
 • Vi må styrke rekrutteringen av psykologer til skolehelsetjenesten
"""


@pytest.fixture(scope="module")
def crowded(built) -> tuple[Graph, str]:
    """The built graph plus an advisory document with seven recruitment recommendations."""
    graph, iris, _ = built
    doc = document_from_text(SEVEN_RECOMMENDATIONS, source="rekruttering.txt")
    recs = find_recommendations(None, doc)
    assert len(recs) == 7
    crowded = Graph() + graph
    add_extraction(crowded, Extraction(_info(doc), doc.text, actors=(recs[0].by,), recommendations=recs))
    return crowded, iris["recruit"]


def test_linking_keeps_the_best_five_per_measure_by_default(crowded) -> None:
    from helsekg.link.linking import DEFAULT_MAX_PER_MEASURE

    graph, recruit = crowded
    every = [link for link in link_measures(graph, threshold=0.0, max_per_measure=None) if link.measure == recruit]
    kept = [link for link in link_measures(graph, threshold=0.0) if link.measure == recruit]
    assert DEFAULT_MAX_PER_MEASURE == 5 and len(every) >= 7 and len(kept) == 5
    assert kept == every[:5]  # the best five, in the same order
    with pytest.raises(ValueError):
        link_measures(graph, max_per_measure=0)


def test_linking_fast_scores_equal_score_pair(crowded) -> None:
    """The inverted-index scorer scores every pair that shares a term or a theme, as score_pair does; a pair it
    leaves out is never a link."""
    from helsekg.extract.themes import ThemeScheme
    from helsekg.link.linking import DEFAULT_THRESHOLD, LinkModel, _idf, _Scorer, score_pair

    graph, _ = crowded
    scheme = ThemeScheme.load()
    nodes = read_nodes(graph, scheme=scheme)
    measures = [n for n in nodes if n.kind == "measure"]
    recs = [n for n in nodes if n.kind == "recommendation"]
    idf = _idf(nodes)
    scorer = _Scorer(recs, idf, scheme, LinkModel.load())
    for measure in measures:
        fast = {recs[i].iri: score for score, i in scorer.scores(measure)}
        for rec in recs:
            link = score_pair(measure, rec, idf, scheme)
            if rec.iri in fast:
                assert abs(float(link.score) - fast[rec.iri]) <= 0.0005
            else:
                assert link.score < Decimal(str(DEFAULT_THRESHOLD))


def test_linking_vectorised_features_equal_features(crowded) -> None:
    """The scorer's indexes (one bincount per feature over all recommendations) give the features of
    :func:`features`, which searches the scheme for each theme pair, up to the order of a float sum; and every pair
    the scorer leaves out has no feature at all."""
    from helsekg.extract.themes import ThemeScheme
    from helsekg.link.linking import _idf

    graph, _ = crowded
    scheme = ThemeScheme.load()
    nodes = read_nodes(graph, scheme=scheme)
    measures = [n for n in nodes if n.kind == "measure"]
    recs = [n for n in nodes if n.kind == "recommendation"]
    # every measure of the corpus against the recommendations it shares words with
    assert _scorer_features_equal_features(measures, recs, _idf(nodes), scheme) >= 10


def _scorer_features_equal_features(measures, recs, idf, scheme) -> int:
    """Assert that the scorer's features and fast score of each pair are those of :func:`features` and the model,
    to 1e-12, and that the pairs it leaves out have all features 0; return how many pairs it scored."""
    from helsekg.link.linking import LinkModel, _Scorer, features

    model = LinkModel.load()
    scorer = _Scorer(recs, idf, scheme, model)
    compared = 0
    for measure in measures:
        rows, values = scorer.feature_matrix(measure) or ((), ())
        fast = dict((i, score) for score, i in scorer.scores(measure))
        assert sorted(fast) == [int(i) for i in rows]
        for j, rec in enumerate(recs):
            exact = features(measure, rec, idf, scheme, model)
            if j not in fast:
                assert not any(exact)
                continue
            assert list(values[list(rows).index(j)]) == pytest.approx(exact, abs=1e-12)
            assert fast[j] == pytest.approx(model.score(exact), abs=1e-12)
            compared += 1
    return compared


def test_linking_credit_tables_on_random_theme_sets() -> None:
    """The same, on nodes with random sets of the scheme's concepts, where related, broader and narrower
    concepts meet far more often than in one corpus (each credit rule and its order is exercised)."""
    import random

    from helsekg.extract.themes import ThemeScheme
    from helsekg.link.linking import LinkNode

    scheme = ThemeScheme.load()
    concepts = sorted(scheme.concepts)
    rng = random.Random(18)

    def node(kind: str, n: int) -> LinkNode:
        themes = frozenset(rng.sample(concepts, rng.randint(1, 6)))
        text_themes = frozenset(t for t in themes if rng.random() < 0.6)
        terms = frozenset(rng.sample(["rekrutt", "sykeplei", "demens", "kompetans", "digital"], rng.randint(0, 3)))
        return LinkNode(f"{kind}/{n}", kind, ("x",), themes, terms, text_themes)

    measures = [node("measure", n) for n in range(60)]
    recs = [node("recommendation", n) for n in range(60)]
    idf = {"rekrutt": 2.1, "sykeplei": 1.7, "demens": 2.4, "kompetans": 1.1, "digital": 1.3}
    assert _scorer_features_equal_features(measures, recs, idf, scheme) > 1000


def test_linking_iter_links_streams_what_link_measures_returns(crowded) -> None:
    from helsekg.link.linking import iter_links

    graph, _ = crowded
    streamed = list(iter_links(graph, threshold=0.1))
    assert sorted(streamed, key=lambda l: (-l.score, l.measure, l.recommendation)) == link_measures(graph, threshold=0.1)
    assert [l.measure for l in streamed] == sorted(l.measure for l in streamed)  # one measure at a time


def test_linking_write_links_in_batches_validates_each(crowded) -> None:
    from helsekg.link.linking import write_links

    graph, _ = crowded
    links = link_measures(graph, threshold=0.0)
    outputs = []
    for size in (2, 1000):
        out = new_graph()
        count, report = write_links(links, lambda batch: out.__iadd__(batch), batch_size=size,
                                    types=lambda node: graph.objects(node, RDF.type))
        assert count == len(links) and report.conforms
        outputs.append(set(out))
    assert outputs[0] == outputs[1] == set(add_links(new_graph(), links))
    # without the endpoints' types, every link node breaks sh:class on linkedMeasure and linkedRecommendation
    _, bad = write_links(links, lambda batch: None, batch_size=3, types=lambda node: ())
    assert not bad.conforms
    assert {v.focus for v in bad.violations} == {str(link_iri(l.measure, l.recommendation)) for l in links}


def test_linking_write_links_as_oxigraph_triples(crowded) -> None:
    """``triples=True`` hands the sink Oxigraph triples: the same triples as the rdflib batches, the same verdict
    (a conforming run and one whose endpoints lack their types)."""
    from helsekg.graph.io import to_oxigraph
    from helsekg.link.linking import write_links

    graph, _ = crowded
    links = link_measures(graph, threshold=0.0)
    out: list = []
    count, report = write_links(links, out.extend, batch_size=3, types=lambda node: graph.objects(node, RDF.type),
                                triples=True)
    assert count == len(links) and report.conforms
    assert set(out) == set(to_oxigraph(add_links(new_graph(), links)))
    _, bad = write_links(links, lambda batch: None, batch_size=3, types=lambda node: (), triples=True)
    _, bad_graph = write_links(links, lambda batch: None, batch_size=3, types=lambda node: ())
    assert not bad.conforms and bad.violations == bad_graph.violations



def test_linking_comment_names_themes_as_the_link_node_does() -> None:
    """The link node's rdfs:comment names its shared and near themes by the labels hkg:sharedTheme (skos:prefLabel)
    and hkg:nearTheme carry ("psykisk helse", "pasientforløp ~ samhandling"), not by scheme keys ("psykisk-helse")."""
    link = Link("https://w3id.org/helsekg/id/measure/m", "https://w3id.org/helsekg/id/recommendation/d/1-2",
                Decimal("0.5"), ("psykisk-helse",), (), near_themes=(("pasientforlop", "samhandling"),))
    out = add_links(new_graph(), [link])
    (comment, label, near), = query(out, """SELECT ?comment ?label ?near WHERE { ?n a hkg:AddressLink ;
        rdfs:comment ?comment ; hkg:sharedTheme/skos:prefLabel ?label ; hkg:nearTheme ?near }""").rows
    assert (label, near) == ("psykisk helse", "pasientforløp ~ samhandling")
    assert f"shared themes: {label}; near themes: {near};" in comment, comment
