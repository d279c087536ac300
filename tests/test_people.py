"""People as pure functions (people.py): grouping by full name, surnames, titles and roles."""
from __future__ import annotations

import pytest

from extract.name_candidates import Candidate, Mention
from extract.people import longest_first, merge_people, near_surname, person_record, role, spelling_variant, surnames
from extract.rules import load_rules


@pytest.fixture(scope="module")
def particles() -> frozenset[str]:
    return frozenset(load_rules().names["particles"])


def mentions(text: str, *surfaces: str, label: str = "PER", titles: dict[str, str] | None = None) -> list[Mention]:
    """Each surface as a candidate at its next occurrence in ``text``, with the title given for it."""
    found, pos = [], 0
    for surface in surfaces:
        start = text.index(surface, pos)
        pos = start + len(surface)
        found.append((Candidate(start, pos, label, "ner", (titles or {}).get(surface)), surface))
    return found


def test_surname_alone_joins_the_full_name(particles) -> None:
    text = "Karim Alaoui a reçu Nadia Tazi. Alaoui a ensuite signé avec Tazi."
    facts = merge_people(mentions(text, "Karim Alaoui", "Nadia Tazi", "Alaoui", "Tazi"), [], particles)
    assert [f.forms for f in facts] == [["Karim Alaoui", "Alaoui"], ["Nadia Tazi", "Tazi"]]
    assert facts[1].mentions == [(20, 30), (60, 64)]


def test_compound_surname_joins_the_full_name(particles) -> None:
    text = "Mohamed El Fassi a pris la parole. El Fassi a rappelé les chiffres."
    (fact,) = merge_people(mentions(text, "Mohamed El Fassi", "El Fassi"), [], particles)
    assert fact.forms == ["Mohamed El Fassi", "El Fassi"]


def test_a_titled_surname_before_the_full_name_joins_it_and_gives_the_title(particles) -> None:
    text = "Le Pr Alaoui a reçu M. Bennani. Ahmed Bennani a salué le travail."
    people = mentions(text, "Alaoui", "Bennani", "Ahmed Bennani", titles={"Alaoui": "Pr", "Bennani": "M."})
    facts = merge_people(people, [], particles)
    assert [(f.forms, f.extra["title"]) for f in facts] == [(["Ahmed Bennani", "Bennani"], "M."), (["Alaoui"], "Pr")]


def test_an_untitled_lone_surname_with_no_full_name_is_no_person(particles) -> None:
    text = "Alaoui a quitté la réunion."
    assert merge_people(mentions(text, "Alaoui"), [], particles) == []


def test_a_one_word_byline_is_a_person_of_its_own(particles) -> None:
    text = "Samira.L\nLe groupe a signé."
    (fact,) = merge_people([(Candidate(0, 8, "PER", "byline"), "Samira.L")], [], particles)
    assert fact.forms == ["Samira.L"] and fact.mentions == [(0, 8)]


def test_a_weak_one_word_form_joins_the_person_it_is_the_surname_of(particles) -> None:
    text = "Le patron d'Akdital, Rochdi Talib, a parlé. Selon Talib, la croissance continue."
    weak = [(Candidate(text.rindex("Talib"), text.rindex("Talib") + 5, "MISC", "ner"), "Talib")]
    (fact,) = merge_people(mentions(text, "Rochdi Talib"), weak, particles)
    assert fact.forms == ["Rochdi Talib", "Talib"]
    assert len(fact.mentions) == 2


def test_a_lower_case_word_that_is_no_particle_makes_no_name(particles) -> None:
    text = "Il a rencontré Karim directeur la veille."
    assert merge_people(mentions(text, "Karim directeur"), [], particles) == []


def test_surnames_are_the_last_word_or_all_but_the_first() -> None:
    assert surnames(["El Fassi", "Mohamed El Fassi"]) == {"fassi", "el fassi"}


def test_longest_first_keeps_the_order_among_equals() -> None:
    people = [(None, "Alaoui"), (None, "Karim Alaoui"), (None, "Tazi"), (None, "Nadia Tazi")]
    assert [s for _, s in longest_first(people)] == ["Karim Alaoui", "Nadia Tazi", "Alaoui", "Tazi"]


def test_role_is_the_apposition_after_a_mention() -> None:
    stopwords = load_rules().stopwords
    text = "Karim Alaoui, directeur général du groupe, a déclaré que la demande restait forte."
    assert role(text, [(0, 12)], stopwords) == "directeur général du groupe"
    text = "Le Dr Karim Alaoui, le patron, a parlé."
    assert role(text, [(6, 18)], stopwords) is None  # an article opens no role


def test_person_record_names_the_first_full_form(particles) -> None:
    text = "Karim Alaoui, chirurgien urologue, a opéré. Alaoui a confirmé."
    (fact,) = merge_people(mentions(text, "Karim Alaoui", "Alaoui"), [], particles)
    record = person_record(text, fact, load_rules().stopwords)
    assert record == {
        "name": "Karim Alaoui",
        "title": None,
        "role": "chirurgien urologue",
        "aliases": ["Alaoui"],
        "mentions": [[0, 12], [44, 50]],
    }


@pytest.mark.parametrize(("a", "b", "same"), [
    ("zouitine", "zouitene", True),  # one edit, six letters or more
    ("tazi", "tari", False),  # too short to tell a typo from another name
    ("bennani", "bennouna", False),
])
def test_near_surname(a: str, b: str, same: bool) -> None:
    assert near_surname(a, b) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("boubker jai", "boubacar jai", True),  # first names sharing four letters, the same surname
    ("mohamed alami", "mohammed alami", True),
    ("karim alami", "nadia alami", False),  # two people of one family
    ("boubker jai", "boubker tazi", False),
    ("alami", "alami", False),
])
def test_spelling_variant(a: str, b: str, same: bool) -> None:
    assert spelling_variant(a, b) is same


def test_spelling_variants_of_one_person_are_one_fact(particles) -> None:
    text = "Le directeur Boubacar Jai part. La décision de Boubker Jai surprend. M. Jaï reste."
    facts = merge_people(mentions(text, "Boubacar Jai", "Boubker Jai"), [], particles)
    assert [f.forms for f in facts] == [["Boubacar Jai", "Boubker Jai"]]
