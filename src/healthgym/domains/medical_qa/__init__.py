"""medical_qa: exam-style questions answered with evidence from the knowledge base.

Questions are generated from the project's own clinical knowledge (disease
profiles, treatments, scores) with a seeded generator; :mod:`.benchmark` turns
public benchmark records (MedQA, MedMCQA, MMLU, PubMedQA, MIRAGE) into tasks of
the same domain.
"""

from __future__ import annotations

from ...tools import Toolkit
from ..base import Domain
from .benchmark import benchmark_task, benchmark_tasks
from .grading import grade
from .records import LETTERS, new_state
from .tasks import N_TASKS, make_task
from .tools import ALL_TOOLS

DOMAIN = Domain(
    name="medical_qa",
    description="Exam-style multiple-choice questions (diagnosis, next step, treatment, "
    "scores) answered with evidence from the knowledge base.",
    toolkit=Toolkit(ALL_TOOLS, domain="medical_qa"),
    n_tasks=N_TASKS,
    make_task=make_task,
    new_state=new_state,
    grade=grade,
    instructions=(
        "You are a physician answering a multiple-choice question. Search the medical "
        "knowledge base and read the passages you need, use the calculator for clinical "
        "scores, and choose the single best option; respect any allergy the question states."
    ),
)

__all__ = ["DOMAIN", "LETTERS", "benchmark_task", "benchmark_tasks"]
