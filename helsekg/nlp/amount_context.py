"""What the words around a monetary amount say about it, read from token lemmas.

:mod:`helsekg.nlp.amounts` reads an amount's kind, qualifier and year from the surface text of its
clause. This module adds the cues that need the word's lemma, so one entry covers every inflected form
and both written standards ("budsjett": "budsjettet", "tilskotsbudsjettet"; "styrke": "styrkt",
"styrkjast", "styrkinga"):

* :func:`context_kind`: the kind a budget noun, a change verb or an allocation gives the amount
  ("Ordninga har eit budsjett på 40 millionar kroner" Total, "Løyvinga vart styrkt med 5 millionar"
  Increase, "Det er sett av 38,5 millionar kroner til ordninga" Total).
* :func:`yearless_context`: the amount's clause speaks of a cost or loan frame or an investment, to which
  no single fiscal year applies ("Kostnadsrammen er satt til 780 millioner kroner").
* :func:`has_cue`: whether a stretch of text holds a word of a lemma list (a grant word in a title).

Every word list lives in ``helsekg/data/amount_lexicon.json`` under ``context_lemmas``. Without a
lemmatizer (``--model blank``) the lower-case forms are compared with the same entries: lemma forms
and compounds of them still match, other inflected forms do not (degraded, never an error).

>>> from helsekg.nlp.pipeline import load
>>> nlp = load(model=None)
>>> doc = nlp("Ordninga har eit budsjett på 40 millionar kroner.")
>>> str(context_kind(doc, 29, 48))
'Total'
>>> context_kind(nlp("Kommunen får 40 millionar kroner."), 13, 32) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from helsekg.nlp.amounts import LEXICON_FILE, AmountKind
from helsekg.nlp.extensions import annotated
from helsekg.resources import load_data

__all__ = ["ContextLemmas", "allocating_intro", "context_kind", "granted", "has_cue", "yearless_context"]

_CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "(", ")", "•", "«", "»"})
_DEFINITE_ENDINGS = ("en", "et", "a", "ene", "ane", "i", "ena", "ar")
#: Inflection endings stripped from a form when the lemmatizer left it alone (a sentence-initial noun
#: tagged PROPN, no lemmatizer): "Kostnadsrammen" -> "kostnadsramme", "tilskota" -> "tilskot".
_ENDINGS = ("ene", "ane", "ne", "en", "et", "er", "ar", "a", "n")


@dataclass(frozen=True)
class ContextLemmas:
    """The ``context_lemmas`` lists of the amount lexicon, as frozensets."""

    total_heads: frozenset[str]
    article_sensitive: frozenset[str]
    indefinite_articles: frozenset[str]
    not_total_heads: frozenset[str]
    copulas: frozenset[str]
    set_verbs: frozenset[str]
    allocate_verbs: frozenset[str]
    scheme_heads: frozenset[str]
    budget_heads: frozenset[str]
    #: labels of a grant page's budget field ("Beløp: 4 millioner kr"): the value is the scheme's whole sum
    field_labels: frozenset[str]
    increase: frozenset[str]
    reduction: frozenset[str]
    continue_: frozenset[str]
    per_words: frozenset[str]
    yearless_heads: frozenset[str]
    yearless_exact: frozenset[str]
    yearless_prefixes: frozenset[str]
    grant_heads: frozenset[str]
    whole_verbs: frozenset[str] = frozenset()
    bound_words: frozenset[str] = frozenset()
    ceiling_words: frozenset[str] = frozenset()
    remainder_words: frozenset[str] = frozenset()
    extra_words: frozenset[str] = frozenset()
    verb_particles: frozenset[str] = frozenset()
    fund_words: frozenset[str] = frozenset()
    cost_verbs: frozenset[str] = frozenset()
    cost_heads: frozenset[str] = frozenset()
    spend_for_verbs: frozenset[str] = frozenset()
    distribute_verbs: frozenset[str] = frozenset()
    amount_verbs: frozenset[str] = frozenset()
    part_words: frozenset[str] = frozenset()
    list_verbs: frozenset[str] = frozenset()
    cut_verbs: frozenset[str] = frozenset()
    spend_for_nouns: frozenset[str] = frozenset()
    receive_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> ContextLemmas:
        data = load_data(LEXICON_FILE)["context_lemmas"]
        return cls(**{name: frozenset(w.lower() for w in data[name.rstrip("_")]) for name in cls.__dataclass_fields__})


@lru_cache(maxsize=1)
def default_lemmas() -> ContextLemmas:
    """The shipped lists, loaded once."""
    return ContextLemmas.load()


def _lemma(token: Token) -> str:
    if annotated(token.doc, "LEMMA") and token.lemma_:
        return token.lemma_.lower()
    return token.lower_


@lru_cache(maxsize=1 << 16)
def _head_match(word: str, heads: frozenset[str]) -> bool:
    """``word`` is one of ``heads`` or a compound ending in one ("tilskotsbudsjett" ends in "budsjett").

    Memoised: the same few thousand words are checked against the same few lists for every amount (issue 18).
    """
    return word in heads or any(len(word) > len(h) + 2 and word.endswith(h) for h in heads)


def _forms(token: Token) -> tuple[str, ...]:
    """The lemma, the lower-case form and the form without an inflection ending."""
    low = token.lower_
    stripped = tuple(low[: -len(e)] for e in _ENDINGS if low.endswith(e) and len(low) > len(e) + 3)
    return (_lemma(token), low, *stripped)


def _is(token: Token, heads: frozenset[str]) -> bool:
    return any(_head_match(form, heads) for form in _forms(token))


def _clause(doc: Doc, start: int, end: int) -> tuple[list[Token], list[Token]] | None:
    """The tokens of the amount's clause before it (nearest first) and after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    before: list[Token] = []
    for i in range(span.start - 1, -1, -1):
        token = doc[i]
        if token.text in _CLAUSE_PUNCT or "\n" in token.text or token.text in (".", "!", "?"):
            break
        if token.is_space:
            continue
        before.append(token)
        if token.is_sent_start and annotated(doc, "SENT_START"):
            break
    after: list[Token] = []
    for token in doc[span.end:]:
        if token.text in _CLAUSE_PUNCT or "\n" in token.text or token.text in (".", "!", "?"):
            break
        if token.is_space:
            continue
        if token.is_sent_start and annotated(doc, "SENT_START"):
            break
        after.append(token)
    return before, after


