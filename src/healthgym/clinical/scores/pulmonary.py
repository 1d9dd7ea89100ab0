"""Respiratory-infection severity and probability scores (CURB-65, CRB-65, Centor/McIsaac)."""

from __future__ import annotations

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["centor_mcisaac", "crb65", "curb65"]

_LIM_2003 = (
    "Lim WS, van der Eerden MM, Laing R, et al. Defining community acquired pneumonia "
    "severity on presentation to hospital: an international derivation and validation "
    "study. Thorax. 2003;58(5):377-382."
)
_BTS_2009 = (
    "Lim WS, Baudouin SV, George RC, et al. BTS guidelines for the management of community "
    "acquired pneumonia in adults: update 2009. Thorax. 2009;64(Suppl 3):iii1-iii55."
)
_MCISAAC_1998 = (
    "McIsaac WJ, White D, Tannenbaum D, Low DE. A clinical score to reduce unnecessary "
    "antibiotic use in patients with sore throat. CMAJ. 1998;158(1):75-83."
)


def _low_bp(sbp: float, dbp: float) -> bool:
    return sbp < 90 or dbp <= 60


def curb65(
    *,
    confusion: bool,
    bun_mg_dl: float,
    respiratory_rate: float,
    sbp: float,
    dbp: float,
    age: float,
) -> ScoreResult:
    """CURB-65 severity score for community-acquired pneumonia.

    Source: Lim WS, van der Eerden MM, Laing R, et al. Thorax 2003;58:377-382.

    One point each:

    * Confusion (new disorientation in person, place or time).
    * Urea > 7 mmol/L. The rule is published in mmol/L of urea; this function takes BUN in
      mg/dL, and urea 7 mmol/L corresponds to BUN 19.6 mg/dL (x 2.8), so the conventional
      US threshold BUN > 19 mg/dL is used.
    * Respiratory rate >= 30 /min.
    * Blood pressure low: systolic < 90 mmHg or diastolic <= 60 mmHg.
    * Age >= 65 years.

    Interpretation (30-day mortality in the derivation/validation cohorts of Lim 2003):

    * 0-1: low risk (~1.5%); likely suitable for home treatment.
    * 2: moderate risk (~9.2%); consider short inpatient stay or hospital-supervised
      outpatient treatment.
    * 3-5: high risk (~22%); manage in hospital as severe pneumonia; assess for ICU,
      especially with a score of 4-5.
    """
    confusion = v.flag("confusion", confusion)
    bun = v.number("bun_mg_dl", bun_mg_dl, lo=v.BUN_MG_DL[0], hi=v.BUN_MG_DL[1])
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    dbp = v.number("dbp", dbp, lo=v.DBP[0], hi=v.DBP[1])
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])

    components = {
        "confusion": float(confusion),
        "urea": float(bun > 19),
        "respiratory_rate": float(rr >= 30),
        "blood_pressure": float(_low_bp(sbp, dbp)),
        "age": float(age >= 65),
    }
    total = sum(components.values())
    if total <= 1:
        band = "low risk (30-day mortality ~1.5%); likely suitable for home treatment"
    elif total == 2:
        band = (
            "moderate risk (30-day mortality ~9%); consider short inpatient stay or "
            "hospital-supervised outpatient care"
        )
    else:
        band = (
            "high risk (30-day mortality ~22%); manage in hospital as severe pneumonia; "
            "assess for ICU admission, especially if score 4-5"
        )
    return ScoreResult(
        name="CURB-65",
        value=total,
        components=components,
        interpretation=f"CURB-65 {total:g}: {band}",
        source=_LIM_2003,
    )


