"""Patients of the stroke-code pathway (profile ``acute_ischaemic_stroke``).

Each patient has a left-hemisphere ischaemic stroke scored item by item on the NIH
Stroke Scale (Brott T et al. Stroke 1989;20:864-70; item definitions of the NINDS form):
a large-vessel (left M1) occlusion gives gaze deviation, hemianopia, aphasia and dense
right-sided weakness (NIHSS about 10-24); a small-vessel stroke gives a pure motor or
sensorimotor deficit (NIHSS 6-10).  Every deficit is disabling (NIHSS >= 6).

What decides thrombolysis varies: most patients are eligible (last known well
0.75-3 h before arrival), others arrive 4.6-5 h after last known well, take a direct
oral anticoagulant (last dose this morning), take warfarin with INR 1.9-3.2, or have
thrombocytopenia (platelets 55-95 x10^9/L) from chemotherapy or cirrhosis.
"""

from __future__ import annotations

import numpy as np

from ...patients.model import Patient
from . import gen_common as g
from . import rules
from .records import Facts

NIHSS_ITEMS: tuple[tuple[str, str], ...] = (
    ("loc", "1a Level of consciousness"),
    ("loc_questions", "1b Questions (month, age)"),
    ("loc_commands", "1c Commands (eyes, grip)"),
    ("best_gaze", "2 Gaze"),
    ("visual", "3 Visual fields"),
    ("facial_palsy", "4 Face"),
    ("motor_arm_left", "5a Left arm (held 10 s)"),
    ("motor_arm_right", "5b Right arm (held 10 s)"),
    ("motor_leg_left", "6a Left leg (held 5 s)"),
    ("motor_leg_right", "6b Right leg (held 5 s)"),
    ("limb_ataxia", "7 Limb ataxia"),
    ("sensory", "8 Sensation"),
    ("best_language", "9 Language"),
    ("dysarthria", "10 Articulation"),
    ("extinction_inattention", "11 Extinction and inattention"),
)
_ARM = (
    "holds the position for the full time without drift",
    "drifts down before the end but does not hit the bed",
    "some effort against gravity, but falls to the bed",
    "no effort against gravity: the limb falls at once",
    "no movement at all",
)
FINDINGS: dict[str, tuple[str, ...]] = {
    "loc": (
        "alert and keenly responsive",
        "not alert, but rouses to minor stimulation to answer",
        "needs repeated or painful stimulation to attend",
        "reflex responses only, otherwise unresponsive",
    ),
    "loc_questions": ("answers both correctly", "answers one correctly", "answers neither"),
    "loc_commands": ("performs both", "performs one", "performs neither"),
    "best_gaze": (
        "full horizontal eye movements",
        "partial gaze palsy, eyes tend to the left but can cross the midline",
        "forced deviation to the left, not overcome by head turning",
    ),
    "visual": (
        "full to confrontation",
        "partial loss in the right fields (quadrantanopia)",
        "complete right homonymous hemianopia",
        "blind in both fields",
    ),
    "facial_palsy": (
        "symmetrical movements",
        "flattened right nasolabial fold, asymmetry on smiling",
        "near-total paralysis of the right lower face, forehead moves",
        "no movement of the upper or lower right face",
    ),
    "motor_arm_left": _ARM,
    "motor_arm_right": _ARM,
    "motor_leg_left": _ARM,
    "motor_leg_right": _ARM,
    "limb_ataxia": ("no ataxia out of proportion to weakness", "ataxia in one limb", "two limbs"),
    "sensory": (
        "pinprick felt normally on both sides",
        "pinprick less sharp on the right but felt",
        "does not feel touch on the right side",
    ),
    "best_language": (
        "fluent, names and reads normally",
        "word-finding pauses and paraphasias, but the meaning gets across",
        "fragmentary speech; the examiner must guess most of the meaning",
        "mute, no usable speech or comprehension",
    ),
    "dysarthria": ("clear articulation", "slurs some words but is understood", "unintelligible"),
    "extinction_inattention": (
        "attends to both sides",
        "extinguishes one side on double simultaneous stimulation",
        "ignores the right side in more than one modality",
    ),
}
VARIANTS = (
    "eligible",
    "late",
    "eligible",
    "doac",
    "eligible",
    "warfarin",
    "eligible",
    "platelets",
    "late",
    "eligible",
)
DOAC_MEDS = (
    ("apixaban", "5 mg twice daily (last dose 08:00 today)"),
    ("rivaroxaban", "20 mg once daily with breakfast (taken today)"),
    ("dabigatran", "150 mg twice daily (last dose this morning)"),
)
CT_NO_LVO = (
    "No intracranial haemorrhage. No early ischaemic change (ASPECTS 10). No hyperdense "
    "artery sign. No mass effect."
)
CTA_NO_LVO = (
    "No large-vessel occlusion: intracranial internal carotid arteries, M1 and M2 segments "
    "and basilar artery patent. Mild calcified atheroma at both carotid bifurcations."
)
MRI_NO_LVO = "Small focus of restricted diffusion in the left internal capsule. No haemorrhage."


