"""What a candidate name is: an organisation (ORG), a person (PER), a weak form (MISC) or nothing.

Organisation-type words, honorifics, the byline and the not-an-organisation lists decide; a weak
form is kept only if it turns out to be a short form of an organisation or a surname.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from extract.acronyms import ACRONYM, initials, initials_start
from extract.facts import sentence_start
from extract.name_candidates import Candidate
from extract.name_lexicon import NameLexicon
from extract.textnorm import PLURAL_ENDINGS, normalize_name

_SENTENCE_START = sentence_start(blanks_at_start=False)
_AFTER_A = re.compile(r"(?:^|\s)à\s+$")
_AFTER_A_OR_BARE_A = re.compile(r"(?:^|\s)[àa]\s+$")  # à, or a without its accent (a Casablanca: press typing)
_LISTED_AFTER = re.compile(r"([A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)*)\s*(?:,|\bet|\bou)\s*(?:d['’]|de\s+)?$")
_LISTED_BEFORE = re.compile(r"\s*(?:,|et\b|ou\b)\s*(?:d['’]|de\s+)?([A-ZÀ-Ý][\w'’-]*(?:\s[A-ZÀ-Ý][\w'’-]*)*)")
_NAME = r"[A-ZÀ-Ý][\w'’&-]*(?:\s[A-ZÀ-Ý][\w'’&-]*)*"
_LISTED_AFTER_NOUN = re.compile(rf"([\w-]+)\s+{_NAME}(?:\s*,\s*{_NAME})*\s*(?:,|\bet|\bou)\s*$")
_LINE_OPENS = re.compile(r"(?:^|\n)[ \t]*$")
_INITIALS = re.compile(r"[A-Z]{2}|(?:[A-Z]\.){2,3}")
_VERB_BEFORE_QUE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+ons\s+qu(?:e\b|['’])")  # Rappelons que, Notons qu'
_WORDS = re.compile(r"(?<!\w)[dl]['’]|[\w-]+|[^\w\s]", re.IGNORECASE)  # elided articles apart: d', l'
_CODE = re.compile(r"^[A-Z]{1,4}\d{1,3}$")  # CET1, S21: letters and a number
_LAST_WORD = re.compile(r"(?<![\w'’])([a-zà-ÿ]+)[ \t]+$")
_PORTFOLIO_NOUN_BEFORE = frozenset({"de", "du", "des", "d'", "la", "l'"})  # what comes right before a portfolio's noun
_PERSON_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:['’-][A-ZÀ-Ýa-zà-ÿ]+)*")  # Mezzour, El-Alami; not II, not CDG
_PORTFOLIO_LINKS = _PORTFOLIO_NOUN_BEFORE | {"et", ",", "chargé", "chargée", "délégué", "déléguée", "auprès", "avec", "le"}

def is_kicker(text: str, start: int, end: int) -> bool:
    """A headline's kicker (``Dialyse : le fonds…``, ``Santé privée : …``): words at a line's start before a colon."""
    return text[end : end + 3].lstrip(" \u00a0").startswith(":") and bool(_LINE_OPENS.search(text[max(0, start - 80) : start]))


class NameClassifier:
    """Tells what each candidate names, from its words and context."""

    def __init__(self, lex: NameLexicon, is_city: Callable[[str], bool]) -> None:
        self.lex = lex
        self.is_city = is_city
        # a text names most of its organisations more than once: each name is spelled out once
        self.initials = lru_cache(maxsize=16384)(lambda surface: initials(surface, lex.stopwords))

    def kind(self, doc_text: str, cand: Candidate) -> str | None:
        """ORG, PER, MISC or None for a candidate."""
        lex = self.lex
        text = doc_text[cand.start : cand.end]
        words = text.replace("’", "'").split()
        lowered = [w.lower() for w in words]
        if (
            text.rstrip(".") in lex.not_orgs  # sur les EnR. at a sentence's end
            or words[0] in lex.not_orgs and words[0].isupper() and lowered[0] not in lex.type_words
            or lowered[0] in lex.never_heads
            or text.lower() in lex.calendar_words
        ):
            return None
        if cand.source == "ner" and is_kicker(doc_text, cand.start, cand.end) or _VERB_BEFORE_QUE.match(doc_text, cand.start):
            return None  # a headline's kicker; a verb opening a sentence (Rappelons que …)
        if _INITIALS.fullmatch(text) and not doc_text[cand.end :].strip() and _LINE_OPENS.search(doc_text, max(0, cand.start - 80), cand.start):
            return None  # KL, H.Z. alone on the last line: the author's initials signing the article (not MAP, AFP: outlets)
        if self._vehicle(doc_text, cand.start, words, lowered):
            return None  # la Dacia Logan, l'Airbus A350: a vehicle, its maker's name inside
        if cand.source == "ner" and len(words) == 1 and lex.demonstrative_before.search(doc_text, max(0, cand.start - 8), cand.start):
            return None  # Cet Ingénieur, ce Casablancais: a demonstrative opens a common noun, no name
        if ACRONYM.match(text) and (self._spells_a_non_org(doc_text, cand.start, text) or self._spells_a_concept(doc_text, cand.start, text)):
            return None  # Plan national de … (PNPCC), l'industrie agroalimentaire (IAA): a plan's or a concept's acronym
        if len(words) == 1 and (ACRONYM.match(text) or _CODE.match(text)) and self._after_thing_noun(doc_text, cand.start):
            return None  # le ratio CET1, le traitement UHT, le projet C&C: a thing's acronym or code
        if normalize_name(text) in lex.countries or lowered[-1] in lex.site_suffixes and len(words) > 1:
            return None  # MAROC in a dateline; Atlantic Free Zone, a site
        if len(words) > 2 and text[:1].isupper() and len(spelled := self.initials(text)) > 2 and spelled in lex.not_orgs:
            return None  # Assurance Maladie Obligatoire: a scheme spelled out (AMO)
        if len(words) == 1 and lowered[0] in lex.type_words or self._generic_plural(doc_text, cand, lowered[0]):
            return None
        if len(words) == 2 and lowered[0] in lex.type_words and words[1].islower() and (lowered[1] in lex.modifiers or lowered[1] in lex.demonyms):
            return None  # le Groupe bancaire, la Coopérative agricole, la Banque allemande: a kind and its trade or country, no name
        if len(words) > 1 and lowered[0] in lex.type_words and lowered[0][-1:] in PLURAL_ENDINGS \
                and all(w in lex.kind_adjectives and w[-1:] in PLURAL_ENDINGS for w in lowered[1:]):
            return None  # Assurances Marocaines, Cliniques privées: a kind in the plural with its adjectives
        if words[0].islower() and lowered[0] in lex.generic_types and (self._names_a_country(words[1:]) or lowered[1] in ("en", "au", "aux")):
            return None  # le marché de l'assurance en Afrique, une société en Hollande: a type word and a place, no body
        if len(words) > 2 and lowered[0] not in lex.type_words and lowered[1] in ("au", "aux", "en") and self._names_a_country(words[2:]):
            return None  # le Bureau au Maroc de l'AFD: an office somewhere, no name
        if cand.source == "ner" and len(words) > 2 and not lex.type_words & set(lowered) and all(w.islower() for w in words[1:]) \
                and _SENTENCE_START.search(doc_text, max(0, cand.start - 3), cand.start):
            return None  # Acteur majeur du marché local, l'assureur…: a phrase opening a sentence, one capital only
        if cand.source == "byline" or cand.title:
            return cand.label if cand.source == "byline" else "PER"
        typed = lowered[0] in lex.prefix_types or (lowered[-1] in lex.suffix_types and words[-1][0].isupper())
        if cand.label in ("MISC", "LOC", "PER") and cand.source == "ner" and self._plural_of_a_place(words):
            return "ORG"  # Ciments du Maroc, Brasseries de l'Atlas: a trade in the plural and its country or region
        if cand.label == "LOC":
            if typed or self._listed_after_role_noun(doc_text, cand):
                return "ORG"  # Clinique X, X Resort, les hôtels X et Y: no place
            if self._acronym_chain(text):
                return "ORG"  # la MAMDA-MCMA: acronyms joined by hyphens name a body, no place
            if self.is_city(text):
                return None
            # le ministre du Commerce, Ryad Mezzour, …: a first name and capitalised words, no known place
            after_a = _AFTER_A.search(doc_text, max(0, cand.start - 4), cand.start)
            return "PER" if self._person_shaped(words, lowered) and not after_a else "MISC"  # else a short form read as a place
        if cand.label == "ORG" and not typed and cand.source == "ner" and (
            self.is_city(text) and (_AFTER_A_OR_BARE_A.search(doc_text, max(0, cand.start - 4), cand.start) or self._listed_with_a_city(doc_text, cand))
            and not self._listed_after_role_noun(doc_text, cand)
            or normalize_name(text) in lex.countries_and_regions
        ):
            return None  # un centre à El Jadida, les villes de Safi et d'El Jadida, l'Atlas: a place the model reads as an organisation
        if cand.label == "ORG" and lowered[0] not in lex.prefix_types and cand.source in ("ner", "pattern") and self._portfolio(doc_text, cand.start):
            return None  # le ministre de l'Industrie: a minister's portfolio, no ministry
        if typed or cand.label == "ORG":
            return "ORG"
        if cand.label == "PER":
            if lowered[0] in lex.stopwords or lowered[0] in lex.prenominal_adjectives and not lex.first_names & set(lowered[1:2]):
                return None  # Hormis Benguerir, Haut Standing: a function word or an adjective opening a phrase, no first name
            if any(w in lex.type_words for w in lowered) or len(words) > 1 and normalize_name(words[-1]) in lex.countries:
                return "ORG"  # X Santé Afrique, X Terminals Maroc: not a person's name
            if self.is_city(text) and (self._listed_after_role_noun(doc_text, cand) or lex.company_after.match(doc_text[cand.end : cand.end + 80])):
                return "ORG"  # l'acquisition d'Oliva, une société …: a company that bears a town's name
            return None if self.is_city(text) or normalize_name(text) in lex.regions else "PER"  # Souss Massa: a region
        if cand.source == "acronym" or (cand.label == "MISC" and ACRONYM.match(text)):
            return "ORG"
        return "MISC"

    def _acronym_chain(self, text: str) -> bool:
        """Two acronyms or more joined by hyphens, none a known place (``MAMDA-MCMA``; not ``CASABLANCA-SETTAT``)."""
        parts = text.split("-")
        return len(parts) > 1 and all(
            ACRONYM.match(p) and not self.is_city(p) and normalize_name(p) not in self.lex.countries_and_regions for p in parts)

    def _vehicle(self, doc_text: str, start: int, words: list[str], lowered: list[str]) -> bool:
        """A maker's name and a model's after an article (``la Dacia Logan``, ``l'Airbus A350``): no type word, country
        or city after the maker (``Renault Maroc``, ``Renault Group``, ``la Volvo Buses`` are bodies)."""
        return (
            len(words) == 2
            and lowered[0] in self.lex.vehicle_makers
            and lowered[1] not in self.lex.type_words
            and normalize_name(words[1]) not in self.lex.countries_and_regions
            and not self.is_city(words[1])
            and bool(self.lex.article_before.search(doc_text, max(0, start - 5), start))
        )

    def _after_thing_noun(self, doc_text: str, start: int) -> bool:
        """Whether a lower-case noun of a thing (a plan, a product, a ratio, a process) comes right before ``start``."""
        before = _LAST_WORD.search(doc_text, max(0, start - 30), start)
        return bool(before) and before.group(1) in self.lex.acronym_thing_nouns

    def _person_shaped(self, words: list[str], lowered: list[str]) -> bool:
        """Two or three capitalised words opening with a first name, none a type, function or series word
        (``Ryad Mezzour``; not ``Hassan II``, ``Mohammed V Souissi``)."""
        return (
            2 <= len(words) <= 3
            and lowered[0] in self.lex.first_names
            and all(_PERSON_WORD.fullmatch(w) for w in words)
            and not any(w in self.lex.type_words or w in self.lex.stopwords for w in lowered)
            and not any(self.is_city(w) for w in words[1:])
        )

    def _plural_of_a_place(self, words: list[str]) -> bool:
        """A capitalised plural noun, ``de`` and a country, region or city (``Ciments du Maroc``): a company's
        name; not an event's (``Journées de …``, ``Assises du …``)."""
        if len(words) < 3 or not re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+[sx]", words[0]) or words[1].lower() not in {"du", "de", "des", "d'"}:
            return False
        head = words[0].lower()
        if head in self.lex.never_heads or head[:-1] in self.lex.never_heads or head in self.lex.first_names:
            return False
        place = re.sub(r"^(?:la|le|les|l')\s*", "", " ".join(words[2:]), flags=re.IGNORECASE)
        return normalize_name(place) in self.lex.countries_and_regions or self.is_city(place)

    def _names_a_country(self, words: list[str]) -> bool:
        """Connectors, then a country or a region and nothing else (``en Afrique``, ``du Maroc``)."""
        rest = [w for w in words if w.lower() not in self.lex.skippable]
        return bool(rest) and normalize_name(" ".join(rest)) in self.lex.countries_and_regions

    def _listed_after_role_noun(self, doc_text: str, cand: Candidate) -> bool:
        """Whether the name closes a list of names after a plural role noun (``les hôtels X et Hilton``): a body,
        though a town somewhere bears its name."""
        if not doc_text[max(0, cand.start - 80) : cand.start].rstrip().endswith((",", "et", "ou")):
            return False  # what the regex must end with: most names are not listed, and its search is slow
        left = _LISTED_AFTER_NOUN.search(doc_text, max(0, cand.start - 80), cand.start)
        noun = left.group(1).lower() if left else ""
        return noun[-1:] in ("s", "x") and noun in self.lex.role_nouns

    def _listed_with_a_city(self, doc_text: str, cand: Candidate) -> bool:
        """Whether the name is listed with a city before or after it (``les villes de Safi et d'El Jadida``,
        ``Fès, X``, ``X, Safi et Agadir``)."""
        left = _LISTED_AFTER.search(doc_text[max(0, cand.start - 40) : cand.start])
        right = _LISTED_BEFORE.match(doc_text, cand.end, cand.end + 40)
        return any(m is not None and self.is_city(m.group(1)) for m in (left, right))

    def _portfolio(self, doc_text: str, start: int) -> bool:
        """Whether the name closes a minister's title (``le ministre de l'Équipement et de l'Eau``, ``ministre de
        l'Industrie, du Commerce et des Nouvelles Technologies``): since ``ministre``, only capitalised words,
        connectors, commas and adjectives, the last a ``de`` (or ``avec le``: chargé des Relations avec le Parlement)."""
        before = doc_text[max(0, start - 120) : start]
        heads = [m.end() for m in re.finditer(r"\bministres?\b", before, re.IGNORECASE)]
        if not heads:
            return False
        words = [w.replace("’", "'") for w in _WORDS.findall(before[heads[-1] :])]
        return (
            bool(words)
            and (words[-1].lower() in _PORTFOLIO_NOUN_BEFORE or [w.lower() for w in words[-2:]] == ["avec", "le"])
            and all(w[:1].isupper() or w.lower() in _PORTFOLIO_LINKS or self.lex.adjective.match(w) for w in words)
        )

    def _spells_a_non_org(self, doc_text: str, start: int, acronym: str) -> bool:
        """Whether the acronym in parentheses spells the words since a plan-like head before it."""
        before = doc_text[max(0, start - 150) : start].rstrip()
        if not before.endswith("("):
            return False
        before = before[:-1]
        heads = [m.start() for m in re.finditer(r"\w+", before) if m.group().lower() in self.lex.non_org_acronym_heads]
        return bool(heads) and initials(before[heads[-1] :], self.lex.stopwords) == acronym

    def _spells_a_concept(self, doc_text: str, start: int, acronym: str) -> bool:
        """Whether the acronym in parentheses follows lower-case words without a type word that open with its first
        letter (``l'industrie agroalimentaire (IAA)``): a sector or a notion, no body."""
        before = doc_text[max(0, start - 150) : start].rstrip()
        if not before.endswith("("):
            return False
        phrase: list[str] = []
        for match in reversed(list(re.finditer(r"[\w-]+", before))):
            word = match.group()
            if word.lower() in {"et", "ou"} and phrase:
                continue  # maintenance et réparation (MRO)
            if word.lower() in self.lex.stopwords or len(word) == 1:
                break
            phrase.insert(0, word)
        spelled_name = any(initials_start(before[:-1], acronym, pattern, 0, self.lex.stopwords) is not None for pattern in (r"[\w-]+", r"\w+"))
        return (
            not spelled_name  # le Régime collectif d'allocation de retraite (RCAR): a name spelled out
            and 0 < len(phrase) <= len(acronym)
            and phrase[0][0].upper() == acronym[0]
            and all(w.islower() and w not in self.lex.type_words for w in phrase)
        )

    def _generic_plural(self, text: str, cand: Candidate, first: str) -> bool:
        """``les CHU``, ``aux cliniques de …``: a type word after a plural determiner names no one body; one right before
        a name names that body (``des laboratoires X``)."""
        if first not in self.lex.prefix_types or text[cand.start : cand.start + 1].isupper() and not text[cand.start : cand.start + 2].isupper():
            return False  # Les Laboratoires X is a name; les cliniques, aux CHU are not
        words = text[cand.start : cand.end].split()
        if len(words) > 1 and words[0].islower() and self.lex.name_word(words[1]):
            return False
        before = re.search(r"(\w+)\s+$", text[max(0, cand.start - 20) : cand.start])
        return bool(before) and before.group(1).lower() in self.lex.plural_determiners
