"""``python -m extract add``: store new articles in the corpus, optionally with draft gold records."""
from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import charset_normalizer

from extract.fileio import atomic_write_bytes, atomic_write_text
from extract.gold import FACT_TYPES
from extract.html import html_to_text
from extract.progress import progress, say_loading
from extract.reader import Article, ArticleError, decode_article, read_article

STDIN = "-"
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", *HTML_SUFFIXES)
# Encodings French text is found in besides UTF-8; detection is limited to them, as on short
# texts charset-normalizer otherwise confuses Latin-1 with Central European code pages.
ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "utf_16", "utf_32"]
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|!--)", re.IGNORECASE)
_STORED_NAME = re.compile(r"(\d{3,})_[0-9a-f]{16}\.txt")


class Corpus:
    """A folder of ``NNN_<hash16>.txt`` articles, indexed by the SHA-256 of their contents."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        paths = sorted(folder.glob("*.txt"))
        self.ids = {hashlib.sha256(path.read_bytes()).hexdigest(): path.stem for path in paths}
        indexes = (int(m.group(1)) for path in paths if (m := _STORED_NAME.fullmatch(path.name)))
        self.next_index = max(indexes, default=-1) + 1

    def path(self, article_id: str) -> Path:
        """Where the article ``article_id`` is stored."""
        return self.folder / f"{article_id}.txt"

    def add(self, text: str) -> tuple[str, bool]:
        """Store ``text`` unless the same text is already there; return its id and whether it is new."""
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.ids:
            return self.ids[digest], False
        article_id = f"{self.next_index:03d}_{digest[:16]}"
        atomic_write_bytes(self.path(article_id), data)
        self.ids[digest] = article_id
        self.next_index += 1
        return article_id, True


def load(name: str) -> str:
    """The text to store for one input (a path or ``-``), or ArticleError saying why there is none."""
    source = source_name(name)
    data = sys.stdin.buffer.read() if name == STDIN else read_input_file(Path(name))
    text = decode_text(data, source)
    if name.lower().endswith(HTML_SUFFIXES) or (name == STDIN and _HTML_START.match(text)):
        text = html_to_text(text, source)
    return normalize_text(text)


def source_name(name: str) -> str:
    """How messages name an input."""
    return "<stdin>" if name == STDIN else name


def read_input_file(path: Path) -> bytes:
    """The bytes of an article file of a supported type, or ArticleError."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot read ({err.strerror or err})") from None
    if path.suffix.lower() not in SUFFIXES:
        raise ArticleError(f"{path}: unsupported file type; expected one of {', '.join(SUFFIXES)}")
    return data


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 or another detected text encoding; ArticleError for empty or binary data."""
    if not _is_utf8(data):
        match = charset_normalizer.from_bytes(data, cp_isolation=ENCODINGS).best()
        if match is None:
            raise ArticleError(f"{source}: binary file or unknown text encoding, not an article")
        data = str(match).encode("utf-8")
    return decode_article(data.removeprefix(codecs.BOM_UTF8), source)


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


def main(argv: Sequence[str]) -> int:
    """Add each input to the corpus; exit status 1 if any was rejected."""
    args = parse_args(argv)
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
