"""Reading the extractor's JSONL back for the analyst's commands: records, their article texts, sentences."""
from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from extract.evaluate import InputError, parse_jsonl
from extract.facts import sentence_bounds
from extract.gold import RecordError
from extract.reader import ArticleError, read_article


@dataclass
class Source:
    """One record with its article's text, when the text could be found and is the one extracted."""

    record: dict
    text: str | None

    @cached_property
    def _starts(self) -> tuple[int, ...]:
        return sentence_bounds(self.text or "")

    def said(self, span: Sequence[int]) -> str:
        """The words at ``span`` as written, or "" without the text."""
        return self.text[span[0] : span[1]] if self.text else ""

    def sentence(self, span: Sequence[int]) -> str:
        """The sentence (or line) that holds the start of ``span``, or "" without the text."""
        if not self.text:
            return ""
        i = bisect_right(self._starts, span[0]) - 1
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return self.text[self._starts[i] : end].strip()


def load_records(paths: Sequence[Path]) -> list[dict]:
    """The records of one or more JSONL files, in order; InputError for unreadable, invalid or repeated ones."""
    records: dict[str, dict] = {}
    for path in paths:
        for where, record in parse_jsonl(path):
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                raise InputError(f"{where}: not an output record (a JSON object with an id)")
            if record["id"] in records:
                raise InputError(f"{where}: second record for article {record['id']!r}")
            records[record["id"]] = record
    if not records:
        raise InputError(f"{', '.join(map(str, paths))}: no records")
    return list(records.values())


def find_text(record: dict, corpus: Path | None) -> str | None:
    """The article's text: ``<corpus>/<id>.txt`` or the record's ``source``, if its SHA-256 is the record's."""
    candidates = ([corpus / f"{record['id']}.txt"] if corpus else []) + [Path(record.get("source", ""))]
    for path in candidates:
        if not path.is_file():
            continue
        try:
            article = read_article(path)
        except ArticleError:
            continue
        if "sha256" not in record or article.sha256 == record["sha256"]:
            return article.text
        print(f"warning: {path}: changed since it was extracted; offsets no longer apply", file=sys.stderr)
    return None


def load_sources(paths: Sequence[Path], corpus: Path | None = None) -> list[Source]:
    """The records of the JSONL files with their texts; a missing text is said once on stderr."""
    sources = [Source(record, find_text(record, corpus)) for record in load_records(paths)]
    missing = [s.record["id"] for s in sources if s.text is None]
    if missing:
        print(
            f"warning: article text not found for {len(missing)} record(s) ({', '.join(missing[:5])}"
            f"{', …' if len(missing) > 5 else ''}); give --corpus DIR for mentions as written and sentences",
            file=sys.stderr,
        )
    return sources


def exit_status(write: Callable[[], str], output: object) -> int:
    """Run a command's ``write`` and say on stderr what it wrote (exit 0); bad input, or an ``output`` that
    cannot be written, is one line on stderr (exit 2)."""
    try:
        said = write()
    except (InputError, RecordError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: cannot write {output}: {err}", file=sys.stderr)
        return 2
    if said:
        print(said, file=sys.stderr)
    return 0
