"""Read article files: bytes → text, with a clear error for anything unusable."""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from extract.fileio import NotRegularFile, read_regular_file


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


# Leading bytes of common binary formats, which can hold no NUL byte early on and pass for text.
SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a Word, Excel, OpenDocument or EPUB file)",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Word or Excel document",
    b"{\\rtf": "an RTF document",
    b"%!PS": "a PostScript document",
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\x7fELF": "a program (ELF)",
    b"ID3": "an MP3 file",
}
# Byte-order marks of the wide encodings, longest first (the UTF-32 LE mark begins with UTF-16 LE's).
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def display(name: str) -> str:
    """A file name as valid UTF-8 text: bytes that are not UTF-8 are shown as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def article_id(path: Path) -> str:
    """An article's id: its file name without the extension, as valid UTF-8 text."""
    return display(path.stem)


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with, if a common one (``a PDF document``), else None."""
    return next((kind for magic, kind in SIGNATURES.items() if data.startswith(magic)), None)


def reject_binary(data: bytes, source: str) -> None:
    """ArticleError naming the format when ``data`` starts like a common binary file (PDF, ZIP, image…)."""
    kind = binary_kind(data)
    if kind:
        raise ArticleError(f"{source}: binary file ({kind}), not a text article; copy its text into a .txt file")


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16le`` or ``utf-16be`` when ``data`` looks like Latin-script UTF-16 (every other byte NUL), else None."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0) / (len(data) / 2), data[1::2].count(0) / (len(data) / 2)
    if odd > 0.5 and even < 0.05:
        return "utf-16le"
    if even > 0.5 and odd < 0.05:
        return "utf-16be"
    return None


def decode_article(data: bytes, source: str, max_chars: int | None = MAX_CHARS) -> str:
    """Decode an article's bytes (UTF-8, or UTF-16/32 with a byte-order mark) without newline
    translation, or raise ArticleError; ``max_chars=None`` leaves the length unchecked."""
    if not data.strip():
        raise ArticleError(f"{source}: empty file")
    reject_binary(data, source)
    wide = next((encoding for bom, encoding in WIDE_BOMS if data.startswith(bom)), None)
    if wide:
        try:
            data = data.decode(wide).encode("utf-8")
        except UnicodeError:
            raise ArticleError(f"{source}: starts with a {wide.upper()} byte-order mark but is not valid {wide.upper()}; "
                               f"convert it first, e.g. `iconv -f {wide} -t utf-8`") from None
    if b"\x00" in data:
        wide = utf16_without_bom(data)
        if wide:
            raise ArticleError(f"{source}: {wide.upper()} text without a byte-order mark, not UTF-8; convert it "
                               f"first, e.g. `iconv -f {wide} -t utf-8`, or use `python -m extract add`")
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
    if max_chars is not None:
        check_length(text, source, max_chars)
    return text


def check_length(text: str, source: str, max_chars: int = MAX_CHARS) -> None:
    """ArticleError when ``text`` is longer than one article can be."""
    if len(text) > max_chars:
        raise ArticleError(f"{source}: {len(text)} characters, more than one article can hold ({max_chars}); split it")


def article_from_text(text: str, article_id: str = "article", source: str | None = None) -> Article:
    """An article held in a string (its SHA-256 is that of the text's UTF-8 bytes, as if read from a file)."""
    return Article(id=article_id, source=source or f"{article_id}.txt", text=text,
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_article(path: Path, source: str | None = None) -> Article:
    """Read one article file, raising ArticleError when it is unreadable, empty, binary or not UTF-8."""
    source = display(source if source is not None else str(path))
    data = read_bytes(path, source)
    text = decode_article(data, source)
    return Article(id=article_id(path), source=source, text=text, sha256=hashlib.sha256(data).hexdigest())


def read_bytes(path: Path, source: str) -> bytes:
    """The bytes of a regular file, or ArticleError (a FIFO or device is never read)."""
    try:
        return read_regular_file(path)
    except NotRegularFile:
        raise ArticleError(f"{source}: not a regular file; only article files are read") from None
    except OSError as err:
        raise ArticleError(f"{source}: cannot read ({err.strerror or err})") from None
