"""Shared test configuration for every folder of ``tests/``: Hypothesis profiles and the
test data folder.

``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) bounds the examples so that CI stays well
under its time budget on two cores; the default ``dev`` profile is thorough, for local runs.

Test data lives in ``tests/data/`` whatever the test's folder: modules import its path as
``from tests.common import DATA`` (needed at import time, e.g. to parametrize over files);
a test may also take the ``data_dir`` fixture. Fixtures used in several folders live here;
plain helpers (``party``, ``golden_tally``, ``load_json``) in ``tests/common.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.common import DATA, load_json

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=600, deadline=None)
settings.register_profile("quick", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def data_dir() -> Path:
    """``tests/data/``, the test data copied into the project (sources in its README.md)."""
    return DATA


@pytest.fixture
def europeennes2024() -> dict[str, Any]:
    """The européennes 2024 in France, official result (``tests/data/golden/``, sources in its
    README.md); a fresh copy for each test."""
    return load_json(DATA / "golden" / "europeennes2024_france.json")
