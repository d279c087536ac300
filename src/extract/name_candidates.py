"""Spans that may name an organisation or a person, before anyone decides which.

The byline, names spelled out before an acronym, the patterns of ``rules/name_patterns.jsonl``,
the model's entities, bare acronyms and words with capitals inside (PepsiCo), each trimmed of
articles, honorifics and trailing function words; the longest wins among overlaps, and nothing is kept in chrome.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import IDS, IDX, LENGTH
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span as SpacySpan, Token
from spacy.vocab import Vocab

from extract.acronyms import ACRONYM, acronym_shaped, expansions, on_capitals_line
from extract.chrome import Layout
from extract.facts import DisjointSpans
from extract.known_orgs import KnownOrgs
from extract.lexeme_flags import LexemeFlags
from extract.name_lexicon import LEADING_ARTICLES, NameLexicon
from extract.textnorm import normalize_name
from extract.token_patterns import TokenPatterns


class Candidate(NamedTuple):
    """A span that may name an organisation or a person (a named tuple: thousands are made per article)."""

    start: int
    end: int
    label: str  # ORG, PER, MISC, LOC
    source: str  # ner, pattern, role, byline, acronym, expansion, shape, known
    title: str | None = None


Mention = tuple[Candidate, str]
_ROMAN = re.compile(r"^[IVX]+$")
_ACRONYM_OPENING = re.compile(r"[A-Z][A-Z0-9&]")  # what a word that ACRONYM matches opens with
_PARTICIPLE = re.compile(r"^[a-zà-ÿ]{3,}(?:é|ée|és|ées)$")
_COUNTRY_AFTER = re.compile(r"[ \t]([A-ZÀ-Ý][\w-]+)\b(?![ \t]+[A-ZÀ-Ý]|['’])")  # one capitalised word, no name after it
_SERIES_AFTER = re.compile(r"[ \t]+[IVX]{1,4}(?![\w'’&-])")  # Fund IV: a series number the model leaves out
_WORD_AFTER = re.compile(r"[ \t]+([a-zà-ÿ]+)(?![\w'’-])")  # a lower-case word after a name
_AND_WORD_AFTER = re.compile(r"[ \t]+et[ \t]+([a-zà-ÿ]+)(?![\w'’-])")
_TRADE_PLURAL = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+[sx]")  # Ciments, Autoroutes, Brasseries
_OF_A_PLACE = re.compile(r"[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’]|de|d['’])[ \t]*([A-ZÀ-Ý][\w-]+)\b(?![ \t]+[A-ZÀ-Ý]|['’])")
_INTERCAPS = re.compile(r"(?<![\w'’&.-])[A-Z][a-z]+(?:[A-Z][a-z]+)+(?![\w'’&-])")  # PepsiCo, BlackRock: a brand's shape
_CAPITALISED_RUN = re.compile(r"(?<![\w'’&.-])(?![LD]['’])[A-ZÀ-Ý][\w'’&-]*(?:[ \t]+[A-ZÀ-Ý][\w'’&-]*){0,3}(?![\w'’&-])")
_WORD = re.compile(r"\S+")
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")
_JOINS = re.compile(r"(?<=\S)[/-](?=\S)")  # a slash or hyphen with no space around it
_WHITESPACE_RUN = re.compile(r"[^\S ]|  ")  # inside a span, where spaCy makes a whitespace token
_COMPOUND_ADJECTIVE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[a-zà-ÿ]+)*-([a-zà-ÿ]+)\s+(?=\S)")  # a candidate and its text
_CAPITALISED_WORD = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ]+)[ \t]+(?=[A-ZÀ-Ý])")  # Égyptien, before a name


_WRAPPED_LINE = re.compile(r"^[^\n]{40,}[\w,’'-]\n(?=[a-zà-ÿ])", re.MULTILINE)  # a sentence going on past a line break


@lru_cache(maxsize=8)
def hard_wrapped(text: str) -> bool:
    """Whether the text is wrapped at a fixed width (sentences run on over line breaks, three times at least)."""
    return len(_WRAPPED_LINE.findall(text)) >= 3


def _soft_break(token: Token, text: str) -> bool:
    """A single line break in hard-wrapped text after a long line: a space of the wrapped sentence."""
    if token.text != "\n" or not hard_wrapped(text):
        return False
    line_start = text.rfind("\n", 0, token.idx) + 1
    return token.idx - line_start >= 40


def split_lines(ent: SpacySpan, text: str) -> list[SpacySpan]:
    """The parts of an entity (in a doc whose text is ``text``) on each of the lines it runs over (a name never
    spans a line break, but for one where hard-wrapped text goes on: ``Banque européenne\nd'investissement``)."""
    first, last = ent.start_char, ent.end_char - 1
    if text[first] != " " and text[last] != " " and not _WHITESPACE_RUN.search(text, first, last + 1):
        return [ent]  # one space between its words: no whitespace token, nothing to split
    parts, start = [], ent.start
    for token in ent:
        if start < token.i < ent.end - 1 and _soft_break(token, text):
            continue
        if "\n" in token.text or token.is_space:  # spaCy keeps line breaks as tokens, never as trailing space
            if token.i > start:
                parts.append(ent.doc[start : token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(ent.doc[start : ent.end])
    return parts


def _hyphenated_end(doc: Doc, token: Token, text: str) -> Token:
    """The last token of a name that goes on past a hyphen with no spaces (``Béni-Mellal``, ``Aït-Melloul``), in a doc
    whose text is ``text``."""
    if text[token.idx + len(token.text) : token.idx + len(token.text) + 1] != "-":
        return token  # most names: no hyphen right after them, and no token made to tell
    i = token.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_title:
        i += 2
    return doc[i]


def _joined_parts(text: str, cand: Candidate | None, pair: Callable[[int], bool]) -> list[Candidate | None]:
    """The names a candidate joins with a slash (``Archirodon/SEPROB``), or with a hyphen between acronyms where
    ``pair(start)`` says the words before it name a pair of bodies (``la ligne de crédit GCAM-AFD``), no space
    around either: each its own candidate, trimmed of brackets. Hyphen-joined acronyms after a determiner or a type
    word name one body (``la MAMDA-MCMA``, ``le groupement SOMAGEC-SGTM``: a consortium, tests/real/README.md)."""
    if cand is None:
        return [cand]
    surface, cuts = text[cand.start : cand.end], [0]
    if "/" not in surface and "-" not in surface:
        return [cand]  # most names: nothing to cut
    for match in _JOINS.finditer(surface):
        left, right = re.search(r"[\w&]+$", surface[: match.start()]), re.match(r"[\w&]+", surface[match.end() :])
        if match.group() == "/" or left and right and ACRONYM.match(left.group()) and ACRONYM.match(right.group()) \
                and pair(cand.start):
            cuts += [match.start(), match.end()]
    if len(cuts) == 1:
        return [cand]
    parts = []
    for start, end in zip(cuts[::2], cuts[1::2] + [len(surface)]):
        piece = re.search(r"[^\s()«»\"]+(?:.*[^\s()«»\"])?", surface[start:end])
        if piece:
            parts.append(Candidate(cand.start + start + piece.start(), cand.start + start + piece.end(), cand.label, cand.source, cand.title))
    return parts


def _order_unknown(cands: list[tuple[int, Candidate | None]], first: dict[int, tuple[int, int | None]]) -> bool:
    """Whether some span has different candidates from patterns first reported at one token in an unknown order."""
    by_span: dict[tuple[int, int], dict[Candidate, set[int]]] = {}
    for pattern, cand in cands:
        if cand and cand.end > cand.start:
            by_span.setdefault((cand.start, cand.end), {}).setdefault(cand, set()).add(pattern)
    for group in by_span.values():
        if len(group) > 1:
            reports = [first[p] for p in set().union(*group.values())]
            tokens = [token for token, _ in reports]
            if any(start is None and tokens.count(token) > 1 for token, start in reports):
                return True
    return False


def _participle_before_object(token: Token) -> bool:
    """A past participle that opens a phrase after the name (``le ministère de la Santé alloué aux …``,
    ``la Banque mondiale dédiée au …``): no part of it."""
    if not token.is_lower or not _PARTICIPLE.match(token.text):
        return False  # told before the next token is made
    return token.i + 1 < len(token.doc) and token.nbor(1).lower_ in {"à", "au", "aux", "par"}


class CandidateFinder:
    """Gathers and trims candidate names in a doc; its matcher is built once from the name patterns."""

    def __init__(self, vocab: Vocab, patterns: list[dict], lex: NameLexicon, is_city: Callable[[str], bool]) -> None:
        self.lex = lex
        self.is_city = is_city
        self.body_openers = frozenset(body[0] for body in lex.internal_bodies if body)
        self.known = KnownOrgs(lex.known_orgs, lex.name_word)
        # Word tests (``_.name_part``, lists, regexes) depend on a word's text alone: as lexeme flags they are
        # computed once per word of the vocabulary and the matcher runs them in C, not in Python for every token.
        self.flags = LexemeFlags(vocab, {"name_part": lex.name_word})
        name_part = IDS[self.flags.extensions["name_part"]]
        Token.set_extension("name_part", getter=lambda token: token.check_flag(name_part), force=True)
        self.acronym_flag = IDS[self.flags.add(acronym_shaped)]  # read with doc.to_array, without a Token per word
        self.labels = [entry["label"] for entry in patterns]
        expanded = [self._expand(entry["pattern"]) for entry in patterns]
        for i, pattern in enumerate(expanded):
            if errors := validate_token_pattern(pattern):
                raise MatchPatternError(str(i), {0: errors})
        # The patterns run as one automaton over word classes; spaCy's Matcher, which finds the same matches, is
        # asked only for the order of two patterns that the automaton cannot tell (see _pattern_candidates).
        self.patterns = TokenPatterns(vocab, expanded, {"name_part": lex.name_word})
        self.matcher = Matcher(vocab, validate=False)  # validated above as written, before flags replace tests
        for i, pattern in enumerate(expanded):
            self.matcher.add(str(i), [[self.flags.native(token) for token in pattern]], greedy="LONGEST")

    def _expand(self, pattern: list[dict]) -> list[dict]:
        """Replace ``$PLACEHOLDER`` lists in a token pattern by the lexicons they name."""
        lexicons = {
            "$ORG_PREFIX": sorted(self.lex.prefix_types),
            "$ORG_SUFFIX": sorted(self.lex.suffix_types),
            "$HONORIFICS": sorted(self.lex.honorifics),
            "$CONNECTORS": self.lex.connectors,
            "$STOPWORDS": sorted(self.lex.stopwords),
            "$ADJECTIVE": self.lex.adjective.pattern,
            "$MEDIA_CUES": self.lex.media_cues,
            "$SPEECH_VERBS": self.lex.speech_verbs,
            "$ROLE_NOUNS": sorted(self.lex.role_nouns),
            "$MODIFIERS": sorted(self.lex.modifiers),
            "$LIST_CUES": sorted(self.lex.list_cues),
            "$DEMONYMS": sorted(self.lex.demonyms),
        }

        def expand(value: object) -> object:
            if isinstance(value, dict):
                return {k: expand(v) for k, v in value.items()}
            if isinstance(value, str) and value in lexicons:
                return lexicons[value]
            return value

        return [expand(token) for token in pattern]

    def find(self, doc: Doc, text: str, layout: Layout) -> list[Candidate]:
        """Every candidate span of ``doc`` (whose text is ``text``) outside chrome, trimmed, longest first
        among overlaps; in text order."""
        found: list[Candidate | None] = []
        for start, end in layout.byline_people:
            found.append(Candidate(start, end, "PER", "byline"))
        for start, end in layout.byline_orgs:
            found.append(Candidate(start, end, "ORG", "byline"))
        found += [Candidate(start, end, "ORG", "known") for start, end in self.known.find(text)]  # before the model's, on a tie
        found += [Candidate(start, end, "ORG", "expansion") for start, end in expansions(text, self.lex.not_orgs, self.lex.stopwords)]
        found += self._pattern_candidates(doc, text)
        for ent in doc.ents:
            for part in split_lines(ent, text):
                for piece, label in self._person_after_acronym(text, part, ent.label_):
                    cand = self._without_demonym(text, self._from_tokens(text, piece, label, "ner"))
                    found.append(self._with_tail(text, self._with_country(text, cand)) if label == "ORG"
                                 else self._with_place_of_trade(text, cand))
        found = [part for cand in found for part in _joined_parts(text, cand, lambda start: self._after_common_noun(text, start))]
        # a word with capitals inside (PepsiCo) the model left out: a weak form, that context may make a company's
        found += [Candidate(m.start(), m.end(), "MISC", "shape") for m in _INTERCAPS.finditer(text)]
        found += self._cued_names(doc, text)
        shaped = doc.to_array([self.acronym_flag, IDX, LENGTH])
        for _, idx, length in shaped[shaped[:, 0] != 0].tolist():
            if not on_capitals_line(text, idx):
                found.append(Candidate(idx, idx + length, "ORG", "acronym"))
        kept: list[Candidate] = []
        taken = DisjointSpans()
        ranked = sorted((c for c in found if c and c.end > c.start), key=lambda c: (c.source != "byline", c.start - c.end, c.start))
        for cand in ranked:
            if layout.in_chrome(cand.start, cand.end) or taken.overlaps((cand.start, cand.end)):
                continue
            kept.append(cand)
            taken.add((cand.start, cand.end))
        return sorted(kept, key=lambda c: c.start)

    def _cued_names(self, doc: Doc, text: str) -> list[Candidate]:
        """Capitalised words the model left out right before a company's apposition or verb (``X, filiale de…``,
        ``X, leader de…``, ``X a levé…``): a weak form, its function words left out, that context makes a company's;
        its first word no common French word (one the model has a vector for, whole or in a hyphen's part), so no adverb
        opening a sentence (``Aujourd'hui, la société…``, ``Ci-dessus, …``)."""
        found = []
        tagged = DisjointSpans()
        for ent in doc.ents:
            tagged.add((ent.start_char, ent.end_char))
        for m in _CAPITALISED_RUN.finditer(text):
            if tagged.overlaps(m.span()) or not self.lex.company_after.match(text[m.end() : m.end() + 80]):
                continue  # a name the model saw is its candidate
            words = list(_WORD.finditer(m.group()))
            while words and not self.lex.name_word(words[0].group()):
                words.pop(0)
            if words and all(self.lex.name_word(w.group()) for w in words) and not self._common_word(doc, words[0].group()):
                found.append(Candidate(m.start() + words[0].start(), m.end(), "MISC", "shape"))
        return found

    def _after_common_noun(self, text: str, start: int) -> bool:
        """Whether a lower-case word right before ``start`` is neither a function word nor an organisation type
        (``crédit`` in ``la ligne de crédit X-Y``; not ``la``, ``groupement``)."""
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        word = before.group(1) if before else ""
        return word.islower() and word not in self.lex.stopwords and word not in self.lex.type_words

    def _common_word(self, doc: Doc, word: str) -> bool:
        """A word the model has a vector for, whole or in any of its hyphen's parts, or a part that is a function word
        (``Rappelons-le``, ``Ci-dessus``)."""
        lowered = word.lower()
        return any(doc.vocab.has_vector(part) or part in self.lex.stopwords for part in {lowered, *lowered.split("-")} if part)

    def _pattern_candidates(self, doc: Doc, text: str) -> list[Candidate | None]:
        """Candidates from the name patterns, in the order of spaCy's Matcher: of two candidates for one span, the
        first wins. The automaton gives the Matcher's matches and nearly always its order; when two patterns give
        different candidates for one span and their order is not known, the Matcher is run."""
        found = self.patterns(doc)
        cands = [(p, cand) for p, start, end in found.matches for cand in self._from_pattern(text, doc[start:end], p)]
        if _order_unknown(cands, found.first):
            matches = [(int(doc.vocab.strings[key]), start, end) for key, start, end in self.matcher(doc)]
            cands = [(p, cand) for p, start, end in matches for cand in self._from_pattern(text, doc[start:end], p)]
        return [self._with_tail(text, cand) if cand and cand.label == "ORG" else cand for _, cand in cands]

    def _from_pattern(self, text: str, span: SpacySpan, pattern: int) -> list[Candidate | None]:
        """The candidates a match of a name pattern gives: one, or an acronym and the person glued to it."""
        label = self.labels[pattern]
        if label == "ROLE":  # a name after a role noun: context decides (see name_evidence)
            return [self._without_demonym(text, self._from_tokens(text, span, "MISC", "role"))]
        if label == "OUTLET":  # L'Economiste, dans son numéro du …: the name before the comma of a cue only an outlet takes
            comma = next(t.i for t in span if t.text == ",")
            return [self._from_tokens(text, span.doc[span.start : comma], "ORG", "pattern")]
        return [self._without_demonym(text, self._from_tokens(text, piece, part, "pattern"))
                for piece, part in self._person_after_acronym(text, span, label)]

    def _person_after_acronym(self, text: str, span: SpacySpan, label: str) -> list[tuple[SpacySpan, str]]:
        """A span that runs from an acronym into a person's name as its two parts: the name opens with a first name
        (``l'AFD Karim Alami``) or, with a title shortly before, is two or three capitalised words and no type word
        (``le directeur du bureau de l'AFD Mihoub Mezouaghi``; not ``le directeur du CHU Ibn Rochd``). ``text`` is the
        doc's text."""
        if len(span) < 3 or not _ACRONYM_OPENING.search(text, span.start_char, span.end_char):
            return [(span, label)]  # no acronym in it (most spans): told from its text, without a token made
        titled = None  # read once, and only for a span that has an acronym before two capitalised words
        tokens = list(span)  # made once: a span makes a new token at each index
        for k in range(1, len(tokens) - 1):
            if not ACRONYM.match(tokens[k - 1].text) or not tokens[k].is_title or not tokens[k + 1].is_title:
                continue
            if titled is None:
                titled = any(t.lower_ in self.lex.title_heads for t in span.doc[max(0, span.start - 10) : span.start])
            rest = span[k:]
            person_shaped = titled and tokens[k - 1].lower_ not in self.lex.type_words and len(rest) <= 3 and all(t.is_title and t.lower_ not in self.lex.type_words for t in rest)
            if tokens[k].lower_ in self.lex.first_names or person_shaped:
                return [(span[:k], "ORG"), (rest, "PER")]
        return [(span, label)]

    def _without_demonym(self, text: str, cand: Candidate | None) -> Candidate | None:
        """Drop a capitalised compound adjective before the name (``Franco-italo-américain X`` → ``X``), or a
        masculine demonym used as a noun after ``le`` or ``l'`` (``l'Égyptien X``, ``le Chinois Y`` → the name;
        not ``La Marocaine Vie``, ``la Française des Jeux``, whose article is the name's)."""
        match = cand and _COMPOUND_ADJECTIVE.match(text, cand.start, cand.end)
        if match and self.lex.adjective.match(match.group(1)):
            return Candidate(match.end(), cand.end, cand.label, cand.source, cand.title)
        match = cand and _CAPITALISED_WORD.match(text, cand.start, cand.end)
        if match and match.group(1).lower() in self.lex.masculine_demonyms \
                and self.lex.masculine_article_before.search(text, max(0, cand.start - 4), cand.start):
            return Candidate(match.end(), cand.end, cand.label, cand.source, cand.title)
        return cand

    def _purpose_end(self, doc: Doc, i: int) -> Token:
        """The last token of a body's name that states its purpose in lower case up to a punctuation mark
        (``Fonds X pour le développement économique et social,``); the name's own end otherwise."""
        if i + 2 >= len(doc) or doc[i + 1].lower_ != "pour" or doc[i + 2].lower_ not in LEADING_ARTICLES:
            return doc[i]
        j, slot = i + 3, True  # slot: a noun may come (after an article or a connector); else only adjectives
        while j < len(doc) and doc[j].is_lower:
            word = doc[j].lower_
            if word in self.lex.skippable:
                slot = True
            elif slot and word not in self.lex.stopwords or self.lex.adjective.match(word) or word in self.lex.modifiers:
                slot = False
            else:
                break
            j += 1
        ends_at_mark = j == len(doc) or doc[j].is_punct or "\n" in doc[j].text
        return doc[j - 1] if ends_at_mark and j > i + 3 else doc[i]

    def _portfolio_end(self, doc: Doc, i: int) -> Token:
        """The last token of a ministry's name that goes on over more portfolios (``ministère de l'Agriculture, de la
        Pêche maritime, du Développement rural et des Eaux et Forêts``): a comma or ``et``, ``de`` (an article), then
        capitalised words, the adjectives after them and ``et`` between two of them; the name's own end otherwise."""
        end, n = i, len(doc)
        while True:
            k = end + 1
            if k + 2 >= n or doc[k].text not in (",", "et") or doc[k + 1].lower_ not in self.lex.of_words:
                return doc[end]
            k += 2 if doc[k + 2].lower_ not in LEADING_ARTICLES else 3
            if k >= n or not (doc[k].is_title and doc[k]._.name_part):
                return doc[end]
            while k < n and (doc[k].is_title and doc[k]._.name_part or doc[k].is_lower and self._portfolio_adjective(doc[k].text)
                             or doc[k].lower_ == "et" and k + 1 < n and doc[k + 1].is_title and doc[k + 1]._.name_part):
                k += 1
            end = k - 1

    def _portfolio_adjective(self, word: str) -> bool:
        """An adjective after a portfolio's noun (``énergétique``, ``maritime``, ``rural``)."""
        return bool(self.lex.adjective.match(word)) or word in self.lex.portfolio_adjectives

    def _with_country(self, text: str, cand: Candidate | None) -> Candidate | None:
        """A company's name the model ends before the country right after it (``LafargeHolcim Maroc``, a subsidiary
        named by its country): the country is part of the name when no other name goes on after it."""
        match = cand and _COUNTRY_AFTER.match(text, cand.end)
        if not match or not self._is_country(match.group(1)):
            return cand
        return Candidate(cand.start, match.end(1), cand.label, cand.source, cand.title)

    def _with_tail(self, text: str, cand: Candidate | None) -> Candidate | None:
        """A company's name the model ends before its series number (``Fund`` of ``Fund IV``), a type word before its
        adjectives (``groupe de la Banque`` of ``Banque mondiale``) or a lower-case word before ``et`` and an adjective
        that end the name (``Économie verte`` of ``Économie verte et numérique``)."""
        if cand is None:
            return None
        last, end = text[cand.start : cand.end].split()[-1], cand.end
        if not _ROMAN.match(last) and (series := _SERIES_AFTER.match(text, end)):
            end = series.end()
        elif last[:1].isupper() and last.lower() in self.lex.type_words:
            while (word := _WORD_AFTER.match(text, end)) and self._name_adjective(word.group(1)):
                end = word.end()
        elif last.isalpha() and last.islower() and (word := _AND_WORD_AFTER.match(text, end)) \
                and self._name_adjective(word.group(1)) and not _WORD_AFTER.match(text, word.end()):
            end = word.end()
        return cand if end == cand.end else Candidate(cand.start, end, cand.label, cand.source, cand.title)

    def _name_adjective(self, word: str) -> bool:
        """A lower-case adjective a name may end with (``mondiale``, ``numérique``), no past participle (``créée``)."""
        return bool(self.lex.adjective.match(word)) and not _PARTICIPLE.match(word)

    def _with_place_of_trade(self, text: str, cand: Candidate | None) -> Candidate | None:
        """A trade in the plural the model ends before its country or region (``Autoroutes`` of ``Autoroutes du
        Maroc``): the name goes on over ``du`` and the place (see ``NameClassifier._plural_of_a_place``)."""
        if not cand or not _TRADE_PLURAL.fullmatch(text, cand.start, cand.end):
            return cand
        match = _OF_A_PLACE.match(text, cand.end)
        if not match or not self._is_country(match.group(1)):
            return cand
        return Candidate(cand.start, match.end(1), cand.label, cand.source, cand.title)

    def _country_goes_on(self, text: str, token: Token) -> bool:
        """Whether the name's last word opens a country's name of several words that goes on after it (``Émirats`` of
        ``Émirats arabes unis``)."""
        at = normalize_name(text[token.idx : token.idx + 40])
        return any(at.startswith(country) and len(country) > len(token.text) for country in self.lex.long_countries)

    def _is_country(self, word: str) -> bool:
        """A country or a region named in one word (``Afrique``, ``Maroc``)."""
        return normalize_name(word) in self.lex.countries_and_regions

    def _without_internal_body(self, tokens: list[Token]) -> list[Token]:
        """The organisation after a body inside it (``Directoire de la X``, ``la direction de X`` → ``X``);
        nothing for the body alone (``Conseil de Surveillance``). A capitalised ``Direction`` or ``Conseil`` heads a name."""
        if not tokens or tokens[0].lower_.replace("’", "'") not in self.body_openers:
            return tokens  # most names open with no body's first word: their words are not read
        words = [t.lower_.replace("’", "'") for t in tokens]
        for body in self.lex.internal_bodies:
            if words[: len(body)] == body and not (len(body) == 1 and body[0] in self.lex.bodies_named_when_capitalised
                                                 and tokens[0].is_title):
                rest = tokens[len(body) :]
                while rest and rest[0].lower_ in self.lex.skippable:
                    rest = rest[1:]
                return rest
        return tokens

    def _before_sentence_end(self, tokens: list[Token]) -> list[Token]:
        """The words of a name before a full stop that ends a sentence, or before ``de`` and a number (``la Banque
        européenne de 100 M€. Une somme`` → ``la Banque européenne``): a name runs over neither."""
        for k in range(1, len(tokens) - 1):
            token, following = tokens[k], tokens[k + 1]
            full_stop = token.text == "." and token.whitespace_ and following.is_title and len(tokens[k - 1].text) > 1
            if full_stop or token.lower_ in self.lex.number_connectors and following.like_num:
                return tokens[:k]
        return tokens

    def _closes_the_name_before(self, tokens: list[Token]) -> bool:
        """A type word that may close a name, right after a name's word and before ``et`` (``CDC Group et X``): it ends
        that name, opens no other (``Group et X``); ``BMCE Bank of Africa`` is read whole."""
        first = tokens[0]
        previous = first.nbor(-1) if first.i > 0 else None
        return first.is_title and first.lower_ in self.lex.suffix_types and len(tokens) > 1 and tokens[1].lower_ == "et" \
            and previous is not None and bool(previous.whitespace_) and previous._.name_part and previous.text[:1].isupper()

    def _article_of_the_name(self, first: Token, tokens: list[Token]) -> bool:
        """A capitalised article inside a sentence, after a connector, before a capitalised word (``de La Marocaine
        Vie``): the name's own, as a title's (``La Poste``); at a sentence's start it is any sentence's."""
        previous = first.nbor(-1) if first.i > 0 else None
        return (
            first.text[:1].isupper()
            and len(tokens) > 2
            and tokens[1].is_title
            and previous is not None
            and previous.lower_ in self.lex.of_words
        )

    def _legal_form_after_name(self, tokens: list[Token]) -> bool:
        """A legal form closing a name in running text (``Hyper SA``, ``Land'Or SA``), not a word of a line in capitals."""
        return len(tokens) > 1 and self.lex.canonical.get(tokens[-1].lower_) == "-" and not tokens[-2].is_upper and tokens[-2]._.name_part

    def _without_described_type(self, tokens: list[Token]) -> list[Token]:
        """The name after a type word and the lower-case words that describe it, a demonym among them (``Groupe
        marocain CIM Santé``, ``l'agence solaire marocaine Masen``, ``Groupe émirati des télécommunications X`` →
        the name): the type word is a description, no part of the name. A name right after a connector keeps
        its type word (``Fédération marocaine de Football``)."""
        if len(tokens) < 3 or tokens[0].lower_ not in self.lex.prefix_types or not tokens[1].is_lower:
            return tokens
        k, demonym = 1, False
        while k < len(tokens) and tokens[k].is_lower and (self.lex.describes(tokens[k].text) or tokens[k].lower_ in self.lex.demonyms
                                                                  or tokens[k - 1].lower_ in self.lex.skippable):
            demonym = demonym or tokens[k].lower_ in self.lex.demonyms
            k += 1
        if demonym and k < len(tokens) and tokens[k]._.name_part and tokens[k - 1].lower_ not in self.lex.skippable:
            return tokens[k:]
        return tokens

    def _royal_title(self, tokens: list) -> int:
        """How many tokens a royal or princely title opening ``tokens`` takes when a name of two capitalised words
        follows it (``Sa Majesté le Roi`` before ``Mohammed VI``), else 0: a one-word regnal name keeps its title
        (``Roi Salmane``), as no person is named by one word alone."""
        words = [t.lower_ for t in tokens]
        for title in self.lex.royal_titles:
            n = len(title)
            if words[:n] == title and sum(t.text[:1].isupper() and t.lower_ not in LEADING_ARTICLES for t in tokens[n:]) > 1:
                return n
        return 0

    def _from_tokens(self, text: str, span: SpacySpan, label: str, source: str) -> Candidate | None:
        """Trim articles, honorifics and trailing non-name words of ``span`` (in a doc whose text is ``text``);
        read the title."""
        honorifics = self.lex.honorifics
        tokens = self._before_sentence_end(list(span))
        title = None
        while tokens:
            # a cue such as "rapporté par" before an outlet's name, articles, honorifics, and the lower-case words after
            # an article (Le nombre des bénéficiaires de l'X)
            first = tokens[0]
            if first.text in honorifics:
                title = honorifics[first.text]
                label = "PER"
            elif (royal := self._royal_title(tokens)):
                del tokens[: royal - 1]  # Sa Majesté le Roi Mohammed VI: the regnal name after the title
                label = "PER"
            elif not (first.is_lower and first.lower_ not in self.lex.openers or first.lower_ in LEADING_ARTICLES) \
                    or self._article_of_the_name(first, tokens):
                break
            tokens.pop(0)
        while tokens:
            last = tokens[-1]
            trailing = (last.is_punct and last.text not in {".", ")"} or last.lower_ in self.lex.stopwords
                        or last.text in self.lex.not_orgs and ACRONYM.match(last.text) or _participle_before_object(last))
            if not trailing or self._legal_form_after_name(tokens):
                break
            tokens.pop()
        tokens = self._without_internal_body(tokens)
        if len(tokens) > 2 and tokens[-2].lower_ in ("en", "au", "aux") and ACRONYM.match(tokens[-3].text) and self._is_country(tokens[-1].text):
            tokens = tokens[:-2]  # le groupe BPCE en Afrique: where the body is, no part of its name
        if len(tokens) > 3 and tokens[0].is_lower and tokens[0].lower_ in self.lex.generic_types and tokens[-2].lower_ in self.lex.of_words \
                and self._country_goes_on(text, tokens[-1]):
            tokens = tokens[:-2]  # la société X des Émirats | arabes unis: where the company is from, cut inside the country
        if not tokens:
            return None
        for k, token in enumerate(tokens[1:], 1):
            word = token.lower_
            if word == "pour" and k + 2 < len(tokens) and tokens[k + 2].is_lower and self._purpose_end(span.doc, tokens[k - 1].i).i < tokens[-1].i:
                tokens = tokens[:k]  # Conseil X pour l'acquisition de … à Y: the purpose of a deal, not of the body
                break
            if word != "et":
                continue
            following = [t for t in tokens[k + 1 : k + 4] if t.lower_ not in self.lex.connectors]
            if following and (following[0].is_title and following[0].lower_ in self.lex.prefix_types
                              or following[0] is tokens[-1] and ACRONYM.match(following[0].text)):
                tokens = tokens[:k]  # two names joined: Clinique X et de la Polyclinique Y, Fonds X et la CDG
                break
        if len(tokens) > 1 and tokens[0].is_lower and tokens[0].lower_ in self.lex.generic_types:
            # "la clinique X", "le fonds X Capital": the common noun describes, X names (see OrgMerger.described)
            rest = tokens[1:]
            while rest and self.lex.describes(rest[0].text):
                rest = rest[1:]
            if not rest or not rest[0]._.name_part:
                return None
            between = tokens[1 : len(tokens) - len(rest)]
            person = len(rest) > 1 and rest[0].lower_ in self.lex.first_names and rest[1]._.name_part and not _ROMAN.match(rest[-1].text)
            if person and (between and tokens[0].lower_ in self.lex.company_heads or any(t.lower_ in self.lex.connectors for t in between)):
                # en compagnie de Karim X, la société minière marocaine Karim X: a person after a common noun and a
                # connector, or a company's noun and its adjectives (not l'hôpital Mokhtar X, nor l'hôpital régional X)
                return None
            linked = any(t.lower_ in self.lex.connectors for t in between)
            if linked and self.is_city(text[rest[0].idx : rest[-1].idx + len(rest[-1].text)]):
                return None  # le centre de Tanger, l'hôpital de Martil: a facility described by its place
        tokens = self._without_described_type(tokens)
        if not tokens or self._closes_the_name_before(tokens):
            return None
        first, first_lower = tokens[0], tokens[0].lower_
        if title is None and first.i > 0:
            title = honorifics.get(span.doc[first.i - 1].text)
        last = _hyphenated_end(span.doc, tokens[-1], text)
        if first_lower == "ministère":
            last = self._portfolio_end(span.doc, last.i)
        if label == "ORG" and first.is_title and first_lower in self.lex.prefix_types:
            # the purpose after the name, or one the model cut short (Agence pour la promotion … des préfectures | et …)
            purpose = next((t.i - 1 for t in tokens[1:] if t.lower_ == "pour"), last.i)
            last = max(self._purpose_end(span.doc, last.i), self._purpose_end(span.doc, purpose), key=lambda t: t.i)
        former = 3 if first_lower.startswith("ex-") and first.text[3:4].isupper() else 0  # GMF (ex-Fadesa Maroc)
        end = last.idx + len(last.text.rstrip("-–—"))  # X-, a dash glued to the name's end (X-, a souligné): no part of it
        return Candidate(first.idx + former, end, label, source, title) if end > first.idx + former else None