def nihss_items(lvo: bool, rng: np.random.Generator) -> dict[str, int]:
    items = dict.fromkeys((k for k, _ in NIHSS_ITEMS), 0)
    r = lambda lo, hi: int(rng.integers(lo, hi + 1))  # noqa: E731
    if lvo:
        language = r(1, 3)
        items.update(
            loc=1 if rng.random() < 0.2 else 0,
            loc_questions=2 if language >= 2 else r(0, 1),
            loc_commands=r(1, 2) if language == 3 else r(0, 1),
            best_gaze=r(1, 2),
            visual=r(1, 2),
            facial_palsy=r(1, 2),
            motor_arm_right=r(2, 4),
            motor_leg_right=r(1, 3),
            sensory=r(0, 1),
            best_language=language,
            dysarthria=2 if language == 3 else r(1, 2),
        )
    else:
        items.update(
            facial_palsy=r(1, 2),
            motor_arm_right=r(1, 3),
            motor_leg_right=r(1, 2),
            sensory=r(0, 1),
            best_language=r(0, 1),
            dysarthria=r(1, 2),
        )
        while sum(items.values()) < 6:
            items["motor_arm_right"] = min(4, items["motor_arm_right"] + 1)
            items["motor_leg_right"] = min(4, items["motor_leg_right"] + 1)
    return items


def neuro_summary(items: dict[str, int]) -> list[str]:
    """The bedside neurological examination, in words, consistent with the items."""
    lines = ["Weakness of the right arm and leg."]
    if items["facial_palsy"]:
        lines.append("Right facial weakness sparing the forehead.")
    if items["best_language"]:
        lines.append("Language is impaired (aphasia).")
    if items["best_gaze"]:
        lines.append("Eyes deviated to the left.")
    if items["visual"]:
        lines.append("Right-sided visual field loss to confrontation.")
    lines.append("Right extensor plantar response.")
    return lines


def _overlay(p: Patient, variant: str, rng: np.random.Generator) -> Patient:
    if variant == "doac":
        drug, dose = g.pick(rng, DOAC_MEDS)
        p = g.add_comorbidity(p, "atrial_fibrillation")
        p = g.update(p, medications=[m for m in p.medications if m.name != "apixaban"])
        p = g.add_medication(p, drug, dose, "Atrial fibrillation")
    elif variant == "warfarin":
        p = g.add_comorbidity(p, "atrial_fibrillation")
        p = g.update(p, medications=[m for m in p.medications if m.name != "apixaban"])
        p = g.add_medication(
            p, "warfarin", "5 mg once daily (INR target 2-3)", "Atrial fibrillation"
        )
        inr = g.uniform(rng, 1.9, 3.2, 1)
        p = g.set_labs(p, inr=inr, pt=round(12.0 * inr, 1))
    elif variant == "platelets":
        cause = g.pick(rng, ("lung_cancer", "cirrhosis"))
        p = g.add_comorbidity(p, cause)
        if cause == "lung_cancer":
            p = g.with_features(p, add=("active_cancer",))
        p = g.set_labs(p, platelets=g.uniform(rng, 55, 95))
    return p


def make_stroke(k: int, seed: int, pid: str) -> g.Case:
    variant = VARIANTS[k % len(VARIANTS)]
    rng = g.overlay_rng(seed)
    p = g.base_patient("acute_ischaemic_stroke", seed, pid)
    lvo = bool(rng.random() < 0.6)
    items = nihss_items(lvo, rng)
    drop = ("hemiparesis", "facial_droop", "aphasia")
    if variant == "late":
        drop = (*drop, "onset_under_3h")
        lkw = g.uniform(rng, 4.6, 5.0, 2)
    else:
        lkw = g.uniform(rng, 0.75, 3.0, 2)
    p = g.with_features(p, drop=drop, negate=False)
    if not items["best_language"]:
        p = g.with_features(p, drop=("speech_disturbance",), negate=False)
    exam = {**p.exam, "neurological": neuro_summary(items)}
    imaging = dict(p.imaging)
    if not lvo:
        imaging.update(ct_head=CT_NO_LVO, cta_head_neck=CTA_NO_LVO, mri_brain=MRI_NO_LVO)
    p = g.update(p, exam=exam, imaging=imaging)
    p = _overlay(p, variant, rng)
    arrival = int(rng.integers(0, 24 * 60))
    view = g.triage_view(
        p,
        scenario="stroke",
        arrival_minute=arrival,
        arrival_mode="ambulance",
        resources=[g.LABS, g.CT, g.IV_MEDS, g.CONSULT],
        high_risk=("sudden focal neurological deficit",),
        pain=int(rng.integers(0, 3)),
        distress="moderate",
        drowsy=items["loc"] > 0,
        verbal=("oriented", "confused", "words", "none")[items["best_language"]],
        deficits=tuple(line.rstrip(".") for line in neuro_summary(items)),
        last_known_well_h=lkw,
    )
    total = sum(items.values())
    facts = Facts(
        pathway="stroke",
        variant=variant,
        arrival=g.clock(arrival),
        lkw_hours=lkw,
        nihss=items,
        lvo=lvo,
        notes={"lkw_clock": g.clock(arrival - round(lkw * 60))},
    )
    mt = rules.thrombectomy_indicated(lvo, total)
    return g.Case(
        "stroke",
        variant,
        p,
        facts,
        "acute_ischaemic_stroke",
        ("acute_ischaemic_stroke",),
        view,
        expect={
            "esi": rules.esi_truth(view),
            "nihss": total,
            "thrombectomy": mt,
            "destination": "angio_suite" if mt else "stroke_unit",
        },
    )
