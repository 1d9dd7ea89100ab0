"""Data model of the psychiatry domain: the hidden patient record and the episode state.

A :class:`PsychRecord` holds facts only (symptoms present, episodes, history, item-level
questionnaire answers, medications); it never stores a diagnosis.  Derived values are
never stored either: creatinine clearance (Cockcroft-Gault, from weight and serum
creatinine), QTc (Bazett, from the ECG's rate and QT) and the Child-Pugh class (from the
liver tests) are computed with the project calculators, and a measurement the record
lacks is ``None`` - "not recorded" - never a default.  Tools read these
facts, the generator (``generator.py``) keeps them coherent with the patient's
condition, and the grader reads the task's answer key, not the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from healthgym.clinical.scores import child_pugh

from ...patients import derived
from ...patients.model import Person
from ...tasks import Task


@lru_cache(maxsize=4096)
def _child_pugh(
    bilirubin: float, albumin: float, inr: float, ascites: str, encephalopathy: str
) -> tuple[int, str]:
    res = child_pugh(
        bilirubin_mg_dl=bilirubin,
        albumin_g_dl=albumin,
        inr=inr,
        ascites=ascites,  # type: ignore[arg-type]
        encephalopathy=encephalopathy,  # type: ignore[arg-type]
    )
    score = int(res.value)
    return score, "A" if score <= 6 else "B" if score <= 9 else "C"


Behaviour = Literal["none", "over_3_months_ago", "past_3_months"]


class Medication(BaseModel):
    name: str  # generic name (a formulary key where the formulary has it)
    dose: str
    indication: str


class MoodEpisode(BaseModel):
    """A period of elevated or irritable mood (current or past)."""

    years_ago: int  # 0 = the current episode
    duration_days: int
    features: list[str]  # keys of symptoms.MANIA_A and symptoms.MANIA_B
    marked_impairment: bool
    hospitalized: bool
    psychotic: bool


class Event(BaseModel):
    """A traumatic event (criterion A of posttraumatic stress) or a life stressor."""

    what: str
    months_ago: int


class Alcohol(BaseModel):
    drinks_per_week: int
    pattern: str
    ongoing: bool  # still drinking at presentation
    withdrawal: Literal["none", "uncomplicated", "seizure", "delirium_tremens"] = "none"


class Cssrs(BaseModel):
    """Answers to the C-SSRS screen (Posner 2011): questions 1-5 and behaviour."""

    wish_to_be_dead: bool = False
    suicidal_thoughts: bool = False
    thoughts_with_method: bool = False
    intent: bool = False
    plan_and_intent: bool = False
    suicidal_behavior: Behaviour = "none"
    behaviour_text: str = ""


class Ecg(BaseModel):
    """A resting 12-lead ECG: rate and measured QT (the QTc is computed, never stored)."""

    rhythm: str = "sinus rhythm"
    heart_rate: int  # beats/min
    qt_ms: int


class LiverTests(BaseModel):
    """Liver blood tests and, in cirrhosis, the Child-Pugh inputs (the class is computed)."""

    alt_u_l: int
    ast_u_l: int
    ggt_u_l: int
    bilirubin_mg_dl: float
    albumin_g_dl: float
    inr: float
    cirrhosis: bool = False
    ascites: Literal["none", "mild", "moderate_severe"] = "none"
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"] = "none"


class Mdq(BaseModel):
    items: list[bool]  # 13 answers to question 1
    same_period: bool
    impairment: Literal["none", "minor", "moderate", "serious"]


class PsychRecord(Person):
    """One synthetic patient, as the tools may reveal it."""

    sex: Literal["male", "female"]
    education_years: int
    referral: str
    chief_complaint: str
    # --- current presentation -------------------------------------------------
    symptoms: list[str] = Field(default_factory=list)  # keys of symptoms.ALL_SYMPTOMS
    symptom_weeks: int = 0  # how long the current symptoms have lasted
    impairment: Literal["none", "some", "marked"] = "none"
    impairment_text: str = ""
    current_mood_episode: MoodEpisode | None = None  # current elevated-mood episode
    stressor: Event | None = None
    trauma: Event | None = None
    # symptoms that began after the presenting problem: key -> how long it has lasted
    onset_weeks: dict[str, int] = Field(default_factory=dict)
    panic_attacks_per_month: int = 0
    anxiety_explained_by: str = ""  # e.g. "attacks occur only with trauma reminders"
    # --- history ---------------------------------------------------------------
    past_depressive_episodes: int = 0
    past_elevated_episodes: list[MoodEpisode] = Field(default_factory=list)
    psychiatric_admissions: list[str] = Field(default_factory=list)
    past_treatments: list[str] = Field(default_factory=list)
    failed_antipsychotic_trials: list[str] = Field(default_factory=list)
    family_history: list[str] = Field(default_factory=list)
    psychosis_months: int = 0  # total duration of psychotic illness incl. prodrome
    functional_decline: bool = False  # below the prior level of work/self-care
    mood_episodes_during_psychosis: bool = False
    dangerousness: str = ""  # grave disability or danger to others, as observed
    # --- cognition ------------------------------------------------------------
    cognitive_concern: str = ""  # who is concerned about decline ("" = nobody)
    iadl_dependent: bool = False  # needs help with finances, medications, shopping
    iadl_text: str = ""
    moca: dict[str, int] = Field(default_factory=dict)  # item -> raw result
    mmse: dict[str, int] = Field(default_factory=dict)
    # --- social ---------------------------------------------------------------
    living: str = ""
    occupation: str = ""
    supports: str = ""
    alcohol: Alcohol
    drug_use: str = "none"
    firearm_access: bool = False
    risk_factors: list[str] = Field(default_factory=list)  # keys of risk.RISK_FACTORS
    protective_factors: list[str] = Field(default_factory=list)
    # --- instruments (item-level answers) ----------------------------------------
    phq9: list[int]
    gad7: list[int]
    pcl5: list[int] | None = None  # None: no criterion-A event to anchor it
    audit: list[int]
    cage: list[bool]  # cut down, annoyed, guilty, eye-opener
    dast10: list[bool]  # raw yes/no answers
    mdq: Mdq
    cssrs: Cssrs
    # --- medical ----------------------------------------------------------------
    conditions: list[str] = Field(default_factory=list)
    medications: list[Medication] = Field(default_factory=list)
    # measured inputs of the derived values (None: not recorded - no default is assumed,
    # and a rule that needs the value does not fire)
    weight_kg: float | None = None
    height_cm: float | None = None
    creatinine_mg_dl: float | None = None
    ecg: Ecg | None = None
    liver: LiverTests | None = None
    pregnant_weeks: int | None = None
    seizure_history: bool = False
    labs: str = ""

    def has(self, key: str) -> bool:
        return key in self.symptoms

    def weeks_of(self, key: str) -> int:
        """How long symptom ``key`` has lasted (its own onset, else the presentation's)."""
        return self.onset_weeks.get(key, self.symptom_weeks)

    def crcl(self) -> float | None:
        """Cockcroft-Gault creatinine clearance, mL/min (1 decimal), or None if not recorded.

        Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine.
        Nephron 1976;16:31-41, with actual body weight as in the original derivation (the
        project's one rule, :func:`healthgym.patients.derived.creatinine_clearance`).
        """
        if self.creatinine_mg_dl is None or self.weight_kg is None:
            return None
        return derived.creatinine_clearance(
            self.age, self.sex, self.weight_kg, self.creatinine_mg_dl
        )

    def qtc(self) -> float | None:
        """QTc (Bazett) of the recorded ECG in ms, or None when no ECG is recorded.

        Bazett HC. Heart 1920;7:353-370 (QTc = QT / sqrt(RR)), the formula the project's
        ECG tasks use (:func:`healthgym.clinical.calculators.qtc.qtc_bazett`) and the one
        automated ECG reports print.
        """
        if self.ecg is None:
            return None
        return derived.qtc_bazett(self.ecg.qt_ms, self.ecg.heart_rate)

    def child_pugh(self) -> tuple[int, str] | None:
        """(Child-Pugh score, class) for a patient with cirrhosis and recorded liver tests.

        Pugh RN, et al. Br J Surg 1973;60:646-649 (the project calculator,
        :func:`healthgym.clinical.scores.child_pugh`); the score applies to cirrhosis only.
        """
        lv = self.liver
        if lv is None or not lv.cirrhosis or lv.bilirubin_mg_dl is None:
            return None
        return _child_pugh(
            lv.bilirubin_mg_dl, lv.albumin_g_dl, lv.inr, lv.ascites, lv.encephalopathy
        )

    def count(self, keys: list[str]) -> int:
        return sum(k in self.symptoms for k in keys)


@dataclass
class PsychState:
    """Mutable episode state: the record and what the agent has obtained so far."""

    record: PsychRecord
    seen: set[str] = field(default_factory=set)  # tool names and "checklist:<set>"
    # instrument name -> the total score_instrument computed; "cssrs" -> the Columbia
    # screen level of the answers the agent was shown (kept for the grader, never shown)
    results: dict[str, float] = field(default_factory=dict)
    # checklist set -> number of symptom criteria the agent judged present (mde: A; aud: 11)
    checklist_counts: dict[str, int] = field(default_factory=dict)
    # verdict of the counting rules over the agent's own judgments ("manic_episode" ...)
    checklist_met: dict[str, bool] = field(default_factory=dict)


def new_state(task: Task) -> PsychState:
    return PsychState(record=PsychRecord.model_validate(task.hidden["record"]))
