"""Actor mentions: the ``helsekg_actors`` component, its gazetteer and patterns (NLP stage).

Two layers, like the rest of helsekg:

* the spaCy component ``helsekg_actors`` marks actor mentions in ``doc.spans["helsekg_actors"]``; each
  span carries an :class:`ActorRef` in ``span._.actor``. It combines a gazetteer of Norwegian public
  actors (``helsekg/data/actors_gazetteer.json``), patterns for bodies not in it ("X-rådet",
  "X kommune", "Helse X", "Statsforvalteren i X", "byrådet", "departementet", "regjeringen"), persons
  introduced with a role ("helse- og omsorgsminister Bent Høie", "helsebyråd Ola Nordmann (H)",
  "Kari Nordmann, direktør i Helsedirektoratet,") and, when the pipeline has a trained NER model, its
  ORG/GPE_ORG/PER entities;
* the pure functions of :mod:`helsekg.extract.actors` turn the spans into records (extraction stage).

``Actor.key`` is the identity across documents: the gazetteer id for gazetteer actors, the slug of the
full name for persons, the slug of the label for pattern actors; the IRI is
``https://w3id.org/helsekg/id/actor/{key}`` (:func:`actor_iri`).

>>> import spacy
>>> nlp = spacy.blank("nb"); _ = nlp.add_pipe("sentencizer"); _ = nlp.add_pipe("helsekg_actors")
>>> doc = nlp("Helsedirektoratet og HOD møtte helse- og omsorgsminister Bent Høie (H) i Bergen kommune.")
>>> [(s.text, s._.actor.key) for s in doc.spans["helsekg_actors"]]
[('Helsedirektoratet', 'helsedirektoratet'), ('HOD', 'helse-og-omsorgsdepartementet'), ('Bent Høie', 'bent-hoie'), ('H', 'hoyre'), ('Bergen kommune', 'bergen-kommune')]
>>> doc.spans["helsekg_actors"][2]._.actor.role, doc.spans["helsekg_actors"][2]._.actor.party
('helse- og omsorgsminister', 'H')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from helsekg import resources
from helsekg.nlp import extensions
from helsekg.text.document import slugify
from helsekg.text.layout import BULLET_RE, scan_lines
from helsekg.text.normalize import mask_invisible, visible

extensions.register()

__all__ = [
    "ACTOR_IRI_BASE",
    "ActorKind",
    "ActorRef",
    "ActorPatterns",
    "ActorRecognizer",
    "Gazetteer",
    "GazetteerEntry",
    "actor_iri",
    "load_gazetteer",
    "load_patterns",
]

class ActorKind(StrEnum):
    """What an actor is."""

    ORGANISATION = "organisation"
    PERSON = "person"


ACTOR_IRI_BASE = "https://w3id.org/helsekg/id/actor/"
GAZETTEER_FILE = "actors_gazetteer.json"
PATTERNS_FILE = "actor_patterns.json"
ENTITY_KINDS = {"ORG": ActorKind.ORGANISATION, "GPE_ORG": ActorKind.ORGANISATION, "PER": ActorKind.PERSON}

# Priority when candidate mentions overlap and are equally long.
_PRIORITY = {"role": 5, "gazetteer": 4, "pattern": 3, "generic": 2, "model": 1}


def actor_iri(key: str) -> str:
    """The IRI of an actor from its key.

    >>> actor_iri("helse-og-omsorgsdepartementet")
    'https://w3id.org/helsekg/id/actor/helse-og-omsorgsdepartementet'
    """
    return ACTOR_IRI_BASE + key


# --------------------------------------------------------------------------------------------
# Data: the gazetteer and the pattern word lists
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GazetteerEntry:
    """One real-world actor of the gazetteer."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    label_nn: str | None = None
    valid: str | None = None
    successor: str | None = None
    parent: str | None = None
    exact: frozenset[str] = frozenset()
    not_sentence_initial: bool = False
    place: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Label, Nynorsk label and aliases, without repeats."""
        return tuple(dict.fromkeys((self.label, *((self.label_nn,) if self.label_nn else ()), *self.aliases)))

    def label_for(self, language: str) -> str:
        """The label in ``language`` ("nb" or "nn")."""
        return self.label_nn if language == "nn" and self.label_nn else self.label


@dataclass(frozen=True)
class Gazetteer:
    """Norwegian public actors with canonical labels, aliases and stable ids (read-only once loaded)."""

    entries: tuple[GazetteerEntry, ...]
    source: str
    licence: str

    @classmethod
    def from_file(cls, path: str | Path) -> "Gazetteer":
        """Read a gazetteer JSON file (``{"_source", "_licence", "actors": [...]}``)."""
        return cls.from_data(resources.read_json_data(path, what="actor gazetteer"), source=path)

    @classmethod
    def from_data(cls, data: dict[str, Any], *, source: str | Path) -> "Gazetteer":
        """A gazetteer from the parsed JSON of a gazetteer file (``source`` names it in errors)."""
        resources.require_fields(data, ("_source", "_licence", "actors"), source=source, what="actor gazetteer")
        entries = []
        for raw in data["actors"]:
            entries.append(
                GazetteerEntry(
                    id=raw["id"],
                    label=raw["label"],
                    type=raw["type"],
                    aliases=tuple(raw.get("aliases", ())),
                    label_nn=raw.get("label_nn"),
                    valid=raw.get("valid"),
                    successor=raw.get("successor"),
                    parent=raw.get("parent"),
                    exact=frozenset(raw.get("exact", ())),
                    not_sentence_initial=bool(raw.get("not_sentence_initial", False)),
                    place=raw.get("place"),
                )
            )
        ids = [e.id for e in entries]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{source}: duplicate actor ids in the gazetteer")
        return cls(tuple(entries), data["_source"], data["_licence"])

    @cached_property
    def _indexes(self) -> tuple[dict[str, GazetteerEntry], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        # built once per gazetteer and kept on it: an lru_cache keyed on the gazetteer hashed every entry per lookup
        return _index(self)

    @property
    def by_id(self) -> dict[str, GazetteerEntry]:
        return self._indexes[0]

    def get(self, actor_id: str) -> GazetteerEntry | None:
        """The entry with id ``actor_id``."""
        return self.by_id.get(actor_id)

    def lookup(self, name: str | None) -> GazetteerEntry | None:
        """The entry one of whose names is ``name`` (case-insensitive, genitive -s allowed); None if none or ambiguous.

        >>> gaz = load_gazetteer()
        >>> gaz.lookup("Regjeringa Solberg").id, gaz.lookup("hod").id, gaz.lookup("Helsepersonellkommisjonens").id
        ('regjeringen-solberg', 'helse-og-omsorgsdepartementet', 'helsepersonellkommisjonen')
        >>> gaz.lookup("Herøy kommune") is None
        True
        """
        if not name:
            return None
        by_name = self._indexes[1]
        folded = _fold(name)
        ids = by_name.get(folded) or (by_name.get(folded[:-1]) if folded.endswith("s") else None)
        return self.by_id[ids[0]] if ids and len(ids) == 1 else None

    def is_municipality(self, place: str) -> bool:
        """``place`` is the name of a municipality, today's or a former one, even when two share it ("Herøy")."""
        return bool(self._indexes[2].get(_fold(place)))

    def municipality(self, place: str) -> GazetteerEntry | None:
        """Today's municipality (or a former one) called ``place`` ("Bergen" -> Bergen kommune)."""
        ids = self._indexes[2].get(_fold(place), ())
        current = [i for i in ids if self.by_id[i].successor is None and "-2019" != self.by_id[i].valid]
        chosen = current or list(ids)
        return self.by_id[chosen[0]] if len(chosen) == 1 else None


def _index(gaz: Gazetteer) -> tuple[dict[str, GazetteerEntry], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    by_id = {e.id: e for e in gaz.entries}
    by_name: dict[str, list[str]] = {}
    by_place: dict[str, list[str]] = {}
    for e in gaz.entries:
        for name in e.names:
            ids = by_name.setdefault(_fold(name), [])
            if e.id not in ids:
                ids.append(e.id)
        if e.place and e.type == "municipality":
            by_place.setdefault(_fold(e.place), []).append(e.id)
    return (
        by_id,
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(v) for k, v in by_place.items()},
    )


