"""Norwegian monetary amounts and counted quantities, parsed from plain policy text.

A pure module (no spaCy): :func:`find_amounts` scans a string and returns :class:`ParsedAmount` value
objects with code-point offsets, :func:`parse_number` reads one number phrase, and
:meth:`ParsedAmount.fromstring` parses one amount phrase. Bokmål and Nynorsk are both covered; every
word list (number words, scale words, currencies, qualifiers, kind cues, time units, stop words)
lives in ``helsekg/data/amount_lexicon.json``.

>>> a = ParsedAmount.fromstring("Samlet foreslås om lag 2,2 milliarder kroner i 2021.")
>>> a.text, a.value, a.qualifier.value, a.kind.value, a.fiscal_year
('om lag 2,2 milliarder kroner', Decimal('2200000000'), 'Approximately', 'Total', 2021)
>>> [(x.text, x.unit) for x in find_amounts("De 100 nye stillingene varer i 12 måneder.")]
[('100 nye stillingene', 'stillingene')]

Decisions (see also ``tests/test_amounts.py``):

* Qualifiers stand directly before the number. ``nesten`` and ``nær(mere)`` are
  :attr:`Qualifier.APPROXIMATELY`: the text gives a value near the number, not a bound. ``drøyt``/``drygt``
  (a little more than) are :attr:`Qualifier.MORE_THAN` and ``knapt``/``snaut`` (a little less than)
  :attr:`Qualifier.LESS_THAN`, as the real-text annotators read them (issue 13, round 23).
  ``over``/``mer enn`` are strict (:attr:`Qualifier.MORE_THAN`), ``inntil``/``høyst`` and
  ``ikke over`` are :attr:`Qualifier.UP_TO`. A range ("3-4 prosjekter") is ``AT_LEAST`` with
  ``value_max`` unless another qualifier is written.
* Kind cues are searched only inside the amount's clause, which ends at a sentence end, a line
  break, a bullet, a spaced dash, a semicolon or a comma followed by space, and never reaches into
  the neighbouring amount. Priority: a cue right before the amount ("økes med", "til en samlet
  bevilgning på"), then right after it ("mer", "meir", "mindre"), then a cue word earlier in the
  clause ("Samlet foreslås ...").
* Fiscal year: a year 1900-2100 in the same clause after a preposition or a budget noun ("i 2021",
  "fra september 2020", "i statsbudsjettet for 2024") or before "-budsjettet"; a year right after a
  capitalised name ("Kompetanseløft 2025") or in a range ("2021-2025") is not one. The first year
  after the amount wins, else the last one before it.
* More Total cues: a counted plural of recipients right after the amount ("til 32 prosjekt",
  "fordelt på fire kommunar"), a line that introduces a bullet list ("... 23,5 millioner kroner i
  2008 til:"), both levels of "fra X til Y", and a multi-year frame. A superlative sum noun before
  a copula bounds the amount ("Minste søknadssum er ..." AtLeast, "maksimal søknadssum er ..." UpTo).
* A yearly running cost ("... i året", "årleg") or a multi-year frame ("i perioden 2010-2013",
  "over fire år", "programmet 2017-2022") gets ``year_scope="none"``: no fiscal year, none to be
  inferred. "fra 2020 til 2021 økte med X" is 2021; "fra A til B fra 2021 til 2022" pairs A/2021,
  B/2022; "hvorav/kvarav N" takes the year of the amount it is part of.
* A bare scale amount ("10 millioner mer til ...") is money unless a counted noun follows
  ("10 millioner innbyggere"). Counts need a counted noun: a bare number is never returned.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from helsekg.resources import load_data
from helsekg.text.layout import line_bounds, lines_above

__all__ = ["ParsedAmount", "AmountKind", "Qualifier", "find_amounts", "money_column", "money_header", "parse_number"]


def __getattr__(name: str):
    if name == "Amount":  # the name before 0.2; the record of a located amount is helsekg.extract.records.Amount
        import warnings

        warnings.warn("helsekg.nlp.amounts.Amount is now ParsedAmount", DeprecationWarning, stacklevel=2)
        return ParsedAmount
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

LEXICON_FILE = "amount_lexicon.json"


class Qualifier(StrEnum):
    """How the stated number relates to the true value."""

    EXACT = "Exact"
    APPROXIMATELY = "Approximately"
    UP_TO = "UpTo"
    AT_LEAST = "AtLeast"
    MORE_THAN = "MoreThan"
    LESS_THAN = "LessThan"


class AmountKind(StrEnum):
    """What a monetary amount is: a change, a new total, or just an amount."""

    INCREASE = "Increase"
    REDUCTION = "Reduction"
    TOTAL = "Total"
    UNSPECIFIED = "Unspecified"


@dataclass(frozen=True)
class ParsedAmount:
    """One monetary amount or counted quantity stated in a text.

    Attributes:
        text: exact surface text, ``input[start:end]`` (qualifier + number + scale + currency/noun).
        start: code-point offset of the first character.
        end: code-point offset after the last character.
        value: whole NOK for money, the count for quantities; the lower bound of a range.
        is_money: True for NOK amounts.
        currency: ``"NOK"`` for money, else None.
        unit: the counted noun as written for quantities ("stillinger", "prosent"); None for money.
        qualifier: Exact, Approximately, UpTo, AtLeast, MoreThan or LessThan.
        kind: Increase, Reduction, Total or Unspecified (from cues in the same clause).
        fiscal_year: a year stated for this amount in its own clause.
        value_max: upper bound of a range ("3-4 prosjekter"), else None.
        number_text: the number part as written ("2,2 milliarder", "3-4").
        year_scope: ``"none"`` when no single fiscal year applies (a yearly running cost "6 millionar
            kroner i året", a multi-year frame "i perioden 2010-2013"), ``"current"`` when the clause
            names the year of writing ("for dette året", "i år"), else ``""``.

    >>> ParsedAmount.fromstring("inntil 8,3 mill. kr til læringsnettverk")
    ... # doctest: +NORMALIZE_WHITESPACE
    ParsedAmount(text='inntil 8,3 mill. kr', start=0, end=19, value=Decimal('8300000'), is_money=True,
           currency='NOK', unit=None, qualifier=<Qualifier.UP_TO: 'UpTo'>,
           kind=<AmountKind.UNSPECIFIED: 'Unspecified'>, fiscal_year=None, value_max=None,
           number_text='8,3 mill.', year_scope='')
    >>> ParsedAmount.fromstring("en gang i året") is None
    True
    """

    text: str
    start: int
    end: int
    value: Decimal
    is_money: bool
    currency: str | None
    unit: str | None
    qualifier: Qualifier
    kind: AmountKind
    fiscal_year: int | None
    value_max: Decimal | None = None
    number_text: str = ""
    year_scope: str = ""

    @classmethod
    def fromstring(cls, text: str) -> ParsedAmount | None:
        """Parse one amount phrase: the first amount or quantity in ``text``, None if there is none.

        >>> ParsedAmount.fromstring("ein halv milliard kroner").value
        Decimal('500000000')
        >>> q = ParsedAmount.fromstring("3–4 store behovsdrevne prosjekter")
        >>> q.value, q.value_max, q.unit, q.qualifier.value, q.is_money
        (Decimal('3'), Decimal('4'), 'prosjekter', 'AtLeast', False)
        >>> ParsedAmount.fromstring("1250") is None   # a bare number is neither money nor a count
        True
        """
        found = find_amounts(text)
        return found[0] if found else None


# --------------------------------------------------------------------------- lexicon and regexes

_H = r"[ \t\u00a0\u2009\u202f]"  # horizontal space, incl. no-break and thin spaces
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(_H + r"+([^\W\d_]+(?:-[^\W\d_]+)*)(?![\w\-])")
#: a money scale written onto its number ("6,3mill kr", "2mrd."): the one word a number may run into
_GLUED_SCALE = r"(?i:mill|mrd|milliard|million)"
_DIGITS = (
    r"(?>\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?!\d)|\d{1,3}(?:['’]\d{3})+(?!\d)|\d+)"
    r"(?:,\d+)?(?!(?!" + _GLUED_SCALE + r")\w|[.,]\d)"
)
_DIGIT_NUMBER = re.compile(_DIGITS)
_YEAR = re.compile(r"(?<![\w.\-–/])(19\d\d|20\d\d|2100)(?!\w|[.,]\d)")


def _alternation(phrases, *, end_lookahead: bool = True) -> str:
    """Regex alternation of phrases, longest first; spaces match any horizontal space run.

    Phrases containing a capital letter match case-sensitively, all others case-insensitively
    (the regex using it must not be compiled with re.IGNORECASE).
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = _H.join(re.escape(w) for w in phrase.split(" ")).replace(_H, _H + "+")
        body = body if any(c.isupper() for c in phrase) else f"(?i:{body})"
        if end_lookahead and phrase[-1].isalnum():
            body += r"(?!\w)"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _words(section) -> list[str]:
    return [w for w in (section["words"] if isinstance(section, dict) else section)]


class _Lexicon:
    """Word lists from the JSON data file and the regexes built from them (built once)."""

    def __init__(self, data: dict) -> None:
        strip = lambda d: {k: v for k, v in d.items() if not k.startswith("_")}  # noqa: E731
        self.units = strip(data["number_words"])
        self.ones = strip(data["one_words"])
        self.tens = strip(data["tens_words"])
        self.compound_units = strip(data["compound_units"])
        self.hundreds = set(data["hundred_words"])
        self.thousands = set(data["thousand_words"])
        self.vague = set(_words(data["vague_quantifiers"]))
        self.row_change = {word: AmountKind(kind) for kind, words in data["row_change_words"].items()
                           if not kind.startswith("_") for word in words}
        self.fractions = {k: Decimal(str(v)) for k, v in strip(data["fraction_words"]).items()}
        self.halves = set(data["half_words"])
        self.scales = {k: Decimal(v) for k, v in data["scale_words"].items()}
        self.money_scales = set(_words(data["money_scale_words"]))
        self.scaled_currency = {k: Decimal(v) for k, v in strip(data["scaled_currency_words"]).items()}
        self.percent = data["percent_words"]
        self.time_units = set(data["time_units"])
        self.stop = set(data["stop_words"])
        # "kommunar med under 5000 innbyggjarar", "per 1000 innbyggjar": a criterion or a rate's base, no count
        self.population = tuple(data.get("population_units", ()))
        # neuter nouns whose indefinite plural has no ending ("33 tiltak og prosjekt"), coordinated after a count
        self.bare_plurals = frozenset(_words(data.get("bare_plural_nouns", ())))
        self.adjective_like = set(_words(data["adjective_like"]))
        self.nominal_adjectives = set(_words(data["nominal_adjectives"]))
        self.months = set(data["months"])
        self.year_lead = set(_words(data["year_like_count_lead_words"]))
        self.year_before = set(_words(data["year_like_year_words"]))
        money = data["money_context"]
        words = "|".join(re.escape(w) for w in sorted(money["words"], key=len, reverse=True))
        stems = "|".join(re.escape(w) + r"\w*" for w in money["stems"])
        sentence = "|".join(re.escape(w) + r"\w*" for w in money["sentence_stems"])
        keys = "|".join(re.escape(w) for w in sorted(money["key_nouns"], key=len, reverse=True))
        # money words of the page above a table ("kroner", "kr", "beløp", "tildeling", "tilskot", "løyvd", "midlar")
        self.table_money = re.compile(rf"(?i)(?<!\w)(?:{words}|{stems})(?!\w)")
        # money words of the sentence around a bare grouped number ("fikk innvilget 1 250 000 til ...")
        self.near_money = re.compile(rf"(?i)(?<!\w)(?:{words}|{stems}|{sentence})(?!\w)")
        # "Søknadssum: 200 000", "Bevilgning: 1 250 000", "et tilskot på 500.000": a money noun names the number
        self.money_key = re.compile(
            rf"(?i)(?<![\w-])[\w-]*(?:{keys})(?:en|et|a|ene|ane)?(?:[ \t\u00a0]+(?:er|var|blir|vert|ble|blei|vart))?"
            r"[ \t\u00a0]*(?::|[ \t\u00a0]på)[ \t\u00a0]*\Z")
        self.morphemes = {"og": ("og", 0)}
        for table, kind in ((self.units, "u"), (self.tens, "t")):
            for w, v in table.items():
                self.morphemes[w] = (kind, v)
        for w in self.hundreds:
            self.morphemes[w] = ("h", 100)
        for w in self.thousands:
            self.morphemes[w] = ("k", 1000)
        self.starters = re.compile(
            r"(?<![\w\-])(?=[^\W\d_])(?i:"
            + "|".join(sorted({*self.morphemes, *self.ones, *self.fractions} - {"og"}, key=len, reverse=True))
            + ")"
        )
        # a table cell may carry a sign after its gap ("Digitaliseringsrådgiver\t-0,90"): the number is read unsigned
        # ("(+86 mill.)": a signed change, read when a money scale follows; see _signed_scale)
        self.candidate = re.compile(r"(?<![\w.,\-–—/+'’])\d|(?<=\t[-\u2212])\d|(?<=[\s(]\+)\d|" + self.starters.pattern)

        scale_alt = _alternation(self.scales)
        self.scale = re.compile(_H + r"*(" + scale_alt + r")")
        cur_alt = _alternation(data["currency_words"])
        self.currency_after = re.compile(r"(?:,-)?" + _H + r"*(" + cur_alt + r")")
        self.scaled_currency_after = re.compile(_H + r"*(" + _alternation(self.scaled_currency) + r")")
        self.currency_prefixes = {
            w if any(c.isupper() for c in w) else w.lower(): self.scaled_currency.get(w, Decimal(1))
            for w in [*data["currency_prefixes"], *self.scaled_currency]
        }
        self.foreign = re.compile(
            _H + r"*(?:" + _alternation(data["foreign_currency_words"]) + "|"
            + _alternation(data["foreign_krone_adjectives"]) + _H + r"+(?i:kron))"
        )
        self.percent_after = re.compile(r"(?:" + _H + r"*(%)|" + _H + r"+(" + _alternation(self.percent) + r"))")
        self.qualifier = re.compile(
            r"(?<!\w)(?:"
            + "|".join(
                f"(?P<{q.name}>{_alternation(data['qualifiers'][q.value])})"
                for q in Qualifier
                if q.value in data["qualifiers"]
            )
            + r")"
            + _H
            + r"*\Z"
        )
        self.range_opener = re.compile(r"(?<!\w)" + _alternation(_words(data["range_openers"])) + _H + r"+\Z")
        self.range_blocker = re.compile(r"(?<!\w)" + _alternation(_words(data["range_blockers"])) + _H + r"+\Z")
        self.reference_words = {w.lower() for w in _words(data["reference_prefixes"])}
        self.hyphen_range = re.compile(_H + r"*[-–—]" + _H + r"*")
        self.word_range = re.compile(_H + r"+(?i:til|à|a)" + _H + r"+")
        self.and_range = re.compile(_H + r"+(?i:og)" + _H + r"+")

        cues = data["kind_cues"]

        def grouped(section: dict, fmt: str) -> re.Pattern:
            groups = [
                f"(?P<{k.name}>{_alternation(section[k.value])})" for k in AmountKind if k.value in section
            ]
            return re.compile(fmt.format("(?:" + "|".join(groups) + ")"))

        self.kind_before = grouped(cues["before_adjacent"], r"(?<!\w){}\s+\Z")
        # "2,7 milliarder kroner (+7,9 prosent) fordelt over 41 ordninger": one parenthesis may come between
        self.kind_after = grouped(cues["after_adjacent"], r"(?:\s+\([^()\n]{{0,40}}\))?\s+{}")
        self.count_total = re.compile(r"\s+" + _alternation(_words(data["count_total"])) + _H + r"+")
        self.recipients = tuple(data["count_total"]["recipients"])
        self.part_of = re.compile(r"(?<!\w)" + _alternation(data["part_cues"]) + r"(?!\w)")
        bounds = data["bound_nouns"]
        self.bound = re.compile(
            r"(?<!\w)(?:"
            + "|".join(f"(?P<{q.name}>{_alternation(bounds[q.value])})" for q in (Qualifier.UP_TO, Qualifier.AT_LEAST))
            + r")(?:" + _H + r"+[^\W\d_][\w\-]*){0,4}?" + _H + r"+" + _alternation(bounds["copulas"]) + r"\s+\Z"
        )
        scope = data["yearless_cues"]
        self.running_after = re.compile(r"\s+" + _alternation(scope["running"]))
        self.period_cue = re.compile(r"(?<!\w)" + _alternation(scope["period"]))
        self.current_cue = re.compile(r"(?<!\w)" + _alternation(scope["current"]))
        self.kind_anywhere = grouped(cues["before_anywhere"], r"(?<!\w){}")
        # "øke bevilgningen til X med 14 millioner": a change verb earlier in the clause, "med" adjacent
        self.kind_change_verb = grouped(cues["change_verbs"], r"(?<!\w){}(?!\w)")
        self.med_adjacent = re.compile(r"(?<!\w)(?i:med)\s+\Z")
        self.year_prep = re.compile(
            r"(?<!\w)(?:"
            + _alternation(data["year_prepositions"])
            + r"|(?:\d{1,2}\.)?"
            + _H
            + r"*"
            + _alternation(self.months)
            + r")"
            + _H
            + r"+\Z"
        )
        self.year_suffix = re.compile(r"[-–](?:" + _alternation(data["year_compound_suffixes"]) + r")")
        # "fra vedtatt budsjett for 2024": the year of the budget compared with, not the fiscal year; "(prisar pr.
        # mars 2015)": the price level's
        self.comparison_year = re.compile(
            r"(?<!\w)" + _alternation(data["comparison_year_cues"]) + r"(?:" + _H + r"+\w+\.?){0,3}" + _H + r"+\Z"
        )

        abbreviations = sorted(_words(data["sentence_abbreviations"]), key=len, reverse=True)
        self.abbreviation_end = re.compile(
            r"(?<![\w.])(?i:" + "|".join(re.escape(a) for a in abbreviations) + r")\Z"
        )

    @lru_cache(maxsize=4096)  # noqa: B019  (one lexicon per process)
    def segment(self, word: str) -> tuple[tuple[str, int], ...] | None:
        """Split one lower-case word into number morphemes ("femtifem" -> tens 50, unit 5), or None."""
        n = len(word)
        if n > 40:  # no Norwegian cardinal word is longer; keeps the table small on garbage input
            return None
        best: list[tuple | None] = [None] * (n + 1)
        best[0] = ()
        for i in range(n):
            if best[i] is None:
                continue
            for j in range(i + 1, min(n, i + 8) + 1):
                piece = word[i:j]
                m = self.morphemes.get(piece)
                if m is None and best[i] and best[i][-1][0] == "t":
                    m = ("u", self.compound_units[piece]) if piece in self.compound_units else None
                if m is not None and best[j] is None:
                    best[j] = best[i] + (m,)
        return best[n]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(load_data(LEXICON_FILE))


# --------------------------------------------------------------------------- numbers


def _normalise(value: Decimal) -> Decimal:
    """A whole value with exponent 0, a fraction without trailing zeros; exact for any number of digits.

    >>> _normalise(Decimal("2.50")), _normalise(Decimal("2.2E+9"))
    (Decimal('2.5'), Decimal('2200000000'))
    >>> _normalise(Decimal("12345678901234567890123456789"))  # more digits than the default context holds
    Decimal('12345678901234567890123456789')
    """
    if not value.is_finite():
        raise InvalidOperation(f"not a finite number: {value}")
    digits = max(28, value.adjusted() + 2, len(value.as_tuple().digits) + 1)
    context = Context(prec=digits, Emax=max(MAX_EMAX // 2, digits), Emin=min(MIN_EMIN // 2, -digits))
    if value == value.to_integral_value(context=context):
        return value.quantize(Decimal(1), context=context)
    return value.normalize(context=context)


def _digits_value(raw: str) -> Decimal:
    cleaned = re.sub(r"[ \u00a0\u2009\u202f.'’]", "", raw).replace(",", ".")
    return Decimal(cleaned)


def _evaluate(morphs: list[tuple[str, int]]) -> int | None:
    """Value of a morpheme sequence if it is a well-formed cardinal below a million, else None."""
    total = cur = 0
    prev = prev2 = None
    for kind, v in morphs:
        if kind == "og":
            if prev not in ("u", "h", "k"):
                return None
        elif kind == "u":
            if prev == "u" or (prev == "t" and v > 9) or (prev == "og" and prev2 == "u"):
                return None
            cur += v
        elif kind == "t":
            if prev in ("t", "u"):
                return None
            cur += v
        elif kind == "h":
            if prev not in (None, "u") or cur >= 10:
                return None
            cur = (cur or 1) * 100
        else:  # thousand
            if prev in ("k", "og") or total:
                return None
            total = (cur or 1) * 1000
            cur = 0
        prev2, prev = prev, kind
    if prev in ("og", None):
        return None
    return total + cur


class _Core(NamedTuple):
    value: Decimal
    end: int
    is_word: bool
    year_like: bool


def _word_number(text: str, pos: int, lex: _Lexicon) -> _Core | None:
    """A number written in words at ``pos`` ("to hundre og femti", "femtifem", "en million")."""
    m = _WORD.match(text, pos)
    if not m:
        return None
    first = m.group().lower()
    if first in lex.fractions:  # "halvannen" only with a scale word
        return _Core(lex.fractions[first], m.end(), True, False) if lex.scale.match(text, m.end()) else None
    morphs: list[tuple[str, int]] = []
    end = pos
    if first in lex.ones:
        nxt = _TOKEN.match(text, m.end())
        if nxt and nxt.group(1).lower() in lex.halves:
            return _Core(Decimal("0.5"), nxt.end(), True, False) if lex.scale.match(text, nxt.end()) else None
        if lex.scale.match(text, m.end()) and not (nxt and nxt.group(1).lower() in lex.thousands):
            return _Core(Decimal(1), m.end(), True, False)
        if not (nxt and lex.morphemes.get(nxt.group(1).lower(), ("",))[0] in ("h", "k")):
            return None
        morphs.append(("u", 1))
        end = m.end()
        cursor = m.end()
    else:
        seg = lex.segment(first)
        if seg is None or _evaluate(list(seg)) is None:
            return None
        prev = _prev_word(text, pos).lower()
        if (first in lex.hundreds or first in lex.thousands) and (
                prev in lex.vague or prev in lex.hundreds or prev in lex.thousands):
            # "flere tusen barn", "fleire hundre tilsette": several thousand, not 1000; and the "tusen" of "Flere
            # hundre tusen eldre", whose "hundre" was left as several
            return None
        morphs.extend(seg)
        end = cursor = m.end()
    while True:
        nxt = _TOKEN.match(text, cursor)
        if not nxt:
            break
        word = nxt.group(1).lower()
        extra: list[tuple[str, int]] = []
        after = nxt.end()
        if word == "og":
            if morphs[-1][0] not in ("h", "k"):
                break
            nxt2 = _TOKEN.match(text, nxt.end())
            if not nxt2:
                break
            extra.append(("og", 0))
            word, after = nxt2.group(1).lower(), nxt2.end()
        seg = lex.segment(word)
        if seg is None or _evaluate(morphs + extra + list(seg)) is None:
            break
        morphs.extend(extra + list(seg))
        end = cursor = after
    value = _evaluate(morphs)
    return None if value is None else _Core(Decimal(value), end, True, False)


# "1.5 millioner": a decimal point (as English writes it) before a scale word
_DOT_DECIMAL = re.compile(r"(\d{1,3})\.(\d{1,2})(?!\d)")


def _number_core(text: str, pos: int, lex: _Lexicon) -> _Core | None:
    dot = _DOT_DECIMAL.match(text, pos)
    if dot and lex.scale.match(text, dot.end()):
        return _Core(Decimal(f"{dot.group(1)}.{dot.group(2)}"), dot.end(), False, False)
    m = _DIGIT_NUMBER.match(text, pos)
    if m:
        cell = _first_row_cell(text, pos, m.end())
        if cell is not None:  # "500 000 500 000" under "Tilskudd 2023 ... Tilskudd 2024 ...": two cells
            m = _DIGIT_NUMBER.match(text[:cell], pos)
        raw = m.group()
        value = _digits_value(raw)
        year_like = raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100
        return _Core(value, m.end(), False, year_like)
    return _word_number(text, pos, lex)


#: a run of digit groups (1-3 digits each, one space apart): a table row's figures whose cells lost their gaps
_GROUP_RUN = r"\d{1,3}(?: \d{1,3})*+"
#: digit groups that close their line ("500 000 500 000")
_ROW_GROUPS = re.compile(_GROUP_RUN + r"(?=[ \t\u00a0]*(?:\n|\Z))")
#: the figures that close a table row ("650 000 0", "500 000 500 000"), after a word
_ROW_RUN = re.compile(r"[^\d\s][ \t\u00a0]+(" + _GROUP_RUN + r")[ \t\u00a0]*$")
#: a year in a table's header: each names a column of figures ("Tilskudd 2023 i kroner Tilskudd 2024 i kroner")
_HEADER_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-])")


def _year_cells(text: str, start: int, end: int) -> list[tuple[int, int, int]] | None:
    """The cells of the row figures at ``[start, end)`` (digit groups one space apart, closing their line) in a table
    whose header line (the nearest line above that no figure ends, a year aside; no blank line between) names a
    column per year: (cell start, cell end, its column's year) for each, when the groups split into as many numbers
    as there are years in exactly one way (a number is 1-3 digits then groups of 3; none but "0" opens with 0).
    None otherwise.

    >>> t = "Prosjekt Tilskudd 2023 Tilskudd 2024\\nMøteplasser Eidskog 500 000 500 000\\n"
    >>> [(t[a:b], year) for a, b, year in _year_cells(t, t.index("500"), len(t) - 1)]
    [('500 000', 2023), ('500 000', 2024)]
    """
    years = _header_years(text, start)
    if len(years) < 2:
        return None
    splits = _cell_splits(text[start:end].split(" "), len(years))
    if len(splits) != 1:
        return None
    cells, at = [], start
    for year, groups in zip(years, splits[0]):
        cell = " ".join(groups)
        cells.append((at, at + len(cell), year))
        at += len(cell) + 1
    return cells


def _first_row_cell(text: str, start: int, end: int) -> int | None:
    """Where the first cell ends when the grouped number at ``[start, end)`` closes its line and is two or more cells
    of a table row with a column per year (:func:`_year_cells`); None otherwise, or when the number is one cell.

    >>> t = "Prosjekt Kommune Tilskudd 2023 Tilskudd 2024\\nMøteplasser Eidskog 500 000 500 000\\n"
    >>> _first_row_cell(t, t.index("500"), len(t) - 1) - t.index("500")
    7
    >>> _first_row_cell("Tilskot 2024\\nTiltak 1 250 000\\n", 20, 29) is None
    True
    """
    row = _ROW_GROUPS.match(text, start)
    if row is None or row.end() != end or end - start < 11:
        return None
    cells = _year_cells(text, start, end)
    return cells[0][1] if cells else None


def _header_years(text: str, pos: int) -> list[int]:
    """The years that head the columns of the table whose row holds ``pos``, in order: those of its header line,
    the nearest line above that no figure ends (a year aside), with no blank line between. [] when there is none.

    >>> _header_years("Prosjekt Tilskudd 2023 Tilskudd 2024\\nTrygg oppvekst 650 000 0\\n", 40)
    [2023, 2024]
    """
    line_end = text.rfind("\n", 0, pos)
    for _ in range(40):  # the rows above, then the header
        if line_end <= 0:
            return []
        above = text.rfind("\n", 0, line_end) + 1
        line = text[above:line_end]
        if not line.strip():
            return []
        if not re.search(r"(?<!\S)\d{1,3}(?: \d{3})*[ \t\u00a0]*$", line):  # no figure ends it ("2024" may)
            return list(dict.fromkeys(int(y) for y in _HEADER_YEAR.findall(line)))
        line_end = above - 1
    return []


def _column_year(text: str, start: int, end: int) -> int | None:
    """The year of the column that holds the amount at ``[start, end)`` in a table row with a column per year
    ("Trygg oppvekst Hamar 650 000 0" under "... Tilskudd 2023 i kroner Tilskudd 2024 i kroner": 2023 for
    650 000; :func:`_year_cells`); None otherwise."""
    if not _FIGURES_AFTER.match(text, end):  # prose goes on after the amount: no table row (and no scan of a long line)
        return None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    figures = _ROW_RUN.search(text, max(text.rfind("\n", 0, start) + 1, start - 200), line_end)
    if figures is None or not figures.start(1) <= start < figures.end(1):
        return None
    cells = _year_cells(text, figures.start(1), figures.end(1))
    return next((year for cell_start, _, year in cells or () if cell_start == start), None)


_AFTER_CELL_GAP = re.compile(r"(?:\t|[ \u00a0]{2})[-\u2212]?\Z")


def _cell_column_year(text: str, start: int) -> int | None:
    """The year heading the column of the cell at ``start`` in a table whose cells are parted by tabs or wide gaps:
    the cell at the same place of the nearest line above (no blank line between) that holds two or more year cells
    ("2019", "Budsjett 2019"; "Tall i hele millioner\\t2020\\t2021" over "Økt driftsramme for
    biblioteket\\t0,20\\t0,20": 2020 and 2021). None for a first cell, or without such a line.

    >>> t = "Tal i tusen\\tBudsjett 2018\\tBudsjett 2019\\nUtstyr\\t11 000\\t5 000\\n"
    >>> _cell_column_year(t, t.index("5 000"))
    2019
    """
    line_start = text.rfind("\n", max(0, start - _TABLE_CONTEXT), start) + 1
    if line_start == 0 and start >= _TABLE_CONTEXT or not _AFTER_CELL_GAP.search(text, max(0, start - 3), start):
        return None  # no cell: a row this long is none, and a cell starts after a gap
    column = _cell_index(text[line_start:start])
    if column == 0:
        return None
    line_end = line_start - 1
    for _ in range(40):
        if line_end <= 0:
            return None
        above = text.rfind("\n", 0, line_end) + 1
        line = text[above:line_end]
        if not line.strip():
            return None
        cells = _cells(line)
        years = [_YEAR_CELL.fullmatch(cell) for cell in cells]
        if sum(1 for y in years if y) >= 2:
            year = years[column] if column < len(cells) else None
            return int(year.group()[-4:]) if year else None
        line_end = above - 1
    return None


def _cell_splits(groups: list[str], cells: int) -> list[list[list[str]]]:
    """Every way to read digit ``groups`` as ``cells`` numbers (1-3 digits, then groups of 3 digits; only "0"
    opens with 0)."""
    if cells == 1:
        ok = (1 <= len(groups[0]) <= 3 and (groups[0] == "0" or not groups[0].startswith("0"))
              and all(len(g) == 3 for g in groups[1:]))
        return [[groups]] if groups and ok else []
    out = []
    for cut in range(1, len(groups)):
        for first in _cell_splits(groups[:cut], 1):
            out += [first + rest for rest in _cell_splits(groups[cut:], cells - 1)]
    return out


def parse_number(text: str) -> Decimal | None:
    """Parse a Norwegian number phrase (digits or words, optional scale word) to a Decimal.

    Digits take Norwegian grouping (space, no-break or thin space, or ".") and a decimal comma.
    "en"/"ein"/"ett"/"eitt" are numbers only before a scale word (otherwise they are articles).

    >>> [parse_number(s) for s in ["1 250 000", "1\\u00a0250\\u00a0000", "1.500.000", "2,2", "tre"]]
    [Decimal('1250000'), Decimal('1250000'), Decimal('1500000'), Decimal('2.2'), Decimal('3')]
    >>> [parse_number(s) for s in ["femti", "femtifem", "to hundre og femti", "tusen", "tjueein"]]
    [Decimal('50'), Decimal('55'), Decimal('250'), Decimal('1000'), Decimal('21')]
    >>> [parse_number(s) for s in ["2,2 milliarder", "8,3 mill.", "1,5 mrd.", "en million", "ein milliard"]]
    [Decimal('2200000000'), Decimal('8300000'), Decimal('1500000000'), Decimal('1000000'), Decimal('1000000000')]
    >>> [parse_number(s) for s in ["en", "to to", "1.5", "23.05.2024", "kroner", "", "femtito millionar"]]
    [None, None, None, None, None, None, Decimal('52000000')]
    """
    lex = _lexicon()
    stripped = text.strip()
    core = _number_core(stripped, 0, lex)
    if core is None:
        return None
    value, end = core.value, core.end
    sm = lex.scale.match(stripped, end)
    if sm:
        value *= lex.scales[sm.group(1).lower()]
        end = sm.end()
    if end != len(stripped):
        return None
    try:
        return _normalise(value)
    except InvalidOperation:  # pragma: no cover - absurdly long digit strings
        return None


# --------------------------------------------------------------------------- amounts


class _Raw(NamedTuple):
    start: int  # span start (qualifier or currency prefix)
    end: int
    num_start: int
    num_end: int
    value: Decimal
    value_max: Decimal | None
    is_money: bool
    unit: str | None
    qualifier: Qualifier


# a period after "mill."/"kr." that also ends the sentence stays outside the span
_SENTENCE_END = re.compile(r"[ \t]*(?:\Z|\n)|\s+[A-ZÆØÅ]")
_WINDOW = 60  # characters looked back for qualifiers, currency prefixes and reference words
_CONTEXT = 200  # characters of clause searched for kind cues and years


def _is_cap_name(word: str, lex: _Lexicon) -> bool:
    return word[:1].isupper() and word.lower() not in lex.stop and word.lower() not in lex.adjective_like


def _last_token(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-delimited token ending just before ``pos`` (spaces skipped) and its start."""
    i = pos
    while i > 0 and pos - i < 8 and text[i - 1] in " \t\u00a0\u2009\u202f":
        i -= 1
    j = i
    while j > 0 and i - j < 30 and not text[j - 1].isspace():
        j -= 1
    return text[j:i], j


def _is_reference(text: str, pos: int, lex: _Lexicon) -> bool:
    token, _ = _last_token(text, pos)
    return token.lstrip("([").lower() in lex.reference_words


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([^\W\d_]+)" + _H + r"+\Z", text[max(0, pos - _WINDOW):pos])
    return m.group(1) if m else ""


def _money_follows(text: str, end: int, lex: _Lexicon) -> bool:
    """A money scale and a currency follow the number ending at ``end`` ("Bygg 45 mill kr": a building line's cost,
    though "bygg 2" is a reference)."""
    scale = lex.scale.match(text, end)
    return (scale is not None and scale.group(1).lower() in lex.money_scales
            and lex.currency_after.match(text, scale.end()) is not None)


#: a position after a percent ("per 100 % stilling", "pr 100 prosent psykologstilling")
_POSITION_AFTER = re.compile(r"[ \t\u00a0]+[a-zæøå]*stilling(?:ar|er)?(?![\w-])")


def _signed_scale(text: str, pos: int, end: int, lex: _Lexicon) -> bool:
    """A plus sign before the number and a money scale or a percent after it ("6,2 mrd (+ 86 mill.)": a budget line's
    change; "(+8,7 prosent)", "dvs +1,41 %": a growth rate); a telephone number's "+ 47" has neither."""
    token, _ = _last_token(text, pos)
    if token.lstrip("([") != "+":
        return False
    scale = lex.scale.match(text, end)
    money = scale is not None and scale.group(1).lower() in lex.money_scales
    return money or lex.percent_after.match(text, end) is not None


#: a sign right before an amount that says its kind: "(+ 86 mill.)", "+86 mill." add; "(- 221 mill.)" takes away (a
#: bare "- " may open a list item, so only inside brackets)
_SIGN_BEFORE = re.compile(r"(?:\(\s*(?P<minus>[-\u2212–])|(?<![\w\-])(?P<plus>\+))[ \t\u00a0]*\Z")


#: "fornyings- og innovasjonsprosjekt": a compound cut short before "og/eller" and the compound it shares a head with
_TRUNCATED_COMPOUNDS = re.compile(
    r"[ \t\u00a0]+([a-zæøå]\w*-[ \t\u00a0]+(?:og|eller)[ \t\u00a0]+([a-zæøå][\w-]*))(?![\w-])")
#: a lower-case word after "og"/"eller" (:func:`_coordinated` decides whether it is counted too)
_COORDINATED = re.compile(r"[^\S\n]+(?:og|eller)[^\S\n]+([a-zæøå][\w-]*)(?![\w-])")


#: "61 av dei totalt 285 søknadene", "45 av 52 kommunar", "37 av søknadene", "13 av desse prosjekta", "54 av desse",
#: "15 av byens 55 sykehjem", "58 av Helsedirektoratets tilskuddsordninger": a part of what the noun after "av" counts
_PARTITIVE = re.compile(r"[ \t\u00a0]+av(?:[ \t\u00a0]+(?P<det>dei|de|desse|disse|alle))?"
                        r"(?:[ \t\u00a0]+[^\W\d_][\w-]*[^s\W]s)?"  # a genitive owner: "byens", "Helsedirektoratets"
                        r"(?:(?:[ \t\u00a0]+(?:totalt|i[ \t\u00a0]+alt|til[ \t\u00a0]+sa(?:m|mm)en))?"
                        r"[ \t\u00a0]+(?P<whole>\d{1,3}(?:[ \u00a0]\d{3})*))?(?=[ \t\u00a0]+[a-zæøå])")
#: pronouns after "av": "20 av dem", "54 av desse" (the count of the noun before)
_PARTITIVE_PRONOUNS = frozenset({"dem", "dei", "de", "desse", "disse", "oss", "seg", "dere", "dykk"})
_PARTITIVE_BACK = re.compile(r"[ \t\u00a0]+av[ \t\u00a0]+(?:desse|disse|dei|dem|de)(?![\w-])")
#: the last count with its noun in the clause before a partitive "av desse" ("kom det inn 276 søknader, og 54 av
#: desse")
_COUNT_BEFORE = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})*[ \t\u00a0]+([a-zæøå][\w-]*)(?=[^\d.!?\n]*$)")


