"""The extractor: articles in, output records out, through one spaCy pipeline loaded once."""
from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cached_property
from typing import NamedTuple

from spacy.language import Language

from extract.cache import ResultCache
from extract.facts import FACT_TYPES
from extract.metadata import METADATA_FIELDS
from extract.pipeline import build_nlp
from extract.reader import Article
from extract.textmap import for_matching, remap_facts


OnError = Callable[[Article, str], None]


class ExtractionError(Exception):
    """The extraction of one article failed."""


def assemble(article: Article, facts: dict) -> dict:
    """One output record: the article's identity, title and metadata, the six lists of facts and the events."""
    metadata = facts.get("metadata", {})
    return {
        "id": article.id,
        "source": article.source,
        "sha256": article.sha256,
        "title": facts["title"],
        **{field: metadata.get(field) for field in METADATA_FIELDS},
        **{kind: facts[kind] for kind in FACT_TYPES},
        "events": facts["events"],
    }


def facts_of(nlp: Language, texts: list[str]) -> list[dict]:
    """The facts of each text, read through its matching form (NFC, ``\\n``) with offsets mapped back."""
    matching = [for_matching(text) for text in texts]
    return [remap_facts(doc._.facts, m) for doc, m in zip(nlp.pipe(m.text for m in matching), matching)]


class Extractor:
    """Turns articles into output records; the pipeline is loaded once, and only if some article needs it."""

    def __init__(
        self, nlp: Language | None = None, cache: bool | ResultCache = False, on_load: Callable[[], None] | None = None
    ) -> None:
        if nlp is not None:
            self.nlp = nlp
        self.cache = ResultCache() if cache is True else cache or None
        self.on_load = on_load

    @cached_property
    def nlp(self) -> Language:
        """The pipeline, loaded on first use (``on_load`` is called just before, to say so)."""
        if self.on_load is not None:
            self.on_load()
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
        dask: str | None = None,
    ) -> Iterator[dict]:
        """Yield one record per article, in input order, streaming.

        Cached articles never reach the pipeline, which is loaded only for the first one that must.
        With ``n_process`` > 1, batches go to that many worker processes, at most two batches ahead
        per worker, so memory stays flat. An article whose extraction fails is passed to ``on_error``
        with the reason and left out; without ``on_error``, ExtractionError is raised. With ``dask`` (a
        scheduler address, or ``local:N``), batches run on that Dask cluster instead (see extract.distributed).
        """
        batches = _batched(((a, self._cached(a)) for a in articles), batch_size)
        if dask is not None:
            results = self._on_dask(batches, dask)
        elif n_process > 1:
            results = self._parallel(batches, n_process)
        else:
            results = ((b, self.extract_batch(b)) for b in batches)
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
        todo = [article.text for article, facts in batch if facts is None]
        return self._merge(batch, facts_of(self.nlp, todo) if todo else [])

    def _merge(self, batch: list[tuple[Article, dict | None]], computed_list: list[dict]) -> list[dict]:
        """The facts of a batch: the cached ones, and the computed ones in order (which are then cached)."""
        computed = iter(computed_list)
        out = []
        for article, facts in batch:
            if facts is None:
                facts = next(computed)
                if self.cache and "error" not in facts:
                    self.cache.put(article.sha256, facts)
            out.append(facts)
        return out

    def _on_dask(self, batches: Iterator[list], address: str) -> Iterator[tuple[list, list[dict]]]:
        """Run the uncached articles of each batch on a Dask cluster; cache and merge here, in order."""
        from extract.distributed import Cluster

        with Cluster(address) as cluster:
            jobs = ((batch, [article.text for article, facts in batch if facts is None]) for batch in batches)
            for batch, computed in cluster.map_in_order(jobs):
                yield batch, self._merge(batch, computed)

    def _parallel(self, batches: Iterator[list], n_process: int) -> Iterator[tuple[list, list[dict]]]:
        """Run batches in worker processes, in order, with a bounded number in flight.

        A worker that dies (killed, out of memory, a crash in native code) breaks the pool: a new one is started
        and the batches that were in flight are sent again one at a time, so a death costs a retry, never a
        record. A batch whose worker dies while it runs alone is split into its articles, and an article whose
        worker dies twice while it runs alone is reported as failed.
        """
        global _WORKER
        forking = "fork" in multiprocessing.get_all_start_methods()
        if forking:
            self.nlp  # load once here; forked workers share it
            _WORKER = self
        context = multiprocessing.get_context("fork" if forking else "spawn")
        initializer = None if forking else _init_worker

        def new_pool() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(n_process, mp_context=context, initializer=initializer)

        jobs = (_Job(batch) for batch in batches)
        suspects: deque[_Job] = deque()  # jobs in flight at a death, in order, to run alone before any new one
        pending: deque[tuple[_Job, Future]] = deque()
        pool = new_pool()
        try:
            while True:
                if suspects and not pending:
                    job = suspects.popleft()
                    pending.append((job, _submit(pool, job)))
                while not suspects and len(pending) < 2 * n_process and not (pending and pending[0][0].alone) and (
                        job := next(jobs, None)):
                    pending.append((job, _submit(pool, job)))
                if not pending:
                    return
                job, future = pending.popleft()
                try:
                    facts = future.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
                    again = _blamed(job) if job.alone else [job, *(j for j, _ in pending)]
                    suspects.extendleft(reversed([j._replace(alone=True) for j in again]))
                    pending.clear()
                    continue
                yield job.batch, facts
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


class _Job(NamedTuple):
    """A batch for the workers; ``alone`` once it was in flight at a worker's death, ``deaths`` while alone."""

    batch: list
    alone: bool = False
    deaths: int = 0


WORKER_DIED = "its worker process died twice while extracting it alone"


def _blamed(job: _Job) -> list[_Job]:
    """A job whose worker died while it ran alone: its articles one by one, or the article once more."""
    if len(job.batch) > 1:
        return [_Job([item]) for item in job.batch]
    return [job._replace(deaths=job.deaths + 1)]


def _submit(pool: ProcessPoolExecutor, job: _Job) -> Future:
    """The job sent to the pool, or, for an article that killed its worker twice, its failure."""
    if job.deaths < 2:
        return pool.submit(_work, job.batch)
    failed: Future = Future()
    failed.set_result([{"error": WORKER_DIED}])
    return failed


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
