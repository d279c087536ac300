"""Acronyms as pure functions: initials, names spelled out before ``(ACRONYM)``, acronyms on capital lines."""
from __future__ import annotations

import pytest

from extract.acronyms import expansions, initials, is_acronym, on_capitals_line
from extract.rules import load_rules


@pytest.fixture(scope="module")
def stopwords() -> frozenset[str]:
    return load_rules().stopwords


def spelled_out(text: str, stopwords: frozenset[str]) -> list[str]:
    return [text[start:end] for start, end in expansions(text, load_rules().not_orgs, stopwords)]


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Agence nationale de l'assurance maladie", "ANAM"),
        ("Caisse nationale de sécurité sociale", "CNSS"),
        ("Organisation mondiale de la santé", "OMS"),
        ("Caisse de dépôt et de gestion", "CDG"),
    ],
)
def test_initials_skip_function_words_and_elided_articles(stopwords, name: str, acronym: str) -> None:
    assert initials(name, stopwords) == acronym


def test_name_spelled_out_before_its_acronym_is_found_by_initials(stopwords) -> None:
    text = "Selon l'Agence nationale de l'assurance maladie (ANAM), le taux de couverture a progressé."
    assert spelled_out(text, stopwords) == ["Agence nationale de l'assurance maladie"]


def test_two_acronyms_in_one_sentence_each_find_their_name(stopwords) -> None:
    text = "La Banque centrale populaire (BCP) et la Caisse de dépôt et de gestion (CDG) ont signé l'accord."
    assert spelled_out(text, stopwords) == ["Banque centrale populaire", "Caisse de dépôt et de gestion"]


def test_a_place_after_the_name_is_skipped_to_match_the_initials(stopwords) -> None:
    text = "Le Centre régional d'investissement de Souss-Massa (CRI) a validé douze projets."
    assert spelled_out(text, stopwords) == ["Centre régional d'investissement de Souss-Massa"]


def test_parentheses_whose_letters_match_no_preceding_words_yield_nothing(stopwords) -> None:
    assert spelled_out("La hausse des tarifs a été décidée hier (ONEE), sans concertation.", stopwords) == []


def test_an_acronym_in_running_text_is_one() -> None:
    text = "La CNSS rembourse désormais les actes de la clinique."
    assert is_acronym(text, "CNSS", text.index("CNSS"))


def test_a_roman_numeral_is_no_acronym() -> None:
    text = "Le fonds Atlas Capital II a été clôturé en mars."
    assert not is_acronym(text, "II", text.index("II"))


def test_a_word_of_a_headline_in_capitals_is_no_acronym() -> None:
    text = "LE MATIN DU SAHARA ET DU MAGHREB\nLa CNSS a versé les indemnités."
    assert on_capitals_line(text, text.index("MATIN"))
    assert not is_acronym(text, "MATIN", text.index("MATIN"))
    assert is_acronym(text, "CNSS", text.index("CNSS"))


def test_a_long_line_is_prose_even_in_capitals() -> None:
    text = "LA CNSS " + "ET " * 200
    assert not on_capitals_line(text, text.index("CNSS"))


def test_an_accented_initial_spells_its_plain_letter(stopwords) -> None:
    text = "Le projet sera suivi par l'Observatoire des études et recherches sur l'énergie (OERE) dès 2026."
    assert [text[s:e] for s, e in expansions(text, frozenset(), stopwords)] == [
        "Observatoire des études et recherches sur l'énergie"
    ]
    assert initials("Études et recherches", stopwords) == "ER"
