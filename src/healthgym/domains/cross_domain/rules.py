"""Published decision rules of the pathways, as pure functions of the record.

* Triage: ESI v4 via :func:`healthgym.patients.esi.true_esi` on the patient's triage
  view (Gilboy N et al. ESI Implementation Handbook, AHRQ 2012).
* Sepsis (Evans L et al. Surviving Sepsis Campaign 2021, Crit Care Med
  2021;49:e1063-e1143; Levy MM et al. hour-1 bundle, Crit Care Med 2018;46:997-1000;
  Singer M et al. Sepsis-3, JAMA 2016;315:801-10): sepsis-induced hypoperfusion is
  hypotension (SBP < 90 mmHg or MAP < 65 mmHg) or lactate >= 4 mmol/L and takes at least
  30 mL/kg of IV crystalloid within 3 h; MAP < 65 mmHg after that volume is septic shock:
  norepinephrine first line, initial MAP target 65 mmHg, and intensive care.  Lactate is
  re-measured after the initial resuscitation when it was raised (> 2 mmol/L; hour-1
  bundle) and resuscitation is guided to lower it (SSC 2021).  Disposition
  (:func:`sepsis_destinations`): SSC 2021 recommends admitting patients who need
  intensive care within 6 h and gives no single ICU criterion, so the accepted set
  follows the severity the guideline and Sepsis-3 define - vasopressor-dependent septic
  shock (Sepsis-3: vasopressor for MAP >= 65 mmHg) -> intensive care only (the
  environment's monitored bed is a step-down bed, not a level-3 unit); lactate >= 4
  mmol/L on arrival, or lactate still > 2 mmol/L after the fluid bolus (persisting
  hypoperfusion; Sepsis-3 lactate criterion) -> intensive care or a monitored
  (high-dependency/step-down) bed, never the ward; otherwise (normotensive after fluids,
  lactate cleared to <= 2 mmol/L) -> the ward or a monitored bed.
* Stroke (Powers WJ et al. AHA/ASA 2019, Stroke 2019;50:e344-e418): IV alteplase
  0.9 mg/kg (maximum 90 mg) within 4.5 h of last known well, or tenecteplase 0.25 mg/kg
  (maximum 25 mg) (section 3.5); not with INR > 1.7, platelets < 100 x10^9/L, a direct
  oral anticoagulant taken within 48 h, glucose < 50 mg/dL or BP > 185/110 mmHg (section
  3.5, table 8); mechanical thrombectomy for an ICA or M1 occlusion with NIHSS >= 6 and
  ASPECTS >= 6 within 6 h (section 3.7, class I); otherwise a stroke unit (section 4.1).
* DKA (Kitabchi AE et al. ADA consensus, Diabetes Care 2009;32:1335-43; Umpierrez GE et
  al. ADA/EASD/JBDS/AACE/DTS consensus, Diabetes Care 2024;47:1257-75): first-hour isotonic
  or balanced crystalloid 15-20 mL/kg (2009) or 500-1000 mL (2024), either accepted with
  the 20% tolerance; K < 3.3 mmol/L: hold insulin and give 20-30 mEq K/h; K 3.3-5.2: 20-30
  mEq K in each litre; K > 5.2: no K, recheck in 2 h (2009 amounts); insulin 0.1 U/kg/h
  (with or without a 0.1 U/kg bolus) or 0.14 U/kg/h without bolus; severe DKA (pH < 7.00 or
  bicarbonate < 10 mmol/L) to intensive care, moderate DKA to a monitored (step-down) bed.
  The generator draws potassium outside 3.3-3.5 and 5.0-5.2 mmol/L, so the potassium
  branch is the same whichever consensus's thresholds are read.
* Upper GI bleeding: restrictive transfusion below 7 g/dL (Villanueva C et al. N Engl J
  Med 2013;368:11-21), below 8 g/dL with cardiovascular disease (Gralnek IM et al. ESGE
  2021, Endoscopy 2021;53:300-32), one unit at a time; Glasgow-Blatchford <= 1: outpatient
  management without inpatient endoscopy, otherwise endoscopy within 24 h of
  presentation, not urgently within 12 h (ESGE 2021; Lau JYW et al. N Engl J Med
  2020;382:1299-1308).
* Post-operative fever: NEWS2 response bands (Royal College of Physicians 2017); the adult
  sepsis screen of :func:`healthgym.clinical.triage.sepsis_alert_indicated`.
"""

from __future__ import annotations

