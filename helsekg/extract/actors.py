"""Actor and quote records for one document, from the spans the ``helsekg_actors`` component marked.

The pure functions :func:`find_actors` and :func:`find_quotes` turn the spans of
:mod:`helsekg.nlp.actors` into :class:`~helsekg.extract.records.Actor` and
:class:`~helsekg.extract.records.Quote` records for one :class:`~helsekg.text.Document`, skipping
non-body regions and resolving what needs the document: "regjeringen" to the government it names,
"departementet" to the publishing ministry, "byrådet" to the city, "sier Høie" to the full name given earlier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from helsekg.extract.records import Actor, Quote
from helsekg.nlp import extensions
from helsekg.nlp.actors import (
    ActorPatterns,
    ActorRef,
    Gazetteer,
    GazetteerEntry,
    actor_regexes,
    generic_body_word,
    load_gazetteer,
    load_patterns,
)
from helsekg.nlp.extensions import annotated
from helsekg.text.document import Document, slugify
from helsekg.text.layout import scan_lines
from helsekg.text.normalize import visible

__all__ = ["extract_actors", "find_actors", "find_quotes", "header_actors"]


# --------------------------------------------------------------------------------------------
# Extraction: spans -> records, resolved per document
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What the document says about who "regjeringen", "departementet" and "byrådet" are."""

    government: GazetteerEntry | None
    ministry: GazetteerEntry | None
    city: str | None
    #: councils, commissions and committees the document names, by first mention ("rådet" -> the first "-rådet")
    advisory: tuple[ActorRef, ...] = ()
    #: a national body with regional offices -> its one office the document names ("Statsforvaltaren" -> "i Vestland")
    offices: tuple[tuple[str, str], ...] = ()
    #: bodies with a board ("styret"): health trusts and authorities, companies; (start, end, ref) in text order
    owners: tuple[tuple[int, int, ActorRef], ...] = ()


def _context(spans: list[Span], document: Document, gaz: Gazetteer) -> _Context:
    meta = document.metadata
    government = gaz.lookup(meta.government)
    if government is None or government.type != "government":
        named = [s._.actor for s in spans if s._.actor.type == "government" and s._.actor.source == "gazetteer"]
        government = gaz.get(named[0].key) if len({r.key for r in named}) == 1 else None
    publisher = gaz.lookup(meta.publisher) or gaz.lookup(meta.author)
    ministry = publisher if publisher is not None and publisher.type == "ministry" else None
    city = None
    if publisher is not None and publisher.type == "municipality":
        city = publisher.place
    else:
        places = {s._.actor.place for s in spans
                  if s._.actor.type in ("municipality", "city_government", "city_council") and s._.actor.place
                  and (s._.actor.source != "gazetteer" or not s._.actor.key.endswith("-kommune")
                       or s.text.lower().endswith(("kommune", "herad", "kommunes", "herads")))}
        city = places.pop() if len(places) == 1 else None
    advisory_types = ("council", "commission", "committee")
    bodies = {s._.actor.key: s._.actor for s in spans
              if s._.actor.type in advisory_types and s._.actor.source in ("gazetteer", "pattern")}
    ordered = sorted((s for s in spans if s._.actor.key in bodies), key=lambda s: s.start_char)
    advisory = tuple({s._.actor.key: s._.actor for s in reversed(ordered)}.values())[::-1]
    named_offices: dict[str, set[str]] = {}
    for s in spans:
        entry = gaz.get(s._.actor.key) if s._.actor.source == "gazetteer" else None
        if entry is not None and entry.parent and entry.place and entry.type == "agency":
            named_offices.setdefault(entry.parent, set()).add(entry.id)
    offices = tuple((parent, ids.pop()) for parent, ids in named_offices.items() if len(ids) == 1)
    patterns = load_patterns()
    suffixes = tuple(f" {form}" for form in patterns.company_suffixes)
    owners = tuple((s.start_char, s.end_char, s._.actor) for s in spans if s._.actor.kind == "organisation"
                   and s._.actor.source != "generic"
                   and (s._.actor.type in patterns.board_owner_types or s._.actor.label.endswith(suffixes)))
    return _Context(government, ministry, city, advisory, offices, owners)


