"""Strategy: target groups, who a measure is for.

A group is a noun phrase headed by a group noun after a group cue ("for", "til", "rettet mot",
"målgruppa er"), with up to three modifiers before it and coordinated groups and modifier phrases after
it: "tilskudd til kommuner med rekrutteringsutfordringer", nynorsk "retta mot born og unge i
barnevernet"; or the subject of "kan søke"/"kan søkje" ("Kommuner og bydeler kan søke"). A
capitalised name is not a group ("til Menn i helse"). ``strong`` marks a sentence about who may apply
or who is prioritised (``target_sentence_cues``): its group counts even without a measure.

A group can also be stated outright, and then runs to the end of its clause whatever its head noun:
after "målgruppa er" / "Målgruppen for ordningen er i hovedsak"; as the line (or each bullet) under a
heading "Hvem kan søke?", "Kven kan søkje:", "Målgruppe"; as each item that opens with a group in a list
introduced by "prosjekter rettet mot:", "pasientgrupper ... prioritet:"; as the inline value "Målgruppe:
...". With a dependency parse the subject of "kan søke"/"kan søkje" is read wherever it stands ("Gjennom
ordninga kan kommunar og bydelar søkje ..."), and a negated "kan ikkje søkje" names no group. The extra
group nouns and heading words are in ``helsekg/data/goal_target_cues.json``.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Tilskotet er retta mot born og unge i barnevernet."
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> [(t.group.text, t.group.key, t.strong) for t in find_target_groups(context)]
[('born og unge i barnevernet', 'born-og-unge-i-barnevernet', True)]
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from helsekg.extract.measures.candidates import TargetCandidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import WORD, WORD_START, Patterns, alternation
from helsekg.extract.measures.goals import Parse, goal_cues, parse_of
from helsekg.extract.measures.phrases import finite_verb, group_key, negated_before, tokens, without_trailing
from helsekg.extract.records import TargetGroup
from helsekg.nlp.extensions import annotated

__all__ = ["MAX_GROUP_WORDS", "MAX_STATED_GROUP_WORDS", "find_target_groups", "frequent_group", "group_phrase"]

MAX_GROUP_WORDS = 12
#: A group stated outright ("Målgruppa er ...", the line after "Kven kan søkje?") may be longer.
MAX_STATED_GROUP_WORDS = 25


@dataclass(frozen=True)
class _TargetPatterns:
    stated: re.Pattern[str]  # "Målgruppa er ...", "Målgruppen for ordningen er i hovedsak ..."
    heading: re.Pattern[str]  # "Kven kan søkje?", "Målgruppe:", "Hvem kan søke: Kommuner"
    extra_nouns: re.Pattern[str]
    applicant_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    entitlement_nouns: frozenset[str]  # "har rett til", "har krav på": the subject is entitled
    priority_verbs: frozenset[str]
    pronouns: frozenset[str]
    relative: re.Pattern[str]  # "deg som", "dei som": a pronoun opening a relative clause
    clause_openers: frozenset[str]
    cue_governors: frozenset[str]  # "ansvar for", "krav til": the phrase names whom a duty concerns, not a group
    passive: re.Pattern[str]  # "Tjenesten kan søkes av ...": who may apply, after the passive
    award: re.Pattern[str]  # "Folkehelseprisen", "Leve hele livet-prisen": an award
    award_recipient: re.Pattern[str]  # "går til", "kan også tildeles": its recipients follow
    award_pronoun: re.Pattern[str]  # "Den går til ...": the award of the sentence before


@lru_cache(maxsize=1)
def _patterns() -> _TargetPatterns:
    from helsekg.extract.measures.cues import WORD, alternation as alt

    data = goal_cues().data
    i = re.IGNORECASE
    nouns = alt(data["target_heading_words"])
    headings = alt([*data["applicant_headings"], *data["target_heading_words"]])
    return _TargetPatterns(
        stated=re.compile(rf"(?<![\w-])[\w-]*?(?:{nouns})(?:\s+(?:for|til|med|i)(?:\s+{WORD}){{1,4}}?)?\s+er"
                          rf"(?:\s+(?:{alt(data['target_copula_adverbs'])}))?\s+(?=\w)", i),
        # (a question may name the offer in full: "Kven kan søkje om brukarstyrt personleg assistent?")
        heading=re.compile(rf"\W*(?:{headings})(?:\s+som)?(?:(?:\s+{WORD}){{0,3}}?\s*[?:]?|(?:\s+{WORD}){{4,7}}?\s*\?)"
                           rf"\s*(?::\s*(.+))?$", i),
        extra_nouns=re.compile(rf"^[\w–-]*?(?:{alt(data['extra_group_nouns'])})$", i),  # "21–24-åringer"
        applicant_verbs=frozenset(data["applicant_verbs"]),
        recipient_verbs=frozenset(data["recipient_verbs"]),
        entitlement_nouns=frozenset(data["entitlement_nouns"]),
        priority_verbs=frozenset(data["priority_verbs"]),
        pronouns=frozenset(data["group_pronoun_subjects"]),
        clause_openers=frozenset(data["group_clause_openers"]),
        cue_governors=frozenset(data["group_cue_governors"]),
        relative=re.compile(rf"\s*({alt(data['relative_group_pronouns'])})\s+som\s+(?=\w)", i),
        passive=re.compile(rf"(?<![\w-])(?:kan|kunne)\s+(?:{WORD}\s+)?(?:{alt(data['applicant_passives'])})"
                           rf"(?:\s+om)?\s+av\s+(?=\w)", i),
        award=re.compile(rf"(?<![\w-])[\w-]*?(?:{alt(data['award_words'])})(?![\w-])", i),
        award_recipient=re.compile(rf"(?<![\w-])(?:{alt(data['award_recipient_cues'])})"
                                   rf"(?:\s+(?:også|òg|blant annet|mellom anna))?\s+(?=\w)", i),
        award_pronoun=re.compile(rf"\W*(?:{alt(data['award_pronouns'])})\s", i),
    )


def find_target_groups(context: MeasureContext) -> tuple[TargetCandidate, ...]:
    """Target groups sentence by sentence (a group inside a longer one found in the sentence is dropped)."""
    text, rx = context.text, context.rx
    parse = parse_of(context)
    headed = _headed_lines(context)
    out = []
    for i, s in enumerate(context.sentences):
        sentence = text[s.start:s.end]
        strong = bool(rx.target_sentence.search(sentence))
        found: list[tuple[int, int]] = []
        for m in rx.group_cue.finditer(text, s.start, s.end):
            if parse is not None and _governed_by_non_measure(parse, m.start()):
                continue
            if negated_before(text, m.start(), s.start, words=3):
                continue  # "Det gis ikke tilskudd til privatpersoner": who does not get it
            if _THAT.match(text, m.end(), s.end):
                continue  # "bidra til at eldre får ...": the subject of what a goal brings about, not whom it is for
            span = group_phrase(context, m.end(), s.end)
            if span is None and m.group(0).split()[0].lower() != "blant":  # "blant dem som fekk": who got it
                span = _relative_group(context, m.end(), s.end)
            if span:
                found.append(span)
        # "Kommuner og bydeler kan søke", "Frivillige organisasjonar ... kan søkje"
        lead = rx.applicants.match(sentence)
        if lead:
            strong = True  # "kan [også] søke": who may apply
            span = group_phrase(context, s.start + lead.start(1), s.start + lead.end(1), from_start=True)
            if span:
                found.append(span)
        if parse is not None:
            for span, gets_measure in _recipient_subjects(context, parse, i):
                found.append(span)
                strong = strong or gets_measure  # "... kan få tilskudd til ...": who receives the measure
            prioritised = _prioritised_subjects(context, parse, i)
            found += prioritised
            strong = strong or bool(prioritised)  # "kommuner som ... skal prioriteres": who the scheme favours
        stated = _stated_groups(context, parse, i, headed) + _award_recipients(context, i)
        if stated:
            strong = True
            found += stated
        # a stated group keeps the groups named inside it ("verksemder som driv tilbod for eldre over 67 år"),
        # not a shorter reading of its own start
        containers = [span for span in found if span not in stated]
        seen: set[tuple[int, int]] = set()
        for start, end in found:
            if (start, end) in seen or any(a <= start and end <= b and (a, b) != (start, end)
                                           and ((a, b) in containers or a == start) for a, b in found):
                continue
            seen.add((start, end))
            label = re.sub(r"\s+", " ", text[start:end])
            group = TargetGroup(context.doc_id, start, end, text[start:end], label=label, key=group_key(label, rx))
            out.append(TargetCandidate(group, i, strong))
    return tuple(out)


def _governed_by_non_measure(parse: Parse, pos: int) -> bool:
    """The group cue at ``pos`` is a preposition attached to a noun whose til/for phrase names whom a duty, an
    effect or a message concerns ("ansvar for ...", "betydning for pasientene", "brev til kommunane"; the data's
    ``group_cue_governors``), not whom a measure is for."""
    token = parse.at(pos)
    if token is None or token.pos_ != "ADP" or token.head.i == token.i:
        return False
    return token.head.pos_ in ("NOUN", "PROPN") and token.head.lemma_.lower() in _patterns().cue_governors


#: the conjunction "at" after a group cue: a clause follows ("medverke til at pasientar får ..."), not a group
_THAT = re.compile(r"(?i)at\s")


#: how often a group must be named to be the page's group when no sentence states one
FREQUENT_GROUP = 3


def frequent_group(context: MeasureContext) -> TargetGroup | None:
    """The group a page names most often, when it names it ``FREQUENT_GROUP`` times or more and more often than any
    other group noun ("eldre" eleven times in a text on the ombud for the elderly): who the page's measure is for when
    no sentence states a group. A coordination the noun mostly stands in counts whole ("barn og unge"). The first
    mention gives the span; a capitalised word inside a sentence is a name, not a group."""
    text, rx = context.text, context.rx
    group_word = _group_word(rx)
    found: dict[str, list[tuple[int, int]]] = {}
    for m in WORD_START.finditer(text):
        word = m.group(0)
        low = word.casefold()
        if low in rx.group_drop or not group_word(low) or rx.word_check("instrument", low, rx.instrument_word.match):
            continue
        if word[:1].isupper() and _before(text, m.start()) not in ("", ".", ":", "!", "?", "•", "-"):
            continue
        pair = _PAIR.match(text, m.end())
        label = f"{low} og {pair.group(1).casefold()}" if pair and group_word(pair.group(1).casefold()) else low
        found.setdefault(low, []).append((m.start(), pair.end() if label != low else m.end()))
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))[:2]
    if not ranked or len(ranked[0][1]) < FREQUENT_GROUP or len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
        return None
    spans = ranked[0][1]
    pairs = [span for span in spans if span[1] - span[0] > len(ranked[0][0])]
    start, end = pairs[0] if len(pairs) * 2 > len(spans) else (spans[0][0], spans[0][0] + len(ranked[0][0]))
    label = re.sub(r"\s+", " ", text[start:end])
    return TargetGroup(context.doc_id, start, end, text[start:end], label=label, key=group_key(label, rx))


def _before(text: str, pos: int) -> str:
    """The character before ``pos`` past white space ("" at the text's start), without copying the text."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


#: "og unge" after "barn": a group coordinated with the one before
_PAIR = re.compile(rf"[^\S\n]+(?:og|eller)[^\S\n]+({WORD})")


def _group_word(rx: Patterns) -> Callable[[str], bool]:
    """Is a lower-case word a group noun (the patterns' ``group_noun`` or the extra group nouns), remembered per
    word (:meth:`Patterns.word_check`)."""
    extra = _patterns().extra_nouns.match

    def check(word: str) -> object:
        return rx.group_noun.match(word) or extra(word)

    return lambda word: rx.word_check("group", word, check)


def _finite_at(context: MeasureContext, start: int, end: int) -> bool:
    """The tagger reads the word at ``text[start:end]`` as a finite verb in the indicative ("gir", which the
    dictionary also knows as a noun); False without a tagger."""
    doc = context.doc
    if doc is None or not annotated(doc, "POS"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm") and "Ind" in token.morph.get("Mood")


def _relative_group(context: MeasureContext, begin: int, limit: int) -> tuple[int, int] | None:
    """A pronoun and its relative clause after a group cue: "til deg som ikkje har behov for sjukeheimsplass",
    "for de som trenger det mest" (``relative_group_pronouns``). The clause ends where the parse ends the pronoun's
    phrase, else at the end of the clause (:func:`_stated_span`), and in either case before a second finite verb
    that no "og"/"eller" joins to the first ("de som har søkt om støtte | blir offentliggjort")."""
    text = context.text
    m = _patterns().relative.match(text, begin, limit)
    if m is None:
        return None
    start, end = m.start(1), None
    doc = context.doc
    if doc is None or not annotated(doc, "POS"):
        return _stated_span(context, start, limit)
    span = doc.char_span(start, m.end(1), alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    pronoun = span[0]
    if annotated(doc, "DEP"):
        sub = [t for t in pronoun.subtree if t.idx < limit]
        if len(sub) > 2 and sub[0].i == pronoun.i:
            end = sub[-1].idx + len(sub[-1].text)
    if end is None:
        stated = _stated_span(context, start, limit)
        if stated is None:
            return None
        end = stated[1]
    verbs = 0
    for token in doc[pronoun.i + 2:]:
        if token.idx >= end:
            break
        if finite_verb(token) or "Fin" in token.morph.get("VerbForm") and token.pos_ == "AUX":
            previous = doc[token.i - 1].lower_ if token.i > 0 else ""
            verbs += 1
            if verbs > 1 and previous not in ("og", "eller", ","):
                end = doc[token.i - 1].idx + len(doc[token.i - 1].text)
                break
    # "... på 360 millioner kroner som": a clause cut at its start
    words = without_trailing(text, tokens(text, start, end), context.rx.goal_trailing, keep=3)
    if not 3 <= len(words) <= MAX_STATED_GROUP_WORDS:
        return None
    return start, words[-1][1]


def group_phrase(context: MeasureContext, begin: int, limit: int, *, from_start: bool = False) -> tuple[int, int] | None:
    """A group noun phrase at ``begin``: up to 3 modifiers, a group noun, coordination and modifiers."""
    text, rx = context.text, context.rx
    stop = rx.group_stop.search(text, begin, limit)
    end_limit = stop.start() if stop else limit
    words = tokens(text, begin, end_limit)

    def low(n: int) -> str:
        return text[words[n][0]:words[n][1]].lower()

    head = None
    group_word = _group_word(rx)
    for n, (s, e) in enumerate(words[:4]):
        word = text[s:e]
        lower = word.lower()
        if group_word(lower) and not rx.word_check("instrument", lower, rx.instrument_word.match):
            if word[:1].isupper() and not from_start:
                return None  # a name ("Menn i helse"), not a group
            head = n
            break
        if lower in rx.group_modifiers - {"og"} or lower in rx.group_blockers:
            return None
        if word[:1].isupper() and s > begin:
            return None
        if rx.funding_verb.match(lower) or rx.budget_noun.match(lower) or rx.instrument_word.match(lower):
            return None
    if head is None:
        return None
    if head + 1 < len(words) and _adjective_before_noun(low(head), low(head + 1), rx, group_word):
        return None  # "frivillige tiltak": the adjective of a thing; "eldre menneske" stays a group
    first = 0
    while first < head and low(first) in rx.group_drop:
        first += 1
    last = head
    n = head + 1
    while n < len(words) and n - first < MAX_GROUP_WORDS:
        word = low(n)
        if word in ("og", "eller") and n + 1 < len(words):
            nxt = low(n + 1)
            if group_word(nxt) or nxt in rx.drop or (n + 2 < len(words) and group_word(low(n + 2))):
                n += 1
                continue
            if n > head + 1 and any(low(k) in rx.group_modifiers - {"og"} for k in range(head + 1, n)):
                n += 1  # "personer med langvarige og sammensatte utfordringer": coordination inside the modifier
                continue
            break
        if word in rx.group_modifiers or group_word(word) or (
                n > last and n - 1 >= 0 and low(n - 1) in rx.group_modifiers | {"og"}):
            last = n if word not in rx.group_modifiers else last
            n += 1
            continue
        # words inside a modifier phrase ("i kommuner med rekrutteringsutfordringer"), up to a finite verb
        # ("barn i lavinntektsfamilier | gir både frivillige organisasjoner ...")
        if n > head and any(low(k) in rx.group_modifiers for k in range(head + 1, n)) \
                and not (_finite_at(context, *words[n])
                         and not any(low(k) in _patterns().clause_openers for k in range(head + 1, n))):
            last = n
            n += 1
            continue
        break
    if from_start and words and n < len(words):
        return None
    age = _AGE_SPAN.match(text, words[last][1], end_limit)  # "aldersgruppa 21-24 år", "barn 0–5 år"
    return words[first][0], age.end() if age else words[last][1]


def _adjective_before_noun(word: str, following: str, rx: Patterns, group_word: Callable[[str], bool]) -> bool:
    """A group word that is also an adjective ("frivillige", "eldre", "unge") right before a noun that names no group
    ("frivillige tiltak", "frivillige aktivitetssentre"): it describes a thing, not whom a measure is for (session
    23). A word that may be a verb too ("eldre bor heime") leaves the group as it is."""
    from helsekg.nlp.lemmas import load_table

    if not following.isalpha() or group_word(following) or following in rx.group_modifiers or following in rx.drop:
        return False
    table = load_table()
    if table.lookup("ADJ", word, seen=True) is None or table.lookup("VERB", following, seen=True) is not None:
        return False
    return table.ends_in_noun(following)


#: an age range right after a group: "21-24 år", "0–5 år", "mellom 16 og 23 år", "på 80 år"
_AGE_SPAN = re.compile(r"[^\S\n]+(?:(?:frå|fra|mellom|på)[^\S\n]+)?\d{1,3}(?:[^\S\n]*(?:[-–]|til|og)[^\S\n]*\d{1,3})?"
                       r"[^\S\n]+år(?![\w-])")


def _headed_lines(context: MeasureContext) -> dict[int, int]:
    """Sentences that state a group because of the heading line before them ("Kven kan søkje?" + "Kommunar.").

    Maps the index of each such sentence (the next line, or every item of a list the heading introduces)
    to the heading's index.
    """
    text, sentences = context.text, context.sentences
    heading = _patterns().heading
    group_list = _group_list_intro()
    out: dict[int, int] = {}
    for i, s in enumerate(sentences):
        m = heading.match(text, s.start, s.end)
        by_heading = m is not None and not m.group(1)
        # or a list introduction that announces groups: "prosjekter rettet inn mot:", "Følgjande pasientgrupper vil ha
        # høg prioritet:", whose every item that opens with a group is one
        if not by_heading and not group_list.search(text, s.start, s.end):
            continue
        # the list the line introduces, or a heading's list when the heading is a subheading below an introduction
        lists = [k for k, bl in enumerate(context.lists) if bl.intro is not None and bl.intro[0] <= s.start < bl.intro[1]
                 or by_heading and bl.group is not None and bl.group[0] <= s.start < bl.group[1]]
        items = {j for j, t in enumerate(sentences if lists else ()) if t.bullet is not None and t.list_id in lists}
        opening = {j for j in items if _opens_with_group(context, sentences[j].start, sentences[j].end)
                   or group_phrase(context, sentences[j].start, sentences[j].end, from_start=True) is not None}
        # most items open with a group: the others are groups too, unless they are clauses ("skrøpelege eldre",
        # "personar med ...", "kronikarar og multisjuke": the last names no group noun of the word lists)
        most = len(opening) >= 2 and len(opening) * 2 >= len(items)
        for j, t in enumerate(sentences if lists else ()):
            if t.bullet is None or j in out:
                continue
            if by_heading:
                if t.list_id == lists[0] and not any(
                        sentences[k].bullet == t.bullet and sentences[k].list_id == t.list_id for k in out if k < j):
                    out[j] = i
            elif j in opening or j in items and most and not _verb_rooted(context, t.start, t.end) \
                    and not _names_activity(context, t.start, t.end):
                out[j] = i
        if by_heading and not lists and i + 1 < len(sentences) and "\n" in text[s.end:sentences[i + 1].start]:
            out[i + 1] = i
    return out


@lru_cache(maxsize=1)
def _group_list_intro() -> re.Pattern[str]:
    """A list's introduction that announces groups and ends in a colon (``group_list_cues``)."""
    cues = goal_cues().data.get("group_list_cues", ())
    if not cues:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{alternation(cues)})(?![\w-])[^:\n]*:\s*$", re.IGNORECASE)


def _stated_groups(context: MeasureContext, parse: Parse | None, index: int,
                   headed: dict[int, int]) -> list[tuple[int, int]]:
    """Groups a sentence states outright: after "målgruppa er", as the line under "Kven kan søkje?", as
    the inline value of "Målgruppe: ...", as the agent of "kan søkes av", or as the subject of "kan søke"/"kan
    søkje" (from the parse)."""
    text = context.text
    s = context.sentences[index]
    pats = _patterns()
    out = []
    for m in pats.stated.finditer(text, s.start, s.end):
        span = _stated_span(context, m.end(), s.end)
        if span:
            out.append(span)
    for m in pats.passive.finditer(text, s.start, s.end):  # "Tjenesten kan søkes av hjemmeboende med demens"
        span = _stated_span(context, m.end(), s.end)
        if span:
            out.append(span)
    inline = pats.heading.match(text, s.start, s.end)
    if inline and inline.group(1):
        span = _stated_span(context, inline.start(1), s.end)
        if span:
            out.append(span)
    if index in headed and not out:
        line = text[s.start:s.end]
        lead = context.rx.applicants.match(line)
        if lead:
            span = _stated_span(context, s.start + lead.start(1), s.start + lead.end(1))
        elif pats.heading.match(line) or line.rstrip().endswith(":") or goal_cues().copula.search(line):
            span = None
        elif _verb_rooted(context, s.start, s.end):
            # "Alle kommuner i Telemark oppfordres til å søke": the group the clause opens with; "Prosjektleder må være
            # ansatt i ...": a condition stated as a clause, no group
            span = ((group_phrase(context, s.start, s.end) or _stated_span(context, s.start, s.end))
                    if _opens_with_group(context, s.start, s.end) else None)
        else:
            span = _stated_span(context, s.start, s.end)
        if span:
            out.append(span)
    if parse is not None:
        out += _applicant_subjects(context, parse, index)
    return out


#: the words a recipient of an award may open with: an article or "noen"/"nokon" ("ein kommune som ...", "noen som
#: har gjort en særlig innsats ...")
_RECIPIENT_OPENERS = frozenset({"en", "ein", "ei", "et", "eit", "noen", "nokon", "kommuner", "kommunar"})


def _award_recipients(context: MeasureContext, index: int) -> list[tuple[int, int]]:
    """Who an award goes to: "Folkehelseprisen skal gå til noen som har gjort en særlig innsats ...", "Prisen kan
    også tildeles enkeltpersoner, private, frivillige eller offentlige virksomheter", "Leve hele livet-prisen er
    departementets pris til ein kommune som ...", or, after a pronoun, in the sentence after the award's ("Den går til
    ein kommune eller ei kommunal tenesteeining for ..."). A price ("timepris") is no award; the recipient opens with
    an article, "noen"/"nokon" or a group noun and runs to the end of its clause."""
    text, s = context.text, context.sentences[index]
    pats = _patterns()
    if not _names_award(context, s.start, s.end):
        before = context.sentences[index - 1] if index > 0 else None
        if before is None or not pats.award_pronoun.match(text, s.start, s.end) \
                or not _names_award(context, before.start, before.end):
            return []
    out = []
    for m in pats.award_recipient.finditer(text, s.start, s.end):
        span = _stated_span(context, m.end(), s.end)
        if span is None:
            continue
        first = text[span[0]:span[1]].split(None, 1)[0].lower()
        if first in _RECIPIENT_OPENERS or _opens_with_group(context, *span):
            out.append(span)
    return out


def _names_award(context: MeasureContext, start: int, end: int) -> bool:
    prices = _prices(context.cues.price_words)
    return any(m.group(0).lower() not in prices for m in _patterns().award.finditer(context.text, start, end))


@lru_cache(maxsize=4)
def _prices(price_words: tuple[str, ...]) -> frozenset[str]:
    """The price words that are no award ("timepris", "makspris"; not the bare "pris"/"prisen")."""
    return frozenset(w.lower() for w in price_words) - frozenset(goal_cues().data["award_words"])


_DEMONSTRATIVES = frozenset({"disse", "desse", "dette", "denne", "den", "det", "de", "dei"})


def _recipient_subjects(context: MeasureContext, parse: Parse, index: int) -> list[tuple[tuple[int, int], bool]]:
    """The subject of "få"/"motta" that opens with a group noun: who receives ("Husstander med personer med nedsatt
    funksjonsevne kan få tilskudd ...", "21–24-åringer får 75 prosent rabatt"). A named actor or a pronoun is no
    group; the subject may hang on the auxiliary ("kan få"). Each span comes with whether the verb's object is an
    instrument or money ("få tilskudd", "får 20 millionar kroner"): then the group receives the measure the text is
    about even when the sentence names none. The subject of "ha rett/krav" is entitled to what the text is about
    ("Barn mellom 0 og 18 år har rett til gratis tannhelsetjenester"; ``entitlement_nouns``): listed after the
    receivers, from the same pass over the sentence."""
    patterns = _patterns()
    received, entitled = [], []
    for token, span in _group_subjects(context, parse, index, patterns.recipient_verbs | _ENTITLED_VERBS):
        if token.lemma_.lower() in _ENTITLED_VERBS:
            right = next((c for c in token.children if c.dep_ == "DOBJ"
                          and c.lemma_.lower() in patterns.entitlement_nouns), None)
            if right is not None and not _RIGHT_TO_ACT.match(context.text, right.idx + len(right.text)):
                entitled.append((span, True))  # (not "har rett til å kome med framlegg": a right to act)
            continue
        if token.pos_ != "VERB" or "Pass" in token.morph.get("Voice"):
            continue
        objects = [c for c in token.children if c.dep_ == "DOBJ"]
        gets = any(context.rx.instrument_word.match(c.text) or any(a.is_money and a.start <= c.idx < a.end
                                                                   for a in context.amounts) for c in objects)
        received.append((span, gets))
    return received + entitled


#: the verb whose object ``entitlement_nouns`` make its subject entitled ("har rett til", "har krav på")
_ENTITLED_VERBS = frozenset({"ha"})
#: "rett til å ...", "krav på å ...": a right to do something
_RIGHT_TO_ACT = re.compile(r"\s+(?:til|på)\s+å\s", re.IGNORECASE)


def _prioritised_subjects(context: MeasureContext, parse: Parse, index: int) -> list[tuple[int, int]]:
    """The subject of a passive "prioritere" that opens with a group noun: who is given priority ("kommuner som
    omstiller seg i tråd med eldrereformen skal prioriteres", nynorsk "kommunar som ... vil verta prioritert")."""
    return [span for token, span in _group_subjects(context, parse, index, _patterns().priority_verbs)
            if "Pass" in token.morph.get("Voice") or "Part" in token.morph.get("VerbForm")]


def _group_subjects(context: MeasureContext, parse: Parse, index: int,
                    verbs: frozenset[str]) -> list[tuple[Token, tuple[int, int]]]:
    """The verbs of sentence ``index`` with a lemma of ``verbs`` and the span of their subject when it opens with a
    group noun and names no actor; the subject may hang on an auxiliary ("kan få", "skal prioriteres", "vil verta
    prioritert": up to three steps up the verb chain)."""
    s = context.sentences[index]
    out = []
    for token in parse.between(s.start, s.end):
        if token.lemma_.lower() not in verbs:
            continue
        holder, subject = token, None
        for _ in range(3):
            subject = next((c for c in holder.children if c.dep_ == "SUBJ"), None)
            if subject is not None or holder.dep_ not in ("INFV", "SPRED") or holder.head is holder:
                break
            holder = holder.head
        if subject is None or subject.pos_ not in ("NOUN", "ADJ", "NUM"):  # "21–24-åringar" may read as a number
            continue
        words = sorted((t for t in subject.subtree if s.start <= t.idx < s.end and not t.is_punct), key=lambda t: t.i)
        while len(words) > 1 and words[0].lower_ in _DEMONSTRATIVES:
            words = words[1:]  # "Disse kommunene får ...": the group, not the reference to it
        if not words or len(words) > MAX_GROUP_WORDS:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if context.starts_actor(start) or not _opens_with_group(context, start, end):
            continue
        out.append((token, (start, end)))
    return out


def _verb_rooted(context: MeasureContext, start: int, end: int) -> bool:
    """The parse reads ``text[start:end]`` as a clause: its root is a verb ("Prosjektleder må være ansatt ..."),
    where a group is a noun phrase ("Personer som har ..."). False without a parse."""
    doc = context.doc
    if doc is None or not annotated(doc, "DEP"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in span)


#: the endings of a verbal noun: an activity, not a group ("utvikling", "opplæringa", "forebyggelse", "evaluasjon")
_ACTIVITY_NOUN = re.compile(r"(?:ing|inga|ingen|ingar|inger|else|elsen|sjon|sjonen|sjonar|sjoner)$")


def _names_activity(context: MeasureContext, start: int, end: int) -> bool:
    """``text[start:end]`` opens with a verbal noun or an instrument noun ("utvikling av nye tjenester", "prosjekt
    for ..."): what is done, not who it is for."""
    words = [context.text[a:b].lower() for a, b in tokens(context.text, start, end)]
    first = next((w for w in words if w not in context.rx.group_drop), "")
    return bool(_ACTIVITY_NOUN.search(first) or context.rx.instrument_word.match(first))


def _opens_with_group(context: MeasureContext, start: int, end: int) -> bool:
    """The first word of ``text[start:end]`` that is no article or quantifier is a group noun ("Alle kommuner i
    Telemark oppfordres til å søke", "Seniorer og eldre som bor ...")."""
    rx = context.rx
    words = [context.text[a:b].lower() for a, b in tokens(context.text, start, end)]
    first = next((w for w in words if w not in rx.group_drop and w not in ("alle", "all", "kvar", "hver")), "")
    return bool(_group_word(rx)(first))


def _applicant_subjects(context: MeasureContext, parse: Parse, index: int) -> list[tuple[int, int]]:
    """The subject of "kan søke"/"kan søkje", wherever it stands ("Gjennom programmet kan kommunar søkje ...")."""
    s = context.sentences[index]
    pats = _patterns()
    out = []
    for token in parse.between(s.start, s.end):
        if token.lemma_.lower() != "kunne" and token.lower_ not in ("kan", "kunne"):
            continue
        verb = next((c for c in token.children if c.dep_ == "INFV"), None)
        if verb is None or verb.lemma_.lower() not in pats.applicant_verbs and verb.lower_ not in pats.applicant_verbs:
            continue
        if any(c.lemma_.lower() in ("ikke", "ikkje") or c.lower_ in ("ikke", "ikkje") for c in (*token.children, *verb.children)):
            continue  # "Kommunar kan ikkje søkje direkte"
        subject = next((c for c in token.children if c.dep_ == "SUBJ"), None)
        if subject is None or subject.lower_ in pats.pronouns or subject.pos_ not in ("NOUN", "ADJ", "PROPN"):
            continue
        if subject.pos_ == "PROPN" and not context.is_group(subject.text):
            continue  # a named applicant is an actor, not a group
        # "kan kommuner og bydeler søke": a coordinated subject may hang on the auxiliary
        parts = [subject, *(c for c in token.children if c.dep_ == "KOORD" and subject.i < c.i < verb.i)]
        words = sorted((t for part in parts for t in part.subtree
                        if s.start <= t.idx < s.end and (not t.is_punct or t.text == ")")), key=lambda t: t.i)
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if len(text_words := context.text[start:end].split()) > MAX_STATED_GROUP_WORDS or not text_words:
            continue
        out.append((start, end))
    return out


_STATED_END = re.compile(r"[.;!?]\s|[.;!?]$|\s[-–—]\s|,\s+(?:sier|seier|kan\s+søk)"
                         # a new clause: ", men ...", ", og situasjonen er ...", ", og det vert ..."
                         r"|,\s+men\b|,\s+og\s+[\w-]+\s+(?:er|var|blir|vert|har|skal|vil|kan|må)\b", re.IGNORECASE)
_CLEFT_LEAD = frozenset({"det", "er", "berre", "bare", "kun", "hva", "kva", "hvem", "kven"})


def _stated_span(context: MeasureContext, begin: int, limit: int) -> tuple[int, int] | None:
    """A stated group from ``begin`` to the end of its clause (a full stop, ";", a dash, a speech verb)."""
    text, rx = context.text, context.rx
    stop = _STATED_END.search(text, begin, limit)
    end = stop.start() if stop else limit
    words = without_trailing(text, tokens(text, begin, end), rx.goal_trailing)
    # "Det er berre kommunar som kan søkje": the cleft's lead-in is not part of the group
    while len(words) > 1 and text[words[0][0]:words[0][1]].lower() in _CLEFT_LEAD:
        words = words[1:]
    if len(words) > MAX_STATED_GROUP_WORDS:
        # "Personer som har økt risiko for ... sykdom, og som trenger hjelp til ...": a long group keeps its clauses
        # up to the last comma within the limit
        commas = [n for n in range(1, MAX_STATED_GROUP_WORDS) if text[words[n - 1][1]:words[n][0]].strip() == ","]
        words = without_trailing(text, words[:commas[-1]] if commas else [], rx.goal_trailing)
    if not words:
        return None
    first = text[words[0][0]:words[0][1]].lower()
    if first in _patterns().pronouns and len(words) == 1:
        return None
    if len(words) == 1 and context.doc is not None and annotated(context.doc, "POS"):
        token = context.doc.char_span(words[0][0], words[0][1], alignment_mode="expand")
        if token is not None and len(token) == 1 and token[0].pos_ == "ADJ" and not rx.group_noun.match(first):
            return None  # "Målgruppa er sårbar": what the group is like, not who
    start, end = words[0][0], words[-1][1]
    if text[start:end].count("(") > text[start:end].count(")") and text[end:end + 1] == ")":
        end += 1  # "Personer på legemiddelassistert rehabilitering (LAR)": the bracket closes
    return start, end
