"""The benchmark registry: name -> :class:`~healthgym.eval.items.Benchmark`.

Each entry's ``load(data_dir)`` reads a folder laid out as ``shared/benchmarks`` is
(see ``shared/benchmarks/README.md``; VQA folders as ``data_dir/vqa_rad`` etc., a
HealthSearchQA-style list as ``data_dir/healthsearchqa``); its ``score(item, answer)``
turns a final answer into a :class:`~healthgym.eval.items.ScoreResult`.

Long-form benchmarks score lexically by default (must-have coverage / ROUGE-L);
:func:`with_judge` returns the same benchmark graded by a :class:`Judge` instead, and
``healthsearchqa`` (no reference answers) can only be scored that way.
"""

from __future__ import annotations

import dataclasses

from .items import Benchmark
from .loaders.ehrsql import load_ehrsql_for_eval
from .loaders.longform import (
    load_kqa_items,
    load_liveqa_items,
    load_medicationqa_items,
    load_question_list_items,
)
from .loaders.mcq import (
    load_medmcqa_items,
    load_medqa_items,
    load_mirage_items,
    load_mmlu_medical_items,
    load_pubmedqa_items,
)
from .loaders.medcalc import load_medcalc_items
from .loaders.vqa import folder_loader
from .scorers.choice import score_choice
from .scorers.longform import Judge, LongFormScorer, score_longform
from .scorers.medcalc import score_medcalc
from .scorers.sql import score_sql
from .scorers.vqa import score_vqa
from .scorers.yesno import score_yes_no

_ALL: tuple[Benchmark, ...] = (
    Benchmark(
        name="medqa",
        kind="mcq",
        load=load_medqa_items,
        score=score_choice,
        description="MedQA (USMLE) 4-option test, 1,273 questions",
    ),
    Benchmark(
        name="medmcqa",
        kind="mcq",
        load=load_medmcqa_items,
        score=score_choice,
        description="MedMCQA dev, 4,183 questions",
    ),
    Benchmark(
        name="mmlu_medical",
        kind="mcq",
        load=load_mmlu_medical_items,
        score=score_choice,
        description="MMLU medical test subsets (six), 1,089 questions",
    ),
    Benchmark(
        name="pubmedqa",
        kind="yes_no",
        load=load_pubmedqa_items,
        score=score_yes_no,
        description="PubMedQA PQA-L official test split, 500 yes/no/maybe questions",
    ),
    Benchmark(
        name="mirage",
        kind="mcq",
        load=load_mirage_items,
        score=score_choice,
        description="MIRAGE benchmark.json (MedQA, MedMCQA, PubMedQA*, BioASQ, MMLU), 7,663",
    ),
    Benchmark(
        name="medcalc",
        kind="calc",
        load=load_medcalc_items,
        score=score_medcalc,
        description="MedCalc-Bench rows of every medcalc_bench/*.csv (dev_data.csv: 164)",
        tools=("knowledge", "calculators"),
    ),
    Benchmark(
        name="kqa",
        kind="long_form",
        load=load_kqa_items,
        score=score_longform,
        description="K-QA, 201 answered questions; lexical must-have coverage",
    ),
    Benchmark(
        name="liveqa",
        kind="long_form",
        load=load_liveqa_items,
        score=score_longform,
        description="LiveQA TREC-2017 medical test, 104 questions; ROUGE-L vs references",
    ),
    Benchmark(
        name="medicationqa",
        kind="long_form",
        load=load_medicationqa_items,
        score=score_longform,
        description="MedicationQA, 690 question-answer rows; ROUGE-L vs the answer",
    ),
    Benchmark(
        name="healthsearchqa",
        kind="long_form",
        load=load_question_list_items,
        score=score_longform,
        description="HealthSearchQA-style question list (no references): judge only",
    ),
    Benchmark(
        name="ehrsql",
        kind="sql",
        load=load_ehrsql_for_eval,
        score=score_sql,
        description="EHRSQL 2024 MIMIC-IV valid, 1,163 questions (needs mimic_iv.sqlite)",
        tools=("sql",),
    ),
    Benchmark(
        name="vqa_rad",
        kind="vqa",
        load=folder_loader("vqa_rad", "vqa_rad"),
        score=score_vqa,
        description="VQA-RAD-style folder data_dir/vqa_rad",
        tools=("image",),
    ),
    Benchmark(
        name="slake",
        kind="vqa",
        load=folder_loader("slake", "slake"),
        score=score_vqa,
        description="SLAKE-style folder data_dir/slake (English questions)",
        tools=("image",),
    ),
    Benchmark(
        name="pathvqa",
        kind="vqa",
        load=folder_loader("pathvqa", "pathvqa"),
        score=score_vqa,
        description="PathVQA-style folder data_dir/pathvqa",
        tools=("image",),
    ),
    Benchmark(
        name="vqa",
        kind="vqa",
        load=folder_loader("vqa", "vqa"),
        score=score_vqa,
        description="any {image, question, answer} folder data_dir/vqa",
        tools=("image",),
    ),
)

BENCHMARKS: dict[str, Benchmark] = {b.name: b for b in _ALL}


def benchmark_names() -> list[str]:
    """The registered benchmark names, in registration order."""
    return list(BENCHMARKS)


def get_benchmark(name: str) -> Benchmark:
    """The benchmark registered as ``name`` (case and surrounding spaces ignored)."""
    key = str(name).strip().lower()
    if key not in BENCHMARKS:
        raise KeyError(f"unknown benchmark {name!r}; registered: {', '.join(BENCHMARKS)}")
    return BENCHMARKS[key]


def with_judge(benchmark: Benchmark | str, judge: Judge) -> Benchmark:
    """The same long-form benchmark, scored by ``judge`` (lexical scores kept in details)."""
    b = get_benchmark(benchmark) if isinstance(benchmark, str) else benchmark
    if b.kind != "long_form":
        raise ValueError(f"{b.name} is not a long-form benchmark; judges grade long-form answers")
    return dataclasses.replace(b, score=LongFormScorer(judge=judge))