def _board_owner(span: Span, ctx: _Context) -> ActorRef | None:
    """Whose board "styret" is: the body named right after it ("Styret i/for Helse Vest RHF", "Styret Helse Sør-Øst
    RHF"); None when another body follows "i/for" ("styret i idrettslaget"); else the first body with a board the
    document names ("Sykehuset Innlandet HF Styremøte ..."), else None."""
    text = span.doc.text
    for start, _end, ref in ctx.owners:
        if start >= span.end_char and re.fullmatch(r"\s*(?:(?:i|for)\s+)?", text[span.end_char:start]):
            return ref
    if re.match(r"[^\S\n]+(?:i|for)[^\S\n]+\w", text[span.end_char:span.end_char + 40]):
        return None  # "styret i idrettslaget": the board of a body that has no board of its own in the text
    return ctx.owners[0][2] if ctx.owners else None


def find_actors(doc: Doc, document: Document, *, gazetteer: Gazetteer | None = None) -> list[Actor]:
    """Actor records for the body mentions marked by ``helsekg_actors`` (in text order).

    Resolves, per document: "regjeringen"/"regjeringa" to the government the document names
    (``metadata.government`` or a "Regjeringen Solberg" in the text), else the generic "regjeringen";
    "departementet" to the publishing ministry (dropped when the document does not make it clear);
    "byrådet"/"bystyret" to "Byrådet i X" when the document names one municipality X, else the generic
    "byradet"/"bystyret"; a one-word person mention to the full name given in the document.

    Args:
        doc: the Doc of ``document.text``, processed by a pipeline with ``helsekg_actors``.
        document: the document as read by :func:`helsekg.text.reading.read_document`.
        gazetteer: the shipped gazetteer by default.

    Raises:
        ValueError: the Doc is not of this document, or lacks the ``helsekg_actors`` spans.
    """
    gaz = gazetteer or load_gazetteer()
    spans = _actor_spans(doc, document)
    ctx = _context(spans, document, gaz)
    language = document.metadata.language
    persons = _full_persons(spans)
    actors: list[Actor] = []
    for span in spans:
        if not document.is_body(span.start_char, span.end_char):
            continue
        actor = _resolve(span, span._.actor, ctx, persons, gaz, document.id, language)
        if actor is not None:
            actors.append(actor)
    return _with_company_forms(actors, load_patterns().company_suffixes)


def _with_company_forms(actors: list[Actor], suffixes: Iterable[str]) -> list[Actor]:
    """"X" and "X IKS" (or "X HF", "X AS") in one document are one body: the short mentions take the full name.

    >>> a = Actor("d", 0, 10, "Legevakta IKS", label="Legevakta IKS", kind="organisation", key="legevakta-iks")
    >>> b = Actor("d", 20, 29, "Legevakta", label="Legevakta", kind="organisation", key="legevakta")
    >>> [x.label for x in _with_company_forms([a, b], ["IKS"])]
    ['Legevakta IKS', 'Legevakta IKS']
    """
    full = {}
    for a in actors:
        head, _, form = a.label.rpartition(" ")
        if a.kind == "organisation" and head and form in suffixes:
            full.setdefault(head, a)
    if not full:
        return actors
    return [replace(a, label=full[a.label].label, key=full[a.label].key, actor_type=full[a.label].actor_type)
            if a.kind == "organisation" and a.label in full else a for a in actors]


def _actor_spans(doc: Doc, document: Document) -> list[Span]:
    if extensions.doc_text(doc) != document.text:
        raise ValueError(f"{document.metadata.source}: the Doc was not made from this document's text")
    if extensions.ACTORS_KEY not in doc.spans:
        raise ValueError(
            f"{document.metadata.source}: the Doc has no '{extensions.ACTORS_KEY}' spans; "
            "add the component with nlp.add_pipe('helsekg_actors')"
        )
    return [s for s in doc.spans[extensions.ACTORS_KEY] if s._.actor is not None]


