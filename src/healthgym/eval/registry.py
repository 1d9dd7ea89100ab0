"""The benchmark registry: name -> :class:`~healthgym.eval.items.Benchmark`.

Each entry's ``load(data_dir)`` reads a folder holding each benchmark's files in its own
sub-folder, under the names :data:`DATA_FILES` lists with their public sources
(``healthgym eval list --files``; VQA folders as ``data_dir/vqa_rad`` etc., a
HealthSearchQA-style list as ``data_dir/healthsearchqa``); its ``score(item, answer)``
turns a final answer into a :class:`~healthgym.eval.items.ScoreResult`.

Long-form benchmarks score lexically by default (must-have coverage / ROUGE-L);
:func:`with_judge` returns the same benchmark graded by a :class:`Judge` instead, and
``healthsearchqa`` (no reference answers) can only be scored that way.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class DataFiles:
    """Where a benchmark's files sit inside ``--data-dir`` and where they come from.

    ``folder`` is the benchmark's sub-folder; ``files`` the files its loader needs, as
    paths relative to that folder, each entry a ``|``-separated list of alternatives
    (glob patterns allowed, e.g. ``*.csv``); ``optional`` files are read when present.
    ``root_ok``: the loader also reads the files from ``--data-dir`` itself when the
    sub-folder is absent (``"either"``: it looks in both places); ``file_ok``: the data
    dir may name the (single) file itself. ``env``: a variable that can point at the
    last required file instead (the EHRSQL database).
    """

    folder: str
    files: tuple[str, ...]
    source: str
    optional: tuple[str, ...] = ()
    root_ok: str = "fallback"  # "fallback" | "either" | "no"
    file_ok: bool = True
    env: str | None = None


_MMLU = tuple(
    f"{s}_test.csv"
    for s in (
        "anatomy",
        "clinical_knowledge",
        "college_biology",
        "college_medicine",
        "medical_genetics",
        "professional_medicine",
    )
)
_VQA_ANNOTATION = "test.json|test.jsonl|*.json|*.jsonl"

DATA_FILES: dict[str, DataFiles] = {
    "medqa": DataFiles(
        "medqa_usmle_4opt",
        ("phrases_no_exclude_test.jsonl",),
        "MedQA, Jin et al. 2021: github.com/jind11/MedQA, "
        "data_clean/questions/US/4_options/phrases_no_exclude_test.jsonl",
    ),
    "medmcqa": DataFiles(
        "medmcqa",
        ("dev.jsonl",),
        "MedMCQA, Pal et al. 2022: github.com/medmcqa/medmcqa, dev.json "
        "(JSON Lines; save it as dev.jsonl)",
    ),
    "mmlu_medical": DataFiles(
        "mmlu_medical",
        _MMLU,
        "MMLU, Hendrycks et al. 2021: github.com/hendrycks/test, data/test/<subset>_test.csv",
        file_ok=False,
    ),
    "pubmedqa": DataFiles(
        "pubmedqa",
        ("ori_pqal.json", "test_ground_truth.json"),
        "PubMedQA, Jin et al. 2019: github.com/pubmedqa/pubmedqa, data/ori_pqal.json and "
        "data/test_ground_truth.json",
    ),
    "mirage": DataFiles(
        "mirage",
        ("benchmark.json",),
        "MIRAGE, Xiong et al. 2024: github.com/Teddy-XiongGZ/MIRAGE, benchmark.json",
    ),
    "medcalc": DataFiles(
        "medcalc_bench",
        ("*.csv",),
        "MedCalc-Bench, Khandekar et al. 2024: github.com/ncbi-nlp/MedCalc-Bench, "
        "test_data.csv (any CSV with its columns, e.g. dev_data.csv)",
    ),
    "kqa": DataFiles(
        "k_qa",
        ("questions_w_answers.jsonl",),
        "K-QA, Manes et al. 2024: github.com/Itaymanes/K-QA, dataset/questions_w_answers.jsonl",
        root_ok="either",
    ),
    "liveqa": DataFiles(
        "liveqa_trec2017",
        ("liveqa_medical_test.jsonl",),
        "TREC 2017 LiveQA Medical, Ben Abacha et al.: "
        "github.com/abachaa/LiveQA_MedicalTask_TREC2017, TestDataset/*.xml converted to "
        "JSON Lines (qid, message, subject, reference_answers)",
        root_ok="either",
    ),
    "medicationqa": DataFiles(
        "medicationqa",
        ("medicationqa.csv",),
        "MedicationQA, Ben Abacha et al. MEDINFO 2019: "
        "github.com/abachaa/Medication_QA_MedInfo2019, MedInfo2019-QA-Medications.xlsx "
        "saved as CSV",
        root_ok="either",
    ),
    "healthsearchqa": DataFiles(
        "healthsearchqa",
        ("*.txt|*.csv|*.jsonl|*.json",),
        "HealthSearchQA, Singhal et al. Nature 2023 (supplementary data), or any list of questions",
    ),
    "ehrsql": DataFiles(
        "ehrsql_2024_mimic_iv",
        ("valid/data.json", "valid/label.json", "mimic_iv.sqlite"),
        "EHRSQL 2024, Lee et al.: github.com/glee4810/ehrsql-2024, data/mimic_iv/; "
        "mimic_iv.sqlite built from the MIMIC-IV Clinical Database Demo (physionet.org)",
        optional=("valid/answer.json", "tables.json"),
        file_ok=False,
        env="HEALTHGYM_EHRSQL_DB",
    ),
    "vqa_rad": DataFiles(
        "vqa_rad",
        (_VQA_ANNOTATION,),
        "VQA-RAD, Lau et al. Sci Data 2018: osf.io/89kps (annotations JSON and images)",
        root_ok="no",
        file_ok=False,
    ),
    "slake": DataFiles(
        "slake",
        (_VQA_ANNOTATION,),
        "SLAKE, Liu et al. ISBI 2021: www.med-vqa.com/slake (test.json and imgs/)",
        root_ok="no",
        file_ok=False,
    ),
    "pathvqa": DataFiles(
        "pathvqa",
        (_VQA_ANNOTATION,),
        "PathVQA, He et al. 2020: github.com/UCSD-AI4H/PathVQA (test split and images)",
        root_ok="no",
        file_ok=False,
    ),
    "vqa": DataFiles(
        "vqa",
        (_VQA_ANNOTATION,),
        "any folder of {image, question, answer} records (JSON or JSON Lines) and images",
        root_ok="no",
        file_ok=False,
    ),
}


def data_files(name: str) -> DataFiles:
    """The expected files of benchmark ``name`` (see :class:`DataFiles`)."""
    return DATA_FILES[get_benchmark(name).name]


def _present(folder: Path, entry: str) -> bool:
    return any(
        (folder / alt).is_file()
        if not any(ch in alt for ch in "*?[")
        else any(p.is_file() for p in folder.glob(alt))
        for alt in entry.split("|")
    )


def missing_data_files(name: str, data_dir: str | Path) -> list[Path]:
    """The required files of benchmark ``name`` that are not where its loader looks
    under ``data_dir`` (each named at the place it is expected), ``[]`` when all are
    there. Only presence is checked; the loader still validates the contents."""
    spec = data_files(name)
    root = Path(data_dir)
    if root.is_file():
        return [] if spec.file_ok else [root / spec.folder / spec.files[0]]
    sub = root / spec.folder
    if spec.root_ok == "no" or (spec.root_ok == "fallback" and sub.is_dir()):
        places = [sub]
    elif spec.root_ok == "either":
        places = [sub, root]
    else:  # "fallback" without the sub-folder: the loader reads data_dir itself
        places = [root]
    missing = []
    for i, entry in enumerate(spec.files):
        last = i == len(spec.files) - 1
        if spec.env and last and os.environ.get(spec.env):
            if not Path(os.environ[spec.env]).is_file():
                missing.append(Path(os.environ[spec.env]))
            continue
        if not any(_present(p, entry) for p in places):
            missing.append(sub / entry.split("|")[0])
    return missing
