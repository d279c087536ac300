"""Calendar dates at the precision the article gives (ANNOTATION.md §2 dates and §2b)."""
from __future__ import annotations

import pytest

from conftest import find_quantities as find
from extract.dates import DateFinder, normalize_date
from extract.rules import load_rules


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder(load_rules())



def values(dates: list[dict]) -> list[str]:
    return sorted(d["value"] for d in dates)


@pytest.mark.parametrize(
    ("text", "precision", "value"),
    [
        ("1er janvier 2019", "day", "2019-01-01"),
        ("1er Janvier 2019", "day", "2019-01-01"),
        ("6 février 2025", "day", "2025-02-06"),
        ("jeudi 6 février 2025", "day", "2025-02-06"),
        ("31 décembre 2023", "day", "2023-12-31"),
        ("5 sept. 2022", "day", "2022-09-05"),
        ("21/04/2016", "day", "2016-04-21"),
        ("03/12/2024", "day", "2024-12-03"),
        ("mai 2023", "month", "2023-05"),
        ("août 2024", "month", "2024-08"),
        ("aout 2024", "month", "2024-08"),
        ("décembre 2024", "month", "2024-12"),
        ("2000", "year", "2000"),
        ("2024", "year", "2024"),
    ],
)
def test_normalize_date(text: str, precision: str, value: str) -> None:
    assert normalize_date(text, precision) == value


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("31 février 2025", "day"),  # no such day
        ("février 2025", "day"),  # no day given
        ("mai", "month"),  # no year
        ("1850", "year"),
        ("2150", "year"),
        ("PLF 2025", "year"),
    ],
)
def test_normalize_date_refuses_what_is_not_a_date_at_that_precision(text: str, precision: str) -> None:
    assert normalize_date(text, precision) is None


@pytest.mark.parametrize(
    ("sentence", "value", "text"),
    [
        ("La clinique a ouvert le 1er janvier 2019 à Rabat.", "2019-01-01", "1er janvier 2019"),
        ("Les travaux ont débuté en mai 2023.", "2023-05", "mai 2023"),
        ("Le groupe a été fondé en 2000.", "2000", "2000"),
        ("L'accord a été signé le 21/04/2016 à Fès.", "2016-04-21", "21/04/2016"),
        ("Le 12 Mars 2024, la clinique a ouvert.", "2024-03-12", "12 Mars 2024"),
        ("Il a été nommé le 5 sept. 2022.", "2022-09-05", "5 sept. 2022"),
        ("Au 31 décembre 2023, le groupe comptait 20 cliniques.", "2023-12-31", "31 décembre 2023"),
        ("Au cours de l’année 2022, la clinique a été rénovée.", "2022", "2022"),
        ("Depuis 2015, la clinique a soigné 2 000 patients.", "2015", "2015"),
        ("D’ici 2030, le groupe veut doubler sa capacité.", "2030", "2030"),
        ("Les mandats expirent au 1ᵉʳ mars 2025, a indiqué la banque.", "2025-03-01", "1ᵉʳ mars 2025"),
        (" date 2024-09 La valse des cessions de cliniques se poursuit.", "2024-09", "2024-09"),
    ],
)
def test_one_date(finder, sentence: str, value: str, text: str) -> None:
    (date,) = find(finder, sentence)
    assert date["value"] == value
    assert date["text"] == text


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le projet sera livré fin 2016.", "2016"),
        ("L'hôpital ouvrira à la mi-2026.", "2026"),
        ("Au premier semestre 2024, le chiffre d'affaires a progressé.", "2024"),
        ("Les travaux démarreront à l'été 2024.", "2024"),
        ("Au titre de l'exercice 2024, le bénéfice a progressé.", "2024"),
        ("Le 1er trimestre 2024 a été bon pour le groupe.", "2024"),
        pytest.param("Au T1 2024, les ventes ont progressé de 8 %.", "2024"),
    ],
)
def test_period_with_a_year_gives_the_year(finder, sentence: str, value: str) -> None:
    assert values(find(finder, sentence)) == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le résultat recule de 29% par rapport à 2015 où il affichait 167 millions.",
        "Le bénéfice dépasse celui de 2019 lorsque le marché était porteur.",
        "Les ventes retrouvent le niveau de 2008 quand la crise a éclaté.",
    ],
)
def test_a_year_before_a_relative_clause_is_a_date(finder, sentence: str) -> None:
    assert len(values(find(finder, sentence))) == 1


def test_range_that_shares_its_year_gives_both_full_dates(finder) -> None:
    dates = find(finder, "Le salon se tient du 30 mars au 25 octobre 2025 à Marrakech.")
    assert values(dates) == ["2025-03-30", "2025-10-25"]


def test_day_range_within_one_month(finder) -> None:
    dates = find(finder, "Du 1er au 3 mars 2024, le congrès se tient à Rabat.")
    assert values(dates) == ["2024-03-01", "2024-03-03"]


@pytest.mark.parametrize(
    "sentence",
    ["Entre 2019 et 2021, le groupe a doublé de taille.", "Le chantier, lancé en 2019, se poursuivra jusqu'en 2021."],
)
def test_year_range_gives_both_ends(finder, sentence: str) -> None:
    assert values(find(finder, sentence)) == ["2019", "2021"]


def test_same_date_written_twice_is_one_fact(finder) -> None:
    sentence = (
        "Le jeudi 6 février 2025, le ministre a inauguré la clinique. "
        "Le communiqué daté du 06/02/2025 le confirme."
    )
    (date,) = find(finder, sentence)
    assert date["value"] == "2025-02-06"
    assert [sentence[s:e] for s, e in date["mentions"]] == ["jeudi 6 février 2025", "06/02/2025"]