def _full_persons(spans: list[Span]) -> list[tuple[int, ActorRef]]:
    """Persons named with at least two words, with their offsets, in text order."""
    return [(s.start_char, s._.actor) for s in spans if s._.actor.kind == "person" and len(s._.actor.label.split()) >= 2]


def _resolve_name(name: str, position: int, persons: list[tuple[int, ActorRef]]) -> ActorRef | None:
    """The full-named person a one-word mention stands for: the nearest earlier one, else a later one."""
    word = name.strip()
    matches = [(pos, ref) for pos, ref in persons
               if word in (ref.label.split()[-1], *ref.label.split()[-1].split("-")) or ref.label == word]
    earlier = [ref for pos, ref in matches if pos < position]
    if earlier:
        return earlier[-1]
    return matches[0][1] if matches else None


def _longer_name(name: str, position: int, persons: list[tuple[int, ActorRef]]) -> ActorRef | None:
    """The person the text names in full whose name ends with ``name`` ("Berit Brendskag Lied" for "Brendskag Lied"):
    the nearest earlier one, else a later one."""
    matches = [(pos, ref) for pos, ref in persons
               if ref.label.endswith(" " + name) and len(ref.label.split()) > len(name.split())]
    earlier = [ref for pos, ref in matches if pos < position]
    if earlier:
        return earlier[-1]
    return matches[0][1] if matches else None


# generic advisory noun (genitive s stripped) -> the key ending of the body it can stand for
_ADVISORY_SUFFIX = {"rådet": "radet", "utvalget": "utvalget", "utvalet": "utvalet", "kommisjonen": "kommisjonen"}


