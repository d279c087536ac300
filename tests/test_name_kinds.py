"""What a candidate names (name_kinds.py): organisation, person, weak form or nothing."""
from __future__ import annotations

import pytest

from extract.gazetteer import Gazetteer, index_dir
from extract.name_candidates import Candidate
from extract.name_evidence import NameEvidence
from extract.name_kinds import NameClassifier, is_kicker
from extract.name_lexicon import NameLexicon
from extract.rules import load_rules


@pytest.fixture(scope="module")
def classifier() -> NameClassifier:
    rules = load_rules()
    return NameClassifier(NameLexicon(rules), Gazetteer(rules, index_dir()).contains)


def kind(classifier: NameClassifier, text: str, surface: str, label: str, source: str = "ner", title: str | None = None) -> str | None:
    start = text.index(surface)
    return classifier.kind(text, Candidate(start, start + len(surface), label, source, title))


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("La Clinique Atlas a ouvert un service de dialyse.", "Clinique Atlas", "PER", "ORG"),  # a type word
        ("Karim Alaoui a été nommé directeur général.", "Karim Alaoui", "PER", "PER"),
        ("Il a rejoint Saham Assurance Maroc l'an dernier.", "Saham Assurance Maroc", "PER", "ORG"),  # a country
        ("Le ministère a visité le CHU Ibn Rochd hier.", "CHU Ibn Rochd", "ORG", "ORG"),
        ("Le service a ouvert à Casablanca en mars.", "Casablanca", "LOC", None),  # a city is no name here
        ("Il s'est rendu à Tanger Med pour visiter le port.", "Tanger Med", "LOC", "MISC"),
        ("La production laitière progresse dans le Souss Massa depuis trente ans.", "Souss Massa", "PER", None),  # a region
        ("Hormis Benslimane, l'université a ouvert des filiales.", "Hormis Benslimane", "PER", None),  # a function word
        ("Les lots Grand Confort et Petit Budget sont vendus.", "Grand Confort", "PER", None),  # an adjective opens a phrase
        ("Le contrat a été signé par Belle Amrani mardi.", "Belle Amrani", "PER", "PER"),  # a first name, though an adjective
        ("Le cinéaste Grand Ahmed a présenté son film à Tanger.", "Grand Ahmed", "PER", "PER"),  # a first name after the adjective
        ("Selon Long Zhang, directeur de la filiale chinoise, les ventes montent.", "Long Zhang", "PER", "PER"),  # no such label opener
        ("Le coach Bon Idrissi a quitté le club de Fès.", "Bon Idrissi", "PER", "PER"),
        ("Les touristes arpentent les montagnes de l'Atlas.", "Atlas", "ORG", None),  # a region
        ("L'eau ira aux villes de Safi et d'El Jadida.", "El Jadida", "ORG", None),  # a city listed after a city
        ("Trois villes suivront : El Jadida, Settat et Nador.", "El Jadida", "ORG", None),  # a city listed before a city
        ("Une agence ouvrira a El Jadida en mai.", "El Jadida", "ORG", None),  # à typed without its accent
        ("Le groupe Berrada a Settat Holding pour filiale.", "Settat Holding", "ORG", "ORG"),  # a, the verb, before a name
        ("Dans le groupe, Atlas pèse lourd.", "Atlas", "MISC", "MISC"),
        ("Le conseil se réunira lundi matin.", "lundi", "MISC", None),  # a calendar word
        ("Le directeur du Bureau au Maroc de l'AFD a signé.", "Bureau au Maroc", "ORG", None),  # an office in a country
        # a phrase opening a sentence, its first word capitalised only there
        ("Les discussions se poursuivent.Acteur majeur du marché local, l'assureur a publié ses comptes.",
         "Acteur majeur du marché local", "ORG", None),
        ("Il a rejoint Attijariwafa bank en 2010.", "Attijariwafa bank", "ORG", "ORG"),
        ("Il a rejoint Tazrout au Maroc en 2019.", "Tazrout", "ORG", "ORG"),
        ("Le chiffre atteint 1,6 milliard $.Rappelons que Tazrout exploite des hypermarchés.", "Rappelons", "ORG", None),  # a verb
        ("Notons qu'Akdital a ouvert une clinique.", "Notons", "MISC", None),
    ],
)
def test_kind_from_the_words_of_the_candidate(classifier, text: str, surface: str, label: str, expected: str | None) -> None:
    assert kind(classifier, text, surface, label) == expected


