"""Same-text coreference for events: `le groupe`, `la société`, `il`/`elle`… → the organisation last named as subject.

A pure resolver: the caller feeds it, sentence by sentence and in text order, where organisations are named as
subjects; it answers which organisation a generic reference at some offset stands for.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from extract.facts import Span


def generic_pattern(references: Iterable[str]) -> re.Pattern[str]:
    """A regex for generic references (``le groupe``, ``il``…) as whole words, not followed by a capitalised name."""
    forms = sorted(references, key=len, reverse=True)
    alternatives = "|".join(re.escape(f).replace("'", "['’]") for f in forms)
    return re.compile(rf"(?<![\w'’-])(?i:{alternatives})(?![\w'’-])(?!\s+(?:[A-ZÀ-Ý]|de\s+[A-ZÀ-Ý]))")


@dataclass
class SubjectTracker:
    """Organisations named as subjects, in text order; generic references resolve to the latest before them."""

    starts: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def add(self, start: int, name: str) -> None:
        """Record that ``name`` is a subject at offset ``start`` (calls must come in text order)."""
        if self.starts and start < self.starts[-1]:
            raise ValueError("subjects must be added in text order")
        self.starts.append(start)
        self.names.append(name)

    def resolve(self, start: int, prefer: Sequence[re.Pattern[str]] = (), named: Sequence[tuple[int, str]] = ()
                ) -> str | None:
        """The organisation most recently named as subject before offset ``start``, or None; but for the first of
        the ``prefer`` patterns that some name matches, the latest subject whose name matches it, else the latest of
        the ``named`` organisations (offset, name; in text order) whose name matches it (`le groupe` → `Groupe X`
        rather than `Clinique Y`)."""
        i = bisect_left(self.starts, start)
        candidates = [*reversed(self.names[:i]), *(name for at, name in reversed(named) if at < start)]
        for pattern in prefer:
            fitting = next((name for name in candidates if pattern.search(name)), None)
            if fitting is not None:
                return fitting
        return self.names[i - 1] if i else None


class LazySubjects:
    """The subjects of a text's sentences, each read only when asked (reading one costs a pass of the relation
    reader): one sentence's alone, or every one up to a sentence into a :class:`SubjectTracker`. ``read`` gives a
    sentence's subject (offset, name) or None; sentences are numbered in text order."""

    def __init__(self, read: Callable[[int], tuple[int, str] | None], count: int) -> None:
        self.read = read
        self.count = count
        self.known: dict[int, tuple[int, str] | None] = {}
        self.tracker = SubjectTracker()
        self.filled = 0  # sentences before this one are in the tracker

    def of(self, number: int) -> str | None:
        """The subject of sentence ``number``, or None."""
        if number not in self.known:
            self.known[number] = self.read(number)
        found = self.known[number]
        return None if found is None else found[1]

    def up_to(self, number: int) -> SubjectTracker:
        """The tracker holding the subjects of every sentence up to ``number``, included."""
        while self.filled <= min(number, self.count - 1):
            if self.of(self.filled) is not None:
                self.tracker.add(*self.known[self.filled])
            self.filled += 1
        return self.tracker

    def first(self) -> str | None:
        """The first subject of the text, or None."""
        while not self.tracker.names and self.filled < self.count:
            self.up_to(self.filled)
        return self.tracker.names[0] if self.tracker.names else None


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