#: endings of an indefinite plural noun ("ungdommer", "søknadar", "pasientane" is definite and not one)
_PLURAL_ENDING = re.compile(r"\w{2,}(?:er|ar)$")
#: endings of a definite plural noun ("søknadene", "kommunane", "prosjekta")
_DEFINITE_PLURAL = re.compile(r"\w{2,}(?:ene|ane|na|a)$")


def _counted_plural(prev: str, unit: str | None, lex: _Lexicon) -> bool:
    """A year-like number counts the plural noun after it ("når 2000 ungdommer", "kom 1950 søknader") unless the
    word before makes it a year ("i 2000", "frå 2019", "hausten 2020", a month: ``year_like_year_words``)."""
    if not unit or " " in unit.strip() or not prev or prev in lex.year_before or prev in lex.months:
        return False
    low = unit.lower()
    return (low not in lex.time_units and low not in lex.stop
            and (_PLURAL_ENDING.match(low) is not None or low in lex.bare_plurals))


def _find_unit(text: str, pos: int, lex: _Lexicon) -> tuple[str, int] | None:
    """The counted noun after a number, and a plural noun coordinated with it ("4 000 sykehjemsplasser og
    omsorgsboliger": the count is of both). A part of a whole counts what the whole counts ("61 av dei totalt 285
    søknadene", "54 av desse" after "276 søknader"): the noun is the unit, the span stays the number's, so the
    whole is read as an amount of its own. A part in words, or after a pronoun, counts a definite plural noun
    ("Fem av kommunane", "13 av desse prosjekta"), never a verb ("12 av dei gjaldt ...")."""
    truncated = _TRUNCATED_COMPOUNDS.match(text, pos)
    head = truncated.group(2).lower() if truncated is not None else ""
    if truncated is not None and head not in lex.stop and head not in lex.time_units:
        return truncated.group(1), truncated.end()  # "4 fornyings- og innovasjonsprosjekt": both compounds counted
    found = _counted_noun(text, pos, lex)
    if found is None:
        word = re.search(r"(\w+)\Z", text[max(0, pos - 12):pos])
        spelled = word is not None and word.group(1).lower() in lex.units
        if not (text[pos - 1:pos].isdigit() or spelled) or re.search(r"\d/\d+\Z", text[max(0, pos - 12):pos]):
            return None  # "110 millioner av økte midler": money; "2/3 av totalbeløpet": a fraction
        part = _PARTITIVE.match(text, pos)
        noun = _counted_noun(text, part.end(), lex) if part is not None else None
        low = noun[0].lower() if noun is not None else ""
        if part is not None and part.group("whole") is None and (spelled or part.group("det")) and not (
                _DEFINITE_PLURAL.match(low) or low in lex.nominal_adjectives):
            # "ni av 14 behandlingsteam", "Fem av kommunane", "12 av dei tilsette" count; "12 av dei gjaldt ..." counts
            # the noun before, and "to av dei" alone says "some of them"
            noun = None
        if noun is not None and low not in lex.time_units and low not in _PARTITIVE_PRONOUNS:
            return noun[0], pos
        if _PARTITIVE_BACK.match(text, pos):
            number = re.search(r"[\d \u00a0]+\Z", text[max(0, pos - 20):pos])
            start = pos - (len(number.group()) if number else 0)
            before = _COUNT_BEFORE.search(text, _sentence_start(text, start, 200), start)
            # the noun that count counted, past its adjectives ("313 planlagte operasjoner ..., 226 av disse")
            counted = _counted_noun(text, before.start(1) - 1, lex) if before is not None else None
            noun = counted[0] if counted is not None else before.group(1) if before is not None else ""
            if before is not None and noun.lower() not in lex.stop and noun.lower() not in lex.time_units:
                return noun, pos
        return None
    unit, end = found
    more = _COORDINATED.match(text, end)
    # (a duration is coordinated with nothing it counts: "varighet på inntil to år og innovasjoner som ...")
    if more is not None and unit.lower() not in lex.time_units and _coordinated(more.group(1).lower(), lex):
        return text[end - len(unit):more.end()], more.end()
    return found


