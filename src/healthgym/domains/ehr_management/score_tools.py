"""Score tools: SOFA, NEWS2, qSOFA, KDIGO AKI stage and LACE from the raw rows.

Each tool is a record-reading calculator (kind ``compute``): it gathers its inputs from
the episode database at the time point (or for the admission) the agent names, passes
them to the cited score function in :mod:`healthgym.clinical.scores`, records the value
in the episode's score log and returns the inputs and per-component points - never a
risk band or an interpretation, which the agent must apply itself.  qSOFA is the
record-bound declaration shared with the other domains
(:mod:`healthgym.tools.record_bound`), read from the vital-sign set :data:`VITAL_SET`
locates at the time point.

**Gating** (:mod:`healthgym.tools.elicit`): a score is computed only from values the
agent has already been shown in this episode.  Each tool declares the observations it
needs (``needs=``, checked before it runs) and, once it knows which rows it reads,
checks that each of them was shown (the keys the observe tools record, see
:mod:`.tools_read`), naming what is missing otherwise:

* NEWS2 / qSOFA: the vital-sign set they read (``get_vitals`` over that time);
* SOFA: the pO2, platelet, bilirubin and creatinine results of the admission
  (``query_labs``/``lab_trend``), the vital-sign sets giving the lowest MAP, the lowest
  GCS and the FiO2 paired with the PaO2 (``get_vitals``), and the ICU flowsheet
  (vasopressors, ventilation, urine output: ``get_icu_flowsheet``);
* KDIGO: the creatinine results of each admission it reads (``query_labs``), and the
  ICU flowsheet when it uses urine output;
* LACE: the admissions (``list_admissions``), the diagnosis codes of this and every
  earlier admission (``get_diagnoses``) and the ED visits (``get_ed_visits``).

A ``run_sql`` query that read the underlying table counts as having shown it.

Conventions for taking inputs from a record:

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

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated

from ...clinical.scores import ScoreResult, kdigo_aki_stage, lace_index, news2, sofa
from ...tools import MaxLen, ToolError, tool
from ...tools.elicit import Need, elicited
from ...tools.record_bound import QSOFA, Arg, RecordSource
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

ACUTE_TYPES = ("EW EMER.", "URGENT", "DIRECT EMER.")
Charttime = Annotated[str, MaxLen(20)]

# what each score tool declares (any one key of a need satisfies it); the finer,
# row-level checks follow once the tool knows which rows it reads
VITALS = Need("the vital signs", ("get_vitals", "run_sql"))
LABS = Need("the laboratory results", ("query_labs", "lab_trend", "run_sql"))
FLOWSHEET = Need("the ICU flowsheet (vasopressors, urine output)", ("get_icu_flowsheet", "run_sql"))
ADMISSIONS = Need("the admissions", ("list_admissions", "run_sql"))
DIAGNOSES = Need("the diagnosis codes", ("get_diagnoses", "run_sql"))
ED_VISITS = Need("the emergency-department visits", ("get_ed_visits", "run_sql"))


@dataclass(frozen=True)
class Shown:
    """One value a score reads: what it is, the observation key that shows it, the SQL
    table that also shows it, and how to observe it."""

    what: str
    key: str
    table: str
    how: str


@dataclass
class Scored:
    """A score computed from the record: its text, value, log key and what it read."""

    name: str
    when: str
    value: float
    text: str
    reads: list[Shown] = field(default_factory=list)


def lab_shown(key: str, hadm: int) -> Shown:
    return Shown(
        f"the {LAB_ITEMS[key].label} results of admission {hadm}",
        f"lab:{key}:{hadm}",
        "labevents",
        f"query_labs(lab='{key}', hadm_id={hadm})",
    )


def vitals_shown(when: str) -> Shown:
    t = show(when)
    return Shown(f"the vital signs charted {t}", f"vitals:{t}", "chartevents", "get_vitals")


def flowsheet_shown(hadm: int, table: str) -> Shown:
    return Shown(
        f"the ICU flowsheet of admission {hadm}",
        f"flowsheet:{hadm}",
        table,
        f"get_icu_flowsheet(hadm_id={hadm})",
    )


def require_shown(state: EhrState, score: str, reads: list[Shown]) -> None:
    """Raise a ToolError naming every value ``score`` reads that was not shown yet."""
    record = elicited(state)
    missing = [r for r in reads if not record.any_of((r.key, f"sql:{r.table}"))]
    if not missing:
        return
    items = "; ".join(f"{r.what} ({r.how})" for r in dict.fromkeys(missing))
    raise ToolError(
        f"{score} reads values you have not been shown yet: {items}. Observe them first."
    )


def _finish(state: EhrState, scored: Scored) -> str:
    require_shown(state, scored.name.upper(), scored.reads)
    state.score_log.append((scored.name, scored.when, scored.value))
    return scored.text


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


def sofa_at(state: EhrState, charttime: str) -> Scored:
    """SOFA from the worst values in the 24 hours ending at ``charttime`` (ungated)."""
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
    maps = [(v, w) for w, _, v in chart_rows(state.db, ("map",), hadm, start, end)]
    if not gcs or not maps:
        raise ToolError("no GCS or mean arterial pressure charted in the 24 hours before then")
    low_map, map_time = min(maps)
    gcs_time = min(gcs, key=lambda w: (gcs[w], w))
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
        gcs=int(gcs[gcs_time]),
        bilirubin_mg_dl=bili,
        creatinine_mg_dl=creat,
        map_mmhg=low_map,
        urine_output_ml_day=urine,
        **doses,
    )
    reads = [lab_shown(k, hadm) for k in ("po2", "platelets", "bilirubin_total", "creatinine")]
    reads += [vitals_shown(w) for w in sorted({map_time, gcs_time})]
    if fio2:
        reads.append(vitals_shown(fio2["fio2"][0]))
    reads.append(flowsheet_shown(hadm, "inputevents"))
    if urine is not None:
        reads.append(flowsheet_shown(hadm, "outputevents"))
    c = result.components
    pressors = ", ".join(f"{k} {v:g}" for k, v in doses.items() if v) or "none"
    uo = f"; urine {urine:g} mL/24 h" if urine is not None else ""
    text = (
        f"SOFA at {show(end)} (worst values since {show(start)}): "
        f"respiration {c['respiration']:g} (PaO2 {po2:g} / FiO2 {frac:.2f} = {ratio:.0f}, "
        f"{'with' if vent else 'without'} respiratory support); coagulation "
        f"{c['coagulation']:g} (platelets {plt:g}); liver {c['liver']:g} (bilirubin {bili:g}); "
        f"cardiovascular {c['cardiovascular']:g} (MAP {low_map:g}, vasopressors mcg/kg/min: "
        f"{pressors}); cns {c['cns']:g} (GCS {gcs[gcs_time]:g}); renal {c['renal']:g} "
        f"(creatinine {creat:g}{uo}). Total {result.value:g}."
    )
    return Scored("sofa", end, float(result.value), text, reads)


@tool(kind="compute", needs=(LABS, VITALS, FLOWSHEET))
def calculate_sofa(state: EhrState, charttime: Charttime) -> str:
    """Compute the SOFA score from the worst values in the 24 hours ending at a time, once
    you have looked at those labs, vital signs and the ICU flowsheet.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    return _finish(state, sofa_at(state, charttime))