def crb65(
    *,
    confusion: bool,
    respiratory_rate: float,
    sbp: float,
    dbp: float,
    age: float,
) -> ScoreResult:
    """CRB-65: CURB-65 without urea, for use in the community.

    Sources: Lim WS et al. Thorax 2003;58:377-382 (derivation); bands and management from
    the BTS community-acquired pneumonia guideline (Lim WS et al. Thorax 2009;64 Suppl
    3:iii1-iii55).

    One point each: confusion; respiratory rate >= 30 /min; systolic BP < 90 mmHg or
    diastolic BP <= 60 mmHg; age >= 65 years.

    Interpretation (BTS 2009):

    * 0: low risk (mortality < 1%); likely suitable for home treatment.
    * 1-2: intermediate risk (mortality 1-10%); consider hospital referral and assessment.
    * 3-4: high risk (mortality > 10%); urgent hospital admission.
    """
    confusion = v.flag("confusion", confusion)
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    dbp = v.number("dbp", dbp, lo=v.DBP[0], hi=v.DBP[1])
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])

    components = {
        "confusion": float(confusion),
        "respiratory_rate": float(rr >= 30),
        "blood_pressure": float(_low_bp(sbp, dbp)),
        "age": float(age >= 65),
    }
    total = sum(components.values())
    if total == 0:
        band = "low risk (mortality <1%); likely suitable for home treatment"
    elif total <= 2:
        band = "intermediate risk (mortality 1-10%); consider hospital referral and assessment"
    else:
        band = "high risk (mortality >10%); urgent hospital admission"
    return ScoreResult(
        name="CRB-65",
        value=total,
        components=components,
        interpretation=f"CRB-65 {total:g}: {band}",
        source=f"{_LIM_2003} {_BTS_2009}",
    )


def centor_mcisaac(
    *,
    temperature_c: float,
    cough_absent: bool,
    tender_anterior_cervical_nodes: bool,
    tonsillar_exudate_or_swelling: bool,
    age: float,
) -> ScoreResult:
    """Modified Centor (McIsaac) score for group A streptococcal pharyngitis.

    Source: McIsaac WJ, White D, Tannenbaum D, Low DE. CMAJ 1998;158:75-83 (modification
    of Centor RM et al. Med Decis Making 1981;1:239-246).

    Criteria:

    * Temperature > 38 C: +1.
    * Absence of cough: +1.
    * Swollen, tender anterior cervical lymph nodes: +1.
    * Tonsillar swelling or exudate: +1.
    * Age 3-14 years: +1; 15-44 years: 0; >= 45 years: -1.

    The score was developed for patients aged 3 years and older; ages below 3 raise
    ValueError. Total ranges from -1 to 5.

    Interpretation (approximate probability of GAS infection and McIsaac's
    recommendations):

    * <= 0: ~1-2.5%; no throat culture or antibiotic needed.
    * 1: ~5-10%; no throat culture or antibiotic needed.
    * 2: ~11-17%; throat culture/rapid test, treat only if positive.
    * 3: ~28-35%; throat culture/rapid test, treat only if positive.
    * >= 4: ~51-53%; culture/rapid test and consider empirical antibiotic treatment.
    """
    temp = v.number("temperature_c", temperature_c, lo=v.TEMPERATURE_C[0], hi=v.TEMPERATURE_C[1])
    cough_absent = v.flag("cough_absent", cough_absent)
    nodes = v.flag("tender_anterior_cervical_nodes", tender_anterior_cervical_nodes)
    tonsils = v.flag("tonsillar_exudate_or_swelling", tonsillar_exudate_or_swelling)
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    if age < 3:
        raise CalculatorInputError(
            f"centor_mcisaac is not validated for age < 3 years, got {age:g}"
        )

    if age < 15:
        age_points = 1.0
    elif age < 45:
        age_points = 0.0
    else:
        age_points = -1.0
    components = {
        "temperature": float(temp > 38),
        "cough_absent": float(cough_absent),
        "tender_anterior_cervical_nodes": float(nodes),
        "tonsillar_exudate_or_swelling": float(tonsils),
        "age": age_points,
    }
    total = sum(components.values())
    if total <= 0:
        band = "GAS probability ~1-2.5%; no throat culture or antibiotic needed"
    elif total == 1:
        band = "GAS probability ~5-10%; no throat culture or antibiotic needed"
    elif total == 2:
        band = (
            "GAS probability ~11-17%; throat culture or rapid antigen test, "
            "antibiotics only if positive"
        )
    elif total == 3:
        band = (
            "GAS probability ~28-35%; throat culture or rapid antigen test, "
            "antibiotics only if positive"
        )
    else:
        band = "GAS probability ~51-53%; test and consider empirical antibiotic treatment"
    return ScoreResult(
        name="McIsaac (modified Centor)",
        value=total,
        components=components,
        interpretation=f"McIsaac score {total:g}: {band}",
        source=_MCISAAC_1998,
    )
