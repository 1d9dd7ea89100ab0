"""Task types (c) safe alternative, (d) renal dose band and (e) deprescribing.

(c) ``alternative``: an ordered drug is unsafe for the patient (a major/contraindicated
interaction with a home drug 80%, a renal 'avoid' band 12%, a cross-reactive allergy
8%); the accepted answers are the other members of its therapeutic group that are
safe (:func:`.hazards.is_safe`).  At least one group member is a *trap*: it avoids the
first hazard but is unsafe for another reason, so no single hazard view (the
interaction with one home drug, or one allergy class, as ``find_alternatives`` shows
it) equals the accepted set.

(d) ``renal_dose``: a renally dosed drug and a patient whose CrCl/eGFR lies inside
a chosen labelled band (at least 3 mL/min from its edges) and no home drug that
interacts with the order (so the dose depends on kidney function alone); the answer is
that band's dose.  Choosing a band meant for better kidney function overdoses (major).

(e) ``deprescribe``: exactly one home drug is inappropriate for this patient: an AGS
Beers 2023 'avoid' drug in an adult >= 65 (40%), a drug whose renal band says avoid at
the patient's kidney function (35%), or a drug to avoid or contraindicated in
pregnancy in a pregnant patient (25%); no pair in the regimen is worse than moderate.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ...clinical.drugs import SEVERITY_RANK, RenalBand, drugs, group_members
from ...clinical.drugs.hazards import same_family
from ...clinical.treatments import ALLERGY_CLASSES
from ...tasks import SafetyRule
from .hazards import hazards, is_safe, max_regimen_severity
from .patients import Builder, GenerationFailed, outpatient_pool
from .records import DrugPatient
from .task_common import (
    Built,
    call,
    hazard_rules,
    indication_name,
    pick,
    rank,
    ref,
    regimen_forms,
    weighted,
    who,
)

MAJOR = SEVERITY_RANK["major"]


@cache
def alternative_groups() -> tuple[str, ...]:
    table = drugs()
    groups = {d.group for d in table.values()}
    return tuple(sorted(g for g in groups if len(group_members(g)) >= 3))


def _avoid_band(name: str) -> list[RenalBand]:
    return [b for b in drugs()[name].renal.bands if b.action == "avoid"]  # type: ignore[union-attr]


def _views(alts: list[str], p: DrugPatient) -> list[set[str]]:
    """What find_alternatives shows as clear, for each single hazard it can annotate."""
    views = [{m for m in alts if rank(m, h) < MAJOR} for h in p.regimen()]
    for a in p.allergies:
        cls = ALLERGY_CLASSES[a.allergen]
        views.append({m for m in alts if cls not in drugs()[m].allergy_classes})
    return views


def _clear_of_renal(name: str, band: RenalBand) -> bool:
    renal = drugs()[name].renal
    if renal is None:
        return True
    return not any(b.action == "avoid" and b.lo < band.hi and band.lo < b.hi for b in renal.bands)


@cache
def alternative_starts() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Scenario starts by kind: (ordered drug, hazard kind, payload) where the hazard makes
    the drug unsafe but leaves at least one other group member clear of it."""
    table = drugs()
    out: dict[str, list[tuple[str, str, str]]] = {"interaction": [], "renal": [], "allergy": []}
    for group in alternative_groups():
        members = group_members(group)
        outside = [n for n in outpatient_pool() if table[n].group != group]
        for x in members:
            if table[x].inpatient_only:
                continue
            alts = [m for m in members if m != x]
            for y in outside:
                if rank(x, y) >= MAJOR and any(rank(m, y) < MAJOR for m in alts):
                    out["interaction"].append((x, "interaction", y))
            if table[x].renal is not None:
                for i, band in enumerate(table[x].renal.bands):  # type: ignore[union-attr]
                    if band.action == "avoid" and any(_clear_of_renal(m, band) for m in alts):
                        out["renal"].append((x, "renal", str(i)))
            for cls in table[x].allergy_classes:
                if any(cls not in table[m].allergy_classes for m in alts):
                    out["allergy"].append((x, "allergy", cls))
    return {k: tuple(v) for k, v in out.items()}


def _cleared(x: str, kind: str, payload: str, alts: list[str]) -> list[str]:
    """Alternatives that avoid the first hazard."""
    table = drugs()
    if kind == "interaction":
        return [m for m in alts if rank(m, payload) < MAJOR]
    if kind == "allergy":
        return [m for m in alts if payload not in table[m].allergy_classes]
    band = table[x].renal.bands[int(payload)]  # type: ignore[union-attr]
    return [m for m in alts if _clear_of_renal(m, band)]


