"""Mark site chrome, the title and the byline in an article's text, by the shapes of its lines.

Offsets always point into the original text; nothing is removed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from extract.facts import Span
from extract.rules import load_rules

_SENTENCE_MARKS = tuple('.!?»"”)')
_ELLIPSES = ("...", "…")
_INFINITY = float("inf")
_LABEL_SPLIT = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])|\s*[&|/,]\s*")
_LABEL_SEPARATORS = "&|/,"  # what a line that opens with an empty part opens with
_SIGNATURE_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:['’-][A-ZÀ-Ýa-zà-ÿ]+)*|[A-ZÀ-Ý]{2,}")  # Linge, El-Fassi, LAHLOU
# a first name and a surname's initial, then maybe the source in parentheses: Salma.K, Salma K. (outlet); an initial
# after a space takes its period (Mohammed V is a monarch)
_INITIAL_SIGNATURE = re.compile(r"(?P<name>(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+)(?:\.\s?[A-ZÀ-Ý]\.?|\s[A-ZÀ-Ý]\.))\s*(?:\([^()\n]{1,40}\))?")


@dataclass(frozen=True)
class Line:
    """One line of the text: offsets of its stripped content, and the content."""

    start: int
    end: int
    text: str

    @cached_property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Layout:
    """What the line shapes say about an article: chrome spans, title, byline names."""

    chrome: list[Span] = field(default_factory=list)
    title: Span | None = None
    byline_people: list[Span] = field(default_factory=list)
    byline_orgs: list[Span] = field(default_factory=list)
    masthead: Span | None = None

    def in_chrome(self, start: int, end: int) -> bool:
        """True when the span [start, end) overlaps site chrome (whose spans are disjoint: only the last one
        starting at or before ``start`` and the next one may; asked for every candidate of every stage)."""
        chrome = self.chrome
        i = bisect_right(chrome, (start, _INFINITY))
        if i and chrome[i - 1][0] < end and start < chrome[i - 1][1]:
            return True
        return i < len(chrome) and chrome[i][0] < end and start < chrome[i][1]


@lru_cache(maxsize=8)
def split_lines(text: str) -> tuple[Line, ...]:
    """Non-empty lines (split at \n or \r) with the offsets of their stripped content (a BOM is stripped too);
    cached, as chrome and metadata both read a text's lines."""
    lines = []
    for match in re.finditer(r"[^\n\r]+", text):
        raw = match.group()
        stripped = raw.strip().lstrip("\ufeff").strip()
        if stripped:
            start = match.start() + raw.index(stripped)
            lines.append(Line(start, start + len(stripped), stripped))
    return tuple(lines)


@dataclass(frozen=True)
class _Patterns:
    labels: frozenset[str]
    label_starts: tuple[str, ...]  # the labels, longest first, for ``str.startswith``
    lines: re.Pattern  # each a list of patterns joined in one alternation: a line matches it where it matches one
    phrases: re.Pattern  # searched anywhere in a line
    markers: frozenset[str]
    bio_markers: frozenset[str]
    bylines: list[re.Pattern]
    notices: re.Pattern


def _any_of(patterns: list[str]) -> re.Pattern:
    """One case-insensitive regex that matches where any of ``patterns`` matches (tried in one pass, not one each)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _compiled() -> _Patterns:
    chrome = load_rules().chrome
    return _Patterns(
        labels=frozenset(label.lower() for label in chrome["section_labels"]),
        label_starts=tuple(sorted({label.lower() for label in chrome["section_labels"]}, key=len, reverse=True)),
        lines=_any_of(chrome["line_patterns"]),
        phrases=_any_of(chrome["phrase_patterns"]),
        markers=frozenset(m.lower() for m in chrome["teaser_markers"]),
        bio_markers=frozenset(m.lower() for m in chrome["bio_markers"]),
        bylines=[re.compile(p) for p in chrome["byline_patterns"]],
        notices=_any_of([chrome["publication_line"], *chrome["tagline_patterns"]]),
    )


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends, trailing spaces aside, with a mark that closes a sentence."""
    return text.rstrip().endswith(_SENTENCE_MARKS)


def is_section_label(text: str) -> bool:
    """A line made only of section labels (``Société``, ``SociétéUne``, ``Éco-Business``)."""
    patterns = _compiled()
    labels = patterns.labels
    stripped = text.strip()
    opening = stripped.lstrip(" :")[: len(patterns.label_starts[0])].lower()  # as long as the longest label
    if stripped[:1] not in _LABEL_SEPARATORS and not opening.startswith(patterns.label_starts):
        return False  # its first part, a prefix, is no label: most lines are told without splitting them
    first = _LABEL_SPLIT.split(stripped, maxsplit=1)[0]
    if first and first.strip(" :").lower() not in labels:
        return False  # not a label from its first part on: a paragraph is not split whole
    parts = [p for p in _LABEL_SPLIT.split(text.strip()) if p]
    return bool(parts) and all(p.strip(" :").lower() in labels for p in parts)


def is_chrome_line(text: str) -> bool:
    """A line that is chrome on its own: a section label, or a short prompt, notice or breadcrumb."""
    if is_section_label(text):
        return True
    conf, patterns = load_rules().chrome, _compiled()
    # words counted up to one past the larger limit: a paragraph's words need not all be split apart
    words = len(text.split(None, max(conf["line_pattern_max_words"], conf["line_pattern_max_words_with_period"]) + 1))
    if words <= conf["line_pattern_max_words"] and patterns.lines.match(text):
        return True
    limit = conf["line_pattern_max_words_with_period"] if ends_sentence(text) else conf["line_pattern_max_words"]
    return words <= limit and bool(patterns.phrases.search(text))


