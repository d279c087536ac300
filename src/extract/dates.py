"""Dates: spans found by the shapes of French dates, each parsed with dateparser."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from dateparser.date import DateDataParser

from extract.facts import Allowed, DisjointSpans, matches_at, openings, sentence_start
from extract.quantities import alternation
from extract.rules import Rules
from extract.textnorm import PLURAL_ENDINGS

_PARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
_REQUIRED = {"day": ["day", "month", "year"], "month": ["month", "year"]}
_SENTENCE_OPENS = sentence_start()
_RANGE_START = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–]\s*$")  # the year before a dash, right before another


@lru_cache(maxsize=4)
def _parser(precision: str) -> DateDataParser:
    """One dateparser parser per precision, built once (building one is the slow part)."""
    return DateDataParser(languages=["fr"], settings={**_PARSER_SETTINGS, "REQUIRE_PARTS": _REQUIRED[precision]})


@lru_cache(maxsize=65536)
def normalize_date(text: str, precision: str) -> str | None:
    """``1er janvier 2019``/day → ``2019-01-01``; ``mai 2023``/month → ``2023-05``; None if not a date."""
    text = re.sub(r"\b1(?:er|ᵉʳ)(?!\w)", "1", text.strip(), flags=re.IGNORECASE)
    if precision == "year":
        return text if re.fullmatch(r"(?:19|20)\d{2}", text) else None
    parsed = _parser(precision).get_date_data(text).date_obj
    return parsed.strftime(_FORMATS[precision]) if parsed else None


class DateFinder:
    """Finds dates in a text; its regexes are compiled once from the rules."""

    def __init__(self, rules: Rules) -> None:
        conf = rules.dates
        month = rf"(?:{alternation(list(rules.months))})(?![\w])"
        day = r"(?:1er|1ᵉʳ|[0-3]?\d)(?!\d)"
        year = r"(?:19|20)\d{2}(?!\d)"
        weekdays = "|".join(rules.numbers["weekdays"])
        weekday = rf"(?:(?:{weekdays})\s+)?"
        not_after = r"[\w/.,-]"
        edge = rf"(?<!{not_after})"
        # Every shape begins after the edge with a digit, but ``day`` may begin with a weekday and ``month`` with
        # a month name: one scan finds where words and digits begin, and each shape is tried there only.
        self.starts = openings([not_after], [(d, "") for d in rules.numbers["weekdays"]] + [(m, r"(?![\w])") for m in rules.months])
        self.begins = {"day": "any", "month": "word"}  # the others: "digit"
        self.months = {k.lower(): v for k, v in rules.months.items()}
        # Order matters: a longer shape is tried before the shapes it contains.
        self.shapes = [
            ("day_range", re.compile(rf"(?i){edge}(?P<d1>{day})\s*(?:au|et|-|–)\s*{weekday}(?P<d2>{day})\s+(?P<m>{month})\s+(?P<y>{year})")),
            ("day_month_range", re.compile(
                rf"(?i){edge}(?P<d1>{day})\s+(?P<m1>{month})\s+(?:au|et|-|–)\s+{weekday}(?P<d2>{day})\s+(?P<m>{month})\s+(?P<y>{year})")),
            ("day", re.compile(rf"(?i){edge}{weekday}(?P<d1>{day})\s+(?P<m>{month})\s+(?P<y>{year})")),
            ("numeric", re.compile(rf"{edge}(?P<d1>[0-3]?\d)[/.-](?P<mn>[01]?\d)[/.-](?P<y>{year})")),
            ("iso", re.compile(rf"{edge}(?P<y>{year})-(?P<mn>[01]\d)-(?P<d1>[0-3]\d)(?![\d-])")),
            ("iso_month", re.compile(rf"{edge}(?P<y>{year})-(?P<mn>0[1-9]|1[0-2])(?![\d-])")),
            ("month", re.compile(rf"(?i){edge}(?P<m>{month})\s+(?:de\s+l['’]année\s+)?(?P<y>{year})")),
        ]
        # The year's first two digits open the regex and what stands before them is looked at from after them
        # (``..``): a regex that opens with a character is tried only where one is, not at every offset.
        self.bare_year = re.compile(
            r"(?P<y>(?:19|20)(?:(?<=mi-..)|(?<=\d{4}[-–]..)|(?<![\w/.,-]..))(?<!\b\d[ \u00a0\u202f]..)\d{2}(?!\d))"
            r"(?![ \u00a0\u202f]\d{3})(?![.,]\d)(?!\w)"
        )
        self.cues = frozenset(c.lower() for c in conf["year_cues"])
        self.weak_cues = frozenset(c.lower() for c in conf["weak_year_cues"])
        self.name_words = frozenset(conf["name_words_before_year"])
        self.span_words = frozenset(conf["words_before_year_spans"])
        self.stopwords = rules.stopwords
        self.units = frozenset(unit.lower() for unit in rules.counts["units"])

    def find(self, text: str, allowed: Allowed) -> list[dict]:
        """Date facts in ``text``; ``allowed(start, end)`` says whether a span may be used."""
        found: list[tuple[str, str, tuple[int, int]]] = []
        taken = DisjointSpans()

        def free(start: int, end: int) -> bool:
            return allowed(start, end) and not taken.overlaps((start, end))

        for kind, match in self.shape_matches(text):
            if kind == "iso_month" and self._word_before(text, match.start()) in self.span_words:
                continue  # exercice 2010-11: a span of years, not a month
            if free(match.start(), match.end()):
                taken.add(match.span())
                found += self._read(kind, match)
        years: dict[int, bool] = {}  # where each bare year ends → whether it is a date
        for match in self.bare_year.finditer(text):
            start_year = _RANGE_START.search(text, max(0, match.start() - 7), match.start())
            if start_year and start_year.end(1) in years:
                is_year = years[start_year.end(1)]  # 2010-2019 after a plan's name: the range's end as its start
            else:
                is_year = self._is_year(text, match)
            years[match.end()] = is_year
            if free(*match.span()) and is_year:
                found.append((match.group("y"), match.group(), match.span()))
        return self._group(found)

    def shape_matches(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        """Each shape's matches in ``text``, shape after shape, as ``finditer`` finds them; each shape is tried
        only where it may begin."""
        starts: dict[str, list[int]] = {"digit": [], "word": []}
        for start in self.starts.finditer(text):
            starts["digit" if start.group(1) else "word"].append(start.start())
        starts["any"] = sorted(starts["digit"] + starts["word"])
        for kind, regex in self.shapes:
            for match in matches_at(regex, text, starts[self.begins.get(kind, "digit")]):
                yield kind, match

    def _read(self, kind: str, match: re.Match) -> list[tuple[str, str, tuple[int, int]]]:
        """Dates in one matched shape: one, or two for a range."""
        y = match.group("y")
        if kind in ("numeric", "iso"):
            text = f"{match.group('d1')}/{match.group('mn')}/{y}"
            value = normalize_date(text, "day")
            return [(value, match.group(), match.span())] if value else []
        if kind == "iso_month":
            return [(f"{y}-{match.group('mn')}", match.group(), match.span())]
        if kind == "month":
            value = self.named_month_date(None, match.group("m"), y)
            return [(value, match.group(), match.span())] if value else []
        ends = [(match.group("d1"), match.groupdict().get("m1") or match.group("m"))]
        if kind != "day":
            ends.append((match.group("d2"), match.group("m")))
        values = [self.named_month_date(d, m, y) for d, m in ends]
        return [(v, match.group(), match.span()) for v in values if v]

    def named_month_date(self, day: str | None, month: str, year: str) -> str | None:
        """The value of a date with a named month (``1er mars 2021`` → ``2021-03-01``; ``mars 2021`` → ``2021-03``
        without a day) from the months table: what dateparser reads (checked for every form of the table) at a
        fraction of its cost; None when there is no such day (``31 avril``). Digits other than ASCII go to it."""
        if not (year + (day if day and day.isdigit() else "")).isascii():
            return normalize_date(f"{day} {month} {year}" if day else f"{month} {year}", "day" if day else "month")
        number = self.months[month.lower()]
        if day is None:
            return f"{year}-{number:02d}"
        try:
            return date(int(year), number, int(day) if day.isdigit() else 1).isoformat()  # 1er, 1ᵉʳ
        except ValueError:
            return None

    @staticmethod
    def _word_before(text: str, start: int) -> str:
        """The word just before ``start``, lower-cased ('' if none)."""
        before = re.search(r"([\w'’]+)\s*$", text[max(0, start - 30) : start])
        return before.group(1).lower() if before else ""

    def _is_year(self, text: str, match: re.Match) -> bool:
        """A bare year is a date after a cue (``en 2000``), not inside a name (``PLF 2025``) or a count (``2000 lits``)."""
        before = re.search(r"([\w'’]+|[(,–-])\s*$", text[max(0, match.start() - 30) : match.start()])
        previous = before.group(1) if before else ""
        word = previous.lower()
        if word in self.name_words:
            return False  # loi de finances 2025, Vision 2030
        if text[max(0, match.start() - 3) : match.start()].lower() == "mi-":
            return True
        if word in self.cues or word[:2] in ("l'", "l’", "d'", "d’") and word[2:] in self.cues:
            return True
        if self._names_a_plan(text, match.start()):
            return False  # Plan national de … (PNPCC) 2010-2019, Coupe d'Afrique des nations 2025
        if (previous[:1].isupper() and word not in self.weak_cues) or previous.isdigit():
            return False
        after = re.match(r"\s*([a-zà-ÿ][\w'’-]*)", text[match.end() : match.end() + 30])
        if after and after.group(1)[-1] not in PLURAL_ENDINGS and after.group(1).lower() not in self.units \
                and _SENTENCE_OPENS.search(text, max(0, match.start() - 3), match.start()):
            return True  # 2021 connaît une hausse: a year opening a sentence before a verb, no plural noun nor unit it counts
        return not after or after.group(1).lower() in self.stopwords or after.group(1).lower() in self.months

    def _names_a_plan(self, text: str, start: int) -> bool:
        """A year closing the name of a plan, a cup or a programme a few words back, in the same clause."""
        clause = re.split(r"[.;:!?\n]|,\s", text[max(0, start - 100) : start])[-1]
        words = re.findall(r"[\w'’]+", clause)[-10:]
        periods = self.cues | (self.span_words - self.name_words)  # … sur la période 2025-2028: a span, not a name
        for word in map(str.lower, reversed(words)):
            if word in periods:
                return False
            if word in self.name_words:
                return True
        return False

    @staticmethod
    def _group(found: list[tuple[str, str, tuple[int, int]]]) -> list[dict]:
        facts: dict[str, dict] = {}
        seen: set[tuple[str, tuple[int, int]]] = set()  # not a search of the mentions: a date may have very many
        for value, text, span in sorted(found, key=lambda f: f[2]):
            fact = facts.setdefault(value, {"value": value, "text": text, "mentions": []})
            if (value, span) not in seen:
                seen.add((value, span))
                fact["mentions"].append(list(span))
        return list(facts.values())
