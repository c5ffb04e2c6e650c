"""The cue words of every measure strategy, read once from ``helsekg/data/measure_cues.json``.

:class:`MeasureCues` is the frozen view of the data file (each field one word list; see the file's
``_doc`` and ``_notes``); :func:`compiled` turns one set of cues into the :class:`Patterns` the
strategies match with, so a word list is written once and compiled once.

>>> patterns = compiled(default_cues())
>>> bool(patterns.instrument_word.match("tilskotsordninga")), bool(patterns.budget_noun.match("løyvinga"))
(True, True)
>>> bool(patterns.anaphor.match("Ordningen")), bool(patterns.anaphor.match("Kompetanseløft"))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from helsekg import resources

__all__ = ["CUES_FILE", "WORD", "MeasureCues", "Patterns", "alternation", "compiled", "default_cues"]

CUES_FILE = "measure_cues.json"

#: A word (may carry hyphens: "Alis-avtaler", "helse-").
WORD = r"[^\W\d_][\w-]*"
#: a whole word of a text (not the letters after a digit or a hyphen)
WORD_START = re.compile(rf"(?<![\w-]){WORD}")
#: A year or a span of years: "2025", "2019–2029", "2017-22".
YEARS = r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?"


@dataclass(frozen=True)
class MeasureCues:
    """Word lists that drive measure extraction (``helsekg/data/measure_cues.json``)."""

    instrument_heads: tuple[str, ...]
    programme_heads: tuple[str, ...]
    funding_verbs: tuple[str, ...]
    action_verbs: tuple[str, ...]
    action_object_any: tuple[str, ...]
    budget_nouns: tuple[str, ...]
    generic_anaphors: tuple[str, ...]
    plural_anaphors: tuple[str, ...]
    purpose_cues: tuple[str, ...]
    purpose_with_subject: tuple[str, ...]
    goal_subject_verbs: tuple[str, ...]
    goal_strip_prefixes: tuple[str, ...]
    list_intro_cues: tuple[str, ...]
    recommendation_cues: tuple[str, ...]
    recommendation_item_starts: tuple[str, ...]
    programme_item_cues: tuple[str, ...]
    programme_origin_cues: tuple[str, ...]
    programme_count_verbs: tuple[str, ...]
    forward_skips: tuple[str, ...]
    forward_intros_after_verb: tuple[tuple[str, str], ...]
    phrase_end_words: tuple[str, ...]
    name_stop_words: tuple[str, ...]
    name_quantifiers: tuple[str, ...]
    drop_words: tuple[str, ...]
    key_suffix_rules: tuple[tuple[str, str, int], ...]
    group_nouns: tuple[str, ...]
    group_cues: tuple[str, ...]
    group_modifier_words: tuple[str, ...]
    group_stop_words: tuple[str, ...]
    target_sentence_cues: tuple[str, ...]
    proposer_verbs: tuple[str, ...]
    runner_patterns: tuple[str, ...]
    heading_measure_prefixes: tuple[str, ...]
    abbreviations: tuple[str, ...]
    quantity_units_excluded: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    total_words: tuple[str, ...]
    budget_clause_verbs: tuple[str, ...]
    change_verbs: tuple[str, ...]
    name_prepositions: tuple[str, ...]
    head_stop_words: tuple[str, ...]
    object_prepositions: tuple[str, ...]
    verb_object_stop_words: tuple[str, ...]
    action_purpose_prepositions: tuple[str, ...]
    action_end_words: tuple[str, ...]
    label_trailing_words: tuple[str, ...]
    goal_trailing_words: tuple[str, ...]
    goal_end_speech_verbs: tuple[str, ...]
    goal_end_conjunctions: tuple[str, ...]
    applicant_verbs: tuple[str, ...]
    group_blockers: tuple[str, ...]
    group_keep_words: tuple[str, ...]
    programme_part_verbs: tuple[str, ...]
    actor_object_prepositions: tuple[str, ...]
    actor_acting_verbs: tuple[str, ...]
    definite_suffixes: tuple[str, ...]
    definite_endings: tuple[str, ...]
    bare_instrument_endings: tuple[str, ...]
    instrument_endings: tuple[str, ...]
    key_link_words: tuple[str, ...]
    # measure/funding restraint and word orders (issue 13)
    list_block_lemmas: tuple[str, ...] = ()
    #: "Nøkkeltal for 2023 er som følgjer:": figures, not measures, even when every item holds money
    figure_list_lemmas: tuple[str, ...] = ()
    list_block_heading_lemmas: tuple[str, ...] = ()
    list_block_openers: tuple[str, ...] = ()
    generic_measure_lemmas: tuple[str, ...] = ()
    month_names: tuple[str, ...] = ()
    weekday_names: tuple[str, ...] = ()
    place_entity_labels: tuple[str, ...] = ()
    request_verbs: tuple[str, ...] = ()
    funded_participles: tuple[str, ...] = ()
    channel_prepositions: tuple[str, ...] = ()
    company_forms: tuple[str, ...] = ()
    new_measure_words: tuple[str, ...] = ()
    document_heads: tuple[str, ...] = ()
    allocation_verbs: tuple[str, ...] = ()
    table_sum_labels: tuple[str, ...] = ()
    table_sum_words: tuple[str, ...] = ()
    process_nouns: tuple[str, ...] = ()
    #: "retningslinjer for tildeling av tilskudd til X": the rules a decision adopts for a grant
    rule_nouns: tuple[str, ...] = ()
    area_heads: tuple[str, ...] = ()
    many_words: tuple[str, ...] = ()
    #: the goals of another plan, or what a text follows: "målene i X", "i tråd med X" (X is no measure here)
    frame_cues: tuple[str, ...] = ()
    #: target groups that name nobody in particular ("pasientene", "prioriterte grupper")
    vague_groups: tuple[str, ...] = ()
    #: the bodies money is paid through ("kommunene", "helseføretaka"): a target group only where a sentence states one
    channel_groups: tuple[str, ...] = ()
    #: adverbs between "kan" and "søke" of an applicant clause ("Kommunene kan også søke om ...")
    applicant_adverbs: tuple[str, ...] = ()
    #: line openings of a grant page ("Søknadsfrist:", "Kven kan søkje?"): its title names the scheme
    grant_page_keys: tuple[str, ...] = ()
    #: line openings of a municipality's service page ("Kva kostar det?", "Slik søker du"): its title names the service
    service_page_keys: tuple[str, ...] = ()
    #: "Dette er ei teneste til ...": a first sentence defining the page as one of these makes its title the service
    service_definition_nouns: tuple[str, ...] = ()
    #: the section headings every post of a committee's recommendation has ("Sammendrag", "Komiteens merknader")
    post_section_headings: tuple[str, ...] = ()
    #: "Etablering av X", "Oppretting av X": setting X up, one measure with X named in the same document
    founding_nouns: tuple[str, ...] = ()
    #: "prosjekter", "ordningar": an organisation's name never ends in the plural of an instrument noun
    plural_instrument_words: tuple[str, ...] = ()
    #: heads of a page's section headings ("Mål for tjenesten", "Om tenesta"): a title with one names no scheme
    section_heading_heads: tuple[str, ...] = ()
    #: "timepris", "månadspris": a price of a service ("pris" is an instrument head for awards)
    price_words: tuple[str, ...] = ()
    #: the heads of a price or fee compound ("oppstartsgebyr", "månadsleige")
    price_heads: tuple[str, ...] = ()
    #: national programmes whose names run on in lower case ("Leve hele livet"): a name cut at "hele" is extended
    programme_names: tuple[str, ...] = ()
    #: a table header's project and applicant columns ("Prosjekt Kommune Tilskudd 2023 ..."): the row ends in its applicant
    table_project_columns: tuple[str, ...] = ()
    table_applicant_columns: tuple[str, ...] = ()
    #: compounds of "middel" that name goods, not money ("hjelpemiddel", "legemidlar", "rusmidler")
    goods_means_prefixes: tuple[str, ...] = ()
    #: the last words of the other columns of a project table read one cell per line ("Prosjektleder", "Institusjon")
    table_column_heads: tuple[str, ...] = ()
    #: bodies an action verb sets up ("sett ned eit offentleg utval"): measures only as such an object
    committee_heads: tuple[str, ...] = ()
    #: an action verb's definite or possessed object ending in one of these is an offer at large ("bygge ut
    #: helsetilbudet", "styrke kommunens tilbud"); what stands before it: possessives, demonstratives
    offer_heads: tuple[str, ...] = ()
    possessive_words: tuple[str, ...] = ()
    demonstrative_words: tuple[str, ...] = ()
    #: a list item's phrase opening with one of these names no measure ("for hjemmeboende eldre")
    list_item_prepositions: tuple[str, ...] = ()
    #: "Innhold:", "Innhaldsliste": a list under one of these is a table of contents, its items headings
    contents_headings: tuple[str, ...] = ()
    #: public bodies that receive money ("N kroner til Helse Sør-Øst"): never a measure
    recipient_body_types: tuple[str, ...] = ()
    #: "slike frisklivssentralar": a label opening with one of these names a kind
    kind_words: tuple[str, ...] = ()
    #: "N er øremerket kommunalt rusarbeid": participles that take the purpose as their object
    earmark_participles: tuple[str, ...] = ()
    #: "gjennom kommunerammen", "over Helse- og omsorgsdepartementets budsjett": the channel a sum comes through
    channel_heads: tuple[str, ...] = ()
    #: "gode prosjekter": adjectives that leave a generic noun generic ("løpende prosjekter" is a group of measures)
    vague_modifiers: tuple[str, ...] = ()
    #: "Vinnaren får N": who gets the money of the measure the text is about
    recipient_nouns: tuple[str, ...] = ()
    prize_nouns: tuple[str, ...] = ()
    #: "en styrking av X på N": the strengthening is the measure
    strengthening_nouns: tuple[str, ...] = ()
    #: "X ligg til grunn for ...": a plan named as the basis of the text's work
    basis_verbs: tuple[str, ...] = ()
    #: "Nye Førde sjukehus": a capitalised name opened by one of these is a building project
    project_name_openers: tuple[str, ...] = ()
    #: "ber regjeringen iverksette en gjennomgang av ...": a verb that sets the requested thing going
    request_light_verbs: tuple[str, ...] = ()
    #: "ber regjeringen snarest mulig ...": adverbs before a request's verb
    request_adverbs: tuple[str, ...] = ()
    #: " - utlysing for 2022" after a scheme's name in a title: the call, not the name
    call_words: tuple[str, ...] = ()
    #: "i regi av X" after an item's name: who runs it
    runner_phrases: tuple[str, ...] = ()
    #: "bygge ut X for N kroner": X is what the amount pays for
    build_verbs: tuple[str, ...] = ()
    #: "til å styrke X": the verb is dropped from the measure's label
    strengthen_verbs: tuple[str, ...] = ()
    #: heads of bodies and places: a capitalised compound of one mid-sentence is no named measure
    institution_heads: tuple[str, ...] = ()
    #: "innen/innan": a phrase end only before a time ("innen utgangen av 2025"), not in "behandling innen rus"
    deadline_prepositions: tuple[str, ...] = ()
    deadline_words: tuple[str, ...] = ()
    #: "søknadsfrist", "frist": a deadline noun before a date ends a phrase ("midler til X med søknadsfrist 26. mars")
    deadline_nouns: tuple[str, ...] = ()
    #: "fra tidligere tilskuddsordning X": an earlier scheme, not what a later "ordningen" takes up
    former_words: tuple[str, ...] = ()
    #: heads that make an instrument noun only as the last part of a compound ("innovasjonsmidlar",
    #: "folkehelsemidler"), never alone ("midler til ...")
    compound_instrument_heads: tuple[str, ...] = ()
    #: first parts that make such a compound no money: "legemidler", "hjelpemidler", "virkemidler", "rusmidler"
    compound_instrument_stops: tuple[str, ...] = ()
    #: adverbs that may stand between a verb and its particle ("lyser no ut", "set òg i gang")
    particle_adverbs: tuple[str, ...] = ()
    #: a representative proposal's title ("Representantforslag fra stortingsrepresentantene A og B om X"): the
    #: document kind and the authors' title (see :mod:`.proposals`)
    proposal_nouns: tuple[str, ...] = ()
    proposal_authors: tuple[str, ...] = ()
    #: "... gi støtte til fem innovasjonsprosjekter:": a count before the instrument noun that ends a list's introduction
    counted_list_words: tuple[str, ...] = ()
    #: "Nytt sykehus i Drammen": a title of "ny/nytt/nye" and one of these heads announces a building project
    new_building_heads: tuple[str, ...] = ()
    #: "X har en kostnadsramme på N": subjects that have a frame without being a measure (a body named by its kind,
    #: a pronoun)
    frame_non_owners: tuple[str, ...] = ()
    #: words that open with a recommendation cue and name none: "Rådmannen foreslår følgende tiltak:" is the
    #: administration's proposal, not a council's advice ("råd" opens "rådmann", "rådhus", "rådgiver")
    recommendation_cue_stops: tuple[str, ...] = ()
    #: grant and scheme nouns that name a page's measure by what follows "til"/"for" when nothing else names one
    page_scheme_heads: tuple[str, ...] = ()
    #: a budget table's purpose cell that ends by changing the amount on the line below ("Spesielle driftsutgifter, kan
    #: nyttes under post 70, forhøyes med" / "20 000 000"): the verbs before its "med"
    change_cell_verbs: tuple[str, ...] = ()
    #: abbreviations whose final dot ends no phrase ("til ev. auka kostnadar", "til bl.a. kompetanseheving")
    phrase_abbreviations: tuple[str, ...] = ()
    #: a heading ending in one of these names an offer of the page (:mod:`.services`: "Omsorgsbolig",
    #: "Avlastningsopphald")
    service_heads: tuple[str, ...] = ()
    about_title_heads: tuple[str, ...] = ()
    #: the definite service or scheme noun that opens a service page's first sentence ("Tjenesten skal ...")
    service_subjects: tuple[str, ...] = ()
    #: a heading that is one of these alone names no offer in particular ("Bolig", "Opphold")
    service_kinds: tuple[str, ...] = ()
    #: "Jordmortenesta", "Helsestasjonstenesta": a one-word title compounded with one of these names a service
    service_compound_heads: tuple[str, ...] = ()
    legislation_heads: tuple[str, ...] = ()
    legislation_compound_heads: tuple[str, ...] = ()
    legislation_changes: tuple[str, ...] = ()
    legislation_process_words: tuple[str, ...] = ()
    label_non_openers: tuple[str, ...] = ()
    #: a plan, strategy, white paper or reform (a label ending in one of these, in any inflection): what a page's
    #: scheme serves when the page names it in passing
    plan_heads: tuple[str, ...] = ()
    #: "Styret tar til etterretning ...", "Styret legg vidare til grunn at ...": what follows a decision item's verb
    #: when the body only takes note of something or states its premise: no measure
    noting_phrases: tuple[str, ...] = ()
    #: "Styret gir administrerande direktør fullmakt til å inngå avtale om ...": the measure is the mandated verb's object
    mandate_nouns: tuple[str, ...] = ()
    #: "Ørsta kommune søkte på midlar til:": a list introduced by money and what it is for names measures
    money_list_nouns: tuple[str, ...] = ()
    #: "Rammetilskudd til kommuner og kap": words a measure's phrase never ends in (trimmed unless it is a name)
    dangling_words: tuple[str, ...] = ()
    #: "... og kap": the dangling words that end no name either
    dangling_name_words: tuple[str, ...] = ()

    def is_price(self, word: str) -> bool:
        """``word`` names a price or fee: one of ``price_words`` or a compound ending in one of ``price_heads``
        ("Leie", "timepris", "oppstartsgebyr")."""
        low = word.lower()
        return low in self.price_words or low.endswith(self.price_heads)

    @classmethod
    def load(cls, path: str | Path | None = None) -> MeasureCues:
        """Read the cue file (the shipped one by default)."""
        if path is None:
            source: str | Path = resources.data_path(CUES_FILE)
            data = resources.load_data(CUES_FILE)
        else:
            source = Path(path)
            data = resources.read_json_data(source, what="measure cues")
        return cls(**resources.cue_tuples(data, cls.__dataclass_fields__, source=source, what="measure cues"))


def _basis(alternatives: str) -> str:
    """``alternatives`` of basis verbs with up to two words allowed before their "til" ("lå i år til grunn")."""
    return re.sub(r"(?:\\ |\\s\+)til\b", r"(?:\\s+[\\w-]+){0,2}?\\s+til", alternatives)


@lru_cache(maxsize=1)
def default_cues() -> MeasureCues:
    """The shipped cues, loaded once."""
    return MeasureCues.load()


def alternation(phrases: Sequence[str], *, any_space: bool = True) -> str:
    """Alternation of phrases, longest first; a space matches any whitespace run (one space if not ``any_space``).

    >>> alternation(["for", "fra og med"])
    'fra\\\\s+og\\\\s+med|for'
    """
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+" if any_space else r"\ ") for p in parts)


def _with_adverb(phrases: Sequence[str], adverbs: Sequence[str], months: Sequence[str] = ()) -> str:
    """Alternation of two-word phrases with an optional adverb after the first word ("kan [også] søke"), or a time
    "i <month> [<year>]" / "i <year>" when ``months`` are given ("la i desember 2017 fram").

    >>> re.fullmatch(_with_adverb(["kan søke"], ["også"]), "kan  også søke") is not None
    True
    >>> re.fullmatch(_with_adverb(["la fram"], [], ["desember"]), "la i desember 2017 fram") is not None
    True
    """
    when = [alternation(adverbs)] if adverbs else []
    if months:
        when.append(rf"i\s+(?:(?:{alternation(months)})(?:\s+\d{{4}})?|\d{{4}})")
    adverb = rf"(?:\s+(?:{'|'.join(when)}))?" if when else ""
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        first, _, rest = phrase.partition(" ")
        parts.append(re.escape(first) + (adverb + r"\s+" + alternation([rest]) if rest else ""))
    return "|".join(parts)


#: :meth:`Patterns.word_check` forgets its verdicts beyond this many (a long batch meets ever new words).
_MAX_REMEMBERED_WORDS = 200_000


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns and word sets of one :class:`MeasureCues` (see :func:`compiled`)."""

    cues: MeasureCues
    quote_item: re.Pattern[str]
    instrument_word: re.Pattern[str]
    committee_word: re.Pattern[str]
    programme_word: re.Pattern[str]
    institution_word: re.Pattern[str]
    strengthen: re.Pattern[str]
    title_call: re.Pattern[str]
    runner: re.Pattern[str]
    built_for: re.Pattern[str]
    budget_noun: re.Pattern[str]
    anaphor: re.Pattern[str]
    plural_anaphor: re.Pattern[str]
    forward_skip: re.Pattern[str]
    phrase_end: re.Pattern[str]
    deadline: re.Pattern[str]  # "innen 1. mai", "innan utgangen av 2025": a deadline, no part of a phrase
    purpose: re.Pattern[str]
    goal_subject: re.Pattern[str]
    goal_strip: re.Pattern[str]
    goal_end: re.Pattern[str]
    goal_end_opening: re.Pattern[str]
    list_intro: re.Pattern[str]
    recommendation: re.Pattern[str]
    recommendation_item: re.Pattern[str]
    programme_item: re.Pattern[str]
    programme_origin: re.Pattern[str]
    frame: re.Pattern[str]
    basis: re.Pattern[str]
    programme_count: re.Pattern[str]
    programme_parts: re.Pattern[str]
    action: re.Pattern[str]
    action_any: re.Pattern[str]
    action_purpose: re.Pattern[str]
    action_end: re.Pattern[str]
    funding_verb: re.Pattern[str]
    budget_clause_verb: re.Pattern[str]
    change_subject: re.Pattern[str]
    on_amount: re.Pattern[str]
    group_noun: re.Pattern[str]
    group_cue: re.Pattern[str]
    group_stop: re.Pattern[str]
    applicants: re.Pattern[str]
    target_sentence: re.Pattern[str]
    proposer_verb: re.Pattern[str]
    actor_as_object: re.Pattern[str]
    actor_after_verb: re.Pattern[str]
    definite_ending: re.Pattern[str]
    name_stop: frozenset[str]
    name_quantifiers: frozenset[str]
    drop: frozenset[str]
    group_modifiers: frozenset[str]
    group_drop: frozenset[str]
    group_blockers: frozenset[str]
    name_prepositions: frozenset[str]
    head_stops: frozenset[str]
    object_stops: frozenset[str]
    verb_object_stops: frozenset[str]
    label_trailing: frozenset[str]
    goal_trailing: frozenset[str]
    bare_endings: tuple[str, ...]
    intros_after_verb: dict[str, str]
    #: (check, word) -> verdict of a per-word check the finders ask again and again (:meth:`word_check`)
    _words: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)

    def word_check(self, name: str, word: str, check: Callable[[str], object]) -> bool:
        """``bool(check(word))``, remembered per (name, word): the same words are checked against the same long
        patterns in every sentence (issue 18). ``name`` must stand for one ``check`` on these patterns."""
        key = (name, word)
        verdict = self._words.get(key)
        if verdict is None:
            if len(self._words) >= _MAX_REMEMBERED_WORDS:
                self._words.clear()
            verdict = self._words[key] = bool(check(word))
        return verdict


