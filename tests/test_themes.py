"""The theme scheme (ontology/themes.ttl) and Norwegian matching against it (helsekg.extract.themes)."""

from __future__ import annotations

import pyoxigraph
import pyshacl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from helsekg.extract.themes import (
    SCHEME_IRI,
    THEME_BASE,
    ThemeScheme,
    concepts_in,
    measure_themes,
    split_compound,
    stem,
    term_stems,
    terms,
)
from helsekg.graph.namespace import HKG
from helsekg.resources import ontology_dir, shapes_path

THEMES = ontology_dir() / "themes.ttl"
REQUIRED = [
    "rekruttering", "utdanningskapasitet", "etter-og-videreutdanning", "kompetanse", "heltidskultur",
    "oppgavedeling", "samhandling", "innovasjon", "forskning", "digitalisering", "velferdsteknologi",
    "helsedata", "forebygging", "folkehelse", "prioritering", "likeverd", "frivillighet", "baerekraft",
    "ledelse", "finansiering", "psykisk-helse", "rus", "eldreomsorg", "pasientforlop", "legemidler",
    "beredskap", "tannhelse", "allmennlegetjenesten",
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(THEMES, format="turtle")


@pytest.fixture(scope="module")
def scheme() -> ThemeScheme:
    return ThemeScheme.load()


def _concepts(graph: Graph) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, SKOS.Concept))


