"""Benchmark: the extractor against bare spaCy on the same texts, cache, parallelism and memory.

Builds a deterministic corpus by recombining paragraphs of the seeds and the dev articles,
then prints a table and writes ``bench/results.json``. Not a test: it prints figures.
Start-up and memory are measured on whole processes against a bare NER-only spaCy process,
throughput against the NER-only model's ``nlp.pipe`` on the same texts, with each stage's share.

    python bench/bench.py [--articles 2000] [--small 500]
    python bench/bench.py --pipe-only --small 300 [--repeat 3]   # the pipe ratio and stage shares alone (~1 min)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
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


def cpu_timed(func) -> tuple[float, object]:
    """CPU seconds of this process (all threads) spent in ``func``: steadier than wall time on a shared machine."""
    start = time.process_time()
    result = func()
    return time.process_time() - start, result


def run_process(command: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall time, peak RSS (KiB) and CPU time of ``command`` in a fresh process (its children included).
    CPU time is what a shared machine disturbs least."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(time.perf_counter() - t, u.ru_maxrss, u.ru_utime + u.ru_stime, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], env=env, capture_output=True, text=True)
    seconds, rss, cpu, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return float(seconds), int(rss), float(cpu)


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of ``python -m extract ARGS`` in a fresh process."""
    return run_process([sys.executable, "-m", "extract", *args], env)[:2]


def bare_ner_program() -> str:
    """A bare process (it imports nothing of the extractor): the NER-only model loaded as the extractor loads
    it, and one nlp() call per file named in its arguments."""
    from extract.pipeline import MODEL, UNUSED_COMPONENTS

    return (
        f"import sys, spacy; nlp = spacy.load({MODEL!r}, exclude={UNUSED_COMPONENTS!r});"
        "[nlp(open(p, encoding='utf-8').read()) for p in sys.argv[1:]]"
    )


def start_up(files: list[Path], env: dict[str, str], out: Path, repeat: int = 3) -> dict:
    """Median wall time and peak RSS of the extractor CLI on ``files`` and of a bare NER-only process."""
    names = [str(f) for f in files]
    extract = [sys.executable, "-m", "extract", *names, "--no-cache", "--no-progress", "-o", str(out)]
    runs: dict[str, list[tuple[float, int, float]]] = {"bare": [], "ext": []}
    for _ in range(repeat):  # alternately, so that both see the same load
        runs["bare"].append(run_process([sys.executable, "-c", bare_ner_program(), *names], env))
        runs["ext"].append(run_process(extract, env))
    (bare_s, bare_kib, bare_cpu), (ext_s, ext_kib, ext_cpu) = (
        tuple(statistics.median(r[i] for r in runs[k]) for i in range(3)) for k in ("bare", "ext")
    )
    return {
        "bare_ner_s": round(bare_s, 2), "extractor_s": round(ext_s, 2), "extra_s": round(ext_s - bare_s, 2),
        "bare_ner_cpu_s": round(bare_cpu, 2), "extractor_cpu_s": round(ext_cpu, 2),
        "extra_cpu_s": round(ext_cpu - bare_cpu, 2),
        "bare_ner_mib": round(bare_kib / 1024), "extractor_mib": round(ext_kib / 1024),
        "extra_mib": round((ext_kib - bare_kib) / 1024),
        "time_target_met": ext_s <= bare_s + 1.0, "cpu_within_1s": ext_cpu <= bare_cpu + 1.0,
        "memory_target_met": ext_kib <= bare_kib + 150 * 1024,
    }


