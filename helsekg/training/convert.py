"""Convert NorNE (NDT + UD dev/test, with NER) into spaCy ``DocBin`` corpora.

NorNE ships the full Norwegian Dependency Treebank in NDT format (``ndt/{nob,nno}/*.conll``:
ID FORM LEMMA CPOS POS FEATS HEAD DEPREL _ ``name=B-PER``) and only the UD *dev* and *test* splits
(``ud/{nob,nno}/*-ud-{dev,test}.conllu``). The split is fixed by UD: train is every NDT sentence whose
token sequence is not in UD dev or test.

What each annotation layer is taken from:

============  ===============================  ==========================================
layer         train (NDT sentences)             dev / test (UD sentences)
============  ===============================  ==========================================
tokens        NDT (headline ``|`` dropped)     UD
spaces        rules (:func:`ndt_spaces`)       UD ``SpaceAfter=No``
UPOS + FEATS  NDT tags mapped with             UD
              ``ndt_to_ud.json`` (learnt on
              UD *dev* only, see
              :func:`build_tag_table`)
lemma         NDT                              UD (same lemma conventions as NDT)
heads, deps   NDT (NDT labels)                 the matching NDT sentence (NDT labels)
entities      NDT ``name=``                    UD ``name=``
============  ===============================  ==========================================

Dependencies stay in the NDT scheme everywhere: UD trees are not NDT trees with other labels
(UD makes content words heads), so train, dev and test must use one scheme for LAS to compare
like with like. MISC (8 training examples, none in dev/test) is dropped; the other eight NorNE
types are kept, GPE_LOC/GPE_ORG included.

>>> ndt_spaces(["Han", "sa", "«", "ja", "»", "(", "igjen", ")", "."])
[True, True, False, False, True, False, False, False, False]
>>> iob_to_doc_iob(["O", "I-PER", "I-PER", "B-MISC", "B-ORG"])
['O', 'B-PER', 'I-PER', 'O', 'B-ORG']
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV")
"""Entity labels the model learns; NorNE's MISC is mapped to O."""

VARIETIES = ("nob", "nno")
SENTS_PER_DOC = 10
DEV_SUBSET_EVERY = 4
"""Every 4th dev doc of each variety goes into ``dev.spacy`` (about 1 100 sentences)."""

TABLE_PATH = Path(__file__).with_name("ndt_to_ud.json")
HEADLINE_MARK = "|"
"""NDT ends headlines with a ``|`` token (CPOS ``clb``); UD drops it, and so do we."""

UD_FILES = {"nob": "no_bokmaal-ud-{split}.conllu", "nno": "no_nynorsk-ud-{split}.conllu"}

_NO_SPACE_BEFORE = frozenset(",.;:!?)]}»%…") | {"...", "'s"}
_NO_SPACE_AFTER = frozenset("([{«")


@dataclass(frozen=True)
class Token:
    """One word with every layer the corpora need; ``head`` is 1-based, 0 for the root, None if unknown."""

    form: str
    lemma: str
    upos: str
    feats: str
    head: int | None
    deprel: str | None
    ner: str
    space_after: bool = True
    ndt_pos: str = ""
    ndt_feats: str = ""
    ndt_ctx: str = ""


@dataclass
class Sentence:
    """A sentence with its origin (``file`` for NDT, ``sent_id`` for UD)."""

    tokens: list[Token]
    origin: str = ""
    variety: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, ...]:
        """Token sequence used to match UD sentences to NDT sentences."""
        return tuple(t.form for t in self.tokens)


# --------------------------------------------------------------------------- reading


def read_blocks(path: Path) -> Iterator[tuple[list[str], list[list[str]]]]:
    """Yield ``(comment_lines, rows)`` per sentence of a CoNLL(-U/-X) file; rows are split on tabs.

    Multiword-token ranges (``1-2``) and empty nodes (``1.1``) are skipped; NorNE has none, but UD may.
    """
    comments: list[str] = []
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield comments, rows
                comments, rows = [], []
            elif line.startswith("#"):
                comments.append(line)
            else:
                cols = line.split("\t")
                if len(cols) != 10:
                    raise ValueError(f"{path}: expected 10 tab-separated columns, got {len(cols)}: {line!r}")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                rows.append(cols)
    if rows:
        yield comments, rows


