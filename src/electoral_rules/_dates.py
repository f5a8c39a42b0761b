"""The polling day, read one way by every rule.

Every rule that changed over time takes ``date=``: a :class:`datetime.date`, or an ISO
string ``"YYYY-MM-DD"``; ``None`` means today (the version of the law in force now). A
:class:`datetime.datetime` is refused: its time of day means nothing to the law, and
silently cutting it would hide a caller's mistake.

>>> as_date("2026-03-15")
datetime.date(2026, 3, 15)
>>> as_date(_dt.date(2020, 3, 15))
datetime.date(2020, 3, 15)
>>> as_date("15/03/2026", rule="municipales")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
electoral_rules.errors.InvalidArgumentError: date '15/03/2026' (municipales) must be ...
"""

from __future__ import annotations

import datetime as _dt
import re

from .errors import InvalidArgumentError

__all__ = ["as_date"]

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def as_date(value: object, *, rule: str = "") -> _dt.date:
    """The polling day ``value`` as a :class:`datetime.date` (``None``: today).

    :param value: a :class:`datetime.date`, an ISO string ``"2026-03-15"`` or ``None``.
    :param rule: the rule asking, named in the error message.
    :raises InvalidArgumentError: for a ``datetime``, a string that is not an ISO day
        (``"2026-3-15"``, ``"15/03/2026"``, ``"2026-02-30"``) or any other value.

    >>> as_date(None) == _dt.date.today()
    True
    >>> as_date(_dt.datetime(2026, 3, 15, 8, 0))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidArgumentError: date datetime.datetime(2026, 3, 15, 8, 0) must be ...
    """
    if value is None:
        return _dt.date.today()
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    where = f" ({rule})" if rule else ""
    raise InvalidArgumentError(
        f"date {value!r}{where} must be the polling day: a datetime.date or an ISO string "
        "such as '2026-03-15' (None for today); a datetime is refused, its time of day means "
        "nothing here"
    )