def stage_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds spent in each stage of the fact extractor over ``texts``: chrome (the pipeline module's
    ``analyse``, which runs in the tokenizer, before the model), every finder the component holds (an attribute
    with a ``find`` method, named as the attribute) and the rest of the component."""
    component = nlp.get_pipe("fact_extractor")
    module = sys.modules[type(component).__module__]
    spent: dict[str, float] = {}

    def timed_call(name: str, func):
        def call(*args, **kwargs):
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return call

    finders = [name for name, value in vars(component).items() if callable(getattr(value, "find", None))]
    chrome = getattr(module, "analyse", None)
    for name in finders:
        finder = getattr(component, name)
        finder.find = timed_call(name, finder.find)
    if chrome is not None:
        module.analyse = timed_call("chrome", chrome)
    component.extract = timed_call("all_rules", component.extract)
    try:
        total, _ = cpu_timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32)))
    finally:
        for name in finders:
            del getattr(component, name).find
        if chrome is not None:
            module.analyse = chrome
        del component.extract
    component_s, chrome_s = spent.pop("all_rules", 0.0), spent.pop("chrome", 0.0)
    rules = component_s + chrome_s
    stages = {"chrome": chrome_s, **spent, "other_rules": component_s - sum(spent.values())}
    return {"pipe_s": total, "rules_s": rules, **stages}


def pipe_vs_ner_only(nlp_ner, nlp_ext, texts: list[str], repeat: int = 2) -> dict[str, dict]:
    """The extractor's ``nlp.pipe`` against the NER-only model's on ``texts``, in CPU time, alternately, best of
    ``repeat`` each; and each stage's share of the rules in the extractor's best run."""
    ner_runs, ext_runs = [], []
    for _ in range(repeat):
        ner_runs.append(cpu_timed(lambda: sum(1 for _ in nlp_ner.pipe(texts, batch_size=32)))[0])
        ext_runs.append(stage_seconds(nlp_ext, texts))
    ner_s = min(ner_runs)
    stages = min(ext_runs, key=lambda r: r["pipe_s"])
    return {
        "pipe_vs_ner_only": {
            "articles": len(texts), "ner_only_cpu_s": round(ner_s, 2), "extractor_cpu_s": round(stages["pipe_s"], 2),
            "ratio": round(stages["pipe_s"] / ner_s, 3), "rules_cpu_s": round(stages["rules_s"], 2),
            "rules_share_of_ner": round(stages["rules_s"] / ner_s, 3),
        },
        "stage_share_of_rules": {
            name: f"{seconds:.2f} s, {seconds / stages['rules_s']:.0%}"
            for name, seconds in stages.items() if name not in ("pipe_s", "rules_s")
        },
    }


def scaling(nlp, text: str, copies: tuple[int, ...] = (1, 10, 100)) -> dict[str, float]:
    """CPU seconds for one article made of ``n`` copies of ``text``: the whole pipeline, and its rules alone."""
    nlp(text)  # warm
    found = {}
    for n in copies:
        stages = stage_seconds(nlp, ["\n\n".join([text] * n)])
        found[f"x{n}_pipe_cpu_s"] = round(stages.pop("pipe_s"), 3)
        found[f"x{n}_rules_cpu_s"] = round(stages.pop("rules_s"), 3)
        found[f"x{n}_stages"] = ", ".join(f"{name} {seconds:.3f}" for name, seconds in stages.items())
    return found


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
    parser.add_argument("--pipe-only", action="store_true",
                        help="only the extractor's pipe against the NER-only one on --small articles, with each "
                             "stage's share (best of --repeat runs each); prints, writes no results")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    # The bench's own city index (built on first use), which no other checkout sharing the cache replaces.
    os.environ.setdefault("EXTRACT_INDEX_DIR", str(ROOT / "bench" / "corpus" / "index"))
    if args.pipe_only:
        return print_table(pipe_only(args.small, args.repeat))

    import spacy

    from extract.extractor import Extractor
    from extract.gazetteer import Gazetteer, index_dir
    from extract.pipeline import MODEL, UNUSED_COMPONENTS, build_nlp
    from extract.reader import read_article
    from extract.rules import load_rules

    corpus = ROOT / "bench" / "corpus"
    paths = build_corpus(corpus / "all", args.articles)
    small = corpus / "small"
    shutil.rmtree(small, ignore_errors=True)
    small.mkdir(parents=True)
    for path in paths[: args.small]:
        (small / path.name).write_bytes(path.read_bytes())
    articles = [read_article(p) for p in paths]
    texts = [a.text for a in articles]
    small_texts = texts[: args.small]
    n, w = len(texts), words(texts)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:3]
    print(f"corpus: {n} articles, {w} words", file=sys.stderr)

    results: dict[str, dict] = {}
    Gazetteer(load_rules(), index_dir())  # built here if missing, so that no timed run builds it
    load_full, nlp_full = timed(lambda: spacy.load(MODEL))
    load_ner, nlp_ner = timed(lambda: spacy.load(MODEL, exclude=UNUSED_COMPONENTS))
    load_ext, nlp_ext = timed(build_nlp)  # builds the city index into the cache folder if it is not there yet
    results["load"] = {"bare_spacy_s": round(load_full, 2), "bare_ner_s": round(load_ner, 2),
                       "extractor_s": round(load_ext, 2)}

    results["events"] = event_costs(nlp_ext, articles[: args.small])

    with tempfile.TemporaryDirectory() as cache:
        # CLI runs get an empty result cache, and the city index already built
        env = {**os.environ, "XDG_CACHE_HOME": cache, "EXTRACT_INDEX_DIR": str(index_dir())}
        results["start_up_1_article"] = start_up(seeds[:1], env, Path(cache) / "start.jsonl")
        results["start_up_3_seeds"] = start_up(seeds, env, Path(cache) / "start.jsonl")

        results.update(pipe_vs_ner_only(nlp_ner, nlp_ext, small_texts))
        results["scaling_one_article_of_n_seed_copies"] = scaling(nlp_ext, seeds[0].read_text(encoding="utf-8"))

        bare_s, _ = timed(lambda: sum(1 for _ in nlp_full.pipe(texts, batch_size=32)))
        results["bare_spacy"] = {"seconds": bare_s}
        ext_s, _ = timed(lambda: sum(1 for _ in Extractor(nlp=nlp_ext).pipe(articles, batch_size=32)))
        results["extractor_jobs1"] = {"seconds": ext_s}
        ext2_s, _ = timed(lambda: sum(1 for _ in Extractor(nlp=nlp_ext).pipe(articles, batch_size=32, n_process=2)))
        results["extractor_jobs2"] = {"seconds": ext2_s}

        # What each component of the full model costs, timed one after the other on the same docs.
        docs = [nlp_full.make_doc(t) for t in small_texts]
        components = {}
        for name, proc in nlp_full.pipeline:
            seconds, docs = timed(lambda proc=proc, docs=docs: list(proc.pipe(docs, batch_size=32)))
            components[name] = round(seconds, 2)
        total = sum(components.values())
        results[f"component_seconds_{len(small_texts)}_articles"] = {
            **components, "total": round(total, 2), "used_by_extractor": ", ".join(n for n in nlp_ext.pipe_names)
        }
        results["accuracy"] = {
            "micro_f1_full_model": round(micro_f1(build_nlp(exclude=[])), 4),
            "micro_f1_ner_only": round(micro_f1(nlp_ext), 4),
        }

        # Whole CLI runs on the small corpus: processes against a Dask LocalCluster, no result cache.
        parallel = {}
        for label, option in (("jobs1", ["--jobs", "1"]), ("jobs2", ["--jobs", "2"]),
                              ("dask_local1", ["--dask", "local:1"]), ("dask_local2", ["--dask", "local:2"])):
            seconds, _ = run_cli([str(small), "-o", str(Path(cache) / "p.jsonl"), "--no-cache", "--no-progress", *option], env)
            parallel[label] = f"{seconds:.1f} s, {len(small_texts) / seconds:.1f} articles/s"
        results[f"cli_{len(small_texts)}_articles"] = parallel

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
        "rss_growth_small_to_all": round(rss_all / rss_small - 1, 3),
    }
    results["corpus"] = {"articles": n, "words": w, "machine": f"{os.cpu_count()} cores, shared: figures are noisy"}

    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)


def pipe_only(count: int, repeat: int) -> dict[str, dict]:
    """The quick mode: the pipe ratio and stage shares on the first ``count`` articles of the corpus."""
    import spacy

    from extract.pipeline import MODEL, UNUSED_COMPONENTS, build_nlp

    texts = [p.read_text(encoding="utf-8") for p in build_corpus(ROOT / "bench" / "corpus" / "all", count)]
    nlp_ner, nlp_ext = spacy.load(MODEL, exclude=UNUSED_COMPONENTS), build_nlp()
    for nlp in (nlp_ner, nlp_ext):  # warm
        nlp(texts[0])
    return pipe_vs_ner_only(nlp_ner, nlp_ext, texts, repeat)


def print_table(results: dict[str, dict]) -> None:
    """The results as a two-column table on stdout."""
    print(f"{'measure':<52}{'value':>26}")
    for section, values in results.items():
        for key, value in values.items():
            print(f"{section + '.' + key:<52}{value!s:>26}")


if __name__ == "__main__":
    main()
