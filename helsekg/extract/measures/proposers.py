"""Strategy: who proposes, funds, decides or runs a measure.

:func:`read_proposers` reads the whole document once and returns a :class:`ProposerReading`: for every
sentence the organisations that act in it, and the document's default proposer. An organisation acts
when the dependency parse makes it

* the subject of a deciding verb ("Helsedirektoratet fordeler ...", "Statsforvaltaren lyser ut tilskot",
  "Kommunestyret vedtok å etablere ...", "Helse Fonna byggjer ..."), also through a modal, an infinitive
  or a coordination ("Regjeringa vil legge til rette for ..., utvide ... og innføre ...") and as the noun a
  relative clause without its own subject modifies ("Statsforvaltaren, som fordeler midlane");
* the agent of a passive deciding verb ("Tilskuddet tildeles av Helsedirektoratet", "ordninga blir
  forvalta av Statsforvaltaren").

Without an agent, a passive proposal verb ("Det foreslås ...", "Det vert foreslått ...") is the author's
own voice, like "vi"/"me" as subject, and resolves to the default proposer; another agentless passive
("I 2024 ble bevilgningen økt ...") takes the organisation the previous sentence of the paragraph is
about ("Regjeringen er opptatt av ..."). A genitive organisation owns the noun it determines and the
subject of a copula with that noun as predicate ("Demensplan 2025 er regjeringas femårsplan"); owning is
no act. The verbs are lemmas in ``helsekg/data/proposer_cues.json`` (one entry for "forvalter/forvaltar/
forvalta/forvaltes"; an Ordbank verb form the model tagged otherwise, "foreslås", counts too). A subject
that is no actor mention itself but a definite common noun naming an organisation ("Fylkeskommunen"
after "Vestland fylkeskommune", "direktoratet" after "Helsedirektoratet") is that organisation.

:func:`proposer_for` gives one measure mention its proposer, in order: an organisation that runs the
measure by the word patterns of ``runner_patterns`` ("..., som Helsedirektoratet skal utvikle"); the
actor of the deciding verb or genitive whose clause holds the measure (the innermost one); another
organisation acting in the sentence, or the one before a proposal verb or right after an acting verb
(word patterns, the only rules without a parse); for a heading ("Post 63 Investeringstilskudd"), who
acts first in the section it opens; for a list item, the actor of the list's introduction (first of all
for a decision's list, "Kommunestyret gjorde følgjande vedtak:", whose items' own subjects carry the decision
out: "4. Kommunedirektøren skal leggje fram ..."); else the
acting organisation of an earlier sentence in the same or the two paragraphs before, within the section.

The default proposer (credited by the resolve step when none of these finds one) is the government or
publisher the document's header names; else the organisation the title names as its actor or author
("Prop. 1 S (2024–2025) Helse- og omsorgsdepartementet"; not an object, a genitive or a party); else the
organisation acting in most sentences (so the government only when it acts in the text, not when merely
mentioned: "regjeringas femårsplan", "Stortinget ber regjeringa ..."); else the one public body the text
names, when it names exactly one named body ("befolkningen i Trondheim kommune" on the municipality's own
page); else none. A measure left without a proposer then takes the organisation that receives its money earlier
in its sentence ("Voksne for Barn får 100 000 kroner til ...": who runs it; the resolve step), or stays empty
rather than guessed.

>>> from helsekg.extract.records import Actor
>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Kommunestyret løyvde pengar til eit nytt helsehus."
>>> actor = Actor("d", 0, 13, "Kommunestyret", label="Kommunestyret", kind="organisation", key="kommunestyret")
>>> context = build_context(document_from_text(text, source="x.txt"), actors=[actor])
>>> proposer_for(context, text.index("helsehus"), 0).label
'Kommunestyret'
>>> read_proposers(context).default.label
'Kommunestyret'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Doc, Token

from helsekg import resources
from helsekg.extract.measures.context import REFERENCE_REACH, MeasureContext
from helsekg.extract.measures.cues import alternation
from helsekg.extract.measures.proposals import proposal_author
from helsekg.extract.measures.requests import requester
from helsekg.extract.records import Actor
from helsekg.nlp.extensions import annotated, doc_text
from helsekg.nlp.lemmas import load_table
from helsekg.text.layout import line_bounds

__all__ = ["Acting", "ProposerCues", "ProposerReading", "asks", "default_proposer_cues", "discourse_subject",
           "proposer_for", "read_proposers", "runner", "subject_actor"]

CUES_FILE = "proposer_cues.json"
#: How far up a verb chain (modal, infinitive, coordination, relative clause) a subject is looked for.
MAX_CLIMB = 6


@dataclass(frozen=True)
class ProposerCues:
    """Verb lemmas and dependency labels of ``helsekg/data/proposer_cues.json``."""

    deciding_verbs: tuple[str, ...]
    proposal_verbs: tuple[str, ...]
    self_pronouns: tuple[str, ...]
    agent_prepositions: tuple[str, ...]
    passive_auxiliaries: tuple[str, ...]
    subject_labels: tuple[str, ...]
    agent_labels: tuple[str, ...]
    indirect_object_labels: tuple[str, ...]
    chain_labels: tuple[str, ...]
    relative_labels: tuple[str, ...]
    relative_markers: tuple[str, ...]
    infinitive_markers: tuple[str, ...]
    possessive_labels: tuple[str, ...]
    possessive_pronouns: tuple[str, ...]
    title_excluded_types: tuple[str, ...]
    object_labels: tuple[str, ...]
    publisher_types: tuple[str, ...]
    unnamed_body_types: tuple[str, ...]
    decision_lemmas: tuple[str, ...]
    responsible_keys: tuple[str, ...] = ()
    #: the last word of a department's name: "Helse- og omsorgsavdelinga" answers for the body it belongs to
    department_heads: tuple[str, ...] = ()
    #: bodies that take part without deciding (research, associations): no rival to the one public body named
    partner_types: tuple[str, ...] = ()
    #: bodies that advise and recommend (an ombud, a council): never a document's default proposer of measures
    advisory_types: tuple[str, ...] = ()
    #: "Prosjekta kommunen fekk tilskot til er:": a list introduction that says its items received money
    received_verbs: tuple[str, ...] = ()
    money_stems: tuple[str, ...] = ()
    #: "Stortinget ber regjeringen ...": the word forms after which a body is whom a request addresses
    request_forms: tuple[str, ...] = ()
    #: "I regjeringa sitt forslag til statsbudsjett er det sett av ...": the owned nouns that name whose decision an
    #: agentless passive is
    proposal_nouns: tuple[str, ...] = ()

    @property
    def received(self) -> re.Pattern[str]:
        """A receiving verb and a word for money, in either order, within one line before its colon."""
        return _received(self.received_verbs, self.money_stems)

    @property
    def request_before(self) -> re.Pattern[str]:
        """A request verb right before a name ("ber regjeringen", "oppmodar departementet")."""
        return _request_before(self.request_forms)

    @classmethod
    def load(cls) -> ProposerCues:
        fields = cls.__dataclass_fields__
        return cls(**resources.cue_tuples(resources.load_data(CUES_FILE), fields,
                                          source=resources.data_path(CUES_FILE), what="proposer cues"))

    def verbs(self) -> Mapping[str, tuple[str, ...]]:
        """Deciding verb lemma -> the particles it needs ("lyse ut" -> ("ut",); "vedta" -> ()); built once per
        word list (it was rebuilt for every sentence)."""
        return _verb_particles(self.deciding_verbs)


@lru_cache(maxsize=8)
def _verb_particles(entries: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        lemma, *particles = entry.lower().split()
        out.setdefault(lemma, ())
        if particles:
            out[lemma] = out[lemma] + (" ".join(particles),)
    return MappingProxyType(out)


@lru_cache(maxsize=4)
def _request_before(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w-])(?:{alternation(forms)})\s+\Z" if forms else r"(?!)")


@lru_cache(maxsize=8)
def _request_after(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s+(?i:{alternation(forms)})(?![\w-])" if forms else r"(?!)")


def asks(context: MeasureContext, actor: Actor, start: int, end: int, *, cues: ProposerCues | None = None) -> bool:
    """``actor`` stands right before a request verb (``request_forms``) in ``context.text[start:end]``: "Stortinget ber
    regjeringen opprette ...", "Rådet oppmodar departementet om å ...". What the request names is the addressee's to do,
    so the body that asks for it neither proposes nor runs it.

    >>> from helsekg.text import document_from_text
    >>> from helsekg.extract.measures.context import build_context
    >>> text = "Stortinget ber regjeringen opprette et nasjonalt prioriteringsråd."
    >>> body = Actor("d", 0, 10, "Stortinget", label="Stortinget", kind="organisation", key="stortinget")
    >>> context = build_context(document_from_text(text, source="x.txt"), actors=[body])
    >>> asks(context, body, 0, text.index("prioriteringsråd"))
    True
    """
    cues = cues or default_proposer_cues()
    after = _request_after(cues.request_forms)
    return any(a.key == actor.key and after.match(context.text, a.end, end) for a in context.actors_in(start, end))


@lru_cache(maxsize=1)
def default_proposer_cues() -> ProposerCues:
    """The shipped proposer cues, loaded once."""
    return ProposerCues.load()


@dataclass(frozen=True, slots=True)
class Acting:
    """An organisation behind a clause: ``actor`` None is the document's own voice ("vi", "Det foreslås").

    ``how``: "subject" of a deciding verb, "agent" of a passive one, "topic" (the organisation the
    sentence before an agentless passive is about), "owner" (a genitive: "regjeringas femårsplan") or
    "self". Only subjects and agents count as acting for the document's default proposer.
    """

    actor: Actor | None
    how: str
    start: int  # the clause (the verb chain's subtree) or noun phrase it covers, character offsets
    end: int


@dataclass(frozen=True)
class ProposerReading:
    """The acting organisations of every sentence and the document's default proposer."""

    acting: tuple[tuple[Acting, ...], ...]
    default: Actor | None = None

    def actor_of(self, acting: Acting) -> Actor | None:
        return acting.actor if acting.actor is not None else self.default


