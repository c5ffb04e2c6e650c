"""The oxigraph engine (helsekg.validate.shacl_sparql) against pySHACL: the same results on every graph.

Differential tests: each graph is validated by both engines through :func:`helsekg.validate.core.validate`,
which must agree on ``conforms`` and on the multiset of results, compared in full (focus node, path,
value, severity, source shape, message). The graphs: every case of tests/test_shapes.py and
tests/test_validate.py, the corpus (per document and merged, with its link nodes), and seeded mutants
of the corpus document graphs (150 in ``make test``, 3,000 more with ``-m slow``). Where pySHACL stops
with an error, the oxigraph engine must raise the same error.
"""

from __future__ import annotations

import random
from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, XSD
from test_shapes import CONTEXT, GRAPHS, PREFIXES, SNIPPETS, VIOLATIONS, _bind, _graph

from helsekg.graph.namespace import HKG
from helsekg.validate.core import load_shapes, validate
from helsekg.validate.shacl_sparql import (
    ShapeEvaluationError,
    UnsupportedShapeError,
    compile_shapes,
)

pytestmark = pytest.mark.filterwarnings("ignore:Serializing weird numerical:UserWarning")

SCHEMA_VALUE = URIRef("https://schema.org/value")
UPDATE_PREFIXES = PREFIXES.replace("@base", "BASE").replace("@prefix", "PREFIX").replace(" .\n", "\n")


def _results(graph: Graph, engine: str, **options) -> tuple[bool, Counter] | str:
    """``(conforms, results)`` from one engine, or the name of the error it raised."""
    try:
        report = validate(graph, engine=engine, **options)
    except Exception as err:  # noqa: BLE001 - pySHACL raises on some data; the other engine must raise too
        return type(err).__name__
    return report.conforms, Counter((v.focus, v.path, v.value, v.severity, v.shape, v.message)
                                    for v in report.violations)


SAME_ERROR = {"ReportableRuntimeError": "ShapeEvaluationError"}  # pySHACL's error -> helsekg's


def assert_same(graph: Graph, **options) -> tuple[bool, Counter] | str:
    """Both engines give the same verdict; returns pySHACL's."""
    expected, found = _results(graph, "pyshacl", **options), _results(graph, "oxigraph", **options)
    if isinstance(expected, str) or isinstance(found, str):
        assert found == SAME_ERROR.get(expected, expected), f"pyshacl: {expected}, oxigraph: {found}"
        return expected
    assert found[0] == expected[0], f"conforms: pyshacl {expected[0]}, oxigraph {found[0]}"
    assert found[1] == expected[1], f"only pyshacl: {expected[1] - found[1]}\nonly oxigraph: {found[1] - expected[1]}"
    return expected


def _updated(shape: str, update: str) -> Graph:
    graph = _graph(shape)
    graph.update(UPDATE_PREFIXES + update)
    return graph


# ----------------------------------------------------------------------------------------------
# The graphs of tests/test_shapes.py and tests/test_validate.py


@pytest.mark.parametrize("shape", sorted(GRAPHS))
def test_shacl_sparql_conforming_shape_graphs_agree(shape: str) -> None:
    assert assert_same(_graph(shape)) == (True, Counter())


@pytest.mark.parametrize(
    ("shape", "update"),
    [pytest.param(shape, update, id=f"{shape}-{case}") for shape, case, update, _ in VIOLATIONS],
)
def test_shacl_sparql_violating_shape_graphs_agree(shape: str, update: str) -> None:
    conforms, results = assert_same(_updated(shape, update))
    assert not conforms and results


def test_shacl_sparql_whole_example_graph_agrees() -> None:
    graph = Graph().parse(data=PREFIXES + CONTEXT + "".join(SNIPPETS.values()), format="turtle")
    assert assert_same(graph) == (True, Counter())


def test_shacl_sparql_corpus_graph_agrees(corpus_graph: Graph) -> None:
    """The merged corpus graph of tests/test_validate.py, with its measure-recommendation link nodes."""
    assert any(corpus_graph.subjects(RDF.type, HKG.AddressLink))
    assert assert_same(corpus_graph) == (True, Counter())


