"""Execute the notebooks of ``examples/`` and store their outputs, or check the stored ones.

The notebooks are kept **with** their outputs, so that a reader sees the tables and pictures
on a repository page, in a downloaded copy and in the docs site without running anything.
Those outputs must be what the code gives today: ``tests/test_notebooks.py`` executes each
notebook in a fresh Jupyter kernel and fails when its outputs differ from the stored ones.

After changing a notebook or the library, store fresh outputs (from the repository root)::

    python -m tests.notebooks                 # every notebook of examples/
    python -m tests.notebooks examples/01_afp_worked_example.ipynb

and ``python -m tests.notebooks --check`` reports the stale ones without writing.

What the comparison leaves out, because it legitimately varies between two correct runs:
the execution counts (they depend on how often a cell was run by hand) and memory addresses
(``0x7f...`` in a default ``repr``). Everything else (every printed line, every table, every
SVG byte) must be equal.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))

TIMEOUT = 60
"""Seconds one cell may take (the whole set runs in a few seconds)."""

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{4,}\b")


def read(path: Path) -> Any:
    """The notebook at ``path`` (nbformat 4, validated)."""
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    return notebook


def execute(path: Path) -> Any:
    """The notebook at ``path`` run top to bottom in a fresh kernel, with ``examples/`` as the
    working directory; raises ``nbclient.exceptions.CellExecutionError`` if a cell raises."""
    notebook = read(path)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        coalesce_streams=True,
    )
    client.execute()
    # The Python version of the machine that ran it is not part of the notebook's content.
    notebook.metadata.get("language_info", {}).pop("version", None)
    return notebook


def _normal(text: str) -> str:
    return _ADDRESS.sub("0x…", text)


def _normal_value(value: Any) -> Any:
    if isinstance(value, str):
        return _normal(value)
    if isinstance(value, list):
        return _normal("".join(value)) if all(isinstance(v, str) for v in value) else value
    if isinstance(value, dict):
        return {key: _normal_value(v) for key, v in sorted(value.items())}
    return value


def outputs(notebook: Any) -> list[list[dict[str, Any]]]:
    """The outputs of each code cell, in a form where two correct runs compare equal."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell_outputs = []
        for output in cell.outputs:
            item = {key: _normal_value(value) for key, value in output.items() if key != "execution_count"}
            cell_outputs.append(item)
        cells.append(cell_outputs)
    return cells


def differences(stored: Any, fresh: Any) -> list[str]:
    """Where the stored outputs differ from a fresh execution's (empty when they agree)."""
    found = []
    old, new = outputs(stored), outputs(fresh)
    if len(old) != len(new):
        return [f"{len(old)} code cells stored, {len(new)} executed"]
    for number, (before, after) in enumerate(zip(old, new, strict=True), start=1):
        if before != after:
            diff = difflib.unified_diff(_lines(before), _lines(after), "stored", "fresh", n=0, lineterm="")
            found.append(f"code cell {number}:\n" + "\n".join(itertools.islice(diff, 2, 24)))
    return found


def _lines(cell_outputs: list[dict[str, Any]]) -> list[str]:
    return json.dumps(cell_outputs, indent=1, ensure_ascii=False, sort_keys=True).replace("\\n", "\\n\n").splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.notebooks", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: every one of examples/)")
    parser.add_argument("--check", action="store_true", help="report stale notebooks, write nothing")
    options = parser.parse_args(argv)
    stale = 0
    for path in options.paths or NOTEBOOKS:
        start = time.perf_counter()
        fresh = execute(path)
        seconds = time.perf_counter() - start
        found = differences(read(path), fresh)
        if options.check:
            stale += bool(found)
            for line in found:
                print(f"{path.name}: {line}")
        else:
            nbformat.write(fresh, path)
        state = "stale" if found else "up to date"
        print(f"{path.name}: {state}{'' if options.check else ', written'} ({seconds:.1f} s)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
