"""Organisation forms and merging (organisations.py), on French sentences written for the tests."""
from __future__ import annotations

import re

import pytest

from extract.gazetteer import Gazetteer, index_dir
from extract.name_candidates import Candidate, Mention
from extract.name_lexicon import NameLexicon
from extract.facts import NamedFact
from extract.organisations import OrgMerger, _whole_word_occurrences, org_record, parenthesised, repeat_mentions
from extract.rules import load_rules


@pytest.fixture(scope="module")
def merger() -> OrgMerger:
    rules = load_rules()
    return OrgMerger(NameLexicon(rules), Gazetteer(rules, index_dir()).contains)


def mentions(text: str, *surfaces: str, after: int = 0) -> list[Mention]:
    """Each surface as an ORG candidate at its next occurrence in ``text`` from ``after``."""
    found, pos = [], after
    for surface in surfaces:
        start = text.index(surface, pos)
        pos = start + len(surface)
        found.append((Candidate(start, pos, "ORG", "ner"), surface))
    return found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Akdital", "Groupe Akdital"),
        ("CNSS", "Caisse nationale de sécurité sociale"),
        ("Saham Group", "groupe Saham"),
        ("Atlas Medical", "Atlas Medical Group"),
        ("Clinique Ghandi", "Clinique Ghandi de Casablanca"),
        # the same first word, then an acronym of the rest
        ("Tarwa MEA", "Tarwa Middle-East and Africa"),
        ("Tarwa CFE", "Tarwa Conseil financier européen"),
        # a space lost in the text
        ("Tarwa MedII", "Tarwa Med II"),
        # articles and de inside a name
        ("Clinique du Parc l'Hermitage", "Clinique Le Parc Hermitage"),
        # forms of one well-known organisation that share no initials (rules/org_aliases.tsv)
        ("FMI", "IMF"),
        ("Maroc Telecom", "IAM"),
        ("OMS", "World Health Organization"),
        # a legal form spelled out or abbreviated
        ("Nexora Biotech Limited", "Nexora Biotech LTD"),
    ],
)
def test_forms_of_one_organisation(merger, a: str, b: str) -> None:
    assert merger.same_org(a, b)
    assert merger.same_org(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Akdital Holding", "Akdital Santé"),
        ("CNSS", "Caisse marocaine des retraites"),
        ("Atlas Capital", "Atlas Medical"),
        ("Tarwa MEA", "Tazrout Middle-East and Africa"),
        # two branches of one name in two cities
        ("Clinique Tarwa Meknès", "Polyclinique Tarwa Fès"),
    ],
)
def test_forms_of_different_organisations(merger, a: str, b: str) -> None:
    assert not merger.same_org(a, b)


def test_a_bare_short_form_joins_a_typed_one_only_when_bare_forms_are_allowed(merger) -> None:
    assert merger.same_org("Akdital", "Groupe Akdital", bare=True)
    assert not merger.same_org("Akdital", "Groupe Akdital", bare=False)


def test_core_drops_type_words_articles_and_the_city(merger) -> None:
    assert merger.core("Clinique Les Orangers de Rabat") == "orangers"  # articles and de left out
    assert merger.core("Groupe Akdital") == "akdital"


def test_types_are_canonical_and_a_spelled_out_type_phrase_is_its_acronym(merger) -> None:
    assert merger.types("Centre hospitalier universitaire Ibn Rochd") == {"chu"}
    assert merger.types("Saham Group") == merger.types("Groupe Saham")
    assert merger.types("groupe Saham") == frozenset()  # a lower-case common noun describes: no type of the name
    assert merger.types("Akdital") == frozenset()


@pytest.mark.parametrize(
    ("surface", "inner"),
    [
        ("banque Emirates NBD", "Emirates NBD"),
        ("hôpital provincial de Tiznit", "Tiznit"),
        ("Banque Populaire", None),  # a capitalised type word is part of the name
        ("clinique privée", None),  # no proper name follows
    ],
)
def test_described_reads_the_proper_name_after_a_lower_case_type_word(merger, surface: str, inner: str | None) -> None:
    assert merger.described(surface) == inner


def test_acronym_in_parentheses_after_a_name_is_its_partner() -> None:
    text = "La Caisse nationale de sécurité sociale (CNSS) a relevé ses tarifs."
    start = text.index("Caisse")
    end = start + len("Caisse nationale de sécurité sociale")
    inner, (a, b) = parenthesised(text, start, end)
    assert inner == "CNSS" and text[a:b] == "CNSS"


def test_an_acronym_written_as_a_word_is_a_partner(merger) -> None:
    text = "Le prêt vient de la Banque européenne pour la reconstruction et le développement (Berd) et de l'AFD."
    start = text.index("Banque")
    end = start + len("Banque européenne pour la reconstruction et le développement")
    assert parenthesised(text, start, end, merger.lex.stopwords)[0] == "Berd"


@pytest.mark.parametrize(
    ("text", "name", "partner"),
    [
        ("Le chantier est confié à Tanger Water Energy Company (Tawec), une coentreprise.", "Tanger Water Energy Company", "Tawec"),
        ("Le groupe Sothema (Société de thérapeutique marocaine) investit.", "Sothema", "Société de thérapeutique marocaine"),
        ("Le projet est piloté avec Somaprod, (Société marocaine des produits de Dakhla). Ce groupe familial", "Somaprod",
         "Société marocaine des produits de Dakhla"),
    ],
)
def test_a_word_holding_a_names_initials_in_order_is_its_partner(merger, text: str, name: str, partner: str) -> None:
    start = text.index(name)
    assert parenthesised(text, start, start + len(name), merger.lex.stopwords)[0] == partner


