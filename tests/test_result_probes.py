"""`result` events on press-style paragraphs written for these tests (tests/probes/results.json): every figure of a
period reported, with its organisation, metric, amount and period, and no result from a forecast, a target, a part of
a sum, a sector's figure or a growth rate alone. A probe the rules still miss carries `missed` (why), an expected
failure that must start passing once fixed."""
from __future__ import annotations

import pytest

from conftest import PROBES, extract_text, forms, load_probes, probe_case
from extract.extractor import Extractor
from extract.textnorm import normalize_name

RESULT_PROBES = load_probes(PROBES / "results.json")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _results(record: dict) -> list[tuple[set[str], str, int, str, str | None]]:
    """The record's results as (organisation's forms, metric, first amount, its currency, period)."""
    names = {o["name"]: {normalize_name(f) for f in forms(o)} for o in record["organizations"]}
    return [(names.get(e["roles"]["org"], {normalize_name(e["roles"]["org"] or "")}), e["roles"]["metric"],
             round(a["value"]), a["currency"], e["roles"]["period"])
            for e in record["events"] if e["type"] == "result" for a in e["roles"]["amount"][:1]]


@pytest.mark.parametrize(("text", "expected"), [probe_case(p, p["text"], p["results"], case_id=p["text"][:50]) for p in RESULT_PROBES])
def test_result_probe(extractor, text: str, expected: list[list]) -> None:
    found = _results(extract_text(extractor, text))
    assert len(found) == len(expected), found
    for org, metric, value, currency, period in expected:
        assert any(normalize_name(org) in names and (m, v, c, p) == (metric, value, currency, period)
                   for names, m, v, c, p in found), (org, metric, value, found)
