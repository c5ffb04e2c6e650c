"""Bullet lists and tables of measures (issue 13, round 22): which lists name measures, and what an item names.

Round 22 of the real-text gold was gathered for pages whose measures, grants or allocations come as lists or tables.
Read with the code of its day, only 6 of the 40 measures the bullet strategy found in it were right: lists of what
every applicant must do, what is not funded, the points an allocation rests on, key figures and an audit's
shortcomings were read as measures, as were items that open with their money ("• 1,8 mill. kr til ..." gave "1,8
mill"), recipients' names and a table's sum rows. Every passage is written for these tests in the style of grant pages,
allocation news and budget documents (Bokmål and Nynorsk); none is copied from a gold text.
"""

from __future__ import annotations

import pytest

from helsekg.extract.actors import extract_actors, header_actors
from helsekg.extract.extractor import find_amounts
from helsekg.extract.measures import find_measures
from helsekg.text import document_from_text


def measures(nlp, text: str) -> dict[str, set[int]]:
    """label -> funded values (in whole kroner) of every measure found in ``text``."""
    document = document_from_text(text, source="x.txt")
    doc = nlp(document.text)
    found, _ = extract_actors(doc, document)
    out: dict[str, set[int]] = {}
    for m in find_measures(doc, document, amounts=list(find_amounts(doc, document)),
                           actors=(*header_actors(document), *found)).measures:
        out.setdefault(m.label, set()).update(int(a.value) for a in m.funding)
    return out


# ------------------------------------------------------------------------------------ lists that are no measures

@pytest.mark.parametrize(("intro", "items"), [
    # what every applicant must do or be
    ("Alle søkere må:", ["ha en ideell målsetting og driftsform", "være registrert i Enhetsregisteret",
                         "ha vedtekter som er godkjent av årsmøtet"]),
    ("For alle søkjarar:", ["Årsmelding for siste driftsår", "Stadfesta medlemstal frå revisor",
                            "Budsjett for søknadsåret"]),
    # what is not funded
    ("Det gis ikke tilskudd til:", ["Ordinær drift av lag og foreninger",
                                    "Tiltak av lokal karakter uten overføringsverdi", "Utstyr og inventar"]),
    # the points an allocation rests on
    ("Desse punkta vert lagt til grunn for løyvingane:", ["God søknad og godt innhald",
                                                          "Godt samarbeid med kulturlivet", "Nyskaping og utvikling"]),
    # key figures
    ("Nøkkeltal for 2023 er som følgjer:", ["Samla tildelingsramme: kr 12 400 000",
                                            "Fordelt i første runde: kr 8 100 000",
                                            "Fordelt i andre runde: kr 4 300 000"]),
    # a heading of its own over a grant's priorities, with a colon too
    ("Prioriteringer:", ["Kunnskapsgenererende tiltak med overføringsverdi",
                         "Konferanser og seminarer på nasjonalt nivå"]),
    # an audit's shortcomings
    ("Revisjonen av regnskapet viser følgende mangler:", ["Manglende avstemming av mellomværende med statskassen",
                                                         "Utilstrekkelig dokumentasjon av tilskuddsforvaltningen"]),
])
def test_measures_lists_criteria_requirements_and_findings_are_no_measures(nlp, intro, items):
    """The introduction makes its items requirements, exclusions, criteria, key figures or findings
    (``list_block_lemmas``: søker/søkjar, ikke/ikkje, grunn, nøkkeltall/nøkkeltal, mangel, funn), while the scheme the
    page is about stays a measure."""
    text = ("Tilskudd til frivillige organisasjoner 2024\n\nHelsedirektoratet forvalter tilskuddsordningen "
            "Tilskudd til frivillige organisasjoner, som skal styrke det frivillige arbeidet for eldre.\n\n"
            + intro + "\n\n" + "".join(f" • {item}\n" for item in items))
    found = measures(nlp, text)
    firsts = tuple(" ".join(item.split()[:2]) for item in items)
    assert not any(label.lstrip("• ").startswith(firsts) for label in found), found


# ------------------------------------------------------------------------------------ what an item names

def test_measures_lists_a_table_of_contents_lists_headings(nlp):
    """Session 34: the numbered lines under "Innhold:" (``contents_headings``) are the headings of the sections below,
    no measures; the reform the answer is about stays one."""
    text = ("Fornyelse av helseforvaltningen - høringsuttalelse\n\nInnhold:\n\n1. Innledning\n"
            "2. To faglig sterke myndighetsorganer med brukernes tillit\n3. Myndighet til å fortolke regelverk\n"
            "4. Tilsynets normering\n5. Tilsyn med sosiale tjenester\n\n1. Innledning\nDet vises til vår "
            "høringsuttalelse om fornyelsen av den statlige helseforvaltningen.\n")
    found = measures(nlp, text)
    assert not any(label.startswith(("To faglig", "Myndighet", "Tilsyn")) for label in found), found


