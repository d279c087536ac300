"""Organisations and people: spaCy's entities corrected by rules.

The model's PER/ORG/MISC/LOC spans, the name patterns of ``rules/name_patterns.jsonl``,
acronyms and the byline are candidates; organisation-type words, honorifics and the
not-an-organisation lists decide what each candidate is; short forms, acronyms in
parentheses and surnames are merged into the facts they stand for.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.acronyms import ACRONYM, initials
from extract.chrome import Layout
from extract.facts import NamedFact, Span
from extract.name_candidates import Candidate, CandidateFinder
from extract.name_kinds import NameClassifier
from extract.name_lexicon import NameLexicon, lower_words
from extract.rules import Rules
from extract.textnorm import normalize_name


class NameFinder:
    """Finds organisations and people in a doc; its matcher and lexicons are built once."""

    def __init__(self, nlp_vocab: Vocab, rules: Rules, is_city: Callable[[str], bool]) -> None:
        self.is_city = is_city
        self.lex = NameLexicon(rules)
        self.candidates = CandidateFinder(nlp_vocab, rules.name_patterns, self.lex, is_city)
        self.classifier = NameClassifier(self.lex, is_city)

    def described(self, text: str) -> str | None:
        """The proper name inside a described one: ``banque Emirates NBD`` → ``Emirates NBD``, else None."""
        words = text.split()
        if len(words) < 2 or not words[0].islower() or words[0] not in self.lex.generic_types:
            return None
        rest = words[1:]
        while rest and self.lex.describes(rest[0]):
            rest = rest[1:]
        return " ".join(rest) if rest and rest[0][:1].isupper() else None

    def find(self, doc: Doc, layout: Layout) -> tuple[list[dict], list[dict], list[Span]]:
        """Organisations and people of ``doc`` as output facts, and the spans of organisation names."""
        text = doc.text
        orgs: list[tuple[Candidate, str]] = []
        people: list[tuple[Candidate, str]] = []
        weak: list[tuple[Candidate, str]] = []
        for cand in self.candidates.find(doc, layout):
            kind = self.classifier.kind(text, cand)
            surface = text[cand.start : cand.end]
            if kind == "ORG":
                orgs.append((cand, surface))
            elif kind == "PER":
                people.append((cand, surface))
            elif kind == "MISC":
                weak.append((cand, surface))
        org_facts = self._merge_orgs(text, orgs)
        person_facts = self._merge_people(people, weak, org_facts)
        for cand, surface in weak:
            fact = self._find_org(org_facts, surface)
            if fact is not None:
                fact.add(surface, (cand.start, cand.end))
        org_spans = [span for fact in org_facts for span in fact.mentions]
        return (
            [self._org_record(f) for f in org_facts],
            [self._person_record(text, f) for f in person_facts],
            org_spans,
        )

    # -- organisations ------------------------------------------------------------------
    def core(self, surface: str) -> str:
        """A name without type words, legal forms and city suffix: what short forms share."""
        rest = surface.split()[len(self._type_phrase(surface)) :]
        words = [normalize_name(w) for w in lower_words(" ".join(rest)) if w not in self.lex.type_words]
        for size in (3, 2, 1):
            if len(words) > size and self.is_city(" ".join(words[-size:])):
                words = words[:-size]
                break
        while words and words[-1] in ("de", "d'", "du", "des", "la"):
            words.pop()
        return " ".join(words)

    def _type_phrase(self, surface: str) -> list[str]:
        """A leading type word and the lower-case words after it (``Centre hospitalier universitaire``)."""
        words = surface.replace("’", "'").split()
        if not words or words[0].lower() not in self.lex.prefix_types:
            return []
        end = 1
        while end < len(words) and words[end].islower() and words[end] not in self.lex.stopwords:
            end += 1
        return words[:end]

    def _types(self, surface: str) -> frozenset[str]:
        """The canonical organisation-type words in a name (``Group`` and ``groupe`` are one;
        ``Centre hospitalier universitaire`` is ``chu``)."""
        phrase = self._type_phrase(surface)
        types = {self.lex.canonical.get(w, w) for w in lower_words(surface) if w in self.lex.type_words}
        if len(phrase) > 1:
            types = (types - {self.lex.canonical.get(phrase[0].lower(), phrase[0].lower())}) | {
                "".join(w[0] for w in phrase).lower()
            }
        return frozenset(t for t in types if t != "-")

    def same_org(self, a: str, b: str, bare: bool = True) -> bool:
        """Whether two forms name one organisation: equal names, a short form, or an acronym of the other.

        With ``bare``, a form without type words (``Atlas``) joins a typed one (``Atlas Group``);
        two typed forms join only when one's type words include the other's (``X Holding`` is not ``X Santé``).
        """
        if normalize_name(a) == normalize_name(b):
            return True
        for short, full in ((a, b), (b, a)):
            if ACRONYM.match(short) and len(full.split()) > 1 and initials(full, self.lex.stopwords) == short:
                return True
        core_a, core_b = self.core(a), self.core(b)
        if not core_a or core_a != core_b or core_a in self.lex.stopwords:
            return False
        types_a, types_b = self._types(a), self._types(b)
        if types_a and types_b:
            return types_a <= types_b or types_b <= types_a  # X Medical / X Medical Group, not X Holding / X Santé
        return bare

    def _find_org(self, facts: list[NamedFact], surface: str) -> NamedFact | None:
        """The fact a form belongs to; a typed form is compared with typed forms only, so that a bare
        short form shared by two subsidiaries (``X`` of ``X Holding`` and ``X Santé``) does not join them."""
        typed = bool(self._types(surface))
        for fact in facts:
            forms = [f for f in fact.forms if self._types(f)] if typed else fact.forms
            if any(self.same_org(surface, form) for form in forms or fact.forms):
                return fact
        return None

    def _merge_orgs(self, text: str, orgs: list[tuple[Candidate, str]]) -> list[NamedFact]:
        facts: list[NamedFact] = []
        for cand, surface in orgs:
            partner = self._parenthesised(text, cand)
            fact = self._find_org(facts, surface) or (self._find_org(facts, partner[0]) if partner else None)
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

    @staticmethod
    def _parenthesised(text: str, cand: Candidate) -> tuple[str, Span] | None:
        """The name or acronym in parentheses right after a candidate, if any."""
        match = re.match(r"\s*\(([^()\n]{2,80})\)", text[cand.end :])
        if not match:
            return None
        inner = match.group(1).strip()
        surface = text[cand.start : cand.end]
        if inner and ACRONYM.match(inner) != ACRONYM.match(surface) and inner[0].isupper():
            start = cand.end + match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
            return inner, (start, start + len(inner))
        return None

    @staticmethod
    def _org_record(fact: NamedFact) -> dict:
        return {"name": fact.name, "aliases": fact.aliases, "mentions": sorted(map(list, fact.mentions))}

    # -- people ------------------------------------------------------------------------
    def _merge_people(
        self,
        people: list[tuple[Candidate, str]],
        weak: list[tuple[Candidate, str]],
        org_facts: list[NamedFact],
    ) -> list[NamedFact]:
        """Group person mentions by full name; a surname alone joins the person it belongs to."""
        facts: list[NamedFact] = []
        singles: list[tuple[Candidate, str]] = []
        for cand, surface in sorted(people, key=lambda p: -len(p[1].split())):
            org = self._find_org(org_facts, surface)
            if org is not None:
                org.add(surface, (cand.start, cand.end))
            elif not all(w[0].isupper() or w.lower() in self.lex.particles for w in surface.split()):
                continue
            elif len(surface.split()) == 1:
                singles.append((cand, surface))
            else:
                key = normalize_name(surface)
                fact = next((f for f in facts if key in {normalize_name(x) for x in f.forms} | self._surnames(f)), None)
                if fact is None:
                    fact = NamedFact(extra={"title": cand.title})
                    facts.append(fact)
                fact.add(surface, (cand.start, cand.end))
                fact.extra["title"] = fact.extra.get("title") or cand.title
        for cand, surface in singles + [w for w in weak if len(w[1].split()) == 1]:
            fact = next((f for f in facts if normalize_name(surface) in self._surnames(f)), None)
            if fact is not None:
                fact.add(surface, (cand.start, cand.end))
                fact.extra["title"] = fact.extra.get("title") or cand.title
            elif cand.title:
                facts.append(NamedFact([surface], [(cand.start, cand.end)], {"title": cand.title}))
        return facts

    @staticmethod
    def _surnames(fact: NamedFact) -> set[str]:
        """Forms a surname-only mention may take: the last word, or all but the first (``El Fassi``)."""
        words = normalize_name(max(fact.forms, key=len)).split()
        return {words[-1], " ".join(words[1:])}

    def _person_record(self, text: str, fact: NamedFact) -> dict:
        full = [f for f in fact.forms if len(f.split()) > 1] or fact.forms
        name = full[0]
        return {
            "name": name,
            "title": fact.extra.get("title"),
            "role": self._role(text, fact),
            "aliases": [f for f in fact.forms if f != name],
            "mentions": sorted(map(list, fact.mentions)),
        }

    def _role(self, text: str, fact: NamedFact) -> str | None:
        """The apposition after a mention (``X, chirurgien urologue, …``), if any."""
        for start, end in sorted(fact.mentions):
            match = re.match(r",\s+([a-zà-ÿ][^,.;:()\n]{2,120})", text[end : end + 200])
            if match and match.group(1).split()[0] not in self.lex.stopwords:
                return match.group(1).strip()
        return None
