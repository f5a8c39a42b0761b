"""Shared test configuration for every folder of ``tests/``: Hypothesis profiles and the
test data folder.

``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) bounds the examples so that CI stays well
under its time budget on two cores; the default ``dev`` profile is thorough, for local runs.

Test data lives in ``tests/data/`` whatever the test's folder: modules import its path as
``from tests.common import DATA`` (needed at import time, e.g. to parametrize over files);
a test may also take the ``data_dir`` fixture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.common import DATA

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
