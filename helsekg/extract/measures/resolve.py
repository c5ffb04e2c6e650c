"""The resolve step: merge the strategies' candidates into measures and attach what belongs to them.

:class:`MeasureResolver` is the only place with mutable state. It takes the candidates in a fixed order
(titles and budget posts, named instruments, funded phrases, decided actions, list items), one mention
per span (a second candidate for a known span adds nothing but its programme mark), and:

* resolves references: "Ordningen", "fondet", "Tiltaket" point at the latest earlier measure with the
  same head noun (any distance), or, for a generic reference, the latest within three paragraphs or the
  title's measure; an aliased reference is a mention of that measure under its own wording;
* gives each monetary amount to the first alternative of its :class:`~.candidates.FundingCue` that
  names a measure (see :mod:`.funding`);
* drops the measures inside recommendation lists (unless funded) and marks list programmes;
* folds keys within the document ("rekrutterings- og samhandlingstilskudd for helsetjenesten" into
  "rekrutterings- og samhandlingstilskudd", "ettervern" into "tilskudd til ettervern");
* names the measure of a page where no strategy found one by its grant or scheme noun and what it pays for
  ("fordeling av tilskudd til eldreformål"; :meth:`MeasureResolver.page_scheme`);
* attaches quantities, goals and target groups to the measure of their sentence (or list item, or the
  reference that opens the sentence) and a proposer to every mention.

Funding, quantities, goals and targets go to the measure a mention refers to (its root); an aliased
mention carries its own span and label and the root's key.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from helsekg.extract.measures.candidates import (
    ActionCandidate,
    BudgetPost,
    Candidate,
    Continuation,
    FundedBefore,
    FundingAttempt,
    FundingCue,
    GoalCandidate,
    ListReading,
    ListedUnder,
    MentionSpan,
    NewPhrase,
    Reference,
    SectionTopic,
    SentenceMeasure,
    TargetCandidate,
)
from helsekg.extract.measures.context import REFERENCE_REACH, BulletList, MeasureContext
from helsekg.extract.measures.cues import WORD, WORD_START, YEARS, MeasureCues, alternation
from helsekg.extract.measures.funding import means_word
from helsekg.extract.measures.goals import goal_cues
from helsekg.extract.measures.hearing import proposal_author
from helsekg.extract.measures.phrases import (
    DEFINITE_NEW,
    demonstrative_instrument,
    finite_verb,
    head_of,
    measure_key,
    lemma_words,
    named_in,
    negated_before,
    not_a_measure,
    phrase_after,
    same_head,
    scheme_for,
    stem,
    tokens,
    trim_phrase,
)
from helsekg.extract.measures.proposers import asks, default_proposer_cues, proposer_for, read_proposers
from helsekg.extract.measures.targets import frequent_group
from helsekg.extract.measures.titles import before_finite_verb
from helsekg.extract.records import Actor, Amount, Goal, Measure, TargetGroup
from helsekg.nlp.extensions import annotated
from helsekg.text.layout import line_bounds

__all__ = ["MeasureFindings", "MeasureResolver", "Mention"]


@dataclass(frozen=True)
class MeasureFindings:
    """What :func:`~helsekg.extract.measures.find_measures` found in one document."""

    #: One record per mention; programmes included (``is_programme=True``); items carry ``part_of``.
    measures: tuple[Measure, ...] = ()
    #: Every goal found, also those attached to measures.
    goals: tuple[Goal, ...] = ()
    #: Every target group found, also those attached to measures.
    target_groups: tuple[TargetGroup, ...] = ()


@dataclass(eq=False)
class Mention:
    """A measure mention while it is being resolved (mutable; only :class:`MeasureResolver` holds it)."""

    start: int
    end: int
    label: str
    key: str
    head: str  # lower-case head noun, for references ("Fondet" -> "...fond")
    named: bool
    sentence: int | None
    how: str
    funding: list[Amount] = field(default_factory=list)
    quantities: list[Amount] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    targets: list[TargetGroup] = field(default_factory=list)
    proposer: Actor | None = None
    is_programme: bool = False
    alias_of: Mention | None = None  # a reference resolved to an earlier mention
    kind: str = ""  # the instrument noun a name came with ("Prosjekt «X»": "prosjekt"), for references back

    def root(self) -> Mention:
        m = self
        while m.alias_of is not None:
            m = m.alias_of
        return m


#: Projects in the plural, indefinite, with adjectives before them: "nye forskningsprosjekter", "innovasjonsprosjekt"
#: (Nynorsk plural), "regionale innovasjonsprosjekt".
_PROJECTS = re.compile(r"(?:[\w-]+(?:e|a)\s+)*[\w-]*prosjekt(?:er|ar)?", re.IGNORECASE)
#: the word right before a name, past an opening quotation mark: its kind when it is an instrument noun
_KIND_BEFORE = re.compile(r"([\w-]+)\s*[«\"“”']?\s*$")
_EDITION = re.compile(r"(.+?)\s+((?:19|20)\d\d)")
#: a comma and an opening quotation mark between a description and the quoted name it has ("..., ”Raskere tilbake”")
_APPOSED_NAME = re.compile(r"\s*,\s*[«\"“”']")
#: a list bullet a table row's label may open with ("• Aktivitetstilbud for eldre: 2 millioner kroner"): the record's
#: span keeps it (it is the row), its label does not
_LEADING_BULLET = re.compile(r"^(?:[•·▪◦‣*]|[–—-](?=\s))\s*")
#: a web address: "https://...", "www.bufdir.no/..."
_WEB_ADDRESS = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
#: applications and applicants ("søknader", "søknadane", "søkjarar"): what a scheme receives, never a measure
_APPLICATION_WORD = re.compile(r"(?i)søk(?:nad|jar|ar|er)[\w-]*")
#: the definite endings that make "omsorgspris" and "omsorgsprisen" one key
_DEFINITE_SUFFIXES = ("en", "et", "a", "n")  # "n": a description key "omsorgsprise" ("-en" -> "-e")


def _without_ending(word: str) -> str:
    """A noun without its plural or definite ending, when a stem of five letters remains ("skjønnsmidlar" ->
    "skjønnsmidl", "restskjønnsmidlane" -> "restskjønnsmidl")."""
    return re.sub(r"(?:ane|ene|ar|er|en|et|a)$", "", word) if len(word) > 7 else word


#: "ny", "nytt", "nye" right before a mention: introduced as new ("Ny tilskuddsordning til ...", "ei ny ordning")
_NEW_BEFORE = re.compile(r"(?<![\w-])(?:ny|nytt|nye)\s+\Z", re.IGNORECASE)
#: "fordelingen av driftstilskuddet", "tildelinga av skjønnstilskotet": the allocation of a scheme named by a compound
_ALLOCATION_OF = re.compile(r"(?i)(?<![\w-])(?:fordeling|tildeling|utbetaling|utdeling)(?:en|a)\s+av\s+([\w-]+)")
#: "det nye", "den nye" right before a noun: the new thing named before
_DEFINITE_NEW = re.compile(rf"(?<![\w-]){DEFINITE_NEW}$", re.IGNORECASE)


#: right after an organisation: it receives ("X får", "X, som mottar")
_RECEIVES = re.compile(r"[^\S\n]*(?:,[^\S\n]*som[^\S\n]+)?(?:får|fær|fekk|fikk|mottar|mottek|mottok)(?![\w-])",
                       re.IGNORECASE)
#: right before an organisation, in inverted order ("Blant organisasjonane får Norsk Folkehjelp 80 000 kroner")
_RECEIVES_BEFORE = re.compile(r"(?<![\w-])(?:får|fær|fekk|fikk|mottar|mottek|mottok)[^\S\n]+\Z", re.IGNORECASE)
#: "fra"/"frå" right before a noun: the start of a range ("fra X til Y")
_FROM = re.compile(r"(?<![\w-])(?:fra|frå)\s+$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _scheme_for(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A grant or scheme noun (a compound of one of ``heads``, any inflection) and "til"/"for" before a lower-case
    word: "tilskudd til eldreformål", "tilskotsordninga for ..."."""
    return re.compile(rf"(?<![\w-])((?i:[\w-]*(?:{alternation(heads)})(?:et|en|a|ene|ane|ar|er)?))"
                      r"\s+(?:til|for)\s+(?=[a-zæøå])")


