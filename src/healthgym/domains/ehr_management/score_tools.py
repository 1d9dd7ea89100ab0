"""Score tools: SOFA, NEWS2, qSOFA, KDIGO AKI stage and LACE from the raw rows.

Each tool gathers its inputs from the episode database at the time point (or for the
admission) the agent names, passes them to the cited score function in
:mod:`healthgym.clinical.scores`, records the value in the episode's score log and
returns the inputs and per-component points - never a risk band or an interpretation,
which the agent must apply itself.  Conventions for taking inputs from a record:

* SOFA (Vincent JL et al. Intensive Care Med 1996;22:707-710: the worst value of each
  variable) uses the worst value in the 24 hours ending at the time point; a laboratory
  variable with no value in that window carries the admission's last earlier value
  forward; PaO2 is paired with the FiO2 charted last before the gas; urine output is
  the 24-hour total when the whole window lies in an ICU stay (else creatinine alone);
  respiratory support = a ventilator mode charted in the window.
* NEWS2 and qSOFA use the last vital-sign set charted at or before the time point (within
  12 hours); supplemental oxygen = FiO2 above 21 %, and consciousness "CVPU"/altered
  mentation = total GCS below 15 (RCP NEWS2 2017; Seymour CW et al. JAMA 2016).
* KDIGO (KDIGO AKI guideline 2012, 2.1.1-2.1.2): current creatinine = last value at or
  before the time point; baseline = the lowest of the values in the 7 days before it and
  the last value before this admission within a year (a pre-admission value as the
  reference for community-acquired AKI: Siew ED, Matheny ME. Choice of reference serum
  creatinine in defining acute kidney injury. Nephron 2015;131:107-112); the 48-hour
  rise = current minus the lowest value in the preceding 48 hours; urine output rates over
  6, 12 and 24 hours (windows wholly inside an ICU stay) per kg of admission weight; the
  stage is the highest any criterion reaches.
* LACE (van Walraven C et al. CMAJ 2010;182:551-557): L = calendar days from admission
  to discharge date; A = emergency or urgent admission; C = LACE-weighted conditions coded
  in this or earlier admissions (:mod:`.comorbidity`); E = ED visits in the 6 calendar
  months before admission, not counting the visit that led to it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from ...clinical.scores import ScoreResult, news2, qsofa, sofa
from ...clinical.scores.more import MORE_SCORES
from ...tools import MaxLen, ToolError, tool
from .catalog import CHART_ITEMS, GCS_KEYS, LAB_ITEMS, VASOPRESSORS
from .comorbidity import lace_conditions
from .records import (
    EhrState,
    admission_at,
    chart_rows,
    db_time,
    lab_rows,
    latest_chart,
    minus_months,
    parse_time,
    require_admission,
    show,
)

kdigo_aki_stage = MORE_SCORES["kdigo_aki_stage"]
lace_index = MORE_SCORES["lace_index"]
ACUTE_TYPES = ("EW EMER.", "URGENT", "DIRECT EMER.")
Charttime = Annotated[str, MaxLen(20)]


def _worst_lab(
    state: EhrState, key: str, hadm: int, start: str, end: str, worst: type = max
) -> tuple[str, float]:
    rows = lab_rows(state.db, key, hadm, start, end)
    if not rows:
        rows = lab_rows(state.db, key, hadm, None, end)[-1:]
    if not rows:
        raise ToolError(f"no {LAB_ITEMS[key].label} result in this admission before {show(end)}")
    when, value, _ = worst(rows, key=lambda r: r[1])
    return when, value


def _gcs_totals(state: EhrState, hadm: int, start: str, end: str) -> dict[str, float]:
    totals: dict[str, float] = {}
    for when, _, value in chart_rows(state.db, GCS_KEYS, hadm, start, end):
        totals[when] = totals.get(when, 0) + value
    return totals


def _time_and_admission(state: EhrState, charttime: str) -> tuple[datetime, int]:
    t = parse_time(charttime, "charttime")
    return t, admission_at(state, t)[0]


def _icu_window(state: EhrState, hadm: int, start: str, end: str) -> bool:
    row = state.db.execute(
        "SELECT 1 FROM icustays WHERE hadm_id = ? AND intime <= ? AND (outtime IS NULL "
        "OR outtime >= ?)",
        (hadm, start, end),
    ).fetchone()
    return row is not None


@tool
def calculate_sofa(state: EhrState, charttime: Charttime) -> str:
    """Compute the SOFA score from the worst values in the 24 hours ending at a time.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    t, hadm = _time_and_admission(state, charttime)
    end, start = db_time(t), db_time(t - timedelta(hours=24))
    ratios = []
    for when, po2, _ in (
        lab_rows(state.db, "po2", hadm, start, end)
        or lab_rows(state.db, "po2", hadm, None, end)[-1:]
    ):
        fio2 = latest_chart(state.db, ("fio2",), hadm, datetime.fromisoformat(when), 12)
        ratios.append((po2 / (fio2["fio2"][1] / 100 if fio2 else 0.21), po2, fio2))
    if not ratios:
        raise ToolError("no arterial blood gas (pO2) in this admission before that time")
    ratio, po2, fio2 = min(ratios, key=lambda x: x[0])
    frac = fio2["fio2"][1] / 100 if fio2 else 0.21
    vent = state.db.execute(
        "SELECT 1 FROM chartevents WHERE hadm_id = ? AND itemid = ? AND charttime BETWEEN ? AND ?",
        (hadm, CHART_ITEMS["vent_mode"].itemid, start, end),
    ).fetchone()
    _, plt = _worst_lab(state, "platelets", hadm, start, end, min)
    _, bili = _worst_lab(state, "bilirubin_total", hadm, start, end)
    _, creat = _worst_lab(state, "creatinine", hadm, start, end)
    gcs = _gcs_totals(state, hadm, start, end)
    maps = [v for _, _, v in chart_rows(state.db, ("map",), hadm, start, end)]
    if not gcs or not maps:
        raise ToolError("no GCS or mean arterial pressure charted in the 24 hours before then")
    doses = {}
    for drug in VASOPRESSORS:
        row = state.db.execute(
            "SELECT MAX(rate) FROM inputevents WHERE hadm_id = ? AND itemid = ? AND "
            "starttime < ? AND (endtime IS NULL OR endtime > ?)",
            (hadm, CHART_ITEMS[drug].itemid, end, start),
        ).fetchone()
        doses[drug] = float(row[0] or 0.0)
    urine = None
    if _icu_window(state, hadm, start, end):
        urine = state.db.execute(
            "SELECT COALESCE(SUM(value), 0) FROM outputevents WHERE hadm_id = ? AND "
            "charttime > ? AND charttime <= ?",
            (hadm, start, end),
        ).fetchone()[0]
    result = sofa(
        pao2_mmhg=po2,
        fio2=max(frac, 0.21),
        respiratory_support=vent is not None,
        platelets=plt,
        gcs=int(min(gcs.values())),
        bilirubin_mg_dl=bili,
        creatinine_mg_dl=creat,
        map_mmhg=min(maps),
        urine_output_ml_day=urine,
        **doses,
    )
    state.score_log.append(("sofa", end, float(result.value)))
    c = result.components
    pressors = ", ".join(f"{k} {v:g}" for k, v in doses.items() if v) or "none"
    uo = f"; urine {urine:g} mL/24 h" if urine is not None else ""
    return (
        f"SOFA at {show(end)} (worst values since {show(start)}): "
        f"respiration {c['respiration']:g} (PaO2 {po2:g} / FiO2 {frac:.2f} = {ratio:.0f}, "
        f"{'with' if vent else 'without'} respiratory support); coagulation "
        f"{c['coagulation']:g} (platelets {plt:g}); liver {c['liver']:g} (bilirubin {bili:g}); "
        f"cardiovascular {c['cardiovascular']:g} (MAP {min(maps):g}, vasopressors mcg/kg/min: "
        f"{pressors}); cns {c['cns']:g} (GCS {min(gcs.values()):g}); renal {c['renal']:g} "
        f"(creatinine {creat:g}{uo}). Total {result.value:g}."
    )


