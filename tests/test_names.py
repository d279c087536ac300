"""Organisations and people through the whole pipeline, on sentences written for the tests (ANNOTATION.md §2, §2b)."""
from __future__ import annotations

import pytest

from conftest import extract_text, named
from extract.chrome import analyse
from extract.extractor import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def org_names(record: dict) -> list[str]:
    return [o["name"] for o in record["organizations"]]


# -- people ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Le Dr Youness Ahallal a opéré le patient depuis Shanghai.", "Youness Ahallal", "Dr"),
        ("Le Dr. Hamza Neil a assisté à l'opération.", "Hamza Neil", "Dr"),
        ("Le docteur Samir Bennani a participé à l'opération.", "Samir Bennani", "Dr"),
        ("Le Pr Karim Alaoui a présenté les résultats de l'étude.", "Karim Alaoui", "Pr"),
        ("Le professeur Nadia Tazi dirige le service de cardiologie.", "Nadia Tazi", "Pr"),
        ("M. Omar Benjelloun a été nommé à la tête du conseil.", "Omar Benjelloun", "M."),
        ("Mme Leila Berrada a présidé la séance inaugurale.", "Leila Berrada", "Mme"),
    ],
)
def test_honorific_is_removed_from_the_name_and_reported_as_title(extractor, sentence: str, name: str, title: str) -> None:
    record = extract_text(extractor, sentence)
    (person,) = record["people"]
    assert person["name"] == name
    assert person["title"] == title
    assert record["organizations"] == []


def test_person_without_honorific_has_no_title(extractor) -> None:
    record = extract_text(extractor, "Selon Youssef Chraibi, président de la fédération, le secteur recrute.")
    person = named(record["people"], "Youssef Chraibi")
    assert person is not None and person["title"] is None


def test_surname_alone_later_is_an_alias_of_the_same_person(extractor) -> None:
    text = (
        "Le Dr Youness Ahallal, chirurgien urologue, a opéré le patient. "
        "Selon Ahallal, l'intervention s'est déroulée sans incident."
    )
    record = extract_text(extractor, text)
    (person,) = record["people"]
    assert person["name"] == "Youness Ahallal"
    assert person["aliases"] == ["Ahallal"]
    assert person["title"] == "Dr"
    assert person["role"] == "chirurgien urologue"
    assert [text[s:e] for s, e in person["mentions"]] == ["Youness Ahallal", "Ahallal"]


def test_two_people_with_titles_stay_apart(extractor) -> None:
    text = (
        "Le Dr. Hamza Neil et le docteur Samir Bennani ont participé à l'opération. "
        "Bennani a salué la qualité de l'équipe."
    )
    record = extract_text(extractor, text)
    neil, bennani = named(record["people"], "Hamza Neil"), named(record["people"], "Samir Bennani")
    assert neil is not None and bennani is not None and neil is not bennani
    assert "Bennani" in bennani["aliases"] and "Bennani" not in neil["aliases"]
    assert len(record["people"]) == 2


# -- organisations ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le Groupe Akdital a ouvert une nouvelle clinique cette année.", "Groupe Akdital"),
        ("Oncorad Group a signé un partenariat avec un hôpital chinois.", "Oncorad Group"),
        ("Le patient a été transféré à la Clinique Al Madina de Casablanca.", "Clinique Al Madina de Casablanca"),
        ("Le fonds Kasbah Capital Partners a pris une participation dans le groupe.", "Kasbah Capital Partners"),
        ("La Fondation Lalla Salma soutient le dépistage du cancer.", "Fondation Lalla Salma"),
        ("Le ministère de la Santé et de la Protection sociale a lancé un appel d'offres.",
         "ministère de la Santé et de la Protection sociale"),
        ("La Banque mondiale a salué les réformes du système de santé.", "Banque mondiale"),
    ],
)
def test_organisation_type_words_make_an_organisation(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert org_names(record) == [name]
    assert record["people"] == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("La MAMDA-MCMA a adopté une nouvelle gouvernance.", ["MAMDA-MCMA"]),  # a merged body the model calls a place
        ("Sans surprise, le groupement SOMAGEC-SGTM a remporté le contrat.", ["SOMAGEC-SGTM"]),  # a consortium
        ("Ce protocole est la quatrième ligne de crédit GCAM-AFD en cours.", ["GCAM", "AFD"]),  # a pair of bodies
        ("Le groupement TAZRA-SGTB a remporté le contrat du port.", ["TAZRA-SGTB"]),
    ],
)
def test_acronyms_joined_by_a_hyphen_name_one_body_unless_a_common_noun_pairs_them(extractor, sentence: str,
                                                                                   names: list[str]) -> None:
    assert sorted(org_names(extract_text(extractor, sentence))) == sorted(names)


def test_verb_after_a_name_is_not_part_of_it(extractor) -> None:
    record = extract_text(extractor, "La Fondation Lalla Salma finance le dépistage du cancer.")
    assert org_names(record) == ["Fondation Lalla Salma"]


def test_short_form_used_alone_is_an_alias(extractor) -> None:
    record = extract_text(
        extractor, "Oncorad Group a réalisé une première mondiale. Oncorad prévoit d'autres interventions."
    )
    (org,) = record["organizations"]
    assert org["name"] == "Oncorad Group"
    assert org["aliases"] == ["Oncorad"]


def test_short_form_after_groupe_is_an_alias(extractor) -> None:
    text = "Le groupe Akdital a ouvert une clinique à Tanger. Selon Akdital, le projet a coûté 200 millions de dirhams."
    record = extract_text(extractor, text)
    (org,) = record["organizations"]
    assert "Akdital" in [org["name"], *org["aliases"]]
    assert len(org["mentions"]) == 2


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("La Caisse nationale de sécurité sociale (CNSS) a relevé ses tarifs. La CNSS rembourse désormais les soins.",
         "Caisse nationale de sécurité sociale", "CNSS"),
        ("L'AMMC (Autorité marocaine du marché des capitaux) a visé le prospectus de l'introduction en Bourse.",
         "Autorité marocaine du marché des capitaux", "AMMC"),
        ("Le Fonds monétaire international (FMI) a relevé ses prévisions de croissance.",
         "Fonds monétaire international", "FMI"),
    ],
)
def test_acronym_and_name_in_parentheses_are_one_organisation(extractor, text: str, name: str, alias: str) -> None:
    record = extract_text(extractor, text)
    (org,) = record["organizations"]
    assert org["name"] == name
    assert org["aliases"] == [alias]
    mentioned = [text[s:e] for s, e in org["mentions"]]
    assert set(mentioned) == {name, alias}
    assert len(mentioned) == text.count(alias) + 1


