"""Words per second of a helsekg pipeline on one core, with thinc's BLIS gemm and with numpy's.

    python benchmarks/model_speed.py MODEL_DIR [--norne ../shared/data/norne] [--limit 20000] [--gemm]

Texts are the NorNE UD test sentences (both varieties, 10 sentences per text), fed through
``nlp.pipe``. Threads are pinned to one (OMP/OPENBLAS/MKL_NUM_THREADS=1) before numpy loads.
``--gemm`` adds a micro-benchmark of ``NumpyOps().gemm`` vs ``numpy.matmul`` on the shapes the
pipeline multiplies (tok2vec width 128, maxout 3 pieces, window 1; parser hidden 128).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

GEMM_SHAPES = (  # (A shape, B shape, trans1, trans2, what)
    ((2000, 384), (384, 384), False, True, "tok2vec maxout forward"),
    ((2000, 384), (2000, 384), True, False, "tok2vec maxout dW"),
    ((2000, 384), (384, 384), False, False, "tok2vec maxout dX"),
    ((2000, 128), (8 * 128 * 3, 128), False, True, "parser precomputable affine"),
)


def load_texts(norne: Path, limit: int) -> list[str]:
    """UD test sentences of both varieties, joined 10 per text, up to ``limit`` words."""
    texts, words = [], 0
    for path in sorted((norne / "ud").glob("*/*-ud-test.conllu")):
        sents = [line[len("# text = "):].strip() for line in path.open(encoding="utf-8")
                 if line.startswith("# text = ")]
        for i in range(0, len(sents), 10):
            texts.append(" ".join(sents[i:i + 10]))
    out = []
    for t in texts[::2] + texts[1::2]:  # interleave-ish so --limit covers both varieties
        out.append(t)
        words += len(t.split())
        if words >= limit:
            break
    return out


def time_pipe(nlp, texts: list[str], repeats: int = 2) -> float:
    """Best-of-``repeats`` words/s (tokens) of ``nlp.pipe`` over ``texts`` after one warm-up."""
    list(nlp.pipe(texts[:5]))
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        best = max(best, n / (time.perf_counter() - start))
    return best


def gemm_table(seconds: float = 0.5) -> list[tuple[str, float, float]]:
    """(what, BLIS ms, numpy ms) per shape in :data:`GEMM_SHAPES`."""
    import numpy
    from thinc.api import NumpyOps

    from helsekg.nlp.fastops import restore_blis_gemm, use_numpy_gemm

    ops, rng, rows = NumpyOps(), numpy.random.default_rng(0), []
    for sa, sb, t1, t2, what in GEMM_SHAPES:
        a, b = rng.standard_normal(sa).astype("f"), rng.standard_normal(sb).astype("f")
        ms = []
        for switch in (restore_blis_gemm, use_numpy_gemm):
            switch()
            ops.gemm(a, b, trans1=t1, trans2=t2)
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < seconds:
                ops.gemm(a, b, trans1=t1, trans2=t2)
                n += 1
            ms.append((time.perf_counter() - start) / n * 1e3)
        rows.append((what, *ms))
    restore_blis_gemm()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--norne", type=Path, default=Path("../shared/data/norne"))
    ap.add_argument("--limit", type=int, default=20000, help="words of text to process")
    ap.add_argument("--gemm", action="store_true", help="also run the gemm micro-benchmark")
    args = ap.parse_args()

    import spacy

    from helsekg.nlp.fastops import restore_blis_gemm, use_numpy_gemm

    if args.gemm:
        print(f"{'gemm shape':<30}{'BLIS ms':>10}{'numpy ms':>10}{'speed-up':>10}")
        for what, blis_ms, np_ms in gemm_table():
            print(f"{what:<30}{blis_ms:>10.3f}{np_ms:>10.3f}{blis_ms / np_ms:>9.2f}x")
        print()
    nlp = spacy.load(args.model_dir)
    texts = load_texts(args.norne, args.limit)
    restore_blis_gemm()
    blis_wps = time_pipe(nlp, texts)
    use_numpy_gemm()
    numpy_wps = time_pipe(nlp, texts)
    restore_blis_gemm()
    print(f"{'gemm':<10}{'words/s':>10}   ({sum(len(t.split()) for t in texts)} words, 1 thread, {args.model_dir})")
    print(f"{'BLIS':<10}{blis_wps:>10.0f}")
    print(f"{'numpy':<10}{numpy_wps:>10.0f}   {numpy_wps / blis_wps:.2f}x")


if __name__ == "__main__":
    main()
