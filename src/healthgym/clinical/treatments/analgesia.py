"""Treatments: analgesia, anti-inflammatory drugs and corticosteroids."""

from __future__ import annotations

from .model import Treatment

_NSAID_CI = {
    "chronic_kidney_disease": "NSAIDs reduce renal perfusion and accelerate loss of kidney "
    "function (KDIGO 2024 CKD guideline)",
    "peptic_ulcer_disease": "NSAIDs cause ulcer recurrence and bleeding (ACG 2017 peptic ulcer "
    "guideline)",
    "heart_failure": "NSAIDs cause sodium retention and worsen heart failure (2022 AHA/ACC/HFSA "
    "guideline, class III: harm)",
    "cirrhosis": "NSAIDs precipitate renal failure and diuretic resistance in cirrhosis (AASLD "
    "2021 ascites guidance)",
}
_NSAID_SRC = "Lexicomp/FDA labelling; KDIGO 2024; AASLD 2021; 2022 AHA/ACC/HFSA HF guideline"

ANALGESIA: list[Treatment] = [
    # --- analgesia / anti-inflammatory -----------------------------------------------------
    Treatment(
        "ibuprofen",
        "Ibuprofen",
        "drug",
        ("advil", "motrin"),
        ("nsaid",),
        contraindicated_in=_NSAID_CI,
        source=_NSAID_SRC,
    ),
    Treatment(
        "naproxen",
        "Naproxen",
        "drug",
        ("aleve", "naprosyn"),
        ("nsaid",),
        contraindicated_in=_NSAID_CI,
        source=_NSAID_SRC,
    ),
    Treatment(
        "ketorolac",
        "Ketorolac",
        "drug",
        ("toradol",),
        ("nsaid",),
        contraindicated_in=_NSAID_CI,
        source=_NSAID_SRC,
    ),
    Treatment(
        "morphine",
        "Morphine",
        "drug",
        ("morphine sulfate", "ms contin"),
        source="ACG acute pancreatitis guideline 2024",
    ),
    Treatment(
        "hydromorphone",
        "Hydromorphone",
        "drug",
        ("dilaudid",),
        source="ACG acute pancreatitis guideline 2024",
    ),
    # --- corticosteroids -------------------------------------------------------------------
    Treatment(
        "prednisone",
        "Prednisone",
        "drug",
        ("deltasone", "prednisolone", "oral steroids"),
        source="GOLD 2024; GINA 2024; ACR 2021 GCA guideline",
    ),
    Treatment(
        "methylprednisolone",
        "Methylprednisolone",
        "drug",
        ("solu-medrol", "medrol", "iv methylprednisolone"),
        source="ACR/Vasculitis Foundation 2021 GCA guideline",
    ),
    Treatment(
        "hydrocortisone",
        "Hydrocortisone (intravenous)",
        "drug",
        ("solu-cortef", "iv hydrocortisone", "stress-dose steroids"),
        source="Endocrine Society primary adrenal insufficiency guideline 2016",
    ),
    Treatment(
        "dexamethasone",
        "Dexamethasone",
        "drug",
        ("decadron",),
        source="IDSA bacterial meningitis guideline 2004",
    ),
    Treatment(
        "intraarticular_corticosteroid",
        "Intra-articular corticosteroid injection",
        "procedure",
        (
            "intra-articular steroid",
            "joint injection",
            "intra-articular triamcinolone",
            "kenalog injection",
        ),
        source="ACR 2020 gout guideline",
    ),
]


__all__ = ["ANALGESIA"]
