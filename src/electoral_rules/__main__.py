"""``python -m electoral_rules``: the command line (see :mod:`electoral_rules.cli`)."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
