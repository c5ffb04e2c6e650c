"""Evaluation against hand-made gold annotations: precision, recall and F1 per fact type.

The gold lives in ``gold/`` (format and annotation guidelines: ``gold/README.md``, matching rules:
``docs/evaluation.md``). Predictions are read from the graph **only** through the public vocabulary
(``/work/shared/spec/vocabulary.md``), with SPARQL, one document at a time, so the evaluation judges
what a researcher querying the graph would get, whatever the pipeline does inside.

Labels are matched leniently: normalised (casefolded, punctuation dropped, Norwegian letters kept)
token sets match when their Jaccard overlap is at least 0.5, or when one set contains the other and
the smaller one holds a content word:

>>> tokens("Helse- og omsorgsdepartementet")
('helse', 'og', 'omsorgsdepartementet')
>>> label_score("Regjeringen", "Regjeringen Solberg")
0.5
>>> label_score("Helse Vest", "Helse Bergen") is None
True
>>> label_score("og", "Helse og omsorg") is None
True

Gold and predicted facts are paired one-to-one, greedily by best score:

>>> match([("Menn i helse",), ("Pilot Helse",)], [("Pilot Helse for helseinnovasjon",)], lambda g, p: label_score(g[0], p[0]))
[(1, 0)]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph

FACT_TYPES: tuple[str, ...] = (
    "actor", "person_role", "amount", "amount_attributes", "quantity", "measure", "funding", "proposer",
    "goal", "target_group", "quote", "recommendation", "addresses",
)
QUALIFIERS = ("Exact", "Approximately", "UpTo", "AtLeast", "MoreThan", "LessThan")
KINDS = ("Increase", "Reduction", "Total", "Unspecified")
LANGUAGES = ("nb", "nn")

#: Function words of Bokmål and Nynorsk: a label made of these alone never matches by containment.
STOPWORDS = frozenset("""
og i for til av på med å som en ei et eit ein det den dei de der er at om fra frå ved vi har skal vil kan
seg sin sitt sine ikke ikkje så men eller her inn ut mot under over etter nå no også blir vert vart ble
være vere bli ny nye nytt mer meir mest flere fleire alle andre anna annen hele heile
""".split())

_TOKEN = re.compile(r"[^\W_]+")


class GoldError(ValueError):
    """An annotation file that cannot be used; the message names the file and the problem."""


# --------------------------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldActor:
    label: str
    kind: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldAmount:
    text: str
    value: Decimal
    qualifier: str = "Exact"
    kind: str = "Unspecified"
    year: int | None = None


@dataclass(frozen=True)
class GoldQuantity:
    text: str
    value: Decimal
    unit: str


@dataclass(frozen=True)
class GoldMeasure:
    label: str
    amounts: tuple[Decimal, ...] = ()
    goals: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    proposer: str | None = None


@dataclass(frozen=True)
class GoldQuote:
    speaker: str
    text: str


@dataclass(frozen=True)
class GoldRecommendation:
    label: str
    by: str | None = None
    theme: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """The hand-made annotation of one document; ``path`` is the text file it annotates."""

    annotation: Path
    path: Path
    language: str
    actors: tuple[GoldActor, ...] = ()
    amounts: tuple[GoldAmount, ...] = ()
    quantities: tuple[GoldQuantity, ...] = ()
    measures: tuple[GoldMeasure, ...] = ()
    goals: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    recommendations: tuple[GoldRecommendation, ...] = ()
    addresses: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.path.name


_KEYS = {"file", "language", "actors", "amounts", "quantities", "measures", "goals", "target_groups", "quotes",
         "recommendations", "addresses", "notes"}


def load_gold(gold_dir: str | os.PathLike[str]) -> list[GoldDocument]:
    """Every annotation in ``gold_dir/annotations/*.json``, validated, sorted by file name.

    Raises:
        GoldError: the folder has no annotations, or a file is malformed (the message names it).
    """
    folder = Path(gold_dir) / "annotations"
    files = sorted(folder.glob("*.json"))
    if not files:
        raise GoldError(f"{folder}: no annotation files (*.json). Give the gold folder, e.g. 'gold/'.")
    documents = [load_annotation(path) for path in files]
    seen: dict[str, Path] = {}
    for doc in documents:
        if doc.name in seen:
            raise GoldError(f"{doc.annotation}: annotates {doc.name}, which {seen[doc.name]} annotates already.")
        seen[doc.name] = doc.annotation
    return documents


def load_annotation(path: str | os.PathLike[str]) -> GoldDocument:
    """One annotation file, validated; see ``gold/README.md`` for the format."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: cannot read the annotation as UTF-8 JSON ({err}).") from None
    check = _Checker(path)
    check.that(isinstance(data, dict), "the top level must be a JSON object")
    unknown = set(data) - _KEYS
    check.that(not unknown, f"unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    file = check.string(data.get("file"), "file")
    text_path = (path.parent / file).resolve()
    check.that(text_path.is_file(), f"'file' points at {text_path}, which does not exist")
    language = data.get("language")
    check.that(language in LANGUAGES, f"'language' must be one of {LANGUAGES}, not {language!r}")
    text = " ".join(text_path.read_text(encoding="utf-8").split())

    actors = []
    for i, item in enumerate(check.items(data, "actors")):
        where = f"actors[{i}]"
        kind = item.get("kind")
        check.that(kind in ("organisation", "person"), f"{where}.kind must be 'organisation' or 'person'")
        roles = tuple(check.string(r, f"{where}.roles") for r in item.get("roles", []))
        check.that(not roles or kind == "person", f"{where}: only persons have roles")
        actors.append(GoldActor(check.string(item.get("label"), f"{where}.label"), kind, roles))

    amounts = []
    for i, item in enumerate(check.items(data, "amounts")):
        where = f"amounts[{i}]"
        surface = check.string(item.get("text"), f"{where}.text")
        check.that(" ".join(surface.split()) in text, f"{where}.text {surface!r} does not occur in {file}")
        qualifier, kind = item.get("qualifier", "Exact"), item.get("kind", "Unspecified")
        check.that(qualifier in QUALIFIERS, f"{where}.qualifier must be one of {QUALIFIERS}")
        check.that(kind in KINDS, f"{where}.kind must be one of {KINDS}")
        year = item.get("year")
        check.that(year is None or (isinstance(year, int) and 1900 < year < 2100), f"{where}.year must be a year")
        amounts.append(GoldAmount(surface, check.decimal(item.get("value"), f"{where}.value"), qualifier, kind, year))

    quantities = []
    for i, item in enumerate(check.items(data, "quantities")):
        where = f"quantities[{i}]"
        surface = check.string(item.get("text"), f"{where}.text")
        check.that(" ".join(surface.split()) in text, f"{where}.text {surface!r} does not occur in {file}")
        quantities.append(GoldQuantity(surface, check.decimal(item.get("value"), f"{where}.value"),
                                       check.string(item.get("unit"), f"{where}.unit")))

    money = {a.value for a in amounts}
    measures = []
    for i, item in enumerate(check.items(data, "measures")):
        where = f"measures[{i}]"
        values = tuple(check.decimal(v, f"{where}.amounts") for v in item.get("amounts", []))
        for value in values:
            check.that(value in money, f"{where}.amounts: {value} is not the value of any entry in 'amounts'")
        proposer = item.get("proposer")
        measures.append(GoldMeasure(
            check.string(item.get("label"), f"{where}.label"), values,
            tuple(check.string(g, f"{where}.goals") for g in item.get("goals", [])),
            tuple(check.string(t, f"{where}.target_groups") for t in item.get("target_groups", [])),
            None if proposer is None else check.string(proposer, f"{where}.proposer"),
        ))

    quotes = []
    for i, item in enumerate(check.items(data, "quotes")):
        where = f"quotes[{i}]"
        quoted = check.string(item.get("text"), f"{where}.text")
        check.that(" ".join(quoted.split()) in text, f"{where}.text does not occur verbatim in {file}")
        quotes.append(GoldQuote(check.string(item.get("speaker"), f"{where}.speaker"), quoted))

    recommendations = []
    for i, item in enumerate(check.items(data, "recommendations")):
        where = f"recommendations[{i}]"
        recommendations.append(GoldRecommendation(check.string(item.get("label"), f"{where}.label"),
                                                  item.get("by"), item.get("theme")))
    addresses = []
    for i, item in enumerate(check.items(data, "addresses")):
        where = f"addresses[{i}]"
        addresses.append((check.string(item.get("measure"), f"{where}.measure"),
                          check.string(item.get("recommendation"), f"{where}.recommendation")))

    return GoldDocument(
        annotation=path, path=text_path, language=language, actors=tuple(actors), amounts=tuple(amounts),
        quantities=tuple(quantities), measures=tuple(measures),
        goals=tuple(check.string(g, "goals") for g in data.get("goals", [])),
        target_groups=tuple(check.string(t, "target_groups") for t in data.get("target_groups", [])),
        quotes=tuple(quotes), recommendations=tuple(recommendations), addresses=tuple(addresses),
    )


class _Checker:
    def __init__(self, path: Path) -> None:
        self.path = path

    def that(self, condition: bool, problem: str) -> None:
        if not condition:
            raise GoldError(f"{self.path}: {problem}. See gold/README.md for the annotation format.")

    def string(self, value: Any, where: str) -> str:
        self.that(isinstance(value, str) and value.strip() != "", f"{where} must be a non-empty string")
        return value

    def decimal(self, value: Any, where: str) -> Decimal:
        self.that(isinstance(value, str), f"{where} must be a string such as \"53000000\" (exact decimal)")
        try:
            return Decimal(value)
        except InvalidOperation:
            self.that(False, f"{where}: {value!r} is not a decimal number")
            raise  # unreachable

    def items(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        items = data.get(key, [])
        self.that(isinstance(items, list) and all(isinstance(i, dict) for i in items),
                  f"'{key}' must be a list of objects")
        return items


# ----------------------------------------------------------------------------------------- matching


def tokens(text: str) -> tuple[str, ...]:
    """Casefolded word tokens of ``text``; punctuation and hyphens separate, Norwegian letters are kept."""
    return tuple(_TOKEN.findall(text.casefold()))


def label_score(gold: str, predicted: str) -> float | None:
    """The Jaccard overlap of the two token sets when they match leniently, else None.

    They match when the Jaccard overlap is at least 0.5, or when one token set contains the other and
    the smaller set has a content word (a token that is not a function word).
    """
    a, b = set(tokens(gold)), set(tokens(predicted))
    if not a or not b:
        return None
    jaccard = len(a & b) / len(a | b)
    if jaccard >= 0.5:
        return jaccard
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if small <= large and small - STOPWORDS:
        return jaccard
    return None


#: Ways of writing "per cent": the sign is not a token, so "%" would never match "prosent".
_PERCENT = frozenset({"%", "prosent", "pst", "pst."})


def _unit_word(unit: str) -> str:
    """The last word of a unit; "%" and its abbreviations read as "prosent"."""
    stripped = unit.strip().lower()
    if stripped in _PERCENT or stripped.endswith("%"):
        return "prosent"
    return (tokens(unit) or ("",))[-1]


def units_match(gold: str, predicted: str) -> bool:
    """Counted nouns match when their last words share a prefix of 5 letters (or the whole shorter word).

    >>> units_match("stillinger", "nye stillingene"), units_match("plassar", "plasser"), units_match("år", "årsverk")
    (True, True, False)
    >>> units_match("%", "prosent"), units_match("pst.", "%"), units_match("%", "plasser")
    (True, True, False)
    """
    a, b = _unit_word(gold), _unit_word(predicted)
    common = len(os.path.commonprefix([a, b]))
    return common >= min(5, len(a), len(b)) and (common >= 5 or a == b)


Scorer = Callable[[Any, Any], "float | None"]


def match(gold: Sequence[Any], predicted: Sequence[Any], score: Scorer) -> list[tuple[int, int]]:
    """Pair gold and predicted items one-to-one, greedily by best score (ties: earlier items first)."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            s = score(g, p)
            if s is not None:
                candidates.append((-s, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _both(*scores: float | None) -> float | None:
    return None if any(s is None for s in scores) else sum(scores) / len(scores)  # type: ignore[arg-type]


def _opt_label(gold: str | None, predicted: str | None) -> float | None:
    """A gold fact without a measure matches whatever the prediction links to."""
    if gold is None:
        return 1.0
    return None if predicted is None else label_score(gold, predicted)


def _equal(a: Any, b: Any) -> float | None:
    return 1.0 if a == b else None


def actor_score(gold: str, predicted: str) -> float | None:
    """:func:`label_score`, and 1.0 for two names of one actor of the shipped gazetteer: its label, Nynorsk label or an
    alias ("Bufdir" and "Barne-, ungdoms- og familiedirektoratet", "Statsforvalteren" and "Statsforvaltaren")."""
    score = label_score(gold, predicted)
    if score is not None:
        return score
    known = _gazetteer_id(gold)
    return 1.0 if known is not None and known == _gazetteer_id(predicted) else None


@lru_cache(maxsize=1 << 14)
def _gazetteer_id(name: str) -> str | None:
    from helsekg.nlp.actors import load_gazetteer

    entry = load_gazetteer().lookup(name)
    return entry.id if entry is not None else None


#: How a gold fact and a predicted fact (both tuples, see ``gold_facts``/``predicted_facts``) are scored.
SCORERS: dict[str, Scorer] = {
    "actor": lambda g, p: actor_score(g[0], p[0]),
    "person_role": lambda g, p: _both(label_score(g[0], p[0]), label_score(g[1], p[1])),
    "amount": lambda g, p: _equal(g[0], p[0]),
    "amount_attributes": _equal,
    "quantity": lambda g, p: 1.0 if g[0] == p[0] and units_match(g[1], p[1]) else None,
    "measure": lambda g, p: label_score(g[0], p[0]),
    "funding": lambda g, p: label_score(g[0], p[0]) if g[1] == p[1] else None,
    "proposer": lambda g, p: _both(label_score(g[0], p[0]), actor_score(g[1], p[1])),
    "goal": lambda g, p: _both(_opt_label(g[0], p[0]), label_score(g[1], p[1])),
    "target_group": lambda g, p: _both(_opt_label(g[0], p[0]), label_score(g[1], p[1])),
    "quote": lambda g, p: _both(actor_score(g[0], p[0]), label_score(g[1], p[1])),
    "recommendation": lambda g, p: label_score(g[0], p[0]),
    "addresses": lambda g, p: _both(label_score(g[0], p[0]), label_score(g[1], p[1])),
}


def gold_facts(doc: GoldDocument) -> dict[str, list[tuple]]:
    """The gold facts of one document per fact type, as tuples comparable with ``predicted_facts``."""
    facts: dict[str, list[tuple]] = {t: [] for t in FACT_TYPES}
    for actor in doc.actors:
        facts["actor"].append((actor.label,))
        facts["person_role"] += [(actor.label, role) for role in actor.roles]
    for amount in doc.amounts:
        facts["amount"].append((amount.value,))
        facts["amount_attributes"].append((amount.value, amount.qualifier, amount.kind, amount.year))
    facts["quantity"] = [(q.value, q.unit) for q in doc.quantities]
    for m in doc.measures:
        facts["measure"].append((m.label,))
        facts["funding"] += [(m.label, value) for value in m.amounts]
        if m.proposer:
            facts["proposer"].append((m.label, m.proposer))
        facts["goal"] += [(m.label, goal) for goal in m.goals]
        facts["target_group"] += [(m.label, group) for group in m.target_groups]
    facts["goal"] += [(None, goal) for goal in doc.goals]
    facts["target_group"] += [(None, group) for group in doc.target_groups]
    facts["quote"] = [(q.speaker, q.text) for q in doc.quotes]
    facts["recommendation"] = [(r.label,) for r in doc.recommendations]
    facts["addresses"] = list(doc.addresses)
    return facts


# SPARQL over the public vocabulary only. ``$DOC`` is replaced by the document's IRI.
_NODE_IN_DOC = "?{v} hkg:hasMention/hkg:inDocument $DOC ."
QUERIES: dict[str, str] = {
    # an actor is known by its label and by every name the document writes it with ("Bufdir" for the
    # directorate labelled "Barne-, ungdoms- og familiedirektoratet"): the anchor texts of its mentions there
    "actor": """SELECT DISTINCT ?x ?label WHERE { ?x a hkg:Actor ; hkg:mentionedIn $DOC .
        { ?x rdfs:label ?label } UNION { ?x hkg:hasMention ?n . ?n hkg:inDocument $DOC ; hkg:anchorText ?label } }""",
    # the roles this document states (hkg:statedRole of its mentions), not the person's roles in other documents
    "person_role": """SELECT DISTINCT ?x ?label ?role WHERE {
        ?x a hkg:Person ; rdfs:label ?label ; hkg:hasMention ?m . ?m hkg:inDocument $DOC ; hkg:statedRole ?role . }""",
    "amount": """SELECT DISTINCT ?x ?value ?qualifier ?kind ?year WHERE {
        ?x a hkg:MonetaryAmount ; schema:value ?value . """ + _NODE_IN_DOC.format(v="x") + """
        OPTIONAL { ?x hkg:qualifier ?qualifier } OPTIONAL { ?x hkg:amountKind ?kind }
        OPTIONAL { ?x hkg:fiscalYear ?year } }""",
    "quantity": """SELECT DISTINCT ?x ?value ?unit WHERE {
        ?x a hkg:Quantity ; schema:value ?value . """ + _NODE_IN_DOC.format(v="x") + """
        OPTIONAL { ?x schema:unitText ?unit } }""",
    "measure": """SELECT DISTINCT ?x ?label WHERE { ?x a hkg:Measure ; rdfs:label ?label ; hkg:mentionedIn $DOC . }""",
    "funding": """SELECT DISTINCT ?m ?label ?a ?value WHERE {
        ?m a hkg:Measure ; rdfs:label ?label ; hkg:mentionedIn $DOC ; hkg:hasFunding ?a .
        ?a schema:value ?value . """ + _NODE_IN_DOC.format(v="a") + " }",
    "proposer": """SELECT DISTINCT ?m ?label ?p ?actor WHERE {
        ?m a hkg:Measure ; rdfs:label ?label ; hkg:mentionedIn $DOC ; hkg:proposedBy ?p .
        ?p hkg:mentionedIn $DOC .
        { ?p rdfs:label ?actor } UNION { ?p hkg:hasMention ?n . ?n hkg:inDocument $DOC ; hkg:anchorText ?actor } }""",
    "goal": """SELECT DISTINCT ?g ?label ?m ?measure WHERE {
        ?g a hkg:Goal ; rdfs:label ?label ; hkg:mentionedIn $DOC .
        OPTIONAL { ?m hkg:hasGoal ?g ; rdfs:label ?measure ; hkg:mentionedIn $DOC . } }""",
    "target_group": """SELECT DISTINCT ?t ?label ?m ?measure WHERE {
        ?t a hkg:TargetGroup ; rdfs:label ?label ; hkg:mentionedIn $DOC .
        OPTIONAL { ?m hkg:targets ?t ; rdfs:label ?measure ; hkg:mentionedIn $DOC . } }""",
    "quote": """SELECT DISTINCT ?q ?text ?speaker WHERE {
        ?q a hkg:Quote ; hkg:mentionedIn $DOC . OPTIONAL { ?q hkg:quoteText ?text }
        OPTIONAL { ?q hkg:statedBy/rdfs:label ?speaker } }""",
    "recommendation": """SELECT DISTINCT ?r ?label WHERE {
        ?r a hkg:Recommendation ; rdfs:label ?label ; hkg:mentionedIn $DOC . }""",
    "addresses": """SELECT DISTINCT ?m ?measure ?r ?label WHERE {
        ?m hkg:addresses ?r ; rdfs:label ?measure ; hkg:mentionedIn $DOC .
        ?r rdfs:label ?label ; hkg:mentionedIn $DOC . }""",
}


def _local(term: str | None) -> str | None:
    return None if term is None else re.split(r"[#:/]", term)[-1]


def predicted_facts(store: Any, doc_iri: str) -> dict[str, list[tuple]]:
    """The facts the graph states about one document, per fact type (see ``QUERIES``).

    A node with several labels (an actor named "Regjeringen"@nb in one document and "Regjeringa"@nn in
    another, a goal linked to several measures) yields one row per combination; it counts as one
    prediction (:class:`Alternatives`), scored by its best-matching row.
    """
    from helsekg.query.sparql import query

    def rows(name: str) -> list[dict[str, str | None]]:
        return query(store, QUERIES[name].replace("$DOC", f"<{doc_iri}>")).records()

    def grouped(name: str, key: Callable[[dict], Any], fact: Callable[[dict], tuple]) -> list[Alternatives]:
        seen: dict[Any, list[tuple]] = {}
        for row in sorted(rows(name), key=lambda r: tuple(str(v) for v in r.values())):
            alternatives = seen.setdefault(key(row), [])
            if fact(row) not in alternatives:
                alternatives.append(fact(row))
        return sorted((Alternatives(a) for a in seen.values()), key=lambda f: tuple(str(v) for v in f))

    def dec(value: str | None) -> Decimal | None:
        try:
            return None if value is None else Decimal(value).normalize()
        except InvalidOperation:
            return None

    facts: dict[str, list[tuple]] = {}
    facts["actor"] = grouped("actor", lambda r: r["x"], lambda r: (r["label"],))
    facts["person_role"] = grouped("person_role", lambda r: (r["x"], r["role"]), lambda r: (r["label"], r["role"]))
    amount_rows = grouped("amount", lambda r: r["x"], lambda r: (
        dec(r["value"]), _local(r["qualifier"]), _local(r["kind"]), None if r["year"] is None else int(r["year"][:4])))
    facts["amount"] = [Alternatives([(f[0],) for f in a.alternatives]) for a in amount_rows]
    facts["amount_attributes"] = amount_rows
    facts["quantity"] = grouped("quantity", lambda r: r["x"], lambda r: (dec(r["value"]), r["unit"] or ""))
    facts["measure"] = grouped("measure", lambda r: r["x"], lambda r: (r["label"],))
    # one prediction per (measure node, value): the gold lists the values that fund a measure, each once, so a
    # table row that repeats a sum in every year column funds its measure with that value once
    facts["funding"] = grouped("funding", lambda r: (r["m"], dec(r["value"])), lambda r: (r["label"], dec(r["value"])))
    facts["proposer"] = grouped("proposer", lambda r: (r["m"], r["p"]), lambda r: (r["label"], r["actor"]))
    # one prediction per (goal, measure node): a measure with two labels ("Folkehelseprogrammet ..." and
    # "folkehelseprogrammet ...") gives alternatives, not two facts
    facts["goal"] = grouped("goal", lambda r: (r["g"], r["m"]), lambda r: (r["measure"], r["label"]))
    facts["target_group"] = grouped("target_group", lambda r: (r["t"], r["m"]),
                                    lambda r: (r["measure"], r["label"]))
    facts["quote"] = grouped("quote", lambda r: r["q"], lambda r: (r["speaker"] or "", r["text"] or ""))
    facts["recommendation"] = grouped("recommendation", lambda r: r["r"], lambda r: (r["label"],))
    facts["addresses"] = grouped("addresses", lambda r: (r["m"], r["r"]), lambda r: (r["measure"], r["label"]))
    return facts


class Alternatives(tuple):
    """One predicted node: its first fact tuple, plus every alternative reading in ``alternatives``.

    >>> a = Alternatives([("Regjeringa",), ("Regjeringen",)])
    >>> a, a.alternatives
    (('Regjeringa',), (('Regjeringa',), ('Regjeringen',)))
    """

    alternatives: tuple[tuple, ...]

    def __new__(cls, alternatives: Iterable[tuple]) -> Alternatives:
        options = tuple(alternatives)
        self = super().__new__(cls, options[0])
        self.alternatives = options
        return self


def _best(scorer: Scorer, gold: tuple, predicted: tuple) -> float | None:
    options = predicted.alternatives if isinstance(predicted, Alternatives) else (predicted,)
    scores = [s for s in (scorer(gold, option) for option in options) if s is not None]
    return max(scores) if scores else None


def annotation_facts(doc: GoldDocument) -> dict[str, list[tuple]]:
    """The facts of one annotation as :func:`score_document` compares them: to score one annotator against
    another (inter-annotator agreement, ``gold/real/agreement.py``) as helsekg is scored against the gold."""
    return _normalise_gold(gold_facts(doc))


def _normalise_gold(facts: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    def norm(v: Any) -> Any:
        return v.normalize() if isinstance(v, Decimal) else v

    return {t: [tuple(norm(v) for v in f) for f in fs] for t, fs in facts.items()}


# ------------------------------------------------------------------------------------------ scoring


@dataclass
class Score:
    """Counts of one fact type; precision, recall and F1 are None (n/a) when there is nothing to count."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct

    @property
    def applicable(self) -> bool:
        return bool(self.gold or self.predicted)

    @property
    def precision(self) -> float | None:
        return None if not self.applicable else (self.correct / self.predicted if self.predicted else 0.0)

    @property
    def recall(self) -> float | None:
        return None if not self.applicable else (self.correct / self.gold if self.gold else 0.0)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {"gold": self.gold, "predicted": self.predicted, "correct": self.correct,
                "precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1)}


@dataclass
class DocumentResult:
    """The outcome for one gold document: counts, and what was missed or wrongly predicted."""

    name: str
    language: str
    found: bool
    scores: dict[str, Score]
    missed: dict[str, list[tuple]] = field(default_factory=dict)
    spurious: dict[str, list[tuple]] = field(default_factory=dict)


@dataclass
class EvaluationReport:
    """Micro-averaged scores per fact type over all documents, per language, and per document."""

    documents: list[DocumentResult]
    problems: list[str] = field(default_factory=list)

    def totals(self, language: str | None = None) -> dict[str, Score]:
        totals = {t: Score() for t in FACT_TYPES}
        for doc in self.documents:
            if language is None or doc.language == language:
                for t in FACT_TYPES:
                    totals[t].add(doc.scores[t])
        return totals

    def f1(self) -> dict[str, float | None]:
        """F1 per fact type (None: n/a, no gold and no predictions)."""
        return {t: s.f1 for t, s in self.totals().items()}

    def below(self, floors: dict[str, float]) -> list[str]:
        """Fact types whose F1 is below its floor (an n/a fact type counts as 0.0)."""
        f1 = self.f1()
        return [f"{t}: F1 {f1.get(t) or 0.0:.3f} < floor {floor:.2f}" for t, floor in sorted(floors.items())
                if (f1.get(t) or 0.0) < floor - 1e-9]

    def table(self, *, errors: bool = False) -> str:
        """The scores as a text table (all documents, then nb and nn), optionally with every error."""
        langs = {d.language for d in self.documents}
        counts = ", ".join(f"{sum(d.language == lang for d in self.documents)} {lang}" for lang in LANGUAGES)
        lines = [f"helsekg evaluation: {len(self.documents)} gold documents ({counts})", ""]
        header = f"{'fact type':<18} {'gold':>5} {'pred':>5} {'ok':>5}   {'P':>5} {'R':>5} {'F1':>5}"
        per_lang = [lang for lang in LANGUAGES if lang in langs]
        header += "".join(f"   {'F1 ' + lang:>6}" for lang in per_lang)
        lines += [header, "-" * len(header)]
        by_lang = {lang: self.totals(lang) for lang in per_lang}
        for t, s in self.totals().items():
            row = f"{t:<18} {s.gold:>5} {s.predicted:>5} {s.correct:>5}   "
            row += " ".join(_fmt(x) for x in (s.precision, s.recall, s.f1))
            row += "".join(f"   {_fmt(by_lang[lang][t].f1):>6}" for lang in per_lang)
            lines.append(row)
        if self.problems:
            lines += ["", "Problems:"] + [f"  {p}" for p in self.problems]
        if errors:
            for doc in self.documents:
                wrong = [(t, "missed", f) for t in FACT_TYPES for f in doc.missed.get(t, [])]
                wrong += [(t, "spurious", f) for t in FACT_TYPES for f in doc.spurious.get(t, [])]
                if wrong:
                    lines += ["", f"{doc.name} ({doc.language})"]
                    lines += [f"  {kind:<8} {t:<17} {_show(f)}" for t, kind, f in wrong]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "languages": {lang: sum(d.language == lang for d in self.documents) for lang in LANGUAGES},
            "scores": {t: s.to_dict() for t, s in self.totals().items()},
            "by_language": {lang: {t: s.to_dict() for t, s in self.totals(lang).items()} for lang in LANGUAGES},
            "by_document": {d.name: {"language": d.language, "found": d.found,
                                     "scores": {t: s.to_dict() for t, s in d.scores.items()},
                                     "missed": {t: [_show(f) for f in fs] for t, fs in d.missed.items() if fs},
                                     "spurious": {t: [_show(f) for f in fs] for t, fs in d.spurious.items() if fs}}
                            for d in self.documents},
            "problems": list(self.problems),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def _show(fact: tuple) -> str:
    parts = []
    for v in fact:
        text = "-" if v is None else f"{v:f}" if isinstance(v, Decimal) else str(v)
        parts.append(text if len(text) <= 70 else text[:69] + "…")
    return " | ".join(parts)


def score_document(gold: dict[str, list[tuple]], predicted: dict[str, list[tuple]]) -> tuple[
        dict[str, Score], dict[str, list[tuple]], dict[str, list[tuple]]]:
    """Scores, missed gold facts and spurious predictions of one document."""
    scores, missed, spurious = {}, {}, {}
    for t in FACT_TYPES:
        g, p = gold.get(t, []), predicted.get(t, [])
        pairs = match(g, p, lambda gold_fact, predicted_fact, t=t: _best(SCORERS[t], gold_fact, predicted_fact))
        scores[t] = Score(len(g), len(p), len(pairs))
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        missed[t] = [f for i, f in enumerate(g) if i not in matched_g]
        spurious[t] = [f for j, f in enumerate(p) if j not in matched_p]
    return scores, missed, spurious


def evaluate(gold_dir: str | os.PathLike[str], graph: Graph | str | os.PathLike[str] | None = None, *,
             nlp: Any = None, documents: Iterable[GoldDocument] | None = None) -> EvaluationReport:
    """Score a graph (extracted now from the gold documents' files when ``graph`` is None) against the gold.

    Args:
        gold_dir: the gold folder (``annotations/*.json``).
        graph: an rdflib Graph or RDF file holding the gold documents; None extracts them.
        nlp: the pipeline used when extracting (``helsekg.load()`` when None).
        documents: evaluate these gold documents only (default: all in ``gold_dir``).
    """
    from helsekg.query.sparql import load_store, query

    docs = list(load_gold(gold_dir) if documents is None else documents)
    problems: list[str] = []
    if graph is None:
        from helsekg.api import extract_paths

        result = extract_paths([d.path for d in docs], nlp=nlp, check=False)
        problems += [f"extraction failed: {f}" for f in result.failures]
        graph = result.graph
    store = load_store(graph)
    sources: dict[str, list[tuple[str, str]]] = {}
    for row in query(store, "SELECT ?d ?src WHERE { ?d a hkg:PolicyDocument ; dcterms:source ?src }").records():
        sources.setdefault(Path(row["src"]).name, []).append((row["d"], row["src"]))
    results = []
    for doc in docs:
        candidates = sources.get(doc.name, [])
        exact = [c for c in candidates if Path(c[1]).resolve() == doc.path]
        chosen = (exact or sorted(candidates))[:1]
        gold = _normalise_gold(gold_facts(doc))
        if chosen:
            iri = chosen[0][0]
            iri = iri if not iri.startswith("id:") else "https://w3id.org/helsekg/id/" + iri[3:]
            predicted = predicted_facts(store, iri)
        else:
            problems.append(f"{doc.name}: no hkg:PolicyDocument with this dcterms:source in the graph")
            predicted = {t: [] for t in FACT_TYPES}
        scores, missed, spurious = score_document(gold, predicted)
        results.append(DocumentResult(doc.name, doc.language, bool(chosen), scores, missed, spurious))
    return EvaluationReport(results, problems)


def load_floors(path: str | os.PathLike[str]) -> dict[str, float]:
    """The committed F1 floors per fact type (``gold/floors.json``)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: cannot read the floors as JSON ({err}).") from None
    floors = data.get("f1", data) if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(t in FACT_TYPES and isinstance(v, (int, float))
                                               for t, v in floors.items()):
        raise GoldError(f"{path}: expected {{\"f1\": {{fact type: number}}}} with fact types from {FACT_TYPES}.")
    return {t: float(v) for t, v in floors.items()}
