"""Patients of the DKA and upper GI bleeding pathways.

DKA (profile ``diabetic_ketoacidosis``): the blood gas is made internally consistent -
bicarbonate 5-12 mmol/L, PaCO2 from Winter's formula (1.5 x HCO3 + 8 +- 2; Albert MS,
Dell RB, Winters RW. Ann Intern Med 1967;66:312-22) and the pH from the
Henderson-Hasselbalch equation (pH = 6.1 + log10(HCO3 / (0.03 x PaCO2))); serum
osmolality is 2 Na + glucose/18 + BUN/2.8.  Potassium is drawn low (2.7-3.2), normal
(3.6-4.9) or high (5.3-6.2 mmol/L), outside the bands where the 2009 and 2024 ADA
thresholds disagree.

GI bleeding (profile ``peptic_ulcer_bleeding``): high-risk patients (Glasgow-Blatchford
>= 2) with haemoglobin on either side of their restrictive transfusion threshold (7, or
8 g/dL with cardiovascular disease), some with coronary disease added; low-risk patients
(one small coffee-ground vomit, normal haemoglobin and urea, stable vital signs,
Glasgow-Blatchford 0-1; Stanley AJ et al. Lancet 2009;373:42-7).
"""

from __future__ import annotations

import math

from ...tools.library.encounter_scores import calculate_glasgow_blatchford
from . import gen_common as g
from . import rules
from .records import Facts

K_BANDS = {"k_mid": (3.6, 4.9), "k_high": (5.3, 6.2), "k_low": (2.7, 3.2)}
DKA_VARIANTS = tuple(K_BANDS)


def make_dka(k: int, seed: int, pid: str) -> g.Case:
    variant = DKA_VARIANTS[k % len(DKA_VARIANTS)]
    rng = g.overlay_rng(seed)
    p = g.base_patient("diabetic_ketoacidosis", seed, pid)
    hco3 = g.uniform(rng, 5, 12)
    pco2 = float(round(1.5 * hco3 + 8 + rng.uniform(-2, 2)))
    ph = round(6.1 + math.log10(hco3 / (0.03 * pco2)), 2)
    labs = p.labs
    osm = round(2 * float(labs["sodium"]) + float(labs["glucose"]) / 18 + float(labs["bun"]) / 2.8)
    p = g.set_labs(
        p,
        bicarbonate=hco3,
        pco2=pco2,
        ph=ph,
        potassium=g.uniform(rng, *K_BANDS[variant], 1),
        serum_osmolality=float(osm),
    )
    arrival = int(rng.integers(0, 24 * 60))
    view = g.triage_view(
        p,
        scenario="dka",
        arrival_minute=arrival,
        arrival_mode=g.pick(rng, ("ambulance", "walk-in")),
        resources=[g.LABS, g.IV_FLUIDS, g.IV_MEDS],
        pain=int(rng.integers(2, 6)),
        distress="moderate",
    )
    facts = Facts(pathway="dka", variant=variant, arrival=g.clock(arrival))
    return g.Case(
        "dka",
        variant,
        p,
        facts,
        "diabetic_ketoacidosis",
        ("diabetic_ketoacidosis",),
        view,
        expect={
            "esi": rules.esi_truth(view),
            "potassium": rules.potassium_branch(float(p.labs["potassium"])),
            "insulin": float(p.labs["potassium"]) >= rules.K_LOW,
            "destination": rules.dka_destination(p),
        },
    )


GI_VARIANTS = ("high", "high", "low")
LOW_RISK_ENDOSCOPY = (
    "Small clean-based ulcer in the duodenal bulb; no stigmata of recent haemorrhage. No "
    "blood in the stomach. Oesophagus normal; no varices."
)
_GBS_DROP = ("melena", "melena_on_rectal", "syncope", "lightheadedness", "pallor", "diaphoresis")


def make_gi_bleed(k: int, seed: int, pid: str) -> g.Case:
    variant = GI_VARIANTS[k % len(GI_VARIANTS)]
    rng = g.overlay_rng(seed)
    p = g.base_patient("peptic_ulcer_bleeding", seed, pid)
    if variant == "high":
        if rng.random() < 0.35:
            p = g.add_condition(p, "coronary_artery_disease")
        threshold = rules.transfusion_threshold(p)
        if rng.random() < 0.5:
            hb = round(threshold - float(rng.uniform(0.3, 1.2)), 1)
        else:
            hb = round(threshold + float(rng.uniform(0.3, 2.0)), 1)
        p = g.set_labs(p, hemoglobin=hb, hematocrit=float(round(3 * hb)))
        p = g.set_vitals(p, hr=max(101.0, p.vitals["hr"]))
    else:
        p = g.with_features(p, add=("hematemesis",), drop=_GBS_DROP)
        for c in ("cirrhosis", "heart_failure"):
            p = g.update(p, comorbidities=[x for x in p.comorbidities if x != c])
        hb = g.uniform(rng, 13.2, 15.5, 1) if p.sex == "male" else g.uniform(rng, 12.2, 14.5, 1)
        p = g.set_labs(p, hemoglobin=hb, hematocrit=float(round(3 * hb)), bun=g.uniform(rng, 9, 17))
        p = g.set_vitals(
            p,
            hr=g.uniform(rng, 70, 95),
            sbp=g.uniform(rng, 112, 135),
            dbp=g.uniform(rng, 68, 84),
        )
        p = g.update(
            p,
            chief_complaint="vomited a small amount of dark material once this morning",
            imaging={**p.imaging, "upper_endoscopy": LOW_RISK_ENDOSCOPY},
        )
    gbs = g.score_value(calculate_glasgow_blatchford, p)
    arrival = int(rng.integers(0, 24 * 60))
    view = g.triage_view(
        p,
        scenario="gi_bleed",
        arrival_minute=arrival,
        arrival_mode="ambulance" if variant == "high" else "walk-in",
        resources=[g.LABS, g.IV_MEDS] + ([g.IV_FLUIDS, g.CONSULT] if variant == "high" else []),
        pain=int(rng.integers(1, 5)),
        distress="moderate" if variant == "high" else "mild",
    )
    facts = Facts(pathway="gi_bleed", variant=variant, arrival=g.clock(arrival))
    return g.Case(
        "gi_bleed",
        variant,
        p,
        facts,
        "peptic_ulcer_bleeding",
        ("peptic_ulcer_bleeding",),
        view,
        expect={
            "esi": rules.esi_truth(view),
            "gbs": gbs,
            "activate": gbs >= 2,
            "transfuse": rules.transfusion_indicated(p),
            "endoscopy": rules.endoscopy_timing(gbs),
            "destination": rules.gi_destination(gbs),
        },
    )
