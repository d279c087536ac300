"""Site chrome, title and byline found by the shapes of an article's lines (ANNOTATION.md §1)."""
from __future__ import annotations

import pytest

from extract.chrome import Layout, analyse, ends_sentence, is_chrome_line, is_section_label, is_teaser_marker

BODY_1 = (
    "Le groupe Akdital a inauguré mardi une nouvelle clinique à Tanger, d'une capacité de 120 lits, pour un "
    "investissement de 200 millions de dirhams. L'établissement emploiera près de 300 personnes dès son ouverture "
    "et accueillera des patients venus de tout le nord du Royaume."
)
BODY_2 = (
    "Selon le docteur Youness Ahallal, directeur médical de la clinique, le plateau technique comprend quatre "
    "blocs opératoires, un service de réanimation de 12 lits et un centre d'imagerie ouvert à tous les patients "
    "de la région, y compris ceux couverts par l'AMO."
)
BODY_3 = (
    "Le groupe prévoit d'ouvrir deux autres établissements à Fès et à Oujda d'ici la fin de l'année 2025, "
    "ce qui portera sa capacité totale à plus de 3 000 lits répartis dans une vingtaine de villes du pays."
)

PAGE = f"""SociétéUne
Santé & Pharma
Accueil › Santé › Cliniques

Le groupe Akdital inaugure une clinique de 120 lits à Tanger

Karim Benali / Le Matin
Publié le 12/03/2024 à 10h45

Recevez les actualités de notre site directement sur votre WhatsApp

{BODY_1}

Cette image sera automatiquement bloquée après la publication.
Crédit photo : DR
© Akdital

Lire aussi : La CNSS relève ses tarifs de remboursement

Un plateau technique de pointe
{BODY_2}

Suivez-nous sur Facebook
Rejoignez notre chaîne Telegram
Téléchargez l'application Le Matin

{BODY_3}

Related Articles
Saham rachète une clinique à Agadir
Le fonds a finalisé l'acquisition d'un établissement de soins situé dans la capitale du Souss...
Un nouvel hôpital universitaire à Laâyoune
Bouton retour en haut de la page
"""

CHROME_LINES = [
    "SociétéUne",
    "Santé & Pharma",
    "Accueil › Santé › Cliniques",
    "Recevez les actualités de notre site directement sur votre WhatsApp",
    "Cette image sera automatiquement bloquée après la publication.",
    "Crédit photo : DR",
    "© Akdital",
    "Lire aussi : La CNSS relève ses tarifs de remboursement",
    "Suivez-nous sur Facebook",
    "Rejoignez notre chaîne Telegram",
    "Téléchargez l'application Le Matin",
    "Related Articles",
    "Saham rachète une clinique à Agadir",
    "Le fonds a finalisé l'acquisition d'un établissement de soins situé dans la capitale du Souss...",
    "Un nouvel hôpital universitaire à Laâyoune",
    "Bouton retour en haut de la page",
]
ARTICLE_LINES = [
    "Le groupe Akdital inaugure une clinique de 120 lits à Tanger",
    "Karim Benali / Le Matin",
    "Publié le 12/03/2024 à 10h45",
    "Un plateau technique de pointe",
    BODY_1,
    BODY_2,
    BODY_3,
]


def span_of(text: str, line: str) -> tuple[int, int]:
    start = text.index(line)
    return start, start + len(line)


def chrome_texts(text: str, layout: Layout) -> list[str]:
    return [text[s:e] for s, e in layout.chrome]


@pytest.fixture(scope="module")
def page_layout() -> Layout:
    return analyse(PAGE)


@pytest.mark.parametrize("line", CHROME_LINES)
def test_chrome_lines_of_a_page(page_layout: Layout, line: str) -> None:
    assert page_layout.in_chrome(*span_of(PAGE, line))


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_never_chrome(page_layout: Layout, line: str) -> None:
    assert not page_layout.in_chrome(*span_of(PAGE, line))


def test_chrome_spans_are_whole_stripped_lines_of_the_original_text(page_layout: Layout) -> None:
    assert sorted(chrome_texts(PAGE, page_layout)) == sorted(CHROME_LINES)


def test_title_and_byline(page_layout: Layout) -> None:
    assert PAGE[slice(*page_layout.title)] == "Le groupe Akdital inaugure une clinique de 120 lits à Tanger"
    assert [PAGE[s:e] for s, e in page_layout.byline_people] == ["Karim Benali"]
    assert [PAGE[s:e] for s, e in page_layout.byline_orgs] == ["Le Matin"]


