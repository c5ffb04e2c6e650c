"""A self-contained HTML review page of a graph: each document's text with every extracted fact highlighted.

``render_review(graph)`` reads each document's text again from its ``dcterms:source`` (only when its
SHA-256 still matches ``hkg:contentHash``; otherwise the page lists the anchors), and shows per document:

* the text, every mention highlighted by fact type (the colour legend at the top of the page);
* on hover or click, the node's relations in a side panel: a measure's funding amounts, quantities, goals,
  target groups, proposer, programme and themes; a recommendation's council; a quote's speaker;
* the measure -> recommendation links (``hkg:AddressLink``): score, shared themes, evidence terms.

The page has no external assets and needs no network: inline CSS and a small script. Every text from
the graph or the source is escaped.

>>> from helsekg.graph.build import new_graph
>>> "<!DOCTYPE html>" in render_review(new_graph())
True
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from helsekg.extract.spans import LABELS
from helsekg.graph.namespace import HKG, SCHEMA
from helsekg.text.reading import read_document

#: node class -> span label (the labels of :data:`helsekg.extract.spans.LABELS`), most specific first
TYPE_LABELS = (
    (HKG.Programme, "PROGRAMME"), (HKG.Measure, "MEASURE"), (HKG.MonetaryAmount, "AMOUNT"),
    (HKG.Quantity, "QUANTITY"), (HKG.Goal, "GOAL"), (HKG.TargetGroup, "TARGET_GROUP"),
    (HKG.Person, "PERSON"), (HKG.Organisation, "ORG"), (HKG.Recommendation, "RECOMMENDATION"),
    (HKG.Quote, "QUOTE"),
)
COLOURS = {
    "MEASURE": "#ffd166", "PROGRAMME": "#f4a261", "AMOUNT": "#8ecae6", "QUANTITY": "#bde0fe",
    "GOAL": "#b5e48c", "TARGET_GROUP": "#e0aaff", "ORG": "#ffadad", "PERSON": "#ffc6ff",
    "RECOMMENDATION": "#a0c4ff", "QUOTE": "#d9d9d9",
}
#: relations shown in the side panel: predicate -> readable name
RELATIONS = (
    (HKG.hasFunding, "funding"), (HKG.hasQuantity, "quantity"), (HKG.hasGoal, "goal"), (HKG.targets, "target group"),
    (HKG.proposedBy, "proposed by"), (HKG.partOf, "part of"), (HKG.hasTheme, "theme"),
    (HKG.recommendedBy, "recommended by (council)"), (HKG.statedBy, "stated by"), (HKG.role, "role"),
    (HKG.addresses, "addresses recommendation"),
)
_CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#1d3557;color:#fff}header h1{margin:0;font-size:20px}
.legend span{display:inline-block;margin:4px 6px 0 0;padding:1px 7px;border-radius:3px;color:#222;font-size:13px}
main{display:flex;gap:16px;padding:16px 20px}#docs{flex:1;min-width:0}
aside{width:340px;position:sticky;top:8px;align-self:flex-start;background:#fff;border:1px solid #ccc;
border-radius:6px;padding:10px 12px;font-size:14px;max-height:95vh;overflow:auto}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 16px;margin-bottom:18px}
section.doc h2{font-size:17px;margin:4px 0}.meta{color:#666;font-size:13px}
.text{white-space:pre-wrap;font-family:Georgia,serif;max-height:60em;overflow:auto;border-top:1px solid #eee;padding-top:8px}
mark{border-radius:2px;padding:0 1px;cursor:pointer}mark.sel{outline:2px solid #e63946}
table{border-collapse:collapse;font-size:13px;width:100%}td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
aside h3{margin:4px 0 6px;font-size:15px}aside ul{padding-left:18px;margin:4px 0}.muted{color:#888}
"""
_SCRIPT = """
const nodes = JSON.parse(document.getElementById('nodes').textContent);
const panel = document.getElementById('panel');
function show(ids) {
  panel.replaceChildren();
  for (const id of ids.split(' ')) {
    const n = nodes[id]; if (!n) continue;
    const h = document.createElement('h3'); h.textContent = n.type + ': ' + n.label; panel.append(h);
    const ul = document.createElement('ul');
    for (const [rel, value] of n.rel) { const li = document.createElement('li'); li.textContent = rel + ': ' + value; ul.append(li); }
    if (!n.rel.length) { const li = document.createElement('li'); li.className = 'muted'; li.textContent = 'no relations'; ul.append(li); }
    panel.append(ul);
  }
}
for (const m of document.querySelectorAll('mark')) {
  m.addEventListener('mouseenter', () => show(m.dataset.n));
  m.addEventListener('click', () => { document.querySelectorAll('mark.sel').forEach(x => x.classList.remove('sel'));
                                      m.classList.add('sel'); show(m.dataset.n); });
}
"""


