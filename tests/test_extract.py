"""Extraction from realistic Norwegian text beyond the corpus (Bokmål and Nynorsk)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from helsekg.api import process
from helsekg.text import read_document

BOKMAL = """Statsbudsjettet 2025: Mer til psykisk helse

Publisert: 07.10.2025

Utgiver: Helse- og omsorgsdepartementet

Regjeringen foreslår å bevilge 150 millioner kroner mer til Opptrappingsplanen for psykisk helse, til en samlet bevilgning på 450 millioner kroner i 2025.

– Vi styrker tilbudet til barn og unge, sier helse- og omsorgsminister Jan Christian Vestre.

Tiltakene i budsjettet for 2025 er blant annet:

 • 40 millioner kroner til rekrutteringsprosjektet Unge hjelpere
 • om lag 12 millioner kroner til et nasjonalt kompetansesenter for rusfeltet

- Vi har lyttet til fagfolkene, sier Vestre.
"""

NYNORSK = """Kommunen styrkjer heimetenestene

Publisert: 12.03.2024

Kommunestyret har vedteke å løyve 4,5 millionar kroner til eit nytt prosjekt for velferdsteknologi i 2024. Kommunen vil òg opprette 12 nye stillingar i heimetenesta.

– Dette er eit viktig steg for dei eldre i kommunen vår, seier ordførar Kari Nordmann (Sp).
"""


@pytest.fixture()
def extracted(write_text, blank_nlp):
    def run(name: str, text: str):
        return process(read_document(write_text(name, text)), blank_nlp)

    return run


def test_extract_money_with_kind_and_year(extracted):
    result = extracted("psykisk-helse.txt", BOKMAL)
    money = [(a.text, a.value, a.kind, a.fiscal_year) for a in result.amounts if a.is_money]
    assert money == [
        ("150 millioner kroner", Decimal("150000000"), "Increase", 2025),
        ("450 millioner kroner", Decimal("450000000"), "Total", 2025),
        # items that open with their sum and say what it is for: the whole sum of each (gold/README.md)
        ("40 millioner kroner", Decimal("40000000"), "Total", 2025),
        ("om lag 12 millioner kroner", Decimal("12000000"), "Total", 2025),
    ]


def test_extract_measure_named_in_phrase(extracted):
    result = extracted("psykisk-helse.txt", BOKMAL)
    labels = {m.label for m in result.measures}
    assert "Unge hjelpere" in labels
    assert "Opptrappingsplanen for psykisk helse" in labels


def test_extract_total_funds_same_measure_as_increase(extracted):
    result = extracted("psykisk-helse.txt", BOKMAL)
    plan = [m for m in result.measures if m.key == "opptrappingsplanen-for-psykisk-helse"]
    kinds = sorted(a.kind for m in plan for a in m.funding)
    assert kinds == ["Increase", "Total"]


def test_extract_person_with_role_and_short_quote_resolved(extracted):
    result = extracted("psykisk-helse.txt", BOKMAL)
    roles = {role for a in result.actors if a.key == "jan-christian-vestre" for role in a.roles}
    assert roles == {"helse- og omsorgsminister"}
    speakers = [q.speaker.key for q in result.quotes]
    assert speakers == ["jan-christian-vestre", "jan-christian-vestre"]
    assert result.quotes[0].text == "Vi styrker tilbudet til barn og unge"


def test_extract_nynorsk_amounts_quote_and_role(extracted):
    result = extracted("heimetenester.txt", NYNORSK)
    money = [(a.value, a.fiscal_year) for a in result.amounts if a.is_money]
    assert money == [(Decimal("4500000"), 2024)]
    quantities = [(a.value, a.unit) for a in result.amounts if not a.is_money]
    assert quantities == [(Decimal("12"), "stillingar")]
    (quote,) = result.quotes
    assert quote.speaker.label == "Kari Nordmann"
    assert {role for a in result.actors if a.key == quote.speaker.key for role in a.roles} == {"ordførar"}


def test_extract_skips_metadata_lines(extracted):
    result = extracted("psykisk-helse.txt", BOKMAL)
    text = result.text
    for record in (*result.amounts, *result.actors, *result.measures):
        assert "Publisert" not in text[record.start:record.end]
        assert text[record.start:record.end] == record.text


def test_extract_publisher_actor(extracted):
    result = extracted("psykisk-helse.txt", BOKMAL)
    assert result.document.publisher is not None
    assert result.document.publisher.label == "Helse- og omsorgsdepartementet"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bystyret vedtok budsjett for helse og omsorg 2025\n\nTil sykehjemsplasser bevilges 42,5 millioner kroner.\n",
         [("42,5 millioner kroner", "Total", 2025)]),  # a sum granted is the whole grant
        ("Prop. 1 S (2024–2025) Helse- og omsorgsdepartementet\n\nKap. 761 Omsorgstjeneste\n\n"
         "Bevilgningen foreslås videreført med 45,3 mill. kroner.\n",
         [("45,3 mill. kroner", "Unspecified", 2025)]),
        ("Tilskudd til lindrende behandling\n\nRegjeringen foreslår å bevilge 45 millioner kroner i 2025 "
         "til et nasjonalt løft.\n\n • 30 millioner kroner til regionale team.\n",
         [("45 millioner kroner", "Total", 2025), ("30 millioner kroner", "Total", 2025)]),  # a funding item
        ("Samlet ramme\n\nRammen blir på 9,8 milliarder kroner, en økning på om lag 410 millioner kroner "
         "fra vedtatt budsjett for 2024. Budsjettet for 2025 ble vedtatt i går.\n",
         [("9,8 milliarder kroner", "Total", 2025), ("om lag 410 millioner kroner", "Increase", 2025)]),
        ("Nytt fond for helse\n\nBudsjett 2024\n\nByrådet foreslår 70 millioner kroner til et fond. "
         "Det erstatter fondet på 175 millioner kroner som bystyret opprettet i 2023, og blir nå på til "
         "sammen 245 millioner kroner.\n",
         [("70 millioner kroner", "Increase", 2024), ("175 millioner kroner", "Unspecified", 2023),
          ("245 millioner kroner", "Total", 2024)]),
        ("To fond i kommunen\n\nFondet har 30 millioner kroner og får 20 millioner kroner, til sammen 50 millioner "
         "kroner i 2025.\n",
         [("30 millioner kroner", "Unspecified", 2025), ("20 millioner kroner", "Unspecified", 2025),
          ("50 millioner kroner", "Total", 2025)]),
    ],
    ids=["heading-budget-year", "proposition-session-year", "single-stated-year", "comparison-year-ignored",
         "difference-to-total-is-increase", "difference-roles-unclear"],
)
def test_extract_amount_year_and_kind_from_document_context(blank_nlp, text, expected):
    from helsekg.api import extract_text

    result = extract_text(text, nlp=blank_nlp)
    assert [(a.text, a.kind, a.fiscal_year) for a in result.amounts if a.is_money] == expected


def test_extract_roles_are_stated_per_document(nlp):
    """hkg:role gathers a person's roles over all documents; hkg:statedRole on the mention says which document
    stated which, so a graph of two documents keeps the minister of 2023 apart from the representative of 2019."""
    from helsekg.api import extract_text
    from helsekg.graph.build import build_graph
    from helsekg.graph.namespace import HKG

    graph = build_graph([
        extract_text("Ny plan\n\n– Vi gjør dette nå, sier helse- og omsorgsminister Kari Nordmann.\n",
                     source="a.txt", nlp=nlp),
        extract_text("Spørsmål\n\nStortingsrepresentant Kari Nordmann stilte spørsmålet i 2019.\n",
                     source="b.txt", nlp=nlp),
    ])
    stated = {(str(doc).rsplit("/", 1)[-1][:1], str(role)) for m, role in graph.subject_objects(HKG.statedRole)
              for doc in graph.objects(m, HKG.inDocument)}
    assert {role for _, role in stated} == {"helse- og omsorgsminister", "stortingsrepresentant"}
    assert len({doc for doc, _ in stated}) == 2
    person = next(graph.subjects(HKG.role, None))
    assert {str(r) for r in graph.objects(person, HKG.role)} == {"helse- og omsorgsminister", "stortingsrepresentant"}


def test_extract_stated_role_is_as_written_and_role_is_its_base_form(nlp):
    """hkg:statedRole keeps the form the document writes ("Ordføraren", "stortingsrepresentantene" over a list of
    names); hkg:role, gathered over documents, keeps the indefinite singular, so one office is one role."""
    from helsekg.api import extract_text
    from helsekg.graph.build import build_graph
    from helsekg.graph.namespace import HKG

    graph = build_graph([extract_text(
        "Legevakt i kommunen\n\nOrdføraren Kari Nordmann la fram saka for kommunestyret.\n\n"
        "Representantforslag fra stortingsrepresentantene Ola Hansen og Per Olsen om legevakt.\n",
        source="a.txt", nlp=nlp)])
    stated = {str(graph.value(m, HKG.statedRole)) for m in graph.subjects(HKG.statedRole, None)}
    roles = {str(r) for r in graph.objects(None, HKG.role)}
    assert "ordføraren" in stated and "ordførar" in roles, (stated, roles)
    assert "stortingsrepresentantene" in stated and "stortingsrepresentant" in roles, (stated, roles)
