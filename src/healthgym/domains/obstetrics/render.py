"""Text rendering of raw obstetric findings (no interpretation is ever added).

Laboratory reference intervals are typical adult intervals, adjusted for pregnancy for
hemoglobin, white cells and creatinine after Abbassi-Ghanavati M, Greer LG, Cunningham
FG. Pregnancy and laboratory studies: a reference table for clinicians. Obstet Gynecol
2009;114:1326-1331 (rounded); the transaminase upper limit (40 U/L) is the one the
preeclampsia rule uses.  Flags [H]/[L] only compare a value with its interval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .records import BPPScan, CervicalExam, Deceleration, FHRTracing, NewbornExam, ObPatient


@dataclass(frozen=True)
class LabTest:
    name: str
    unit: str = ""
    low: float | None = None
    high: float | None = None


LAB_TESTS: dict[str, LabTest] = {
    "abo": LabTest("ABO group"),
    "rh": LabTest("Rh(D) type"),
    "antibody_screen": LabTest("Red-cell antibody screen (indirect antiglobulin test)"),
    "hemoglobin": LabTest("Hemoglobin", "g/dL", 11.0, 15.0),
    "platelets": LabTest("Platelets", "x10^9/L", 150, 400),
    "wbc": LabTest("White blood cells", "x10^9/L", 5.6, 16.9),
    "creatinine": LabTest("Creatinine", "mg/dL", 0.4, 0.9),
    "ast": LabTest("AST", "U/L", 10, 40),
    "alt": LabTest("ALT", "U/L", 7, 40),
    "ldh": LabTest("LDH", "U/L", 80, 450),
    "upcr": LabTest("Urine protein/creatinine ratio", "mg/mg", 0.0, 0.2),
    "protein_24h": LabTest("24-hour urine protein", "mg/24 h", 0, 150),
    "newborn_abo": LabTest("Cord blood ABO group"),
    "newborn_rh": LabTest("Cord blood Rh(D) type"),
    "dat": LabTest("Cord blood direct antiglobulin test"),
    # therapeutic range of warfarin, not the normal range (Coumadin PI 2.1; ACCP 2012)
    "inr": LabTest("INR (on warfarin: target 2.0-3.0)", "", 0.8, 1.1),
}
PANELS: dict[str, tuple[str, ...]] = {
    "type_and_screen": ("abo", "rh", "antibody_screen"),
    "cbc": ("hemoglobin", "platelets", "wbc"),
    "renal_liver": ("creatinine", "ast", "alt", "ldh"),
    "urine_protein": ("upcr",),
    "urine_24h_protein": ("protein_24h",),
    "cord_blood": ("newborn_abo", "newborn_rh", "dat"),
    "coagulation": ("inr",),
}


def lab_line(key: str, value: float | str) -> str:
    test = LAB_TESTS[key]
    if isinstance(value, str):
        return f"{test.name}: {value}"
    flag = ""
    if test.low is not None and value < test.low:
        flag = " [L]"
    elif test.high is not None and value > test.high:
        flag = " [H]"
    return f"{test.name}: {value:g} {test.unit} (ref {test.low:g}-{test.high:g}){flag}"


def clock(start: str, minutes: int) -> str:
    h, m = (int(x) for x in start.split(":"))
    total = h * 60 + m + minutes
    day, rest = divmod(total, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text + (f" (+{day} day)" if day else "")


def bp_series(p: ObPatient) -> str:
    readings = [f"{clock(p.bp_start, r.minutes)} {r.sbp}/{r.dbp} mmHg" for r in p.bp]
    return "Seated blood pressures, appropriate cuff: " + "; ".join(readings) + "."


def cervix_text(c: CervicalExam) -> str:
    station = f"{c.station:+d}" if c.station else "0"
    return (
        f"Sterile vaginal examination: cervix {c.dilation_cm:g} cm dilated, {c.effacement_pct}% "
        f"effaced, {c.consistency} consistency, {c.position} position; presenting part "
        f"(vertex) at station {station}."
    )


def _decel_text(i: int, d: Deceleration) -> str:
    if d.nadir_timing == "unrelated":
        timing = "not associated with a contraction"
    elif d.nadir_timing == "coincident":
        timing = "nadir coinciding with the contraction peak"
    else:
        timing = "nadir after the contraction peak"
    return (
        f"{i}) at minute {d.minute:g}: fall of {d.depth_bpm} bpm below baseline, onset to "
        f"nadir {d.onset_to_nadir_s} s, total duration {d.duration_s} s, {timing}"
    )


def fhr_text(t: FHRTracing) -> str:
    label = "Intrapartum" if t.setting == "intrapartum" else "Antepartum (non-stress test)"
    parts = [f"{label} cardiotocograph, {t.window_min}-minute segment."]
    parts.append(f"Baseline fetal heart rate {t.baseline_bpm} bpm.")
    if t.sinusoidal:
        parts.append(
            f"The baseline shows a smooth, regular, sine-wave-like undulation of about "
            f"{t.variability_bpm} bpm amplitude at {t.sinusoid_cycles_per_min} cycles per minute, "
            f"persisting throughout the segment."
        )
    elif t.variability_bpm == 0:
        parts.append("Baseline variability: amplitude range undetectable (flat).")
    else:
        parts.append(f"Baseline variability: amplitude range about {t.variability_bpm} bpm.")
    if t.accelerations:
        acc = "; ".join(
            f"minute {a.minute:g}: +{a.amplitude_bpm} bpm for {a.duration_s} s"
            for a in t.accelerations
        )
        parts.append(f"Accelerations ({len(t.accelerations)}): {acc}.")
    else:
        parts.append("No accelerations.")
    parts.append(f"Uterine contractions: {t.contractions} in {t.window_min} minutes.")
    if t.decelerations:
        decs = "; ".join(_decel_text(i + 1, d) for i, d in enumerate(t.decelerations))
        parts.append(f"Decelerations ({len(t.decelerations)}): {decs}.")
    else:
        parts.append("No decelerations.")
    return " ".join(parts)


def bpp_scan_text(b: BPPScan) -> str:
    breathing = (
        f"longest episode of rhythmic fetal breathing {b.breathing_longest_s} s"
        if b.breathing_longest_s
        else "no fetal breathing movements seen"
    )
    return (
        f"Ultrasound, 30-minute observation: {breathing}; {b.body_movements} discrete body or "
        f"limb movements; {b.tone_episodes} episode(s) of limb or trunk extension with return "
        f"to flexion; deepest vertical pocket of amniotic fluid {b.deepest_pocket_cm:g} cm."
    )


RESPIRATION = (
    "no respiratory effort (apnoeic)",
    "slow, irregular respirations with a weak cry",
    "regular breathing with a strong, vigorous cry",
)
TONE = ("limp, no flexion", "some flexion of the arms and legs", "active motion, well flexed")
REFLEX = (
    "no response to suction or stimulation",
    "grimaces to suction of the nostrils",
    "coughs, sneezes and cries vigorously to suction",
)
COLOUR = ("pale and blue all over", "pink body with blue hands and feet", "pink all over")


def newborn_text(n: NewbornExam) -> str:
    return (
        f"Newborn at {n.minute} minute(s) of age: heart rate {n.heart_rate}/min by auscultation; "
        f"{RESPIRATION[n.respiration]}; {TONE[n.tone]}; {REFLEX[n.reflex]}; colour "
        f"{COLOUR[n.colour]}."
    )


def iso_plus(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()
