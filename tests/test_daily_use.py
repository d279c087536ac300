"""Daily use as a new user meets it: the command list, stdin, web pages, nested folders, messages while
the model loads, context in --details, and the Python API as the README shows it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import assert_offsets
from extract.facts import context, locate
from extract.reader import article_from_text

ARTICLE = (
    "Akdital ouvre une clinique à Tanger\n\n"
    "Le groupe Akdital a inauguré une clinique de 120 lits à Tanger en mars 2024, "
    "pour un investissement de 200 millions de dirhams.\n"
)
BODY = ("Le groupe Atlas Soins a inauguré une clinique de 120 lits à Fès, pour un investissement de 200 millions "
        "de dirhams, a indiqué son directeur général lors d'une visite organisée pour la presse.")
PAGE = (
    "<html><head><title>Atlas Soins ouvre à Fès</title>"
    '<link rel="canonical" href="https://www.exemple.ma/sante/atlas-soins-fes"></head>'
    "<body><nav><a href='/'>Accueil</a> <a href='/eco'>Économie</a></nav><article><h1>Atlas Soins ouvre à Fès</h1>"
    f"<p>{BODY}</p><p>{BODY}</p></article><footer>© 2025 Exemple. Tous droits réservés.</footer></body></html>"
)


def extract(*args: str | Path, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str((cwd or Path.cwd()) / "cache")}
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=600)


def test_help_lists_every_command() -> None:
    result = extract("--help")
    assert result.returncode == 0
    for command in ("extract", "evaluate", "add", "table", "render"):
        assert f"\n    {command} " in result.stdout, command
    assert extract("table", "--help").stdout.startswith("usage: python -m extract table")


def test_stdin_web_page_and_nested_folders_in_one_run(tmp_path: Path) -> None:
    nested = tmp_path / "corpus" / "2025" / "mars"
    nested.mkdir(parents=True)
    (nested / "n1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpus" / ".hidden").mkdir()
    (tmp_path / "corpus" / ".hidden" / "skip.txt").write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = extract("-", page, tmp_path / "corpus", stdin=ARTICLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "loading model…" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["stdin", "page", "n1"]
    stdin_record, page_record, nested_record = records
    assert_offsets(stdin_record, ARTICLE)
    assert_offsets(nested_record, ARTICLE)
    assert "<" not in page_record["title"] and page_record["url"] == "https://www.exemple.ma/sante/atlas-soins-fes"
    assert any(c["name"] == "Fès" for c in page_record["cities"])
    assert not any("Accueil" in o["name"] or "Exemple" in o["name"] for o in page_record["organizations"])


def test_a_folder_of_web_pages_says_how_to_use_them(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    result = extract(tmp_path / "pages", cwd=tmp_path)
    assert result.returncode == 2
    assert "1 web page(s)" in result.stderr and "python -m extract add" in result.stderr


def test_locate_and_context() -> None:
    text = "Selon Médias24, qui a révélé l'opération, Médias24 Pro ne commente pas. Médias24."
    assert locate(text, ["Médias24"]) == [(6, 14), (42, 50), (72, 80)]
    assert locate(text, ["Médias24"], blocked=[(40, 60)]) == [(6, 14), (72, 80)]
    assert context(text, (6, 14), words=3) == "… Selon [Médias24], qui a révélé …"


def test_article_from_a_string_has_the_hash_of_its_file() -> None:
    article = article_from_text(ARTICLE, "akdital")
    assert (article.id, article.source) == ("akdital", "akdital.txt")
    import hashlib

    assert article.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()


def test_details_show_words_around_each_false_positive_and_negative(tmp_path: Path) -> None:
    text = "Oncorad Group a levé 458 millions de dirhams auprès de STOA, selon Orange Maroc."
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    gold = {"id": "a", "organizations": [{"name": "Oncorad Group"}, {"name": "STOA"}], "people": [], "cities": [],
            "amounts": [], "dates": [], "counts": []}
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    start = text.index("Orange Maroc")
    pred = {**gold, "organizations": [{"name": "Oncorad Group", "aliases": [], "mentions": [[0, 13]]},
                                      {"name": "Orange Maroc", "aliases": [], "mentions": [[start, start + 12]]}]}
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred) + "\n", encoding="utf-8")
    result = extract("evaluate", "--gold", tmp_path / "gold", "--pred", tmp_path / "pred.jsonl",
                     "--corpus", tmp_path / "corpus", "--details", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if " FP " in line or " FN " in line]
    assert any("FP  Orange Maroc  … dirhams auprès de STOA, selon [Orange Maroc]. …" in line for line in lines), lines
    assert any("FN  STOA  … millions de dirhams auprès de [STOA], selon Orange Maroc. …" in line for line in lines), lines
