"""Checks that keep the documentation honest without building it.

The Sphinx builds themselves (``-b html`` and ``-b doctest`` with ``-W``) run in the README's
test command; these tests guard what a build would not notice: a public name missing from
the reference, and pictures in ``docs/_static`` that no longer match the library's output.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import electoral_rules as er

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_public_name_is_in_the_reference() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((DOCS / "reference").glob("*.md")))
    documented = set(re.findall(r"\.\. auto(?:function|class|exception|data|module)::\s+(\S+)", text))
    missing = [
        name
        for name in er.__all__
        if name != "__version__" and name not in documented and f"electoral_rules.{name}" not in documented
    ]
    assert not missing, f"add these names to a page of docs/reference/: {missing}"


def test_tutorial_comes_first_and_is_the_afp_example() -> None:
    first = sorted((DOCS / "tutorial").glob("*.md"))[0]
    text = first.read_text(encoding="utf-8")
    assert "AFP" in text.splitlines()[0]
    assert "nombre de listes" in text
    assert "1 534" in text


def test_static_pictures_match_the_library() -> None:
    spec = importlib.util.spec_from_file_location("docs_pictures", DOCS / "pictures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pictures: dict[str, str] = module.pictures()
    assert pictures, "docs/pictures.py produced no picture"
    for name, svg in pictures.items():
        saved = (DOCS / "_static" / name).read_text(encoding="utf-8")
        if saved != svg:
            pytest.fail(f"docs/_static/{name} is stale: run PYTHONPATH=src python docs/pictures.py")


def test_readme_examples_run() -> None:
    import doctest

    failures, tried = doctest.testfile(
        str(DOCS.parent / "README.md"), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert tried >= 4
    assert failures == 0
