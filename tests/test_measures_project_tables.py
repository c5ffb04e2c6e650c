"""Projects a grant table lists by title, with no sum per row (issue 13, thirty-ninth session).

A health trust's results page lists what it funds in a table of titles, leaders and institutions. Every passage is
written for these tests in the style of such pages (Bokmål and Nynorsk); none is copied from a gold text.
"""

from __future__ import annotations

from test_measures_real import findings

TAB_TABLE_NB = """\
Disse har fått innovasjonsmidler i 2027

Fire prosjekter er til sammen tildelt 3 millioner kroner i innovasjonsmidler for 2027.

Tildelte midler
Søknadstittel\tSøkers navn\tSøkerinstitusjon\tSøknadstype
Digital oppfølging av pasienter med hjertesvikt\tKari Nordmann\tSykehuset Innlandet\tNye prosjekter
Hjelpemiddel for trygg mobilisering etter hofteoperasjon\tOla Nordmann\tSykehuset Telemark\tNye prosjekter
VR-trening - bruk av virtuell virkelighet i rehabilitering av slagpasienter\tPer Hansen\tSunnaas sykehus\tOverføring
"""

STACKED_NN = """\
Desse prosjekta har fått midlar frå Helse Vest

Seks søknader kom inn, og tre prosjekt får støtte i år.

Tittel
Prosjektleiar
Institusjon
Heimesjukehus for born med kreft
Kari Nordmann
Haukeland universitetssjukehus
Betre legemiddelsamstemming ved innlegging
Ola Nordmann
Helse Fonna
Tidleg oppfølging av gravide med diabetes
Per Hansen
Helse Stavanger
"""


def test_measures_project_tables_each_row_of_a_tab_table_is_a_project(nlp):
    found = {m.label: m for m in findings(nlp, TAB_TABLE_NB).measures}
    for label in ("Digital oppfølging av pasienter med hjertesvikt",
                  "Hjelpemiddel for trygg mobilisering etter hofteoperasjon", "VR-trening"):
        assert label in found, list(found)
        assert found[label].proposer is None, (label, found[label].proposer)  # its applicant runs it
    # an aid is no fund: the page's money stays with the page's fund, not with the project named "Hjelpemiddel ..."
    assert not found["Hjelpemiddel for trygg mobilisering etter hofteoperasjon"].funding
    assert not any("Kari Nordmann" in label or "Søkers navn" in label for label in found), list(found)


def test_measures_project_tables_a_stacked_table_reads_one_row_per_header_width(nlp):
    found = [m.label for m in findings(nlp, STACKED_NN).measures]
    assert {"Heimesjukehus for born med kreft", "Betre legemiddelsamstemming ved innlegging",
            "Tidleg oppfølging av gravide med diabetes"} <= set(found), found
    assert not {"Kari Nordmann", "Helse Fonna", "Prosjektleiar"} & set(found), found


def test_measures_project_tables_other_tables_are_left_to_the_list_reader(nlp):
    """A table whose first column is not the project's (a meeting list) names no projects."""
    text = ("Møteplan\n\nUtval\tMøtedato\tSaksnr.\nHelse- og omsorgsutvalet\t12.03.2027\t14/27\n"
            "Formannskapet\t19.03.2027\t22/27\n")
    assert not [m.label for m in findings(nlp, text).measures if m.label.startswith(("Helse- og", "Formannskapet"))]
