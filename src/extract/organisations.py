"""Organisation mentions merged into facts: short forms, acronyms, ``X (ACRONYM)`` and type words.

Two forms name one organisation when they are equal, one is the acronym of the other, or they
share a core (the name without type words, legal forms and city) and compatible type words.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from typing import NamedTuple

from extract.acronyms import ACRONYM, initials
from extract.facts import DisjointSpans, NamedFact, Span, SpanIndex
from extract.name_candidates import Mention
from extract.name_lexicon import NameLexicon
from extract.textnorm import normalize_name, strip_accents

_SERIES = re.compile(r"\s+(?:[IVX]+|\d{1,2})$")
_PARENTHESES = re.compile(r"[»”\"]?,?\s*\((ex-)?([^()\n]{2,80})\)")  # «Name» (ACRONYM), X (ex-Y) too


def _lower_words(text: str) -> list[str]:
    """Lower-case words with one apostrophe, accents kept (type words are listed with theirs)."""
    return text.replace("’", "'").lower().split()


def contracted(short: str, full: str, stopwords: Collection[str]) -> bool:
    """Whether one word is a contraction of a longer name, holding the initials of its content words in order
    and opening with the first (``Dawec`` of ``Dakhla Water & Energy Company``, ``UpM`` of ``Union pour la
    Méditerranée``, ``Spimaco`` of ``Saudi Pharmaceutical Industries & Medical Appliances Corporation``)."""
    if " " in short or len(short) < 3 or not short[0].isupper() or len(full.split()) < 2:
        return False
    letters, spelled = strip_accents(short).upper(), initials(full, stopwords)
    if len(spelled) < 2 or letters[0] != spelled[0]:
        return False
    rest = iter(letters[1:])
    return all(letter in rest for letter in spelled[1:])  # a subsequence: each initial found after the previous one


def parenthesised(text: str, start: int, end: int, stopwords: Collection[str] = ()) -> tuple[str, Span] | None:
    """The name or acronym in parentheses right after the name at ``text[start:end]``, with its span, if any;
    an acronym written as a word (``Banque européenne pour la reconstruction et le développement (Berd)``) and a
    former name (``GMF (ex-Fadesa Maroc)``) too."""
    match = _PARENTHESES.match(text[end:])
    if not match:
        return None
    inner = match.group(2).strip()
    surface = text[start:end]
    spelled = len(surface.split()) > 2 and initials(surface, stopwords) == inner.upper()
    spelled = spelled or contracted(inner, surface, stopwords) or contracted(surface, inner, stopwords)
    if inner and (ACRONYM.match(inner) != ACRONYM.match(surface) or spelled or match.group(1)) and inner[0].isupper():
        begin = end + match.start(2) + (len(match.group(2)) - len(match.group(2).lstrip()))
        return inner, (begin, begin + len(inner))
    return None


_ARTICLES_AND_OF = frozenset({"de", "d'", "du", "des", "la", "le", "les", "l'"})
_NEXT_NAME = re.compile(r"[ \t]*(?:-[ \t]*)?[A-ZÀ-Ý]")
_WORD_BEFORE = re.compile(r"[\w'’-]")
_WORD_AFTER = re.compile(r"[\w-]")
_ELISION = re.compile(r"(?:^|.*[^\w'’-])(?:[ldjmnstc]|qu)['’]", re.IGNORECASE | re.DOTALL)
"""An elided article or pronoun before a name (`l’ONDA`, `d’Oliva`): the name starts after the apostrophe."""
_PREVIOUS_NAME = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w.-]*)[ \t]*(?:-[ \t]*)?$")


def _whole_word_occurrences(text: str, form: str) -> Iterator[Span]:
    """The spans of ``form`` in ``text`` that no word or hyphen continues (nor an apostrophe before it, but that of an
    elided article or pronoun: `l’ONDA`), left to right without overlaps: found by ``str.find``, which outruns a regex
    opening with a look-behind."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not _WORD_BEFORE.match(text, start - 1) or _ELISION.fullmatch(text, max(0, start - 4), start)) \
                and not _WORD_AFTER.match(text, end):
            yield start, end
            start = text.find(form, end)
        else:
            start = text.find(form, start + 1)


def repeat_mentions(text: str, facts: list[NamedFact], taken: list[Span], in_chrome: Callable[[int, int], bool],
                    stopwords: Collection[str]) -> None:
    """Add to each organisation every other place its capitalised forms are written (`produits Roche`, `l'orientation
    de Roche`) where no name was read, outside chrome, and not inside a longer capitalised name (`Roche Bobois`)."""
    read = SpanIndex(taken + [s for f in facts for s in f.mentions])
    added = DisjointSpans()
    for fact in facts:
        for form in sorted({f for f in fact.forms if len(f) > 2 and f[0].isupper()}, key=len, reverse=True):
            for span in _whole_word_occurrences(text, form):
                before = _PREVIOUS_NAME.search(text, max(0, span[0] - 40), span[0])
                if read.overlaps(span) or added.overlaps(span) or in_chrome(*span) or _NEXT_NAME.match(text, span[1]) \
                        or before is not None and before.group(1).lower() not in stopwords:
                    continue
                fact.mentions.append(span)
                added.add(span)


