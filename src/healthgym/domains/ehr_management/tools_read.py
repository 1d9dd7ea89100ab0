"""Chart-review tools of ehr_management (kind ``observe``): each one queries the
episode's database.

Tools return rows (and, for a trend, its direction); they never state an aggregate a
question could ask for (no maxima, counts, intervals or "first positive" summaries), so
the agent must select, compare and combine what it retrieves.

Every successful call is recorded in the episode's elicitation record
(:mod:`healthgym.tools.elicit`) under the tool's name and, for what the score tools
read, under finer keys: ``lab:<analyte>:<hadm_id>`` for each admission whose results
of an analyte were shown, ``vitals:<YYYY-MM-DD HH:MM>`` for each vital-sign set shown,
``dx:<hadm_id>`` for an admission's diagnosis codes and ``flowsheet:<hadm_id>`` for an
admission's ICU flowsheet.  The score tools (:mod:`.score_tools`) compute only from
values so shown.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...tools import MaxLen, Range, ToolError, tool
from ...tools.elicit import elicited
from .catalog import CHART_ITEMS, GCS_KEYS, LAB_ITEMS, VASOPRESSORS, VITAL_KEYS, LabItem
from .records import (
    EhrState,
    admissions,
    chart_rows,
    db_time,
    lab_rows,
    parse_time,
    require_admission,
    show,
)

LabName = Literal[tuple(LAB_ITEMS)]  # type: ignore[valid-type]
NoteCategory = Literal["Discharge summary", "Radiology", "Physician", "Progress", "Consult"]
MAX_ROWS = 200
MAX_VITAL_SETS = 48
TREND_TOLERANCE = 0.10  # relative change below which a series counts as stable (capped)


@tool(kind="observe")
def get_patient_summary(state: EhrState) -> str:
    """Return the patient's demographics, the current time and whether they are in hospital."""
    sid, gender, age, year = state.db.execute(
        "SELECT subject_id, gender, anchor_age, anchor_year FROM patients"
    ).fetchone()
    now_year = int(state.now[:4])
    text = (
        f"Patient {sid}: {'female' if gender == 'F' else 'male'}, age {age + now_year - year} "
        f"(anchor_age {age} in anchor_year {year}). Current time: {show(state.now)}. "
    )
    if state.open_hadm is None:
        return text + "Not currently in hospital."
    admit = require_admission(state.db, state.open_hadm)[1]
    return text + f"In hospital since {show(admit)} (admission {state.open_hadm}, in progress)."


@tool(kind="observe")
def list_admissions(state: EhrState) -> str:
    """List every admission (oldest first) with its ICU stays (unit, in/out times, days)."""
    lines = []
    for hadm, admit, disch, kind, where in admissions(state.db):
        end = show(disch) if disch else "in progress"
        line = f"admission {hadm}: {show(admit)} to {end}, {kind}"
        if disch:
            line += f", discharged to {where}"
        stays = state.db.execute(
            "SELECT stay_id, first_careunit, intime, outtime, los FROM icustays "
            "WHERE hadm_id = ? ORDER BY intime",
            (hadm,),
        ).fetchall()
        for stay, unit, tin, tout, los in stays:
            out = f"{show(tout)} (los {los:.2f} d)" if tout else "in progress"
            line += f"\n    ICU stay {stay}: {unit}, {show(tin)} to {out}"
        lines.append(line)
    return "\n".join(lines)


