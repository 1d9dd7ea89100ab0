"""Laboratory test catalogue: names, units, adult reference intervals and panels.

Reference intervals are conventional adult values (US units) as listed in the
Merck Manual Professional "Normal Laboratory Values" tables and the ABIM
laboratory reference ranges (2024); the random urine sodium interval is the usual
range on a normal salt intake (below 20 mmol/L indicates renal sodium avidity; KDIGO
AKI guideline 2012).  A categorical test has ``normal_text`` (the result reported for a
healthy patient) instead of a numeric interval.  ``plausible`` bounds are the extremes
met in clinical practice, used to reject impossible profile ranges.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabTest:
    key: str
    name: str
    unit: str
    panel: str
    low: float | None = None  # reference interval (numeric tests)
    high: float | None = None
    decimals: int = 1
    normal_text: str | None = None  # categorical tests: the normal result
    # numeric tests: the range of values compatible with life / measurable by the assay;
    # profile ranges must lie inside it (None = no bound recorded)
    plausible: tuple[float, float] | None = None

    @property
    def categorical(self) -> bool:
        return self.normal_text is not None

    def flag(self, value: float | str) -> str:
        """'H', 'L' or '' against the reference interval (categorical: '*' if abnormal)."""
        if self.categorical:
            return "" if value == self.normal_text else "*"
        assert self.low is not None and self.high is not None
        if float(value) > self.high:
            return "H"
        if float(value) < self.low:
            return "L"
        return ""


def _n(
    key: str,
    name: str,
    unit: str,
    panel: str,
    low: float,
    high: float,
    decimals: int = 1,
    plausible: tuple[float, float] | None = None,
) -> LabTest:
    return LabTest(key, name, unit, panel, low, high, decimals, plausible=plausible)


def _c(key: str, name: str, panel: str, normal_text: str) -> LabTest:
    return LabTest(key, name, "", panel, normal_text=normal_text)


_TESTS: list[LabTest] = [
    # complete blood count
    _n("wbc", "White blood cells", "x10^9/L", "cbc", 4.5, 11.0, 1, (0.1, 300)),
    _n("neutrophils_pct", "Neutrophils", "%", "cbc", 40, 70, 0, (0, 100)),
    _n("hemoglobin", "Hemoglobin", "g/dL", "cbc", 12.0, 16.0, 1, (2, 25)),
    _n("hematocrit", "Hematocrit", "%", "cbc", 36, 48, 0, (6, 75)),
    _n("mcv", "Mean corpuscular volume", "fL", "cbc", 80, 100, 0, (50, 140)),
    _n("platelets", "Platelets", "x10^9/L", "cbc", 150, 400, 0, (2, 2000)),
    # basic metabolic panel
    _n("sodium", "Sodium", "mmol/L", "bmp", 136, 145, 0, (100, 185)),
    _n("potassium", "Potassium", "mmol/L", "bmp", 3.5, 5.0, 1, (1.5, 10.0)),
    _n("chloride", "Chloride", "mmol/L", "bmp", 98, 106, 0, (65, 140)),
    _n("bicarbonate", "Bicarbonate", "mmol/L", "bmp", 23, 28, 0, (2, 55)),
    _n("bun", "Blood urea nitrogen", "mg/dL", "bmp", 8, 20, 0, (1, 250)),
    _n("creatinine", "Creatinine", "mg/dL", "bmp", 0.7, 1.3, 2, (0.2, 25)),
    _n("glucose", "Glucose", "mg/dL", "bmp", 70, 99, 0, (10, 2500)),
    _n("calcium", "Calcium", "mg/dL", "bmp", 8.6, 10.2, 1, (4, 20)),
    # liver panel
    _n("ast", "Aspartate aminotransferase (AST)", "U/L", "lft", 10, 40, 0, (3, 20000)),
    _n("alt", "Alanine aminotransferase (ALT)", "U/L", "lft", 7, 56, 0, (3, 20000)),
    _n("alk_phos", "Alkaline phosphatase", "U/L", "lft", 40, 130, 0, (10, 3000)),
    _n("bilirubin_total", "Total bilirubin", "mg/dL", "lft", 0.2, 1.2, 1, (0.1, 50)),
    _n("albumin", "Albumin", "g/dL", "lft", 3.5, 5.0, 1, (1.0, 6.0)),
    # coagulation
    _n("pt", "Prothrombin time", "s", "coag", 11.0, 13.5, 1, (8, 150)),
    _n("inr", "International normalized ratio", "", "coag", 0.8, 1.1, 1, (0.5, 15)),
    _n("ptt", "Activated partial thromboplastin time", "s", "coag", 25, 35, 0, (15, 200)),
    # cardiac
    _n("troponin_i", "Troponin I (high-sensitivity)", "ng/L", "cardiac", 0, 26, 0, (0, 200000)),
    _n("bnp", "B-type natriuretic peptide", "pg/mL", "cardiac", 0, 100, 0, (0, 50000)),
    # coagulation / thrombosis
    _n("d_dimer", "D-dimer", "ng/mL FEU", "d_dimer", 0, 500, 0, (0, 100000)),
    # sepsis markers
    _n("lactate", "Lactate", "mmol/L", "lactate", 0.5, 2.0, 1, (0.2, 30)),
    # pancreas
    _n("lipase", "Lipase", "U/L", "lipase", 0, 160, 0, (0, 30000)),
    # arterial blood gas (room air unless stated)
    _n("ph", "Arterial pH", "", "abg", 7.35, 7.45, 2, (6.7, 7.8)),
    _n("pco2", "Arterial pCO2", "mmHg", "abg", 35, 45, 0, (10, 150)),
    _n("po2", "Arterial pO2", "mmHg", "abg", 80, 100, 0, (20, 600)),
    # bedside spirometry
    _n(
        "peak_expiratory_flow",
        "Peak expiratory flow",
        "% predicted",
        "peak_flow",
        80,
        120,
        0,
        (5, 150),
    ),
    # urinalysis (dipstick and microscopy)
    _c("ua_leukocyte_esterase", "Urine leukocyte esterase", "urinalysis", "Negative"),
    _c("ua_nitrite", "Urine nitrite", "urinalysis", "Negative"),
    _c("ua_blood", "Urine blood", "urinalysis", "Negative"),
    _c("ua_glucose", "Urine glucose", "urinalysis", "Negative"),
    _c("ua_ketones", "Urine ketones", "urinalysis", "Negative"),
    _n("ua_wbc", "Urine white blood cells", "/hpf", "urinalysis", 0, 5, 0, (0, 1000)),
    # urine chemistry (random spot sample)
    _n("urine_sodium", "Urine sodium (random)", "mmol/L", "urine_chemistry", 20, 200, 0, (1, 300)),
    _n(
        "urine_osmolality",
        "Urine osmolality",
        "mOsm/kg",
        "urine_chemistry",
        50,
        1200,
        0,
        (30, 1400),
    ),
    _n("serum_osmolality", "Serum osmolality", "mOsm/kg", "osmolality", 275, 295, 0, (200, 450)),
    # endocrine
    _n("tsh", "Thyroid-stimulating hormone", "mIU/L", "thyroid", 0.4, 4.0, 3, (0.001, 500)),
    _n("free_t4", "Free thyroxine (free T4)", "ng/dL", "thyroid", 0.8, 1.8, 1, (0.1, 12)),
    _n("cortisol", "Cortisol (random)", "ug/dL", "cortisol", 5, 25, 1, (0.1, 100)),
    _n("acth", "Adrenocorticotropic hormone (ACTH)", "pg/mL", "cortisol", 10, 60, 0, (1, 3000)),
    _n("beta_hydroxybutyrate", "Beta-hydroxybutyrate", "mmol/L", "ketones", 0, 0.6, 1, (0, 15)),
    _n("hba1c", "Hemoglobin A1c", "%", "hba1c", 4.0, 5.6, 1, (3, 20)),
    # iron studies
    _n("ferritin", "Ferritin", "ng/mL", "iron", 15, 200, 0, (1, 10000)),
    _n("iron", "Serum iron", "ug/dL", "iron", 60, 170, 0, (5, 500)),
    _n("tibc", "Total iron-binding capacity", "ug/dL", "iron", 250, 370, 0, (100, 700)),
    _n("transferrin_saturation", "Transferrin saturation", "%", "iron", 20, 50, 0, (1, 100)),
    # inflammation and other chemistry
    _n("esr", "Erythrocyte sedimentation rate", "mm/h", "esr", 0, 20, 0, (0, 150)),
    _n("crp", "C-reactive protein", "mg/L", "crp", 0, 10, 0, (0, 500)),
    _n("uric_acid", "Uric acid", "mg/dL", "uric_acid", 3.5, 7.2, 1, (0.5, 25)),
    _n("ammonia", "Ammonia", "umol/L", "ammonia", 15, 45, 0, (5, 500)),
    # cerebrospinal fluid (lumbar puncture)
    _n("csf_wbc", "CSF white cells", "cells/uL", "csf", 0, 5, 0, (0, 50000)),
    _n("csf_rbc", "CSF red cells", "cells/uL", "csf", 0, 5, 0, (0, 1000000)),
    _n("csf_protein", "CSF protein", "mg/dL", "csf", 15, 45, 0, (5, 2000)),
    _n("csf_glucose", "CSF glucose", "mg/dL", "csf", 40, 70, 0, (0, 400)),
    _c("csf_gram_stain", "CSF Gram stain", "csf", "No organisms seen"),
    _c("csf_xanthochromia", "CSF xanthochromia", "csf", "Absent"),
    # synovial fluid (arthrocentesis)
    _n(
        "synovial_wbc", "Synovial fluid white cells", "cells/uL", "synovial", 0, 200, 0, (0, 300000)
    ),
    _n(
        "synovial_neutrophils_pct",
        "Synovial fluid neutrophils",
        "%",
        "synovial",
        0,
        25,
        0,
        (0, 100),
    ),
    _c("synovial_crystals", "Synovial fluid polarized microscopy", "synovial", "No crystals seen"),
    _c("synovial_gram_stain", "Synovial fluid Gram stain", "synovial", "No organisms seen"),
    _c("synovial_culture", "Synovial fluid culture", "synovial", "No growth"),
    # microbiology / point of care
    _c("blood_culture", "Blood cultures (2 sets)", "blood_culture", "No growth at 48 hours"),
    _c("urine_culture", "Urine culture", "urine_culture", "No significant growth"),
    _c("rapid_strep", "Rapid streptococcal antigen test", "rapid_strep", "Negative"),
    _c("throat_culture", "Throat swab culture", "throat_culture", "Normal oropharyngeal flora"),
    _c("c_difficile_toxin", "Stool C. difficile toxin/PCR", "stool", "Negative"),
]

LAB_TESTS: dict[str, LabTest] = {t.key: t for t in _TESTS}
assert len(LAB_TESTS) == len(_TESTS), "duplicate lab key"


def panels() -> dict[str, list[str]]:
    """Panel name -> lab keys, in catalogue order."""
    out: dict[str, list[str]] = {}
    for t in _TESTS:
        out.setdefault(t.panel, []).append(t.key)
    return out