def _misc_get(misc: str, key: str) -> str | None:
    for item in misc.split("|"):
        if item.startswith(key + "="):
            return item[len(key) + 1 :]
    return None


def _drop_rows(rows: list[list[str]], drop: Sequence[bool]) -> list[list[str]]:
    """Remove rows, renumber IDs and reattach dependents of a removed word to its head."""
    heads = {int(r[0]): int(r[6]) if r[6] not in ("_", "") else None for r in rows}
    dropped = {int(r[0]) for r, d in zip(rows, drop) if d}

    def resolve(h: int | None) -> int | None:
        seen = 0
        while h in dropped and seen < len(rows):
            h, seen = heads[h], seen + 1
        return h

    new_id, n = {}, 0
    for r, d in zip(rows, drop):
        if not d:
            n += 1
            new_id[int(r[0])] = n
    out = []
    for r, d in zip(rows, drop):
        if d:
            continue
        h = resolve(heads[int(r[0])])
        r = list(r)
        r[0] = str(new_id[int(r[0])])
        r[6] = "_" if h is None else str(new_id.get(h, 0))
        out.append(r)
    return out


def read_ndt(path: Path, variety: str) -> list[Sentence]:
    """Read one NDT file. UPOS/FEATS are left empty here; :func:`apply_tag_table` fills them."""
    sents = []
    for _, rows in read_blocks(path):
        drop = [r[1] == HEADLINE_MARK and r[3] == "clb" for r in rows]
        if all(drop):
            continue
        if any(drop):
            rows = _drop_rows(rows, drop)
        forms = [r[1] for r in rows]
        spaces = ndt_spaces(forms)
        ctx = ndt_context(rows)
        tokens = [
            Token(
                form=r[1], lemma=r[2], upos="", feats="", head=int(r[6]), deprel=r[7],
                ner=_misc_get(r[9], "name") or "O", space_after=sp, ndt_pos=r[3], ndt_feats=r[5],
                ndt_ctx=c,
            )
            for r, sp, c in zip(rows, spaces, ctx)
        ]
        sents.append(Sentence(tokens, origin=path.name, variety=variety))
    return sents


def ndt_context(rows: Sequence[Sequence[str]]) -> list[str]:
    """Per word, the tree context UD tagging depends on: ``I`` if it has an INFV dependent (an auxiliary
    in UD: *har gjort*, *blir sett*), ``V`` if it has a verb or infinitive-marker dependent (a
    preposition heading an infinitive is SCONJ in UD: *for å sette*, where NDT hangs *å* on *for*).

    >>> ndt_context([["1", "har", "ha", "verb", "verb", "pres", "0", "FINV"],
    ...              ["2", "gjort", "gjøre", "verb", "verb", "perf-part", "1", "INFV"]])
    ['IV', '']
    """
    flags: list[set[str]] = [set() for _ in rows]
    for r in rows:
        head = int(r[6]) if r[6] not in ("_", "") else 0
        if head:
            if r[7] == "INFV":
                flags[head - 1].add("I")
            if r[3] in ("verb", "inf-merke"):
                flags[head - 1].add("V")
    return ["".join(sorted(f)) for f in flags]


def read_ud(path: Path, variety: str) -> list[Sentence]:
    """Read a UD (CoNLL-U) file with NorNE ``name=`` entities in MISC."""
    sents = []
    for comments, rows in read_blocks(path):
        meta = {}
        for c in comments:
            if "=" in c:
                k, v = c[1:].split("=", 1)
                meta[k.strip()] = v.strip()
        tokens = [
            Token(
                form=r[1], lemma=r[2], upos=r[3], feats="" if r[5] == "_" else r[5],
                head=int(r[6]), deprel=r[7], ner=_misc_get(r[9], "name") or "O",
                space_after=_misc_get(r[9], "SpaceAfter") != "No",
            )
            for r in rows
        ]
        sents.append(Sentence(tokens, origin=meta.get("sent_id", ""), variety=variety, meta=meta))
    return sents


