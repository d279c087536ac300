"""Well-known organisations (``rules/known_orgs.txt``) found where the text writes them.

World knowledge, as the city gazetteer and the first names are: a span written exactly as a listed
name (case-sensitive, whole words) is an organisation candidate even where the model reads a person
or a place, or nothing. A listed name that a longer capitalised name goes on from or opens after
(``Akdital Immo``, ``Fondation X``) is left to the other candidates, so that it never cuts that name.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from extract.facts import Span, sentence_start

_FIRST_WORD = re.compile(r"[\w&]+")
_WORD_START = re.compile(r"(?<![\w&-])[A-ZÀ-ÝŒ][\w&]*")  # a capitalised word or acronym: where a listed name may open
_WORD_AFTER = re.compile(r"[\w&-]")
_NEXT_WORD = re.compile(r"[ \t]+(?:(?:de|du|des)[ \t]+(?:la[ \t]+|l['’])?|d['’])?([\w'’&.-]+)")  # Y, de Y, du Y
_PREVIOUS_WORD = re.compile(r"([\w'’&-]+)[ \t]+$")
_SENTENCE_START = sentence_start(".!?:»", blanks_at_start=False)  # after a colon or a closing quote too


class KnownOrgs:
    """Finds the listed organisation names in a text; the list is indexed once by first word."""

    def __init__(self, names: Iterable[str], name_word: Callable[[str], bool]) -> None:
        self.name_word = name_word
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):  # the longest listed name at a place wins
            first = _FIRST_WORD.match(name)
            if first:
                self.by_first.setdefault(first.group(), []).append(name)

    def find(self, text: str) -> list[Span]:
        """The spans of listed names in ``text``, left to right, none inside a longer capitalised name."""
        spans: list[Span] = []
        taken = 0
        for match in _WORD_START.finditer(text):
            start = match.start()
            if start < taken or match.group() not in self.by_first:
                continue
            for name in self.by_first[match.group()]:
                end = start + len(name)
                if text.startswith(name, start) and not _WORD_AFTER.match(text, end):
                    if not self._inside_longer(text, start, end):
                        spans.append((start, end))
                    taken = end
                    break
        return spans

    def _inside_longer(self, text: str, start: int, end: int) -> bool:
        """Whether a capitalised word goes on after the name, right after it or after ``de`` (``X Capital``, ``X de
        Y``), or stands right before it past a sentence's start (``Fondation X``): part of a longer name."""
        after = _NEXT_WORD.match(text, end)
        if after and self.name_word(after.group(1)):
            return True
        before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        return bool(before) and self.name_word(before.group(1)) \
            and not _SENTENCE_START.search(text, max(0, before.start() - 3), before.start())