def _coordinated(word: str, lex: _Lexicon) -> bool:
    """A noun coordinated after the counted one is counted with it: a plural ("sykehjemsplasser og omsorgsboliger") or
    a neuter noun whose plural has no ending, alone or as a compound's last part ("stipendiatar og prosjekt")."""
    if word in lex.stop or lex.segment(word) is not None:
        return False
    return word.endswith(("er", "ar", "ene", "ane")) or word.endswith(tuple(lex.bare_plurals))


#: a compound of a capitalised name or acronym and a lower-case noun ("ALIS-tilskudd", "FSU-ar", "Alis-avtaler")
_NAMED_COMPOUND = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ]*-[a-zæøå]{2,}\Z")


#: the endings of an adverb or a neuter adjective before the counted noun ("kommunalt", "faglig", "regionalt")
_ADVERB_ENDINGS = ("alt", "elt", "lig", "ligt", "leg", "legt", "isk", "iskt")


def _counted_noun(text: str, pos: int, lex: _Lexicon) -> tuple[str, int] | None:
    """The counted noun after a number: up to four lower-case non-stop words, adjectives first."""
    run: list[re.Match] = []
    cursor = pos
    while len(run) < 4:
        m = _TOKEN.match(text, cursor)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        # a compound of a name or an acronym and a lower-case noun counts like the noun ("71 ALIS-tilskudd",
        # "30 Alis-avtaler", "5 FSU-ar")
        if (not (word[0].islower() or _NAMED_COMPOUND.match(word)) or len(word) < 2 or low in lex.stop
                or low in lex.scales or lex.segment(low) is not None):
            break  # one letter is a paragraph's point or a multiplication ("§ 3-2 6 b", "2 x 50 %"), no noun
        run.append(m)
        cursor = m.end()
    for i, m in enumerate(run):
        low = m.group(1).lower()
        last = i == len(run) - 1
        if last:
            if low in lex.adjective_like:
                return None
            return m.group(1), m.end()
        if low in lex.nominal_adjectives:
            nxt = run[i + 1].group(1).lower()
            # "40 eldre personer": the plural after it is the noun; "100 ansatte jobber", "40 tilsette arbeider": a
            # verb (a form the dictionary lists as one) is not, and the nominal adjective is what is counted
            if not nxt.endswith(("er", "ar", "ene", "ane")) or nxt in lex.time_units or _verb_form(nxt):
                return m.group(1), m.end()
        # -ene/-ane (definite plural) and -ere (agent nouns: sykepleiere) are nouns, other -e adjectives; so are the
        # adverbs and neuter adjectives of "2 000 kommunalt disponerte utleieboliger", "12 faglig sterke team"
        if low in lex.adjective_like or (low.endswith("e") and not low.endswith(("ene", "ane", "ere"))) \
                or low.endswith(_ADVERB_ENDINGS):
            continue
        # "12 000 heldøgns omsorgsplassar", "2 døgnbemanna bustader": a genitive or participle modifies the noun
        if low.endswith(("s", "a")) and not low.endswith(("ss", "us", "is", "os")) and run[i + 1].group(1).lower().endswith(
                ("er", "ar", "ene", "ane", "ingar", "inger")):
            continue
        return m.group(1), m.end()
    return None


