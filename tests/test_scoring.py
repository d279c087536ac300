"""The scorer on small hand-made cases (ANNOTATION.md sections 3 and 4)."""
from __future__ import annotations

import pytest

from extract.gold import FACT_TYPES
from extract.scoring import (
    Tally,
    attribute_accuracy,
    match_facts,
    maximum_matching,
    score_article,
    totals,
)
from extract.textnorm import normalize_name


def named(name: str, *aliases: str, **attributes: object) -> dict:
    return {"name": name, "aliases": list(aliases), **attributes}


def amount(value: float, currency: str = "MAD", qualifier: str = "exact") -> dict:
    return {"value": value, "currency": currency, "qualifier": qualifier}


def count(value: float, unit: str, qualifier: str = "exact") -> dict:
    return {"value": value, "unit": unit, "qualifier": qualifier}


def record(**facts: list[dict]) -> dict:
    return {"id": "a", **{fact_type: facts.get(fact_type, []) for fact_type in FACT_TYPES}}


def tally(fact_type: str, predicted: list[dict], gold: list[dict]) -> Tally:
    return match_facts(fact_type, predicted, gold).tally


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        (named("Oncorad Group", "Oncorad"), named("Oncorad")),  # alias on the predicted side
        (named("CIOC"), named("Centre international d'oncologie de Casablanca", "CIOC")),  # on the gold side
        (named("Groupe Akdital", "Akdital"), named("Akdital Holding", "Akdital")),  # alias on both sides
    ],
)
def test_aliases_on_either_side_match(predicted: dict, gold: dict) -> None:
    assert tally("organizations", [predicted], [gold]) == Tally(tp=1)


def test_different_names_do_not_match() -> None:
    assert tally("organizations", [named("Oncorad Group")], [named("Oncorad")]) == Tally(fp=1, fn=1)


@pytest.mark.parametrize(
    ("written", "gold"),
    [
        ("Ministère de la Santé", "ministere de la sante"),  # accents, case
        ("L’Économiste", "l'Economiste"),  # curly apostrophe, leading l'
        ("l´Economiste", "Economiste"),  # acute accent used as an apostrophe
        ("l’ Hôpital Cheikh Khalifa", "Hôpital Cheikh Khalifa"),  # space after l'
        ("Le Matin", "Matin"),
        ("LES Inspirations ÉCO", "Inspirations eco"),
        ("La Vie éco", "vie eco"),
        ("Clinique  Al\u00a0Kawtar", "Clinique Al Kawtar"),  # white space
        ("Oncorad\u2013Group", "Oncorad-Group"),  # dash
        ("Casa\u00adblanca", "Casablanca"),  # soft hyphen
    ],
)
def test_names_match_after_normalisation(written: str, gold: str) -> None:
    assert tally("people", [named(written)], [named(gold)]) == Tally(tp=1)


def test_only_a_leading_article_is_dropped() -> None:
    assert normalize_name("Banque de la Santé") == "banque de la sante"
    assert normalize_name("Lesieur") == "lesieur"


def test_maximum_matching_beats_greedy() -> None:
    # The first prediction could take either gold fact; greedy gives it gold 0 and leaves the second unmatched.
    predicted = [named("CHU Ibn Sina", "Ibn Sina"), named("CHU Ibn Sina de Rabat")]
    gold = [named("CHU Ibn Sina de Rabat", "CHU Ibn Sina"), named("Ibn Sina")]
    result = match_facts("organizations", predicted, gold)
    assert result.tally == Tally(tp=2)
    assert [(p["name"], g["name"]) for p, g in result.pairs] == [
        ("CHU Ibn Sina", "Ibn Sina"),
        ("CHU Ibn Sina de Rabat", "CHU Ibn Sina de Rabat"),
    ]


def test_maximum_matching_needs_a_long_augmenting_path() -> None:
    # Left i may take right i or i+1; taking right i first each time leaves the last left vertex to augment.
    adjacency = [[0, 1], [1, 2], [2, 3], [0]]
    matching = maximum_matching(adjacency, 4)
    assert len(matching) == 4
    assert len(set(matching.values())) == 4
    assert all(right in adjacency[left] for left, right in matching.items())


