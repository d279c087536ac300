"""Scoring predicted facts against gold (ANNOTATION.md sections 3 and 4). Pure functions, no I/O."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extract.gold import FACT_TYPES
from extract.textnorm import normalize_name, normalize_unit

Fact = Mapping[str, Any]
RELATIVE_TOLERANCE = 0.001
# Attributes outside the key, reported as accuracy over matched pairs where gold gives them.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "people": ("title",),
    "cities": ("country", "geonameid"),
    "amounts": ("qualifier",),
    "counts": ("qualifier",),
}
# Attributes for which a gold null means "unknown" (not given) rather than "none" (a title of null).
NULL_MEANS_UNKNOWN = frozenset({"country", "geonameid"})


def names(fact: Fact) -> set[str]:
    """A named fact's name and aliases, normalised."""
    return {normalize_name(name) for name in (fact["name"], *fact.get("aliases", ()))}


def same_name(predicted: Fact, gold: Fact) -> bool:
    """Organisations and people: any name or alias equal after normalisation."""
    return not names(predicted).isdisjoint(names(gold))


def same_city(predicted: Fact, gold: Fact) -> bool:
    """Cities: a shared name or alias, or the same (non-null) GeoNames id."""
    geonameid = gold.get("geonameid")
    return same_name(predicted, gold) or (geonameid is not None and predicted.get("geonameid") == geonameid)


def close(a: float, b: float) -> bool:
    """Whether two values are equal within the relative tolerance (0.1 %)."""
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def same_amount(predicted: Fact, gold: Fact) -> bool:
    """Amounts: same currency and close values."""
    return predicted["currency"] == gold["currency"] and close(predicted["value"], gold["value"])


def same_date(predicted: Fact, gold: Fact) -> bool:
    """Dates: the same value string."""
    return predicted["value"] == gold["value"]


def same_count(predicted: Fact, gold: Fact) -> bool:
    """Counts: the same normalised unit and close values."""
    return normalize_unit(predicted["unit"]) == normalize_unit(gold["unit"]) and close(
        predicted["value"], gold["value"]
    )


SAME_FACT: dict[str, Callable[[Fact, Fact], bool]] = {
    "organizations": same_name,
    "people": same_name,
    "cities": same_city,
    "amounts": same_amount,
    "dates": same_date,
    "counts": same_count,
}


def maximum_matching(adjacency: Sequence[Sequence[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths (Kuhn): left index → right index.

    ``adjacency[i]`` lists the right vertices that left vertex ``i`` may be matched to.
    """
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in adjacency[left]:
            if right not in seen:
                seen.add(right)
                if owner[right] is None or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    for left in range(len(adjacency)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


@dataclass(frozen=True)
class Tally:
    """True positives, false positives and false negatives, with P/R/F1 (all 1.0 when all are zero)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def _ratio(self, denominator: int) -> float:
        if denominator:
            return self.tp / denominator
        return 0.0 if self.fp or self.fn else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp + self.fn)

    @property
    def f1(self) -> float:
        return self._ratio(self.tp + (self.fp + self.fn) / 2)


@dataclass(frozen=True)
class Accuracy:
    """Correct out of total; ``value`` is None when there is nothing to count."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class TypeMatch:
    """One article's facts of one type after matching: (predicted, gold) pairs and the leftovers."""

    pairs: tuple[tuple[Fact, Fact], ...]
    false_positives: tuple[Fact, ...]
    false_negatives: tuple[Fact, ...]

    @property
    def tally(self) -> Tally:
        return Tally(len(self.pairs), len(self.false_positives), len(self.false_negatives))


ArticleScore = Mapping[str, TypeMatch]
"""One article's result: fact type → TypeMatch."""


def match_facts(fact_type: str, predicted: Sequence[Fact], gold: Sequence[Fact]) -> TypeMatch:
    """Match predicted to gold facts of one type one-to-one, as many pairs as possible, on the type's key."""
    same = SAME_FACT[fact_type]
    adjacency = [[j for j, gold_fact in enumerate(gold) if same(fact, gold_fact)] for fact in predicted]
    matched = maximum_matching(adjacency, len(gold))
    matched_gold = set(matched.values())
    return TypeMatch(
        pairs=tuple((predicted[i], gold[j]) for i, j in sorted(matched.items())),
        false_positives=tuple(fact for i, fact in enumerate(predicted) if i not in matched),
        false_negatives=tuple(fact for j, fact in enumerate(gold) if j not in matched_gold),
    )


def score_article(predicted: Fact | None, gold: Fact) -> dict[str, TypeMatch]:
    """Match one article's predicted record to its gold record; None (no prediction) misses every gold fact."""
    return {
        fact_type: match_facts(fact_type, predicted[fact_type] if predicted is not None else (), gold[fact_type])
        for fact_type in FACT_TYPES
    }


def totals(articles: Iterable[ArticleScore], types: Sequence[str] = FACT_TYPES) -> dict[str, Tally]:
    """Tallies per type (fact types, or event types) summed over articles, plus ``"micro"`` over all types."""
    sums = {kind: Tally() for kind in types}
    for article in articles:
        for fact_type, match in article.items():
            sums[fact_type] += match.tally
    sums["micro"] = sum(sums.values(), Tally())
    return sums


def gold_gives(gold: Fact, attribute: str) -> bool:
    """Whether a gold fact states ``attribute`` (a null country or geonameid does not)."""
    return attribute in gold and (gold[attribute] is not None or attribute not in NULL_MEANS_UNKNOWN)


def pair_accuracy(pairs: Iterable[tuple[Fact, Fact]], attribute: str) -> Accuracy:
    """How many matched pairs agree on ``attribute``, over the pairs where gold gives it."""
    given = [(predicted, gold) for predicted, gold in pairs if gold_gives(gold, attribute)]
    return Accuracy(sum(predicted.get(attribute) == gold[attribute] for predicted, gold in given), len(given))


def attribute_accuracy(articles: Iterable[ArticleScore]) -> dict[str, Accuracy]:
    """Accuracy of each non-key attribute over all articles' matched pairs, keyed ``"type.attribute"``."""
    result = {f"{t}.{a}": Accuracy() for t, attributes in ATTRIBUTES.items() for a in attributes}
    for article in articles:
        for fact_type, attributes in ATTRIBUTES.items():
            for attribute in attributes:
                result[f"{fact_type}.{attribute}"] += pair_accuracy(article[fact_type].pairs, attribute)
    return result
