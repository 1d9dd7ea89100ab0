"""EHRSQL scoring by execution (Lee et al., EHRSQL 2024 shared task scoring program).

The reply is read as one SQL query (the last ```sql fenced block, else the text from
its first SELECT/WITH) or as the abstention ``null``.  The query is normalised as the
official scorer does (whitespace collapsed, "> =" -> ">=", ``current_time`` ->
'2100-12-31 23:59:00', ``<vital>_lower/_upper`` placeholders -> the task's normal
ranges, ``%y`` -> ``%Y``, ``%j`` -> ``%J``), executed READ-ONLY against the item's
SQLite database, and its result put in the official canonical form (every cell a
string, floats rounded to one decimal, rows sorted, the first 100 kept) and compared
with the gold answer rows (or the gold SQL's result when the item has no stored
answer).

Correctness follows the dataset's definition of unanswerable questions: an
answerable question is correct when the results match, an unanswerable one (label
``null``) when the reply abstains.  ``details["reliability"]`` is the shared task's
per-question reliability score: +1 correct (or correct abstention), 0 abstaining on
an answerable question, -1 a wrong answer or answering an unanswerable question.

Read-only, by the layers of the shared executor (:mod:`healthgym.tools.sql`, the one
behind every ``run_sql`` tool): the query must pass the lexical check (one
SELECT/WITH statement, no PRAGMA/ATTACH/DDL/DML keywords), the database is opened
with ``mode=ro``, ``PRAGMA query_only`` is on, and an SQLite authorizer allows only
reads and a whitelist of pure functions (here with the window functions EHRSQL's
gold SQL uses).  A time limit (progress handler) and a row cap bound the work; every
failure is an incorrect answer, never an exception.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...tools import ToolError
from ...tools.sql import ALLOWED_FUNCTIONS, WINDOW_FUNCTIONS, run_readonly_file
from ..items import EvalItem, ScoreResult
from ..loaders.ehrsql import CURRENT_TIME, NULL
from .choice import clip

TIME_LIMIT_S = 5.0
MAX_ROWS = 100_000
COMPARED_ROWS = 100
# EHRSQL's precomputed normal ranges for the vital-sign placeholders
VITAL_RANGES: dict[str, tuple[float, float]] = {
    "temperature": (35.5, 38.1),
    "sao2": (95.0, 100.0),
    "heart rate": (60.0, 100.0),
    "respiration": (12.0, 18.0),
    "systolic bp": (90.0, 120.0),
    "diastolic bp": (60.0, 90.0),
    "mean bp": (60.0, 110.0),
}
FUNCTIONS = ALLOWED_FUNCTIONS | WINDOW_FUNCTIONS
_FENCE = re.compile(r"```[ \t]*(?:sql|sqlite)?[ \t]*\n?(.*?)```", re.IGNORECASE | re.DOTALL)
_START = re.compile(r"(?:^|[\s:>`\"'])((?:SELECT|WITH)\b)", re.IGNORECASE)
_ANSWER_PREFIX = re.compile(r"^(?:final\s+)?answer\b(?:\s+is\b)?\s*[:=\-]?\s*", re.IGNORECASE)
_NEXT_STATEMENT = re.compile(
    r"\s*(?:--[^\n]*\n\s*)*(?:SELECT|WITH|INSERT|UPDATE|DELETE|REPLACE|DROP|CREATE|ALTER|"
    r"ATTACH|DETACH|PRAGMA|VACUUM|REINDEX|ANALYZE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\b([a-z0-9_]+)_(lower|upper)\b")


class SqlExecutionError(RuntimeError):
    """The query could not be run (refused, failed, too slow or too big)."""


def _is_null(line: str) -> bool:
    bare = _ANSWER_PREFIX.sub("", line.strip()).strip().strip("`'\"").strip().rstrip(";.")
    return bare.strip().lower() == NULL


def extract_sql(answer: str) -> str | None:
    """The query a reply states, ``None`` when it abstains (``null``, alone or as the
    last line, after an optional "Answer:"), ``""`` when it states neither."""
    text = clip(answer).strip()
    blocks = _FENCE.findall(text)
    if blocks:
        text = blocks[-1].strip()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and _is_null(lines[-1]):
        return None
    m = _START.search(text)
    if m is None:
        return ""
    sql = text[m.start(1) :].strip()
    return _first_statement(sql)


def _first_statement(sql: str) -> str:
    """``sql`` up to its first ";" outside string literals (all of it when none)."""
    quote = ""
    for i, ch in enumerate(sql):
        if quote:
            if ch == quote:
                quote = ""  # a doubled quote re-opens on the next character
        elif ch in "'\"":
            quote = ch
        elif ch == ";":
            if _NEXT_STATEMENT.match(sql, i + 1):
                return sql  # several statements: the whole text, which the check refuses
            return sql[: i + 1]
    return sql


def postprocess(sql: str) -> str:
    """EHRSQL 2024's query normalisation (see the module doc)."""
    q = re.sub(r"\s+", " ", sql).strip()
    q = q.replace("> =", ">=").replace("< =", "<=").replace("! =", "!=")
    q = re.sub(r"\bcurrent_time\b", f"'{CURRENT_TIME}'", q)
    names = {m.group(1) for m in _PLACEHOLDER.finditer(q)}
    kinds = {m.group(2) for m in _PLACEHOLDER.finditer(q)}
    if len(names) == 1 and kinds == {"lower", "upper"}:
        name = names.pop()
        vital = VITAL_RANGES.get(name.replace("_", " "))
        if vital is not None:
            q = re.sub(rf"\b{name}_lower\b", str(vital[0]), q)
            q = re.sub(rf"\b{name}_upper\b", str(vital[1]), q)
    return q.replace("%y", "%Y").replace("%j", "%J")


