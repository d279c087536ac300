"""``python -m extract evaluate``: score predictions against the gold records (ANNOTATION.md section 4)."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from pathlib import Path

from extract.event_scoring import EventScore, describe_event, event_totals, match_events, role_accuracy
from extract.facts import context, locate
from extract.fileio import atomic_write_text, atomic_writer, check_writable
from extract.gold import RecordError, is_draft, load_gold_dir, parse_json, validate_record
from extract.progress import progress, say_loading
from extract.reader import Article, ArticleError, read_article
from extract.scoring import Accuracy, ArticleScore, Fact, Tally, attribute_accuracy, score_article, totals

MEASURE_FIELDS = {"amounts": "currency", "counts": "unit"}
"""What a numeric fact's value is measured in."""
Labelled = tuple[str, object]
"""A predicted record with a label for messages (``pred.jsonl line 3``)."""


class InputError(Exception):
    """Unusable input (predictions, corpus); the message is printed and the exit status is 2."""


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``evaluate``."""
    parser = argparse.ArgumentParser(
        prog="python -m extract evaluate", description="Score predicted facts against gold records."
    )
    parser.add_argument("--gold", type=Path, required=True, help="folder of gold records <id>.json")
    parser.add_argument("--pred", type=Path, help="predictions (JSONL) to score; default: run the extractor")
    parser.add_argument("--corpus", type=Path, default=Path("seeds"), help="articles <id>.txt (without --pred)")
    parser.add_argument("--details", action="store_true", help="list every false positive and false negative")
    parser.add_argument("--json", type=Path, help="write scores per type and micro as JSON")
    parser.add_argument("--csv", type=Path, help="write tp/fp/fn per article and type as CSV")
    parser.add_argument("--min-f1", type=unit_interval, help="exit 1 when the micro F1 is below this (0 to 1)")
    return parser


def unit_interval(text: str) -> float:
    """A number from 0 to 1 (an F1 threshold); ``nan`` and ``inf`` are refused."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 1:  # False for nan too
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 0 to 1")
    return value


def parse_jsonl(path: Path) -> Iterator[Labelled]:
    """Yield each non-blank line of a JSONL file, parsed, labelled with its line number."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read predictions ({err})") from None
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            where = f"{path} line {number}"
            yield where, parse_json(line, where)


def index_predictions(records: Iterable[Labelled]) -> dict[str, dict]:
    """Validate predicted records and index them by article id; raise on a malformed or repeated one."""
    predictions: dict[str, dict] = {}
    for where, record in records:
        validate_record(record, where)
        if record["id"] in predictions:
            raise InputError(f"{where}: second prediction for article {record['id']!r}")
        predictions[record["id"]] = record
    return predictions


def read_articles(ids: Iterable[str], corpus: Path) -> list[Article]:
    """Read ``<corpus>/<id>.txt`` for each id; an unreadable one is reported on stderr and left out."""
    if not corpus.is_dir():
        raise InputError(f"{corpus}: corpus directory not found (give --corpus DIR, or --pred FILE)")
    articles = []
    for article_id in ids:
        try:
            articles.append(read_article(corpus / f"{article_id}.txt"))
        except ArticleError as err:
            print(f"warning: {err}", file=sys.stderr)
    return articles


def extract_predictions(articles: list[Article]) -> dict[str, dict]:
    """Run the extractor on the articles and index its records."""
    from extract.extractor import Extractor  # loads the NLP pipeline: only when needed

    def failed(article: Article, reason: str) -> None:
        print(f"warning: {article.source}: extraction failed ({reason}); counted as no prediction", file=sys.stderr)

    records = progress(Extractor(on_load=say_loading).pipe(articles, on_error=failed), len(articles))
    return index_predictions((f"extractor output for {r['source']}", r) for r in records)


def describe(fact_type: str, fact: Fact) -> str:
    """A fact's key as a short text: name, value and currency, value and unit, or date."""
    if fact_type in MEASURE_FIELDS:
        value = fact["value"]
        return f"{int(value) if value == int(value) else value} {fact[MEASURE_FIELDS[fact_type]]}"
    return fact["value" if fact_type == "dates" else "name"]


