"""EHRSQL 2024 (Lee et al., ClinicalNLP 2024 shared task; github.com/glee4810/ehrsql-2024):
text-to-SQL questions on the MIMIC-IV demo database, some unanswerable.

A split folder (``valid``: 1,163 questions, 232 unanswerable; ``test``: 1,167) holds
``data.json`` (``{"version", "data": [{"id", "question"}]}``), ``label.json``
(id -> gold SQL, or ``"null"`` for an unanswerable question) and ``answer.json`` (id
-> the gold execution result as the official scorer prints it: the rows, every cell
as a string and floats rounded to one decimal, sorted, first 100; or ``"null"``).
Each becomes an ``sql`` item: gold = the answer rows (a list of lists of strings) or
``None`` when unanswerable; ``meta`` holds the gold SQL (``meta['sql']``), ``answerable`` and
``db_path``.  The context is the database schema from ``tables.json`` (table and
column names only).  The database itself (``mimic_iv.sqlite``, built from the
PhysioNet MIMIC-IV demo) is not distributed with the benchmark: pass its path, set
``HEALTHGYM_EHRSQL_DB``, or put it beside ``tables.json``.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any, Literal

from ...datasets import DatasetFormatError
from ..items import EvalItem
from ._files import read_json, text

FOLDER = "ehrsql_2024_mimic_iv"
DB_FILE = "mimic_iv.sqlite"
DB_ENV = "HEALTHGYM_EHRSQL_DB"
NULL = "null"
Split = Literal["valid", "test"]
CURRENT_TIME = "2100-12-31 23:59:00"
INSTRUCTIONS = (
    f"The current time is {CURRENT_TIME} (current_time in SQL). Answer with one SQLite "
    "SELECT query, or null when the question cannot be answered from this database."
)


def ehrsql_folder(data_dir: str | Path) -> Path:
    """``data_dir/ehrsql_2024_mimic_iv`` when it exists, else ``data_dir``."""
    p = Path(data_dir)
    return p / FOLDER if (p / FOLDER).is_dir() else p


def find_database(data_dir: str | Path, db_path: str | Path | None = None) -> Path | None:
    """The SQLite database: ``db_path``, else ``$HEALTHGYM_EHRSQL_DB``, else
    ``mimic_iv.sqlite`` in the benchmark folder; ``None`` when there is none."""
    for candidate in (db_path, os.environ.get(DB_ENV) or None):
        if candidate is not None:
            p = Path(candidate)
            if not p.is_file():
                raise FileNotFoundError(f"EHRSQL database not found: {p}")
            return p
    p = ehrsql_folder(data_dir) / DB_FILE
    return p if p.is_file() else None


def schema_text(tables_json: Path) -> str:
    """``table(column, ...)`` lines from a Spider-style ``tables.json``."""
    data = read_json(tables_json)
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        raise DatasetFormatError(f"{tables_json}: expected a list of Spider-style schemas")
    db = data[0]
    try:
        tables = list(db["table_names_original"])
        columns: dict[int, list[str]] = {i: [] for i in range(len(tables))}
        for (t, name), kind in zip(db["column_names_original"], db["column_types"], strict=True):
            if t >= 0:
                columns[t].append(f"{name} {kind}")
    except (KeyError, TypeError, ValueError) as e:
        raise DatasetFormatError(f"{tables_json}: malformed schema ({e!r})") from None
    lines = [f"{name}({', '.join(columns[i])})" for i, name in enumerate(tables)]
    return "\n".join(["Database schema (SQLite):", *lines, INSTRUCTIONS])


def parse_answer(raw: Any, where: str) -> list[list[str]] | None:
    """An answer.json value as rows of strings (``None`` for ``"null"``)."""
    if raw == NULL:
        return None
    if not isinstance(raw, str):
        raise DatasetFormatError(f"{where}: answer must be a string, got {type(raw).__name__}")
    try:
        rows = ast.literal_eval(raw)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise DatasetFormatError(f"{where}: answer is not a list of rows: {raw[:80]!r}") from None
    if not isinstance(rows, list) or not all(isinstance(r, (list, tuple)) for r in rows):
        raise DatasetFormatError(f"{where}: answer is not a list of rows: {raw[:80]!r}")
    return [[str(c) for c in r] for r in rows]


def load_ehrsql_items(
    data_dir: str | Path, split: Split = "valid", db_path: str | Path | None = None
) -> list[EvalItem]:
    """The questions of one EHRSQL split (valid: 1,163); ``db_path`` as in
    :func:`find_database` (``None`` in ``meta`` when no database is found)."""
    folder = ehrsql_folder(data_dir)
    split_dir = folder / split
    if not split_dir.is_dir():
        raise FileNotFoundError(f"EHRSQL split folder not found: {split_dir}")
    data_file, label_file = split_dir / "data.json", split_dir / "label.json"
    for f in (data_file, label_file):
        if not f.is_file():
            raise FileNotFoundError(f"EHRSQL file not found: {f}")
    data = read_json(data_file)
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise DatasetFormatError(f"{data_file}: expected {{'version', 'data': [...]}}")
    labels = read_json(label_file)
    if not isinstance(labels, dict):
        raise DatasetFormatError(f"{label_file}: expected an object id -> SQL")
    answer_file = split_dir / "answer.json"
    answers = read_json(answer_file) if answer_file.is_file() else None
    if answers is not None and not isinstance(answers, dict):
        raise DatasetFormatError(f"{answer_file}: expected an object id -> answer")
    tables = folder / "tables.json"
    context = (schema_text(tables),) if tables.is_file() else ()
    db = find_database(data_dir, db_path)
    items = []
    for j, row in enumerate(data["data"]):
        where = f"{data_file}[data][{j}]"
        if not isinstance(row, dict):
            raise DatasetFormatError(f"{where}: expected an object")
        qid, question = text(row.get("id")), text(row.get("question"))
        if not qid or not question:
            raise DatasetFormatError(f"{where}: missing 'id' or 'question'")
        if qid not in labels or not isinstance(labels[qid], str):
            raise DatasetFormatError(f"{label_file}: no SQL label for id {qid}")
        sql = labels[qid].strip()
        answerable = sql != NULL
        gold = None
        if answers is not None:
            if qid not in answers:
                raise DatasetFormatError(f"{answer_file}: no answer for id {qid}")
            gold = parse_answer(answers[qid], f"{answer_file}[{qid}]")
            if (gold is None) == answerable:
                raise DatasetFormatError(
                    f"{answer_file}[{qid}]: answer and label disagree on answerability"
                )
        items.append(
            EvalItem(
                id=qid,
                benchmark="ehrsql",
                kind="sql",
                question=question,
                gold=gold,
                context=context,
                meta={
                    "sql": sql if answerable else None,
                    "answerable": answerable,
                    "db_path": str(db) if db is not None else None,
                    "split": split,
                },
            )
        )
    return items


def load_ehrsql_for_eval(data_dir: str | Path) -> list[EvalItem]:
    """The registry's loader: the valid split, and a database is required."""
    if find_database(data_dir) is None:
        raise FileNotFoundError(
            f"EHRSQL needs its SQLite database ({DB_FILE}, built from the MIMIC-IV demo) "
            f"in {ehrsql_folder(data_dir)} or at ${DB_ENV}"
        )
    return load_ehrsql_items(data_dir)
