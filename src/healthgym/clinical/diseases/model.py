"""Data model of a disease profile.

A profile describes how a disease typically presents (who gets it, what the
patient reports, what the examiner finds, which vital signs, laboratory values
and imaging reports go with it) and how it is managed.  The synthetic patient
generator (:mod:`healthgym.patients`) samples coherent patients from it.

Every value range is a *typical presentation* range taken from the source named
in ``source``; profiles are written by this project from published references.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

Range = tuple[float, float]


class DiseaseProfile(BaseModel):
    """One disease: presentation, diagnostics and management."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(description="snake_case identifier, e.g. 'community_acquired_pneumonia'")
    name: str = Field(description="canonical display name, e.g. 'Community-acquired pneumonia'")
    synonyms: tuple[str, ...] = Field(
        default=(), description="other accepted names and abbreviations (grader accepts them)"
    )
    synonym_source: str = Field(
        default="ICD-10-CM 2024 Alphabetic Index entry terms and MeSH entry terms",
        description="vocabulary the synonyms are taken from (ICD-10-CM index terms, SNOMED "
        "CT synonyms, MeSH entry terms)",
    )
    broader_accepted: tuple[str, ...] = Field(
        default=(),
        description="broader terms the grader accepts as this diagnosis although they may "
        "also name a comorbidity (kept out of ``synonyms``, which must never appear in "
        "visible text); e.g. 'atrial fibrillation' for AF with RVR",
    )
    rejected_terms: tuple[str, ...] = Field(
        default=(),
        description="broader, narrower or sibling terms deliberately NOT accepted as this "
        "diagnosis (the grader's near misses; decided per profile)",
    )
    icd10: str = Field(description="ICD-10-CM code of the diagnosis, e.g. 'J18.9'")
    system: str = Field(description="organ system, e.g. 'respiratory'")
    source: str = Field(description="published sources for presentation and management facts")

    age: tuple[int, int] = Field(description="typical age range at presentation (years)")
    female_fraction: float = Field(ge=0.0, le=1.0, description="probability the patient is female")
    chief_complaints: tuple[str, ...] = Field(
        description="patient-voice chief complaints; one is chosen per patient"
    )
    # feature key (see healthgym.clinical.features.FEATURES) -> probability present
    symptoms: dict[str, float] = Field(default_factory=dict)
    signs: dict[str, float] = Field(default_factory=dict)
    history: dict[str, float] = Field(default_factory=dict)
    # comorbidity key (see healthgym.patients.comorbidities) -> probability present
    comorbidities: dict[str, float] = Field(default_factory=dict)
    # vital key ('hr','sbp','dbp','rr','temp_c','spo2') -> range; unspecified vitals are normal
    vitals: dict[str, Range] = Field(default_factory=dict)
    # free-text exam findings that are always present, by exam system
    exam: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # lab key (see healthgym.clinical.labs.LAB_TESTS) -> numeric range or categorical result
    labs: dict[str, Range | str] = Field(default_factory=dict)
    # imaging key (see healthgym.clinical.imaging.IMAGING) -> report text; it must describe
    # findings only and never name the diagnosis or any of its synonyms
    imaging: dict[str, str] = Field(default_factory=dict)
    ecg: str | None = Field(default=None, description="12-lead ECG report; None = normal ECG")
    # lab / imaging keys ('ecg' allowed) whose result establishes the diagnosis
    key_tests: tuple[str, ...] = Field(min_length=1)
    # names of score tools relevant to this presentation (see the domain's tools)
    scores: tuple[str, ...] = Field(default=())
    # treatment keys (see healthgym.clinical.treatments.TREATMENTS): the first-line plan
    first_line: tuple[str, ...] = Field(min_length=1)
    # first-line treatment key -> acceptable substitutes, used when the patient cannot
    # receive the first-line drug (allergy or contraindication)
    alternatives: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # treatment key -> reason: giving it to this disease is a critical error
    contraindicated: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_ranges(self) -> DiseaseProfile:
        for key, rng in list(self.vitals.items()) + [
            (k, v) for k, v in self.labs.items() if not isinstance(v, str)
        ]:
            if rng[0] > rng[1]:
                raise ValueError(f"{self.key}: range for {key} is reversed: {rng}")
        lo, hi = self.age
        if not 0 <= lo <= hi <= 110:
            raise ValueError(f"{self.key}: bad age range {self.age}")
        for table in (self.symptoms, self.signs, self.history, self.comorbidities):
            for key, p in table.items():
                if not 0.0 <= p <= 1.0:
                    raise ValueError(f"{self.key}: probability of {key} is {p}")
        return self
