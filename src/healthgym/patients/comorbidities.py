"""Chronic conditions a synthetic patient may carry, with the medications they imply.

``medications`` are (drug name, dose and frequency) pairs a patient with the
condition typically takes (first-line long-term therapy per the cited guideline);
``features`` are clinical features (see :mod:`healthgym.clinical.features`) that the
condition implies for score calculation; ``sex`` restricts a sex-specific condition.
Baseline prevalences are rough adult emergency-department figures (CDC NHANES / NHIS
summaries and the cited guidelines) used only to add realistic background history.
Names never contain the name or a synonym of a disease profile (no leaks).
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
    features: tuple[str, ...] = ()  # feature keys the condition implies
    sex: str | None = None  # 'male' / 'female' for sex-specific conditions


_COMORBIDITIES: list[Comorbidity] = [
    Comorbidity(
        "hypertension",
        "Hypertension",
        0.30,
        (("lisinopril", "10 mg once daily"),),
        "2017 ACC/AHA Hypertension Guideline",
    ),
    Comorbidity(
        "type2_diabetes",
        "Type 2 diabetes mellitus",
        0.12,
        (("metformin", "1000 mg twice daily"),),
        "ADA Standards of Care in Diabetes 2024, section 9",
    ),
    Comorbidity(
        "hyperlipidemia",
        "Hyperlipidemia",
        0.20,
        (("atorvastatin", "40 mg once daily"),),
        "2018 AHA/ACC Cholesterol Guideline",
    ),
    Comorbidity("obesity", "Obesity (BMI 30 or more)", 0.15),
    Comorbidity(
        "type1_diabetes",
        "Type 1 diabetes mellitus",
        0.005,
        (("insulin glargine", "20 units at bedtime"), ("insulin lispro", "4-8 units with meals")),
        "ADA Standards of Care in Diabetes 2024, section 9",
    ),
    Comorbidity(
        "coronary_artery_disease",
        "Coronary artery disease",
        0.06,
        (
            ("aspirin", "81 mg once daily"),
            ("atorvastatin", "80 mg once daily"),
            ("metoprolol succinate", "50 mg once daily"),
        ),
        "2023 AHA/ACC Chronic Coronary Disease Guideline",
        features=("known_cad",),
    ),
    Comorbidity(
        "heart_failure",
        "Heart failure with reduced ejection fraction",
        0.03,
        (
            ("sacubitril/valsartan", "49/51 mg twice daily"),
            ("metoprolol succinate", "100 mg once daily"),
            ("spironolactone", "25 mg once daily"),
            ("dapagliflozin", "10 mg once daily"),
            ("furosemide", "40 mg once daily"),
        ),
        "2022 AHA/ACC/HFSA Heart Failure Guideline",
    ),
    Comorbidity(
        "atrial_fibrillation",
        "Atrial fibrillation",
        0.04,
        (("apixaban", "5 mg twice daily"), ("metoprolol succinate", "50 mg once daily")),
        "2023 ACC/AHA/ACCP/HRS Atrial Fibrillation Guideline",
    ),
    Comorbidity(
        "prior_stroke_tia",
        "Previous stroke or transient ischaemic attack",
        0.03,
        (("clopidogrel", "75 mg once daily"), ("atorvastatin", "80 mg once daily")),
        "2021 AHA/ASA Secondary Stroke Prevention Guideline",
    ),
    Comorbidity(
        "peripheral_arterial_disease",
        "Peripheral arterial disease",
        0.03,
        (("aspirin", "81 mg once daily"), ("atorvastatin", "80 mg once daily")),
        "2024 ACC/AHA Lower Extremity Peripheral Artery Disease Guideline",
    ),
    Comorbidity(
        "chronic_kidney_disease",
        "Chronic kidney disease, stage 3-4",
        0.08,
        (("lisinopril", "20 mg once daily"), ("amlodipine", "5 mg once daily")),
        "KDIGO 2024 Clinical Practice Guideline for CKD",
    ),
    Comorbidity(
        "copd",
        "Chronic obstructive pulmonary disease",
        0.05,
        (
            ("umeclidinium/vilanterol", "62.5/25 mcg one inhalation once daily"),
            ("albuterol inhaler", "90 mcg 2 puffs as needed"),
        ),
        "GOLD 2024 Report",
    ),
    Comorbidity(
        "asthma",
        "Asthma",
        0.08,
        (("budesonide/formoterol", "160/4.5 mcg 2 puffs twice daily and as needed"),),
        "GINA 2024 Global Strategy for Asthma Management",
    ),
    Comorbidity(
        "cirrhosis",
        "Cirrhosis of the liver",
        0.01,
        (("spironolactone", "100 mg once daily"), ("furosemide", "40 mg once daily")),
        "AASLD 2021 Practice Guidance on Ascites",
    ),
    Comorbidity(
        "alcohol_use_disorder",
        "Alcohol use disorder",
        0.05,
        (("thiamine", "100 mg once daily"),),
        "APA Practice Guideline for Alcohol Use Disorder 2018",
        features=("alcohol_excess",),
    ),
    Comorbidity(
        "peptic_ulcer_disease",
        "Peptic ulcer disease",
        0.03,
        (("omeprazole", "20 mg once daily"),),
        "ACG Clinical Guideline: Treatment of H. pylori Infection 2024",
    ),
    Comorbidity(
        "hypothyroidism",
        "Hypothyroidism",
        0.05,
        (("levothyroxine", "100 mcg once daily"),),
        "ATA Guidelines for the Treatment of Hypothyroidism 2014",
    ),
    Comorbidity(
        "graves_disease",
        "Graves' disease",
        0.005,
        (("methimazole", "10 mg once daily"),),
        "ATA Hyperthyroidism Guideline 2016",
    ),
    Comorbidity(
        "adrenal_insufficiency",
        "Primary adrenal insufficiency",
        0.002,
        (
            ("hydrocortisone", "15 mg on waking and 5 mg in the early afternoon"),
            ("fludrocortisone", "0.1 mg once daily"),
        ),
        "Endocrine Society Primary Adrenal Insufficiency Guideline 2016",
    ),
    Comorbidity(
        "osteoarthritis",
        "Osteoarthritis",
        0.10,
        (("ibuprofen", "400 mg three times daily as needed"),),
        "2019 ACR/Arthritis Foundation Osteoarthritis Guideline",
    ),
    Comorbidity(
        "rheumatoid_arthritis",
        "Rheumatoid arthritis",
        0.01,
        (("methotrexate", "15 mg once weekly"), ("folic acid", "1 mg once daily")),
        "2021 ACR Rheumatoid Arthritis Guideline",
    ),
    Comorbidity(
        "depression",
        "Major depressive disorder",
        0.08,
        (("sertraline", "50 mg once daily"),),
        "APA Practice Guideline for Major Depressive Disorder 2010",
    ),
    Comorbidity(
        "lung_cancer",
        "Small-cell lung cancer on chemotherapy",
        0.002,
        (),
        "NCCN Small Cell Lung Cancer Guidelines 2024",
        features=("active_cancer",),
    ),
    Comorbidity(
        "benign_prostatic_hyperplasia",
        "Benign prostatic hyperplasia",
        0.05,
        (("tamsulosin", "0.4 mg once daily"),),
        "AUA BPH Guideline 2023",
        sex="male",
    ),
]

COMORBIDITIES: dict[str, Comorbidity] = {c.key: c for c in _COMORBIDITIES}
assert len(COMORBIDITIES) == len(_COMORBIDITIES), "duplicate comorbidity key"