def _fold(text: str) -> str:
    """A name as looked up: invisible characters dropped, spaces collapsed, lower case."""
    return re.sub(r"\s+", " ", visible(text).strip()).lower()


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the shipped ``helsekg/data/actors_gazetteer.json``), read once."""
    if path is None:
        return Gazetteer.from_data(resources.load_data(GAZETTEER_FILE), source=resources.data_path(GAZETTEER_FILE))
    return Gazetteer.from_file(path)


@dataclass(frozen=True)
class ActorPatterns:
    """Word lists for roles, parties, speech verbs and pattern bodies (``helsekg/data/actor_patterns.json``)."""

    role_heads: tuple[str, ...]
    role_modifiers: tuple[str, ...]
    affiliation_prepositions: tuple[str, ...]
    parties: tuple[tuple[str, str | None], ...]
    speech_verbs: tuple[str, ...]
    according_to: tuple[str, ...]
    pronouns: tuple[str, ...]
    name_stopwords: frozenset[str]
    suffix_bodies: tuple[tuple[str, tuple[str, ...]], ...]
    suffix_body_exclusions: frozenset[str]
    generic_bodies: tuple[tuple[str, tuple[str, ...]], ...]
    entity_junk: frozenset[str]
    institution_heads: tuple[str, ...] = ()
    #: last-word endings of names the model tags as bodies but that are programmes, budgets or services
    entity_measure_heads: tuple[str, ...] = ()
    #: lemmas of speech verbs (a dash quote's verb form outside ``speech_verbs`` counts when its lemma is one)
    speech_verb_lemmas: tuple[str, ...] = ()
    #: company-form abbreviations after a body's name ("IKS", "AS", "HF")
    company_suffixes: tuple[str, ...] = ()
    #: last words of names of buildings and venues (not actors)
    entity_venue_heads: tuple[str, ...] = ()
    #: regions and districts: place names, not actors, when the model tags them alone
    region_names: tuple[str, ...] = ()
    #: words before a person named as a contact for questions
    contact_cues: tuple[str, ...] = ()
    #: heads of bodies owned by a named organisation ("Helse Fonna sitt ungdomsråd")
    possessive_body_heads: tuple[str, ...] = ()
    #: capitalised heads of named committees and units followed by their portfolio ("Hovudutval for helse og omsorg")
    named_committee_heads: tuple[str, ...] = ()
    #: heads of committees named in one compound with their portfolio ("kultur- og folkehelseutvalet")
    committee_compound_heads: tuple[str, ...] = ()
    #: heads of an administration's units named by their two fields ("Helse- og omsorgsavdelinga", "Plan og
    #: samfunnsavdelinga")
    unit_heads: tuple[str, ...] = ()
    #: an administration's offices named by their task alone ("Tildelingskontoret", "forvaltningskontoret")
    unit_offices: tuple[str, ...] = ()
    #: capitalised kinds of body that open their name, followed by a proper name ("Stiftelsen Klar Tale", "Bydel
    #: Gamle Oslo")
    name_prefix_bodies: tuple[str, ...] = ()
    #: finite verbs that end a prefixed body's "for ..." name ("Foreningen for hjertesyke barn får støtte")
    name_stop_verbs: tuple[str, ...] = ()
    #: whom a council named "Råd(et) for ..." speaks for ("Rådet for personar med funksjonsnedsetting", "Kommunalt
    #: råd for eldre og personer med funksjonsnedsettelse"): the councils every municipality and county must have
    council_groups: tuple[str, ...] = ()
    #: actor types of the bodies that have a board ("Styret" in their case papers: health trusts and authorities)
    board_owner_types: tuple[str, ...] = ()
    #: words before a county's name written "X fylke" that make it the territory, not the county authority ("i
    #: heile Vestland fylke", "store deler av Vestland fylke")
    place_prepositions: tuple[str, ...] = ()

    @classmethod
    def from_file(cls, path: str | Path) -> "ActorPatterns":
        return cls.from_data(resources.read_json_data(path, what="actor patterns"), source=path)

    @classmethod
    def from_data(cls, data: dict[str, Any], *, source: str | Path) -> "ActorPatterns":
        """Patterns from the parsed JSON of a pattern file (``source`` names it in errors)."""
        resources.require_fields(data, cls.__dataclass_fields__, source=source, what="actor patterns")
        return cls(
            role_heads=tuple(data["role_heads"]),
            role_modifiers=tuple(data["role_modifiers"]),
            affiliation_prepositions=tuple(data["affiliation_prepositions"]),
            parties=tuple(data["parties"].items()),
            speech_verbs=tuple(data["speech_verbs"]),
            according_to=tuple(data["according_to"]),
            pronouns=tuple(data["pronouns"]),
            name_stopwords=frozenset(data["name_stopwords"]),
            suffix_bodies=tuple((k, tuple(v)) for k, v in data["suffix_bodies"].items()),
            suffix_body_exclusions=frozenset(data["suffix_body_exclusions"]),
            generic_bodies=tuple((k, tuple(v)) for k, v in data["generic_bodies"].items()),
            entity_junk=frozenset(data["entity_junk"]),
            institution_heads=tuple(data.get("institution_heads", ())),
            entity_measure_heads=tuple(data.get("entity_measure_heads", ())),
            **{name: tuple(data.get(name, ())) for name in _OPTIONAL_LISTS},
        )

    @property
    def party_names(self) -> dict[str, str | None]:
        """Party abbreviation -> gazetteer id of the party (None when the party is not in the gazetteer)."""
        return dict(self.parties)


_OPTIONAL_LISTS = ("speech_verb_lemmas", "company_suffixes", "entity_venue_heads", "region_names", "contact_cues",
                   "possessive_body_heads", "named_committee_heads", "committee_compound_heads", "unit_heads",
                   "unit_offices", "name_prefix_bodies", "name_stop_verbs", "council_groups",
                   "board_owner_types", "place_prepositions")


@lru_cache(maxsize=4)
def load_patterns(path: str | None = None) -> ActorPatterns:
    """The actor patterns at ``path`` (default: the shipped ``helsekg/data/actor_patterns.json``), read once."""
    if path is None:
        return ActorPatterns.from_data(resources.load_data(PATTERNS_FILE), source=resources.data_path(PATTERNS_FILE))
    return ActorPatterns.from_file(path)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(set(words), key=len, reverse=True))


# Norwegian letters and those of names from the neighbouring languages ("Mímir Kristjánsson", "Þórunn")
_LOWER = "a-zæøåäöüéèáóçíúýðþñëïâêôûà"
_UPPER = "A-ZÆØÅÄÖÜÉÁÍÚÝÐÞÓÑ"
_NAME_TOKEN = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_NAME_PART = rf"(?:{_NAME_TOKEN}|[{_UPPER}]\.)"
# the dashes that open a quote paragraph: en and em dash, hyphen, minus sign (U+2212), horizontal bar
_DASH = "[–—\\-−―]"


@lru_cache(maxsize=8)
def actor_regexes(patterns: ActorPatterns) -> dict[str, re.Pattern[str]]:
    """Compiled regular expressions for one set of word lists."""
    heads = _alt(patterns.role_heads)
    mods = _alt(patterns.role_modifiers)
    # "PRO-leder", "IKT-rådgiver": an acronym may open the compound
    role_core = (
        rf"(?:(?:{mods})[^\S\n]+)?(?:[{_LOWER}]+-(?:[^\S\n]+og|,)[^\S\n]+)*"
        rf"(?:[{_LOWER}]+-?[^\S\n]+og[^\S\n]+)?(?:(?-i:[{_UPPER}]{{2,5}})-)?[{_LOWER}]*(?:{heads})"
    )
    role = (
        rf"(?i:{role_core}(?:en)?"
        rf"(?:[^\S\n]+for[^\S\n]+[{_LOWER}-]+(?:(?:,|[^\S\n]+og)[^\S\n]+[{_LOWER}-]+){{0,4}})?)"
    )
    # "leiar for helse og omsorg stab Gullborg O. Rekve": a portfolio of plain lower-case words, then a name
    role_portfolio = rf"(?i:{role_core}(?:en)?)[^\S\n]+for(?:[^\S\n]+(?:og[^\S\n]+)?[{_LOWER}][{_LOWER}-]*,?){{1,6}}"
    full_name = rf"{_NAME_TOKEN}(?:[^\S\n]+{_NAME_PART}){{0,2}}[^\S\n]+{_NAME_TOKEN}"
    name_party = rf"{full_name}(?:[^\S\n]+\([A-Za-zÆØÅæøå]{{1,4}}\))?"
    any_name = rf"{_NAME_TOKEN}(?:[^\S\n]+{_NAME_PART}){{0,2}}(?:[^\S\n]+{_NAME_TOKEN})?"
    party = r"(?:[^\S\n]+\((?P<party>[A-Za-zÆØÅæøå]{1,4})\))?"
    preps = _alt(patterns.affiliation_prepositions + ("av",))
    verbs = _alt(patterns.speech_verbs)
    pronouns = _alt(patterns.pronouns)
    according = _alt(patterns.according_to)
    org_comma = rf"(?:[^\S\n]+(?:{preps})[^\S\n]+[{_UPPER}][^,.;:\n]{{1,60}}?,)?"
    # "seier eldreombodet", "sier statsråden": a definite role noun refers back to the person holding it
    single_heads = _alt(h for h in patterns.role_heads if re.fullmatch(r"[^\W\d_]+", h))
    definite_role = rf"[{_LOWER}]*(?:{single_heads})(?:en|et|a|n)"
    speaker = (
        rf"(?:(?P<role>{role}){org_comma}[^\S\n]+)?(?P<name>(?i:{definite_role})(?![\w-])|{any_name}|(?i:{pronouns})\b)"
        rf"(?:[^\S\n]+\((?P<party>[A-Za-zÆØÅæøå]{{1,4}})\))?"
        rf"(?:,[^\S\n]+(?P<approle>{role})(?:[^\S\n]+(?:{preps})[^\S\n]+[^,.;:\n]{{1,80}}?)?(?=[^\S\n]*[.,;:!?]|$))?"
    )
    speaker_start = (
        rf"(?<![\w-])(?:(?P<role>{role})[^\S\n]+)?"
        rf"(?P<name>(?i:{definite_role})(?![\w-])|{any_name}|(?:{pronouns}|{pronouns.title()})\b){party}"
    )
    # a dash quote opens a line, or a paragraph's next sentence ("... i dag. – Vi er glade, seier ...")
    # "– Vi ...", and also "-Vi ..." with no space (a typed hyphen right before the quote), at a line's start or after
    # a sentence ("... i 2011. -Jeg er meget glad ..., slo fylkestannlegen fast.")
    dash_open = (rf"(?:^[^\S\n]*{_DASH}(?:[^\S\n]+|(?=[{_UPPER}«\"]))"
                 rf"|(?<=[.!?])[^\S\n]+{_DASH}(?:[^\S\n]+|(?=[{_UPPER}«])))")
    suffix_all = _alt(w for _, words in patterns.suffix_bodies for w in words)
    generic = _alt(w for _, words in patterns.generic_bodies for w in words)
    return {
        "role_name": re.compile(rf"(?<![\w-])(?P<role>{role})[^\S\n]+(?P<name>{full_name}){party}"),
        "role_org_name": re.compile(
            # "Nestleiar i styret, Anne Sissel Faugstad": a body in lower case too
            rf"(?<![\w-])(?P<role>{role})[^\S\n]+(?P<prep>{preps})[^\S\n]+"
            rf"(?P<org>[^\W\d_](?:[^,.;:\n]|\.(?=[^\S\n]+[{_UPPER}])){{1,60}}?),"
            rf"[^\S\n]+(?P<name>{full_name}){party}"
        ),
        "role_word": re.compile(role),
        "definite_role": re.compile(rf"(?i:{definite_role})"),
        "role_portfolio_name": re.compile(
            rf"(?<![\w-])(?P<role>{role_portfolio})[^\S\n]+(?P<name>{full_name}){party}"),
        # "stortingsrepresentantene Kari Nordmann og Ola Nordmann": a plural role before coordinated names
        "role_plural_names": re.compile(
            rf"(?<![\w-])(?P<role>(?i:{role_core}))(?i:ene|ane)[^\S\n]+"
            rf"(?P<names>{name_party}(?:(?:,[^\S\n]+|[^\S\n]+og[^\S\n]+){name_party}){{1,8}})"
        ),
        "coordinated_name": re.compile(rf"(?P<name>{full_name})(?:[^\S\n]+\((?P<party>[A-Za-zÆØÅæøå]{{1,4}})\))?"),
        # a signature: "Morten Lang-Ree" over "administrerende direktør", or both on a line of their own ("Cathrine M.
        # Lofthus administrerende direktør"); a second title after a slash ("Direktør/ Fylkeslege") stays out
        "signature": re.compile(
            rf"^[^\S\n]*(?P<name>{full_name}){party}(?:[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*|[^\S\n]+)"
            rf"(?P<role>(?i:{role_core}))"
            rf"(?:[^\S\n]*/[^\S\n]*(?i:{role_core}))?[^\S\n]*$", re.MULTILINE),
        # "Saksbehandler: May Fagerland Arkiv: G70": a case file's header flattened on one line, the next field after
        "role_field": re.compile(
            rf"(?<![\w-])(?P<role>(?i:{role_core}))[^\S\n]*:[^\S\n]*(?P<name>{full_name}){party}"
            rf"(?=[^\S\n]+[{_UPPER}][\w.]*(?:[^\S\n]+[{_UPPER}][\w.]*)?[^\S\n]*:)"),
        # "sier fagdirektør i Helse Midt-Norge RHF Henrik Sandbu": a role and its body right before the name, no comma
        "role_prep": re.compile(rf"(?<![\w-])(?P<role>{role})[^\S\n]+(?P<prep>{preps})[^\S\n]+"),
        "name_after_org": re.compile(rf"[^\S\n]+(?P<name>{full_name}){party}"),
        # "Kari Nordmann er tilsett som prosjektleiar", "... ble valgt som leder": the role a person is given
        "appointed_as": re.compile(
            rf"(?<![\w-])(?P<name>{full_name}){party}[^\S\n]+(?:er|blir|vert|ble|blei|vart)[^\S\n]+"
            rf"(?:(?:no|nå|også|òg)[^\S\n]+)?(?:tilsett|tilsatt|ansatt|engasjert|konstituert|utnemnd|utnevnt|valt|"
            rf"valgt)[^\S\n]+som[^\S\n]+(?P<role>{role})"),
        # "Saksbehandler: Kari Nordmann" on a line of its own (a case file's header)
        "role_line": re.compile(
            rf"^[^\S\n]*(?P<role>(?i:{role_core}))[^\S\n]*:[^\S\n]*(?P<name>{full_name}){party}[^\S\n]*$", re.MULTILINE
        ),
        "name_party": re.compile(rf"(?<![\w-])(?P<name>{full_name})[^\S\n]+\((?P<party>[A-Za-zÆØÅæøå]{{1,4}})\)"),
        # "• Håkon Matre (leiar)": a member list with each role in parentheses; in the Storting's minutes after the
        # party and the time: "Kari Nordmann (A) [13:09:04] (ordfører for saken):"
        "name_paren_role": re.compile(
            rf"(?<![\w-])(?P<name>{full_name}){party}(?:[^\S\n]+\[[\d:. ]{{0,12}}\]:?)?"
            # "(komiteens leder)": a genitive before the role
            rf"[^\S\n]+\((?P<role>(?:[{_LOWER}]+s[^\S\n]+)?{role}(?:[^\S\n]+(?:{preps}|for)[^\S\n]+[^()\n]{{1,40}}?)?)"
            # "(økonomisjef, Stord kommune)": the body after a comma; "(dagleg leiar RNHI)": its acronym
            rf"(?:,[^\S\n]+[{_UPPER}][^()\n]{{1,50}}|[^\S\n]+(?-i:[{_UPPER}]{{2,8}}))?\)"),
        "institution": re.compile(
            rf"(?<![\w-])(?P<body>(?P<place>[{_UPPER}][{_LOWER}]+(?:[- ][{_UPPER}][{_LOWER}]+)?)[^\S\n]+"
            rf"(?:{_alt(patterns.institution_heads) or 'sykehus'}))(?![\w-])"
        ),
        "municipality_list": re.compile(
            rf"(?<![\w-])(?i:kommunene|kommunane|kommunen):?[^\S\n]+(?P<list>[{_UPPER}][\w-]+"
            rf"(?:(?:,[^\S\n]*|[^\S\n]+og[^\S\n]+)[{_UPPER}][\w-]+){{0,20}})"
        ),
        "apposition": re.compile(
            rf"(?<![\w-])(?P<name>{full_name}){party},[^\S\n]+(?:som[^\S\n]+(?:er|var)[^\S\n]+)?(?P<role>{role})"
            # "..., viseadministrerande direktør Helse Møre og Romsdal": the body may follow with no preposition
            rf"(?=(?:[^\S\n]+(?:(?:{preps})[^\S\n]+[^,.;:\n]{{1,80}}?|[{_UPPER}][^,.;:\n]{{1,60}}?))?"
            rf"(?:[^\S\n]*[,.;:)]|[^\S\n]+(?:og|sier|seier|mener|meiner|er|var)\b|$))",
            re.MULTILINE,
        ),
        "affiliation": re.compile(rf"[^\S\n]+(?:{preps})[^\S\n]+"),
        # "kultur- og folkehelseutvalet", "regional-, kultur og næringsutvalget", "sosialkomiteen": a committee named
        # by its portfolio in one compound, coordinated parts before it only after a hyphenated first part
        "committee_compound": re.compile(
            rf"(?<![\w-])(?P<body>(?:(?:[\w]+-,?[^\S\n]+)+(?:(?:og|eller)[^\S\n]+|[\w]+[^\S\n]+og[^\S\n]+)?)?"
            rf"(?P<word>[\w]{{3,}}(?:{_alt(patterns.committee_compound_heads) or '(?!)'})))(?![\w-])"
        ),
        "suffix_body": re.compile(
            rf"(?<![\w-])(?P<body>[{_UPPER}0-9][\w]*(?:-[\w]+)*?(?:-)?(?:{suffix_all}))(?![\w-])"
        ),
        "municipality": re.compile(
            rf"(?<![\w-])(?P<body>(?P<place>[{_UPPER}][{_LOWER}]+(?:[- ][{_UPPER}][{_LOWER}]+)?)[^\S\n]+"
            rf"(?P<kind>fylkeskommunes?|kommunes?|herads?))(?![\w-])"
        ),
        "helse": re.compile(
            rf"(?<![\w-])(?P<body>Helse[^\S\n]+(?P<x>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)(?:[^\S\n]+(?:RHF|HF))?)(?![\w-])"
        ),
        "statsforvalter": re.compile(
            rf"(?<![\w-])(?P<body>(?:Statsforvalteren|Statsforvaltaren|Fylkesmannen)[^\S\n]+i[^\S\n]+(?P<place>[{_UPPER}][\w-]+"
            rf"(?:[^\S\n]+og[^\S\n]+[{_UPPER}][\w-]+)?))(?![\w-])"
        ),
        "city_body": re.compile(
            rf"(?<![\w-])(?P<body>(?P<kind>[Bb]yrådet|[Bb]ystyret)[^\S\n]+i[^\S\n]+(?P<place>[{_UPPER}][{_LOWER}]+))(?![\w-])"
        ),
        "generic": re.compile(rf"(?<![\w-])(?P<body>(?i:{generic}))(?![\w-])"),
        # "Helse- og omsorgsavdelinga", "Plan og samfunnsavdelinga": a unit named by its two fields
        "unit": re.compile(
            rf"(?<![\w-])(?P<body>[{_UPPER}][{_LOWER}]+-?[^\S\n]+og[^\S\n]+[{_LOWER}]+"
            rf"(?:{_alt(patterns.unit_heads)}))(?![\w-])"
        ) if patterns.unit_heads else re.compile(r"(?!)"),
        "unit_office": re.compile(rf"(?<![\w-])(?P<body>(?i:{_alt(patterns.unit_offices)}))(?![\w-])")
        if patterns.unit_offices else re.compile(r"(?!)"),
        # "Stiftelsen Klar Tale", "Bydel St. Hanshaugen": the kind of body, then its proper name (1-4 capitalised words;
        # a genitive's noun in any case: "Foreningen Norges døvblinde"); or "for" and what the body is for, up to the
        # punctuation that closes the name ("Landsforeningen for hjerte- og lungesyke (pkt. 11.1.): kr 500 000")
        "prefixed_body": re.compile(
            rf"(?<![\w-])(?P<body>(?:{_alt(patterns.name_prefix_bodies)})[ \u00a0]+"  # a tab parts cells, not words
            rf"(?:[{_UPPER}][\w-]*\.?(?:[ \u00a0]+[{_UPPER}][\w-]*){{0,3}}(?:(?<=[^\Ws]s)[ \u00a0]+[{_LOWER}][\w-]*)?"
            rf"(?<!\.)(?![\w-])"
            rf"|for(?:[ \u00a0]+(?!(?:{_alt(patterns.name_stop_verbs) or '(?!)'})(?![\w-]))[\w/-]+){{1,6}}"
            rf"(?=[ \u00a0]*(?:[(:]|$))))",
            re.MULTILINE,
        ) if patterns.name_prefix_bodies else re.compile(r"(?!)"),
        # "Rådet for personar med funksjonsnedsetting", "Kommunalt råd for personer med funksjonsnedsettelse"
        "statutory_council": re.compile(
            rf"(?<![\w-])(?P<body>(?:(?:Kommunalt|Fylkeskommunalt|Kommunale|Fylkeskommunale|Felles)[^\S\n]+råd(?:et)?"
            rf"|Råd(?:et)?)[^\S\n]+for[^\S\n]+(?i:{_alt(patterns.council_groups)}))(?![\w-])"
        ) if patterns.council_groups else re.compile(r"(?!)"),
        "named_committee": re.compile(
            rf"(?<![\w-])(?P<body>(?:{_alt(patterns.named_committee_heads) or 'Hovudutval'})(?:[^\S\n]+for)?[^\S\n]+"
            # the portfolio is no function word ("Styringsgruppa til prosjektet", "Hovudutvalet har ...")
            rf"(?!(?:til|i|på|av|med|om|som|og|har|er|var|skal|vil|kan|har|vedtok|ble|vart|blei)(?![\w-]))"
            rf"[{_LOWER}][{_LOWER}-]*(?:(?:,[^\S\n]+|[^\S\n]+og[^\S\n]+)[{_LOWER}][{_LOWER}-]*){{0,3}})(?![\w-])"
        ),
        # after a body's name: "sitt ungdomsråd" (Nynorsk s-less genitive) or " brukarutval" after an s-genitive
        "possessive_tail": re.compile(
            rf"(?P<poss>[^\S\n]+(?:sitt|si|sine))?[^\S\n]+"
            rf"(?P<head>[{_LOWER}]{{2,}}(?:{_alt(patterns.possessive_body_heads) or 'råd'}))(?![\w-])"
        ),
        # "Valen, Stord og <Odda sjukehus>": the places before a coordinated institution share its head noun
        "place_list_before": re.compile(
            rf"(?P<items>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?(?:,[^\S\n]+[{_UPPER}][{_LOWER}]+"
            rf"(?:-[{_UPPER}][{_LOWER}]+)?){{0,6}})[^\S\n]+og[^\S\n]+\Z"
        ),
        "dash_quote": re.compile(
            rf"{dash_open}(?P<quote>[^\n]+?)(?:,|(?<=[?!]))[^\S\n]+(?:{verbs})[^\S\n]+{speaker}",
            re.MULTILINE,
        ),
        # "– ... god folkehelsepolitikk sier Brustad." (no comma): the attribution must close the sentence
        "dash_quote_bare": re.compile(
            rf"{dash_open}(?P<quote>[^\n]+?[{_LOWER}0-9])[^\S\n]+(?:{verbs})[^\S\n]+{speaker}"
            rf"(?=[^\S\n]*[.!?][^\S\n]*$)",
            re.MULTILINE,
        ),
        # any verb in the attribution slot, kept when its lemma is a speech verb (``speech_verb_lemmas``)
        "dash_quote_any_verb": re.compile(
            rf"{dash_open}(?P<quote>[^\n]+?)(?:,|(?<=[?!]))[^\S\n]+(?P<verb>[{_LOWER}]+)[^\S\n]+{speaker}"
            rf"(?:[^\S\n]+(?:på|til|fast|vidare|videre))?(?=[^\S\n]*[.!?][^\S\n]*$)",
            re.MULTILINE,
        ),
        "dash_line": re.compile(rf"^[^\S\n]*{_DASH}[^\S\n]+(?P<quote>[^\n]+?)[^\S\n]*$", re.MULTILINE),
        # «...», and the typographic “...” some publishers use
        "guillemet_after": re.compile(rf"[«“](?P<quote>[^»”\n]{{2,}}?)[»”],?[^\S\n]+(?:{verbs})[^\S\n]+{speaker}"),
        "guillemet_before": re.compile(
            rf"{speaker_start}[^\S\n]+(?:{verbs})[^\S\n]*:[^\S\n]*[«“](?P<quote>[^»”\n]{{2,}}?)[»”]"
        ),
        "according": re.compile(
            rf"(?<![\w-])(?i:{according})[^\S\n]+(?:(?P<role>{role})[^\S\n]+)?(?P<name>{any_name}){party}"
        ),
        "sentence_end": re.compile(r"[.!?](?=\s|$)|\n"),
    }


# --------------------------------------------------------------------------------------------
# The spaCy component
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorRef:
    """Who an actor span names; ``span._.actor``.

    ``source`` tells how it was found: "gazetteer", "pattern", "role" (a person with a role), "generic"
    (regjeringen, departementet, byrådet: resolved per document by :func:`find_actors`) or "model"
    (a named entity of the trained model).
    """

    key: str
    label: str
    kind: ActorKind
    type: str
    source: str
    role: str | None = None
    party: str | None = None
    affiliation: str | None = None
    affiliation_text: str | None = None
    place: str | None = None
    #: the role as this mention writes it ("stortingsrepresentantene", "Ordføraren" -> "ordføraren"); ``role`` is its
    #: indefinite singular ("stortingsrepresentant", "ordførar")
    role_written: str | None = None


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    ref: ActorRef
    #: found by the model (even when the gazetteer resolved it): loses to every rule-based candidate
    from_model: bool = False


@Language.factory(
    "helsekg_actors",
    assigns=["doc.spans", "span._.actor"],
    requires=[],
    default_config={
        "spans_key": extensions.ACTORS_KEY,
        "use_entities": True,
        "gazetteer_path": None,
        "patterns_path": None,
    },
)
def make_actors(
    nlp: Language,
    name: str,
    spans_key: str,
    use_entities: bool,
    gazetteer_path: str | None,
    patterns_path: str | None,
) -> "ActorRecognizer":
    """spaCy factory for :class:`ActorRecognizer`."""
    return ActorRecognizer(
        nlp, spans_key=spans_key, use_entities=use_entities, gazetteer_path=gazetteer_path, patterns_path=patterns_path
    )


class ActorRecognizer:
    """Mark actor mentions: gazetteer, patterns, persons with roles and (when present) model entities.

    The data files are read in :meth:`initialize`, or on first use when the pipeline was not
    initialised (``spacy.load`` + ``add_pipe``); the shipped files are read once per process.
    """

    def __init__(
        self,
        nlp: Language,
        *,
        spans_key: str = extensions.ACTORS_KEY,
        use_entities: bool = True,
        gazetteer_path: str | None = None,
        patterns_path: str | None = None,
    ) -> None:
        self.nlp = nlp
        self.spans_key = spans_key
        self.use_entities = use_entities
        self.gazetteer_path = gazetteer_path
        self.patterns_path = patterns_path
        self.gazetteer: Gazetteer | None = None
        self.patterns: ActorPatterns | None = None
        self._lower: PhraseMatcher | None = None
        self._exact: PhraseMatcher | None = None
        self._places: frozenset[str] | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        gazetteer_path: str | None = None,
        patterns_path: str | None = None,
    ) -> None:
        """Read the gazetteer and patterns and build the phrase matchers."""
        self.gazetteer_path = gazetteer_path or self.gazetteer_path
        self.patterns_path = patterns_path or self.patterns_path
        self.gazetteer = load_gazetteer(self.gazetteer_path)
        self.patterns = load_patterns(self.patterns_path)
        vocab = self.nlp.vocab
        self._places = None
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        make = self.nlp.make_doc
        for entry in self.gazetteer.entries:
            lower, exact = [], []
            for name in entry.names:
                forms = (name, _genitive(name))
                target = exact if _is_exact(name, entry) else lower
                target.extend(make(form) for form in forms if form)
            if lower:
                self._lower.add(entry.id, lower)
            if exact:
                self._exact.add(entry.id, exact)

    def _ready(self) -> tuple[Gazetteer, ActorPatterns, PhraseMatcher, PhraseMatcher]:
        if self._lower is None or self._exact is None or self.gazetteer is None or self.patterns is None:
            self.initialize()
        assert self.gazetteer and self.patterns and self._lower and self._exact
        return self.gazetteer, self.patterns, self._lower, self._exact

    def __call__(self, doc: Doc) -> Doc:
        gazetteer, patterns, lower, exact = self._ready()
        candidates = list(_gazetteer_candidates(doc, gazetteer, lower, exact, patterns.place_prepositions))
        # same length as doc.text: offsets hold, but "rådet\u00ad" ends at "t" for the patterns (issue 17)
        text = mask_invisible(extensions.doc_text(doc))
        candidates += _pattern_candidates(text, gazetteer, patterns)
        orgs = [c for c in candidates if c.ref.kind == "organisation"]
        candidates += _possessive_bodies(text, [c for c in orgs if c.ref.source in ("gazetteer", "pattern")], patterns)
        candidates += _person_candidates(text, patterns, orgs, gazetteer)
        if self.use_entities and doc.has_annotation("ENT_IOB"):
            names = {c.ref.label.split()[-1] for c in candidates if c.ref.kind == "person"}
            if self._places is None:
                self._places = region_names(gazetteer, patterns)
            candidates += _entity_candidates(doc, gazetteer, patterns, person_names=names, places=self._places)
        spans = []
        for cand in _select(candidates):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None:  # pragma: no cover - expand aligns on non-empty text
                continue
            span._.actor = cand.ref
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _genitive(name: str) -> str | None:
    """The s-genitive of a name ("Helsedirektoratet" -> "Helsedirektoratets"); None for abbreviations."""
    if name.isupper() or name.endswith(("s", "x", "z")) or len(name) <= 3:
        return None
    return name + "s"


def _is_exact(name: str, entry: GazetteerEntry) -> bool:
    """Abbreviations and mixed-case names match case-sensitively ("KS", "Nav", "Mental Helse")."""
    if name in entry.exact or len(name) <= 5:
        return True
    return any(ch.isupper() for word in name.split() for ch in word[1:]) and not name.islower()


def _sentence_initial(doc: Doc, span: Span) -> bool:
    """True when the span opens a sentence, a line or a dash-introduced quote."""
    if doc.has_annotation("SENT_START") and doc[span.start].is_sent_start:
        return True
    before = extensions.doc_text(doc)[: span.start_char].rstrip(" \t")
    return not before or before.endswith(("\n", ".", "!", "?", ":", "–", "—", "\n-", "«"))


def _gazetteer_candidates(doc: Doc, gaz: Gazetteer, lower: PhraseMatcher, exact: PhraseMatcher,
                          place_prepositions: tuple[str, ...] = ()) -> Iterator[_Candidate]:
    seen: set[tuple[int, int, str]] = set()
    for matcher in (exact, lower):
        for match_id, start, end in matcher(doc):
            actor_id = doc.vocab.strings[match_id]
            entry = gaz.by_id[actor_id]
            span = doc[start:end]
            if (span.start_char, span.end_char, actor_id) in seen:
                continue
            seen.add((span.start_char, span.end_char, actor_id))
            if entry.not_sentence_initial and _sentence_initial(doc, span):
                continue
            if (entry.type == "county" and span[-1].lower_ == "fylke" and span.start > 0
                    and doc[span.start - 1].lower_ in place_prepositions):
                continue  # "i heile Vestland fylke": the territory, not the county authority
            yield _Candidate(span.start_char, span.end_char, _entry_ref(entry, source="gazetteer"))


def _entry_ref(entry: GazetteerEntry, *, source: str) -> ActorRef:
    return ActorRef(entry.id, entry.label, "organisation", entry.type, source, place=entry.place)


def _pattern_candidates(text: str, gaz: Gazetteer, patterns: ActorPatterns) -> list[_Candidate]:
    rx = actor_regexes(patterns)
    out: list[_Candidate] = []

    def org(match: re.Match[str], label: str, type_: str) -> None:
        entry = gaz.lookup(label)
        ref = _entry_ref(entry, source="gazetteer") if entry else ActorRef(slugify(label), label, "organisation", type_, "pattern")
        out.append(_Candidate(match.start("body"), match.end("body"), ref))

    kinds = {word: kind for kind, words in patterns.suffix_bodies for word in words}
    for m in rx["suffix_body"].finditer(text):
        body = m.group("body")
        if body in patterns.suffix_body_exclusions or body.split("-")[0] in patterns.name_stopwords:
            continue
        suffix = next(w for w in sorted(kinds, key=len, reverse=True) if body.endswith(w))
        if len(body) <= len(suffix) + 1:
            continue
        label = body[:-1] if suffix.endswith("s") else body
        org(m, label, kinds[suffix] if not suffix.endswith("s") else kinds[suffix[:-1]] if suffix[:-1] in kinds else "council")
    for m in rx["municipality"].finditer(text):
        place = m.group("place")
        if any(word in patterns.name_stopwords or word in _DETERMINERS for word in re.split(r"[- ]", place)):
            continue
        kind = m.group("kind").rstrip("s")
        label = f"{place} {kind}"
        entry = gaz.lookup(label) or (gaz.municipality(place) if kind in ("kommune", "herad") else None)
        if entry is not None:
            out.append(_Candidate(m.start("body"), m.end("body"), _entry_ref(entry, source="gazetteer")))
        else:
            ref = ActorRef(slugify(label), label, "organisation", "county" if kind == "fylkeskommune" else "municipality",
                           "pattern", place=place)
            out.append(_Candidate(m.start("body"), m.end("body"), ref))
    for m in rx["helse"].finditer(text):
        if m.group("x") in patterns.name_stopwords:
            continue
        org(m, m.group("body"), "health_trust" if m.group("body").endswith(" HF") else "health_authority")
    for m in rx["statsforvalter"].finditer(text):
        label = "Statsforvalteren i " + m.group("place")
        if m.group("body").startswith("Fylkesmannen"):
            label = "Fylkesmannen i " + m.group("place")
        org(m, label, "agency")
    for m in rx["city_body"].finditer(text):
        noun = m.group("kind").capitalize()
        label = f"{noun} i {m.group('place')}"
        ref = ActorRef(slugify(label), label, "organisation", "city_government" if noun == "Byrådet" else "city_council",
                       "pattern", place=m.group("place"))
        out.append(_Candidate(m.start("body"), m.end("body"), ref))
    for m in rx["institution"].finditer(text):
        words = re.split(r"[- ]", m.group("place"))
        if any(w in patterns.name_stopwords or w in _DETERMINERS for w in words):
            continue
        org(m, m.group("body"), "hospital")
        out.extend(_coordinated_institutions(text, m, gaz, patterns))
    out.extend(_recipient_municipalities(text, gaz, tuple(h.lower() for h in patterns.institution_heads)))
    for m in rx["municipality_list"].finditer(text):
        position = m.start("list")
        for place in re.split(r"(,\s*|\s+og\s+)", m.group("list")):
            ref = _municipality_ref(place, gaz) if place[:1].isupper() else None
            if ref is not None:
                out.append(_Candidate(position, position + len(place), ref))
            position += len(place)
    generic_words = {word.lower() for _, words in patterns.generic_bodies for word in words}
    for m in rx["committee_compound"].finditer(text):
        word = m.group("word").lower()
        if word in generic_words or any(word == h for h in patterns.committee_compound_heads):
            continue  # "fylkesutvalget": a body by its kind (generic); "utvalget" alone too
        label = re.sub(r"\s+", " ", m.group("body"))
        out.append(_Candidate(m.start("body"), m.end("body"),
                              ActorRef(slugify(label), label, "organisation", "committee", "pattern")))
    for pattern in ("unit", "unit_office"):
        for m in rx[pattern].finditer(text):
            body = m.group("body")
            label = body[:1].upper() + body[1:]
            out.append(_Candidate(m.start("body"), m.end("body"),
                                  ActorRef(slugify(label), label, "organisation", "administrative_unit", "pattern")))
    for m in rx["statutory_council"].finditer(text):
        label = re.sub(r"\s+", " ", m.group("body"))
        out.append(_Candidate(m.start("body"), m.end("body"),
                              ActorRef(slugify(label), label, "organisation", "council", "pattern")))
    for m in rx["named_committee"].finditer(text):
        label = re.sub(r"\s+", " ", m.group("body"))
        out.append(_Candidate(m.start("body"), m.end("body"),
                              ActorRef(slugify(label), label, "organisation", "committee", "pattern")))
    for m in rx["prefixed_body"].finditer(text):
        label = re.sub(r"\s+", " ", m.group("body"))
        out.append(_Candidate(m.start("body"), m.end("body"),
                              ActorRef(slugify(label), label, "organisation", "organisation", "pattern")))
    generic = {word.lower(): kind for kind, words in patterns.generic_bodies for word in words}
    for m in rx["generic"].finditer(text):
        kind = generic[m.group("body").lower()]
        ref = ActorRef(kind, m.group("body"), "organisation", kind, "generic")
        out.append(_Candidate(m.start("body"), m.end("body"), ref))
    return out


#: one or more capitalised names, coordinated ("Sola, Klepp og Time")
_PLACES = rf"(?P<places>[{_UPPER}][\w-]+(?:(?:,[^\S\n]*|[^\S\n]+og[^\S\n]+)[{_UPPER}][\w-]+)*)"
#: a money figure of a table cell: "117 000,-", "kr 30 000", "650 000 0" (a row's later figures)
_FIGURE = r"(?:kr\.?[^\S\n]*)?\d{1,3}(?:[ \u00a0.]\d{3})+(?:,-)?"
#: a row of an allocation table: a municipality's name right before the row's money figure(s) at the line's end
#: ("Lyngen 117 000,-", "Ungdomsskapte folkehelsetiltak Ringsaker 650 000 0", "Sola, Klepp og Time  240 000 kr")
_ROW_PLACE = re.compile(
    rf"(?m)(?<![\w-]){_PLACES}(?:[^\S\n]+(?:kommune|herad))?:?[^\S\n]+{_FIGURE}"
    r"(?:[^\S\n]+\d{1,3}(?:[ \u00a0.]\d{3})*)*[^\S\n]*(?:kr\.?|kroner|,-)?[^\S\n]*$")
#: a cell of its own with only municipality names, the money figure in the next cell ("Gjesdal" / "30 000")
_CELL_PLACE = re.compile(
    rf"(?m)^[^\S\n]*{_PLACES}[^\S\n]*\n(?:[^\S\n]*\n)?[^\S\n]*{_FIGURE}[^\S\n]*(?:kr\.?|kroner)?[^\S\n]*$")
#: a list item (after its marker, :data:`~helsekg.text.layout.BULLET_RE`) that is only municipality names
_ITEM_PLACES = re.compile(rf"{_PLACES}[^\S\n]*$")
_PLACE_PREPOSITION = re.compile(r"(?i)(?<![\w-])(?:i|på|fra|frå|til|for|ved|av|mot|om)[^\S\n]+$")
#: three or more capitalised names coordinated in running text ("Oslo, Bergen, Bodø, Trondheim og Drammen",
#: "Masfjorden , Meland, Modalen"): a comma may stand after a space
_PLACE_SERIES = re.compile(
    rf"(?<![\w-])(?P<places>[{_UPPER}][\w-]+"
    rf"(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+og[^\S\n]+)[{_UPPER}][\w-]+){{2,}})(?![\w-])")
_MUNICIPALITIES_WORD = re.compile(r"(?i)(?<![\w-])kommun(?:e|en|ene|ane|ar|er)(?![\w-])")


def _recipient_municipalities(text: str, gaz: Gazetteer, institution_heads: tuple[str, ...] = ()) -> list[_Candidate]:
    """Municipalities named by their place alone where money is handed out: the rows of an allocation table
    ("Lyngen 117 000,-"; a row whose cells came out one per line: "Gjesdal" / "30 000"), the items of a list
    of municipalities ("Desse kommunane får støtte:" / "• Vestnes") and a series of three or more municipalities in
    running text ("Ti prosjekt fekk støtte, i Askøy, Bergen, Bømlo, ...", "Oslo, Bergen, Bodø og Drammen er med";
    not before an institution noun: "Kongsberg, Drammen og Bærum sykehus"). Every name must be a municipality's (the
    gazetteer's); two municipalities of one name ("Herøy") are one actor of that name."""
    out: list[_Candidate] = []
    found: list[tuple[int, str]] = []
    for pattern in (_ROW_PLACE, _CELL_PLACE):
        for m in pattern.finditer(text):
            if _PLACE_PREPOSITION.search(text, max(0, m.start() - 6), m.start()):
                continue  # "... mestringssentral i Sør-Odal 190 000": a place in the project's name
            found.extend(_places_in(m))
    for line in re.finditer(r"[^\n]+", text):
        bullet = BULLET_RE.match(line.group())
        m = _ITEM_PLACES.match(text, line.start() + bullet.end(), line.end()) if bullet else None
        if m is not None and _MUNICIPALITIES_WORD.search(text, max(0, text.rfind("\n\n", 0, line.start())), m.start()):
            found.extend(_places_in(m))  # under an introduction that speaks of municipalities
    for m in _PLACE_SERIES.finditer(text):
        places = _places_in(m)
        head = re.match(r"[^\S\n]+([^\W\d_]+)", text[m.end():m.end() + 40])
        if head is not None and head.group(1).lower().endswith(institution_heads):
            continue  # "Kongsberg, Drammen og Bærum sykehus": the places name institutions
        if all(gaz.is_municipality(place) for _, place in places):
            found.extend(places)  # a series of municipalities: those taking part, applying or receiving
    for start, place in found:
        ref = _municipality_ref(place, gaz)
        if ref is not None:
            out.append(_Candidate(start, start + len(place), ref))
    return out


