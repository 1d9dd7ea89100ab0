"""Electrolyte and acid-base formulas: corrected calcium and sodium, serum osmolality,
free water deficit, FENa, and the (albumin-corrected) anion gap, delta gap and delta ratio.

Conventions (those MedCalc-Bench uses): normal anion gap 12 mEq/L, normal bicarbonate
24 mEq/L, normal albumin 4.0 g/dL. Sodium, chloride and bicarbonate are in mEq/L
(= mmol/L); sodium may also be given as Q in mg/dL (1 mmol/L = 2.299 mg/dL).
"""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.acid_base import anion_gap
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q

from .body import _fmt, _read, _weight

__all__ = [
    "albumin_corrected_anion_gap",
    "albumin_corrected_delta_gap",
    "albumin_corrected_delta_ratio",
    "calcium_correction",
    "delta_gap",
    "delta_ratio",
    "fena",
    "free_water_deficit",
    "serum_osmolality",
    "sodium_correction_hyperglycemia",
]

NORMAL_ANION_GAP = 12.0  # mEq/L
NORMAL_BICARBONATE = 24.0  # mEq/L
NORMAL_ALBUMIN = 4.0  # g/dL

_PAYNE_1973 = (
    "Payne RB, Little AJ, Williams RB, Milner JR. Interpretation of serum calcium in "
    "patients with abnormal serum proteins. Br Med J. 1973;4(5893):643-646."
)
_HILLIER_1999 = (
    "Hillier TA, Abbott RD, Barrett EJ. Hyponatremia: evaluating the correction factor for "
    "hyperglycemia. Am J Med. 1999;106(4):399-403."
)
_DORWART_1975 = (
    "Dorwart WV, Chalmers L. Comparison of methods for calculating serum osmolality from "
    "chemical concentrations, and the prognostic value of such calculations. Clin Chem. "
    "1975;21(2):190-194."
)
_ADROGUE_2000 = "Adrogue HJ, Madias NE. Hypernatremia. N Engl J Med. 2000;342(20):1493-1499."
_ESPINEL_1976 = (
    "Espinel CH. The FENa test. Use in the differential diagnosis of acute renal failure. "
    "JAMA. 1976;236(6):579-581."
)
_WRENN_1990 = (
    "Wrenn K. The delta (delta) gap: an approach to mixed acid-base disorders. Ann Emerg "
    "Med. 1990;19(11):1310-1313. Rastegar A. Use of the deltaAG/deltaHCO3- ratio in the "
    "diagnosis of mixed acid-base disorders. J Am Soc Nephrol. 2007;18(9):2429-2431."
)
_FIGGE_1998 = (
    "Figge J, Jabor A, Kazda A, Fencl V. Anion gap and hypoalbuminemia. Crit Care Med. "
    "1998;26(11):1807-1810."
)


def _sodium(x: float | Q, steps: list[str], name: str = "sodium") -> float:
    return _read(name, x, "sodium", "mmol/L", lo=80.0, hi=200.0, steps=steps)


def _albumin(x: float | Q, steps: list[str]) -> float:
    return _read("albumin", x, "albumin", "g/dL", lo=0.0, hi=10.0, steps=steps)


def calcium_correction(
    *, calcium: float | Q, albumin: float | Q, normal_albumin: float = NORMAL_ALBUMIN
) -> ScoreResult:
    """Serum calcium corrected for hypoalbuminaemia (Payne), mg/dL.

    Formula: corrected Ca = measured Ca (mg/dL) + 0.8 x (normal albumin - albumin (g/dL)),
    normal albumin 4.0 g/dL by default. Source: Payne RB et al. Br Med J 1973;4:643-646.
    Reference range about 8.5-10.5 mg/dL. Inputs: calcium in mg/dL (or Q in mmol/L),
    albumin in g/dL (or Q in g/L).
    """
    steps: list[str] = []
    ca = _read("calcium", calcium, "calcium", "mg/dL", lo=0.5, hi=30.0, steps=steps)
    alb = _albumin(albumin, steps)
    normal = v.number("normal_albumin", normal_albumin, lo=2.0, hi=6.0)
    value = ca + 0.8 * (normal - alb)
    steps.append(
        f"corrected Ca = Ca + 0.8 x (normal albumin - albumin) = {_fmt(ca)} + 0.8 x "
        f"({_fmt(normal)} - {_fmt(alb)}) = {_fmt(value)} mg/dL"
    )
    band = "low (<8.5)" if value < 8.5 else "high (>10.5)" if value > 10.5 else "normal (8.5-10.5)"
    return ScoreResult(
        name="Corrected calcium (Payne)",
        value=round(value, 6),
        components={"calcium_mg_dL": ca, "albumin_g_dL": alb, "normal_albumin_g_dL": normal},
        interpretation=f"Corrected calcium {_fmt(value)} mg/dL: {band}",
        source=_PAYNE_1973,
        unit="mg/dL",
        steps=tuple(steps),
    )


