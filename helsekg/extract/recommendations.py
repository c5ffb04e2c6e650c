"""Recommendations: the proposals of councils, commissions and committees, with who made them and their themes.

Advisory documents state their proposals in these ways, all found here:

* **lists** introduced by a cue line ("Rådets forslag til tiltak:", "Vi anbefaler:", "Utvalget
  foreslår følgende:", "Rådet tilrår:"), each bullet one recommendation; in a document whose author is
  an advisory body, bullets that open with "Vi må/trenger/bør ..." count without a cue line;
* **prose** sentences whose subject is an advisory body, or "vi" in its document, and whose verb
  recommends: "Rådet anbefaler at ...", "Utvalget foreslår å ...", "Kommisjonen tilrår at ...",
  "I tillegg tilrår rådet at ...". Governments propose measures, not recommendations: "Regjeringen
  foreslår ..." and "Byrådet foreslår ..." are left out, as are "Vi må ..." bullets of a press release;
* **requests** of an advisory body to a decision-maker: "Barneombudet ber Stortinget om å:" opens a list, "Vi
  ber Stortinget avvise ..." is one (``request_verbs``, ``addressees``);
* **imperatives** in an advisory body's prose ("Styrk eldreomsorga."), when the tagger marks the mood and the
  verb does not instruct the reader ("Les mer", ``instruction_verbs``).

Each recommendation is a :class:`~helsekg.extract.records.Recommendation` whose span is the bullet text
(without its marker) or the sentence. **Its label is the text as written**, opener included ("Vi må
sikre ..."): the opener carries the strength of the proposal (må/bør/trenger), the label equals the
anchor text, and the linker ignores the opener words anyway. ``heading`` is the nearest heading line
above it (a short stand-alone line without final punctuation); ``themes`` are the concepts of the
theme scheme found in the heading first, then in the text (:mod:`helsekg.extract.themes`); headings that
match no concept stay in ``heading`` only, so every hkg:hasTheme points into the scheme.

``by`` is the recommending actor: the actor named as the sentence's subject, or else the document's
advisory author: an actor of the ``actors`` given (typically those of :func:`helsekg.nlp.actors.extract_actors`)
of an advisory type (council, commission, committee, ombud) or named "X-rådet", "X-utvalget",
"X-kommisjonen", that is not the addressee ("innspill *til* Helsepersonellkommisjonen"); failing that,
such a name found in the text, built as an organisation anchored at its first body mention.

Word lists are data: ``helsekg/data/recommendation_cues.json``.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from spacy.tokens import Doc, Span

from helsekg import resources
from helsekg.extract.records import Actor, Recommendation
from helsekg.extract.themes import ThemeScheme, theme_records
from helsekg.nlp.actors import generic_body_word, load_patterns
from helsekg.nlp.extensions import annotated, doc_text
from helsekg.text.document import Document, slugify
from helsekg.text.layout import BULLET_RE, Line, split_lines

__all__ = ["RecommendationCues", "advisory_author", "default_cues", "find_recommendations"]

CUES_FILE = "recommendation_cues.json"
_HEAD_MAX_CHARS = 100
_HEAD_MAX_WORDS = 12
_NAME_HEADS = (r"(?:rådet|utvalget|utvalet|kommisjonen|ombudet|ombodet|nemnda|panelet|revisjonen|tilsynet"
               r"|ekspertgruppen|ekspertgruppa|arbeidsgruppen|arbeidsgruppa)")
# "HelseOmsorg21-rådet", "Helsepersonellkommisjonen", "Prioriteringsutvalget" (capitalised, one word)
# "Ekspertgruppen", "Arbeidsgruppa": a group named by its kind alone
_NAMED_BODY = re.compile(rf"\b[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*?-?{_NAME_HEADS}\b"
                         r"|\b(?:Ekspert|Arbeids)grupp(?:en|a)\b")
# "Ungdommens distriktspanel", "Eidsvoll eldreråd": a capitalised owner or place and a lower-case compound after it
# (:func:`_advisory_compound` judges the compound)
_NAMED_COMPOUND_BODY = re.compile(r"\b[A-ZÆØÅ][\wæøåÆØÅ-]*\s+[a-zæøå][\wæøå-]{5,}\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"–-])")
_DASH_QUOTE = re.compile(r"\s*[–—-]\s")
_SAYS = re.compile(r"(?i),?\s+(?:sier|seier|sa|skriver|skriv|understreker|forteller|fortel)\s+[A-ZÆØÅ\w]")
_RECIPIENT_BEFORE = re.compile(r"\b(?:til|for|overfor|mot)\s+$", re.IGNORECASE)
#: "må" and a passive infinitive ("må begrenses", "må styrkjast", "må ikke svekkes"): something to be done by others
_PASSIVE_MUST = re.compile(r"(?i)\bmå\s+(?:(?:ikke|ikkje|derfor|difor|også|òg)\s+)?[a-zæøå]+(?:es|ast)\b")
#: "Vi vil ...", "Me skal ...": what the body itself commits to, no demand
_COMMITMENT = re.compile(r"(?i)(?:vi|me)\s+(?:vil|skal)\b")


def _addressed(text: str, start: int) -> bool:
    """The name at ``start`` is whom a text is addressed to ("innspill til X", "notat til helse- og omsorgskomiteen")."""
    return _RECIPIENT_BEFORE.search(text[max(0, start - 12):start]) is not None


@dataclass(frozen=True)
class RecommendationCues:
    """Word lists that find recommendations (``helsekg/data/recommendation_cues.json``)."""

    intro_nouns: tuple[str, ...]
    intro_owners: tuple[str, ...]
    list_verbs: tuple[str, ...]
    recommending_verbs: tuple[str, ...]
    openers: tuple[str, ...]
    advisory_heads: tuple[str, ...]
    advisory_actor_types: tuple[str, ...]
    non_advisory_subjects: tuple[str, ...]
    deciding_actor_types: tuple[str, ...]
    adverbs: tuple[str, ...]
    opinion_verbs: tuple[str, ...] = ()
    demand_modals: tuple[str, ...] = ()
    item_demand_modals: tuple[str, ...] = ()
    #: the modals an opinion's clause demands with ("Ombudet mener at kommunene må sikre ..."); in quoted speech only
    #: ``demand_modals`` ones do
    opinion_modals: tuple[str, ...] = ()
    #: after an ``opinion_modals`` word that is no ``demand_modals`` one, these verbs judge ("... meiner at tenestene må
    #: bli betre"), they do not demand
    judging_verbs: tuple[str, ...] = ()
    request_verbs: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    instruction_verbs: tuple[str, ...] = ()
    #: "La oss ...", "La meg ...": imperatives that invite or announce, no demand
    non_demand_openers: tuple[str, ...] = ()
    advice_nouns: tuple[str, ...] = ()
    #: "Anbefaling 1: ...", "Tilråding 2: ...": a line opening with one of these and a number is a recommendation
    numbered_labels: tuple[str, ...] = ()
    #: "Eidsvoll eldreråd", "Ungdommens distriktspanel": an indefinite compound of these names an advisory body
    advisory_compound_heads: tuple[str, ...] = ()
    #: compounds of those heads that govern or name a minister ("byråd", "fylkesråd", "statsråd")
    non_advisory_compounds: tuple[str, ...] = ()
    #: actor types of elected and executive bodies that decide ("Fylkesutvalet", "Formannskapet"): never the advisory
    #: author of a text, although a name like "Fylkesutvalet" ends in an advisory head
    governing_actor_types: tuple[str, ...] = ()
    #: verbs that recommend only with an "at" clause: "Barneombudet forventer at ...", "Vi ønsker at det legges
    #: føringer ..." (with "å" they tell what the body itself expects or wants to do)
    that_verbs: tuple[str, ...] = ()
    #: "Rådet for psykisk helse", "Nasjonalt råd for ...": a name with one of these as a word is an advisory body
    advisory_words: tuple[str, ...] = ()
    #: "høringssvar", "høyringsfråsegn": a consultation answer speaks for the body that sends it
    consultation_words: tuple[str, ...] = ()
    #: "synes det fornuftig å ...": the verbs and adjectives of what a speaker finds right to do
    endorsing_verbs: tuple[str, ...] = ()
    endorsing_adjectives: tuple[str, ...] = ()
    #: "etter vårt syn", "slik vi ser det": the author's own view named in the sentence ("Det er etter vårt syn viktig
    #: at ...", "Etter vår vurdering er det nødvendig å ...")
    opinion_phrases: tuple[str, ...] = ()
    #: "høringsbrev", "høyringsnotat": what a consultation answer's first sentence "viser til"
    consultation_letters: tuple[str, ...] = ()
    #: "Lunner kommune støtter vurderingene av ...": a list item that only takes a position on what it answers
    position_verbs: tuple[str, ...] = ()
    #: "Stortinget ber regjeringen ...": a list item that opens with the request of a body of these types drafts a
    #: decision, it gives no advice
    decision_body_types: tuple[str, ...] = ()

    @classmethod
    def load(cls) -> "RecommendationCues":
        fields = cls.__dataclass_fields__
        return cls(**resources.cue_tuples(resources.load_data(CUES_FILE), fields, source=resources.data_path(CUES_FILE),
                                           what="recommendation cues"))


@lru_cache(maxsize=1)
def default_cues() -> RecommendationCues:
    """The shipped cues, loaded once."""
    return RecommendationCues.load()


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=8)
def _patterns(cues: RecommendationCues) -> dict[str, re.Pattern[str]]:
    owners, nouns, list_verbs = _alt(cues.intro_owners), _alt(cues.intro_nouns), _alt(cues.list_verbs)
    return {
        # "Rådets forslag til tiltak:", "Våre anbefalinger:", "Rådet anbefaler følgende:", "Vi tilrår:",
        # "Barneombudets innspill oppsummert:" (the owner may end a compound)
        "intro": re.compile(
            rf"^(?:.*(?<![\w-])[\w-]*?(?:{owners})\s+(?:\w+\s+){{0,2}}(?:{nouns})\b.*"
            rf"|.*\b(?:{list_verbs})\b(?:\s+\w+){{0,4}}\s*):\s*$",
            re.IGNORECASE,
        ),
        # "Vi anbefaler at departementet" with the bullets on the next lines: an intro without its colon
        "open_intro": re.compile(rf"^.*\b(?:{list_verbs})(?:\s+at)?(?:\s+[\w-]+){{0,4}}$", re.IGNORECASE),
        # a heading that names advice and its owner: "Rådets anbefalinger", "Våre tilrådingar" (no colon)
        "intro_heading": re.compile(
            rf"^[\w-]*?(?:{owners})\s+(?:\w+\s+){{0,2}}(?:{_alt(n for n in cues.intro_nouns if n != 'tiltak')})\s*$",
            re.IGNORECASE),
        "opener": re.compile(rf"^(?:{_alt(cues.openers)})\b", re.IGNORECASE),
        # "synes det fornuftig å X", "er det nødvendig å X", "meiner vi det er rett å X", "mener at det er fornuftig
        # at X", a sentence "Det må være innlysende at X": what the speaker finds right to do or to hold (group 1); a
        # bare "Det er viktig at X" is left out (session 28: two right on dev, one wrong on test, none right there),
        # not one whose author names the view as its own: "Det er etter vårt syn viktig at X", "Etter vår vurdering er
        # det nødvendig å X"
        "endorsed": re.compile(
            rf"(?:(?<![\w-])(?:{_alt(cues.endorsing_verbs) or '(?!)'})\s+(?:\w+\s+)?det"
            rf"|^det\s+(?:vil|må|skal)\s+(?:være|vere)"
            rf"|^det\s+er\s+(?:{_alt(cues.opinion_phrases) or '(?!)'})"
            rf"|^(?:{_alt(cues.opinion_phrases) or '(?!)'})\s+(?:er|vil\s+(?:være|vere))\s+det)"
            rf"\s+(?:(?:er|vere|være|som)\s+)?"
            rf"(?:(?:svært|veldig|heilt|helt|derfor|difor|også|òg|mer|meir)\s+)?"
            rf"(?:{_alt(cues.endorsing_adjectives) or '(?!)'})\s+(?:å|at)\s+([^.!?]+)", re.IGNORECASE),
        # "Lunner kommune støtter vurderingene ...", "Vi deler ...": a position verb within an item's first five words
        "position": re.compile(rf"^(?:[\w-]+\s+){{0,4}}?(?:{_alt(cues.position_verbs) or '(?!)'})\b", re.IGNORECASE),
        # a demanding modal, or an asking verb with its "at", anywhere in an item ("..., og da mener vi at de bør være
        # valgbare", "ønsker at ...")
        "asking_word": re.compile(rf"(?<![\w-])(?:(?:{_alt(cues.item_demand_modals) or '(?!)'})(?![\w-])"
                                  rf"|(?:{_alt(cues.that_verbs) or '(?!)'})\s+(?:\w+\s+)?at\b)", re.IGNORECASE),
        # "... en rapport med anbefalinger ...", "Innspill til ...": a word that announces advice
        "advice": re.compile(rf"(?<![\w-])(?:{_alt(cues.advice_nouns)})", re.IGNORECASE),
        # a paragraph that opens with an advisory body's head noun: "Rådet har sendt en rapport med anbefalinger"
        "advisory_opener": re.compile(rf"(?:{_alt(cues.advisory_heads)})\b", re.IGNORECASE),
        # "Anbefaling 3: Kommunene bør ...", "Tilråding 2 – Styrk ...": a numbered recommendation, its text after the
        # mark
        "numbered": re.compile(rf"(?i:{_alt(cues.numbered_labels) or '(?!)'})\s+(?:nr\.?\s*)?\d+[a-z]?\s*[:.–-]\s+"
                               r"(?=\w)"),
    }


class _Prose:
    """The prose pattern of one document (:func:`_prose_pattern`), compiled only once a text holds one of its
    verbs, and naming only the actors that stand next to one of its verbs in the document (:func:`_next_to_verbs`):
    compiling the pattern cost about 6 ms, more than the rest of the recommendation finder, and with the
    actors it named it was compiled anew for nearly every document (issue 18). ``search`` gives the pattern's
    match; ``text`` is the document's text, of which every searched text is a part."""

    def __init__(self, cues: RecommendationCues, subjects: Sequence[str], text: str) -> None:
        self._cues, self._subjects, self._text = cues, tuple(subjects), text
        self._gate = _verb_gate(cues)
        self._pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self._gate.search(text) is None:
            return None
        if self._pattern is None:
            self._pattern = _prose_pattern(self._cues, _next_to_verbs(self._cues, self._subjects, self._text))
        return self._pattern.search(text)


