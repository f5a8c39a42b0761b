"""The ``pycon`` examples of the explanation pages on the list elections run and are right."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs" / "explanation"
PAGES = ["municipales.md", "regionales.md", "europeennes.md", "senatoriales-proportionnelle.md"]
BLOCK = re.compile(r"^```pycon\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES)
def test_examples_run(page: str) -> None:
    text = (DOCS / page).read_text("utf-8")
    blocks = BLOCK.findall(text)
    assert blocks, f"{page} has no pycon example"
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page, str(DOCS / page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
