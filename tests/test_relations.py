"""Relations of mentions to a trigger from word order and cues, and the `le groupe` resolver: pure, no model."""
from __future__ import annotations

import re

import pytest

from extract.coref import SentenceSubjects, generic_mentions, generic_pattern
from extract.events import load_event_rules
from extract.relations import Anchor, Slot, SurfaceRelations


@pytest.fixture(scope="module")
def relate() -> SurfaceRelations:
    rules = load_event_rules()
    return SurfaceRelations(rules.cues, rules.coordination)


def read(relate: SurfaceRelations, text: str, trigger: str, names: list[str]) -> dict[str, tuple[str, str | None]]:
    """Relations of the named mentions (first occurrence of each) to the first occurrence of ``trigger``."""
    start = text.index(trigger)
    slots = [Slot("org", text.index(n), text.index(n) + len(n), n) for n in names]
    found = relate(text, (0, len(text)), Anchor(start, start + len(trigger)), slots)
    return {slot.value: (relation.label, relation.cue) for slot, relation in found.items()}


def test_subject_object_and_cue(relate) -> None:
    text = "Le fonds Kasbah Partners a cédé la Clinique Atlas au groupe Vitalis Santé."
    assert read(relate, text, "a cédé", ["Kasbah Partners", "Clinique Atlas", "Vitalis Santé"]) == {
        "Kasbah Partners": ("subj", None), "Clinique Atlas": ("obj", None), "Vitalis Santé": ("prep", "à")}


def test_coordination_shares_the_relation_even_with_the_cue_repeated(relate) -> None:
    text = "Medika Santé a levé 200 MDH auprès d'Atlas Capital, de Rif Invest et du fonds Sahel Partners."
    found = read(relate, text, "a levé", ["Medika Santé", "Atlas Capital", "Rif Invest", "Sahel Partners"])
    assert found["Medika Santé"] == ("subj", None)
    assert {found[n] for n in ("Atlas Capital", "Rif Invest", "Sahel Partners")} == {("prep", "auprès de")}


def test_the_antecedent_of_qui_keeps_its_cue(relate) -> None:
    text = "Le tour est mené par Atlas Capital, un fonds de Paris, avec Rif Invest, qui apporte 4 MDH."
    found = read(relate, text, "apporte", ["Atlas Capital", "Rif Invest"])
    assert found["Rif Invest"] == ("subj", "avec")


def test_qui_after_a_person_s_title_has_the_person_as_antecedent(relate) -> None:
    text = "Selon Youssef Berrada, associé chez Atlas Ventures, qui rejoint le conseil."
    start = text.index("rejoint")
    slots = [Slot("person", text.index("Youssef"), text.index(","), "Youssef Berrada"),
             Slot("org", text.index("Atlas"), text.index(", qui"), "Atlas Ventures")]
    found = {s.value: r.label for s, r in relate(text, (0, len(text)), Anchor(start, start + 7), slots).items()}
    assert found == {"Youssef Berrada": "subj", "Atlas Ventures": "other"}


def test_par_after_a_participle_on_another_name_is_not_the_trigger_s_agent(relate) -> None:
    text = "Un prêt de 40 M€ à la société Rif Solar, détenue à parts égales par Atlas Energie, puis arrangé par Sahel Bank."
    found = read(relate, text, "prêt", ["Rif Solar", "Atlas Energie"])
    assert found["Atlas Energie"] == ("other", None)
    text = "Un prêt de 40 M€ arrangé par Sahel Bank pour Rif Solar, qui sera accordé par Atlas Energie."
    found = read(relate, text, "prêt", ["Sahel Bank", "Rif Solar", "Atlas Energie"])
    assert found["Sahel Bank"] == ("prep", "par") and found["Atlas Energie"] == ("prep", "par")


def test_a_name_closing_the_relative_clause_of_the_subject_is_no_subject(relate) -> None:
    text = "Vitalis, qui a racheté l'an dernier Atlas Care, a réalisé un chiffre d'affaires de 3 MMDH."
    found = read(relate, text, "chiffre d'affaires", ["Vitalis", "Atlas Care"])
    assert found == {"Vitalis": ("subj", None), "Atlas Care": ("other", None)}


def test_a_colon_list_takes_the_cue_of_the_phrase_it_spells_out(relate) -> None:
    text = "Le financement sera apporté par trois banques : Sahel Bank, Rif Banque et Atlas Bank."
    found = read(relate, text, "financement", ["Sahel Bank", "Rif Banque", "Atlas Bank"])
    assert set(found.values()) == {("prep", "par")}
    text = "Vitalis a obtenu l'accord pour l'acquisition de deux cliniques à Fès : la Clinique Badr et Atlas Care."
    found = read(relate, text, "acquisition", ["Clinique Badr", "Atlas Care"])
    assert set(found.values()) == {("prep", "de")}


def test_a_cue_before_a_type_noun_governs_the_name(relate) -> None:
    text = "Medika Santé a levé 200 MDH auprès du fonds d'investissement Atlas Capital."
    assert read(relate, text, "a levé", ["Atlas Capital"])["Atlas Capital"] == ("prep", "auprès de")


def test_led_by_and_agent(relate) -> None:
    text = "Medika Santé a bouclé une levée de fonds de 12 M$, menée par Atlas Capital."
    assert read(relate, text, "levée de fonds", ["Medika Santé", "Atlas Capital"]) == {
        "Medika Santé": ("subj", None), "Atlas Capital": ("prep", "mené par")}