def _glucose(x: float | Q, steps: list[str]) -> float:
    return _read("glucose", x, "glucose", "mg/dL", lo=1.0, hi=5000.0, steps=steps)


def _sodium_band(value: float) -> str:
    if value < 135:
        return "hyponatraemia (<135)"
    if value > 145:
        return "hypernatraemia (>145)"
    return "normal (135-145)"


def sodium_correction_hyperglycemia(*, sodium: float | Q, glucose: float | Q) -> ScoreResult:
    """Sodium corrected for hyperglycaemia (Hillier), mEq/L.

    Formula: corrected Na = Na + 0.024 x (glucose (mg/dL) - 100), i.e. 2.4 mEq/L per
    100 mg/dL of glucose above 100 (Hillier TA et al. Am J Med 1999;106:399-403; the older
    Katz 1973 factor is 1.6). As MedCalc-Bench does, the linear formula is applied to any
    glucose, so glucose below 100 mg/dL gives a small negative correction.
    Inputs: sodium in mEq/L; glucose in mg/dL (or Q in mmol/L).
    """
    steps: list[str] = []
    na = _sodium(sodium, steps)
    glu = _glucose(glucose, steps)
    value = na + 0.024 * (glu - 100)
    steps.append(
        f"corrected Na = Na + 0.024 x (glucose - 100) = {_fmt(na)} + 0.024 x ({_fmt(glu)} - 100)"
        f" = {_fmt(value)} mEq/L"
    )
    return ScoreResult(
        name="Sodium corrected for hyperglycaemia (Hillier)",
        value=round(value, 6),
        components={"sodium_mEq_L": na, "glucose_mg_dL": glu},
        interpretation=f"Corrected sodium {_fmt(value)} mEq/L: {_sodium_band(value)}",
        source=_HILLIER_1999,
        unit="mEq/L",
        steps=tuple(steps),
    )


def serum_osmolality(*, sodium: float | Q, glucose: float | Q, bun: float | Q) -> ScoreResult:
    """Calculated serum osmolality, mOsm/kg.

    Formula: 2 x Na (mmol/L) + glucose (mg/dL) / 18 + BUN (mg/dL) / 2.8. Source: Dorwart WV,
    Chalmers L. Clin Chem 1975;21:190-194. Reference range about 275-295 mOsm/kg.
    Inputs: sodium in mmol/L; glucose and BUN in mg/dL (or Q in mmol/L).
    """
    steps: list[str] = []
    na = _sodium(sodium, steps)
    glu = _glucose(glucose, steps)
    urea_n = _read("BUN", bun, "bun", "mg/dL", lo=0.0, hi=v.BUN_MG_DL[1], steps=steps)
    value = 2 * na + glu / 18 + urea_n / 2.8
    steps.append(
        f"osmolality = 2 x Na + glucose / 18 + BUN / 2.8 = 2 x {_fmt(na)} + {_fmt(glu)} / 18 "
        f"+ {_fmt(urea_n)} / 2.8 = {_fmt(value)} mOsm/kg"
    )
    band = "low (<275)" if value < 275 else "high (>295)" if value > 295 else "normal (275-295)"
    return ScoreResult(
        name="Serum osmolality (calculated)",
        value=round(value, 6),
        components={"sodium_mmol_L": na, "glucose_mg_dL": glu, "bun_mg_dL": urea_n},
        interpretation=f"Calculated osmolality {_fmt(value)} mOsm/kg: {band}",
        source=_DORWART_1975,
        unit="mOsm/kg",
        steps=tuple(steps),
    )


