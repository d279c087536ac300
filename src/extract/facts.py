"""Shared shapes for facts: mentions, and grouping mentions into facts."""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from dataclasses import dataclass, field
from functools import lru_cache

Span = tuple[int, int]
Allowed = Callable[[int, int], bool]  # whether the text span [start, end) may yield a fact
FACT_TYPES = ("organizations", "people", "cities", "amounts", "dates", "counts")
# ``[.!?…]+[\s"”»]+(?=[A-ZÀ-Ý«"“])|\n``, written to open with one character class: re then skips to the marks
SENTENCE_BREAK = re.compile(r"[.!?…\n](?:(?<!\s[A-Z]\.)|(?<=\d\s[A-Z]\.))(?<!\s[DP]r\.)(?:(?<=\n)|[.!?…]*[\s\"”»]+(?=[A-ZÀ-Ý«\"“]))")
"""A sentence's end: a mark then blanks and a capital, or a line break; not the full stop of an initial or an
honorific standing alone (``M. Karim Alaoui``, ``J. Dupont``, ``Dr. Benali``; but ``le projet Kappa-K. Entre`` and
``3,5 M. Le groupe``, a unit after a number, end one)."""


def sentence_start(marks: str = ".!?", *, blanks_at_start: bool = True) -> re.Pattern[str]:
    """A regex matching at the end of text that a sentence opens after: one of ``marks`` or a line break then blanks,
    or the text's start (then blanks too, unless ``blanks_at_start`` is false). Search it up to an end position
    (``regex.search(text, pos, end)``: ``^`` is the text's start) or on a slice (``^`` is the slice's start)."""
    start = r"^\s*" if blanks_at_start else "^"
    return re.compile(rf"(?:{start}|[{marks}\n]\s*)$")


@dataclass
class NamedFact:
    """An organisation, person or city: its surface forms and mentions."""

    forms: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def add(self, form: str, span: Span) -> None:
        if form not in self.forms:
            self.forms.append(form)
        if span not in self.mentions:
            self.mentions.append(span)

    @property
    def name(self) -> str:
        """The fullest proper form: capitalised first, then the most words, then the longest."""
        return max(self.forms, key=lambda f: (f[:1].isupper(), len(f.split()), len(f)))

    @property
    def aliases(self) -> list[str]:
        name = self.name
        return [form for form in self.forms if form != name]


@lru_cache(maxsize=8)
def sentence_bounds(text: str) -> tuple[int, ...]:
    """Start offsets of the sentences (and lines) of ``text`` (amounts, counts and events each ask, once per text)."""
    return (0, *(m.end() for m in SENTENCE_BREAK.finditer(text)))


def opening_letters(forms: Iterable[str]) -> str:
    """A lookahead for what a regex alternation of ``forms`` opens with (either apostrophe for ``'``): put before the
    alternation, it skips trying every form at most positions."""
    firsts = {form[0] for form in forms}
    return "(?=[" + "".join(sorted(re.escape(c) for c in firsts | ({"’"} if "'" in firsts else set()))) + "])"


def forms_alternation(forms: Iterable[str]) -> str:
    """Literal forms as one regex alternation, longest first, either apostrophe for ``'``."""
    return "|".join(re.escape(f).replace("'", "['’]") for f in sorted(forms, key=len, reverse=True))


