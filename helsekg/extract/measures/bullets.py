"""Strategy: bullet lists of measures, and the programme their introduction names.

A list is read as measures when its introduction says so ("..., er følgende:", "blant annet:",
"Kommunestyret gjorde følgjande vedtak:") or simply ends in a colon; each item that names no measure
yet gives its first phrase, without a leading actor and verb ("• Kommunestyret løyver ..."). Press
quotes set as dash lines ("- Vi har lytta, seier statsråden.") are not items. Lists of
recommendations ("Rådets forslag til tiltak:", items opening with "Vi må ...") are read as
recommendations: the measures found inside them are dropped. A programme named in the introduction
("tiltakene i Kompetanseløft 2025 er:") or a definite subject ("Satsinga består av tre delar:") is the
programme the items are part of.

>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = "Dette er tiltaka i Kompetanseløft 2025:\\n• Kompetanseheving i omsorgstenestene\\n• Fleire lærlingar"
>>> context = build_context(document_from_text(text, source="x.txt"))
>>> reading = read_lists(context)[0]
>>> reading.is_measures, [text[i.candidate.start:i.candidate.end] for i in reading.items]
(True, ['Kompetanseheving i omsorgstenestene', 'lærlingar'])
>>> reading.programme.fallback_key
'kompetanseloft-2025'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from helsekg.extract.measures.candidates import (
    BulletItem,
    Candidate,
    ListReading,
    ProgrammeCue,
)
from helsekg.extract.measures.context import BulletList, MeasureContext
from helsekg.extract.measures.cues import MeasureCues, alternation
from helsekg.extract.measures.goals import goal_cues, goal_list
from helsekg.extract.measures.phrases import (
    capitalised_programmes,
    demonstrative_instrument,
    finite_verb,
    lemma_words,
    phrase_after,
    stem,
    suffix_lemma,
    tokens,
    trim_phrase,
)
from helsekg.extract.measures.prose import default_prose_cues, past_rules
from helsekg.extract.measures.targets import group_phrase
from helsekg.extract.measures.titles import before_finite_verb
from helsekg.extract.records import Amount
from helsekg.nlp.extensions import annotated
from helsekg.text.document import slugify
from helsekg.text.layout import BULLET_RE, line_bounds

__all__ = ["criteria_intro", "programme_cue", "quoted_title", "read_lists", "strip_subject"]


def read_lists(context: MeasureContext) -> tuple[ListReading, ...]:
    """Every bullet list of the document, read as recommendations, measures or neither."""
    text, rx = context.text, context.rx
    readings = []
    for list_id, lst in enumerate(context.lists):
        intro = text[lst.intro[0]:lst.intro[1]] if lst.intro else ""
        items = [text[s:e] for s, e in lst.bullets]
        recommendation = bool(rx.recommendation.search(intro)) or sum(
            bool(rx.recommendation_item.match(BULLET_RE.sub("", item))) for item in items
        ) * 2 > len(items)
        # "Innhold:" over "1. Innledning", "2. Tilsynets normering": a table of contents lists headings
        contents = intro.strip().rstrip(":").strip().lower() in rx.cues.contents_headings
        is_measures = (not recommendation and not contents
                       and (bool(rx.list_intro.search(intro)) or intro.endswith(":") or lst.table)
                       and (not criteria_intro(context, lst)
                            # a table or a list of money lines is a budget's lines unless it lists figures
                            or (lst.table or context.every_item_funded(lst))
                            and not criteria_intro(context, lst, figures=True))
                       and not _shifts(items)
                       # "• Hva vil dere oppnå med tiltaket?", "• Hvem skal lede prosjektet?": an application
                       # form's questions, not its measures
                       and not _questionnaire(items)
                       # "Tiltakspakka skal mellom anna bidra til å: • auke deltakinga ...": goals, not measures
                       and not (lst.intro is not None and goal_list(context, *lst.intro))
                       # "Dagtilbudet er åpent:" ... "Målsetting" over "• gi avlastning for nære pårørende": the items
                       # under a goal subheading are goals, whatever the introduction further up
                       and not (lst.group is not None and goal_cues().goal_heading_line.fullmatch(
                           text[lst.group[0]:lst.group[1]].strip())))
        if recommendation or not is_measures:
            readings.append(ListReading(list_id, recommendation, is_measures, None, ()))
            continue
        found = []
        # "Kommune / Innvilget beløp" over "Sola / 17 900": the rows are who gets the money; the measure is the page's
        rows = () if lst.table and _recipient_rows(context, lst) else lst.bullets
        for b, (start, end) in enumerate(rows):
            indexes = context.item_sentences(list_id, b)
            if not indexes or rx.quote_item.search(text[start:end]):
                continue
            first = context.sentences[indexes[0]]
            quoted = quoted_title(text, first.start, first.end)
            if quoted is not None:  # a project's name, kept as written
                found.append(BulletItem(tuple(indexes), Candidate(*quoted, indexes[0], "named", named=True)))
                continue
            first_end = first.end
            lead = None if lst.table else _leading_money(context, first.start, first_end)
            # "• 1,8 mill. kr til korttidsstipend", "• 2 mill. Frelsesarmeen": the measure is what the money is for
            if lead is not None:
                phrase = _after_money(context, lead, first_end)
                candidate = Candidate(*phrase, indexes[0], "bullet") if phrase else None
                found.append(BulletItem(tuple(indexes), candidate, recipient=phrase is None))
                continue
            # "Trygghetsalarm 190,- leie til Bardu kommune": the name ends before the item's money
            first_end = next((a.start for a in context.amounts_in(first.start + 1, first_end)
                              if a.is_money and text[first.start:a.start].strip()), first_end)
            if lst.table:  # the label ends where the row's money cell begins, and may wrap over lines
                first_end = min(first_end, lst.cells[b])
                if _sum_row(context, text[first.start:first_end]):
                    continue  # the sum row of the table ("Sum", "Sum sektor", "Delsum – fylkesmidlar")
            applicant = _row_applicant(context, first.start, first_end) if lst.table else None
            trailing = _trailing_applicant(context, intro, first.start, first_end) if lst.table else None
            # "• Tolga kommune – sommerskole: 30 000 kroner": the body the item opens with gets the money for what
            # follows the dash (a row with an applicant cell names its project otherwise)
            begin = (_after_owner(context, first.start, first_end) if applicant is None and trailing is None
                     else first.start)
            if lst.table and applicant is None and trailing is None:
                # "765\tPsykisk helse, rus og vold\t2 531 202": a budget chapter's number cell, then its name
                chapter = _CHAPTER_CELL.match(text, begin, first_end)
                begin = chapter.end() if chapter is not None else begin
            if lst.table and applicant is None and trailing is None and begin == first.start:
                # (after the row's bullet: "• Stiftelsen SOR: kr 1 450 000" is a recipient's row too)
                marker = BULLET_RE.match(text[first.start:first_end])
                if _applicant_only(context, first.start + (marker.end() if marker else 0), first_end):
                    continue  # "Asker kommune 435.000": who gets the money; the measure is the list's scheme
            if applicant is not None:  # "Folldal kommune Frisklivssentral – digitalisering  50 000": the row's name
                phrase = trim_phrase(text, applicant, first_end, rx)
            elif trailing is not None:  # "Bolig som verktøy for psykisk helse Kongsvinger 550 000 0": the project cell
                phrase = trim_phrase(text, first.start, trailing, rx, max_words=20)
                applicant = first.start
            else:
                phrase = phrase_after(text, begin, first_end, rx, across_lines=lst.table)
                if phrase:
                    phrase = strip_subject(context, phrase)
                if phrase and lst.table:
                    # "Psykisk helse, rus og vold": a name cell that lists its fields is one name
                    listed = _LISTED_REST.match(text, phrase[1], first_end)
                    phrase = (phrase[0], listed.end(1)) if listed is not None else phrase
                if phrase and not lst.table:
                    # "• Såta dagsenter er ope fem dagar i veka": the offer the item opens with, before its finite verb
                    verb = before_finite_verb(context, *phrase)
                    subject = trim_phrase(text, phrase[0], verb, rx) if verb < phrase[1] else None
                    if subject is not None and _names_offer(context, *subject):
                        phrase = subject
            if phrase and not lst.table and _description(context, first.start, first_end, phrase):
                phrase = None
            if phrase and not lst.table and _names_actor(context, phrase):
                phrase = None  # "• Funksjonshemmedes fellesorganisasjon (pkt. 11.1.): kr 16 375 000": a recipient
            if phrase and not lst.table and group_phrase(context, *phrase, from_start=True) == phrase:
                phrase = None  # "• skrøpelege eldre", "• personar med rusproblem": who is meant, no measure
            if phrase and not lst.table and text[phrase[0]:phrase[1]].split()[0] in rx.cues.list_item_prepositions:
                phrase = None  # "• Mandag og onsdag for hjemmeboende eldre": what is left is a prepositional phrase
            # a table's name cell after its applicant is a name, whatever the entity tagger calls it ("Hverdagsglede")
            candidate = Candidate(*phrase, indexes[0], "bullet", named=applicant is not None) if phrase else None
            found.append(BulletItem(tuple(indexes), candidate))
        readings.append(ListReading(list_id, False, True, programme_cue(context, lst), tuple(found)))
    return tuple(readings)


#: What may stand before the money that opens a list item: a bullet and a qualifier ("• Ca. 80 millioner kroner").
_MONEY_LEAD = re.compile(
    r"(?i)[\s•·▪‣◦*–-]*(?:(?:ca|cirka|om lag|omlag|rundt|inntil|opptil|vel|nær|nesten)\.?\s+)?")
#: The word that links an item's money to what it is for ("... til korttidsstipend", "... i ordinær tildeling").
_MONEY_LINK = re.compile(r"(?i)\s*(?:[:–-]\s*)?(?:til|i|for|på|som)?\s+")


def _sum_row(context: MeasureContext, label: str) -> bool:
    """A table row's label that sums the rows above it: a whole sum label ("Totalt", "I alt"; ``table_sum_labels``)
    or one that opens with a sum word ("Sum sektor", "Netto utgifter"; ``table_sum_words``)."""
    cues = context.cues
    first = re.match(r"\W*(\w*)", label).group(1).lower()
    return " ".join(label.split()).rstrip(":").lower() in cues.table_sum_labels or first in cues.table_sum_words


def _leading_money(context: MeasureContext, start: int, end: int) -> Amount | None:
    """The amount of money that opens the list item at ``start`` (a bullet or a qualifier before it), or None."""
    lead = _MONEY_LEAD.match(context.text, start, end)
    at = lead.end() if lead else start
    return next((a for a in context.amounts_in(start, end) if a.is_money and a.start <= at), None)


def _after_money(context: MeasureContext, amount: Amount, end: int) -> tuple[int, int] | None:
    """What an item that opens with its money names after it: "1,8 mill. kr til korttidsstipend for fullføring"
    gives "korttidsstipend for fullføring", "26,1 millioner kroner i ordinær tildeling" "ordinær tildeling"; a
    recipient ("2 mill. Frelsesarmeen") or nothing gives None."""
    text = context.text
    link = _MONEY_LINK.match(text, amount.end, end)
    begin = link.end() if link else amount.end
    if begin >= end or any(a.start <= begin < a.end for a in context.actors):
        return None
    phrase = phrase_after(text, begin, end, context.rx)
    return None if phrase is None or _names_actor(context, phrase) else phrase


def _names_actor(context: MeasureContext, phrase: tuple[int, int]) -> bool:
    """The phrase is an actor's name and no more ("Håkon Matre", "Stiftelsen Klar Tale"): a recipient or a member
    of a list, not a measure."""
    return any(a.start <= phrase[0] and phrase[1] <= a.end + 1 for a in context.actors)


#: A table row's first cell that numbers a budget chapter or post ("765", "0761.21", "Kap. 714") before its name cell.
_CHAPTER_CELL = re.compile(r"[\s•·▪*–-]*(?:[Kk]ap\.?\s*)?\d{3,4}(?:[.,]\d{2})?\t+(?=[A-ZÆØÅ])")
#: The rest of a table's name cell after a comma that lists one or two more fields: ", rus og vold" (to the cell's end).
_LISTED_REST = re.compile(r",\s+((?:[a-zæøå][\w-]*,?\s+){0,2}?(?:og|eller)\s+[a-zæøå][\w-]*)[ \t]*(?:\t|\n|$)")
#: A quoted passage («...», "...", “...”), left out when asking whether a list item is a question.
_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
#: The last word of an applicant's name in a table row: a municipality, county, district or trust.
_APPLICANT_HEAD = r"(?:kommune|kommuner|kommunar|herad|fylkeskommune|bydel|HF|RHF|IKS)"
#: The applicant cell that opens a table row: a name ending in an applicant word, a capitalised cell after it.
_APPLICANT_CELL = re.compile(
    rf"[A-ZÆØÅ][\w.-]*\s+(?:[\w.-]+\s+){{0,3}}?(?:og\s+(?:[A-ZÆØÅ][\w.-]*\s+){{1,3}}?)?{_APPLICANT_HEAD}\s+(?=[A-ZÆØÅ«\"])")
#: A row label that is only an applicant's name ("Asker kommune").
_APPLICANT_ONLY = re.compile(rf"[A-ZÆØÅ][\w.-]*(?:\s+[\w.-]+){{0,3}}?\s+{_APPLICANT_HEAD}\s*[:–-]?\s*")


#: The dash that sets an item's owner apart from what it gets ("Tolga kommune – sommerskole: 30 000 kroner").
_OWNER_DASH = re.compile(r"[^\S\n]+[-–][^\S\n]+")


def _after_owner(context: MeasureContext, start: int, end: int) -> int:
    """Where a list item's measure starts when the item opens with an organisation and a dash ("• Eidskog kommune –
    Sentrumsutviklingsprosjekt Eidskog 4.0: 240 000 kroner"): after the dash; else ``start``."""
    text = context.text
    marker = BULLET_RE.match(text[start:end])  # the shared list marker ("• ", "– ", "1. ")
    begin = start + (marker.end() if marker else len(text[start:end]) - len(text[start:end].lstrip()))
    actor = next((a for a in context.actors if a.start == begin and a.kind == "organisation" and a.end < end), None)
    dash = _OWNER_DASH.match(text, actor.end) if actor is not None else None
    return dash.end() if dash is not None and dash.end() < end else start


