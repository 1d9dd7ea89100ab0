"""Emergency department triage: Emergency Severity Index (ESI) version 4."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["esi_danger_zone_vitals", "esi_level"]

_ESI_V4 = (
    "Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index (ESI): A Triage "
    "Tool for Emergency Department Care, Version 4. Implementation Handbook 2012 Edition. "
    "AHRQ Publication No. 12-0014. Rockville, MD: Agency for Healthcare Research and "
    "Quality; 2011."
)

_SPO2_LIMIT = 92.0


def danger_zone_limits(age_years: float) -> tuple[str, float, float]:
    """(band label, heart-rate limit, respiratory-rate limit) for the patient's age."""
    if age_years < 0.25:
        return "< 3 months", 180.0, 50.0
    if age_years < 3.0:
        return "3 months - 3 years", 160.0, 40.0
    if age_years <= 8.0:
        return "3 - 8 years", 140.0, 30.0
    return "> 8 years", 100.0, 20.0


def esi_danger_zone_vitals(
    *, age_years: float, heart_rate: float, respiratory_rate: float, spo2: float
) -> ScoreResult:
    """ESI v4 decision point D: which danger-zone vital signs are present.

    Source: Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index, Version 4,
    Implementation Handbook 2012 Edition (AHRQ Publication No. 12-0014), decision point D.

    A vital sign is in the danger zone when it exceeds the limit for the patient's age:

    * < 3 months: heart rate > 180, respiratory rate > 50 /min.
    * 3 months - 3 years: heart rate > 160, respiratory rate > 40.
    * 3 - 8 years: heart rate > 140, respiratory rate > 30.
    * > 8 years: heart rate > 100, respiratory rate > 20.
    * Any age: SpO2 < 92%.

    Age bands as implemented: < 0.25 y; 0.25 to < 3 y; 3 to 8 y inclusive; > 8 y. (The
    handbook's paediatric fever criteria are not included.)

    The value is the number of danger-zone vitals (0-3); ``components`` flags each.

    Interpretation: 0: no danger-zone vitals (an ESI 3 candidate stays ESI 3). >= 1: the
    triage nurse should consider up-triaging a patient who needs >= 2 resources from ESI 3
    to ESI 2.
    """
    age = v.number("age_years", age_years, lo=v.AGE[0], hi=v.AGE[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    sat = v.number("spo2", spo2, lo=v.SPO2[0], hi=v.SPO2[1])
    label, hr_limit, rr_limit = danger_zone_limits(age)
    components = {
        "heart_rate": float(hr > hr_limit),
        "respiratory_rate": float(rr > rr_limit),
        "spo2": float(sat < _SPO2_LIMIT),
    }
    total = sum(components.values())
    found = []
    if components["heart_rate"]:
        found.append(f"heart rate {hr:g} > {hr_limit:g}")
    if components["respiratory_rate"]:
        found.append(f"respiratory rate {rr:g} > {rr_limit:g}")
    if components["spo2"]:
        found.append(f"SpO2 {sat:g}% < {_SPO2_LIMIT:g}%")
    if found:
        text = (
            f"Danger-zone vitals present ({label} limits): {'; '.join(found)}. Consider "
            "up-triage from ESI 3 to ESI 2"
        )
    else:
        text = f"No danger-zone vitals ({label} limits: HR > {hr_limit:g}, RR > {rr_limit:g}"
        text += f", SpO2 < {_SPO2_LIMIT:g}%)"
    return ScoreResult(
        name="ESI danger-zone vitals",
        value=total,
        components=components,
        interpretation=text,
        source=_ESI_V4,
    )


def esi_level(
    *,
    requires_immediate_lifesaving_intervention: bool,
    high_risk_situation: bool,
    new_confusion_lethargy_disorientation: bool,
    severe_pain_or_distress: bool,
    expected_resources: int,
    danger_zone_vitals: bool,
) -> ScoreResult:
    """Emergency Severity Index (ESI) v4 triage level, 1 (most urgent) to 5.

    Source: Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index, Version 4,
    Implementation Handbook 2012 Edition (AHRQ Publication No. 12-0014).

    The algorithm's decision points, in order:

    * A: does the patient require an immediate life-saving intervention (airway,
      emergency medications, haemodynamic interventions; e.g. intubated, apnoeic,
      pulseless, unresponsive)? Yes -> ESI 1.
    * B: is this a high-risk situation, or is the patient newly confused, lethargic or
      disoriented, or in severe pain or distress (e.g. pain >= 7/10)? Yes -> ESI 2.
    * C: how many different resources (labs, ECG/imaging, IV fluids, IV/IM/nebulised
      medications, specialty consultation, simple or complex procedures; not history and
      examination, point-of-care tests, oral medications, prescriptions) are expected?
      None -> ESI 5; one -> ESI 4; two or more -> decision point D.
    * D: danger-zone vital signs (see :func:`esi_danger_zone_vitals`)? The handbook says
      to consider ESI 2; here ``danger_zone_vitals=True`` up-triages to ESI 2, otherwise
      ESI 3.

    ``components`` records the answers at each decision point (not additive).

    Interpretation: ESI 1 immediate, physician at the bedside; ESI 2 emergent, should not
    wait (placed in a bed within minutes); ESI 3 urgent, stable but needs several
    resources; ESI 4 and 5 less urgent / non-urgent, one or no resources.
    """
    a = v.flag(
        "requires_immediate_lifesaving_intervention", requires_immediate_lifesaving_intervention
    )
    high_risk = v.flag("high_risk_situation", high_risk_situation)
    confusion = v.flag(
        "new_confusion_lethargy_disorientation", new_confusion_lethargy_disorientation
    )
    pain = v.flag("severe_pain_or_distress", severe_pain_or_distress)
    resources = v.integer("expected_resources", expected_resources, lo=0, hi=50)
    danger = v.flag("danger_zone_vitals", danger_zone_vitals)
    components = {
        "lifesaving_intervention": float(a),
        "high_risk_situation": float(high_risk),
        "new_confusion_lethargy_disorientation": float(confusion),
        "severe_pain_or_distress": float(pain),
        "expected_resources": float(resources),
        "danger_zone_vitals": float(danger),
    }
    if a:
        level, why = 1, "A: requires immediate life-saving intervention"
    elif high_risk or confusion or pain:
        reasons = [
            text
            for present, text in (
                (high_risk, "high-risk situation"),
                (confusion, "new confusion/lethargy/disorientation"),
                (pain, "severe pain or distress"),
            )
            if present
        ]
        level, why = 2, "B: " + ", ".join(reasons)
    elif resources == 0:
        level, why = 5, "C: no resources expected"
    elif resources == 1:
        level, why = 4, "C: one resource expected"
    elif danger:
        level, why = 2, f"C: {resources} resources expected; D: danger-zone vitals, up-triaged"
    else:
        level, why = 3, f"C: {resources} resources expected; D: no danger-zone vitals"
    meaning = {
        1: "immediate: life-saving intervention now",
        2: "emergent: high risk, should not wait",
        3: "urgent: stable, needs two or more resources",
        4: "less urgent: one resource",
        5: "non-urgent: no resources",
    }[level]
    return ScoreResult(
        name="ESI level",
        value=float(level),
        components=components,
        interpretation=f"ESI level {level} ({meaning}); decided at {why}",
        source=_ESI_V4,
        steps=(f"decision point {why}", f"ESI level = {level}"),
    )
