"""Generate tasks beyond the shipped suite.

The shipped suite of a domain is tasks ``0 .. n_tasks-1`` (seeded by
:data:`healthgym.tasks.SUITE_SEED`).  ``generate_tasks(domain, n, seed)`` returns
``n`` further tasks, deterministic in ``seed``: task ``i`` is the domain's task
number ``n_tasks + seed * STRIDE + i``, so different seeds never overlap each other
or the shipped suite (for n <= STRIDE), and each task keeps its own seed, split,
reference solution and safety specification.
"""

from __future__ import annotations

from collections.abc import Iterator

from .domains import get_domain
from .tasks import Task

STRIDE = 1_000_000  # tasks per generation seed


def generate_tasks(domain: str, n: int, seed: int = 0) -> Iterator[Task]:
    """``n`` new tasks of ``domain`` for generation seed ``seed`` (>= 0)."""
    if n < 0 or n > STRIDE:
        raise ValueError(f"n must be between 0 and {STRIDE}")
    if seed < 0:
        raise ValueError("seed must be non-negative")
    d = get_domain(domain)
    start = d.n_tasks + seed * STRIDE
    for i in range(n):
        yield d.make_task(start + i)