def _verb_form(word: str) -> bool:
    """``word`` (lower-cased) is a form of a verb in the dictionary (Norsk Ordbank, :mod:`helsekg.nlp.lemmas`)."""
    from helsekg.nlp.lemmas import load_table  # lazy: the table is read once, when a nominal adjective is counted

    return load_table().lookup("VERB", word, seen=True) is not None


def _looks_counted_after_scale(word: str, lex: _Lexicon) -> bool:
    """After "millioner" without currency, only a plural indefinite noun makes a count."""
    low = word.lower()
    if low in lex.time_units:
        return False
    return not low.endswith(("ene", "ane", "en", "et", "a", "t", "d", "de", "te", "es", "ast"))


def _scan_one(text: str, pos: int, lex: _Lexicon) -> tuple[_Raw | None, int]:
    """Try to read an amount whose number starts at ``pos``; return it and where to go on scanning."""
    core = _number_core(text, pos, lex)
    if core is None:
        return None, pos + 1
    lookback = text[max(0, pos - _WINDOW):pos]  # for range openers/blockers ("mellom", "fra")
    if _is_reference(text, pos, lex) and not (_money_follows(text, core.end, lex)
                                              or _signed_scale(text, pos, core.end, lex)):
        return None, core.end
    if core.is_word and core.value < 2 and not lex.scale.match(text, core.end):
        return None, core.end
    if _in_unit_header(text, pos):  # "(i 1 000 kr)" states a table's unit, not an amount
        return None, core.end

    value, value_max, end = core.value, None, core.end
    ranged = False
    range_start = pos
    rm = lex.hyphen_range.match(text, end)
    if rm and "\t" in rm.group():
        rm = None  # "-0,90\t-0,90": the next cell's sign, no range
    if rm and not core.is_word:
        second = _DIGIT_NUMBER.match(text, rm.end())
        if not second:
            return None, end
        hi = _digits_value(second.group())
        hi_year = second.group().isdigit() and len(second.group()) == 4
        if (core.year_like and hi_year) or hi <= value:
            return None, second.end()
        value_max, end, ranged = hi, second.end(), True
    else:
        rm = lex.word_range.match(text, end)
        connector_ok = bool(rm) and not lex.range_blocker.search(lookback)
        if not rm:
            rm = lex.and_range.match(text, end)
            connector_ok = bool(rm) and bool(lex.range_opener.search(lookback))
        if connector_ok:
            second = _number_core(text, rm.end(), lex)
            if second and not (core.year_like or second.year_like) and second.value > value:
                value_max, end, ranged = second.value, second.end, True
                opener = lex.range_opener.search(lookback)
                if opener and not lex.word_range.match(text, core.end):
                    range_start = pos - (len(lookback) - opener.start())
    if core.year_like and lex.hyphen_range.match(text, core.end):
        return None, end

    num_start = pos
    scale_end = end
    is_money = False
    unit: str | None = None
    money_scale = False
    sm = lex.scale.match(text, end)
    if sm:
        factor = lex.scales[sm.group(1).lower()]
        value *= factor
        value_max = value_max * factor if value_max is not None else None
        money_scale = sm.group(1).lower() in lex.money_scales
        end = scale_end = sm.end()
    # a period of an abbreviation that also ends the sentence is left outside the span
    if text[scale_end - 1:scale_end] == "." and _SENTENCE_END.match(text, scale_end):
        scale_end -= 1
        end = scale_end

    span_start = range_start
    prefix = None
    if range_start == pos:
        token, token_start = _last_token(text, pos)
        key = token if token in lex.currency_prefixes else token.lower()
        if key in lex.currency_prefixes and (token_start == 0 or not text[token_start - 1].isalnum()):
            prefix = key
            is_money, span_start = True, token_start
            factor = lex.currency_prefixes[key]
            if factor != 1 and not sm:
                value *= factor
                value_max = value_max * factor if value_max is not None else None
    if lex.foreign.match(text, end):
        return None, end
    cm = lex.currency_after.match(text, end)
    scm = None if (sm or prefix) else lex.scaled_currency_after.match(text, end)
    if not (cm or scm) and not core.is_word and not core.year_like:
        km = _THOUSANDS_MARK.match(text, end) if not sm and text[pos - 1:pos] not in ("'", "’", "‘") else None
        if km:  # "kostnader på 800'": thousands of kroner, as municipal budgets write them
            value *= 1000
            value_max = value_max * 1000 if value_max is not None else None
            is_money, end = True, km.end()
        elif _KRONE_DASH.match(text, end):  # "mottar 427 813,-": the dash of whole kroner
            is_money, end = True, end + 2
    if scm:
        word = scm.group(1)
        factor = lex.scaled_currency.get(word) or lex.scaled_currency[word.lower()]
        value *= factor
        value_max = value_max * factor if value_max is not None else None
        is_money, end = True, scm.end()
    elif cm:
        is_money, end = True, cm.end()
        if text[end - 1] == "." and _SENTENCE_END.match(text, end):
            end -= 1
    table_factor = (_unit_table(text, pos, end, lex)
                    if not (is_money or sm or ranged or core.is_word or core.year_like) else None)
    if table_factor is not None:  # "Driftsutgifter\t125,3" under "(i mill. kroner)": 125 300 000 kroner
        is_money = True
        value *= table_factor
    if not is_money:
        pm = lex.percent_after.match(text, end)
        if pm:
            unit = pm.group(2) or "prosent"  # "%" is read as the word; words are kept as written
            end = pm.end()
            post = _POSITION_AFTER.match(text, end)
            if post is not None and _prev_word(text, pos).lower() in ("per", "pr"):
                return None, post.end()  # "400 000 kroner per 100 prosent stilling": a rate's base, not a share
        else:
            found = _find_unit(text, end, lex)
            if money_scale:
                if found and _looks_counted_after_scale(found[0], lex):
                    unit, end = found
                else:
                    is_money = True
            elif found:
                word, unit_end = found
                if word.lower() in lex.time_units:
                    return None, unit_end
                unit, end = word, unit_end
            elif (_table_money(text, pos, end, core.value, lex) or _keyed_money(text, pos, end, core.value, lex)
                  or _money_context(text, pos, end, core.value, lex) or _money_column(text, pos, end, core.value, lex)
                  or _money_cell(text, pos, end, core.value, lex)):
                is_money = True
            else:
                factor = (_shared_unit(text, end, lex, after_from=bool(_FROM.search(lookback)))
                          or _elided_unit(text, pos, end, lex)
                          if not core.is_word and not core.year_like else None)
                if factor is None:
                    return None, end
                is_money = True  # "118, 190 og 280 tusen kroner": each takes the scale of the last one's kroner
                value *= factor
                value_max = value_max * factor if value_max is not None else None

    qm = lex.qualifier.search(text[max(0, span_start - _WINDOW):span_start])
    qualifier = Qualifier.AT_LEAST if ranged else Qualifier.EXACT
    if qm:
        qualifier = Qualifier[qm.lastgroup]
        span_start -= len(qm.group())
    elif core.year_like and not is_money:
        prev = _prev_word(text, pos).lower()
        if prev not in lex.year_lead and not _counted_plural(prev, unit, lex):
            return None, end
    if not is_money:
        if _is_reference(text, span_start, lex) and not (unit is not None and _signed_scale(text, pos, core.end, lex)):
            return None, end
        prev = _prev_word(text, span_start)
        if prev and _is_cap_name(prev, lex) and not core.is_word:
            return None, end
    return (
        _Raw(span_start, end, num_start, scale_end, value, value_max, is_money, unit, qualifier),
        end,
    )


