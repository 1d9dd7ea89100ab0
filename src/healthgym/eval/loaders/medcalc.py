"""MedCalc-Bench (Khandekar et al., NeurIPS 2024 Datasets and Benchmarks) as items.

Every ``*.csv`` file in the ``medcalc_bench`` folder (``dev_data.csv``,
``test_data.csv`` ...) is read with :func:`healthgym.clinical.medcalc.dataset.load_rows`;
each row becomes one ``calc`` item: the question is the row's task, the context its
patient note, the gold its "Ground Truth Answer", and ``meta`` holds what the scorer
needs (output type, lower/upper limits, calculator id).  The worked explanation and
the extracted entities stay out of the item: both give the answer away.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ...clinical.medcalc.dataset import MedCalcRow, load_rows
from ...datasets import DatasetFormatError
from ..items import EvalItem

FOLDER = "medcalc_bench"
REQUIRED_COLUMNS: tuple[str, ...] = (
    "Row Number",
    "Calculator ID",
    "Calculator Name",
    "Output Type",
    "Patient Note",
    "Question",
    "Relevant Entities",
    "Ground Truth Answer",
    "Lower Limit",
    "Upper Limit",
    "Ground Truth Explanation",
)
OUTPUT_TYPES = frozenset({"decimal", "integer", "date"})


def csv_files(data_dir: str | Path) -> list[Path]:
    """The MedCalc-Bench CSVs: ``data_dir`` itself when it is a CSV file, else every
    ``*.csv`` in ``data_dir/medcalc_bench`` (or in ``data_dir``), sorted by name."""
    p = Path(data_dir)
    if p.is_file():
        return [p]
    folder = p / FOLDER if (p / FOLDER).is_dir() else p
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no MedCalc-Bench *.csv file in {p / FOLDER} (nor in {p})")
    return files


def _check_header(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DatasetFormatError(f"{path}: not a MedCalc-Bench CSV, missing columns {missing}")


def _read(path: Path) -> list[MedCalcRow]:
    _check_header(path)
    try:
        return load_rows(path)
    except (ValueError, SyntaxError, TypeError, KeyError, MemoryError, RecursionError) as e:
        raise DatasetFormatError(
            f"{path}: malformed MedCalc-Bench row ({type(e).__name__}: {e})"
        ) from None
    except csv.Error as e:
        raise DatasetFormatError(f"{path}: malformed CSV ({e})") from None


def row_item(row: MedCalcRow, source: str) -> EvalItem:
    """One MedCalc-Bench row as a ``calc`` item."""
    where = f"{source} row {row.row_number}"
    if row.output_type not in OUTPUT_TYPES:
        raise DatasetFormatError(f"{where}: unknown Output Type {row.output_type!r}")
    if not row.ground_truth.strip() or not row.question.strip():
        raise DatasetFormatError(f"{where}: empty question or ground truth")
    if row.output_type == "decimal":
        try:
            float(row.lower), float(row.upper), float(row.ground_truth)
        except ValueError:
            raise DatasetFormatError(f"{where}: decimal row without numeric limits") from None
    return EvalItem(
        id=f"{Path(source).stem}-{row.row_number}",
        benchmark="medcalc",
        kind="calc",
        question=row.question.strip(),
        gold=row.ground_truth.strip(),
        context=(row.note.strip(),),
        meta={
            "calculator_id": row.calculator_id,
            "calculator_name": row.calculator_name,
            "output_type": row.output_type,
            "lower": row.lower.strip(),
            "upper": row.upper.strip(),
            "row_number": row.row_number,
            "file": Path(source).name,
        },
    )


def load_medcalc_items(data_dir: str | Path) -> list[EvalItem]:
    """Every row of every MedCalc-Bench CSV under ``data_dir`` (dev_data.csv: 164)."""
    items = []
    for path in csv_files(data_dir):
        items.extend(row_item(row, str(path)) for row in _read(path))
    return items