def free_water_deficit(
    *,
    sodium: float | Q,
    weight: float | Q,
    age: float | Q,
    sex: Literal["male", "female"],
) -> ScoreResult:
    """Free water deficit, L: TBW fraction x weight (kg) x (Na / 140 - 1).

    Source: Adrogue HJ, Madias NE. N Engl J Med 2000;342:1493-1499 (target sodium 140).
    Total-body-water fraction: 0.6 for children (< 18 years) and adult men (18-64), 0.5 for
    adult women and elderly men (>= 65), 0.45 for elderly women. A negative result is a
    water excess (hyponatraemia). Inputs: sodium in mmol/L; weight in kg (or Q in lb, g);
    age in years (or Q in months); sex.
    """
    sex = v.choice("sex", sex, ("male", "female"))
    steps: list[str] = []
    na = _sodium(sodium, steps)
    w = _weight(weight, steps)
    years = _read("age", age, "age", "yr", lo=0.0, hi=v.AGE[1], steps=steps)
    if years < 18:
        tbw, group = 0.6, "child (<18 years)"
    elif years < 65:
        tbw, group = (0.6, "adult man") if sex == "male" else (0.5, "adult woman")
    else:
        tbw, group = (0.5, "elderly man") if sex == "male" else (0.45, "elderly woman")
    value = tbw * w * (na / 140 - 1)
    steps.append(f"total body water fraction for {group}: {tbw:g}")
    steps.append(
        f"free water deficit = {tbw:g} x {_fmt(w)} kg x ({_fmt(na)} / 140 - 1) = {_fmt(value)} L"
    )
    meaning = "water deficit (hypernatraemia)" if value > 0 else "no deficit"
    if value < 0:
        meaning = "water excess (hyponatraemia)"
    return ScoreResult(
        name="Free water deficit",
        value=round(value, 6),
        components={"sodium_mmol_L": na, "weight_kg": w, "age_years": years, "tbw_fraction": tbw},
        interpretation=f"Free water deficit {_fmt(value)} L: {meaning}",
        source=_ADROGUE_2000,
        unit="L",
        steps=tuple(steps),
    )


def fena(
    *,
    sodium: float | Q,
    creatinine: float | Q,
    urine_sodium: float | Q,
    urine_creatinine: float | Q,
) -> ScoreResult:
    """Fractional excretion of sodium, %.

    Formula: FENa = (urine Na x serum Cr) / (serum Na x urine Cr) x 100. Source: Espinel
    CH. JAMA 1976;236:579-581. < 1 % suggests prerenal azotaemia, > 2 % intrinsic renal
    injury (acute tubular necrosis); diuretics invalidate it. Inputs: sodium values in
    mEq/L; creatinine values in mg/dL (or Q in umol/L; only the ratio matters).
    """
    steps: list[str] = []
    na = _sodium(sodium, steps)
    scr = _read("creatinine", creatinine, "creatinine", "mg/dL", lo=0.05, hi=40.0, steps=steps)
    una = _read("urine sodium", urine_sodium, "electrolyte", "mmol/L", lo=0, hi=500, steps=steps)
    ucr = _read(
        "urine creatinine", urine_creatinine, "creatinine", "mg/dL", lo=0.5, hi=1000.0, steps=steps
    )
    value = una * scr / (na * ucr) * 100
    steps.append(
        f"FENa = (urine Na x serum Cr) / (serum Na x urine Cr) x 100 = ({_fmt(una)} x "
        f"{_fmt(scr)}) / ({_fmt(na)} x {_fmt(ucr)}) x 100 = {_fmt(value)} %"
    )
    band = "< 1 %: suggests a prerenal cause" if value < 1 else "1-2 %: indeterminate"
    if value > 2:
        band = "> 2 %: suggests intrinsic renal injury (e.g. acute tubular necrosis)"
    return ScoreResult(
        name="Fractional excretion of sodium",
        value=round(value, 6),
        components={
            "sodium_mEq_L": na,
            "creatinine_mg_dL": scr,
            "urine_sodium_mEq_L": una,
            "urine_creatinine_mg_dL": ucr,
        },
        interpretation=f"FENa {_fmt(value)} %: {band}",
        source=_ESPINEL_1976,
        unit="%",
        steps=tuple(steps),
    )


