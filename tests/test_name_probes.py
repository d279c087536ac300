"""Organisations and people on press-style sentences written for these tests from ANNOTATION.md §2-§2b
(tests/probes/organisations.json): company names with no type word told from a role noun, an apposition, a company's
verb, a legal form, a list with known organisations or a citing cue; people with and without honorifics; and
negative probes (a title alone, a product, a programme, a fair, a capitalised word opening a sentence). Each probe
lists every organisation and person expected, no more. A probe the rules still miss carries `missed` (why), an
expected failure that must start passing once fixed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from conftest import extract_text, forms
from extract.extractor import Extractor
from extract.textnorm import normalize_name

PROBES = json.loads((Path(__file__).resolve().parent / "probes" / "organisations.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _param(probe: dict) -> ParameterSet:
    """One probe as a test case, an expected failure where it carries `missed`."""
    marks = [pytest.mark.xfail(strict=True, reason=probe["missed"])] if "missed" in probe else []
    return pytest.param(probe, marks=marks, id=probe["text"][:50])


@pytest.mark.parametrize("probe", [_param(p) for p in PROBES])
def test_name_probe(extractor, probe: dict) -> None:
    record = extract_text(extractor, probe["text"])
    for kind in ("organizations", "people"):
        found = [{normalize_name(f) for f in forms(fact)} for fact in record[kind]]
        assert len(found) == len(probe[kind]), (kind, [fact["name"] for fact in record[kind]])
        for name in probe[kind]:
            assert any(normalize_name(name) in names for names in found), (kind, name, found)
