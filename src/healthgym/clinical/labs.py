"""Laboratory test catalogue: names, units, adult reference intervals and panels.

Reference intervals are conventional adult values (US units) as listed in the
Merck Manual Professional "Normal Laboratory Values" tables and the ABIM
laboratory reference ranges (2024).  A categorical test has ``normal_text`` (the
result reported for a healthy patient) instead of a numeric interval.
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


def _n(key: str, name: str, unit: str, panel: str, low: float, high: float, decimals: int = 1) -> LabTest:
    return LabTest(key, name, unit, panel, low, high, decimals)


def _c(key: str, name: str, panel: str, normal_text: str) -> LabTest:
    return LabTest(key, name, "", panel, normal_text=normal_text)


_TESTS: list[LabTest] = [
    # complete blood count
    _n("wbc", "White blood cells", "x10^9/L", "cbc", 4.5, 11.0),
    _n("neutrophils_pct", "Neutrophils", "%", "cbc", 40, 70, 0),
    _n("hemoglobin", "Hemoglobin", "g/dL", "cbc", 12.0, 16.0),
    _n("hematocrit", "Hematocrit", "%", "cbc", 36, 48, 0),
    _n("mcv", "Mean corpuscular volume", "fL", "cbc", 80, 100, 0),
    _n("platelets", "Platelets", "x10^9/L", "cbc", 150, 400, 0),
    # basic metabolic panel
    _n("sodium", "Sodium", "mmol/L", "bmp", 136, 145, 0),
    _n("potassium", "Potassium", "mmol/L", "bmp", 3.5, 5.0),
    _n("chloride", "Chloride", "mmol/L", "bmp", 98, 106, 0),
    _n("bicarbonate", "Bicarbonate", "mmol/L", "bmp", 23, 28, 0),
    _n("bun", "Blood urea nitrogen", "mg/dL", "bmp", 8, 20, 0),
    _n("creatinine", "Creatinine", "mg/dL", "bmp", 0.7, 1.3, 2),
    _n("glucose", "Glucose", "mg/dL", "bmp", 70, 99, 0),
    _n("calcium", "Calcium", "mg/dL", "bmp", 8.6, 10.2),
    # cardiac
    _n("troponin_i", "Troponin I (high-sensitivity)", "ng/L", "cardiac", 0, 26, 0),
    _n("bnp", "B-type natriuretic peptide", "pg/mL", "cardiac", 0, 100, 0),
    # coagulation / thrombosis
    _n("d_dimer", "D-dimer", "ng/mL FEU", "d_dimer", 0, 500, 0),
    # sepsis markers
    _n("lactate", "Lactate", "mmol/L", "lactate", 0.5, 2.0),
    # microbiology / point of care
    _c("rapid_strep", "Rapid streptococcal antigen test", "rapid_strep", "Negative"),
]

LAB_TESTS: dict[str, LabTest] = {t.key: t for t in _TESTS}
assert len(LAB_TESTS) == len(_TESTS), "duplicate lab key"


def panels() -> dict[str, list[str]]:
    """Panel name -> lab keys, in catalogue order."""
    out: dict[str, list[str]] = {}
    for t in _TESTS:
        out.setdefault(t.panel, []).append(t.key)
    return out
