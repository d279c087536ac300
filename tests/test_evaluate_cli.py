"""``python -m extract evaluate`` run as a subprocess on gold and prediction files written here."""
from __future__ import annotations

import copy
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

GOLD = {
    "id": "a",
    "organizations": [{"name": "Oncorad Group", "aliases": ["Oncorad"]}],
    "people": [{"name": "Youness Ahallal", "title": "Dr", "role": None, "aliases": []}],
    "cities": [{"name": "Casablanca", "country": "MA", "geonameid": 2553604}],
    "amounts": [{"value": 458000000, "currency": "MAD", "qualifier": "exact", "text": "458 millions de dirhams"}],
    "dates": [{"value": "2023-05", "text": "mai 2023"}],
    "counts": [{"value": 28, "unit": "lit", "qualifier": "exact", "text": "28 lits"}],
}
FACTS_IN_GOLD = 6


def gold_record(article_id: str = "a", **changes: object) -> dict:
    record = copy.deepcopy(GOLD)
    record.update(id=article_id, **changes)
    return record


def write_json(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def evaluate(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "extract", "evaluate", *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    write_json(tmp_path / "gold" / "a.json", gold_record())
    return tmp_path / "gold"


def test_perfect_prediction_scores_one(tmp_path: Path, gold_dir: Path) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record()])
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--json", tmp_path / "out.json")
    assert result.returncode == 0, result.stderr
    scores = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert scores["micro"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": FACTS_IN_GOLD, "fp": 0, "fn": 0}
    micro_row = next(line for line in result.stdout.splitlines() if line.startswith("micro"))
    assert micro_row.split() == ["micro", "1.000", "1.000", "1.000", str(FACTS_IN_GOLD), "0", "0"]
    assert "people.title" in result.stdout


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps({k: v for k, v in GOLD.items() if k != "counts"}), "counts: missing list"),
        (
            json.dumps(gold_record(amounts=[{"value": 5, "currency": "EUR"}, {"value": 5, "currency": "XYZ"}])),
            "amounts[1].currency",
        ),
        (json.dumps(gold_record(dates=[{"value": "2023-02-30"}])), "dates[0].value: is not a real date"),
        (json.dumps(gold_record(dates=[{"value": "mai 2023"}])), "dates[0].value"),
        (json.dumps(gold_record(people=[{"name": 42}])), "people[0].name: must be a non-empty string"),
        (json.dumps(gold_record(counts=[{"value": "28", "unit": "lit"}])), "counts[0].value: must be a finite number"),
        (json.dumps(gold_record(counts=[{"value": 28, "unit": ""}])), "counts[0].unit"),
        (json.dumps(gold_record(amounts=[{"value": 5, "currency": "EUR", "qualifier": "about"}])), "qualifier"),
        (json.dumps(gold_record(organizations=[{"name": "X", "aliases": "Y"}])), "organizations[0].aliases"),
        (json.dumps(gold_record("other")), "does not match the file name"),
        ("[]", "must be a JSON object"),
    ],
)
def test_bad_gold_file_exits_2_naming_path_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    bad = tmp_path / "gold" / "a.json"
    bad.parent.mkdir()
    bad.write_text(content, encoding="utf-8")
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record()])
    result = evaluate(tmp_path, "--gold", bad.parent, "--pred", pred)
    assert result.returncode == 2
    assert str(bad) in result.stderr
    assert problem in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_gold_directory_exits_2(tmp_path: Path) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record()])
    result = evaluate(tmp_path, "--gold", tmp_path / "nowhere", "--pred", pred)
    assert result.returncode == 2
    assert "nowhere" in result.stderr and "not found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("second_line", "problem"),
    [
        ("{broken", "line 2: invalid JSON"),
        (json.dumps({"id": "b"}), "line 2: organizations: missing list"),
        (json.dumps(gold_record("a")), "line 2: second prediction for article 'a'"),
    ],
)
def test_malformed_prediction_line_exits_2(tmp_path: Path, gold_dir: Path, second_line: str, problem: str) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(gold_record()) + "\n" + second_line + "\n", encoding="utf-8")
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred)
    assert result.returncode == 2
    assert f"{pred} {problem}" in result.stderr
    assert "Traceback" not in result.stderr


def test_draft_gold_is_skipped_and_reported(tmp_path: Path, gold_dir: Path) -> None:
    write_json(gold_dir / "b.json", gold_record("b", draft=True))
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record()])
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--csv", tmp_path / "out.csv")
    assert result.returncode == 0, result.stderr
    assert "skipped 1 draft gold record(s): b" in result.stdout
    assert "no prediction" not in result.stdout
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["article"] for row in csv.DictReader(handle)} == {"a"}


def test_gold_article_without_prediction_is_all_false_negatives(tmp_path: Path, gold_dir: Path) -> None:
    write_json(gold_dir / "b.json", gold_record("b"))
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record()])
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--json", tmp_path / "out.json")
    assert result.returncode == 0, result.stderr
    assert "no prediction for 1 gold article(s), all counted as FN: b" in result.stdout
    scores = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert scores["micro"]["tp"] == FACTS_IN_GOLD
    assert scores["micro"]["fn"] == FACTS_IN_GOLD
    assert scores["micro"]["r"] == 0.5