def test_shacl_sparql_wrong_amount_kind_agrees(corpus_graph: Graph) -> None:
    graph = _copy(corpus_graph)
    amount = next(iter(graph.subjects(RDF.type, HKG.MonetaryAmount)))
    graph.set((amount, HKG.amountKind, HKG.Exact))
    conforms, results = assert_same(graph)
    assert not conforms and {focus for focus, *_ in results} == {str(amount)}


def test_shacl_sparql_document_without_heading_agrees(blank_nlp) -> None:
    from helsekg.api import document_graph, extract_text

    text = ("Kommunestyret i Volda vedtok å løyve 1,2 millionar kroner til ei ny ordning med akutthjelparar i 2025. "
            "Formålet er å korte ned responstida i utkantane.\n")
    assert assert_same(document_graph(extract_text(text, source="volda.txt", nlp=blank_nlp))) == (True, Counter())


def test_shacl_sparql_report_keeps_anchor_check(corpus_result) -> None:
    """The engine changes only the SHACL part: anchors are still checked against the texts."""
    from helsekg.graph.build import document_iri
    from helsekg.text import iter_paths, read_document

    texts = {str(document_iri(d.id)): d.text for d in map(read_document, iter_paths(["corpus"]))}
    report = validate(corpus_result.graph, texts=texts, engine="oxigraph")
    assert report.conforms and report.anchors_checked > 50


def test_shacl_sparql_unknown_engine_is_an_error(corpus_graph: Graph) -> None:
    with pytest.raises(ValueError, match="unknown SHACL engine 'jena'"):
        validate(corpus_graph, engine="jena")


# ----------------------------------------------------------------------------------------------
# Corpus document graphs (blank pipeline) and their mutants


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True)
    for triple in graph:
        copy.add(triple)
    return copy


@pytest.fixture(scope="module")
def corpus_graphs(blank_nlp, corpus_dir) -> list[Graph]:
    """One graph per corpus document, and last a graph of the link nodes with the types they point to
    (validated with the link nodes as focus nodes, as helsekg.link.linking.write_links does)."""
    from helsekg.api import extract_document, extract_paths
    from helsekg.text import iter_paths, read_document

    graphs = [extract_document(read_document(path), blank_nlp, check=False)[0] for path in iter_paths([corpus_dir])]
    merged = extract_paths([corpus_dir], nlp=blank_nlp, check=False).graph
    links = Graph()
    for link in merged.subjects(RDF.type, HKG.AddressLink):
        for p, o in merged.predicate_objects(link):
            links.add((link, p, o))
            for kind in merged.objects(o, RDF.type):
                links.add((o, RDF.type, kind))
            if (o, RDF.type, HKG.Theme) in merged:
                for theme_triple in merged.triples((o, None, None)):
                    links.add(theme_triple)
                    for kind in merged.objects(theme_triple[2], RDF.type):
                        links.add((theme_triple[2], RDF.type, kind))
    assert len(graphs) == 5 and len(links) > 100
    return graphs + [links]


def _focus(graph: Graph) -> dict:
    """The link graph is validated on its link nodes only; a document graph as a whole."""
    links = sorted(graph.subjects(RDF.type, HKG.AddressLink))
    return {"focus_nodes": links} if links and not any(graph.subjects(RDF.type, HKG.PolicyDocument)) else {}


def test_shacl_sparql_corpus_documents_agree(corpus_graphs: list[Graph]) -> None:
    for graph in corpus_graphs:
        assert assert_same(graph, **_focus(graph)) == (True, Counter())
    assert not assert_same(corpus_graphs[-1])[0]  # the measures a link points to are not all there


