"""Loaders for public medical multiple-choice benchmark files.

Each loader reads the file layout its benchmark publishes and returns
:class:`~healthgym.datasets.records.MCQRecord` objects; the caller says where the
files are (nothing is downloaded or bundled).  A path may name the file itself or
the folder holding it under its published name.

* MedQA (USMLE, 4 options): JSON Lines with ``question``, ``options`` {A..D},
  ``answer_idx`` and ``meta_info`` (``step1`` / ``step2&3``).
* MedMCQA: JSON Lines with ``question``, ``opa``..``opd``, ``cop`` (1-4 = A-D),
  ``subject_name``, ``topic_name``, ``exp`` (explanation), ``id``.
* MMLU medical subsets: header-less CSV rows ``question, A, B, C, D, answer``,
  one file ``<subset>_test.csv`` per subset.
* PubMedQA PQA-L: ``ori_pqal.json`` (PMID -> QUESTION, CONTEXTS, final_decision
  ...) with ``test_ground_truth.json`` (PMID -> label) naming the official
  500-question test split; options are yes / no / maybe.
* MIRAGE ``benchmark.json``: sub-benchmark -> id -> {question, options, answer}.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from .records import LETTERS, YES_NO_MAYBE, DatasetFormatError, MCQRecord

MMLU_MEDICAL_SUBSETS: tuple[str, ...] = (
    "anatomy",
    "clinical_knowledge",
    "college_biology",
    "college_medicine",
    "medical_genetics",
    "professional_medicine",
)
MIRAGE_SUBSETS: tuple[str, ...] = ("medqa", "medmcqa", "pubmedqa", "bioasq", "mmlu")
MEDQA_FILE = "phrases_no_exclude_test.jsonl"
MEDMCQA_FILE = "dev.jsonl"
PUBMEDQA_FILE = "ori_pqal.json"
PUBMEDQA_TEST_FILE = "test_ground_truth.json"
MIRAGE_FILE = "benchmark.json"
PubMedQASplit = Literal["all", "test", "train"]


def _resolve(path: str | Path, default_name: str) -> Path:
    p = Path(path)
    if p.is_dir():
        p = p / default_name
    if not p.is_file():
        raise FileNotFoundError(f"benchmark file not found: {p}")
    return p


def read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line of a JSON Lines file; a
    :class:`DatasetFormatError` names the file and line of anything else."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise DatasetFormatError(f"{path}: not UTF-8 text") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise DatasetFormatError(f"{path}:{n}: invalid JSON ({e.msg})") from None
        if not isinstance(row, dict):
            raise DatasetFormatError(f"{path}:{n}: expected a JSON object per line")
        rows.append((n, row))
    return rows


def _json_object(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DatasetFormatError(f"{path}: invalid JSON ({e.msg})") from None
    if not isinstance(data, dict):
        raise DatasetFormatError(f"{path}: expected a JSON object at the top level")
    return data


def _field(row: dict[str, Any], key: str, where: str) -> Any:
    if key not in row:
        raise DatasetFormatError(f"{where}: missing field {key!r}")
    return row[key]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _options(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        raise DatasetFormatError(f"{where}: 'options' must be a non-empty object")
    return {str(k).strip().upper(): _text(v) for k, v in sorted(raw.items())}


def load_medqa(path: str | Path) -> list[MCQRecord]:
    """MedQA (USMLE) JSON Lines; ``id`` is the zero-padded line index (``0000``)."""
    p = _resolve(path, MEDQA_FILE)
    records = []
    for i, (n, row) in enumerate(read_jsonl(p)):
        where = f"{p}:{n}"
        records.append(
            MCQRecord(
                id=f"{i:04d}",
                source="medqa",
                question=_text(_field(row, "question", where)),
                options=_options(_field(row, "options", where), where),
                answer=_text(_field(row, "answer_idx", where)).upper(),
                subject=_text(row.get("meta_info")),
            )
        )
    return records


def load_medmcqa(path: str | Path) -> list[MCQRecord]:
    """MedMCQA JSON Lines; ``cop`` 1-4 is the correct option A-D."""
    p = _resolve(path, MEDMCQA_FILE)
    records = []
    for i, (n, row) in enumerate(read_jsonl(p)):
        where = f"{p}:{n}"
        options = {L: _text(_field(row, f"op{L.lower()}", where)) for L in "ABCD"}
        cop = _field(row, "cop", where)
        if isinstance(cop, bool) or not isinstance(cop, int) or not 1 <= cop <= 4:
            raise DatasetFormatError(f"{where}: 'cop' must be 1-4, got {cop!r}")
        meta = {k: row[k] for k in ("topic_name", "choice_type", "exp") if row.get(k) is not None}
        records.append(
            MCQRecord(
                id=_text(row.get("id")) or f"{i:05d}",
                source="medmcqa",
                question=_text(_field(row, "question", where)),
                options=options,
                answer=LETTERS[cop - 1],
                subject=_text(row.get("subject_name")),
                meta=meta,
            )
        )
    return records


def load_mmlu_medical(
    path: str | Path, subsets: Iterable[str] = MMLU_MEDICAL_SUBSETS
) -> list[MCQRecord]:
    """MMLU test CSVs of the medical subsets in folder ``path``; ``id`` = ``<subset>-<row>``."""
    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(f"MMLU folder not found: {folder}")
    records = []
    for subset in subsets:
        p = folder / f"{subset}_test.csv"
        if not p.is_file():
            raise FileNotFoundError(f"MMLU subset file not found: {p}")
        with p.open(encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.reader(f)):
                if len(row) != 6:
                    raise DatasetFormatError(f"{p} row {i + 1}: expected 6 columns, got {len(row)}")
                records.append(
                    MCQRecord(
                        id=f"{subset}-{i:03d}",
                        source="mmlu",
                        question=row[0].strip(),
                        options={L: row[1 + j].strip() for j, L in enumerate("ABCD")},
                        answer=row[5].strip().upper(),
                        subject=subset,
                    )
                )
    return records


def load_pubmedqa_test_ids(path: str | Path) -> dict[str, str]:
    """The official PubMedQA test split: PMID -> yes/no/maybe."""
    data = _json_object(_resolve(path, PUBMEDQA_TEST_FILE))
    return {str(k): _text(v).lower() for k, v in data.items()}


def load_pubmedqa(
    path: str | Path, split: PubMedQASplit = "all", test_ids: str | Path | None = None
) -> list[MCQRecord]:
    """PubMedQA PQA-L as yes/no/maybe questions (options A=yes, B=no, C=maybe).

    ``split='test'`` keeps the 500 PMIDs of ``test_ground_truth.json`` (read from
    ``test_ids``, by default the file of that name beside ``ori_pqal.json``),
    ``'train'`` the other 500; the abstract paragraphs become ``context``.
    """
    p = _resolve(path, PUBMEDQA_FILE)
    data = _json_object(p)
    keep: set[str] | None = None
    if split != "all":
        if split not in ("test", "train"):
            raise ValueError(f"split must be 'all', 'test' or 'train', not {split!r}")
        truth = load_pubmedqa_test_ids(test_ids if test_ids is not None else p.parent)
        missing = set(truth) - set(data)
        if missing:
            raise DatasetFormatError(f"{len(missing)} test PMIDs are not in {p}")
        keep = set(truth) if split == "test" else set(data) - set(truth)
    letter_of = {v: k for k, v in YES_NO_MAYBE.items()}
    records = []
    for pmid, row in data.items():
        if keep is not None and pmid not in keep:
            continue
        where = f"{p}[{pmid}]"
        decision = _text(_field(row, "final_decision", where)).lower()
        if decision not in letter_of:
            raise DatasetFormatError(f"{where}: final_decision {decision!r} is not yes/no/maybe")
        contexts = _field(row, "CONTEXTS", where)
        meta = {
            "labels": list(row.get("LABELS") or []),
            "meshes": list(row.get("MESHES") or []),
            "year": row.get("YEAR"),
            "long_answer": _text(row.get("LONG_ANSWER")),
        }
        records.append(
            MCQRecord(
                id=str(pmid),
                source="pubmedqa",
                question=_text(_field(row, "QUESTION", where)),
                options=dict(YES_NO_MAYBE),
                answer=letter_of[decision],
                context=tuple(_text(c) for c in contexts),
                meta=meta,
            )
        )
    return records


def load_mirage(path: str | Path, subsets: Iterable[str] | None = None) -> list[MCQRecord]:
    """MIRAGE ``benchmark.json``: every sub-benchmark (or those named) in one schema."""
    p = _resolve(path, MIRAGE_FILE)
    data = _json_object(p)
    names = list(data) if subsets is None else list(subsets)
    records = []
    for sub in names:
        if sub not in data:
            raise KeyError(f"MIRAGE has no sub-benchmark {sub!r}; available: {', '.join(data)}")
        for qid, row in data[sub].items():
            where = f"{p}[{sub}][{qid}]"
            records.append(
                MCQRecord(
                    id=str(qid),
                    source=f"mirage/{sub}",
                    question=_text(_field(row, "question", where)),
                    options=_options(_field(row, "options", where), where),
                    answer=_text(_field(row, "answer", where)).upper(),
                    subject=sub,
                )
            )
    return records


BENCHMARK_LOADERS: dict[str, Callable[..., list[MCQRecord]]] = {
    "medqa": load_medqa,
    "medmcqa": load_medmcqa,
    "mmlu_medical": load_mmlu_medical,
    "pubmedqa": load_pubmedqa,
    "mirage": load_mirage,
}


def load_benchmark(name: str, path: str | Path, **kwargs: Any) -> list[MCQRecord]:
    """Load benchmark ``name`` (a key of :data:`BENCHMARK_LOADERS`) from ``path``."""
    if name not in BENCHMARK_LOADERS:
        raise KeyError(f"unknown benchmark {name!r}; available: {', '.join(BENCHMARK_LOADERS)}")
    return BENCHMARK_LOADERS[name](path, **kwargs)