def _resolve(span: Span, ref: ActorRef, ctx: _Context, persons: list[tuple[int, ActorRef]], gaz: Gazetteer,
             doc_id: str, language: str) -> Actor | None:
    start, end, text = span.start_char, span.end_char, span.text
    if ref.kind == "person":
        label, key = ref.label, ref.key
        if len(ref.label.split()) < 2:
            full = _resolve_name(ref.label, start, persons)
            if full is None:
                return None  # a lone surname with no full name in the document is no identity
            label, key = full.label, full.key
        else:
            # a double surname without the first name ("seier Brendskag Lied" after "Berit Brendskag Lied")
            full = _longer_name(ref.label, start, persons)
            if full is not None:
                label, key = full.label, full.key
        roles = (ref.role,) if ref.role else ()
        stated = (ref.role_written,) if ref.role and ref.role_written and ref.role_written != ref.role else ()
        return Actor(doc_id, start, end, text, label=label, kind="person", key=key, roles=roles, party=ref.party,
                     affiliation=ref.affiliation, stated_roles=stated)
    if ref.source == "model" and len(text.split()) == 1:
        person = _resolve_name(text, start, persons)
        if person is not None:  # the model took a known person's surname for a body ("sier Høie")
            return Actor(doc_id, start, end, text, label=person.label, kind="person", key=person.key)
    if ref.source == "generic":
        entry: GazetteerEntry | None = None
        if ref.type == "government":
            entry = ctx.government
            if entry is None:
                label = "Regjeringa" if language == "nn" else "Regjeringen"
                return Actor(doc_id, start, end, text, label=label, kind="organisation", key="regjeringen",
                             actor_type="government")
        elif ref.type == "ministry":
            entry = ctx.ministry
            if entry is None:
                return None
        elif ref.type == "advisory_body":
            # the span may carry an invisible character the tokenizer glued on ("rådet\u00ad", issue 17)
            word = visible(text).strip().lower().removesuffix("s")
            suffix = next((v for k, v in _ADVISORY_SUFFIX.items() if word.endswith(k)), None)
            # "Eldrerådet" ends in the noun; "Rådet for personar med funksjonsnedsetting" opens with it
            body = None if suffix is None else next((b for b in ctx.advisory if b.key.endswith(suffix)
                                                     or b.key.startswith(f"{suffix}-for-")), None)
            if body is None:
                return None  # "rådet" with no council named in the document: no identity
            label = gaz.get(body.key).label_for(language) if gaz.get(body.key) else body.label
            return Actor(doc_id, start, end, text, label=label, kind="organisation", key=body.key,
                         actor_type=body.type)
        elif ref.type == "board":
            owner = _board_owner(span, ctx)
            if owner is None:
                return None  # "styret" of no body the document names: no identity
            entry = gaz.get(owner.key) if owner.source == "gazetteer" else None
            # the board decides for its body, as "departementet" speaks for its ministry: one actor
            return Actor(doc_id, start, end, text, label=entry.label_for(language) if entry else owner.label,
                         kind="organisation", key=owner.key, actor_type=owner.type)
        else:
            noun = _BODY_NOUNS.get(ref.type) or _body_noun(text)
            named = _named_committee(noun, ctx)
            if named is not None:  # "styringsgruppen" in a text that names "Styringsgruppen for folkehelsearbeidet"
                return Actor(doc_id, start, end, text, label=named.label, kind="organisation", key=named.key,
                             actor_type=named.type)
            if ctx.city and ref.type in _MUNICIPAL_BODIES:
                label = f"{noun} i {ctx.city}"
                return Actor(doc_id, start, end, text, label=label, kind="organisation", key=slugify(label),
                             actor_type=ref.type)
            return Actor(doc_id, start, end, text, label=noun, kind="organisation", key=slugify(noun),
                         actor_type=ref.type)
        return Actor(doc_id, start, end, text, label=entry.label_for(language), kind="organisation", key=entry.id,
                     actor_type=entry.type)
    entry = gaz.get(ref.key) if ref.source == "gazetteer" else None
    office = dict(ctx.offices).get(entry.id) if entry is not None else None
    if office is not None:  # "Statsforvaltaren" in a text that names one office: that office
        entry = gaz.get(office)
        ref = replace(ref, key=entry.id, type=entry.type)
    label = entry.label_for(language) if entry else ref.label
    if entry is not None and entry.type == "municipality":
        written = _body_noun(text, capitalise=False)
        if written.lower().endswith(" herad"):  # "Voss herad": the municipality's name as it calls itself
            label = written
    return Actor(doc_id, start, end, text, label=label, kind="organisation", key=ref.key, actor_type=ref.type)


def _named_committee(noun: str, ctx: _Context) -> ActorRef | None:
    """The one committee the document names whose name opens with ``noun`` in any inflection ("Styringsgruppa" ->
    "Styringsgruppen for folkehelsearbeidet"), else None."""
    stem = re.sub(r"(?:en|et|a|ene|ane)$", "", noun.lower())
    if len(stem) < 5:
        return None
    found = {b.key: b for b in ctx.advisory if b.type == "committee" and " " in b.label
             and re.sub(r"(?:en|et|a|ene|ane)$", "", b.label.split()[0].lower()) == stem}
    return next(iter(found.values())) if len(found) == 1 else None


_BODY_NOUNS = {"city_government": "Byrådet", "city_council": "Bystyret", "municipal_council": "Kommunestyret"}
_MUNICIPAL_BODIES = frozenset({"city_government", "city_council", "municipal_council", "municipal_executive",
                               "municipal_administration"})


def _body_noun(text: str, *, capitalise: bool = True) -> str:
    """A body's name as written, without a genitive -s ("formannskapets" -> "Formannskapet").

    >>> _body_noun("formannskapets"), _body_noun("Voss herads", capitalise=False)
    ('Formannskapet', 'Voss herad')
    """
    word = " ".join(visible(text).split())
    if word.endswith(("ets", "ens", "ads", "as")) and len(word) > 4:
        word = word[:-1]
    return word[:1].upper() + word[1:] if capitalise else word