_VITALS = ("rr", "spo2", "fio2", "sbp", "hr", "temp_c", *GCS_KEYS)


def _vital_set(state: EhrState, charttime: str) -> tuple[str, dict[str, float]]:
    t, hadm = _time_and_admission(state, charttime)
    latest = latest_chart(state.db, _VITALS, hadm, t, 12)
    missing = [k for k in _VITALS if k not in latest]
    if missing:
        raise ToolError(f"no complete vital-sign set in the 12 hours before {show(db_time(t))}")
    when = max(w for w, _ in latest.values())
    return when, {k: v for k, (_, v) in latest.items()}


def news2_result(state: EhrState, charttime: str) -> tuple[str, dict[str, float], ScoreResult]:
    """NEWS2 from the last vital-sign set at or before ``charttime``: (set time, inputs,
    result)."""
    when, v = _vital_set(state, charttime)
    gcs = v["gcs_eye"] + v["gcs_verbal"] + v["gcs_motor"]
    result = news2(
        respiratory_rate=v["rr"],
        spo2=v["spo2"],
        on_supplemental_oxygen=v["fio2"] > 21,
        sbp=v["sbp"],
        heart_rate=v["hr"],
        consciousness="alert" if gcs >= 15 else "cvpu",
        temperature_c=v["temp_c"],
    )
    return when, {**v, "gcs": gcs}, result


