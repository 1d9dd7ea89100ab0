"""Acute pancreatitis prognosis: Ranson criteria (non-gallstone and gallstone versions)."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["ranson"]

_RANSON = (
    "Ranson JH, Rifkind KM, Roses DF, Fink SD, Eng K, Spencer FC. Prognostic signs and the "
    "role of operative management in acute pancreatitis. Surg Gynecol Obstet. "
    "1974;139(1):69-81 (non-gallstone criteria). Gallstone criteria: Ranson JH. The timing "
    "of biliary surgery in acute pancreatitis. Ann Surg. 1979;189(5):654-663; summarised "
    "in Ranson JH. Etiological and prognostic factors in human acute pancreatitis: a "
    "review. Am J Gastroenterol. 1982;77(9):633-638."
)

# Thresholds: (non-gallstone, gallstone). Admission criteria are "value > threshold".
_ADMISSION = {
    "age": (55.0, 70.0),
    "wbc": (16.0, 18.0),  # x10^9/L (16,000 / 18,000 per mm^3)
    "glucose": (200.0, 220.0),  # mg/dL
    "ldh": (350.0, 400.0),  # IU/L
    "ast": (250.0, 250.0),  # IU/L
}
_HCT_FALL = 10.0  # percentage points, both versions
_BUN_RISE = (5.0, 2.0)  # mg/dL
_CALCIUM = 8.0  # mg/dL, both versions ("< 8")
_PAO2 = 60.0  # mmHg, non-gallstone only ("< 60")
_BASE_DEFICIT = (4.0, 5.0)  # mEq/L
_FLUID = (6.0, 4.0)  # litres


def ranson(
    *,
    age: float,
    wbc: float,
    glucose_mg_dl: float,
    ldh_u_l: float,
    ast_u_l: float,
    gallstone: bool,
    hematocrit_fall_pct_points: float | None = None,
    bun_rise_mg_dl: float | None = None,
    calcium_mg_dl: float | None = None,
    pao2_mm_hg: float | None = None,
    base_deficit_meq_l: float | None = None,
    fluid_sequestration_l: float | None = None,
) -> ScoreResult:
    """Ranson criteria for acute pancreatitis (one point per criterion).

    Sources: Ranson JH, Rifkind KM, Roses DF, et al. Surg Gynecol Obstet 1974;139:69-81
    (non-gallstone criteria); gallstone variant: Ranson JH. Ann Surg 1979;189:654-663,
    summarised in Ranson JH. Am J Gastroenterol 1982;77:633-638.

    Non-gallstone (``gallstone=False``), on admission: age > 55 years; WBC > 16 x10^9/L
    (16,000/mm^3); glucose > 200 mg/dL; LDH > 350 IU/L; AST > 250 IU/L. During the first
    48 hours: haematocrit fall > 10 percentage points; BUN rise > 5 mg/dL; calcium
    < 8 mg/dL; arterial PaO2 < 60 mmHg; base deficit > 4 mEq/L; estimated fluid
    sequestration > 6 L (11 criteria).

    Gallstone (``gallstone=True``), on admission: age > 70; WBC > 18 x10^9/L; glucose
    > 220 mg/dL; LDH > 400 IU/L; AST > 250 IU/L. First 48 hours: haematocrit fall > 10
    points; BUN rise > 2 mg/dL; calcium < 8 mg/dL; base deficit > 5 mEq/L; fluid
    sequestration > 4 L (10 criteria; PaO2 is not used and is ignored if given).

    The 48-hour values may be ``None`` (not yet assessed, e.g. at admission); they then
    score 0 and the result says the score is incomplete (a minimum).

    Interpretation (mortality in Ranson's series, approximate):

    * 0-2: mild; mortality about 1%.
    * 3-4: severe pancreatitis predicted; mortality about 15%.
    * 5-6: mortality about 40%; intensive care.
    * >= 7: mortality approaching 100%.
    """
    col = 1 if v.flag("gallstone", gallstone) else 0
    admission_values = {
        "age": v.number("age", age, lo=v.AGE[0], hi=v.AGE[1]),
        "wbc": v.number("wbc", wbc, lo=v.WBC[0], hi=v.WBC[1]),
        "glucose": v.number("glucose_mg_dl", glucose_mg_dl, lo=0.0, hi=3000.0),
        "ldh": v.number("ldh_u_l", ldh_u_l, lo=0.0, hi=50000.0),
        "ast": v.number("ast_u_l", ast_u_l, lo=0.0, hi=50000.0),
    }
    components = {
        name: float(value > _ADMISSION[name][col]) for name, value in admission_values.items()
    }

    def later(name: str, value: float | None, lo: float, hi: float) -> float | None:
        return None if value is None else v.number(name, value, lo=lo, hi=hi)

    hct = later("hematocrit_fall_pct_points", hematocrit_fall_pct_points, -100.0, 100.0)
    bun = later("bun_rise_mg_dl", bun_rise_mg_dl, -300.0, 300.0)
    ca = later("calcium_mg_dl", calcium_mg_dl, 0.0, 30.0)
    pao2 = later("pao2_mm_hg", pao2_mm_hg, 0.0, 800.0)
    bd = later("base_deficit_meq_l", base_deficit_meq_l, -50.0, 50.0)
    fluid = later("fluid_sequestration_l", fluid_sequestration_l, -50.0, 100.0)

    criteria: dict[str, tuple[float | None, bool]] = {
        "hematocrit_fall": (hct, hct is not None and hct > _HCT_FALL),
        "bun_rise": (bun, bun is not None and bun > _BUN_RISE[col]),
        "calcium": (ca, ca is not None and ca < _CALCIUM),
        "pao2": (pao2, pao2 is not None and pao2 < _PAO2),
        "base_deficit": (bd, bd is not None and bd > _BASE_DEFICIT[col]),
        "fluid_sequestration": (fluid, fluid is not None and fluid > _FLUID[col]),
    }
    if col:
        del criteria["pao2"]
    missing = [name for name, (value, _) in criteria.items() if value is None]
    components.update({name: float(met) for name, (_, met) in criteria.items()})
    total = sum(components.values())

    if total <= 2:
        band = "mild pancreatitis predicted (mortality ~1%)"
    elif total <= 4:
        band = "severe pancreatitis predicted (mortality ~15%)"
    elif total <= 6:
        band = "severe pancreatitis (mortality ~40%); intensive care"
    else:
        band = "very severe pancreatitis (mortality approaching 100%); intensive care"
    version = "gallstone" if col else "non-gallstone"
    text = f"Ranson ({version}) {total:g}: {band}"
    if missing:
        text += (
            "; incomplete - 48-hour criteria not assessed ("
            + ", ".join(missing)
            + "), so the score is a minimum"
        )
    return ScoreResult(
        name="Ranson criteria",
        value=total,
        components=components,
        interpretation=text,
        source=_RANSON,
    )
