"""Generate tasks beyond the shipped suite.

The shipped suite of a domain is tasks ``0 .. n_tasks-1`` (seeded by
:data:`healthgym.tasks.SUITE_SEED`).  ``generate_tasks(domain, n, seed)`` returns
``n`` further tasks, deterministic in ``seed``: task ``i`` is the domain's task
number ``n_tasks + seed * STRIDE + i``, so different seeds never overlap each other
or the shipped suite (for n <= STRIDE), and each task keeps its own seed, split,
reference solution and safety specification.

Generation is deterministic per task index, so it splits across processes without
changing a byte: ``workers=N`` generates in ``N`` processes (contiguous chunks of
indices, returned in index order), which scales with the cores a machine has.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from .domains import domain_names, get_domain
from .tasks import Task

STRIDE = 1_000_000  # tasks per generation seed


def generate_tasks(domain: str, n: int, seed: int = 0, workers: int = 1) -> Iterator[Task]:
    """``n`` new tasks of ``domain`` for generation seed ``seed`` (>= 0), generated in
    ``workers`` processes (1: in this one); the same tasks, in the same order, either way."""
    if n < 0 or n > STRIDE:
        raise ValueError(f"n must be between 0 and {STRIDE}")
    if seed < 0:
        raise ValueError("seed must be non-negative")
    d = get_domain(domain)
    start = d.n_tasks + seed * STRIDE
    yield from generate_indices(domain, range(start, start + n), workers)


def generate_suite(domain: str, workers: int = 1) -> Iterator[Task]:
    """Every task of ``domain``'s shipped suite (indices ``0 .. n_tasks-1``) in order."""
    yield from generate_indices(domain, range(get_domain(domain).n_tasks), workers)


def _chunk(domain: str, indices: Sequence[int]) -> list[str]:
    d = get_domain(domain)
    return [d.make_task(i).model_dump_json() for i in indices]


def generate_indices(domain: str, indices: Sequence[int], workers: int = 1) -> Iterator[Task]:
    """Tasks ``indices`` of ``domain``, in that order, generated in ``workers`` processes
    (at most the machine's CPU count; 1 or one index: in this process, and so is a
    domain registered at run time, which a fresh worker process would not know)."""
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"workers must be a positive integer, not {workers!r}")
    d = get_domain(domain)
    workers = min(workers, os.cpu_count() or 1, max(len(indices), 1))
    if domain not in domain_names():
        workers = 1
    if workers == 1:
        for i in indices:
            yield d.make_task(i)
        return
    size = -(-len(indices) // (workers * 4))  # a few chunks per worker balance the load
    chunks = [indices[i : i + size] for i in range(0, len(indices), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for lines in pool.map(_chunk, [domain] * len(chunks), chunks):
            for line in lines:
                yield Task.model_validate_json(line)
