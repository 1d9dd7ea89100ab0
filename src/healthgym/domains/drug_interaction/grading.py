"""Grader of drug_interaction: accuracy per task type, safety rules, coherence checks.

Drug names in answers are read through the formulary with the shared matcher
(:mod:`healthgym.clinical.matching.drug_names`): brand and salt names are accepted, an
item may name its drug inside a sentence ("switch to pravastatin 40 mg"), and a drug
named only to be avoided, stopped or replaced ("avoid simvastatin", "instead of X") is
not an answer (for deprescribing, the drug named to stop is the answer).  Accuracy:

* most_severe: 0.7 for the right pair (exactly two drugs) + 0.3 for its severity;
* order_review: approve tasks 1.0 for approving; reject tasks 0.5 for rejecting + 0.5
  when the stated reason is one of the order's hazards (and, for an interaction, the
  named drug is an interacting home drug);
* alternative: 1.0 when exactly one drug is recommended and it is one of the safe
  alternatives; several drugs are graded by precision (0.5 x the accepted fraction when
  one is accepted);
* renal_dose: 1.0 when the dose lies inside the labelled band for the patient's
  CrCl/eGFR, read as quantities (:func:`healthgym.clinical.matching.bands_fitting`:
  amount, interval and daily maximum; "no renal adjustment needed" for a usual band; an
  'avoid' answer for an avoid band);
* deprescribe: 1.0 when the single drug named is the inappropriate one.

Safety: the task's rules fire on the drug approved (order_review) or recommended
(alternative) and on a renal band meant for better kidney function (renal_dose):
approving or choosing a contraindicated combination, an allergen or a drug
contraindicated in pregnancy is critical; a major interaction, a renal or hepatic
'avoid' or an overdosing band is major.  Recommended drugs outside the task's rules are
checked with the shared knowledge (:func:`.hazards.hazards`), and so are two
recommended drugs of one class or a recommended drug duplicating a home drug's class
(``duplicate_class``, major) and an interaction between recommended drugs.  A renal dose
above the patient's band that fits no band is ``renal_overdose`` (major).

Coherence checks compare the answer with the evidence the agent saw in the episode
(e.g. the severity stated equals the one a tool showed for that pair).
"""

from __future__ import annotations

import re
from typing import Any

from ...clinical.drugs import SEVERITY_RANK, drugs, group_members, normalize_name
from ...clinical.drugs.hazards import ix_of, same_family
from ...clinical.matching import annotate, bands_fitting, parse_band, parse_regimens
from ...clinical.matching import match_band as _match_band
from ...clinical.matching.drug_names import asserted_drugs, drug_mentions, negated_drugs
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .hazards import hazards
from .records import DrugState

RENAL_TOLERANCE = 1.0  # mL/min: reported CrCl/eGFR may be rounded


def _items(answer: dict[str, Any]) -> list[str]:
    values = answer.get("drugs") or []
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _names(answer: dict[str, Any]) -> list[str | None]:
    """The drugs the answer names positively, one per item in order (an item naming
    several drugs gives each; a negated mention - "avoid X", "not X" - is no answer; an
    item naming no formulary drug gives None)."""
    out: list[str | None] = []
    for item in _items(answer):
        found = asserted_drugs(item)
        if not found and drug_mentions(item):
            continue  # named only to be avoided, stopped or replaced
        out.extend(found or [normalize_name(item)])
    return list(dict.fromkeys(out)) if None not in out else out


_STOP_VERB = re.compile(
    r"\b(?:stop\w*|discontinu\w*|deprescrib\w*|withdraw\w*|taper\w*|cease|hold|d/c|"
    r"come off|wean\w*)\b",
    re.I,
)


def _stopped(answer: dict[str, Any]) -> list[str | None]:
    """The drugs a deprescribing answer stops: those named with a stopping verb ("stop
    ibuprofen; continue aspirin" stops ibuprofen), else those it names positively.  A
    drug merely negated ("not ibuprofen", "ibuprofen ruled out") is not the answer."""
    stop = [n for item in _items(answer) if _STOP_VERB.search(item) for n in negated_drugs(item)]
    return list(dict.fromkeys(stop)) if stop else _names(answer)


def _asserted_dose(text: str) -> str:
    """The parts of a dose answer that are not negated ("not 875 mg every 12 hours;
    250 mg every 12 hours" gives the second; "875 mg q12h ruled out" gives nothing)."""
    kept = []
    for piece in re.split(r";|\.\s+|\binstead\b|\bbut\b", text):
        toks = annotate(piece)
        numbers = [t for t in toks if t.text[:1].isdigit()]
        if numbers and all(t.negated for t in numbers):
            continue
        kept.append(piece)
    return "; ".join(p.strip() for p in kept if p.strip())


