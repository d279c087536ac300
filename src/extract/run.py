"""``python -m extract PATH... [-o OUT.jsonl]``: one JSON line of facts per article."""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from extract.corpus import HTML_SUFFIXES, STDIN, load
from extract.fileio import atomic_writer, check_writable
from extract.progress import progress, say_loading
from extract.reader import Article, ArticleError, article_from_text, article_id, display, read_article

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
MAX_JOBS = 4 * (os.cpu_count() or 1)


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
    parser.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster: a scheduler address "
                        "(tcp://host:8786) or local:N for N local worker processes (see README)")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch (default 32)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    return parser


def collect_paths(paths: Sequence[str]) -> list[tuple[Path, str]]:
    """Article files named or found (``*.txt``, sorted, in sub-folders too) in the named folders, or ``-``.

    Inside a folder, every ``*.txt`` entry but a folder is taken, so that a FIFO, a dangling link or a
    link loop is reported when read, as when named directly.
    """
    found: list[tuple[Path, str]] = []
    for given in paths:
        if not given.strip():
            raise UsageError("an empty path was given (an unset shell variable?)")
        path = Path(given)
        if given == STDIN:
            found.append((path, given))
        elif path.is_dir():
            inside = [(p, str(p)) for p in sorted(path.rglob("*.txt"), key=lambda p: p.relative_to(path).parts)
                      if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(path).parts)]
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
    return unique_articles(found)


def unique_articles(found: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """The files once each (a file named twice is read once); UsageError when two files share an id."""
    seen: dict[tuple[int, int] | str, str] = {}
    by_id: dict[str, str] = {}
    kept = []
    for path, source in found:
        try:
            info = path.stat()
            key: tuple[int, int] | str = (info.st_dev, info.st_ino)
        except OSError:
            key = os.path.abspath(path)  # unreadable: reported when read
        if key in seen:
            print(f"warning: {display(source)}: same file as {display(seen[key])}, read once", file=sys.stderr)
            continue
        seen[key] = source
        identity = article_id(path)
        if identity in by_id:
            raise UsageError(
                f"{display(by_id[identity])} and {display(source)} have the same article id {identity!r} "
                f"(the file name without .txt); rename one, ids must be unique in a run"
            )
        by_id[identity] = source
        kept.append((path, source))
    return kept


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
    problem = check_writable(path)
    if problem:
        raise UsageError(f"{problem} (-o)")


def check_not_an_input(output: Path, files: list[tuple[Path, str]]) -> None:
    """UsageError when ``-o`` names one of the articles: writing would destroy it."""
    for path, source in files:
        with contextlib.suppress(OSError):
            if output.exists() and os.path.samefile(output, path):
                raise UsageError(f"{output}: is one of the articles read (-o would replace {display(source)})")


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that what is left in its buffer does not fail again at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def emit(records: Iterator[dict], output: Path | None) -> int:
    """Write the records to ``output`` (whole or not at all, and not at all if empty) or to stdout."""
    if output is None:
        sys.stdout.reconfigure(encoding="utf-8", newline="\n")
        written = write_records(records, sys.stdout)
        sys.stdout.flush()  # a full disk is reported here, not at exit
        return written
    try:
        with atomic_writer(output) as out:
            written = write_records(records, out)
            if written == 0:
                raise NothingWritten
    except NothingWritten:
        return 0
    return written


def check_dask(address: str, jobs: int) -> None:
    """Fail early on a malformed --dask, or --dask with --jobs."""
    from extract.distributed import parse_address

    if jobs > 1:
        raise UsageError("use either --jobs or --dask, not both")
    try:
        parse_address(address)
    except ValueError as err:
        raise UsageError(str(err)) from err


def main(argv: Sequence[str] | None = None) -> int:
    """Run the extractor over the given paths; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        files = collect_paths(args.paths)
        if args.jobs < 1 or args.batch_size < 1:
            raise UsageError("--jobs and --batch-size must be at least 1")
        if args.jobs > MAX_JOBS:
            raise UsageError(f"--jobs {args.jobs}: at most {MAX_JOBS} (4 per processor core; each worker holds a model)")
        if args.dask is not None:
            check_dask(args.dask, args.jobs)
        if args.output:
            check_output(args.output)
            check_not_an_input(args.output, files)
        elif sys.stdout is None:
            raise UsageError("standard output is closed; give -o FILE")
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE

    from extract.extractor import Extractor

    problems: list[str] = []

    def skip(article: Article, reason: str) -> None:
        problems.append(reason)
        print(f"skipped: {article.source}: extraction failed ({reason})", file=sys.stderr)

    extractor = Extractor(cache=not args.no_cache, on_load=None if args.no_progress else say_loading)
    records = extractor.pipe(read_all(files, problems), batch_size=args.batch_size, n_process=args.jobs, on_error=skip,
                             dask=args.dask)
    records = progress(guarded(records), len(files), not args.no_progress)
    try:
        written = emit(records, args.output)
    except InternalError as err:
        print(f"error: the extractor failed: {err}", file=sys.stderr)
        return EXIT_INTERNAL
    except BrokenPipeError:
        _discard_stdout()  # a reader such as `head` left early
        return EXIT_OK
    except OSError as err:
        print(f"error: cannot write output: {err}", file=sys.stderr)
        if args.output is None:
            _discard_stdout()
        return EXIT_USAGE
    where = f" to {args.output}" if args.output else ""
    if args.output and not written:
        where = f"; {args.output} left unchanged" if args.output.exists() else f"; {args.output} not written"
    print(f"{written} article(s) extracted{where}; {len(problems)} skipped", file=sys.stderr)
    return EXIT_SKIPPED if problems else EXIT_OK
