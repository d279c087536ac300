"""Numbers that count or measure something named next to them (ANNOTATION.md §2 counts and §2b)."""
from __future__ import annotations

import pytest

from conftest import find_quantities as find
from extract.amounts import AmountFinder
from extract.counts import CountFinder, singular
from extract.dates import DateFinder
from extract.facts import overlaps
from extract.rules import load_rules

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def finder() -> CountFinder:
    return CountFinder(load_rules())



def keys(counts: list[dict]) -> list[tuple[float, str]]:
    return sorted((c["value"], c["unit"]) for c in counts)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("La clinique dispose de vingt-huit lits d'hospitalisation.", [(28, "lit")]),
        ("L'opération a eu lieu à 12.000 km de distance.", [(12000, "km")]),
        ("L'hôpital compte 1 200 lits.", [(1200, "lit")]),
        (f"L'hôpital compte 1{NBSP}200 lits.", [(1200, "lit")]),
        (f"L'hôpital compte 1{NNBSP}200 lits.", [(1200, "lit")]),
        ("Une centaine de personnes ont assisté à la cérémonie.", [(100, "personne")]),
        ("Une vingtaine de médecins ont signé la pétition.", [(20, "médecin")]),
        ("L'établissement compte 42 chambres dont sept de réanimation.", [(7, "chambre"), (42, "chambre")]),
        ("Le groupe prévoit de six à dix établissements.", [(6, "établissement"), (10, "établissement")]),
        ("Le groupe compte entre 20 et 30 lits.", [(20, "lit"), (30, "lit")]),
        ("Le groupe ouvre 300 lits à Marrakech et 200 à Tanger.", [(200, "lit"), (300, "lit")]),
        ("Le groupe dispose de 1 200 lits (300 à Rabat, 900 à Casablanca).", [(300, "lit"), (900, "lit"), (1200, "lit")]),
        ("Le pays compte 4,45 médecins pour 1.000 habitants.", [(4.45, "médecin"), (1000, "habitant")]),
        ("Le chiffre d'affaires progresse de +12,5%.", [(12.5, "%")]),
        ("Le taux d'occupation atteint 85 %.", [(85, "%")]),
        ("Le marché progresse de 6 à 10 %.", [(6, "%"), (10, "%")]),
        ("Le parti gagne 1,2 point dans les sondages.", [(1.2, "point")]),
        ("Le taux a reculé de 2 points de pourcentage.", [(2, "point")]),
        ("La clinique s'étend sur 3.000 m2.", [(3000, "m2")]),
        ("La clinique s'étend sur 3.000 m².", [(3000, "m2")]),
        ("La clinique s'étend sur 3.000 mètres carrés.", [(3000, "m2")]),
        ("Le campus occupe 12 hectares.", [(12, "ha")]),
        ("Les ventes ont augmenté de quatre pour cent.", [(4, "%")]),
        ("Le site produit 120 millions d'unités par an.", [(120_000_000, "unité")]),
        ("La région compte 1,5 million d'habitants.", [(1_500_000, "habitant")]),
        ("Le réseau compte 12 hôpitaux et 5 blocs opératoires.", [(5, "bloc"), (12, "hôpital")]),
        ("Le réseau compte 150 nouveaux médecins.", [(150, "médecin")]),
        ("Le pays compte vingt et un hôpitaux.", [(21, "hôpital")]),
        ("La ville compte deux cent mille habitants.", [(200_000, "habitant")]),
        ("Le groupe est présent dans 30 pays.", [(30, "pays")]),
        ("Le groupe compte 12 cliniques, 3 centres d'oncologie et 2 laboratoires.",
         [(2, "laboratoire"), (3, "centre"), (12, "clinique")]),
        pytest.param("La clinique compte soixante-dix-sept lits.", [(77, "lit")]),
        ("Le nombre de pharmacies affiliées est passé de 310 à 452 en deux ans.", [(310, "pharmacie"), (452, "pharmacie")]),
        ("Le nombre d'adhérents atteint 12 500 selon la mutuelle.", [(12500, "adhérent")]),
        ("Le trafic est passé de 2,1 à 4 millions de passagers.", [(2100000, "passager"), (4000000, "passager")]),
        ("Le fonds détient 7 sociétés dont trois tunisiennes.", [(3, "société"), (7, "société")]),
        # the noun given elsewhere: a part of a whole, a qualified number of, never a share in millions
        ("Déjà 120 des 300 écoles visées sont raccordées.", [(120, "école"), (300, "école")]),
        ("Seuls 2 sur 15 élèves ont échoué.", [(2, "élève"), (15, "élève")]),
        ("Le nombre moyen de passagers a atteint 2.600 en juillet, contre 2.100 un an plus tôt.", [(2100, "passager"), (2600, "passager")]),
        ("Son parc de lignes a progressé de 4,5% à 12 millions.", [(4.5, "%")]),
        ("La part est passée de 12% à 15 en un an.", [(12, "%"), (15, "%")]),
        ("L'accord lie les sept Etats riverains et 12 États membres.", [(7, "état"), (12, "état")]),  # capitalised by usage
        ("Le groupe a racheté 3 Suisses en 2010.", []),  # another capitalised word: a name
        # an adjective standing for a noun left out: the noun before, else no count
        ("Le fonds lance sa cinquième levée, après quatre précédentes très suivies.", []),
        ("Il a ouvert 6 agences en mai et 2 suivantes en juin.", [(2, "agence"), (6, "agence")]),
    ],
)
def test_counts(finder, sentence: str, expected: list[tuple[float, str]]) -> None:
    assert keys(find(finder, sentence)) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "qualifier", "text"),
    [
        ("Les athlètes concourent dans plus de 10 disciplines.", "more_than", "plus de 10 disciplines"),
        ("Environ 300 personnes travaillent sur le site.", "approx", "Environ 300 personnes"),
        ("Le groupe emploie près de 3 000 collaborateurs.", "approx", "près de 3 000 collaborateurs"),
        ("L'établissement emploie au moins 40 médecins.", "more_than", "au moins 40 médecins"),
        ("L'établissement emploie moins de 40 médecins.", "less_than", "moins de 40 médecins"),
        ("La clinique accueille jusqu'à 50 patients.", "less_than", "jusqu'à 50 patients"),
        ("Le nombre de lits dépasse 2 000 lits.", "more_than", "dépasse 2 000 lits"),
        ("Le centre a soigné 1.500 patients.", "exact", "1.500 patients"),
        pytest.param("La clinique accueille jusqu’à 50 patients.", "less_than", "jusqu’à 50 patients"),
    ],
)
def test_qualifier_and_text(finder, sentence: str, qualifier: str, text: str) -> None:
    (count,) = find(finder, sentence)
    assert (count["qualifier"], count["text"]) == (qualifier, text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Les revenus de l’Europe (-3% à 6%) reculent.", [(3, "%"), (6, "%")]),
        ("Un quai de 860 m de longueur et -16 m de profondeur.", [(16, "m"), (860, "m")]),
        ("-5 usines ferment cette année.", [(5, "usine")]),
        ("La période 2019-2023 et la loi 13-09 ne comptent pas, ni le modèle Med-2.", []),
    ],
)
def test_a_minus_sign_opens_a_number_a_dash_between_two_does_not(finder, sentence: str, expected) -> None:
    assert keys(find(finder, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ce qui portera à 6 le nombre d’unités du groupe.", [(6, "unité")]),
        ("L’opération porte ainsi à 10 le nombre de pays africains concernés.", [(10, "pays")]),
        ("La réforme fait passer à 12 le nombre total de cliniques.", [(12, "clinique")]),
    ],
)
def test_a_number_before_le_nombre_de_counts_what_follows(finder, sentence: str, expected) -> None:
    assert keys(find(finder, sentence)) == expected


