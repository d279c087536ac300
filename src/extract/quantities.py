"""What amounts and counts share: the number grammar, qualifiers, and quantity facts."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.facts import Span, matches_at, opening_letters, openings
from extract.numbers import DIGITS, number_words_regex
from extract.rules import Rules, load_rules

# not inside a word or a number (a dash joins two: 2019-2023, loi 13-09; a minus sign opens one: (-3%)), not an
# exponent (10^12, 10 ^ 12, 10**12, 1e12)
_NOT_AFTER = (r"[\w.,/°^*]", r"[\w.,/°^*)-]-", r"[\^*]\s")
_EDGE_BEFORE = "".join(f"(?<!{before})" for before in _NOT_AFTER)
_EDGE_AFTER = r"(?![\w])(?![.,]\d)"


def alternation(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first."""
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def number_regex(rules: Rules, glued: bool = False) -> str:
    """A number in digits, in words, or ``un``/``une`` before a scale word or an approximate noun.

    With ``glued``, letters may follow the digits at once (``12M€``): the caller checks what they are.
    """
    approx = alternation(list(rules.numbers["approx_nouns"]))
    big = alternation([f for f, (_, kind) in rules.scales.items() if kind == "word" and f != "mille"])
    edge_after = r"(?![.,]\d)" if glued else _EDGE_AFTER
    words = rf"(?i:{number_words_regex()})(?![\w-])"
    return rf"{_EDGE_BEFORE}(?:(?:{DIGITS}){edge_after}|{words}|(?i:une?)(?=\s+(?:{approx}|{big})s?\b))"


@cache
def _number_start() -> re.Pattern[str]:
    """Where a number of :func:`number_regex` may begin: the edge, then a digit, a number word or ``un``."""
    return openings(_NOT_AFTER, [(word, "") for word in [*load_rules().numbers["number_words"], "un", "une"]])


@lru_cache(maxsize=8)
def number_starts(text: str) -> tuple[int, ...]:
    """The offsets where a number may begin in ``text``, found once for the amount and count finders."""
    return tuple(m.start() for m in _number_start().finditer(text))


def find_numbers(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` for a regex that opens with :func:`number_regex`, tried only where a number
    may begin."""
    return matches_at(regex, text, number_starts(text))


class Qualifiers:
    """Reads the qualifier (``environ``, ``plus de``…) standing just before a number."""

    def __init__(self, rules: Rules) -> None:
        phrases = alternation(list(rules.qualifiers)).replace("'", "['’]")
        self.table = {k.lower(): v for k, v in rules.qualifiers.items()}
        # searched over the text before each number: the lookahead skips, at once, the offsets no phrase opens at
        self.regex = re.compile(rf"(?i:\b{opening_letters(list(rules.qualifiers))}({phrases})(?:\s+(?:les|la|le|l['’]))?)\s*$")

    def before(self, text: str, start: int) -> tuple[str, int]:
        """The qualifier ending at ``start`` and where it begins, or ``("exact", start)``."""
        match = self.regex.search(text[max(0, start - 40) : start])
        if not match:
            return "exact", start
        phrase = match.group(1).lower().replace("’", "'")
        return self.table.get(phrase, "exact"), start - (len(match.group(0)))


@dataclass
class Quantity:
    """One amount or count as found: its key, qualifier and mentions."""

    value: float
    key: str  # currency or unit
    qualifier: str
    text: str
    mentions: list[Span]
    scale: float = 1.0


def group_quantities(found: list[Quantity]) -> list[Quantity]:
    """One fact per key and value, keeping every mention, in order of first mention."""
    facts: dict[tuple[str, float], Quantity] = {}
    seen: dict[tuple[str, float], set[Span]] = {}  # each fact's mentions, not searched: a fact may have very many
    for q in sorted(found, key=lambda q: q.mentions[0]):
        key = (q.key, as_number(q.value))
        fact = facts.get(key)
        if fact is None:
            facts[key], seen[key] = q, set(q.mentions)
            continue
        for mention in q.mentions:
            if mention not in seen[key]:
                seen[key].add(mention)
                fact.mentions.append(mention)
    return list(facts.values())


def quantity_records(found: list[Quantity], key_name: str) -> list[dict]:
    """Output facts for amounts (``key_name`` currency) or counts (unit): one per key and value."""
    return [
        {
            "value": as_number(q.value),
            key_name: q.key,
            "qualifier": q.qualifier,
            "text": q.text,
            "mentions": [list(m) for m in q.mentions],
        }
        for q in group_quantities(found)
    ]


def as_number(value: int | float) -> int | float:
    """The value to 15 significant digits (no float noise, ``0,0000001`` kept), an integer when whole."""
    if isinstance(value, int):
        return value
    value = float(f"{value:.15g}")
    return int(value) if value.is_integer() else value