_COPULA_FORMS = frozenset({"er", "blir", "vert", "var", "ble", "blei", "vart"})


def _is_copula(token: Token, lemmas: ContextLemmas) -> bool:
    """ "er", "blir", "vert" ... by lemma, or by form when the lemmatizer missed it."""
    return _lemma(token) in lemmas.copulas or token.lower_ in _COPULA_FORMS


def _definite(token: Token) -> bool:
    morph = token.morph.get("Definite")
    if morph:
        return morph == ["Def"]
    return token.lower_ != _lemma(token) and token.lower_.endswith(_DEFINITE_ENDINGS)


def _subject(before: list[Token], lemmas: ContextLemmas) -> Token | None:
    """The budget noun a copula or "satt til" refers back to: the clause's subject when parsed
    ("Kostnadsrammen for prosjektet er satt til"), else the nearest noun earlier in the clause."""
    if before and annotated(before[0].doc, "DEP"):
        subject = next((t for t in before if t.dep_.lower() in ("subj", "nsubj", "nsubj:pass")), None)
        if subject is not None:
            ok = _is(subject, lemmas.total_heads) and not _is(subject, lemmas.not_total_heads)
            return subject if ok else None
    for token in before:
        if token.pos_ in ("NOUN", "PROPN") or (not token.pos_ and token.is_alpha):
            if _is(token, lemmas.total_heads) and not _is(token, lemmas.not_total_heads):
                return token
            if token.pos_:
                return None
    return None