def ndt_spaces(forms: Sequence[str]) -> list[bool]:
    """Guess ``SpaceAfter`` for NDT tokens: no space before closing punctuation or after opening brackets.

    Straight double quotes alternate between opening and closing. The last token gets no space.
    """
    spaces = [True] * len(forms)
    quote_open = False
    for i, form in enumerate(forms):
        if form == '"':
            if quote_open and i > 0:
                spaces[i - 1] = False
            elif not quote_open:
                spaces[i] = False
            quote_open = not quote_open
        if form in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
        if form in _NO_SPACE_AFTER:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


# --------------------------------------------------------------------------- NDT -> UD tags


TABLE_LEVELS = ("context", "deprel", "lemma", "base")
"""Backoff order of :func:`build_tag_table`, most specific first."""


def _ndt_keys(t: Token) -> dict[str, str]:
    """Lookup keys for an NDT token's UD tag, one per level of :data:`TABLE_LEVELS`."""
    base = f"{t.ndt_pos}|{t.ndt_feats}"
    lemma = f"{base}|{t.lemma.lower()}"
    deprel = f"{lemma}|{t.deprel}"
    return {"context": f"{deprel}|{t.ndt_ctx}", "deprel": deprel, "lemma": lemma, "base": base}


def _pos_key(t: Token) -> str:
    return t.ndt_pos + ("|prop" if "prop" in t.ndt_feats.split("|") else "")


def build_tag_table(pairs: Iterable[tuple[Token, Token]], min_count: int = 2) -> dict:
    """Learn NDT (CPOS, FEATS) -> UD "UPOS<TAB>FEATS" from aligned (NDT, UD) tokens.

    Backoff levels, most specific first: ``context`` (CPOS|FEATS|lemma|NDT deprel|tree context, see
    :func:`ndt_context`), ``deprel``, ``lemma`` and ``base`` (CPOS|FEATS). Every level but ``base``
    stores only entries (seen ``min_count`` times) whose majority answer differs from what the
    levels below give, e.g. AUX vs VERB for *ha*/*bli*, SCONJ vs ADP for *for å*, DET vs PRON.
    ``pos`` is the last resort for NDT tag combinations never seen in the aligned data.
    """
    counts: dict[str, dict[str, Counter]] = {lvl: defaultdict(Counter) for lvl in (*TABLE_LEVELS, "pos")}
    for ndt, ud in pairs:
        value = f"{ud.upos}\t{ud.feats}"
        for lvl, key in _ndt_keys(ndt).items():
            counts[lvl][key][value] += 1
        counts["pos"][_pos_key(ndt)][f"{ud.upos}\t"] += 1

    def best(c: Counter) -> str:
        return c.most_common(1)[0][0]

    table: dict[str, dict[str, str]] = {
        "base": {k: best(c) for k, c in sorted(counts["base"].items())},
        "pos": {k: best(c) for k, c in sorted(counts["pos"].items())},
    }
    for i in range(len(TABLE_LEVELS) - 2, -1, -1):
        lvl, lower = TABLE_LEVELS[i], TABLE_LEVELS[i + 1 :]
        entries = {}
        for k, c in sorted(counts[lvl].items()):
            v = best(c)
            below = _lookup(table, {lv: k.rsplit("|", j + 1)[0] for j, lv in enumerate(lower)}, lower)
            if c[v] >= min_count and v != below:
                entries[k] = v
        table[lvl] = entries
    return table


def _lookup(table: dict, keys: dict[str, str], levels: Sequence[str]) -> str | None:
    for lvl in levels:
        v = table.get(lvl, {}).get(keys[lvl])
        if v is not None:
            return v
    return None


