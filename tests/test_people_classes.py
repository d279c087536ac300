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


# -- a person the model reads as a place ----------------------------------------------------

def test_a_first_name_and_surname_set_off_by_commas_is_a_person_though_read_as_a_place(extractor) -> None:
    sentence = ("Plusieurs représentants ont assisté à l'inauguration, notamment le ministre marocain de l'Industrie "
                "et du Commerce, Ryad Benali, et le gouverneur de la région.")
    record = extract_text(extractor, sentence)
    assert "Ryad Benali" in people(record)


def test_a_place_after_a_stays_a_place_though_it_opens_with_a_first_name(extractor) -> None:
    record = extract_text(extractor, "Pour rappel, basé à Abou Dhabi, le groupe Atlas Holding est l'un des leaders.")
    assert people(record) == []


# -- towns GeoNames lacks, French spellings, districts over an old name ---------------------

@pytest.mark.parametrize(("sentence", "city"), [
    ("L'usine sera érigée à Melloussa, près du port.", "Melloussa"),
    ("La coopérative est située à Sebt El Guerdan depuis 2010.", "Sebt El Guerdan"),
    ("Basé à Abou Dhabi, le fonds investit au Maroc.", "Abou Dhabi"),
])
def test_a_town_geonames_lacks_or_a_french_spelling_is_a_city(extractor, sentence: str, city: str) -> None:
    assert city in cities(extract_text(extractor, sentence))


def test_a_listed_district_is_its_own_city_not_an_old_name_of_another() -> None:
    from extract.gazetteer import Gazetteer, index_dir
    from extract.rules import load_rules

    gazetteer = Gazetteer(load_rules(), index_dir())
    anfa = gazetteer.lookup("Anfa")
    assert (anfa.name, anfa.geonameid) == ("Anfa", 0)
    assert gazetteer.lookup("Abou Dhabi").name == "Abu Dhabi"


# -- the author's signature under the body ----------------------------------------------------

def test_a_name_alone_on_the_last_line_is_the_author(extractor) -> None:
    from extract.chrome import analyse

    text = ("Assurances : les primes progressent\n\nLes primes émises par les assureurs ont augmenté de 8,7% entre 2017 "
            "et 2018, selon le dernier rapport publié par l'autorité de contrôle du secteur au Maroc.\n\nKarim Bennani")
    layout = analyse(text)
    assert [text[s:e] for s, e in layout.byline_people] == ["Karim Bennani"]
    assert "Karim Bennani" in people(extract_text(extractor, text))


def test_a_short_closing_line_that_is_no_name_is_no_author() -> None:
    from extract.chrome import analyse

    text = ("Assurances : les primes progressent\n\nLes primes émises par les assureurs ont augmenté de 8,7% entre 2017 "
            "et 2018, selon le dernier rapport publié par l'autorité de contrôle du secteur au Maroc.\n\nLire Aussi")
    assert analyse(text).byline_people == []


# -- a first name with a series number, or with the town a site is in -------------------------

def test_a_first_name_and_a_series_number_is_a_site_unless_a_monarch(extractor) -> None:
    record = extract_text(extractor, "La BEI finance la deuxième phase (Noor II et Noor III) de la centrale solaire de Ouarzazate.")
    assert people(record) == [] and "Noor II" not in [o["name"] for o in record["organizations"]]
    record = extract_text(extractor, "Le roi Mohammed VI a inauguré l'usine de Kénitra en présence de Hassan II.")
    assert people(record) == ["Mohammed VI", "Hassan II"]


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Le Roi Mohammed VI a lancé les travaux du port de Dakhla.", "Mohammed VI"),
        ("Sa Majesté le Roi Mohammed VI a présidé le conseil des ministres.", "Mohammed VI"),
        ("SAR la Princesse Lalla Meryem a visité le centre de Salé.", "Lalla Meryem"),
    ],
)
def test_a_royal_title_is_no_part_of_the_name(extractor, sentence: str, person: str) -> None:
    record = extract_text(extractor, sentence)
    assert people(record) == [person]
    assert not any("Roi" in o["name"] or "Altesse" in o["name"] for o in record["organizations"])


