"""Read-only SQLite: the one checker and executor behind every ``run_sql`` tool.

The EHR domain's ``run_sql`` (over the episode's in-memory record) and the evaluation
harness (EHRSQL scoring and the agentic ``run_sql`` over the user's database file) run
queries through :func:`run_readonly`. Defence in depth, so that no text can change a
database or escape the sandbox:

1. lexical check (:func:`check_query`): one statement, starting with SELECT or WITH
   (comments and string literals are skipped when looking for a second statement or a
   forbidden keyword: PRAGMA, ATTACH, DETACH, INSERT, UPDATE, DELETE, CREATE, DROP,
   ALTER, VACUUM, REINDEX, ANALYZE, BEGIN, COMMIT, ROLLBACK, SAVEPOINT);
2. an SQLite authorizer that allows only reading tables (not the pragma table-valued
   functions) and a whitelist of pure functions (no ``load_extension``,
   ``randomblob``, ``zeroblob`` ...), and denies every other action (writes, pragmas,
   attach, transactions, schema changes);
3. ``PRAGMA query_only`` for the duration of the query (and, for a file,
   :func:`open_readonly` opens it with ``mode=ro``);
4. a time limit (a progress handler aborts the query), a row limit and the
   connection's string-length limit.

Every refusal or failure is a :class:`~healthgym.tools.errors.ToolError` with a clear
message.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ToolError

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
# window functions (EHRSQL's gold SQL ranks with dense_rank / percent_rank)
WINDOW_FUNCTIONS = frozenset(
    {
        "row_number",
        "rank",
        "dense_rank",
        "percent_rank",
        "cume_dist",
        "ntile",
        "lag",
        "lead",
        "first_value",
        "last_value",
        "nth_value",
    }
)
PROGRESS_STEPS = 1000  # SQLite virtual-machine steps between two time-limit checks
_TOKEN = re.compile(
    r"(?P<comment>--[^\n]*|/\*.*?(?:\*/|$))"
    r"""|(?P<string>'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?)"""
    r"|(?P<word>[A-Za-z_][A-Za-z_0-9]*)|(?P<semi>;)|(?P<other>.)",
    re.DOTALL,
)


@dataclass(frozen=True)
class SqlResult:
    """What a query returned: its column names, at most ``max_rows`` rows, and whether
    more rows were cut."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


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


def authorizer(
    functions: frozenset[str] = ALLOWED_FUNCTIONS, read: set[str] | None = None
) -> Callable[..., int]:
    """An SQLite authorizer that allows reads and the pure ``functions`` only; the names
    of the tables a query reads are added to ``read`` when given."""

    def authorize(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and read is not None and arg1:
            read.add(arg1.lower())
        if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_RECURSIVE):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_READ:
            # arg1 is the table (or a recursive CTE's name); pragma table functions are refused
            pragma = (arg1 or "").lower().startswith("pragma_")
            return sqlite3.SQLITE_DENY if pragma else sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in functions:
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    return authorize


def _allow_all(*_: object) -> int:
    return sqlite3.SQLITE_OK


def run_readonly(
    con: sqlite3.Connection,
    query: str,
    *,
    time_limit_s: float,
    max_rows: int,
    functions: frozenset[str] = ALLOWED_FUNCTIONS,
    read: set[str] | None = None,
) -> SqlResult:
    """Run one checked query on ``con`` read-only (see the module doc); the connection's
    authorizer, progress handler and ``query_only`` are restored afterwards, so an open
    connection (an episode's record) stays writable by other tools. The names of the
    tables the query reads are added to ``read`` when given."""
    sql = check_query(query)
    deadline = time.monotonic() + time_limit_s
    con.execute("PRAGMA query_only = ON")
    con.set_authorizer(authorizer(functions, read))
    con.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
    try:
        cur = con.execute(sql)
        rows = cur.fetchmany(max_rows + 1)
        columns = [d[0] for d in cur.description or ()]
    except sqlite3.DatabaseError as e:
        msg = str(e)
        if "interrupted" in msg:
            raise ToolError(
                f"the query ran longer than {time_limit_s:g} s and was stopped"
            ) from None
        if "not authorized" in msg:
            raise ToolError(
                "read-only access: the query uses a forbidden operation or function"
            ) from None
        raise ToolError(f"SQL error: {msg[:300]}") from None
    except (
        sqlite3.Error,
        sqlite3.Warning,
        ValueError,
        OverflowError,
        MemoryError,
        RecursionError,
    ) as e:
        raise ToolError(f"SQL error: {str(e)[:300] or type(e).__name__}") from None
    finally:
        con.set_progress_handler(None, 0)
        con.set_authorizer(None if sys.version_info >= (3, 11) else _allow_all)  # type: ignore[arg-type]
        con.execute("PRAGMA query_only = OFF")
    return SqlResult(columns, rows[:max_rows], len(rows) > max_rows)


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only (``mode=ro``) connection to the SQLite file at ``path``; text that is
    not valid UTF-8 is read with the bad bytes dropped."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"SQLite database not found: {p}")
    con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    con.text_factory = lambda b: b.decode(errors="ignore")
    return con


def run_readonly_file(
    path: str | Path,
    query: str,
    *,
    time_limit_s: float,
    max_rows: int,
    functions: frozenset[str] = ALLOWED_FUNCTIONS,
) -> SqlResult:
    """:func:`run_readonly` on the SQLite file at ``path`` (opened read-only for this
    query). The query is checked before the file is opened."""
    check_query(query)
    con = open_readonly(path)
    try:
        return run_readonly(
            con, query, time_limit_s=time_limit_s, max_rows=max_rows, functions=functions
        )
    finally:
        con.close()
