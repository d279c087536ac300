"""Sums of money in French press sentences (ANNOTATION.md §2 amounts and §2b)."""
from __future__ import annotations

import pytest

from conftest import find_quantities as find
from extract.amounts import AmountFinder
from extract.quantities import Qualifiers
from extract.rules import load_rules

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def finder() -> AmountFinder:
    return AmountFinder(load_rules())



def keys(amounts: list[dict]) -> list[tuple[float, str]]:
    return sorted((a["value"], a["currency"]) for a in amounts)


@pytest.mark.parametrize(
    ("sentence", "value", "currency", "text"),
    [
        ("Le groupe a investi 458 millions de dirhams dans le projet.", 458_000_000, "MAD", "458 millions de dirhams"),
        ("Le budget atteint 1,2 milliard de DH cette année.", 1_200_000_000, "MAD", "1,2 milliard de DH"),
        ("Le chiffre d'affaires s'établit à 10 MDH.", 10_000_000, "MAD", "10 MDH"),
        ("Le programme mobilise 2,3 MMDH sur cinq ans.", 2_300_000_000, "MAD", "2,3 MMDH"),
        ("La levée de fonds atteint 2 Mds DH.", 2_000_000_000, "MAD", "2 Mds DH"),
        ("Le contrat est évalué à 12 M€.", 12_000_000, "EUR", "12 M€"),
        ("Les ventes ont atteint 1,46 Md€ en 2023.", 1_460_000_000, "EUR", "1,46 Md€"),
        ("Le groupe investit chaque année 1 mrd d’euros en Afrique.", 1_000_000_000, "EUR", "1 mrd d’euros"),
        ("Les ventes atteignent 5,2 mrds d'euros.", 5_200_000_000, "EUR", "5,2 mrds d'euros"),
        ("Le fonds pèse 3 mds de dollars.", 3_000_000_000, "USD", "3 mds de dollars"),
        ("La start-up a reçu 5 millions de dollars de ses actionnaires.", 5_000_000, "USD", "5 millions de dollars"),
        ("Le dividende est fixé à 14 DH par action.", 14, "MAD", "14 DH"),
        ("La consultation coûte 850 dirhams la séance.", 850, "MAD", "850 dirhams"),
        (f"Le forfait est de 100{NBSP}000 DH par patient.", 100_000, "MAD", f"100{NBSP}000 DH"),
        (f"Le projet a coûté 1{NNBSP}200{NNBSP}000 DH.", 1_200_000, "MAD", f"1{NNBSP}200{NNBSP}000 DH"),
        ("Le tarif est de 300 Dhs par nuit.", 300, "MAD", "300 Dhs"),
        ("Le capital social est de 100 000 euros.", 100_000, "EUR", "100 000 euros"),
        ("Un budget de vingt millions de dirhams a été voté.", 20_000_000, "MAD", "vingt millions de dirhams"),
        ("Le fonds dispose d'un milliard de dirhams.", 1_000_000_000, "MAD", "un milliard de dirhams"),
        ("Le groupe affiche un résultat net de 45,3 MDH.", 45_300_000, "MAD", "45,3 MDH"),
        ("Le prêt est de 25 millions de dollars US.", 25_000_000, "USD", "25 millions de dollars US"),
        ("Le fonds émirien a apporté 10 millions de dirhams émiratis.", 10_000_000, "AED", "10 millions de dirhams émiratis"),
    ],
)
def test_one_amount_value_currency_and_text(finder, sentence: str, value: float, currency: str, text: str) -> None:
    amounts = find(finder, sentence)
    assert len(amounts) == 1, amounts
    (amount,) = amounts
    assert amount["value"] == pytest.approx(value)
    assert amount["currency"] == currency
    assert amount["qualifier"] == "exact"
    assert amount["text"] == text


