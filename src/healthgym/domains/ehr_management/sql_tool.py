"""Read-only SQL over the episode database, and a schema browser.

``run_sql`` runs the query through the shared read-only executor
(:func:`healthgym.tools.sql.run_readonly`: a lexical check, an SQLite authorizer that
allows only reads and a whitelist of pure functions, ``PRAGMA query_only``, a time and a
row limit), here with a limit of ``TIME_LIMIT_S`` seconds and ``MAX_ROWS`` rows.

Every failure is reported as a :class:`ToolError` with a clear message.

Both tools are ``observe``: they show rows of the record.  A successful ``run_sql``
records ``sql:<table>`` in the episode's elicitation record for every table the query
read (taken from the authorizer's read callbacks), so the score tools accept a query
of the underlying table as having shown its values.
"""

from __future__ import annotations

from typing import Annotated

from ...tools import MaxLen, ToolError, tool
from ...tools.elicit import elicited
from ...tools.sql import run_readonly
from .records import EhrState
from .schema import DICTIONARY_TABLES, TABLES

MAX_ROWS = 100
MAX_CELL = 300
TIME_LIMIT_S = 1.0
MAX_QUERY = 4000


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 3] + "..."


def execute_readonly(
    state: EhrState, query: str, read: set[str] | None = None
) -> tuple[list[str], list[tuple], bool]:
    """Run a checked query; (column names, rows, truncated).  The names of the tables
    the query reads are added to ``read`` when given."""
    result = run_readonly(state.db, query, time_limit_s=TIME_LIMIT_S, max_rows=MAX_ROWS, read=read)
    return result.columns, result.rows, result.truncated


@tool(kind="observe")
def run_sql(state: EhrState, query: Annotated[str, MaxLen(MAX_QUERY)]) -> str:
    """Run one read-only SQL SELECT on the patient's MIMIC-IV-style database.

    At most 100 rows come back; the query is stopped after 1 second.
    Use describe_schema to see the tables and columns.

    Args:
        query: a single SELECT (or WITH ... SELECT) statement in SQLite syntax.
    """
    read: set[str] = set()
    try:
        columns, rows, truncated = execute_readonly(state, query, read)
    except ToolError:
        raise
    except Exception as e:  # anything unexpected is still a clear, contained error
        raise ToolError(f"the query failed ({type(e).__name__})") from None
    elicited(state).show(*(f"sql:{t}" for t in read if t in TABLES))
    if not columns:
        return "The query returned no columns."
    lines = [" | ".join(columns)] + [" | ".join(_cell(v) for v in r) for r in rows]
    note = f"\n({MAX_ROWS} rows shown; more were cut)" if truncated else f"\n({len(rows)} rows)"
    return "\n".join(lines) + note


@tool(kind="observe")
def describe_schema(state: EhrState, table: Annotated[str, MaxLen(40)] | None = None) -> str:
    """List the database's tables and columns (or one table's columns and a sample row).

    Args:
        table: a table name to describe in detail.
    """
    all_tables = {**TABLES, **DICTIONARY_TABLES}
    if not table:
        return "\n".join(f"{n}({', '.join(c)})" for n, c in all_tables.items())
    name = table.strip().lower()
    if name not in all_tables:
        raise ToolError(f"no table {table[:40]!r}; tables: {', '.join(all_tables)}")
    count = state.db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
    sample = state.db.execute(f"SELECT * FROM {name} LIMIT 1").fetchone()
    shown = ", ".join(
        f"{c}={_cell(v)}" for c, v in zip(all_tables[name], sample or (), strict=False)
    )
    return f"{name}({', '.join(all_tables[name])}): {count} rows. Example: {shown or 'none'}"


SQL_TOOLS = [run_sql, describe_schema]
