"""The notebooks of ``examples/``: stored with outputs that a fresh execution reproduces.

Each notebook is executed top to bottom in a fresh Jupyter kernel (nbclient + ipykernel, see
``tests/notebooks.py``); it fails when a cell raises (the notebooks check their key numbers
with ``assert``) and when its stored outputs differ from the fresh ones, so that a notebook
read on a repository page or in the docs site never shows a stale number. To store fresh
outputs: ``python -m tests.notebooks``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests import notebooks
from tests.notebooks import EXAMPLES, NOTEBOOKS

DOCS = EXAMPLES.parent / "docs"
IDS = [p.name for p in NOTEBOOKS]


def code_sources(notebook: Any) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def test_there_are_notebooks() -> None:
    assert len(NOTEBOOKS) >= 7


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_outputs_are_those_of_a_fresh_execution(path: Path) -> None:
    stored = notebooks.read(path)
    fresh = notebooks.execute(path)
    found = notebooks.differences(stored, fresh)
    assert not found, f"{path.name} is stale, run `python -m tests.notebooks examples/{path.name}`:\n" + "\n".join(found)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_show_results_and_a_picture_but_no_error(path: Path) -> None:
    notebook = notebooks.read(path)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    kinds = {mime for output in outputs for mime in output.get("data", {})}
    assert "image/svg+xml" in kinds, f"{path.name} shows no picture"
    for output in outputs:
        assert output.output_type != "error", f"{path.name} stores an error"
        assert output.get("name") != "stderr", f"{path.name} prints on stderr (a warning?): {output.text!r:.200}"
    silent = [source for source in code_sources(notebook) if not source.strip()]
    assert not silent, f"{path.name} has empty code cells"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_self_contained(path: Path) -> None:
    notebook = notebooks.read(path)
    code = "\n".join(code_sources(notebook))
    assert "../shared" not in path.read_text(encoding="utf-8")
    assert "open(" not in code, f"{path.name} must embed its numbers, not read files"
    assert "assert " in code, f"{path.name} must assert its key numbers"
    for line in code.splitlines():
        assert not line.lstrip().startswith(("%", "!")), f"{path.name}: IPython syntax {line!r}"
    first = notebook.cells[0]
    assert first.cell_type == "markdown"
    assert re.match(r"# \S", first.source), f"{path.name}: the first cell must be the page's title"


def test_every_notebook_has_a_page_in_the_docs() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert '"myst_nb"' in conf
    assert 'nb_execution_mode = "off"' in conf
    assert ":caption: Notebooks" in index
    assert "notebooks/*" in index


def _first_output(notebook: Any) -> Any:
    cell = next(cell for cell in notebook.cells if cell.cell_type == "code" and cell.outputs)
    return cell, cell.outputs[0]


def test_a_changed_output_is_caught() -> None:
    """The comparison is not blind: one altered digit in a stored output makes it differ."""
    path = NOTEBOOKS[0]
    stored = notebooks.read(path)
    assert not notebooks.differences(stored, notebooks.read(path))
    _, output = _first_output(stored)
    assert re.search(r"\d", output.text)
    output.text = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), output.text, count=1)
    assert notebooks.differences(stored, notebooks.read(path))


def test_only_execution_counts_and_addresses_are_left_out() -> None:
    path = NOTEBOOKS[0]
    stored, fresh = notebooks.read(path), notebooks.read(path)
    cell, output = _first_output(stored)
    cell.execution_count = 41
    output.text = output.text + "<object at 0x7f3a2b1c0d90>"
    _, other = _first_output(fresh)
    other.text = other.text + "<object at 0x55d0c4e2a1f0>"
    assert not notebooks.differences(stored, fresh)
    other.text = other.text + " "
    assert notebooks.differences(stored, fresh)
