"""French numbers in digits and in words (ANNOTATION.md: `.` or a space groups thousands, `,` is the decimal mark)."""
from __future__ import annotations

import re

import pytest

from extract.numbers import DIGITS, number_words_regex, parse_digits, parse_number, parse_words
from extract.quantities import find_numbers, number_regex
from extract.rules import load_rules

NBSP, NNBSP = "\u00a0", "\u202f"
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.000", 12000),
        ("1 200", 1200),
        (f"1{NBSP}200", 1200),
        (f"1{NNBSP}200", 1200),
        (f"1{NNBSP}200{NNBSP}000", 1_200_000),
        ("1.200.000", 1_200_000),
        ("1,2", 1.2),
        ("4,45", 4.45),
        ("3.5", 3.5),
        ("12,5", 12.5),
        ("2000", 2000),
        ("0,5", 0.5),
        ("12.000,75", 12000.75),
        ("1 200 000,5", 1_200_000.5),
        (" 458 ", 458),
    ],
)
def test_parse_digits_reads_french_formats(text: str, value: float) -> None:
    assert parse_digits(text) == pytest.approx(value)
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vingt-huit", 28),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("dix-sept", 17),
        ("cent", 100),
        ("trois cents", 300),
        ("mille", 1000),
        ("deux cent mille", 200_000),
        ("deux mille vingt-quatre", 2024),
        ("sept", 7),
        ("Vingt-Huit", 28),
        ("zéro", 0),
    ],
)
def test_parse_words_reads_french_number_words(text: str, value: float) -> None:
    assert parse_words(text) == value
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "lits", "1.5.3", "plusieurs"])
def test_parse_number_is_none_for_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_a_dot_before_three_digits_groups_thousands_but_not_before_one_or_two() -> None:
    assert parse_digits("1.234") == 1234
    assert parse_digits("1.23") == pytest.approx(1.23)
    assert parse_digits("1,234") == pytest.approx(1.234)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("la clinique compte 1 200 lits", "1 200"),
        (f"un budget de 100{NBSP}000 dirhams", f"100{NBSP}000"),
        ("une distance de 12.000 km", "12.000"),
        ("4,45 médecins", "4,45"),
        ("en 2024, le groupe", "2024"),
    ],
)
def test_digits_regex_finds_the_whole_number(sentence: str, number: str) -> None:
    assert re.search(DIGITS, sentence).group() == number


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("la clinique dispose de vingt-huit lits", "vingt-huit"),
        ("vingt et un hôpitaux", "vingt et un"),
        ("soixante-dix lits", "soixante-dix"),
        ("deux cent mille habitants", "deux cent mille"),
        ("deux cent cinquante lits", "deux cent cinquante"),
        pytest.param("quatre-vingt-dix-neuf patients", "quatre-vingt-dix-neuf"),
        pytest.param("soixante-dix-sept lits", "soixante-dix-sept"),
    ],
)
def test_number_words_regex_finds_the_whole_number(sentence: str, number: str) -> None:
    match = re.search(number_words_regex(), sentence)
    assert match is not None and match.group() == number
    assert parse_words(match.group()) == parse_number(number)


def test_a_number_regex_tried_at_number_starts_finds_what_a_full_scan_finds() -> None:
    text = ("En 2021, 1 200 000 dirhams et 3,5 M€ ; vingt-huit lits, une dizaine de salles, "
            "deux cent mille visiteurs, x12 ou 10^12, 12.000 et 45%, Un million d'euros.")
    for glued in (False, True):
        regex = re.compile(rf"(?P<num>{number_regex(load_rules(), glued=glued)})\s*(?P<word>\w+)?")
        found = [m.span() for m in find_numbers(regex, text)]
        assert found == [m.span() for m in regex.finditer(text)] and len(found) >= 10
