"""Invisible characters (soft hyphens, zero-width spaces, a stray BOM) change nothing but the anchors.

A real corpus document with invisible characters sprinkled into and between its words must give the same
facts as the clean text; every anchor must still be the text as read between its offsets.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from helsekg.api import document_graph, process
from helsekg.graph.build import document_iri
from helsekg.text import document_from_text
from helsekg.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SOURCE = next((ROOT / "corpus").glob("2024-nytt-rekrutterings*.txt"))
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u2060", "\ufeff"]


def sprinkle(text: str, seed: int) -> str:
    """Insert invisible characters after ~1 in 15 words and inside ~1 in 20 long words."""
    rng = random.Random(seed)
    out = []
    for word in text.split(" "):
        if len(word) > 8 and rng.random() < 0.05:
            cut = rng.randrange(3, len(word) - 3)
            word = word[:cut] + "\u00ad" + word[cut:]
        if rng.random() < 0.07:
            word += rng.choice(INVISIBLE)
        out.append(word)
    return " ".join(out)


def summary(extraction):
    return {
        "actors": sorted({a.key for a in extraction.actors}),
        "amounts": sorted((a.value, str(a.kind)) for a in extraction.amounts),
        "measures": sorted({m.key for m in extraction.measures}),
        "funding": sorted((m.key, f.value) for m in extraction.measures for f in m.funding),
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_invisible_characters_give_the_facts_of_the_clean_text(nlp, seed):
    clean_text = SOURCE.read_text(encoding="utf-8")
    hostile_text = sprinkle(clean_text, seed)
    assert hostile_text != clean_text
    clean = process(document_from_text(clean_text, source="clean.txt"), nlp)
    document = document_from_text(hostile_text, source="hostile.txt")
    hostile = process(document, nlp)
    assert summary(hostile) == summary(clean)
    for record in hostile.actors + hostile.amounts + hostile.measures:
        assert record.text == document.text[record.start:record.end]
    graph = document_graph(hostile)
    report = validate(graph, texts={str(document_iri(document.id)): document.text}, engine="oxigraph")
    assert report.conforms, report.text()
    assert report.anchors_checked > 0
