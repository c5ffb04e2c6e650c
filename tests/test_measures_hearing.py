"""What a consultation response answers (issue 13, thirty-ninth session): the proposal a hearing response names in a
line over its body or in its first sentences is the page's measure, and who answers proposes nothing.

Every passage is written for these tests in the style of the responses published on a ministry's hearing pages
(Bokmål and Nynorsk); none is copied from a gold text.
"""

from __future__ import annotations

import pytest

from test_measures_real import findings


def _by_label(nlp, text: str) -> dict[str, object]:
    return {m.label: m for m in findings(nlp, text).measures}


@pytest.mark.parametrize(("text", "label"), [
    # the topic line under who answers, after "Høring -"
    ("Høringssvar fra Voss herad\n\nHøyring - rett til dagaktivitetstilbod for heimebuande personar med demens\n\n"
     "Dato: 12.03.2019\n\nVoss herad meiner at kommunane treng tid til å byggje ut tilbodet.\n",
     "rett til dagaktivitetstilbod for heimebuande personar med demens"),
    # "Svar på høring om forslag til X"
    ("Høringssvar fra Sola kommune\n\nSvar på høring om forslag til endring i forskrift om kommunal "
     "medfinansiering av rehabilitering\n\nDato: 02.10.2017\n\nSola kommune har ingen merknader utover dette.\n",
     "endring i forskrift om kommunal medfinansiering av rehabilitering"),
    # the body's first "forslaget om X", the clause after it left out
    ("Høringssvar fra Tynset kommune\n\nDato: 23.11.2016\n\nTynset kommune er positive til forslaget om en "
     "lovfestet rett til brukerstyrt personlig assistanse for unge voksne når behovet er langvarig.\n",
     "lovfestet rett til brukerstyrt personlig assistanse for unge voksne"),
    # a statute's section belongs to the proposal's name
    ("Høringssvar fra Molde kommune\n\nDato: 06.11.2020\n\nMolde kommune støtter departementets forslag om å "
     "legge til et nytt punkt i folkehelseloven § 6 andre ledd, som gjer planarbeidet enklare.\n",
     "legge til et nytt punkt i folkehelseloven § 6 andre ledd"),
])
def test_measures_hearing_the_proposal_answered_is_the_measure(nlp, text, label):
    found = _by_label(nlp, text)
    assert label in found, list(found)


def test_measures_hearing_who_answers_proposes_nothing_the_author_does(nlp):
    """The municipality that answers does not propose the change; the ministry whose proposal it is does."""
    text = ("Høringssvar fra Tynset kommune\n\nDato: 23.11.2016\n\nTynset kommune er positive til forslaget om en "
            "lovfestet rett til brukerstyrt personlig assistanse for unge voksne.\n")
    measure = _by_label(nlp, text)["lovfestet rett til brukerstyrt personlig assistanse for unge voksne"]
    assert measure.proposer is None
    text = ("Høringssvar fra Molde kommune\n\nDato: 06.11.2020\n\nMolde kommune støtter Helse- og "
            "omsorgsdepartementets forslag om å innføre krav om felles planlegging av tjenestene.\n")
    measure = _by_label(nlp, text)["innføre krav om felles planlegging av tjenestene"]
    assert measure.proposer is not None and measure.proposer.label == "Helse- og omsorgsdepartementet"


@pytest.mark.parametrize("text", [
    # who answers, and the report a hearing is on, name no proposal
    "Høringssvar - Tynset kommune\n\nDato: 03.12.2018\n\nKommunen har ingen merknader.\n",
    "Høringssvar - Eldreutvalgets NOU 2023:12 Gode liv i eldre år\n\nVi støtter de fleste av utvalgets forslag.\n",
    # a proposal in a page that is no hearing response is left to the other strategies
    "Kommunestyret i Tynset\n\nKommunestyret behandlet forslaget om ny legevaktordning i møtet i går.\n",
])
def test_measures_hearing_no_proposal_named(nlp, text):
    found = findings(nlp, text).measures
    assert not [m for m in found if m.label.lower().startswith(("tynset", "eldreutvalgets", "nou"))], found
    assert not any(m.label == "ny legevaktordning" and m.proposer is None for m in found), found
