"""MedCalc-Bench adapters for the formula calculators (renal, body size, electrolytes,
metabolic). Each adapter maps MedCalc's entity names and units onto a calculator in
:mod:`healthgym.clinical.calculators` (or :mod:`healthgym.clinical.scores`) and returns
its value; units are converted by the calculators themselves (``Q`` values).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..calculators import body, electrolytes, metabolic, renal
from ..errors import CalculatorInputError
from ..scores.acid_base import anion_gap
from ..units import Q, convert
from .entities import Entities

_SODIUM = "Sodium"
_CHLORIDE = "Chloride"
_BICARBONATE = "Bicarbonate"
_ALBUMIN = "Albumin"


def _q(e: Entities, *keys: str) -> float | Q:
    """A numeric entity as Q(value, unit), or a plain float when it has no unit."""
    q = e.quantity(*keys)
    return q if q.unit else q.value


def _compound(e: Entities, key: str, analyte: str, unit: str) -> float | Q:
    """Entities such as ``[5, 'ft', 6, 'in']`` or ``[1, 'years', 3, 'months']``: the
    parts summed in ``unit``; a plain ``[value, unit]`` is returned as a Q."""
    raw = e.raw(key)
    if isinstance(raw, (list, tuple)) and len(raw) > 2 and len(raw) % 2 == 0:
        try:
            return sum(
                convert(analyte, float(raw[i]), str(raw[i + 1]), unit)
                for i in range(0, len(raw), 2)
            )
        except (TypeError, ValueError) as exc:
            raise CalculatorInputError(f"entity {key!r} is not a quantity: {raw!r}") from exc
    return _q(e, key)


def _age(e: Entities) -> float | Q:
    return _compound(e, "age", "age", "yr")


def _height(e: Entities) -> float | Q:
    return _compound(e, "height", "length", "cm")


def _black(e: Entities) -> bool:
    if not e.has("Race", "race"):
        return False
    race = str(e.raw("Race", "race")).strip().lower()
    return "black" in race or "african" in race


def _electrolytes(e: Entities) -> dict[str, float | Q]:
    return {
        "sodium": _q(e, _SODIUM),
        "chloride": _q(e, _CHLORIDE),
        "bicarbonate": _q(e, _BICARBONATE),
    }


def _plain(e: Entities, key: str, analyte: str) -> float:
    return e.number(key, analyte=analyte, unit="mmol/L")


def _cockcroft_gault(e: Entities) -> float:
    return renal.cockcroft_gault(
        age=_age(e),
        sex=e.sex(),
        weight=_q(e, "weight"),
        creatinine=_q(e, "creatinine"),
        height=_height(e),
    ).value


def _ckd_epi(e: Entities) -> float:
    return renal.ckd_epi_2021(age=_age(e), sex=e.sex(), creatinine=_q(e, "creatinine")).value


def _mdrd(e: Entities) -> float:
    return renal.mdrd(
        age=_age(e), sex=e.sex(), creatinine=_q(e, "creatinine"), black=_black(e)
    ).value


def _map(e: Entities) -> float:
    return body.mean_arterial_pressure(
        systolic=_q(e, "Systolic Blood Pressure"), diastolic=_q(e, "Diastolic Blood Pressure")
    ).value


def _bmi(e: Entities) -> float:
    return body.bmi(weight=_q(e, "weight"), height=_height(e)).value


def _calcium(e: Entities) -> float:
    return electrolytes.calcium_correction(calcium=_q(e, "Calcium"), albumin=_q(e, _ALBUMIN)).value


def _ibw(e: Entities) -> float:
    return body.ideal_body_weight(sex=e.sex(), height=_height(e)).value


def _fluids(e: Entities) -> float:
    return body.maintenance_fluids(weight=_q(e, "weight")).value


def _sodium_correction(e: Entities) -> float:
    return electrolytes.sodium_correction_hyperglycemia(
        sodium=_q(e, _SODIUM), glucose=_q(e, "Glucose")
    ).value


def _osmolality(e: Entities) -> float:
    return electrolytes.serum_osmolality(
        sodium=_q(e, _SODIUM), glucose=_q(e, "Glucose"), bun=_q(e, "Blood Urea Nitrogen (BUN)")
    ).value


def _homa(e: Entities) -> float:
    return metabolic.homa_ir(glucose=_q(e, "Glucose"), insulin=_q(e, "Insulin")).value


def _free_water(e: Entities) -> float:
    return electrolytes.free_water_deficit(
        sodium=_q(e, _SODIUM), weight=_q(e, "weight"), age=_age(e), sex=e.sex()
    ).value


def _anion_gap(e: Entities) -> float:
    return anion_gap(
        sodium=_plain(e, _SODIUM, "sodium"),
        chloride=_plain(e, _CHLORIDE, "electrolyte"),
        bicarbonate=_plain(e, _BICARBONATE, "electrolyte"),
    ).value


def _fena(e: Entities) -> float:
    return electrolytes.fena(
        sodium=_q(e, _SODIUM),
        creatinine=_q(e, "creatinine"),
        urine_sodium=_q(e, "Urine sodium"),
        urine_creatinine=_q(e, "Urine creatinine"),
    ).value


def _ldl(e: Entities) -> float:
    return metabolic.ldl_friedewald(
        total_cholesterol=_q(e, "Total cholesterol"),
        hdl_cholesterol=_q(e, "high-density lipoprotein cholesterol"),
        triglycerides=_q(e, "Triglycerides"),
    ).value


def _bsa(e: Entities) -> float:
    return body.bsa(weight=_q(e, "weight"), height=_height(e)).value


def _target_weight(e: Entities) -> float:
    return body.target_weight(target_bmi=_q(e, "Body Mass Index (BMI)"), height=_height(e)).value


def _abw(e: Entities) -> float:
    return body.adjusted_body_weight(sex=e.sex(), height=_height(e), weight=_q(e, "weight")).value


def _delta_gap(e: Entities) -> float:
    return electrolytes.delta_gap(**_electrolytes(e)).value


def _delta_ratio(e: Entities) -> float:
    return electrolytes.delta_ratio(**_electrolytes(e)).value


def _ac_anion_gap(e: Entities) -> float:
    return electrolytes.albumin_corrected_anion_gap(
        **_electrolytes(e), albumin=_q(e, _ALBUMIN)
    ).value


def _ac_delta_gap(e: Entities) -> float:
    return electrolytes.albumin_corrected_delta_gap(
        **_electrolytes(e), albumin=_q(e, _ALBUMIN)
    ).value


def _ac_delta_ratio(e: Entities) -> float:
    return electrolytes.albumin_corrected_delta_ratio(
        **_electrolytes(e), albumin=_q(e, _ALBUMIN)
    ).value


ADAPTERS: dict[int, Callable[[Entities], Any]] = {
    2: _cockcroft_gault,
    3: _ckd_epi,
    5: _map,
    6: _bmi,
    7: _calcium,
    9: _mdrd,
    10: _ibw,
    22: _fluids,
    26: _sodium_correction,
    30: _osmolality,
    31: _homa,
    38: _free_water,
    39: _anion_gap,
    40: _fena,
    44: _ldl,
    60: _bsa,
    61: _target_weight,
    62: _abw,
    63: _delta_gap,
    64: _delta_ratio,
    65: _ac_anion_gap,
    66: _ac_delta_gap,
    67: _ac_delta_ratio,
}
