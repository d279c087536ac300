"""Hostile and careless inputs (issue 12): every path ends in a clear message, nothing lost or destroyed.

The matrix, case → behaviour → test:

Text
  NFD text (decomposed accents)           → read in NFC, offsets mapped back; facts equal the NFC text's
                                            → test_nfd_text_gives_the_facts_of_nfc_text
  U+2028, U+2029, NEL, form feed as breaks → read as line breaks: chrome recognised as with \\n
                                            → test_unicode_line_breaks_are_line_breaks

Numbers
  10^12 euros, 10**12 euros, 1e12 euros     → no amount (not 12 EUR)          → test_exponent_is_not_a_number
  0,0000001 %                               → 1e-07, not 0.0 (15 significant digits) → test_tiny_values_keep_their_digits
  99999999999999999999 dirhams              → the exact integer               → test_huge_integers_stay_exact
  a number beyond float range (400 digits)  → no fact, no failure             → test_numbers_beyond_float_range_give_nothing

Article files (`python -m extract`)
  PDF, ZIP/Office, image… without NUL bytes  → skipped "binary file (a PDF document)" → test_binary_formats_are_named
  UTF-16 / UTF-32 with a byte-order mark     → decoded (the mark says the encoding) → test_wide_encodings_with_a_bom_are_read,
                                                                                     test_run_over_hostile_folder
  UTF-16 without a byte-order mark           → skipped: "UTF-16LE text …; iconv -f utf-16le -t utf-8"
                                            → test_utf16_without_a_bom_is_named_with_a_conversion
  FIFO, device named or inside a folder      → skipped "not a regular file", never read (no hang)
  dangling link, link loop inside a folder   → skipped with its reason, exit 1, as when named directly
                                            → test_unreadable_entries_are_reported_alike_named_or_in_a_folder
  file name not valid UTF-8                  → read; id and source show the bytes as \\xNN (valid UTF-8)
                                            → test_run_over_hostile_folder
  same file named twice (or file + its folder) → read once, with a warning  → test_run_over_hostile_folder
  two files with the same id (a/x.txt b/x.txt) → exit 2 at start, both named → test_duplicate_ids_are_refused
  every article fails, -o exists             → "-o … left unchanged", file intact → test_all_failed_leaves_output_unchanged

Output files (`-o`)
  -o a symlink                               → its target is written, the link kept → test_run_over_hostile_folder
  -o a FIFO or character device              → written through, never replaced → test_output_to_a_fifo_or_device_is_written_through
  -o /dev/stdout (a link to a pipe)          → written through to stdout       → test_output_to_dev_stdout_goes_to_stdout
  SIGTERM, SIGHUP, Ctrl-C during a run       → temporary removed, one line, exit 128+n / 130 → test_a_signal_ends_a_run_cleanly
  temporary left by a SIGKILLed run          → removed by the next write of that file (its process is gone)
                                            → test_stale_temporaries_of_dead_processes_are_removed

Cache
  entry of the wrong shape ("organizations": 5), valid checksum → rebuilt, never served
  entry altered after it was written (checksum differs)        → rebuilt
  entry in the old format, garbage, JSON nested 100,000 deep, a lone surrogate → rebuilt
                                            → test_a_bad_cache_entry_is_rebuilt, test_altered_cache_entries_are_never_served

`add`
  four `add` processes at once                → every article its own index (a lock on the corpus folder)
                                            → test_concurrent_adds_never_share_an_index
  <meta charset="windows-1256"> (or http-equiv) → decoded as declared → test_declared_charset_is_honoured
  1 MB page of inline CSS / base64 image, short article → stored (the limit applies to the text)
                                            → test_the_length_limit_applies_to_the_text_not_the_html
  PDF, PNG… renamed .txt or .html; FIFO      → rejected, naming the format / "not a regular file"
                                            → test_add_rejects_what_is_not_an_article
  `add -` with stdin closed; --corpus (or --gold with --draft-gold) a file → "error: …", exit 2
                                            → test_add_usage_errors

`evaluate` (each: "error: …" naming the file, exit 2, no traceback)
  gold or prediction value of 400 or 5,000 digits, JSON nested 100,000 deep → test_evaluate_rejects_unusable_json
  --json / --csv into a folder, under a file, or as a folder → refused before scoring → test_evaluate_unwritable_outputs
  --min-f1 nan, inf, -1, 2, abc                → usage error                      → test_evaluate_min_f1_must_be_a_threshold

Found beyond the issue
  -o naming one of the articles read         → refused (exit 2), the article kept → test_output_must_not_be_an_input
  -o a symlink loop                          → refused before any work (exit 2)  → test_output_must_not_be_an_input
  stdout closed (>&-)                        → "standard output is closed; give -o FILE", exit 2
  stdout or -o on a full disk (/dev/full)    → "cannot write output: No space left", exit 2, nothing at exit
                                            → test_closed_or_full_output_is_reported
  a FIFO among the gold files                → "not a regular file", exit 2 (no hang) → test_evaluate_gold_fifo_is_refused
  Ctrl-C / SIGTERM with --jobs               → workers end quietly (no worker traceback; the pool's own SIGTERM too)
                                            → test_ctrl_c_with_workers_is_one_line
  a --jobs worker killed mid-batch (OOM)     → its batches sent again alone, no hang, no record lost; an article
                                              that kills its worker twice alone is reported and skipped
                                            → test_workers.py
  an empty path ("" from an unset variable)  → usage error, not the current folder
  --jobs beyond 4 per core                    → usage error, no fork bomb   → test_empty_path_and_absurd_jobs_are_usage_errors
  any failure left (a bug)                   → one "error: internal failure" line, exit 3; EXTRACT_DEBUG=1 shows it
                                            → test_an_unexpected_failure_is_one_line
"""
from __future__ import annotations