from ...clinical.calculators.body import ideal_body_weight
from ...clinical.scores import news2
from ...clinical.triage import sepsis_alert_indicated
from ...patients.encounter import TriagePatient
from ...patients.esi import true_esi
from ...patients.model import Patient
from .gen_common import mean_arterial_pressure

# ------------------------------------------------------------------ triage


def esi_truth(view: TriagePatient) -> int:
    return true_esi(view)


# ------------------------------------------------------------------ sepsis
SEPSIS_HOUR_MIN = 60
FLUID_ML_PER_KG = 30.0
VOLUME_TOLERANCE = 0.20  # fluids more than 20% off the target are a major error
RESPONSE_FRACTION = 0.8  # the bolus counts once 80% of the target has run in
MAP_TARGET = 65.0
CRYSTALLOIDS = ("lactated_ringers", "plasma_lyte", "normal_saline")
VASOPRESSOR = "norepinephrine"


def hypotension(vitals: dict[str, float]) -> bool:
    return vitals["sbp"] < 90 or mean_arterial_pressure(vitals) < MAP_TARGET


def hypoperfusion(patient: Patient) -> bool:
    return hypotension(patient.vitals) or float(patient.labs["lactate"]) >= 4.0


def fluid_targets(patient: Patient, ml_per_kg: float = FLUID_ML_PER_KG) -> list[float]:
    """Target volumes (mL): per kg of actual weight; with BMI >= 30 also per kg of ideal
    body weight (CMS SEP-1 allows ideal weight in obesity)."""
    targets = [ml_per_kg * patient.weight_kg]
    if patient.bmi >= 30:
        ibw = float(ideal_body_weight(sex=patient.sex, height=patient.height_cm).value)
        targets.append(ml_per_kg * ibw)
    return targets


def volume_ok(volume_ml: float, targets: list[float]) -> bool:
    return any(abs(volume_ml - t) <= VOLUME_TOLERANCE * t for t in targets)


def needs_vasopressor(vitals: dict[str, float]) -> bool:
    return mean_arterial_pressure(vitals) < MAP_TARGET


LACTATE_HIGH = 4.0  # mmol/L: hypoperfusion (SSC 2021)
LACTATE_NORMAL = 2.0  # mmol/L: upper limit; above it after fluids persists (Sepsis-3)


def sepsis_destinations(
    vitals_now: dict[str, float],
    lactate_initial: float,
    lactate_now: float,
    pressor_running: bool = False,
) -> tuple[str, ...]:
    """Dispositions accepted for a septic patient after the initial resuscitation, the
    preferred first (see the module docstring: SSC 2021, Sepsis-3)."""
    if needs_vasopressor(vitals_now) or pressor_running:
        return ("icu",)
    if lactate_initial >= LACTATE_HIGH or lactate_now > LACTATE_NORMAL:
        return ("icu", "monitored_bed")
    return ("ward", "monitored_bed")


def sepsis_destination(
    vitals_now: dict[str, float],
    lactate_initial: float,
    lactate_now: float,
    pressor_running: bool = False,
) -> str:
    """The reference disposition: the first of :func:`sepsis_destinations`."""
    return sepsis_destinations(vitals_now, lactate_initial, lactate_now, pressor_running)[0]


# ------------------------------------------------------------------ stroke
LYSIS_WINDOW_MIN = 270  # 4.5 h from last known well
DOOR_TO_NEEDLE_MIN = 60
LYSIS = {"alteplase": (0.9, 90.0), "tenecteplase": (0.25, 25.0)}  # mg/kg, maximum mg
LYSIS_DOSE_TOLERANCE = 0.10
DOACS = ("apixaban", "rivaroxaban", "dabigatran", "edoxaban")
LYSIS_REASONS = (
    "outside_time_window",
    "anticoagulant_use",
    "inr_above_1_7",
    "platelets_below_100",
    "glucose_below_50",
    "blood_pressure_above_185_110",
    "haemorrhage_on_ct",
    "non_disabling_deficit",
    "other",
)


def lysis_dose(drug: str, weight_kg: float) -> float:
    per_kg, cap = LYSIS[drug]
    return min(per_kg * weight_kg, cap)


