"""Same-text coreference for events: `le groupe`, `la société`, `il`/`elle`… → the organisation last named as subject.

A pure resolver: the caller tells it how to read a sentence's subject; it reads the sentences it needs, latest first,
to answer which organisation a generic reference at some offset stands for.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain

from extract.facts import Span, opening_letters


def generic_pattern(references: Iterable[str]) -> re.Pattern[str]:
    """A regex for generic references (``le groupe``, ``il``…) as whole words, not followed by a capitalised name."""
    forms = sorted(references, key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace("'", "['’]") for f in forms)
    return re.compile(rf"(?<![\w'’-])(?i:{opening_letters(forms)}(?:{alternatives}))(?![\w'’-])"
                      rf"(?!\s+(?:[A-ZÀ-Ý]|de\s+[A-ZÀ-Ý]))")


class SentenceSubjects:
    """The organisations named as subjects of a text's sentences, each sentence read only when asked (reading one costs
    a pass of the relation reader); generic references resolve to the latest before them. ``read`` gives the subject of
    sentence ``n`` (offset, name) or None; sentences are numbered in text order."""

    def __init__(self, read: Callable[[int], tuple[int, str] | None], count: int) -> None:
        self.read = read
        self.count = count
        self.known: dict[int, tuple[int, str] | None] = {}

    def _at(self, number: int) -> tuple[int, str] | None:
        if number not in self.known:
            self.known[number] = self.read(number)
        return self.known[number]

    def of(self, number: int) -> str | None:
        """The subject of sentence ``number``, or None."""
        found = self._at(number)
        return None if found is None else found[1]

    def first(self, keep: Callable[[str], bool] = lambda name: True) -> str | None:
        """The first subject of the text that ``keep`` accepts, or None."""
        return next((found[1] for n in range(self.count) if (found := self._at(n)) is not None and keep(found[1])),
                    None)

    def before(self, number: int, start: int) -> Iterator[str]:
        """The subjects before offset ``start``, which lies in sentence ``number``: the latest first."""
        for n in range(min(number, self.count - 1), -1, -1):
            found = self._at(n)
            if found is not None and found[0] < start:
                yield found[1]

    def resolve(self, number: int, start: int, prefer: Sequence[re.Pattern[str]] = (),
                named: Sequence[tuple[int, str]] = ()) -> str | None:
        """The organisation most recently named as subject before offset ``start`` (in sentence ``number``), or None;
        but for the first of the ``prefer`` patterns that some name matches, the latest subject whose name matches it,
        else the latest of the ``named`` organisations (offset, name; in text order) whose name matches it
        (`le groupe` → `Groupe X` rather than `Clinique Y`)."""
        for pattern in prefer:
            candidates = chain(self.before(number, start), (name for at, name in reversed(named) if at < start))
            fitting = next((name for name in candidates if pattern.search(name)), None)
            if fitting is not None:
                return fitting
        return next(self.before(number, start), None)


def generic_mentions(text: str, span: Span, pattern: re.Pattern[str], taken: Iterable[Span]) -> list[Span]:
    """Generic references inside ``span`` of ``text`` that overlap none of the ``taken`` spans (named mentions)."""
    taken = list(taken)
    found = []
    for match in pattern.finditer(text, span[0], span[1]):
        if match.group().isupper():
            continue  # a legal form (`Salama Vie SA`), a capitalised title: no reference
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append((match.start(), match.end()))
    return found
