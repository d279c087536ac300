"""The extractor: articles in, output records out, through one spaCy pipeline loaded once."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

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
    """Loads the pipeline and rules once; turns articles into output records (dicts)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or build_nlp()

    def pipe(self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1) -> Iterator[dict]:
        """Yield one record per article, in input order."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield assemble(article, doc._.facts)