def test_offsets_point_into_the_original_text_with_crlf_and_indentation() -> None:
    text = PAGE.replace("\n", "\r\n").replace("Karim Benali / Le Matin", "   Karim Benali / Le Matin\t")
    layout = analyse(text)
    assert sorted(chrome_texts(text, layout)) == sorted(CHROME_LINES)
    assert text[slice(*layout.title)] == "Le groupe Akdital inaugure une clinique de 120 lits à Tanger"
    assert [text[s:e] for s, e in layout.byline_people] == ["Karim Benali"]
    assert [text[s:e] for s, e in layout.byline_orgs] == ["Le Matin"]


@pytest.mark.parametrize(
    ("byline", "person", "org"),
    [
        ("Par Salma Idrissi | L'Economiste", "Salma Idrissi", "L'Economiste"),
        ("Par Salma Idrissi", "Salma Idrissi", None),
        ("Par : Salma Idrissi / Médias24", "Salma Idrissi", "Médias24"),
        ("Propos recueillis par Nadia Tazi", "Nadia Tazi", None),
        ("Youssef El Fassi / Le360", "Youssef El Fassi", "Le360"),
        ("Par Salma Idrissi, à Casablanca | | 449 mots", "Salma Idrissi", None),  # a dateline, no outlet
    ],
)
def test_byline_people_and_outlets(byline: str, person: str, org: str | None) -> None:
    text = f"Santé\n\nOncorad Group ouvre un centre d'oncologie à Fès\n\n{byline}\n\n{BODY_1}\n"
    layout = analyse(text)
    assert [text[s:e] for s, e in layout.byline_people] == [person]
    assert [text[s:e] for s, e in layout.byline_orgs] == ([org] if org else [])
    assert text[slice(*layout.title)] == "Oncorad Group ouvre un centre d'oncologie à Fès"
    assert not layout.in_chrome(*span_of(text, byline))


@pytest.mark.parametrize(
    ("line", "person"),
    [("Salma.K(portail_info/Fr)", "Salma.K"), ("Youssef B.", "Youssef B."), ("Karim.T", "Karim.T"), ("Maroc.B", None), ("K.B.", None),
     ("Mohammed V", None), ("Hassan II", None)],
)
def test_a_first_name_and_an_initial_alone_on_a_line_sign_the_article(line: str, person: str | None) -> None:
    text = f"{line}\n{BODY_1}\n"
    layout = analyse(text)
    assert [text[s:e] for s, e in layout.byline_people] == ([person] if person else [])
    assert text[slice(*layout.title)] == BODY_1  # a signature is no headline


@pytest.mark.parametrize("byline", ["Par Tarwainfo avec MAP", "date 2025-02 Par Tarwainfo avec MAP", "Par Tarwainfo et AFP"])
def test_an_outlet_with_a_news_agency_is_a_byline(byline: str) -> None:
    text = f"{byline}\n\n{BODY_1}\n"
    layout = analyse(text)
    assert layout.byline_people == []
    assert [text[s:e] for s, e in layout.byline_orgs] == ["Tarwainfo"]


def test_a_sentence_of_the_body_is_not_a_byline() -> None:
    text = f"Oncorad Group ouvre un centre d'oncologie à Fès\n\n{BODY_1}\n\nPar ailleurs, le groupe recrute.\n"
    layout = analyse(text)
    assert layout.byline_people == [] and layout.byline_orgs == []


def test_kicker_and_masthead_above_the_title() -> None:
    text = f"LE MATIN DU SAHARA\nSanté\nDialyse\nLe fonds Kasbah Capital rachète cinq centres de dialyse\n\n{BODY_1}\n"
    layout = analyse(text)
    assert text[slice(*layout.masthead)] == "LE MATIN DU SAHARA"
    assert text[slice(*layout.title)] == "Le fonds Kasbah Capital rachète cinq centres de dialyse"
    assert layout.in_chrome(*span_of(text, "Dialyse"))
    assert not layout.in_chrome(*span_of(text, "Le fonds Kasbah Capital rachète cinq centres de dialyse"))


def test_teaser_block_ends_at_the_next_body_paragraph() -> None:
    long_body = BODY_2 + " " + BODY_3
    text = (
        f"Le groupe Akdital inaugure une clinique à Tanger\n\n{BODY_1}\n\nÀ lire aussi\n"
        "Akdital lève 1 milliard de dirhams en Bourse\n"
        "Le groupe de cliniques a bouclé son augmentation de capital avec succès...\n\n"
        f"{long_body}\n"
    )
    layout = analyse(text)
    assert chrome_texts(text, layout) == [
        "À lire aussi",
        "Akdital lève 1 milliard de dirhams en Bourse",
        "Le groupe de cliniques a bouclé son augmentation de capital avec succès...",
    ]


