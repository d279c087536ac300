"""The matching text (NFC, ``\\n`` line breaks) and its offset maps back into the original text."""
from __future__ import annotations

import unicodedata

import pytest

from extract.textmap import for_matching, remap_facts

NFC = "Trois unités à Fès, 120 lits et 2 cœurs: l'hôpital a coûté 5 millions."
NFD = unicodedata.normalize("NFD", NFC)


def test_nfc_text_is_used_as_it_is() -> None:
    mapping = for_matching(NFC)
    assert mapping.text == NFC and not mapping.changed
    assert mapping.span(6, 12) == (6, 12)


def test_nfd_text_is_read_in_nfc() -> None:
    mapping = for_matching(NFD)
    assert mapping.text == NFC and mapping.changed


@pytest.mark.parametrize("word", ["unités", "Fès", "cœurs", "l'hôpital", "coûté", "Trois", "millions."])
def test_every_word_maps_back_to_its_whole_original_form(word: str) -> None:
    mapping = for_matching(NFD)
    start = NFC.index(word)
    o_start, o_end = mapping.span(start, start + len(word))
    assert NFD[o_start:o_end] == unicodedata.normalize("NFD", word)


def test_a_span_inside_a_composed_cluster_grows_to_the_whole_grapheme() -> None:
    text = "xe\u0301\u0323y"  # NFC: x, ẹ (composed), combining acute, y
    mapping = for_matching(text)
    assert mapping.text == "x\u1eb9\u0301y"
    assert mapping.span(1, 2) == (1, 4)  # ends between ẹ and its acute: the whole grapheme
    assert mapping.span(2, 3) == (1, 4)  # starts on the acute: from the grapheme's start


def test_every_offset_lands_on_a_grapheme_boundary() -> None:
    text = "e\u0301\u0323a\u0308\u0304 Ḕ ḍ\u0307 x"
    mapping = for_matching(text)
    assert mapping.text == unicodedata.normalize("NFC", text)
    for i in range(len(mapping.text) + 1):
        for offset in (mapping.starts[i], mapping.ends[i]):
            assert offset == len(text) or not unicodedata.combining(text[offset]), (i, offset)


def test_hangul_jamo_compose_across_starters() -> None:
    text = "\u1100\u1161\u11a8 x"  # three starters (ccc 0) that NFC composes into one syllable
    mapping = for_matching(text)
    assert mapping.text == "각 x"
    assert mapping.span(0, 1) == (0, 3)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\f", "\v", "\r"])
def test_unicode_line_breaks_are_read_as_newlines_without_moving_offsets(separator: str) -> None:
    text = f"Santé{separator}Le groupe{separator}{separator}Texte"
    mapping = for_matching(text)
    assert mapping.text == text.replace(separator, "\n")
    assert len(mapping.text) == len(text) and mapping.span(6, 15) == (6, 15)


def test_crlf_is_left_as_it_is() -> None:
    assert for_matching("a\r\nb").text == "a\r\nb"


def test_remap_facts_maps_every_mention_and_keeps_the_rest() -> None:
    mapping = for_matching(NFD)
    start = NFC.index("Fès")
    facts = {"title": "x", "cities": [{"name": "Fès", "mentions": [[start, start + 3]]}], "counts": []}
    out = remap_facts(facts, mapping)
    assert out["title"] == "x" and out["counts"] == []
    (city,) = out["cities"]
    assert city["name"] == "Fès"
    o_start, o_end = city["mentions"][0]
    assert unicodedata.normalize("NFC", NFD[o_start:o_end]) == "Fès"
    assert facts["cities"][0]["mentions"] == [[start, start + 3]]  # the input is not changed


def test_an_events_evidence_is_mapped_too() -> None:
    mapping = for_matching(NFD)
    start = NFC.index("l'hôpital")
    facts = {"events": [{"type": "opening", "evidence": [start, len(NFC)]},
                        {"type": "opening", "evidence": [[0, 5], [start, start + 9]]}]}
    one, several = remap_facts(facts, mapping)["events"]
    assert unicodedata.normalize("NFC", NFD[slice(*one["evidence"])]) == NFC[start:]
    assert [unicodedata.normalize("NFC", NFD[s:e]) for s, e in several["evidence"]] == ["Trois", "l'hôpital"]
