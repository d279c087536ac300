"""Evidence that a name the model calls a person (or leaves unsure) is a company's, a place's or a title.

A company name with no type word (``Maphar``, ``Stellantis``) is read as a person by the model. It
is an organisation when no first name opens it and its context says so: a role noun before it
(``le constructeur automobile X``, ``des fournisseurs comme X``), a company's apposition or verb after
it (``X, filiale de…``, ``X a levé…``), or a list it shares with a known organisation
(``Cooper Pharma, X et Y``). A name after a place noun (``la région de X``, ``le parc éolien X``)
names a place or a site; a span of title words only (``SM le Roi``) names no one.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from extract.acronyms import ACRONYM
from extract.name_candidates import Candidate, Mention
from extract.name_lexicon import NameLexicon
from extract.textnorm import normalize_name

_WORDS = re.compile(r"[\w’'-]+|[^\w\s]")
_ELIDED = re.compile(r"^(?:[ldj]|qu)['’]", re.IGNORECASE)
_QUOTES = frozenset("«»“”\"")
_CITING = re.compile(r"\b(?:[Ss]elon|[Dd]['’]après)\s+$")
_ARTICLE_WORDS = frozenset({"Al", "El"})  # the Arabic article, capitalised, opening a name
_SERIES = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X)$")
_ACTS = re.compile(r"\s+(?:a|avait|aura)\s+(?:[a-zà-ÿ]+ment\s+)?(?!été\b)[a-zà-ÿ]{3,}(?:é|i|is|it|u)\b")
_PERSON_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]*(?:['’-][A-ZÀ-Ýa-zà-ÿ]+)*[a-zà-ÿ]$")


class NameEvidence:
    """Revises person and weak mentions from their context; the word sets come from the lexicon."""

    def __init__(self, lex: NameLexicon, is_city: Callable[[str], bool]) -> None:
        self.lex = lex
        self.is_city = is_city
        self.place_links = lex.of_words | {"d", "l"}  # elided: d', l'
        self.complement_of = frozenset(w.rstrip("'’") for w in lex.of_words)  # de, du, des, d (d' without its apostrophe)
        # asked of one candidate by several tests (a unit, a place, the side it stands on): its words are read once
        self.before = lru_cache(maxsize=1024)(self.before)

    def person_in_apposition(self, text: str, cand: Candidate, surface: str) -> bool:
        """A name shaped as a person's (two to four capitalised words, no type word) set off by commas next to a
        function: ``le président de X, Name, …``, ``Name, directeur du CHU, …``."""
        words = surface.replace("’", "'").split()
        if not 2 <= len(words) <= 4 or not all(_PERSON_WORD.match(w) for w in words):
            return False
        if self.lex.type_words & {w.lower() for w in words} or self.is_city(surface):
            return False
        right = re.match(r"\s*,\s*(?:(?:l['’]|le|la|son|sa)\s*)?(?:(?:nouveau|nouvelle|ancien|ancienne)\s+)?([\w-]+)", text[cand.end : cand.end + 40])
        if right and right.group(1).lower() in self.lex.title_heads:
            return True
        left = text[max(0, cand.start - 100) : cand.start]
        if not re.search(r",\s*$", left):
            return False
        heads = [m for m in re.finditer(r"[\w-]+", left) if m.group().lower() in self.lex.title_heads]
        if not heads:
            return False
        rest = left[heads[-1].end() :].rstrip()[:-1]  # from the title to the comma before the name
        return bool(re.match(r"\s*(?:[\w-]+\s+){0,2}?(?:de|du|des|d['’])\s*", rest)) and "," not in rest and len(rest.split()) <= 8

    def named_thing(self, text: str, start: int, surface: str) -> bool:
        """A name right after what gives a thing its name (baptisé X, qui porte le nom de X); one opened by a first
        name only when a commercial thing comes earlier in the clause (une chaîne … qui porte le nom de Ryad X)."""
        if not self.lex.naming_before.search(text, max(0, start - 40), start):
            return False
        return not self.opens_with_first_name(surface) or bool(self.lex.naming_subject.search(text, max(0, start - 160), start))

    def opens_with_first_name(self, surface: str) -> bool:
        """Whether the name's first word is a first name (``Jawad Ziyat``) or an initial (``K. Ouazzani``)."""
        first = surface.split()[0].rstrip(".").split("-")[0].lower()
        return first in self.lex.first_names or len(first) == 1

    def is_title(self, surface: str) -> bool:
        """A span of title words only (``SM le Roi``, ``Président Directeur Général``)."""
        return all(w.lower() in self.lex.title_words for w in surface.replace("’", "'").split())

    def _modifier(self, word: str) -> bool:
        """A word between a role noun and the name it introduces: an adjective (``pharmaceutique``,
        ``Franco-italo-américain``, ``sud-africain``) or a noun used as one (``automobile``)."""
        last = word.split("-")[-1].lower()
        if word.lower() in self.lex.context_nouns:
            return False
        return bool(self.lex.adjective.match(last)) or last in self.lex.modifiers

    def before(self, text: str, start: int) -> str | None:
        """``ORG`` after a role noun, ``PLACE`` after a place noun, ``UNIT`` after a unit of a company, ``THING`` right
        after a plan's or a product's noun, or its demonym (``la marque X``, ``le vaccin chinois X``), else None."""
        words = _WORDS.findall(text[max(0, start - 100) : start])
        words = [(_ELIDED.sub("", w) or w) if "'" in w or "’" in w else w for w in words if w not in _QUOTES]
        i = len(words) - 1
        place_link = i >= 0 and words[i].lower() in self.place_links
        if place_link:
            i -= 1
        last, skipped = i, 0
        while i >= 0 and skipped < 3 and self._modifier(words[i]):
            i, skipped = i - 1, skipped + 1
        if i < 0:
            return None
        noun = words[i].lower()
        if noun in self.lex.place_nouns:
            return "PLACE"
        if noun in self.lex.unit_nouns:
            return "UNIT"
        thing = noun in self.lex.thing_nouns or noun in self.lex.demonyms and i > 0 and words[i - 1].lower() in self.lex.thing_nouns
        if thing and not place_link:
            return "THING"  # la marque X, le vaccin britannique X
        if place_link:
            # le DG de X, une filiale de X, à la tête de X
            headed = noun in self.lex.la_head_of_nouns and i > 0 and words[i - 1].lower() == "la"
            return "ORG" if noun in self.lex.head_of_nouns or headed else None
        while i > 0 and noun in self.lex.list_cues:
            i -= 1
            noun = words[i].lower()
        # l'exportateur de tomates X: a complement the skip took for an adjective (tomates) is read from its last word too
        return "ORG" if noun in self.lex.role_nouns or self._complemented_role(words, i) or self._complemented_role(words, last) else None

    def _complemented_role(self, words: list[str], i: int) -> bool:
        """A role noun, or a trade noun, with a complement of a few lower-case words before the name: ``le groupe de BTP
        espagnol X``, ``l'opérateur de télécoms X``, ``le leader de la grande distribution X``, ``l'exportateur de tomates
        X`` (``words[i]`` is the complement's last word)."""
        complement = words[i]
        if not (complement.islower() or ACRONYM.match(complement)) or complement.lower() in self.lex.stopwords:
            return False
        if i >= 1 and words[i - 1].lower() in self.lex.role_nouns:
            return True  # la banque d'affaires X (d' is dropped with its elision)
        for j in range(i - 1, max(0, i - 5), -1):
            if words[j].lower() in self.complement_of:
                noun = words[j - 1].lower() if j >= 1 else ""
                if noun in self.lex.role_nouns or noun in self.lex.trade_nouns:
                    return True
            elif not words[j].islower() or words[j] in self.lex.stopwords and words[j] not in self.lex.complement_words:
                return False  # a comma, a capital or another function word (dans, pour) ends the complement
        return False

    def is_unit(self, text: str, cand: Candidate, surface: str) -> bool:
        """A model's organisation that is a unit inside a company (``les comités de Gouvernance Corporate``), a lone
        capitalised adjective (``… et Opérationnelle``) or, without a type word, a plan or a product (``la stratégie X``)
        or a site (``la zone X``, spelled out before its acronym too)."""
        if cand.source not in ("ner", "expansion", "known") or ACRONYM.match(surface):
            return False
        side = self.before(text, cand.start)
        untyped = not self.lex.type_words & set(surface.lower().split())
        if cand.source == "expansion":
            return side == "PLACE" and untyped
        lone = len(surface.split()) == 1 and bool(self.lex.lone_adjective.match(surface.lower()))
        return lone or side == "UNIT" or side in ("THING", "PLACE") and untyped

    def names_place(self, text: str, start: int, end: int) -> bool:
        """A person-like span that names a place: after a place noun (``le séisme d'Al Haouz``, ``le parc éolien X``),
        ending in ``de`` and a city (``la Dame de Rabat``), or listed among cities (``Ouarzazate, X et Boujdour``, ``Safi et X``)."""
        surface = text[start:end]
        if self.before(text, start) == "PLACE":
            return True
        words = surface.split()
        if len(words) > 2 and words[-2] in self.lex.of_words and self.is_city(words[-1]) and not self.opens_with_first_name(surface):
            return True
        if self.opens_with_first_name(surface):
            return False
        left = re.search(r"([A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)*)\s*(?:,|\bet|\bou)\s*$", text[max(0, start - 40) : start])
        right = re.match(r"\s*(?:,|\bet\b|\bou\b)\s*([A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)*)", text[end : end + 40])
        return any(m and self.is_city(m.group(1)) for m in (left, right))

    def numbered(self, surface: str) -> bool:
        """A name without a first name ending in a series number (``Capmezzanine II``); ``Hassan II`` opens with one."""
        words = surface.split()
        return len(words) > 1 and bool(_SERIES.match(words[-1])) and not self.opens_with_first_name(surface)

    def article_opened(self, surface: str, people: list[Mention]) -> bool:
        """A name opening with the Arabic article (``Al X``, ``El X Y``) that ends no other person's name in the
        article: a company's or a body's name (``Al Omrane``), not a compound surname used alone (``El Fassi``)."""
        words = surface.split()
        if len(words) < 2 or words[0] not in _ARTICLE_WORDS:
            return False
        return not any(other != surface and other.endswith(" " + surface) for _, other in people)

    def numbered_site(self, surface: str) -> bool:
        """A first name and a series number, no monarch's or pope's (``Noor II``, ``Noor III``): a site or a phase
        named after the first one, no person (``Hassan II``, ``Jean-Paul II`` are)."""
        words = surface.split()
        return len(words) == 2 and bool(_SERIES.match(words[-1])) and bool(_PERSON_WORD.match(words[0])) \
            and self.opens_with_first_name(surface) and words[0].lower() not in self.lex.regnal_names

    def town_named(self, text: str, word: str) -> bool:
        """A city the article names as a place elsewhere (``à X``, ``de X``): a name ending in it is a site's."""
        return self.is_city(word) and bool(re.search(rf"(?:\b[àÀ]|\b[dD]e|\b[dD]['’])\s*{re.escape(word)}\b", text))

    def after(self, text: str, end: int) -> bool:
        """A company's apposition or verb right after the name."""
        return bool(self.lex.company_after.match(text[end : end + 80]))

    def cited(self, text: str, start: int, surface: str, surnames: set[str]) -> bool:
        """A source cited right after ``selon`` or ``d'après`` (``selon Maghreb Hebdo``) that is no person's surname
        in the article (``selon Terrab`` after ``Mostafa Terrab``): an outlet or a body."""
        return bool(_CITING.search(text, max(0, start - 12), start)) and surface.split()[-1] not in surnames

    def doubtful(self, surface: str, kind: str, town_too: bool = False) -> bool:
        """A mention that context may turn into an organisation: no first name or period code (``T1-2025``), not a
        country or an acronym, no city unless ``town_too`` (a role noun right before it: ``l'opérateur Orange``)."""
        return (
            not self.opens_with_first_name(surface)
            and not self.lex.period_code.match(surface)
            and normalize_name(surface) not in self.lex.countries
            and (town_too or not self.is_city(surface))
            and not ACRONYM.match(surface)
            and (kind == "PER" or surface[:1].isupper())
        )

    def revise(self, text: str, kinds: dict[str, list[Mention]]) -> None:
        """Move doubtful person and weak mentions to ``ORG`` or drop them, in place, from their context."""
        places: set[str] = set()  # a name shown once to be a place's is one at every mention
        surnames = {surface.split()[-1] for _, surface in kinds["PER"] if len(surface.split()) > 1}
        kinds["ORG"] = [m for m in kinds["ORG"] if not self.is_unit(text, *m)]
        # Eddeqaqi précise, after Mohammed Cherkaoui Eddeqaqi: a person's surname the model reads as a body
        surname_only = [m for m in kinds["ORG"] if m[0].source == "ner" and m[1] in surnames and not self.lex.type_words & {m[1].lower()}]
        kinds["ORG"] = [m for m in kinds["ORG"] if m not in surname_only]
        kinds["MISC"] += surname_only
        kept_weak: list[Mention] = []
        for kind in ("PER", "MISC"):
            kept = []
            for cand, surface in kinds[kind]:
                untitled = cand.title is None and cand.source in ("ner", "role", "shape")
                if kind == "PER" and untitled and self.is_title(surface):
                    continue
                if kind == "PER" and untitled and self.names_place(text, cand.start, cand.end):
                    places.add(surface)
                    continue
                if kind == "PER" and untitled and self.numbered_site(surface):
                    continue
                if kind == "PER" and untitled and (ACRONYM.match(surface.split()[0]) or self.numbered(surface)):
                    kinds["ORG"].append((cand, surface))  # X III, a fund's series: no person opens with an acronym
                    continue
                if untitled and (self.lex.facility_after.match(text[cand.end : cand.end + 60]) or self.named_thing(text, cand.start, surface)):
                    kinds["ORG"].append((cand, surface))  # X, qui a ouvert ses portes; une chaîne qui porte le nom de X
                    continue
                side = self.before(text, cand.start) if untitled else None
                if untitled and self.doubtful(surface, kind, town_too=cand.source == "role" and side == "ORG"):
                    if side in ("PLACE", "THING"):
                        continue
                    acts = kind == "MISC" and cand.label == "LOC" and _ACTS.match(text, cand.end) and not self.is_title(surface) \
                        and surface not in surnames
                    # X a amélioré…: a name the model reads as a place, no known place, that acts
                    if side == "ORG" or acts or self.after(text, cand.end) or self.cited(text, cand.start, surface, surnames):
                        kinds["ORG"].append((cand, surface))
                        continue
                if cand.source == "role" and len(surface.split()) > 1 and self.opens_with_first_name(surface) \
                        and not self.town_named(text, surface.split()[-1]):  # le complexe Noor Ouarzazate: a site
                    kinds["PER"].append((cand, surface))  # l'actionnaire Othman X: a person after all
                    continue
                if kind == "PER" and untitled and self.article_opened(surface, kinds["PER"]):
                    kept_weak.append((cand, surface))  # Al X, no one's surname here: a body's name, as weak as a guess
                    continue
                kept.append((cand, surface))
            kinds[kind] = kept
        kinds["MISC"] += kept_weak
        kinds["PER"] = [(c, surface) for c, surface in kinds["PER"] if c.title is not None or surface not in places]
        self._coordinated(text, kinds)

    def _coordinated(self, text: str, kinds: dict[str, list[Mention]]) -> None:
        """A doubtful mention listed next to an organisation (``X, Y et Z``) is one too, in a chain."""
        changed = True
        while changed:
            changed = False
            orgs = sorted((c.start, c.end) for c, _ in kinds["ORG"])
            for kind in ("PER", "MISC"):
                for mention in list(kinds[kind]):
                    cand, surface = mention
                    if cand.title is not None or cand.source not in ("ner", "role", "shape") or not self.doubtful(surface, kind):
                        continue
                    if kind == "PER" and self.person_in_apposition(text, cand, surface):
                        continue  # le président de X, Name, …: the comma sets off a person, no list
                    if any(
                        self.lex.coordination.match(text[e:cand.start]) if e <= cand.start else self.lex.coordination.match(text[cand.end:s])
                        for s, e in orgs
                        if 0 <= cand.start - e <= 50 or 0 <= s - cand.end <= 50
                    ):
                        kinds[kind].remove(mention)
                        kinds["ORG"].append(mention)
                        changed = True
        kinds["ORG"].sort(key=lambda m: m[0].start)
