"""The prebuilt city index: stored once, loaded from the cache folder, rebuilt when missing, stale or corrupt."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract import gazetteer
from extract.gazetteer import City, Gazetteer, index_dir
from extract.rules import load_rules

CITIES = {
    "casablanca": City(2553604, "Casablanca", "MA", 3_144_909),
    "dar el beida": City(2553604, "Casablanca", "MA", 3_144_909),
    "fes": City(2548885, "Fès", "MA", 964_891),
}


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Replace the GeoNames scan by three names, and record each build."""
    calls: list[dict] = []

    def fake(conf: dict) -> dict[str, City]:
        calls.append(conf)
        return CITIES

    monkeypatch.setattr(gazetteer, "best_cities", fake)
    return calls


def test_city_record_round_trips() -> None:
    city = City(2548885, "Fès", "MA", 964_891)
    assert gazetteer.unpack(gazetteer.pack(city)) == city


def test_index_is_built_once_then_loaded(tmp_path: Path, builds: list, capsys: pytest.CaptureFixture) -> None:
    first = Gazetteer(load_rules(), tmp_path)
    assert "building the city index" in capsys.readouterr().err
    second = Gazetteer(load_rules(), tmp_path)
    assert capsys.readouterr().err == ""
    assert len(builds) == 1
    for found in (first, second):
        assert found.lookup("Dar El Beïda") == CITIES["casablanca"]
        assert found.contains("FÈS") and not found.contains("Fèsse")
        assert found.lookup("Rabat") is None


def test_corrupt_index_is_rebuilt_with_a_message(tmp_path: Path, builds: list, capsys) -> None:
    Gazetteer(load_rules(), tmp_path)
    (path,) = tmp_path.glob("cities-*.marisa")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert Gazetteer(load_rules(), tmp_path).lookup("Fès") == CITIES["fes"]
    assert "building the city index" in capsys.readouterr().err
    assert len(builds) == 2
    assert Gazetteer(load_rules(), tmp_path).lookup("Fès") == CITIES["fes"] and len(builds) == 2


def test_truncated_or_empty_index_is_rebuilt(tmp_path: Path, builds: list) -> None:
    Gazetteer(load_rules(), tmp_path)
    (path,) = tmp_path.glob("cities-*.marisa")
    for data in (path.read_bytes()[:100], b""):
        path.write_bytes(data)
        assert Gazetteer(load_rules(), tmp_path).contains("Casablanca")
    assert len(builds) == 3


def test_index_for_other_rules_is_not_used_and_old_ones_are_removed(tmp_path: Path, builds: list) -> None:
    others = [tmp_path / f"cities-stale{i}.marisa" for i in range(4)]
    for age, other in enumerate(others):
        other.write_bytes(b"an index for other rules")
        os.utime(other, (1_000_000 + age, 1_000_000 + age))
    assert Gazetteer(load_rules(), tmp_path).contains("Fès") and len(builds) == 1
    kept = sorted(p.name for p in tmp_path.glob("cities-*.marisa"))
    assert len(kept) == gazetteer.KEEP_INDEXES
    assert [o.name for o in others[-(gazetteer.KEEP_INDEXES - 1) :]] == [k for k in kept if "stale" in k]


def test_unwritable_folder_still_gives_an_index(tmp_path: Path, builds: list, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert Gazetteer(load_rules(), blocker / "index").contains("Fès")
    assert "cannot store the city index" in capsys.readouterr().err


def test_real_index_prefers_moroccan_cities_and_loads_fast() -> None:
    """The session's index, from GeoNames: a name shared across countries resolves to the Moroccan city."""
    index = Gazetteer(load_rules(), index_dir())
    assert index.lookup("Casablanca").country == "MA"
    assert index.lookup("Rabat").country == "MA"  # also a town in Malta
    assert index.lookup("Settat").geonameid == index.lookup("settat").geonameid
    # a second process finds the index the first one stored, and says nothing about building it
    done = subprocess.run(
        [sys.executable, "-c", "from extract.gazetteer import *; from extract.rules import load_rules;"
         "print(Gazetteer(load_rules(), index_dir()).lookup('Tanger').country)"],
        capture_output=True, text=True, env=os.environ.copy(),
    )
    assert done.stdout.strip() == "MA" and "building" not in done.stderr, done.stderr