def _row_applicant(context: MeasureContext, start: int, end: int) -> int | None:
    """Where a table row's name starts when the row opens with its applicant ("Lom og Skjåk kommuner Etablering av
    frisklivssentral"): after a known organisation or a name ending in "kommune(r)", "fylkeskommune", "HF" ...,
    followed by a capitalised cell. None when the row opens with no applicant."""
    text = context.text
    m = _APPLICANT_CELL.match(text, start, end)
    actor = next((a for a in context.actors if a.start == start and a.kind == "organisation" and a.end < end
                  and text[a.end:end].lstrip()[:1].isupper()), None)
    if actor is not None:
        return m.end() if m is not None and m.end() > actor.end else actor.end
    return m.end() if m is not None else None


def _column_words(header: str) -> list[str]:
    """The words of a table header, lower-case and without punctuation, to compare with the column names of
    ``table_project_columns`` and ``table_applicant_columns``."""
    return [w.strip(".,:;()").lower() for w in header.split()]


def _trailing_applicant(context: MeasureContext, header: str, start: int, end: int) -> int | None:
    """Where a table row's applicant cell starts when the table's header names the project's column before the
    applicant's ("Prosjekt Kommune Tilskudd 2023 i kroner ...": ``table_project_columns``,
    ``table_applicant_columns``): the organisation that closes the row's label, else its last word when that is
    capitalised ("Mitt sted i verden Hamar"). None for other tables, or a label of one word."""
    cues = context.cues
    words = _column_words(header)
    project = next((i for i, w in enumerate(words) if w in cues.table_project_columns), None)
    applicant = next((i for i, w in enumerate(words) if w in cues.table_applicant_columns), None)
    if project is None or applicant is None or applicant < project:
        return None
    text = context.text
    label_end = start + len(text[start:end].rstrip(" \t:–-"))
    actor = next((a for a in context.actors_in(start + 1, label_end) if a.end == label_end), None)
    if actor is not None:
        return actor.start
    last = text.rfind(" ", start, label_end) + 1
    word = text[last:label_end]
    if last <= start or not word[:1].isupper() or not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", word):
        return None
    return last