def test_trailing_isolated_headlines_of_other_stories() -> None:
    text = (
        f"Le groupe Akdital inaugure une clinique à Tanger\n\n{BODY_1}\n\n{BODY_3}\n\n"
        "Saham Assurance rachète une clinique à Agadir\nLe CHU de Rabat inaugure un nouveau service\n"
    )
    layout = analyse(text)
    assert chrome_texts(text, layout) == [
        "Saham Assurance rachète une clinique à Agadir",
        "Le CHU de Rabat inaugure un nouveau service",
    ]



def test_an_intertitle_before_a_last_paragraph_cut_off_is_no_headline_of_another_story() -> None:
    text = (
        f"Le groupe Akdital inaugure une clinique à Tanger\n\n{BODY_1}\n\n"
        "La clinique obtient l'accréditation de Tarwa Ratings avec une perspective stable\n\n"
        f"{BODY_3[:-40]}"
    )
    assert chrome_texts(text, analyse(text)) == []

@pytest.mark.parametrize(
    "line",
    [
        "Société", "SociétéUne", "Éco-Business", "Santé & Pharma", "Economie", "Accueil › Santé › Cliniques",
        "Accueil > Santé > Cliniques", "Sport | Culture | Monde",
        "Recevez toute l'actualité sur votre WhatsApp", "Tous les soirs, recevez l'essentiel de l'économie dans votre boîte mail.", "Suivez-nous sur Instagram", "Rejoignez-nous sur LinkedIn",
        "Téléchargez l'application Hespress", "Bouton retour en haut de la page", "Temps de lecture : 4 min",
        "Lire aussi : La CNSS relève ses tarifs", "Photo : Oncorad Group", "Ph. : Akdital", "Image d'illustration",
        "© 2024 Le Matin. Tous droits réservés.",
        "À lire : Radisson prévoit 25 nouveaux hôtels au Maroc d’ici 2030", "A lire : La palmeraie se meurt",
        "LIRE AUSSI – Les nouvelles lignes du tramway de Rabat", "Voir aussi — Le bilan des ventes d'automobiles",
    ],
)
def test_is_chrome_line(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    ["Tanger", "Akdital", "Les cliniques privées", "Le Dr Youness Ahallal lors de l'intervention (Photo : Oncorad).",
     "Une technologie de pointe au service des patients", BODY_1,
     "La Vie éco | Maroc | 03/11/2019", "Chaque semaine, la clinique reçoit 300 patients venus de toute la région.",
     # a time adverbial and an imperative open a body sentence too: no prompt's object, no chrome
     "Tous les jours, suivez les consignes des autorités sanitaires: la ville de Fès a enregistré 30 cas.",
     "Chaque année, partagez vos récoltes avec 3 familles, conseille l'association de Safi."],  # a dateline, not a breadcrumb: its date is the publication's
)
def test_is_not_chrome_line(line: str) -> None:
    assert not is_chrome_line(line)


def test_section_labels_and_teaser_markers() -> None:
    assert is_section_label("SociétéUne") and is_section_label("Santé & Pharma") and is_section_label("Éco-Business")
    assert not is_section_label("Santé publique au Maroc")
    assert is_teaser_marker("Related Articles") and is_teaser_marker("À lire aussi :") and is_teaser_marker("Les plus lus")
    assert not is_teaser_marker("À lire aussi le rapport de la Cour des comptes")
    assert is_teaser_marker("Ne manquez pas !") and not is_teaser_marker("Ne manquez pas le salon de l'auto à Casablanca")


def _article_with(paragraph: str) -> str:
    return f"Santé\n\nLe groupe Akdital inaugure une clinique à Tanger\n\nPar Salma Idrissi | L'Economiste\n\n{BODY_1}\n\n{paragraph}\n\n{BODY_3}\n"




@pytest.mark.parametrize(
    "paragraph",
    [
        "Le projet sera achevé en 2026.",
        "Un plateau technique de pointe",
        "Le ministre a salué « une étape importante pour la santé des habitants de la région et pour tout le nord du pays », "
        "lors de l'inauguration de la clinique mardi en présence des autorités locales et des élus de la ville.",
        pytest.param("« C'est une étape majeure pour la région », a déclaré le Pr Karim Alaoui."),
        pytest.param("Partager les données des patients entre les établissements reste un défi pour les cliniques, "
                     "reconnaît la direction du groupe, qui y consacre une équipe de 15 ingénieurs."),
        pytest.param("La direction a annoncé sur Facebook le lancement d'une plateforme commune pour les 300 médecins du "
                     "réseau, qui pourront partager les dossiers de leurs patients."),
        pytest.param("Les cliniques doivent respecter la politique de confidentialité imposée par la CNDP depuis 2023 pour "
                     "les données de santé de leurs patients."),
    ],
)
def test_body_paragraphs_are_never_chrome(paragraph: str) -> None:
    text = _article_with(paragraph)
    assert not analyse(text).in_chrome(*span_of(text, paragraph))


