"""Small file readers shared by the evaluation loaders (JSON, CSV), each raising
:class:`~healthgym.datasets.DatasetFormatError` with the file (and line) named; JSON
Lines files are read by the datasets' reader, :func:`healthgym.datasets.loaders.read_jsonl`."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from ...datasets import DatasetFormatError


def resolve(path: str | Path, folder: str, filename: str) -> Path:
    """``path`` when it is a file, else ``path/folder/filename`` or ``path/filename``."""
    p = Path(path)
    if p.is_file():
        return p
    for candidate in (p / folder / filename, p / filename):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{filename} not found under {p} (nor in {p / folder})")


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DatasetFormatError(f"{path}: invalid JSON ({e.msg}, line {e.lineno})") from None
    except UnicodeDecodeError:
        raise DatasetFormatError(f"{path}: not UTF-8 text") from None


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file with a header line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (csv.Error, UnicodeDecodeError) as e:
        raise DatasetFormatError(f"{path}: malformed CSV ({e})") from None
    return rows


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def need(row: dict[str, Any], key: str, where: str) -> Any:
    if key not in row:
        raise DatasetFormatError(f"{where}: missing field {key!r}")
    return row[key]


def need_text(row: dict[str, Any], key: str, where: str) -> str:
    value = need(row, key, where)
    if not isinstance(value, str) or not value.strip():
        raise DatasetFormatError(f"{where}: field {key!r} must be a non-empty string")
    return value.strip()


def need_strings(row: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = need(row, key, where)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DatasetFormatError(f"{where}: field {key!r} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())
