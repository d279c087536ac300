"""``python -m extract table FACTS.jsonl... -o OUT``: the facts as tables, one per kind.

An Excel workbook (``OUT.xlsx``: one sheet per kind, frozen header, numbers as numbers, dates as
dates), or a folder of CSV or Parquet files (``--format csv|parquet``, or ``OUT.csv``/``OUT.parquet``
naming the folder), or one table as CSV on stdout (``-o -``, ``--sheet``). Every fact row carries its
article, normalised value(s), first mention as written, offsets and sentence; organisations and people
carry their entity id (entities.py).
"""
from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from extract.entities import Entity, entity_index, resolve
from extract.facts import FACT_TYPES
from extract.fileio import atomic_write_bytes, atomic_writer
from extract.records import InputError, Source, exit_status, load_sources

SHEETS = ("articles", *FACT_TYPES, "events", "entities")
FORMATS = ("xlsx", "csv", "parquet")
# Event roles (ANNOTATION.md section 7), in column order, by what they hold.
ORG_ROLES = ("recipient", "investors", "buyer", "target", "seller", "investor", "lender", "borrower", "org",
             "operator", "facility")
PERSON_ROLES = ("person",)
MEASURE_ROLES = {"amount": "currency", "stake": "unit", "capacity": "unit"}
OTHER_ROLES = ("metric", "role", "city", "date", "period")
MAX_WIDTH = 60
DATE_COLUMNS = ("published", "date", "first_published", "last_published")
EVENT_COLUMNS = [
    "article", "type", "trigger",
    *(c for role in (*ORG_ROLES, *PERSON_ROLES) for c in (role, f"{role}_entity")),
    *(c for role, unit in MEASURE_ROLES.items() for c in (role, f"{role}_value", f"{role}_{unit}")),
    *OTHER_ROLES, "evidence_start", "evidence_end", "evidence",
]

Row = dict[str, object]


def _date(value: str | None) -> pd.Timestamp | None:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value as the first day it covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return pd.Timestamp(year=parts[0], month=parts[1], day=parts[2])


def _precision(value: str) -> str:
    return ("year", "month", "day")[value.count("-")]


def format_number(value: float) -> str:
    """A number as an analyst writes it: no exponent, no trailing ``.0``."""
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:,}".replace(",", " ")


def _joined(values: Sequence[object] | None) -> str:
    return "; ".join(str(v) for v in values or [])


def _first_mention(source: Source, fact: dict) -> Row:
    """The first mention's words, offsets and sentence, and how many mentions there are."""
    mentions = sorted(fact.get("mentions") or [])
    if not mentions:
        return {"mention": None, "start": None, "end": None, "mentions": 0, "sentence": None}
    first = mentions[0]
    return {
        "mention": source.said(first) or None,
        "start": first[0],
        "end": first[1],
        "mentions": len(mentions),
        "sentence": source.sentence(first) or None,
    }


MENTION_COLUMNS = ["mention", "start", "end", "mentions", "sentence"]
COLUMNS = {
    "articles": ["id", "title", "published", "outlet", "authors", "url", "source", *FACT_TYPES, "events"],
    "organizations": ["article", "entity", "name", "aliases", *MENTION_COLUMNS],
    "people": ["article", "entity", "name", "title", "role", "aliases", "author", *MENTION_COLUMNS],
    "cities": ["article", "name", "country", "geonameid", *MENTION_COLUMNS],
    "amounts": ["article", "value", "currency", "qualifier", "text", *MENTION_COLUMNS],
    "dates": ["article", "value", "date", "precision", "text", "publication_date", *MENTION_COLUMNS],
    "counts": ["article", "value", "unit", "qualifier", "text", *MENTION_COLUMNS],
    "events": EVENT_COLUMNS,
    "entities": ["id", "kind", "name", "forms", "articles", "article_ids", "first_published", "last_published"],
}


def _frame(name: str, rows: list[Row]) -> pd.DataFrame:
    """A table's rows in its column order; an event role no event states is left out."""
    frame = pd.DataFrame(rows, columns=COLUMNS[name])
    if name == "events" and rows:
        frame = frame[[c for c in COLUMNS[name] if any(c in row for row in rows)]]
    return frame


