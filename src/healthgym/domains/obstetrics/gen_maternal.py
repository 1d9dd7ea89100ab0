"""Case builders: pregnancy dating, labour induction (Bishop) and GDM screening.

Generation keeps away from decision boundaries so that each case has one defensible
answer: dating discrepancies differ from the ACOG CO 700 threshold by at least 2
days and both gestational ages fall in the same redating band; CRL values are chosen
so that rounding and truncation give the same day; Bishop scores of 7-8 (no single
recommended plan) are not generated; glucose values stay at least 2 mg/dL from a
cut-off.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ...clinical.guidelines.obstetric_dating import (
    best_dating,
    crl_to_ga_days,
    induction_plan,
    redating_band,
)
from ...clinical.guidelines.obstetric_maternal import (
    GCT_THRESHOLD,
    OGTT_75G_IADPSG,
    OGTT_100G,
    gct_positive,
    gdm_plan,
    ogtt_75g_abnormal,
    ogtt_100g_abnormal,
)
from ...clinical.guidelines.plan import Plan
from ...clinical.scores.obstetric import bishop_score
from ...tasks import RefCall, SafetyRule
from .generator import Case, base_patient, pick, ri
from .records import CervicalExam, ObPatient, Ultrasound


def _crl_for(t: int) -> float | None:
    """A CRL (1 decimal) whose Robinson GA rounds and truncates to day ``t``."""
    crl = round(((t + 0.15 - 23.73) / 8.052) ** 2, 1)
    raw = crl_to_ga_days(crl)
    return crl if int(raw) == t and raw - t < 0.35 else None


def dating_case(rng: np.random.Generator, pid: str) -> Case:
    scenario = str(rng.choice(["lmp", "redate", "unknown"], p=[0.4, 0.4, 0.2]))
    by_crl = rng.random() < 0.6
    while True:
        t = ri(rng, 50, 96) if by_crl else ri(rng, 100, 210)
        crl = _crl_for(t) if by_crl else None
        if by_crl and crl is None:
            continue
        if scenario == "unknown":
            lmp_ga = None
            break
        threshold = redating_band(t)[0]
        if scenario == "lmp":
            diff = ri(rng, -(threshold - 2), threshold - 2)
        else:
            diff = ri(rng, threshold + 2, threshold + 12) * (1 if rng.random() < 0.5 else -1)
        lmp_ga = t - diff
        if lmp_ga >= 35 and redating_band(lmp_ga)[0] == threshold:
            break
    fields = base_patient(rng, pid, None, "prenatal clinic (first visit)")
    visit = dt.date.fromisoformat(fields["visit_date"])
    scan = visit - dt.timedelta(days=ri(rng, 0, 14))
    lmp = None if lmp_ga is None else scan - dt.timedelta(days=lmp_ga)
    if lmp is None:
        fields["lmp_note"] = "she cannot recall the date; cycles irregular"
    else:
        fields["lmp"] = lmp.isoformat()
        fields["lmp_note"] = "she is fairly sure of the date; regular 28-day cycles"
    us = Ultrasound(date=scan.isoformat(), crl_mm=crl, biometry_ga_days=None if by_crl else t)
    fields["ultrasounds"] = [us]
    patient = ObPatient(**fields)
    decision = best_dating(lmp, scan, t)
    calls = [RefCall(name="get_obstetric_history"), RefCall(name="get_ultrasound_reports")]
    calls.append(
        RefCall(name="lookup_protocol", arguments={"topic": "pregnancy_dating"}, required=False)
    )
    if lmp is not None:
        args = {"method": "lmp", "on_date": scan.isoformat(), "lmp": lmp.isoformat()}
        calls.append(RefCall(name="calc_gestational_age", arguments=args, required=False))
    us_args: dict[str, object] = {"method": "ultrasound", "on_date": scan.isoformat()}
    us_args["scan_date"] = scan.isoformat()
    if crl is not None:
        us_args["crl_mm"] = crl
    else:
        us_args |= {"scan_ga_weeks": t // 7, "scan_ga_days": t % 7}
    calls.append(RefCall(name="calc_gestational_age", arguments=us_args, required=False))
    return Case(
        patient=patient,
        request=(
            f"attends her first prenatal visit on {patient.visit_date}. Establish the best "
            "obstetric estimate of the due date from her menstrual history and the ultrasound; "
            "submit the dating basis as the finding and the EDD."
        ),
        finding="dated_by_lmp" if decision.basis == "lmp" else "dated_by_ultrasound",
        plan=Plan(required=()),
        calls=calls,
        evidence=[["history"], ["ultrasound"]],
        ga_weeks=(t + (visit - scan).days) // 7,
        edd=decision.edd.isoformat(),
    )


INDICATIONS = (
    "late-term pregnancy",
    "elective induction after counselling",
    "suspected large-for-gestational-age fetus",
)


def _cervix(rng: np.random.Generator, favourable: bool) -> tuple[CervicalExam, float]:
    while True:
        c = CervicalExam(
            dilation_cm=float(pick(rng, (0, 1, 2, 3, 4, 5) if favourable else (0, 1, 2, 3))),
            effacement_pct=int(pick(rng, (0, 20, 30, 40, 50, 60, 70, 80, 90))),
            station=int(pick(rng, (-3, -2, -1, 0, 1, 2) if favourable else (-3, -2, -1, 0))),
            consistency=pick(rng, ("firm", "medium", "soft")),
            position=pick(rng, ("posterior", "mid", "anterior")),
        )
        score = float(bishop_score(**c.model_dump()).value)
        if (score > 8) if favourable else (score <= 6):
            return c, score


def labour_case(rng: np.random.Generator, pid: str) -> Case:
    ga = ri(rng, 39 * 7, 41 * 7 + 3)
    fields = base_patient(rng, pid, ga, "labour and delivery unit")
    scar = rng.random() < 0.3
    if scar:
        fields["gravida"] = max(fields["gravida"], 2)
        fields["para"] = max(1, min(fields["para"], fields["gravida"] - 1))
        fields["history"][0] = (
            "One previous cesarean delivery (low transverse incision) for breech presentation; "
            "she has chosen a trial of labour after cesarean."
        )
    fields["prior_uterine_scar"] = scar
    cervix, score = _cervix(rng, rng.random() < 0.5)
    fields["cervix"] = cervix
    patient = ObPatient(**fields)
    plan = induction_plan(score, scar)
    calls = [RefCall(name="get_obstetric_history"), RefCall(name="perform_cervical_exam")]
    calls.append(RefCall(name="calc_bishop_score", arguments=cervix.model_dump(), required=False))
    calls.append(
        RefCall(name="lookup_protocol", arguments={"topic": "induction_of_labour"}, required=False)
    )
    safety = []
    if scar:
        safety.append(
            SafetyRule(
                code="misoprostol_after_cesarean",
                severity="major",
                target="given:misoprostol_ripening",
                reason="misoprostol ripening after a cesarean delivery risks uterine rupture",
            )
        )
    return Case(
        patient=patient,
        request=(
            f"is admitted for induction of labour ({pick(rng, INDICATIONS)}). Assess the cervix, "
            "decide whether it is favourable and choose the induction method; submit the Bishop "
            "score as the score."
        ),
        finding="favourable_cervix" if score > 8 else "unfavourable_cervix",
        plan=plan,
        calls=calls,
        evidence=[["cervix"], ["history"]] if scar else [["cervix"]],
        ga_weeks=ga // 7,
        score=score,
        safety=safety,
    )


def _glucose(rng: np.random.Generator, limits: tuple[float, ...], high: set[int]) -> list[float]:
    """Values at least 2 mg/dL above the limits at ``high`` and at least 3 below elsewhere."""
    out = []
    for i, lim in enumerate(limits):
        low, top = (int(lim) + 2, int(lim) + 30) if i in high else (int(lim) - 28, int(lim) - 3)
        out.append(float(ri(rng, low, top)))
    return out


APPROACH_TEXT = {
    "iadpsg": "the one-step approach: a 2-hour 75 g OGTT interpreted with the IADPSG criteria",
    "carpenter_coustan": "the two-step approach: a 1-hour 50 g challenge (positive at >= 140 "
    "mg/dL) and, when positive, a 3-hour 100 g OGTT read with the Carpenter-Coustan criteria",
    "nddg": "the two-step approach: a 1-hour 50 g challenge (positive at >= 140 mg/dL) and, "
    "when positive, a 3-hour 100 g OGTT read with the National Diabetes Data Group criteria",
}


def _ogtt_100g(rng: np.random.Generator, criteria: str, gdm: bool) -> list[float]:
    cc, nddg = OGTT_100G["carpenter_coustan"], OGTT_100G["nddg"]
    n_high = ri(rng, 2, 3) if gdm else ri(rng, 0, 1)
    high = {int(i) for i in rng.choice(4, size=n_high, replace=False)}
    if criteria == "nddg" and not gdm and rng.random() < 0.6:
        # meets Carpenter-Coustan at two time points but not NDDG
        high = {int(i) for i in rng.choice(4, size=2, replace=False)}
        values = _glucose(rng, nddg, set())
        for i in high:
            values[i] = float(ri(rng, int(cc[i]) + 2, int(nddg[i]) - 3))
        return values
    values = _glucose(rng, OGTT_100G[criteria], high)
    assert len(ogtt_100g_abnormal(tuple(values), criteria)) == n_high
    return values


def gdm_case(rng: np.random.Generator, pid: str) -> Case:
    ga = ri(rng, 24 * 7, 28 * 7 + 6)
    fields = base_patient(rng, pid, ga, "prenatal clinic")
    criteria = str(rng.choice(["iadpsg", "carpenter_coustan", "nddg"], p=[0.4, 0.4, 0.2]))
    fields["history"].append(
        pick(
            rng,
            (
                "Pre-pregnancy BMI 31 kg/m2.",
                "Mother has type 2 diabetes.",
                "No diabetes risk factors.",
                "Previous baby weighed 4.3 kg.",
                "Pre-pregnancy BMI 24 kg/m2.",
            ),
        )
    )
    calls = [RefCall(name="get_obstetric_history", required=False)]
    evidence: list[list[str]] = []
    if criteria == "iadpsg":
        gdm = rng.random() < 0.5
        high = {int(i) for i in rng.choice(3, size=ri(rng, 1, 2), replace=False)} if gdm else set()
        values = _glucose(rng, OGTT_75G_IADPSG, high)
        gdm = bool(ogtt_75g_abnormal(tuple(values)))
        fields["glucose"] = {"ogtt_75g_2h": values}
        calls.append(RefCall(name="order_glucose_test", arguments={"test": "ogtt_75g_2h"}))
        args = {"test": "ogtt_75g_2h", "values": values, "criteria": "iadpsg"}
        calls.append(RefCall(name="compare_glucose_thresholds", arguments=args, required=False))
        evidence.append(["glucose:ogtt_75g_2h"])
    else:
        positive = rng.random() < 0.65
        gct = float(ri(rng, 142, 190) if positive else ri(rng, 95, int(GCT_THRESHOLD) - 3))
        fields["glucose"] = {"gct_50g_1h": [gct]}
        calls.append(RefCall(name="order_glucose_test", arguments={"test": "gct_50g_1h"}))
        args = {"test": "gct_50g_1h", "values": [gct]}
        calls.append(RefCall(name="compare_glucose_thresholds", arguments=args, required=False))
        evidence.append(["glucose:gct_50g_1h"])
        gdm = False
        if gct_positive(gct):
            values = _ogtt_100g(rng, criteria, rng.random() < 0.5)
            gdm = len(ogtt_100g_abnormal(tuple(values), criteria)) >= 2
            fields["glucose"]["ogtt_100g_3h"] = values
            calls.append(RefCall(name="order_glucose_test", arguments={"test": "ogtt_100g_3h"}))
            args = {"test": "ogtt_100g_3h", "values": values, "criteria": criteria}
            calls.append(RefCall(name="compare_glucose_thresholds", arguments=args, required=False))
            evidence.append(["glucose:ogtt_100g_3h"])
    patient = ObPatient(**fields)
    safety = []
    if gdm:
        safety.append(
            SafetyRule(
                code="untreated_gdm",
                severity="major",
                target="missing:medical_nutrition_therapy",
                reason="gestational diabetes left without medical nutrition therapy",
            )
        )
    return Case(
        patient=patient,
        request=(
            f"attends for gestational diabetes screening. This practice uses "
            f"{APPROACH_TEXT[criteria]}. Order the tests, interpret them and submit your "
            "assessment and plan."
        ),
        finding="gdm" if gdm else "no_gdm",
        plan=gdm_plan(gdm),
        calls=calls,
        evidence=evidence,
        ga_weeks=ga // 7,
        safety=safety,
    )