def test_compound_in_parentheses_is_not_a_second_amount(finder) -> None:
    amounts = find(finder, "Un investissement de 450 millions de dirhams (MDH) est prévu à Fès.")
    assert keys(amounts) == [(450_000_000, "MAD")]
    assert amounts[0]["text"] == "450 millions de dirhams"


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "text"),
    [
        ("Le fonds a levé environ 42 millions d’euros auprès d'investisseurs.", 42e6, "approx", "environ 42 millions d’euros"),
        ("Le groupe a investi plus de 300 millions de dirhams.", 300e6, "more_than", "plus de 300 millions de dirhams"),
        ("Les dépenses atteignent près de 2 milliards de dirhams.", 2e9, "approx", "près de 2 milliards de dirhams"),
        ("Le prêt peut aller jusqu'à 5 millions de dirhams.", 5e6, "less_than", "jusqu'à 5 millions de dirhams"),
        ("Le chiffre d'affaires dépasse 500 millions de dirhams.", 500e6, "more_than", "dépasse 500 millions de dirhams"),
        ("Le montant avoisine 80 millions de dirhams.", 80e6, "approx", "avoisine 80 millions de dirhams"),
        ("Le budget est d'au moins 20 millions de dirhams.", 20e6, "more_than", "au moins 20 millions de dirhams"),
        ("Le ticket d'entrée est de moins d'un million de dirhams.", 1e6, "less_than", "moins d'un million de dirhams"),
        ("Le coût est de l'ordre de 30 millions d'euros.", 30e6, "approx", "de l'ordre de 30 millions d'euros"),
        ("L'Etat a versé quelque 30 millions d'euros.", 30e6, "approx", "quelque 30 millions d'euros"),
        ("Le coût est estimé à 3 millions de dirhams.", 3e6, "exact", "3 millions de dirhams"),
        ("Un budget supérieur à 40 millions de dirhams est prévu.", 40e6, "more_than", "supérieur à 40 millions de dirhams"),
        pytest.param("Le prêt peut aller jusqu’à 5 millions de dirhams.", 5e6, "less_than",
                     "jusqu’à 5 millions de dirhams"),
        pytest.param("Les dépenses atteignent près d’un milliard de dirhams.", 1e9, "approx",
                     "près d’un milliard de dirhams"),
        pytest.param("Le fonds a levé plus d’un million d’euros.", 1e6, "more_than",
                     "plus d’un million d’euros"),
        pytest.param("Le coût est de l’ordre de 30 millions d’euros.", 30e6, "approx",
                     "de l’ordre de 30 millions d’euros"),
        pytest.param("Le chiffre d'affaires dépasse les 500 millions de dirhams.", 500e6, "more_than",
                     "dépasse les 500 millions de dirhams"),
    ],
)
def test_qualifier_before_the_amount(finder, sentence: str, value: float, qualifier: str, text: str) -> None:
    (amount,) = find(finder, sentence)
    assert amount["value"] == pytest.approx(value)
    assert amount["qualifier"] == qualifier
    assert amount["text"] == text


def test_currency_stated_earlier_in_the_sentence_is_inherited(finder) -> None:
    sentence = "Le chiffre d'affaires atteint 1,97 milliard d'euros, dont 870 millions réalisés à l'export."
    amounts = find(finder, sentence)
    assert keys(amounts) == [(870_000_000, "EUR"), (1_970_000_000, "EUR")]
    inherited = next(a for a in amounts if a["value"] == 870_000_000)
    assert inherited["text"] == "870 millions"


def test_a_conversion_in_parentheses_does_not_give_its_currency_to_a_later_bare_sum(finder) -> None:
    sentence = "Une levée de 435 millions de dirhams (40 millions d’euros) contre un objectif de 350 millions."
    assert keys(find(finder, sentence)) == [(40_000_000, "EUR"), (350_000_000, "MAD"), (435_000_000, "MAD")]


def test_a_bare_sum_in_parentheses_takes_the_currency_before(finder) -> None:
    sentence = "Les 450 millions d’euros seront financés à 80% (soit 360 millions) par des emprunts."
    assert keys(find(finder, sentence)) == [(360_000_000, "EUR"), (450_000_000, "EUR")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le bénéfice est resté à 327 millions de DH, soit 3 millions de moins sur un an.", [(3_000_000, "MAD"), (327_000_000, "MAD")]),
        ("Les ventes atteignent 2 milliards d'euros, soit 150 millions de plus qu'en 2022.", [(150_000_000, "EUR"), (2_000_000_000, "EUR")]),
        ("Le groupe a levé 50 millions d'euros, et 3 millions de clients l'ont suivi.", [(50_000_000, "EUR")]),
    ],
)
def test_a_bare_sum_followed_by_de_plus_or_de_moins_takes_the_currency_before(finder, sentence, expected) -> None:
    assert keys(find(finder, sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Le port a coûté 300 millions d'euros pour un trafic d'un million EVP par an.",
        "Le terminal, 500 millions d'euros, traitera 3 millions TEU.",
    ],
)
def test_a_bare_number_before_a_unit_in_capitals_is_no_sum(finder, sentence) -> None:
    assert len(find(finder, sentence)) == 1


