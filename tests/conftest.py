"""Helpers shared by the extractor tests: finding facts in records and checking their offsets."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

import pytest

from extract.reader import Article
from extract.textnorm import normalize_name

NAMED = ("organizations", "people", "cities")
QUANTITIES = ("amounts", "dates", "counts")


def make_article(text: str, article_id: str = "t") -> Article:
    """An article as the reader would build it from a UTF-8 file holding ``text``."""
    data = text.encode("utf-8")
    return Article(id=article_id, source=f"{article_id}.txt", text=text, sha256=hashlib.sha256(data).hexdigest())


def forms(fact: dict) -> list[str]:
    """A named fact's name and aliases."""
    return [fact["name"], *fact.get("aliases", [])]


def named(facts: Iterable[dict], form: str) -> dict | None:
    """The named fact (organisation, person or city) one of whose forms equals ``form`` after normalisation."""
    key = normalize_name(form)
    return next((f for f in facts if key in {normalize_name(x) for x in forms(f)}), None)


def assert_offsets(record: dict, text: str) -> None:
    """Every mention points into ``text``: named mentions read as one of the fact's forms (or contain it,
    for a byline or acronym pair), and a quantity's ``text`` is its first mention exactly."""
    for kind in NAMED + QUANTITIES:
        for fact in record[kind]:
            assert fact["mentions"], (kind, fact)
            for start, end in fact["mentions"]:
                assert 0 <= start < end <= len(text), (kind, fact)
            if kind in QUANTITIES:
                start, end = fact["mentions"][0]
                assert text[start:end] == fact["text"], (kind, fact)
            else:
                for start, end in fact["mentions"]:
                    assert text[start:end] in forms(fact), (kind, fact, text[start:end])


def extract_text(extractor, text: str, article_id: str = "t") -> dict:
    """The output record of one article holding ``text``, its offsets checked."""
    (record,) = list(extractor.pipe([make_article(text, article_id)]))
    assert_offsets(record, text)
    return record


def find_quantities(finder, sentence: str, allowed=lambda start, end: True) -> list[dict]:
    """Amount, date or count facts of ``sentence``, each ``text`` checked to be its first mention."""
    facts = finder.find(sentence, allowed)
    for fact in facts:
        start, end = fact["mentions"][0]
        assert fact["text"] == sentence[start:end], fact
    return facts


@pytest.fixture(scope="session", autouse=True)
def city_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterable[str]:
    """One prebuilt city index for the whole session, in its own folder (inherited by the commands tests run),
    so tests neither rebuild it per process nor touch the user's cache."""
    folder = str(tmp_path_factory.mktemp("index"))
    previous = os.environ.get("EXTRACT_INDEX_DIR")
    os.environ["EXTRACT_INDEX_DIR"] = folder
    yield folder
    if previous is None:
        del os.environ["EXTRACT_INDEX_DIR"]
    else:
        os.environ["EXTRACT_INDEX_DIR"] = previous
