"""Events on press-style paragraphs written for these tests: each `tests/probes/*.json` file whose probes carry
`events` (`openings.json`: openings and investments; `appointments.json`), every event of the types a file's probes name expected with
the roles it gives, and no other event of those types (its negatives expect none). A probe the rules still miss
carries `missed` (why), an expected failure that must start passing once fixed. Result probes have their own test."""
from __future__ import annotations

from typing import Any

import pytest

from conftest import PROBES, extract_text, forms, load_probes, probe_case
from extract.extractor import Extractor
from extract.textnorm import normalize_name

NAME_ROLES = {"operator": "organizations", "facility": "organizations", "investor": "organizations",
              "city": "cities", "org": "organizations", "person": "people"}


def _probes() -> list[tuple[str, dict, set[str]]]:
    """Each probe with `events`, with its file's name and the event types that file's probes name."""
    found = []
    for path in sorted(PROBES.glob("*.json")):
        probes = [p for p in load_probes(path) if "events" in p]
        types = {e["type"] for p in probes for e in p["events"]}
        found += [(path.stem, p, types) for p in probes]
    return found


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _matches(expected: dict[str, Any], event: dict, record: dict) -> bool:
    """Whether the output event has the expected type and every role the expectation gives: a name role by any form
    of the fact it names, an amount by its first value and currency, counts as sets of (value, unit)."""
    if event["type"] != expected["type"]:
        return False
    for role, value in expected.items():
        found = event["roles"].get(role)
        if role == "type":
            continue
        if role in NAME_ROLES:
            facts = {f["name"]: {normalize_name(x) for x in forms(f)} for f in record[NAME_ROLES[role]]}
            if value is None or found is None:
                if value != found:
                    return False
            elif normalize_name(value) not in facts.get(found, {normalize_name(found)}):
                return False
        elif role == "amount":
            if not found or [round(found[0]["value"]), found[0]["currency"]] != value:
                return False
        elif role == "capacity":
            if {(round(c["value"]), c["unit"]) for c in found} != {tuple(c) for c in value}:
                return False
        elif found != value:
            return False
    return True


@pytest.mark.parametrize(("text", "expected", "types"), [probe_case(p, p["text"], p["events"], types, case_id=f"{name}:{p['text'][:50]}")
                                                       for name, p, types in _probes()])
def test_event_probe(extractor, text: str, expected: list[dict], types: set[str]) -> None:
    record = extract_text(extractor, text)
    found = [e for e in record["events"] if e["type"] in types]
    assert len(found) == len(expected), found
    for event in expected:
        assert any(_matches(event, e, record) for e in found), (event, found)
