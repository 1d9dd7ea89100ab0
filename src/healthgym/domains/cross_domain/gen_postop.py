"""Patients of the post-operative fever pathway (a ward call, not an ED arrival).

Four sources, by post-operative day (POD) - O'Grady NP et al. SCCM/IDSA guideline for
new fever in critically ill adults, Crit Care Med 2008;36:1330-49 (fever in the first
48-72 h after surgery is usually non-infectious and needs no cultures unless other
signs point to infection):

* **early** (POD 1-2): inflammatory fever, clean wound, no source (a pathway profile);
* **urinary** (POD 3-6): catheter-associated urinary infection (profile
  ``acute_pyelonephritis`` with post-operative ages and a urethral catheter);
* **respiratory** (POD 3-7): hospital-acquired pneumonia (profile
  ``community_acquired_pneumonia`` - the picture; the label and antibiotics are HAP's);
* **vte** (POD 5-10): pulmonary embolism with low-grade fever (profile
  ``pulmonary_embolism``).

Half of the infected patients meet the adult sepsis screen (SIRS >= 2 or qSOFA >= 2);
the others have fever alone.  Creatinine, allergies and interacting home drugs vary as
in the sepsis pathway.
"""

from __future__ import annotations

from ...clinical.diseases import PROFILES, DiseaseProfile
from . import gen_common as g
from . import rules
from .gen_acute import _add_interacting_drug, _choose_allergy
from .records import Facts

SURGERIES = (
    ("open right hemicolectomy", "Midline laparotomy wound"),
    ("laparoscopic anterior resection", "Port-site and left iliac fossa extraction wounds"),
    ("total hip replacement", "Lateral hip wound"),
    ("total knee replacement", "Midline knee wound"),
    ("open inguinal hernia repair", "Groin wound"),
)
EARLY_POSTOP_FEVER = DiseaseProfile(
    key="early_postoperative_fever",
    name="Early postoperative inflammatory fever",
    icd10="R50.82",
    system="general",
    source="O'Grady NP et al. Crit Care Med 2008;36:1330-49.",
    age=(40, 85),
    female_fraction=0.5,
    chief_complaints=("new temperature this evening; otherwise comfortable",),
    symptoms={"fatigue": 0.3},
    vitals={
        "temp_c": (38.1, 38.8),
        "hr": (84.0, 104.0),
        "rr": (14.0, 20.0),
        "spo2": (94.0, 98.0),
        "sbp": (112.0, 140.0),
    },
    exam={"respiratory": ("Slightly reduced air entry at both bases; no bronchial breathing.",)},
    labs={"wbc": (9.5, 13.0), "crp": (40.0, 140.0)},
    key_tests=("wbc",),
    first_line=("iv_fluids",),
)
VARIANTS = ("early", "urinary", "respiratory", "vte")
SOURCE_OF = {
    "early": "early_inflammatory",
    "urinary": "urinary",
    "respiratory": "respiratory",
    "vte": "venous_thromboembolism",
}
COMPLAINT = {
    "early": "new temperature this evening; otherwise comfortable",
    "urinary": "fever and lower abdominal discomfort",
    "respiratory": "fever with a new cough and breathlessness",
    "vte": "low-grade fever, breathlessness and a fast pulse",
}
DIAGNOSIS = {
    "early": ("early_postoperative_fever", ("early_postoperative_fever",)),
    "urinary": (
        "catheter_associated_uti",
        ("catheter_associated_uti", "acute_pyelonephritis", "urosepsis"),
    ),
    "respiratory": (
        "hospital_acquired_pneumonia",
        ("hospital_acquired_pneumonia", "community_acquired_pneumonia"),
    ),
    "vte": ("pulmonary_embolism", ("pulmonary_embolism",)),
}
# source tests: evidence keys that must be seen (urinalysis via its nitrite result)
SOURCE_TESTS = {
    "early": (),
    "urinary": ("ua_nitrite", "urine_culture", "blood_culture"),
    "respiratory": ("chest_xray", "blood_culture"),
    "vte": ("ct_pulmonary_angiogram",),
}

# the focused examination that finds each source (O'Grady 2008: examine the wound,
# the chest, the catheter and urine, the legs); a documented source needs it and the
# source's own test (SOURCE_TESTS) seen first
SOURCE_EXAM = {
    "early": "skin",
    "urinary": "genitourinary",
    "respiratory": "respiratory",
    "vte": "extremities",
}


