"""Benchmark: verify a national-size municipales 2026 table against a bare ``csv.reader`` pass.

Generates, in a temporary directory, a synthetic table in the 2026 layout of the Ministry's
``municipales-2026-resultats-communes-*.csv`` (UTF-8, ``;``, every field quoted, 18 place
columns then 13 columns for each of 13 lists: 187 columns; see
``tests/data/official-formats/README.md``): by default 35 000 communes, about two thirds with
a single list, council sizes of CGCT L2121-2, seats by L262 (community seats too above
1 000 inhabitants), every count consistent and every percentage rounded to two decimals, and
about one commune in 400 with wrong seats (the national file has about 94 such communes).
Then it times

- a bare pass of :func:`csv.reader` over the file (the floor: decoding and splitting only), and
- :func:`electoral_rules.io.verify.verify_path` on the file (layout and encoding detection,
  typed records, arithmetic and percentage checks, seats against L262 and L273-8, the report),

and prints the ratio (target: at most 4). The two are timed in turn, ``--repeat`` times, and the
best time of each is kept. The ratio is that of the CPU times (``time.process_time``: on a
machine shared with other jobs, the time this process ran, not the time it waited for a
core); the ratio of wall times is printed beside it. Run from the repository root::

    PYTHONPATH=src python bench/bench_opendata.py             # 35 000 communes, under a minute
    PYTHONPATH=src python bench/bench_opendata.py --communes 5000
    PYTHONPATH=src python bench/bench_opendata.py --write     # its section of docs/performance.md

This is a script, not a test.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from electoral_rules.io.verify import verify_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import write_section

LISTS = 13
FIXED = [
    "Code département",
    "Libellé département",
    "Code commune",
    "Libellé commune",
    "Inscrits",
    "Votants",
    "% Votants",
    "Abstentions",
    "% Abstentions",
    "Exprimés",
    "% Exprimés/inscrits",
    "% Exprimés/votants",
    "Blancs",
    "% Blancs/inscrits",
    "% Blancs/votants",
    "Nuls",
    "% Nuls/inscrits",
    "% Nuls/votants",
]
GROUP = [
    "Numéro de panneau",
    "Nom candidat",
    "Prénom candidat",
    "Sexe candidat",
    "Nuance liste",
    "Libellé abrégé de liste",
    "Libellé de liste",
    "Voix",
    "% Voix/inscrits",
    "% Voix/exprimés",
    "Elu",
    "Sièges au CM",
    "Sièges au CC",
]
SMALL_SIZES = (7, 11, 15)
LARGE_SIZES = (15, 19, 23, 27, 29, 33, 35, 39, 43, 45, 49, 53, 55, 59, 61, 65, 69)
WORDS = ("ENSEMBLE", "POUR", "AVENIR", "VIVRE", "AGIR", "NOTRE", "VILLAGE", "COMMUNE", "DEMAIN", "UNIS")


def _pct(numerator: int, denominator: int) -> str:
    if denominator == 0:
        return "0,00"
    hundredths = (20_000 * numerator + denominator) // (2 * denominator)  # nearest, halves up
    return f"{hundredths // 100},{hundredths % 100:02d}"


def _l262(votes: list[int], seats: int) -> list[int]:
    """L262 in round 1, written independently of the library (bonus, then D'Hondt among lists
    with 5 %, the bonus list counted on its proportional seats, equal averages to more votes)."""
    total = sum(votes)
    top = max(votes)
    if 2 * top <= total:
        return [0] * len(votes)
    lead = votes.index(top)
    bonus = (seats + 1) // 2 if seats > 4 else seats // 2
    won = [0] * len(votes)
    eligible = [i for i, v in enumerate(votes) if 20 * v >= total]
    for _ in range(seats - bonus):
        best = max(eligible, key=lambda i: (votes[i] / (won[i] + 1), votes[i]))
        won[best] += 1
    won[lead] += bonus
    return won


def _commune(rng: random.Random, number: int) -> list[str]:
    department = f"{rng.randint(1, 95):02d}"
    large = rng.random() < 0.3
    size = rng.choice(LARGE_SIZES if large else SMALL_SIZES)
    registered = rng.randint(800, 60_000) if large else rng.randint(40, 700)
    voters = registered * rng.randint(45, 85) // 100
    blank = voters * rng.randint(0, 3) // 100
    null = voters * rng.randint(0, 2) // 100
    expressed = voters - blank - null
    count = (
        rng.choice((2, 2, 3, 3, 4, 5, 6)) if large else (1 if rng.random() < 0.72 else rng.choice((2, 2, 3)))
    )
    shares: list[float] = [rng.random() ** 2 + 0.05 for _ in range(count)]
    if rng.random() < 0.05 and count > 1:
        shares = [1.0] * count  # close races: often no absolute majority
    scale = sum(shares)
    votes = [int(expressed * share / scale) for share in shares]
    votes[0] += expressed - sum(votes)
    seats = _l262(votes, size)
    community = _l262(votes, rng.randint(1, 12)) if large else [0] * count
    if count > 1 and seats[0] > 0 and rng.random() < 0.0025:  # a wrong row, as in the national file
        seats[0] -= 1
        seats[1] += 1
    row = [
        department,
        f"Département {department}",
        f"{department}{number % 1000:03d}",
        f"Commune {number}",
        str(registered),
        str(voters),
        _pct(voters, registered),
        str(registered - voters),
        _pct(registered - voters, registered),
        str(expressed),
        _pct(expressed, registered),
        _pct(expressed, voters),
        str(blank),
        _pct(blank, registered),
        _pct(blank, voters),
        str(null),
        _pct(null, registered),
        _pct(null, voters),
    ]
    for index in range(LISTS):
        if index >= count:
            row.extend([""] * len(GROUP))
            continue
        label = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {index + 1}"
        row.extend(
            [
                str(index + 1),
                "",
                "",
                "",
                rng.choice(("", "LDVD", "LDVG", "LDIV")),
                label,
                label,
                str(votes[index]),
                _pct(votes[index], registered),
                _pct(votes[index], expressed),
                "",
                str(seats[index]),
                str(community[index]) if large else "",
            ]
        )
    return row


def generate(path: Path, communes: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    header = FIXED + [f"{name} {index}" for index in range(1, LISTS + 1) for name in GROUP]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        for number in range(communes):
            writer.writerow(_commune(rng, number))


def machine() -> str:
    """The processor and the system, for the record."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count() or 0} logical CPUs, {platform.system()} {platform.release()}"