def test_acronym_expansion_with_city_names_the_organisation_and_the_city(extractor) -> None:
    text = ("Le Centre international d'oncologie de Casablanca (CIOC) a accueilli 500 patients. "
            "Le CIOC est le plus grand centre du pays.")
    record = extract_text(extractor, text)
    (org,) = record["organizations"]
    assert org["name"] == "Centre international d'oncologie de Casablanca"
    assert "CIOC" in org["aliases"]
    assert [c["name"] for c in record["cities"]] == ["Casablanca"]


def test_subsidiary_with_its_own_name_is_a_separate_organisation(extractor) -> None:
    text = ("Akdital Holding a cédé sa filiale Akdital Immobilier à un fonds. "
            "Akdital Immobilier détient douze terrains.")
    record = extract_text(extractor, text)
    assert sorted(org_names(record)) == ["Akdital Holding", "Akdital Immobilier"]


def test_subsidiary_named_sante_is_a_separate_organisation(extractor) -> None:
    text = "CIM Holding a cédé sa filiale CIM Santé à un fonds étranger. CIM Santé exploite trois cliniques."
    record = extract_text(extractor, text)
    assert sorted(org_names(record)) == ["CIM Holding", "CIM Santé"]
    assert record["cities"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Le Plan Maroc Vert (PMV) a transformé l'agriculture du pays.",
        "L'AMO couvre désormais toute la population.",
        "Le PLF prévoit une hausse du budget de la santé.",
        "Les cliniques ont augmenté leurs tarifs. Le groupe a réagi rapidement.",
        "La clinique a recruté des médecins et le groupe a ouvert un centre.",
        "Les CHU manquent de personnel.",
    ],
)
def test_plans_laws_and_generic_references_are_not_organisations(extractor, text: str) -> None:
    assert extract_text(extractor, text)["organizations"] == []


PAGE = """Société

Akdital ouvre une clinique à Tanger

Par Salma Idrissi | L'Economiste

Le groupe Akdital a inauguré mardi une nouvelle clinique à Tanger, d'une capacité de 120 lits, pour un investissement de 200 millions de dirhams. Selon le Dr Youness Ahallal, directeur médical, l'établissement emploiera près de 300 personnes dès son ouverture.

À lire aussi
Saham Assurance rachète une clinique à Agadir
La Fondation Lalla Salma lance une campagne de dépistage...

Suivez Akdital et Le Matin sur Facebook
"""


def test_names_only_in_chrome_are_not_extracted_and_chrome_mentions_are_not_kept(extractor) -> None:
    record = extract_text(extractor, PAGE)
    names = " ".join(org_names(record) + [p["name"] for p in record["people"]])
    for chrome_only in ("Saham", "Lalla Salma", "Le Matin"):
        assert chrome_only not in names
    akdital = named(record["organizations"], "groupe Akdital") or named(record["organizations"], "Akdital")
    assert akdital is not None
    layout = analyse(PAGE)
    for kind in ("organizations", "people"):
        for fact in record[kind]:
            assert not any(layout.in_chrome(s, e) for s, e in fact["mentions"]), fact


def test_byline_author_is_a_person_and_outlet_an_organisation(extractor) -> None:
    record = extract_text(extractor, PAGE)
    author = named(record["people"], "Salma Idrissi")
    assert author is not None and author["title"] is None
    assert named(record["organizations"], "L'Economiste") is not None
    doctor = named(record["people"], "Youness Ahallal")
    assert doctor is not None and doctor["title"] == "Dr"


def test_english_and_french_type_words_name_one_organisation(extractor) -> None:
    text = "Atlas Medical Group a racheté une clinique à Agadir. Le groupe Atlas Medical vise dix sites."
    record = extract_text(extractor, text)
    (org,) = record["organizations"]
    assert org["name"] == "Atlas Medical Group"
    assert len(org["mentions"]) == 2


def test_centre_hospitalier_universitaire_is_its_acronym_chu(extractor) -> None:
    text = ("Le Centre hospitalier universitaire Ibn Zohr de Tétouan recrute. "
            "Le CHU Ibn Zohr compte 900 lits.")
    record = extract_text(extractor, text)
    (org,) = record["organizations"]
    assert "CHU Ibn Zohr" in [org["name"], *org["aliases"]]


# -- company names with no type word, places and titles the model reads as people (issue 8) --------

@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("L'équipementier japonais Sumikawa ouvrira une troisième usine à Kénitra l'an prochain.", "Sumikawa"),
        ("Le constructeur automobile Sino-marocain Dravona a présenté son premier véhicule électrique.", "Dravona"),
        ("Le marché est tenu par des fournisseurs comme Tekzen, qui livrent les usines de la région.", "Tekzen"),
        ("Lavexa, filiale du groupe hollandais Vermeer, a ouvert un entrepôt à Tanger.", "Lavexa"),
        ("Après deux années difficiles, Tazrit a levé 40 millions de dirhams auprès de ses actionnaires.", "Tazrit"),
        ("Il y a moins d'un an, Sadirat faisait son entrée en bourse, avec un prix de 300 dirhams.", "Sadirat"),
        ("« Tamzrit exploite un portefeuille diversifié », a déclaré son directeur général.", "Tamzrit"),
        ("Fin 2005, Es Zitoun, l'hôtel emblématique de Fès, élargira son offre avec une nouvelle aile.", "Es Zitoun"),
    ],
)
def test_company_name_without_type_word_is_an_organisation(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert named(record["organizations"], name) is not None, record["organizations"]
    assert named(record["people"], name) is None


def test_names_listed_with_an_organisation_are_organisations(extractor) -> None:
    text = "Le trio de tête du secteur est formé par Atlas Pharma, Medivor et Zentis, selon l'association professionnelle."
    record = extract_text(extractor, text)
    for name in ("Atlas Pharma", "Medivor", "Zentis"):
        assert named(record["organizations"], name) is not None, (name, record["organizations"])
    assert record["people"] == []


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Un accord a été signé entre le président de Kortena Industries, Evrard Lomasse, et la banque.", "Evrard Lomasse"),
        ("Dans une déclaration à la MAP, Moulay Hicham Afrane, directeur du CHU, a présenté le service.", "Moulay Hicham Afrane"),
        ("Le secteur est porteur, a affirmé le Directeur exécutif du Tarvel Fintech Center (TFC), Mustapa Lahrimi.", "Mustapa Lahrimi"),
    ],
)
def test_a_name_set_off_by_commas_next_to_a_function_is_a_person(extractor, sentence: str, person: str) -> None:
    record = extract_text(extractor, sentence)
    assert named(record["people"], person) is not None, record["people"]
    assert named(record["organizations"], person) is None, record["organizations"]


