"""electoral_rules: French election results turned into winners and seats exactly as the law does.

>>> import electoral_rules as er
>>> dict(er.dhondt({"A": 1023, "B": 258, "C": 253}, seats=5))
{'A': 4, 'B': 1, 'C': 0}

Counts are ``int``, ratios ``Fraction``: a float never decides a seat. Every rule cites
its article, in its docstring and in the outcome it returns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._exact import percent
from .apportionment import (
    Divisor,
    OverAllocation,
    Quota,
    adams,
    dhondt,
    droop_quota,
    hagenbach_bischoff_quota,
    hagenbach_bischoff_rounded_quota,
    hare_quota,
    highest_averages,
    huntington_hill,
    imperiali_quota,
    largest_remainder,
    sainte_lague,
)
from .errors import (
    ElectoralRulesError,
    InvalidArgumentError,
    InvalidTallyError,
    NoEligibleListError,
    NoMajorityError,
    NotImplementedRuleError,
    OfficialFileError,
    UnknownConstituencyError,
    UnresolvedTieError,
    UnsafeDocumentError,
    UnsupportedEraError,
)
from .outcome import Allocation, Method, Note, NoteKind, RoundOutcome, Step, StepKind, Threshold, Tie
from .tally import Candidate, PartyList, Tally
from .tiebreak import (
    Criterion,
    IfUnresolved,
    TieBreak,
    given_order,
    highest_list_average_age,
    lowest_list_average_age,
    most_votes,
    oldest_candidate,
)

if TYPE_CHECKING:  # at run time, imported on first use (module __getattr__ below)
    from . import europe as europe
    from . import france as france
    from .france.round_engine import RunnerUpTie

__version__ = "0.1.0"

__all__ = [
    "Allocation",
    "Candidate",
    "Criterion",
    "Divisor",
    "ElectoralRulesError",
    "IfUnresolved",
    "InvalidArgumentError",
    "InvalidTallyError",
    "Method",
    "NoEligibleListError",
    "NoMajorityError",
    "NotImplementedRuleError",
    "Note",
    "NoteKind",
    "OfficialFileError",
    "OverAllocation",
    "PartyList",
    "Quota",
    "RoundOutcome",
    "RunnerUpTie",
    "Step",
    "StepKind",
    "Tally",
    "Threshold",
    "Tie",
    "TieBreak",
    "UnknownConstituencyError",
    "UnresolvedTieError",
    "UnsafeDocumentError",
    "UnsupportedEraError",
    "__version__",
    "adams",
    "dhondt",
    "droop_quota",
    "europe",
    "france",
    "given_order",
    "hagenbach_bischoff_quota",
    "hagenbach_bischoff_rounded_quota",
    "hare_quota",
    "highest_averages",
    "highest_list_average_age",
    "huntington_hill",
    "imperiali_quota",
    "largest_remainder",
    "lowest_list_average_age",
    "most_votes",
    "oldest_candidate",
    "percent",
    "sainte_lague",
]


_LAZY = {"europe": "", "france": "", "RunnerUpTie": ".france.round_engine"}
"""Names imported on first use (the French rules' package and what lives in it, the European
Parliament's package), so that
``import electoral_rules`` stays cheap: see ``docs/performance.md``."""


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not _LAZY[name]:
        return importlib.import_module(f"{__name__}.{name}")
    return getattr(importlib.import_module(_LAZY[name], __name__), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