def _marker_words(text: str) -> str:
    """A marker line as its lexicon lists it: lower-cased, without the arrows, bars and colons around it."""
    return text.strip(" :>»|-").lower()


def is_teaser_marker(text: str) -> bool:
    """A line that opens a block of teasers for other articles (``Related Articles``, ``À lire aussi``)."""
    return _marker_words(text) in _compiled().markers


def is_bio_marker(text: str) -> bool:
    """A line that opens the author's biography (``LIRE LA BIO``, ``À propos de l'auteur``)."""
    return _marker_words(text) in _compiled().bio_markers


def is_header_notice(text: str) -> bool:
    """A line above the headline that is never the headline: a publication or edition line, an outlet's
    tagline (``Le quotidien des régions``), a cookie or app notice of any length."""
    patterns = _compiled()
    return bool(patterns.notices.match(text) or patterns.phrases.search(text))


def is_body_paragraph(line: Line, min_words: int) -> bool:
    """A long line that reads like the article's prose, not a teaser summary."""
    return line.words >= min_words and not line.text.rstrip().endswith(_ELLIPSES)


def is_masthead(line: Line, max_words: int) -> bool:
    """An outlet's name in capitals above the headline (``LE QUOTIDIEN DES AFFAIRES``), not a shouted headline."""
    return line.text.isupper() and 2 <= line.words <= max_words and not re.search(r"[:;!?,.\d]", line.text)


def match_byline(line: Line) -> re.Match | None:
    """The byline pattern that matches this short line, if any."""
    if line.words > 10:
        return None
    for pattern in _compiled().bylines:
        match = pattern.match(line.text)
        if match:
            return match
    return None


def is_signature(text: str) -> bool:
    """A line that is only a person's name, a first name then one or two capitalised words (``Karim Alaoui``): the
    author's signature under the body."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and words[0].lower() in load_rules().first_names
        and all(_SIGNATURE_WORD.fullmatch(w) for w in words)
    )


def initial_signature(text: str) -> int | None:
    """The length of the name in a line that is only a first name and a surname's initial (``Salma.K``, ``Salma K.``),
    maybe with its source in parentheses: the author's signature, wherever it stands; None for any other line."""
    match = _INITIAL_SIGNATURE.fullmatch(text)
    return len(match.group("name")) if match and match.group("first").lower() in load_rules().first_names else None


def analyse(text: str) -> Layout:
    """Find chrome, the title and byline names in ``text``."""
    conf = load_rules().chrome
    lines = split_lines(text)
    chrome_flags = [is_chrome_line(line.text) for line in lines]
    teaser_lines = 0  # lines left in the current teaser block
    bio_authors: list[Line] = []
    for i, line in enumerate(lines):
        if is_bio_marker(line.text):
            chrome_flags[i : i + 2] = [True] * len(chrome_flags[i : i + 2])  # the marker and the biography after it
            if i and 2 <= lines[i - 1].words <= 4 and all(_SIGNATURE_WORD.fullmatch(w) for w in lines[i - 1].text.split()):
                bio_authors.append(lines[i - 1])  # the author's name heads the biography, first name listed or not
        if is_teaser_marker(line.text):
            teaser_lines = conf["teaser_block_max_lines"]
        elif teaser_lines and is_body_paragraph(line, conf["body_min_words"]):
            teaser_lines = 0
        chrome_flags[i] = chrome_flags[i] or teaser_lines > 0
        teaser_lines = max(0, teaser_lines - 1)

    layout = Layout()
    # the last paragraph of the body: a long line that ends a sentence, or the text's last line cut off mid-sentence
    last_body = max(
        (i for i, line in enumerate(lines)
         if not chrome_flags[i] and line.words >= 20 and (ends_sentence(line.text) or i == len(lines) - 1)),
        default=len(lines),
    )
    for i, line in enumerate(lines):
        byline = None if chrome_flags[i] else match_byline(line)
        signed = len(line.text) if line in bio_authors else None if chrome_flags[i] or byline else initial_signature(line.text)
        if byline:
            _add_group(layout.byline_people, line, byline, "person")
            _add_group(layout.byline_orgs, line, byline, "org")
        elif signed:
            layout.byline_people.append((line.start, line.start + signed))
        elif i > last_body and is_signature(line.text):
            layout.byline_people.append((line.start, line.start + len(line.text.rstrip())))  # the author signs the end
        elif i > last_body and line.words <= conf["tail_headline_max_words"] and not ends_sentence(line.text):
            chrome_flags[i] = True
        if chrome_flags[i] or byline or signed or layout.title is not None:
            continue
        if is_masthead(line, conf["masthead_max_words"]) and layout.masthead is None:
            layout.masthead = (line.start, line.end)
            chrome_flags[i] = True  # the site's logo: the outlet counts where the byline or body names it
        elif line.words <= conf["kicker_max_words"]:
            # a kicker or section label above the headline; a short dated line is kept
            chrome_flags[i] = not re.search(r"\d", line.text)
        elif not is_header_notice(line.text):
            layout.title = (line.start, line.end)
    layout.chrome = [(line.start, line.end) for line, flag in zip(lines, chrome_flags) if flag]
    credits = [(m.start(), m.end()) for m in re.finditer(conf["inline_credit"], text) if not layout.in_chrome(m.start(), m.end())]
    layout.chrome = sorted(layout.chrome + credits)
    return layout


def _add_group(spans: list[Span], line: Line, match: re.Match, group: str) -> None:
    """Add the span of a byline's ``group`` (``person`` or ``org``), if its pattern has it and it matched."""
    if group in match.re.groupindex and match.group(group):
        start = line.start + match.start(group)
        value = match.group(group).rstrip()
        spans.append((start, start + len(value)))
