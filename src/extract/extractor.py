"""The extractor: articles in, output records out, through one spaCy pipeline loaded once."""
from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property

from spacy.language import Language

from extract.cache import ResultCache
from extract.facts import FACT_TYPES
from extract.pipeline import build_nlp
from extract.reader import Article


OnError = Callable[[Article, str], None]


class ExtractionError(Exception):
    """The extraction of one article failed."""


def assemble(article: Article, facts: dict) -> dict:
    """One output record: the article's identity, its title, the six lists of facts and the events."""
    return {
        "id": article.id,
        "source": article.source,
        "sha256": article.sha256,
        "title": facts["title"],
        **{kind: facts[kind] for kind in FACT_TYPES},
        "events": facts["events"],
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

        Cached articles never reach the pipeline, which is loaded only for the first one that must.
        With ``n_process`` > 1, batches go to that many worker processes, at most two batches ahead
        per worker, so memory stays flat. An article whose extraction fails is passed to ``on_error``
        with the reason and left out; without ``on_error``, ExtractionError is raised.
        """
        batches = _batched(((a, self._cached(a)) for a in articles), batch_size)
        results = self._parallel(batches, n_process) if n_process > 1 else ((b, self.extract_batch(b)) for b in batches)
        for batch, facts_list in results:
            for (article, _), facts in zip(batch, facts_list):
                if "error" in facts:
                    if on_error is None:
                        raise ExtractionError(f"{article.source}: {facts['error']}")
                    on_error(article, facts["error"])
                    continue
                yield assemble(article, facts)

    def extract_batch(self, batch: list[tuple[Article, dict | None]]) -> list[dict]:
        """Facts for each article of a batch: from the cache, or from the pipeline (then cached)."""
        todo = [article for article, facts in batch if facts is None]
        computed = iter([doc._.facts for doc in self.nlp.pipe(a.text for a in todo)] if todo else [])
        out = []
        for article, facts in batch:
            if facts is None:
                facts = next(computed)
                if self.cache and "error" not in facts:
                    self.cache.put(article.sha256, facts)
            out.append(facts)
        return out

    def _parallel(self, batches: Iterator[list], n_process: int) -> Iterator[tuple[list, list[dict]]]:
        """Run batches in worker processes, in order, with a bounded number in flight."""
        global _WORKER
        forking = "fork" in multiprocessing.get_all_start_methods()
        if forking:
            self.nlp  # load once here; forked workers share it
            _WORKER = self
        context = multiprocessing.get_context("fork" if forking else "spawn")
        initializer = None if forking else _init_worker
        with context.Pool(n_process, initializer=initializer) as pool:
            pending: deque = deque()
            for batch in batches:
                pending.append((batch, pool.apply_async(_work, (batch,))))
                if len(pending) >= 2 * n_process:
                    done, result = pending.popleft()
                    yield done, result.get()
            while pending:
                done, result = pending.popleft()
                yield done, result.get()


_WORKER: Extractor | None = None


def _init_worker() -> None:
    """In a spawned worker: build the extractor once (a forked worker inherits its parent's)."""
    global _WORKER
    _WORKER = Extractor()


def _work(batch: list[tuple[Article, dict | None]]) -> list[dict]:
    """A worker's job: the facts of one batch."""
    assert _WORKER is not None
    return _WORKER.extract_batch(batch)


def _batched(items: Iterator, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
