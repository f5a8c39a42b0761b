"""Run every notebook of ``examples/`` without a Jupyter kernel.

Each notebook is read as JSON (nbformat 4); its code cells are executed in order in one
fresh namespace with :func:`exec`, as a kernel would run them top to bottom. A notebook
fails when any cell raises, and the notebooks check their key numbers with ``assert``.
Why no kernel: see ``examples/README.md``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


def code_cells(path: Path) -> list[str]:
    """The source of each code cell, checked to be plain Python (no magics, no shell)."""
    notebook: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert notebook.get("nbformat") == 4, f"{path.name}: not an nbformat 4 notebook"
    sources = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"]
        text = "".join(source) if isinstance(source, list) else str(source)
        for line in text.splitlines():
            assert not line.lstrip().startswith(("%", "!")), f"{path.name}: IPython syntax {line!r}"
        sources.append(text)
    return sources


def test_there_are_notebooks() -> None:
    assert len(NOTEBOOKS) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    cells = code_cells(path)
    assert cells, f"{path.name} has no code cell"
    for number, source in enumerate(cells, start=1):
        code = compile(source, f"{path.name}[code cell {number}]", "exec")
        exec(code, namespace)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_self_contained(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "../shared" not in text
    assert "open(" not in "".join(code_cells(path)), f"{path.name} must embed its numbers, not read files"
    assert "assert " in "".join(code_cells(path)), f"{path.name} must assert its key numbers"
