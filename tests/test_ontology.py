"""The ontology against the public vocabulary contract, and the files generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from helsekg.graph import ontology as ontology_tools
from helsekg.graph.namespace import DCTERMS, FOAF, HKG, ORG, PROV, SCHEMA
from helsekg.resources import ontology_path

ROOT = Path(__file__).resolve().parents[1]
VS_STATUS = URIRef("http://www.w3.org/2003/06/sw-vocab-status/ns#term_status")

# The public contract (spec/vocabulary.md): these terms must exist; never rename or drop one.
CONTRACT_CLASSES = [
    "PolicyDocument", "Actor", "Organisation", "Person", "Measure", "Programme", "MonetaryAmount",
    "Quantity", "Goal", "TargetGroup", "Recommendation", "Theme", "Quote", "Mention",
]
CONTRACT_PROPERTIES = [
    "mentionedIn", "hasMention", "inDocument", "startOffset", "endOffset", "anchorText", "proposedBy",
    "hasFunding", "qualifier", "amountKind", "fiscalYear", "hasQuantity", "hasGoal", "targets", "partOf",
    "addresses", "recommendedBy", "hasTheme", "role", "statedBy", "quoteText",
]
CONTRACT_INDIVIDUALS = [
    "Exact", "Approximately", "UpTo", "AtLeast", "MoreThan", "Increase", "Reduction", "Total", "Unspecified",
]
CONTRACT = CONTRACT_CLASSES + CONTRACT_PROPERTIES + CONTRACT_INDIVIDUALS
# helsekg extensions beyond the contract (allowed; marked in the Turtle).
EXTENSIONS = ["contentHash", "documentKind", "page", "heading", "statedRole", "LessThan", "Qualifier", "AmountKind"]
# helsekg.link.linking: the qualified form of hkg:addresses with its score and evidence.
LINK_EXTENSIONS = ["AddressLink", "linkedMeasure", "linkedRecommendation", "linkScore", "sharedTheme", "evidenceTerm",
                   # issue 16: the relation named for what it measures, the model's contributions, rank and dates
                   "addressesThematically", "followsUp", "featureContribution", "rank", "measureIssued",
                   "recommendationIssued",
                   # a pair of themes one step apart that earned the link credit ("pasientforløp ~ samhandling")
                   "nearTheme"]
EXTENSIONS += LINK_EXTENSIONS
# helsekg validate --format ttl: the sh:sourceConstraintComponent of the anchor check's results (issue 15).
EXTENSIONS += ["AnchorTextConstraint"]
# issue 18: who stands behind an amount, as its own document says, so money per actor needs no join
EXTENSIONS += ["fundedBy"]

EXTRACTED = {"Actor", "Measure", "MonetaryAmount", "Quantity", "Goal", "TargetGroup", "Recommendation", "Theme", "Quote"}

# property: (kind, domain classes, range)
SIGNATURES = {
    "mentionedIn": ("object", EXTRACTED, HKG.PolicyDocument),
    "hasMention": ("object", EXTRACTED, HKG.Mention),
    "inDocument": ("object", {"Mention"}, HKG.PolicyDocument),
    "startOffset": ("datatype", {"Mention"}, XSD.nonNegativeInteger),
    "endOffset": ("datatype", {"Mention"}, XSD.nonNegativeInteger),
    "anchorText": ("datatype", {"Mention"}, XSD.string),
    "proposedBy": ("object", {"Measure"}, HKG.Actor),
    "hasFunding": ("object", {"Measure"}, HKG.MonetaryAmount),
    "fundedBy": ("object", {"MonetaryAmount"}, HKG.Actor),
    "qualifier": ("object", {"MonetaryAmount", "Quantity"}, HKG.Qualifier),
    "amountKind": ("object", {"MonetaryAmount"}, HKG.AmountKind),
    "fiscalYear": ("datatype", {"MonetaryAmount"}, XSD.gYear),
    "hasQuantity": ("object", {"Measure"}, HKG.Quantity),
    "hasGoal": ("object", {"Measure"}, HKG.Goal),
    "targets": ("object", {"Measure"}, HKG.TargetGroup),
    "partOf": ("object", {"Measure"}, HKG.Measure),
    "addresses": ("object", {"Measure"}, HKG.Recommendation),
    "recommendedBy": ("object", {"Recommendation"}, HKG.Actor),
    "hasTheme": ("object", {"Recommendation", "Measure", "Goal"}, HKG.Theme),
    "role": ("datatype", {"Person"}, RDF.langString),
    "statedBy": ("object", {"Quote"}, HKG.Person),
    "quoteText": ("datatype", {"Quote"}, RDFS.Literal),
    "contentHash": ("datatype", {"PolicyDocument"}, XSD.string),
    "documentKind": ("datatype", {"PolicyDocument"}, XSD.string),
    "page": ("datatype", {"Mention"}, XSD.positiveInteger),
    "heading": ("datatype", {"Mention"}, XSD.string),
    "statedRole": ("datatype", {"Mention"}, RDF.langString),
    "linkedMeasure": ("object", {"AddressLink"}, HKG.Measure),
    "linkedRecommendation": ("object", {"AddressLink"}, HKG.Recommendation),
    "sharedTheme": ("object", {"AddressLink"}, HKG.Theme),
    "linkScore": ("datatype", {"AddressLink"}, XSD.decimal),
    "evidenceTerm": ("datatype", {"AddressLink"}, XSD.string),
    "nearTheme": ("datatype", {"AddressLink"}, XSD.string),
    "addressesThematically": ("object", {"Measure"}, HKG.Recommendation),
    "followsUp": ("object", {"Measure"}, HKG.Recommendation),
    "featureContribution": ("datatype", {"AddressLink"}, XSD.string),
    "rank": ("datatype", {"AddressLink"}, XSD.positiveInteger),
    "measureIssued": ("datatype", {"AddressLink"}, XSD.date),
    "recommendationIssued": ("datatype", {"AddressLink"}, XSD.date),
}

# class: superclasses (vocabulary "aligned to" column plus the subclass rules)
SUPERCLASSES = {
    "PolicyDocument": {PROV.Entity, DCTERMS.BibliographicResource},
    "Actor": {PROV.Agent},
    "Organisation": {HKG.Actor, ORG.Organization},
    "Person": {HKG.Actor, FOAF.Person},
    "Measure": {PROV.Entity},
    "Programme": {HKG.Measure},
    "MonetaryAmount": {SCHEMA.MonetaryAmount},
    "Quantity": {SCHEMA.QuantitativeValue},
    "Theme": {SKOS.Concept},
}

SUPERPROPERTIES = {
    "proposedBy": {PROV.wasAttributedTo},
    "fundedBy": {PROV.wasAttributedTo},
    "recommendedBy": {PROV.wasAttributedTo},
    "statedBy": {PROV.wasAttributedTo},
    "mentionedIn": {DCTERMS.isReferencedBy},
    "inDocument": {DCTERMS.isPartOf},
    "partOf": {DCTERMS.isPartOf},
    "hasTheme": {DCTERMS.subject},
    "addressesThematically": {HKG.addresses},
    "followsUp": {HKG.addresses},
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_tools.load_ontology()


def _named(graph: Graph, node) -> set[str]:
    """Local names of a named hkg class or of the members of an owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    members = list(Collection(graph, union)) if union is not None else [node]
    return {str(m)[len(str(HKG._NS)):] for m in members}


