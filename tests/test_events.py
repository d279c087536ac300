"""Events on sentences written for these tests: triggers, roles from sentence structure, merging, non-events."""
from __future__ import annotations

import pytest

from conftest import extract_text
from extract.extractor import Extractor

MAD = "MAD"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def events(extractor: Extractor, text: str, event_type: str | None = None) -> list[dict]:
    record = extract_text(extractor, text)
    return [e for e in record["events"] if event_type is None or e["type"] == event_type]


def only(extractor: Extractor, text: str, event_type: str) -> dict:
    found = events(extractor, text, event_type)
    assert len(found) == 1, found
    return found[0]["roles"]


def test_active_funding_with_coordinated_investors_after_aupres_de(extractor) -> None:
    roles = only(extractor, "La société Medika Santé a levé 200 millions de dirhams auprès d'Atlas Capital et de "
                 "Rif Invest en mars 2024.\n", "funding")
    assert roles == {"recipient": "Medika Santé", "investors": ["Atlas Capital", "Rif Invest"],
                     "amount": [{"value": 200_000_000, "currency": MAD}], "stake": [], "date": "2024-03"}


def test_funding_led_by_an_investor_mene_par(extractor) -> None:
    roles = only(extractor, "Medika Santé a bouclé une levée de fonds de 12 millions de dollars, menée par "
                 "Atlas Capital.\n", "funding")
    assert roles["recipient"] == "Medika Santé" and roles["investors"] == ["Atlas Capital"]
    assert roles["amount"] == [{"value": 12_000_000, "currency": "USD"}]


def test_investing_in_a_company_is_funding_seen_from_the_company(extractor) -> None:
    roles = only(extractor, "Atlas Capital a investi 300 millions de dirhams dans Medika Santé en 2024.\n", "funding")
    assert roles["recipient"] == "Medika Santé" and roles["investors"] == ["Atlas Capital"]
    assert not events(extractor, "Atlas Capital a investi 300 millions de dirhams dans Medika Santé.\n", "investment")


def test_passive_acquisition_takes_the_buyer_from_par(extractor) -> None:
    roles = only(extractor, "La Clinique Badr a été rachetée par le groupe Akdital en 2022 pour 150 millions de "
                 "dirhams.\n", "acquisition")
    assert (roles["buyer"], roles["target"], roles["date"]) == ("Akdital", "Clinique Badr", "2022")
    assert roles["amount"] == [{"value": 150_000_000, "currency": MAD}]


def test_x_a_cede_y_a_z(extractor) -> None:
    roles = only(extractor, "Le fonds Kasbah Partners a cédé la Clinique Atlas au groupe Vitalis Santé en 2021.\n",
                 "acquisition")
    assert (roles["seller"], roles["target"], roles["buyer"]) == ("Kasbah Partners", "Clinique Atlas", "Vitalis Santé")


def test_object_relative_clause_que(extractor) -> None:
    roles = only(extractor, "La Clinique Atlas, que le groupe Vitalis Santé a rachetée en 2021, compte 80 lits.\n",
                 "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis Santé", "Clinique Atlas")


def test_le_groupe_resolves_to_the_organisation_last_named_as_subject(extractor) -> None:
    roles = only(extractor, "Vitalis Santé est présent dans cinq villes, aux côtés de Rif Invest. Le groupe a "
                 "inauguré une clinique de 120 lits à Agadir en mai 2024.\n", "opening")
    assert roles == {"operator": "Vitalis Santé", "city": "Agadir", "facility": None,
                     "capacity": [{"value": 120, "unit": "lit"}], "date": "2024-05"}


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe Vitalis Santé prévoit d'ouvrir de nouvelles cliniques dans les prochaines années.\n",
        "Vitalis Santé veut investir davantage dans la santé.\n",
    ],
)
def test_intentions_without_amount_city_or_date_are_no_events(extractor, text) -> None:
    assert events(extractor, text) == []


def test_a_plan_with_a_city_and_a_date_is_an_opening(extractor) -> None:
    roles = only(extractor, "Vitalis Santé ouvrira une clinique à Oujda en 2026.\n", "opening")
    assert (roles["operator"], roles["city"], roles["date"]) == ("Vitalis Santé", "Oujda", "2026")


def test_the_part_of_a_sum_is_no_event_of_its_own(extractor) -> None:
    found = events(extractor, "Vitalis Santé investira 500 millions de dirhams à Fès, dont 120 millions de dirhams "
                   "pour les équipements.\n")
    assert [(e["type"], e["roles"]["amount"]) for e in found] == [
        ("investment", [{"value": 500_000_000, "currency": MAD}])]
    assert found[0]["roles"]["city"] == "Fès"


def test_a_total_over_many_deals_is_no_event(extractor) -> None:
    assert events(extractor, "La BERD a engagé plus de 4 milliards d'euros au Maroc depuis 2012.\n") == []


def test_lender_gives_a_loan_to_a_borrower(extractor) -> None:
    roles = only(extractor, "La Banque européenne d'investissement a accordé un prêt de 40 millions d'euros à "
                 "Nour Santé en 2023.\n", "loan")
    assert (roles["lender"], roles["borrower"]) == ("Banque européenne d'investissement", "Nour Santé")


def test_borrower_obtains_a_loan_aupres_de_a_lender(extractor) -> None:
    roles = only(extractor, "Medika Santé a obtenu un prêt de 60 millions de dirhams auprès de la Banque "
                 "Populaire.\n", "loan")
    assert (roles["lender"], roles["borrower"]) == ("Banque Populaire", "Medika Santé")


def test_passive_appointment(extractor) -> None:
    roles = only(extractor, "Karim Bennani a été nommé directeur général de Vitalis Santé en janvier 2024.\n",
                 "appointment")
    assert (roles["person"], roles["org"], roles["date"]) == ("Karim Bennani", "Vitalis Santé", "2024-01")


def test_result_reported_but_not_a_forecast(extractor) -> None:
    found = events(extractor, "Vitalis Santé a réalisé un chiffre d'affaires de 900 millions de dirhams en 2023. "
                   "Le groupe compte dépasser 1 milliard de dirhams de chiffre d'affaires en 2025.\n", "result")
    assert [e["roles"] for e in found] == [
        {"org": "Vitalis Santé", "metric": "revenue", "amount": [{"value": 900_000_000, "currency": MAD}],
         "period": "2023"}]


def test_one_sum_in_two_currencies_is_one_amount_list(extractor) -> None:
    roles = only(extractor, "Medika Santé a levé 458 millions de dirhams (42 millions d'euros) auprès "
                 "d'Atlas Capital.\n", "funding")
    assert roles["amount"] == [{"value": 458_000_000, "currency": MAD}, {"value": 42_000_000, "currency": "EUR"}]


def test_repeats_merge_into_one_event_with_both_sentences_as_evidence(extractor) -> None:
    text = ("Medika Santé lève 458 MDH\n\nLa société Medika Santé a levé 458 millions de dirhams auprès "
            "d'Atlas Capital. Le groupe est présent à Rabat.\n")
    (event,) = events(extractor, text, "funding")
    assert event["roles"]["investors"] == ["Atlas Capital"]
    assert [text[s:e] for s, e in event["evidence"]] == [
        "Medika Santé lève 458 MDH",
        "La société Medika Santé a levé 458 millions de dirhams auprès d'Atlas Capital."]
    assert event["trigger"] == "lève"


def test_every_record_has_events_even_when_empty(extractor) -> None:
    record = extract_text(extractor, "Il fait beau à Rabat.\n")
    assert record["events"] == []


def test_a_plan_of_new_clinics_in_two_cities_is_one_opening_per_city(extractor) -> None:
    found = events(extractor, "Vitalis Santé prévoit deux nouvelles cliniques à Oujda et à Nador d'ici 2027.\n",
                   "opening")
    assert [(e["roles"]["operator"], e["roles"]["city"], e["roles"]["date"]) for e in found] == [
        ("Vitalis Santé", "Oujda", "2027"), ("Vitalis Santé", "Nador", "2027")]


def test_a_name_alone_in_parentheses_is_an_aside_not_the_subject(extractor) -> None:
    roles = only(extractor, "Karim Bennani (Atlas Capital) a été nommé directeur général de Medika Santé.\n",
                 "appointment")
    assert (roles["person"], roles["org"]) == ("Karim Bennani", "Medika Santé")
    roles = only(extractor, "(Agence Nova) - Medika Santé a publié ses comptes annuels. Son résultat net atteint "
                 "120 millions de dirhams en 2024.\n", "result")
    assert roles["org"] == "Medika Santé"


def test_le_groupe_stands_for_the_latest_subject_named_as_a_group(extractor) -> None:
    roles = only(extractor, "Le Groupe Vitalis a racheté la Clinique Atlas en 2021. La Clinique Atlas compte 120 "
                 "lits. Le groupe a réalisé un chiffre d'affaires de 900 millions de dirhams en 2023.\n", "result")
    assert roles["org"] == "Groupe Vitalis"


@pytest.mark.parametrize(("text", "event_type", "key"), [
    ("Le groupe Vitalis Santé a annoncé deux ouvertures à Agadir et à Tanger en 2026.\n", "opening",
     ("operator", "Vitalis Santé")),
    ("Omar Tazi prendra la présidence de Medika Santé en janvier 2025.\n", "appointment", ("org", "Medika Santé")),
    ("Medika Santé a réalisé une augmentation du capital de 80 millions de dirhams souscrite par Atlas Capital.\n",
     "funding", ("recipient", "Medika Santé")),
])
def test_inflected_and_longer_trigger_forms(extractor, text: str, event_type: str, key: tuple[str, str]) -> None:
    found = events(extractor, text, event_type)
    assert found and all(e["roles"][key[0]] == key[1] for e in found), found


@pytest.mark.parametrize("text", [
    "Le groupe Vitalis Santé n'a procédé à aucune ouverture de clinique à Agadir en 2024.\n",
    "« Nous allons ouvrir dix cliniques d'ici 2027 », a déclaré le patron de Vitalis Santé, mardi à Casablanca.\n",
    "La souscription de Medika Santé sera ouverte du 9 au 16 juin 2025, à Casablanca.\n",
])
def test_no_opening_negated_outside_the_quote_or_of_no_facility(extractor, text: str) -> None:
    assert not events(extractor, text, "opening")


def test_a_trigger_after_a_demonstrative_only_adds_to_an_event_already_read(extractor) -> None:
    found = events(extractor, "Atlas Capital a accordé à Medika Santé un prêt de 50 millions de dirhams en 2024. Les "
                   "deux tiers de ce financement sont portés par Rif Invest, soit 30 millions de dirhams.\n", "loan")
    assert [e["roles"]["lender"] for e in found] == ["Atlas Capital"]


