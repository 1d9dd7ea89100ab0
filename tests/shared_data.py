"""Where the tests find ``../shared`` (public benchmark files beside the project).

Paths are relative to this checkout: ``<project>/../shared``.  Tests that need the
files carry ``@needs_shared(path)``: without the files they are skipped, unless the
environment variable ``HEALTHGYM_REQUIRE_SHARED=1`` is set (CI sets it in ``.ci/run``),
in which case they fail, so a CI run can never pass green without them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCHMARKS = SHARED / "benchmarks"
REQUIRE_ENV = "HEALTHGYM_REQUIRE_SHARED"


def shared_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0", "false", "no")


def needs_shared(path: Path = BENCHMARKS) -> pytest.MarkDecorator:
    """Mark a test (or, as ``pytestmark``, a module) as needing ``path`` under ../shared."""
    return pytest.mark.needs_shared(path=Path(path))


def check_shared(path: Path) -> None:
    """Skip (or, when required, fail) unless ``path`` exists."""
    if Path(path).exists():
        return
    message = f"../shared data missing: {path}"
    if shared_required():
        pytest.fail(f"{message} ({REQUIRE_ENV} is set)", pytrace=False)
    pytest.skip(message)
