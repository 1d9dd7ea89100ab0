"""Task types (a) most severe interaction and (b) new-order review.

(a) ``most_severe``: the regimen holds exactly one pair of the target severity
(contraindicated 35%, major 40%, moderate 25%) and at least one less severe
interacting pair, so screening flags several candidates and the agent must check
severities pair by pair (no tool ranks them).  Answer: the pair and its severity.

(b) ``order_review``: a new order is safe (40%; in 70% of those it still has a
moderate or minor interaction to weigh) or has a hazard: a contraindicated (15%) or
major (15%) interaction with a home medication, a cross-reactive allergy (15%), a
renal 'avoid' band at the patient's kidney function (10%) or a contraindication in
pregnancy (5%).  Answer: approve, or reject with the reason (and the interacting drug).
"""

from __future__ import annotations

import numpy as np

from ...clinical.drugs import SEVERITY_RANK, drugs
from ...clinical.drugs.hazards import same_family
from ...clinical.treatments import ALLERGY_CLASSES
from .hazards import hazards
from .patients import Builder, GenerationFailed, outpatient_pool
from .records import DrugPatient
from .task_common import (
    Built,
    call,
    hazard_rules,
    indication_name,
    pairs_of,
    pick,
    rank,
    ref,
    regimen_forms,
    weighted,
    who,
)
from .tools_drug import _pairs

MOST_SEVERE_MIX = {"contraindicated": 0.35, "major": 0.40, "moderate": 0.25}
ORDER_MIX = {
    "safe": 0.40,
    "contraindicated": 0.15,
    "major": 0.15,
    "allergy": 0.15,
    "renal": 0.10,
    "pregnancy": 0.05,
}


def build_most_severe(rng: np.random.Generator, pid: str) -> Built:
    severity = weighted(rng, MOST_SEVERE_MIX)
    target = SEVERITY_RANK[severity]
    a, b = pick(rng, pairs_of(severity))
    builder = Builder(rng, pid, cirrhosis=rng.random() < 0.08)
    builder.random_allergies(
        avoid_classes=set(drugs()[a].allergy_classes) | set(drugs()[b].allergy_classes)
    )
    builder.add_drug(a)
    builder.add_drug(b)
    regimen = builder.p.regimen

    def below(name: str) -> bool:
        return all(rank(name, m) < target for m in regimen())

    def distractor(name: str) -> bool:
        return below(name) and any(rank(name, m) for m in regimen())

    builder.fill(len(regimen()) + int(rng.integers(1, 3)), distractor)
    builder.fill(int(rng.integers(4, 9)), below)
    p = builder.finish()
    flagged = _pairs(p.regimen())
    top = [(x, y) for x, y, ix in flagged if SEVERITY_RANK[ix.severity] >= target]
    if not 2 <= len(flagged) <= 12 or len(top) != 1:  # 12: the oracle fits in 20 turns
        raise GenerationFailed("the most severe pair is not unique")
    # evidence: the regimen screened (a set: any order, the list's own names) and the
    # severity of the answer's pair from any tool that shows a pair's severity
    a0, b0 = top[0]
    calls = [
        call("get_medication_list"),
        ref(
            "screen_interactions",
            {"drugs": p.regimen()},
            alternatives=("check_interactions",),
            accept={"drugs": regimen_forms(p)},
        ),
        ref(
            "check_interaction",
            {"drug_a": a0, "drug_b": b0},
            alternatives=("check_interactions", "find_alternatives"),
            accept={"drug_a": [b0], "drug_b": [a0]},
        ),
    ]
    calls += [
        call("check_interaction", False, drug_a=x, drug_b=y)
        for x, y, _ in flagged
        if (x, y) != top[0]
    ]
    answer = {"drugs": list(top[0]), "severity": severity}
    prompt = (
        f"Medication review: a {who(p)} asks the pharmacy to review their current home "
        "medications. Find the single most severe drug-drug interaction among them. Submit "
        "submit_answer(drugs=[<drug 1>, <drug 2>], severity=<its severity>)."
    )
    return Built(
        patient=p,
        prompt=prompt,
        calls=calls,
        answer=answer,
        grader={"pair": sorted(top[0]), "severity": severity},
    )


def _order_drug(rng: np.random.Generator, kind: str) -> tuple[str, str | None]:
    """(ordered drug, interacting home drug or None) for an order-review hazard kind."""
    table = drugs()
    if kind in ("contraindicated", "major"):
        x, y = pick(rng, pairs_of(kind))
        return (x, y) if rng.random() < 0.5 else (y, x)
    if kind == "allergy":
        return pick(rng, sorted(n for n, d in table.items() if d.allergy_classes)), None
    if kind == "renal":
        options = [n for n, d in table.items() if d.renal and d.renal.bands[-1].action == "avoid"]
        return pick(rng, sorted(options)), None
    if kind == "pregnancy":
        options = [n for n, d in table.items() if d.pregnancy[0] == "contraindicated"]
        return pick(rng, sorted(options)), None
    return pick(rng, sorted(table)), None


