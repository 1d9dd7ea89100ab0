"""Read-only SQL over the episode database, and a schema browser.

Defence in depth, so that no text can change the record or escape the sandbox:

1. lexical check: one statement, starting with SELECT or WITH (comments and string
   literals are skipped when looking for a second statement or a forbidden keyword:
   PRAGMA, ATTACH, DETACH, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, VACUUM,
   REINDEX, ANALYZE, BEGIN, COMMIT, ROLLBACK, SAVEPOINT);
2. an SQLite authorizer that allows only reading tables (not the pragma table-valued
   functions) and a whitelist of pure functions (no ``load_extension``, ``randomblob``,
   ``zeroblob`` ...), and denies every other action (writes, pragmas, attach,
   transactions, schema changes);
3. ``PRAGMA query_only`` for the duration of the query;
4. a time limit (a progress handler aborts after ``TIME_LIMIT_S``), a row limit
   (``MAX_ROWS``) and the connection's string-length limit.

Every failure is reported as a :class:`ToolError` with a clear message.

Both tools are ``observe``: they show rows of the record.  A successful ``run_sql``
records ``sql:<table>`` in the episode's elicitation record for every table the query
read (taken from the authorizer's read callbacks), so the score tools accept a query
of the underlying table as having shown its values.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import time
from typing import Annotated

from ...tools import MaxLen, ToolError, tool
from ...tools.elicit import elicited
from .records import EhrState
from .schema import DICTIONARY_TABLES, TABLES

MAX_ROWS = 100
MAX_CELL = 300
TIME_LIMIT_S = 1.0
MAX_QUERY = 4000
FORBIDDEN = frozenset(
    [
        "PRAGMA",
        "ATTACH",
        "DETACH",
        "INSERT",
        "UPDATE",
        "DELETE",
        "CREATE",
        "DROP",
        "ALTER",
        "VACUUM",
        "REINDEX",
        "ANALYZE",
        "BEGIN",
        "COMMIT",
        "ROLLBACK",
        "SAVEPOINT",
    ]
)
ALLOWED_FUNCTIONS = frozenset(
    [
        "abs",
        "avg",
        "count",
        "max",
        "min",
        "sum",
        "total",
        "round",
        "lower",
        "upper",
        "length",
        "substr",
        "substring",
        "trim",
        "ltrim",
        "rtrim",
        "replace",
        "instr",
        "coalesce",
        "ifnull",
        "nullif",
        "iif",
        "date",
        "time",
        "datetime",
        "julianday",
        "strftime",
        "unixepoch",
        "printf",
        "format",
        "group_concat",
        "typeof",
        "like",
        "glob",
        "cast",
        "nullif",
        "sign",
        "ceil",
        "ceiling",
        "floor",
        "trunc",
    ]
)
_TOKEN = re.compile(
    r"(?P<comment>--[^\n]*|/\*.*?(?:\*/|$))"
    r"""|(?P<string>'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?)"""
    r"|(?P<word>[A-Za-z_][A-Za-z_0-9]*)|(?P<semi>;)|(?P<other>.)",
    re.DOTALL,
)


def check_query(query: str) -> str:
    """The query with a trailing ';' removed, or a ToolError saying why it is refused."""
    if "\x00" in query:
        raise ToolError("the query contains a NUL character")
    words: list[str] = []
    tail_semicolon = False
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "comment" or (kind == "other" and m.group().isspace()):
            continue
        if tail_semicolon:
            raise ToolError("only one SQL statement is allowed per call")
        if kind == "semi":
            tail_semicolon = True
        elif kind == "word":
            words.append(m.group().upper())
    if not words:
        raise ToolError("the query is empty")
    if words[0] not in ("SELECT", "WITH"):
        raise ToolError(f"only SELECT queries are allowed (the query starts with {words[0]})")
    bad = sorted(FORBIDDEN.intersection(words))
    if bad:
        raise ToolError(f"read-only access: {', '.join(bad)} is not allowed")
    return query.strip().rstrip(";").strip()


def _authorizer(
    action: int, arg1: str | None, arg2: str | None, *_: object, read: set[str] | None = None
) -> int:
    if action == sqlite3.SQLITE_READ and read is not None and arg1:
        read.add(arg1.lower())
    if action == sqlite3.SQLITE_SELECT:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ:
        # arg1 is the table (or a recursive CTE's name); pragma table functions are refused
        pragma = (arg1 or "").lower().startswith("pragma_")
        return sqlite3.SQLITE_DENY if pragma else sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_RECURSIVE:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in ALLOWED_FUNCTIONS:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _allow_all(*_: object) -> int:
    return sqlite3.SQLITE_OK


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
    sql = check_query(query)
    db = state.db
    deadline = time.monotonic() + TIME_LIMIT_S
    db.execute("PRAGMA query_only = ON")
    db.set_authorizer(lambda *a: _authorizer(*a, read=read))
    db.set_progress_handler(lambda: int(time.monotonic() > deadline), 2000)
    try:
        cur = db.execute(sql)
        rows = cur.fetchmany(MAX_ROWS + 1)
        columns = [d[0] for d in cur.description or ()]
    except sqlite3.DatabaseError as e:
        msg = str(e)
        if "interrupted" in msg:
            raise ToolError(
                f"the query ran longer than {TIME_LIMIT_S:g} s and was stopped"
            ) from None
        if "not authorized" in msg:
            raise ToolError(
                "read-only access: the query uses a forbidden operation or function"
            ) from None
        raise ToolError(f"SQL error: {msg[:300]}") from None
    except (sqlite3.Error, sqlite3.Warning, ValueError, OverflowError, MemoryError) as e:
        raise ToolError(f"SQL error: {str(e)[:300] or type(e).__name__}") from None
    finally:
        db.set_progress_handler(None, 0)
        db.set_authorizer(None if sys.version_info >= (3, 11) else _allow_all)  # type: ignore[arg-type]
        db.execute("PRAGMA query_only = OFF")
    return columns, rows[:MAX_ROWS], len(rows) > MAX_ROWS


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
