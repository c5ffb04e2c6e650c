"""The on-disk store (helsekg.scale.store): named graph per document, incremental sync, export."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Literal

from helsekg.scale.store import LINKS_GRAPH, GraphStore, doc_graph_iri


def _canon(graph):
    """Triples with typed literals compared by value (Oxigraph stores "0.250"^^xsd:decimal as "0.25")."""
    return {(s, p, (o.datatype, o.value)) if isinstance(o, Literal) and o.datatype else (s, p, o) for s, p, o in graph}


@pytest.fixture()
def corpus_copy(tmp_path, corpus_dir):
    target = tmp_path / "corpus"
    shutil.copytree(corpus_dir, target, ignore=shutil.ignore_patterns("*.md", "*.csv"))
    return target


def test_store_sync_is_incremental(tmp_path, corpus_copy):
    files = sorted(corpus_copy.glob("*.txt"))
    with GraphStore(tmp_path / "store") as store:
        first = store.sync([corpus_copy], model="blank")
        assert len(first.added) == len(files) and first.ok and first.links > 0
        assert len(store.document_graphs()) == len(files)
        assert store.store.contains_named_graph(LINKS_GRAPH)

        again = store.sync([corpus_copy], model="blank")
        assert again.extracted == [] and len(again.unchanged) == len(files)

        files[0].write_text(files[0].read_text(encoding="utf-8") + "\nKommunen får 2 millioner kroner i 2025.\n",
                            encoding="utf-8")
        gone = store.documents()[str(files[1])][0]
        files[1].unlink()
        third = store.sync([corpus_copy], model="blank")
        assert third.changed == [str(files[0])] and third.added == []
        assert third.removed == [str(files[1])]
        assert len(third.unchanged) == len(files) - 2
        assert not store.store.contains_named_graph(doc_graph_iri(gone.rsplit("/", 1)[-1]))
        assert len(store.document_graphs()) == len(files) - 1
        assert set(store.documents()) == {str(f) for f in files if f.exists()}


def test_store_reopens_from_disk(tmp_path, corpus_copy):
    with GraphStore(tmp_path / "store") as store:
        store.sync([corpus_copy], model="blank", check=False, link_threshold=None)
        count = store.count_triples()
    with GraphStore(tmp_path / "store") as store:
        assert store.count_triples() == count
        assert store.sync([corpus_copy], model="blank", check=False, link_threshold=None).extracted == []


@pytest.mark.parametrize("suffix", ["ttl", "nt", "nq", "jsonld"])
def test_store_export_round_trip_matches_extract_paths(tmp_path, corpus_dir, blank_nlp, suffix):
    from helsekg.api import extract_paths
    from helsekg.graph.io import read_graph
    from helsekg.validate.core import validate

    expected = extract_paths([corpus_dir], nlp=blank_nlp, check=False)
    with GraphStore(None) as store:
        store.sync([corpus_dir], model="blank", check=False)
        out = store.export(tmp_path / f"graph.{suffix}")
    exported = read_graph(out)
    assert _canon(exported) == _canon(expected.graph)
    if suffix == "ttl":
        assert validate(exported).conforms


def test_store_nquads_keep_the_document_graphs(tmp_path, corpus_dir):
    import pyoxigraph as ox

    with GraphStore(None) as store:
        store.sync([corpus_dir], model="blank", check=False)
        graphs = {g.value for g in store.store.named_graphs()}
        store.export(tmp_path / "g.nq")
    assert {q.graph_name.value for q in ox.parse(path=str(tmp_path / "g.nq"), format=ox.RdfFormat.N_QUADS)} == graphs


def test_store_as_rdflib_and_named_queries(corpus_dir):
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from helsekg.graph.namespace import HKG
    from helsekg.query.sparql import named_query

    with GraphStore(None) as store:
        store.sync([corpus_dir], model="blank", check=False)
        dataset = store.as_rdflib()
        documents = set(dataset.subjects(RDF.type, HKG.PolicyDocument))
        assert len(documents) == 5
        graph = dataset.graph(URIRef(store.document_graphs()[0].value))
        assert len(set(graph.subjects(RDF.type, HKG.PolicyDocument))) == 1
        assert store.query(named_query("amounts")).rows


def _two_documents_sharing_an_actor(folder):
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Regjeringen styrker rusomsorgen\n\nHelsedirektoratet får 20 millioner kroner til et nytt program for "
        "rusbehandling i 2025.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Nye tiltak for eldre\n\nHelsedirektoratet skal fordele 15 millioner kroner til kommuner som bygger "
        "flere sykehjemsplasser i 2025.\n", encoding="utf-8")
    return folder


def test_store_default_graph_is_the_set_union(tmp_path):
    """A triple two documents hold is seen once by queries; it leaves the union with the last graph holding it."""
    import pyoxigraph as ox

    folder = _two_documents_sharing_an_actor(tmp_path / "docs")
    hdir = "SELECT ?label WHERE { ?a a hkg:Organisation ; rdfs:label ?label FILTER(STR(?label) = 'Helsedirektoratet') }"
    with GraphStore(tmp_path / "store") as store:
        store.sync([folder], model="blank", check=False, link_threshold=None)
        assert store.query(hdir).rows == (("Helsedirektoratet",),)
        union = set(store.triples())
        named = {q.triple for q in store.store.quads_for_pattern(None, None, None, None) if q.graph_name != ox.DefaultGraph()}
        assert {(t.subject, t.predicate) for t in union} == {(t.subject, t.predicate) for t in named}
        assert store.count_triples() == len(union) < len(store)

        (folder / "a.txt").unlink()
        store.sync([folder], model="blank", check=False, link_threshold=None)
        assert store.query(hdir).rows == (("Helsedirektoratet",),)
        (folder / "b.txt").unlink()
        store.sync([folder], model="blank", check=False, link_threshold=None)
        assert store.query(hdir).rows == ()
        assert store.count_triples() == 0


def test_store_written_without_the_union_gets_it_on_open(tmp_path):
    import pyoxigraph as ox

    folder = _two_documents_sharing_an_actor(tmp_path / "docs")
    with GraphStore(tmp_path / "store") as store:
        store.sync([folder], model="blank", check=False, link_threshold=None)
        expected = store.count_triples()
        store.store.clear_graph(ox.DefaultGraph())  # as a store of named graphs only
    with GraphStore(tmp_path / "store") as store:
        assert store.count_triples() == expected


def test_store_summary_counts_each_triple_once(tmp_path, corpus_dir):
    """The summary of a store (union of named graphs) equals the summary of the same graph read from a file."""
    from helsekg.graph.io import read_graph
    from helsekg.query.summary import summarize

    with GraphStore(None) as store:
        store.sync([corpus_dir], model="blank", check=False)
        store.export(tmp_path / "g.nt")
        from_store = summarize(store.store)
        assert f"triples:       {store.count_triples()}" in from_store
    from_file = summarize(read_graph(tmp_path / "g.nt"))
    head = from_store.index("Monetary amounts:")  # rows tied on value and year may come in another order
    assert from_store[:head] == from_file[:head]
    assert sorted(from_store[head:].splitlines()) == sorted(from_file[head:].splitlines())


def test_store_read_only_opens_and_closes(tmp_path):
    folder = _two_documents_sharing_an_actor(tmp_path / "docs")
    with GraphStore(tmp_path / "store") as store:
        store.sync([folder], model="blank", check=False, link_threshold=None)
        expected = store.count_triples()
    with GraphStore(tmp_path / "store", read_only=True) as store:
        assert store.count_triples() == expected
