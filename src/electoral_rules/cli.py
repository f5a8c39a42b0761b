"""Command-line front end: ``electoral-rules`` (or ``python -m electoral_rules``).

Commands:

``allocate``
    Seats per list: ``electoral-rules allocate --seats 5 A=1023 B=258 C=253``.
``explain``
    The same, told step by step with the table of averages (French by default).
``lists ELECTION``
    A list election with its French rule (municipales with the majority bonus, régionales,
    européennes, sénatoriales by list): ``electoral-rules lists municipal --seats 15
    --date 2014-03-23 A=362 B=188``.
``round ELECTION``
    One round of a majoritarian election (législatives, départementales, présidentielle,
    sénatoriales by name, small-commune municipales): who is elected or may stand again.
``verify PATH``
    Read the Ministry's result files (XML files and open-data CSV/TXT tables; a file or a
    folder tree), check their arithmetic and apply the law; exit 0 when everything agrees,
    1 when an official figure disagrees with the law or the arithmetic or a row of a table
    cannot be read, 2 when a file cannot be read or nothing was found.
``senate renewal YEAR``
    The composition of a Senate renewal from the Code électoral's tableaux n° 5 and 6.
``senate seats NAME``
    A Senate constituency's seats and series on a date.
``europe STATE``
    A member state's seats at the European Parliament election of 2019 or 2024, by its
    national rule, explained: ``electoral-rules europe AT --year 2019 --file votes.csv``
    (``--file`` holds ``list,votes`` lines, :mod:`electoral_rules.io.votes_csv`; for the
    states that vote over constituencies, ``constituency,list,votes`` lines).
    ``electoral-rules europe parliament --year 2024`` gives the seats of every state
    (``--svg FILE``: the hemicycle of the whole Parliament).

Votes come as ``NAME=VOTES`` arguments or from a file (``--file votes.csv`` with ``name,votes``
rows, or ``--file votes.json`` with ``{"A": 1023, ...}`` or a tally mapping). ``--json``
prints the library's open-data format (:mod:`electoral_rules.io.opendata`): fractions are
written as strings such as ``"1534/5"``, never as floats. Bad input prints one line naming the problem and exits with status 2.

Nothing in the library imports this module.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from . import __version__
from ._exact import as_name, parse_count, shown
from ._json import loads
from .apportionment import Divisor, Quota, highest_averages, largest_remainder
from .errors import ElectoralRulesError, NotImplementedRuleError, OfficialFileError
from .france import (
    departmental,
    european,
    legislative,
    municipal,
    presidential,
    regional,
    senate,
    senate_tables,
)
from .io.opendata import to_dict
from .outcome import Allocation, RoundOutcome
from .tally import Candidate, Tally
from .tiebreak import IfUnresolved, TieBreak, most_votes

__all__ = ["build_parser", "main"]

_DIVISORS = {
    "dhondt": Divisor.DHONDT,
    "sainte-lague": Divisor.SAINTE_LAGUE,
    "modified-sainte-lague": Divisor.MODIFIED_SAINTE_LAGUE,
    "swedish-sainte-lague": Divisor.SWEDISH_SAINTE_LAGUE,
    "danish": Divisor.DANISH,
    "imperiali": Divisor.IMPERIALI,
    "adams": Divisor.ADAMS,
    "huntington-hill": Divisor.HUNTINGTON_HILL,
}
_QUOTAS = {
    "hare": Quota.HARE,
    "droop": Quota.DROOP,
    "hagenbach-bischoff": Quota.HAGENBACH_BISCHOFF,
    "imperiali-quota": Quota.IMPERIALI,
}
_TIES = ("report", "raise", "most-votes")


class _UsageError(Exception):
    """Bad command-line input, reported in one line with exit status 2."""


def _parse_pair(text: str) -> tuple[str, int]:
    """``NAME=VOTES`` as typed: the library's one rule for names and for counts (the digits
    0-9 only, as in the Ministry's files), nothing stripped or regrouped."""
    name, sep, count = text.rpartition("=")
    if not sep or not name.strip():
        raise _UsageError(f"votes must be given as NAME=VOTES, got {shown(text)}")
    return as_name(name), parse_count(count, f"votes for {shown(name)}")


