"""The tests mirror the package: one folder per subpackage of ``electoral_rules``, tests of
top-level modules and project-wide tests in ``tests/`` itself, data in ``tests/data/`` only
(reached through ``tests.common.DATA``), one copy of each data file."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tests.common import DATA

TESTS = Path(__file__).parent
PACKAGE = TESTS.parent / "src" / "electoral_rules"
SUBPACKAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def test_each_test_folder_mirrors_a_subpackage() -> None:
    folders = sorted(p.name for p in TESTS.iterdir() if p.is_dir() and p.name not in {"data", "__pycache__"})
    assert set(folders) <= set(SUBPACKAGES), f"test folders without a subpackage: {set(folders) - set(SUBPACKAGES)}"
    for name in folders:
        assert (TESTS / name / "__init__.py").exists(), f"tests/{name}/ needs an __init__.py"


def test_no_test_of_a_subpackage_is_left_at_the_top() -> None:
    pattern = re.compile(rf"test_({'|'.join(map(re.escape, SUBPACKAGES))})_\w+\.py")
    stray = sorted(p.name for p in TESTS.glob("test_*.py") if pattern.fullmatch(p.name))
    assert not stray, f"move these into their package's folder: {stray}"


def test_data_is_reached_through_tests_common() -> None:
    """A path built from a test file's own place breaks when the file moves to a folder."""
    own = re.compile(r"Path\(__file__\)[^\n]*[\"']data")
    found = [
        str(p.relative_to(TESTS))
        for p in sorted(TESTS.rglob("*.py"))
        if p.name != "common.py" and own.search(p.read_text(encoding="utf-8"))
    ]
    assert not found, f"use tests.common.DATA in: {found}"


def test_each_data_file_is_stored_once() -> None:
    seen: dict[str, Path] = {}
    twice = []
    for path in sorted(DATA.rglob("*")):
        if not path.is_file() or path.name == "README.md":
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            twice.append(f"{path.relative_to(DATA)} = {seen[digest].relative_to(DATA)}")
        seen.setdefault(digest, path)
    assert not twice, f"keep one copy of: {twice}"