def scores(tally: Tally) -> dict[str, float | int]:
    """P/R/F1 and counts of a tally, as written by --json."""
    return {"p": tally.precision, "r": tally.recall, "f1": tally.f1, "tp": tally.tp, "fp": tally.fp, "fn": tally.fn}


def score_table(tallies: Mapping[str, Tally]) -> str:
    """The per-type and micro scores as a text table."""
    import pandas as pd  # only this command needs pandas: imported here so that the others start fast

    table = pd.DataFrame.from_dict({name: scores(t) for name, t in tallies.items()}, orient="index")
    return table.rename(columns={"p": "P", "r": "R", "f1": "F1"}).to_string(float_format="{:.3f}".format)


def accuracy_lines(accuracies: Mapping[str, Accuracy],
                   heading: str = "attribute accuracy (matched pairs where gold gives the attribute):") -> list[str]:
    """One line per non-key attribute: accuracy over matched pairs where gold gives it."""
    lines = [heading]
    for name, accuracy in accuracies.items():
        value = "n/a" if accuracy.value is None else f"{accuracy.value:.3f}"
        lines.append(f"  {name:<18} {value} ({accuracy.correct}/{accuracy.total})")
    return lines


def where_said(fact_type: str, fact: Fact, text: str | None) -> str:
    """A few words around the fact's first mention (a gold fact's is found by its forms), or ""."""
    if not text:
        return ""
    spans = [tuple(m) for m in fact.get("mentions") or []]
    if not spans:
        forms = [fact["text"]] if fact.get("text") else [] if fact_type in MEASURE_FIELDS or fact_type == "dates" \
            else [fact["name"], *fact.get("aliases", [])]
        spans = locate(text, forms)
    return f"  {context(text, min(spans))}" if spans else "  (not found in the text)"


def detail_lines(results: Mapping[str, ArticleScore], texts: Mapping[str, str] | None = None) -> list[str]:
    """Every false positive (predicted value) and false negative (gold value), by article and type, with a
    few words of context where the article's text is known."""
    texts = texts or {}
    lines = ["false positives (FP, predicted) and false negatives (FN, gold):"]
    for article_id, article in results.items():
        for fact_type, match in article.items():
            for kind, facts in (("FP", match.false_positives), ("FN", match.false_negatives)):
                lines += [f"  {article_id}  {fact_type:<13} {kind}  {describe(fact_type, f)}"
                          f"{where_said(fact_type, f, texts.get(article_id))}" for f in facts]
    return lines


def event_lines(events: Mapping[str, EventScore], unscored: list[str], details: bool,
                predictions: Mapping[str, dict], gold: Mapping[str, dict]) -> list[str]:
    """The events report (section 7): per type and micro, role accuracy, records not scored, and FP/FN."""
    lines = [""]
    if unscored:
        lines.append(f"events: {len(unscored)} gold record(s) without an events key, not scored for events: "
                     f"{', '.join(unscored)}")
    if not events:
        return lines + ["events: no gold record has an events key; events not scored"]
    lines += [f"events ({len(events)} gold record(s) with events), micro apart from the six fact types:",
              score_table(event_totals(events.values())), ""]
    roles = role_accuracy((predictions.get(i), gold[i], s) for i, s in events.items())
    lines += accuracy_lines(roles, "event role accuracy (non-key roles, matched pairs):")
    if details:
        lines += ["", "event false positives (FP, predicted) and false negatives (FN, gold):"]
        for article_id, article in events.items():
            for match in article.values():
                for kind, found in (("FP", match.false_positives), ("FN", match.false_negatives)):
                    lines += [f"  {article_id}  {kind}  {describe_event(e)}" for e in found]
    return lines


def coverage_lines(drafts: list[str], missing: list[str], ignored: list[str]) -> list[str]:
    """Lines about gold records skipped, gold articles without prediction and predictions without gold."""
    lines = []
    if drafts:
        lines.append(f"skipped {len(drafts)} draft gold record(s): {', '.join(drafts)}")
    if missing:
        lines.append(f"no prediction for {len(missing)} gold article(s), all counted as FN: {', '.join(missing)}")
    if ignored:
        lines.append(f"ignored {len(ignored)} prediction(s) without a gold record: {', '.join(ignored)}")
    return lines