def _lower(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=4)
def compiled(cues: MeasureCues) -> Patterns:
    """The :class:`Patterns` of ``cues`` (cached: the strategies share one compiled set)."""
    i = re.IGNORECASE
    alt = alternation
    heads = alt(cues.instrument_heads)
    # "programmet": a doubled consonant before the ending
    suffix = rf"(?:[mnlst]?(?:{alt(cues.instrument_endings)}))?"
    # "innovasjonsmidlar": a head that counts only at the end of a compound, unless a stop opens the head ("legemidler")
    compound_heads = alt(cues.compound_instrument_heads)
    stops = (rf"(?![\w-]*?(?:{alt(cues.compound_instrument_stops)})(?:{compound_heads})$)"
             if cues.compound_instrument_stops else "")
    compound = rf"{stops}[\w-]{{4,}}?(?:{compound_heads})" if cues.compound_instrument_heads else ""
    # a spaced dash ends a goal unless it suspends a compound ("helse – og omsorgstenester"); so does a parenthesis;
    # a closing quote before its attribution ends it too ("... velferdssamfunn» seier statsforvaltaren")
    goal_end = (rf"[;!?(]|\s[–—]\s(?!og\b|eller\b)|(?:,|[»”\"],?)\s+(?:{alt(cues.goal_end_speech_verbs)})\b"
                rf"|,\s+(?:{alt(cues.goal_end_conjunctions, any_space=False)})\b|\.\s*$")
    abbreviated = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in cues.phrase_abbreviations)
    deadline = (rf"\s(?:{alt(cues.deadline_prepositions)})\s+(?=\d|(?:{alt(cues.deadline_words + cues.month_names)})\b)"
                if cues.deadline_prepositions else r"(?!)")
    if cues.deadline_nouns:  # "... med søknadsfrist 26. mars", "(søknadsfrist 1. mai)": the call's deadline
        deadline += rf"|\s(?:med\s+)?(?:{alt(cues.deadline_nouns)})\s+(?=\d|(?:{alt(cues.month_names)})\b)"
    return Patterns(
        cues=cues,
        # a word that is, or ends in, an instrument noun: "rekrutteringsprosjektet", "tilskotsordninga"
        instrument_word=re.compile(rf"^(?:[\w-]*?(?:{heads}){suffix}|{compound})$" if compound
                                   else rf"^[\w-]*?(?:{heads}){suffix}$", i),
        committee_word=re.compile(rf"^[\w-]*?(?:{alt(cues.committee_heads)}){suffix}$", i) if cues.committee_heads
        else re.compile(r"(?!)"),
        programme_word=re.compile(rf"^[\w-]*?(?:{alt(cues.programme_heads)}){suffix}$", i),
        # "bygge ut det somatiske tilbudet i Skien for inntil", "bygge nytt sykehus på Ullandhaug innenfor en ramme på":
        # the object of a building verb, then "for" or the frame before the amount
        built_for=re.compile(rf"(?<![\w-])(?:{alt(cues.build_verbs)})\s+((?:{WORD}\s+){{0,6}}?{WORD})\s+"
                             r"(?:for|inn[ae]nfor\s+(?:(?:en|ei|ein|den|sin)\s+)?[\w-]*ramm(?:e|a|en)\s+på)\s+$", i)
        if cues.build_verbs else re.compile(r"(?!)"),
        # " - utlysing for 2022", ": tildeling": a title's call or round after the scheme's name (or a year alone)
        title_call=re.compile(rf"\s*(?:\s[-–—]\s|:\s)\s*(?:ny\s+|nye\s+)?(?:(?:{alt(cues.call_words)})\b|(?:19|20)\d\d\s*$)", i)
        if cues.call_words else re.compile(r"(?!)"),
        runner=re.compile(rf"\s(?:{alt(cues.runner_phrases)})\s", i) if cues.runner_phrases else re.compile(r"(?!)"),
        strengthen=re.compile(rf"(?:{alt(cues.strengthen_verbs)})\s+(?=\w)", i) if cues.strengthen_verbs
        else re.compile(r"(?!)"),
        institution_word=re.compile(rf"^[\w-]*?(?:{alt(cues.institution_heads)}){suffix}$", i) if cues.institution_heads
        else re.compile(r"(?!)"),
        budget_noun=re.compile(rf"^[\w-]*?(?:{alt(cues.budget_nouns)})$", i),
        anaphor=re.compile(rf"^(?:{alt(cues.generic_anaphors)})$", i),
        plural_anaphor=re.compile(rf"^(?:{alt(cues.plural_anaphors)})$", i),
        forward_skip=re.compile(
            rf"\s*(?:(?:{alt(cues.forward_skips)})\b|(?:{alt(cues.year_prepositions, any_space=False)})\s+"
            rf"(?:[a-zæøå]+\s+)?(?:19|20)\d\d\b|per\s+{WORD}|,(?=\s+(?:til|for å)\s)"
            # "gjennom kommunerammen", "over Helse- og omsorgsdepartementets budsjett": the channel, then the purpose
            rf"|(?:over|gjennom|via)\s+(?:[\w.-]+\s+){{0,4}}?[\w-]*(?:{alt(cues.channel_heads) or '(?!)'})"
            rf"(?=\s+(?:til|for)\s)"
            # "over 15 mrd. kr som kommunene kan bruke til å bygge ...": who may use it, then what it is for
            rf"|som\s+(?:[\w-]+\s+){{1,3}}?(?:kan|skal|vil|må)\s+(?:bruke|bruka|nytte|nytta)(?=\s+til\s))",
            i,
        ),
        phrase_end=re.compile(
            # a comma ends a phrase, but not between two adjectives ("regionale, konkurranseutsatte forskningsmidler")
            rf"(?<!-),(?!\d)(?!(?<=[a-zæøå]e,)\s+[a-zæøå]{{3,}}e\s+(?!og\b|eller\b|samt\b)[a-zæøå])"
            # a dot ends it, but not inside an abbreviation ("bl.a.", "f.eks.") nor after one ("ev.", "ca.")
            rf"|[;:!?()\n\t]|\.(?![a-zæøå]){abbreviated}"
            # a spaced dash ends it, but not in a range of numbers ("for perioden 2012 – 2016")
            rf"|(?<!\d)\s[-–—]\s|\s[-–—]\s(?!\d)|\s(?:{alt(cues.phrase_end_words)})\b|\si\s+(?:19|20)\d\d\b"
            # "... til Helse Vest og 7,5 millionar kroner til ...": the next item
            rf"|{deadline}|\s(?:og|eller)\s+(?=\d)"
            + (rf"|\s(?:{alt(cues.weekday_names)})\s+(?=\d)" if cues.weekday_names else ""),  # "tirsdag 2. mars": when
            i,
        ),
        deadline=re.compile(deadline, i),
        purpose=re.compile(
            rf"(?<![\w-])(?:(?:{alt(cues.purpose_cues)})|(?:{alt(cues.purpose_with_subject)})\s+(?:{WORD}\s+){{1,3}}"
            rf"er(?:\s+(?:å|at))?|(?:vil|skal)\s+(?:{WORD}\s+){{1,2}}(?:bidra|medverke)\s+til(?:\s+(?:å|at))?)(?![\w-])",
            i,
        ),
        goal_subject=re.compile(rf"(?<![\w-])(?:{alt(cues.goal_subject_verbs)})(?![\w-])", i),
        goal_strip=re.compile(rf"(?:(?:{alt(cues.goal_strip_prefixes)})\s+)+", i),
        goal_end=re.compile(goal_end),
        # a goal that opens its sentence also ends at a comma
        goal_end_opening=re.compile(goal_end + r"|(?<!-),\s"),
        list_intro=re.compile(rf"(?<![\w-])(?:{alt(cues.list_intro_cues)})", i),
        recommendation=re.compile(rf"(?<![\w-])(?!{alt(cues.recommendation_cue_stops) or '(?!)'})"
                                  rf"(?:{alt(cues.recommendation_cues)})", i),
        recommendation_item=re.compile(rf"^\W*(?:{alt(cues.recommendation_item_starts)})\b", i),
        # "- Vi har lyttet til fagfolkene, sier Vestre.": a press quote, not a list item
        quote_item=re.compile(rf",\s+(?:{alt(cues.speech_verbs)})\s+[^,.;:]{{1,80}}[.!]?\s*$"),
        programme_item=re.compile(rf"(?<![\w-])(?:{alt(cues.programme_item_cues)})\s+(?=[A-ZÆØÅ])"),
        # "videreføres fra", also with the earlier scheme's kind between: "videreføres fra tidligere tilskuddsordning"
        programme_origin=re.compile(rf"(?<![\w-])(?:{alt(cues.programme_origin_cues)})\s+"
                                    rf"(?:(?:{alt(cues.former_words)})\s+)?(?:[\w-]*?(?:{heads})[\w-]*\s+)?$", i),
        # a frame cue right before, or before a list of names that ends there ("målene i samhandlingsreformen,
        # NCD-strategien og ...": each name of the list); ", og" opens a clause of its own, no list item
        frame=re.compile(rf"(?<![\w-])(?:{alt(cues.frame_cues)})\s+"
                         rf"(?:(?:(?!,\s+(?:og|eller)\b)[^.;:!?\n]){{1,100}}?(?:,|(?<!,)\s+og|(?<!,)\s+eller)\s+)?$", i),
        programme_count=re.compile(rf"^\s*(?:{alt(cues.programme_count_verbs)})\b", i),
        # "... 2020-2023 ligg til grunn for satsingsområda": what follows a plan named as the basis of the work
        # ("... lå i år til grunn": an adverbial of two words at most before "til grunn")
        basis=(re.compile(rf"\s*(?:,\s*)?(?:{_basis(alt(cues.basis_verbs))})\b", i) if cues.basis_verbs
               else re.compile(r"(?!)")),
        # "Satsingen består av tre deler:"
        programme_parts=re.compile(rf"\W*({WORD})\s+(?:{alt(cues.programme_part_verbs)})\b"),
        action=re.compile(rf"(?<![\w-])(?:{_with_adverb(cues.action_verbs, cues.particle_adverbs, cues.month_names)})"
                          r"(?![\w-])", i),
        # "foreslår [regjeringen blant annet] å <verb phrase>", "i oppdrag å", "bedt X om å"
        action_any=re.compile(rf"(?<![\w-])(?:{alt(cues.action_object_any)})(?:\s+(?!for\b|til\b)[\w.-]+){{0,4}}?\s+(?:om\s+)?å\s+", i),
        # "for å etablere ...": a purpose, not a decided action
        action_purpose=re.compile(rf"(?:{alt(cues.action_purpose_prepositions)})\s+å\s+(?:kunne\s+|kunna\s+)?$"),
        action_end=re.compile(rf"\s+(?:{alt(cues.action_end_words)})\b", i),
        funding_verb=re.compile(rf"^(?:{alt(cues.funding_verbs)})$", i),
        # "bevilgningen til Y [økes] med X": where Y ends
        budget_clause_verb=re.compile(rf"\s(?:{alt(cues.budget_clause_verbs)})\b"),
        # "Y styrkes/videreføres/reduseres med X": the subject of the clause
        # the subject may hold a bracketed short name: "Ny barne- og ungdomsavdeling (BUPA) i Helse Stavanger HF er ..."
        change_subject=re.compile(rf"\W*({WORD}(?:\s+\([^()\n]{{1,30}}\))?(?:\s+{WORD}(?:\s+\([^()\n]{{1,30}}\))?){{0,6}}?)"
                                  rf"\s+(?:({WORD})\s+)?(?:{alt(cues.change_verbs)})\b"),
        # "Y på X": "et fond på 175 millioner", "ei ny tilskotsordning på 25 millionar kroner"
        on_amount=re.compile(rf"(?:({WORD}-)\s+og\s+)?({WORD})\s+på\s+(?:(?:{alt(cues.total_words)})\s+)?$"),
        group_noun=re.compile(rf"^[\w/-]*?(?:{alt(cues.group_nouns)})$", i),
        # "til eldre", "rettet mot kommunar"; and "av" after an action noun in -ing ("inkludering av barn og unge")
        group_cue=re.compile(rf"(?<![\w-])(?:{alt(cues.group_cues)})\s+|(?:(?<=ing\s)|(?<=inga\s)|(?<=ingen\s))av\s+", i),
        # a group ends before a stop word, a year, a clause mark, "å", or an amount ("grupper med 30 millioner kroner")
        group_stop=re.compile(rf"\s(?:{alt(cues.group_stop_words)})\b|\s(?:i|fra|frå)\s+(?:19|20)\d\d\b|(?<!-),(?!\d)"
                              rf"|[.;:!?()\n\t]|\s[-–—]\s|\så\s|\s(?:med|på)\s+(?:inntil\s+|om\s+lag\s+|nær\s+)?\d"
                              # "med fem millionar kroner": an amount in words
                              rf"|\s(?:med|på)\s+(?:[\w,]+\s+){{1,2}}(?:kroner|kr\b|mill|milliard)", i),
        # "Kommuner og bydeler kan søke"
        applicants=re.compile(rf"\W*(.+?)\s+(?:{_with_adverb(cues.applicant_verbs, cues.applicant_adverbs)})\b", i),
        target_sentence=re.compile(rf"(?:{alt(cues.target_sentence_cues)})", i),
        proposer_verb=re.compile(rf"\s*(?:{alt(cues.proposer_verbs)})\b", i),
        actor_as_object=re.compile(rf"\b(?:{alt(cues.actor_object_prepositions)})\s+$", i),
        actor_after_verb=re.compile(rf"(?:{alt(cues.actor_acting_verbs)})\s+$", i),
        definite_ending=re.compile(rf"(?:{alt(cues.definite_endings)})$"),
        name_stop=_lower(cues.name_stop_words),
        name_quantifiers=_lower(cues.name_quantifiers),
        drop=_lower(cues.drop_words),
        group_modifiers=_lower(cues.group_modifier_words),
        group_drop=_lower(cues.drop_words) - _lower(cues.group_keep_words),
        group_blockers=_lower(cues.group_blockers),
        name_prepositions=_lower(cues.name_prepositions),
        head_stops=_lower(cues.head_stop_words),
        object_stops=_lower(cues.object_prepositions),
        verb_object_stops=_lower(cues.object_prepositions) | _lower(cues.verb_object_stop_words),
        label_trailing=_lower(cues.label_trailing_words),
        goal_trailing=_lower(cues.goal_trailing_words),
        bare_endings=tuple(cues.bare_instrument_endings),
        intros_after_verb=dict(cues.forward_intros_after_verb),
    )
