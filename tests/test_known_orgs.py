"""The lexicon of well-known organisations (``rules/known_orgs.txt``): evidence for names the model misses."""
from __future__ import annotations

import pytest

from conftest import extract_text
from extract.extractor import Extractor
from extract.known_orgs import KnownOrgs
from extract.name_lexicon import NameLexicon
from extract.rules import load_rules

LISTED = ["Sothema", "Inwi", "Banque Populaire", "Afriquia Gaz", "Afriquia", "BAD"]


@pytest.fixture(scope="module")
def known() -> KnownOrgs:
    return KnownOrgs(LISTED, NameLexicon(load_rules()).name_word)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def found(known: KnownOrgs, text: str) -> list[str]:
    return [text[start:end] for start, end in known.find(text)]


def test_listed_names_are_found_as_whole_words_and_case_sensitive(known) -> None:
    text = "Selon Sothema, l'offre d'Inwi et la BAD. Les Sothemaises, INWI et inwi ne sont pas listés."
    assert found(known, text) == ["Sothema", "Inwi", "BAD"]


def test_the_longest_listed_name_wins(known) -> None:
    assert found(known, "Afriquia Gaz a publié ses comptes.") == ["Afriquia Gaz"]


@pytest.mark.parametrize(
    "text",
    [
        "La Fondation Sothema a remis des bourses.",  # a capitalised word before: a longer name
        "Sothema Export a ouvert un bureau.",  # a capitalised word after
        "La Banque Populaire de Tétouan a financé le projet.",  # de and a capitalised word after
    ],
)
def test_a_listed_name_inside_a_longer_name_is_left_to_it(known, text: str) -> None:
    assert found(known, text) == []


def test_a_listed_name_at_a_sentence_start_or_before_an_amount_is_found(known) -> None:
    assert found(known, "Rappel. Sothema de 20 MDH.") == ["Sothema"]


def test_every_listed_name_is_unique_and_trimmed() -> None:
    names = load_rules().known_orgs
    assert len(names) == len(set(names)) > 300
    assert all(name == name.strip() and name[:1].isupper() for name in names)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Cosumar a annoncé une hausse de ses ventes de sucre au premier semestre.", "Cosumar"),
        ("Le résultat net de Managem progresse grâce au cours de l'or.", "Managem"),
        ("Marjane ouvre un nouvel hypermarché à Kénitra.", "Marjane"),
        ("Tamwilcom garantit désormais les crédits des très petites entreprises.", "Tamwilcom"),
        ("Amendis a raccordé trois mille foyers au réseau.", "Amendis"),
    ],
)
def test_a_known_organisation_the_model_misses_is_found(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert [o["name"] for o in record["organizations"]] == [name]
    assert record["people"] == []


def test_two_known_organisations_in_a_list(extractor) -> None:
    record = extract_text(extractor, "Laprophan et Maphar ont signé un accord de distribution.")
    assert sorted(o["name"] for o in record["organizations"]) == ["Laprophan", "Maphar"]


def test_a_longer_name_holding_a_known_one_keeps_its_fullest_form(extractor) -> None:
    record = extract_text(extractor, "La Banque Populaire de Fès a accordé un prêt à la coopérative.")
    assert [o["name"] for o in record["organizations"]] == ["Banque Populaire de Fès"]


def test_a_known_maker_after_a_product_noun_is_no_organisation(extractor) -> None:
    record = extract_text(extractor, "Le vaccin Sinopharm est arrivé hier à Casablanca.")
    assert record["organizations"] == []
