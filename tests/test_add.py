"""``python -m extract add``, run as a user would, on files the tests create."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.corpus import draft_gold
from extract.extractor import Extractor
from extract.gold import FACT_TYPES, is_draft, load_gold

ARTICLE = (
    "Akdital ouvre une clinique à Tanger\n\n"
    "Le groupe Akdital a inauguré une clinique de 120 lits à Tanger en mars 2024."
)

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Oncorad Group ouvre une clinique à Tanger | Le Matin</title>
<meta property="og:site_name" content="Le Matin">
<meta name="author" content="Karim Benali">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/eco">Éco-Business</a></li></ul></nav></header>
<main><article>
<h1>Oncorad Group ouvre une clinique à Tanger</h1>
<p>Le groupe Oncorad a inauguré mardi une nouvelle clinique à Tanger, d'une capacité de 120 lits,
pour un investissement de 200 millions de dirhams.</p>
<p><strong>Lire aussi :</strong> <a href="/c">La CNSS relève ses tarifs de remboursement</a></p>
<p>Selon le docteur Youness Ahallal, l'établissement emploiera près de 300 personnes dès son
ouverture, et accueillera des patients venus de tout le nord du Royaume.</p>
<aside class="related"><h2>À lire aussi</h2><ul>
<li><a href="/a">Saham rachète une clinique à Agadir</a></li>
<li><a href="/b">Un nouvel hôpital universitaire à Laâyoune</a></li></ul></aside>
<p>Les travaux avaient commencé en 2022 et ont mobilisé une cinquantaine d'entreprises locales.</p>
</article></main>
<footer><p>© 2024 Le Matin. Tous droits réservés.</p><a href="/mentions">Mentions légales</a></footer>
</body></html>
"""

EMPTY_PAGE = """<html><head><title>Le Matin</title></head><body>
<nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav><div id="app"></div>
<div class="cookies">Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre
navigation, vous acceptez leur utilisation.</div>
<footer>© 2024 Le Matin. Tous droits réservés.</footer></body></html>
"""

Add = Callable[..., subprocess.CompletedProcess]


def _extractor_pending() -> bool:
    """Whether the extractor is still a stub."""
    try:
        Extractor()
    except NotImplementedError:
        return True
    return False


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return tmp_path / "seeds"


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return tmp_path / "gold"


