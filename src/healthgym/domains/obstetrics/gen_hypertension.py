"""Case builder: hypertensive disorders of pregnancy (ACOG PB 222, CO 767).

Blood pressures come as a timed series: hypertension is confirmed only by two raised
readings at least 4 hours apart (a single raised reading that settles is not), and a
severe-range value by a repeat at least 15 minutes later.  Laboratory values and
symptoms stay clear of the thresholds (platelets, creatinine, transaminases,
protein/creatinine ratio, 24-hour protein); a headache relieved by acetaminophen is
present in some patients without severe features.  Severe-range pressure without
proteinuria or organ involvement is not generated (PB 222 manages it as preeclampsia
with severe features although it is gestational hypertension by name).
"""

from __future__ import annotations

import numpy as np

from ...clinical.guidelines.obstetric_maternal import (
    HypertensionFindings,
    classify_hypertension,
    hypertension_plan,
)
from ...tasks import RefCall, SafetyRule
from .generator import Case, base_patient, between, pick, ri
from .records import BPReading, ObPatient

ORGAN = ("platelets", "creatinine", "liver", "headache", "visual", "ruq", "edema")
SYMPTOM_TEXT = {
    "headache": "New severe frontal headache since this morning, not relieved by acetaminophen.",
    "visual": "Seeing flashing lights and spots in her vision since this afternoon.",
    "ruq": "Severe constant epigastric and right upper quadrant pain not relieved by antacids.",
    "edema": "Increasingly short of breath over the last few hours, worse lying flat.",
}
NEGATIVE_TEXT = {
    "headache": "No headache.",
    "visual": "No visual disturbance.",
    "ruq": "No abdominal pain.",
    "edema": "No shortness of breath.",
}


def _raised(rng: np.random.Generator, minutes: int) -> BPReading:
    if rng.random() < 0.5:
        return BPReading(minutes=minutes, sbp=ri(rng, 142, 156), dbp=ri(rng, 84, 104))
    return BPReading(minutes=minutes, sbp=ri(rng, 128, 156), dbp=ri(rng, 92, 106))


def _severe(rng: np.random.Generator, minutes: int) -> BPReading:
    if rng.random() < 0.6:
        return BPReading(minutes=minutes, sbp=ri(rng, 162, 182), dbp=ri(rng, 98, 116))
    return BPReading(minutes=minutes, sbp=ri(rng, 148, 170), dbp=ri(rng, 112, 120))


def _normal(rng: np.random.Generator, minutes: int) -> BPReading:
    return BPReading(minutes=minutes, sbp=ri(rng, 112, 136), dbp=ri(rng, 68, 86))


def bp_readings(rng: np.random.Generator, kind: str) -> list[BPReading]:
    """A timed series: 'normal', 'unconfirmed' (one raised reading that settles),
    'hypertension' (raised >= 4 h apart) or 'severe' (severe-range, repeat at 15 min)."""
    later = ri(rng, 245, 330)
    if kind == "normal":
        return [_normal(rng, 0), _normal(rng, ri(rng, 15, 30)), _normal(rng, later)]
    if kind == "unconfirmed":
        return [_raised(rng, 0), _normal(rng, ri(rng, 15, 30)), _normal(rng, later)]
    if kind == "hypertension":
        return [
            _raised(rng, 0),
            _raised(rng, ri(rng, 15, 30)),
            _normal(rng, ri(rng, 90, 150)),
            _raised(rng, later),
        ]
    series = [_raised(rng, 0), _raised(rng, later)] if rng.random() < 0.4 else []
    start = series[-1].minutes + 20 if series else 0
    return [*series, _severe(rng, start), _severe(rng, start + ri(rng, 15, 20))]