# The characters outside ASCII that re's IGNORECASE matches to an ASCII letter (İ, ı for i; ſ for s; the Kelvin sign).
_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def openings(not_after: Iterable[str], words: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """Where a digit or a word begins, not right after any of ``not_after`` (regexes of one width each): each
    ``(form, then)`` of ``words`` is a literal form, in any case, followed by what the regex ``then`` matches.

    ``finditer`` finds the offsets the zero-width ``(?<!a)(?<!b)…(?=(\\d)|(?i:form then|…))`` finds, a digit
    in group 1, many times faster: a regex that opens with a character class is tried only where one of its
    characters is, not at every offset. The opening character is matched, the test before it is made from after
    it, and the rest of a form is looked at ahead once its first letter, which must be ASCII, is looked at behind.
    """
    rests: dict[str, list[str]] = {}
    for form, then in words:
        if not (form[:1].isascii() and form[:1].isalpha()):
            raise ValueError(f"a word must open with an ASCII letter: {form!r}")
        rests.setdefault(form[0].lower(), []).append(re.escape(form[1:]) + then)
    firsts = "".join(sorted(rests))
    before = "".join(f"(?<!{pattern}(?s:.))" for pattern in not_after)
    word = "|".join(f"(?<={first})(?:{'|'.join(sorted(rests[first], key=len, reverse=True))})" for first in sorted(rests))
    return re.compile(rf"[\d{firsts}{firsts.upper()}{_ASCII_FOLDS}]{before}(?:(?<=(\d))|(?i:(?={word})))")


def matches_at(regex: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` for a regex that can match only at ``starts`` (ascending) and never matches empty:
    one shared scan for where matches may begin is cheaper than each regex trying every offset."""
    end = 0
    for start in starts:
        if start >= end and (match := regex.match(text, start)):
            end = match.end()
            yield match


def overlaps(span: Span, spans: list[Span]) -> bool:
    """True when ``span`` overlaps any of ``spans``."""
    return any(s < span[1] and span[0] < e for s, e in spans)


class SpanIndex:
    """Spans sorted by start, for overlap and containment queries in logarithmic time (a text's spans
    grow with its length: scanning them all for every candidate would make long texts cost quadratically)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = list(accumulate((e for _, e in self.spans), max))  # the furthest end up to each span

    def overlaps(self, span: Span) -> bool:
        """True when ``span`` overlaps some indexed span (as :func:`overlaps`)."""
        before = bisect_left(self.starts, span[1])  # the spans that start before ``span`` ends
        return before > 0 and self.reach[before - 1] > span[0]

    def containing(self, span: Span) -> list[Span]:
        """The indexed spans that contain ``span``, in order."""
        found = []
        i = bisect_left(self.starts, span[0] + 1) - 1  # the last span starting at or before ``span``
        while i >= 0 and self.reach[i] >= span[1]:
            if self.spans[i][1] >= span[1]:
                found.append(self.spans[i])
            i -= 1
        return found[::-1]


class DisjointSpans:
    """Non-overlapping spans kept as they are chosen, for overlap queries in logarithmic time: disjoint spans
    sorted by start are sorted by end too, so the last one starting before a span ends reaches furthest."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, span: Span) -> bool:
        """True when ``span`` overlaps some kept span (as :func:`overlaps`)."""
        before = bisect_left(self.starts, span[1])
        return before > 0 and self.ends[before - 1] > span[0]

    def add(self, span: Span) -> None:
        """Keep ``span``, which must be non-empty and overlap no kept span."""
        insort(self.starts, span[0])
        insort(self.ends, span[1])


def locate(text: str, forms: list[str], blocked: list[Span] = ()) -> list[Span]:
    """Where any of ``forms`` is written in ``text`` as whole words, outside the ``blocked`` spans (longest
    forms first, occurrences not overlapping): how a gold fact, which has no offsets, is found again."""
    spans: list[Span] = []
    for form in sorted(set(forms), key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            span = (match.start(), match.end())
            if not overlaps(span, list(blocked)) and not overlaps(span, spans):
                spans.append(span)
    return sorted(spans)


def context(text: str, span: Span, words: int = 5) -> str:
    """The mention at ``span`` with a few words either side, on one line (``… a levé [458 MDH] auprès de …``)."""
    before = re.search(rf"(?:\S+\s+){{0,{words}}}\S*$", text[: span[0]]).group()
    after = re.match(rf"\S*(?:\s+\S+){{0,{words}}}", text[span[1] :]).group()
    return "… " + " ".join(f"{before}[{text[span[0] : span[1]]}]{after}".split()) + " …"
