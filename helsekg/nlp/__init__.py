"""Stage 2, nlp: text -> spaCy ``Doc`` with the Norwegian model and helsekg's rule components.

- :mod:`helsekg.nlp.pipeline`: :func:`load` and the ``helsekg_amounts`` component;
- :mod:`helsekg.nlp.actors`: the ``helsekg_actors`` component, its gazetteer and patterns;
- :mod:`helsekg.nlp.lemmas`: the ``helsekg_lemma_lookup`` component (Norsk Ordbank lemmas);
- :mod:`helsekg.nlp.amounts`: the Norwegian amount and quantity parser (pure Python, no spaCy);
- :mod:`helsekg.nlp.extensions`: every ``Doc``/``Span`` extension, declared once;
- :mod:`helsekg.nlp.fastops`: matrix products through numpy (faster than the bundled BLIS here).
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "load": "helsekg.nlp.pipeline",
        "find_amounts": "helsekg.nlp.amounts",
        "parse_number": "helsekg.nlp.amounts",
        "ParsedAmount": "helsekg.nlp.amounts",
        "Qualifier": "helsekg.nlp.amounts",
        "AmountKind": "helsekg.nlp.amounts",
        "load_gazetteer": "helsekg.nlp.actors",
        "load_patterns": "helsekg.nlp.actors",
    },
)
__all__ = ['AmountKind', 'ParsedAmount', 'Qualifier', 'find_amounts', 'load', 'load_gazetteer', 'load_patterns', 'parse_number']
