"""One identity per organisation and person across articles: entity resolution over output records.

Each named fact of each record is a node. Nodes join, strongest evidence first, when
  1. their names are equal after the guide's normalisation (punctuation and legal forms aside);
  2. one article's name is a form another article ties to its own name (``CNSS`` / ``Caisse nationale
     de sécurité sociale (CNSS)``): an alias or acronym that one article itself gives;
  3. organisations only: their names are equal once type words are set aside and carry the same type
     words, or one carries none (``Atlas Soins Group`` / ``groupe Atlas Soins`` / ``Atlas Soins``; not ``X Partners`` /
     ``X Capital Partners``);
  4. organisations only: the names differ by one letter in one word of six letters or more (a near-spelling).
Two groups never join when an article names both as different facts, nor when they hold two
subsidiaries (``X Holding`` / ``X Santé``). People join on full names only (two words or more), so
persons who share a surname stay apart, and never on near-spellings (``Skalli`` / ``Sqalli`` are two
families). Everything is a pure function of the records.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz.distance import Levenshtein

from extract.rules import load_rules
from extract.textnorm import normalize_name

KINDS = {"organizations": "O", "people": "P"}
MIN_NEAR_WORD = 6
_PUNCTUATION = re.compile(r"[^\w]+")

Item = tuple[str, str, str]
"""A named fact: (article id, kind, name)."""


@dataclass
class Node:
    """One named fact of one article."""

    article: str
    kind: str
    name: str
    forms: list[str]
    published: str | None = None

    @property
    def item(self) -> Item:
        return (self.article, self.kind, self.name)


@dataclass
class Entity:
    """A resolved organisation or person: stable id, canonical name, every form seen and where."""

    id: str
    kind: str
    name: str
    forms: list[str]
    articles: list[str]
    first_published: str | None
    last_published: str | None
    items: list[Item] = field(repr=False, default_factory=list)


@cache
def _legal_forms() -> frozenset[str]:
    rules = load_rules()
    return frozenset(word for word, canonical in rules.org_canonical.items() if canonical == "-")


@lru_cache(maxsize=65536)
def name_key(form: str) -> str:
    """A form for comparison: normalised (ANNOTATION.md section 3), legal forms and punctuation left out."""
    words = [w for w in normalize_name(form).split() if w not in _legal_forms()]
    return " ".join(_PUNCTUATION.sub(" ", " ".join(words)).split())


@lru_cache(maxsize=65536)
def org_types(form: str) -> frozenset[str]:
    """The canonical organisation-type words of a name (``Group`` and ``groupe`` are one)."""
    rules = load_rules()
    words = normalize_name(form).split()
    canonical = {normalize_name(rules.org_canonical.get(w, w)) for w in words if w in _type_words()}
    return frozenset(canonical - {"-"})


@cache
def _type_words() -> frozenset[str]:
    return frozenset(normalize_name(w) for w in load_rules().org_types) - _legal_forms()


@lru_cache(maxsize=65536)
def org_core(form: str) -> str:
    """A name without type words, legal forms and function words at its ends: what short forms share."""
    stop = load_rules().stopwords
    words = [w for w in name_key(form).split() if w not in _type_words()]
    while words and words[0] in stop:
        words.pop(0)
    while words and words[-1] in stop:
        words.pop()
    return " ".join(words)


def same_types(a: str, b: str) -> bool:
    """Whether two organisation names carry the same type words, or one carries none."""
    types_a, types_b = org_types(a), org_types(b)
    return not types_a or not types_b or types_a == types_b


def near_spelling(a: str, b: str) -> bool:
    """Same words but one, which differs by a single letter and has at least six letters."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    differ = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return min(len(x), len(y)) >= MIN_NEAR_WORD and not (x + y).isdigit() and Levenshtein.distance(x, y) == 1


