"""Bokmål, Nynorsk or another language, from function-word cues (``helsekg/data/language_cues.json``)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from helsekg.resources import load_data
from helsekg.text.document import LanguageCode

__all__ = ["LanguageGuess", "detect_language", "guess_language"]

CUES_FILE = "language_cues.json"
# Language detection: texts with fewer words are not judged foreign (lenient default "nb").
_MIN_WORDS_TO_JUDGE = 25
# A foreign language needs at least this many hits and this share of the words.
_MIN_FOREIGN_HITS = 3
_MIN_FOREIGN_SHARE = 0.04
# Language is judged on the start of long documents.
_LANGUAGE_SAMPLE_CHARS = 200_000


# --------------------------------------------------------------------------------------------
# Cue data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LanguageCues:
    nb: frozenset[str]
    nn: frozenset[str]
    norwegian: frozenset[str]
    foreign: dict[str, frozenset[str]]
    names: dict[str, str]


@lru_cache(maxsize=1)
def _language_cues() -> _LanguageCues:
    raw = load_data(CUES_FILE)["language"]
    names = dict(raw["names"])
    return _LanguageCues(
        nb=frozenset(raw["nb"]),
        nn=frozenset(raw["nn"]),
        norwegian=frozenset(raw["norwegian"]),
        foreign={code: frozenset(raw[code]) for code in names},
        names=names,
    )


# --------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageGuess:
    """The written standard of a text, or the language it looks like when it is not Norwegian."""

    language: LanguageCode | None  # None when not Norwegian
    foreign: str | None  # English name of the likely language when not Norwegian


def guess_language(text: str) -> LanguageGuess:
    cues = _language_cues()
    text = text[:_LANGUAGE_SAMPLE_CHARS]
    script = _foreign_script(text)
    if script:
        return LanguageGuess(None, script)
    words = [word.lower() for word in _WORD.findall(text)]
    counts = Counter(words)
    if len(words) >= _MIN_WORDS_TO_JUDGE:
        hits = {code: sum(counts[w] for w in cue) for code, cue in cues.foreign.items()}
        code, foreign_hits = max(hits.items(), key=lambda item: item[1])
        if foreign_hits >= _MIN_FOREIGN_HITS and foreign_hits >= _MIN_FOREIGN_SHARE * len(words):
            norwegian_hits = sum(counts[w] for w in cues.nb | cues.nn | cues.norwegian)
            if foreign_hits > 0.5 * norwegian_hits or foreign_hits >= 0.15 * len(words):
                return LanguageGuess(None, cues.names[code])
    nb = sum(counts[w] for w in cues.nb)
    nn = sum(counts[w] for w in cues.nn)
    return LanguageGuess(LanguageCode.NN if nn > nb else LanguageCode.NB, None)


def _foreign_script(text: str) -> str | None:
    """Name of the dominant non-Latin script when most letters are not Latin, else None."""
    ascii_letters = len(_ASCII_LETTERS.findall(text))
    scripts = Counter(
        unicodedata.name(ch, "UNKNOWN").split(" ")[0] for ch in _NON_ASCII_LETTERS.findall(text)
    )
    total = ascii_letters + sum(scripts.values())
    if total < 50 or ascii_letters + scripts["LATIN"] >= 0.5 * total:
        return None
    script = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
    return f"text in {script.title()} script"


_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII_LETTERS = re.compile(r"[^\W\d_A-Za-z]")


def detect_language(text: str) -> str | None:
    """"nb" (Bokmål) or "nn" (Nynorsk) from function-word cues, or None when not Norwegian.

    Short texts are not judged foreign: they get "nb" unless Nynorsk cues win.

    >>> detect_language("Regjeringen vil ikke kutte i tilskuddet, og kommunene får mer penger.")
    <LanguageCode.NB: 'nb'>
    >>> detect_language("Regjeringa vil ikkje kutte i tilskotet, og kommunane får meir pengar.") == "nn"
    True
    >>> detect_language("The government will not cut the grant, and the municipalities will get "
    ...                 "more money from the state this year, which is good news for the health "
    ...                 "services and for the people who work in them every day of the year.")
    """
    return guess_language(text).language