def test_a_unit_in_capitals_after_a_scale_is_counted_once_the_amounts_leave_it(finder) -> None:
    sentence = "Le port a coûté 300 millions d'euros pour un trafic d'un million EVP par an."
    amounts = AmountFinder(load_rules()).find(sentence, lambda start, end: True)
    spans = [tuple(m) for a in amounts for m in a["mentions"]]
    counts = find(finder, sentence, lambda start, end: all(end <= s or start >= e for s, e in spans))
    assert keys(counts) == [(1_000_000, "evp")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le fonds entrera au capital de 15 à 20 petites et moyennes entreprises.", [(15, "entreprise"), (20, "entreprise")]),
        ("L’enseigne compte 300 grandes et moyennes surfaces.", [(300, "surface")]),
        ("Il a ouvert 5 grands et 3 petits hôtels.", [(3, "hôtel")]),
    ],
)
def test_two_adjectives_joined_by_et_before_the_counted_noun(finder, sentence: str, expected) -> None:
    assert keys(find(finder, sentence)) == expected


def test_the_number_of_what_is_named_after_the_last_count_takes_that_noun(finder) -> None:
    sentence = "Il lance 774 nouveaux magasins, ce qui portera le nombre total de points de vente à 953."
    assert keys(find(finder, sentence)) == [(774, "magasin"), (953, "point")]