# "800'" / "800’": thousands (of kroner) in a budget; not a quotation ("'800' er ...") nor feet before a word
_THOUSANDS_MARK = re.compile(r"['’](?![\w'’])")
# "427 813,-": the dash that marks whole kroner, not a decimal comma nor a range "1,-2"
_KRONE_DASH = re.compile(r",-(?![\d\w-])")
# "118, 190 og 280 tusen kroner": the numbers of an enumeration before the one that carries the unit
_ENUMERATION = re.compile(r"(?:," + _H + r"*\d+(?:,\d+)?)*(?:,?" + _H + r"+(?:og|eller)" + _H + r"+|," + _H
                          + r"*)(?=\d)")


_TIL_NEXT = re.compile(_H + r"+(?i:til)" + _H + r"+(?=\d)")


def _shared_unit(text: str, end: int, lex: _Lexicon, *, after_from: bool = False) -> Decimal | None:
    """The scale factor a bare number takes from the money amount that closes its enumeration.

    "118, 190 og 280 tusen kroner" is three amounts of kroner; "punkt 3, 4 og 5 i vedtaket" is nothing, and
    counts ("3 og 4 plasser") are left alone. Only the last number's own reading counts, and only an
    enumeration closed by "og"/"eller".
    """
    m = _ENUMERATION.match(text, end)
    if not m or not re.search(r"(?:og|eller)" + _H + r"+\Z", m.group()):
        # "en nedskalering fra 3,3 til 2,3 milliarder kr": the start of a change takes its end's unit
        m = _TIL_NEXT.match(text, end) if after_from else None
        if m is None:
            return None
    last = m.end()
    core = _number_core(text, last, lex)
    if core is None or core.is_word or core.year_like:
        return None
    raw, _ = _scan_one(text, last, lex)
    if raw is None or not raw.is_money or raw.value_max is not None or not core.value:
        return None
    return raw.value / core.value


_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-ZÆØÅ])|\n\s*\n")


def _sentence_start(text: str, pos: int, reach: int) -> int:
    """Where the sentence holding ``pos`` begins, looking back ``reach`` characters at most."""
    lo = max(0, pos - reach)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, pos)]
    return breaks[-1] if breaks else lo


# "... 16 mill. kroner for 2024 og 18 for 2025": a bare number after a connective, ending its clause or
# followed by the year it is for, that repeats an earlier amount's unit
_ELIDED_BEFORE = re.compile(r"(?<![\w,.])(?i:mot|til|og|eller|fra|frå)" + _H + r"+\Z")
_ELIDED_AFTER = re.compile(_H + r"*(?:[.,;)]|\n|\Z|(?i:i|for|fra|frå|året)" + _H + r"+(?:(?:19|20)\d\d|fjor|før)\b)")
_NUMBER_START = re.compile(r"(?<![\d,.])\d")
_ELIDED_REACH = 120


def _elided_unit(text: str, start: int, end: int, lex: _Lexicon) -> Decimal | None:
    """The scale factor a bare number takes from an earlier money amount of its sentence that it is compared with.

    "Det er satt av 16 mill. kroner for 2024 og 18 for 2025", "økt med 2,5 mill. til 50,5", "125,3 millioner kroner,
    mot 120,1 i 2023": the second number is kroner at the first one's scale. The number must follow a
    connective ("og", "til", "mot", "fra") and end its clause or be followed by the year it is for; the earlier
    amount must have a scale word ("mill.", "milliarder") and stand in the same sentence.
    """
    if not _ELIDED_BEFORE.search(text, max(0, start - 8), start) or not _ELIDED_AFTER.match(text, end):
        return None
    lo = _sentence_start(text, start, _ELIDED_REACH)
    for m in reversed(list(_NUMBER_START.finditer(text, lo, start))):
        at = m.start()
        core = _number_core(text, at, lex)
        if core is None or core.year_like or not core.value:
            continue
        if not lex.scale.match(text, core.end):
            continue
        raw, _ = _scan_one(text, at, lex)
        if raw is None or not raw.is_money or raw.value_max is not None:
            return None
        return raw.value / core.value
    return None


# the unit line of a table: "(i 1 000 kr)", "Beløp i mill. kroner", "Alle tal i millionar kroner", "(mrd. NOK)"
_UNIT_HEADER = re.compile(
    r"(?i)(?:\(|\b(?:beløp|beløpa|beløpene|tall|tal|alle\s+tall|alle\s+tal)\s+)(?:i\s+)?(?:hele\s+|heile\s+)?"
    r"(1[ \u00a0]?000|tusen|mill\.?|millioner|millionar|mrd\.?|milliarder|milliardar)" + _H
    + r"*(?:kr\.?|kroner|nok)(?![\w])")