# --- quotes --------------------------------------------------------------------------------------


def find_quotes(doc: Doc, document: Document, *, actors: Iterable[Actor] | None = None,
                patterns: ActorPatterns | None = None, gazetteer: Gazetteer | None = None) -> list[Quote]:
    """Quotes in Norwegian press style, each with its resolved speaker (in text order).

    Styles: "– <statement>, sier <Name>." (also "seier", "uttaler", a role before the name, a party
    after it, several sentences in one paragraph, and dash paragraphs right after a quote continuing
    it); «...», sier X; X sier: «...»; "Ifølge X ..." and "..., ifølge X.". "sier Høie" and "sier han/ho"
    resolve to the person named earlier. Reported speech ("X sier at ...", "X meiner at ...") gives the
    speaker's view in the writer's words: no quote (the real texts' annotators marked none as one).

    Args:
        doc: the Doc of ``document.text``, processed by a pipeline with ``helsekg_actors``.
        document: the document as read by :func:`helsekg.text.reading.read_document`.
        actors: the document's actors from :func:`find_actors` (computed when not given).
    """
    patterns = patterns or load_patterns()
    gaz = gazetteer or load_gazetteer()
    if actors is None:
        actors = find_actors(doc, document, gazetteer=gaz)
    actor_list = list(actors)
    spans = _actor_spans(doc, document)
    persons = _full_persons(spans)
    by_offset = {(a.start, a.end): a for a in actor_list if a.kind == "person"}
    rx = actor_regexes(patterns)
    text = document.text
    pronouns = {p.lower() for p in patterns.pronouns}
    parties = patterns.party_names
    found: dict[tuple[int, int], Quote] = {}
    last_speaker: list[tuple[int, Actor]] = [(a.start, a) for a in actor_list if a.kind == "person"]

    def speaker_for(m: re.Match[str]) -> Actor | None:
        name, n_start, n_end = m.group("name"), m.start("name"), m.end("name")
        if name.lower() in pronouns:
            earlier = [a for pos, a in sorted(last_speaker, key=lambda x: x[0]) if pos < n_start]
            if not earlier:
                return None
            return replace(earlier[-1], start=n_start, end=n_end, text=name, roles=(), stated_roles=())
        if (n_start, n_end) in by_offset:
            return by_offset[(n_start, n_end)]
        if rx["definite_role"].fullmatch(name):
            holder = _role_holder(name, n_start, last_speaker, patterns.role_heads)
            if holder is None:
                return None
            return replace(holder, start=n_start, end=n_end, text=name, roles=(), stated_roles=())
        words = name.split()
        if words[0] in patterns.name_stopwords or gaz.lookup(name) is not None:
            return None
        role = m.groupdict().get("role") or m.groupdict().get("approle")
        roles = (re.sub(r"\s+", " ", role[0].lower() + role[1:]),) if role else ()
        party = m.groupdict().get("party")
        party = party if party in parties else None
        if len(words) == 1 and generic_body_word(name, patterns):
            # "Rådet meiner at ...": the body the text names (its actor at this offset), never a person "Rådet"
            return next((a for a in actor_list if a.kind == "organisation" and (a.start, a.end) == (n_start, n_end)),
                        None)
        if len(words) == 1:
            full = _resolve_name(name, n_start, persons)
            label, key = (full.label, full.key) if full else (name, slugify(name))
        else:
            label, key = name, slugify(name)
        return Actor(document.id, n_start, n_end, name, label=label, kind="person", key=key, roles=roles, party=party)

    def add(q_start: int, q_end: int, speaker: Actor | None) -> None:
        while q_start < q_end and text[q_start] in " \t\xa0«\"":
            q_start += 1
        while q_end > q_start and text[q_end - 1] in " \t\xa0,»\"":
            q_end -= 1
        if q_end - q_start < 2 or speaker is None or not document.is_body(q_start, q_end):
            return
        if any(q_start < e and s < q_end for s, e in found):
            return
        said = " ".join(text[q_start:q_end].split())
        if any(q.speaker.key == speaker.key and " ".join(q.text.split()) == said and q_start - q.end < _REPEAT_WINDOW
               for q in found.values()):
            return  # the lead paragraph repeated right below it on the page: one statement, one quote
        found[(q_start, q_end)] = Quote(document.id, q_start, q_end, text[q_start:q_end], speaker=speaker)
        last_speaker.append((speaker.start, speaker))

    for m in rx["dash_quote"].finditer(text):
        add(m.start("quote"), m.end("quote"), speaker_for(m))
    for m in rx["dash_quote_bare"].finditer(text):
        add(m.start("quote"), m.end("quote"), speaker_for(m))
    speech_lemmas = frozenset(patterns.speech_verb_lemmas)
    for m in rx["dash_quote_any_verb"].finditer(text):
        if _lemma_at(doc, m.start("verb"), m.end("verb")) in speech_lemmas:
            add(m.start("quote"), m.end("quote"), speaker_for(m))
    for m in rx["guillemet_after"].finditer(text):
        add(m.start("quote"), m.end("quote"), speaker_for(m))
    for m in _line_matches(rx["guillemet_before"], _GUILLEMET_AFTER_COLON, text):
        add(m.start("quote"), m.end("quote"), speaker_for(m))
    for m in rx["according"].finditer(text):
        speaker = speaker_for(m)
        if speaker is None or len(speaker.label.split()) == 1:
            continue  # "Ifølge Eldreplan 2016-2026 ...": one capitalised word no one earlier is named by is no speaker
        sent_start = _sentence_start(text, m.start())
        sent_end = _sentence_end(text, m.end())
        after = text[m.end():sent_end].strip(" \t,")
        if len(after.split()) >= 3:
            add(sent_end - len(text[m.end():sent_end].lstrip(" \t,")), sent_end, speaker)
        else:
            add(sent_start, m.start(), speaker)
    _introduced_dash_quotes(text, rx, found, document, actor_list, patterns)
    _continued_dash_quotes(text, rx, found, document)
    return [found[k] for k in sorted(found)]