def context_kind(doc: Doc, start: int, end: int, *, lemmas: ContextLemmas | None = None) -> AmountKind | None:
    """The kind the lemmas around the amount at ``[start, end)`` give it, or None when they say nothing.

    * "med" before the amount and a change word earlier in its clause: Increase ("auke løyvinga med"),
      Reduction ("redusert med"), or Total for a continuation at a level ("videreført med").
    * a cutting verb right before it ("kutter 3 millioner kroner", ``cut_verbs``): Reduction.
    * "på" after a budget noun, or after a copula whose subject is one: Total ("et tilskuddsbudsjett på",
      "ein pott på", "Bevilgningen er på"); not before "per"/"årlig" (a rate), not a loan or a
      balance ("et mindreforbruk på"), not "et tilskudd på" (one grant, not a scheme's whole budget) unless a
      granting verb governs the grant ("har bevilget et tilskudd på over 5,3 millioner").
    * "utgjør/utgjer" as the amount's verb: Total, the size of its subject, unless the clause names a change or a
      part ("Den langsiktige styrkingen ... utgjør", "Kommunens andel utgjør").
    * "satt til" after a budget noun: Total ("Kostnadsrammen er satt til 780 millioner").
    * a cost verb right before it ("er beregnet å koste om lag 5 milliarder"), or a copula after a cost noun
      ("Kostnadsramme for prosjektet er omlag 8,43 milliardar"): Total, the whole cost.
    * an allocation verb before, and after it "til" a definite scheme noun or "over" the budget: Total
      ("det er sett av 38,5 millionar kroner til ordninga", "satt av 62 millioner kroner over
      statsbudsjettet").
    * a change noun that names the amount: Increase or Reduction ("N kroner i varig styrking av ...",
      "ekstra finansiering på N", "reduksjon i kostnader på N").
    * a granting, setting-aside, paying-out, announcing or spending verb that governs it (``whole_verbs``:
      "Det er bevilget 5 millioner", "lyser ut 14 millionar"; a distributing verb only from before it: "har fordelt
      9,45 millioner til ..."), or follows it as a participle or passive
      ("15 948 mill. kr utbetalt i 2021", "N kroner skal lysast ut"), "N kroner i tilskuddsmidler", "er ramma
      N", a spending verb before "for" ("får bygge for 900 millioner", ``spend_for_verbs``): Total, the whole
      appropriation; not a part ("av tilskotet", a clause opening "Av dette ..." or "hvorav"), what is left ("står
      igjen"), a ceiling ("inntil") or a rate.
    """
    lemmas = lemmas or default_lemmas()
    clause = _clause(doc, start, end)
    if clause is None:
        return None
    before, after = clause
    if not before:  # the amount opens its clause: only a verb after it says what it is
        return _subject_kind(doc, start, end, after, lemmas)
    first = _lemma(before[0])
    if first == "med":
        for token in before[1:]:
            kind = _change_of(token, lemmas)
            if kind is not None:
                return kind
            if _is(token, lemmas.continue_):  # "Bevilgningen ... videreføres med": the level of a budget
                return AmountKind.TOTAL if any(_is(t, lemmas.total_heads) for t in before) else None
        return None
    if before[0].pos_ == "VERB" and (first in lemmas.cut_verbs or before[0].lower_ in lemmas.cut_verbs):
        return AmountKind.REDUCTION  # "Kommunen kutter 3 millioner kroner i hjemmetjenesten": the sum cut
    per = bool(after) and (_lemma(after[0]) in lemmas.per_words or after[0].lower_ in lemmas.per_words)
    # "i året", "i måneden": a running cost is a rate, not a whole
    rate = per or (len(after) > 1 and after[0].lower_ == "i"
                   and after[1].lower_ in ("året", "år", "måneden", "månaden", "døgnet", "uka", "veka"))
    if not rate and (first in lemmas.cost_verbs or before[0].lower_ in lemmas.cost_verbs):
        return AmountKind.TOTAL  # "er beregnet å koste om lag 5 milliarder kroner": the whole cost
    if not rate and _is_copula(before[0], lemmas) and any(_is(t, lemmas.cost_heads) for t in before[1:6]):
        return AmountKind.TOTAL  # "Kostnadsramme for prosjektet er omlag 8,43 milliardar kroner"
    change = _change_named(before, after, lemmas)
    if change is not None:
        return change
    if first == "på" and len(before) > 1 and not per:
        noun: Token | None = before[1]
        rest = before[2:]
        if _is_copula(noun, lemmas):
            noun = _subject(rest, lemmas)
        elif (rest and (_lemma(rest[0]) in lemmas.indefinite_articles or rest[0].lower_ in lemmas.indefinite_articles)
              and _is(noun, lemmas.article_sensitive)):
            # "et tilskudd på 300 000 kroner": one grant, not a scheme's budget; but the whole of what an actor grants
            # ("Helsedirektoratet har bevilget et tilskudd på over 5,3 millioner kroner til ...")
            return AmountKind.TOTAL if _granted_whole(rest[1:], after, lemmas) else None
        if noun is not None and _is(noun, lemmas.total_heads) and not _is(noun, lemmas.not_total_heads):
            return AmountKind.TOTAL
        return None
    if not rate and _sized(before, lemmas):
        return AmountKind.TOTAL  # "ordninga ... utgjer i år om lag 664 mill. kroner": the size of the whole
    if first == "til" and len(before) > 1 and _is(before[1], lemmas.set_verbs) and not per:
        return AmountKind.TOTAL if _subject(before[2:], lemmas) is not None else None
    if per:
        return None
    opening = doc.char_span(start, end, alignment_mode="expand")[0].lower_
    bounded = opening in lemmas.bound_words
    remainder = any(t.lower_ in lemmas.remainder_words or _lemma(t) in lemmas.remainder_words for t in before)
    # "lyser ut inntil 14 millionar": a ceiling is no whole sum, granted or not (gold guidelines; 18 of the 23 such
    # amounts of the real dev texts are Unspecified)
    # "Av dette ble 633 mill. kroner bevilget over ...": a part of the sum before, however granted
    if not rate and not remainder and opening not in lemmas.ceiling_words and not _part_lead(before) and (
            _granted_whole(before, after, lemmas)  # "satt av 14 millionar": a pot of that sum
            or _granted_after(after, lemmas)  # "15 948 mill. kr utbetalt i 2021", "N kroner skal tildelast ..."
            or _spent_for(before, lemmas)  # "Sykehuset får bygge for 900 millioner"
            or not bounded and (_in_funds(after, lemmas) or _named_frame(before, lemmas))):
        return AmountKind.TOTAL
    if not after:
        return None
    allocated = any(
        _lemma(t) in lemmas.allocate_verbs
        and (_lemma(t) not in ("sette", "setje") or (i > 0 and before[i - 1].lower_ == "av"))
        for i, t in enumerate(before)
    )
    if not allocated:
        return None
    link = after[0].lower_
    target = next((t for t in after[1:3] if t.pos_ != "DET" and t.lower_ not in lemmas.indefinite_articles), None)
    if target is None:
        return None
    if link == "til" and _is(target, lemmas.scheme_heads) and _definite(target) and target.i == after[1].i:
        return AmountKind.TOTAL
    if link == "over" and _is(target, lemmas.budget_heads):
        return AmountKind.TOTAL
    return None


