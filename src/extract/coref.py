"""Same-text coreference for events: `le groupe`, `la société`, `il`/`elle`… → the organisation last named as subject.

A pure resolver: the caller tells it how to read a sentence's subject; it reads the sentences it needs, latest first,
to answer which organisation a generic reference at some offset stands for.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from extract.facts import Span, opening_letters


def generic_pattern(references: Iterable[str], modifiers: Iterable[str] = ()) -> re.Pattern[str]:
    """A regex for generic references (``le groupe``, ``il``…) as whole words, not followed by a capitalised name; a
    ``modifiers`` word may stand between a determiner and its noun (``le deuxième groupe``, ``la jeune entreprise``)."""
    forms = sorted(references, key=len, reverse=True)
    between = "|".join(re.escape(m) for m in sorted(modifiers, key=len, reverse=True))
    slot = rf"\s+(?:(?:{between})\s+)?" if between else r"\s+"
    alternatives = "|".join(re.escape(f).replace("'", "['’]").replace(r"\ ", slot, 1) for f in forms)
    return re.compile(rf"(?<![\w'’-])(?i:{opening_letters(forms)}(?:{alternatives}))(?![\w'’-])"
                      rf"(?!\s+(?:[A-ZÀ-Ý]|de\s+[A-ZÀ-Ý]))")


class SentenceSubjects:
    """The organisations named as subjects of a text's sentences, each sentence read only when asked (reading one costs
    a pass of the relation reader); generic references resolve to the latest before them. ``read`` gives the subject of
    sentence ``n`` (offset, name) or None; sentences are numbered in text order. ``named`` holds the text's
    organisations (offset, name) in text order, for references that no subject fits."""

    def __init__(self, read: Callable[[int], tuple[int, str] | None], count: int,
                 named: Sequence[tuple[int, str]] = ()) -> None:
        self.read = read
        self.count = count
        self.named = list(named)
        self.known: dict[int, tuple[int, str] | None] = {}
        # per pattern (None: any name): sentences below ``upto`` were searched, ``best`` is the latest that fits there
        self.searched: dict[re.Pattern[str] | None, tuple[int, str | None]] = {}
        self.fitting_named: dict[re.Pattern[str], list[tuple[int, str]]] = {}

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

    def latest(self, number: int, start: int, pattern: re.Pattern[str] | None = None) -> str | None:
        """The latest subject before offset ``start`` (in sentence ``number``) whose name ``pattern`` fits (any name
        without one), or None. Each pattern remembers how far back it has searched, so resolving every reference of a
        text costs one pass over its sentences, not one per reference."""
        fits = (lambda name: True) if pattern is None else (lambda name: pattern.search(name) is not None)
        number = min(number, self.count - 1)
        if number < 0:
            return None
        here = self._at(number)
        if here is not None and here[0] < start and fits(here[1]):
            return here[1]
        upto, best = self.searched.get(pattern, (0, None))
        if upto > number:
            upto, best = 0, None  # asked out of text order: search again from the start
        for n in range(number - 1, upto - 1, -1):
            found = self._at(n)
            if found is not None and found[0] < start and fits(found[1]):
                best = found[1]
                break
        if number >= self.searched.get(pattern, (0, None))[0]:
            self.searched[pattern] = (number, best)
        return best

    def last_named(self, start: int) -> str | None:
        """The organisation named last before offset ``start`` (`cette dernière`), subject or not."""
        before = bisect_left(self.named, start, key=lambda item: item[0])
        return self.named[before - 1][1] if before else None

    def resolve(self, number: int, start: int, prefer: Sequence[re.Pattern[str]] = ()) -> str | None:
        """The organisation most recently named as subject before offset ``start`` (in sentence ``number``), or None;
        but for the first of the ``prefer`` patterns that some name matches, the latest subject whose name matches it,
        else the latest of the named organisations whose name matches it (`le groupe` → `Groupe X` rather than
        `Clinique Y`)."""
        for pattern in prefer:
            fitting = self.latest(number, start, pattern)
            if fitting is None:
                if pattern not in self.fitting_named:
                    self.fitting_named[pattern] = [(at, name) for at, name in self.named if pattern.search(name)]
                named = self.fitting_named[pattern]
                before = bisect_left(named, start, key=lambda item: item[0])
                fitting = named[before - 1][1] if before else None
            if fitting is not None:
                return fitting
        return self.latest(number, start)


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
