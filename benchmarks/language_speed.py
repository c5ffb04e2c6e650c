"""Seconds to tell the written standard (or the foreign language) of every text of a folder.

    python benchmarks/language_speed.py [FOLDER] [--repeat N]

Times :func:`helsekg.text.language.guess_language` over the ``.txt`` files of FOLDER (default: corpus/), with
lingua's models loaded first, and counts how many texts were judged by their marker words alone (ten or more words of
one written standard and five times as many as of any other language: no lingua run). Results are recorded in
docs/performance.md (thirty-eighth part).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="corpus")
    ap.add_argument("--repeat", type=int, default=2, help="time the folder this many times")
    args = ap.parse_args()

    from helsekg.text.language import guess_language, identify_language, plain_standard

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    identify_language("oppvarming")  # load lingua's models outside the timing
    plain = sum(plain_standard(text) is not None for text in texts)
    print(f"{len(texts)} texts, {plain} judged by their marker words alone")
    for run in range(args.repeat):
        start = time.perf_counter()
        for text in texts:
            guess_language(text)
        print(f"run {run + 1}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