@dataclass
class _Mention:
    start: int
    end: int
    anchor: str
    node: str
    label: str


@dataclass
class _Document:
    iri: URIRef
    title: str
    source: str
    text: str | None
    mentions: list[_Mention] = field(default_factory=list)


def _text(graph: Graph, node) -> str:
    for predicate in (RDFS.label, SKOS.prefLabel, HKG.anchorText):
        value = graph.value(node, predicate)
        if value is not None:
            return str(value)
    value = graph.value(node, SCHEMA.value)
    return str(value) if value is not None else str(node).rsplit("/", 1)[-1]


def _label(graph: Graph, node) -> str | None:
    types = set(graph.objects(node, RDF.type))
    return next((label for cls, label in TYPE_LABELS if cls in types), None)


def source_text(graph: Graph, doc: URIRef) -> str | None:
    """The text of ``doc`` read again from its source file, or None when missing or changed (hash check)."""
    source, digest = graph.value(doc, DCTERMS.source), graph.value(doc, HKG.contentHash)
    if source is None or not Path(str(source)).is_file():
        return None
    language = str(graph.value(doc, DCTERMS.language) or "")
    try:
        text = read_document(str(source), language=language if language in ("nb", "nn") else None).text
    except Exception:  # noqa: BLE001 - a source that cannot be read again just shows the anchors
        return None
    if digest is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != str(digest):
        return None
    return text


def _node_info(graph: Graph, node) -> dict:
    label = _label(graph, node) or "NODE"
    rel = []
    for predicate, name in RELATIONS:
        for value in sorted(graph.objects(node, predicate), key=str):
            text = _text(graph, value) if isinstance(value, URIRef) else str(value)
            if predicate == HKG.hasFunding:
                year = graph.value(value, HKG.fiscalYear)
                text += f" ({year})" if year is not None else ""
            rel.append((name, text))
    for value in graph.objects(node, SCHEMA.value):
        rel.insert(0, ("value", str(value)))
    return {"type": label, "label": _text(graph, node), "rel": rel}


def _documents(graph: Graph) -> list[_Document]:
    docs = {}
    for doc in sorted(set(graph.subjects(RDF.type, HKG.PolicyDocument)), key=str):
        docs[doc] = _Document(doc, str(graph.value(doc, DCTERMS.title) or doc), str(graph.value(doc, DCTERMS.source) or ""),
                              source_text(graph, doc))
    for node, mention in graph.subject_objects(HKG.hasMention):
        doc = graph.value(mention, HKG.inDocument)
        label = _label(graph, node)
        start, end = graph.value(mention, HKG.startOffset), graph.value(mention, HKG.endOffset)
        if doc in docs and label is not None and start is not None and end is not None:
            docs[doc].mentions.append(_Mention(int(start), int(end), str(graph.value(mention, HKG.anchorText) or ""),
                                               str(node), label))
    for d in docs.values():
        d.mentions.sort(key=lambda m: (m.start, -m.end, LABELS.index(m.label)))
    return list(docs.values())


