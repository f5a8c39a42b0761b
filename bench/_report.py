"""Write one benchmark's section of ``docs/performance.md`` without touching the others.

Each script owns the text between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->``;
whatever stands outside the markers (titles, analysis written by hand) is kept.
"""

from __future__ import annotations

from pathlib import Path

PERFORMANCE = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def write_section(name: str, text: str, path: Path = PERFORMANCE) -> None:
    """Replace the marked section ``name`` of ``path`` with ``text`` (appended if absent)."""
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{text.strip()}\n{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        tail = rest.split(end, 1)[1]
        updated = f"{head}{block}{tail}"
    else:
        updated = f"{current.rstrip()}\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated, encoding="utf-8")
