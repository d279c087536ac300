"""Benchmark: the extractor against bare spaCy on the same texts, cache, parallelism and memory.

Builds a deterministic corpus by recombining paragraphs of the seeds and the dev articles,
then prints a table and writes ``bench/results.json``. Not a test: it prints figures.

    python bench/bench.py [--articles 2000] [--small 500]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT / "tests" / "dev" / "articles"]


def paragraphs() -> list[str]:
    """Every non-empty paragraph of the source articles, in a fixed order."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return found


def build_corpus(folder: Path, count: int, seed: int = 42) -> list[Path]:
    """``count`` articles of 4 to 10 paragraphs each, the same for the same seed."""
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = "\n\n".join(rng.sample(pool, rng.randint(4, 10)))
        path = folder / f"{i:05d}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of ``python -m extract ARGS`` in a fresh process."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "extract", *args], env=env, capture_output=True, text=True
    )
    seconds, rss, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"extract {' '.join(args)} exited {code}")
    return float(seconds), int(rss)


def micro_f1(nlp) -> float:
    """Micro F1 of the extractor built on ``nlp`` over the seeds' and dev set's gold."""
    from extract.extractor import Extractor
    from extract.gold import load_gold_dir
    from extract.reader import read_article
    from extract.scoring import score_article, totals

    scores = []
    for gold_dir, corpus in ((ROOT / "gold", ROOT / "seeds"), (ROOT / "tests/dev/gold", ROOT / "tests/dev/articles")):
        golds = {g["id"]: g for g in load_gold_dir(gold_dir)}
        articles = [read_article(corpus / f"{gid}.txt") for gid in golds]
        for record in Extractor(nlp=nlp).pipe(articles):
            scores.append(score_article(record, golds[record["id"]]))
    return totals(scores)["micro"].f1