def _municipality_ref(place: str, gaz: Gazetteer) -> ActorRef | None:
    """The municipality called ``place``: the gazetteer's entry, or one actor "<place> kommune" when two
    municipalities share the name ("Herøy"); None when no municipality is called so."""
    if not gaz.is_municipality(place):
        return None
    entry = gaz.municipality(place)
    if entry is not None:
        return _entry_ref(entry, source="gazetteer")
    return ActorRef(slugify(f"{place} kommune"), f"{place} kommune", "organisation", "municipality", "pattern",
                    place=place)


def _places_in(m: re.Match[str]) -> list[tuple[int, str]]:
    """(start, name) of each name of the match's ``places`` group ("Sola, Klepp og Time")."""
    return [(m.start("places") + p.start(), p.group()) for p in re.finditer(r"[^\s,]+(?:-[^\s,]+)*", m.group("places"))
            if p.group() != "og"]


def _coordinated_institutions(text: str, m: re.Match[str], gaz: Gazetteer, patterns: ActorPatterns) -> list[_Candidate]:
    """The places coordinated before an institution share its head noun: "Valen, Stord og Odda sjukehus"."""
    head = m.group("body")[len(m.group("place")):].strip()
    window_start = max(0, m.start("body") - 120)
    before = actor_regexes(patterns)["place_list_before"].search(text, window_start, m.start("body"))
    if before is None:
        return []
    out = []
    for item in re.finditer(r"[^,\s][^,]*", before.group("items")):
        place = item.group().strip()
        if place in patterns.name_stopwords or place in _DETERMINERS:
            return []  # "Dette, Stord og Odda sjukehus": not a list of places
        label = f"{place} {head}"
        entry = gaz.lookup(label)
        ref = _entry_ref(entry, source="gazetteer") if entry else ActorRef(slugify(label), label, "organisation",
                                                                           "hospital", "pattern")
        start = before.start("items") + item.start()
        out.append(_Candidate(start, start + len(place), ref))
    return out


