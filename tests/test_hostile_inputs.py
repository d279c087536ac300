"""Hostile and careless inputs (issue 12): every path ends in a clear message, nothing lost or destroyed.

The matrix, case → behaviour → test:

Text
  NFD text (decomposed accents)           → read in NFC, offsets mapped back; facts equal the NFC text's
                                            → test_nfd_text_gives_the_facts_of_nfc_text
  U+2028, U+2029, NEL, form feed as breaks → read as line breaks: chrome recognised as with \\n
                                            → test_unicode_line_breaks_are_line_breaks

Numbers
  10^12 euros, 10**12 euros, 1e12 euros     → no amount (not 12 EUR)          → test_exponent_is_not_a_number
  0,0000001 %                               → 1e-07, not 0.0 (15 significant digits) → test_tiny_values_keep_their_digits
  99999999999999999999 dirhams              → the exact integer               → test_huge_integers_stay_exact
  a number beyond float range (400 digits)  → no fact, no failure             → test_numbers_beyond_float_range_give_nothing
"""
from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import QUANTITIES, make_article
from extract.amounts import AmountFinder
from extract.counts import CountFinder
from extract.extractor import Extractor
from extract.rules import load_rules

FACT_KINDS = ("organizations", "people", "cities", "amounts", "dates", "counts")

ACCENTED = (
    "La Clinique Internationale de Marrakech ouvre à Fès\n\n"
    "Le groupe Akdital a inauguré à Fès une clinique de 120 lits et trois unités de réanimation, "
    "pour un investissement de 200 millions de dirhams, a annoncé le Dr Rochdi Talib le 5 février 2024. "
    "La Société Générale Maroc et la Caisse de Dépôt et de Gestion financent l'opération.\n"
)
WITH_CHROME = (
    "Économie\n"
    "Akdital ouvre une clinique de 120 lits à Tanger\n"
    "Par Karim Benali | Le Matin\n\n"
    "Le groupe Akdital a inauguré une clinique de 120 lits à Tanger en mars 2024, pour un investissement "
    "de 200 millions de dirhams, selon son président Rochdi Talib.\n"
    "À lire aussi\n"
    "Saham rachète 3 cliniques à Agadir pour 90 millions de dirhams\n"
    "Partager sur Facebook\n"
    "© 2024 Le Matin. Tous droits réservés.\n"
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One extractor (one model load) for every in-process case."""
    return Extractor()


def extract(extractor: Extractor, text: str) -> dict:
    (record,) = list(extractor.pipe([make_article(text)]))
    return record


def without_mentions(record: dict) -> dict:
    """The facts of a record, with neither offsets nor the quantities' ``text`` (which quote the source)."""
    skip = {"mentions", "text"}
    return {kind: [{k: v for k, v in fact.items() if k not in skip} for fact in record[kind]] for kind in FACT_KINDS}


# -- text ----------------------------------------------------------------------------------------

def test_nfd_text_gives_the_facts_of_nfc_text(extractor: Extractor) -> None:
    nfd = unicodedata.normalize("NFD", ACCENTED)
    assert nfd != ACCENTED
    composed, decomposed = extract(extractor, ACCENTED), extract(extractor, nfd)
    assert without_mentions(decomposed) == without_mentions(composed)
    assert decomposed["title"] == composed["title"]
    for kind in FACT_KINDS:
        for nfc_fact, nfd_fact in zip(composed[kind], decomposed[kind]):
            assert len(nfd_fact["mentions"]) == len(nfc_fact["mentions"])
            for (start, end), (o_start, o_end) in zip(nfc_fact["mentions"], nfd_fact["mentions"]):
                assert unicodedata.normalize("NFC", nfd[o_start:o_end]) == ACCENTED[start:end], (kind, nfd_fact)
                assert o_end == len(nfd) or not unicodedata.combining(nfd[o_end]), "a grapheme was split"
            if kind in QUANTITIES:
                assert nfd_fact["text"] == nfc_fact["text"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\f"])
def test_unicode_line_breaks_are_line_breaks(extractor: Extractor, separator: str) -> None:
    expected = extract(extractor, WITH_CHROME)
    assert expected["title"] == "Akdital ouvre une clinique de 120 lits à Tanger"
    record = extract(extractor, WITH_CHROME.replace("\n", separator))
    assert record["title"] == expected["title"]
    for kind in FACT_KINDS:
        assert record[kind] == expected[kind], kind


# -- numbers -------------------------------------------------------------------------------------

def anywhere(start: int, end: int) -> bool:
    return True


@pytest.fixture(scope="module")
def amounts() -> AmountFinder:
    return AmountFinder(load_rules())


@pytest.fixture(scope="module")
def counts() -> CountFinder:
    return CountFinder(load_rules())


@pytest.mark.parametrize("power", ["10^12", "10**12", "1e12", "10^ 12"])
@pytest.mark.parametrize("noun", ["euros", "dirhams", "cellules"])
def test_exponent_is_not_a_number(amounts: AmountFinder, counts: CountFinder, power: str, noun: str) -> None:
    sentence = f"Le marché pèserait {power} {noun} selon le rapport."
    assert amounts.find(sentence, anywhere) == []
    assert [c for c in counts.find(sentence, anywhere) if c["value"] == 12] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le taux est passé à 0,0000001 % cette année.", 1e-7),
        ("Une variation de 0,000000123 % seulement.", 1.23e-7),
        ("Le taux est de 4,45 % cette année.", 4.45),
    ],
)
def test_tiny_values_keep_their_digits(counts: CountFinder, sentence: str, value: float) -> None:
    (fact,) = [c for c in counts.find(sentence, anywhere) if c["unit"] == "%"]
    assert fact["value"] == pytest.approx(value, rel=1e-12) and fact["value"] != 0


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Il a levé 99999999999999999999 dirhams.", 99999999999999999999),
        ("Il a levé 12345678901234567 millions de dirhams.", 12345678901234567 * 10**6),
        ("Il a levé 9.007.199.254.740.993 dirhams.", 9007199254740993),
    ],
)
def test_huge_integers_stay_exact(amounts: AmountFinder, sentence: str, value: int) -> None:
    (fact,) = amounts.find(sentence, anywhere)
    assert fact["value"] == value and isinstance(fact["value"], int)
    assert json.loads(json.dumps(fact))["value"] == value


def test_numbers_beyond_float_range_give_nothing(amounts: AmountFinder, counts: CountFinder) -> None:
    sentence = f"Il a levé {'9' * 400} dirhams pour {'9' * 5000} lits."
    assert amounts.find(sentence, anywhere) == []
    assert counts.find(sentence, anywhere) == []
