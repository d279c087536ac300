"""Load the data in ``rules/`` once: lexicons, patterns and lists that steer the extractors."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


def rules_dir() -> Path:
    """The rules folder: ``$EXTRACT_RULES`` or ``rules/`` at the project root."""
    env = os.environ.get("EXTRACT_RULES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "rules"


class RulesError(Exception):
    """A rules file that cannot be read; the message names the file and line."""


def read_tsv(path: Path, columns: tuple[int, int] = (1, 99)) -> list[list[str]]:
    """Rows of a tab-separated file, skipping blank lines and ``#`` comments; ``columns`` bounds each row."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            row = line.split("\t")
            if not columns[0] <= len(row) <= columns[1]:
                raise RulesError(f"{path}:{number}: expected {columns[0]} to {columns[1]} tab-separated columns")
            rows.append(row)
    return rows


def read_list(path: Path) -> list[str]:
    """Lines of a one-item-per-line file, skipping blank lines and ``#`` comments."""
    return [row[0].strip() for row in read_tsv(path)]


@dataclass(frozen=True)
class Rules:
    """All rule data, as loaded from the rules folder."""

    chrome: dict[str, Any]
    honorifics: dict[str, str]
    org_types: dict[str, str]
    org_canonical: dict[str, str]
    not_orgs: frozenset[str]
    stopwords: frozenset[str]
    name_patterns: list[dict[str, Any]]
    adjective_regex: str
    names: dict[str, Any]
    first_names: frozenset[str]
    known_orgs: tuple[str, ...]
    org_aliases: tuple[tuple[str, ...], ...]
    currencies: dict[str, str]
    scales: dict[str, tuple[float, str]]
    qualifiers: dict[str, str]
    months: dict[str, int]
    dates: dict[str, Any]
    numbers: dict[str, Any]
    counts: dict[str, Any]
    cities: dict[str, Any]
    digest: str


def rules_digest(folder: Path) -> str:
    """A hash of every file in the rules folder, for cache keys."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def load_rules(folder: Path | None = None) -> Rules:
    """Read the rules folder once per process."""
    folder = folder or rules_dir()

    def load_json(name: str) -> dict[str, Any]:
        return json.loads((folder / name).read_text(encoding="utf-8"))

    return Rules(
        chrome=load_json("chrome.json"),
        honorifics={form: title for form, title in read_tsv(folder / "honorifics.tsv", (2, 2))},
        org_types={row[0]: row[1] for row in read_tsv(folder / "org_types.tsv", (2, 3))},
        org_canonical={row[0]: row[2] if len(row) > 2 else row[0] for row in read_tsv(folder / "org_types.tsv", (2, 3))},
        not_orgs=frozenset(read_list(folder / "not_orgs.txt")),
        stopwords=frozenset(read_list(folder / "stopwords.txt")),
        name_patterns=[json.loads(line) for line in read_list(folder / "name_patterns.jsonl")],
        adjective_regex=load_json("adjectives.json")["regex"],
        names=load_json("names.json"),
        first_names=frozenset(name.lower() for name in read_list(folder / "first_names.txt")),
        known_orgs=tuple(read_list(folder / "known_orgs.txt")),
        org_aliases=tuple(tuple(form.strip() for form in row) for row in read_tsv(folder / "org_aliases.tsv", (2, 8))),
        currencies={form: code for form, code in read_tsv(folder / "currencies.tsv", (2, 2))},
        scales={form: (float(mult), kind) for form, mult, kind in read_tsv(folder / "scales.tsv", (3, 3))},
        qualifiers={phrase: q for phrase, q in read_tsv(folder / "qualifiers.tsv", (2, 2))},
        months={name: int(num) for name, num in read_tsv(folder / "months.tsv", (2, 2))},
        dates=load_json("dates.json"),
        numbers=load_json("numbers.json"),
        counts=load_json("counts.json"),
        cities=load_json("cities.json"),
        digest=rules_digest(folder),
    )
