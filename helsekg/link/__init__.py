"""Stage 7, link: measure -> recommendation links (``hkg:addresses``) with an explainable score.

- :mod:`helsekg.link.linking`: reading link nodes from a graph, scoring, writing link nodes.
"""

from __future__ import annotations

from helsekg._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "link_measures": "helsekg.link.linking",
        "iter_links": "helsekg.link.linking",
        "add_links": "helsekg.link.linking",
        "write_links": "helsekg.link.linking",
        "read_nodes": "helsekg.link.linking",
        "score_pair": "helsekg.link.linking",
        "Link": "helsekg.link.linking",
        "LinkNode": "helsekg.link.linking",
        "DEFAULT_THRESHOLD": "helsekg.link.linking",
        "DEFAULT_MAX_PER_MEASURE": "helsekg.link.linking",
    },
)
__all__ = ['DEFAULT_MAX_PER_MEASURE', 'DEFAULT_THRESHOLD', 'Link', 'LinkNode', 'add_links', 'iter_links', 'link_measures', 'read_nodes', 'score_pair', 'write_links']