def build_alternative(rng: np.random.Generator, pid: str) -> Built:
    table = drugs()
    kind = weighted(rng, {"interaction": 0.8, "renal": 0.12, "allergy": 0.08})
    x, kind, payload = pick(rng, alternative_starts()[kind])
    group = table[x].group
    members = group_members(group)
    builder = Builder(rng, pid, cirrhosis=rng.random() < 0.06)
    if kind == "renal":
        band = table[x].renal.bands[int(payload)]  # type: ignore[union-attr]
        builder.set_renal(table[x].renal.basis, band.lo, band.hi)  # type: ignore[union-attr]
    if kind == "allergy":
        labels = sorted(k for k, c in ALLERGY_CLASSES.items() if c == payload)
        builder.add_allergy(pick(rng, labels))
    indication = builder.indication_for(x)
    if indication is None:
        raise GenerationFailed("the order's indication does not fit")
    builder.add_condition(indication)
    outside = [n for n in outpatient_pool() if table[n].group != group]
    if kind == "interaction":
        builder.add_drug(payload)
    cleared = _cleared(x, kind, payload, [m for m in members if m != x])
    trap = pick(rng, cleared)
    trap_partners = [
        n
        for n in outside
        if rank(trap, n) >= MAJOR and any(rank(m, n) < MAJOR for m in cleared if m != trap)
    ]
    if not trap_partners:
        raise GenerationFailed("no partner makes the trap unsafe")
    builder.add_drug(pick(rng, trap_partners))
    builder.random_allergies(k_max=1)
    builder.fill(int(rng.integers(4, 8)), lambda n: not same_family(x, n))
    p = builder.finish()
    alts = [m for m in members if m != x]
    if any(same_family(m, h) for m in members for h in p.regimen()):
        # a class member would duplicate a home drug's family (STOPP v2 A3): not a
        # like-for-like substitution question
        raise GenerationFailed("the class duplicates a home medication")
    accepted = [m for m in alts if is_safe(m, p)]
    if is_safe(x, p) or not accepted or len(accepted) == len(alts):
        raise GenerationFailed("no informative set of alternatives")
    if any(view == set(accepted) for view in _views(alts, p)):
        raise GenerationFailed("a single hazard view would reveal the answer")
    choice = pick(rng, accepted)
    renal_needed = kind == "renal" or table[choice].renal is not None
    calls = [
        call("get_medication_list"),
        call("get_allergies"),
        *([call("get_patient_summary", False)] if renal_needed else []),
        *([call("get_labs", False)] if renal_needed or p.cirrhosis else []),
        *([call("get_problem_list", False)] if p.cirrhosis else []),
        call("check_interactions", False, drug=x, others=p.regimen()),
        *(
            [call("renal_dose_adjustment", False, drug=x)]
            if kind == "renal"
            else [call("check_allergy", False, drug=x)]
            if kind == "allergy"
            else []
        ),
        call("find_alternatives", drug=x),
        # the chosen alternative checked against the regimen: any accepted alternative
        ref(
            "check_interactions",
            {"drug": choice, "others": p.regimen()},
            alternatives=("check_interaction",),
            accept={"drug": [m for m in accepted if m != choice], "others": regimen_forms(p)},
        ),
        ref(
            "check_allergy",
            {"drug": choice},
            bool(p.allergies),
            accept={"drug": [m for m in accepted if m != choice]},
        ),
    ]
    if table[choice].renal:
        calls.append(call("renal_dose_adjustment", False, drug=choice))
    if p.cirrhosis:
        calls.append(call("hepatic_dose_adjustment", False, drug=choice))
    prompt = (
        f"The prescriber wants to start {x} for {indication_name(indication)} in a {who(p)}, "
        "but it cannot be dispensed safely for this patient. Recommend one alternative from "
        "the same drug class that is safe for this patient (interactions with the current "
        "medications, allergies, kidney and liver function, pregnancy). Submit "
        "submit_answer(drugs=[<alternative>])."
    )
    safety = [r for m in members for r in hazard_rules(m, p)]
    return Built(
        patient=p,
        prompt=prompt,
        calls=calls,
        answer={"drugs": [choice]},
        order=x,
        grader={"original": x, "group": group, "accepted": accepted},
        safety=safety,
    )


def renal_drugs() -> list[str]:
    return sorted(n for n, d in drugs().items() if d.renal is not None)


