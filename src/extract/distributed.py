"""Extraction on a Dask cluster: batches of texts go to the workers, results come back in input order.

Each worker process loads the pipeline once, on its first batch. The client keeps at most a few batches
per worker in flight, so its memory stays flat however long the input. A worker that dies mid-batch loses
nothing: the scheduler runs its batches again on another worker (up to ``distributed.scheduler.
allowed-failures`` times, 3 by default). The result cache and the output file stay on the client.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator
from typing import TypeVar

Key = TypeVar("Key")
LOCAL = "local:"
IN_FLIGHT_PER_WORKER = 2

_lock = threading.Lock()
_nlp = None


def extract_texts(texts: list[str]) -> list[dict]:
    """On a worker: the facts of each text, by this process's pipeline (loaded on the first call)."""
    global _nlp
    with _lock:  # a worker with several threads still loads one pipeline, and runs one batch at a time
        if _nlp is None:
            from extract.pipeline import build_nlp

            _nlp = build_nlp()
        from extract.extractor import facts_of

        return facts_of(_nlp, texts)


def parse_address(address: str) -> int | None:
    """The number of local workers asked by ``local:N``, or None for the address of an existing scheduler."""
    if not address.startswith(LOCAL):
        return None
    count = address[len(LOCAL) :]
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"--dask {address}: expected local:N with N ≥ 1 worker processes, or a scheduler address")
    return int(count)


class Cluster:
    """A Dask client on an existing scheduler, or on a LocalCluster of N worker processes it starts and stops."""

    def __init__(self, address: str) -> None:
        from dask.distributed import Client, LocalCluster

        workers = parse_address(address)
        self.local = None
        if workers is not None:
            self.local = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.CRITICAL
            )
        try:
            self.client = Client(self.local or address, timeout="30s")
        except BaseException as err:
            if self.local is not None:
                self.local.close()
            if isinstance(err, OSError):  # includes timeouts
                raise ConnectionError(f"cannot reach the Dask scheduler at {address}: {err}") from err
            raise

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()

    def workers(self) -> int:
        """How many workers the scheduler has now (at least 1, so that work is submitted while they join)."""
        return max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

    def map_in_order(self, jobs: Iterator[tuple[Key, list[str]]]) -> Iterator[tuple[Key, list[dict]]]:
        """For each (key, texts), yield (key, facts of the texts), in input order, with a bounded number of
        batches in flight; a batch without texts (all cached) does not go to the cluster."""
        limit = IN_FLIGHT_PER_WORKER * self.workers()
        pending: deque = deque()
        for key, texts in jobs:
            future = self.client.submit(extract_texts, texts, pure=False, retries=1) if texts else None
            pending.append((key, future))
            while len(pending) >= limit or (pending and pending[0][1] is None):
                yield self._result(*pending.popleft())
        while pending:
            yield self._result(*pending.popleft())

    @staticmethod
    def _result(key: Key, future) -> tuple[Key, list[dict]]:
        return key, future.result() if future is not None else []
