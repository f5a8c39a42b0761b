"""The ``{doctest}`` examples of the majoritarian explanation pages run and pass.

The Sphinx doctest builder runs them too; this test keeps them honest where Sphinx is not
installed, with the same option flags (ELLIPSIS, NORMALIZE_WHITESPACE).
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parent.parent / "docs" / "explanation"
MINE = (
    "legislatives.md",
    "departementales.md",
    "presidentielle.md",
    "senatoriales-majoritaire.md",
    "municipales-petites-communes.md",
)
BLOCK = re.compile(r"^```\{doctest\}\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("page", MINE)
def test_page_examples_run(page: str) -> None:
    text = (PAGES / page).read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert blocks, f"{page} has no {{doctest}} example"
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, page, str(PAGES / page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) of {page} failed (see the output above)"
    assert result.attempted > 0


@pytest.mark.parametrize("page", MINE)
def test_page_cites_articles(page: str) -> None:
    text = (PAGES / page).read_text(encoding="utf-8")
    assert re.search(r"art\.\s*L?\d|Constitution", text)
