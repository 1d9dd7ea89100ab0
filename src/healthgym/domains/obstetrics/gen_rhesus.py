"""Case builder: Rh D status and Rh D immune globulin (ACOG PB 181).

Scenarios: an Rh D-positive patient; an Rh D-negative patient already alloimmunised
(anti-D on the screen, no immune globulin given in this pregnancy); an unsensitised
Rh D-negative patient at a sensitising event (28-week visit, bleeding, abdominal
trauma, amniocentesis, external cephalic version, delivery of an Rh D-positive
newborn); and unsensitised patients without an indication (delivery of an Rh
D-negative newborn, a routine visit before 28 weeks).
"""

from __future__ import annotations

import re

import numpy as np

from ...clinical.guidelines.obstetric_maternal import rh_plan, rh_status, rhig_indicated
from ...tasks import RefCall, SafetyRule
from .generator import Case, base_patient, pick, ri
from .records import ObPatient

# event -> (GA range in days, where she is seen, symptom sentence)
EVENTS: dict[str, tuple[tuple[int, int], str, str]] = {
    "routine_28_weeks": (
        (28 * 7, 28 * 7 + 6),
        "at the prenatal clinic",
        "Routine 28-week visit; no bleeding, trauma or procedures in this pregnancy.",
    ),
    "antepartum_bleeding": (
        (14 * 7, 36 * 7),
        "in obstetric triage",
        "Painless vaginal bleeding this morning, about 20 mL, now settled.",
    ),
    "abdominal_trauma": (
        (24 * 7, 36 * 7),
        "in obstetric triage",
        "Restrained driver in a low-speed car crash 3 hours ago; the seat belt crossed her "
        "abdomen. No bleeding.",
    ),
    "amniocentesis": (
        (16 * 7, 20 * 7 + 6),
        "in the prenatal diagnosis unit",
        "Genetic amniocentesis was performed an hour ago without complication.",
    ),
    "external_cephalic_version": (
        (37 * 7, 37 * 7 + 6),
        "on the labour and delivery unit",
        "Successful external cephalic version for breech presentation this morning.",
    ),
    "postpartum": (
        (38 * 7, 41 * 7),
        "on the postnatal ward",
        "Uncomplicated vaginal birth of a healthy baby 6 hours ago.",
    ),
    "none": (
        (12 * 7, 22 * 7),
        "at the prenatal clinic",
        "Routine prenatal visit; no bleeding, trauma or procedures in this pregnancy.",
    ),
}
INDICATED_EVENTS = tuple(e for e in EVENTS if e != "none")


def rhesus_case(rng: np.random.Generator, pid: str) -> Case:
    scenario = str(
        rng.choice(
            ["positive", "alloimmunised", "indicated", "rh_negative_newborn", "no_event"],
            p=[0.2, 0.15, 0.45, 0.1, 0.1],
        )
    )
    if scenario == "rh_negative_newborn":
        event = "postpartum"
    elif scenario == "no_event":
        event = "none"
    elif scenario == "alloimmunised":  # an antenatal question: titres, not RhIG
        event = pick(rng, tuple(e for e in INDICATED_EVENTS if e != "postpartum"))
    else:
        event = pick(rng, INDICATED_EVENTS)
    (lo, hi), setting, sentence = EVENTS[event]
    ga = ri(rng, lo, hi)
    postpartum = event == "postpartum"
    fields = base_patient(
        rng, pid, None if postpartum else ga, re.sub(r"^(at|in|on) (the )?", "", setting)
    )
    labs = fields["labs"]
    negative = scenario != "positive"
    labs["rh"] = "negative" if negative else "positive"
    anti_d = scenario == "alloimmunised"
    if anti_d:
        labs["antibody_screen"] = f"positive: anti-D, titre 1:{pick(rng, (8, 16, 32, 64))}"
    fields["history"].append("No Rh D immune globulin has been given in this pregnancy.")
    newborn_positive: bool | None = None
    if postpartum:
        fields["para"] = min(fields["para"] + 1, fields["gravida"])
        fields["delivered"] = True
        fields["history"].append(f"Delivered at {ga // 7}+{ga % 7} weeks.")
        if scenario in ("indicated", "rh_negative_newborn"):
            newborn_positive = scenario == "indicated"
        else:
            newborn_positive = bool(rng.random() < 0.7)
        labs["newborn_abo"] = pick(rng, ("O", "A", "B"))
        labs["newborn_rh"] = "positive" if newborn_positive else "negative"
        labs["dat"] = "positive" if anti_d and newborn_positive else "negative"
    fields["symptoms"] = [sentence]
    fields["negatives"] = [n for n in fields["negatives"] if "bleeding" not in n]
    patient = ObPatient(**fields)
    status = rh_status(negative, anti_d)
    plan = rh_plan(status, event, newborn_positive)
    calls = [
        RefCall(name="get_obstetric_history"),
        RefCall(name="get_symptoms"),
        RefCall(name="order_lab_panel", arguments={"panel": "type_and_screen"}),
    ]
    evidence = [["lab:type_and_screen"], ["symptoms", "history"]]
    if postpartum and negative:
        calls.append(RefCall(name="order_lab_panel", arguments={"panel": "cord_blood"}))
        evidence.append(["lab:cord_blood"])
    calls.append(
        RefCall(name="lookup_protocol", arguments={"topic": "rh_immune_globulin"}, required=False)
    )
    safety = []
    if rhig_indicated(status, event, newborn_positive):
        safety.append(
            SafetyRule(
                code="missed_rhig",
                severity="major",
                target="missing:rh_immune_globulin",
                reason="unsensitised Rh D-negative patient at a sensitising event without RhIG",
            )
        )
    when = "a vaginal birth" if postpartum else None
    return Case(
        patient=patient,
        request=(
            (f"is seen on the postnatal ward after {when}. " if when else f"is seen {setting}. ")
            + "Establish her Rh D status and decide whether Rh D immune globulin is needed; "
            "submit the status as the finding with your plan."
        ),
        finding=status,
        plan=plan,
        calls=calls,
        evidence=evidence,
        ga_weeks=ga // 7,
        safety=safety,
    )
