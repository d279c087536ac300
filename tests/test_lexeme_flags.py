"""Word tests turned into lexeme flags match what spaCy's own predicates match."""
from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from extract.lexeme_flags import LexemeFlags

TEXT = "La Clinique Atlas et le groupe AKDITAL Holding ont signé ; l'Hôpital provincial de Tiznit, la CNSS."
PATTERNS = [
    [{"LOWER": {"IN": ["clinique", "hôpital"]}}, {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "+"}],
    [{"LOWER": "groupe"}, {"ORTH": {"NOT_IN": ["Holding"]}, "IS_UPPER": True}],
    [{"LOWER": {"IN": ["hôpital"]}, "IS_TITLE": True}, {"TEXT": {"REGEX": "^[a-zé]+al$"}}, {"LOWER": {"IN": ["de"]}}, {"_": {"capital": True}}],
]


def matches(nlp, patterns) -> list[str]:
    matcher = Matcher(nlp.vocab, validate=False)
    for i, pattern in enumerate(patterns):
        matcher.add(str(i), [pattern], greedy="LONGEST")
    doc = nlp(TEXT)
    return sorted(doc[s:e].text for _, s, e in matcher(doc))


def test_flagged_patterns_match_as_the_patterns_as_written() -> None:
    nlp = spacy.blank("fr")
    spacy.tokens.Token.set_extension("capital", getter=lambda t: t.text[:1].isupper(), force=True)
    flags = LexemeFlags(nlp.vocab, {"capital": lambda word: word[:1].isupper()})
    native = [[flags.native(token) for token in pattern] for pattern in PATTERNS]
    assert all("_" not in token and "LOWER" not in token or token.get("LOWER") == "groupe" for p in native for token in p)
    assert matches(nlp, native) == matches(nlp, PATTERNS) == ["Clinique Atlas", "Hôpital provincial de Tiznit", "groupe AKDITAL"]


def test_one_flag_per_distinct_test_and_none_when_the_vocab_has_no_flag_left() -> None:
    vocab = spacy.blank("fr").vocab
    flags = LexemeFlags(vocab)
    first = flags.native({"LOWER": {"IN": ["a", "b"]}})
    assert flags.native({"LOWER": {"NOT_IN": ["a", "b"]}}) == {next(iter(first)): False}
    while flags.add(lambda word: False) is not None:
        pass
    assert flags.native({"LOWER": {"IN": ["c"]}}) == {"LOWER": {"IN": ["c"]}}  # kept as written
