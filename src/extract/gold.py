"""Gold records (``gold/<id>.json``): load them and check their shape (ANNOTATION.md section 6).

The same checks apply to predicted records, which have the shape of a gold record plus extra keys.
Key fields (names, values, currencies, units) are required; attributes and ``text`` are optional
but must have the right type when given.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import reprlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from extract.facts import FACT_TYPES
from extract.fileio import read_regular_file
QUALIFIERS = ("exact", "approx", "more_than", "less_than")
CURRENCIES_FILE = Path(__file__).resolve().parents[2] / "rules" / "currencies_iso.txt"

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_COUNTRY = re.compile(r"[A-Z]{2}")

Check = Callable[[object], "str | None"]
"""A field check: returns what is wrong with a value, or None when it is fine."""


class RecordError(ValueError):
    """A gold or predicted record without the shape of an output line; the message says where."""


class GoldError(RecordError):
    """A gold file that cannot be used; the message names the file and the problem."""


@cache
def known_currencies() -> frozenset[str]:
    """The ISO 4217 codes listed in rules/currencies_iso.txt, one per line."""
    return frozenset(line.strip() for line in CURRENCIES_FILE.read_text(encoding="utf-8").splitlines() if line.strip())


def _is_number(value: object) -> bool:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond float range
        return False


def _non_empty_string(value: object) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _string(value: object) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def _string_or_null(value: object) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _string_list(value: object) -> str | None:
    ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return None if ok else "must be a list of strings"


def _number(value: object) -> str | None:
    return None if _is_number(value) else "must be a finite number"


def _currency(value: object) -> str | None:
    ok = isinstance(value, str) and value in known_currencies()
    return None if ok else f"must be a known ISO 4217 currency code (see {CURRENCIES_FILE.name})"


def _qualifier(value: object) -> str | None:
    return None if value in QUALIFIERS else f"must be one of {', '.join(QUALIFIERS)}"


def _date_value(value: object) -> str | None:
    match = _DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return "must be a date string YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return "is not a real date"
    return None


def _country(value: object) -> str | None:
    ok = value is None or (isinstance(value, str) and _COUNTRY.fullmatch(value) is not None)
    return None if ok else "must be an ISO 3166-1 alpha-2 code (two capitals) or null"


def _geonameid(value: object) -> str | None:
    ok = value is None or (isinstance(value, int) and not isinstance(value, bool))
    return None if ok else "must be an integer or null"


def _draft(value: object) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


# Per fact type: field → (check, required).
FIELDS: dict[str, dict[str, tuple[Check, bool]]] = {
    "organizations": {"name": (_non_empty_string, True), "aliases": (_string_list, False)},
    "people": {
        "name": (_non_empty_string, True),
        "aliases": (_string_list, False),
        "title": (_string_or_null, False),
        "role": (_string_or_null, False),
    },
    "cities": {
        "name": (_non_empty_string, True),
        "aliases": (_string_list, False),
        "country": (_country, False),
        "geonameid": (_geonameid, False),
    },
    "amounts": {
        "value": (_number, True),
        "currency": (_currency, True),
        "qualifier": (_qualifier, False),
        "text": (_string, False),
    },
    "dates": {"value": (_date_value, True), "text": (_string, False)},
    "counts": {
        "value": (_number, True),
        "unit": (_non_empty_string, True),
        "qualifier": (_qualifier, False),
        "text": (_string, False),
    },
}
RECORD_FIELDS: dict[str, tuple[Check, bool]] = {"id": (_non_empty_string, True), "draft": (_draft, False)}


def _check_fields(obj: object, fields: dict[str, tuple[Check, bool]], where: str | None = None) -> None:
    """Raise RecordError naming the JSON path (``where``, e.g. ``amounts[2]``) when ``obj`` breaks ``fields``."""
    if not isinstance(obj, dict):
        raise RecordError(f"{where or 'record'}: must be a JSON object, got {type(obj).__name__}")
    for field, (check, required) in fields.items():
        path = f"{where}.{field}" if where else field
        if field not in obj:
            if required:
                raise RecordError(f"{path}: missing")
            continue
        problem = check(obj[field])
        if problem:
            raise RecordError(f"{path}: {problem}, got {reprlib.repr(obj[field])}")


def _check_record(record: object) -> None:
    """Raise RecordError (with a JSON path, not yet the source) when ``record`` is malformed."""
    _check_fields(record, RECORD_FIELDS)
    for fact_type in FACT_TYPES:
        facts = record.get(fact_type)
        if not isinstance(facts, list):
            raise RecordError(f"{fact_type}: {'must be a list' if fact_type in record else 'missing list'}")
        for index, fact in enumerate(facts):
            _check_fields(fact, FIELDS[fact_type], f"{fact_type}[{index}]")


def validate_record(record: object, source: str) -> dict:
    """Return ``record`` if it has the shape of a gold record, else raise RecordError prefixed by ``source``."""
    try:
        _check_record(record)
    except RecordError as err:
        raise RecordError(f"{source}: {err}") from None
    return record


def parse_json(text: str, where: str) -> object:
    """Parse one JSON document, or raise RecordError naming ``where`` (also for numbers of thousands of
    digits and nesting deeper than Python can follow)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise RecordError(f"{where}: invalid JSON: {err.msg} at line {err.lineno}, column {err.colno}") from None
    except ValueError as err:  # an integer beyond Python's digit limit
        raise RecordError(f"{where}: unusable JSON: {err}") from None
    except RecursionError:
        raise RecordError(f"{where}: unusable JSON: nested too deeply") from None


def load_gold(path: Path) -> dict:
    """Read and validate one gold file, whose ``id`` must be its file name's stem; raise GoldError."""
    try:
        text = read_regular_file(path).decode("utf-8")  # a FIFO among the gold files is refused, not waited on
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read ({err})") from None
    try:
        record = parse_json(text, str(path))
        validate_record(record, str(path))
    except RecordError as err:
        raise GoldError(str(err)) from None
    if record["id"] != path.stem:
        raise GoldError(f"{path}: id {record['id']!r} does not match the file name (expected {path.stem!r})")
    return record


def load_gold_dir(directory: Path) -> list[dict]:
    """Load every ``*.json`` gold file of ``directory``, sorted by name; raise GoldError if there are none."""
    if not directory.is_dir():
        raise GoldError(f"{directory}: gold directory not found")
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise GoldError(f"{directory}: no gold files (*.json)")
    return [load_gold(path) for path in paths]


def is_draft(record: dict) -> bool:
    """Whether a gold record is marked ``"draft": true`` (not yet reviewed, so not scored)."""
    return record.get("draft") is True
