"""Acronyms and the names they stand for: initials of a name, and a name spelled out before ``(ACRONYM)``."""
from __future__ import annotations

import re
from collections.abc import Collection

from extract.facts import Span
from extract.textnorm import strip_accents

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_LINE_WINDOW = 300  # how far to look for a line's ends: a longer line is prose
_PARENTHESISED = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,9})\)")


def initials(surface: str, stopwords: Collection[str]) -> str:
    """Upper-case initials of a name's content words (``Agence nationale de l'assurance maladie`` → ANAM)."""
    words = re.split(r"[\s'’-]+", surface)
    content = [w for w in words if w.lower() not in stopwords and len(w) > 1 and w[0].isalpha()]
    return strip_accents("".join(w[0] for w in content)).upper()


def expansions(text: str, not_orgs: Collection[str], stopwords: Collection[str]) -> list[Span]:
    """Spans of names spelled out before an acronym in parentheses, found by the acronym's initials."""
    found = []
    for match in _PARENTHESISED.finditer(text):
        acronym = match.group(1)
        if acronym in not_orgs:
            continue
        line_start = text.rfind("\n", max(0, match.start() - _LINE_WINDOW), match.start()) + 1
        line_start = line_start or max(0, match.start() - _LINE_WINDOW)
        before = text[line_start : match.start()].rstrip()
        start = next(
            (
                start
                for skip in (0, 1, 2)
                for word_pattern in (r"[\w-]+", r"\w+")
                if (start := initials_start(before, acronym, word_pattern, skip, stopwords)) is not None
            ),
            None,
        )
        if start is not None:
            found.append((line_start + start, line_start + len(before)))
    return found


def initials_start(before: str, acronym: str, word_pattern: str, skip: int, stopwords: Collection[str]) -> int | None:
    """Where the words ending ``before`` start whose content-word initials spell ``acronym``,
    leaving out ``skip`` capitalised words at the end (a place: ``… Souss-Massa (CRI)``)."""
    words = list(re.finditer(word_pattern, before))
    if skip and (len(words) <= skip or not all(w.group()[0].isupper() for w in words[-skip:])):
        return None
    found = ""
    for word in reversed(words[: len(words) - skip]):
        text = word.group()
        if text.lower() in stopwords or (len(text) == 1 and text.islower()):
            continue
        found = strip_accents(text[0]).upper() + found  # études gives E
        if found == acronym.upper():
            return word.start() if text[0].isupper() else None
        if len(found) >= len(acronym):
            return None
    return None


def acronym_shaped(word: str) -> bool:
    """Whether ``word`` is written as an acronym: capitals, not a Roman numeral."""
    return bool(ACRONYM.match(word)) and not _ROMAN.match(word)


def is_acronym(text: str, word: str, pos: int) -> bool:
    """Whether ``word`` at ``pos`` in ``text`` is an acronym: capitals, not a Roman numeral, not on a line of capitals."""
    return acronym_shaped(word) and not on_capitals_line(text, pos)


def on_capitals_line(text: str, pos: int) -> bool:
    """A word on a line written all in capitals (a masthead or a shouted headline) is no acronym."""
    start, end = text.rfind("\n", max(0, pos - _LINE_WINDOW), pos), text.find("\n", pos, pos + _LINE_WINDOW)
    if (start < 0 and pos > _LINE_WINDOW) or end < 0 and len(text) - pos > _LINE_WINDOW:
        return False  # a long line is prose, not a masthead
    line = text[start + 1 : end if end >= 0 else len(text)]
    return len(line.split()) >= 3 and line.isupper()
