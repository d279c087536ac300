"""``python -m extract PATH... [-o OUT.jsonl]``: one JSON line of facts per article."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from extract.corpus import HTML_SUFFIXES, STDIN, load
from extract.fileio import atomic_writer
from extract.progress import progress, say_loading
from extract.reader import Article, ArticleError, article_from_text, read_article

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """A mistake in how the command was called."""


class InternalError(Exception):
    """The extractor itself failed (not one article): a bug or a broken installation."""


class NothingWritten(Exception):
    """No article came out: an existing output file is left as it was."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract organisations, people, cities, amounts, dates and counts from French articles "
        "(one JSON line per article). Other commands: `python -m extract --help`.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files (.txt; a saved web page .html is reduced to its article), folders "
                        "searched for *.txt, or - for one article on stdin")
    parser.add_argument("-o", "--output", type=Path, help="write the JSONL here (whole or not at all) instead of stdout")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch (default 32)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    return parser


def collect_paths(paths: Sequence[str]) -> list[tuple[Path, str]]:
    """Article files named or found (``*.txt``, sorted, in sub-folders too) in the named folders, or ``-``."""
    found: list[tuple[Path, str]] = []
    for given in paths:
        path = Path(given)
        if given == STDIN:
            found.append((path, given))
        elif path.is_dir():
            inside = [(p, str(p)) for p in sorted(path.rglob("*.txt"), key=lambda p: p.relative_to(path).parts)
                      if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            if not inside:
                pages = [p for suffix in HTML_SUFFIXES for p in path.rglob(f"*{suffix}")]
                hint = f"; it holds {len(pages)} web page(s): name them, or store them with `python -m extract add`" \
                    if pages else ""
                print(f"warning: {given}: no articles (*.txt) in this folder or its sub-folders{hint}", file=sys.stderr)
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
            yield read_article(path, source) if source != STDIN and path.suffix.lower() not in HTML_SUFFIXES \
                else article_from_text(load(source), Path(source).stem if source != STDIN else "stdin", source)
        except ArticleError as err:
            problems.append(str(err))
            print(f"skipped: {err}", file=sys.stderr)


def guarded(records: Iterator[dict]) -> Iterator[dict]:
    """Turn a failure of the extractor itself into InternalError, so it is not taken for a write error."""
    try:
        yield from records
    except Exception as err:  # noqa: BLE001 - reported as an internal error with its type
        raise InternalError(f"{type(err).__name__}: {err}") from err


def write_records(records: Iterator[dict], out: IO[str]) -> int:
    """Write one JSON line per record; return how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count


def check_output(path: Path) -> None:
    """Fail early, before any work, when the output cannot be written there."""
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; give a file name for -o")
    parent = path.parent if str(path.parent) else Path(".")
    if parent.exists() and not os.access(parent, os.W_OK):
        raise UsageError(f"{parent}: cannot write here")


def emit(records: Iterator[dict], output: Path | None) -> int:
    """Write the records to ``output`` (whole or not at all, and not at all if empty) or to stdout."""
    if output is None:
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
        return write_records(records, sys.stdout)
    try:
        with atomic_writer(output) as out:
            written = write_records(records, out)
            if written == 0:
                raise NothingWritten
    except NothingWritten:
        return 0
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Run the extractor over the given paths; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        files = collect_paths(args.paths)
        if args.jobs < 1 or args.batch_size < 1:
            raise UsageError("--jobs and --batch-size must be at least 1")
        if args.output:
            check_output(args.output)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE

    from extract.extractor import Extractor

    problems: list[str] = []

    def skip(article: Article, reason: str) -> None:
        problems.append(reason)
        print(f"skipped: {article.source}: extraction failed ({reason})", file=sys.stderr)

    extractor = Extractor(cache=not args.no_cache, on_load=None if args.no_progress else say_loading)
    records = extractor.pipe(read_all(files, problems), batch_size=args.batch_size, n_process=args.jobs, on_error=skip)
    records = progress(guarded(records), len(files), not args.no_progress)
    try:
        written = emit(records, args.output)
    except InternalError as err:
        print(f"error: the extractor failed: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # a reader such as `head` left early
        return EXIT_OK
    except OSError as err:
        print(f"error: cannot write output: {err}", file=sys.stderr)
        return EXIT_USAGE
    where = f" to {args.output}" if args.output else ""
    print(f"{written} article(s) extracted{where}; {len(problems)} skipped", file=sys.stderr)
    return EXIT_SKIPPED if problems else EXIT_OK
