"""Episode state of ehr_management and the queries tools, tasks and grader share.

The state is an in-memory SQLite database built at reset from the task's hidden rows,
the episode clock (``now``), and a log of the scores the agent computed.  It holds no
question, answer or grader field: tools can only compute from the record.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ...tasks import Task
from ...tools import ToolError
from .catalog import CHART_ITEMS, LAB_ITEMS
from .schema import database_for

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_TIME_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")


@dataclass
class EhrState:
    db: sqlite3.Connection
    subject_id: int
    now: str
    open_hadm: int | None
    initial_orders: frozenset[str]
    initial_notes: frozenset[int]
    # (score, the time point or admission it was computed for, value)
    score_log: list[tuple[str, str, float]] = field(default_factory=list)

    @classmethod
    def from_hidden(cls, hidden: dict[str, Any]) -> EhrState:
        db = database_for(hidden["tables"])
        subject = db.execute("SELECT subject_id FROM patients").fetchone()[0]
        row = db.execute("SELECT hadm_id FROM admissions WHERE dischtime IS NULL").fetchone()
        orders = frozenset(r[0] for r in db.execute("SELECT poe_id FROM poe"))
        notes = frozenset(r[0] for r in db.execute("SELECT note_id FROM noteevents"))
        return cls(db, subject, hidden["now"], row[0] if row else None, orders, notes)

    def scores(self, name: str) -> list[float]:
        return [v for n, _, v in self.score_log if n == name]


# ------------------------------------------------------------------------- time


def parse_time(text: str, what: str = "time") -> datetime:
    """'YYYY-MM-DD HH:MM[:SS]' (or with 'T'); a bare date means 00:00."""
    m = _TIME_RE.match(text or "")
    if not m:
        raise ToolError(f"{what} must look like 'YYYY-MM-DD HH:MM', got {text[:40]!r}")
    y, mo, d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    try:
        return datetime(y, mo, d, h, mi, s)
    except ValueError as e:
        raise ToolError(f"{what} {text[:40]!r} is not a valid date/time ({e})") from None


def show(ts: str | None) -> str:
    """A stored timestamp as 'YYYY-MM-DD HH:MM'."""
    return ts[:16] if ts else "-"


def db_time(t: datetime) -> str:
    return t.strftime(TIME_FORMAT)


def hours_between(a: str, b: str) -> float:
    return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 3600


def minus_months(t: datetime, months: int) -> datetime:
    """Same day-of-month ``months`` calendar months earlier (clamped to the month's end)."""
    year, month = divmod(t.month - 1 - months, 12)
    day = t.day
    while True:
        try:
            return t.replace(year=t.year + year, month=month + 1, day=day)
        except ValueError:
            day -= 1


# ---------------------------------------------------------------------- queries


def admissions(db: sqlite3.Connection) -> list[sqlite3.Row | tuple]:
    """(hadm_id, admittime, dischtime, admission_type, discharge_location), oldest first."""
    return db.execute(
        "SELECT hadm_id, admittime, dischtime, admission_type, discharge_location "
        "FROM admissions ORDER BY admittime"
    ).fetchall()


def require_admission(db: sqlite3.Connection, hadm_id: int) -> tuple:
    row = db.execute(
        "SELECT hadm_id, admittime, dischtime, admission_type FROM admissions WHERE hadm_id = ?",
        (hadm_id,),
    ).fetchone()
    if row is None:
        known = ", ".join(str(a[0]) for a in admissions(db))
        raise ToolError(f"no admission {hadm_id} for this patient; admissions: {known}")
    return row


def admission_at(state: EhrState, t: datetime) -> tuple:
    """The admission in progress at ``t`` (hadm_id, admittime, dischtime, type)."""
    if t > datetime.fromisoformat(state.now):
        raise ToolError(f"{db_time(t)[:16]} is after the current time {state.now[:16]}")
    row = state.db.execute(
        "SELECT hadm_id, admittime, dischtime, admission_type FROM admissions "
        "WHERE admittime <= ? AND (dischtime IS NULL OR dischtime >= ?)",
        (db_time(t), db_time(t)),
    ).fetchone()
    if row is None:
        raise ToolError(f"the patient was not in hospital at {db_time(t)[:16]}")
    return row


def lab_rows(
    db: sqlite3.Connection,
    key: str,
    hadm_id: int | None = None,
    start: str | None = None,
    end: str | None = None,
) -> list[tuple[str, float, int]]:
    """(charttime, valuenum, hadm_id) of one analyte, oldest first."""
    sql = "SELECT charttime, valuenum, hadm_id FROM labevents WHERE itemid = ?"
    args: list[Any] = [LAB_ITEMS[key].itemid]
    if hadm_id is not None:
        sql += " AND hadm_id = ?"
        args.append(hadm_id)
    if start is not None:
        sql += " AND charttime >= ?"
        args.append(start)
    if end is not None:
        sql += " AND charttime <= ?"
        args.append(end)
    return db.execute(sql + " ORDER BY charttime", args).fetchall()


def chart_rows(
    db: sqlite3.Connection, keys: tuple[str, ...], hadm_id: int, start: str, end: str
) -> list[tuple[str, int, float]]:
    """(charttime, itemid, valuenum) of chart items in [start, end] of one admission."""
    ids = [CHART_ITEMS[k].itemid for k in keys]
    marks = ", ".join("?" * len(ids))
    return db.execute(
        f"SELECT charttime, itemid, valuenum FROM chartevents WHERE hadm_id = ? "
        f"AND itemid IN ({marks}) AND charttime >= ? AND charttime <= ? ORDER BY charttime",
        [hadm_id, *ids, start, end],
    ).fetchall()


def latest_chart(
    db: sqlite3.Connection, keys: tuple[str, ...], hadm_id: int, t: datetime, hours: float = 12
) -> dict[str, tuple[str, float]]:
    """The latest value of each chart item at or before ``t`` (looking back ``hours``)."""
    start = db_time(t - timedelta(hours=hours))
    by_id = {CHART_ITEMS[k].itemid: k for k in keys}
    out: dict[str, tuple[str, float]] = {}
    for when, itemid, value in chart_rows(db, keys, hadm_id, start, db_time(t)):
        out[by_id[itemid]] = (when, value)
    return out


def active_orders(db: sqlite3.Connection, hadm_id: int, t: str) -> list[tuple]:
    """Prescriptions running at ``t``: starttime <= t < stoptime (NULL = still running).

    Returns (poe_id, drug, dose_val_rx, dose_unit_rx, route, starttime, stoptime).
    """
    return db.execute(
        "SELECT poe_id, drug, dose_val_rx, dose_unit_rx, route, starttime, stoptime "
        "FROM prescriptions WHERE hadm_id = ? AND starttime <= ? "
        "AND (stoptime IS NULL OR stoptime > ?) ORDER BY starttime, poe_id",
        (hadm_id, t, t),
    ).fetchall()


def new_state(task: Task) -> EhrState:
    """The episode state: the task's record loaded into a fresh in-memory database."""
    return EhrState.from_hidden(task.hidden)