@pytest.mark.parametrize(("text", "cities"), [
    ("Le groupe Vitalis Santé ouvrira en 2026 des cliniques à Safi, à Nador et deux à Oujda.\n",
     {"Safi", "Nador", "Oujda"}),
    ("Le groupe Vitalis Santé est présent à Oujda et à Nador avec deux cliniques et compte en ouvrir une troisième à "
     "Safi en 2026.\n", {"Safi"}),
])
def test_one_opening_per_city_of_the_list_that_holds_the_chosen_city(extractor, text: str, cities: set) -> None:
    assert {e["roles"]["city"] for e in events(extractor, text, "opening")} == cities


def test_an_amount_after_a_word_of_change_is_not_the_figure(extractor) -> None:
    assert not events(extractor, "Le bénéfice net de Medika Santé est en hausse de 20 millions de dirhams en 2024.\n",
                      "result")


def test_names_after_a_savoir_take_no_role(extractor) -> None:
    assert not events(extractor, "Le fonds Kasbah Partners a cédé ses trois cliniques, à savoir la Clinique Atlas et "
                      "la Clinique Badr, en 2023.\n", "acquisition")


def test_an_investment_aupres_d_investors_is_funding(extractor) -> None:
    roles = only(extractor, "Medika Santé a signé un accord pour un investissement de 300 millions de dirhams auprès "
                 "d'Atlas Capital en mai 2024.\n", "funding")
    assert (roles["recipient"], roles["investors"]) == ("Medika Santé", ["Atlas Capital"])
    assert not events(extractor, "Medika Santé a signé un accord pour un investissement de 300 millions de dirhams auprès "
                      "d'Atlas Capital en mai 2024.\n", "investment")


@pytest.mark.parametrize("text", [
    "Le groupe Vitalis Santé a racheté la Clinique Badr et la Clinique Atlas en 2023.\n",
    "Le Groupe Vitalis a obtenu l'aval du régulateur pour l'acquisition de deux cliniques à Oujda : la Clinique Badr et "
    "la Clinique Atlas.\n",
])
def test_one_acquisition_per_target_of_a_list(extractor, text: str) -> None:
    found = events(extractor, text, "acquisition")
    assert sorted(e["roles"]["target"] for e in found) == ["Clinique Atlas", "Clinique Badr"]


def test_the_lender_named_with_its_acronym_before_qui(extractor) -> None:
    roles = only(extractor, "Le projet sera financé par la Banque africaine de développement (BAD), qui a approuvé un "
                 "prêt de 40 millions d'euros en mars 2024.\n", "loan")
    assert roles["lender"] == "Banque africaine de développement"


def test_a_capitalised_legal_form_is_no_possessive(extractor) -> None:
    found = events(extractor, "L'Autorité de contrôle des assurances (ACAPS) a approuvé la fusion-absorption de Medika "
                   "Assurance SA par Vitalis Assurance en 2024.\n", "acquisition")
    assert [(e["roles"]["buyer"], e["roles"]["target"]) for e in found] == [("Vitalis Assurance", "Medika Assurance SA")]  # the legal form is part of the name


@pytest.mark.parametrize("text", [
    "Medika Santé a tenu son assemblée générale en juin 2024. Karim Bennani a été nommé président du conseil "
    "d'administration.\n",
    "Medika Santé a levé 20 millions de dollars en 2024. Leila Amrani, associée chez Atlas Capital, siégera au conseil "
    "d'administration.\n",
])
def test_a_board_seat_with_no_organisation_named_is_on_the_board_of_the_text_s_organisation(extractor, text) -> None:
    roles = only(extractor, text, "appointment")
    assert roles["org"] == "Medika Santé" and roles["person"] in ("Karim Bennani", "Leila Amrani")


def test_an_organisation_only_cited_further_on_is_not_what_the_text_is_about(extractor) -> None:
    assert not events(extractor, "Le pays renforce son offre de soins contre le cancer. Quatre centres régionaux seront "
                      "ouverts à Safi et à Tanger en 2026. Le programme a été salué par les experts internationaux, a "
                      "indiqué un responsable de l'OMS.\n", "opening")
    roles = only(extractor, "Les résultats du Groupe Vitalis progressent nettement. Le chiffre d'affaires atteint 900 "
                 "millions de dirhams en 2024.\n", "result")
    assert roles["org"] == "Groupe Vitalis"


@pytest.mark.parametrize("text", [
    "Le fonds Atlas Capital gère 1,4 milliard d'euros d'actifs investis en Afrique.\n",
    "Medika Santé proposera un dividende de 9 DH par action, soit une enveloppe globale de 300 millions de dirhams.\n",
])
def test_assets_under_management_and_dividends_are_no_investment(extractor, text: str) -> None:
    assert not events(extractor, text, "investment")


def test_openings_in_one_city_at_different_dates_are_two(extractor) -> None:
    found = events(extractor, "Vitalis Santé ouvrira une clinique à Casablanca en 2025. En 2027, Vitalis Santé "
                   "ouvrira un second hôpital à Casablanca.\n", "opening")
    assert sorted(e["roles"]["date"] for e in found) == ["2025", "2027"]


def test_a_city_list_may_hold_a_short_aside(extractor) -> None:
    found = events(extractor, "En 2026, le groupe Vitalis Santé prévoit l'ouverture de quatre cliniques à Safi avec "
                   "deux unités, à Nador et à Oujda.\n", "opening")
    assert {e["roles"]["city"] for e in found} == {"Safi", "Nador", "Oujda"}


def test_one_opening_per_facility_of_a_list_in_the_city_its_name_holds(extractor) -> None:
    found = events(extractor, "En 2026, le groupe Vitalis Santé inaugurera la Clinique Atlas Agadir et la Clinique "
                   "Kasbah Marrakech.\n", "opening")
    assert sorted((e["roles"]["facility"], e["roles"]["city"]) for e in found) == [
        ("Clinique Atlas Agadir", "Agadir"), ("Clinique Kasbah Marrakech", "Marrakech")]


def test_the_new_facility_with_a_definite_article_is_one_already_told(extractor) -> None:
    found = events(extractor, "Vitalis Santé a inauguré en 2024 le Centre Atlas de Fès. Le nouvel établissement "
                   "travaillera en réseau avec les hôpitaux de Taza, Sefrou et Ifrane.\n", "opening")
    assert [e["roles"]["city"] for e in found] == ["Fès"]


def test_a_facility_named_as_a_landmark_is_no_operator(extractor) -> None:
    roles = only(extractor, "Le groupe Vertalia Santé a été fondé en 2019 par le docteur Karim Alaoui, qui dirige aussi "
                 "la Clinique Yasmine. À Rabat, un centre d'oncologie de 50 lits verra le jour en octobre, à côté de "
                 "la Clinique Yasmine.\n", "opening")
    assert (roles["operator"], roles["city"]) == ("Vertalia Santé", "Rabat")


def test_the_owner_of_the_facility_opened_is_its_operator(extractor) -> None:
    roles = only(extractor, "Le groupe Hanane Holding a dévoilé son programme. L'occasion a été l'inauguration "
                 "officielle de son troisième hôtel à Fès, l'hôtel Zitoun Palace. L'hôtel Zitoun Palace compte 120 "
                 "chambres.\n", "opening")
    assert (roles["operator"], roles["city"]) == ("Hanane Holding", "Fès")


def test_a_facility_the_text_is_about_is_run_by_the_group_that_owns_it(extractor) -> None:
    roles = only(extractor, "Une nouvelle clinique privée vient d'ouvrir à Rabat. Elle est l'oeuvre du docteur Karim "
                 "Alaoui. L'établissement, inauguré en mai, s'appelle Clinique Yasmine. La Clinique Yasmine compte 80 "
                 "lits. Le groupe Vertalia Santé, fondé par le docteur Alaoui, prévoit d'autres cliniques.\n", "opening")
    assert (roles["operator"], roles["facility"]) == ("Vertalia Santé", "Clinique Yasmine")


def test_a_facility_with_no_group_named_runs_itself(extractor) -> None:
    roles = only(extractor, "Le CHU Ibn Rochd de Settat ouvrira en 2026 à Settat. Le CHU Ibn Rochd de Settat "
                 "travaillera avec l'Université Hassan Premier.\n", "opening")
    assert roles["operator"] == "CHU Ibn Rochd de Settat"


def test_a_board_seat_is_in_the_company_not_the_person_s_employer(extractor) -> None:
    roles = only(extractor, "La startup Kalima Tech a levé 5 millions de dollars auprès de Atlas Ventures. « Le marché "
                 "est vaste », observe Youssef Berrada, associé chez Atlas Ventures, qui rejoint le conseil "
                 "d'administration.\n", "appointment")
    assert (roles["person"], roles["org"]) == ("Youssef Berrada", "Kalima Tech")


def test_a_total_invested_so_far_is_no_investment(extractor) -> None:
    assert not events(extractor, "Kasbah Partners a jusqu'ici investi 90 millions d'euros dans ses usines.\n",
                      "investment")
    assert events(extractor, "Kasbah Partners a investi 90 millions d'euros dans ses usines.\n", "investment")


def test_opening_a_city_is_a_market_not_a_facility(extractor) -> None:
    assert not events(extractor, "Le groupe Medika Santé lèvera 5 millions de dollars pour ouvrir Dakar et Abidjan en "
                      "2026.\n", "opening")


def test_who_completes_the_round_is_an_investor_not_the_recipient(extractor) -> None:
    found = events(extractor, "Medika Santé a levé 200 millions de dirhams en 2024. La banque Sahel Bank complète le "
                   "tour de table pour 50 millions de dirhams.\n", "funding")
    assert [e["roles"]["recipient"] for e in found] == ["Medika Santé"]


def test_le_groupe_may_stand_for_a_group_named_but_not_as_a_subject(extractor) -> None:
    roles = only(extractor, "Medika Santé, filiale du Groupe Vitalis, a ouvert une clinique à Fès en 2023. Le groupe a "
                 "réalisé un chiffre d'affaires de 900 millions de dirhams en 2023.\n", "result")
    assert roles["org"] == "Groupe Vitalis"


def test_a_facility_s_city_is_the_one_its_name_holds() -> None:
    from extract.events import _city_named_in

    assert _city_named_in("Clinique Al Kawtar Fès", ["Rabat", "Fès"]) == "Fès"
    assert _city_named_in("Port de Tanger-Med", ["Tanger"]) is None
    assert _city_named_in(None, ["Fès"]) is None


def test_an_opening_s_city_is_after_the_trigger_rather_than_before(extractor) -> None:
    found = events(extractor, "Vitalis Santé financera l'extension de sa clinique de Marrakech et l'ouverture de "
                   "nouveaux hôpitaux privés aux standards internationaux à Tanger et Casablanca en 2026.\n", "opening")
    assert {e["roles"]["city"] for e in found} == {"Tanger", "Casablanca"}


def test_a_budget_trend_is_no_investment(extractor) -> None:
    assert not events(extractor, "Le budget de Medika Santé consacré à la prévention est passé de 11 millions de "
                      "dirhams en 2019 à plus de 40 millions de dirhams en 2024.\n", "investment")