def read_proposers(context: MeasureContext, *, cues: ProposerCues | None = None) -> ProposerReading:
    """Who acts in each sentence (by the parse, when the Doc has one) and the document's default proposer."""
    cues = cues or default_proposer_cues()
    doc = context.doc
    parsed = _parsed(context)
    acting = tuple(
        tuple(_acting_in(context, doc, i, cues)) if parsed else ()
        for i in range(len(context.sentences))
    )
    chain = (lambda: context.default_proposer, lambda: _responsible(context, cues), lambda: _title_actor(context, cues),
             lambda: _most_acting(context, acting), lambda: _money_source(context),
             lambda: _sole_authority(context, cues), lambda: _most_named(context, cues))
    found = (a for a in (step() for step in chain) if a is not None)  # each step computed only when needed
    default = next(found, None)
    if default is not None and default.actor_type in cues.advisory_types:
        # an ombud's or council's text comments on others' measures: it is no default proposer of them, the
        # government it names is ("Regjeringa føreslår å avvikle Eldreombodet"), else the next of the chain
        default = next((a for a in context.actors if a.actor_type == "government"), None) or next(
            (a for a in found if a.actor_type not in cues.advisory_types), None)
    return ProposerReading(acting, default)


def proposer_for(context: MeasureContext, start: int, sentence: int,
                 reading: ProposerReading | None = None) -> Actor | None:
    """The actor behind the measure mention at ``start`` in sentence ``sentence`` (None: not stated)."""
    reading = reading or read_proposers(context)
    found = (proposal_author(context, start) or requester(context, start, sentence) or runner(context, start, sentence)
             or _item_owner(context, start, sentence))
    if found is not None:
        return found
    found = _decision_actor(context, reading, sentence)
    if found is not None:
        return found
    acting = reading.acting[sentence] if sentence < len(reading.acting) else ()
    governing = sorted((a for a in acting if a.start <= start < a.end), key=lambda a: a.end - a.start)
    for a in governing:
        if reading.actor_of(a) is not None:
            return reading.actor_of(a)
    found = _acting_actor(context, reading, sentence)
    s = context.sentences[sentence]
    if found is None and any(h.start == s.start for h in context.headings):
        found = _section_actor(context, reading, sentence)
    if found is None and s.list_id is not None and context.lists[s.list_id].group is not None:
        # the subheading the items stand under names who runs them ("Helse Bergen" over its projects)
        top, bottom = context.lists[s.list_id].group
        found = next((a for a in context.actors if top <= a.start < bottom and a.kind == "organisation"), None)
    if found is None and s.list_id is not None:
        intro = context.lists[s.list_id].intro
        if intro is not None:
            index = context.sentence_of(intro[0])
            if default_proposer_cues().received.search(context.text, *intro):
                # "Prosjekta kommunen fekk tilskot til er:": the recipient runs the items, the body that gives the
                # money decides them: where the text says the money comes from, else the document's proposer
                found = _money_source(context) or reading.default
            if found is None and index is not None:
                # the items are read in the context of their introduction, however long the list is
                found = _acting_actor(context, reading, index) or discourse_subject(context, index, reading)
    if found is None:
        found = discourse_subject(context, sentence, reading)
    if found is None:
        # no body decides or runs the rows in the text: each row's applicant runs its measure
        found = _applicant_cell(context, start)
    return found