@pytest.mark.parametrize(
    ("line", "value", "text"),
    [
        ("Publié le 12/03/2024 à 10h45", "2024-03-12", "12/03/2024"),
        ("Mis en ligne le 12 mars 2024 à 09:30", "2024-03-12", "12 mars 2024"),
        ("Édition N° 7142 du 09/07/2024", "2024-07-09", "09/07/2024"),
    ],
)
def test_publication_date_without_its_time_or_edition_number(finder, line: str, value: str, text: str) -> None:
    (date,) = find(finder, line)
    assert (date["value"], date["text"]) == (value, text)


def test_a_span_of_years_is_no_iso_month(finder) -> None:
    assert values(find(finder, "Les comptes de l'exercice 2010-11 ont été publiés.")) == ["2010"]


def test_iso_publication_date(finder) -> None:
    (date,) = find(finder, "Mis en ligne le 2024-03-12 à 10:45")
    assert date["value"] == "2024-03-12"


@pytest.mark.parametrize(
    "sentence",
    [
        "La réunion aura lieu mardi 18 juillet à Rabat.",
        "La livraison est prévue le 27 octobre courant.",
        "L'an dernier, le groupe a ouvert trois cliniques.",
        "En janvier dernier, le groupe a ouvert trois cliniques.",
        "Le PLF 2025 prévoit une hausse du budget de la santé.",
        "La Vision 2030 fixe des objectifs ambitieux.",
        "La clinique compte plus de 2000 lits.",
        "Le chantier a duré trois années.",
        "Le groupe compte 2024 salariés.",
        "La loi n° 17-2005 a été votée.",
        "Aujourd'hui, les six dernières semaines ont été difficiles.",
        pytest.param("La loi de finances 2025 a été adoptée par le Parlement."),
        "Le ministre a détaillé son plan santé 2030 devant les élus.",
        "Le pays se prépare en vue de la Coupe d'Afrique des nations 2027 et d'autres tournois.",
        "Le Plan national de lutte contre le diabète (PNLD) 2022 mobilise les régions.",
        # a range closing a long plan's name: its end as its start, however far the plan's word
        "Le Plan national de lutte contre les maladies du foie (PNLMF) 2012-2016 est lancé.",
    ],
)
def test_not_dates(finder, sentence: str) -> None:
    assert find(finder, sentence) == []


def test_allowed_decides_which_spans_may_be_used(finder) -> None:
    sentence = "Mardi 18 juillet 2023 : à lire aussi. Le groupe a été fondé en 2000."
    cut = sentence.index("Le groupe")
    assert values(finder.find(sentence, lambda start, end: start >= cut)) == ["2000"]


@pytest.mark.parametrize(("text", "expected"), [
    ("2023 restera une année record pour le secteur.", ["2023"]),
    ("Le marché a repris. 2022 confirme la tendance.", ["2022"]),
    ("2030 salariés travaillent sur le site.", []),  # a plural noun: a count
    ("Le programme avance.\n2000 km de routes rurales ont été construits.", []),  # a unit: a count
    ("Le marché a grimpé. 2000 m de conduites ont été posés à Fès.", []),
])
def test_a_year_opening_a_sentence_before_a_verb_is_a_date(finder, text: str, expected: list[str]) -> None:
    assert values(find(finder, text)) == expected


def test_a_range_of_years_after_a_cue_gives_both_ends(finder) -> None:
    assert sorted(values(find(finder, "Les ventes ont doublé en 2019-2021, puis durant 2022 – 2023."))) == ["2019", "2021", "2022", "2023"]


def test_a_period_after_a_programme_is_dated(finder) -> None:
    text = "Le port a engagé un programme d'extension sur la période 2026-2029, selon sa direction."
    assert sorted(values(find(finder, text))) == ["2026", "2029"]


def test_each_shape_tried_where_it_may_begin_finds_what_a_full_scan_finds(finder) -> None:
    text = ("Le 1er janvier 2019, puis jeudi 6 février 2025 et du 3 au 5 mars 2021 ; du 28 février au 2 mars 2020, "
            "le 21/04/2016, le 2023-05-14, en 2024-06 et en mai 2023, MARS 2022, 5 sept. 2022, lundi12 avril 2021.")
    found = [(kind, match.span()) for kind, match in finder.shape_matches(text)]
    assert found == [(kind, match.span()) for kind, regex in finder.shapes for match in regex.finditer(text)]
    assert {kind for kind, _ in found} == {kind for kind, _ in finder.shapes}


def test_a_date_with_a_named_month_is_read_as_dateparser_reads_it(finder) -> None:
    for month in load_rules().months:
        for form in (month, month.upper()):
            for year in ("2000", "2023"):
                assert finder.named_month_date(None, form, year) == normalize_date(f"{form} {year}", "month")
                for day in ("0", "00", "1", "1er", "1ᵉʳ", "09", "28", "29", "30", "31", "32"):
                    assert finder.named_month_date(day, form, year) == normalize_date(f"{day} {form} {year}", "day"), (day, form, year)
    assert finder.named_month_date("٣", "mars", "2021") == normalize_date("٣ mars 2021", "day")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Vers la mi-2020, puis 2019-2021 et 2019–2021 (2022).", ["2020", "2019", "2021", "2019", "2021", "2022"]),
        ("Réf x2020, /2020, 12019, 20201, é2020, 1 2020, 2020 000, 2020,5 et 2020.5 ne sont pas des années.", []),
    ],
)
def test_a_bare_year_stands_alone_or_after_mi_or_another_year(finder, text: str, years: list[str]) -> None:
    assert [m.group("y") for m in finder.bare_year.finditer(text)] == years
