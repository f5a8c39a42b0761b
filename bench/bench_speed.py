"""Speed near the limit: each of the library's hot paths against the simplest exact code.

A script, not a test: it takes about a minute. From the project root::

    pip install -e ".[bench]"        # votelib, for the largest-remainder comparison
    python bench/bench_speed.py              # prints the ratios and writes its section of docs/performance.md
    python bench/bench_speed.py --no-write

Every ratio is measured within one run: ours against the simplest exact pure-Python code
that does the same job (written below, without validation, records or explanations), and
against votelib where it has the method. Times are the best of ``--repeat`` ``timeit``
rounds of process CPU time (the best, and CPU rather than wall time: on a shared machine
the slow rounds and the waits measure the neighbours). The seats are asserted equal on
both sides before anything is timed. Imports are timed by ``-X importtime`` in fresh
interpreters with the bytecode caches written (as an installed package has them), the
best of several runs of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import os
import platform
import random
import re
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from functools import partial

from _report import write_section  # bench/ is on sys.path when a script runs

from electoral_rules import Tally
from electoral_rules.apportionment import Divisor, dhondt, highest_averages, largest_remainder
from electoral_rules.france import legislative

STDLIB = ("fractions", "json", "csv", "dataclasses", "datetime", "heapq")
"""The standard modules the library builds on: its import is measured against theirs."""


def make_votes(lists: int, seed: int = 42) -> dict[str, int]:
    rng = random.Random(seed)
    return {f"L{index:04d}": rng.randint(1, 10_000_000) for index in range(lists)}


def best_seconds(function: Callable[[], object], repeat: int) -> float:
    """Best time of one call over ``repeat`` timeit rounds of at least 0.2 s each."""
    timer = timeit.Timer(function, timer=time.process_time)
    number, elapsed = timer.autorange()
    if elapsed / number > 1:  # slow: a few single calls are enough
        return min([elapsed, *timer.repeat(max(repeat - 2, 1), 1)])
    return min(timer.repeat(repeat, number)) / number


# -- the simplest exact code for each job ------------------------------------------------------


def bare_dhondt(votes: list[int], seats: int) -> list[int]:
    """D'Hondt: the quotient's integer parts, then a heap of exact integer averages.

    ``v * scale // (s + 1)`` with ``scale > (seats + 1) ** 2`` orders the averages exactly
    (two different averages ``a / b`` and ``c / d`` with ``b, d <= seats + 1`` differ by at
    least ``1 / (b d)``); no tie handling, no validation, a plain list out.
    """
    total = sum(votes)
    counts = [v * seats // total for v in votes]
    scale = (seats + 2) ** 2
    heap = [(-(v * scale // (c + 1)), i) for i, (v, c) in enumerate(zip(votes, counts, strict=True))]
    heapq.heapify(heap)
    for _ in range(seats - sum(counts)):
        _, i = heapq.heappop(heap)
        counts[i] += 1
        heapq.heappush(heap, (-(votes[i] * scale // (counts[i] + 1)), i))
    return counts


def bare_hare(votes: list[int], seats: int) -> list[int]:
    """Hare largest remainder: ``divmod(votes * seats, total)`` and one sort of the remainders."""
    total = sum(votes)
    parts = [divmod(v * seats, total) for v in votes]
    counts = [whole for whole, _ in parts]
    order = sorted(range(len(votes)), key=lambda i: parts[i][1], reverse=True)
    for i in order[: seats - sum(counts)]:
        counts[i] += 1
    return counts


def bare_first_round(votes: dict[str, int], registered: int) -> tuple[list[str], list[str]]:
    """Législatives, first round: majority and quarter, else 12,5 % of registered or the top two."""
    expressed = sum(votes.values())
    ranked = sorted(votes, key=votes.__getitem__, reverse=True)
    elected = [n for n in ranked if 2 * votes[n] > expressed and 4 * votes[n] >= registered][:1]
    if elected:
        return elected, []
    qualified = [n for n in ranked if 8 * votes[n] >= registered]
    if len(qualified) < 2:
        qualified = ranked[:2]
    return [], qualified


# -- the cases -------------------------------------------------------------------------------


def case_dhondt(lists: int, seats: int, repeat: int) -> dict[str, float]:
    votes = make_votes(lists)
    values = list(votes.values())
    assert list(dhondt(votes, seats).values()) == bare_dhondt(values, seats)
    result = {
        "ours": best_seconds(partial(dhondt, votes, seats), repeat),
        "bare": best_seconds(partial(bare_dhondt, values, seats), repeat),
    }
    try:
        from votelib.evaluate.proportional import HighestAverages
    except ImportError:  # pragma: no cover - the bench extra is not installed
        return result
    evaluator = HighestAverages("d_hondt")
    theirs = evaluator.evaluate(votes, seats)
    assert {name: theirs.get(name, 0) for name in votes} == dict(dhondt(votes, seats)), "votelib differs"
    result["votelib"] = best_seconds(partial(evaluator.evaluate, votes, seats), max(repeat - 2, 1))
    return result


def case_hare(lists: int, seats: int, repeat: int) -> dict[str, float]:
    votes = make_votes(lists)
    values = list(votes.values())
    ours = largest_remainder(votes, seats)
    assert list(ours.values()) == bare_hare(values, seats)
    result = {
        "ours": best_seconds(partial(largest_remainder, votes, seats), repeat),
        "bare": best_seconds(partial(bare_hare, values, seats), repeat),
    }
    try:
        from votelib.evaluate.proportional import LargestRemainder
    except ImportError:  # pragma: no cover - the bench extra is not installed
        return result
    evaluator = LargestRemainder("hare")
    theirs = evaluator.evaluate(votes, seats)
    assert {name: theirs.get(name, 0) for name in votes} == dict(ours), "votelib differs"
    result["votelib"] = best_seconds(partial(evaluator.evaluate, votes, seats), max(repeat - 2, 1))
    return result


def case_trace(lists: int, seats: int, repeat: int) -> dict[str, float]:
    votes = make_votes(lists)
    allocate = partial(highest_averages, votes, seats, divisor=Divisor.SAINTE_LAGUE)
    result = allocate()
    return {
        "allocation": best_seconds(allocate, repeat),
        "trace": best_seconds(lambda: allocate().trace, max(repeat - 2, 1)),
        "explanation": best_seconds(lambda: allocate().explain("en"), max(repeat - 2, 1)),
        "seat steps": float(len([s for s in result.trace if s.kind.value == "seat"])),
    }


def case_first_round(repeat: int) -> dict[str, float]:
    # A typical circonscription: 12 candidates, nobody elected, two qualified.
    votes = {"A": 14_200, "B": 11_900, "C": 6_100, "D": 3_050, "E": 1_400, "F": 900,
             "G": 650, "H": 420, "I": 300, "J": 210, "K": 150, "L": 90}
    registered = 78_000
    tally = Tally(votes=votes, registered=registered)
    ours = legislative.first_round(tally)
    assert (list(ours.elected), list(ours.qualified)) == bare_first_round(votes, registered)
    return {
        "ours": best_seconds(partial(legislative.first_round, tally), repeat),
        "ours with tally": best_seconds(
            lambda: legislative.first_round(Tally(votes=votes, registered=registered)), repeat
        ),
        "bare": best_seconds(partial(bare_first_round, votes, registered), repeat),
    }


_CACHED = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
"""The environment with bytecode caches allowed: an installed package has them."""


def cumulative_import_us(statement: str, modules: tuple[str, ...]) -> int:
    """Cumulative ``-X importtime`` of ``modules`` (top level) in a fresh interpreter."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True, text=True, check=True, env=_CACHED,
    )
    total = 0
    for line in run.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match and match.group(3) in modules and len(match.group(2)) == 1:
            total += int(match.group(1))
    return total


