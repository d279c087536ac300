"""``--dask``: the same records as ``--jobs 1`` from a real LocalCluster of two worker processes; a worker
killed mid-run costs a retry, never a record; bad articles are still reported and skipped."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_article
from extract.extractor import Extractor

distributed = pytest.importorskip("dask.distributed")

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 600


def paragraphs() -> list[str]:
    """The seeds' paragraphs: real press text, cut small so that many batches are in flight."""
    found = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    return found


def extract(cache: Path, *args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True,
                          env={**os.environ, "XDG_CACHE_HOME": str(cache)}, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, as ``--dask local:2`` starts them."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as local, distributed.Client(local) as client:
        yield local, client


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Twelve short articles, with a binary and an empty file among them."""
    folder = tmp_path_factory.mktemp("dask") / "in"
    folder.mkdir()
    for i, text in enumerate(paragraphs()[:12]):
        (folder / f"{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "05b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "07b_empty.txt").write_bytes(b"")
    return folder


def test_local_cluster_gives_the_same_bytes_as_one_process(tmp_path: Path, articles: Path) -> None:
    one = extract(tmp_path / "c1", articles, "--jobs", "1", "--no-cache", "--no-progress")
    dask = extract(tmp_path / "c2", articles, "--dask", "local:2", "--batch-size", "2", "--no-cache", "--no-progress")
    assert one.returncode == dask.returncode == 1, dask.stderr.decode()  # 1: some articles were skipped
    assert dask.stdout == one.stdout and one.stdout.count(b"\n") == 12
    for run in (one, dask):
        stderr = run.stderr.decode()
        assert "05b_binary.txt" in stderr and "binary" in stderr and "07b_empty.txt" in stderr, stderr
        assert "12 article(s) extracted; 2 skipped" in stderr and "Traceback" not in stderr


def test_existing_scheduler_with_the_cache_on_the_client(tmp_path: Path, articles: Path, cluster) -> None:
    local, _ = cluster
    out, cache = tmp_path / "out.jsonl", tmp_path / "cache"
    cold = extract(cache, articles, "--dask", local.scheduler_address, "-o", out, "--no-progress")
    assert cold.returncode == 1, cold.stderr.decode()
    written = out.read_bytes()
    assert written.count(b"\n") == 12
    # the workers know nothing of this cache folder: its entries were written by the client
    assert len(list((cache / "extract").glob("*/*.json"))) == 12
    out.unlink()
    warm = extract(cache, articles, "--dask", local.scheduler_address, "-o", out, "--no-progress")
    assert warm.returncode == 1 and out.read_bytes() == written


def test_a_killed_worker_costs_a_retry_never_a_record(cluster) -> None:
    local, client = cluster
    texts = paragraphs()[:16]
    articles = [make_article(text, f"a{i:02d}") for i, text in enumerate(texts)]
    records = Extractor().pipe(articles, batch_size=1, dask=local.scheduler_address)
    first = next(records)  # the pipeline is loaded, and the next batches are in flight or done on the workers
    # the worker that runs or holds the most of them dies: its batches must be computed again elsewhere
    held = {w: len(tasks) + len(client.has_what().get(w, ())) for w, tasks in client.processing().items()}
    victim = max(held, key=held.get)
    assert held[victim], "no batch in flight to interrupt"
    os.kill(client.run(os.getpid)[victim], signal.SIGKILL)
    got = [first, *records]
    assert victim not in client.scheduler_info(n_workers=-1)["workers"], "the worker did not die during the run"
    assert [r["id"] for r in got] == [a.id for a in articles]
    assert got == list(Extractor(nlp=_local_nlp()).pipe(articles))


def _local_nlp():
    from extract.pipeline import build_nlp

    return build_nlp()


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_malformed_address_is_a_usage_error(tmp_path: Path, articles: Path, address: str) -> None:
    run = extract(tmp_path, articles, "--dask", address)
    assert run.returncode == 2 and b"local:N" in run.stderr and not run.stdout


def test_dask_with_jobs_is_a_usage_error(tmp_path: Path, articles: Path) -> None:
    run = extract(tmp_path, articles, "--dask", "local:2", "--jobs", "2")
    assert run.returncode == 2 and b"either --jobs or --dask" in run.stderr
