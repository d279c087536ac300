"""The extractor: articles in, output records out, through one spaCy pipeline loaded once."""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property

from spacy.language import Language

from extract.cache import ResultCache
from extract.pipeline import FACT_TYPES, build_nlp
from extract.reader import Article


OnError = Callable[[Article, str], None]


class ExtractionError(Exception):
    """The extraction of one article failed."""


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
        """The cached facts of an article, or None."""
        return self.cache.get(article.sha256) if self.cache else None

    def pipe(
        self,
        articles: Iterable[Article],
        batch_size: int = 32,
        n_process: int = 1,
        on_error: OnError | None = None,
    ) -> Iterator[dict]:
        """Yield one record per article, in input order, streaming.

        An article whose extraction fails is passed to ``on_error`` with the reason and left out;
        without ``on_error``, ExtractionError is raised.
        """
        articles = iter(articles)
        for article in articles:
            facts = self._cached(article)
            if facts is None:
                yield from self._run(itertools.chain([(article, None)], ((a, self._cached(a)) for a in articles)),
                                     batch_size, n_process, on_error)
                return
            yield assemble(article, facts)

    def _run(
        self,
        pairs: Iterator[tuple[Article, dict | None]],
        batch_size: int,
        n_process: int,
        on_error: OnError | None,
    ) -> Iterator[dict]:
        """Run the pipeline; a cached article passes through as an empty text, so order is kept."""
        texts = (("" if facts is not None else article.text, (article, facts)) for article, facts in pairs)
        docs = self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (article, facts) in docs:
            if facts is None:
                facts = doc._.facts
                if "error" in facts:
                    if on_error is None:
                        raise ExtractionError(f"{article.source}: {facts['error']}")
                    on_error(article, facts["error"])
                    continue
                if self.cache:
                    self.cache.put(article.sha256, facts)
            yield assemble(article, facts)
