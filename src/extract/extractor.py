"""The extractor: articles in, output records out, through one spaCy pipeline loaded once."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cached_property

from spacy.language import Language

from extract.cache import ResultCache
from extract.pipeline import FACT_TYPES, build_nlp
from extract.reader import Article


def assemble(article: Article, facts: dict) -> dict:
    """One output record: the article's identity, its title and the six lists of facts."""
    return {
        "id": article.id,
        "source": article.source,
        "sha256": article.sha256,
        "title": facts["title"],
        **{kind: facts[kind] for kind in FACT_TYPES},
    }


class Extractor:
    """Turns articles into output records; the pipeline is loaded once, and only if some article needs it."""

    def __init__(self, nlp: Language | None = None, cache: bool | ResultCache = False) -> None:
        if nlp is not None:
            self.nlp = nlp
        self.cache = ResultCache() if cache is True else cache or None

    @cached_property
    def nlp(self) -> Language:
        return build_nlp()

    def _cached(self, article: Article) -> dict | None:
        return self.cache.get(article.sha256) if self.cache else None

    def pipe(self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1) -> Iterator[dict]:
        """Yield one record per article, in input order, streaming."""
        articles = iter(articles)
        for article in articles:
            facts = self._cached(article)
            if facts is None:
                yield from self._run(itertools.chain([article], articles), batch_size, n_process)
                return
            yield assemble(article, facts)

    def _run(self, articles: Iterator[Article], batch_size: int, n_process: int) -> Iterator[dict]:
        """Run the pipeline; a cached article passes through as an empty text, so order is kept."""

        def texts() -> Iterator[tuple[str, tuple[Article, dict | None]]]:
            for article in articles:
                facts = self._cached(article)
                yield ("" if facts else article.text), (article, facts)

        docs = self.nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (article, facts) in docs:
            if facts is None:
                facts = doc._.facts
                if self.cache:
                    self.cache.put(article.sha256, facts)
            yield assemble(article, facts)
