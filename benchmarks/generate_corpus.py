"""Generate a scaled corpus by recombining the sentences of corpus/ with varied names and numbers.

    python benchmarks/generate_corpus.py OUT_DIR [--documents 10000] [--sentences 40] [--seed 8]

Deterministic for a seed: each document gets a title sentence, a "Publisert:" line with a date and
``--sentences`` body sentences drawn from the corpus, with every number replaced by a random one
and every capitalised name from a small list swapped for another, so documents differ in content
hash, amounts and actors but read like the real ones.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

NAMES = ["Ingvild Kjerkol", "Bent Høie", "Jan Christian Vestre", "Kari Nessa Nordtun", "Anne Grethe Erlandsen",
         "Per Olav Hansen", "Ingrid Solberg", "Ola Nordmann"]
_NUMBER = re.compile(r"\b\d{1,3}(?: \d{3})*(?:,\d+)?\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])")


def corpus_sentences(folder: Path) -> list[str]:
    from helsekg.text import iter_paths, read_document

    sentences: list[str] = []
    for path in iter_paths([folder]):
        document = read_document(path)
        for region in document.body_regions():
            for line in document.text[region.start:region.end].split("\n"):
                sentences += [s.strip() for s in _SENTENCE.split(line) if len(s.split()) >= 5]
    return sentences


def vary(sentence: str, rng: random.Random) -> str:
    sentence = _NUMBER.sub(lambda m: str(rng.choice([2, 5, 12, 20, 30, 53, 70, 102, 175, 245, 280, 2025, 2024])), sentence)
    for name in NAMES:
        if name in sentence:
            sentence = sentence.replace(name, rng.choice(NAMES))
    return sentence


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--sentences", type=int, default=40)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "corpus")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sentences = corpus_sentences(args.corpus)
    args.out.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(args.documents):
        body = [vary(rng.choice(sentences), rng) for _ in range(args.sentences)]
        title = body[0].rstrip(".")
        date = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2019, 2025)}"
        text = f"{title}\n\nPublisert: {date}\n\n" + "\n\n".join(" ".join(body[j:j + 4]) for j in range(1, len(body), 4))
        words += len(text.split())
        (args.out / f"dokument-{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    print(f"{args.documents} documents, {words} words, from {len(sentences)} corpus sentences, in {args.out}")


if __name__ == "__main__":
    main()