def lysis_contraindications(patient: Patient, lkw_hours: float, minute: int) -> list[str]:
    """The reasons thrombolysis is not given at ``minute`` after arrival (empty: eligible)."""
    reasons = []
    if lkw_hours * 60 + minute > LYSIS_WINDOW_MIN:
        reasons.append("outside_time_window")
    meds = " ".join(m.name.lower() for m in patient.medications)
    if any(d in meds for d in DOACS):
        reasons.append("anticoagulant_use")
    if float(patient.labs["inr"]) > 1.7:
        reasons.append("inr_above_1_7")
    if float(patient.labs["platelets"]) < 100:
        reasons.append("platelets_below_100")
    if float(patient.labs["glucose"]) < 50:
        reasons.append("glucose_below_50")
    v = patient.vitals
    if v["sbp"] > 185 or v["dbp"] > 110:
        reasons.append("blood_pressure_above_185_110")
    return reasons


def thrombectomy_indicated(lvo: bool, nihss_total: int) -> bool:
    return lvo and nihss_total >= 6


# ------------------------------------------------------------------ DKA
K_LOW, K_HIGH = 3.3, 5.2
POTASSIUM_MEQ = (20.0, 30.0)
INSULIN_U_PER_KG_H = (0.08, 0.168)  # 0.1 and 0.14 U/kg/h, each +-20%
DKA_FLUID_ML_PER_KG = (15.0, 20.0)


def potassium_branch(k: float) -> str:
    if k < K_LOW:
        return "replace_and_hold_insulin"
    return "add_to_each_litre" if k <= K_HIGH else "no_potassium_recheck_2h"


DKA_FLUID_ML_2024 = (500.0, 1000.0)


def dka_fluid_ok(volume_ml: float, weight_kg: float) -> bool:
    """First-hour volume within 20% of 15-20 mL/kg (2009) or of 500-1000 mL (2024)."""
    lo, hi = DKA_FLUID_ML_PER_KG
    ranges = [(lo * weight_kg, hi * weight_kg), DKA_FLUID_ML_2024]
    return any(
        a * (1 - VOLUME_TOLERANCE) <= volume_ml <= b * (1 + VOLUME_TOLERANCE) for a, b in ranges
    )


def insulin_rate_ok(units_per_hour: float, weight_kg: float) -> bool:
    lo, hi = INSULIN_U_PER_KG_H
    return lo <= units_per_hour / weight_kg <= hi


def dka_severe(patient: Patient) -> bool:
    return float(patient.labs["bicarbonate"]) < 10 or float(patient.labs["ph"]) < 7.0


def dka_destination(patient: Patient) -> str:
    return "icu" if dka_severe(patient) else "monitored_bed"


# ------------------------------------------------------------------ GI bleeding
CVD = (
    "coronary_artery_disease",
    "heart_failure",
    "prior_stroke_tia",
    "peripheral_arterial_disease",
)


def transfusion_threshold(patient: Patient) -> float:
    return 8.0 if set(patient.comorbidities) & set(CVD) else 7.0


def transfusion_indicated(patient: Patient) -> bool:
    return float(patient.labs["hemoglobin"]) < transfusion_threshold(patient)


def endoscopy_timing(gbs: float) -> str:
    return "outpatient" if gbs <= 1 else "within_24h"


def gi_destination(gbs: float) -> str:
    return "discharge" if gbs <= 1 else "ward"


# ------------------------------------------------------------------ post-operative fever
NEWS2_RESPONSES = (
    "routine_monitoring",
    "ward_based_response",
    "urgent_ward_based_response",
    "urgent_response",
    "emergency_response",
)


def news2_response(patient: Patient) -> tuple[float, str]:
    """NEWS2 (room air, SpO2 scale 1; new confusion scores as C) and its RCP response."""
    v = patient.vitals
    r = news2(
        respiratory_rate=v["rr"],
        spo2=v["spo2"],
        on_supplemental_oxygen=False,
        sbp=v["sbp"],
        heart_rate=v["hr"],
        consciousness="cvpu" if patient.has("confusion") else "alert",
        temperature_c=v["temp_c"],
    )
    total = float(r.value)
    if total >= 7:
        return total, "emergency_response"
    if total >= 5:
        return total, "urgent_response"
    if any(p == 3 for p in r.components.values()):
        return total, "urgent_ward_based_response"
    return total, "ward_based_response" if total >= 1 else "routine_monitoring"


def sepsis_alert(patient: Patient, suspected_infection: bool) -> bool:
    v = patient.vitals
    return sepsis_alert_indicated(
        adult=patient.age >= 18,
        suspected_infection=suspected_infection,
        temp_c=v["temp_c"],
        hr=v["hr"],
        rr=v["rr"],
        sbp=v["sbp"],
        gcs_total=14 if patient.has("confusion") else 15,
    )
