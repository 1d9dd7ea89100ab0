"""Readmission risk: the LACE index."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["lace_index"]

_VAN_WALRAVEN_2010 = (
    "van Walraven C, Dhalla IA, Bell C, et al. Derivation and validation of an index to "
    "predict early death or unplanned readmission after discharge from hospital to the "
    "community. CMAJ. 2010;182(6):551-557."
)


def _los_points(days: int) -> float:
    if days < 1:
        return 0.0
    if days <= 3:
        return float(days)
    if days <= 6:
        return 4.0
    if days <= 13:
        return 5.0
    return 7.0


def lace_index(
    *,
    length_of_stay_days: int,
    acute_admission: bool,
    charlson_index: int,
    ed_visits_6_months: int,
) -> ScoreResult:
    """LACE index for death or unplanned readmission within 30 days of discharge.

    Source: van Walraven C, Dhalla IA, Bell C, et al. CMAJ 2010;182:551-557.

    * L, length of stay in days (counting the days of admission and discharge): < 1: 0;
      1: 1; 2: 2; 3: 3; 4-6: 4; 7-13: 5; >= 14: 7.
    * A, acuity: admitted emergently (through the emergency department): 3.
    * C, Charlson comorbidity index score (as weighted in the paper: e.g. prior myocardial
      infarction, cerebrovascular or peripheral vascular disease, uncomplicated diabetes 1;
      heart failure, chronic lung disease, mild liver disease, complicated diabetes, any
      tumour 2; dementia, connective tissue disease 3; moderate/severe liver disease, HIV
      4; metastatic cancer 6): 0: 0; 1: 1; 2: 2; 3: 3; >= 4: 5.
    * E, emergency department visits in the 6 months before admission (not counting the
      visit that led to this admission): 0-3: that number; >= 4: 4.

    Interpretation: the total (0-19) maps to a continuous expected risk of death or
    unplanned readmission within 30 days, from 2.0% at 0 to 43.7% at 19 (van Walraven
    2010). The paper did not define risk groups; a score >= 10 is the threshold most often
    used since to flag high risk (suggesting enhanced discharge planning and early
    follow-up), and that convention is used here.
    """
    los = v.integer("length_of_stay_days", length_of_stay_days, lo=0, hi=3650)
    charlson = v.integer("charlson_index", charlson_index, lo=0, hi=40)
    visits = v.integer("ed_visits_6_months", ed_visits_6_months, lo=0, hi=500)
    components = {
        "length_of_stay": _los_points(los),
        "acuity": 3.0 if v.flag("acute_admission", acute_admission) else 0.0,
        "comorbidity": 5.0 if charlson >= 4 else float(charlson),
        "ed_visits": float(min(visits, 4)),
    }
    total = sum(components.values())
    if total >= 10:
        band = (
            "high risk of death or unplanned readmission within 30 days (>=10); enhanced "
            "discharge planning and early follow-up"
        )
    else:
        band = "lower risk of death or unplanned readmission within 30 days (<10)"
    return ScoreResult(
        name="LACE index",
        value=total,
        components=components,
        interpretation=f"LACE {total:g}: {band}",
        source=_VAN_WALRAVEN_2010,
    )