@lru_cache(maxsize=4)
def _received(verbs: tuple[str, ...], stems: tuple[str, ...]) -> re.Pattern[str]:
    """See :attr:`ProposerCues.received`.

    >>> cues = default_proposer_cues()
    >>> bool(cues.received.search("Prosjekta kommunen fekk tilskot til er:"))
    True
    >>> bool(cues.received.search("Disse prosjektene er med i satsingen:"))
    False
    """
    if not verbs or not stems:
        return re.compile(r"(?!)")
    verb = alternation(verbs)
    money = rf"(?:{alternation(stems)})\w*"
    return re.compile(rf"(?i)(?<!\w)(?:(?:{verb})\b[^:\n]{{0,40}}?(?<!\w)(?:{money})"
                      rf"|(?:{money})[^:\n]{{0,40}}?(?<!\w)(?:{verb})\b)")


#: The fields of a list item: "Alfred - Kvalitet i kirurgi - Kari Nordmann - UNN Harstad".
_ITEM_FIELD = re.compile(r"\s[-–]\s")


def _item_owner(context: MeasureContext, start: int, sentence: int) -> Actor | None:
    """The organisation that a list item's last field names, when its fields are set apart by dashes: a funded
    project's owner ("Bakteriehund - en hund etter bakterier - Kari Nordmann - UNN Narvik")."""
    s = context.sentences[sentence]
    if s.list_id is None:
        return None
    bullet = next(((b, e) for b, e in context.lists[s.list_id].bullets if b <= start < e), None)
    if bullet is None:
        return None
    line = context.text[bullet[0]:bullet[1]].rstrip()
    fields = _ITEM_FIELD.split(line)
    if len(fields) == 2:
        # "• Nav Bergenhus – to stillingar i prosjektet «Ka `no?»": the body the item opens with runs the project after
        # the dash
        head = fields[0].rstrip()
        first = bullet[0] + len(head) - len(head.lstrip(" •·*-–\t"))
        second = bullet[0] + len(line) - len(fields[1].lstrip())
        if start < second:
            return None
        return next((a for a in context.actors_in(first, bullet[0] + len(head))
                     if a.kind == "organisation" and a.start == first and a.end == bullet[0] + len(head)), None)
    if len(fields) < 3:
        return None
    last = bullet[0] + len(line) - len(fields[-1].strip())
    return next((a for a in context.actors_in(last, bullet[0] + len(line))
                 if a.kind == "organisation" and a.start == last and a.end == bullet[0] + len(line)), None)