def case_import(repeat: int) -> dict[str, float]:
    subprocess.run([sys.executable, "-c", "import electoral_rules"], check=True, env=_CACHED)  # write the caches
    runs = max(repeat, 5) * 2
    ours = min(cumulative_import_us("import electoral_rules", ("electoral_rules",)) for _ in range(runs))
    stdlib = min(
        cumulative_import_us("import " + ", ".join(STDLIB), STDLIB) for _ in range(runs)
    )
    return {"ours": ours * 1e-6, "stdlib": stdlib * 1e-6}


# -- report ----------------------------------------------------------------------------------


def fmt(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timeit rounds (the best is kept)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    r = args.repeat
    rows: list[tuple[str, str, str, str, float, float, bool]] = []
    """(job, case, ours, yardstick, ratio, target, lower ratio is better)"""

    def row(job: str, case: str, mine: float, other: float, what: str, target: float,
            faster: bool = False) -> None:
        value = other / mine if faster else mine / other
        rows.append((job, case, fmt(mine), f"{what} {fmt(other)}", value, target, faster))
        goal = "none" if not target else f"≥ {target:g}×" if faster else f"≤ {target:g}×"
        print(f"{job:<28} {case:<16} ours {fmt(mine):>10}  {what} {fmt(other):>10}  "
              f"ratio {value:8.2f} (target {goal})", flush=True)

    for lists, seats, target in ((30, 751, 2.0), (1_000, 100_000, 1.0)):
        t = case_dhondt(lists, seats, r)
        row("D'Hondt", f"{lists} × {seats}", t["ours"], t["bare"], "bare", target)
        if "votelib" in t:
            row("D'Hondt", f"{lists} × {seats}", t["ours"], t["votelib"], "votelib", 0.0, True)
    for lists, seats, target in ((30, 751, 0.0), (1_000, 100_000, 3.0)):
        t = case_hare(lists, seats, r)
        row("largest remainder (Hare)", f"{lists} × {seats}", t["ours"], t["bare"], "divmod + sort", target)
        if "votelib" in t:
            row("largest remainder (Hare)", f"{lists} × {seats}", t["ours"], t["votelib"], "votelib",
                10.0 if target else 0.0, True)
    for lists, target in ((30, 300.0), (200, 0.0)):
        t = case_trace(lists, 100_000, r)
        row("Sainte-Laguë allocation + trace", f"{lists} × 100000", t["trace"], t["allocation"], "allocation", target)
        row("Sainte-Laguë allocation + explain", f"{lists} × 100000", t["explanation"], t["allocation"],
            "allocation", target)
    t = case_first_round(r)
    row("legislative.first_round", "12 candidates", t["ours"], t["bare"], "bare test", 10.0)
    row("Tally + first_round", "12 candidates", t["ours with tally"], t["bare"], "bare test", 0.0)
    t = case_import(r)
    row("import electoral_rules", "-X importtime", t["ours"], t["stdlib"], "stdlib", 2.0)

    missed = [f"{job} {case}: {value:.2f}×" for job, case, _, _, value, target, faster in rows
              if target and (value < target if faster else value > target)]
    report = render(rows, missed)
    if not args.no_write:
        write_section("speed", report)
        print("written to docs/performance.md (section speed)")
    for line in missed:
        print(f"TARGET MISSED: {line}", file=sys.stderr)
    return 1 if missed else 0


def render(rows: list[tuple[str, str, str, str, float, float, bool]], missed: list[str]) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "Produced by `python bench/bench_speed.py` (one run; best of 7 `timeit` rounds of CPU time",
        "each; imports: best of 10 fresh interpreters each, bytecode cached). Ratios are ours ÷",
        "the yardstick unless marked *faster*. A row without a target shows how a cost grows.",
        (f"CPython {platform.python_version()} on {platform.machine()} ({platform.system()}, "
         f"{os.cpu_count()} logical CPUs, shared), {now}."),
        "",
        "| job | case | ours | yardstick | ratio | target |",
        "|---|---|---:|---:|---:|---|",
    ]
    for job, case, mine, other, value, target, faster in rows:
        if faster:
            goal = f"≥ {target:g}× faster: {'met' if value >= target else 'MISSED'}" if target else ""
            shown = f"{value:,.1f}× faster"
        else:
            goal = f"≤ {target:g}×: {'met' if value <= target else 'MISSED'}" if target else ""
            shown = f"{value:,.2f}×"
        lines.append(f"| {job} | {case} | {mine} | {other} | {shown} | {goal} |")
    if missed:
        lines += ["", "**Targets missed:**", "", *(f"- {line}" for line in missed)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