@lru_cache(maxsize=1)
def _part_leads() -> frozenset[tuple[str, ...]]:
    """The amount lexicon's ``part_cues`` ("av dette", "hvorav") as word tuples."""
    return frozenset(tuple(cue.lower().split()) for cue in load_data(LEXICON_FILE)["part_cues"])


def _part_lead(before: list[Token]) -> bool:
    """The amount's clause opens with a part cue ("Av dette ...", "..., hvorav ..."): ``before`` is nearest first."""
    opening = tuple(t.lower_ for t in reversed(before[-2:]))
    return any(opening[:len(cue)] == cue for cue in _part_leads())


def _granted_whole(before: list[Token], after: list[Token], lemmas: ContextLemmas) -> bool:
    """A granting, paying out, announcing or spending verb governs the amount: the whole sum granted.

    "Det er bevilget 5 millioner kroner", "Fylkesmannen har løyvd 2,1 millionar kroner til ...", "skal bruke
    115 000 kr til å ...", "vedtok å lyse ut 500 000 kroner". The verb must be the nearest verb before the
    amount in its clause ("bevilget midler der hver deltaker får 5 000 kroner": "får" governs). Not a part
    ("4,5 millionar av tilskotet"), a ceiling ("inntil kr 250 000") or a receiver's share ("mottar").
    """
    if (before and before[0].lower_ in lemmas.bound_words) or (after and after[0].lower_ == "av"):
        return False
    forms = _verb_forms(lemmas.whole_verbs | lemmas.distribute_verbs)
    particles = _particles(lemmas.verb_particles)
    for i, token in enumerate(before):
        verb = forms.get(_lemma(token)) or forms.get(token.lower_)
        if verb in lemmas.distribute_verbs and token.pos_ == "NOUN":
            verb = None  # "en fordel": the noun, not the verb
        if verb is not None:
            particle = particles.get(verb)  # "lyser ut", "lyser i 2021 ut": between the verb and the amount
            return particle is None or any(t.lower_ == particle for t in before[:i])
        if token.pos_ == "VERB":
            return False
    return False