@tool
def calculate_news2(state: EhrState, charttime: Charttime) -> str:
    """Compute NEWS2 (SpO2 scale 1) from the last vital signs charted at or before a time.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    when, v, result = news2_result(state, charttime)
    state.score_log.append(("news2", when, float(result.value)))
    parts = ", ".join(f"{k} {p:g}" for k, p in result.components.items())
    return (
        f"NEWS2 from the vital signs charted {show(when)} (RR {v['rr']:g}, SpO2 {v['spo2']:g}%, "
        f"FiO2 {v['fio2']:g}%, SBP {v['sbp']:g}, HR {v['hr']:g}, GCS {v['gcs']:g}, temp "
        f"{v['temp_c']:g} C): {parts}. Total {result.value:g}."
    )


@tool
def calculate_qsofa(state: EhrState, charttime: Charttime) -> str:
    """Compute qSOFA from the last vital signs charted at or before a time.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    when, v = _vital_set(state, charttime)
    gcs = v["gcs_eye"] + v["gcs_verbal"] + v["gcs_motor"]
    result = qsofa(respiratory_rate=v["rr"], sbp=v["sbp"], altered_mentation=gcs < 15)
    state.score_log.append(("qsofa", when, float(result.value)))
    parts = ", ".join(f"{k} {p:g}" for k, p in result.components.items())
    return (
        f"qSOFA from the vital signs charted {show(when)} (RR {v['rr']:g}, SBP {v['sbp']:g}, "
        f"GCS {gcs:g}): {parts}. Total {result.value:g}."
    )


def _urine_rates(state: EhrState, hadm: int, t: datetime) -> list[tuple[float, float]]:
    weight = state.db.execute(
        "SELECT valuenum FROM chartevents WHERE hadm_id = ? AND itemid = ?",
        (hadm, CHART_ITEMS["weight"].itemid),
    ).fetchone()
    rates = []
    for hours in (6, 12, 24):
        start = db_time(t - timedelta(hours=hours))
        if weight is None or not _icu_window(state, hadm, start, db_time(t)):
            continue
        total = state.db.execute(
            "SELECT SUM(value) FROM outputevents WHERE hadm_id = ? AND charttime > ? "
            "AND charttime <= ?",
            (hadm, start, db_time(t)),
        ).fetchone()[0]
        if total is not None:
            rates.append((round(total / weight[0] / hours, 3), float(hours)))
    return rates


