"""The shared patient models.

* :class:`PatientCore` - what every patient record shares: identity, demographics and
  body size, and the values derived from them and from the record's creatinine and ECG
  (:mod:`.derived`: creatinine clearance by Cockcroft-Gault with actual body weight,
  eGFR, BMI, QTc - one documented rule each);
* :class:`Patient` - the full encounter record of a coherent synthetic patient
  (problems, medications, allergies, vitals, labs, imaging, ECG, examination), the
  record clinical_diagnosis and cross_domain episodes are built on;
* other domains build their records on :class:`PatientCore` (drug_interaction's
  ``DrugPatient``).

A subclass adds fields after the core's six (``id`` to ``height_cm``), so a record's
JSON keeps its field order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..clinical.scores.result import ScoreResult
from . import derived as dv


class Medication(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    dose: str
    indication: str = ""


class Allergy(BaseModel):
    model_config = ConfigDict(frozen=True)
    allergen: str  # a key of healthgym.clinical.treatments.ALLERGY_CLASSES
    reaction: str


class Person(BaseModel):
    """Who a record is about: the identity every domain's patient record starts with
    (fields first, in this order, so a record's JSON keeps its shape)."""

    id: str
    name: str
    age: int


class PatientCore(Person):
    """Identity, demographics and body size, with the values derived from the record.

    A record supplies its serum creatinine (:meth:`serum_creatinine`) and, where it has
    an ECG, its QTc (:meth:`qtc`); the derived values are computed by the single rules
    of :mod:`healthgym.patients.derived`.
    """

    sex: Literal["male", "female"]
    weight_kg: float
    height_cm: float

    def serum_creatinine(self) -> float | None:
        """Serum creatinine in mg/dL, or None where the record holds none."""
        return None

    def qtc(self) -> float | None:
        """The QTc (ms) of the record's ECG, or None where the record has no QT."""
        return None

    @property
    def bmi(self) -> float:
        """Body-mass index, kg/m2, one decimal (:func:`.derived.body_mass_index`)."""
        return dv.body_mass_index(self.weight_kg, self.height_cm)

    def _creatinine(self) -> float:
        creatinine = self.serum_creatinine()
        if creatinine is None:
            raise ValueError(f"patient {self.id} has no serum creatinine on record")
        return creatinine

    def crcl_result(self) -> ScoreResult:
        """The creatinine clearance as the calculator's full result (with its working)."""
        return dv.creatinine_clearance_result(
            self.age, self.sex, self.weight_kg, self._creatinine()
        )

    def crcl(self) -> float:
        """Creatinine clearance, mL/min, one decimal: Cockcroft-Gault with ACTUAL body
        weight (Cockcroft DW, Gault MH. Nephron 1976;16:31-41, the weight of the original
        derivation; :func:`.derived.creatinine_clearance`).  ValueError without a
        creatinine on record."""
        return dv.creatinine_clearance(self.age, self.sex, self.weight_kg, self._creatinine())

    def egfr(self) -> float:
        """eGFR by CKD-EPI 2021 (Inker LA et al. N Engl J Med 2021;385:1737-49),
        mL/min/1.73 m2, one decimal.  ValueError without a creatinine on record."""
        return dv.egfr(self.age, self.sex, self._creatinine())

    def derived(self) -> dv.Derived:
        """All derived values of the record at once (``None`` where an input is missing)."""
        has_creatinine = self.serum_creatinine() is not None
        return dv.Derived(
            bmi=self.bmi,
            crcl_ml_min=self.crcl() if has_creatinine else None,
            egfr_ml_min_1_73m2=self.egfr() if has_creatinine else None,
            qtc_ms=self.qtc(),
        )


class Patient(PatientCore):
    """A coherent synthetic patient. ``condition`` is hidden from the agent."""

    chief_complaint: str
    features: list[str]  # feature keys present (healthgym.clinical.features)
    pertinent_negatives: list[str]  # feature keys asked about and absent
    comorbidities: list[str]  # keys of healthgym.patients.comorbidities
    medications: list[Medication]
    allergies: list[Allergy]
    smoking: str  # the social history's smoking sentence
    # cumulative smoking exposure of a smoker with a recorded history (packs a day x years
    # smoked, at most age - 15 years) and years since quitting; None where not recorded
    pack_years: float | None = None
    smoking_quit_years: int | None = None
    alcohol: str
    vitals: dict[str, float]  # hr, sbp, dbp, rr, temp_c, spo2
    labs: dict[str, float | str]
    imaging: dict[str, str]  # studies whose report differs from normal
    ecg: str
    exam: dict[str, list[str]]  # extra findings by system (beyond feature sentences)
    condition: str  # disease profile key: the hidden diagnosis

    def serum_creatinine(self) -> float | None:
        """The laboratory creatinine (mg/dL), when the record holds a numeric value."""
        value = self.labs.get("creatinine")
        return None if value is None or isinstance(value, str) else float(value)

    def has(self, feature: str) -> bool:
        return feature in self.features