@pytest.fixture
def add(tmp_path: Path, corpus: Path, gold: Path) -> Add:
    """Run ``python -m extract add ARGS --corpus … --gold …`` in tmp_path, with ``stdin`` bytes."""

    def run(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess:
        options = ["--corpus", str(corpus), "--gold", str(gold)]
        command = [sys.executable, "-m", "extract", "add", *map(str, args), *options]
        return subprocess.run(command, cwd=tmp_path, input=stdin, capture_output=True, timeout=120)

    return run


def write(path: Path, content: str | bytes) -> Path:
    """Create ``path`` holding ``content`` (UTF-8 when text, written without newline translation)."""
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def stored(corpus: Path) -> dict[str, str]:
    """Every file in the corpus folder, hidden ones included, by name, as UTF-8 text."""
    if not corpus.exists():
        return {}
    return {path.name: path.read_bytes().decode("utf-8") for path in corpus.iterdir()}


def expected_id(index: int, text: str) -> str:
    """The id an article gets: its index, then the first 16 hex digits of its text's SHA-256."""
    return f"{index:03d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def test_text_file_is_stored_under_its_hash_and_its_id_printed(
    add: Add, tmp_path: Path, corpus: Path
) -> None:
    result = add(write(tmp_path / "a.txt", f"\n  {ARTICLE}\n\n"))
    article_id = expected_id(0, ARTICLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().split() == [article_id]
    assert stored(corpus) == {f"{article_id}.txt": ARTICLE}


def test_html_is_reduced_to_headline_byline_date_and_body(add: Add, tmp_path: Path, corpus: Path) -> None:
    result = add(write(tmp_path / "page.html", PAGE))
    assert result.returncode == 0, result.stderr
    [text] = stored(corpus).values()
    assert text.startswith(
        "Oncorad Group ouvre une clinique à Tanger\nPar Karim Benali | Le Matin\nPublié le 05/03/2024\n\n"
        "Le groupe Oncorad a inauguré mardi"
    )
    assert "près de 300 personnes" in text and text.endswith("une cinquantaine d'entreprises locales.")
    assert text.count("Oncorad Group ouvre une clinique à Tanger") == 1
    chrome = ("Accueil", "Éco-Business", "À lire aussi", "Saham", "Laâyoune", "CNSS", "droits", "Mentions")
    assert [words for words in chrome if words in text] == []


def test_undated_page_gets_no_date_line(add: Add, tmp_path: Path, corpus: Path) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">', "")
    result = add(write(tmp_path / "page.html", page))
    assert result.returncode == 0, result.stderr
    [text] = stored(corpus).values()
    assert text.startswith("Oncorad Group ouvre une clinique à Tanger\nPar Karim Benali | Le Matin\n\n")


def test_text_is_stored_in_composed_unicode(add: Add, tmp_path: Path, corpus: Path) -> None:
    result = add(write(tmp_path / "mac.txt", unicodedata.normalize("NFD", ARTICLE)))
    assert result.returncode == 0, result.stderr
    assert list(stored(corpus).values()) == [ARTICLE]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("latin-1", "Le général a visité l'hôpital à Fès."),
        ("cp1252", "L’hôpital « Ibn Sina » a reçu 3 000 patients – un record."),
        ("utf-16", "Le général a visité l'hôpital à Fès."),
        ("utf-8-sig", "Le général a visité l'hôpital à Fès."),
    ],
)
def test_other_encodings_are_stored_as_utf8(
    add: Add, tmp_path: Path, corpus: Path, encoding: str, text: str
) -> None:
    result = add(write(tmp_path / "article.txt", text.encode(encoding)))
    assert result.returncode == 0, result.stderr
    assert list(stored(corpus).values()) == [text]


def test_crlf_line_endings_become_newlines(add: Add, tmp_path: Path, corpus: Path) -> None:
    result = add(write(tmp_path / "dos.txt", ARTICLE.replace("\n", "\r\n") + "\r\n"))
    assert result.returncode == 0, result.stderr
    assert stored(corpus) == {f"{expected_id(0, ARTICLE)}.txt": ARTICLE}


def test_stdin_text_and_html(add: Add, corpus: Path) -> None:
    first, second = add("-", stdin=ARTICLE.encode("utf-8")), add("-", stdin=PAGE.encode("utf-8"))
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    texts = [stored(corpus)[f"{line}.txt"] for line in (first.stdout + second.stdout).decode().split()]
    assert texts[0] == ARTICLE
    assert texts[1].startswith("Oncorad Group ouvre une clinique à Tanger\n") and "Accueil" not in texts[1]


def test_adding_twice_reports_present_and_adds_nothing(add: Add, tmp_path: Path, corpus: Path) -> None:
    first = add(write(tmp_path / "a.txt", ARTICLE))
    again = add(write(tmp_path / "copy.txt", ARTICLE.replace("\n", "\r\n")), tmp_path / "a.txt")
    assert again.returncode == 0
    assert again.stdout == b""
    article_id = first.stdout.decode().strip()
    assert again.stderr.decode().count(f"already in the corpus as {article_id}") == 2
    assert list(stored(corpus)) == [f"{article_id}.txt"]


def test_duplicate_check_reads_contents_not_names(add: Add, tmp_path: Path, corpus: Path) -> None:
    corpus.mkdir()
    write(corpus / "000_0123456789abcdef.txt", ARTICLE)
    result = add(write(tmp_path / "a.txt", ARTICLE))
    assert (result.returncode, result.stdout) == (0, b"")
    assert "already in the corpus as 000_0123456789abcdef" in result.stderr.decode()
    assert list(stored(corpus)) == ["000_0123456789abcdef.txt"]