def canonical(rows: list[tuple[Any, ...]] | list[list[Any]]) -> str:
    """The official comparison form of a result (see the module doc)."""
    cells = [[str(round(c, 1)) if isinstance(c, float) else str(c) for c in r] for r in rows]
    return str(sorted(cells)[:COMPARED_ROWS])


def execute_readonly(
    db_path: str | Path, sql: str, time_limit_s: float = TIME_LIMIT_S, max_rows: int = MAX_ROWS
) -> list[tuple[Any, ...]]:
    """All rows of one checked, read-only query; :class:`SqlExecutionError` otherwise."""
    try:
        result = run_readonly_file(
            db_path, sql, time_limit_s=time_limit_s, max_rows=max_rows, functions=FUNCTIONS
        )
    except ToolError as e:
        raise SqlExecutionError(str(e)) from None
    if result.truncated:
        raise SqlExecutionError(f"the query returned more than {max_rows} rows")
    return result.rows


class SqlScorer:
    """Scores ``sql`` items (see the module doc); callable as a ``Scorer``."""

    def __init__(self, time_limit_s: float = TIME_LIMIT_S, max_rows: int = MAX_ROWS) -> None:
        self.time_limit_s = time_limit_s
        self.max_rows = max_rows
        self._gold_cache: dict[tuple[str, str], str] = {}

    def _gold(self, item: EvalItem, db: str | None) -> str:
        if item.gold is not None:
            return canonical(item.gold)
        sql = item.meta.get("sql")
        if db is None or not sql:
            raise FileNotFoundError(f"{item.uid}: no gold answer and no database to run gold SQL")
        key = (db, sql)
        if key not in self._gold_cache:
            rows = execute_readonly(db, postprocess(sql), self.time_limit_s * 4, self.max_rows)
            self._gold_cache[key] = canonical(rows)
        return self._gold_cache[key]

    def __call__(self, item: EvalItem, answer: str) -> ScoreResult:
        answerable = bool(item.meta.get("answerable", item.gold is not None))
        sql = extract_sql(answer)
        if sql is None:  # abstention
            ok = not answerable
            reliability = 1 if ok else 0
            return ScoreResult(float(ok), ok, extracted=NULL, details={"reliability": reliability})
        if not answerable:
            return ScoreResult(0.0, False, extracted=sql[:2000], details={"reliability": -1})
        db = item.meta.get("db_path")
        if not db:
            raise FileNotFoundError(
                f"{item.uid}: scoring EHRSQL needs its SQLite database (meta['db_path'])"
            )
        gold = self._gold(item, str(db))
        try:
            result = canonical(
                execute_readonly(db, postprocess(sql), self.time_limit_s, self.max_rows)
            )
        except SqlExecutionError as e:
            return ScoreResult(
                0.0, False, extracted=sql[:2000], details={"reliability": -1, "error": str(e)}
            )
        ok = result == gold
        return ScoreResult(
            float(ok),
            ok,
            extracted=sql[:2000],
            details={"reliability": 1 if ok else -1, "result": result[:2000]},
        )


score_sql = SqlScorer()
