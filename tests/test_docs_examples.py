"""Every ``>>>`` example in the Markdown documentation runs and prints what the page says.

Sphinx's doctest builder (in the README's test command) runs the ``{doctest}`` blocks; this
test runs the examples of every page, whatever the fence (```` ```python ````, ```` ```pycon ````,
```` ```{doctest} ````), so that no page can hold an example that is never executed.
Each page runs in one namespace, with the globals the Sphinx doctest setup gives.
"""

from __future__ import annotations

import doctest
import re
from fractions import Fraction
from pathlib import Path

import pytest

import electoral_rules as er

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "docs").rglob("*.md") if "_build" not in p.parts)
FENCE = re.compile(r"^(`{3,})([^\n]*)\n(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def examples(text: str) -> str:
    """The bodies of the fenced blocks that hold ``>>>`` prompts, in page order."""
    return "\n".join(body for _, _, body in FENCE.findall(text) if ">>>" in body)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_page_examples_run(page: Path) -> None:
    source = examples(page.read_text(encoding="utf-8"))
    if ">>>" not in source:
        return
    test = doctest.DocTestParser().get_doctest(
        source, {"er": er, "Fraction": Fraction}, page.name, str(page), 0
    )
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) of {page.name} fail (see the output above)"


def test_the_collector_finds_examples_in_every_fence() -> None:
    page = "```python\n>>> 1 + 1\n2\n```\ntext\n```{doctest}\n>>> 2 + 2\n4\n```\n```console\n$ ls\n```\n"
    assert examples(page).count(">>>") == 2