def test_shacl_sparql_focus_nodes_agree(corpus_graphs: list[Graph]) -> None:
    """pySHACL's focus_nodes: only the listed IRIs that a shape targets, and an empty list means all."""
    links = _copy(corpus_graphs[-1])
    link, other = sorted(links.subjects(RDF.type, HKG.AddressLink))[:2]
    links.remove((link, HKG.linkScore, None))
    links.add((other, HKG.linkScore, Literal("2", datatype=XSD.decimal)))
    theme = sorted(links.subjects(RDF.type, HKG.Theme))[0]
    links.add((theme, SKOS.prefLabel, Literal("ny", lang="nb")))
    for focus in ([link], [str(link)], [link, URIRef("https://example.org/not-there"), BNode()], [], None,
                  [theme, other], ["hkg:Theme"]):
        assert_same(links, focus_nodes=focus)
    assert {v.focus for v in validate(links, focus_nodes=[link], engine="oxigraph").violations} == {str(link)}


def test_shacl_sparql_accepts_oxigraph_data(corpus_graphs: list[Graph]) -> None:
    """Oxigraph triples, or a pyoxigraph Store, give the results of the rdflib graph.

    A Store holds literals by value (an xsd:nonNegativeInteger comes back as xsd:integer), so only
    graphs without such datatypes validate the same from a Store.
    """
    from helsekg.graph.io import to_oxigraph

    compiled = compile_shapes(load_shapes())
    graph = _copy(corpus_graphs[0])
    amount = next(iter(graph.subjects(RDF.type, HKG.MonetaryAmount)))
    graph.set((amount, SCHEMA_VALUE, Literal("12", datatype=XSD.integer)))
    expected = compiled.validate(graph)
    assert [v.path for v in expected] == [str(SCHEMA_VALUE)]
    assert compiled.validate(to_oxigraph(graph)) == expected
    links = _copy(corpus_graphs[-1])
    links.remove((None, HKG.rank, None))  # an xsd:positiveInteger: a Store gives it back as xsd:integer
    links.add((sorted(links.subjects(RDF.type, HKG.AddressLink))[0], HKG.linkScore, Literal("0.7", datatype=XSD.decimal)))
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(links))
    assert compiled.validate(store) == compiled.validate(links) != []


# Mutations: each takes (graph, rng) and changes the graph in place. The graph is sorted first, so the
# same seed gives the same mutant on every run (blank node ids and hash seeds do not matter).

CLASSES = [HKG.Actor, HKG.Organisation, HKG.Person, HKG.Measure, HKG.Programme, HKG.MonetaryAmount, HKG.Quantity,
           HKG.Goal, HKG.TargetGroup, HKG.Recommendation, HKG.Theme, HKG.Quote, HKG.Mention, HKG.PolicyDocument,
           HKG.AddressLink, SKOS.Concept]


def _triples(graph: Graph, predicate=None, kind: type | None = None) -> list:
    found = [t for t in graph.triples((None, predicate, None)) if kind is None or isinstance(t[2], kind)]
    return sorted(found, key=lambda t: (str(t[0]), str(t[1]), t[2].n3()))


def _replace(graph: Graph, triple, new) -> None:
    graph.remove(triple)
    graph.add((triple[0], triple[1], new))


def delete_triple(graph, rng):
    graph.remove(rng.choice(_triples(graph)))


def retype_literal(graph, rng):
    triple = rng.choice(_triples(graph, kind=Literal))
    text = str(triple[2])
    _replace(graph, triple, rng.choice([
        Literal(text), Literal(text, datatype=XSD.string), Literal(text, datatype=XSD.integer),
        Literal(text, datatype=XSD.decimal), Literal(text, datatype=XSD.nonNegativeInteger),
        Literal(text, datatype=XSD.date), Literal(text, datatype=XSD.gYear), Literal(text, lang="nb"),
    ]))


