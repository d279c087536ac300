"""Gold records (``gold/<id>.json``): load them and check their shape (ANNOTATION.md sections 6 and 7).

The same checks apply to predicted records, which have the shape of a gold record plus extra keys.
Key fields (names, values, currencies, units) are required; attributes and ``text`` are optional
but must have the right type when given. ``events`` is optional (a record without it is not scored for
events); each event, when given, names a known type and every role of that type.
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

from extract.eventroles import EVENT_TYPES, METRICS, ROLES
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


def _name_or_null(value: object) -> str | None:
    return None if value is None or (isinstance(value, str) and value.strip()) else "must be a name or null"


def _date_or_null(value: object) -> str | None:
    return None if value is None else _date_value(value)


def _metric(value: object) -> str | None:
    return None if value in METRICS else f"must be one of {', '.join(METRICS)}"


def _spans(value: object) -> str | None:
    ok = isinstance(value, list) and all(
        isinstance(s, list) and len(s) == 2 and all(isinstance(i, int) and i >= 0 for i in s) and s[0] < s[1]
        for s in value
    )
    return None if ok else "must be a list of [start, end] offsets"


# Event roles by kind (eventroles.ROLES): a check for single values, or the fields of each item of a list.
ROLE_CHECKS: dict[str, Check] = {
    "org": _name_or_null, "person": _name_or_null, "city": _name_or_null, "text": _string_or_null,
    "date": _date_or_null, "metric": _metric, "orgs": _string_list,
}
ROLE_ITEMS: dict[str, dict[str, tuple[Check, bool]]] = {
    "amounts": {"value": (_number, True), "currency": (_currency, True)},
    "counts": {"value": (_number, True), "unit": (_non_empty_string, True)},
}
EVENT_FIELDS: dict[str, tuple[Check, bool]] = {"trigger": (_non_empty_string, False), "evidence": (_spans, False)}


def _check_event(event: object, where: str) -> None:
    """Raise RecordError when an event lacks a known type or one of its type's roles, or a role is malformed."""
    _check_fields(event, EVENT_FIELDS, where)
    if event.get("type") not in EVENT_TYPES:
        raise RecordError(f"{where}.type: must be one of {', '.join(EVENT_TYPES)}, got {reprlib.repr(event.get('type'))}")
    roles = event.get("roles")
    if not isinstance(roles, dict):
        raise RecordError(f"{where}.roles: must be a JSON object")
    expected = ROLES[event["type"]]
    unknown = sorted(set(roles) - set(expected))
    if unknown:
        raise RecordError(f"{where}.roles: {', '.join(unknown)} is no role of a {event['type']} event")
    for role, kind in expected.items():
        path = f"{where}.roles.{role}"
        if role not in roles:
            raise RecordError(f"{path}: missing (null or [] when not stated)")
        if kind in ROLE_ITEMS:
            if not isinstance(roles[role], list):
                raise RecordError(f"{path}: must be a list")
            for index, item in enumerate(roles[role]):
                _check_fields(item, ROLE_ITEMS[kind], f"{path}[{index}]")
        elif problem := ROLE_CHECKS[kind](roles[role]):
            raise RecordError(f"{path}: {problem}, got {reprlib.repr(roles[role])}")


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
    if "events" in record:
        if not isinstance(record["events"], list):
            raise RecordError("events: must be a list")
        for index, event in enumerate(record["events"]):
            _check_event(event, f"events[{index}]")


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