def test_same_count_twice_is_one_fact(finder) -> None:
    sentence = "La clinique compte 120 lits. Ces 120 lits seront tous équipés."
    (count,) = find(finder, sentence)
    assert (count["value"], count["unit"], count["text"]) == (120, "lit", "120 lits")
    assert [sentence[s:e] for s, e in count["mentions"]] == ["120 lits", "120 lits"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le patient, âgé de 45 ans, va bien.",
        "Il a 45 ans et dirige la clinique.",
        "Le volume de soins a été multiplié par trois fois.",
        "La moitié des patients sont guéris.",
        "Deux tiers des médecins exercent en ville.",
        "Les 2/3 des patients sont satisfaits.",
        "Un médecin et une infirmière sont présents.",
        "Des centaines de médecins ont manifesté.",
        "Plusieurs cliniques ont ouvert leurs portes.",
        "La compagnie a commandé le Boeing 787-9.",
        "L'opérateur déploie la 4G dans les villages.",
        "L'université figure dans le top 10 mondial.",
        "La réunion débute à 10h30.",
        "La réunion a lieu à 10 h 30.",
        "C'est le 1er hôpital privé du pays.",
        "Le 3e hôpital du pays ouvre ses portes.",
        "Le chantier a duré trois années.",
        "Le traitement dure six semaines.",
        "La clinique est classée numéro 3 du pays.",
        "Le patient a subi un triple pontage.",
        "Il a parcouru des centaines de kilomètres.",
        "L'année 2023 montre une nette reprise des investissements.",
        "Les 4 offriront ensemble une capacité inédite.",
        "Le résultat net consolidé s’établit à 2,8 m",
        "Le chiffre recule par rapport à 2015 où il était haut.",
        "Les 3 lorsque le marché tourne.",
    ],
)
def test_not_counts(finder, sentence: str) -> None:
    assert find(finder, sentence) == []


def test_amounts_and_dates_are_not_counts_once_blocked_as_in_the_pipeline(finder) -> None:
    rules = load_rules()
    sentence = "En 2023, le groupe a investi 458 millions de dirhams dans 12 cliniques et 1 200 lits."
    everything = lambda start, end: True  # noqa: E731
    blocked = [tuple(m) for fact in AmountFinder(rules).find(sentence, everything) for m in fact["mentions"]]
    blocked += [tuple(m) for fact in DateFinder(rules).find(sentence, everything) for m in fact["mentions"]]
    counts = find(finder, sentence, lambda start, end: not overlaps((start, end), blocked))
    assert keys(counts) == [(12, "clinique"), (1200, "lit")]


@pytest.mark.parametrize(
    ("plural", "singular_form"),
    [
        ("lits", "lit"),
        ("Lits", "lit"),
        ("hôpitaux", "hôpital"),
        ("bureaux", "bureau"),
        ("pays", "pays"),
        ("prix", "prix"),
        ("établissements", "établissement"),
        ("chambres", "chambre"),
        ("journaux", "journal"),
        ("travaux", "travail"),
        ("jeux", "jeu"),
        ("bijoux", "bijou"),
        ("mois", "mois"),
        ("campus", "campus"),
        ("lit", "lit"),
        pytest.param("élus", "élu"),
        pytest.param("repas", "repas"),
        pytest.param("procès", "procès"),
    ],
)
def test_singular(plural: str, singular_form: str) -> None:
    assert singular(plural, load_rules().counts["irregular_singulars"]) == singular_form


@pytest.mark.parametrize(
    ("plural", "singular_form"),
    [
        ("inhalateurs-doseurs", "inhalateur-doseur"),
        ("wagons-citernes", "wagon-citerne"),
        ("chefs-lieux", "chef-lieu"),
        ("sous-traitants", "sous-traitant"),
        ("e-mails", "e-mail"),
    ],
)
def test_singular_of_a_compound_puts_each_noun_in_the_singular(plural: str, singular_form: str) -> None:
    rules = load_rules()
    assert singular(plural, rules.counts["irregular_singulars"], rules.stopwords) == singular_form


def test_a_compound_of_nouns_is_counted_in_the_singular(finder) -> None:
    assert keys(find(finder, "Une capacité de 1,5 million d'inhalateurs-doseurs par an.")) == [(1_500_000, "inhalateur-doseur")]


@pytest.mark.parametrize(
    ("before", "word"),
    [
        ("la période 2019-", "2019-"),
        ("l'ordre d’", "d’"),
        ("à -5 °", "-5"),
        ("Aujourd'hui, ", "aujourd'hui"),
        ("les chiffres (", "chiffres"),
        ("… ", ""),
    ],
)
def test_the_previous_word_is_the_last_run_of_word_characters(finder, before: str, word: str) -> None:
    assert finder._previous_word(before + "12", len(before)) == word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le chantier a coûté 3,5 m", []),
        ("Le chantier a coûté 3,5 m \n\u00a0 ", []),
        ("La piste fait 3,5 km", []),
        ("La piste fait 3,5 m.", [(3.5, "m")]),
        ("Le mur mesure 3,5 m de haut.", [(3.5, "m")]),
    ],
)
def test_a_short_symbol_that_ends_the_text_is_a_word_cut_off(finder, text: str, expected: list) -> None:
    assert keys(find(finder, text)) == expected