def test_a_cooperative_with_its_name_is_an_organisation(extractor) -> None:
    record = extract_text(extractor, "Le prix est allé à la coopérative Tighanine, devant la coopérative Atrama. Les coopératives féminines applaudissent.")
    for name in ("Tighanine", "Atrama"):
        assert named(record["organizations"], name) is not None, (name, record["organizations"])
    assert len(record["organizations"]) == 2, record["organizations"]


def test_a_person_after_a_role_noun_stays_a_person(extractor) -> None:
    text = "L'actionnaire Karim Bennis a cédé sa participation au fonds d'investissement."
    record = extract_text(extractor, text)
    assert named(record["people"], "Karim Bennis") is not None
    assert named(record["organizations"], "Karim Bennis") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Le projet s'inscrit dans la stratégie énergétique voulue par SM le Roi pour le pays.",
        "Les deux directions sont désormais rattachées au Président Directeur Général du groupe.",
        "Le site se trouve dans la région de Sebt Oulad Zemmour, à une heure de la capitale.",
        "Le parc éolien Koudiat Lahmar sera modernisé par le consortium d'ici deux ans.",
        "La mine de Bouazza Lahmar, à 15 km de Marrakech, est parmi les plus rentables du groupe.",
    ],
)
def test_titles_places_and_sites_are_no_people(extractor, sentence: str) -> None:
    record = extract_text(extractor, sentence)
    assert record["people"] == [], record["people"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le Directoire de la Banque Atlantique du Nord a approuvé les comptes de l'exercice.", "Banque Atlantique du Nord"),
        ("Selon la direction de Wafira Telecom, le réseau couvrira tout le pays en 2026.", "Wafira Telecom"),
    ],
)
def test_a_body_inside_an_organisation_is_no_organisation_of_its_own(extractor, sentence: str, name: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == [name]


def test_a_board_named_alone_is_no_organisation(extractor) -> None:
    record = extract_text(extractor, "Le Conseil de Surveillance a validé la nomination du nouveau président.")
    assert record["organizations"] == []


def test_a_power_unit_is_no_organisation(extractor) -> None:
    record = extract_text(extractor, "La centrale solaire aura une capacité de 350 MW dès sa mise en service.")
    assert record["organizations"] == []
    assert [(c["value"], c["unit"]) for c in record["counts"]] == [(350, "MW")]


def test_a_name_goes_on_past_a_hyphen(extractor) -> None:
    record = extract_text(extractor, "L'Hôpital Privé de Sidi-Slimane a été racheté par un groupe de cliniques.")
    assert org_names(record) == ["Hôpital Privé de Sidi-Slimane"]


def test_people_after_en_compagnie_de_are_people(extractor) -> None:
    text = "Le président a présenté les résultats en compagnie de Karim Tazi et Youssef Alami, directeurs du groupe."
    record = extract_text(extractor, text)
    assert record["organizations"] == []
    assert sorted(p["name"] for p in record["people"]) == ["Karim Tazi", "Youssef Alami"]


def test_le_groupe_x_joins_x_holding(extractor) -> None:
    text = "Tazmit Holding a racheté une clinique à Fès. Le groupe Tazmit compte désormais neuf établissements."
    (org,) = extract_text(extractor, text)["organizations"]
    assert org["name"] == "Tazmit Holding" and "groupe Tazmit" in org["aliases"]


def test_acronym_in_parentheses_after_a_quoted_name_is_its_alias(extractor) -> None:
    text = "L'État a créé la «Moroccan Agency for Water Desalination» (MAWD) pour piloter les stations."
    (org,) = extract_text(extractor, text)["organizations"]
    assert "MAWD" in [org["name"], *org["aliases"]]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("« Les marges se redressent », a expliqué le directeur financier au micro de Radio Atlas24.", "Radio Atlas24"),
        ("Ces chiffres ont été recueillis par Tanja7 auprès de l'agence régionale.", "Tanja7"),
    ],
)
def test_outlet_cited_in_the_body_is_an_organisation(extractor, sentence: str, outlet: str) -> None:
    assert named(extract_text(extractor, sentence)["organizations"], outlet) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Le groupe a versé 50 millions de dirhams au fonds dédié aux victimes du séisme d'Al Haouz.",
        "Les juges ont reproché à la Dame de Rabat une trop forte dispersion de ses participations.",
        "Les centrales seront situées à Ouarzazate, Sidi Bou Othmane, Tiznit et Boujdour.",
    ],
)
def test_places_read_as_people_are_no_people(extractor, sentence: str) -> None:
    assert extract_text(extractor, sentence)["people"] == []


def test_a_fund_series_is_an_organisation_and_its_acronym_an_alias(extractor) -> None:
    text = ("Le fonds Atlas Growth Partners III a bouclé sa levée. "
            "AGP III investira dans une dizaine de PME marocaines.")
    record = extract_text(extractor, text)
    assert record["people"] == []
    fund = named(record["organizations"], "AGP III")
    assert fund is not None and "Atlas Growth Partners III" in [fund["name"], *fund["aliases"]]


def test_a_subsidiary_in_parentheses_after_a_name_is_a_company(extractor) -> None:
    text = "Il arrive de la société de crédit Wafira (filiale du groupe Horizon) où il dirigeait les risques."
    assert named(extract_text(extractor, text)["organizations"], "Wafira") is not None


def test_a_body_named_by_its_purpose_keeps_it_up_to_the_comma(extractor) -> None:
    text = ("Le capital est détenu par l'État, le Fonds Mohammed VI pour l'investissement agricole et rural, "
            "et deux banques.")
    assert named(extract_text(extractor, text)["organizations"],
                 "Fonds Mohammed VI pour l'investissement agricole et rural") is not None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("En 2012, elle a rejoint l'Agence pour la protection et la mise en valeur des forêts et parcours de "
         "l'arrière-pays. Elle y travaille toujours.",
         "Agence pour la protection et la mise en valeur des forêts et parcours de l'arrière-pays"),
        ("Il a ensuite présidé l'Office pour la formation et la promotion sociale des artisans et commerçants de la région. "
         "Son mandat s'achève.", "Office pour la formation et la promotion sociale des artisans et commerçants de la région"),
    ],
)
def test_a_purpose_the_model_cuts_short_goes_on_to_the_full_stop(extractor, sentence: str, name: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == [name]


def test_a_purpose_followed_by_a_verb_is_left_out(extractor) -> None:
    text = "Le Fonds Mohammed VI pour l'investissement prendra une part minoritaire dans le projet."
    assert org_names(extract_text(extractor, text)) == ["Fonds Mohammed VI"]


@pytest.mark.parametrize(
    "sentence",
    [
        "MAROC. Le groupe a publié ses résultats annuels lundi.",
        "Les entreprises installées dans la Kenitra Industrial Zone bénéficient d'avantages fiscaux.",
        "La réforme accompagne la généralisation de l'Assurance Maladie Obligatoire (AMO) dans le pays.",
    ],
)
def test_countries_sites_and_spelled_out_schemes_are_no_organisations(extractor, sentence: str) -> None:
    assert extract_text(extractor, sentence)["organizations"] == []


def test_a_port_after_its_role_noun_and_a_name_after_baptise(extractor) -> None:
    text = ("Le complexe portuaire Nador West Med entrera en service l'an prochain. "
            "Le village de vacances, baptisé « Oasis Palm », compte 300 chambres.")
    record = extract_text(extractor, text)
    assert named(record["organizations"], "Nador West Med") is not None
    assert named(record["organizations"], "Oasis Palm") is not None


def test_a_site_shown_once_to_be_a_place_is_no_person_anywhere(extractor) -> None:
    text = ("Les travaux de modernisation du parc éolien Karim Tazi Lahmar débuteront en mai. "
            "Karim Tazi Lahmar est situé au nord du pays.")
    assert extract_text(extractor, text)["people"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Plan national de lutte contre les hépatites (PNLH) a été présenté hier à Rabat.",
        "Le Salon international de l'aviation de Marrakech (SIAMK) ouvrira ses portes en octobre.",
    ],
)
def test_the_acronym_of_a_plan_or_an_event_is_no_organisation(extractor, sentence: str) -> None:
    assert extract_text(extractor, sentence)["organizations"] == []


