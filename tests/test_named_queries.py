"""The named SPARQL queries shipped in helsekg/query/queries: each on a small graph with known answers and on the corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from helsekg.cli import main
from helsekg.graph.build import new_graph
from helsekg.query.sparql import named_queries, named_query, paged, query

SHIPPED = {
    "actors-by-documents": ("actor", "kind", "documents"),
    "amounts": ("document", "amount", "value", "qualifier", "kind", "year", "measure"),
    "documents": ("title", "publisher", "issued", "language", "kind", "source"),
    "funding-by-actor": ("actor", "kind", "year", "total", "amounts"),
    "funding-by-year": ("year", "kind", "total", "amounts"),
    "measures-addressing-recommendations": ("measure", "recommendation", "council", "score", "themes", "terms"),
    "measures-by-programme": ("programme", "measure", "funding", "increases", "amounts", "years"),
    "measures-with-funding": ("measure", "proposer", "value", "qualifier", "kind", "year", "document"),
    "recommendations-without-measures": ("candidateGap", "council", "themes", "document"),
    "who-said-what": ("speaker", "roles", "quote", "document"),
}

# A council's three recommendations, a programme with two measures, and the links a linker would add.
LINKED = """
@prefix hkg: <https://w3id.org/helsekg/ontology#> .
@base <https://w3id.org/helsekg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<actor/rad> a hkg:Actor, hkg:Organisation ; rdfs:label "HelseOmsorg21-rådet"@nb .
<actor/hod> a hkg:Actor, hkg:Organisation ; rdfs:label "Helse- og omsorgsdepartementet"@nb .
<theme/rekruttering> a hkg:Theme ; skos:prefLabel "rekruttering"@nb, "recruitment"@en .
<theme/kompetanse> a hkg:Theme ; skos:prefLabel "kompetanse"@nb, "competence"@en .

<recommendation/d/10-40> a hkg:Recommendation ; rdfs:label "Styrk rekrutteringen til kommunene"@nb ;
    hkg:recommendedBy <actor/rad> ; hkg:hasTheme <theme/rekruttering> .
<recommendation/d/50-80> a hkg:Recommendation ; rdfs:label "Bygg kompetanse i tjenestene"@nb ;
    hkg:recommendedBy <actor/rad> ; hkg:hasTheme <theme/kompetanse> .
<recommendation/d/90-99> a hkg:Recommendation ; rdfs:label "Ta i bruk digitale verktøy"@nb ;
    hkg:recommendedBy <actor/rad> ; hkg:hasTheme <theme/kompetanse> .

<measure/kompetanseloft-2025> a hkg:Measure, hkg:Programme ; rdfs:label "Kompetanseløft 2025"@nb ;
    hkg:proposedBy <actor/hod> .
<measure/tilskudd> a hkg:Measure ; rdfs:label "rekrutteringstilskudd"@nb ; hkg:proposedBy <actor/hod> ;
    hkg:partOf <measure/kompetanseloft-2025> ;
    hkg:hasFunding <amount/d/1-2>, <amount/d/3-4> ;
    hkg:addresses <recommendation/d/10-40>, <recommendation/d/50-80> .
<measure/alis> a hkg:Measure ; rdfs:label "Alis-avtaler"@nb ; hkg:partOf <measure/kompetanseloft-2025> ;
    hkg:addresses <recommendation/d/10-40> .

<amount/d/1-2> a hkg:MonetaryAmount ; schema:value 30000000.0 ; hkg:amountKind hkg:Increase ;
    hkg:fiscalYear "2021"^^xsd:gYear .
<amount/d/3-4> a hkg:MonetaryAmount ; schema:value 102000000.0 ; hkg:amountKind hkg:Total ;
    hkg:fiscalYear "2021"^^xsd:gYear .

