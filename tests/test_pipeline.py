"""The spaCy pipeline itself: what it keeps on each doc for the finders."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.extractor import Extractor


@pytest.fixture(scope="module")
def nlp():
    return Extractor().nlp


TEXT = "La Clinique Atlas a levé 12 millions de dirhams à Rabat le 3 mars 2021.\n\nM. Karim Zerhouni l'a dit."


def test_the_tokenizer_keeps_the_text_and_the_facts_do_not_depend_on_it(nlp) -> None:
    doc = nlp(TEXT)
    assert doc._.text == TEXT
    bare = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    assert bare._.text is None
    assert nlp.get_pipe("fact_extractor")(nlp.get_pipe("ner")(bare))._.facts == doc._.facts
    assert doc._.facts["amounts"] and doc._.facts["people"]


def test_blank_out_keeps_length_and_offsets() -> None:
    from extract.pipeline import blank_out

    assert blank_out("ab cd ef", [(0, 2), (6, 8)]) == "   cd   "
    assert blank_out("abc", []) == "abc"


CHROMED = ("Accueil | Économie | Santé | Contact\n\nLa Clinique Atlas ouvre à Agadir\n\n"
           "La Clinique Atlas a ouvert un centre de 40 lits à Agadir, a annoncé M. Karim Zerhouni.\n\n"
           "Lire aussi : Rabat accueille un salon\n")


def test_the_model_reads_no_chrome_and_the_facts_keep_their_offsets(nlp) -> None:
    doc = nlp(CHROMED)
    assert doc._.text == CHROMED and len(doc.text) == len(CHROMED)
    menu = CHROMED.index("Accueil"), CHROMED.index("\n")
    assert doc.text[menu[0]:menu[1]].strip() == "", "the menu line reached the model"
    assert not any(t.text in {"Accueil", "Économie", "Contact"} for t in doc)
    assert "Lire aussi" not in doc.text  # the teaser is chrome too
    facts = doc._.facts
    assert [c["name"] for c in facts["cities"]] == ["Agadir"]
    assert {CHROMED[s:e] for s, e in facts["cities"][0]["mentions"]} == {"Agadir"}
    assert [CHROMED[s:e] for p in facts["people"] for s, e in p["mentions"]] == ["Karim Zerhouni"]


def test_phrase_patterns_made_on_the_pipeline_are_not_blanked_as_chrome(nlp) -> None:
    """A trigger phrase alone is a short line, which chrome marks: patterns must come from the model's tokenizer."""
    from extract.events import EventFinder

    doc = nlp(TEXT)
    assert {t.frame.type for t in EventFinder(nlp).trigger_words(doc)} == {"funding"}