def retype_number(graph, rng):
    triples = [t for t in _triples(graph, kind=Literal) if t[2].datatype in (XSD.decimal, XSD.nonNegativeInteger)]
    triple = rng.choice(triples)
    text = str(triple[2])
    _replace(graph, triple, rng.choice([
        Literal(text, datatype=XSD.integer), Literal(text), Literal(text, datatype=XSD.string),
        Literal(text, datatype=XSD.decimal), Literal(text + ".50", datatype=XSD.decimal),
        Literal(text + ".0", datatype=XSD.decimal), Literal("-" + text, datatype=XSD.nonNegativeInteger),
        Literal("-" + text, datatype=XSD.integer), Literal(text + "e3", datatype=XSD.decimal),
        Literal("abc", datatype=XSD.decimal), Literal("1.5", datatype=XSD.nonNegativeInteger),
        Literal("0" + text, datatype=XSD.nonNegativeInteger), Literal(text, datatype=XSD.double),
        Literal(text, lang="nb"),
    ]))


def change_language(graph, rng):
    triple = rng.choice([t for t in _triples(graph, kind=Literal) if t[2].language] or _triples(graph, kind=Literal))
    text = str(triple[2])
    _replace(graph, triple, rng.choice([
        Literal(text, lang="en"), Literal(text), Literal(text, lang="nn"), Literal(text, lang="NB"),
        Literal(text, lang="nb-NO"), Literal(text, lang="se"), Literal(text, datatype=XSD.string),
    ]))


def duplicate_value(graph, rng):
    subject, predicate, value = rng.choice(_triples(graph))
    if isinstance(value, Literal):
        other = rng.choice([Literal(str(value) + " igjen", lang=value.language, datatype=value.datatype),
                            Literal("1", datatype=value.datatype) if value.datatype else Literal("x", lang="nb"),
                            Literal(str(value), lang="nn" if value.language == "nb" else "nb")])
    else:
        other = rng.choice([o for _, _, o in _triples(graph, kind=URIRef)])
    graph.add((subject, predicate, other))


def add_type(graph, rng):
    graph.add((rng.choice(sorted(set(graph.subjects()), key=str)), RDF.type, rng.choice(CLASSES)))


def break_link(graph, rng):
    """An object property to a literal, an untyped IRI, a blank node or another typed node."""
    triples = [t for t in _triples(graph, kind=URIRef) if t[1] != RDF.type]
    triple = rng.choice(triples)
    _replace(graph, triple, rng.choice([
        Literal(str(triple[2])), Literal("x", lang="nb"), URIRef("https://w3id.org/helsekg/id/untyped"),
        rng.choice(triples)[0], BNode(f"b{rng.randrange(1000)}"),
    ]))


def remove_type(graph, rng):
    graph.remove(rng.choice(_triples(graph, RDF.type)))


def add_subclass(graph, rng):
    """Data-graph rdfs:subClassOf, which pySHACL follows for targets and sh:class even without inference."""
    sub, sup = rng.sample(CLASSES, 2)
    graph.add((sub, RDFS.subClassOf, sup))
    if rng.random() < 0.5:
        graph.add((rng.choice(sorted(set(graph.subjects()), key=str)), RDF.type, sub))


def odd_string(graph, rng):
    triple = rng.choice(_triples(graph, kind=Literal))
    text = str(triple[2])
    _replace(graph, triple, Literal(rng.choice(["", text + "\n", text.upper(), " " + text, text[:1], "é" * 3]),
                                    lang=triple[2].language, datatype=triple[2].datatype))


def change_offset(graph, rng):
    triples = _triples(graph, HKG.startOffset) + _triples(graph, HKG.endOffset)
    subject, predicate, value = rng.choice(triples)
    graph.remove((subject, predicate, value))
    graph.add((subject, predicate, rng.choice([
        Literal("0", datatype=XSD.nonNegativeInteger), Literal("99999", datatype=XSD.nonNegativeInteger),
        Literal(str(value), datatype=XSD.decimal), Literal(str(value)), Literal("x", datatype=XSD.nonNegativeInteger),
        Literal("2024-10-07", datatype=XSD.date), URIRef("https://w3id.org/helsekg/id/offset"),
    ])))