import codecs
import json
import os
import signal
import stat
import subprocess
import threading
import unicodedata
from pathlib import Path

import pytest

from conftest import QUANTITIES, make_article
from extract.amounts import AmountFinder
from extract.cache import ResultCache, checksum
from extract.counts import CountFinder
from extract.extractor import Extractor
from extract.fileio import atomic_write_text
from extract.reader import ArticleError, decode_article
from extract.rules import load_rules
from test_cli import GOOD_1, GOOD_2, Run, command, environment, run

FACT_KINDS = ("organizations", "people", "cities", "amounts", "dates", "counts")

ACCENTED = (
    "La Clinique Internationale de Marrakech ouvre à Fès\n\n"
    "Le groupe Akdital a inauguré à Fès une clinique de 120 lits et trois unités de réanimation, "
    "pour un investissement de 200 millions de dirhams, a annoncé le Dr Rochdi Talib le 5 février 2024. "
    "La Société Générale Maroc et la Caisse de Dépôt et de Gestion financent l'opération.\n"
)
WITH_CHROME = (
    "Économie\n"
    "Akdital ouvre une clinique de 120 lits à Tanger\n"
    "Par Karim Benali | Le Matin\n\n"
    "Le groupe Akdital a inauguré une clinique de 120 lits à Tanger en mars 2024, pour un investissement "
    "de 200 millions de dirhams, selon son président Rochdi Talib.\n"
    "À lire aussi\n"
    "Saham rachète 3 cliniques à Agadir pour 90 millions de dirhams\n"
    "Partager sur Facebook\n"
    "© 2024 Le Matin. Tous droits réservés.\n"
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One extractor (one model load) for every in-process case."""
    return Extractor()


def extract(extractor: Extractor, text: str) -> dict:
    (record,) = list(extractor.pipe([make_article(text)]))
    return record


def without_mentions(record: dict) -> dict:
    """The facts of a record, with neither offsets nor the quantities' ``text`` (which quote the source)."""
    skip = {"mentions", "text"}
    return {kind: [{k: v for k, v in fact.items() if k not in skip} for fact in record[kind]] for kind in FACT_KINDS}


# -- text ----------------------------------------------------------------------------------------

def test_nfd_text_gives_the_facts_of_nfc_text(extractor: Extractor) -> None:
    nfd = unicodedata.normalize("NFD", ACCENTED)
    assert nfd != ACCENTED
    composed, decomposed = extract(extractor, ACCENTED), extract(extractor, nfd)
    assert without_mentions(decomposed) == without_mentions(composed)
    assert decomposed["title"] == composed["title"]
    for kind in FACT_KINDS:
        for nfc_fact, nfd_fact in zip(composed[kind], decomposed[kind]):
            assert len(nfd_fact["mentions"]) == len(nfc_fact["mentions"])
            for (start, end), (o_start, o_end) in zip(nfc_fact["mentions"], nfd_fact["mentions"]):
                assert unicodedata.normalize("NFC", nfd[o_start:o_end]) == ACCENTED[start:end], (kind, nfd_fact)
                assert o_end == len(nfd) or not unicodedata.combining(nfd[o_end]), "a grapheme was split"
            if kind in QUANTITIES:
                assert nfd_fact["text"] == nfc_fact["text"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\f"])
def test_unicode_line_breaks_are_line_breaks(extractor: Extractor, separator: str) -> None:
    expected = extract(extractor, WITH_CHROME)
    assert expected["title"] == "Akdital ouvre une clinique de 120 lits à Tanger"
    record = extract(extractor, WITH_CHROME.replace("\n", separator))
    assert record["title"] == expected["title"]
    for kind in FACT_KINDS:
        assert record[kind] == expected[kind], kind


# -- numbers -------------------------------------------------------------------------------------

def anywhere(start: int, end: int) -> bool:
    return True


@pytest.fixture(scope="module")
def amounts() -> AmountFinder:
    return AmountFinder(load_rules())


@pytest.fixture(scope="module")
def counts() -> CountFinder:
    return CountFinder(load_rules())


@pytest.mark.parametrize("power", ["10^12", "10**12", "1e12", "10^ 12"])
@pytest.mark.parametrize("noun", ["euros", "dirhams", "cellules"])
def test_exponent_is_not_a_number(amounts: AmountFinder, counts: CountFinder, power: str, noun: str) -> None:
    sentence = f"Le marché pèserait {power} {noun} selon le rapport."
    assert amounts.find(sentence, anywhere) == []
    assert [c for c in counts.find(sentence, anywhere) if c["value"] == 12] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le taux est passé à 0,0000001 % cette année.", 1e-7),
        ("Une variation de 0,000000123 % seulement.", 1.23e-7),
        ("Le taux est de 4,45 % cette année.", 4.45),
    ],
)
def test_tiny_values_keep_their_digits(counts: CountFinder, sentence: str, value: float) -> None:
    (fact,) = [c for c in counts.find(sentence, anywhere) if c["unit"] == "%"]
    assert fact["value"] == pytest.approx(value, rel=1e-12) and fact["value"] != 0


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Il a levé 99999999999999999999 dirhams.", 99999999999999999999),
        ("Il a levé 12345678901234567 millions de dirhams.", 12345678901234567 * 10**6),
        ("Il a levé 9.007.199.254.740.993 dirhams.", 9007199254740993),
    ],
)
def test_huge_integers_stay_exact(amounts: AmountFinder, sentence: str, value: int) -> None:
    (fact,) = amounts.find(sentence, anywhere)
    assert fact["value"] == value and isinstance(fact["value"], int)
    assert json.loads(json.dumps(fact))["value"] == value


