"""The library's exceptions: one root, each child also the natural builtin.

Every error raised on purpose by :mod:`electoral_rules` derives from
:class:`ElectoralRulesError`, so ``except ElectoralRulesError`` catches them all.
Each child also subclasses the builtin a caller would naturally expect
(``ValueError`` for bad values, ``LookupError`` for unknown names,
``NotImplementedError`` for rules the library refuses to guess), so code that
already catches builtins keeps working.

Messages name the offending value and the rule it breaks, for example
``"votes for 'B' (-3) must be >= 0"``.

>>> issubclass(InvalidTallyError, ValueError)
True
>>> try:
...     raise InvalidTallyError("votes for 'B' (-3) must be >= 0")
... except ElectoralRulesError as err:
...     print(err)
votes for 'B' (-3) must be >= 0

This module imports nothing from the rest of the package.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ElectoralRulesError",
    "InvalidArgumentError",
    "InvalidTallyError",
    "NoEligibleListError",
    "NoMajorityError",
    "NotImplementedRuleError",
    "OfficialFileError",
    "UnknownConstituencyError",
    "UnresolvedTieError",
    "UnsafeDocumentError",
    "UnsupportedEraError",
]


class ElectoralRulesError(Exception):
    """Root of every error this library raises on purpose."""


class InvalidArgumentError(ElectoralRulesError, ValueError):
    """A parameter of a rule is out of its domain (seats < 0, a threshold above 100 %, ...)."""


class InvalidTallyError(InvalidArgumentError):
    """Vote counts that are not non-negative integers, or that do not add up.

    Raised on construction of a :class:`~electoral_rules.Tally` and by every
    function that takes votes: negative, ``bool``, ``float`` or non-numeric
    counts, empty or duplicate names, ``voters > registered``,
    ``blank + null + expressed != voters``.
    """


class NoEligibleListError(InvalidArgumentError):
    """No list or candidate can receive a seat (no votes at all, or all under the threshold)."""


class NoMajorityError(InvalidArgumentError):
    """A first round in which no list has an absolute majority: no seat is allocated.

    The law then calls a second round (Code électoral, art. L262 al.2 and L338 al.3); a
    first-round tally without a majority is therefore refused rather than turned into an
    allocation. It subclasses :class:`InvalidArgumentError` (and ``ValueError``).

    :ivar leader: the list with the most votes (the first one given when several tie).
    :ivar needed: the fewest votes that make an absolute majority (``expressed // 2 + 1``).
    """

    def __init__(self, message: str, *, leader: str, needed: int) -> None:
        super().__init__(message)
        self.leader = leader
        self.needed = needed


class UnsupportedEraError(ElectoralRulesError, ValueError):
    """The election date falls outside the eras whose rules the library implements."""


class NotImplementedRuleError(ElectoralRulesError, NotImplementedError):
    """A rule the library knows of but refuses to guess, because its text is not verified."""


class UnknownConstituencyError(ElectoralRulesError, LookupError):
    """A constituency name or code that matches nothing; the message suggests close names."""


class UnresolvedTieError(ElectoralRulesError):
    """A tie that the applicable rule cannot settle, raised when a decision was required.

    :ivar tie: the :class:`~electoral_rules.Tie` that could not be settled (contenders and
        seats at stake), or ``None`` when raised without one.
    :ivar outcome: the partial outcome computed up to the tie, when there is one.
    """

    def __init__(self, message: str, *, tie: Any = None, outcome: Any = None) -> None:
        super().__init__(message)
        self.tie = tie
        self.outcome = outcome


class OfficialFileError(ElectoralRulesError, ValueError):
    """An official result file that cannot be read: malformed, truncated or inconsistent.

    :ivar path: the file, when known.
    :ivar element: the element or field at fault, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, element: str | None = None) -> None:
        where = ", ".join(part for part in (path, element) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.element = element


class UnsafeDocumentError(OfficialFileError):
    """An XML document with a DTD, entity declarations or external references."""