_AUXILIARY_FORMS = frozenset({"skal", "vil", "kan", "må", "er", "blir", "vert", "ble", "blei", "vart", "bli", "verte",
                              "blitt", "vorte", "har", "hadde", "vere", "være", "også", "òg", "nå", "no"})


def _subject_kind(doc: Doc, start: int, end: int, after: list[Token], lemmas: ContextLemmas) -> AmountKind | None:
    """The kind of an amount that opens its clause, from the verb after it: a whole verb in the passive or participle
    ("3 millioner kroner skal deles ut i 2021", "1,78 millionar kroner er tildelt tiltak som ...") makes it the whole
    sum handed out: Total. Not a rate ("per år"), a ceiling ("Inntil 500 000 kroner kan ...") or a part ("N kroner av
    ..."). "N kroner går til X" says no more than where it goes (the whole sum or a part of the post)."""
    if not after or after[0].lower_ == "av":
        return None
    if _lemma(after[0]) in lemmas.per_words or after[0].lower_ in lemmas.per_words:
        return None
    opening = doc.char_span(start, end, alignment_mode="expand")[0].lower_
    if opening in lemmas.ceiling_words:
        return None
    return AmountKind.TOTAL if _granted_after(after, lemmas) else None


def _sized(before: list[Token], lemmas: ContextLemmas) -> bool:
    """ "utgjør" governs the amount (its nearest verb): the amount is the size of the subject, a whole ("det samlede
    tildelingsbeløpet ... utgjør 22 millioner kroner", "ordninga ... utgjer i år om lag 664 mill. kroner"); not when
    the clause names a change or a part ("Den langsiktige styrkingen ... utgjør dermed 8,2 millioner", "Kommunens
    andel utgjør ...")."""
    for i, token in enumerate(before):
        if _lemma(token) in lemmas.amount_verbs or token.lower_ in lemmas.amount_verbs:
            return not any(_is(t, lemmas.increase) or _is(t, lemmas.reduction) or _lemma(t) in lemmas.part_words
                           or t.lower_ in lemmas.part_words for t in before[i + 1:])
        if token.pos_ in ("VERB", "AUX") or _is_copula(token, lemmas):
            return False
    return False


def _granted_after(after: list[Token], lemmas: ContextLemmas) -> bool:
    """A whole verb follows the amount as its passive or participle: "15 948 mill. kr utbetalt i 2021",
    "2 millionar kroner skal lysast ut", "N kroner er satt av til ...". Up to two auxiliaries may come between, after
    the relative "som" of a cleft ("i år er det 310 millioner kroner som skal deles ut")."""
    forms = _verb_forms(lemmas.whole_verbs)
    words = after[1:4] if after and after[0].lower_ == "som" else after[:3]
    for token in words:
        if forms.get(_lemma(token)) or forms.get(token.lower_):
            return True
        if token.lower_ not in _AUXILIARY_FORMS:
            return False
    return False


def _spent_for(before: list[Token], lemmas: ContextLemmas) -> bool:
    """ "investere for N", "bygge for N": what is built or invested for a sum costs the whole of it; so do the
    measures bought for it ("Nye tiltak for 291 millionar kroner", ``spend_for_nouns``)."""
    if len(before) < 2 or before[0].lower_ != "for":
        return False
    words = {_lemma(before[1]), before[1].lower_}
    return bool(words & lemmas.spend_for_verbs) or (
        before[1].pos_ in ("NOUN", "") and any(_head_match(w, lemmas.spend_for_nouns) for w in words))