@lru_cache(maxsize=4)
def _speech_verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the speech verbs as a whole word (compiled once per list)."""
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _introduced_dash_quotes(text: str, rx: dict[str, re.Pattern[str]], found: dict[tuple[int, int], Quote],
                            document: Document, actors: Sequence[Actor], patterns: ActorPatterns) -> None:
    """A dash paragraph under a paragraph that introduces it: "Direktør for psykisk helsevern, Børge Tvedt, seier
    nybygget vil gje eit stort løft:" over "- Bygget har fasilitetar ...". The introducing sentence ends in a colon and
    holds a named person and a speech verb after the name; the quote is the person's."""
    verbs = _speech_verb_pattern(tuple(patterns.speech_verbs))
    persons = sorted((a for a in actors if a.kind == "person" and len(a.label.split()) > 1), key=lambda a: a.start)
    for m in rx["dash_line"].finditer(text):
        start, end = m.start("quote"), m.end("quote")
        if any(s < end and start < e for s, e in found) or not document.is_body(start, end):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        prev_end = line_start - 1
        while prev_end > 0 and text[prev_end - 1] in "\n \t":
            prev_end -= 1
        if prev_end <= 0:
            continue
        quote_text = m.group("quote")
        if text[prev_end - 1] == ":":
            sentence_start = _sentence_start(text, prev_end - 1)
            speaker = next((a for a in reversed(persons) if sentence_start <= a.start and a.end < prev_end
                            and verbs.search(text, a.end, prev_end)), None)
        else:
            # "Fylkesråd for folkehelse Aase Refsnes (SV) har fordelt ..." over "- Tilskuddene utfyller hverandre ...":
            # the lead paragraph names one person, and the dash paragraph is a statement of several words
            paragraph_start = text.rfind("\n", 0, prev_end) + 1
            named = {a.key: a for a in persons if paragraph_start <= a.start < prev_end}
            lead = not any(paragraph_start <= s < prev_end for s, _ in found) and not rx["dash_line"].match(
                text, paragraph_start, prev_end)
            speaker = next(iter(named.values())) if len(named) == 1 and lead and len(quote_text.split()) >= 6 \
                and quote_text.rstrip().endswith((".", "!")) else None  # "- Anbefaler du ...?": an interviewer's question
        if speaker is None or not quote_text[:1].isupper():
            continue
        found[(start, end)] = Quote(document.id, start, end, quote_text, speaker=speaker)