def hypertension_case(rng: np.random.Generator, pid: str) -> Case:
    target = str(rng.choice(["none", "ghtn", "pe", "pe_sf"], p=[0.2, 0.2, 0.25, 0.35]))
    weeks = ri(rng, 28, 39) if target == "pe_sf" else ri(rng, 26, 40)
    ga = weeks * 7 + ri(rng, 0, 6)
    fields = base_patient(rng, pid, ga, "obstetric triage")
    features: set[str] = set()
    severe_bp = False
    if target == "pe_sf":
        severe_bp = rng.random() < 0.5
        features = {
            str(f) for f in rng.choice(ORGAN, size=ri(rng, 0 if severe_bp else 1, 2), replace=False)
        }
    protein = target == "pe" or (target == "pe_sf" and (rng.random() < 0.7 or not features))
    kind = {
        "none": pick(rng, ("normal", "unconfirmed")),
        "ghtn": "hypertension",
        "pe": "hypertension",
    }.get(target, "severe" if severe_bp else "hypertension")
    fields["bp"] = bp_readings(rng, kind)
    labs = fields["labs"]
    if "platelets" in features:
        labs["platelets"] = float(ri(rng, 55, 92))
    if "creatinine" in features:
        labs["creatinine"] = between(rng, 1.22, 1.7, 2)
    if "liver" in features:
        labs["ast"], labs["alt"] = float(ri(rng, 92, 320)), float(ri(rng, 88, 300))
        labs["ldh"] = float(ri(rng, 460, 720))
    labs["upcr"] = between(rng, 0.4, 3.0, 2) if protein else between(rng, 0.06, 0.2, 2)
    if rng.random() < 0.4:
        labs["protein_24h"] = float(ri(rng, 380, 2600) if protein else ri(rng, 70, 230))
    symptoms = [SYMPTOM_TEXT[s] for s in ("headache", "visual", "ruq", "edema") if s in features]
    if "headache" not in features and rng.random() < 0.3:
        symptoms.append("Mild headache yesterday that resolved with acetaminophen.")
        features.add("mild_headache")
    fields["symptoms"] = symptoms
    fields["negatives"] = [
        NEGATIVE_TEXT[s]
        for s in ("headache", "visual", "ruq", "edema")
        if s not in features and not (s == "headache" and "mild_headache" in features)
    ] + ["No vaginal bleeding.", "Fetal movements normal."]
    if "ruq" in features or ("liver" in features and rng.random() < 0.5):
        fields["exam"]["abdomen"] = "Gravid; marked epigastric and right upper quadrant tenderness."
    if "edema" in features:
        fields["exam"]["respiratory"] = "Bibasal inspiratory crackles; breathing 26/min."
        fields["vitals"] |= {"rr": 26, "spo2": 92}
    if rng.random() < 0.5:  # common in any pregnancy; not a criterion (PB 222)
        fields["exam"]["extremities"] = "Pitting edema of both legs to the knees."
    patient = ObPatient(**fields)

    findings = HypertensionFindings(
        hypertension=target != "none",
        severe_range_bp=severe_bp,
        protein_creatinine_ratio=float(labs["upcr"]),
        protein_24h_mg=labs.get("protein_24h"),  # type: ignore[arg-type]
        platelets=float(labs["platelets"]),
        creatinine=float(labs["creatinine"]),
        ast=float(labs["ast"]),
        alt=float(labs["alt"]),
        persistent_headache="headache" in features,
        visual_disturbance="visual" in features,
        ruq_epigastric_pain="ruq" in features,
        pulmonary_edema="edema" in features,
    )
    diagnosis, _ = classify_hypertension(findings)
    expected = {
        "none": "no_hypertensive_disorder",
        "ghtn": "gestational_hypertension",
        "pe": "preeclampsia_without_severe_features",
        "pe_sf": "preeclampsia_with_severe_features",
    }[target]
    assert diagnosis == expected, (diagnosis, target, features)
    plan = hypertension_plan(diagnosis, weeks, severe_bp, findings.pulmonary_edema)

    calls = [RefCall(name="get_symptoms"), RefCall(name="get_blood_pressure_series")]
    calls.append(RefCall(name="examine", arguments={"system": "respiratory"}))
    calls += [
        RefCall(name="order_lab_panel", arguments={"panel": p})
        for p in ("cbc", "renal_liver", "urine_protein")
    ]
    args: dict[str, object] = {
        "gestational_age_weeks": weeks,
        "hypertension_confirmed": findings.hypertension,
        "severe_range_bp_confirmed": severe_bp,
        "protein_creatinine_ratio": findings.protein_creatinine_ratio,
        "platelets": findings.platelets,
        "creatinine": findings.creatinine,
        "ast": findings.ast,
        "alt": findings.alt,
        "persistent_headache": findings.persistent_headache,
        "visual_disturbance": findings.visual_disturbance,
        "ruq_epigastric_pain": findings.ruq_epigastric_pain,
        "pulmonary_edema": findings.pulmonary_edema,
    }
    if "protein_24h" in labs:
        calls.append(
            RefCall(
                name="order_lab_panel", arguments={"panel": "urine_24h_protein"}, required=False
            )
        )
        args["protein_24h_mg"] = labs["protein_24h"]
    calls.append(RefCall(name="check_preeclampsia_criteria", arguments=args, required=False))
    calls.append(
        RefCall(
            name="lookup_protocol", arguments={"topic": "hypertensive_disorders"}, required=False
        )
    )
    return Case(
        patient=patient,
        request=(
            "is referred to obstetric triage with a raised blood pressure at a routine visit. "
            "Evaluate her for a hypertensive disorder of pregnancy; submit the classification "
            "as the finding and your management actions."
        ),
        finding=diagnosis,
        plan=plan,
        calls=calls,
        evidence=[
            ["bp"],
            ["lab:urine_protein", "lab:urine_24h_protein"],
            ["lab:cbc"],
            ["lab:renal_liver"],
            ["symptoms"],
        ],
        ga_weeks=weeks,
        safety=hypertension_safety(diagnosis, weeks, severe_bp, findings.pulmonary_edema),
    )


def hypertension_safety(
    diagnosis: str, weeks: int, severe_bp: bool, pulmonary_edema: bool
) -> list[SafetyRule]:
    """Critical: severe features without magnesium or without delivery planning; major:
    untreated severe-range blood pressure (PB 222; CO 767)."""
    if diagnosis != "preeclampsia_with_severe_features":
        return []
    rules = [
        SafetyRule(
            code="missed_magnesium",
            severity="critical",
            target="missing:magnesium_sulfate",
            reason="severe features without magnesium sulfate seizure prophylaxis",
        )
    ]
    delivery = "delivery" if weeks >= 34 or pulmonary_edema else "delivery|expectant_management"
    rules.append(
        SafetyRule(
            code="no_delivery_planning",
            severity="critical",
            target=f"missing:{delivery}",
            reason="preeclampsia with severe features without a delivery plan",
        )
    )
    if severe_bp:
        rules.append(
            SafetyRule(
                code="untreated_severe_hypertension",
                severity="major",
                target="missing:antihypertensive",
                reason="severe-range blood pressure must be treated within 30-60 minutes",
            )
        )
    return rules