def test_measures_lists_an_item_that_opens_with_its_money_names_what_the_money_is_for(nlp):
    """ "• Ca. 30 millioner kroner til nye prosjekter", "• 1,8 mill. kr til korttidsstipend for ...": the measure is
    what follows the money, funded by it (the items gave "Ca" and "1,8 mill")."""
    text = ("Helse Nord har fordelt forskningsmidlene for 2025\n\nHelse Nord RHF har tildelt om lag 95 millioner "
            "kroner til forskning i 2025. Midlene er fordelt på følgende måte.\n"
            " • Ca. 60 millioner kroner til kliniske behandlingsstudier\n"
            " • Ca. 30 millioner kroner til 40 nye prosjekter fordelt på:\n"
            "  • 1,8 mill. kr til korttidsstipend for fullføring av doktorgrad\n"
            "  • 0,7 mill. kr til startstipend for nye forskergrupper\n")
    found = measures(nlp, text)
    assert not any(label[:1].isdigit() or label.lower().startswith("ca") for label in found), found
    assert found.get("kliniske behandlingsstudier") == {60_000_000}, found
    assert found.get("korttidsstipend for fullføring av doktorgrad") == {1_800_000}, found
    assert found.get("startstipend for nye forskergrupper") == {700_000}, found


@pytest.mark.parametrize(("text", "expected"), [
    # the same in Nynorsk: "• Om lag 40 millionar kroner til ...", "• 2,5 mill. kr i ..."
    ("Fordeling av skjønsmidlar 2025\n\nStatsforvaltaren i Vestland har fordelt skjønsmidlane for 2025. "
     "Midlane vert fordelte slik.\n"
     " • Om lag 40 millionar kroner til fornyingsprosjekt i kommunane\n"
     " • 2,5 mill. kr til opplæringstilbod for pårørande\n",
     {"fornyingsprosjekt i kommunane": {40_000_000}, "opplæringstilbod for pårørande": {2_500_000}}),
    # "• Styrking av fastlegeordningen med 100 millioner kroner": no verb, but the item itself is what the money after
    # "med" funds (elsewhere "kommunen med 2 millioner" names no funded phrase; session 20)
    ("Budsjett 2025\n\nRegjeringen foreslår blant annet:\n\n"
     " • 20 millioner kroner til lavterskeltilbud for unge\n"
     " • Styrking av fastlegeordningen med 100 millioner kroner\n"
     " • Nye plasser i barnevernet med 30 millioner kroner\n",
     {"Styrking av fastlegeordningen": {100_000_000}, "plasser i barnevernet": {30_000_000}}),
], ids=["money-first-nn", "item-opens-with-what-it-funds"])
def test_measures_lists_items_and_their_money(nlp, text, expected):
    found = measures(nlp, text)
    assert {label: found.get(label) for label in expected} == expected, found


def test_measures_lists_recipients_named_after_their_money_are_no_measures(nlp):
    """ "• 2 mill. Kirkens Bymisjon": who gets the money, not what it is for; the money funds the item the recipients
    stand under."""
    text = ("Regjeringen gir 10 millioner kroner ekstra til organisasjoner\n\nMidlene skal fordeles slik:\n\n"
            " • Inkludering av barn og unge (6 millioner kroner)\n"
            "  • 2 mill. Kirkens Bymisjon\n  • 2 mill. Røde Kors\n  • 2 mill. Frelsesarmeen\n"
            " • Ekstrabevilgning til matsentralene (4 millioner kroner)\n")
    found = measures(nlp, text)
    assert not any(label[:1].isdigit() or label in ("Kirkens Bymisjon", "Røde Kors", "Frelsesarmeen")
                   for label in found), found
    assert {6_000_000, 2_000_000} <= found.get("Inkludering av barn og unge", set()), found
    assert found.get("Ekstrabevilgning til matsentralene") == {4_000_000}, found


def test_measures_lists_people_in_a_list_are_no_measures(nlp):
    """A list of the people in a project group names its members, not measures."""
    text = ("Nytt helsehus i Nordhordland\n\nKommunestyret har løyvd 2 millionar kroner til forprosjektet for "
            "helsehuset. Prosjektgruppa består av:\n\n • Håkon Matre\n • Rita Tveiten\n • Solfrid Olsen Farestveit\n")
    found = measures(nlp, text)
    assert not any(name in found for name in ("Håkon Matre", "Rita Tveiten", "Solfrid Olsen Farestveit")), found


