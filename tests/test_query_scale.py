"""benchmarks/query_scale.py: a replicated store copies document-local nodes, shares actors and themes, counts right."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from helsekg.query.sparql import named_query, query

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "query_scale.py"
ID = "https://w3id.org/helsekg/id/"
HKG = "https://w3id.org/helsekg/ontology#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# two document graphs naming the same actor and theme, and a links graph
BASE = f"""
<{ID}doc/d1> <{HKG}documentKind> <{HKG}PressRelease> <{ID}graph/doc/d1> .
<{ID}doc/d1> <http://purl.org/dc/terms/source> "corpus/d1.txt" <{ID}graph/doc/d1> .
<{ID}actor/hod> <{RDF_TYPE}> <{HKG}Actor> <{ID}graph/doc/d1> .
<{ID}actor/hod> <{RDFS}label> "Helse- og omsorgsdepartementet"@nb <{ID}graph/doc/d1> .
<{ID}actor/hod> <{HKG}mentionedIn> <{ID}doc/d1> <{ID}graph/doc/d1> .
<{ID}theme/kompetanse> <http://www.w3.org/2004/02/skos/core#prefLabel> "kompetanse"@nb <{ID}graph/doc/d1> .
<{ID}measure/tilskudd> <{HKG}proposedBy> <{ID}actor/hod> <{ID}graph/doc/d1> .
<{ID}measure/tilskudd> <{HKG}hasTheme> <{ID}theme/kompetanse> <{ID}graph/doc/d1> .
<{ID}doc/d2> <http://purl.org/dc/terms/source> "corpus/d2.txt" <{ID}graph/doc/d2> .
<{ID}actor/hod> <{RDF_TYPE}> <{HKG}Actor> <{ID}graph/doc/d2> .
<{ID}actor/hod> <{RDFS}label> "Helse- og omsorgsdepartementet"@nb <{ID}graph/doc/d2> .
<{ID}actor/hod> <{HKG}mentionedIn> <{ID}doc/d2> <{ID}graph/doc/d2> .
<{ID}recommendation/d2/1-9> <{RDFS}label> "Styrk kompetansen"@nb <{ID}graph/doc/d2> .
<{ID}measure/tilskudd> <{HKG}addresses> <{ID}recommendation/d2/1-9> <{ID}graph/links> .
<{ID}link/abc> <{HKG}linkedMeasure> <{ID}measure/tilskudd> <{ID}graph/links> .
<{ID}link/abc> <{HKG}sharedTheme> <{ID}theme/kompetanse> <{ID}graph/links> .
"""


@pytest.fixture(scope="module")
def query_scale():
    spec = importlib.util.spec_from_file_location("query_scale", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules["query_scale"] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def replicated(query_scale, tmp_path_factory):
    base = tmp_path_factory.mktemp("base") / "store"
    store = ox.Store(str(base))
    store.bulk_load(BASE.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    out = tmp_path_factory.mktemp("out") / "store"
    report = query_scale.build(base, out, triples=30)
    return report, ox.Store.read_only(str(out))


def test_query_scale_counts_what_it_built(replicated):
    report, store = replicated
    # shared: the actor's type and label, the theme's label; the other 11 distinct triples are document-local
    assert report["copies"] == 3 and report["triples"] == 3 + 11 * 3
    union = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(union) == report["triples"]
    assert len(store) == report["quads"] == 16 * 3 + report["triples"]
    assert report["documents"] == 6


def test_query_scale_copies_local_nodes_and_shares_actors_and_themes(replicated):
    _, store = replicated
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert {f"{ID}measure/tilskudd", f"{ID}measure/tilskudd-c1", f"{ID}measure/tilskudd-c2"} <= subjects
    assert {f"{ID}recommendation/d2/1-9-c2", f"{ID}link/abc-c1"} <= subjects
    assert {s for s in subjects if "/actor/" in s or "/theme/" in s} == {f"{ID}actor/hod", f"{ID}theme/kompetanse"}
    sources = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/source"),
                                                               None, ox.DefaultGraph())}
    assert sources == {"corpus/d1.txt", "corpus/d2.txt", "corpus/d1.txt-c1", "corpus/d2.txt-c1",
                       "corpus/d1.txt-c2", "corpus/d2.txt-c2"}
    graphs = {g.value for g in store.named_graphs()}
    assert f"{ID}graph/links" in graphs and f"{ID}graph/doc/d2-c2" in graphs and len(graphs) == 7


def test_query_scale_named_queries_see_every_copy(replicated):
    _, store = replicated
    rows = query(store, named_query("actors-by-documents")).records()
    assert rows == [{"actor": "Helse- og omsorgsdepartementet", "kind": "hkg:Actor", "documents": "6"}]