def _possessive_bodies(text: str, orgs: list[_Candidate], patterns: ActorPatterns) -> list[_Candidate]:
    """A body a named organisation owns: "Helse Fonna sitt ungdomsråd", "Helse Bergens brukarutval"."""
    rx = actor_regexes(patterns)["possessive_tail"]
    out = []
    for cand in orgs:
        m = rx.match(text, cand.end)
        if m is None or (m.group("poss") is None and not text[cand.start:cand.end].endswith("s")):
            continue
        label = re.sub(r"\s+", " ", text[cand.start:m.end()])
        out.append(_Candidate(cand.start, m.end(), ActorRef(slugify(label), label, "organisation", "council", "pattern")))
    return out


_DETERMINERS = frozenset(
    "Hver Kvar Hvilken Kva Kor Annen Anna Enhver Denne Dette Samme Ny Nytt Nye Vår Vår Din Min Egen Eigen Hele Heile "
    "Én En Ei Ein Eit Et Alle Mange Flere Fleire Hvis Ingen Ingi Noen Nokon Vertskommune Hjemkommune".split()
)


def _person_candidates(text: str, patterns: ActorPatterns, orgs: list[_Candidate], gaz: Gazetteer) -> list[_Candidate]:
    """Persons with a role: "<role> <Name> (<party>)", "<Name>, <role> i <Org>", "direktør <Name> i <Org>",
    "<role> i <Org>, <Name>", and "<Name> (<party>)"; the party in parentheses is an actor too."""
    rx = actor_regexes(patterns)
    parties = patterns.party_names
    org_at = {c.start: c for c in orgs}
    out: list[_Candidate] = []

    def add(m: "re.Match[str] | _Shifted | _Joined", role_text: str | None, *,
            org_span: tuple[int, int] | None = None, as_written: str | None = None) -> None:
        name = _clean_name(m.group("name"), patterns)
        if name is None:
            return
        start = m.start("name")
        party = _party_abbreviation(m.group("party"), parties)
        role = _role_text(role_text, patterns) if role_text else None
        written = _role_written(as_written or role_text) if role_text else None
        affiliation = affiliation_text = None
        if org_span is not None:  # "<role> i <Org>, <Name>"
            org_cand = org_at.get(org_span[0])
            org_text = text[org_span[0]:org_span[1]]
            if org_cand is not None and org_cand.end == org_span[1]:
                affiliation, affiliation_text = org_cand.ref.key, org_text
            suffix = f" {m.group('prep')} {org_text}"  # the role and its written form get the same organisation
            role, written = role + suffix, written + suffix
        elif role is not None:
            after = m.end()
            prep = rx["affiliation"].match(text, after)
            politician = party is not None or re.search(r"minister|statsråd", role) is not None
            if prep and prep.end() in org_at and not politician:
                org_cand = org_at[prep.end()]
                affiliation, affiliation_text = org_cand.ref.key, text[org_cand.start : org_cand.end]
                suffix = f"{text[after:prep.end()]}{affiliation_text}"
                role, written = (re.sub(r"\s+", " ", r + suffix) for r in (role, written))
        ref = ActorRef(slugify(name), name, "person", "person", "role", role=role, party=party,
                       affiliation=affiliation, affiliation_text=affiliation_text, role_written=written)
        out.append(_Candidate(start, start + len(name), ref))
        party_id = parties.get(party) if party else None
        entry = gaz.get(party_id) if party_id else None
        if entry is not None:
            out.append(_Candidate(m.start("party"), m.end("party"), _entry_ref(entry, source="gazetteer")))

    lines = role_lines(text, patterns)
    starts = role_starts(text, lines, patterns)
    for m in scan_starts(rx["role_org_name"], text, starts):
        add(m, m.group("role"), org_span=m.span("org"))
    for m in scan_starts(rx["role_prep"], text, starts):
        org = org_at.get(m.end())
        named = rx["name_after_org"].match(text, org.end) if org is not None else None
        if named is not None:
            add(_Joined(m, named), m.group("role"), org_span=(org.start, org.end))
    for m in scan_starts(rx["role_name"], text, starts):
        add(m, m.group("role"))
    for m in scan_starts(rx["role_portfolio_name"], text, starts):
        add(m, m.group("role"))
    for m in scan_lines(rx["role_line"], text, lines):
        add(m, m.group("role"))
    for m in scan_starts(rx["role_plural_names"], text, starts):  # "stortingsrepresentantene Kari Nordmann og Ola Nordmann"
        offset = m.start("names")
        for n in rx["coordinated_name"].finditer(m.group("names")):
            add(_Shifted(n, offset), m.group("role"), as_written=text[m.start("role"):m.start("names")])
    for m in scan_lines(rx["apposition"], text, lines):
        add(m, m.group("role"))
    for m in scan_lines(rx["name_paren_role"], text, lines):
        add(m, m.group("role"))
    for m in rx["signature"].finditer(text):
        if not any(c.start <= m.start("name") < c.end for c in orgs):  # "Bergen kommune" over "rådmann": a body
            add(m, m.group("role"))
    for m in scan_lines(rx["appointed_as"], text, lines):
        add(m, m.group("role"))
    for m in scan_lines(rx["role_field"], text, lines):
        add(m, m.group("role"))
    for m in rx["name_party"].finditer(text):
        if not rx["role_word"].fullmatch(m.group("name").split()[0]):  # "Helsebyråd Kari Nordmann (H)"
            add(m, None)
    return out