def test_ontology_parses_with_header(onto: Graph) -> None:
    ontology = URIRef("https://w3id.org/helsekg/ontology")
    assert (ontology, RDF.type, OWL.Ontology) in onto
    assert onto.value(ontology, OWL.versionInfo) == Literal("0.1.0")
    assert (ontology, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in onto
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in onto.objects(ontology, predicate)} >= {"nb", "en"}


@pytest.mark.parametrize("name", CONTRACT + EXTENSIONS)
def test_ontology_term_has_labels_and_comment(onto: Graph, name: str) -> None:
    term = HKG[name]
    assert (term, RDF.type, None) in onto, f"hkg:{name} is missing from ontology/helsekg.ttl"
    labels = {o.language for o in onto.objects(term, RDFS.label)}
    assert {"nb", "en"} <= labels, f"hkg:{name} needs rdfs:label @nb and @en"
    assert any(o.language == "en" for o in onto.objects(term, RDFS.comment)), f"hkg:{name} needs rdfs:comment @en"
    assert (term, RDFS.isDefinedBy, URIRef("https://w3id.org/helsekg/ontology")) in onto


def test_ontology_has_no_unlisted_terms(onto: Graph) -> None:
    """Nothing speculative: every hkg: term is in the contract or a declared extension."""
    defined = {t.name for t in ontology_tools.ontology_terms(onto)}
    assert defined == set(CONTRACT) | set(EXTENSIONS)


