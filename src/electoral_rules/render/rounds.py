"""Majoritarian round outcomes told in French or English (filled in by the majoritarian rules)."""

from __future__ import annotations

from ..outcome import RoundOutcome
from .numbers import Lang, integer

__all__ = ["explain_round"]


def explain_round(outcome: RoundOutcome, lang: Lang = "fr") -> str:
    """A short account of a round: thresholds, elected, qualified."""
    fr = lang == "fr"
    lines = [f"{outcome.election}, {'tour' if fr else 'round'} {outcome.round}"]
    for threshold in outcome.thresholds.values():
        lines.append(f"{threshold.name} : {integer(threshold.votes, lang)}")
    lines.append(("Élus : " if fr else "Elected: ") + (", ".join(outcome.elected) or "—"))
    lines.append(("Qualifiés : " if fr else "Qualified: ") + (", ".join(outcome.qualified) or "—"))
    return "\n".join(lines)