def _party_abbreviation(written: str | None, parties: dict[str, str | None]) -> str | None:
    """The party abbreviation ``written`` in parentheses after a name, as the word list spells it ("AP" and "ap" are
    "Ap", "KRF" is "KrF"), or None when it names no party."""
    if written is None or written in parties:
        return written
    folded = [p for p in parties if p.casefold() == written.casefold()]
    return folded[0] if folded and len({parties[p] for p in folded}) == 1 else None


def role_lines(text: str, patterns: ActorPatterns) -> list[tuple[int, int]]:
    """The lines of ``text`` that hold a role head word ("minister", "direktør", "ordførar"), as (start, end)
    with the line's newline included: the only lines where a pattern with a role can match (issue 18).

    The role patterns never match across a newline, so :func:`helsekg.text.layout.scan_lines` over these lines finds what a scan of
    the whole text finds; tried at every position of a long text they cost more than the rest of the actor
    finder (~30 ms per page-long document).
    """
    words = _role_head_words(patterns.role_heads)
    out = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1  # only "\n" ends a line: the patterns' spaces ([^\S\n]) cross "\r"
        low = text[start:end].lower()
        # a line whose lower case changes its length is scanned whatever it holds (its offsets would not match)
        if len(low) != end - start or any(word in low for word in words):
            out.append((start, end))
        start = end
    return out


