"""Span lookups that keep long texts linear: the same answers as a scan over every span."""
from __future__ import annotations

import random
import re

import pytest
import spacy

from extract.cities import Tokens, entity_spans
from extract.facts import DisjointSpans, SpanIndex, opening_letters, overlaps, openings, sentence_bounds, sentence_start
from extract.pipeline import MODEL, UNUSED_COMPONENTS


def random_spans(rng: random.Random, count: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        start = rng.randrange(200)
        spans.append((start, start + rng.randrange(0, 30)))
    return spans


@pytest.mark.parametrize("seed", range(20))
def test_span_index_agrees_with_a_scan(seed: int) -> None:
    rng = random.Random(seed)
    spans = random_spans(rng, rng.randrange(0, 25))  # nested, overlapping, empty and repeated spans
    index = SpanIndex(spans)
    for query in random_spans(rng, 200):
        assert index.overlaps(query) == overlaps(query, spans), (query, spans)
        assert index.containing(query) == sorted(s for s in spans if s[0] <= query[0] and query[1] <= s[1])


@pytest.mark.parametrize("seed", range(20))
def test_disjoint_spans_keep_what_a_scan_keeps(seed: int) -> None:
    rng = random.Random(seed)
    kept, taken = [], DisjointSpans()
    for span in random_spans(rng, 300):
        if span[1] == span[0]:
            continue
        assert taken.overlaps(span) == overlaps(span, kept), (span, kept)
        if not overlaps(span, kept):
            kept.append(span)
            taken.add(span)
    assert len(kept) > 5  # the greedy choice kept several spans, not just the first


def test_span_index_of_nothing() -> None:
    assert not SpanIndex([]).overlaps((0, 10)) and SpanIndex([]).containing((0, 1)) == []


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL, exclude=UNUSED_COMPONENTS)


@pytest.mark.parametrize("label", ["LOC", "ORG", "PER", "MISC"])
def test_entity_spans_are_the_docs_entities(nlp, label: str) -> None:
    doc = nlp("Le groupe Akdital ouvre à Tanger une clinique de 120 lits, annonce Rochdi Talib depuis Casablanca. "
              "La Banque mondiale et l'Agence française de développement (AFD) financent l'hôpital de Fès-Meknès.")
    expected = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == label]
    assert entity_spans(doc, label) == expected
    assert any(entity_spans(doc, kind) for kind in ("LOC", "ORG"))


def test_entity_spans_and_tokens_of_an_empty_doc(nlp) -> None:
    doc = nlp("")
    assert entity_spans(doc, "LOC") == [] and Tokens(doc).starts == []


def test_tokens_give_each_tokens_offsets(nlp) -> None:
    doc = nlp("Selon l'ONEE, à Rabat : 3,5 MDH.")
    tokens = Tokens(doc)
    assert [doc.text[s:e] for s, e in zip(tokens.starts, tokens.ends)] == [t.text for t in doc]
    assert tokens.punct == [int(t.is_punct) for t in doc]


def test_opening_letters_keep_an_alternation_s_matches() -> None:
    forms = ["auprès de", "avec", "d'", "'t"]
    alternation = "|".join(re.escape(f).replace("'", "['’]") for f in forms)
    plain = re.compile(rf"(?<!\w)(?:{alternation})", re.IGNORECASE)
    guarded = re.compile(rf"(?<!\w){opening_letters(forms)}(?:{alternation})", re.IGNORECASE)
    text = "Levée Auprès de la banque, avec d’autres et d'un fonds, ’t et 'T; rien ici."
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(guarded.finditer(text))) == 6


def test_capitalised_tokens_are_those_opening_with_a_capital_of_any_script(nlp) -> None:
    text = "Élise va à Fès, «Rabat» puis İzmir et Ωmega ; été 2024 à ÉVORA, 3M et Kelvin."
    doc = nlp(text)
    assert Tokens(doc).capitalised(text) == [i for i, t in enumerate(doc) if t.text[:1].isupper()]
    assert [doc[i].text for i in Tokens(doc).capitalised(text)][:4] == ["Élise", "Fès", "Rabat", "İzmir"]


def test_openings_find_the_offsets_a_zero_width_scan_finds() -> None:
    not_after, words = [r"[\w.-]", r"\^\s"], [("deux", ""), ("dix", ""), ("six", ""), ("mars", r"(?![\w])"), ("ici", "")]
    alternation = "|".join(re.escape(form) + then for form, then in words)
    plain = re.compile("".join(f"(?<!{p})" for p in not_after) + rf"(?=(\d)|(?i:{alternation}))")
    text = "Deux, DIX et ſix (six) ; 12 mars, Mars2, 3-4, x5 ^ 6, ^7, İci ıci, ٣ mars, dixit, Kelvin, mars."
    found = [(m.start(), m.group(1)) for m in openings(not_after, words).finditer(text)]
    assert found == [(m.start(), m.group(1)) for m in plain.finditer(text)]
    assert [text[s : s + 4] for s, _ in found] == [
        "Deux", "DIX ", "ſix ", "six)", "12 m", "mars", "3-4,", "7, İ", "İci ", "ıci,", "٣ ma", "mars", "dixi", "mars",
    ]


def test_openings_refuse_a_word_that_opens_outside_ascii() -> None:
    with pytest.raises(ValueError):
        openings([], [("élan", "")])


def test_sentences_break_after_marks_before_a_capital_and_at_each_line() -> None:
    text = "Il a dit... «Oui» ! Puis: «Non.» Fin.\nSuite 3.5 M. Dupont.\u00a0Après?? «Ah» a. b\n\nZ"
    bounds = sentence_bounds.__wrapped__(text)
    assert [text[b : b + 4] for b in bounds] == ["Il a", "«Oui", "Puis", "Fin.", "Suit", "Dupo", "Aprè", "«Ah»", "\nZ", "Z"]


def test_no_sentence_break_after_an_initial_or_an_honorific() -> None:
    text = "Lydec a nommé M. Karim Alaoui et J. Dupont, puis le Dr. Tazi. La mine Tri-K. Entre autres, 3 M. Le bilan."
    bounds = sentence_bounds.__wrapped__(text)
    assert [text[b : b + 4] for b in bounds] == ["Lyde", "La m", "Entr", "Le b"]


def test_sentence_start_matches_after_a_mark_a_line_break_or_the_text_s_start() -> None:
    plain, colon, strict = sentence_start(), sentence_start(".!?:"), sentence_start(blanks_at_start=False)
    text = "Le bilan : Orvane recrute. Kelmo aussi"
    assert plain.search(text, 0, text.index("Kelmo")) and not plain.search(text, 0, text.index("Orvane"))
    assert colon.search(text, 0, text.index("Orvane"))
    assert not plain.search(text, 0, text.index("recrute")) and plain.search("a\n  B", 0, 4)
    assert plain.search("  Kelmo", 0, 2) and not strict.search("  Kelmo", 0, 2) and strict.search("Kelmo", 0, 0)
    assert not plain.search(" . x", 1, 1) and plain.search(" . x"[1:1])  # ``^`` is a slice's start, not ``pos``
