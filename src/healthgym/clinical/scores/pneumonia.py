"""Pneumonia Severity Index (PSI / PORT score)."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores._quantity import optional_measured
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q

__all__ = ["psi"]

_FINE_1997 = (
    "Fine MJ, Auble TE, Yealy DM, et al. A prediction rule to identify low-risk patients "
    "with community-acquired pneumonia. N Engl J Med. 1997;336(4):243-250."
)

# (upper limit of points, class, 30-day mortality range across Fine 1997's cohorts, care)
_PSI_CLASSES = (
    (70, "II", "0.6-0.7%", "outpatient treatment"),
    (90, "III", "0.9-2.8%", "outpatient treatment or brief inpatient observation"),
    (130, "IV", "8.2-9.3%", "inpatient treatment"),
)


def _optional(name: str, x: float | None, limits: tuple[float, float]) -> float | None:
    return None if x is None else v.number(name, x, lo=limits[0], hi=limits[1])


def psi(
    *,
    age: float,
    sex: Literal["male", "female"],
    nursing_home_resident: bool = False,
    neoplastic_disease: bool = False,
    liver_disease: bool = False,
    congestive_heart_failure: bool = False,
    cerebrovascular_disease: bool = False,
    renal_disease: bool = False,
    altered_mental_status: bool = False,
    respiratory_rate: float | None = None,
    sbp: float | None = None,
    temperature_c: float | Q | None = None,
    heart_rate: float | None = None,
    arterial_ph: float | None = None,
    bun_mg_dl: float | Q | None = None,
    sodium_mmol_l: float | Q | None = None,
    glucose_mg_dl: float | Q | None = None,
    hematocrit_pct: float | None = None,
    pao2_mmhg: float | None = None,
    pleural_effusion: bool = False,
) -> ScoreResult:
    """Pneumonia Severity Index (PORT score) for community-acquired pneumonia.

    Source: Fine MJ, Auble TE, Yealy DM, et al. N Engl J Med 1997;336:243-250. As in the
    derivation, a finding that was not assessed (None / False) is taken as normal/absent.

    Points:

    * Demographics: age in years (women: age - 10); nursing home resident +10.
    * Comorbidity: neoplastic disease +30; liver disease +20; congestive heart failure +10;
      cerebrovascular disease +10; renal disease +10.
    * Examination: altered mental status +20; respiratory rate >= 30 /min +20; systolic BP
      < 90 mmHg +20; temperature < 35 C or >= 40 C +15; pulse >= 125 /min +10.
    * Laboratory / imaging: arterial pH < 7.35 +30; BUN >= 30 mg/dL (11 mmol/L) +20;
      sodium < 130 mmol/L +20; glucose >= 250 mg/dL (14 mmol/L) +10; haematocrit < 30% +10;
      PaO2 < 60 mmHg +10; pleural effusion +10.

    The value is the point total. Risk class: class I when age <= 50 years with none of the
    five comorbidities, normal mental status, pulse < 125, respiratory rate < 30, systolic
    BP >= 90 and temperature 35-39.9 C; otherwise class II (<= 70), III (71-90), IV (91-130)
    or V (> 130).

    Interpretation (30-day mortality in Fine 1997's cohorts, and recommended site of care):

    * Class I: 0.1-0.4%; outpatient treatment.
    * Class II: 0.6-0.7%; outpatient treatment.
    * Class III: 0.9-2.8%; outpatient or brief inpatient observation.
    * Class IV: 8.2-9.3%; inpatient treatment.
    * Class V: 27.0-31.1%; inpatient treatment (consider ICU).
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    sex = v.choice("sex", sex, ("male", "female"))
    rr = _optional("respiratory_rate", respiratory_rate, v.RESPIRATORY_RATE)
    sys_bp = _optional("sbp", sbp, v.SBP)
    temp = optional_measured(
        "temperature_c", temperature_c, analyte="temperature", unit="c", lo=20, hi=46
    )
    hr = _optional("heart_rate", heart_rate, v.HEART_RATE)
    ph = _optional("arterial_ph", arterial_ph, (6.5, 8.0))
    bun = optional_measured("bun_mg_dl", bun_mg_dl, analyte="bun", unit="mg/dL", lo=0, hi=300)
    na = optional_measured(
        "sodium_mmol_l", sodium_mmol_l, analyte="electrolyte", unit="mmol/L", lo=80, hi=220
    )
    glucose = optional_measured(
        "glucose_mg_dl", glucose_mg_dl, analyte="glucose", unit="mg/dL", lo=0, hi=5000
    )
    hct = _optional("hematocrit_pct", hematocrit_pct, v.PERCENT)
    pao2 = _optional("pao2_mmhg", pao2_mmhg, (0.0, 800.0))

    history = {
        "nursing_home_resident": (nursing_home_resident, 10.0),
        "neoplastic_disease": (neoplastic_disease, 30.0),
        "liver_disease": (liver_disease, 20.0),
        "congestive_heart_failure": (congestive_heart_failure, 10.0),
        "cerebrovascular_disease": (cerebrovascular_disease, 10.0),
        "renal_disease": (renal_disease, 10.0),
        "altered_mental_status": (altered_mental_status, 20.0),
    }
    components = {"age": age, "sex_female": -10.0 if sex == "female" else 0.0}
    components.update({k: pts * v.flag(k, val) for k, (val, pts) in history.items()})
    abnormal = {
        "respiratory_rate": (rr is not None and rr >= 30, 20.0),
        "sbp": (sys_bp is not None and sys_bp < 90, 20.0),
        "temperature": (temp is not None and (temp < 35 or temp >= 40), 15.0),
        "heart_rate": (hr is not None and hr >= 125, 10.0),
        "arterial_ph": (ph is not None and ph < 7.35, 30.0),
        "bun": (bun is not None and bun >= 30, 20.0),
        "sodium": (na is not None and na < 130, 20.0),
        "glucose": (glucose is not None and glucose >= 250, 10.0),
        "hematocrit": (hct is not None and hct < 30, 10.0),
        "pao2": (pao2 is not None and pao2 < 60, 10.0),
        "pleural_effusion": (v.flag("pleural_effusion", pleural_effusion), 10.0),
    }
    components.update({k: pts if hit else 0.0 for k, (hit, pts) in abnormal.items()})
    total = sum(components.values())

    comorbid = any(components[k] for k in list(history)[1:6])
    vitals_abnormal = any(
        components[k]
        for k in ("altered_mental_status", "respiratory_rate", "sbp", "temperature", "heart_rate")
    )
    if age <= 50 and not comorbid and not vitals_abnormal:
        risk_class, mortality, care = "I", "0.1-0.4%", "outpatient treatment"
    else:
        risk_class, mortality, care = "V", "27.0-31.1%", "inpatient treatment (consider ICU)"
        for upper, cls, rate, site in _PSI_CLASSES:
            if total <= upper:
                risk_class, mortality, care = cls, rate, site
                break
    return ScoreResult(
        name="PSI",
        value=total,
        components=components,
        interpretation=(
            f"PSI {total:g} points, risk class {risk_class}: 30-day mortality ~{mortality}; {care}"
        ),
        source=_FINE_1997,
    )
