"""The obstetric patient record and the episode state the tools act on.

Values are stored raw (a crown-rump length, each deceleration's timing and shape,
the newborn's signs as points rendered in words, each blood pressure with its
clock time); the tools render them and never state an interpretation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ...patients.model import Person
from ...tasks import Task

LabValue = float | str


class Ultrasound(BaseModel):
    model_config = ConfigDict(frozen=True)
    date: str  # ISO date of the scan
    crl_mm: float | None = None  # first-trimester crown-rump length
    biometry_ga_days: int | None = None  # composite biometry GA (second/third trimester)
    note: str = ""


class BPReading(BaseModel):
    model_config = ConfigDict(frozen=True)
    minutes: int  # minutes after the first reading of the series
    sbp: int
    dbp: int


class Acceleration(BaseModel):
    model_config = ConfigDict(frozen=True)
    minute: float
    amplitude_bpm: int
    duration_s: int


class Deceleration(BaseModel):
    model_config = ConfigDict(frozen=True)
    minute: float
    onset_to_nadir_s: int
    depth_bpm: int
    duration_s: int
    # nadir relative to the peak of the accompanying contraction
    nadir_timing: Literal["coincident", "after_peak", "unrelated"]


class FHRTracing(BaseModel):
    setting: Literal["antepartum", "intrapartum"]
    window_min: int = 20
    baseline_bpm: int
    variability_bpm: int  # amplitude range; 0 = undetectable
    accelerations: list[Acceleration] = []
    contractions: int = 0
    decelerations: list[Deceleration] = []
    sinusoidal: bool = False
    sinusoid_cycles_per_min: int = 0


class CervicalExam(BaseModel):
    model_config = ConfigDict(frozen=True)
    dilation_cm: float
    effacement_pct: int
    station: int
    consistency: Literal["firm", "medium", "soft"]
    position: Literal["posterior", "mid", "anterior"]


class BPPScan(BaseModel):
    model_config = ConfigDict(frozen=True)
    breathing_longest_s: int  # longest episode of rhythmic breathing in 30 minutes
    body_movements: int  # discrete body or limb movements in 30 minutes
    tone_episodes: int  # episodes of extension with return to flexion
    deepest_pocket_cm: float


class NewbornExam(BaseModel):
    model_config = ConfigDict(frozen=True)
    minute: int
    heart_rate: int
    respiration: int  # points 0-2, rendered in words
    tone: int
    reflex: int
    colour: int


class MedicationEntry(BaseModel):
    model_config = ConfigDict(frozen=True)
    drug: str  # key of medications.DRUG_BY_KEY
    dose: str
    condition: str  # key of medications.CONDITIONS


class ObPatient(Person):
    """A coherent synthetic pregnant (or just-delivered) patient."""

    gravida: int
    para: int
    visit_date: str  # ISO date of this encounter
    setting: str  # e.g. 'prenatal clinic', 'labour and delivery unit'
    lmp: str | None = None  # ISO date; None when the patient cannot recall it
    lmp_note: str = ""
    ga_days: int | None = None  # established gestational age today (None: not yet dated)
    dating_note: str = ""  # how the established GA was dated
    history: list[str] = Field(default_factory=list)
    prior_uterine_scar: bool = False
    allergies: list[str] = Field(default_factory=list)
    symptoms: list[str] = Field(default_factory=list)
    negatives: list[str] = Field(default_factory=list)
    exam: dict[str, str] = Field(default_factory=dict)
    vitals: dict[str, float] = Field(default_factory=dict)
    bp_start: str = "08:00"
    bp: list[BPReading] = Field(default_factory=list)
    labs: dict[str, LabValue] = Field(default_factory=dict)
    glucose: dict[str, list[float]] = Field(default_factory=dict)
    ultrasounds: list[Ultrasound] = Field(default_factory=list)
    fhr: FHRTracing | None = None
    cervix: CervicalExam | None = None
    bpp: BPPScan | None = None
    newborn: NewbornExam | None = None
    delivered: bool = False
    medications: list[MedicationEntry] = Field(default_factory=list)


@dataclass
class ObstetricsState:
    """Episode state: the hidden patient, what the agent has seen, what it computed."""

    patient: ObPatient
    seen: set[str] = field(default_factory=set)  # evidence keys, e.g. 'fhr', 'lab:cbc'
    # calculator results of this episode, e.g. {'bishop': 10.0, 'nichd': 'III'}
    results: dict[str, Any] = field(default_factory=dict)


def new_state(task: Task) -> ObstetricsState:
    return ObstetricsState(patient=ObPatient.model_validate(task.hidden["patient"]))