def _applicant_cell(context: MeasureContext, start: int) -> Actor | None:
    """The applicant of an allocation table's row: the organisation that opens the line, right before the measure,
    in a line that ends with an amount ("Dovre kommune Friskliv og mestring 62 500": Dovre runs the measure)."""
    text = context.text
    line_start, line_end = line_bounds(text, start)
    row_end = line_start + len(text[line_start:line_end].rstrip())
    if not any(a.is_money and start < a.start and a.end >= row_end for a in context.amounts):
        return None
    gap = start  # the white space right before the measure: the actor ends in it
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    for actor in context.actors:
        if actor.kind == "organisation" and gap <= actor.end <= start and not text[line_start:actor.start].strip():
            return actor
    return None


def _decision_actor(context: MeasureContext, reading: ProposerReading, index: int) -> Actor | None:
    """For an item of a decision's list ("Kommunestyret gjorde følgjande vedtak:"), the body that decides: the item's
    own subject carries the decision out ("4. Kommunedirektøren skal leggje fram ...") but does not decide it."""
    s = context.sentences[index]
    if s.list_id is None or context.doc is None:
        return None
    intro = context.lists[s.list_id].intro
    if intro is None:
        return None
    lemmas = default_proposer_cues().decision_lemmas
    span = context.doc.char_span(intro[0], intro[1], alignment_mode="expand")
    if span is None or not any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in span):
        return None
    intro_index = context.sentence_of(intro[0])
    return _acting_actor(context, reading, intro_index) if intro_index is not None else None


def _acting_actor(context: MeasureContext, reading: ProposerReading, index: int) -> Actor | None:
    """The first organisation acting in sentence ``index``: by the parse, else by the word patterns."""
    acting = reading.acting[index] if index < len(reading.acting) else ()
    for a in acting:
        if a.actor is not None and a.how in ("subject", "agent"):
            return a.actor
    return subject_actor(context, index)


def _section_actor(context: MeasureContext, reading: ProposerReading, index: int) -> Actor | None:
    """For a heading ("Post 63 Investeringstilskudd"): who acts first in the section it opens ("Husbanken
    forvalter ordningen", or the author's "Det foreslås ...")."""
    section = context.sentences[index].section
    for i in range(index + 1, len(context.sentences)):
        if context.sentences[i].section != section:
            break
        for a in reading.acting[i] if i < len(reading.acting) else ():
            if a.how in ("subject", "agent", "self") and reading.actor_of(a) is not None:
                return reading.actor_of(a)
        actor = subject_actor(context, i)
        if actor is not None:
            return actor
    return None


def discourse_subject(context: MeasureContext, index: int, reading: ProposerReading | None = None) -> Actor | None:
    """The acting organisation of an earlier sentence in the same or the previous paragraphs of the section."""
    reading = reading or ProposerReading(())
    para, section = context.sentences[index].para, context.sentences[index].section
    for i in range(index - 1, -1, -1):
        s = context.sentences[i]
        if para - s.para > REFERENCE_REACH - 1 or s.is_title or s.section != section:
            break
        actor = _acting_actor(context, reading, i)
        if actor is not None:
            return actor
    return None


