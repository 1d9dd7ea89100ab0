"""Treatments: antithrombotics and cardiovascular drugs and procedures."""

from __future__ import annotations

from .model import Treatment

CARDIOVASCULAR: list[Treatment] = [
    # --- antithrombotics -------------------------------------------------------------------
    Treatment(
        "aspirin",
        "Aspirin",
        "drug",
        ("asa", "acetylsalicylic acid", "ecotrin", "bayer aspirin"),
        ("nsaid",),
        source="2023 ESC ACS guideline",
    ),
    Treatment("clopidogrel", "Clopidogrel", "drug", ("plavix",), source="2023 ESC ACS guideline"),
    Treatment("ticagrelor", "Ticagrelor", "drug", ("brilinta",), source="2023 ESC ACS guideline"),
    Treatment(
        "prasugrel",
        "Prasugrel",
        "drug",
        ("effient",),
        contraindicated_in={
            "prior_stroke_tia": "Net harm after prior stroke or TIA "
            "(TRITON-TIMI 38; FDA boxed warning)"
        },
        source="Wiviott SD et al. N Engl J Med 2007;357:2001-15",
    ),
    Treatment(
        "heparin", "Unfractionated heparin infusion", "drug", ("ufh", "heparin drip"), ("heparin",)
    ),
    Treatment(
        "enoxaparin",
        "Enoxaparin",
        "drug",
        ("lovenox", "lmwh", "clexane"),
        ("heparin",),
        source="ASH 2018 HIT guideline (cross-reactivity)",
    ),
    Treatment(
        "fondaparinux",
        "Fondaparinux",
        "drug",
        ("arixtra",),
        source="ESC 2019 PE guideline; ASH 2018 HIT guideline",
    ),
    Treatment(
        "bivalirudin",
        "Bivalirudin",
        "drug",
        ("angiomax",),
        source="2023 ESC ACS guideline (alternative in HIT)",
    ),
    Treatment(
        "apixaban",
        "Apixaban",
        "drug",
        ("eliquis",),
        source="CHEST VTE guideline 2021; 2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "rivaroxaban", "Rivaroxaban", "drug", ("xarelto",), source="CHEST VTE guideline 2021"
    ),
    Treatment(
        "dabigatran",
        "Dabigatran",
        "drug",
        ("pradaxa",),
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "warfarin", "Warfarin", "drug", ("coumadin", "jantoven"), source="CHEST VTE guideline 2021"
    ),
    Treatment(
        "alteplase",
        "Alteplase (intravenous thrombolysis)",
        "drug",
        (
            "tpa",
            "rt-pa",
            "activase",
            "thrombolysis",
            "iv thrombolysis",
            "tissue plasminogen activator",
            "fibrinolysis",
        ),
        source="AHA/ASA acute ischemic stroke guideline 2019",
    ),
    Treatment(
        "tenecteplase",
        "Tenecteplase",
        "drug",
        ("tnkase", "tnk", "tnk-tpa"),
        source="AHA/ASA acute ischemic stroke guideline 2019",
    ),
    # --- cardiovascular -----------------------------------------------------------------
    Treatment(
        "pci",
        "Primary percutaneous coronary intervention",
        "procedure",
        (
            "primary pci",
            "percutaneous coronary intervention",
            "coronary angioplasty",
            "cath lab activation",
            "emergent cardiac catheterization",
            "ppci",
        ),
        source="2023 ESC ACS guideline",
    ),
    Treatment(
        "coronary_angiography",
        "Early invasive coronary angiography",
        "procedure",
        (
            "early invasive strategy",
            "invasive coronary angiography",
            "cardiac catheterization",
            "coronary angiogram",
        ),
        source="2023 ESC ACS guideline",
    ),
    Treatment(
        "metoprolol",
        "Metoprolol",
        "drug",
        ("lopressor", "toprol-xl", "toprol"),
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "esmolol", "Esmolol", "drug", ("brevibloc",), source="2022 ACC/AHA aortic disease guideline"
    ),
    Treatment(
        "labetalol",
        "Labetalol",
        "drug",
        ("trandate",),
        source="2022 ACC/AHA aortic disease guideline",
    ),
    Treatment(
        "propranolol",
        "Propranolol",
        "drug",
        ("inderal",),
        contraindicated_in={
            "asthma": "Non-selective beta-blockade can precipitate severe "
            "bronchospasm (GINA 2024; ATA 2016 advises a cardioselective "
            "agent)"
        },
        source="ATA hyperthyroidism guideline 2016",
    ),
    Treatment(
        "diltiazem",
        "Diltiazem",
        "drug",
        ("cardizem",),
        contraindicated_in={
            "heart_failure": "Negative inotrope: harmful in reduced "
            "ejection fraction (2023 ACC/AHA/ACCP/HRS AF guideline, "
            "class III: harm)"
        },
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "amiodarone",
        "Amiodarone",
        "drug",
        ("cordarone", "pacerone"),
        source="2023 ACC/AHA/ACCP/HRS AF guideline",
    ),
    Treatment(
        "digoxin", "Digoxin", "drug", ("lanoxin",), source="2023 ACC/AHA/ACCP/HRS AF guideline"
    ),
    Treatment(
        "furosemide",
        "Furosemide (intravenous loop diuretic)",
        "drug",
        ("lasix", "iv furosemide", "loop diuretic"),
        source="2022 AHA/ACC/HFSA heart failure guideline",
    ),
    Treatment(
        "bumetanide",
        "Bumetanide",
        "drug",
        ("bumex",),
        source="2022 AHA/ACC/HFSA heart failure guideline",
    ),
    Treatment(
        "spironolactone",
        "Spironolactone",
        "drug",
        ("aldactone",),
        source="AASLD 2021 ascites guidance",
    ),
    Treatment(
        "lisinopril",
        "Lisinopril",
        "drug",
        ("zestril", "prinivil"),
        source="KDIGO AKI 2012; AASLD 2021",
    ),
    Treatment(
        "aortic_surgery",
        "Emergency surgical repair of the ascending aorta",
        "procedure",
        (
            "emergency aortic surgery",
            "aortic repair",
            "ascending aortic replacement",
            "emergency cardiothoracic surgery",
        ),
        source="2022 ACC/AHA aortic disease guideline",
    ),
    Treatment(
        "colchicine",
        "Colchicine",
        "drug",
        ("colcrys", "mitigare"),
        source="ESC 2015 pericardial guideline; ACR 2020 gout guideline",
    ),
]


__all__ = ["CARDIOVASCULAR"]
