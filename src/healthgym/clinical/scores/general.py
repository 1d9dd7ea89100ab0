"""General bedside scores (GCS, shock index, anion gap, NEWS2, ABCD2)."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

_TEASDALE_1974 = (
    "Teasdale G, Jennett B. Assessment of coma and impaired consciousness. A practical "
    "scale. Lancet. 1974;2(7872):81-84."
)
_ALLGOWER_1967 = (
    'Allgower M, Burri C. ["Shock index"]. Dtsch Med Wochenschr. 1967;92(43):1947-1950.'
)
_ANION_GAP = (
    "Kraut JA, Madias NE. Serum anion gap: its uses and limitations in clinical medicine. "
    "Clin J Am Soc Nephrol. 2007;2(1):162-174. Reference interval 3-11 mEq/L (ion-selective "
    "electrode analysers): Sadjadi SA, Manalo R, Jaipaul N, McMillan J. Int J Nephrol "
    "Renovasc Dis. 2013;6:101-105."
)
_NEWS2 = (
    "Royal College of Physicians. National Early Warning Score (NEWS) 2: Standardising the "
    "assessment of acute-illness severity in the NHS. Updated report of a working party. "
    "London: RCP, 2017."
)
_JOHNSTON_2007 = (
    "Johnston SC, Rothwell PM, Nguyen-Huynh MN, et al. Validation and refinement of scores "
    "to predict very early stroke risk after transient ischaemic attack. Lancet. "
    "2007;369(9558):283-292."
)


def gcs(*, eye: int, verbal: int, motor: int) -> ScoreResult:
    """Glasgow Coma Scale total.

    Source: Teasdale G, Jennett B. Lancet 1974;2:81-84 (summed 3-15 score as later
    standardised).

    * Eye opening 1-4: none 1, to pressure/pain 2, to sound/speech 3, spontaneous 4.
    * Verbal response 1-5: none 1, sounds 2, words 3, confused 4, oriented 5.
    * Motor response 1-6: none 1, extension 2, abnormal flexion 3, normal flexion /
      withdrawal 4, localising 5, obeys commands 6.

    Interpretation (head-injury severity):

    * 13-15: mild.
    * 9-12: moderate.
    * 3-8: severe (coma); protect the airway - consider intubation.
    """
    components = {
        "eye": float(v.integer("eye", eye, lo=1, hi=4)),
        "verbal": float(v.integer("verbal", verbal, lo=1, hi=5)),
        "motor": float(v.integer("motor", motor, lo=1, hi=6)),
    }
    total = sum(components.values())
    if total >= 13:
        band = "mild impairment (13-15)"
    elif total >= 9:
        band = "moderate impairment (9-12); close neurological observation"
    else:
        band = "severe impairment / coma (3-8); secure the airway (consider intubation)"
    return ScoreResult(
        name="GCS",
        value=total,
        components=components,
        interpretation=f"GCS {total:g}: {band}",
        source=_TEASDALE_1974,
    )


def shock_index(*, heart_rate: float, sbp: float) -> ScoreResult:
    """Shock index = heart rate / systolic blood pressure.

    Source: Allgower M, Burri C. Dtsch Med Wochenschr 1967;92:1947-1950.

    The value is rounded to 2 decimals (half up) and the band is taken from the rounded
    value, so the text always matches the displayed number.

    Interpretation:

    * <= 0.9: within the normal range (normal ~0.5-0.7).
    * > 0.9 and < 1.0: raised; associated with higher mortality and need for critical care -
      reassess and look for occult hypovolaemia.
    * >= 1.0: abnormal; suggests shock / significant hypovolaemia (associated with need for
      transfusion and higher mortality) - resuscitate and find the cause.
    """
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    if sbp <= 0:
        raise CalculatorInputError(f"sbp must be > 0 for the shock index, got {sbp:g}")
    value = v.round_half_up(hr / sbp, 2)
    if value <= 0.9:
        band = "within normal range (normal ~0.5-0.7)"
    elif value < 1.0:
        band = "raised (>0.9); reassess for occult hypovolaemia or sepsis"
    else:
        band = (
            "abnormal (>=1.0); suggests shock / significant hypovolaemia - resuscitate "
            "and find the cause"
        )
    return ScoreResult(
        name="Shock index",
        value=value,
        components={"heart_rate": hr, "sbp": sbp},
        interpretation=f"Shock index {value:g}: {band}",
        source=_ALLGOWER_1967,
    )


def anion_gap(*, sodium: float, chloride: float, bicarbonate: float) -> ScoreResult:
    """Serum anion gap = Na - (Cl + HCO3), mEq/L, without potassium or albumin correction.

    Sources: Kraut JA, Madias NE. Clin J Am Soc Nephrol 2007;2:162-174. Reference interval
    used here: 3-11 mEq/L, as measured with ion-selective-electrode analysers (Sadjadi SA et
    al. Int J Nephrol Renovasc Dis 2013;6:101-105). The older flame-photometry era value
    was 12 +/- 4 mEq/L; laboratories should use their own interval.

    Interpretation:

    * < 3: low (laboratory error, hypoalbuminaemia, paraproteinaemia, lithium/bromide).
    * 3-11: normal (in metabolic acidosis: normal-gap / hyperchloraemic acidosis).
    * > 11: elevated (suggests high-anion-gap metabolic acidosis, e.g. lactate, ketones,
      renal failure, toxic alcohols, salicylate).

    ``components`` holds the signed contribution of each ion so that they sum to the value.
    """
    na = v.number("sodium", sodium, lo=80.0, hi=200.0)
    cl = v.number("chloride", chloride, lo=40.0, hi=160.0)
    hco3 = v.number("bicarbonate", bicarbonate, lo=0.0, hi=70.0)
    value = round(na - cl - hco3, 6)
    if value < 3:
        band = "low (<3); check for laboratory error, hypoalbuminaemia or paraproteinaemia"
    elif value <= 11:
        band = "normal (3-11)"
    else:
        band = (
            "elevated (>11); suggests high-anion-gap metabolic acidosis (lactate, "
            "ketoacids, uraemia, toxic alcohols, salicylate)"
        )
    return ScoreResult(
        name="Anion gap",
        value=value,
        components={"sodium": na, "chloride": -cl, "bicarbonate": -hco3},
        interpretation=f"Anion gap {value:g} mEq/L: {band}",
        source=_ANION_GAP,
    )


def _band(value: float, table: list[tuple[float, float]], above: float) -> float:
    """Points for the first (upper_inclusive_limit, points) row with value <= limit."""
    for limit, points in table:
        if value <= limit:
            return points
    return above


def news2(
    *,
    respiratory_rate: float,
    spo2: float,
    on_supplemental_oxygen: bool,
    sbp: float,
    heart_rate: float,
    consciousness: Literal["alert", "cvpu"],
    temperature_c: float,
) -> ScoreResult:
    """National Early Warning Score 2 (NEWS2), SpO2 scale 1 only.

    Source: Royal College of Physicians. NEWS2. London: RCP, 2017.

    * Respiratory rate: <= 8: 3; 9-11: 1; 12-20: 0; 21-24: 2; >= 25: 3.
    * SpO2 (scale 1): <= 91: 3; 92-93: 2; 94-95: 1; >= 96: 0.
    * Supplemental oxygen: 2 (air 0).
    * Systolic BP: <= 90: 3; 91-100: 2; 101-110: 1; 111-219: 0; >= 220: 3.
    * Pulse: <= 40: 3; 41-50: 1; 51-90: 0; 91-110: 1; 111-130: 2; >= 131: 3.
    * Consciousness: alert 0; new confusion, voice, pain or unresponsive (CVPU): 3.
    * Temperature (C): <= 35.0: 3; 35.1-36.0: 1; 36.1-38.0: 0; 38.1-39.0: 1; >= 39.1: 2.

    Non-integer measurements fall in the band whose upper limit they do not exceed.

    Interpretation - clinical risk and response (RCP 2017):

    * 0: low; routine monitoring, minimum 12-hourly.
    * 1-4: low; ward-based response (registered nurse assessment), minimum 4-6-hourly.
    * 3 in any single parameter: low-medium; urgent ward-based response (clinician review),
      minimum 1-hourly.
    * 5-6: medium; key threshold for urgent response (urgent review by a clinician competent
      in acute illness), minimum 1-hourly.
    * >= 7: high; emergency response (critical-care outreach), continuous monitoring.
    """
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    sat = v.number("spo2", spo2, lo=v.SPO2[0], hi=v.SPO2[1])
    oxygen = v.flag("on_supplemental_oxygen", on_supplemental_oxygen)
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    consciousness = v.choice("consciousness", consciousness, ("alert", "cvpu"))
    temp = v.number("temperature_c", temperature_c, lo=v.TEMPERATURE_C[0], hi=v.TEMPERATURE_C[1])
    components = {
        "respiratory_rate": _band(rr, [(8, 3), (11, 1), (20, 0), (24, 2)], 3),
        "spo2": _band(sat, [(91, 3), (93, 2), (95, 1)], 0),
        "supplemental_oxygen": 2.0 if oxygen else 0.0,
        "sbp": _band(sbp, [(90, 3), (100, 2), (110, 1), (219, 0)], 3),
        "heart_rate": _band(hr, [(40, 3), (50, 1), (90, 0), (110, 1), (130, 2)], 3),
        "consciousness": 3.0 if consciousness == "cvpu" else 0.0,
        "temperature": _band(temp, [(35.0, 3), (36.0, 1), (38.0, 0), (39.0, 1)], 2),
    }
    components = {k: float(p) for k, p in components.items()}
    total = sum(components.values())
    single_red = any(p == 3 for p in components.values())
    if total >= 7:
        band = (
            "high clinical risk: emergency response (critical-care outreach), continuous monitoring"
        )
    elif total >= 5:
        band = (
            "medium clinical risk: urgent response - urgent review by a clinician "
            "competent in acute illness, minimum 1-hourly observations"
        )
    elif single_red:
        band = (
            "low-medium clinical risk (score of 3 in a single parameter): urgent "
            "ward-based response, minimum 1-hourly observations"
        )
    elif total >= 1:
        band = (
            "low clinical risk: ward-based response, assessment by a registered nurse, "
            "minimum 4-6-hourly observations"
        )
    else:
        band = "low clinical risk: routine monitoring, minimum 12-hourly observations"
    return ScoreResult(
        name="NEWS2",
        value=total,
        components=components,
        interpretation=f"NEWS2 {total:g}: {band}",
        source=_NEWS2,
    )


_ABCD2_CLINICAL = {
    "unilateral_weakness": 2.0,
    "speech_disturbance_without_weakness": 1.0,
    "other": 0.0,
}


def abcd2(
    *,
    age: float,
    sbp: float,
    dbp: float,
    clinical_features: Literal[
        "unilateral_weakness", "speech_disturbance_without_weakness", "other"
    ],
    duration_min: float,
    diabetes: bool,
) -> ScoreResult:
    """ABCD2 score for early stroke risk after transient ischaemic attack.

    Source: Johnston SC, Rothwell PM, Nguyen-Huynh MN, et al. Lancet 2007;369:283-292.

    * Age >= 60 years: 1.
    * Blood pressure at first assessment: systolic >= 140 or diastolic >= 90 mmHg: 1.
    * Clinical features: unilateral weakness 2; speech disturbance without weakness 1;
      other 0.
    * Duration of symptoms: >= 60 min 2; 10-59 min 1; < 10 min 0.
    * Diabetes: 1.

    Interpretation (2-day stroke risk, Johnston 2007):

    * 0-3: low risk (~1.0%).
    * 4-5: moderate risk (~4.1%).
    * 6-7: high risk (~8.1%).

    Management (NICE CG68, 2008): specialist assessment within 24 hours for scores >= 4 and
    within 1 week for scores <= 3.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    dbp = v.number("dbp", dbp, lo=v.DBP[0], hi=v.DBP[1])
    features = v.choice("clinical_features", clinical_features, _ABCD2_CLINICAL)
    duration = v.number("duration_min", duration_min, lo=0.0, hi=60.0 * 24 * 365)
    if duration >= 60:
        duration_points = 2.0
    elif duration >= 10:
        duration_points = 1.0
    else:
        duration_points = 0.0
    components = {
        "age": float(age >= 60),
        "blood_pressure": float(sbp >= 140 or dbp >= 90),
        "clinical_features": _ABCD2_CLINICAL[features],
        "duration": duration_points,
        "diabetes": float(v.flag("diabetes", diabetes)),
    }
    total = sum(components.values())
    urgent = "specialist TIA assessment within 24 hours"
    if total <= 3:
        band = "low risk (2-day stroke risk ~1.0%); specialist TIA assessment within 1 week"
    elif total <= 5:
        band = f"moderate risk (2-day stroke risk ~4.1%); {urgent}"
    else:
        band = f"high risk (2-day stroke risk ~8.1%); {urgent}"
    return ScoreResult(
        name="ABCD2",
        value=total,
        components=components,
        interpretation=f"ABCD2 {total:g}: {band}",
        source=_JOHNSTON_2007,
    )
