"""``python -m extract table`` on hand-made records (with and without events): no model needed."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import SAMPLE_A, sample_records
from extract.table import SHEETS, main


def table(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", "table", *map(str, args)], capture_output=True, text=True)


@pytest.fixture()
def sample(tmp_path: Path) -> tuple[Path, Path]:
    return sample_records(tmp_path)


def test_excel_has_every_sheet_frozen_headers_numbers_and_dates(sample, tmp_path: Path) -> None:
    facts, _ = sample
    out = tmp_path / "out" / "facts.xlsx"
    assert main([str(facts), "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == list(SHEETS)
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.cell(1, 1).value in ("id", "article"), sheet.title
    articles = {row[0]: row for row in book["articles"].iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in book["articles"][1]]
    a1 = dict(zip(header, articles["a1"]))
    assert a1["published"] == dt.datetime(2025, 3, 12)
    assert book["articles"]["C2"].number_format == "yyyy-mm-dd"
    assert (a1["outlet"], a1["authors"], a1["amounts"], a1["events"]) == ("Le Journal Éco", "Salma Bennani", 1, 2)
    amounts = list(book["amounts"].iter_rows(min_row=2, values_only=True))
    assert amounts[0][1] == 300000000 and isinstance(amounts[0][1], (int, float))


def test_fact_rows_carry_mention_offsets_and_sentence(sample) -> None:
    facts, _ = sample
    result = table(facts, "-o", "-", "--sheet", "counts")
    assert result.returncode == 0, result.stderr
    rows = list(pd.read_csv(pd.io.common.StringIO(result.stdout)).itertuples())
    beds = next(r for r in rows if r.unit == "lit")
    assert (beds.article, beds.value, beds.mention) == ("a1", 120, "120 lits")
    assert SAMPLE_A[beds.start : beds.end] == "120 lits"
    assert beds.sentence == "Le groupe ouvrira une clinique de 120 lits à Fès en 2026."


def test_events_one_row_each_one_column_per_role_with_entity_ids(sample, tmp_path: Path) -> None:
    facts, _ = sample
    assert main([str(facts), "-o", str(tmp_path / "csv"), "--format", "csv"]) == 0
    events = pd.read_csv(tmp_path / "csv" / "events.csv", dtype={"date": str})
    orgs = pd.read_csv(tmp_path / "csv" / "organizations.csv")
    assert list(events["type"]) == ["funding", "opening"]
    funding, opening = events.iloc[0], events.iloc[1]
    assert (funding["recipient"], funding["investors"], funding["amount_value"]) == ("Atlas Soins", "Nour Capital", 3e8)
    assert funding["stake"] == "25 %"
    assert funding["evidence"].startswith("Le groupe Atlas Soins a bouclé une levée de fonds")
    assert (opening["operator"], opening["city"], opening["capacity_value"], str(opening["date"])) == \
        ("Atlas Soins", "Fès", 120, "2026")
    atlas = orgs[(orgs.article == "a1") & (orgs.name == "Atlas Soins")].entity.item()
    assert funding["recipient_entity"] == atlas == opening["operator_entity"]
    # the same company in the other article (named there with its type word) has the same entity id
    assert orgs[(orgs.article == "b2") & (orgs.name == "Atlas Soins")].entity.item() == atlas


def test_records_without_events_still_give_an_events_table(sample, tmp_path: Path) -> None:
    facts, _ = sample
    lines = facts.read_text(encoding="utf-8").splitlines()
    no_events = tmp_path / "no_events.jsonl"
    no_events.write_text("\n".join(json.dumps({k: v for k, v in json.loads(l).items() if k != "events"})
                                   for l in lines) + "\n", encoding="utf-8")
    assert main([str(no_events), "-o", str(tmp_path / "pq"), "--format", "parquet"]) == 0
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert events.empty and {"type", "trigger", "recipient", "evidence"} <= set(events.columns)
    entities = pd.read_parquet(tmp_path / "pq" / "entities.parquet")
    atlas = entities[entities.name == "Atlas Soins"].iloc[0]
    assert (atlas.articles, str(atlas.first_published)[:10], str(atlas.last_published)[:10]) == \
        (2, "2025-03-12", "2025-04-18")


def test_missing_article_text_is_said_and_rows_keep_their_facts(sample, tmp_path: Path) -> None:
    facts, corpus = sample
    for path in corpus.iterdir():
        path.unlink()
    result = table(facts, "-o", "-", "--sheet", "amounts")
    assert result.returncode == 0
    assert "article text not found" in result.stderr and "--corpus" in result.stderr
    assert "300000000" in result.stdout


@pytest.mark.parametrize("content, message", [("{not json\n", "invalid JSON"), ("", "no records")])
def test_bad_input_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    result = table(bad, "-o", tmp_path / "out.xlsx")
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_an_unknown_output_format_is_refused(sample, tmp_path: Path) -> None:
    facts, _ = sample
    result = table(facts, "-o", tmp_path / "out.ods")
    assert result.returncode == 2 and ".xlsx" in result.stderr


def test_control_characters_in_an_article_do_not_break_the_workbook(tmp_path: Path) -> None:
    facts, corpus = sample_records(tmp_path)
    record = json.loads(facts.read_text(encoding="utf-8").splitlines()[0])
    record["title"] = "Atlas Soins\x0clève 300 MDH"
    facts.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(facts), "-o", str(tmp_path / "out.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["articles"]["B2"].value == "Atlas Soins lève 300 MDH"
