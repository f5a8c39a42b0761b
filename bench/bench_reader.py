"""Benchmark: read + aggregate + verify a synthetic national PR2017 tree, against a bare parse.

Generates, in a temporary directory, a national tree in the Ministry's PR2017 layout
(``<reg>/<dpt>/<dpt><commune>.xml``, department and region files, ``FE.xml``, ``index.xml``,
department indexes and the communes reference ``listeregdptcom.xml``): by default 36 000
commune files with 11 candidates each (first round), in 100 departments and 13 regions, every
count consistent and every percentage rounded as the Ministry does. Then it times

- ``xml.etree.ElementTree.parse`` of every file (the floor: reading and parsing only; the
  files are listed by the same ``official_files`` as the verification's), and
- :func:`electoral_rules.io.verify.verify_path` on the tree (safe loading, typed records,
  arithmetic and percentage checks, communes -> department -> region -> France sums),

and prints the ratio (target: at most 1.5). The two are timed in turn, ``--repeat`` times, and
the best time of each is kept. Run from the repository root::

    PYTHONPATH=src python bench/bench_reader.py                # full size, a few minutes
    PYTHONPATH=src python bench/bench_reader.py --communes 2000
    PYTHONPATH=src python bench/bench_reader.py --write    # its section of docs/performance.md

This is a script, not a test.
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from electoral_rules.io.ministry_xml import rounded_percent
from electoral_rules.io.verify import official_files, verify_path

CANDIDATES = [
    ("HORTALA", "Frédéric", "M."),
    ("MIREPOIX", "Achille", "M."),
    ("ARBOCOL", "Nadine", "Mme"),
    ("GIRARD", "Béatrice", "Mme"),
    ("SANJUAN", "Norbert", "M."),
    ("CHAPUIS", "Julien", "M."),
    ("DURAND", "Marcel", "M."),
    ("JONCOUR", "Emilie", "Mme"),
    ("POMPANON", "Patrick", "M."),
    ("BAVÉLÈRE", "François", "M."),
    ("MÉDÉRIC", "Jérémie", "M."),
]
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<Election>\n  <Scrutin>\n    <Type>Présidentielle</Type>\n    <Annee>2017</Annee>\n  </Scrutin>\n'

Counts = tuple[int, int, int, int, int, list[int]]  # registered, voters, blank, null, expressed, votes


def _rate(tag: str, numerator: int, denominator: int) -> str:
    value = rounded_percent(numerator, denominator)[0]
    whole, cents = divmod(int(value * 100), 100)
    return f"<{tag}>{whole:>4},{cents:02d}</{tag}>"


def _tours(counts: Counts) -> str:
    registered, voters, blank, null, expressed, votes = counts
    parts = [
        "<Tours><Tour><NumTour>1</NumTour><Mentions>",
        f"<Inscrits><Nombre>{registered}</Nombre></Inscrits>",
        (
            f"<Abstentions><Nombre>{registered - voters}</Nombre>"
            f"{_rate('RapportInscrit', registered - voters, registered)}</Abstentions>"
        ),
        f"<Votants><Nombre>{voters}</Nombre>{_rate('RapportInscrit', voters, registered)}</Votants>",
    ]
    for tag, number in (("Blancs", blank), ("Nuls", null), ("Exprimes", expressed)):
        parts.append(
            f"<{tag}><Nombre>{number}</Nombre>{_rate('RapportInscrit', number, registered)}"
            f"{_rate('RapportVotant', number, voters)}</{tag}>"
        )
    parts.append("</Mentions><Resultats><Candidats>")
    for number, ((last, first, civility), count) in enumerate(zip(CANDIDATES, votes, strict=True), start=1):
        parts.append(
            f"<Candidat><NumPanneauCand>{number}</NumPanneauCand><NomPsn>{last}</NomPsn>"
            f"<PrenomPsn>{first}</PrenomPsn><CivilitePsn>{civility}</CivilitePsn><NbVoix>{count}</NbVoix>"
            f"{_rate('RapportExprime', count, expressed)}"
            f"{_rate('RapportInscrit', count, registered)}</Candidat>"
        )
    parts.append("</Candidats></Resultats></Tour></Tours>")
    return "\n".join(parts)


def _commune_counts(rng: random.Random) -> Counts:
    registered = rng.randint(50, 3000)
    voters = rng.randint(registered // 2, registered)
    blank = rng.randint(0, voters // 30)
    null = rng.randint(0, voters // 40)
    expressed = voters - blank - null
    weights = [rng.random() for _ in CANDIDATES]
    total = sum(weights)
    votes = [int(expressed * w / total) for w in weights]
    votes[0] += expressed - sum(votes)
    return (registered, voters, blank, null, expressed, votes)


def _add(a: Counts, b: Counts) -> Counts:
    return (
        a[0] + b[0],
        a[1] + b[1],
        a[2] + b[2],
        a[3] + b[3],
        a[4] + b[4],
        [x + y for x, y in zip(a[5], b[5], strict=True)],
    )


ZERO: Counts = (0, 0, 0, 0, 0, [0] * len(CANDIDATES))


def generate(root: Path, communes: int, departments: int = 100, regions: int = 13, seed: int = 2017) -> int:
    """Write the synthetic tree under ``root``; return the number of files written."""
    rng = random.Random(seed)
    files = 0
    reference = [HEADER, "<Regions>"]
    index = [HEADER, "<Departements>"]
    index_regions: list[str] = []
    france = ZERO
    per_department = [
        communes // departments + (1 if d < communes % departments else 0) for d in range(departments)
    ]
    for r in range(regions):
        reg = f"{r + 1:03d}"
        reg_dir = root / reg
        region_total = ZERO
        region_departments = [d for d in range(departments) if d % regions == r]
        region_id = f"<CodReg>{reg[1:]}</CodReg><CodReg3Car>{reg}</CodReg3Car><LibReg>Région {reg}</LibReg>"
        reference.append(f"<Region>{region_id}<Departements>")
        for d in region_departments:
            dpt = f"{d + 1:03d}"
            dpt_dir = reg_dir / dpt
            dpt_dir.mkdir(parents=True)
            dpt_id = (
                f"<CodReg>{reg[1:]}</CodReg><CodReg3Car>{reg}</CodReg3Car><CodDpt>{dpt[1:]}</CodDpt>"
                f"<CodMinDpt>{dpt[1:]}</CodMinDpt><CodDpt3Car>{dpt}</CodDpt3Car>"
                f"<LibDpt>Département {dpt}</LibDpt>"
            )
            reference.append(f"<Departement>{dpt_id}<Communes>")
            idx = [HEADER, f"<Departement>{dpt_id}<Tours><Tour><NumTour>1</NumTour><Communes>"]
            department_total = ZERO
            for c in range(per_department[d]):
                com = f"{c + 1:03d}"
                counts = _commune_counts(rng)
                department_total = _add(department_total, counts)
                (dpt_dir / f"{dpt}{com}.xml").write_text(
                    f"{HEADER}<Departement>{dpt_id}<Commune><CodSubCom>{com}</CodSubCom>"
                    f"<LibSubCom>Commune {dpt}{com}</LibSubCom>{_tours(counts)}</Commune>"
                    "</Departement></Election>\n",
                    encoding="utf-8",
                )
                files += 1
                reference.append(
                    f"<Commune><CodSubCom>{com}</CodSubCom><LibSubCom>Commune {com}</LibSubCom></Commune>"
                )
                idx.append(
                    f"<Commune><CodSubCom>{com}</CodSubCom><LibSubCom>Commune {com}</LibSubCom>"
                    "<ResultatsParvenus>O</ResultatsParvenus><DateDerMaj>23-04-2017</DateDerMaj>"
                    "<HeureDerMaj>21:00:00</HeureDerMaj></Commune>"
                )
            reference.append("</Communes></Departement>")
            idx.append("</Communes></Tour></Tours></Departement></Election>\n")
            (dpt_dir / f"{dpt}IDX.xml").write_text("".join(idx), encoding="utf-8")
            (dpt_dir / f"{dpt}.xml").write_text(
                f"{HEADER}<Departement>{dpt_id}{_tours(department_total)}</Departement></Election>\n",
                encoding="utf-8",
            )
            files += 2
            index.append(
                f"<Departement>{dpt_id}<DateDerMaj>23-04-2017</DateDerMaj><HeureDerMaj>23:00:00</HeureDerMaj>"
                "<Complet>O</Complet></Departement>"
            )
            region_total = _add(region_total, department_total)
        reference.append("</Departements></Region>")
        reg_dir.mkdir(exist_ok=True)
        (reg_dir / f"{reg}.xml").write_text(
            f"{HEADER}<Region>{region_id}{_tours(region_total)}</Region></Election>\n",
            encoding="utf-8",
        )
        files += 1
        index_regions.append(
            f"<Region><CodReg>{reg[1:]}</CodReg><CodReg3Car>{reg}</CodReg3Car><LibReg>Région {reg}</LibReg>"
            "<Complet>O</Complet></Region>"
        )
        france = _add(france, region_total)
    reference.append("</Regions></Election>\n")
    index.append("</Departements><Regions>" + "".join(index_regions) + "</Regions></Election>\n")
    (root / "listeregdptcom.xml").write_text("".join(reference), encoding="utf-8")
    (root / "index.xml").write_text("".join(index), encoding="utf-8")
    (root / "FE.xml").write_text(f"{HEADER}{_tours(france)}</Election>\n", encoding="utf-8")
    return files + 3


def bare_parse(root: Path) -> float:
    """Seconds to ``ET.parse`` every XML file of the tree, found the same way as
    :func:`~electoral_rules.io.verify.verify_path` finds them (``official_files``)."""
    start = time.perf_counter()
    for path in official_files(root):
        ET.parse(path)
    return time.perf_counter() - start


def run(communes: int, repeat: int) -> dict[str, float | int | str]:
    with tempfile.TemporaryDirectory(prefix="bench-reader-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        files = generate(root, communes)
        generated = time.perf_counter() - start
        print(f"generated {files} files in {generated:.1f} s", file=sys.stderr)
        # the two alternate, so that a slower spell of a shared machine weighs on both alike;
        # the best run of each is kept. Each starts from a collected heap: the previous
        # report is dropped first (kept alive, its records would slow the bare parse's
        # garbage collections).
        bare = ours = float("inf")
        checks = sums = 0
        for _ in range(repeat):
            gc.collect()
            bare = min(bare, bare_parse(root))
            gc.collect()
            start = time.perf_counter()
            report = verify_path(root)
            ours = min(ours, time.perf_counter() - start)
            if report.exit_code != 0:
                print(report.to_text(), file=sys.stderr)
                raise SystemExit("the synthetic tree should verify cleanly")
            checks, sums = report.agreement_count, report.agreed.get("sum of children", 0)
            del report
        return {
            "files": files,
            "communes": communes,
            "bare": bare,
            "ours": ours,
            "ratio": ours / bare,
            "checks": checks,
            "sums": sums,
        }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--communes", type=int, default=36_000, help="commune files (default 36 000)")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs; the best is kept")
    parser.add_argument("--write", action="store_true", help="write the result into docs/performance.md")
    args = parser.parse_args(argv)
    result = run(args.communes, args.repeat)
    line = (
        f"{result['files']} files ({result['communes']} communes x {len(CANDIDATES)} candidates): "
        f"bare ElementTree.parse {result['bare']:.2f} s, read + aggregate + verify {result['ours']:.2f} s, "
        f"ratio {result['ratio']:.2f} (target <= 1.5); {result['checks']} checks agree, "
        f"{result['sums']} parent/children sums"
    )
    print(line)
    if args.write:
        # Imported here: the tests load this file as a module to reuse its tree generator,
        # and bench/ is on sys.path only when it runs as a script.
        from _report import write_section

        write_section(
            "reader",
            "| files | communes x candidates | bare parse (s) | read + aggregate + verify (s) | ratio |\n"
            "| --- | --- | --- | --- | --- |\n"
            f"| {result['files']} | {result['communes']} x {len(CANDIDATES)} | {result['bare']:.2f} | "
            f"{result['ours']:.2f} | {result['ratio']:.2f} |\n\n"
            f"Target: ratio <= 1.5. Machine: Python {platform.python_version()} on {platform.machine()} "
            f"({platform.system()}). Command: `PYTHONPATH=src python bench/bench_reader.py "
            f"--communes {result['communes']} --repeat {args.repeat} --write`.",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