def _order_patient(
    rng: np.random.Generator, pid: str, kind: str, x: str, y: str | None
) -> tuple[DrugPatient, str]:
    d = drugs()[x]
    builder = Builder(rng, pid, pregnant=kind == "pregnancy", cirrhosis=rng.random() < 0.06)
    if kind == "renal":
        avoid = [b for b in d.renal.bands if b.action == "avoid"]  # type: ignore[union-attr]
        band = pick(rng, avoid)
        builder.set_renal(d.renal.basis, band.lo, band.hi)  # type: ignore[union-attr]
    if kind == "allergy":
        labels = [k for k, c in ALLERGY_CLASSES.items() if c in d.allergy_classes]
        builder.add_allergy(pick(rng, sorted(labels)))
    else:
        builder.random_allergies(avoid_classes=set(d.allergy_classes))
    indication = builder.indication_for(x)
    if indication is None:
        raise GenerationFailed("the order's indication does not fit the patient")
    builder.add_condition(indication)
    if y is not None:
        builder.add_drug(y)
    if kind == "safe" and rng.random() < 0.7:  # a moderate or minor interaction to weigh
        partners = [
            n
            for n in outpatient_pool()
            if 0 < rank(x, n) <= SEVERITY_RANK["moderate"] and not same_family(x, n)
        ]
        if partners:
            builder.add_drug(pick(rng, partners))

    def fits(name: str) -> bool:
        return not same_family(x, name) and (kind != "safe" or rank(x, name) < 3)

    builder.fill(int(rng.integers(3, 8)), fits)
    return builder.finish(), indication


def build_order_review(rng: np.random.Generator, pid: str) -> Built:
    kind = weighted(rng, ORDER_MIX)
    x, y = _order_drug(rng, kind)
    d = drugs()[x]
    p, indication = _order_patient(rng, pid, kind, x, y)
    if p.age >= 65 and d.beers_avoid:
        raise GenerationFailed("Beers drugs are not ordered for older adults here")
    if any(same_family(x, m) for m in p.regimen() if m != y):
        raise GenerationFailed("the order duplicates a home medication's class")
    found = [h for h in hazards(x, p) if h.reason != "beers"]
    expected = {"safe": None, "allergy": "allergy", "renal": "renal", "pregnancy": "pregnancy"}
    want = expected.get(kind, "interaction")
    if (kind == "safe") != (not found) or (want and want not in {h.reason for h in found}):
        raise GenerationFailed("the order's hazards differ from the intended kind")
    calls = [
        call("get_medication_list"),
        call("get_allergies"),
        ref(
            "check_interactions",
            {"drug": x, "others": p.regimen()},
            alternatives=("check_interaction",),
            accept={"others": regimen_forms(p, x)},
        ),
        call("check_allergy", kind == "allergy", drug=x),
    ]
    if d.renal or kind == "pregnancy":
        calls.append(call("get_patient_summary", kind in ("renal", "pregnancy")))
    if d.renal:
        calls.append(call("get_labs", kind == "renal"))
        calls.append(
            ref(
                "renal_dose_adjustment",
                {"drug": x},
                kind == "renal",
                alternatives=("drug_monograph",),
            )
        )
    if kind == "pregnancy":
        calls.append(
            ref("pregnancy_lactation_safety", {"drug": x}, alternatives=("drug_monograph",))
        )
    if kind == "safe":
        answer: dict = {"decision": "approve"}
    else:
        primary = next(h for h in found if h.reason == want and (y is None or h.culprit == y))
        answer = {"decision": "reject", "reason": primary.reason}
        if primary.reason == "interaction":
            answer["drugs"] = [primary.culprit]
    prompt = (
        f"Order verification: the prescriber has ordered {x} ({d.usual_dose}) for "
        f"{indication_name(indication)} for a {who(p)}. Review the order against the record "
        "and decide whether to approve or reject it. Submit submit_answer(decision=..., "
        "reason=<main reason when rejecting>, drugs=[<the interacting home medication>] when "
        "an interaction is the reason)."
    )
    return Built(
        patient=p,
        prompt=prompt,
        calls=calls,
        answer=answer,
        order=x,
        grader={
            "decision": answer["decision"],
            "hazards": [{"reason": h.reason, "culprit": h.culprit} for h in found],
        },
        safety=hazard_rules(x, p),
    )
