"""Multiple-choice benchmarks as evaluation items, on top of :mod:`healthgym.datasets`.

The file parsing lives in :mod:`healthgym.datasets.loaders` (MedQA, MedMCQA, MMLU
medical, PubMedQA, MIRAGE); this module only maps its :class:`MCQRecord` objects to
:class:`EvalItem` objects and knows where each benchmark sits inside a data folder laid
out as ``shared/benchmarks`` is.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...datasets import (
    DatasetFormatError,
    MCQRecord,
    load_medmcqa,
    load_medqa,
    load_mirage,
    load_mmlu_medical,
    load_pubmedqa,
)
from ...datasets.loaders import PubMedQASplit
from ..items import EvalItem

# folder of each benchmark inside a data directory laid out as shared/benchmarks
FOLDERS: dict[str, str] = {
    "medqa": "medqa_usmle_4opt",
    "medmcqa": "medmcqa",
    "mmlu_medical": "mmlu_medical",
    "pubmedqa": "pubmedqa",
    "mirage": "mirage",
}


def to_item(record: MCQRecord, benchmark: str) -> EvalItem:
    """One :class:`MCQRecord` as an item: yes/no(/maybe) questions get kind ``yes_no``
    with the word as gold, the others kind ``mcq`` with the letter as gold."""
    meta = {"source": record.source, "subject": record.subject}
    meta.update({k: v for k, v in record.meta.items() if k not in ("exp", "long_answer")})
    if record.is_yes_no and benchmark == "pubmedqa":
        return EvalItem(
            id=record.id,
            benchmark=benchmark,
            kind="yes_no",
            question=record.question,
            gold=record.options[record.answer].strip().lower(),
            options=dict(record.options),
            context=record.context,
            meta=meta,
        )
    return EvalItem(
        id=record.id if benchmark != "mirage" else f"{record.subject}/{record.id}",
        benchmark=benchmark,
        kind="mcq",
        question=record.question,
        gold=record.answer,
        options=dict(record.options),
        context=record.context,
        meta=meta,
    )


def _folder(data_dir: str | Path, name: str) -> Path:
    """``data_dir/<folder of name>`` when it exists, else ``data_dir`` itself (a path
    straight to the benchmark's own folder or file)."""
    p = Path(data_dir)
    sub = p / FOLDERS[name]
    return sub if sub.is_dir() else p


def _records(name: str, load: Callable[..., list[MCQRecord]], path: Path, **kw: Any) -> list:
    """``load(path)``, with the structural errors the file parsers let through
    (undecodable bytes, broken CSV, a list where an object belongs) reported as
    :class:`DatasetFormatError` naming the benchmark and path."""
    try:
        return load(path, **kw)
    except (UnicodeDecodeError, csv.Error, AttributeError, TypeError) as e:
        raise DatasetFormatError(
            f"{path}: malformed {name} file ({type(e).__name__}: {str(e)[:200]})"
        ) from None


def load_medqa_items(data_dir: str | Path) -> list[EvalItem]:
    """MedQA (USMLE, 4 options) test: 1,273 questions."""
    records = _records("medqa", load_medqa, _folder(data_dir, "medqa"))
    return [to_item(r, "medqa") for r in records]


def load_medmcqa_items(data_dir: str | Path) -> list[EvalItem]:
    """MedMCQA dev: 4,183 questions."""
    records = _records("medmcqa", load_medmcqa, _folder(data_dir, "medmcqa"))
    return [to_item(r, "medmcqa") for r in records]


def load_mmlu_medical_items(data_dir: str | Path) -> list[EvalItem]:
    """The six MMLU medical test subsets: 1,089 questions."""
    records = _records("mmlu_medical", load_mmlu_medical, _folder(data_dir, "mmlu_medical"))
    return [to_item(r, "mmlu_medical") for r in records]


def load_pubmedqa_items(data_dir: str | Path, split: PubMedQASplit = "test") -> list[EvalItem]:
    """PubMedQA PQA-L; by default the official 500-question test split
    (``test_ground_truth.json``), ``split='all'`` for all 1,000 labelled questions."""
    records = _records("pubmedqa", load_pubmedqa, _folder(data_dir, "pubmedqa"), split=split)
    return [to_item(r, "pubmedqa") for r in records]


def load_mirage_items(data_dir: str | Path) -> list[EvalItem]:
    """MIRAGE ``benchmark.json``: all five sub-benchmarks (7,663 questions); the
    sub-benchmark is in ``meta['subject']`` and prefixes the id."""
    records = _records("mirage", load_mirage, _folder(data_dir, "mirage"))
    return [to_item(r, "mirage") for r in records]


__all__ = [
    "FOLDERS",
    "load_medmcqa_items",
    "load_medqa_items",
    "load_mirage_items",
    "load_mmlu_medical_items",
    "load_pubmedqa_items",
    "to_item",
]
