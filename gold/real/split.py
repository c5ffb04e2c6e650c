"""Move newly gathered real texts from ``incoming/`` into the frozen ``dev/`` and ``test/`` splits.

Run from the repository root once the annotations of a batch are final:

    .venv/bin/python gold/real/split.py

The split is stratified and deterministic: within each (language, publisher type) stratum the new documents are
ordered by the SHA-1 of their id and dealt out alternately, each to the split that stratum holds fewer of (ties:
the split with fewer documents overall, then dev). A batch whose errors someone has already read (scored unseen
first, then used to find what the rules miss) may not enter the frozen test split: ``--all-dev`` puts it all in
dev. ``--incoming DIR`` takes the batch from another folder than ``incoming/``. A document already in ``dev/`` or ``test/`` never moves, so the test split stays frozen once made. The
manifests of the helpers (``incoming/manifest-*.csv``) are merged into ``manifest.csv`` with a ``split`` column.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
INCOMING = HERE / "incoming"
SPLITS = ("dev", "test")
FIELDS = ["id", "split", "url", "publisher", "publisher_type", "date", "language", "words", "truncated", "notes"]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-dev", action="store_true", help="put the whole batch in dev (its errors were read)")
    parser.add_argument("--incoming", type=Path, default=INCOMING, help="folder of the batch (default: incoming/)")
    args = parser.parse_args(argv)
    incoming = args.incoming.resolve()
    manifest = HERE / "manifest.csv"
    known = {row["id"]: row for row in _rows(manifest)} if manifest.exists() else {}
    new = []
    for path in sorted(incoming.glob("manifest-*.csv")):
        for row in _rows(path):
            if row["id"] in known:
                continue
            text = incoming / "texts" / f"{row['id']}.txt"
            annotation = incoming / "annotations" / f"{row['id']}.json"
            if not (text.exists() and annotation.exists()):
                print(f"{row['id']}: text or annotation missing in incoming/, left there")
                continue
            language = json.loads(annotation.read_text(encoding="utf-8"))["language"]
            if language != row["language"]:
                raise SystemExit(f"{row['id']}: manifest says {row['language']}, annotation says {language}")
            new.append(row)
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(SPLITS, 0))
    for row in known.values():
        counts[row["language"], row["publisher_type"]][row["split"]] += 1
    overall = dict.fromkeys(SPLITS, 0)
    for row in known.values():
        overall[row["split"]] += 1
    strata: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in new:
        strata[row["language"], row["publisher_type"]].append(row)
    for key, rows in sorted(strata.items()):
        rows.sort(key=lambda r: hashlib.sha1(r["id"].encode("utf-8")).hexdigest())
        for row in rows:
            have = counts[key]
            split = "dev" if args.all_dev else min(SPLITS, key=lambda s: (have[s], overall[s], s))
            have[split] += 1
            overall[split] += 1
            row["split"] = split
            for kind, suffix in (("texts", ".txt"), ("annotations", ".json")):
                target = HERE / split / kind
                target.mkdir(parents=True, exist_ok=True)
                shutil.move(str(incoming / kind / f"{row['id']}{suffix}"), target / f"{row['id']}{suffix}")
            known[row["id"]] = row
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in sorted(known.values(), key=lambda r: (r["split"], r["id"])):
            writer.writerow(row)
    for split in SPLITS:
        rows = [r for r in known.values() if r["split"] == split]
        nn = sum(r["language"] == "nn" for r in rows)
        print(f"{split}: {len(rows)} documents ({len(rows) - nn} nb, {nn} nn)")


if __name__ == "__main__":
    main()