_MAX_FILE = 64 * 1024 * 1024
"""Largest --file read (as the XML reader's largest file)."""


def _file_text(path: str) -> str:
    """The text of ``--file``: UTF-8 (with or without a byte order mark), nothing else."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(_MAX_FILE + 1)
    except OSError as err:
        raise _UsageError(f"cannot read {path}: {err.strerror or err}") from None
    if len(data) > _MAX_FILE:
        raise _UsageError(f"{path} is larger than the {_MAX_FILE} bytes accepted")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _UsageError(
            f"{path} is not UTF-8 text (byte {err.start}: {err.reason}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise _UsageError(f"{path} holds a NUL character: not a text file (UTF-16/32 are refused)")
    return text


def _read_file(path: str) -> Tally:
    text = _file_text(path)
    if Path(path).suffix.lower() == ".json":
        try:
            data = loads(text)
        except OfficialFileError as err:
            raise _UsageError(f"{path}: {err}") from None
        try:
            if isinstance(data, dict) and "votes" in data:
                return Tally.from_mapping(data)
            if isinstance(data, dict):
                return Tally(votes=data)
        except ElectoralRulesError as err:
            raise _UsageError(f"{path}: {err}") from None
        raise _UsageError(f"{path} must hold an object of NAME: VOTES or a tally with 'votes'")
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a cell as long as the file (a long name)
    try:
        rows = [row for row in csv.reader(text.splitlines()) if row and any(cell.strip() for cell in row)]
    except csv.Error as err:
        raise _UsageError(f"{path} is not valid CSV ({err})") from None
    finally:
        csv.field_size_limit(limit)
    if rows and not rows[0][-1].strip().isdigit():
        rows = rows[1:]  # header
    votes: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if len(row) != 2:
            raise _UsageError(f"{path}: row {number} must have 2 columns (name, votes), got {shown(row)}")
        # a CSV cell's surrounding spaces are layout ("A, 1023"), as an XML element's are
        name, count = _parse_pair(f"{row[0].strip()}={row[1].strip()}")
        if name in votes:
            raise _UsageError(f"{path}: list {shown(name)} appears twice")
        votes[name] = count
    return Tally(votes=votes)


def _tally(args: argparse.Namespace) -> Tally:
    if args.file and args.votes:
        raise _UsageError("give votes either as NAME=VOTES arguments or with --file, not both")
    if args.file:
        return _read_file(args.file)
    return Tally(votes=_pairs(args.votes))


def _pairs(items: Sequence[str] | None) -> dict[str, int]:
    if not items:
        raise _UsageError("no votes given: pass NAME=VOTES arguments or --file")
    votes: dict[str, int] = {}
    for item in items:
        name, count = _parse_pair(item)
        if name in votes:
            raise _UsageError(f"list {shown(name)} is given twice")
        votes[name] = count
    return votes


def _policy(name: str) -> TieBreak:
    if name == "raise":
        return TieBreak()
    if name == "most-votes":
        return TieBreak(criteria=(most_votes(),), if_unresolved=IfUnresolved.REPORT)
    return TieBreak(if_unresolved=IfUnresolved.REPORT)


def _allocate(args: argparse.Namespace) -> Allocation:
    tally = _tally(args)
    policy = _policy(args.tie_break)
    if args.method in _DIVISORS:
        return highest_averages(
            tally, args.seats, divisor=_DIVISORS[args.method], threshold=args.threshold, tie_break=policy
        )
    return largest_remainder(
        tally, args.seats, quota=_QUOTAS[args.method], threshold=args.threshold, tie_break=policy
    )


def _write_pictures(args: argparse.Namespace, allocation: Allocation) -> None:
    """Write the hemicycle (``--svg``) and the votes/seats chart (``--bar-svg``) if asked."""
    if not args.svg and not args.bar_svg:
        return  # the SVG renderer is imported only when a picture is asked for
    from .render.svg import bar_chart_svg, hemicycle_svg

    for path, draw in ((args.svg, hemicycle_svg), (args.bar_svg, bar_chart_svg)):
        if path:
            try:
                Path(path).write_text(draw(allocation, lang=args.lang), encoding="utf-8")
            except OSError as err:
                raise _UsageError(f"cannot write {path}: {err.strerror or err}") from None


def _run_allocate(args: argparse.Namespace) -> int:
    allocation = _allocate(args)
    _write_pictures(args, allocation)
    if args.json:
        print(json.dumps(to_dict(allocation), ensure_ascii=False, indent=2))
        return 0
    width = max(len(name) for name in allocation)
    digits = max(len(str(seats)) for seats in allocation.values())
    for name, seats in allocation.items():
        print(f"{name:<{width}}  {seats:>{digits}}")
    if allocation.undetermined:
        print(
            f"undetermined: {allocation.undetermined} (tie between "
            f"{', '.join(n for tie in allocation.ties for n in tie.unresolved)})"
        )
    return 0


def _run_explain(args: argparse.Namespace) -> int:
    allocation = _allocate(args)
    _write_pictures(args, allocation)
    if args.json:
        data = to_dict(allocation)
        data["explanation"] = allocation.explain(args.lang)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(allocation.explain(args.lang))
    print()
    print(allocation.to_markdown(args.lang))
    return 0


_ELECTIONS = ("legislative", "departmental", "presidential", "senate", "municipal")


def _round_tally(args: argparse.Namespace) -> Tally:
    counts = {
        key: getattr(args, key)
        for key in ("registered", "voters", "blank", "null", "expressed")
        if getattr(args, key) is not None
    }
    if args.file:
        if counts:
            raise _UsageError("with --file, give the counts in the file, not as options")
        return _read_file(args.file)
    votes = _pairs(args.votes)
    if args.election in ("senate", "municipal"):
        counts["names_per_ballot"] = args.seats
    return Tally(votes=votes, **counts)


def _born(items: Sequence[str], tally: Tally) -> dict[str, Candidate]:
    people: dict[str, Candidate] = {}
    for item in items:
        name, sep, day = item.rpartition("=")
        if not sep or not name:
            raise _UsageError(f"--born takes NAME=YYYY-MM-DD, got {shown(item)}")
        if name not in tally.votes:
            raise _UsageError(
                f"--born names {shown(name)}, who has no votes (candidates: "
                f"{', '.join(map(repr, tally.names))[:200]})"
            )
        if name in people:
            raise _UsageError(f"--born gives {shown(name)} twice")
        people[name] = Candidate(name=name, birth_date=_day(day, "--born"))
    return people


def _run_round(args: argparse.Namespace) -> int:
    tally = _round_tally(args)
    on = _day(args.date, "--date") if args.date else None
    people = _born(args.born or [], tally) or None
    outcome: RoundOutcome
    # A tie the law settles by age but whose birth dates are missing is a usage error here
    # (give --born); a tie the law leaves open (présidentielle, a fallback place of round 1)
    # is reported in the explanation.
    by_age = IfUnresolved.RAISE
    if args.election == "presidential":
        outcome = presidential.elect(tally, round=args.round, date=on, withdrawn=args.withdrawn or ())
    elif args.election in ("legislative", "departmental"):
        module = legislative if args.election == "legislative" else departmental
        policy = IfUnresolved.REPORT if args.round == 1 else by_age
        outcome = module.elect(tally, round=args.round, date=on, people=people, if_unresolved=policy)
    elif args.election == "senate":
        outcome = senate.elect(tally, args.seats, round=args.round, date=on, people=people, if_unresolved=by_age)
    else:
        if on is None:
            raise _UsageError("municipal rounds need --date (the rules changed in 2014 and 2026)")
        outcome = municipal.elect(tally, args.seats, round=args.round, date=on, people=people, if_unresolved=by_age)
    if args.json:
        print(json.dumps(to_dict(outcome), ensure_ascii=False, indent=2))
    else:
        print(outcome.explain(args.lang))
    return 0


_LIST_ELECTIONS = ("municipal", "regional", "european", "senate")


def _run_lists(args: argparse.Namespace) -> int:
    tally = _tally(args)
    on = _day(args.date, "--date") if args.date else None
    if on is None and args.election != "senate":
        raise _UsageError(f"{args.election} elections need --date (their rules changed over time)")
    if args.election == "municipal" and on is not None:
        allocation = municipal.allocate(tally, args.seats, round=args.round, date=on)
    elif args.election == "regional" and on is not None:
        allocation = regional.allocate(tally, args.seats, round=args.round, date=on)
    elif args.election == "european" and on is not None:
        allocation = european.allocate(tally, args.seats, date=on)
    else:
        allocation = senate.allocate(tally, args.seats, date=on, abroad=args.abroad)
    _write_pictures(args, allocation)
    if args.json:
        data = to_dict(allocation)
        data["explanation"] = allocation.explain(args.lang)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(allocation.explain(args.lang))
    return 0


def _europe_tally(args: argparse.Namespace) -> Tally:
    if args.file and args.votes:
        raise _UsageError("give votes either as NAME=VOTES arguments or with --file, not both")
    if args.file:
        from .io.votes_csv import read_votes_csv

        return read_votes_csv(args.file)
    return Tally(votes=_pairs(args.votes))


def _run_europe(args: argparse.Namespace) -> int:
    from . import europe
    from .render import europe as words

    if args.state == "parliament":
        return _run_parliament(args)
    if args.after_brexit and args.year != 2019:
        raise _UsageError(f"--after-brexit applies to the 2019 election only, not {args.year}")
    europe.rule(args.state, args.year)  # an unknown state or year is named before the votes are read
    if args.file:
        from .io.votes_csv import CONSTITUENCY_HEADER, header_of

        if header_of(args.file) == CONSTITUENCY_HEADER:
            return _run_europe_districts(args)
    tally = _europe_tally(args)
    try:
        allocation = europe.allocate(args.state, tally, year=args.year, after_brexit=args.after_brexit,
                                     valid=args.valid)
    except NotImplementedRuleError as err:
        if (args.state, args.year) in europe.districts.DISTRICT_RULES:
            raise _UsageError(f"{err}; on the command line, give --file with 'constituency,list,votes' lines") from None
        raise
    text = words.explain_national(allocation, state=args.state, year=args.year,
                                  after_brexit=args.after_brexit, lang=args.lang)
    if args.svg:
        from .render.svg import hemicycle_svg

        title = f"{words.state_name(args.state, args.lang)} {args.year}"
        _write(args.svg, hemicycle_svg(allocation, title=title, lang=args.lang))
    if args.json:
        data = to_dict(allocation)
        data["state"] = args.state
        data["year"] = args.year
        data["after_brexit"] = args.after_brexit
        data["explanation"] = text
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text)
    return 0


def _run_europe_districts(args: argparse.Namespace) -> int:
    from .europe import districts
    from .io.votes_csv import read_constituency_votes_csv
    from .render import europe as words

    if args.votes or args.valid is not None:
        raise _UsageError("with a 'constituency,list,votes' file, give no NAME=VOTES and no --valid "
                          "(the valid votes are the sum of the file)")
    votes = read_constituency_votes_csv(args.file)
    result = districts.allocate(args.state, votes, year=args.year, after_brexit=args.after_brexit)
    text = words.explain_districts(result, after_brexit=args.after_brexit, lang=args.lang)
    if args.svg:
        from .render.svg import hemicycle_svg

        title = f"{words.state_name(args.state, args.lang)} {args.year}"
        _write(args.svg, hemicycle_svg(result.national, title=title, lang=args.lang))
    if args.json:
        data = to_dict(result.national)
        data["state"] = args.state
        data["year"] = args.year
        data["after_brexit"] = args.after_brexit
        data["constituencies"] = {name: to_dict(allocation) for name, allocation in result.districts.items()}
        data["explanation"] = text
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text)
    return 0


def _run_parliament(args: argparse.Namespace) -> int:
    from . import europe
    from .render import europe as words

    if args.file or args.votes or args.valid is not None:
        raise _UsageError("'europe parliament' takes no votes: it gives the seats of every member state")
    if args.after_brexit and args.year != 2019:
        raise _UsageError(f"--after-brexit applies to the 2019 election only, not {args.year}")
    house = europe.parliament(args.year, after_brexit=args.after_brexit)
    if args.svg:
        _write(args.svg, words.parliament_svg(args.year, after_brexit=args.after_brexit, lang=args.lang))
    if args.json:
        print(json.dumps({"year": args.year, "after_brexit": args.after_brexit, "total": sum(house.values()),
                          "seats": dict(house),
                          "legal_basis": europe.legal_basis(args.year, after_brexit=args.after_brexit)},
                         ensure_ascii=False, indent=2))
        return 0
    names = {state: words.state_name(state, args.lang) for state in house}
    width = max(len(name) for name in names.values())
    for state, seats in house.items():
        print(f"{state}  {names[state]:<{width}}  {seats:>2}")
    print(f"{'':4}{'Total':<{width}}  {sum(house.values())}")
    return 0


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as err:
        raise _UsageError(f"cannot write {path}: {err.strerror or err}") from None


def _run_verify(args: argparse.Namespace) -> int:
    from .io import verify_path

    bar = _ProgressBar() if sys.stderr.isatty() else None
    report = verify_path(args.path, progress=bar, round=args.round, year=args.year)
    if bar is not None and bar.shown:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text(verbose=args.verbose))
    return report.exit_code


class _ProgressBar:
    """A one-line progress indicator on stderr (used only when it is a terminal), drawn once
    the run has lasted a second."""

    def __init__(self, delay: float = 1.0) -> None:
        self.start = time.monotonic()
        self.delay = delay
        self.shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.shown and time.monotonic() - self.start < self.delay:
            return
        self.shown = True
        _progress_bar(done, total, path)


def _progress_bar(done: int, total: int, path: str) -> None:
    """A one-line progress indicator on stderr (only when it is a terminal)."""
    width = 30
    filled = width * done // max(total, 1)
    name = Path(path).name[-30:]
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<30}", end="", file=sys.stderr)


def _run_senate_renewal(args: argparse.Namespace) -> int:
    from .render.senate import renewal_json, renewal_table

    result = senate_tables.renewal(args.year)
    if args.json:
        print(json.dumps(renewal_json(result), ensure_ascii=False, indent=2))
    else:
        print(renewal_table(result, args.lang))
    return 0


def _run_senate_seats(args: argparse.Namespace) -> int:
    on = _day(args.on) if args.on else None
    place = senate_tables.lookup(args.name)
    seats = senate_tables.seats(args.name, date=on)
    by_series = dict(senate_tables.series_seats(args.name, date=on))
    if args.json:
        print(json.dumps({"name": place.name, "code": place.code, "seats": seats, "series": by_series},
                         ensure_ascii=False, indent=2))
        return 0
    series = ", ".join(f"series {name}: {count}" for name, count in by_series.items())
    print(f"{place.name} ({place.code}): {seats} seats; {series}")
    return 0


def _day(text: str, option: str = "--on") -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _UsageError(f"{option} must be a date such as 2014-09-28, got {shown(text)}") from None


def _year(text: str) -> int:
    # a whole number (ASCII digits, an optional minus); which years have a renewal is the
    # Senate tables' rule, so an absurd year gets the library's one-line error, not usage
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 100):
        raise argparse.ArgumentTypeError(f"year must be a whole number, got {shown(text)}")
    return int(text)


def _seats(text: str) -> int:
    try:
        return parse_count(text, "the number")
    except ElectoralRulesError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _add_allocation_options(parser: argparse.ArgumentParser) -> None:
    methods = sorted(_DIVISORS) + sorted(_QUOTAS)
    parser.add_argument("votes", nargs="*", metavar="NAME=VOTES", help="votes per list, e.g. A=1023")
    parser.add_argument("--seats", type=_seats, required=True, help="number of seats to fill")
    parser.add_argument(
        "--method",
        choices=methods,
        default="dhondt",
        metavar="METHOD",
        help=f"allocation method (default dhondt): {', '.join(methods)}",
    )
    parser.add_argument("--threshold", help="share of expressed votes a list must reach, e.g. 5%%")
    parser.add_argument("--file", help="votes from a CSV (name,votes) or JSON file")
    parser.add_argument(
        "--tie-break",
        choices=_TIES,
        default="report",
        help="last-seat ties: report them (default), raise, or give the seat to the most votes",
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of explanations")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--svg", metavar="FILE", help="also write the hemicycle as an SVG picture")
    parser.add_argument("--bar-svg", metavar="FILE", help="also write votes against seats as SVG")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="electoral-rules",
        description="French election rules, computed exactly and explained.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    allocate = commands.add_parser(
        "allocate",
        help="seats per list",
        description="Seats per list by a divisor or largest-remainder method: one line per list, "
        "its name and its seats (or the open-data JSON with --json).",
    )
    _add_allocation_options(allocate)
    allocate.set_defaults(run=_run_allocate)
    explain = commands.add_parser(
        "explain",
        help="seats per list, explained step by step",
        description="The same allocation as 'allocate', told step by step (quotient, integer "
        "parts, each remaining seat with every list's average) followed by the table of averages.",
    )
    _add_allocation_options(explain)
    explain.set_defaults(run=_run_explain)
    lists = commands.add_parser("lists", help="a French list election (bonus, threshold, ties)")
    lists.add_argument("election", choices=_LIST_ELECTIONS, help="which election's rule")
    lists.add_argument("votes", nargs="*", metavar="NAME=VOTES", help="votes per list")
    lists.add_argument("--file", help="votes from a CSV (name,votes) or JSON file")
    lists.add_argument("--seats", type=_seats, required=True, help="seats to fill")
    lists.add_argument("--round", type=int, choices=(1, 2), default=1, help="round (municipal, regional)")
    lists.add_argument("--date", help="election date, YYYY-MM-DD (rules changed over time)")
    lists.add_argument("--abroad", action="store_true", help="senate: the Français établis hors de France")
    lists.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of explanations")
    lists.add_argument("--json", action="store_true", help="machine-readable output")
    lists.add_argument("--svg", metavar="FILE", help="also write the hemicycle as an SVG picture")
    lists.add_argument("--bar-svg", metavar="FILE", help="also write votes against seats as SVG")
    lists.set_defaults(run=_run_lists)
    round_ = commands.add_parser("round", help="one round of a majoritarian election")
    round_.add_argument("election", choices=_ELECTIONS, help="which election's rule")
    round_.add_argument("votes", nargs="*", metavar="NAME=VOTES", help="votes per candidate")
    round_.add_argument("--file", help="a tally as JSON ({'votes': {...}, 'registered': ...})")
    round_.add_argument("--round", type=int, choices=(1, 2), default=1, help="round number")
    round_.add_argument("--seats", type=_seats, default=1, help="seats to fill (senate, municipal)")
    round_.add_argument("--date", help="election date, YYYY-MM-DD (rules changed over time)")
    for count in ("registered", "voters", "blank", "null", "expressed"):
        round_.add_argument(f"--{count}", type=_seats, help=f"number of {count}")
    round_.add_argument("--withdrawn", action="append", metavar="NAME",
                        help="presidential: a candidate who withdrew after round 1 (repeatable)")
    round_.add_argument("--born", action="append", metavar="NAME=DATE",
                        help="a birth date, for the ties the law settles by age (repeatable)")
    round_.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of explanations")
    round_.add_argument("--json", action="store_true", help="machine-readable output")
    round_.set_defaults(run=_run_round)
    verify = commands.add_parser(
        "verify",
        help="check the Ministry's result files (XML, open-data CSV/TXT)",
        description=(
            "Read the Ministry of the Interior's result files (XML files, open-data CSV/TXT tables of "
            "data.gouv.fr; a file or a folder tree) and check every place: arithmetic, printed "
            "percentages, seats and elected flags against the law. Every fault is reported and the run "
            "goes on."
        ),
        epilog=(
            "Exit status: 0 when everything agrees; 1 when an official figure disagrees with the law "
            "or the arithmetic, or a row of a table cannot be read; 2 when a file or folder cannot be "
            "read (the others are still checked) or nothing was found. The round and year of a table come from its name (..._t1..., ...2026...) unless "
            "--round/--year are given."
        ),
    )
    verify.add_argument("path", help="a result file or a folder of them")
    verify.add_argument("--round", type=int, choices=(1, 2), help="round of tables whose name does not say it")
    verify.add_argument("--year", type=_year, help="year of tables whose name does not say it")
    verify.add_argument("--json", action="store_true", help="machine-readable report")
    verify.add_argument("--verbose", action="store_true", help="list every agreement too")
    verify.set_defaults(run=_run_verify)
    senate = commands.add_parser("senate", help="the Senate's tables and renewals")
    senate_commands = senate.add_subparsers(dest="senate_command", required=True, metavar="COMMAND")
    renewal = senate_commands.add_parser("renewal", help="composition of a renewal, e.g. 2014")
    renewal.add_argument("year", type=_year, help="year of the renewal")
    renewal.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the table")
    renewal.add_argument("--json", action="store_true", help="machine-readable output")
    renewal.set_defaults(run=_run_senate_renewal)
    seats = senate_commands.add_parser("seats", help="a constituency's seats and series")
    seats.add_argument("name", help="printed name, modern name or INSEE code (e.g. 'Rhin (Bas-)', 67)")
    seats.add_argument("--on", help="date, e.g. 2014-09-28 (default: today's tables)")
    seats.add_argument("--json", action="store_true", help="machine-readable output")
    seats.set_defaults(run=_run_senate_seats)
    _add_europe(commands)
    _add_stv_check(commands)
    return parser


def _add_stv_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "stv-check",
        help="replay a published STV count sheet (JSON) under a state's rule",
        description=(
            "Replay a published single-transferable-vote count sheet, stage by stage, under the rule of "
            "STATE (IE, MT or UK-NI) in --year, and report every disagreement with the rule (quota, "
            "arithmetic, surpluses, exclusions, elections). The sheet is JSON in the format of "
            "electoral_rules.io.stv_sheet. Exit status: 0 when the sheet follows the rule, 1 when it does "
            "not, 2 for a malformed sheet."
        ),
    )
    check.add_argument("sheet", metavar="SHEET", help="the count sheet, a JSON file")
    check.add_argument("--state", required=True, help="IE, MT or UK-NI")
    check.add_argument("--year", type=_year, required=True, help="election year: 2019 or 2024")
    check.add_argument("--json", action="store_true", help="machine-readable report")
    check.set_defaults(run=_run_stv_check)


def _run_stv_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .europe.stv_rules import stv_rule
    from .io.stv_sheet import read_count_sheet
    from .stv import check_sheet

    rule = stv_rule(args.state, args.year)
    report = check_sheet(read_count_sheet(Path(args.sheet)), rule)
    if args.json:
        findings = [
            {"code": f.code, "stage": f.stage, "candidate": f.candidate, "message": f.message}
            for f in report.findings
        ]
        print(json.dumps({"ok": report.ok, "rule": report.rule, "legal_basis": report.legal_basis,
                          "unverified": list(report.unverified), "stages": report.stages,
                          "findings": findings}, ensure_ascii=False, indent=2))
    else:
        print(f"{report.rule}: {report.stages} stages checked")
        for finding in report.findings:
            where = "" if finding.stage is None else f"stage {finding.stage}: "
            print(f"  {finding.code}: {where}{finding.message}")
        print("follows the rule in every point checked" if report.ok else f"{len(report.findings)} disagreement(s)")
        if report.unverified:
            print(f"not verified in the law: {', '.join(report.unverified)}")
    return 0 if report.ok else 1


def _add_europe(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    europe = commands.add_parser(
        "europe",
        help="a member state's seats in the European Parliament (2019, 2024), explained",
        description=(
            "A member state's seats at the European Parliament election of 2019 or 2024 by its national "
            "rule (electoral_rules.europe), explained step by step with the rule's status and sources. "
            "STATE is the EU's code (AT, DE, EL for Greece, UK in 2019), or 'parliament' for the seats of "
            "every state. Votes come from --file, a UTF-8 CSV whose first line is 'list,votes' and then "
            "one 'NAME,VOTES' line per list (votes in the digits 0-9 only), or as NAME=VOTES arguments. "
            "For a state that votes over constituencies (BE, IT, PL, UK in 2019), the file's first line is "
            "'constituency,list,votes' and each line names its constituency first."
        ),
        epilog=(
            "A state whose rule the library cannot apply (electoral colleges, districts, alliances, the "
            "single transferable vote...) gives a one-line error naming the missing piece, with exit "
            "status 2, as does a faulty line of the votes file."
        ),
    )
    europe.add_argument("state", metavar="STATE", help="EU code of the member state (AT, DE, EL...) or 'parliament'")
    europe.add_argument("votes", nargs="*", metavar="NAME=VOTES", help="votes per list (or --file)")
    europe.add_argument("--year", type=_year, required=True, help="election year: 2019 or 2024")
    europe.add_argument("--after-brexit", action="store_true",
                        help="2019: the composition from 1 February 2020 (705 seats, deferred seats included)")
    europe.add_argument("--file", help="votes from a CSV file: a 'list,votes' header, then NAME,VOTES lines")
    europe.add_argument("--valid", type=_seats, help="valid votes, when the file leaves lists out (threshold base)")
    europe.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the explanation")
    europe.add_argument("--json", action="store_true", help="machine-readable output")
    europe.add_argument("--svg", metavar="FILE", help="also write the hemicycle (the state's, or the Parliament's)")
    europe.set_defaults(run=_run_europe)


_CLI_TERMS = (
    # the library's messages name its Python parameters; here they name the options
    (re.compile(r"give Tally\((registered|voters|blank|null|expressed)=\.\.\.\)"), r"give --\1"),
    (re.compile(r"Tally\((registered|voters|blank|null|expressed)=\.\.\.\)"), r"--\1"),
    (re.compile(r"pass (?:candidates|people)= with birth dates"), "give --born NAME=YYYY-MM-DD for each"),
    (re.compile(r"\b(?:candidates|people)=(?:\.\.\.)?"), "--born NAME=YYYY-MM-DD"),
    (re.compile(r"\bafter_brexit=True"), "--after-brexit"),
)


def _in_cli_terms(message: str) -> str:
    """A library message with its Python parameters named as the command line's options,
    on one line."""
    for pattern, replacement in _CLI_TERMS:
        message = pattern.sub(replacement, message)
    return " ".join(message.split("\n"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 disagreement, 2 bad input)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    # NAME=VOTES pairs may come after options (argparse stops filling a positional at the
    # first option): gather them, and refuse anything else as argparse would.
    stray = [item for item in extra if item.startswith("-") or not hasattr(args, "votes")]
    if stray:
        parser.error(f"unrecognized arguments: {' '.join(stray)}")
    if extra:
        args.votes = [*args.votes, *extra]
    try:
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except (_UsageError, ElectoralRulesError) as err:
        print(f"electoral-rules: error: {_in_cli_terms(str(err))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as the Python docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