def _acid_base(
    measure: str,
    sodium: float | Q,
    chloride: float | Q,
    bicarbonate: float | Q,
    albumin: float | Q | None = None,
) -> ScoreResult:
    """The anion-gap family. ``measure``: 'gap' (albumin-corrected AG), 'delta' (gap - 12)
    or 'ratio' ((gap - 12) / (24 - HCO3)); with ``albumin`` the gap is albumin-corrected."""
    steps: list[str] = []
    na = _sodium(sodium, steps)
    cl = _read("chloride", chloride, "electrolyte", "mmol/L", lo=40, hi=160, steps=steps)
    hco3 = _read("bicarbonate", bicarbonate, "electrolyte", "mmol/L", lo=0, hi=70, steps=steps)
    ag = float(anion_gap(sodium=na, chloride=cl, bicarbonate=hco3).value)
    steps.append(f"anion gap = Na - (Cl + HCO3) = {_fmt(na)} - ({_fmt(cl)} + {_fmt(hco3)})")
    steps.append(f"anion gap = {_fmt(ag)} mEq/L")
    components = {"anion_gap": ag, "bicarbonate": hco3}
    gap, label, prefix, source = ag, "AG", "", _WRENN_1990
    if albumin is not None:
        alb = _albumin(albumin, steps)
        gap = ag + 2.5 * (NORMAL_ALBUMIN - alb)
        steps.append(
            f"albumin-corrected anion gap = AG + 2.5 x (4 - albumin) = {_fmt(ag)} + 2.5 x "
            f"(4 - {_fmt(alb)}) = {_fmt(gap)} mEq/L"
        )
        components.update(albumin_g_dL=alb, corrected_anion_gap=gap)
        label, prefix, source = "corrected AG", "albumin-corrected ", _FIGGE_1998 + " " + source
    unit = "mEq/L"
    if measure == "gap":
        value, name, source = gap, "albumin-corrected anion gap", _FIGGE_1998
        band = "elevated (> 12)" if value > NORMAL_ANION_GAP else "not elevated (<= 12)"
        text = f"{_fmt(value)} mEq/L: {band}"
    else:
        dg = gap - NORMAL_ANION_GAP
        steps.append(f"delta gap = {label} - 12 = {_fmt(gap)} - 12 = {_fmt(dg)} mEq/L")
        fall = NORMAL_BICARBONATE - hco3
        if measure == "delta":
            value, name = dg, prefix + "delta gap"
            where = "above" if dg > 0 else "below" if dg < 0 else "at"
            text = (
                f"{_fmt(value)} mEq/L: {label} {_fmt(abs(dg))} mEq/L {where} normal (12); "
                f"bicarbonate fall 24 - HCO3 = {_fmt(fall)} mEq/L"
            )
        else:
            if fall == 0:
                raise CalculatorInputError(
                    "bicarbonate equals the normal 24 mEq/L, so the delta ratio (divided by "
                    "24 - bicarbonate) is undefined"
                )
            value, name, unit = dg / fall, prefix + "delta ratio", ""
            steps.append(
                f"delta ratio = delta gap / (24 - HCO3) = {_fmt(dg)} / (24 - {_fmt(hco3)}) "
                f"= {_fmt(value)}"
            )
            text = f"{_fmt(value)}: {_ratio_text(value, hco3)}"
    name = name[0].upper() + name[1:]
    return ScoreResult(
        name=name,
        value=round(value, 6),
        components=components,
        interpretation=f"{name} {text}",
        source=source,
        unit=unit,
        steps=tuple(steps),
    )