SHORT_1 = (
    "Le centre emploiera 120 personnes, dont 25 médecins, et accueillera ses premiers patients dès janvier 2025, "
    "selon la direction du groupe."
)
SHORT_2 = (
    "Le groupe exploite déjà des centres à Casablanca, Rabat et Agadir, et prévoit de s'étendre à Tanger et à Oujda "
    "d'ici la fin de l'année prochaine."
)


@pytest.mark.xfail(strict=True, reason="after a teaser block, body paragraphs shorter than body_min_words (40) stay chrome")
def test_body_paragraphs_after_a_teaser_block_are_not_chrome() -> None:
    text = (
        f"Le groupe Akdital inaugure une clinique à Tanger\n\n{BODY_1}\n\nÀ lire aussi\n"
        "Akdital lève 1 milliard de dirhams en Bourse\n"
        "Le groupe de cliniques a bouclé son augmentation de capital avec succès...\n\n"
        f"{SHORT_1}\n\n{SHORT_2}\n"
    )
    layout = analyse(text)
    assert not layout.in_chrome(*span_of(text, SHORT_1))
    assert not layout.in_chrome(*span_of(text, SHORT_2))


def test_photo_credit_at_the_end_of_a_caption_is_chrome() -> None:
    caption = "Le nouveau siège du groupe à Casablanca. © Nabil Tahiri / Maroc Hebdo"
    text = f"{BODY_1}\n\n{caption}\n\n{BODY_2}\n"
    layout = analyse(text)
    assert layout.in_chrome(*span_of(text, "Nabil Tahiri / Maroc Hebdo"))
    assert not layout.in_chrome(*span_of(text, "Le nouveau siège du groupe"))


def test_teaser_line_opening_with_arrows_is_chrome() -> None:
    line = ">> Lire aussi : Lydec, Marsa Maroc, Label’Vie… les valeurs qui ont porté la Bourse"
    text = f"{BODY_1}\n\n{line}\n\n{BODY_2}\n"
    assert analyse(text).in_chrome(*span_of(text, line))


@pytest.mark.parametrize(
    ("line", "ends"),
    [("Il a signé hier.", True), ("« Nous avançons »\u00a0", True), ("Il a dit (en mars)", True), ("Santé", False),
     ("Lire la suite…", False), ("Pourquoi ? Voici", False), ("", False)],
)
def test_a_line_ends_a_sentence_with_its_closing_mark_trailing_spaces_aside(line: str, ends: bool) -> None:
    assert ends_sentence(line) is ends


@pytest.mark.parametrize(("line", "label"), [("SociétéUne", True), ("Éco-Business", True), ("Société : la CNSS recrute", False)])
def test_a_section_label_line_is_made_of_labels_only(line: str, label: bool) -> None:
    assert is_section_label(line) is label


def test_a_timestamped_news_ticker_is_chrome() -> None:
    ticker = "- 13:00Les États-Unis confirment une loi susceptible d'interdire une application en 2025"
    text = f"{ticker}\n- 12:30Une flotte de camions livrée à Kénitra\n\n{BODY_1}\n"
    layout = analyse(text)
    assert layout.in_chrome(*span_of(text, ticker))
    assert not layout.in_chrome(*span_of(text, BODY_1[:40]))


def test_in_chrome_is_overlap_with_any_chrome_span() -> None:
    layout = Layout(chrome=[(0, 5), (10, 20), (20, 22), (40, 41)])
    for start in range(45):
        for end in range(start, 47):
            expected = any(s < end and start < e for s, e in layout.chrome)
            assert layout.in_chrome(start, end) == expected, (start, end)
    assert not Layout().in_chrome(0, 10)


def test_an_authors_biography_is_chrome_and_its_head_names_the_author() -> None:
    bio = "Rim Tazi est une journaliste installée à Lyon. Elle écrit pour Radio Atlas et Info Sud."
    text = f"Le groupe Akdital inaugure une clinique à Tanger\n\n{BODY_1}\n\nLeila Bensouda\nÀ propos de l'auteur\n{bio}\n"
    layout = analyse(text)
    assert {"À propos de l'auteur", bio} <= set(chrome_texts(text, layout))
    assert [text[s:e] for s, e in layout.byline_people] == ["Leila Bensouda"]
