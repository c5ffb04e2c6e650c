"""Copy a trained checkpoint into the package as helsekg's shipped model.

    python -m helsekg.training.package training/output/model-best helsekg/models/nor_helsekg

The folder is replaced atomically (built beside the target, then renamed), its ``meta.json`` gets the
model's name, version, licence and sources, and its size is checked against the 25 MB budget.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from helsekg import __version__

MAX_BYTES = 25 * 1024 * 1024

META = {
    "lang": "nb",
    "name": "nor_helsekg",
    "version": __version__,
    "description": (
        "helsekg's Norwegian (Bokmål + Nynorsk) pipeline: tok2vec, morphologizer (UD UPOS/FEATS), "
        "edit-tree lemmatizer, parser (NDT dependency labels), NER (PER, ORG, LOC, GPE_LOC, GPE_ORG, "
        "PROD, EVT, DRV). Trained from NorNE; see MODEL.md."
    ),
    "author": "helsekg developers",
    "license": "CC0-1.0 (NorNE annotations); model weights MIT like helsekg",
    "sources": [
        {
            "name": "NorNE (Norwegian Dependency Treebank with named entities)",
            "url": "https://github.com/ltgoslo/norne",
            "license": "CC0 annotations; texts not republished",
            "author": "Jørgensen, Aasmoe, Ruud Husevåg, Øvrelid, Velldal (LREC 2020)",
        }
    ],
}


def folder_size(path: Path) -> int:
    """Total size in bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def package(checkpoint: Path, target: Path, *, max_bytes: int = MAX_BYTES) -> int:
    """Install ``checkpoint`` as ``target``; returns the size in bytes."""
    if not (checkpoint / "meta.json").is_file():
        raise FileNotFoundError(f"{checkpoint}: not a spaCy pipeline folder (no meta.json)")
    size = folder_size(checkpoint)
    if size > max_bytes:
        raise ValueError(f"{checkpoint}: {size / 1e6:.1f} MB exceeds the {max_bytes / 1e6:.0f} MB budget")
    staging = target.with_name(f".{target.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(checkpoint, staging)
    meta_path = staging / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
    return folder_size(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    size = package(args.checkpoint, args.target)
    print(f"packaged {args.checkpoint} -> {args.target} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
