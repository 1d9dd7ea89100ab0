"""medical_qa: exam-style questions answered with evidence from the knowledge base.

Questions are generated from the project's own clinical knowledge (disease
profiles, treatments, scores) with a seeded generator; :mod:`.benchmark` turns
public benchmark records (MedQA, MedMCQA, MMLU, PubMedQA, MIRAGE) into tasks of
the same domain.
"""

from __future__ import annotations

from ..base import declare_domain
from .benchmark import benchmark_task, benchmark_tasks
from .records import LETTERS

DOMAIN = declare_domain(
    __name__,
    description="Exam-style multiple-choice questions (diagnosis, next step, treatment, "
    "scores) answered with evidence from the knowledge base.",
    instructions=(
        "You are a physician answering a multiple-choice question. Search the medical "
        "knowledge base and read the passages you need, use the calculator for clinical "
        "scores, and choose the single best option; respect any allergy the question states."
    ),
)

__all__ = ["DOMAIN", "LETTERS", "benchmark_task", "benchmark_tasks"]
