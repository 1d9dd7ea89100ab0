"""The synthetic patient record every clinical_diagnosis episode is built on."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Medication(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    dose: str
    indication: str = ""


class Allergy(BaseModel):
    model_config = ConfigDict(frozen=True)
    allergen: str  # a key of healthgym.clinical.treatments.ALLERGY_CLASSES
    reaction: str


class Patient(BaseModel):
    """A coherent synthetic patient. ``condition`` is hidden from the agent."""

    id: str
    name: str
    age: int
    sex: Literal["male", "female"]
    weight_kg: float
    height_cm: float
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

    @property
    def bmi(self) -> float:
        return round(self.weight_kg / (self.height_cm / 100) ** 2, 1)

    def has(self, feature: str) -> bool:
        return feature in self.features
