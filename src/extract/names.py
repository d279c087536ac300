"""Organisations and people: spaCy's entities corrected by rules.

Candidates (``name_candidates``) are classified (``name_kinds``); organisation mentions are
merged into facts (``organisations``), then people (``people``), whose short forms may turn out
to be an organisation's. This module only wires the stages together.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.chrome import Layout
from extract.facts import Span
from extract.name_candidates import CandidateFinder, Mention
from extract.name_evidence import NameEvidence
from extract.name_kinds import NameClassifier
from extract.name_lexicon import NameLexicon
from extract.organisations import OrgMerger, org_record, repeat_mentions
from extract.people import longest_first, merge_people, person_record, shared_surnames
from extract.rules import Rules


class NameFinder:
    """Finds organisations and people in a doc; its matcher and lexicons are built once."""

    def __init__(self, nlp_vocab: Vocab, rules: Rules, is_city: Callable[[str], bool]) -> None:
        self.lex = NameLexicon(rules)
        self.candidates = CandidateFinder(nlp_vocab, rules.name_patterns, self.lex, is_city)
        self.classifier = NameClassifier(self.lex, is_city)
        self.orgs = OrgMerger(self.lex, is_city)
        self.evidence = NameEvidence(self.lex, is_city)

    def find(self, doc: Doc, text: str, layout: Layout) -> tuple[list[dict], list[dict], list[Span]]:
        """Organisations and people of ``doc`` (whose text is ``text``: spaCy rebuilds ``doc.text`` at each
        access) as output facts, and the spans of organisation names."""
        kinds: dict[str, list[Mention]] = {"ORG": [], "PER": [], "MISC": []}
        for cand in self.candidates.find(doc, text, layout):
            kind = self.classifier.kind(text, cand)
            if kind is not None:
                kinds[kind].append((cand, text[cand.start : cand.end].replace("\n", " ")))  # a name over a soft line break
        self.evidence.revise(text, kinds)
        org_facts = self.orgs.merge(text, kinds["ORG"])
        # a person's form that is an organisation's joins it, full names first
        people = self.orgs.absorb(org_facts, longest_first(kinds["PER"]))
        person_facts = merge_people(people, kinds["MISC"], self.lex.particles)
        shared_surnames(text, person_facts, self.lex.first_names)
        self.orgs.absorb(org_facts, kinds["MISC"])
        repeat_mentions(text, org_facts, [s for f in person_facts for s in f.mentions], layout.in_chrome,
                        self.lex.stopwords)
        org_spans = [span for fact in org_facts for span in fact.mentions]
        return (
            [org_record(f) for f in org_facts],
            [person_record(text, f, self.lex.stopwords) for f in person_facts],
            org_spans,
        )