def match_band(dose: str, bands: list[tuple[str, str]]) -> int | None:
    """Index of the one band an answer gives; ``bands`` = (dose, action) pairs.

    Doses are read as quantities (:func:`healthgym.clinical.matching.match_band`): any
    dose inside a band's range, frequency and daily maximum gives that band ("875 mg every
    12 hours" is in "500 mg every 8 hours or 875 mg every 12 hours"), "no renal adjustment
    needed" gives the usual band, an 'avoid' answer the avoid band (-1 when there are
    several); None when no band, or more than one, fits."""
    return _match_band(dose, bands) if isinstance(dose, str) else None


def _regimen_checked(state: DrugState, name: str) -> bool:
    if name in state.regimen_checked:
        return True
    return all(state.saw_pair(name, m) for m in state.patient.regimen() if m != name)


def _allergies_seen(state: DrugState, name: str) -> bool:
    return "allergies" in state.record_viewed or name in state.allergy_checked


def _most_severe(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    names = _names(answer)
    pair_ok = len(names) == 2 and set(names) == set(task.grader["pair"])
    sev_ok = answer.get("severity") == task.grader["severity"]
    checks = {"pair_in_regimen": all(n in state.patient.regimen() for n in names) and names != []}
    if len(names) == 2 and all(names):
        checks["severity_matches_evidence"] = state.saw_pair(names[0], names[1]) == answer.get(
            "severity"
        )
    else:
        checks["severity_matches_evidence"] = False
    accuracy = (0.7 if pair_ok else 0.0) + (0.3 if pair_ok and sev_ok else 0.0)
    return Grade(accuracy, [], checks, {"correct": accuracy == 1.0, "pair_correct": pair_ok})


def _reason_supported(state: DrugState, order: str, reason: Any, names: list) -> bool:
    if reason == "interaction":
        culprits = [n for n in names if n] or state.patient.regimen()
        return any(state.saw_pair(order, c) in ("major", "contraindicated") for c in culprits)
    if reason == "allergy":
        return _allergies_seen(state, order)
    if reason == "renal":
        return order in state.renal_checked
    if reason == "pregnancy":  # the drug's rating and the patient's status (summary)
        rated = order in state.pregnancy_checked or order in state.monographs
        return rated and "summary" in state.record_viewed
    if reason == "hepatic":
        return order in state.hepatic_checked
    return False


def _order_review(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    order = task.hidden["order"]
    decision = answer.get("decision")
    names = _names(answer)
    truth = task.grader["decision"]
    if truth == "approve":
        accuracy = 1.0 if decision == "approve" else 0.0
    else:
        reason_ok = any(
            h["reason"] == answer.get("reason")
            and (h["reason"] != "interaction" or h["culprit"] in names)
            for h in task.grader["hazards"]
        )
        # a rejection for the wrong reason is half right: the reason is the review's finding
        accuracy = (0.5 + 0.5 * reason_ok) if decision == "reject" else 0.0
    violations = []
    if decision == "approve":
        violations = [
            Violation(r.code, r.severity, f"approved {r.target}: {r.reason}")
            for r in task.safety
            if r.target == order
        ]
    if decision == "approve":
        supported = _regimen_checked(state, order) and _allergies_seen(state, order)
    else:
        supported = _reason_supported(state, order, answer.get("reason"), names)
    return Grade(
        accuracy,
        violations,
        {"decision_supported": supported},
        {"correct": accuracy == 1.0, "decision": decision},
    )


def _named_hazards(task: Task, state: DrugState, answer: dict[str, Any]) -> list[Violation]:
    """Safety of every drug an answer recommends, from the task's rules and the shared
    drug knowledge: each drug's hazards for this patient (allergy, interaction with a
    home drug, renal/hepatic 'avoid', pregnancy, Beers), two recommended drugs of one
    therapeutic family or one duplicating a home drug's family (therapeutic duplication,
    STOPP v2 A3; major), and a major or contraindicated interaction between two
    recommended drugs (the interaction table)."""
    p = state.patient
    out: list[Violation] = []
    ruled = {r.target for r in task.safety}
    mentions = [m for item in _items(answer) for m in drug_mentions(item) if not m.negated]
    names = list(dict.fromkeys(m.name for m in mentions))
    hedged = {m.name for m in mentions if m.hedged}
    for n in names:
        if n in ruled:
            out += [
                Violation(r.code, r.severity, f"recommended {n}: {r.reason}")
                for r in task.safety
                if r.target == n
            ]
        else:
            out += [
                Violation(h.code, h.severity, f"recommended {n}: {h.text}") for h in hazards(n, p)
            ]
        for home in p.regimen():
            if home != n and same_family(n, home):
                out.append(
                    Violation("duplicate_class", "major", f"{n} duplicates home drug {home}")
                )
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if same_family(a, b) and not (a in hedged and b in hedged):
                out.append(Violation("duplicate_class", "major", f"{a} with {b}: same class"))
            ix = ix_of(a, b)
            if ix is not None and SEVERITY_RANK[ix.severity] >= SEVERITY_RANK["major"]:
                sev = "critical" if ix.severity == "contraindicated" else "major"
                out.append(
                    Violation(f"{ix.severity}_interaction", sev, f"{a} with {b}: {ix.category}")
                )
    return out


def _alternative(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    """One safe alternative: 1.0 for exactly one drug named and accepted.  Naming several
    is graded by precision and recall (0.5 x the accepted fraction when one of them is
    accepted; 0 otherwise); negated mentions ("instead of X", "avoid X") are not
    recommendations."""
    names = _names(answer)
    accepted = set(task.grader["accepted"])
    choice = names[0] if len(names) == 1 else None
    hits = [n for n in names if n in accepted]
    if choice is not None:
        accuracy = 1.0 if choice in accepted else 0.0
    else:
        accuracy = 0.5 * len(hits) / len(names) if hits else 0.0
    violations = _named_hazards(task, state, answer)
    checks = {
        "same_class": choice in group_members(task.grader["group"]),
        "alternative_checked": choice is not None and _regimen_checked(state, choice),
        "allergies_checked": choice is not None and _allergies_seen(state, choice),
    }
    return Grade(
        accuracy,
        violations,
        checks,
        {"correct": accuracy == 1.0, "chosen": choice, "named": [n for n in names if n]},
    )


def _above_band(dose: str, band_dose: str, action: str) -> bool:
    """Whether a dose that fits no band is more than the band allows (a dose where the
    band says avoid, or a daily amount above the band's largest)."""
    regs = [r for r in parse_regimens(dose) if not r.once]
    if not regs:
        return False
    band = parse_band(band_dose, action)
    if band.avoid:
        return True
    ans = regs[-1]
    limits = [
        r.daily()[1]  # type: ignore[index]
        for r in band.regimens
        if (r.dim, r.per_kg) == (ans.dim, ans.per_kg) and r.daily() is not None
    ]
    if band.daily_cap is not None:
        limits.append(band.daily_cap)
    daily = ans.daily()
    if daily is None or not limits:
        return False
    return daily[1] > max(limits) * 1.001


def _renal_dose(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    """The dose is right when it lies inside the labelled band for the patient's kidney
    function (as quantities: any dose and interval inside the band, "no adjustment
    needed" for a usual band; bands may overlap).  A dose in a band meant for better
    kidney function, or above the patient's band, overdoses (major)."""
    drug = task.grader["drug"]
    renal = drugs()[drug].renal
    assert renal is not None
    bands = [(b.dose, b.action) for b in renal.bands]
    given = answer.get("drug")
    same_drug = given is None or normalize_name(str(given)) == drug
    dose = _asserted_dose(str(answer.get("dose") or ""))
    fits = bands_fitting(dose, bands) if same_drug else []
    band = match_band(dose, bands) if same_drug else None
    index = task.grader["band"]
    accuracy = 1.0 if index in fits else 0.0
    violations = [
        Violation(r.code, r.severity, r.reason) for r in task.safety if r.target == f"band:{band}"
    ]
    if same_drug and not fits and not violations and _above_band(dose, *bands[index]):
        violations.append(
            Violation("renal_overdose", "major", f"{dose[:80]} exceeds the dose for this CrCl")
        )
    checks = {"renal_table_seen": drug in state.renal_checked}
    if answer.get("renal_function") is not None:
        checks["renal_function_consistent"] = (
            abs(float(answer["renal_function"]) - task.grader["value"]) <= RENAL_TOLERANCE
        )
    return Grade(
        accuracy, violations, checks, {"correct": accuracy == 1.0, "band": band, "fits": fits}
    )


def _deprescribe(task: Task, state: DrugState, answer: dict[str, Any]) -> Grade:
    names = _stopped(answer)
    target, reason = task.grader["drug"], task.grader["reason"]
    accuracy = 1.0 if names == [target] else 0.0
    seen = {
        "beers": state.monographs,
        "renal": state.renal_checked,
        "pregnancy": state.pregnancy_checked | state.monographs,
    }[reason]
    checks = {"evidence_seen": target in seen}
    if answer.get("reason") is not None:
        checks["reason_consistent"] = answer.get("reason") == reason
    return Grade(accuracy, [], checks, {"correct": accuracy == 1.0})


GRADERS = {
    "most_severe": _most_severe,
    "order_review": _order_review,
    "alternative": _alternative,
    "renal_dose": _renal_dose,
    "deprescribe": _deprescribe,
}


def grade(task: Task, state: DrugState, log: EpisodeLog) -> Grade:
    """Score a finished episode (accuracy 0 and no checks when nothing was submitted)."""
    if log.answer is None:
        return Grade(accuracy=0.0, details={"correct": False})
    g = GRADERS[task.grader["task_type"]](task, state, log.answer)
    g.details["task_type"] = task.grader["task_type"]
    return g
