"""The suite version stamped on every result: which tasks and which grader produced it.

Tasks are a pure function of the generator code and :data:`~healthgym.tasks.SUITE_SEED`
(the same seed gives the same tasks, patients and rewards), and rewards a pure function
of the tasks and the grading code.  So the suite version is a digest of the source of
every module that generates tasks or grades them (``domains``, ``clinical``,
``patients``, ``rewards``, ``tools``, ``knowledge`` - whose corpus the tools search -
plus ``tasks.py`` and ``env.py``), with the package version and the suite seed:
``0.1.0+20260502.3f2a9c1b4d5e``.  Two results with different suite versions came from
different tasks or a different grader and must not be compared silently
(:func:`check_same_suite`).  :func:`suite_contents_digest` hashes the generated tasks
themselves (slow: every task is built) for an audit that does not trust the code digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from . import __version__
from .tasks import SUITE_SEED

_PACKAGE = Path(__file__).resolve().parent
_PARTS = ("domains", "clinical", "patients", "rewards", "tools", "knowledge", "tasks.py", "env.py")


def _source_files() -> list[Path]:
    files: list[Path] = []
    for part in _PARTS:
        path = _PACKAGE / part
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in (".py", ".json", ".txt"))
    return files


@cache
def code_digest() -> str:
    """SHA-256 over the task-generating and grading source (relative paths and bytes)."""
    h = hashlib.sha256()
    for f in _source_files():
        h.update(f.relative_to(_PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def suite_version() -> str:
    """``<package version>+<suite seed>.<first 12 hex of the code digest>``."""
    return f"{__version__}+{SUITE_SEED}.{code_digest()[:12]}"


def suite_contents_digest(domains: Iterable[str] | None = None) -> str:
    """SHA-256 over the content hash of every task of the suite (builds every task)."""
    from .domains import domain_names, get_domain

    h = hashlib.sha256()
    for name in domains or domain_names():
        d = get_domain(name)
        for i in range(d.n_tasks):
            h.update(d.make_task(i).content_hash().encode())
    return h.hexdigest()


def check_same_suite(versions: dict[str, str | None]) -> str | None:
    """A warning naming the runs when their suite versions differ (or are missing)."""
    known = {v for v in versions.values() if v}
    missing = [label for label, v in versions.items() if not v]
    if len(known) <= 1 and not missing:
        return None
    parts = [f"{label}: {v or 'no suite version'}" for label, v in versions.items()]
    return "results come from different task suites or graders; compare with care (" + (
        "; ".join(parts) + ")"
    )


__all__ = ["check_same_suite", "code_digest", "suite_contents_digest", "suite_version"]