def test_currency_is_not_inherited_across_sentences(finder) -> None:
    amounts = find(finder, "Le groupe a levé 50 millions d'euros. En 2024, 30 millions à Rabat seront dépensés.")
    assert keys(amounts) == [(50_000_000, "EUR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le groupe investira 2,23 milliards de DH en 2018. Sur ce montant, 1,52 milliard iront à de nouveaux projets.",
         [(1_520_000_000, "MAD"), (2_230_000_000, "MAD")]),
        ("Le cuivre a apporté 585 millions de dirhams. Le cobalt au chiffre d’affaires (20%) a atteint 483 millions.",
         [(483_000_000, "MAD"), (585_000_000, "MAD")]),
    ],
)
def test_a_sentence_that_names_a_sum_goes_on_with_the_currency_of_its_paragraph(finder, text, expected) -> None:
    assert keys(find(finder, text)) == expected


def test_a_sentence_that_names_a_sum_does_not_take_a_currency_across_paragraphs(finder) -> None:
    assert keys(find(finder, "Le groupe a levé 50 millions d'euros.\n\nLe budget prévoit 30 millions.")) == [(50_000_000, "EUR")]


def test_range_gives_both_ends_in_the_currency_of_the_second(finder) -> None:
    amounts = find(finder, "Une opération coûte entre 6.000 et 8.000 € selon les cas.")
    assert keys(amounts) == [(6000, "EUR"), (8000, "EUR")]
    assert [a["text"] for a in amounts] == ["6.000", "8.000 €"]


def test_range_shares_the_scale_of_the_second_end(finder) -> None:
    amounts = find(finder, "Le projet coûtera de 10 à 15 millions de dirhams.")
    assert keys(amounts) == [(10_000_000, "MAD"), (15_000_000, "MAD")]


def test_range_whose_first_end_is_larger_than_the_second_number_keeps_its_own_value(finder) -> None:
    amounts = find(finder, "Le ticket varie entre 500.000 et 1 million de DH.")
    assert keys(amounts) == [(500_000, "MAD"), (1_000_000, "MAD")]


def test_list_items_take_the_currency_and_scale_of_the_first(finder) -> None:
    sentence = "Le groupe investit 280 millions de dirhams à Marrakech, 210 à Tanger et 150 à Agadir."
    amounts = find(finder, sentence)
    assert keys(amounts) == [(150_000_000, "MAD"), (210_000_000, "MAD"), (280_000_000, "MAD")]
    assert [a["text"] for a in amounts] == ["280 millions de dirhams", "210", "150"]


@pytest.mark.parametrize(
    ("sentence", "expected", "first"),
    [
        ("Les deux filiales sont dotées respectivement de 750 et 350 millions de dirhams.", [(350_000_000, "MAD"), (750_000_000, "MAD")], "750"),
        ("Les hôtels ont apporté 283 et 291 MDH.", [(283_000_000, "MAD"), (291_000_000, "MAD")], "283"),
        ("Après trois lignes (15, 25 et 60 millions d'euros), une quatrième.", [(15_000_000, "EUR"), (25_000_000, "EUR"), (60_000_000, "EUR")], "15"),
        ("Le pays attire 200 ou 300 millions d’euros par an.", [(200_000_000, "EUR"), (300_000_000, "EUR")], "200"),
        ("Le ticket est de 500.000 ou 1 million de dirhams.", [(500_000, "MAD"), (1_000_000, "MAD")], "500.000"),
    ],
)
def test_numbers_listed_before_an_amount_share_its_scale_and_currency(finder, sentence, expected, first) -> None:
    amounts = find(finder, sentence)
    assert keys(amounts) == expected
    assert amounts[0]["text"] == first


