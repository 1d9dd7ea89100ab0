"""The shared read-only SQL executor behind every ``run_sql`` tool and the EHRSQL scorer."""

from __future__ import annotations

import sqlite3

import pytest

from healthgym.tools import ToolError
from healthgym.tools.sql import (
    ALLOWED_FUNCTIONS,
    WINDOW_FUNCTIONS,
    check_query,
    run_readonly,
    run_readonly_file,
)


def _db() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE labs (id INTEGER, value REAL)")
    con.executemany("INSERT INTO labs VALUES (?, ?)", [(i, i / 2) for i in range(5)])
    return con


def test_check_query_accepts_one_select_and_refuses_the_rest():
    assert check_query("  SELECT 1;  ") == "SELECT 1"
    for query, message in (
        ("DELETE FROM labs", "only SELECT"),
        ("SELECT 1; SELECT 2", "one SQL statement"),
        ("WITH x AS (SELECT 1) DELETE FROM labs", "DELETE is not allowed"),
        ("", "empty"),
        ("SELECT '\x00'", "NUL"),
    ):
        with pytest.raises(ToolError, match=message):
            check_query(query)


def test_run_readonly_reads_records_tables_and_restores_the_connection():
    con = _db()
    read: set[str] = set()
    result = run_readonly(
        con, "SELECT id FROM labs ORDER BY id", time_limit_s=1, max_rows=3, read=read
    )
    assert result.columns == ["id"] and result.rows == [(0,), (1,), (2,)] and result.truncated
    assert read == {"labs"}
    with pytest.raises(ToolError, match="forbidden operation"):
        run_readonly(con, "SELECT randomblob(10)", time_limit_s=1, max_rows=3)
    con.execute("INSERT INTO labs VALUES (9, 9.0)")  # writable again for the other tools
    assert con.execute("PRAGMA query_only").fetchone() == (0,)


def test_window_functions_only_where_allowed(tmp_path):
    path = tmp_path / "x.sqlite"
    con = _db()
    con.commit()
    con.execute(f"VACUUM INTO '{path}'")
    query = "SELECT dense_rank() OVER (ORDER BY value) FROM labs"
    assert "dense_rank" not in ALLOWED_FUNCTIONS
    with pytest.raises(ToolError, match="forbidden operation"):
        run_readonly(con, query, time_limit_s=1, max_rows=10)
    rows = run_readonly_file(
        path, query, time_limit_s=1, max_rows=10, functions=ALLOWED_FUNCTIONS | WINDOW_FUNCTIONS
    ).rows
    assert len(rows) == 5
    with pytest.raises(FileNotFoundError):
        run_readonly_file(tmp_path / "missing.sqlite", "SELECT 1", time_limit_s=1, max_rows=1)
    with pytest.raises(ToolError, match="only SELECT"):  # checked before the file is opened
        run_readonly_file(
            tmp_path / "missing.sqlite", "DROP TABLE labs", time_limit_s=1, max_rows=1
        )
