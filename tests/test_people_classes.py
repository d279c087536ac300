"""People and cities classes found in real press, on sentences written for the tests (ANNOTATION.md §2, §2b)."""
from __future__ import annotations

import pytest

from conftest import extract_text, named
from extract.extractor import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def people(record: dict) -> list[str]:
    return [p["name"] for p in record["people"]]


def cities(record: dict) -> list[str]:
    return [c["name"] for c in record["cities"]]


# -- first names the dataset's top lists miss ---------------------------------------------

@pytest.mark.parametrize("name", ["Sophia Bennis", "Réda Kettani", "Chakib Alami"])
def test_a_common_first_name_opens_a_person_before_a_company_apposition(extractor, name: str) -> None:
    record = extract_text(extractor, f"Créée en 2021 par {name}, la société Atlaskit propose des paniers.")
    assert name in people(record)
    assert named(record["organizations"], name) is None