def build_renal_dose(rng: np.random.Generator, pid: str) -> Built:
    x = pick(rng, renal_drugs())
    d = drugs()[x]
    renal = d.renal
    assert renal is not None
    index = int(rng.integers(len(renal.bands)))
    band = renal.bands[index]
    young = band.lo >= 75
    builder = Builder(rng, pid, age=(20, 50) if young else (25, 88))
    builder.set_renal(renal.basis, band.lo, band.hi)
    indication = builder.indication_for(x)
    if indication is None:
        raise GenerationFailed("the order's indication does not fit")
    builder.add_condition(indication)
    builder.random_allergies(avoid_classes=set(d.allergy_classes))
    # no home drug interacts with the order, so its dose depends on kidney function alone
    builder.fill(int(rng.integers(3, 8)), lambda n: drugs()[n].group != d.group and not rank(x, n))
    p = builder.finish()
    value = p.renal_value(renal.basis)
    if renal.band_index(value) != index:
        raise GenerationFailed("renal value left the band")
    answer = {"drug": x, "dose": band.dose, "renal_function": value}
    prompt = (
        f"Dosing request: {x} is to be started for {indication_name(indication)} in a "
        f"{who(p)}. Determine the dose for this patient's kidney function. Submit "
        "submit_answer(drug=..., dose=<the labelled dosing instruction for the patient's "
        "renal band>, renal_function=<the CrCl or eGFR you used>)."
    )
    safety = [
        SafetyRule(
            code="renal_overdose",
            severity="major",
            target=f"band:{i}",
            reason=f"dose for {renal.measure} {b.label()} exceeds the dose for this patient",
        )
        for i, b in enumerate(renal.bands[:index])
        if b.action != "avoid"
    ]
    return Built(
        patient=p,
        prompt=prompt,
        calls=[
            call("get_patient_summary", False),
            call("get_labs", False),
            ref("renal_dose_adjustment", {"drug": x}, alternatives=("drug_monograph",)),
        ],
        answer=answer,
        order=x,
        grader={"drug": x, "band": index, "basis": renal.basis, "value": value},
        safety=safety,
    )


def _stop_reasons(name: str, p: DrugPatient) -> set[str]:
    reasons = {"beers", "renal", "pregnancy", "hepatic"}
    return {h.reason for h in hazards(name, p, regimen=[]) if h.reason in reasons}


def build_deprescribe(rng: np.random.Generator, pid: str) -> Built:
    table = drugs()
    reason = weighted(rng, {"beers": 0.40, "renal": 0.35, "pregnancy": 0.25})
    pool = [n for n in sorted(table) if not table[n].inpatient_only]
    if reason == "beers":
        target = pick(rng, [n for n in pool if table[n].beers_avoid])
        builder = Builder(rng, pid, age=(66, 90))
    elif reason == "renal":
        target = pick(rng, [n for n in pool if table[n].renal and _avoid_band(n)])
        builder = Builder(rng, pid)
        band = pick(rng, _avoid_band(target))
        builder.set_renal(table[target].renal.basis, band.lo, band.hi)  # type: ignore[union-attr]
    else:
        level = ("contraindicated", "avoid")
        target = pick(rng, [n for n in pool if table[n].pregnancy[0] in level])
        builder = Builder(rng, pid, pregnant=True)
    builder.random_allergies(avoid_classes=set(table[target].allergy_classes))
    builder.add_drug(target, check=False)

    def fits(name: str) -> bool:
        return all(rank(name, m) <= SEVERITY_RANK["moderate"] for m in builder.p.regimen())

    builder.fill(int(rng.integers(4, 8)), fits, allow_beers=builder.p.age < 65)
    p = builder.finish()
    flagged = [m for m in p.regimen() if _stop_reasons(m, p)]
    if flagged != [target] or reason not in _stop_reasons(target, p):
        raise GenerationFailed("the drug to stop is not unique")
    if max_regimen_severity(p.regimen()) > SEVERITY_RANK["moderate"]:
        raise GenerationFailed("a serious interaction would compete with the answer")
    evidence = {
        "beers": [call("drug_monograph", drug=target)],
        "renal": [
            call("get_labs", False),
            ref("renal_dose_adjustment", {"drug": target}, alternatives=("drug_monograph",)),
        ],
        "pregnancy": [
            ref("pregnancy_lactation_safety", {"drug": target}, alternatives=("drug_monograph",))
        ],
    }[reason]
    prompt = (
        f"Medication review for a {who(p)}: one current medication is no longer appropriate "
        "for this patient and should be stopped. Identify it and the main reason. Submit "
        "submit_answer(drugs=[<drug to stop>], reason=<main reason>)."
    )
    return Built(
        patient=p,
        prompt=prompt,
        calls=[call("get_patient_summary"), call("get_medication_list"), *evidence],
        answer={"drugs": [target], "reason": reason},
        grader={"drug": target, "reason": reason},
    )
