"""What the lint rules read: one patient of one task, in a domain-independent shape.

Each domain's record view (:mod:`.views`) turns a task's hidden record into one or
more :class:`PatientView` objects; rules (:mod:`.rules`) read only these.  Units
follow :mod:`healthgym.clinical.labs` (creatinine mg/dL, BNP pg/mL, glucose mg/dL,
potassium mmol/L); a view converts where its domain records other units.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PatientView:
    task_id: str
    who: str = "patient"  # which patient of the task (multi-patient tasks)
    age: float | None = None  # years
    sex: str | None = None  # 'male' / 'female'
    weight_kg: float | None = None
    height_cm: float | None = None
    # home medications as recorded (labels; rules map them to formulary generics)
    medications: list[str] = field(default_factory=list)
    # the task is about the regimen's interactions (e.g. drug_interaction): the
    # co-prescription rule does not apply
    regimen_is_subject: bool = False
    labs: dict[str, float | str] = field(default_factory=dict)  # LAB_TESTS keys and units
    vitals: dict[str, float] = field(default_factory=dict)  # hr, sbp, dbp, rr, temp_c, spo2
    # lab keys the scenario sets or explains itself (None: unknown, so the
    # unexplained-abnormal check is skipped)
    explained_labs: set[str] | None = None
    explained_vitals: bool = False  # e.g. cardiac arrest: zero pulse and pressure
    # canonical condition tags: hfref, acute_hf, dka, ckd, pregnant, ...
    conditions: set[str] = field(default_factory=set)
    # sex-specific items recorded: ("benign prostatic hyperplasia", "male"), ...
    sex_specific: list[tuple[str, str]] = field(default_factory=list)
    sections: list[tuple[str, str]] = field(default_factory=list)  # (section, text)
    # values a record states that are derived from others: key -> value
    # (crcl mL/min, egfr, qtc_ms, bmi)
    stated: dict[str, float] = field(default_factory=dict)
    qt_ms: float | None = None
    heart_rate: float | None = None


@dataclass(frozen=True)
class Violation:
    task_id: str
    rule: str
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"task_id": self.task_id, "rule": self.rule, "detail": self.detail}
