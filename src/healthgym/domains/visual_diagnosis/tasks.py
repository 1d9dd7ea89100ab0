"""Seeded task generator of visual_diagnosis, with each task's reference solution.

Even task indices are dermoscopy images (TDS band ``BANDS[(i // 2) % 3]``), odd ones ECG
rhythm strips (rhythm ``RHYTHMS[(i // 2) % 7]``), so classes are balanced.  From the
task's seed the generator draws the patient (age, sex, context) and the study's
parameters; only the parameters are stored in the task.  The image or signal is
rendered from them at reset, unless this process has it at hand: the study that task
generation rendered and measured is kept, read-only and with those measurements, for
the task's episodes, and so is a study rendered at an earlier reset (see
:func:`new_state`).

Rejection sampling, in two layers: the generators already refuse designs whose truth
sits near a measuring threshold (see :mod:`.lesion_sampling` and :func:`.ecg.
sample_ecg_params`); here the study is then measured with the very tools the agent
has, and a draw is kept only when the measurements reproduce the truth - A, B, C and D
exactly (and the very colours counted), diameter within 0.7 mm, rhythm class
exactly, heart rate within 3/min, PR and QTc within 15 ms (inside the grader's
tolerances of 1 mm, 5/min and 20 ms).  So the reference answer, built from the
tools' printed values, is correct on every task.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import numpy as np

from ...clinical.calculators.qtc import qtc_bazett
from ...clinical.guidelines.dermoscopy import BANDS, total_dermoscopy_score
from ...tasks import RefCall, ReferenceSolution, Task, task_id, task_seed, task_split
from . import analysis as an
from .ecg import FS, LEAD, RHYTHMS, SINUS_FAMILY, sample_ecg_params, synthesize
from .ecg_atrial import classify_rhythm
from .grading import TOLERANCE, safety_rules
from .lesion_sampling import sample_lesion
from .measure_lesion import colours_present
from .records import VisualState
from .study import share, state_of
from .tools import TOOLS_BY_KIND
from .tools_ecg import round_half_up

DOMAIN = "visual_diagnosis"
N_TASKS = 420
MAX_ATTEMPTS = 50
SITES = ("upper back", "lower back", "shoulder", "chest", "abdomen", "upper arm", "forearm",
         "thigh", "calf", "neck")  # fmt: skip
LESION_CONTEXT = (
    "noticed by a partner",
    "found at a routine skin check",
    "that the patient wants checked",
    "referred by the family doctor",
    "seen at a mole-mapping visit",
)
ECG_CONTEXT = (
    "a routine pre-operative assessment",
    "an annual health check",
    "a visit for palpitations",
    "an episode of light-headedness",
    "follow-up of hypertension",
    "a visit for fatigue",
)
LESION_PROMPT = (
    "A {age}-year-old {sex} has a pigmented skin lesion on the {site}, {context}. A "
    "dermoscopy image is attached. Read it with the ABCD rule of dermoscopy (Stolz): "
    "measure asymmetry, border, colours and differential structures, compute the Total "
    "Dermoscopy Score, and submit the band (benign, suspicious or highly_suspicious) with "
    "the TDS and the lesion's largest diameter in mm using submit_reading."
)
ECG_PROMPT = (
    "A {age}-year-old {sex} has a 10-second lead II rhythm strip recorded during {context}; "
    "it is attached. Determine the rhythm and submit it using submit_reading with the heart "
    "rate and, when P waves are present, the PR interval and the QTc (Bazett)."
)


def measured_lesion(state: VisualState) -> dict[str, Any]:
    """The values the dermoscopy tools print for this state."""
    a, b = an.asymmetry(state).score, an.border(state).score
    names = colours_present(an.colour_pixels(state))
    c = len(names)
    d = len(an.structures(state).present)
    diameter = round(an.feret(state)[0] * state.scale_mm_per_px, 1)
    tds = total_dermoscopy_score(a, b, c, d) if c and d else None  # C, D >= 1 by definition
    return dict(asymmetry=a, border=b, colours=c, structures=d, tds=tds, diameter_mm=diameter,
                colour_names=names)  # fmt: skip


def measured_ecg(state: VisualState) -> dict[str, Any]:
    """The values the ECG tools print for this state, and the class they imply."""
    rp = an.r_peaks(state)
    at, fid = an.atrial(state), an.fiducials(state)
    hr = round_half_up(rp.heart_rate)
    out: dict[str, Any] = {"heart_rate": hr, "pr_ms": None, "qt_ms": None, "qtc_ms": None}
    if at.p_present and fid.p_onset_ms is not None:
        out["pr_ms"] = round_half_up(fid.qrs_onset_ms - fid.p_onset_ms)
    if fid.t_end_ms is not None:
        out["qt_ms"] = round_half_up(fid.t_end_ms - fid.qrs_onset_ms)
        out["qtc_ms"] = qtc_bazett(heart_rate=hr, qt=out["qt_ms"]).value
    out["finding"] = classify_rhythm(
        heart_rate=hr,
        rr_cv=rp.rr_cv,
        p_present=at.p_present,
        regular_atrial_waves=at.regular_waves,
        atrial_rate=at.atrial_rate,
        pr_ms=out["pr_ms"],
        qtc_ms=out["qtc_ms"] if at.p_present else None,
        sex=state.sex,
    )
    return out


def _lesion_case(index: int, rng: np.random.Generator, age: int, sex: str) -> dict[str, Any]:
    band = BANDS[(index // 2) % len(BANDS)]
    for _ in range(MAX_ATTEMPTS):
        params, lesion = sample_lesion(rng, band)
        t = lesion.truth
        state = state_of(lesion, age, sex)
        m = measured_lesion(state)
        drawn = (t["asymmetry"], t["border"], len(t["colours"]), len(t["structures"]))
        seen = (m["asymmetry"], m["border"], m["colours"], m["structures"])
        same_colours = m["colour_names"] == t["colours"]
        if seen == drawn and same_colours and abs(m["diameter_mm"] - t["diameter_mm"]) <= 0.7:
            break
    else:
        raise RuntimeError(f"task {index}: no lesion measured as drawn in {MAX_ATTEMPTS} draws")
    share("lesion", params.to_dict(), state)
    comps = {k: m[k] for k in ("asymmetry", "border", "colours", "structures")}
    answer = {"finding": band, "tds": m["tds"], "diameter_mm": m["diameter_mm"]}
    calls = [
        RefCall(name="view_image_metadata", required=False),
        *(RefCall(name=n) for n in ("segment_lesion", "measure_asymmetry", "assess_border",
                                    "count_colours", "detect_structures", "measure_diameter")),
        RefCall(name="calculate_tds", arguments=comps, required=False),
        RefCall(name="submit_reading", arguments=answer, required=False),
    ]  # fmt: skip
    grader = {
        "kind": "lesion",
        "finding": band,
        "tds": t["tds"],
        "diameter_mm": t["diameter_mm"],
        "components": {k: t[k] for k in ("asymmetry", "border")}
        | {"colours": len(t["colours"]), "structures": len(t["structures"])},
        "colours": t["colours"],
        "structures": t["structures"],
        "graded": ["tds", "diameter_mm"],
        "tolerance": {k: TOLERANCE[k] for k in ("tds", "diameter_mm")},
    }
    site = SITES[int(rng.integers(len(SITES)))]
    context = LESION_CONTEXT[int(rng.integers(len(LESION_CONTEXT)))]
    prompt = LESION_PROMPT.format(age=age, sex=sex, site=site, context=context)
    return {"params": params.to_dict(), "calls": calls, "answer": answer, "grader": grader,
            "prompt": prompt}  # fmt: skip


def _ecg_case(index: int, rng: np.random.Generator, age: int, sex: str) -> dict[str, Any]:
    rhythm = RHYTHMS[(index // 2) % len(RHYTHMS)]
    sinus = rhythm in SINUS_FAMILY
    for _ in range(MAX_ATTEMPTS):
        params = sample_ecg_params(rng, rhythm)
        strip = synthesize(params)
        truth = strip.truth
        state = VisualState(kind="ecg", age=age, sex=sex, signal=strip.signal, fs=FS, lead=LEAD)
        m = measured_ecg(state)
        ok = m["finding"] == rhythm and abs(m["heart_rate"] - truth["heart_rate"]) <= 3
        if ok and sinus:
            ok = (
                m["pr_ms"] is not None
                and m["qtc_ms"] is not None
                and abs(m["pr_ms"] - truth["pr_ms"]) <= 15
                and abs(m["qtc_ms"] - truth["qtc_ms"]) <= 15
            )
        if ok:
            break
    else:
        raise RuntimeError(f"task {index}: no {rhythm} strip measured as drawn")
    share("ecg", params.to_dict(), state)
    graded = ["heart_rate", "pr_ms", "qtc_ms"] if sinus else ["heart_rate"]
    answer = {"finding": rhythm, **{k: m[k] for k in graded}}
    calls = [
        RefCall(name="view_image_metadata", required=False),
        RefCall(name="detect_r_peaks"),
        RefCall(name="analyze_atrial_activity"),
        RefCall(name="measure_intervals", required=sinus),
    ]
    if sinus:
        qtc_args = {"formula": "bazett", "heart_rate": m["heart_rate"], "qt_ms": m["qt_ms"]}
        calls.append(RefCall(name="calc_qtc", arguments=qtc_args, required=False))
    calls.append(RefCall(name="submit_reading", arguments=answer, required=False))
    grader = {
        "kind": "ecg",
        "finding": rhythm,
        **{k: truth.get(k) for k in ("heart_rate", "pr_ms", "qt_ms", "qtc_ms", "qrs_ms")},
        "graded": graded,
        "tolerance": {k: TOLERANCE[k] for k in graded},
    }
    context = ECG_CONTEXT[int(rng.integers(len(ECG_CONTEXT)))]
    prompt = ECG_PROMPT.format(age=age, sex=sex, context=context)
    return {"params": params.to_dict(), "calls": calls, "answer": answer, "grader": grader,
            "prompt": prompt}  # fmt: skip


@cache
def _spec(index: int) -> str:
    """Task ``index`` as JSON (cached: generation measures every draw)."""
    if index < 0:  # indices past the suite are further tasks (healthgym tasks generate)
        raise ValueError(f"task index must be non-negative, not {index}")
    seed = task_seed(DOMAIN, index)
    rng = np.random.default_rng(seed)
    kind = "lesion" if index % 2 == 0 else "ecg"
    age = int(rng.integers(25, 86))
    sex = "female" if rng.random() < 0.5 else "male"
    case = (_lesion_case if kind == "lesion" else _ecg_case)(index, rng, age, sex)
    tid = task_id(DOMAIN, index)
    task = Task(
        id=tid,
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=case["prompt"],
        allowed_tools=list(TOOLS_BY_KIND[kind]),
        hidden={"kind": kind, "age": age, "sex": sex, "params": case["params"]},
        reference=ReferenceSolution(calls=case["calls"], answer=case["answer"]),
        grader=case["grader"],
        safety=safety_rules(kind, case["grader"]["finding"]),
    )
    return task.model_dump_json()


def make_task(index: int) -> Task:
    """Task number ``index`` of visual_diagnosis (deterministic)."""
    return Task.model_validate(json.loads(_spec(index)))