@pytest.mark.parametrize("text", [
    "Le nouvel ensemble Vitalis Santé revendiquera un chiffre d'affaires combiné de 3,8 milliards de dirhams.\n",
    "Selon ses dirigeants, le chiffre d'affaires de Medika Santé atteindra 500 millions de dirhams en 2026.\n",
])
def test_a_figure_in_the_future_tense_is_a_forecast_not_a_result(extractor, text: str) -> None:
    assert not events(extractor, text, "result")


def test_the_company_named_right_after_a_funding_noun_is_its_recipient(extractor) -> None:
    roles = only(extractor, "Le fonds Atlas Capital a validé en mai 2025 l'augmentation de capital de Medika Santé, "
                 "d'un montant de 300 millions de dirhams.\n", "funding")
    assert roles["recipient"] == "Medika Santé"


def test_an_adjective_after_a_generic_reference_picks_the_organisation_that_bears_it(extractor) -> None:
    found = events(extractor, "La Banque européenne de développement et la Banque Rif financent le projet Sahel Solar. "
                   "La Banque Rif a signé en 2024 un accord de garantie. La banque européenne consent un prêt de 52 "
                   "millions de dirhams au projet.\n", "loan")
    assert [e["roles"]["lender"] for e in found] == ["Banque européenne de développement"]


def test_assets_appartenant_a_a_company_make_it_the_target(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis Télécom a signé en avril 2025 un accord portant sur l'acquisition de "
                 "1.200 pylônes appartenant à Medika Télécom.\n", "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis Télécom", "Medika Télécom")


def test_a_facility_that_sera_dirige_par_someone_is_an_appointment(extractor) -> None:
    roles = only(extractor, "Le Centre Atlas d'Oncologie ouvrira en 2026 à Agadir. Il sera dirigé par le Pr Leila "
                 "Amrani, oncologue.\n", "appointment")
    assert (roles["person"], roles["org"]) == ("Leila Amrani", "Centre Atlas d'Oncologie")


def test_a_sentence_going_on_about_an_event_adds_its_city_and_capacity(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis Santé inaugurera en 2026 sa nouvelle clinique. Elle sera située à "
                 "Agadir et comptera 120 lits.\n", "opening")
    assert (roles["operator"], roles["city"], roles["date"]) == ("Vitalis Santé", "Agadir", "2026")
    assert roles["capacity"] == [{"value": 120, "unit": "lit"}]


def test_a_sentence_going_on_about_an_event_adds_its_amount_not_a_change(extractor) -> None:
    roles = only(extractor, "La société Vitalis Santé a annoncé une augmentation de capital auprès du fonds Oryx "
                 "Partners. Elle porte sur 150 millions de dirhams, en hausse de 20 millions de dirhams.\n", "funding")
    assert roles["amount"] == [{"value": 150_000_000, "currency": MAD}]


def test_a_sentence_about_something_else_adds_nothing_to_the_event_before(extractor) -> None:
    assert not events(extractor, "Le groupe Vitalis Santé inaugurera en 2026 sa nouvelle clinique. Le Centre Atlas "
                      "Santé est situé à Agadir.\n", "opening")
    assert not events(extractor, "La société Vitalis Santé a annoncé une augmentation de capital auprès du fonds Oryx "
                      "Partners. Le marché pèse 150 millions de dirhams.\n", "funding")


def test_an_investor_guessed_from_the_topic_yields_to_the_one_named_for_the_same_sum(extractor) -> None:
    text = ("Le groupe Boukar Holding fête ses vingt ans. Boukar Holding emploie 3 000 personnes dans le pays.\n"
            "Un investissement de 2 milliards de dirhams pour la construction de deux usines. Sa filiale, la société "
            "Ciments Tazrout, a investi 2 milliards de dirhams dans le projet.\n")
    roles = only(extractor, text, "investment")
    assert roles["investor"] == "Ciments Tazrout"


@pytest.mark.parametrize("source", ["indique le quotidien Assabah Al Maghribi", "selon Radio Tazrout"])
def test_the_paper_that_reports_is_no_party_to_the_event(extractor, source) -> None:
    text = f"La future station de dessalement nécessitera un investissement de 2 milliards de dirhams, {source}.\n"
    assert not events(extractor, text)


def test_a_trigger_inside_a_blocking_phrase_is_found_among_many_spans() -> None:
    from extract.events import _inside_any

    spans = sorted([(0, 30), (40, 45), (100, 102)] + [(200 + 10 * k, 205 + 10 * k) for k in range(50)])
    longest = max(e - s for s, e in spans)
    assert _inside_any(spans, longest, 5, 20) and _inside_any(spans, longest, 40, 45)
    assert _inside_any(spans, longest, 301, 304)
    assert not _inside_any(spans, longest, 25, 35) and not _inside_any(spans, longest, 101, 103)
    assert not _inside_any(spans, longest, 196, 199) and not _inside_any([], 0, 5, 6)


def test_a_generic_noun_opening_a_sentence_carries_the_subject_it_stands_for(extractor) -> None:
    text = ("Fondée en 2020, Medika Invest est une filiale du groupe Vitalis Santé. Cette société, dont le capital "
            "est détenu par Atlas Capital et Rif Invest, réalisera trois cliniques. La société a prévu un "
            "investissement de 90 millions de dirhams.\n")
    roles = only(extractor, text, "investment")
    assert roles["investor"] == "Medika Invest"


def test_a_reference_may_hold_an_ordinal_or_an_adjective(extractor) -> None:
    roles = only(extractor, "Le groupe Banque Atlas grandit. Le deuxième groupe bancaire du pays a annoncé le rachat "
                 "de la Clinique Badr.\n", "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Banque Atlas", "Clinique Badr")


def test_shares_of_an_investment_plan_told_before_are_no_events_but_a_project_with_its_city_is(extractor) -> None:
    text = ("L'Office national de l'eau a adopté un programme d'investissement de 40 milliards de dirhams. Ledit plan "
            "prévoit une enveloppe de 12 milliards de dirhams pour la branche eau. Un budget de 3 milliards de "
            "dirhams sera alloué à l'assainissement. L'Office investira aussi 900 millions de dirhams à Safi.\n")
    found = sorted((e["roles"]["amount"][0]["value"], e["roles"]["city"]) for e in events(extractor, text, "investment"))
    assert found == [(900_000_000, "Safi"), (40_000_000_000, None)]


def test_plants_that_will_be_located_in_listed_cities_are_openings_one_per_city(extractor) -> None:
    text = ("Le groupe Solaria Énergie a été créé en 2020. Cette société est chargée de réaliser trois centrales qui "
            "seront localisées à Ouarzazate, Tata et Guelmim.\n")
    assert sorted(e["roles"]["city"] for e in events(extractor, text, "opening")) == ["Guelmim", "Ouarzazate", "Tata"]


def test_a_city_that_only_situates_the_site_is_not_its_city(extractor) -> None:
    text = "Le groupe Vitalis Santé ouvrira une clinique à Tiznit. Elle sera érigée à 40 km au nord d'Agadir.\n"
    assert [e["roles"]["city"] for e in events(extractor, text, "opening")] == ["Tiznit"]
    assert not events(extractor, "Le groupe Vitalis Santé va ouvrir une clinique à 40 km au nord d'Agadir.\n",
                      "opening")


def test_what_a_group_does_in_morocco_its_moroccan_subsidiary_does(extractor) -> None:
    text = ("Inauguration samedi à Berrechid d'une unité de fabrication d'inhalateurs, pour un investissement de 60 MDH. "
            "Construite sur 4.000 m2, cette usine de Medilab-Maroc, filiale du groupe indien Medilab Ltd, produira "
            "des inhalateurs. Medilab Ltd exporte déjà vers l'Europe.\n")
    assert only(extractor, text, "opening")["operator"] == "Medilab-Maroc"
    assert only(extractor, text, "investment")["investor"] == "Medilab-Maroc"


def test_a_list_of_facilities_each_with_its_year_after_a_colon_is_one_opening_each(extractor) -> None:
    text = ("Le groupe Vitalis Santé a déjà lancé trois cliniques : la Clinique Nour de Rabat en 2018, la Clinique "
            "Badr de Fès en 2019 et la Clinique Al Amal d'Oujda en 2020.\n")
    found = sorted((e["roles"]["city"], e["roles"]["facility"]) for e in events(extractor, text, "opening"))
    assert found == [("Fès", "Clinique Badr de Fès"), ("Oujda", "Clinique Al Amal d'Oujda"),
                     ("Rabat", "Clinique Nour de Rabat")]
    assert {e["roles"]["operator"] for e in events(extractor, text, "opening")} == {"Vitalis Santé"}


def test_an_investor_leading_the_round_may_be_named_before_the_trigger(extractor) -> None:
    roles = only(extractor, "Menée par Atlas Capital, la levée de fonds de Medika Santé, d'un montant de 10 millions "
                 "de dollars, servira à recruter.\n", "funding")
    assert (roles["recipient"], roles["investors"]) == ("Medika Santé", ["Atlas Capital"])


def test_a_facility_that_will_be_operational_is_an_opening(extractor) -> None:
    roles = only(extractor, "L'usine du groupe Vitalis Santé à Kénitra sera opérationnelle dès 2026.\n", "opening")
    assert (roles["operator"], roles["city"], roles["date"]) == ("Vitalis Santé", "Kénitra", "2026")


def test_a_company_named_after_a_plant_noun_owns_the_plant(extractor) -> None:
    roles = only(extractor, "La mise en service de l'usine du constructeur Autonova à Kénitra a eu lieu en 2019.\n", "opening")
    assert (roles["operator"], roles["facility"], roles["city"]) == ("Autonova", None, "Kénitra")
    roles = only(extractor, "L'inauguration de la Clinique Badr à Fès a eu lieu en 2019.\n", "opening")
    assert roles["facility"] == "Clinique Badr"


def test_the_figure_compared_with_is_a_result_of_its_own_for_the_same_company(extractor) -> None:
    text = ("La CNSS a lancé une campagne. La CNSS recrute. Atlantis Assurance a publié ses comptes. Ses primes émises "
            "atteignent 5,8 milliards de dirhams en 2024. Le résultat net ressort à 612 MDH, contre 548 MDH en 2023.\n")
    found = sorted((e["roles"]["amount"][0]["value"], e["roles"]["org"], e["roles"]["period"])
                   for e in events(extractor, text, "result") if e["roles"]["metric"] == "net_income")
    assert found == [(548_000_000, "Atlantis Assurance", "2023"), (612_000_000, "Atlantis Assurance", "2024")]


def test_a_quoted_word_does_not_close_the_clause(extractor) -> None:
    roles = only(extractor, "Le bénéfice net du groupe Atlas Immo est resté «stable» à 327 millions de DH.\n", "result")
    assert roles["amount"] == [{"value": 327_000_000, "currency": MAD}]


