"""Hostile and careless inputs (issue 12): every path ends in a clear message, nothing lost or destroyed.

The matrix, case → behaviour → test:

Text
  NFD text (decomposed accents)           → read in NFC, offsets mapped back; facts equal the NFC text's
                                            → test_nfd_text_gives_the_facts_of_nfc_text
  U+2028, U+2029, NEL, form feed as breaks → read as line breaks: chrome recognised as with \\n
                                            → test_unicode_line_breaks_are_line_breaks
"""
from __future__ import annotations

import unicodedata

import pytest

from conftest import QUANTITIES, make_article
from extract.extractor import Extractor

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
