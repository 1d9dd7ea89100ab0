"""Indications: the conditions the formulary's drugs treat.

Each drug lists the condition keys it is used for; a synthetic patient taking a drug
always has one of its indications on the problem list.  ``sex``/``min_age``/
``max_age`` keep patients coherent (benign prostatic hyperplasia only in men,
contraception only in women of reproductive age); ``acute`` marks short courses
(infections, nausea), of which a patient has at most one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Condition:
    key: str
    name: str
    sex: Literal["male", "female"] | None = None
    min_age: int = 18
    max_age: int = 95
    acute: bool = False


_CONDITIONS = [
    Condition("hypertension", "Hypertension", min_age=30),
    Condition("hyperlipidemia", "Hyperlipidaemia", min_age=30),
    Condition("coronary_artery_disease", "Coronary artery disease", min_age=40),
    Condition("stable_angina", "Stable angina", min_age=40),
    Condition("heart_failure", "Heart failure with reduced ejection fraction", min_age=40),
    Condition("atrial_fibrillation", "Atrial fibrillation", min_age=45),
    Condition("venous_thromboembolism", "Venous thromboembolism (DVT/PE)"),
    Condition("type2_diabetes", "Type 2 diabetes mellitus", min_age=25),
    Condition("hypothyroidism", "Hypothyroidism"),
    Condition("hyperthyroidism", "Hyperthyroidism (Graves disease)"),
    Condition("depression", "Major depressive disorder"),
    Condition("anxiety", "Generalised anxiety disorder"),
    Condition("insomnia", "Insomnia"),
    Condition("bipolar_disorder", "Bipolar disorder"),
    Condition("schizophrenia", "Schizophrenia"),
    Condition("epilepsy", "Epilepsy"),
    Condition("neuropathic_pain", "Neuropathic pain", min_age=30),
    Condition("chronic_pain", "Chronic musculoskeletal pain", min_age=30),
    Condition("acute_pain", "Acute pain", acute=True),
    Condition("osteoarthritis", "Osteoarthritis", min_age=45),
    Condition("rheumatoid_arthritis", "Rheumatoid arthritis"),
    Condition("gout", "Gout", min_age=30),
    Condition("gerd", "Gastro-oesophageal reflux disease"),
    Condition("nausea", "Nausea and vomiting", acute=True),
    Condition("diarrhea", "Acute diarrhoea", acute=True),
    Condition("asthma", "Asthma"),
    Condition("copd", "Chronic obstructive pulmonary disease", min_age=45),
    Condition("allergic_rhinitis", "Allergic rhinitis"),
    Condition("cough", "Acute cough", acute=True),
    Condition("bph", "Benign prostatic hyperplasia", sex="male", min_age=50),
    Condition("overactive_bladder", "Overactive bladder", min_age=40),
    Condition("erectile_dysfunction", "Erectile dysfunction", sex="male", min_age=35),
    Condition("migraine", "Migraine", max_age=70),
    Condition("dementia", "Alzheimer disease", min_age=65),
    Condition("adhd", "Attention-deficit/hyperactivity disorder", max_age=60),
    Condition("hiv", "HIV infection"),
    Condition("urinary_tract_infection", "Urinary tract infection", acute=True),
    Condition("pneumonia", "Community-acquired pneumonia", acute=True),
    Condition("skin_infection", "Skin and soft-tissue infection", acute=True),
    Condition("intra_abdominal_infection", "Complicated intra-abdominal infection", acute=True),
    Condition("c_difficile", "Clostridioides difficile infection", acute=True),
    Condition("herpes_zoster", "Herpes zoster", acute=True),
    Condition("influenza", "Influenza", acute=True),
    Condition("fungal_infection", "Invasive or mucosal fungal infection", acute=True),
    Condition("tuberculosis", "Tuberculosis (active or latent)"),
    Condition("kidney_transplant", "Kidney transplant recipient"),
    Condition("breast_cancer", "Hormone receptor-positive breast cancer", sex="female"),
    Condition("osteoporosis", "Osteoporosis", min_age=50),
    Condition("hypokalemia", "Hypokalaemia"),
    Condition("muscle_spasm", "Muscle spasm or spasticity"),
    Condition("contraception", "Contraception", sex="female", max_age=45),
    Condition("menopause", "Menopausal vasomotor symptoms", sex="female", min_age=45),
    Condition("edema", "Oedema"),
    Condition("cirrhosis", "Cirrhosis", min_age=30),
    Condition("iron_deficiency", "Iron-deficiency anaemia"),
    Condition("smoking_cessation", "Tobacco use disorder"),
    Condition("opioid_use_disorder", "Opioid use disorder", max_age=75),
    Condition("hypocalcemia", "Calcium supplementation (low dietary intake)"),
    Condition("parkinson_disease", "Parkinson disease", min_age=45),
    Condition("chronic_kidney_disease", "Chronic kidney disease"),
]

CONDITIONS: dict[str, Condition] = {c.key: c for c in _CONDITIONS}
