"""The emergency-department encounter: one arrival as the triage nurse finds it.

:class:`TriagePatient` is the record every ED-facing domain reads (triage_emergency's
arrivals and queues, cross_domain's triage view of its pathway patient): arrival,
complaint and history, the ABC findings, vital signs (:class:`Vitals`), a 12-lead ECG
(:class:`Ecg`), the GCS findings, the anticipated emergency-department care
(:class:`ResourceItem`), point-of-care results and the C-SSRS screen
(:class:`SuicideScreen`).  The vocabulary of its coded fields is
:mod:`healthgym.clinical.triage_vocab`; the ESI truth derived from it is
:mod:`healthgym.patients.esi`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..clinical.triage_vocab import PMH


class Vitals(BaseModel):
    """Triage vital signs; 0 means not measurable (e.g. no pulse in cardiac arrest)."""

    hr: float
    sbp: float
    dbp: float
    rr: float
    spo2: float
    temp_c: float
    cap_refill_s: float


class Ecg(BaseModel):
    """A 12-lead ECG: rhythm, rate and ST deviation (mm at the J point) by lead."""

    rhythm: str
    rate: int
    st_elevation_mm: dict[str, float] = Field(default_factory=dict)
    st_depression_mm: dict[str, float] = Field(default_factory=dict)
    other: list[str] = Field(default_factory=list)


class ResourceItem(BaseModel):
    """An anticipated ED intervention and its ESI resource type (see
    :data:`healthgym.clinical.triage_vocab.RESOURCE_TYPES`)."""

    name: str
    kind: str  # a key of triage_vocab.RESOURCE_TYPES or NOT_RESOURCES


class SuicideScreen(BaseModel):
    """Answers to the C-SSRS screener questions (Posner 2011)."""

    wish_to_be_dead: bool = False
    suicidal_thoughts: bool = False
    thoughts_with_method: bool = False
    intent: bool = False
    plan_and_intent: bool = False
    suicidal_behavior: Literal["none", "over_3_months_ago", "past_3_months"] = "none"


class FamilyHistory(BaseModel):
    """A first-degree relative's premature coronary event, as the patient reports it
    (premature: a male relative before 55, a female before 65 - the HEART score's
    family-history risk factor; Six AJ et al. Neth Heart J 2008;16:191-6)."""

    relative: Literal["father", "mother", "brother", "sister"]
    event: str = "myocardial infarction"
    age_years: int


class TriagePatient(BaseModel):
    """One ED arrival: everything the triage nurse can find out, hidden from the agent."""

    id: str
    scenario: str
    age_days: int
    sex: Literal["male", "female"]
    weight_kg: float
    arrival_minute: int  # minutes after midnight
    arrival_mode: str
    chief_complaint: str
    hpi: list[str]
    pmh: list[str] = Field(default_factory=list)  # keys of clinical.triage_vocab.PMH
    # details of pmh items, printed with them (pmh_lines): the relative's event behind
    # "family_history_cad" and the KDIGO GFR category of "ckd"
    family_history: FamilyHistory | None = None
    ckd_stage: Literal["3a", "3b", "4"] | None = None
    medications: list[str] = Field(default_factory=list)
    allergies: list[str] = Field(default_factory=list)
    mechanism: str | None = None
    injuries: list[str] = Field(default_factory=list)  # keys of clinical.triage.INJURY_PATTERNS
    pain: int = 0
    distress: Literal["none", "mild", "moderate", "severe"] = "none"
    appearance: str = ""
    exam: str = ""  # focused examination findings (besides airway, breathing, circulation)
    vitals: Vitals
    gcs_eye: str = "spontaneous"
    gcs_verbal: str = "oriented"
    gcs_motor: str = "obeys"
    baseline: str = "At baseline mental status."
    new_confusion: bool = False
    airway: str = "Patent; speaking in full sentences."
    breathing: str = "Unlaboured; equal air entry."
    circulation: str = "Radial pulse strong and regular; skin warm and dry."
    lsi: list[str] = Field(default_factory=list)  # order keys of needed life-saving acts
    high_risk: list[str] = Field(default_factory=list)  # high-risk features (facts)
    resources: list[ResourceItem] = Field(default_factory=list)
    ecg: Ecg
    poc: dict[str, float | str | None] = Field(default_factory=dict)
    infection_signs: list[str] = Field(default_factory=list)
    deficits: list[str] = Field(default_factory=list)  # acute focal neurological deficits
    last_known_well_h: float | None = None
    symptom_onset_h: float | None = None  # ischaemic chest pain onset
    suicide: SuicideScreen = Field(default_factory=SuicideScreen)

    @property
    def age_years(self) -> float:
        return self.age_days / 365.25

    @property
    def adult(self) -> bool:
        return self.age_years >= 18

    def pmh_lines(self) -> list[str]:
        """The past-history items as printed, with the record's details: "father had a
        myocardial infarction at 52", "chronic kidney disease stage 3b" (without a
        recorded detail, the number-free display name of
        :data:`healthgym.clinical.triage_vocab.PMH`)."""
        out = []
        for key in self.pmh:
            if key == "none":
                continue
            text = PMH[key][0]
            fh = self.family_history
            if key == "family_history_cad" and fh is not None:
                text = f"{fh.relative} had a {fh.event} at {fh.age_years}"
            elif key == "ckd" and self.ckd_stage is not None:
                text = f"{text} stage {self.ckd_stage}"
            out.append(text)
        return out
