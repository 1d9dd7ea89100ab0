"""Renal mass protocol CT and MRI studies with a cystic renal mass (Bosniak 2019 tasks).

Scenario ``k % 13`` fixes the feature pattern of one Bosniak 2019 class type
(Silverman SG et al. Radiology 2019;292:475-488, Table 1): simple cysts, few thin
septa, hyperattenuating or non-enhancing homogeneous masses, T1-hyperintense masses at
MRI, minimally thickened walls, many septa, thick walls or septa, irregularity,
obtuse and acute nodules.  The features are written as measurements (wall and septal
thickness in mm, number of septa, protrusion size and angle, attenuation in HU or MRI
signal) for the agent to classify.  Calcification is drawn only where Table 1 allows
it - class II masses with few thin septa and homogeneous non-enhancing masses > 20 HU
("may have calcification of any type") - and only at CT, which shows it (MRI depicts
calcification poorly); class I never has septa or calcification.  Renal CT studies may
show an incidental critical finding (gas outside the bowel, an aortic flap).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ...clinical.guidelines.imaging_renal import bosniak_classification
from .gen_critical import NORMAL_LINES, critical_finding, normal_lines
from .generator import (
    Case,
    accession,
    build_study,
    clinician,
    findings_text,
    patient,
    pick,
    place_findings,
    study_date,
    study_time,
)
from .records import Finding

SCENARIOS = (
    ("I", "ct"),
    ("I", "mri"),
    ("II_septa", "any"),
    ("II_hyperattenuating", "ct"),
    ("II_nonenhancing", "ct"),
    ("II_t1", "mri"),
    ("IIF_wall", "any"),
    ("IIF_many_septa", "any"),
    ("IIF_t1_heterogeneous", "mri"),
    ("III_thick", "any"),
    ("III_irregular", "any"),
    ("IV_obtuse", "any"),
    ("IV_acute", "any"),
)
# Silverman 2019 Table 1: the class II types that "may have calcification of any type"
CALCIFIED_KINDS = ("II_septa", "II_nonenhancing")
CALCIFICATION_TEXT = {
    "wall": "Thin calcification in part of the wall.",
    "septum": "A small coarse calcification in one septum.",
}
SIGNAL_TEXT = {
    "simple_fluid": "homogeneously bright on T2 like cerebrospinal fluid and dark on T1",
    "t1_homogeneous_hyperintense": "homogeneously markedly bright on fat-suppressed T1 "
    "(about three times the renal parenchyma)",
    "t1_heterogeneous_hyperintense": "heterogeneously bright on fat-suppressed T1",
}


def _features(rng: np.random.Generator, kind: str, modality: str) -> dict[str, Any]:
    f: dict[str, Any] = {
        "wall": int(rng.integers(1, 3)),
        "septa": 0,
        "septum_mm": 0,
        "enhancing": bool(rng.random() < 0.5),
        "protrusion": "none",
        "protrusion_mm": 0,
        "hu": int(rng.integers(-5, 19)),
        "signal": "simple_fluid",
        "calcification": "none",
    }
    if kind == "II_septa":
        f.update(septa=int(rng.integers(1, 4)), septum_mm=int(rng.integers(1, 3)))
    elif kind == "II_hyperattenuating":
        f.update(hu=int(rng.integers(70, 91)), enhancing=False)
    elif kind == "II_nonenhancing":
        f.update(hu=int(rng.integers(25, 61)), enhancing=False)
    elif kind == "II_t1":
        f.update(signal="t1_homogeneous_hyperintense", enhancing=False)
    elif kind == "IIF_t1_heterogeneous":
        f.update(signal="t1_heterogeneous_hyperintense", enhancing=False)
    else:
        f["enhancing"] = kind != "I" or f["enhancing"]
    if kind == "IIF_wall":
        if rng.random() < 0.5:
            f["wall"] = 3
        else:
            f.update(septa=int(rng.integers(1, 4)), septum_mm=3)
    elif kind == "IIF_many_septa":
        f.update(septa=int(rng.integers(4, 8)), septum_mm=int(rng.integers(1, 3)))
    elif kind == "III_thick":
        if rng.random() < 0.5:
            f["wall"] = int(rng.integers(4, 7))
        else:
            f.update(septa=int(rng.integers(1, 6)), septum_mm=int(rng.integers(4, 7)))
    elif kind == "III_irregular":
        f.update(protrusion="obtuse", protrusion_mm=int(rng.integers(1, 4)))
    elif kind == "IV_obtuse":
        f.update(protrusion="obtuse", protrusion_mm=int(rng.integers(4, 13)))
    elif kind == "IV_acute":
        f.update(protrusion="acute", protrusion_mm=int(rng.integers(2, 11)))
    if kind.startswith(("III", "IV")) and f["septa"] == 0 and rng.random() < 0.5:
        f.update(septa=int(rng.integers(1, 4)), septum_mm=int(rng.integers(1, 3)))
    if kind in CALCIFIED_KINDS and modality == "ct" and rng.random() < 0.5:
        where = ("wall", "septum") if f["septa"] else ("wall",)
        f["calcification"] = pick(rng, where)
    return f


def _details(rng: np.random.Generator, f: dict[str, Any], modality: str) -> list[str]:
    lines = [f"Wall: smooth, {f['wall']} mm thick."]
    if f["septa"]:
        lines.append(f"Septa: {f['septa']}, smooth, the thickest {f['septum_mm']} mm.")
    else:
        lines.append("Septa: none.")
    if f["protrusion"] != "none":
        angle = "an obtuse" if f["protrusion"] == "obtuse" else "an acute"
        where = pick(rng, ("the wall", "a septum")) if f["septa"] else "the wall"
        lines[0] = f"Wall: {f['wall']} mm thick."
        lines.append(
            f"A {f['protrusion_mm']} mm focal convex protrusion arises from {where}, making "
            f"{angle} angle with it."
        )
    named = [
        "wall",
        *(["septa"] if f["septa"] else []),
        *(["protrusion"] if f["protrusion"] != "none" else []),
    ]
    parts = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    if f["enhancing"]:
        verb = "shows" if parts == "wall" else "show"
        lines.append(f"After contrast: the {parts} {verb} perceptible enhancement.")
    else:
        lines.append(f"After contrast: no enhancement of the {parts} or the contents.")
    if modality == "ct":
        post = f["hu"] + int(rng.integers(-3, 4))
        lines.append(
            f"Contents: homogeneous, {f['hu']} HU unenhanced and {post} HU in the "
            "nephrographic phase."
        )
    else:
        lines.append(f"Contents: {SIGNAL_TEXT[f['signal']]}; no enhancement on subtraction.")
    if modality == "ct":
        lines.append(CALCIFICATION_TEXT.get(f["calcification"], "No calcification."))
    return lines


def renal_case(rng: np.random.Generator, k: int) -> Case:
    kind, modality = SCENARIOS[k % len(SCENARIOS)]
    if modality == "any":
        modality = pick(rng, ("ct", "mri"))
    feats = _features(rng, kind, modality)
    rule_args: dict[str, Any] = {
        "modality": modality,
        "wall_thickness_mm": float(feats["wall"]),
        "septa_count": feats["septa"],
        "max_septum_thickness_mm": float(feats["septum_mm"]),
        "enhancing": feats["enhancing"],
        "calcification": feats["calcification"] != "none",
    }
    if feats["protrusion"] != "none":
        rule_args["protrusion"] = feats["protrusion"]
        rule_args["protrusion_size_mm"] = float(feats["protrusion_mm"])
    if modality == "ct":
        rule_args["unenhanced_attenuation_hu"] = float(feats["hu"])
    else:
        rule_args["fluid_signal"] = feats["signal"]
    result = bosniak_classification(**rule_args)
    side = pick(rng, ("Right", "Left"))
    location = f"{side} kidney, {pick(rng, ('upper pole', 'interpolar region', 'lower pole'))}"
    size_cm = round(float(rng.uniform(1.5, 7.0)), 1)
    mass = Finding(
        id="F0",
        location=location,
        summary=f"{size_cm} cm cystic mass",
        details=_details(rng, feats, modality),
        kind="renal_mass",
    )
    critical = "none"
    if modality == "ct" and rng.random() < 0.35:
        critical = pick(rng, ("pneumoperitoneum", "aortic_dissection"))
    extra = critical_finding(rng, critical, "F0", "abdomen") if critical != "none" else None
    findings, ids, extra_id = place_findings(rng, [mass], extra)
    other = "left" if side == "Right" else "right"
    regions = ("solid_organs", "bowel", "abdominal_aorta", "bones")
    normal = [f"The {other} kidney: normal.", *normal_lines(regions, critical)]
    if modality == "mri":
        normal = [f"The {other} kidney: normal.", NORMAL_LINES["solid_organs"]]
    pt = patient(rng, int(rng.integers(35, 85)))
    if modality == "ct":
        exam = "CT abdomen, renal mass protocol"
        technique = [
            "Unenhanced and nephrographic-phase (100 s) acquisitions after intravenous contrast.",
            "2.5 mm slices with coronal reformats.",
        ]
    else:
        exam = "MRI abdomen, renal mass protocol"
        technique = [
            "T2-weighted, in- and opposed-phase T1 and fat-suppressed T1 images before and "
            "after gadolinium, with subtraction images.",
        ]
    study = build_study(
        acc=accession(rng, modality.upper()),
        exam=exam,
        modality=modality.upper(),
        date=study_date(rng),
        time=study_time(rng),
        pt=pt,
        ordering=clinician(rng, pick(rng, ("Urology", "Nephrology")), pt.name.split()[-1]),
        indication=pick(
            rng,
            (
                "Indeterminate renal lesion on ultrasound.",
                "Renal lesion seen incidentally on a previous CT; characterise.",
                "Renal cyst with internal echoes on ultrasound.",
            ),
        ),
        history=[
            f"eGFR {int(rng.integers(60, 100))} mL/min/1.73 m2.",
            "No history of renal cancer or hereditary renal tumour syndrome.",
        ],
        technique=technique,
        findings=findings,
        normal=normal,
    )
    return Case(
        study=study,
        system="bosniak_2019",
        rule_tool="bosniak_classification",
        rule_args=rule_args,
        index_ids=[*ids, *([extra_id] if extra_id else [])],
        critical=critical,
        lesion_text=f"{size_cm} cm cystic mass, {location.lower()}: Bosniak {result.bosniak_class}",
        findings_text=findings_text(findings, normal),
    )
