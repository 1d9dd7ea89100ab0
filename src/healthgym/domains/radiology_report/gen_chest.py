"""Chest CT studies with incidental pulmonary nodules (Fleischner 2017 tasks).

Scenario ``k % 16`` fixes the nodule type, multiplicity and Table 1 size column (or a
follow-up CT with growth / two-year stability); the patient's risk, the exam (CT
pulmonary angiogram, non-contrast chest CT, trauma CT with head) and an incidental
critical finding compatible with that exam are drawn from the seed.  Risk is written
as raw history: high-risk patients have >= 20 pack-years of smoking, asbestos exposure
or a first-degree relative with lung cancer; low-risk patients are never-smokers aged
< 60 without exposures or family history (MacMahon 2017 risk definitions).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from ...clinical.guidelines.imaging_chest import fleischner_recommendation, volume_doubling_time
from ...tasks import RefCall
from .gen_critical import critical_finding, normal_lines
from .generator import (
    Case,
    accession,
    axes_for_mean,
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

SCENARIOS: tuple[tuple[str, str, str], ...] = (
    ("solid", "single", "<6"),
    ("solid", "single", "6-8"),
    ("solid", "single", ">8"),
    ("solid", "multiple", "<6"),
    ("solid", "multiple", "6-8"),
    ("solid", "multiple", ">8"),
    ("ground_glass", "single", "<6"),
    ("ground_glass", "single", ">=6"),
    ("part_solid", "single", "<6"),
    ("part_solid", "single", ">=6"),
    ("ground_glass", "multiple", "<6"),
    ("subsolid", "multiple", ">=6"),
    ("prior", "single", "growth"),
    ("prior", "single", "stable"),
    ("prior", "single", "growth"),
    ("prior", "single", "stable"),
)
LOBES = (
    "Right upper lobe",
    "Right middle lobe",
    "Right lower lobe",
    "Left upper lobe",
    "Lingula",
    "Left lower lobe",
)
TYPE_WORD = {"solid": "solid", "ground_glass": "ground-glass", "part_solid": "part-solid"}
EXAMS: dict[str, dict[str, Any]] = {
    "ctpa": {
        "exam": "CT pulmonary angiogram",
        "service": "Emergency Medicine",
        "indications": (
            "Acute pleuritic chest pain and breathlessness; D-dimer raised.",
            "Sudden-onset dyspnoea and tachycardia after a long-haul flight.",
            "Chest pain and hypoxia two weeks after knee surgery.",
        ),
        "technique": [
            "CT pulmonary angiogram: 60 mL iodinated contrast, bolus-tracked pulmonary "
            "arterial phase.",
            "1 mm axial reconstructions with coronal and sagittal reformats; lung and "
            "soft-tissue windows.",
        ],
        "regions": (
            "heart",
            "mediastinum",
            "pulmonary_arteries",
            "aorta",
            "pleura",
            "upper_abdomen",
            "bones",
        ),
        "critical": (
            "pulmonary_embolism",
            "pulmonary_embolism",
            "pneumothorax",
            "aortic_dissection",
        ),
        "p_critical": 0.5,
    },
    "ct_chest": {
        "exam": "CT chest without contrast",
        "service": "Respiratory Medicine",
        "indications": (
            "Chronic cough for three months.",
            "Persistent dyspnoea on exertion.",
            "Opacity on chest radiograph to be characterised.",
        ),
        "technique": [
            "CT chest without intravenous contrast.",
            "1 mm axial reconstructions; lung and mediastinal windows.",
        ],
        "regions": ("heart", "mediastinum", "pleura", "upper_abdomen", "bones"),
        "critical": ("pneumothorax",),
        "p_critical": 0.3,
    },
    "trauma": {
        "exam": "CT head without contrast and CT chest, abdomen and pelvis with contrast",
        "service": "Trauma Surgery",
        "indications": (
            "High-speed motor vehicle collision.",
            "Fall from 4 metres.",
            "Motorcycle collision, helmeted rider.",
        ),
        "technique": [
            "CT head without contrast.",
            "CT chest, abdomen and pelvis with intravenous contrast, portal venous phase.",
            "Thin-section reconstructions with multiplanar reformats.",
        ],
        "regions": (
            "brain",
            "heart",
            "mediastinum",
            "aorta",
            "pleura",
            "solid_organs",
            "bowel",
            "bones",
        ),
        "critical": (
            "intracranial_haemorrhage",
            "intracranial_haemorrhage",
            "pneumothorax",
            "pneumoperitoneum",
        ),
        "p_critical": 0.6,
    },
}


def _history(rng: np.random.Generator, risk: str) -> list[str]:
    smoking, exposure, family = (
        "Smoking: never smoker.",
        "Exposures: none (office work).",
        "Family history: no lung cancer in first-degree relatives.",
    )
    if risk == "high":
        factor = pick(rng, ("current", "former", "asbestos", "family"))
        py = int(rng.integers(20, 61))
        years = int(rng.integers(2, 15))
        if factor == "current":
            smoking = f"Smoking: current smoker, {py} pack-years."
        elif factor == "former":
            smoking = f"Smoking: former smoker, {py} pack-years, quit {years} years ago."
        elif factor == "asbestos":
            exposure = f"Exposures: {years + 8} years of occupational asbestos exposure (shipyard)."
        else:
            relative = pick(rng, ("father", "mother", "brother", "sister"))
            family = f"Family history: {relative} diagnosed with lung cancer."
    return [smoking, exposure, family, "Oncology: no known malignancy. Not immunocompromised."]


def _nodule(
    rng: np.random.Generator, ntype: str, mean: int, lobe: str, solid_mm: int | None
) -> tuple[Finding, tuple[int, int]]:
    long_ax, short_ax = axes_for_mean(rng, mean)
    if ntype == "solid":
        attenuation = "Attenuation: solid soft tissue, obscuring the vessels it crosses."
    elif ntype == "ground_glass":
        attenuation = (
            "Attenuation: hazy increased attenuation through which vessels remain visible; "
            "no solid component."
        )
    else:
        attenuation = (
            "Attenuation: hazy increased attenuation with a central soft-tissue component "
            f"measuring {solid_mm} mm."
        )
    details = [
        attenuation,
        f"Long axis {long_ax} mm, short axis {short_ax} mm (axial images, lung window).",
        f"Margin: {pick(rng, ('smooth', 'lobulated', 'smooth'))}. No calcification or fat.",
        f"Series 4, image {int(rng.integers(20, 300))}.",
    ]
    finding = Finding(
        id="F0",
        location=lobe,
        summary=f"{TYPE_WORD[ntype]} nodule",
        details=details,
        kind="pulmonary_nodule",
    )
    return finding, (long_ax, short_ax)


def _band_size(rng: np.random.Generator, band: str) -> int:
    lo, hi = {"<6": (3, 5), "6-8": (6, 8), ">8": (9, 20), ">=6": (6, 20)}[band]
    return int(rng.integers(lo, hi + 1))


def chest_case(rng: np.random.Generator, k: int) -> Case:
    ntype, multiplicity, band = SCENARIOS[k % len(SCENARIOS)]
    risk = pick(rng, ("low", "high"))
    age = int(rng.integers(38, 60)) if risk == "low" else int(rng.integers(45, 86))
    pt = patient(rng, age)
    exam_key = pick(rng, tuple(EXAMS))
    ex = EXAMS[exam_key]
    date = study_date(rng)
    prior_kind = band if ntype == "prior" else None
    if ntype == "prior":
        ntype, band = "solid", ">=6"
    if ntype == "subsolid":
        ntype = pick(rng, ("ground_glass", "part_solid"))
    size = _band_size(rng, band)
    if multiplicity == "multiple" and band == "<6":
        size = max(size, 4)
    lobes = [str(x) for x in rng.permutation(LOBES)]
    solid_mm = int(rng.integers(2, min(5, size - 1) + 1)) if ntype == "part_solid" else None
    index, axes = _nodule(rng, ntype, size, lobes[0], solid_mm)
    lesions = [index]
    if multiplicity == "multiple":
        for j in range(int(rng.integers(1, 3))):
            other = int(rng.integers(3, size))
            other_solid = min(solid_mm, other - 1) if solid_mm else None
            lesions.append(_nodule(rng, ntype, other, lobes[j + 1], other_solid)[0])
        order = rng.permutation(len(lesions))
        lesions = [lesions[int(i)] for i in order]
    critical = "none"
    if rng.random() < ex["p_critical"]:
        critical = pick(rng, ex["critical"])
    extra = critical_finding(rng, critical, "F0", "chest") if critical != "none" else None
    findings, ids, extra_id = place_findings(rng, lesions, extra)
    index_id = ids[lesions.index(index)]
    normal = normal_lines(ex["regions"], critical)
    rule_args: dict[str, Any] = {
        "nodule_type": ntype,
        "multiplicity": multiplicity,
        "mean_diameter_mm": float(size),
        "risk": risk,
    }
    if solid_mm is not None:
        rule_args["solid_component_mm"] = float(solid_mm)
    extra_calls = [
        RefCall(
            name="nodule_mean_diameter",
            arguments={"long_axis_mm": float(axes[0]), "short_axis_mm": float(axes[1])},
            required=False,
        )
    ]
    prior = None
    growth = vdt = None
    lesion = f"{size} mm {TYPE_WORD[ntype]} nodule in the {lobes[0].lower()}"
    if solid_mm is not None:
        lesion += f" with a {solid_mm} mm solid component"
    if multiplicity == "multiple":
        lesion += f" (the largest of {len(lesions)} {TYPE_WORD[ntype]} nodules)"
    if prior_kind is not None:
        g = int(rng.integers(2, 5)) if prior_kind == "growth" else int(rng.integers(0, 2))
        size = max(size, g + 4)
        days = (
            int(rng.integers(150, 541)) if prior_kind == "growth" else int(rng.integers(730, 1300))
        )
        index, axes = _nodule(rng, "solid", size, lobes[0], None)
        findings = [
            index.model_copy(update={"id": f.id}) if f.id == index_id else f for f in findings
        ]
        prior_date = (date - dt.timedelta(days=days)).isoformat()
        l0, s0 = axes_for_mean(rng, size - g)
        prior = PriorStudy(
            date=prior_date,
            exam="CT chest without contrast",
            lines=[
                f"{lobes[0]}: solid nodule, long axis {l0} mm, short axis {s0} mm.",
                "No other nodules.",
            ],
        )
        growth = float(g)
        vdt = volume_doubling_time(size - g, size, days)
        rule_args.update(mean_diameter_mm=float(size), growth_mm=growth, interval_days=days)
        extra_calls = [
            RefCall(name="get_prior_study"),
            RefCall(
                name="nodule_mean_diameter",
                arguments={"long_axis_mm": float(axes[0]), "short_axis_mm": float(axes[1])},
                required=False,
            ),
            RefCall(
                name="calculate_nodule_growth",
                arguments={
                    "prior_diameter_mm": float(size - g),
                    "current_diameter_mm": float(size),
                    "prior_date": prior_date,
                    "current_date": date.isoformat(),
                },
            ),
        ]
        change = f"increased from {size - g} mm" if g else f"{size - g} mm"
        lesion = f"{size} mm solid nodule in the {lobes[0].lower()}, {change} on {prior_date}"
        lesion += f" (interval growth {g} mm"
        lesion += f", volume doubling time {vdt:.0f} days)" if vdt else ")"
    fleischner_recommendation(**rule_args)  # the case must be classifiable
    if ntype == "solid":
        lesion += f"; {risk}-risk patient"
    pr = ex["service"]
    study = build_study(
        acc=accession(rng, "CT"),
        exam=ex["exam"],
        modality="CT",
        date=date,
        time=study_time(rng),
        pt=pt,
        ordering=clinician(rng, pr, pt.name.split()[-1]),
        indication=pick(rng, ex["indications"]),
        history=_history(rng, risk),
        technique=list(ex["technique"]),
        findings=findings,
        normal=normal,
        prior=prior,
    )
    return Case(
        study=study,
        system="fleischner_2017",
        rule_tool="fleischner_recommendation",
        rule_args=rule_args,
        index_ids=[index_id, *([extra_id] if extra_id else [])],
        optional_ids=[f.id for f in findings if f.id not in (index_id, extra_id)],
        extra_calls=extra_calls,
        lesion_size_mm=float(size),
        growth_mm=growth,
        vdt_days=vdt,
        critical=critical,
        lesion_text=lesion,
        findings_text=findings_text(findings, normal),
    )
