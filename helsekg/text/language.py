"""Bokmål, Nynorsk or another language.

Texts of 25 words or more are judged by lingua (:func:`identify_language`: Bokmål, Nynorsk, Danish,
Swedish, English, German); shorter ones by function-word cues (``helsekg/data/language_cues.json``) and
are refused only when clearly English, German or Swedish. Text in a non-Latin script is refused before either.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from helsekg.errors import InputError

from helsekg.resources import load_data
from helsekg.text.document import LanguageCode

__all__ = ["LanguageGuess", "LanguageIdentity", "detect_language", "guess_language", "identify_language", "language_gate",
           "plain_standard"]

CUES_FILE = "language_cues.json"
# Language detection: texts with fewer words are not judged foreign (lenient default "nb") ...
_MIN_WORDS_TO_JUDGE = 25
# ... unless they have this many words and lingua is this sure of a language no Norwegian text is taken for
# (Danish and Swedish are: "Helse Vest RHF: Årsrapport 2023" reads as Danish). None of 1 415 lines of 6-24 words of
# the gold's Norwegian texts is refused this way.
_MIN_WORDS_SHORT_FOREIGN = 6
_SHORT_FOREIGN_CONFIDENCE = 0.99
_DISTANT_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "fi", "pl"})
# A Norwegian text with at least this many words of one written standard only (``nb``/``nn`` of the cue file) is
# in the standard most of them belong to; with fewer, lingua's judgement stands.
_MIN_STANDARD_MARKERS = 5
# ... and with this many, and this many times the marker words of any other language, it is Norwegian without
# asking lingua (944 of the 1 169 gold and corpus texts; lingua agreed on every one)
_CLEAR_STANDARD_MARKERS = 10
_FOREIGN_RATIO = 5
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


def _swedish_spelling(words: list[str]) -> bool:
    """Two or more words spelt with Swedish "ä"/"ö" and none with Norwegian "æ"/"ø": Swedish however short
    ("Regeringen satsar 100 miljoner kronor på äldreomsorgen ..."); a Norwegian line with a Swedish name ("Björn")
    has one."""
    return sum(1 for w in words if "ä" in w or "ö" in w) >= 2 and not any("æ" in w or "ø" in w for w in words)


def guess_language(text: str) -> LanguageGuess:
    """Bokmål or Nynorsk, or the language (or script) the text is in when it is not Norwegian.

    A text in a non-Latin script is foreign, however short. A text of fewer than 25 words is Norwegian (too short to
    refuse) and its written standard comes from function-word cues, unless it has 6 words or more and lingua is
    at least 0.99 sure it is English or German, or Swedish in Swedish spelling (two words with "ä"/"ö", none with
    "æ"/"ø"). A longer text is judged by lingua
    (:func:`identify_language`): Norwegian when Bokmål and Nynorsk together are at least as likely as
    the most likely other language; its written standard is the one most of its marker words (words of one standard
    only, ``nb``/``nn`` of the cue file) belong to when it has 5 or more of them, else the one lingua finds likelier.

    >>> guess_language("Regjeringa vil ikkje kutte i tilskotet, og kommunane får meir pengar.").language
    <LanguageCode.NN: 'nn'>
    >>> guess_language("Kommunen har søkt om tilskudd fra Husbanken, men har ikke fått svar. Hvordan skal de eldre "
    ...                "få et godt tilbud? Vi vet ikke hva som skjer, og det blir vanskelig for alle som venter på "
    ...                "plass.").language
    <LanguageCode.NB: 'nb'>
    >>> guess_language("Regeringen vil ikke skære i tilskuddet. Kommunerne får flere penge, og det er "
    ...                "godt nyt for de ældre og for personalet i hjemmeplejen, som længe har ventet på "
    ...                "en ordentlig løsning fra staten.").foreign
    'Danish'
    """
    cues = _language_cues()
    text = text[:_LANGUAGE_SAMPLE_CHARS]
    script = _foreign_script(text)
    if script:
        return LanguageGuess(None, script)
    words = [word.lower() for word in _WORD.findall(text)]
    nb, nn, foreign = _markers(Counter(words), cues)
    if len(words) >= _MIN_WORDS_TO_JUDGE:
        plain = _plain_standard(nb, nn, foreign)
        if plain is not None:
            # plainly Norwegian by its words: lingua's verdict would be the same and costs a model run (issue 18)
            return LanguageGuess(plain, None)
        identity = identify_language(text)
        if (identity.code is not None and identity.code not in ("nb", "nn")
                and identity.norwegian < identity.confidence):
            return LanguageGuess(None, identity.name)
        if identity.code is not None:
            if max(nb, nn) >= _MIN_STANDARD_MARKERS and nb != nn:
                # Norwegian: the words only one written standard has decide which; lingua tells the two apart
                # less well (it took 18 of the 737 dev texts for the other standard, the marker words 5)
                return LanguageGuess(LanguageCode.NN if nn > nb else LanguageCode.NB, None)
            if identity.code in ("nb", "nn"):
                return LanguageGuess(LanguageCode(identity.code), None)
            scores = dict(identity.scores)
            return LanguageGuess(LanguageCode.NN if scores["nn"] > scores["nb"] else LanguageCode.NB, None)
    elif len(words) >= _MIN_WORDS_SHORT_FOREIGN:
        identity = identify_language(text)
        if identity.confidence >= _SHORT_FOREIGN_CONFIDENCE and (
                identity.code in _DISTANT_LANGUAGES or identity.code == "sv" and _swedish_spelling(words)):
            return LanguageGuess(None, identity.name)
    return LanguageGuess(LanguageCode.NN if nn > nb else LanguageCode.NB, None)


def _markers(counts: Counter[str], cues: _LanguageCues) -> tuple[int, int, int]:
    """How many of the counted words mark Bokmål, mark Nynorsk, and belong to the foreign language with most."""
    foreign = max((sum(counts[w] for w in listed) for listed in cues.foreign.values()), default=0)
    return sum(counts[w] for w in cues.nb), sum(counts[w] for w in cues.nn), foreign


def _plain_standard(nb: int, nn: int, foreign: int) -> LanguageCode | None:
    """The written standard of a text plainly Norwegian by its marker words (ten or more of one standard, five times
    as many as of any other language), else None."""
    marker = max(nb, nn)
    if marker >= _CLEAR_STANDARD_MARKERS and nb != nn and foreign * _FOREIGN_RATIO <= marker:
        return LanguageCode.NN if nn > nb else LanguageCode.NB
    return None


def plain_standard(text: str) -> LanguageCode | None:
    """The written standard :func:`guess_language` gives ``text`` without running lingua, when the text is plainly
    Norwegian by its marker words; None when lingua would be asked (``benchmarks/language_speed.py``)."""
    words = [word.lower() for word in _WORD.findall(text[:_LANGUAGE_SAMPLE_CHARS])]
    if len(words) < _MIN_WORDS_TO_JUDGE or _foreign_script(text[:_LANGUAGE_SAMPLE_CHARS]):
        return None
    return _plain_standard(*_markers(Counter(words), _language_cues()))


def _foreign_script(text: str) -> str | None:
    """Name of the dominant non-Latin script when most letters are not Latin, else None."""
    ascii_letters = len(_ASCII_LETTERS.findall(text))
    scripts = Counter(
        unicodedata.name(ch, "UNKNOWN").split(" ")[0] for ch in _NON_ASCII_LETTERS.findall(text)
    )
    total = ascii_letters + sum(scripts.values())
    if total < _MIN_SCRIPT_LETTERS or ascii_letters + scripts["LATIN"] >= 0.5 * total:
        return None
    script = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
    return f"text in {script.title()} script"


#: A script is judged from this many letters on: a short file mis-decoded into another script ("Ā慧扲条e", UTF-16 read
#: from a few stray bytes) is refused, where a short Norwegian text, being Latin, never is.
_MIN_SCRIPT_LETTERS = 3
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


@dataclass(frozen=True)
class LanguageIdentity:
    """The language :func:`identify_language` finds.

    Attributes:
        code: ISO 639-1 code of the most likely language ("nb", "nn", "da", "sv", "en", "de"), or
            ``None`` when the text has too little language to tell (no letters).
        name: the language's English name ("Norwegian Bokmål", "Danish", ...), ``None`` with ``code``.
        confidence: the share of the text in ``code``, 0-1 (pieces of the text vote, weighted by
            their length and the detector's confidence).
        scores: ``(code, share)`` for every candidate language, most likely first.
    """

    code: str | None
    name: str | None
    confidence: float
    scores: tuple[tuple[str, float], ...] = ()

    @property
    def norwegian(self) -> float:
        """Bokmål and Nynorsk together: the confidence that the text is Norwegian."""
        return sum(value for code, value in self.scores if code in ("nb", "nn"))


# --------------------------------------------------------------------------------------------
# lingua

_LANGUAGES = {
    "nb": "Norwegian Bokmål",
    "nn": "Norwegian Nynorsk",
    "da": "Danish",
    "sv": "Swedish",
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "fi": "Finnish",
    "pl": "Polish",
}
_SAMPLE_CHARS = 20_000
_CHUNK_CHARS = 1_000


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 (a lingua LanguageDetector)
    """lingua's detector for the candidates, built once: Bokmål and Nynorsk, the languages nearest them (Danish,
    Swedish), and the other European languages a policy text may come in (English, German, French, Spanish, Italian,
    Portuguese, Dutch, Finnish, Polish), so a refused text is named by its own language, not the nearest candidate.

    Low-accuracy mode (trigrams only) is enough for the ~1 000-character pieces judged here and
    keeps the loaded models at ~15 MB instead of ~170 MB per process (a 300-page report: 0.1 s
    instead of 1.8 s for the first call).
    """
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    # the candidates are the codes of ``_LANGUAGES``, so the names a refusal gives and the languages judged are one list
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in _LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _sample(text: str, limit: int = _SAMPLE_CHARS) -> str:
    """At most ``limit`` characters: the beginning, middle and end of a long text, cut at spaces."""
    if len(text) <= limit:
        return text
    size = limit // 3
    pieces = []
    for start in (0, (len(text) - size) // 2, len(text) - size):
        piece = text[start : start + size]
        if start:  # drop the partial first word
            piece = piece.partition(" ")[2] or piece
        if start + size < len(text):  # and the partial last word
            piece = piece.rpartition(" ")[0] or piece
        pieces.append(piece)
    return "\n\n".join(pieces)


def _chunks(text: str, size: int = _CHUNK_CHARS) -> Iterator[str]:
    """Pieces of about ``size`` characters, cut at whitespace."""
    position = 0
    while position < len(text):
        end = position + size
        if end < len(text):
            space = max(text.rfind(" ", position, end), text.rfind("\n", position, end))
            end = space if space > position + size // 2 else end
        yield text[position:end]
        position = end


def identify_language(text: str) -> LanguageIdentity:
    """The language of a text, among Bokmål, Nynorsk, Danish, Swedish and the European languages of :func:`_detector`.

    Uses lingua (its detector is built once, on first use). The text is judged in pieces of about
    1 000 characters and the pieces vote, weighted by their length and lingua's confidence: judged
    in one go, a Bokmål report quoting some Nynorsk looks like Nynorsk, because Nynorsk-only letter
    sequences weigh more than the many shared ones. Texts longer than 20 000 characters are judged on
    a sample from their beginning, middle and end, so long reports stay fast.

    Args:
        text: the text.

    Returns:
        The language most of the text is in, with its share of the vote as confidence; ``code`` is
        ``None`` if the text has no letters to judge.

    >>> identify_language("Regjeringa føreslår å løyve 40 millionar kroner til nye sjukeheimsplassar.").code
    'nn'
    >>> identify_language("1 250 000").code is None
    True
    """
    detector = _detector()
    votes = dict.fromkeys(_LANGUAGES, 0.0)
    for chunk in _chunks(_sample(text)):
        for value in detector.compute_language_confidence_values(chunk):
            code = value.language.iso_code_639_1.name.lower()
            votes[code] = votes.get(code, 0.0) + len(chunk) * float(value.value)
    total = sum(votes.values())
    if total <= 0.0:
        return LanguageIdentity(None, None, 0.0, tuple(votes.items()))
    scores = tuple(sorted(((code, vote / total) for code, vote in votes.items()), key=lambda pair: -pair[1]))
    code, confidence = scores[0]
    return LanguageIdentity(code, _LANGUAGES.get(code, code), confidence, scores)


def language_gate(text: str, *, path: str | os.PathLike[str], language: str | None = None) -> LanguageCode:
    """Bokmål or Nynorsk, or refuse a text in another language.

    The text is Norwegian when Bokmål and Nynorsk together are at least as likely as the most
    likely other language (Bokmål and Danish are close; the sum keeps a Norwegian text whose
    confidence is split between nb and nn). A text without letters to judge is taken as Bokmål,
    helsekg's default; empty files are refused elsewhere (E004).

    Args:
        text: the document's text.
        path: the file's path, for the error message.
        language: "nb" or "nn" given by the user; skips detection.

    Returns:
        ``LanguageCode.NB`` or ``LanguageCode.NN``.

    Raises:
        InputError: E008 if the text is in another language (Danish, Swedish, English, German, French, ...) or script.
        ValueError: if ``language`` is not "nb" or "nn".

    >>> str(language_gate("Helsedirektoratet skal lage en ny veileder for fastleger.", path="x.txt"))
    'nb'
    >>> str(language_gate("anything", path="x.txt", language="nn"))
    'nn'
    """
    if language is not None:
        if language not in ("nb", "nn"):
            raise ValueError(f"language must be 'nb' or 'nn', not {language!r}")
        return LanguageCode(language)
    guess = guess_language(text)
    if guess.language is None:
        raise InputError("E008", path, language=guess.foreign)
    return guess.language
