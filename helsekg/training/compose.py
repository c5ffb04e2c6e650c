"""Put the dedicated NER model into the base pipeline: one folder helsekg can load.

    python -m helsekg.training.compose training/output/model-best training/ner/output/model-best training/composed

The base pipeline (tok2vec, morphologizer, lemmatizer, parser, ner) keeps everything but its own
``ner``; the NER model's ``ner`` replaces it, carrying its own copy of the wider NER tok2vec
(listeners replaced), so the two tok2vecs never interfere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def compose(base_dir: Path, ner_dir: Path, out_dir: Path) -> Path:
    """Write the base pipeline with the NER model's ``ner`` to ``out_dir``."""
    import spacy

    from helsekg.nlp.fastops import use_numpy_gemm

    use_numpy_gemm()
    base = spacy.load(base_dir)
    ner_nlp = spacy.load(ner_dir)
    tok2vec_name = next(name for name in ner_nlp.pipe_names if name != "ner")
    ner_nlp.replace_listeners(tok2vec_name, "ner", ["model.tok2vec"])
    position = base.pipe_names.index("ner")
    base.remove_pipe("ner")
    base.add_pipe("ner", source=ner_nlp, before=base.pipe_names[position] if position < len(base.pipe_names) else None)
    base.to_disk(out_dir)
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("ner", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    compose(args.base, args.ner, args.out)
    print(f"composed {args.base} + ner from {args.ner} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
