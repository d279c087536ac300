"""The project stands alone: its own guide and schema agree with each other and with the code, and no
tracked file names a path of the machine it was built on."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "ANNOTATION.md"
SCHEMA = ROOT / "schema" / "article.schema.json"
MACHINE_PATHS = re.compile("|".join(re.escape(p) for p in ("/" + "work/", "/" + "tmp/", "../" + "shared")))
SKIPPED_DIRS = {".git", ".venv", "out", "__pycache__", ".pytest_cache", "corpus"}


def tracked_files() -> list[Path]:
    """The files git tracks, or (outside a git checkout) every file but virtualenvs, caches and outputs."""
    try:
        names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        return [ROOT / name for name in names.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        return [p for p in ROOT.rglob("*") if p.is_file() and not SKIPPED_DIRS & set(p.relative_to(ROOT).parts)]


def guide_sections() -> set[str]:
    return set(re.findall(r"^## (\d+b?)\.", GUIDE.read_text(encoding="utf-8"), re.MULTILINE))


def test_no_tracked_file_names_a_path_of_the_build_machine() -> None:
    offenders = []
    for path in tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        offenders += [f"{path.relative_to(ROOT)}: {m.group()}" for m in MACHINE_PATHS.finditer(text)]
    assert not offenders, offenders


def test_the_guide_has_every_section_the_code_and_readmes_cite() -> None:
    sections = guide_sections()
    assert {"1", "2", "2b", "3", "4", "5", "6", "7", "8"} <= sections
    cited = set()
    for path in tracked_files():
        if path.suffix in (".py", ".md") and path != GUIDE:
            text = path.read_text(encoding="utf-8")
            for numbers in re.findall(r"ANNOTATION\.md (?:sections? |§)(\d+b?(?:(?:, | and |–)\d+b?)*)", text):
                cited |= set(re.findall(r"\d+b?", numbers))
    assert cited and cited <= sections, cited - sections


def event_roles_in_guide() -> dict[str, set[str]]:
    """Event types and their roles, from the table of section 7."""
    section = GUIDE.read_text(encoding="utf-8").split("## 7.")[1].split("## 8.")[0]
    roles = {}
    for event_type, cell in re.findall(r"^\| `(\w+)` \|[^|]*\|([^|]*)\|$", section, re.MULTILINE):
        cell = re.sub(r"\([^)]*\)", "", cell)  # role kinds and examples in brackets
        roles[event_type] = {part.strip(" *") for part in cell.split(",")}
    return roles


def test_schema_events_match_the_guide() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    events = schema["properties"]["events"]["items"]
    in_schema = {
        branch["properties"]["type"]["const"]: set(branch["properties"]["roles"]["required"])
        for branch in events["oneOf"]
    }
    assert event_roles_in_guide() == in_schema


@pytest.mark.parametrize("field", ["published", "authors", "outlet", "url"])
def test_metadata_fields_are_optional_in_the_schema_and_described_in_the_guide(field: str) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert field in schema["properties"] and field not in schema["required"]
    assert "null" in schema["properties"][field]["type"]
    assert f"`{field}`" in GUIDE.read_text(encoding="utf-8").split("## 8.")[1]