def accuracies_json(accuracies: Mapping[str, Accuracy]) -> dict[str, dict]:
    return {name: {"accuracy": a.value, "correct": a.correct, "total": a.total} for name, a in accuracies.items()}


def write_json(path: Path, tallies: Mapping[str, Tally], accuracies: Mapping[str, Accuracy], events: dict) -> None:
    """Write scores per type and micro, attribute accuracies and the events' scores, whole or not at all."""
    payload: dict[str, object] = {name: scores(t) for name, t in tallies.items()}
    payload["attributes"] = accuracies_json(accuracies)
    payload["events"] = events
    atomic_write_text(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def write_csv(path: Path, results: Mapping[str, ArticleScore]) -> None:
    """Write tp/fp/fn per article and type, whole or not at all."""
    rows = [
        {"article": article_id, "type": fact_type, **asdict(match.tally)}
        for article_id, article in results.items()
        for fact_type, match in article.items()
    ]
    import pandas as pd

    with atomic_writer(path) as handle:
        pd.DataFrame(rows, columns=["article", "type", "tp", "fp", "fn"]).to_csv(handle, index=False)


def split_drafts(records: list[dict], gold_dir: Path) -> tuple[dict[str, dict], list[str]]:
    """The gold records to score, by id, and the ids of the drafts left out."""
    gold = {record["id"]: record for record in records if not is_draft(record)}
    if not gold:
        raise InputError(f"{gold_dir}: nothing to score, every gold record is a draft")
    return gold, [record["id"] for record in records if is_draft(record)]


def evaluate(args: argparse.Namespace) -> int:
    """Load gold and predictions, score, report; return the exit status."""
    for option, path in (("--json", args.json), ("--csv", args.csv)):
        problem = path and check_writable(path)
        if problem:
            raise InputError(f"{problem} ({option})")
    gold, drafts = split_drafts(load_gold_dir(args.gold), args.gold)
    if args.pred is not None:
        predictions = index_predictions(parse_jsonl(args.pred))
    else:
        predictions = extract_predictions(read_articles(gold, args.corpus))
    results = {article_id: score_article(predictions.get(article_id), record) for article_id, record in gold.items()}
    tallies = totals(results.values())
    accuracies = attribute_accuracy(results.values())
    missing = [article_id for article_id in gold if article_id not in predictions]
    ignored = [article_id for article_id in predictions if article_id not in gold]
    events = {i: match_events(predictions.get(i), record) for i, record in gold.items() if "events" in record}
    unscored = [article_id for article_id, record in gold.items() if "events" not in record]
    lines = [score_table(tallies), "", *accuracy_lines(accuracies), *coverage_lines(drafts, missing, ignored)]
    if args.details:
        from extract.records import find_text  # reads the articles back, only for --details

        texts = {i: find_text(predictions[i], args.corpus) for i in results if i in predictions}
        lines += ["", *detail_lines(results, {i: t for i, t in texts.items() if t})]
    print("\n".join(lines + event_lines(events, unscored, args.details, predictions, gold)))
    if args.json:
        event_json = {name: scores(t) for name, t in event_totals(events.values()).items()}
        event_json["roles"] = accuracies_json(role_accuracy((predictions.get(i), gold[i], s) for i, s in events.items()))
        event_json["scored_records"] = len(events)
        event_json["unscored_records"] = unscored
        write_json(args.json, tallies, accuracies, event_json)
    if args.csv:
        write_csv(args.csv, results)
    micro_f1 = tallies["micro"].f1
    if args.min_f1 is not None and micro_f1 < args.min_f1:
        print(f"micro F1 {micro_f1:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    """Entry point of ``python -m extract evaluate``: 0 ok, 1 below --min-f1, 2 bad input."""
    args = build_parser().parse_args(argv)
    try:
        return evaluate(args)
    except (InputError, RecordError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: cannot write {err.filename}: {err.strerror or err}", file=sys.stderr)
        return 2
