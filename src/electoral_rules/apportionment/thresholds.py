"""Legal thresholds as exact shares of a stated base.

French texts say "au moins 5 % des suffrages exprimés": a list exactly on the
threshold is admitted, so the test is ``20 * votes >= expressed``.

>>> admitted, excluded, rule = apply_threshold({"A": 95, "B": 5, "C": 4}, "5%", base=104)
>>> admitted, excluded
({'A': 95}, ('B', 'C'))
>>> apply_threshold({"A": 95, "B": 5}, "5%")[0]
{'A': 95, 'B': 5}
"""

from __future__ import annotations

from collections.abc import Mapping

from .._exact import Share, as_count, as_counts, as_share, percent_text
from ..errors import InvalidArgumentError, NoEligibleListError
from ..outcome import Threshold

__all__ = ["apply_threshold"]


def apply_threshold(
    votes: Mapping[str, int],
    share: Share,
    *,
    base: int | None = None,
    base_name: str = "expressed",
    legal_basis: str = "",
) -> tuple[dict[str, int], tuple[str, ...], Threshold]:
    """Split lists into those that reach ``share`` of ``base`` and those that do not.

    :param votes: votes per list (already validated).
    :param share: the threshold, e.g. ``"5%"`` or ``Fraction(1, 20)``; inclusive.
    :param base: the count the share applies to; by default the sum of ``votes`` (the
        suffrages exprimés when every ballot names one list).
    :param base_name: what ``base`` is, for explanations (``"expressed"``, ``"registered"``...).
    :returns: the admitted votes (same order), the excluded names (same order) and the
        :class:`~electoral_rules.Threshold` applied.
    :raises NoEligibleListError: when no list with votes reaches the threshold.
    :raises InvalidArgumentError: for a ``base`` of 0 or below the votes given.

    >>> admitted, excluded, rule = apply_threshold({"A": 901, "B": 50, "C": 49}, "5%", base=1000)
    >>> excluded, rule.votes, rule.name
    (('C',), 50, '5 % of expressed')
    """
    fraction = as_share(share, what="threshold")
    votes = as_counts(votes)
    cast = sum(votes.values())
    total = cast if base is None else as_count(base, "threshold base")
    if base is not None and (total == 0 or total < cast):
        raise InvalidArgumentError(
            f"threshold base {total} ({base_name}) is below the {cast} votes given: the base of a "
            "threshold (expressed, registered...) counts at least every vote cast for a list"
            if total
            else f"threshold base 0 ({base_name}): a share of nothing would admit every list"
        )
    rule = Threshold(
        name=f"{percent_text(fraction)} of {base_name}",
        share=fraction,
        base=base_name,
        base_count=total,
        inclusive=True,
        legal_basis=legal_basis,
    )
    admitted = {name: count for name, count in votes.items() if rule.met_by(count)}
    excluded = tuple(name for name in votes if name not in admitted)
    if not any(admitted.values()):
        raise NoEligibleListError(
            f"no list reaches the threshold of {percent_text(fraction)} of {base_name} votes "
            f"({rule.votes} of {total}); nobody can be given a seat"
        )
    return admitted, excluded, rule

