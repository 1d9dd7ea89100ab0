"""Suicide-risk stratification from the C-SSRS screen and risk/protective factors.

Sources:

* Columbia Protocol: Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity
  Rating Scale. Am J Psychiatry 2011;168:1266-1277, and the triage of the C-SSRS Screen
  Version (Columbia Lighthouse Project): yes to question 4 (intent) or 5 (plan with
  intent) or suicidal behaviour in the past 3 months = high risk; yes to question 3
  (method) or behaviour more than 3 months ago = moderate risk; yes to question 1 or 2
  only = low risk.  The arithmetic is :func:`healthgym.clinical.scores.psychiatric.c_ssrs_screen`.
* VA/DoD Clinical Practice Guideline for the Assessment and Management of Patients at
  Risk for Suicide (2019): risk factors and protective factors to elicit; the Safety
  Planning Intervention and lethal means safety counselling for patients at elevated
  risk; acute risk graded by the Rocky Mountain MIRECC Therapeutic Risk Management table
  (Wortzel HS, Homaifar B, Matarazzo B, Brenner LA. J Psychiatr Pract 2014;20:63-67),
  where high acute risk typically warrants psychiatric hospitalisation.

Rule used in this environment (the answer key; ``psychiatry_guideline('suicide_risk')``
states it to the agent): the acute risk level is the Columbia screen triage level, with
"no risk identified" reported as low.  Risk and protective factors do not change the
level; they decide the safety plan (lethal means counselling when a firearm is
accessible) and are what a clinician documents alongside it.  No tool reports the
level: ``administer_cssrs`` and ``assess_suicide_risk`` report the answers and factors,
and the agent applies the triage.
"""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.registry import calculator
from healthgym.clinical.scores.result import ScoreResult

from .records import Cssrs

RiskLevel = Literal["low", "moderate", "high"]
RISK_LEVELS: tuple[RiskLevel, ...] = ("low", "moderate", "high")

# VA/DoD 2019 risk factors and warning signs, as the record names them
RISK_FACTORS: dict[str, str] = {
    "prior_attempt": "previous suicide attempt",
    "firearm_access": "access to a firearm at home",
    "recent_loss": "recent loss (relationship, job or bereavement)",
    "living_alone": "lives alone",
    "substance_misuse": "current heavy alcohol or drug use",
    "chronic_pain": "chronic pain",
    "unemployment": "unemployed",
    "hopelessness": "expresses hopelessness",
    "family_history_suicide": "family history of suicide",
    "recent_discharge": "discharged from psychiatric hospital within 3 months",
}
PROTECTIVE_FACTORS: dict[str, str] = {
    "social_support": "supportive family or friends",
    "children_at_home": "responsibility for children at home",
    "religious_faith": "religious or moral objection to suicide",
    "engaged_in_care": "engaged in ongoing care",
    "future_plans": "future plans and reasons for living",
}


def cssrs_result(c: Cssrs) -> ScoreResult:
    """The library's C-SSRS screen result for a record's answers."""
    return calculator("c_ssrs_screen")(
        wish_to_be_dead=c.wish_to_be_dead,
        suicidal_thoughts=c.suicidal_thoughts,
        thoughts_with_method=c.thoughts_with_method,
        intent=c.intent,
        plan_and_intent=c.plan_and_intent,
        suicidal_behavior=c.suicidal_behavior,
    )


def acute_risk(screen_level: int) -> RiskLevel:
    """Acute risk from the Columbia screen level (0-3): 3 high, 2 moderate, 0-1 low."""
    if screen_level not in (0, 1, 2, 3):
        raise ValueError(f"C-SSRS screen level must be 0-3, got {screen_level!r}")
    return "high" if screen_level == 3 else "moderate" if screen_level == 2 else "low"


def risk_of(c: Cssrs) -> RiskLevel:
    return acute_risk(int(cssrs_result(c).value))
