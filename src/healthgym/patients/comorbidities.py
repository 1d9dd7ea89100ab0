"""Chronic conditions a synthetic patient may carry, with the medications they imply.

``medications`` are (drug name, dose and frequency) pairs a patient with the
condition typically takes (first-line long-term therapy per the cited guideline);
``features`` are clinical features (see :mod:`healthgym.clinical.features`) that the
condition implies for score calculation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Comorbidity:
    key: str
    name: str
    prevalence: float  # baseline probability in an adult ED population
    medications: tuple[tuple[str, str], ...] = ()
    source: str = ""


_COMORBIDITIES: list[Comorbidity] = [
    Comorbidity("hypertension", "Hypertension", 0.30,
                (("lisinopril", "10 mg once daily"),),
                "2017 ACC/AHA Hypertension Guideline"),
    Comorbidity("type2_diabetes", "Type 2 diabetes mellitus", 0.12,
                (("metformin", "1000 mg twice daily"),),
                "ADA Standards of Care in Diabetes 2024, section 9"),
    Comorbidity("hyperlipidemia", "Hyperlipidemia", 0.20,
                (("atorvastatin", "40 mg once daily"),),
                "2018 AHA/ACC Cholesterol Guideline"),
    Comorbidity("obesity", "Obesity (BMI 30 or more)", 0.15),
]

COMORBIDITIES: dict[str, Comorbidity] = {c.key: c for c in _COMORBIDITIES}
assert len(COMORBIDITIES) == len(_COMORBIDITIES), "duplicate comorbidity key"