def org_record(fact: NamedFact) -> dict:
    """The output record of an organisation."""
    return {"name": fact.name, "aliases": fact.aliases, "mentions": sorted(map(list, fact.mentions))}


class _Form(NamedTuple):
    """A form of an organisation as :meth:`OrgMerger.same_org` compares it."""

    key: str  # normalised, without spaces
    acronym: bool
    words: int
    ends_with_acronym: bool  # two words or more, the last an acronym (Groupe BCP, Orange MEA)
    series: tuple[str, int] | None  # an acronym's series number (MC III): its text and where it starts
    core: str
    city: str


class OrgMerger:
    """Groups organisation mentions into facts; compares forms by core, type words and initials."""

    def __init__(self, lex: NameLexicon, is_city: Callable[[str], bool]) -> None:
        self.lex = lex
        self.is_city = is_city
        # forms are compared pairwise, each many times: what a comparison reads of a form is read once per form
        self._core_and_city = lru_cache(maxsize=16384)(self._core_and_city)
        self._form = lru_cache(maxsize=16384)(self._form)
        self.types = lru_cache(maxsize=16384)(self.types)
        self.initials = lru_cache(maxsize=16384)(lambda surface: initials(surface, lex.stopwords))

    def merge(self, text: str, orgs: list[Mention]) -> list[NamedFact]:
        """One fact per organisation, in order of first mention; a parenthesised alias joins its name."""
        facts: list[NamedFact] = []
        for cand, surface in orgs:
            partner = parenthesised(text, cand.start, cand.end, self.lex.stopwords)
            fact = self.find(facts, surface) or (self.find(facts, partner[0]) if partner else None)
            if fact is None:
                fact = NamedFact()
                facts.append(fact)
            fact.add(surface, (cand.start, cand.end))
            inner = self.described(surface)
            if inner and inner not in fact.forms:
                fact.forms.append(inner)  # an accepted form without a mention of its own
            if partner:
                fact.add(*partner)
        return self._fold(facts)

    def absorb(self, facts: list[NamedFact], mentions: list[Mention]) -> list[Mention]:
        """Add each mention that is a form of an organisation to its fact, in order; return the others."""
        rest = []
        for cand, surface in mentions:
            fact = self.find(facts, surface)
            if fact is None:
                rest.append((cand, surface))
            else:
                fact.add(surface, (cand.start, cand.end))
        return rest

    def find(self, facts: list[NamedFact], surface: str) -> NamedFact | None:
        """The fact a form belongs to; a typed form is compared with typed forms only, so that a bare
        short form shared by two subsidiaries (``X`` of ``X Holding`` and ``X Santé``) does not join them."""
        typed = bool(self.types(surface))
        for fact in facts:
            forms = [f for f in fact.forms if self.types(f)] if typed else fact.forms
            if any(self.same_org(surface, form) for form in forms or fact.forms):
                return fact
        return None

    def _fold(self, facts: list[NamedFact]) -> list[NamedFact]:
        """Merge facts that a later alias showed to be the same organisation."""
        merged: list[NamedFact] = []
        for fact in facts:
            target = next(
                (m for m in merged if any(self.same_org(a, b, bare=False) for a in m.forms for b in fact.forms)), None
            )
            if target is None:
                merged.append(fact)
                continue
            target.forms.extend(f for f in fact.forms if f not in target.forms)
            target.mentions.extend(s for s in fact.mentions if s not in target.mentions)
        return merged

    def same_org(self, a: str, b: str, bare: bool = True) -> bool:
        """Whether two forms name one organisation: equal names, a short form, or an acronym of the other.

        With ``bare``, a form without type words (``Atlas``) joins a typed one (``Atlas Group``);
        two typed forms join only when one's type words include the other's (``X Holding`` is not ``X Santé``).
        """
        form_a, form_b = self._form(a), self._form(b)
        if form_a.key == form_b.key:
            return True  # Tanger MedII and Tanger Med II: a space lost in the text
        group = self.lex.alias_groups.get(form_a.key)
        if group is not None and group == self.lex.alias_groups.get(form_b.key):
            return True  # IFC and SFI: forms of one well-known organisation (rules/org_aliases.tsv)
        for short, full, of_short, of_full in ((a, b, form_a, form_b), (b, a, form_b, form_a)):
            if of_short.acronym and of_full.words > 1 and self.initials(full) == short:
                return True
            if of_short.ends_with_acronym and (self._typed_acronym(short, full) or self._acronym_of_the_rest(short, full)):
                return True
            # MC III and Mediterrania Capital III: an acronym with the series number
            if of_short.series and full.endswith(of_short.series[0]):
                if initials(full[: -len(of_short.series[0])], self.lex.stopwords) == short[: of_short.series[1]]:
                    return True
        if not form_a.core or form_a.core != form_b.core or form_a.core in self.lex.stopwords \
                or form_a.city and form_b.city and form_a.city != form_b.city:
            return False  # Clinique X Meknès and Polyclinique X Fès: two branches
        types_a, types_b = self.types(a), self.types(b)
        if types_a and types_b:
            return types_a <= types_b or types_b <= types_a  # X Medical / X Medical Group, not X Holding / X Santé
        return bare

    def _form(self, surface: str) -> _Form:
        """What :meth:`same_org` reads of a form."""
        words = surface.split()
        series = _SERIES.search(surface)
        core, city = self._core_and_city(surface)
        return _Form(
            key=normalize_name(surface).replace(" ", ""),
            acronym=bool(ACRONYM.match(surface)),
            words=len(words),
            ends_with_acronym=len(words) > 1 and bool(ACRONYM.match(words[-1])),
            series=(series.group(), series.start()) if series and ACRONYM.match(surface[: series.start()]) else None,
            core=core,
            city=city,
        )

    def _typed_acronym(self, short: str, full: str) -> bool:
        """``Groupe BCP`` and ``(Groupe) Banque Centrale Populaire``: a type word and the acronym of the other's name,
        its own type word left out."""
        words, other = short.split(), full.split()
        if len(words) != 2 or words[0].lower() not in self.lex.prefix_types or not ACRONYM.match(words[1]) or len(other) < 3:
            return False
        rest = other[1:] if other[0].lower() == words[0].lower() else other
        return self.initials(" ".join(rest)) == words[1]

    def _acronym_of_the_rest(self, short: str, full: str) -> bool:
        """``Orange MEA`` and ``Orange Middle-East and Africa``: the same first words, then an acronym of the rest (of
        its content words, or of its capitalised words)."""
        words, other = short.split(), full.split()
        head = len(words) - 1
        if head < 1 or not ACRONYM.match(words[-1]) or len(other) <= head + 1:
            return False
        if [normalize_name(w) for w in other[:head]] != [normalize_name(w) for w in words[:head]]:
            return False
        rest = " ".join(other[head:])
        capitals = "".join(w[0] for w in re.split(r"[\s'’-]+", rest) if w[:1].isupper())
        return words[-1] in (self.initials(rest), capitals)

    def core(self, surface: str) -> str:
        """A name without type words, legal forms and city suffix: what short forms share."""
        return self._core_and_city(surface)[0]

    def _core_and_city(self, surface: str) -> tuple[str, str]:
        """The core of a name and the city it ends with ('' if none)."""
        rest = surface.split()[len(self._type_phrase(surface)) :]
        words = [normalize_name(w) for w in _lower_words(" ".join(rest)) if w not in self.lex.type_words]
        city: list[str] = []
        for size in (3, 2, 1):
            if len(words) > size and self.is_city(" ".join(words[-size:])):
                words, city = words[:-size], words[-size:]
                break
        words = [w for w in words if w not in _ARTICLES_AND_OF]  # Clinique du Parc l'Hermitage, Clinique Le Parc Hermitage
        return " ".join(words), " ".join(city)

    def _type_phrase(self, surface: str) -> list[str]:
        """A leading type word and the lower-case words after it (``Centre hospitalier universitaire``)."""
        words = surface.replace("’", "'").split()
        if not words or words[0].lower() not in self.lex.prefix_types:
            return []
        end = 1
        while end < len(words) and words[end].islower() and words[end] not in self.lex.stopwords:
            end += 1
        return words[:end]

    def types(self, surface: str) -> frozenset[str]:
        """The canonical organisation-type words in a name (``Group`` and ``groupe`` are one;
        ``Centre hospitalier universitaire`` is ``chu``)."""
        inner = self.described(surface)
        if inner is not None:
            return self.types(inner)  # le groupe X, la banque X: the common noun describes, it is no type of the name
        phrase = self._type_phrase(surface)
        canonical = self.lex.canonical
        found = {canonical.get(w, w) for w in _lower_words(surface) if w in self.lex.type_words}
        if len(phrase) > 1:
            found = (found - {canonical.get(phrase[0].lower(), phrase[0].lower())}) | {"".join(w[0] for w in phrase).lower()}
        return frozenset(t for t in found if t != "-")

    def described(self, surface: str) -> str | None:
        """The proper name inside a described one: ``banque Emirates NBD`` → ``Emirates NBD``, else None."""
        words = surface.split()
        if len(words) < 2 or not words[0].islower() or words[0] not in self.lex.generic_types:
            return None
        rest = words[1:]
        while rest and self.lex.describes(rest[0]):
            rest = rest[1:]
        return " ".join(rest) if rest and rest[0][:1].isupper() else None
