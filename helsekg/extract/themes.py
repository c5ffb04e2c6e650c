"""Themes: helsekg's SKOS concept scheme (``ontology/themes.ttl``) and matching Norwegian text against it.

The scheme is a ``skos:ConceptScheme`` of health-policy themes (rekruttering, utdanningskapasitet,
heltidskultur, velferdsteknologi, ...), each concept an ``hkg:Theme`` with Bokmål and Nynorsk
preferred and alternative labels and broader/narrower links. This module

* normalises Norwegian words without a model: lower-case, a light suffix stripper for Bokmål and
  Nynorsk inflection (:func:`stem`: *tjenestene*, *tenesta* → *tjenest*/*tenest*, *rekrutteringen*
  → *rekruttering*), or the lemmas of a spaCy ``Doc`` when given;
* splits compounds against a vocabulary of known stems (the scheme's label words and the policy
  nouns in ``helsekg/data/recommendation_cues.json``), with the linking letters *-s-* and *-e-*
  (:func:`split_compound`: *rekrutteringsprosjektet* → rekruttering + prosjekt);
* finds the concepts a text speaks of (:func:`concepts_in`): labels are matched as whole word
  sequences, longest first; a word that matches no label is split and its parts are matched, with a
  lower weight (*rekrutteringsprosjektet* → rekruttering);
* gives the content terms of a text for term-weighted linking (:func:`terms`), a Nynorsk word or compound
  part read as its Bokmål twin (``term_variants`` in the same file: *skulehelsetenesta* and
  *skolehelsetjenesten* are one term).

>>> [m.key for m in concepts_in("Vi trenger en forsterket satsing på velferdsteknologi og e-helse")]
['digitalisering', 'velferdsteknologi']
>>> split_compound("velferdsteknologi")
('velferd', 'teknologi')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from helsekg import resources
from helsekg.extract.records import Theme

__all__ = [
    "SCHEME_IRI",
    "THEME_BASE",
    "ThemeMatch",
    "ThemeScheme",
    "concepts_in",
    "measure_themes",
    "split_compound",
    "stem",
    "term_stems",
    "terms",
    "theme_records",
    "tokenize",
]

THEME_BASE = "https://w3id.org/helsekg/id/theme/"
SCHEME_IRI = URIRef(THEME_BASE + "scheme")
CUES_FILE = "recommendation_cues.json"
#: Languages whose labels are matched (English labels are documentation only).
MATCH_LANGUAGES = ("nb", "nn")
#: Weight of a label matched by a whole word or word sequence, and by a compound part.
WHOLE_WEIGHT = 1.0
PART_WEIGHT = 0.5
MIN_PART = 3

# Inflection suffixes, longest first: (suffix, replacement). Derivational -ing, -het/-heit, -sjon
# and -else keep their ending so that "rekrutteringen" and "rekruttering" meet but "rekruttere"
# (the verb) does not become the noun; the scheme lists verb forms as alternative labels instead.
_SUFFIXES: tuple[tuple[str, str], ...] = tuple(sorted((
    ("ingane", "ing"), ("ingene", "ing"), ("ingens", "ing"), ("ingar", "ing"), ("inger", "ing"),
    ("ingen", "ing"), ("inga", "ing"),
    ("heitene", "het"), ("heitane", "het"), ("hetene", "het"), ("heiter", "het"), ("heitar", "het"),
    ("heten", "het"), ("heita", "het"), ("heiten", "het"), ("heter", "het"), ("heit", "het"),
    # "-het" and "-itet" end the indefinite noun itself: "kvalitet" and "kvaliteten" are one stem, "ensomhet" and
    # "ensomheten" too (without these, "-et" was read as the definite ending: "kvalit", "ensomh")
    ("het", "het"), ("itet", "itet"),
    # the "-er"/"-ar" of an agent or neuter noun is stripped from the bare form, so from the inflected ones too:
    # "helsesykepleier(en)", "leiar(ar/en/ane)", "register(et)"; and "demens(en)", "konsekvens(en)" alike
    ("erens", ""), ("eren", ""), ("eret", ""), ("arens", ""), ("aren", ""), ("arar", ""), ("arane", ""),
    ("ensen", ""),
    ("sjonane", "sjon"), ("sjonene", "sjon"), ("sjonar", "sjon"), ("sjoner", "sjon"), ("sjonen", "sjon"),
    ("elsene", "els"), ("elsen", "els"), ("elser", "els"), ("else", "els"),
    ("erne", ""), ("erer", ""), ("ere", ""), ("ende", ""), ("ande", ""), ("ene", ""), ("ane", ""),
    ("ens", ""), ("ets", ""), ("ert", ""), ("ar", ""), ("er", ""), ("en", ""), ("et", ""), ("a", ""), ("e", ""),
), key=lambda pair: -len(pair[0])))
_MIN_STEM = 3

_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem of a Norwegian (Bokmål or Nynorsk) word: lower-case, inflection stripped.

    The same function normalises labels and texts, so matching needs consistency, not linguistics.
    Memoised: words repeat across texts, and stemming was most of the linker's time reading its nodes.

    >>> [stem(w) for w in ("tjenestene", "tenesta", "rekrutteringen", "ulikheter", "innovasjonen", "Helse")]
    ['tjenest', 'tenest', 'rekruttering', 'ulikhet', 'innovasjon', 'hels']
    >>> stem("rus"), stem("KI")
    ('rus', 'ki')
    >>> [stem(w) for w in ("kvalitet", "kvaliteten", "ensomhet", "ensomheten", "tilgjengeligheita")]
    ['kvalitet', 'kvalitet', 'ensomhet', 'ensomhet', 'tilgjengelighet']
    >>> [stem(w) for w in ("helsesykepleier", "helsesykepleieren", "leiar", "leiarane", "demens", "demensen")]
    ['helsesykeplei', 'helsesykeplei', 'lei', 'lei', 'dem', 'dem']
    """
    word = word.lower()
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
            base = word[: len(word) - len(suffix)]
            if len(base) >= _MIN_STEM or replacement:
                return base + replacement
    return word


