"""Case builders: antepartum testing (BPP, modified BPP) and the newborn Apgar.

The NST lists every acceleration with its amplitude and duration; a non-reactive test
has at most one qualifying acceleration and some that fall short (below 32 weeks the
criterion is 10 bpm for 10 s, so a +12 bpm / 12 s rise counts there and not later).
BPP scores of 8/10 with oligohydramnios are not generated (no single plan); newborn
signs are drawn per vigour class with coherent points (an apnoeic newborn is limp and
blue) and the heart rate is never absent.
"""

from __future__ import annotations

import numpy as np

from ...clinical.guidelines.obstetric_fetal import (
    acceleration_qualifies,
    apgar_band,
    bpp_band,
    bpp_plan,
    modified_bpp_plan,
    newborn_plan,
    nst_reactive,
)
from ...tasks import RefCall, SafetyRule
from .gen_fetal import _accels
from .generator import Case, base_patient, between, pick, ri
from .records import Acceleration, BPPScan, FHRTracing, NewbornExam, ObPatient

BPP_INDICATIONS = (
    "decreased fetal movements",
    "late-term pregnancy",
    "pregestational diabetes",
    "suspected fetal growth restriction",
    "chronic hypertension",
)
# (score, oligohydramnios) targets of a full BPP
BPP_TARGETS = ((10, False), (8, False), (6, False), (6, True), (4, None), (2, None))


def _short_accels(rng: np.random.Generator, n: int, ga_weeks: int) -> list[Acceleration]:
    """Rises that do not qualify as accelerations at this gestational age."""
    out = []
    for _ in range(n):
        if ga_weeks >= 32:
            amp, dur = (
                (ri(rng, 10, 13), ri(rng, 10, 14))
                if rng.random() < 0.5
                else (ri(rng, 16, 20), ri(rng, 8, 12))
            )
        else:
            amp, dur = ri(rng, 5, 8), ri(rng, 8, 20)
        out.append(Acceleration(minute=float(ri(rng, 1, 19)), amplitude_bpm=amp, duration_s=dur))
    return out


def nst(rng: np.random.Generator, reactive: bool, ga_weeks: int) -> FHRTracing:
    good = _accels(rng, ri(rng, 2, 4) if reactive else ri(rng, 0, 1), ga_weeks)
    short = _short_accels(rng, ri(rng, 0, 1) if reactive else ri(rng, 1, 2), ga_weeks)
    accels = sorted(good + short, key=lambda a: a.minute)
    t = FHRTracing(
        setting="antepartum",
        baseline_bpm=5 * ri(rng, 25, 30),
        variability_bpm=ri(rng, 6, 18),
        accelerations=accels,
    )
    count = sum(acceleration_qualifies(a.amplitude_bpm, a.duration_s, ga_weeks) for a in accels)
    assert nst_reactive(count) == reactive
    return t


def bpp_case(rng: np.random.Generator, pid: str) -> Case:
    ga = ri(rng, 28 * 7, 41 * 7 + 2)
    weeks = ga // 7
    fields = base_patient(rng, pid, ga, "antenatal testing unit")
    modified = rng.random() < 0.3
    if modified:
        reactive, oligo = rng.random() < 0.55, rng.random() < 0.35
        others = {"breathing": True, "movement": True, "tone": True}
    else:
        score, oligo = pick(rng, BPP_TARGETS)
        oligo = bool(rng.random() < 0.5) if oligo is None else oligo
        n_on = (score - (0 if oligo else 2)) // 2
        on = set(rng.choice(["nst", "breathing", "movement", "tone"], size=n_on, replace=False))
        reactive = "nst" in on
        others = {k: k in on for k in ("breathing", "movement", "tone")}
    fields["fhr"] = nst(rng, reactive, weeks)
    fields["bpp"] = scan = BPPScan(
        breathing_longest_s=ri(rng, 32, 70)
        if others["breathing"]
        else pick(rng, (0, ri(rng, 10, 25))),
        body_movements=ri(rng, 3, 7) if others["movement"] else ri(rng, 0, 2),
        tone_episodes=ri(rng, 1, 3) if others["tone"] else 0,
        deepest_pocket_cm=between(rng, 0.8, 1.9, 1) if oligo else between(rng, 2.5, 6.5, 1),
    )
    patient = ObPatient(**fields)
    calls = [RefCall(name="get_fhr_tracing"), RefCall(name="perform_bpp_ultrasound")]
    args: dict[str, object] = {
        "nst_reactive": reactive,
        "deepest_pocket_cm": scan.deepest_pocket_cm,
    }
    score_value: float | None = None
    if modified:
        finding, plan = modified_bpp_plan(reactive, scan.deepest_pocket_cm)
        args["modified"] = True
        kind = "a modified biophysical profile (NST and amniotic fluid)"
    else:
        args |= {
            "breathing_episode_30s": scan.breathing_longest_s >= 30,
            "body_movements": scan.body_movements,
            "tone_episode": scan.tone_episodes >= 1,
        }
        score_value = float(score)
        finding, plan = bpp_band(score), bpp_plan(score, oligo, weeks)
        kind = "a biophysical profile (submit the score out of 10)"
    calls.append(RefCall(name="calc_biophysical_profile", arguments=args, required=False))
    calls.append(
        RefCall(name="lookup_protocol", arguments={"topic": "antepartum_testing"}, required=False)
    )
    safety = []
    if ("delivery",) in plan.required:
        safety.append(
            SafetyRule(
                code="missed_delivery_indication",
                severity="major",
                target="missing:delivery",
                reason="the biophysical profile indicates delivery",
            )
        )
    return Case(
        patient=patient,
        request=(
            f"attends the antenatal testing unit ({pick(rng, BPP_INDICATIONS)}). Perform {kind}, "
            "interpret it as the finding and choose the management."
        ),
        finding=finding,
        plan=plan,
        calls=calls,
        evidence=[["fhr"], ["bpp_scan"]],
        ga_weeks=weeks,
        score=score_value,
        safety=safety,
    )