_VITALS = ("rr", "spo2", "fio2", "sbp", "hr", "temp_c", *GCS_KEYS)


def _vital_set(state: EhrState, charttime: str) -> tuple[str, dict[str, float], list[str]]:
    """(time of the set, values, the charttimes read) of the last complete vital set."""
    t, hadm = _time_and_admission(state, charttime)
    latest = latest_chart(state.db, _VITALS, hadm, t, 12)
    missing = [k for k in _VITALS if k not in latest]
    if missing:
        raise ToolError(f"no complete vital-sign set in the 12 hours before {show(db_time(t))}")
    when = max(w for w, _ in latest.values())
    return when, {k: v for k, (_, v) in latest.items()}, sorted({w for w, _ in latest.values()})


def news2_result(state: EhrState, charttime: str) -> tuple[str, dict[str, float], ScoreResult]:
    """NEWS2 from the last vital-sign set at or before ``charttime``: (set time, inputs,
    result)."""
    when, v, _ = _vital_set(state, charttime)
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


def news2_at(state: EhrState, charttime: str) -> Scored:
    when, v, result = news2_result(state, charttime)
    parts = ", ".join(f"{k} {p:g}" for k, p in result.components.items())
    text = (
        f"NEWS2 from the vital signs charted {show(when)} (RR {v['rr']:g}, SpO2 {v['spo2']:g}%, "
        f"FiO2 {v['fio2']:g}%, SBP {v['sbp']:g}, HR {v['hr']:g}, GCS {v['gcs']:g}, temp "
        f"{v['temp_c']:g} C): {parts}. Total {result.value:g}."
    )
    reads = [vitals_shown(w) for w in _vital_set(state, charttime)[2]]
    return Scored("news2", when, float(result.value), text, reads)


