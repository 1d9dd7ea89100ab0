"""The whole task suite lints clean (issue 17): every generated record is coherent."""

from __future__ import annotations

import pytest

from healthgym.domains import domain_names
from healthgym.lint import lint_suite


@pytest.mark.slow
def test_every_task_of_the_suite_lints_clean() -> None:
    report = lint_suite(domain_names())
    assert report.tasks == 6110
    shown = [f"{v.task_id} {v.rule}: {v.detail}" for v in report.violations[:20]]
    assert not report.violations, f"{len(report.violations)} violations, e.g.\n" + "\n".join(
        shown
    )