def test_mais_aussi_joins_complements_and_a_name_closing_a_relative_clause_is_no_subject(extractor) -> None:
    text = ("Atlas Télécom, qui doit ce succès au Maroc, mais aussi à sa filiale Nordis Mobile, a réalisé un chiffre "
            "d'affaires de 8,24 milliards de dirhams.\n")
    assert only(extractor, text, "result")["org"] == "Atlas Télécom"


def test_a_noun_phrase_reference_with_no_subject_before_it_stands_for_the_topic(extractor) -> None:
    text = ("Le retrait du groupe français Valmont profite au groupe marocain Banque Atlas. Les clients de la Banque Atlas sont ravis. Le "
            "deuxième groupe bancaire du royaume a annoncé l'acquisition de la Banque des Îles.\n")
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Banque Atlas", "Banque des Îles")


def test_an_acquisition_in_the_infinitive_after_a_verb_of_intent(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis Santé s'apprête à mettre la main sur la Clinique Badr.\n", "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis Santé", "Clinique Badr")


def test_a_place_the_gazetteer_does_not_know_does_not_break_a_list_of_cities(extractor) -> None:
    text = ("Le groupe Solaria Énergie réalisera quatre centrales qui seront localisées à Tata, Sabkha Tah, Guelmim et "
            "Boujdour.\n")
    assert sorted(e["roles"]["city"] for e in events(extractor, text, "opening")) == ["Boujdour", "Guelmim", "Tata"]


def test_cities_a_group_targets_for_new_clinics_are_planned_openings(extractor) -> None:
    text = ("Le groupe Vitalis Santé prévoit douze cliniques à l'horizon 2026. Des villes peu desservies, telles que "
            "Nador, Safi et Taza, sont ciblées.\n")
    assert sorted(e["roles"]["city"] for e in events(extractor, text, "opening")) == ["Nador", "Safi", "Taza"]


def test_cette_derniere_is_the_organisation_named_last(extractor) -> None:
    text = ("Le projet est porté par Solaria Énergie avec le soutien de la Banque Atlas. Cette dernière accorde une "
            "ligne de crédit de 44 M€ à la société Solaria Énergie.\n")
    roles = only(extractor, text, "loan")
    assert (roles["lender"], roles["borrower"]) == ("Banque Atlas", "Solaria Énergie")


def test_an_outlet_spoken_to_fills_no_role(extractor) -> None:
    text = ("Le chiffre d'affaires s'est établi à 1,4 milliard de DH en 2018, confie au Matin le directeur général. "
            "Le bénéfice net est resté stable à 327 millions de DH.\n")
    assert all(e["roles"]["org"] != "Matin" for e in events(extractor, text, "result"))


def test_a_company_whose_assets_are_bought_is_the_seller(extractor) -> None:
    text = ("Le rachat par la Banque Atlas de deux actifs bancaires du groupe Valmont a été finalisé. La Banque Atlas "
            "a aussi racheté la Clinique Badr.\n")
    assert all(e["roles"]["target"] != "Valmont" for e in events(extractor, text, "acquisition"))


def test_a_role_noun_such_as_le_concessionnaire_refers_back(extractor) -> None:
    text = ("Filiale du groupe danois Nordsea, Atlas Terminals vient de remporter la concession du terminal 4. Le "
            "concessionnaire réalisera un investissement de 8,5 milliards de dirhams.\n")
    assert only(extractor, text, "investment")["investor"] == "Atlas Terminals"


def test_a_name_after_the_verb_is_no_sentence_subject_for_a_later_pronoun(extractor) -> None:
    text = ("Atlas Terminals a remporté la concession du terminal 4. Une extension est prévue dans un accord liant "
            "l'Agence portuaire du Nord à Atlas Terminals. Elle correspond à un investissement de 140 millions "
            "d'euros.\n")
    assert only(extractor, text, "investment")["investor"] == "Atlas Terminals"


def test_an_investment_takes_the_city_of_the_opening_of_its_investor(extractor) -> None:
    text = ("Le groupe Vitalis Santé a inauguré une clinique à Tiznit. Le projet a nécessité un investissement de 90 "
            "millions de dirhams.\n")
    assert only(extractor, text, "investment")["city"] == "Tiznit"


def test_after_avoir_the_main_clause_subject_did_it(extractor) -> None:
    roles = only(extractor, "Après avoir levé 10 millions de dollars en 2023, la startup Medika Santé ouvre une "
                 "clinique à Rabat.\n", "funding")
    assert (roles["recipient"], roles["amount"]) == ("Medika Santé", [{"value": 10_000_000, "currency": "USD"}])
    text = ("Le groupe Vitalis Santé grandit. En effet, après avoir pris le contrôle en 2016 de la Clinique Badr avec "
            "le concours du fonds Atlas Capital, le groupe fondé par Karim Alami cherche à se déployer.\n")
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"], roles["date"]) == ("Vitalis Santé", "Clinique Badr", "2016")


def test_an_opening_takes_the_city_the_sentence_before_places_its_facility_in(extractor) -> None:
    text = ("Le groupe Pharmalys construit une usine de comprimés. Cette unité, qui se situe dans la zone industrielle "
            "de Berrechid, s'étend sur 1,5 hectare. L'usine devrait être inaugurée dans quelques semaines.\n")
    assert only(extractor, text, "opening")["city"] == "Berrechid"


@pytest.mark.parametrize("text", [
    "Le groupe Vitalis prenait le contrôle de la Clinique Badr en 2019.\n",
    "En 2019, le groupe Vitalis rachetait la Clinique Badr.\n",
])
def test_triggers_in_the_imperfect(extractor, text: str) -> None:
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis", "Clinique Badr")


def test_selling_its_stake_in_a_company_makes_the_owner_the_seller(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis va finaliser la cession de 30% de ses parts dans la Clinique Badr au "
                 "groupe allemand Heidel.\n", "acquisition")
    assert (roles["buyer"], roles["target"], roles["seller"]) == ("Heidel", "Clinique Badr", "Vitalis")
    assert roles["stake"] == [{"value": 30, "unit": "%"}]


@pytest.mark.parametrize(("text", "org"), [
    ("Mehdi Bouriss est le nouveau directeur général de CDG Capital.\n", "CDG Capital"),
    ("Mehdi Bouriss occupe désormais le poste de directeur général de CDG Capital.\n", "CDG Capital"),
    ("Mehdi Bouriss a pris ses fonctions à la tête de CDG Capital.\n", "CDG Capital"),
    # an organisation names through its board
    ("Le conseil d'administration de CDG Capital a nommé Mehdi Bouriss directeur général.\n", "CDG Capital"),
    ("Le conseil de surveillance de CDG Capital, réuni mardi, a désigné M. Mehdi Bouriss à sa présidence.\n",
     "CDG Capital"),
    ("Le conseil de la MAMDA-MCMA a nommé M. Mehdi Bouriss président.\n", "MAMDA-MCMA"),
])
def test_appointments_stated_as_a_new_post_or_by_a_board(extractor, text: str, org: str) -> None:
    roles = only(extractor, text, "appointment")
    assert (roles["person"], roles["org"]) == ("Mehdi Bouriss", org)


@pytest.mark.parametrize(("text", "people"), [
    ("Le conseil a nommé Karim Alaoui, Salma Tazi et Omar Bennani administrateurs de Lydec.\n",
     ["Karim Alaoui", "Omar Bennani", "Salma Tazi"]),
    ("Karim Alaoui et Omar Bennani ont été nommés administrateurs de Lydec.\n", ["Karim Alaoui", "Omar Bennani"]),
])
def test_one_appointment_per_person_of_a_list(extractor, text: str, people: list[str]) -> None:
    found = events(extractor, text, "appointment")
    assert sorted((e["roles"]["person"], e["roles"]["org"]) for e in found) == [(p, "Lydec") for p in people]


def test_a_person_replaced_is_no_appointee(extractor) -> None:
    text = "Karim Alaoui a été nommé directeur général de Lydec, en remplacement de Salma Tazi.\n"
    assert [e["roles"]["person"] for e in events(extractor, text, "appointment")] == ["Karim Alaoui"]


def test_a_board_member_of_another_body_is_no_appointer(extractor) -> None:
    text = "Le président de la Banque Atlas, Karim Alaoui, a salué la nomination de Mehdi Bouriss à la tête de CDG Capital.\n"
    roles = only(extractor, text, "appointment")
    assert (roles["person"], roles["org"]) == ("Mehdi Bouriss", "CDG Capital")


def test_one_loan_per_sum_and_borrower_of_a_list(extractor) -> None:
    text = ("La BEI accorde un prêt de 115 millions d'euros à la société Atlas Santé, de 100 millions d'euros à la "
            "société Rif Transport et de 50 millions d'euros à la société Nour Énergie.\n")
    found = sorted((e["roles"]["amount"][0]["value"], e["roles"]["borrower"], e["roles"]["lender"])
                   for e in events(extractor, text, "loan"))
    assert found == [(50_000_000, "Nour Énergie", "BEI"), (100_000_000, "Rif Transport", "BEI"),
                     (115_000_000, "Atlas Santé", "BEI")]


def test_money_invested_in_an_acquisition_is_the_acquisition_s_price(extractor) -> None:
    text = "Le groupe hôtelier Vitalis a investi 35 millions d'euros dans l'acquisition du complexe Palmeraie Resort.\n"
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis", "Palmeraie Resort")
    assert roles["amount"] == [{"value": 35_000_000, "currency": "EUR"}]
    assert not events(extractor, text, "funding") and not events(extractor, text, "investment")


@pytest.mark.parametrize("text", [
    "La société Nova Pay vise à lever 50 millions de dirhams auprès d'Atlas Capital.\n",
    "Lancé en 2020, le fonds Atlas Growth II a pour objectif de lever 100 millions d'euros.\n",
    "Le groupe Medika Santé vise une levée de fonds de 300 millions de dirhams.\n",
])
def test_a_sum_a_company_aims_to_raise_is_no_funding(extractor, text: str) -> None:
    assert not events(extractor, text, "funding")


@pytest.mark.parametrize("text", [
    "La banque Atlas Crédit a levé 1 milliard de dirhams par voie d'emprunt obligataire subordonné en juin.\n",
    "Le groupe Medika Santé lève une dette de 500 millions de dirhams auprès de quatre banques.\n",
])
def test_raising_debt_is_no_funding(extractor, text: str) -> None:
    assert not events(extractor, text, "funding")


def test_the_capital_reached_after_a_raise_is_not_its_sum(extractor) -> None:
    text = ("Le laboratoire Nova Pharma a bouclé une augmentation de capital, portant son capital social à 400 millions "
            "de dirhams.\n")
    assert not events(extractor, text, "funding")
    roles = only(extractor, "Nova Pharma a bouclé une augmentation de capital de 100 millions de dirhams, portant son "
                 "capital social à 400 millions de dirhams.\n", "funding")
    assert roles["amount"] == [{"value": 100_000_000, "currency": MAD}]
    roles = only(extractor, "Nova Pharma a réalisé une augmentation de capital social de 100 millions de dirhams.\n",
                 "funding")  # the sum raised, no capital reached
    assert roles["amount"] == [{"value": 100_000_000, "currency": MAD}]


def test_a_raise_with_no_company_named_is_by_the_company_the_text_is_about(extractor) -> None:
    text = ("Le promoteur Atlas Immo a publié ses comptes annuels. Atlas Immo a réduit son endettement. En intégrant "
            "l'augmentation de capital de 2 milliards de dirhams réalisée en mars, ses fonds propres progressent.\n")
    roles = only(extractor, text, "funding")
    assert roles["recipient"] == "Atlas Immo" and roles["amount"] == [{"value": 2_000_000_000, "currency": MAD}]


def test_a_bank_named_banque_or_bank_as_subject_of_a_loan_lends(extractor) -> None:
    roles = only(extractor, "La Banque Atlantique a conclu un accord de prêt de 40 millions d'euros avec Nova "
                 "Santé.\n", "loan")
    assert roles["lender"] == "Banque Atlantique" and roles["amount"] == [{"value": 40_000_000, "currency": "EUR"}]


def test_a_bank_a_financing_agreement_was_signed_with_lends(extractor) -> None:
    roles = only(extractor, "La convention signée avec la Banque Atlantique concerne le financement de la deuxième "
                 "phase du projet pour 40 millions d'euros.\n", "loan")
    assert roles["lender"] == "Banque Atlantique" and roles["amount"] == [{"value": 40_000_000, "currency": "EUR"}]
    assert not events(extractor, "L'accord de prêt signé avec Nova Santé porte sur un financement de 40 millions "
                      "d'euros.\n", "loan")  # a company signed with borrows: no lender named


def test_one_loan_per_project_and_sum_of_a_list(extractor) -> None:
    found = events(extractor, "La convention signée avec la Banque Atlantique concerne le financement de la première "
                   "tranche pour 30 millions d'euros et de la seconde tranche pour 20 millions d'euros.\n", "loan")
    assert sorted(e["roles"]["amount"][0]["value"] for e in found) == [20_000_000, 30_000_000]
    assert {e["roles"]["lender"] for e in found} == {"Banque Atlantique"}


def test_a_sum_over_several_financing_agreements_is_no_loan(extractor) -> None:
    text = ("La société Nova Énergie et la Banque Atlantique ont signé plusieurs conventions portant sur le "
            "financement, à hauteur de 3 milliards de dirhams, de ses parcs éoliens.\n")
    assert not events(extractor, text, "loan")


def test_a_capital_increase_an_operation_combines_is_a_part_of_it(extractor) -> None:
    text = ("Le laboratoire Nova Pharma a obtenu le visa de son introduction en Bourse. L'opération porte sur 400 "
            "millions de dirhams. Elle combine une augmentation de capital de 250 millions de dirhams et une cession "
            "d'actions.\n")
    found = events(extractor, text, "funding")
    assert [e["roles"]["amount"] for e in found] == [[{"value": 400_000_000, "currency": MAD}]]


def test_a_loan_with_no_borrower_named_is_to_the_company_the_text_is_about(extractor) -> None:
    text = ("Nova Énergie construit un parc éolien près de la côte. Nova Énergie a retenu ses fournisseurs. La Banque "
            "Atlantique accorde un prêt de 50 millions d'euros pour le projet.\n")
    roles = only(extractor, text, "loan")
    assert roles["lender"] == "Banque Atlantique" and roles["borrower"] == "Nova Énergie"


@pytest.mark.parametrize("text", [
    "Le groupe Vitalis Santé a créé une filiale à Casablanca en 2023.\n",
    "Vitalis Santé vient de créer sa propre société de distribution à Agadir.\n",
    "Le ministère de la Santé a procédé à Fès au lancement de la campagne nationale de vaccination.\n",
])
def test_founding_a_company_or_starting_a_campaign_is_no_opening(extractor, text: str) -> None:
    assert not events(extractor, text, "opening")


def test_a_facility_of_the_group_still_opens(extractor) -> None:
    roles = only(extractor, "Vitalis Santé annonce la création d'une nouvelle clinique du groupe à Agadir.\n", "opening")
    assert (roles["operator"], roles["city"]) == ("Vitalis Santé", "Agadir")


def test_a_project_led_by_a_company_is_its_investment(extractor) -> None:
    roles = only(extractor, "Kasbah Resorts ouvrira un hôtel à Agadir en 2025. Le projet est mené par Atlas "
                 "Hospitality, un groupe familial, avec un investissement de 400 millions de dirhams.\n", "investment")
    assert roles["investor"] == "Atlas Hospitality"
    assert roles["amount"] == [{"value": 400_000_000, "currency": MAD}]


def test_an_opening_told_of_the_facility_takes_the_city_it_was_placed_in(extractor) -> None:
    roles = only(extractor, "Le laboratoire Atlas Pharma construira une seconde unité de production de 2 hectares à "
                 "Settat. Elle emploiera 300 personnes. La nouvelle usine ouvrira ses portes fin 2026.\n", "opening")
    assert (roles["operator"], roles["city"], roles["date"]) == ("Atlas Pharma", "Settat", "2026")


def test_a_city_after_another_opening_trigger_is_that_one_s(extractor) -> None:
    found = events(extractor, "À Meknès, le groupe Vitalis Santé va ouvrir une clinique et en ouvrira une autre à "
                   "Taroudant.\n", "opening")
    assert sorted(e["roles"]["city"] for e in found) == ["Meknès", "Taroudant"]


def test_quant_a_makes_the_name_the_subject_its_pronoun_stands_for(extractor) -> None:
    found = events(extractor, "Le groupe Kasbah Resorts ouvrira un hôtel à Agadir en 2025. Quant au groupe Vitalis "
                   "Santé, il prévoit l'ouverture de trois cliniques à Tanger en 2026.\n", "opening")
    assert {(e["roles"]["operator"], e["roles"]["city"]) for e in found} == {("Kasbah Resorts", "Agadir"),
                                                                             ("Vitalis Santé", "Tanger")}


@pytest.mark.parametrize("text", [
    "Le groupe Kasbah Resorts investit au Maroc. L'usine de Atlas Pharma nécessitera 300 millions de dirhams.\n",
    "Le groupe Kasbah Resorts investit au Maroc. Le coût du projet de Atlas Pharma est estimé à 300 millions de "
    "dirhams.\n",
])
def test_what_a_project_will_cost_is_its_investment(extractor, text: str) -> None:
    roles = only(extractor, text, "investment")
    assert roles["investor"] == "Atlas Pharma" and roles["amount"] == [{"value": 300_000_000, "currency": MAD}]


def test_the_cost_of_risk_is_no_investment(extractor) -> None:
    assert not events(extractor, "Le coût du risque de Banque Atlas a atteint 900 millions de dirhams.\n", "investment")


def test_a_facility_that_opens_by_itself_is_the_facility_of_its_group(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis Santé exploite trois cliniques. Le groupe Vitalis Santé est né en 1994. "
                 "La plus récente est la Clinique Internationale de Tétouan qui a ouvert en mai 2021.\n", "opening")
    assert (roles["operator"], roles["facility"], roles["city"]) == (
        "Vitalis Santé", "Clinique Internationale de Tétouan", "Tétouan")


@pytest.mark.parametrize("text", [
    "Le fonds Atlas Capital vient d'investir 300 millions de dirhams dans Medika Santé.\n",
    "Le fonds Atlas Capital a annoncé avoir investi 300 millions de dirhams dans le capital de Medika Santé.\n",
])
def test_investing_in_a_company_in_the_infinitive_or_participle_is_funding(extractor, text: str) -> None:
    roles = only(extractor, text, "funding")
    assert roles["recipient"] == "Medika Santé" and roles["investors"] == ["Atlas Capital"]
    assert not events(extractor, text, "investment")


def test_a_group_that_equips_itself_with_a_plant_opens_it(extractor) -> None:
    roles = only(extractor, "Le constructeur Atlas Motors s'est doté en 2012 d'une vaste usine de montage à "
                 "Kénitra.\n", "opening")
    assert (roles["operator"], roles["city"], roles["date"]) == ("Atlas Motors", "Kénitra", "2012")
    assert not events(extractor, "Le groupe Atlas Motors s'est doté de trois nouvelles filiales à Kénitra.\n", "opening")


def test_a_name_repeated_after_an_elided_article_is_a_mention(extractor) -> None:
    roles = only(extractor, "L’Office national des ports (ONP) recrute. Le roi Mohammed VI a nommé Karim Bennani à la "
                 "tête de l’ONP, à la place de Driss Alaoui.\n", "appointment")
    assert (roles["person"], roles["org"]) == ("Karim Bennani", "Office national des ports")


@pytest.mark.parametrize(("text", "event_type", "pair"), [
    ("Nommé à la direction générale de Vitalis Santé en mai 2018, Karim Bennani pilote aussi la filiale.\n",
     "appointment", ("person", "Karim Bennani")),
    ("Rachetée en 2021 par le groupe Akdital, la Clinique Badr compte 120 lits.\n", "acquisition",
     ("target", "Clinique Badr")),
])
def test_a_participle_opening_the_sentence_tells_of_the_main_subject(extractor, text, event_type, pair) -> None:
    roles = only(extractor, text, event_type)
    assert roles[pair[0]] == pair[1]


def test_compte_with_a_count_is_no_forecast_but_with_an_infinitive_is(extractor) -> None:
    roles = only(extractor, "L'opérateur Vitalis Télécom, qui compte 12 millions d'abonnés, a réalisé un chiffre "
                 "d'affaire de 900 millions de dirhams en 2023.\n", "result")
    assert roles["amount"] == [{"value": 900_000_000, "currency": MAD}] and roles["org"] == "Vitalis Télécom"
    assert not events(extractor, "Vitalis Télécom compte atteindre un chiffre d'affaires de 2 milliards de dirhams "
                      "en 2027.\n", "result")


def test_the_holder_of_the_stake_bought_is_the_seller_not_the_target(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis a finalisé l'acquisition des 40% du capital que détenait le fonds Atlas "
                 "Capital dans la Clinique Badr.\n", "acquisition")
    assert (roles["buyer"], roles["target"], roles["seller"]) == ("Vitalis", "Clinique Badr", "Atlas Capital")
    assert not events(extractor, "Le rachat par Medika Santé des 20% que possédait la société Atlas Capital a été "
                      "bouclé.\n", "acquisition")


def test_a_name_apposed_to_an_acquisition_noun_is_its_target(extractor) -> None:
    roles = only(extractor, "Vitalis Santé, qui doit ce succès à sa dernière acquisition Clinique Badr, a réalisé un "
                 "chiffre d'affaires de 900 millions de dirhams.\n", "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis Santé", "Clinique Badr")
    found = events(extractor, "Le groupe Vitalis a racheté la société Kalima en 2021. Après cette acquisition, "
                   "Vitalis a ouvert un centre à Fès.\n", "acquisition")
    assert found and all(e["roles"]["target"] != e["roles"]["buyer"] for e in found)


def test_the_company_whose_shares_are_sold_is_the_target(extractor) -> None:
    roles = only(extractor, "Cette année a été marquée par la cession des parts de la société Kalima au profit du "
                 "fonds Nour Capital.\n", "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Nour Capital", "Kalima")
    roles = only(extractor, "La cession des parts de la société Kalima dans la Clinique Badr au groupe allemand "
                 "Heidel a été bouclée.\n", "acquisition")
    assert (roles["buyer"], roles["target"], roles["seller"]) == ("Heidel", "Clinique Badr", "Kalima")


def test_a_listed_facility_whose_name_holds_two_cities_opens_in_the_last(extractor) -> None:
    found = events(extractor, "Le groupe Dounia Santé a inauguré deux établissements : la polyclinique Rabat Agdal en "
                   "2016 et le centre Marrakech Guéliz en 2021.\n", "opening")
    assert sorted(e["roles"]["city"] for e in found) == ["Agdal", "Guéliz"]
    roles = only(extractor, "Le groupe Dounia Santé a inauguré la polyclinique Rabat Agdal en 2016.\n", "opening")
    assert roles["city"] == "Agdal"


def test_a_future_plant_opens_and_the_maker_named_after_it_runs_it(extractor) -> None:
    roles = only(extractor, "Les travaux de la future usine Helvor Automotive de Tanger débuteront en mars.\n", "opening")
    assert (roles["operator"], roles["city"]) == ("Helvor Automotive", "Tanger")


@pytest.mark.parametrize("text", [
    "Rabat – Le groupe Medika Santé a inauguré vendredi une nouvelle clinique de 120 lits.\n",
    "Titre\nRabat (MAP) - Le groupe Medika Santé a inauguré vendredi une nouvelle clinique de 120 lits.\n",
])
def test_the_city_of_a_dateline_is_no_place_of_the_event(extractor, text: str) -> None:
    assert not events(extractor, text, "opening")
    roles = only(extractor, "Le groupe Medika Santé a inauguré une nouvelle clinique à Rabat - Agdal.\n", "opening")
    assert roles["city"] == "Rabat"


def test_shares_of_a_company_bought_stay_with_their_holder(extractor) -> None:
    found = events(extractor, "Le fonds Nour Capital s'offre les parts de la société Kalima, puis rachète la Clinique "
                   "Atlas.\n", "acquisition")
    assert [e["roles"]["target"] for e in found] == ["Clinique Atlas"]


@pytest.mark.parametrize("text, pair", [
    ("Le groupe Holcim a racheté les actions de la société Lafarge Maroc.\n", ("Holcim", "Lafarge Maroc")),
    ("La société Wafa Assurance a racheté les actions de la Compagnie minière de Touissit.\n",
     ("Wafa Assurance", "Compagnie minière de Touissit")),
])
def test_the_shares_of_a_company_bought_buy_that_company(extractor, text: str, pair: tuple[str, str]) -> None:
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == pair


@pytest.mark.parametrize("text", [
    "La Clinique Badr passe sous le contrôle du groupe Vitalis.\n",
    "Fin 2024, la Clinique Badr est passée dans le giron du groupe Vitalis.\n",
    "La Clinique Badr tombe dans l'escarcelle du groupe Vitalis.\n",
])
def test_a_company_passing_under_a_buyers_control_is_the_target(extractor, text: str) -> None:
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis", "Clinique Badr")


@pytest.mark.parametrize("text", [
    "Le groupe Vitalis va s'offrir la Clinique Badr.\n",
    "Le groupe Vitalis a lancé une offre publique d'achat sur la Clinique Badr.\n",
])
def test_offering_oneself_a_company_and_a_takeover_bid_are_acquisitions(extractor, text: str) -> None:
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis", "Clinique Badr")


def test_a_named_facility_founded_opens_but_a_company_founded_does_not(extractor) -> None:
    roles = only(extractor, "Le Kasbah Resort d'Erfoud, créé en 2005 par le groupe Sahara Tours, rouvre après deux ans "
                 "de travaux.\n", "opening")
    assert (roles["operator"], roles["city"], roles["facility"]) == ("Sahara Tours", "Erfoud", "Kasbah Resort")
    assert roles["date"] == "2005"
    assert not events(extractor, "Créée en 2011 par le groupe Vitalis, la société Sotradis est basée à Agadir.\n",
                      "opening")


def test_the_organisation_of_a_speakers_title_after_the_trigger_fills_no_role(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis a inauguré vendredi à Fès une nouvelle usine, a indiqué Karim Alaoui, "
                 "président de l'Association Atlas Santé.\n", "opening")
    assert (roles["operator"], roles["city"], roles["facility"]) == ("Vitalis", "Fès", None)
    text = ("La société Sotradis investira 200 millions de dirhams à Fès, a déclaré Karim Alaoui, directeur général "
            "de Medika Santé.\n")
    assert not events(extractor, text, "funding") and only(extractor, text, "investment")["investor"] == "Sotradis"


@pytest.mark.parametrize("text", [
    "Le groupe Vitalis a racheté par ailleurs la Clinique Badr.\n",
    "Le groupe Vitalis rachètera sur fonds propres la Clinique Badr, selon son président.\n",
])
def test_a_set_phrase_opening_with_a_cue_word_is_no_cue(extractor, text: str) -> None:
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Vitalis", "Clinique Badr")


def test_a_city_that_will_host_a_plant_is_where_it_opens(extractor) -> None:
    roles = only(extractor, "D'ici 2026, la ville de Laâyoune abritera une centrale du groupe Sahel Énergie.\n",
                 "opening")
    assert (roles["operator"], roles["city"]) == ("Sahel Énergie", "Laâyoune")
    assert not events(extractor, "La ville de Berrechid accueillera le congrès de la société Nordcab.\n", "opening")


def test_an_opening_noun_governed_by_an_investment_leaves_it_the_sum(extractor) -> None:
    roles = only(extractor, "La chaîne Dunia Mode veut grandir vite : l'investissement requis pour l'ouverture de 8 "
                 "boutiques atteindra 75 millions de dirhams.\n", "investment")
    assert roles["investor"] == "Dunia Mode" and roles["amount"] == [{"value": 75_000_000, "currency": MAD}]


def test_a_result_belongs_to_the_company_named_right_after_its_noun_not_to_one_further_on(extractor) -> None:
    text = ("Le groupe Orbeo a publié ses comptes annuels. Le bénéfice net atteint 95 millions de dirhams, porté par les "
            "commandes record de la société Delmar Import.\n")
    assert only(extractor, text, "result")["org"] == "Orbeo"
    text = "Le résultat net de la société Delmar Import ressort à 48 millions de dirhams pour 2023.\n"
    assert only(extractor, text, "result")["org"] == "Delmar Import"


@pytest.mark.parametrize(("text", "org"), [
    ("Le groupe Sahara Logistique publie ses comptes annuels. Par ailleurs, le chiffre d'affaires consolidé de la "
     "société Tindouf Energie a atteint 2,4 milliards de dirhams en 2023.\n", "Tindouf Energie"),
    ("Chez Sahara Logistique, on attend. Le résultat net global du groupe Oued Béton progresse à 90 millions de "
     "dirhams.\n", "Oued Béton"),
])
def test_a_result_belongs_to_the_company_named_after_its_noun_and_one_adjective(extractor, text: str, org: str) -> None:
    assert only(extractor, text, "result")["org"] == org


def test_a_segment_s_share_of_revenue_is_no_result_of_its_own(extractor) -> None:
    text = ("En 2023, la société Orbeo Textile a réalisé un chiffre d'affaires de 2 milliards de dirhams. La branche "
            "export y contribue désormais pour 40% du chiffre d'affaires, avec 800 millions de dirhams.\n")
    found = events(extractor, text, "result")
    assert [e["roles"]["amount"][0]["value"] for e in found] == [2_000_000_000]


def test_a_hard_wrapped_line_goes_on_with_the_sentence_of_the_line_before(extractor) -> None:
    text = ("La société Ennour Solaire prépare sa première centrale. D'après un rapport de\n"
            "l'Agence régionale de l'Oriental (ARO), le montant de l'investissement\n"
            "atteindra 1,5 milliard de dirhams.\n")
    roles = only(extractor, text, "investment")
    assert roles["investor"] == "Ennour Solaire" and roles["amount"] == [{"value": 1_500_000_000, "currency": MAD}]


def test_the_bank_whose_relative_clause_states_the_sum_lends_it(extractor) -> None:
    text = ("Plusieurs bailleurs participent au financement de la station de dessalement, à savoir le Fonds Sahel, "
            "l'Agence Nordique et la Banque des Deux Rives, qui devrait prêter 90 millions d'euros.\n")
    assert only(extractor, text, "loan")["lender"] == "Banque des Deux Rives"


def test_a_sum_belongs_to_the_trigger_noun_it_measures(extractor) -> None:
    text = ("La société Kalima promet à ses bailleurs, en échange de leur investissement, 20 millions de dirhams de "
            "chiffre d'affaires dès 2026.\n")
    assert not events(extractor, text, "investment")


def test_a_figure_of_the_period_compared_with_in_a_relative_clause_is_a_result_of_its_own(extractor) -> None:
    text = ("La société Tarik Ciments a vu son bénéfice net grimper à 75 millions de dirhams en 2023, bien au-dessus de "
            "l'exercice 2018 où il atteignait 52 millions de dirhams.\n")
    found = {e["roles"]["amount"][0]["value"]: e["roles"]["period"] for e in events(extractor, text, "result")}
    assert found == {75_000_000: "2023", 52_000_000: "2018"}


def test_an_investment_with_no_city_is_in_the_one_city_of_the_sentence_before(extractor) -> None:
    text = ("La société Lina Hôtels construit un complexe touristique à Dakhla. Le chantier mobilisera un investissement "
            "de 300 millions de dirhams et créera 400 emplois.\n")
    assert only(extractor, text, "investment")["city"] == "Dakhla"
    text = ("La société Lina Hôtels prévoit deux complexes touristiques, l'un à Dakhla, l'autre à Saïdia. Ils "
            "nécessiteront un investissement de 300 millions de dirhams.\n")
    assert only(extractor, text, "investment")["city"] is None


def test_a_result_that_names_no_period_is_of_the_period_of_the_result_before(extractor) -> None:
    text = ("En 2021, le chiffre d'affaires de la société Tarik Ciments a grimpé à 2,3 milliards de dirhams. De son côté, "
            "le bénéfice net se maintient à 410 millions de dirhams.\n")
    found = {e["roles"]["metric"]: e["roles"]["period"] for e in events(extractor, text, "result")}
    assert found == {"revenue": "2021", "net_income": "2021"}


def test_an_investment_whose_sum_is_the_sum_of_two_others_is_a_total(extractor) -> None:
    text = ("Le fabricant Helvor va investir 350 millions de dirhams à Oujda alors que Mardane prévoit d'investir 150 "
            "millions de dirhams à Nador. Au total, les deux groupes investiront 500 millions de dirhams.\n")
    found = sorted(e["roles"]["amount"][0]["value"] for e in events(extractor, text, "investment"))
    assert found == [150_000_000, 350_000_000]


def test_a_sum_of_others_by_a_company_of_its_own_is_no_total(extractor) -> None:
    text = ("Trois usines verront le jour dans l'Oriental. Le groupe Rif Textile investira 100 millions de dirhams à Fès. "
            "La société Nador Plast y consacrera 200 millions de dirhams à Meknès. Enfin, Atlas Cuir injectera 300 "
            "millions de dirhams à Taza.\n")
    found = {e["roles"]["amount"][0]["value"]: e["roles"]["investor"] for e in events(extractor, text, "investment")}
    assert found == {100_000_000: "Rif Textile", 200_000_000: "Nador Plast", 300_000_000: "Atlas Cuir"}


def test_a_pronoun_after_a_topic_marker_and_a_common_noun_stands_for_no_organisation(extractor) -> None:
    text = ("L'Agence des ports a obtenu deux financements. Le Fonds Sahel lui accorde un prêt de 60 millions d'euros. "
            "Quant au contrat conclu avec la Banque des Deux Rives, il couvre le financement du terminal à hauteur de 25 "
            "millions d'euros.\n")
    found = {e["roles"]["amount"][0]["value"]: e["roles"]["lender"] for e in events(extractor, text, "loan")}
    assert found == {60_000_000: "Fonds Sahel", 25_000_000: "Banque des Deux Rives"}


def test_a_hospital_the_text_is_about_runs_no_other_facility_it_does_not_name(extractor) -> None:
    assert not events(extractor, "L'ancien Hôpital Al Farabi de Meknès sera entièrement rénové d'ici 2027. Par "
                      "ailleurs, trois nouveaux centres de santé verront le jour à Taza, Ifrane et Azrou.\n", "opening")


def test_a_possessive_is_no_subject_of_a_passive_sale(extractor) -> None:
    assert not events(extractor, "Le groupe Soltane Energie a achevé sa centrale solaire. Dès sa mise en service, "
                      "l'électricité produite sera vendue à la Régie autonome de distribution de Fès.\n", "acquisition")


def test_a_company_launched_by_another_opens_nothing(extractor) -> None:
    assert not events(extractor, "Lancée en 2012 par la société Sigma Invest, la société Nordex Maroc est implantée à "
                      "Kénitra.\n", "opening")
    roles = only(extractor, "Inaugurée en 2019 par le groupe Sigma Santé, la Clinique Nour compte 80 lits à Kénitra.\n",
                 "opening")
    assert (roles["operator"], roles["city"]) == ("Sigma Santé", "Kénitra")


@pytest.mark.parametrize("text", [
    "Le fonds Nour Capital a annoncé le rachat de deux laboratoires au Maroc. Il s'agit du Laboratoire Atlas Analyses, "
    "basé à Fès, et de la société Biolab Souss, à Agadir.\n",
    "En mars, le fonds Nour Capital a racheté deux laboratoires d'analyses, pour un montant non dévoilé. Il s'agit "
    "de la société Biolab Souss et du Laboratoire Atlas Analyses.\n",
])
def test_targets_named_in_the_next_sentence_after_il_s_agit_de(extractor, text: str) -> None:
    found = events(extractor, text, "acquisition")
    assert sorted((e["roles"]["buyer"], e["roles"]["target"]) for e in found) == [
        ("Nour Capital", "Biolab Souss"), ("Nour Capital", "Laboratoire Atlas Analyses")]


def test_il_s_agit_de_within_a_sentence_of_its_own_names_no_target(extractor) -> None:
    found = events(extractor, "Le groupe Akdital a acquis deux cliniques à Tanger. Le groupe a également signé un "
                   "partenariat : il s'agit de la société Saham Assurance, qui couvrira les patients.\n", "acquisition")
    assert "Saham Assurance" not in [e["roles"]["target"] for e in found]


@pytest.mark.parametrize("text, fact", [
    ("Ingénieur de formation, Samir Benali a débuté chez Orion Telecom en 1998. Samir Benali a ensuite fondé un cabinet "
     "de conseil. En 2009, il est nommé à la tête de la société Nordis Maroc.\n", ("Samir Benali", "Nordis Maroc", "2009")),
    ("Nadia Kettani a longtemps dirigé la filiale d'Orion Telecom. Nadia Kettani connaît bien le secteur, et elle a été "
     "désignée directrice générale de la société Nordis Maroc le 4 avril 2016.\n",
     ("Nadia Kettani", "Nordis Maroc", "2016-04-04")),
    ("Leila Chraibi a présidé la fédération du textile. Elle a quitté la fédération en 2017 et a été désignée en 2018 "
     "directrice générale de la société Nordis Maroc.\n", ("Leila Chraibi", "Nordis Maroc", "2018")),
])
def test_a_pronoun_named_to_a_post_is_the_person_the_text_tells_of(extractor, text: str, fact: tuple) -> None:
    found = events(extractor, text, "appointment")
    assert [(e["roles"]["person"], e["roles"]["org"], e["roles"]["date"]) for e in found] == [fact]


@pytest.mark.parametrize("text", [
    "Karim Bennani, fondateur de la société Dislog, a accordé un entretien au quotidien. Il a salué la nomination d'un "
    "nouveau directeur général à la tête de la banque BMCE.\n",
    "Ahmed Alami, analyste chez CDG Capital, a commenté les résultats. Selon lui, il faudra attendre la nomination d'un "
    "nouveau patron à la tête de la société Samir.\n",
    "Ahmed Rahhou a rencontré les dirigeants de la société Managem. Il y a deux ans, la société Ciments du Maroc a "
    "annoncé sa nomination d'un directeur.\n",
])
def test_a_pronoun_that_is_no_subject_of_the_post_names_no_person(extractor, text: str) -> None:
    assert not [e for e in events(extractor, text, "appointment") if e["roles"]["person"]]


def test_a_name_after_a_facility_noun_is_the_facility_that_opens(extractor) -> None:
    roles = only(extractor, "Le groupe Sigma Tourisme poursuit son expansion. Le groupe Sigma Tourisme exploite déjà "
                 "trois hôtels. Le complexe touristique Atlas Bay a ouvert en mai à Agadir.\n", "opening")
    assert (roles["operator"], roles["facility"], roles["city"]) == ("Sigma Tourisme", "Atlas Bay", "Agadir")
    roles = only(extractor, "Le groupe Sigma Ports investit dans la logistique. Après deux ans de travaux, le terminal "
                 "Nador Ouest a ouvert ses portes le 3 mars 2021.\n", "opening")
    assert (roles["operator"], roles["facility"]) == ("Sigma Ports", "Nador Ouest")


@pytest.mark.parametrize("text", [
    "La plateforme Jumia a ouvert un entrepôt à Casablanca.\n",
    "Le complexe hôtelier Atlas Bay a ouvert vendredi deux nouveaux restaurants à Agadir.\n",
])
def test_a_name_after_a_facility_noun_that_opens_something_is_no_facility(extractor, text: str) -> None:
    assert all(e["roles"]["facility"] not in ("Jumia", "Atlas Bay") for e in events(extractor, text, "opening"))


def test_a_company_bought_with_no_agent_named_was_bought_by_the_subject_before(extractor) -> None:
    roles = only(extractor, "Le groupe Vitalis Santé s'est associé dès 2018 à la Clinique Badr. La Clinique "
                 "Badr a été rachetée en juillet 2021.\n", "acquisition")
    assert (roles["buyer"], roles["target"], roles["date"]) == ("Vitalis Santé", "Clinique Badr", "2021-07")


@pytest.mark.parametrize("text", [
    "Le ministère de la Santé a inspecté plusieurs établissements à Rabat. La clinique Al Madina a été rachetée en "
    "2021.\n",
    "La société Marjane a publié ses résultats annuels. La société Atacadao a été rachetée en 2019.\n",
])
def test_a_sentence_before_that_tells_of_something_else_names_no_buyer(extractor, text: str) -> None:
    assert not events(extractor, text, "acquisition")


@pytest.mark.parametrize("text, pair", [
    ("Depuis lundi, Karim Alaoui remplace Driss Lahlou à la direction de la Caisse Atlas.\n",
     ("Karim Alaoui", "Caisse Atlas")),
    ("Nadia Berrada devient directrice générale de Sigma Assurance.\n", ("Nadia Berrada", "Sigma Assurance")),
    ("Youssef Tazi a été installé à la présidence du groupe Nordis.\n", ("Youssef Tazi", "Nordis")),
    ("Le 12 janvier, Omar Fassi sera officiellement installé à la présidence de la Caisse Atlas.\n",
     ("Omar Fassi", "Caisse Atlas")),
    ("Appelée à la direction de la société Atlas Data en 2019, Salma Idrissi y pilote la transformation numérique.\n",
     ("Salma Idrissi", "Atlas Data")),
])
def test_more_ways_of_taking_a_post(extractor, text: str, pair: tuple[str, str]) -> None:
    roles = only(extractor, text, "appointment")
    assert (roles["person"], roles["org"]) == pair


@pytest.mark.parametrize("text", [
    "Ahmed Benali, directeur commercial de la société Cosumar, estime que la croissance a porté la société à la tête du "
    "marché.\n",
    "Amina Tazi, installée depuis 2015 à la tête de la société Akwa Group, a présenté les résultats.\n",
    "Le Raja, porté par ses supporters à la tête du classement, affronte le Wydad.\n",
])
def test_a_participle_before_a_post_that_is_active_or_a_tenure_is_no_appointment(extractor, text: str) -> None:
    assert not events(extractor, text, "appointment")


@pytest.mark.parametrize("text", [
    "Le groupe Atlas Invest a acheté la société Nordis Maroc en 2020.\n",
    "Le groupe Atlas Invest devient l'actionnaire majoritaire de Nordis Maroc.\n",
])
def test_more_ways_of_buying_a_company(extractor, text: str) -> None:
    roles = only(extractor, text, "acquisition")
    assert (roles["buyer"], roles["target"]) == ("Atlas Invest", "Nordis Maroc")


def test_targets_named_city_by_city_after_il_s_agit_de(extractor) -> None:
    found = events(extractor, "Le groupe Vitalis Santé a finalisé l'acquisition de trois laboratoires. Les sites sont "
                   "situés à Fès, Meknès et Taza. À Fès, il s'agit de la société Biolab Saïss ; à Meknès, de la "
                   "société Analyses Ismailia ; et à Taza, de la société Labo Taza Nord.\n", "acquisition")
    assert sorted(e["roles"]["target"] for e in found) == ["Analyses Ismailia", "Biolab Saïss", "Labo Taza Nord"]
    assert {e["roles"]["buyer"] for e in found} == {"Vitalis Santé"}


@pytest.mark.parametrize("text", [
    "Annoncée en janvier, l'acquisition de la société Nordex par le groupe Atlas Invest n'a pas abouti.\n",
    "Le groupe Atlas Invest avait signé le rachat de la Clinique Nour ; faute d'accord des autorités, la transaction "
    "a été annulée.\n",
])
def test_a_deal_called_off_is_no_acquisition(extractor, text: str) -> None:
    assert not events(extractor, text, "acquisition")


@pytest.mark.parametrize("text", [
    "Le groupe Holmarcom a racheté la société Atlanta Assurances, après l'échec d'un premier projet qui avait été "
    "annulé en 2019.\n",
    "La banque Attijariwafa a acquis la compagnie Saham Finances, dont l'introduction en Bourse avait avorté l'an "
    "dernier.\n",
    "Le groupe Akdital a racheté la clinique Al Amal, dont le permis de construire avait été annulé par la commune.\n",
])
def test_a_word_calling_off_something_else_leaves_the_deal(extractor, text: str) -> None:
    assert len(events(extractor, text, "acquisition")) == 1


@pytest.mark.parametrize("text", [
    "La société Oasis Verte investira 100 millions de dirhams à Errachidia, 200 millions de dirhams à Ouarzazate et 300 "
    "millions de dirhams à Zagora.\n",
    "Le groupe Oasis Verte a annoncé un investissement de 100 millions de dirhams à Errachidia, de 200 millions de "
    "dirhams à Ouarzazate et de 300 millions de dirhams à Zagora.\n",
])
def test_a_list_of_sums_each_with_its_city_is_one_investment_per_sum(extractor, text: str) -> None:
    found = sorted((e["roles"]["amount"][0]["value"], e["roles"]["city"], e["roles"]["investor"])
                   for e in events(extractor, text, "investment"))
    assert found == [(100_000_000, "Errachidia", "Oasis Verte"), (200_000_000, "Ouarzazate", "Oasis Verte"),
                     (300_000_000, "Zagora", "Oasis Verte")]


@pytest.mark.parametrize("text", [
    "Lors du forum de Dakar, deux banques se sont engagées auprès du fonds Sahel Invest pour 10 millions d'euros.\n",
    "Les partenaires de Sahel Invest se sont mobilisés pour réunir 15 millions d'euros.\n",
])
def test_a_reflexive_verb_is_no_trigger_of_the_verb_without_its_pronoun(extractor, text: str) -> None:
    assert events(extractor, text, "investment") == []


def test_a_trigger_form_that_holds_the_reflexive_pronoun_is_read_beside_one_that_does_not(extractor) -> None:
    text = ("La société Rif Textile s'engage à soutenir ses sous-traitants à hauteur de 20 millions de dirhams. Elle "
            "s'implante aussi à Oujda.\n")
    assert events(extractor, text, "investment") == []
    assert {e["roles"]["city"] for e in events(extractor, text, "opening")} == {"Oujda"}


def test_a_name_inside_a_parenthetical_remark_is_no_subject(extractor) -> None:
    roles = only(extractor, "Le groupe Atlas Immo a racheté deux hôtels (dont un sous l'enseigne Riad Nour) à Agadir, "
                 "puis annoncé un investissement de 300 millions de dirhams.\n", "investment")
    assert roles["investor"] == "Atlas Immo"


def test_a_sentence_written_wholly_in_parentheses_keeps_its_subject(extractor) -> None:
    roles = only(extractor, "(La Banque mondiale a accordé un prêt de 200 millions de dollars au Maroc pour financer les "
                 "réformes du secteur de l'eau.)\n", "loan")
    assert roles["lender"] == "Banque mondiale"


def test_a_sum_put_up_by_a_coordinated_subject_that_adds_up_its_members_sums_is_no_deal_of_its_own(extractor) -> None:
    text = ("Textile : Nordtex et Mavi Denim injectent près de 600 millions de dirhams\n\nLes deux groupes turcs renforcent "
            "leur présence. La convention a été signée lundi. Le groupe Nordtex compte investir 280 millions de dirhams à "
            "Fès. De son côté, la société Mavi Denim injectera 330 millions de dirhams à Tanger.\n")
    found = {e["roles"]["amount"][0]["value"]: e["roles"]["investor"] for e in events(extractor, text, "investment")}
    assert found == {280_000_000: "Nordtex", 330_000_000: "Mavi Denim"}


def test_sales_booked_but_not_yet_made_are_no_result(extractor) -> None:
    text = "Le promoteur Dar Salam annonce un chiffre d'affaires sécurisé de 4 milliards de dirhams pour 2024.\n"
    assert events(extractor, text, "result") == []


@pytest.mark.parametrize("text, value", [
    ("Casablanca – Le groupe Akdital a réalisé en 2023 un chiffre d'affaires de 1,2 milliard de dirhams, porté par son "
     "carnet de commandes et l'ouverture de nouvelles cliniques.\n", 1_200_000_000),
    ("Casablanca – Le chiffre d'affaires de Jet Contractors a atteint 2 milliards de dirhams en 2023, grâce à un carnet "
     "de commandes bien rempli.\n", 2_000_000_000),
    ("Rabat – La société Wafa Systems a réalisé un chiffre d'affaires de 450 millions de dirhams en 2023, tiré par la "
     "demande en solutions de paiement sécurisé.\n", 450_000_000),
    ("Rabat – Label'Vie a sécurisé ses approvisionnements et réalisé un chiffre d'affaires de 14 milliards de dirhams "
     "en 2023.\n", 14_000_000_000)])
def test_a_result_beside_a_backlog_or_a_secured_thing_is_still_a_result(extractor, text: str, value: int) -> None:
    assert [e["roles"]["amount"][0]["value"] for e in events(extractor, text, "result")] == [value]


@pytest.mark.parametrize("text, value", [
    ("Le fonds Azur Innovation a déjà investi 30 millions de dirhams dans la startup Chari, basée à Casablanca.\n",
     30_000_000),
    ("Le groupe OCP a déjà engagé 12 milliards de dirhams dans le programme d'eau de Safi.\n", 12_000_000_000)])
def test_a_single_deal_told_with_deja_is_an_investment(extractor, text: str, value: int) -> None:
    assert [e["roles"]["amount"][0]["value"] for e in events(extractor, text, "investment")] == [value]


def test_a_cleft_sentence_takes_the_sum_the_sentence_before_states(extractor) -> None:
    roles = only(extractor, "500 millions de dirhams. Il s'agit de l'investissement que la coopérative Oasis Dattes "
                 "consacre à sa nouvelle unité d'Errachidia.\n", "investment")
    assert (roles["investor"], roles["amount"]) == ("Oasis Dattes", [{"value": 500_000_000, "currency": MAD}])


@pytest.mark.parametrize("text", [
    "Le marché des composants est estimé à 5 milliards de dirhams. C'est dans ce contexte que le groupe Lear investit "
    "dans une nouvelle usine à Tanger.\n",
    "Le secteur automobile a exporté pour 140 milliards de dirhams l'an dernier. C'est ainsi que Stellantis investit "
    "dans une deuxième usine à Kénitra.\n",
    "Plus de 2 milliards de dirhams de transactions ont été traitées l'an dernier. C'est ce que rappelle le groupe Inwi, "
    "qui investit dans un nouveau data center à Benguérir.\n"])
def test_a_set_phrase_opening_with_c_est_takes_no_sum_from_the_sentence_before(extractor, text: str) -> None:
    assert not any(e["roles"]["amount"] for e in events(extractor, text, "investment"))


def test_an_investment_whose_sum_the_next_sentence_puts_into_a_capital_is_a_funding(extractor) -> None:
    text = ("Le groupe koweïtien Gulf Remedies a injecté 80 millions de dirhams dans la pharmacie marocaine. Ce montant a "
            "été apporté dans le cadre d'une augmentation de capital de la société Gulf Pharma Maroc.\n")
    assert events(extractor, text, "investment") == []
    roles = only(extractor, text, "funding")
    assert (roles["recipient"], roles["investors"], roles["amount"]) == (
        "Gulf Pharma Maroc", ["Gulf Remedies"], [{"value": 80_000_000, "currency": MAD}])


def test_names_listed_after_a_generic_reference_and_its_adjective_share_its_cue(extractor) -> None:
    text = ("Le groupe Oasis Énergie a obtenu une licence solaire au Sénégal. Le projet, confié par l'État au groupe "
            "tunisien, à l'agence Aner et à Teranga Power, représente un investissement de 60 millions d'euros.\n")
    roles = only(extractor, text, "investment")
    assert (roles["investor"], roles["amount"]) == ("Oasis Énergie", [{"value": 60_000_000, "currency": "EUR"}])


@pytest.mark.parametrize("text, period", [
    ("Au 31 décembre 2023, le résultat net des Câbleries du Souss ressort à 85 millions de dirhams.\n", "2023"),
    ("Fin décembre 2022, les Câbleries du Souss affichaient un chiffre d'affaires de 1,4 milliard de dirhams.\n", "2022"),
    ("Casablanca – Le chiffre d'affaires de Marjane a atteint 900 millions de dirhams en décembre 2023, un record "
     "mensuel pour l'enseigne.\n", "2023-12")])
def test_a_result_at_the_end_of_december_is_the_year_s_not_one_of_december(extractor, text: str, period: str) -> None:
    assert only(extractor, text, "result")["period"] == period


def test_a_figure_compared_with_one_a_year_earlier_is_of_the_year_before(extractor) -> None:
    text = ("Au terme de l'exercice 2023, le chiffre d'affaires de la société Atlas Verre ressort à 820 millions de "
            "dirhams, contre 760 millions de dirhams un an plus tôt.\n")
    found = {e["roles"]["amount"][0]["value"]: e["roles"]["period"] for e in events(extractor, text, "result")}
    assert found == {820_000_000: "2023", 760_000_000: "2022"}


def test_outstanding_loans_and_an_average_ticket_are_no_deal(extractor) -> None:
    assert events(extractor, "L'encours des crédits de Banque Tadla a atteint 42 milliards de dirhams à fin 2023.", "loan") == []
    text = "Le fonds Sahara Growth a pris des participations dans 14 PME, avec un ticket moyen de 25 millions de dirhams."
    assert events(extractor, text, "funding") == []
    assert events(extractor, "Sahara Growth dispose d'une capacité d'investissement de 800 millions de dirhams.") == []