def change_score(graph, rng):
    triples = _triples(graph, HKG.linkScore) or _triples(graph, SCHEMA_VALUE) or _triples(graph, kind=Literal)
    triple = rng.choice(triples)
    _replace(graph, triple, rng.choice([
        Literal("1.5", datatype=XSD.decimal), Literal("-0.1", datatype=XSD.decimal), Literal("1", datatype=XSD.integer),
        Literal("0.5"), Literal("1.0", datatype=XSD.double), Literal("0.50", datatype=XSD.decimal),
        Literal("NaN", datatype=XSD.decimal), Literal("x", datatype=XSD.decimal), Literal("0", datatype=XSD.boolean),
        Literal("2025", datatype=XSD.gYear),
    ]))


def add_label(graph, rng):
    subject = rng.choice(sorted(set(graph.subjects(RDF.type, None)), key=str))
    predicate = rng.choice([RDFS.label, SKOS.prefLabel, DCTERMS.title, HKG.role, HKG.evidenceTerm])
    graph.add((subject, predicate, rng.choice([Literal("ny", lang="nb"), Literal("ny", lang="nn"),
                                               Literal("new", lang="en"), Literal("ny"), Literal("")])))


MUTATIONS = [delete_triple, retype_literal, retype_number, change_language, duplicate_value, add_type, break_link,
             remove_type, add_subclass, odd_string, change_offset, change_score, add_label]


def mutants(graphs: list[Graph], count: int, seed: int):
    rng = random.Random(seed)
    for index in range(count):
        base = rng.choice(graphs)
        graph = _copy(base)
        applied = []
        for mutation in rng.sample(MUTATIONS, rng.choice([1, 1, 2, 3])):
            try:
                mutation(graph, rng)
            except IndexError:  # nothing for this mutation in this graph
                continue
            applied.append(mutation.__name__)
        yield index, applied, graph


def _fuzz(graphs: list[Graph], count: int, seed: int) -> Counter:
    outcomes: Counter = Counter()
    for index, applied, graph in mutants(graphs, count, seed):
        try:
            verdict = assert_same(graph, **_focus(graph))
        except AssertionError as err:
            raise AssertionError(f"mutant {index} (seed {seed}: {', '.join(applied)}): {err}") from None
        outcomes["error" if isinstance(verdict, str) else "conforms" if verdict[0] else "violates"] += 1
    return outcomes


def test_shacl_sparql_mutants_agree(corpus_graphs: list[Graph]) -> None:
    outcomes = _fuzz(corpus_graphs, 150, seed=20240611)
    assert sum(outcomes.values()) == 150 and outcomes["violates"] > 75 and outcomes["conforms"] > 5


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10))
def test_shacl_sparql_many_mutants_agree(corpus_graphs: list[Graph], seed: int) -> None:
    assert sum(_fuzz(corpus_graphs, 300, seed=seed).values()) == 300


# ----------------------------------------------------------------------------------------------
# pySHACL's own rules, which the compiled queries follow (each: both engines agree, and the verdict)

DOC = "doc:kompetanseloft-1a2b3c4d"
MENTION = "m:41-71"
AMOUNT = "amount:80-99"


def _swap(subject: str, predicate: str, new: str) -> str:
    return f"DELETE {{ {subject} {predicate} ?o }} INSERT {{ {subject} {predicate} {new} }} WHERE {{ {subject} {predicate} ?o }}"


def _set(subject: str, predicate: str, new: str):
    """Like _swap, with the new value read by rdflib's Turtle parser."""
    def change(graph: Graph) -> None:
        s, p = (graph.namespace_manager.expand_curie(name) for name in (subject, predicate))
        value = Graph().parse(data=PREFIXES + f"{subject} {predicate} {new} .", format="turtle").value(s, p)
        graph.set((s, p, value))
    return change


