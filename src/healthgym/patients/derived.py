"""Values derived from a patient record, each by one documented rule, computed once.

Every patient model (:class:`healthgym.patients.model.PatientCore` and the records
built on it) reads its derived values from here, so a domain never recomputes them
with a rule of its own:

* **Creatinine clearance** (:func:`creatinine_clearance`): the Cockcroft-Gault
  equation with the patient's **actual body weight** - the weight of the original
  derivation (Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum
  creatinine. Nephron 1976;16:31-41: measured weight of 249 men), with the measured
  serum creatinine (no rounding up); mL/min to one decimal.  The ideal/adjusted-weight
  variants (:func:`healthgym.clinical.calculators.renal.cockcroft_gault`,
  ``weight_type``) remain calculator options an agent may choose; they are not a
  property of the record.
* **eGFR** (:func:`egfr`): race-free CKD-EPI 2021 (Inker LA et al. N Engl J Med
  2021;385:1737-49), mL/min/1.73 m2 to one decimal.
* **Body-mass index** (:func:`body_mass_index`): weight (kg) / height (m) squared
  (WHO), kg/m2 to one decimal.
* **QTc** (:func:`qtc_bazett`): where a record holds a measured QT and heart rate,
  Bazett's correction QT / sqrt(RR) (Bazett HC. Heart 1920;7:353-70), ms; a record that
  holds a reported QTc (an ECG on file) returns that value.

The functions are cached on their (hashable) inputs: a value is computed once per
distinct record, however many tools, graders and task builders ask for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..clinical.calculators.qtc import qtc_bazett as _qtc_bazett
from ..clinical.calculators.renal import ckd_epi_2021, cockcroft_gault
from ..clinical.scores.result import ScoreResult

Sex = Literal["male", "female"]


def creatinine_clearance_result(
    age: float, sex: Sex, weight_kg: float, creatinine_mg_dl: float
) -> ScoreResult:
    """Cockcroft-Gault creatinine clearance with actual body weight, as the calculator's
    full result (value, working steps, interpretation); see the module docstring."""
    return cockcroft_gault(
        age=age,
        sex=sex,
        weight=weight_kg,
        creatinine=creatinine_mg_dl,
        weight_type="actual",
    )


@lru_cache(maxsize=4096)
def creatinine_clearance(age: float, sex: Sex, weight_kg: float, creatinine_mg_dl: float) -> float:
    """Cockcroft-Gault creatinine clearance (actual body weight; Cockcroft DW, Gault MH.
    Nephron 1976;16:31-41), mL/min, rounded to one decimal."""
    result = creatinine_clearance_result(age, sex, weight_kg, creatinine_mg_dl)
    return round(float(result.value), 1)


@lru_cache(maxsize=4096)
def egfr(age: float, sex: Sex, creatinine_mg_dl: float) -> float:
    """CKD-EPI 2021 eGFR (Inker LA et al. N Engl J Med 2021;385:1737-49),
    mL/min/1.73 m2, rounded to one decimal."""
    value = ckd_epi_2021(age=age, sex=sex, creatinine=creatinine_mg_dl).value
    return round(float(value), 1)


def body_mass_index(weight_kg: float, height_cm: float) -> float:
    """Body-mass index, weight (kg) / height (m)^2, kg/m2 rounded to one decimal."""
    return round(weight_kg / (height_cm / 100) ** 2, 1)


@lru_cache(maxsize=4096)
def qtc_bazett(qt_ms: float, heart_rate: float) -> float:
    """QTc by Bazett, QT / sqrt(RR) with RR in seconds (Bazett HC. Heart 1920;7:353-70),
    ms, as the project calculator (:func:`healthgym.clinical.calculators.qtc.qtc_bazett`)
    reports it."""
    return float(_qtc_bazett(heart_rate=heart_rate, qt=qt_ms).value)


@dataclass(frozen=True)
class Derived:
    """The derived values of one patient record (``None``: the record lacks an input)."""

    bmi: float
    crcl_ml_min: float | None  # Cockcroft-Gault, actual body weight
    egfr_ml_min_1_73m2: float | None  # CKD-EPI 2021
    qtc_ms: float | None  # the record's QTc (reported, or Bazett from QT and heart rate)