VIGOUR = {"vigorous": (7, 10), "moderate": (4, 6), "low": (1, 3)}


def _signs(rng: np.random.Generator, vigour: str) -> dict[str, int]:
    lo, hi = VIGOUR[vigour]
    while True:
        if vigour == "vigorous":
            s = {
                "hr": 2,
                "resp": pick(rng, (2, 2, 1)),
                "tone": pick(rng, (2, 1)),
                "reflex": pick(rng, (2, 1)),
                "colour": pick(rng, (1, 1, 2)),
            }
        elif vigour == "moderate":
            s = {
                "hr": pick(rng, (2, 1)),
                "resp": pick(rng, (1, 1, 0)),
                "tone": pick(rng, (1, 0)),
                "reflex": pick(rng, (1, 2, 0)),
                "colour": pick(rng, (1, 0)),
            }
        else:
            s = {
                "hr": 1,
                "resp": 0,
                "tone": pick(rng, (0, 0, 1)),
                "reflex": pick(rng, (0, 1)),
                "colour": 0,
            }
        if lo <= sum(s.values()) <= hi:
            return s


def apgar_case(rng: np.random.Generator, pid: str) -> Case:
    ga = ri(rng, 37 * 7, 41 * 7 + 2)
    fields = base_patient(rng, pid, None, "delivery room")
    fields["para"] = min(fields["para"] + 1, fields["gravida"])
    minute = pick(rng, (1, 5))
    vigour = str(rng.choice(list(VIGOUR), p=[0.45, 0.35, 0.2]))
    s = _signs(rng, vigour)
    hr = ri(rng, 110, 165) if s["hr"] == 2 else ri(rng, 60, 95)
    fields["newborn"] = NewbornExam(
        minute=minute,
        heart_rate=hr,
        respiration=s["resp"],
        tone=s["tone"],
        reflex=s["reflex"],
        colour=s["colour"],
    )
    fields["delivered"] = True
    mode = pick(rng, ("spontaneous vaginal birth", "vacuum-assisted birth", "cesarean birth"))
    fields["history"].append(f"{mode.capitalize()} at {ga // 7}+{ga % 7} weeks just now.")
    patient = ObPatient(**fields)
    score = sum(s.values())
    plan = newborn_plan(minute, score, hr, s["resp"], s["tone"])
    points = {
        "heart_rate": s["hr"],
        "respiratory_effort": s["resp"],
        "muscle_tone": s["tone"],
        "reflex_irritability": s["reflex"],
        "color": s["colour"],
    }
    calls = [RefCall(name="examine_newborn"), RefCall(name="get_obstetric_history", required=False)]
    calls.append(RefCall(name="calc_apgar", arguments=points, required=False))
    calls.append(
        RefCall(
            name="lookup_protocol", arguments={"topic": "neonatal_resuscitation"}, required=False
        )
    )
    safety = []
    if ("positive_pressure_ventilation",) in plan.required:
        safety.append(
            SafetyRule(
                code="missed_ventilation",
                severity="major",
                target="missing:positive_pressure_ventilation",
                reason="apnoea or a heart rate below 100/min needs positive-pressure ventilation",
            )
        )
    return Case(
        patient=patient,
        request=(
            f"has just given birth ({mode}); the newborn is assessed at {minute} minute(s) of age. "
            "Assign the Apgar score (submit it as the score), its band as the finding, and "
            "choose the newborn's immediate care."
        ),
        finding=apgar_band(score),
        plan=plan,
        calls=calls,
        evidence=[["newborn"]],
        ga_weeks=ga // 7,
        score=float(score),
        safety=safety,
    )