def _measures(source: Source, kind: str, measure: str) -> list[Row]:
    """Rows of amounts (``measure`` currency) or counts (unit)."""
    return [
        {"article": source.record["id"], "value": fact["value"], measure: fact[measure],
         "qualifier": fact.get("qualifier"), "text": fact.get("text"), **_first_mention(source, fact)}
        for fact in source.record.get(kind, [])
    ]


class Tables:
    """The rows of every table, built from the records (with texts) and their resolved entities."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.records = {s.record["id"]: s.record for s in sources}
        self.entities: list[Entity] = resolve(s.record for s in sources)
        self.index = entity_index(self.entities)

    def entity(self, article: str, kind: str, name: str | None) -> str | None:
        """The entity id of an article's organisation or person named ``name`` (its name or an alias)."""
        if name is None:
            return None
        found = self.index.get((article, kind, name))
        if found:
            return found
        fact = next((f for f in self.records[article].get(kind, []) if name in f.get("aliases", [])), None)
        return self.index.get((article, kind, fact["name"])) if fact else None

    def frames(self) -> dict[str, pd.DataFrame]:
        builders: dict[str, Callable[[Source], list[Row]]] = {
            "articles": self.articles,
            "organizations": self.organizations,
            "people": self.people,
            "cities": self.cities,
            "amounts": self.amounts,
            "dates": self.dates,
            "counts": self.counts,
            "events": self.events,
        }
        frames = {name: _frame(name, [row for s in self.sources for row in build(s)]) for name, build in builders.items()}
        frames["entities"] = _frame("entities", self.entity_rows())
        return {name: frames[name] for name in SHEETS}

    def articles(self, source: Source) -> list[Row]:
        record = source.record
        return [{
            "id": record["id"],
            "title": record.get("title"),
            "published": _date(record.get("published")),
            "outlet": record.get("outlet"),
            "authors": _joined(record.get("authors")) or None,
            "url": record.get("url"),
            "source": record.get("source"),
            **{kind: len(record.get(kind, [])) for kind in (*FACT_TYPES, "events")},
        }]

    def organizations(self, source: Source) -> list[Row]:
        article = source.record["id"]
        return [
            {"article": article, "entity": self.entity(article, "organizations", fact["name"]), "name": fact["name"],
             "aliases": _joined(fact.get("aliases")), **_first_mention(source, fact)}
            for fact in source.record.get("organizations", [])
        ]

    def people(self, source: Source) -> list[Row]:
        article = source.record["id"]
        return [
            {"article": article, "entity": self.entity(article, "people", fact["name"]), "name": fact["name"],
             "title": fact.get("title"), "role": fact.get("role"), "aliases": _joined(fact.get("aliases")),
             "author": fact["name"] in (source.record.get("authors") or []), **_first_mention(source, fact)}
            for fact in source.record.get("people", [])
        ]

    def cities(self, source: Source) -> list[Row]:
        return [
            {"article": source.record["id"], "name": fact["name"], "country": fact.get("country"),
             "geonameid": fact.get("geonameid"), **_first_mention(source, fact)}
            for fact in source.record.get("cities", [])
        ]

    def amounts(self, source: Source) -> list[Row]:
        return _measures(source, "amounts", "currency")

    def dates(self, source: Source) -> list[Row]:
        return [
            {"article": source.record["id"], "value": fact["value"], "date": _date(fact["value"]),
             "precision": _precision(fact["value"]), "text": fact.get("text"),
             "publication_date": fact["value"] == source.record.get("published"), **_first_mention(source, fact)}
            for fact in source.record.get("dates", [])
        ]

    def counts(self, source: Source) -> list[Row]:
        return _measures(source, "counts", "unit")

    def events(self, source: Source) -> list[Row]:
        """One row per event, one column per role; organisation and person roles also give entity ids."""
        article = source.record["id"]
        rows = []
        for event in source.record.get("events") or []:
            roles = event.get("roles", {})
            row: Row = {"article": article, "type": event.get("type"), "trigger": event.get("trigger")}
            for role in (*ORG_ROLES, *PERSON_ROLES):
                if role in roles:
                    kind = "people" if role in PERSON_ROLES else "organizations"
                    names = roles[role] if isinstance(roles[role], list) else [roles[role]]
                    row[role] = _joined(n for n in names if n) or None
                    row[f"{role}_entity"] = _joined(self.entity(article, kind, n) or "?" for n in names if n) or None
            for role, unit in MEASURE_ROLES.items():
                if role in roles:
                    measures = roles[role] or []
                    row[role] = _joined(f"{format_number(m['value'])} {m[unit]}" for m in measures) or None
                    row[f"{role}_value"] = measures[0]["value"] if measures else None
                    row[f"{role}_{unit}"] = measures[0][unit] if measures else None
            for role in OTHER_ROLES:
                if role in roles:
                    row[role] = roles[role]
            evidence = sorted(event.get("evidence") or [])
            row["evidence_start"] = evidence[0][0] if evidence else None
            row["evidence_end"] = evidence[-1][1] if evidence else None
            row["evidence"] = " … ".join(source.said(span).strip() for span in evidence) or None
            rows.append(row)
        return rows

    def entity_rows(self) -> list[Row]:
        return [
            {"id": e.id, "kind": "organization" if e.kind == "organizations" else "person", "name": e.name,
             "forms": _joined(e.forms), "articles": len(e.articles), "article_ids": _joined(e.articles),
             "first_published": _date(e.first_published), "last_published": _date(e.last_published)}
            for e in self.entities
        ]