def test_a_one_word_regnal_name_stays_a_person(extractor) -> None:
    record = extract_text(extractor, "Le Roi Salmane est arrivé à Tanger.")
    assert any("Salmane" in name for name in people(record))  # the title kept rather than the person lost


def test_a_company_opening_with_a_title_like_word_keeps_its_name(extractor) -> None:
    assert people(extract_text(extractor, "La banque Sa Nostra a ouvert une agence à Palma.")) == []


def test_a_name_ending_in_a_town_the_article_names_is_a_site(extractor) -> None:
    record = extract_text(extractor, "La banque financera les projets du complexe Noor Ouarzazate, près de la ville de Ouarzazate.")
    assert people(record) == []
    record = extract_text(extractor, "Le concert privé de la star américaine Jennifer Lopez a eu lieu à Rabat.")
    assert people(record) == ["Jennifer Lopez"]


# -- a city inside an organisation's name -----------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cotée à la Bourse de Casablanca et à Euronext Paris, la société est contrôlée par un fonds.", ["Casablanca", "Paris"]),
    ("Le groupe installera à Tanger-Med son premier site de production.", ["Tanger"]),
    ("Le Conseil régional de Casablanca-Settat a validé le plan.", []),  # a region, hyphenated
    ("Il est diplômé de l'École Mohammadia d'Ingénieurs.", []),  # another spelling of a mid-sized town: an adjective
])
def test_a_known_city_inside_an_organisation_name_is_a_mention(extractor, sentence: str, expected: list[str]) -> None:
    assert cities(extract_text(extractor, sentence)) == expected


# -- an official's title read as a place --------------------------------------------------------

def test_a_governor_title_is_no_city(extractor) -> None:
    record = extract_text(extractor, "Le ministre, Karim Alaoui, et le Wali (gouverneur) de la région ont visité l'usine de Rabat.")
    assert cities(record) == ["Rabat"]


def test_a_rural_commune_is_a_town(extractor) -> None:
    record = extract_text(extractor, "Le projet sera érigé dans la commune rurale d'Oualidia, à 80 km au sud.")
    assert cities(record) == ["Oualidia"]


# -- first names coordinated before a shared surname -----------------------------------------------

def test_a_first_name_coordinated_before_a_full_name_shares_its_surname(extractor) -> None:
    from conftest import assert_offsets

    text = "Fondée en 2019 par le couple Karim et Sophia Bennis, la startup livre les épiceries."
    record = extract_text(extractor, text)
    assert {"Karim Bennis", "Sophia Bennis"} <= set(people(record))
    assert named(record["people"], "Karim Bennis")["aliases"] == ["Karim"]
    assert_offsets(record, text)


def test_shared_surnames_needs_a_lone_first_name() -> None:
    from extract.facts import NamedFact
    from extract.people import shared_surnames

    first_names = {"karim", "sophia", "ahmed"}
    for text, expected in [
        ("le couple Karim et Sophia Bennis", ["Sophia Bennis", "Karim Bennis"]),
        ("le contrat lie Ahmed Karim et Sophia Bennis", ["Sophia Bennis"]),  # Karim is Ahmed's surname
        ("entre Rabat et Sophia Bennis", ["Sophia Bennis"]),  # no first name
    ]:
        start = text.index("Sophia")
        facts = [NamedFact(["Sophia Bennis"], [(start, start + 13)], {"title": None})]
        shared_surnames(text, facts, first_names)
        assert [f.forms[0] for f in facts] == expected


# -- a name opening with the Arabic article, no one's surname -----------------------------------------

def test_a_name_opening_with_al_that_ends_no_full_name_is_no_person(extractor) -> None:
    record = extract_text(extractor, "Détenu à 50% par les Saoudiens d'Al Jedaie, le centre commercial ouvrira en 2026.")
    assert people(record) == []
    record = extract_text(extractor, "Mohamed El Fassi a pris la parole. El Fassi a rappelé les chiffres.")
    assert people(record) == ["Mohamed El Fassi"]
    assert named(record["people"], "Mohamed El Fassi")["aliases"] == ["El Fassi"]


def test_a_populous_city_before_one_common_word_is_a_mention(extractor) -> None:
    assert cities(extract_text(extractor, "Le nouveau port est situé à 180 km de Tanger Med, sur la côte.")) == ["Tanger"]
