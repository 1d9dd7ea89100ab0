"""Test-suite settings.

Hypothesis runs derandomized so every run checks the same cases; the
``needs_shared(path)`` marker (see ``shared_data.py``) skips a test whose ../shared
files are missing, or fails it when ``HEALTHGYM_REQUIRE_SHARED=1`` (CI).
"""

import pytest
from hypothesis import settings

from shared_data import check_shared

settings.register_profile("healthgym", derandomize=True, deadline=None)
settings.load_profile("healthgym")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_shared(path): the test reads files under ../shared (see shared_data.py)"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers(name="needs_shared"):
        check_shared(mark.kwargs["path"])
