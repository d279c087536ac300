"""The extractor: one spaCy pass per article, then one extractor per fact type."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from extract.reader import Article


class Extractor:
    """Loads the pipeline and rules once; turns articles into output records (dicts)."""

    def __init__(self) -> None:
        raise NotImplementedError  # being written

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[dict]:
        """Yield one record per article, in input order."""
        raise NotImplementedError