@pytest.mark.parametrize(
    ("existing", "index"),
    [([], 0), (["000", "041"], 42), (["999"], 1000)],
)
def test_new_articles_take_the_next_index(
    add: Add, tmp_path: Path, corpus: Path, existing: list[str], index: int
) -> None:
    corpus.mkdir()
    for number in existing:
        write(corpus / f"{number}_{'0' * 16}.txt", f"Article {number}.")
    result = add(write(tmp_path / "a.txt", ARTICLE), write(tmp_path / "b.txt", "Un autre article."))
    assert result.returncode == 0, result.stderr
    ids = [expected_id(index, ARTICLE), expected_id(index + 1, "Un autre article.")]
    assert result.stdout.decode().split() == ids


REJECTED = {
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "binary-no-nul.txt": bytes(range(1, 256)) * 8,
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  ",
    "page-shell.html": EMPTY_PAGE.encode("utf-8"),
    "nav-only.html": b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>",
    "title-only.html": b"<html><head><title>Rien</title></head><body><h1>Titre seul</h1></body></html>",
    "notes.pdf": ARTICLE.encode("utf-8"),
}


@pytest.mark.parametrize("name", [*REJECTED, "missing.txt", "folder.txt"])
def test_rejected_input_is_reported_and_good_ones_still_added(
    add: Add, tmp_path: Path, corpus: Path, name: str
) -> None:
    if name in REJECTED:
        write(tmp_path / name, REJECTED[name])
    elif name == "folder.txt":
        (tmp_path / name).mkdir()
    result = add(tmp_path / name, write(tmp_path / "good.txt", ARTICLE))
    assert result.returncode == 1
    assert f"rejected: {tmp_path / name}: " in result.stderr.decode()
    assert stored(corpus) == {f"{expected_id(0, ARTICLE)}.txt": ARTICLE}


def test_draft_gold_never_replaces_a_gold_file(add: Add, tmp_path: Path, gold: Path) -> None:
    article = write(tmp_path / "a.txt", ARTICLE)
    article_id = add(article).stdout.decode().strip()
    gold.mkdir()
    reviewed = write(gold / f"{article_id}.json", '{"id": "reviewed"}\n')
    result = add(article, "--draft-gold")
    assert result.returncode == 0, result.stderr
    assert reviewed.read_text() == '{"id": "reviewed"}\n'
    assert f"{reviewed}: exists, left unchanged" in result.stderr.decode()


@pytest.mark.skipif(_extractor_pending(), reason="the extractor is not written yet")
def test_draft_gold_is_written_for_each_article_without_gold(add: Add, tmp_path: Path, gold: Path) -> None:
    present = add(write(tmp_path / "a.txt", ARTICLE)).stdout.decode().strip()
    result = add(tmp_path / "a.txt", write(tmp_path / "b.txt", "Une clinique ouvre à Fès."), "--draft-gold")
    assert result.returncode == 0, result.stderr
    new = result.stdout.decode().strip()
    records = [load_gold(gold / f"{article_id}.json") for article_id in (present, new)]
    assert [list(record) for record in records] == [["id", "draft", *FACT_TYPES]] * 2
    assert [record["id"] for record in records] == [present, new] and all(map(is_draft, records))
    assert [[city["name"] for city in record["cities"]] for record in records] == [["Tanger"], ["Fès"]]


def test_draft_gold_keeps_every_fact_with_its_mentions() -> None:
    record = {"id": "000_x", "source": "seeds/000_x.txt", "sha256": "0" * 64, "title": "T"}
    record |= {kind: [] for kind in FACT_TYPES}
    count = {"value": 120, "unit": "lit", "qualifier": "exact", "text": "120 lits"}
    record["counts"] = [{**count, "mentions": [[5, 13]]}]
    assert draft_gold(record) == {
        "id": "000_x",
        "draft": True,
        **{kind: [] for kind in FACT_TYPES},
        "counts": [{**count, "mentions": [[5, 13]]}],
    }