def test_the_acronym_of_a_pension_fund_stays_an_organisation(extractor) -> None:
    text = "Le Régime collectif d'allocation de retraite (RCAR) a souscrit à l'émission obligataire."
    assert named(extract_text(extractor, text)["organizations"], "RCAR") is not None


def test_units_inside_a_company_are_no_organisations(extractor) -> None:
    text = ("La fonction « Contrôle Groupe » est rattachée au directeur général. "
            "Les comités de Gouvernance Stratégique et Opérationnelle ont été remaniés.")
    assert extract_text(extractor, text)["organizations"] == []


@pytest.mark.parametrize(("text", "orgs", "people"), [
    # a fund's series number: no person's name ends in one without a first name opening it
    ("Le fonds a cédé ses parts à Capmezzanine II, géré par CDG Invest Growth.", {"Capmezzanine II", "CDG Invest Growth"}, set()),
    # participles no person takes
    ("Uni Fiber et Uni Tower, officiellement créées le 26 juin, appartiennent à deux opérateurs.", {"Uni Fiber", "Uni Tower"}, set()),
    # an entity running from an acronym into a person's name
    ("Le directeur du bureau de l'AFD Karim Alami a signé la convention.", {"AFD"}, {"Karim Alami"}),
    # the purpose of a deal is no part of the body's name; a body's own purpose is
    ("Le groupe Akdital a obtenu l’aval du Conseil de la Concurrence pour l’acquisition de deux établissements médicaux à Laâyoune.",
     {"Akdital", "Conseil de la Concurrence"}, set()),
    ("La Fondation Mohammed V pour la Solidarité y a contribué.", {"Fondation Mohammed V pour la Solidarité"}, set()),
])
def test_context_tells_organisations_from_people(extractor, text: str, orgs: set[str], people: set[str]) -> None:
    record = extract_text(extractor, text)
    assert set(org_names(record)) == orgs
    assert {p["name"] for p in record["people"]} == people


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a nationality noun in lower case names a company (a person would be l'Américain X)
        ("Les unités seront livrées par la co-entreprise entre le groupe et l'américain Dalvin Engineering.", "Dalvin Engineering"),
        ("La société s'est associée au chinois Wenlu pour augmenter sa production d'or.", "Wenlu"),
        # a role noun with its complement before the name
        ("Un consortium mené par le groupe de BTP espagnol Vortana a remporté l'appel d'offres.", "Vortana"),
        # a sub-subsidiary, a compatriot
        ("Le projet est porté par la sous-filiale Tazcrim, partenaire du constructeur.", "Tazcrim"),
        ("Le groupe est deuxième derrière son compatriote Tazmar.", "Tazmar"),
        # a listed company's shares
        ("La séance a été marquée par la hausse des actions Zenvia à la Bourse de Casablanca.", "Zenvia"),
    ],
)
def test_a_demonym_or_a_role_noun_with_its_complement_makes_a_company(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert named(record["organizations"], name) is not None, record["organizations"]
    assert named(record["people"], name) is None


def test_a_source_cited_after_selon_is_an_outlet_unless_it_is_a_persons_surname(extractor) -> None:
    record = extract_text(extractor, "Selon Tarfaya24, qui a révélé l'opération, le prix avoisine 300 millions de dirhams.")
    assert named(record["organizations"], "Tarfaya24") is not None, record["organizations"]
    record = extract_text(extractor, "Le patron, Mostafa Terrab, l'a confirmé. Selon Terrab, la production sera exportée.")
    assert record["organizations"] == [] and [p["name"] for p in record["people"]] == ["Mostafa Terrab"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("L'investissement dans ce centre est un tournant majeur pour Briqueteries du Maroc qui sera présente sur tout le territoire.", "Briqueteries du Maroc"),
        ("Le secteur a vu l'entrée d'un opérateur marocain, Verreries de l'Atlas.", "Verreries de l'Atlas"),
        ("Tanneries de Fès a annoncé un chiffre d'affaires en hausse.", "Tanneries de Fès"),
        # the model ends the name before its country
        ("Le chantier est mené par la Caisse de dépôt et Tuileries du Maroc. Les détails suivent.", "Tuileries du Maroc"),
        ("La concession a été confiée à Sucreries du Maroc pour vingt ans.", "Sucreries du Maroc"),
    ],
)
def test_a_trade_in_the_plural_with_its_country_or_region_is_a_company(extractor, sentence: str, name: str) -> None:
    assert named(extract_text(extractor, sentence)["organizations"], name) is not None