@lru_cache(maxsize=4)
def _definite_scheme(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A definite grant or scheme noun (a compound of one of ``heads``) as the first word of a sentence:
    "Tilskuddsordningen er ...", "Ordninga skal ..." (group 1)."""
    return re.compile(rf"\W*((?i:[\w-]*(?:{alternation(heads)})(?:et|en|a)))(?![\w-])")


#: what links a price to the service it prices: "Leie av trygghetsalarm", "timepris for heimehjelp"
_PRICE_OF = re.compile(r"\s+(?:av|for|til)\s+")
#: definite words for money, which name no scheme (only_reference)
_MONEY_REFERENCES = frozenset({"midlene", "midlane", "midla", "pengene", "pengane", "bevilgningen", "bevilgninga",
                               "løyvinga", "løyvingen", "tildelingen", "tildelinga", "tilskuddet", "tilskotet",
                               "tilskottet", "beløpet", "summen", "summa", "ramma", "rammen"})
#: a service or "the measure" in general ("tilbudet", "behandlingstilbudet", "tiltaket"): no name of a scheme
#: (only_reference)
_SERVICE_REFERENCES = ("tilbudet", "tilbodet", "tilboda", "tilbudene", "tiltaket", "tiltaka", "tiltakene")


#: a capitalised abbreviation that opens a name right before a span: "St. ", "Dr. "
_AFTER_ABBREVIATION = re.compile(r"(?<![\w.])[A-ZÆØÅ][a-zæøå]?\.[^\S\n]\Z")

#: an instrument and the first word of what it is for: "Tilskot til utviklingsprosjekt ...", "midlar til drift av ..."
_GRANT_PURPOSE = re.compile(r"([\w-]+)\s+til\s+([\w-]{4,})\b")

#: a definite ending: "reformen", "reforma", "programmet", "ordninga"
_DEFINITE = re.compile(r"(?:en|et|a)\Z", re.IGNORECASE)

#: an acronym as a measure's whole label ("KLINBEFORSK", "ALIS")
_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,12}")


#: What leads up to a sum at the end of a phrase: "på", "med", "om lag", "ca.", "kr" ("tilskudd til X på kr 2 mill.").
_SUM_LEAD = re.compile(r"(?:\s+(?:på|med|om\s+lag|omlag|ca\.?|cirka|kr\.?|kroner|inntil|opptil|totalt"
                       r"|til\s+saman|til\s+sammen))*\s*\Z", re.IGNORECASE)


class MeasureResolver:
    """Merges candidates into mentions of one document, then attaches amounts, goals, groups, proposers."""

    def __init__(self, context: MeasureContext) -> None:
        self.context = context
        self.text = context.text
        self.rx = context.rx
        self.sentences = context.sentences
        self.mentions: list[Mention] = []
        self.goals: list[Goal] = []
        self.groups: list[TargetGroup] = []
        self.topics: dict[int, Mention] = {}  # section -> budget-post measure
        self.programmes: dict[int, str | None] = {}  # list -> programme key
        self.together: dict[int, list[Mention]] = {}  # group -> the measures one phrase names together
        self.unfunded: list[FundingCue] = []  # amounts no alternative placed yet (retried after actions)
        self._addresses: list[tuple[int, int]] | None = None  # web addresses, found once

    # -- mentions ------------------------------------------------------------------------------

    def add(self, start: int, end: int, sentence: int | None, how: str, *, named: bool = False,
            key: str | None = None) -> Mention:
        """The mention of ``text[start:end]``: the known one for the span, else a new one."""
        end = self.undangled(start, end, named=named)
        for m in self.mentions:
            if m.start == start and m.end == end:
                return m
        text = self.text[start:end]
        label = text
        if not named:
            inner = named_in(self.text, start, end, self.rx)
            if inner is not None and not_a_measure(self.text, *inner, self.rx, doc=self.context.doc) == "entity":
                inner = None  # "Tilskudd til folkehelsearbeid i Trøndelag 2023": a place is no name of the measure
            if inner is not None and self.context.framed(inner[0], self.sentences[sentence].start if sentence is not
                                                          None else max(0, start)):
                inner = None  # "Videreutdanning i demens innenfor Kompetanseløftet 2015": the frame, not its name
            if inner is not None and (inner[0] > start or inner[1] == end):
                label, named = self.text[inner[0]:inner[1]], True
        if not named and text[:1].isupper() and sentence is not None and start > self.sentences[sentence].start + 1:
            named = bool(re.fullmatch(r"[A-ZÆØÅ][\w-]*(?:\s+[\w-]+){0,5}", text)) and not self.rx.anaphor.match(text)
        key = key or measure_key(label, self.context.cues, named=named)
        mention = Mention(start, end, label, key, head_of(label, self.rx), named, sentence, how,
                          kind=self._kind_before(label, start, end) if named else "")
        self.mentions.append(mention)
        return mention

    def undangled(self, start: int, end: int, *, named: bool = False) -> int:
        """The end of ``text[start:end]`` without the words it may not end in (``dangling_words``, of a name
        ``dangling_name_words``: "Rammetilskudd til kommuner og kap", "utkast til ny"), the white space and punctuation
        before them too; a phrase of one word is left as it is."""
        cues = self.context.cues
        dangling = cues.dangling_name_words if named else cues.dangling_words
        words = tokens(self.text, start, end)
        trimmed = False
        while len(words) > 1 and self.text[words[-1][0]:words[-1][1]].lower() in dangling:
            words.pop()
            trimmed = True
        return words[-1][1] if trimmed else end

    def _kind_before(self, label: str, start: int, end: int) -> str:
        """The stem of the instrument noun right before a name ("Prosjekt «Region X Helsehus»", "prosjektet Trygg
        heime"), in the mention or before it; "" when there is none. A later "prosjektet" takes the name up."""
        text = self.text
        inner = text.find(label, start, end)
        cut = inner if inner > start else start
        before = _KIND_BEFORE.search(text, max(0, cut - 40), cut)
        if before is None:
            return ""
        word = before.group(1).lower()
        if not self.rx.instrument_word.match(word) or self.rx.budget_noun.match(word):
            return ""
        previous = text[max(0, before.start(1) - 20):before.start(1)].split()
        if previous and previous[-1].lower() in self.context.cues.former_words:
            return ""  # "fra tidligere tilskuddsordning X": an earlier scheme
        return stem(word, self.rx)

    def rejects(self, start: int, end: int, *, name: bool = False) -> str | None:
        """Why ``text[start:end]`` is no measure of its own (see :func:`.phrases.not_a_measure`), or None.

        ``name``: the span is the name after an instrument noun ("prosjektet «Trygg heime»"), whatever
        the entity tagger calls it.
        """
        if any(m.start == start and m.end == end for m in self.mentions):
            return None
        if _AFTER_ABBREVIATION.search(self.text, max(0, start - 6), start):
            return "fragment"  # "Olav-prosjekter" in "St. Olav-prosjekter": a name cut after its abbreviation
        if self.text[start:end].strip().lower() in self.context.cues.price_words:
            return "price"  # "Timepris" over a price table's column: a price ("Folkehelseprisen" is an award)
        reason = not_a_measure(self.text, start, end, self.rx, doc=self.context.doc, actors=self.context.actors,
                               tagged_places=not name)
        if name and reason == "group" and self.text[start:start + 1].isupper():
            return None  # "refusjonsordningene ... og Vertskommunene": a scheme named after whom it pays
        return reason

    def generic_reference(self, start: int, end: int) -> Mention | None:
        """The measure a bare generic noun refers back to ("tilskudd på 278 millioner" after "Ny tilskuddsordning ...").

        An earlier measure whose head noun is, or starts with, the noun; else the title's measure.
        """
        word = stem(self.text[start:end].split()[-1], self.rx)
        if len(word) >= 3:
            earlier = [m for m in self.mentions if m.start < start and m.alias_of is None
                       and (same_head(m.head, word, self.rx) or m.head.startswith(word))]
            if earlier:
                return max(earlier, key=lambda m: m.start).root()
        title = self.title_measure()
        if title is not None and title.start < start:
            return title
        return None

    def named_scheme(self, before: int) -> Mention | None:
        """The one grant scheme a page without a title measure names before ``before`` ("... til tilskuddsordningen
        «Tilskudd til samlivskurs for førstegangsforeldre»" over "• Beløp: For 2021 er bevilgningen 14,3 mill.
        kroner"): the only measure whose head is a scheme noun (``page_scheme_heads``), else None."""
        heads = self.context.cues.page_scheme_heads
        schemes = {m.root().key: m.root() for m in self.mentions
                   if m.start < before and m.alias_of is None and any(m.head.endswith(h) for h in heads)}
        return next(iter(schemes.values())) if len(schemes) == 1 else None

    def compound_reference(self, start: int, end: int) -> Mention | None:
        """The earlier measure a definite compound of its head and an instrument noun takes up: "sykehusprosjektet"
        after "nytt sykehus i Drammen", "byggeprosjektet" after "nytt bygg"; the nearest one before."""
        word = stem(self.text[start:end].split()[-1], self.rx)
        earlier = [m for m in self.mentions if m.start < start and m.alias_of is None and len(m.head) >= 4
                   and word.startswith(m.head) and word != m.head
                   and self.rx.instrument_word.match(word[len(m.head):].lstrip("s-") or "-")]
        return max(earlier, key=lambda m: m.start).root() if earlier else None

    def price_word(self, start: int, end: int) -> re.Match[str] | None:
        """The price or fee that opens the phrase ("Leie", "timepris", "oppstartsgebyr"; ``price_words`` and compounds
        ending in ``price_heads``), or None."""
        word = re.match(r"[\w-]+", self.text[start:end])
        if word is None:
            return None
        return word if self.context.cues.is_price(word.group()) else None

    def introduced(self, start: int) -> bool:
        """An indefinite article or "ny" right before ``start`` introduces a new measure ("ei ny tilskotsordning")."""
        before = self.text[max(0, start - 20):start].lower().split()[-2:]
        return any(w in self.context.cues.new_measure_words for w in before)

    def described(self, attempt: NewPhrase) -> bool:
        """A generic noun the money goes to with a word of its own before it ("375 millioner kroner til pågående
        flerårige prosjekter", "til frivillige tiltak"): a group of measures of its own, not a reference back to one
        scheme. Vague words ("gode prosjekter", "andre tiltak"; ``vague_modifiers``) leave it generic."""
        if attempt.how != "forward":
            return False
        cues = self.context.cues
        vague = frozenset(cues.vague_modifiers) | frozenset(cues.kind_words) | self.rx.drop
        words = self.text[attempt.start:attempt.end].lower().split()[:-1]
        return any(w not in vague and not w[:1].isdigit() for w in words)

    def title_measure(self) -> Mention | None:
        """The measure the document title names (a grant page: "Tilskot til folkehelsearbeid i kommunane"), else the
        scheme whose allocation the page's first sentence announces (:meth:`add_allocated`)."""
        title = next((m for m in self.mentions if m.how == "title"), None) or next(
            (m for m in self.mentions if m.how == "allocated"), None)
        return title.root() if title is not None else None

    def add_allocated(self) -> None:
        """A page without a title measure whose first sentence announces the allocation of a scheme named by one
        definite compound ("Bufdir har nå fastsatt den endelige fordelingen av driftstilskuddet for 2017."): that
        scheme is the page's measure, the one its unplaced sums fund (a recipient list, the key figures)."""
        if any(m.how == "title" for m in self.mentions):
            return
        index = next((i for i, s in enumerate(self.sentences) if not s.is_title), None)
        if index is None:
            return
        first = self.sentences[index]
        for m in _ALLOCATION_OF.finditer(self.text, first.start, first.end):
            word = m.group(1)
            if (self.rx.instrument_word.match(word) and word.lower().endswith(self.context.cues.definite_suffixes)
                    and not self.rx.budget_noun.match(word)
                    and word.lower() not in self.context.cues.generic_measure_lemmas
                    and _without_ending(word.lower()) not in self.context.cues.generic_measure_lemmas):
                self.add(m.start(1), m.end(1), index, "allocated")
                return

    def negated(self, start: int) -> bool:
        """A negation stands in the two words before ``start`` ("Det gis ikke tilskudd til ...", "Det vert ikkje gitt
        støtte til ..."): what is not funded or done, no measure ("ikke bare", "ikkje berre" excepted)."""
        return negated_before(self.text, start, self.text.rfind("\n", 0, start) + 1, words=1)

    def in_address(self, pos: int) -> bool:
        """``pos`` lies inside a web address ("https://www.bufdir.no/Tilskudd/Soke_om_tilskudd/..."): a link, no text."""
        if self._addresses is None:
            self._addresses = [(m.start(), m.end()) for m in _WEB_ADDRESS.finditer(self.text)]
        return any(a <= pos < b for a, b in self._addresses)

    def add_candidate(self, candidate: Candidate) -> Mention | None:
        if self.in_address(candidate.start):
            return None
        if candidate.how not in ("heading", "proposal") and self.rejects(candidate.start, candidate.end,
                                                       name=candidate.how == "named" or candidate.named):
            return None
        if self.negated(candidate.start):
            return None
        if candidate.how == "introduced" and _DEFINITE_NEW.search(self.text, max(0, candidate.start - 16),
                                                                  candidate.start):
            # "Det nye senteret ved Haukeland ..." after "nytt senter for barn, unge og ...": the one named before
            word = self.text[candidate.start:candidate.end].split()[0]
            earlier = self.previous_mention(candidate.start, head=stem(word, self.rx), reach=REFERENCE_REACH)
            if earlier is not None and candidate.sentence is not None:
                return self.alias(candidate.start, candidate.end, candidate.sentence, earlier.root())
        mention = self.add(candidate.start, candidate.end, candidate.sentence, candidate.how, named=candidate.named)
        if candidate.is_programme:
            mention.is_programme = True
        if candidate.group is not None:
            members = self.together.setdefault(candidate.group, [])
            if mention not in members:
                members.append(mention)
        return mention

    def mentions_in(self, sentence: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == sentence]

    def spans(self) -> tuple[MentionSpan, ...]:
        """The merged mentions, read-only, for strategies that must not read inside them (goals)."""
        return tuple(MentionSpan(m.start, m.end, m.sentence, m.how) for m in self.mentions)

    def previous_mention(self, pos: int, *, head: str | None = None, reach: int = REFERENCE_REACH) -> Mention | None:
        """The latest mention before ``pos`` (within ``reach`` paragraphs), matching ``head`` if given, by its own
        head or by the kind its name came with ("Prosjekt «X»" for a later "prosjektet")."""
        index = self.context.sentence_of(pos)
        para = self.sentences[index].para if index is not None else 0
        best = None
        for m in self.mentions:
            if m.start >= pos or m.alias_of is not None:
                continue
            if m.sentence is not None and para - self.sentences[m.sentence].para > reach and head is None:
                continue
            if head is not None and not same_head(m.head, head, self.rx) and not (m.kind and same_head(m.kind, head, self.rx)):
                continue
            if best is None or m.start > best.start:
                best = m
        return best

    def introduced_as_new(self, pos: int, head: str) -> Mention | None:
        """The first mention before ``pos`` with ``head`` that the text introduces as new ("Ny tilskuddsordning til
        ...", "ei ny ordning")."""
        for m in sorted(self.mentions, key=lambda x: x.start):
            if m.start >= pos or m.alias_of is not None or not same_head(m.head, head, self.rx):
                continue
            if _NEW_BEFORE.search(self.text, max(0, m.start - 12), m.start):
                return m
        return None

    def resolve(self, start: int, end: int) -> Mention | None:
        """The earlier measure a definite reference points at ("kompetansefondet", "Ordningen")."""
        word = self.text[start:end].split()[-1].lower()
        if _DEFINITE_NEW.search(self.text, max(0, start - 16), start):
            # "den nye ordningen" after "Ny tilskuddsordning ..." and the schemes it replaces: the one introduced as new
            new = self.introduced_as_new(start, stem(word, self.rx))
            if new is not None:
                return new.root()
        specific = self.previous_mention(start, head=stem(word, self.rx), reach=10_000) or self.compound_of_name(start, word)
        if specific is not None:
            return specific.root()
        if self.rx.anaphor.match(word):
            if self.rx.budget_noun.match(word):
                return None
            generic = self.previous_mention(start)
            phrase = self.context.antecedent(start, end)
            if phrase is not None and (generic is None or phrase[0] >= generic.end):
                return None  # "Senteret" after "Solvik lokalmedisinske senter": the phrase it takes up, not the last measure
            if generic is not None:
                return generic.root()
            title = next((m for m in self.mentions if m.sentence is not None and self.sentences[m.sentence].is_title), None)
            return title.root() if title else None
        return None

    def named_inside(self, word: str) -> Mention | None:
        """The one measure whose label holds ``word`` (a compound of at least 8 letters, any inflection) after its
        head: "Dagaktivitetstilbud kan bidra til ..." is about "Tilskudd til etablering og drift av
        dagaktivitetstilbud ..." when no other measure names it."""
        core = stem(word.lower(), self.rx)
        if len(core) < 8:
            return None
        roots = {id(m.root()): m.root() for m in self.mentions
                 if any(stem(w.lower().strip(",.«»\"'"), self.rx) == core for w in m.label.split()[1:])}
        return next(iter(roots.values())) if len(roots) == 1 else None

    def compound_of_name(self, start: int, word: str) -> Mention | None:
        """The named measure a compound of its first word and an instrument noun refers to.

        "tilskuddsordningen Forsøk med statlig finansiering ..." and later "Forsøksordningen"; "prosjektet
        Trygg heime" and "Trygg heime-prosjektet" (a linking -s- or -e- may join the parts).
        """
        best = None
        for m in self.mentions:
            if m.start >= start or m.alias_of is not None or not m.named:
                continue
            first = m.label.split()[0].lower().strip("«»\"'") if m.label.split() else ""
            if len(first) < 4 or not word.startswith(first):
                continue
            rest = word[len(first):].lstrip("-")
            if rest[:1] in ("s", "e") and not self.rx.instrument_word.match(rest):
                rest = rest[1:]
            if rest and self.rx.instrument_word.match(rest) and (best is None or m.start > best.start):
                best = m
        return best

    def alias(self, start: int, end: int, index: int, target: Mention) -> Mention:
        """A mention of ``target`` under another wording: same key, its own span and label."""
        mention = self.add(start, end, index, "alias", key=target.key)
        if mention is not target:
            mention.alias_of = target.root()
            mention.key = target.root().key
        return target.root()

    def sentence_measure(self, index: int, pos: int) -> Mention | None:
        """The measure already named in sentence ``index`` (the nearest before ``pos``, else the first)."""
        before = [m for m in self.mentions_in(index) if m.start < pos]
        if before:
            return max(before, key=lambda m: m.start)
        after = self.mentions_in(index)
        return min(after, key=lambda m: m.start) if after else None

    def bullet_measure(self, index: int) -> Mention | None:
        """The measure of an earlier sentence of the same list item."""
        s = self.sentences[index]
        if s.bullet is None:
            return None
        for i in range(index - 1, -1, -1):
            t = self.sentences[i]
            if t.list_id != s.list_id or t.bullet != s.bullet:
                break
            found = self.mentions_in(i)
            if found:
                return found[0]
        return None

    def topic(self, pos: int, index: int) -> Mention | None:
        """The measure a section is about (a "Post 21 ..." heading), else the latest in the paragraph."""
        heading = self.topics.get(self.sentences[index].section)
        if heading is not None:
            return heading
        return self.previous_mention(pos, reach=1)

    # -- merging, in order ---------------------------------------------------------------------

    def add_titles(self, candidates: Iterable[Candidate], posts: Iterable[BudgetPost]) -> None:
        for candidate in candidates:
            self.add_candidate(candidate)
        for post in posts:
            mention = self.add_candidate(post.candidate)
            if mention is not None:
                for section in (post.section, *post.subsections):
                    self.topics[section] = mention

    def add_funds(self, candidates: Iterable[Candidate]) -> None:
        """Funds named by a compound of money: a mention of the measure whose label holds the same compound
        ("forskingsmidlar" after "Helse Vests forskingsmidlar 2023"), else a measure of their own."""
        for candidate in candidates:
            word = self.text[candidate.start:candidate.end].split()[-1].lower()
            same = [m.root() for m in self.mentions if word in m.label.lower().split() and m.alias_of is None]
            if same and candidate.sentence is not None:
                self.alias(candidate.start, candidate.end, candidate.sentence, same[0])
            else:
                self.add_candidate(candidate)

    def add_named(self, candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            self.add_candidate(candidate)

    def fund(self, cues: Iterable[FundingCue]) -> None:
        """Give each amount to the first alternative that names a measure; keep the rest for :meth:`fund_rest`."""
        self.unfunded = self._place(cues, {})

    def fund_rest(self) -> None:
        """Try the unplaced amounts again (the decided actions are known now: "Prosjektet har en kostnadsramme
        på ..." after "godkjente et nytt bygg ..."), then give what is left to the document's own measure."""
        for cue in self._place(self.unfunded, {}):
            mention = self.document_measure(cue)
            if mention is not None and cue.amount not in mention.funding:
                mention.funding.append(cue.amount)
        self.unfunded = []

    def _place(self, cues: Iterable[FundingCue], last: dict[int, Mention]) -> list[FundingCue]:
        unfunded: list[FundingCue] = []
        for cue in cues:
            mention = None
            for attempt in cue.attempts:
                mention = self._attempt(attempt, cue, last)
                if mention is not None:
                    break
            if cue.applied:
                if mention is not None:
                    last[cue.sentence] = mention
                continue  # what applications asked for: the phrase names a measure, the sum is not its money
            if mention is None:
                unfunded.append(cue)
                continue
            for member in self.members(mention):
                if cue.amount not in member.funding:
                    member.funding.append(cue.amount)
            last[cue.sentence] = mention
        return unfunded

    def members(self, mention: Mention) -> list[Mention]:
        """The roots of the measures named together with ``mention`` (itself first), or its root alone."""
        root = mention.root()
        out = [root]
        for members in self.together.values():
            if mention in members or root in members:
                out += [m.root() for m in members if m.root() not in out]
        return out

    def document_measure(self, cue: FundingCue) -> Mention | None:
        """What an amount that names nothing funds: the document's own measure.

        A headline amount ("38 millioner til barn og unge i Trøndelag") funds the first measure of the
        body; any other amount on a grant page whose title names the scheme ("Tilskot til
        folkehelsearbeid i kommunane": "Bergen kommune inntil kr 250 000") funds that scheme.
        """
        if self.sentences[cue.sentence].is_title:
            body = [m for m in self.mentions if m.sentence is not None and not self.sentences[m.sentence].is_title]
            return min(body, key=lambda m: m.start).root() if body else None
        title = self.title_measure()
        s = self.sentences[cue.sentence]
        if title is None and s.list_id is not None and self.context.lists[s.list_id].table:
            # "2 350 000 kroner til frisklivsarbeid i Viken" over a table of what each municipality got: the
            # measure the title's amount funds
            funded = [m for m in self.mentions if m.sentence is not None and self.sentences[m.sentence].is_title
                      and m.funding and m.alias_of is None]
            title = (funded[0].root() if len(funded) == 1
                     else self.caption_measure(s.list_id) or self.introducing_measure(s.list_id))
        if title is None and any(self.rx.budget_noun.match(w) and self.context.is_definite(w)
                                 for w in re.findall(r"[\w-]+", self.text[s.start:cue.amount.start])):
            # "• Beløp: For 2021 er bevilgningen 14,3 mill. kroner" on a page about one scheme without a title
            title = self.named_scheme(cue.amount.start)
        return title

    def introducing_measure(self, list_id: int) -> Mention | None:
        """The measure the paragraph right above a table names, last ("... ei fylkesvis ramme på 90 millionar kroner
        til fordeling i ekstra skjønnstilskot ... Skjønnstilskotet er foreslått fordelt til kommunane slik det kjem
        fram av tabellen under." over "Kommunenr / Kommune / Fordeling i kroner" and what each municipality got)."""
        intro = self.context.lists[list_id].intro
        if intro is None:
            return None
        above = self.text[:intro[0]].rstrip()
        start = above.rfind("\n\n") + 1  # the paragraph's start (0 when the text has one paragraph above)
        inside = [m for m in self.mentions if start <= m.start < len(above) and m.sentence is not None
                  and not self.sentences[m.sentence].is_title]
        if inside:
            return max(inside, key=lambda m: m.start).root()
        # "Skjønnstilskotet er foreslått fordelt ...": a definite instrument noun takes up the measure named before
        for word in reversed(list(re.finditer(r"[\w-]+", above[start:]))):
            if self.rx.instrument_word.match(word.group()) and self.context.is_definite(word.group()):
                found = self.resolve(start + word.start(), start + word.end())
                if found is not None:
                    return found
        return None

    def caption_measure(self, list_id: int) -> Mention | None:
        """The scheme a table's caption names, on the line above its header row ("Tilskudd friskliv, læring- og
        mestringstilbud 2022" over "Kommune Innvilget tilskudd" and the rows of what each municipality got)."""
        intro = self.context.lists[list_id].intro
        if intro is None:
            return None
        above = self.text[:intro[0]].rstrip()
        start = above.rfind("\n") + 1
        line = above[start:]
        words = line.split()
        if (not words or len(line) > 100 or line.endswith((".", ":", "?", "!"))
                or not self.rx.instrument_word.match(words[0]) or self.rx.budget_noun.match(words[0])):
            return None
        found = next((m.root() for m in self.mentions if start <= m.start < len(above)), None)
        if found is not None:
            return found
        phrase = trim_phrase(self.text, start, len(above), self.rx)
        index = self.context.sentence_of(start)
        if phrase is None or index is None or self.rejects(*phrase) is not None:
            return None
        return self.add(*phrase, index, "caption")

    def _attempt(self, attempt: FundingAttempt, cue: FundingCue, last: dict[int, Mention]) -> Mention | None:
        index = cue.sentence
        if isinstance(attempt, (NewPhrase, Reference)):
            # "Prosjektet «Velferdsteknologi i vest» får ...": the name inside the phrase is the measure
            inside = [m for m in self.mentions if (m.named or m.how == "named") and m.alias_of is None
                      and ((attempt.start < m.start and m.end <= attempt.end)
                           or (isinstance(attempt, Reference) and 0 <= m.start - attempt.end <= 2))]
            if inside:
                return min(inside, key=lambda m: m.start).root()
        word = self.price_word(attempt.start, attempt.end) if isinstance(attempt, NewPhrase) else None
        if word is not None:
            # "Leie av trygghetsalarm koster 390 kroner", "eit oppstartsgebyr på 1538 kroner": a price of the service
            # named after it, or of the one the page is about; never a measure of its own
            of = _PRICE_OF.match(self.text, attempt.start + word.end())
            named = re.match(r"[\w-]+", self.text[of.end():]) if of is not None else None
            noun = stem(named.group(), self.rx) if named is not None else ""
            after = [m for m in self.mentions if m.alias_of is None and of is not None
                     and (m.start == of.end() or len(noun) >= 4 and same_head(m.head, noun, self.rx))]
            if after:
                return after[0].root()
            return self.generic_reference(attempt.start, attempt.end) or self.only_measure()
        if isinstance(attempt, NewPhrase):
            if self.negated(attempt.start):
                return None
            reason = self.rejects(attempt.start, attempt.end)
            if reason == "group" and attempt.how != "forward":
                reason = None  # "basisløyvinga til dei regionale helseføretaka": the budget line is the measure
            if reason == "generic" and attempt.how == "cell":
                reason = None  # a budget post's purpose in its table ("Frivillig arbeid mv.")
            # ("kr 18,2 mill. til fordeling til nye søknader": new applications are no new measure)
            applications = _APPLICATION_WORD.fullmatch(self.text[attempt.start:attempt.end].split()[-1]) is not None
            if (reason == "generic" and (applications or not self.introduced(attempt.start))
                    and not self.described(attempt)):
                return self.generic_reference(attempt.start, attempt.end)
            if reason == "generic":
                reason = None
            if reason is not None:
                return None
            if self.context.is_definite(self.text[attempt.start:attempt.end]):
                # a bare definite noun ("Senteret kostar ...", "Nettverket får ..."): the phrase it takes up, if named
                phrase = self.context.antecedent(attempt.start, attempt.end)
                sentence = None if phrase is None else self.context.sentence_of(phrase[0])
                if phrase is not None and sentence is not None and self.rejects(*phrase) is None:
                    return self.alias(attempt.start, attempt.end, index, self.add(*phrase, sentence, "reference"))
                named = self.compound_reference(attempt.start, attempt.end)
                if named is not None:
                    return self.alias(attempt.start, attempt.end, index, named)
            return self.add(attempt.start, attempt.end, index, attempt.how)
        if isinstance(attempt, Reference):
            resolved = self.resolve(attempt.start, attempt.end)
            if resolved is None or not attempt.alias:
                return resolved
            return self.alias(attempt.start, attempt.end, index, resolved)
        if isinstance(attempt, SentenceMeasure):
            if attempt.before:
                named = [m for m in self.mentions_in(index) if m.end <= cue.amount.start]
                return max(named, key=lambda m: m.start).root() if named else None
            return self.sentence_measure(index, cue.amount.start)
        if isinstance(attempt, SectionTopic):
            return self.topic(cue.amount.start, index)
        if isinstance(attempt, FundedBefore):
            funded = [m for m in self.mentions if m.funding and m.alias_of is None and m.end <= cue.amount.start
                      and m.sentence is not None and m.sentence < index]
            return max(funded, key=lambda m: m.start).root() if funded else None
        if isinstance(attempt, ListedUnder):
            intro = self.context.sentence_of(attempt.intro)
            for k in (intro, intro - 1 if intro else None):
                named = [m for m in self.mentions_in(k) if m.start < cue.amount.start] if k is not None else []
                if named:
                    return max(named, key=lambda m: m.start).root()
            return None
        if isinstance(attempt, Continuation):
            if index in last:
                return last[index]
            s = self.sentences[index]
            previous = self.sentences[index - 1] if index >= 1 else None
            if (s.bullet is not None and previous is not None and previous.bullet == s.bullet
                    and previous.list_id == s.list_id and index - 1 in last):
                return last[index - 1]
            return None
        raise TypeError(f"unknown funding attempt {attempt!r}")

    def add_actions(self, actions: Iterable[ActionCandidate]) -> None:
        """Decided actions that overlap no measure found so far."""
        for action in actions:
            start, end = action.check
            if any(m.start < end and start < m.end for m in self.mentions):
                continue
            c = action.candidate
            name = next((m for m in self.mentions if m.named and m.alias_of is None
                         and _APPOSED_NAME.fullmatch(self.text, c.end, m.start)), None)
            if name is not None and c.sentence is not None:
                # "videreføre ordningen med tilskudd til ... til sykmeldte, ”Raskere tilbake”": the scheme's name
                self.alias(c.start, c.end, c.sentence, name.root())
                continue
            self.add_candidate(c)

    def prefer_schemes(self) -> None:
        """Money given to a field of work ("2 350 000 kroner til frisklivsarbeid i Viken") goes to the scheme the
        text names for that field ("tilskuddsordningen for frisklivsarbeid"): the field is what the scheme pays
        for, the scheme is the measure."""
        for m in list(self.mentions):
            if m.named or not m.funding or m.how not in ("forward", "title") or m.alias_of is not None:
                continue
            field_word = re.match(r"[\w-]*arbeid\b", m.label, re.IGNORECASE)
            if field_word is None:
                continue
            scheme = scheme_for(field_word.group(), self.context.cues, between=2).search(self.text)
            if scheme is None or scheme.start() <= m.start < scheme.end():
                continue
            target = self.add(scheme.start(), scheme.end(), self.context.sentence_of(scheme.start()), "named")
            self.give_funding(m, target)
            if m.how != "title":
                self.mentions.remove(m)

    def taken_up(self, mention: Mention) -> bool:
        """Another mention refers to ``mention`` (its alias), so it must stay."""
        return any(m.alias_of is mention for m in self.mentions)

    @staticmethod
    def give_funding(source: Mention, target: Mention) -> None:
        """``source``'s amounts fund ``target`` instead (each once)."""
        target.funding.extend(a for a in source.funding if a not in target.funding)
        source.funding.clear()

    def prefer_title_fund(self) -> None:
        """The first money a grant page hands out funds the fund its title names ("Utlysing av midlar til innovasjon":
        "Helse Vest lyser ut inntil 14 millionar kroner til innovasjonsprosjekt"): what the money goes to is the fund's
        purpose, no measure of its own. Only when the title's fund has no money yet, the title names money ("midlar",
        "forskingsmidlar", "tilskot") and the sentence allocates or calls for applications (``allocation_verbs``)."""
        title = self.title_measure()
        if title is None or title.named or title.funding or not self.text[title.start:title.end].strip():
            return
        if not any(means_word(self.context, w) for w in self.text[title.start:title.end].split()[:3]):
            return
        body = [m for m in self.mentions if m.funding and m.sentence is not None
                and not self.sentences[m.sentence].is_title]
        if not body:
            return
        first = min(body, key=lambda m: m.start)
        if first.how != "forward" or first.named or first.alias_of is not None:
            return
        s = self.sentences[first.sentence]
        lemmas = set(lemma_words(self.text, s.start, first.start, self.context.doc))
        if not lemmas & set(self.context.cues.allocation_verbs) and not {"lyse", "ut"} <= lemmas:
            return
        self.give_funding(first, title)
        if not self.taken_up(first):
            self.mentions.remove(first)

    def prefer_funds_over_projects(self) -> None:
        """Money "til nye forskningsprosjekter" on a page about a research or innovation fund funds the fund
        ("regionale forskningsmidler", "innovasjonsmidlar"): projects in the plural are what a fund pays for, not a
        measure of their own. Only an indefinite plural of a project noun, and only when the page names one fund."""
        funds = {m.root().key: m.root() for m in self.mentions
                 if m.alias_of is None and means_word(self.context, m.head) and not self.rx.budget_noun.match(m.head)}
        if len(funds) != 1:
            return
        fund = next(iter(funds.values()))
        for m in list(self.mentions):
            if m is fund or not m.funding or m.named or m.alias_of is not None or m.how != "forward":
                continue
            if not _PROJECTS.fullmatch(m.label) or self.taken_up(m):
                continue
            self.give_funding(m, fund)
            self.mentions.remove(m)

    def restated_headlines(self) -> None:
        """A headline's amount that the body restates funds what the body's amount funds: "Nær 6 millioner kroner til
        folkehelse" over "Ni kommuner får til sammen 5,85 millioner kroner i folkehelseprogrammet Ung4Reg". The
        headline's phrase, a field without an instrument noun, is then no measure of its own. The body amount is the
        same, or within a tenth of it when the headline rounds ("nær", "om lag", "over")."""
        for m in list(self.mentions):
            if (m.sentence is None or not self.sentences[m.sentence].is_title or m.named or m.how != "forward"
                    or m.alias_of is not None or len(m.funding) != 1
                    or any(self.rx.instrument_word.match(w) for w in m.label.split()) or self.taken_up(m)):
                continue
            headline = m.funding[0]
            tolerance = headline.value / 10 if headline.qualifier != "Exact" else 0
            for amount in self.context.amounts:
                if (amount is headline or not amount.is_money or amount.start < m.end
                        or abs(amount.value - headline.value) > tolerance):
                    continue
                holders = [x.root() for x in self.mentions if amount in x.funding and x is not m]
                if holders:
                    self.give_funding(m, holders[0])
                    self.mentions.remove(m)
                    break

    def definite_title(self) -> None:
        """A title that names its measure by one definite compound ("Fordeling av restskjønnsmidlane for 2023") takes
        up the funded measure its lead names with the compound's head ("Statsforvaltaren har fordelt 10 millionar
        kroner i tilbakehaldne skjønnsmidlar"): one measure under the lead's wording, with the title's money."""
        for m in list(self.mentions):
            low = m.label.strip().lower()
            if (m.sentence is None or not self.sentences[m.sentence].is_title or m.named or m.alias_of is not None
                    or " " in low or not low.endswith(tuple(self.context.cues.definite_suffixes))):
                continue
            word = _without_ending(low)
            lead = [x for x in self.mentions if x is not m and x.alias_of is None and x.funding
                    and x.sentence is not None and not self.sentences[x.sentence].is_title
                    and x.sentence <= m.sentence + 2
                    and len(_without_ending(x.head)) >= 5 and word != _without_ending(x.head)
                    and word.endswith(_without_ending(x.head))]
            if lead:
                target = min(lead, key=lambda x: x.start)
                self.give_funding(m, target)
                m.alias_of, m.key = target, target.key

    def read_lists(self, readings: Iterable[ListReading]) -> None:
        """Drop unfunded measures of recommendation lists; add the items of measure lists."""
        for reading in readings:
            if reading.recommendation:
                # measures found in recommendation bullets are proposals, not measures
                self.mentions = [m for m in self.mentions if m.sentence is None
                                 or self.sentences[m.sentence].list_id != reading.list_id or m.funding]
                continue
            if not reading.is_measures:
                continue
            self.programmes[reading.list_id] = self.programme_of(reading)
            above: list[tuple[int, Mention]] = []  # the items an item may stand under: (indent, its measure)
            for item in reading.items:
                indent = self.indent(item.sentences[0])
                above = [(i, m) for i, m in above if i < indent]
                if item.recipient and above:  # "• Tiltak for utsatte grupper" over "  • 4 mill. Den norske kirke"
                    self.claim_item_amounts(above[-1][1], item.sentences)
                    continue
                found = [self.mentions_in(i) for i in item.sentences]
                if found[0]:
                    above.append((indent, found[0][0]))
                if any(found):
                    continue
                if item.candidate is not None:
                    mention = self.add_candidate(item.candidate)
                    if mention is not None:
                        above.append((indent, mention))
                    lst = self.context.lists[reading.list_id]
                    if mention is not None and (item.candidate.named or self.allocation_list(reading.list_id)
                                                or lst.table or self.budget_lines(lst)):
                        self.claim_item_amounts(mention, item.sentences)

    def indent(self, sentence: int) -> int:
        """How far the list item whose first sentence is ``sentence`` stands in: the white space and bullet before it
        on its line."""
        start = self.sentences[sentence].start
        lead = self.text[line_bounds(self.text, start)[0]:start]
        return len(lead) - len(lead.lstrip())

    def budget_lines(self, lst: BulletList) -> bool:
        """Every item holds its own money and the introduction names no measure the items would be the costs of
        ("De ulike virksomhetsområdene er:" / "• Helse og mestring – 1,1 milliarder"; not "Budsjettet for prosjektet er
        slik:" / "• Lønn til koordinator – 300 000 kroner")."""
        if not self.context.every_item_funded(lst):
            return False
        return lst.intro is None or not any(lst.intro[0] <= m.start < lst.intro[1] for m in self.mentions)

    def allocation_list(self, list_id: int) -> bool:
        """The list's introduction allocates money ("midlene ble fordelt slik:", "skulle deles ut til disse
        tiltakene:", "desse prosjekta vart tildelte midlar:"): a verb lemma of ``allocation_verbs``."""
        intro = self.context.lists[list_id].intro
        if not intro:
            return False
        verbs = set(self.context.cues.allocation_verbs)
        if any(lemma in verbs for lemma in lemma_words(self.text, *intro, self.context.doc)):
            return True
        # "Desse prosjekta får støtte i 2017:": the items are the projects, each with its own money
        return demonstrative_instrument(self.text[intro[0]:intro[1]].split()[:2], self.rx)

    def claim_item_amounts(self, mention: Mention, sentences: Sequence[int]) -> None:
        """The money of a list item funds the item's own measure ("• «Psykt bra!» i Bamble kommune - 50 000
        kroner"): an amount of the item that went to a measure outside it (the page's scheme, for want of a
        name) moves to the item's measure."""
        inside = set(sentences)
        for amount in self.context.amounts:
            if not amount.is_money or self.context.sentence_of(amount.start) not in inside:
                continue
            holders = [m for m in self.mentions if amount in m.funding]
            if any(m.sentence in inside for m in holders):
                continue  # funds a measure of the item already
            for holder in holders:
                holder.funding.remove(amount)
            if amount not in mention.funding:
                mention.funding.append(amount)

    def programme_of(self, reading: ListReading) -> str | None:
        """The key of the programme a list's introduction names, marking that measure a programme."""
        cue = reading.programme
        if cue is None:
            return None
        start, end = self.context.lists[reading.list_id].intro or (0, 0)
        if cue.items_at is not None:
            named = [x for x in self.mentions if start <= x.start < end and x.named and x.start >= cue.items_at - 1]
            if not cue.origin:
                if named:
                    programme = named[0].root()
                    programme.is_programme = True
                    return programme.key
                if cue.fallback_key is not None:  # a programme after an origin cue is no mention of its own
                    return cue.fallback_key
            else:
                earlier = [key for list_id, key in sorted(self.programmes.items()) if list_id < reading.list_id and key]
                return earlier[-1] if earlier else None
        if cue.whole is not None:
            resolved = self.resolve(cue.whole[0], cue.whole[1])
            if resolved is not None:
                resolved.is_programme = True
                return resolved.key
        return None

    def drop_superseded(self) -> None:
        """Drop the unfunded earlier editions of a named plan the document also names later ("Demensplan 2015",
        "Demensplan 2020" beside "Demensplan 2025"): history, not what the document decides."""
        editions: dict[str, list[tuple[int, Mention]]] = {}
        for m in self.mentions:
            found = _EDITION.fullmatch(m.label.strip()) if m.named and m.alias_of is None else None
            if found:
                editions.setdefault(found.group(1).casefold(), []).append((int(found.group(2)), m))
        old: set[int] = set()
        for versions in editions.values():
            latest = max(year for year, _ in versions)
            old |= {id(m) for year, m in versions if year < latest and not m.funding}
        if old:
            self.mentions = [m for m in self.mentions if id(m.root()) not in old]

    def drop_bare_references(self) -> None:
        """Drop the mentions that are only a bare reference with nothing to refer to: one word of ``generic_anaphors``
        ("Planen", "Senteret", "Tilskuddsordningen") that no strategy could resolve to an earlier measure. A new one
        stays ("Det nye helsehuset kostar ...": introduced here)."""
        bare = {id(m) for m in self.mentions if m.alias_of is None and m.how != "title"
                and self.rx.anaphor.fullmatch(m.label.strip()) and not self.taken_up(m)
                and not self.introduced(m.start) and not _DEFINITE_NEW.search(self.text, max(0, m.start - 16), m.start)}
        if bare:
            self.mentions = [m for m in self.mentions if id(m.root()) not in bare]

    def only_reference(self) -> None:
        """A page where nothing else names a measure keeps the definite instrument noun it repeats most ("Målet med
        tilskotsordninga er ... Tilskotsordninga skal bidra til ..."; "opptrappingsplanen ... planen"): the page is
        about that scheme and names it no other way. A compound counts with the generic reference it ends in
        (``generic_anaphors``) and gives the label; twice at least, more often than any other word (on a tie, a
        generic reference before another word); money words ("midlane", "tilskotet") name no scheme."""
        if any(m.sentence is not None for m in self.mentions):
            return
        rx, text, generics = self.rx, self.text, self.context.cues.generic_anaphors

        def definite_instrument(word: str) -> bool:
            return bool(rx.instrument_word.fullmatch(word) and rx.definite_ending.search(word))

        found: dict[str, list[tuple[int, int]]] = {}
        for m in WORD_START.finditer(text):
            low = m.group(0).casefold()
            if low in rx.drop or low in _MONEY_REFERENCES or low.endswith(_SERVICE_REFERENCES) \
                    or not rx.word_check("definite_instrument", low, definite_instrument):
                continue
            generic = next((g for g in generics if low.endswith(g)), None)
            found.setdefault(generic or low, []).append(m.span())
        ranked = sorted(found.items(), key=lambda item: (-len(item[1]), item[0] not in generics))
        if not ranked or len(ranked[0][1]) < 2 or len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]) \
                and (ranked[1][0] in generics) == (ranked[0][0] in generics):
            return
        spans = ranked[0][1]
        longest = max(spans, key=lambda span: (span[1] - span[0], -span[0]))
        first = None
        # "Boligsosial plan omhandler ... Planen konkretiserer ...": the noun phrase the first reference takes up
        phrase = self.context.antecedent(*spans[0])
        index = None if phrase is None else self.context.sentence_of(phrase[0])
        if phrase is not None and index is not None and self.rejects(*phrase) is None:
            first = self.add(*phrase, index, "reference")
        for start, end in [longest, *(span for span in spans if span != longest)]:
            index = self.context.sentence_of(start)
            if index is None:
                continue
            mention = self.add(start, end, index, "reference")
            if first is None:
                first = mention
            elif mention is not first:
                mention.alias_of = first

    def page_scheme(self) -> None:
        """A page where no strategy found a measure names its scheme by what the scheme pays for: the first grant or
        scheme noun with a "til"/"for" complement in the body ("Denne saken gjelder fordeling av tilskudd til
        eldreformål"), else in the title ("Fylkeskommunen tek over forvaltninga av tilskot til kommunale
        frisklivstilbod"), is the page's measure. On such pages the real texts' annotators nearly always name one (58
        of the 71 development pages without a measure found); elsewhere an unfunded mention of that kind is left to
        the funding and list strategies. A service ("tilbod til pasientane") is too general to name one."""
        subject = None
        if any(m.sentence is not None for m in self.mentions):
            subject = self.scheme_subject()
            if subject is None:
                return
        order = sorted(range(len(self.sentences)), key=lambda i: self.sentences[i].is_title)
        for index in order:
            s = self.sentences[index]
            for m in _scheme_for(self.context.cues.page_scheme_heads).finditer(self.text, s.start, s.end):
                if subject is not None and m.group(1).lower() != subject:
                    continue
                if _FROM.search(self.text, max(0, m.start() - 6), m.start()):
                    continue  # "fra fastlegeordningen til spesialisthelsetjenesten": a range, not a scheme for
                phrase = phrase_after(self.text, m.start(1), s.end, self.rx)
                if phrase is None or phrase[1] <= m.end() or self.rejects(*phrase) is not None:
                    continue
                if (self.context.framed(phrase[0], s.start) or self.context.named_elsewhere(phrase[0], s.start)
                        or self.negated(phrase[0])):
                    continue
                # the noun phrase ends before a finite verb ("Tilskuddene til friluftsliv utfyller hverandre ...")
                end = len(self.text[:before_finite_verb(self.context, *phrase)].rstrip(" ,"))
                money = next((a for a in self.context.amounts if a.is_money and phrase[0] < a.start < end), None)
                if money is not None:  # "tilskudd til kommunene på 2 mill. kroner": the sum is no part of the name
                    end = phrase[0] + len(_SUM_LEAD.sub("", self.text[phrase[0]:money.start]))
                if end > m.end():
                    self.add(phrase[0], end, index, "page")
                    return

    def scheme_subject(self) -> str | None:
        """The definite scheme noun that opens two or more sentences ("Tilskuddsordningen er forankret i ...",
        "Tilskuddsordningen er et sentralt virkemiddel ...") when no measure found names it: the page is about that
        scheme, whatever else it mentions (a law it prepares), and :meth:`page_scheme` looks for its full name."""
        opening = _definite_scheme(self.context.cues.page_scheme_heads)
        counts = Counter(m.group(1).lower() for s in self.sentences
                         if (m := opening.match(self.text, s.start, s.end)) is not None)
        word, n = counts.most_common(1)[0] if counts else (None, 0)
        if word is None or n < 2:
            return None
        if any(word in self.text[m.start:m.end].lower() for m in self.mentions):
            return None
        return word

    def drop_clauses(self) -> None:
        """Drop the unfunded mentions whose label is a clause, not a name: a finite verb or a modal in it ("Planen
        legges frem for kommunestyret", "tilskudd skal gi mindre ensomhet blant eldre", a headline "Støtter lokale
        frisklivstiltak i flere kommuner"). Needs the tagger; an infinitive ("legge ned Eldreombodet") stays."""
        doc = self.context.doc
        if doc is None or not annotated(doc, "MORPH"):
            return
        relative = set(default_proposer_cues().relative_markers)
        clauses: set[int] = set()
        for m in self.mentions:
            if m.named or m.funding or m.alias_of is not None or m.how in ("request", "hearing"):
                # a request's verb is an infinitive ("ber regjeringen snarest utrede ..."), whatever the tag; a
                # hearing's proposal is cut before its verb, and "lovfestet rett til ..." opens with a participle
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            main = next((t.i for t in span if t.lower_ in relative), span.end)
            if any(finite_verb(t) for t in doc[span.start:main]):  # a relative clause ("som driver ...") may have one
                clauses.add(id(m))
        if clauses:
            self.mentions = [m for m in self.mentions if id(m.root()) not in clauses]

    def unify_keys(self) -> None:
        """Fold keys within the document: a key that extends a shorter key of an instrument is the same measure."""
        keys = sorted({m.key for m in self.mentions}, key=len)
        named = {m.key for m in self.mentions if m.named}
        # "Omsorgsbustad" (a service page's title) and "Omsorgsbustad pluss" (a variant it offers): two measures
        titles = {m.key for m in self.mentions if m.how == "title" and not m.named}
        mapping: dict[str, str] = {}
        for n, short in enumerate(keys):
            for long in keys[n + 1:]:
                if long.startswith(short + "-") and long not in mapping:
                    head = short.split("-")[-1]
                    if long in named and short not in named:
                        if short in titles and not self.rx.instrument_word.match(head):
                            continue
                        longer = [k for k in keys if k.startswith(short + "-") and k in named]
                        if len(longer) == 1 and short not in mapping:
                            mapping[short] = long  # "kompetanseløft" -> "Kompetanseløft 2025"
                        continue
                    if self.rx.instrument_word.match(head) and short not in named:
                        mapping[long] = short
                    elif short in named and short not in mapping:
                        # a name cut before "for ..." ("Opptrappingsplanen") and the full phrase that
                        # starts with it ("Opptrappingsplanen for psykisk helse"): one measure, full name
                        longer = [k for k in keys if k.startswith(short + "-")]
                        if len(longer) == 1:
                            mapping[short] = long
        # "opptrappingsplanen" (key "opptrappingsplane", a definite ending cut to "e") and "opptrappingsplan mot vald og
        # overgrep" named in the same text: the definite noun takes up the one plan of its kind
        for short in keys:
            base = short[:-1]
            if "-" in short or not short.endswith("e") or short in mapping or not self.rx.instrument_word.match(base):
                continue
            longer = [k for k in keys if k.startswith(base + "-") and k not in mapping]
            if len(longer) == 1:
                mapping[short] = longer[0]
        # "Prøveprosjekt med lågterskel rusbehandling" and "femårig prøveprosjekt med lågterskel rusbehandling i
        # Bergen": one modifier before and a place after the same instrument phrase do not make another measure
        for short in keys:
            if "-" not in short or short in mapping or not self.rx.instrument_word.match(short.split("-")[0]):
                continue
            for long in keys:
                at = long.find(short)
                if long == short or at < 0 or long in mapping or long in named:
                    continue
                before, after = long[:at], long[at + len(short):]
                if ((before == "" or (before.endswith("-") and before.count("-") == 1 and not before[0].isdigit()))
                        and (after == "" or after.startswith("-i-")) and (before or after)):
                    mapping[long] = short
        # "Tilskudd til ettervern" (title) and "ettervern" (funded phrase): the grant is the measure
        links = tuple(word + "-" for word in self.context.cues.key_link_words)
        for long in keys:
            first, _, rest = long.partition("-")
            for link in links:
                if rest.startswith(link) and rest[len(link):] in keys and self.rx.instrument_word.match(first):
                    mapping.setdefault(rest[len(link):], long)
        # "Etablering av ACT-team" (the title) and "ACT-team" (the body): setting a measure up is that measure
        founding = tuple(f"{measure_key(word, self.context.cues)}-av-" for word in self.context.cues.founding_nouns)
        for long in keys:
            rest = next((long[len(f):] for f in founding if long.startswith(f)), None)
            if rest and rest in keys and long not in mapping and rest not in mapping:
                mapping[long] = rest
        # "Omsorgspris" and "Omsorgsprisen", "Leve hele livet-pris" and "Leve hele livet-prisen": one name, indefinite
        # and definite
        for short in keys:
            if short in mapping:
                continue
            full = next((short + e for e in _DEFINITE_SUFFIXES if short + e in keys and short + e not in mapping), None)
            if full is not None and self.rx.instrument_word.match(full.split("-")[-1]):
                mapping[short] = full
        # "innovasjonsprosjekter" and "innovasjonsprosjektene" (key "innovasjonsprosjekte"), "stønadar" and
        # "stønadane": the indefinite and the definite plural of one instrument word, one measure ("-ingar" is left
        # alone: the key of "ordningane" is that of "ordninga" too)
        for plural in keys:
            definite = plural[:-2] + "e"
            if (plural.endswith(("er", "ar")) and not plural.endswith(("inger", "ingar")) and plural not in mapping
                    and definite in keys and definite not in mapping and definite not in named
                    and self.rx.instrument_word.match(plural.split("-")[-1])):
                mapping[definite] = plural
        # "Helseteknologiordninga" (a one-word name) and "ei helseteknologiordning retta mot kommunane" (the same
        # noun, indefinite, with what it is for): one measure, under its name, when no other phrase has that noun
        for short in named:
            if "-" in short or short in mapping or not self.rx.instrument_word.match(short):
                continue
            bases = {short[: -len(e)] for e in _DEFINITE_SUFFIXES if short.endswith(e) and len(short) - len(e) >= 6}
            longer = [k for k in keys for base in bases if k.startswith(base + "-") and k not in named]
            if len(longer) == 1 and longer[0] not in mapping:
                mapping[longer[0]] = short
        # "Leve hele livet-prisen 2022" (the title) and the programme name "Leve hele livet-prisen" read inside it: one
        # measure under the name, whatever the two keys (a name keeps words a phrase's key drops)
        for title in (m for m in self.mentions if m.how == "title" and not m.named and m.key not in mapping):
            inner = next((n for n in self.mentions if n.named and n.key != title.key and n.key not in mapping
                          and title.start == n.start and n.end < title.end
                          and re.fullmatch(rf"\s+{YEARS}", self.text[n.end:title.end])), None)
            if inner is not None:
                mapping[title.key] = inner.key
        # "Helse- og omsorgsplan 2022-2033" and "omsorgsplan 2022-2033": the last part of a coordinated name;
        # "søkbare regionale forskingsmiddel" and "regionale forskingsmiddel": one adjective more before the same words
        for short in keys:
            if short in mapping or short.count("-") < 1:
                continue
            longer = [k for k in keys if k not in mapping and k.endswith("-" + short)
                      and (k[:-len(short) - 1].endswith("-og") or re.fullmatch(r"[^\W\d_]{4,}e", k[:-len(short) - 1]))]
            if len(longer) == 1:
                mapping[short] = longer[0]
        # "Opptrappingsplanen for rusfeltet" (a name) and "opptrappingsplan for rusfeltet" later in the text: one
        # measure when the two read the same as descriptions (case, articles, definite and plural endings aside)
        descriptions = {m.label: _described(m.label, self.context.cues) for m in self.mentions}
        described: dict[str, str] = {}
        for m in sorted(self.mentions, key=lambda m: (not m.named, m.start)):
            if m.key in mapping:
                continue
            norm = descriptions[m.label]
            if "-" not in norm:
                continue  # one word ("demensplan") may stand for any plan of its kind
            first = described.setdefault(norm, m.key)
            if first != m.key and (m.named or first in named) and m.key not in mapping:
                mapping[m.key] = first
        # "Omsorgspris" and "Omsorgsprisen 2019": a one-word name and the same name with its year; "senter for barn"
        # and "senter for barn, unge og psykosomatisk medisin": a phrase of three words or more cut short
        # (a longer form already folded into another key counts as that key: "opptrappingsplan for barn og unge" cut
        # from "... unge si psykiske helse", folded into "Opptrappingsplan for barn og unges psykiske helse")
        forms = {m.key: descriptions[m.label] for m in self.mentions}
        for short, form in forms.items():
            if short in mapping:
                continue
            if "-" not in form:
                longer = {k for k, f in forms.items() if k != short and re.fullmatch(rf"{re.escape(form)}-{YEARS}", f)}
            elif form.count("-") >= 2:
                # (or with the genitive "-s" its possessive word became: "barn og unge" in "barn og unge si ...")
                longer = {k for k, f in forms.items() if k != short and f.startswith((form + "-", form + "s-"))}
            else:
                continue
            longer = {_folded(k, mapping) for k in longer} - {short}
            if len(longer) == 1:
                mapping[short] = longer.pop()
        # "Tilskot til utviklingsprosjekt i barneverstenesta" (a grant page's title) and "stimuleringsmidlar til
        # utviklingsprosjekt på barnevernsområdet" in its body: one scheme named twice for what it funds, under the title
        title = next((m for m in self.mentions if m.how == "title" and m.key not in mapping), None)
        purpose = _GRANT_PURPOSE.match(title.label) if title is not None else None
        if purpose is not None and self.rx.instrument_word.match(purpose.group(1)):
            for other in self.mentions:
                if other.key == title.key or other.key in mapping:
                    continue
                again = _GRANT_PURPOSE.match(other.label)
                if (again is not None and self.rx.instrument_word.match(again.group(1))
                        and again.group(2).lower() == purpose.group(2).lower()):
                    mapping[other.key] = title.key
        # "Program for klinisk behandlingsforskning (KLINBEFORSK)" and later "KLINBEFORSK skal ...": the acronym the
        # text glosses after a measure's name is that measure
        for acronym in {m.key: m for m in self.mentions if _ACRONYM.fullmatch(m.label)}.values():
            if acronym.key in mapping:
                continue
            glossed = next((m for m in self.mentions if m.key != acronym.key and not _ACRONYM.fullmatch(m.label)
                            and self.text.startswith(f" ({acronym.label})", m.end)), None)
            if glossed is not None:
                mapping[acronym.key] = glossed.key
        # "48 millioner kroner til å forberede eldrereformen" and later "eldrereformen Leve hele livet": a definite
        # instrument noun that the text puts right before a name is that name
        for word in {m.key: m for m in self.mentions if not m.named and " " not in m.label.strip()}.values():
            if word.key in mapping or not self.rx.instrument_word.match(word.label) or not _DEFINITE.search(word.label):
                continue
            names = {n.key for n in self.mentions if n.named and n.key != word.key and n.key not in mapping
                     and re.search(rf"(?<![\w-]){re.escape(word.label)}[^\S\n]+\Z", self.text[max(0, n.start - 60):n.start],
                                   re.IGNORECASE)}
            if len(names) == 1:
                mapping[word.key] = names.pop()
        for m in self.mentions:
            m.key = _folded(m.key, mapping)

    # -- attaching -----------------------------------------------------------------------------

    def measure_for(self, index: int, pos: int, *, strong_reference: bool) -> Mention | None:
        """The measure a goal or group at ``pos`` in sentence ``index`` belongs to."""
        in_sentence = self.sentence_measure(index, pos)
        if in_sentence is not None:
            return in_sentence.root()
        bullet = self.bullet_measure(index)
        if bullet is not None:
            return bullet.root()
        s = self.sentences[index]
        named, subject = self.subject_measure(index, pos)
        if named:
            return subject
        if s.list_id is not None and self.context.lists[s.list_id].intro is not None:
            # "Tilskuddsordningen er et av flere virkemidler i arbeidet med å:" over the item: the intro's subject
            intro = self.context.sentence_of(self.context.lists[s.list_id].intro[0])
            subject = self.subject_measure(intro, self.sentences[intro].end)[1] if intro is not None else None
            if subject is not None:
                return subject
        if strong_reference:
            heading = self.topics.get(s.section)
            if heading is not None:
                return heading.root()
            previous = self.previous_mention(pos)
            title = next((x for x in self.mentions if self.sentences[x.sentence].is_title), None)
            if (previous is not None and title is not None and previous.root() is not title.root()
                    and self._plan(previous.root().label) and not self._plan(title.root().label)):
                # "I Demensplan 2015 er det eit mål at ...", then "Eit dagtilbod kan bidra til at ...": the page's
                # scheme (its title), not a plan it names in passing
                return title.root()
            if previous is not None:
                return previous.root()
            if title is not None:
                return title.root()
            return self.only_measure()
        return None

    def subject_measure(self, index: int, pos: int) -> tuple[bool, Mention | None]:
        """Whether the subject of sentence ``index`` (before ``pos``) names what it speaks of, and the measure it
        names: "Ordningen skal ...", "Et nytt tilskudd skal ...", "Tiltaka ..."; a plural anaphor names the policy
        as a whole, no one measure ("De nye tiltakene skal bidra til ...": ``(True, None)``)."""
        s = self.sentences[index]
        for m in re.finditer(WORD, self.text[s.start:min(s.end, pos)]):
            word = m.group(0)
            if m.start() > 30:
                break
            if self.rx.plural_anaphor.match(word):
                return True, None
            if self.context.is_definite(word) or (self.rx.instrument_word.match(word)
                                                  and not self.rx.budget_noun.match(word)):
                resolved = (self.resolve(s.start + m.start(), s.start + m.end()) or self.named_inside(word)
                            or self.next_named(s.start + m.start(), word))
                if resolved is not None:
                    self._described_subject(s.start + m.start(), s.start + m.end(), min(s.end, pos), index, resolved)
                    return True, resolved.root()
        return False, None

    def next_named(self, pos: int, word: str) -> Mention | None:
        """A definite compound subject the text names in full only below it ("Samhandlingsavtalen har til formål å
        ..." over the line "Samhandlingsavtalen 2015 med delavtalar"): the first later named mention that opens with
        the word, in any inflection, when no earlier one is."""
        if not self.context.is_definite(word) or len(word) < 8:
            return None
        head = stem(word.lower(), self.rx)
        later = [m for m in self.mentions if m.start > pos and m.alias_of is None and m.named and m.label.split()
                 and stem(m.label.split()[0].lower(), self.rx) == head]
        return min(later, key=lambda m: m.start).root() if later else None

    def _described_subject(self, start: int, end: int, limit: int, index: int, target: Mention) -> None:
        """"Tilskuddsordningen for etablering og utvikling av frisklivstilbud skal stimulere ...": a definite subject
        with what it is for names the measure it takes up in full: a mention of it under that wording."""
        m = _SUBJECT_FOR.match(self.text, end, limit)
        if m is None or not self.rx.instrument_word.match(self.text[start:end]):
            return
        phrase = phrase_after(self.text, m.end(), before_finite_verb(self.context, m.end(), limit), self.rx)
        if phrase is not None and len(self.text[start:phrase[1]].split()) >= 4:
            self.alias(start, phrase[1], index, target)

    def _plan(self, label: str) -> bool:
        """``label`` names a plan, strategy, white paper or reform (``plan_heads``): "Demensplan 2015"."""
        return _plan_head(self.context.cues.plan_heads).search(label) is not None

    def names_the_whole(self, index: int) -> bool:
        """Sentence ``index`` names measures as a whole with a plural instrument noun ("Regjeringen foreslår flere
        tiltak for å ...", "De nye tiltakene skal ..."): what it says is the policy's, not one measure's."""
        s = self.sentences[index]
        return any(self.rx.plural_anaphor.match(m.group(0)) for m in re.finditer(WORD, self.text[s.start:s.end]))

    def listed_measures(self, index: int) -> list[Mention]:
        """The measures of the list sentence ``index`` introduces (it ends with a colon and a list follows it), in
        order, each once; [] when it introduces none."""
        sentences = self.sentences
        if not self.text[sentences[index].start:sentences[index].end].rstrip().endswith(":"):
            return []
        stop = next((j for j in range(index + 1, len(sentences)) if sentences[j].list_id is None), len(sentences))
        roots: list[Mention] = []
        for m in self.mentions:
            if m.sentence is not None and index < m.sentence < stop and m.root() not in roots:
                roots.append(m.root())
        return roots

    def only_measure(self) -> Mention | None:
        """The measure of a page about one scheme: every mention refers to one measure (one key)."""
        roots = [m.root() for m in self.mentions if m.sentence is not None]
        keys = {m.key for m in roots}
        return roots[0] if len(keys) == 1 else None

    def attach_quantities(self) -> None:
        """Counted quantities ("100 nye stillinger", not durations or shares) go to the measure of their sentence."""
        excluded = {u.lower() for u in self.context.cues.quantity_units_excluded}
        for amount in self.context.amounts:
            if amount.is_money or not amount.unit:
                continue
            unit = amount.unit.lower()
            if any(unit.startswith(x) for x in excluded):
                continue
            index = self.context.sentence_of(amount.start)
            if index is None:
                continue
            mention = self.sentence_measure(index, amount.start) or self.bullet_measure(index)
            if mention is not None:
                mention.root().quantities.append(amount)

    def attach_goals(self, goals: Iterable[GoalCandidate]) -> None:
        for found in goals:
            self.goals.append(found.goal)
            # a goal belongs to the measure of its sentence or bullet, else to the one its subject names, the
            # section's topic, the measure before it, the title's or the page's only measure
            items = self.listed_measures(found.sentence) if self.sentence_measure(found.sentence, found.cue) is None else []
            if items and not self.names_the_whole(found.sentence):
                # "For å nå målsetningene i eldreplanen, foreslås følgende prioriteringer:" over a list: every item's
                # goal (not when the sentence names the items as a whole: "flere tiltak for å ...:", the policy's)
                for measure in items:
                    if found.goal not in measure.goals:
                        measure.goals.append(found.goal)
                continue
            # a subject may stand inside the cue ("Målet med den nye ordningen er å ..."): read up to the goal
            measure = self.title_measure() if self.states_the_aim(found.sentence) else None
            measure = (measure or self.measure_for(found.sentence, found.goal.start, strong_reference=True)
                       or self.only_measure())
            if measure is None:
                measure = self.heading_reference(found.sentence)
            if measure is None:
                measure = self.title_measure()  # nothing nearer names a measure: the one the page is about
            if measure is not None and found.goal not in measure.goals:
                measure.goals.append(found.goal)

    def states_the_aim(self, index: int) -> bool:
        """The sentence opens with a goal noun and its copula ("Mål er å ...", "Hovudmålet er ...", "Formålet var
        ..."), naming no measure: on a grant page it states the aim of the scheme the title names, as "Målgruppe er
        ..." states its group."""
        sentence = self.sentences[index]
        first = re.match(r"\W*([\w-]+)\s+(?:er|var|blir|vert)\s", self.text[sentence.start:sentence.end])
        return first is not None and bool(goal_cues().goal_noun.fullmatch(first.group(1).lower()))

    def heading_reference(self, index: int) -> Mention | None:
        """The measure a goal heading over sentence ``index`` names by a definite reference ("Mål for ordningen",
        "Formålet med tilskotet"), when it resolves to one."""
        section = self.sentences[index].section
        heading = next((h for h in self.context.headings if h.section == section), None)
        if heading is None or not goal_cues().goal_heading_line.fullmatch(self.text[heading.start:heading.end].strip()):
            return None
        for m in re.finditer(WORD, self.text[heading.start:heading.end]):
            if self.context.is_definite(m.group(0)):
                resolved = self.resolve(heading.start + m.start(), heading.start + m.end())
                if resolved is not None:
                    return resolved.root()
        return None

    def attach_targets(self, targets: Iterable[TargetCandidate]) -> None:
        vague = frozenset(self.context.cues.vague_groups)
        channels = frozenset(self.context.cues.channel_groups)
        for found in targets:
            group = found.group
            label = " ".join(group.label.lower().split())
            if label in vague:
                continue  # "pasientene", "prioriterte grupper": nobody in particular (``vague_groups``)
            if not found.strong and label.removeprefix("alle ") in channels:
                continue  # "fordeler midlar til kommunane": the level paid through, not whom (``channel_groups``)
            measure = self.measure_for(found.sentence, group.start, strong_reference=found.strong)
            if measure is None:
                only = self.only_measure()
                if only is not None and only.how == "law":
                    # a hearing answer on a law ("endringer i folkehelseloven"): the groups its body names are
                    # what the answer discusses, not whom the law is for
                    only = None
                measure = only or (self.title_measure() if found.strong else None)
            if measure is None and not found.strong:
                continue
            self.groups.append(group)
            # a group the measure's own label names is its target too ("Tilskudd til aktivitetstilbud for eldre med
            # demens": the annotators of the real texts list it, as for any other measure)
            if measure is not None and all(g.key != group.key for g in measure.targets):
                measure.targets.append(group)

    def attach_frequent_group(self) -> None:
        """A page where no sentence states a group: the group it names most often (:func:`frequent_group`, read only
        for such a page) is its measure's (the only one, else the title's, else the first), or the page's when it
        names no measure."""
        if self.groups:
            return
        group = frequent_group(self.context)
        if group is None:
            return
        self.groups.append(group)
        roots = [m.root() for m in sorted(self.mentions, key=lambda m: m.start) if m.sentence is not None]
        measure = self.only_measure() or self.title_measure() or (roots[0] if roots else None)
        if measure is not None:
            measure.targets.append(group)

    def attach_proposers(self) -> None:
        """Each mention's own proposer; the root takes the first stated one; the default fills the rest."""
        reading = read_proposers(self.context)
        default = reading.default
        for m in self.mentions:
            if m.sentence is None:
                continue
            proposer = proposer_for(self.context, m.start, m.sentence, reading)
            root = m.root()
            if proposer is not None:
                m.proposer = proposer
                if root.proposer is None or root.proposer is default:
                    root.proposer = proposer
            elif m.proposer is None:
                m.proposer = root.proposer if root.proposer is not None else None
        for m in self.mentions:
            if m.proposer is None:
                m.proposer = m.root().proposer or default
        for m in self.mentions:
            if m.proposer is None and m.sentence is not None:
                # nobody decides or funds it in the text: the organisation that receives the money runs it ("Telemark
                # Røde Kors, som får 20 000 kroner for å gjennomføre ein sommarleir"), and so runs its root
                m.proposer = self.recipient_before(m)
                if m.proposer is not None and m.root().proposer is None:
                    m.root().proposer = m.proposer
        for m in self.mentions:
            if m.proposer is None and m.root().proposer is not None:
                m.proposer = m.root().proposer  # a mention before its root found its runner
        for m in self.mentions:
            if m.proposer is not None and m.sentence is not None and asks(
                    self.context, m.proposer, self.sentences[m.sentence].start, m.start):
                m.proposer = None  # "Stortinget ber regjeringen opprette ...": the body that asks does not propose
        for m in self.mentions:
            if m.how == "hearing" and m.sentence is not None:
                # "Gjesdal kommune er positive til forslaget om ...": who answers the hearing proposes nothing
                m.proposer = proposal_author(self.context, m.start, self.sentences[m.sentence].start)
            elif m.how == "project" and m.alias_of is None:
                m.proposer = None  # a project a grant table lists: its applicant runs it, whoever funds it

    def recipient_before(self, mention: Mention) -> Actor | None:
        """The organisation that receives money earlier in the mention's sentence: the subject of "får/mottar"
        ("Voksne for Barn får 100 000 kroner til tiltak ...", "Telemark Røde Kors, som får 20 000 i støtte for å
        ...", "Blant organisasjonane får Norsk Folkehjelp ..."), the one nearest before the mention."""
        s = self.sentences[mention.sentence]
        found = None
        for actor in self.context.actors_in(s.start, mention.start):
            if actor.kind == "organisation" and (_RECEIVES.match(self.text, actor.end, mention.start)
                                                 or _RECEIVES_BEFORE.search(self.text, max(s.start, actor.start - 12),
                                                                            actor.start)):
                found = actor
        return found

    # -- output --------------------------------------------------------------------------------

    def findings(self) -> MeasureFindings:
        """The records: one Measure per mention (an alias at its root's span is left out)."""
        doc_id, text = self.context.doc_id, self.text
        programme_keys = {m.root().key for m in self.mentions if m.root().is_programme}
        part_of: dict[int, str] = {}
        for m in self.mentions:
            if m.sentence is None:
                continue
            s = self.sentences[m.sentence]
            if s.list_id is not None:
                programme = self.programmes.get(s.list_id)
                if programme and programme != m.key:
                    part_of[id(m.root())] = programme
        measures = []
        # a goal or group the page repeats word for word (a grant page states its purpose twice) is one fact of the
        # measure: the first mention of it, whichever of the measure's mentions it is read with
        stated: dict[str, set[str]] = defaultdict(set)
        repeats: set[Goal | TargetGroup] = set()

        def first_time(key: str, spans: Sequence[Goal | TargetGroup]) -> tuple[Goal | TargetGroup, ...]:
            kept = []
            for span in spans:
                said = " ".join(span.label.casefold().split())
                if said not in stated[key]:
                    stated[key].add(said)
                    kept.append(span)
                else:
                    repeats.add(span)
            return tuple(kept)

        for m in sorted(self.mentions, key=lambda x: x.start):
            if m.alias_of is not None:
                root = m.root()
                if m.start == root.start:
                    continue
            own = m if m.alias_of is None else None
            key = m.key if m.alias_of is None else m.root().key
            measures.append(Measure(
                doc_id, m.start, m.end, text[m.start:m.end],
                label=_LEADING_BULLET.sub("", re.sub(r"\s+", " ", m.label)),
                key=m.key if m.alias_of is None else m.root().key,
                is_programme=m.root().is_programme or m.key in programme_keys,
                funding=tuple(own.funding) if own else (),
                quantities=tuple(own.quantities) if own else (),
                proposer=m.proposer,
                part_of=part_of.get(id(m.root())),
                goals=first_time("goal " + key, own.goals) if own else (),
                targets=first_time("group " + key, own.targets) if own else (),
            ))
        # (a group of no measure may repeat: annotators list a page's group at the top and under its measure alike)
        groups = tuple(sorted(set(self.groups) - repeats, key=lambda g: g.start))
        # a goal of no measure whose words an earlier goal already said ("utjevne sosiale helseforskjeller" in the lead
        # and again in a pasted paragraph) is no second goal of the page; a measure's goal always stays
        attached = {goal for m in measures for goal in m.goals}
        goals = tuple(g for g in sorted(set(self.goals) - repeats, key=lambda g: g.start)
                      if first_time("page goal", (g,)) or g in attached)
        return MeasureFindings(tuple(measures), goals, groups)


#: "for"/"til" right after a definite subject: what the measure it names is for
_SUBJECT_FOR = re.compile(r"[^\S\n]+(?:for|til)[^\S\n]+(?!å\b)")


def _folded(key: str, mapping: Mapping[str, str]) -> str:
    """The key ``key`` ends as after the folds of ``mapping`` (followed until a key maps nowhere or back)."""
    seen = set()
    while key in mapping and key not in seen:
        seen.add(key)
        key = mapping[key]
    return key


#: the possessive words of a Nynorsk genitive ("unge si helse"): the "-s" genitive of the word before ("unges helse")
_POSSESSIVES = frozenset({"si", "sin", "sitt", "sine"})

#: instrument words whose Nynorsk and Bokmål forms name one scheme ("Tilskot/Tilskudd til inkludering av barn og unge")
_SAME_WORD = {"tilskot": "tilskudd", "midlar": "midler", "løyving": "bevilgning"}


def _described(label: str, cues: MeasureCues) -> str:
    """A label read as a description for comparing two mentions of one document: its key (articles, adjectives,
    definite and plural endings dropped), a final "e" the key keeps of a definite ending ("handlingsplane" ->
    "handlingsplan") dropped, a "til" after the first word dropped (a table's short form "Tilskudd kommunalt
    rusarbeid"), and a Nynorsk instrument word read as its Bokmål twin.

    >>> from helsekg.extract.measures.cues import default_cues
    >>> _described("handlingsplanen for eldreomsorgen", default_cues()) == _described(
    ...     "Handlingsplan for eldreomsorgen", default_cues())
    True
    >>> _described("Tilskot til inkludering av barn og unge", default_cues())
    'tilskudd-inkludering-av-barn-og-unge'
    >>> _described("Tilskudd kommunalt rusarbeid", default_cues()) == _described(
    ...     "Tilskot til kommunalt rusarbeid", default_cues())
    True
    >>> _described("Opptrappingsplan for barn og unges psykiske helse", default_cues()) == _described(
    ...     "opptrappingsplan for barn og unge si psykiske helse", default_cues())
    True
    """
    words = []
    for word in measure_key(label, cues).split("-"):
        if word == "til" and words:
            continue  # "Tilskudd kommunalt rusarbeid" is "Tilskot til kommunalt rusarbeid" in a table's short form
        if word in _POSSESSIVES and words:
            words[-1] += "" if words[-1].endswith("s") else "s"
            continue  # Nynorsk "barn og unge si psykiske helse" is "barn og unges psykiske helse"
        word = _SAME_WORD.get(word, word)
        words.append(word[:-1] if len(word) >= 6 and word.endswith("e") else word)
    return "-".join(words)


@lru_cache(maxsize=4)
def _plan_head(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A word ending in one of ``heads`` in any inflection ("Demensplan", "opptrappingsplanen", "reforma")."""
    if not heads:
        return re.compile(r"(?!)")
    return re.compile(rf"(?i)(?:{alternation(heads)})(?:en|a|et|e|ane|ene|er|ar)?\b")
