"""Word tests as lexeme flags, so that spaCy's Matcher runs them in C.

A test that depends on a word's text alone (``IN``, ``NOT_IN`` or ``REGEX`` on ``TEXT``, ``ORTH`` or
``LOWER``, or a custom word test such as ``_.name_part``) is computed once per word of the vocabulary
and stored as a lexeme flag; the Matcher would otherwise call a Python predicate for every token.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import LOWER
from spacy.vocab import Vocab

_WORD_ATTRS = ("TEXT", "ORTH", "LOWER")
_WORD_OPS = {"IN", "NOT_IN", "REGEX"}


class LexemeFlags:
    """The flags one matcher's patterns test, each allocated once on ``vocab`` (FLAG19 to FLAG63)."""

    def __init__(self, vocab: Vocab, extensions: dict[str, Callable[[str], bool]] | None = None) -> None:
        self.vocab = vocab
        self.flags: dict[tuple, str] = {}
        self.extensions = {name: self.add(test) for name, test in (extensions or {}).items()}

    def add(self, test: Callable[[str], bool], key: tuple | None = None) -> str | None:
        """The name of a flag set to ``test(word)`` on every word, or None when the vocab has no flag left."""
        if key is not None and key in self.flags:
            return self.flags[key]
        free = next((n for n in range(19, 64) if n not in self.vocab.lex_attr_getters), None)
        if free is None:
            return None
        self.vocab.add_flag(test, flag_id=free)
        name = f"FLAG{free}"
        if key is not None:
            self.flags[key] = name
        return name

    def native(self, token: dict) -> dict:
        """A token pattern whose word tests read flags; what cannot be a flag is kept as written."""
        native: dict = {}
        for key, value in token.items():
            if key == "_" and isinstance(value, dict):
                rest = {}
                for name, wanted in value.items():
                    if self.extensions.get(name):
                        native[self.extensions[name]] = wanted
                    else:
                        rest[name] = wanted
                if rest:
                    native["_"] = rest
            elif key.upper() in _WORD_ATTRS and isinstance(value, dict) and set(value) <= _WORD_OPS:
                flags = {self._flag(key.upper(), op, arg): op != "NOT_IN" for op, arg in value.items()}
                if None in flags:
                    native[key] = value
                else:
                    native.update(flags)
            else:
                native[key] = value
        return native

    def _flag(self, attr: str, op: str, arg: object) -> str | None:
        """A flag for one ``IN``/``NOT_IN`` (both the same set test) or ``REGEX`` test of ``attr``."""
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            values: object = arg
            test = lambda word: bool(regex.search(read(word)))  # noqa: E731 - as spaCy's regex predicate
        elif op != "REGEX" and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            values = frozenset(arg)
            test = lambda word: read(word) in values  # noqa: E731
        else:
            return None
        lower = self.vocab.lex_attr_getters.get(LOWER, str.lower)
        read = lower if attr == "LOWER" else str
        return self.add(test, ("LOWER" if attr == "LOWER" else "ORTH", "REGEX" if op == "REGEX" else "IN", values))
