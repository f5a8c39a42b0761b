"""Validation of the generic methods' policy arguments, on entry, whatever the votes.

A policy given wrongly (``tie_break="most-votes"``, ``legal_basis=None``, a
``threshold_base`` without a threshold) is refused at once with
:class:`~electoral_rules.errors.InvalidArgumentError`, as a wrong ``Divisor`` or ``Quota``
is, rather than silently acting as the default or failing only when a tie happens.

>>> check_options(threshold="5%", threshold_base=1000, tie_break=None, legal_basis="")
>>> check_options(threshold=None, threshold_base=1000, tie_break=None, legal_basis="")
Traceback (most recent call last):
...
electoral_rules.errors.InvalidArgumentError: threshold_base (1000) is given without a threshold: give threshold= too, or leave threshold_base out
"""

from __future__ import annotations

from .._exact import shown
from ..errors import InvalidArgumentError
from ..tiebreak import TieBreak

__all__ = ["check_options"]


def check_options(
    *, threshold: object, threshold_base: object, tie_break: object, legal_basis: object
) -> None:
    """Refuse a policy argument of the wrong kind (see the module's docstring).

    :raises InvalidArgumentError: naming the argument and what it must be.
    """
    if tie_break is not None and not isinstance(tie_break, TieBreak):
        raise InvalidArgumentError(
            f"tie_break must be a TieBreak (e.g. TieBreak(criteria=(most_votes(),))) or None, "
            f"not {shown(tie_break)}"
        )
    if not isinstance(legal_basis, str):
        raise InvalidArgumentError(f"legal_basis must be a string (the articles applied), not {shown(legal_basis)}")
    if threshold_base is not None and threshold is None:
        raise InvalidArgumentError(
            f"threshold_base ({shown(threshold_base)}) is given without a threshold: give threshold= "
            "too, or leave threshold_base out"
        )
