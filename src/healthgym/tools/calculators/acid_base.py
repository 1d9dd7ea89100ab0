"""Acid-base and electrolyte calculator tools (anion gap, delta gap and ratio;
osmolality, corrected sodium and calcium, free water deficit, FENa)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from ...clinical.calculators import electrolytes
from ...clinical.registry import calculator
from ...clinical.scores.result import ScoreResult
from ..registry import tool
from ._common import Sex, run

_GAPS: dict[str, Callable[..., ScoreResult]] = {
    "anion_gap": calculator("anion_gap"),
    "delta_gap": electrolytes.delta_gap,
    "delta_ratio": electrolytes.delta_ratio,
    "albumin_corrected_anion_gap": electrolytes.albumin_corrected_anion_gap,
    "albumin_corrected_delta_gap": electrolytes.albumin_corrected_delta_gap,
    "albumin_corrected_delta_ratio": electrolytes.albumin_corrected_delta_ratio,
}


@tool(kind="compute")
def calc_acid_base(
    state: Any,
    measure: Literal[
        "anion_gap",
        "delta_gap",
        "delta_ratio",
        "albumin_corrected_anion_gap",
        "albumin_corrected_delta_gap",
        "albumin_corrected_delta_ratio",
    ],
    sodium: float,
    chloride: float,
    bicarbonate: float,
    albumin_g_dl: float | None = None,
) -> str:
    """Anion gap, delta gap and delta ratio, optionally corrected for albumin (mmol/L inputs).

    Args:
        measure: which measure to compute.
        sodium: serum sodium (mmol/L).
        chloride: serum chloride (mmol/L).
        bicarbonate: serum bicarbonate (mmol/L).
        albumin_g_dl: serum albumin in g/dL (albumin-corrected measures).
    """
    fn = _GAPS[measure]
    ions = {"sodium": sodium, "chloride": chloride, "bicarbonate": bicarbonate}
    if measure.startswith("albumin"):
        return run(fn, {"albumin_g_dl": albumin_g_dl}, **ions, albumin=albumin_g_dl)
    return run(fn, {}, **ions)


@tool(kind="compute")
def calc_electrolytes(
    state: Any,
    measure: Literal[
        "serum_osmolality",
        "sodium_correction_hyperglycemia",
        "calcium_correction",
        "free_water_deficit",
        "fena",
    ],
    sodium: float | None = None,
    glucose_mg_dl: float | None = None,
    bun_mg_dl: float | None = None,
    calcium_mg_dl: float | None = None,
    albumin_g_dl: float | None = None,
    weight_kg: float | None = None,
    age: float | None = None,
    sex: Sex | None = None,
    creatinine_mg_dl: float | None = None,
    urine_sodium: float | None = None,
    urine_creatinine_mg_dl: float | None = None,
) -> str:
    """Osmolality, corrected sodium and calcium, free water deficit and FENa.

    Args:
        measure: which measure to compute.
        sodium: serum sodium (mmol/L).
        glucose_mg_dl: serum glucose (mg/dL).
        bun_mg_dl: blood urea nitrogen (mg/dL).
        calcium_mg_dl: total serum calcium (mg/dL).
        albumin_g_dl: serum albumin (g/dL).
        weight_kg: body weight (kg).
        age: age in years.
        sex: male or female.
        creatinine_mg_dl: serum creatinine (mg/dL).
        urine_sodium: urine sodium (mmol/L).
        urine_creatinine_mg_dl: urine creatinine (mg/dL).
    """
    if measure == "serum_osmolality":
        return run(
            electrolytes.serum_osmolality,
            {"sodium": sodium, "glucose_mg_dl": glucose_mg_dl, "bun_mg_dl": bun_mg_dl},
            sodium=sodium,
            glucose=glucose_mg_dl,
            bun=bun_mg_dl,
        )
    if measure == "sodium_correction_hyperglycemia":
        return run(
            electrolytes.sodium_correction_hyperglycemia,
            {"sodium": sodium, "glucose_mg_dl": glucose_mg_dl},
            sodium=sodium,
            glucose=glucose_mg_dl,
        )
    if measure == "calcium_correction":
        return run(
            electrolytes.calcium_correction,
            {"calcium_mg_dl": calcium_mg_dl, "albumin_g_dl": albumin_g_dl},
            calcium=calcium_mg_dl,
            albumin=albumin_g_dl,
        )
    if measure == "free_water_deficit":
        return run(
            electrolytes.free_water_deficit,
            {"sodium": sodium, "weight_kg": weight_kg, "age": age, "sex": sex},
            sodium=sodium,
            weight=weight_kg,
            age=age,
            sex=sex,
        )
    return run(
        electrolytes.fena,
        {
            "sodium": sodium,
            "creatinine_mg_dl": creatinine_mg_dl,
            "urine_sodium": urine_sodium,
            "urine_creatinine_mg_dl": urine_creatinine_mg_dl,
        },
        sodium=sodium,
        creatinine=creatinine_mg_dl,
        urine_sodium=urine_sodium,
        urine_creatinine=urine_creatinine_mg_dl,
    )