@pytest.mark.parametrize("name", EXTENSIONS)
def test_ontology_extensions_are_marked(onto: Graph, name: str) -> None:
    assert onto.value(HKG[name], VS_STATUS) == Literal("testing")
    assert str(onto.value(HKG[name], SKOS.scopeNote)).startswith("helsekg extension")


@pytest.mark.parametrize("name", CONTRACT)
def test_ontology_contract_terms_are_stable(onto: Graph, name: str) -> None:
    assert onto.value(HKG[name], VS_STATUS) == Literal("stable")


@pytest.mark.parametrize("name", CONTRACT_CLASSES + ["Qualifier", "AmountKind", "AddressLink"])
def test_ontology_classes_are_owl_classes(onto: Graph, name: str) -> None:
    assert (HKG[name], RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_ontology_property_signature(onto: Graph, name: str) -> None:
    kind, domain, range_ = SIGNATURES[name]
    expected_type = OWL.ObjectProperty if kind == "object" else OWL.DatatypeProperty
    assert (HKG[name], RDF.type, expected_type) in onto
    domains = list(onto.objects(HKG[name], RDFS.domain))
    assert len(domains) == 1, f"hkg:{name} needs one rdfs:domain (owl:unionOf for several classes)"
    assert _named(onto, domains[0]) == domain
    assert list(onto.objects(HKG[name], RDFS.range)) == [range_]


def test_ontology_every_property_has_a_signature(onto: Graph) -> None:
    properties = {t.name for t in ontology_tools.ontology_terms(onto) if t.kind.endswith("property")}
    assert properties == set(SIGNATURES)


@pytest.mark.parametrize("name", sorted(SUPERCLASSES))
def test_ontology_class_alignment(onto: Graph, name: str) -> None:
    assert set(onto.objects(HKG[name], RDFS.subClassOf)) == SUPERCLASSES[name]


@pytest.mark.parametrize("name", sorted(SUPERPROPERTIES))
def test_ontology_property_alignment(onto: Graph, name: str) -> None:
    assert set(onto.objects(HKG[name], RDFS.subPropertyOf)) == SUPERPROPERTIES[name]


@pytest.mark.parametrize(
    ("cls", "members"),
    [
        ("Qualifier", ["Exact", "Approximately", "UpTo", "AtLeast", "MoreThan", "LessThan"]),
        ("AmountKind", ["Increase", "Reduction", "Total", "Unspecified"]),
    ],
)
def test_ontology_enumerations(onto: Graph, cls: str, members: list[str]) -> None:
    one_of = onto.value(HKG[cls], OWL.oneOf)
    assert list(Collection(onto, one_of)) == [HKG[m] for m in members]
    for member in members:
        assert (HKG[member], RDF.type, HKG[cls]) in onto
        assert (HKG[member], RDF.type, OWL.NamedIndividual) in onto


def test_ontology_references_resolve(onto: Graph) -> None:
    """Every hkg: IRI used anywhere in the ontology is defined in it."""
    defined = {t.iri for t in ontology_tools.ontology_terms(onto)}
    used = {n for triple in onto for n in triple if isinstance(n, URIRef) and str(n).startswith(str(HKG._NS))}
    assert used <= defined


def test_ontology_namespace_in_sync() -> None:
    generated = ontology_tools.render_namespace(ontology_tools.load_ontology())
    on_disk = (ROOT / "helsekg" / "graph" / "namespace.py").read_text(encoding="utf-8")
    assert on_disk == generated, (
        "helsekg/graph/namespace.py is out of date with ontology/helsekg.ttl; regenerate it with\n"
        "    python -m helsekg.graph.ontology namespace > helsekg/graph/namespace.py"
    )


def test_ontology_docs_in_sync() -> None:
    generated = ontology_tools.render_docs(ontology_tools.load_ontology(), ontology_tools.load_shapes())
    on_disk = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert on_disk == generated, (
        "docs/ontology.md is out of date with ontology/helsekg.ttl or shapes/helsekg-shapes.ttl; regenerate it with\n"
        "    python -m helsekg.graph.ontology docs > docs/ontology.md"
    )


@pytest.mark.parametrize("target", ["namespace", "docs"])
def test_ontology_tools_cli_prints_generated_file(capsys: pytest.CaptureFixture[str], target: str) -> None:
    assert ontology_tools.main([target]) == 0
    path = ROOT / ("helsekg/graph/namespace.py" if target == "namespace" else "docs/ontology.md")
    assert capsys.readouterr().out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CONTRACT + EXTENSIONS)
