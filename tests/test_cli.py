"""``python -m extract`` run as a user would, in subprocesses (each run that extracts loads the model once)."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import assert_offsets

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SCHEMA = REPO / "schema" / "article.schema.json"
TIMEOUT = 600

GOOD_1 = (
    "Akdital ouvre une clinique à Tanger\n\n"
    "Le groupe Akdital a inauguré une clinique de 120 lits à Tanger en mars 2024, "
    "pour un investissement de 200 millions de dirhams.\n"
)
GOOD_2 = (
    "Oncorad Group signe une première mondiale\n\n"
    "Le Dr Youness Ahallal a réalisé une prostatectomie à 12.000 km de distance, depuis Shanghai, "
    "le 5 juin 2024.\n"
)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines()]


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "extract", *map(str, args)]


def environment(cache: Path) -> dict[str, str]:
    """The user's environment with the cache moved into the test's folder, so no test touches the user's cache."""
    return {**os.environ, "XDG_CACHE_HOME": str(cache)}


def run(cache: Path, *args: str | Path, cwd: Path | None = None) -> Run:
    done = subprocess.run(command(*args), capture_output=True, text=True, env=environment(cache), cwd=cwd,
                          timeout=TIMEOUT)
    assert "Traceback" not in done.stderr, done.stderr
    return Run(done.returncode, done.stdout, done.stderr)