def test_numbers_beyond_float_range_give_nothing(amounts: AmountFinder, counts: CountFinder) -> None:
    sentence = f"Il a levé {'9' * 400} dirhams pour {'9' * 5000} lits."
    assert amounts.find(sentence, anywhere) == []
    assert counts.find(sentence, anywhere) == []


# -- article files -------------------------------------------------------------------------------

BINARIES = {
    "pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "PDF"),
    "docx": (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"x" * 40, "Word"),
    "png": (b"\x89PNG\r\n\x1a\nIHDR", "PNG"),
    "jpeg": (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
    "gif": (b"GIF89a\x01\x01", "GIF"),
    "gzip": (b"\x1f\x8b\x08\x08abc", "gzip"),
    "rtf": (b"{\\rtf1\\ansi Le groupe Akdital a inaugur\\'e9 une clinique.}", "RTF"),
}


@pytest.mark.parametrize("kind", BINARIES)
def test_binary_formats_are_named(kind: str) -> None:
    data, name = BINARIES[kind]
    with pytest.raises(ArticleError, match=rf"x\.txt: binary file \(.*{name}"):
        decode_article(data, "x.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_with_a_bom_are_read(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding]
    assert decode_article(bom + GOOD_1.encode(encoding), "x.txt") == GOOD_1


@pytest.mark.parametrize("encoding", ["utf-16le", "utf-16be"])
def test_utf16_without_a_bom_is_named_with_a_conversion(encoding: str) -> None:
    with pytest.raises(ArticleError, match=rf"{encoding.upper()} text without a byte-order mark.*iconv -f {encoding}"):
        decode_article(GOOD_1.encode(encoding), "x.txt")


def test_a_broken_wide_encoding_is_named() -> None:
    with pytest.raises(ArticleError, match="UTF-16.*iconv"):
        decode_article(codecs.BOM_UTF16_LE + GOOD_1.encode("utf-16-le")[:-1], "x.txt")


def make_unreadable_entries(folder: Path) -> dict[str, str]:
    """Entries that are no article, by file name, with what the message must say."""
    folder.mkdir()
    os.mkfifo(folder / "fifo.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "report.txt").write_bytes(BINARIES["pdf"][0])
    return {"fifo.txt": "not a regular file", "dangling.txt": "no such file", "loop.txt": "symbolic links",
            "report.txt": "PDF"}


def test_unreadable_entries_are_reported_alike_named_or_in_a_folder(tmp_path: Path) -> None:
    expected = make_unreadable_entries(tmp_path / "in")
    in_folder = run(tmp_path / "cache", tmp_path / "in", "--no-progress")
    named = run(tmp_path / "cache", *[tmp_path / "in" / name for name in expected], "--no-progress")
    for result in (in_folder, named):
        assert result.returncode == 1 and result.stdout == ""
        for name, reason in expected.items():
            (line,) = [line for line in result.stderr.splitlines() if name in line]
            assert line.startswith("skipped:") and reason.lower() in line.lower(), line
        assert f"0 article(s) extracted; {len(expected)} skipped" in result.stderr


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    for folder, text in (("a", GOOD_1), ("b", GOOD_2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    result = run(tmp_path / "cache", tmp_path / "a", tmp_path / "b" / "same.txt", "-o", tmp_path / "out.jsonl")
    assert result.returncode == 2 and result.stdout == ""
    assert "same article id 'same'" in result.stderr
    assert str(tmp_path / "a" / "same.txt") in result.stderr and str(tmp_path / "b" / "same.txt") in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_all_failed_leaves_output_unchanged(tmp_path: Path) -> None:
    make_unreadable_entries(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    result = run(tmp_path / "cache", tmp_path / "in", "-o", out, "--no-progress")
    assert result.returncode == 1
    assert f"0 article(s) extracted; {out} left unchanged" in result.stderr
    assert " to " not in result.stderr.splitlines()[-1]
    assert out.read_text(encoding="utf-8") == "previous run\n"


# -- one run that loads the model, then runs served from its cache ------------------------------

@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> tuple[Run, Path, Path]:
    """Good articles under hostile names and encodings, beside a FIFO, one file named twice, ``-o`` a symlink."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD_1, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # a Latin-1 file name
        handle.write(GOOD_2.encode("utf-8"))
    (folder / "c_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD_1.replace("Tanger", "Fès").encode("utf-16-le"))
    os.mkfifo(folder / "d_fifo.txt")
    (tmp / "real").mkdir()
    target = tmp / "real" / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    (tmp / "link.jsonl").symlink_to(target)
    result = run(tmp / "cache", folder, folder / "a_good.txt", "-o", tmp / "link.jsonl", "--no-progress")
    return result, tmp, target


def test_run_over_hostile_folder(hostile_run) -> None:
    result, tmp, target = hostile_run
    assert result.returncode == 1, result.stderr
    assert "same file as" in result.stderr and "read once" in result.stderr
    (fifo,) = [line for line in result.stderr.splitlines() if "d_fifo.txt" in line]
    assert "not a regular file" in fifo
    assert (tmp / "link.jsonl").is_symlink() and os.readlink(tmp / "link.jsonl") == str(target)
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a_good", "c_utf16", "caf\\xe9"]
    assert records[2]["source"] == f"{tmp / 'in'}/caf\\xe9.txt"
    assert records[2]["people"] and records[1]["cities"][0]["name"] == "Fès"
    assert "3 article(s) extracted" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_output_to_a_fifo_or_device_is_written_through(hostile_run, tmp_path: Path, kind: str) -> None:
    _, tmp, _ = hostile_run
    out = tmp_path / f"out.{kind}"
    if kind == "fifo":
        os.mkfifo(out)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(out.read_bytes()), daemon=True)
        reader.start()
    else:
        try:
            os.mknod(out, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device, as /dev/null
        except PermissionError:
            pytest.skip("cannot create a device node here")
    try:
        result = run(tmp / "cache", tmp / "in" / "a_good.txt", "-o", out, "--no-progress")  # from the cache
    finally:
        if kind == "fifo" and reader.is_alive():  # the run never opened the FIFO: release the reader
            os.close(os.open(out, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(5)
    assert result.returncode == 0, result.stderr
    mode = out.lstat().st_mode
    assert stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISCHR(mode), "the node was replaced"
    if kind == "fifo":
        assert json.loads(received[0])["id"] == "a_good"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# -- signals and temporaries --------------------------------------------------------------------

@pytest.mark.parametrize(("signum", "status", "says"), [
    (signal.SIGTERM, 143, "terminated (SIGTERM)"),
    (signal.SIGHUP, 129, "terminated (SIGHUP)"),
    (signal.SIGINT, 130, "interrupted"),
])
def test_a_signal_ends_a_run_cleanly(tmp_path: Path, signum: int, status: int, says: str) -> None:
    """The signal arrives while the model loads, with the output's temporary file open."""
    article = tmp_path / "a.txt"
    article.write_text(GOOD_1, encoding="utf-8")
    out = tmp_path / "out" / "facts.jsonl"
    out.parent.mkdir()
    process = subprocess.Popen(command(article, "-o", out, "--no-cache", "--no-progress"), env=environment(tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):  # up to 60 s on a busy machine
            if list(out.parent.glob(".facts.jsonl.*.tmp")) or process.poll() is not None:
                break
            threading.Event().wait(0.05)
        assert process.poll() is None, "the run ended before the signal"
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines() == [says]
    assert list(out.parent.iterdir()) == [], "a temporary or partial output was left"


def test_stale_temporaries_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = subprocess.Popen(["true"])  # a process id that is free once it has ended
    dead.wait()
    out = tmp_path / "facts.jsonl"
    stale = tmp_path / f".facts.jsonl.{dead.pid}.abc123.tmp"
    reused = tmp_path / f".facts.jsonl.{os.getpid()}.def456.tmp"  # this pid, but written before it started
    live = tmp_path / f".facts.jsonl.{os.getppid()}.ghi789.tmp"  # a live process's, written after it started
    other = tmp_path / ".other.jsonl.1.jkl012.tmp"  # another file's temporary
    for path in (stale, reused, live, other):
        path.write_text("partial", encoding="utf-8")
    os.utime(reused, (0, 0))
    atomic_write_text(out, "whole\n")
    assert out.read_text(encoding="utf-8") == "whole\n"
    assert not stale.exists() and not reused.exists()
    assert live.exists() and other.exists()


# -- cache ---------------------------------------------------------------------------------------

FACTS = {"title": "T", "organizations": [], "people": [], "cities": [], "amounts": [], "dates": [], "counts": [], "events": []}
SHA = "0" * 64


def entry(facts: object, digest: str | None = None) -> str:
    return json.dumps({"checksum": checksum(facts) if digest is None else digest, "facts": facts})


@pytest.mark.parametrize(
    "content",
    [
        entry({**FACTS, "organizations": 5}),
        entry({**FACTS, "amounts": [{"value": "12", "currency": "MAD", "qualifier": "exact", "text": "x",
                                     "mentions": [[0, 1]]}]}),
        entry({key: value for key, value in FACTS.items() if key != "counts"}),
        entry({**FACTS, "title": "altered"}, digest=checksum(FACTS)),
        json.dumps(FACTS),  # the format before checksums
        "[" * 100_000 + "]" * 100_000,
        "\x00garbage{",
        entry({**FACTS, "title": "\ud800"}, digest="0" * 64),  # a lone surrogate, as JSON allows
    ],
    ids=["wrong-type", "string-value", "missing-list", "altered", "no-checksum", "deep", "garbage", "surrogate"],
)
def test_altered_cache_entries_are_never_served(tmp_path: Path, content: str) -> None:
    cache = ResultCache(tmp_path)
    cache.put(SHA, FACTS)
    assert cache.get(SHA) == FACTS
    cache._path(SHA).write_text(content, encoding="utf-8")
    assert cache.get(SHA) is None


def test_a_bad_cache_entry_is_rebuilt(extractor: Extractor, tmp_path: Path) -> None:
    cached = Extractor(nlp=extractor.nlp, cache=ResultCache(tmp_path))
    article = make_article(GOOD_1)
    (expected,) = cached.pipe([article])
    path = cached.cache._path(article.sha256)
    broken = {**json.loads(path.read_text(encoding="utf-8"))["facts"], "organizations": 5}
    path.write_text(entry(broken), encoding="utf-8")
    (record,) = cached.pipe([article])
    assert record == expected
    assert json.loads(path.read_text(encoding="utf-8"))["facts"]["organizations"] == expected["organizations"]


# -- add -----------------------------------------------------------------------------------------

def add(tmp_path: Path, *args: str | Path, **options) -> subprocess.CompletedProcess:
    """``python -m extract add ARGS --corpus tmp/seeds`` (no drafts, so no model)."""
    done = subprocess.run([*command("add", *args), "--corpus", tmp_path / "seeds", "--gold", tmp_path / "gold"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path, **options)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def article_text(n: int) -> str:
    return f"Article {n} du corpus\n\nLe groupe Akdital a inauguré sa clinique numéro {n} à Tanger en mars 2024.\n"


def test_concurrent_adds_never_share_an_index(tmp_path: Path) -> None:
    files = []
    for n in range(40):
        files.append(tmp_path / f"a{n:02d}.txt")
        files[-1].write_text(article_text(n), encoding="utf-8")
    (tmp_path / "shared.txt").write_text(article_text(99), encoding="utf-8")
    processes = [
        subprocess.Popen([*command("add", *files[i::4], tmp_path / "shared.txt"), "--corpus", tmp_path / "seeds"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        for i in range(4)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    names = sorted(path.name for path in (tmp_path / "seeds").iterdir())
    assert len(names) == 41, names  # the shared article once
    assert sorted(int(name[:3]) for name in names) == list(range(41))
    stored = {path.read_text(encoding="utf-8") for path in (tmp_path / "seeds").iterdir()}
    assert stored == {article_text(n).strip() for n in [*range(40), 99]}


PAGE_1256 = """<html><head>{meta}<title>Akdital à Fès</title></head><body><article>
<h1>Akdital ouvre une clinique à Fès</h1>
<p>Le groupe Akdital a inauguré à Fès une clinique de 120 lits, pour un investissement de 200 millions de
dirhams, a annoncé son président. مستشفى جديد في فاس</p>
<p>L'établissement emploiera près de 300 personnes dès son ouverture, selon le communiqué du groupe.</p>
</article></body></html>"""


@pytest.mark.parametrize("meta", [
    '<meta charset="windows-1256">',
    "<meta charset=windows-1256>",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
])
def test_declared_charset_is_honoured(tmp_path: Path, meta: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE_1256.format(meta=meta).encode("cp1256"))
    result = add(tmp_path, page)
    assert result.returncode == 0, result.stderr
    (stored,) = (tmp_path / "seeds").iterdir()
    text = stored.read_text(encoding="utf-8")
    assert "a inauguré à Fès" in text and "مستشفى جديد في فاس" in text


def test_the_length_limit_applies_to_the_text_not_the_html(tmp_path: Path) -> None:
    padding = "<style>" + ".x{color:red}" * 40_000 + "</style>" + '<img src="data:image/png;base64,' + "A" * 600_000 + '">'
    page = tmp_path / "big.html"
    page.write_text(PAGE_1256.format(meta=padding), encoding="utf-8")
    assert page.stat().st_size > 1_000_000
    result = add(tmp_path, page)
    assert result.returncode == 0, result.stderr
    (stored,) = (tmp_path / "seeds").iterdir()
    assert "a inauguré à Fès" in stored.read_text(encoding="utf-8")
    long_text = tmp_path / "long.html"
    long_text.write_text("<html><body><article>" + "<p>Le groupe a inauguré une clinique.</p>" * 30_000
                         + "</article></body></html>", encoding="utf-8")
    rejected = add(tmp_path, long_text)
    assert rejected.returncode == 1 and "more than one article can hold" in rejected.stderr


def test_add_rejects_what_is_not_an_article(tmp_path: Path) -> None:
    expected = {}
    for kind in ("pdf", "png", "docx"):
        for suffix in (".txt", ".html"):
            (tmp_path / f"{kind}{suffix}").write_bytes(BINARIES[kind][0] + b"x" * 200)
            expected[f"{kind}{suffix}"] = BINARIES[kind][1]
    os.mkfifo(tmp_path / "fifo.txt")
    expected["fifo.txt"] = "not a regular file"
    result = add(tmp_path, *expected)
    assert result.returncode == 1 and result.stdout == ""
    for name, reason in expected.items():
        (line,) = [line for line in result.stderr.splitlines() if f"{name}:" in line]
        assert line.startswith("rejected:") and reason in line, line
    assert not (tmp_path / "seeds").exists() or not list((tmp_path / "seeds").iterdir())


def test_add_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article_text(1), encoding="utf-8")
    closed = add(tmp_path, "-", preexec_fn=lambda: os.close(0))
    assert closed.returncode == 2 and "standard input is closed" in closed.stderr
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for option in ("--corpus", "--gold"):
        done = subprocess.run([*command("add", "a.txt", "--draft-gold", option, "afile")],
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"afile: not a folder ({option}" in done.stderr


# -- evaluate ------------------------------------------------------------------------------------

GOLD = {"id": "a", "organizations": [], "people": [], "cities": [], "dates": [], "counts": [],
        "amounts": [{"value": 458000000, "currency": "MAD"}]}


def evaluate(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess:
    done = subprocess.run(command("evaluate", *args), capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def gold_and_pred(tmp_path: Path, gold_text: str, pred_text: str) -> tuple[Path, Path]:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(gold_text, encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(pred_text + "\n", encoding="utf-8")
    return tmp_path / "gold", tmp_path / "pred.jsonl"


def with_value(value: str) -> str:
    return json.dumps(GOLD).replace("458000000", value)


@pytest.mark.parametrize("where", ["gold", "pred"])
@pytest.mark.parametrize(
    ("content", "says"),
    [
        (with_value("9" * 400), "finite number"),
        (with_value("9" * 5000), "unusable JSON"),
        (with_value("1e400"), "finite number"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["400-digits", "5000-digits", "1e400", "deep"],
)
def test_evaluate_rejects_unusable_json(tmp_path: Path, where: str, content: str, says: str) -> None:
    good = json.dumps(GOLD)
    gold, pred = gold_and_pred(tmp_path, content if where == "gold" else good, content if where == "pred" else good)
    result = evaluate(tmp_path, "--gold", gold, "--pred", pred)
    assert result.returncode == 2
    named = gold / "a.json" if where == "gold" else f"{pred} line 1"
    assert f"error: {named}" in result.stderr and says in result.stderr, result.stderr


@pytest.mark.parametrize("option", ["--json", "--csv"])
@pytest.mark.parametrize("place", ["folder", "under-a-file", "dev-null-child"])
def test_evaluate_unwritable_outputs(tmp_path: Path, option: str, place: str) -> None:
    gold, pred = gold_and_pred(tmp_path, json.dumps(GOLD), json.dumps(GOLD))
    target = {"folder": tmp_path, "under-a-file": pred / "scores.out", "dev-null-child": Path("/dev/null/x")}[place]
    result = evaluate(tmp_path, "--gold", gold, "--pred", pred, option, target)
    assert result.returncode == 2 and result.stdout == "", "the error comes before any scoring"
    assert result.stderr.startswith("error: ") and str(target) in result.stderr and option in result.stderr


@pytest.mark.parametrize("threshold", ["nan", "NaN", "inf", "-1", "1.5", "abc"])
def test_evaluate_min_f1_must_be_a_threshold(tmp_path: Path, threshold: str) -> None:
    gold, pred = gold_and_pred(tmp_path, json.dumps(GOLD), json.dumps(GOLD))
    result = evaluate(tmp_path, "--gold", gold, "--pred", pred, "--min-f1", threshold)
    assert result.returncode == 2 and "--min-f1" in result.stderr and threshold in result.stderr


# -- found beyond the issue ----------------------------------------------------------------------

def test_output_must_not_be_an_input(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD_1, encoding="utf-8")
    (tmp_path / "alias.jsonl").symlink_to(article)
    (tmp_path / "loop.jsonl").symlink_to(tmp_path / "loop.jsonl")
    for output, says in ((article, "is one of the articles read"), (tmp_path / "alias.jsonl", "is one of the articles"),
                         (tmp_path / "loop.jsonl", "symbolic link loop")):
        result = run(tmp_path / "cache", tmp_path, "-o", output)
        assert result.returncode == 2 and says in result.stderr, result.stderr
    assert article.read_text(encoding="utf-8") == GOOD_1


def test_closed_or_full_output_is_reported(hostile_run, tmp_path: Path) -> None:
    _, tmp, _ = hostile_run
    article = tmp / "in" / "a_good.txt"  # served from the cache
    closed = subprocess.run(command(article), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=environment(tmp / "cache"), preexec_fn=lambda: os.close(1), timeout=300)
    assert closed.returncode == 2 and "standard output is closed" in closed.stderr, closed.stderr
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        to_stdout = subprocess.run(command(article, "--no-progress"), stdout=full, stderr=subprocess.PIPE, text=True,
                                   env=environment(tmp / "cache"), timeout=300)
    to_file = run(tmp / "cache", article, "-o", "/dev/full", "--no-progress")
    for result in (to_stdout, to_file):
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [line for line in result.stderr.strip().splitlines()
                                                      if line.startswith("error: cannot write output")]
        assert "No space left" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_to_dev_stdout_goes_to_stdout(hostile_run) -> None:
    _, tmp, _ = hostile_run
    result = run(tmp / "cache", tmp / "in" / "a_good.txt", "-o", "/dev/stdout", "--no-progress")  # from the cache
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in result.records] == ["a_good"]
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_evaluate_gold_fifo_is_refused(tmp_path: Path) -> None:
    gold, pred = gold_and_pred(tmp_path, json.dumps(GOLD), json.dumps(GOLD))
    os.mkfifo(gold / "b.json")
    result = evaluate(tmp_path, "--gold", gold, "--pred", pred)
    assert result.returncode == 2 and f"{gold / 'b.json'}: cannot read" in result.stderr
    assert "not a regular file" in result.stderr


def test_an_unexpected_failure_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import extract.__main__ as entry

    def broken() -> int:
        raise ValueError("a bug")

    monkeypatch.setattr(signal, "signal", lambda *args: None)  # pytest keeps its own signal handlers
    monkeypatch.setattr(entry, "main", broken)
    monkeypatch.delenv("EXTRACT_DEBUG", raising=False)
    assert entry.run() == 3
    assert capsys.readouterr().err.startswith("error: internal failure (ValueError: a bug)")
    monkeypatch.setenv("EXTRACT_DEBUG", "1")
    with pytest.raises(ValueError):
        entry.run()


@pytest.mark.parametrize("args", [[""], [" ", "{good}"], ["--jobs", "100000", "{good}"]])
def test_empty_path_and_absurd_jobs_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_1, encoding="utf-8")
    result = run(tmp_path / "cache", *[a.format(good=good) for a in args], cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and result.stderr.startswith("error: "), result.stderr


def children(pid: int) -> list[int]:
    """The ids of the child processes of ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    return found


def test_ctrl_c_with_workers_is_one_line(tmp_path: Path) -> None:
    """Ctrl-C in a terminal reaches the whole process group: the parent and its forked workers."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc")
    for n in range(8):
        (tmp_path / f"a{n}.txt").write_text(GOOD_1.replace("120", str(100 + n)), encoding="utf-8")
    out = tmp_path / "out" / "facts.jsonl"
    process = subprocess.Popen(command(tmp_path, "-o", out, "--jobs", "2", "--batch-size", "1", "--no-cache",
                                       "--no-progress"), env=environment(tmp_path), start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(2400):  # the workers are forked once the model is loaded: up to 120 s on a busy machine
            if len(children(process.pid)) >= 2 or process.poll() is not None:
                break
            threading.Event().wait(0.05)
        assert process.poll() is None, "the run ended before the interrupt"
        workers = children(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines() == ["interrupted"], stderr
    for _ in range(600):  # the workers end once their parent is gone
        if not any(Path(f"/proc/{pid}").exists() for pid in workers):
            break
        threading.Event().wait(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers), "workers outlived the run"
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