@dataclass(frozen=True)
class Token:
    """A word of a text: its surface form, its stem, and whether it is a suspended compound ("helse-")."""

    text: str
    stem: str
    start: int
    suspended: bool = False


def tokenize(text: str, *, lemmas: Sequence[str] | None = None) -> list[Token]:
    """Words of ``text`` with their stems; hyphenated words are split ("e-helse" → e, helse).

    With ``lemmas`` (e.g. ``[t.lemma_ for t in doc]``) the lemmas are stemmed instead of the words.

    >>> [(t.text, t.stem, t.suspended) for t in tokenize("rekrutterings- og samhandlingstilskudd")]
    [('rekrutterings', 'rekruttering', True), ('og', 'og', False), ('samhandlingstilskudd', 'samhandlingstilskudd', False)]
    """
    if lemmas is not None:
        return [Token(w, stem(w), -1) for lemma in lemmas for w in _TOKEN.findall(lemma)]
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        suspended = text.startswith("-", match.end()) and (match.end() + 1 >= len(text) or not text[match.end() + 1].isalnum())
        token_stem = stem(word)
        if suspended and word.lower().endswith("s") and len(word) > 4:
            # "rekrutterings-" carries the linking -s- of the compound it abbreviates
            token_stem = stem(word[:-1])
        out.append(Token(word, token_stem, match.start(), suspended))
    return out


# --- vocabulary and compounds -------------------------------------------------------------------