def run_with_terminal_stderr(cache: Path, *args: str | Path) -> Run:
    """Run with stderr on a pseudo-terminal (where a progress bar is shown) and stdout on a pipe."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real terminal has a width
    process = subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=slave, env=environment(cache))
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO once the child has closed the terminal
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout, _ = process.communicate(timeout=TIMEOUT)
    reader.join(timeout=30)
    os.close(master)
    stderr = b"".join(chunks).decode("utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr
    return Run(process.returncode, stdout.decode("utf-8"), stderr)


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def check_records(records: list[dict], sources: list[Path]) -> None:
    """One record per source, in order, each with offsets that give back its texts."""
    assert [r["id"] for r in records] == [p.stem for p in sources]
    for record, path in zip(records, sources):
        assert_offsets(record, path.read_bytes().decode("utf-8"))


# -- the seeds, with the cache --------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory) -> tuple[Run, Path, Path]:
    """``python -m extract SEEDS -o out.jsonl`` over an old output file, with a fresh cache."""
    if not seed_files():
        pytest.skip(f"no seed articles in {SEEDS}")
    tmp = tmp_path_factory.mktemp("seeds")
    out = tmp / "out.jsonl"
    out.write_text("stale content that must disappear\n" * 50, encoding="utf-8")
    result = run(tmp / "cache", SEEDS, "-o", out, "--no-progress")
    return result, out, tmp / "cache"


def test_seeds_exit_0_and_output_file_holds_every_record_and_nothing_else(seeds_run) -> None:
    result, out, _ = seeds_run
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n") and "stale content" not in text
    records = [json.loads(line) for line in text.splitlines()]
    check_records(records, seed_files())
    assert f"{len(records)} article(s) extracted" in result.stderr


def test_seed_records_validate_against_the_schema(seeds_run) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    _, out, _ = seeds_run
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["id"], errors)


def test_events_are_required_by_the_schema_and_every_seed_record_has_them(seeds_run) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    _, out, _ = seeds_run
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(isinstance(r["events"], list) for r in records)
    assert any(r["events"] for r in records), "no seed yields an event"
    for record in records:
        text = (SEEDS / f"{record['id']}.txt").read_bytes().decode("utf-8")
        for event in record["events"]:
            assert all(text[s:e].strip() for s, e in event["evidence"]), event
    without = {k: v for k, v in records[0].items() if k != "events"}
    with pytest.raises(jsonschema.ValidationError, match="'events' is a required property"):
        jsonschema.validate(without, schema, cls=jsonschema.Draft202012Validator)
    broken = {**records[0], "events": [{"type": "funding", "trigger": "lève", "roles": {"recipient": "X"},
                                         "evidence": [[0, 5]]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_cache_is_reused_and_a_corrupt_cache_is_ignored(seeds_run) -> None:
    first, out, cache = seeds_run
    assert first.returncode == 0
    expected = out.read_text(encoding="utf-8")
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries, f"the first run wrote no cache under {cache}"

    again = run(cache, SEEDS, "--no-progress")
    assert again.returncode == 0, again.stderr
    assert again.stdout == expected

    for entry in entries:
        entry.write_bytes(b"\x00garbage{not json")
    corrupt = run(cache, SEEDS, "--no-progress")
    assert corrupt.returncode == 0, corrupt.stderr
    assert corrupt.stdout == expected


# -- order, jobs and progress -------------------------------------------------------------------

@pytest.fixture(scope="module")
def reversed_seeds() -> list[Path]:
    files = seed_files()
    if len(files) < 2:
        pytest.skip("order needs at least two seed articles")
    return files[::-1]


def test_order_jobs_and_progress(tmp_path: Path, reversed_seeds: list[Path], seeds_run) -> None:
    one = run_with_terminal_stderr(tmp_path / "cache", "--no-cache", "--jobs", "1", "--batch-size", "1",
                                   *reversed_seeds)
    assert one.returncode == 0, one.stderr
    check_records(one.records, reversed_seeds)  # every stdout line is a record: no progress there
    assert "article" in one.stderr and "%" in one.stderr, "a progress bar on the terminal stderr"
    assert not (tmp_path / "cache").exists(), "--no-cache wrote a cache"

    two = run(tmp_path / "cache", "--no-cache", "--jobs", "2", "--batch-size", "1", *reversed_seeds)
    assert two.returncode == 0, two.stderr
    assert two.stdout == one.stdout

    _, out, _ = seeds_run
    cached = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert one.records == [cached[p.stem] for p in reversed_seeds]


# -- bad inputs -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bad_inputs_run(tmp_path_factory) -> tuple[Run, Path]:
    """One run over a folder of bad articles between good ones, and a folder with no article."""
    tmp = tmp_path_factory.mktemp("bad")
    folder = tmp / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD_1, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_blank.txt").write_bytes(b"  \n\t\r\n  \n")
    (folder / "d_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "e_latin1.txt").write_bytes("Le groupe a investi 200 millions de dirhams à Fès.\n".encode("latin-1"))
    unreadable = folder / "f_unreadable.txt"
    unreadable.write_text(GOOD_2, encoding="utf-8")
    unreadable.chmod(0)
    (folder / "g_good.txt").write_text(GOOD_2, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp / "empty").mkdir()
    try:
        result = run(tmp / "cache", folder, tmp / "empty", "--no-progress", cwd=tmp)
    finally:
        unreadable.chmod(0o644)
    return result, folder


def skipped_line(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if name in line]
    assert lines, f"{name} is not named on stderr:\n{stderr}"
    return lines[0]


def test_bad_inputs_exit_1_and_good_articles_are_still_output_in_order(bad_inputs_run) -> None:
    result, folder = bad_inputs_run
    assert result.returncode == 1, result.stderr
    good = [folder / "a_good.txt", folder / "g_good.txt"]
    if os.geteuid() == 0:  # root reads a file whatever its mode
        good.insert(1, folder / "f_unreadable.txt")
    check_records(result.records, good)
    assert all(r["source"] == str(p) for r, p in zip(result.records, good))


@pytest.mark.parametrize(
    ("name", "reasons"),
    [
        ("b_empty.txt", ["empty"]),
        ("c_blank.txt", ["empty"]),
        ("d_binary.txt", ["binary"]),
        ("e_latin1.txt", ["UTF-8", "convert"]),
    ],
)
def test_each_bad_article_is_named_with_its_reason(bad_inputs_run, name: str, reasons: list[str]) -> None:
    result, _ = bad_inputs_run
    line = skipped_line(result.stderr, name)
    for reason in reasons:
        assert reason.lower() in line.lower(), line
    assert name not in result.stdout


def test_unreadable_article_is_named_with_its_reason(bad_inputs_run) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root, which can read a file with mode 000")
    result, _ = bad_inputs_run
    line = skipped_line(result.stderr, "f_unreadable.txt")
    assert "cannot read" in line.lower() or "permission" in line.lower(), line


def test_folder_without_articles_beside_others_is_named(bad_inputs_run) -> None:
    result, folder = bad_inputs_run
    assert str(folder.parent / "empty") in result.stderr


# -- usage errors: no article is read, so no model is loaded ----------------------------------

def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    for args in ([tmp_path / "nope.txt"], [good, tmp_path / "nope.txt"]):
        result = run(tmp_path / "cache", *args)
        assert result.returncode == 2
        assert result.stdout == ""
        line = skipped_line(result.stderr, "nope.txt")
        assert "no such file" in line.lower(), line


def test_folder_without_articles_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.md").write_text("no article here", encoding="utf-8")
    result = run(tmp_path / "cache", tmp_path / "empty")
    assert result.returncode == 2
    assert result.stdout == ""
    line = skipped_line(result.stderr, str(tmp_path / "empty"))
    assert "no articles" in line.lower(), line


@pytest.mark.parametrize("args", [[], ["--jobs", "0", "{good}"], ["--batch-size", "0", "{good}"]])
def test_bad_arguments_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    result = run(tmp_path / "cache", *[a.format(good=good) for a in args])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip()


def test_output_into_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root, which can write into a folder with mode 555")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        good = tmp_path / "good.txt"
        good.write_text(GOOD_1, encoding="utf-8")
        result = run(tmp_path / "cache", good, "-o", locked / "out.jsonl", "--no-progress")
    finally:
        locked.chmod(0o755)
        shutil.rmtree(locked)
    assert result.returncode == 2
    assert "cannot write" in result.stderr