@tool(kind="compute", needs=(VITALS,))
def calculate_news2(state: EhrState, charttime: Charttime) -> str:
    """Compute NEWS2 (SpO2 scale 1) from the last vital signs charted at or before a time,
    once you have looked at that vital-sign set.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    return _finish(state, news2_at(state, charttime))


@dataclass(frozen=True)
class VitalSet:
    """The last complete vital-sign set at or before a time point: when it was charted,
    its values and the charttimes read."""

    when: str
    values: dict[str, float]
    times: list[str]

    @property
    def gcs(self) -> float:
        return self.values["gcs_eye"] + self.values["gcs_verbal"] + self.values["gcs_motor"]


def _qsofa_report(state: EhrState, r: VitalSet, key: str, result: ScoreResult) -> str:
    v = r.values
    parts = ", ".join(f"{k} {p:g}" for k, p in result.components.items())
    text = (
        f"qSOFA from the vital signs charted {show(r.when)} (RR {v['rr']:g}, SBP {v['sbp']:g}, "
        f"GCS {r.gcs:g}): {parts}. Total {result.value:g}."
    )
    reads = [vitals_shown(w) for w in r.times]
    return _finish(state, Scored(key, r.when, float(result.value), text, reads))


# the record a vital-sign score reads, located by the time point the agent names
VITAL_SET: RecordSource[VitalSet] = RecordSource(
    locate=lambda state, tool_name, charttime: VitalSet(*_vital_set(state, charttime)),
    locator=(Arg("charttime", Charttime),),
    fields={
        "respiratory_rate": lambda r: r.values["rr"],
        "sbp": lambda r: r.values["sbp"],
        "altered_mentation": lambda r: r.gcs < 15,
    },
    report=_qsofa_report,
)

calculate_qsofa = QSOFA.bind(
    VITAL_SET,
    needs=(VITALS,),
    doc="""Compute qSOFA from the last vital signs charted at or before a time, once you have
    looked at that vital-sign set.

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """,
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


def kdigo_at(state: EhrState, charttime: str) -> Scored:
    """KDIGO AKI stage at ``charttime`` (ungated)."""
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
    measured = _urine_rates(state, hadm, t)
    rates = measured or [(None, 0.0)]
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
    uo = "; ".join(f"{r:g} mL/kg/h over {h:g} h" for r, h in rates if r is not None)
    text = (
        f"KDIGO at {show(end)}: creatinine {current:g} mg/dL ({show(when)}), baseline "
        f"{baseline:g} (from the 7 days before and the last pre-admission value), ratio "
        f"{current / baseline:.2f}, rise within 48 h {rise:+.2f}; urine output: "
        f"{uo or 'not measured'}. Stage by creatinine {by_creatinine:g}, by urine output "
        f"{by_urine:g}. Stage {stage:g}."
    )
    reads = [lab_shown("creatinine", h) for h in sorted({h for _, _, h in recent + prior})]
    if measured:
        reads.append(flowsheet_shown(hadm, "outputevents"))
    return Scored("kdigo", end, stage, text, reads)


@tool(kind="compute", needs=(LABS,))
def calculate_kdigo_stage(state: EhrState, charttime: Charttime) -> str:
    """Compute the KDIGO acute kidney injury stage at a time from creatinine and urine
    output, once you have looked at the creatinine results (and the ICU flowsheet when
    urine output was charted).

    Args:
        charttime: the time point, 'YYYY-MM-DD HH:MM'.
    """
    return _finish(state, kdigo_at(state, charttime))


def lace_inputs(state: EhrState, hadm_id: int) -> tuple[int, bool, dict[str, int], int]:
    """(length of stay days, acute admission, LACE conditions, ED visits in 6 months)."""
    los, acute, conditions, visits, _ = _lace_inputs(state, hadm_id)
    return los, acute, conditions, visits


def _lace_inputs(state: EhrState, hadm_id: int) -> tuple[int, bool, dict[str, int], int, list[int]]:
    _, admit, disch, kind = require_admission(state.db, hadm_id)
    if disch is None:
        raise ToolError(f"admission {hadm_id} is still in progress: LACE needs a discharge")
    los = (datetime.fromisoformat(disch).date() - datetime.fromisoformat(admit).date()).days
    coded = state.db.execute(
        "SELECT d.icd_code, a.hadm_id FROM diagnoses_icd d JOIN admissions a "
        "ON a.hadm_id = d.hadm_id WHERE a.admittime <= ?",
        (admit,),
    ).fetchall()
    upto = [
        r[0]
        for r in state.db.execute(
            "SELECT hadm_id FROM admissions WHERE admittime <= ? ORDER BY admittime", (admit,)
        )
    ]
    since = db_time(minus_months(datetime.fromisoformat(admit), 6))
    visits = state.db.execute(
        "SELECT COUNT(*) FROM edstays WHERE intime >= ? AND intime < ? "
        "AND (hadm_id IS NULL OR hadm_id != ?)",
        (since, admit, hadm_id),
    ).fetchone()[0]
    return los, kind in ACUTE_TYPES, lace_conditions([c for c, _ in coded]), visits, upto


def lace_for(state: EhrState, hadm_id: int) -> Scored:
    """LACE for the discharge of ``hadm_id`` (ungated)."""
    los, acute, conditions, visits, upto = _lace_inputs(state, hadm_id)
    result = lace_index(
        length_of_stay_days=los,
        acute_admission=acute,
        charlson_index=sum(conditions.values()),
        ed_visits_6_months=visits,
    )
    c = result.components
    conds = ", ".join(f"{k} {p}" for k, p in sorted(conditions.items())) or "none"
    text = (
        f"LACE for admission {hadm_id}: L {c['length_of_stay']:g} (length of stay {los} days); "
        f"A {c['acuity']:g} ({'emergency' if acute else 'elective'} admission); "
        f"C {c['comorbidity']:g} (conditions: {conds}); E {c['ed_visits']:g} ({visits} ED "
        f"visits in the 6 months before admission). Total {result.value:g}."
    )
    reads = [
        Shown("the admissions", "list_admissions", "admissions", "list_admissions()"),
        Shown("the ED visits", "get_ed_visits", "edstays", "get_ed_visits()"),
    ]
    reads += [
        Shown(
            f"the diagnosis codes of admission {h}",
            f"dx:{h}",
            "diagnoses_icd",
            f"get_diagnoses(hadm_id={h})",
        )
        for h in upto
    ]
    return Scored("lace", str(hadm_id), float(result.value), text, reads)


@tool(kind="compute", needs=(ADMISSIONS, DIAGNOSES, ED_VISITS))
def calculate_lace(state: EhrState, hadm_id: int) -> str:
    """Compute the LACE readmission index for the discharge of an admission, once you have
    looked at the admissions, the diagnosis codes of it and every earlier admission, and
    the ED visits.

    Args:
        hadm_id: the (discharged) admission.
    """
    return _finish(state, lace_for(state, hadm_id))


def observation_calls(reads: list[Shown]) -> list[tuple[str, dict]]:
    """The observe calls that show everything in ``reads`` (for reference solutions):
    one call per lab/admission/flowsheet key, and get_vitals windows covering the
    vital-sign sets (each window spans at most 20 hours)."""
    calls: list[tuple[str, dict]] = []
    times: list[datetime] = []
    for r in dict.fromkeys(reads):
        kind, _, rest = r.key.partition(":")
        if kind == "lab":
            lab, hadm = rest.split(":")
            calls.append(("query_labs", {"lab": lab, "hadm_id": int(hadm)}))
        elif kind == "vitals":
            times.append(datetime.fromisoformat(rest))
        elif kind == "flowsheet":
            calls.append(("get_icu_flowsheet", {"hadm_id": int(rest)}))
        elif kind == "dx":
            calls.append(("get_diagnoses", {"hadm_id": int(rest)}))
        else:
            calls.append((r.key, {}))
    group: list[datetime] = []
    for t in [*sorted(set(times)), None]:
        if t is not None and (not group or (t - group[0]).total_seconds() <= 20 * 3600):
            group.append(t)
            continue
        if group:
            centre = group[0] + (group[-1] - group[0]) / 2
            half = max(0.5, (group[-1] - group[0]).total_seconds() / 7200 + 0.25)
            calls.append(("get_vitals", {"charttime": show(db_time(centre)), "window_hours": half}))
        group = [t] if t is not None else []
    return list({(n, tuple(sorted(a.items()))): (n, a) for n, a in calls}.values())


SCORE_TOOLS = [
    calculate_sofa,
    calculate_news2,
    calculate_qsofa,
    calculate_kdigo_stage,
    calculate_lace,
]