def test_only_the_nearest_subject_is_the_subject(relate) -> None:
    text = ("Selon Rif Invest, Atlas Capital confirme que le groupe Vitalis Santé, partenaire de Medika Santé, "
            "a racheté la Clinique Badr.")
    found = read(relate, text, "a racheté", ["Rif Invest", "Atlas Capital", "Vitalis Santé", "Medika Santé"])
    assert found == {"Rif Invest": ("prep", "selon"), "Atlas Capital": ("other", None),
                     "Vitalis Santé": ("subj", None), "Medika Santé": ("prep", "de")}


def test_relative_que_makes_the_antecedent_an_object(relate) -> None:
    text = "La Clinique Atlas, que Vitalis Santé a rachetée en 2021, compte 80 lits."
    assert read(relate, text, "a rachetée", ["Clinique Atlas", "Vitalis Santé"]) == {
        "Clinique Atlas": ("obj", None), "Vitalis Santé": ("subj", None)}


def subjects_of(found: dict[int, tuple[int, str] | None], asked: list[int] | None = None,
                named: list[tuple[int, str]] | None = None) -> SentenceSubjects:
    """Sentence subjects read from ``found`` (sentence number → offset and name), noting each read in ``asked``; the
    text's organisations are ``named`` (offset, name), else the subjects."""
    named = [f for f in found.values() if f is not None] if named is None else named
    return SentenceSubjects(lambda n: (asked.append(n) if asked is not None else None) or found[n], len(found), named)


def test_sentence_subjects_resolve_to_the_latest_subject_before() -> None:
    subjects = subjects_of({0: (0, "Vitalis Santé"), 1: None, 2: (100, "Medika Santé")})
    assert subjects.resolve(1, 50) == "Vitalis Santé"
    assert subjects.resolve(2, 150) == "Medika Santé"
    assert subjects.resolve(2, 100) == "Vitalis Santé"
    assert subjects.resolve(0, 0) is None


def test_sentence_subjects_prefer_the_latest_subject_whose_name_fits() -> None:
    subjects = subjects_of({0: (0, "Groupe Vitalis"), 1: (100, "Clinique Atlas")})
    assert subjects.resolve(1, 150, [re.compile("groupe", re.IGNORECASE)]) == "Groupe Vitalis"
    assert subjects.resolve(1, 150, [re.compile("banque", re.IGNORECASE)]) == "Clinique Atlas"
    found = {0: (0, "Groupe Vitalis"), 1: (100, "Clinique Atlas")}
    subjects = subjects_of(found, named=[(0, "Groupe Vitalis"), (50, "Banque du Sud"), (60, "Banque Rif"),
                                         (100, "Clinique Atlas")])
    assert subjects.resolve(1, 150, [re.compile("banque", re.IGNORECASE)]) == "Banque Rif"
    sud = [re.compile("sud", re.IGNORECASE), re.compile("banque", re.IGNORECASE)]
    assert subjects.resolve(1, 150, sud) == "Banque du Sud"


def test_sentence_subjects_look_at_each_sentence_about_once_for_many_references() -> None:
    """A long text whose only subject opens it: resolving a reference in every sentence stays linear."""

    class Counting(SentenceSubjects):
        looks = 0

        def _at(self, number: int) -> tuple[int, str] | None:
            Counting.looks += 1
            return super()._at(number)

    found = {n: ((0, "Groupe Vitalis") if n == 0 else None) for n in range(400)}
    subjects = Counting(found.__getitem__, len(found), [(0, "Groupe Vitalis")])
    groupe, banque = re.compile("groupe", re.IGNORECASE), re.compile("banque", re.IGNORECASE)
    for n in range(1, 400):
        assert subjects.resolve(n, 10 * n + 5, [banque, groupe]) == "Groupe Vitalis"
    assert Counting.looks < 10 * 400  # scanning back to the first sentence each time would take some 240,000


def test_sentence_subjects_read_each_sentence_once_and_only_when_asked() -> None:
    asked: list[int] = []
    subjects = subjects_of({0: None, 1: (40, "Groupe Vitalis"), 2: (90, "Clinique Atlas"), 3: None}, asked)
    assert subjects.of(2) == "Clinique Atlas" and asked == [2]
    assert subjects.resolve(3, 120) == "Clinique Atlas" and asked == [2, 3]
    assert subjects.first() == "Groupe Vitalis" and asked == [2, 3, 0, 1]
    assert subjects.resolve(3, 120, [re.compile("groupe", re.IGNORECASE)]) == "Groupe Vitalis" and asked == [2, 3, 0, 1]
    assert subjects.first(lambda name: name != "Groupe Vitalis") == "Clinique Atlas"
    assert subjects.first(lambda name: name.startswith("Banque")) is None
    assert subjects_of({0: None, 1: None}).first() is None


def test_generic_references_exclude_names_and_typed_names() -> None:
    pattern = generic_pattern(["le groupe", "la société", "il", "elle", "l'établissement"])
    text = "Le groupe Akdital grandit. Le groupe a levé 20 MDH; il recrute. L’établissement ouvre. Elles, non."
    found = [text[s:e] for s, e in generic_mentions(text, (0, len(text)), pattern, [])]
    assert found == ["Le groupe", "il", "L’établissement"]
    taken = [(m.start(), m.end()) for m in re.finditer("il recrute", text)]
    assert [text[s:e] for s, e in generic_mentions(text, (0, len(text)), pattern, taken)] == ["Le groupe",
                                                                                              "L’établissement"]