def test_measures_lists_a_tables_sum_and_net_rows_are_no_measures(nlp):
    """ "Sum sektor", "Delsum – fylkesmidlar", "Netto driftsutgifter": rows that add up the rows above."""
    text = ("Budsjett 2025 - Investeringsbudsjett\n\nTANNHELSE Tal i tusen\tBudsjett 2024\tBudsjett 2025\n"
            "Ny tannklinikk i Fana\t11 000\t5 000\nTannklinikkar\t14 000\t25 000\nSum sektor\t25 000\t30 000\n"
            "Netto driftsutgifter\t24 100\t29 300\n")
    found = measures(nlp, text)
    assert "tannklinikk i Fana" in found and "Tannklinikkar" in found, found
    assert not any(label.startswith(("Sum", "Netto")) for label in found), found


def test_measures_lists_a_label_ends_at_a_cell_gap(nlp):
    """A tab parts a table's cells: "Økt driftsramme for kulturskolen\\t0,60\\t0,60" names no "kulturskolen 0,60 0,60",
    while a table's own label cells still run over the gap ("Bydel Gamle Oslo\\tRødhetteprosjektet\\t960")."""
    text = ("Budsjett 2025\n\nFølgende direkte økonomiske endringer innarbeides:\n\n"
            "Tall i hele millioner\t2025\t2026\t2027\n"
            "Økt driftsramme for kulturskolen\t0,60\t0,60\t0,60\n"
            "Økt driftsramme for biblioteket\t0,20\t0,20\t0,20\n")
    found = measures(nlp, text)
    assert not any(any(c.isdigit() for c in label) for label in found), found
    table = ("Øremerkede midler\n\nI tillegg fordeles følgende øremerkede midler direkte til bydelene:\n\n"
             "Bydel\tType tildeling\tBeløp (i 1 000 kr)\n"
             "Bydel Gamle Oslo\tRødhetteprosjektet\t960\n"
             "Bydel Grünerløkka\tAksept kontaktsenter\t6 000\n"
             "Alle bydeler\tDriftstilskudd seniorsentre\t20 000\n")
    found = measures(nlp, table)
    assert any(label.endswith("Aksept kontaktsenter") and values == {6_000_000}
               for label, values in found.items()), found


def test_measures_lists_a_table_row_whose_last_cell_is_no_money(nlp):
    """A budget table whose last column is a change in per cent ("Endring i %") or a dash: its rows are still rows,
    each row's label a measure funded by its cells ("Tilskot til kommunane\\t3200\\t3 200\\t-")."""
    text = ("Budsjett 2025 - Regional utvikling\n\nFOLKEHELSE Tal i tusen\t2024\t2025\tEndring i %\n"
            "Tilskot til kommunane\t3200\t3 200\t-\n"
            "Diverse folkehelsetiltak\t4 500\t4 600\t2,2\n"
            "Rådgjeving, faste stillingar\t2 317\t2 348\t1,3\n")
    found = measures(nlp, text)
    assert found.get("Tilskot til kommunane") == {3_200_000}, found
    assert found.get("Diverse folkehelsetiltak") == {4_500_000, 4_600_000}, found


def test_measures_lists_a_budget_chapters_number_cell_is_no_part_of_its_name(nlp):
    """A table of budget chapters ("762\\tPrimærhelsetjeneste\\t1 755 291"): the chapter number is a cell of its own,
    so the row's name is the field alone, with the fields a name cell lists ("Psykisk helse, rus og vold")."""
    text = ("Tilskuddsbudsjett 2025\n\nTabell 2 Tilskuddsbudsjett fordelt per fagområde i 2025 (i 1000)\n\n"
            "Kapittel\tFagområde\tBudsjett\n"
            "761\tOmsorgstjeneste\t4 977 358\n"
            "765\tPsykisk helse, rus og vold\t2 531 202\n"
            "762\tPrimærhelsetjeneste\t1 755 291\n"
            "702\tBeredskap\t9 130\n")
    found = measures(nlp, text)
    assert found.get("Psykisk helse, rus og vold") == {2_531_202_000}, found
    assert found.get("Primærhelsetjeneste") == {1_755_291_000}, found
    assert found.get("Beredskap") == {9_130_000}, found
    assert not any(label[:1].isdigit() for label in found), found


@pytest.mark.parametrize("text", [
    ("Tildeling av Helse Vests forskingsmidlar 2025\n\nHelse Vest har tildelt midlar til 52 av dei 271 søknadene. "
     "I tillegg til dei nye prosjekta har 160 stipendiatar fått vidareført si finansiering. Vel 175 millionar kroner "
     "går til å finansiere dei nye og vidareførte prosjekta."),
    ("Skjønnsmidler til smittevern 2025\n\nStatsforvalteren har fordelt skjønnsmidler til kommunene. Til sammen "
     "40 millioner kroner skal dekke utgifter til smittevern i kommunene."),
])
def test_measures_lists_money_to_pay_for_what_a_scheme_funds_is_the_schemes(nlp, text):
    """ "N kroner går til å finansiere nye prosjekt": paying for what the page's scheme funds names no measure of its
    own ("finansiere dei nye og vidareførte prosjekta" was one); the money is the scheme's (``PURPOSE_VERBS``)."""
    found = measures(nlp, text)
    assert not any(label.lower().startswith(("finansiere", "dekke")) for label in found), found
    assert any(values for values in found.values()), found  # the money funds the page's scheme


