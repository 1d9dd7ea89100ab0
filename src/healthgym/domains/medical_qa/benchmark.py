"""Benchmark questions (MedQA, MedMCQA, MMLU, PubMedQA, MIRAGE) as medical_qa tasks.

:func:`benchmark_task` turns a loaded :class:`~healthgym.datasets.MCQRecord` into
a :class:`~healthgym.tasks.Task` that runs in ``HealthGymEnv(domain="medical_qa")``
through ``env.reset(options={"task": task})``.  The prompt holds the question, the
abstract of a PubMedQA-style question and the options; the answer letter is only
in the grader's specification, and the record's other fields (explanations, the
long answer) are left out entirely.  The reference solution is the answer key
itself (a submission naming the correct option); the grader scores the letter and
whether the rationale names the chosen option.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ...datasets import MCQRecord
from ...tasks import Split, Task
from .records import LETTERS, Option, Question
from .tasks import DOMAIN, task_from_question


def benchmark_question(record: MCQRecord) -> Question:
    """The record as a :class:`Question` (options as published, in their order)."""
    if len(record.options) > len(LETTERS):
        raise ValueError(
            f"{record.uid}: {len(record.options)} options; medical_qa answers A-{LETTERS[-1]}"
        )
    stem = record.question
    if record.context:
        stem = "Context:\n" + "\n".join(record.context) + f"\n\nQuestion: {record.question}"
    options = tuple(Option(text=t, key=t, phrases=(t,)) for t in record.options.values())
    return Question(
        kind="benchmark", topic=record.source, stem=stem, options=options, answer=record.answer
    )


def _seed(uid: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{DOMAIN}/{uid}".encode()).digest()[:8], "big") % 2**63


def benchmark_task(record: MCQRecord, index: int = 0, split: Split = "test") -> Task:
    """A task asking ``record``; its id is ``medical_qa/<source>/<record id>``."""
    return task_from_question(
        benchmark_question(record),
        tid=f"{DOMAIN}/{record.uid}",
        index=index,
        seed=_seed(record.uid),
        split=split,
        source=record.source,
    )


def benchmark_tasks(records: Iterable[MCQRecord], split: Split = "test") -> list[Task]:
    """One task per record, numbered in order."""
    return [benchmark_task(r, i, split) for i, r in enumerate(records)]
