"""Phrase helpers the strategies share: tokens, trimmed phrases, head nouns, names and measure keys.

Every function is pure: text and offsets in, offsets or strings out.

>>> from helsekg.extract.measures.cues import compiled, default_cues
>>> patterns = compiled(default_cues())
>>> text = "et nytt kompetansefond for helse- og omsorgstjenesten"
>>> start, end = trim_phrase(text, 0, len(text), patterns)
>>> text[start:end], head_of(text[start:end], patterns)
('kompetansefond for helse- og omsorgstjenesten', 'kompetansefond')
>>> text = "ordninga Bu trygt heime skal"
>>> start, end = named_in(text, 0, len(text), patterns)
>>> text[start:end]
'Bu trygt heime'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from helsekg.extract.measures.cues import MeasureCues, Patterns, alternation, compiled, default_cues
from helsekg.extract.records import Actor
from helsekg.nlp.extensions import annotated
from helsekg.nlp.lemmas import load_table
from helsekg.text.document import slugify

__all__ = [
    "CAPITAL_COMPOUND",
    "DEFINITE_NEW",
    "MAX_LABEL_WORDS",
    "NAME_AFTER",
    "SCALE_WORD",
    "capitalised_programmes",
    "cut_name",
    "group_key",
    "head_of",
    "instrument_object",
    "known_name_end",
    "lemma_words",
    "measure_key",
    "named_in",
    "negated_before",
    "not_a_measure",
    "open_quote",
    "phrase_after",
    "same_head",
    "stem",
    "suffix_lemma",
    "tokens",
    "trim_phrase",
    "without_trailing",
]

MAX_LABEL_WORDS = 10
_NUMBER = re.compile(r"\d[\d.,]*")

#: A scale or currency word after a number: the label is an amount ("122 mill", "3 milliardar kroner").
SCALE_WORD = re.compile(r"^(?:mill|mrd|milliard|million|kr\b|kroner|nok\b|prosent|tusen)", re.IGNORECASE)

#: A lower-case word followed by a capitalised name: "ordninga Bu trygt heime", "i Kompetanseløft 2025".
NAME_AFTER = re.compile(r"(?<![\w-])([A-ZÆØÅa-zæøå][\w-]*)\s+[«\"]?([A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,5})")
#: A capitalised word, optionally followed by a year: "Kompetanseløft 2025".
CAPITAL_COMPOUND = re.compile(r"(?<![\w-])([A-ZÆØÅ][a-zæøå][\w-]*)(\s+(?:19|20)\d\d\b)?")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace tokens with outer punctuation stripped (hyphens kept: "grunn-," -> "grunn-").

    >>> [("«Bu trygt», heime."[s:e]) for s, e in tokens("«Bu trygt», heime.", 0, 18)]
    ['Bu', 'trygt', 'heime']
    """
    out = []
    for m in re.finditer(r"\S+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s] in "\"'«(“”":
            s += 1
        while e > s and text[e - 1] in "\"'»«),.;:!?”“":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def trim_phrase(text: str, start: int, end: int, rx: Patterns, *,
                max_words: int = MAX_LABEL_WORDS) -> tuple[int, int] | None:
    """Drop leading articles/adjectives and trailing function words; cap the length."""
    words = tokens(text, start, end)
    dropped = False
    # "nye og styrkede tiltak": a conjunction after a dropped adjective goes with it
    while words and (text[words[0][0]:words[0][1]].lower() in rx.drop
                     or dropped and text[words[0][0]:words[0][1]].lower() in ("og", "eller")):
        words = words[1:]
        dropped = True
    mark = open_quote(text, words[0][0], words[max_words - 1][1]) if len(words) > max_words else None
    if mark is not None:
        # nor inside a quoted name the phrase holds whole ("tilskudd til «Tiltak for å bedre levekårene og
        # livskvaliteten for mennesker med nedsatt funksjonsevne»"): the words up to its closing mark stay
        closing = next((n for n in range(max_words, len(words)) if mark in text[words[n][1]:words[n][1] + 1]), None)
        if closing is not None:
            max_words = closing + 1
    if len(words) > max_words:
        # a cap never ends inside a number ("... kommune - 120" of "120 000 kroner"): numbers at the cut go
        while max_words and _NUMBER.fullmatch(text[words[max_words - 1][0]:words[max_words - 1][1]]) \
                and _NUMBER.fullmatch(text[words[max_words][0]:words[max_words][1]]):
            max_words -= 1
        # nor inside a name ("... i Helse Bergen HF"): the cap takes the rest of a name it reaches, up to 3 words
        name = max_words
        while 0 < name < len(words) and name - max_words < 3 and _in_name(text, words, name):
            name += 1
        if 0 < name < len(words) and _in_name(text, words, name):
            name = max_words  # a longer name: cut where the cap says
        words = words[:name]
    # nor on the first part of a split compound ("besøks- og aktivitetsvenner" cut after "besøks-")
    while words and (text[words[-1][0]:words[-1][1]].lower() in rx.name_stop | rx.label_trailing
                     or len(words) > 1 and text[words[-1][1] - 1] == "-"):
        words = words[:-1]
    if not words:
        return None
    return words[0][0], closing_quote(text, words[0][0], words[-1][1])


def open_quote(text: str, start: int, end: int) -> str | None:
    """The mark that closes a quotation ``text[start:end]`` opens and does not close: "»" after "«", "”" after "“"
    (or after an odd "”" that opens as well as closes), '"' after an odd '"'; None when every quotation is closed.

    >>> open_quote('til "Nasjonal tilskotsordning for', 0, 33), open_quote("«Leve hele livet» er", 0, 20)
    ('"', None)
    """
    if text.count("«", start, end) > text.count("»", start, end):
        return "»"
    opening, closing = text.count("“", start, end), text.count("”", start, end)
    if opening > closing or not opening and closing % 2:
        return "”"
    return '"' if text.count('"', start, end) % 2 else None


def without_trailing(text: str, words: Sequence[tuple[int, int]], trailing: frozenset[str], *,
                     keep: int = 0) -> list[tuple[int, int]]:
    """``words`` (spans of ``text``) less the words of ``trailing`` that close them, keeping at least ``keep`` words
    ("... på 360 millioner kroner som": a clause cut at its start).

    >>> text = "eldre som bur heime og"
    >>> [text[a:b] for a, b in without_trailing(text, tokens(text, 0, len(text)), frozenset({"og", "som"}))]
    ['eldre', 'som', 'bur', 'heime']
    """
    words = list(words)
    while len(words) > keep and text[words[-1][0]:words[-1][1]].lower() in trailing:
        words.pop()
    return words


def _capitalised(text: str, word: tuple[int, int]) -> bool:
    return text[word[0]:word[0] + 1].isupper()


def _in_name(text: str, words: Sequence[tuple[int, int]], n: int) -> bool:
    """Words ``n - 1`` and ``n`` are two capitalised words with only a space between them (one name)."""
    return (_capitalised(text, words[n - 1]) and _capitalised(text, words[n])
            and not text[words[n - 1][1]:words[n][0]].strip())


def closing_quote(text: str, start: int, end: int) -> int:
    """``end``, or just after the quotation mark that closes one opened in ``text[start:end]`` ("kvalitetsreformen
    «Leve hele livet»": a label does not stop inside a quoted name).

    >>> t = "planen «Leve hele livet» er klar"
    >>> t[:closing_quote(t, 0, 23)]
    'planen «Leve hele livet»'
    """
    mark = open_quote(text, start, end)
    return end + 1 if mark is not None and text.startswith(mark, end) else end


#: the most words a quoted name may run on past where a phrase would otherwise end
_QUOTED_RUN = 15


def _quote_end(text: str, begin: int, end: int, limit: int) -> int:
    """``end``, or just after the quotation mark that closes one opened in ``text[begin:end]`` on the same line and
    before ``limit``: a phrase does not end inside a quoted name ("tilskudd til «Tiltak for å bedre levekårene
    ...»", whose "for å" would end it).

    >>> t = "tilskudd til «Tiltak for å bedre levekårene» i 2019"
    >>> t[:_quote_end(t, 0, t.index(" for"), len(t))]
    'tilskudd til «Tiltak for å bedre levekårene»'
    """
    mark = open_quote(text, begin, end)
    if mark is None:
        return end
    close = text.find(mark, end, limit)
    if close < 0 or "\n" in text[end:close] or len(text[end:close].split()) > _QUOTED_RUN:
        return end
    return close + 1


def phrase_after(text: str, begin: int, limit: int, rx: Patterns, *,
                 extra_end: re.Pattern[str] | None = None, across_lines: bool = False) -> tuple[int, int] | None:
    """The phrase starting at ``begin`` up to the first phrase end before ``limit``; with ``across_lines`` a line
    break or a tab does not end it (a table row's label that wraps: "Felles kompetanseplan for" /
    "helsefagarbeidarar"; its cells: "Bydel Grünerløkka\tAksept kontaktsenter"). Elsewhere a tab, a cell gap, does."""
    stop = rx.phrase_end.search(text, begin, limit)
    while across_lines and stop is not None and stop.group() in ("\n", "\t"):
        stop = rx.phrase_end.search(text, stop.end(), limit)
    end = stop.start() if stop else limit
    end = _quote_end(text, begin, end, limit)
    if extra_end is not None:
        other = extra_end.search(text, begin, end)
        if other:
            end = other.start()
    return trim_phrase(text, begin, end, rx)


def head_of(label: str, rx: Patterns) -> str:
    """The head noun of a phrase: the last word before the first preposition-like word."""
    words = label.split()
    head = words[0] if words else ""
    for n, word in enumerate(words):
        low = word.lower().strip(",.")
        if low == "og" and n > 0 and words[n - 1].endswith("-"):
            continue
        if low in rx.name_stop or low in rx.head_stops:
            break
        if not low.endswith("-"):
            head = low
    return head.lower().strip(",.")


def measure_key(label: str, cues: MeasureCues | None = None, *, named: bool = False) -> str:
    """The identity key of a measure label.

    A name is kept as written; a description loses articles and adjectives such as "nye" and
    "såkalte", a trailing year, and simple definite/plural endings.

    >>> measure_key("desentraliserte studier for ansatte i omsorgstjenesten")
    'desentraliserte-studier-for-ansatte-i-omsorgstjeneste'
    >>> measure_key("desentraliserte studier for ansatte i omsorgstjenestene")
    'desentraliserte-studier-for-ansatte-i-omsorgstjeneste'
    >>> measure_key("et nytt innovasjons- og kompetansefond")
    'innovasjons-og-kompetansefond'
    >>> measure_key("Kompetanseløft 2025", named=True)
    'kompetanseloft-2025'
    >>> measure_key("ungdomssatsinga") == measure_key("ungdomssatsingen")
    True
    >>> measure_key("barne- og ungdomsavdeling (BUPA) i Helse Stavanger")
    'barne-og-ungdomsavdeling-i-helse-stavanger'
    """
    cues = cues or default_cues()
    rx = compiled(cues)
    if named:
        return slugify(label)
    words = [w for w in re.split(r"\s+", label.strip()) if w]
    # a bracketed short name ("barne- og ungdomsavdeling (BUPA) i ...") is another way of writing what it follows
    words = [w for w in words if w.lower().strip(",.") not in rx.drop and not re.fullmatch(r"\([^()]*\)[,.]?", w)]
    if len(words) >= 3 and re.fullmatch(r"(?:19|20)\d\d", words[-1]):
        words = words[:-1]
    normalised = []
    for word in words:
        low = word.lower()
        for suffix, replacement, min_stem in cues.key_suffix_rules:
            if low.endswith(suffix) and len(low) - len(suffix) >= max(min_stem, 1):
                low = low[: len(low) - len(suffix)] + replacement
                break
        normalised.append(low)
    return slugify(" ".join(normalised)) or slugify(label)


_CLOSING_QUOTE = re.compile(r"[»\"”]|\n")


def cut_name(text: str, start: int, end: int, rx: Patterns) -> int:
    """End of a capitalised name starting at ``start``: stop at function words, verbs and punctuation; a name
    opened by a quotation mark runs to its closing mark ("«Leve hele livet»", function words and all)."""
    if start > 0 and text[start - 1] in "«\"“":
        close = _CLOSING_QUOTE.search(text, start, end)
        if close is not None and close.group() != "\n" and len(text[start:close.start()].split()) <= 10:
            return close.start()
    stop = end
    words = tokens(text, start, end)
    for i, (s, e) in enumerate(words):
        word = text[s:e]
        after_hyphen = i > 0 and text[s - 2:s - 1] == "-" and word.lower() in ("og", "eller")
        if i > 0 and not after_hyphen and (word.lower() in rx.name_stop - {"i"} or word.lower() in rx.drop):
            break
        if i > 0 and word.lower() == "i" and (
                rx.phrase_end.match(text, s - 1)  # "i samarbeid med", "i løpet av", "i 2025": when or how, not the name
                or i + 1 < len(words) and text[slice(*words[i + 1])].lower() in rx.name_quantifiers):
            break  # "Ung arena i alle fylker": where, not part of the name ("Menn i helse" keeps its "i")
        if i >= 6:
            break
        stop = e
        if word.lower() in ("no", "nr") and re.match(r"\.\s?\d", text[e:e + 3]):
            continue  # "rusprosjektet No. 46": the number is part of the name
        if re.search(r"[,.;:!?)»\"]", text[e:e + 1]):
            break
    return stop


def named_in(text: str, start: int, end: int, rx: Patterns) -> tuple[int, int] | None:
    """A name inside a phrase: after an instrument noun or "i/innenfor/under", or None. A national programme whose name
    runs on in lower case keeps its whole name ("handlingsplan for eldreformen Leve hele livet")."""
    for m in NAME_AFTER.finditer(text, start, end):
        before = m.group(1)
        # after "i"/"under" only a programme name ("i Kompetanseløft 2025"), not a place ("i Trøndelag 2023")
        if rx.instrument_word.match(before) or (before.lower() in rx.name_prepositions
                                                and rx.instrument_word.match(m.group(2).split()[0])):
            s = m.start(2)
            known = known_name_end(text, s, end, rx.cues.programme_names)
            e = known if known > s else cut_name(text, s, end, rx)
            if e > s:
                return s, e
    return None


def known_name_end(text: str, start: int, limit: int, names: Sequence[str]) -> int:
    """The end of a national programme's name that runs on in lower case ("reformen Leve hele livet", "Bo trygt
    hjemme-reformen"; ``programme_names``) when one starts at ``start``, with a hyphenated head after it; else
    ``start`` (the name as cut stands).

    >>> text = "eldrereformen Leve hele livet skal gjennomførast"
    >>> text[14:known_name_end(text, 14, len(text), ("Leve hele livet",))]
    'Leve hele livet'
    """
    for name in names:
        if text[start:start + len(name)].lower() == name.lower():
            end = start + len(name)
            if end <= limit and not (end < len(text) and text[end].isalnum()):
                hyphen = re.match(r"-[^\W\d_]+", text[end:limit])
                return end + hyphen.end() if hyphen else end
    return start


def is_document(head: str, document_heads: tuple[str, ...]) -> bool:
    """The head noun names a document ("Nasjonal strategi for ...", "Kulturstrategi"), not a measure.

    >>> is_document("kulturstrategi", ("strategi",)), is_document("tilskot", ("strategi",))
    (True, False)
    """
    low = head.lower()
    return any(low.endswith(h) or low.endswith(h + "en") or low.endswith(h + "a") for h in document_heads)


def scheme_for(phrase: str, cues: MeasureCues, *, between: int = 0) -> re.Pattern[str]:
    """"<instrument noun> for/til [up to ``between`` words] <phrase>": a scheme named after what it pays for
    ("tilskuddsordningen for frisklivsarbeid", "tilskot til kommunalt rusarbeid").

    >>> scheme_for("kommunalt rusarbeid", default_cues()).search("Vi lyser ut tilskot til kommunalt rusarbeid.").group()
    'tilskot til kommunalt rusarbeid'
    """
    gap = rf"(?:[\w-]+\s+){{0,{between}}}?" if between else ""
    return re.compile(rf"(?<![\w-])[\w-]*?(?:{alternation(cues.instrument_heads)})[\w-]*\s+(?:for|til)\s+{gap}"
                      rf"{re.escape(phrase)}(?![\w-])", re.IGNORECASE)


#: The complement of a capitalised bare instrument noun that makes it a name: "Program for folkehelsearbeid".
_NAME_COMPLEMENT = re.compile(r"\s+(?:for|til|mot|med|i)\s+[a-zæøå]")


def capitalised_programmes(text: str, start: int, end: int, sentence_start: int, rx: Patterns) -> list[tuple[int, int]]:
    """Capitalised compounds of an instrument noun: "Kompetanseløft 2025", "Opptrappingsplanen for ..."."""
    found = []
    for m in CAPITAL_COMPOUND.finditer(text, start, end):
        word = m.group(1)
        low = word.lower()
        if not rx.instrument_word.match(word) or rx.anaphor.match(low) or rx.budget_noun.match(low):
            continue
        if any(low in tuple(h + ending for ending in rx.bare_endings) for h in rx.cues.instrument_heads):
            continue  # the bare definite instrument noun ("Tilskuddet") is a reference, not a name
        if low in rx.cues.instrument_heads and not (m.start(1) > sentence_start + 2
                                                     and _NAME_COMPLEMENT.match(text, m.end(1), end)):
            continue  # a bare "Tilskudd" names nothing, except mid-sentence before its complement:
            # "i samband med Program for folkehelsearbeid i kommunane" (only a name's first word is capitalised)
        if m.group(2):
            found.append((m.start(1), m.end(2)))
        elif m.start(1) > sentence_start + 2 and (rx.programme_word.match(word) or not (
                low in rx.cues.instrument_heads or rx.institution_word.match(word))):
            # mid-sentence, a capitalised compound is a name: "ansvar for Velferdsteknologiprosjektet på Sunnmøre"
            # (not "Utviklingssenter for sjukeheim": a body)
            found.append((m.start(1), m.end(1)))
    return found


def instrument_object(text: str, start: int, end: int, rx: Patterns) -> tuple[int, int] | None:
    """The instrument noun phrase right after a verb: "etablere ordningen Pilot Helse for ..."."""
    words = tokens(text, start, end)

    def past_particles(first: int) -> int:
        while first < len(words) - 1 and text[words[first][0]:words[first][1]].lower() in VERB_PARTICLES:
            first += 1  # "starte opp dette prosjektet", "byggje ut tilbodet": the particle belongs to the verb
        return first

    first = past_particles(1)
    if first < len(words) - 2 and text[words[first][0]:words[first][1]].lower() in ("og", "eller"):
        # "planlegge og etablere tilbodet om ...", "greie ut og etablere ...": the object follows the second verb
        first = past_particles(first + 2)
    for s, e in words[first:first + 4]:
        word = text[s:e]
        if word.lower() in rx.object_stops:
            return None
        if rx.instrument_word.match(word):
            return trim_phrase(text, words[first][0], end, rx)
    return None


#: Particles of Norwegian particle verbs ("starte opp", "byggje ut", "setje inn", "legge fram").
VERB_PARTICLES = frozenset({"opp", "ut", "inn", "fram", "frem"})

#: A definite article and "nye" before a noun: the new thing the text named before ("Det nye sykehuset").
DEFINITE_NEW = r"(?:det|den|dei|de)\s+nye\s+"

#: Demonstratives that point back at something named before ("dette prosjektet", "denne ordninga").
DEMONSTRATIVES = frozenset({"dette", "denne", "disse", "desse"})

#: A modal before the verb of a purpose: "for å kunne starte opp ...".
MODAL = re.compile(r"(?i)(?:kunne|kunna)\s+")


@lru_cache(maxsize=8)
def _negation_before(words: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:ikke|ikkje)\s+(?!(?:bare|berre|kun)\s)(?:[\w-]+\s+){{0,{words}}}\Z", re.IGNORECASE)


def negated_before(text: str, pos: int, floor: int, *, words: int) -> bool:
    """"ikke"/"ikkje" stands at most ``words`` words before ``pos`` (not before ``floor``): "Det gis ikke tilskudd
    til ...", "Det vert ikkje gitt støtte til ..." name what is not funded ("ikke bare", "ikkje berre" excepted).

    >>> text = "Det gis ikke tilskudd til privatpersoner."
    >>> at = text.index("privatpersoner")
    >>> negated_before(text, text.index("tilskudd"), 0, words=1), negated_before(text, at, 0, words=1)
    (True, False)
    """
    return _negation_before(words).search(text, max(floor, pos - 40), pos) is not None


def demonstrative_instrument(words: Sequence[str], rx: Patterns) -> bool:
    """The words open with a demonstrative and an instrument noun ("Desse prosjekta ...", "dette prøveprosjektet"):
    things named before, not a new measure."""
    return (len(words) >= 2 and words[0].lower() in DEMONSTRATIVES
            and rx.instrument_word.match(words[1].strip(".,;:!?")) is not None)


def stem(word: str, rx: Patterns) -> str:
    """A noun without its definite ending: "fondet" -> "fond", "ordninga" -> "ordning"."""
    low = word.lower()
    for suffix in rx.cues.definite_suffixes:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            return low[: -len(suffix)]
    return low


def same_head(head: str, word_stem: str, rx: Patterns) -> bool:
    """True when a mention with head noun ``head`` can be what a reference with stem ``word_stem`` names."""
    return len(word_stem) >= 3 and (head == word_stem or stem(head, rx) == word_stem or head.endswith(word_stem)
                                    or stem(head, rx).endswith(word_stem))


def group_key(label: str, rx: Patterns) -> str:
    """The identity key of a target group label ("eldre" is kept although it is a drop word)."""
    words = [w for w in label.split() if w.lower() not in rx.group_drop]
    return slugify(" ".join(words)) or slugify(label)


def lemma_words(text: str, start: int, end: int, doc: Doc | None = None) -> list[str]:
    """Lower-case lemmas of the words in ``text[start:end]`` (the words themselves without a lemmatised Doc).

    >>> lemma_words("Tiltak for eldre.", 0, 17)
    ['tiltak', 'for', 'eldre']
    """
    if doc is not None and annotated(doc, "LEMMA"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return [(t.lemma_ or t.text).lower() for t in span if not t.is_punct and not t.is_space]
    return [text[s:e].lower() for s, e in tokens(text, start, end)]


def suffix_lemma(word: str, lemmas: frozenset[str] | set[str], *, min_rest: int = 0) -> bool:
    """``word`` is one of ``lemmas`` or a compound ending in one ("delmål", "hovudinnsatsområde").

    >>> suffix_lemma("hovudinnsatsområde", {"område"}), suffix_lemma("tiltak", {"område"})
    (True, False)
    """
    return word in lemmas or any(word.endswith(x) and len(word) - len(x) >= max(min_rest, 2) for x in lemmas)


def _is_clause(span: Span) -> bool:
    """A subject and its finite verb with no noun after them ("Husbanken deler ut", "Helsedirektoratet
    forvalter"), or a relative clause ("som skal fordelast"): a piece of a sentence, not a measure's name."""
    first = span[0]
    if first.lower_ == "som" and "Rel" in first.morph.get("PronType"):
        return True
    if len(span) < 2:
        return False
    verb = span[1]
    return (first.dep_ == "SUBJ" and first.head.i == verb.i and verb.pos_ in ("VERB", "AUX")
            and "Fin" in verb.morph.get("VerbForm")
            and not any(t.pos_ in ("NOUN", "PROPN") for t in span[2:]))  # "X skal leggje fram ei evaluering": a task


#: A numbered category of a call: "Kategori 6", "Søknadskategori 2", "Hovudkategori 1"
_CATEGORY = re.compile(r"(?i)(?:søknads|hoved|hovud|under)?kategori(?:en|a)?\s*\d+\b")


def not_a_measure(text: str, start: int, end: int, rx: Patterns, *, doc: Doc | None = None,
                  actors: Sequence[Actor] = (), tagged_places: bool = True) -> str | None:
    """Why ``text[start:end]`` cannot be a measure label, or None when it may be one.

    ``"fragment"``: a number, date or amount piece ("122 mill", "februar 2023 23", "32 prosjekt i
    Hordaland"); ``"section"``: a statute section ("§ 4 Formål"); ``"generic"``: only generic nouns
    ("Tiltak", "tilskudd", "Prosjekt"); ``"entity"``: a place, person or acting organisation
    ("Norge", "Hordaland", "Innherred Interkommunale Legevakt IKS"); ``"clause"``: a subject with its verb
    or a relative clause ("Husbanken deler ut", "som skal fordelast"). With ``tagged_places=False`` the
    entity tagger is not asked (a name right after an instrument noun is the measure's name).

    >>> patterns = compiled(default_cues())
    >>> [not_a_measure(t, 0, len(t), patterns) for t in ("122 mill", "§ 4 Formål", "Tiltak", "Menn i helse")]
    ['fragment', 'section', 'generic', None]
    """
    cues = rx.cues
    label = text[start:end].strip()
    if not label:
        return "fragment"
    if label.startswith("§"):
        return "section"
    words = [text[s:e] for s, e in tokens(text, start, end)]
    if not words:
        return "fragment"
    first = words[0].lower()
    if len(words) == 1 and first in _PERSONAL_PRONOUNS:
        return "fragment"  # "Realveksten fordeler seg med om lag 3,1 mrd. kroner": a pronoun names nothing
    if any(" ".join(w.lower() for w in words[:len(o.split())]) == o for o in cues.label_non_openers):
        return "fragment"  # "seg til de endringene ...", "ved legesenteret i Myrvåg": the tail of a clause
    if first in cues.kind_words:
        return "generic"  # "slike frisklivssentralar": a kind, no measure
    if _CATEGORY.match(label):
        return "generic"  # "Kategori 6 - Utgifter i samband med publisering": a category of a call, its scheme's part
    if first in cues.month_names or label.count("(") > label.count(")"):
        return "fragment"  # "februar 2023", "IKS (RNHI": a date, or a name cut inside its brackets
    if words[0] in cues.company_forms:
        return "entity"  # "IKS (RNHI)": the tail of a company's name
    if first[:1].isdigit():
        # "100 nye stillinger" is a measure; "122 mill", "2022 i forbindelse med ...", "32 prosjekt" are not
        rest = [w.lower() for w in words[1:] if w.lower() not in rx.drop and not w[:1].isdigit()]
        if (not rest or rest[0] in rx.name_stop or SCALE_WORD.match(rest[0]) or rest[0] in cues.month_names
                or rx.instrument_word.match(rest[0])):  # "29. mai 2024": a date
            return "fragment"
    span = None
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
    if (span is not None and doc is not None and annotated(doc, "POS") and len(span) > 1
            and (span[0].like_num or span[0].pos_ == "NUM")):
        # (an abbreviation is no head: "To St. Olav-prosjekter")
        counted = next((t for t in span[1:] if t.pos_ == "NOUN" and not t.text.endswith(".")), None)
        if counted is None or rx.instrument_word.match(counted.text):
            return "fragment"  # "fire prosjekt i Fjell": a count of grants, not one measure
    if " ".join(w.lower() for w in words) in cues.table_sum_labels:
        return "generic"  # "Totalt", "Sum": the sum of what was listed
    if span is not None and doc is not None and annotated(doc, "DEP") and _is_clause(span):
        return "clause"
    if span is not None and doc is not None and annotated(doc, "POS"):
        nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
        lead = nouns and all(t.pos_ in ("ADJ", "DET", "NUM", "CCONJ", "PUNCT") for t in span[:nouns[0].i - span.start])
        if lead and rx.group_noun.match(nouns[0].text) and not rx.instrument_word.match(nouns[0].text):
            # "barn og unge i Trøndelag": who gets the money, not what it funds; a group after the head ("Skjønnsmidlar
            # til kommunar ...", the head tagged as a verb) does not make the phrase a group
            return "group"
    elif rx.group_noun.match(words[0]) and len(words) > 1:
        return "group"
    lemmas = lemma_words(text, start, end, doc)
    generic = frozenset(cues.generic_measure_lemmas)
    content = [w for w in lemmas if w not in rx.drop and w not in ("og", "eller")]
    if span is not None and doc is not None and annotated(doc, "POS"):
        # a word right after a preposition is the head of its object, whatever the tagger calls it ("Tilskudd til
        # folkehelsearbeid", "folkehelsearbeid" read as a participle)
        content = [(t.lemma_ or t.text).lower() for t in span
                   if (t.pos_ in ("NOUN", "PROPN", "VERB", "X")
                       or t.pos_ == "ADJ" and t.i > span.start and t.doc[t.i - 1].pos_ == "ADP"
                       and t.lower_ not in rx.drop) and not t.is_punct]  # "på nytt": again
    def is_generic(word: str) -> bool:
        plural = word[:-2] if word.endswith(("ar", "er")) else word  # "søknadar", "prosjekter"
        return bool({word, stem(word, rx), plural} & generic)

    if content and all(is_generic(w) for w in content) and len(words) <= 3:
        return "generic"
    if tagged_places and doc is not None and annotated(doc, "ENT_IOB") and not any(rx.instrument_word.match(w) for w in words):
        # an instrument noun makes it a measure name whatever the tagger says ("Kompetanseløft 2025")
        places = set(cues.place_entity_labels)
        core = tokens(text, start, end)
        if len(core) > 1 and re.fullmatch(r"(?:19|20)\d\d(?:[-–](?:19|20)?\d\d)?", text[core[-1][0]:core[-1][1]]):
            core = core[:-1]  # "Trøndelag 2023"
        core_end = core[-1][1]
        for ent in doc.ents:
            if ent.label_ in places and ent.start_char <= start and core_end <= ent.end_char:
                return "entity"
        # "Møre og Romsdal og Trøndelag", "Vestfold, Telemark og Agder": places joined by "og" and commas
        rest, pos = [], start
        for ent in doc.ents:
            if ent.label_ in places and start <= ent.start_char and ent.end_char <= core_end:
                rest.append(text[pos:ent.start_char])
                pos = ent.end_char
        rest.append(text[pos:core_end])
        if pos > start and all(_OTHER_PLACES.fullmatch(r) for r in rest):
            return "entity"
    if words[-1] in cues.company_forms and len(words) > 1 and not (
            words[0][:1].islower() and any(w in _AT_WORDS for w in words[1:-1])):
        return "entity"  # "Innherred Interkommunale Legevakt IKS"; not "ny avdeling i Helse Stavanger HF"
    for actor in actors:
        if actor.start <= start and end <= actor.end and (actor.text.split()[-1] in cues.company_forms
                                                         or actor.actor_type in cues.recipient_body_types):
            # an acting organisation named with its legal form, or a public body ("7,5 millionar kroner til Helse
            # Sør-Øst": who gets the money)
            return "entity"
    return None


#: Personal and reflexive pronouns, Bokmål and Nynorsk: never the whole of a measure's name ("fordeler seg med N").
_PERSONAL_PRONOUNS = frozenset({"seg", "sig", "meg", "deg", "oss", "dere", "dykk", "han", "hun", "ho", "jeg", "eg",
                                "du", "vi", "me", "de", "dei", "dem", "sin", "si", "sitt", "sine"})


#: Prepositions that put a company after what it holds ("ny barne- og ungdomsavdeling i Helse Stavanger HF").
_AT_WORDS = frozenset({"i", "ved", "på", "hos", "til", "for"})

#: What may stand between the tagged places of a list of places: "og", commas, and single capitalised names
#: the tagger missed ("og Trøndelag").
_OTHER_PLACES = re.compile(r"[\s,]*(?:(?:og|eller)\b(?:\s+[A-ZÆØÅ][\w-]+)?[\s,]*)*")


def finite_verb(token: Token) -> bool:
    """A finite verb or auxiliary in the indicative ("legges", "skal", "støtter"), as the tagger reads it and the
    dictionary confirms: the tagger takes some plural nouns for verbs ("samtalegrupper", "Turstier")."""
    if token.pos_ not in ("VERB", "AUX") or "Fin" not in token.morph.get("VerbForm") \
            or "Ind" not in token.morph.get("Mood"):
        return False
    table = load_table()
    low = token.lower_
    if table.lookup("VERB", low, seen=True) is None:
        return False
    # a form the dictionary also knows as a noun ("ligger") is a verb when the parse gives it a subject ("Sum til
    # fordeling ... ligger på 3 millioner")
    return table.lookup("NOUN", low, seen=True) is None or any(c.dep_ == "SUBJ" for c in token.children)


def has_finite_verb(doc: Doc | None, start: int, end: int) -> bool:
    """A :func:`finite_verb` stands in ``[start, end)`` of ``doc`` (False without a tagged Doc): a clause, not a phrase
    ("..., underbygger Torset": a speech verb, not an instrument noun before a name)."""
    if doc is None or not annotated(doc, "MORPH"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(finite_verb(t) for t in span)