def event_costs(nlp_ext, articles: list) -> dict:
    """What events cost, by way of reading roles: word order and cues on the NER-only doc (the extractor's way) or a
    parser-only second pipe over the sentences holding a trigger; against the NER-only and the full model's pipe;
    and the events micro F1 each way gives on the gold records that have events (seeds and dev set)."""
    import spacy

    from extract.chrome import analyse
    from extract.event_scoring import event_totals, match_events
    from extract.events import EventFinder, load_event_rules
    from extract.extractor import Extractor
    from extract.gold import load_gold_dir
    from extract.pipeline import MODEL, UNUSED_COMPONENTS
    from extract.reader import read_article
    from extract.relations import ParseRelations

    texts = [a.text for a in articles]
    ner = spacy.load(MODEL, exclude=UNUSED_COMPONENTS)
    full = spacy.load(MODEL)
    parser = spacy.load(MODEL, exclude=[c for c in full.pipe_names if c not in ("tok2vec", "parser")])
    readers = {"surface": EventFinder(nlp_ext), "parse": EventFinder(nlp_ext, ParseRelations(parser, load_event_rules().cues))}
    ner_s, docs = timed(lambda: list(ner.pipe(texts, batch_size=32)))
    full_s, _ = timed(lambda: sum(1 for _ in full.pipe(texts, batch_size=32)))
    ext_s, records = timed(lambda: list(Extractor(nlp=nlp_ext).pipe(articles, batch_size=32)))
    chrome = [analyse(t).in_chrome for t in texts]
    stage = {name: timed(lambda f=finder: [f.find(d, r, c) for d, r, c in zip(docs, records, chrome)])[0]
             for name, finder in readers.items()}
    scored = {name: [] for name in readers}
    for gold_dir, corpus in ((ROOT / "gold", ROOT / "seeds"), (ROOT / "tests/dev/gold", ROOT / "tests/dev/articles")):
        golds = {g["id"]: g for g in load_gold_dir(gold_dir) if "events" in g}
        gold_articles = [read_article(corpus / f"{gid}.txt") for gid in golds]
        for record in Extractor(nlp=nlp_ext).pipe(gold_articles):
            doc = nlp_ext.make_doc(next(a.text for a in gold_articles if a.id == record["id"]))
            for name, finder in readers.items():
                predicted = {**record, "events": finder.find(doc, record, analyse(doc.text).in_chrome)}
                scored[name].append(match_events(predicted, golds[record["id"]]))
    with_parse = ext_s - stage["surface"] + stage["parse"]
    return {
        "articles": len(texts),
        "stage_s_surface": round(stage["surface"], 2),
        "stage_s_parse_pass": round(stage["parse"], 2),
        "stage_share_of_extractor": round(stage["surface"] / ext_s, 3),
        "extractor_over_ner_only_pipe": round(ext_s / ner_s, 3),
        "extractor_over_full_model": round(ext_s / full_s, 3),
        "with_parse_pass_over_ner_only_pipe": round(with_parse / ner_s, 3),
        "with_parse_pass_over_full_model": round(with_parse / full_s, 3),
        "full_model_extractor_over_full_model": "> 1 (it runs the full model)",
        "micro_f1_surface": round(event_totals(scored["surface"])["micro"].f1, 4) if scored["surface"] else None,
        "micro_f1_parse": round(event_totals(scored["parse"])["micro"].f1, 4) if scored["parse"] else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--small", type=int, default=500)
    args = parser.parse_args()

    import spacy

    from extract.extractor import Extractor
    from extract.pipeline import MODEL, build_nlp
    from extract.reader import read_article

    corpus = ROOT / "bench" / "corpus"
    paths = build_corpus(corpus / "all", args.articles)
    small = corpus / "small"
    small.mkdir(parents=True, exist_ok=True)
    for path in paths[: args.small]:
        target = small / path.name
        if not target.exists():
            target.write_bytes(path.read_bytes())
    articles = [read_article(p) for p in paths]
    texts = [a.text for a in articles]
    n, w = len(texts), words(texts)
    print(f"corpus: {n} articles, {w} words", file=sys.stderr)

    results: dict[str, dict] = {}
    load_full, nlp_full = timed(lambda: spacy.load(MODEL))
    load_ext, nlp_ext = timed(build_nlp)
    results["load"] = {"bare_spacy_s": round(load_full, 2), "extractor_s": round(load_ext, 2)}

    bare_s, _ = timed(lambda: sum(1 for _ in nlp_full.pipe(texts, batch_size=32)))
    results["bare_spacy"] = {"seconds": bare_s}
    ext_s, _ = timed(lambda: sum(1 for _ in Extractor(nlp=nlp_ext).pipe(articles, batch_size=32)))
    results["extractor_jobs1"] = {"seconds": ext_s}
    ext2_s, _ = timed(lambda: sum(1 for _ in Extractor(nlp=nlp_ext).pipe(articles, batch_size=32, n_process=2)))
    results["extractor_jobs2"] = {"seconds": ext2_s}

    # What each component of the full model costs, timed one after the other on the same docs.
    docs = [nlp_full.make_doc(t) for t in texts[:500]]
    components = {}
    for name, proc in nlp_full.pipeline:
        seconds, docs = timed(lambda proc=proc, docs=docs: list(proc.pipe(docs, batch_size=32)))
        components[name] = round(seconds, 2)
    total = sum(components.values())
    results["component_seconds_500_articles"] = {
        **components, "total": round(total, 2), "used_by_extractor": ", ".join(n for n in nlp_ext.pipe_names)
    }
    results["accuracy"] = {
        "micro_f1_full_model": round(micro_f1(build_nlp(exclude=[])), 4),
        "micro_f1_ner_only": round(micro_f1(nlp_ext), 4),
    }

    results["events"] = event_costs(nlp_ext, articles[: args.small])

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        cold_s, _ = run_cli([str(corpus / "all"), "-o", str(Path(cache) / "out.jsonl"), "--no-progress"], env)
        warm_s, _ = run_cli([str(corpus / "all"), "-o", str(Path(cache) / "out.jsonl"), "--no-progress"], env)
        _, rss_small = run_cli([str(small), "-o", str(Path(cache) / "s.jsonl"), "--no-cache", "--no-progress"], env)
        _, rss_all = run_cli([str(corpus / "all"), "-o", str(Path(cache) / "a.jsonl"), "--no-cache", "--no-progress"], env)
    results["cache"] = {"cold_cli_s": round(cold_s, 2), "warm_cli_s": round(warm_s, 2), "ratio": round(warm_s / cold_s, 3)}
    results["peak_rss_mib"] = {str(args.small): round(rss_small / 1024), str(n): round(rss_all / 1024)}

    for key in ("bare_spacy", "extractor_jobs1", "extractor_jobs2"):
        seconds = results[key]["seconds"]
        results[key] = {"seconds": round(seconds, 2), "articles_per_s": round(n / seconds, 1), "words_per_s": round(w / seconds)}
    results["ratios"] = {
        "extractor_jobs1_over_bare_time": round(ext_s / bare_s, 3),
        "jobs2_speedup_over_jobs1": round(ext_s / ext2_s, 2),
        "rss_growth_500_to_all": round(rss_all / rss_small - 1, 3),
    }
    results["corpus"] = {"articles": n, "words": w}

    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"{'measure':<48}{'value':>16}")
    for section, values in results.items():
        for key, value in values.items():
            print(f"{section + '.' + key:<48}{value!s:>16}")


if __name__ == "__main__":
    main()
