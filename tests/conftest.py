"""Helpers shared by the extractor tests: finding facts in records and checking their offsets."""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from extract.eventroles import ROLES as ROLE_KINDS
from extract.reader import Article
from extract.textnorm import normalize_name

PROBES = Path(__file__).resolve().parent / "probes"

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
                for start, end in fact["mentions"]:  # a name over a soft line break reads with a space
                    assert " ".join(text[start:end].split()) in forms(fact), (kind, fact, text[start:end])
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


def load_probes(path: Path) -> list[dict]:
    """The probes of one ``tests/probes/*.json`` file: press-style sentences written for the tests, with what they
    should give."""
    return json.loads(path.read_text(encoding="utf-8"))


def probe_case(probe: dict, *values, case_id: str) -> ParameterSet:
    """One probe as a test case of ``values``, a strict expected failure where it carries ``missed`` (why the rules
    still miss it), so that it is reported once it passes."""
    marks = [pytest.mark.xfail(strict=True, reason=probe["missed"])] if "missed" in probe else []
    return pytest.param(*values, marks=marks, id=case_id)


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


def fact_at(text: str, form: str, occurrence: int = 0, **fields) -> dict:
    """A hand-made fact whose one mention is the ``occurrence``-th appearance of ``form`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(form, start + 1)
    return {**fields, "mentions": [[start, start + len(form)]]}


SAMPLE_A = (
    "Santé\n\n"
    "Atlas Soins lève 300 millions de dirhams auprès de Nour Capital\n\n"
    "Par Salma Bennani | Le Journal Éco\n"
    "Publié le 12/03/2025 à 09h20\n\n"
    "Le groupe Atlas Soins a bouclé une levée de fonds de 300 millions de dirhams auprès du fonds Nour Capital, "
    "qui prend 25% du capital. Le groupe ouvrira une clinique de 120 lits à Fès en 2026.\n"
    "Atlas Soins exploite déjà trois cliniques à Casablanca.\n\n"
    "À lire aussi\nClinique Horizon : 40 MDH pour un centre à Rabat\n"
)
SAMPLE_B = (
    "Nour Capital entre au capital d'Atlas Soins\n\n"
    "Par Karim Alami\n18 avril 2025\n\n"
    "Le fonds Nour Capital a confirmé son entrée au capital du groupe Atlas Soins, à Casablanca, en mars 2025.\n"
)


def sample_records(folder) -> tuple:
    """Two hand-made articles in ``folder`` and their hand-made output records (with events in the first,
    none in the second), as the JSONL file's path and the corpus folder."""
    import json

    corpus = folder / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    records = []
    for article_id, text in (("a1", SAMPLE_A), ("b2", SAMPLE_B)):
        path = corpus / f"{article_id}.txt"
        path.write_text(text, encoding="utf-8")
        records.append({**{k: v for k, v in vars(make_article(text, article_id)).items() if k != "text"},
                        "source": str(path), "title": text.split("\n")[0] if article_id == "b2" else text.split("\n")[2]})
    a, b = records
    a.update(
        published="2025-03-12", authors=["Salma Bennani"], outlet="Le Journal Éco", url=None,
        organizations=[
            {**fact_at(SAMPLE_A, "Atlas Soins"), "name": "Atlas Soins", "aliases": []},
            {**fact_at(SAMPLE_A, "Nour Capital"), "name": "Nour Capital", "aliases": []},
            {**fact_at(SAMPLE_A, "Le Journal Éco"), "name": "Le Journal Éco", "aliases": []},
        ],
        people=[{**fact_at(SAMPLE_A, "Salma Bennani"), "name": "Salma Bennani", "title": None, "role": None}],
        cities=[{**fact_at(SAMPLE_A, "Fès"), "name": "Fès", "country": "MA", "geonameid": 2548885},
                {**fact_at(SAMPLE_A, "Casablanca"), "name": "Casablanca", "country": "MA", "geonameid": 2553604}],
        amounts=[{**fact_at(SAMPLE_A, "300 millions de dirhams", 1), "value": 300000000, "currency": "MAD",
                  "qualifier": "exact", "text": "300 millions de dirhams"}],
        dates=[{**fact_at(SAMPLE_A, "12/03/2025"), "value": "2025-03-12", "text": "12/03/2025"},
               {**fact_at(SAMPLE_A, "2026"), "value": "2026", "text": "2026"}],
        counts=[{**fact_at(SAMPLE_A, "120 lits"), "value": 120, "unit": "lit", "qualifier": "exact", "text": "120 lits"},
                {**fact_at(SAMPLE_A, "25%"), "value": 25, "unit": "%", "qualifier": "exact", "text": "25%"},
                {**fact_at(SAMPLE_A, "trois cliniques"), "value": 3, "unit": "clinique", "qualifier": "exact",
                 "text": "trois cliniques"}],
    )
    a["organizations"][0]["mentions"].append(fact_at(SAMPLE_A, "Atlas Soins", 2)["mentions"][0])
    sentence = SAMPLE_A.index("Le groupe Atlas Soins a bouclé")
    a["events"] = [
        {"type": "funding", "trigger": "levée de fonds",
         "roles": {"recipient": "Atlas Soins", "investors": ["Nour Capital"],
                   "amount": [{"value": 300000000, "currency": "MAD"}], "stake": [{"value": 25, "unit": "%"}],
                   "date": None},
         "evidence": [[sentence, SAMPLE_A.index("du capital.") + len("du capital.")]]},
        {"type": "opening", "trigger": "ouvrira",
         "roles": {"operator": "Atlas Soins", "city": "Fès", "facility": None,
                   "capacity": [{"value": 120, "unit": "lit"}], "date": "2026"},
         "evidence": [[SAMPLE_A.index("Le groupe ouvrira"), SAMPLE_A.index("en 2026.") + len("en 2026.")]]},
    ]
    b.update(
        published="2025-04-18", authors=["Karim Alami"], outlet=None, url="https://exemple.ma/nour",
        organizations=[
            {**fact_at(SAMPLE_B, "Nour Capital"), "name": "Nour Capital", "aliases": []},
            {**fact_at(SAMPLE_B, "Atlas Soins"), "name": "Atlas Soins", "aliases": ["groupe Atlas Soins"]},
        ],
        people=[{**fact_at(SAMPLE_B, "Karim Alami"), "name": "Karim Alami", "title": None, "role": None}],
        cities=[{**fact_at(SAMPLE_B, "Casablanca"), "name": "Casablanca", "country": "MA", "geonameid": 2553604}],
        amounts=[],
        dates=[{**fact_at(SAMPLE_B, "18 avril 2025"), "value": "2025-04-18", "text": "18 avril 2025"},
               {**fact_at(SAMPLE_B, "mars 2025"), "value": "2025-03", "text": "mars 2025"}],
        counts=[],
    )
    jsonl = folder / "facts.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return jsonl, corpus