def test_ontology_namespace_has_term(name: str) -> None:
    assert getattr(HKG, name) == URIRef("https://w3id.org/helsekg/ontology#" + name)
    assert name in HKG


@pytest.mark.parametrize("name", ["Nonsense", "measure", "Programe", "hasfunding", "linkscore", "AdressLink"])
def test_ontology_closed_namespace_raises(name: str) -> None:
    with pytest.raises(AttributeError):
        getattr(HKG, name)
    with pytest.raises(AttributeError):
        HKG[name]
    assert name not in HKG


def test_ontology_example_query_runs() -> None:
    """The SPARQL example in docs/ontology.md runs and finds the funded measure."""
    text = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    query = re.search(r"```sparql\n(.*?)```", text, re.S).group(1)
    data = Graph()
    data.parse(
        format="turtle",
        data="""
@base <https://w3id.org/helsekg/id/> .
@prefix hkg: <https://w3id.org/helsekg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<doc/statsbudsjett-2025-1a2b3c4d> a hkg:PolicyDocument ; dcterms:title "Statsbudsjettet 2025"@nb .
<measure/tilskudd-til-rekruttering> a hkg:Measure ; rdfs:label "tilskudd til rekruttering"@nb ;
    hkg:proposedBy <actor/regjeringen> ; hkg:hasFunding <amount/statsbudsjett-2025-1a2b3c4d/10-29> .
<actor/regjeringen> a hkg:Organisation , hkg:Actor ; rdfs:label "Regjeringen"@nb .
<amount/statsbudsjett-2025-1a2b3c4d/10-29> a hkg:MonetaryAmount ; schema:value "53000000"^^xsd:decimal ;
    hkg:qualifier hkg:Exact ; hkg:amountKind hkg:Increase ; hkg:hasMention <mention/statsbudsjett-2025-1a2b3c4d/10-29> .
<mention/statsbudsjett-2025-1a2b3c4d/10-29> a hkg:Mention ; hkg:inDocument <doc/statsbudsjett-2025-1a2b3c4d> ;
    hkg:anchorText "53 millioner kroner" ;
    hkg:startOffset "10"^^xsd:nonNegativeInteger ; hkg:endOffset "29"^^xsd:nonNegativeInteger .
""",
    )
    rows = list(data.query(query))
    assert len(rows) == 1
    assert rows[0].value.toPython() == 53000000
    assert str(rows[0].actorLabel) == "Regjeringen"


@pytest.mark.parametrize("name", ["ontology", "shapes"])
def test_ontology_files_parse_in_oxigraph(name: str) -> None:
    """Oxigraph's strict Turtle parser (the query store) accepts the shipped files too."""
    import pyoxigraph

    from helsekg.resources import shapes_path

    path = ontology_path() if name == "ontology" else shapes_path()
    store = pyoxigraph.Store()
    store.load(path.read_bytes(), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 300


@pytest.mark.parametrize("name", ["linkedMeasure", "linkedRecommendation", "linkScore"])
def test_ontology_link_properties_are_functional(onto: Graph, name: str) -> None:
    """A link qualifies exactly one measure -> recommendation statement and has one score."""
    assert (HKG[name], RDF.type, OWL.FunctionalProperty) in onto