def _profile(variant: str) -> DiseaseProfile:
    if variant == "early":
        return EARLY_POSTOP_FEVER
    key = {
        "urinary": "acute_pyelonephritis",
        "respiratory": "community_acquired_pneumonia",
        "vte": "pulmonary_embolism",
    }[variant]
    return PROFILES[key].model_copy(update={"age": (45, 85), "female_fraction": 0.5})


def _source(variant: str, septic: bool) -> str | None:
    """The antimicrobial source (:mod:`.antibiotics`): a catheter-associated urinary
    infection with a positive sepsis screen is treated as urosepsis; with fever alone,
    as pyelonephritis (fluoroquinolones acceptable, IDSA/ESCMID 2010)."""
    if variant == "urinary":
        return "urinary" if septic else "urinary_nonseptic"
    return "hap" if variant == "respiratory" else None


def make_postop(k: int, seed: int, pid: str) -> g.Case:
    variant = VARIANTS[k % len(VARIANTS)]
    rng = g.overlay_rng(seed)
    p = g.base_patient(_profile(variant), seed, pid)
    surgery, wound = g.pick(rng, SURGERIES)
    pod = {"early": (1, 2), "urinary": (3, 6), "respiratory": (3, 7), "vte": (5, 10)}[variant]
    exam = {**p.exam, "skin": [f"{wound} clean and dry, no erythema or discharge."]}
    infected = variant in ("urinary", "respiratory")
    if variant == "urinary":
        exam["genitourinary"] = [
            "Urethral catheter in place since surgery; cloudy urine in the bag."
        ]
    p = g.set_complaint(g.update(p, exam=exam), COMPLAINT[variant])
    # an inpatient: the fever is charted, so neither reported nor denied
    p = g.with_features(p, drop=("fever_reported",), negate=False)
    p = g.update(p, pertinent_negatives=[f for f in p.pertinent_negatives if f != "fever_reported"])
    if variant == "vte":
        p = g.with_features(p, add=("recent_surgery_or_immobilization",))
        p = g.set_vitals(p, temp_c=g.uniform(rng, 37.9, 38.4, 1))
    septic = infected and rng.random() < 0.5
    if infected:
        if septic:
            p = g.set_vitals(
                p,
                hr=g.uniform(rng, 96, 118),
                rr=g.uniform(rng, 21, 26),
                temp_c=g.uniform(rng, 38.4, 39.4, 1),
                sbp=g.uniform(rng, 96, 118),
            )
        else:
            p = g.set_vitals(
                p,
                hr=g.uniform(rng, 76, 90),
                rr=g.uniform(rng, 14, 20),
                temp_c=g.uniform(rng, 38.1, 38.6, 1),
                sbp=g.uniform(rng, 112, 135),
            )
        p = g.set_creatinine(p, g.uniform(rng, 0.7, 2.2, 1))
        if rng.random() < 0.25:
            p = _add_interacting_drug(p, rng)
        p = _choose_allergy(p, _source(variant, septic) or "hap", rng)
    elif variant == "vte" and any(a.allergen == "Heparin (HIT)" for a in p.allergies):
        p = g.set_allergy(p, None, rng)  # keep heparin available for the embolism
    if p.vitals["dbp"] > p.vitals["sbp"] - 20:
        p = g.set_vitals(p, dbp=p.vitals["sbp"] - 35)
    call = int(rng.integers(0, 24 * 60))
    view = g.triage_view(
        p, scenario="postop_fever", arrival_minute=call, arrival_mode="inpatient", resources=[]
    )
    facts = Facts(
        pathway="postop_fever",
        variant=variant,
        arrival=g.clock(call),
        source=_source(variant, septic),
        post_op_day=int(rng.integers(pod[0], pod[1] + 1)),
        surgery=surgery,
    )
    diagnosis, accepted = DIAGNOSIS[variant]
    news, response = rules.news2_response(p)
    return g.Case(
        "postop_fever",
        variant,
        p,
        facts,
        diagnosis,
        accepted,
        view,
        expect={
            "news2": news,
            "escalation": response,
            "sepsis": rules.sepsis_alert(p, infected),
            "source": SOURCE_OF[variant],
            "tests": SOURCE_TESTS[variant],
        },
    )
