"""Token patterns of word tests, matched as spaCy's Matcher matches them, by one automaton over word classes.

Every test the name patterns make reads a word alone (its text or lower case, a shape flag such as ``IS_TITLE``,
a word test such as ``_.name_part``). The words of the vocabulary therefore fall into a few classes (which tests
they pass), and all the patterns into one deterministic automaton over those classes, whose states are built as
they are first reached. Running it from each token costs a dictionary look-up per step, where the Matcher keeps
one state per pattern and start and builds a Python token for every word.

The result is the Matcher's with ``greedy="LONGEST"``: for each pattern, its longest non-overlapping matches,
longest first; patterns in the order in which the Matcher first reports one of their matches. It reports a match
at its last token, or at the token after it when the pattern ends with optional tokens (``?``, ``*``, ``+``), and
at one token in the order of its states: a state is made at its start (patterns in order), or later when a path
forks (it stays on a ``*`` or takes a ``?`` that is not the last step). Where that order cannot be told without
the forks' tokens, :attr:`PatternMatches.first` says so, and a caller to whom the order matters asks the Matcher.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress

from spacy.attrs import ORTH
from spacy.lexeme import Lexeme
from spacy.tokens import Doc
from spacy.vocab import Vocab

WordTest = Callable[[Lexeme], bool]
Step = tuple[int, str]  # a test (its index) and how often it may match: "1", "?" or "*"
Item = tuple[int, int, bool]  # a pattern, the step it waits for, and whether its path forked (see _step)
_TEXT_ATTRS = {"TEXT": "orth_", "ORTH": "orth_", "LOWER": "lower_"}


@dataclass
class PatternMatches:
    """Matches as ``(pattern, start, end)`` token offsets in the Matcher's order, and for each pattern the token at
    which the Matcher first reports a match and the start of the match it reports first there, None when only the
    Matcher's order of states could tell (see the module)."""

    matches: list[tuple[int, int, int]]
    first: dict[int, tuple[int, int | None]]


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
        self.opens: list[bool] = []  # class → whether a match may start at a word of it
        self.states: list[frozenset[Item]] = []
        self.state_ids: dict[tuple[frozenset[Item], frozenset[tuple[int, bool]]], int] = {}
        self.next: list[dict[int, int]] = []  # state → class → state
        self.ends: list[tuple[tuple[int, int, bool], ...]] = []  # state → patterns matched: delay of report, forked
        self.dead = self._state(frozenset(), frozenset())
        self.start = self._state(self._closure({(p, 0, False) for p in range(len(patterns))}), frozenset())

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
            p, i, forked = todo.pop()
            if i < len(self.steps[p]) and self.steps[p][i][1] in "?*" and (p, i + 1, forked) not in items:
                items.add((p, i + 1, forked))
                todo.append((p, i + 1, forked))
        return frozenset(items)

    def _state(self, items: frozenset[Item], now: frozenset[tuple[int, bool]]) -> int:
        """The id of a state: the steps awaited, and the patterns whose last step the last word matched."""
        key = (items, now)
        if key not in self.state_ids:
            self.state_ids[key] = len(self.states)
            self.states.append(items)
            self.next.append({})
            ends: dict[int, tuple[int, bool]] = {}  # pattern → reported at this word (0) or the next (1), forked
            for p, i, forked in items:
                if i == len(self.steps[p]):
                    ends[p] = min(ends.get(p, (1, True)), (0 if (p, forked) in now else 1, forked))
            self.ends.append(tuple((p, delay, forked) for p, (delay, forked) in sorted(ends.items())))
        return self.state_ids[key]

    def _class(self, orth: int) -> int:
        """The class of a word, computed on first sight."""
        lexeme = self.vocab[orth]
        bits = sum(1 << k for k, test in enumerate(self.tests) if test(lexeme))
        if bits not in self.class_ids:
            self.class_ids[bits] = len(self.class_bits)
            self.class_bits.append(bits)
            self.opens.append(self._step(self.start, self.class_ids[bits]) != self.dead)
        self.word_class[orth] = self.class_ids[bits]
        return self.word_class[orth]

    def _step(self, state: int, word_class: int) -> int:
        """The state after a word of ``word_class``, computed on first use. As in the Matcher, a path that stays on
        a ``*`` step or takes a ``?`` step that is not the last one goes on as a new (forked) state."""
        bits, moved, now = self.class_bits[word_class], set(), set()
        for p, i, forked in self.states[state]:
            steps = self.steps[p]
            if i < len(steps) and bits >> steps[i][0] & 1:
                last = i + 1 == len(steps)
                if steps[i][1] == "*":
                    moved.add((p, i, forked or not last))
                else:
                    moved.add((p, i + 1, forked or steps[i][1] == "?" and not last))
                    if last:
                        now.add((p, forked))  # the last step matched this word: reported at it, not the next one
        target = self._state(self._closure(moved), frozenset(now))
        self.next[state][word_class] = target
        return target

    def __call__(self, doc: Doc) -> PatternMatches:
        """The matches in ``doc`` (see the module)."""
        known = self.word_class
        orths = doc.to_array(ORTH).tolist()
        classes = list(map(known.get, orths))
        if None in classes:  # some word not seen before
            classes = [known[o] if o in known else self._class(o) for o in orths]
        n = len(classes)
        found: dict[int, set[tuple[int, int]]] = {}
        reports: dict[int, list[int]] = {}  # pattern → first report: token, least start of a state not forked, forked
        transitions, ends, dead, begin = self.next, self.ends, self.dead, self.start  # read once, not at each step
        # most words open no match: the automaton is run only from those that may
        for start in compress(range(n), map(self.opens.__getitem__, classes)):
            state, end = begin, start
            while end < n:
                target = transitions[state].get(classes[end])
                state = self._step(state, classes[end]) if target is None else target
                if state == dead:
                    break
                end += 1
                for p, delay, forked in ends[state]:
                    found.setdefault(p, set()).add((start, end))
                    report = reports.get(p)
                    if report is None or end - 1 + delay < report[0]:
                        report = reports[p] = [end - 1 + delay, n, n]
                    if end - 1 + delay == report[0] and start < report[1 + forked]:
                        report[1 + forked] = start
        # A state not forked was made at its start, before any state forked from a later or equal start.
        first = {p: (token, least if least <= forked_least else None) for p, (token, least, forked_least) in reports.items()}
        matches = []
        for p in sorted(found, key=lambda p: (first[p][0], first[p][1] or 0, p)):
            taken = bytearray(n)
            for start, end in sorted(found[p], key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
                if not any(taken[start:end]):
                    matches.append((p, start, end))
                    taken[start:end] = b"\x01" * (end - start)
        return PatternMatches(matches, first)