def test_a_word_lacking_a_names_initials_is_no_partner(merger) -> None:
    text = "La société Marsa Maroc (Maroc) a publié ses comptes."
    start = text.index("Marsa")
    assert parenthesised(text, start, start + len("Marsa Maroc"), merger.lex.stopwords) is None


def test_a_place_in_parentheses_is_no_partner() -> None:
    text = "Le groupe Akdital (Casablanca) a levé des fonds."
    start = text.index("Akdital")
    assert parenthesised(text, start, start + len("Akdital")) is None


def test_name_acronym_and_later_acronym_make_one_fact(merger) -> None:
    text = "La Caisse nationale de sécurité sociale (CNSS) a relevé ses tarifs. Selon la CNSS, la mesure coûtera cher."
    later = text.rindex("CNSS")
    name = mentions(text, "Caisse nationale de sécurité sociale")
    (fact,) = merger.merge(text, name + mentions(text, "CNSS", after=later))
    assert fact.forms == ["Caisse nationale de sécurité sociale", "CNSS"]
    assert (later, later + 4) in fact.mentions
    assert len(fact.mentions) == 3  # the name, the acronym in parentheses, the later acronym


def test_a_holding_and_its_subsidiary_stay_two_facts(merger) -> None:
    text = "Akdital Holding contrôle Akdital Santé. Akdital Holding est cotée à la Bourse."
    facts = merger.merge(text, mentions(text, "Akdital Holding", "Akdital Santé", "Akdital Holding"))
    assert [f.forms for f in facts] == [["Akdital Holding"], ["Akdital Santé"]]
    assert len(facts[0].mentions) == 2


def test_described_name_gives_its_proper_name_as_the_record_name(merger) -> None:
    text = "La banque Emirates NBD a conseillé l'opération."
    (fact,) = merger.merge(text, mentions(text, "banque Emirates NBD"))
    record = org_record(fact)
    assert record["name"] == "Emirates NBD"
    assert record["aliases"] == ["banque Emirates NBD"]
    assert record["mentions"] == [[3, 22]]


def test_absorb_adds_short_forms_and_returns_the_others(merger) -> None:
    text = "Le groupe Akdital a racheté une clinique. Akdital et Karim Alaoui ont signé."
    facts = merger.merge(text, mentions(text, "groupe Akdital"))
    rest = merger.absorb(facts, mentions(text, "Akdital", "Karim Alaoui", after=text.index(".")))
    assert [surface for _, surface in rest] == ["Karim Alaoui"]
    assert "Akdital" in facts[0].forms and len(facts[0].mentions) == 2


def test_a_type_word_and_an_acronym_join_the_spelled_out_name() -> None:
    merger = OrgMerger(NameLexicon(load_rules()), lambda surface: False)
    assert merger.same_org("Groupe BTM", "Groupe Banque Tazi Marocaine")
    assert merger.same_org("Groupe BTM", "Banque Tazi Marocaine")
    assert not merger.same_org("Groupe BTM", "Groupe Banque Atlas Marocaine")


def test_every_other_place_a_name_is_written_becomes_a_mention() -> None:
    text = ("Le laboratoire Roche inaugure son usine. Selon Roche, la demande croît ; les produits Roche s'exportent. "
            "Le distributeur Roche Bobois et M. Paul Roche n'en sont pas. Menu : Roche")
    fact = NamedFact()
    fact.add("Roche", (text.index("Roche"), text.index("Roche") + 5))
    person = text.index("Paul Roche")
    chrome = text.index("Menu")
    repeat_mentions(text, [fact], [(person, person + 10)], lambda s, e: s >= chrome, load_rules().stopwords)
    assert [text[:s].split()[-1] for s, e in sorted(fact.mentions)] == ["laboratoire", "Selon", "produits"]


@pytest.mark.parametrize("text, form", [
    ("Roche, l'Roche, Roche-Bobois, XRoche, Roche2, -Roche, d’Roche et Roche.", "Roche"),
    ("Atlas Atlas Atlas Atlas", "Atlas Atlas"),  # overlapping occurrences: left to right, none overlapping
    ("Roche", "Roche"),
    ("L’Roche, aujourd’Roche, qu'Roche, Xl’Roche, s'Roche.", "Roche"),
])
def test_whole_word_occurrences_are_the_regex_matches(text: str, form: str) -> None:
    """Not inside a word, but after an elided article or pronoun (`l’ONDA`, `d’Oliva`)."""
    elided = r"(?<=(?<![\w'’-])[ldjmnstcLDJMNSTC]['’])|(?<=(?<![\w'’-])[qQ][uU]['’])"
    expected = [m.span() for m in re.finditer(rf"(?:(?<![\w'’-])|{elided}){re.escape(form)}(?![\w-])", text)]
    assert list(_whole_word_occurrences(text, form)) == expected


def test_a_former_name_in_brackets_is_an_alias(merger) -> None:
    text = "Les résultats de GMF (ex-Tarwa Maroc) progressent."
    start, inner = text.index("GMF"), text.index("Tarwa")
    assert parenthesised(text, start, start + 3) == ("Tarwa Maroc", (inner, inner + len("Tarwa Maroc")))
    (fact,) = merger.merge(text, mentions(text, "GMF", "Tarwa Maroc"))
    assert fact.forms == ["GMF", "Tarwa Maroc"]