QUIRKS = [
    # rdflib keeps "nb"^^xsd:string apart from "nb": not in sh:in ("nb" "nn"), though a valid xsd:string
    ("PolicyDocumentShape", "typed-string-not-in-list", _swap(DOC, "dcterms:language", '"nb"^^xsd:string'), False),
    ("PolicyDocumentShape", "typed-string-is-string", _swap(DOC, "dcterms:source", '"a.txt"^^xsd:string'), True),
    # Python's re: "$" also matches before a final newline
    ("PolicyDocumentShape", "hash-with-newline", _swap(DOC, "hkg:contentHash", '"' + "a" * 64 + '\\n"'), True),
    # rdflib reads "2e2" as a decimal (XSD does not), and rewrites its lexical form ("5.3E+7" fails sh:pattern)
    ("QuantityShape", "decimal-exponent", _swap("quantity:160-178", "schema:value", '"2e2"^^xsd:decimal'), True),
    ("MonetaryAmountShape", "decimal-exponent-pattern", _swap(AMOUNT, "schema:value", '"5.3e7"^^xsd:decimal'), False),
    ("MonetaryAmountShape", "decimal-ill-typed", _swap(AMOUNT, "schema:value", '"mange"^^xsd:decimal'), False),
    # rdflib cannot read xsd:gYear, so any lexical form passes sh:datatype xsd:gYear
    ("MonetaryAmountShape", "gyear-not-a-year", _swap(AMOUNT, "hkg:fiscalYear", '"neste år"^^xsd:gYear'), True),
    # (rdflib's SPARQL Update does not flag "-1"^^xsd:nonNegativeInteger ill-typed; its Turtle parser does)
    ("MentionShape", "negative-non-negative", _set(MENTION, "hkg:startOffset", '"-1"^^xsd:nonNegativeInteger'), False),
    ("MentionShape", "leading-zeros", _swap(MENTION, "hkg:startOffset", '"041"^^xsd:nonNegativeInteger'), True),
    # language tags compare case-blind, and a region subtag matches its language
    ("ActorShape", "language-upper-case", _swap("actor:helse-og-omsorgsdepartementet", "rdfs:label", '"HOD"@NB'), True),
    ("ActorShape", "language-region", _swap("actor:helse-og-omsorgsdepartementet", "rdfs:label", '"HOD"@nb-NO'), True),
    # no inference, yet rdfs:subClassOf in the data graph counts for sh:targetClass and sh:class
    ("OrganisationShape", "subclass-in-data",
     "INSERT DATA { hkg:Organisation rdfs:subClassOf hkg:Actor } ; "
     "DELETE DATA { actor:helse-og-omsorgsdepartementet a hkg:Actor }", False),
    ("AddressLinkShape", "score-as-string-never-in-range", _swap("link:0123456789abcdef", "hkg:linkScore", '"0.5"'), False),
    ("QuantityShape", "range-as-strings", _swap("quantity:160-178", "schema:minValue", '"100"'), False),
]


@pytest.mark.parametrize(("shape", "update", "conforms"),
                         [pytest.param(shape, update, conforms, id=case) for shape, case, update, conforms in QUIRKS])
def test_shacl_sparql_follows_pyshacl_rules(shape: str, update, conforms: bool) -> None:
    if callable(update):
        graph = _graph(shape)
        _bind(graph)
        update(graph)
    else:
        graph = _updated(shape, update)
    assert assert_same(graph)[0] is conforms


def test_shacl_sparql_blank_node_offset_is_an_error_in_both() -> None:
    """pySHACL stops with an error when sh:lessThan meets a blank node; so does the oxigraph engine."""
    graph = _updated("MentionShape", _swap(MENTION, "hkg:startOffset", "[]"))
    assert assert_same(graph) == "ReportableRuntimeError"
    with pytest.raises(ShapeEvaluationError, match="E202"):
        validate(graph, engine="oxigraph")


# ----------------------------------------------------------------------------------------------
# Other shapes graphs: severities, deactivated shapes, generic messages, unsupported features

SHAPES_NS = "https://w3id.org/helsekg/shapes#"


def _shapes_variant(change) -> Graph:
    shapes = _copy(load_shapes())
    change(shapes)
    return shapes


def _bnode_property(shapes: Graph, shape: str, path: URIRef):
    return next(p for p in shapes.objects(URIRef(SHAPES_NS + shape), SH.property) if (p, SH.path, path) in shapes)


