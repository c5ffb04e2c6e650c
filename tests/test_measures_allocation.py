"""Allocation lists (issue 13): a decision followed by one line per project, "<name> [i <place>] - <amount>".

Grant rounds of counties, municipalities and county governors are published this way. Each item names a project
and its money: the item's measure gets the item's amount (not the page's scheme), a quoted name is the label as
written, and a label stops at a spaced dash and never ends inside a number. Passages written for these tests,
Bokmål and Nynorsk; none is copied from a gold text.
"""

from __future__ import annotations

import pytest

from helsekg.extract.measures.bullets import quoted_title
from helsekg.extract.measures.cues import compiled, default_cues
from helsekg.extract.measures.phrases import trim_phrase
from test_measures_real import measures

NYNORSK = """Tilskot til førebyggjande tiltak for eldre

Hovudutval for helse og omsorg vedtok 3. mars å dele ut 400 000 kroner til førebyggjande tiltak i kommunane. Desse prosjekta fekk tilskot:

  • «Aktiv kvardag» i Volda kommune - 50 000 kroner
  • Kartlegging av einsemd blant eldre i Ørsta kommune - 120 000 kroner
  • «Ung og trygg» i Ulstein kommune – 80 000 kroner
  • Kurs for frivillige i Herøy kommune - 30 000 kroner
"""

BOKMAL = """Midler til folkehelsetiltak fordelt

Styringsgruppen for folkehelse besluttet i møte 14. mai å fordele midlene slik:

  • «Sammen om maten» i Tynset kommune - 60 000 kroner
  • «Trygg på nett» i Alvdal kommune - 45 000 kroner
  • Turstier for alle i Os kommune - 90 000 kroner
"""


ITEMS = {  # the items' measures and their own money
    "nn": (NYNORSK, {"Aktiv kvardag": {50_000}, "Ung og trygg": {80_000}, "Kurs for frivillige i Herøy kommune": {30_000},
                     "Kartlegging av einsemd blant eldre i Ørsta kommune": {120_000}}),
    "nb": (BOKMAL, {"Sammen om maten": {60_000}, "Trygg på nett": {45_000},
                    "Turstier for alle i Os kommune": {90_000}}),
}


@pytest.mark.parametrize("model", ["nlp", "blank_nlp"])
@pytest.mark.parametrize("language", sorted(ITEMS))
def test_allocation_list_items_get_their_own_amounts(model, language, request):
    text, items = ITEMS[language]
    found = measures(request.getfixturevalue(model), text)
    for label, values in items.items():
        assert found[label] == values
    # no other measure (the page's scheme) keeps an item's money, and no label holds an amount or a quote mark
    item_money = set().union(*items.values())
    assert not any(values & item_money for label, values in found.items() if label not in items)
    assert not any("kroner" in label or "»" in label or "«" in label for label in found)


def test_quoted_title_opens_an_item_only():
    text = "• «Psykt bra!» i Bamble kommune - 50 000 kroner"
    span = quoted_title(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]] == "Psykt bra!"
    text = 'Prosjektet "Heime best" får 2 millionar kroner.'
    assert quoted_title(text, 0, len(text)) is None  # not at the start of the item
    assert quoted_title("«»", 0, 2) is None


def test_a_capped_label_never_ends_inside_a_number():
    rx = compiled(default_cues())
    text = "Tilbod om kartlegging av einsemd blant eldre i Ørsta 120 000 kroner"  # the 10th word is "120"
    start, end = trim_phrase(text, 0, len(text), rx)
    assert text[start:end] == "Tilbod om kartlegging av einsemd blant eldre i Ørsta"


@pytest.mark.parametrize("model", ["nlp", "blank_nlp"])
def test_a_cost_breakdown_is_not_an_allocation_list(model, request):
    """Items of a list whose introduction allocates nothing, and that are not quoted names, do not take the
    money of the measure they belong to."""
    text = """Prosjektet Trygg heime får 350 000 kroner

Kommunen har fått 350 000 kroner til prosjektet Trygg heime. Budsjettet for prosjektet er slik:

  • Lønn til koordinator – 300 000 kroner
  • Reise og kurs – 50 000 kroner
"""
    found = measures(request.getfixturevalue(model), text)
    assert not any(values & {300_000, 50_000} for label, values in found.items()
                   if label.lower().startswith(("lønn", "reise")))


RECIPIENT_TABLE_NN = """Meir til kommunane i fylket

Statsforvaltaren har foreslått fordeling av 12 millionar kroner i ekstra skjønnstilskot til kommunane.

Tilskotet er målretta mot kommunane med høgast meirutgifter til smittevern. Skjønnstilskotet er foreslått fordelt
til kommunane slik det kjem fram av tabellen under.

Kommunenr\tKommune\tFordeling i kroner
1101\tEigersund\t1 700 000
1119\t\t2 600 000
1120\tKlepp\t4 000 000
1121\tTime\t3 700 000
"""


def test_a_recipient_tables_rows_fund_the_measure_the_paragraph_above_names(nlp):
    """Round 25 (twenty-first session): what each municipality gets in a table under "Kommune / Fordeling i kroner" is
    a share of the scheme the paragraph above the table names or takes up ("Skjønnstilskotet er foreslått fordelt til
    kommunane slik det kjem fram av tabellen under"). A row whose name cell is empty ("1119\\t\\t2 600 000") is still a
    row of the table: it used to split the table and make "1120 Klepp" a measure."""
    found = measures(nlp, RECIPIENT_TABLE_NN)
    assert found == {"skjønnstilskot": {12_000_000, 1_700_000, 2_600_000, 4_000_000, 3_700_000}}, found


RECIPIENTS_ONLY = {
    "nb": ("Til sammen 40 millioner kroner til aktivitetstilbud for eldre\n\nStatsforvalteren deler nå ut 4,2 millioner "
           "kroner til kommuner, frivillige organisasjoner og andre aktører i hele fylket. 60 kommuner får støtte i år."
           "\n\nTilskuddsordningen «Tilskudd til aktivitetstilbud for eldre» ble lansert i 2024.",
           "aktivitetstilbud for eldre", {40_000_000, 4_200_000}),
    "nn": ("Til saman 30 millionar kroner til møteplassar for unge\n\nFylkeskommunen deler no ut 2,5 millionar kroner til "
           "kommunar, frivillige lag og andre aktørar i heile fylket. 20 kommunar får støtte i år.\n\nTilskotsordninga "
           "«Tilskot til møteplassar for unge» vart lansert i 2024.",
           "møteplassar for unge", {30_000_000, 2_500_000}),
}


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_money_handed_out_to_recipients_funds_the_measure_the_page_is_about(nlp, language):
    """Twenty-fourth session: "deler ut 4,2 millioner kroner til kommuner, frivillige organisasjoner og andre aktører"
    says who gets the money and names no measure; the money goes to the measure the sentence or the page is about
    (here the title's), not nowhere."""
    text, label, values = RECIPIENTS_ONLY[language]
    found = measures(nlp, text)
    assert found.get(label) == values, found