def role_starts(text: str, lines: list[tuple[int, int]], patterns: ActorPatterns) -> list[tuple[int, int]]:
    """Where a match of a pattern that opens with a role can start, as (position, end of its line), in order
    (issue 18: the four patterns that open with a role, tried at every position of every role line, cost about
    10 ms per generated document).

    A role is ``[modifier] {"X- og " | "X-, "} ["X og " | "X- og "] [acronym-]letters head``: before each occurrence
    of a head's last word in ``lines`` (:func:`role_lines`; "adm. direktør" counts from "adm."), its word, then
    back over "og" and the word before it, a word ending in "-," and one modifier. A match starts with a letter at
    a word start in that stretch, and :func:`scan_starts` tries only those positions. A line whose lower case changes its
    length gets every position.

    >>> text = "Det sa administrerende helse-, omsorgs- og trygdeminister Ola Nordmann i dag."
    >>> [text[p:p + 6] for p, _ in role_starts(text, [(0, len(text))], load_patterns())]
    ['admini', 'helse-', 'omsorg', 'og try', 'trygde']
    """
    words, prefixes = _role_head_index(patterns.role_heads)
    modifiers = {m.lower() for m in patterns.role_modifiers}
    out: list[tuple[int, int]] = []
    for start, end in lines:
        low = text[start:end].lower()
        if len(low) != end - start:
            out += ((p, end) for p in range(start, end))
            continue
        stretches = []
        for word in words:
            q = low.find(word)
            while q >= 0:
                back = min([q] + [q - len(pre) for pre in prefixes[word] if low.endswith(pre, 0, q)])
                stretches.append((_role_opening(low, back, modifiers), q))
                q = low.find(word, q + 1)
        positions = set()
        for back, q in stretches:
            positions.update(p for p in range(back, q + 1) if low[p].isalpha() and (
                p == 0 and start == 0 or not (text[start + p - 1].isalnum() or text[start + p - 1] in "_-")))
        out += ((start + p, end) for p in sorted(positions))
    return out


