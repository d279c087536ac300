"""Pieces of candidate finding that need no model: the name-word test, description words, line splits."""
from __future__ import annotations

import pytest
import spacy

from spacy.errors import MatchPatternError

from extract.name_candidates import CandidateFinder, split_lines
from extract.name_lexicon import NameLexicon
from extract.rules import load_rules


@pytest.fixture(scope="module")
def lex() -> NameLexicon:
    return NameLexicon(load_rules())


@pytest.mark.parametrize(("word", "expected"), [("Akdital", True), ("CNSS", True), ("3M", True), ("clinique", False), ("Le", False), ("Lundi", False)])
def test_name_word_is_capitalised_and_no_function_or_calendar_word(lex, word: str, expected: bool) -> None:
    assert lex.name_word(word) is expected


def test_words_between_a_type_word_and_its_name_describe_it(lex) -> None:
    assert [w for w in "hôpital provincial de Tiznit".split()[1:] if lex.describes(w)] == ["provincial", "de"]
    assert not lex.describes("Tiznit")


def test_an_entity_running_over_a_line_break_is_split_into_its_lines() -> None:
    doc = spacy.blank("fr")("Clinique Atlas\nRabat a ouvert")
    assert [p.text for p in split_lines(doc[0:4], doc.text)] == ["Clinique Atlas", "Rabat"]
    assert [p.text for p in split_lines(doc[0:2], doc.text)] == ["Clinique Atlas"]
    doc = spacy.blank("fr")("Clinique  Atlas et\tRabat")
    assert [p.text for p in split_lines(doc[0:6], doc.text)] == ["Clinique", "Atlas et", "Rabat"]


def test_the_name_word_flag_matches_as_the_name_word_test(lex) -> None:
    nlp = spacy.blank("fr")
    finder = CandidateFinder(nlp.vocab, [{"label": "ORG", "pattern": [{"LOWER": "groupe"}, {"_": {"name_part": True}, "OP": "+"}]}], lex, lambda _: False)
    doc = nlp("le groupe Akdital Holding et la CNSS ont signé lundi avec le groupe Le Lundi")
    assert [t._.name_part for t in doc] == [lex.name_word(t.text) for t in doc]
    assert [doc[s:e].text for _, s, e in finder.matcher(doc)] == ["groupe Akdital Holding"]


def test_a_malformed_name_pattern_is_refused(lex) -> None:
    with pytest.raises(MatchPatternError):
        CandidateFinder(spacy.blank("fr").vocab, [{"label": "ORG", "pattern": [{"LOWER": {"IN": 3}}]}], lex, lambda _: False)


def test_acronyms_are_read_from_the_lexeme_flag_outside_lines_of_capitals(lex) -> None:
    from extract.chrome import analyse

    nlp = spacy.blank("fr")
    finder = CandidateFinder(nlp.vocab, [{"label": "ORG", "pattern": [{"LOWER": "fondation"}, {"_": {"name_part": True}}]}], lex, lambda _: False)
    text = "LE MATIN DU SAHARA ET DU MAGHREB\n\nLa CNDP et l'ANGSPE ont signé avec le groupe II."  # acronyms not in known_orgs.txt
    doc = nlp(text)
    found = [text[c.start : c.end] for c in finder.find(doc, text, analyse(text)) if c.source == "acronym"]
    assert found == ["CNDP", "ANGSPE"]


def test_an_internal_body_is_cut_only_where_a_name_opens_with_it(lex) -> None:
    nlp = spacy.blank("fr")
    finder = CandidateFinder(nlp.vocab, [], lex, lambda _: False)
    opener = next(body for body in lex.internal_bodies if len(body) == 1 and body != ["direction"])[0]
    text = f"{opener} de la Banque Atlas et Banque {opener}"
    doc = nlp(text)
    assert [t.text for t in finder._without_internal_body(list(doc[:5]))] == ["Banque", "Atlas"]
    assert [t.text for t in finder._without_internal_body(list(doc[6:]))] == ["Banque", opener]


def test_lower_case_words_after_a_leading_article_are_trimmed(lex) -> None:
    nlp = spacy.blank("fr")
    finder = CandidateFinder(nlp.vocab, [], lex, lambda _: False)
    text = "Le nombre des bénéficiaires du régime de l’Assurance maladie obligatoire a atteint"
    doc = nlp(text)
    cand = finder._from_tokens(text, doc[0:11], "ORG", "ner")
    assert cand is not None and text[cand.start : cand.end] == "Assurance maladie obligatoire"


def test_a_word_with_capitals_inside_is_a_weak_candidate_without_the_model(lex) -> None:
    from extract.chrome import analyse

    nlp = spacy.blank("fr")  # no entity recogniser: only the word's shape speaks
    finder = CandidateFinder(nlp.vocab, [], lex, lambda _: False)
    text = "Deux anciens cadres de Glindo et de BlueNova, venus de McKenna-Lee, ont fondé Orvia."
    doc = nlp(text)
    found = [(text[c.start : c.end], c.label) for c in finder.find(doc, text, analyse(text)) if c.source == "shape"]
    assert found == [("BlueNova", "MISC")]