@lru_cache(maxsize=4)
def _verb_forms(verbs: frozenset[str]) -> dict[str, str]:
    """Each verb's infinitive, stem and inflected forms (Bokmål and Nynorsk) -> the infinitive.

    The tagger gives some participles a wrong lemma ("bevilget" -> "bevilg", tagged NOUN), so the forms
    are matched too: "bevilget", "bevilga", "løyvd", "løyvt", "løyver", "bevilges", "løyvast".
    """
    forms: dict[str, str] = {}
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        for form in (verb, stem, stem + "et", stem + "t", stem + "d", stem + "a", stem + "er", stem + "es",
                     stem + "ast", stem + "ar", verb + "r", verb + "s"):
            forms.setdefault(form, verb)
    return forms


@lru_cache(maxsize=4)
def _particles(pairs: frozenset[str]) -> dict[str, str]:
    """ "sette av", "lyse ut" -> {"sette": "av", "lyse": "ut"}: the particle each whole verb needs."""
    return dict(pair.split() for pair in pairs)


def _change_named(before: list[Token], after: list[Token], lemmas: ContextLemmas) -> AmountKind | None:
    """A change noun names the amount: "N kroner i (varig) styrking av ...", "reduksjon i kostnader på N",
    "ekstra finansiering på N", "en rammeøkning ... på N" (the noun may end a compound), "Økningen er på N"."""
    if len(after) > 1 and after[0].lower_ == "i":
        kind = _change_of(next((t for t in after[1:3] if t.pos_ not in ("ADJ", "DET")), None), lemmas)
        if kind is not None:
            return kind
    for i, token in enumerate(after[:-1]):  # "150 millioner kroner ... til kommunene gjennom en økning i rammen"
        if token.lower_ == "gjennom":
            kind = _change_of(next((t for t in after[i + 1:i + 4] if t.pos_ not in ("ADJ", "DET")), None), lemmas)
            if kind is not None:
                return kind
            break
    if before and _lemma(before[0]) == "på":
        for i, token in enumerate(before[1:7], start=1):
            if _is_copula(token, lemmas):  # "Auken er på 12 millionar": the change noun is the copula's subject
                kind = _change_of(next((t for t in before[i + 1:i + 3] if t.pos_ in ("NOUN", "PROPN")), None), lemmas)
                if kind is not None:
                    return kind
                break
            if token.pos_ == "VERB":
                break
            if token.pos_ in ("NOUN", "PROPN") or not token.pos_:
                if _is(token, lemmas.increase) or any(t.lower_ in lemmas.extra_words for t in before[i + 1:i + 3]):
                    return AmountKind.INCREASE  # "en rammeøkning ... på 70,5 millioner", "ekstra finansiering på"
                if _is(token, lemmas.reduction):
                    return AmountKind.REDUCTION  # "reduksjon i kostnader på 800'"
    return None


def _change_of(token: Token | None, lemmas: ContextLemmas) -> AmountKind | None:
    """Increase when ``token`` is a word of increase (or a compound ending in one), Reduction when it is one of
    reduction, else None."""
    if token is not None and _is(token, lemmas.increase):
        return AmountKind.INCREASE
    if token is not None and _is(token, lemmas.reduction):
        return AmountKind.REDUCTION
    return None


def _in_funds(after: list[Token], lemmas: ContextLemmas) -> bool:
    """ "N kroner i (øremerkede) tilskuddsmidler / i skjønsmidlar / i tilskot": the sum of a grant's funds."""
    if len(after) < 2 or after[0].lower_ != "i":
        return False
    noun = next((t for t in after[1:3] if t.pos_ not in ("ADJ", "DET")), None)
    return (noun is not None and (_is(noun, lemmas.grant_heads) or _is(noun, lemmas.fund_words))
            and not _is(noun, lemmas.not_total_heads))


def _named_frame(before: list[Token], lemmas: ContextLemmas) -> bool:
    """ "... er ramma 2 190 000 kroner": a copula, then a definite budget noun right before the amount."""
    return (len(before) > 1 and _is_copula(before[1], lemmas) and _definite(before[0])
            and _is(before[0], lemmas.total_heads) and not _is(before[0], lemmas.not_total_heads)
            and not _is(before[0], lemmas.article_sensitive))


