"""Thyroid ultrasound studies with one nodule (ACR TI-RADS tasks).

Task ``k`` targets level ``TR1..TR5`` (``k % 5``) and, for TR3-TR5, a size class
(below the follow-up threshold, between the thresholds, at or above the FNA threshold;
``k // 5 % 3``); the features are drawn from the combinations the lexicon allows
(Grant EG et al. "Thyroid Ultrasound Reporting Lexicon: White Paper of the ACR TI-RADS
Committee". J Am Coll Radiol 2015;12:1272-1279: anechoic applies to cystic nodules,
spongiform nodules are iso- or hyperechoic) until the chart gives the target level.
Shape is not stated: the transverse image gives the anteroposterior (height) and
transverse (width) diameters, and taller-than-wide means height > width.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from ...clinical.guidelines.imaging_thyroid import THRESHOLDS_CM, tirads_assessment
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

LEVELS = ("TR1", "TR2", "TR3", "TR4", "TR5")
COMPOSITION_TEXT = {
    "cystic": "entirely fluid-filled, without a soft-tissue component",
    "spongiform": "composed predominantly (more than half) of small cystic spaces",
    "mixed_cystic_solid": "mixed cystic and solid; the solid portion is described below",
    "solid": "solid, almost entirely soft tissue",
}
ECHO_TEXT = {
    "anechoic": "anechoic",
    "hyperechoic": "brighter than the adjacent thyroid parenchyma",
    "isoechoic": "similar to the adjacent thyroid parenchyma",
    "hypoechoic": "darker than the thyroid parenchyma but brighter than the strap muscles",
    "very_hypoechoic": "darker than the adjacent strap muscles",
}
MARGIN_TEXT = {
    "smooth": "smooth",
    "ill_defined": "ill-defined (border difficult to separate from the parenchyma)",
    "lobulated_or_irregular": "lobulated, with soft-tissue protrusions into the parenchyma",
    "extrathyroidal_extension": "extends through the thyroid capsule into the strap muscles",
}
FOCI_TEXT = {
    "none": "none",
    "large_comet_tail_artifacts": "large V-shaped comet-tail artifacts within cystic spaces",
    "macrocalcifications": "coarse calcifications casting acoustic shadows",
    "peripheral_calcifications": "calcification along part of the nodule's periphery",
    "punctate_echogenic_foci": "tiny punctate echogenic foci without comet-tail artifacts",
}
ECHO_BY_COMPOSITION = {
    "cystic": ("anechoic",),
    "spongiform": ("isoechoic", "hyperechoic"),
    "mixed_cystic_solid": ("hyperechoic", "isoechoic", "hypoechoic"),
    "solid": ("hyperechoic", "isoechoic", "hypoechoic", "very_hypoechoic"),
}
SUSPICIOUS_FOCI = ("macrocalcifications", "peripheral_calcifications", "punctate_echogenic_foci")


def _features(rng: np.random.Generator) -> dict[str, object]:
    comp = pick(rng, ("cystic", "spongiform", "mixed_cystic_solid", "solid", "solid"))
    echo = pick(rng, ECHO_BY_COMPOSITION[comp])
    if comp in ("cystic", "spongiform"):
        return {
            "composition": comp,
            "echogenicity": echo,
            "shape": "wider_than_tall",
            "margin": pick(rng, ("smooth", "ill_defined")),
            "echogenic_foci": [pick(rng, ("none", "large_comet_tail_artifacts"))],
        }
    n_foci = pick(rng, (0, 0, 1, 1, 2))
    foci = sorted(pick(rng, list(combinations(SUSPICIOUS_FOCI, n_foci)))) if n_foci else []
    return {
        "composition": comp,
        "echogenicity": echo,
        "shape": pick(rng, ("wider_than_tall", "wider_than_tall", "taller_than_wide")),
        "margin": pick(rng, tuple(MARGIN_TEXT)),
        "echogenic_foci": foci or ["none"],
    }


def _size_mm(rng: np.random.Generator, level: str, size_class: int) -> int:
    limits = THRESHOLDS_CM[level]
    if limits is None:
        return int(rng.integers(5, 41))
    fna, follow = (round(x * 10) for x in limits)
    if size_class == 0:
        return int(rng.integers(max(3, follow - 6), follow))
    if size_class == 1:
        return int(rng.integers(follow, fna))
    return int(rng.integers(fna, fna + 20))


def thyroid_case(rng: np.random.Generator, k: int) -> Case:
    target = LEVELS[k % 5]
    while True:
        feats = _features(rng)
        if tirads_assessment(**feats, max_diameter_mm=10).level == target:  # type: ignore[arg-type]
            break
    size = _size_mm(rng, target, (k // 5) % 3)
    # the three diameters: the largest is ``size``; height vs width gives the shape
    a, b = sorted(int(rng.integers(max(2, size // 2), size)) for _ in range(2))
    if feats["shape"] == "taller_than_wide":
        height, width, length = size, b, a
    else:  # width > height, never equal
        width, height = (size, a) if a == b else pick(rng, ((size, a), (b, a)))
        length = size if width != size else b
    dims = {"transverse": width, "anteroposterior": height, "longitudinal": length}
    assert max(dims.values()) == size and (height > width) == (feats["shape"] != "wider_than_tall")
    lobe = pick(rng, ("right lobe", "left lobe", "isthmus"))
    third = pick(rng, ("upper", "mid", "lower")) if lobe != "isthmus" else ""
    location = f"{'Thyroid ' + lobe if not third else f'{lobe.capitalize()}, {third} third'}"
    foci = [FOCI_TEXT[f] for f in feats["echogenic_foci"]]  # type: ignore[attr-defined]
    details = [
        f"Composition: {COMPOSITION_TEXT[str(feats['composition'])]}.",
        f"Echogenicity: {ECHO_TEXT[str(feats['echogenicity'])]}.",
        f"Margin: {MARGIN_TEXT[str(feats['margin'])]}.",
        f"Echogenic foci: {'; '.join(foci)}.",
        f"Transverse image: width (transverse) {width / 10:.1f} cm, height (anteroposterior) "
        f"{height / 10:.1f} cm. Longitudinal image: length {length / 10:.1f} cm.",
    ]
    nodule = Finding(
        id="F0", location=location, summary="nodule", details=details, kind="thyroid_nodule"
    )
    findings, ids, _ = place_findings(rng, [nodule], None)
    normal = [
        f"Right lobe {int(rng.integers(40, 56))} x {int(rng.integers(12, 20))} x "
        f"{int(rng.integers(12, 20))} mm; left lobe {int(rng.integers(40, 56))} x "
        f"{int(rng.integers(12, 20))} x {int(rng.integers(12, 20))} mm; isthmus "
        f"{int(rng.integers(2, 5))} mm.",
        "Background parenchyma: homogeneous, normal vascularity.",
        "Cervical lymph nodes: normal oval shape with fatty hila.",
    ]
    result = tirads_assessment(**feats, max_diameter_mm=size)  # type: ignore[arg-type]
    age = int(rng.integers(25, 80))
    pt = patient(rng, age)
    indication = pick(
        rng,
        (
            "Palpable nodule in the neck on examination.",
            "Thyroid nodule seen incidentally on a CT of the neck.",
            "Neck fullness; thyroid function normal.",
        ),
    )
    history = [
        f"TSH {rng.uniform(0.6, 3.8):.1f} mU/L (reference 0.4-4.0).",
        "No history of head or neck irradiation.",
        "No family history of thyroid cancer.",
    ]
    study = build_study(
        acc=accession(rng, "US"),
        exam="Ultrasound of the thyroid",
        modality="US",
        date=study_date(rng),
        time=study_time(rng),
        pt=pt,
        ordering=clinician(
            rng, pick(rng, ("Endocrinology", "General Practice")), pt.name.split()[-1]
        ),
        indication=indication,
        history=history,
        technique=[
            "High-frequency linear transducer (12 MHz).",
            "Transverse and longitudinal grey-scale images with colour Doppler.",
        ],
        findings=findings,
        normal=normal,
    )
    lesion = (
        f"{size} mm nodule, {location.lower()}: ACR TI-RADS {result.level} ({result.total} points)"
    )
    return Case(
        study=study,
        system="acr_tirads",
        rule_tool="tirads_assessment",
        rule_args={**feats, "max_diameter_mm": float(size)},
        index_ids=ids,
        lesion_size_mm=float(size),
        tirads_points=result.total,
        lesion_text=lesion,
        findings_text=findings_text(findings, normal),
    )
