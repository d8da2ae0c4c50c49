"""The package is laid out by stage, enumerations are stated once, and the README says so."""
from __future__ import annotations

import ast
from pathlib import Path

from archive.kinds import TABLES
from archive.store.models import Base

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("ingest", "parse", "extract", "store", "query", "present")


def test_archive_shows_the_stages():
    for stage in STAGES:
        assert (ROOT / "archive" / stage / "__init__.py").is_file(), stage
    flat = sorted(p.name for p in (ROOT / "archive").glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "api.py", "errors.py", "kinds.py", "names.py"]


def test_the_readme_layout_names_every_module_and_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1]
    for path in sorted((ROOT / "archive").rglob("*.py")):
        rel = path.relative_to(ROOT)
        if path.name == "__init__.py":
            rel = rel.parent
        assert f"{rel.as_posix()}" in layout, f"README layout does not describe {rel}"


def test_tables_are_the_schemas_tables():
    models = set(Base.metadata.tables)
    assert set(TABLES) == models


def test_one_class_per_name():
    seen: dict[str, Path] = {}
    for path in sorted((ROOT / "archive").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                assert node.name not in seen, f"{node.name} in {seen[node.name]} and {path}"
                seen[node.name] = path


def test_kinds_are_spelled_once():
    spellings = ('"telegram channel"', '"news outlet"')
    for path in sorted((ROOT / "archive").rglob("*.py")):
        if path.name == "kinds.py":
            continue
        text = path.read_text(encoding="utf-8")
        for spelling in spellings:
            assert spelling not in text, f"{path} spells {spelling}: import it from archive.kinds"
