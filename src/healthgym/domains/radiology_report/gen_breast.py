"""Mammography studies (BI-RADS tasks).

Scenario ``k % 16`` fixes the exam (screening or diagnostic) and the kind of finding
(none, typically benign calcifications, a fat-containing mass, a mass, an asymmetry,
suspicious calcifications, a developing asymmetry, architectural distortion, a
classic category-5 finding, a known biopsy-proven cancer); the descriptors are drawn
from the seed.  Findings are written in the words of the lexicon's definitions
(D'Orsi CJ et al. ACR BI-RADS Atlas, 5th ed., 2013), never as an assessment category.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from ...clinical.guidelines.imaging_breast import birads_assessment
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
from .records import Finding, PriorStudy

SCENARIOS = (
    ("screening", "none"),
    ("screening", "benign_calcs"),
    ("screening", "fat_mass"),
    ("screening", "mass"),
    ("screening", "one_view_asymmetry"),
    ("screening", "suspicious_calcs"),
    ("diagnostic", "circumscribed_mass"),
    ("diagnostic", "focal_asymmetry"),
    ("diagnostic", "punctate_group"),
    ("diagnostic", "suspicious_mass"),
    ("diagnostic", "suspicious_calcs"),
    ("diagnostic", "developing_asymmetry"),
    ("diagnostic", "distortion"),
    ("diagnostic", "classic_5"),
    ("diagnostic", "known_cancer"),
    ("diagnostic", "global_asymmetry"),
)
MARGIN_TEXT = {
    "circumscribed": "circumscribed, sharply demarcated over its whole circumference",
    "obscured": "hidden by overlying fibroglandular tissue over more than a quarter",
    "microlobulated": "microlobulated, with short-cycle undulations",
    "indistinct": "indistinct, with no clear demarcation from the surrounding tissue",
    "spiculated": "spiculated, with lines radiating from the margin",
}
DENSITY_TEXT = {
    "fat_containing": "contains fat (radiolucent)",
    "low": "low density",
    "equal": "equal density",
    "high": "high density",
}
MORPH_TEXT = {
    "skin": "calcifications with lucent centres lying in the skin",
    "vascular": "parallel tram-track calcifications along a tubular structure",
    "coarse_popcorn": "coarse popcorn-like calcifications larger than 2 mm",
    "large_rod_like": "continuous rod-like calcifications along ducts, more than 1 mm wide",
    "round": "round calcifications 0.5 to 1 mm",
    "rim": "thin eggshell calcification around the surface of a sphere",
    "milk_of_calcium": "sediment calcifications, smudgy on CC and meniscus-shaped on the "
    "lateral view",
    "punctate": "round calcifications smaller than 0.5 mm",
    "amorphous": "tiny hazy calcifications without a clearly definable shape",
    "coarse_heterogeneous": "irregular conspicuous calcifications between 0.5 and 1 mm",
    "fine_pleomorphic": "calcifications varying in size and shape, smaller than 0.5 mm",
    "fine_linear_branching": "thin linear irregular calcifications, some branching, "
    "less than 0.5 mm wide",
}
DIST_TEXT = {
    "diffuse": "scattered randomly throughout both breasts",
    "regional": "over a large area (more than 2 cm) not conforming to a duct",
    "grouped": "a few calcifications within 1 cm",
    "linear": "arranged in a line",
    "segmental": "in a duct and its branches, a triangle pointing to the nipple",
}
COMPOSITION = (
    "almost entirely fatty (a)",
    "scattered areas of fibroglandular density (b)",
    "heterogeneously dense (c)",
    "extremely dense (d)",
)


def _mass(rng: np.random.Generator, shape: str, margin: str, density: str) -> list[str]:
    a = int(rng.integers(6, 30))
    b = max(4, a - int(rng.integers(0, 6)))
    return [
        f"Mass: shape {shape}.",
        f"Margin: {MARGIN_TEXT[margin]}.",
        f"Density: {DENSITY_TEXT[density]}.",
        f"Size {a} x {b} mm.",
    ]


def _calcs(morph: str, dist: str) -> list[str]:
    return [f"Calcifications: {MORPH_TEXT[morph]}.", f"Distribution: {DIST_TEXT[dist]}."]


def _scenario(
    rng: np.random.Generator, kind: str, prior_date: str
) -> tuple[list[str], dict[str, Any], list[str], bool]:
    """(details, rule arguments beyond exam_type, extra history, needs a prior)."""
    if kind == "benign_calcs":
        morph = pick(rng, ("vascular", "coarse_popcorn", "large_rod_like", "rim", "skin"))
        dist = pick(rng, ("diffuse", "regional", "grouped"))
        args = {"finding": "calcifications", "calcification_morphology": morph}
        return _calcs(morph, dist), {**args, "calcification_distribution": dist}, [], False
    if kind == "fat_mass":
        shape = pick(rng, ("oval", "round"))
        return (
            _mass(rng, shape, "circumscribed", "fat_containing"),
            {"finding": "mass", "mass_shape": shape, "mass_margin": "circumscribed"}
            | {"mass_density": "fat_containing"},
            [],
            False,
        )
    if kind in ("mass", "circumscribed_mass", "suspicious_mass", "classic_5", "known_cancer"):
        if kind == "circumscribed_mass":
            shape, margin, density = pick(rng, ("oval", "round")), "circumscribed", "equal"
            density = pick(rng, ("equal", "low"))
        elif kind in ("classic_5", "known_cancer"):
            shape, margin, density = "irregular", "spiculated", "high"
        elif kind == "suspicious_mass":
            shape, margin = pick(
                rng,
                (
                    ("irregular", "indistinct"),
                    ("oval", "microlobulated"),
                    ("round", "indistinct"),
                    ("irregular", "spiculated"),
                    ("irregular", "microlobulated"),
                ),
            )
            density = (
                "equal"
                if (shape, margin) == ("irregular", "spiculated")
                else pick(rng, ("equal", "high"))
            )
        else:
            shape = pick(rng, ("oval", "round", "irregular"))
            margin = pick(rng, ("circumscribed", "indistinct", "obscured"))
            density = pick(rng, ("equal", "high"))
        args = {"finding": "mass", "mass_shape": shape, "mass_margin": margin}
        args["mass_density"] = density
        extra: list[str] = []
        details = _mass(rng, shape, margin, density)
        if kind == "known_cancer":
            args["known_biopsy_proven_malignancy"] = True
            extra = [
                f"Ultrasound-guided core biopsy of this mass on {prior_date}: invasive "
                "ductal carcinoma, grade 2. No treatment yet."
            ]
            details.append("A biopsy marker clip lies within the mass.")
        return details, args, extra, False
    if kind in ("suspicious_calcs", "classic_5_calcs", "punctate_group"):
        if kind == "punctate_group":
            morph, dist = "punctate", "grouped"
        elif kind == "classic_5_calcs":
            morph, dist = "fine_linear_branching", pick(rng, ("linear", "segmental"))
        else:
            morph = pick(rng, ("amorphous", "coarse_heterogeneous", "fine_pleomorphic"))
            dist = pick(rng, ("grouped", "regional"))
        args = {"finding": "calcifications", "calcification_morphology": morph}
        return _calcs(morph, dist), {**args, "calcification_distribution": dist}, [], False
    if kind.endswith("asymmetry"):
        asym = kind.removesuffix("_asymmetry").replace("one_view", "one_view_asymmetry")
        text = {
            "one_view_asymmetry": "An area of fibroglandular density seen on the MLO view "
            "only; not visible on the CC view.",
            "global": "A greater volume of fibroglandular tissue than in the other breast, "
            "involving more than one quadrant; no mass, distortion or calcification.",
            "focal": "An area of fibroglandular density seen on both CC and MLO views, "
            "smaller than one quadrant, with concave outward borders interspersed with fat; "
            "no associated mass, distortion or calcification; persists on spot compression.",
            "developing": "An area of fibroglandular density seen on both CC and MLO views, "
            "smaller than one quadrant, persisting on spot compression; it is not present "
            f"on the prior mammogram of {prior_date}.",
        }[asym]
        return [text], {"finding": "asymmetry", "asymmetry_type": asym}, [], asym == "developing"
    if kind == "distortion":
        scar = rng.random() < 0.3
        details = ["Thin straight lines radiating from a point, with no visible mass."]
        args: dict[str, Any] = {"finding": "architectural_distortion"}
        extra = []
        if scar:
            args["post_surgical_scar_at_site"] = True
            details.append("A linear skin marker placed on the surgical scar overlies the area.")
            extra = ["Surgery: excision of a benign fibroadenoma at this site in 2019."]
        return details, args, extra, False
    raise ValueError(f"unknown breast scenario {kind!r}")


def breast_case(rng: np.random.Generator, k: int) -> Case:
    exam_type, kind = SCENARIOS[k % len(SCENARIOS)]
    if kind == "classic_5" and rng.random() < 0.5:
        kind = "classic_5_calcs"
    age = int(rng.integers(40, 80))
    pt = patient(rng, age, "female")
    side = pick(rng, ("left", "right"))
    date = study_date(rng)
    prior_date = (date - dt.timedelta(days=int(rng.integers(330, 800)))).isoformat()
    biopsy_date = (date - dt.timedelta(days=int(rng.integers(7, 30)))).isoformat()
    history = [
        f"Family history: {pick(rng, ('none', 'mother with breast cancer at 60', 'none'))}.",
        f"Hormone therapy: {pick(rng, ('none', 'none', 'oestrogen-progestogen'))}.",
    ]
    rule_args: dict[str, Any] = {"exam_type": exam_type}
    findings: list[Finding] = []
    ids: list[str] = []
    has_prior = False
    if kind == "none":
        rule_args["finding"] = "none"
        has_prior = rng.random() < 0.5
        lesion = "No mammographic finding"
    else:
        when = biopsy_date if kind == "known_cancer" else prior_date
        details, args, extra, has_prior = _scenario(rng, kind, when)
        rule_args.update(args)
        history += extra
        clock = int(rng.integers(1, 13))
        depth = int(rng.integers(2, 10))
        location = f"{side.capitalize()} breast, {clock} o'clock, {depth} cm from the nipple"
        summary = {
            "mass": "mass",
            "calcifications": "calcifications",
            "asymmetry": "area of asymmetric density",
            "architectural_distortion": "distorted parenchyma",
        }[args["finding"]]
        if args.get("asymmetry_type") == "global":
            location = f"{side.capitalize()} breast"
        if args.get("calcification_distribution") == "diffuse":
            # the lexicon's diffuse distribution is "distributed randomly throughout the
            # breast" - here both breasts - so it has no clock position and the other
            # breast is not clear of calcification
            location = "Both breasts"
        f = Finding(id="F0", location=location, summary=summary, details=details, kind="breast")
        findings, ids, _ = place_findings(rng, [f], None)
        lesion = f"{location}: {summary}"
    result = birads_assessment(**rule_args)
    if exam_type == "screening":
        indication = "Routine screening mammography; asymptomatic."
        technique = ["Bilateral full-field digital mammography, CC and MLO views."]
        exam = "Screening mammography, bilateral"
    else:
        indication = {
            "known_cancer": "Staging mammography before surgery for the biopsied "
            f"{side} breast mass.",
            "suspicious_mass": f"Palpable lump in the {side} breast.",
        }.get(kind, f"Recalled from screening for a finding in the {side} breast.")
        technique = [
            "Bilateral full-field digital mammography, CC and MLO views.",
            f"Spot compression and magnification views of the {side} breast.",
        ]
        exam = "Diagnostic mammography"
    normal = [
        f"Breast composition: {pick(rng, COMPOSITION)}.",
        "Skin and nipples: normal. Axillae: no enlarged lymph nodes.",
    ]
    clear = "no mass, calcification or distortion."
    if kind == "none":
        normal.append(f"Both breasts: {clear}")
    elif kind != "global_asymmetry" and location != "Both breasts":
        normal.append(f"The {'right' if side == 'left' else 'left'} breast: {clear}")
    prior = None
    if has_prior:
        prior = PriorStudy(
            date=prior_date,
            exam="Screening mammography, bilateral",
            lines=["Bilateral CC and MLO views available for comparison."],
        )
    study = build_study(
        acc=accession(rng, "MG"),
        exam=exam,
        modality="MG",
        date=date,
        time=study_time(rng),
        pt=pt,
        ordering=clinician(
            rng, pick(rng, ("Breast Clinic", "General Practice")), pt.name.split()[-1]
        ),
        indication=indication,
        history=history,
        technique=technique,
        findings=findings,
        normal=normal,
        prior=prior,
    )
    return Case(
        study=study,
        system="birads",
        rule_tool="birads_assessment",
        rule_args=rule_args,
        index_ids=ids,
        lesion_text=f"{lesion}. BI-RADS {result.category}",
        findings_text=findings_text(findings, normal),
    )