def lookup_tag(table: dict, t: Token) -> tuple[str, str]:
    """UD (UPOS, FEATS) for an NDT token using the backoff table."""
    v = _lookup(table, _ndt_keys(t), TABLE_LEVELS) or table["pos"].get(_pos_key(t), "X\t")
    upos, feats = v.split("\t")
    return upos, feats


def apply_tag_table(sents: Iterable[Sentence], table: dict) -> None:
    """Fill UPOS/FEATS of NDT sentences in place."""
    for s in sents:
        s.tokens = [_replace(t, *lookup_tag(table, t)) for t in s.tokens]


def _replace(t: Token, upos: str, feats: str) -> Token:
    from dataclasses import replace

    return replace(t, upos=upos, feats=feats)


# --------------------------------------------------------------------------- split


@dataclass
class Split:
    """NorNE split for one variety; ``dev``/``test`` carry NDT trees merged into the UD sentences."""

    train: list[Sentence]
    dev: list[Sentence]
    test: list[Sentence]
    stats: dict
    pairs_dev: list[tuple[Token, Token]]
    pairs_test: list[tuple[Token, Token]]


def split_variety(ndt: list[Sentence], ud_dev: list[Sentence], ud_test: list[Sentence]) -> Split:
    """Match UD dev/test sentences to NDT sentences by token sequence; the unmatched rest is train.

    Every NDT sentence whose token sequence occurs in UD dev or test is kept out of train (even a
    duplicate of it elsewhere in NDT), so no evaluation sentence is trained on. Matched UD sentences
    get the NDT heads/deprels; an unmatched UD sentence keeps its words but its tree is marked missing.
    """
    by_key: dict[tuple[str, ...], list[Sentence]] = defaultdict(list)
    for s in ndt:
        by_key[s.key].append(s)
    used: set[int] = set()
    stats: dict = {}
    merged: dict[str, list[Sentence]] = {}
    pairs: dict[str, list[tuple[Token, Token]]] = {}
    for name, ud in (("dev", ud_dev), ("test", ud_test)):
        out, matched, prs = [], 0, []
        for s in ud:
            cands = by_key.get(s.key, [])
            pick = next((c for c in cands if id(c) not in used), cands[0] if cands else None)
            if pick is None:
                toks = [_with_tree(u, None, None) for u in s.tokens]
            else:
                matched += 1
                used.add(id(pick))
                toks = [_with_tree(u, n.head, n.deprel) for u, n in zip(s.tokens, pick.tokens)]
                prs.extend(zip(pick.tokens, s.tokens))
            out.append(Sentence(toks, origin=s.origin, variety=s.variety, meta=s.meta))
        merged[name], pairs[name] = out, prs
        stats[f"{name}_ud_sentences"] = len(ud)
        stats[f"{name}_matched"] = matched
    held_out = {s.key for s in ud_dev} | {s.key for s in ud_test}
    train = [s for s in ndt if s.key not in held_out]
    stats["ndt_sentences"] = len(ndt)
    stats["ndt_excluded"] = len(ndt) - len(train)
    stats["train_sentences"] = len(train)
    return Split(train, merged["dev"], merged["test"], stats, pairs["dev"], pairs["test"])


def _with_tree(t: Token, head: int | None, deprel: str | None) -> Token:
    from dataclasses import replace

    return replace(t, head=head, deprel=deprel)


# --------------------------------------------------------------------------- docs


def iob_to_doc_iob(tags: Sequence[str]) -> list[str]:
    """Normalise NorNE IOB2 tags: drop types outside :data:`ENTITY_TYPES`, repair stray ``I-``."""
    out, prev = [], "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        bio, label = tag.split("-", 1)
        if label not in ENTITY_TYPES:
            out.append("O")
            prev = "O"
            continue
        if bio == "I" and prev == label:
            out.append(f"I-{label}")
        else:
            out.append(f"B-{label}")
        prev = label
    return out


