"""Article metadata: publication date, authors, outlet and page address, read from the header and byline.

The facts are found by the other stages (the publication date stays a date fact, the author a person,
the outlet an organisation); this stage only says which of them the header and byline name, using the
line shapes of :mod:`extract.chrome` and the cues in ``rules/chrome.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.chrome import Layout, Line, match_byline, split_lines
from extract.facts import Span, overlaps
from extract.rules import load_rules
from extract.textnorm import normalize_name

METADATA_FIELDS = ("published", "authors", "outlet", "url")


@dataclass(frozen=True)
class _Cues:
    publication: re.Pattern
    author: re.Pattern
    byline: re.Pattern
    filler: re.Pattern
    max_words: int
    body_words: int
    url: re.Pattern


@cache
def _cues() -> _Cues:
    chrome = load_rules().chrome
    return _Cues(
        publication=re.compile(chrome["publication_cues"], re.IGNORECASE),
        author=re.compile(chrome["author_cues"], re.IGNORECASE),
        byline=re.compile(chrome["byline_cue"], re.IGNORECASE),
        filler=re.compile(chrome["publication_date_filler"]),
        max_words=chrome["publication_header_max_words"],
        body_words=chrome["body_min_words"],
        url=re.compile(chrome["url_line"], re.IGNORECASE),
    )


def _mentions(facts: list[dict]) -> list[tuple[Span, dict]]:
    return sorted(((tuple(m), fact) for fact in facts for m in fact["mentions"]), key=lambda item: item[0])


def _inside(line: Line, span: Span) -> bool:
    return line.start <= span[0] and span[1] <= line.end


def _before(line: Line, span: Span) -> str:
    """The words of ``line`` before ``span``."""
    return line.text[: span[0] - line.start]


def _header(text: str, layout: Layout) -> list[Line]:
    """The lines above the first body paragraph."""
    lines = []
    for line in split_lines(text):
        if line.words >= _cues().body_words and not layout.in_chrome(line.start, line.end):
            break
        lines.append(line)
    return lines


def _date_only(line: Line, span: Span) -> bool:
    """A short line holding nothing but this date, a weekday, ``le`` and a time of day."""
    rest = _before(line, span) + " " + line.text[span[1] - line.start :]
    return line.words <= _cues().max_words and bool(_cues().filler.match(rest))


def publication(text: str, layout: Layout, dates: list[dict], people: list[dict]) -> tuple[str | None, list[str]]:
    """The publication date's value and the authors named alone on the line above a bare date.

    Above the first body paragraph, a date counts right after a publication cue (``Publié le``,
    ``Mis en ligne le``, ``Édition N° … du``) or anywhere on a byline, else alone on a short line.
    """
    date_mentions = _mentions(dates)
    lines = _header(text, layout)
    for line in lines:
        byline = match_byline(line) or _cues().byline.match(line.text)
        for span, fact in date_mentions:
            if _inside(line, span) and (byline or _cues().publication.search(_before(line, span))):
                return fact["value"], []
    person_mentions = _mentions(people)
    for i, line in enumerate(lines):
        found = next((fact for span, fact in date_mentions if _inside(line, span) and _date_only(line, span)), None)
        if found:
            above = lines[i - 1] if i else None
            authors = [p["name"] for span, p in person_mentions if above and span == (above.start, above.end)]
            return found["value"], authors
    return None, []


def _named_in(spans: list[Span], facts: list[dict]) -> list[str]:
    """Names of the facts with a mention inside one of ``spans``, in order, once each."""
    if not spans:
        return []  # most articles have no byline: their many mentions need no sorting
    names = [fact["name"] for span, fact in _mentions(facts) if overlaps(span, spans)]
    return list(dict.fromkeys(names))


def _cued_authors(text: str, layout: Layout, people: list[dict]) -> list[str]:
    """People named right after an author cue (``Rédigé par``) above the body."""
    names, mentions = [], _mentions(people)
    for line in _header(text, layout):
        names += [p["name"] for span, p in mentions if _inside(line, span) and _cues().author.search(_before(line, span))]
    return list(dict.fromkeys(names))


def outlet(text: str, layout: Layout, orgs: list[dict]) -> str | None:
    """The organisation named in the byline, else the masthead (as an organisation's name when one matches)."""
    named = _named_in(layout.byline_orgs, orgs)
    if named:
        return named[0]
    if layout.byline_orgs:
        start, end = layout.byline_orgs[0]
        return text[start:end]
    if layout.masthead is None:
        return None
    masthead = text[layout.masthead[0] : layout.masthead[1]]
    key = normalize_name(masthead)
    return next((o["name"] for o in orgs if key in {normalize_name(f) for f in [o["name"], *o["aliases"]]}), masthead)


def page_url(text: str) -> str | None:
    """The page's address on a line of its own (``Source : https://…``, as ``add`` stores it)."""
    for line in split_lines(text):
        match = _cues().url.match(line.text)
        if match:
            return match.group("url")
    return None


def describe(text: str, layout: Layout, facts: dict) -> dict:
    """The metadata fields of one article; each is null (or an empty list) when unknown."""
    published, bare_authors = publication(text, layout, facts["dates"], facts["people"])
    authors = _named_in(layout.byline_people, facts["people"]) or _cued_authors(text, layout, facts["people"])
    authors = authors or bare_authors
    return {
        "published": published,
        "authors": authors,
        "outlet": outlet(text, layout, facts["organizations"]),
        "url": page_url(text),
    }