@tool
def calculate_kdigo_stage(state: EhrState, charttime: Charttime) -> str:
    """Compute the KDIGO acute kidney injury stage at a time from creatinine and urine output.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    t, hadm = _time_and_admission(state, charttime)
    end = db_time(t)
    recent = lab_rows(state.db, "creatinine", None, db_time(t - timedelta(days=7)), end)
    if not recent:
        raise ToolError(f"no creatinine in the 7 days before {show(end)}")
    when, current, _ = recent[-1]
    admit = admission_at(state, t)[1]
    year_before = db_time(datetime.fromisoformat(admit) - timedelta(days=365))
    prior = lab_rows(state.db, "creatinine", None, year_before, admit)[-1:]
    baseline = min(v for _, v, _ in recent + prior)
    last_48 = [v for w, v, _ in recent if w >= db_time(t - timedelta(hours=48))]
    rise = current - min(last_48)
    rates = _urine_rates(state, hadm, t) or [(None, 0.0)]
    results = [
        kdigo_aki_stage(
            baseline_creatinine_mg_dl=baseline,
            current_creatinine_mg_dl=current,
            creatinine_rise_48h_mg_dl=rise,
            rrt_initiated=False,
            urine_output_ml_kg_h=rate,
            urine_output_hours=hours,
        )
        for rate, hours in rates
    ]
    stage = max(float(r.value) for r in results)
    by_urine = max(r.components["stage_by_urine_output"] for r in results)
    by_creatinine = results[0].components["stage_by_creatinine"]
    state.score_log.append(("kdigo", end, stage))
    uo = "; ".join(f"{r:g} mL/kg/h over {h:g} h" for r, h in rates if r is not None)
    return (
        f"KDIGO at {show(end)}: creatinine {current:g} mg/dL ({show(when)}), baseline "
        f"{baseline:g} (from the 7 days before and the last pre-admission value), ratio "
        f"{current / baseline:.2f}, rise within 48 h {rise:+.2f}; urine output: "
        f"{uo or 'not measured'}. Stage by creatinine {by_creatinine:g}, by urine output "
        f"{by_urine:g}. Stage {stage:g}."
    )


def lace_inputs(state: EhrState, hadm_id: int) -> tuple[int, bool, dict[str, int], int]:
    """(length of stay days, acute admission, LACE conditions, ED visits in 6 months)."""
    _, admit, disch, kind = require_admission(state.db, hadm_id)
    if disch is None:
        raise ToolError(f"admission {hadm_id} is still in progress: LACE needs a discharge")
    los = (datetime.fromisoformat(disch).date() - datetime.fromisoformat(admit).date()).days
    codes = [
        r[0]
        for r in state.db.execute(
            "SELECT d.icd_code FROM diagnoses_icd d JOIN admissions a ON a.hadm_id = d.hadm_id "
            "WHERE a.admittime <= ?",
            (admit,),
        )
    ]
    since = db_time(minus_months(datetime.fromisoformat(admit), 6))
    visits = state.db.execute(
        "SELECT COUNT(*) FROM edstays WHERE intime >= ? AND intime < ? "
        "AND (hadm_id IS NULL OR hadm_id != ?)",
        (since, admit, hadm_id),
    ).fetchone()[0]
    return los, kind in ACUTE_TYPES, lace_conditions(codes), visits


@tool
def calculate_lace(state: EhrState, hadm_id: int) -> str:
    """Compute the LACE readmission index for the discharge of an admission.

    Args:
        hadm_id: the (discharged) admission.
    """
    los, acute, conditions, visits = lace_inputs(state, hadm_id)
    result = lace_index(
        length_of_stay_days=los,
        acute_admission=acute,
        charlson_index=sum(conditions.values()),
        ed_visits_6_months=visits,
    )
    state.score_log.append(("lace", str(hadm_id), float(result.value)))
    c = result.components
    conds = ", ".join(f"{k} {p}" for k, p in sorted(conditions.items())) or "none"
    return (
        f"LACE for admission {hadm_id}: L {c['length_of_stay']:g} (length of stay {los} days); "
        f"A {c['acuity']:g} ({'emergency' if acute else 'elective'} admission); "
        f"C {c['comorbidity']:g} (conditions: {conds}); E {c['ed_visits']:g} ({visits} ED "
        f"visits in the 6 months before admission). Total {result.value:g}."
    )


SCORE_TOOLS = [
    calculate_sofa,
    calculate_news2,
    calculate_qsofa,
    calculate_kdigo_stage,
    calculate_lace,
]
