"""The name patterns' automaton finds what spaCy's Matcher finds, in the Matcher's order of patterns."""
from __future__ import annotations

import random

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extract.name_candidates import CandidateFinder
from extract.name_lexicon import NameLexicon
from extract.rules import load_rules
from extract.token_patterns import TokenPatterns

PATTERNS = [
    [{"LOWER": {"IN": ["clinique", "groupe"]}}, {"IS_TITLE": True, "OP": "+"}],
    [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "holding"}, {"TEXT": {"REGEX": "^[A-Z]{2,}$"}, "OP": "?"}],
    [{"LOWER": "directeur"}, {"IS_LOWER": True, "LOWER": {"NOT_IN": ["de", "du"]}, "OP": "*"}, {"_": {"capital": True}, "OP": "+"}],
]


def spacy_matches(vocab, patterns: list[list[dict]], doc: Doc) -> list[tuple[int, int, int]]:
    matcher = Matcher(vocab)
    for i, pattern in enumerate(patterns):
        matcher.add(str(i), [pattern], greedy="LONGEST")
    return [(int(vocab.strings[key]), start, end) for key, start, end in matcher(doc)]


def test_matches_and_their_order_are_the_matchers_on_a_written_sentence() -> None:
    nlp = spacy.blank("fr")
    spacy.tokens.Token.set_extension("capital", getter=lambda t: t.text[:1].isupper(), force=True)
    doc = nlp("Le directeur général Karim Atlas du groupe Nour Santé Holding SA et la clinique Zahra Nord.")
    found = TokenPatterns(nlp.vocab, PATTERNS, {"capital": lambda word: word[:1].isupper()})(doc)
    assert found.matches == spacy_matches(nlp.vocab, PATTERNS, doc)
    assert [doc[s:e].text for _, s, e in found.matches] == [
        "directeur général Karim Atlas", "groupe Nour Santé Holding", "clinique Zahra Nord", "Nour Santé Holding SA",
    ]


def test_the_project_patterns_match_as_the_matcher_on_random_word_sequences() -> None:
    rules = load_rules()
    vocab = spacy.blank("fr").vocab
    lex = NameLexicon(rules)
    finder = CandidateFinder(vocab, rules.name_patterns, lex, lambda name: False)
    words = ["de", "la", "du", "l'", "et", "pour", ",", "&", ".", "\n", "M.", "Dr", "général", "nouveau", "privée",
             "Karim", "Atlas", "Nord", "Santé", "ONCF", "El", "ministère", "Ministère", "selon", "rapporté", "par",
             *sorted(lex.prefix_types)[:12], *sorted(lex.suffix_types)[:8], *sorted(lex.role_nouns)[:8]]
    rng = random.Random(0)
    for _ in range(400):
        doc = Doc(vocab, words=[rng.choice(words) for _ in range(rng.randint(1, 30))])
        expected = [(int(vocab.strings[key]), start, end) for key, start, end in finder.matcher(doc)]
        found = finder.patterns(doc)
        assert sorted(found.matches) == sorted(expected), doc.text
        order = list(dict.fromkeys(p for p, _, _ in expected))  # the Matcher's order of patterns
        ranks = [(*found.first[p], p) for p in order]  # first reports (token, start, pattern), where known
        assert all(a[0] < b[0] or a[0] == b[0] and (None in (a[1], b[1]) or a[1:] < b[1:]) for a, b in zip(ranks, ranks[1:]))


@pytest.mark.parametrize("token", [{"POS": "PROPN"}, {"LOWER": {"FUZZY": "clinique"}}, {"IS_TITLE": True, "OP": "{2}"}])
def test_a_test_that_does_not_read_the_word_alone_is_refused(token: dict) -> None:
    with pytest.raises(ValueError):
        TokenPatterns(spacy.blank("fr").vocab, [[token]], {})
