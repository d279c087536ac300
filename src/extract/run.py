"""``python -m extract PATH... [-o OUT.jsonl]``: one JSON line of facts per article."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from extract.fileio import atomic_writer
from extract.reader import Article, ArticleError, read_article

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract organisations, people, cities, amounts, dates and counts from French articles "
        "(one JSON line per article). Subcommands: `evaluate`, `add` (see `python -m extract evaluate -h`).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt) or folders of them")
    parser.add_argument("-o", "--output", type=Path, help="write the JSONL here (whole or not at all) instead of stdout")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch (default 32)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    return parser


def collect_paths(paths: Sequence[str]) -> list[tuple[Path, str]]:
    """Article files named or found (``*.txt``, sorted) in the named folders, with their source strings."""
    found: list[tuple[Path, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = [(p, str(p)) for p in sorted(path.glob("*.txt")) if p.is_file()]
            if not inside:
                print(f"warning: {given}: no articles (*.txt) in this folder", file=sys.stderr)
            found += inside
        elif path.exists() or path.is_symlink():
            found.append((path, given))
        else:
            raise UsageError(f"{given}: no such file or folder")
    if not found:
        raise UsageError(f"no articles (*.txt) found in {', '.join(paths)}")
    return found


def read_all(files: list[tuple[Path, str]], problems: list[str]) -> Iterator[Article]:
    """Read articles lazily; a bad one is reported on stderr, remembered, and skipped."""
    for path, source in files:
        try:
            yield read_article(path, source)
        except ArticleError as err:
            problems.append(str(err))
            print(f"skipped: {err}", file=sys.stderr)


def progress(records: Iterator[dict], total: int, enabled: bool) -> Iterator[dict]:
    """Wrap ``records`` in a progress bar on stderr when enabled and stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return records
    from tqdm import tqdm

    return iter(tqdm(records, total=total, unit="article", file=sys.stderr, dynamic_ncols=True))


def write_records(records: Iterator[dict], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    """Run the extractor over the given paths; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        files = collect_paths(args.paths)
        if args.jobs < 1 or args.batch_size < 1:
            raise UsageError("--jobs and --batch-size must be at least 1")
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE

    from extract.extractor import Extractor

    problems: list[str] = []
    extractor = Extractor(cache=not args.no_cache)
    records = extractor.pipe(read_all(files, problems), batch_size=args.batch_size, n_process=args.jobs)
    records = progress(records, len(files), not args.no_progress)
    try:
        if args.output:
            with atomic_writer(args.output) as out:
                written = write_records(records, out)
        else:
            written = write_records(records, sys.stdout)
    except OSError as err:
        print(f"error: cannot write output: {err}", file=sys.stderr)
        return EXIT_USAGE
    where = f" to {args.output}" if args.output else ""
    print(f"{written} article(s) extracted{where}; {len(problems)} skipped", file=sys.stderr)
    return EXIT_SKIPPED if problems else EXIT_OK
