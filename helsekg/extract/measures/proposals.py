"""Strategy: what a parliamentary proposal proposes, and who proposes it.

The Storting names a representative proposal by its authors and its subject: "Representantforslag fra
stortingsrepresentantene Kari Nordmann og Ola Nordmann om å styrke jordmortenesta (Dokument 8:12 S ...)"
proposes "styrke jordmortenesta", first of all by Kari Nordmann. The subject ends at the bracketed
document reference, at the line's end, or where a second proposal of the same case begins ("... om X, og
Representantforslag frå ... om Y"). The words are ``proposal_nouns`` (the document kind) and
``proposal_authors`` (the authors' title) in ``measure_cues.json``.

>>> from helsekg.extract.records import Actor
>>> from helsekg.text import document_from_text
>>> from helsekg.extract.measures.context import build_context
>>> text = ("Representantforslag frå stortingsrepresentantane Kari Nordmann og Ola Nordmann om å styrke "
...         "jordmortenesta i kommunane (Dokument 8:12 S (2023–2024))")
>>> kari = Actor("d", 49, 62, "Kari Nordmann", "Kari Nordmann", "person", "kari-nordmann")
>>> ola = Actor("d", 66, 78, "Ola Nordmann", "Ola Nordmann", "person", "ola-nordmann")
>>> context = build_context(document_from_text(text, source="x.txt"), actors=[kari, ola])
>>> [text[c.start:c.end] for c in find_proposals(context)]
['styrke jordmortenesta i kommunane']
>>> proposal_author(context, 84).label
'Kari Nordmann'
"""

from __future__ import annotations

import re
from functools import lru_cache

from helsekg.extract.measures.candidates import Candidate
from helsekg.extract.measures.context import MeasureContext
from helsekg.extract.measures.cues import MeasureCues, alternation
from helsekg.extract.records import Actor

__all__ = ["find_proposals", "first_author", "proposal_author"]


@lru_cache(maxsize=4)
def _proposal(cues: MeasureCues) -> re.Pattern[str] | None:
    """"<proposal noun> fra/frå <authors' title> <names> om [å] <subject>"."""
    if not cues.proposal_nouns or not cues.proposal_authors:
        return None
    nouns = alternation(cues.proposal_nouns)
    return re.compile(
        rf"(?<![\w-])(?:{nouns})\s+(?:fra|frå)\s+(?P<title>[\w-]+)\s+"
        rf"(?P<names>[^\n()]{{3,300}}?)\s+om\s+(?:å\s+)?"
        rf"(?P<what>[^\n()]+?)(?=\s*\(|[ \t]*$|,?\s+og\s+(?:{nouns})\b|\.\s)",
        re.IGNORECASE | re.MULTILINE)


def _matches(context: MeasureContext) -> list[tuple[re.Match[str], Actor]]:
    """Every proposal title with its first author (a person the text names right after the authors' title)."""
    return context.once("proposals", lambda: _read(context))


def _read(context: MeasureContext) -> list[tuple[re.Match[str], Actor]]:
    pattern = _proposal(context.cues)
    if pattern is None or not any(n.lower() in context.text.lower() for n in context.cues.proposal_nouns):
        return []
    out = []
    titles = {t.lower() for t in context.cues.proposal_authors}
    for m in pattern.finditer(context.text):
        if m.group("title").replace("-", "").lower() not in titles:
            continue  # the authors' title, maybe broken by a page's soft hyphens ("stortings-repre-sen-tantene")
        authors = [a for a in context.actors_in(m.start("names"), m.end("names")) if a.kind == "person"]
        if authors and authors[0].start == m.start("names"):
            out.append((m, authors[0]))
    return out


def find_proposals(context: MeasureContext) -> tuple[Candidate, ...]:
    """The subject of every representative proposal the text names with its authors."""
    found = []
    for m, _ in _matches(context):
        start, end = m.span("what")
        index = context.sentence_of(start)
        if index is not None and end - start >= 3:
            found.append(Candidate(start, end, index, "proposal"))
    return tuple(found)


def proposal_author(context: MeasureContext, start: int) -> Actor | None:
    """The first author of the proposal whose subject starts at ``start``, if it is one."""
    return next((author for m, author in _matches(context) if m.start("what") == start), None)


def first_author(context: MeasureContext) -> Actor | None:
    """The first author of the first representative proposal the text names, if it names one."""
    found = _matches(context)
    return found[0][1] if found else None