def _role_opening(low: str, pos: int, modifiers: set[str]) -> int:
    """The furthest a role whose head word (or head) starts at ``pos`` of the line ``low`` can reach back: the
    start of that word, then over "og" and the word before it, words ending in "-," and one modifier."""

    def previous(at: int) -> tuple[int, str]:  # the white-space-separated word that ends before ``at``
        end = at
        while end > 0 and low[end - 1].isspace():
            end -= 1
        begin = end
        while begin > 0 and not low[begin - 1].isspace():
            begin -= 1
        return begin, low[begin:end]

    begin = pos
    while begin > 0 and not low[begin - 1].isspace():
        begin -= 1
    while True:
        before, word = previous(begin)
        if not word:
            return begin
        if word == "og":
            before, word = previous(before)
            if not word:
                return begin
        elif not word.endswith("-,") and word not in modifiers:
            return begin
        begin = before
        if word in modifiers:
            return begin


def scan_starts(pattern: re.Pattern[str], text: str, starts: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` over the lines of ``starts`` (:func:`role_starts`), trying only its positions: the same
    matches for a pattern that starts only there and never matches across a newline."""
    after = 0
    for pos, end in starts:
        if pos >= after:
            match = pattern.match(text, pos, end)
            if match is not None:
                after = match.end()
                yield match


@lru_cache(maxsize=8)
def _role_head_index(heads: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """:func:`_role_head_words`, and per word the text before it in the heads it ends ("adm. direktør":
    "direktør" -> "adm. ")."""
    words = _role_head_words(heads)
    prefixes: dict[str, set[str]] = {word: set() for word in words}
    for head in heads:
        last = head.split()[-1] if head.split() else ""
        if last and head.lower().endswith(last.lower()) and len(head) > len(last):
            prefixes[last.lower()].add(head[: len(head) - len(last)].lower())
    return words, {word: tuple(sorted(found)) for word, found in prefixes.items()}


@lru_cache(maxsize=8)
def _role_head_words(heads: tuple[str, ...]) -> tuple[str, ...]:
    """One word every match of each head holds: its last word, in lower case ("politisk rådgiver": "rådgiver")."""
    return tuple(sorted({head.split()[-1].lower() for head in heads if head.split()}))


class _Joined:
    """A role match and the name match after its body, read as one match ("fagdirektør i <body> Henrik Sandbu")."""

    def __init__(self, role: re.Match[str], name: re.Match[str]) -> None:
        self._role, self._name = role, name

    def group(self, name: str | int = 0) -> str | None:
        return self._role.group(name) if name in ("role", "prep") else self._name.group(name)

    def start(self, name: str | int = 0) -> int:
        return self._role.start(name) if name in ("role", "prep", 0) else self._name.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._role.end(name) if name in ("role", "prep") else self._name.end(name)


class _Shifted:
    """A match of a sub-string seen at its place in the whole text (``group``, ``start``, ``end``)."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self.match, self.offset = match, offset

    def group(self, name: str | int = 0) -> str | None:
        return self.match.group(name)

    def start(self, name: str | int = 0) -> int:
        return self.match.start(name) + self.offset

    def end(self, name: str | int = 0) -> int:
        return self.match.end(name) + self.offset


def _role_written(raw: str) -> str:
    """A role as written, in lower case at the start ("Ordføraren" -> "ordføraren", "PRO-leder" kept; a header's
    capitals, "SAKSHANDSAMAR", in lower case)."""
    role = re.sub(r"\s+", " ", raw.strip())
    if len(role) > 5 and role.isupper():
        return role.lower()
    if not role[1:2].isupper():
        role = role[0].lower() + role[1:]
    return role


def _role_text(raw: str, patterns: ActorPatterns) -> str:
    """A role as written, in lower case at the start and in its indefinite form ("Ordføraren" -> "ordførar")."""
    role = _role_written(raw)
    head, sep, rest = role.partition(" for ")
    if head.endswith("en") and any(head.endswith(h + "en") for h in patterns.role_heads):
        head = head[:-2]
    return head + sep + rest


def _base_form_word(word: str) -> bool:
    """``word`` is, lower-cased, the base form of a common noun, verb or adjective of the dictionary (Ordbank):
    a heading word the model took for a name ("Velferdsteknologi", "Utanforskap", "Videreutvikle"). Names of bodies
    are definite ("Husbanken", "Riksrevisjonen") or no dictionary words at all."""
    from helsekg.nlp.lemmas import load_table

    low = word.lower()
    if not word[:1].isupper() or word.isupper():
        return False  # "NAV", "SSB": acronyms are names
    table = load_table()
    if any(table.lookup(upos, low, seen=True) == low for upos in ("NOUN", "VERB", "ADJ")):
        return True
    # an indefinite compound the dictionary does not list, ending in a base-form noun of five letters or more
    # ("Velferdsteknologi": "teknologi"); "Helsedirektoratet" ends in a definite form
    return low.isalpha() and any(table.lookup("NOUN", low[i:], seen=True) == low[i:] for i in range(3, len(low) - 4))


def generic_body_word(word: str, patterns: ActorPatterns) -> bool:
    """A body named by its kind alone ("Rådet", "Utvalet", "Styret", "Kommunestyret"): no person's name."""
    low = word.lower()
    return (any(low in words for _, words in patterns.generic_bodies)
            or any(low in words for _, words in patterns.suffix_bodies)
            or low in {h.lower() for h in patterns.possessive_body_heads})


def _dictionary_in_capitals(text: str) -> bool:
    """``text`` is written in capitals and its words are words of the dictionary (Ordbank) in any inflection:
    a heading or form label the model took for a body ("TANNHELSE", "BUDSJETTÅRET", "A STYREMØTE"). An acronym
    is no dictionary word, or one whose lemma is itself in capitals ("UNICEF"); short words ("NAV", "SAKA") are left
    alone, as they may be acronyms. A word may be a compound of two dictionary words ("STYRESAK")."""
    from helsekg.nlp.lemmas import load_table

    if not text.isupper():
        return False
    words = [w for w in re.findall(r"\w+", text) if len(w) > 1]
    if not words or max(len(w) for w in words) < 5:
        return False
    table = load_table()

    def known(word: str) -> bool:
        lemmas = [table.lookup(upos, word, seen=True) for upos in ("NOUN", "VERB", "ADJ")]
        return any(lemma is not None and lemma.islower() for lemma in lemmas)

    # a word, or a compound of two ("STYRESAK": "styre" + "sak")
    return all(known(w) or any(known(w[:i]) and known(w[i:]) for i in range(4, len(w) - 2)) for w in words)


def _clean_name(name: str, patterns: ActorPatterns) -> str | None:
    """Drop trailing stopwords/abbreviations from a captured name; None when no two-word name is left."""
    words = name.split()
    while words and (words[-1] in patterns.name_stopwords or words[-1].endswith(".")):
        words.pop()
    if len(words) < 2 or words[0] in patterns.name_stopwords:
        return None
    return name[: name.index(words[-1]) + len(words[-1])] if words else None


def _entity_candidates(doc: Doc, gaz: Gazetteer, patterns: ActorPatterns, *,
                       person_names: set[str] = frozenset(), places: frozenset[str] | None = None) -> list[_Candidate]:
    out = []
    places = region_names(gaz, patterns) if places is None else places
    doc_text = extensions.doc_text(doc)
    glossed = _glossed_acronyms(doc_text, gaz, patterns)
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        text = ent.text.strip()
        if kind is None or len(text) < 2 or "\n" in text or text in patterns.entity_junk:
            continue
        if kind != "person" and text in glossed:
            continue  # "psykisk helsevern (PH)", "Kompetansesenter i lindrande behandling (KLB)": a short form, no body
        words = text.split()
        if kind == "person" and _names_a_body(words, patterns):
            kind = ActorKind.ORGANISATION  # "Innherred Interkommunale Legevakt IKS" tagged as a person
        if kind != "person" and (text in places or (text.endswith("s") and text[:-1] in places)):
            continue  # a county, region or the country named as a place ("i Innlandet", "Trøndelags")
        if kind != "person" and _not_a_body(words, patterns) and gaz.lookup(text) is None:
            continue  # a plan, strategy, venue or a plural common noun ("Kulturstrategi for Trøndelag")
        if kind != "person" and len(words) == 1 and _base_form_word(text) and gaz.lookup(text) is None:
            continue  # "Velferdsteknologi", "Tryggleik", "Vedlegg": a capitalised dictionary word, no name
        if kind != "person" and _dictionary_in_capitals(text) and gaz.lookup(text) is None:
            continue  # "TANNHELSE", "BUDSJETTÅRET": a heading's words in capitals, no name
        if kind == "person" and words[-1].lower() in patterns.entity_venue_heads:
            continue  # "Forum Expo": a venue the model took for a person
        if kind == "person" and len(words) == 1 and generic_body_word(text, patterns):
            continue  # "Rådet meiner ...": a body by its kind, which the model took for a person
        if kind == "person" and _contact_person(doc_text, ent.start_char, patterns):
            continue  # "ta kontakt med Kari Nordmann": a contact for questions, not an actor
        if not text[0].isupper() or text.isdigit() or text.split()[0] in patterns.name_stopwords:
            continue
        if doc.has_annotation("POS") and all(t.pos_ != "PROPN" for t in ent) and (
            len(ent) > 1 or _sentence_initial(doc, ent) or (kind != "person" and gaz.lookup(text) is None)
        ):
            continue  # capitalised common nouns the model took for a name ("Koronautbruddet har ført til ...")
        last = text.split()[-1].lower()
        if any(last.endswith(head) for head in patterns.entity_measure_heads):
            continue  # a programme, budget, service or law named like a body ("Statsbudsjettet", "Folkehelselova")
        if kind != "person" and len(ent) == 1 and text not in person_names and _sentence_initial(doc, ent) \
                and last.endswith(("et", "en", "a", "ene", "ane")):
            continue  # a definite common noun opening a sentence ("Vedtaket", "Fondet")
        if kind == "person" and not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in text.split()):
            continue  # names of persons have no digits ("Kompetanseløft 2025" is not a person)
        label = visible(text)  # the name as read, without a soft hyphen or zero-width space in it
        if kind != "person" and gaz.lookup(text) is None and _DEFINITE_GENITIVE.search(label):
            label = label[:-1]  # "Sosialkomiteens innstilling", "Rådmannens forslag": the body is "Sosialkomiteen"
        if kind == "person":
            ref = ActorRef(slugify(label), label, "person", "person", "model")
        else:
            entry = gaz.lookup(text) or gaz.municipality(text)
            ref = _entry_ref(entry, source="gazetteer") if entry else ActorRef(slugify(label), label, "organisation", "organisation", "model")
        out.append(_Candidate(ent.start_char, ent.start_char + len(text), ref, from_model=True))
    return out


#: An acronym in parentheses after the words it shortens: "tverrfaglig spesialisert rusbehandling (TSB)".
_GLOSSED_ACRONYM = re.compile(r"(?<=[\w-]) \((?P<acronym>[A-ZÆØÅ]{2,12})\)")


def _glossed_acronyms(text: str, gaz: Gazetteer, patterns: ActorPatterns) -> frozenset[str]:
    """Acronyms the text spells out before it uses them ("revidert nasjonalbudsjett (RNB)"), other than the
    gazetteer's bodies ("Helse- og omsorgsdepartementet (HOD)") and parties ("Kari Nordmann (AP)"). The model
    tags such acronyms as organisations, but they shorten the words before them: a body, when those words are
    one, is named by them; a service, budget or file type ("PDF") is no actor."""
    parties = {name.upper() for name in patterns.party_names}
    return frozenset(acronym for acronym in (m.group("acronym") for m in _GLOSSED_ACRONYM.finditer(text))
                     if acronym not in parties and gaz.lookup(acronym) is None)


#: The s-genitive of a definite noun that ends a body's name: "Sosialkomiteens", "Rådmannens", "Styrets".
_DEFINITE_GENITIVE = re.compile(r"(?<=[a-zæøå]{3})(?:en|et|a)s\Z")


def region_names(gaz: Gazetteer, patterns: ActorPatterns) -> frozenset[str]:
    """Regions, districts and the counties (from the gazetteer's county authorities) as place names."""
    counties = {e.label.removesuffix(" fylkeskommune") for e in gaz.entries if e.type == "county"}
    return frozenset(counties | set(patterns.region_names))


def _names_a_body(words: list[str], patterns: ActorPatterns) -> bool:
    """True when a name ends in a company form ("IKS", "HF") or holds an institution noun ("Legevakt")."""
    heads = tuple(h.lower() for h in patterns.institution_heads if " " not in h)
    return words[-1] in patterns.company_suffixes or any(w.lower().endswith(heads) for w in words[1:])


def _not_a_body(words: list[str], patterns: ActorPatterns) -> bool:
    """True for names of plans, strategies and programmes (the head noun before "for"/"i" or before a year),
    buildings and venues, and one-word plural common nouns ("Vertskommunene", "Frisklivssentralane")."""
    content = [w for w in words if not w.strip("()–-").isdigit()] or words
    cut = next((i for i, w in enumerate(content) if w in ("for", "i", "til", "mot", "om")), len(content))
    heads = {content[max(cut - 1, 0)].lower(), content[-1].lower()}
    if any(h.endswith(tuple(patterns.entity_measure_heads)) for h in heads):
        return True
    if content[-1].lower().endswith(tuple(patterns.entity_venue_heads)):
        return True
    return len(words) == 1 and words[0].lower().endswith(("ene", "ane", "erne", "arne"))


def _contact_person(text: str, start: int, patterns: ActorPatterns) -> bool:
    """True when a cue such as "kontakt med" stands right before a person's name (within its clause)."""
    before = text[max(0, start - 40):start]
    before = re.split(r"[.!?\n]", before)[-1].lower()
    return any(re.search(rf"(?<![\w-]){re.escape(cue)}\W*$", before) for cue in patterns.contact_cues) or \
        any(re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", before) for cue in patterns.contact_cues if " " in cue)


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, in text order.

    Rule-based candidates (gazetteer, role, pattern, generic) win over the model's entities, whatever
    their length (the model may swallow a title: "Ordføraren Anne Marit Sæbø"); then longest first,
    then by source priority.
    """
    ranked = sorted(candidates, key=lambda c: (c.from_model or c.ref.source == "model", -(c.end - c.start),
                                               -_PRIORITY[c.ref.source], c.start))
    taken: list[_Candidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or t.end <= cand.start for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)