def bare(path: Path) -> int:
    rows = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle, delimiter=";"):
            rows += 1
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--communes", type=int, default=35_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="write the figures to docs/performance.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "municipales-2026-resultats-communes-t1.csv"
        generate(path, args.communes)
        size = path.stat().st_size
        floor: list[float] = []
        full: list[float] = []
        floor_wall: list[float] = []
        full_wall: list[float] = []
        report = None
        for _ in range(args.repeat):
            gc.collect()
            start, wall = time.process_time(), time.perf_counter()
            rows = bare(path)
            floor.append(time.process_time() - start)
            floor_wall.append(time.perf_counter() - wall)
            report = None
            gc.collect()
            start, wall = time.process_time(), time.perf_counter()
            report = verify_path(path)
            full.append(time.process_time() - start)
            full_wall.append(time.perf_counter() - wall)
        assert report is not None
        counts = report.counts()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    ratio = min(full) / min(floor)
    wall_ratio = min(full_wall) / min(floor_wall)
    lines = [
        (
            f"Synthetic municipales 2026 table: {args.communes} communes, {size / 1e6:.1f} MB, "
            f"{rows - 1} rows of 187 columns (`bench/bench_opendata.py`, best of {args.repeat})."
        ),
        "",
        "| pass | best CPU time | all runs (CPU) | best wall time | all runs (wall) |",
        "|---|---|---|---|---|",
        (
            f"| bare `csv.reader` | {min(floor):.2f} s | {', '.join(f'{t:.2f}' for t in floor)} | "
            f"{min(floor_wall):.2f} s | {', '.join(f'{t:.2f}' for t in floor_wall)} |"
        ),
        (
            f"| `verify_path` | {min(full):.2f} s | {', '.join(f'{t:.2f}' for t in full)} | "
            f"{min(full_wall):.2f} s | {', '.join(f'{t:.2f}' for t in full_wall)} |"
        ),
        "",
        (
            f"**Ratio: {ratio:.2f}** on CPU time ({wall_ratio:.2f} on wall time; target: at most 4). "
            f"The report: {counts['places']} places, "
            f"{counts['agreements']} checks agree, {counts['disagreements']} disagreements (the rows made "
            f"wrong on purpose), {counts['undetermined']} undetermined, {counts['not_checked']} not checked."
        ),
        "",
        (
            f"Machine: {machine()}, shared with other jobs (load average {load}). Python "
            f"{platform.python_version()}. {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Command: "
            f"`PYTHONPATH=src python bench/bench_opendata.py --repeat {args.repeat} --write`. The load of the "
            "shared machine moves both times, and the ratio with them (by about ±0.5 between runs)."
        ),
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section("opendata", text)
    return 0 if ratio <= 4 else 1


if __name__ == "__main__":
    raise SystemExit(main())