def test_a_name_that_opens_its_doors_is_a_facility_even_after_a_first_name(extractor) -> None:
    text = "Le complexe compte 120 chambres. Riad Zitouna Tazi, qui a ouvert ses portes il y a six mois, est sis sur 8 ha."
    record = extract_text(extractor, text)
    assert named(record["organizations"], "Riad Zitouna Tazi") is not None, record["organizations"]
    assert record["people"] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Selon un rapport publié par l'Autorité nationale en charge du Contrôle des Marchés et de la Concurrence Loyale, les prix ont baissé.",
         "Autorité nationale en charge du Contrôle des Marchés et de la Concurrence Loyale"),
        ("Le directeur général de la Société élevage des Ouled Frej a signé la convention hier.", "Société élevage des Ouled Frej"),
        ("L'acquisition par le groupe Tarik invest de 100% du capital a été autorisée.", "Tarik invest"),
    ],
)
def test_a_name_goes_on_past_en_charge_de_des_and_a_lower_case_foreign_type_word(extractor, sentence: str, name: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le texte prévoit l'augmentation du budget du ministère de la Santé alloué aux médicaments anticancéreux.", "ministère de la Santé"),
        ("Le projet est soutenu par la Banque mondiale dédiée au financement des pays en développement.", "Banque mondiale"),
        ("Le Centre hospitalier spécialisé de Tanger a ouvert ses urgences.", "Centre hospitalier spécialisé de Tanger"),
    ],
)
def test_a_participle_opening_a_phrase_after_the_name_is_left_out(extractor, sentence: str, name: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == [name]


@pytest.mark.parametrize(
    ("text", "orgs", "people"),
    [
        # a place listed after a city is no person
        ("L'eau viendra des deux stations de Safi et Kheng Lasfour, réalisées par le groupe.", set(), set()),
        # an apposition that only a company takes
        ("L'investissement dans Tafrawt Pay, la fintech maroco-canadienne, est perdu.", {"Tafrawt Pay"}, set()),
        # an outlet after 'le site d'information'
        ("La ligne sera ouverte en mai, rapporte le site d'information Tarwa.", {"Tarwa"}, set()),
        # a name running over two connectors
        ("L'Institut Supérieur Libéral des Sciences de Santé ouvrira en octobre.", {"Institut Supérieur Libéral des Sciences de Santé"}, set()),
    ],
)
def test_context_tells_places_companies_and_outlets(extractor, text: str, orgs: set[str], people: set[str]) -> None:
    record = extract_text(extractor, text)
    assert set(org_names(record)) == orgs
    assert {p["name"] for p in record["people"]} == people


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Au centre-ville, un nouvel hôtel, le Tarwa, vient d’ouvrir ses portes.", {"Tarwa"}),
        ("Il se mesurera à des champions du luxe comme le Zalagh qui ont déjà ouvert leurs portes en 2016.", {"Zalagh"}),
        # a title before a body's name is left out of it
        ("L'accord a été signé par M. Karim Alami, Directeur Général du Groupe Tazrout, à Rabat.", {"Groupe Tazrout"}),
        # a type word and a country name no body
        ("Le Maroc est le deuxième plus grand marché d'assurance en Afrique, selon le groupe.", set()),
    ],
)
def test_facilities_titles_and_types_before_a_country(extractor, text: str, orgs: set[str]) -> None:
    assert set(org_names(extract_text(extractor, text))) == orgs


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("La convention prévoit que le Centre d'hémodialyse Tazrout, à Inezgane, prenne en charge les patients.", "Centre d'hémodialyse Tazrout"),
        ("L'Institut de cardiologie pédiatrique Al Amal a reçu ses premiers patients.", "Institut de cardiologie pédiatrique Al Amal"),
    ],
)
def test_a_type_word_with_its_lower_case_speciality_before_the_name(extractor, sentence: str, name: str) -> None:
    assert named(extract_text(extractor, sentence)["organizations"], name) is not None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Chez Tajir.ma, la dynamique ne faiblit pas : la levée atteint 12 millions de dollars.", "Tajir.ma"),
        ("La levée la plus impressionnante revient à Nabta.bio, active dans la biotechnologie.", "Nabta.bio"),
        ("Après la coopérative, on compte l'entreprise Tilda à travers sa marque de yaourts.", "Tilda"),
    ],
)
def test_a_name_shaped_as_a_web_domain_or_after_entreprise_is_a_company(extractor, sentence: str, name: str) -> None:
    assert named(extract_text(extractor, sentence)["organizations"], name) is not None


def test_a_person_after_a_companys_noun_and_its_adjectives_stays_a_person(extractor) -> None:
    text = "La production débutera cette année, a déclaré le directeur général de la société minière marocaine Karim Tazi."
    record = extract_text(extractor, text)
    assert record["organizations"] == [] and [p["name"] for p in record["people"]] == ["Karim Tazi"]


@pytest.mark.parametrize(
    ("sentence", "orgs", "cities"),
    [
        # a role noun right before a name outweighs a namesake town somewhere in the world
        ("La chaîne Camden ouvrira son troisième hôtel à Agadir.", {"Camden"}, {"Agadir"}),
        ("L'opérateur Sedan a publié un chiffre d'affaires en hausse.", {"Sedan"}, set()),
        # and so does a plural role noun before a list of names
        ("Les opérateurs Tarwa, Sedan et Douglas ont signé l'accord.", {"Tarwa", "Sedan", "Douglas"}, set()),
        # not a role noun with its place, nor a noun of places
        ("Il a visité les usines de Sedan et de Douglas.", set(), {"Sedan", "Douglas"}),
        ("Les villes Sedan et Douglas sont jumelées.", set(), {"Sedan", "Douglas"}),
    ],
)
def test_a_role_noun_before_a_towns_name_makes_it_a_company(extractor, sentence: str, orgs: set[str], cities: set[str]) -> None:
    record = extract_text(extractor, sentence)
    assert set(org_names(record)) == orgs
    assert {c["name"] for c in record["cities"]} == cities


@pytest.mark.parametrize(
    ("text", "orgs", "people"),
    [
        # the body spoken to after a verb of speech and au, à l', à la: an article rules out a person
        ("Le chantier sera livré fin 2026, confie au Tarwa, Karim Alami, directeur de la société.", {"Tarwa"}, {"Karim Alami"}),
        ("Les travaux dureront deux ans, a déclaré à l'AFP Karim Alami.", {"AFP"}, {"Karim Alami"}),
        # an outlet before the cue only an outlet takes
        ("Le capital atteint 470 millions de dirhams. L’Economiste, dans son numéro du lundi 20 novembre, affirme que la somme suffira.",
         {"Economiste"}, set()),
        ("Le contrat a été confié à Karim Alami.", set(), {"Karim Alami"}),
        # an acronym glued to a person's name after a title: two names
        ("La convention a été signée par le directeur du bureau de l'AFD Mihoub Tazrout, à Meknès.", {"AFD"}, {"Mihoub Tazrout"}),
        ("Le directeur du CHU Ibn Rochd a signé la convention.", {"CHU Ibn Rochd"}, set()),
    ],
)
def test_an_outlet_a_body_spoken_to_and_a_person_after_an_acronym(extractor, text: str, orgs: set[str], people: set[str]) -> None:
    record = extract_text(extractor, text)
    assert set(org_names(record)) == orgs
    assert {p["name"] for p in record["people"]} == people


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # a slash joins two bodies (a hyphen between acronyms: see the test above)
        ("Le groupement Tarwa (France)/DI a perdu l'appel d'offres.", {"Tarwa", "DI"}),
        # a hyphen inside a name stays
        ("L'alliance Renault-Nissan a ouvert une usine à Melloussa.", {"Renault-Nissan"}),
    ],
)
def test_a_slash_joins_two_bodies(extractor, text: str, orgs: set[str]) -> None:
    record = extract_text(extractor, text)
    assert {n for o in record["organizations"] for n in [o["name"], *o["aliases"]]} >= orgs
    assert not any("/" in o["name"] for o in record["organizations"])


