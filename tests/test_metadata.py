"""Article metadata from the header and byline (metadata.py), on hand-made facts: no model needed."""
from __future__ import annotations

from conftest import fact_at as fact
from extract.chrome import analyse
from extract.html import html_to_text
from extract.metadata import describe

BODY = (
    "Le groupe Atlas Soins a inauguré une clinique de 120 lits à Fès, pour un investissement de 200 millions "
    "de dirhams, a indiqué son directeur général lors d'une visite organisée pour la presse et les partenaires "
    "financiers du projet, qui doit encore recruter plusieurs dizaines de médecins et d'infirmiers cette année.\n"
)


def metadata(text: str, dates=(), people=(), orgs=()) -> dict:
    facts = {"dates": list(dates), "people": list(people), "organizations": list(orgs)}
    return describe(text, analyse(text), facts)


def test_publication_line_byline_and_outlet() -> None:
    text = "Santé\n\nAtlas Soins ouvre une clinique à Fès\n\nPar Salma Bennani | Le Journal Éco\n" \
        "Publié le 12/03/2025 à 09h20 | Mis à jour à 11h05\n\n" + BODY
    meta = metadata(
        text,
        dates=[fact(text, "12/03/2025", value="2025-03-12")],
        people=[fact(text, "Salma Bennani", name="Salma Bennani")],
        orgs=[fact(text, "Le Journal Éco", name="Le Journal Éco", aliases=[])],
    )
    assert meta == {"published": "2025-03-12", "authors": ["Salma Bennani"], "outlet": "Le Journal Éco", "url": None}


def test_edition_date_and_masthead() -> None:
    text = "LE COURRIER DU SUD\nÉdition N° 2318 du 27/05/2025\n\nAtlas Soins ouvre une clinique à Fès\n\n" + BODY
    meta = metadata(text, dates=[fact(text, "27/05/2025", value="2025-05-27")])
    assert meta["published"] == "2025-05-27"
    assert meta["outlet"] == "LE COURRIER DU SUD"
    assert meta["authors"] == []


def test_bare_date_under_a_bare_name_gives_date_and_author() -> None:
    text = "Atlas Soins ouvre une clinique à Fès\n\nNadia Alami\nMardi 18 février 2025\n\n" + BODY
    meta = metadata(
        text,
        dates=[fact(text, "18 février 2025", value="2025-02-18")],
        people=[fact(text, "Nadia Alami", name="Nadia Alami")],
    )
    assert meta["published"] == "2025-02-18"
    assert meta["authors"] == ["Nadia Alami"]


def test_a_date_in_the_body_or_a_caption_is_no_publication_date() -> None:
    text = "Atlas Soins ouvre une clinique à Fès\n\nVisite du chantier, le 06/02/2025.\n\n" + BODY + \
        "Le groupe a publié le 12 mars 2025 ses comptes.\n"
    meta = metadata(
        text,
        dates=[fact(text, "06/02/2025", value="2025-02-06"), fact(text, "12 mars 2025", value="2025-03-12")],
    )
    assert meta["published"] is None


def test_author_cue_on_a_long_line() -> None:
    text = "Atlas Soins ouvre une clinique à Fès\n\n" \
        "Rédigé par Salma Idrissi Alaoui | Mis en ligne le mardi 3 juin 2025 à 15:40\n\n" + BODY
    meta = metadata(
        text,
        dates=[fact(text, "3 juin 2025", value="2025-06-03")],
        people=[fact(text, "Salma Idrissi Alaoui", name="Salma Idrissi Alaoui")],
    )
    assert meta["published"] == "2025-06-03"
    assert meta["authors"] == ["Salma Idrissi Alaoui"]


def test_url_of_a_page_added_from_html_is_kept_with_the_article() -> None:
    html = (
        '<html><head><title>Atlas Soins ouvre à Fès</title>'
        '<link rel="canonical" href="https://www.exemple.ma/sante/atlas-soins-fes">'
        '<meta property="og:site_name" content="Exemple Santé"></head>'
        f"<body><article><h1>Atlas Soins ouvre à Fès</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    text = html_to_text(html, "page.html")
    assert "Source : https://www.exemple.ma/sante/atlas-soins-fes" in text
    assert metadata(text)["url"] == "https://www.exemple.ma/sante/atlas-soins-fes"
    layout = analyse(text)
    start = text.index("Source :")
    assert layout.in_chrome(start, start + 5), "the address line is chrome: it yields no facts"


def test_byline_with_pipes_is_no_breadcrumb_and_its_date_beats_a_teaser_date_above() -> None:
    text = "Éditorial Par Nadia Alami\nLe 28/03/2024\n\nAtlas Soins ouvre une maternité à Fès\n\n" \
        "Par L'Écho du Sud| Le 19/11/2018 - 16:00 | Partager\n\n" + BODY
    byline = text.index("Par L'Écho")
    assert not analyse(text).in_chrome(byline, byline + 5)
    meta = metadata(
        text, dates=[fact(text, "28/03/2024", value="2024-03-28"), fact(text, "19/11/2018", value="2018-11-19")]
    )
    assert meta["published"] == "2018-11-19"


def test_the_headline_is_no_edition_line_tagline_or_cookie_notice() -> None:
    headline = "Atlas Soins ouvre une maternité de 40 lits à Fès"
    for header in (
        "LE COURRIER DU SUD\nÉdition N° 2318 du 27/05/2025\n",
        "LE COURRIER DU SUD - Le quotidien des régions\n",
        "COURRIER SUD\nL'actualité du Sud au quotidien\n",
        "Nous utilisons des cookies pour vous offrir la meilleure expérience sur notre site. En poursuivant votre "
        "navigation, vous acceptez leur utilisation.\n",
    ):
        text = f"{header}\n{headline}\n\n{BODY}"
        layout = analyse(text)
        assert text[layout.title[0] : layout.title[1]] == headline, header
    text = f"Le quotidien des médecins : Atlas Soins recrute\n\n{BODY}"
    layout = analyse(text)
    assert text[layout.title[0] : layout.title[1]] == "Le quotidien des médecins : Atlas Soins recrute"  # a colon