def sentences_to_doc(vocab, sents: Sequence[Sentence]):
    """One spaCy ``Doc`` from consecutive sentences (heads made absolute, sentence starts set)."""
    from spacy.tokens import Doc

    words, spaces, pos, morphs, lemmas, heads, deps, starts, ents = ([] for _ in range(9))
    for s in sents:
        offset = len(words)
        sent_iob = iob_to_doc_iob([t.ner for t in s.tokens])
        for i, t in enumerate(s.tokens):
            words.append(t.form)
            spaces.append(t.space_after)
            pos.append(t.upos or None)
            morphs.append(t.feats)
            lemmas.append(t.lemma)
            if t.head is None:
                heads.append(None)
                deps.append(None)
            else:
                heads.append(offset + (t.head - 1 if t.head else i))
                deps.append(t.deprel)
            starts.append(i == 0)
        ents.extend(sent_iob)
        if s.tokens:
            spaces[-1] = True  # sentences inside a doc are separated by a space
    if spaces:
        spaces[-1] = False
    has_tree = any(h is not None for h in heads)
    return Doc(
        vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas,
        heads=heads if has_tree else None, deps=deps if has_tree else None,
        sent_starts=starts, ents=ents,
    )


def group(sents: Sequence[Sentence], size: int = SENTS_PER_DOC) -> Iterator[list[Sentence]]:
    """Consecutive chunks of ``size`` sentences, never crossing an NDT file or UD document boundary."""
    chunk: list[Sentence] = []
    for s in sents:
        boundary = chunk and (s.origin != chunk[-1].origin if s.meta == {} else "newdoc id" in s.meta)
        if chunk and (len(chunk) >= size or boundary):
            yield chunk
            chunk = []
        chunk.append(s)
    if chunk:
        yield chunk


def count(sents: Sequence[Sentence]) -> dict:
    """Sentences, tokens and entities (after the MISC drop) in a list of sentences."""
    n_ents = Counter()
    for s in sents:
        for tag in iob_to_doc_iob([t.ner for t in s.tokens]):
            if tag.startswith("B-"):
                n_ents[tag[2:]] += 1
    return {"sentences": len(sents), "tokens": sum(len(s.tokens) for s in sents),
            "entities": sum(n_ents.values()), "by_type": dict(sorted(n_ents.items()))}


def tag_accuracy(table: dict, pairs: Sequence[tuple[Token, Token]]) -> dict:
    """How well the NDT->UD table reproduces the gold UD UPOS / FEATS / both on aligned tokens."""
    n = upos = feats = both = 0
    for ndt, ud in pairs:
        p, f = lookup_tag(table, ndt)
        n += 1
        upos += p == ud.upos
        feats += f == ud.feats
        both += p == ud.upos and f == ud.feats
    return {"tokens": n, "upos": upos / max(n, 1), "feats": feats / max(n, 1), "upos+feats": both / max(n, 1)}


# --------------------------------------------------------------------------- main


def load_norne(norne: Path) -> dict[str, Split]:
    """Read and split both varieties of NorNE."""
    splits = {}
    for v in VARIETIES:
        ndt_files = sorted((norne / "ndt" / v).glob("*.conll"))
        if not ndt_files:
            raise FileNotFoundError(f"E-CONVERT-1: no NDT files in {norne / 'ndt' / v}; pass --norne PATH to NorNE")
        ndt = [s for f in ndt_files for s in read_ndt(f, v)]
        ud_dev = read_ud(norne / "ud" / v / UD_FILES[v].format(split="dev"), v)
        ud_test = read_ud(norne / "ud" / v / UD_FILES[v].format(split="test"), v)
        splits[v] = split_variety(ndt, ud_dev, ud_test)
    return splits