@pytest.mark.parametrize(
    "sentence",
    [
        # a fund's legal form, a concept, a technical term, at a sentence's end too
        ("Le fonds Tazrout Croissance est constitué sous forme d’OPCR, un format réglementé."),
        ("Le Royaume entend consolider l’Etat social, a précisé le ministre."),
        # a zone named as a site, spelled out before its acronym
        ("La filiale a choisi pour ce projet la zone Tarwa Automotive City (TAC), opérationnelle depuis quatre ans."),
        ("La part des énergies renouvelables (EnR) progresse. La loi porte sur les EnR. Les projets avancent."),
    ],
)
def test_legal_forms_concepts_terms_and_zones_are_no_organisations(extractor, sentence: str) -> None:
    assert [o["name"] for o in extract_text(extractor, sentence)["organizations"] if "Tazrout" not in o["name"]] == []


def test_a_demonym_after_a_products_noun_makes_a_product(extractor) -> None:
    record = extract_text(extractor, "Le Maroc a reçu la première livraison du vaccin britannique Tazvax, fabriqué en Inde.")
    assert record["organizations"] == []
    record = extract_text(extractor, "Le laboratoire britannique Tazvax a livré ses doses au Maroc.")
    assert org_names(record) == ["Tazvax"]


def test_where_an_acronyms_body_is_is_no_part_of_its_name(extractor) -> None:
    record = extract_text(extractor, "La cession de deux actifs bancaires du groupe TPCE en Afrique a été réalisée en partenariat.")
    assert org_names(record) == ["TPCE"]


def test_a_country_right_after_a_companys_name_names_its_subsidiary(extractor) -> None:
    text = ("Le leader des matériaux de construction, CimentaTarsis Maroc, projette deux usines. "
            "CimentaTarsis Maroc compte 50 sites. Le Groupe CimentaTarsis est son actionnaire.")
    assert set(org_names(extract_text(extractor, text))) == {"CimentaTarsis Maroc", "Groupe CimentaTarsis"}
    # a country after a preposition is where the company is
    assert org_names(extract_text(extractor, "Le groupe Tarwa a ouvert une usine au Maroc.")) == ["Tarwa"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cette convention consacre l’engagement du Groupe bancaire auprès des agriculteurs.",
        "La Coopérative agricole exporte ses agrumes vers l'Europe.",
    ],
)
def test_a_type_word_and_its_trade_alone_name_no_body(extractor, sentence: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Le groupe a procédé à l’acquisition d’une société en Hollande pour 600 millions de dirhams.",
        "La Tarwa Bank conserve sa notation AAA de l'agence, avec une perspective stable.",
    ],
)
def test_a_type_word_and_where_it_is_or_a_rating_names_no_body(extractor, sentence: str) -> None:
    assert [n for n in org_names(extract_text(extractor, sentence)) if "Tarwa" not in n] == []


def test_a_former_name_after_ex_joins_the_body_it_was(extractor) -> None:
    record = extract_text(extractor, "Le chiffre d'affaires progresse grâce aux résultats de GMF (ex-Tazrout Maroc) et aux livraisons.")
    assert [sorted([o["name"], *o["aliases"]]) for o in record["organizations"]] == [["GMF", "Tazrout Maroc"]]


def test_a_name_that_closes_its_doors_is_a_facility(extractor) -> None:
    record = extract_text(extractor, "El Tazrina ferme ses portes pour rénovation.")
    assert org_names(record) == ["El Tazrina"] and record["people"] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le secteur hôtelier connaît une activité fiévreuse à Tanger. Le Tazrina Tangier Al Houara Resort & Spa ouvrira bientôt.",
         "Tazrina Tangier Al Houara Resort & Spa"),
        ("La chaîne prévoit l'ouverture de la résidence hôtelière Tarwa Saïdia Residences en 2020.", "Tarwa Saïdia Residences"),
        ("À Marrakech, les touristes peuvent désormais séjourner au Tamelalt Palace, ouvert depuis mai.",
         "Tamelalt Palace"),
    ],
)
def test_a_resort_or_residences_the_model_reads_as_a_place_is_a_facility(extractor, sentence: str, name: str) -> None:
    assert name in org_names(extract_text(extractor, sentence))


def test_a_named_airport_is_a_body_and_an_airport_named_by_its_city_is_not(extractor) -> None:
    record = extract_text(extractor, "La région profite de sa proximité de l’aéroport Tazra-Massira et du port, selon le promoteur.")
    assert [sorted([o["name"], *o["aliases"]]) for o in record["organizations"]] == [["Tazra-Massira", "aéroport Tazra-Massira"]]
    assert org_names(extract_text(extractor, "Les vols arrivent à l'aéroport de Casablanca depuis lundi.")) == []



def test_a_name_goes_on_over_a_line_break_of_hard_wrapped_text(extractor) -> None:
    text = (
        "Le chantier de la station de la ville a reçu le soutien financier de la Banque européenne\n"
        "d'investissement : la convention conclue en mars dernier prévoit un prêt de deux cents millions\n"
        "d'euros. D'autres bailleurs ont aussi annoncé leur concours au chantier, parmi lesquels\n"
        "l'Agence française de développement et une banque publique allemande qui pourrait apporter\n"
        "jusqu'à cent millions de dollars au chantier.\n\n"
        "Clinique Atlas\nRabat a ouvert ses portes."
    )
    names = org_names(extract_text(extractor, text))
    assert "Banque européenne d'investissement" in names
    assert "Banque européenne" not in names
    assert "Clinique Atlas Rabat" not in names  # a headline's line break: no wrapped sentence goes on there


@pytest.mark.parametrize(
    ("sentence", "name", "absent"),
    [
        ("L'agence solaire marocaine Masen lancera un appel d'offres.", "Masen", "agence solaire marocaine Masen"),
        ("Le rachat des activités du Groupe émirati des télécommunications Etisalat au Maroc est conclu.", "Etisalat",
         "Groupe émirati des télécommunications Etisalat"),
        ("L'accord conclu avec la Banque allemande KfW porte sur un prêt de dix ans.", "KfW", "Banque allemande"),
    ],
)
def test_a_type_word_and_a_demonym_before_a_name_describe_it(extractor, sentence: str, name: str, absent: str) -> None:
    names = org_names(extract_text(extractor, sentence))
    assert name in names
    assert absent not in names


