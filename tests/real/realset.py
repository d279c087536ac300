"""The real-press sets: check re-obtained texts against their stored length and head, then score them.

Only facts and references are committed (``tests/real/{dev,heldout}/<id>.json``: the search query, rank,
url, length and head of the excerpt, and its hand gold); the texts live in ``tests/real/texts/<id>.txt``,
which git ignores. Re-obtain them with the search tool's ``pages`` corpus (same query, same rank, the
excerpt exactly), then::

    python tests/real/realset.py check                 # every text present, with the stored length and head
    python tests/real/realset.py evaluate dev [--details] [--json F]   # evaluate's own options follow
    python tests/real/realset.py list                  # id, query and rank of every text to re-obtain
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
SPLITS = ("dev", "heldout")


def references(split: str | None = None) -> list[dict]:
    """The stored records (references and gold) of one split, or of both."""
    splits = SPLITS if split is None else (split,)
    return [json.loads(p.read_text(encoding="utf-8")) for s in splits for p in sorted((HERE / s).glob("*.json"))]


def problems(records: list[dict]) -> list[str]:
    """What is missing or different among the texts of ``records``: one line per text."""
    found = []
    for record in records:
        path = TEXTS / f"{record['id']}.txt"
        if not path.is_file():
            found.append(f"{record['id']}: missing ({path.name}; query {record['query']!r}, rank {record['rank']})")
            continue
        text = path.read_bytes().decode("utf-8")
        if len(text) != record["length"] or not text.startswith(record["head"]):
            found.append(f"{record['id']}: length {len(text)} / head differ from the stored {record['length']}")
    return found


def main(argv: list[str]) -> int:
    """``check``, ``list`` or ``evaluate SPLIT [evaluate options]``; exit 2 when texts are missing or differ."""
    if not argv or argv[0] not in {"check", "list", "evaluate"}:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "list":
        for record in references():
            print(f"{record['id']}\t{record['rank']}\t{record['query']}")
        return 0
    split = argv[1] if argv[0] == "evaluate" and len(argv) > 1 else None
    if split is not None and split not in SPLITS:
        print(f"error: unknown split {split!r} (one of {', '.join(SPLITS)})", file=sys.stderr)
        return 2
    wrong = problems(references(split))
    for line in wrong:
        print(line, file=sys.stderr)
    if wrong or argv[0] == "check":
        print(f"{len(wrong)} text(s) missing or different", file=sys.stderr)
        return 2 if wrong else 0
    from extract.evaluate import main as evaluate_main

    return evaluate_main(["--gold", str(HERE / split), "--corpus", str(TEXTS), *argv[2:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