def _recipient_rows(context: MeasureContext, lst: BulletList) -> bool:
    """The table's label column is its recipients': the header's first cell is an applicant column ("Kommune",
    "Søkjar", ``table_applicant_columns``) and no cell names a project column. The header is the list's intro and
    the short lines right above the first row (a table read one cell per line: "Kommune" / "Innvilget beløp- kr")."""
    text, cues = context.text, context.cues
    if lst.intro is None or not lst.bullets:
        return False
    cells = [text[lst.intro[0]:lst.intro[1]]]
    pos = lst.intro[0]
    for _ in range(3):
        line_start = text.rfind("\n", 0, max(pos - 1, 0)) + 1
        line = text[line_start:pos].strip()
        if not line or line.endswith((":", ".", "!", "?")) or len(line.split()) > 4 or line_start >= pos:
            break
        cells.insert(0, line)
        pos = line_start
    words = _column_words(" ".join(cells))
    return bool(words) and words[0] in cues.table_applicant_columns and not any(
        w in cues.table_project_columns for w in words)


def _applicant_only(context: MeasureContext, start: int, end: int) -> bool:
    """The row's label is its applicant: an organisation, alone or with "på vegne av ..." ("Asker kommune",
    "Moss kommune på vegne av Nettverket Østfold")."""
    text = context.text
    actor = next((a for a in context.actors if a.start == start and a.kind == "organisation"), None)
    if actor is None:
        return _APPLICANT_ONLY.fullmatch(text, start, end) is not None
    rest = text[actor.end:end].strip(" :–-\t")
    return not rest or not rest[:1].isupper()