#: "har" with an indefinite article and the noun after it: what a body has, not what it does ("har eit mindreforbruk").
_HAS_A = re.compile(r"\s*har\s+(?:en|ei|et|ein|eit)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)


def _has_something(context: MeasureContext, pos: int, limit: int) -> bool:
    """The verb after a body at ``pos`` is "har" and its object a thing that is no measure ("Sogn og Fjordane
    fylkeskommune har eit mindreforbruk på 57,5 mill. kr": a state of its accounts); "Kommunen har ei ordning med ..."
    still runs a scheme."""
    m = _HAS_A.match(context.text, pos, limit)
    return m is not None and not any(context.rx.instrument_word.match(word) for word in m.group(1).split())


def runner(context: MeasureContext, start: int, sentence: int) -> Actor | None:
    """"..., som Helsedirektoratet skal utvikle", "Ordningen forvaltes av X" in the same sentence."""
    text = context.text
    s = context.sentences[sentence]
    for actor in context.actors:
        if not (s.start <= actor.start < s.end) or actor.kind != "organisation":
            continue
        for pattern in context.cues.runner_patterns:
            left, _, right = pattern.partition("{actor}")
            before = text[max(s.start, actor.start - len(left) - 2):actor.start]
            after = text[actor.end:actor.end + len(right) + 2]
            if ((not left.strip() or re.search(re.escape(left.strip()) + r"\s*$", before, re.IGNORECASE))
                    and (not right.strip() or re.match(r"\s*" + re.escape(right.strip()), after, re.IGNORECASE))
                    and (left.strip() or right.strip())
                    and (actor.start > start or not left.strip().startswith("som"))):
                return actor
    return None


def subject_actor(context: MeasureContext, index: int) -> Actor | None:
    """The organisation acting in sentence ``index``: before a proposal verb, or right after an acting verb."""
    text, rx = context.text, context.rx
    s = context.sentences[index]
    candidates = [a for a in context.actors_in(s.start, s.end) if a.kind == "organisation"]
    for actor in candidates:
        if (rx.proposer_verb.match(text, actor.end, s.end) and not rx.actor_as_object.search(text[s.start:actor.start])
                and not _has_something(context, actor.end, s.end)):
            return actor
    for actor in candidates:
        prior = text[max(s.start, actor.start - 30):actor.start]
        if rx.actor_after_verb.search(prior):
            return actor
    return None


# -- the parse -------------------------------------------------------------------------------------


def _parsed(context: MeasureContext) -> bool:
    """The context's Doc has a dependency parse and is of the context's text (``doc_text``: spaCy's
    ``doc.text`` joins every token again on each call; issue 18)."""
    doc = context.doc
    return doc is not None and annotated(doc, "DEP") and len(doc_text(doc)) == len(context.text)


def _title_actor(context: MeasureContext, cues: ProposerCues) -> Actor | None:
    """The organisation the title names as its author or actor ("Prop. 1 S (2024–2025) Helse- og
    omsorgsdepartementet", "Helsedirektoratet lyser ut ..."), not one it names as an object ("... til X")."""
    text, rx, doc = context.text, context.rx, context.doc
    parsed = _parsed(context)
    for s in context.sentences:
        if not s.is_title:
            continue
        for actor in context.actors:
            if (s.start <= actor.start < s.end and actor.kind == "organisation"
                    and actor.actor_type not in cues.title_excluded_types
                    and not rx.actor_as_object.search(text[s.start:actor.start])):
                span = doc.char_span(actor.start, actor.end, alignment_mode="expand") if parsed else None
                if span is not None and span.root.dep_ in cues.object_labels:
                    continue
                return actor
    return None


def _responsible(context: MeasureContext, cues: ProposerCues) -> Actor | None:
    """The body a grant page's key line names ("Ansvarlig:" / "Ansvarleg:" with the value on the same or the next
    line): the first organisation mentioned in the value, else the organisation the text names by that label."""
    if not cues.responsible_keys:
        return None
    keys = "|".join(re.escape(k) for k in cues.responsible_keys)
    m = re.search(rf"(?im)^[^\S\n]*(?:{keys})[^\S\n]*:[^\S\n]*(?P<value>[^\n]*?)\s*$", context.text)
    if m is None:
        return None
    start, end = m.span("value")
    if start == end:  # the value on the next line
        nxt = re.match(r"\n[^\S\n]*(?P<value>[^\n]*?)\s*(?:\n|$)", context.text[m.end():])
        if nxt is None:
            return None
        start, end = m.end() + nxt.start("value"), m.end() + nxt.end("value")
    bodies = [a for a in context.actors if a.kind == "organisation"]
    inside = sorted((a for a in bodies if start <= a.start < end), key=lambda a: a.start)
    # "Helse- og omsorgsavdelinga, Statsforvaltaren": the body, not its department; a department alone answers for
    # a body the line does not name, which the rest of the chain finds
    inside = [a for a in inside if not _department(a, cues)]
    if inside:
        return inside[0]
    if any(_department(a, cues) for a in bodies if start <= a.start < end):
        return None
    value = context.text[start:end].casefold()
    return next((a for a in bodies if a.label.casefold() == value), None)


def _department(actor: Actor, cues: ProposerCues) -> bool:
    """The actor's name ends in a department noun ("Helse- og omsorgsavdelinga", "Seksjon for folkehelse" does not)."""
    return actor.label.split()[-1].lower().endswith(cues.department_heads) if cues.department_heads else False


def _sole_authority(context: MeasureContext, cues: ProposerCues) -> Actor | None:
    """The one named body the text names, if it names exactly one and that is a public body of ``publisher_types``
    (partners of its work, ``partner_types``: a research institute, an association, are not counted)."""
    bodies = {a.key: a for a in reversed(context.actors)
              if a.kind == "organisation" and a.actor_type
              and a.actor_type not in cues.unnamed_body_types and a.actor_type not in cues.partner_types}
    if len(bodies) != 1:
        return None
    body = next(iter(bodies.values()))
    if all(_applicant_mention(context, a) for a in context.actors if a.key == body.key):
        return None  # "Alle kommunar, og dessutan bydelane i Oslo kommune, kan søkje om tilskot": who may apply
    return body if body.actor_type in cues.publisher_types else None


def _applicant_mention(context: MeasureContext, actor: Actor) -> bool:
    """The mention stands in the subject of "kan søke/søkje" ("Kommunane og bydelane i Oslo kan søkje om ..."): an
    applicant, not the body whose scheme it is."""
    index = context.sentence_of(actor.start)
    if index is None:
        return False
    sentence = context.sentences[index]
    lead = context.rx.applicants.match(context.text, sentence.start, sentence.end)
    return lead is not None and lead.start(1) <= actor.start < lead.end(1)


def _most_named(context: MeasureContext, cues: ProposerCues) -> Actor | None:
    """The public body (``publisher_types``) the text names most often, at least twice and more often than any
    other: the body whose page it is, when no body decides, funds or runs anything in it ("Voss herad inviterte til
    eit møte om Leve heile livet ... kan ta kontakt med Voss herad"). Its longest mention gives the label."""
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for a in context.actors:
        if cues.request_before.search(context.text, max(0, a.start - 14), a.start):
            continue  # "Stortinget ber regjeringen ...": whom a request addresses, in every item of a proposal
        if a.kind == "organisation" and a.actor_type in cues.publisher_types:
            counts[a.key] += 1
            if a.key not in first or len(a.label) > len(first[a.key].label):
                first[a.key] = a
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return first[ranked[0][0]]


#: "frå/fra" right after an amount or a word for money: where the money comes from.
_FROM_AFTER_MONEY = re.compile(r"(?i)(?:kroner|kr\.?|millioner|millionar|milliarder|milliardar|midler|midlar|tilskudd|"
                               r"tilskot|støtte|stønad|pengar|penger)\s+(?:\w+\s+){0,2}?(?:frå|fra)\s+$")


def _money_source(context: MeasureContext) -> Actor | None:
    """The one organisation the text gives as where its money comes from ("25 prosjekt får til saman 18 millionar
    kroner frå Helse Vest", "midlar fra Helsedirektoratet"), when it names exactly one."""
    text = context.text
    sources = {a.key: a for a in context.actors if a.kind == "organisation"
               and _FROM_AFTER_MONEY.search(text, max(0, a.start - 60), a.start)}
    return next(iter(sources.values())) if len(sources) == 1 else None


def _most_acting(context: MeasureContext, acting: tuple[tuple[Acting, ...], ...]) -> Actor | None:
    """The organisation acting in most sentences (the parse, else the word patterns); ties: the first."""
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for index in range(len(context.sentences)):
        if context.sentences[index].is_title:
            continue
        found = {a.actor.key: a.actor for a in (acting[index] if index < len(acting) else ())
                 if a.actor is not None and a.how in ("subject", "agent")}
        if not found:
            actor = subject_actor(context, index)
            if actor is not None:
                found = {actor.key: actor}
        for key, actor in found.items():
            counts[key] += 1
            first.setdefault(key, actor)
    if not counts:
        return None
    best = max(counts.values())
    return next(actor for key, actor in first.items() if counts[key] == best)


def _acting_in(context: MeasureContext, doc: Doc, index: int, cues: ProposerCues) -> list[Acting]:
    s = context.sentences[index]
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    if span is None:
        return []
    verbs = cues.verbs()
    found = []
    owners = [(token, _owner(context, token, cues)) for token in span]  # each genitive read once per sentence
    for token, owner in owners:
        if owner is not None:
            found.append(owner)
        if not _is_deciding(token, verbs):
            continue
        how = "subject"
        if _is_passive(token, cues):
            agent = _agent(token, cues)
            top = _chain_top(token, cues)
            how = "agent"
            if agent is not None:
                who = _actor_of(context, agent, cues)
            elif _lemmas(token) & set(cues.proposal_verbs):
                who = "self"  # "Det foreslås ...": the author's voice
            elif (proposal := _proposal_owner(owners, cues)) is not None:
                who = proposal  # "I regjeringa sitt forslag til statsbudsjett er det sett av ...": its decision
            else:
                who, how = _topic(context, doc, index, cues), "topic"
        else:
            subject, top = _subject(token, cues)
            if subject is not None and subject.idx < s.start and "\n\n" in context.text[subject.idx:s.start]:
                # the parser joined a header line to the first sentence ("Utgiver: Helse- og omsorgsdepartementet" over
                # "Regjeringen fortsetter ..."): no subject of this sentence
                subject = None
            who = _actor_of(context, subject, cues) if subject is not None else None
        if who is None:
            continue
        left, right = _extent(top)
        found.append(Acting(None if who == "self" else who, "self" if who == "self" else how, left, right))
    return found


def _owner(context: MeasureContext, token: Token, cues: ProposerCues) -> Acting | None:
    """A genitive organisation and the noun it owns, or the copula subject that noun predicates."""
    if token.dep_ not in cues.possessive_labels or token.head is token:
        return None
    if token.lemma_.lower() in cues.possessive_pronouns:
        owner = next((c for c in token.children if c.pos_ in ("NOUN", "PROPN")), None)
        if owner is None:
            return None
    elif token.pos_ in ("NOUN", "PROPN") and token.lower_.endswith("s"):
        owner = token
    else:
        return None
    who = _actor_of(context, owner, cues)
    if not isinstance(who, Actor):
        return None
    noun = token.head
    left, right = _extent(noun)
    if noun.dep_ == "SPRED" or noun.dep_ in ("xcomp", "root") and any(c.dep_ == "cop" for c in noun.children):
        subject, _ = _subject(noun.head if noun.dep_ == "SPRED" else noun, cues)
        if subject is not None:
            left, right = min(left, _extent(subject)[0]), max(right, _extent(subject)[1])
    return Acting(who, "owner", left, right)


def _proposal_owner(owners: Sequence[tuple[Token, Acting | None]], cues: ProposerCues) -> Actor | None:
    """The organisation that owns a proposal noun of the sentence (``proposal_nouns``: "regjeringa sitt forslag",
    "Helsedirektoratets tildelingsbrev"), from its tokens' :func:`_owner` readings, if any."""
    return next((owner.actor for token, owner in owners
                 if owner is not None and token.head.lemma_.lower() in cues.proposal_nouns), None)


def _topic(context: MeasureContext, doc: Doc, index: int, cues: ProposerCues) -> Actor | None:
    """The organisation the previous sentence of the paragraph is about: the subject of its verb."""
    if index == 0 or context.sentences[index - 1].para != context.sentences[index].para:
        return None
    s = context.sentences[index - 1]
    span = doc.char_span(s.start, s.end, alignment_mode="expand")
    for token in span or ():
        if token.dep_ in cues.subject_labels and token.head.pos_ in ("VERB", "AUX"):
            who = _actor_of(context, token, cues)
            if isinstance(who, Actor):
                return who
    return None


def _is_deciding(token: Token, verbs: Mapping[str, tuple[str, ...]]) -> bool:
    lemmas = _lemmas(token)
    if lemmas.isdisjoint(verbs):  # most tokens: checked first, it is the cheap test
        return False
    verb_like = token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm"))
    if not verb_like and not _verb_form_only(token):
        return False
    for lemma in lemmas:
        if lemma not in verbs:
            continue
        particles = verbs[lemma]
        if not particles:
            return True
        nearby = [c.lower_ for c in token.children] + [t.lower_ for t in token.doc[token.i + 1:token.i + 4]]
        words = " ".join(t.lower_ for t in token.doc[token.i + 1:token.i + 4])
        if any(p in nearby or words.startswith(p) for p in particles):
            return True
    return False


def _lemmas(token: Token) -> frozenset[str]:
    """The token's lemma, and the Ordbank verb and participle lemmas of its form (the trained lemmatizer
    misses some participles: "forvalta", "løyvd")."""
    return _lemma_set(token.lemma_, token.text)


@lru_cache(maxsize=65536)
def _lemma_set(lemma: str, form: str) -> frozenset[str]:
    """``_lemmas`` of one (lemma, form) pair, made once (issue 18: asked for every token of every sentence)."""
    return frozenset({lemma.lower(), *_form_lemmas(form)[0]})


def _verb_form_only(token: Token) -> bool:
    """A form Norsk Ordbank knows as a verb and not as a noun ("foreslås" tagged as a noun by the model)."""
    return _form_lemmas(token.text)[1]


@lru_cache(maxsize=65536)
def _form_lemmas(form: str) -> tuple[tuple[str, ...], bool]:
    """Ordbank facts of one word form, looked up once per form (issue 18): its verb and participle (adjective)
    lemmas, and whether it is a verb form and not a noun form."""
    table = load_table()
    verb = table.lookup("VERB", form, seen=True)
    adjective = table.lookup("ADJ", form, seen=True)
    verb_only = form.isalpha() and table.only_as("VERB", form, not_as="NOUN")
    return tuple(x for x in (verb, adjective) if x), verb_only


def _is_passive(token: Token, cues: ProposerCues) -> bool:
    """"tildeles", "forvaltast"; a participle after bli/vere/verte ("blir forvalta") or as an attribute."""
    if "Pass" in token.morph.get("Voice"):
        return True
    if token.pos_ not in ("VERB", "AUX", "ADJ") and token.lower_.endswith(("s", "st")):
        return True  # an -s passive the model did not tag as a verb (see _verb_form_only)
    if "Part" not in token.morph.get("VerbForm"):
        return False
    head = token.head
    if head is token:
        return False
    return ((head.lemma_.lower() in cues.passive_auxiliaries and token.dep_ in cues.chain_labels)
            or (token.dep_ in cues.relative_labels and head.pos_ in ("NOUN", "PROPN")))


def _agent(token: Token, cues: ProposerCues) -> Token | None:
    """"... av X": the complement of an agent preposition under the passive verb."""
    for child in token.children:
        if child.lower_ in cues.agent_prepositions:
            for grandchild in child.children:
                if grandchild.dep_ in cues.agent_labels:
                    return grandchild
    return None


def _chain_top(token: Token, cues: ProposerCues) -> Token:
    """The finite verb of a chain ("blir" of "blir forvalta", "vil" of "vil legge ... og innføre")."""
    v = token
    for _ in range(MAX_CLIMB):
        if v.dep_ in cues.chain_labels and v.head is not v:
            v = v.head
        else:
            break
    return v


def _subject(token: Token, cues: ProposerCues) -> tuple[Token | None, Token]:
    """The subject of a deciding verb, up its chain, through "å" and into a relative clause's noun."""
    v = token
    for _ in range(MAX_CLIMB):
        for child in v.children:
            if child.dep_ in cues.subject_labels:
                return child, v
        if v is not token and any(c.dep_ in cues.indirect_object_labels for c in v.children):
            return None, v  # object control: "ber regjeringa opprette ..." is no act of the subject
        head = v.head
        if head is v:
            break
        if v.dep_ in cues.relative_labels and any(c.lower_ in cues.relative_markers for c in v.children):
            return head, v  # "Statsforvalteren, som fordeler midlane"
        if v.dep_ in cues.chain_labels and head.pos_ in ("VERB", "AUX", "ADJ"):
            v = head
        elif v.dep_ in cues.chain_labels and head.lower_ in cues.infinitive_markers:
            v = head.head if head.head is not head and head.head.pos_ in ("VERB", "AUX") else head
            if v is head:
                break
        else:
            break
    return None, v


def _extent(token: Token) -> tuple[int, int]:
    """Character span of a token's subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right)


def _actor_of(context: MeasureContext, token: Token, cues: ProposerCues) -> Actor | str | None:
    """The organisation a subject token names: an actor mention over it, "self" for "vi"/"me", or the
    named organisation a definite common noun refers back to ("Fylkeskommunen", "direktoratet")."""
    start, end = token.idx, token.idx + len(token)
    for actor in context.actors:
        if actor.start < end and start < actor.end:
            return actor if actor.kind == "organisation" else None
    if token.lower_ in cues.self_pronouns:
        return "self"
    if token.pos_ != "NOUN" or "Def" not in token.morph.get("Definite") or "Plur" in token.morph.get("Number"):
        return None
    words = {token.lower_, token.lemma_.lower()}
    earlier = [a for a in context.actors if a.kind == "organisation" and a.label.split()
               and any(len(w) >= 6 and a.label.split()[-1].lower().endswith(w) for w in words)]
    if not earlier:
        return None
    before = [a for a in earlier if a.start < start]
    return (before or earlier)[-1 if before else 0]