def _ratio_text(value: float, hco3: float) -> str:
    if hco3 > NORMAL_BICARBONATE:
        return "bicarbonate above 24 mEq/L: no metabolic acidosis to characterise"
    if value < 0.4:
        return "< 0.4: hyperchloraemic normal-anion-gap acidosis"
    if value < 0.8:
        return "0.4-0.8: combined high- and normal-anion-gap acidosis"
    if value <= 2:
        return "0.8-2: uncomplicated high-anion-gap acidosis"
    return (
        "> 2: high-anion-gap acidosis with concurrent metabolic alkalosis (or chronic "
        "respiratory acidosis)"
    )


def delta_gap(*, sodium: float | Q, chloride: float | Q, bicarbonate: float | Q) -> ScoreResult:
    """Delta gap, mEq/L: anion gap - 12 (normal anion gap 12 mEq/L).

    Anion gap = Na - (Cl + HCO3) (:func:`healthgym.clinical.scores.acid_base.anion_gap`).
    Source: Wrenn K. Ann Emerg Med 1990;19:1310-1313. Inputs in mEq/L.
    """
    return _acid_base("delta", sodium, chloride, bicarbonate)


def delta_ratio(*, sodium: float | Q, chloride: float | Q, bicarbonate: float | Q) -> ScoreResult:
    """Delta ratio: (anion gap - 12) / (24 - HCO3), normal AG 12 and HCO3 24 mEq/L.

    Source: Wrenn K. Ann Emerg Med 1990;19:1310-1313; bands from Rastegar A. J Am Soc
    Nephrol 2007;18:2429-2431: < 0.4 normal-gap acidosis, 0.4-0.8 mixed, 0.8-2 pure
    high-gap acidosis, > 2 with metabolic alkalosis. Bicarbonate of exactly 24 raises
    :class:`CalculatorInputError`. Inputs in mEq/L.
    """
    return _acid_base("ratio", sodium, chloride, bicarbonate)


def albumin_corrected_anion_gap(
    *, sodium: float | Q, chloride: float | Q, bicarbonate: float | Q, albumin: float | Q
) -> ScoreResult:
    """Albumin-corrected anion gap, mEq/L: AG + 2.5 x (4.0 - albumin (g/dL)).

    Source: Figge J et al. Crit Care Med 1998;26:1807-1810 (2.5 mEq/L per 1 g/dL of
    albumin; normal albumin taken as 4.0 g/dL, as MedCalc-Bench does - Figge used 4.4).
    Normal anion gap 12 mEq/L. Inputs: electrolytes in mEq/L; albumin in g/dL (or Q in
    g/L, mg/dL).
    """
    return _acid_base("gap", sodium, chloride, bicarbonate, albumin)


def albumin_corrected_delta_gap(
    *, sodium: float | Q, chloride: float | Q, bicarbonate: float | Q, albumin: float | Q
) -> ScoreResult:
    """Albumin-corrected delta gap, mEq/L: albumin-corrected AG - 12.

    Corrected AG = AG + 2.5 x (4.0 - albumin g/dL) (Figge J et al. Crit Care Med
    1998;26:1807-1810); delta gap after Wrenn K. Ann Emerg Med 1990;19:1310-1313.
    Normal anion gap 12 mEq/L, normal albumin 4.0 g/dL.
    """
    return _acid_base("delta", sodium, chloride, bicarbonate, albumin)


def albumin_corrected_delta_ratio(
    *, sodium: float | Q, chloride: float | Q, bicarbonate: float | Q, albumin: float | Q
) -> ScoreResult:
    """Albumin-corrected delta ratio: (corrected AG - 12) / (24 - HCO3).

    Corrected AG = AG + 2.5 x (4.0 - albumin g/dL) (Figge J et al. Crit Care Med
    1998;26:1807-1810); ratio and bands as :func:`delta_ratio` (Wrenn 1990, Rastegar 2007).
    Normal anion gap 12, bicarbonate 24 mEq/L, albumin 4.0 g/dL.
    """
    return _acid_base("ratio", sodium, chloride, bicarbonate, albumin)
