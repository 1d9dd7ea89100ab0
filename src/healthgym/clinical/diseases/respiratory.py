"""Respiratory disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="community_acquired_pneumonia",
        name="Community-acquired pneumonia",
        synonyms=("CAP", "bacterial pneumonia", "lobar pneumonia", "pneumonia"),
        icd10="J18.9",
        system="respiratory",
        source=(
            "Metlay JP et al. Diagnosis and treatment of adults with community-acquired "
            "pneumonia. ATS/IDSA guideline. Am J Respir Crit Care Med 2019;200:e45-e67; "
            "Lim WS et al. Thorax 2003;58:377-82 (CURB-65)."
        ),
        age=(25, 90),
        female_fraction=0.45,
        chief_complaints=("cough and fever for three days", "fever and shortness of breath"),
        symptoms={"cough": 1.0, "productive_cough": 0.7, "fever_reported": 0.9, "chills": 0.6,
                  "dyspnea": 0.7, "pleuritic_chest_pain": 0.35, "hemoptysis": 0.05},
        signs={"crackles": 0.9, "confusion": 0.15},
        history={"current_smoker": 0.3},
        comorbidities={"hypertension": 0.3, "type2_diabetes": 0.15},
        vitals={"hr": (95, 125), "rr": (20, 30), "temp_c": (38.2, 39.8), "spo2": (88, 95),
                "sbp": (95, 140)},
        exam={"respiratory": ("Bronchial breath sounds and dullness to percussion over the "
                              "right lower zone.",)},
        labs={"wbc": (12.5, 22.0), "neutrophils_pct": (78, 90), "bun": (12, 32)},
        imaging={"chest_xray": "Dense airspace consolidation in the right lower lobe with air "
                               "bronchograms. No effusion. No pneumothorax."},
        key_tests=("chest_xray",),
        scores=("curb65",),
        first_line=("ceftriaxone", "azithromycin"),
        contraindicated={},
    ),
]