def test_matching_is_one_to_one() -> None:
    # Two predictions of the same gold fact: one true positive, one false positive.
    assert tally("dates", [{"value": "2023"}, {"value": "2023"}], [{"value": "2023"}]) == Tally(tp=1, fp=1)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (amount(1_001_000), amount(1_000_000), Tally(tp=1)),  # 0.1 %: in
        (amount(999_000), amount(1_000_000), Tally(tp=1)),
        (amount(1_002_000), amount(1_000_000), Tally(fp=1, fn=1)),  # 0.2 %: out
        (amount(998_000), amount(1_000_000), Tally(fp=1, fn=1)),
        (amount(1_000_000, "EUR"), amount(1_000_000, "MAD"), Tally(fp=1, fn=1)),  # other currency
        (amount(0), amount(0), Tally(tp=1)),
    ],
)
def test_amount_value_tolerance_and_currency(predicted: dict, gold: dict, expected: Tally) -> None:
    assert tally("amounts", [predicted], [gold]) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (count(28, "lits"), count(28, "lit"), Tally(tp=1)),  # plural
        (count(3000, "m²"), count(3000, "m2"), Tally(tp=1)),
        (count(2, "bureaux"), count(2, "bureau"), Tally(tp=1)),
        (count(12.5, "%"), count(12.5, "%"), Tally(tp=1)),
        (count(100.1, "lit"), count(100, "lit"), Tally(tp=1)),  # 0.1 %: in
        (count(100.2, "lit"), count(100, "lit"), Tally(fp=1, fn=1)),  # 0.2 %: out
        (count(28, "lit"), count(28, "chambre"), Tally(fp=1, fn=1)),  # other unit
    ],
)
def test_count_units_and_tolerance(predicted: dict, gold: dict, expected: Tally) -> None:
    assert tally("counts", [predicted], [gold]) == expected


def test_dates_match_on_the_value_string_only() -> None:
    assert tally("dates", [{"value": "2023-05-01"}], [{"value": "2023-05"}]) == Tally(fp=1, fn=1)


def test_cities_match_by_geonameid() -> None:
    fez = named("Fez", country="MA", geonameid=2548885)
    assert tally("cities", [fez], [named("Fès", geonameid=2548885)]) == Tally(tp=1)
    assert tally("cities", [named("Fez", geonameid=None)], [named("Fès", geonameid=None)]) == Tally(fp=1, fn=1)
    assert tally("cities", [named("Fez", geonameid=1)], [named("Fès", "Fez", geonameid=2548885)]) == Tally(tp=1)


def test_empty_lists_score_one() -> None:
    scores = totals([score_article(record(), record())])
    assert set(scores) == {*FACT_TYPES, "micro"}
    for result in scores.values():
        assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert totals([])["micro"].f1 == 1.0


def test_missing_prediction_misses_every_gold_fact() -> None:
    gold = record(dates=[{"value": "2020"}], counts=[count(3, "bloc")])
    scores = totals([score_article(None, gold)])
    assert scores["micro"] == Tally(fn=2)
    assert (scores["dates"].precision, scores["dates"].recall, scores["dates"].f1) == (0.0, 0.0, 0.0)
    assert scores["people"].f1 == 1.0


def test_predictions_without_gold_score_zero() -> None:
    result = Tally(fp=2)
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)


def test_precision_recall_f1_and_micro_sums() -> None:
    first = score_article(
        record(dates=[{"value": "2020"}, {"value": "2021"}, {"value": "1999"}]),
        record(dates=[{"value": "2020"}, {"value": "2021"}, {"value": "2022"}]),
    )
    second = score_article(record(organizations=[named("X")]), record(people=[named("Y")]))
    scores = totals([first, second])
    assert scores["dates"] == Tally(tp=2, fp=1, fn=1)
    assert scores["micro"] == Tally(tp=2, fp=2, fn=2)
    result = Tally(tp=2, fp=1, fn=3)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == pytest.approx(2 / 5)
    assert result.f1 == pytest.approx(0.5)


def test_attribute_accuracy_over_matched_pairs_where_gold_gives_it() -> None:
    predicted = record(
        people=[named("Youness Ahallal", title="Dr"), named("Sanae Raqui", title="Mme"), named("Z", title="M.")],
        cities=[named("Fès", country="MA", geonameid=1), named("Tanger", country="MA", geonameid=2)],
        amounts=[amount(100, qualifier="approx"), amount(200, qualifier="exact")],
        counts=[count(28, "lit", qualifier="more_than")],
    )
    gold = record(
        people=[named("Youness Ahallal", title="Dr"), named("Sanae Raqui", title=None)],  # a null title counts
        cities=[named("Fès", country="MA", geonameid=2548885), named("Tanger", country=None, geonameid=None)],
        amounts=[amount(100, qualifier="approx"), amount(200, qualifier="approx")],
        counts=[count(28, "lit", qualifier="more_than"), count(5, "bloc")],
    )
    accuracy = {name: (a.correct, a.total) for name, a in attribute_accuracy([score_article(predicted, gold)]).items()}
    assert accuracy == {
        "people.title": (1, 2),  # the unmatched "Z" is not counted
        "cities.country": (1, 1),  # gold country null: not counted
        "cities.geonameid": (0, 1),  # gold geonameid null: not counted
        "amounts.qualifier": (1, 2),
        "counts.qualifier": (1, 1),
    }
    assert attribute_accuracy([score_article(record(), record())])["people.title"].value is None
