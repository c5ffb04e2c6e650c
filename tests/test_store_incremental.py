"""Incremental relinking (issue 18): a sync recomputes only the links its changes reach, and the links
graph is then exactly the one a full relink gives (helsekg.link.linking.update_links, GraphStore.sync)."""

from __future__ import annotations

import random
import shutil

import pyoxigraph as ox
import pytest

from helsekg.extract.themes import concepts_in, term_stems
from helsekg.link.linking import LinkNode, update_links
from helsekg.scale.store import LINK_STATE, LINKS_GRAPH, GraphStore

ROOT_GOLD = "gold/texts"
GOLD = ["bergen-bystyret-budsjett-helse.txt", "hdir-tilskudd-kommunalt-rusarbeid.txt",
        "rad-prioritering-anbefaling-og-oppfolging.txt", "regjeringen-lindrende-behandling.txt"]


def _links(store: GraphStore) -> set[ox.Quad]:
    return set(store.store.quads_for_pattern(None, None, None, LINKS_GRAPH))


def _union(store: GraphStore) -> set[ox.Quad]:
    return set(store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


@pytest.fixture()
def corpus(tmp_path, corpus_dir):
    """The corpus and four gold texts: real documents, with measures and recommendations to link."""
    target = tmp_path / "docs"
    shutil.copytree(corpus_dir, target, ignore=shutil.ignore_patterns("*.md", "*.csv"))
    for name in GOLD:
        shutil.copy(corpus_dir.parent / ROOT_GOLD / name, target / name)
    return target


def _sync_and_compare(store: GraphStore, folder, monkeypatch) -> tuple[bool, int]:
    """Sync, then check the links (and the union) against a full relink; returns (relinked in full, links)."""
    full = []
    relink = GraphStore.relink
    monkeypatch.setattr(GraphStore, "relink", lambda self, **kw: full.append(1) or relink(self, **kw))
    report = store.sync([folder], model="blank")
    monkeypatch.setattr(GraphStore, "relink", relink)
    assert report.ok, report.text()
    incremental_links, incremental_union = _links(store), _union(store)
    assert report.links == store.link_count()
    assert store.check().clean
    count, _ = store.relink()
    assert _links(store) == incremental_links  # compared as sets of quads (triples of the links graph)
    assert _union(store) == incremental_union
    assert count == report.links
    return bool(full), report.links


def test_store_incremental_relink_equals_full_relink(tmp_path, corpus, monkeypatch):
    files = {p.name: p for p in corpus.glob("*.txt")}
    with GraphStore(tmp_path / "store") as store:
        full, links = _sync_and_compare(store, corpus, monkeypatch)
        assert full and links > 0  # a new store: every link is computed
        assert (tmp_path / "store" / LINK_STATE).exists()

        # an edit that keeps the nodes: only the links the change can reach are recomputed
        path = files["2020-regjeringen-lanserer-nytt-kompetanseloft.txt"]
        path.write_text(path.read_text(encoding="utf-8") + "\nDette er en ny setning.\n", encoding="utf-8")
        full, _ = _sync_and_compare(store, corpus, monkeypatch)
        assert not full

        # nothing changed: nothing relinked
        full, _ = _sync_and_compare(store, corpus, monkeypatch)
        assert not full

        # an edit that changes a measure and a recommendation; a removed and an added document
        path = files["helseomsorg21-radet-gir-innspill-til-helsepersonellkommisjonen.txt"]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("rekruttering", "rekruttering og kompetanse", 1), encoding="utf-8")
        _sync_and_compare(store, corpus, monkeypatch)
        # a removed and an added document move no term weight (the IDF is the shipped background's): only the
        # measures the change reaches are rescored, not all of them
        files["hdir-tilskudd-kommunalt-rusarbeid.txt"].unlink()
        full, _ = _sync_and_compare(store, corpus, monkeypatch)
        assert not full
        shutil.copy(files["bergen-bystyret-budsjett-helse.txt"], corpus / "bergen-kopi.txt")
        (corpus / "bergen-kopi.txt").write_text((corpus / "bergen-kopi.txt").read_text(encoding="utf-8")
                                                + "\nKommunen får 2 millioner kroner i 2025.\n", encoding="utf-8")
        full, _ = _sync_and_compare(store, corpus, monkeypatch)
        assert not full