def test_measures_lists_the_column_headings_are_no_part_of_the_first_row(nlp):
    """Round 25: a row that opens with a figure ("1101\\tEigersund\\t1 700 000") does not wrap up into the tab-parted
    column headings above it; with a municipality-number column first, the rows are who gets the money."""
    text = ("Ekstra skjønstilskot til kommunane\n\nStatsforvaltaren har fordelt 12 millionar kroner i ekstra "
            "skjønstilskot til smittevern slik:\n\n"
            "Kommunenr\tKommune\tFordeling i kroner\n1101\tEigersund\t1 700 000\n1103\tStavanger\t9 500 000\n"
            "1106\tHaugesund\t800 000\n")
    found = measures(nlp, text)
    assert not any("Kommunenr" in label or label[:1].isdigit() for label in found), found


def test_measures_lists_budget_lines_under_any_introduction_are_funded_measures(nlp):
    """Twenty-second session: a run of lines that each end in their own money ("Bygg 45 mill kr") is a table of budget
    lines whatever its introduction says ("fordeles på følgende måte" on "foretaksnivå", a compound of "nivå"); a
    bulleted list whose every item holds money ("• Helse og mestring – 1,1 milliarder") is one too, though
    "virksomhetsområdene" would make a list of areas. Each line funds its own measure."""
    table = ("Investeringsbudsjett 2025\n\nStyret vedtar at midlene som disponeres på foretaksnivå fordeles på "
             "følgende måte:\nBygg 45 mill kr\nMedisinskteknisk utstyr 40 mill kr\nAnnet utstyr 6,3mill kr\n"
             "Utskifting av ambulanser 15 mill kr\nSum 106,3 mill kr\n")
    found = measures(nlp, table)
    assert found.get("Bygg") == {45_000_000}, found
    assert any(label.endswith("utstyr") and values == {6_300_000} for label, values in found.items()), found
    assert found.get("Utskifting av ambulanser") == {15_000_000}, found
    bullets = ("Budsjettet for 2024 er vedtatt\n\nKommunestyret vedtok budsjettet for 2024 i går.\n\n"
               "De ulike virksomhetsområdene er:\n\n • Oppvekst og læring – 1,45 milliarder\n"
               " • Helse og mestring – 1,1 milliarder\n • Kultur og inkludering – 238 millioner\n")
    found = measures(nlp, bullets)
    assert found.get("Helse og mestring") == {1_100_000_000}, found
    assert found.get("Kultur og inkludering") == {238_000_000}, found


def test_measures_lists_key_figures_stay_figures_though_every_item_holds_money(nlp):
    """An introduction of figures ("Nøkkeltal", ``figure_list_lemmas``) keeps its items out even when every one
    holds money: the lines of a budget need an introduction that is not a list of figures."""
    text = ("Tilskot til frivillige lag 2023\n\nNøkkeltal for 2023 er som følgjer:\n\n"
            " • Samla tildelingsramme: kr 12 400 000\n • Fordelt i første runde: kr 8 100 000\n"
            " • Fordelt i andre runde: kr 4 300 000\n")
    found = measures(nlp, text)
    assert not any(label.startswith(("Samla", "Fordelt")) for label in found), found


def test_measures_lists_an_application_forms_questions_are_no_measures(nlp):
    """Round 47: a grant page's advice on the application ("• Hva vil dere oppnå med tiltaket?", "• Hvem skal lede
    prosjektet?", "• Beskriv hvilke arbeidsmetoder ...") lists questions to answer, not measures; the scheme is."""
    text = ("Tilskudd til sentre mot incest og seksuelle overgrep 2025\n\n"
            "Bufdir gir tilskudd til sentrene etter søknad fra kommunene.\n\n"
            "Beskriv tiltaket så godt som mulig\n\n"
            "• Hva vil dere oppnå med tiltaket?\n"
            "• Hvilke konkrete resultater ønsker dere å oppnå?\n"
            "• Hvem skal lede prosjektet? Hvordan er prosjektet organisert?\n"
            "• Beskriv hvilke arbeidsmetoder som benyttes for å nå målsettingen med tiltaket.\n"
            "• Når skal tiltaket gjennomføres? Lag en tidsplan.\n")
    found = measures(nlp, text)
    assert not any(label.startswith(("Hv", "Beskriv", "Når")) for label in found), found
    assert any(label.startswith("Tilskudd til sentre") for label in found), found

