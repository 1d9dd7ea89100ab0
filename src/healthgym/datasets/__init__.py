"""Public medical benchmark files as multiple-choice records, and answer extraction.

Pure parsing: nothing here imports the environment, so the evaluation harness and
the ``medical_qa`` domain both build on it.
"""

from .extract import extract_choice, extract_yes_no_maybe
from .loaders import (
    BENCHMARK_LOADERS,
    MIRAGE_SUBSETS,
    MMLU_MEDICAL_SUBSETS,
    load_benchmark,
    load_medmcqa,
    load_medqa,
    load_mirage,
    load_mmlu_medical,
    load_pubmedqa,
    load_pubmedqa_test_ids,
)
from .records import LETTERS, YES_NO_MAYBE, DatasetFormatError, MCQRecord

__all__ = [
    "BENCHMARK_LOADERS",
    "LETTERS",
    "MIRAGE_SUBSETS",
    "MMLU_MEDICAL_SUBSETS",
    "YES_NO_MAYBE",
    "DatasetFormatError",
    "MCQRecord",
    "extract_choice",
    "extract_yes_no_maybe",
    "load_benchmark",
    "load_medmcqa",
    "load_medqa",
    "load_mirage",
    "load_mmlu_medical",
    "load_pubmedqa",
    "load_pubmedqa_test_ids",
]
