"""Entity resolution across articles (entities.py): rules on hand-made records, and scores against the
hand-made gold clusters of tests/entities/clusters.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.entities import (
    Item,
    bcubed_scores,
    entity_index,
    name_key,
    near_spelling,
    pairwise_scores,
    resolve,
)
from extract.scoring import match_facts

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIRS = (ROOT / "gold", ROOT / "tests" / "dev" / "gold")
CORPORA = (ROOT / "seeds", ROOT / "tests" / "dev" / "articles")
CLUSTERS = ROOT / "tests" / "entities" / "clusters.json"
KINDS = ("organizations", "people")


def record(article: str, orgs=(), people=(), published: str | None = None) -> dict:
    """A record with organisations and people given as names or (name, [aliases])."""
    def facts(entries):
        return [{"name": e, "aliases": []} if isinstance(e, str) else {"name": e[0], "aliases": e[1]} for e in entries]

    return {"id": article, "published": published, "organizations": facts(orgs), "people": facts(people)}


def same_entity(records: list[dict], a: Item, b: Item) -> bool:
    index = entity_index(resolve(records))
    return index[a] == index[b]


def test_name_key_ignores_case_accents_punctuation_and_legal_forms() -> None:
    assert name_key("Bank Al-Maghrib") == name_key("BANK AL MAGHRIB")
    assert name_key("Atlantis Télécom S.A.") == name_key("Atlantis Telecom")
    assert name_key("Faculté de médecine d’Agadir") == name_key("faculté de Médecine d'Agadir")


def test_near_spelling_is_one_letter_in_one_long_word() -> None:
    assert near_spelling("medinova sante", "medinowa sante")
    assert not near_spelling("clinique al amal", "clinique al aman")  # short word: another name
    assert not near_spelling("kasbah partners", "kasbah capital partners")
    assert not near_spelling("lot 12", "lot 13")


def test_same_name_short_form_and_alias_join_across_articles() -> None:
    records = [
        record("a", orgs=[("Oncorad Group", ["Oncorad"]), "CDG Invest growth"], published="2023-05-10"),
        record("b", orgs=["Oncorad", "CDG Invest Growth"], published="2024-01-02"),
        record("c", orgs=["groupe Oncorad", ("Caisse nationale de sécurité sociale", ["CNSS"])]),
        record("d", orgs=["CNSS"], published="2022-11"),
    ]
    index = entity_index(resolve(records))
    assert index["a", "organizations", "Oncorad Group"] == index["b", "organizations", "Oncorad"]
    assert index["a", "organizations", "Oncorad Group"] == index["c", "organizations", "groupe Oncorad"]
    assert index["a", "organizations", "CDG Invest growth"] == index["b", "organizations", "CDG Invest Growth"]
    assert index["c", "organizations", "Caisse nationale de sécurité sociale"] == index["d", "organizations", "CNSS"]
    (oncorad,) = [e for e in resolve(records) if "Oncorad" in e.forms]
    assert oncorad.articles == ["a", "b", "c"]
    assert (oncorad.first_published, oncorad.last_published) == ("2023-05-10", "2024-01-02")
    assert oncorad.id.startswith("O-")


def test_subsidiaries_and_distinct_bodies_never_join() -> None:
    records = [
        record("a", orgs=["CIM Holding"]),
        record("b", orgs=["CIM Santé"]),
        record("c", orgs=[("Atlantis Assurance", ["Atlantis"])]),
        record("d", orgs=[("Atlantis Télécom", ["Atlantis"])]),
        record("e", orgs=["Kasbah Partners"]),
        record("f", orgs=["Kasbah Capital Partners"]),
        record("g", orgs=["CIM"]),
    ]
    index = entity_index(resolve(records))
    assert index["a", "organizations", "CIM Holding"] != index["b", "organizations", "CIM Santé"]
    assert index["c", "organizations", "Atlantis Assurance"] != index["d", "organizations", "Atlantis Télécom"]
    assert index["e", "organizations", "Kasbah Partners"] != index["f", "organizations", "Kasbah Capital Partners"]


def test_two_facts_of_one_article_stay_apart_even_through_a_third() -> None:
    records = [record("a", orgs=["Amane Santé", "Amane Holding"]), record("b", orgs=["Amane"])]
    index = entity_index(resolve(records))
    assert index["a", "organizations", "Amane Santé"] != index["a", "organizations", "Amane Holding"]


def test_people_join_on_full_names_never_on_a_shared_surname() -> None:
    records = [
        record("a", people=[("Meryem Lamrani", ["Lamrani"])]),
        record("b", people=[("Réda Lamrani", ["Lamrani"])]),
        record("c", people=["Lamrani", "Mehdi Skalli"]),
        record("d", people=["Meryem LAMRANI", "Mehdi Sqalli"]),
    ]
    index = entity_index(resolve(records))
    assert index["a", "people", "Meryem Lamrani"] == index["d", "people", "Meryem LAMRANI"]
    assert index["a", "people", "Meryem Lamrani"] != index["b", "people", "Réda Lamrani"]
    assert index["c", "people", "Lamrani"] not in (index["a", "people", "Meryem Lamrani"], index["b", "people", "Réda Lamrani"])
    assert index["c", "people", "Mehdi Skalli"] != index["d", "people", "Mehdi Sqalli"]


def test_ids_are_stable_across_runs_and_input_order() -> None:
    records = [record("a", orgs=["Bank Al-Maghrib"]), record("b", orgs=["Bank Al Maghrib", "CIH Bank"])]
    first = {e.name: e.id for e in resolve(records)}
    second = {e.name: e.id for e in resolve(list(reversed(records)))}
    assert set(first.values()) == set(second.values())


# -- scores against the hand-made gold clusters ----------------------------------------------------

def gold_records() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for d in GOLD_DIRS for p in sorted(d.glob("*.json"))]


def gold_clusters(records: list[dict]) -> dict[Item, str]:
    """Each gold named fact's cluster: its hand-made cluster, or a cluster of its own."""
    items = {(r["id"], kind, fact["name"]) for r in records for kind in KINDS for fact in r[kind]}
    clusters = json.loads(CLUSTERS.read_text(encoding="utf-8"))
    gold = {item: repr(item) for item in items}
    for kind in KINDS:
        for number, cluster in enumerate(clusters[kind]):
            for entry in cluster:
                article, name = (part.strip() for part in entry.split("|", 1))
                assert (article, kind, name) in items, f"{entry}: no such gold fact"
                gold[article, kind, name] = f"{kind}-{number}"
    return gold