def test_store_incremental_relink_needs_matching_state(tmp_path, corpus, monkeypatch):
    """Links made with other options, or a store changed without links, are recomputed in full."""
    with GraphStore(tmp_path / "store") as store:
        store.sync([corpus], model="blank", link_threshold=0.3)
        full, _ = _sync_and_compare(store, corpus, monkeypatch)  # other threshold than 0.3 -> full
        assert full
        path = next(corpus.glob("2024-*.txt"))
        path.write_text(path.read_text(encoding="utf-8") + "\nEn setning til.\n", encoding="utf-8")
        store.sync([corpus], model="blank", link_threshold=None)  # documents changed, links not updated
        assert not (tmp_path / "store" / LINK_STATE).exists()
        full, _ = _sync_and_compare(store, corpus, monkeypatch)
        assert full


# --- update_links on its own: random node sets and changes ------------------------------------------

WORDS = ("rekruttering", "kompetanse", "sykepleiere", "legevakt", "heltidskultur", "velferdsteknologi", "rus",
         "psykisk", "helse", "barn", "unge", "eldre", "omsorg", "tilskudd", "kommunene", "fastlege", "utdanning",
         "samhandling", "digitalisering", "lindrende", "behandling", "prioritering", "ambulanse", "fødetilbud")


def _node(iri: str, kind: str, text: str) -> LinkNode:
    """A node as helsekg.link.linking.read_nodes builds it from one text."""
    concepts = frozenset(m.key for m in concepts_in(text))
    return LinkNode(iri, kind, (text,), concepts, frozenset(s for s, _ in term_stems(text)), concepts)


def _text(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, rng.randint(1, 6)))


def _apply(old: dict[str, list], plan) -> set:
    stale, links = plan
    kept = {link for measure, own in old.items() if measure not in stale for link in own}
    return kept | set(links)


def _all_links(nodes, **options) -> dict[str, list]:
    """Every link of ``nodes`` (update_links from nothing recomputes every measure, as iter_links does)."""
    _, links = update_links([], nodes, {}, full_above=2.0, **options)
    out: dict[str, list] = {}
    for link in links:
        out.setdefault(link.measure, []).append(link)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_linking_update_links_matches_a_full_computation(seed):
    rng = random.Random(seed)
    options = {"threshold": rng.choice([0.1, 0.2, 0.3]), "max_per_measure": rng.choice([1, 2, 5, None])}
    nodes = [_node(f"https://x/measure/{i}", "measure", _text(rng)) for i in range(25)]
    nodes += [_node(f"https://x/recommendation/{i}", "recommendation", _text(rng)) for i in range(15)]
    old_links = _all_links(nodes, **options)
    new = list(nodes)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(new))
        kind = rng.choice(["edit", "rename", "same"] + (["add", "drop"] if seed % 3 == 0 else []))
        if kind == "edit":  # same node, other text (the node count stays)
            new[i] = _node(new[i].iri, new[i].kind, _text(rng))
        elif kind == "rename":  # a document edited elsewhere: its recommendation gets a new IRI
            new[i] = _node(new[i].iri + "b", new[i].kind, new[i].texts[0])
        elif kind == "add":
            new.append(_node(f"https://x/recommendation/new{rng.random()}", "recommendation", _text(rng)))
        elif kind == "drop":
            new.pop(i)
    new.sort(key=lambda n: (n.iri, n.kind))
    old_pairs = {m: [(link.score, link.recommendation) for link in own] for m, own in old_links.items()}
    plan = update_links(sorted(nodes, key=lambda n: (n.iri, n.kind)), new, old_pairs, full_above=2.0, **options)
    expected = {link for own in _all_links(new, **options).values() for link in own}
    assert _apply(old_links, plan) == expected


def test_linking_update_links_leaves_unchanged_nodes_alone():
    rng = random.Random(1)
    nodes = [_node(f"https://x/measure/{i}", "measure", _text(rng)) for i in range(10)]
    nodes += [_node(f"https://x/recommendation/{i}", "recommendation", _text(rng)) for i in range(10)]
    old = {m: [(link.score, link.recommendation) for link in own] for m, own in _all_links(nodes).items()}
    stale, links = update_links(nodes, nodes, old)
    assert stale == set() and links == []