def test_an_acronym_is_an_organisation(classifier) -> None:
    text = "Les cliniques ont signé une convention avec la CNSS."
    assert kind(classifier, text, "CNSS", "ORG", "acronym") == "ORG"


def test_a_type_word_after_a_plural_determiner_names_no_one_body(classifier) -> None:
    assert kind(classifier, "Le ministère a écrit aux CHU du Royaume.", "CHU du Royaume", "ORG", "pattern") is None
    assert kind(classifier, "Le ministère a écrit au CHU du Royaume.", "CHU du Royaume", "ORG", "pattern") == "ORG"
    assert kind(classifier, "Les Laboratoires Sothema ont annoncé des ventes en hausse.", "Laboratoires Sothema", "ORG", "pattern") == "ORG"
    # right before a name, the plural type word describes that body
    assert kind(classifier, "Après l'arrivée des laboratoires Tazrout, c'est au tour de Tarwa.", "laboratoires Tazrout", "ORG", "pattern") == "ORG"
    assert kind(classifier, "Le ministère a écrit aux laboratoires du Royaume.", "laboratoires du Royaume", "ORG", "pattern") is None


def test_a_title_makes_a_person_and_the_byline_keeps_its_label(classifier) -> None:
    assert kind(classifier, "Le Dr Alaoui a opéré le patient.", "Alaoui", "MISC", title="Dr") == "PER"
    assert kind(classifier, "Par Karim Alaoui", "Karim Alaoui", "PER", "byline") == "PER"


def test_a_headline_kicker_found_by_the_model_is_no_name(classifier) -> None:
    text = "Santé privée : Akdital ouvre une nouvelle clinique"
    assert kind(classifier, text, "Santé privée", "MISC") is None
    assert kind(classifier, "Le secteur Santé privée progresse.", "Santé privée", "MISC") == "MISC"
    assert kind(classifier, text, "Akdital", "PER") == "PER"


def test_kicker_is_at_a_line_start_before_a_colon() -> None:
    text = "Le secteur\nDialyse : le fonds rachète trois centres"
    start = text.index("Dialyse")
    assert is_kicker(text, start, start + len("Dialyse"))
    text = "La dialyse : un marché en croissance"
    start = text.index("dialyse")
    assert not is_kicker(text, start, start + len("dialyse"))


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Le ministre de l'Équipement et de l'Eau, Karim Alaoui, a visité le chantier.", "Équipement et de l'Eau", None),
        ("Karim Alaoui, ministre de l'Industrie, du Commerce et des Nouvelles Technologies, était présent.", "Nouvelles Technologies", None),
        ("La ministre déléguée chargée de la Transition numérique a signé.", "Transition numérique", None),
        ("a indiqué le ministre délégué chargé des Relations avec le Parlement, porte-parole du gouvernement.", "Parlement", None),
        # a ministry, or a name after the minister's own name, is no portfolio
        ("Le ministère de l'Industrie a publié ses chiffres.", "Industrie", "ORG"),
        ("Le ministre a reçu Karim Alaoui, patron de Nova Industrie, hier.", "Nova Industrie", "ORG"),
    ],
)
def test_a_ministers_portfolio_is_no_organisation(classifier, text: str, surface: str, expected: str | None) -> None:
    assert kind(classifier, text, surface, "ORG") == expected
    assert kind(classifier, text, surface, "ORG", "pattern") == expected  # Nouvelles Technologies: a type word at the end


@pytest.fixture(scope="module")
def evidence() -> NameEvidence:
    rules = load_rules()
    return NameEvidence(NameLexicon(rules), Gazetteer(rules, index_dir()).contains)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Regroupant plus de 9.000 éleveurs, la coopérative vise l'export.", "Regroupant", True),  # a participle
        ("Les comités de Gouvernance Stratégique et Opérationnelle ont été remaniés.", "Opérationnelle", True),
        ("Tilal a ouvert une usine à Berrechid.", "Tilal", False),
    ],
)
def test_a_lone_capitalised_adjective_or_participle_is_no_organisation(evidence, text: str, surface: str, unit: bool) -> None:
    start = text.index(surface)
    assert evidence.is_unit(text, Candidate(start, start + len(surface), "ORG", "ner"), surface) is unit


