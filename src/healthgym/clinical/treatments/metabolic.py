"""Treatments: fluids, electrolytes and endocrine."""

from __future__ import annotations

from .model import Treatment

METABOLIC: list[Treatment] = [
    # --- fluids, electrolytes, endocrine -------------------------------------------------
    Treatment(
        "iv_fluids",
        "Intravenous isotonic crystalloid",
        "supportive",
        (
            "iv fluids",
            "normal saline",
            "0.9% saline",
            "lactated ringer's",
            "ringer's lactate",
            "crystalloid bolus",
            "fluid resuscitation",
            "plasma-lyte",
        ),
        source="Surviving Sepsis Campaign 2021; ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "fluid_restriction",
        "Fluid restriction",
        "supportive",
        ("free water restriction", "water restriction", "fluid restrict"),
        source="European hyponatraemia guideline 2014",
    ),
    Treatment(
        "tolvaptan",
        "Tolvaptan",
        "drug",
        ("samsca",),
        contraindicated_in={
            "cirrhosis": "Risk of serious liver injury and GI bleeding (FDA labelling)"
        },
        source="Verbalis JG et al. Am J Med 2013",
    ),
    Treatment(
        "oral_urea",
        "Oral urea",
        "drug",
        ("ure-na", "urea tablets"),
        source="European hyponatraemia guideline 2014",
    ),
    Treatment(
        "insulin_infusion",
        "Intravenous insulin infusion",
        "drug",
        (
            "iv insulin",
            "insulin drip",
            "insulin infusion",
            "fixed-rate insulin infusion",
            "variable-rate insulin infusion",
        ),
        source="ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "potassium_replacement",
        "Potassium replacement",
        "drug",
        ("potassium chloride", "kcl", "iv potassium", "potassium supplementation"),
        source="ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "sodium_bicarbonate",
        "Sodium bicarbonate infusion",
        "drug",
        ("sodium bicarbonate", "nahco3", "bicarb"),
        source="ADA hyperglycemic crises consensus 2024",
    ),
    Treatment(
        "dextrose_iv",
        "Intravenous dextrose",
        "drug",
        ("d50", "d10", "iv dextrose", "dextrose 50%", "iv glucose"),
        source="ADA Standards of Care 2024, section 6",
    ),
    Treatment(
        "glucagon",
        "Glucagon",
        "drug",
        ("glucagen", "gvoke", "baqsimi"),
        source="ADA Standards of Care 2024, section 6",
    ),
    Treatment(
        "propylthiouracil",
        "Propylthiouracil",
        "drug",
        ("ptu",),
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "methimazole",
        "Methimazole",
        "drug",
        ("tapazole", "thiamazole"),
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "potassium_iodide",
        "Potassium iodide (SSKI or Lugol's solution)",
        "drug",
        ("sski", "lugol's solution", "lugol's iodine", "saturated solution of potassium iodide"),
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "calcium_gluconate",
        "Calcium gluconate (intravenous)",
        "drug",
        ("iv calcium", "calcium gluconate 10%"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "calcium_chloride",
        "Calcium chloride (intravenous)",
        "drug",
        ("cacl2", "calcium chloride 10%"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "insulin_dextrose",
        "Intravenous regular insulin with dextrose",
        "drug",
        ("insulin and dextrose", "insulin-dextrose", "insulin and glucose", "insulin-glucose"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "sodium_zirconium_cyclosilicate",
        "Sodium zirconium cyclosilicate",
        "drug",
        ("lokelma", "szc"),
        source="UK Kidney Association hyperkalaemia guideline 2023",
    ),
    Treatment(
        "stop_nephrotoxins",
        "Withhold nephrotoxic drugs, ACE inhibitors/ARBs and diuretics",
        "supportive",
        (
            "stop nephrotoxins",
            "hold nephrotoxic medications",
            "hold ace inhibitor",
            "withhold nephrotoxins",
        ),
        source="KDIGO AKI guideline 2012",
    ),
]


__all__ = ["METABOLIC"]
