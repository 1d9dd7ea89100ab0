"""Record tools of obstetrics: they read the episode's patient and return raw findings.

A result appears only when the agent asks for it (each call marks its evidence as
seen in the state); nothing here names a classification, a score or a due date.
"""

from __future__ import annotations

from typing import Literal

from ...clinical.guidelines.obstetric_dating import ga_text
from ...tools import ToolError, tool
from .medications import CONDITIONS, DRUG_BY_KEY
from .records import ObstetricsState
from .render import (
    PANELS,
    bp_series,
    bpp_scan_text,
    cervix_text,
    fhr_text,
    lab_line,
    newborn_text,
)

ExamSystem = Literal["respiratory", "cardiovascular", "abdomen", "neurological", "extremities"]
PanelName = Literal[tuple(PANELS)]  # type: ignore[valid-type]
GlucoseTest = Literal["gct_50g_1h", "ogtt_100g_3h", "ogtt_75g_2h"]
GLUCOSE_LABELS = {
    "gct_50g_1h": ("1-hour 50 g glucose challenge", ("1 h",)),
    "ogtt_100g_3h": ("3-hour 100 g oral glucose tolerance test", ("fasting", "1 h", "2 h", "3 h")),
    "ogtt_75g_2h": ("2-hour 75 g oral glucose tolerance test", ("fasting", "1 h", "2 h")),
}
NORMAL_EXAM = {
    "respiratory": "Chest clear to auscultation, no crackles; breathing comfortably.",
    "cardiovascular": "Heart sounds normal, soft flow murmur only.",
    "abdomen": "Gravid, soft, non-tender; no right upper quadrant tenderness.",
    "neurological": "Alert and oriented; reflexes 2+ and symmetrical, no clonus.",
    "extremities": "Mild dependent ankle edema only.",
}


@tool(kind="observe")
def get_obstetric_history(state: ObstetricsState) -> str:
    """Return the obstetric history: age, gravidity and parity, menstrual dates, the
    gestational age on record, past pregnancies and deliveries, medical history and
    allergies."""
    p = state.patient
    state.seen.add("history")
    lines = [f"{p.name}, {p.age} years, G{p.gravida}P{p.para}. Setting: {p.setting}."]
    lines.append(f"Today's date: {p.visit_date}.")
    if p.lmp:
        lines.append(f"Last menstrual period (first day): {p.lmp}; {p.lmp_note}.")
    elif p.lmp_note:
        lines.append(f"Last menstrual period: {p.lmp_note}.")
    if p.ga_days is not None:
        lines.append(f"Gestational age on record today: {ga_text(p.ga_days)} ({p.dating_note}).")
    lines += p.history
    lines.append("Allergies: " + (", ".join(p.allergies) if p.allergies else "none known") + ".")
    return " ".join(lines)


@tool(kind="observe")
def get_symptoms(state: ObstetricsState) -> str:
    """Ask about current symptoms (headache, vision, abdominal pain, breathing, bleeding,
    contractions, fetal movements) and recent events."""
    p = state.patient
    state.seen.add("symptoms")
    return " ".join([*p.symptoms, *p.negatives]) or "No complaints."


@tool(kind="observe")
def get_vitals(state: ObstetricsState) -> str:
    """Return the maternal heart rate, temperature, respiratory rate and oxygen
    saturation (blood pressures: get_blood_pressure_series)."""
    v = state.patient.vitals
    state.seen.add("vitals")
    return (
        f"Heart rate {v['hr']:g}/min; temperature {v['temp_c']:g} C; respiratory rate "
        f"{v['rr']:g}/min; SpO2 {v['spo2']:g}% on room air."
    )


@tool(kind="observe")
def get_blood_pressure_series(state: ObstetricsState) -> str:
    """Return every blood pressure measured in this encounter with its clock time."""
    state.seen.add("bp")
    if not state.patient.bp:
        raise ToolError("no blood pressures have been recorded in this encounter")
    return bp_series(state.patient)


@tool(kind="observe")
def examine(state: ObstetricsState, system: ExamSystem) -> str:
    """Examine the mother: one body system.

    Args:
        system: the system to examine.
    """
    state.seen.add(f"exam:{system}")
    return state.patient.exam.get(system, NORMAL_EXAM[system])


@tool(kind="observe")
def order_lab_panel(state: ObstetricsState, panel: PanelName) -> str:
    """Order a laboratory panel and return its results with reference intervals.

    Args:
        panel: type_and_screen (ABO, Rh, antibody screen), cbc, renal_liver (creatinine,
            AST, ALT, LDH), urine_protein (protein/creatinine ratio), urine_24h_protein,
            cord_blood (newborn group, Rh and direct antiglobulin test, after delivery) or
            coagulation (INR, for a woman on warfarin).
    """
    p = state.patient
    keys = PANELS[panel]
    missing = [k for k in keys if k not in p.labs]
    if missing:
        if panel == "cord_blood" and not p.delivered:
            raise ToolError("no cord blood: the patient has not delivered")
        raise ToolError(f"{panel} was not collected in this encounter")
    state.seen.add(f"lab:{panel}")
    return "; ".join(lab_line(k, p.labs[k]) for k in keys) + "."