# a unit line without a currency ("Tal i tusen", "Beløp i mill.", "Tall i hele millioner", a caption's "(i 1000)"),
# ending its cell: money only on a page that speaks of money (``table_money`` near the table)
_BARE_UNIT_HEADER = re.compile(
    r"(?i)(?:\b(?:beløp|beløpa|beløpene|tall|tal|alle\s+tall|alle\s+tal)\s+|\(\s*)i\s+(?:hele\s+|heile\s+)?"
    r"(1[ \u00a0]?000|tusen|mill\.?|millioner|millionar|mrd\.?|milliarder|milliardar)"
    r"(?=[ \u00a0]*(?:[\t)]|\n|$|[ \u00a0]{2}))")
_UNIT_FACTORS = {"tusen": Decimal(1000), "mill": Decimal(10) ** 6, "millioner": Decimal(10) ** 6,
                 "millionar": Decimal(10) ** 6, "mrd": Decimal(10) ** 9, "milliarder": Decimal(10) ** 9,
                 "milliardar": Decimal(10) ** 9}
_TABLE_CELL_BEFORE = re.compile(r"\S(?:\t+|[ \u00a0]{2,})[-\u2212]?\Z")  # a cell's sign is no part of its gap
_TABLE_CELL_AFTER = re.compile(r"(?:\t|[ \u00a0]{2,}|[ \t\u00a0]*(?:\n|\Z))")
_DECIMAL_CELL = re.compile(r"-?\d{1,3}(?:[ \u00a0]\d{3})*,\d+")
_PROSE_LINE = 150  # a line this long without a cell gap is prose: the table has ended


def _in_unit_header(text: str, pos: int) -> bool:
    """The number at ``pos`` is the "1 000" of a unit line ("(i 1 000 kr)", "Beløp i 1000 kr")."""
    if text[pos] != "1":
        return False
    lo = max(text.rfind("\n", max(0, pos - 40), pos) + 1, pos - 40)
    return any(m.start(1) == pos for m in _UNIT_HEADER.finditer(text, lo, min(len(text), pos + 20)))


#: a list item's marker: a bullet, a dash or a number
_MARKER = r"(?:[•·▪◦‣*]|[–—-]|\d{1,2}[.)])"
#: a line's label up to the amount: after a bullet, or before a colon or a dash ("• Økt bemanning: ", "Styrking av
#: legevakten – ")
_LABELLED_ITEM = re.compile(r"[ \t]*(?:" + _MARKER + r"[ \t]+[^\n]*|[^\n]*?(?::|[ \t][–—-])[ \t]*)\Z")
#: the first word of a row's or an item's label
_LABEL_WORD = re.compile(r"\s*(?:" + _MARKER + r"\s+)?([^\W\d_]+)")


def _row_change(text: str, line_start: int, start: int, lex: _Lexicon) -> AmountKind | None:
    """The change a table row's or list item's label (the line from ``line_start`` to the amount at ``start``) names
    with its first word ("Økt driftsramme ...", "• Redusert bemanning ...")."""
    first = _LABEL_WORD.match(text, line_start, start)
    return lex.row_change.get(first.group(1).lower()) if first else None


def _unit_table(text: str, start: int, end: int, lex: _Lexicon) -> Decimal | None:
    """The factor of the unit line above a table whose cell holds the bare number at ``[start, end)``.

    Budget tables state their unit once ("(i 1 000 kr)", "Beløp i mill. kroner") and write bare numbers in
    their cells ("Spesielle driftsutgifter\t125 300\t130 200"). A cell after the row's first cell counts: a
    grouped number in a table of thousands ("125 300"; "761", a chapter number, is not), a decimal in a
    table of millions or billions ("125,3"). The unit line must come before the number with no prose line
    between them (a line of 150 characters without a cell gap ends a table).
    """
    if not _TABLE_CELL_AFTER.match(text, end) or not _TABLE_CELL_BEFORE.search(text, max(0, start - 20), start):
        return None
    line_start = text.rfind("\n", max(0, start - _TABLE_CONTEXT), start) + 1
    if line_start == 0 and start >= _TABLE_CONTEXT:
        return None  # a row this long is no table row
    number = text[start:end]
    pos = line_start
    while pos > 0 and start - pos < _TABLE_CONTEXT:
        prev_start = text.rfind("\n", max(0, start - _TABLE_CONTEXT), pos - 1) + 1
        line = text[prev_start:pos - 1]
        header = _UNIT_HEADER.search(line)
        if header is None:
            header = _BARE_UNIT_HEADER.search(line)
            if header is not None and not lex.table_money.search(
                    text, max(0, start - _TABLE_CONTEXT), min(len(text), start + _TABLE_CONTEXT)):
                header = None  # "Tal i tusen" over a table of people, on a page that names no money
        if header:
            word = re.sub(r"[\s\u00a0.]", "", header.group(1).lower())
            factor = Decimal(1000) if word == "1000" else _UNIT_FACTORS[word]
            if factor == 1000:
                row_before = text[line_start:start]
                grouped = _GROUPED.fullmatch(number) or (number.isdigit()
                                                         and _money_column_of(line, header.start(), row_before))
                return factor if grouped else None
            return factor if _DECIMAL_CELL.fullmatch(number) else None
        if len(line) >= _PROSE_LINE and "\t" not in line and not re.search(r"\S[ \u00a0]{2,}\S", line):
            return None
        pos = prev_start
    return None


#: the gap between two cells of a table row: tabs, or two spaces and more
_CELL_SEPARATOR = re.compile(r"\t+|[ \u00a0]{2,}")
_YEAR_CELL = re.compile(r"(?:\w+[ \u00a0])*(?:19|20)\d\d")


def _cell_index(row_before: str) -> int:
    """The column of the cell that starts after ``row_before`` (its row up to the cell, a sign included): 0 for the
    row's first cell."""
    return len(_CELL_SEPARATOR.findall(row_before.rstrip("-\u2212")))


def _cells(line: str) -> list[str]:
    """The cells of a table row, stripped."""
    return [cell.strip() for cell in _CELL_SEPARATOR.split(line)]


def _money_column_of(header_line: str, unit_at: int, row_before: str) -> bool:
    """A number that is not grouped ("3200", "960") is in a column of thousands when the unit line is the table's
    header row and the number's column is headed by the unit ("Beløp (i 1 000 kr)") or by a year ("2019",
    "Budsjett 2019") of a row whose first cell holds the unit ("FOLKEHELSE Tal i tusen"); not a chapter or post
    number ("Kap.", "Post 21") nor a column of change in per cent."""
    column = _cell_index(row_before)
    cells = _cells(header_line)
    if column == 0 or column >= len(cells):
        return False
    unit_column = _cell_index(header_line[:unit_at])
    return unit_column == column or (unit_column == 0 and bool(_YEAR_CELL.fullmatch(cells[column])))


# the last cell of a table row: a grouped number after a gap (two spaces, a tab, a colon), alone at the line end
_CELL_BEFORE = re.compile(r"(?:\S(?:[ \u00a0]{2,}|\t+|:[ \t]*)|^[ \t]*)\Z")
_CELL_AFTER = re.compile(r"[ \t\u00a0]*(?:\n|\Z)")
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f.]\d{3})+")
_TABLE_CONTEXT = 1500


def _table_money(text: str, start: int, end: int, value: Decimal, lex: _Lexicon) -> bool:
    """A grouped number of at least 1 000 closing a table row, under a page that speaks of money, is kroner.

    "Felles barnevernprosjekt          250 000" under "Tildeling til prosjekt ..." / "... 2,1 millionar
    kroner"; a bare number in running text or a table of counts under no money word stays a number.
    """
    line_start = text.rfind("\n", 0, start) + 1
    return (value >= 1000 and bool(_GROUPED.fullmatch(text, start, end))
            and bool(_CELL_AFTER.match(text, end)) and bool(_CELL_BEFORE.search(text[line_start:start]))
            and line_start < start - 3 and bool(lex.table_money.search(text, max(0, start - _TABLE_CONTEXT), line_start)))


#: a line ending in a grouped number: a row of a column of figures
_ROW_FIGURE = re.compile(r"(?:^|[ \t\u00a0])\d{1,3}(?:[ \u00a0\u2009\u202f.]\d{3})++"
                         r"(?:[ \t\u00a0]+\d{1,3}(?:[ \u00a0\u2009\u202f.]\d{3})*+)*+[ \t\u00a0]*$")
#: the row's later figures after a grouped number: a column per year ("650 000 0", "500 000 500 000")
_FIGURES_AFTER = re.compile(r"(?:[ \t\u00a0]+\d{1,3}(?:[ \u00a0\u2009\u202f.]\d{3})*+)*+[ \t\u00a0]*(?:\n|\Z)")
_MIN_COLUMN_ROWS = 3


def _money_column(text: str, start: int, end: int, value: Decimal, lex: _Lexicon) -> bool:
    """A grouped number of at least 1 000 ending its line (or followed only by the row's other figures) in a column
    of such lines, in a block whose header speaks of money, is kroner: a table whose cells lost their gaps when the page was read ("Dovre kommune
    Friskliv og mestring 62 500" under "Søker Tiltak Tildeling i kroner"), or one cell per line ("1 500 000" under
    "Prosjekter som får midler").

    The block is the run of lines around the number up to a blank line or a prose line (150 characters); at least
    three of its lines end in a grouped number, and one of its lines before the number holds a money word. A stray
    blank line inside the table is bridged when the block before it is a column too, with the money word.
    """
    if value < 1000 or not _GROUPED.fullmatch(text, start, end) or not _FIGURES_AFTER.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() and not text[start - 1:start].isspace():
        return False
    blocks = _blocks(text, lex)
    i = bisect_left(blocks, (line_start + 1,)) - 1
    if i < 0 or not blocks[i][0] <= line_start < blocks[i][1]:
        return False
    block_start, _, rows, money = blocks[i]
    if rows < _MIN_COLUMN_ROWS:
        return False
    if money is not None and money < line_start:
        return True
    # a stray blank line inside the table: the header is in the block before, itself a column of figures
    gap = text[blocks[i - 1][1]:block_start] if i else ""
    if not gap or gap.strip() or gap.count("\n") != 1:  # exactly one blank line between the two blocks
        return False
    _, _, rows_before, money_before = blocks[i - 1]
    return rows_before >= _MIN_COLUMN_ROWS and money_before is not None


#: a line of a table read one cell per paragraph: short, between blank lines
_CELL_LINE = 80


def _money_header(line: str, lex: _Lexicon) -> bool:
    """A column header of money: at most three words besides a year, all money words but one ("Kroner", "Tildelt",
    "Tildeling i kroner", "Innvilget tilskudd 2021"); not a title that names a grant ("Tilskot til
    frisklivssentralar")."""
    words = [w for w in re.split(r"[\s()\-–:]+", line) if w and not re.fullmatch(r"(?:19|20)\d\d", w)]
    money = sum(1 for w in words if lex.table_money.fullmatch(w))
    return 0 < len(words) <= 3 and money >= 1 and len(words) - money <= 1


