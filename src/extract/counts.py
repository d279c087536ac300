"""Counts: a number and the thing it counts or measures, its head noun restored when left out."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extract.facts import Allowed, forms_alternation, sentence_bounds
from extract.numbers import parse_number, scaled
from extract.quantities import Qualifiers, Quantity, alternation, find_numbers, number_regex, quantity_records
from extract.rules import Rules
from extract.textnorm import PLURAL_ENDINGS

_WORD = r"[a-zà-ÿœæ][a-zà-ÿœæ'’-]*|[A-Z]{2,5}s?(?![\w])"


def singular(word: str, irregular: dict[str, str], stopwords: frozenset[str] = frozenset()) -> str:
    """The singular of a French noun, lower case (``lits`` → ``lit``, ``hôpitaux`` → ``hôpital``); in a compound of
    nouns each noun takes the plural (``inhalateurs-doseurs`` → ``inhalateur-doseur``), not a function word
    (``sous-traitants`` → ``sous-traitant``)."""
    word = word.lower()
    head, dash, last = word.rpartition("-")
    if dash and head and last:
        last_singular = singular(last, irregular)
        if last_singular != last:
            parts = [p if p in stopwords or len(p) <= 3 else singular(p, irregular) for p in head.split("-")]
            return "-".join([*parts, last_singular])
    if word in irregular:
        return irregular[word]
    if word.endswith("eaux") or word.endswith("eux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in PLURAL_ENDINGS and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass
class _Found:
    """A number in the text and, once known, the unit it counts."""

    start: int
    num_end: int
    end: int
    value: float
    unit: str | None
    qualifier: str
    q_start: int
    scale: float = 1.0  # the multiplier read after the number (millions), which a range partner may share


_PREVIOUS_WORD = re.compile(r"(?<![\w'’°-])([\w'’°-]+)\W*$")  # tried from where a word begins only
_CAPITALISED_BEFORE = re.compile(r"(\S)?\s+([A-ZÀ-Ý][\w-]*)\s+$")
_ELIDED_WORD = re.compile(r"\w['’]")
_ONLY_SPACES = re.compile(r"\s*\Z")  # nothing but spaces to the end, read without copying the rest of the text


def _plural_after(text: str, start: int, end: int) -> bool:
    """Whether the head word in ``text[start:end]`` may be what two or more of something are: a plural, an
    invariable or a short symbol (``lits``, ``prix``, ``mg``)."""
    word = text[start:end].split()[-1].lower()
    return word[-1:] in ("s", "x", "z") or len(word) <= 3 or not word.isalpha()


def _last_unit(found: list[_Found], i: int, sentence: int) -> str | None:
    """The unit of the last count before ``found[i]`` that has one, from offset ``sentence`` on; the counts are in
    text order, so only those of the sentence are read (not every count before: long texts would cost quadratically)."""
    for j in range(i - 1, -1, -1):
        if found[j].start < sentence:
            break
        if found[j].unit:
            return found[j].unit
    return None


class CountFinder:
    """Finds counts in a text; its regexes and word lists are built once from the rules."""

    def __init__(self, rules: Rules) -> None:
        conf = rules.counts
        scales = [f for f, (_, kind) in rules.scales.items() if kind == "word"]
        self.scales = {f: m for f, (m, _) in rules.scales.items()}
        self.approx = rules.numbers["approx_nouns"]
        self.number = re.compile(
            rf"(?P<num>{number_regex(rules)})"
            rf"(?:\s+(?P<approx>{alternation(list(self.approx))})s?(?![\w]))?"
            rf"(?:\s+(?P<scale>{alternation(scales)})(?![\w]))?"
        )
        self.units = {k.lower(): v for k, v in conf["units"].items()}
        self.unit = re.compile(rf"(?i)\s*(?:de\s+|d['’]\s*)?({alternation(list(conf['units']))})(?![\w²³'’])")
        capitalised = forms_alternation(conf["capitalised_nouns"])
        self.word = re.compile(rf"\s*(?:de\s+|d['’]\s*)?({_WORD}|(?:{capitalised})(?![\w'’-]))")
        self.not_counted = frozenset(conf["not_counted"])
        self.not_before = frozenset(conf["not_before"])
        self.adjectives = frozenset(conf["prenominal_adjectives"])
        self.elision_cues = frozenset(conf["elision_cues"])
        self.range_links = tuple(conf["range_links"])
        self.partitive_links = tuple(f"{link} " for link in conf["partitive_links"])
        self.number_of_links = frozenset(conf["number_of_links"])
        qualifier = rf"(?:(?:{'|'.join(map(re.escape, conf['number_qualifiers']))})\s+)?"  # le nombre global d'unités
        self.number_of = re.compile(rf"\b[Nn]ombre\s+{qualifier}(?:de\s+|d['’])(\w+)")
        self.number_of_after = re.compile(rf"\s*le\s+nombre\s+{qualifier}(?:de\s+|d['’])(\w+)")  # portera à 6 le nombre d'unités
        self.elided_adjective = re.compile(conf["elided_adjective"])
        self.elliptic_adjectives = frozenset(conf["elliptic_adjectives"])
        self.irregular = conf["irregular_singulars"]
        self.stopwords = rules.stopwords
        self.qualifiers = Qualifiers(rules)

    def find(self, text: str, allowed: Allowed) -> list[dict]:
        """Count facts in ``text``; ``allowed(start, end)`` says whether a span may be used."""
        # a count spans its number: a number that may not be used is never read (overlap grows with the span)
        numbers = (m for m in find_numbers(self.number, text) if allowed(m.start(), m.end()))
        found = [f for m in numbers if (f := self._read(text, m)) and allowed(f.start, f.end)]
        self._restore_elided(text, found)
        quantities = [
            Quantity(f.value, f.unit, f.qualifier, text[f.q_start : f.end], [(f.q_start, f.end)])
            for f in found
            if f.unit
        ]
        return quantity_records(quantities, "unit")

    def _read(self, text: str, match: re.Match) -> _Found | None:
        """A number with its head noun or unit, or None when it is not a count at all."""
        previous = self._previous_word(text, match.start())
        if previous in self.not_before:
            return None
        if self._after_name(text, match.start()):
            return None
        number = parse_number(match.group("num"))
        if number is None:
            return None
        qualifier, q_start = self.qualifiers.before(text, match.start())
        if match.group("approx"):
            number = scaled(number, self.approx[match.group("approx").lower()])
            qualifier = "approx" if qualifier == "exact" else qualifier
        scale = self.scales[match.group("scale").lower()] if match.group("scale") else 1.0
        number = scaled(number, scale)
        end = match.end()
        unit, head_end = self._head(text, end, after_scale=bool(match.group("approx") or match.group("scale")))
        if unit == "":
            return None
        if head_end and head_end - end <= 3 and _ONLY_SPACES.match(text, head_end):
            return None  # a symbol that ends the excerpt is a word cut off (3,5 m… for 3,5 milliards)
        if head_end and number >= 2 and unit not in self.units.values() and not _plural_after(text, end, head_end):
            return None  # 2021 connaît, les 4 offriront, 20 précédente: a verb or an adjective, no counted noun
        if unit and (previous in self.elision_cues and self.elided_adjective.search(unit) or unit in self.elliptic_adjectives):
            unit = None  # 5 sociétés dont deux marocaines, après trois précédentes: the noun is left out, restored from the count before
        return _Found(match.start(), end, head_end or end, number, unit, qualifier, q_start, scale)

    def _head(self, text: str, pos: int, after_scale: bool = False) -> tuple[str | None, int | None]:
        """The unit after ``pos``: a unit of measure or a noun; ``""`` when what follows is never counted."""
        rest = text[pos : pos + 80]
        if rest.startswith("%") or rest.startswith(" %") or rest.startswith("\u00a0%"):
            return "%", pos + rest.index("%") + 1
        unit = self.unit.match(rest)
        if unit:
            symbol = self.units.get(unit.group(1).lower())
            if symbol:
                return symbol, pos + unit.end()
        offset, after_adjective = 0, False
        while True:
            word = self.word.match(rest, offset)
            if not word:
                return None, None
            lower = word.group(1).lower()
            if after_adjective and lower in ("et", "ou"):
                following = self.word.match(rest, word.end())
                if following and following.group(1).lower() in self.adjectives:
                    offset = word.end()  # 15 petites et moyennes entreprises: two adjectives joined
                    continue
            if _ELIDED_WORD.match(lower):
                return None, None  # l'an, d'autres, qu'il: no noun here
            if lower in self.not_counted:
                return "", None
            if lower in self.adjectives:
                offset, after_adjective = word.end(), True
                continue
            elided = word.group(0).lstrip().lower().startswith(("de ", "d'", "d’")) and not after_scale
            if lower in self.stopwords or elided:
                return None, None
            return singular(lower, self.irregular, self.stopwords), pos + word.end()

    def _restore_elided(self, text: str, found: list[_Found]) -> None:
        """Give a bare number the unit of its range partner or of the count before it in the sentence."""
        bounds = sentence_bounds(text)
        for i, f in enumerate(found):
            if f.unit:
                continue
            after = text[f.num_end : f.num_end + 6].strip().lower()
            if i + 1 < len(found) and after.startswith(self.range_links) and found[i + 1].start - f.num_end < 6 and found[i + 1].unit:
                f.unit = found[i + 1].unit
                if f.scale == 1.0 and found[i + 1].scale != 1.0:
                    f.value *= found[i + 1].scale  # de 3,47 à 9 millions de conteneurs
                continue
            partitive = after.startswith(self.partitive_links) and i + 1 < len(found) and found[i + 1].unit
            if partitive and found[i + 1].start - f.num_end <= len(after) + 4:
                f.unit = found[i + 1].unit  # 950 des 1.400 centres
                continue
            sentence = bounds[bisect_right(bounds, f.start) - 1]
            counted = list(self.number_of.finditer(text, sentence, f.start))
            word_before = self._previous_word(text, f.q_start)  # à in à environ 4.100
            if counted and word_before in self.number_of_links:
                # the number of what is named after the last count: portera le nombre total de points de vente à 953
                sentence = max(sentence, counted[-1].start())
            previous = _last_unit(found, i, sentence)
            if previous == "%" and (f.value > 100 or f.scale != 1.0):
                previous = None  # augmenté de 8 % à 73 millions: no share is in millions
            cue = word_before in self.elision_cues or text[max(0, f.q_start - 10) : f.q_start].rstrip().endswith((",", "("))
            if previous and cue:
                f.unit = previous
                continue
            named = self.number_of_after.match(text, f.num_end)
            if named:
                f.unit = singular(named.group(1), self.irregular)
                continue
            if counted and word_before in self.number_of_links:
                f.unit = singular(counted[-1].group(1).lower(), self.irregular)  # le nombre de lits est passé de 80 à 120

    @staticmethod
    def _previous_word(text: str, pos: int) -> str:
        match = _PREVIOUS_WORD.search(text[max(0, pos - 30) : pos])
        return match.group(1).lower() if match else ""

    def _after_name(self, text: str, pos: int) -> bool:
        """A number right after a capitalised word inside a sentence belongs to a name (``Boeing 787``)."""
        match = _CAPITALISED_BEFORE.search(text[max(0, pos - 40) : pos])
        if not match or match.group(2).lower() in self.stopwords:
            return False
        return match.group(1) is not None and match.group(1) not in ".!?:\n"