def convert(norne: Path, out: Path, *, table_path: Path = TABLE_PATH, rebuild_table: bool = False,
            seed: int = 0) -> dict:
    """Write ``{train,dev,test}-{nob,nno}.spacy``, ``train.spacy`` and the ``dev.spacy`` subset to ``out``.

    Returns the counts (also written to ``out/stats.json``).
    """
    import spacy
    from spacy.tokens import DocBin

    splits = load_norne(norne)
    if rebuild_table or not table_path.exists():
        table = build_tag_table(p for v in VARIETIES for p in splits[v].pairs_dev)
        table_path.write_text(json.dumps(
            {"_source": "Learnt by helsekg.training.convert.build_tag_table from NorNE UD dev aligned to NDT "
                        "(annotations CC0, see MODEL.md); maps NDT 'CPOS|FEATS[|lemma[|deprel]]' to 'UPOS\\tFEATS'.",
             **table}, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    else:
        table = json.loads(table_path.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nb")
    stats: dict = {"tag_table_on_test": {}, "split": {}, "counts": {}}
    all_train, dev_subset = [], []
    for v in VARIETIES:
        sp = splits[v]
        apply_tag_table(sp.train, table)
        stats["split"][v] = sp.stats
        stats["tag_table_on_test"][v] = tag_accuracy(table, sp.pairs_test)
        for name, sents in (("train", sp.train), ("dev", sp.dev), ("test", sp.test)):
            docs = [sentences_to_doc(nlp.vocab, chunk) for chunk in group(sents)]
            DocBin(docs=docs, store_user_data=False).to_disk(out / f"{name}-{v}.spacy")
            stats["counts"][f"{name}-{v}"] = count(sents)
            if name == "train":
                all_train.extend(docs)
            elif name == "dev":
                dev_subset.extend(docs[::DEV_SUBSET_EVERY])
    random.Random(seed).shuffle(all_train)
    DocBin(docs=all_train).to_disk(out / "train.spacy")
    DocBin(docs=dev_subset).to_disk(out / "dev.spacy")
    stats["counts"]["dev-subset"] = {"docs": len(dev_subset), "sentences": sum(len(list(d.sents)) for d in dev_subset),
                                     "tokens": sum(len(d) for d in dev_subset)}
    (out / "stats.json").write_text(json.dumps(stats, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return stats


def format_stats(stats: dict) -> str:
    """Human-readable summary of :func:`convert`'s counts."""
    lines = ["split            sentences    tokens  entities  by type"]
    for name, c in stats["counts"].items():
        if "by_type" in c:
            types = " ".join(f"{k}={n}" for k, n in c["by_type"].items())
            lines.append(f"{name:<14} {c['sentences']:>11} {c['tokens']:>9} {c['entities']:>9}  {types}")
        else:
            lines.append(f"{name:<14} {c['sentences']:>11} {c['tokens']:>9}  ({c['docs']} docs)")
    lines.append("")
    for v, s in stats["split"].items():
        lines.append(
            f"{v}: NDT {s['ndt_sentences']} sentences; UD dev {s['dev_matched']}/{s['dev_ud_sentences']} and "
            f"test {s['test_matched']}/{s['test_ud_sentences']} matched to NDT by token sequence; "
            f"{s['ndt_excluded']} NDT sentences held out -> train {s['train_sentences']}"
        )
    for v, a in stats["tag_table_on_test"].items():
        lines.append(f"{v}: NDT->UD table on UD test ({a['tokens']} tokens): UPOS {a['upos']:.4f}  "
                     f"FEATS {a['feats']:.4f}  both {a['upos+feats']:.4f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``python -m helsekg.training.convert --norne ../shared/data/norne --out training/corpus``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--norne", type=Path, default=Path("../shared/data/norne"), help="NorNE folder (ndt/, ud/)")
    ap.add_argument("--out", type=Path, default=Path("training/corpus"), help="output folder for .spacy files")
    ap.add_argument("--rebuild-table", action="store_true", help="re-learn ndt_to_ud.json from UD dev")
    args = ap.parse_args(argv)
    print(format_stats(convert(args.norne, args.out, rebuild_table=args.rebuild_table)))


if __name__ == "__main__":
    main()