def _highlight(text: str, mentions: list[_Mention], ids: dict[str, str]) -> str:
    """The text with each stretch covered by mentions wrapped in a <mark> of the innermost mention's type."""
    cuts = sorted({0, len(text), *(m.start for m in mentions), *(m.end for m in mentions)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in mentions if m.start <= start and end <= m.end]
        piece = html.escape(text[start:end])
        if covering:
            inner = min(covering, key=lambda m: m.end - m.start)
            nodes = " ".join(dict.fromkeys(ids[m.node] for m in sorted(covering, key=lambda m: m.end - m.start)))
            out.append(f'<mark class="t-{inner.label}" data-n="{nodes}" title="{inner.label}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _links(graph: Graph) -> list[dict]:
    links = []
    for node in graph.subjects(RDF.type, HKG.AddressLink):
        measure, recommendation = graph.value(node, HKG.linkedMeasure), graph.value(node, HKG.linkedRecommendation)
        if measure is None or recommendation is None:
            continue
        links.append({
            "measure": measure, "recommendation": recommendation,
            "score": float(graph.value(node, HKG.linkScore) or 0),
            "themes": sorted(_text(graph, t) for t in graph.objects(node, HKG.sharedTheme))
            + sorted(str(t) for t in graph.objects(node, HKG.nearTheme)),
            "terms": sorted(str(t) for t in graph.objects(node, HKG.evidenceTerm)),
        })
    return sorted(links, key=lambda link: (-link["score"], str(link["measure"]), str(link["recommendation"])))


def _links_table(graph: Graph, links: list[dict]) -> str:
    if not links:
        return '<p class="muted">No measure -&gt; recommendation links in this document.</p>'
    rows = "".join(
        f"<tr><td>{html.escape(_text(graph, link['measure']))}</td>"
        f"<td>{html.escape(_text(graph, link['recommendation']))}</td><td>{link['score']:.2f}</td>"
        f"<td>{html.escape(', '.join(link['themes']))}</td><td>{html.escape(', '.join(link['terms']))}</td></tr>"
        for link in links)
    return ("<table><tr><th>measure</th><th>recommendation</th><th>score</th><th>shared themes</th>"
            f"<th>evidence terms</th></tr>{rows}</table>")


def render_review(graph: Graph, *, title: str = "helsekg review") -> str:
    """The review page of ``graph`` as one self-contained HTML document (see the module docstring)."""
    documents = _documents(graph)
    ids: dict[str, str] = {}
    nodes: dict[str, dict] = {}
    for d in documents:
        for m in d.mentions:
            if m.node not in ids:
                ids[m.node] = f"n{len(ids)}"
                nodes[ids[m.node]] = _node_info(graph, URIRef(m.node))
    links = _links(graph)
    sections = []
    for d in documents:
        in_doc = {URIRef(m.node) for m in d.mentions}
        doc_links = [link for link in links if link["measure"] in in_doc or link["recommendation"] in in_doc]
        counts = defaultdict(int)
        for m in d.mentions:
            counts[m.label] += 1
        summary = ", ".join(f"{counts[label]} {label.lower().replace('_', ' ')}" for label in LABELS if counts[label])
        if d.text is not None:
            body = f'<div class="text">{_highlight(d.text, d.mentions, ids)}</div>'
        else:
            items = "".join(
                f'<tr><td><mark class="t-{m.label}" data-n="{ids[m.node]}">{html.escape(m.anchor)}</mark></td>'
                f"<td>{m.label}</td><td>{m.start}-{m.end}</td></tr>" for m in d.mentions)
            body = ('<p class="muted">The source text is missing or has changed: the anchors only.</p>'
                    f"<table><tr><th>anchor</th><th>type</th><th>offsets</th></tr>{items}</table>")
        sections.append(
            f'<section class="doc"><h2>{html.escape(d.title)}</h2>'
            f'<div class="meta">{html.escape(d.source)} · {html.escape(summary or "no facts")}</div>{body}'
            f"<h3>Measure → recommendation links</h3>{_links_table(graph, doc_links)}</section>")
    colours = "".join(f"mark.t-{label},.legend .t-{label}{{background:{colour}}}" for label, colour in COLOURS.items())
    legend = "".join(f'<span class="t-{label}">{label.lower().replace("_", " ")}</span>' for label in LABELS)
    data = json.dumps(nodes, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (
        '<!DOCTYPE html>\n<html lang="no"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}{colours}</style></head><body>"
        f'<header><h1>{html.escape(title)}</h1><div class="meta" style="color:#ddd">{len(documents)} document(s), '
        f'{len(nodes)} fact(s), {len(links)} link(s). Hover or click a highlight for its relations.</div>'
        f'<div class="legend">{legend}</div></header>'
        f'<main><div id="docs">{"".join(sections) or "<p>No documents in the graph.</p>"}</div>'
        '<aside id="panel"><p class="muted">Hover or click a highlighted fact to see its relations.</p></aside></main>'
        f'<script type="application/json" id="nodes">{data}</script><script>{_SCRIPT}</script></body></html>\n'
    )