def granted(doc: Doc, start: int, end: int, *, lemmas: ContextLemmas | None = None) -> bool:
    """True when a granting, setting-aside, paying-out or announcing verb governs the amount at ``[start, end)``
    ("Vi deler ut nesten 19 millioner kroner", "Det er bevilget 5 millioner"): money given out by the text's
    own act, so the year it was published in applies when no other year does."""
    lemmas = lemmas or default_lemmas()
    clause = _clause(doc, start, end)
    return clause is not None and _granted_whole(*clause, lemmas)


def received(doc: Doc, start: int, end: int, *, lemmas: ContextLemmas | None = None) -> bool:
    """True when a receiving verb is the nearest verb before the amount at ``[start, end)`` in its clause ("Elverum
    får 50 000 kroner til ...", "De mottar 10 000 kroner til ..."): a recipient's share of what the text hands out,
    so the year it was published in applies when no other year does (its kind stays unspecified)."""
    lemmas = lemmas or default_lemmas()
    clause = _clause(doc, start, end)
    if clause is None:
        return False
    for token in clause[0]:
        if _lemma(token) in lemmas.receive_verbs or token.lower_ in lemmas.receive_verbs:
            return True
        if token.pos_ == "VERB":
            return False
    return False


def allocating_intro(doc: Doc, start: int, end: int, *, lemmas: ContextLemmas | None = None) -> bool:
    """True when the text at ``[start, end)`` (a list's introduction) hands a sum out with a verb (``list_verbs``:
    "Styret vedtar at midlene ... fordeles på følgende måte:", "Det er sett av midlar til desse tiltaka:")."""
    lemmas = lemmas or default_lemmas()
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in span if span is not None else ():
        if token.pos_ not in ("VERB", "AUX") or _lemma(token) not in lemmas.list_verbs:
            continue
        if _lemma(token) not in ("sette", "setje") or token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "av":
            return True
    return False


def change_named(doc: Doc, start: int, end: int, *, lemmas: ContextLemmas | None = None) -> AmountKind | None:
    """The change the text at ``[start, end)`` (a list's introduction) names for its sums: a change noun ("økning i
    basisbevilgningen på:", "reduksjon") or a change verb with "med" after it ("Vi aukar løyvinga med:").

    Increase when it names an increase, Reduction a reduction, else None; a change verb without "med" ("tiltak
    for å styrke ...") names a purpose, not a change.
    """
    lemmas = lemmas or default_lemmas()
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    for i, token in enumerate(tokens):
        lemma = _lemma(token)
        kind = (AmountKind.INCREASE if lemma in lemmas.increase else AmountKind.REDUCTION if lemma in lemmas.reduction
                else None)
        if kind is None:
            continue
        if token.pos_ in ("NOUN", "PROPN") or any(t.lower_ == "med" for t in tokens[i + 1:]):
            return kind
    return None


def yearless_context(doc: Doc, start: int, end: int, *, lemmas: ContextLemmas | None = None) -> bool:
    """True when the amount's clause names a cost or loan frame or an investment (no single fiscal year).

    "Kostnadsrammen for prosjektet er satt til 780 millioner kroner", "eit lån på inntil 1,7
    milliardar", "investere 9,5 millionar kroner i ombygging", "med ei ramme på 120 millionar".
    """
    lemmas = lemmas or default_lemmas()
    clause = _clause(doc, start, end)
    if clause is None:
        return False
    for token in [*clause[0], *clause[1]]:
        forms = _forms(token)
        if (_is(token, lemmas.yearless_heads) or any(f in lemmas.yearless_exact for f in forms)
                or any(forms[0].startswith(p) and len(forms[0]) > len(p) + 2 for p in lemmas.yearless_prefixes)):
            return True
    return False


def has_cue(doc: Doc, start: int, end: int, words: str, *, lemmas: ContextLemmas | None = None) -> bool:
    """True when a token in ``[start, end)`` matches the ``context_lemmas`` list ``words`` (compounds too)."""
    lemmas = lemmas or default_lemmas()
    heads = getattr(lemmas, words)
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(_is(t, heads) for t in span)
