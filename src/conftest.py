"""Doctest collection of the package: the deprecated modules kept for one release only
warn on import (their names are tested in tests/france/test_list_engine.py)."""

collect_ignore = ["electoral_rules/france/common.py", "electoral_rules/france/list_vote.py"]
