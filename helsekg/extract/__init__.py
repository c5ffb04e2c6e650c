"""Stage 3, extract: a spaCy ``Doc`` and its :class:`~helsekg.text.Document` -> frozen records.

- :mod:`helsekg.extract.extractor`: :func:`extract`, the composer of the finders below;
- :mod:`helsekg.extract.records`: the records (the contract between NLP and RDF);
- :mod:`helsekg.extract.actors`, :mod:`~helsekg.extract.measures`, :mod:`~helsekg.extract.recommendations`:
  the finders; :mod:`helsekg.extract.themes`: the SKOS theme scheme and Norwegian term stems.
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "extract": "helsekg.extract.extractor",
        "find_amounts": "helsekg.extract.extractor",
        "default_cues": "helsekg.extract.extractor",
        "Cues": "helsekg.extract.extractor",
        "STATED_YEAR_RE": "helsekg.extract.extractor",
        "CUES_FILE": "helsekg.extract.extractor",
        "Extraction": "helsekg.extract.records",
        "DocumentInfo": "helsekg.extract.records",
        "Actor": "helsekg.extract.records",
        "Amount": "helsekg.extract.records",
        "Measure": "helsekg.extract.records",
        "Goal": "helsekg.extract.records",
        "TargetGroup": "helsekg.extract.records",
        "Theme": "helsekg.extract.records",
        "Recommendation": "helsekg.extract.records",
        "Quote": "helsekg.extract.records",
        "to_dict": "helsekg.extract.records",
    },
)
__all__ = ['Actor', 'Amount', 'CUES_FILE', 'Cues', 'DocumentInfo', 'Extraction', 'Goal', 'Measure', 'Quote', 'Recommendation', 'STATED_YEAR_RE', 'TargetGroup', 'Theme', 'default_cues', 'extract', 'find_amounts', 'to_dict']
