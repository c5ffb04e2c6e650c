"""Bokmål and Nynorsk alike in the word lists (issue 13): a cue list that holds a Bokmål form of a common policy word
holds its Nynorsk form too (in some cue of the list), so the same sentence reads the same in both written standards."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from helsekg import resources

#: Bokmål form -> Nynorsk form, for words whose forms differ between the standards (whole words or phrases)
PAIRS = {
    "foreslå": "føreslå", "foreslår": "føreslår", "foreslo": "føreslo", "foreslått": "føreslått", "foreslås": "føreslåast",
    "økes": "aukast", "styrke": "styrkje", "styrker": "styrkjer", "styrkes": "styrkjast",
    "videreføres": "vidareførast", "kuttes": "kuttast", "brukes": "brukast", "utvides": "utvidast",
    "settes av": "setjast av", "lyses ut": "lysast ut", "satt av": "sett av", "avsatt": "avsett", "øremerket": "øremerkt",
    "innen": "innan", "innenfor": "innanfor", "utenfor": "utanfor", "også": "òg", "noen": "nokon",
    "formålet": "føremålet", "midler": "midlar", "gir": "gjev",
    "tjeneste": "teneste", "tjenester": "tenester", "tilskudd": "tilskot", "tilbud": "tilbod", "ansatte": "tilsette",
    "kommunene": "kommunane", "bevilgning": "løyving",
    "sykehus": "sjukehus", "sykehjem": "sjukeheim", "hjemme": "heime", "bolig": "bustad", "skole": "skule",
    "fremme": "fremje", "søke": "søkje", "pårørende": "pårørande", "helseforetak": "helseføretak",
    "virksomhet": "verksemd", "oppgave": "oppgåve", "hverdag": "kvardag", "tidligere": "tidlegare", "fremtid": "framtid",
    "bygge": "byggje", "åpne": "opne", "utredning": "utgreiing", "forskning": "forsking", "veiledning": "rettleiing",
    "mottaker": "mottakar", "regjeringen": "regjeringa", "vedtatt": "vedteke", "hvordan": "korleis", "hvem": "kven",
    "hva": "kva", "ikke": "ikkje", "blant annet": "mellom anna", "følgende": "følgjande", "egen": "eigen",
    "bedre": "betre", "flere": "fleire", "tidlig": "tidleg", "forbedre": "forbetre", "fikk": "fekk",
    "gjennomføres": "gjennomførast", "etableres": "etablerast", "opprettes": "opprettast", "innføres": "innførast",
    "prioriteres": "prioriterast", "fordeles": "fordelast", "tildeles": "tildelast", "reduseres": "reduserast",
    "rettet mot": "retta mot", "personer": "personar", "pasienter": "pasientar", "brukere": "brukarar",
    "organisasjoner": "organisasjonar", "kommuner": "kommunar", "derfor": "difor", "dessuten": "dessutan",
    "statsforvalter": "statsforvaltar", "tillitsvalgt": "tillitsvald", "leder": "leiar", "rådgiver": "rådgjevar",
    "følges opp": "følgjast opp", "ungdommer": "ungdomar", "bevilget": "løyvd", "økte med": "auka med",
    "dekke": "dekkje", "syke": "sjuke", "hjem": "heim", "bruker": "brukar", "satser": "satsar", "gikk": "gjekk",
    "ansatt": "tilsett", "retningslinjer": "retningsliner", "særlig": "særleg", "mulig": "mogleg",
}
#: lists that are one standard's by design: the language identifier's marker words, web pages' fixed strings, names;
#: its words of both standards ("derfor", "også" are Nynorsk too; "difor", "òg" are Nynorsk markers)
EXEMPT = {("language_cues.json", "language.nb"), ("language_cues.json", "language.norwegian"),
          ("language_cues.json", "page.boilerplate_prefixes"),
          ("language_cues.json", "page.link_prefixes"), ("measure_cues.json", "programme_names")}
FILES = ("measure_cues.json", "measure_prose_cues.json", "proposer_cues.json", "recommendation_cues.json",
         "goal_target_cues.json", "amount_lexicon.json", "extraction_cues.json", "language_cues.json", "link_model.json",
         "actor_patterns.json")


def _lists(obj, path: tuple[str, ...] = ()) -> Iterator[tuple[str, list[str]]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            if not str(key).startswith("_"):
                yield from _lists(value, (*path, str(key)))
    elif isinstance(obj, list) and obj and all(isinstance(x, str) for x in obj):
        yield ".".join(path), obj


def _has(cue: str, phrase: str) -> bool:
    return re.search(rf"(?<![\wæøå]){re.escape(phrase)}(?![\wæøå])", cue.lower()) is not None


def bokmal_only(words: list[str]) -> list[str]:
    """The Bokmål forms (keys of PAIRS) some cue of ``words`` holds while no cue holds the Nynorsk form."""
    return sorted(nb for nb, nn in PAIRS.items() if any(_has(w, nb) for w in words) and not any(_has(w, nn) for w in words))


@pytest.mark.parametrize("name", FILES)
def test_cue_lists_hold_the_nynorsk_form_of_their_bokmal_words(name):
    data = json.loads(resources.data_path(name).read_text(encoding="utf-8"))
    missing = [f"{path}: {nb!r} without {PAIRS[nb]!r}" for path, words in _lists(data) if (name, path) not in EXEMPT
               for nb in bokmal_only(words)]
    assert not missing, "\n".join(missing)


def test_cue_parity_finds_a_bokmal_only_list():
    """The check itself: a list with "foreslår" and no "føreslår" is reported; one with both is not."""
    assert bokmal_only(["foreslår", "vedtok"]) == ["foreslår"]
    assert bokmal_only(["foreslår at", "føreslår at"]) == []
    assert bokmal_only(["innenfor"]) == ["innenfor"]  # a whole word: "innen" is no part of "innenfor"