@pytest.mark.parametrize("sentence", ["En 2023 et 300 DH plus tard.", "Il a ouvert 5 usines et 300 millions de DH.", "Le 2, 300 DH."])
def test_a_year_or_a_counted_noun_ends_a_list_before_an_amount(finder, sentence) -> None:
    assert len(find(finder, sentence)) == 1


def test_same_sum_in_two_currencies_is_two_amounts(finder) -> None:
    amounts = find(finder, "La clinique a été vendue 2 millions de dirhams, soit 185 000 euros.")
    assert keys(amounts) == [(185_000, "EUR"), (2_000_000, "MAD")]


def test_same_sum_twice_is_one_fact_with_two_mentions(finder) -> None:
    sentence = "Le groupe a levé 200 MDH en mars. Ces 200 MDH financeront deux cliniques."
    (amount,) = find(finder, sentence)
    assert amount["value"] == 200_000_000
    assert [sentence[s:e] for s, e in amount["mentions"]] == ["200 MDH", "200 MDH"]
    assert amount["text"] == "200 MDH"


@pytest.mark.parametrize(
    "sentence",
    [
        "Le site produit 120 millions d'unités par an.",
        "Le groupe est présent dans 12 villes.",
        "La région compte 2 millions d'habitants.",
        "En 2024, la clinique a accueilli 3 000 patients.",
        "Le groupe compte 30 cliniques et 4 500 lits.",
        "La clinique a réalisé une hausse de 12 % de son activité.",
    ],
)
def test_numbers_without_a_currency_are_not_amounts(finder, sentence: str) -> None:
    assert find(finder, sentence) == []


def test_allowed_decides_which_spans_may_be_used(finder) -> None:
    sentence = "Recevez 100 DH de réduction. Le groupe a investi 458 millions de dirhams."
    cut = sentence.index("Le groupe")
    amounts = finder.find(sentence, lambda start, end: start >= cut)
    assert keys(amounts) == [(458_000_000, "MAD")]


def test_year_before_a_second_amount_is_not_a_range_end(finder) -> None:
    amounts = find(finder, "Le groupe a investi 200 MDH en 2022 et 300 MDH en 2023.")
    assert keys(amounts) == [(200_000_000, "MAD"), (300_000_000, "MAD")]


def test_scale_glued_to_the_number(finder) -> None:
    (amount,) = find(finder, "Le coût de la clinique atteint 12M€.")
    assert (amount["value"], amount["currency"], amount["text"]) == (12_000_000, "EUR", "12M€")


def test_billions_abbreviated_with_de(finder) -> None:
    (amount,) = find(finder, "Les recettes fiscales atteignent 5,5 Mds de DH.")
    assert (amount["value"], amount["currency"], amount["text"]) == (5_500_000_000, "MAD", "5,5 Mds de DH")


@pytest.mark.parametrize(
    ("before", "qualifier", "phrase"),
    [
        ("Le budget atteint PLUS DE ", "more_than", "PLUS DE "),
        ("Il coûte près d’", "approx", "près d’"),
        ("soit environ  les ", "approx", "environ  les "),
        ("le coût, de l'ordre de\n", "approx", "de l'ordre de\n"),
        ("une hausse de ", "exact", ""),
        ("un prix superenviron ", "exact", ""),
    ],
)
def test_the_qualifier_is_the_phrase_that_ends_just_before_the_number(before: str, qualifier: str, phrase: str) -> None:
    text = before + "12 DH"
    found, start = Qualifiers(load_rules()).before(text, len(before))
    assert (found, text[start : len(before)]) == (qualifier, phrase)


def test_a_currency_written_first_stands_after_no_letter_digit_or_sign(finder) -> None:
    text = "Un prêt de US$ 3 millions, puis EUR 1,5 milliard et £5 ; mais xDHS 5, a€7 et $$9 restent."
    assert [(m.group("cur"), m.group("num")) for m in finder.prefixed.finditer(text)] == [("US$", "3"), ("EUR", "1,5"), ("£", "5")]