VARIANTS = {
    "warning-severity": lambda g: g.add((URIRef(SHAPES_NS + "LabelProperty"), SH.severity, SH.Warning)),
    "info-on-node-shape": lambda g: g.add((URIRef(SHAPES_NS + "ThemeShape"), SH.severity, SH.Info)),
    "deactivated-property": lambda g: g.add((URIRef(SHAPES_NS + "QualifierProperty"), SH.deactivated, Literal(True))),
    "deactivated-node-shape": lambda g: g.add((URIRef(SHAPES_NS + "MentionShape"), SH.deactivated, Literal(True))),
    "deactivated-or-member": lambda g: g.add((next(g.items(next(g.objects(URIRef(SHAPES_NS + "ThemeShape"), SH["or"])))),
                                              SH.deactivated, Literal(True))),
    "no-messages": lambda g: g.remove((None, SH.message, None)),
}
VARIANT_CASES = [("MonetaryAmountShape", "two-qualifiers"), ("MonetaryAmountShape", "no-value"),
                 ("ThemeShape", "no-label"), ("ThemeShape", "two-nb-preflabels"), ("MentionShape", "start-after-end"),
                 ("ActorShape", "label-en"), ("PolicyDocumentShape", "language-en"), ("AddressLinkShape", "score-string"),
                 ("QuantityShape", "min-above-max"), ("OrganisationShape", "not-typed-actor"),
                 ("MeasureShape", "theme-is-goal"), ("PolicyDocumentShape", "hash-not-hex"),
                 ("MentionShape", "anchor-tagged"), ("AddressLinkShape", "evidence-empty")]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_shacl_sparql_shapes_variants_agree(variant: str) -> None:
    shapes = _shapes_variant(VARIANTS[variant])
    updates = {(shape, case): update for shape, case, update, _ in VIOLATIONS}
    for shape, case in VARIANT_CASES:
        assert_same(_updated(shape, updates[shape, case]), shapes=shapes)


UNSUPPORTED = {  # predicate-object lists of an extra node shape
    "sparql": "sh:sparql [ sh:select \"SELECT $this WHERE { $this a hkg:Measure }\" ]",
    "qualified": "sh:property [ sh:path hkg:hasTheme ; sh:qualifiedValueShape [ sh:class hkg:Theme ] ; "
                 "sh:qualifiedMinCount 1 ]",
    "node": "sh:property [ sh:path hkg:hasTheme ; sh:node hkgsh:ThemeShape ]",
    "inverse-path": "sh:property [ sh:path [ sh:inversePath hkg:hasTheme ] ; sh:minCount 1 ]",
    "sequence-path": "sh:property [ sh:path ( hkg:hasTheme rdfs:label ) ; sh:minCount 1 ]",
    "closed": "sh:closed true",
    "equals": "sh:property [ sh:path rdfs:label ; sh:equals skos:prefLabel ]",
    "pattern-in-or": "sh:or ( [ sh:path rdfs:label ; sh:pattern \"x\" ] [ sh:path skos:prefLabel ; sh:minCount 1 ] )",
}


@pytest.mark.parametrize("construct", sorted(UNSUPPORTED))
def test_shacl_sparql_refuses_what_it_does_not_compile(construct: str) -> None:
    shapes = _copy(load_shapes())
    shapes.parse(data=f"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix hkg: <https://w3id.org/helsekg/ontology#> . @prefix hkgsh: <{SHAPES_NS}> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        hkgsh:Extra a sh:NodeShape ; sh:targetClass hkg:Measure ; {UNSUPPORTED[construct]} .""",
                 format="turtle")
    with pytest.raises(UnsupportedShapeError, match="E201"):
        compile_shapes(shapes)


def test_shacl_sparql_compiles_once_per_shapes_graph() -> None:
    shapes = load_shapes()
    assert compile_shapes(shapes) is compile_shapes(shapes)
    assert compile_shapes(_copy(shapes)) is not compile_shapes(shapes)
