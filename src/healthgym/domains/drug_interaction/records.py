"""Patient record and episode state of drug_interaction.

The record holds what a pharmacist reviewing orders needs: demographics (for
Cockcroft-Gault), serum creatinine, liver tests and clinical findings (for
Child-Pugh), pregnancy and lactation, allergies with reactions, the problem list and
the home medications (each with an indication on the problem list), and an optional
ECG QTc.  It is built on the shared :class:`healthgym.patients.model.PatientCore`
(identity, demographics, body size), whose derived values it uses: creatinine
clearance by Cockcroft-Gault with actual body weight (Cockcroft DW, Gault MH. Nephron
1976;16:31-41, the weight of the original derivation) and CKD-EPI 2021 eGFR (Inker LA
et al. N Engl J Med 2021;385:1737-49), both from :mod:`healthgym.patients.derived`.
Child-Pugh is computed here (Pugh RN et al. Br J Surg 1973;60:646-9).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ...clinical.scores import child_pugh
from ...clinical.scores.result import ScoreResult
from ...patients.model import Allergy, PatientCore
from ...tasks import Task


class HomeMed(BaseModel):
    model_config = ConfigDict(frozen=True)
    drug: str  # generic name (formulary key)
    label: str  # as written on the medication list (generic, salt or brand name)
    dose: str
    indication: str  # condition key


class DrugPatient(PatientCore):
    """A patient whose orders a pharmacist reviews (fields after the shared core's)."""

    creatinine_mg_dl: float
    potassium: float
    bilirubin_mg_dl: float
    albumin_g_dl: float
    inr: float
    alt: int
    ast: int
    ascites: Literal["none", "mild", "moderate_severe"] = "none"
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"] = "none"
    qtc_ms: int | None = None
    pregnant: bool = False
    gestational_weeks: int | None = None
    lactating: bool = False
    allergies: list[Allergy] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    medications: list[HomeMed] = Field(default_factory=list)

    def serum_creatinine(self) -> float:
        return self.creatinine_mg_dl

    def qtc(self) -> float | None:
        """The QTc of the ECG on file (ms), None without one."""
        return None if self.qtc_ms is None else float(self.qtc_ms)

    def regimen(self) -> list[str]:
        """Generic names of the home medications, in list order."""
        return [m.drug for m in self.medications]

    def renal_value(self, basis: str) -> float:
        return self.crcl() if basis == "crcl" else self.egfr()

    def child_pugh_result(self) -> ScoreResult:
        return child_pugh(
            bilirubin_mg_dl=self.bilirubin_mg_dl,
            albumin_g_dl=self.albumin_g_dl,
            inr=self.inr,
            ascites=self.ascites,
            encephalopathy=self.encephalopathy,
        )

    def child_pugh_class(self) -> Literal["A", "B", "C"]:
        score = float(self.child_pugh_result().value)
        return "A" if score <= 6 else "B" if score <= 9 else "C"

    @property
    def cirrhosis(self) -> bool:
        return "cirrhosis" in self.conditions


@dataclass
class DrugState:
    """What the agent has done in the episode (read by the grader's coherence checks)."""

    patient: DrugPatient
    task_type: str
    order: str | None = None  # the drug ordered or to be dosed (generic), when there is one
    record_viewed: set[str] = field(default_factory=set)  # record tools called
    # sorted pair -> severity shown to the agent ('none' when no interaction is listed)
    seen_severity: dict[tuple[str, str], str] = field(default_factory=dict)
    screened: set[str] = field(default_factory=set)  # '' = regimen alone, else proposed drug
    regimen_checked: set[str] = field(default_factory=set)  # same, with severities shown
    monographs: set[str] = field(default_factory=set)
    renal_checked: set[str] = field(default_factory=set)
    hepatic_checked: set[str] = field(default_factory=set)
    allergy_checked: set[str] = field(default_factory=set)
    pregnancy_checked: set[str] = field(default_factory=set)
    alternatives_listed: set[str] = field(default_factory=set)

    def saw_pair(self, a: str, b: str) -> str | None:
        return self.seen_severity.get(tuple(sorted((a, b))))  # type: ignore[arg-type]


def new_state(task: Task) -> DrugState:
    return DrugState(
        patient=DrugPatient.model_validate(task.hidden["patient"]),
        task_type=task.hidden["task_type"],
        order=task.hidden.get("order"),
    )
