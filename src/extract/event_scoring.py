"""Scoring predicted events against gold (ANNOTATION.md section 7, "Matching and scoring"). Pure functions.

Two events are the same when their type is the same and every key role matches: a name role when any name or
alias of the facts the two names stand for are equal after normalisation, an amount when any amount of one
equals any of the other, a city by name, alias or geonameid, ``metric`` exactly. A gold event without an amount
leaves the amount out of the key. Events are matched one-to-one per article and type.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from extract.eventroles import EVENT_TYPES, KEY_ROLES, ROLES
from extract.scoring import Accuracy, Fact, Tally, TypeMatch, close, maximum_matching, same_city, totals
from extract.textnorm import normalize_name, normalize_unit

NOT_SCORED = frozenset({"role"})
"""Free-text roles, not scored (like a person's role)."""
NAME_LISTS = {"org": "organizations", "orgs": "organizations", "person": "people", "city": "cities"}

EventScore = Mapping[str, TypeMatch]
"""One article's events after matching: event type → TypeMatch."""


class Names:
    """A record's named facts, to compare role values by any of the names and aliases of the fact they name."""

    def __init__(self, record: Fact) -> None:
        self.facts: dict[str, dict[str, Fact]] = {}
        for kind, fact_type in NAME_LISTS.items():
            index: dict[str, Fact] = {}
            for fact in record.get(fact_type, ()):
                for form in (fact["name"], *fact.get("aliases", ())):
                    index.setdefault(normalize_name(form), fact)
            self.facts[kind] = index

    def fact(self, kind: str, name: str) -> Fact:
        """The record's fact a role value names, or a bare fact holding only that name."""
        return self.facts[kind].get(normalize_name(name)) or {"name": name}


def _forms(fact: Fact) -> set[str]:
    return {normalize_name(form) for form in (fact["name"], *fact.get("aliases", ()))}


def same_role(kind: str, predicted: Any, gold: Any, p_names: Names, g_names: Names) -> bool:
    """Whether two values of a role of the given kind agree (lists as sets; nulls agree with nulls)."""
    if predicted in (None, []) or gold in (None, []):
        return predicted in (None, []) and gold in (None, [])
    if kind == "city":
        return same_city(p_names.fact(kind, predicted), g_names.fact(kind, gold))
    if kind in ("org", "person"):
        return not _forms(p_names.fact(kind, predicted)).isdisjoint(_forms(g_names.fact(kind, gold)))
    if kind == "orgs":
        p_sets = [_forms(p_names.fact(kind, n)) for n in predicted]
        g_sets = [_forms(g_names.fact(kind, n)) for n in gold]
        return all(any(not p.isdisjoint(g) for g in g_sets) for p in p_sets) and all(
            any(not p.isdisjoint(g) for p in p_sets) for g in g_sets)
    if kind == "amounts":
        return _all_paired(predicted, gold, lambda a, b: a["currency"] == b["currency"] and close(a["value"], b["value"]))
    if kind == "counts":
        return _all_paired(predicted, gold, lambda a, b: normalize_unit(a["unit"]) == normalize_unit(b["unit"])
                           and close(a["value"], b["value"]))
    return predicted == gold


def _all_paired(a: Sequence[Fact], b: Sequence[Fact], same) -> bool:
    return all(any(same(x, y) for y in b) for x in a) and all(any(same(x, y) for x in a) for y in b)


def _any_amount(predicted: Sequence[Fact], gold: Sequence[Fact]) -> bool:
    return any(p["currency"] == g["currency"] and close(p["value"], g["value"]) for p in predicted for g in gold)


def same_event(predicted: Fact, gold: Fact, p_names: Names, g_names: Names) -> bool:
    """Same type and every key role matching (a gold event with no amount leaves the amount out of the key)."""
    if predicted["type"] != gold["type"]:
        return False
    for role in KEY_ROLES[gold["type"]]:
        p, g = predicted["roles"].get(role), gold["roles"].get(role)
        kind = ROLES[gold["type"]][role]
        if kind == "amounts":
            if g and not _any_amount(p or [], g):
                return False
        elif p in (None, []) or not same_role(kind, p, g, p_names, g_names):
            return False
    return True


def match_events(predicted: Fact | None, gold: Fact) -> dict[str, TypeMatch]:
    """Match one article's predicted events to its gold events one-to-one, per event type."""
    p_events = list(predicted.get("events", ())) if predicted is not None else []
    p_names, g_names = Names(predicted or {}), Names(gold)
    result = {}
    for event_type in EVENT_TYPES:
        p = [e for e in p_events if e["type"] == event_type]
        g = [e for e in gold["events"] if e["type"] == event_type]
        adjacency = [[j for j, ge in enumerate(g) if same_event(pe, ge, p_names, g_names)] for pe in p]
        matched = maximum_matching(adjacency, len(g))
        result[event_type] = TypeMatch(
            pairs=tuple((p[i], g[j]) for i, j in sorted(matched.items())),
            false_positives=tuple(e for i, e in enumerate(p) if i not in matched),
            false_negatives=tuple(e for j, e in enumerate(g) if j not in set(matched.values())),
        )
    return result


def event_totals(articles: Iterable[EventScore]) -> dict[str, Tally]:
    """Tallies per event type summed over articles, plus ``"micro"`` over all events."""
    return totals(articles, EVENT_TYPES)


def role_accuracy(scored: Iterable[tuple[Fact | None, Fact, EventScore]]) -> dict[str, Accuracy]:
    """Accuracy of each non-key role over matched event pairs, keyed ``"type.role"``."""
    result = {f"{t}.{r}": Accuracy() for t, roles in ROLES.items() for r in roles
              if r not in KEY_ROLES[t] and r not in NOT_SCORED}
    for predicted, gold, article in scored:
        p_names, g_names = Names(predicted or {}), Names(gold)
        for event_type, match in article.items():
            for p, g in match.pairs:
                for role, kind in ROLES[event_type].items():
                    key = f"{event_type}.{role}"
                    if key in result:
                        ok = same_role(kind, p["roles"].get(role), g["roles"].get(role), p_names, g_names)
                        result[key] += Accuracy(int(ok), 1)
    return result


def describe_event(event: Fact) -> str:
    """An event's type and key roles as a short text (for --details)."""
    parts = []
    for role in KEY_ROLES[event["type"]]:
        value = event["roles"].get(role)
        if ROLES[event["type"]][role] == "amounts":
            value = " / ".join(f"{a['value']:g} {a['currency']}" for a in value or []) or None
        parts.append(f"{role}={value}")
    return f"{event['type']}: " + ", ".join(parts)