def _cues() -> dict:
    return resources.load_data(CUES_FILE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Stems of the words ignored when comparing texts (function words, modal verbs, generic policy words)."""
    return frozenset(stem(w) for phrase in _cues()["stopwords"] for w in _TOKEN.findall(phrase))


class Vocabulary:
    """Known stems (scheme label words and policy nouns) with a display lemma for each."""

    def __init__(self, words: Iterable[str]) -> None:
        self.lemma: dict[str, str] = {}
        for word in words:
            for part in _TOKEN.findall(word.lower()):
                if len(part) >= MIN_PART:
                    self.lemma.setdefault(stem(part), part)
                    self.lemma.setdefault(part, part)

    def __contains__(self, item: str) -> bool:
        return item in self.lemma

    def display(self, token_stem: str) -> str:
        """The lemma shown for a stem (the stem itself when unknown)."""
        return self.lemma.get(token_stem, token_stem)

    @lru_cache(maxsize=20000)  # noqa: B019 - one Vocabulary per scheme, kept for the process
    def split(self, token_stem: str) -> tuple[str, ...]:
        """Stems of the parts of a compound (at least two), or ``()``; fewest parts, then fewest linkers."""
        n = len(token_stem)
        # best[i] = (parts, linkers, segments) covering token_stem[:i] and ending with a segment
        best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
        best[0] = (0, 0, ())
        starts: dict[int, tuple[int, int, tuple[str, ...]]] = {0: (0, 0, ())}
        for i in range(n):
            state = starts.get(i)
            if state is None:
                continue
            for j in range(i + MIN_PART, n + 1):
                if i == 0 and j == n:
                    continue  # the whole word is not a split
                segment = token_stem[i:j]
                if segment not in self.lemma:
                    continue
                candidate = (state[0] + 1, state[1], state[2] + (segment,))
                if best[j] is None or candidate[:2] < best[j][:2]:
                    best[j] = candidate
                for nxt, linkers in ((j, 0), (j + 1, 1)):
                    if linkers and (j >= n or token_stem[j] not in "se"):
                        continue
                    if nxt >= n:
                        continue
                    follow = (candidate[0], candidate[1] + linkers, candidate[2])
                    if nxt not in starts or follow[:2] < starts[nxt][:2]:
                        starts[nxt] = follow
        result = best[n]
        if result is None or result[0] < 2:
            return ()
        # a segment may be a lemma ("helse") or a stem ("hels"): give the stem of its lemma
        return tuple(stem(self.display(segment)) for segment in result[2])

    def parts(self, token_stem: str) -> list[str]:
        """Every part of a compound, recursively (stems), outermost first."""
        out: list[str] = []
        for part in self.split(token_stem):
            if part not in out:
                out.append(part)
            out.extend(p for p in self.parts(part) if p not in out)
        return out


# --- the scheme ---------------------------------------------------------------------------------


#: Texts whose concepts (and, apart, whose term stems) a scheme remembers (cleared when full, so memory
#: stays bounded).
_CONCEPTS_CACHE_SIZE = 20_000
#: Stems whose compound parts were matched, kept per scheme (cleared when full).
_PARTS_CACHE_SIZE = 100_000


@dataclass(frozen=True)
class ThemeMatch:
    """A concept found in a text: the words that matched it and the summed weight of the matches."""

    key: str
    label: str
    terms: tuple[str, ...]
    weight: float

    def theme(self) -> Theme:
        """The :class:`~helsekg.extract.records.Theme` record of the concept."""
        return Theme(key=self.key, label=self.label)


@dataclass(frozen=True)
class Concept:
    """One concept of the scheme."""

    key: str
    pref: dict[str, str]
    alt: tuple[tuple[str, str], ...]
    broader: tuple[str, ...]
    narrower: tuple[str, ...]
    related: tuple[str, ...]

    @property
    def label(self) -> str:
        """The Bokmål preferred label (the label helsekg writes for an hkg:Theme)."""
        return self.pref["nb"]


class ThemeScheme:
    """The concept scheme, indexed for matching. Load the shipped one with :meth:`load`."""

    def __init__(self, graph: Graph, *, extra_words: Iterable[str] = ()) -> None:
        self._concepts_cache: dict[str, tuple[ThemeMatch, ...]] = {}
        self._terms_cache: dict[str, tuple[tuple[str, str], ...]] = {}
        self._parts_cache: dict[str, tuple[str, ...]] = {}
        concepts: dict[str, Concept] = {}
        for node in sorted(graph.subjects(SKOS.inScheme, SCHEME_IRI), key=str):
            if (node, RDF.type, SKOS.Concept) not in graph:
                continue
            key = str(node)[len(THEME_BASE):]
            pref = {lit.language: str(lit) for lit in graph.objects(node, SKOS.prefLabel) if isinstance(lit, Literal)}
            alt = tuple(sorted((lit.language or "", str(lit)) for lit in graph.objects(node, SKOS.altLabel)))
            keys = lambda p: tuple(sorted(str(o)[len(THEME_BASE):] for o in graph.objects(node, p)))  # noqa: E731
            concepts[key] = Concept(key, pref, alt, keys(SKOS.broader), keys(SKOS.narrower), keys(SKOS.related))
        if not concepts:
            raise ValueError(f"no skos:Concept in scheme {SCHEME_IRI} found; is this helsekg's themes.ttl?")
        self.concepts = concepts
        self.graph = graph
        # policy nouns first: their lemma is the form shown for a stem ("teneste", not "tenester")
        words = list(extra_words) + [label for c in concepts.values() for _, label in self._labels(c)]
        self.vocabulary = Vocabulary(words)
        # first stem -> [(stem sequence, concept key, label)], longest sequences first
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        for concept in concepts.values():
            for _, label in self._labels(concept):
                seq = tuple(t.stem for t in tokenize(label))
                if seq:
                    index[seq[0]].append((seq, concept.key, label))
        self.index = {k: sorted(set(v), key=lambda e: (-len(e[0]), e[1], e[2])) for k, v in index.items()}

    @staticmethod
    def _labels(concept: Concept) -> list[tuple[str, str]]:
        labels = [(lang, text) for lang, text in concept.pref.items() if lang in MATCH_LANGUAGES]
        return labels + [(lang, text) for lang, text in concept.alt if lang in MATCH_LANGUAGES]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ThemeScheme":
        """The scheme in ``path`` (the shipped ``ontology/themes.ttl`` by default), parsed once per path."""
        return _load(str(path)) if path else _load(_default_path())

    def label(self, key: str) -> str:
        """Bokmål preferred label of a concept."""
        return self.concepts[key].label

    def related_keys(self, key: str) -> frozenset[str]:
        """Concepts one broader/narrower step away (what linking counts as a near match)."""
        concept = self.concepts.get(key)
        return frozenset(concept.broader + concept.narrower) if concept else frozenset()

    def concepts_in(self, text: str, *, lemmas: Sequence[str] | None = None) -> list[ThemeMatch]:
        """Concepts spoken of in ``text``, heaviest first (see :func:`concepts_in`).

        Results for plain texts are memoised per scheme (the same sentence is the context of every
        measure in it, and labels repeat across documents).
        """
        if lemmas is not None:
            return self._concepts_in(text, lemmas)
        cache = self._concepts_cache
        if text not in cache:
            if len(cache) >= _CONCEPTS_CACHE_SIZE:
                cache.clear()
            cache[text] = tuple(self._concepts_in(text, None))
        return list(cache[text])

    def _concepts_in(self, text: str, lemmas: Sequence[str] | None) -> list[ThemeMatch]:
        tokens = tokenize(text, lemmas=lemmas)
        stems = [t.stem for t in tokens]
        found: dict[str, list[tuple[str, float]]] = defaultdict(list)
        i = 0
        while i < len(tokens):
            hit = self._match_at(stems, i)
            if hit is not None:
                length, key = hit
                found[key].append((" ".join(t.text for t in tokens[i:i + length]), WHOLE_WEIGHT))
                i += length
                continue
            for key in self._part_matches(stems[i]):
                found[key].append((tokens[i].text, PART_WEIGHT))
            i += 1
        matches = [
            ThemeMatch(key, self.label(key), tuple(dict.fromkeys(word.lower() for word, _ in hits)),
                       round(sum(w for _, w in hits), 3))
            for key, hits in found.items()
        ]
        return sorted(matches, key=lambda m: (-m.weight, m.key))

    def _match_at(self, stems: list[str], i: int) -> tuple[int, str] | None:
        for seq, key, _ in self.index.get(stems[i], ()):
            if tuple(stems[i:i + len(seq)]) == seq:
                return len(seq), key
        return None

    def _part_matches(self, token_stem: str) -> tuple[str, ...]:
        """Concepts of the compound parts of one stem, memoised per stem (issue 18: every word of every
        context sentence is split)."""
        cached = self._parts_cache.get(token_stem)
        if cached is None:
            if len(self._parts_cache) >= _PARTS_CACHE_SIZE:
                self._parts_cache.clear()
            cached = self._parts_cache[token_stem] = self._split_matches(token_stem)
        return cached

    def _split_matches(self, token_stem: str) -> tuple[str, ...]:
        keys: list[str] = []
        for part in self.vocabulary.split(token_stem):
            hit = self._match_at([part], 0)
            if hit is not None and hit[0] == 1:
                keys.append(hit[1])
            else:
                keys.extend(k for k in self._part_matches(part) if k not in keys)
        return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=1)
def _default_path() -> str:
    """The shipped scheme's path, found once (finding it costs more than a memoised match)."""
    return str(resources.ontology_dir() / "themes.ttl")


@lru_cache(maxsize=4)
def _load(path: str) -> ThemeScheme:
    graph = Graph()
    graph.parse(path, format="turtle")
    cues = _cues()
    twins = [word for pair in cues["term_variants"].items() for word in pair]
    return ThemeScheme(graph, extra_words=[*cues["policy_nouns"], *twins])


def concepts_in(text: str, *, lemmas: Sequence[str] | None = None, scheme: ThemeScheme | None = None) -> list[ThemeMatch]:
    """Concepts of the theme scheme spoken of in ``text``, heaviest first.

    Labels (Bokmål and Nynorsk, preferred and alternative) match as whole word sequences, longest
    first ("digital ulikhet" before "ulikhet"); a word matching no label is split into compound
    parts, each matched with weight 0.5 ("rekrutteringsprosjektet" → rekruttering).

    Args:
        text: any Norwegian text.
        lemmas: lemmas of the text's tokens (``[t.lemma_ for t in span]``) to use instead of its words.
        scheme: the shipped scheme by default.

    >>> [(m.key, m.terms, m.weight) for m in concepts_in("20 millioner kroner til rekrutteringsprosjektet Menn i helse")]
    [('rekruttering', ('rekrutteringsprosjektet',), 0.5)]
    >>> [m.key for m in concepts_in("Vi må redusere digital ulikhet")]
    ['digital-inkludering']
    >>> [m.key for m in concepts_in("Rådet tilrår at kommunane styrkjer heiltidskulturen i omsorgstenesta")]
    ['heltidskultur']
    """
    return (scheme or ThemeScheme.load()).concepts_in(text, lemmas=lemmas)


def theme_records(matches: Iterable[ThemeMatch]) -> tuple[Theme, ...]:
    """Theme records of matches, in order, without repeats."""
    return tuple(dict.fromkeys(m.theme() for m in matches))


def measure_themes(measure_label: str, context_text: str = "", *, scheme: ThemeScheme | None = None) -> tuple[Theme, ...]:
    """Themes of a measure: concepts in its label first, then in its context (anchor text, sentence).

    >>> [t.key for t in measure_themes("Menn i helse", "20 millioner kroner i 2020 til rekrutteringsprosjektet Menn i helse.")]
    ['rekruttering']
    """
    scheme = scheme or ThemeScheme.load()
    return theme_records(scheme.concepts_in(measure_label) + scheme.concepts_in(context_text))


def split_compound(word: str, *, scheme: ThemeScheme | None = None) -> tuple[str, ...]:
    """The parts of a Norwegian compound as lemmas, or ``()`` when it is not one the vocabulary knows.

    Fewest parts win, with the linking letters -s- and -e- allowed between parts.

    >>> split_compound("rekrutteringsprosjektet")
    ('rekruttering', 'prosjekt')
    >>> split_compound("helsepersonellkommisjonen")
    ('helsepersonell', 'kommisjon')
    >>> split_compound("helse")
    ()
    """
    vocabulary = (scheme or ThemeScheme.load()).vocabulary
    return tuple(vocabulary.display(p) for p in vocabulary.split(stem(word)))


def term_stems(text: str, *, lemmas: Sequence[str] | None = None,
               scheme: ThemeScheme | None = None) -> list[tuple[str, str]]:
    """Content terms of ``text`` as ``(stem, shown form)`` pairs: each word, then its compound parts.

    The stem identifies a term (so "prosjektet" and "prosjekter" are one term); the shown form is the
    vocabulary lemma, or the word as written when the vocabulary does not know it. Stop words
    (function words, modal verbs, generic policy words such as "tiltak") are left out. A Nynorsk word, or
    a compound with Nynorsk parts, gets the stem of its Bokmål twin (``term_variants``), so a Nynorsk
    recommendation and a Bokmål measure share their terms.

    Results for plain texts are memoised per scheme, like :meth:`ThemeScheme.concepts_in`.

    >>> term_stems("Rekrutteringsprosjektene")
    [('rekrutteringsprosjekt', 'rekrutteringsprosjektene'), ('rekruttering', 'rekruttering'), ('prosjekt', 'prosjekt')]
    >>> term_stems("omsorgsbustader")
    [('omsorgsbolig', 'omsorgsbustad'), ('bolig', 'bolig')]
    """
    scheme = scheme or ThemeScheme.load()
    if lemmas is not None:
        return _term_stems(text, lemmas, scheme)
    cache = scheme._terms_cache
    if text not in cache:
        if len(cache) >= _CONCEPTS_CACHE_SIZE:
            cache.clear()
        cache[text] = tuple(_term_stems(text, None, scheme))
    return list(cache[text])


@lru_cache(maxsize=1)
def _bokmål_stems() -> dict[str, str]:
    """Stems of the Nynorsk words of ``term_variants`` → stems of their Bokmål twins (where the two differ)."""
    return {stem(nn): stem(nb) for nn, nb in _cues()["term_variants"].items() if stem(nn) != stem(nb)}


def _as_bokmål(token_stem: str, parts: Sequence[str], twins: dict[str, str]) -> str:
    """A stem with its Nynorsk parts read as their Bokmål twins ("skulehelsetenest" → "skolehelsetjenest")."""
    if token_stem in twins:
        return twins[token_stem]
    for part in parts:
        if part in twins and part in token_stem:
            token_stem = token_stem.replace(part, twins[part], 1)
    return token_stem


def _term_stems(text: str, lemmas: Sequence[str] | None, scheme: ThemeScheme) -> list[tuple[str, str]]:
    vocabulary = scheme.vocabulary
    stop = stopwords()
    twins = _bokmål_stems()
    out: list[tuple[str, str]] = []
    for token in tokenize(text, lemmas=lemmas):
        if token.stem in stop or len(token.stem) < MIN_PART or token.stem.isdigit():
            continue
        parts = vocabulary.parts(token.stem)
        whole = _as_bokmål(token.stem, parts, twins)
        if whole != token.stem:
            if whole in stop:
                continue
            parts = vocabulary.parts(whole)  # the twin's parts, so both spellings split alike
        out.append((whole, vocabulary.lemma.get(token.stem, token.text.lower())))
        out.extend((s, vocabulary.display(s)) for s in parts if s not in stop)
    return out


def terms(text: str, *, lemmas: Sequence[str] | None = None, scheme: ThemeScheme | None = None) -> list[str]:
    """Content terms of ``text`` as shown forms (see :func:`term_stems`).

    >>> terms("Vi må sikre attraktivitet gjennom målrettet rekruttering")
    ['attraktivitet', 'rekruttering']
    >>> terms("rekrutteringsprosjektet Menn i helse")
    ['rekrutteringsprosjektet', 'rekruttering', 'prosjekt', 'menn']
    """
    return [shown for _, shown in term_stems(text, lemmas=lemmas, scheme=scheme)]
