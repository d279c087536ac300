"""Organisations and people on press-style sentences written for these tests from ANNOTATION.md §2-§2b
(tests/probes/organisations.json): company names with no type word told from a role noun, an apposition, a company's
verb, a legal form, a list with known organisations or a citing cue; people with and without honorifics; and
negative probes (a title alone, a product, a programme, a fair, a capitalised word opening a sentence). Each probe
lists every organisation and person expected, no more. A probe the rules still miss carries `missed` (why), an
expected failure that must start passing once fixed."""
from __future__ import annotations

import pytest

from conftest import PROBES, extract_text, forms, load_probes, probe_case
from extract.extractor import Extractor
from extract.textnorm import normalize_name

NAME_PROBES = load_probes(PROBES / "organisations.json")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("probe", [probe_case(p, p, case_id=p["text"][:50]) for p in NAME_PROBES])
def test_name_probe(extractor, probe: dict) -> None:
    record = extract_text(extractor, probe["text"])
    for kind in ("organizations", "people"):
        found = [{normalize_name(f) for f in forms(fact)} for fact in record[kind]]
        assert len(found) == len(probe[kind]), (kind, [fact["name"] for fact in record[kind]])
        for name in probe[kind]:
            assert any(normalize_name(name) in names for names in found), (kind, name, found)