def _next_to_verbs(cues: RecommendationCues, subjects: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The ``subjects`` that can match in :func:`_prose_pattern` on a part of ``text``: "vi" (matched in any
    case), and each actor label found, with its whitespace collapsed, just before a verb of the pattern
    (``<subject> anbefaler``) or within a verb's length after the start of one (``anbefaler <subject>``).
    Every alternative of the pattern puts the subject next to a verb with only whitespace between, so the
    other labels cannot match, and leaving them out changes no match; the pattern is then the same for most
    documents (often none of its actors is left) and is compiled once."""
    flat = " ".join(text.split())
    gate = _loose_verb_gate(cues)
    starts: list[int] = []
    found = gate.search(flat)
    while found is not None:  # every position where a verb starts, overlapping ones too
        starts.append(found.start())
        found = gate.search(flat, found.start() + 1)
    if not starts:
        return tuple(s for s in subjects if s == "vi")
    reach = max(len(" ".join(v.split())) for v in _prose_verbs(cues)) + 1
    begins = set(starts)
    kept = []
    for subject in subjects:
        if subject == "vi":
            kept.append(subject)
            continue
        label = " ".join(subject.split())
        at = flat.find(label)
        while at >= 0:
            before = bisect_left(starts, at) - 1  # the last verb starting before the label
            if at + len(label) + 1 in begins or (before >= 0 and at - starts[before] <= reach):
                kept.append(subject)
                break
            at = flat.find(label, at + 1)
    return tuple(kept)


def _prose_verbs(cues: RecommendationCues) -> tuple[str, ...]:
    """The verbs of the prose pattern's alternatives: recommending, opinion, request and "at"-clause verbs."""
    return (*cues.recommending_verbs, *cues.opinion_verbs, *cues.request_verbs, *cues.that_verbs)


@lru_cache(maxsize=8)
def _loose_verb_gate(cues: RecommendationCues) -> re.Pattern[str]:
    """:func:`_verb_gate` without the word boundary before the verb: it finds (at least) every place where a
    verb of the prose pattern starts, in text whose whitespace is collapsed."""
    return re.compile(rf"(?:{_alt(_prose_verbs(cues))})\s", re.IGNORECASE)


@lru_cache(maxsize=8)
def _verb_gate(cues: RecommendationCues) -> re.Pattern[str]:
    """A verb of the prose pattern as a word followed by a space: every alternative of :func:`_prose_pattern`
    holds one this way (after a space or a word boundary, before a space), so a text without one has no match."""
    return re.compile(rf"\b(?:{_alt(_prose_verbs(cues))})\s", re.IGNORECASE)


@lru_cache(maxsize=32)
def _prose_pattern(cues: RecommendationCues, subjects: tuple[str, ...]) -> re.Pattern[str]:
    verbs = _alt(cues.recommending_verbs)
    options = [rf"[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*?-?{_NAME_HEADS}", rf"(?i:{_alt(cues.advisory_heads)})"]
    if subjects:
        # "vi" opens a sentence as often as it follows the verb ("Vi ber Stortinget ...", "tilrår vi at")
        options.insert(0, "|".join(filter(None, (_alt(s for s in subjects if s != "vi"),
                                                    "(?i:vi)" if "vi" in subjects else ""))))
    subj = "(?:" + "|".join(options) + ")"
    # the clause ("anbefaler at ...", "tilrår å ...") or a noun phrase ("Kommisjonen anbefaler en ny modell for ...")
    # "Riksrevisjonen anbefaler Helse- og omsorgsdepartementet å ...": a named addressee before "å"
    recommends = (rf"(?:\b(?P<s1>{subj})\s+(?:(?i:{verbs}))|\b(?:(?i:{verbs}))\s+(?P<s2>{subj}))"
                  rf"(?:\s+(?i:{_alt(cues.adverbs)}))?\s+"
                  rf"(?:(?i:at|å|om)\b|{_addressee(cues)}\s+(?i:å)\b|(?=[a-zæøå]))")
    if cues.that_verbs:
        # an adverb may stand inside a two-word verb ("ber derfor om at", "ser også gjerne at")
        inside = rf"(?:\s+(?i:{_alt(cues.adverbs)}))?\s+"
        that = "|".join(inside.join(re.escape(w) for w in verb.split()) for verb in
                        sorted(cues.that_verbs, key=len, reverse=True))
        recommends += (rf"|(?:\b(?P<s6>{subj})\s+(?i:{that})|\b(?i:{that})\s+(?P<s7>{subj}))"
                       rf"(?:\s+(?i:{_alt(cues.adverbs)}))?\s+(?i:at)\b")
    strong = set(cues.demand_modals)
    judging = rf"(?!\s+(?i:{_alt(cues.judging_verbs)})\b)" if cues.judging_verbs else ""
    modals = "|".join([*(_alt([m]) for m in cues.demand_modals),
                       *(_alt([m]) + judging for m in cues.opinion_modals if m not in strong)])
    if cues.opinion_verbs and modals:
        # "Riksrevisjonen mener at departementet bør vurdere ...", "Ombudet mener at kommunene må sikre ...": an
        # opinion whose clause demands (the modal is group "modal")
        recommends += (rf"|\b(?P<s3>{subj})\s+(?i:{_alt(cues.opinion_verbs)})(?:\s+(?i:{_alt(cues.adverbs)}))?"
                       rf"(?:\s+(?i:at)\b|(?=\s+(?i:det|dei|de)\s)"
                       rf"|(?=\s+[a-zæøå]+\s+(?i:{modals})\b))"
                       rf"[^.!?\n]{{0,160}}?\b(?P<modal>(?i:{modals}))\b"
                       # "Samla sett meiner utvalet at ...", "Derfor mener rådet at ...": the verb before its subject
                       rf"|\b(?i:{_alt(cues.opinion_verbs)})\s+(?P<s8>{subj})(?:\s+(?i:{_alt(cues.adverbs)}))?"
                       rf"\s+(?i:at)\b[^.!?\n]{{0,160}}?\b(?P<modal8>(?i:{modals}))\b")
    if cues.request_verbs and cues.addressees:
        # "Barneombudet ber Stortinget om å ...", "I innspelet ber vi Stortinget avvise ...", "ber regjeringa
        # til å": an advisory body asking a decision-maker to act (subject before or after the verb)
        ask = rf"(?i:{_alt(cues.request_verbs)})"
        tail = rf"(?:\s+(?i:{_alt(cues.adverbs)}))?\s+{_addressee(cues)}(?:\s+(?i:om|til))?(?:\s+(?i:å|at))?(?!\w)"
        recommends += rf"|\b(?P<s4>{subj})\s+{ask}{tail}|\b{ask}\s+(?P<s5>{subj}){tail}"
    return re.compile(recommends)


def _addressee(cues: RecommendationCues) -> str:
    """Who a request goes to: a listed decision-maker or any "...departementet", also "Helse- og
    omsorgsdepartementet" (case-insensitive); or a named body asked "om å/at" or "til å" ("Brukerutvalget ber Helse
    Nord om å ...", "Eldrerådet ber Bergen kommune om å ...")."""
    return (rf"(?:(?i:{_alt(cues.addressees)}|(?:\w+-\s+og\s+)?[\w-]*departementet)"
            rf"|[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){{0,3}}(?:\s+(?:kommune|fylkeskommune|HF|RHF))?"
            rf"(?=\s+(?i:om\s+(?:å|at)|til\s+å)\b))")


def _subject(match: re.Match[str]) -> str:
    """The recommending subject of a prose match, whichever alternative matched."""
    return next(group for name, group in sorted(match.groupdict().items()) if name[0] == "s" and group)


def _is_request(match: re.Match[str]) -> bool:
    return bool(match.groupdict().get("s4") or match.groupdict().get("s5"))


def _advisory_request(match: re.Match[str] | None, actors: Sequence[Actor], author: Actor | None,
                      cues: RecommendationCues) -> re.Match[str] | None:
    """``match`` when it is a request whose subject may recommend by asking ("vi" in an advisory body's document,
    or an advisory body: "Barneombudet ber Stortinget ..."), else None ("Kommunestyret ber ..." decides)."""
    if match is None or not _is_request(match):
        return None
    subject = _subject(match)
    lower = subject.lower()
    if lower == "vi":
        advisory = author is not None
    else:
        advisory = _advisory_name(subject, cues) or any(
            a.label.lower() == lower and a.actor_type in cues.advisory_actor_types for a in actors)
    return match if advisory else None


def _is_heading(lines: Sequence[Line], i: int) -> bool:
    line = lines[i].content
    if not line or BULLET_RE.match(lines[i].text) or len(line) > _HEAD_MAX_CHARS or len(line.split()) > _HEAD_MAX_WORDS:
        return False
    if line[-1] in ".:;,!?" or not (line[0].isupper() or line[0].isdigit()):
        return False
    before = i == 0 or not lines[i - 1].content
    after = i + 1 >= len(lines) or not lines[i + 1].content
    return before and after


def _advisory_name(name: str, cues: RecommendationCues) -> bool:
    """ "HelseOmsorg21-rådet", "Helsepersonellkommisjonen", "Rådet for psykisk helse", "Nasjonalt råd for ..." """
    lower = name.lower()
    if lower in cues.non_advisory_subjects:
        return False
    words = lower.split()
    return (any(words[-1].endswith(head) for head in cues.advisory_heads)
            or any(word in cues.advisory_words for word in words) or _advisory_compound(words[-1], cues))


def _advisory_compound(word: str, cues: RecommendationCues) -> bool:
    """ "eldreråd", "ungdomsråd", "distriktspanel": a compound (three letters at least before its head) ending in an
    indefinite advisory head, not one that governs ("byråd", "fylkesråd") or names a minister ("statsråd")."""
    return any(word.endswith(head) and len(word) >= len(head) + 3 for head in cues.advisory_compound_heads) and not any(
        word.endswith(compound) for compound in cues.non_advisory_compounds)


def advisory_author(document: Document, actors: Sequence[Actor] = (), *,
                    cues: RecommendationCues | None = None) -> Actor | None:
    """The advisory body that wrote ``document`` (council, commission, committee, ombud), if any.

    Candidates are the ``actors`` of an advisory type or name, else capitalised "X-rådet",
    "X-utvalget", "X-kommisjonen" names in the body; an addressee ("innspill til X") is skipped;
    the earliest remaining mention wins.

    >>> from helsekg.text import document_from_text
    >>> d = document_from_text("HelseOmsorg21-rådet gir innspill til Helsepersonellkommisjonen\\n\\nRådet har gitt innspill.", source="ho21.txt")
    >>> a = advisory_author(d)
    >>> a.label, a.key, str(a.kind), (a.start, a.end)
    ('HelseOmsorg21-rådet', 'helseomsorg21-radet', 'organisation', (0, 19))
    """
    cues = cues or default_cues()
    text = document.text
    candidates = [
        a for a in actors
        if a.kind == "organisation" and document.is_body(a.start, a.end)
        and (a.actor_type in cues.advisory_actor_types or _advisory_name(a.label, cues))
        and a.actor_type not in cues.governing_actor_types
    ]
    if not candidates:
        for match in itertools.chain(_NAMED_BODY.finditer(text), _NAMED_COMPOUND_BODY.finditer(text)):
            name = match.group()
            if document.is_body(match.start(), match.end()) and _advisory_name(name, cues):
                # a body the actor reader knows under its own name ("Helsetilsynet": Statens helsetilsyn) keeps it
                known = next((a for a in actors if a.kind == "organisation" and a.start < match.end()
                              and match.start() < a.end), None)
                candidates.append(known or Actor(document.id, match.start(), match.end(), name, label=name,
                                                 kind="organisation", key=slugify(name), actor_type=_type_of(name)))
    authors = [a for a in candidates if not _addressed(text, a.start)]
    if not authors:
        return None
    first = min(authors, key=lambda a: (a.start, -a.end))
    return min((a for a in authors if a.key == first.key), key=lambda a: a.start)


#: "fra"/"frå" right before a name: who sends a consultation answer ("høringssvar fra formannskapet i Lillehammer")
_FROM_BEFORE = re.compile(r"(?i)(?<![\w-])(?:fra|frå)\s+\Z")
#: "viser til" right after a name: the body that answers a letter
_VISER_TIL = re.compile(r"(?i)\s+viser\s+til\b")
#: in a consultation answer, a passive proposal is the one it answers: "Det foreslås bl.a. at det etableres ..."
_ANSWERED_PROPOSAL = re.compile(r"(?i)\s*(?:det|dette|her)\s+(?:foreslås|foreslåast|føreslåast|føreslås|blir\s+foreslått"
                                r"|vert\s+føreslått)\b")
#: the bodies a consultation answers, never its author
_ANSWERED_TYPES = frozenset({"government", "ministry"})
#: how far into a text its title or opening lines may call it a consultation answer
_CONSULTATION_REACH = 300


def _consultation_answer(text: str, title_end: int, cues: RecommendationCues) -> bool:
    """The title or the opening lines call the text a consultation answer ("Lov om Eldreombudet – høringssvar fra
    formannskapet i Lillehammer", "Høyringsfråsegn frå Eidsvoll eldreråd"), or answer a consultation letter ("Statens
    helsetilsyn viser til Kommunal- og moderniseringsdepartementets høringsbrev av 6. april")."""
    head = text[:max(title_end, _CONSULTATION_REACH)]
    lower = head.lower()
    return any(word in lower for word in cues.consultation_words) or _answers_letter(head, cues) is not None


def _answers_letter(text: str, cues: RecommendationCues) -> re.Match[str] | None:
    """The first sentence of ``text`` "viser til" a consultation letter ("... høringsbrev", ``consultation_letters``)."""
    if not cues.consultation_letters:
        return None
    first = _SENTENCE_SPLIT.split(text.lstrip(), maxsplit=1)[0]
    return re.search(rf"(?i)\bviser\s+til\b[^.!?]{{0,120}}?(?:{_alt(cues.consultation_letters)})", first)


def _names_consultation(line: str, cues: RecommendationCues) -> bool:
    """A short line without a sentence's end that holds a consultation word: the document's name, no demand."""
    words = line.lower().split()
    return len(words) <= 10 and not line.rstrip().endswith((".", "!")) and any(
        word.strip(",:;–-") in cues.consultation_words for word in words)


def _consultation_author(document: Document, actors: Sequence[Actor], advisory: Actor | None,
                         cues: RecommendationCues) -> Actor | None:
    """The body a consultation answer speaks for: the one named as its sender near the top ("høringssvar fra
    formannskapet i Lillehammer"), else the advisory body that wrote it, else the first organisation its body names
    near the top that is neither the government or ministry it answers nor an addressee ("Til: ..."); None when there
    is none."""
    text = document.text
    reach = max(_CONSULTATION_REACH, len(text) // 3)
    ordered = sorted(actors, key=lambda a: a.start)
    sender = next((a for a in ordered if a.kind == "organisation" and a.start < reach
                   and (_FROM_BEFORE.search(text, max(0, a.start - 8), a.start)
                        # "Statens helsetilsyn viser til ... høringsbrev": the body whose sentence answers the letter
                        or _VISER_TIL.match(text, a.end) and _answers_letter(text[a.start:reach], cues))), None)
    if sender is not None or advisory is not None:
        return sender or advisory
    for actor in ordered:
        if actor.start > reach:
            break
        if (actor.kind == "organisation" and document.is_body(actor.start, actor.end)
                and actor.actor_type not in _ANSWERED_TYPES and not _addressed(text, actor.start)):
            return actor
    return None


def _type_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith("kommisjonen"):
        return "commission"
    if lower.endswith(("utvalget", "utvalet", "nemnda", "panelet", "gruppen", "gruppa", "panel", "utval", "utvalg",
                       "nemnd")):
        return "committee"
    if lower.endswith(("ombudet", "ombodet")):
        return "ombud"
    if lower.endswith(("revisjonen", "tilsynet")):
        return "agency"
    return "council"


def find_recommendations(doc: Doc | None, document: Document, *, actors: Sequence[Actor] = (),
                         cues: RecommendationCues | None = None,
                         scheme: ThemeScheme | None = None) -> tuple[Recommendation, ...]:
    """Recommendations stated in ``document``, in text order.

    Args:
        doc: the spaCy Doc of ``document.text`` (its sentences are used for prose when it has them),
            or None.
        document: the document as read by :func:`helsekg.text.reading.read_document`.
        actors: actor records of the document (to name who recommends; see :func:`advisory_author`).
        cues: word lists; the shipped ones by default.
        scheme: the theme scheme; the shipped one by default.

    >>> from helsekg.text import document_from_text
    >>> text = ("Helseutvalget gir råd om rekruttering\\n\\nRekruttering og kompetanse\\n\\n"
    ...         "Utvalgets forslag til tiltak:\\n\\n • Vi må styrke rekrutteringen av sykepleiere i distriktene\\n")
    >>> [(r.text, r.heading, r.by.label, [t.key for t in r.themes])
    ...  for r in find_recommendations(None, document_from_text(text, source="u.txt"))]
    [('Vi må styrke rekrutteringen av sykepleiere i distriktene', 'Rekruttering og kompetanse', 'Helseutvalget', ['kompetanse', 'rekruttering', 'tilgjengelighet'])]
    """
    cues = cues or default_cues()
    scheme = scheme or ThemeScheme.load()
    if doc is not None and doc_text(doc) != document.text:
        raise ValueError(f"{document.metadata.source}: the Doc was not made from this document's text")
    patterns = _patterns(cues)
    author = advisory_author(document, actors, cues=cues)
    title_end = max([r.end for r in document.regions if r.kind == "title"] or [0])
    consultation = _consultation_answer(document.text, title_end, cues)
    if consultation:
        author = _consultation_author(document, actors, author, cues)
    advice_title = author is not None and bool(patterns["advice"].search(document.text, 0, title_end))
    known = [a for a in actors if a.kind == "organisation" and a.actor_type not in cues.deciding_actor_types
             and a.label.lower() not in cues.non_advisory_subjects]
    # each body as the gazetteer names it and as the text writes it in one word ("Den norske legeforening" /
    # "Legeforeningen"), not a body named by its kind ("Styret", "Styret i Helse Bergen": its "tilrår" decides)
    actor_patterns = load_patterns()
    written = [a.text for a in known if a.text != a.label and " " not in a.text.strip()
               and not generic_body_word(a.text, actor_patterns)]
    subjects = list(dict.fromkeys([a.label for a in known] + written)) + (["vi"] if author is not None else [])
    prose = _Prose(cues, subjects, document.text)
    sentences = _doc_sentences(doc)

    found: list[Recommendation] = []
    lines = split_lines(document.text)
    # the advisory author speaks for the whole text (its title announces advice, or its first sentence opens with the
    # author's name or "Vi"), so its prose demands ("Det trengs ...", "... bør ...") are its recommendations; a text
    # that only mentions a council ("Regjeringen følger opp anbefalingene fra HelseOmsorg21-rådet") keeps its own "må"
    # and "bør" sentences
    first_body = next((ln for ln in lines if ln.content and ln.start >= title_end and document.is_body(ln.start, ln.end)),
                      None)
    # (a text with no title line opens with its first sentence: "Eidsvoll eldreråd vil si seg fornøyd med ...")
    openings = [document.text[:title_end].strip()] + ([_SENTENCE_SPLIT.split(first_body.content, maxsplit=1)[0]]
                                                      if first_body is not None else [])
    author_speaks = author is not None and (advice_title or consultation or any(
        _speaks_as(opening, author) or _opens_with_advisory_name(opening, cues) for opening in openings if opening))
    heading: str | None = None
    in_list = False
    list_by: Actor | None = None
    for i, line in enumerate(lines):
        text = line.content
        if not text or not document.is_body(line.start, line.end):
            continue
        numbered = patterns["numbered"].match(document.text, line.content_start, line.end)
        if numbered is not None:
            end = line.start + len(line.text.rstrip())
            by = _named_actor(document, line.start, line.end, actors, cues) or author
            found.append(_record(document, numbered.end(), end, heading, by, scheme))
            continue
        bullet = BULLET_RE.match(line.text)
        if bullet and in_list and _DASH_QUOTE.match(line.text) and _SAYS.search(text):
            bullet = None  # "– Vi bruker mye ressurser ..., sier rådets leder": a quote ends the list; read as prose
        if bullet:
            start = line.start + bullet.end()
            end = line.start + len(line.text.rstrip())
            body = document.text[start:end]
            if not body:
                continue
            prose_match = prose.search(body)
            # "• Styrk frivillig arbeid ...", "• Fleire eldre må få tilbod om ...": an advisory body's demands in a
            # list under any heading
            quote = bool(_DASH_QUOTE.match(line.text) and _SAYS.search(text))  # "– No må pengane kome fram ..., seier ..."
            if quote and prose_match is not None and _judging(prose_match, cues):
                prose_match = None
            demand = author is not None and not quote and (
                _imperative(doc, start, end, cues) or _demand_modal(doc, start, end, cues))
            if (in_list and not (prose_match or demand) and patterns["position"].match(body)
                    and not patterns["asking_word"].search(body)):
                continue  # "· Lunner kommune støtter vurderingene av ...": a position on what it answers, no proposal
            if _drafted_decision(document, start, end, actors, cues):
                continue  # "2. Stortinget ber regjeringen legge til rette for ...": a draft decision, no advice
            if in_list or (author is not None and patterns["opener"].match(body)) or prose_match or demand:
                by = list_by or author
                if prose_match and not in_list:
                    by = _named_actor(document, start + prose_match.start(), start + prose_match.end(),
                                      actors, cues) or author
                found.append(_record(document, start, end, heading, by, scheme))
            continue
        in_list = False
        if line.end <= title_end or consultation and _names_consultation(text, cues):
            continue  # the title; "Høringssvar fra Innlandet fylkeskommune" under a date line names the document
        # the intro may close a paragraph: "... behandlet saken i møtet. Rådet ga tre anbefalinger:"
        last_sentence = re.split(r"(?<=[.!?])\s+", text)[-1]
        if patterns["intro"].match(text) or (text.endswith(":") and patterns["intro"].match(last_sentence)):
            list_by = _subject_actor(document, line.start, line.end, actors, author, cues)
            # "Regjeringen foreslår følgende tiltak:" lists a government's own measures, not advice
            in_list = list_by is not None or not _deciding_speaker(document, line, last_sentence, actors, cues)
            continue
        bullet_next, heading_line = _bullet_follows(lines, i), _is_heading(lines, i)
        if bullet_next and heading_line and patterns["intro_heading"].match(text) and (
                author is not None or not re.match(r"(?i)vår(?:e)?\b", text)):
            # a heading "Rådets anbefalinger" / "Våre tilrådingar" (no colon) over the list it names
            in_list, list_by = True, _subject_actor(document, line.start, line.end, actors, author, cues)
            continue
        if bullet_next and last_sentence.endswith(":") and (
                (author is not None or patterns["advisory_opener"].match(text)) and patterns["advice"].search(text)
                or (advice_title and _speaks_as(last_sentence, author))):
            # "Rådet har sendt en rapport med anbefalinger ... Her løfter de frem seks tema ...:"; under the
            # title "Innspill til ...": "Vi trekker frem fire områder i vårt notat:"
            in_list, list_by = True, _subject_actor(document, line.start, line.end, actors, author, cues)
            continue
        said = prose.search(last_sentence) if bullet_next or heading_line else None
        request = _advisory_request(said, actors, author, cues) if bullet_next or heading_line else None
        # "Barneombudet ber Stortinget om å:" / "... ber vi Stortinget om å prioritere midlar til"; "KS forventer at
        # regjeringserklæringen blant annet vektlegger:": a recommendation that the list after it spells out
        stated = (said is not None and last_sentence.endswith(":")
                  and _subject(said).lower() not in cues.non_advisory_subjects
                  and not (_is_request(said) and request is None))
        if bullet_next and (request is not None and _open_end(last_sentence) or stated):
            in_list = True
            list_by = _named_actor(document, line.start, line.end, actors, cues) or author
            continue
        if bullet_next and patterns["open_intro"].match(last_sentence):
            # "Vi anbefaler at departementet" (no colon): an intro only when an advisory body speaks in it
            by = _named_actor(document, line.start, line.end, actors, cues) or (
                author if re.match(r"(?i)vi\b", last_sentence) else None)
            if by is not None:
                in_list, list_by = True, by
                continue
        if heading_line:
            if request is not None and request.start() == 0:
                # a request as a heading: "Vi ber Stortinget avvise forslaget om å legge ned ombodet"
                by = _named_actor(document, line.start, line.end, actors, cues) or author
                found.append(_record(document, line.start, line.end, heading, by, scheme))
            heading = text
            continue
        # "– ... Rådet mener innsatsen må flyttes fram, sier rådets leder": in quoted speech "må" judges
        quoted = bool(_DASH_QUOTE.match(line.text) and _SAYS.search(text))
        for s_start, s_end in _sentences(document.text, line, sentences):
            sentence = document.text[s_start:s_end]
            if consultation and _ANSWERED_PROPOSAL.match(sentence):
                continue  # "Det foreslås å bytte ut begrepet ...": the proposal the answer comments on, not its own
            match = prose.search(sentence)
            if match is None:
                if author is not None and (_imperative(doc, s_start, s_end, cues) or author_speaks and _prose_demand(
                        doc, s_start, s_end, sentence, patterns["opener"], cues)):
                    # "Styrk eldreomsorga.", "Det trengs et løft i arbeidet ..." in an advisory body's text: a demand
                    found.append(_record(document, s_start, s_end, heading, author, scheme))
                    continue
                endorsed = patterns["endorsed"].search(sentence) if author_speaks else None
                if endorsed is not None:
                    # "... synes det fornuftig å etablere et eldreombud": what the author finds right to do
                    found.append(_record(document, s_start + endorsed.start(1),
                                         s_start + len(sentence[:endorsed.end(1)].rstrip(" .!")), heading, author,
                                         scheme))
                continue
            if quoted and _judging(match, cues):
                continue
            subject = _subject(match)
            if subject.lower() in cues.non_advisory_subjects and not (subject.lower() == "vi" and author is not None):
                continue
            if _is_request(match) and _advisory_request(match, actors, author, cues) is None:
                continue
            # "Vi ber kommunestyret sikre ...": "vi" is the author; the body the span names is who is asked
            by = (author if subject.lower() in ("vi", "me") and author is not None
                  else _named_actor(document, s_start + match.start(), s_start + match.end(), actors, cues) or author)
            found.append(_record(document, s_start, s_end, heading, by, scheme))
    return tuple(found)


def _drafted_decision(document: Document, start: int, end: int, actors: Sequence[Actor],
                      cues: RecommendationCues) -> bool:
    """The list item ``start``-``end`` opens with a deciding body's request ("Stortinget ber regjeringen ...",
    ``decision_body_types`` and ``request_verbs``, after an opening quotation mark): a drafted decision."""
    text = document.text
    lead = re.match(r"[«\"“]?", text[start:end]).end() + start
    body = next((a for a in actors if a.start == lead and a.actor_type in cues.decision_body_types), None)
    if body is None:
        return False
    verb = re.match(r"\s+(\w+)", text[body.end:end])
    return verb is not None and verb.group(1).lower() in cues.request_verbs


_OPEN_END = re.compile(r"(?i)(?::|\b(?:til|om|å|at|med|på|for|følgende|følgjande))\s*$")


def _judging(match: re.Match[str], cues: RecommendationCues) -> bool:
    """Whether a prose match is an opinion whose modal is one that quoted speech uses to judge, not to demand
    ("– ... Rådet mener innsatsen må flyttes fram, sier rådets leder"): an ``opinion_modals`` word that is not
    one of the ``demand_modals``."""
    modal = match.groupdict().get("modal") or match.groupdict().get("modal8")
    return bool(modal) and modal.lower() not in cues.demand_modals


def _speaks_as(sentence: str, author: Actor | None) -> bool:
    """The sentence opens with "Vi" or with the advisory author's name (or its first word: "Rådet")."""
    if author is None:
        return False
    first = sentence.split(maxsplit=1)[0].lower() if sentence.strip() else ""
    return first == "vi" or sentence.lower().startswith(author.label.lower()) or (
        first == author.label.split()[0].lower() and len(first) > 3)


def _opens_with_advisory_name(sentence: str, cues: RecommendationCues) -> bool:
    """The sentence opens with an advisory body's name of one to three words followed by its verb ("Eidsvoll eldreråd
    vil ...", "Ungdomsrådet ved UNN mener ..."): the body speaks."""
    words = sentence.split()[:4]
    return any(words[k - 1][:1].isalpha() and _advisory_name(" ".join(words[:k]), cues)
               and (k == 1 or words[0][:1].isupper()) for k in range(1, min(3, len(words)) + 1))


def _open_end(line: str) -> bool:
    """The line stops where its list goes on: "... ber Stortinget om å:", "... prioritere midlar til"."""
    return bool(_OPEN_END.search(line))


def _imperative(doc: Doc | None, start: int, end: int, cues: RecommendationCues) -> bool:
    """The text at ``[start, end)`` opens with an imperative that demands ("Styrk eldreomsorga", "Gi alle barn
    ..."), not one that instructs the reader ("Les mer", "Klikk her"); needs the tagger's mood."""
    span = _statement(doc, start, end, "MORPH", min_tokens=2)
    if span is None:
        return False
    first, nxt = span[0], span[1]
    lemma = first.lemma_.lower()
    # the lemma counts only when the word is a form of it ("Les" of "lese"), not when a participle of it is another
    # verb's imperative ("Sett i verk ...": "sett" of "se", the imperative of "sette")
    if first.lower_ in cues.instruction_verbs or lemma in cues.instruction_verbs and lemma.startswith(first.lower_):
        return False
    if f"{first.lower_} {nxt.lower_}" in cues.non_demand_openers:
        return False  # "La oss skape aktivitet for ungdom sammen!", "La meg minne om ...": an invitation, an aside
    if first.dep_ in ("SUBJ", "nsubj") or "Part" in first.morph.get("VerbForm") and not _infinitive_stem(first.lower_):
        # "Utkast til rapport blei sendt ..." (a noun the tagger calls an imperative, the subject of the sentence);
        # "Oversendt regjeringen: 19.10.2012" (a participle: a record of what was done; "Sett i verk ...", whose
        # participle is also the imperative of "sette", demands)
        return False
    if first.pos_ == "VERB" and "Imp" in first.morph.get("Mood"):
        return True
    # a verb-first sentence with an object and no subject is an imperative whatever the tagger's mood ("Hev
    # minstepensjonen.", where "hev" is also a present tense; "Gi tilskot til ...", tagged an adjective)
    present = "Pres" in first.morph.get("Tense") and first.lower_.endswith(("er", "ar", "ir"))  # "Tildeler ..." (minutes)
    verb_like = first.pos_ in ("VERB", "ADJ") or first.pos_ == "PROPN" and _verb_form(first.lower_)  # "Hev": PROPN
    if (first.dep_ == "ROOT" and verb_like and first.text[:1].isupper() and not present
            and not any(c.dep_ in ("SUBJ", "nsubj", "nsubj:pass") for c in first.children)
            and any(c.dep_ in ("DOBJ", "obj") for c in first.children)):
        return True
    # "Sikre at kunnskap om ... blir gjort kjent": an infinitive whose object is an "at" clause, by the dictionary (the
    # tagger reads an item's first word as a name as often as not)
    if first.text[:1].isupper() and nxt.lower_ == "at" and _verb_lemma(first.lower_) == first.lower_:
        return True
    # a word the tagger does not know as a verb whose form is an infinitive without its "-e" ("Anerkjenn eldre sine
    # ressursar ...": "anerkjenne"), and no noun of the dictionary: the imperative form of that verb
    # (and "Sørg for ...", "Gi pålegg ...": a vowel-final infinitive is its own imperative)
    return (first.text[:1].isupper() and first.pos_ in ("NOUN", "PROPN", "X") and len(first) >= 2
            and nxt.text[:1].islower() and _imperative_form(first.lower_))  # not a name: "Dag Øyen", "Liv ..."


@lru_cache(maxsize=1 << 12)
def _verb_lemma(word: str) -> str | None:
    """The verb the dictionary knows ``word`` as a form of ("hev": "heve", "sikre": "sikre"), or None."""
    from helsekg.nlp.lemmas import load_table

    return load_table().lookup("VERB", word, seen=True)


def _verb_form(word: str) -> bool:
    """The dictionary knows ``word`` as a form of a verb other than its infinitive ("hev": "heve"; not "leve" in "Leve
    hele livet", the name of a reform)."""
    lemma = _verb_lemma(word)
    return lemma is not None and lemma != word


@lru_cache(maxsize=1 << 12)
def _infinitive_stem(word: str) -> bool:
    """``word`` plus "-e" is a verb's infinitive in the dictionary ("sett": "sette"; not "oversendt")."""
    from helsekg.nlp.lemmas import load_table

    return load_table().lookup("VERB", word + "e", seen=True) == word + "e"


@lru_cache(maxsize=1 << 12)
def _imperative_form(word: str) -> bool:
    """``word`` plus "-e" is a verb's infinitive in the dictionary and ``word`` itself no noun or adjective: the
    imperative of that verb ("anerkjenn": "anerkjenne")."""
    from helsekg.nlp.lemmas import load_table

    table = load_table()
    if table.lookup("NOUN", word, seen=True) is not None or table.lookup("ADJ", word, seen=True) is not None:
        return False
    if len(word) >= 4 and _infinitive_stem(word):
        return True
    # "gi" ("Gi pålegg ..."): a verb whose infinitive ends in a vowel other than "-e" is its own imperative
    return 2 <= len(word) <= 3 and word[-1] in "aiouyæøå" and table.lookup("VERB", word, seen=True) == word


def _prose_demand(doc: Doc | None, start: int, end: int, sentence: str, opener: re.Pattern[str],
                  cues: RecommendationCues) -> bool:
    """A prose sentence that demands: it opens like one ("Det trengs ...", "Vi bør ...", not the commitments "Vi
    vil/skal ...") or its finite verb is a ``demand_modals`` one ("... bør være et nasjonalt satsingsområde")."""
    return (bool(opener.match(sentence)) and not _COMMITMENT.match(sentence)
            or _demand_modal(doc, start, end, cues, cues.demand_modals)
            or _addressee_must(doc, start, end, cues)
            # "Åpningen for å slå sammen ... må begrenses ytterligere": "må" with a passive infinitive demands
            or _PASSIVE_MUST.search(sentence) is not None and _demand_modal(doc, start, end, cues, ("må",)))


def _addressee_must(doc: Doc | None, start: int, end: int, cues: RecommendationCues) -> bool:
    """The sentence's head is an ``opinion_modals`` word whose subject is a decision-maker the author addresses
    (``addressees``, or a ministry: "Regjeringa må auke løyvingane ...", "For at forslaga skal bli ein realitet, må
    Barne- og familiedepartementet ..."): a demand on it, not a description ("Mange eldre må vente ...")."""
    span = _statement(doc, start, end, "DEP", min_tokens=3)
    if span is None:
        return False
    modals = set(cues.opinion_modals) - set(cues.demand_modals)
    for token in span:
        if token.lower_ in modals and token.dep_ == "ROOT" and "Fin" in token.morph.get("VerbForm"):
            subjects = [c for c in token.children if c.dep_ in ("SUBJ", "nsubj")]
            # the subject's head and the words coordinated or flattened with it ("Barne- og familiedepartementet")
            heads = [w for c in subjects for w in c.subtree if w is c or w.dep_ in _SUBJECT_PARTS]
            return any(w.lower_ in cues.addressees or w.lower_.endswith(_MINISTRY_ENDINGS) for w in heads)
    return False


#: the dependency relations that join words to a subject's head as parts of one name or a coordination
_SUBJECT_PARTS = frozenset({"KOORD", "FLAT", "conj", "flat", "flat:name"})
#: a ministry by its name's ending ("familiedepartementet", "Helse- og omsorgsdepartementet")
_MINISTRY_ENDINGS = ("departementet", "departementa", "departementene")


def _demand_modal(doc: Doc | None, start: int, end: int, cues: RecommendationCues,
                  modals: Iterable[str] | None = None) -> bool:
    """The text at ``[start, end)`` is a clause whose finite verb is a demanding modal ("må", "bør": "Eldre som treng
    det, må få besøk av psykiske helseteam"), the head of its sentence; needs the parse."""
    span = _statement(doc, start, end, "DEP", min_tokens=3)
    if span is None:
        return False
    modals = set(cues.item_demand_modals if modals is None else modals)
    return any(token.lower_ in modals and "Fin" in token.morph.get("VerbForm")
               and (token.dep_ == "ROOT" or token.head.dep_ == "ROOT" and token.dep_ == "AUX") for token in span)


def _statement(doc: Doc | None, start: int, end: int, attr: str, *, min_tokens: int) -> Span | None:
    """The tokens of ``[start, end)`` when the Doc has ``attr`` and they are at least ``min_tokens`` long and no
    question; else None."""
    if doc is None or not annotated(doc, attr):
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < min_tokens or span.text.rstrip().endswith("?"):
        return None
    return span


def _bullet_follows(lines: Sequence[Line], i: int) -> bool:
    """The next non-empty line is a bullet."""
    for line in lines[i + 1:]:
        if line.content:
            return bool(BULLET_RE.match(line.text))
    return False


def _record(document: Document, start: int, end: int, heading: str | None, by: Actor | None,
            scheme: ThemeScheme) -> Recommendation:
    text = document.text[start:end]
    matches = (scheme.concepts_in(heading) if heading else []) + scheme.concepts_in(text)
    return Recommendation(document.id, start, end, text, label=" ".join(text.split()), by=by,
                          heading=heading, themes=theme_records(matches))


def _subject_actor(document: Document, start: int, end: int, actors: Sequence[Actor], author: Actor | None,
                   cues: RecommendationCues) -> Actor | None:
    """Who an intro line speaks for: an advisory actor named in it, else the document's advisory author."""
    return _named_actor(document, start, end, actors, cues) or author


def _deciding_speaker(document: Document, line: Line, sentence: str, actors: Sequence[Actor],
                      cues: RecommendationCues) -> bool:
    """The intro sentence of a list speaks for a body that decides, not one that advises: a government,
    ministry or municipal administration named in it ("Regjeringen foreslår følgende tiltak:", "Kommunedirektøren
    tilrår:"), or one of the ``non_advisory_subjects`` other than "vi" as a word of it."""
    start = line.start + line.text.rfind(sentence) if sentence in line.text else line.start
    if any(start <= a.start and a.end <= line.end and a.actor_type in cues.deciding_actor_types for a in actors):
        return True
    words = set(re.findall(r"\w+", sentence.lower()))
    return bool(words & (set(cues.non_advisory_subjects) - {"vi"}))


def _named_actor(document: Document, start: int, end: int, actors: Sequence[Actor],
                 cues: RecommendationCues) -> Actor | None:
    """The first advisory organisation named in ``[start, end)`` that is not the addressee ("i vårt notat til
    helse- og omsorgskomiteen:" speaks for the note's author, not the committee)."""
    text = document.text
    inside = [a for a in actors if start <= a.start and a.end <= end and a.kind == "organisation"
              and a.actor_type not in cues.deciding_actor_types and a.label.lower() not in cues.non_advisory_subjects
              and not _addressed(text, a.start)]
    if inside:
        return min(inside, key=lambda a: a.start)
    match = _NAMED_BODY.search(text, start, end)
    if match and _advisory_name(match.group(), cues) and not _addressed(text, match.start()):
        name = match.group()
        return Actor(document.id, match.start(), match.end(), name, label=name, kind="organisation",
                     key=slugify(name), actor_type=_type_of(name))
    return None


def _doc_sentences(doc: Doc | None) -> list[tuple[int, int]] | None:
    if doc is None or not annotated(doc, "SENT_START"):
        return None
    return [(s.start_char, s.end_char) for s in doc.sents]


def _sentences(text: str, line: Line, sentences: list[tuple[int, int]] | None) -> Iterator[tuple[int, int]]:
    """Sentences of one line: the Doc's sentences clipped to the line, or a punctuation split."""
    if sentences is not None:
        # the Doc's sentences are in order and apart: start at the first one ending after the line starts
        first = bisect_right(sentences, line.start, key=itemgetter(1))
        for s, e in itertools.islice(sentences, first, None):
            if s >= line.end:
                break
            s, e = max(s, line.start), min(e, line.end)
            if s < e:
                yield from _trimmed(text, s, e)
        return
    pos = line.start
    for part in _SENTENCE_SPLIT.split(line.text):
        offset = text.index(part, pos) if part else pos
        yield from _trimmed(text, offset, offset + len(part))
        pos = offset + len(part)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail > lead:
        yield start + lead, start + trail
