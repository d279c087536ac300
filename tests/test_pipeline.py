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