def _money_cell(text: str, start: int, end: int, value: Decimal, lex: _Lexicon) -> bool:
    """A grouped number of at least 1 000 alone on its line in a table read one cell per paragraph, under a column
    header that is a money word, is kroner: "Kap.", "Post", "Formål", "Kroner", "769", "Utredningsvirksomhet mv.:",
    "21", "Spesielle driftsutgifter", "20 000 000" (each between blank lines, as web tables often come out of a
    page); or "Kommune", "Tildelt", "60 000", "Tysvær", "85 000".

    The run is the sequence of short lines (at most :data:`_CELL_LINE` characters) around the number, one blank line
    between any two; the header (:func:`_money_header`) is a line of the run before the number.
    """
    if value < 1000 or not _GROUPED.fullmatch(text, start, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    for run_start, run_end, header in _cell_runs(text, lex):
        if run_start <= line_start < run_end:
            return header is not None and header < line_start
    return False


def money_header(line: str) -> bool:
    """A column header of money ("Kroner", "Tildelt", "Innvilget tilskudd 2021")."""
    return _money_header(line, _lexicon())


def money_column(text: str, pos: int) -> bool:
    """The line at ``pos`` is a cell of a table read one cell per paragraph, under a money header ("Kommune" /
    "Tildelt" / "60 000" / "Tysvær" / "85 000")."""
    lex = _lexicon()
    line_start = text.rfind("\n", 0, pos) + 1
    return any(run_start <= line_start < run_end and header is not None and header < line_start
               for run_start, run_end, header in _cell_runs(text, lex))


@lru_cache(maxsize=8)
def _cell_runs(text: str, lex: _Lexicon) -> list[tuple[int, int, int | None]]:
    """The runs of one-cell paragraphs of ``text``: (start, end, where the first money-word header line starts or
    None); only runs of at least four cells, computed once per text."""
    runs: list[tuple[int, int, int | None]] = []
    cells: list[tuple[int, int]] = []
    pos = 0

    def close() -> None:
        if len(cells) >= 4:
            header = next((a for a, b in cells if _money_header(text[a:b], lex)), None)
            runs.append((cells[0][0], cells[-1][1], header))
        cells.clear()

    lines = text.split("\n")
    for i, line in enumerate(lines):
        stop = pos + len(line)
        if line.strip():
            blank_before = i >= 1 and not lines[i - 1].strip()
            joined = not cells or (blank_before and pos - cells[-1][1] == 2)  # exactly one blank line between
            if len(line) > _CELL_LINE or not joined:
                close()
            if len(line) <= _CELL_LINE:
                cells.append((pos, stop))
        elif i >= 1 and not lines[i - 1].strip():
            close()  # two blank lines in a row end the run
        pos = stop + 1
    close()
    return runs


@lru_cache(maxsize=8)
def _blocks(text: str, lex: _Lexicon) -> list[tuple[int, int, int, int | None]]:
    """The runs of table-like lines of ``text`` (no blank line, no prose line of more than :data:`_PROSE_LINE`
    characters), in order: (start, end, lines ending in a grouped number, where the first money word is or None).
    Computed once per text, so a long table costs one pass."""
    blocks: list[tuple[int, int, int, int | None]] = []
    block_start, rows, pos = None, 0, 0

    def close(stop: int) -> None:
        if block_start is not None:
            money = lex.table_money.search(text, block_start, stop)
            blocks.append((block_start, stop, rows, None if money is None else money.start()))

    for line in text.split("\n"):
        stop = pos + len(line)
        if not line.strip() or len(line) > _PROSE_LINE:
            close(pos)
            block_start, rows = None, 0
        else:
            if block_start is None:
                block_start = pos
            rows += 1 if _ROW_FIGURE.search(line) else 0
        pos = stop + 1
    close(min(pos, len(text)))
    return blocks


def _keyed_money(text: str, start: int, end: int, value: Decimal, lex: _Lexicon) -> bool:
    """A grouped number of at least 1 000 right after a money noun and a colon or "på" is kroner.

    "Søknadssum: 200 000", "et tilskot på 500.000"; "ein pott på 25" (no grouping) and "ramme på 3 000 plassar"
    (a counted noun follows, read before this) are not.
    """
    return (value >= 1000 and bool(_GROUPED.fullmatch(text, start, end))
            and bool(lex.money_key.search(text[max(0, start - 60):start])))


def _money_context(text: str, start: int, end: int, value: Decimal, lex: _Lexicon) -> bool:
    """A grouped number of at least 10 000 with no unit after it is kroner when its sentence (or the heading above
    it) speaks of money: "Kommunen fikk innvilget 1 250 000 til prosjektet", "Det gis 1 250 000 i tilskudd".

    Counts name their noun ("1 250 000 innbyggere" is read before this); a reference number is refused earlier.
    """
    if value < 10_000 or not _GROUPED.fullmatch(text, start, end):
        return False
    lo = _sentence_start(text, start, 300)
    stop = _SENTENCE_BREAK.search(text, end, min(len(text), end + 120))
    hi = stop.start() if stop else min(len(text), end + 120)
    return bool(lex.near_money.search(text, lo, start) or lex.near_money.search(text, end, hi)
                or _item_under_money(text, start, lex))


#: a bullet item's opening up to the number it begins with
_ITEM_OPENING = re.compile(r"[ \t]*" + _MARKER + r"[ \t]+")


def _item_under_money(text: str, start: int, lex: _Lexicon) -> bool:
    """The number opens a bullet item of a list whose introduction speaks of money: "Fylkesmannen har tildelt" over
    "• 35 250 000 til aktivitetstiltak for å motvirke ensomhet" (the items of a grant list give sums, not counts)."""
    if not _ITEM_OPENING.fullmatch(text, line_bounds(text, start)[0], start):
        return False
    # up past the list's other items to its introduction
    intro = next(((a, b) for a, b in lines_above(text, start) if text[a:b].strip() and not _BULLET.match(text, a, b)),
                 None)
    return intro is not None and lex.near_money.search(text, *intro) is not None


_BOUNDARY = re.compile(
    r"\n|[;!?•·▪●◦■►\u2022]|(?:(?<=\s)|^)[-–—*](?=\s)|(?<!-),(?=\s)|\.(?=\s|\Z)"
)


def _boundaries(text: str, lex: _Lexicon) -> list[int]:
    """Positions of clause ends: line breaks, bullets, semicolons, commas + space (not after a hyphen: "grunn-,
    videre- og etterutdanning" is one list of word parts), sentence ends."""
    out = []
    for m in _BOUNDARY.finditer(text):
        if m.group() == ".":
            before = text[max(0, m.start() - 12):m.start()]
            following = text[m.end():m.end() + 3].lstrip(" \t\u00a0")
            if lex.abbreviation_end.search(before) or before[-1:].isdigit() and following[:1].islower():
                continue
            if following[:1].islower():
                continue
        out.append(m.start())
    return out


def _fiscal_year(text: str, lo: int, hi: int, lex: _Lexicon, *, last: bool) -> int | None:
    years = []
    for m in _YEAR.finditer(text, lo, hi):
        if text[m.end():m.end() + 1] in ("-", "–") and not lex.year_suffix.match(text, m.end()):
            continue
        if lex.year_suffix.match(text, m.end()):
            years.append(int(m.group()))
            continue
        before = text[max(lo, m.start() - _WINDOW):m.start()]
        if lex.year_prep.search(before) and not lex.comparison_year.search(before):
            years.append(int(m.group()))
    if not years:
        return None
    return years[-1] if last else years[0]


_FROM_TO = re.compile(r"(?<!\w)(?i:fra|frå)" + _H + r"+\d[\d ,.]*" + _H + r"+(?i:til)\s+\Z")
_FROM = re.compile(r"(?<!\w)(?i:fra|frå)" + _H + r"+\Z")
#: "til" between a change's two levels, perhaps after the first level's year ("fra 100 millioner kroner i 2023 til")
_TIL = re.compile(r"\s+(?:(?i:i|for)" + _H + r"+(?:19|20)\d\d" + _H + r"+)?(?i:til)" + _H + r"+\Z")
_YEAR_PAIR = re.compile(r"(?<!\w)(?i:fra|frå)" + _H + r"+(19\d\d|20\d\d)" + _H + r"+(?i:til)" + _H
                        + r"+(19\d\d|20\d\d)(?!\w)")
_BULLET = re.compile(_ITEM_OPENING.pattern + r"\S")
_PER = re.compile(r"\s+(?i:per|pr\.?|kvar|hver|for kvar|for hver)(?!\w)")


def _counted_recipients(text: str, end: int, hi: int, lex: _Lexicon) -> bool:
    """A counted plural right after the amount: "... kroner til 32 prosjekt", "fordelt på fire kommunar"."""
    m = lex.count_total.match(text, end, hi)
    if not m:
        return False
    core = _number_core(text, m.end(), lex)
    if core is None or core.value < 2 or core.year_like or core.end > hi:
        return False
    if lex.scale.match(text, core.end) or lex.currency_after.match(text, core.end):
        return False
    if lex.percent_after.match(text, core.end):
        return False
    unit = _find_unit(text, core.end, lex)
    return unit is not None and any(stem in unit[0].lower() for stem in lex.recipients)


def _introduces_list(text: str, end: int) -> bool:
    """The amount's line ends with a colon and two or more bullet lines follow ("23,5 millioner kroner til:")."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[end:line_end].rstrip().endswith(":") or _PER.match(text, end):
        return False
    bullets = 0
    for line in text[line_end + 1:].split("\n"):
        if not line.strip():
            if bullets:
                break
            continue
        if not _BULLET.match(line):
            break
        bullets += 1
    return bullets >= 2


def _as_written(original: str, folded: str, r: _Raw) -> str | None:
    """The counted noun as the original text writes it ("idéoverføringar"): units are read from the text with its
    emphasis accents folded, one code point for one."""
    if r.unit is None:
        return None
    at = folded.find(r.unit, r.start)
    return original[at:at + len(r.unit)] if at >= 0 else r.unit


#: a table's sum row up to one of its figures: "Sum\t171,0\t", "Totalt   4 500 000   " (every column is a whole sum)
_SUM_ROW = re.compile(r"[ \t\u00a0]*(?:sum|samla sum|samlet sum|totalt|total|i alt)[ \t\u00a0]*:?"
                      r"(?:[ \t\u00a0]+[\d ,.\t\u00a0-]*)?\Z", re.IGNORECASE)


def _cell_change(text: str, r: _Raw, lex: _Lexicon) -> AmountKind | None:
    """The change a table cell states for the amount alone on the next line: "Frivillig arbeid mv., kan overføres,
    forhøyes med" over "50 000 000" (a web table read one cell per paragraph) is an increase."""
    line_start = text.rfind("\n", 0, r.start) + 1
    line_end = text.find("\n", r.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:r.start].strip() or text[r.end:line_end].strip():
        return None
    before = text[max(0, line_start - _CELL_LINE):line_start].rstrip()
    cell = before[before.rfind("\n") + 1:]
    if not lex.med_adjacent.search(cell + " "):
        return None
    verbs = list(lex.kind_change_verb.finditer(cell))
    return AmountKind[verbs[-1].lastgroup] if verbs else None


def _kind(text: str, lo: int, start: int, end: int, hi: int, lex: _Lexicon, *,
          follows_from: bool = False, next_start: int | None = None, after_hi: int | None = None,
          clause_hi: int | None = None) -> AmountKind:
    m = lex.kind_before.search(text, lo, start)
    if m:
        return AmountKind[m.lastgroup]
    if _FROM_TO.search(text, lo, start):  # "økes fra 30 til 40 millioner": the new level
        return AmountKind.TOTAL
    # "redusert fra 2 831 mill. kr til 122 mill. kr": both are levels
    if follows_from or (next_start is not None and _FROM.search(text, lo, start)
                        and _TIL.match(text[:next_start], end)):
        return AmountKind.TOTAL
    # an after-cue may end in the next amount's qualifier ("fordelt over 158 ordningar"), and a counted
    # plural after it is that next amount ("til 32 prosjekt")
    after_hi = hi if after_hi is None else max(hi, after_hi)
    m = lex.kind_after.match(text, end, after_hi)
    if m:
        return AmountKind[m.lastgroup]
    if _counted_recipients(text, end, max(after_hi, clause_hi or hi), lex) or _introduces_list(text, end):
        return AmountKind.TOTAL
    if lex.med_adjacent.search(text, lo, start):
        verbs = list(lex.kind_change_verb.finditer(text, lo, start))
        if verbs:
            return AmountKind[verbs[-1].lastgroup]
    found = None
    for m in lex.kind_anywhere.finditer(text, lo, start):
        found = m
    return AmountKind[found.lastgroup] if found else AmountKind.UNSPECIFIED


#: Emphasis accents on number words ("én", "eín", "ett") folded one code point for one, keeping offsets.
_ACCENT_FOLD = str.maketrans("áàéèíìóòúùÁÀÉÈÍÌÓÒÚÙ", "aaeeiioouuAAEEIIOOUU")
_RANGE_AFTER = re.compile(r"(?<![\w.])(?:19|20)\d\d" + _H + r"*[-–]" + _H + r"*(?:(?:19|20)\d\d|\d\d)(?!\w)")
#: a parliamentary document's session before a year range: "Prop. 1 S (2019-2020)", "Innst. 12 S (2021–2022)",
#: "St.prp. nr. 1 (2007-2008)", "Meld. St. 19 (2014–2015)"; the range names the document, not the amount's period
_SESSION_BEFORE = re.compile(r"(?:Prop\.|St\.\s?prp\.|Ot\.\s?prp\.|Meld\.\s?St\.|St\.\s?meld\.|Innst\.)"
                             r"\s*(?:nr\.\s*)?\d+(?:\s*[A-Z]{1,2})?\s*\(\Z")


def _period_after(text: str, end: int, hi: int) -> bool:
    """A year range after the amount in its clause ("... over tre år, 2021-2023"), unless it is a parliamentary
    document's session: "Det er i 2020 bevilget 14 mill. kroner i Prop. 1 S (2019-2020)" is money for 2020.

    >>> _period_after("14 mill. i Prop. 1 S (2019-2020) til", 8, 36), _period_after("14 mill. for 2021-2023", 8, 22)
    (False, True)
    """
    return any(not _SESSION_BEFORE.search(text, max(end, m.start() - 40), m.start())
               for m in _RANGE_AFTER.finditer(text, end, hi))


def _year_and_scope(text: str, lo: int, r: _Raw, hi: int, lex: _Lexicon, *, clause: tuple[int, int],
                    nxt: _Raw | None, beyond: int | None = None) -> tuple[int | None, str]:
    """The fiscal year stated for an amount in its clause, and its year scope (see :class:`ParsedAmount`).

    "fra 2020 til 2021 økte med 1 311 mill. kr": a change between two years belongs to the later one;
    "redusert fra 2 831 mill. kr til 122 mill. kr fra 2021 til 2022": the levels pair with the years.
    """
    running = lex.running_after.match(text, r.end, hi)
    after_year = _fiscal_year(text, r.end, hi, lex, last=False)
    if after_year is None and r.is_money and nxt is not None and not nxt.is_money:
        # a count does not end the money's clause: "fordelte 40 millioner kroner på 12 kommuner i 2023"
        after_year = _fiscal_year(text, nxt.end, min(clause[1], beyond or clause[1]), lex, last=False)
    if running:
        return after_year, "none"
    if lex.period_cue.search(text, r.end, hi) or _period_after(text, r.end, hi):
        return None, "period"
    pair = _YEAR_PAIR.search(text, *clause)
    if pair:
        from_level = nxt is not None and bool(_TIL.match(text[:nxt.start], r.end)) and bool(
            _FROM.search(text, max(0, r.start - 10), r.start))
        return int(pair.group(1) if from_level else pair.group(2)), ""
    year = after_year
    if year is None:
        year = _fiscal_year(text, lo, r.start, lex, last=True)
    scope = "current" if year is None and lex.current_cue.search(text, lo, hi) else ""
    return year, scope


#: what makes a count of inhabitants a criterion or a rate: "med (under) 5000", "mellom 5000 og 10 000", "per 1000"
_CRITERION_BEFORE = re.compile(
    r"(?i)(?:(?<![\w-])med(?:[ \t\u00a0]+(?:under|over|mindre[ \t\u00a0]+enn|færre[ \t\u00a0]+enn"
    r"|fleire[ \t\u00a0]+enn|flere[ \t\u00a0]+enn|mer[ \t\u00a0]+enn|meir[ \t\u00a0]+enn|opp[ \t\u00a0]+til"
    r"|inntil|mellom))?"
    r"|(?<![\w-])mellom[ \t\u00a0]+[\d \u00a0]+[ \t\u00a0]+og|(?<![\w-])(?:per|pr\.?))[ \t\u00a0]*\Z")


def _criterion_count(text: str, r: _Raw, lex: _Lexicon) -> bool:
    """A count of inhabitants that sets a criterion or a rate's base ("kommunar med under 5000 innbyggjarar",
    "kommunar med mellom 5000 og 10 000 innbyggjarar", "smittetal per 1000 innbyggjar"), not a fact counted."""
    if r.is_money or not r.unit or not r.unit.lower().startswith(lex.population):
        return False
    before = text[max(0, r.start - 40):r.start]
    return bool(_CRITERION_BEFORE.search(before))


def find_amounts(text: str) -> list[ParsedAmount]:
    """Every monetary amount and counted quantity in ``text``, in order and non-overlapping.

    >>> [(a.text, a.kind.value) for a in find_amounts(
    ...     "30 millioner kroner mer til Alis-avtaler, til en samlet bevilgning på 102 millioner kroner.")]
    [('30 millioner kroner', 'Increase'), ('102 millioner kroner', 'Total')]
    >>> [(a.value, a.fiscal_year) for a in find_amounts(
    ...     "Fondet erstatter fondet på 175 millioner kroner som bystyret opprettet i 2023, "
    ...     "og blir nå på til sammen 245 millioner kroner.")]
    [(Decimal('175000000'), 2023), (Decimal('245000000'), None)]
    >>> find_amounts("Publisert 14. juli 2024, kl. 15.06. Telefon 22 24 90 90. § 3-2 i planperioden 2021-2025.")
    []
    >>> [(a.value, a.unit) for a in find_amounts("10 millioner innbyggere og 30 %")]
    [(Decimal('10000000'), 'innbyggere'), (Decimal('30'), 'prosent')]
    """
    lex = _lexicon()
    original, text = text, text.translate(_ACCENT_FOLD)  # "eín million", "én million": same offsets
    raws: list[_Raw] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = lex.candidate.search(text, pos)
        if not m:
            break
        raw, nxt = _scan_one(text, m.start(), lex)
        if raw is not None and (not raws or raw.start >= raws[-1].end):
            raws.append(raw)
        pos = max(nxt, m.start() + 1)
    raws = [r for r in raws if not _criterion_count(text, r, lex)]
    if not raws:
        return []
    bounds = _boundaries(text, lex)
    out = []
    for i, r in enumerate(raws):
        b = bisect_left(bounds, r.start)
        clause_start = bounds[b - 1] + 1 if b else 0
        e = bisect_left(bounds, r.end)
        clause_end = bounds[e] if e < len(bounds) else n
        lo = max(clause_start, raws[i - 1].end if i else 0, r.start - _CONTEXT)
        hi = min(clause_end, raws[i + 1].start if i + 1 < len(raws) else n, r.end + _CONTEXT)
        hi = max(hi, r.end)
        lo = min(lo, r.start)
        prev = raws[i - 1] if i else None
        nxt = raws[i + 1] if i + 1 < len(raws) else None
        follows_from = prev is not None and bool(_TIL.match(text[:r.start], prev.end)) and bool(
            _FROM.search(text, max(0, prev.start - 10), prev.start))
        # a rate right after a sum says how it changed ("2,7 milliarder kroner (+7,9 prosent) fordelt over 41
        # ordninger"): the words after it still speak of the sum
        cue_next = next((x for x in itertools.islice(raws, i + 1, None) if not (r.is_money and x.unit in lex.percent)),
                        None)
        kind = _kind(text, lo, r.start, r.end, hi, lex, follows_from=follows_from,
                     next_start=nxt.start if nxt else None,
                     after_hi=min(clause_end, r.end + _CONTEXT, cue_next.num_start if cue_next else n),
                     clause_hi=min(clause_end, r.end + _CONTEXT))
        sign = _SIGN_BEFORE.search(text, max(0, r.start - 4), r.start) if r.is_money else None
        if kind is AmountKind.UNSPECIFIED and sign is not None:
            kind = AmountKind.INCREASE if sign.group("plus") else AmountKind.REDUCTION
        if kind is AmountKind.UNSPECIFIED and r.is_money:
            line_start = text.rfind("\n", 0, r.start) + 1
            row = _SUM_ROW.match(text, line_start, r.start)
            kind = _cell_change(text, r, lex) or (AmountKind.TOTAL if row else kind)
            if kind is AmountKind.UNSPECIFIED and _unit_table(text, r.start, r.end, lex) is not None:
                # a budget table's cell: the whole appropriation of its row's post that year, or the change its row
                # names ("Økt driftsramme for biblioteket\t0,20")
                kind = _row_change(text, line_start, r.start, lex) or AmountKind.TOTAL
            elif kind is AmountKind.UNSPECIFIED and _LABELLED_ITEM.match(text, line_start, r.start):
                # "• Økt bemanning i hjemmetjenesten: 5 millioner kroner": a list item or line labelled by its change
                kind = _row_change(text, line_start, r.start, lex) or kind
        qualifier = r.qualifier
        if qualifier == Qualifier.EXACT:
            bound = lex.bound.search(text, lo, r.start)
            if bound:
                qualifier = Qualifier[bound.lastgroup]
        clause = (max(clause_start, r.start - _CONTEXT), min(clause_end, r.end + _CONTEXT))
        column_year = (_column_year(text, r.start, r.end) or _cell_column_year(text, r.start)) if r.is_money else None
        if column_year is not None:  # a table's column per year: its header's year
            year, scope = column_year, ""
        elif r.is_money:
            year, scope = _year_and_scope(text, lo, r, hi, lex, clause=clause, nxt=nxt,
                                          beyond=raws[i + 2].start if i + 2 < len(raws) else None)
        else:  # a count: the year stated in its clause, nothing more
            year, scope = _fiscal_year(text, r.end, hi, lex, last=False), ""
            year = year if year is not None else _fiscal_year(text, lo, r.start, lex, last=True)
        if scope == "period":  # a frame for several years is the whole of it
            scope = "none"
            kind = AmountKind.TOTAL if kind is AmountKind.UNSPECIFIED else kind
        elif (year is None and r.is_money and out and out[-1].is_money and scope != "none"
              and lex.part_of.search(text, raws[i - 1].end, r.start)):
            year = out[-1].fiscal_year  # "320 millioner kroner i 2010, hvorav 270 millioner ...": a part of it
        value = _normalise(r.value)
        out.append(
            ParsedAmount(
                text=original[r.start:r.end],
                start=r.start,
                end=r.end,
                value=value,
                is_money=r.is_money,
                currency="NOK" if r.is_money else None,
                unit=None if r.is_money else _as_written(original, text, r),
                qualifier=qualifier,
                kind=kind,
                fiscal_year=year,
                value_max=_normalise(r.value_max) if r.value_max is not None else None,
                number_text=original[r.num_start:r.num_end],
                year_scope=scope,
            )
        )
    return out