def test_a_persons_surname_read_as_a_body_is_the_persons(evidence) -> None:
    text = "Mohammed Cherkaoui Tazraqi dirige la SAPST. Tazraqi précise que le réseau est confié à Tarwa."
    def mention(surface: str, label: str, at: int = 0) -> tuple[Candidate, str]:
        start = text.index(surface, at)
        return Candidate(start, start + len(surface), label, "ner"), surface
    kinds = {"ORG": [mention("SAPST", "ORG"), mention("Tazraqi", "ORG", 30), mention("Tarwa", "ORG")],
             "PER": [mention("Mohammed Cherkaoui Tazraqi", "PER")], "MISC": []}
    evidence.revise(text, kinds)
    assert [s for _, s in kinds["ORG"]] == ["SAPST", "Tarwa"]
    assert [s for _, s in kinds["MISC"]] == ["Tazraqi"]


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("Le projet a bénéficié du contrat-programme de l'industrie agroalimentaire (IAA) à hauteur de 21 MDH.", "IAA", None),
        ("Les cliniques ont signé avec la caisse nationale de sécurité sociale (CNSS) une convention.", "CNSS", "ORG"),
        ("Le rapport de la Banque africaine de développement (BAD) est paru.", "BAD", "ORG"),
        ("Le Régime collectif d'allocation de retraite (RCAR) a souscrit à l'émission.", "RCAR", "ORG"),
        ("Le site accueillera un atelier de maintenance et réparation (MRO) des moteurs.", "MRO", None),
    ],
)
def test_the_acronym_of_lower_case_words_without_a_type_word_is_no_organisation(classifier, text: str, acronym: str, expected: str | None) -> None:
    assert kind(classifier, text, acronym, "ORG", "acronym") == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("La plateforme de e-commerce B2B a levé 12 millions de dollars.", "B2B"),
        ("Le pays intègre le top 5 de la région MENA.", "MENA"),
        ("La stratégie voulue par SM le Roi a été saluée.", "SM"),
    ],
)
def test_business_jargon_and_regions_in_capitals_are_no_organisations(classifier, text: str, surface: str) -> None:
    assert kind(classifier, text, surface, "ORG", "acronym") is None


@pytest.mark.parametrize(
    ("text", "surface", "side"),
    [
        ("L'opérateur s'inscrit dans le sillage de la stratégie Maroc Numérique 2035.", "Maroc Numérique 2035", "THING"),
        ("Le troisième opérateur, qui vend sous la marque Tafoukt Mobile, louera les sites.", "Tafoukt Mobile", "THING"),
        ("Le constructeur automobile Dravona a présenté son véhicule.", "Dravona", "ORG"),
        ("Le groupe de BTP espagnol Vortana a remporté le marché.", "Vortana", "ORG"),  # a complement after the role noun
        ("Le groupe prévoit deux nouveaux hôtels à Tazrout avant fin 2007.", "Tazrout", None),  # a preposition is none
    ],
)
def test_a_plans_or_a_products_noun_before_a_name(evidence, text: str, surface: str, side: str) -> None:
    start = text.index(surface)
    assert evidence.before(text, start) == side
    assert evidence.is_unit(text, Candidate(start, start + len(surface), "ORG", "ner"), surface) is (side == "THING")



@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Les remboursements varient selon le payeur (Mutuelle X, Laboratoires Marocains, Laboratoires Etrangers).", "Laboratoires Marocains", None),
        ("Les remboursements varient selon le payeur (Mutuelle X, Laboratoires Marocains, Laboratoires Etrangers).", "Laboratoires Etrangers", None),
        ("Le groupe gère la Clinique Amandiers à Settat.", "Clinique Amandiers", "ORG"),
    ],
)
def test_a_type_word_in_the_plural_with_plural_adjectives_is_a_kind(classifier, text: str, surface: str, expected: str | None) -> None:
    assert kind(classifier, text, surface, "ORG") == expected