def test_json_and_csv_outputs(tmp_path: Path, gold_dir: Path) -> None:
    wrong_amount = {"value": 5, "currency": "EUR", "qualifier": "exact", "text": "5 euros"}
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record(amounts=[wrong_amount])])
    out_json, out_csv = tmp_path / "out" / "scores.json", tmp_path / "out" / "counts.csv"
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--json", out_json, "--csv", out_csv)
    assert result.returncode == 0, result.stderr
    scores = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(scores) == {"organizations", "people", "cities", "amounts", "dates", "counts", "micro", "attributes", "events"}
    assert scores["events"]["scored_records"] == 0 and scores["events"]["unscored_records"] == ["a"]
    assert scores["amounts"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert scores["micro"]["tp"] == 5 and scores["micro"]["f1"] == pytest.approx(5 / 6)
    assert scores["attributes"]["people.title"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    with out_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["article", "type", "tp", "fp", "fn"]
    assert len(rows) == 6
    assert {"article": "a", "type": "amounts", "tp": "0", "fp": "1", "fn": "1"} in rows
    assert {"article": "a", "type": "dates", "tp": "1", "fp": "0", "fn": "0"} in rows


def test_min_f1_sets_exit_status(tmp_path: Path, gold_dir: Path) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record(dates=[], counts=[])])  # micro F1 = 0.8
    below = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--min-f1", "0.9")
    assert below.returncode == 1
    assert "below --min-f1" in below.stderr
    above = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--min-f1", "0.8")
    assert above.returncode == 0, above.stderr
    assert "below" not in above.stderr


def test_details_list_false_positives_and_negatives(tmp_path: Path, gold_dir: Path) -> None:
    pred_record = gold_record(
        amounts=[{"value": 5, "currency": "EUR", "qualifier": "exact", "text": "5 euros"}],
        organizations=[{"name": "Orange Maroc", "aliases": []}],
    )
    pred = write_jsonl(tmp_path / "pred.jsonl", [pred_record])
    plain = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred)
    assert "Orange Maroc" not in plain.stdout
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--details")
    assert result.returncode == 0, result.stderr
    details = [line.split(None, 3) for line in result.stdout.splitlines() if " FP " in line or " FN " in line]
    assert sorted(details) == [
        ["a", "amounts", "FN", "458000000 MAD"],
        ["a", "amounts", "FP", "5 EUR"],
        ["a", "organizations", "FN", "Oncorad Group"],
        ["a", "organizations", "FP", "Orange Maroc"],
    ]


class EchoExtractor:
    """Stands in for the extractor: predicts the gold record of article "a" for every article."""

    def __init__(self, **options: object) -> None:
        pass

    def pipe(self, articles: list, on_error: object = None) -> object:
        return ({**gold_record(article.id), "source": article.source} for article in articles)


def test_without_pred_runs_the_extractor_on_the_corpus(
    tmp_path: Path, gold_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from extract import evaluate as evaluate_module, extractor

    monkeypatch.setattr(extractor, "Extractor", EchoExtractor)
    write_json(gold_dir / "b.json", gold_record("b"))
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Oncorad Group a levé 458 millions de dirhams.", encoding="utf-8")
    status = evaluate_module.main(["--gold", str(gold_dir), "--corpus", str(tmp_path / "corpus")])
    out, err = capsys.readouterr()
    assert status == 0
    assert "b.txt" in err  # the missing article is reported
    assert "no prediction for 1 gold article(s), all counted as FN: b" in out
    micro = next(line for line in out.splitlines() if line.startswith("micro")).split()
    assert micro[-3:] == [str(FACTS_IN_GOLD), "0", str(FACTS_IN_GOLD)]


EVENT = {"type": "funding", "trigger": "levée de fonds", "roles": {
    "recipient": "Oncorad Group", "investors": ["STOA"], "amount": [{"value": 458000000, "currency": "MAD"}],
    "stake": [], "date": "2023-05"}}


def test_events_are_scored_apart_listed_in_details_and_written_to_json(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_json(gold_dir / "a.json", gold_record(events=[EVENT]))
    write_json(gold_dir / "b.json", gold_record("b"))  # no events key: not scored for events
    predicted_event = copy.deepcopy(EVENT)
    predicted_event["roles"].update(recipient="Oncorad", investors=[])
    wrong = {"type": "loan", "trigger": "prêt", "roles": {
        "lender": "Oncorad Group", "borrower": None, "amount": [{"value": 1, "currency": "MAD"}], "date": None}}
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record(events=[predicted_event, wrong]),
                                                 gold_record("b", events=[wrong])])
    result = evaluate(tmp_path, "--gold", gold_dir, "--pred", pred, "--details", "--json", tmp_path / "s.json")
    assert result.returncode == 0, result.stderr
    assert "events: 1 gold record(s) without an events key, not scored for events: b" in result.stdout
    assert "a  FP  loan: lender=Oncorad Group, amount=1 MAD" in result.stdout
    assert "b  FP" not in result.stdout
    scores = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert scores["micro"]["f1"] == 1.0  # the six fact types, apart from events
    events = scores["events"]
    assert events["funding"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert (events["micro"]["tp"], events["micro"]["fp"], events["micro"]["fn"]) == (1, 1, 0)
    assert events["roles"]["funding.investors"] == {"accuracy": 0.0, "correct": 0, "total": 1}
    assert events["roles"]["funding.date"]["accuracy"] == 1.0
    assert events["unscored_records"] == ["b"] and events["scored_records"] == 1


def test_a_malformed_gold_event_is_a_clear_error(tmp_path: Path) -> None:
    bad = copy.deepcopy(EVENT)
    del bad["roles"]["stake"]
    write_json(tmp_path / "gold" / "a.json", gold_record(events=[bad]))
    pred = write_jsonl(tmp_path / "pred.jsonl", [gold_record()])
    result = evaluate(tmp_path, "--gold", tmp_path / "gold", "--pred", pred)
    assert result.returncode == 2
    assert "events[0].roles.stake: missing" in result.stderr