def test_a_name_after_a_demonym_and_a_connector_keeps_its_type_word(extractor) -> None:
    names = org_names(extract_text(extractor, "La Fédération marocaine de Football a signé une convention."))
    assert names == ["Fédération marocaine de Football"]


def test_a_legal_form_closing_a_name_in_running_text_is_part_of_it(extractor) -> None:
    record = extract_text(extractor, "Portée par la grande distribution, Marjane Distribution SA ouvre trois magasins. Ensuite, Primarios SA a levé des fonds.")
    names = org_names(record)
    assert "Marjane Distribution SA" in names and "Primarios SA" in names
    assert org_names(extract_text(extractor, "LE ROI ET SA FAMILLE\n\nLe groupe Akdital a ouvert une clinique.")) == ["Akdital"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le complexe est géré depuis 2020 par Zenthia, une des principales sociétés de gestion hôtelière.", "Zenthia"),
        ("Le projet est mené en partenariat avec Cadila, 1er laboratoire indien.", "Cadila"),
        ("En cette période de crise, Vertiga, marque de haut standing du groupe, affiche de bons indicateurs.", "Vertiga"),
        ("Le groupe entre au Maroc par l'acquisition d'Oliva, une société spécialisée dans l'huile.", "Oliva"),
        # its trade after it (person-vs-organisation evidence)
        ("Le groupe est présent au travers de Varlin Dubost dans la fabrication de pièces.", "Varlin Dubost"),
    ],
)
def test_a_companys_apposition_makes_a_company_of_a_bare_name_or_a_towns_name(extractor, sentence: str, name: str) -> None:
    assert name in org_names(extract_text(extractor, sentence))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le groupe lance une chaîne de maisons d'hôtes qui porte le nom de Yasmine Atlas.", "Yasmine Atlas"),
        ("La nouvelle enseigne, baptisée Karima Douceurs, ouvrira trois boutiques à Rabat.", "Karima Douceurs"),
    ],
)
def test_a_name_given_to_a_body_is_no_persons(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert name in org_names(record) and record["people"] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le rappeur, connu sous le nom de Saad Lamjarred, a chanté à Rabat.", "Saad Lamjarred"),  # an alias
        ("La nouvelle promotion de lauréats porte le nom de Abdellatif Laabi, poète marocain.", "Abdellatif Laabi"),
        ("Son fils, baptisé Youssef Amrani, est né à Fès en 1990.", "Youssef Amrani"),
        ("La rue porte le nom de Allal El Fassi.", "Allal El Fassi"),
    ],
)
def test_a_name_given_after_a_first_name_to_no_commercial_thing_stays_a_persons(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert name in [p["name"] for p in record["people"]] and name not in org_names(record)


def test_a_person_before_a_trade_stays_a_person(extractor) -> None:
    record = extract_text(extractor, "Nadia Filali, active dans la distribution depuis vingt ans, a pris la parole.")
    assert [p["name"] for p in record["people"]] == ["Nadia Filali"]


def test_a_name_listed_after_ou_encore_an_organisation_is_one(extractor) -> None:
    names = org_names(extract_text(extractor, "Parmi les actionnaires figurent Al Ajial Holding, la CDG ou encore Zentara."))
    assert "Zentara" in names


@pytest.mark.parametrize(
    "sentence",
    [
        "L'opération aura un impact positif sur le ratio CET1 du groupe, évalué à 15 points.",
        "L'usine doit augmenter sa capacité de traitement UHT cette année.",
        "La société a participé au lot W22 de l'accélérateur.",
        "Il est primordial que le projet D&D trouve des débouchés.",
    ],
)
def test_an_acronym_or_a_code_after_a_things_noun_is_no_organisation(extractor, sentence: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == []


def test_an_acronym_after_a_role_noun_stays_an_organisation(extractor) -> None:
    assert "KPMG" in org_names(extract_text(extractor, "Le cabinet KPMG a audité les comptes du groupe."))


def test_a_name_runs_over_no_sentence_end_nor_an_amount_after_de(extractor) -> None:
    names = org_names(extract_text(extractor, "Le port a obtenu un financement de la Banque européenne de 100 M€. Une somme qui s'ajoute au premier prêt."))
    assert names == ["Banque européenne"]


@pytest.mark.parametrize(
    "sentence",
    ["Le chef du gouvernement a été nommé conformément à l'article 47 de la Constitution du Royaume.",
     "Le groupe affiche une hausse de 12% de l'Excédent Brut d'Exploitation sur l'exercice.",
     "Le projet de loi a été adopté jeudi par le Conseil de gouvernement, réuni à Rabat.",
     "Présidé par le Roi, le Conseil des ministres du 3 octobre a adopté le projet de budget."],
)
def test_a_law_an_accounting_term_or_a_government_meeting_is_no_organisation(extractor, sentence: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == []


def test_a_name_that_shows_a_rise_or_an_improvement_is_a_company(extractor) -> None:
    assert "Minatex" in org_names(extract_text(extractor, "Minatex affiche une nette amélioration de ses marges cette année."))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le réseau est géré par deux sociétés publiques, l'ONEP et la Radilma, depuis dix ans.", "Radilma"),
        ("Le capital est partagé entre la BMTI (Banque Marocaine de Transit) et l'ex-Sofirnak, absorbée en 2004.", "Sofirnak"),
        ("Les actions seront cédées à la CNIA et de la Zerkane Vie selon le calendrier prévu.", "Zerkane Vie"),
    ],
)
def test_a_name_listed_after_an_organisation_and_an_article_is_one(extractor, sentence: str, name: str) -> None:
    assert name in org_names(extract_text(extractor, sentence))


def test_a_persons_surname_that_acts_stays_the_person(extractor) -> None:
    record = extract_text(extractor, "Hassan Bouzkri a visité le port. Bouzkri a indiqué que la capacité doublera.")
    assert org_names(record) == []
    assert [p["name"] for p in record["people"]] == ["Hassan Bouzkri"]


@pytest.mark.parametrize(
    ("sentence", "name", "absent"),
    [
        ("Le groupe turc a cédé ses parts à l'Espagnol Caminova Hoteles.", "Caminova Hoteles", "Espagnol Caminova Hoteles"),
        ("L'Italien Ferrolux Group a signé l'accord avec un fonds.", "Ferrolux Group", "Italien Ferrolux Group"),
    ],
)
def test_a_capitalised_demonym_after_le_or_l_is_no_part_of_the_name(extractor, sentence: str, name: str, absent: str) -> None:
    names = org_names(extract_text(extractor, sentence))
    assert name in names and absent not in names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Les travaux seront achevés en juin, précise Karim Sefrioui, DG de Jardins Amlal.", ["Jardins Amlal"]),
        ("Selon Hind Berrada, fondatrice de Nakhil Dar, la demande reste forte.", ["Nakhil Dar"]),
        ("Nadia Lamrani, directrice générale de Résidences Assafa, a confirmé le calendrier.", ["Résidences Assafa"]),
        ("La start-up, lancée par Nadia Berrada et Youssef Kettani, deux anciens responsables de Norvia et Caldex, "
         "recrute à Abidjan.", ["Norvia", "Caldex"]),
    ],
)
def test_a_name_a_person_heads_or_works_for_is_a_company(extractor, sentence: str, names: list[str]) -> None:
    record = extract_text(extractor, sentence)
    assert org_names(record) == names
    assert record["people"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Selon le ministère de l'Equipement, du Transport, de la Logistique et de l'Eau, le chantier avance.",
         "ministère de l'Equipement, du Transport, de la Logistique et de l'Eau"),
        ("Le ministère de la Transition énergétique et du Développement durable a lancé l'appel d'offres.",
         "ministère de la Transition énergétique et du Développement durable"),
        ("Le ministère français de l'Europe et des Affaires étrangères a réagi.", "ministère français de l'Europe et des Affaires étrangères"),
        ("Selon le ministère marocain de la Santé, la campagne commence lundi.", "ministère marocain de la Santé"),
    ],
)
def test_a_ministry_keeps_all_its_portfolios_and_its_demonym(extractor, sentence: str, name: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Un appel du ministère de l'Intérieur et de la Protection civile vise les communes.",
         "ministère de l'Intérieur et de la Protection civile"),
        ("L'aide du ministère de la Culture et de la Communication ouverte aux jeunes artistes a été prolongée.",
         "ministère de la Culture et de la Communication"),
    ],
)
def test_a_portfolio_goes_on_over_its_adjectives_only(extractor, sentence: str, name: str) -> None:
    assert org_names(extract_text(extractor, sentence)) == [name]