<link/1> a hkg:AddressLink ; hkg:linkedMeasure <measure/tilskudd> ;
    hkg:linkedRecommendation <recommendation/d/10-40> ; hkg:linkScore 0.8 ;
    hkg:sharedTheme <theme/rekruttering> ; hkg:evidenceTerm "rekruttering", "kommune" .
<link/2> a hkg:AddressLink ; hkg:linkedMeasure <measure/tilskudd> ;
    hkg:linkedRecommendation <recommendation/d/50-80> ; hkg:linkScore 0.35 ;
    hkg:sharedTheme <theme/kompetanse> ; hkg:evidenceTerm "kompetanse" .
<link/3> a hkg:AddressLink ; hkg:linkedMeasure <measure/alis> ;
    hkg:linkedRecommendation <recommendation/d/10-40> ; hkg:linkScore 0.5 ; hkg:evidenceTerm "fastlege" .
"""


@pytest.fixture(scope="module")
def linked_graph():
    return new_graph().parse(data=LINKED, format="turtle")


def run(graph, name: str) -> list[dict[str, str | None]]:
    return query(graph, named_query(name)).records()


def split(value: str | None) -> set[str]:
    return set(value.split("; ")) if value else set()


def test_named_queries_shipped_with_descriptions_and_order():
    assert set(named_queries()) >= set(SHIPPED)
    for name, path in named_queries().items():
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, f"{name}: first line must be a '# description'"
        assert "ORDER BY" in text, f"{name}: results must have a deterministic order"


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_named_queries_run_with_their_columns(corpus_graph, name):
    result = query(corpus_graph, named_query(name))
    assert result.columns == SHIPPED[name]
    assert result.rows == query(corpus_graph, named_query(name)).rows  # deterministic


def test_named_queries_list_shows_every_query(tmp_path):
    graph = tmp_path / "empty.ttl"
    graph.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(graph), "--list"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0]: line for line in result.output.splitlines()}
    assert set(listed) == set(named_queries())
    assert "recommendation" in listed["measures-addressing-recommendations"]


# --- measures-addressing-recommendations, the flagship ----------------------------------------------------

def test_named_queries_flagship_on_links(linked_graph):
    rows = run(linked_graph, "measures-addressing-recommendations")
    assert [(r["measure"], r["recommendation"], r["council"], Decimal(r["score"])) for r in rows] == [
        ("rekrutteringstilskudd", "Styrk rekrutteringen til kommunene", "HelseOmsorg21-rådet", Decimal("0.8")),
        ("Alis-avtaler", "Styrk rekrutteringen til kommunene", "HelseOmsorg21-rådet", Decimal("0.5")),
        ("rekrutteringstilskudd", "Bygg kompetanse i tjenestene", "HelseOmsorg21-rådet", Decimal("0.35")),
    ]
    assert [split(r["themes"]) for r in rows] == [{"rekruttering"}, set(), {"kompetanse"}]
    assert [split(r["terms"]) for r in rows] == [{"rekruttering", "kommune"}, {"fastlege"}, {"kompetanse"}]


def test_named_queries_flagship_without_link_node():
    graph = new_graph().parse(data=LINKED, format="turtle")
    graph.update("DELETE WHERE { ?link a hkg:AddressLink ; ?p ?o }",
                 initNs={"hkg": "https://w3id.org/helsekg/ontology#"})
    rows = run(graph, "measures-addressing-recommendations")
    assert len(rows) == 3 and all(r["score"] is None and r["council"] == "HelseOmsorg21-rådet" for r in rows)


def test_named_queries_flagship_on_corpus(corpus_graph):
    if not query(corpus_graph, "ASK { ?m hkg:addresses ?r }").boolean:
        pytest.skip("the corpus graph has no hkg:addresses links yet (measure -> recommendation linking, "
                    "issue 7 items 1-3); the query is tested on a small linked graph above")
    pairs = query(corpus_graph, "SELECT DISTINCT ?m ?r WHERE { ?m hkg:addresses ?r }").rows
    rows = run(corpus_graph, "measures-addressing-recommendations")
    assert len(rows) == len(pairs)
    assert all(r["measure"] and r["recommendation"] for r in rows)
    scores = [Decimal(r["score"]) for r in rows if r["score"] is not None]
    assert scores == sorted(scores, reverse=True)
    assert any(r["council"] for r in rows), "no linked recommendation names its council"


# --- recommendations-without-measures -------------------------------------------------------------------

def test_named_queries_recommendations_without_measures(linked_graph):
    rows = run(linked_graph, "recommendations-without-measures")
    assert [(r["candidateGap"], r["council"], r["themes"]) for r in rows] == [
        ("Ta i bruk digitale verktøy", "HelseOmsorg21-rådet", "kompetanse"),
    ]


def test_named_queries_every_corpus_link_names_its_evidence(corpus_graph):
    """Issue 16: every row of the flagship table names what the link rests on: shared themes or words, or a pair of
    themes one step apart (hkg:nearTheme, "pasientforløp ~ samhandling") when the two share none."""
    if not query(corpus_graph, "ASK { ?m hkg:addresses ?r }").boolean:
        pytest.skip("the corpus graph has no links")
    for name in ("measures-addressing-recommendations", "measures-addressing-recommendations-top"):
        rows = run(corpus_graph, name)
        unexplained = [r for r in rows if not (r["themes"] or r["terms"])]
        assert rows and not unexplained, unexplained
    near = [r for r in run(corpus_graph, "measures-addressing-recommendations") if "~" in (r["themes"] or "")]
    assert any(r["themes"] == "pasientforløp ~ samhandling" for r in near), near


def test_named_queries_recommendations_without_measures_on_corpus(corpus_graph):
    total = int(query(corpus_graph, "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a hkg:Recommendation }").rows[0][0])
    if not total:
        pytest.skip("the corpus graph has no recommendations yet (issue 7 item 1)")
    addressed = int(query(corpus_graph, "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?m hkg:addresses ?r }").rows[0][0])
    rows = run(corpus_graph, "recommendations-without-measures")
    assert len(rows) == total - addressed
    assert all(r["candidateGap"] for r in rows)


# --- measures-by-programme ------------------------------------------------------------------------------

def test_named_queries_measures_by_programme(linked_graph):
    rows = run(linked_graph, "measures-by-programme")
    assert [(r["programme"], r["measure"], Decimal(r["funding"]), Decimal(r["increases"]), r["amounts"], r["years"] or "")
            for r in rows] == [
        ("Kompetanseløft 2025", "rekrutteringstilskudd", Decimal(102000000), Decimal(30000000), "2", "2021"),
        ("Kompetanseløft 2025", "Alis-avtaler", Decimal(0), Decimal(0), "0", ""),
    ]


def test_named_queries_measures_by_programme_on_corpus(corpus_graph):
    members = query(corpus_graph, "SELECT DISTINCT ?m ?p WHERE { ?m hkg:partOf ?p }").rows
    if not members:
        pytest.skip("the corpus graph has no hkg:partOf (measures inside programmes) yet")
    rows = run(corpus_graph, "measures-by-programme")
    assert len(rows) == len(members)
    assert all(r["programme"] and r["measure"] for r in rows)


# --- funding, actors, documents and quotes on the corpus -------------------------------------------------

def test_named_queries_funding_by_year(corpus_graph):
    totals = {(r["year"], r["kind"]): (Decimal(r["total"]), int(r["amounts"]))
              for r in run(corpus_graph, "funding-by-year")}
    # 102 + 26 + 22 + 20 million, the programme's 2.2 billion and six listed items' whole sums (20 + 5 + 695 + 520 + 390
    # + 305 million, parts of the 2.2 billion: totals of a programme and of its measures overlap)
    assert totals[("2021", "hkg:Total")] == (Decimal(4305000000), 11)
    assert totals[("2021", "hkg:Increase")] == (Decimal(70000000), 4)
    assert totals[("2024", "hkg:Total")] == (Decimal(525000000), 2)  # the fund's 245 and the 280 million granted


def test_named_queries_funding_by_actor(corpus_graph):
    rows = run(corpus_graph, "funding-by-actor")
    totals = {(r["actor"], r["kind"], r["year"]): Decimal(r["total"]) for r in rows}
    assert totals[("Regjeringen Solberg", "hkg:Total", "2021")] == Decimal(4305000000)  # as in funding-by-year
    assert [(r["actor"], r["year"] or "") for r in rows] == sorted((r["actor"], r["year"] or "") for r in rows)


def test_named_queries_funding_credits_the_amounts_own_document(nlp, write_text):
    """Two documents fund one measure and name different actors: each amount is credited to the actor of its own
    document (hkg:fundedBy), not to every proposer the merged measure node has gathered."""
    from helsekg.api import extract_paths

    first = write_text("a.txt", "Menn i helse\n\nRegjeringen foreslår 30 millioner kroner til Menn i helse i 2024. "
                       "Prosjektet skal rekruttere flere menn til helse- og omsorgstjenestene.\n")
    second = write_text("b.txt", "KS og Menn i helse\n\nKS bevilger 5 millioner kroner til Menn i helse i 2025. "
                        "KS vil at flere kommuner skal delta i prosjektet.\n")
    graph = extract_paths([first, second], nlp=nlp).graph
    proposers = query(graph, "SELECT ?p WHERE { ?m hkg:proposedBy ?p }").rows
    assert len(proposers) == 2  # one measure node, both documents' actors
    rows = run(graph, "funding-by-actor")
    assert [(r["actor"], Decimal(r["total"]), r["year"], r["amounts"]) for r in rows] == [
        ("KS", Decimal(5000000), "2025", "1"), ("Regjeringen", Decimal(30000000), "2024", "1")]
    # the funding rows name the same actor per amount, in the full and the paged query
    for name in ("measures-with-funding", "measures-with-funding-top"):
        funded = sorted((r["proposer"], Decimal(r["value"])) for r in run(graph, name))
        assert funded == [("KS", Decimal(5000000)), ("Regjeringen", Decimal(30000000))], name


def test_named_queries_measures_with_funding(corpus_graph):
    rows = run(corpus_graph, "measures-with-funding")
    alis = [(r["proposer"], Decimal(r["value"]), r["kind"], r["year"])
            for r in rows if r["measure"] == "Alis-avtaler for fastleger"]
    assert alis == [("Regjeringen Solberg", Decimal(30000000), "hkg:Increase", "2021"),
                    ("Regjeringen Solberg", Decimal(102000000), "hkg:Total", "2021")]
    funded = query(corpus_graph, "SELECT (COUNT(*) AS ?n) WHERE { ?m a hkg:Measure ; hkg:hasFunding ?a }").rows
    assert len(rows) == int(funded[0][0])


def test_named_queries_who_said_what(corpus_graph):
    rows = run(corpus_graph, "who-said-what")
    hoie = [r for r in rows if r["speaker"] == "Bent Høie"]
    assert len(hoie) >= 2
    assert all(r["roles"] == "helse- og omsorgsminister" and r["quote"] and r["document"] for r in hoie)
    assert [r["speaker"] for r in rows] == sorted(r["speaker"] for r in rows)


def test_named_queries_actors_by_documents(corpus_graph):
    rows = run(corpus_graph, "actors-by-documents")
    by_actor = {r["actor"]: (r["kind"], int(r["documents"])) for r in rows}
    assert by_actor["Bent Høie"] == ("hkg:Person", 2)
    assert by_actor["Helse- og omsorgsdepartementet"][0] == "hkg:Organisation"
    counts = [int(r["documents"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_named_queries_documents(corpus_graph):
    rows = run(corpus_graph, "documents")
    assert len(rows) == 5
    titles = {r["title"] for r in rows}
    assert "Regjeringen lanserer nytt kompetanseløft" in titles
    assert all(r["language"] in {"nb", "nn"} and r["source"].endswith(".txt") for r in rows)
    fund = next(r for r in rows if r["title"].startswith("Innovasjons- og kompetansefond"))
    assert (fund["publisher"], fund["issued"]) == ("Byrådsavdeling for helse", "2024-05-23")


def test_named_queries_cli_runs_flagship_by_name(tmp_path, corpus_graph):
    from helsekg.graph.io import write_graph

    path = write_graph(corpus_graph, tmp_path / "corpus.ttl")
    result = CliRunner().invoke(main, ["query", str(path), "--name", "measures-addressing-recommendations"])
    assert result.exit_code == 0, result.output
    assert result.output.split()[:6] == list(SHIPPED["measures-addressing-recommendations"])


# --- one row per fact (issue 15) ------------------------------------------------------------------------

def test_named_queries_amounts_sum_to_the_distinct_amounts(corpus_graph):
    """Summing the value column gives the total of the distinct hkg:MonetaryAmount nodes, once each."""
    rows = run(corpus_graph, "amounts")
    distinct = query(corpus_graph, """SELECT (COUNT(?a) AS ?n) (SUM(?v) AS ?total)
        WHERE { { SELECT DISTINCT ?a ?v WHERE { ?a a hkg:MonetaryAmount ; schema:value ?v } } }""").records()[0]
    assert len(rows) == int(distinct["n"])
    assert sum(Decimal(r["value"]) for r in rows) == Decimal(distinct["total"])


def test_named_queries_amounts_one_row_with_several_labels_and_measures():
    graph = new_graph().parse(data=LINKED, format="turtle")
    graph.parse(format="turtle", data="""
        @prefix hkg: <https://w3id.org/helsekg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @base <https://w3id.org/helsekg/id/> .
        <measure/tilskudd> rdfs:label "Rekrutteringstilskudd"@nb, "rekrutteringstilskot"@nn .
        <measure/alis> hkg:hasFunding <amount/d/1-2> .
        <amount/d/1-2> rdfs:label "30 millioner kroner mer"@nb, "30 mill. kroner mer"@nb ;
            hkg:qualifier hkg:Exact ; hkg:mentionedIn <doc/d> ; hkg:hasMention <mention/d/1-2> .
        <mention/d/1-2> hkg:startOffset 1 .""")
    from helsekg.graph.labels import canonical_labels

    for labelled in (graph, canonical_labels(graph)):  # rdfs:label only, then skos:prefLabel
        rows = [r for r in run(labelled, "amounts") if r["amount"]]
        assert len(rows) == 1 and split(rows[0]["measure"]) == {"Alis-avtaler", "Rekrutteringstilskudd"}


# the distinct facts each named query promises one row for
FACTS = {
    "actors-by-documents": "SELECT DISTINCT ?x WHERE { ?x a hkg:Actor ; rdfs:label ?l }",
    "amounts": "SELECT DISTINCT ?a WHERE { ?a a hkg:MonetaryAmount ; rdfs:label ?l ; hkg:mentionedIn ?d }",
    "documents": "SELECT DISTINCT ?d WHERE { ?d a hkg:PolicyDocument ; dcterms:title ?t }",
    "measures-addressing-recommendations": "SELECT DISTINCT ?m ?r WHERE { ?m hkg:addresses ?r }",
    "measures-by-programme": "SELECT DISTINCT ?m ?p WHERE { ?m hkg:partOf ?p }",
    "measures-with-funding": "SELECT DISTINCT ?m ?a WHERE { ?m a hkg:Measure ; hkg:hasFunding ?a }",
    "who-said-what": "SELECT DISTINCT ?q ?p WHERE { ?q a hkg:Quote ; hkg:statedBy ?p }",
}
# the columns that identify a row, where a name is enough
KEYS = {
    "actors-by-documents": ("actor", "kind"),
    "documents": ("source",),
    "funding-by-actor": ("actor", "kind", "year"),
    "funding-by-year": ("year", "kind"),
    "measures-addressing-recommendations": ("measure", "recommendation"),
    "measures-by-programme": ("programme", "measure"),
    "who-said-what": ("speaker", "quote", "document"),
}


@pytest.mark.parametrize("name", sorted(set(FACTS) | set(KEYS)))
def test_named_queries_one_row_per_fact(corpus_graph, name):
    rows = run(corpus_graph, name)
    if name in FACTS:
        assert len(rows) == len(query(corpus_graph, FACTS[name]).rows)
    if name in KEYS:
        keys = [tuple(r[c] for c in KEYS[name]) for r in rows]
        assert len(keys) == len(set(keys)), f"{name}: duplicate {KEYS[name]}"


TOP = {  # issue 18: the paged companions of the queries that return every row, and the column they rank by
    "amounts-top": ("amounts", "value"),
    "measures-with-funding-top": ("measures-with-funding", "value"),
    "measures-addressing-recommendations-top": ("measures-addressing-recommendations", "score"),
}


@pytest.mark.parametrize("name", sorted(TOP))
def test_named_queries_top_variants_rank_the_full_rows(corpus_graph, name):
    full_name, column = TOP[name]
    full, top = query(corpus_graph, named_query(full_name)), query(corpus_graph, named_query(name))
    assert top.columns == full.columns and top.rows
    rank = full.columns.index(column)
    values = [Decimal(row[rank]) for row in top.rows]
    assert values == sorted(values, reverse=True)
    assert values == sorted((Decimal(row[rank]) for row in full.rows), reverse=True)[:100]


def test_named_queries_top_pages_with_limit_and_offset(tmp_path, corpus_graph):
    from helsekg.graph.io import write_graph

    path = write_graph(corpus_graph, tmp_path / "g.nt")
    runner = CliRunner()
    whole = runner.invoke(main, ["query", str(path), "--name", "amounts-top", "-f", "csv"])
    page = runner.invoke(main, ["query", str(path), "--name", "amounts-top", "-f", "csv", "--limit", "2", "--offset", "3"])
    assert whole.exit_code == 0 and page.exit_code == 0, page.output
    lines = whole.output.splitlines()
    assert page.output.splitlines() == [lines[0], *lines[4:6]]


def test_named_queries_top_pages_are_exact_with_ties_at_the_window_edge():
    """The *-top queries pick a value floor first (issue 18); amounts tied at the floor still come in IRI order,
    page by page, exactly as sorting every amount by value and IRI would give."""
    from rdflib import Graph

    values = [5_000_000] * 3 + [2_000_000] * 9 + [1_000_000] * 4 + [750_000]  # ties across page edges
    lines = ["@prefix hkg: <https://w3id.org/helsekg/ontology#> . @prefix schema: <https://schema.org/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix id: <https://w3id.org/helsekg/id/> ."]
    for i, value in enumerate(values):
        key = f"a{(i * 7) % len(values):02d}"  # IRI order differs from insertion order
        lines.append(f'id:amount\\/{key} a hkg:MonetaryAmount ; schema:value {value} ; rdfs:label "{key}" ; '
                     f'hkg:qualifier hkg:Exact ; hkg:amountKind hkg:Total ; hkg:mentionedIn id:document\\/d .')
    graph = Graph().parse(data="\n".join(lines), format="turtle")
    expected = [label for _, label in sorted(((-v, f"a{(i * 7) % len(values):02d}") for i, v in enumerate(values)))]
    top = query(graph, named_query("amounts-top"))
    assert [row[top.columns.index("amount")] for row in top.rows] == expected
    for limit, offset in ((4, 0), (4, 4), (5, 10), (3, 14)):
        page = query(graph, paged(named_query("amounts-top"), limit=limit, offset=offset))
        assert [row[page.columns.index("amount")] for row in page.rows] == expected[offset:offset + limit]