def test_resolution_of_the_gold_records_meets_its_targets() -> None:
    records = gold_records()
    gold = gold_clusters(records)
    predicted = entity_index(resolve(records))
    pairwise = pairwise_scores(predicted, gold)
    bcubed = bcubed_scores(predicted, gold)
    print(f"\nentity resolution on gold records: pairwise P={pairwise[0]:.3f} R={pairwise[1]:.3f}; "
          f"B-cubed P={bcubed[0]:.3f} R={bcubed[1]:.3f} ({len(gold)} facts)")
    assert pairwise[0] >= 0.95 and pairwise[1] >= 0.90, pairwise
    assert bcubed[0] >= 0.95 and bcubed[1] >= 0.90, bcubed


def test_scores_fall_when_the_clusters_are_wrong() -> None:
    records = gold_records()
    gold = gold_clusters(records)
    everything_apart = {item: repr(item) for item in gold}
    assert pairwise_scores(everything_apart, gold)[1] == 0
    assert bcubed_scores({item: "one" for item in gold}, gold)[0] < 0.2


@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    from conftest import make_article
    from extract.extractor import Extractor

    articles = [
        make_article(path.read_text(encoding="utf-8"), path.stem) for corpus in CORPORA for path in sorted(corpus.glob("*.txt"))
    ]
    return list(Extractor().pipe(articles))


def test_resolution_of_the_extractor_output(extracted: list[dict]) -> None:
    """End to end: predicted facts matched to gold facts (ANNOTATION.md section 4) carry the gold clusters;
    the resolver's clusters over the extractor's own names and aliases are scored on the matched facts."""
    records = {r["id"]: r for r in gold_records()}
    gold = gold_clusters(list(records.values()))
    predicted_index = entity_index(resolve(extracted))
    predicted, truth = {}, {}
    for record in extracted:
        for kind in KINDS:
            for pred, real in match_facts(kind, record[kind], records[record["id"]][kind]).pairs:
                item = (record["id"], kind, pred["name"])
                predicted[item] = predicted_index[item]
                truth[item] = gold[record["id"], kind, real["name"]]
    pairwise = pairwise_scores(predicted, truth)
    bcubed = bcubed_scores(predicted, truth)
    print(f"\nentity resolution on extractor output: pairwise P={pairwise[0]:.3f} R={pairwise[1]:.3f}; "
          f"B-cubed P={bcubed[0]:.3f} R={bcubed[1]:.3f} ({len(truth)} matched facts)")
    assert pairwise[0] >= 0.9 and pairwise[1] >= 0.85, pairwise