def _window(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    lo = db_time(parse_time(start, "start")) if start else None
    hi = db_time(parse_time(end, "end")) if end else None
    return lo, hi


@tool(kind="observe")
def query_labs(
    state: EhrState,
    lab: LabName,
    hadm_id: int | None = None,
    start: Annotated[str, MaxLen(20)] | None = None,
    end: Annotated[str, MaxLen(20)] | None = None,
) -> str:
    """Return one laboratory analyte's results (time, value, unit, reference range, flag).

    Args:
        lab: the analyte.
        hadm_id: restrict to one admission.
        start: earliest charttime, 'YYYY-MM-DD HH:MM'.
        end: latest charttime, 'YYYY-MM-DD HH:MM'.
    """
    if hadm_id is not None:
        require_admission(state.db, hadm_id)
    lo, hi = _window(start, end)
    item = LAB_ITEMS[lab]
    rows = lab_rows(state.db, lab, hadm_id, lo, hi)
    unit = f", {item.unit}" if item.unit else ""
    head = f"{item.label} (itemid {item.itemid}{unit}, ref {item.low:g}-{item.high:g})"
    if not rows:
        return f"{head}: no results in that range."
    elicited(state).show(*{f"lab:{lab}:{h}" for _, _, h in rows[:MAX_ROWS]})
    shown = [
        f"{show(t)}  {v:.{item.decimals}f}"
        + ("  abnormal" if v < item.low or v > item.high else "")
        + ("" if hadm_id is not None else f"  (admission {h})")
        for t, v, h in rows[:MAX_ROWS]
    ]
    more = f"\n... {len(rows) - MAX_ROWS} more rows" if len(rows) > MAX_ROWS else ""
    return head + ":\n" + "\n".join(shown) + more


def trend_tolerance(item: LabItem, first: float) -> float:
    """The smallest change that counts: 10% of the first value, but at most a quarter of
    the reference interval (so pH or sodium moves count on their own scale)."""
    return min(TREND_TOLERANCE * abs(first), 0.25 * (item.high - item.low))


def trend_direction(values: list[float], tol: float) -> str:
    """rising / falling / stable, or rose then fell / fell then rose when the extreme lies
    inside the series and both ends differ from it by more than ``tol``."""
    first, last = values[0], values[-1]
    hi = max(range(len(values)), key=lambda i: values[i])
    lo = min(range(len(values)), key=lambda i: values[i])
    if 0 < hi < len(values) - 1 and values[hi] - max(first, last) > tol:
        return "rose then fell" if values[hi] - last > tol else "rising"
    if 0 < lo < len(values) - 1 and min(first, last) - values[lo] > tol:
        return "fell then rose" if last - values[lo] > tol else "falling"
    change = last - first
    return "rising" if change > tol else "falling" if change < -tol else "stable"


@tool(kind="observe")
def lab_trend(state: EhrState, lab: LabName, hadm_id: int) -> str:
    """Return one analyte's values in an admission, in time order, with the trend direction.

    Args:
        lab: the analyte.
        hadm_id: the admission.
    """
    require_admission(state.db, hadm_id)
    item = LAB_ITEMS[lab]
    rows = lab_rows(state.db, lab, hadm_id)
    if not rows:
        return f"{item.label}: no results in admission {hadm_id}."
    elicited(state).show(f"lab:{lab}:{hadm_id}")
    values = [v for _, v, _ in rows]
    tol = trend_tolerance(item, values[0])
    direction = trend_direction(values, tol) if len(values) > 1 else "single value"
    series = ", ".join(f"{show(t)[5:]} {v:.{item.decimals}f}" for t, v, _ in rows)
    change = values[-1] - values[0]
    unit = f" ({item.unit})" if item.unit else ""
    return (
        f"{item.label}{unit} in admission {hadm_id}: {series}. "
        f"Direction: {direction}; "
        f"last minus first {change:+.{item.decimals}f}."
    )


def _vital_line(values: dict[int, float]) -> str:
    ids = {k: CHART_ITEMS[k].itemid for k in (*VITAL_KEYS, *GCS_KEYS)}

    def g(key: str) -> str:
        v = values.get(ids[key])
        return "-" if v is None else f"{v:g}"

    return (
        f"HR {g('hr')} | BP {g('sbp')}/{g('dbp')} (MAP {g('map')}) | RR {g('rr')} | "
        f"SpO2 {g('spo2')}% | Temp {g('temp_c')} C | FiO2 {g('fio2')}% | "
        f"GCS E{g('gcs_eye')} V{g('gcs_verbal')} M{g('gcs_motor')}"
    )


@tool(kind="observe")
def get_vitals(
    state: EhrState,
    charttime: Annotated[str, MaxLen(20)],
    window_hours: Annotated[float, Range(0.5, 24)] = 2.0,
) -> str:
    """Return the vital signs and GCS charted within a window around a time.

    Args:
        charttime: centre of the window, 'YYYY-MM-DD HH:MM'.
        window_hours: half-width of the window in hours.
    """
    from datetime import timedelta

    t = parse_time(charttime, "charttime")
    lo, hi = db_time(t - timedelta(hours=window_hours)), db_time(t + timedelta(hours=window_hours))
    hadms = state.db.execute(
        "SELECT DISTINCT hadm_id FROM chartevents WHERE charttime BETWEEN ? AND ?", (lo, hi)
    ).fetchall()
    if not hadms:
        return f"No vital signs charted between {show(lo)} and {show(hi)}."
    by_time: dict[str, dict[int, float]] = {}
    for (hadm,) in hadms:
        for when, itemid, value in chart_rows(state.db, (*VITAL_KEYS, *GCS_KEYS), hadm, lo, hi):
            by_time.setdefault(when, {})[itemid] = value
    shown = sorted(by_time.items())[:MAX_VITAL_SETS]
    elicited(state).show(*(f"vitals:{show(t_)}" for t_, _ in shown))
    lines = [f"{show(t_)}  {_vital_line(v)}" for t_, v in shown]
    more = len(by_time) - len(shown)
    return "\n".join(lines) + (f"\n... {more} more sets (narrow the window)" if more > 0 else "")


@tool(kind="observe")
def get_medications(
    state: EhrState, hadm_id: int, active_at: Annotated[str, MaxLen(20)] | None = None
) -> str:
    """Return an admission's medication orders (order id, drug, dose, route, start, stop).

    Args:
        hadm_id: the admission.
        active_at: only orders running at this time, 'YYYY-MM-DD HH:MM'.
    """
    require_admission(state.db, hadm_id)
    sql = (
        "SELECT poe_id, drug, dose_val_rx, dose_unit_rx, route, doses_per_24_hrs, starttime, "
        "stoptime FROM prescriptions WHERE hadm_id = ?"
    )
    args: list[object] = [hadm_id]
    if active_at:
        t = db_time(parse_time(active_at, "active_at"))
        sql += " AND starttime <= ? AND (stoptime IS NULL OR stoptime > ?)"
        args += [t, t]
    rows = state.db.execute(sql + " ORDER BY starttime, poe_id", args).fetchall()
    if not rows:
        return "No medication orders match."
    lines = []
    for poe, drug, dose, unit, route, per_day, start, stop in rows:
        freq = "continuous" if not per_day else f"{per_day:g}x/day"
        end = show(stop) if stop else "active"
        lines.append(f"{poe}: {drug} {dose} {unit} {route} {freq}, {show(start)} to {end}")
    return "\n".join(lines)


@tool(kind="observe")
def get_home_medications(state: EhrState, hadm_id: int) -> str:
    """Return the home medication list reconciled when the patient arrived for an admission.

    Args:
        hadm_id: the admission.
    """
    require_admission(state.db, hadm_id)
    rows = state.db.execute(
        "SELECT charttime, name, dose, frequency FROM medrecon WHERE hadm_id = ? ORDER BY name",
        (hadm_id,),
    ).fetchall()
    if not rows:
        return "No home medications recorded."
    return f"Reconciled {show(rows[0][0])}: " + "; ".join(f"{n} {d} {f}" for _, n, d, f in rows)


@tool(kind="observe")
def get_microbiology(state: EhrState, hadm_id: int | None = None) -> str:
    """Return culture specimens with collection time and result (organism or no growth).

    Args:
        hadm_id: restrict to one admission (all admissions when omitted).
    """
    sql = "SELECT charttime, spec_type_desc, test_name, org_name, hadm_id FROM microbiologyevents"
    args: tuple = ()
    if hadm_id is not None:
        require_admission(state.db, hadm_id)
        sql, args = sql + " WHERE hadm_id = ?", (hadm_id,)
    rows = state.db.execute(sql + " ORDER BY charttime, microevent_id", args).fetchall()
    if not rows:
        return "No cultures recorded."
    return "\n".join(
        f"{show(t)} admission {h}: {spec} ({test}): {org or 'no growth'}"
        for t, spec, test, org, h in rows
    )


def _coded(state: EhrState, table: str, dictionary: str, hadm_id: int) -> str:
    require_admission(state.db, hadm_id)
    rows = state.db.execute(
        f"SELECT x.seq_num, x.icd_code, d.long_title FROM {table} x LEFT JOIN {dictionary} d "
        "ON d.icd_code = x.icd_code WHERE x.hadm_id = ? ORDER BY x.seq_num",
        (hadm_id,),
    ).fetchall()
    if not rows:
        if hadm_id == state.open_hadm:
            return "Not coded yet: codes are assigned after discharge."
        return "None recorded."
    return "\n".join(f"{seq}. {code}: {title}" for seq, code, title in rows)


@tool(kind="observe")
def get_diagnoses(state: EhrState, hadm_id: int) -> str:
    """Return an admission's ICD-10-CM diagnosis codes with their descriptions.

    Args:
        hadm_id: the admission.
    """
    out = _coded(state, "diagnoses_icd", "d_icd_diagnoses", hadm_id)
    elicited(state).show(f"dx:{hadm_id}")
    return out


@tool(kind="observe")
def get_procedures(state: EhrState, hadm_id: int) -> str:
    """Return an admission's ICD-10-PCS procedure codes with their descriptions.

    Args:
        hadm_id: the admission.
    """
    return _coded(state, "procedures_icd", "d_icd_procedures", hadm_id)


@tool(kind="observe")
def get_notes(state: EhrState, hadm_id: int, category: NoteCategory | None = None) -> str:
    """Return an admission's clinical notes (discharge summary, radiology, physician notes).

    Args:
        hadm_id: the admission.
        category: only notes of this category.
    """
    require_admission(state.db, hadm_id)
    sql = "SELECT note_id, charttime, category, text FROM noteevents WHERE hadm_id = ?"
    args: list[object] = [hadm_id]
    if category:
        sql += " AND category = ?"
        args.append(category)
    rows = state.db.execute(sql + " ORDER BY charttime, note_id", args).fetchall()
    if not rows:
        return "No notes."
    return "\n\n".join(f"[note {n}, {c}, {show(t)}]\n{x[:3000]}" for n, t, c, x in rows)


@tool(kind="observe")
def get_ed_visits(state: EhrState) -> str:
    """List every emergency-department visit (arrival, departure, disposition, and the
    admission it led to, if any)."""
    rows = state.db.execute(
        "SELECT intime, outtime, disposition, hadm_id FROM edstays ORDER BY intime"
    ).fetchall()
    if not rows:
        return "No emergency-department visits recorded."
    return "\n".join(
        f"ED visit {show(tin)} to {show(tout)}: {where}"
        + (f" (admission {hadm})" if hadm is not None else "")
        for tin, tout, where, hadm in rows
    )


@tool(kind="observe")
def get_icu_flowsheet(state: EhrState, hadm_id: int) -> str:
    """Return an admission's ICU flowsheet: admission weight, vasopressor infusions
    (rate in mcg/kg/min, start, stop), ventilator-mode entries and urine output rows.

    Args:
        hadm_id: the admission.
    """
    require_admission(state.db, hadm_id)
    elicited(state).show(f"flowsheet:{hadm_id}")
    weight = state.db.execute(
        "SELECT charttime, valuenum FROM chartevents WHERE hadm_id = ? AND itemid = ?",
        (hadm_id, CHART_ITEMS["weight"].itemid),
    ).fetchone()
    lines = [
        f"Admission weight: {weight[1]:g} kg ({show(weight[0])})."
        if weight
        else "Admission weight: not recorded."
    ]
    names = {CHART_ITEMS[k].itemid: CHART_ITEMS[k].label for k in VASOPRESSORS}
    marks = ", ".join("?" * len(names))
    infusions = state.db.execute(
        f"SELECT starttime, endtime, itemid, rate FROM inputevents WHERE hadm_id = ? "
        f"AND itemid IN ({marks}) ORDER BY starttime",
        (hadm_id, *names),
    ).fetchall()
    lines.append("Vasopressor infusions (mcg/kg/min):")
    lines += [
        f"  {names[i]} {rate:g}, {show(a)} to {show(b) if b else 'running'}"
        for a, b, i, rate in infusions
    ] or ["  none"]
    vent = chart_rows(state.db, ("vent_mode",), hadm_id, "0000", "9999")
    lines.append(
        "Ventilator mode entries: " + (", ".join(show(t) for t, _, _ in vent) if vent else "none")
    )
    urine = state.db.execute(
        "SELECT charttime, value FROM outputevents WHERE hadm_id = ? ORDER BY charttime",
        (hadm_id,),
    ).fetchall()
    lines.append("Urine output (mL):")
    lines += [f"  {show(t)}  {v:g}" for t, v in urine[:MAX_ROWS]] or ["  none charted"]
    if len(urine) > MAX_ROWS:
        lines.append(f"  ... {len(urine) - MAX_ROWS} more rows")
    return "\n".join(lines)


READ_TOOLS = [
    get_patient_summary,
    list_admissions,
    query_labs,
    lab_trend,
    get_vitals,
    get_medications,
    get_home_medications,
    get_microbiology,
    get_diagnoses,
    get_procedures,
    get_notes,
    get_ed_visits,
    get_icu_flowsheet,
]
__all__ = ["READ_TOOLS", "ToolError", "trend_direction", "trend_tolerance"]
