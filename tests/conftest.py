"""Helpers shared by the extractor tests: finding facts in records and checking their offsets."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from extract.eventroles import ROLES as ROLE_KINDS
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
    assert_events(record, text)


def assert_events(record: dict, text: str) -> None:
    """Every event's evidence is whole sentences of ``text`` (stripped, in order), and its name roles are the
    names of the record's own facts."""
    names = {kind: {f["name"] for f in record[kind]} for kind in NAMED}
    role_lists = {"org": "organizations", "person": "people", "city": "cities"}
    for event in record.get("events", []):
        assert event["evidence"] == sorted(event["evidence"]), event
        for start, end in event["evidence"]:
            assert 0 <= start < end <= len(text), event
            assert text[start:end] == text[start:end].strip(), event
        for role, value in event["roles"].items():
            kind = ROLE_KINDS[event["type"]][role]
            if kind in role_lists and value is not None:
                assert value in names[role_lists[kind]], (role, value)
            if kind == "orgs":
                assert set(value) <= names["organizations"], (role, value)


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
