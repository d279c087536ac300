"""How a named mention relates to an event trigger in its clause: subject, object, or a cue (`auprès de`, `par`, `à`…).

Two readers give the same labels. :class:`SurfaceRelations` reads French word order and prepositions on the
NER-only doc's text (token patterns: no parser, near-free). :class:`ParseRelations` reads spaCy's dependency
parse of the trigger's sentence (a second, parser-only pipe); ``bench/bench.py`` measures what each costs.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from extract.facts import Span, forms_alternation, opening_letters

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

_RELATIVE_OBJECT = re.compile(r"\s*,?\s*(?:que|qu['’])", re.IGNORECASE)
_RELATIVE_SUBJECT = re.compile(r"\s*\)?\s*,?\s*qui\s", re.IGNORECASE)
_FILLER = re.compile(r"\s*(?:(?:[a-zà-ÿ-]+|l['’]|d['’])\s*){0,4}")
_PARTICIPLE_PAR = re.compile(r"([\w'’]+)?[\s,]+[a-zà-ÿ]{3,}(?:ée?s?|ues?|ises?|ites?)\s+(?:[\w'’]+\s+){0,3}?par\s+"
                             r"(?:[\w'’]+\s+){0,4}$", re.IGNORECASE)
_PASSIVE_AUXILIARIES = frozenset({"est", "sont", "été", "sera", "seront", "serait", "était", "étaient", "soit", "être",
                                  "fut"})
_ITEM_DATE = re.compile(r"^\s*(?:(?:en|dès|depuis|fin|début)\s+)?(?:\d{4}|\([^()]{1,40}\))(?=\s*(?:,|et\b|ainsi\b))")
"""A year or a parenthesis that closes one item of a list (`la clinique A en 2018, la clinique B en 2019`)."""
_LIST_LAST = (" et", " ainsi que")
"""How the last item of a list is joined, at the end of the words before it (`A, B et `)."""
_ARTICLE = re.compile(r"(?<=\S)\s+(?:le|la|les|l['’]|un|une)$")
_TITLE_OF = re.compile(r"\s*,\s*(?:[a-zà-ÿ-]+\s+){1,4}(?:chez|de|du|des|d['’])\s*(?:la\s+|le\s+|les\s+|l['’])?",
                       re.IGNORECASE)
_NOUN_GAP = re.compile(r"\s*(?:[a-zà-ÿ-]+\s*){1,2}")
_GENERIC_ADJECTIVE = re.compile(r"\s*[a-zà-ÿ-]+(?=\s*,)")
"""A lower-case word right before a comma after a generic reference: its adjective (`le groupe marocain, `)."""


class Slot(NamedTuple):
    """A mention of a fact (or a resolved generic reference) that may fill a role (a named tuple: thousands are
    made per article)."""

    kind: str  # org, person, city, amount, date, count
    start: int
    end: int
    value: Any
    generic: bool = False


class Relation(NamedTuple):
    """A mention's relation to a trigger: ``subj``, ``obj``, ``agent``, ``prep`` (with its cue), ``aside`` (alone in
    parentheses) or ``other``."""

    label: str
    start: int
    cue: str | None = None
    joined: bool = False  # coordinated with the mention before it


class Trigger(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Anchor:
    """A bare position standing for a trigger (the end of a sentence, to find its subject)."""

    start: int
    end: int


class SurfaceRelations:
    """Relations from word order and cue words: before the trigger with no cue is the subject (the nearest one
    and those coordinated with it; a `que` after it makes it the object), after it with no cue the object,
    a cue word before a mention gives its relation, and a mention coordinated with the previous one shares it."""

    def __init__(self, cues: Mapping[str, str], coordination: Sequence[str], adverbials: Sequence[str] = (),
                 honorifics: Sequence[str] = ()) -> None:
        self.honorific = re.compile(rf"(?<![\w'’-])(?:{forms_alternation(honorifics)})\s*$") if honorifics else None
        self.canonical = {cue.replace("’", "'"): canon for cue, canon in cues.items()}
        self.cue = re.compile(rf"(?<![\w'’-]){opening_letters(cues)}(?:{forms_alternation(cues)})(?![\w-])", re.IGNORECASE)
        self.adverbial = re.compile(rf"(?<![\w'’-])(?:{forms_alternation(adverbials)})(?![\w'’-])", re.IGNORECASE) \
            if adverbials else None
        self.coordination = {c.strip().lower() for c in coordination}
        self.joining_starts = (",", *self.coordination)  # what a lead that joins two mentions opens with

    def cue_before(self, lead: str) -> str | None:
        """The cue that governs a mention preceded by ``lead``: the last one within four small words, or an
        earlier one when only a common noun separates it from a `de` (`auprès du fonds d'investissement`)."""
        matches = list(self.cue.finditer(lead))
        if matches and self.adverbial is not None:  # `par ailleurs`, `sur fonds propres`: no cue
            spans = [m.span() for m in self.adverbial.finditer(lead)]
            matches = [m for m in matches if not any(start <= m.start() < end for start, end in spans)]
        if not matches:
            return None
        i = len(matches) - 1
        if not _FILLER.fullmatch(lead[matches[i].end() :]):
            return self._listed(lead)
        while i > 0 and self._canon(matches[i]) == "de" and _NOUN_GAP.fullmatch(lead[matches[i - 1].end() : matches[i].start()]):
            i -= 1
        return self._canon(matches[i])

    def _listed(self, lead: str) -> str | None:
        """The cue of a phrase that a colon's list spells out, when only small words follow the colon: the last cue
        before the colon with only small words after it (`apporté par trois banques : A, B`), else the cue that opens
        the lead (`l'acquisition de deux cliniques à Fès : la Clinique A`)."""
        head, colon, tail = lead.rpartition(":")
        if not colon or not _FILLER.fullmatch(tail) or ";" in head:
            return None
        last = next((m for m in reversed(list(self.cue.finditer(head))) if _FILLER.fullmatch(head[m.end() :])), None)
        first = last or self.cue.match(head, len(head) - len(head.lstrip()))
        return self._canon(first) if first is not None else None

    def coordinated(self, lead: str, in_list: bool, after: bool) -> bool:
        """Whether ``lead`` joins a mention to the previous one (`et`, `ainsi que`, also with the cue repeated:
        `et de`); a bare comma only continues a list after the trigger and a cue (`auprès de A, B et C`)."""
        words = _ITEM_DATE.sub("", lead).strip().lower()
        if not words.startswith(self.joining_starts):
            return False  # cheaper than the article and cue searches below, which keep the opening
        words = _ARTICLE.sub("", words)  # `et la Clinique B`
        if words == ",":
            return in_list and after  # `auprès de A, B et C`
        if words.startswith(",") and words.endswith(_LIST_LAST):
            return in_list  # `mené par A, fonds …, et B`
        for cue in self.cue.finditer(words):
            if _FILLER.fullmatch(words[cue.end() :]):
                words = words[: cue.start()].strip()
                break
        return words in self.coordination

    def _canon(self, match: re.Match[str]) -> str:
        form = match.group().lower().replace("’", "'")
        return self.canonical.get(form, form)

    def __call__(self, text: str, scope: Span, trigger: Trigger, slots: Sequence[Slot]) -> dict[Slot, Relation]:
        relations: dict[Slot, Relation] = {}
        anchor, previous = scope[0], None
        for slot in sorted(slots, key=lambda s: s.start):
            after = slot.start >= trigger.end
            if after and anchor < trigger.end:
                anchor, previous = trigger.end, None
            lead = text[anchor : slot.start]
            if slot.kind == "person" and self.honorific is not None:
                lead = self.honorific.sub("", lead)  # `la nomination de M. X`: the cue is `de`
            if previous is not None and lead.strip() in ("(", "") and slot.kind == previous.kind:
                label = "subj" if not after and _RELATIVE_SUBJECT.match(text, slot.end) else relations[previous].label
                relation = Relation(label, slot.start, relations[previous].cue, joined=True)  # `la BEI (BEI), qui`
            elif _enclosed(text, slot):
                relation = Relation("aside", slot.start)  # `X (IAM) a été nommé`, `(Agence Ecofin) - X`: no role
            elif slot.generic and slot.value and text[slot.end : trigger.start].strip() == "" and not after:
                relation = Relation("subj", slot.start)  # a possessive on the trigger: `son introduction en Bourse`
            elif previous is not None and self.coordinated(_listed_after_adjective(lead) if previous.generic else lead,
                                                           relations[previous].label in ("prep", "obj"), after):
                relation = Relation(relations[previous].label, slot.start, relations[previous].cue, joined=True)
            elif after and _affiliation(lead, previous):
                relation = Relation("other", slot.start)  # `…, a indiqué X, président de Y`: Y is X's, no role
            elif not after and _RELATIVE_SUBJECT.match(text, slot.end) and _affiliation(lead, previous):
                # `X, associé chez Y, qui rejoint le conseil`: Y is the person's employer, X the antecedent of `qui`
                relations[previous] = Relation("subj", previous.start)
                relation = Relation("other", slot.start)
            elif not after and _RELATIVE_SUBJECT.match(text, slot.end):
                # the antecedent of `qui` (`la BEI, qui a approuvé un prêt`), with the cue that ties it to the clause
                relation = Relation("subj", slot.start, self.cue_before(lead))
            elif (cue := self.cue_before(lead)) is not None:
                # `par` after a participle on another name (`à la société A, détenue par B`) names its agent
                relation = (Relation("other", slot.start) if cue == "par" and previous is not None
                            and _reduced_relative(lead)
                            else Relation("prep", slot.start, cue))
            elif after:
                relation = Relation("obj" if previous is None else "other", slot.start)
            elif _RELATIVE_OBJECT.match(text, slot.end):
                relation = Relation("obj", slot.start)
            elif _in_parentheses(text, scope[0], slot, trigger):
                relation = Relation("aside", slot.start)  # `X, qui a (sous l'enseigne Y) deux projets`: Y no subject
            else:
                relation = Relation("subj", slot.start)
            relations[slot] = relation
            anchor, previous = max(anchor, slot.end), slot
        return _nearest_subject(_past_relative(text, relations, trigger), trigger)


def _listed_after_adjective(lead: str) -> str:
    """The lead after a generic reference without the adjective that opens it, where a list goes on after it (`le
    groupe marocain, l'État guinéen et `): the names after it are coordinated with the reference; else the lead."""
    match = _GENERIC_ADJECTIVE.match(lead)
    rest = lead[match.end() :] if match else lead
    return rest if match and rest.rstrip().endswith(_LIST_LAST) else lead


def _affiliation(lead: str, previous: Slot | None) -> bool:
    """Whether ``lead`` makes the name after it a person's affiliation: a person, then a comma and a title (`, associé
    chez `, `, directrice générale de `)."""
    return previous is not None and previous.kind == "person" and _TITLE_OF.fullmatch(lead) is not None


def _reduced_relative(lead: str) -> bool:
    """Whether ``lead`` ends with a participle and `par` not after a passive auxiliary: `une société, détenue à
    parts égales par` (but `sera accordé par`)."""
    match = _PARTICIPLE_PAR.search(lead)
    return match is not None and (match.group(1) or "").lower() not in _PASSIVE_AUXILIARIES


def _enclosed(text: str, slot: Slot) -> bool:
    """Whether a mention stands alone in parentheses (an aside: an affiliation, a source)."""
    return text[max(0, slot.start - 2) : slot.start].rstrip().endswith("(") and text[slot.end : slot.end + 2].lstrip().startswith(")")


def _in_parentheses(text: str, start: int, slot: Slot, trigger: Trigger) -> bool:
    """Whether a mention lies inside a parenthesis opened after a word of the clause from ``start`` and closed before the
    trigger: a remark, no subject (not a sentence written wholly in parentheses)."""
    opened = text.rfind("(", start, slot.start)
    return (opened > text.rfind(")", start, slot.start) and any(c.isalnum() for c in text[start:opened])
            and ")" in text[slot.end : trigger.start])


def _past_relative(text: str, relations: dict[Slot, Relation], trigger: Trigger) -> dict[Slot, Relation]:
    """`IAM, qui doit ce succès à sa filiale Mobisud, a réalisé…`: a name that closes the relative clause of a
    subject before it (a comma after it, then the verb) is no subject."""
    antecedent = next((s for s, r in relations.items() if r.label == "subj" and r.cue is None and s.end <= trigger.start
                       and _RELATIVE_SUBJECT.match(text, s.end)), None)
    if antecedent is None:
        return relations
    return {s: Relation("other", r.start) if r.label == "subj" and antecedent.end < s.start and s.end <= trigger.start
            and text[s.end : trigger.start].lstrip().startswith(",") else r for s, r in relations.items()}


def _nearest_subject(relations: dict[Slot, Relation], trigger: Trigger) -> dict[Slot, Relation]:
    """Only the subject nearest before the trigger (with those coordinated with it) stays a subject."""
    before = [s for s in sorted(relations, key=lambda s: s.start) if s.end <= trigger.start]
    keep: list[Slot] = []
    for slot in reversed(before):
        if relations[slot].label == "subj" and (not keep or relations[keep[-1]].joined):
            keep.append(slot)
        elif keep:
            break
    return {s: r if r.label != "subj" or s in keep else Relation("other", r.start) for s, r in relations.items()}


class ParseRelations:
    """Relations from spaCy's dependency parse of the trigger's clause, parsed by a second, parser-only pipe
    (``tok2vec`` + ``parser``): `nsubj`/`nsubj:pass` subject, `obj` object, `obl:agent` agent, other dependents by
    their case marker (`auprès de`, `à`, `de`…). A conjunct shares its head's relation; the subject of the verb
    that governs a nominal trigger is its subject; a relative or participial clause on a name relates it through
    the relative pronoun (`que` object, `qui` subject) or as the participle's subject."""

    def __init__(self, nlp: Language, cues: Mapping[str, str]) -> None:
        self.nlp = nlp
        self.canonical = {cue.replace("’", "'"): canon for cue, canon in cues.items()}
        self._parsed: list[tuple[Span, Any]] = []

    def prepare(self, text: str, sentences: Sequence[Span]) -> None:
        """Parse the sentences that hold a trigger, in one batch (``nlp.pipe``)."""
        docs = self.nlp.pipe(text[start:end] for start, end in sentences)
        self._parsed = list(zip(sentences, docs))

    def parse(self, text: str, scope: Span) -> tuple[int, Any]:
        """The parsed sentence holding ``scope`` and its offset (the scope alone when it was not prepared)."""
        for (start, end), doc in self._parsed:
            if start <= scope[0] and scope[1] <= end:
                return start, doc
        return scope[0], self.nlp(text[scope[0] : scope[1]])

    def __call__(self, text: str, scope: Span, trigger: Trigger, slots: Sequence[Slot]) -> dict[Slot, Relation]:
        offset, doc = self.parse(text, scope)
        head = doc.char_span(trigger.start - offset, trigger.end - offset, alignment_mode="expand")
        if head is None:
            return {}
        relations = {}
        for slot in slots:
            span = doc.char_span(slot.start - offset, slot.end - offset, alignment_mode="expand")
            if span is not None:
                relations[slot] = self.relation(span, head.root, slot.start, getattr(trigger, "voice", "") == "noun")
        return _nearest_subject(relations, trigger)

    def relation(self, span, trigger: Token, start: int, nominal: bool) -> Relation:
        """The relation of the mention ``span`` to the trigger token."""
        if trigger.dep_ in ("acl:relcl", "acl") and span.start <= trigger.head.i < span.end:
            pronoun = next((c for c in trigger.children if c.lower_ in ("que", "qu'", "qu’")), None)
            if pronoun is not None:
                return Relation("obj", start)
            return Relation("subj", start)
        path = [span.root]
        while path[-1].head.i != path[-1].i and path[-1].head.i != trigger.i and len(path) < 12:
            path.append(path[-1].head)
        below = path[-1]
        if below.head.i == trigger.i and below.i != trigger.i:
            if below.dep_ == "conj" or below.dep_ == "appos":
                below = below.head if below.head.i != trigger.i else below
            return self.label(below, path, start)
        verb = trigger.head  # a nominal trigger: the subject of its verb is its subject
        if nominal and any(t.head.i == verb.i and t.dep_ == "nsubj" for t in path):
            return Relation("subj", start)
        return Relation("other", start)

    def label(self, token: Token, path: list, start: int) -> Relation:
        dep = token.dep_
        if dep in ("nsubj", "nsubj:pass"):
            return Relation("subj", start)
        if dep == "obl:agent":
            return Relation("agent", start, "par")
        if dep == "acl" and len(path) > 1 and path[-2].dep_ == "obl:agent":
            return Relation("prep", start, self.canonical.get(f"{token.text.lower()} par", "par"))
        mention = path[0]
        case = next((c for c in mention.children if c.dep_ == "case" and c.i < mention.i), None)
        case = case or next((c for c in token.children if c.dep_ == "case" and c.i < token.i), None)
        if case is not None:
            return Relation("prep", start, self.cue_at(case))
        return Relation("obj" if dep == "obj" else "other", start)

    def cue_at(self, case: Token) -> str:
        """The case marker as a cue, with the words before it that make a longer known cue (`auprès` `d'`)."""
        doc = case.doc
        best = case.lower_.replace("’", "'")
        for first in range(max(case.i - 3, 0), case.i):
            words = doc[first : case.i + 1].text.lower().replace("’", "'").replace("' ", "'")
            if words in self.canonical:
                best = words
                break
        return self.canonical.get(best, best)