def _cell(value: object) -> object:
    """A value Excel accepts: control characters (a form feed pasted from a page) become spaces."""
    return ILLEGAL_CHARACTERS_RE.sub(" ", value) if isinstance(value, str) else value


def write_excel(frames: dict[str, pd.DataFrame], path: Path) -> None:
    """One sheet per table: frozen header row, widths from the contents, dates shown as dates."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame.map(_cell).to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            for number, column in enumerate(frame.columns, 1):
                values = frame[column].head(500).dropna().astype(str)
                width = max([len(column), *values.str.len()], default=8)
                letter = sheet.cell(1, number).column_letter
                sheet.column_dimensions[letter].width = min(max(width, 8) + 2, MAX_WIDTH)
                if column in DATE_COLUMNS:
                    for (cell,) in sheet.iter_rows(min_row=2, min_col=number, max_col=number):
                        cell.number_format = "yyyy-mm-dd"
    atomic_write_bytes(path, buffer.getvalue())


def write_folder(frames: dict[str, pd.DataFrame], folder: Path, fmt: str) -> None:
    """One file per table in ``folder``, each written whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        with atomic_writer(folder / f"{name}.{fmt}", "w" if fmt == "csv" else "wb") as handle:
            if fmt == "csv":
                frame.to_csv(handle, index=False)
            else:
                frame.to_parquet(handle, index=False)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract table",
        description="Turn the extractor's JSONL into tables: articles, one per fact type, events and entities.",
    )
    parser.add_argument("facts", nargs="+", type=Path, metavar="FACTS.jsonl", help="the extractor's output")
    parser.add_argument("-o", "--output", required=True,
                        help="OUT.xlsx (a workbook), a folder for CSV or Parquet files, or - for one table as CSV on stdout")
    parser.add_argument("--format", choices=FORMATS, help="default: from OUT's suffix (.xlsx, .csv, .parquet)")
    parser.add_argument("--sheet", choices=SHEETS, default="articles", help="the table written with -o - (default articles)")
    parser.add_argument("--corpus", type=Path, help="folder of the articles <id>.txt (default: each record's source)")
    return parser


def output_format(output: str, given: str | None) -> str:
    """The format asked for, from --format or OUT's suffix."""
    if output == "-":
        return "csv"
    fmt = given or Path(output).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(f"{output}: say which format with a .xlsx, .csv or .parquet suffix or --format")
    return fmt


def main(argv: Sequence[str]) -> int:
    """Entry point of ``python -m extract table``: 0 written, 2 bad input."""
    args = build_parser().parse_args(argv)

    def write() -> str:
        fmt = output_format(args.output, args.format)
        frames = Tables(load_sources(args.facts, args.corpus)).frames()
        if args.output == "-":
            sys.stdout.reconfigure(encoding="utf-8", newline="\n")
            try:
                frames[args.sheet].to_csv(sys.stdout, index=False)
            except BrokenPipeError:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # a reader such as `head` left
            return ""
        output = Path(args.output)
        print(f"writing {output} ({sum(map(len, frames.values()))} rows)…", file=sys.stderr, flush=True)
        if fmt == "xlsx":
            write_excel(frames, output)
        else:
            write_folder(frames, output, fmt)
        return f"wrote {output}: " + ", ".join(f"{len(frame)} {name}" for name, frame in frames.items())

    return exit_status(write, args.output)