def test_themes_scheme_parses_in_rdflib_and_oxigraph(graph: Graph) -> None:
    store = pyoxigraph.Store()
    store.load(THEMES.read_bytes(), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 500
    assert (SCHEME_IRI, RDF.type, SKOS.ConceptScheme) in graph
    assert 30 <= len(_concepts(graph)) <= 60


@pytest.mark.parametrize("key", REQUIRED)
def test_themes_scheme_has_concept(graph: Graph, key: str) -> None:
    assert (URIRef(THEME_BASE + key), RDF.type, SKOS.Concept) in graph


def test_themes_every_concept_is_complete(graph: Graph) -> None:
    for concept in _concepts(graph):
        assert str(concept).startswith(THEME_BASE)
        assert (concept, RDF.type, HKG.Theme) in graph
        assert (concept, SKOS.inScheme, SCHEME_IRI) in graph
        prefs = [o.language for o in graph.objects(concept, SKOS.prefLabel)]
        assert sorted(prefs) == ["nb", "nn"], concept
        assert any(o.language == "en" for o in graph.objects(concept, SKOS.altLabel)), concept
        assert any(o.language in ("nb", "nn") for o in graph.objects(concept, SKOS.altLabel)) or \
            (concept, SKOS.topConceptOf, SCHEME_IRI) in graph, concept
        assert graph.value(concept, SKOS.definition) is not None, concept


def test_themes_pref_and_alt_labels_disjoint(graph: Graph) -> None:
    """SKOS S13: a concept's preferred and alternative labels are disjoint (per language)."""
    for concept in _concepts(graph):
        prefs = set(graph.objects(concept, SKOS.prefLabel))
        assert not prefs & set(graph.objects(concept, SKOS.altLabel)), concept


def test_themes_pref_labels_unique_across_concepts(graph: Graph) -> None:
    seen: dict = {}
    for concept in _concepts(graph):
        for label in graph.objects(concept, SKOS.prefLabel):
            assert label not in seen, f"{label!r} is the prefLabel of {seen.get(label)} and {concept}"
            seen[label] = concept


def test_themes_broader_narrower_consistent(graph: Graph) -> None:
    concepts = set(_concepts(graph))
    for a, b in graph.subject_objects(SKOS.broader):
        assert b in concepts and (b, SKOS.narrower, a) in graph
    for a, b in graph.subject_objects(SKOS.narrower):
        assert (b, SKOS.broader, a) in graph
    for a, b in graph.subject_objects(SKOS.related):
        assert (b, SKOS.related, a) in graph
        assert (a, SKOS.broader, b) not in graph  # SKOS S27: related is disjoint from broader


def test_themes_top_concepts(graph: Graph) -> None:
    tops = set(graph.objects(SCHEME_IRI, SKOS.hasTopConcept))
    assert tops == set(graph.subjects(SKOS.topConceptOf, SCHEME_IRI))
    for concept in _concepts(graph):
        has_broader = graph.value(concept, SKOS.broader) is not None
        assert has_broader != (concept in tops), concept
    # no cycles: every concept reaches a top concept
    for concept in _concepts(graph):
        seen, node = set(), concept
        while node not in tops:
            assert node not in seen, f"broader cycle at {concept}"
            seen.add(node)
            node = graph.value(node, SKOS.broader)


@pytest.mark.parametrize(("narrow", "broad"), [
    ("velferdsteknologi", "digitalisering"), ("etter-og-videreutdanning", "kompetanse"),
    ("heltidskultur", "arbeidsforhold"), ("utdanningskapasitet", "utdanning"), ("forebygging", "folkehelse"),
])
def test_themes_hierarchy(graph: Graph, narrow: str, broad: str) -> None:
    assert (URIRef(THEME_BASE + narrow), SKOS.broader, URIRef(THEME_BASE + broad)) in graph


def test_themes_scheme_conforms_to_shapes(graph: Graph) -> None:
    """Merged into an extracted graph, the scheme's hkg:Theme nodes satisfy the Theme shape."""
    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    assert conforms, text


@pytest.mark.parametrize(("word", "expected"), [
    ("tjenestene", "tjenest"), ("tjenesten", "tjenest"), ("tenesta", "tenest"), ("tenestene", "tenest"),
    ("rekrutteringen", "rekruttering"), ("rekrutteringar", "rekruttering"), ("utdanningane", "utdanning"),
    ("ulikheter", "ulikhet"), ("frivilligheita", "frivillighet"), ("innovasjonen", "innovasjon"),
    ("prosjektet", "prosjekt"), ("prosjekter", "prosjekt"), ("prosjekta", "prosjekt"),
    ("rus", "rus"), ("KI", "ki"),
])
def test_themes_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(("word", "parts"), [
    ("rekrutteringsprosjektet", ("rekruttering", "prosjekt")),
    ("velferdsteknologi", ("velferd", "teknologi")),
    ("helsepersonellkommisjonen", ("helsepersonell", "kommisjon")),
    ("innovasjonsprosjekter", ("innovasjon", "prosjekt")),
    ("kompetansefond", ("kompetanse", "fond")),
    ("samhandlingstilskudd", ("samhandling", "tilskudd")),
    ("forskningsløft", ("forskning", "løft")),
    ("helsefrivilligheten", ("helse", "frivillighet")),
    ("omsorgstenesta", ("omsorg", "teneste")),
    ("helse", ()),
    ("Bergen", ()),
])
def test_themes_split_compound(word: str, parts: tuple[str, ...]) -> None:
    assert split_compound(word) == parts


@pytest.mark.parametrize(("text", "expected"), [
    # Bokmål
    ("Vi må sikre attraktivitet gjennom målrettet rekruttering", {"rekruttering"}),
    ("20 millioner kroner til rekrutteringsprosjektet Menn i helse", {"rekruttering"}),
    ("Vi trenger økt kunnskap om hvordan en fremmer en heltidskultur", {"heltidskultur"}),
    ("Vi må redusere digital ulikhet", {"digital-inkludering"}),
    ("økt kapasitet i helseutdanningene og praksisstudier", {"utdanningskapasitet", "utdanning"}),
    ("satsing på velferdsteknologiløsninger i hjemmetjenesten", {"velferdsteknologi", "eldreomsorg"}),
    ("Vi må utnytte helsedata bedre", {"helsedata"}),
    ("en handlingsplan for reduksjon av helseulikheter", {"likeverd"}),
    ("etter- og videreutdanning av eksisterende personell", {"etter-og-videreutdanning", "personell-og-kompetanse"}),
    ("psykisk helsevern for barn og unge", {"psykisk-helse"}),
    ("Regjeringen legger fram statsbudsjettet", set()),
    # Nynorsk
    ("Rådet tilrår at kommunane styrkjer heiltidskulturen i omsorgstenesta", {"heltidskultur"}),
    ("Vi treng meir forsking og innovasjon i helsetenesta", {"forskning", "innovasjon"}),
    ("betre førebygging og folkehelsearbeid", {"forebygging", "folkehelse"}),
    ("samarbeid mellom kommunar og helseføretak om pasientforløp", {"samhandling", "pasientforlop"}),
    ("fleire studieplassar og praksisplassar i distrikta", {"utdanningskapasitet", "tilgjengelighet"}),
    ("oppgåvedeling mellom yrkesgruppene", {"oppgavedeling"}),
    # "-het"/"-itet" nouns inflected: the indefinite form is no definite "-et" (issue 16)
    ("for å betre kvaliteten i tilboda", {"kvalitet"}),
    ("Tilgjengeligheten til fastlegen må bli bedre", {"tilgjengelighet", "allmennlegetjenesten"}),
    # Nynorsk labels next to the Bokmål ones (session 13): "helhetlige tjenester" / "heilskaplege tenester"
    ("Vi treng heilskaplege tenester", {"samhandling"}),
    ("Kommunen skal behalde tilsette og få fleire stillingar", {"rekruttering"}),
    # agent nouns inflected like their labels: "helsesykepleier" / "Helsesykepleieren"
    ("Helsesykepleieren på skolen", {"helsestasjon-og-skolehelsetjenesten"}),
    # themes added for the recommendations of Eldreombodet and Rådet for et aldersvennlig Norge (issue 16)
    ("møteplassar og aktivitetar mot einsemd", {"ensomhet"}),
    ("systematisk arbeid mot vald og overgrep mot eldre", {"vold-og-overgrep", "eldreomsorg"}),
    ("dagaktivitetstilbud til hjemmeboende personer med demens", {"demens"}),
    ("tilskudd til omsorgsboliger", {"bolig"}),
])
def test_themes_concepts_in(text: str, expected: set[str]) -> None:
    assert {m.key for m in concepts_in(text)} == expected


def test_themes_whole_match_beats_part_match() -> None:
    (match,) = concepts_in("velferdsteknologi")
    assert (match.key, match.weight) == ("velferdsteknologi", 1.0)
    (part,) = concepts_in("rekrutteringsprosjektet")
    assert (part.key, part.weight, part.terms) == ("rekruttering", 0.5, ("rekrutteringsprosjektet",))


def test_themes_lemmas_replace_words() -> None:
    assert [m.key for m in concepts_in("ignored", lemmas=["rekruttering", "av", "sykepleier"])] == ["rekruttering"]


def test_themes_measure_themes_label_first() -> None:
    themes = measure_themes("Alis-avtaler for fastleger", "i kommuner med rekrutteringsutfordringer")
    assert [t.key for t in themes] == ["allmennlegetjenesten", "spesialistutdanning", "rekruttering"]
    assert themes[0].label == "allmennlegetjenesten"


def test_themes_terms_drop_stopwords_and_split() -> None:
    assert terms("Vi trenger en forsterket satsing på velferdsteknologi") == ["velferdsteknologi", "velferd", "teknologi"]


def test_themes_theme_labels_are_bokmal_preflabels(scheme: ThemeScheme, graph: Graph) -> None:
    for key, concept in scheme.concepts.items():
        assert (URIRef(THEME_BASE + key), SKOS.prefLabel, None) in graph
        assert concept.label == str(next(o for o in graph.objects(URIRef(THEME_BASE + key), SKOS.prefLabel) if o.language == "nb"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_themes_matching_never_crashes(text: str) -> None:
    for match in concepts_in(text):
        assert match.weight > 0
    terms(text)
    split_compound(text)


@pytest.mark.parametrize(("nynorsk", "bokmal"), [
    ("skulehelsetenesta", "skolehelsetjenesten"),
    ("Eldreombodet", "Eldreombudet"),
    ("omsorgsbustader", "omsorgsboliger"),
    ("førebyggingsarbeidet", "forebyggingsarbeidet"),
    ("sjukeheimsplassar", "sykehjemsplasser"),
    ("behalde tilboda", "beholde tilbudene"),
])
def test_themes_nynorsk_terms_meet_their_bokmal_twins(nynorsk: str, bokmal: str) -> None:
    assert {s for s, _ in term_stems(nynorsk)} == {s for s, _ in term_stems(bokmal)}


def test_themes_twin_terms_keep_the_written_form() -> None:
    assert terms("skulehelsetenesta")[0] == "skulehelsetenesta"
