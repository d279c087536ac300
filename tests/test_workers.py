"""``--jobs``: a worker process that dies mid-batch costs a retry, never a record, and never hangs the run."""
from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from conftest import make_article

from extract.extractor import WORKER_DIED, Extractor

if "fork" not in multiprocessing.get_all_start_methods():
    pytest.skip("the killing worker is patched into forked workers", allow_module_level=True)

TEXTS = [
    f"La société Atlas Soins {n} a investi {10 + n} millions de dirhams à Fès en 2021, a annoncé Mme Salma Idrissi."
    for n in range(9)
]
KILLER = "Le groupe Rif Santé a levé 45 millions de dirhams à Oujda."


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def expected(extractor: Extractor) -> list[dict]:
    return list(extractor.pipe([make_article(t, f"a{n}") for n, t in enumerate(TEXTS)], batch_size=2))


def killing(monkeypatch: pytest.MonkeyPatch, dies) -> None:
    """Make a worker kill itself (SIGKILL, as the kernel's out-of-memory killer does) where ``dies(batch)``."""
    parent, extract_batch = os.getpid(), Extractor.extract_batch

    def extract_or_die(self: Extractor, batch: list) -> list[dict]:
        if os.getpid() != parent and dies(batch):
            os.kill(os.getpid(), signal.SIGKILL)
        return extract_batch(self, batch)

    monkeypatch.setattr(Extractor, "extract_batch", extract_or_die)


def test_a_worker_killed_once_costs_a_retry_never_a_record(
    extractor: Extractor, expected: list[dict], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    flag = tmp_path / "killed"

    def once_on_the_fourth_article(batch: list) -> bool:
        if any(article.id == "a4" for article, _ in batch) and not flag.exists():
            flag.touch()
            return True
        return False

    killing(monkeypatch, once_on_the_fourth_article)
    articles = [make_article(t, f"a{n}") for n, t in enumerate(TEXTS)]
    failed: list = []
    records = list(extractor.pipe(articles, batch_size=2, n_process=2, on_error=lambda a, why: failed.append(a)))
    assert flag.exists(), "no worker was killed"
    assert failed == []
    assert records == expected  # each article once, in order, with the facts of one process


def test_an_article_that_always_kills_its_worker_is_reported_and_the_others_come_out(
    extractor: Extractor, expected: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    killing(monkeypatch, lambda batch: any(article.text == KILLER for article, _ in batch))
    articles = [make_article(t, f"a{n}") for n, t in enumerate(TEXTS)]
    articles.insert(5, make_article(KILLER, "killer"))
    failed: list[tuple[str, str]] = []
    records = list(extractor.pipe(articles, batch_size=2, n_process=2,
                                  on_error=lambda a, why: failed.append((a.id, why))))
    assert failed == [("killer", WORKER_DIED)]
    assert records == expected