class _Groups:
    """Union-find over nodes, refusing unions the guards forbid. Each group keeps what the guards need:
    its articles, and the type words of its typed organisation names by core."""

    def __init__(self, nodes: list[Node]) -> None:
        self.parent = list(range(len(nodes)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.articles: dict[int, set[str]] = {i: {n.article} for i, n in enumerate(nodes)}
        self.typed: dict[int, dict[str, set[frozenset[str]]]] = {
            i: {org_core(n.name): {org_types(n.name)}} if n.kind == "organizations" and org_types(n.name) else {}
            for i, n in enumerate(nodes)
        }

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def allowed(self, a: int, b: int) -> bool:
        """No article names both groups as different facts; no two subsidiaries' names in them."""
        if self.articles[a] & self.articles[b]:
            return False
        left, right = self.typed[a], self.typed[b]
        for core in left.keys() & right.keys():
            if any(not (x <= y or y <= x) for x in left[core] for y in right[core]):
                return False
        return True

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not self.allowed(a, b):
            return
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        self.articles[a] |= self.articles.pop(b)
        for core, types in self.typed.pop(b).items():
            self.typed[a].setdefault(core, set()).update(types)


def _candidate_pairs(nodes: list[Node]) -> Iterable[tuple[int, int]]:
    """Candidate joins, strongest evidence first (see the module's docstring). Nodes with one name are
    joined first; the other rules compare one node per distinct name."""
    eligible = [i for i, n in enumerate(nodes) if n.kind == "organizations" or len(name_key(n.name).split()) >= 2]
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in eligible:
        by_name[nodes[i].kind, name_key(nodes[i].name)].append(i)
    for group in by_name.values():
        yield from ((group[0], j) for j in group[1:])
    firsts = [group[0] for group in by_name.values()]
    seen_forms: set[tuple[str, str, str]] = set()
    for i in eligible:
        for form in nodes[i].forms[1:]:  # the first form is the name
            key = name_key(form)
            if (nodes[i].kind, key, name_key(nodes[i].name)) in seen_forms:
                continue
            seen_forms.add((nodes[i].kind, key, name_key(nodes[i].name)))
            if nodes[i].kind == "organizations" or len(key.split()) >= 2:
                yield from ((i, j) for j in by_name.get((nodes[i].kind, key), [])[:1] if j != i)
    orgs = [i for i in firsts if nodes[i].kind == "organizations"]
    cores: dict[str, list[int]] = defaultdict(list)
    for i in orgs:
        core = org_core(nodes[i].name)
        if len(core) >= 3:
            yield from ((j, i) for j in cores[core] if same_types(nodes[i].name, nodes[j].name))
            cores[core].append(i)
    neighbours: dict[str, list[int]] = defaultdict(list)  # names with one word left out
    for i in orgs:
        words = name_key(nodes[i].name).split()
        for k in range(len(words)):
            neighbours[" ".join(words[:k] + ["*"] + words[k + 1 :])].append(i)
    for group in neighbours.values():
        for a, i in enumerate(group):
            yield from ((i, j) for j in group[a + 1 :] if near_spelling(name_key(nodes[i].name), name_key(nodes[j].name)))


def nodes_of(records: Iterable[dict]) -> list[Node]:
    """One node per organisation and person of each record (gold or output)."""
    nodes = []
    for record in records:
        for kind in KINDS:
            for fact in record.get(kind, []):
                forms = list(dict.fromkeys([fact["name"], *fact.get("aliases", [])]))
                nodes.append(Node(record["id"], kind, fact["name"], forms, record.get("published")))
    return nodes


def _canonical(members: list[Node]) -> str:
    """The name most articles use; on a tie, the fullest."""
    counts = Counter(name_key(n.name) for n in members)
    best = max(members, key=lambda n: (counts[name_key(n.name)], len(n.name.split()), len(n.name)))
    return best.name


def entity_id(kind: str, name: str) -> str:
    """A stable id: the kind's letter and a hash of the canonical name's comparison key."""
    return f"{KINDS[kind]}-{hashlib.sha1(name_key(name).encode()).hexdigest()[:10]}"


def resolve(records: Iterable[dict]) -> list[Entity]:
    """The entities of the records' organisations and people, most-cited first."""
    nodes = nodes_of(records)
    groups = _Groups(nodes)
    for i, j in _candidate_pairs(nodes):
        groups.union(i, j)
    entities = []
    for members in groups.members.values():
        group = [nodes[i] for i in members]
        name = _canonical(group)
        dates = sorted(n.published for n in group if n.published)
        entities.append(
            Entity(
                id=entity_id(group[0].kind, name),
                kind=group[0].kind,
                name=name,
                forms=list(dict.fromkeys(f for n in group for f in n.forms)),
                articles=list(dict.fromkeys(n.article for n in group)),
                first_published=dates[0] if dates else None,
                last_published=dates[-1] if dates else None,
                items=[n.item for n in group],
            )
        )
    return sorted(entities, key=lambda e: (-len(e.articles), e.kind, e.name))


def entity_index(entities: Iterable[Entity]) -> dict[Item, str]:
    """Each named fact's entity id."""
    return {item: entity.id for entity in entities for item in entity.items}


def pairwise_scores(predicted: dict[Item, str], gold: dict[Item, str]) -> tuple[float, float]:
    """Precision and recall over pairs of items put in one cluster (items of ``gold`` only)."""
    def pairs(clusters: dict[Item, str]) -> set[frozenset[Item]]:
        groups: dict[str, list[Item]] = defaultdict(list)
        for item in gold:
            groups[clusters.get(item, repr(item))].append(item)
        return {frozenset((a, b)) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1 :]}

    got, want = pairs(predicted), pairs(gold)
    return (len(got & want) / len(got) if got else 1.0), (len(got & want) / len(want) if want else 1.0)


def bcubed_scores(predicted: dict[Item, str], gold: dict[Item, str]) -> tuple[float, float]:
    """B-cubed precision and recall, averaged over the items of ``gold``."""
    def members(clusters: dict[Item, str]) -> dict[Item, set[Item]]:
        groups: dict[str, set[Item]] = defaultdict(set)
        for item in gold:
            groups[clusters.get(item, repr(item))].add(item)
        return {item: groups[clusters.get(item, repr(item))] for item in gold}

    got, want = members(predicted), members(gold)
    precision = sum(len(got[i] & want[i]) / len(got[i]) for i in gold) / len(gold)
    recall = sum(len(got[i] & want[i]) / len(want[i]) for i in gold) / len(gold)
    return precision, recall
