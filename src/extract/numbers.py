"""French numbers: digits in French formats and number words, as pure functions and regexes."""
from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from text_to_num import text2num

from extract.rules import load_rules

SPACES = "[ \u00a0\u202f]"
# 12.000 · 1 200 · 1 200 000,5 · 4,45 · 2000 · 3.5
DIGITS = rf"\d{{1,3}}(?:(?:\.|{SPACES})\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"


def parse_digits(text: str) -> int | float:
    """Value of a number written with digits in French style; a whole number is an exact int.

    ``.`` or a space groups thousands when followed by exactly three digits;
    ``,`` is the decimal mark (``1,2`` → 1.2, ``12.000`` → 12000, ``1 200`` → 1200, ``3.5`` → 3.5).
    """
    text = re.sub(SPACES, "", text.strip())
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    if text.isdigit():
        return int(text)  # exact beyond float precision (99999999999999999999)
    return float(text.replace(",", "."))


def scaled(number: int | float, multiplier: float) -> int | float:
    """``number`` × ``multiplier``, exact when both are whole."""
    if isinstance(number, int) and float(multiplier).is_integer():
        return number * int(multiplier)
    return number * multiplier


def is_finite(value: int | float) -> bool:
    """Whether a number is finite and within float range (an int of 400 digits is not)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


@cache
def number_word_alternation() -> str:
    """Regex alternation of the French number words a number in words is built from, longest first."""
    return "|".join(sorted(load_rules().numbers["number_words"], key=len, reverse=True))


@cache
def number_words_regex() -> str:
    """Regex for a French number written in words (``vingt-huit``, ``deux cent mille``, ``vingt et un``)."""
    core = number_word_alternation()
    tail = "|".join(load_rules().numbers["compound_only_words"])
    return rf"(?:{core})(?:[- ](?:et[- ])?(?:{core}|(?:{tail})(?![\w-])))*"


def parse_words(text: str) -> float | None:
    """Value of a French number in words, or None (``vingt-huit`` → 28, ``vingt et un`` → 21)."""
    try:
        return float(text2num(text.lower().strip(), "fr"))
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def parse_number(text: str) -> int | float | None:
    """Value of a number in digits or words, or None when it is not a number (cached: the same few numbers recur)."""
    text = text.strip()
    value = None
    if text and text[0].isdigit():
        try:
            value = parse_digits(text)
        except ValueError:
            return None
    else:
        value = parse_words(text)
    return value if value is None or is_finite(value) else None
