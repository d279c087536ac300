"""People: person mentions grouped by full name, surnames joined to their person, titles and roles read."""
from __future__ import annotations

import re
from collections.abc import Collection

from rapidfuzz.distance import Levenshtein

from extract.facts import NamedFact, Span
from extract.name_candidates import Candidate, Mention
from extract.textnorm import normalize_name

_ROLE = re.compile(r",\s+([a-zà-ÿ][^,.;:()\n]{2,120})")
_FIRST_NAME_AND = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+et\s+$")
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s+$")


def longest_first(mentions: list[Mention]) -> list[Mention]:
    """Mentions with the most words first (a full name before the surname that refers to it); stable."""
    return sorted(mentions, key=lambda p: -len(p[1].split()))


def merge_people(people: list[Mention], weak: list[Mention], particles: Collection[str]) -> list[NamedFact]:
    """Group person mentions by full name; a surname alone (or a one-word weak form) joins the person
    it belongs to, and a lone surname with an honorific, or a one-word byline, is a person of its own."""
    facts: list[NamedFact] = []
    singles: list[Mention] = []
    for cand, surface in longest_first(people):
        if not all(w[0].isupper() or w.lower() in particles for w in surface.split()):
            continue
        if len(surface.split()) == 1:
            singles.append((cand, surface))
            continue
        key = normalize_name(surface)
        fact = next((f for f in facts if key in {normalize_name(x) for x in f.forms} | surnames(f.forms)), None)
        fact = fact or next((f for f in facts if any(spelling_variant(key, normalize_name(x)) for x in f.forms)), None)
        if fact is None:
            fact = NamedFact(extra={"title": cand.title})
            facts.append(fact)
        _add(fact, cand, surface)
    for cand, surface in singles + [w for w in weak if len(w[1].split()) == 1]:
        key = normalize_name(surface)
        fact = next((f for f in facts if key in surnames(f.forms)), None)
        fact = fact or next((f for f in facts if any(near_surname(key, name) for name in surnames(f.forms))), None)
        if fact is not None:
            _add(fact, cand, surface)
        elif cand.title or cand.source == "byline":  # M. Alaoui; Salma.K signing the article
            facts.append(NamedFact([surface], [(cand.start, cand.end)], {"title": cand.title}))
    return facts


def shared_surnames(text: str, facts: list[NamedFact], first_names: Collection[str]) -> None:
    """A first name alone coordinated before a first name and surname (``le couple Ismael et Sophia X``, ``les frères
    Karim et Omar X``) is one more person of that surname, named in full with the first name as its alias; in place."""
    known = {normalize_name(form) for fact in facts for form in fact.forms}
    for fact in list(facts):
        full = next((f for f in fact.forms if len(f.split()) == 2), None)
        if full is None or full.split()[0].lower() not in first_names:
            continue
        for start, _ in sorted(fact.mentions):
            match = _FIRST_NAME_AND.search(text, max(0, start - 40), start)
            if not match or match.group(1).lower() not in first_names or _CAPITALISED_BEFORE.search(text, max(0, match.start(1) - 40), match.start(1)):
                continue  # Ahmed Karim et Sophia X: Karim is a surname
            name = f"{match.group(1)} {full.split()[1]}"
            if normalize_name(name) not in known and normalize_name(match.group(1)) not in known:
                facts.append(NamedFact([name, match.group(1)], [(match.start(1), match.end(1))], {"title": None}))
                known.add(normalize_name(name))


def _add(fact: NamedFact, cand: Candidate, surface: str) -> None:
    """Add a mention to a person; the first title seen stays."""
    fact.add(surface, (cand.start, cand.end))
    fact.extra["title"] = fact.extra.get("title") or cand.title


def surnames(forms: list[str]) -> set[str]:
    """Forms a surname-only mention may take: the last word of the longest form, or all but its first (``El Fassi``)."""
    words = normalize_name(max(forms, key=len)).split()
    return {words[-1], " ".join(words[1:])}


def near_surname(a: str, b: str) -> bool:
    """Two spellings of one surname (``zouitine``, ``zouitene``): one edit apart, both of six letters or more."""
    return min(len(a), len(b)) >= 6 and Levenshtein.distance(a, b) <= 1


def spelling_variant(a: str, b: str) -> bool:
    """Two normalised full names of one person spelled two ways: the same surname and first names that
    share their first four letters (``boubker jai``, ``boubacar jai``) or are one edit apart."""
    first_a, *rest_a = a.split()
    first_b, *rest_b = b.split()
    if not rest_a or rest_a != rest_b or first_a == first_b:
        return False
    return first_a[:4] == first_b[:4] and min(len(first_a), len(first_b)) >= 4 or near_surname(first_a, first_b)


def role(text: str, mentions: list[Span], stopwords: Collection[str]) -> str | None:
    """The apposition after the first mention that has one (``X, chirurgien urologue, …``), if any."""
    for _, end in sorted(mentions):
        match = _ROLE.match(text[end : end + 200])
        if match and match.group(1).split()[0] not in stopwords:
            return match.group(1).strip()
    return None


def person_record(text: str, fact: NamedFact, stopwords: Collection[str]) -> dict:
    """The output record of a person: the first full name, title, role, other forms and mentions."""
    full = [f for f in fact.forms if len(f.split()) > 1] or fact.forms
    name = full[0]
    return {
        "name": name,
        "title": fact.extra.get("title"),
        "role": role(text, fact.mentions, stopwords),
        "aliases": [f for f in fact.forms if f != name],
        "mentions": sorted(map(list, fact.mentions)),
    }