#: "Fra sen innsats til tidlig intervensjon": an item naming a shift of emphasis, not a measure
_SHIFT = re.compile(r"\W*(?:fra|frå)\s+\S.*?\s+til\s+\S", re.IGNORECASE)


def _shifts(items: list[str]) -> bool:
    """Every item of the list is a shift "Fra X til Y" (a list of principles: "Dette innebærer et fokusskifte:")."""
    return len(items) >= 2 and all(_SHIFT.match(BULLET_RE.sub("", item)) for item in items)


def _question(item: str) -> bool:
    """The list item asks a question: its first sentence, quotes left out, ends with a question mark."""
    bare = _QUOTED.sub("", BULLET_RE.sub("", item))
    first = re.match(r"[^.!?]*[.!?]?", bare.strip()).group()
    return first.endswith("?")


def _questionnaire(items: list[str]) -> bool:
    """At least half of the list's (two or more) items ask questions: a form to fill in or a checklist."""
    return len(items) >= 2 and sum(_question(item) for item in items) * 2 >= len(items)


def _description(context: MeasureContext, start: int, end: int, phrase: tuple[int, int]) -> bool:
    """The item (``text[start:end]``, its label ``phrase``) describes rather than names: it opens with a finite verb
    ("Har gjort konkrete tiltak ...", a criterion) or is one word that is no instrument ("Produkt", "Tjeneste": a
    category)."""
    text, rx = context.text, context.rx
    words = BULLET_RE.sub("", text[start:end]).split()
    if len(words) == 1:
        word = text[phrase[0]:phrase[1]]
        name = any(c.isupper() for c in word[1:])  # "ViFritid", "BPA": a name or an acronym, kept
        return not name and not rx.instrument_word.match(word.lower())
    doc = context.doc
    if doc is None or not annotated(doc, "MORPH"):
        return False
    span = doc.char_span(phrase[0], phrase[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    return finite_verb(span[0])


# «Psykt bra!», "Aktiv kvardag": a quoted name opening a list item
_QUOTED_TITLE = re.compile(r"[^\S\n]*(?:[•·▪‣◦*–-][^\S\n]+)?(?:«([^«»\n]{2,80})»|[\"“]([^\"“”\n]{2,80})[\"”])")


def quoted_title(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a quoted name that opens a list item ("• «Myskja-skolen» i Fyresdal kommune - 25 000
    kroner"): grant lists name each project in quotes, then its place and amount.

    >>> text = "«Ung og trygg» i Ulstein kommune – 80 000 kroner"
    >>> span = quoted_title(text, 0, len(text)); text[span[0]:span[1]]
    'Ung og trygg'
    >>> quoted_title("Kurs for frivillige i Herøy kommune", 0, 35) is None
    True
    """
    m = _QUOTED_TITLE.match(text, start, end)
    if m is None:
        return None
    group = 1 if m.group(1) is not None else 2
    inner_start, inner_end = m.span(group)
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return (inner_start, inner_end) if inner_end > inner_start else None


def criteria_intro(context: MeasureContext, lst: BulletList, *, figures: bool = False) -> bool:
    """The introduction makes the list criteria, goals, areas or application requirements, not measures.

    "Hvem kan søke?", "Kva kan du få støtte til:", "Delmål:", "Dette må være med i søknaden:",
    "Demensplan 2025 inneheld fire hovudinnsatsområde:", "Midlane kan ikkje dekke:" (lemmas, compounds
    included: ``list_block_lemmas``; question words: ``list_block_openers``); a heading of its own, with or without a
    colon ("Prioriteringar", "Prioriteringer for 2020:", ``list_block_heading_lemmas``; "foreslås følgende
    hovedprioriteringer:" introduces measures). With ``figures``, only an introduction of figures or findings counts
    (``figure_list_lemmas``: "Nøkkeltal for 2023 er som følgjer:"), the one that a list of money lines cannot outweigh.
    """
    if lst.intro is None:
        return False
    start, end = lst.intro
    last = context.sentence_of(max(start, end - 1))
    if last is not None:  # the sentence that introduces the list ("... Noen av tiltakene er følgende:")
        start = max(start, context.sentences[last].start)
    text, cues = context.text, context.cues
    intro = text[start:end].strip()
    if intro.endswith("?") and not figures:
        return True
    words = lemma_words(text, start, end, context.doc)
    if not words:
        return False
    if figures:
        return _any_lemma(context, words, frozenset(cues.figure_list_lemmas))
    first = text[start:end].split()[0].lower().strip(",.:;?")
    if first in cues.list_block_openers or words[0] in cues.list_block_openers:
        return True
    if demonstrative_instrument(text[start:end].split()[:2], context.rx) or _counted_instruments(context, intro):
        return False  # "Desse prosjekta får støtte i 2017:", "... gi støtte til fem prosjekt:": the items are the projects
    if _COMPOSED.search(intro) and any(_committee(context, w.strip(",.:;")) for w in intro.split()):
        return True  # "Styringsgruppa er samansett av:": the members of a body, not measures
    if _SERVICE_PARTS.match(intro):
        return True  # "Tenesta kan vere:" over "Vegleiing, opplæring eller direkte hjelp med ...": a service's parts
    if intro.endswith(":") and _money_for(intro, cues) and not _NEGATION.search(intro):
        return False  # "Ørsta kommune søkte på midlar til:": the items are what the money is for (not "gis ikke ...")
    if set(words) & set(default_prose_cues().proposal_intro_lemmas):
        return False  # "I dokumentet fremmes følgende forslag:": proposals, whatever else the line names
    blockers = frozenset(cues.list_block_lemmas)
    if len([w for w in words if not w.isdigit()]) <= 2:
        # a heading over the list: "Prioriteringar(:)", "Prioriteringer for 2020:"
        blockers |= frozenset(cues.list_block_heading_lemmas)
    # the words as written too: a Nynorsk plural the tagger lemmatises wrongly ("føresetnadane" -> "føresetnade")
    return _any_lemma(context, [*words, *lemma_words(text, start, end)], blockers)


def _money_for(intro: str, cues: MeasureCues) -> bool:
    """The introduction ends in money and what it is for: "søkte på midlar til:", "tilskot til tre føremål:",
    "støtte til følgende tiltak:" (``money_list_nouns``; a count or "følgende" and one noun may close it)."""
    words = intro.rstrip(" :").lower().split()
    for k in (len(words) - 2, len(words) - 3, len(words) - 4):
        if k < 0 or words[k + 1] != "til" or words[k] not in cues.money_list_nouns:
            continue
        rest = words[k + 2:]
        return not rest or len(rest) == 1 or rest[0] in cues.counted_list_words or rest[0].isdigit()
    return False


#: what one service is made of: "Tenesta kan vere:", "Tilbudet omfatter:", "Ordninga inneber:", "Dette tilbyr vi:" (its
#: parts, no measures)
_SERVICE_PARTS = re.compile(
    r"(?:tenesta|tjenesten|tjenesta|tilbodet|tilbudet|ordninga|ordningen|hjelpa|hjelpen)\s+(?:kan\s+)?"
    r"(?:vere|være|omfatte|omfattar|omfatter|inneber|innebærer|inkludere|inkluderer|gjeld|gjelder|best[åa]r\s+av)"
    r"(?:\s+[\w-]+){0,3}?\s*:\s*\Z"
    # "Dette tilbyr vi:", "Vi tilbyr:", "Dette tilbyd vi mellom anna:": what a service page's team offers
    r"|(?:(?:dette|det)\s+)?(?:tilbyr|tilbyd)\s+vi(?:\s+[\w-]+){0,2}?\s*:\s*\Z|vi\s+(?:tilbyr|tilbyd)\s*:\s*\Z"
    # "Dette er en del av utredningen:": the steps of one piece of work
    r"|(?:dette|desse|disse)\s+er\s+(?:en\s+|ein\s+|ei\s+|et\s+|eit\s+)?del(?:er|ar)?\s+av\s+[\w-]+\s*:\s*\Z",
    re.IGNORECASE)
#: a body's composition: "er samansett av:", "består av:" (with a committee noun in the introduction)
_COMPOSED = re.compile(
    r"(?<![\w-])(?:samansett|sammensatt|samansette|sammensatte|best[åa]r|bestod|bestå)\s+av\s*:?\s*\Z", re.IGNORECASE)


def _committee(context: MeasureContext, word: str) -> bool:
    """A committee or group noun in any inflection ("Styringsgruppa", "utvalet", ``committee_heads``)."""
    low = word.lower()
    return any(context.rx.committee_word.match(form) for form in (low, re.sub(r"(?:a|ene|ane|en|er|ar)$", "e", low)))


#: a negation in a list's introduction: "Det gis ikke tilskudd til:" lists what is not funded
_NEGATION = re.compile(r"(?<![\w-])(?:ikke|ikkje|aldri|verken|korkje)(?![\w-])", re.IGNORECASE)


def _any_lemma(context: MeasureContext, words: Sequence[str], lemmas: frozenset[str]) -> bool:
    """One of ``words`` is one of ``lemmas`` or a compound ending in one; an unlemmatised plural counts by its stem
    too ("Risikofaktorar for utanforskap kan vere:")."""
    forms = [f for w in words for f in (w, re.sub(r"(?:ane|ene|ar|er|a)$", "", w) if len(w) > 6 else w)]
    return any(suffix_lemma(w, lemmas, min_rest=3) or stem(w, context.rx) in lemmas for w in forms)


def _counted_instruments(context: MeasureContext, intro: str) -> bool:
    """The introduction ends by counting the instruments the list names: "... å gi støtte til fem
    innovasjonsprosjekter:", "Følgjande 12 prosjekt fekk midlar:" (``counted_list_words`` or a number)."""
    words = intro.rstrip(" :").split()
    return (len(words) >= 2 and context.rx.instrument_word.match(words[-1].strip(",.;")) is not None
            and (words[-2].isdigit() or words[-2].lower() in context.cues.counted_list_words))


def _names_offer(context: MeasureContext, start: int, end: int) -> bool:
    """The phrase ends in a service noun ("Såta dagsenter"; not "Styret", "Du", "I 2025", "samla investeringsplanen")
    and names no actor."""
    words = context.text[start:end].split()
    last = words[-1].lower().strip(".,:;") if words else ""
    return bool(words) and not context.starts_actor(start) and last.endswith(tuple(context.cues.service_heads))


def strip_subject(context: MeasureContext, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """Drop a leading actor and its verb from a bullet label ("Kommunestyret løyver ...").

    A request drops the addressee too: "Stortinget ber regjeringa opprette ..." gives "opprette ...".
    """
    start, end = phrase
    text = context.text
    for actor in context.actors:
        if actor.start == start:
            words = tokens(text, actor.end, end)
            if 1 <= len(words) <= 2 and text[words[0][0]:words[0][1]].lower() in context.cues.request_verbs:
                return None  # "Stortinget ber regjeringa [gjennom ...]": the request names no measure in the phrase
            if len(words) >= 3:
                verb = text[words[0][0]:words[0][1]].lower()
                if verb in context.cues.request_verbs:
                    addressee = next((a.end for a in context.actors if a.start == words[1][0]), words[1][1])
                    rest = [w for w in words if w[0] >= addressee and text[w[0]:w[1]].lower() not in ("om", "å")]
                    if len(rest) >= 2:
                        return trim_phrase(text, _requested_object(context, rest[0][0], end), end, context.rx)
                rest = text[words[1][0]:end]
                if _noting(context, rest):
                    return None  # "Styret tar til etterretning ...": the body takes note; no measure
                mandate = _mandated(context, rest)
                if mandate is not None:  # "gir direktøren fullmakt til å inngå avtale om ...": the agreement
                    return trim_phrase(text, words[1][0] + mandate, end, context.rx)
                line_end = line_bounds(text, end)[1]
                granted = past_rules(context, words[1][0], line_end)
                if granted != words[1][0]:  # "vedtar retningslinjer for tildeling av tilskudd til ...": the grant
                    return phrase_after(text, granted, line_end, context.rx)
                return trim_phrase(text, words[1][0], end, context.rx)
    return phrase


def _noting(context: MeasureContext, rest: str) -> bool:
    """A decision item's words after its verb take note or state a premise (``noting_phrases``, after at most one
    adverb): "til etterretning vedtak ...", "vidare til grunn at ..."."""
    phrases = context.cues.noting_phrases
    return bool(phrases) and re.match(rf"(?:\w+\s+)?(?:{alternation(phrases)})\b", rest, re.IGNORECASE) is not None


def _mandated(context: MeasureContext, rest: str) -> int | None:
    """Where the mandated verb's object starts in a decision item's words after its verb ("administrerande direktør
    fullmakt til å inngå avtale om ..." -> "avtale om ..."), else None."""
    nouns = context.cues.mandate_nouns
    if not nouns:
        return None
    m = re.search(rf"\b(?:{alternation(nouns)})(?:\s+til)?\s+å\s+\w+\s+(?=\w)", rest, re.IGNORECASE)
    return m.end() if m is not None else None


def _requested_object(context: MeasureContext, start: int, end: int) -> int:
    """Where the requested measure starts in a request's verb phrase at ``start``: after adverbs
    (``request_adverbs``: "snarest mulig") and a verb that only sets it going (``request_light_verbs``: "iverksette
    en gjennomgang av ...", "sette i verk konkrete tiltak"), when a phrase follows; else ``start``."""
    cues, text = context.cues, context.text
    adverbs = alternation(cues.request_adverbs) if cues.request_adverbs else "(?!)"
    verbs = alternation(cues.request_light_verbs) if cues.request_light_verbs else "(?!)"
    # ("vurdere å øke utdanningskapasiteten": the infinitive's marker goes with the light verb)
    m = re.match(rf"(?:(?:{adverbs})\s+)*(?:(?:{verbs})\s+(?:å\s+)?)?", text[start:end], re.IGNORECASE)
    begin = start + (m.end() if m else 0)
    return begin if begin > start and tokens(text, begin, end) else start


def programme_cue(context: MeasureContext, lst: BulletList) -> ProgrammeCue | None:
    """What the introduction of ``lst`` says about a programme (None without an introduction)."""
    if lst.intro is None:
        return None
    text, rx = context.text, context.rx
    start, end = lst.intro
    intro = text[start:end]
    items_at, origin, fallback_key, whole = None, False, None, None
    m = rx.programme_item.search(intro)
    if m is not None:
        items_at = start + m.end()
        origin = rx.programme_origin.search(intro[: m.end()].rstrip() + " ") is not None
        spans = capitalised_programmes(text, start + m.end(), end, -10, rx)
        fallback_key = slugify(text[spans[0][0]:spans[0][1]]) if spans else None
    first = rx.programme_parts.match(intro)
    if first and context.is_definite(first.group(1)):
        index = context.sentence_of(start + first.start(1))
        if index is not None:
            whole = (start + first.start(1), start + first.end(1), index)
    return ProgrammeCue(items_at, origin, fallback_key, whole)
