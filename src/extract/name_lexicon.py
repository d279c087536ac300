"""The words names are judged by: organisation types, honorifics, calendar words and the like.

Derived once from the rules and shared by the candidate finder, the classifier and the mergers.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extract.facts import forms_alternation
from extract.rules import Rules
from extract.textnorm import normalize_name

_NAME_PART = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.&-]*|[0-9]*[A-Z][A-Z0-9&-]*)$")
LEADING_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})


def _either_case(words: Iterable[str]) -> list[str]:
    """The words as written and with a capital (``le``, ``Le``)."""
    return [form for word in words for form in (word, word.capitalize())]


class NameLexicon:
    """Word sets built from the rules for the name finders; ``name_word`` is cached."""

    def __init__(self, rules: Rules) -> None:
        self.prefix_types = {w for w, where in rules.org_types.items() if where in ("prefix", "both")}
        self.suffix_types = {w for w, where in rules.org_types.items() if where in ("suffix", "both")}
        self.never_heads = {w for w, where in rules.org_types.items() if where == "not"}
        self.type_words = self.prefix_types | self.suffix_types
        self.canonical = rules.org_canonical
        self.honorifics = rules.honorifics
        self.stopwords = rules.stopwords
        self.not_orgs = rules.not_orgs
        self.connectors: list[str] = rules.names["connectors"]
        self.number_connectors = frozenset(rules.names["number_connectors"])  # `de` before an amount ends a name
        self.of_words = frozenset(rules.names["of_words"])  # de, du, des, d'
        self.complement_words = frozenset(rules.names["complement_words"])  # la, en: inside a role noun's complement
        letters, numbers = ("".join(map(re.escape, rules.names[key])) for key in ("period_code_letters", "period_code_numbers"))
        self.period_code = re.compile(  # a quarter's or a half-year's code: T1-2025, S1 2024, 9M
            rf"^(?:[{letters}][{numbers}]|{forms_alternation(rules.names['period_codes'])})\b")
        elided = [w for w in rules.names["masculine_articles"] if w.endswith(("'", "’"))]
        whole = [w for w in rules.names["masculine_articles"] if w not in elided]
        self.masculine_article_before = re.compile(  # le, l' right before a position
            rf"(?:^|[^\w'’])(?:(?:{forms_alternation(_either_case(whole))})[ \t]+|{forms_alternation(_either_case(elided))})$"
        )
        self.article_before = re.compile(rf"(?<![\w'’])(?:{forms_alternation(_either_case(rules.names['articles']))})[ \t]*$")
        self.demonstrative_before = re.compile(rf"(?<![\w'’])(?:{forms_alternation(_either_case(rules.names['demonstratives']))})[ \t]+$")
        self.coordination = re.compile(  # X, Y et Z; X et de la Y; X ou encore l'ex-Y: from a name's end to the next's start
            rf"^\s*\)?\s*(?:\([^()\n]{{0,40}}\))?\s*(?:,|/|,?\s+(?:{forms_alternation(rules.names['coordinators'])})"
            rf"(?:\s+(?:{forms_alternation(rules.names['coordination_adverbs'])}))?(?:\s+(?:{forms_alternation(self.of_words)}))?"
            rf"(?:\s*(?:{forms_alternation(LEADING_ARTICLES)}))?)\s*(?:ex-)?$"
        )
        self.media_cues: list[str] = rules.names["media_cues"]
        self.speech_verbs: list[str] = rules.names["speech_verbs"]
        self.calendar_words = frozenset(rules.numbers["weekdays"]) | {m.rstrip(".") for m in rules.months}
        self.countries = frozenset(normalize_name(c) for c in rules.cities["countries"])
        self.regions = frozenset(normalize_name(r) for r in rules.cities["regions"])
        self.countries_and_regions = self.countries | self.regions
        self.long_countries = sorted({c for c in self.countries if " " in c}, key=len, reverse=True)  # émirats arabes unis
        self.particles = frozenset(rules.names["particles"])
        self.regnal_names = frozenset(rules.names["regnal_names"])
        self.generic_types = self.prefix_types - frozenset(rules.names["institution_heads"])
        self.company_heads = frozenset(rules.names["company_heads"])
        self.adjective = re.compile(rules.adjective_regex)
        self.plural_determiners = frozenset(rules.names["plural_determiners"])
        self.skippable = set(self.connectors) | LEADING_ARTICLES
        self.first_names = rules.first_names
        self.royal_titles = sorted((t.split() for t in rules.names["royal_titles"]), key=len, reverse=True)  # longest first
        self.prenominal_adjectives = frozenset(rules.names["prenominal_adjectives"]) - self.first_names
        self.known_orgs = rules.known_orgs
        # forms of one well-known organisation, by their key as OrgMerger compares forms (normalised, without spaces)
        self.alias_groups = {normalize_name(form).replace(" ", ""): i for i, row in enumerate(rules.org_aliases) for form in row}
        company_titles, stakes = rules.names["company_titles"], rules.names["stake_nouns"]  # le DG de X; la filiale (de) X
        self.role_nouns = frozenset(rules.names["role_nouns"] + stakes + rules.names["demonym_nouns"])
        self.trade_nouns = frozenset(rules.names["trade_nouns"])  # l'exportateur de tomates X: with a complement only
        self.head_of_nouns = frozenset(rules.names["head_of_nouns"] + rules.names["company_of_nouns"] + company_titles + stakes)
        demonyms = rules.names["demonym_nouns"]
        self.demonyms = frozenset(demonyms)
        # britannique, suisse, and the masculine of each pair (égyptien, not égyptienne)
        self.masculine_demonyms = frozenset(w for w in demonyms if not (w.endswith("e") and {w[:-1], w[:-2]} & self.demonyms))
        self.kind_adjectives = frozenset(rules.names["kind_adjectives"] + [f"{w}s" for w in demonyms if not w.endswith("s")] + demonyms)
        self.place_nouns = frozenset(rules.names["place_nouns"])
        self.list_cues = frozenset(rules.names["list_cues"])
        company_cues = "|".join(cue["pattern"] for cue in rules.names["company_cues_after"])  # one named regex a cue
        self.company_after = re.compile(f"^(?:{company_cues})|{rules.names['trade_cues_after']}", re.IGNORECASE)
        self.facility_after = re.compile(rules.names["facility_cues_after"], re.IGNORECASE)
        self.naming_before = re.compile(rules.names["naming_cues_before"], re.IGNORECASE)
        self.naming_subject = re.compile(rf"\b(?:{'|'.join(map(re.escape, rules.names['naming_subjects']))})\b[^.!?\n]{{0,80}}$", re.IGNORECASE)
        self.title_words = frozenset(rules.names["title_words"] + company_titles)
        self.title_heads = self.title_words - {"le", "la", "de", "du", "et"}  # directeur, président: no function words
        self.modifiers = frozenset(rules.names["modifiers"])
        self.non_org_acronym_heads = frozenset(rules.names["non_org_acronym_heads"])
        self.unit_nouns = frozenset(rules.names["unit_nouns"])
        self.la_head_of_nouns = frozenset(rules.names["la_head_of_nouns"])  # à la tête de X, not en tête de X
        self.context_nouns = self.role_nouns | self.place_nouns | self.unit_nouns | self.head_of_nouns | self.la_head_of_nouns  # nouns that introduce a name
        self.thing_nouns = frozenset(rules.names["thing_nouns"])
        self.acronym_thing_nouns = self.thing_nouns | frozenset(rules.names["acronym_thing_nouns"])
        self.lone_adjective = re.compile(rules.names["lone_adjective"])
        self.portfolio_adjectives = frozenset(rules.names["portfolio_adjectives"])
        self.vehicle_makers = frozenset(rules.names["vehicle_makers"])
        self.site_suffixes = frozenset(rules.names["site_suffixes"])
        self.internal_bodies = [body.split() for body in rules.names["internal_bodies"]]
        self.bodies_named_when_capitalised = frozenset(rules.names["bodies_named_when_capitalised"])
        self.openers = self.prefix_types | LEADING_ARTICLES  # lower-case words a name may open with
        self.name_word = lru_cache(maxsize=65536)(self._name_word)

    def _name_word(self, text: str) -> bool:
        """A word that can be part of a proper name: capitalised or an acronym, not a function word."""
        lower = text.lower()
        return (
            bool(_NAME_PART.match(text))
            and lower not in self.stopwords
            and lower not in self.calendar_words
            and text not in self.honorifics
        )

    def describes(self, word: str) -> bool:
        """A word between a lower-case type word and the name it describes: a connector, an article,
        a lower-case adjective (``hôpital provincial de …``)."""
        return word.lower() in self.skippable or word.islower() and bool(self.adjective.match(word))
