"""Linking measures to recommendations (helsekg.linking) on a small graph built from records."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from helsekg.corpus import document_from_text
from helsekg.linking import add_links, link_iri, link_measures, read_nodes
from helsekg.namespace import HKG
from helsekg.query import query
from helsekg.rdf import add_extraction, document_iri, measure_iri, new_graph
from helsekg.records import DocumentInfo, Extraction, Measure
from helsekg.recommendations import find_recommendations
from helsekg.themes import measure_themes

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
    assert link.describe().startswith(f"{link.score} = 0.5 × themes")
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
    from helsekg.validate import validate

    graph, _, texts = built
    linked = add_links(Graph() + graph, link_measures(graph, threshold=0.0))
    report = validate(linked, texts=texts)
    assert report.conforms, report.text()


def test_linking_no_recommendations_no_links() -> None:
    assert link_measures(new_graph()) == []