@tool(kind="observe")
def order_glucose_test(state: ObstetricsState, test: GlucoseTest) -> str:
    """Return a glucose tolerance result (values in mg/dL).

    Args:
        test: gct_50g_1h (1-hour 50 g challenge), ogtt_100g_3h (3-hour 100 g test) or
            ogtt_75g_2h (2-hour 75 g test).
    """
    p = state.patient
    if test not in p.glucose:
        if test == "ogtt_100g_3h" and "gct_50g_1h" in p.glucose:
            if "glucose:gct_50g_1h" not in state.seen:
                raise ToolError("order the 1-hour 50 g glucose challenge first")
            raise ToolError(
                "the 3-hour test was not performed: the 1-hour screen "
                f"({p.glucose['gct_50g_1h'][0]:g} mg/dL) was below this practice's threshold"
            )
        raise ToolError(f"{test} is not part of this practice's screening for this patient")
    if test == "ogtt_100g_3h" and "glucose:gct_50g_1h" not in state.seen:
        raise ToolError("order the 1-hour 50 g glucose challenge first")
    state.seen.add(f"glucose:{test}")
    name, times = GLUCOSE_LABELS[test]
    values = ", ".join(f"{t} {v:g}" for t, v in zip(times, p.glucose[test], strict=True))
    return f"{name}: {values} mg/dL."


@tool(kind="observe")
def get_ultrasound_reports(state: ObstetricsState) -> str:
    """Return this pregnancy's ultrasound reports (date and measurements)."""
    p = state.patient
    state.seen.add("ultrasound")
    if not p.ultrasounds:
        raise ToolError("no ultrasound has been performed in this pregnancy")
    out = []
    for u in p.ultrasounds:
        if u.crl_mm is not None:
            text = (
                f"{u.date}: single live intrauterine pregnancy, crown-rump length {u.crl_mm:g} mm"
            )
        else:
            assert u.biometry_ga_days is not None
            text = (
                f"{u.date}: single live intrauterine pregnancy, composite biometry (BPD, HC, "
                f"AC, FL) corresponds to {ga_text(u.biometry_ga_days)}"
            )
        out.append(text + (f"; {u.note}" if u.note else "") + ".")
    return " ".join(out)


@tool(kind="observe")
def perform_cervical_exam(state: ObstetricsState) -> str:
    """Perform a sterile vaginal examination of the cervix."""
    c = state.patient.cervix
    if c is None:
        raise ToolError("no cervical examination is planned in this encounter")
    state.seen.add("cervix")
    return cervix_text(c)


@tool(kind="observe")
def get_fhr_tracing(state: ObstetricsState) -> str:
    """Review the current fetal heart-rate tracing (cardiotocograph): baseline,
    variability, accelerations, contractions and each deceleration's timing and shape."""
    t = state.patient.fhr
    if t is None:
        raise ToolError("no fetal heart-rate tracing is running in this encounter")
    state.seen.add("fhr")
    return fhr_text(t)


@tool(kind="observe")
def perform_bpp_ultrasound(state: ObstetricsState) -> str:
    """Observe the fetus by ultrasound for 30 minutes: breathing, body movements, tone
    and the deepest vertical pocket of amniotic fluid."""
    b = state.patient.bpp
    if b is None:
        raise ToolError("no antepartum ultrasound testing is scheduled in this encounter")
    state.seen.add("bpp_scan")
    return bpp_scan_text(b)


@tool(kind="observe")
def examine_newborn(state: ObstetricsState) -> str:
    """Examine the newborn: heart rate, breathing, tone, reflex response and colour."""
    n = state.patient.newborn
    if n is None:
        if state.patient.delivered:
            raise ToolError("the newborn is with the paediatric team; no findings recorded here")
        raise ToolError("there is no newborn: the patient has not delivered")
    state.seen.add("newborn")
    return newborn_text(n)


@tool(kind="observe")
def get_medications(state: ObstetricsState) -> str:
    """Return the patient's current medications with dose and indication."""
    state.seen.add("medications")
    meds = state.patient.medications
    if not meds:
        return "No regular medications apart from prenatal vitamins."
    return (
        "; ".join(
            f"{DRUG_BY_KEY[m.drug].names[0]} {m.dose} (for {CONDITIONS[m.condition].name})"
            for m in meds
        )
        + ". Also takes prenatal vitamins."
    )


RECORD_TOOLS = [
    get_obstetric_history,
    get_symptoms,
    get_vitals,
    get_blood_pressure_series,
    examine,
    order_lab_panel,
    order_glucose_test,
    get_ultrasound_reports,
    perform_cervical_exam,
    get_fhr_tracing,
    perform_bpp_ultrasound,
    examine_newborn,
    get_medications,
]