def test_a_capitalised_noun_after_a_demonstrative_is_no_name(extractor) -> None:
    assert org_names(extract_text(extractor, "Ce Centralien a dirigé plusieurs filiales du groupe.")) == []


@pytest.mark.parametrize(("signature", "orgs"), [("KL", []), ("AFP", ["AFP"])])
def test_initials_alone_on_the_last_line_sign_the_article_and_an_outlet_stays(extractor, signature: str, orgs: list[str]) -> None:
    text = f"La banque financera la moitié du coût des travaux, selon le communiqué.\n{signature}"
    assert org_names(extract_text(extractor, text)) == orgs


@pytest.mark.parametrize(
    ("sentence", "orgs"),
    [
        ("Parmi les nouveautés du salon figurent la Kia Picanto et la Hyundai i10, deux petites citadines.", []),
        ("Depuis mai, la Fiat Ritmo et l'Opel Astra sont assemblées à Kénitra.", []),
        ("Renault Maroc a vendu 20.000 unités. Le constructeur Renault Group prévoit d'investir.", ["Renault Maroc", "Renault Group"]),
    ],
)
def test_a_makers_name_and_a_models_after_an_article_name_a_vehicle(extractor, sentence: str, orgs: list[str]) -> None:
    assert org_names(extract_text(extractor, sentence)) == orgs


@pytest.mark.parametrize(
    ("sentence", "orgs"),
    [
        ("Le lot a été confié à la Volvo Buses, qui livrera quarante autocars en juin.", ["Volvo Buses"]),
        ("Le contrat de maintenance revient à l'Airbus Helicopters, selon le ministère.", ["Airbus Helicopters"]),
        ("La Renault Express et la Toyota Yaris restent les plus vendues.", []),
    ],
)
def test_a_business_noun_after_a_makers_name_names_a_company_not_a_model(extractor, sentence: str, orgs: list[str]) -> None:
    assert org_names(extract_text(extractor, sentence)) == orgs


def test_where_a_described_company_is_from_is_no_part_of_its_name(extractor) -> None:
    text = "Le capital est détenu à 40 % par la société Noralis des Émirats arabes unis, le reste par l'État."
    assert org_names(extract_text(extractor, text)) == ["Noralis"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Le portefeuille sera repris par la filiale de La Prévoyance Atlas dès juin.", ["La Prévoyance Atlas"]),
        ("L'accord a été signé par les dirigeants de La Poste Maroc et de la CNSS.", ["La Poste Maroc", "CNSS"]),
        ("La Banque mondiale a approuvé le prêt.", ["Banque mondiale"]),
    ],
)
def test_a_capitalised_article_inside_a_sentence_is_the_names_own(extractor, sentence: str, names: list[str]) -> None:
    assert org_names(extract_text(extractor, sentence)) == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Depuis 2019, Kerdan Group et Sabla Invest détiennent ensemble la majorité du capital.",
         ["Kerdan Group", "Sabla Invest"]),
        ("Le partenariat unit Sahar Holding et Atlas Capital pour trois ans.", ["Sahar Holding", "Atlas Capital"]),
    ],
)
def test_a_type_word_after_a_name_closes_it_and_opens_no_other(extractor, sentence: str, names: list[str]) -> None:
    assert org_names(extract_text(extractor, sentence)) == names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Le gestionnaire prépare le lancement de Sahara Growth Fund IV. Le fonds visera 200 millions d'euros.",
         "Sahara Growth Fund IV"),
        ("La garantie vient d'une filiale du groupe de la Banque islamique, basée à Djeddah.", "Banque islamique"),
        ("La convention a été signée à Fès par le ministère de l'Agriculture, de la Pêche et de l'Economie rurale "
         "et forestière Karim Alami et le patronat.",
         "ministère de l'Agriculture, de la Pêche et de l'Economie rurale et forestière"),
    ],
)
def test_a_name_goes_on_over_its_series_number_and_its_adjectives(extractor, sentence: str, name: str) -> None:
    record = extract_text(extractor, sentence)
    assert named(record["organizations"], name) is not None


def test_a_dash_glued_to_a_name_s_end_is_no_part_of_it(extractor) -> None:
    sentence = "Le terminal est exploité par l'opérateur danois Nordic Harbours-, a précisé le directeur du site."
    assert org_names(extract_text(extractor, sentence)) == ["Nordic Harbours"]


def test_an_acronym_after_et_closing_a_name_is_another_organisation(extractor) -> None:
    sentence = "Le capital est réparti entre la Caisse de retraite, le Fonds Mohammed V et la CDG (Caisse de Dépôt et de Gestion)."
    assert sorted(org_names(extract_text(extractor, sentence))) == ["Caisse de Dépôt et de Gestion", "Caisse de retraite", "Fonds Mohammed V"]
