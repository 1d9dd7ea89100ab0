"""Generating in worker processes gives the very tasks of one process, in order."""

from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.suite import generate_indices, generate_suite, generate_tasks


def test_workers_give_the_same_tasks_in_order():
    indices = [5, 0, 3, 1, 4, 2]
    one = [t.model_dump_json() for t in generate_indices("obstetrics", indices)]
    two = [t.model_dump_json() for t in generate_indices("obstetrics", indices, workers=2)]
    assert one == two
    assert [t.index for t in generate_indices("obstetrics", indices, workers=2)] == indices
    more = [t.model_dump_json() for t in generate_tasks("obstetrics", 4, seed=1, workers=2)]
    assert more == [t.model_dump_json() for t in generate_tasks("obstetrics", 4, seed=1)]


def test_suite_is_every_shipped_task():
    d = get_domain("obstetrics")
    suite = generate_suite("obstetrics")
    first = [next(suite) for _ in range(3)]
    assert first == [d.task(i) for i in range(3)]


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_bad_worker_counts_are_refused(workers):
    with pytest.raises(ValueError, match="workers"):
        list(generate_indices("obstetrics", [0], workers=workers))
