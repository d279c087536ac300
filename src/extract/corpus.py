"""``python -m extract add``: store new articles in the corpus, optionally with draft gold records."""
from __future__ import annotations

import argparse
import codecs
import contextlib
import fcntl
import hashlib
import os
import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

import charset_normalizer

from extract.fileio import atomic_write_bytes, atomic_write_text
from extract.gold import FACT_TYPES
from extract.reader import (
    MAX_CHARS,
    Article,
    ArticleError,
    check_length,
    decode_article,
    display,
    read_article,
    read_bytes,
    reject_binary,
)
from extract.progress import progress, say_loading

STDIN = "-"
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", *HTML_SUFFIXES)
# Encodings French text is found in besides UTF-8; detection is limited to them, as on short
# texts charset-normalizer otherwise confuses Latin-1 with Central European code pages.
ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "utf_16", "utf_32"]
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|!--)", re.IGNORECASE)
_STORED_NAME = re.compile(r"(\d{3,})_([0-9a-f]{16})\.txt")
MAX_INPUT_BYTES = 50_000_000  # a saved page beyond this is not one article
# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
_DECLARED_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)


class Corpus:
    """A folder of ``NNN_<hash16>.txt`` articles, indexed by the SHA-256 of their contents.

    Several ``add`` processes may share a corpus: an index is chosen and its file written under a lock.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        paths = sorted(path for path in folder.glob("*.txt") if path.is_file())
        self.ids = {hashlib.sha256(path.read_bytes()).hexdigest(): path.stem for path in paths}

    def path(self, article_id: str) -> Path:
        """Where the article ``article_id`` is stored."""
        return self.folder / f"{article_id}.txt"

    def add(self, text: str) -> tuple[str, bool]:
        """Store ``text`` unless the same text is already there; return its id and whether it is new."""
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.ids:
            return self.ids[digest], False
        self.folder.mkdir(parents=True, exist_ok=True)
        with _locked(self.folder):
            names = [m for path in self.folder.glob("*.txt") if (m := _STORED_NAME.fullmatch(path.name))]
            added = next((m.group(0)[:-4] for m in names if m.group(2) == digest[:16]), None)  # by another process
            if added is not None and hashlib.sha256(self.path(added).read_bytes()).hexdigest() == digest:
                self.ids[digest] = added
                return added, False
            article_id = f"{max((int(m.group(1)) for m in names), default=-1) + 1:03d}_{digest[:16]}"
            atomic_write_bytes(self.path(article_id), data)
        self.ids[digest] = article_id
        return article_id, True


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file is left behind)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def load(name: str) -> str:
    """The text to store for one input (a path or ``-``), or ArticleError saying why there is none.

    The length limit of an article applies to the text of a page, not to its HTML.
    """
    source = source_name(name)
    data = read_stdin() if name == STDIN else read_input_file(Path(name))
    if len(data) > MAX_INPUT_BYTES:
        raise ArticleError(f"{source}: {len(data)} bytes, larger than one article or its web page ({MAX_INPUT_BYTES})")
    text = decode_text(data, source, max_chars=None)
    if name.lower().endswith(HTML_SUFFIXES) or (name == STDIN and _HTML_START.match(text)):
        from extract.html import html_to_text  # trafilatura, for web pages only

        text = html_to_text(text, source)
    check_length(text, source)
    return normalize_text(text)


def read_stdin() -> bytes:
    """Standard input's bytes, or ArticleError when it cannot be read (a closed stdin is a usage error)."""
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError) as err:
        raise ArticleError(f"<stdin>: cannot read ({err})") from None


def source_name(name: str) -> str:
    """How messages name an input."""
    return "<stdin>" if name == STDIN else name


def read_input_file(path: Path) -> bytes:
    """The bytes of a regular article file of a supported type, or ArticleError."""
    if path.suffix.lower() not in SUFFIXES:
        raise ArticleError(f"{display(str(path))}: unsupported file type; expected one of {', '.join(SUFFIXES)}")
    return read_bytes(path, display(str(path)))


def decode_text(data: bytes, source: str, max_chars: int | None = MAX_CHARS) -> str:
    """Decode UTF-8, the charset a page declares, or another detected text encoding; ArticleError for
    empty or binary data."""
    reject_binary(data, source)
    if not _is_utf8(data):
        data = _decode_declared(data)
    if not _is_utf8(data):
        match = charset_normalizer.from_bytes(data, cp_isolation=ENCODINGS).best()
        if match is None:
            raise ArticleError(f"{source}: binary file or unknown text encoding, not an article")
        data = str(match).encode("utf-8")
    return decode_article(data.removeprefix(codecs.BOM_UTF8), source, max_chars)


