"""Rule-agnostic apportionment methods: divisors, quotas and thresholds.

These know nothing of French law; the rules in :mod:`electoral_rules.france` call them
with the threshold, tie-break and legal basis of each election.
"""

from __future__ import annotations

from .divisors import Divisor, adams, dhondt, highest_averages, huntington_hill, sainte_lague
from .quotas import (
    OverAllocation,
    Quota,
    droop_quota,
    hagenbach_bischoff_quota,
    hagenbach_bischoff_rounded_quota,
    hare_quota,
    imperiali_quota,
    largest_remainder,
)
from .thresholds import apply_threshold

__all__ = [
    "Divisor",
    "OverAllocation",
    "Quota",
    "adams",
    "apply_threshold",
    "dhondt",
    "droop_quota",
    "hagenbach_bischoff_quota",
    "hagenbach_bischoff_rounded_quota",
    "hare_quota",
    "highest_averages",
    "huntington_hill",
    "imperiali_quota",
    "largest_remainder",
    "sainte_lague",
]
