"""Token patterns of word tests, matched as spaCy's Matcher matches them, by one automaton over word classes.

Every test the name patterns make reads a word alone (its text or lower case, a shape flag such as ``IS_TITLE``,
a word test such as ``_.name_part``). The words of the vocabulary therefore fall into a few classes (which tests
they pass), and all the patterns into one deterministic automaton over those classes, whose states are built as
they are first reached. Running it from each token costs a dictionary look-up per step, where the Matcher keeps
one state per pattern and start and builds a Python token for every word.

The result is the Matcher's with ``greedy="LONGEST"``: for each pattern, its longest non-overlapping matches,
longest first; patterns in the order of their first match. The Matcher reports a match at its last token, or at
the token after it when the pattern ends with optional tokens (``?``, ``*``, ``+``): that token is kept as
:attr:`PatternMatches.first`, so that a caller can tell when two patterns were first reported at the same token,
whose order only the Matcher's internal state order decides.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.lexeme import Lexeme
from spacy.tokens import Doc
from spacy.vocab import Vocab

WordTest = Callable[[Lexeme], bool]
Step = tuple[int, str]  # a test (its index) and how often it may match: "1", "?" or "*"
Item = tuple[int, int]  # a pattern and the step it waits for
_TEXT_ATTRS = {"TEXT": "orth_", "ORTH": "orth_", "LOWER": "lower_"}


@dataclass
class PatternMatches:
    """Matches as ``(pattern, start, end)`` token offsets in the Matcher's order, and for each pattern the token
    at which the Matcher reports its first match."""

    matches: list[tuple[int, int, int]]
    first: dict[int, int]


def _attribute_test(attr: str, value: object) -> WordTest:
    """The test of one word attribute: ``TEXT``/``ORTH``/``LOWER`` (a string, ``IN``, ``NOT_IN``, ``REGEX``) or a
    boolean flag of the lexeme (``IS_TITLE``, ``LIKE_NUM``…)."""
    if attr in _TEXT_ATTRS:
        name = _TEXT_ATTRS[attr]
        if isinstance(value, str):
            return lambda lex: getattr(lex, name) == value
        tests = []
        for op, arg in dict(value).items():  # type: ignore[call-overload]
            if op in ("IN", "NOT_IN"):
                words = frozenset(arg)
                tests.append(lambda lex, words=words, inside=op == "IN": (getattr(lex, name) in words) == inside)
            elif op == "REGEX":
                regex = re.compile(arg)
                tests.append(lambda lex, regex=regex: bool(regex.search(getattr(lex, name))))
            else:
                raise ValueError(f"unsupported operator in a token pattern: {attr} {op}")
        return lambda lex: all(test(lex) for test in tests)
    if attr.startswith(("IS_", "LIKE_")) and isinstance(value, bool):
        name = attr.lower()
        return lambda lex: getattr(lex, name) == value
    raise ValueError(f"a token pattern may test only the word itself, not {attr}")


def _token_test(token: dict, word_tests: dict[str, Callable[[str], bool]]) -> WordTest:
    """The test of one token of a pattern (its ``OP`` left out): all its attribute and word tests."""
    tests = []
    for attr, value in token.items():
        if attr == "_":
            for name, wanted in value.items():
                tests.append(lambda lex, test=word_tests[name], wanted=wanted: test(lex.orth_) == wanted)
        else:
            tests.append(_attribute_test(attr, value))
    return lambda lex: all(test(lex) for test in tests)


class TokenPatterns:
    """A list of token patterns, matched in a doc as spaCy's Matcher with ``greedy="LONGEST"`` (see the module)."""

    def __init__(self, vocab: Vocab, patterns: list[list[dict]], word_tests: dict[str, Callable[[str], bool]]) -> None:
        self.vocab = vocab
        self.tests: list[WordTest] = []
        self.test_ids: dict[str, int] = {}  # a token's tests, as JSON → their index in ``tests``
        self.steps: list[tuple[Step, ...]] = [self._compile(p, word_tests) for p in patterns]
        self.word_class: dict[int, int] = {}  # orth → class
        self.class_bits: list[int] = []  # class → the tests its words pass, as bits
        self.class_ids: dict[int, int] = {}
        self.states: list[frozenset[Item]] = []
        self.state_ids: dict[tuple[frozenset[Item], frozenset[int]], int] = {}
        self.next: list[dict[int, int]] = []  # state → class → state
        self.ends: list[tuple[tuple[int, ...], tuple[int, ...]]] = []  # state → patterns matched, reported now/next
        self.dead = self._state(frozenset(), frozenset())
        self.start = self._state(self._closure({(p, 0) for p in range(len(patterns))}), frozenset())

    def _compile(self, pattern: list[dict], word_tests: dict[str, Callable[[str], bool]]) -> tuple[Step, ...]:
        """A pattern's steps, each test made once for all patterns; ``+`` is one step then ``*``."""
        steps: list[Step] = []
        for token in pattern:
            token = dict(token)
            op = token.pop("OP", "1")
            if op not in ("1", "?", "*", "+"):
                raise ValueError(f"unsupported operator in a token pattern: OP {op}")
            key = json.dumps(token, sort_keys=True)
            if key not in self.test_ids:
                self.test_ids[key] = len(self.tests)
                self.tests.append(_token_test(token, word_tests))
            test = self.test_ids[key]
            steps += [(test, "1"), (test, "*")] if op == "+" else [(test, op)]
        return tuple(steps)

    def _closure(self, items: set[Item]) -> frozenset[Item]:
        """``items`` and the steps reached from them by skipping optional steps."""
        todo = list(items)
        while todo:
            p, i = todo.pop()
            if i < len(self.steps[p]) and self.steps[p][i][1] in "?*" and (p, i + 1) not in items:
                items.add((p, i + 1))
                todo.append((p, i + 1))
        return frozenset(items)

    def _state(self, items: frozenset[Item], now: frozenset[int]) -> int:
        """The id of a state: the steps awaited, and the patterns whose last step the last word matched."""
        key = (items, now)
        if key not in self.state_ids:
            self.state_ids[key] = len(self.states)
            self.states.append(items)
            self.next.append({})
            done = sorted(p for p, i in items if i == len(self.steps[p]))
            self.ends.append((tuple(p for p in done if p in now), tuple(p for p in done if p not in now)))
        return self.state_ids[key]

    def _class(self, orth: int) -> int:
        """The class of a word, computed on first sight."""
        lexeme = self.vocab[orth]
        bits = sum(1 << k for k, test in enumerate(self.tests) if test(lexeme))
        if bits not in self.class_ids:
            self.class_ids[bits] = len(self.class_bits)
            self.class_bits.append(bits)
        self.word_class[orth] = self.class_ids[bits]
        return self.word_class[orth]

    def _step(self, state: int, word_class: int) -> int:
        """The state after a word of ``word_class``, computed on first use."""
        bits, moved, now = self.class_bits[word_class], set(), set()
        for p, i in self.states[state]:
            steps = self.steps[p]
            if i < len(steps) and bits >> steps[i][0] & 1:
                if steps[i][1] == "*":
                    moved.add((p, i))
                else:
                    moved.add((p, i + 1))
                    if i + 1 == len(steps):
                        now.add(p)  # the last step matched this word: reported at it, not at the next one
        target = self._state(self._closure(moved), frozenset(now))
        self.next[state][word_class] = target
        return target

    def __call__(self, doc: Doc) -> PatternMatches:
        """The matches in ``doc`` (see the module)."""
        known = self.word_class
        classes = [known[o] if o in known else self._class(o) for o in doc.to_array(ORTH).tolist()]
        found: dict[int, set[tuple[int, int]]] = {}
        first: dict[int, int] = {}
        n = len(classes)
        for start in range(n):
            state, end = self.start, start
            while end < n:
                target = self.next[state].get(classes[end])
                state = self._step(state, classes[end]) if target is None else target
                if state == self.dead:
                    break
                end += 1
                now, after = self.ends[state]
                if now or after:
                    for p, reported in [(p, end - 1) for p in now] + [(p, end) for p in after]:
                        found.setdefault(p, set()).add((start, end))
                        first[p] = min(first.get(p, n), reported)
        matches = []
        for p in sorted(found, key=lambda p: (first[p], p)):
            taken = bytearray(n)
            for start, end in sorted(found[p], key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
                if not any(taken[start:end]):
                    matches.append((p, start, end))
                    taken[start:end] = b"\x01" * (end - start)
        return PatternMatches(matches, first)
