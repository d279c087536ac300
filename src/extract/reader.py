"""Read article files: bytes → text, with a clear error for anything unusable."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


MAX_CHARS = 1_000_000  # spaCy's own limit for one text; a press article is far shorter


class ArticleError(Exception):
    """An article that cannot be processed; the message says why and what to do."""


@dataclass(frozen=True)
class Article:
    """One article: its id (file stem), source path as given, text and SHA-256 of its bytes."""

    id: str
    source: str
    text: str
    sha256: str


def decode_article(data: bytes, source: str) -> str:
    """Decode an article's bytes as UTF-8 without newline translation, or raise ArticleError."""
    if not data.strip():
        raise ArticleError(f"{source}: empty file")
    if b"\x00" in data:
        raise ArticleError(f"{source}: binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(
            f"{source}: not valid UTF-8 (byte {err.start}); convert it first, "
            f"e.g. `iconv -f latin1 -t utf-8`, or use `python -m extract add` which detects the encoding"
        ) from None
    if not text.strip():
        raise ArticleError(f"{source}: empty file (only white space)")
    if len(text) > MAX_CHARS:
        raise ArticleError(f"{source}: {len(text)} characters, more than one article can hold ({MAX_CHARS}); split it")
    return text


def article_from_text(text: str, article_id: str = "article", source: str | None = None) -> Article:
    """An article held in a string (its SHA-256 is that of the text's UTF-8 bytes, as if read from a file)."""
    return Article(id=article_id, source=source or f"{article_id}.txt", text=text,
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_article(path: Path, source: str | None = None) -> Article:
    """Read one article file, raising ArticleError when it is unreadable, empty, binary or not UTF-8."""
    source = source if source is not None else str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{source}: cannot read ({err.strerror or err})") from None
    text = decode_article(data, source)
    return Article(id=path.stem, source=source, text=text, sha256=hashlib.sha256(data).hexdigest())