#: role heads that name the same office in a definite reference ("statsråden" for a "helseminister")
_SAME_OFFICE = {"statsråd": "minister"}


def _role_head(word: str, heads: Sequence[str]) -> str | None:
    """The role head a role word ends in ("helse- og omsorgsminister" -> "minister"), the longest that fits."""
    low = word.lower().replace(" ", "")
    head = max((h for h in heads if low.endswith(h.replace(" ", ""))), key=len, default=None)
    return _SAME_OFFICE.get(head, head) if head else None


def _role_holder(reference: str, pos: int, persons: Sequence[tuple[int, Actor]], heads: Sequence[str]) -> Actor | None:
    """The person a definite role noun at ``pos`` refers back to ("seier eldreombodet" after "Eldreombod Bente Lund
    Jacobsen", "Helseministeren sier" after "helseminister Ola Hansen"): the last one named before it with a role of
    the same head; None when no one is."""
    low = reference.lower()
    stem = next((low[:-len(e)] for e in ("en", "et", "a", "n") if low.endswith(e) and _role_head(low[:-len(e)], heads)),
                None)
    head = _role_head(stem, heads) if stem else None
    if head is None:
        return None
    for _, person in sorted((p for p in persons if p[0] < pos), key=lambda p: p[0], reverse=True):
        if any(_role_head(role, heads) == head for role in person.roles):
            return person
    return None


#: how far (in characters) a verbatim repeat of a quote counts as the page repeating it, not a new statement
_REPEAT_WINDOW = 2000


def _lemma_at(doc: Doc, start: int, end: int) -> str | None:
    """The lemma of the one token at ``start:end`` (None without a lemmatizer or off a token boundary)."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1 or not annotated(doc, "LEMMA"):
        return None
    return span[0].lemma_.lower() or None


#: What every match of the "X sier: «...»" pattern contains: the colon and the guillemet. That pattern tries a role or a
#: name at every position of the text, which made it most of the time of :func:`find_quotes`; it runs only on the lines
#: where this anchor occurs instead (:func:`_line_matches`).
_GUILLEMET_AFTER_COLON = re.compile(r":[^\S\n]*[«“]")


def _line_matches(pattern: re.Pattern[str], anchor: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern whose matches stay within one line and contain ``anchor``.

    Only the lines where ``anchor`` occurs are scanned, each from its start (the look-behinds still
    see the text before it) to just after its newline, so the matches are those of the whole text.

    >>> [m.span() for m in _line_matches(re.compile(r"(?<!x)b+"), re.compile("a"), "xbb ab\\nbb\\nab")]
    [(2, 3), (5, 6), (11, 12)]
    """
    return scan_lines(pattern, text, _anchor_lines(anchor, text))


