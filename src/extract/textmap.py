"""The text the finders read: composed (NFC), ``\n`` line breaks, exact offsets back into the original.

Text in NFD (``e`` + combining acute for ``é``) is read in NFC, so that a word is never cut between a
letter and its accent; every offset found in the NFC text is mapped back to the original, always to a
grapheme boundary. Other line breaks (U+2028, U+2029, NEL, form feed, vertical tab, a lone ``\r``) are read
as ``\n``, one character for one, so they need no mapping.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


OFFSET_KEYS = ("mentions", "evidence")  # the keys of a fact that hold [start, end] offsets
_LINE_BREAK = re.compile("[\v\f\x1c-\x1e\x85\u2028\u2029]|\r(?!\n)")


@dataclass(frozen=True)
class TextMap:
    """Matching text with, for each NFC offset, the original offset where a span may start or end there."""

    text: str
    changed: bool  # whether offsets differ from those of the original text
    starts: tuple[int, ...]  # offset → original offset of a span starting there (empty when unchanged)
    ends: tuple[int, ...]  # offset → original offset of a span ending there (empty when unchanged)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the matching text's span [start, end)."""
        return (self.starts[start], self.ends[end]) if self.changed else (start, end)


def _clusters(text: str) -> list[str]:
    """``text`` cut only where NFC cannot join across the cut (before a starter that composes with nothing)."""
    clusters: list[str] = []
    for char in text:
        if clusters and (
            unicodedata.combining(char)
            or unicodedata.normalize("NFC", clusters[-1] + char)
            != unicodedata.normalize("NFC", clusters[-1]) + unicodedata.normalize("NFC", char)
        ):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def for_matching(text: str) -> TextMap:
    """The text to match on, ``text`` in NFC with ``\n`` line breaks, and its offset maps.

    An offset inside a composed cluster maps to the cluster's start (for a span's start) or end (for its end).
    """
    breaks = _LINE_BREAK.sub("\n", text)
    if unicodedata.is_normalized("NFC", breaks):
        return TextMap(breaks, False, (), ())
    parts, starts, ends = [], [], []
    original = 0
    for cluster in _clusters(breaks):
        composed = unicodedata.normalize("NFC", cluster)
        parts.append(composed)
        starts += [original] * len(composed)
        ends += [original + len(cluster)] * len(composed)
        original += len(cluster)
    # offset 0 ends nothing; the end of the text starts nothing
    return TextMap("".join(parts), True, (*starts, original), (0, *ends))


def remap_facts(facts: dict, mapping: TextMap) -> dict:
    """``facts`` found in ``mapping.text`` with every offset (``mentions``, an event's ``evidence``) mapped
    to the original text."""
    if not mapping.changed:
        return facts
    out = dict(facts)
    for kind, value in facts.items():
        if isinstance(value, list):
            out[kind] = [_remap_fact(fact, mapping) for fact in value]
    return out


def _remap_fact(fact: object, mapping: TextMap) -> object:
    if not isinstance(fact, dict):
        return fact
    return {key: _remap_spans(value, mapping) if key in OFFSET_KEYS else value for key, value in fact.items()}


def _remap_spans(spans: list, mapping: TextMap) -> list:
    """One ``[start, end]`` span, or a list of them, mapped."""
    if len(spans) == 2 and all(isinstance(offset, int) for offset in spans):
        return list(mapping.span(*spans))
    return [list(mapping.span(start, end)) for start, end in spans]
