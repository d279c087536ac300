"""The real-press sets (tests/real): references and gold always checked; scores only where the texts were
re-obtained (they are never committed, so CI has none and the scoring tests skip there)."""
from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.gold import load_gold

REAL = Path(__file__).resolve().parent / "real"
sys.path.insert(0, str(REAL))
import realset  # noqa: E402

REFERENCE_FIELDS = ("query", "rank", "url", "length", "head", "site")
# Regression guard on the real set the rules are tuned on; the real held-out set is measured, never a target.
DEV_FLOOR = 0.94  # 163 texts since session 22 (r142-r164 joined dev): 0.949 at its start (r01-r140 alone: 0.954)


@pytest.mark.parametrize("path", sorted(REAL.glob("*/*.json")), ids=lambda p: p.stem)
def test_each_reference_is_complete_and_its_gold_valid(path: Path) -> None:
    record = load_gold(path)
    assert all(record.get(field) for field in REFERENCE_FIELDS), path
    assert record["head"] == record["head"][:60] and len(record["head"]) == min(60, record["length"])


def test_the_sets_are_varied_and_the_texts_not_tracked() -> None:
    records = realset.references()
    assert len(realset.references("dev")) >= 40 and len(realset.references("heldout")) >= 20
    # dev is the union of burnt held-out sets, so a site may have one excerpt from each: five at most there
    for split, most in (("dev", 5), ("heldout", 3)):
        assert max(collections.Counter(r["site"] for r in realset.references(split)).values()) <= most
    assert len({r["site"] for r in records}) >= 60
    tracked = subprocess.run(["git", "ls-files", str(REAL)], capture_output=True, text=True, cwd=REAL).stdout
    assert ".txt" not in tracked


def test_real_dev_set_keeps_its_floor(tmp_path: Path) -> None:
    missing = realset.problems(realset.references("dev"))
    if missing:
        pytest.skip(f"real texts not re-obtained ({len(missing)} missing or different; see tests/real/README.md)")
    scores = tmp_path / "scores.json"
    status = realset.main(["evaluate", "dev", "--json", str(scores), "--min-f1", str(DEV_FLOOR)])
    assert status == 0
    assert json.loads(scores.read_text(encoding="utf-8"))["micro"]["f1"] >= DEV_FLOOR