def _anchor_lines(anchor: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Each line holding ``anchor`` once, as (start, end just after its newline)."""
    end = 0
    for hit in anchor.finditer(text):
        if hit.start() < end:
            continue  # a second anchor on a line already found
        start = text.rfind("\n", 0, hit.start()) + 1
        newline = text.find("\n", hit.end())
        end = len(text) if newline < 0 else newline + 1
        yield start, end


def _continued_dash_quotes(text: str, rx: dict[str, re.Pattern[str]], found: dict[tuple[int, int], Quote],
                           document: Document) -> None:
    """A dash paragraph with no attribution right after a quote paragraph continues that quote's speaker."""
    paragraphs = [m for m in rx["dash_line"].finditer(text)]
    by_line = {}
    for (start, _end), quote in found.items():
        line_start = text.rfind("\n", 0, start) + 1
        by_line[line_start] = quote
    for m in paragraphs:
        line_start = text.rfind("\n", 0, m.start("quote")) + 1
        if line_start in by_line:
            continue
        prev_end = line_start - 1
        while prev_end > 0 and text[prev_end - 1] in "\n \t":
            prev_end -= 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        previous = by_line.get(prev_start)
        quote_text = m.group("quote")
        if previous is None or not quote_text[:1].isupper() or not quote_text.endswith((".", "!", "?")):
            continue
        said = " ".join(quote_text.split())
        if any(said.startswith(" ".join(q.text.split())) for q in found.values()):
            continue  # a repeated quote paragraph (with its attribution), not a continuation
        if not document.is_body(m.start("quote"), m.end("quote")):
            continue
        quote = Quote(document.id, m.start("quote"), m.end("quote"), quote_text, speaker=previous.speaker)
        found[(m.start("quote"), m.end("quote"))] = quote
        by_line[line_start] = quote


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind("\n", 0, pos), *(text.rfind(p, 0, pos) for p in (". ", "! ", "? ")))
    if cut < 0:
        return 0
    return cut + (1 if text[cut] == "\n" else 2)


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)|\n").search(text, pos)
    return m.start() if m else len(text)


def header_actors(document: Document, *, gazetteer: Gazetteer | None = None) -> list[Actor]:
    """The publisher, author and government the document's header names, as actors with gazetteer keys.

    Each is anchored at the first occurrence of its name in the text (usually the header line);
    :func:`find_actors` leaves header lines out, so use this for ``dcterms:publisher`` and the
    government a document was published under.
    """
    gaz = gazetteer or load_gazetteer()
    meta = document.metadata
    out: list[Actor] = []
    for name in (meta.publisher, meta.author, meta.government):
        start = document.text.find(name) if name else -1
        if not name or start < 0:
            continue
        entry = gaz.lookup(name)
        persons = _person_names(name) if entry is None and name == meta.author else []
        if persons:
            # a byline "Av: Kari Nordmann, Ola Hansen": the writers, persons (never the publisher)
            for person, offset in persons:
                out.append(Actor(document.id, start + offset, start + offset + len(person), person, label=person,
                                 kind="person", key=slugify(person)))
            continue
        label = entry.label_for(meta.language) if entry else name
        key = entry.id if entry else slugify(name)
        if key in {a.key for a in out}:
            continue
        out.append(Actor(document.id, start, start + len(name), name, label=label, kind="organisation", key=key,
                         actor_type=entry.type if entry else None))
    return out


_PERSON_NAME = re.compile(r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][a-zæøåéü]+"
                          r"(?:-[A-ZÆØÅ][a-zæøåéü]+)?)){1,3}")


def _person_names(byline: str) -> list[tuple[str, int]]:
    """The person names of a byline ("Heidi Hamadi", "Hanna K. Hekkelstrand, Eva Drugg og Tania Ripoll") with
    their offsets, or [] when any part is not a name of two to four capitalised words (an organisation)."""
    names = []
    for piece in re.finditer(r"(?<![^,\s])(?!og\s)[^,\s](?:(?!\s+og\s)[^,])*", byline):
        text = piece.group().rstrip()
        if not _PERSON_NAME.fullmatch(text) or load_gazetteer().lookup(text) is not None:
            return []
        names.append((text, piece.start()))
    return names


def extract_actors(doc: Doc, document: Document) -> tuple[list[Actor], list[Quote]]:
    """Actors and quotes of one document: :func:`find_actors` then :func:`find_quotes`."""
    actors = find_actors(doc, document)
    return actors, find_quotes(doc, document, actors=actors)