def _decode_declared(data: bytes) -> bytes:
    """``data`` re-encoded in UTF-8 from the charset its ``<meta>`` declares, or unchanged when none is
    declared or the declaration is unknown or wrong."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return data
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
        encoding = "cp1252" if encoding in ("iso8859-1", "ascii") else encoding  # as browsers do
        return data.decode(encoding).encode("utf-8")
    except (LookupError, UnicodeError):
        return data


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def normalize_text(text: str) -> str:
    """The stored form of an article: NFC, ``\\n`` line endings, no surrounding white space."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def draft_gold(record: dict) -> dict:
    """An extractor's output record reduced to a gold record marked as a draft; each fact keeps its
    mentions, so that a reviewer can find it in the article."""
    return {"id": record["id"], "draft": True, **{kind: record[kind] for kind in FACT_TYPES}}


def gold_path(gold_dir: Path, article_id: str) -> Path:
    """Where the gold record of ``article_id`` is kept."""
    return gold_dir / f"{article_id}.json"


def write_drafts(corpus: Corpus, article_ids: Sequence[str], gold_dir: Path) -> None:
    """Run the extractor on the articles without gold and write drafts; never replace a gold file."""
    todo = [article_id for article_id in article_ids if not _has_gold(gold_path(gold_dir, article_id))]
    if not todo:
        return
    from extract.extractor import Extractor  # loads spaCy: only when drafts are asked for

    def failed(article: Article, reason: str) -> None:
        print(f"{article.source}: extraction failed ({reason}); no draft written", file=sys.stderr)

    articles = (read_article(corpus.path(article_id)) for article_id in todo)
    for record in progress(Extractor(on_load=say_loading).pipe(articles, on_error=failed), len(todo)):
        path = gold_path(gold_dir, record["id"])
        if not _has_gold(path):
            atomic_write_text(path, json.dumps(draft_gold(record), ensure_ascii=False, indent=2) + "\n")
            print(f"{path}: draft gold written; review it, then delete \"draft\"", file=sys.stderr)


def _has_gold(path: Path) -> bool:
    """Whether the gold file ``path`` exists, saying that it is left unchanged when it does."""
    exists = path.exists()
    if exists:
        print(f"{path}: exists, left unchanged", file=sys.stderr)
    return exists


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The command line of ``add``."""
    parser = argparse.ArgumentParser(
        prog="python -m extract add",
        description="Add articles (.txt, .html, .htm, or - for stdin) to the corpus; print each new id.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article file, or - to read one from stdin")
    parser.add_argument("--corpus", type=Path, default=Path("seeds"), help="corpus folder (default: seeds)")
    parser.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    parser.add_argument(
        "--draft-gold",
        action="store_true",
        help="write a draft gold record, for review, for each article that has none",
    )
    return parser.parse_args(argv)


def usage_problem(args: argparse.Namespace) -> str | None:
    """What makes the command unusable before any input is read, or None."""
    for option, folder in (("--corpus", args.corpus), ("--gold", args.gold if args.draft_gold else None)):
        if folder is not None and folder.exists() and not folder.is_dir():
            return f"{folder}: not a folder ({option} names the folder articles are stored in)"
    if STDIN in args.files and sys.stdin is None:
        return "standard input is closed; give files, or pipe an article into `add -`"
    return None


def main(argv: Sequence[str]) -> int:
    """Add each input to the corpus; exit status 1 if any was rejected, 2 when the command is unusable."""
    args = parse_args(argv)
    problem = usage_problem(args)
    if problem is None:
        try:
            return add_all(args)
        except OSError as err:
            problem = f"{err.filename or args.corpus}: {err.strerror or err}"
    print(f"error: {problem}", file=sys.stderr)
    return 2


def add_all(args: argparse.Namespace) -> int:
    """Add each input to the corpus (and write drafts if asked); 1 if any was rejected."""
    corpus = Corpus(args.corpus)
    rejected = False
    stored: list[str] = []
    for name in args.files:
        try:
            text = load(name)
        except ArticleError as err:
            print(f"rejected: {err}", file=sys.stderr)
            rejected = True
            continue
        article_id, is_new = corpus.add(text)
        if is_new:
            print(article_id, flush=True)
        else:
            print(f"{source_name(name)}: already in the corpus as {article_id}", file=sys.stderr)
        stored.append(article_id)
    if args.draft_gold:
        write_drafts(corpus, list(dict.fromkeys(stored)), args.gold)
    return 1 if rejected else 0
