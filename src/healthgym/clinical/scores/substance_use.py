"""Alcohol and drug use screening: AUDIT, AUDIT-C, CAGE and DAST-10."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _items
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["audit", "audit_c", "cage", "dast10"]

_BABOR_2001 = (
    "Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use "
    "Disorders Identification Test. Guidelines for Use in Primary Care. 2nd ed. Geneva: "
    "World Health Organization; 2001 (WHO/MSD/MSB/01.6a)."
)
_BUSH_1998 = (
    "Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption "
    "questions (AUDIT-C): an effective brief screening test for problem drinking. Arch "
    "Intern Med. 1998;158(16):1789-1795. Sex-specific cut-offs: Bradley KA, DeBenedetti AF, "
    "Volk RJ, Williams EC, Frank D, Kivlahan DR. AUDIT-C as a brief screen for alcohol "
    "misuse in primary care. Alcohol Clin Exp Res. 2007;31(7):1208-1217."
)
_EWING_1984 = (
    "Ewing JA. Detecting alcoholism. The CAGE questionnaire. JAMA. 1984;252(14):1905-1907; "
    "questions from Mayfield D, McLeod G, Hall P. Am J Psychiatry. 1974;131(10):1121-1123."
)
_SKINNER_1982 = (
    "Skinner HA. The Drug Abuse Screening Test. Addict Behav. 1982;7(4):363-371 (DAST-10 "
    "short form and its interpretation bands, Skinner HA, Centre for Addiction and Mental "
    "Health, Toronto)."
)


def audit(*, items: Sequence[int]) -> ScoreResult:
    """Alcohol Use Disorders Identification Test (AUDIT), 0-40.

    Source: Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: Guidelines for
    Use in Primary Care. 2nd ed. WHO, 2001.

    ``items``: the 10 answers in questionnaire order. Items 1-8 score 0-4; items 9 (injury
    from drinking) and 10 (others concerned about your drinking) score only 0 (no), 2 (yes,
    but not in the last year) or 4 (yes, during the last year).

    Interpretation (WHO 2001 risk zones):

    * Zone I, 0-7: low risk; alcohol education.
    * Zone II, 8-15: hazardous drinking; simple advice.
    * Zone III, 16-19: harmful drinking; simple advice plus brief counselling and continued
      monitoring.
    * Zone IV, 20-40: possible alcohol dependence; referral to a specialist for diagnostic
      evaluation and treatment.
    """
    answers = _items.int_items("items", items, n=10, lo=0, hi=4)
    for i in (9, 10):
        if answers[i - 1] not in (0, 2, 4):
            raise CalculatorInputError(
                f"items item {i} must be one of 0, 2, 4, got {answers[i - 1]}"
            )
    components = {f"item_{i}": float(x) for i, x in enumerate(answers, start=1)}
    total = sum(components.values())
    if total <= 7:
        band = "zone I, low risk (0-7): alcohol education"
    elif total <= 15:
        band = "zone II, hazardous drinking (8-15): simple advice"
    elif total <= 19:
        band = "zone III, harmful drinking (16-19): simple advice, brief counselling, monitoring"
    else:
        band = "zone IV, possible dependence (20-40): refer for specialist evaluation and treatment"
    return ScoreResult(
        name="AUDIT",
        value=total,
        components=components,
        interpretation=f"AUDIT {total:g}: {band}",
        source=_BABOR_2001,
    )


def audit_c(*, items: Sequence[int], sex: Literal["male", "female"]) -> ScoreResult:
    """AUDIT-C (AUDIT alcohol consumption questions 1-3), 0-12, with sex-specific cut-offs.

    Sources: Bush K, Kivlahan DR, McDonell MB, et al. Arch Intern Med 1998;158:1789-1795;
    cut-offs: Bradley KA, DeBenedetti AF, Volk RJ, et al. Alcohol Clin Exp Res
    2007;31:1208-1217.

    ``items``: the 3 answers, each 0-4: how often you drink; how many drinks on a typical
    drinking day; how often 6 or more drinks on one occasion.

    Interpretation:

    * Positive screen for alcohol misuse: >= 4 in men, >= 3 in women.
    * The higher the score, the more likely that drinking is affecting health.
    * When all points come from item 1 (items 2 and 3 score 0), drinking is probably below
      recommended limits; review the answers.
    """
    answers = _items.int_items("items", items, n=3, lo=0, hi=4)
    sex = v.choice("sex", sex, ("male", "female"))
    components = {f"item_{i}": float(x) for i, x in enumerate(answers, start=1)}
    total = sum(components.values())
    cut = 4 if sex == "male" else 3
    if total >= cut:
        band = f"positive screen for alcohol misuse (>= {cut} in {'men' if cut == 4 else 'women'})"
        if answers[1] == 0 and answers[2] == 0:
            band += "; all points from item 1 - probably drinking below limits, review"
    else:
        band = f"negative screen (< {cut})"
    return ScoreResult(
        name="AUDIT-C",
        value=total,
        components=components,
        interpretation=f"AUDIT-C {total:g}: {band}",
        source=_BUSH_1998,
    )


def cage(*, cut_down: bool, annoyed: bool, guilty: bool, eye_opener: bool) -> ScoreResult:
    """CAGE questionnaire for alcohol use disorder, 0-4.

    Source: Ewing JA. JAMA 1984;252:1905-1907 (questions from Mayfield 1974).

    One point for each "yes":

    * C: ever felt you should Cut down on your drinking?
    * A: have people Annoyed you by criticising your drinking?
    * G: ever felt bad or Guilty about your drinking?
    * E: ever had a drink first thing in the morning (Eye-opener) to steady your nerves or
      get rid of a hangover?

    Interpretation (Ewing 1984): >= 2 "yes" answers are clinically significant and call
    for further assessment for alcohol use disorder; 0-1 not significant.
    """
    components = {
        "cut_down": float(v.flag("cut_down", cut_down)),
        "annoyed": float(v.flag("annoyed", annoyed)),
        "guilty": float(v.flag("guilty", guilty)),
        "eye_opener": float(v.flag("eye_opener", eye_opener)),
    }
    total = sum(components.values())
    if total >= 2:
        band = "clinically significant (>= 2); assess further for alcohol use disorder"
    else:
        band = "not clinically significant (< 2)"
    if components["eye_opener"] and total < 2:
        band += "; note the eye-opener answer (morning drinking)"
    return ScoreResult(
        name="CAGE",
        value=total,
        components=components,
        interpretation=f"CAGE {total:g}: {band}",
        source=_EWING_1984,
    )


def dast10(*, answers: Sequence[bool]) -> ScoreResult:
    """Drug Abuse Screening Test, 10-item version (DAST-10), 0-10.

    Source: Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7:363-371.

    ``answers``: the 10 raw yes (True) / no (False) answers in questionnaire order, about
    drug use (not alcohol) in the past 12 months. Each "yes" scores 1, except item 3 ("Are
    you always able to stop using drugs when you want to?"), which is reverse-scored: "no"
    scores 1. ``components`` holds the scored points.

    Interpretation (degree of problems related to drug abuse):

    * 0: none reported.
    * 1-2: low level; monitor and reassess later.
    * 3-5: moderate level; further investigation.
    * 6-8: substantial level; intensive assessment.
    * 9-10: severe level; intensive assessment.
    """
    raw = _items.bool_items("answers", answers, n=10)
    points = [float(not a) if i == 3 else float(a) for i, a in enumerate(raw, start=1)]
    components = {f"item_{i}": p for i, p in enumerate(points, start=1)}
    total = sum(points)
    if total == 0:
        band = "no problems reported"
    elif total <= 2:
        band = "low level of problems (1-2): monitor, reassess later"
    elif total <= 5:
        band = "moderate level (3-5): further investigation"
    elif total <= 8:
        band = "substantial level (6-8): intensive assessment"
    else:
        band = "severe level (9-10): intensive assessment"
    return ScoreResult(
        name="DAST-10",
        value=total,
        components=components,
        interpretation=f"DAST-10 {total:g}: {band}",
        source=_SKINNER_1982,
    )
